/**
 * What `publish` tells people: the tracking comment on the issue (the plan action's comment,
 * updated to the outcome) and the step summary. Both say what happened (the pull request, or why
 * nothing was written), show every stage's result, and for what failed, where its artifacts are.
 * `report` is the last step of `publishToGitHub`: it writes the comment and returns the result.
 */
import { noModelUsage } from '../contracts/common.ts';
import type { PlanDocument } from '../contracts/plan.ts';
import type { PublishDocument, PublishedCommit } from '../contracts/publish.ts';
import { upsertMarkedComment } from '../github/issues.ts';
import type { GitHubClient } from '../github/octokit.ts';
import {
  blocks,
  carryActivity,
  fence,
  GITHUB_BODY_LIMIT,
  makeCtx,
  renderGateRecord,
  renderPlanMarkdown,
  STEP_SUMMARY_LIMIT,
  TRACKING_MARKER,
  table,
  truncateMarkdown,
} from '../render/index.ts';
import type { GitHubReviewEvent } from '../review/findings.ts';
import type { StageReport, StageState } from './artifacts.ts';
import type { RemoteRepo } from './git-data.ts';
import { checkSafeOutputs, type SafeOutputsOptions } from './policy.ts';

/**
 * `published`: the pull request is open and up to date. `refused`: the safe-output policy refused
 * the change. `invalid`: an artifact is not valid. `no-change`: there is nothing to publish.
 * `stopped`: the issue was closed or locked meanwhile, or another publish is writing to it.
 * `failed`: GitHub refused a write (the error says what to change).
 */
export type PublishStatus = 'published' | 'refused' | 'invalid' | 'no-change' | 'stopped' | 'failed';

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
  stopped: 'ensemble stopped before publishing',
  failed: 'ensemble could not finish publishing',
};

