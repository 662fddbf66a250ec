import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { createOctokit } from '../../src/github/octokit.ts';
import { withActivity } from '../../src/render/activity.ts';
import { prMarker, TRACKING_MARKER } from '../../src/render/marker.ts';
import { REPAIRS_STOPPED } from '../../src/runtime/actions/ci-watch.ts';
import { type Harness, MAINTAINER_SEED, parseOutputs, startHarness, TOKEN } from '../support/actions-harness.ts';
import { CI_WORKFLOW, workflowRunEvent } from '../support/ci-events.ts';
import { withOverrides } from '../support/local-e2e.ts';
import { mirrorBranchesToOrigin } from '../support/origin-mirror.ts';

/**
 * The respond action's bundle on the repository's CI (`workflow_run` completed on ensemble's
 * branch), against the GitHub fake's check runs, workflow runs, job logs, required checks and
 * auto-merge: what it does before any repair (a re-run of the failed jobs, a failure the base has
 * too, the attempt cap, a stop) and once the head is green (ready for review, reviewers,
 * auto-merge), with the tracking comment's rows. The repair itself (a fix run) is in
 * test/workflow/ci-sim.test.ts.
 */

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const BRANCH = 'ensemble/issue-12';
const FAILING_LOG = [
  '2026-12-04T10:00:00.0000000Z ##[group]Run npm test',
  '2026-12-04T10:00:00.1000000Z npm test',
  '2026-12-04T10:00:00.2000000Z ##[endgroup]',
  '2026-12-04T10:00:01.0000000Z FAIL test/slugify.test.js > slugify > keeps a zero limit',
  '2026-12-04T10:00:01.1000000Z AssertionError: expected "a-b" to be ""',
  '2026-12-04T10:00:01.2000000Z ##[error]Process completed with exit code 1.',
].join('\n');

interface Pr {
  h: Harness;
  pull: number;
  head: string;
  octokit: ReturnType<typeof createOctokit>;
}

/** ensemble's draft pull request #… on ensemble/issue-12 (one commit), with issue #12's tracking comment. */
async function ensemblePull(config: string): Promise<Pr> {
  const h = await startHarness(
    withOverrides(() => null),
    {
      ...MAINTAINER_SEED,
      collaborators: { maintainer: 'maintain', reviewer: 'write' },
      users: ['maintainer', 'reviewer'],
    },
    (dir) => writeConfig(dir, config),
  );
  harness = h;
  // The test's own writes need no spacing: GitHub's one write a second (three for comments) would be sleep.
  const octokit = createOctokit({ token: TOKEN, baseUrl: h.github.url, secondMs: 1 });
  const repo = { owner: 'octo-org', repo: 'textkit' };
  await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${BRANCH}`, sha: h.baseSha });
  const head = h.github.pushAsPerson({
    branch: BRANCH,
    files: { 'src/slugify.js': 'export const slugify = () => "";\n' },
    message: 'Treat maxLength: 0 as a limit',
    author: 'maintainer',
  });
  const { data } = await octokit.rest.pulls.create({
    ...repo,
    head: BRANCH,
    base: 'main',
    title: 'Slug length',
    body: `${prMarker('4100')}\nCloses #12`,
    draft: true,
  });
  await octokit.rest.issues.createComment({
    ...repo,
    issue_number: 12,
    body: `${TRACKING_MARKER}\n### ensemble\nDone.`,
  });
  return { h, pull: data.number, head, octokit };
}

function writeConfig(dir: string, config: string) {
  mkdirSync(`${dir}/.github`, { recursive: true });
  writeFileSync(`${dir}/.github/ensemble.yml`, config);
}

/** A completed CI run on the pull request's head whose `test` job failed, with the log; its id. */
function failedRun(h: Harness, head: string): number {
  return h.github.addWorkflowRun({
    ...CI_WORKFLOW,
    status: 'completed',
    conclusion: 'failure',
    headBranch: BRANCH,
    headSha: head,
    jobs: [{ name: 'test', conclusion: 'failure', log: FAILING_LOG }],
  });
}

const tracking = (h: Harness) => h.github.state.comments.find((c) => c.body.includes(TRACKING_MARKER))!.body;

