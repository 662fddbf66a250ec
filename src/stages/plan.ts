import { submitToolFor } from '../agent/submit.ts';
import { toolsFor } from '../agent/tools/index.ts';
import type { PlanBody, PlanDocument, RequestSnapshot } from '../contracts/plan.ts';
import { reaches } from '../plan/graph.ts';
import { checkProtectedPaths } from '../workspace/index.ts';
import { runStageAgent, type StageContext } from './context.ts';
import { StageError } from './errors.ts';
import { requestBlock } from './prompt-parts.ts';

const INSTRUCTIONS = (maxTasks: number) => `You are the planning agent of ensemble, a pipeline of AI coding agents.
You read a request and the repository, then split the work into tasks that coding agents implement in parallel, each alone in its own copy of the repository at the same commit. A testing agent integrates their patches and runs the tests; review and documentation agents follow.

How to work:
- Explore with list_files, read_file and search until you know where the change goes. You cannot change files or run commands.
- Make at most ${maxTasks} tasks. Prefer a few coherent tasks to many small ones; a single task is right for a small change.
- Each task: a short kebab-case id; a title; a description an engineer can act on without seeing the request (what to change, where, and how it fits); acceptance criteria that can be checked by reading the code or running the tests; the files it owns (creates, edits or deletes, tests included); the files it should read; the ids it depends on.
- Two tasks never own the same file, unless one depends on the other (it then runs after it and builds on its change).
- Keep tests with the code they test: a task that changes behaviour adds or updates its tests.
- Then submit_plan with the summary, the tasks, the test strategy and the risks. Invalid plans come back with the problems to fix.`;

/** Problems a plan can have beyond its schema, for the model to fix before the plan is accepted. */
export function planProblems(
  plan: PlanBody,
  limits: { maxTasks: number; protectedPaths: readonly string[] },
): string[] {
  const problems: string[] = [];
  if (plan.tasks.length > limits.maxTasks) {
    problems.push(
      `the plan has ${plan.tasks.length} tasks; the configuration ` +
        `allows at most ${limits.maxTasks}: merge related tasks`,
    );
  }
  const owner = new Map<string, string>();
  for (const task of plan.tasks) {
    for (const file of task.files) {
      const other = owner.get(file);
      if (other && !reaches(plan.tasks, task.id, other) && !reaches(plan.tasks, other, task.id)) {
        problems.push(
          `tasks "${other}" and "${task.id}" both own ${file}: merge them, or make one depend on the other`,
        );
      }
      owner.set(file, task.id);
    }
    for (const file of checkProtectedPaths(task.files, limits.protectedPaths)) {
      problems.push(
        `task "${task.id}" owns ${file}, a protected path ensemble may not change: leave it out of the plan`,
      );
    }
  }
  return problems;
}

/**
 * Plans the run: the planning agent reads the request (an untrusted snapshot) and the repository
 * at the base commit with read-only tools, and submits tasks that pass the configuration's limits.
 */
export async function runPlanStage(
  ctx: StageContext,
  input: { request: RequestSnapshot; workspace: string },
): Promise<PlanDocument> {
  const maxTasks = ctx.config.stages.plan['max-tasks'];
  const protectedPaths = ctx.config['protected-paths'];
  const { outcome } = await runStageAgent(ctx, {
    stage: 'plan',
    agent: 'plan',
    instructions: INSTRUCTIONS(maxTasks),
    task: [
      'Plan the work this request asks for.',
      requestBlock(input.request),
      `Protected paths (never part of any task): ${protectedPaths.join(', ') || 'none'}.`,
    ].join('\n\n'),
    tools: toolsFor('plan'),
    submit: submitToolFor('plan', (plan) => planProblems(plan, { maxTasks, protectedPaths })),
    workspace: input.workspace,
  });
  if (!outcome.result) {
    throw new StageError(
      'plan',
      `the planning agent did not submit a plan (${outcome.stop?.message ?? 'no reason given'}); nothing was changed`,
    );
  }
  return {
    schema: 'ensemble.plan/v1',
    run: ctx.run,
    usage: ctx.ledger.toUsage('plan'),
    ...outcome.result,
    request: input.request,
  };
}
