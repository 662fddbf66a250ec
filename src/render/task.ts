import type { PlanTask } from '../contracts/plan.ts';
import type { TaskDocument, TaskStatus } from '../contracts/task.ts';
import { finish, makeCtx, type RenderOptions } from './context.ts';
import { blocks, fence, STEP_SUMMARY_LIMIT, table } from './markdown.ts';
import { usageTable } from './usage.ts';

export const TASK_STATUS: Record<TaskStatus, string> = {
  done: '✅ done',
  failed: '❌ failed',
  'no-change': '➖ no change',
};

export function exitCell(code: number | null): string {
  if (code === null) return '⏱️ killed';
  return code === 0 ? '✅ 0' : `❌ ${code}`;
}

export interface TaskRenderOptions extends RenderOptions {
  /** The plan's entry for this task, for its title and acceptance criteria. */
  planTask?: Pick<PlanTask, 'title' | 'acceptanceCriteria'>;
}

/**
 * One coding task as a step summary: status, summary, commit message, files, commands, usage
 * (capped at 1 MiB by default).
 */
export function renderTaskMarkdown(task: TaskDocument, options: TaskRenderOptions = {}): string {
  const ctx = makeCtx(options);
  const planned = options.planTask;
  const commands = table(
    ['Command', 'Exit code'],
    task.commands.map((c) => [ctx.code(c.command), exitCell(c.exitCode)]),
  );
  const markdown = blocks(
    ctx.heading(0, `Task ${ctx.code(task.taskId)}: ${TASK_STATUS[task.status]}`),
    planned && `**${ctx.inline(planned.title)}**`,
    planned && ['Acceptance criteria:', ...planned.acceptanceCriteria.map((c) => `- ${ctx.inline(c)}`)].join('\n'),
    ctx.block(task.summary),
    task.stopReason !== null && `> [!WARNING]\n> Stopped early: ${ctx.inline(task.stopReason)}`,
    '**Commit message**',
    fence(task.commitMessage, 'text'),
    task.filesChanged.length > 0
      ? `**Files changed** (${task.filesChanged.length}): ${task.filesChanged.map(ctx.code).join(', ')}`
      : '**Files changed:** none',
    task.commands.length > 0 && `**Commands** (${task.commands.length})`,
    task.commands.length > 0 && commands,
    '**Usage**',
    usageTable([{ stage: `code · ${task.taskId}`, usage: task.usage }], ctx),
  );
  return finish(markdown, options, STEP_SUMMARY_LIMIT);
}
