import type { DocsDocument } from '../../contracts/docs.ts';
import { isAtLeast, type Severity } from '../../contracts/review.ts';
import {
  RUN_RESULT_SCHEMA,
  type RunDocsResult,
  type RunFixResult,
  type RunGateResult,
  type RunOutcome,
  type RunResult,
  type RunReviewResult,
  type RunSetupResult,
  type RunStageResult,
  type RunTaskResult,
  type RunTestResult,
  type RunWaiting,
} from '../../contracts/run-result.ts';
import type { StageName } from '../../contracts/stages.ts';
import type { TaskDocument } from '../../contracts/task.ts';
import type { TestDocument } from '../../contracts/test-report.ts';
import type { StageRow } from '../../pipeline/schedule.ts';
import type { FixLoop } from '../../review/index.ts';
import type { SetupReport } from '../../stages/setup.ts';
import { countsText } from '../../stages/test/test-run.ts';
import { clip } from '../../util/text.ts';
import { EXIT_CODE } from './exit-codes.ts';

/** Everything a local run made that decides its outcome, as plain facts (the unit tests build these). */
export interface RunFacts {
  runId: string;
  runDir: string;
  /** The stages asked for (`stagesToRun`). */
  stages: ReadonlySet<StageName>;
  rows: readonly StageRow[];
  /** The plan's task ids, in order; empty when there is no plan. */
  planTasks: readonly string[];
  tasks: readonly Pick<TaskDocument, 'taskId' | 'status' | 'summary' | 'stopReason'>[];
  test: Pick<
    TestDocument,
    'status' | 'command' | 'passed' | 'failed' | 'failures' | 'integration' | 'fixAttempts' | 'summary'
  > | null;
  /** The combined review (`combineReviews`), or null when no review ran. */
  review: {
    verdict: RunReviewResult['verdict'];
    blockOn: Severity;
    findings: readonly { severity: Severity }[];
    /** Lenses whose agent did not complete. */
    incomplete: readonly string[];
  } | null;
  blockOn: Severity;
  docs: Pick<DocsDocument, 'status' | 'summary'> | null;
  /** Whether the integrated change is empty. */
  changeEmpty: boolean;
  branch: string | null;
  prFile: string | null;
  reviewFile: string | null;
  /** Why the run stopped or made no branch, when it did. */
  error: string | null;
  /** The run's dependency install; null (or absent) when it did not run. */
  setup?: SetupReport | null;
  /** The review → fix loop; absent or empty when no round ran. */
  fix?: FixLoop;
  /** What the gates did (questions, revisions, approval); absent when they did nothing. */
  gate?: RunGateResult;
  /** What the run waits for, when it ended waiting for a person. */
  waiting?: RunWaiting | null;
  /** Why the run ended when a person stopped it (at the approval prompt). */
  stopped?: string | null;
}

const NO_GATE: RunGateResult = { rounds: [], revisions: 0, approval: null };

const names = (list: readonly string[], max = 5) =>
  list.length > max ? `${list.slice(0, max).join(', ')} and ${list.length - max} more` : list.join(', ');

/**
 * The outcome of a local run, its exit code and every reason it is not green. The pipeline's
 * own statuses say whether each stage did its job (a test stage that ran failing tests did); this
 * says whether the result can be taken as it is.
 */
