import type { ToolContext } from '../agent/tools/index.ts';
import { changeAgainstBase, type PatchResult } from '../workspace/index.ts';

type Change = Omit<PatchResult, 'tree'>;

/**
 * An agent's change, diffed while its next model call is in flight: after a turn whose tools may
 * have written (`ToolContext.writes`), a diff of the worktree starts once the call has been out
 * for `AHEAD_AFTER_MS`, so that the diff after the agent's last turn is usually made already,
 * hidden by the call's latency. A diff counts only when no writing tool ran after it started;
 * otherwise, and when it failed or was cancelled, `change` diffs again.
 * - The wait keeps diffs from being made for nothing when replies come at once (a replay, a
 *   local model): the next turn's writes would make them stale before they end.
 * - No diff runs while a tool does (`settle`, before every turn's tools): git reading a worktree
 *   outside the sandbox while a command inside it swaps a file for a link could read a file from
 *   outside the worktree into the object store the command can read.
 * - Diffs made ahead take turns across the process (`lane`): agents working side by side would
 *   otherwise crowd the machine's cores just as their next requests go out. One cancelled before
 *   its turn never runs, so an agent that finishes waits for no other agent's stale diff.
 */
export interface ChangeAhead {
  /** For `StageAgent.afterTools`: schedules a diff if the turn's tools may have written. */
  afterTools(tools: ToolContext): void;
  /**
   * For `StageAgent.beforeTools`, and before the worktree goes: no diff is scheduled, queued or
   * running once it resolves (a queued one is cancelled, a running one awaited).
   */
  settle(): Promise<void>;
  /** The worktree's change once the agent is done. No diff is left running when it returns. */
  change(tools: ToolContext): Promise<Change>;
}

/** How long a model call must have been out before a diff is made ahead of its reply. */
export const AHEAD_AFTER_MS = 25;

/** The diffs made ahead by every agent of this process, one after the other. */
let lane: Promise<unknown> = Promise.resolve();

/** A diff made ahead: the count of writing calls it saw, and its change (null if it failed or was cancelled). */
interface Ahead {
  writes: number;
  started: boolean;
  cancelled: boolean;
  change: Promise<Change | null>;
}

/** `from`: the tree the change is taken against, known once the worktree is made. */
export function changeAhead(dir: string, from: () => Promise<string>): ChangeAhead {
  let ahead: Ahead | null = null;
  let waiting: { timer: NodeJS.Timeout; writes: number } | null = null;
  const diff = async () => changeAgainstBase(dir, await from());
  const queue = (writes: number) => {
    const made: Ahead = { writes, started: false, cancelled: false, change: Promise.resolve(null) };
    made.change = lane.then(async () => {
      if (made.cancelled) return null;
      made.started = true;
      return diff().catch(() => null);
    });
    lane = made.change;
    ahead = made;
  };
  const stopWaiting = () => {
    if (waiting) clearTimeout(waiting.timer);
    waiting = null;
  };
  const settle = async () => {
    stopWaiting();
    if (!ahead) return;
    if (!ahead.started) ahead.cancelled = true;
    await ahead.change;
  };
  return {
    afterTools(tools) {
      const { writes } = tools;
      if (writes === 0 || ahead?.writes === writes || waiting?.writes === writes) return;
      stopWaiting();
      const timer = setTimeout(() => {
        waiting = null;
        queue(writes);
      }, AHEAD_AFTER_MS);
      waiting = { timer, writes };
    },
    settle,
    async change(tools) {
      stopWaiting();
      const current = ahead?.writes === tools.writes && !ahead.cancelled ? await ahead.change : null;
      await settle();
      return current ?? diff();
    },
  };
}
