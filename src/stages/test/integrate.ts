import type { AgentOutcome } from '../../agent/loop.ts';
import { submitToolFor } from '../../agent/submit.ts';
import { readOnlyTools, writeTools } from '../../agent/tools/index.ts';
import { repoPathProblem } from '../../contracts/common.ts';
import type { PlanDocument } from '../../contracts/plan.ts';
import type { TaskDocument } from '../../contracts/task.ts';
import { type IntegrationResult, type TestBody, TestDocument } from '../../contracts/test-report.ts';
import { integrationSequence, type TaskNode } from '../../plan/graph.ts';
import { clip } from '../../util/text.ts';
import {
  applyWithConflictMarkers,
  integratePatches,
  type PatchResult,
  type RecordedTree,
} from '../../workspace/index.ts';
import { restoreWorktree, snapshotWorktree } from '../../workspace/worktree.ts';
import { runStageAgent, type StageContext } from '../context.ts';
import { StageError } from '../errors.ts';
import { readSmallFile } from './files.ts';
import { INTEGRATE_INSTRUCTIONS, integrateTask } from './prompts.ts';
import { revertProtectedPaths } from './protected-paths.ts';
import { progress, type TestSession } from './session.ts';
import type { FixRoundChange, TestStageResult, TestStageTask } from './types.ts';

/** Longest `detail` of an integration row (the contract allows 5,000). */
const DETAIL_CHARS = 5_000;

/** The summary's first line with the test stage off. */
const TEST_STAGE_OFF = [
  'The test stage is off (stages.test.enabled: false):',
  'the task patches were integrated without running or adding tests.',
].join(' ');

const CONFLICT_MARKER = /^(?:<{7}|>{7}|\|{7})(?: |$)/m;

/**
 * The task results in integration order (`integrationSequence`); results for tasks the plan does
 * not list come last, in the order given. Throws on two results for one task.
 */
export function integrationOrder<T extends { document: Pick<TaskDocument, 'taskId'> }>(
  planTasks: readonly TaskNode[],
  tasks: readonly T[],
): T[] {
  const byId = new Map<string, T>();
  for (const task of tasks) {
    if (byId.has(task.document.taskId)) throw new Error(`two task results for task "${task.document.taskId}"`);
    byId.set(task.document.taskId, task);
  }
  const known = new Set(planTasks.map((t) => t.id));
  return [
    ...integrationSequence(planTasks).flatMap((id) => {
      const task = byId.get(id);
      return task ? [task] : [];
    }),
    ...tasks.filter((t) => !known.has(t.document.taskId)),
  ];
}

/** What integrating the task patches left in the stage's worktree. */
export interface Integrated {
  /** One row per task result in integration order, then one per plan task without a result. */
  integration: IntegrationResult[];
  /** For the summary: protected-path changes the conflict resolutions made and that were reverted. */
  notes: string[];
  /** The change as recorded with the tree the worktree holds, when no agent wrote it after (no conflict). */
  recorded: (PatchResult & RecordedTree) | null;
}

/**
 * Integrates the finished tasks' patches in the stage's worktree, in dependency order, onto the
 * base; each conflict goes to the testing agent's integration step, and stays `conflicted` (left
 * out) when the agent cannot resolve it. Failed and no-change tasks are skipped with the reason.
 */
