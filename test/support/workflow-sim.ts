/**
 * The workflow simulator: runs a reusable workflow (`pipeline.yml`) the way GitHub Actions would,
 * on this machine, against the harness's fakes (GitHub REST, artifact service, scripted model).
 *
 * - The file must parse with GitHub's own `@actions/workflow-parser`; the simulator then reads the
 *   YAML and refuses every key, step kind, action, function or context it does not implement
 *   (`UnsupportedConstruct`): a construct is run faithfully or the test fails, never skipped.
 * - `workflow_call` inputs are typed and defaulted, secrets checked against the declared ones.
 * - Jobs start when every job they `need` has finished (in parallel, or one at a time with
 *   `sequential`); `if:` and every `${{ }}` is evaluated with `@actions/expressions` over the
 *   contexts the key may use (`workflow-sim-expressions.ts`), with `success()` meaning that every
 *   job upstream, direct or not, succeeded (actions/runner#2205).
 * - `strategy.matrix` (after rendering, e.g. `fromJSON(needs.plan.outputs.matrix)`) is expanded
 *   into legs with include/exclude (`workflow-sim-matrix.ts`), at most `max-parallel` at a time,
 *   `fail-fast` cancelling the legs not yet started.
 * - Each leg gets a fresh workspace, runner temp directory, HOME, and artifact-service job token.
 *   Steps: `actions/checkout@<sha>` as a local clone (`workflow-sim-checkout.ts`; a private
 *   workflow repository cannot be checked out with the job token); `actions/cache/save@<sha>` and
 *   `actions/cache/restore@<sha>` over the run's cache (`workflow-sim-cache.ts`; `cache` to share or
 *   alter one); `uses: ./…` (in the workspace)
 *   or `uses: $/…` (the workflow's own repository at the running commit, no checkout) a
 *   JavaScript action (`runs.using: node24`) whose `runs.main` runs under Node 24 with `INPUT_*`
 *   (declared inputs only, defaults rendered) and fresh file commands (`runner.ts`); `run:` a bash
 *   script without `${{ }}`. `GITHUB_OUTPUT` feeds
 *   `steps.<id>.outputs`, `GITHUB_ENV` the later steps' environment, job `outputs` (rendered
 *   after the steps; a value holding a secret is dropped, as GitHub does) `needs.<job>.outputs`.
 * - A job bound to an `environment` meets GitHub's gate over the GitHub fake's environments
 *   (`workflow-sim-environments.ts`): a missing environment is created without rules and the job
 *   runs at once, as it does for an environment without required reviewers or a private repository
 *   on the Free, Pro or Team plan; only enforced required reviewers consult `approvals`, whose
 *   decision is recorded as the run's approval for the approve action to read.
 * - A job that runs past its `timeout-minutes` is cancelled (result `cancelled`, no later step);
 *   `minuteMs` shortens a job's minutes for tests. Timed-out steps are killed with their children.
 * - A `type: number` input refuses text, as GitHub does (a dispatch input passed on is text).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse } from 'yaml';
import { GIT_ENV, type Harness, parseOutputs, TOKEN } from './actions-harness.ts';
import { type ActionRun, runActionMain, stopLikeTheRunner } from './runner.ts';
import {
  CACHE_ACTION,
  type CacheOptions,
  runCacheStep,
  type SimulatedCache,
  simulatedCache,
} from './workflow-sim-cache.ts';
import { CHECKOUT_INPUTS, type CheckoutSources, checkout, snapshotEnsemble } from './workflow-sim-checkout.ts';
import { type GatePassage, passEnvironmentGate, type ReviewerDecision } from './workflow-sim-environments.ts';
import {
  asText,
  condition,
  type ExpressionEnv,
  ExpressionFailure,
  type ExpressionScope,
  render,
  type StatusFunctions,
  UnsupportedConstruct,
} from './workflow-sim-expressions.ts';
import { defaultLegName, expandMatrix, type MatrixLeg } from './workflow-sim-matrix.ts';

export { ExpressionFailure, UnsupportedConstruct };

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML, checked key by key
type Json = Record<string, any>;
export type JobResult = 'success' | 'failure' | 'skipped' | 'cancelled';
export type StepResult = 'success' | 'failure' | 'skipped' | 'cancelled';

export interface SimulateWorkflowOptions {
  /** The reusable workflow, absolute or relative to `ensembleRepoDir`. */
  workflowFile: string;
  /** The caller's `with:` (see `evaluateCallerJob`). */
  callerInputs: Record<string, unknown>;
  /** The caller's `secrets:`. */
  secrets: Record<string, string>;
  /** The triggering event of the caller, as a webhook payload. */
  event: { name: string; payload: Record<string, unknown> };
  harness: Harness;
  /** This repository: its `actions/`, `dist/` and `action.yml` are what `job.workflow_repository` checks out. */
  ensembleRepoDir: string;
  /** The repository's artifact and log retention in days (`GITHUB_RETENTION_DAYS`); default 90. */
  retentionDays?: number;
  /** The workflow's repository is private: the caller's token cannot check it out. */
  workflowRepositoryPrivate?: boolean;
  /** `job.workflow_repository`; default `ensemble-dev/ensemble`. */
  workflowRepository?: string;
  /** The caller's repository; default the event's `repository.full_name`, else `octo-org/textkit`. */
  repository?: string;
  /** What the calling job grants; a job asking for more makes GitHub refuse the run, and the simulator throws. */
  callerPermissions?: Record<string, string>;
  /**
   * How the required reviewers of each environment decide. The environments themselves, the
   * repository's visibility and the owner's plan are the harness's GitHub fake's (its seed, or
   * `harness.github.state`): a job bound to an environment whose required reviewers GitHub
   * enforces, and that is not listed here, throws (`workflow-sim-environments.ts`).
   */
  approvals?: Record<string, ReviewerDecision>;
  vars?: Record<string, string>;
  /** `github.run_id`; default 4242. */
  runId?: string;
  /** The caller workflow (`github.workflow`, `github.workflow_ref`); default the example caller. */
  callerWorkflow?: { name: string; path: string };
  /** One job, and one leg, at a time (default: as GitHub, every ready job at once, legs up to max-parallel). */
  sequential?: boolean;
  /** Cap on each step's run time (besides `timeout-minutes`); default 3 minutes. */
  stepTimeoutMs?: number;
  /**
   * How long a minute of a job's `timeout-minutes` lasts, in milliseconds, per job id (default
   * 60,000): a test makes a job run past its limit in seconds by shortening its minutes.
   */
  minuteMs?: Record<string, number>;
  /** The repository's Actions cache (`actions/cache` steps); default an empty one for this run. */
  cache?: SimulatedCache & CacheOptions;
}

