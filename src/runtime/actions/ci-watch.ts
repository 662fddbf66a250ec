/**
 * ensemble on its pull request once the repository's CI has spoken (`workflow_run` and
 * `check_suite` events, `ci-event.ts`): the follow-up's respond job reads the pull request's checks
 * as they stand and
 *
 * - when a check it waits for failed: re-runs the failed jobs once (a flaky failure is not
 *   "fixed"), asks whether the base fails the same way (then it is not the change's, and nothing is
 *   repaired), reads the failing steps' logs, and prepares a fix run with the failures as findings
 *   — at most `ci.max-attempts` on the pull request and `ci.max-attempts-per-head` per head, never
 *   the same failure of the same head twice, never after `/ensemble stop` until `/ensemble fix`;
 * - when every check it waits for passed and no blocking finding is open: marks the draft ready,
 *   requests the configured reviews and enables GitHub's auto-merge, as configured (never merges).
 *
 * Each step is a row of the issue's tracking comment (`publish/activity.ts`). Logs are untrusted
 * text: they reach the fixing agent as findings, inside untrusted blocks, with credentials masked.
 */
import { attribute, type CiFailure, ciFindings, describeFailure, failuresSignature } from '../../ci/failure.ts';
import type { EnsembleConfig } from '../../contracts/config.ts';
import type { CiRepair } from '../../contracts/follow-up.ts';
import {
  type CiWorkflowRun,
  enableAutoMerge,
  type HeadCheck,
  latestCompletedRun,
  listRunJobsWithSteps,
  markReadyForReview,
  type PullChecks,
  readCheckRunOutput,
  readCiRun,
  readJobLog,
  readPullChecks,
  requestReviewers,
} from '../../github/checks.ts';
import { GitHubApiError } from '../../github/errors.ts';
import type { GitHubClient } from '../../github/octokit.ts';
import { rerunFailedJobs } from '../../github/runs.ts';
import { type ActivityRow, recordActivity, spentOn } from '../../publish/activity.ts';
import { findMarker, marker } from '../../render/marker.ts';
import { errorMessage } from '../../util/errors.ts';
import type { CiEvent } from './ci-event.ts';
import { runUrlOf } from './environment.ts';
import { notEnsemblesPull, type PullFacts, pullFactsOf } from './follow-up-event.ts';
import type { FollowUpComment, IssueComments } from './run-control.ts';
import { followUpCommentsIn, pullComments } from './run-control.ts';
import type { ActionDeps } from './stages.ts';

type Repo = { owner: string; repo: string };

/** What the respond job does about a CI event: nothing (and why), or a fix run it prepared. */
export type CiAnswer = { mode: 'none'; why: string } | { mode: 'repair'; pull: PullOfCi; repair: CiRepairPlan };

/** The pull request as the CI path reads it. */
export interface PullOfCi {
  number: number;
  html_url: string;
  state: string;
  draft: boolean;
  head: { ref: string; sha: string };
  base: { ref: string };
  /** What tells whether ensemble opened it (`notEnsemblesPull`). */
  facts: PullFacts;
}

/** A repair to prepare: the failures as findings, and the document's record of it. */
export interface CiRepairPlan {
  repair: CiRepair;
  failures: CiFailure[];
  workflowPaths: Map<string, string>;
  /** The tracking comment's row of this repair. */
  row: ActivityRow;
  issue: number | null;
}

/** The most of a job's log read: its end, where the failure is. */
const LOG_BYTES = 2_000_000;

/** What the fixing agent reads of one failed check (its finding's body is cut at 4,000 characters). */
const EXCERPT_CHARS = 3_500;

/** In ensemble's reply to `/ensemble stop` on a pull request: no CI repair until `/ensemble fix`. */
export const REPAIRS_STOPPED = marker('repairs-stopped');

const FAILED = new Set(['failure', 'timed_out', 'startup_failure']);
const PASSED = new Set(['success', 'neutral', 'skipped']);

/** The most failed checks one repair takes (the rest wait for the next, once these pass). */
const MAX_REPAIRED_CHECKS = 50;

