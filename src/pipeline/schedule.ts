/**
 * The pipeline as one process runs it: the local `ensemble run` and the all-in-one action are
 * this scheduler with different hooks (the Actions runtime uploads each unit's artifacts and
 * publishes to GitHub; the local one publishes to a branch). Order, parallelism and what ends the
 * run are decided here, once; what a stage yields when it fails is `run-stage.ts`'s. The reusable
 * workflow is the GitHub-native scheduler of the same table (`test/workflow/` checks it).
 *
 *   plan → code (dependency waves, up to `maxParallel` at once) → test → review ∥ docs
 *     → (fix → test → review, while the review blocks and rounds are left) → publish
 */
import type { ModelMessage } from 'ai';
import type { CheckpointDocument } from '../contracts/checkpoint.ts';
import type { DocsDocument } from '../contracts/docs.ts';
import type { PlanDocument, RequestSnapshot } from '../contracts/plan.ts';
import type { ReviewDocument } from '../contracts/review.ts';
import type { StageName } from '../contracts/stages.ts';
import type { TestDocument } from '../contracts/test-report.ts';
import type { UsageTotals } from '../model/ledger.ts';
import { dependencyWaves } from '../plan/graph.ts';
import { blockingFindings, type FixLoop, finalState, fixLoopDetail } from '../review/index.ts';
import type { SetupReport } from '../stages/setup.ts';
import { mapWithLimit } from '../util/concurrency.ts';
import { errorMessage } from '../util/errors.ts';
import { prepareEnvironment, setupStopMessage } from './environment.ts';
import { runFixRounds } from './fix-loop.ts';
import type { PlanGate } from './gates.ts';
import {
  readChange,
  readConversation,
  readDocs,
  readTask,
  runStage,
  type StageOutcome,
  type StageUnit,
  type TaskResult,
} from './run-stage.ts';
import type { StageSession } from './session.ts';
import { PIPELINE } from './stages.ts';

/** One line of the run table. */
export interface StageRow {
  stage: StageName;
  status: 'done' | 'failed' | 'skipped' | 'waiting';
  durationMs: number;
  tokens: number;
  costUsd: number | null;
  /** What happened, in a few words: counts, verdicts, the reason of a failure. */
  detail: string;
}

/** Everything the run made, as read back from the run directory. */
export interface PipelineResult {
  rows: StageRow[];
  plan: PlanDocument | null;
  tasks: TaskResult[];
  /** The change as it stands: after the last fix round that was tested, else the first pass's. */
  test: { document: TestDocument; patch: string } | null;
  /** The review of the change as it stands. */
  reviews: ReviewDocument[];
  /** The fix rounds, in order, and why the loop stopped (null when no round was needed or run). */
  fix: FixLoop;
  docs: { document: DocsDocument; patch: string } | null;
  /** Why the run stopped before publishing, when it did. */
  stopped: string | null;
  /** The plan step waits for a person (questions, or a plan to approve): nothing after it ran. */
  waiting: CheckpointDocument | null;
  /** Whether the publisher ran and said it published. */
  published: boolean;
  /** The run's dependency install (`environment.ts`); null when it did not run. */
  setup?: SetupReport | null;
}

/** The last step, which differs between the runtimes: a local branch, or a pull request on GitHub. */
export interface Publisher {
  /**
   * The tasks are coded: what the publish will ask of them that no later stage changes may be
   * prepared now, while the later stages run (the local publisher warms its git caches).
   */
  prepare?(plan: PlanDocument, tasks: readonly TaskResult[]): void;
  publish(result: PipelineResult): Promise<{ ok: boolean; summary: string }>;
  /** Publish also when the run stopped early: on GitHub the publisher is what reports it. */
  reportsStoppedRuns: boolean;
}

export interface PipelineOptions {
  request: RequestSnapshot;
  /** How the plan step starts (`gates.ts`); default a fresh plan. */
  gate?: PlanGate;
  /**
   * When the plan step waits: a person's reply at once (the terminal's answers or approval), as
   * the gate to continue with, or null to end the run waiting. Absent: the run ends waiting.
   */
  onWait?(checkpoint: CheckpointDocument, conversation: ModelMessage[] | null): Promise<PlanGate | null>;
  /** The stages to run (`stagesToRun`); plan and code always run. */
  stages: ReadonlySet<StageName>;
  maxParallel: number;
  publisher: Publisher | null;
  /** After each unit's documents are in the run directory (the Actions runtime uploads them). */
  afterUnit?(outcome: StageOutcome): Promise<void>;
  /** Runs each unit inside it (the Actions runtime makes workflow commands inert while agents run). */
  around?<T>(work: () => Promise<T>): Promise<T>;
}

/** A stage whose failure ends the run (the table's `fatal`), or a run with no finished task. */
class RunStopped extends Error {}

/**
 * Runs the pipeline in `session`. Never throws for a stage's failure: the result says which stage
 * failed and why (`stopped`, the rows), and every artifact made so far is in the run directory.
 */