function safeUrl(url: string): string | null {
  return /^https?:\/\/[^\s<>"'`()]+$/.test(url) ? url : null;
}

/** The pull request in Markdown: a link when its URL is safe, else its number; `null` when there is none. */
function pullRequestRef(pr: PublishOutcome['pr']): string | null {
  if (!pr) return null;
  return safeUrl(pr.url) ? `[#${pr.number}](${pr.url})` : `#${pr.number}`;
}

export interface ReportOptions {
  runUrl: string;
  allowedHost: string;
  /** Whether the repository's CI starts on the pull request (`ciNote`); shown once there is one. */
  ci?: string | null;
}

function body(outcome: PublishOutcome, options: ReportOptions): string {
  const ctx = makeCtx({ allowedHost: options.allowedHost });
  const runUrl = safeUrl(options.runUrl);
  const run = runUrl ? `[workflow run](${runUrl})` : 'workflow run';
  const pr = pullRequestRef(outcome.pr);
  const lines: string[] = [];
  if (pr) lines.push(`**Pull request:** ${pr} (${outcome.pr!.outcome}) from ${ctx.code(outcome.branch ?? '')}.`);
  else if (outcome.branch)
    lines.push(`**Branch:** ${ctx.code(outcome.branch)} was pushed, but no pull request is open.`);
  if (outcome.review) {
    const review = safeUrl(outcome.review.url) ? `[review](${outcome.review.url})` : 'review';
    const verdict = outcome.review.blocking ? 'changes requested' : 'comments';
    const again = outcome.review.outcome === 'unchanged' ? ' (unchanged since the last run, not posted again)' : '';
    lines.push(`**Review:** ${review}, ${verdict}${again}.`);
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
      `What failed: ${failed.map((s) => ctx.inline(s.stage)).join(', ')}. ` +
        `Their logs and artifacts (${failed.map((s) => ctx.code(s.artifact)).join(', ')}) are in the ${run}; ` +
        're-run the failed jobs, or the whole run.',
    outcome.notes.length > 0 && outcome.notes.map((n) => `- ${ctx.inline(n)}`).join('\n'),
    pr !== null && options.ci,
    `<sub>Run: ${run}</sub>`,
  );
}

/** The tracking comment: its marker, the outcome, the stage table and the plan (folded). */
export function renderTrackingComment(
  outcome: PublishOutcome,
  plan: PlanDocument | null,
  options: ReportOptions,
): string {
  const planMarkdown = plan
    ? renderPlanMarkdown(plan, { allowedHost: options.allowedHost, limit: { unit: 'chars', max: 40_000 } })
    : null;
  // Who approved the plan and what was asked before it, in view: the record of the gates it passed.
  const gate = plan ? renderGateRecord(plan.gate, { allowedHost: options.allowedHost }) : '';
  const markdown = blocks(
    TRACKING_MARKER,
    body(outcome, options),
    gate !== '' && gate.trim(),
    planMarkdown !== null && `<details>\n<summary>The plan</summary>\n\n${planMarkdown.trim()}\n\n</details>`,
  );
  return truncateMarkdown(`${markdown}\n`, GITHUB_BODY_LIMIT);
}

/** The step summary of the publish job. */
export function renderPublishSummary(outcome: PublishOutcome, options: ReportOptions): string {
  return truncateMarkdown(`${blocks('## ensemble publish', body(outcome, options))}\n`, STEP_SUMMARY_LIMIT);
}

// ---------------------------------------------------------------------------------------------
// the last step

/** What `writeToGitHub` wrote, also when a write failed part of the way. */
export interface Written {
  /** The branch, once it points at the commits. */
  branch: string | null;
  /** The commits on GitHub, once the branch points at them. */
  commits: PublishedCommit[];
  pr: PublishOutcome['pr'];
  review: PublishOutcome['review'];
  reviewId: number | null;
  /** Things a user should know (GitHub refused the inline comments' placement). */
  notes: string[];
}

export const NOTHING_WRITTEN: Written = {
  branch: null,
  commits: [],
  pr: null,
  review: null,
  reviewId: null,
  notes: [],
};

/** How the publish ended, for `report`. */
export interface Finished {
  status: PublishStatus;
  /** What to tell the user when not published. */
  error: string | null;
  stages: StageReport[];
  notes: string[];
  /** The PR body (sanitised once the policy passed) and review body as rendered, when they were. */
  bodies: { prBody: string | null; reviewBody: string | null };
  written: Written;
  /** Why the tracking comment is not written (`PublishStop.withhold`); the step summary says it. */
  withhold?: string | undefined;
}

export interface PublishResult {
  status: PublishStatus;
  /** What to tell the user when not published (the step fails with it). */
  error: string | null;
  /** The `ensemble-publish` document. */
  document: PublishDocument;
  outcome: PublishOutcome;
  /** The step summary. */
  summary: string;
  /** The PR body and review body as rendered (for the artifact), when they were. */
  prBody: string | null;
  reviewBody: string | null;
  /** Stages that failed while the pull request was still published. */
  warnings: string[];
}

export interface ReportContext extends ReportOptions {
  octokit: GitHubClient;
  repo: RemoteRepo;
  plan: PlanDocument;
  /** ensemble's branch for the run, written or not. */
  branch: string;
  /** The report is checked against the same policy as everything else. */
  policy: SafeOutputsOptions;
  log: { warn(message: string): void };
}

/**
 * Tells people how the publish ended: updates the tracking comment (for an issue; a failure to
 * is a warning, not an error) and returns the result, with the step summary and the
 * `ensemble-publish` document.
 */
export async function report(finished: Finished, context: ReportContext): Promise<PublishResult> {
  const { status, written, stages, withhold } = finished;
  const { pr, review } = written;
  const notes = withhold ? [...finished.notes, `The tracking comment was not updated: ${withhold}.`] : finished.notes;
  const shown: PublishOutcome = { status, error: finished.error, branch: written.branch, pr, review, stages, notes };
  const { outcome, comment, summary } = await safeReport(shown, context);
  const commentId = withhold ? null : await updateTrackingComment(comment, context);
  const document: PublishDocument = {
    schema: 'ensemble.publish/v1',
    run: context.plan.run,
    usage: noModelUsage(),
    branch: context.branch,
    commits: written.commits,
    prNumber: written.pr?.number ?? null,
    prUrl: written.pr?.url ?? null,
    reviewId: written.reviewId,
    commentId,
  };
  const warnings = stages.filter((s) => s.state === 'failed').map(stageWarning);
  const { prBody, reviewBody } = finished.bodies;
  return { status, error: outcome.error, document, outcome, summary, prBody, reviewBody, warnings };
}

function stageWarning(stage: StageReport): string {
  if (!stage.detail) return `${stage.stage}: ${stage.status}`;
  return `${stage.stage}: ${stage.status} (${stage.detail.split('\n')[0]})`;
}

/** The tracking comment's id, or null when there is no issue or it could not be updated. */
async function updateTrackingComment(body: string, context: ReportContext): Promise<number | null> {
  const { issue } = context.plan.run;
  if (issue === null) return null;
  const { owner, repo } = context.repo;
  try {
    // The activity rows written after the pull request (CI repairs, …) are kept across this rewrite.
    const transform = (previous: string | null) => carryActivity(previous, body);
    const params = { owner, repo, issue_number: issue, marker: TRACKING_MARKER, body, transform };
    const upserted = await upsertMarkedComment(context.octokit, params);
    return upserted.id;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    context.log.warn(`the tracking comment on issue #${issue} could not be updated: ${message}`);
    return null;
  }
}

export const WITHHELD = 'withheld: it contains a credential or a secret value; see the run';

/** Whether `text` passes the policy's checks on texts (credentials, secret values, mention floods). */
async function passesTextPolicy(text: string, policy: SafeOutputsOptions): Promise<boolean> {
  const texts = { report: { label: 'report', text, kind: 'body' as const } };
  const checked = await checkSafeOutputs({ patches: [], texts }, policy);
  return checked.ok;
}

/**
 * The report (tracking comment and step summary) with every stage detail and note withheld when
 * it would otherwise carry a credential or a secret value (a task's stop reason quoting one, say),
 * and without the plan when even that is not enough: the report is written even when the policy
 * refused everything else, so it is checked too. The error message is ensemble's own (a refusal
 * names a credential by its kind and masked prefix, a secret by its name and length), so it is
 * left out of the check: a refusal of a private key block names its header line.
 */
async function safeReport(
  outcome: PublishOutcome,
  context: ReportContext,
): Promise<{ outcome: PublishOutcome; comment: string; summary: string }> {
  const render = (o: PublishOutcome, p: PlanDocument | null) => ({
    outcome: o,
    comment: renderTrackingComment(o, p, context),
    summary: renderPublishSummary(o, context),
  });
  const clean = async (o: PublishOutcome, p: PlanDocument | null) => {
    const shown = render({ ...o, error: null }, p);
    return passesTextPolicy(`${shown.comment}\n${shown.summary}`, context.policy);
  };
  const { plan } = context;
  if (await clean(outcome, plan)) return render(outcome, plan);
  const redacted: PublishOutcome = {
    ...outcome,
    stages: outcome.stages.map((s) => ({ ...s, detail: s.detail === '' ? '' : WITHHELD })),
    notes: outcome.notes.length > 0 ? [WITHHELD] : [],
  };
  return render(redacted, (await clean(redacted, plan)) ? plan : null);
}
