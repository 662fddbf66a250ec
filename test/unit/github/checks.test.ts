import { afterEach, describe, expect, test } from 'vitest';
import {
  createOctokit,
  enableAutoMerge,
  GitHubApiError,
  latestCompletedRun,
  listRunJobsWithSteps,
  markReadyForReview,
  readCheckRunOutput,
  readCiRun,
  readCommitActivity,
  readJobLog,
  readPullChecks,
  requestReviewers,
} from '../../../src/github/index.ts';
import { type GitHubFake, type GitHubFakeSeed, startGitHubFake } from '../../support/github-fake.ts';

const fakes: GitHubFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const REPO = { owner: 'octo-org', repo: 'demo' };

async function setup(seed: GitHubFakeSeed = {}) {
  const fake = await startGitHubFake({ collaborators: { maya: 'write', tom: 'write' }, ...seed });
  fakes.push(fake);
  const octokit = createOctokit({ token: 'test-token', baseUrl: fake.url, secondMs: 1 });
  return { fake, octokit };
}

/** A draft pull request from `feature` (one commit on main) into main; its number and head. */
async function openDraft(fake: GitHubFake, octokit: ReturnType<typeof createOctokit>) {
  fake.state.refs.set('refs/heads/feature', fake.state.refs.get('refs/heads/main')!);
  const head = fake.pushAsPerson({ branch: 'feature', files: { 'a.txt': 'a\n' }, message: 'A', author: 'maya' });
  const { data } = await octokit.rest.pulls.create({ ...REPO, head: 'feature', base: 'main', title: 'A', draft: true });
  return { number: data.number, nodeId: data.node_id, head };
}

async function failure(promise: Promise<unknown>): Promise<GitHubApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GitHubApiError);
  return error as GitHubApiError;
}

