import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, test } from 'vitest';
import { type GitHubFake, type GitHubFakeSeed, startGitHubFake } from '../../support/github-fake.ts';

const fakes: GitHubFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const REPO = { owner: 'octo-org', repo: 'demo' };

async function start(seed: GitHubFakeSeed = {}) {
  const fake = await startGitHubFake({ collaborators: { maya: 'write' }, ...seed });
  fakes.push(fake);
  return fake;
}

/** A plain Octokit without retries: the fake's answers as they are. */
const client = (fake: GitHubFake) =>
  new Octokit({ auth: 'test-token', baseUrl: fake.url, log: { debug() {}, info() {}, warn() {}, error() {} } });

async function statusOf(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { status?: number; response?: { data?: { message?: string } } } | null;
  expect(error).not.toBeNull();
  return { status: error!.status ?? 0, message: error!.response?.data?.message ?? '' };
}

async function draft(fake: GitHubFake) {
  fake.state.refs.set('refs/heads/feature', fake.state.refs.get('refs/heads/main')!);
  fake.pushAsPerson({ branch: 'feature', files: { 'a.txt': 'a\n' }, message: 'A', author: 'maya' });
  const { data } = await client(fake).rest.pulls.create({ ...REPO, head: 'feature', base: 'main', title: 'A' });
  return data.number;
}

