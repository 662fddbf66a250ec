/**
 * Workflow runs in the GitHub fake: runs with their attempts and jobs, and the Actions endpoints
 * that read, cancel and re-run them, answered as GitHub answers them.
 *
 * - A run is active until its status is `completed`. Cancelling an active run completes it with
 *   conclusion `cancelled` (its unfinished jobs too) and answers 202; cancelling a completed run
 *   is 409 "Cannot cancel a workflow run that is completed.".
 * - Re-running (one job, or the failed jobs) takes a completed run less than a month old: an
 *   active run is 403 "This workflow is already running", an older one 403 "Unable to retry this
 *   workflow run because it was created over a month ago". A re-run starts the next attempt: the
 *   run is `queued` again, and the jobs re-run (the one asked for, or those that failed, cancelled
 *   or timed out, plus every job that `needs` them, transitively) get new ids in that attempt. The
 *   others keep their job of the earlier attempt, as `filter=latest` shows them. Each re-run is
 *   recorded in the run's `reruns`.
 * - The fake never moves a run forward by itself: a test sets `status`, `conclusion` and the jobs
 *   of `workflowRun(id)` to play the runner.
 *
 * What an installation token may do here (`actions: read` for reads, `actions: write` for cancel
 * and re-runs) is checked by `github-fake-apps.ts`, as for every operation.
 */
import { type Call, paginate, Refusal, type Reply } from './github-fake-handlers.ts';
import { type FakeState, nodeId, repoShape, timestamp, userShape } from './github-fake-model.ts';

export type RunStatus = 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
export type RunConclusion =
  | 'success'
  | 'failure'
  | 'neutral'
  | 'cancelled'
  | 'skipped'
  | 'timed_out'
  | 'action_required'
  | 'stale'
  | 'startup_failure';
export type JobConclusion =
  | 'success'
  | 'failure'
  | 'neutral'
  | 'cancelled'
  | 'skipped'
  | 'timed_out'
  | 'action_required';

export interface FakeWorkflowJob {
  id: number;
  name: string;
  status: RunStatus;
  conclusion: JobConclusion | null;
  /** Names of the jobs this one `needs`: re-running one of them re-runs this one. */
  needs: string[];
  runId: number;
  /** The attempt this job ran in. */
  runAttempt: number;
  createdAt: string;
  startedAt: string;
  completedAt: string | null;
  /** The job's steps as `list-jobs-for-workflow-run` shows them. */
  steps: FakeJobStep[];
  /** The job's log (`download-job-logs-for-workflow-run`); null when GitHub has none (not run, expired). */
  log: string | null;
}

export interface FakeJobStep {
  number: number;
  name: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
}

export interface FakeRerun {
  kind: 'job' | 'failed-jobs';
  /** The job asked for (`job`); null for `failed-jobs`. */
  jobId: number | null;
  jobName: string | null;
  /** The attempt the re-run started. */
  attempt: number;
  /** Names of the jobs it re-ran, in the run's order. */
  rerun: string[];
  debug: boolean;
}

export interface FakeWorkflowRun {
  id: number;
  /** The workflow's name (`name:` of the file). */
  name: string;
  /** The workflow file, `.github/workflows/<file>`. */
  path: string;
  displayTitle: string;
  status: RunStatus;
  conclusion: RunConclusion | null;
  htmlUrl: string;
  runNumber: number;
  runAttempt: number;
  event: string;
  headBranch: string | null;
  headSha: string;
  actor: string;
  createdAt: string;
  updatedAt: string;
  runStartedAt: string;
  /** The jobs of every attempt, in the order they were made. */
  jobs: FakeWorkflowJob[];
  reruns: FakeRerun[];
}

export interface WorkflowJobSeed {
  name: string;
  /** `completed` when the run is completed, else `queued`. */
  status?: RunStatus;
  /** `success` for a completed job, else null. */
  conclusion?: JobConclusion | null;
  needs?: string[];
  /** Steps by name; each `completed` with the job's conclusion unless it says otherwise. */
  steps?: { name: string; status?: FakeJobStep['status']; conclusion?: string | null }[];
  /** The job's log text; none by default (the log endpoint then answers 410, as for an expired log). */
  log?: string;
}