/** The parts of the action's world the CI path uses. */
export interface CiWatchContext {
  octokit: GitHubClient;
  config: EnsembleConfig;
  deps: ActionDeps;
  event: CiEvent;
  /** Writes a row of the issue's tracking comment (`recordActivity`, bound). */
  record: (issue: number | null, row: ActivityRow) => Promise<void>;
  /** The rows of the issue's tracking comment, for what repairs spent so far. */
  rows: (issue: number | null) => Promise<ActivityRow[]>;
  /** How many blocking findings are open on the pull request (stored reviews, review threads). */
  openBlockingFindings: (pull: PullOfCi) => Promise<number>;
  now: () => Date;
}

/** Reads what CI says of ensemble's pull request and decides (module comment). */
export async function watchCi(ctx: CiWatchContext): Promise<CiAnswer> {
  const { octokit, event } = ctx;
  const repo = ctx.deps.job.repository;
  const pull = await pullOfEvent(octokit, repo, event);
  if (pull === null) return { mode: 'none', why: `no open pull request of ensemble's has the head ${short(event)}` };
  const notOurs = notEnsemblesPull(pull.facts);
  if (notOurs !== null) return { mode: 'none', why: notOurs };
  if (pull.head.sha !== event.headSha) {
    return { mode: 'none', why: `the pull request's head moved on from ${short(event)}; its own checks will report` };
  }
  const checks = await readPullChecks(octokit, repo, pull.number);
  const waitedFor = checksWaitedFor(checks.checks, ctx.config.ci);
  const failing = waitedFor.filter((c) => c.conclusion !== null && FAILED.has(c.conclusion));
  const issue = issueOf(pull.head.ref);
  if (failing.length === 0) {
    if (waitedFor.some((c) => c.status !== 'completed')) {
      return { mode: 'none', why: 'checks are still running on the head; the last of them to end decides' };
    }
    // Cancelled, stale or waiting for approval is not green: nothing follows until they run and pass.
    const unsettled = waitedFor.filter((c) => !PASSED.has(c.conclusion ?? ''));
    if (unsettled.length > 0) {
      const names = unsettled.map((c) => `${c.name} (${c.conclusion})`).join(', ');
      return { mode: 'none', why: `no check failed, but not every one passed: ${names}` };
    }
    return whenGreen(ctx, pull, checks, issue);
  }
  return whenFailed(ctx, pull, failing, issue);
}

/**
 * The checks ensemble waits for: not ignored, and required by the base branch when
 * `ci.checks` is `required` and the base requires any (every check when it requires none).
 */
export function checksWaitedFor(checks: readonly HeadCheck[], ci: EnsembleConfig['ci']): HeadCheck[] {
  // Whether the base requires any is the base's to say, before `ci.ignore`: ignoring the required
  // checks must not turn every optional one into a check to repair.
  const required = checks.filter((c) => c.required);
  const chosen = ci.checks === 'all' || required.length === 0 ? checks : required;
  return chosen.filter((c) => !ci.ignore.includes(c.name));
}

