/**
 * The plan job's tracking comment on the issue: the one write to GitHub outside `publish`, and
 * it carries model text (the plan). So it goes through the same safe-output policy as everything
 * `publish` writes (`policy.ts`: credentials, the step's secret values, mention floods; links to
 * other hosts made inert, mentions neutralised), and the plan is left out when the policy refuses
 * it, as `report` withholds what it must. `publish` later updates the same comment (`report.ts`).
 */
import type { CheckpointDocument } from '../contracts/checkpoint.ts';
import type { PlanDocument } from '../contracts/plan.ts';
import { findMarkedComment, type MarkedComment, upsertMarkedComment } from '../github/issues.ts';
import type { GitHubClient } from '../github/octokit.ts';
import {
  carryActivity,
  gateMarker,
  renderGateRecord,
  renderPlanMarkdown,
  renderSettledGate,
  renderSetupFailure,
  renderWaitingGate,
  TRACKING_MARKER,
} from '../render/index.ts';
import { findMarker } from '../render/marker.ts';
import type { SecretValue } from '../secrets/scan.ts';
import type { RemoteRepo } from './git-data.ts';
import { checkSafeOutputs, type Refusal, type SafeOutputsOptions } from './policy.ts';
import { WITHHELD } from './report.ts';
import { type PublishLog, silentLog } from './step.ts';

export interface PostPlanTrackingCommentOptions {
  octokit: GitHubClient;
  repo: RemoteRepo;
  /** The issue the run works on. */
  issue: number;
  plan: PlanDocument;
  /** The workflow run, linked from the comment. */
  runUrl: string;
  /** The values of the secrets the job was given (model keys, the token): none may appear in the comment. */
  secretValues: readonly SecretValue[];
  /** `https://github.com` (`GITHUB_SERVER_URL`): links elsewhere are made inert. */
  serverUrl: string;
  /** Told when the plan is left out, and why. */
  log?: PublishLog;
}

export interface PostedTrackingComment extends MarkedComment {
  /** The body as posted (with the activity rows carried over). */
  body: string;
  /** What the comment carries (the plan, or a failed setup's output) was left out because the policy refused it. */
  planWithheld: boolean;
}

/** The comment: the marker, a link to the run and the plan (`null`: the plan withheld). */
export function trackingBody(plan: PlanDocument | null, runUrl: string, allowedHost: string): string {
  const limit = { unit: 'chars', max: 60_000 } as const;
  const planMarkdown = plan ? renderPlanMarkdown(plan, { allowedHost, limit }) : `**Plan:** ${WITHHELD}.\n`;
  const link = `ensemble is working on this issue: [workflow run](${runUrl}).`;
  // A plan that passed the gates says who approved it and what was asked before it.
  const gate = plan ? renderGateRecord(plan.gate, { allowedHost }) : '';
  return [TRACKING_MARKER, link, '', ...(gate === '' ? [] : [gate, '']), planMarkdown].join('\n');
}

/**
 * Creates or updates the tracking comment on `issue` with the plan, sanitised by the safe-output
 * policy; when the policy refuses the plan (a credential or a secret value in it), the comment
 * says the plan is withheld instead. Throws when GitHub refuses the write.
 */
export async function postPlanTrackingComment(options: PostPlanTrackingCommentOptions): Promise<PostedTrackingComment> {
  const allowedHost = new URL(options.serverUrl).host;
  return postChecked(options, {
    body: trackingBody(options.plan, options.runUrl, allowedHost),
    withheld: trackingBody(null, options.runUrl, allowedHost),
    what: 'the plan',
  });
}

/**
 * The tracking comment of a run whose setup failed before the plan: the failed command, how it
 * ended and its last lines (untrusted, fenced), under the same policy; the output is withheld
 * when the policy refuses it.
 */
export async function postSetupFailureTrackingComment(
  options: Omit<PostPlanTrackingCommentOptions, 'plan'> & { message: string },
): Promise<PostedTrackingComment> {
  const allowedHost = new URL(options.serverUrl).host;
  const run = `[workflow run](${options.runUrl})`;
  const head = `${TRACKING_MARKER}\nensemble stopped before planning, with nothing spent: ${run}.\n`;
  return postChecked(options, {
    body: `${head}\n${renderSetupFailure(options.message, { allowedHost })}`,
    withheld: `${head}\n## ensemble: setup failed\n\nThe setup's output is ${WITHHELD}.\n`,
    what: "the setup's output",
  });
}

/**
 * The tracking comment of a run that waits on the issue (its questions, or its plan to approve,
 * and the commands that continue it), or of one whose wait was stopped: `checkpoint.status`
 * says which. The planner's text goes through the same policy as a plan's.
 */
