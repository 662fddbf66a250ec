import { afterEach, describe, expect, test } from 'vitest';
import { TRACKING_MARKER } from '../../src/render/marker.ts';
import { type Harness, labeledEvent, MAINTAINER_SEED, startHarness } from '../support/actions-harness.ts';
import { CI_WORKFLOW, workflowRunEvent } from '../support/ci-events.ts';
import { runExampleCaller } from '../support/example-caller-run.ts';
import { call, isFixer, smallConfig, userText, ZERO_CHECK, ZERO_FIXED } from '../support/fix-script.ts';
import { withOverrides } from '../support/local-e2e.ts';
import { requireSandboxForTests } from '../support/sandbox-required.ts';
import type { ScriptedReply, ScriptedRequest } from '../support/scripted-model.ts';

/**
 * ensemble after its pull request is open, as GitHub runs it: the example caller fired by the
 * repository's CI (`workflow_run` completed) and by a push to the base (`push`), follow-up.yml run
 * by the workflow simulator (respond → fix → publish) with the real bundles, the GitHub fake's
 * check runs, job logs and mergeability, the artifact fake and the scripted model.
 */

const BRANCH = 'ensemble/issue-12';
const CI_LOG = [
  '2026-12-04T10:00:00.0000000Z ##[group]Run actions/checkout@v6',
  '2026-12-04T10:00:00.0100000Z Syncing repository: octo-org/textkit',
  '2026-12-04T10:00:00.0200000Z ##[endgroup]',
  '2026-12-04T10:00:01.0000000Z ##[group]Run npm test',
  '2026-12-04T10:00:01.0100000Z npm test',
  '2026-12-04T10:00:01.0200000Z ##[endgroup]',
  '2026-12-04T10:00:02.0000000Z FAIL test/slugify.test.js > slugify > maxLength 0 cuts the slug to nothing',
  '2026-12-04T10:00:02.0100000Z AssertionError: expected "a-b" to be "" (src/slugify.js:9)',
  '2026-12-04T10:00:02.0200000Z ##[error]Process completed with exit code 1.',
].join('\n');
const README_PR = '# textkit (reviewed on the pull request)\n';
const README_MAIN = '# textkit (renamed on main)\n';
const README_BOTH = '# textkit (renamed on main, reviewed on the pull request)\n';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The fixing agent's tasks, and what it does: the CI failure's fix, or the merge's resolution. */
function afterPullScript(tasks: string[]) {
  return withOverrides((request: ScriptedRequest, turn: number): ScriptedReply | null => {
    if (!isFixer(request)) return null;
    const task = userText(request);
    if (turn === 0) {
      tasks.push(task);
      if (task.includes('Merge conflict with main in README.md')) {
        return call('write_file', { path: 'README.md', content: README_BOTH });
      }
      return call('edit_file', { path: 'src/slugify.js', old_string: ZERO_CHECK, new_string: ZERO_FIXED });
    }
    return call('submit_fix', {
      status: 'done',
      summary: 'Done as the findings say.',
      commitMessage: task.includes('Merge conflict') ? 'Resolve the merge' : 'Treat maxLength: 0 as a limit',
    });
  });
}

const headOf = (h: Harness) => h.github.state.refs.get(`refs/heads/${BRANCH}`)!;
const tracking = (h: Harness) => h.github.state.comments.find((c) => c.body.includes(TRACKING_MARKER))!.body;
const fileAt = (h: Harness, commit: string, path: string) => {
  const { git } = h.github.state;
  const entry = git.flatten(git.commits.get(commit)!.tree).get(path);
  return entry ? git.blobs.get(entry.sha)!.toString('utf8') : null;
};

async function firstRun(h: Harness): Promise<number> {
  const first = await runExampleCaller(h, labeledEvent(12, 'maintainer'), {});
  expect(first.jobs['publish']?.result, first.log()).toBe('success');
  return [...h.github.state.pulls.values()][0]!.number;
}

