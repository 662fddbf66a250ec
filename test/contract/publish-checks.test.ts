/**
 * `dist/publish.js` after it opened the pull request: whether the repository's checks started on
 * the head it pushed, read from the GitHub fake's workflow runs, and what the tracking comment and
 * the `checks` output say (a base without CI: publish.test.ts). The wait is real (the action polls every 15 seconds), so the fake is
 * changed while the action runs, as GitHub would start or park runs.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { createScenario, ISSUE, runPublish, type Scenario, trackingComments } from '../support/publish-fixtures.ts';
import { requireSandboxForTests } from '../support/sandbox-required.ts';

const BRANCH = `ensemble/issue-${ISSUE}`;
let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

/** Resolves with the branch's head once publish has pushed it (polling the fake). */
async function pushedHead(s: Scenario): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const head = s.github.state.refs.get(`refs/heads/${BRANCH}`);
    if (head !== undefined && s.github.state.pulls.size > 0) return head;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('publish never pushed the branch');
}

describe('publish: did checks start on the pull request?', () => {
  requireSandboxForTests('the publish scenario, whose run was made in the sandbox');

  test('workflow runs parked for approval are reported with their runs, in the tracking comment', async () => {
    scenario = await createScenario({ baseFiles: { '.github/ensemble.yml': 'ci:\n  wait-for-checks-minutes: 2\n' } });
    const s = scenario;
    // The base has CI of its own: a push run of the CI workflow, which passed.
    s.github.addWorkflowRun({
      name: 'CI',
      path: '.github/workflows/ci.yml',
      event: 'push',
      status: 'completed',
      conclusion: 'success',
      headBranch: 'main',
      headSha: s.baseSha,
      jobs: [{ name: 'test' }],
    });
    const publishing = runPublish(s);
    // As GitHub does for a first-time contributor's pull request: the run is made and waits for approval.
    const head = await pushedHead(s);
    const parked = s.github.addWorkflowRun({
      name: 'CI',
      path: '.github/workflows/ci.yml',
      event: 'pull_request',
      status: 'completed',
      conclusion: 'action_required',
      headBranch: BRANCH,
      headSha: head,
      jobs: [],
    });
    const run = await publishing;
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['checks']).toBe('action-required');
    const tracking = trackingComments(s.github)[0]!.body;
    expect(tracking).toContain('After the pull request');
    expect(tracking).toContain(`workflow runs on ${head.slice(0, 12)} wait for approval: CI`);
    expect(tracking).toContain(s.github.workflowRun(parked)!.htmlUrl);
    expect(tracking).toContain('Approve and run');
    expect(s.github.problems).toEqual([]);
  }, 180_000);
});
