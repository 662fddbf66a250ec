/**
 * Adding and removing an issue's label (the label a waiting run puts on its issue), against the
 * OpenAPI-checked GitHub fake.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { GitHubApiError } from '../../../src/github/errors.ts';
import { addIssueLabel, removeIssueLabel } from '../../../src/github/issues.ts';
import { createOctokit } from '../../../src/github/octokit.ts';
import { type GitHubFake, startGitHubFake } from '../../support/github-fake.ts';

const REPO = { owner: 'octo-org', repo: 'demo' };
const LABEL = 'ensemble:needs-info';
const DENIED = { status: 403, message: 'Resource not accessible by integration' };

const fakes: GitHubFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function setup(labels: string[] = []) {
  const fake = await startGitHubFake({ issues: [{ number: 5, title: 'Paging', author: 'maya', labels }] });
  fakes.push(fake);
  const octokit = createOctokit({ token: 'test-token', baseUrl: fake.url, secondMs: 1 });
  return { fake, octokit, params: { ...REPO, issue_number: 5, label: LABEL } };
}

const labelsOf = (fake: GitHubFake) => fake.state.issues.get(5)!.labels;

describe('addIssueLabel and removeIssueLabel', () => {
  test('a label the repository lacks is created and added; adding it again changes nothing', async () => {
    const { fake, octokit, params } = await setup(['ensemble']);
    expect(fake.state.labels.has(LABEL)).toBe(false);
    await addIssueLabel(octokit, params);
    expect(labelsOf(fake)).toEqual(['ensemble', LABEL]);
    expect(fake.state.labels.has(LABEL)).toBe(true);
    await addIssueLabel(octokit, params);
    expect(labelsOf(fake)).toEqual(['ensemble', LABEL]);
    expect(fake.problems).toEqual([]);
  });

  test('a label is removed, leaving the others; one the issue does not carry (404) is no error', async () => {
    const { fake, octokit, params } = await setup(['ensemble', LABEL]);
    expect(await removeIssueLabel(octokit, params)).toBe(true);
    expect(labelsOf(fake)).toEqual(['ensemble']);
    // A re-run removes it again: GitHub answers 404, and nothing is wrong.
    expect(await removeIssueLabel(octokit, params)).toBe(false);
    expect(fake.calls('issues/remove-label').map((r) => r.status)).toEqual([200, 404]);
    expect(labelsOf(fake)).toEqual(['ensemble']);
    expect(fake.problems).toEqual([]);
  });

  test('a token without issues: write: an error naming the label, the issue and the permission', async () => {
    const { fake, octokit, params } = await setup([LABEL]);
    fake.fail('issues/add-labels', DENIED);
    fake.fail('issues/remove-label', DENIED);
    const added = await addIssueLabel(octokit, params).catch((e: unknown) => e);
    expect(added).toBeInstanceOf(GitHubApiError);
    expect((added as Error).message).toMatch(
      /^could not add the label "ensemble:needs-info" to issue #5 of octo-org\/demo: the token lacks a permission .*issues: write/,
    );
    const removed = await removeIssueLabel(octokit, params).catch((e: unknown) => e);
    expect(removed).toBeInstanceOf(GitHubApiError);
    expect((removed as Error).message).toMatch(
      /^could not remove the label "ensemble:needs-info" from issue #5 of octo-org\/demo: the token lacks a permission .*issues: write/,
    );
    expect(labelsOf(fake)).toEqual([LABEL]);
  });
});