export function runResult(facts: RunFacts): RunResult {
  const waiting = facts.waiting ?? null;
  const tasks = taskResults(facts);
  const test = testResult(facts);
  const review = reviewResult(facts);
  const docs = docsResult(facts);
  const problems = [
    ...(waiting ? [waitingProblem(waiting)] : []),
    ...testProblems(test),
    ...tasks
      .filter((t) => t.result === 'failed' || t.result === 'not-run' || t.result === 'not-integrated')
      .map((t) => `task ${t.id} ${t.result === 'not-integrated' ? 'not integrated' : t.result}: ${t.detail}`),
    ...reviewProblems(review, facts.rows),
    ...(docs.status === 'failed' ? [`docs ${docs.detail}`] : []),
  ];
  const publishAsked = facts.stages.has('publish');
  let outcome: RunOutcome;
  let error = facts.stopped ?? facts.error;
  if (waiting) error = `the run waits for ${waiting.waitingFor === 'answers' ? 'answers' : 'approval of the plan'}`;
  if (error === null && publishAsked && facts.branch === null) error = 'the publish stage made no branch';
  if (error === null && !publishAsked && facts.changeEmpty) error = 'the run changed nothing';
  if (waiting) outcome = 'waiting';
  else if (error !== null) outcome = 'no-branch';
  else outcome = problems.length > 0 ? 'not-green' : 'green';
  const exitCode = EXIT_CODE[outcome];
  return {
    schema: RUN_RESULT_SCHEMA,
    outcome,
    exitCode,
    verdict: verdictLine(outcome, exitCode, facts, error, problems),
    problems,
    runId: facts.runId,
    runDir: facts.runDir,
    branch: facts.branch,
    prFile: facts.prFile,
    reviewFile: facts.reviewFile,
    error,
    setup: setupResult(facts.setup ?? null),
    stages: facts.rows.map((row, i) => {
      const result = stageResult(row, { tasks, test, review, docs });
      // The plan step a person stopped at the prompt: the last plan row.
      const stoppedHere =
        facts.stopped && row.stage === 'plan' && !facts.rows.slice(i + 1).some((r) => r.stage === 'plan');
      return stoppedHere ? { ...result, result: 'stopped' } : result;
    }),
    tasks,
    test,
    review,
    docs,
    fix: fixResult(facts.fix),
    gate: facts.gate ?? NO_GATE,
    waiting,
  };
}

/** What the run waits for, as one problem: the questions' ids, or the plan's size. */
function waitingProblem(waiting: RunWaiting): string {
  if (waiting.waitingFor === 'answers') {
    const n = waiting.questions.length;
    return (
      `the planning agent asked ${n === 1 ? '1 question' : `${n} questions`} and waits for the answers: ` +
      names(
        waiting.questions.map((q) => q.id),
        10,
      )
    );
  }
  const n = waiting.plan?.tasks.length ?? 0;
  return `the plan (${n === 1 ? '1 task' : `${n} tasks`}) waits for approval`;
}

function fixResult(loop: FixLoop | undefined): RunFixResult {
  if (!loop) return { rounds: [], stopped: null };
  const rounds = loop.rounds.map((r) => {
    const taken = r.test !== null && r.rejected === null;
    let detail = r.document.stopReason ?? `${r.fixed.length} of ${r.document.findings.length} fixed`;
    if (r.rejected !== null) detail = `not taken: ${r.rejected}`;
    return {
      round: r.document.round,
      status: r.document.status,
      taken,
      given: r.document.findings.map((f) => f.id),
      fixed: r.fixed,
      remaining: r.remaining,
      test: r.test?.document.status ?? null,
      detail: clip(detail, 300),
    };
  });
  return { rounds, stopped: loop.stopped };
}

function setupResult(report: SetupReport | null): RunSetupResult {
  if (!report) {
    return {
      status: 'not-run',
      source: null,
      reason: 'the run stopped before the setup',
      commands: [],
      testCommand: null,
      testCommandReason: '',
      failure: null,
      durationMs: 0,
    };
  }
  const { failure } = report;
  return {
    status: report.status,
    source: report.choice.source,
    reason: clip(report.choice.reason, 2_000),
    commands: report.choice.commands,
    testCommand: report.test.command,
    testCommandReason: clip(report.test.reason, 2_000),
    failure: failure
      ? { command: failure.command, exitCode: failure.exitCode, timedOut: failure.timedOut, output: failure.outputTail }
      : null,
    durationMs: report.durationMs,
  };
}

