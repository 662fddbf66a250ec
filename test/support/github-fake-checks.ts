/**
 * The repository's CI in the GitHub fake: check suites and check runs per commit, commit statuses,
 * what the base branch requires, pull requests' mergeability, auto-merge and requested reviewers,
 * job logs, and deployments with their statuses; the REST and GraphQL answers that read and write them.
 *
 * - A workflow run's jobs ARE its check runs, as on GitHub: every job of every attempt of a run
 *   (`github-fake-actions.ts`) is a check run of the run's check suite (app `github-actions`, id
 *   `run.id + 1`, the run's `check_suite_id`) on the run's head commit, with the job's id, name,
 *   status and conclusion. A test plays the runner by changing the run's jobs; the checks follow.
 *   Check runs of other apps are seeded with `checks.addCheckRun`, in a suite per app and commit.
 * - Commit statuses (`checks.addCommitStatus`): the newest of each context counts, as on GitHub.
 * - What a base branch requires (`checks.protect`): check names (a check run's name or a status's
 *   context) and approving reviews. GraphQL `isRequired` answers from the names; whether
 *   auto-merge has anything left to wait for ("clean status") from both.
 * - A job's log is served as GitHub serves it: `GET …/actions/jobs/{id}/logs` answers 302 to a
 *   short-lived URL on another host (here: the fake's own server under `/_logs/`), which needs no
 *   token. A client that sends its token there is a problem (it would leak it to the storage
 *   host). A job without a log (never run, or expired: `checks.setJobLog(id, null)`) is 410.
 * - Auto-merge (GraphQL `enablePullRequestAutoMerge`) is refused as GitHub refuses it: when the
 *   repository does not allow it (`checks.allowAutoMerge`, off by default as on GitHub), on a
 *   draft or closed pull request, and when nothing is left to wait for (every required check
 *   passed and the required approvals given: "clean status"). Enabling it again changes the method.
 * - Reviews may be requested only of collaborators and of the teams seeded with `checks.addTeam`,
 *   never of the pull request's author (422, GitHub's messages).
 * - Deployments and their statuses (`checks.addDeployment`, `checks.addDeploymentStatus`), newest first.
 */
import { randomBytes } from 'node:crypto';
import { type FakeWorkflowJob, type FakeWorkflowRun, latestJobs, workflowRunShape } from './github-fake-actions.ts';
import type { GraphqlAnswer } from './github-fake-graphql.ts';
import { type Call, paginate, Refusal, type Reply } from './github-fake-handlers.ts';
import {
  type FakePull,
  type FakeState,
  nodeId,
  pullShape,
  repoShape,
  timestamp,
  userShape,
} from './github-fake-model.ts';

export type CheckStatus = 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
export type CheckConclusion =
  | 'success'
  | 'failure'
  | 'neutral'
  | 'cancelled'
  | 'skipped'
  | 'timed_out'
  | 'action_required'
  | 'stale'
  | 'startup_failure';
export type MergeMethod = 'MERGE' | 'SQUASH' | 'REBASE';
export type StatusState = 'error' | 'failure' | 'pending' | 'success';
export type DeploymentState = 'error' | 'failure' | 'inactive' | 'pending' | 'success' | 'queued' | 'in_progress';

export interface CheckRunSeed {
  /** The head of the default branch by default. */
  sha?: string;
  name: string;
  /** The app's slug; `ci-app` by default. Use `addWorkflowRun` for GitHub Actions jobs. */
  app?: string;
  status?: CheckStatus;
  /** `success` for a completed check run, else null. */
  conclusion?: CheckConclusion | null;
  output?: { title?: string | null; summary?: string | null; text?: string | null };
  detailsUrl?: string | null;
}

export interface CommitStatusSeed {
  sha?: string;
  context: string;
  state: StatusState;
  targetUrl?: string | null;
  description?: string | null;
}

export interface DeploymentSeed {
  environment: string;
  /** The head of `ref` (the default branch by default). */
  sha?: string;
  ref?: string;
  /** `deploy` by default. */
  task?: string;
  description?: string | null;
  /** The fake's viewer by default. */
  creator?: string;
  payload?: Record<string, unknown> | string;
}

export interface DeploymentStatusSeed {
  state: DeploymentState;
  description?: string;
  environmentUrl?: string;
  logUrl?: string;
  creator?: string;
}

interface FakeCheckRun {
  id: number;
  suiteId: number;
  headSha: string;
  name: string;
  app: string;
  status: CheckStatus;
  conclusion: CheckConclusion | null;
  output: { title: string | null; summary: string | null; text: string | null };
  detailsUrl: string | null;
  startedAt: string;
  completedAt: string | null;
  /** The workflow run of an Actions job. */
  run: FakeWorkflowRun | null;
}

interface FakeCheckSuite {
  id: number;
  headSha: string;
  headBranch: string | null;
  app: string;
  status: CheckStatus;
  conclusion: CheckConclusion | null;
  createdAt: string;
  updatedAt: string;
  checkRuns: number;
}

