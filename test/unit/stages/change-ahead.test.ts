import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createToolContext, type ToolContext } from '../../../src/agent/tools/index.ts';
import { AHEAD_AFTER_MS, changeAhead } from '../../../src/stages/change-ahead.ts';
import { createWorktree, removeWorktree, type Worktree } from '../../../src/workspace/index.ts';
import { cleanupTemps, createRepo, isolateGit } from '../../support/git-fixture.ts';

isolateGit();
afterAll(cleanupTemps);

/** Long enough for a diff started `AHEAD_AFTER_MS` after a turn to have ended. */
const AFTER_A_SLOW_CALL_MS = AHEAD_AFTER_MS + 400;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let base: string;
let repoDir: string;
beforeAll(() => {
  const repo = createRepo({ 'README.md': '# demo\n' });
  base = repo.head();
  repoDir = repo.dir;
});

async function worktree(): Promise<{ wt: Worktree; tools: ToolContext; write(path: string): void }> {
  const wt = await createWorktree(repoDir, base);
  const tools = createToolContext(wt.dir);
  return { wt, tools, write: (path) => writeFileSync(join(wt.dir, path), `${path}\n`) };
}

const paths = (change: { changes: { path: string }[] }) => change.changes.map((c) => c.path).sort();

describe('an agent change diffed while its next model call is out', () => {
  test('the diff made during a slow call is the change when no writing tool ran after it', async () => {
    const { wt, tools, write } = await worktree();
    write('a.txt');
    tools.writes = 1;
    const ahead = changeAhead(wt.dir, async () => base);
    ahead.afterTools(tools);
    await wait(AFTER_A_SLOW_CALL_MS);
    // Not written by a tool: a diff made now would see it, the one made ahead does not.
    write('b.txt');
    expect(paths(await ahead.change(tools))).toEqual(['a.txt']);
    await removeWorktree(wt);
  });

  test('a writing tool after the diff started makes it stale: the change is diffed again', async () => {
    const { wt, tools, write } = await worktree();
    write('a.txt');
    tools.writes = 1;
    const ahead = changeAhead(wt.dir, async () => base);
    ahead.afterTools(tools);
    await wait(AFTER_A_SLOW_CALL_MS);
    write('b.txt');
    tools.writes = 2;
    const change = await ahead.change(tools);
    expect(paths(change)).toEqual(['a.txt', 'b.txt']);
    expect(change.patch).toContain('+++ b/b.txt');
    await removeWorktree(wt);
  });

  test('when the reply comes at once no diff is made ahead: the change is diffed at the end', async () => {
    const { wt, tools, write } = await worktree();
    write('a.txt');
    tools.writes = 1;
    const ahead = changeAhead(wt.dir, async () => base);
    ahead.afterTools(tools);
    write('b.txt');
    expect(paths(await ahead.change(tools))).toEqual(['a.txt', 'b.txt']);
    // Nor does one start later, in a worktree that may be gone by then.
    await removeWorktree(wt);
    await wait(AFTER_A_SLOW_CALL_MS);
  });

  test('a diff ahead that failed is made again at the end', async () => {
    const { wt, tools, write } = await worktree();
    write('a.txt');
    tools.writes = 1;
    let asked = 0;
    // The first diff is asked against a tree that does not exist, and fails.
    const ahead = changeAhead(wt.dir, async () => (asked++ === 0 ? '0'.repeat(40) : base));
    ahead.afterTools(tools);
    await wait(AFTER_A_SLOW_CALL_MS);
    expect(asked).toBe(1);
    expect(paths(await ahead.change(tools))).toEqual(['a.txt']);
    await removeWorktree(wt);
  });
});
