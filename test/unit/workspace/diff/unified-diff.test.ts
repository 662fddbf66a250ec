import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findDiffFile, hunkOf, isCommentable, rightSideLines } from '../../../../src/review/diff-lines.ts';
import { parseUnifiedDiff } from '../../../../src/workspace/diff/index.ts';
import { pathsGitReads } from '../../../../src/workspace/patch.ts';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
}

const TWO_HUNKS = `diff --git a/src/app.ts b/src/app.ts
index 1111111..2222222 100644
--- a/src/app.ts
+++ b/src/app.ts
@@ -1,4 +1,5 @@
 import x from 'x';
-const a = 1;
+const a = 2;
+const b = 3;
 
 export function f() {
@@ -20,3 +21,3 @@ export function f() {
   return a;
-}
+};
 // end
`;

describe('parseUnifiedDiff', () => {
  test('a modified file with two hunks: new-side line numbers, added and context lines', () => {
    const [file, ...rest] = parseUnifiedDiff(TWO_HUNKS);
    expect(rest).toEqual([]);
    expect(file).toMatchObject({
      path: 'src/app.ts',
      oldPath: 'src/app.ts',
      newPath: 'src/app.ts',
      status: 'modified',
      binary: false,
    });
    expect(file!.hunks.map((h) => [h.oldStart, h.oldLines, h.newStart, h.newLines, h.section])).toEqual([
      [1, 4, 1, 5, ''],
      [20, 3, 21, 3, 'export function f() {'],
    ]);
    expect([...file!.added]).toEqual([2, 3, 22]);
    // The empty line of the first hunk is a context line whose trailing space was stripped.
    expect([...file!.context]).toEqual([1, 4, 5, 21, 23]);
    expect(file!.hunks[0]!.lines.map((l) => [l.kind, l.oldLine, l.newLine, l.text])).toEqual([
      ['context', 1, 1, "import x from 'x';"],
      ['delete', 2, null, 'const a = 1;'],
      ['add', null, 2, 'const a = 2;'],
      ['add', null, 3, 'const b = 3;'],
      ['context', 3, 4, ''],
      ['context', 4, 5, 'export function f() {'],
    ]);
    expect(isCommentable(file!, 3)).toBe(true);
    expect(isCommentable(file!, 10)).toBe(false); // between the hunks
    expect(hunkOf(file!, 22)?.newStart).toBe(21);
    expect(rightSideLines(file!).get(22)).toBe('};');
  });

  test('lines that look like file headers inside a hunk are content, read by the hunk counts', () => {
    const patch = ['--- a/notes.md', '+++ b/notes.md', '@@ -1,2 +1,2 @@', '--- x', '+++ y', ' tail', ''].join('\n');
    const files = parseUnifiedDiff(patch);
    expect(files).toHaveLength(1);
    expect(files[0]!.hunks[0]!.lines.map((l) => [l.kind, l.text])).toEqual([
      ['delete', '-- x'],
      ['add', '++ y'],
      ['context', 'tail'],
    ]);
    expect([...files[0]!.added]).toEqual([1]);
  });

  test('a plain `diff -u` with timestamps and several files, without git headers', () => {
    const patch = [
      '--- a/one.txt\t2024-01-01 00:00:00.000000000 +0000',
      '+++ b/one.txt\t2024-01-02 00:00:00.000000000 +0000',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      '--- a/two.txt\t2024-01-01 00:00:00.000000000 +0000',
      '+++ b/two.txt\t2024-01-02 00:00:00.000000000 +0000',
      '@@ -3,0 +4,2 @@',
      '+c',
      '+d',
      '',
    ].join('\n');
    const files = parseUnifiedDiff(patch);
    expect(files.map((f) => [f.path, f.status, [...f.added]])).toEqual([
      ['one.txt', 'modified', [1]],
      ['two.txt', 'modified', [4, 5]],
    ]);
  });

  test('"\\ No newline at end of file" and CRLF line endings', () => {
    const patch =
      'diff --git a/w.txt b/w.txt\r\n--- a/w.txt\r\n+++ b/w.txt\r\n@@ -1 +1 @@\r\n-old\r\n\\ No newline at end of file\r\n+new\r\n\\ No newline at end of file\r\n';
    const [file] = parseUnifiedDiff(patch);
    expect(file!.hunks[0]!.lines.map((l) => [l.kind, l.text])).toEqual([
      ['delete', 'old'],
      ['add', 'new'],
    ]);
  });

  test('a binary file without --binary, an added binary file and a pure rename', () => {
    const patch = [
      'diff --git a/logo.png b/logo.png',
      'index 1111111..2222222 100644',
      'Binary files a/logo.png and b/logo.png differ',
      'diff --git a/new.png b/new.png',
      'new file mode 100644',
      'index 0000000..2222222',
      'Binary files /dev/null and b/new.png differ',
      'diff --git a/docs/old name.md b/docs/new name.md',
      'similarity index 100%',
      'rename from docs/old name.md',
      'rename to docs/new name.md',
      '',
    ].join('\n');
    expect(parseUnifiedDiff(patch).map((f) => [f.path, f.oldPath, f.status, f.binary, f.hunks.length])).toEqual([
      ['logo.png', 'logo.png', 'modified', true, 0],
      ['new.png', null, 'added', true, 0],
      ['docs/new name.md', 'docs/old name.md', 'renamed', false, 0],
    ]);
  });

  test('what git itself writes: spaces, quoted non-ASCII paths, binary patches, deletions and renames', () => {
    const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ensemble-diff-')));
    temps.push(dir);
    git(dir, 'init', '-q', '-b', 'main');
    const lines = (n: number, change: (i: number) => string = String) =>
      Array.from({ length: n }, (_, i) => `${change(i + 1)}\n`).join('');
    writeFileSync(path.join(dir, 'a file.txt'), lines(12));
    writeFileSync(path.join(dir, 'gone.txt'), 'bye\n');
    writeFileSync(path.join(dir, 'image.bin'), Buffer.from([0, 1, 2, 3, 255]));
    writeFileSync(path.join(dir, 'old.txt'), 'keep\nme\nhere\nplease\nok\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    writeFileSync(
      path.join(dir, 'a file.txt'),
      lines(12, (i) => (i === 2 || i === 12 ? `line ${i}` : String(i))),
    );
    git(dir, 'rm', '-q', 'gone.txt');
    writeFileSync(path.join(dir, 'image.bin'), Buffer.from([0, 1, 2, 3, 254, 0]));
    git(dir, 'mv', 'old.txt', 'new.txt');
    writeFileSync(path.join(dir, 'new.txt'), 'keep\nme\nhere\nplease\nok!\n');
    writeFileSync(path.join(dir, 'café "q".txt'), 'hi\n');
    git(dir, 'add', '-A');
    const patch = git(dir, 'diff', '--cached', '-M', '--binary');
    expect(patch).toContain('"b/caf\\303\\251 \\"q\\".txt"'); // git did quote it

    const files = parseUnifiedDiff(patch);
    const summary = files.map((f) => ({
      path: f.path,
      oldPath: f.oldPath,
      status: f.status,
      binary: f.binary,
      added: [...f.added],
    }));
    expect(summary).toEqual([
      { path: 'a file.txt', oldPath: 'a file.txt', status: 'modified', binary: false, added: [2, 12] },
      { path: 'café "q".txt', oldPath: null, status: 'added', binary: false, added: [1] },
      { path: 'gone.txt', oldPath: 'gone.txt', status: 'deleted', binary: false, added: [] },
      { path: 'image.bin', oldPath: 'image.bin', status: 'modified', binary: true, added: [] },
      { path: 'new.txt', oldPath: 'old.txt', status: 'renamed', binary: false, added: [5] },
    ]);
    expect(files[0]!.hunks).toHaveLength(2);
    expect(files[2]!.newPath).toBeNull();
    expect(findDiffFile(files, 'old.txt')?.path).toBe('new.txt');
    expect(findDiffFile(files, 'gone.txt')?.status).toBe('deleted');
    expect(findDiffFile(files, 'missing.txt')).toBeUndefined();
  });

  test('never throws on junk or a patch cut off inside a hunk', () => {
    expect(parseUnifiedDiff('')).toEqual([]);
    expect(parseUnifiedDiff('hello\nworld\n')).toEqual([]);
    const [file] = parseUnifiedDiff('diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,5 +1,5 @@\n a\n-b\n+c\n');
    expect(file!.hunks[0]!.lines).toHaveLength(3);
    expect([...file!.added]).toEqual([2]);
  });
});