interface FakeCommitStatus {
  id: number;
  sha: string;
  context: string;
  state: StatusState;
  targetUrl: string | null;
  description: string | null;
  createdAt: string;
}

interface FakeDeploymentStatus {
  id: number;
  state: DeploymentState;
  description: string;
  environmentUrl: string;
  logUrl: string;
  creator: string;
  createdAt: string;
}

interface FakeDeployment {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  description: string | null;
  creator: string;
  payload: Record<string, unknown> | string;
  createdAt: string;
  statuses: FakeDeploymentStatus[];
}

/** What the fake keeps of a pull request beyond `FakePull`. */
export interface FakePullCi {
  mergeable: 'MERGEABLE' | 'CONFLICTING' | 'UNKNOWN';
  autoMerge: { method: MergeMethod; enabledBy: string } | null;
  /** Logins and team slugs whose review is requested. */
  requestedReviewers: string[];
  requestedTeams: string[];
}

interface ChecksState {
  suites: FakeCheckSuite[];
  checkRuns: FakeCheckRun[];
  statuses: FakeCommitStatus[];
  /** Per base branch: the names of required checks and the approving reviews required. */
  protection: Map<string, { checks: Set<string>; approvals: number }>;
  pulls: Map<number, FakePullCi>;
  allowAutoMerge: boolean;
  teams: Map<string, { id: number; slug: string; name: string }>;
  deployments: FakeDeployment[];
  /** The log URLs handed out, by their secret, to the job whose log they serve. */
  logLinks: Map<string, number>;
  appIds: Map<string, number>;
}

const STATES = new WeakMap<FakeState, ChecksState>();

function checksOf(state: FakeState): ChecksState {
  let found = STATES.get(state);
  if (!found) {
    found = {
      suites: [],
      checkRuns: [],
      statuses: [],
      protection: new Map(),
      pulls: new Map(),
      allowAutoMerge: false,
      teams: new Map(),
      deployments: [],
      logLinks: new Map(),
      appIds: new Map([['github-actions', 15368]]),
    };
    STATES.set(state, found);
  }
  return found;
}

function pullCi(state: FakeState, number: number): FakePullCi {
  const ci = checksOf(state);
  let found = ci.pulls.get(number);
  if (!found) {
    found = { mergeable: 'MERGEABLE', autoMerge: null, requestedReviewers: [], requestedTeams: [] };
    ci.pulls.set(number, found);
  }
  return found;
}

const defaultHead = (state: FakeState) => state.refs.get(`refs/heads/${state.defaultBranch}`)!;
const repoApi = (s: FakeState) => `${s.apiUrl}/repos/${s.owner}/${s.repo}`;
const repoHtml = (s: FakeState) => `${s.htmlUrl}/${s.owner}/${s.repo}`;

// --- The model ----------------------------------------------------------------------------

/** A workflow run's jobs as the check runs they are. */
function actionsCheckRun(run: FakeWorkflowRun, job: FakeWorkflowJob): FakeCheckRun {
  return {
    id: job.id,
    suiteId: run.id + 1,
    headSha: run.headSha,
    name: job.name,
    app: 'github-actions',
    status: job.status,
    conclusion: job.conclusion,
    output: { title: null, summary: null, text: null },
    detailsUrl: `${run.htmlUrl}/job/${job.id}`,
    startedAt: job.startedAt,
    completedAt: job.completedAt,
    run,
  };
}

/** Every check run of the repository: the seeded ones and every job of every workflow run. */
function allCheckRuns(state: FakeState): FakeCheckRun[] {
  const actions = [...state.workflowRuns.values()].flatMap((run) => run.jobs.map((job) => actionsCheckRun(run, job)));
  return [...checksOf(state).checkRuns, ...actions].sort((a, b) => a.id - b.id);
}

/** Every check suite: the seeded ones and one per workflow run. */
function allSuites(state: FakeState): FakeCheckSuite[] {
  const actions = [...state.workflowRuns.values()].map(
    (run): FakeCheckSuite => ({
      id: run.id + 1,
      headSha: run.headSha,
      headBranch: run.headBranch,
      app: 'github-actions',
      status: run.status,
      conclusion: run.conclusion,
      createdAt: run.createdAt,
      updatedAt: run.updatedAt,
      checkRuns: latestJobs(run).length,
    }),
  );
  return [...checksOf(state).suites, ...actions].sort((a, b) => a.id - b.id);
}