async function whenFailed(
  ctx: CiWatchContext,
  pull: PullOfCi,
  failing: HeadCheck[],
  issue: number | null,
): Promise<CiAnswer> {
  const { octokit, config } = ctx;
  const repo = ctx.deps.job.repository;
  const names = failing.map((c) => c.name);
  const head = pull.head.sha;
  if (!config.ci.repair) return { mode: 'none', why: `${names.join(', ')} failed; ci.repair is off` };

  const comments = await pullComments(octokit, repo, pull.number);
  if (repairsStopped(comments)) {
    return {
      mode: 'none',
      why: 'CI repairs on this pull request were stopped with /ensemble stop; /ensemble fix resumes',
    };
  }
  // Several failed jobs are often of one workflow run: each run, and its base's jobs, are read once.
  const runOf = once((id: number) => readCiRun(octokit, repo, id));
  const rerun = await rerunOnce(ctx, failing, issue, runOf);
  if (rerun !== null) return { mode: 'none', why: rerun };

  const { change, alsoOnBase } = await attributed(octokit, repo, failing, pull.base.ref, runOf);
  if (change.length === 0) {
    await ctx.record(issue, {
      key: `ci-base:${head}`,
      kind: 'ci-repair',
      state: 'skipped',
      title: `Not repaired: ${alsoOnBase.map((c) => c.name).join(', ')} fails on ${pull.base.ref} too`,
      detail: `The latest run on \`${pull.base.ref}\` failed the same way, so the failure is not this change's.`,
      link: failing[0]?.url ?? null,
      at: now(ctx),
      costUsd: null,
    });
    return { mode: 'none', why: `${names.join(', ')} failed on ${pull.base.ref} as well: not this change's failure` };
  }

  change.splice(MAX_REPAIRED_CHECKS);
  const failures = await describeFailures(octokit, repo, change);
  const signature = failuresSignature(failures);
  const earlier = followUpCommentsIn(comments).flatMap((c) =>
    c.work?.signature === undefined ? [] : [{ ...c, work: c.work }],
  );
  const same = earlier.find((c) => c.work.headSha === head && c.work.signature === signature);
  if (same) return { mode: 'none', why: `this failure of ${head.slice(0, 12)} was taken up already (${same.url})` };
  // The attempt cap, then what the repairs spent: either stops them, and a person takes it from here.
  // The budget is read (from the tracking comment) only when the cap has not stopped the repair.
  const cap = capReached(config.ci, earlier, head);
  const limit =
    cap === null
      ? { key: `ci-budget:${head}`, why: await budgetSpent(ctx, issue) }
      : { key: `ci-cap:${head}`, why: cap };
  if (limit.why !== null) {
    await ctx.record(issue, {
      key: limit.key,
      kind: 'ci-repair',
      state: 'stopped',
      title: `No more CI repairs: ${limit.why}`,
      detail: `${change.map((c) => c.name).join(', ')} failed on ${head.slice(0, 12)}; a person takes it from here.`,
      link: change[0]?.url ?? null,
      at: now(ctx),
      costUsd: null,
    });
    return { mode: 'none', why: limit.why };
  }
  const attempt = earlier.length + 1;
  const repair: CiRepair = {
    headSha: head,
    checks: change.map((c) => c.name),
    signature,
    attempt,
    maxAttempts: config.ci['max-attempts'],
  };
  const row: ActivityRow = {
    key: `ci-repair:${head}:${signature}`,
    kind: 'ci-repair',
    state: 'running',
    title: `CI repair ${attempt}/${repair.maxAttempts}: ${repair.checks.join(', ')} failed on ${head.slice(0, 12)}`,
    detail: null,
    link: runUrl(ctx),
    at: now(ctx),
    costUsd: null,
  };
  const workflowPaths = await workflowPathsOf(octokit, repo, change);
  return { mode: 'repair', pull, repair: { repair, failures, workflowPaths, row, issue } };
}

/** The findings of a repair, for `prepareFix`. */
export function repairFindings(plan: CiRepairPlan, changedPaths: readonly string[], config: EnsembleConfig) {
  return ciFindings(plan.failures, {
    severity: config.review['block-on'],
    changedPaths,
    workflowPaths: plan.workflowPaths,
  });
}

/**
 * Re-runs the failed jobs of each failing workflow run in its first attempt, once, when
 * `ci.rerun-failed` is on: what it did, or null when nothing was re-run (and a repair may follow).
 */
async function rerunOnce(
  ctx: CiWatchContext,
  failing: readonly HeadCheck[],
  issue: number | null,
  runOf: (id: number) => Promise<CiWorkflowRun | null>,
) {
  if (!ctx.config.ci['rerun-failed']) return null;
  const repo = ctx.deps.job.repository;
  const runIds = [...new Set(failing.flatMap((c) => (c.workflow ? [c.workflow.runId] : [])))];
  const rerun: string[] = [];
  for (const id of runIds) {
    const run = await runOf(id);
    if (run === null || run.attempt > 1) continue;
    try {
      await rerunFailedJobs(ctx.octokit, repo, id);
    } catch (error) {
      // A re-run another delivery of this event started already: GitHub says the run is running.
      // Any other refusal means no re-run comes: the failure is taken as it is, and repaired.
      const running = error instanceof GitHubApiError && error.status === 403 && /already running/i.test(error.message);
      if (!running) {
        ctx.deps.core.warning(`the failed jobs of ${run.name} (${id}) were not re-run: ${errorMessage(error)}`);
        continue;
      }
    }
    rerun.push(run.name);
    await ctx.record(issue, {
      key: `ci-rerun:${id}`,
      kind: 'ci-rerun',
      state: 'running',
      title: `Re-running the failed jobs of ${run.name} once, before any repair`,
      detail: 'A failure that passes on a re-run is flaky, and is not "fixed".',
      link: run.url,
      at: now(ctx),
      costUsd: null,
    });
  }
  return rerun.length === 0 ? null : `re-running the failed jobs of ${rerun.join(', ')} once before any repair`;
}

