import { afterEach, describe, expect, test } from 'vitest';
import { parseOutputs } from '../support/actions-harness.ts';
import { forbidden, type GitHubFake, type GitHubFakeSeed, startGitHubFake } from '../support/github-fake.ts';
import { runActionBundle } from '../support/runner.ts';

/**
 * The approve action's bundle as the runner runs it in the approve job (after GitHub's
 * environment gate let the job start), against the OpenAPI-checked GitHub fake: it passes only
 * when the environment has required reviewers and one of them approved this run.
 */

const TOKEN = 'ghs_approveContractToken000000000000000';
const RUN_ID = 4242;

let fake: GitHubFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function runApprove(seed: GitHubFakeSeed, environment = 'ensemble-approval') {
  fake = await startGitHubFake({ owner: 'octo-org', repo: 'textkit', token: TOKEN, ...seed });
  const run = await runActionBundle(
    'approve',
    { environment, 'github-token': TOKEN },
    { env: { GITHUB_REPOSITORY: 'octo-org/textkit', GITHUB_API_URL: fake.url, GITHUB_RUN_ID: String(RUN_ID) } },
  );
  return { run, fake };
}

const error = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('::error::'))
    .join('\n');

describe('actions/approve, as the runner runs it, against GitHub', () => {
  test('an environment the repository does not have fails, saying what to configure', async () => {
    const { run, fake } = await runApprove({}, 'ensemble-aproval');
    expect(run.exitCode).not.toBe(0);
    const message = error(run.stdout);
    expect(message).toContain('::error::ensemble approve: the approval environment "ensemble-aproval" does not exist');
    expect(message).toContain('Settings → Environments');
    expect(message).toContain('Private repositories on the GitHub Free, Pro and Team plans cannot have required');
    expect(message).toContain('leave the approval-environment input empty');
    expect(run.files.summary).toContain('Plan not approved');
    expect(run.files.output).toBe('');
    expect(fake.calls('repos/get-environment').map((r) => r.path)).toEqual([
      '/repos/octo-org/textkit/environments/ensemble-aproval',
    ]);
    expect(fake.calls('actions/get-reviews-for-run')).toEqual([]);
    expect(fake.problems).toEqual([]);
  });

  test('an environment without required reviewers (as GitHub creates a missing one) fails', async () => {
    const { run, fake } = await runApprove({ environments: { 'ensemble-approval': { waitTimer: 10 } } });
    expect(run.exitCode).not.toBe(0);
    expect(error(run.stdout)).toContain(
      'the approval environment "ensemble-approval" of octo-org/textkit has no required reviewers ' +
        '(only the protection rules wait_timer)',
    );
    expect(error(run.stdout)).toContain('Settings → Environments → ensemble-approval → Required reviewers');
    expect(run.files.output).toBe('');
    expect(fake.problems).toEqual([]);
  });

  test('approved by a required reviewer: passes and names who approved', async () => {
    const { run, fake } = await runApprove({
      users: ['alice', 'bob'],
      environments: { 'Ensemble-Approval': { reviewers: ['alice', 'bob'] } },
      runApprovals: [
        // Another run's rejection and another environment's approval do not count for this run.
        { runId: 4141, environments: ['Ensemble-Approval'], state: 'rejected', user: 'bob', comment: '' },
        { runId: RUN_ID, environments: ['Ensemble-Approval'], state: 'approved', user: 'alice', comment: 'Go ahead' },
      ],
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain('The plan was approved for the environment "Ensemble-Approval" by alice.');
    expect(parseOutputs(run.files.output)).toEqual({ 'approved-by': 'alice' });
    expect(run.files.summary).toContain('### Plan approved');
    expect(run.files.summary).toContain('by **alice** (required reviewers: alice, bob)');
    expect(fake.calls('actions/get-reviews-for-run').map((r) => r.path)).toEqual([
      `/repos/octo-org/textkit/actions/runs/${RUN_ID}/approvals`,
    ]);
    expect(fake.problems).toEqual([]);
  });

  test('rejected by a reviewer: fails, naming who rejected', async () => {
    const { run, fake } = await runApprove({
      environments: { 'ensemble-approval': { reviewers: ['alice'] } },
      runApprovals: [
        { runId: RUN_ID, environments: ['ensemble-approval'], state: 'rejected', user: 'alice', comment: 'No' },
      ],
    });
    expect(run.exitCode).not.toBe(0);
    expect(error(run.stdout)).toContain(
      `::error::ensemble approve: the plan was rejected: alice rejected run ${RUN_ID} for the approval environment`,
    );
    expect(run.files.output).toBe('');
    expect(fake.problems).toEqual([]);
  });

  test('required reviewers but no approval in this run (GitHub did not enforce them): fails', async () => {
    const { run } = await runApprove({
      private: true,
      plan: 'team',
      environments: { 'ensemble-approval': { reviewers: ['alice'] } },
      runApprovals: [{ runId: RUN_ID, environments: ['staging'], state: 'approved', user: 'alice', comment: '' }],
    });
    expect(run.exitCode).not.toBe(0);
    const message = error(run.stdout);
    expect(message).toContain(`nobody approved the plan: run ${RUN_ID} has no approval for the environment`);
    expect(message).toContain('does not enforce required reviewers on a private repository on the Free, Pro or Team');
  });

  test('a token without actions: read is told which permission the job needs', async () => {
    fake = await startGitHubFake({ owner: 'octo-org', repo: 'textkit', token: TOKEN });
    fake.fail('repos/get-environment', forbidden());
    const run = await runActionBundle(
      'approve',
      { environment: 'ensemble-approval', 'github-token': TOKEN },
      { env: { GITHUB_REPOSITORY: 'octo-org/textkit', GITHUB_API_URL: fake.url } },
    );
    expect(run.exitCode).not.toBe(0);
    expect(error(run.stdout)).toContain(
      'could not read the approval environment "ensemble-approval" of octo-org/textkit: the token lacks a permission',
    );
    expect(error(run.stdout)).toContain('`permissions: { actions: read }`');
  });

  test('the environment input is required', async () => {
    const run = await runActionBundle('approve', { 'github-token': TOKEN });
    expect(run.exitCode).not.toBe(0);
    expect(run.stdout).toContain("::error::ensemble approve: invalid input.%0AInput 'environment' is required");
  });
});