export interface WorkflowRunSeed {
  status: RunStatus;
  /** `success` for a completed run, else null. */
  conclusion?: RunConclusion | null;
  jobs?: WorkflowJobSeed[];
  /** `ensemble` by default. */
  name?: string;
  /** `.github/workflows/ensemble.yml` by default. */
  path?: string;
  displayTitle?: string;
  /** `issue_comment` by default. */
  event?: string;
  /** The default branch by default. */
  headBranch?: string | null;
  /** The head of `headBranch` (or of the default branch) by default. */
  headSha?: string;
  /** The fake's viewer by default. */
  actor?: string;
  /** ISO 8601; the fake's clock by default. */
  createdAt?: string;
  /** 1 by default; the jobs are of this attempt. */
  runAttempt?: number;
}

const ACTIVE = (status: RunStatus) => status !== 'completed';
const FAILED: ReadonlySet<string> = new Set(['failure', 'cancelled', 'timed_out']);
const MONTH_MS = 30 * 24 * 3600_000;

/** A completed run or job succeeded unless the seed says otherwise; an active one has no conclusion yet. */
const defaultConclusion = (status: RunStatus) => (status === 'completed' ? 'success' : null);

/** Adds a run (and its jobs) to the fake; its id. */
export function addWorkflowRun(state: FakeState, seed: WorkflowRunSeed): number {
  const completed = seed.status === 'completed';
  const conclusion = seed.conclusion === undefined ? defaultConclusion(seed.status) : seed.conclusion;
  if (completed !== (conclusion !== null)) {
    throw new Error(`a ${seed.status} run has ${completed ? 'a' : 'no'} conclusion (got ${conclusion})`);
  }
  const id = state.nextId();
  const at = seed.createdAt ? timestamp(new Date(seed.createdAt)) : timestamp(state.now());
  const headBranch = seed.headBranch === undefined ? state.defaultBranch : seed.headBranch;
  const headSha =
    seed.headSha ??
    state.refs.get(`refs/heads/${headBranch ?? state.defaultBranch}`) ??
    state.refs.get(`refs/heads/${state.defaultBranch}`)!;
  const attempt = seed.runAttempt ?? 1;
  const run: FakeWorkflowRun = {
    id,
    name: seed.name ?? 'ensemble',
    path: seed.path ?? '.github/workflows/ensemble.yml',
    displayTitle: seed.displayTitle ?? seed.name ?? 'ensemble',
    status: seed.status,
    conclusion,
    htmlUrl: `${state.htmlUrl}/${state.owner}/${state.repo}/actions/runs/${id}`,
    runNumber: state.workflowRuns.size + 1,
    runAttempt: attempt,
    event: seed.event ?? 'issue_comment',
    headBranch,
    headSha,
    actor: seed.actor ?? state.viewer,
    createdAt: at,
    updatedAt: at,
    runStartedAt: at,
    jobs: [],
    reruns: [],
  };
  for (const job of seed.jobs ?? []) {
    const status = job.status ?? (completed ? 'completed' : 'queued');
    const jobConclusion = job.conclusion === undefined ? defaultConclusion(status) : job.conclusion;
    if ((status === 'completed') !== (jobConclusion !== null)) {
      throw new Error(`job ${job.name}: a ${status} job has ${status === 'completed' ? 'a' : 'no'} conclusion`);
    }
    run.jobs.push({
      id: state.nextId(),
      name: job.name,
      status,
      conclusion: jobConclusion,
      needs: [...(job.needs ?? [])],
      runId: id,
      runAttempt: attempt,
      createdAt: at,
      startedAt: at,
      completedAt: status === 'completed' ? at : null,
      steps: (job.steps ?? []).map((step, i) => {
        const stepStatus = step.status ?? (status === 'completed' ? 'completed' : 'queued');
        const byDefault = stepStatus === 'completed' ? jobConclusion : null;
        const stepConclusion = step.conclusion === undefined ? byDefault : step.conclusion;
        return { number: i + 1, name: step.name, status: stepStatus, conclusion: stepConclusion };
      }),
      log: job.log ?? null,
    });
  }
  state.workflowRuns.set(id, run);
  return id;
}

export function seedWorkflowRuns(state: FakeState, seeds: readonly WorkflowRunSeed[]): void {
  for (const seed of seeds) addWorkflowRun(state, seed);
}

/** The job of each name from the latest attempt that ran it: what `filter=latest` lists. */
export function latestJobs(run: FakeWorkflowRun): FakeWorkflowJob[] {
  const byName = new Map<string, FakeWorkflowJob>();
  for (const job of run.jobs) {
    const seen = byName.get(job.name);
    if (!seen || job.runAttempt >= seen.runAttempt) byName.set(job.name, job);
  }
  return [...byName.values()].sort((a, b) => a.id - b.id);
}

