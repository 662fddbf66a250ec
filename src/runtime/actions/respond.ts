/**
 * `actions/respond`: the first job of a follow-up run, started by a review or a comment on a pull
 * request. It decides what was asked (`follow-up-event.ts`), of whom, on which pull request, and
 * either says no (a reply that says why, or nothing where a reply would be spam: see
 * docs/github-setup.md "Follow-up runs") or prepares the fix job's run: the stored state of the
 * run that made the pull request, the change up to the pull request's head, and the open findings
 * read back from its review threads (`pipeline/follow-up.ts`). No model runs here.
 *
 * Outputs: `mode` (`fix`, or `none` when nothing is to be done), `pull`, `base-sha`, `head-sha`
 * and `timeouts` (the fix job's limit).
 */

import type { EnsembleConfig } from '../../contracts/config.ts';
import type { BaseMerge, FollowUpDocument } from '../../contracts/follow-up.ts';
import type { Finding } from '../../contracts/review.ts';
import { upsertMarkedComment } from '../../github/issues.ts';
import { createOctokit, type GitHubClient } from '../../github/octokit.ts';
import { checkTriggerPermission } from '../../github/permissions.ts';
import { isRunActive } from '../../github/runs.ts';
import { listReviewThreads } from '../../github/threads.ts';
import {
  FollowUpError,
  type FollowUpStart,
  openBlockingCount,
  prepareFollowUpRun,
  type ThreadOnPull,
} from '../../pipeline/follow-up.ts';
import { readActivity } from '../../publish/activity.ts';
import { followUpAsked, followUpCommentBody, followUpMarker } from '../../publish/follow-up.ts';
import { RunStateError, readRunState } from '../../publish/run-state.ts';
import { waitShownOnIssue } from '../../publish/tracking.ts';
import { findMarker } from '../../render/marker.ts';
import { UserError } from '../../util/errors.ts';
import { clipWithNote } from '../../util/text.ts';
import { hardenedGit, hasCommit } from '../../workspace/git.ts';
import { diffTrees } from '../../workspace/patch.ts';
import { conflictFindings, watchBase } from './base-watch.ts';
import { decideCiEvent } from './ci-event.ts';
import { activityRecorder, issueOf, REPAIRS_STOPPED, repairFindings, watchCi } from './ci-watch.ts';
import { actionsGitHubLog, runUrlOf } from './environment.ts';
import { decideFollowUp, type FollowUpEvent, notEnsemblesPull, pullFactsOf } from './follow-up-event.ts';
import type { ActionSettings } from './inputs.ts';
import { watchAfterMerge } from './monitor.ts';
import { loadCheckoutConfig } from './publish.ts';
import { findReply, replyTo } from './reply.ts';
import {
  ensembleRuns,
  type FollowUpComment,
  followUpComments,
  type RunsTarget,
  retryRun,
  stopRuns,
} from './run-control.ts';
import type { ActionDeps } from './stages.ts';
import { jobTimeouts } from './timeouts.ts';

type Answer = { mode: 'none'; why: string } | { mode: 'fix'; followUp: FollowUpDocument };

