import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** A path an agent asked for that the tools refuse: outside the workspace, through a symlink out, or into `.git`. */
export class PathError extends Error {
  override name = 'PathError';
}

export interface ResolveOptions {
  /** Refuse a path that does not exist (reads, edits); otherwise the nearest existing parent is checked (writes). */
  mustExist?: boolean;
}

/** Is `child` the same as or below `parent`? Both absolute and normalised. */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The workspace-relative, forward-slash form of an absolute path inside `root` ('.' for the root itself). */
export function toWorkspacePath(root: string, absolute: string): string {
  const rel = path.relative(realRoot(root), absolute);
  return rel === '' ? '.' : rel.split(path.sep).join('/');
}

function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    throw new PathError(`the workspace ${root} does not exist`);
  }
}

function lexists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function hasGitSegment(rel: string): boolean {
  return rel.split(/[\\/]/).some((segment) => segment.toLowerCase() === '.git');
}

/**
 * Resolves a path an agent gave (relative to the workspace, or absolute inside it) to the absolute
 * real path it names, or throws a `PathError` that says why it is refused:
 * - a path that leaves the workspace, lexically (`../x`, `/etc/passwd`) or through a symlink,
 *   whether the symlink is the file itself or any directory on the way;
 * - for a path that does not exist yet, the nearest existing parent is resolved the same way,
 *   and a dangling symlink on the way is refused (writing through it would create its target);
 * - anything inside a `.git` directory (or a worktree's `.git` file): history, config and hooks
 *   are not the agent's to change, and hooks or config would run later outside the sandbox.
 *
 * The check and the later use are not atomic; the tools run one at a time and `write_file`
 * opens with `O_NOFOLLOW`, which closes the race for the last segment.
 */
export function resolveInWorkspace(root: string, userPath: string, options: ResolveOptions = {}): string {
  if (typeof userPath !== 'string') throw new PathError('path must be a string');
  if (userPath.includes('\0')) throw new PathError('path must not contain a NUL character');
  const shown = JSON.stringify(userPath);
  const base = realRoot(root);
  const lexicalRoot = path.resolve(root);
  const trimmed = userPath.trim() === '' ? '.' : userPath;

  let candidate: string;
  if (path.isAbsolute(trimmed)) {
    const abs = path.resolve(trimmed);
    // Accept the workspace spelled either way (e.g. /tmp/x and its real /private/tmp/x).
    if (isInside(base, abs)) candidate = abs;
    else if (isInside(lexicalRoot, abs)) candidate = path.join(base, path.relative(lexicalRoot, abs));
    else throw new PathError(`path ${shown} is outside the workspace; use a path relative to the repository root`);
  } else {
    candidate = path.resolve(base, trimmed);
    if (!isInside(base, candidate)) {
      throw new PathError(`path ${shown} leaves the workspace through ".."; use a path inside the repository`);
    }
  }
  if (hasGitSegment(path.relative(base, candidate))) {
    throw new PathError(
      `path ${shown} is inside .git; the repository's git directory may not be read or changed by tools`,
    );
  }

  // Walk up to the nearest entry that exists (the path itself when it does).
  let existing = candidate;
  const missing: string[] = [];
  while (!lexists(existing)) {
    missing.unshift(path.basename(existing));
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  let realExisting: string;
  try {
    realExisting = realpathSync(existing);
  } catch {
    // lstat found it but realpath cannot follow it: a dangling symlink (or a loop).
    throw new PathError(`path ${shown} goes through a symlink whose target does not exist; it is refused`);
  }
  const real = missing.length > 0 ? path.join(realExisting, ...missing) : realExisting;
  if (!isInside(base, real)) {
    throw new PathError(`path ${shown} resolves through a symlink to ${real}, outside the workspace; it is refused`);
  }
  if (hasGitSegment(path.relative(base, real))) {
    throw new PathError(
      `path ${shown} resolves into .git; the repository's git directory may not be read or changed by tools`,
    );
  }
  if (options.mustExist && missing.length > 0) {
    throw new PathError(`${userPath}: no such file or directory`);
  }
  return real;
}
