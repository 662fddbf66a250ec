/**
 * The one stage runner. Every runtime runs a stage through `runStage`: the local pipeline and
 * the all-in-one action (through `schedule.ts`), `ensemble stage` and each action's job (through
 * `runStageJob`). It reads the stage's inputs from the run directory (validated: an error names
 * the artifact, the field and the producer), decides whether the stage runs, runs it, turns a
 * failure into the document the pipeline table promises (`stages.ts`), and writes the results
 * back to the run directory. What a stage does on failure is decided here, once.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelMessage } from 'ai';
import { ARTIFACTS } from '../artifacts/names.ts';
import type { RunDirectory } from '../artifacts/run-directory.ts';
import type { CheckpointDocument } from '../contracts/checkpoint.ts';
import type { EnsembleConfig } from '../contracts/config.ts';
import type { DocsDocument } from '../contracts/docs.ts';
import type { FixDocument } from '../contracts/fix.ts';
import type { GateRecord } from '../contracts/gate.ts';
import type { PlanBody, PlanDocument, RequestSnapshot } from '../contracts/plan.ts';
import type { ReviewDocument } from '../contracts/review.ts';
import { isAtLeast } from '../contracts/review.ts';
import type { AgentStage } from '../contracts/stages.ts';
import type { TaskDocument } from '../contracts/task.ts';
import type { TestDocument } from '../contracts/test-report.ts';
import { type LensFinding, reviewFindings, whyNotTaken } from '../review/index.ts';
import { changeBetween } from '../stages/change-worktree.ts';
import { runCodeStage, taskNotRun, unfinishedDependency } from '../stages/code.ts';
import { failedDocs, runDocsStage } from '../stages/docs.ts';
import { fixAgent, fixNotRun, runFixStage } from '../stages/fix.ts';
import { type PlannerResume, runPlanStage } from '../stages/plan.ts';
import { failedLensReview, reviewLenses } from '../stages/review.ts';
import { type FixRoundChange, integrateWithoutTests, runTestStage } from '../stages/test/index.ts';
import { countsText } from '../stages/test/test-run.ts';
import { errorMessage, UserError } from '../util/errors.ts';
import {
  approvalRequired,
  approvedPlan,
  EMPTY_GATE_RECORD,
  mayAsk,
  type PlanGate,
  resumedRecord,
  StoredConversation,
  storableConversation,
  waitingCheckpoint,
  withQuestions,
} from './gates.ts';
import type { StageSession } from './session.ts';
import { PIPELINE } from './stages.ts';

/** One unit of a stage: what one call of `runStage` (and one matrix leg on GitHub) covers. */
export type StageUnit =
  /** `gate`: how the plan step starts (`gates.ts`); default a fresh plan. */
  | { stage: 'plan'; request: RequestSnapshot; gate?: PlanGate }
  | { stage: 'code'; taskId: string }
  /**
   * `runTests` false integrates the patches only; default: whether the configuration enables the
   * stage. `round` N ≥ 1 re-tests the change with fix round N's fix (default 0: the first pass).
   */
  | { stage: 'test'; runTests?: boolean; round?: number }
  /** Default: every configured lens. `round` N ≥ 1 re-reviews the change after fix round N. */
  | { stage: 'review'; lenses?: readonly string[]; round?: number }
  | { stage: 'docs' }
  /** Fix round `round` (≥ 1), on the change as round `round - 1` left it. */
  | FixUnit;

export interface FixUnit {
  stage: 'fix';
  round: number;
  /** A person's instructions for the round (untrusted). */
  instructions?: string | null;
}

export interface TaskResult {
  document: TaskDocument;
  patch: string;
}

export interface StageDocuments {
  plan?: PlanDocument;
  /** The plan step stopped to wait for a person (questions, or a plan to approve). */
  checkpoint?: CheckpointDocument;
  fix?: FixDocument;
  task?: TaskDocument;
  test?: TestDocument;
  reviews?: ReviewDocument[];
  docs?: DocsDocument;
}

