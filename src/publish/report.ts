/**
 * What `publish` tells people: the tracking comment on the issue (the plan action's comment,
 * updated to the outcome) and the step summary. Both say what happened (the pull request, or why
 * nothing was written), show every stage's result, and for what failed, where its artifacts are.
 */
import type { PlanDocument } from '../contracts/plan.ts';
import {
  blocks,
  fence,
  GITHUB_BODY_LIMIT,
  makeCtx,
  renderPlanMarkdown,
  STEP_SUMMARY_LIMIT,
  TRACKING_MARKER,
  table,
  truncateMarkdown,
} from '../render/index.ts';
import type { GitHubReviewEvent } from '../review/findings.ts';
import type { StageReport, StageState } from './artifacts.ts';

/**
 * `published`: the pull request is open and up to date. `refused`: the safe-output policy refused
 * the change. `invalid`: an artifact is not valid. `no-change`: there is nothing to publish.
 * `failed`: GitHub refused a write (the error says what to change).
 */
export type PublishStatus = 'published' | 'refused' | 'invalid' | 'no-change' | 'failed';

export interface PublishOutcome {
  status: PublishStatus;
  /** What went wrong and what to do, when not published. Plain text, already neutralised where it quotes artifacts. */
  error: string | null;
  /** The branch on GitHub, once pushed. */
  branch: string | null;
  pr: { number: number; url: string; outcome: 'created' | 'updated' | 'unchanged' } | null;
  review: { url: string; outcome: 'posted' | 'unchanged'; event: GitHubReviewEvent; blocking: boolean } | null;
  stages: StageReport[];
  notes: string[];
}

const STATE_ICON: Record<StageState, string> = { ok: '✅', warn: '⚠️', failed: '❌', skipped: '⏭️' };

const HEADLINE: Record<PublishStatus, string> = {
  published: 'ensemble opened a pull request',
  refused: 'ensemble refused to publish this change',
  invalid: 'ensemble could not publish: an artifact is not valid',
  'no-change': 'ensemble has nothing to publish',
  failed: 'ensemble could not finish publishing',
};

function safeUrl(url: string): string | null {
  return /^https?:\/\/[^\s<>"'`()]+$/.test(url) ? url : null;
}

export interface ReportOptions {
  runUrl: string;
  allowedHost: string;
}

function body(outcome: PublishOutcome, options: ReportOptions): string {
  const ctx = makeCtx({ allowedHost: options.allowedHost });
  const runUrl = safeUrl(options.runUrl);
  const run = runUrl ? `[workflow run](${runUrl})` : 'workflow run';
  const pr =
    outcome.pr && safeUrl(outcome.pr.url) ? `[#${outcome.pr.number}](${outcome.pr.url})` : outcome.pr ? `#${outcome.pr.number}` : null;
  const lines: string[] = [];
  if (pr) lines.push(`**Pull request:** ${pr} (${outcome.pr!.outcome}) from ${ctx.code(outcome.branch ?? '')}.`);
  else if (outcome.branch) lines.push(`**Branch:** ${ctx.code(outcome.branch)} was pushed, but no pull request is open.`);
  if (outcome.review) {
    const review = safeUrl(outcome.review.url) ? `[review](${outcome.review.url})` : 'review';
    const verdict = outcome.review.blocking ? 'changes requested' : 'comments';
    lines.push(
      `**Review:** ${review}, ${verdict}${outcome.review.outcome === 'unchanged' ? ' (unchanged since the last run, not posted again)' : ''}.`,
    );
  }
  const failed = outcome.stages.filter((s) => s.state === 'failed');
  const rows = outcome.stages.map((s) => [
    ctx.inline(s.stage),
    `${STATE_ICON[s.state]} ${ctx.inline(s.status)}`,
    s.detail.trim() === '' ? '—' : ctx.inline(s.detail.split('\n')[0] ?? ''),
  ]);
  const publishState: StageState = outcome.status === 'published' ? 'ok' : 'failed';
  rows.push(['publish', `${STATE_ICON[publishState]} ${outcome.status}`, pr ? `pull request ${pr}` : '—']);
  return blocks(
    `### ${outcome.status === 'published' ? '✅' : '🛑'} ${HEADLINE[outcome.status]}`,
    lines.join('\n'),
    outcome.error !== null && fence(outcome.error, 'text'),
    ctx.heading(2, 'Stages'),
    table(['Stage', 'Result', 'Details'], rows),
    failed.length > 0 &&
      `What failed: ${failed.map((s) => ctx.inline(s.stage)).join(', ')}. Their logs and artifacts (${failed.map((s) => ctx.code(s.artifact)).join(', ')}) are in the ${run}; re-run the failed jobs, or the whole run.`,
    outcome.notes.length > 0 && outcome.notes.map((n) => `- ${ctx.inline(n)}`).join('\n'),
    `<sub>Run: ${run}</sub>`,
  );
}

/** The tracking comment: its marker, the outcome, the stage table and the plan (folded). */
export function renderTrackingComment(outcome: PublishOutcome, plan: PlanDocument | null, options: ReportOptions): string {
  const planMarkdown = plan ? renderPlanMarkdown(plan, { allowedHost: options.allowedHost, limit: { unit: 'chars', max: 40_000 } }) : null;
  const markdown = blocks(
    TRACKING_MARKER,
    body(outcome, options),
    planMarkdown !== null && `<details>\n<summary>The plan</summary>\n\n${planMarkdown.trim()}\n\n</details>`,
  );
  return truncateMarkdown(`${markdown}\n`, GITHUB_BODY_LIMIT);
}

/** The step summary of the publish job. */
export function renderPublishSummary(outcome: PublishOutcome, options: ReportOptions): string {
  return truncateMarkdown(`${blocks('## ensemble publish', body(outcome, options))}\n`, STEP_SUMMARY_LIMIT);
}