/** A check run of another app than GitHub Actions, in that app's suite on the commit; its id. */
export function addCheckRun(state: FakeState, seed: CheckRunSeed): number {
  const ci = checksOf(state);
  const sha = seed.sha ?? defaultHead(state);
  const app = seed.app ?? 'ci-app';
  if (app === 'github-actions') throw new Error('addCheckRun: seed GitHub Actions jobs with addWorkflowRun');
  const status = seed.status ?? 'completed';
  const byDefault = status === 'completed' ? 'success' : null;
  const conclusion = seed.conclusion === undefined ? byDefault : seed.conclusion;
  if ((status === 'completed') !== (conclusion !== null)) {
    throw new Error(`addCheckRun: a ${status} check run has ${status === 'completed' ? 'a' : 'no'} conclusion`);
  }
  const at = timestamp(state.now());
  let suite = ci.suites.find((s) => s.headSha === sha && s.app === app);
  if (!suite) {
    const branch = [...state.refs.entries()].find(([ref, head]) => ref.startsWith('refs/heads/') && head === sha);
    suite = {
      id: state.nextId(),
      headSha: sha,
      headBranch: branch ? branch[0].slice('refs/heads/'.length) : null,
      app,
      status,
      conclusion,
      createdAt: at,
      updatedAt: at,
      checkRuns: 0,
    };
    ci.suites.push(suite);
  }
  const id = state.nextId();
  ci.checkRuns.push({
    id,
    suiteId: suite.id,
    headSha: sha,
    name: seed.name,
    app,
    status,
    conclusion,
    output: {
      title: seed.output?.title ?? null,
      summary: seed.output?.summary ?? null,
      text: seed.output?.text ?? null,
    },
    detailsUrl: seed.detailsUrl === undefined ? `https://ci.example.com/runs/${id}` : seed.detailsUrl,
    startedAt: at,
    completedAt: status === 'completed' ? at : null,
    run: null,
  });
  // The suite sums up its newest check run of each name, as GitHub does.
  const newest = new Map<string, FakeCheckRun>();
  for (const run of ci.checkRuns.filter((r) => r.suiteId === suite.id)) newest.set(run.name, run);
  const runs = [...newest.values()];
  suite.checkRuns = runs.length;
  suite.updatedAt = at;
  suite.status = runs.every((r) => r.status === 'completed') ? 'completed' : 'in_progress';
  suite.conclusion = suite.status === 'completed' ? suiteConclusion(runs) : null;
  return id;
}

function suiteConclusion(runs: FakeCheckRun[]): CheckConclusion {
  const order: CheckConclusion[] = ['action_required', 'cancelled', 'timed_out', 'failure', 'neutral', 'success'];
  for (const conclusion of order) if (runs.some((r) => r.conclusion === conclusion)) return conclusion;
  return 'skipped';
}

/** The newest status of each context on a commit. */
function newestStatuses(state: FakeState, sha: string): FakeCommitStatus[] {
  const byContext = new Map<string, FakeCommitStatus>();
  for (const status of checksOf(state).statuses.filter((s) => s.sha === sha)) byContext.set(status.context, status);
  return [...byContext.values()];
}

const PASSING: ReadonlySet<string | null> = new Set(['success', 'neutral', 'skipped']);

/** Whether nothing is left for auto-merge to wait for: GitHub's "clean" merge state. */
function isClean(state: FakeState, pull: FakePull): boolean {
  const protection = checksOf(state).protection.get(pull.base);
  const headSha = state.refs.get(`refs/heads/${pull.head}`) ?? pull.baseSha;
  const runs = newestByName(allCheckRuns(state).filter((r) => r.headSha === headSha));
  const statuses = newestStatuses(state, headSha);
  const required = [...(protection?.checks ?? [])];
  const passed = required.every(
    (name) =>
      runs.some((r) => r.name === name && r.status === 'completed' && PASSING.has(r.conclusion)) ||
      statuses.some((s) => s.context === name && s.state === 'success'),
  );
  const approvals = new Set(
    state.reviews.filter((r) => r.pull === pull.number && r.state === 'APPROVED').map((r) => r.author.toLowerCase()),
  ).size;
  return passed && approvals >= (protection?.approvals ?? 0) && pullCi(state, pull.number).mergeable === 'MERGEABLE';
}

function newestByName(runs: FakeCheckRun[]): FakeCheckRun[] {
  const byName = new Map<string, FakeCheckRun>();
  for (const run of runs) byName.set(run.name, run);
  return [...byName.values()];
}

// --- The test's handle --------------------------------------------------------------------

/** What a test seeds and inspects of the CI (`fake.checks`). */
export interface FakeChecks {
  /** A check run of an app other than GitHub Actions (whose jobs come from `addWorkflowRun`); its id. */
  addCheckRun(seed: CheckRunSeed): number;
  /** A commit status; the newest of each context on a commit is the one that counts. */
  addCommitStatus(seed: CommitStatusSeed): void;
  /** What `branch` requires of a pull request into it: check names, approving reviews (0 by default). */
  protect(branch: string, requires: { checks?: string[]; approvals?: number }): void;
  /** The repository setting "Allow auto-merge" (off by default, as on GitHub). */
  allowAutoMerge(allowed: boolean): void;
  /** A job's log text; null makes it expired (the log endpoint answers 410). */
  setJobLog(jobId: number, text: string | null): void;
  /** Whether the pull request merges cleanly into its base (`MERGEABLE` by default). */
  setMergeable(pull: number, mergeable: FakePullCi['mergeable']): void;
  /** A team of the owner that may be asked for reviews (`org/<slug>`). */
  addTeam(slug: string, name?: string): void;
  /** The pull request's auto-merge and requested reviewers, as a test inspects them. */
  pull(pull: number): FakePullCi;
  /** A deployment of a commit to an environment; its id. */
  addDeployment(seed: DeploymentSeed): number;
  /** A status of a deployment; its id. */
  addDeploymentStatus(deploymentId: number, seed: DeploymentStatusSeed): number;
}