export interface StageOutcome {
  stage: AgentStage;
  /**
   * `done`: the stage did what it promises. `failed`: it did not; what it yields instead (a
   * failed task report, a "did not complete" review) is written. `skipped`: by rule it had
   * nothing to do (switched off, an empty change, a dependency that did not finish). `waiting`:
   * the plan step waits for a person (its checkpoint is written); nothing after it runs.
   */
  status: 'done' | 'failed' | 'skipped' | 'waiting';
  /** One line for a person: the run table, the step summary, the CLI. */
  summary: string;
  /** Files written or replaced in the run directory. */
  written: string[];
  /** The artifacts the unit wrote, to upload on GitHub. */
  artifacts: string[];
  documents: StageDocuments;
  /** The fix round a re-test or re-review belongs to; absent for the first pass. */
  round?: number;
}

/** What a stage reads, validated, before any model key is read or any agent starts. */
export type StageInputs =
  | { stage: 'plan'; request: RequestSnapshot; gate?: PlanGate }
  | { stage: 'code'; plan: PlanDocument; taskId: string; dependencyStatus: (taskId: string) => string | undefined }
  | { stage: 'test'; plan: PlanDocument; tasks: TaskResult[]; fixRound?: FixRoundChange }
  | ChangeInputs
  | FixInputs;

/** What a fix round reads: the state the round before left, and its blocking findings. */
interface FixInputs {
  stage: 'fix';
  plan: PlanDocument;
  round: number;
  test: TestDocument | null;
  change: string;
  findings: LensFinding[];
  instructions: string | null;
}

/** What review and docs read: the plan, the test report (null when the test stage wrote none) and change.patch. */
interface ChangeInputs {
  stage: 'review' | 'docs';
  plan: PlanDocument;
  test: TestDocument | null;
  change: string;
  /** A re-review after a fix round: the findings the round was given and the change since the review before. */
  previous?: { round: number; findings: LensFinding[]; before: string };
}

/** Reads and validates what `unit` needs from the run directory; throws naming the artifact at fault. */
export function readStageInputs(runDir: RunDirectory, unit: StageUnit): StageInputs {
  if (unit.stage === 'plan') return { stage: 'plan', request: unit.request, ...(unit.gate ? { gate: unit.gate } : {}) };
  const plan = readPlan(runDir);
  switch (unit.stage) {
    case 'code': {
      if (!plan.tasks.some((t) => t.id === unit.taskId)) {
        throw new UserError(
          `task "${unit.taskId}" is not in the plan (tasks: ${plan.tasks.map((t) => t.id).join(', ')})`,
        );
      }
      const dependencyStatus = (id: string) => readTaskIfPresent(runDir, id)?.document.status;
      return { stage: 'code', plan, taskId: unit.taskId, dependencyStatus };
    }
    case 'test': {
      const round = unit.round ?? 0;
      if (round === 0) return { stage: 'test', plan, tasks: plan.tasks.map((task) => readTask(runDir, task.id)) };
      const before = stateBefore(runDir, round);
      const fix = runDir.fix(round);
      if (fix.document.status !== 'done') {
        throw new UserError(
          `fix round ${round} is ${fix.document.status} (${ARTIFACTS.fix(round)}/fix.json): there is no fix to test`,
        );
      }
      const test = readTest(before);
      if (test === null) throw new UserError(`${before.dir} has no test report: the round before was not tested`);
      // A re-test starts from the change as it stood, not from the task patches: it needs none of them.
      return {
        stage: 'test',
        plan,
        tasks: [],
        fixRound: { round, before: { document: test, patch: readChange(before) }, fix: fix.patch },
      };
    }
    case 'review': {
      const round = unit.round ?? 0;
      const state = stateOfRound(runDir, round);
      const inputs: ChangeInputs = { stage: 'review', plan, test: readTest(state), change: readChange(state) };
      if (round === 0) return inputs;
      const before = stateBefore(runDir, round);
      const given = new Set(runDir.fix(round).document.findings.map((f) => f.id));
      const findings = reviewFindings(readReviews(before)).filter((f) => given.has(f.finding.id));
      return { ...inputs, previous: { round, findings, before: readChange(before) } };
    }
    case 'docs':
      return { stage: unit.stage, plan, test: readTest(runDir), change: readChange(runDir) };
    case 'fix': {
      if (!Number.isInteger(unit.round) || unit.round < 1) throw new UserError('a fix round is numbered from 1');
      const before = stateBefore(runDir, unit.round);
      return {
        stage: 'fix',
        plan,
        round: unit.round,
        test: readTest(before),
        change: readChange(before),
        // Every finding of the review before; the configured `review.block-on` picks those to fix.
        findings: reviewFindings(readReviews(before)),
        instructions: unit.instructions ?? null,
      };
    }
  }
}