export interface SimulatedStep {
  index: number;
  id: string | null;
  name: string;
  kind: 'checkout' | 'cache' | 'action' | 'run';
  uses: string | null;
  /** `steps.<id>.outcome` (before continue-on-error) and `conclusion`. */
  outcome: StepResult;
  conclusion: StepResult;
  inputs: Record<string, string>;
  env: Record<string, string>;
  outputs: Record<string, string>;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  /** Why the step failed, when it failed outside its process (checkout, an expression). */
  error: string | null;
}

export interface SimulatedLeg {
  index: number;
  name: string;
  matrix: MatrixLeg;
  result: JobResult;
  runsOn: unknown;
  timeoutMinutes: number;
  environment: string | null;
  /**
   * How GitHub let the leg past its environment: `created` (the repository lacked it: made without
   * rules), `no-reviewers`, `not-enforced` (a private repository on Free, Pro or Team), `approved`.
   */
  environmentGate: GatePassage | null;
  concurrency: { group: string; cancelInProgress: boolean } | null;
  steps: SimulatedStep[];
  outputs: Record<string, string>;
  /** Job outputs GitHub would drop because they hold a secret. */
  redactedOutputs: string[];
  workspace: string;
  runnerTemp: string;
  error: string | null;
}

export interface SimulatedJob {
  id: string;
  needs: string[];
  /** The `if:` evaluated true (the job ran). */
  ran: boolean;
  result: JobResult;
  outputs: Record<string, string>;
  legs: SimulatedLeg[];
  strategy: { failFast: boolean; maxParallel: number | null } | null;
  /** Order of events across the run: when the job started and finished (skipped jobs too). */
  started: number;
  finished: number;
  /** Why the job failed before any leg ran (a strategy that did not evaluate, a rejected environment). */
  error: string | null;
}

export interface SimulatedRun {
  inputs: Record<string, unknown>;
  concurrency: { group: string; cancelInProgress: boolean } | null;
  jobs: Record<string, SimulatedJob>;
  /** Job ids in the order they started. */
  order: string[];
  /** The workflow_call outputs. */
  outputs: Record<string, string>;
  result: 'success' | 'failure';
  /** Every step of every leg, in the order the steps ran, with its job and leg (for failure messages). */
  log(): string;
  /** The repository's Actions cache after the run. */
  cache: SimulatedCache;
}

const TOP_KEYS = new Set(['name', 'run-name', 'on', 'permissions', 'concurrency', 'env', 'jobs']);
const JOB_KEYS = new Set([
  'name',
  'needs',
  'if',
  'runs-on',
  'timeout-minutes',
  'permissions',
  'outputs',
  'strategy',
  'steps',
  'environment',
  'concurrency',
  'env',
  'continue-on-error',
]);
const STRATEGY_KEYS = new Set(['matrix', 'fail-fast', 'max-parallel']);
const STEP_KEYS = new Set([
  'name',
  'id',
  'if',
  'uses',
  'with',
  'run',
  'env',
  'continue-on-error',
  'timeout-minutes',
  'shell',
  'working-directory',
]);
const CHECKOUT = /^actions\/checkout@[0-9a-f]{40}$/;
const PERMISSION_RANK: Record<string, number> = { none: 0, read: 1, write: 2 };

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The `workflow_call` trigger in a workflow's `on:`: its settings, `{}` for the bare name, undefined when absent. */
function workflowCallOf(on: unknown): Json | undefined {
  if (isObject(on)) return on['workflow_call'];
  if (on === 'workflow_call') return {};
  return undefined;
}

/** What a step is: a `run:` script, the pinned actions/checkout, or another action. */
function stepKind(uses: string | null): SimulatedStep['kind'] {
  if (uses === null) return 'run';
  if (CACHE_ACTION.test(uses)) return 'cache';
  return CHECKOUT.test(uses) ? 'checkout' : 'action';
}

/** What an optional input given no value and no default is: `false`, `0` or `''` by its type. */
function emptyInput(type: unknown): boolean | number | string {
  if (type === 'boolean') return false;
  if (type === 'number') return 0;
  return '';
}

/**
 * Runs the reusable workflow and returns what happened; throws `UnsupportedConstruct` on anything
 * it cannot run faithfully.
 */
