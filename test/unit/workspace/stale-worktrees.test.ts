import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { removeStaleWorktrees } from '../../../src/workspace/index.ts';
import { cleanupTemps, createRepo, gitText, isolateGit } from '../../support/git-fixture.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

/** A worktree of `repo` as another ensemble process would have made it: in the temp directory, with an owner file. */
function worktreeOf(repo: { dir: string; head(): string }, owner: number | null): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ensemble-worktree-')));
  gitText(repo.dir, ['worktree', 'add', '--detach', '--quiet', dir, repo.head()]);
  if (owner !== null) writeFileSync(`${dir}.owner`, `${owner}\n`);
  return dir;
}

const registered = (repoDir: string) =>
  gitText(repoDir, ['worktree', 'list', '--porcelain'])
    .split('\n')
    .filter((l) => l.startsWith('worktree '))
    .map((l) => l.slice('worktree '.length));

test("only the worktrees whose owner no longer runs are removed; a person's and a running run's stay", async () => {
  const repo = createRepo({ 'README.md': '# x\n' });
  const dead = spawnSync('true').pid as number; // exited by now
  const alive = spawn('sleep', ['60']);
  try {
    const killedRun = worktreeOf(repo, dead);
    const runningRun = worktreeOf(repo, alive.pid as number);
    const persons = worktreeOf(repo, null);

    expect(await removeStaleWorktrees(repo.dir)).toEqual([killedRun]);
    expect(existsSync(killedRun)).toBe(false);
    expect(existsSync(`${killedRun}.owner`)).toBe(false);
    expect(registered(repo.dir).sort()).toEqual([realpathSync(repo.dir), runningRun, persons].sort());
    for (const dir of [runningRun, persons]) gitText(repo.dir, ['worktree', 'remove', '--force', dir]);
  } finally {
    alive.kill();
  }
});
