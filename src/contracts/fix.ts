import { z } from 'zod';
import { envelope, NonEmptyText, RepoPath } from './common.ts';
import { FindingId, Severity } from './review.ts';
import { TaskBody, WORK_FIELDS } from './task.ts';

/** A finding as the fix agent was given it: enough to say in the PR what a round addressed. */
export const FixFinding = z
  .object({
    id: FindingId,
    /** The review lens that found it; `human` for a person's review comment or instructions. */
    source: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a lens name or "human"'),
    severity: Severity,
    path: RepoPath.nullable(),
    line: z.number().int().positive().nullable(),
    title: NonEmptyText.max(300),
  })
  .strict();
export type FixFinding = z.infer<typeof FixFinding>;

/** What the fixing agent submits: a coding agent's report (status, summary, commit message). */
export const FixBody = TaskBody;
export type FixBody = z.infer<typeof FixBody>;

/**
 * One fix round: the findings the fix agent was given and what it did about them. `fix.patch`
 * beside it is its change on top of the change it was given (the round before's `change.patch`).
 */
export const FixDocument = envelope(
  'ensemble.fix/v1',
  FixBody.extend({
    round: z.number().int().min(1).max(20),
    findings: z.array(FixFinding).max(200),
    instructions: z
      .string()
      .max(20_000)
      .nullable()
      .default(null)
      .describe("A person's instructions for this round (`ensemble fix --instructions`), if any"),
    ...WORK_FIELDS,
  }),
);
export type FixDocument = z.infer<typeof FixDocument>;