/**
 * Runs one unit of a stage in `session` and writes what it yields to the session's run
 * directory. Throws only when a stage whose failure ends the run (`fatal` in the table: plan,
 * test) fails; every other failure comes back as a `failed` outcome with its document written.
 */
export async function runStage(session: StageSession, unit: StageUnit, read?: StageInputs): Promise<StageOutcome> {
  const inputs = read ?? readStageInputs(session.runDir, unit);
  // A fix round's re-test and re-review write into the round's run directory, with their own usage.
  const here = session.inRound(unitRound(unit));
  for (const name of unitArtifacts(session.ctx.config, unit)) here.runDir.resetTranscript(name);
  switch (unit.stage) {
    case 'plan':
      return runPlan(session, inputs as Extract<StageInputs, { stage: 'plan' }>);
    case 'code':
      return runCode(session, inputs as Extract<StageInputs, { stage: 'code' }>);
    case 'test':
      return runTest(here, inputs as Extract<StageInputs, { stage: 'test' }>, unit.runTests);
    case 'review':
      return runReview(here, inputs as ChangeInputs, unit.lenses);
    case 'docs':
      return runDocs(session, inputs as ChangeInputs);
    case 'fix':
      return runFix(session, inputs as FixInputs);
  }
}

/** The fix round whose run directory a unit writes to: a re-test's or re-review's; 0 for every other. */
function unitRound(unit: StageUnit): number {
  return unit.stage === 'test' || unit.stage === 'review' ? (unit.round ?? 0) : 0;
}

/** The artifacts a unit writes (its transcripts start afresh when it runs again). */
export function unitArtifacts(config: EnsembleConfig, unit: StageUnit): string[] {
  switch (unit.stage) {
    case 'code':
      return [PIPELINE.code.artifact(unit.taskId)];
    case 'review':
      return (unit.lenses ?? config.review.lenses).map((lens) => PIPELINE.review.artifact(lens));
    case 'fix':
      return [PIPELINE.fix.artifact(String(unit.round))];
    default:
      return [PIPELINE[unit.stage].artifact()];
  }
}

/**
 * The plan step: a fresh plan, or one continued from a checkpoint (`gates.ts`). It ends in a plan
 * (`plan.json`), or waits for a person: with questions, or with a plan that needs approval. A
 * waiting step writes its checkpoint (`checkpoint.json`, and the planner's conversation when it
 * fits) and no plan, so that nothing can be coded from it.
 */
