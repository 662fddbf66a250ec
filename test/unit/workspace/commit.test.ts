import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  commitPatch,
  diffAgainstBase,
  ProtectedPathError,
  updateBranch,
  withTrailers,
  withWorktree,
} from '../../../src/workspace/index.ts';
import {
  allBytes,
  cleanupTemps,
  createRepo,
  gitText,
  isolateGit,
  type TestRepo,
  writeFiles,
} from '../../support/git-fixture.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

const AUTHOR = { name: 'ensemble', email: 'ensemble@example.com', date: '2026-01-02T03:04:05Z' };

async function patchOf(repo: TestRepo, base: string, files: Record<string, string | Buffer | null>): Promise<string> {
  return withWorktree(repo.dir, base, async (dir) => {
    writeFiles(dir, files);
    return (await diffAgainstBase(dir, base)).patch;
  });
}

/** Everything a user would notice about their checkout: HEAD, branch, index bytes, status, file contents. */
function snapshot(repo: TestRepo): Record<string, string> {
  return {
    head: repo.git('rev-parse', 'HEAD'),
    branch: repo.git('symbolic-ref', 'HEAD'),
    index: readFileSync(path.join(repo.dir, '.git', 'index')).toString('base64'),
    status: gitText(repo.dir, ['status', '--porcelain=v1', '--untracked-files=all']),
    a: readFileSync(path.join(repo.dir, 'a.txt'), 'utf8'),
    wip: readFileSync(path.join(repo.dir, 'wip.txt'), 'utf8'),
    refs: repo.git('for-each-ref'),
  };
}

describe('withTrailers', () => {
  test('adds a trailer paragraph, or extends an existing one', () => {
    expect(withTrailers('Add x\n\nBody.\n', { 'Ensemble-Run': '42' })).toBe('Add x\n\nBody.\n\nEnsemble-Run: 42\n');
    expect(withTrailers('Add x\n\nSigned-off-by: A <a@b>', { 'Ensemble-Run': '42' })).toBe(
      'Add x\n\nSigned-off-by: A <a@b>\nEnsemble-Run: 42\n',
    );
    expect(withTrailers('Add x', {})).toBe('Add x\n');
    expect(withTrailers('Add x', { 'Ensemble-Task': 'multi\nline' })).toBe('Add x\n\nEnsemble-Task: multi line\n');
    expect(() => withTrailers('Add x', { 'bad key': 'v' })).toThrow(/trailer key/);
    expect(() => withTrailers('  ', {})).toThrow(/must not be empty/);
  });
});

describe('commitPatch', () => {
  test('creates a commit on the parent without touching the working tree, index, HEAD or branch', async () => {
    const repo = createRepo({ 'a.txt': 'a\n', 'wip.txt': 'committed\n', 'old.txt': 'old\n' });
    const base = repo.head();
    const patch = await patchOf(repo, base, {
      'a.txt': 'changed by task\n',
      'new dir/ü.bin': allBytes(),
      'old.txt': null,
      'renamed.txt': 'old\n',
    });
    // the user has work in progress: staged and unstaged, on their branch
    writeFiles(repo.dir, { 'wip.txt': 'staged\n' });
    repo.git('add', 'wip.txt');
    writeFiles(repo.dir, { 'wip.txt': 'unstaged\n', 'untracked.txt': 'u\n' });
    const before = snapshot(repo);

    const sha = await commitPatch(repo.dir, {
      parentSha: base,
      patch,
      message: 'Change a\n\nWhat the task did.',
      trailers: { 'Ensemble-Run': 'run-1', 'Ensemble-Stage': 'code', 'Ensemble-Task': 'task-a' },
      author: AUTHOR,
    });

    expect(snapshot(repo)).toEqual(before);
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(repo.git('rev-parse', `${sha}^`)).toBe(base);
    expect(repo.git('show', `${sha}:a.txt`)).toBe('changed by task');
    expect(repo.git('-c', 'core.quotePath=false', 'ls-tree', '-r', '--name-only', sha).split('\n').sort()).toEqual([
      'a.txt',
      'new dir/ü.bin',
      'renamed.txt',
      'wip.txt',
    ]);
    expect(repo.git('cat-file', '-s', `${sha}:new dir/ü.bin`)).toBe('256');
    const message = repo.git('log', '-1', '--format=%B', sha);
    expect(gitText(repo.dir, ['interpret-trailers', '--parse'], { input: message })).toBe(
      'Ensemble-Run: run-1\nEnsemble-Stage: code\nEnsemble-Task: task-a',
    );
    expect(repo.git('log', '-1', '--format=%an <%ae> %aI|%cn <%ce>', sha)).toBe(
      'ensemble <ensemble@example.com> 2026-01-02T03:04:05+00:00|ensemble <ensemble@example.com>',
    );
  });

  test('a chain of commits, each patch made against the base, the second merged 3-way onto the first', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    const repo = createRepo({ 'a.txt': `${lines.join('\n')}\n`, 'wip.txt': '' });
    const base = repo.head();
    const edit = (at: number) => `${lines.map((l, i) => (i === at ? `${l}!` : l)).join('\n')}\n`;
    const one = await commitPatch(repo.dir, {
      parentSha: base,
      patch: await patchOf(repo, base, { 'a.txt': edit(5) }),
      message: 'one',
      author: AUTHOR,
    });
    const two = await commitPatch(repo.dir, {
      parentSha: one,
      patch: await patchOf(repo, base, { 'a.txt': edit(8) }),
      message: 'two',
      author: AUTHOR,
    });
    expect(repo.git('show', `${two}:a.txt`)).toContain('line 6!\nline 7\nline 8\nline 9!');
    const clash = await patchOf(repo, base, { 'a.txt': edit(5).replace('line 6!', 'line 6?') });
    await expect(
      commitPatch(repo.dir, { parentSha: two, patch: clash, message: 'three', author: AUTHOR }),
    ).rejects.toThrow(/does not apply \(conflicts in a\.txt\)/);
  });

  test('refuses an empty patch, a bad parent, and protected paths (naming them)', async () => {
    const repo = createRepo({ 'a.txt': 'a\n', '.github/workflows/ci.yml': 'on: push\n' });
    const base = repo.head();
    await expect(commitPatch(repo.dir, { parentSha: base, patch: '', message: 'm', author: AUTHOR })).rejects.toThrow(
      /patch is empty/,
    );
    const empty = await commitPatch(repo.dir, {
      parentSha: base,
      patch: '',
      message: 'm',
      author: AUTHOR,
      allowEmpty: true,
    });
    expect(repo.git('rev-parse', `${empty}^{tree}`)).toBe(repo.git('rev-parse', `${base}^{tree}`));
    await expect(
      commitPatch(repo.dir, { parentSha: 'f'.repeat(40), patch: 'x', message: 'm', author: AUTHOR }),
    ).rejects.toThrow(/not a commit/);
    const patch = await patchOf(repo, base, { '.github/workflows/ci.yml': 'on: pull_request\n' });
    const error = await commitPatch(repo.dir, {
      parentSha: base,
      patch,
      message: 'm',
      author: AUTHOR,
      protectedPaths: ['.github/workflows/**'],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtectedPathError);
    expect((error as Error).message).toContain('".github/workflows/ci.yml" (protected by ".github/workflows/**")');
  });
});

