/**
 * The test stage (docs/design.md §1): integrates the task patches onto the base SHA (a conflict goes
 * to an integration step of the testing agent), runs the repository's test command in the
 * sandbox, lets the testing agent add tests for uncovered acceptance criteria and fix failures
 * for a bounded number of rounds, and tells failures the change introduced from those that
 * already fail at the base. Ends in `test.json` and `change.patch`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { requireSandbox } from '../../agent/sandbox.ts';
import type { PlanDocument } from '../../contracts/plan.ts';
import { createWorktree, removeWorktree } from '../../workspace/index.ts';
import type { StageContext } from '../context.ts';
import { testCommandFor } from './command.ts';
import { applyFixRound, integrateTasks } from './integrate.ts';
import { finishedDetail, report } from './report.ts';
import { testAndFix } from './rounds.ts';
import { newSession, type TestSession } from './session.ts';
import { runSetup } from './test-run.ts';
import type { TestStageInput, TestStageResult } from './types.ts';

export { integrateWithoutTests, integrationOrder } from './integrate.ts';
export { looksLikeTestPath } from './rounds.ts';
export { TEST_OUTPUT_BYTES } from './test-run.ts';
export type { FixRoundChange, TestStageInput, TestStageResult, TestStageTask } from './types.ts';

export async function runTestStage(ctx: StageContext, input: TestStageInput): Promise<TestStageResult> {
  await requireSandbox(ctx.commands.isolation);
  const base = ctx.run.baseSha;
  assertSameRun(input.plan, base);
  ctx.reporter.event({ stage: 'test', status: 'started' });
  const ownScratch = ctx.commands.scratchDir === undefined;
  const scratchDir = ctx.commands.scratchDir ?? (await mkdtemp(path.join(os.tmpdir(), 'ensemble-test-home-')));
  const worktree = await createWorktree(ctx.repoDir, base, { prefix: 'ensemble-test-' });
  try {
    const result = await testChange(newSession(ctx, input.plan, worktree.dir, scratchDir), input);
    ctx.reporter.event({ stage: 'test', status: 'finished', detail: finishedDetail(result.document) });
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.reporter.event({ stage: 'test', status: 'failed', detail: message });
    throw error;
  } finally {
    await removeWorktree(worktree).catch((error: unknown) =>
      ctx.reporter.warn(`could not remove the worktree ${worktree.dir}: ${String(error)}`),
    );
    if (ownScratch) await rm(scratchDir, { recursive: true, force: true }).catch(() => {});
  }
}

function assertSameRun(plan: PlanDocument, base: string): void {
  if (plan.run.baseSha === base) return;
  const made = `the plan was made at base ${plan.run.baseSha}`;
  throw new Error(`${made}, but this run's base is ${base}: the artifacts are of another run`);
}

/** The stage's steps, in the stage's worktree. */
async function testChange(session: TestSession, input: TestStageInput): Promise<TestStageResult> {
  const setupProblem = await runSetup(session, session.dir);
  const {
    integration,
    notes: integrationNotes,
    recorded,
  } = input.fixRound ? await applyFixRound(session, input.fixRound) : await integrateTasks(session, input.tasks);
  const command = await testCommandFor(session, recorded);
  const tested = await testAndFix(session, { command, setupProblem, integration, recorded });
  return report(session, { setupProblem, integration, integrationNotes, command, tested });
}
