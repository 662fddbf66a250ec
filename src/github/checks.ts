/**
 * The repository's CI as ensemble reads it on its pull requests: the checks of a head (with which
 * the base branch requires), the jobs and logs of a failed workflow run, the base branch's latest
 * run of the same workflow, whether anything started on a commit at all; and the few writes that
 * follow a green head, by policy only: ready for review, reviewers, GitHub's own auto-merge.
 *
 * SKELETON: the signatures the rest of ensemble codes against; the bodies are being built.
 */
import type { GitHubClient } from './octokit.ts';
import type { RepoRef } from './threads.ts';

/** One check on a pull request's head: a check run (GitHub Actions jobs are check runs) or a commit status. */
export interface HeadCheck {
  /** The check run's name (an Actions job's name) or the status's context. */
  name: string;
  kind: 'check-run' | 'status';
  /** Lower case: queued | in_progress | completed (check runs); pending | completed (statuses). */
  status: string;
  /**
   * Lower case, null while not completed: success | failure | neutral | cancelled | skipped | timed_out |
   * action_required | stale | startup_failure; a status maps success → success, failure and error → failure.
   */
  conclusion: string | null;
  /** Whether the base branch's protection or rulesets require it for this pull request (GraphQL `isRequired`). */
  required: boolean;
  url: string | null;
  /** The check run's REST id; null for a status. */
  checkRunId: number | null;
  /** For a GitHub Actions job: its workflow's name and the workflow run's id; null otherwise. */
  workflow: { name: string; runId: number } | null;
  /** The app that made the check run (`github-actions`, …); null for a status. */
  app: string | null;
}

export interface PullChecks {
  /** The pull request's GraphQL node id (for the mutations). */
  nodeId: string;
  number: number;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  isDraft: boolean;
  headSha: string;
  mergeable: 'MERGEABLE' | 'CONFLICTING' | 'UNKNOWN';
  /** GitHub's auto-merge, when someone (or ensemble) enabled it. */
  autoMerge: { method: 'MERGE' | 'SQUASH' | 'REBASE' } | null;
  /** The head's checks, the newest of each name. */
  checks: HeadCheck[];
}

export interface CiJobStep {
  number: number;
  name: string;
  status: string;
  conclusion: string | null;
}

export interface CiJob {
  id: number;
  name: string;
  status: string;
  conclusion: string | null;
  url: string | null;
  runAttempt: number;
  steps: CiJobStep[];
}

export interface CiWorkflowRun {
  id: number;
  /** The workflow's name. */
  name: string;
  workflowId: number;
  headSha: string;
  headBranch: string | null;
  event: string;
  status: string;
  conclusion: string | null;
  attempt: number;
  url: string;
}

/** What started on a commit: check suites with their check runs counted, and Actions workflow runs. */
export interface CommitActivity {
  suites: { id: number; app: string | null; status: string; conclusion: string | null; checkRuns: number }[];
  workflowRuns: CiWorkflowRun[];
}

const notBuilt = (): never => {
  throw new Error('github/checks.ts: not built yet');
};

/** The head's checks and state (one GraphQL query). */
export async function readPullChecks(_octokit: GitHubClient, _repo: RepoRef, _pull: number): Promise<PullChecks> {
  return notBuilt();
}

/** The jobs of a workflow run's latest attempt, with their steps. */
export async function listRunJobsWithSteps(_octokit: GitHubClient, _repo: RepoRef, _runId: number): Promise<CiJob[]> {
  return notBuilt();
}

/**
 * A job's log, at most `maxBytes` of its end (the failure is at the end); null when GitHub no
 * longer has it (expired or deleted).
 */
export async function readJobLog(
  _octokit: GitHubClient,
  _repo: RepoRef,
  _jobId: number,
  _options: { maxBytes: number },
): Promise<{ text: string; truncated: boolean } | null> {
  return notBuilt();
}

/** A workflow run by id, in the shape above; null when there is none. */
export async function readCiRun(_octokit: GitHubClient, _repo: RepoRef, _runId: number): Promise<CiWorkflowRun | null> {
  return notBuilt();
}

/** The newest completed run of a workflow on a branch (not `excludeRunId`), or null. */
export async function latestCompletedRun(
  _octokit: GitHubClient,
  _repo: RepoRef,
  _query: { workflowId: number; branch: string; excludeRunId?: number },
): Promise<CiWorkflowRun | null> {
  return notBuilt();
}

/** A check run's output (title, summary, text), for failures outside GitHub Actions. */
export async function readCheckRunOutput(
  _octokit: GitHubClient,
  _repo: RepoRef,
  _checkRunId: number,
): Promise<{ title: string | null; summary: string | null; text: string | null }> {
  return notBuilt();
}

/** What started on `sha`: check suites (with check runs) and workflow runs. */
export async function readCommitActivity(
  _octokit: GitHubClient,
  _repo: RepoRef,
  _sha: string,
): Promise<CommitActivity> {
  return notBuilt();
}

/** Marks a draft pull request ready for review (GraphQL `markPullRequestReadyForReview`); idempotent. */
export async function markReadyForReview(_octokit: GitHubClient, _pullNodeId: string): Promise<void> {
  return notBuilt();
}

/** Requests reviews of people and teams (`org/team`) not yet requested or reviewed; idempotent. */
export async function requestReviewers(
  _octokit: GitHubClient,
  _repo: RepoRef,
  _pull: number,
  _reviewers: readonly string[],
): Promise<void> {
  return notBuilt();
}

/** Enables GitHub's auto-merge with `method` (GraphQL `enablePullRequestAutoMerge`); idempotent. */
export async function enableAutoMerge(
  _octokit: GitHubClient,
  _pullNodeId: string,
  _method: 'MERGE' | 'SQUASH' | 'REBASE',
): Promise<void> {
  return notBuilt();
}
