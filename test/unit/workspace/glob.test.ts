import { describe, expect, test } from 'vitest';
import {
  checkProtectedPaths,
  compileGlob,
  GlobError,
  matchProtectedPath,
  protectedPathHits,
} from '../../../src/workspace/index.ts';

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
    expect(checkProtectedPaths(paths, ['.github/workflows/**', '*.pem'])).toEqual([
      '.github/workflows/ci.yml',
      'deploy/key.pem',
    ]);
    expect(protectedPathHits(paths, ['*.pem'])).toEqual([{ path: 'deploy/key.pem', pattern: '*.pem' }]);
    expect(checkProtectedPaths(paths, [])).toEqual([]);
  });
});
