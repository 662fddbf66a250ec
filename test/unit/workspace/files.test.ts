import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GitError, listWorktreeFiles } from '../../../src/workspace/index.ts';
import { cleanupTemps, createRepo, git, isolateGit, tempDir, writeFiles } from '../../support/git-fixture.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

describe('listWorktreeFiles', () => {
  test('tracked and untracked files, not what git ignores, relative to the worktree, names as they are', async () => {
    const repo = createRepo({ '.gitignore': 'node_modules/\n*.log\n', 'src/a.ts': 'a\n', 'café "q".txt': 'x\n' });
    writeFiles(repo.dir, { 'src/new.ts': 'n\n', 'debug.log': 'x\n', 'node_modules/dep/index.js': 'x\n' });
    writeFiles(repo.dir, { 'tab\there.txt': 't\n' });
    const listed = (await listWorktreeFiles(repo.dir)).sort();
    expect(listed).toEqual(['.gitignore', 'café "q".txt', 'src/a.ts', 'src/new.ts', 'tab\there.txt']);
  });

  test('a tracked file deleted from the work tree is still listed', async () => {
    const repo = createRepo({ 'a.txt': 'a\n', 'b.txt': 'b\n' });
    writeFiles(repo.dir, { 'a.txt': null });
    expect((await listWorktreeFiles(repo.dir)).sort()).toEqual(['a.txt', 'b.txt']);
  });

  test('a file in conflict (three index stages) is listed once', async () => {
    const repo = createRepo({ 'f.txt': 'base\n' });
    git(repo.dir, ['checkout', '-q', '-b', 'other']);
    repo.commit({ 'f.txt': 'other\n' });
    git(repo.dir, ['checkout', '-q', 'main']);
    repo.commit({ 'f.txt': 'main\n' });
    expect(() => git(repo.dir, ['merge', '-q', 'other'])).toThrow();
    expect(
      git(repo.dir, ['ls-files', '--cached'])
        .split('\n')
        .filter((l) => l === 'f.txt'),
    ).toHaveLength(3);
    expect(await listWorktreeFiles(repo.dir)).toEqual(['f.txt']);
  });

  test('`under` lists one directory, its name taken literally, never as a pattern', async () => {
    const repo = createRepo({ 'lit/[ab]/x.txt': 'x\n', 'lit/a/y.txt': 'y\n', 'lit/b/z.txt': 'z\n', 'top.txt': 't\n' });
    expect(await listWorktreeFiles(repo.dir, { under: 'lit/[ab]' })).toEqual(['lit/[ab]/x.txt']);
    expect(await listWorktreeFiles(repo.dir, { under: 'lit/*' })).toEqual([]);
    expect(await listWorktreeFiles(repo.dir, { under: ':(top)top.txt' })).toEqual([]);
    const all = (await listWorktreeFiles(repo.dir, { under: 'lit' })).sort();
    expect(all).toEqual(['lit/[ab]/x.txt', 'lit/a/y.txt', 'lit/b/z.txt']);
  });

  test('a directory that is not a repository throws a GitError saying so, also inside another repository', async () => {
    const plain = tempDir('ensemble-plain-');
    await expect(listWorktreeFiles(plain)).rejects.toThrow(GitError);
    const notARepository = expect.stringMatching(/not a git repository/i);
    await expect(listWorktreeFiles(plain)).rejects.toMatchObject({ stderr: notARepository });
    // git never looks above the directory it lists for a repository.
    const repo = createRepo({ 'a.txt': 'a\n' });
    const inside = path.join(repo.dir, 'sub');
    mkdirSync(inside);
    await expect(listWorktreeFiles(inside)).rejects.toThrow(/not a git repository/i);
  });
});
