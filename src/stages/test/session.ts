import type { PlanDocument } from '../../contracts/plan.ts';
import type { StageContext } from '../context.ts';

/** What every step of the test stage works with. Fixed once the stage's worktree exists. */
export interface TestSession {
  ctx: StageContext;
  plan: PlanDocument;
  /** The stage's worktree: the task patches are integrated, tested and fixed in it. */
  dir: string;
  /** HOME of the test command's runs. */
  scratchDir: string;
  /** The run's base SHA. */
  base: string;
  /** The test stage's `timeout-minutes`, the limit of each command. */
  timeoutMs: number;
  /** The test stage's `max-fix-attempts`. */
  maxFixAttempts: number;
  /** `protected-paths`: no step may leave a change to them. */
  protectedPaths: readonly string[];
  /**
   * The tree the worktree is to be put back to before anything reads or writes it again: a test
   * run wrote it since (`runTests`); null when it holds the change as recorded. Put back only when
   * needed (`tidyWorktree`), so the last run's leftovers go with the worktree instead.
   */
  untidy: string | null;
}

/** The session of the test stage working in `dir`, with the limits from the configuration. */
export function newSession(ctx: StageContext, plan: PlanDocument, dir: string, scratchDir: string): TestSession {
  const stage = ctx.config.stages.test;
  return {
    ctx,
    plan,
    dir,
    scratchDir,
    base: ctx.run.baseSha,
    timeoutMs: Math.round(stage['timeout-minutes'] * 60_000),
    maxFixAttempts: stage['max-fix-attempts'],
    protectedPaths: ctx.config['protected-paths'],
    untidy: null,
  };
}

/** Reports what the stage is doing now (shown live locally, logged on Actions). */
export function progress(session: TestSession, detail: string): void {
  session.ctx.reporter.event({ stage: 'test', status: 'progress', detail });
}