describe('readPullChecks', () => {
  test("the head's check runs and statuses: required as the base requires, newest of each name, mapped", async () => {
    const { fake, octokit } = await setup();
    const pull = await openDraft(fake, octokit);
    const runId = fake.addWorkflowRun({
      name: 'CI',
      status: 'completed',
      conclusion: 'failure',
      headBranch: 'feature',
      headSha: pull.head,
      jobs: [
        { name: 'build', conclusion: 'success' },
        { name: 'test', conclusion: 'failure' },
      ],
    });
    // The failed job re-run: a new check run named `test`, still in progress.
    await octokit.rest.actions.reRunJobForWorkflowRun({ ...REPO, job_id: fake.workflowRun(runId)!.jobs[1]!.id });
    const rerun = fake.workflowRun(runId)!.jobs[2]!;
    fake.checks.addCheckRun({ sha: pull.head, name: 'lint', app: 'other-ci', conclusion: 'neutral' });
    fake.checks.addCommitStatus({ sha: pull.head, context: 'deploy', state: 'pending' });
    fake.checks.addCommitStatus({ sha: pull.head, context: 'deploy', state: 'error', targetUrl: 'https://ci/1' });
    fake.checks.addCommitStatus({ sha: pull.head, context: 'cla', state: 'success' });
    fake.checks.addCommitStatus({ sha: pull.head, context: 'docs', state: 'pending' });
    fake.checks.protect('main', { checks: ['test', 'cla'] });

    const checks = await readPullChecks(octokit, REPO, pull.number);
    expect(checks).toMatchObject({
      nodeId: pull.nodeId,
      number: pull.number,
      state: 'OPEN',
      isDraft: true,
      headSha: pull.head,
      mergeable: 'MERGEABLE',
      autoMerge: null,
    });
    // One check per name: the re-run's, not the failed attempt's.
    expect(checks.checks).toHaveLength(6);
    const byName = Object.fromEntries(checks.checks.map((c) => [c.name, c]));
    expect(Object.keys(byName).sort()).toEqual(['build', 'cla', 'deploy', 'docs', 'lint', 'test']);
    expect(byName.test).toEqual({
      name: 'test',
      kind: 'check-run',
      status: 'queued',
      conclusion: null,
      required: true,
      url: `https://github.com/octo-org/demo/actions/runs/${runId}/job/${rerun.id}`,
      checkRunId: rerun.id,
      workflow: { name: 'CI', runId },
      app: 'github-actions',
    });
    expect(byName.build).toMatchObject({ status: 'completed', conclusion: 'success', required: false });
    expect(byName.lint).toMatchObject({ app: 'other-ci', workflow: null, conclusion: 'neutral' });
    expect(byName.deploy).toEqual({
      name: 'deploy',
      kind: 'status',
      status: 'completed',
      conclusion: 'failure',
      required: false,
      url: 'https://ci/1',
      checkRunId: null,
      workflow: null,
      app: null,
    });
    expect(byName.cla).toMatchObject({ status: 'completed', conclusion: 'success', required: true });
    expect(byName.docs).toMatchObject({ status: 'pending', conclusion: null });
    expect(fake.problems).toEqual([]);
  });

  test('two workflows with a job of the same name are two checks: a failure in one is not hidden by the other', async () => {
    const { fake, octokit } = await setup();
    const pull = await openDraft(fake, octokit);
    const ci = fake.addWorkflowRun({
      name: 'CI',
      path: '.github/workflows/ci.yml',
      status: 'completed',
      conclusion: 'failure',
      headBranch: 'feature',
      headSha: pull.head,
      jobs: [{ name: 'test', conclusion: 'failure' }],
    });
    const lint = fake.addWorkflowRun({
      name: 'Lint',
      path: '.github/workflows/lint.yml',
      status: 'completed',
      conclusion: 'success',
      headBranch: 'feature',
      headSha: pull.head,
      jobs: [{ name: 'test', conclusion: 'success' }],
    });
    const checks = (await readPullChecks(octokit, REPO, pull.number)).checks;
    expect(checks.map((c) => [c.workflow?.name, c.name, c.conclusion]).sort()).toEqual([
      ['CI', 'test', 'failure'],
      ['Lint', 'test', 'success'],
    ]);
    expect(checks.map((c) => c.workflow?.runId).sort()).toEqual([ci, lint].sort());
  });

  test('more than 100 checks: every page of the rollup is read, so a failure past the first 100 is seen', async () => {
    const { fake, octokit } = await setup();
    const pull = await openDraft(fake, octokit);
    for (let i = 0; i < 140; i++) {
      fake.checks.addCheckRun({ sha: pull.head, name: `shard ${i}`, app: 'matrix-ci', conclusion: 'success' });
    }
    fake.checks.addCheckRun({ sha: pull.head, name: 'shard 140', app: 'matrix-ci', conclusion: 'failure' });
    const checks = (await readPullChecks(octokit, REPO, pull.number)).checks;
    expect(checks).toHaveLength(141);
    expect(checks.filter((c) => c.conclusion === 'failure').map((c) => c.name)).toEqual(['shard 140']);
    expect(fake.calls('graphql/PullChecks')).toHaveLength(2);
    expect(fake.problems).toEqual([]);
  });

  test('a head nothing reported on has no rollup: no checks', async () => {
    const { fake, octokit } = await setup();
    const pull = await openDraft(fake, octokit);
    expect((await readPullChecks(octokit, REPO, pull.number)).checks).toEqual([]);
    expect(fake.problems).toEqual([]);
  });

  test('a missing pull request, a token without checks: errors naming what to do', async () => {
    const { fake, octokit } = await setup();
    expect((await failure(readPullChecks(octokit, REPO, 99))).message).toContain(
      'Could not resolve to a PullRequest with the number of 99',
    );
    fake.fail('graphql/PullChecks', { status: 403, message: 'Resource not accessible by integration' });
    expect((await failure(readPullChecks(octokit, REPO, 1))).message).toMatch(
      /permissions: \{ pull-requests: read, checks: read, statuses: read \}/,
    );
  });
});

describe('failed jobs and their logs', () => {
  test("the latest attempt's jobs with their steps", async () => {
    const { fake, octokit } = await setup();
    const runId = fake.addWorkflowRun({
      status: 'completed',
      conclusion: 'failure',
      jobs: [
        {
          name: 'test',
          conclusion: 'failure',
          steps: [
            { name: 'Set up job' },
            { name: 'npm test', conclusion: 'failure' },
            { name: 'Post', conclusion: 'skipped' },
          ],
        },
      ],
    });
    const jobs = await listRunJobsWithSteps(octokit, REPO, runId);
    expect(jobs).toEqual([
      {
        id: fake.workflowRun(runId)!.jobs[0]!.id,
        name: 'test',
        status: 'completed',
        conclusion: 'failure',
        url: expect.stringContaining(`/actions/runs/${runId}/job/`),
        runAttempt: 1,
        steps: [
          { number: 1, name: 'Set up job', status: 'completed', conclusion: 'failure' },
          { number: 2, name: 'npm test', status: 'completed', conclusion: 'failure' },
          { number: 3, name: 'Post', status: 'completed', conclusion: 'skipped' },
        ],
      },
    ]);
    expect(fake.problems).toEqual([]);
  });

  test("a job's log: its end within maxBytes, cut flagged, whole when it fits; expired is null", async () => {
    const { fake, octokit } = await setup();
    const log = `${'x'.repeat(5000)}\nError: the failure is here\n`;
    const runId = fake.addWorkflowRun({
      status: 'completed',
      conclusion: 'failure',
      jobs: [{ name: 'test', conclusion: 'failure', log }],
    });
    const jobId = fake.workflowRun(runId)!.jobs[0]!.id;
    const tail = await readJobLog(octokit, REPO, jobId, { maxBytes: 100 });
    expect(tail).toEqual({ text: log.slice(-100), truncated: true });
    expect(await readJobLog(octokit, REPO, jobId, { maxBytes: 10_000 })).toEqual({ text: log, truncated: false });
    // A cut inside a character does not leave half of it.
    fake.checks.setJobLog(jobId, 'ééé');
    expect(await readJobLog(octokit, REPO, jobId, { maxBytes: 3 })).toEqual({ text: 'é', truncated: true });
    fake.checks.setJobLog(jobId, null);
    expect(await readJobLog(octokit, REPO, jobId, { maxBytes: 100 })).toBeNull();
    expect(await readJobLog(octokit, REPO, 424242, { maxBytes: 100 })).toBeNull();
    // The token never went to the log storage.
    expect(fake.calls('log-storage').map((r) => r.token)).toEqual([null, null, null]);
    expect(fake.problems).toEqual([]);
  });

  test('a token without actions: read is told so', async () => {
    const { fake, octokit } = await setup();
    fake.fail('actions/download-job-logs-for-workflow-run', { status: 403, message: 'Resource not accessible' });
    expect((await failure(readJobLog(octokit, REPO, 1, { maxBytes: 10 }))).message).toContain(
      'permissions: { actions: read }',
    );
  });
});