async function runPlan(
  session: StageSession,
  inputs: { request: RequestSnapshot; gate?: PlanGate },
): Promise<StageOutcome> {
  const { ctx, runDir } = session;
  const gate = inputs.gate ?? { kind: 'fresh' };
  const request = gate.kind === 'fresh' ? inputs.request : gate.checkpoint.request;
  // What an earlier pass of the step left (a local run that waited, then resumed) must not survive it.
  for (const file of ['plan.json', 'checkpoint.json', 'conversation.json'])
    rmSync(join(runDir.artifactDir(ARTIFACTS.plan), file), { force: true });
  const written = [runDir.writeDocument(ARTIFACTS.plan, 'request.json', request)];
  if (gate.kind === 'approve') {
    const plan = approvedPlan(ctx.run, gate, ctx.ledger.toUsage('plan'));
    written.push(runDir.writeDocument(ARTIFACTS.plan, 'plan.json', plan));
    return outcome('plan', 'done', `plan approved by @${gate.approval.by}`, written, [ARTIFACTS.plan], { plan });
  }
  const record = gate.kind === 'fresh' ? EMPTY_GATE_RECORD : resumedRecord(gate);
  const result = await runPlanStage(ctx, {
    request,
    workspace: session.base.dir,
    ...(ctx.baseFiles ? { workspaceFiles: ctx.baseFiles } : {}),
    mayAsk: mayAsk(ctx.config, record),
    ...(gate.kind === 'fresh' ? {} : { resume: plannerResume(ctx.run.baseSha, gate, record) }),
  });
  const wait = (record: GateRecord, plan: PlanBody | null, summary: string): StageOutcome => {
    const conversation = storableConversation(result.conversation);
    if (conversation) written.push(runDir.writeText(ARTIFACTS.plan, 'conversation.json', JSON.stringify(conversation)));
    const checkpoint = waitingCheckpoint({
      run: ctx.run,
      usage: ctx.ledger.toUsage('plan'),
      request,
      record,
      plan,
      conversation: conversation !== null,
    });
    written.push(runDir.writeDocument(ARTIFACTS.plan, 'checkpoint.json', checkpoint));
    return outcome('plan', 'waiting', summary, written, [ARTIFACTS.plan], { checkpoint });
  };
  if (result.kind === 'questions') {
    const count = result.questions.questions.length;
    const asked = withQuestions(record, result.questions, new Date().toISOString());
    return wait(asked, null, `waiting for answers to ${count === 1 ? '1 question' : `${count} questions`}`);
  }
  const { plan } = result;
  const maxTasks = ctx.config.stages.plan['max-tasks'];
  if (plan.tasks.length > maxTasks) {
    throw new Error(`the plan has ${plan.tasks.length} tasks, over the configured limit of ${maxTasks}`);
  }
  const preApproved = gate.kind === 'revise' ? null : (gate.preApproved ?? null);
  if (approvalRequired(ctx.config) && preApproved === null) {
    const { schema: _s, run: _r, usage: _u, request: _q, gate: _g, ...body } = plan;
    return wait(record, body, 'the plan waits for approval');
  }
  const gated = preApproved ? { ...record, approval: preApproved } : record;
  const withGate = { ...plan, gate: gated === EMPTY_GATE_RECORD ? null : gated };
  written.push(runDir.writeDocument(ARTIFACTS.plan, 'plan.json', withGate));
  const count = plan.tasks.length === 1 ? '1 task' : `${plan.tasks.length} tasks`;
  return outcome('plan', 'done', `${count} planned`, written, [ARTIFACTS.plan], { plan: withGate });
}

/** What a resumed planner is told: the record so far, its conversation, and why it continues. */
function plannerResume(
  baseSha: string,
  gate: Extract<PlanGate, { kind: 'answers' | 'revise' }>,
  record: GateRecord,
): PlannerResume {
  const from = gate.checkpoint.run.baseSha;
  const next =
    gate.kind === 'answers'
      ? { kind: 'answers' as const }
      : { kind: 'revise' as const, revision: gate.revision, plan: gate.checkpoint.plan as PlanBody };
  return {
    gate: record,
    conversation: gate.conversation,
    next,
    baseMoved: from === baseSha ? null : { from, to: baseSha },
  };
}

async function runCode(session: StageSession, inputs: Extract<StageInputs, { stage: 'code' }>): Promise<StageOutcome> {
  const { ctx, runDir } = session;
  const { plan, taskId } = inputs;
  const task = plan.tasks.find((t) => t.id === taskId)!;
  const blocked = unfinishedDependency(task, (id) => inputs.dependencyStatus(id) as TaskDocument['status']);
  let result: TaskResult;
  let status: StageOutcome['status'];
  if (blocked) {
    const reason = `skipped: it depends on "${blocked}", which did not finish`;
    result = { document: taskNotRun(ctx.run, taskId, reason), patch: '' };
    status = 'skipped';
    ctx.reporter.event({ stage: 'code', agent: `code:${taskId}`, status: 'skipped', detail: reason });
  } else {
    try {
      const dependencies = task.dependsOn.map((id) => ({ taskId: id, patch: readTask(runDir, id).patch }));
      result = await runCodeStage(ctx, { plan, taskId, dependencies });
    } catch (error) {
      result = { document: taskNotRun(ctx.run, taskId, `error: ${errorMessage(error)}`), patch: '' };
      ctx.reporter.event({ stage: 'code', agent: `code:${taskId}`, status: 'failed', detail: errorMessage(error) });
    }
    status = result.document.status === 'failed' ? 'failed' : 'done';
  }
  const written = runDir.writeTask(result);
  const why = result.document.stopReason ? ` (${result.document.stopReason})` : '';
  const summary = `task ${taskId}: ${result.document.status}${why}`;
  return outcome('code', status, summary, written, [ARTIFACTS.code(taskId)], { task: result.document });
}