export function fakeChecks(state: FakeState): FakeChecks {
  const ci = checksOf(state);
  return {
    addCheckRun: (seed) => addCheckRun(state, seed),
    addCommitStatus(seed) {
      ci.statuses.push({
        id: state.nextId(),
        sha: seed.sha ?? defaultHead(state),
        context: seed.context,
        state: seed.state,
        targetUrl: seed.targetUrl ?? null,
        description: seed.description ?? null,
        createdAt: timestamp(state.now()),
      });
    },
    protect(branch, requires) {
      ci.protection.set(branch, { checks: new Set(requires.checks ?? []), approvals: requires.approvals ?? 0 });
    },
    allowAutoMerge(allowed) {
      ci.allowAutoMerge = allowed;
    },
    setJobLog(jobId, text) {
      const job = [...state.workflowRuns.values()].flatMap((run) => run.jobs).find((j) => j.id === jobId);
      if (!job) throw new Error(`setJobLog: there is no job ${jobId}`);
      job.log = text;
    },
    setMergeable(pull, mergeable) {
      pullCi(state, pull).mergeable = mergeable;
      const found = state.pulls.get(pull);
      if (found) found.mergeable = mergeable;
    },
    addTeam(slug, name) {
      ci.teams.set(slug.toLowerCase(), { id: state.nextId(), slug, name: name ?? slug });
    },
    pull: (pull) => pullCi(state, pull),
    addDeployment(seed) {
      const ref = seed.ref ?? state.defaultBranch;
      const sha = seed.sha ?? state.refs.get(`refs/heads/${ref}`) ?? defaultHead(state);
      const id = state.nextId();
      ci.deployments.push({
        id,
        sha,
        ref,
        task: seed.task ?? 'deploy',
        environment: seed.environment,
        description: seed.description ?? null,
        creator: seed.creator ?? state.viewer,
        payload: seed.payload ?? {},
        createdAt: timestamp(state.now()),
        statuses: [],
      });
      return id;
    },
    addDeploymentStatus(deploymentId, seed) {
      const deployment = ci.deployments.find((d) => d.id === deploymentId);
      if (!deployment) throw new Error(`addDeploymentStatus: there is no deployment ${deploymentId}`);
      const id = state.nextId();
      deployment.statuses.push({
        id,
        state: seed.state,
        description: seed.description ?? '',
        environmentUrl: seed.environmentUrl ?? '',
        logUrl: seed.logUrl ?? '',
        creator: seed.creator ?? state.viewer,
        createdAt: timestamp(state.now()),
      });
      return id;
    },
  };
}

// --- Shapes -------------------------------------------------------------------------------

function appId(state: FakeState, slug: string): number {
  const ci = checksOf(state);
  let id = ci.appIds.get(slug);
  if (id === undefined) {
    id = 900_000 + ci.appIds.size;
    ci.appIds.set(slug, id);
  }
  return id;
}

/** `integration`: GitHub Actions as GitHub renders it, any other app alike. */
function appShape(s: FakeState, slug: string) {
  const id = appId(s, slug);
  const actions = slug === 'github-actions';
  const at = '2018-07-30T09:30:17Z';
  return {
    id,
    slug,
    node_id: nodeId('A', id),
    owner: { ...userShape(s, actions ? 'github' : s.owner), type: 'Organization' },
    name: actions ? 'GitHub Actions' : slug,
    description: actions ? 'Automate your workflow from idea to production' : null,
    external_url: actions ? 'https://help.github.com/en/actions' : `https://${slug}.example.com`,
    html_url: `${s.htmlUrl}/apps/${slug}`,
    created_at: at,
    updated_at: at,
    permissions: { checks: 'write', metadata: 'read' },
    events: [],
  };
}

function headCommitShape(s: FakeState, sha: string) {
  const commit = s.git.commits.get(sha);
  if (!commit) {
    return { id: sha, tree_id: sha, message: '', timestamp: timestamp(s.now()), author: null, committer: null };
  }
  return {
    id: commit.sha,
    tree_id: commit.tree,
    message: commit.message,
    timestamp: commit.committer.date,
    author: { name: commit.author.name, email: commit.author.email },
    committer: { name: commit.committer.name, email: commit.committer.email },
  };
}