export async function simulateWorkflow(options: SimulateWorkflowOptions): Promise<SimulatedRun> {
  const file = isAbsolute(options.workflowFile)
    ? options.workflowFile
    : resolve(options.ensembleRepoDir, options.workflowFile);
  const text = readFileSync(file, 'utf8');
  const parsed = parseWorkflow({ name: file, content: text }, new NoOperationTraceWriter());
  const parseErrors = parsed.context.errors.getErrors().map((e) => e.message);
  if (parseErrors.length > 0)
    throw new Error(`${file} does not parse with @actions/workflow-parser:\n${parseErrors.join('\n')}`);
  const workflow: Json = parse(text);
  for (const key of Object.keys(workflow)) {
    if (!TOP_KEYS.has(key))
      throw new UnsupportedConstruct(`${file}: the top-level key '${key}' is not supported by the simulator`);
  }
  const on = workflow['on'];
  const call = workflowCallOf(on);
  if (call === undefined)
    throw new UnsupportedConstruct(`${file}: the simulator runs reusable workflows (on: workflow_call) only`);

  const h = options.harness;
  const payload = options.event.payload;
  const repository =
    options.repository ??
    ((payload['repository'] as Json | undefined)?.['full_name'] as string | undefined) ??
    'octo-org/textkit';
  const [owner] = repository.split('/') as [string, string];
  const defaultBranch =
    ((payload['repository'] as Json | undefined)?.['default_branch'] as string | undefined) ?? 'main';
  const runId = options.runId ?? '4242';
  // A run of its own in the artifact service when the test names one (a second workflow run, such as a
  // follow-up): its jobs see only its own artifacts. The default run is the artifact fake's own.
  const artifactRun = options.runId === undefined ? null : `00000000-0000-4000-8000-${runId.padStart(12, '0')}`;
  const caller = options.callerWorkflow ?? {
    name: 'ensemble (example caller)',
    path: '.github/workflows/example-caller.yml',
  };
  const workflowRepository = options.workflowRepository ?? 'ensemble-dev/ensemble';
  const workflowSha = git(options.ensembleRepoDir, 'rev-parse', 'HEAD');
  const workflowPath = file.startsWith(`${resolve(options.ensembleRepoDir)}/`)
    ? file.slice(resolve(options.ensembleRepoDir).length + 1)
    : file;
  const actor = ((payload['sender'] as Json | undefined)?.['login'] as string | undefined) ?? 'maintainer';
  const serverUrl = 'https://github.com';
  const stepTimeoutMs = options.stepTimeoutMs ?? 180_000;
  const minuteMsOf = (job: string) => options.minuteMs?.[job] ?? 60_000;
  const cache = options.cache ?? simulatedCache();

  const inputs = callInputs(call['inputs'] ?? {}, options.callerInputs, file);
  const secrets = callSecrets(call['secrets'] ?? {}, options.secrets, file);
  const secretValues = [...Object.values(secrets), TOKEN].filter((value) => value.length > 0);
  secrets['GITHUB_TOKEN'] = TOKEN;
  const vars = options.vars ?? {};
  const github: Json = {
    event_name: options.event.name,
    event: payload,
    repository,
    repository_owner: owner,
    repositoryUrl: `git://github.com/${repository}.git`,
    ref: `refs/heads/${defaultBranch}`,
    ref_name: defaultBranch,
    ref_type: 'branch',
    sha: h.baseSha,
    run_id: runId,
    run_number: '1',
    run_attempt: '1',
    retention_days: String(options.retentionDays ?? 90),
    actor,
    triggering_actor: actor,
    token: TOKEN,
    server_url: serverUrl,
    api_url: h.github.url,
    graphql_url: `${h.github.url}/graphql`,
    workflow: caller.name,
    workflow_ref: `${repository}/${caller.path}@refs/heads/${defaultBranch}`,
    workflow_sha: h.baseSha,
    event_path: '/home/runner/work/_temp/_github_workflow/event.json',
    action: '',
    job: '',
    workspace: '',
  };
  const base = { github, inputs, vars };
  const env = (
    scope: ExpressionScope,
    where: string,
    contexts: Json = {},
    status?: StatusFunctions,
  ): ExpressionEnv => ({
    scope,
    where,
    contexts: { ...base, ...contexts },
    ...(status ? { status } : {}),
  });

  const renderConcurrency = (value: unknown, scope: ExpressionScope, where: string, contexts: Json = {}) => {
    if (value === undefined) return null;
    const rendered = render(value, env(scope, where, contexts));
    if (typeof rendered === 'string') return { group: rendered, cancelInProgress: false };
    if (!isObject(rendered) || typeof rendered['group'] !== 'string')
      throw new ExpressionFailure(`${where}: no concurrency group`);
    const cancel = rendered['cancel-in-progress'] ?? false;
    if (typeof cancel !== 'boolean')
      throw new ExpressionFailure(`${where}: cancel-in-progress is ${JSON.stringify(cancel)}`);
    return { group: rendered['group'] as string, cancelInProgress: cancel };
  };
  const concurrency = renderConcurrency(workflow['concurrency'], 'workflow-concurrency', 'concurrency');
  const workflowEnv = stringMap(render(workflow['env'] ?? {}, env('workflow-env', 'env', { secrets })), 'env');

  const jobDefs: Record<string, Json> = workflow['jobs'] ?? {};
  const needsOf: Record<string, string[]> = {};
  for (const [id, job] of Object.entries(jobDefs)) {
    if (!isObject(job)) throw new UnsupportedConstruct(`job '${id}' is not a mapping`);
    if ('uses' in job)
      throw new UnsupportedConstruct(
        `job '${id}' calls a reusable workflow (uses:); the simulator does not nest workflows`,
      );
    for (const key of Object.keys(job)) {
      if (!JOB_KEYS.has(key))
        throw new UnsupportedConstruct(`job '${id}': the key '${key}' is not supported by the simulator`);
    }
    needsOf[id] = [job['needs'] ?? []].flat().map(String);
    for (const need of needsOf[id]!)
      if (!(need in jobDefs)) throw new Error(`job '${id}' needs '${need}', which is not a job`);
    checkPermissions(id, job['permissions'] ?? workflow['permissions'], options.callerPermissions);
  }
  const ancestors = (id: string, seen = new Set<string>(), path: string[] = []): Set<string> => {
    for (const need of needsOf[id] ?? []) {
      if (path.includes(need)) throw new Error(`the needs of '${id}' form a cycle through '${need}'`);
      seen.add(need);
      ancestors(need, seen, [...path, id]);
    }
    return seen;
  };
  const upstreamOf = Object.fromEntries(Object.keys(jobDefs).map((id) => [id, [...ancestors(id)]]));

  const sources: CheckoutSources = {
    caller: { repository, dir: h.origin, defaultRef: `refs/heads/${defaultBranch}`, defaultSha: h.baseSha },
    workflow: {
      repository: workflowRepository,
      sha: workflowSha,
      snapshot: snapshotEnsemble(options.ensembleRepoDir),
      private: options.workflowRepositoryPrivate === true,
    },
    serverUrl,
  };

  let clock = 0;
  const tick = () => ++clock;
  const order: string[] = [];
  const jobs: Record<string, SimulatedJob> = {};
  const promises = new Map<string, Promise<SimulatedJob>>();
  let serial: Promise<unknown> = Promise.resolve();
  /** With `sequential`, one job or leg at a time. */
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    if (!options.sequential) return work();
    const next = serial.then(work);
    serial = next.catch(() => undefined);
    return next;
  };
  let legCounter = 0;

  const runJob = (id: string): Promise<SimulatedJob> => {
    const existing = promises.get(id);
    if (existing) return existing;
    const promise = (async () => {
      const needed = await Promise.all(needsOf[id]!.map(runJob));
      const job = jobDefs[id]!;
      const record: SimulatedJob = {
        id,
        needs: needsOf[id]!,
        ran: false,
        result: 'skipped',
        outputs: {},
        legs: [],
        strategy: null,
        started: tick(),
        finished: 0,
        error: null,
      };
      jobs[id] = record;
      order.push(id);
      const needs = Object.fromEntries(needed.map((n) => [n.id, { result: n.result, outputs: n.outputs }]));
      const upstream = upstreamOf[id]!.map((u) => jobs[u]!.result);
      const jobStatus: StatusFunctions = {
        success: () => upstream.every((r) => r === 'success'),
        failure: () => upstream.some((r) => r === 'failure'),
        cancelled: () => false,
      };
      try {
        record.ran = condition(job['if'], { ...env('job-if', `job '${id}' if`, { needs }), status: jobStatus });
      } catch (error) {
        if (!(error instanceof ExpressionFailure)) throw error;
        record.error = error.message;
        record.result = 'failure';
        record.finished = tick();
        return record;
      }
      if (!record.ran) {
        record.finished = tick();
        return record;
      }

      let legs: MatrixLeg[] = [{}];
      try {
        const strategy = job['strategy'];
        if (strategy !== undefined) {
          if (!isObject(strategy)) throw new UnsupportedConstruct(`job '${id}': strategy is not a mapping`);
          for (const key of Object.keys(strategy)) {
            if (!STRATEGY_KEYS.has(key))
              throw new UnsupportedConstruct(`job '${id}': strategy.${key} is not supported by the simulator`);
          }
          const rendered = render(strategy, env('job-strategy', `job '${id}' strategy`, { needs })) as Json;
          const failFast = rendered['fail-fast'] ?? true;
          const maxParallel = rendered['max-parallel'] ?? null;
          if (typeof failFast !== 'boolean')
            throw new ExpressionFailure(`job '${id}': strategy.fail-fast is ${JSON.stringify(failFast)}`);
          if (maxParallel !== null && !(Number.isInteger(maxParallel) && maxParallel > 0)) {
            throw new ExpressionFailure(
              `job '${id}': strategy.max-parallel is ${JSON.stringify(maxParallel)}, not a positive integer`,
            );
          }
          record.strategy = { failFast, maxParallel };
          if (rendered['matrix'] !== undefined) legs = expandMatrix(rendered['matrix'], `job '${id}' strategy.matrix`);
        }
      } catch (error) {
        if (!(error instanceof ExpressionFailure)) throw error;
        record.error = error.message;
        record.result = 'failure';
        record.finished = tick();
        return record;
      }

      const strategyContext = (index: number) => ({
        'fail-fast': record.strategy?.failFast ?? true,
        'job-index': index,
        'job-total': legs.length,
        'max-parallel': record.strategy?.maxParallel ?? legs.length,
      });
      const limit = record.strategy?.maxParallel ?? legs.length;
      const results: SimulatedLeg[] = [];
      let next = 0;
      let failed = false;
      const worker = async () => {
        while (next < legs.length) {
          const index = next++;
          const matrix = legs[index]!;
          if (failed && record.strategy?.failFast !== false) {
            const name =
              job['name'] === undefined
                ? defaultLegName(id, matrix)
                : asText(
                    render(
                      job['name'],
                      env('job-name', `job '${id}' name`, { needs, strategy: strategyContext(index), matrix }),
                    ),
                  );
            results[index] = { ...cancelledLeg(index, id, matrix), name };
            continue;
          }
          legCounter += 1;
          const artifactJob = `${id}-${legCounter}`;
          const leg = await exclusive(() =>
            runLeg(id, job, index, matrix, { needs, strategy: strategyContext(index), matrix }, artifactJob).catch(
              (error: unknown) => {
                if (!(error instanceof ExpressionFailure)) throw error;
                return { ...cancelledLeg(index, id, matrix), result: 'failure' as const, error: error.message };
              },
            ),
          );
          results[index] = leg;
          if (leg.result === 'failure') failed = true;
        }
      };
      const workers = await Promise.allSettled(Array.from({ length: Math.min(limit, legs.length) }, worker));
      const broken = workers.find((w): w is PromiseRejectedResult => w.status === 'rejected');
      if (broken) throw broken.reason;
      record.legs = results;
      record.result = jobResultOf(results);
      for (const leg of results) {
        for (const [name, value] of Object.entries(leg.outputs))
          if (value !== '' || !(name in record.outputs)) record.outputs[name] = value;
      }
      if (record.result === 'failure' && job['continue-on-error'] !== undefined) {
        const keepGoing = render(
          job['continue-on-error'],
          env('job-runs-on', `job '${id}' continue-on-error`, { needs }),
        );
        if (keepGoing === true) record.result = 'success';
      }
      record.finished = tick();
      return record;
    })();
    promises.set(id, promise);
    return promise;
  };

  const cancelledLeg = (index: number, id: string, matrix: MatrixLeg): SimulatedLeg => ({
    index,
    name: defaultLegName(id, matrix),
    matrix,
    result: 'cancelled',
    runsOn: null,
    timeoutMinutes: 0,
    environment: null,
    environmentGate: null,
    concurrency: null,
    steps: [],
    outputs: {},
    redactedOutputs: [],
    workspace: '',
    runnerTemp: '',
    error: 'cancelled by fail-fast after another leg failed',
  });

  /** One job (or matrix leg) on a fresh runner. */
  const runLeg = async (
    id: string,
    job: Json,
    index: number,
    matrix: MatrixLeg,
    contexts: Json,
    artifactJob: string,
  ): Promise<SimulatedLeg> => {
    const where = `job '${id}'${Object.keys(matrix).length > 0 ? ` leg ${JSON.stringify(matrix)}` : ''}`;
    const root = mkdtempSync(join(tmpdir(), `ensemble-sim-${id}-`));
    const workspace = join(root, 'work', repository.split('/')[1]!);
    const runnerTemp = join(root, 'temp');
    const home = join(root, 'home');
    for (const dir of [workspace, runnerTemp, home]) mkdirSync(dir, { recursive: true });
    const leg: SimulatedLeg = {
      index,
      name:
        job['name'] === undefined
          ? defaultLegName(id, matrix)
          : asText(render(job['name'], env('job-name', `${where} name`, contexts))),
      matrix,
      result: 'success',
      runsOn: render(job['runs-on'], env('job-runs-on', `${where} runs-on`, contexts)),
      timeoutMinutes: 360,
      environment: null,
      environmentGate: null,
      concurrency: renderConcurrency(job['concurrency'], 'job-concurrency', `${where} concurrency`, contexts),
      steps: [],
      outputs: {},
      redactedOutputs: [],
      workspace,
      runnerTemp,
      error: null,
    };
    const runsOn = leg.runsOn;
    if (
      !(typeof runsOn === 'string' && runsOn !== '') &&
      !(Array.isArray(runsOn) && runsOn.every((l) => typeof l === 'string'))
    ) {
      throw new ExpressionFailure(`${where}: runs-on is ${JSON.stringify(runsOn)}`);
    }
    if (job['timeout-minutes'] !== undefined) {
      const timeout = render(job['timeout-minutes'], env('job-timeout', `${where} timeout-minutes`, contexts));
      if (typeof timeout !== 'number' || !(timeout > 0))
        throw new ExpressionFailure(`${where}: timeout-minutes is ${JSON.stringify(timeout)}`);
      leg.timeoutMinutes = timeout;
    }
    if (job['environment'] !== undefined) {
      const rendered = render(job['environment'], env('job-environment', `${where} environment`, contexts));
      const name = isObject(rendered) ? rendered['name'] : rendered;
      if (typeof name !== 'string') throw new ExpressionFailure(`${where}: environment is ${JSON.stringify(rendered)}`);
      if (name !== '') {
        leg.environment = name;
        const gate = passEnvironmentGate({
          state: h.github.state,
          name,
          runId: Number(runId),
          approvals: options.approvals,
          where,
        });
        if (!gate.passed) {
          leg.result = 'failure';
          leg.error = gate.error;
          return leg;
        }
        leg.environmentGate = gate.how;
      }
    }
    const jobEnv = {
      ...workflowEnv,
      ...stringMap(render(job['env'] ?? {}, env('job-env', `${where} env`, { ...contexts, secrets })), 'env'),
    };
    const minuteMs = minuteMsOf(id);
    const deadline = Date.now() + leg.timeoutMinutes * minuteMs;

    const steps: Json = {};
    const addedEnv: Record<string, string> = {};
    const jobContext = () => ({
      status: leg.result,
      workflow_repository: workflowRepository,
      workflow_sha: workflowSha,
      workflow_ref: `${workflowRepository}/${workflowPath}@${workflowSha}`,
      workflow_file_path: workflowPath,
      container: { network: '' },
      services: {},
    });
    const runner = {
      os: 'Linux',
      arch: 'X64',
      name: `simulated-runner-${artifactJob}`,
      temp: runnerTemp,
      tool_cache: join(root, 'toolcache'),
      environment: 'github-hosted',
      debug: '',
    };
    const legGithub = { ...github, job: id, workspace };
    const stepStatus: StatusFunctions = {
      success: () => leg.result === 'success',
      failure: () => leg.result === 'failure',
      cancelled: () => false,
    };
    const runtimeToken = h.artifacts.tokenFor({ job: artifactJob, ...(artifactRun ? { run: artifactRun } : {}) });

    const stepDefs: Json[] = job['steps'] ?? [];
    if (!Array.isArray(stepDefs) || stepDefs.length === 0)
      throw new UnsupportedConstruct(`${where}: a job without steps`);
    for (const [stepIndex, step] of stepDefs.entries()) {
      if (!isObject(step)) throw new UnsupportedConstruct(`${where} step ${stepIndex + 1} is not a mapping`);
      for (const key of Object.keys(step)) {
        if (!STEP_KEYS.has(key))
          throw new UnsupportedConstruct(
            `${where} step ${stepIndex + 1}: the key '${key}' is not supported by the simulator`,
          );
      }
      const uses = typeof step['uses'] === 'string' ? (step['uses'] as string) : null;
      const kind = stepKind(uses);
      if (uses === null && typeof step['run'] !== 'string')
        throw new UnsupportedConstruct(`${where} step ${stepIndex + 1} has neither uses: nor run:`);
      const stepId = typeof step['id'] === 'string' ? (step['id'] as string) : null;
      const stepWhere = `${where} step ${stepIndex + 1}${step['name'] ? ` "${step['name']}"` : ''}`;
      const contextsNow = () => ({
        ...contexts,
        github: { ...legGithub, action: stepId ?? `__step${stepIndex + 1}` },
        secrets,
        steps,
        job: jobContext(),
        runner,
        env: { ...jobEnv, ...addedEnv },
      });
      const unnamed = uses ? `Run ${uses}` : `Run ${String(step['run']).split('\n')[0]}`;
      const record: SimulatedStep = {
        index: stepIndex,
        id: stepId,
        name:
          typeof step['name'] === 'string'
            ? asText(render(step['name'], env('step', `${stepWhere} name`, contextsNow())))
            : unnamed,
        kind,
        uses,
        outcome: 'skipped',
        conclusion: 'skipped',
        inputs: {},
        env: {},
        outputs: {},
        exitCode: null,
        stdout: '',
        stderr: '',
        summary: '',
        error: null,
      };
      leg.steps.push(record);

      let runs: boolean;
      try {
        runs = condition(step['if'], { ...env('step', `${stepWhere} if`, contextsNow()), status: stepStatus });
      } catch (error) {
        if (!(error instanceof ExpressionFailure)) throw error;
        record.error = error.message;
        runs = false;
        record.outcome = record.conclusion = 'failure';
        leg.result = 'failure';
        continue;
      }
      if (!runs) {
        if (stepId) steps[stepId] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
        continue;
      }

      let ok = false;
      try {
        const stepEnv = {
          ...jobEnv,
          ...addedEnv,
          ...stringMap(render(step['env'] ?? {}, env('step', `${stepWhere} env`, contextsNow())), 'env'),
        };
        record.env = stepEnv;
        const withs = stringMap(render(step['with'] ?? {}, env('step', `${stepWhere} with`, contextsNow())), 'with');
        let timeoutMs = Math.min(stepTimeoutMs, Math.max(minuteMs / 60, deadline - Date.now()));
        if (step['timeout-minutes'] !== undefined) {
          const minutes = render(step['timeout-minutes'], env('step', `${stepWhere} timeout-minutes`, contextsNow()));
          if (typeof minutes !== 'number' || !(minutes > 0))
            throw new ExpressionFailure(`${stepWhere}: timeout-minutes is ${JSON.stringify(minutes)}`);
          timeoutMs = Math.min(timeoutMs, minutes * minuteMs);
        }
        const runnerEnv: Record<string, string> = {
          ...runnerVariables({
            github: legGithub,
            id,
            stepId: stepId ?? `__step${stepIndex + 1}`,
            workspace,
            runnerTemp,
            home,
            runner,
          }),
          ACTIONS_RUNTIME_TOKEN: runtimeToken,
          ACTIONS_RESULTS_URL: h.artifacts.url,
          ...stepEnv,
        };

        if (kind === 'checkout') {
          for (const key of ['shell', 'working-directory', 'run']) {
            if (key in step) throw new UnsupportedConstruct(`${stepWhere}: '${key}' on a uses: step`);
          }
          for (const name of Object.keys(withs)) {
            if (!(CHECKOUT_INPUTS as readonly string[]).includes(name)) {
              throw new UnsupportedConstruct(
                `${stepWhere}: actions/checkout input '${name}' is not supported by the simulator`,
              );
            }
          }
          record.inputs = withs;
          try {
            const done = checkout(withs, workspace, TOKEN, sources, runnerTemp);
            record.stdout = `checked out ${done.repository} at ${done.commit} into ${done.path}${done.persistedCredentials ? ' (credentials persisted)' : ''}\n`;
            ok = true;
          } catch (error) {
            if (error instanceof UnsupportedConstruct) throw new UnsupportedConstruct(`${stepWhere}: ${error.message}`);
            record.error = `actions/checkout failed: ${(error as Error).message}`;
          }
        } else if (kind === 'cache') {
          for (const key of ['shell', 'working-directory', 'run']) {
            if (key in step) throw new UnsupportedConstruct(`${stepWhere}: '${key}' on a uses: step`);
          }
          record.inputs = withs;
          const done = runCacheStep(uses!, withs, workspace, cache, stepWhere);
          record.stdout = done.stdout;
          record.outputs = done.outputs;
          record.error = done.error;
          ok = done.ok;
        } else if (kind === 'action') {
          if (!uses!.startsWith('./') && !uses!.startsWith(SELF_REPOSITORY)) {
            throw new UnsupportedConstruct(
              `${stepWhere} uses '${uses}': the simulator runs actions/checkout@<sha>, actions/cache/save|restore@<sha>, ` +
                'local actions (./…) and self-repository actions ($/…) only',
            );
          }
          for (const key of ['shell', 'working-directory', 'run']) {
            if (key in step) throw new UnsupportedConstruct(`${stepWhere}: '${key}' on a uses: step`);
          }
          const actionDir = actionDirectory(uses!, workspace, sources.workflow.snapshot, stepWhere);
          const metadata = readAction(actionDir, stepWhere);
          const declared: Json = metadata['inputs'] ?? {};
          const unexpected = Object.keys(withs).filter((name) => !(name in declared));
          if (unexpected.length > 0) {
            throw new UnsupportedConstruct(
              `${stepWhere}: unexpected input(s) ${unexpected.map((n) => `'${n}'`).join(', ')} for ${uses} (valid inputs: ${Object.keys(declared).join(', ')})`,
            );
          }
          const actionInputs: Record<string, string> = {};
          for (const [name, input] of Object.entries(declared)) {
            if (name in withs) actionInputs[name] = withs[name]!;
            else if (isObject(input) && input['default'] !== undefined) {
              actionInputs[name] = asText(
                render(input['default'], env('action-default', `${uses} input '${name}' default`, contextsNow())),
              );
            }
          }
          record.inputs = actionInputs;
          const main = resolve(actionDir, String(metadata['runs']['main']));
          const run = await runActionMain(main, actionInputs, {
            cwd: workspace,
            env: runnerEnv,
            event: options.event,
            timeoutMs,
          });
          ok = collect(record, run, addedEnv);
        } else {
          const script = String(step['run']);
          if (script.includes('${{')) {
            throw new UnsupportedConstruct(
              `${stepWhere}: a run: script with \${{ }} is not supported (pass values through env:)`,
            );
          }
          const shell = step['shell'] ?? 'bash';
          if (shell !== 'bash')
            throw new UnsupportedConstruct(`${stepWhere}: shell '${shell}' is not supported (bash only)`);
          const cwd =
            step['working-directory'] === undefined
              ? workspace
              : resolve(
                  workspace,
                  asText(
                    render(step['working-directory'], env('step', `${stepWhere} working-directory`, contextsNow())),
                  ),
                );
          const run = await runBash(script, cwd, runnerEnv, timeoutMs);
          ok = collect(record, run, addedEnv);
        }
      } catch (error) {
        if (!(error instanceof ExpressionFailure)) throw error;
        record.error = error.message;
      }

      record.outcome = ok ? 'success' : 'failure';
      record.conclusion = record.outcome;
      if (!ok && step['continue-on-error'] !== undefined) {
        const keepGoing = render(
          step['continue-on-error'],
          env('step', `${stepWhere} continue-on-error`, contextsNow()),
        );
        if (keepGoing === true) record.conclusion = 'success';
      }
      // GitHub cancels a job that runs past its `timeout-minutes`: the step in flight is cancelled,
      // no later step runs, and the job's result is `cancelled` (not `failure`).
      if (Date.now() >= deadline) {
        record.outcome = record.conclusion = 'cancelled';
        leg.result = 'cancelled';
        leg.error = `the job was cancelled: it ran past its timeout-minutes (${leg.timeoutMinutes})`;
        if (stepId) steps[stepId] = { outputs: record.outputs, outcome: 'cancelled', conclusion: 'cancelled' };
        break;
      }
      if (record.conclusion === 'failure') leg.result = 'failure';
      if (stepId) steps[stepId] = { outputs: record.outputs, outcome: record.outcome, conclusion: record.conclusion };
    }

    // Job outputs, rendered after the steps; GitHub drops a value that holds a secret.
    const outputDefs: Json = job['outputs'] ?? {};
    const finalContexts = {
      ...contexts,
      github: legGithub,
      secrets,
      steps,
      job: jobContext(),
      runner,
      env: { ...jobEnv, ...addedEnv },
    };
    for (const [name, value] of Object.entries(outputDefs)) {
      let text: string;
      try {
        text = asText(render(value, env('job-outputs', `${where} outputs.${name}`, finalContexts)));
      } catch (error) {
        if (!(error instanceof ExpressionFailure)) throw error;
        leg.error = error.message;
        leg.result = 'failure';
        continue;
      }
      if (secretValues.some((secret) => text.includes(secret))) {
        leg.redactedOutputs.push(name);
        continue;
      }
      if (Buffer.byteLength(text) > 1024 * 1024)
        throw new Error(`${where}: output '${name}' is over GitHub's 1 MB limit for one job output`);
      leg.outputs[name] = text;
    }
    return leg;
  };

  // Every job settles before the run ends (no step keeps running after a failure is thrown).
  const settled = await Promise.allSettled(Object.keys(jobDefs).map(runJob));
  const thrown = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (thrown) throw thrown.reason;

  const outputs: Record<string, string> = {};
  const jobsContext = Object.fromEntries(
    Object.values(jobs).map((j) => [j.id, { result: j.result, outputs: j.outputs }]),
  );
  for (const [name, output] of Object.entries((call['outputs'] ?? {}) as Json)) {
    outputs[name] = asText(
      render(
        isObject(output) ? output['value'] : output,
        env('workflow-outputs', `on.workflow_call.outputs.${name}`, { jobs: jobsContext }),
      ),
    );
  }
  const result = Object.values(jobs).every((j) => j.result === 'success' || j.result === 'skipped')
    ? 'success'
    : 'failure';
  return {
    inputs,
    concurrency,
    jobs,
    order,
    outputs,
    result,
    log: () => describeRun(order.map((id) => jobs[id]!)),
    cache,
  };
}

