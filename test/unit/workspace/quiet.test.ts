import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { configValue, readConfig, worktreeGit } from '../../../src/workspace/git.ts';
import { commandStarted, duringCommand, type QuietCache, whileQuiet } from '../../../src/workspace/quiet.ts';
import { createWorktree, removeWorktree } from '../../../src/workspace/worktree.ts';
import { cleanupTemps, createRepo, isolateGit } from '../../support/git-fixture.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

describe('whileQuiet', () => {
  test('reuses a read until a command starts, and reads afresh while one runs', async () => {
    const cache: QuietCache<number> = new Map();
    let reads = 0;
    const read = () => whileQuiet(cache, 'k', '/repo', async () => ++reads);
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    const ended = commandStarted();
    expect(await read()).toBe(2);
    expect(await read()).toBe(3);
    ended();
    expect(await read()).toBe(4);
    expect(await read()).toBe(4);
  });

  test('a command that can write only its workspace leaves the reads of other directories alone', async () => {
    const cache: QuietCache<number> = new Map();
    let reads = 0;
    const read = (dir: string) => whileQuiet(cache, dir, dir, async () => ++reads);
    expect(await read('/repo')).toBe(1);
    expect(await read('/tmp/ws/sub')).toBe(2);
    const ended = commandStarted(['/tmp/ws']);
    expect(await read('/repo')).toBe(1);
    expect(await read('/tmp/ws/sub')).toBe(3);
    expect(await read('/tmp/ws-other')).toBe(4);
    expect(await read('/tmp/ws-other')).toBe(4);
    ended();
    expect(await read('/tmp/ws/sub')).toBe(5);
    expect(await read('/tmp/ws/sub')).toBe(5);
  });

  test('reads afresh when its sources changed, and does not keep a failed read', async () => {
    const cache: QuietCache<number> = new Map();
    let reads = 0;
    let source = 'a';
    const read = (fail = false) =>
      whileQuiet(
        cache,
        'k',
        '/repo',
        async () => {
          reads++;
          if (fail) throw new Error('no');
          return reads;
        },
        { unchanged: () => source === 'a' },
      );
    expect(await read()).toBe(1);
    source = 'b';
    expect(await read()).toBe(2);
    source = 'a';
    cache.clear();
    await expect(read(true)).rejects.toThrow('no');
    expect(await read()).toBe(4);
  });

  test('a read that survives sandboxed commands is kept after one ended, while its sources are unchanged', async () => {
    const cache: QuietCache<number> = new Map();
    let reads = 0;
    let source = 'a';
    const read = () =>
      whileQuiet(cache, 'k', '/tmp/ws', async () => ++reads, {
        unchanged: () => source === 'a',
        survivesSandboxed: () => true,
      });
    expect(await read()).toBe(1);
    const ended = commandStarted(['/tmp/ws', '/tmp/home']);
    // Never while one runs: it may be writing the sources right now.
    expect(await read()).toBe(2);
    ended();
    expect(await read()).toBe(3);
    commandStarted(['/tmp/ws', '/tmp/home'])();
    expect(await read()).toBe(3);
    commandStarted(['/tmp/ws'])();
    source = 'b';
    expect(await read()).toBe(4);
    source = 'a';
    expect(await read()).toBe(4);
    // A command outside bubblewrap can write anything, whatever the sources say.
    commandStarted()();
    expect(await read()).toBe(5);
  });

  test('a read made while a sandboxed command ran is not kept past it', async () => {
    const cache: QuietCache<number> = new Map();
    let reads = 0;
    let finish: () => void = () => {};
    const read = () =>
      whileQuiet(
        cache,
        'k',
        '/tmp/ws',
        () =>
          new Promise<number>((resolve) => {
            reads++;
            finish = () => resolve(reads);
          }),
        { survivesSandboxed: () => true },
      );
    const first = read();
    const ended = commandStarted(['/tmp/ws']);
    finish();
    expect(await first).toBe(1);
    ended();
    const second = read();
    finish();
    expect(await second).toBe(2);
    // Made with no command running: kept past the next one.
    commandStarted(['/tmp/ws'])();
    expect(await read()).toBe(2);
  });

  test('a read that does not say it survives them is made again after every sandboxed command', async () => {
    const cache: QuietCache<number> = new Map();
    let reads = 0;
    const read = (survives: boolean) =>
      whileQuiet(cache, 'k', '/tmp/ws', async () => ++reads, { survivesSandboxed: () => survives });
    expect(await read(false)).toBe(1);
    commandStarted(['/tmp/ws'])();
    expect(await read(false)).toBe(2);
    commandStarted(['/tmp/ws'])();
    expect(await read(true)).toBe(2);
  });
});

