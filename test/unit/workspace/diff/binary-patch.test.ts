import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodeBase85Line, deltaInserts, forwardBinary } from '../../../../src/workspace/diff/index.ts';
import { cleanupTemps, createRepo, type FileTree, isolateGit, type TestRepo } from '../../../support/git-fixture.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

/** Bytes that do not compress (a fixed pseudo-random sequence) with NULs, so git treats the file as binary. */
function noise(length: number, seed = 1): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = i % 97 === 0 ? 0 : x >>> 24;
  }
  return out;
}

function patchOf(repo: TestRepo, files: FileTree): string {
  const before = repo.head();
  const after = repo.commit(files);
  return repo.git('diff', '--binary', '--full-index', '-M', before, after);
}

/** The lines of `patch` and the index of the forward hunk's `literal`/`delta` line. */
function forwardHunk(patch: string): { lines: string[]; start: number } {
  const lines = patch.split('\n');
  return { lines, start: lines.indexOf('GIT binary patch') + 1 };
}

/** git's base85 of `bytes` (a multiple of 4 long), as one data line. */
function base85Line(bytes: Buffer): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~';
  let data = '';
  for (let at = 0; at < bytes.length; at += 4) {
    let value = bytes.readUInt32BE(at);
    let group = '';
    for (let k = 0; k < 5; k++) {
      group = alphabet[value % 85] + group;
      value = Math.floor(value / 85);
    }
    data += group;
  }
  const length = bytes.length <= 26 ? 64 + bytes.length : 96 + bytes.length - 26;
  return String.fromCharCode(length) + data;
}

describe('decodeBase85Line', () => {
  test('a length character, then groups of five base85 characters for four bytes each', () => {
    const bytes = Buffer.from([0, 1, 2, 3, 0xff, 0xff, 0xff, 0xff, 0x80, 0x7f, 0x41, 0x42]);
    expect(decodeBase85Line(base85Line(bytes))).toEqual(bytes);
    expect(decodeBase85Line('D00000')).toEqual(Buffer.alloc(4));
    // The length cuts the last group: 'C' is three bytes of the group's four.
    expect(decodeBase85Line(`C${base85Line(Buffer.from('abc\0')).slice(1)}`)).toEqual(Buffer.from('abc'));
    expect(decodeBase85Line(`${base85Line(Buffer.alloc(28, 7))}\r`)).toEqual(Buffer.alloc(28, 7));
  });

  test.each([
    ['a length character that is not a letter', '100000'],
    ['data shorter than the length says', 'E00000'],
    ['a character outside the alphabet', 'D0000"'],
    ['a group larger than four bytes', 'D~~~~~'],
  ])('throws on %s', (_what, line) => {
    expect(() => decodeBase85Line(line)).toThrow();
  });
});

describe('deltaInserts', () => {
  test('returns the data insert opcodes carry and skips copies from the source', () => {
    // source size 10, target size 8; copy offset 2 size 5 (0x80|0x01|0x10); insert 3 bytes "abc"
    const delta = Buffer.from([10, 8, 0x91, 2, 5, 3, ...Buffer.from('abc')]);
    expect(deltaInserts(delta).map(String)).toEqual(['abc']);
  });

  test.each([
    ['a size cut off', [0x80]],
    ['an insert longer than the delta', [1, 4, 4, 0x61]],
    ['a copy whose offset bytes are missing', [1, 4, 0x8f, 1]],
    ['opcode 0, which git reserves', [1, 1, 0]],
  ])('throws on %s', (_what, bytes) => {
    expect(() => deltaInserts(Buffer.from(bytes))).toThrow();
  });
});

describe('forwardBinary', () => {
  test('a literal hunk git wrote decodes to the whole new file', () => {
    const repo = createRepo();
    const content = noise(700);
    const { lines, start } = forwardHunk(patchOf(repo, { 'blob.bin': content }));
    expect(lines[start]).toBe(`literal ${content.length}`);
    expect(forwardBinary(lines, start, 1_000_000)).toEqual({ ok: true, chunks: [content] });
  });

  test('a delta hunk git wrote decodes to the data it inserts, not the parts it copies', () => {
    const base = noise(20_000);
    const repo = createRepo({ 'big.bin': base });
    const inserted = 'inserted-marker-4711';
    const changed = Buffer.concat([base.subarray(0, 10_000), Buffer.from(inserted), base.subarray(10_000)]);
    const { lines, start } = forwardHunk(patchOf(repo, { 'big.bin': changed }));
    expect(lines[start]).toMatch(/^delta \d+$/);
    const content = forwardBinary(lines, start, 1_000_000);
    expect(content.ok).toBe(true);
    if (!content.ok) return;
    const all = Buffer.concat(content.chunks);
    expect(all.toString('latin1')).toContain(inserted);
    expect(all.length).toBeLessThan(1_000);
  });

  test('a hunk that would inflate beyond the limit is reported with its size, before it is inflated', () => {
    const repo = createRepo();
    const { lines, start } = forwardHunk(patchOf(repo, { 'zeros.bin': Buffer.alloc(200_000) }));
    expect(forwardBinary(lines, start, 100_000)).toEqual({ ok: false, tooLarge: 200_000 });
  });

  test('an empty literal is empty content', () => {
    expect(forwardBinary(['literal 0', 'HcmV?d00001', ''], 0, 10)).toEqual({ ok: true, chunks: [Buffer.alloc(0)] });
  });

  test('data that does not inflate to the stated size, or is not base85, is undecodable (tooLarge null)', () => {
    const data = deflateSync(Buffer.from('four'));
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    const line = `${String.fromCharCode(64 + data.length)}${base85Line(padded).slice(1)}`;
    expect(forwardBinary(['literal 4', line, ''], 0, 100)).toEqual({ ok: true, chunks: [Buffer.from('four')] });
    expect(forwardBinary(['literal 5', line, ''], 0, 100)).toEqual({ ok: false, tooLarge: null });
    expect(forwardBinary(['literal 4', 'D0000"', ''], 0, 100)).toEqual({ ok: false, tooLarge: null });
    expect(forwardBinary(['not a hunk header'], 0, 100)).toEqual({ ok: false, tooLarge: null });
  });
});
