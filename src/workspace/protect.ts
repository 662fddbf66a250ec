import { ProtectedPathError, type ProtectedPathHit } from './errors.ts';
import { protectedPathHits } from './glob.ts';
import { pathsReadTwice } from './patch.ts';

/**
 * The protected paths `patch` touches: both sides of renames, read by this module's parser
 * and by git itself (`git apply --numstat`), so that a header the parser misreads cannot hide
 * a path. Throws when git cannot read the patch.
 */
export async function protectedPathsInPatch(
  patch: string,
  patterns: readonly string[],
  cwd?: string,
): Promise<ProtectedPathHit[]> {
  if (patch.trim() === '' || patterns.length === 0) return [];
  const paths = (await pathsReadTwice(patch, cwd)).filter((p) => p !== '');
  return protectedPathHits(paths, patterns);
}

/** Throws `ProtectedPathError`, naming each path and its pattern, when `patch` touches a protected path. */
export async function assertNoProtectedPaths(
  patch: string,
  patterns: readonly string[],
  what = 'the change',
  cwd?: string,
): Promise<void> {
  const hits = await protectedPathsInPatch(patch, patterns, cwd);
  if (hits.length > 0) throw new ProtectedPathError(hits, what);
}
