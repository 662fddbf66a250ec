/**
 * ensemble after its pull request is merged: the respond job, on a `workflow_run` that completed
 * on the default branch or a `deployment_status`, judges the merge commit C.
 *
 * - Only C itself is judged, and only when an ensemble pull request was merged as C within
 *   `monitor.window-hours`: a later commit, a person's pull request, an old merge are not ensemble's
 *   to judge.
 * - A success is a row of the issue's tracking comment. A failure is attributed to the merged
 *   change only when it passed before the merge, fails after it, and touches what it changed
 *   (`ci/attribution.ts`), each with its evidence; then ensemble opens a draft revert pull request
 *   and comments on the issue (`publish/revert.ts`). It never merges, never pushes to the default
 *   branch, never reverts by itself. A failure it cannot attribute is a note, and nothing more.
 *
 * Logs are untrusted: they reach GitHub as a bounded, credential-masked excerpt inside a fence,
 * through the safe-output policy.
 */
import {
  type Attribution,
  attributeDeploymentFailure,
  attributeWorkflowFailure,
  type DeploymentFact,
  type RunFact,
} from '../../ci/attribution.ts';
import { type CiFailure, describeFailure } from '../../ci/failure.ts';
import type { EnsembleConfig } from '../../contracts/config.ts';
import { type CiWorkflowRun, latestCompletedRun, listRunJobsWithSteps, readJobLog } from '../../github/checks.ts';
import { githubCall } from '../../github/errors.ts';
import type { GitHubClient } from '../../github/octokit.ts';
import type { ActivityRow } from '../../publish/activity.ts';
import { proposeRevert, type RevertOutcome } from '../../publish/revert.ts';
import { findMarker } from '../../render/marker.ts';
import type { SecretValue } from '../../secrets/scan.ts';
import { hardenedGit } from '../../workspace/git.ts';
import { issueOf } from './ci-watch.ts';

type Repo = { owner: string; repo: string };

/** A row of the issue's tracking comment that the monitor writes. */
export type MonitorRow = ActivityRow & { kind: 'monitor' | 'revert' };

/** The parts of the action's world the monitor uses. */
export interface MonitorContext {
  octokit: GitHubClient;
  config: EnsembleConfig;
  repo: Repo;
  eventName: string;
  /** The event's payload (`github.context.payload`). */
  payload: unknown;
  defaultBranch: string;
  /** The respond job's checkout: the default branch with its full history, C among it. */
  workspace: string;
  /** This workflow run's page; its id is the revert commit's `Ensemble-Run`. */
  runUrl: string;
  serverUrl: string;
  /** The values of the secrets the job was given: none may appear in what is written. */
  secretValues?: readonly SecretValue[];
  now: () => Date;
  /** Writes a row of the issue's tracking comment (`recordActivity`, bound); null: no issue. */
  record: (issue: number | null, row: MonitorRow) => Promise<void>;
}

/** What the event says of C. */
export type MergeEvent =
  | {
      kind: 'workflow';
      sha: string;
      run: { id: number; workflowId: number; name: string; url: string; conclusion: string | null };
    }
  | {
      kind: 'deployment';
      sha: string;
      deployment: DeploymentFact;
    };

/** The ensemble pull request merged as C. */
export interface MergedEnsemblePull {
  number: number;
  title: string;
  url: string;
  headRef: string;
  headSha: string;
  mergeSha: string;
  mergedAt: string;
}

const FAILED = new Set(['failure', 'timed_out', 'startup_failure']);
const LOG_BYTES = 2_000_000;
const EXCERPT_CHARS = 3_000;

