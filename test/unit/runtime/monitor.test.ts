import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { defaultConfig } from '../../../src/contracts/config.ts';
import { revertBranch } from '../../../src/publish/revert.ts';
import { type MonitorRow, watchAfterMerge } from '../../../src/runtime/actions/monitor.ts';
import { cleanupTemps, gitText, isolateGit } from '../../support/git-fixture.ts';
import type { GitHubFake } from '../../support/github-fake.ts';
import {
  commitFiles,
  ISSUE,
  MERGED_AT,
  type MergedRepo,
  type MergedRepoOptions,
  mergedRepo,
  REPO,
} from '../../support/merge-fixture.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

const fakes: GitHubFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const RUN_URL = 'https://github.com/octo-org/demo/actions/runs/900';

/** A job log that fails in `src/slug.ts`, as vitest prints it. */
const FAILING_LOG = [
  '2026-03-02T10:05:00.0000000Z ##[group]Run npm test',
  '2026-03-02T10:05:00.0000000Z npm test',
  '2026-03-02T10:05:01.0000000Z ##[endgroup]',
  '2026-03-02T10:05:02.0000000Z  FAIL  test/slug.test.ts > slug keeps words',
  "2026-03-02T10:05:02.0000000Z AssertionError: expected 'a-b' to be 'a b'",
  '2026-03-02T10:05:02.0000000Z  ❯ slug src/slug.ts:2:30',
  '2026-03-02T10:05:03.0000000Z ##[error]Process completed with exit code 1.',
].join('\n');

const UNRELATED_LOG = [
  '2026-03-02T10:05:00.0000000Z ##[group]Run npm test',
  '2026-03-02T10:05:00.0000000Z npm test',
  '2026-03-02T10:05:01.0000000Z ##[endgroup]',
  '2026-03-02T10:05:02.0000000Z Error: connect ECONNREFUSED registry.example:443',
  '2026-03-02T10:05:03.0000000Z ##[error]Process completed with exit code 1.',
].join('\n');

interface Scenario {
  r: MergedRepo;
  rows: { issue: number | null; row: MonitorRow }[];
  run: (over?: { now?: Date; eventName?: string; payload?: unknown }) => Promise<{ why: string }>;
  payload: unknown;
}

/**
 * The merged repository and CI: the workflow passed on the pull request's head and on the base
 * before the merge, then ran on the merge commit with `after` (failed with `log` by default).
 */
async function scenario(
  spec: {
    repo?: MergedRepoOptions;
    headRun?: 'success' | 'failure';
    baseRun?: 'success' | 'failure';
    after?: 'success' | 'failure';
    log?: string;
  } = {},
): Promise<Scenario> {
  const r = await mergedRepo(spec.repo);
  fakes.push(r.fake);
  const branch = spec.repo?.branch ?? 'ensemble/issue-5';
  const ci = { name: 'CI', path: '.github/workflows/ci.yml' };
  const at = (minutes: number) => new Date(MERGED_AT.getTime() + minutes * 60_000).toISOString();
  r.fake.addWorkflowRun({
    ...ci,
    status: 'completed',
    conclusion: spec.baseRun ?? 'success',
    event: 'push',
    headBranch: 'main',
    headSha: r.base,
    createdAt: at(-120),
    jobs: [{ name: 'test', conclusion: spec.baseRun ?? 'success' }],
  });
  r.fake.addWorkflowRun({
    ...ci,
    status: 'completed',
    conclusion: spec.headRun ?? 'success',
    event: 'pull_request',
    headBranch: branch,
    headSha: r.head,
    createdAt: at(-60),
    jobs: [{ name: 'test', conclusion: spec.headRun ?? 'success' }],
  });
  const after = spec.after ?? 'failure';
  const runId = r.fake.addWorkflowRun({
    ...ci,
    status: 'completed',
    conclusion: after,
    event: 'push',
    headBranch: 'main',
    headSha: r.merge,
    createdAt: at(1),
    jobs: [
      { name: 'lint', conclusion: 'success' },
      {
        name: 'test',
        conclusion: after,
        steps: [{ name: 'Run npm test', conclusion: after }],
        log: spec.log ?? FAILING_LOG,
      },
    ],
  });
  const { data: run } = await r.octokit.rest.actions.getWorkflowRun({ ...REPO, run_id: runId });
  const payload = { action: 'completed', workflow_run: run };
  const rows: Scenario['rows'] = [];
  const run_ = (over: { now?: Date; eventName?: string; payload?: unknown } = {}) =>
    watchAfterMerge({
      octokit: r.octokit,
      config: defaultConfig(),
      repo: REPO,
      eventName: over.eventName ?? 'workflow_run',
      payload: over.payload ?? payload,
      defaultBranch: 'main',
      workspace: r.dir,
      runUrl: RUN_URL,
      serverUrl: 'https://github.com',
      now: () => over.now ?? new Date(MERGED_AT.getTime() + 30 * 60_000),
      record: async (issue, row) => {
        rows.push({ issue, row });
      },
    });
  return { r, rows, run: run_, payload };
}

