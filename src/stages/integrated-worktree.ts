import type { AgentStage } from '../contracts/stages.ts';
import { hardenedGit, hasCommit } from '../workspace/git.ts';
import { createWorktree, type Worktree } from '../workspace/index.ts';
import { patchedTree } from '../workspace/patched-tree.ts';
import type { StageContext } from './context.ts';
import { StageError } from './errors.ts';

/**
 * A worktree at the run's base SHA whose index and files hold the base plus `changePatch` (the
 * integrated change): where review reads the change, docs documents it and a fix round changes it.
 * The tree is made once in a temporary index (`patchedTree`, shared by stages that run at the same
 * time) and the worktree is checked out at it, as `git apply --index` would leave it. Returns the
 * worktree and that tree. A StageError of `stage` is thrown, and no worktree made, when the change
 * is empty or does not apply.
 */
export async function integratedWorktree(
  ctx: Pick<StageContext, 'repoDir' | 'run'>,
  stage: AgentStage,
  changePatch: string,
  prefix: string,
): Promise<{ worktree: Worktree; tree: string }> {
  if (changePatch.trim() === '') throw new StageError(stage, 'the change is empty: there is nothing to work on');
  const base = ctx.run.baseSha;
  const git = hardenedGit(ctx.repoDir);
  const applied = await patchedTree(git, base, changePatch).catch(async (error: unknown) => {
    // Asked only now: a base that is not in the repository fails less clearly in git's own words.
    if (!(await hasCommit(git, base)))
      throw new StageError(stage, `the base ${base} is not a commit in ${ctx.repoDir}`);
    throw error;
  });
  if (!applied.ok) {
    throw new StageError(
      stage,
      `the change does not apply to the base commit ${base} ` +
        `(${applied.conflictingFiles.join(', ') || 'no file named'}): ${applied.detail}`,
    );
  }
  const worktree = await createWorktree(ctx.repoDir, base, { prefix, tree: applied.tree });
  return { worktree, tree: applied.tree };
}
