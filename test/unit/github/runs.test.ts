import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import {
  cancelWorkflowRun,
  createOctokit,
  GitHubApiError,
  getWorkflowRun,
  isRunActive,
  listRunJobs,
  rerunFailedJobs,
  rerunJob,
} from '../../../src/github/index.ts';
import { type GitHubFake, type GitHubFakeSeed, serverError, startGitHubFake } from '../../support/github-fake.ts';

const fakes: GitHubFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const REPO = { owner: 'octo-org', repo: 'demo' };
const STAGES = [
  { name: 'plan', needs: [] },
  { name: 'code', needs: ['plan'] },
  { name: 'test', needs: ['code'] },
  { name: 'review', needs: ['test'] },
  { name: 'docs', needs: ['test'] },
  { name: 'publish', needs: ['review', 'docs'] },
];

async function setup(seed: GitHubFakeSeed = {}) {
  const fake = await startGitHubFake(seed);
  fakes.push(fake);
  const octokit = createOctokit({ token: 'test-token', baseUrl: fake.url, secondMs: 1 });
  return { fake, octokit };
}

async function failure(promise: Promise<unknown>): Promise<GitHubApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GitHubApiError);
  return error as GitHubApiError;
}

/** A completed run whose `test` stage failed: review, docs and publish were skipped. */
function failedAtTest(fake: GitHubFake): number {
  return fake.addWorkflowRun({
    status: 'completed',
    conclusion: 'failure',
    jobs: STAGES.map(({ name, needs }) => {
      const index = STAGES.findIndex((s) => s.name === name);
      let conclusion: 'success' | 'failure' | 'skipped' = 'skipped';
      if (index < 2) conclusion = 'success';
      else if (name === 'test') conclusion = 'failure';
      return { name, needs, status: 'completed', conclusion };
    }),
  });
}

describe('getWorkflowRun', () => {
  test('reads status, conclusion, page, attempt and workflow file; an unknown run is null', async () => {
    const { fake, octokit } = await setup({
      workflowRuns: [
        {
          status: 'in_progress',
          runAttempt: 2,
          path: '.github/workflows/ensemble.yml',
          jobs: [{ name: 'plan', status: 'in_progress' }],
        },
      ],
    });
    const [seeded] = [...fake.state.workflowRuns.keys()];
    const run = await getWorkflowRun(octokit, REPO, seeded!);
    expect(run).toEqual({
      id: seeded,
      status: 'in_progress',
      conclusion: null,
      url: `https://github.com/octo-org/demo/actions/runs/${seeded}`,
      attempt: 2,
      path: '.github/workflows/ensemble.yml',
    });
    expect(isRunActive(run!)).toBe(true);

    const done = fake.addWorkflowRun({ status: 'completed', conclusion: 'failure' });
    const finished = await getWorkflowRun(octokit, REPO, done);
    expect(finished).toMatchObject({ status: 'completed', conclusion: 'failure', attempt: 1 });
    expect(isRunActive(finished!)).toBe(false);

    expect(await getWorkflowRun(octokit, REPO, 999_999)).toBeNull();
    expect(fake.calls('actions/get-workflow-run').map((c) => c.status)).toEqual([200, 200, 404]);
    expect(fake.problems).toEqual([]);
  });

  test('a refusal other than 404 is an error naming actions: read', async () => {
    const { fake, octokit } = await setup();
    const id = fake.addWorkflowRun({ status: 'queued' });
    fake.fail('actions/get-workflow-run', { status: 403, message: 'Resource not accessible by integration' });
    const error = await failure(getWorkflowRun(octokit, REPO, id));
    expect(error.status).toBe(403);
    expect(error.message).toContain(`could not read workflow run ${id}`);
    expect(error.message).toContain('actions: read');
  });
});

