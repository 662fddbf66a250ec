import { UserError } from '../util/errors.ts';
import type { ProtectedPathHit } from './errors.ts';

/**
 * Path patterns with `.gitignore` semantics, for `protected-paths`:
 * - `*` matches any run of characters except `/`, `?` one character except `/`, `[abc]`,
 *   `[a-z]` and `[!a]`/`[^a]` one character of a class; `\` escapes the next character.
 * - `**` as a whole segment matches any number of directories: `**\/x` (x at any depth),
 *   `a/**\/b`, `a/**` (everything inside `a`). Other `**` act like `*`.
 * - A pattern with a `/` before its end is anchored at the repository root (a leading `/`
 *   only anchors); one without (`*.pem`, `secrets.env`) matches a name at any depth.
 * - A pattern that matches a directory protects everything inside it (`.github/workflows`
 *   protects `.github/workflows/ci.yml`); a trailing `/` makes a pattern match directories only.
 * - Matching ignores case: a path that differs only in case names the same file on the case-
 *   insensitive file systems of macOS and Windows, and refusing it costs nothing (fail closed).
 * - `!` negation is not supported (a protected-paths list only adds protection): such a pattern
 *   throws, as does an empty one.
 */
export class GlobError extends UserError {
  override name = 'GlobError';
}

export interface CompiledGlob {
  pattern: string;
  regexp: RegExp;
  /** Matches directories only (the pattern ended with `/`). */
  dirOnly: boolean;
}

const REGEXP_SPECIAL = /[\\^$.*+?()[\]{}|/]/;

export function compileGlob(pattern: string): CompiledGlob {
  if (pattern.trim() === '') throw new GlobError('an empty path pattern matches nothing; remove it');
  if (pattern.startsWith('!')) {
    throw new GlobError(`path pattern ${JSON.stringify(pattern)}: negation ("!") is not supported in protected paths`);
  }
  let body = pattern;
  const dirOnly = body.endsWith('/') && !body.endsWith('\\/');
  if (dirOnly) body = body.replace(/\/+$/, '');
  let anchored = false;
  if (body.startsWith('/')) {
    anchored = true;
    body = body.replace(/^\/+/, '');
  }
  if (body.includes('/')) anchored = true;
  if (body === '') throw new GlobError(`path pattern ${JSON.stringify(pattern)} names no path`);

  const segments = body.split('/');
  let source = '';
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') {
      // `**/` (any leading directories, including none) or a trailing `/**` (anything inside).
      source += last ? '.*' : '(?:[^/]*/)*';
      return;
    }
    source += segmentSource(segment, pattern);
    if (!last) source += '/';
  });
  // A trailing `/**` needs at least one character after the slash: `a/**` is what is inside `a`.
  source = source.replace(/\/\.\*$/, '/.+');
  const prefix = anchored ? '' : '(?:.*/)?';
  return { pattern, regexp: new RegExp(`^${prefix}${source}$`, 'is'), dirOnly };
}

function segmentSource(segment: string, pattern: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === '\\') {
      const next = segment[i + 1];
      if (next === undefined) throw new GlobError(`path pattern ${JSON.stringify(pattern)} ends with a lone "\\"`);
      out += escapeChar(next);
      i++;
    } else if (c === '*') {
      while (segment[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const end = classEnd(segment, i);
      if (end === -1) {
        out += '\\[';
        continue;
      }
      let inner = segment.slice(i + 1, end);
      let negate = false;
      if (inner.startsWith('!') || inner.startsWith('^')) {
        negate = true;
        inner = inner.slice(1);
      }
      const members = inner.replace(/\\(.)/g, '$1').replace(/[\\\]^]/g, '\\$&');
      out += negate ? `[^/${members}]` : `[${members}]`;
      i = end;
    } else {
      out += escapeChar(c);
    }
  }
  return out;
}

/**
 * Index of the `]` closing the class opened at `start`, or -1 (then `[` is literal). A `]` right
 * after `[` or `[!` is a member.
 */
function classEnd(segment: string, start: number): number {
  let i = start + 1;
  if (segment[i] === '!' || segment[i] === '^') i++;
  if (segment[i] === ']') i++;
  for (; i < segment.length; i++) {
    if (segment[i] === '\\') i++;
    else if (segment[i] === ']') return i;
  }
  return -1;
}

function escapeChar(c: string): string {
  return REGEXP_SPECIAL.test(c) ? `\\${c}` : c;
}

/** The path itself (as a file) and each of its parent directories, shortest first. */
function candidates(path: string): Array<{ value: string; isDir: boolean }> {
  const parts = path.split('/');
  const out: Array<{ value: string; isDir: boolean }> = [];
  for (let i = 1; i < parts.length; i++) out.push({ value: parts.slice(0, i).join('/'), isDir: true });
  out.push({ value: path, isDir: false });
  return out;
}

/** The first glob (in list order) that protects `path`, or null. */
export function matchGlobs(path: string, globs: readonly CompiledGlob[]): CompiledGlob | null {
  const normalised = path.replace(/^\/+/, '');
  for (const glob of globs) {
    for (const candidate of candidates(normalised)) {
      if (glob.dirOnly && !candidate.isDir) continue;
      if (glob.regexp.test(candidate.value)) return glob;
    }
  }
  return null;
}

/** The pattern of `patterns` that protects `path`, or null. */
export function matchProtectedPath(path: string, patterns: readonly string[]): string | null {
  return matchGlobs(path, patterns.map(compileGlob))?.pattern ?? null;
}

/**
 * The paths among `paths` that a pattern protects, each with the pattern, in input order
 * without duplicates. Pass both sides of a rename (see `touchedPaths`).
 */
export function protectedPathHits(paths: Iterable<string>, patterns: readonly string[]): ProtectedPathHit[] {
  const globs = patterns.map(compileGlob);
  const hits: ProtectedPathHit[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    if (seen.has(path)) continue;
    seen.add(path);
    const glob = matchGlobs(path, globs);
    if (glob) hits.push({ path, pattern: glob.pattern });
  }
  return hits;
}

/** The offending paths: those among `paths` that a pattern of `patterns` protects. */
export function checkProtectedPaths(paths: Iterable<string>, patterns: readonly string[]): string[] {
  return protectedPathHits(paths, patterns).map((hit) => hit.path);
}
