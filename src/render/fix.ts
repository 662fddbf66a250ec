import type { FixDocument } from '../contracts/fix.ts';
import type { FixLoop, FixRoundResult } from '../review/fix-rounds.ts';
import { clip } from '../util/text.ts';
import { type Ctx, finish, makeCtx, type RenderOptions } from './context.ts';
import { blocks, formatCost, STEP_SUMMARY_LIMIT, table } from './markdown.ts';

/** Longest summary of a round shown in the table. */
const SUMMARY_CELL_CHARS = 300;

export const FIX_STATUS: Record<FixDocument['status'], string> = {
  done: '✅ done',
  'no-change': '➖ no change',
  failed: '❌ failed',
};

/** What the round's findings came to: fixed by id, left by id, or why nothing was checked. */
function outcomeCell(round: FixRoundResult, ctx: Ctx): string {
  if (round.test === null) return 'not re-tested';
  if (round.rejected !== null) return `not taken: ${ctx.inline(round.rejected)}`;
  if (round.reviews.length === 0) return 'not re-reviewed';
  const ids = (list: readonly string[]) => list.map((id) => ctx.code(id)).join(', ');
  const fixed = round.fixed.length > 0 ? `fixed ${ids(round.fixed)}` : 'fixed none';
  return round.remaining.length > 0 ? `${fixed}; left ${ids(round.remaining)}` : fixed;
}

/** Cost of a round: its fixing agent, its re-test and its re-review; `—` when any is not known. */
function roundCost(round: FixRoundResult): number | null {
  const usages = [round.document.usage, round.test?.document.usage, ...round.reviews.map((r) => r.usage)];
  let total = 0;
  for (const usage of usages) {
    if (!usage) continue;
    if (usage.costUsd === null) return null;
    total += usage.costUsd;
  }
  return total;
}

/**
 * The review → fix loop in the PR body: one row per round (the findings it was given, what came of
 * them, the re-test, the cost) and why the loop stopped; null when no round ran.
 */
export function fixSection(loop: FixLoop, ctx: Ctx): string | null {
  if (loop.rounds.length === 0) return null;
  const rows = loop.rounds.map((round) => [
    String(round.document.round),
    FIX_STATUS[round.document.status],
    round.document.findings.map((f) => `${ctx.code(f.id)} ${ctx.inline(clip(f.title, 80))}`).join('<br>') || '—',
    outcomeCell(round, ctx),
    round.test ? ctx.inline(round.test.document.status) : '—',
    formatCost(roundCost(round)),
    ctx.inline(clip(round.document.summary.trim(), SUMMARY_CELL_CHARS)),
  ]);
  return blocks(
    table(['Round', 'Fix', 'Findings given', 'Outcome', 'Re-test', 'Cost', 'Summary'], rows, 'rllllrl'),
    loop.stopped ? `The loop stopped: ${ctx.inline(loop.stopped)}.` : null,
  );
}

/** The fix loop as a step summary: its rounds, or that none was needed. */
export function renderFixMarkdown(loop: FixLoop, options: RenderOptions = {}): string {
  const ctx = makeCtx(options);
  const body = fixSection(loop, ctx) ?? 'No fix round ran: no finding of the review blocks.';
  return finish(blocks(ctx.heading(0, 'Fix rounds'), body), options, STEP_SUMMARY_LIMIT);
}