describe('follow-up.yml after the pull request: CI and the base', () => {
  requireSandboxForTests('the fix action, whose commands run in the sandbox');

  test('a failing test in CI is repaired in one attempt, once, then the cap; a moved base is merged in', async () => {
    const tasks: string[] = [];
    const config = 'ci:\n  rerun-failed: false\n  max-attempts: 1\n';
    const h = await startHarness(afterPullScript(tasks), MAINTAINER_SEED, smallConfig(config));
    harness = h;
    const pull = await firstRun(h);
    const head = headOf(h);
    const id = h.github.addWorkflowRun({
      ...CI_WORKFLOW,
      status: 'completed',
      conclusion: 'failure',
      headBranch: BRANCH,
      headSha: head,
      jobs: [{ name: 'test', conclusion: 'failure', steps: [{ name: 'Run npm test' }], log: CI_LOG }],
    });

    const repair = await runExampleCaller(h, workflowRunEvent(h, id, pull), { simulate: { runId: '7101' } });
    const log = repair.log();
    expect(repair.jobs['respond']?.result, log).toBe('success');
    expect(repair.jobs['fix']?.result, log).toBe('success');
    expect(repair.jobs['publish']?.result, log).toBe('success');

    // The fixing agent was given the failing step's output, as an untrusted finding; not the checkout's noise.
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatch(/<untrusted source="review findings">[\s\S]*CI: CI \/ test failed/);
    expect(tasks[0]).toContain('AssertionError: expected "a-b" to be ""');
    expect(tasks[0]).not.toContain('Syncing repository');

    // One commit on the head, with the fix; the follow-up comment and the tracking comment's row say so.
    const repaired = h.github.state.git.commits.get(headOf(h))!;
    expect(repaired.parents).toEqual([head]);
    expect(fileAt(h, repaired.sha, 'src/slugify.js')).toContain(ZERO_FIXED);
    const comment = h.github.state.comments.find((c) => c.body.includes('ensemble:follow-up'));
    expect(comment?.body).toContain(`CI repair 1/1: \`test\` failed on ${head.slice(0, 12)}`);
    expect(tracking(h)).toMatch(/CI repair 1\/1: test failed on [0-9a-f]{12}[^|]*repair pushed[^|]*\| ✅ done/);

    // The same event again (a re-delivery, or the workflow re-run): nothing is done twice.
    const writes = h.github.state.comments.length;
    const again = await runExampleCaller(h, workflowRunEvent(h, id, pull), { simulate: { runId: '7102' } });
    expect(again.jobs['fix']?.result, again.log()).toBe('skipped');
    expect(headOf(h)).toBe(repaired.sha);
    expect(h.github.state.comments.length).toBe(writes);

    // CI fails on the repaired head too: ci.max-attempts (1) is spent, so a person takes it from here.
    const next = h.github.addWorkflowRun({
      ...CI_WORKFLOW,
      status: 'completed',
      conclusion: 'failure',
      headBranch: BRANCH,
      headSha: repaired.sha,
      jobs: [{ name: 'test', conclusion: 'failure', log: CI_LOG.replace('"a-b"', '"a-"') }],
    });
    const capped = await runExampleCaller(h, workflowRunEvent(h, next, pull), { simulate: { runId: '7103' } });
    expect(capped.jobs['fix']?.result, capped.log()).toBe('skipped');
    expect(tracking(h)).toMatch(/No more CI repairs: ci.max-attempts \(1\) repairs were made on this pull request/);
    expect(tasks).toHaveLength(1);

    // Then the base moves, and the pull request no longer merges cleanly (a person's commit on it
    // and main both changed the README's first line): the base is merged in, the conflict resolved
    // and re-tested, one merge commit.
    const personCommit = h.github.pushAsPerson({
      branch: BRANCH,
      files: { 'README.md': README_PR },
      message: 'Say it was reviewed',
      author: 'maintainer',
    });
    const moved = h.github.pushAsPerson({
      branch: 'main',
      files: { 'README.md': README_MAIN },
      message: 'Rename the project',
      author: 'maintainer',
    });
    h.github.checks.setMergeable(pull, 'CONFLICTING');
    const push = {
      name: 'push',
      payload: {
        ref: 'refs/heads/main',
        before: h.baseSha,
        after: moved,
        deleted: false,
        pusher: { name: 'maintainer' },
        repository: { full_name: 'octo-org/textkit', default_branch: 'main' },
        sender: { login: 'maintainer', type: 'User' },
      },
    };
    const merged = await runExampleCaller(h, push, { simulate: { runId: '7201' } });
    const mergeLog = merged.log();
    expect(merged.jobs['respond']?.result, mergeLog).toBe('success');
    expect(merged.jobs['fix']?.result, mergeLog).toBe('success');
    expect(merged.jobs['publish']?.result, mergeLog).toBe('success');

    expect(tasks).toHaveLength(2);
    expect(tasks[1]).toContain('Merge conflict with main in README.md');
    // The agent worked on the merge with its markers, on the new base.
    expect(tasks[1]).toMatch(/<{7}/);

    // One merge commit: the person's head first, main's new commit second; nothing rewritten.
    const merge = h.github.state.git.commits.get(headOf(h))!;
    expect(merge.parents).toEqual([personCommit, moved]);
    expect(fileAt(h, merge.sha, 'README.md')).toBe(README_BOTH);
    expect(merge.message).toMatch(/^Merge main into ensemble\/issue-12/);
    expect(tracking(h)).toMatch(
      /Merged main \([0-9a-f]{12}\): conflicts in 1 file\(s\)[^|]*conflicts resolved in README\.md/,
    );

    // The same push again: the merge was made; nothing twice.
    const pushedAgain = await runExampleCaller(h, push, { simulate: { runId: '7202' } });
    expect(pushedAgain.jobs['fix']?.result, pushedAgain.log()).toBe('skipped');
    expect(headOf(h)).toBe(merge.sha);
    expect(h.github.problems).toEqual([]);
    expect(h.artifacts.problems).toEqual([]);
    expect(h.model.problems).toEqual([]);
  }, 900_000);
});