export async function integrateTasks(session: TestSession, tasks: readonly TestStageTask[]): Promise<Integrated> {
  const ordered = integrationOrder(session.plan.tasks, tasks);
  const done = ordered.filter((t) => t.document.status === 'done');
  progress(session, `integrating ${done.length} task ${done.length === 1 ? 'patch' : 'patches'}`);
  const integrated = await integratePatches(session.ctx.repoDir, session.base, done.map(taskPatch), {
    protectedPaths: session.protectedPaths,
    worktreeDir: session.dir,
    // Made at the base for this stage; the run's install added only ignored files (`runSetup`).
    fresh: true,
  });
  const results = new Map(integrated.results.map((r) => [r.taskId, r]));
  const notes: string[] = [];
  let recorded: Integrated['recorded'] = {
    patch: integrated.patch,
    changes: integrated.changes,
    tree: integrated.tree,
    indexed: integrated.indexed,
  };
  for (const task of done) {
    const result = results.get(task.document.taskId);
    if (result?.result !== 'conflicted') continue;
    recorded = null;
    const resolution = await resolveConflict(session, { task, conflict: result });
    results.set(task.document.taskId, resolution.result);
    notes.push(...resolution.notes);
  }

  const given = new Set(ordered.map((t) => t.document.taskId));
  const withoutResult = session.plan.tasks.filter((planTask) => !given.has(planTask.id));
  const integration = [
    ...ordered.map((t) => results.get(t.document.taskId) ?? skippedTask(t.document.taskId, t.document)),
    ...withoutResult.map((planTask) => skippedTask(planTask.id, undefined)),
  ];
  for (const r of integration.filter((row) => row.result === 'conflicted')) {
    session.ctx.reporter.warn(`test: task ${r.taskId} conflicts in ${r.conflictingFiles.join(', ')}`);
  }
  return { integration, notes, recorded };
}

/**
 * A fix round's change in the stage's worktree: the change the round started from, then the round's
 * fix on top. Both were made on exactly that tree, so either failing to apply means the artifacts
 * do not belong together; the stage fails and says which. The tasks' integration rows carry over.
 */
export async function applyFixRound(session: TestSession, round: FixRoundChange): Promise<Integrated> {
  progress(session, `applying fix round ${round.round} to the change`);
  const steps = [
    { what: `the change fix round ${round.round} started from (change.patch)`, patch: round.before.patch },
    { what: `fix round ${round.round}'s fix.patch`, patch: round.fix },
  ];
  for (const step of steps) {
    if (step.patch.trim() === '') continue;
    const applied = await applyWithConflictMarkers(session.dir, step.patch);
    if (!applied.ok) {
      const files = applied.conflictingFiles.join(', ') || 'no file named';
      throw new StageError('test', `${step.what} does not apply (${files}): ${applied.detail}`);
    }
  }
  return { integration: [...round.before.document.integration], notes: [], recorded: null };
}

function taskPatch(task: TestStageTask): { taskId: string; patch: string } {
  return { taskId: task.document.taskId, patch: task.patch };
}

type TaskOutcome = Pick<TaskDocument, 'status' | 'stopReason'>;

/**
 * The integration row of a task whose patch is not integrated, with the reason: it changed
 * nothing, it failed (its stop reason; the partial patch stays in its artifact), or no result was
 * given for it (`result` undefined). With the test stage on or off alike.
 */
export function skippedTask(taskId: string, result: TaskOutcome | undefined): IntegrationResult {
  const row = { taskId, result: 'skipped' as const, conflictingFiles: [] };
  if (result === undefined) return { ...row, detail: 'no task result was given for this task' };
  if (result.status === 'no-change') return { ...row, detail: 'no change' };
  const why = result.stopReason ? ` (${result.stopReason})` : '';
  const detail = `the task failed${why}: its partial patch is kept in its artifact and not integrated`;
  return { ...row, detail: clip(detail, DETAIL_CHARS) };
}

interface Conflict {
  task: TestStageTask;
  /** The task's `conflicted` row from integrating in dependency order. */
  conflict: IntegrationResult;
}

interface Resolution {
  result: IntegrationResult;
  /** For the summary: protected paths the integration step changed, reverted. */
  notes: string[];
}

/**
 * Applies a patch that conflicted in dependency order again, now with conflict markers, and asks
 * the testing agent's integration step to resolve them. The attempt is undone when it fails:
 * the agent stopped early, markers remain, or nothing of the task is left in the tree.
 */