/** Judges the merge commit of the event (module comment); why it did what it did. */
export async function watchAfterMerge(ctx: MonitorContext): Promise<{ why: string }> {
  if (!ctx.config.monitor.enabled) return { why: 'monitor.enabled is off' };
  const event = readMergeEvent(ctx.eventName, ctx.payload, ctx.defaultBranch);
  if ('why' in event) return event;
  const found = await mergedEnsemblePull(ctx, event.sha);
  if ('why' in found) return found;
  const pull = found.pull;
  const issue = issueOf(pull.headRef);
  const outcome = event.kind === 'workflow' ? event.run.conclusion : event.deployment.state;
  const what = describeEvent(event);
  if (outcome === 'success') {
    await ctx.record(issue, {
      key: `monitor:${pull.number}`,
      kind: 'monitor',
      state: 'done',
      title: `Checks on ${ctx.defaultBranch} passed after #${pull.number} merged`,
      detail: `${what} of the merge commit \`${short(event.sha)}\` passed.`,
      link: event.kind === 'workflow' ? event.run.url : event.deployment.url,
      at: ctx.now().toISOString(),
      costUsd: null,
    });
    return { why: `${what} passed on the merge commit of #${pull.number}` };
  }
  const failed = event.kind === 'workflow' ? FAILED.has(outcome ?? '') : outcome === 'failure' || outcome === 'error';
  if (!failed) return { why: `${what} ended ${outcome ?? 'without a conclusion'}: neither a pass nor a failure` };

  const judged = event.kind === 'workflow' ? await judgeWorkflow(ctx, event, pull) : await judgeDeployment(ctx, event);
  if (!judged.attribution.attributable) {
    await ctx.record(issue, {
      key: `monitor:${pull.number}:${event.sha}`,
      kind: 'monitor',
      state: 'note',
      title: `${what} failed on ${ctx.defaultBranch} after #${pull.number} merged; not attributed to it`,
      detail: `No revert proposed: ${judged.attribution.reason}`,
      link: judged.link,
      at: ctx.now().toISOString(),
      costUsd: null,
    });
    return { why: `not attributed to #${pull.number}: ${judged.attribution.reason}` };
  }
  const partial = await notWholeChange(ctx.workspace, pull.mergeSha, judged.changedFiles);
  if (partial !== null) {
    await ctx.record(issue, {
      key: `monitor:${pull.number}:${event.sha}`,
      kind: 'monitor',
      state: 'note',
      title: `${what} failed on ${ctx.defaultBranch} after #${pull.number} merged; no revert proposed`,
      detail: partial,
      link: judged.link,
      at: ctx.now().toISOString(),
      costUsd: null,
    });
    return { why: partial };
  }
  const outcomeOfRevert = await proposeRevert({
    octokit: ctx.octokit,
    repo: ctx.repo,
    repoDir: ctx.workspace,
    defaultBranch: ctx.defaultBranch,
    pull: { number: pull.number, title: pull.title, url: pull.url, mergeSha: pull.mergeSha },
    commentOn: issue ?? pull.number,
    texts: diagnosisTexts(what, event.sha, judged),
    runId: runIdOf(ctx.runUrl),
    runUrl: ctx.runUrl,
    serverUrl: ctx.serverUrl,
    secretValues: ctx.secretValues ?? [],
  });
  const row = revertRow(ctx, pull, outcomeOfRevert);
  await ctx.record(issue, row);
  return { why: row.title };
}

// ---------------------------------------------------------------------------------------------
// the event

/** The merge commit and what the event says of it, or why the event is not one the monitor judges. */
export function readMergeEvent(
  eventName: string,
  payload: unknown,
  defaultBranch: string,
): MergeEvent | { why: string } {
  const p = (payload ?? {}) as Record<string, unknown>;
  if (eventName === 'workflow_run') {
    const run = (p.workflow_run ?? {}) as Record<string, unknown>;
    if (p.action !== 'completed') return { why: `a workflow_run ${String(p.action)}: only a completed run is judged` };
    if (run.head_branch !== defaultBranch) {
      return { why: `the workflow run is on ${String(run.head_branch)}, not the default branch ${defaultBranch}` };
    }
    if (typeof run.head_sha !== 'string' || typeof run.id !== 'number' || typeof run.workflow_id !== 'number') {
      return { why: 'the workflow_run event has no run id, workflow id or head SHA' };
    }
    return {
      kind: 'workflow',
      sha: run.head_sha,
      run: {
        id: run.id,
        workflowId: run.workflow_id,
        name: typeof run.name === 'string' ? run.name : `workflow ${run.workflow_id}`,
        url: typeof run.html_url === 'string' ? run.html_url : '',
        conclusion: typeof run.conclusion === 'string' ? run.conclusion : null,
      },
    };
  }
  if (eventName === 'deployment_status') {
    const deployment = (p.deployment ?? {}) as Record<string, unknown>;
    const status = (p.deployment_status ?? {}) as Record<string, unknown>;
    const state = typeof status.state === 'string' ? status.state : null;
    if (state !== 'failure' && state !== 'error' && state !== 'success') {
      return { why: `a deployment status ${String(state)}: only success, failure and error are judged` };
    }
    if (typeof deployment.sha !== 'string' || typeof deployment.id !== 'number') {
      return { why: 'the deployment_status event has no deployment id or SHA' };
    }
    const url = [status.log_url, status.target_url].find((u) => typeof u === 'string' && u !== '') as
      | string
      | undefined;
    return {
      kind: 'deployment',
      sha: deployment.sha,
      deployment: {
        id: deployment.id,
        sha: deployment.sha,
        environment: String(deployment.environment ?? status.environment ?? ''),
        state,
        url: url ?? null,
      },
    };
  }
  return { why: `the monitor judges workflow_run and deployment_status events, not ${eventName}` };
}

