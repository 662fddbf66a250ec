import { describe, expect, test } from 'vitest';
import {
  clip,
  clipExcerpt,
  clipWithNote,
  formatTimeLimit,
  normaliseOutput,
  stripAnsi,
  tail,
} from '../../../src/util/text.ts';

/** No half of a surrogate pair on its own (a lone surrogate is its own code point, category Cs). */
const wellFormed = (text: string) => !/\p{Cs}/u.test(text);

describe('clipWithNote', () => {
  test('fits within the limit with the note at the end, never splitting a character; short text is kept', () => {
    expect(clipWithNote('short', 10, ' [cut]')).toBe('short');
    const cut = clipWithNote(`ab${'😀'.repeat(10)}`, 11, ' [cut]');
    expect(cut).toBe('ab😀 [cut]');
    expect(cut.length).toBeLessThanOrEqual(11);
  });
});

describe('clip', () => {
  test('keeps a text that fits, also one of exactly the limit', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('x'.repeat(10), 10)).toBe('x'.repeat(10));
    expect(clip('', 3)).toBe('');
  });

  test('cuts a longer text to the limit, the last character an ellipsis', () => {
    const clipped = clip('abcdefghijklmnop', 10);
    expect(clipped).toBe('abcdefghi…');
    expect(clipped).toHaveLength(10);
  });

  test('never splits a surrogate pair, and never goes over the limit', () => {
    const text = `${'a'.repeat(8)}😀😀😀`;
    const clipped = clip(text, 10);
    expect(clipped).toBe(`${'a'.repeat(8)}…`);
    expect(clipped.length).toBeLessThanOrEqual(10);
    expect(wellFormed(clipped)).toBe(true);
  });
});

describe('clipExcerpt', () => {
  test('drops leading blank lines and trailing whitespace, keeping indentation', () => {
    expect(clipExcerpt('\n\n   \n  expected 2\n  actual 3  \n\n', 100)).toBe('  expected 2\n  actual 3');
  });

  test('clips what is left', () => {
    expect(clipExcerpt(`\n${'x'.repeat(50)}\n`, 20)).toBe(`${'x'.repeat(19)}…`);
  });
});

describe('tail', () => {
  test('keeps a text that fits', () => {
    expect(tail('one\ntwo\n', 100)).toBe('one\ntwo\n');
  });

  test('keeps the end, starting at a whole line when one starts near the cut', () => {
    const text = ['first line', 'second line', 'third line', 'last line'].join('\n');
    expect(tail(text, 25)).toBe('…\nthird line\nlast line');
  });

  test('cuts mid-line when no line starts within the first 200 characters kept', () => {
    const text = `${'x'.repeat(1_000)}\nend`;
    const out = tail(text, 300);
    expect(out).toBe(`…${'x'.repeat(296)}\nend`);
  });

  test('never starts with half a surrogate pair', () => {
    const out = tail(`😀😀😀${'b'.repeat(5)}`, 6);
    expect(wellFormed(out)).toBe(true);
    expect(out).toBe(`…${'b'.repeat(5)}`);
  });
});

describe('normaliseOutput', () => {
  test('removes colours and carriage returns', () => {
    expect(normaliseOutput('\u001b[31mFAIL\u001b[0m a\r\nok b\rdone')).toBe('FAIL a\nok b\ndone');
    expect(stripAnsi('\u001b[1;32m✓\u001b[22m ok')).toBe('✓ ok');
  });

  test('removes the worktree directories from paths, with or without file:// and a trailing slash', () => {
    const output = 'at file:///tmp/wt-1/src/a.js:3\n  /tmp/wt-2/test/b.test.js:9\n/tmp/wt-10/c.js';
    const expected = 'at src/a.js:3\n  test/b.test.js:9\n/tmp/wt-10/c.js';
    expect(normaliseOutput(output, ['/tmp/wt-1', '/tmp/wt-2/'])).toBe(expected);
  });
});

describe('formatTimeLimit', () => {
  test.each([
    [60_000, '1 minute'],
    [300_000, '5 minutes'],
    [90_000, '1.5 minutes'],
    [1_200, '1 s'],
    [30_000, '30 s'],
  ])('%d ms: %s', (ms, words) => {
    expect(formatTimeLimit(ms)).toBe(words);
  });
});
