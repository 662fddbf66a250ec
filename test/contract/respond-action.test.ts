import { afterEach, describe, expect, test } from 'vitest';
import { createOctokit } from '../../src/github/octokit.ts';
import { gateMarker, marker, prMarker, TRACKING_MARKER } from '../../src/render/marker.ts';
import { type Harness, MAINTAINER_SEED, parseOutputs, startHarness, TOKEN } from '../support/actions-harness.ts';
import { withOverrides } from '../support/local-e2e.ts';

/**
 * The respond action's bundle, as the first job of follow-up.yml runs it, on `/ensemble stop` and
 * `/ensemble retry` written on an issue: ensemble's workflow runs are found through the run its
 * tracking comment links, then cancelled or re-run through the Actions API of the GitHub fake.
 */

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const SEED = {
  ...MAINTAINER_SEED,
  collaborators: { maintainer: 'maintain' as const, visitor: 'read' as const },
  users: ['maintainer', 'visitor'],
};

/** The harness, with ensemble's run of issue #12 (as its tracking comment links it) in the given state. */
async function withRun(run: Parameters<Harness['github']['addWorkflowRun']>[0]) {
  const h = await startHarness(
    withOverrides(() => null),
    SEED,
  );
  harness = h;
  const id = h.github.addWorkflowRun(run);
  const octokit = createOctokit({ token: TOKEN, baseUrl: h.github.url });
  const link = `https://github.com/octo-org/textkit/actions/runs/${id}`;
  await octokit.rest.issues.createComment({
    owner: 'octo-org',
    repo: 'textkit',
    issue_number: 12,
    body: `${TRACKING_MARKER}\n### ensemble\nPlanning in [workflow run](${link}).`,
  });
  return { h, id };
}

function issueComment(login: string, body: string, options: { id?: number; action?: string } = {}) {
  const id = options.id ?? 910_001;
  return {
    name: 'issue_comment',
    payload: {
      action: options.action ?? 'created',
      issue: { number: 12, state: 'open' },
      comment: {
        id,
        body,
        html_url: `https://github.com/octo-org/textkit/issues/12#issuecomment-${id}`,
        user: { login, type: 'User' },
      },
      repository: { full_name: 'octo-org/textkit', default_branch: 'main' },
      sender: { login, type: 'User' },
    },
  };
}

const replies = (h: Harness) => h.github.state.comments.filter((c) => c.body.includes('<!-- ensemble:reply'));