describe('actions/respond on CI that completed on ensemble’s pull request', () => {
  test('a failure is re-run once before any repair; when the re-run passes it is reported as flaky', async () => {
    const { h, pull, head } = await ensemblePull('ci:\n  ready-for-review: true\n');
    const id = h.github.addWorkflowRun({
      ...CI_WORKFLOW,
      status: 'completed',
      conclusion: 'failure',
      headBranch: BRANCH,
      headSha: head,
      jobs: [{ name: 'test', conclusion: 'failure', steps: [{ name: 'Run npm test' }], log: FAILING_LOG }],
    });
    const first = await h.runJob('respond', {}, { event: workflowRunEvent(h, id, pull) });
    expect(first.exitCode, first.stdout).toBe(0);
    expect(parseOutputs(first.files.output)).toMatchObject({ mode: 'none' });
    expect(h.github.calls('actions/re-run-workflow-failed-jobs')).toHaveLength(1);
    expect(tracking(h)).toMatch(/Re-running the failed jobs of CI once/);

    // The re-run's attempt passes: no repair, the row says it was flaky, and the green head is marked ready.
    const run = h.github.workflowRun(id)!;
    run.status = 'completed';
    run.conclusion = 'success';
    for (const job of run.jobs.filter((j) => j.runAttempt === run.runAttempt)) {
      job.status = 'completed';
      job.conclusion = 'success';
    }
    const second = await h.runJob('respond', {}, { event: workflowRunEvent(h, id, pull) });
    expect(second.exitCode, second.stdout).toBe(0);
    expect(parseOutputs(second.files.output)).toMatchObject({ mode: 'none' });
    expect(h.github.calls('actions/re-run-workflow-failed-jobs')).toHaveLength(1);
    expect(tracking(h)).toMatch(/CI passed when its failed jobs ran again: a flaky failure, not repaired/);
    expect(tracking(h)).not.toMatch(/Re-running the failed jobs/);
    expect(h.github.state.pulls.get(pull)!.draft).toBe(false);
    expect(h.github.problems).toEqual([]);
  }, 120_000);

  test('a re-run GitHub refuses is no reason to wait: the failure goes on to a repair', async () => {
    const { h, pull, head } = await ensemblePull('');
    const id = failedRun(h, head);
    h.github.fail('actions/re-run-workflow-failed-jobs', {
      status: 403,
      message: 'Resource not accessible by integration',
    });
    const run = await h.runJob('respond', {}, { event: workflowRunEvent(h, id, pull) });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain('were not re-run');
    expect(tracking(h)).not.toMatch(/Re-running the failed jobs/);
    // On to the repair, which this pull request (made by hand, with no stored state) cannot start from.
    expect(run.files.summary).toContain('left no stored state');
    expect(tracking(h)).toMatch(/CI repair 1\/3: test failed on [0-9a-f]{12}[^|]*left no stored state[^|]*\| /);
  }, 120_000);

  test('a failure the base has too is not repaired; the row says so', async () => {
    const { h, pull, head } = await ensemblePull('ci:\n  rerun-failed: false\n');
    h.github.addWorkflowRun({
      ...CI_WORKFLOW,
      event: 'push',
      status: 'completed',
      conclusion: 'failure',
      headBranch: 'main',
      headSha: h.baseSha,
      createdAt: '2026-12-01T00:00:00Z',
      jobs: [{ name: 'test', conclusion: 'failure' }],
    });
    const id = failedRun(h, head);
    const run = await h.runJob('respond', {}, { event: workflowRunEvent(h, id, pull) });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(parseOutputs(run.files.output)).toMatchObject({ mode: 'none' });
    expect(run.files.summary).toMatch(/failed on main as well: not this change's failure/);
    expect(tracking(h)).toMatch(/Not repaired: test fails on main too/);
    expect(h.github.calls('actions/re-run-workflow-failed-jobs')).toEqual([]);
    expect(h.github.problems).toEqual([]);
  }, 120_000);

  test('the attempt cap, and /ensemble stop, keep a failure from being repaired', async () => {
    const { h, pull, head, octokit } = await ensemblePull('ci:\n  rerun-failed: false\n  max-attempts: 1\n');
    const repo = { owner: 'octo-org', repo: 'textkit' };
    const id = failedRun(h, head);
    // An earlier repair, of an earlier head, as ensemble's follow-up comment records it.
    await octokit.rest.issues.createComment({
      ...repo,
      issue_number: pull,
      body: '<!-- ensemble:follow-up run=4200 source=workflow-run-9 head=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa failures=C0123456789ab -->\nearlier',
    });
    const capped = await h.runJob('respond', {}, { event: workflowRunEvent(h, id, pull) });
    expect(capped.exitCode, capped.stdout).toBe(0);
    expect(parseOutputs(capped.files.output)).toMatchObject({ mode: 'none' });
    expect(tracking(h)).toMatch(/No more CI repairs: ci.max-attempts \(1\) repairs were made on this pull request/);

    // A stop, as ensemble's reply to `/ensemble stop` records it: no repair either, whatever the cap.
    await octokit.rest.issues.createComment({
      ...repo,
      issue_number: pull,
      body: `<!-- ensemble:reply to=issue-comment-5 -->\n${REPAIRS_STOPPED}\nstopped`,
    });
    const stopped = await h.runJob('respond', {}, { event: workflowRunEvent(h, id, pull) });
    expect(stopped.files.summary).toMatch(/stopped with \/ensemble stop/);
    expect(h.github.problems).toEqual([]);
  }, 120_000);

  test('what the repairs spent stops the next one at budgets.run.usd', async () => {
    const { h, pull, head, octokit } = await ensemblePull(
      'ci:\n  rerun-failed: false\nbudgets:\n  run:\n    usd: 1.5\n',
    );
    const repo = { owner: 'octo-org', repo: 'textkit' };
    // An earlier repair's row, as the publish wrote it, with what its rounds cost.
    const comment = h.github.state.comments.find((c) => c.body.includes(TRACKING_MARKER))!;
    const body = withActivity(comment.body, {
      key: 'ci-repair:aaaa:C0123456789ab',
      kind: 'ci-repair',
      state: 'done',
      title: 'CI repair 1/3: test failed on aaaaaaaaaaaa',
      detail: 'repair pushed',
      link: null,
      at: '2026-12-04T10:00:00.000Z',
      costUsd: 2,
    });
    await octokit.rest.issues.updateComment({ ...repo, comment_id: comment.id, body });
    const id = failedRun(h, head);
    const run = await h.runJob('respond', {}, { event: workflowRunEvent(h, id, pull) });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(parseOutputs(run.files.output)).toMatchObject({ mode: 'none' });
    expect(tracking(h)).toMatch(
      /No more CI repairs: the CI repairs of this pull request spent \$2\.00, budgets\.run\.usd \(\$1\.50\)/,
    );
    expect(h.github.problems).toEqual([]);
  }, 120_000);

  test('green: ready for review, reviewers requested, auto-merge enabled — once, however often it runs', async () => {
    const config = 'ci:\n  ready-for-review: true\n  reviewers: [reviewer]\n  auto-merge: squash\n';
    const { h, pull, head } = await ensemblePull(config);
    h.github.checks.allowAutoMerge(true);
    h.github.checks.protect('main', { checks: ['test'], approvals: 1 });
    const id = h.github.addWorkflowRun({
      ...CI_WORKFLOW,
      status: 'completed',
      conclusion: 'success',
      headBranch: BRANCH,
      headSha: head,
      jobs: [{ name: 'test', conclusion: 'success' }],
    });
    for (let i = 0; i < 2; i++) {
      const run = await h.runJob('respond', {}, { event: workflowRunEvent(h, id, pull) });
      expect(run.exitCode, run.stdout).toBe(0);
    }
    expect(h.github.state.pulls.get(pull)!.draft).toBe(false);
    expect(h.github.checks.pull(pull)).toMatchObject({ autoMerge: { method: 'SQUASH' } });
    expect(h.github.calls('pulls/request-reviewers')).toHaveLength(1);
    const rows = tracking(h).match(/Every check passed on/g) ?? [];
    expect(rows).toHaveLength(1);
    expect(tracking(h)).toMatch(
      /ready for review; review requested from @\u200b?reviewer; GitHub's auto-merge \(squash\) enabled/,
    );
    expect(h.github.problems).toEqual([]);
  }, 120_000);

  test('CI on the default branch goes to the monitor, not to a repair: a commit no pull request was merged as', async () => {
    const { h, pull } = await ensemblePull('');
    const id = h.github.addWorkflowRun({
      ...CI_WORKFLOW,
      event: 'push',
      status: 'completed',
      conclusion: 'failure',
      headBranch: 'main',
      headSha: h.baseSha,
      jobs: [{ name: 'test', conclusion: 'failure', log: FAILING_LOG }],
    });
    const run = await h.runJob('respond', {}, { event: workflowRunEvent(h, id, pull) });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(parseOutputs(run.files.output)).toMatchObject({ mode: 'none' });
    expect(run.files.summary).toContain(`no pull request was merged as ${h.baseSha.slice(0, 12)}`);
    expect(h.github.calls('actions/re-run-workflow-failed-jobs')).toEqual([]);
    expect(h.github.problems).toEqual([]);
  }, 120_000);

  test('a moved base that conflicts where no text edit resolves it: named in the row, nothing pushed, no fix run', async () => {
    const { h, pull, head } = await ensemblePull('');
    // The pull request changed src/slugify.js; main deletes it meanwhile.
    const moved = h.github.pushAsPerson({
      branch: 'main',
      files: { 'src/slugify.js': null },
      message: 'Drop slugify',
      author: 'maintainer',
    });
    h.github.checks.setMergeable(pull, 'CONFLICTING');
    mirrorBranchesToOrigin(h);
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
    const run = await h.runJob('respond', {}, { event: push, ref: moved });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(parseOutputs(run.files.output)).toMatchObject({ mode: 'none' });
    expect(run.files.summary).toContain('where no text edit resolves it: src/slugify.js (modify/delete)');
    expect(tracking(h)).toMatch(
      /the merge conflicts where ensemble cannot resolve it[^|]*src\/slugify\.js \(modify\/delete\)/,
    );
    expect(h.github.state.refs.get(`refs/heads/${BRANCH}`)).toBe(head);
    expect(h.github.problems).toEqual([]);
  }, 120_000);
});