describe('the CI in the GitHub fake', () => {
  test("a workflow run's jobs are check runs of its suite; a re-run adds a check run of the same name", async () => {
    const fake = await start();
    const octokit = client(fake);
    const runId = fake.addWorkflowRun({
      status: 'completed',
      conclusion: 'failure',
      jobs: [{ name: 'test', conclusion: 'failure' }],
    });
    const first = fake.workflowRun(runId)!.jobs[0]!.id;
    await octokit.rest.actions.reRunJobForWorkflowRun({ ...REPO, job_id: first });
    const second = fake.workflowRun(runId)!.jobs[1]!.id;
    expect((await octokit.rest.checks.get({ ...REPO, check_run_id: first })).data).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
    });
    expect((await octokit.rest.checks.get({ ...REPO, check_run_id: second })).data).toMatchObject({
      name: 'test',
      status: 'queued',
      conclusion: null,
    });
    const sha = fake.state.refs.get('refs/heads/main')!;
    const suites = (await octokit.rest.checks.listSuitesForRef({ ...REPO, ref: sha })).data;
    expect(suites.check_suites).toMatchObject([{ id: runId + 1, status: 'queued', latest_check_runs_count: 1 }]);
    expect((await statusOf(octokit.rest.checks.get({ ...REPO, check_run_id: 1 }))).status).toBe(404);
    expect((await statusOf(octokit.rest.checks.listSuitesForRef({ ...REPO, ref: 'nope' }))).status).toBe(422);
    expect(fake.problems).toEqual([]);
  });

  test('job logs: 302 to the storage, which wants no token; none is 410; an unknown job 404', async () => {
    const fake = await start();
    const runId = fake.addWorkflowRun({ status: 'completed', jobs: [{ name: 'a', log: 'hello\n' }, { name: 'b' }] });
    const [a, b] = fake.workflowRun(runId)!.jobs;
    const logs = (id: number) =>
      fetch(`${fake.url}/repos/octo-org/demo/actions/jobs/${id}/logs`, {
        headers: { authorization: 'token test-token' },
        redirect: 'manual',
      });
    const answer = await logs(a!.id);
    expect(answer.status).toBe(302);
    const location = answer.headers.get('location')!;
    expect(await (await fetch(location)).text()).toBe('hello\n');
    expect((await fetch(location.replace(/sig=\w+/, 'sig=forged'))).status).toBe(403);
    expect((await logs(b!.id)).status).toBe(410);
    expect((await logs(1)).status).toBe(404);
    expect(fake.problems).toEqual([]);
    await fetch(location, { headers: { authorization: 'token test-token' } });
    expect(fake.problems.map((p) => p.reason)).toEqual([expect.stringContaining('sent its GitHub token')]);
  });

  test('runs of one workflow, by id or file name; an unknown workflow is 404', async () => {
    const fake = await start();
    const octokit = client(fake);
    const ci = fake.addWorkflowRun({ status: 'completed', path: '.github/workflows/ci.yml' });
    fake.addWorkflowRun({ status: 'completed', path: '.github/workflows/other.yml' });
    const workflowId = (await octokit.rest.actions.getWorkflowRun({ ...REPO, run_id: ci })).data.workflow_id;
    const ids = async (workflow_id: number | string) =>
      (await octokit.rest.actions.listWorkflowRuns({ ...REPO, workflow_id })).data.workflow_runs.map((r) => r.id);
    expect(await ids(workflowId)).toEqual([ci]);
    expect(await ids('ci.yml')).toEqual([ci]);
    expect((await statusOf(octokit.rest.actions.listWorkflowRuns({ ...REPO, workflow_id: 'none.yml' }))).status).toBe(
      404,
    );
    expect(fake.problems).toEqual([]);
  });

  test('reviewers: collaborators and seeded teams only, never the author, as GitHub says it', async () => {
    const fake = await start();
    const octokit = client(fake);
    const number = await draft(fake);
    fake.checks.addTeam('core');
    await octokit.rest.pulls.requestReviewers({
      ...REPO,
      pull_number: number,
      reviewers: ['maya'],
      team_reviewers: ['core'],
    });
    await octokit.rest.pulls.requestReviewers({ ...REPO, pull_number: number, reviewers: ['maya'] });
    const requested = (await octokit.rest.pulls.listRequestedReviewers({ ...REPO, pull_number: number })).data;
    expect([requested.users.map((u) => u.login), requested.teams.map((t) => t.slug)]).toEqual([['maya'], ['core']]);
    expect(
      await statusOf(octokit.rest.pulls.requestReviewers({ ...REPO, pull_number: number, reviewers: ['nobody'] })),
    ).toEqual({ status: 422, message: expect.stringContaining('Reviews may only be requested from collaborators') });
    expect(
      await statusOf(
        octokit.rest.pulls.requestReviewers({ ...REPO, pull_number: number, reviewers: ['github-actions[bot]'] }),
      ),
    ).toEqual({ status: 422, message: 'Review cannot be requested from pull request author.' });
    expect(fake.problems).toEqual([]);
  });

  test('deployments newest first, filtered; their statuses newest first; an unknown deployment is 404', async () => {
    const fake = await start();
    const octokit = client(fake);
    const staging = fake.checks.addDeployment({ environment: 'staging' });
    const production = fake.checks.addDeployment({ environment: 'production', task: 'deploy:migrations' });
    fake.checks.addDeploymentStatus(production, { state: 'in_progress' });
    fake.checks.addDeploymentStatus(production, { state: 'failure', logUrl: 'https://ci.example.com/1' });
    const ids = async (params: Record<string, string> = {}) =>
      (await octokit.rest.repos.listDeployments({ ...REPO, ...params })).data.map((d) => d.id);
    expect(await ids()).toEqual([production, staging]);
    expect(await ids({ environment: 'staging' })).toEqual([staging]);
    expect(await ids({ task: 'deploy:migrations' })).toEqual([production]);
    expect(await ids({ sha: 'f'.repeat(40) })).toEqual([]);
    const statuses = (await octokit.rest.repos.listDeploymentStatuses({ ...REPO, deployment_id: production })).data;
    expect(statuses.map((s) => [s.state, s.log_url])).toEqual([
      ['failure', 'https://ci.example.com/1'],
      ['in_progress', undefined],
    ]);
    expect((await statusOf(octokit.rest.repos.listDeploymentStatuses({ ...REPO, deployment_id: 1 }))).status).toBe(404);
    expect(fake.problems).toEqual([]);
  });

  test('GraphQL: auto-merge waits on a required check, refused once nothing is left to wait for', async () => {
    const fake = await start();
    const number = await draft(fake);
    const octokit = client(fake);
    const node = (await octokit.rest.pulls.get({ ...REPO, pull_number: number })).data.node_id;
    fake.checks.allowAutoMerge(true);
    fake.checks.protect('main', { checks: ['test'] });
    const enable = (mergeMethod: string) =>
      octokit.graphql(
        `mutation EnableAutoMerge($id: ID!, $mergeMethod: PullRequestMergeMethod!) {
          enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: $mergeMethod }) {
            pullRequest { id autoMergeRequest { mergeMethod } }
          }
        }`,
        { id: node, mergeMethod },
      );
    const head = fake.state.refs.get('refs/heads/feature')!;
    fake.checks.addCommitStatus({ sha: head, context: 'test', state: 'success' });
    await expect(enable('MERGE')).rejects.toMatchObject({
      errors: [{ type: 'UNPROCESSABLE', message: 'Pull request Pull request is in clean status' }],
    });
    fake.checks.addCommitStatus({ sha: head, context: 'test', state: 'pending' });
    await enable('MERGE');
    expect(fake.checks.pull(number).autoMerge).toEqual({ method: 'MERGE', enabledBy: 'github-actions[bot]' });
    expect(fake.problems).toEqual([]);
  });

  test('GraphQL: an installation token without checks cannot read the rollup', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const fake = await start({ apps: [{ id: 7, publicKey: keys.publicKey }] });
    const number = await draft(fake);
    const token = fake.installationToken({ pull_requests: 'read' });
    const octokit = new Octokit({ auth: token, baseUrl: fake.url });
    const query = (await import('node:fs')).readFileSync(
      new URL('../../../src/github/checks.ts', import.meta.url),
      'utf8',
    );
    const document = /const PULL_CHECKS_QUERY = `([^`]+)`/.exec(query)![1]!;
    await expect(octokit.graphql(document, { ...REPO, pull: number })).rejects.toMatchObject({
      errors: [{ type: 'FORBIDDEN' }],
    });
  });
});