describe('duringCommand', () => {
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  test('starts work once a command runs, at once while one runs, and never once dropped', async () => {
    const ran: string[] = [];
    duringCommand(async () => ran.push('first'));
    const drop = duringCommand(async () => ran.push('dropped'));
    drop();
    await tick();
    expect(ran).toEqual([]);
    const ended = commandStarted(['/tmp/ws']);
    await tick();
    expect(ran).toEqual(['first']);
    duringCommand(async () => ran.push('while running'));
    await tick();
    ended();
    commandStarted(['/tmp/ws'])();
    await tick();
    expect(ran).toEqual(['first', 'while running']);
  });

  test('work that fails is dropped without a trace (an unhandled rejection would fail this file)', async () => {
    duringCommand(async () => {
      throw new Error('no');
    });
    commandStarted()();
    await tick();
  });
});

describe('readConfig', () => {
  test('is read once, and again when the repository configuration is written', async () => {
    const repo = createRepo({ 'a.txt': 'a\n' });
    const first = await readConfig(repo.dir);
    expect(await readConfig(repo.dir)).toBe(first);
    repo.git('config', 'filter.evil.clean', 'touch /tmp/never');
    const again = await readConfig(repo.dir);
    expect(again).not.toBe(first);
    expect(configValue(again, 'filter.evil.clean')).toBe('touch /tmp/never');
  });

  test('is read again after a repository command ran', async () => {
    const repo = createRepo({ 'a.txt': 'a\n' });
    const first = await readConfig(repo.dir);
    commandStarted()();
    expect(await readConfig(repo.dir)).not.toBe(first);
  });

  test("a worktree's is kept after a sandboxed command there, unless the command touched its .git file", async () => {
    const repo = createRepo({ 'a.txt': 'a\n' });
    const worktree = await createWorktree(repo.dir, repo.head());
    const dir = worktree.dir;
    const env = { GIT_CEILING_DIRECTORIES: path.dirname(dir) };
    try {
      await worktreeGit(dir).run(['status']);
      const first = await readConfig(dir, env);
      const sandboxed = () => commandStarted([dir, '/tmp/ensemble-home-of-the-command'])();
      sandboxed();
      writeFileSync(path.join(dir, 'a.txt'), 'written by the command\n');
      expect(await readConfig(dir, env)).toBe(first);

      // The same bytes and times written back: the change time still tells.
      const dotGit = path.join(dir, '.git');
      const content = readFileSync(dotGit);
      const kept = `${dir}.git-times`;
      writeFileSync(kept, '');
      execFileSync('touch', ['-r', dotGit, kept]);
      const before = statSync(dotGit, { bigint: true });
      writeFileSync(dotGit, content);
      // To the nanosecond, as `touch -r` sets them: only the change time differs now.
      execFileSync('touch', ['-r', kept, dotGit]);
      const after = statSync(dotGit, { bigint: true });
      expect([after.mtimeNs, after.size, after.ino]).toEqual([before.mtimeNs, before.size, before.ino]);
      expect(after.ctimeNs).not.toBe(before.ctimeNs);
      sandboxed();
      const again = await readConfig(dir, env);
      expect(again).not.toBe(first);
      expect(again).toEqual(first);

      // A configuration that includes a file is read again after every command: the file may be in the workspace.
      repo.git('config', 'include.path', path.join(dir, 'extra.gitconfig'));
      const withInclude = await readConfig(dir, env);
      expect(await readConfig(dir, env)).toBe(withInclude);
      sandboxed();
      expect(await readConfig(dir, env)).not.toBe(withInclude);
    } finally {
      await removeWorktree(worktree);
    }
  });

  test("a subdirectory's is read again after a sandboxed command: a .git between it and the repository would go unseen", async () => {
    const repo = createRepo({ 'sub/a.txt': 'a\n' });
    const sub = path.join(repo.dir, 'sub');
    const first = await readConfig(sub);
    expect(await readConfig(sub)).toBe(first);
    commandStarted([repo.dir])();
    expect(await readConfig(sub)).not.toBe(first);
    // The top directory's own .git stops git's search: its reading is kept.
    const top = await readConfig(repo.dir);
    commandStarted([repo.dir])();
    expect(await readConfig(repo.dir)).toBe(top);
  });
});