/** `uses: $/<path>`: an action of the workflow's own repository, at the running commit, with no checkout. */
const SELF_REPOSITORY = '$/';

function actionDirectory(uses: string, workspace: string, workflowSnapshot: string, where: string): string {
  if (!uses.startsWith(SELF_REPOSITORY)) return resolve(workspace, uses);
  const dir = resolve(workflowSnapshot, uses.slice(SELF_REPOSITORY.length));
  if (relative(workflowSnapshot, dir).startsWith('..')) {
    throw new UnsupportedConstruct(`${where} uses '${uses}': a $/ path must stay inside the workflow's repository`);
  }
  return dir;
}

/** A matrix job failed when a leg failed; it was cancelled when a leg was (a timed-out leg) and none failed. */
function jobResultOf(legs: readonly SimulatedLeg[]): JobResult {
  if (legs.some((leg) => leg.result === 'failure')) return 'failure';
  if (legs.some((leg) => leg.result === 'cancelled')) return 'cancelled';
  return 'success';
}

/** The environment the runner gives every step, before the step's own `env:`. */
function runnerVariables(p: {
  github: Json;
  id: string;
  stepId: string;
  workspace: string;
  runnerTemp: string;
  home: string;
  runner: Json;
}): Record<string, string> {
  const g = p.github;
  return {
    HOME: p.home,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: p.stepId,
    GITHUB_ACTOR: g['actor'],
    GITHUB_TRIGGERING_ACTOR: g['triggering_actor'],
    GITHUB_API_URL: g['api_url'],
    GITHUB_GRAPHQL_URL: g['graphql_url'],
    GITHUB_SERVER_URL: g['server_url'],
    GITHUB_EVENT_NAME: g['event_name'],
    GITHUB_JOB: p.id,
    GITHUB_REF: g['ref'],
    GITHUB_REF_NAME: g['ref_name'],
    GITHUB_REF_TYPE: g['ref_type'],
    GITHUB_REPOSITORY: g['repository'],
    GITHUB_REPOSITORY_OWNER: g['repository_owner'],
    GITHUB_RETENTION_DAYS: g['retention_days'],
    GITHUB_RUN_ID: g['run_id'],
    GITHUB_RUN_NUMBER: g['run_number'],
    GITHUB_RUN_ATTEMPT: g['run_attempt'],
    GITHUB_SHA: g['sha'],
    GITHUB_WORKFLOW: g['workflow'],
    GITHUB_WORKFLOW_REF: g['workflow_ref'],
    GITHUB_WORKFLOW_SHA: g['workflow_sha'],
    GITHUB_WORKSPACE: p.workspace,
    RUNNER_TEMP: p.runnerTemp,
    RUNNER_OS: p.runner['os'],
    RUNNER_ARCH: p.runner['arch'],
    RUNNER_NAME: p.runner['name'],
    RUNNER_TOOL_CACHE: p.runner['tool_cache'],
    RUNNER_ENVIRONMENT: p.runner['environment'],
  };
}

