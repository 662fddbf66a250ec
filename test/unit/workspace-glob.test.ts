import { describe, expect, test } from 'vitest';
import {
  checkProtectedPaths,
  compileGlob,
  GlobError,
  matchProtectedPath,
  pathsInPatch,
  protectedPathHits,
  touchedPaths,
} from '../../src/workspace/index.ts';

describe('protected path patterns', () => {
  const matches = (pattern: string, path: string) => matchProtectedPath(path, [pattern]) === pattern;

  test('the default .github/workflows/** protects workflow files at any depth, nothing beside them', () => {
    const p = '.github/workflows/**';
    expect(matches(p, '.github/workflows/ci.yml')).toBe(true);
    expect(matches(p, '.github/workflows/nested/deep/x.yaml')).toBe(true);
    expect(matches(p, '.github/workflows')).toBe(false);
    expect(matches(p, '.github/workflowsx/ci.yml')).toBe(false);
    expect(matches(p, '.github/dependabot.yml')).toBe(false);
    expect(matches(p, 'src/.github/workflows/ci.yml')).toBe(false);
    expect(matches(p, 'github/workflows/ci.yml')).toBe(false);
  });

  test('* and ? stay inside one segment', () => {
    expect(matches('src/*.ts', 'src/a.ts')).toBe(true);
    expect(matches('src/*.ts', 'src/sub/a.ts')).toBe(false);
    expect(matches('src/?.ts', 'src/a.ts')).toBe(true);
    expect(matches('src/?.ts', 'src/ab.ts')).toBe(false);
    expect(matches('a?b', 'a/b')).toBe(false);
    expect(matches('src/*', 'src/.hidden')).toBe(true);
  });

  test('** as a segment spans directories: leading, middle, trailing', () => {
    expect(matches('**/secrets.json', 'secrets.json')).toBe(true);
    expect(matches('**/secrets.json', 'a/b/secrets.json')).toBe(true);
    expect(matches('a/**/b', 'a/b')).toBe(true);
    expect(matches('a/**/b', 'a/x/y/b')).toBe(true);
    expect(matches('a/**/b', 'a/xb')).toBe(false);
    expect(matches('**', 'anything/at/all')).toBe(true);
    // not a whole segment: like *
    expect(matches('a**b', 'axxb')).toBe(true);
    expect(matches('a**b', 'a/b')).toBe(false);
  });

  test('a pattern without a slash matches a name at any depth; a slash anchors it', () => {
    expect(matches('*.pem', 'key.pem')).toBe(true);
    expect(matches('*.pem', 'deep/dir/key.pem')).toBe(true);
    expect(matches('/*.pem', 'deep/key.pem')).toBe(false);
    expect(matches('/*.pem', 'key.pem')).toBe(true);
    expect(matches('docs/x.md', 'other/docs/x.md')).toBe(false);
  });

  test('a pattern naming a directory protects what is inside; a trailing slash means directories only', () => {
    expect(matches('.github/workflows', '.github/workflows/ci.yml')).toBe(true);
    expect(matches('secrets', 'config/secrets/prod.env')).toBe(true);
    expect(matches('build/', 'build/out.js')).toBe(true);
    expect(matches('build/', 'build')).toBe(false);
    expect(matches('build', 'build')).toBe(true);
  });

  test('character classes, escapes and regexp metacharacters', () => {
    expect(matches('file[0-9].txt', 'file7.txt')).toBe(true);
    expect(matches('file[0-9].txt', 'filex.txt')).toBe(false);
    expect(matches('file[!0-9].txt', 'filex.txt')).toBe(true);
    expect(matches('file[!0-9].txt', 'file7.txt')).toBe(false);
    expect(matches('a\\*b', 'a*b')).toBe(true);
    expect(matches('a\\*b', 'axb')).toBe(false);
    expect(matches('a.b', 'axb')).toBe(false);
    expect(matches('(x)+{y}|$', '(x)+{y}|$')).toBe(true);
    expect(matches('[oops', '[oops')).toBe(true);
  });

  test('case is ignored (case-insensitive file systems), unicode and spaces work', () => {
    expect(matches('.github/workflows/**', '.GitHub/Workflows/CI.yml')).toBe(true);
    expect(matches('docs/ré sumé/*', 'docs/ré sumé/a b.md')).toBe(true);
  });

  test('negated and empty patterns are refused', () => {
    expect(() => compileGlob('!x')).toThrow(GlobError);
    expect(() => compileGlob('!x')).toThrow(/negation/);
    expect(() => compileGlob('  ')).toThrow(GlobError);
  });

  test('checkProtectedPaths returns the offending paths in order, once; hits name the pattern', () => {
    const paths = ['src/a.ts', '.github/workflows/ci.yml', 'deploy/key.pem', '.github/workflows/ci.yml'];
    expect(checkProtectedPaths(paths, ['.github/workflows/**', '*.pem'])).toEqual(['.github/workflows/ci.yml', 'deploy/key.pem']);
    expect(protectedPathHits(paths, ['*.pem'])).toEqual([{ path: 'deploy/key.pem', pattern: '*.pem' }]);
    expect(checkProtectedPaths(paths, [])).toEqual([]);
  });
});

