import { z } from 'zod';
import { envelope, NonEmptyText, RepoPath, TaskId } from './common.ts';

export const TaskStatus = z.enum(['done', 'failed', 'no-change']);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const CommandRecord = z
  .object({
    command: z.string().min(1).max(10_000),
    exitCode: z.number().int().nullable().describe('null when the command was killed (timeout or signal)'),
  })
  .strict();
export type CommandRecord = z.infer<typeof CommandRecord>;

/** What a coding agent submits. */
export const TaskBody = z
  .object({
    status: TaskStatus,
    summary: NonEmptyText.max(20_000),
    commitMessage: NonEmptyText.max(5_000),
  })
  .strict();
export type TaskBody = z.infer<typeof TaskBody>;

/** What an agent that changes code leaves besides its report: a task's and a fix round's alike. */
export const WORK_FIELDS = {
  filesChanged: z.array(RepoPath).max(10_000),
  commands: z.array(CommandRecord).max(1_000),
  stopReason: z
    .string()
    .max(2_000)
    .nullable()
    .default(null)
    .describe('Why the agent stopped early (budget, error), if it did'),
};

export const TaskDocument = envelope('ensemble.task/v1', TaskBody.extend({ taskId: TaskId, ...WORK_FIELDS }));
export type TaskDocument = z.infer<typeof TaskDocument>;
