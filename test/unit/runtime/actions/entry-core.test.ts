/**
 * The entry's own workflow commands against the real `@actions/core`: the runner must read the same
 * lines (and the same exit code) whichever of the two wrote them.
 */
import * as core from '@actions/core';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { entryCore } from '../../../../src/runtime/actions/entry-core.ts';

type Core = Pick<typeof core, 'getInput' | 'setSecret' | 'info' | 'debug' | 'setFailed'>;

/** What `act` writes to stdout and leaves as the exit code. */
function observe(act: () => void): { stdout: string; exitCode: typeof process.exitCode } {
  const saved = process.exitCode;
  process.exitCode = undefined;
  let stdout = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    act();
    return { stdout, exitCode: process.exitCode };
  } finally {
    write.mockRestore();
    process.exitCode = saved;
  }
}

const TEXTS = [
  'plain',
  '',
  'ensemble plan: invalid input.\nInput \'issue\' has an invalid value "abc"',
  '100% done\r\nnext line',
  '::stop-commands::token',
  'a: b, c: d',
  '%0A is not a newline',
  '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n',
];

afterEach(() => vi.unstubAllEnvs());

describe('entryCore writes what @actions/core writes', () => {
  test.each(['setSecret', 'info', 'debug', 'setFailed'] as const)('%s', (call) => {
    for (const text of TEXTS) {
      const ours = observe(() => (entryCore as Core)[call](text));
      expect(ours).toEqual(observe(() => (core as Core)[call](text)));
      expect(ours.stdout).not.toBe('');
    }
  });

  test('setFailed with an error', () => {
    const error = new TypeError('bad\nthing');
    expect(observe(() => entryCore.setFailed(error))).toEqual(observe(() => core.setFailed(error)));
  });

  test('getInput reads INPUT_<NAME>, spaces as underscores, trimmed; a missing input is empty', () => {
    vi.stubEnv('INPUT_BASE-URL', '  http://127.0.0.1:11434/v1 \n');
    vi.stubEnv('INPUT_APP_PRIVATE_KEY', '\n  key line\n');
    vi.stubEnv('INPUT_MY_INPUT', 'spaced');
    for (const name of ['base-url', 'Base-Url', 'app_private_key', 'my input', 'missing']) {
      expect(entryCore.getInput(name)).toBe(core.getInput(name));
    }
    expect(entryCore.getInput('base-url')).toBe('http://127.0.0.1:11434/v1');
    expect(entryCore.getInput('my input')).toBe('spaced');
  });
});
