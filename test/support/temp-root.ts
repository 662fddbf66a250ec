/**
 * Temporary directories of a test run, removed by the run itself.
 *
 * Tests, the CLI and the stages they start make their temporary directories with `os.tmpdir()`
 * (git worktrees, fixture repositories, scratch homes, whole simulated workflow runs: hundreds of
 * directories and hundreds of MB per `npm test`). Rather than asking every test to clean up, the
 * run points `TMPDIR` — which `os.tmpdir()`, git, and every child process read — at a directory of
 * its own:
 *
 * - `globalSetup` (this module's default export) makes the run's root, `ensemble-tests-XXXXXX` in
 *   the real temporary directory, and removes it when the run ends. A root whose run was killed
 *   before its teardown is removed by the next run (its owner's pid is gone).
 * - `setupFiles` (`temp-per-file.ts`) gives each test file a directory of its own under the root
 *   and removes it after the file's last test, so a run does not pile up its files' directories.
 * - Anything still under the root at the end escaped its file's removal (a process that outlived
 *   its test, a file that holds its directory open): the teardown lists it and fails the run, so a
 *   leak is seen where it starts rather than as a full disk.
 */

import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT_PREFIX = 'ensemble-tests-';
const OWNER_FILE = '.owner-pid';
/** Set in every worker: the run's root, for the per-file directories and the tests of this mechanism. */
export const ROOT_VARIABLE = 'ENSEMBLE_TEST_TEMP_ROOT';
/** Written in each file's directory: which test file it belongs to, for the leftover report. */
export const FILE_MARKER = '.test-file';

/**
 * Removes a directory tree, also when parts of it are read-only (git's object files, a test that
 * made a directory read-only to check a refusal): directories are made writable and the removal
 * retried. Never throws for a tree that is already gone.
 */
export function removeTree(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
    makeWritable(dir);
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

function makeWritable(dir: string): void {
  try {
    if (!lstatSync(dir).isDirectory()) return;
    chmodSync(dir, 0o700);
    for (const entry of readdirSync(dir)) makeWritable(path.join(dir, entry));
  } catch {
    // Gone meanwhile, or not ours to change: the removal that follows says what is left.
  }
}

/** Bytes under `dir`, symlinks not followed. */
export function treeBytes(dir: string): number {
  let total = 0;
  try {
    const stat = lstatSync(dir);
    if (!stat.isDirectory()) return stat.size;
    for (const entry of readdirSync(dir)) total += treeBytes(path.join(dir, entry));
  } catch {
    // Removed while counting.
  }
  return total;
}

function ownerAlive(root: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(root, OWNER_FILE), 'utf8'));
  } catch {
    return true; // no owner written yet: a run that is starting
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Roots of earlier runs that were killed before their teardown. */
function removeStaleRoots(parent: string): void {
  for (const entry of readdirSync(parent)) {
    if (!entry.startsWith(ROOT_PREFIX)) continue;
    const root = path.join(parent, entry);
    if (!ownerAlive(root)) removeTree(root);
  }
}

/** The leftovers under a run's root, one line each: the test file that made them, and their size. */
export function leftoverReport(root: string): string[] {
  const lines: string[] = [];
  for (const entry of readdirSync(root)) {
    if (entry === OWNER_FILE) continue;
    const dir = path.join(root, entry);
    let owner = '';
    try {
      owner = ` (${readFileSync(path.join(dir, FILE_MARKER), 'utf8')})`;
    } catch {
      // Not a file's directory: made by the run itself, outside any test file.
    }
    const inside = lstatSync(dir).isDirectory() ? readdirSync(dir).filter((e) => e !== FILE_MARKER) : [];
    const mb = (treeBytes(dir) / 1e6).toFixed(1);
    lines.push(`${entry}${owner}: ${mb} MB${inside.length > 0 ? `, holding ${inside.join(', ')}` : ''}`);
  }
  return lines;
}

export default function setup(): () => void {
  const parent = os.tmpdir();
  removeStaleRoots(parent);
  const root = mkdtempSync(path.join(parent, ROOT_PREFIX));
  writeFileSync(path.join(root, OWNER_FILE), String(process.pid));
  const previous = process.env['TMPDIR'];
  process.env['TMPDIR'] = root;
  process.env[ROOT_VARIABLE] = root;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    const leftovers = leftoverReport(root);
    removeTree(root);
    if (leftovers.length > 0) {
      throw new Error(
        `the test run left ${leftovers.length} temporary entr${leftovers.length === 1 ? 'y' : 'ies'} ` +
          `under ${root} after its files' own cleanup (removed now):\n  ${leftovers.join('\n  ')}`,
      );
    }
  };
}
