/**
 * `/ensemble stop` and `/ensemble retry [stage]`: ensemble's own workflow runs for an issue or a
 * pull request, found through what ensemble wrote there (the issue's tracking comment links the
 * pipeline's run; each follow-up comment on the pull request names its run), then cancelled or
 * re-run through the Actions API. GitHub re-runs a job together with every job that needs it, from
 * the run's artifacts, so `retry review` re-reviews, fixes and publishes again.
 */

import type { StageName } from '../../contracts/stages.ts';
import { findMarkedComment, upsertMarkedComment } from '../../github/issues.ts';
import type { GitHubClient } from '../../github/octokit.ts';
import {
  cancelWorkflowRun,
  getWorkflowRun,
  isRunActive,
  listRunJobs,
  rerunFailedJobs,
  rerunJob,
  type WorkflowJob,
  type WorkflowRun,
} from '../../github/runs.ts';
import { FOLLOW_UP_DONE, followUpCommentBody, followUpMarkerOf, type MarkedWork } from '../../publish/follow-up.ts';
import { findMarker, TRACKING_MARKER } from '../../render/marker.ts';

type Repo = { owner: string; repo: string };

/** Where ensemble's runs are named: the issue (its tracking comment) and the pull request (its follow-up comments). */
export interface RunsTarget {
  issue: number | null;
  pull: number | null;
}

const RUN_LINK = /\/actions\/runs\/(\d+)/g;

/** A follow-up's comment on a pull request: its run, the comment or review it answers, whether it is final. */
export interface FollowUpComment {
  run: string;
  /** `<kind>-<id>` of the comment or review that asked (`workflow-run-<id>` for a CI repair). */
  source: string;
  /** The publish wrote it (not only the respond job's acknowledgement). */
  done: boolean;
  url: string;
  /** For a CI repair or a base merge: the head it worked on, and the failures or the base commit. */
  work: MarkedWork | null;
}

/** ensemble's follow-up comments on pull request `pull`, oldest first. */
export async function followUpComments(octokit: GitHubClient, repo: Repo, pull: number): Promise<FollowUpComment[]> {
  return followUpCommentsIn(await pullComments(octokit, repo, pull));
}

/** The comments of an issue or pull request, oldest first. */
export async function pullComments(octokit: GitHubClient, repo: Repo, pull: number) {
  return octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: pull, per_page: 100 });
}

export type IssueComments = Awaited<ReturnType<typeof pullComments>>;

/** The follow-up comments among `comments`. */
export function followUpCommentsIn(comments: IssueComments): FollowUpComment[] {
  return comments.flatMap((comment) => {
    // Only a bot's comment counts (ensemble comments as one): a person could paste the marker.
    if (comment.user?.type !== 'Bot') return [];
    const body = comment.body ?? '';
    const found = findMarker(body, 'follow-up');
    if (!found?.fields['run']) return [];
    const done = body.includes(FOLLOW_UP_DONE);
    const { head, failures, merged } = found.fields;
    const work = head
      ? { headSha: head, ...(failures ? { signature: failures } : {}), ...(merged ? { merged } : {}) }
      : null;
    return [{ run: found.fields['run'], source: found.fields['source'] ?? '', done, url: comment.html_url, work }];
  });
}

/**
 * ensemble's workflow runs for the target, newest first, without the current run: those the
 * tracking comment links and the follow-up comments name that are of the current run's workflow
 * file (a link to some other run, written in the issue and quoted in the plan, is not ensemble's).
 */
export async function ensembleRuns(
  octokit: GitHubClient,
  repo: Repo,
  target: RunsTarget,
  current: string,
): Promise<WorkflowRun[]> {
  const ours = await getWorkflowRun(octokit, repo, Number(current));
  const runs: WorkflowRun[] = [];
  for (const id of await runIdsFor(octokit, repo, target, current)) {
    const run = await getWorkflowRun(octokit, repo, id);
    if (run !== null && (ours === null || run.path === ours.path)) runs.push(run);
  }
  return runs;
}

