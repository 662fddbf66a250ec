import { afterAll, beforeAll, expect, test } from 'vitest';
import { pinBase, withWorktree } from '../../../src/workspace/index.ts';
import { cleanupTemps, createRepo, isolateGit } from '../../support/git-fixture.ts';

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
