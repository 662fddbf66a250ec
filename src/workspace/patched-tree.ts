import path from 'node:path';
import { type Git, isFullSha } from './git.ts';
import { FactCache } from './memo.ts';
import { type ApplyResult, applyInTurn, patchKey, withTempDir } from './patch.ts';

/**
 * Trees of "a tree plus a patch", made in a temporary index of the repository, without a work
 * tree: `git read-tree`, `git apply --cached` (straight, then 3-way), `git write-tree`. Three git
 * processes where a worktree costs a checkout, an apply and a recording; the objects land in the
 * repository's object store, where its worktrees see them too.
 *
 * A patch ensemble made is `git diff-tree --full-index --binary` of two trees, so applying it to
 * the first tree gives exactly the second: the tree of "base + change.patch" is the tree the
 * testing agent's worktree was recorded as, whichever stage (review, docs, publish) asks.
 */

/** A temporary index on one repository's git. */
export interface ScratchIndex {
  /** Makes the index hold exactly `treeish` (a commit or tree). */
  read(treeish: string): Promise<void>;
  /**
   * Applies `patch` to what the index holds: straight, then with a 3-way merge. When it does not
   * apply the index holds a half-applied state: `read` a tree again before writing.
   */
  apply(patch: string): Promise<ApplyResult>;
  /** Writes what the index holds as a tree object and returns its SHA. */
  write(): Promise<string>;
}

/** Runs `work` with a fresh temporary index of the repository of `git`, removed afterwards. */
export function withScratchIndex<T>(git: Git, work: (index: ScratchIndex) => Promise<T>): Promise<T> {
  return withTempDir('ensemble-index-', (tmp) => {
    const env = { GIT_INDEX_FILE: path.join(tmp, 'index') };
    const what = `build a tree in ${git.cwd}`;
    return work({
      async read(treeish) {
        await git.run(['read-tree', '--end-of-options', treeish], { env, what: `read ${treeish} in ${git.cwd}` });
      },
      apply: (patch) => applyInTurn(git, patch, { straight: ['--cached'], merged: ['--cached', '--3way'], env }),
      write: () => git.text(['write-tree'], { env, what }),
    });
  });
}

/** `from` plus a patch: the tree, or why the patch does not apply to it. */
export type PatchedTree = { ok: true; tree: string } | { ok: false; conflictingFiles: string[]; detail: string };

/**
 * Trees already made in this process, by repository, starting tree-ish and patch: review and docs
 * both work on "base + change.patch" at the same time, and publish commits that tree again.
 * Object SHAs name content, so a remembered tree never goes stale; a few are kept. A git that
 * failed to run (not a patch that does not apply) is not remembered.
 */
const made = new FactCache<PatchedTree>(32);

function madeKey(git: Git, from: string, patch: string): string {
  return `${path.resolve(git.cwd)}\0${from}\0${patchKey(patch)}`;
}

/**
 * The tree of tree-ish `from` plus `patch` in the repository of `git` (`withScratchIndex`), made
 * once per process for the same repository, `from` and patch.
 */
export function patchedTree(git: Git, from: string, patch: string): Promise<PatchedTree> {
  return made.of(madeKey(git, from, patch), () =>
    withScratchIndex(git, async (index): Promise<PatchedTree> => {
      await index.read(from);
      const applied = await index.apply(patch);
      if (!applied.ok) return { ok: false, conflictingFiles: applied.conflictingFiles, detail: applied.detail };
      return { ok: true, tree: await index.write() };
    }),
  );
}

/** The tree of `from` plus `patch` when this process made or learnt it already (`patchedTree`); else undefined. */
export function knownPatchedTree(git: Git, from: string, patch: string): Promise<PatchedTree> | undefined {
  return made.get(madeKey(git, from, patch));
}

/**
 * Records that `patch` applied to tree `from` gives tree `tree`, for a later `patchedTree`: only
 * for a patch that is `git diff-tree --full-index --binary` of exactly those two trees.
 */
export function rememberPatchedTree(git: Git, from: string, patch: string, tree: string): void {
  if (!isFullSha(from) || !isFullSha(tree)) return;
  made.set(madeKey(git, from, patch), Promise.resolve({ ok: true, tree }));
}