describe('workflow runs', () => {
  test('a run by id in the CI shape; none is null', async () => {
    const { fake, octokit } = await setup();
    const id = fake.addWorkflowRun({ name: 'CI', status: 'in_progress', event: 'pull_request', headBranch: 'main' });
    expect(await readCiRun(octokit, REPO, id)).toEqual({
      id,
      name: 'CI',
      workflowId: expect.any(Number),
      headSha: fake.state.refs.get('refs/heads/main'),
      headBranch: 'main',
      event: 'pull_request',
      status: 'in_progress',
      conclusion: null,
      attempt: 1,
      url: `https://github.com/octo-org/demo/actions/runs/${id}`,
    });
    expect(await readCiRun(octokit, REPO, 1)).toBeNull();
  });

  test('the newest completed run of the workflow on the branch, skipping the excluded one', async () => {
    const { fake, octokit } = await setup();
    const ci = { name: 'CI', path: '.github/workflows/ci.yml', headBranch: 'main' };
    const older = fake.addWorkflowRun({ ...ci, status: 'completed', createdAt: '2030-01-01T00:00:00Z' });
    const newer = fake.addWorkflowRun({
      ...ci,
      status: 'completed',
      conclusion: 'failure',
      createdAt: '2030-01-02T00:00:00Z',
    });
    fake.addWorkflowRun({ ...ci, status: 'in_progress', createdAt: '2030-01-03T00:00:00Z' });
    fake.addWorkflowRun({ ...ci, headBranch: 'feature', status: 'completed', createdAt: '2030-01-04T00:00:00Z' });
    fake.addWorkflowRun({ headBranch: 'main', status: 'completed', createdAt: '2030-01-05T00:00:00Z' });
    const workflowId = (await readCiRun(octokit, REPO, older))!.workflowId;
    expect((await latestCompletedRun(octokit, REPO, { workflowId, branch: 'main' }))?.id).toBe(newer);
    expect((await latestCompletedRun(octokit, REPO, { workflowId, branch: 'main', excludeRunId: newer }))?.id).toBe(
      older,
    );
    expect(await latestCompletedRun(octokit, REPO, { workflowId, branch: 'gone' })).toBeNull();
    expect(fake.problems).toEqual([]);
  });

  test("a check run's output, and what started on a commit", async () => {
    const { fake, octokit } = await setup();
    const sha = fake.state.refs.get('refs/heads/main')!;
    const checkRunId = fake.checks.addCheckRun({
      sha,
      name: 'scan',
      app: 'scanner',
      conclusion: 'failure',
      output: { title: '2 issues', summary: 'Found 2', text: 'details' },
    });
    expect(await readCheckRunOutput(octokit, REPO, checkRunId)).toEqual({
      title: '2 issues',
      summary: 'Found 2',
      text: 'details',
    });
    const runId = fake.addWorkflowRun({ status: 'queued', headSha: sha, jobs: [{ name: 'a' }, { name: 'b' }] });
    const activity = await readCommitActivity(octokit, REPO, sha);
    expect(activity.suites).toEqual([
      { id: expect.any(Number), app: 'scanner', status: 'completed', conclusion: 'failure', checkRuns: 1 },
      { id: runId + 1, app: 'github-actions', status: 'queued', conclusion: null, checkRuns: 2 },
    ]);
    expect(activity.workflowRuns.map((r) => [r.id, r.status])).toEqual([[runId, 'queued']]);
    const other = fake.pushAsPerson({ branch: 'main', files: { b: 'b' }, message: 'B', author: 'maya' });
    expect(await readCommitActivity(octokit, REPO, other)).toEqual({ suites: [], workflowRuns: [] });
    fake.fail('checks/get', { status: 403, message: 'Resource not accessible by integration' });
    expect((await failure(readCheckRunOutput(octokit, REPO, checkRunId))).message).toContain(
      'permissions: { checks: read }',
    );
    expect(fake.problems).toEqual([]);
  });
});

