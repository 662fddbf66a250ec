import { z } from 'zod';
import { findDependencyCycle } from '../plan/graph.ts';
import { envelope, NonEmptyText, RepoPath, Sha256Hex, TaskId } from './common.ts';
import { GateRecord } from './gate.ts';

/** GitHub caps a job output at 1 MB and a matrix at 256 legs; the config's own task limit sits far below. */
export const MAX_PLAN_TASKS = 256;

export const PlanTask = z
  .object({
    id: TaskId,
    title: NonEmptyText.max(200),
    description: NonEmptyText.max(20_000),
    acceptanceCriteria: z
      .array(NonEmptyText.max(2_000))
      .min(1, 'every task needs at least one acceptance criterion')
      .max(50),
    files: z.array(RepoPath).max(500).describe('Files this task owns: it may create, edit or delete them.'),
    reads: z.array(RepoPath).max(500).default([]).describe('Files this task may read for context.'),
    dependsOn: z.array(TaskId).max(MAX_PLAN_TASKS).default([]),
  })
  .strict();
export type PlanTask = z.infer<typeof PlanTask>;

/** What the planning agent submits. */
export const PlanBody = z
  .object({
    summary: NonEmptyText.max(20_000),
    tasks: z.array(PlanTask).min(1, 'a plan needs at least one task').max(MAX_PLAN_TASKS),
    testStrategy: NonEmptyText.max(20_000),
    risks: z.array(NonEmptyText.max(2_000)).max(50).default([]),
  })
  .strict()
  .superRefine((plan, ctx) => {
    const seen = new Map<string, number>();
    plan.tasks.forEach((task, i) => {
      const first = seen.get(task.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['tasks', i, 'id'],
          message: `duplicate task id "${task.id}" (also tasks[${first}])`,
        });
      } else {
        seen.set(task.id, i);
      }
    });
    plan.tasks.forEach((task, i) => {
      task.dependsOn.forEach((dep, j) => {
        if (dep === task.id) {
          ctx.addIssue({
            code: 'custom',
            path: ['tasks', i, 'dependsOn', j],
            message: `task "${task.id}" depends on itself`,
          });
        } else if (!seen.has(dep)) {
          ctx.addIssue({ code: 'custom', path: ['tasks', i, 'dependsOn', j], message: `unknown task id "${dep}"` });
        }
      });
    });
    // A self-dependency is already reported above, with a clearer message than "a -> a".
    const cycle = findDependencyCycle(
      plan.tasks.map((t) => ({ id: t.id, dependsOn: t.dependsOn.filter((dep) => dep !== t.id) })),
    );
    if (cycle) {
      ctx.addIssue({ code: 'custom', path: ['tasks'], message: `dependency cycle: ${cycle.join(' -> ')}` });
    }
  });
export type PlanBody = z.infer<typeof PlanBody>;

/**
 * The request the run works on, snapshotted once when the plan is made (hidden content already
 * stripped) so that later stages never read the live issue, which anyone may edit.
 */
export const RequestSnapshot = z
  .object({
    source: z.enum(['issue', 'prompt']),
    issue: z.number().int().positive().nullable(),
    title: z.string().max(1_000),
    body: z.string().max(262_144),
    author: z.string().nullable(),
    comments: z
      .array(z.object({ author: z.string(), body: z.string().max(65_536), createdAt: z.string() }).strict())
      .max(100)
      .default([]),
    /**
     * Comments of the issue left out to keep the request within its bounds (`boundedComments`):
     * the oldest ones. Their count, so that every reader can say that some were.
     */
    omittedComments: z.number().int().nonnegative().default(0),
    hash: Sha256Hex,
  })
  .strict()
  .refine((r) => (r.source === 'issue') === (r.issue !== null), {
    message: 'an issue request needs its issue number, and a prompt request has none',
    path: ['issue'],
  });
export type RequestSnapshot = z.infer<typeof RequestSnapshot>;

export const PlanDocument = envelope(
  'ensemble.plan/v1',
  PlanBody.extend({
    request: RequestSnapshot,
    /** The questions asked and answered, revisions and the approval before this plan; null: no gate waited. */
    gate: GateRecord.nullable().default(null),
  }),
).refine((doc) => doc.request.issue === doc.run.issue, {
  message: 'the request snapshot is of another issue than the run',
  path: ['request', 'issue'],
});
export type PlanDocument = z.infer<typeof PlanDocument>;
