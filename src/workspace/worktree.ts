import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hardenedGit, isFullSha, nulFields, worktreeGit } from './git.ts';
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
}

/**
 * `git worktree add`, `remove` and `prune` of one repository, one at a time: a `prune` that runs
 * while another task's `add` is half done deletes that worktree's administrative files, and an
 * `add` reads every other worktree's, so one half made by another `add` makes it fail ("failed to
 * read .git/worktrees/…/commondir"). Parallel tasks of one run share the repository.
 */
const worktreeLocks = new Map<string, Promise<unknown>>();

function exclusive<T>(root: string, work: () => Promise<T>): Promise<T> {
  const previous = worktreeLocks.get(root) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => {});
  worktreeLocks.set(root, settled);
  void settled.then(() => {
    if (worktreeLocks.get(root) === settled) worktreeLocks.delete(root);
  });
  return next;
}

/**
 * Creates a detached worktree of `repoDir` at `baseSha` in a fresh temporary directory. The
 * user's checkout, index and branches are not touched (only `.git/worktrees/<name>` is added).
 */
export async function createWorktree(
  repoDir: string,
  baseSha: string,
  options: WorktreeOptions = {},
): Promise<Worktree> {
  const { root } = await repoInfo(repoDir);
  if (!isFullSha(baseSha))
    throw new Error(`cannot create a worktree of ${root}: base ${JSON.stringify(baseSha)} is not a full commit SHA`);
  const git = hardenedGit(root);
  const dir = await realpath(
    await mkdtemp(path.join(options.tmpDir ?? os.tmpdir(), options.prefix ?? 'ensemble-worktree-')),
  );
  // Known before git knows it: an interruption while git adds it still removes it. The owner file
  // lets a later run remove it when this process is killed (`removeStaleWorktrees`).
  liveWorktrees.set(dir, root);
  await writeFile(ownerFile(dir), `${process.pid}\n`);
  const added = await exclusive(root, () =>
    git.run(['worktree', 'add', '--detach', '--quiet', dir, baseSha], {
      what: `create a worktree of ${root} at ${baseSha}`,
    }),
  ).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  if (added instanceof Error) {
    await forceRemove(dir);
    await exclusive(root, () => git.run(['worktree', 'prune'], { okCodes: [0, 1, 128] }));
    liveWorktrees.delete(dir);
    // Asked only now: `worktree add` itself refuses a base that is not a commit, less clearly.
    const exists = await git.run(['cat-file', '-e', `${baseSha}^{commit}`], { okCodes: [0, 1, 128] });
    if (exists.code !== 0)
      throw new Error(`cannot create a worktree of ${root}: base ${baseSha} is not a commit in that repository`);
    throw added;
  }
  return { dir, repoDir: root, baseSha };
}

/** The worktrees this process made and has not removed yet, by directory, with their repository. */
const liveWorktrees = new Map<string, string>();

/**
 * Removes every worktree this process made and has not removed yet: for a process that is being
 * interrupted (SIGINT), whose pending `finally` blocks will never run. It first lets the worktree
 * commands in flight finish (up to `waitMs`), so that none registers a worktree after the cleanup.
 * Returns the directories removed; a failure to remove one is skipped, not thrown.
 */
export async function removeLiveWorktrees(waitMs = 5_000): Promise<string[]> {
  const inFlight = Promise.allSettled([...worktreeLocks.values()]);
  await Promise.race([inFlight, new Promise((resolve) => setTimeout(resolve, waitMs).unref())]);
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
  const { root } = await repoInfo(repoDir);
  const git = hardenedGit(root);
  const listed = await git.run(['worktree', 'list', '--porcelain', '-z'], { okCodes: [0, 128] });
  if (listed.code !== 0) return [];
  const dirs = nulFields(listed.stdout)
    .filter((field) => field.startsWith('worktree '))
    .map((field) => field.slice('worktree '.length));
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
 * Removes a worktree made by `createWorktree`: `git worktree remove --force --force`, then the
 * directory itself whatever state the commands left it in, then, when git could not remove it,
 * `git worktree prune`. Run from the main repository, so a worktree whose `.git` file was damaged
 * is still removed.
 */
export async function removeWorktree(worktree: Worktree): Promise<void> {
  const git = hardenedGit(worktree.repoDir);
  const removed = await exclusive(worktree.repoDir, () =>
    git.run(['worktree', 'remove', '--force', '--force', worktree.dir], { okCodes: [0, 1, 128] }),
  );
  await forceRemove(worktree.dir);
  // A removed worktree leaves nothing to prune; one git could not remove (a damaged `.git` file)
  // leaves its administrative files, which a prune deletes now that the directory is gone.
  const pruned =
    removed.code === 0
      ? removed
      : await exclusive(worktree.repoDir, () => git.run(['worktree', 'prune'], { okCodes: [0, 1, 128] }));
  liveWorktrees.delete(worktree.dir);
  if (pruned.code !== 0) {
    throw new Error(
      `could not prune the worktree ${worktree.dir} of ${worktree.repoDir}: ` +
        `${pruned.stderr || removed.stderr || `git exited with ${pruned.code}`}`,
    );
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
  await git.run(['add', '--all'], { what: `record the work tree of ${dir}` });
  return git.text(['write-tree'], { what: `record the work tree of ${dir}` });
}

/** Puts a worktree back to a recorded tree; untracked files that are not ignored go too. */
export async function restoreWorktree(dir: string, tree: string): Promise<void> {
  const git = worktreeGit(dir);
  const what = `restore the work tree of ${dir}`;
  await git.run(['read-tree', '--reset', '-u', tree], { what });
  await git.run(['clean', '-f', '-d', '-q'], { what });
}

/**
 * Runs `fn` and then puts the worktree back the way it was before, also when `fn` throws: what
 * `fn` wrote outside ignored paths is undone (ignored paths such as node_modules keep it).
 */
export async function restoringWorktree<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const before = await snapshotWorktree(dir);
  try {
    return await fn();
  } finally {
    await restoreWorktree(dir, before);
  }
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
