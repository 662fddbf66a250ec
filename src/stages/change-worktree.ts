import type { AgentStage } from '../contracts/stages.ts';
import { hardenedGit } from '../workspace/git.ts';
import { diffTrees } from '../workspace/patch.ts';
import { patchedTree } from '../workspace/patched-tree.ts';
import type { StageContext } from './context.ts';
import { StageError } from './errors.ts';

/**
 * The diff from the change `before` to the change `after` (both against the base SHA): what a fix
 * round changed, for the re-review. Both trees are "base plus patch" (`patchedTree`, made in a
 * scratch index, and usually made already by the stages that worked on them); no worktree.
 */
export async function changeBetween(
  ctx: Pick<StageContext, 'repoDir' | 'run'>,
  stage: AgentStage,
  before: string,
  after: string,
): Promise<string> {
  const git = hardenedGit(ctx.repoDir);
  const treeOf = async (patch: string, what: string): Promise<string> => {
    if (patch.trim() === '') return ctx.run.baseSha;
    const applied = await patchedTree(git, ctx.run.baseSha, patch);
    if (!applied.ok) throw new StageError(stage, `${what} does not apply to the base commit: ${applied.detail}`);
    return applied.tree;
  };
  const from = await treeOf(before, 'the change before the fix round');
  const to = await treeOf(after, 'the change after the fix round');
  return (await diffTrees(git, from, to)).patch;
}
