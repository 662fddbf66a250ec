import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { makeRevertCommit, proposeRevert, revertBranch } from '../../../src/publish/revert.ts';
import { cleanupTemps, gitText, isolateGit } from '../../support/git-fixture.ts';
import type { GitHubFake } from '../../support/github-fake.ts';
import { commitFiles, ISSUE, type MergedRepo, mergedRepo, REPO } from '../../support/merge-fixture.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

const fakes: GitHubFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function repo(options: Parameters<typeof mergedRepo>[0] = {}): Promise<MergedRepo> {
  const made = await mergedRepo(options);
  fakes.push(made.fake);
  return made;
}

const TEXTS = {
  diagnosis: '**Diagnosis:** it broke.\n\n```text\nsrc/slug.ts:2 failed\n```',
  diagnosisWithoutExcerpt: '**Diagnosis:** it broke.',
  reason: 'CI failed after the merge',
};

function options(r: MergedRepo) {
  return {
    octokit: r.octokit,
    repo: REPO,
    repoDir: r.dir,
    defaultBranch: 'main',
    pull: { number: r.pull, title: 'Hyphenate slugs', url: 'https://github.com/x', mergeSha: r.merge },
    commentOn: ISSUE,
    texts: TEXTS,
    runId: '900',
    runUrl: 'https://github.com/octo-org/demo/actions/runs/900',
    serverUrl: 'https://github.com',
    secretValues: [],
  };
}

/** What the checkout looks like: HEAD, branch, index and work tree. */
function checkoutState(dir: string) {
  return {
    head: gitText(dir, ['rev-parse', 'HEAD']),
    branch: gitText(dir, ['symbolic-ref', 'HEAD']),
    status: gitText(dir, ['status', '--porcelain']),
    index: gitText(dir, ['write-tree']),
    worktrees: gitText(dir, ['worktree', 'list', '--porcelain']),
  };
}

describe('the revert commit', () => {
  test.each(['merge', 'squash'] as const)(
    'of a %s: parent C, tree of C^1, the trailers; the checkout untouched',
    async (how) => {
      const r = await repo({ how });
      const before = checkoutState(r.dir);
      const made = await makeRevertCommit(r.dir, {
        pull: { number: r.pull, title: 'Hyphenate slugs', url: '', mergeSha: r.merge },
        reason: 'CI failed',
        runId: '900',
      });
      expect(made.merge).toBe(how === 'merge');
      expect(gitText(r.dir, ['rev-parse', `${made.sha}^@`])).toBe(r.merge);
      expect(made.tree).toBe(gitText(r.dir, ['rev-parse', `${r.base}^{tree}`]));
      expect(made.message).toMatch(
        /^Revert "Hyphenate slugs"\n\nThis reverts #\d+ \((merge commit|commit) [0-9a-f]{40}\)/,
      );
      expect(made.message).toContain('Ensemble-Run: 900\nEnsemble-Stage: monitor');
      // The same revert each time: a re-run recognises it.
      const again = await makeRevertCommit(r.dir, {
        pull: { number: r.pull, title: 'Hyphenate slugs', url: '', mergeSha: r.merge },
        reason: 'CI failed',
        runId: '900',
      });
      expect(again.sha).toBe(made.sha);
      expect(checkoutState(r.dir)).toEqual(before);
    },
  );
});

