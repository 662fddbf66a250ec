import type { IntegrationResult } from '../contracts/test-report.ts';
import { clip } from '../util/text.ts';
import { describeHits } from './errors.ts';
import { type Git, isFullSha, worktreeGit } from './git.ts';
import { protectedPathHits } from './glob.ts';
import { applyWithConflictMarkers, diffAgainstBase, diffTrees, type FileChange, pathsReadTwice } from './patch.ts';
import { headAndChanges } from './repo.ts';
import { withWorktree } from './worktree.ts';

export interface TaskPatch {
  taskId: string;
  /** The task's patch against the base SHA ('' for no change). */
  patch: string;
}

export interface IntegrateOptions {
  /** `protected-paths` from the configuration. */
  protectedPaths: readonly string[];
  /**
   * Integrate in this worktree (clean, at the base) and leave it in the integrated state, for
   * the testing agent to resolve conflicts (`applyWithConflictMarkers`) and run tests in.
   * Without it a temporary worktree is made and removed.
   */
  worktreeDir?: string;
  /**
   * `worktreeDir` was made at the base for this integration, and nothing but ignored files (an
   * install given to it) was written to it since. Then it is not checked, its index needs no
   * refresh, and the integrated tree is written from its index, which only git changed: exactly
   * what the patches make, a file one task added under another task's new ignore rule included
   * (as that task's own commit holds it), where a recording of the files would leave it out.
   */
  fresh?: boolean;
}

export interface Integration {
  /** One per task patch, in the order given (the `IntegrationResult` contract). */
  results: IntegrationResult[];
  /** The integrated change against the base (binary-safe); '' when nothing applied. */
  patch: string;
  changes: FileChange[];
  /** The integrated tree. */
  tree: string;
  /** The worktree's own index holds `tree` (a fresh worktree: only git wrote it). */
  indexed: boolean;
}

const MAX_DETAIL = 4_000;

/**
 * Applies the task patches, in dependency order, onto `baseSha`, each one straight or with a
 * 3-way merge (see `applyWithConflictMarkers`). Never throws for a task's patch; each gets a
 * result:
 * - `applied`;
 * - `skipped` with detail `no change` for an empty patch;
 * - `skipped` with the protected paths named, before anything is applied, for a patch that
 *   touches a path `protectedPaths` matches (either side of a rename, from both this module's
 *   parser and git's own reading of the patch). It is refused rather than thrown so that the
 *   other tasks still integrate and the test report names the refusal per task; the publisher
 *   checks the final change again and refuses to write anything protected;
 * - `skipped` with git's message for a patch git cannot read;
 * - `conflicted` with the conflicting files (unmerged index entries, else the files git named)
 *   and git's message: that attempt is undone, so the tree stays at the previous good state
 *   and later tasks still integrate.
 * The caller marks a conflict `resolved` after its resolution step.
 */
export async function integratePatches(
  repoDir: string,
  baseSha: string,
  patches: readonly TaskPatch[],
  options: IntegrateOptions,
): Promise<Integration> {
  if (!isFullSha(baseSha))
    throw new Error(`cannot integrate in ${repoDir}: base ${JSON.stringify(baseSha)} is not a full commit SHA`);
  const { protectedPaths } = options;
  if (options.worktreeDir) {
    const dir = options.worktreeDir;
    return integrateIn({ dir, baseSha, patches, protectedPaths, fresh: options.fresh === true });
  }
  return withWorktree(repoDir, baseSha, (dir) => integrateIn({ dir, baseSha, patches, protectedPaths, fresh: true }));
}

