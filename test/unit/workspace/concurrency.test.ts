import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createWorktree, pinBase, removeWorktree, withWorktree } from '../../../src/workspace/index.ts';
import { cleanupTemps, createRepo, gitText, isolateGit } from '../../support/git-fixture.ts';

const execFileAsync = promisify(execFile);

beforeAll(isolateGit);
afterAll(cleanupTemps);

test('parallel tasks create and remove worktrees of one repository without tripping over each other', async () => {
  const repo = createRepo({ 'a.txt': 'a\n' });
  const base = await pinBase(repo.dir);
  // A prune from one task used to delete the half-made worktree of another (`commondir` missing).
  for (let round = 0; round < 5; round++) {
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        withWorktree(repo.dir, base, async (dir) => {
          await new Promise((resolve) => setTimeout(resolve, (i * 7) % 20));
          return dir;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
  }
  expect(
    repo
      .git('worktree', 'list', '--porcelain')
      .split('\n')
      .filter((l) => l.startsWith('worktree ')),
  ).toHaveLength(1);
});

test('worktrees made side by side are whole to every git that reads them meanwhile, and clean at the base', async () => {
  const repo = createRepo({ 'a.txt': 'a\n', 'd/b.txt': 'b\n' });
  const base = await pinBase(repo.dir);
  let reading = true;
  const readers = (async () => {
    // `worktree list` fails on, and `prune` deletes, a half-made administrative directory.
    for (let i = 0; reading; i++) {
      await execFileAsync('git', ['-C', repo.dir, 'worktree', i % 2 ? 'prune' : 'list']);
    }
  })();
  try {
    const made = await Promise.all(Array.from({ length: 8 }, () => createWorktree(repo.dir, base)));
    for (const worktree of made) {
      expect(gitText(worktree.dir, ['rev-parse', 'HEAD']).trim()).toBe(base);
      expect(gitText(worktree.dir, ['status', '--porcelain'])).toBe('');
      expect(readFileSync(path.join(worktree.dir, 'd/b.txt'), 'utf8')).toBe('b\n');
    }
    expect(worktreeDirs(repo.dir).sort()).toEqual([repo.dir, ...made.map((w) => w.dir)].sort());
    await Promise.all(made.map((worktree) => removeWorktree(worktree)));
  } finally {
    reading = false;
    await readers;
  }
  expect(worktreeDirs(repo.dir)).toEqual([repo.dir]);
  expect(gitText(repo.dir, ['worktree', 'prune', '--dry-run', '--verbose'])).toBe('');
});

function worktreeDirs(dir: string): string[] {
  return gitText(dir, ['worktree', 'list', '--porcelain'])
    .split('\n')
    .filter((l) => l.startsWith('worktree '))
    .map((l) => l.slice('worktree '.length));
}