/** Runs the respond job (module comment). */
export async function runRespondAction(settings: ActionSettings<'respond'>, deps: ActionDeps): Promise<void> {
  const { core, job } = deps;
  const config = await loadCheckoutConfig(job.workspace, settings.config);
  const octokit = createOctokit({ token: settings.githubToken, baseUrl: job.apiUrl, log: actionsGitHubLog(core) });
  const answer = await respond(octokit, config, deps);
  core.setOutput('mode', answer.mode);
  if (answer.mode === 'none') {
    core.info(`ensemble does nothing: ${answer.why}`);
    core.summary.addRaw(`## ensemble follow-up\n\nNothing to do: ${answer.why}\n`, true);
    await core.summary.write();
    return;
  }
  const { followUp } = answer;
  for (const name of deps.runDir.artifacts()) {
    await deps.artifacts.uploadArtifact(name, deps.runDir.artifactDir(name));
  }
  // Only once the fix job has what it needs: a "working on it" that no job follows would stay so.
  await acknowledge(octokit, job.repository, followUp, runUrlOf(job));
  core.setOutput('pull', String(followUp.pull.number));
  core.setOutput('base-sha', followUp.run.baseSha);
  // The default branch's commit whose configuration this job read: the fix job reads the same one.
  core.setOutput('config-sha', await hardenedGit(job.workspace).text(['rev-parse', 'HEAD'], { what: 'read HEAD' }));
  core.setOutput('head-sha', followUp.pull.headSha);
  core.setOutput('timeouts', JSON.stringify(jobTimeouts(config.config)));
  const given =
    followUp.threads.length === 1 ? '1 open review thread' : `${followUp.threads.length} open review threads`;
  core.summary.addRaw(
    `## ensemble follow-up on #${followUp.pull.number}\n\n` +
      `A fix run (${followUpAsked(followUp)}), on the head ` +
      `${followUp.pull.headSha.slice(0, 12)}, with ${given} and ${followUp.instructions ? '' : 'no '}instructions.\n`,
    true,
  );
  await core.summary.write();
}

async function respond(
  octokit: GitHubClient,
  loaded: { config: EnsembleConfig; hash: string },
  deps: ActionDeps,
): Promise<Answer> {
  const { config } = loaded;
  const { job } = deps;
  const repo = job.repository;
  if (afterMerge(job.eventName, job.eventPayload)) return respondAfterMerge(octokit, config, deps);
  if (job.eventName === 'workflow_run' || job.eventName === 'check_suite') return respondToCi(octokit, loaded, deps);
  if (job.eventName === 'push') return respondToPush(octokit, loaded, deps);
  const decision = decideFollowUp(job.eventName, job.eventPayload, {
    requestChanges: config.trigger['request-changes'],
    allowedBots: config.trigger['allowed-bots'],
  });
  if (!decision.act) {
    if (decision.reply && decision.source) {
      await replyTo(octokit, repo, pullOfPayload(job.eventPayload), decision.source, decision.reason);
    }
    return { mode: 'none', why: decision.reason };
  }
  const event = decision.followUp;
  const refuse = async (why: string): Promise<Answer> => {
    await replyTo(octokit, repo, event.pull, event.source, why);
    return { mode: 'none', why };
  };
  const mayAsk = async () => {
    const permission = await checkTriggerPermission(octokit, {
      ...repo,
      username: event.author.login,
      senderType: event.author.type,
      allowedBots: config.trigger['allowed-bots'],
    });
    return permission.ok ? null : permission.reason;
  };

  if (event.onIssue) {
    const denied = await mayAsk();
    if (denied !== null) return refuse(denied);
    return controlRuns(octokit, repo, event, { issue: event.pull, pull: null }, job.runId);
  }
  const { data: pull } = await octokit.rest.pulls.get({ ...repo, pull_number: event.pull });
  const notOurs = notEnsemblesPull(pullFactsOf(pull));
  // A "Request changes" review on someone else's pull request was not addressed to ensemble: no reply.
  if (notOurs !== null) return event.via === 'changes-requested' ? { mode: 'none', why: notOurs } : refuse(notOurs);
  const denied = await mayAsk();
  if (denied !== null) return refuse(denied);
  if (event.command.kind !== 'fix') {
    return controlRuns(octokit, repo, event, { issue: issueOf(pull.head.ref), pull: pull.number }, job.runId);
  }

  const answered = await answeredAlready(octokit, repo, event);
  // A re-run of this workflow run resumes an answer it had not finished; any other answer stands.
  if (answered !== null && (answered.run !== job.runId || answered.done)) {
    return { mode: 'none', why: `this request was answered already by workflow run ${answered.run} (${answered.url})` };
  }
  const asked = instructionsOf(event, job.eventPayload);
  const instructions =
    asked === null
      ? null
      : clipWithNote(asked, MAX_INSTRUCTIONS, '\n[cut here: the rest was longer than ensemble reads]');
  const prepared = await prepareFix(octokit, loaded, deps, {
    pull,
    trigger: {
      event: event.event,
      author: event.author.login,
      via: event.via,
      source: { kind: event.source.kind, id: event.source.id },
    },
    instructions,
    ci: null,
  });
  return 'refused' in prepared ? refuse(prepared.refused) : { mode: 'fix', followUp: prepared.followUp };
}

