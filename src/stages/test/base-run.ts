import type { TestFailure } from '../../contracts/test-report.ts';
import { clipExcerpt } from '../../util/text.ts';
import { withWorktree } from '../../workspace/index.ts';
import { MAX_EXCERPT_CHARS, MAX_FAILURES, markAtBase, type ParsedFailure } from './runner-output.ts';
import { progress, type TestSession } from './session.ts';
import { runSetup, runTests, type TestRun } from './test-run.ts';

/** The test command's run at the base SHA, to tell failures the change introduced from old ones. */
export interface BaseRun {
  /** null when the base could not be checked. */
  run: TestRun | null;
  /** Why the base could not be checked, when it could not. */
  problem: string | null;
}

/** Runs `command` at the base SHA, after the setup commands, in a worktree of its own (removed afterwards). */
export async function runAtBase(session: TestSession, command: string): Promise<BaseRun> {
  progress(session, `running \`${command}\` at the base ${session.base.slice(0, 12)}`);
  return withWorktree(
    session.ctx.repoDir,
    session.base,
    async (dir): Promise<BaseRun> => {
      const setupProblem = await runSetup(session, dir);
      if (setupProblem) return { run: null, problem: setupProblem };
      const run = await runTests(session, { dir, command, restoreAfter: false });
      return { run, problem: run.notRunnable ? run.problem : null };
    },
    { prefix: 'ensemble-test-base-' },
  );
}

/** `known` when the base was run already (the stage runs it at most once), else a new run at the base. */
export async function baseRunOnce(session: TestSession, command: string, known: BaseRun | null): Promise<BaseRun> {
  return known ?? runAtBase(session, command);
}

/** The failures of `run` the change introduced: those not known to fail at the base too. */
export function introducedFailures(run: TestRun, base: BaseRun): ParsedFailure[] {
  const marks = markAtBase(run.failures, base.run, run.command);
  return run.failures.filter((_, i) => marks[i] !== true);
}

export interface MarkedFailures {
  /** The failures for the report (at most MAX_FAILURES), each with whether it also fails at the base. */
  failures: TestFailure[];
  /** For the summary: why the base could not be compared, when it could not. */
  notes: string[];
}

/** The failures of the last run for the report, each marked with whether it fails at the base too. */
export function markFailures(run: TestRun, base: BaseRun): MarkedFailures {
  const marks = markAtBase(run.failures, base.run, run.command);
  const failures = run.failures.slice(0, MAX_FAILURES).map((f, i) => ({
    name: f.name,
    excerpt: clipExcerpt(f.excerpt, MAX_EXCERPT_CHARS),
    atBase: marks[i] ?? null,
  }));
  const notes = base.problem ? [`The failures could not be compared with the base: ${base.problem}`] : [];
  return { failures, notes };
}
