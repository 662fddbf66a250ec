import type { ToolContext } from '../agent/tools/index.ts';
import { changeAgainstBase, type PatchResult } from '../workspace/index.ts';

type Change = Omit<PatchResult, 'tree'>;

/**
 * An agent's change, diffed while its next model call is in flight: after a turn whose tools may
 * have written (`ToolContext.writes`), a diff of the worktree starts once the call has been out
 * for `AHEAD_AFTER_MS`, so that the diff after the agent's last turn is usually made already,
 * hidden by the call's latency. A diff counts only when no writing tool ran after it started;
 * otherwise, and when it failed, `change` diffs again.
 * - The wait keeps diffs from being made for nothing when replies come at once (a replay, a
 *   local model): the next turn's writes would make them stale before they end.
 * - The diffs record the worktree through a temporary index (`changeAgainstBase`), so one running
 *   beside a tool changes nothing the tool sees.
 * - Diffs made ahead take turns across the process (`lane`): agents working side by side would
 *   otherwise crowd the machine's cores just as their next requests go out.
 */
export interface ChangeAhead {
  /** For `StageAgent.afterTools`. */
  afterTools(tools: ToolContext): void;
  /** The worktree's change once the agent is done. No diff is left running when it returns. */
  change(tools: ToolContext): Promise<Change>;
}

/** How long a model call must have been out before a diff is made ahead of its reply. */
export const AHEAD_AFTER_MS = 25;

/** The diffs made ahead by every agent of this process, one after the other. */
let lane: Promise<unknown> = Promise.resolve();

/** `from`: the tree the change is taken against, known once the worktree is made. */
export function changeAhead(dir: string, from: () => Promise<string>): ChangeAhead {
  // The latest diff made ahead, and the count of writing calls it saw.
  let ahead: { writes: number; change: Promise<Change | null> } | null = null;
  let waiting: { timer: NodeJS.Timeout; writes: number } | null = null;
  const diff = async () => changeAgainstBase(dir, await from());
  const start = (tools: ToolContext, writes: number) => {
    waiting = null;
    // A writing tool ran since: that turn's end waits for its own call.
    if (tools.writes !== writes) return;
    const change = lane.then(diff).catch(() => null);
    lane = change;
    ahead = { writes, change };
  };
  return {
    afterTools(tools) {
      const { writes } = tools;
      if (writes === 0 || ahead?.writes === writes || waiting?.writes === writes) return;
      if (waiting) clearTimeout(waiting.timer);
      waiting = { timer: setTimeout(start, AHEAD_AFTER_MS, tools, writes), writes };
    },
    async change(tools) {
      if (waiting) clearTimeout(waiting.timer);
      const current = ahead?.writes === tools.writes ? await ahead.change : null;
      await ahead?.change;
      return current ?? diff();
    },
  };
}
