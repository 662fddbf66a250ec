import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createWorktree, diffAgainstBase, removeWorktree } from '../../../src/workspace/index.ts';
import { cleanupTemps, createRepo, gitText, isolateGit, writeFiles } from '../../support/git-fixture.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

// The diff of a worktree starts from the index git wrote when it made the worktree (`index-seed.ts`).

test('a file changed at once after the worktree was made, to the same size, is in the diff', async () => {
  const repo = createRepo({ 'a.txt': 'a\n', 'b.txt': 'b\n' });
  for (let i = 0; i < 5; i++) {
    const worktree = await createWorktree(repo.dir, repo.head());
    try {
      // Within the clock tick of the checkout: size and times may all look unchanged.
      writeFileSync(path.join(worktree.dir, 'a.txt'), 'x\n');
      const diff = await diffAgainstBase(worktree.dir, repo.head());
      expect(diff.changes).toEqual([{ kind: 'modified', path: 'a.txt', oldPath: null }]);
    } finally {
      await removeWorktree(worktree);
    }
  }
});

test("what a command does to the worktree's own index does not reach the diff", async () => {
  const repo = createRepo({ 'a.txt': 'a\n', '.gitignore': 'build/\n' });
  const worktree = await createWorktree(repo.dir, repo.head());
  try {
    // A command stages a deletion and an ignored file in the worktree's own index.
    writeFiles(worktree.dir, { 'build/out.js': 'x\n', 'b.txt': 'b\n' });
    gitText(worktree.dir, ['rm', '--cached', '--quiet', 'a.txt']);
    gitText(worktree.dir, ['add', '-f', 'build/out.js']);
    const diff = await diffAgainstBase(worktree.dir, repo.head());
    expect(diff.changes).toEqual([{ kind: 'added', path: 'b.txt', oldPath: null }]);
  } finally {
    await removeWorktree(worktree);
  }
});

test('a filter that only a worktree’s configuration names does not run in it', async () => {
  const repo = createRepo({ 'a.txt': 'a\n', '.gitattributes': '*.txt filter=evil\n' });
  const marks = mkdtempSync(path.join(os.tmpdir(), 'ensemble-marks-'));
  const included = path.join(marks, 'worktree.gitconfig');
  const ran = path.join(marks, 'filter.ran');
  writeFileSync(included, `[filter "evil"]\n\tclean = "touch ${ran}; cat"\n`);
  // Included for linked worktrees only: the main checkout's configuration does not name the filter.
  repo.git('config', 'includeIf.gitdir:**/worktrees/**.path', included);
  const worktree = await createWorktree(repo.dir, repo.head());
  try {
    writeFileSync(path.join(worktree.dir, 'b.txt'), 'b\n');
    const diff = await diffAgainstBase(worktree.dir, repo.head());
    expect(diff.changes).toEqual([{ kind: 'added', path: 'b.txt', oldPath: null }]);
    expect(existsSync(ran)).toBe(false);
  } finally {
    await removeWorktree(worktree);
    rmSync(marks, { recursive: true, force: true });
  }
});
