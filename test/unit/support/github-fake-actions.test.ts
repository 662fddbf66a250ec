import { generateKeyPairSync } from 'node:crypto';
import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, test } from 'vitest';
import { type GitHubFake, type GitHubFakeSeed, startGitHubFake } from '../../support/github-fake.ts';

const fakes: GitHubFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const REPO = { owner: 'octo-org', repo: 'demo' };
const KEYS = generateKeyPairSync('rsa', { modulusLength: 2048 });

async function start(seed: GitHubFakeSeed = {}) {
  const fake = await startGitHubFake(seed);
  fakes.push(fake);
  return fake;
}

/** A plain Octokit without retries: the fake's answers as they are. */
const client = (fake: GitHubFake, token = 'test-token') =>
  new Octokit({ auth: token, baseUrl: fake.url, log: { debug() {}, info() {}, warn() {}, error() {} } });

async function refusal(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { status?: number; response?: { data?: { message?: string } } } | null;
  expect(error).not.toBeNull();
  return { status: error!.status ?? 0, message: error!.response?.data?.message ?? '' };
}

describe('workflow runs in the GitHub fake', () => {
  test('lists runs newest first, filtered by branch, event and status or conclusion, in pages', async () => {
    const fake = await start({
      workflowRuns: [
        { status: 'completed', conclusion: 'success', createdAt: '2030-01-01T00:00:00Z' },
        { status: 'in_progress', event: 'pull_request_target', createdAt: '2030-01-02T00:00:00Z' },
        { status: 'completed', conclusion: 'failure', headBranch: 'feature', createdAt: '2030-01-03T00:00:00Z' },
      ],
    });
    const [first, second, third] = [...fake.state.workflowRuns.keys()];
    const octokit = client(fake);
    const ids = async (params: Record<string, unknown> = {}) =>
      (await octokit.rest.actions.listWorkflowRunsForRepo({ ...REPO, ...params })).data.workflow_runs.map((r) => r.id);
    expect(await ids()).toEqual([third, second, first]);
    expect(await ids({ branch: 'main' })).toEqual([second, first]);
    expect(await ids({ event: 'pull_request_target' })).toEqual([second]);
    expect(await ids({ status: 'in_progress' })).toEqual([second]);
    expect(await ids({ status: 'failure' })).toEqual([third]);
    const page = await octokit.rest.actions.listWorkflowRunsForRepo({ ...REPO, per_page: 2, page: 2 });
    expect(page.data.total_count).toBe(3);
    expect(page.data.workflow_runs.map((r) => r.id)).toEqual([first]);
    expect(fake.problems).toEqual([]);
  });

  test("cancel: 202 on an active run, 409 with GitHub's message on a completed one, 404 on none", async () => {
    const fake = await start();
    const octokit = client(fake);
    const id = fake.addWorkflowRun({ status: 'queued', jobs: [{ name: 'plan' }] });
    expect((await octokit.rest.actions.cancelWorkflowRun({ ...REPO, run_id: id })).status).toBe(202);
    expect(fake.workflowRun(id)!.jobs.map((j) => [j.status, j.conclusion])).toEqual([['completed', 'cancelled']]);
    expect(await refusal(octokit.rest.actions.cancelWorkflowRun({ ...REPO, run_id: id }))).toEqual({
      status: 409,
      message: 'Cannot cancel a workflow run that is completed.',
    });
    expect((await refusal(octokit.rest.actions.cancelWorkflowRun({ ...REPO, run_id: 1 }))).status).toBe(404);
    expect((await refusal(octokit.rest.actions.getWorkflowRun({ ...REPO, run_id: 1 }))).status).toBe(404);
    expect(fake.problems).toEqual([]);
  });

  test('re-runs: refused while running and after a month; filter=all lists every attempt', async () => {
    const now = { value: new Date('2030-01-10T00:00:00Z') };
    const fake = await start({ now: () => now.value });
    const octokit = client(fake);
    const id = fake.addWorkflowRun({
      status: 'in_progress',
      jobs: [
        { name: 'plan', status: 'completed', conclusion: 'failure' },
        { name: 'code', needs: ['plan'] },
      ],
    });
    const run = fake.workflowRun(id)!;
    const running = { status: 403, message: 'This workflow is already running' };
    expect(await refusal(octokit.rest.actions.reRunWorkflowFailedJobs({ ...REPO, run_id: id }))).toEqual(running);
    expect(await refusal(octokit.rest.actions.reRunJobForWorkflowRun({ ...REPO, job_id: run.jobs[0]!.id }))).toEqual(
      running,
    );
    expect((await refusal(octokit.rest.actions.reRunJobForWorkflowRun({ ...REPO, job_id: 1 }))).status).toBe(404);

    // The runner finishes it: code was skipped.
    run.status = 'completed';
    run.conclusion = 'failure';
    Object.assign(run.jobs[1]!, { status: 'completed', conclusion: 'skipped' });
    await octokit.rest.actions.reRunJobForWorkflowRun({
      ...REPO,
      job_id: run.jobs[0]!.id,
      enable_debug_logging: true,
    });
    expect(run.reruns).toEqual([
      { kind: 'job', jobId: run.jobs[0]!.id, jobName: 'plan', attempt: 2, rerun: ['plan', 'code'], debug: true },
    ]);
    const all = (await octokit.rest.actions.listJobsForWorkflowRun({ ...REPO, run_id: id, filter: 'all' })).data;
    expect(all.jobs.map((j) => [j.name, j.run_attempt, j.status])).toEqual([
      ['plan', 1, 'completed'],
      ['code', 1, 'completed'],
      ['plan', 2, 'queued'],
      ['code', 2, 'queued'],
    ]);

    run.status = 'completed';
    run.conclusion = 'success';
    now.value = new Date('2030-02-10T00:00:00Z');
    expect(await refusal(octokit.rest.actions.reRunWorkflowFailedJobs({ ...REPO, run_id: id }))).toEqual({
      status: 403,
      message: 'Unable to retry this workflow run because it was created over a month ago',
    });
    expect(run.runAttempt).toBe(2);
    expect(fake.problems).toEqual([]);
  });

  test('an installation token reads with actions: read and needs actions: write to cancel', async () => {
    const fake = await start({ apps: [{ id: 7, publicKey: KEYS.publicKey, permissions: { actions: 'write' } }] });
    const id = fake.addWorkflowRun({ status: 'in_progress' });
    const reader = client(fake, fake.installationToken({ actions: 'read' }));
    expect((await reader.rest.actions.getWorkflowRun({ ...REPO, run_id: id })).data.status).toBe('in_progress');
    expect(await refusal(reader.rest.actions.cancelWorkflowRun({ ...REPO, run_id: id }))).toEqual({
      status: 403,
      message: 'Resource not accessible by integration',
    });
    expect(fake.problems.map((p) => [p.operation, p.reason])).toEqual([
      ['actions/cancel-workflow-run', expect.stringContaining('actions/cancel-workflow-run needs actions: write')],
    ]);
    expect(fake.workflowRun(id)!.status).toBe('in_progress');
    const writer = client(fake, fake.installationToken({ actions: 'write' }));
    expect((await writer.rest.actions.cancelWorkflowRun({ ...REPO, run_id: id })).status).toBe(202);
    const none = client(fake, fake.installationToken({ contents: 'read' }));
    expect((await refusal(none.rest.actions.getWorkflowRun({ ...REPO, run_id: id }))).status).toBe(403);
  });

  test('a seed whose status and conclusion disagree is refused', async () => {
    const fake = await start();
    expect(() => fake.addWorkflowRun({ status: 'in_progress', conclusion: 'failure' })).toThrow(/no conclusion/);
    expect(() => fake.addWorkflowRun({ status: 'completed', conclusion: null })).toThrow(/a conclusion/);
    expect(() =>
      fake.addWorkflowRun({ status: 'completed', jobs: [{ name: 'plan', status: 'queued', conclusion: 'success' }] }),
    ).toThrow(/job plan/);
    expect(() => fake.installationToken({ actions: 'read' })).toThrow(/no App/);
  });
});