describe('isRunActive', () => {
  test('every status but completed is active', () => {
    for (const status of ['queued', 'in_progress', 'waiting', 'requested', 'pending']) {
      expect(isRunActive({ status })).toBe(true);
    }
    expect(isRunActive({ status: 'completed' })).toBe(false);
  });
});

describe('cancelWorkflowRun', () => {
  test('cancels an active run once: it completes as cancelled, its unfinished jobs too', async () => {
    const { fake, octokit } = await setup();
    const id = fake.addWorkflowRun({
      status: 'in_progress',
      jobs: [
        { name: 'plan', status: 'completed', conclusion: 'success' },
        { name: 'code', status: 'in_progress' },
        { name: 'test', status: 'queued' },
      ],
    });
    expect(await cancelWorkflowRun(octokit, REPO, id)).toBe('cancelled');
    expect(fake.calls('actions/cancel-workflow-run').map((c) => c.status)).toEqual([202]);
    const run = fake.workflowRun(id)!;
    expect([run.status, run.conclusion]).toEqual(['completed', 'cancelled']);
    expect(run.jobs.map((j) => [j.name, j.status, j.conclusion])).toEqual([
      ['plan', 'completed', 'success'],
      ['code', 'completed', 'cancelled'],
      ['test', 'completed', 'cancelled'],
    ]);
    expect(await getWorkflowRun(octokit, REPO, id)).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(fake.problems).toEqual([]);
  });

  test('a run that completed meanwhile (409) is "completed", not an error, and stays as it was', async () => {
    const { fake, octokit } = await setup();
    const id = fake.addWorkflowRun({ status: 'completed', conclusion: 'success', jobs: [{ name: 'plan' }] });
    expect(await cancelWorkflowRun(octokit, REPO, id)).toBe('completed');
    expect(fake.calls('actions/cancel-workflow-run').map((c) => c.status)).toEqual([409]);
    expect(fake.workflowRun(id)!.conclusion).toBe('success');
    expect(fake.problems).toEqual([]);
  });

  test('a lost answer (502) of a cancel that landed: the run, read again, says it is cancelled', async () => {
    const { fake, octokit } = await setup();
    const id = fake.addWorkflowRun({ status: 'in_progress' });
    fake.fail('actions/cancel-workflow-run', serverError(502, { afterWrite: true }));
    expect(await cancelWorkflowRun(octokit, REPO, id)).toBe('cancelled');
    expect(fake.calls('actions/cancel-workflow-run').map((c) => c.status)).toEqual([502]);
    expect(fake.calls('actions/get-workflow-run').map((c) => c.status)).toEqual([200]);
    expect(fake.workflowRun(id)!.conclusion).toBe('cancelled');
  });

  test('a 502 before the cancel landed: the run is still active, so it is cancelled again', async () => {
    const { fake, octokit } = await setup();
    const id = fake.addWorkflowRun({ status: 'in_progress' });
    fake.fail('actions/cancel-workflow-run', serverError(502));
    expect(await cancelWorkflowRun(octokit, REPO, id)).toBe('cancelled');
    expect(fake.calls('actions/cancel-workflow-run').map((c) => c.status)).toEqual([502, 202]);
    expect(fake.workflowRun(id)!.conclusion).toBe('cancelled');
  });

  test('an unknown run is an error, not "completed"', async () => {
    const { octokit } = await setup();
    const error = await failure(cancelWorkflowRun(octokit, REPO, 424242));
    expect(error.status).toBe(404);
    expect(error.message).toContain('could not cancel workflow run 424242');
  });
});