/** The pull request as a fix reads it (`pulls.get`). */
export interface PullForFix {
  number: number;
  html_url: string;
  head: { ref: string; sha: string };
}

/**
 * Prepares a fix run of `pull` in the run directory: the stored state of the run that made it, the
 * change from its base to its head, its open review threads, and what asked (a person, or CI with
 * its failed checks as findings). A reason to refuse when the pull request cannot be fixed from
 * what it holds; thrown when the checkout is not what the workflow gives.
 */
export async function prepareFix(
  octokit: GitHubClient,
  loaded: { config: EnsembleConfig; hash: string },
  deps: ActionDeps,
  request: {
    pull: PullForFix;
    trigger: FollowUpDocument['trigger'];
    instructions: string | null;
    /** A CI repair: its record and findings, given the paths the pull request changes. */
    ci: ((changedPaths: string[]) => NonNullable<FollowUpStart['ci']>) | null;
    /** A merge of the base: the run's base is the base's new commit, its change the merged tree. */
    merge?: { merge: BaseMerge; tree: string; findings: Finding[] } | null;
  },
): Promise<{ followUp: FollowUpDocument } | { refused: string }> {
  const { config } = loaded;
  const { job } = deps;
  const repo = job.repository;
  const { pull } = request;
  const branch = pull.head.ref;
  let stored: Awaited<ReturnType<typeof readRunState>>;
  try {
    stored = await readRunState(octokit, repo, branch);
  } catch (error) {
    if (error instanceof RunStateError) return { refused: error.message };
    throw error;
  }
  if (stored === null) {
    return {
      refused:
        `the run that made this pull request left no stored state (refs/ensemble/state for ${branch}), so there ` +
        'is nothing a fix can start from. Label the issue again to start a new run',
    };
  }
  const git = hardenedGit(job.workspace);
  const headSha = pull.head.sha;
  if (!(await hasCommit(git, headSha))) {
    throw new UserError(
      `the pull request's head ${headSha} is not in the checkout: check it out with fetch-depth: 0 ` +
        '(the reusable workflow does), or the branch moved while this job started; re-run it',
    );
  }
  const merge = request.merge ?? null;
  const baseSha =
    merge?.merge.baseSha ??
    (await git.text(['merge-base', 'HEAD', headSha], { what: 'find the base of the pull request' })).trim();
  const diff = await diffTrees(git, baseSha, merge?.tree ?? headSha);
  const change = diff.patch;
  const threads = await listReviewThreads(octokit, repo, pull.number);
  const writers = await writersAmong(octokit, repo, threads, config);
  try {
    const followUp = prepareFollowUpRun(deps.runDir, {
      run: {
        repository: `${repo.owner}/${repo.repo}`,
        runId: job.runId,
        issue: stored.state.plan.run.issue,
        promptHash: stored.state.plan.run.promptHash,
        baseSha,
        configHash: loaded.hash,
      },
      state: { commit: stored.commit, ...stored.state },
      change,
      pull: { number: pull.number, branch, headSha, url: pull.html_url },
      trigger: request.trigger,
      instructions: request.instructions,
      threads: threads.map(threadOnPull),
      canWrite: (login) => writers.has(login),
      blockOn: config.review['block-on'],
      ci: request.ci?.(diff.changes.map((c) => c.path)) ?? null,
      merge: merge === null ? null : { merge: merge.merge, findings: merge.findings },
    });
    return { followUp };
  } catch (error) {
    if (error instanceof FollowUpError) return { refused: error.message };
    throw error;
  }
}