// --- Shapes --------------------------------------------------------------------------------

const runApi = (s: FakeState, id: number) => `${s.apiUrl}/repos/${s.owner}/${s.repo}/actions/runs/${id}`;

/** `nullable-simple-commit`: the head commit when the fake's git store has it. */
function headCommitShape(s: FakeState, sha: string) {
  const commit = s.git.commits.get(sha);
  if (!commit) return null;
  return {
    id: commit.sha,
    tree_id: commit.tree,
    message: commit.message,
    timestamp: commit.committer.date,
    author: { name: commit.author.name, email: commit.author.email },
    committer: { name: commit.committer.name, email: commit.committer.email },
  };
}

/** `workflow-run`. */
export function workflowRunShape(s: FakeState, run: FakeWorkflowRun) {
  const api = runApi(s, run.id);
  const repoApi = `${s.apiUrl}/repos/${s.owner}/${s.repo}`;
  const workflowId = 7000 + [...s.workflowRuns.values()].findIndex((r) => r.path === run.path);
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId('WFR', run.id),
    check_suite_id: run.id + 1,
    check_suite_node_id: nodeId('CS', run.id + 1),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: run.path,
    display_title: run.displayTitle,
    run_number: run.runNumber,
    run_attempt: run.runAttempt,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: workflowId,
    url: api,
    html_url: run.htmlUrl,
    pull_requests: [],
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    run_started_at: run.runStartedAt,
    actor: userShape(s, run.actor),
    triggering_actor: userShape(s, run.actor),
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${repoApi}/check-suites/${run.id + 1}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: run.runAttempt > 1 ? `${api}/attempts/${run.runAttempt - 1}` : null,
    workflow_url: `${repoApi}/actions/workflows/${workflowId}`,
    head_commit: headCommitShape(s, run.headSha),
    repository: repoShape(s, false),
    head_repository: repoShape(s, false),
    head_repository_id: s.repoId,
  };
}

/** `job`. */
export function workflowJobShape(s: FakeState, run: FakeWorkflowRun, job: FakeWorkflowJob) {
  const repoApi = `${s.apiUrl}/repos/${s.owner}/${s.repo}`;
  const ran = job.status !== 'queued' && job.status !== 'waiting' && job.status !== 'pending';
  return {
    id: job.id,
    run_id: run.id,
    run_url: runApi(s, run.id),
    run_attempt: job.runAttempt,
    node_id: nodeId('CR', job.id),
    head_sha: run.headSha,
    url: `${repoApi}/actions/jobs/${job.id}`,
    html_url: `${run.htmlUrl}/job/${job.id}`,
    status: job.status,
    conclusion: job.conclusion,
    created_at: job.createdAt,
    started_at: job.startedAt,
    completed_at: job.completedAt,
    name: job.name,
    steps: job.steps.map((step) => ({
      ...step,
      started_at: step.status === 'queued' ? null : job.startedAt,
      completed_at: step.status === 'completed' ? (job.completedAt ?? job.startedAt) : null,
    })),
    check_run_url: `${repoApi}/check-runs/${job.id}`,
    labels: ['ubuntu-latest'],
    runner_id: ran ? 1 : null,
    runner_name: ran ? 'GitHub Actions 1' : null,
    runner_group_id: ran ? 1 : null,
    runner_group_name: ran ? 'GitHub Actions' : null,
    workflow_name: run.name,
    head_branch: run.headBranch,
  };
}

// --- Handlers ------------------------------------------------------------------------------

function runOf(call: Call): FakeWorkflowRun {
  const run = call.state.workflowRuns.get(Number(call.params.run_id));
  if (!run) throw new Refusal(404, 'Not Found');
  return run;
}

/** A paginated list in an object, as the Actions endpoints answer: `{ total_count, <key>: [...] }`. */
function paginateIn(call: Call, key: string, items: unknown[]): Reply {
  const page = paginate(call, items);
  return { ...page, body: { total_count: items.length, [key]: page.body } };
}

/** GitHub's refusals of a re-run: an active run, or one created over a month ago. */
function checkRerunnable(call: Call, run: FakeWorkflowRun) {
  if (ACTIVE(run.status)) throw new Refusal(403, 'This workflow is already running');
  if (call.state.now().getTime() - new Date(run.createdAt).getTime() > MONTH_MS) {
    throw new Refusal(403, 'Unable to retry this workflow run because it was created over a month ago');
  }
}