/** The failing checks split by whether the base's latest run of the same workflow failed the same check. */
async function attributed(
  octokit: GitHubClient,
  repo: Repo,
  failing: readonly HeadCheck[],
  base: string,
  runOf: (id: number) => Promise<CiWorkflowRun | null>,
) {
  // The jobs of the base's latest run of the workflow a failed run is of; null when it has none.
  const baseJobsOf = once(async (runId: number) => {
    const run = await runOf(runId);
    if (run === null) return undefined;
    const query = { workflowId: run.workflowId, branch: base, excludeRunId: run.id, event: 'push' };
    const latest = await latestCompletedRun(octokit, repo, query);
    return latest === null ? null : listRunJobsWithSteps(octokit, repo, latest.id);
  });
  const onBase = new Map<string, string | null>();
  for (const check of failing) {
    if (!check.workflow) continue;
    const jobs = await baseJobsOf(check.workflow.runId);
    if (jobs === undefined) continue;
    onBase.set(check.name, jobs?.find((j) => j.name === check.name)?.conclusion ?? null);
  }
  const split = attribute(
    failing.map((c) => c.name),
    onBase,
  );
  const also = new Set(split.alsoOnBase);
  return {
    change: failing.filter((c) => !also.has(c.name)),
    alsoOnBase: failing.filter((c) => also.has(c.name)),
  };
}

/** Each failed check as the fixing agent reads it: the failing steps of its log, or its output. */
async function describeFailures(octokit: GitHubClient, repo: Repo, failing: readonly HeadCheck[]) {
  const failures: CiFailure[] = [];
  const jobsOf = new Map<number, Awaited<ReturnType<typeof listRunJobsWithSteps>>>();
  for (const check of failing) {
    let log: string | null = null;
    let logTruncated = false;
    let failedSteps: string[] = [];
    if (check.workflow) {
      const runId = check.workflow.runId;
      if (!jobsOf.has(runId)) jobsOf.set(runId, await listRunJobsWithSteps(octokit, repo, runId));
      const job = jobsOf.get(runId)!.find((j) => j.name === check.name);
      if (job) {
        failedSteps = job.steps.filter((s) => s.conclusion !== null && FAILED.has(s.conclusion)).map((s) => s.name);
        const read = await readJobLog(octokit, repo, job.id, { maxBytes: LOG_BYTES });
        log = read?.text ?? null;
        logTruncated = read?.truncated ?? false;
      }
    } else if (check.checkRunId !== null) {
      const output = await readCheckRunOutput(octokit, repo, check.checkRunId);
      log = [output.title, output.summary, output.text].filter(Boolean).join('\n\n') || null;
    }
    failures.push(
      describeFailure(
        {
          check: check.name,
          workflow: check.workflow?.name ?? null,
          workflowPath: null,
          url: check.url,
          failedSteps,
          log,
          logTruncated,
        },
        { maxChars: EXCERPT_CHARS },
      ),
    );
  }
  return failures;
}

/** Workflow name → its file, for the findings' paths. */
async function workflowPathsOf(octokit: GitHubClient, repo: Repo, failing: readonly HeadCheck[]) {
  const paths = new Map<string, string>();
  for (const check of failing) {
    if (!check.workflow || paths.has(check.workflow.name)) continue;
    const { data } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: check.workflow.runId });
    if (data.path) paths.set(check.workflow.name, data.path.replace(/@.*$/, ''));
  }
  return paths;
}

