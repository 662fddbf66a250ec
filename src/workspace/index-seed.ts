import { utimes, writeFile } from 'node:fs/promises';

/**
 * The index of each worktree this process made, as git wrote it when it checked the base out,
 * kept in memory: nothing run in the worktree can change it. A diff of the worktree against that
 * base starts its temporary index from it instead of reading the base tree again (`git
 * read-tree`): one git process less, and `git add --all` then hashes only the files whose stat
 * changed. The copy gets the original's modification time, so git's check for files changed in
 * the same clock tick as the index was written ("racily clean" entries) works as it did.
 */
interface Seed {
  base: string;
  bytes: Buffer;
  /** The original index file's modification time, in milliseconds (rounded down). */
  mtimeMs: number;
}

const seeds = new Map<string, Seed>();

export function rememberIndex(dir: string, seed: Seed): void {
  seeds.set(dir, seed);
}

export function forgetIndex(dir: string): void {
  seeds.delete(dir);
}

/** Writes the index of `dir` at `base` to `file`; false when none is known (then read the base tree). */
export async function writeSeedIndex(dir: string, base: string, file: string): Promise<boolean> {
  const seed = seeds.get(dir);
  if (!seed || seed.base !== base) return false;
  await writeFile(file, seed.bytes);
  const seconds = Math.floor(seed.mtimeMs) / 1000;
  await utimes(file, seconds, seconds);
  return true;
}