function describeEvent(event: MergeEvent): string {
  return event.kind === 'workflow'
    ? `The workflow "${event.run.name}"`
    : `The deployment to ${event.deployment.environment}`;
}

// ---------------------------------------------------------------------------------------------
// the pull request merged as C

/** The ensemble pull request merged as `sha` within the window, or why there is none to judge. */
export async function mergedEnsemblePull(
  ctx: Pick<MonitorContext, 'octokit' | 'repo' | 'config' | 'defaultBranch' | 'now'>,
  sha: string,
): Promise<{ pull: MergedEnsemblePull } | { why: string }> {
  const { owner, repo } = ctx.repo;
  const pulls = await githubCall(
    { action: `list the pull requests of commit ${short(sha)}`, permission: 'pull-requests: read, contents: read' },
    () => ctx.octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: sha, per_page: 100 }),
  );
  const merged = pulls.data.find((p) => p.merged_at !== null && p.merge_commit_sha === sha);
  if (!merged) return { why: `no pull request was merged as ${short(sha)}: only a merge commit itself is judged` };
  const ours =
    merged.head.ref.startsWith('ensemble/') &&
    !merged.head.ref.startsWith('ensemble/revert-') &&
    merged.head.repo?.full_name === merged.base.repo.full_name &&
    merged.base.ref === ctx.defaultBranch &&
    // ensemble's marker in the description, as for every pull request it follows up on.
    Boolean(findMarker(merged.body ?? '', 'pr')?.fields['run']);
  if (!ours) return { why: `#${merged.number}, merged as ${short(sha)}, is not a pull request ensemble opened` };
  const mergedAt = merged.merged_at as string;
  const hours = ctx.config.monitor['window-hours'];
  const age = ctx.now().getTime() - new Date(mergedAt).getTime();
  if (age > hours * 3_600_000) {
    return { why: `#${merged.number} was merged at ${mergedAt}, more than monitor.window-hours (${hours}) ago` };
  }
  return {
    pull: {
      number: merged.number,
      title: merged.title,
      url: merged.html_url,
      headRef: merged.head.ref,
      headSha: merged.head.sha,
      mergeSha: sha,
      mergedAt,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// attribution

interface Judged {
  attribution: Attribution;
  link: string | null;
  /** The failing jobs' excerpts (workflow runs). */
  failures: CiFailure[];
  /** The pull request's files (workflow runs); null when not read. */
  changedFiles: string[] | null;
}

async function judgeWorkflow(
  ctx: MonitorContext,
  event: Extract<MergeEvent, { kind: 'workflow' }>,
  pull: MergedEnsemblePull,
): Promise<Judged> {
  const { octokit, repo } = ctx;
  const firstParent = await firstParentOf(ctx.workspace, event.sha);
  const jobs = await listRunJobsWithSteps(octokit, repo, event.run.id);
  const failedJobs = jobs.filter((j) => j.conclusion !== null && FAILED.has(j.conclusion));
  const failures: CiFailure[] = [];
  for (const job of failedJobs) {
    const read = await readJobLog(octokit, repo, job.id, { maxBytes: LOG_BYTES });
    failures.push(
      describeFailure(
        {
          check: job.name,
          workflow: event.run.name,
          workflowPath: null,
          url: job.url,
          failedSteps: job.steps.filter((s) => s.conclusion !== null && FAILED.has(s.conclusion)).map((s) => s.name),
          log: read?.text ?? null,
          logTruncated: read?.truncated ?? false,
        },
        { maxChars: EXCERPT_CHARS, secrets: (ctx.secretValues ?? []).map(secretText) },
      ),
    );
  }
  const workflowId = event.run.workflowId;
  const onHead = await latestCompletedRun(octokit, repo, {
    workflowId,
    branch: pull.headRef,
    keep: (run) => run.headSha === pull.headSha,
  });
  // The default branch's own runs (`push`): a fork's pull request from a branch of that name is none.
  const onBase = await latestCompletedRun(octokit, repo, {
    workflowId,
    branch: ctx.defaultBranch,
    excludeRunId: event.run.id,
    event: 'push',
    keep: (run) => run.headSha !== event.sha,
  });
  const baseIsBeforeMerge =
    onBase !== null && firstParent !== null && (await isAncestor(ctx.workspace, onBase.headSha, firstParent));
  const changedFiles = await pullFiles(octokit, repo, pull.number);
  const fact = (run: CiWorkflowRun | null): RunFact | null =>
    run === null ? null : { url: run.url, sha: run.headSha, conclusion: run.conclusion };
  const attribution = attributeWorkflowFailure({
    after: {
      url: event.run.url,
      sha: event.sha,
      conclusion: event.run.conclusion,
      failedJobs: failedJobs.map((j) => j.name),
    },
    onHead: fact(onHead),
    onBase: fact(onBase),
    baseIsBeforeMerge,
    firstParent: firstParent ?? '(unknown)',
    excerpts: failures.map((f) => f.excerpt),
    changedFiles,
  });
  return { attribution, link: event.run.url, failures, changedFiles };
}

/**
 * Why reverting the one commit C would not revert the pull request, or null: a commit with one
 * parent is a squash merge (the whole change) or the last commit of a rebase merge (only part of
 * it), told apart by whether it changes the pull request's files.
 */
async function notWholeChange(workspace: string, mergeSha: string, changedFiles: readonly string[] | null) {
  if (changedFiles === null) return null;
  const git = hardenedGit(workspace);
  const parents = (await git.text(['rev-list', '--parents', '-n', '1', mergeSha])).split(' ').slice(1);
  if (parents.length !== 1) return null;
  const touched = new Set(
    (await git.text(['diff', '--name-only', '--no-renames', `${mergeSha}^`, mergeSha])).split('\n').filter(Boolean),
  );
  const missing = changedFiles.filter((path) => !touched.has(path));
  if (missing.length === 0) return null;
  return (
    `the pull request was merged by rebase (${mergeSha.slice(0, 12)} does not change ${missing.slice(0, 5).join(', ')}), ` +
    'so reverting that one commit would keep most of the change: revert its commits by hand'
  );
}

async function judgeDeployment(
  ctx: MonitorContext,
  event: Extract<MergeEvent, { kind: 'deployment' }>,
): Promise<Judged> {
  const { octokit, repo } = ctx;
  const firstParent = await firstParentOf(ctx.workspace, event.sha);
  const previous = await previousDeployment(octokit, repo, event.deployment);
  const attribution = attributeDeploymentFailure({
    after: event.deployment,
    previous,
    firstParent: firstParent ?? '(unknown)',
  });
  return { attribution, link: event.deployment.url, failures: [], changedFiles: null };
}

/** The newest deployment to the same environment made before `after`, with its newest status. */
async function previousDeployment(
  octokit: GitHubClient,
  repo: Repo,
  after: DeploymentFact,
): Promise<DeploymentFact | null> {
  const read = { action: `list the deployments to ${after.environment}`, permission: 'deployments: read' };
  const { data } = await githubCall(read, () =>
    octokit.rest.repos.listDeployments({ ...repo, environment: after.environment, per_page: 100 }),
  );
  const previous = data.filter((d) => d.id < after.id).sort((a, b) => b.id - a.id)[0];
  if (!previous) return null;
  const statuses = await githubCall(read, () =>
    octokit.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: previous.id, per_page: 1 }),
  );
  const status = statuses.data[0];
  return {
    id: previous.id,
    sha: previous.sha,
    environment: previous.environment,
    state: status?.state ?? null,
    url: status?.log_url || status?.target_url || null,
  };
}

