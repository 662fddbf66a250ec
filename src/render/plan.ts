import type { PlanDocument } from '../contracts/plan.ts';
import type { TaskStatus } from '../contracts/task.ts';
import { type Ctx, finish, makeCtx, type RenderOptions } from './context.ts';
import { blocks, STEP_SUMMARY_LIMIT } from './markdown.ts';
import { type NodeState, planGraph } from './mermaid.ts';

export interface PlanRenderOptions extends RenderOptions {
  /** Outcome per task id: `done` tasks are ticked and the diagram is coloured. */
  statuses?: ReadonlyMap<string, TaskStatus | 'missing'>;
}

export const TASK_STATE: Record<TaskStatus | 'missing', NodeState> = {
  done: 'ok',
  failed: 'fail',
  'no-change': 'skip',
  missing: 'pending',
};

/**
 * The plan's sections: summary, the task checklist with criteria and files, the dependency diagram,
 * strategy and risks.
 */
export function planSection(
  plan: Pick<PlanDocument, 'summary' | 'tasks' | 'testStrategy' | 'risks'>,
  ctx: Ctx,
  statuses?: PlanRenderOptions['statuses'],
): string {
  const checklist = plan.tasks.map((task) => {
    const ticked = statuses?.get(task.id) === 'done' ? 'x' : ' ';
    const lines = [`- [${ticked}] **${ctx.inline(task.title)}** (${ctx.code(task.id)})`];
    lines.push('  - Acceptance criteria:', ...task.acceptanceCriteria.map((c) => `    - ${ctx.inline(c)}`));
    if (task.files.length > 0) lines.push(`  - Files: ${task.files.map(ctx.code).join(', ')}`);
    if (task.reads.length > 0) lines.push(`  - Reads: ${task.reads.map(ctx.code).join(', ')}`);
    if (task.dependsOn.length > 0) lines.push(`  - Depends on: ${task.dependsOn.map(ctx.code).join(', ')}`);
    return lines.join('\n');
  });
  const states = statuses ? new Map([...statuses].map(([id, status]) => [id, TASK_STATE[status]])) : undefined;
  return blocks(
    ctx.block(plan.summary),
    ctx.heading(1, `Tasks (${plan.tasks.length})`),
    checklist.join('\n'),
    planGraph(plan.tasks, states),
    ctx.heading(1, 'Test strategy'),
    ctx.block(plan.testStrategy),
    plan.risks.length > 0 && ctx.heading(1, 'Risks'),
    plan.risks.length > 0 && plan.risks.map((r) => `- ${ctx.inline(r)}`).join('\n'),
  );
}

/** The plan as a step summary: capped at 1 MiB unless `options.limit` says otherwise. */
export function renderPlanMarkdown(
  plan: Pick<PlanDocument, 'summary' | 'tasks' | 'testStrategy' | 'risks'>,
  options: PlanRenderOptions = {},
): string {
  const ctx = makeCtx(options);
  return finish(blocks(ctx.heading(0, 'Plan'), planSection(plan, ctx, options.statuses)), options, STEP_SUMMARY_LIMIT);
}
