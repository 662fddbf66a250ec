import { runSandboxed, type SandboxResult } from '../../agent/sandbox.ts';
import { clipExcerpt, normaliseOutput, tail } from '../../util/text.ts';
import {
  diffAgainstBase,
  diffInIndex,
  indexForRun,
  type PatchResult,
  type RecordedTree,
  restoreWorktree,
} from '../../workspace/index.ts';
import { provisionWorktree } from '../setup.ts';
import {
  type ClassifiedRun,
  classifyTestRun,
  MAX_EXCERPT_CHARS,
  type ParsedFailure,
  type ParsedTestOutput,
  parseTestOutput,
} from './runner-output.ts';
import { progress, type TestSession } from './session.ts';

/** Output of one test run kept for parsing (head and tail). */
export const TEST_OUTPUT_BYTES = 2_000_000;

/** One run of the test command: how it ended, what its output said, and its status. */
export interface TestRun extends ClassifiedRun {
  command: string;
  exitCode: number | null;
  output: string;
  parsed: ParsedTestOutput;
  /** Failing tests: the parsed ones, or the command itself when the output names none. */
  failures: ParsedFailure[];
}

/**
 * The run's installed dependencies in `dir` (the stage's worktree, or the base's) and in the test
 * command's HOME, before anything is integrated there; null when given, else why the tests were
 * not run. Nothing is installed here: the setup ran once for the run, at the base, before any
 * agent wrote anything (`setup.ts`).
 */
export async function runSetup(session: TestSession, dir: string): Promise<string | null> {
  const problem = await provisionWorktree(session.ctx, dir, session.scratchDir, (message) =>
    progress(session, message),
  );
  return problem === null ? null : problem.replace(/:\n/, ', so the tests were not run:\n');
}

export interface TestRunRequest {
  /** The worktree to run in. */
  dir: string;
  command: string;
  /**
   * Remove again what the run wrote outside ignored paths (the stage's worktree must hold only the
   * change): before anything uses the worktree next (`tidyWorktree`).
   */
  restoreAfter: boolean;
  /** The tree the worktree was recorded as just before, when it was: what the restore puts back. */
  recorded?: RecordedTree | undefined;
}

/** Runs the test command in the sandbox, without network, and reads what its output says. */
export async function runTests(session: TestSession, request: TestRunRequest): Promise<TestRun> {
  const { dir, command, restoreAfter } = request;
  if (restoreAfter) {
    await tidyWorktree(session);
    // Marked before the run: a run that throws may have written the worktree too.
    session.untidy = await indexForRun(dir, request.recorded);
  }
  const result = await sandboxed(session, dir, command);
  const output = normaliseOutput(result.output, [dir]);
  const parsed = parseTestOutput(output);
  const classified = classifyTestRun(command, { ...result, output }, parsed, session.timeoutMs);
  const failures = failingTests(command, classified, parsed, output);
  const exit = result.exitCode !== null ? ` (exit ${result.exitCode})` : '';
  const counts = countsText(parsed);
  session.ctx.reporter.info(`test: \`${command}\` ${classified.status}${exit}${counts ? `: ${counts}` : ''}`);
  return { ...classified, command, exitCode: result.exitCode, output, parsed, failures };
}

/** Puts the stage's worktree back to the tree recorded before the last test run, when a run wrote it since. */
export async function tidyWorktree(session: TestSession): Promise<void> {
  if (session.untidy === null) return;
  await restoreWorktree(session.dir, session.untidy);
  session.untidy = null;
}

/**
 * The change the stage's worktree holds, recorded now, after the last run's writes were undone:
 * in the worktree's own index when every command runs in bubblewrap (`diffInIndex`), which then
 * holds it for the next run, else in a temporary one.
 */
export async function changeNow(session: TestSession): Promise<PatchResult & RecordedTree> {
  await tidyWorktree(session);
  const sandboxed = session.ctx.commands.isolation === 'required';
  return sandboxed ? diffInIndex(session.dir, session.base) : diffAgainstBase(session.dir, session.base);
}

/** `2 passed, 1 failed`, `?` for a count the output did not state; null when it stated neither. */
export function countsText(counts: { passed: number | null; failed: number | null }): string | null {
  if (counts.passed === null && counts.failed === null) return null;
  return `${counts.passed ?? '?'} passed, ${counts.failed ?? '?'} failed`;
}

/** Whether a run failed or ended in an error (rather than passed, or ran no tests). */
export function isFailing(run: ClassifiedRun): boolean {
  return run.status === 'failed' || run.status === 'error';
}

function failingTests(command: string, run: ClassifiedRun, parsed: ParsedTestOutput, output: string): ParsedFailure[] {
  const failing = run.status === 'failed' || (run.status === 'error' && !run.notRunnable);
  if (!failing) return [];
  if (parsed.failures.length > 0) return parsed.failures;
  return [{ name: command, excerpt: parsed.excerpt ?? clipExcerpt(tail(output, 1_500), MAX_EXCERPT_CHARS) }];
}

function sandboxed(session: TestSession, dir: string, command: string): Promise<SandboxResult> {
  const { commands } = session.ctx;
  return runSandboxed({
    command,
    cwd: dir,
    timeoutMs: session.timeoutMs,
    maxOutputBytes: TEST_OUTPUT_BYTES,
    scratchDir: session.scratchDir,
    network: false,
    ...(commands.isolation ? { isolation: commands.isolation } : {}),
    ...(commands.log ? { log: commands.log } : {}),
    ...(commands.abortSignal ? { abortSignal: commands.abortSignal } : {}),
    ...(commands.passThrough ? { passThrough: commands.passThrough } : {}),
  });
}
