import { z } from 'zod';
import { envelope, NonEmptyText, RepoPath } from './common.ts';

export const Severity = z.enum(['critical', 'high', 'medium', 'low', 'nit']);
export type Severity = z.infer<typeof Severity>;

/** Most severe first; a finding blocks when it is at least as severe as the configured level. */
export const SEVERITY_ORDER: readonly Severity[] = Severity.options;

export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_ORDER.indexOf(severity) <= SEVERITY_ORDER.indexOf(threshold);
}

export const Verdict = z.enum(['approve', 'comment', 'request-changes']);
export type Verdict = z.infer<typeof Verdict>;

/**
 * A finding's stable id: the same problem keeps it across fix rounds and runs (a re-review that
 * finds an open finding again reports it with its id), so that a settled finding is never posted
 * again and a round that fixed nothing is recognised.
 */
export const FindingId = z.string().regex(/^F[0-9a-f]{10}$/, 'must be "F" and 10 lowercase hex digits');
export type FindingId = z.infer<typeof FindingId>;

/** The source of a finding a person made (a review comment on the pull request), as a lens name. */
export const PERSON_SOURCE = 'human';

/** The source of a finding the repository's CI made (a failed check on the pull request), as a lens name. */
export const CI_SOURCE = 'ci';

/** The source of the findings of a merge of the base branch that conflicted, as a lens name. */
export const CONFLICT_SOURCE = 'conflicts';

/**
 * Sources of findings no review lens makes: a follow-up run's first pass carries them in reviews of
 * their own, so no configured lens may take these names.
 */
export const EXTERNAL_SOURCES: readonly string[] = [PERSON_SOURCE, CI_SOURCE, CONFLICT_SOURCE];

export const Finding = z
  .object({
    id: FindingId.nullable()
      .default(null)
      .describe('The id of an open finding you were given, when this is that finding again; else null'),
    path: RepoPath,
    line: z
      .number()
      .int()
      .positive()
      .nullable()
      .describe('Line in the new file; null when the quote maps to no changed line'),
    endLine: z.number().int().positive().nullable().default(null),
    quote: z.string().max(5_000).describe('The code the finding is about, quoted exactly'),
    severity: Severity,
    title: NonEmptyText.max(300),
    body: NonEmptyText.max(20_000),
    suggestion: z.string().max(20_000).nullable().default(null).describe('Replacement for the quoted lines, if any'),
  })
  .strict()
  .refine((f) => f.endLine === null || (f.line !== null && f.endLine >= f.line), {
    message: 'endLine must be null or at least line',
    path: ['endLine'],
  });
export type Finding = z.infer<typeof Finding>;

export const CriterionCheck = z
  .object({
    criterion: NonEmptyText.max(2_000),
    met: z.boolean(),
    evidence: z.string().max(5_000),
  })
  .strict();
export type CriterionCheck = z.infer<typeof CriterionCheck>;

/** What a review agent submits. */
export const ReviewBody = z
  .object({
    verdict: Verdict,
    summary: NonEmptyText.max(20_000),
    findings: z.array(Finding).max(200),
    criteria: z.array(CriterionCheck).max(500),
  })
  .strict();
export type ReviewBody = z.infer<typeof ReviewBody>;

export const ReviewDocument = envelope(
  'ensemble.review/v1',
  ReviewBody.extend({ lens: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a lens name of a-z, 0-9 and "-"') }),
);
export type ReviewDocument = z.infer<typeof ReviewDocument>;
