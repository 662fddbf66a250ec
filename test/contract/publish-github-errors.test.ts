/**
 * `dist/publish.js` when GitHub refuses: messages a user can act on (the setting to change, the
 * permission to give, the rule in the way), and what was written before is said too.
 */
import { describe, expect, test } from 'vitest';
import { forbidden } from '../support/github-fake.ts';
import {
  defaultTasks,
  errorsOf,
  ISSUE,
  type PublishRun,
  runPublish,
  scenarioPerTest,
  trackingComments,
  writes,
} from '../support/publish-fixtures.ts';

const BRANCH = `ensemble/issue-${ISSUE}`;
/** A scenario closed after each test. */
const scenario = scenarioPerTest();

function failedWith(run: PublishRun, ...parts: string[]): string {
  expect(run.exitCode, run.stdout).not.toBe(0);
  const error = errorsOf(run).join('\n');
  for (const part of parts) expect(error).toContain(part);
  return error;
}

describe('publish: errors a user can act on', () => {
  test('403 "Actions may not create pull requests": the setting and publish-token are named; the branch is kept', async () => {
    const s = await scenario({ seed: { actionsCanCreatePullRequests: false } });
    const run = await runPublish(s);
    failedWith(
      run,
      'Allow GitHub Actions to create and approve pull requests',
      'Settings → Actions → General → Workflow permissions',
      'publish-token',
      `The branch ${BRANCH} was pushed before this failed; no pull request was opened.`,
    );
    expect(s.github.state.refs.has(`refs/heads/${BRANCH}`)).toBe(true);
    expect(s.github.state.pulls.size).toBe(0);
    expect(run.outputs).toEqual({ branch: BRANCH });
    const comment = trackingComments(s.github);
    expect(comment).toHaveLength(1);
    expect(comment[0]!.body).toContain('ensemble could not finish publishing');
    expect(comment[0]!.body).toContain('Allow GitHub Actions to create and approve pull requests');
    expect(s.github.problems).toEqual([]);
  }, 120_000);

  test('403 on a workflow file without the workflows permission: says so', async () => {
    const tasks = defaultTasks();
    tasks[1]!.files['.github/workflows/ci.yml'] = 'on: push\njobs: {}\n';
    // The repository allows ensemble to change workflows; the token cannot.
    const s = await scenario({ tasks, baseFiles: { '.github/ensemble.yml': 'protected-paths: []\n' } });
    s.github.fail('git/create-ref', {
      status: 403,
      message:
        'refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` permission',
    });
    const run = await runPublish(s);
    failedWith(
      run,
      'changing files under .github/workflows needs a token with the workflows permission',
      'No branch, pull request or review was written.',
    );
    expect(s.github.state.refs.has(`refs/heads/${BRANCH}`)).toBe(false);
    expect(s.github.state.pulls.size).toBe(0);
    expect(trackingComments(s.github)[0]!.body).toContain('workflows permission');
    expect(s.github.problems).toEqual([]);
  }, 120_000);

  test('403 without contents: write names the permission', async () => {
    const s = await scenario({ docs: null });
    s.github.fail('git/create-tree', forbidden());
    const run = await runPublish(s);
    failedWith(
      run,
      'the token lacks a permission (403 Resource not accessible by integration)',
      'permissions: { contents: write }',
    );
    expect(writes(s.github).filter((w) => !w.startsWith('POST git/create-tree'))).toEqual([
      'PATCH issues/update-comment',
    ]);
    expect(s.github.problems).toEqual([]);
  }, 120_000);

  test('branch protection on the branch: says so, and the pull request is not touched', async () => {
    const s = await scenario({ docs: null, seed: { protectedBranches: [BRANCH] } });
    s.github.state.refs.set(`refs/heads/${BRANCH}`, s.baseSha);
    const run = await runPublish(s);
    failedWith(run, 'Protected branch update failed', 'branch protection or a ruleset forbids this update');
    expect(s.github.state.refs.get(`refs/heads/${BRANCH}`)).toBe(s.baseSha);
    expect(s.github.state.pulls.size).toBe(0);
    expect(s.github.problems).toEqual([]);
  }, 120_000);
});
