import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createToolContext, type ToolContext } from '../../../src/agent/tools/index.ts';
import { AHEAD_AFTER_MS, changeAhead } from '../../../src/stages/change-ahead.ts';
import { createWorktree, removeWorktree, type Worktree } from '../../../src/workspace/index.ts';
import { cleanupTemps, createRepo, isolateGit } from '../../support/git-fixture.ts';

isolateGit();
afterAll(cleanupTemps);

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const until = async (done: () => boolean) => {
  while (!done()) await wait(5);
};

let base: string;
let repoDir: string;
beforeAll(() => {
  const repo = createRepo({ 'README.md': '# demo\n' });
  base = repo.head();
  repoDir = repo.dir;
});

interface Setup {
  wt: Worktree;
  tools: ToolContext;
  write(path: string): void;
  /** Diffs asked for so far (each asks for the tree it is taken against). */
  asked(): number;
  ahead: ReturnType<typeof changeAhead>;
  /** A turn whose tool wrote `path` ends, and the next call goes out. */
  turnThatWrote(path: string): void;
}

async function setup(first: () => string = () => base): Promise<Setup> {
  const wt = await createWorktree(repoDir, base);
  const tools = createToolContext(wt.dir);
  let asked = 0;
  const ahead = changeAhead(wt.dir, async () => (asked++ === 0 ? first() : base));
  const write = (path: string) => writeFileSync(join(wt.dir, path), `${path}\n`);
  const turnThatWrote = (path: string) => {
    write(path);
    tools.writes++;
    ahead.afterTools(tools);
  };
  return { wt, tools, write, asked: () => asked, ahead, turnThatWrote };
}

const paths = (change: { changes: { path: string }[] }) => change.changes.map((c) => c.path).sort();

describe('an agent change diffed while its next model call is out', () => {
  test('the diff made during a slow call is the change when no writing tool ran after it', async () => {
    const { wt, tools, write, asked, ahead, turnThatWrote } = await setup();
    turnThatWrote('a.txt');
    // The call is still out after the wait: the diff starts; the reply's tools wait for it to end.
    await until(() => asked() === 1);
    await ahead.settle();
    // Not written by a tool: a diff made now would see it, the one made ahead does not.
    write('b.txt');
    expect(paths(await ahead.change(tools))).toEqual(['a.txt']);
    expect(asked()).toBe(1);
    await removeWorktree(wt);
  });

  test('a writing tool after the diff started makes it stale: the change is diffed again', async () => {
    const { wt, tools, write, asked, ahead, turnThatWrote } = await setup();
    turnThatWrote('a.txt');
    await until(() => asked() === 1);
    await ahead.settle();
    write('b.txt');
    tools.writes = 2;
    const change = await ahead.change(tools);
    expect(paths(change)).toEqual(['a.txt', 'b.txt']);
    expect(change.patch).toContain('+++ b/b.txt');
    expect(asked()).toBe(2);
    await removeWorktree(wt);
  });

  test('a reply before the wait is over: no diff is made ahead, then or later', async () => {
    const { wt, tools, asked, ahead, turnThatWrote } = await setup();
    turnThatWrote('a.txt');
    // The reply's tools are about to run.
    await ahead.settle();
    await wait(AHEAD_AFTER_MS * 4);
    expect(asked()).toBe(0);
    expect(paths(await ahead.change(tools))).toEqual(['a.txt']);
    expect(asked()).toBe(1);
    await removeWorktree(wt);
  });

  test('a diff ahead that failed is made again at the end', async () => {
    // The first diff is asked against a tree that does not exist, and fails.
    const { wt, tools, asked, ahead, turnThatWrote } = await setup(() => '0'.repeat(40));
    turnThatWrote('a.txt');
    await until(() => asked() === 1);
    expect(paths(await ahead.change(tools))).toEqual(['a.txt']);
    expect(asked()).toBe(2);
    await removeWorktree(wt);
  });

  test("an agent that finishes waits for no other agent's stale diff: one not yet begun is cancelled", async () => {
    const one = await setup();
    const other = await setup();
    one.turnThatWrote('a.txt');
    other.turnThatWrote('b.txt');
    // Both diffs are queued once the wait is over; the second waits its turn behind the first.
    await until(() => one.asked() === 1);
    other.tools.writes = 2;
    await other.ahead.settle();
    expect(paths(await one.ahead.change(one.tools))).toEqual(['a.txt']);
    expect(paths(await other.ahead.change(other.tools))).toEqual(['b.txt']);
    // The cancelled diff never asked for its tree: only the final one did.
    expect(other.asked()).toBe(1);
    await Promise.all([removeWorktree(one.wt), removeWorktree(other.wt)]);
  });
});
