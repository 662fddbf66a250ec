import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hardenedGit, hasCommit, isFullSha, shareConfig, worktreeGit } from './git.ts';
import { forgetIndex, rememberIndex } from './index-seed.ts';
import { repoInfo } from './repo.ts';

/** A detached git worktree in a temporary directory. */
export interface Worktree {
  /** The worktree's directory (real path). */
  dir: string;
  /** The repository it belongs to (its top level). */
  repoDir: string;
  /** The commit it was created at. */
  baseSha: string;
}

export interface WorktreeOptions {
  /** Parent of the temporary directory (default: the OS temp directory). */
  tmpDir?: string;
  /** Prefix of the temporary directory's name. */
  prefix?: string;
  /**
   * An empty directory made by `worktreeDirectory` to check the worktree out in, instead of a new
   * one: its path is known before the checkout (a tool context is made for it while that runs).
   */
  dir?: string;
  /**
   * A tree to check out instead of the base commit's (HEAD stays at the base): the base with a
   * change applied, made without a worktree (`patchedTree`). Diffs of the worktree against this
   * tree then start from the index the checkout wrote (`index-seed.ts`).
   */
  tree?: string;
}

/** A new empty temporary directory for a worktree (its real path), as `createWorktree` makes one. */
export async function worktreeDirectory(options: Pick<WorktreeOptions, 'tmpDir' | 'prefix'> = {}): Promise<string> {
  return realpath(await mkdtemp(path.join(options.tmpDir ?? os.tmpdir(), options.prefix ?? 'ensemble-worktree-')));
}

/**
 * Worktrees are registered and unregistered the way `git worktree add` and `remove` do it, but
 * with the administrative directory (`.git/worktrees/<name>`: `gitdir`, `commondir`, `HEAD`)
 * written whole elsewhere in `.git` and renamed into place, and renamed out again to remove it.
 * So no git reading the worktrees (`worktree list`, `add`, `prune`, another task's) ever sees one
 * half made or half deleted, and parallel tasks of one run create and remove their worktrees side
 * by side, without a lock: `git worktree add` takes none and fails on another `add`'s half-made
 * directory ("failed to read .git/worktrees/…/commondir"), and `prune` deletes it.
 */

/** Creations and removals in flight: what an interrupted process waits for before it cleans up. */
const inFlight = new Set<Promise<unknown>>();

function tracked<T>(work: Promise<T>): Promise<T> {
  const settled = work.catch(() => {});
  inFlight.add(settled);
  void settled.then(() => inFlight.delete(settled));
  return work;
}

