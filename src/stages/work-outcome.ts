import type { AgentOutcome } from '../agent/loop.ts';
import type { TaskStatus } from '../contracts/task.ts';
import { type PatchResult, protectedPathHits, touchedPaths } from '../workspace/index.ts';

/**
 * What an agent's work in its worktree came to, for the agents that change code (a coding task, a
 * fix round): the status it submitted, unless its change touches a protected path (failed, with
 * the paths named) or is empty (no-change); and why it stopped early, if it did.
 */
export function workOutcome(
  outcome: Pick<AgentOutcome<{ status: TaskStatus }>, 'result' | 'stop'>,
  diff: Pick<PatchResult, 'patch' | 'changes'>,
  options: { protectedPaths: readonly string[]; what: string },
): { status: TaskStatus; stopReason: string | null } {
  const protectedHits = protectedPathHits(touchedPaths(diff.changes), options.protectedPaths);
  if (protectedHits.length > 0) {
    const hits = protectedHits.map((h) => `"${h.path}" (protected by "${h.pattern}")`);
    return { status: 'failed', stopReason: `refused: the ${options.what} touches protected path ${hits.join(', ')}` };
  }
  const stopReason = outcome.stop ? `${outcome.stop.kind}: ${outcome.stop.message}` : null;
  const status = outcome.result?.status ?? 'failed';
  return { status: status === 'done' && diff.patch === '' ? 'no-change' : status, stopReason };
}