describe('actions/respond: /ensemble stop and /ensemble retry on an issue', () => {
  test('a maintainer stops the running pipeline; the reply says which run', async () => {
    const { h, id } = await withRun({ status: 'in_progress', jobs: [{ name: 'plan', status: 'in_progress' }] });
    const run = await h.runJob('respond', {}, { event: issueComment('maintainer', '/ensemble stop') });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(parseOutputs(run.files.output)).toMatchObject({ mode: 'none' });
    expect(h.github.workflowRun(id)).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(replies(h)).toHaveLength(1);
    expect(replies(h)[0]!.body).toContain(`stopped [workflow run ${id}]`);

    // The same comment delivered again: answered once; the reply still says what was stopped.
    const again = await h.runJob('respond', {}, { event: issueComment('maintainer', '/ensemble stop') });
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.files.summary).toContain('this request was answered already');
    expect(replies(h)).toHaveLength(1);
    expect(replies(h)[0]!.body).toContain(`stopped [workflow run ${id}]`);
    expect(h.github.problems).toEqual([]);
  }, 120_000);

  test('on an issue where a run waits for a person and nothing runs, stop is left to the pipeline: no reply', async () => {
    const { h } = await withRun({ status: 'completed', conclusion: 'success', jobs: [] });
    const octokit = createOctokit({ token: TOKEN, baseUrl: h.github.url });
    const tracking = h.github.state.comments.find((c) => c.body.includes(TRACKING_MARKER))!;
    await octokit.rest.issues.updateComment({
      owner: 'octo-org',
      repo: 'textkit',
      comment_id: tracking.id,
      body: `${TRACKING_MARKER}\n${gateMarker('answers', '4242')}\nensemble waits on this issue.`,
    });
    const run = await h.runJob('respond', {}, { event: issueComment('maintainer', '/ensemble stop') });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(replies(h)).toEqual([]);
    expect(h.github.calls('actions/cancel-workflow-run')).toEqual([]);

    // Without the wait, the same stop is answered: nothing was running.
    await octokit.rest.issues.updateComment({
      owner: 'octo-org',
      repo: 'textkit',
      comment_id: tracking.id,
      body: `${TRACKING_MARKER}\nensemble finished.`,
    });
    await h.runJob('respond', {}, { event: issueComment('maintainer', '/ensemble stop', { id: 910_002 }) });
    expect(replies(h)[0]?.body).toContain('nothing was stopped');
  }, 120_000);

  test('a read-only user cannot stop it: the run goes on and the reply says why', async () => {
    const { h, id } = await withRun({ status: 'in_progress', jobs: [{ name: 'plan', status: 'in_progress' }] });
    const run = await h.runJob('respond', {}, { event: issueComment('visitor', '/ensemble stop') });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(h.github.workflowRun(id)!.status).toBe('in_progress');
    expect(replies(h)[0]!.body).toMatch(/did not act on .*"visitor" has the "read" role/);
    expect(h.github.calls('actions/cancel-workflow-run')).toEqual([]);
  }, 120_000);

  test('retry re-runs the failed leg of the named stage; a running run is not retried', async () => {
    const { h, id } = await withRun({
      status: 'completed',
      conclusion: 'failure',
      jobs: [
        { name: 'plan' },
        { name: 'code (api)', needs: ['plan'] },
        { name: 'test', conclusion: 'failure', needs: ['code (api)'] },
        { name: 'publish', needs: ['test'] },
      ],
    });
    const run = await h.runJob('respond', {}, { event: issueComment('maintainer', '/ensemble retry test') });
    expect(run.exitCode, run.stdout).toBe(0);
    const retried = h.github.workflowRun(id)!;
    expect(retried.reruns).toMatchObject([{ kind: 'job', jobName: 'test', rerun: ['test', 'publish'] }]);
    expect(replies(h)[0]!.body).toContain(`re-running test of [workflow run ${id}]`);

    // Now it runs: a second retry is answered, not sent.
    const again = await h.runJob('respond', {}, { event: issueComment('maintainer', '/ensemble retry', { id: 2 }) });
    expect(again.exitCode, again.stdout).toBe(0);
    expect(h.github.workflowRun(id)!.reruns).toHaveLength(1);
    expect(replies(h).at(-1)!.body).toContain('is still running');
  }, 120_000);

  test('an edited comment runs nothing and gets no reply', async () => {
    const { h, id } = await withRun({ status: 'in_progress', jobs: [{ name: 'plan', status: 'in_progress' }] });
    const run = await h.runJob(
      'respond',
      {},
      {
        event: issueComment('maintainer', '/ensemble stop', { action: 'edited' }),
      },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(h.github.workflowRun(id)!.status).toBe('in_progress');
    expect(replies(h)).toEqual([]);
    expect(run.files.summary).toContain('edited comments do not run commands');
  }, 120_000);
});