async function pullFiles(octokit: GitHubClient, repo: Repo, pull: number): Promise<string[]> {
  const files = await githubCall(
    { action: `list the files of pull request #${pull}`, permission: 'pull-requests: read' },
    () => octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: pull, per_page: 100 }),
  );
  return files.flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename]));
}

async function firstParentOf(repoDir: string, sha: string): Promise<string | null> {
  const out = await hardenedGit(repoDir).run(['rev-parse', '--verify', '--quiet', `${sha}^1^{commit}`], {
    okCodes: [0, 1, 128],
  });
  return out.code === 0 ? out.stdout.toString('utf8').trim() : null;
}

async function isAncestor(repoDir: string, ancestor: string, of: string): Promise<boolean> {
  const out = await hardenedGit(repoDir).run(['merge-base', '--is-ancestor', ancestor, of], { okCodes: [0, 1, 128] });
  return out.code === 0;
}

function secretText(value: SecretValue): string {
  return typeof value === 'string' ? value : value.value;
}

// ---------------------------------------------------------------------------------------------
// texts and rows

/** The diagnosis with its evidence, for the revert pull request and the issue comment. */
export function diagnosisTexts(what: string, sha: string, judged: Judged) {
  const a = judged.attribution;
  const lines = [
    `**Diagnosis:** ${what} failed on the merge commit \`${sha}\`, and the failure is attributed to the merged change:`,
    '',
    `- **Passed before the merge:** ${a.passedBefore.evidence}.`,
    `- **Fails after it:** ${a.failsAfter.evidence}.`,
    `- **Touches what changed:** ${a.touchesChange.evidence}.`,
  ];
  const withoutExcerpt = lines.join('\n');
  const failure =
    judged.failures.find((f) => a.mentioned.some((path) => f.excerpt.includes(path))) ?? judged.failures[0];
  let diagnosis = withoutExcerpt;
  if (failure) {
    const longest = Math.max(2, ...[...failure.excerpt.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    diagnosis = [
      withoutExcerpt,
      '',
      `The log of \`${failure.check.replace(/`/g, "'")}\` (an excerpt, credentials masked):`,
      '',
      `${fence}text`,
      failure.excerpt,
      fence,
    ].join('\n');
  }
  const reason = `${what} failed after the merge; it passed before, and its log names ${a.mentioned.length > 0 ? a.mentioned.join(', ') : 'the deployed change'}.`;
  return { diagnosis, diagnosisWithoutExcerpt: withoutExcerpt, reason };
}

