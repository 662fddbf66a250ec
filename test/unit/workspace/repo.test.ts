import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertCleanRepo,
  createWorktree,
  DirtyRepositoryError,
  diffAgainstBase,
  dirtyPaths,
  indexForRun,
  integratePatches,
  isClean,
  NotAGitRepositoryError,
  pinBase,
  removeWorktree,
  restoreWorktree,
  withWorktree,
  worktreeDirectory,
} from '../../../src/workspace/index.ts';
import {
  cleanupTemps,
  createRepo,
  git,
  gitText,
  isolateGit,
  readFile,
  tempDir,
  writeFiles,
} from '../../support/git-fixture.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

function worktreeList(dir: string): string[] {
  return gitText(dir, ['worktree', 'list', '--porcelain'])
    .split('\n')
    .filter((l) => l.startsWith('worktree '))
    .map((l) => l.slice('worktree '.length));
}

describe('pinBase', () => {
  test('gives the full SHA of HEAD, of a branch and of a tag', async () => {
    const repo = createRepo();
    const first = repo.head();
    repo.git('tag', 'v1');
    const second = repo.commit({ 'a.txt': 'a\n' });
    expect(await pinBase(repo.dir)).toBe(second);
    expect(await pinBase(repo.dir, 'main')).toBe(second);
    expect(await pinBase(repo.dir, 'v1')).toBe(first);
    expect(await pinBase(repo.dir, 'HEAD~1')).toBe(first);
    expect(second).toMatch(/^[0-9a-f]{40}$/);
  });

  test('an unknown ref, an option-like ref and a repository without commits are refused with the ref named', async () => {
    const repo = createRepo();
    await expect(pinBase(repo.dir, 'no-such-branch')).rejects.toThrow(/"no-such-branch" does not name a commit/);
    await expect(pinBase(repo.dir, '--all')).rejects.toThrow(/"--all" is not a ref/);
    const empty = tempDir();
    git(empty, ['init', '--quiet']);
    await expect(pinBase(empty)).rejects.toThrow(/"HEAD" does not name a commit.*without commits/);
  });

  test('a directory that is not a git repository', async () => {
    const dir = tempDir();
    await expect(pinBase(dir)).rejects.toThrow(NotAGitRepositoryError);
    await expect(pinBase(dir)).rejects.toThrow(`${dir} is not a git repository`);
    await expect(pinBase(path.join(dir, 'missing'))).rejects.toThrow(/is not a git repository/);
  });
});

