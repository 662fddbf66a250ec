/**
 * `writeToGitHub` against the OpenAPI-checked GitHub fake, which holds the run's base commit SHA
 * for SHA: what it wrote, in full or up to the write GitHub refused, and an error that says so.
 */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createOctokit } from '../../../src/github/octokit.ts';
import { buildChange } from '../../../src/publish/build-change.ts';
import { checkPolicy } from '../../../src/publish/check-policy.ts';
import { composeTexts } from '../../../src/publish/compose-texts.ts';
import { defaultPublishProtectedPaths } from '../../../src/publish/policy.ts';
import { NOTHING_WRITTEN } from '../../../src/publish/report.ts';
import { type WriteToGitHubOptions, writeToGitHub } from '../../../src/publish/write-to-github.ts';
import { isolateGit } from '../../support/git-fixture.ts';
import { forbidden, type GitHubFake } from '../../support/github-fake.ts';
import {
  branchCommits,
  createStepInputs,
  ISSUE,
  MAX_LENGTH_LINE,
  OWNER,
  REPO,
  startGitHubAt,
  TOKEN,
} from '../../support/publish-fixtures.ts';

const BRANCH = `ensemble/issue-${ISSUE}`;
const fakes: GitHubFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});
beforeAll(isolateGit);

/** The run's change built, its texts composed and passed by the policy, and GitHub holding the base. */
async function prepare(): Promise<{ github: GitHubFake; options: WriteToGitHubOptions }> {
  const { origin, baseSha, artifacts } = await createStepInputs();
  const change = await buildChange({ repoDir: origin, artifacts, changePatch: artifacts.changePatch });
  if (!change.ok) throw new Error(change.stop.error);
  const runUrl = `https://github.com/${OWNER}/${REPO}/actions/runs/4242`;
  const texts = composeTexts({ artifacts, change, blockOn: 'high', runUrl, allowedHost: 'github.com' });
  const policy = {
    protectedPaths: defaultPublishProtectedPaths(),
    maxPatchBytes: 1_000_000,
    maxFiles: 300,
    allowedHost: 'github.com',
  };
  const { sequence } = change;
  const changePatch = artifacts.changePatch;
  const checked = await checkPolicy({ texts, artifacts, changePatch, sequence, repoDir: origin, policy });
  if (!checked.ok) throw new Error(checked.stop.error);

  const github = await startGitHubAt(origin, baseSha);
  fakes.push(github);
  const octokit = createOctokit({ token: TOKEN, baseUrl: github.url, secondMs: 1 });
  const options: WriteToGitHubOptions = {
    octokit,
    repo: { owner: OWNER, repo: REPO },
    repoDir: origin,
    run: { baseSha },
    branch: BRANCH,
    defaultBranch: 'main',
    sequence,
    texts: checked.texts,
    draft: true,
    labels: ['ensemble'],
    log: { info: () => {}, warn: () => {} },
  };
  return { github, options };
}

describe('writeToGitHub', () => {
  test('everything written: the commits on the branch, the draft pull request with its label, the review', async () => {
    const { github, options } = await prepare();
    const { written, error } = await writeToGitHub(options);
    expect(error).toBeNull();
    const onGitHub = branchCommits(github, BRANCH, options.run.baseSha);
    expect(written.branch).toBe(BRANCH);
    expect(written.commits).toEqual(onGitHub.map((c, i) => ({ sha: c.sha, ...stageOf(options, i) })));
    const pull = [...github.state.pulls.values()][0]!;
    expect(pull).toMatchObject({ head: BRANCH, base: 'main', draft: true, title: options.texts.prTitle });
    expect(github.state.issues.get(pull.number)!.labels).toEqual(['ensemble']);
    const url = expect.stringContaining(`/pull/${pull.number}`);
    expect(written.pr).toEqual({ number: pull.number, url, outcome: 'created' });
    const review = github.state.reviews[0]!;
    expect(written.reviewId).toBe(review.id);
    expect(written.review).toMatchObject({ outcome: 'posted', blocking: true });
    expect(review.comments.map((c) => c.line)).toEqual([MAX_LENGTH_LINE, MAX_LENGTH_LINE + 2]);
    expect(written.notes).toEqual([]);
    expect(github.problems).toEqual([]);
  }, 60_000);

  test('GitHub refuses the pull request: the branch and its commits are reported written, no PR', async () => {
    const { github, options } = await prepare();
    github.fail('pulls/create', forbidden());
    const { written, error } = await writeToGitHub(options);
    expect(written.branch).toBe(BRANCH);
    const onGitHub = branchCommits(github, BRANCH, options.run.baseSha);
    expect(written.commits.map((c) => c.sha)).toEqual(onGitHub.map((c) => c.sha));
    expect(written.pr).toBeNull();
    expect(written.review).toBeNull();
    expect(error).toContain('Resource not accessible by integration');
    expect(error).toMatch(/\nThe branch ensemble\/issue-7 was pushed before this failed; no pull request was opened.$/);
    expect(github.state.pulls.size).toBe(0);
    expect(github.state.reviews).toEqual([]);
    expect(github.problems).toEqual([]);
  }, 60_000);

  test('GitHub refuses the review: the branch and the pull request are reported written, the review not', async () => {
    const { github, options } = await prepare();
    github.fail('pulls/create-review', forbidden());
    const { written, error } = await writeToGitHub(options);
    const pull = [...github.state.pulls.values()][0]!;
    expect(written).toMatchObject({ branch: BRANCH, pr: { number: pull.number, outcome: 'created' }, review: null });
    expect(written.reviewId).toBeNull();
    const done = `The branch ${BRANCH} and pull request #${pull.number} were updated before this failed.`;
    expect(error?.endsWith(`\n${done}`)).toBe(true);
    expect(github.state.reviews).toEqual([]);
  }, 60_000);

  test('GitHub refuses the first write: nothing is reported written, and nothing was', async () => {
    const { github, options } = await prepare();
    github.fail('git/create-tree', forbidden());
    const { written, error } = await writeToGitHub(options);
    expect(written).toEqual(NOTHING_WRITTEN);
    expect(error).toMatch(/\nNo branch, pull request or review was written\.$/);
    expect([...github.state.refs.keys()]).toEqual(['refs/heads/main']);
    expect(github.state.pulls.size).toBe(0);
  }, 60_000);
});

function stageOf(options: WriteToGitHubOptions, i: number) {
  const commit = options.sequence.commits[i]!;
  return { stage: commit.stage, taskId: commit.taskId };
}