/** Starts the run's next attempt, re-running the jobs named and every job that needs them. */
function rerun(call: Call, run: FakeWorkflowRun, names: string[], record: Omit<FakeRerun, 'attempt' | 'rerun'>) {
  const latest = latestJobs(run);
  const chosen = new Set(names);
  for (let grew = true; grew; ) {
    grew = false;
    for (const job of latest) {
      if (!chosen.has(job.name) && job.needs.some((name) => chosen.has(name))) {
        chosen.add(job.name);
        grew = true;
      }
    }
  }
  const at = timestamp(call.state.now());
  run.runAttempt += 1;
  run.status = 'queued';
  run.conclusion = null;
  run.updatedAt = at;
  run.runStartedAt = at;
  const again = latest.filter((job) => chosen.has(job.name));
  for (const job of again) {
    run.jobs.push({
      ...job,
      id: call.state.nextId(),
      status: 'queued',
      conclusion: null,
      needs: [...job.needs],
      runAttempt: run.runAttempt,
      createdAt: at,
      startedAt: at,
      completedAt: null,
      steps: [],
      log: null,
    });
  }
  run.reruns.push({ ...record, attempt: run.runAttempt, rerun: again.map((job) => job.name) });
  return { status: 201, body: {} };
}

type Handler = (call: Call) => Reply;

export const ACTIONS_HANDLERS: Record<string, Handler> = {
  // Newest first, as GitHub lists them; `status` matches a status or a conclusion.
  'actions/list-workflow-runs-for-repo': (call) => {
    const { query } = call;
    if (query.created !== undefined || query.check_suite_id !== undefined) {
      throw new Refusal(422, 'Validation Failed', {
        reason: 'the fake does not model the created and check_suite_id filters of workflow runs',
      });
    }
    const runs = [...call.state.workflowRuns.values()]
      .filter(
        (run) =>
          (query.branch === undefined || run.headBranch === String(query.branch)) &&
          (query.event === undefined || run.event === String(query.event)) &&
          (query.actor === undefined || run.actor.toLowerCase() === String(query.actor).toLowerCase()) &&
          (query.head_sha === undefined || run.headSha === String(query.head_sha)) &&
          (query.status === undefined || run.status === query.status || run.conclusion === query.status),
      )
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
      .map((run) => workflowRunShape(call.state, run));
    return paginateIn(call, 'workflow_runs', runs);
  },

  'actions/get-workflow-run': (call) => ({ status: 200, body: workflowRunShape(call.state, runOf(call)) }),

  'actions/cancel-workflow-run': (call) => {
    const run = runOf(call);
    if (!ACTIVE(run.status)) throw new Refusal(409, 'Cannot cancel a workflow run that is completed.');
    const at = timestamp(call.state.now());
    run.status = 'completed';
    run.conclusion = 'cancelled';
    run.updatedAt = at;
    for (const job of latestJobs(run)) {
      if (job.status === 'completed') continue;
      job.status = 'completed';
      job.conclusion = 'cancelled';
      job.completedAt = at;
    }
    return { status: 202, body: {} };
  },

  'actions/list-jobs-for-workflow-run': (call) => {
    const run = runOf(call);
    const jobs = call.query.filter === 'all' ? run.jobs : latestJobs(run);
    return paginateIn(
      call,
      'jobs',
      jobs.map((job) => workflowJobShape(call.state, run, job)),
    );
  },

  'actions/re-run-job-for-workflow-run': (call) => {
    const jobId = Number(call.params.job_id);
    const run = [...call.state.workflowRuns.values()].find((r) => r.jobs.some((job) => job.id === jobId));
    if (!run) throw new Refusal(404, 'Not Found');
    checkRerunnable(call, run);
    const job = run.jobs.find((j) => j.id === jobId)!;
    return rerun(call, run, [job.name], {
      kind: 'job',
      jobId,
      jobName: job.name,
      debug: call.body?.enable_debug_logging === true,
    });
  },

  'actions/re-run-workflow-failed-jobs': (call) => {
    const run = runOf(call);
    checkRerunnable(call, run);
    const failed = latestJobs(run).filter((job) => job.conclusion !== null && FAILED.has(job.conclusion));
    return rerun(
      call,
      run,
      failed.map((job) => job.name),
      { kind: 'failed-jobs', jobId: null, jobName: null, debug: call.body?.enable_debug_logging === true },
    );
  },
};