describe('updateBranch', () => {
  test('creates and moves a branch without touching the checkout', async () => {
    const repo = createRepo({ 'a.txt': 'a\n', 'wip.txt': '' });
    const base = repo.head();
    const sha = await commitPatch(repo.dir, {
      parentSha: base,
      patch: await patchOf(repo, base, { 'a.txt': 'b\n' }),
      message: 'm',
      author: AUTHOR,
    });
    expect(await updateBranch(repo.dir, 'ensemble/issue-7', sha)).toEqual({
      ref: 'refs/heads/ensemble/issue-7',
      previousSha: null,
    });
    expect(repo.git('rev-parse', 'ensemble/issue-7')).toBe(sha);
    expect(await updateBranch(repo.dir, 'ensemble/issue-7', base, { expectedSha: sha })).toEqual({
      ref: 'refs/heads/ensemble/issue-7',
      previousSha: sha,
    });
    await expect(updateBranch(repo.dir, 'ensemble/issue-7', sha, { expectedSha: sha })).rejects.toThrow(
      /update branch ensemble\/issue-7/,
    );
    await expect(updateBranch(repo.dir, 'ensemble/issue-7', sha, { expectedSha: null })).rejects.toThrow();
    expect(repo.git('symbolic-ref', 'HEAD')).toBe('refs/heads/main');
    expect(repo.git('rev-parse', 'HEAD')).toBe(base);
  });

  test('refuses the checked-out branch, also in another worktree', async () => {
    const repo = createRepo({ 'a.txt': 'a\n' });
    const base = repo.head();
    const other = repo.commit({ 'a.txt': 'b\n' });
    await expect(updateBranch(repo.dir, 'main', base)).rejects.toThrow(
      /refusing to update branch main .*checked out in/,
    );
    expect(repo.head()).toBe(other);
    repo.git('branch', 'side', base);
    const wtDir = path.join(path.dirname(repo.dir), `${path.basename(repo.dir)}-side`);
    repo.git('worktree', 'add', '--quiet', wtDir, 'side');
    try {
      await expect(updateBranch(repo.dir, 'side', other)).rejects.toThrow(`checked out in ${wtDir}`);
    } finally {
      repo.git('worktree', 'remove', '--force', wtDir);
    }
  });

  test('refuses invalid names and things that are not commits', async () => {
    const repo = createRepo();
    const sha = repo.head();
    for (const name of ['', 'HEAD', '-b', 'a b', 'a..b', '@{-1}', 'x.lock', 'refs/heads/x', 'a~1', 'a:b', '/x']) {
      await expect(updateBranch(repo.dir, name, sha), name).rejects.toThrow(/not a valid branch name/);
    }
    await expect(updateBranch(repo.dir, 'fine', 'main')).rejects.toThrow(/not a full commit SHA/);
    await expect(updateBranch(repo.dir, 'fine', '0'.repeat(40))).rejects.toThrow(/not a commit/);
    expect(repo.git('for-each-ref', '--format=%(refname)', 'refs/heads')).toBe('refs/heads/main');
  });
});
