import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireSandbox } from '../agent/sandbox.ts';
import { submitToolFor } from '../agent/submit.ts';
import { toolsFor } from '../agent/tools/index.ts';
import { noModelUsage } from '../contracts/common.ts';
import type { PlanDocument, PlanTask } from '../contracts/plan.ts';
import type { TaskDocument } from '../contracts/task.ts';
import {
  applyWithConflictMarkers,
  createWorktree,
  recordTree,
  removeWorktree,
  type Worktree,
  worktreeDirectory,
} from '../workspace/index.ts';
import { changeAhead } from './change-ahead.ts';
import { runStageAgent, type StageContext } from './context.ts';
import { StageError } from './errors.ts';
import { provisionWorktree } from './setup.ts';
import { workOutcome } from './work-outcome.ts';

const INSTRUCTIONS = `You are a coding agent of ensemble, a pipeline of AI coding agents.
You implement one task of a plan, alone, in your own copy of the repository. Other agents implement the other tasks at the same time; a testing agent integrates everyone's work afterwards.

How to work:
- Read the code you change before you change it (list_files, read_file, search).
- Change only the files your task owns, unless the task cannot be done otherwise; never touch files another task owns.
- Edit with edit_file (one exact, unique occurrence) or write_file (whole files).
- Run the relevant tests and checks with run_command. Commands run without network access and without credentials; dependencies are already installed or must be vendored.
- Keep the change minimal and in the repository's style; add or update tests for behaviour you change.
- Finish with submit_task: status done (the criteria are met), no-change (nothing needed changing, say why) or failed (say what blocked you); a summary of what you changed and why; a commit message (an imperative subject line of at most 72 characters, then a blank line and details if useful). Your file changes are collected from the workspace; you do not commit.`;

function taskText(plan: PlanDocument, task: PlanTask): string {
  const others = plan.tasks
    .filter((t) => t.id !== task.id)
    .map((t) => `- ${t.id}: ${t.title} (owns ${t.files.join(', ') || 'nothing listed'})`);
  return [
    `Your task: ${task.title} (id ${task.id})`,
    task.description,
    `Acceptance criteria:\n${task.acceptanceCriteria.map((c) => `- ${c}`).join('\n')}`,
    `Files you own: ${task.files.join(', ') || 'none listed'}`,
    task.reads.length ? `Files to read for context: ${task.reads.join(', ')}` : '',
    others.length ? `Other tasks (do not do their work):\n${others.join('\n')}` : '',
    'The request and the whole plan are above, for context.',
  ]
    .filter(Boolean)
    .join('\n\n');
}

export interface CodeInput {
  plan: PlanDocument;
  taskId: string;
  /** Patches of the tasks this one depends on, in dependency order: its worktree starts from them. */
  dependencies?: readonly { taskId: string; patch: string }[];
}

export interface CodeResult {
  document: TaskDocument;
  /** The task's change. Against the base SHA, or against base plus its dependencies' patches when it has any. */
  patch: string;
}

/**
 * Runs one coding agent in its own worktree at the plan's base SHA and turns whatever the
 * workspace holds at the end into the task's patch, whether the agent finished or not: a failed
 * or exhausted task still keeps its partial work. The worktree is made while the agent's first
 * model call is in flight (its tools wait for it), and removed afterwards, always.
 */
export async function runCodeStage(ctx: StageContext, input: CodeInput): Promise<CodeResult> {
  const task = input.plan.tasks.find((t) => t.id === input.taskId);
  if (!task) {
    throw new StageError(
      'code',
      `task "${input.taskId}" is not in the plan (tasks: ${input.plan.tasks.map((t) => t.id).join(', ')})`,
    );
  }
  await requireSandbox(ctx.commands.isolation);
  const dir = await worktreeDirectory({ prefix: `ensemble-code-${task.id}-` });
  // One HOME for the setup commands and the agent's commands, so caches the setup fills are there.
  const home = await mkdtemp(join(tmpdir(), `ensemble-home-${task.id}-`));
  const preparing = prepareWorkspace(ctx, { task, dir, home, dependencies: input.dependencies ?? [] });
  // Settled below, whatever happens; until then the agent's tools wait on it (and see it fail).
  preparing.catch(() => {});
  const ahead = changeAhead(dir, async () => (await preparing).startTree);
  try {
    const ready = preparing.then(({ setupProblem }) => {
      if (setupProblem !== null) throw new Error(setupProblem);
    });
    ready.catch(() => {});
    const { outcome, tools } = await runStageAgent(ctx, {
      stage: 'code',
      agent: `code:${task.id}`,
      instructions: INSTRUCTIONS,
      task: taskText(input.plan, task),
      shared: { request: input.plan.request, plan: input.plan },
      tools: toolsFor('code'),
      submit: submitToolFor('code'),
      workspace: dir,
      commands: { scratchDir: home },
      ready,
      afterTools: (tools) => ahead.afterTools(tools),
      beforeTools: () => ahead.settle(),
    });
    const { setupProblem } = await preparing;
    if (setupProblem !== null) return setupFailed(ctx, task, setupProblem);

    const diff = await ahead.change(tools);
    const work = workOutcome(outcome, diff, {
      protectedPaths: ctx.config['protected-paths'],
      what: 'change',
      patchFile: 'task.patch',
      fallbackMessage: `Partial work on ${task.title}`,
    });
    const document: TaskDocument = {
      schema: 'ensemble.task/v1',
      run: ctx.run,
      usage: ctx.ledger.toUsage('code', `code:${task.id}`),
      taskId: task.id,
      ...work,
      commands: tools.commands,
    };
    return { document, patch: diff.patch };
  } finally {
    await ahead.settle();
    // A failed clean-up must not cost the task its result: it is reported and the run goes on.
    const made = await preparing.then(
      (prepared) => prepared.worktree,
      () => null,
    );
    if (made) {
      await removeWorktree(made).catch((error: Error) =>
        ctx.reporter.warn(`could not remove the worktree ${made.dir}: ${error.message}`),
      );
    } else await rm(dir, { recursive: true, force: true }).catch(() => {});
    await rm(home, { recursive: true, force: true }).catch(() => {});
  }
}