describe('proposing the revert', () => {
  test('a draft pull request from ensemble/revert-<pr> and one comment; again: the same, nothing added', async () => {
    const r = await repo();
    const first = await proposeRevert(options(r));
    expect(first).toMatchObject({ kind: 'opened', outcome: 'created', branch: 'created' });
    const branchSha = r.fake.state.refs.get(`refs/heads/${revertBranch(r.pull)}`)!;
    const commit = r.fake.state.git.commits.get(branchSha)!;
    expect(commit.parents).toEqual([r.merge]);
    expect(commit.tree).toBe(r.fake.state.git.commits.get(r.base)!.tree);
    const pulls = [...r.fake.state.pulls.values()].filter((p) => p.head === revertBranch(r.pull));
    expect(pulls.map((p) => [p.draft, p.base, p.title])).toEqual([[true, 'main', 'Revert "Hyphenate slugs"']]);
    expect(pulls[0]!.body).toContain(
      "ensemble never merges this: review it, or close it if the failure is not the change's.",
    );
    expect(pulls[0]!.body).toContain('src/slug.ts:2 failed');

    const again = await proposeRevert(options(r));
    expect(again).toMatchObject({ kind: 'opened', outcome: 'unchanged', branch: 'reused', commit: branchSha });
    expect(r.fake.state.refs.get(`refs/heads/${revertBranch(r.pull)}`)).toBe(branchSha);
    expect([...r.fake.state.pulls.values()].filter((p) => p.head === revertBranch(r.pull))).toHaveLength(1);
    expect(r.fake.state.comments.filter((c) => c.issue === ISSUE)).toHaveLength(1);
    expect(r.fake.calls('git/create-commit')).toHaveLength(1);
    expect(r.fake.problems).toEqual([]);
  });

  test('another event on the same merge (another run, another diagnosis): the same pull request, updated', async () => {
    const r = await repo();
    const first = await proposeRevert(options(r));
    expect(first).toMatchObject({ kind: 'opened', branch: 'created' });
    const branchSha = r.fake.state.refs.get(`refs/heads/${revertBranch(r.pull)}`)!;
    const later = {
      ...options(r),
      runId: '901',
      runUrl: 'https://github.com/octo-org/demo/actions/runs/901',
      texts: {
        ...TEXTS,
        diagnosis: '**Diagnosis:** e2e broke too.',
        reason: 'the e2e workflow failed after the merge',
      },
    };
    const second = await proposeRevert(later);
    expect(second).toMatchObject({ kind: 'opened', branch: 'reused', commit: branchSha });
    const pulls = [...r.fake.state.pulls.values()].filter((p) => p.head === revertBranch(r.pull));
    expect(pulls).toHaveLength(1);
    expect(pulls[0]!.body).toContain('e2e broke too');
    expect(r.fake.state.comments.filter((c) => c.issue === ISSUE)).toHaveLength(1);
    expect(r.fake.state.comments.find((c) => c.issue === ISSUE)?.body).not.toContain('holds another commit');
  });

  test('a branch holding another commit is left as it is, and said', async () => {
    const r = await repo();
    r.fake.state.refs.set(`refs/heads/${revertBranch(r.pull)}`, r.merge);
    const outcome = await proposeRevert(options(r));
    expect(outcome).toMatchObject({ kind: 'branch-taken', head: r.merge });
    expect(r.fake.state.refs.get(`refs/heads/${revertBranch(r.pull)}`)).toBe(r.merge);
    expect([...r.fake.state.pulls.values()].filter((p) => p.head === revertBranch(r.pull))).toEqual([]);
    expect(r.fake.state.comments.find((c) => c.issue === ISSUE)?.body).toContain('holds another commit');
  });

  test('a revert that conflicts with the default branch as it stands opens no pull request, and says so', async () => {
    const r = await repo();
    commitFiles(
      r.dir,
      { 'src/slug.ts': "export function slug(text: string) {\n  return text.toLowerCase().replace(/ +/g, '-');\n}\n" },
      'Collapse spaces',
    );
    r.sync();
    const outcome = await proposeRevert(options(r));
    expect(outcome).toMatchObject({ kind: 'conflicts', files: ['src/slug.ts'] });
    expect(r.fake.state.refs.has(`refs/heads/${revertBranch(r.pull)}`)).toBe(false);
    expect(r.fake.calls('pulls/create')).toHaveLength(1); // the merged pull request's, made by the fixture
    expect(r.fake.state.comments.find((c) => c.issue === ISSUE)?.body).toContain('No revert pull request was opened');
  });
});
