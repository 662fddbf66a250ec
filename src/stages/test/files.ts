import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoPathProblem } from '../../contracts/common.ts';

/** A regular file of the worktree, up to `maxBytes`; null otherwise (symlinks are not followed). */
export function readSmallFile(dir: string, p: string, maxBytes = 1_000_000): string | null {
  if (repoPathProblem(p) !== null) return null;
  const file = path.join(dir, p);
  try {
    const stat = lstatSync(file);
    if (!stat.isFile() || stat.size > maxBytes) return null;
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
