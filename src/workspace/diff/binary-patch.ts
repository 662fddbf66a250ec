/**
 * Git's binary-patch format (`git diff --binary`): after a `GIT binary patch` line, a forward
 * hunk and a reverse hunk, each a `literal <size>` or `delta <size>` line, then base85 data
 * lines, then an empty line. The data is zlib-deflated; inflated, a `literal` is the whole file
 * and a `delta` is git's delta against the other side (a sequence of copy and insert opcodes).
 * Only what the patch itself holds is decoded: the copied parts of a delta come from the old
 * file, which the reader does not have.
 */
import { inflateSync } from 'node:zlib';

const BASE85 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~';
const BASE85_VALUE = new Map([...BASE85].map((c, i) => [c, i]));

/** The byte count a data line's first character gives: `A`-`Z` for 1-26, `a`-`z` for 27-52; -1 otherwise. */
function lineLength(char: number): number {
  if (char >= 65 && char <= 90) return char - 64;
  if (char >= 97 && char <= 122) return char - 96 + 26;
  return -1;
}

/** One data line of a binary hunk: a length character, then base85 in groups of 5. Throws on a malformed line. */
export function decodeBase85Line(line: string): Buffer {
  const length = lineLength(line.charCodeAt(0));
  const data = line.slice(1).replace(/\r$/, '');
  if (length < 0 || data.length !== Math.ceil(length / 4) * 5) throw new Error('bad binary line');
  const out = Buffer.alloc((data.length / 5) * 4);
  for (let group = 0; group < data.length / 5; group++) {
    let acc = 0;
    for (let k = 0; k < 5; k++) {
      const value = BASE85_VALUE.get(data[group * 5 + k] as string);
      if (value === undefined) throw new Error('bad base85 character');
      acc = acc * 85 + value;
    }
    if (acc > 0xffffffff) throw new Error('base85 group out of range');
    out.writeUInt32BE(acc, group * 4);
  }
  return out.subarray(0, length);
}

/**
 * The data a git delta inserts (the copied parts come from the old file, which the base already
 * holds). Throws on a malformed delta.
 */
export function deltaInserts(delta: Buffer): Buffer[] {
  let i = 0;
  const varint = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (i >= delta.length) throw new Error('truncated delta');
      const byte = delta[i++] as number;
      value += (byte & 0x7f) * scale;
      scale *= 128;
      if ((byte & 0x80) === 0) return value;
    }
  };
  varint(); // source size
  varint(); // target size
  const inserts: Buffer[] = [];
  while (i < delta.length) {
    const op = delta[i++] as number;
    if (op & 0x80) {
      // Copy from the source: one byte per set bit of the offset (bits 0-3) and size (bits 4-6).
      let bytes = 0;
      for (let bit = 0; bit < 7; bit++) if (op & (1 << bit)) bytes++;
      i += bytes;
      if (i > delta.length) throw new Error('truncated delta');
    } else if (op !== 0) {
      if (i + op > delta.length) throw new Error('truncated delta');
      inserts.push(delta.subarray(i, i + op));
      i += op;
    } else {
      throw new Error('invalid delta opcode');
    }
  }
  return inserts;
}

/**
 * The new content a binary hunk holds: the whole file for a `literal`, the inserted data for a
 * `delta`. `tooLarge` (the size the hunk header states) when it would inflate to more than
 * `maxBytes`, checked before anything is inflated (a few kilobytes of patch can hold gigabytes of
 * zeros); `tooLarge: null` when the hunk cannot be decoded.
 */
export type BinaryContent = { ok: true; chunks: Buffer[] } | { ok: false; tooLarge: number | null };

/**
 * The new content of the first (forward) hunk of a `GIT binary patch`, whose `literal`/`delta`
 * line is `lines[start]`; see `BinaryContent`. The reverse hunk (the old content) is not read.
 */
export function forwardBinary(lines: readonly string[], start: number, maxBytes: number): BinaryContent {
  const header = /^(literal|delta) (\d+)\r?$/.exec(lines[start] ?? '');
  if (!header) return { ok: false, tooLarge: null };
  const size = Number(header[2]);
  if (size > maxBytes) return { ok: false, tooLarge: size };
  const parts: Buffer[] = [];
  try {
    for (let i = start + 1; i < lines.length && (lines[i] as string).replace(/\r$/, '') !== ''; i++) {
      parts.push(decodeBase85Line(lines[i] as string));
    }
    const empty = size === 0 && parts.length === 0;
    const data = Buffer.concat(parts);
    const inflated = empty ? Buffer.alloc(0) : inflateSync(data, { maxOutputLength: Math.max(size, 1) });
    if (inflated.length !== size) return { ok: false, tooLarge: null };
    return { ok: true, chunks: header[1] === 'literal' ? [inflated] : deltaInserts(inflated) };
  } catch {
    return { ok: false, tooLarge: null };
  }
}