/** `check-run`. */
function checkRunShape(s: FakeState, run: FakeCheckRun) {
  const api = `${repoApi(s)}/check-runs/${run.id}`;
  return {
    id: run.id,
    head_sha: run.headSha,
    node_id: nodeId('CR', run.id),
    external_id: run.run ? String(run.id) : null,
    url: api,
    html_url: run.run ? run.detailsUrl : `${repoHtml(s)}/runs/${run.id}`,
    details_url: run.detailsUrl,
    status: run.status,
    // The check-run schema's conclusions lack stale and startup_failure, which only suites take.
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      ...run.output,
      annotations_count: 0,
      annotations_url: `${api}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.suiteId },
    app: appShape(s, run.app),
    pull_requests: [],
  };
}

/** `check-suite`. */
function checkSuiteShape(s: FakeState, suite: FakeCheckSuite) {
  return {
    id: suite.id,
    node_id: nodeId('CS', suite.id),
    head_branch: suite.headBranch,
    head_sha: suite.headSha,
    status: suite.status,
    conclusion: suite.conclusion,
    url: `${repoApi(s)}/check-suites/${suite.id}`,
    before: null,
    after: suite.headSha,
    pull_requests: [],
    app: appShape(s, suite.app),
    repository: repoShape(s, false),
    created_at: suite.createdAt,
    updated_at: suite.updatedAt,
    head_commit: headCommitShape(s, suite.headSha),
    latest_check_runs_count: suite.checkRuns,
    check_runs_url: `${repoApi(s)}/check-suites/${suite.id}/check-runs`,
    rerequestable: true,
    runs_rerequestable: true,
  };
}

/** `team`. */
function teamShape(s: FakeState, team: { id: number; slug: string; name: string }) {
  const api = `${s.apiUrl}/organizations/${s.repoId}/team/${team.id}`;
  return {
    id: team.id,
    node_id: nodeId('T', team.id),
    url: api,
    html_url: `${s.htmlUrl}/orgs/${s.owner}/teams/${team.slug}`,
    name: team.name,
    slug: team.slug,
    description: null,
    privacy: 'closed',
    notification_setting: 'notifications_enabled',
    permission: 'pull',
    members_url: `${api}/members{/member}`,
    repositories_url: `${api}/repos`,
    type: 'organization',
    parent: null,
  };
}

function deploymentShape(s: FakeState, d: FakeDeployment) {
  const api = `${repoApi(s)}/deployments/${d.id}`;
  return {
    url: api,
    id: d.id,
    node_id: nodeId('DE', d.id),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.environment,
    environment: d.environment,
    description: d.description,
    creator: userShape(s, d.creator),
    created_at: d.createdAt,
    updated_at: d.statuses.at(-1)?.createdAt ?? d.createdAt,
    statuses_url: `${api}/statuses`,
    repository_url: repoApi(s),
    transient_environment: false,
    production_environment: d.environment.toLowerCase() === 'production',
  };
}

function deploymentStatusShape(s: FakeState, d: FakeDeployment, status: FakeDeploymentStatus) {
  const api = `${repoApi(s)}/deployments/${d.id}`;
  return {
    url: `${api}/statuses/${status.id}`,
    id: status.id,
    node_id: nodeId('DES', status.id),
    state: status.state,
    creator: userShape(s, status.creator),
    description: status.description,
    environment: d.environment,
    // GitHub sends "" for a URL nobody set; the schema's `format: uri` refuses it, so the fake
    // names the deployments page for the required target_url and leaves the others out.
    target_url: status.logUrl || `${repoHtml(s)}/deployments`,
    created_at: status.createdAt,
    updated_at: status.createdAt,
    deployment_url: api,
    repository_url: repoApi(s),
    ...(status.environmentUrl ? { environment_url: status.environmentUrl } : {}),
    ...(status.logUrl ? { log_url: status.logUrl } : {}),
  };
}

// --- REST handlers ------------------------------------------------------------------------

/** A paginated list in an object, as the Actions and Checks endpoints answer: `{ total_count, <key>: [...] }`. */
function paginateIn(call: Call, key: string, items: unknown[]): Reply {
  const page = paginate(call, items);
  return { ...page, body: { total_count: items.length, [key]: page.body } };
}

function pullOf(call: Call): FakePull {
  const pull = call.state.pulls.get(Number(call.params.pull_number));
  if (!pull) throw new Refusal(404, 'Not Found');
  return pull;
}

/** The commit a ref names: a SHA, a branch or a tag, as GitHub resolves `{ref}`. */
function commitOfRef(state: FakeState, ref: string): string | null {
  if (/^[0-9a-f]{40}$/.test(ref)) {
    const known = state.git.commits.has(ref) || allSuites(state).some((s) => s.headSha === ref);
    return known ? ref : null;
  }
  return state.refs.get(`refs/heads/${ref}`) ?? state.refs.get(`refs/tags/${ref}`) ?? null;
}

/** The workflow `workflow_id` names: its id (as runs carry it), or its file name. */
function workflowRuns(call: Call): ReturnType<typeof workflowRunShape>[] {
  const wanted = String(call.params.workflow_id);
  const runs = [...call.state.workflowRuns.values()].map((run) => workflowRunShape(call.state, run));
  const matching = runs.filter((run) =>
    /^\d+$/.test(wanted) ? run.workflow_id === Number(wanted) : run.path.split('/').at(-1) === wanted,
  );
  if (matching.length === 0) throw new Refusal(404, 'Not Found');
  return matching;
}

type Handler = (call: Call) => Reply;

export const CHECKS_HANDLERS: Record<string, Handler> = {
  // Newest first; `status` matches a status or a conclusion, as for the repository's runs.
  'actions/list-workflow-runs': (call) => {
    const { query } = call;
    if (query.created !== undefined || query.check_suite_id !== undefined) {
      throw new Refusal(422, 'Validation Failed', {
        reason: 'the fake does not model the created and check_suite_id filters of workflow runs',
      });
    }
    const runs = workflowRuns(call)
      .filter(
        (run) =>
          (query.branch === undefined || run.head_branch === String(query.branch)) &&
          (query.event === undefined || run.event === String(query.event)) &&
          (query.actor === undefined || run.actor.login.toLowerCase() === String(query.actor).toLowerCase()) &&
          (query.head_sha === undefined || run.head_sha === String(query.head_sha)) &&
          (query.status === undefined || run.status === query.status || run.conclusion === query.status),
      )
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
    return paginateIn(call, 'workflow_runs', runs);
  },

  'actions/download-job-logs-for-workflow-run': (call) => {
    const jobId = Number(call.params.job_id);
    const job = [...call.state.workflowRuns.values()].flatMap((run) => run.jobs).find((j) => j.id === jobId);
    if (!job) throw new Refusal(404, 'Not Found');
    if (job.log === null) throw new Refusal(410, 'Gone');
    const secret = randomBytes(12).toString('hex');
    checksOf(call.state).logLinks.set(secret, jobId);
    return { status: 302, headers: { location: `${call.state.apiUrl}/_logs/${jobId}?sig=${secret}` } };
  },

  'checks/get': (call) => {
    const run = allCheckRuns(call.state).find((r) => r.id === Number(call.params.check_run_id));
    if (!run) throw new Refusal(404, 'Not Found');
    return { status: 200, body: checkRunShape(call.state, run) };
  },

  'checks/list-suites-for-ref': (call) => {
    const ref = String(call.params.ref);
    const sha = commitOfRef(call.state, ref);
    if (!sha) throw new Refusal(422, `No commit found for SHA: ${ref}`);
    const name = call.query.check_name === undefined ? null : String(call.query.check_name);
    const app = call.query.app_id === undefined ? null : Number(call.query.app_id);
    const runs = allCheckRuns(call.state);
    const suites = allSuites(call.state)
      .filter(
        (suite) =>
          suite.headSha === sha &&
          (app === null || appId(call.state, suite.app) === app) &&
          (name === null || runs.some((r) => r.suiteId === suite.id && r.name === name)),
      )
      .map((suite) => checkSuiteShape(call.state, suite));
    return paginateIn(call, 'check_suites', suites);
  },

  'pulls/list-requested-reviewers': (call) => {
    const pull = pullOf(call);
    const ci = pullCi(call.state, pull.number);
    const teams = checksOf(call.state).teams;
    return {
      status: 200,
      body: {
        users: ci.requestedReviewers.map((login) => userShape(call.state, login)),
        teams: ci.requestedTeams.map((slug) => teamShape(call.state, teams.get(slug.toLowerCase())!)),
      },
    };
  },

  // GitHub asks only collaborators and the owner's teams, never the author; asking again is no change.
  'pulls/request-reviewers': (call) => {
    const { state } = call;
    const pull = pullOf(call);
    const people = (call.body?.reviewers ?? []) as string[];
    const teams = (call.body?.team_reviewers ?? []) as string[];
    if (people.length === 0 && teams.length === 0) {
      throw new Refusal(422, 'Invalid request.\n\nNo subschema in "anyOf" matched.', {
        reason: 'request-reviewers needs reviewers or team_reviewers',
      });
    }
    if (people.some((login) => login.toLowerCase() === pull.author.toLowerCase())) {
      throw new Refusal(422, 'Review cannot be requested from pull request author.');
    }
    const known = checksOf(state).teams;
    const outsiders = people.filter(
      (login) => !state.collaborators.has(login.toLowerCase()) && login.toLowerCase() !== state.owner.toLowerCase(),
    );
    if (outsiders.length > 0 || teams.some((slug) => !known.has(slug.toLowerCase()))) {
      throw new Refusal(
        422,
        `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${state.owner}/${state.repo} repository.`,
      );
    }
    const ci = pullCi(state, pull.number);
    for (const login of people) {
      if (!ci.requestedReviewers.some((l) => l.toLowerCase() === login.toLowerCase())) {
        ci.requestedReviewers.push(state.accounts.get(login.toLowerCase())?.login ?? login);
      }
    }
    for (const slug of teams) {
      if (!ci.requestedTeams.some((t) => t.toLowerCase() === slug.toLowerCase())) ci.requestedTeams.push(slug);
    }
    return {
      status: 201,
      body: {
        ...pullShape(state, pull, false),
        requested_reviewers: ci.requestedReviewers.map((login) => userShape(state, login)),
        requested_teams: ci.requestedTeams.map((slug) => teamShape(state, known.get(slug.toLowerCase())!)),
      },
    };
  },

  // Newest first, filtered by sha, ref, task and environment.
  'repos/list-deployments': (call) => {
    const { query } = call;
    const deployments = checksOf(call.state)
      .deployments.filter(
        (d) =>
          (query.sha === undefined || d.sha === String(query.sha)) &&
          (query.ref === undefined || d.ref === String(query.ref)) &&
          (query.task === undefined || d.task === String(query.task)) &&
          (query.environment === undefined || d.environment === String(query.environment)),
      )
      .sort((a, b) => b.id - a.id)
      .map((d) => deploymentShape(call.state, d));
    return paginate(call, deployments);
  },

  'repos/list-deployment-statuses': (call) => {
    const deployment = checksOf(call.state).deployments.find((d) => d.id === Number(call.params.deployment_id));
    if (!deployment) throw new Refusal(404, 'Not Found');
    const statuses = [...deployment.statuses]
      .sort((a, b) => b.id - a.id)
      .map((status) => deploymentStatusShape(call.state, deployment, status));
    return paginate(call, statuses);
  },
};

/**
 * A request to the log storage (`/_logs/<job>?sig=…`): the log as plain text. No token is needed;
 * one sent anyway is a problem, since GitHub's storage is another host.
 */
export function serveJobLog(
  state: FakeState,
  url: URL,
  authorization: string | undefined,
): { status: number; body: string; problem?: string } {
  const jobId = Number(/^\/_logs\/(\d+)$/.exec(url.pathname)?.[1]);
  const signed = checksOf(state).logLinks.get(url.searchParams.get('sig') ?? '');
  const problem = authorization
    ? "the client sent its GitHub token to the log storage host (GitHub's redirect target is another host)"
    : undefined;
  if (signed === undefined || signed !== jobId) {
    return { status: 403, body: 'AuthenticationFailed: Server failed to authenticate the request.', problem };
  }
  const job = [...state.workflowRuns.values()].flatMap((run) => run.jobs).find((j) => j.id === jobId);
  if (!job || job.log === null)
    return { status: 404, body: 'BlobNotFound: The specified blob does not exist.', problem };
  return { status: 200, body: job.log, ...(problem ? { problem } : {}) };
}

// --- GraphQL ------------------------------------------------------------------------------

type Answer = Omit<GraphqlAnswer, 'operation'>;

const variableError = (name: string, type: string, value: unknown): string =>
  `Variable $${name} of type ${type} was provided invalid value ${JSON.stringify(value) ?? 'undefined'}`;

const invalidVariables = (messages: string[]): Answer => ({
  body: { errors: messages.map((message) => ({ message })) },
  problem: messages.join('; '),
});

const pullByNode = (state: FakeState, id: unknown) =>
  [...state.pulls.values()].find((pull) => nodeId('PR', pull.id) === id);

const nodeNotFound = (field: string, id: unknown): Answer => ({
  body: {
    data: { [field]: null },
    errors: [
      {
        type: 'NOT_FOUND',
        path: [field],
        locations: [{ line: 2, column: 3 }],
        message: `Could not resolve to a node with the global id of '${String(id)}'.`,
      },
    ],
  },
});

/** `PullChecks`: the pull request, its head, and the head's status check rollup. */
export function answerPullChecks(state: FakeState, v: Record<string, unknown>): Answer {
  const invalid: string[] = [];
  if (typeof v.owner !== 'string') invalid.push(variableError('owner', 'String!', v.owner));
  if (typeof v.repo !== 'string') invalid.push(variableError('repo', 'String!', v.repo));
  if (typeof v.pull !== 'number' || !Number.isInteger(v.pull)) invalid.push(variableError('pull', 'Int!', v.pull));
  if (v.cursor !== undefined && v.cursor !== null && typeof v.cursor !== 'string') {
    invalid.push(variableError('cursor', 'String', v.cursor));
  }
  if (invalid.length > 0) return invalidVariables(invalid);
  const owner = v.owner as string;
  const repo = v.repo as string;
  if (owner.toLowerCase() !== state.owner.toLowerCase() || repo.toLowerCase() !== state.repo.toLowerCase()) {
    return {
      body: {
        data: { repository: null },
        errors: [
          {
            type: 'NOT_FOUND',
            path: ['repository'],
            locations: [{ line: 2, column: 3 }],
            message: `Could not resolve to a Repository with the name '${owner}/${repo}'.`,
          },
        ],
      },
    };
  }
  const pull = state.pulls.get(v.pull as number);
  if (!pull) {
    return {
      body: {
        data: { repository: { pullRequest: null } },
        errors: [
          {
            type: 'NOT_FOUND',
            path: ['repository', 'pullRequest'],
            locations: [{ line: 3, column: 5 }],
            message: `Could not resolve to a PullRequest with the number of ${v.pull}.`,
          },
        ],
      },
    };
  }
  const ci = pullCi(state, pull.number);
  const headSha = state.refs.get(`refs/heads/${pull.head}`) ?? pull.baseSha;
  const required = checksOf(state).protection.get(pull.base)?.checks ?? new Set<string>();
  const runs = allCheckRuns(state).filter((r) => r.headSha === headSha);
  const statuses = newestStatuses(state, headSha);
  const contexts = [
    ...runs.map((run) => ({
      __typename: 'CheckRun',
      databaseId: run.id,
      name: run.name,
      status: run.status.toUpperCase(),
      conclusion: run.conclusion?.toUpperCase() ?? null,
      detailsUrl: run.detailsUrl,
      isRequired: required.has(run.name),
      checkSuite: {
        app: { slug: run.app },
        workflowRun: run.run ? { databaseId: run.run.id, workflow: { name: run.run.name } } : null,
      },
    })),
    ...statuses.map((status) => ({
      __typename: 'StatusContext',
      context: status.context,
      state: status.state.toUpperCase(),
      targetUrl: status.targetUrl,
      isRequired: required.has(status.context),
    })),
  ];
  // Pages of 100, the cursor an opaque offset as GitHub's are opaque.
  const offset = typeof v.cursor === 'string' ? Number(Buffer.from(v.cursor, 'base64').toString('utf8').slice(7)) : 0;
  const shown = contexts.slice(offset, offset + 100);
  const hasNextPage = offset + 100 < contexts.length;
  const endCursor = shown.length > 0 ? Buffer.from(`cursor:${offset + shown.length}`).toString('base64') : null;
  return {
    body: {
      data: {
        repository: {
          pullRequest: {
            id: nodeId('PR', pull.id),
            number: pull.number,
            isDraft: pull.draft,
            state: pull.state === 'open' ? 'OPEN' : 'CLOSED',
            mergeable: ci.mergeable,
            headRefOid: headSha,
            autoMergeRequest: ci.autoMerge ? { mergeMethod: ci.autoMerge.method } : null,
            commits: {
              nodes: [
                {
                  commit: {
                    oid: headSha,
                    // GitHub has no rollup for a commit nothing reported on.
                    statusCheckRollup:
                      contexts.length > 0 ? { contexts: { pageInfo: { hasNextPage, endCursor }, nodes: shown } } : null,
                  },
                },
              ],
            },
          },
        },
      },
    },
  };
}

/** `PullState`: a pull request's draft and auto-merge state by node id. */
export function answerPullState(state: FakeState, v: Record<string, unknown>): Answer {
  if (typeof v.id !== 'string') return invalidVariables([variableError('id', 'ID!', v.id)]);
  const pull = pullByNode(state, v.id);
  if (!pull) return nodeNotFound('node', v.id);
  const ci = pullCi(state, pull.number);
  return {
    body: {
      data: {
        node: {
          id: v.id,
          isDraft: pull.draft,
          autoMergeRequest: ci.autoMerge ? { mergeMethod: ci.autoMerge.method } : null,
        },
      },
    },
  };
}

/** `MarkReady`: a draft becomes ready for review; a ready one stays as it is. */
export function answerMarkReady(state: FakeState, v: Record<string, unknown>): Answer {
  if (typeof v.id !== 'string') return invalidVariables([variableError('id', 'ID!', v.id)]);
  const pull = pullByNode(state, v.id);
  if (!pull) return nodeNotFound('markPullRequestReadyForReview', v.id);
  pull.draft = false;
  pull.updatedAt = timestamp(state.now());
  return { body: { data: { markPullRequestReadyForReview: { pullRequest: { id: v.id, isDraft: false } } } } };
}

const METHODS: readonly string[] = ['MERGE', 'SQUASH', 'REBASE'];

/** `EnableAutoMerge`, refused as GitHub refuses it. */
export function answerEnableAutoMerge(state: FakeState, v: Record<string, unknown>, viewer: string): Answer {
  const invalid: string[] = [];
  if (typeof v.id !== 'string') invalid.push(variableError('id', 'ID!', v.id));
  if (typeof v.mergeMethod !== 'string' || !METHODS.includes(v.mergeMethod))
    invalid.push(variableError('mergeMethod', 'PullRequestMergeMethod!', v.mergeMethod));
  if (invalid.length > 0) return invalidVariables(invalid);
  const pull = pullByNode(state, v.id);
  if (!pull) return nodeNotFound('enablePullRequestAutoMerge', v.id);
  const refuse = (message: string): Answer => ({
    body: {
      data: { enablePullRequestAutoMerge: null },
      errors: [
        { type: 'UNPROCESSABLE', path: ['enablePullRequestAutoMerge'], locations: [{ line: 2, column: 3 }], message },
      ],
    },
  });
  if (!checksOf(state).allowAutoMerge) return refuse('Pull request Auto merge is not allowed for this repository');
  if (pull.draft || pull.state !== 'open')
    return refuse('Pull request is not in the correct state to enable auto-merge');
  const ci = pullCi(state, pull.number);
  if (!ci.autoMerge && isClean(state, pull)) return refuse('Pull request Pull request is in clean status');
  ci.autoMerge = { method: v.mergeMethod as MergeMethod, enabledBy: viewer };
  return {
    body: {
      data: {
        enablePullRequestAutoMerge: { pullRequest: { id: v.id, autoMergeRequest: { mergeMethod: v.mergeMethod } } },
      },
    },
  };
}