/** The ids of the runs named for the target, newest first, without `exclude` (the current run). */
async function runIdsFor(octokit: GitHubClient, repo: Repo, target: RunsTarget, exclude: string): Promise<number[]> {
  const ids = new Set<number>();
  if (target.issue !== null) {
    const tracking = await findMarkedComment(octokit, { ...repo, issue_number: target.issue, marker: TRACKING_MARKER });
    for (const match of tracking?.body.matchAll(RUN_LINK) ?? []) ids.add(Number(match[1]));
  }
  if (target.pull !== null) {
    for (const { run } of await followUpComments(octokit, repo, target.pull)) {
      if (/^\d+$/.test(run)) ids.add(Number(run));
    }
  }
  ids.delete(Number(exclude));
  // Run ids grow with time on GitHub: the highest is the newest.
  return [...ids].sort((a, b) => b - a);
}

/**
 * Cancels every one of the runs that is still going, and turns the "working on it" comment of each
 * stopped follow-up into what happened (its publish job, cancelled too, will not); says what it
 * did, for the reply.
 */
export async function stopRuns(
  octokit: GitHubClient,
  repo: Repo,
  runs: readonly WorkflowRun[],
  asked: { pull: number | null; by: string },
): Promise<string> {
  const stopped: WorkflowRun[] = [];
  for (const run of runs) {
    if (!isRunActive(run)) continue;
    if ((await cancelWorkflowRun(octokit, repo, run.id)) === 'cancelled') stopped.push(run);
  }
  if (stopped.length === 0) return "nothing of ensemble's was running here, so nothing was stopped";
  if (asked.pull !== null) {
    for (const comment of await followUpComments(octokit, repo, asked.pull)) {
      const run = stopped.find((r) => String(r.id) === comment.run);
      if (comment.done || run === undefined) continue;
      const mark = followUpMarkerOf(comment.run, comment.source, comment.work);
      const body = followUpCommentBody(mark, 'done', 'stopped', [
        `@${asked.by} stopped [the workflow run](${run.url}) with \`/ensemble stop\`; nothing more is pushed ` +
          'from it. Ask again with `/ensemble fix`.',
      ]);
      await upsertMarkedComment(octokit, { ...repo, issue_number: asked.pull, marker: mark, body });
    }
  }
  const links = stopped.map((run) => `[workflow run ${run.id}](${run.url})`);
  return `stopped ${links.join(', ')}: its jobs are cancelled, and nothing more is published from it`;
}

/**
 * Re-runs the newest run's jobs of `stage` (its failed leg when one failed, else its first), or
 * every failed job when no stage is named; says what it did, for the reply.
 */
export async function retryRun(
  octokit: GitHubClient,
  repo: Repo,
  runs: readonly WorkflowRun[],
  stage: StageName | null,
): Promise<string> {
  const run = runs[0];
  if (run === undefined) return 'ensemble has no workflow run here to retry';
  const { id } = run;
  const link = `[workflow run ${id}](${run.url})`;
  if (isRunActive(run)) return `${link} is still running: retry it once it ended, or stop it with \`/ensemble stop\``;
  const jobs = await listRunJobs(octokit, repo, id);
  const failed = (job: WorkflowJob) => job.conclusion === 'failure' || job.conclusion === 'cancelled';
  if (stage === null) {
    if (!jobs.some(failed)) return `nothing failed in ${link}; name a stage to run it again`;
    await rerunFailedJobs(octokit, repo, id);
    return `re-running the failed jobs of ${link} (${jobs
      .filter(failed)
      .map((j) => j.name)
      .join(', ')})`;
  }
  const ofStage = jobs.filter((job) => job.name === stage || job.name.startsWith(`${stage} (`));
  const job = ofStage.find(failed) ?? ofStage[0];
  if (!job) {
    const names = jobs.map((j) => j.name).join(', ') || 'none';
    return `${link} has no ${stage} job (its jobs: ${names})`;
  }
  await rerunJob(octokit, repo, job.id);
  return `re-running ${job.name} of ${link}, and every job after it, from the run's artifacts`;
}