/** A step's process results into its record; `GITHUB_ENV` into the later steps' environment. */
function collect(record: SimulatedStep, run: ActionRun, addedEnv: Record<string, string>): boolean {
  record.exitCode = run.exitCode;
  record.stdout = run.stdout;
  record.stderr = run.stderr;
  record.summary = run.files.summary;
  record.outputs = parseOutputs(run.files.output);
  Object.assign(addedEnv, parseOutputs(run.files.env));
  if (run.exitCode === null) record.error = 'the step was killed at its timeout';
  return run.exitCode === 0;
}

function readAction(dir: string, where: string): Json {
  let text: string;
  try {
    text = readFileSync(join(dir, 'action.yml'), 'utf8');
  } catch {
    try {
      text = readFileSync(join(dir, 'action.yaml'), 'utf8');
    } catch {
      throw new UnsupportedConstruct(`${where}: no action.yml in ${dir} (was the action's repository checked out?)`);
    }
  }
  const metadata: Json = parse(text);
  const runs = metadata['runs'];
  if (!isObject(runs) || runs['using'] !== 'node24' || typeof runs['main'] !== 'string') {
    throw new UnsupportedConstruct(
      `${where}: ${dir}/action.yml runs ${JSON.stringify(runs)}; the simulator runs node24 JavaScript actions only`,
    );
  }
  for (const key of Object.keys(runs)) {
    if (!['using', 'main'].includes(key))
      throw new UnsupportedConstruct(`${where}: runs.${key} of ${dir}/action.yml is not supported by the simulator`);
  }
  return metadata;
}

