import type { Usage } from '../contracts/common.ts';
import { finish, makeCtx, type RenderOptions } from './context.ts';
import { formatCost, formatCount, formatDuration, STEP_SUMMARY_LIMIT, table } from './markdown.ts';

export interface UsageRow {
  /** `plan`, `code · api`, `review · security`, … */
  stage: string;
  /** null for a stage that did not run. */
  usage: Usage | null;
}

/** The documents a run produced, as far as it got. */
export interface RunDocuments {
  plan?: { usage: Usage } | null;
  tasks?: readonly { taskId: string; usage: Usage }[];
  test?: { usage: Usage } | null;
  reviews?: readonly { lens: string; usage: Usage | null }[];
  docs?: { usage: Usage } | null;
  /** Fix rounds: the fixing agent, the re-test and each lens of the re-review, per round. */
  rounds?: readonly FixRoundUsage[] | undefined;
}

export interface FixRoundUsage {
  document: { round: number; usage: Usage };
  test: { document: { usage: Usage } } | null;
  reviews: readonly { lens: string; usage: Usage | null }[];
}

/** One row per stage, task and lens, in pipeline order. */
export function usageRows(run: RunDocuments): UsageRow[] {
  return [
    ...(run.plan ? [{ stage: 'plan', usage: run.plan.usage }] : []),
    ...(run.tasks ?? []).map((t) => ({ stage: `code · ${t.taskId}`, usage: t.usage })),
    ...(run.test ? [{ stage: 'test', usage: run.test.usage }] : []),
    ...(run.reviews ?? []).map((r) => ({ stage: `review · ${r.lens}`, usage: r.usage })),
    ...(run.docs ? [{ stage: 'docs', usage: run.docs.usage }] : []),
    ...(run.rounds ?? []).flatMap((r) => {
      const round = r.document.round;
      return [
        { stage: `fix · round ${round}`, usage: r.document.usage },
        ...(r.test ? [{ stage: `test · round ${round}`, usage: r.test.document.usage }] : []),
        ...r.reviews.map((review) => ({ stage: `review · ${review.lens} · round ${round}`, usage: review.usage })),
      ];
    }),
  ];
}

/**
 * Tokens, cost and time per stage, with a total row when there is more than one stage. A cost
 * that is not known shows `—`, and so does the total then: never a guess.
 */
export function usageTable(rows: readonly UsageRow[], ctx = makeCtx()): string {
  const cells = (u: Usage | null): string[] =>
    u === null
      ? ['—', '—', '—', '—', '—', '—', '—', '—']
      : [
          u.model === '' ? '—' : ctx.code(u.model),
          formatCount(u.calls),
          formatCount(u.inputTokens),
          formatCount(u.outputTokens),
          formatCount(u.cacheReadTokens),
          formatCount(u.cacheWriteTokens),
          formatCost(u.costUsd),
          formatDuration(u.durationMs),
        ];
  const body = rows.map((r) => [ctx.inline(r.stage), ...cells(r.usage)]);
  const used = rows.map((r) => r.usage).filter((u): u is Usage => u !== null);
  if (rows.length > 1) {
    const sum = (pick: (u: Usage) => number) => used.reduce((total, u) => total + pick(u), 0);
    const cost = used.some((u) => u.costUsd === null) ? null : sum((u) => u.costUsd ?? 0);
    body.push([
      '**Total**',
      '',
      formatCount(sum((u) => u.calls)),
      formatCount(sum((u) => u.inputTokens)),
      formatCount(sum((u) => u.outputTokens)),
      formatCount(sum((u) => u.cacheReadTokens)),
      formatCount(sum((u) => u.cacheWriteTokens)),
      formatCost(cost),
      formatDuration(sum((u) => u.durationMs)),
    ]);
  }
  return table(
    ['Stage', 'Model', 'Calls', 'Input tokens', 'Output tokens', 'Cache read', 'Cache write', 'Cost', 'Duration'],
    body,
    'llrrrrrrr',
  );
}

/** Usage and cost per stage as a step summary (capped at 1 MiB unless `options.limit` says otherwise). */
export function renderUsageTable(rows: readonly UsageRow[], options: RenderOptions = {}): string {
  return finish(usageTable(rows, makeCtx(options)), options, STEP_SUMMARY_LIMIT);
}