/** The `.git` file of a worktree names its administrative directory; `gitdir` there names that file. */
async function register(commonDir: string, dir: string, baseSha: string): Promise<string> {
  const worktrees = path.join(commonDir, 'worktrees');
  // Failures are the rename's to report: a concurrent prune can delete it as it is made.
  const makeWorktrees = () => mkdir(worktrees, { recursive: true }).catch(() => {});
  await makeWorktrees();
  const staging = await mkdtemp(path.join(commonDir, 'ensemble-worktree-'));
  try {
    await writeFile(path.join(staging, 'commondir'), '../..\n');
    await writeFile(path.join(staging, 'gitdir'), `${path.join(dir, '.git')}\n`);
    await writeFile(path.join(staging, 'HEAD'), `${baseSha}\n`);
    const name = path.basename(dir);
    for (let n = 0, suffix = 0; ; n++) {
      const admin = path.join(worktrees, suffix === 0 ? name : `${name}${suffix}`);
      await writeFile(path.join(dir, '.git'), `gitdir: ${admin}\n`);
      try {
        await rename(staging, admin);
        return admin;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (n >= 100) throw error;
        // `worktrees/` gone: a `git worktree prune` deletes it when it is empty. Made again, same name.
        if (code === 'ENOENT') await makeWorktrees();
        // A name taken (a directory there that is not empty): the next one, as git numbers them.
        else if (code === 'EEXIST' || code === 'ENOTEMPTY') suffix++;
        else throw error;
      }
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The worktrees registered in the repository whose shared git directory is `commonDir`: administrative directory and work tree. */
async function registered(commonDir: string): Promise<{ admin: string; dir: string }[]> {
  const worktrees = path.join(commonDir, 'worktrees');
  const names = await readdir(worktrees).catch(() => [] as string[]);
  const found: { admin: string; dir: string }[] = [];
  for (const name of names) {
    const admin = path.join(worktrees, name);
    const gitdir = (await readFile(path.join(admin, 'gitdir'), 'utf8').catch(() => '')).trim();
    if (gitdir !== '') found.push({ admin, dir: path.dirname(path.resolve(admin, gitdir)) });
  }
  return found;
}

/** Unregisters the worktree at `dir` (whatever its `.git` file says now): its administrative directory goes. */
async function unregister(commonDir: string, dir: string): Promise<void> {
  for (const worktree of await registered(commonDir)) {
    if (worktree.dir !== dir) continue;
    const trash = await mkdtemp(path.join(commonDir, 'ensemble-removed-'));
    try {
      await rename(worktree.admin, path.join(trash, 'admin')).catch((error: NodeJS.ErrnoException) => {
        // Gone already: a `git worktree prune` took it once the directory was removed.
        if (error.code !== 'ENOENT') throw error;
      });
    } finally {
      await rm(trash, { recursive: true, force: true });
    }
  }
}

/**
 * Creates a detached worktree of `repoDir` at `baseSha` in a fresh temporary directory. The
 * user's checkout, index and branches are not touched (only `.git/worktrees/<name>` is added).
 */
export function createWorktree(repoDir: string, baseSha: string, options: WorktreeOptions = {}): Promise<Worktree> {
  return tracked(addWorktree(repoDir, baseSha, options));
}

async function addWorktree(repoDir: string, baseSha: string, options: WorktreeOptions): Promise<Worktree> {
  const { root, commonDir } = await repoInfo(repoDir);
  if (!isFullSha(baseSha))
    throw new Error(`cannot create a worktree of ${root}: base ${JSON.stringify(baseSha)} is not a full commit SHA`);
  const tree = options.tree ?? baseSha;
  if (!isFullSha(tree))
    throw new Error(`cannot create a worktree of ${root}: tree ${JSON.stringify(tree)} is not a full SHA`);
  const git = hardenedGit(root);
  const dir = options.dir ?? (await worktreeDirectory(options));
  // Known before git knows it: an interruption while it is made still removes it. The owner file
  // lets a later run remove it when this process is killed (`removeStaleWorktrees`).
  liveWorktrees.set(dir, root);
  await writeFile(ownerFile(dir), `${process.pid}\n`);
  try {
    const admin = await register(commonDir, dir, baseSha);
    // The index and the files, as `git worktree add` checks them out (`reset --hard`); no hook runs.
    // One index file, whole (no split index): it is kept as the seed of the worktree's diffs (`index-seed.ts`).
    await git.run(['-C', dir, '-c', 'core.splitIndex=false', 'read-tree', '--reset', '-u', tree], {
      what: `create a worktree of ${root} at ${tree}`,
    });
    commonDirs.set(dir, commonDir);
    await shareConfig(root, dir);
    const index = path.join(admin, 'index');
    const [bytes, stats] = await Promise.all([readFile(index), stat(index)]);
    rememberIndex(dir, { base: tree, bytes, mtimeMs: stats.mtimeMs });
  } catch (error) {
    await unregister(commonDir, dir).catch(() => {});
    await forceRemove(dir);
    liveWorktrees.delete(dir);
    // Asked only now: checking out a base that is not a commit fails less clearly.
    if (!(await hasCommit(git, baseSha)))
      throw new Error(`cannot create a worktree of ${root}: base ${baseSha} is not a commit in that repository`);
    throw error;
  }
  return { dir, repoDir: root, baseSha };
}

/** The worktrees this process made and has not removed yet, by directory, with their repository. */
const liveWorktrees = new Map<string, string>();

/** The shared git directory of each worktree this process made (where its administrative directory is). */
const commonDirs = new Map<string, string>();

/**
 * Removes every worktree this process made and has not removed yet: for a process that is being
 * interrupted (SIGINT), whose pending `finally` blocks will never run. It first lets the worktree
 * commands in flight finish (up to `waitMs`), so that none registers a worktree after the cleanup.
 * Returns the directories removed; a failure to remove one is skipped, not thrown.
 */
export async function removeLiveWorktrees(waitMs = 5_000): Promise<string[]> {
  const pending = Promise.allSettled([...inFlight]);
  await Promise.race([pending, new Promise((resolve) => setTimeout(resolve, waitMs).unref())]);
  const removed: string[] = [];
  for (const [dir, root] of liveWorktrees) {
    const git = (...args: string[]) =>
      spawnSync('git', ['-C', root, ...args], { stdio: 'ignore', env: { PATH: process.env['PATH'] ?? '' } });
    git('worktree', 'remove', '--force', '--force', dir);
    rmSync(dir, { recursive: true, force: true });
    rmSync(ownerFile(dir), { force: true });
    git('worktree', 'prune');
    liveWorktrees.delete(dir);
    removed.push(dir);
  }
  return removed;
}

/** Beside each worktree's directory: the id of the process that made it. */
const ownerFile = (dir: string) => `${dir}.owner`;

/** Whether process `pid` runs (on this machine: worktrees live in its temporary directory). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the worktrees of `repoDir` that an ensemble process made and could not remove because
 * it was killed (SIGKILL, a crash, a closed terminal): those whose owner file names a process that
 * no longer runs. A worktree without an owner file (made by someone else, or by an older version)
 * is never touched. Returns the directories removed.
 */
export async function removeStaleWorktrees(repoDir: string): Promise<string[]> {
  const { root, commonDir } = await repoInfo(repoDir);
  const dirs = (await registered(commonDir)).map((worktree) => worktree.dir);
  const removed: string[] = [];
  for (const dir of dirs) {
    if (dir === root || liveWorktrees.has(dir)) continue;
    const owner = Number.parseInt(await readFile(ownerFile(dir), 'utf8').catch(() => ''), 10);
    if (!Number.isInteger(owner) || owner <= 0 || isRunning(owner)) continue;
    await removeWorktree({ dir, repoDir: root, baseSha: '' });
    removed.push(dir);
  }
  return removed;
}

/**
 * Removes a worktree made by `createWorktree`, as `git worktree remove --force --force` does: the
 * directory, whatever state the commands left it in, then its administrative directory, found
 * from the repository's side, so a worktree whose `.git` file was damaged is still removed.
 */
export function removeWorktree(worktree: Worktree): Promise<void> {
  return tracked(dropWorktree(worktree));
}

async function dropWorktree(worktree: Worktree): Promise<void> {
  // Known for the worktrees this process made; asked of git for the others (`removeStaleWorktrees`).
  const commonDir = commonDirs.get(worktree.dir) ?? (await repoInfo(worktree.repoDir)).commonDir;
  try {
    await forceRemove(worktree.dir);
  } finally {
    await unregister(commonDir, worktree.dir);
    liveWorktrees.delete(worktree.dir);
    commonDirs.delete(worktree.dir);
    forgetIndex(worktree.dir);
  }
}

/**
 * Runs `fn` in a fresh detached worktree of `repoDir` at `baseSha` and always removes the
 * worktree afterwards, also when `fn` throws (then `fn`'s error is the one thrown).
 */
export async function withWorktree<T>(
  repoDir: string,
  baseSha: string,
  fn: (dir: string) => Promise<T>,
  options?: WorktreeOptions,
): Promise<T> {
  const worktree = await createWorktree(repoDir, baseSha, options);
  let result: T;
  try {
    result = await fn(worktree.dir);
  } catch (error) {
    await removeWorktree(worktree).catch(() => {});
    throw error;
  }
  await removeWorktree(worktree);
  return result;
}

/** Records every file of a worktree (tracked or not, not ignored) as a tree, to restore it later. */
export async function snapshotWorktree(dir: string): Promise<string> {
  const git = worktreeGit(dir);
  const what = `record the work tree of ${dir}`;
  // Stat information decides which files are hashed again: all of it, whatever the configuration says.
  await git.run(['-c', 'core.trustctime=true', '-c', 'core.checkStat=default', 'add', '--all'], { what });
  return git.text(['write-tree'], { what });
}

/**
 * Puts a worktree back to a recorded tree; untracked files that are not ignored go too, a nested
 * git repository among them (`-f -f`): left, the next recording would take it in as a submodule.
 */
export async function restoreWorktree(dir: string, tree: string): Promise<void> {
  const git = worktreeGit(dir);
  const what = `restore the work tree of ${dir}`;
  await git.run(['read-tree', '--reset', '-u', tree], { what });
  await git.run(['clean', '-f', '-f', '-d', '-q'], { what });
}

/** A tree a worktree's files were recorded as, with nothing written to the worktree since. */
export interface RecordedTree {
  tree: string;
  /** The worktree's own index holds `tree` already: it was written from that index, and only git wrote the files. */
  indexed?: boolean;
}

/**
 * Runs `fn` and then puts the worktree back the way it was before, also when `fn` throws: what
 * `fn` wrote outside ignored paths is undone (ignored paths such as node_modules keep it). The
 * worktree's index holds its files while `fn` runs (`indexForRun`).
 */
export async function restoringWorktree<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const before = await indexForRun(dir);
  try {
    return await fn();
  } finally {
    await restoreWorktree(dir, before);
  }
}

/**
 * Makes the worktree's index hold its files, for a command about to run there (a test command may
 * ask git what is tracked), and returns the tree to put back after it (`restoreWorktree`).
 * `recorded`: the tree the files were recorded as just before, read into the index (unless it holds
 * it already) instead of recording the files again.
 */
export async function indexForRun(dir: string, recorded?: RecordedTree): Promise<string> {
  if (recorded === undefined) return snapshotWorktree(dir);
  if (!recorded.indexed) {
    // Without `-u`: the files stay; entries whose content is unchanged keep their stat information.
    await worktreeGit(dir).run(['read-tree', '--reset', recorded.tree], { what: `record the work tree of ${dir}` });
  }
  return recorded.tree;
}

/** `rm -rf`, also through directories a command made unreadable or unwritable. */
async function forceRemove(dir: string): Promise<void> {
  await rm(ownerFile(dir), { force: true });
  try {
    await rm(dir, { recursive: true, force: true, maxRetries: 2 });
  } catch {
    await makeWritable(dir);
    await rm(dir, { recursive: true, force: true, maxRetries: 2 });
  }
}

async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o700).catch(() => {});
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isDirectory()) await makeWritable(path.join(dir, entry.name));
  }
}