export async function runPipeline(session: StageSession, options: PipelineOptions): Promise<PipelineResult> {
  const result: PipelineResult = {
    rows: [],
    plan: null,
    tasks: [],
    test: null,
    reviews: [],
    fix: { rounds: [], stopped: null },
    docs: null,
    stopped: null,
    waiting: null,
    published: false,
  };
  const run = stepRunner(session, options, result.rows);
  try {
    // Installed before any model call: a failed setup stops the run with nothing spent.
    result.setup = await prepareEnvironment(session);
    if (result.setup?.status === 'failed') throw new RunStopped(setupStopMessage(result.setup));
    const planned = await planStep(session, run, options);
    if (planned.waiting) {
      result.waiting = planned.waiting;
      return result;
    }
    result.plan = planned.plan;
    result.tasks = await codeStep(session, run, result.plan, options.maxParallel);
    options.publisher?.prepare?.(result.plan, result.tasks);
    result.test = await testStep(session, run, options.stages.has('test'));
    const [reviews, docs] = await Promise.all([
      reviewStep(run, options.stages, result.test.patch),
      docsStep(session, run, options.stages, result.test.patch),
    ]);
    result.reviews = reviews;
    result.docs = docs;
    if (options.stages.has('fix') && options.stages.has('review')) await fixStep(session, run, result);
  } catch (error) {
    if (!(error instanceof RunStopped)) throw error;
    result.stopped = error.message;
    if (result.plan && result.tasks.length === 0) result.tasks = readTasks(session, result.plan);
  }
  try {
    await publishStep(run, options, result);
  } catch (error) {
    if (!(error instanceof RunStopped)) throw error;
    result.stopped = error.message;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Steps

/**
 * The plan, or the checkpoint the plan step waits on. A person's reply through `onWait` (the
 * terminal) continues the step in this run, from the planner's conversation.
 */
async function planStep(
  session: StageSession,
  run: StepRunner,
  options: PipelineOptions,
): Promise<{ plan: PlanDocument; waiting: null } | { plan: null; waiting: CheckpointDocument }> {
  let gate: PlanGate = options.gate ?? { kind: 'fresh' };
  for (;;) {
    const unit: StageUnit = { stage: 'plan', request: options.request, gate };
    const [planned] = await run('plan', async (u) => [await u(unit)]);
    const checkpoint = planned?.documents.checkpoint;
    if (!checkpoint) return { plan: planned?.documents.plan as PlanDocument, waiting: null };
    const next = options.onWait ? await options.onWait(checkpoint, readConversation(session.runDir)) : null;
    if (next === null) return { plan: null, waiting: checkpoint };
    gate = next;
  }
}

/** Every task, wave by wave; the run stops when no task finished. */
async function codeStep(
  session: StageSession,
  run: StepRunner,
  plan: PlanDocument,
  maxParallel: number,
): Promise<TaskResult[]> {
  const outcomes = await run('code', async (unit) => {
    const done: StageOutcome[] = [];
    for (const wave of dependencyWaves(plan.tasks)) {
      done.push(...(await mapWithLimit(wave, maxParallel, (taskId) => unit({ stage: 'code', taskId }))));
    }
    return done;
  });
  if (outcomes.every((o) => o.status !== 'done')) {
    const reasons = outcomes.map((o) => `${o.documents.task?.taskId} (${stopReason(o)})`);
    throw new RunStopped(`every task failed: ${reasons.join('; ')}`);
  }
  return readTasks(session, plan);
}

function stopReason(outcome: StageOutcome): string {
  const task = outcome.documents.task;
  return task?.stopReason ?? task?.summary ?? outcome.summary;
}

function readTasks(session: StageSession, plan: PlanDocument): TaskResult[] {
  return plan.tasks
    .filter((task) => session.runDir.hasArtifact(PIPELINE.code.artifact(task.id), 'task.json'))
    .map((task) => readTask(session.runDir, task.id));
}

/** Tests, or with the test stage off a plain integration (no row: nothing was tested). */
async function testStep(
  session: StageSession,
  run: StepRunner,
  runTests: boolean,
): Promise<{ document: TestDocument; patch: string }> {
  const unit: StageUnit = { stage: 'test', runTests };
  const [outcome] = runTests ? await run('test', async (u) => [await u(unit)]) : [await run.untimed(unit)];
  return { document: outcome?.documents.test as TestDocument, patch: readChange(session.runDir) };
}

async function reviewStep(run: StepRunner, stages: ReadonlySet<StageName>, change: string): Promise<ReviewDocument[]> {
  if (!stages.has('review') || change.trim() === '') return [];
  const [outcome] = await run('review', async (unit) => [await unit({ stage: 'review' })]);
  return outcome?.documents.reviews ?? [];
}

async function docsStep(
  session: StageSession,
  run: StepRunner,
  stages: ReadonlySet<StageName>,
  change: string,
): Promise<PipelineResult['docs']> {
  if (!stages.has('docs') || change.trim() === '') return null;
  const [outcome] = await run('docs', async (unit) => [await unit({ stage: 'docs' })]);
  return outcome?.documents.docs ? readDocs(session.runDir) : null;
}

/**
 * The review → fix loop: while the review blocks, a fix round, a re-test and a re-review, up to
 * `stages.fix.max-rounds`. It stops early when no blocking finding is left, when a round fixed
 * none of its findings, when a round or its re-test or re-review did not complete, or when the
 * run's budget is spent. The result's test and reviews become the last tested round's.
 */
async function fixStep(session: StageSession, run: StepRunner, result: PipelineResult): Promise<void> {
  const { config } = session.ctx;
  if (result.test === null || blockingFindings(result.reviews, config.review['block-on']).length === 0) return;
  const before = session.ctx.ledger.runTotals();
  await run.timed(
    'fix',
    async () => {
      result.fix = await runFixRounds(session, run.untimed);
      const first = result.test as NonNullable<PipelineResult['test']>;
      const final = finalState({ test: first.document, change: first.patch, reviews: result.reviews }, result.fix);
      result.test = { document: final.test, patch: final.change };
      result.reviews = [...final.reviews];
      const status = result.fix.rounds.some((r) => r.test !== null) ? 'done' : 'failed';
      return { status, detail: fixLoopDetail(result.fix) };
    },
    () => usageSince(before, session.ctx.ledger.runTotals()),
  );
}

async function publishStep(run: StepRunner, options: PipelineOptions, result: PipelineResult): Promise<void> {
  const { publisher } = options;
  if (!publisher || !options.stages.has('publish') || result.plan === null) return;
  if (result.stopped !== null && !publisher.reportsStoppedRuns) return;
  await run.timed('publish', async () => {
    const published = await publisher.publish(result);
    result.published = published.ok;
    return { status: published.ok ? 'done' : 'failed', detail: published.summary };
  });
}

// ---------------------------------------------------------------------------------------------
// Running and timing a stage

export type RunUnit = (unit: StageUnit) => Promise<StageOutcome>;

interface StepRunner {
  /** Runs a stage's units, timed as one row; a fatal stage's failure stops the run. */
  (stage: StageName, work: (run: RunUnit) => Promise<StageOutcome[]>): Promise<StageOutcome[]>;
  /** A unit that is no stage of its own in the run table (the integration when tests are off). */
  untimed(unit: StageUnit): Promise<StageOutcome>;
  /** Any timed work with its own status (publish, the fix loop); `usage` when the stage's own totals do not tell it. */
  timed(
    stage: StageName,
    work: () => Promise<Pick<StageRow, 'status' | 'detail'>>,
    usage?: () => Pick<StageRow, 'tokens' | 'costUsd'>,
  ): Promise<void>;
}

function stepRunner(session: StageSession, options: PipelineOptions, rows: StageRow[]): StepRunner {
  const { ctx } = session;
  const around = options.around ?? ((work) => work());
  const unit: RunUnit = async (u) => {
    const outcome = await around(() => runStage(session, u));
    await options.afterUnit?.(outcome);
    return outcome;
  };
  const timed: StepRunner['timed'] = async (stage, work, given) => {
    const started = Date.now();
    // What this row spent: a stage can have several rows (the plan step again, after a person's
    // answers at the terminal), and each row counts only its own calls.
    const before = ctx.ledger.totals(stage);
    const usage = given ?? (() => usageSince(before, ctx.ledger.totals(stage)));
    ctx.reporter.event({ stage, status: 'started' });
    const row = (status: StageRow['status'], detail: string): StageRow => {
      const { tokens, costUsd } = usage();
      return { stage, status, durationMs: Date.now() - started, tokens, costUsd, detail };
    };
    try {
      const { status, detail } = await work();
      rows.push(row(status, detail));
      ctx.reporter.event({ stage, status: status === 'failed' ? 'failed' : 'finished', detail });
    } catch (error) {
      rows.push(row('failed', errorMessage(error)));
      ctx.reporter.event({ stage, status: 'failed', detail: errorMessage(error) });
      if (PIPELINE[stage].fatal) throw new RunStopped(errorMessage(error));
      ctx.reporter.warn(`the ${stage} stage failed: ${errorMessage(error)}`);
    }
  };
  const run = (async (stage, work) => {
    let outcomes: StageOutcome[] = [];
    await timed(stage, async () => {
      outcomes = await work(unit);
      return { status: rowStatus(outcomes), detail: outcomes.map((o) => o.summary).join('; ') };
    });
    return outcomes;
  }) as StepRunner;
  run.untimed = unit;
  run.timed = timed;
  return run;
}

/** A stage failed when none of its units did what it promises. */
function rowStatus(outcomes: readonly StageOutcome[]): StageRow['status'] {
  if (outcomes.some((o) => o.status === 'waiting')) return 'waiting';
  if (outcomes.some((o) => o.status === 'done')) return 'done';
  if (outcomes.some((o) => o.status === 'failed')) return 'failed';
  return 'skipped';
}

function usageSince(before: UsageTotals, now: UsageTotals): Pick<StageRow, 'tokens' | 'costUsd'> {
  const tokens = now.inputTokens + now.outputTokens - before.inputTokens - before.outputTokens;
  if (now.costUsd === null || before.costUsd === null) return { tokens, costUsd: null };
  return { tokens, costUsd: Math.round((now.costUsd - before.costUsd) * 1e6) / 1e6 };
}
