import { z } from 'zod';
import { TaskId } from './common.ts';
import { Question } from './gate.ts';
import { Severity, Verdict } from './review.ts';
import { STAGE_NAMES } from './stages.ts';
import { TaskStatus } from './task.ts';
import { IntegrationResult } from './test-report.ts';

/**
 * What `ensemble run --json` prints: the outcome a script can act on, and why. Not an artifact
 * (no stage reads it); versioned like one so that scripts can rely on its shape. The exit code
 * each outcome maps to is `runtime/local/exit-codes.ts`'s.
 */
export const RUN_RESULT_SCHEMA = 'ensemble.run-result/v1';

export const RunOutcome = z
  .enum(['green', 'not-green', 'no-branch', 'waiting'])
  .describe(
    'green: everything asked for was done and is green (exit 0); not-green: the run finished but something ' +
      'needs a look, listed in `problems` (exit 3); no-branch: the run failed or made no change (exit 1); ' +
      "waiting: the plan waits for answers to the planning agent's questions or for approval, and nothing " +
      'was coded (exit 4; `waiting` says how to continue)',
  );
export type RunOutcome = z.infer<typeof RunOutcome>;

const Count = z.number().int().nonnegative().nullable().describe('null when the output did not say');
const Line = z.string().max(20_000);

export const RunStageResult = z
  .object({
    stage: z.enum(STAGE_NAMES),
    status: z
      .enum(['done', 'failed', 'skipped', 'waiting'])
      .describe('Whether the stage did its job (the pipeline row); waiting: the plan waits for a person'),
    result: z
      .string()
      .max(20)
      .describe(
        'What it came to, in one word: passed/failed/error/no-tests (test), approve/comment/blocking ' +
          '(review), updated/no-change (docs), partial (code: a task did not finish), else the status',
      ),
    durationMs: z.number().nonnegative(),
    tokens: z.number().int().nonnegative(),
    costUsd: z.number().nonnegative().nullable(),
    detail: Line,
  })
  .strict();
export type RunStageResult = z.infer<typeof RunStageResult>;

export const RunTaskResult = z
  .object({
    id: TaskId,
    result: z
      .enum(['integrated', 'not-integrated', 'failed', 'no-change', 'not-run'])
      .describe('integrated: the task is in the change; not-integrated: done, but its patch was left out'),
    status: TaskStatus.nullable().describe('What the coding agent reported; null when it did not run'),
    integration: IntegrationResult.shape.result.nullable().describe('null when integration did not run'),
    conflictingFiles: z.array(z.string()),
    detail: Line,
  })
  .strict();
export type RunTaskResult = z.infer<typeof RunTaskResult>;

export const RunTestResult = z
  .object({
    status: z
      .enum(['passed', 'failed', 'error', 'no-tests', 'not-run'])
      .describe('not-run: the test stage was switched off or the run stopped before it (see detail)'),
    command: z.string().nullable(),
    passed: Count,
    failed: Count,
    introduced: z.array(z.string()).describe('Failing tests that pass at the base: the change broke them'),
    atBase: z.array(z.string()).describe('Failing tests that fail at the base already'),
    unchecked: z.array(z.string()).describe('Failing tests not run at the base'),
    fixAttempts: z.number().int().nonnegative(),
    detail: Line,
  })
  .strict();
export type RunTestResult = z.infer<typeof RunTestResult>;

export const RunReviewResult = z
  .object({
    verdict: Verdict.nullable().describe('The combined verdict of every lens; null when no review ran'),
    blockOn: Severity,
    blocking: z.number().int().nonnegative().describe('Findings at or above `blockOn`'),
    findings: z.number().int().nonnegative(),
    incomplete: z.array(z.string()).describe('Lenses whose agent did not complete'),
    detail: Line,
  })
  .strict();
export type RunReviewResult = z.infer<typeof RunReviewResult>;

export const RunDocsResult = z
  .object({
    status: z.enum(['updated', 'no-change', 'failed', 'not-run']),
    detail: Line,
  })
  .strict();
export type RunDocsResult = z.infer<typeof RunDocsResult>;

export const RunSetupResult = z
  .object({
    status: z
      .enum(['done', 'failed', 'none', 'not-run'])
      .describe(
        'done: installed; failed: a command failed and the run stopped before any model call; none: nothing to install',
      ),
    source: z
      .enum(['configuration', 'detected', 'none'])
      .nullable()
      .describe('Whether the commands are `setup` from the configuration or were detected; null when not run'),
    reason: Line.describe('Why these commands: "package-lock.json found", "`setup` in the configuration"'),
    commands: z.array(z.string()),
    testCommand: z.string().nullable().describe('The test command the run uses, configured or detected'),
    testCommandReason: Line,
    failure: z
      .object({
        command: z.string(),
        exitCode: z.number().int().nullable().describe('null when the command was killed (timeout, signal)'),
        timedOut: z.boolean(),
        output: Line.describe('The last lines of its output'),
      })
      .strict()
      .nullable(),
    durationMs: z.number().nonnegative(),
  })
  .strict();