function verdictLine(
  outcome: RunOutcome,
  exitCode: number,
  facts: RunFacts,
  error: string | null,
  problems: readonly string[],
): string {
  if (outcome === 'waiting' && facts.waiting) {
    const why = problems[0] ?? '';
    return clip(
      `WAITING (exit ${exitCode}): no branch: ${why}; nothing was coded. To continue: ${facts.waiting.next}`,
      2_000,
    );
  }
  if (outcome === 'no-branch' && facts.stopped)
    return clip(`STOPPED (exit ${exitCode}): no branch: ${oneLine(facts.stopped)}`, 2_000);
  if (outcome === 'no-branch') return clip(`FAILED (exit ${exitCode}): no branch: ${oneLine(error ?? '')}`, 2_000);
  const why = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const made = facts.branch
    ? `branch ${facts.branch} made`
    : `no branch, as --stages left out publish (make it with: ensemble stage publish --run ${facts.runDir})`;
  if (outcome === 'not-green') {
    const listed = problems.length > 3 ? [...problems.slice(0, 3), `${problems.length - 3} more`] : problems;
    return clip(`NOT GREEN (exit ${exitCode}): ${made}, but ${why}: ${listed.join('; ')}`, 2_000);
  }
  return `green (exit ${exitCode}): ${made}; every stage asked for succeeded`;
}

function taskResults(facts: RunFacts): RunTaskResult[] {
  const integration = new Map((facts.test?.integration ?? []).map((r) => [r.taskId, r]));
  return facts.planTasks.map((id) => {
    const task = facts.tasks.find((t) => t.taskId === id);
    const row = integration.get(id);
    const base = {
      id,
      status: task?.status ?? null,
      integration: row?.result ?? null,
      conflictingFiles: row?.conflictingFiles ?? [],
    };
    if (!task) return { ...base, result: 'not-run', detail: 'the run stopped before this task ran' };
    if (task.status === 'failed') {
      return { ...base, result: 'failed', detail: clip(task.stopReason ?? oneLine(task.summary), 300) };
    }
    if (task.status === 'no-change') return { ...base, result: 'no-change', detail: clip(oneLine(task.summary), 300) };
    if (row?.result === 'applied' || row?.result === 'resolved') {
      const how = row.result === 'resolved' ? 'integrated after resolving a conflict: ' : '';
      return { ...base, result: 'integrated', detail: clip(`${how}${oneLine(task.summary)}`, 300) };
    }
    if (!row) return { ...base, result: 'not-integrated', detail: 'the run stopped before integration' };
    const files = row.conflictingFiles.length > 0 ? ` in ${names(row.conflictingFiles)}` : '';
    const detail = row.result === 'conflicted' ? `its patch conflicts${files}` : row.detail || row.result;
    return { ...base, result: 'not-integrated', detail: clip(oneLine(detail), 300) };
  });
}

function testResult(facts: RunFacts): RunTestResult {
  const { test } = facts;
  const empty = {
    command: null,
    passed: null,
    failed: null,
    introduced: [],
    atBase: [],
    unchecked: [],
    fixAttempts: 0,
  };
  if (!facts.stages.has('test')) {
    return { ...empty, status: 'not-run', command: test?.command ?? null, detail: 'the test stage is switched off' };
  }
  if (!test) {
    const why = facts.waiting ? 'the run waits at the plan: nothing was coded' : 'the run stopped before the tests';
    return { ...empty, status: 'not-run', detail: why };
  }
  const failing = (atBase: boolean | null) => test.failures.filter((f) => f.atBase === atBase).map((f) => f.name);
  const result = {
    status: test.status,
    command: test.command,
    passed: test.passed,
    failed: test.failed,
    introduced: failing(false),
    atBase: failing(true),
    unchecked: failing(null),
    fixAttempts: test.fixAttempts,
  };
  return { ...result, detail: testDetail(result, test.summary) };
}

function testDetail(test: Omit<RunTestResult, 'detail'>, summary: string): string {
  const counts = countsText(test) ?? '';
  const rounds = test.fixAttempts > 0 ? ` after ${test.fixAttempts} fix round${test.fixAttempts === 1 ? '' : 's'}` : '';
  switch (test.status) {
    case 'passed':
      return `passed${counts ? `: ${counts}` : ''}${rounds}`;
    case 'failed': {
      const which = [
        test.introduced.length > 0 ? `broken by the change: ${names(test.introduced)}` : '',
        test.atBase.length > 0 ? `failing at the base already: ${names(test.atBase)}` : '',
        test.unchecked.length > 0 ? `not checked at the base: ${names(test.unchecked)}` : '',
      ].filter(Boolean);
      return `failed${counts ? `: ${counts}` : ''}${rounds}${which.length > 0 ? ` (${which.join('; ')})` : ''}`;
    }
    case 'no-tests':
      return test.command === null
        ? 'no test command configured or detected: nothing was tested'
        : `\`${test.command}\` ran no tests`;
    case 'error':
      return `the tests could not run: ${clip(oneLine(summary), 300)}`;
    default:
      return test.status;
  }
}