/**
 * A CI event on one of ensemble's pull requests (`ci-watch.ts`): a repair prepared as a fix run,
 * or nothing (a re-run, a failure that is the base's, a green head marked ready, …).
 */
async function respondToCi(
  octokit: GitHubClient,
  loaded: { config: EnsembleConfig; hash: string },
  deps: ActionDeps,
): Promise<Answer> {
  const { job } = deps;
  const decision = decideCiEvent(job.eventName, job.eventPayload);
  if (!decision.act) return { mode: 'none', why: decision.reason };
  const { event } = decision;
  const record = activityRecorder(octokit, deps);
  const answer = await watchCi({
    octokit,
    config: loaded.config,
    deps,
    event,
    record,
    now: () => new Date(),
    rows: async (issue) => (issue === null ? [] : readActivity(octokit, job.repository, issue)),
    openBlockingFindings: (pull) => openBlockingOn(octokit, loaded.config, deps, pull),
  });
  if (answer.mode === 'none') return answer;
  const source = { kind: event.source === 'workflow_run' ? 'workflow-run' : 'check-suite', id: event.id } as const;
  const answered = (await followUpComments(octokit, job.repository, answer.pull.number)).find(
    (c) => c.source === `${source.kind}-${source.id}`,
  );
  if (answered !== undefined && (answered.run !== job.runId || answered.done)) {
    return { mode: 'none', why: `this failure was taken up already by workflow run ${answered.run} (${answered.url})` };
  }
  const { repair } = answer;
  const prepared = await prepareFix(octokit, loaded, deps, {
    pull: answer.pull,
    trigger: { event: event.source, author: event.name.slice(0, 100), via: 'ci', source },
    instructions: null,
    ci: (changedPaths) => ({ repair: repair.repair, findings: repairFindings(repair, changedPaths, loaded.config) }),
  });
  if ('refused' in prepared) {
    await record(repair.issue, { ...repair.row, state: 'failed', detail: prepared.refused });
    return { mode: 'none', why: prepared.refused };
  }
  await record(repair.issue, repair.row);
  return { mode: 'fix', followUp: prepared.followUp };
}

/** Whether an event is about the default branch after a merge: a deployment, or CI on the default branch. */
function afterMerge(eventName: string, payload: Record<string, unknown>): boolean {
  if (eventName === 'deployment_status') return true;
  if (eventName !== 'workflow_run') return false;
  const run = payload['workflow_run'] as
    | { head_branch?: unknown; event?: unknown; head_repository?: { full_name?: unknown } | null }
    | undefined;
  const repository = payload['repository'] as { default_branch?: unknown; full_name?: unknown } | undefined;
  // A fork's run on a branch it named `main` is no run of the default branch.
  return (
    typeof run?.head_branch === 'string' &&
    run.head_branch === repository?.default_branch &&
    run.event === 'push' &&
    run.head_repository?.full_name === repository?.full_name
  );
}

/** CI or a deployment on the default branch (`monitor.ts`): a merged pull request of ensemble's watched. */
async function respondAfterMerge(octokit: GitHubClient, config: EnsembleConfig, deps: ActionDeps): Promise<Answer> {
  const { job } = deps;
  const repository = job.eventPayload['repository'] as { default_branch?: string } | undefined;
  const { why } = await watchAfterMerge({
    octokit,
    config,
    repo: job.repository,
    eventName: job.eventName,
    payload: job.eventPayload,
    defaultBranch: repository?.default_branch ?? 'main',
    workspace: job.workspace,
    runUrl: runUrlOf(job),
    serverUrl: job.serverUrl,
    now: () => new Date(),
    record: activityRecorder(octokit, deps),
  });
  return { mode: 'none', why };
}