/**
 * Why the repairs' spending stops another, or null: what the pull request's CI repairs cost so far
 * (the tracking comment's rows) against `budgets.run.usd`, the most one run may spend.
 */
async function budgetSpent(ctx: CiWatchContext, issue: number | null): Promise<string | null> {
  const limit = ctx.config.budgets.run.usd;
  if (limit === null || issue === null) return null;
  const spent = spentOn(await ctx.rows(issue), ['ci-repair']);
  if (spent < limit) return null;
  return `the CI repairs of this pull request spent $${spent.toFixed(2)}, budgets.run.usd ($${limit.toFixed(2)}) or more`;
}

/** Why no more repairs may be made, or null. */
function capReached(
  ci: EnsembleConfig['ci'],
  earlier: readonly (FollowUpComment & { work: { headSha: string } })[],
  head: string,
): string | null {
  if (earlier.length >= ci['max-attempts']) {
    return `ci.max-attempts (${ci['max-attempts']}) repairs were made on this pull request`;
  }
  const ofHead = earlier.filter((c) => c.work.headSha === head).length;
  if (ofHead >= ci['max-attempts-per-head']) {
    return `ci.max-attempts-per-head (${ci['max-attempts-per-head']}) repairs were made of ${head.slice(0, 12)}`;
  }
  return null;
}

/**
 * Whether `/ensemble stop` stopped the repairs: ensemble's reply to the newest stop on the pull
 * request is newer than its newest follow-up comment a person asked for (`/ensemble fix` resumes).
 */
export function repairsStopped(comments: IssueComments): boolean {
  let stopped = false;
  for (const comment of comments) {
    if (comment.user?.type !== 'Bot') continue;
    const body = comment.body ?? '';
    if (body.includes(REPAIRS_STOPPED)) stopped = true;
    else if (findMarker(body, 'follow-up') !== null && findMarker(body, 'follow-up')?.fields['head'] === undefined) {
      stopped = false;
    }
  }
  return stopped;
}

/** Every check passed: ready for review, reviewers and auto-merge, as configured. */
async function whenGreen(
  ctx: CiWatchContext,
  pull: PullOfCi,
  checks: PullChecks,
  issue: number | null,
): Promise<CiAnswer> {
  const { octokit, config } = ctx;
  const ci = config.ci;
  const repo = ctx.deps.job.repository;
  const done: string[] = [];
  // A re-run that passed: the failure was flaky.
  await settleReruns(ctx, checks, issue);
  const wanted = ci['ready-for-review'] || ci.reviewers.length > 0 || ci['auto-merge'] !== 'off';
  if (!wanted)
    return { mode: 'none', why: 'every check passed; nothing is configured to follow (ci.ready-for-review)' };
  if (repairsStopped(await pullComments(octokit, repo, pull.number))) {
    return { mode: 'none', why: 'every check passed, but ensemble was stopped on this pull request (/ensemble stop)' };
  }
  const blocking = await ctx.openBlockingFindings(pull);
  if (blocking > 0) {
    const what = blocking === 1 ? 'a blocking finding is' : `${blocking} blocking findings are`;
    return { mode: 'none', why: `every check passed, but ${what} still open` };
  }
  // What the row says is the state reached, not what this run changed, so that a later event on
  // the same head writes the same row again (and nothing twice).
  let draft = checks.isDraft;
  if (ci['ready-for-review']) {
    if (draft) await markReadyForReview(octokit, checks.nodeId);
    draft = false;
    done.push('ready for review');
  }
  if (ci.reviewers.length > 0 && !draft) {
    await requestReviewers(octokit, repo, pull.number, ci.reviewers);
    done.push(`review requested from ${ci.reviewers.map((r) => `@${r}`).join(', ')}`);
  }
  if (ci['auto-merge'] !== 'off' && !draft) {
    const method = ci['auto-merge'].toUpperCase() as 'MERGE' | 'SQUASH' | 'REBASE';
    try {
      await enableAutoMerge(octokit, checks.nodeId, method);
      done.push(`GitHub's auto-merge (${ci['auto-merge']}) enabled: GitHub merges once branch protection is met`);
    } catch (error) {
      // GitHub refuses it where nothing is left to wait for (no required check or review): ensemble
      // never merges in its place.
      if (!(error instanceof GitHubApiError)) throw error;
      done.push(`GitHub's auto-merge not enabled (${error.message}); merging stays a person's act`);
    }
  }
  if (done.length === 0)
    return { mode: 'none', why: 'every check passed; the pull request is a draft (ci.ready-for-review is off)' };
  await ctx.record(issue, {
    key: `ready:${checks.headSha}`,
    kind: 'ready',
    state: 'done',
    title: `Every check passed on ${checks.headSha.slice(0, 12)}: ${done.join('; ')}`,
    detail: null,
    link: pull.html_url,
    at: now(ctx),
    costUsd: null,
  });
  return { mode: 'none', why: `every check passed: ${done.join('; ')}` };
}

