import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { configValue, readConfig } from '../../../src/workspace/git.ts';
import { commandStarted, type QuietCache, whileQuiet } from '../../../src/workspace/quiet.ts';
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
        () => source === 'a',
      );
    expect(await read()).toBe(1);
    source = 'b';
    expect(await read()).toBe(2);
    source = 'a';
    cache.clear();
    await expect(read(true)).rejects.toThrow('no');
    expect(await read()).toBe(4);
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
});