async function runTest(
  session: StageSession,
  inputs: Extract<StageInputs, { stage: 'test' }>,
  runTests = PIPELINE.test.enabled(session.ctx.config),
): Promise<StageOutcome> {
  const { ctx, runDir } = session;
  // With the tests off, the patches are still integrated, so review, docs and publish have the change.
  const result = runTests
    ? await runTestStage(ctx, {
        plan: inputs.plan,
        tasks: inputs.tasks,
        ...(inputs.fixRound ? { fixRound: inputs.fixRound } : {}),
      })
    : await integrateWithoutTests(ctx, inputs.plan, inputs.tasks);
  const test = result.document;
  for (const left of test.integration.filter((i) => i.result === 'conflicted')) {
    const files = left.conflictingFiles.join(', ') || 'see the test report';
    ctx.reporter.warn(`task ${left.taskId} conflicts with the tasks before it (${files}): left out`);
  }
  const written = runDir.writeTest(result);
  return outcome(
    'test',
    statusOfTest(test, runTests),
    testSummary(test),
    written,
    artifactsOf(session, [ARTIFACTS.test]),
    {
      test,
    },
  );
}

function statusOfTest(test: TestDocument, ran: boolean): StageOutcome['status'] {
  if (test.status === 'error') return 'failed';
  return ran ? 'done' : 'skipped';
}

function testSummary(test: TestDocument): string {
  const stated = countsText(test);
  const counts = stated === null ? '' : ` (${stated})`;
  const integrated = test.integration.filter((i) => i.result !== 'skipped' && i.result !== 'conflicted').length;
  return `tests ${test.status}${counts}; ${integrated} of ${test.integration.length} tasks integrated`;
}

async function runReview(
  session: StageSession,
  inputs: ChangeInputs,
  lenses: readonly string[] = session.ctx.config.review.lenses,
): Promise<StageOutcome> {
  const { ctx, runDir } = session;
  const why = notRunReason(session, 'review', inputs.change);
  if (why) return outcome('review', 'skipped', why, [], [], { reviews: [] });
  const previous = inputs.previous
    ? {
        round: inputs.previous.round,
        findings: inputs.previous.findings,
        sinceLastReview: await changeBetween(ctx, 'review', inputs.previous.before, inputs.change),
      }
    : undefined;
  const { documents, failed } = await reviewLenses(ctx, {
    plan: inputs.plan,
    test: inputs.test,
    changePatch: inputs.change,
    lenses,
    ...(previous ? { previous } : {}),
  });
  const written = runDir.writeReviews(documents);
  const status = failed.length === documents.length ? 'failed' : 'done';
  const summary = documents.map((r) => `${r.lens}: ${r.verdict}`).join(', ');
  const failures = failed.map((f) => `${f.lens} did not complete`).join(', ');
  const artifacts = artifactsOf(
    session,
    documents.map((r) => ARTIFACTS.review(r.lens)),
  );
  return inRoundOf(
    session,
    outcome('review', status, failures ? `${summary} (${failures})` : summary, written, artifacts, {
      reviews: documents,
    }),
  );
}

async function runDocs(session: StageSession, inputs: ChangeInputs): Promise<StageOutcome> {
  const { ctx, runDir } = session;
  const why = notRunReason(session, 'docs', inputs.change);
  if (why) return outcome('docs', 'skipped', why, [], [], {});
  let result: { document: DocsDocument; patch: string };
  try {
    result = await runDocsStage(ctx, { plan: inputs.plan, changePatch: inputs.change });
  } catch (error) {
    ctx.reporter.warn(`the docs stage failed: ${errorMessage(error)}`);
    result = failedDocs(ctx, errorMessage(error));
  }
  const written = runDir.writeDocs(result);
  const status = result.document.status === 'failed' ? 'failed' : 'done';
  return outcome('docs', status, `docs ${result.document.status}`, written, [ARTIFACTS.docs], {
    docs: result.document,
  });
}