export async function postGateTrackingComment(
  options: Omit<PostPlanTrackingCommentOptions, 'plan'> & { checkpoint: CheckpointDocument; label: string | null },
): Promise<PostedTrackingComment> {
  const { checkpoint } = options;
  const allowedHost = new URL(options.serverUrl).host;
  const limit = { unit: 'chars', max: 60_000 } as const;
  const run = `[workflow run](${options.runUrl})`;
  if (checkpoint.status === 'waiting') {
    const head = [TRACKING_MARKER, gateMarker(checkpoint.waitingFor, checkpoint.run.runId)].join('\n');
    const line = `ensemble waits on this issue, with no code written: ${run}.`;
    const rendered = renderWaitingGate(checkpoint, { allowedHost, limit, label: options.label });
    const what = checkpoint.waitingFor === 'answers' ? 'The questions are' : 'The plan is';
    return postChecked(options, {
      body: [head, line, '', rendered].join('\n'),
      withheld: [head, line, '', `${what} ${WITHHELD}.`, ''].join('\n'),
      what: checkpoint.waitingFor === 'answers' ? "the planner's questions" : 'the plan',
    });
  }
  const settled = checkpoint.settled ?? { by: 'someone', at: new Date().toISOString(), runId: '' };
  const status = checkpoint.status === 'stopped' ? 'stopped' : 'resumed';
  const body = [TRACKING_MARKER, renderSettledGate(checkpoint, { ...settled, status }, { allowedHost, limit })];
  return postChecked(options, { body: body.join('\n'), withheld: body.join('\n'), what: 'the settled gate' });
}

/**
 * The run whose wait the issue's tracking comment shows (its `gateMarker`), or null when it shows
 * none: what people were shown, which a command may continue.
 */
export async function waitShownOnIssue(octokit: GitHubClient, repo: RemoteRepo, issue: number): Promise<string | null> {
  const tracking = await findMarkedComment(octokit, { ...repo, issue_number: issue, marker: TRACKING_MARKER });
  return (tracking && findMarker(tracking.body, 'gate')?.fields['run']) || null;
}

/**
 * The tracking comment of a run whose checkpoint could not be stored: it shows no wait (so no
 * command continues an older one) and says why, and how to start over.
 */
export async function postGateStoreFailure(
  options: Omit<PostPlanTrackingCommentOptions, 'plan'> & { message: string },
): Promise<PostedTrackingComment> {
  const head = `${TRACKING_MARKER}\nensemble stopped before coding: [workflow run](${options.runUrl}).\n`;
  return postChecked(options, {
    body: `${head}\n${options.message.replace(/[<>]/g, '')}\n`,
    withheld: `${head}\nensemble could not store what it needs to continue. Label the issue again to start over.\n`,
    what: 'why the checkpoint was not stored',
  });
}

/** What `postChecked` needs: where to write, and what the policy checks against. */
export type CheckedCommentOptions = Pick<
  PostPlanTrackingCommentOptions,
  'octokit' | 'repo' | 'issue' | 'secretValues' | 'serverUrl' | 'log'
>;

/**
 * Upserts `body` when the policy lets it through, else `withheld`, saying so in the log. The
 * activity rows of the comment it replaces are carried over (`carryActivity`): they record what
 * happened after the pull request, which no re-render knows of.
 */
export async function postChecked(
  options: CheckedCommentOptions,
  texts: { body: string; withheld: string; what: string },
): Promise<PostedTrackingComment> {
  const { octokit, repo, issue } = options;
  const policy = textPolicy(options.secretValues, new URL(options.serverUrl).host);
  const checked = await checkSafeOutputs(
    { patches: [], texts: { comment: { label: 'tracking comment', text: texts.body, kind: 'body' as const } } },
    policy,
  );
  if (!checked.ok) {
    const log = options.log ?? silentLog;
    log.warn(`${texts.what} is withheld from the tracking comment on issue #${issue}: ${why(checked.refusals)}`);
  }
  const body = checked.ok ? checked.texts.comment.text : texts.withheld;
  const transform = (previous: string | null) => carryActivity(previous, body);
  const params = { owner: repo.owner, repo: repo.repo, issue_number: issue, marker: TRACKING_MARKER, body, transform };
  const posted = await upsertMarkedComment(octokit, params);
  return { ...posted, planWithheld: !checked.ok };
}

/** The safe-output policy for a text alone: no patch is checked here. */
export function textPolicy(secretValues: readonly SecretValue[], allowedHost: string): SafeOutputsOptions {
  return { protectedPaths: [], maxPatchBytes: 0, maxFiles: 0, secretValues, allowedHost };
}

/** The refusals by rule and what was found (a credential masked, a secret by its name). */
export function why(refusals: readonly Refusal[]): string {
  return refusals.map((r) => `${r.rule} (${r.detail})`).join('; ');
}