describe('clean repository check', () => {
  test('a clean repository passes', async () => {
    const repo = createRepo();
    expect(await isClean(repo.dir)).toBe(true);
    await expect(assertCleanRepo(repo.dir)).resolves.toBeUndefined();
  });

  test('modified, staged, untracked and deleted files are listed; ignored ones are not', async () => {
    const repo = createRepo({ 'a.txt': 'a\n', 'b.txt': 'b\n', 'c.txt': 'c\n', '.gitignore': '*.log\n' });
    writeFiles(repo.dir, { 'a.txt': 'changed\n', 'new file.txt': 'n\n', 'c.txt': null, 'debug.log': 'x' });
    writeFiles(repo.dir, { 'b.txt': 'staged\n' });
    repo.git('add', 'b.txt');
    expect(await isClean(repo.dir)).toBe(false);
    expect((await dirtyPaths(repo.dir)).sort()).toEqual(['a.txt', 'b.txt', 'c.txt', 'new file.txt']);
    const error = await assertCleanRepo(repo.dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DirtyRepositoryError);
    expect((error as Error).message).toMatch(/uncommitted changes \(.*a\.txt.*new file\.txt/);
    expect((error as DirtyRepositoryError).paths).toHaveLength(4);
    expect(await dirtyPaths(repo.dir, { includeUntracked: false })).not.toContain('new file.txt');
  });

  test('only untracked files: dirty unless untracked files are excluded', async () => {
    const repo = createRepo();
    writeFiles(repo.dir, { 'scratch.txt': 'x' });
    expect(await isClean(repo.dir)).toBe(false);
    expect(await isClean(repo.dir, { includeUntracked: false })).toBe(true);
  });

  test('a non-git directory is refused as such', async () => {
    const dir = tempDir();
    await expect(assertCleanRepo(dir)).rejects.toThrow(NotAGitRepositoryError);
    await expect(isClean(dir)).rejects.toThrow(/not a git repository/);
  });
});

describe('worktrees', () => {
  test('withWorktree runs in a detached checkout of the base and removes it afterwards', async () => {
    const repo = createRepo({ 'a.txt': 'one\n' });
    const base = repo.head();
    repo.commit({ 'a.txt': 'two\n' });
    let seen = '';
    const result = await withWorktree(repo.dir, base, async (dir) => {
      seen = dir;
      expect(readFile(dir, 'a.txt')).toBe('one\n');
      expect(gitText(dir, ['rev-parse', 'HEAD'])).toBe(base);
      expect(gitText(dir, ['rev-parse', '--abbrev-ref', 'HEAD'])).toBe('HEAD');
      expect(worktreeList(repo.dir)).toContain(dir);
      writeFiles(dir, { 'junk.txt': 'left behind' });
      return 42;
    });
    expect(result).toBe(42);
    expect(existsSync(seen)).toBe(false);
    expect(worktreeList(repo.dir)).toEqual([repo.dir]);
    // the user's checkout is untouched
    expect(readFile(repo.dir, 'a.txt')).toBe('two\n');
    expect(await isClean(repo.dir)).toBe(true);
  });

  test('withWorktree removes the worktree when the function throws, and rethrows its error', async () => {
    const repo = createRepo();
    let seen = '';
    await expect(
      withWorktree(repo.dir, repo.head(), async (dir) => {
        seen = dir;
        mkdirSync(path.join(dir, 'locked'));
        writeFileSync(path.join(dir, 'locked', 'f'), 'x');
        chmodSync(path.join(dir, 'locked'), 0o000);
        throw new Error('agent failed');
      }),
    ).rejects.toThrow('agent failed');
    expect(seen).not.toBe('');
    expect(existsSync(seen)).toBe(false);
    expect(worktreeList(repo.dir)).toEqual([repo.dir]);
    expect(gitText(repo.dir, ['worktree', 'prune', '--dry-run', '--verbose'])).toBe('');
  });

  test('createWorktree / removeWorktree, also after the worktree .git file was damaged', async () => {
    const repo = createRepo();
    const wt = await createWorktree(repo.dir, repo.head());
    expect(wt.repoDir).toBe(repo.dir);
    expect(existsSync(path.join(wt.dir, 'README.md'))).toBe(true);
    writeFileSync(path.join(wt.dir, '.git'), 'gitdir: /nonexistent\n');
    await removeWorktree(wt);
    expect(existsSync(wt.dir)).toBe(false);
    expect(worktreeList(repo.dir)).toEqual([repo.dir]);
  });

  test('a worktree whose .git file was deleted is not mistaken for an enclosing repository', async () => {
    const outer = createRepo({ 'outer.txt': 'outer\n' });
    const repo = createRepo({ 'a.txt': 'a\n' });
    // the worktree's temporary directory sits inside another repository's work tree
    const wt = await createWorktree(repo.dir, repo.head(), { tmpDir: outer.dir });
    try {
      writeFiles(wt.dir, { 'a.txt': 'changed\n' });
      expect((await diffAgainstBase(wt.dir, repo.head())).changes).toEqual([
        { kind: 'modified', path: 'a.txt', oldPath: null },
      ]);
      writeFiles(wt.dir, { '.git': null });
      await expect(diffAgainstBase(wt.dir, repo.head())).rejects.toThrow(/not a git repository/);
    } finally {
      await removeWorktree(wt);
    }
  });

  test('a worktree checked out at a tree: its files, HEAD at the base, the change staged; diffs against the tree see only later edits', async () => {
    const repo = createRepo({ 'a.txt': 'one\n' });
    const base = repo.head();
    repo.commit({ 'a.txt': 'two\n', 'b.txt': 'new\n' });
    const tree = repo.git('rev-parse', 'HEAD^{tree}');
    const dir = await worktreeDirectory({ prefix: 'ensemble-at-tree-' });
    const wt = await createWorktree(repo.dir, base, { tree, dir });
    try {
      expect(wt.dir).toBe(dir);
      expect(readFile(dir, 'a.txt')).toBe('two\n');
      expect(gitText(dir, ['rev-parse', 'HEAD'])).toBe(base);
      expect(gitText(dir, ['status', '--porcelain'])).toBe('M  a.txt\nA  b.txt');
      writeFiles(dir, { 'c.txt': 'later\n' });
      expect((await diffAgainstBase(dir, tree)).changes).toEqual([{ kind: 'added', path: 'c.txt', oldPath: null }]);
      expect((await diffAgainstBase(dir, base)).changes.map((c) => c.path)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    } finally {
      await removeWorktree(wt);
    }
    expect(existsSync(dir)).toBe(false);
    await expect(createWorktree(repo.dir, base, { tree: 'HEAD' })).rejects.toThrow(/tree "HEAD" is not a full SHA/);
  });

  test('indexForRun gives the index the tree recorded just before; restoreWorktree puts it back, nested repositories gone', async () => {
    const repo = createRepo({ 'a.txt': 'one\n', '.gitignore': 'cache/\n' });
    const wt = await createWorktree(repo.dir, repo.head());
    try {
      writeFiles(wt.dir, { 'a.txt': 'edited\n', 'added.txt': 'an agent wrote it\n' });
      const recorded = await diffAgainstBase(wt.dir, repo.head());
      const before = await indexForRun(wt.dir, recorded);
      expect(before).toBe(recorded.tree);
      // What the run sees git track: the files as recorded, the new one included.
      const tracked = gitText(wt.dir, ['ls-files']);
      writeFiles(wt.dir, { 'a.txt': 'run wrote\n', 'new.txt': 'x', 'cache/kept': 'y' });
      gitText(wt.dir, ['init', '-q', 'nested']);
      await restoreWorktree(wt.dir, before);
      expect(tracked.split('\n')).toEqual(['.gitignore', 'a.txt', 'added.txt']);
      expect(existsSync(path.join(wt.dir, 'nested'))).toBe(false);
      expect(readFile(wt.dir, 'a.txt')).toBe('edited\n');
      expect(readFile(wt.dir, 'added.txt')).toBe('an agent wrote it\n');
      expect(existsSync(path.join(wt.dir, 'new.txt'))).toBe(false);
      expect(readFile(wt.dir, 'cache/kept')).toBe('y');
      // The tree given is the one put back: here the base's, though the files held an edit.
      await restoreWorktree(wt.dir, await indexForRun(wt.dir, { tree: repo.git('rev-parse', 'HEAD^{tree}') }));
      expect(readFile(wt.dir, 'a.txt')).toBe('one\n');
    } finally {
      await removeWorktree(wt);
    }
  });

  test('a bad base is refused before anything is created', async () => {
    const repo = createRepo();
    await expect(createWorktree(repo.dir, 'HEAD')).rejects.toThrow(/not a full commit SHA/);
    await expect(createWorktree(repo.dir, '0'.repeat(40))).rejects.toThrow(/is not a commit in that repository/);
    await expect(createWorktree(tempDir(), '0'.repeat(40))).rejects.toThrow(NotAGitRepositoryError);
  });
});

describe('hardening against a repository configuration a command could have changed', () => {
  test('no hook, fsmonitor, filter or merge driver configured in the repository runs', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`);
    const repo = createRepo({ 'a.txt': 'a\n', 'm.txt': `${lines.join('\n')}\n` });
    const base = repo.head();
    const marks = tempDir('ensemble-marks-');
    const script = (name: string) => {
      const file = path.join(marks, `${name}.sh`);
      writeFileSync(file, `#!/bin/sh\ntouch ${path.join(marks, `${name}.ran`)}\ncat\n`, { mode: 0o755 });
      return file;
    };
    mkdirSync(path.join(repo.dir, '.git', 'hooks'), { recursive: true });
    writeFileSync(
      path.join(repo.dir, '.git', 'hooks', 'post-checkout'),
      `#!/bin/sh\ntouch ${path.join(marks, 'hook.ran')}\n`,
      {
        mode: 0o755,
      },
    );
    repo.git('config', 'core.fsmonitor', script('fsmonitor'));
    repo.git('config', 'filter.evil.clean', script('clean'));
    repo.git('config', 'filter.evil.smudge', script('smudge'));
    repo.git('config', 'filter.evil.required', 'true');
    repo.git('config', 'filter.odd=name.process', script('process'));
    repo.git('config', 'merge.evil.driver', script('merge'));
    writeFileSync(
      path.join(repo.dir, '.git', 'info', 'attributes'),
      '* filter=evil merge=evil\n*.odd filter=odd=name\n',
    );

    await withWorktree(repo.dir, base, async (dir) => {
      writeFiles(dir, { 'a.txt': 'changed\n', 'b.txt': 'new\n', 'c.odd': 'odd\n' });
      const { patch } = await diffAgainstBase(dir, base);
      expect(patch).toContain('+changed');
      expect(patch).toContain('+odd');
    });
    // two edits of nearby lines need the 3-way merge, which would run a merge driver
    const edit = (at: number) => lines.map((l, i) => (i === at ? `${l} edited` : l)).join('\n') + '\n';
    const mid = base;
    const first = await withWorktree(repo.dir, mid, async (dir) => {
      writeFiles(dir, { 'm.txt': edit(3) });
      return (await diffAgainstBase(dir, mid)).patch;
    });
    const second = await withWorktree(repo.dir, mid, async (dir) => {
      writeFiles(dir, { 'm.txt': edit(6) });
      return (await diffAgainstBase(dir, mid)).patch;
    });
    const integration = await integratePatches(
      repo.dir,
      mid,
      [
        { taskId: 'one', patch: first },
        { taskId: 'two', patch: second },
      ],
      { protectedPaths: [] },
    );
    // the driver is replaced by `false`: the file conflicts instead of a program running
    expect(integration.results.map((r) => r.result)).toEqual(['applied', 'conflicted']);
    expect(integration.results[1]?.conflictingFiles).toEqual(['m.txt']);
    expect(existsSync(path.join(marks, 'hook.ran'))).toBe(false);
    for (const name of ['fsmonitor', 'clean', 'smudge', 'process', 'merge'])
      expect(existsSync(path.join(marks, `${name}.ran`)), name).toBe(false);
    // the same configuration does run through plain git: the test would notice a regression
    git(repo.dir, ['add', '--all']);
    expect(existsSync(path.join(marks, 'fsmonitor.ran')) || existsSync(path.join(marks, 'clean.ran'))).toBe(true);
  });
});
