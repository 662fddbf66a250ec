import type { AgentStage } from '../contracts/stages.ts';
import { applyWithConflictMarkers, changeAgainstBase, createWorktree, removeWorktree } from '../workspace/index.ts';
import { restoreWorktree, snapshotWorktree } from '../workspace/worktree.ts';
import type { StageContext } from './context.ts';
import { StageError } from './errors.ts';

/**
 * The diff from the change `before` to the change `after` (both against the base SHA): what a fix
 * round changed, for the re-review. Made in a scratch worktree, removed afterwards.
 */
export async function changeBetween(
  ctx: Pick<StageContext, 'repoDir' | 'run'>,
  stage: AgentStage,
  before: string,
  after: string,
): Promise<string> {
  const worktree = await createWorktree(ctx.repoDir, ctx.run.baseSha, { prefix: `ensemble-${stage}-since-` });
  try {
    const base = await snapshotWorktree(worktree.dir);
    await applyOrThrow(worktree.dir, stage, before, 'the change before the fix round');
    const beforeTree = await snapshotWorktree(worktree.dir);
    await restoreWorktree(worktree.dir, base);
    await applyOrThrow(worktree.dir, stage, after, 'the change after the fix round');
    return (await changeAgainstBase(worktree.dir, beforeTree)).patch;
  } finally {
    await removeWorktree(worktree).catch(() => {});
  }
}

async function applyOrThrow(dir: string, stage: AgentStage, patch: string, what: string): Promise<void> {
  if (patch.trim() === '') return;
  const applied = await applyWithConflictMarkers(dir, patch);
  if (!applied.ok) throw new StageError(stage, `${what} does not apply to the base commit: ${applied.detail}`);
}