const revertPulls = (s: Scenario) =>
  [...s.r.fake.state.pulls.values()].filter((p) => p.head === revertBranch(s.r.pull));
const issueComments = (s: Scenario) => s.r.fake.state.comments.filter((c) => c.issue === ISSUE);

describe('a failure attributable to the merged change', () => {
  test('one draft revert whose tree is the first parent’s, a comment with the evidence, a row; again: nothing more', async () => {
    const s = await scenario();
    const before = gitText(s.r.dir, ['status', '--porcelain', '--branch']);
    const result = await s.run();
    expect(result.why).toMatch(/^Draft revert #\d+ of #6/);

    const [pull] = revertPulls(s);
    expect(revertPulls(s)).toHaveLength(1);
    expect(pull).toMatchObject({ draft: true, base: 'main', title: 'Revert "Hyphenate slugs"' });
    const branchSha = s.r.fake.state.refs.get(`refs/heads/${revertBranch(s.r.pull)}`)!;
    const commit = s.r.fake.state.git.commits.get(branchSha)!;
    expect(commit.parents).toEqual([s.r.merge]);
    expect(commit.tree).toBe(s.r.fake.state.git.commits.get(s.r.base)!.tree);
    expect(commit.message).toContain(`This reverts #${s.r.pull} (merge commit ${s.r.merge})`);
    expect(commit.message).toContain('Ensemble-Run: 900\nEnsemble-Stage: monitor');
    expect(pull!.body).toContain('**Passed before the merge:**');
    expect(pull!.body).toContain('`src/slug.ts`');
    expect(pull!.body).toContain('❯ slug src/slug.ts:2:30');
    expect(pull!.body).toContain(
      "ensemble never merges this: review it, or close it if the failure is not the change's.",
    );

    const comments = issueComments(s);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('<!-- ensemble:monitor pr=6 -->');
    expect(comments[0]!.body).toContain(`A draft revert is open: #${pull!.number}`);
    expect(comments[0]!.body).toContain('**Fails after it:**');
    expect(comments[0]!.body).toMatch(/failed jobs: `test`/);
    expect(s.rows).toEqual([
      { issue: ISSUE, row: expect.objectContaining({ key: `revert:${s.r.pull}`, kind: 'revert', state: 'done' }) },
    ]);
    // The checkout the respond job works in is as it was.
    expect(gitText(s.r.dir, ['status', '--porcelain', '--branch'])).toBe(before);
    expect(gitText(s.r.dir, ['rev-parse', 'HEAD'])).toBe(s.r.merge);

    await s.run();
    expect(revertPulls(s)).toHaveLength(1);
    expect(s.r.fake.state.refs.get(`refs/heads/${revertBranch(s.r.pull)}`)).toBe(branchSha);
    expect(issueComments(s).map((c) => c.id)).toEqual([comments[0]!.id]);
    expect(s.r.fake.calls('pulls/create')).toHaveLength(2); // the merged pull request's and the revert's
    expect(s.rows.map((r) => r.row.key)).toEqual([`revert:${s.r.pull}`, `revert:${s.r.pull}`]);
    expect(s.r.fake.problems).toEqual([]);
  });

  test('a squash merge is reverted as well, the comment on the issue', async () => {
    const s = await scenario({ repo: { how: 'squash' } });
    await s.run();
    const branchSha = s.r.fake.state.refs.get(`refs/heads/${revertBranch(s.r.pull)}`)!;
    expect(s.r.fake.state.git.commits.get(branchSha)!.tree).toBe(s.r.fake.state.git.commits.get(s.r.base)!.tree);
    expect(s.r.fake.state.git.commits.get(branchSha)!.message).toContain(`(commit ${s.r.merge})`);
    expect(revertPulls(s)).toHaveLength(1);
  });

  test('a rebase merge: its last commit is not the whole change, so no revert, and the row says why', async () => {
    const s = await scenario({ repo: { how: 'rebase' } });
    const result = await s.run();
    expect(result.why).toContain('merged by rebase');
    expect(result.why).toContain('src/slug.ts');
    expect(revertPulls(s)).toEqual([]);
    expect(s.r.fake.state.refs.has(`refs/heads/${revertBranch(s.r.pull)}`)).toBe(false);
    expect(s.rows.at(-1)?.row).toMatchObject({ kind: 'monitor', state: 'note' });
  });

  test('a revert that conflicts with the default branch now: no pull request, said in the comment and the row', async () => {
    const s = await scenario();
    commitFiles(
      s.r.dir,
      { 'src/slug.ts': "export function slug(text: string) {\n  return text.toLowerCase().replace(/ +/g, '-');\n}\n" },
      'Collapse spaces',
    );
    s.r.sync();
    await s.run();
    expect(revertPulls(s)).toEqual([]);
    expect(issueComments(s)[0]!.body).toContain('No revert pull request was opened');
    expect(issueComments(s)[0]!.body).toContain('`src/slug.ts`');
    expect(s.rows.map((r) => [r.row.kind, r.row.state])).toEqual([['revert', 'skipped']]);
    expect(s.rows[0]!.row.title).toContain('conflicts');
  });
});

describe('no revert when the failure is not the change’s', () => {
  test('the workflow failed on the default branch before the merge too: a note, nothing written', async () => {
    const s = await scenario({ baseRun: 'failure' });
    const result = await s.run();
    expect(result.why).toContain('it did not pass before the merge');
    expect(revertPulls(s)).toEqual([]);
    expect(issueComments(s)).toEqual([]);
    expect(s.rows).toEqual([
      {
        issue: ISSUE,
        row: expect.objectContaining({ key: `monitor:${s.r.pull}:${s.r.merge}`, kind: 'monitor', state: 'note' }),
      },
    ]);
    expect(s.rows[0]!.row.detail).toContain('on the default branch before the merge');
  });

  test('it failed on the pull request as well: a note', async () => {
    const s = await scenario({ headRun: 'failure' });
    await s.run();
    expect(revertPulls(s)).toEqual([]);
    expect(s.rows.map((r) => r.row.state)).toEqual(['note']);
  });

  test('the failing log names none of the changed files: a note', async () => {
    const s = await scenario({ log: UNRELATED_LOG });
    const result = await s.run();
    expect(result.why).toContain('the failure does not touch what the pull request changed');
    expect(revertPulls(s)).toEqual([]);
    expect(issueComments(s)).toEqual([]);
    expect(s.rows.map((r) => [r.row.kind, r.row.state])).toEqual([['monitor', 'note']]);
  });
});

describe('what is judged', () => {
  test('a success is a done row, once per pull request', async () => {
    const s = await scenario({ after: 'success' });
    await s.run();
    expect(s.rows).toEqual([
      { issue: ISSUE, row: expect.objectContaining({ key: `monitor:${s.r.pull}`, kind: 'monitor', state: 'done' }) },
    ]);
    expect(s.rows[0]!.row.title).toBe(`Checks on main passed after #${s.r.pull} merged`);
    expect(revertPulls(s)).toEqual([]);
  });

  test('outside the window: nothing', async () => {
    const s = await scenario();
    const result = await s.run({ now: new Date(MERGED_AT.getTime() + 25 * 3_600_000) });
    expect(result.why).toContain('monitor.window-hours (24)');
    expect(s.rows).toEqual([]);
    expect(revertPulls(s)).toEqual([]);
  });

  test("a person's pull request: nothing", async () => {
    const s = await scenario({ repo: { branch: 'feature/slugs' } });
    const result = await s.run();
    expect(result.why).toContain('is not a pull request ensemble opened');
    expect(s.rows).toEqual([]);
    expect(revertPulls(s)).toEqual([]);
    expect(s.r.fake.state.comments).toEqual([]);
  });

  test("a person's pull request from an ensemble/ branch, without ensemble's marker: nothing", async () => {
    const s = await scenario({ repo: { body: 'Hand-made, on a branch named like ensemble’s.' } });
    const result = await s.run();
    expect(result.why).toContain('is not a pull request ensemble opened');
    expect(revertPulls(s)).toEqual([]);
    expect(s.r.fake.state.comments).toEqual([]);
  });

  test('a run on another branch, or of a commit no pull request was merged as: nothing', async () => {
    const s = await scenario();
    const payload = s.payload as { workflow_run: Record<string, unknown> };
    const other = await s.run({ payload: { ...payload, workflow_run: { ...payload.workflow_run, head_branch: 'x' } } });
    expect(other.why).toContain('not the default branch');
    const notMerged = await s.run({
      payload: { ...payload, workflow_run: { ...payload.workflow_run, head_sha: s.r.base } },
    });
    expect(notMerged.why).toContain('no pull request was merged as');
    expect(s.rows).toEqual([]);
  });

  test('monitor.enabled off: nothing', async () => {
    const s = await scenario();
    const config = defaultConfig();
    config.monitor.enabled = false;
    const result = await watchAfterMerge({
      octokit: s.r.octokit,
      config,
      repo: REPO,
      eventName: 'workflow_run',
      payload: s.payload,
      defaultBranch: 'main',
      workspace: s.r.dir,
      runUrl: RUN_URL,
      serverUrl: 'https://github.com',
      now: () => MERGED_AT,
      record: async () => {
        throw new Error('no row');
      },
    });
    expect(result.why).toBe('monitor.enabled is off');
  });
});

describe('deployments', () => {
  async function deployment(previousSha: 'base' | 'older', previousState: 'success' | 'failure') {
    const s = await scenario({ after: 'success' });
    let previous = s.r.base;
    if (previousSha === 'older') {
      // A deployment of a commit that is not the merge's first parent: the merge is not the only change deployed.
      previous = s.r.head;
    }
    const before = s.r.fake.checks.addDeployment({ environment: 'production', sha: previous });
    s.r.fake.checks.addDeploymentStatus(before, { state: previousState, logUrl: 'https://github.com/deploys/1' });
    const id = s.r.fake.checks.addDeployment({ environment: 'production', sha: s.r.merge });
    s.r.fake.checks.addDeploymentStatus(id, { state: 'failure', logUrl: 'https://github.com/deploys/2' });
    const { data } = await s.r.octokit.rest.repos.listDeployments({ ...REPO, environment: 'production' });
    const payload = {
      action: 'created',
      deployment_status: { state: 'failure', environment: 'production', log_url: 'https://github.com/deploys/2' },
      deployment: data.find((d) => d.id === id),
    };
    return { s, result: await s.run({ eventName: 'deployment_status', payload }) };
  }

  test('a failed deployment of the merge after a successful one of its first parent: a revert', async () => {
    const { s } = await deployment('base', 'success');
    expect(revertPulls(s)).toHaveLength(1);
    expect(revertPulls(s)[0]!.body).toContain('the merge is the only change deployed');
    expect(issueComments(s)[0]!.body).toContain('deployment');
    expect(s.rows.map((r) => [r.row.kind, r.row.state])).toEqual([['revert', 'done']]);
  });

  test('the previous deployment failed, or was of another commit: a note', async () => {
    const failed = await deployment('base', 'failure');
    expect(revertPulls(failed.s)).toEqual([]);
    expect(failed.s.rows.map((r) => r.row.state)).toEqual(['note']);
    const other = await deployment('older', 'success');
    expect(revertPulls(other.s)).toEqual([]);
    expect(other.result.why).toContain("not of the merge's first parent");
  });
});