async function resolveConflict(session: TestSession, { task, conflict }: Conflict): Promise<Resolution> {
  const { dir } = session;
  const id = task.document.taskId;
  const good = await snapshotWorktree(dir);
  const applied = await applyWithConflictMarkers(dir, task.patch);
  if (applied.ok) {
    await snapshotWorktree(dir);
    const detail = 'applied once the other tasks were integrated (it conflicted in dependency order)';
    return { result: { ...conflict, result: 'applied', conflictingFiles: [], detail }, notes: [] };
  }
  const files = applied.conflictingFiles.filter((f) => repoPathProblem(f) === null);
  const agent = `test:integrate-${id}`;
  progress(session, `${agent}: resolving conflicts in ${files.join(', ')}`);
  const { outcome } = await runStageAgent(session.ctx, {
    stage: 'test',
    agent,
    instructions: INTEGRATE_INSTRUCTIONS,
    task: integrateTask({
      taskId: id,
      planTask: session.plan.tasks.find((t) => t.id === id),
      files,
      withMarkers: files.filter((f) => hasConflictMarkers(dir, f)),
      patch: task.patch,
      gitSaid: conflict.detail,
    }),
    shared: { request: session.plan.request, plan: session.plan },
    tools: [...readOnlyTools, ...writeTools],
    submit: submitToolFor('test'),
    workspace: dir,
  });
  const notes = await revertProtectedPaths(session, `the testing agent (${agent})`);
  const remaining = files.filter((f) => hasConflictMarkers(dir, f));
  const failure = unresolved(outcome, remaining, (await snapshotWorktree(dir)) !== good);
  if (failure === null) {
    const detail = clip(`resolved by the testing agent: ${outcome.result?.summary ?? ''}`, DETAIL_CHARS);
    return { result: { taskId: id, result: 'resolved', conflictingFiles: files, detail }, notes };
  }
  await restoreWorktree(dir, good);
  const detail = `not integrated: the testing agent could not resolve the conflict: ${failure}. ${conflict.detail}`;
  return {
    result: {
      taskId: id,
      result: 'conflicted',
      conflictingFiles: files.length > 0 ? files : conflict.conflictingFiles,
      detail: clip(detail, DETAIL_CHARS),
    },
    notes,
  };
}

/** Why the integration step's resolution cannot be kept; null when it can. */
function unresolved(outcome: AgentOutcome<TestBody>, remaining: readonly string[], changed: boolean): string | null {
  const stopped = outcome.stop?.message ?? 'no reason given';
  if (outcome.status !== 'submitted') return `it stopped before submitting (${stopped})`;
  if (remaining.length > 0) return `conflict markers remain in ${remaining.join(', ')}`;
  if (!changed) return 'its resolution left nothing of the task in the tree';
  return null;
}

function hasConflictMarkers(dir: string, p: string): boolean {
  const text = readSmallFile(dir, p, 256 * 1024 * 1024);
  return text !== null && CONFLICT_MARKER.test(text);
}

/**
 * The test stage switched off (`stages.test.enabled: false`): the finished tasks' patches are
 * integrated in dependency order, 3-way, onto the base, and nothing is run or asked. The report
 * still says, per task, what was applied and what conflicted, so no task is dropped silently.
 */
export async function integrateWithoutTests(
  ctx: Pick<StageContext, 'repoDir' | 'run' | 'config' | 'ledger'>,
  plan: PlanDocument,
  tasks: readonly TestStageTask[],
): Promise<TestStageResult> {
  const ordered = integrationOrder(plan.tasks, tasks);
  const done = ordered.filter((t) => t.document.status === 'done').map(taskPatch);
  const protectedPaths = ctx.config['protected-paths'];
  const integrated = await integratePatches(ctx.repoDir, ctx.run.baseSha, done, { protectedPaths });
  const byTask = new Map(integrated.results.map((r) => [r.taskId, r]));
  const integration = ordered.map((t) => byTask.get(t.document.taskId) ?? skippedTask(t.document.taskId, t.document));
  const conflicted = integration.filter((r) => r.result === 'conflicted');
  const leftOut = conflicted.map((r) => `${r.taskId} (${r.conflictingFiles.join(', ') || 'see detail'})`);
  const summary = [TEST_STAGE_OFF, leftOut.length > 0 ? `Left out because they conflict: ${leftOut.join('; ')}.` : '']
    .filter(Boolean)
    .join('\n');
  const document = TestDocument.parse({
    schema: 'ensemble.test/v1',
    run: ctx.run,
    usage: ctx.ledger.toUsage('test'),
    summary,
    testsAdded: [],
    status: 'no-tests',
    command: null,
    exitCode: null,
    passed: null,
    failed: null,
    failures: [],
    integration,
    fixAttempts: 0,
  });
  return { document, patch: integrated.patch };
}