/** A `run:` step as the runner runs it with `shell: bash`: `bash --noprofile --norc -eo pipefail <file>`. */
async function runBash(
  script: string,
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<ActionRun> {
  const temp = mkdtempSync(join(tmpdir(), 'ensemble-run-step-'));
  const files = {
    output: join(temp, 'output'),
    summary: join(temp, 'summary'),
    state: join(temp, 'state'),
    env: join(temp, 'env'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const scriptFile = join(temp, 'script.sh');
  writeFileSync(scriptFile, script);
  const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', scriptFile], {
    cwd,
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      ...env,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_STATE: files.state,
      GITHUB_ENV: files.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const stopping = stopLikeTheRunner(child, timeoutMs);
  const exitCode = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  stopping.cancel();
  const read = (f: string) => readFileSync(f, 'utf8');
  return {
    exitCode,
    stdout,
    stderr,
    files: { output: read(files.output), summary: read(files.summary), state: read(files.state), env: read(files.env) },
  };
}

/** `workflow_call` inputs: declared, typed, defaulted; GitHub refuses an undeclared or missing required one. */
function callInputs(declared: Json, given: Record<string, unknown>, file: string): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const name of Object.keys(given)) {
    if (!(name in declared))
      throw new Error(`${file}: invalid input, ${name} is not defined in the referenced workflow`);
  }
  for (const [name, input] of Object.entries(declared) as [string, Json][]) {
    const type = input['type'];
    let value = given[name];
    if (value === undefined || value === null || value === '') {
      if (value === undefined && input['required'] === true)
        throw new Error(`${file}: input required and not supplied: ${name}`);
      if (value === undefined || value === null) value = input['default'] ?? emptyInput(type);
    }
    if (type === 'string') {
      if (typeof value === 'object')
        throw new Error(`${file}: input '${name}' is a string, given ${JSON.stringify(value)}`);
      inputs[name] = String(value);
    } else if (type === 'number') {
      // GitHub refuses text for a number input, also text that reads as a number (a dispatch
      // input passed on is always text): "Unexpected value '4'" (actions/runner#2848).
      if (typeof value !== 'number') throw new Error(`${file}: input '${name}': Unexpected value '${String(value)}'`);
      inputs[name] = value;
    } else if (type === 'boolean') {
      if (typeof value === 'boolean') inputs[name] = value;
      else if (value === 'true' || value === 'false') inputs[name] = value === 'true';
      else throw new Error(`${file}: input '${name}' is a boolean, given ${JSON.stringify(value)}`);
    } else {
      throw new UnsupportedConstruct(
        `${file}: input '${name}' has the type ${JSON.stringify(type)}, which the simulator does not support`,
      );
    }
  }
  return inputs;
}

function callSecrets(declared: Json, given: Record<string, string>, file: string): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const name of Object.keys(given)) {
    if (!(name in declared))
      throw new Error(`${file}: invalid secret, ${name} is not defined in the referenced workflow`);
  }
  for (const [name, secret] of Object.entries(declared) as [string, Json][]) {
    const value = given[name];
    if ((value === undefined || value === '') && secret?.['required'] === true)
      throw new Error(`${file}: secret ${name} is required, but not provided`);
    if (value !== undefined) secrets[name] = value;
  }
  return secrets;
}

