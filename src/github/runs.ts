/**
 * Workflow runs of the repository: read one, cancel it, list its jobs, re-run a job or the failed
 * jobs. `/ensemble stop` cancels ensemble's running run; `/ensemble retry` re-runs a stage's job of
 * its last run, which starts from the artifacts that run left.
 *
 * Every failure is a `GitHubApiError` naming the permission (`actions: read` to read, `actions:
 * write` to cancel and re-run). GitHub's refusals of a re-run say why in a 403 that is not about
 * permissions (the run is still running, or is over a month old), so those get their own advice.
 */
import { explainGitHubError, GitHubApiError, type GitHubOperation, githubCall, statusOf } from './errors.ts';
import type { GitHubClient } from './octokit.ts';
import type { RepoRef } from './threads.ts';
import { writeOnce } from './write-once.ts';

export type { RepoRef } from './threads.ts';

export interface WorkflowRun {
  id: number;
  /** queued | in_progress | completed | waiting | requested | pending */
  status: string;
  conclusion: string | null;
  /** The run's page (`html_url`). */
  url: string;
  attempt: number;
  /** The workflow file the run is of (`.github/workflows/ensemble.yml`). */
  path: string;
}

export interface WorkflowJob {
  id: number;
  name: string;
  status: string;
  conclusion: string | null;
}

const READ = 'actions: read';
const WRITE = 'actions: write';

/** GET /repos/{owner}/{repo}/actions/runs/{run_id}; null when there is no such run (404). */
export async function getWorkflowRun(octokit: GitHubClient, repo: RepoRef, runId: number): Promise<WorkflowRun | null> {
  try {
    const { data } = await octokit.rest.actions.getWorkflowRun({ owner: repo.owner, repo: repo.repo, run_id: runId });
    return {
      id: data.id,
      // The schema lets status be null; GitHub sets it on every run, and null would say nothing to act on.
      status: data.status ?? 'completed',
      conclusion: data.conclusion ?? null,
      url: data.html_url,
      attempt: data.run_attempt ?? 1,
      path: data.path,
    };
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw explainGitHubError(error, { action: `read workflow run ${runId}`, permission: READ });
  }
}

/** Whether a run is still going (not `completed`). */
export function isRunActive(run: Pick<WorkflowRun, 'status'>): boolean {
  return run.status !== 'completed';
}

/**
 * POST …/actions/runs/{run_id}/cancel. A run that completed meanwhile (409 "Cannot cancel a
 * workflow run that is completed.") is not an error: returns 'completed'.
 */
export async function cancelWorkflowRun(
  octokit: GitHubClient,
  repo: RepoRef,
  runId: number,
): Promise<'cancelled' | 'completed'> {
  const operation = { action: `cancel workflow run ${runId}`, permission: WRITE };
  try {
    // A lost answer (5xx, no answer) may hide a cancel that landed: look at the run before asking
    // again. The client's own retries are not used: with an explicit \`request.retries\`,
    // @octokit/plugin-retry retries every error, a 409 or 403 included.
    const { value } = await writeOnce(octokit, {
      operation,
      create: async () => {
        await octokit.rest.actions.cancelWorkflowRun({ owner: repo.owner, repo: repo.repo, run_id: runId });
        return 'cancelled' as const;
      },
      find: async () => {
        const run = await getWorkflowRun(octokit, repo, runId);
        if (!run || isRunActive(run)) return null;
        return run.conclusion === 'cancelled' ? 'cancelled' : 'completed';
      },
    });
    return value;
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 409 && /\bcompleted\b/i.test(error.githubMessage)) {
      return 'completed';
    }
    throw error;
  }
}

/** Every job of the run's latest attempt (GET …/actions/runs/{run_id}/jobs?filter=latest, paginated). */
export async function listRunJobs(octokit: GitHubClient, repo: RepoRef, runId: number): Promise<WorkflowJob[]> {
  const jobs = await githubCall({ action: `list the jobs of workflow run ${runId}`, permission: READ }, () =>
    octokit.paginate(octokit.rest.actions.listJobsForWorkflowRun, {
      owner: repo.owner,
      repo: repo.repo,
      run_id: runId,
      filter: 'latest',
      per_page: 100,
    }),
  );
  return jobs.map((job) => ({ id: job.id, name: job.name, status: job.status, conclusion: job.conclusion ?? null }));
}

/**
 * POST …/actions/jobs/{job_id}/rerun (GitHub re-runs the job and the jobs that depend on it).
 * Sent once: repeated after a lost answer, it would meet the re-run it started ("already running").
 */
export async function rerunJob(octokit: GitHubClient, repo: RepoRef, jobId: number): Promise<void> {
  const operation = { action: `re-run job ${jobId}`, permission: WRITE };
  try {
    await octokit.rest.actions.reRunJobForWorkflowRun({ owner: repo.owner, repo: repo.repo, job_id: jobId });
  } catch (error) {
    throw explainRerunError(error, operation);
  }
}

/** POST …/actions/runs/{run_id}/rerun-failed-jobs. Sent once, as `rerunJob`. */
export async function rerunFailedJobs(octokit: GitHubClient, repo: RepoRef, runId: number): Promise<void> {
  const operation = { action: `re-run the failed jobs of workflow run ${runId}`, permission: WRITE };
  try {
    await octokit.rest.actions.reRunWorkflowFailedJobs({ owner: repo.owner, repo: repo.repo, run_id: runId });
  } catch (error) {
    throw explainRerunError(error, operation);
  }
}

/**
 * GitHub refuses a re-run with a 403 that is not about the token: while the run is still running
 * ("This workflow is already running"), and once it is over a month old ("Unable to retry this
 * workflow run because it was created over a month ago"). Anything else is explained as usual.
 */
function explainRerunError(error: unknown, operation: GitHubOperation): GitHubApiError {
  const explained = explainGitHubError(error, operation);
  const said = explained.githubMessage;
  let advice: string | null = null;
  if (explained.status === 403 && /already running/i.test(said)) {
    advice =
      `the workflow run is still running (GitHub: 403 ${said}); wait for it to finish, ` +
      'or stop it with `/ensemble stop`, then retry';
  } else if (explained.status === 403 && /over a month ago|older than/i.test(said)) {
    advice = `GitHub re-runs only runs less than 30 days old (403 ${said}); start a new run instead`;
  }
  if (advice === null) return explained;
  return new GitHubApiError(`could not ${operation.action}: ${advice}`, {
    status: explained.status,
    action: operation.action,
    githubMessage: said,
    cause: error,
  });
}