function revertRow(ctx: MonitorContext, pull: MergedEnsemblePull, outcome: RevertOutcome): MonitorRow {
  const base = { key: `revert:${pull.number}`, kind: 'revert' as const, at: ctx.now().toISOString(), costUsd: null };
  switch (outcome.kind) {
    case 'opened':
      return {
        ...base,
        state: 'done',
        title: `Draft revert #${outcome.pull.number} of #${pull.number}: it broke ${ctx.defaultBranch} after the merge`,
        detail: "ensemble never merges it: review it, or close it if the failure is not the change's.",
        link: outcome.pull.url,
      };
    case 'conflicts':
      return {
        ...base,
        state: 'skipped',
        title: `#${pull.number} broke ${ctx.defaultBranch}, but its revert conflicts with ${ctx.defaultBranch} now: no pull request`,
        detail: `Conflicts in ${outcome.files.join(', ')}; revert it by hand.`,
        link: outcome.comment,
      };
    case 'branch-taken':
      return {
        ...base,
        state: 'skipped',
        title: `#${pull.number} broke ${ctx.defaultBranch}; the branch of its revert holds another commit, left as it is`,
        detail: null,
        link: outcome.comment,
      };
    case 'closed':
      return {
        ...base,
        state: 'skipped',
        title: `#${pull.number} broke ${ctx.defaultBranch}; its revert #${outcome.pull.number} was closed and is not reopened`,
        detail: null,
        link: outcome.pull.url,
      };
    case 'refused':
      return {
        ...base,
        state: 'failed',
        title: `#${pull.number} broke ${ctx.defaultBranch}; the revert was not written: the safe-output policy refused it`,
        detail: outcome.refusals.map((r) => `${r.rule} (${r.where})`).join('; '),
        link: null,
      };
  }
}

/** The run id of `…/actions/runs/<id>`. */
function runIdOf(runUrl: string): string {
  return /\/actions\/runs\/(\d+)/.exec(runUrl)?.[1] ?? 'unknown';
}

function short(sha: string): string {
  return sha.slice(0, 12);
}