async function settleReruns(ctx: CiWatchContext, checks: PullChecks, issue: number | null) {
  const runIds = [...new Set(checks.checks.flatMap((c) => (c.workflow ? [c.workflow.runId] : [])))];
  // Only runs ensemble re-ran (their row says so): a run a person re-ran is not called flaky.
  const rerunByEnsemble = new Set((await ctx.rows(issue)).filter((r) => r.kind === 'ci-rerun').map((r) => r.key));
  for (const id of runIds) {
    if (!rerunByEnsemble.has(`ci-rerun:${id}`)) continue;
    const run = await readCiRun(ctx.octokit, ctx.deps.job.repository, id);
    if (run === null || run.attempt < 2 || run.conclusion !== 'success') continue;
    await ctx.record(issue, {
      key: `ci-rerun:${id}`,
      kind: 'ci-rerun',
      state: 'done',
      title: `${run.name} passed when its failed jobs ran again: a flaky failure, not repaired`,
      detail: null,
      link: run.url,
      at: now(ctx),
      costUsd: null,
    });
  }
}

/** The open pull request the event is about: the one GitHub names, or the one whose head branch it is. */
async function pullOfEvent(octokit: GitHubClient, repo: Repo, event: CiEvent): Promise<PullOfCi | null> {
  let number = event.pulls[0];
  if (number === undefined) {
    const { data } = await octokit.rest.pulls.list({
      ...repo,
      state: 'open',
      head: `${repo.owner}:${event.headBranch}`,
      per_page: 10,
    });
    number = data[0]?.number;
  }
  if (number === undefined) return null;
  const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number });
  return {
    number: data.number,
    html_url: data.html_url,
    state: data.state,
    draft: data.draft ?? false,
    head: { ref: data.head.ref, sha: data.head.sha },
    base: { ref: data.base.ref },
    facts: pullFactsOf(data),
  };
}

/** The issue of an `ensemble/issue-<n>` branch: its tracking comment shows the rows. */
export function issueOf(branch: string): number | null {
  const found = Number(/^ensemble\/issue-(\d+)$/.exec(branch)?.[1] ?? 0);
  return found > 0 ? found : null;
}

function short(event: CiEvent): string {
  return event.headSha.slice(0, 12);
}

function now(ctx: CiWatchContext): string {
  return ctx.now().toISOString();
}

function runUrl(ctx: CiWatchContext): string {
  const { job } = ctx.deps;
  return runUrlOf(job);
}

/** `recordActivity` bound to the action's client and policy; a failure to write a row is logged, not fatal. */
export function activityRecorder(octokit: GitHubClient, deps: ActionDeps): CiWatchContext['record'] {
  return async (issue, row) => {
    if (issue === null) return;
    try {
      const written = await recordActivity(octokit, deps.job.repository, issue, row, {
        secretValues: [],
        serverUrl: deps.job.serverUrl,
      });
      if ('skipped' in written) deps.core.info(`tracking comment row ${row.key}: ${written.skipped}`);
    } catch (error) {
      deps.core.warning(`could not write the tracking comment row ${row.key}: ${errorMessage(error)}`);
    }
  };
}

/** `read`, called at most once per key: later calls share the first call's promise. */
function once<K, V>(read: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const started = new Map<K, Promise<V>>();
  return (key) => {
    let found = started.get(key);
    if (found === undefined) {
      found = read(key);
      started.set(key, found);
    }
    return found;
  };
}