/** Path, old path and status of each file, the part of a file the names decide. */
const names = (patch: string) => parseUnifiedDiff(patch).map((f) => [f.path, f.oldPath, f.newPath, f.status]);

// This reader replaced two: review/diff.ts's `parseUnifiedDiff` (lenient, for placing findings)
// and workspace/patch.ts's `pathsInPatch` (strict, for checking paths). Each case below is one
// where they gave different answers; the answer kept is git's.
describe('cases the two former readers disagreed on', () => {
  test('names that differ without rename lines are a rename: git writes the new file, deletes the old', () => {
    const patch = 'diff --git a/old.txt b/new.txt\n--- a/old.txt\n+++ b/new.txt\n@@ -1 +1 @@\n-a\n+b\n';
    // pathsInPatch read a modification of new.txt; the review reader read a rename.
    expect(names(patch)).toEqual([['new.txt', 'old.txt', 'new.txt', 'renamed']]);
    const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ensemble-diff-')));
    temps.push(dir);
    git(dir, 'init', '-q', '-b', 'main');
    writeFileSync(path.join(dir, 'old.txt'), 'a\n');
    writeFileSync(path.join(dir, 'new.txt'), 'a\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    execFileSync('git', ['apply'], { cwd: dir, env: GIT_ENV, input: patch });
    expect(git(dir, 'status', '--short')).toBe(' M new.txt\n D old.txt\n');
  });

  test.each([
    ['a bare header with two ` b/`', 'diff --git a/x b/y b/z'],
    ['a bare header without ` b/`', 'diff --git x y'],
    ['a quoted first name not followed by a space', 'diff --git "a/x"b/x'],
  ])('%s names no file unambiguously: unreadable, not guessed (git cannot read it either)', async (_what, header) => {
    // The review reader split such a header anyway (at the first ` b/`, or used the whole line).
    const patch = `${header}\nold mode 100644\nnew mode 100755\n`;
    expect(names(patch)).toEqual([['', '', '', 'modified']]);
    await expect(pathsGitReads(os.tmpdir(), patch)).rejects.toThrow(/lacks filename information/);
  });

  test('`---` and `+++` are read on their own, as git reads them: a line between them does not hide them', async () => {
    const patch = 'diff --git a/x b/y b/z\n--- a/x\nsimilarity index 100%\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n';
    // The review reader took `---`/`+++` only as an adjacent pair and read a rename of x to "y b/z".
    expect(names(patch)).toEqual([['x', 'x', 'x', 'modified']]);
    expect(await pathsGitReads(os.tmpdir(), patch)).toEqual(['x']);
  });

  test('a quoted name with an escape git never writes is unreadable, not guessed', () => {
    const patch = 'diff --git "a/\\q.txt" "b/\\q.txt"\n--- "a/\\q.txt"\n+++ "b/\\q.txt"\n@@ -1 +1 @@\n-a\n+b\n';
    // The review reader kept the escaped character (q.txt); pathsInPatch could not read the name.
    expect(names(patch)).toEqual([['', '', '', 'modified']]);
    const octal = 'diff --git "a/\\17" "b/\\17"\n--- "a/\\17"\n+++ "b/\\17"\n@@ -1 +1 @@\n-a\n+b\n';
    // pathsInPatch read `\17` as the byte 0x0f, the review reader as "17".
    expect(names(octal)).toEqual([['', '', '', 'modified']]);
  });

  test('a plain `---`/`+++` file after the hunks of a `diff --git` section is a file, as git reads it', async () => {
    const patch = [
      'diff --git a/x b/x',
      '--- a/x',
      '+++ b/x',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      '--- a/.github/workflows/ci.yml',
      '+++ b/.github/workflows/ci.yml',
      '@@ -1 +1 @@',
      '-on: push',
      '+on: pull_request',
      '',
    ].join('\n');
    // pathsInPatch stopped reading names at the first hunk and saw only x.
    expect(names(patch)).toEqual([
      ['x', 'x', 'x', 'modified'],
      ['.github/workflows/ci.yml', '.github/workflows/ci.yml', '.github/workflows/ci.yml', 'modified'],
    ]);
    expect(await pathsGitReads(os.tmpdir(), patch)).toEqual(['x', '.github/workflows/ci.yml']);
  });

  test('a `diff --git` line that follows a lone carriage return inside a line starts no file', () => {
    const patch = 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-a\n+b\rdiff --git a/y b/y\n c\n';
    expect(names(patch)).toEqual([['x', 'x', 'x', 'modified']]);
  });

  test('a `diff --git` section always gives a file, also when its names cannot be read', () => {
    // The review reader dropped a section without names; pathsInPatch returned it with the path ''.
    expect(names('diff --git a/x b/y b/z\n')).toEqual([['', '', '', 'modified']]);
    expect(names('diff --git a/x b/y b/z\nrename from a\n')).toEqual([['', 'a', '', 'renamed']]);
    // A plain pair that names no file on either side still gives none.
    expect(names('--- /dev/null\n+++ /dev/null\n')).toEqual([]);
  });
});