describe('reading patches', () => {
  test('modified, added, deleted, renamed, copied and binary sections', () => {
    const patch = [
      'diff --git a/src/m.ts b/src/m.ts',
      'index 1111111..2222222 100644',
      '--- a/src/m.ts',
      '+++ b/src/m.ts',
      '@@ -1 +1 @@',
      '-a',
      '+diff --git a/fake b/fake',
      'diff --git a/new.txt b/new.txt',
      'new file mode 100644',
      'index 0000000..3333333',
      '--- /dev/null',
      '+++ b/new.txt',
      '@@ -0,0 +1 @@',
      '+x',
      'diff --git a/gone.txt b/gone.txt',
      'deleted file mode 100644',
      'index 4444444..0000000',
      '--- a/gone.txt',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-y',
      'diff --git a/old name.txt b/new name.txt',
      'similarity index 90%',
      'rename from old name.txt',
      'rename to new name.txt',
      'diff --git a/c1 b/c2',
      'similarity index 100%',
      'copy from c1',
      'copy to c2',
      'diff --git a/img.png b/img.png',
      'new file mode 100644',
      'index 0000000..5555555',
      'GIT binary patch',
      'literal 3',
      'KcmZQzWMT#Y01f~L',
      '',
      'literal 0',
      'HcmV?d00001',
      '',
    ].join('\n');
    expect(pathsInPatch(patch)).toEqual([
      { kind: 'modified', path: 'src/m.ts', oldPath: null },
      { kind: 'added', path: 'new.txt', oldPath: null },
      { kind: 'deleted', path: 'gone.txt', oldPath: null },
      { kind: 'renamed', path: 'new name.txt', oldPath: 'old name.txt' },
      { kind: 'copied', path: 'c2', oldPath: 'c1' },
      { kind: 'added', path: 'img.png', oldPath: null },
    ]);
  });

  test('paths with spaces (trailing tab on ---/+++), quoted unicode, and a binary modification with spaces', () => {
    const patch = [
      'diff --git a/dir with space/f g.txt b/dir with space/f g.txt',
      'index 1111111..2222222 100644',
      '--- a/dir with space/f g.txt\t',
      '+++ b/dir with space/f g.txt\t',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      'diff --git "a/\\346\\227\\245\\346\\234\\254/\\303\\251 t.md" "b/\\346\\227\\245\\346\\234\\254/\\303\\251 t.md"',
      'index 1111111..2222222 100644',
      '--- "a/\\346\\227\\245\\346\\234\\254/\\303\\251 t.md"',
      '+++ "b/\\346\\227\\245\\346\\234\\254/\\303\\251 t.md"',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      'diff --git a/bin ary.dat b/bin ary.dat',
      'index 1111111..2222222 100644',
      'GIT binary patch',
      'literal 3',
      'KcmZQzWMT#Y01f~L',
      '',
      'literal 3',
      'KcmZQzWMT#Y01f~L',
      '',
      'diff --git "a/.github/workflows/\\303\\251.yml" "b/moved.yml"',
      'similarity index 100%',
      'rename from ".github/workflows/\\303\\251.yml"',
      'rename to moved.yml',
    ].join('\n');
    const changes = pathsInPatch(patch);
    expect(changes).toEqual([
      { kind: 'modified', path: 'dir with space/f g.txt', oldPath: null },
      { kind: 'modified', path: '日本/é t.md', oldPath: null },
      { kind: 'modified', path: 'bin ary.dat', oldPath: null },
      { kind: 'renamed', path: 'moved.yml', oldPath: '.github/workflows/é.yml' },
    ]);
    expect(touchedPaths(changes)).toContain('.github/workflows/é.yml');
  });

  test('an empty patch has no files', () => {
    expect(pathsInPatch('')).toEqual([]);
  });
});
