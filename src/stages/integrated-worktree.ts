import type { AgentStage } from '../contracts/stages.ts';
import { hardenedGit, worktreeGit } from '../workspace/git.ts';
import { createWorktree, removeWorktree, type Worktree } from '../workspace/index.ts';
import { patchedTree } from '../workspace/patched-tree.ts';
import type { StageContext } from './context.ts';
import { StageError } from './errors.ts';

/**
 * A worktree at the run's base SHA whose index and files hold the base plus `changePatch` (the
 * integrated change): where review reads the change, docs documents it and a fix round changes it.
 * The tree is made once in a temporary index (`patchedTree`, shared by stages that run at the same
 * time) and checked out over the base (`git read-tree --reset -u`), as `git apply --index` would
 * leave it. Returns the worktree and that tree. Removed again, and a StageError of `stage` thrown,
 * when the change is empty or does not apply.
 */
export async function integratedWorktree(
  ctx: Pick<StageContext, 'repoDir' | 'run'>,
  stage: AgentStage,
  changePatch: string,
  prefix: string,
): Promise<{ worktree: Worktree; tree: string }> {
  if (changePatch.trim() === '') throw new StageError(stage, 'the change is empty: there is nothing to work on');
  const base = ctx.run.baseSha;
  const worktree = await createWorktree(ctx.repoDir, base, { prefix });
  try {
    const applied = await patchedTree(hardenedGit(worktree.repoDir), base, changePatch);
    if (!applied.ok) {
      throw new StageError(
        stage,
        `the change does not apply to the base commit ${base} ` +
          `(${applied.conflictingFiles.join(', ') || 'no file named'}): ${applied.detail}`,
      );
    }
    await worktreeGit(worktree.dir).run(['read-tree', '--reset', '-u', applied.tree], {
      what: `check out the change in ${worktree.dir}`,
    });
    return { worktree, tree: applied.tree };
  } catch (error) {
    await removeWorktree(worktree).catch(() => {});
    throw error;
  }
}