async function integrateIn(input: {
  dir: string;
  baseSha: string;
  patches: readonly TaskPatch[];
  protectedPaths: readonly string[];
  fresh: boolean;
}): Promise<Integration> {
  const { dir, baseSha, patches, protectedPaths, fresh } = input;
  const git = worktreeGit(dir);
  if (!fresh) await assertCleanAtBase(git, baseSha);
  // The tree to go back to when a patch conflicts, recorded only then (`beforeMerge`).
  let goodTree: string | null = null;
  // A fresh worktree's index is as git wrote it: nothing to refresh.
  let refreshed = fresh;
  const applied: string[] = [];
  const results: IntegrationResult[] = [];
  for (const { taskId, patch } of patches) {
    if (patch.trim() === '') {
      results.push({ taskId, result: 'skipped', conflictingFiles: [], detail: 'no change' });
      continue;
    }
    let paths: string[];
    try {
      paths = await pathsReadTwice(patch);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.push({
        taskId,
        result: 'skipped',
        conflictingFiles: [],
        detail: clip(`the patch of task ${taskId} is not a patch git can read: ${message}`, MAX_DETAIL),
      });
      continue;
    }
    if (paths.includes('')) {
      results.push({
        taskId,
        result: 'skipped',
        conflictingFiles: [],
        detail: `the patch of task ${taskId} has a file section whose paths cannot be read`,
      });
      continue;
    }
    const hits = protectedPathHits(paths, protectedPaths);
    if (hits.length > 0) {
      results.push({
        taskId,
        result: 'skipped',
        conflictingFiles: [],
        detail: clip(
          `refused: the patch of task ${taskId} touches ` +
            `protected ${hits.length === 1 ? 'path' : 'paths'} ${describeHits(hits)}`,
          MAX_DETAIL,
        ),
      });
      continue;
    }
    // The index is refreshed once: after that only `apply --index` writes the worktree.
    const outcome = await applyWithConflictMarkers(dir, patch, {
      refresh: !refreshed,
      beforeMerge: async () => {
        goodTree = await git.text(['write-tree'], { what: `record the integrated tree before task ${taskId}` });
      },
    });
    refreshed = true;
    if (outcome.ok) {
      applied.push(taskId);
      results.push({
        taskId,
        result: 'applied',
        conflictingFiles: [],
        detail: outcome.method === '3way' ? 'applied with a 3-way merge' : '',
      });
      continue;
    }
    if (goodTree === null) throw new Error(`integrating task ${taskId}: the tree before its patch was not recorded`);
    await restore(dir, goodTree, taskId);
    const onto = applied.length > 0 ? `the base with ${applied.join(', ')} applied` : 'the base';
    results.push({
      taskId,
      result: 'conflicted',
      conflictingFiles: outcome.conflictingFiles,
      detail: clip(
        `the patch of task ${taskId} conflicts with ${onto} ` +
          `in ${outcome.conflictingFiles.join(', ')}; git said: ${outcome.detail}`,
        MAX_DETAIL,
      ),
    });
  }
  // In a fresh worktree only `apply --index` (and an undone attempt's `read-tree -u`) wrote the files,
  // the index with them: it holds the integrated tree.
  const { patch, changes, tree } = fresh
    ? await diffTrees(git, baseSha, await git.text(['write-tree'], { what: `record the integrated tree in ${dir}` }))
    : await diffAgainstBase(dir, baseSha);
  return { results, patch, changes, tree, indexed: fresh };
}

async function assertCleanAtBase(git: Git, baseSha: string): Promise<void> {
  const { head, dirty } = await headAndChanges(git);
  if (head === baseSha && dirty.length === 0) return;
  throw new Error(
    `cannot integrate in ${git.cwd}: the worktree must be clean and at the base ${baseSha} ` +
      `(HEAD is ${head}${dirty.length ? `; changed: ${dirty.slice(0, 10).join(', ')}` : ''})`,
  );
}

/** Puts index and work tree back to `tree` after a failed attempt, and checks that they are. */
async function restore(dir: string, tree: string, taskId: string): Promise<void> {
  const git = worktreeGit(dir);
  const what = `undo the attempt of task ${taskId} in ${dir}`;
  await git.run(['read-tree', '--reset', '-u', tree], { what });
  const now = await git.text(['write-tree'], { what });
  const files = await git.run(['diff-files', '--quiet'], { okCodes: [0, 1], what });
  const others = await git.text(['ls-files', '--others', '--exclude-standard'], { what });
  if (now !== tree || files.code !== 0 || others !== '') {
    throw new Error(`${what}: the worktree did not return to the previous state (tree ${now}, expected ${tree})`);
  }
}
