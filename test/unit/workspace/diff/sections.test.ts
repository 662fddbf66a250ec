import { describe, expect, test } from 'vitest';
import { isGitSection, splitSections } from '../../../../src/workspace/diff/index.ts';

const ONE = 'diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-a\n+b\n';
const TWO = 'diff --git a/b.txt b/b.txt\nnew file mode 100644\n--- /dev/null\n+++ b/b.txt\n@@ -0,0 +1 @@\n+x\n';

describe('splitSections', () => {
  test('one section per `diff --git` line, each the exact text up to the next, so they join back to the patch', () => {
    const patch = ONE + TWO;
    expect(splitSections(patch)).toEqual([ONE, TWO]);
    expect(splitSections(patch).join('')).toBe(patch);
    expect(splitSections(ONE)).toEqual([ONE]);
  });

  test('a patch without a final newline, and CRLF line endings, keep their bytes', () => {
    const crlf = (ONE + TWO).replaceAll('\n', '\r\n');
    expect(splitSections(crlf)).toEqual([ONE.replaceAll('\n', '\r\n'), TWO.replaceAll('\n', '\r\n')]);
    expect(splitSections(ONE + TWO.slice(0, -1))).toEqual([ONE, TWO.slice(0, -1)]);
  });

  test('text before the first `diff --git` line is a section when it is not blank', () => {
    const plain = '--- a/p.txt\n+++ b/p.txt\n@@ -1 +1 @@\n-p\n+q\n';
    expect(splitSections(plain + ONE)).toEqual([plain, ONE]);
    expect(splitSections(plain)).toEqual([plain]);
    expect(splitSections(`\n  \n${ONE}`)).toEqual([ONE]);
    expect(splitSections('')).toEqual([]);
    expect(splitSections(' \n')).toEqual([]);
  });

  test('`diff --git` starts a section only at the start of a line, as git reads it', () => {
    const added = '+x diff --git a/no b/no\n';
    expect(splitSections(ONE + added + TWO)).toEqual([ONE + added, TWO]);
  });

  // review's splitter (`/^diff --git /gm`) also split after a lone `\r`, U+2028 or U+2029 inside a
  // line, which JavaScript's multiline `^` counts as line starts and git does not.
  test.each([
    ['a carriage return', '\r'],
    ['a line separator (U+2028)', '\u2028'],
    ['a paragraph separator (U+2029)', '\u2029'],
  ])('%s inside a line is not a line start: no section starts after it', (_what, separator) => {
    const line = `+text${separator}diff --git a/x b/x\n`;
    const patch = `${ONE}${line}${TWO}`;
    expect(splitSections(patch)).toEqual([ONE + line, TWO]);
  });

  test('isGitSection tells a `diff --git` section from the text before the first one', () => {
    expect(isGitSection(ONE)).toBe(true);
    expect(isGitSection('--- a/p\n+++ b/p\n')).toBe(false);
  });
});