describe('listRunJobs', () => {
  test('lists every job of the latest attempt across pages of 100', async () => {
    const { fake, octokit } = await setup();
    const names = Array.from({ length: 130 }, (_, i) => `job ${i + 1}`);
    const id = fake.addWorkflowRun({ status: 'in_progress', jobs: names.map((name) => ({ name })) });
    const jobs = await listRunJobs(octokit, REPO, id);
    expect(jobs.map((j) => j.name)).toEqual(names);
    expect(jobs[0]).toEqual({
      id: fake.workflowRun(id)!.jobs[0]!.id,
      name: 'job 1',
      status: 'queued',
      conclusion: null,
    });
    const calls = fake.calls('actions/list-jobs-for-workflow-run');
    expect(calls.map((c) => [c.query.filter, c.query.page ?? '1'])).toEqual([
      ['latest', '1'],
      ['latest', '2'],
    ]);
    expect(fake.problems).toEqual([]);
  });

  test("after a re-run, a job re-run is its new attempt's, the others their earlier one", async () => {
    const { fake, octokit } = await setup();
    const id = failedAtTest(fake);
    await rerunFailedJobs(octokit, REPO, id);
    const before = fake.workflowRun(id)!.jobs.filter((j) => j.runAttempt === 1);
    const jobs = await listRunJobs(octokit, REPO, id);
    expect(jobs.map((j) => [j.name, j.status, j.conclusion])).toEqual([
      ['plan', 'completed', 'success'],
      ['code', 'completed', 'success'],
      ['test', 'queued', null],
      ['review', 'queued', null],
      ['docs', 'queued', null],
      ['publish', 'queued', null],
    ]);
    expect(jobs[0]!.id).toBe(before[0]!.id);
    expect(jobs[2]!.id).not.toBe(before[2]!.id);
  });
});

describe('rerunJob and rerunFailedJobs', () => {
  test("re-running a stage's job of a completed run starts the next attempt with it and its dependents", async () => {
    const { fake, octokit } = await setup();
    const id = failedAtTest(fake);
    const code = fake.workflowRun(id)!.jobs.find((j) => j.name === 'code')!;
    await rerunJob(octokit, REPO, code.id);
    expect(fake.calls('actions/re-run-job-for-workflow-run').map((c) => [c.status, c.path])).toEqual([
      [201, `/repos/octo-org/demo/actions/jobs/${code.id}/rerun`],
    ]);
    const run = fake.workflowRun(id)!;
    expect([run.status, run.conclusion, run.runAttempt]).toEqual(['queued', null, 2]);
    expect(run.reruns).toEqual([
      {
        kind: 'job',
        jobId: code.id,
        jobName: 'code',
        attempt: 2,
        rerun: ['code', 'test', 'review', 'docs', 'publish'],
        debug: false,
      },
    ]);
    expect(await getWorkflowRun(octokit, REPO, id)).toMatchObject({ status: 'queued', attempt: 2 });
    expect(fake.problems).toEqual([]);
  });

  test('re-running the failed jobs re-runs those that failed and what depends on them', async () => {
    const { fake, octokit } = await setup();
    const id = failedAtTest(fake);
    await rerunFailedJobs(octokit, REPO, id);
    expect(fake.calls('actions/re-run-workflow-failed-jobs').map((c) => c.status)).toEqual([201]);
    const run = fake.workflowRun(id)!;
    expect(run.reruns.map((r) => [r.kind, r.attempt, r.rerun])).toEqual([
      ['failed-jobs', 2, ['test', 'review', 'docs', 'publish']],
    ]);
    expect(run.status).toBe('queued');
    expect(fake.problems).toEqual([]);
  });

  test('a run still in progress is refused: the error says it is still running, not a permission', async () => {
    const { fake, octokit } = await setup();
    const id = fake.addWorkflowRun({
      status: 'in_progress',
      jobs: [
        { name: 'plan', status: 'completed', conclusion: 'failure' },
        { name: 'code', status: 'in_progress' },
      ],
    });
    const plan = fake.workflowRun(id)!.jobs[0]!;
    for (const attempt of [() => rerunJob(octokit, REPO, plan.id), () => rerunFailedJobs(octokit, REPO, id)]) {
      const error = await failure(attempt());
      expect(error.status).toBe(403);
      expect(error.githubMessage).toBe('This workflow is already running');
      expect(error.message).toContain('still running');
      expect(error.message).not.toContain('lacks a permission');
    }
    expect(fake.workflowRun(id)!.runAttempt).toBe(1);
    expect(fake.workflowRun(id)!.reruns).toEqual([]);
    // Sent once each: GitHub's refusal is not retried.
    expect(fake.calls('actions/re-run-job-for-workflow-run')).toHaveLength(1);
    expect(fake.calls('actions/re-run-workflow-failed-jobs')).toHaveLength(1);
    expect(fake.problems).toEqual([]);
  });

  test('a run over a month old is refused with advice to start a new run', async () => {
    const now = new Date('2030-03-01T00:00:00Z');
    const { fake, octokit } = await setup({ now: () => now });
    const id = fake.addWorkflowRun({
      status: 'completed',
      conclusion: 'failure',
      createdAt: '2030-01-15T00:00:00Z',
      jobs: [{ name: 'plan', conclusion: 'failure' }],
    });
    const error = await failure(rerunFailedJobs(octokit, REPO, id));
    expect(error.status).toBe(403);
    expect(error.message).toContain('less than 30 days old');
    expect(error.message).toContain('start a new run');
    expect(fake.workflowRun(id)!.runAttempt).toBe(1);
  });

  test('a 502 on a re-run is not retried: the re-run may have started', async () => {
    const { fake, octokit } = await setup();
    const id = failedAtTest(fake);
    fake.fail('actions/re-run-workflow-failed-jobs', serverError(502, { afterWrite: true }));
    const error = await failure(rerunFailedJobs(octokit, REPO, id));
    expect(error.status).toBe(502);
    expect(fake.calls('actions/re-run-workflow-failed-jobs')).toHaveLength(1);
    expect(fake.workflowRun(id)!.runAttempt).toBe(2);
  });
});