describe("actions/respond: which runs are ensemble's", () => {
  test("a link in the tracking comment to a run of another workflow is not ensemble's: it is not stopped", async () => {
    const { h, id } = await withRun({ status: 'in_progress', jobs: [{ name: 'plan', status: 'in_progress' }] });
    // The current run is of the caller's workflow; a run of the repository's own CI is linked too
    // (an issue that quotes it, copied into the plan the tracking comment shows).
    const current = h.github.addWorkflowRun({ status: 'in_progress', jobs: [{ name: 'respond' }] });
    const ci = h.github.addWorkflowRun({ status: 'in_progress', path: '.github/workflows/ci.yml', jobs: [] });
    const octokit = createOctokit({ token: TOKEN, baseUrl: h.github.url });
    const tracking = h.github.state.comments.find((c) => c.body.includes(TRACKING_MARKER))!;
    await octokit.rest.issues.updateComment({
      owner: 'octo-org',
      repo: 'textkit',
      comment_id: tracking.id,
      body: `${tracking.body}\nThe issue says: see https://github.com/octo-org/textkit/actions/runs/${ci}`,
    });
    const run = await h.runJob(
      'respond',
      {},
      {
        event: issueComment('maintainer', '/ensemble stop'),
        env: { GITHUB_RUN_ID: String(current) },
      },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(h.github.workflowRun(id)!.conclusion).toBe('cancelled');
    expect(h.github.workflowRun(ci)!.status).toBe('in_progress');
    expect(h.github.workflowRun(current)!.status).toBe('in_progress');
  }, 120_000);
});

describe('actions/respond: /ensemble stop on a pull request', () => {
  test("stops the follow-up run its comment names and the issue's pipeline run; not a pull request of someone else", async () => {
    const h = await startHarness(
      withOverrides(() => null),
      SEED,
    );
    harness = h;
    const octokit = createOctokit({ token: TOKEN, baseUrl: h.github.url });
    const repo = { owner: 'octo-org', repo: 'textkit' };
    const openPull = async (branch: string, body: string) => {
      await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: h.baseSha });
      h.github.pushAsPerson({ branch, files: { 'NOTES.md': 'x\n' }, message: 'Notes', author: 'maintainer' });
      const { data } = await octokit.rest.pulls.create({ ...repo, head: branch, base: 'main', title: 'T', body });
      return data.number;
    };
    const ours = await openPull('ensemble/issue-12', `Closes #12.\n\n${prMarker('4242')}`);
    const theirs = await openPull('feature/mine', 'A person made this.');
    const followUpRun = h.github.addWorkflowRun({
      status: 'in_progress',
      jobs: [{ name: 'fix', status: 'in_progress' }],
    });
    const pipelineRun = h.github.addWorkflowRun({ status: 'queued', jobs: [{ name: 'plan', status: 'queued' }] });
    const finished = h.github.addWorkflowRun({ status: 'completed', jobs: [{ name: 'plan' }] });
    await octokit.rest.issues.createComment({
      ...repo,
      issue_number: ours,
      body: `${marker('follow-up', { run: followUpRun, source: 'issue-comment-1' })}\nWorking on it.`,
    });
    await octokit.rest.issues.createComment({
      ...repo,
      issue_number: 12,
      body:
        `${TRACKING_MARKER}\n[run](https://github.com/octo-org/textkit/actions/runs/${pipelineRun}) ` +
        `[earlier](https://github.com/octo-org/textkit/actions/runs/${finished})`,
    });
    const prComment = (pull: number, id: number) => {
      const event = issueComment('maintainer', '/ensemble stop', { id });
      return {
        ...event,
        payload: { ...event.payload, issue: { number: pull, state: 'open', pull_request: { url: 'x' } } },
      };
    };

    const refused = await h.runJob('respond', {}, { event: prComment(theirs, 31) });
    expect(refused.exitCode, refused.stdout).toBe(0);
    expect(h.github.workflowRun(followUpRun)!.status).toBe('in_progress');
    expect(replies(h).at(-1)!.body).toContain('not an ensemble/… branch');
    // A "Request changes" review on that pull request was not addressed to ensemble: no reply at all.
    const before = replies(h).length;
    const review = {
      name: 'pull_request_review',
      payload: {
        action: 'submitted',
        review: {
          id: 77,
          body: 'Not yet.',
          state: 'changes_requested',
          html_url: null,
          user: { login: 'maintainer', type: 'User' },
        },
        pull_request: { number: theirs },
        repository: { full_name: 'octo-org/textkit', default_branch: 'main' },
        sender: { login: 'maintainer', type: 'User' },
      },
    };
    const quiet = await h.runJob('respond', {}, { event: review });
    expect(quiet.exitCode, quiet.stdout).toBe(0);
    expect(replies(h)).toHaveLength(before);

    const run = await h.runJob('respond', {}, { event: prComment(ours, 32) });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(h.github.workflowRun(followUpRun)).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(h.github.workflowRun(pipelineRun)).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(h.github.workflowRun(finished)!.conclusion).toBe('success');
    const said = replies(h).at(-1)!.body;
    expect(said).toContain(`workflow run ${followUpRun}`);
    expect(said).toContain(`workflow run ${pipelineRun}`);
    // The stopped follow-up's "working on it" comment says what happened: its publish job will not.
    const working = h.github.state.comments.find((c) => c.body.includes(`ensemble:follow-up run=${followUpRun}`))!;
    expect(working.body).toContain('### ensemble follow-up: stopped');
    expect(working.body).toContain('<!-- ensemble:follow-up-done -->');
    expect(h.github.problems).toEqual([]);
  }, 120_000);
});