async function runFix(session: StageSession, inputs: FixInputs): Promise<StageOutcome> {
  const { ctx, runDir } = session;
  const blockOn = ctx.config.review['block-on'];
  const findings = inputs.findings.filter(({ finding }) => isAtLeast(finding.severity, blockOn));
  const artifacts = [ARTIFACTS.fix(inputs.round)];
  if (findings.length === 0 && !inputs.instructions) {
    return outcome(
      'fix',
      'skipped',
      `no finding at or above ${blockOn} and no instructions: nothing to fix`,
      [],
      [],
      {},
    );
  }
  let result: { document: FixDocument; patch: string };
  try {
    result = await runFixStage(ctx, { ...inputs, findings });
  } catch (error) {
    ctx.reporter.event({ stage: 'fix', agent: fixAgent(inputs.round), status: 'failed', detail: errorMessage(error) });
    result = { document: fixNotRun(ctx.run, { ...inputs, findings }, `error: ${errorMessage(error)}`), patch: '' };
  }
  const { document } = result;
  const why = document.stopReason ? ` (${document.stopReason})` : '';
  const summary = `fix round ${inputs.round}: ${document.status}${why}, ${findings.length} findings given`;
  const status = document.status === 'failed' ? 'failed' : 'done';
  return outcome('fix', status, summary, runDir.writeFix(result), artifacts, { fix: document });
}

/** A re-test's or re-review's outcome, marked with its fix round (the first pass's is not marked). */
function inRoundOf(session: StageSession, done: StageOutcome): StageOutcome {
  return session.round === 0 ? done : { ...done, round: session.round };
}

/** A fix round's re-test and re-review upload the round's artifact, which holds them; the first pass its own. */
function artifactsOf(session: StageSession, artifacts: string[]): string[] {
  return session.round === 0 ? artifacts : [ARTIFACTS.fix(session.round)];
}

/**
 * What a unit yields when its job is stopped before it finished (a cancel, or the job's time
 * limit): the document the table promises for a failure, with `reason`, so that the stages after
 * it read a failed task, a "did not complete" review or a failed docs report rather than nothing.
 * Plan and test yield none: their failure ends the run.
 */
export function unitStopped(session: StageSession, unit: StageUnit, reason: string): StageOutcome {
  const { ctx, runDir } = session;
  const here = session.inRound(unitRound(unit));
  switch (unit.stage) {
    case 'code': {
      const document = taskNotRun(ctx.run, unit.taskId, reason);
      const written = runDir.writeTask({ document, patch: '' });
      return outcome('code', 'failed', `task ${unit.taskId}: ${reason}`, written, [ARTIFACTS.code(unit.taskId)], {
        task: document,
      });
    }
    case 'review': {
      const reviews = (unit.lenses ?? ctx.config.review.lenses).map((lens) => failedLensReview(here.ctx, lens, reason));
      const artifacts = artifactsOf(
        here,
        reviews.map((review) => ARTIFACTS.review(review.lens)),
      );
      return outcome('review', 'failed', reason, here.runDir.writeReviews(reviews), artifacts, { reviews });
    }
    case 'fix': {
      const document = fixNotRun(ctx.run, { round: unit.round, findings: [], instructions: null }, reason);
      const written = runDir.writeFix({ document, patch: '' });
      return outcome('fix', 'failed', `fix round ${unit.round}: ${reason}`, written, [ARTIFACTS.fix(unit.round)], {
        fix: document,
      });
    }
    case 'docs': {
      const result = failedDocs(ctx, reason);
      return outcome('docs', 'failed', reason, runDir.writeDocs(result), [ARTIFACTS.docs], {
        docs: result.document,
      });
    }
    default:
      // A stopped re-test still uploads its round's artifact: the round's fix is in it.
      return outcome(unit.stage as AgentStage, 'failed', reason, [], artifactsOf(here, []), {});
  }
}