describe('an installation token without actions: write', () => {
  const KEYS = generateKeyPairSync('rsa', { modulusLength: 2048 });

  test('reads runs and jobs, but cancel and re-runs fail with a message naming actions: write', async () => {
    const { fake } = await setup({
      apps: [{ id: 4711, publicKey: KEYS.publicKey, permissions: { actions: 'write', contents: 'write' } }],
    });
    const token = fake.installationToken({ actions: 'read', contents: 'write' });
    const octokit = createOctokit({ token, baseUrl: fake.url, secondMs: 1 });
    const active = fake.addWorkflowRun({ status: 'in_progress', jobs: [{ name: 'plan' }] });
    const failed = failedAtTest(fake);

    expect(await getWorkflowRun(octokit, REPO, active)).toMatchObject({ status: 'in_progress' });
    expect(await listRunJobs(octokit, REPO, active)).toHaveLength(1);

    const job = fake.workflowRun(failed)!.jobs[0]!.id;
    for (const [attempt, action] of [
      [() => cancelWorkflowRun(octokit, REPO, active), `cancel workflow run ${active}`],
      [() => rerunJob(octokit, REPO, job), `re-run job ${job}`],
      [() => rerunFailedJobs(octokit, REPO, failed), `re-run the failed jobs of workflow run ${failed}`],
    ] as const) {
      const error = await failure(attempt());
      expect(error.status).toBe(403);
      expect(error.githubMessage).toBe('Resource not accessible by integration');
      expect(error.message).toContain(`could not ${action}`);
      expect(error.message).toContain('actions: write');
    }
    expect(fake.workflowRun(active)!.status).toBe('in_progress');
    expect(fake.workflowRun(failed)!.runAttempt).toBe(1);
    // The fake records each as the client asking with too little.
    expect(fake.problems.map((p) => p.operation)).toEqual([
      'actions/cancel-workflow-run',
      'actions/re-run-job-for-workflow-run',
      'actions/re-run-workflow-failed-jobs',
    ]);
  });
});