function testProblems(test: RunTestResult): string[] {
  if (test.status === 'failed') return [`tests ${test.detail}`];
  if (test.status === 'error') return [test.detail];
  // No test command is a property of the repository, not of the change; a command that ran none is suspect.
  if (test.status === 'no-tests' && test.command !== null) return [`tests: ${test.detail}`];
  return [];
}

function reviewResult(facts: RunFacts): RunReviewResult {
  const { review, blockOn } = facts;
  if (!review) {
    const why = facts.stages.has('review') ? 'no review ran' : 'the review stage is switched off';
    return { verdict: null, blockOn, blocking: 0, findings: 0, incomplete: [], detail: why };
  }
  const blocking = review.findings.filter((f) => isAtLeast(f.severity, review.blockOn)).length;
  const parts = [`${review.verdict}: ${review.findings.length} finding${review.findings.length === 1 ? '' : 's'}`];
  if (blocking > 0) parts.push(`${blocking} at or above ${review.blockOn}`);
  if (review.incomplete.length > 0) parts.push(`did not complete: ${review.incomplete.join(', ')}`);
  return {
    verdict: review.verdict,
    blockOn: review.blockOn,
    blocking,
    findings: review.findings.length,
    incomplete: [...review.incomplete],
    detail: parts.join('; '),
  };
}

function reviewProblems(review: RunReviewResult, rows: readonly StageRow[]): string[] {
  const problems: string[] = [];
  if (review.verdict === 'request-changes') {
    problems.push(`the review requests changes: ${review.blocking} finding(s) at or above ${review.blockOn}`);
  }
  if (review.incomplete.length > 0) problems.push(`review did not complete for: ${review.incomplete.join(', ')}`);
  const row = rows.find((r) => r.stage === 'review');
  if (row?.status === 'failed' && review.verdict === null) problems.push(`the review failed: ${oneLine(row.detail)}`);
  return problems;
}

function docsResult(facts: RunFacts): RunDocsResult {
  if (facts.docs) {
    return { status: facts.docs.status, detail: `${facts.docs.status}: ${clip(oneLine(facts.docs.summary), 300)}` };
  }
  const row = facts.rows.find((r) => r.stage === 'docs');
  if (row?.status === 'failed') return { status: 'failed', detail: `failed: ${oneLine(row.detail)}` };
  return { status: 'not-run', detail: row?.detail || (facts.stages.has('docs') ? 'no docs ran' : 'switched off') };
}

/** The table's one-word result of a stage: what it came to, where its status only says it did its job. */
function stageResult(
  row: StageRow,
  found: { tasks: RunTaskResult[]; test: RunTestResult; review: RunReviewResult; docs: RunDocsResult },
): RunStageResult {
  // A plan step that ended waiting for a person (the scheduler's row says "skipped": it counts no unit as waiting).
  if (row.stage === 'plan' && (row.status === 'skipped' || row.status === 'waiting')) {
    return { ...row, status: 'waiting', result: 'waiting' };
  }
  let result: string = row.status;
  if (row.status !== 'failed') {
    if (row.stage === 'code' && found.tasks.some((t) => t.result === 'failed' || t.result === 'not-run'))
      result = 'partial';
    if (row.stage === 'test' && found.test.status !== 'not-run') result = found.test.status;
    if (row.stage === 'review' && found.review.verdict !== null) {
      result = found.review.verdict === 'request-changes' ? 'blocking' : found.review.verdict;
      if (found.review.incomplete.length > 0 && result !== 'blocking') result = 'partial';
    }
    if (row.stage === 'docs' && found.docs.status !== 'not-run') result = found.docs.status;
  }
  return { ...row, result };
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
