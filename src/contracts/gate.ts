/**
 * The gates where a run waits for a person: the planning agent's questions, and the approval of a
 * plan. A waiting run leaves a checkpoint (`CheckpointDocument`, `checkpoint.ts`) that the next
 * run, started by a person's answer or command, reads, verifies and resumes from.
 */
import { z } from 'zod';
import { GitSha, NonEmptyText } from './common.ts';

/** The most of one person's text (an answer, revision instructions) a gate keeps; longer text is cut. */
export const MAX_PERSON_TEXT = 20_000;
/** Answers one round of questions keeps. */
export const MAX_ANSWERS_PER_ROUND = 50;
/** Revisions one request takes. */
export const MAX_REVISIONS = 20;

/** A GitHub login, or `local` for a person at the terminal. */
export const Login = z.string().min(1).max(100);
export const Timestamp = z.iso.datetime({ offset: true });

export const QuestionId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1-40 characters of a-z, 0-9 and "-", starting with a letter or digit');

export const Question = z
  .object({
    id: QuestionId.describe('A short kebab-case id, e.g. "units".'),
    question: NonEmptyText.max(2_000).describe('The question, specific enough to answer in a sentence or two.'),
    why: NonEmptyText.max(2_000).describe('Why the answer matters: what the plan would do differently.'),
    options: z
      .array(NonEmptyText.max(500))
      .max(10)
      .default([])
      .describe('The answers you see, when you can name them (empty when it is open).'),
  })
  .strict();
export type Question = z.infer<typeof Question>;

/** What the planning agent submits instead of a plan when the request is unclear. */
export const QuestionsBody = z
  .object({
    findings: NonEmptyText.max(20_000).describe(
      'What you learned from the repository so far (where the change goes, how it fits): kept for when you plan.',
    ),
    questions: z.array(Question).min(1, 'ask at least one question').max(10, 'ask at most 10 questions'),
  })
  .strict()
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.questions.forEach((q, i) => {
      if (seen.has(q.id))
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id "${q.id}"` });
      seen.add(q.id);
    });
  });
export type QuestionsBody = z.infer<typeof QuestionsBody>;

/** A person's answer: a comment on the issue, `/ensemble answer …`, or the terminal. Untrusted text. */
export const Answer = z
  .object({
    by: Login,
    at: Timestamp,
    text: z.string().max(MAX_PERSON_TEXT),
    via: z.enum(['comment', 'command', 'local']),
    /** The issue comment, when it came from one. */
    commentId: z.number().int().positive().nullable(),
  })
  .strict();
export type Answer = z.infer<typeof Answer>;

/** One round of questions and the answers that came back (none yet while the run waits). */
export const QuestionRound = z
  .object({
    askedAt: Timestamp,
    findings: z.string().max(20_000),
    questions: z.array(Question).min(1).max(10),
    answers: z.array(Answer).max(MAX_ANSWERS_PER_ROUND),
  })
  .strict();
export type QuestionRound = z.infer<typeof QuestionRound>;

/** Who approved the plan, and how. */
export const Approval = z
  .object({
    by: Login,
    at: Timestamp,
    via: z.enum(['comment', 'local']),
  })
  .strict();
export type Approval = z.infer<typeof Approval>;

/** A `/ensemble revise …` request: the plan was made again with these instructions. */
export const Revision = z.object({ by: Login, at: Timestamp, instructions: z.string().max(MAX_PERSON_TEXT) }).strict();
export type Revision = z.infer<typeof Revision>;

/** What the gates did before this plan: carried in the plan document, shown in the pull request. */
export const GateRecord = z
  .object({
    rounds: z.array(QuestionRound).max(10).default([]),
    revisions: z.array(Revision).max(MAX_REVISIONS).default([]),
    approval: Approval.nullable().default(null),
    /** The checkpoint this run resumed from (`refs/ensemble/checkpoints/…`); null when it waited on none. */
    resumedFrom: z
      .object({ runId: z.string().min(1).max(200), commit: GitSha })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type GateRecord = z.infer<typeof GateRecord>;