/**
 * A push to a base branch (`base-watch.ts`): the merge of the base into the first of ensemble's pull
 * requests that no longer merges cleanly, prepared as a fix run; or nothing, and why.
 */
async function respondToPush(
  octokit: GitHubClient,
  loaded: { config: EnsembleConfig; hash: string },
  deps: ActionDeps,
): Promise<Answer> {
  const record = activityRecorder(octokit, deps);
  const answer = await watchBase({
    octokit,
    config: loaded.config,
    deps,
    record,
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  if (answer.mode === 'none') return answer;
  const { merge, tree } = answer;
  const git = hardenedGit(deps.job.workspace);
  const findings = await conflictFindings(git, tree, merge, loaded.config.review['block-on']);
  const prepared = await prepareFix(octokit, loaded, deps, {
    pull: answer.pull,
    trigger: {
      event: 'push',
      author: pusherOf(deps.job.eventPayload),
      via: 'conflict',
      source: { kind: 'base-push', id: Number(deps.job.runId.split('-')[0]) || 0 },
    },
    instructions: null,
    ci: null,
    merge: { merge, tree, findings },
  });
  if ('refused' in prepared) {
    await record(answer.issue, { ...answer.row, state: 'failed', detail: prepared.refused });
    return { mode: 'none', why: prepared.refused };
  }
  await record(answer.issue, answer.row);
  return { mode: 'fix', followUp: prepared.followUp };
}

/** Who pushed to the base, as the push event names them. */
function pusherOf(payload: Record<string, unknown>): string {
  const pusher = payload['pusher'] as { name?: unknown } | undefined;
  return typeof pusher?.name === 'string' && pusher.name !== '' ? pusher.name.slice(0, 100) : 'a push';
}

/** The blocking findings open on the pull request: of its stored reviews, those whose thread is open, and people's. */
async function openBlockingOn(
  octokit: GitHubClient,
  config: EnsembleConfig,
  deps: ActionDeps,
  pull: { number: number; head: { ref: string } },
): Promise<number> {
  const repo = deps.job.repository;
  const stored = await readRunState(octokit, repo, pull.head.ref);
  const threads = await listReviewThreads(octokit, repo, pull.number);
  const writers = await writersAmong(octokit, repo, threads, config);
  return openBlockingCount(
    stored?.state.reviews ?? [],
    threads.map(threadOnPull),
    (login) => writers.has(login),
    config.review['block-on'],
  );
}

/**
 * The follow-up comment, first saying that the fix is under way and where; the publish job
 * replaces it with what came of it. `/ensemble stop` finds the run by it.
 */
async function acknowledge(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
  followUp: FollowUpDocument,
  runUrl: string,
): Promise<void> {
  const mark = followUpMarker(followUp);
  const threads =
    followUp.threads.length === 1 ? '1 open review thread' : `${followUp.threads.length} open review threads`;
  const body = followUpCommentBody(mark, 'working', followUpAsked(followUp), [
    `Working on it in [this workflow run](${runUrl}): fix rounds on ${followUp.pull.headSha.slice(0, 12)}, ` +
      `given ${threads}${followUp.instructions ? ' and the instructions' : ''}. ` +
      'This comment says what came of it when the run ends; `/ensemble stop` stops it.',
  ]);
  await upsertMarkedComment(octokit, { ...repo, issue_number: followUp.pull.number, marker: mark, body });
}

/** Stops or retries ensemble's runs for the target, and says what it did in a reply. */
async function controlRuns(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
  event: FollowUpEvent,
  target: RunsTarget,
  currentRun: string,
): Promise<Answer> {
  // The same comment delivered again (or this job re-run): it was answered; stopping or re-running
  // again would act twice on one request.
  const replied = await findReply(octokit, repo, event.pull, event.source);
  if (replied !== null) return { mode: 'none', why: `this request was answered already (${replied.url})` };
  const runs = await ensembleRuns(octokit, repo, target, currentRun);
  const said =
    event.command.kind === 'retry'
      ? await retryRun(octokit, repo, runs, event.command.stage)
      : await stopRuns(octokit, repo, runs, { pull: target.pull, by: event.author.login });
  // A stop on an issue where a run waits for a person, with nothing running: the pipeline's own
  // run settles the wait and says so in the tracking comment; a reply here would only contradict it.
  if (
    event.onIssue &&
    event.command.kind === 'stop' &&
    !runs.some(isRunActive) &&
    (await waitShownOnIssue(octokit, repo, event.pull)) !== null
  )
    return { mode: 'none', why: "nothing runs here, and the wait on the issue is the pipeline run's to settle" };
  // A stop on a pull request also stops CI repairs there, until someone asks for a fix again.
  const stopsRepairs = event.command.kind === 'stop' && target.pull !== null;
  const text = stopsRepairs ? `${said}. CI repairs on this pull request stay stopped until \`/ensemble fix\`` : said;
  await replyTo(octokit, repo, event.pull, event.source, text, 'acted', stopsRepairs ? [REPAIRS_STOPPED] : []);
  return { mode: 'none', why: said };
}

/** A review thread as the follow-up reads it: ensemble's finding id from its root comment's marker. */
function threadOnPull(t: Awaited<ReturnType<typeof listReviewThreads>>[number]): ThreadOnPull {
  return {
    id: t.id,
    findingId: findMarker(t.comments[0]?.body ?? '', 'finding')?.fields['id'] ?? null,
    isResolved: t.isResolved,
    path: t.path,
    line: t.line,
    comments: t.comments,
  };
}

/** The most of a person's instructions a follow-up keeps (`FollowUpDocument.instructions`). */
const MAX_INSTRUCTIONS = 20_000;

/** A fix's instructions: the command's text, or a "Request changes" review's body (untrusted, as every comment). */
function instructionsOf(event: FollowUpEvent, payload: Record<string, unknown>): string | null {
  if (event.command.kind !== 'fix') return null;
  if (event.command.instructions !== null || event.via !== 'changes-requested') return event.command.instructions;
  const body = (payload['review'] as { body?: unknown } | undefined)?.body;
  return typeof body === 'string' && body.trim() !== '' ? body.trim() : null;
}

/** The authors of the threads who have write access (each looked up once). */
async function writersAmong(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
  threads: readonly { comments: readonly { author: string; authorType: string }[] }[],
  config: EnsembleConfig,
): Promise<Set<string>> {
  const authors = new Map(
    threads.flatMap((t) => t.comments.filter((c) => c.author !== '').map((c) => [c.author, c.authorType] as const)),
  );
  const writers = new Set<string>();
  for (const [login, type] of authors) {
    // A bot counts only when trigger.allowed-bots lists it, as for starting a run.
    const permission = await checkTriggerPermission(octokit, {
      ...repo,
      username: login,
      senderType: type,
      allowedBots: config.trigger['allowed-bots'],
    });
    if (permission.ok) writers.add(login);
  }
  return writers;
}

function pullOfPayload(payload: Record<string, unknown>): number {
  const pull = payload['pull_request'] as { number?: number } | undefined;
  const issue = payload['issue'] as { number?: number } | undefined;
  return pull?.number ?? issue?.number ?? 0;
}

/**
 * The follow-up comment of an earlier run that answered the same comment or review (a re-run of
 * this workflow run, or the same event delivered twice), or null: a request makes one fix.
 */
async function answeredAlready(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
  event: FollowUpEvent,
): Promise<FollowUpComment | null> {
  const source = `${event.source.kind}-${event.source.id}`;
  return (await followUpComments(octokit, repo, event.pull)).find((c) => c.source === source) ?? null;
}