/** Why review or docs has nothing to do: switched off, or nothing changed. */
function notRunReason(session: StageSession, stage: 'review' | 'docs', change: string): string | null {
  if (!PIPELINE[stage].enabled(session.ctx.config)) return `stages.${stage}.enabled is false: skipped`;
  if (change.trim() === '') return 'the change is empty: nothing to look at';
  return null;
}

function outcome(
  stage: AgentStage,
  status: StageOutcome['status'],
  summary: string,
  written: string[],
  artifacts: string[],
  documents: StageDocuments,
): StageOutcome {
  return { stage, status, summary, written, artifacts, documents };
}

// ---------------------------------------------------------------------------------------------
// Reading the run directory

/** The planner's conversation a waiting plan step kept (`conversation.json`); null when it kept none. */
export function readConversation(runDir: RunDirectory): ModelMessage[] | null {
  if (!runDir.hasArtifact(ARTIFACTS.plan, 'conversation.json')) return null;
  const text = readFileSync(join(runDir.artifactDir(ARTIFACTS.plan), 'conversation.json'), 'utf8');
  const parsed = StoredConversation.safeParse(JSON.parse(text));
  return parsed.success ? (parsed.data as ModelMessage[]) : null;
}

export function readPlan(runDir: RunDirectory): PlanDocument {
  return runDir.readDocument('plan', ARTIFACTS.plan, 'plan.json');
}

export function readTask(runDir: RunDirectory, taskId: string): TaskResult {
  const name = ARTIFACTS.code(taskId);
  return { document: runDir.readDocument('task', name, 'task.json'), patch: runDir.readText(name, 'task.patch') ?? '' };
}

function readTaskIfPresent(runDir: RunDirectory, taskId: string): TaskResult | null {
  return runDir.hasArtifact(ARTIFACTS.code(taskId), 'task.json') ? readTask(runDir, taskId) : null;
}

export function readTest(runDir: RunDirectory): TestDocument | null {
  if (!runDir.hasArtifact(ARTIFACTS.test, 'test.json')) return null;
  return runDir.readDocument('test', ARTIFACTS.test, 'test.json');
}

export function readChange(runDir: RunDirectory): string {
  const patch = runDir.readText(ARTIFACTS.test, 'change.patch');
  if (patch === null) {
    throw new UserError(
      `${ARTIFACTS.test}/change.patch is missing from ${runDir.dir}: run the test stage first ` +
        `(ensemble stage test --run ${runDir.dir})`,
    );
  }
  return patch;
}

/** Every lens's review in the run directory: in the order of `lenses` (the configuration's) when given. */
export function readReviews(runDir: RunDirectory, lenses?: readonly string[]): ReviewDocument[] {
  const reviews = runDir.reviews();
  if (!lenses) return reviews;
  const rank = (lens: string) => (lenses.includes(lens) ? lenses.indexOf(lens) : lenses.length);
  return reviews.sort((a, b) => rank(a.lens) - rank(b.lens));
}

/** The run directory holding round `round`'s test and review: the run's own for round 0, else the round's. */
export function stateOfRound(runDir: RunDirectory, round: number): RunDirectory {
  return round === 0 ? runDir : runDir.round(round);
}

/**
 * The run directory of the change as it stood before fix round `round`: the last earlier round
 * whose change was taken (`whyNotTaken`), else the first pass. A round whose fix failed or changed
 * nothing, or whose re-test errored or broke passing tests, left the change as it was.
 */
export function stateBefore(runDir: RunDirectory, round: number): RunDirectory {
  let standing = runDir;
  let status = readTest(runDir)?.status ?? null;
  for (const r of runDir.rounds().filter((n) => n < round)) {
    const test = readTest(runDir.round(r));
    if (test === null || whyNotTaken(status, test.status) !== null) continue;
    standing = runDir.round(r);
    status = test.status;
  }
  return standing;
}

export function readDocs(runDir: RunDirectory): { document: DocsDocument; patch: string } | null {
  if (!runDir.hasArtifact(ARTIFACTS.docs, 'docs.json')) return null;
  return {
    document: runDir.readDocument('docs', ARTIFACTS.docs, 'docs.json'),
    patch: runDir.readText(ARTIFACTS.docs, 'docs.patch') ?? '',
  };
}
