import type { AgentOutcome } from '../agent/loop.ts';
import type { TaskBody, TaskDocument } from '../contracts/task.ts';
import { type PatchResult, protectedPathHits, touchedPaths } from '../workspace/index.ts';

/** The part of a task's or a fix round's document that the agent's work decides. */
export type WorkRecord = Pick<TaskDocument, 'status' | 'summary' | 'commitMessage' | 'filesChanged' | 'stopReason'>;

/**
 * What an agent's work in its worktree came to, for the agents that change code (a coding task, a
 * fix round): the status it submitted, unless its change touches a protected path (failed, with
 * the paths named) or is empty (no-change); why it stopped early, if it did; its summary and
 * commit message, or what stands for them when it stopped before submitting; the files it changed.
 */
export function workOutcome(
  outcome: Pick<AgentOutcome<TaskBody>, 'result' | 'stop'>,
  diff: Pick<PatchResult, 'patch' | 'changes'>,
  options: {
    protectedPaths: readonly string[];
    /** `change`, `fix`: named in a refusal. */
    what: string;
    /** Where the partial work is kept: `task.patch`, `fix.patch`. */
    patchFile: string;
    /** The commit message when the agent wrote none. */
    fallbackMessage: string;
  },
): WorkRecord {
  const submitted = outcome.result;
  const left = diff.patch ? `Its partial change is in ${options.patchFile}.` : 'It changed nothing.';
  const record = {
    summary:
      submitted?.summary ??
      `The agent stopped before submitting (${outcome.stop?.message ?? 'no reason given'}). ${left}`,
    commitMessage: submitted?.commitMessage ?? options.fallbackMessage,
    filesChanged: diff.changes.map((c) => c.path),
  };
  const protectedHits = protectedPathHits(touchedPaths(diff.changes), options.protectedPaths);
  if (protectedHits.length > 0) {
    const hits = protectedHits.map((h) => `"${h.path}" (protected by "${h.pattern}")`);
    const stopReason = `refused: the ${options.what} touches protected path ${hits.join(', ')}`;
    return { ...record, status: 'failed', stopReason };
  }
  const stopReason = outcome.stop ? `${outcome.stop.kind}: ${outcome.stop.message}` : null;
  const status = submitted?.status ?? 'failed';
  return { ...record, status: status === 'done' && diff.patch === '' ? 'no-change' : status, stopReason };
}