describe('ready for review, reviewers, auto-merge', () => {
  test('marks a draft ready once; a ready one is left alone', async () => {
    const { fake, octokit } = await setup();
    const pull = await openDraft(fake, octokit);
    await markReadyForReview(octokit, pull.nodeId);
    expect(fake.state.pulls.get(pull.number)!.draft).toBe(false);
    await markReadyForReview(octokit, pull.nodeId);
    expect(fake.calls('graphql/MarkReady')).toHaveLength(1);
    expect(fake.problems).toEqual([]);
  });

  test('requests people and teams not yet requested or reviewed, once', async () => {
    const { fake, octokit } = await setup();
    fake.checks.addTeam('core');
    const pull = await openDraft(fake, octokit);
    fake.addReviewThread({ pull: pull.number, author: 'tom', path: 'a.txt', line: 1, body: 'hm' });
    await requestReviewers(octokit, REPO, pull.number, ['maya', 'tom', 'octo-org/core']);
    expect(fake.checks.pull(pull.number)).toMatchObject({ requestedReviewers: ['maya'], requestedTeams: ['core'] });
    expect(fake.calls('pulls/request-reviewers').map((r) => r.body)).toEqual([
      { reviewers: ['maya'], team_reviewers: ['core'] },
    ]);
    await requestReviewers(octokit, REPO, pull.number, ['maya', 'tom', 'octo-org/core']);
    expect(fake.calls('pulls/request-reviewers')).toHaveLength(1);
    const refused = await failure(requestReviewers(octokit, REPO, pull.number, ['stranger']));
    expect(refused.message).toContain('ci.reviewers');
    expect(fake.problems).toEqual([]);
  });

  test('enables auto-merge once per method; refusals say which setting or state is in the way', async () => {
    const { fake, octokit } = await setup();
    const pull = await openDraft(fake, octokit);
    fake.checks.protect('main', { checks: ['test'] });
    expect((await failure(enableAutoMerge(octokit, pull.nodeId, 'SQUASH'))).message).toContain('Allow auto-merge');
    fake.checks.allowAutoMerge(true);
    expect((await failure(enableAutoMerge(octokit, pull.nodeId, 'SQUASH'))).message).toContain(
      'marked ready for review first',
    );
    await markReadyForReview(octokit, pull.nodeId);
    const refusals = fake.calls('graphql/EnableAutoMerge').length;
    await enableAutoMerge(octokit, pull.nodeId, 'SQUASH');
    await enableAutoMerge(octokit, pull.nodeId, 'SQUASH');
    expect(fake.calls('graphql/EnableAutoMerge')).toHaveLength(refusals + 1);
    expect(fake.checks.pull(pull.number).autoMerge).toEqual({ method: 'SQUASH', enabledBy: 'github-actions[bot]' });
    expect((await readPullChecks(octokit, REPO, pull.number)).autoMerge).toEqual({ method: 'SQUASH' });
    await enableAutoMerge(octokit, pull.nodeId, 'REBASE');
    expect(fake.checks.pull(pull.number).autoMerge?.method).toBe('REBASE');
    fake.fail('graphql/EnableAutoMerge', { status: 403, message: 'Resource not accessible by integration' });
    expect((await failure(enableAutoMerge(octokit, pull.nodeId, 'MERGE'))).message).toContain(
      'pull-requests: write, contents: write',
    );
    expect(fake.problems).toEqual([]);
  });

  test('a pull request with nothing left to wait for: auto-merge is refused with what to do', async () => {
    const { fake, octokit } = await setup();
    const pull = await openDraft(fake, octokit);
    fake.checks.allowAutoMerge(true);
    await markReadyForReview(octokit, pull.nodeId);
    const refused = await failure(enableAutoMerge(octokit, pull.nodeId, 'MERGE'));
    expect(refused.githubMessage).toBe('Pull request Pull request is in clean status');
    expect(refused.message).toContain('nothing is left for auto-merge to wait for');
  });
});