/** GitHub refuses a run whose called job asks for a scope above what the caller grants. */
function checkPermissions(id: string, permissions: unknown, granted: Record<string, string> | undefined) {
  if (granted === undefined || permissions === undefined) return;
  if (!isObject(permissions))
    throw new UnsupportedConstruct(
      `job '${id}': permissions ${JSON.stringify(permissions)} are not supported by the simulator`,
    );
  for (const [scope, level] of Object.entries(permissions)) {
    const allowed = granted[scope] ?? 'none';
    if ((PERMISSION_RANK[String(level)] ?? 99) > (PERMISSION_RANK[allowed] ?? 0)) {
      throw new Error(
        `The nested job '${id}' is requesting '${scope}: ${level}', but is only allowed '${scope}: ${allowed}'`,
      );
    }
  }
}

function stringMap(value: unknown, what: string): Record<string, string> {
  if (!isObject(value)) throw new ExpressionFailure(`${what} is ${JSON.stringify(value)}, not a mapping`);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v)]));
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' }).trim();
}

function describeRun(jobs: SimulatedJob[]): string {
  const lines: string[] = [];
  for (const job of jobs) {
    lines.push(`job ${job.id}: ${job.result}${job.ran ? '' : ' (if: false)'}${job.error ? ` — ${job.error}` : ''}`);
    for (const leg of job.legs) {
      if (job.legs.length > 1 || Object.keys(leg.matrix).length > 0)
        lines.push(`  leg ${leg.name}: ${leg.result}${leg.error ? ` — ${leg.error}` : ''}`);
      for (const step of leg.steps) {
        lines.push(
          `    step ${step.index + 1} ${step.name}: ${step.conclusion}${step.error ? ` — ${step.error}` : ''}`,
        );
        if (step.outcome === 'failure') {
          const errors = step.stdout.split('\n').filter((line) => line.startsWith('::error'));
          lines.push(
            ...(errors.length > 0 ? errors : step.stdout.split('\n').slice(-15)).map((line) => `      ${line}`),
          );
          if (step.stderr.trim())
            lines.push(
              ...step.stderr
                .trim()
                .split('\n')
                .slice(-15)
                .map((line) => `      stderr: ${line}`),
            );
        }
      }
    }
  }
  return lines.join('\n');
}