export type RunSetupResult = z.infer<typeof RunSetupResult>;

export const RunFixRound = z
  .object({
    round: z.number().int().positive(),
    status: TaskStatus.describe('What the fixing agent reported: done, no-change or failed'),
    taken: z.boolean().describe('Whether the change now includes the round (re-tested, and the tests not made worse)'),
    given: z.array(z.string()).describe('The ids of the findings the round was given'),
    fixed: z.array(z.string()).describe('Of those, the ones its re-review no longer reports'),
    remaining: z.array(z.string()).describe('Of those, the ones its re-review still reports'),
    test: z
      .enum(['passed', 'failed', 'no-tests', 'error'])
      .nullable()
      .describe('The re-test; null when the round was not re-tested'),
    detail: Line,
  })
  .strict();
export type RunFixRound = z.infer<typeof RunFixRound>;

export const RunFixResult = z
  .object({
    rounds: z.array(RunFixRound),
    stopped: z.string().nullable().describe('Why the loop stopped; null when no round was needed'),
  })
  .strict();
export type RunFixResult = z.infer<typeof RunFixResult>;

export const RunGateRound = z
  .object({
    asked: z.array(z.string()).describe("The ids of the planning agent's questions, in order"),
    answered: z
      .array(z.object({ id: z.string(), via: z.enum(['file', 'terminal']) }).strict())
      .describe('The questions answered, and where from: the `--answers` file or the terminal'),
    unanswered: z.array(z.string()).describe('The questions nobody answered (the planner plans without them)'),
    unmatched: z
      .array(z.string())
      .describe('Keys of the `--answers` file that match no question of this round; given to the planner as such'),
  })
  .strict();
export type RunGateRound = z.infer<typeof RunGateRound>;

export const RunGateResult = z
  .object({
    rounds: z.array(RunGateRound).describe("Rounds of the planning agent's questions, the last one possibly waiting"),
    revisions: z.number().int().nonnegative().describe('Times the plan was made again on request, at the prompt'),
    approval: z
      .object({ by: z.string(), ahead: z.boolean().describe('given with `--approve`, before the plan was made') })
      .strict()
      .nullable()
      .describe('Who approved the plan; null when no approval was needed or given'),
  })
  .strict();
export type RunGateResult = z.infer<typeof RunGateResult>;

export const RunWaiting = z
  .object({
    waitingFor: z.enum(['answers', 'approval']),
    questions: z
      .array(Question)
      .describe("The planning agent's questions left unanswered (its last round); empty when waiting for approval"),
    plan: z
      .object({
        summary: Line,
        tasks: z.array(z.object({ id: TaskId, title: z.string() }).strict()),
      })
      .strict()
      .nullable()
      .describe('The plan that waits for approval; null when waiting for answers'),
    checkpoint: z.string().describe('The checkpoint document: the questions or the plan, in full'),
    answersFile: z
      .string()
      .nullable()
      .describe(
        'A file to fill in and pass with `--answers`: every question asked so far, with the answers given; ' +
          'null when no question was asked',
      ),
    next: Line.describe('How to continue: what to run, with which options'),
  })
  .strict();
export type RunWaiting = z.infer<typeof RunWaiting>;

export const RunResult = z
  .object({
    schema: z.literal(RUN_RESULT_SCHEMA),
    outcome: RunOutcome,
    exitCode: z.number().int().min(0).max(255).describe('The exit code of `ensemble run` (0, 1, 3 or 4)'),
    verdict: Line.describe('One line: the outcome and what the exit code means'),
    problems: z.array(Line).describe('Everything that is not green, one line each; empty when green'),
    runId: z.string(),
    runDir: z.string(),
    branch: z.string().nullable(),
    prFile: z.string().nullable(),
    reviewFile: z.string().nullable(),
    /** Why the run made no branch, when it made none. */
    error: z.string().nullable(),
    setup: RunSetupResult.describe('The dependency install, once per run before any model call'),
    stages: z.array(RunStageResult),
    tasks: z.array(RunTaskResult),
    test: RunTestResult,
    review: RunReviewResult,
    docs: RunDocsResult,
    fix: RunFixResult.describe('The review → fix rounds after the first review, as the PR body shows them'),
    gate: RunGateResult.describe("The planning agent's questions and their answers, revisions and the approval"),
    waiting: RunWaiting.nullable().describe('What the run waits for and how to continue; null unless `waiting`'),
  })
  .strict();
export type RunResult = z.infer<typeof RunResult>;