interface Prepared {
  worktree: Worktree;
  /** Why the setup failed, when it did: no tool runs then. */
  setupProblem: string | null;
  /** The tree the task's change is taken against: the base, or the base with its dependencies' patches. */
  startTree: string;
}

/** The task's worktree in `dir`: checked out at the base, then filled (`intoWorktree`); removed again if that fails. */
async function prepareWorkspace(
  ctx: StageContext,
  options: { task: PlanTask; dir: string; home: string; dependencies: NonNullable<CodeInput['dependencies']> },
): Promise<Prepared> {
  const { task, dir, home, dependencies } = options;
  const worktree = await createWorktree(ctx.repoDir, ctx.run.baseSha, { dir });
  try {
    return await intoWorktree(ctx, worktree, { task, home, dependencies });
  } catch (error) {
    // The caller never sees this worktree: it goes here.
    await removeWorktree(worktree).catch(() => {});
    throw error;
  }
}

/**
 * Gives the task's worktree the run's installed dependencies (copied in: installed once per run,
 * not per task), then the patches of the tasks it depends on.
 */
async function intoWorktree(
  ctx: StageContext,
  worktree: Worktree,
  options: { task: PlanTask; home: string; dependencies: NonNullable<CodeInput['dependencies']> },
): Promise<Prepared> {
  const { task, home, dependencies } = options;
  const setupProblem = await provisionWorktree(ctx, worktree.dir, home, (detail) =>
    ctx.reporter.event({ stage: 'code', agent: `code:${task.id}`, status: 'progress', detail }),
  );
  if (setupProblem !== null) return { worktree, setupProblem, startTree: ctx.run.baseSha };
  for (const dependency of dependencies) {
    const applied = await applyWithConflictMarkers(worktree.dir, dependency.patch);
    if (!applied.ok) {
      throw new StageError(
        'code',
        `task "${task.id}" builds on "${dependency.taskId}", whose patch does not apply: ${applied.detail}`,
      );
    }
  }
  const startTree = dependencies.length > 0 ? await recordTree(worktree.dir, ctx.run.baseSha) : ctx.run.baseSha;
  return { worktree, setupProblem: null, startTree };
}

/**
 * A task whose setup failed: its agent's first model call may have been made (the setup ran while
 * it was out), but no tool ran and nothing changed; the report says why.
 */
function setupFailed(ctx: StageContext, task: PlanTask, problem: string): CodeResult {
  return {
    document: {
      ...taskNotRun(ctx.run, task.id, 'setup failed', `The agent did not start work: its setup failed. ${problem}`),
      usage: ctx.ledger.toUsage('code', `code:${task.id}`),
    },
    patch: '',
  };
}

/**
 * The report of a task that did not run (a failed dependency, setup, or a job that uploaded
 * nothing): failed, no change.
 */
export function taskNotRun(
  run: TaskDocument['run'],
  taskId: string,
  reason: string,
  summary = `The task did not run (${reason}).`,
): TaskDocument {
  return {
    schema: 'ensemble.task/v1',
    run,
    usage: noModelUsage(),
    taskId,
    status: 'failed',
    summary,
    commitMessage: `Task ${taskId}`,
    filesChanged: [],
    commands: [],
    stopReason: reason,
  };
}

/** The first dependency of `task` that did not finish (done, or nothing to change), if any. */
export function unfinishedDependency(
  task: Pick<PlanTask, 'dependsOn'>,
  statusOf: (taskId: string) => TaskDocument['status'] | undefined,
): string | undefined {
  return task.dependsOn.find((d) => {
    const status = statusOf(d);
    return status !== 'done' && status !== 'no-change';
  });
}
