import { afterEach, describe, expect, test } from 'vitest';
import { createOctokit, GitHubApiError, PlanNotApprovedError, verifyPlanApproval } from '../../../src/github/index.ts';
import {
  forbidden,
  type GitHubFake,
  type GitHubFakeSeed,
  serverError,
  startGitHubFake,
} from '../../support/github-fake.ts';

const fakes: GitHubFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const REPO = { owner: 'octo-org', repo: 'demo' };
const RUN = 77;

async function verify(seed: GitHubFakeSeed, environment = 'approval', prepare?: (fake: GitHubFake) => void) {
  const fake = await startGitHubFake({ users: ['maya', 'tom'], ...seed });
  fakes.push(fake);
  prepare?.(fake);
  const octokit = createOctokit({ token: 'test-token', baseUrl: fake.url, secondMs: 1, retries: 1 });
  const result = await verifyPlanApproval(octokit, { ...REPO, runId: RUN, environment }).catch((e: unknown) => e);
  return { result, fake };
}

const approved = (user: string, environments = ['approval'], runId = RUN) => ({
  runId,
  environments,
  state: 'approved' as const,
  user,
  comment: '',
});

describe('verifyPlanApproval', () => {
  test('the environment is matched whatever its case, and each approver is named once', async () => {
    const { result, fake } = await verify(
      {
        environments: { Approval: { reviewers: ['maya', 'tom'] } },
        runApprovals: [approved('maya', ['Approval']), approved('maya', ['Approval']), approved('tom', ['Approval'])],
      },
      'APPROVAL',
    );
    expect(result).toEqual({ environment: 'Approval', reviewers: ['maya', 'tom'], approvedBy: ['maya', 'tom'] });
    expect(fake.problems).toEqual([]);
  });

  test('approvals of another run, or of another environment of this run, do not count', async () => {
    const { result } = await verify({
      environments: { approval: { reviewers: ['maya'] }, staging: { reviewers: ['maya'] } },
      runApprovals: [approved('maya', ['approval'], RUN + 1), approved('maya', ['staging'])],
    });
    expect(result).toBeInstanceOf(PlanNotApprovedError);
    expect((result as Error).message).toMatch(/^nobody approved the plan: run 77 has no approval for the environment/);
  });

  test('a rejection in this run wins over an approval', async () => {
    const { result } = await verify({
      environments: { approval: { reviewers: ['maya', 'tom'] } },
      runApprovals: [
        approved('maya'),
        { runId: RUN, environments: ['approval'], state: 'rejected', user: 'tom', comment: 'no' },
      ],
    });
    expect(result).toBeInstanceOf(PlanNotApprovedError);
    expect((result as Error).message).toContain('the plan was rejected: tom rejected run 77');
  });

  test('a wait timer is not a reviewer', async () => {
    const { result, fake } = await verify({ environments: { approval: { waitTimer: 30 } } });
    expect((result as Error).message).toContain('has no required reviewers (only the protection rules wait_timer)');
    expect(fake.calls('actions/get-reviews-for-run')).toEqual([]);
  });

  test('a token without actions: read, on either request, is told the permission; other failures say what GitHub said', async () => {
    const environments = { approval: { reviewers: ['maya'] } };
    const onEnvironment = await verify({ environments }, 'approval', (f) =>
      f.fail('repos/get-environment', forbidden()),
    );
    expect(onEnvironment.result).toBeInstanceOf(GitHubApiError);
    expect((onEnvironment.result as Error).message).toBe(
      'could not read the approval environment "approval" of octo-org/demo: the token lacks a permission ' +
        '(403 Resource not accessible by integration); give the job `permissions: { actions: read }`, ' +
        'or pass a token that has actions: read',
    );
    const onApprovals = await verify({ environments }, 'approval', (f) =>
      f.fail('actions/get-reviews-for-run', forbidden()),
    );
    expect((onApprovals.result as Error).message).toMatch(
      /^could not read the approvals of run 77 in octo-org\/demo: the token lacks a permission .*actions: read/,
    );
    const down = await verify({ environments }, 'approval', (f) =>
      f.fail('actions/get-reviews-for-run', serverError(502), serverError(502)),
    );
    expect((down.result as Error).message).toContain('GitHub answered 502 Server Error and the retries ran out');
  });
});
