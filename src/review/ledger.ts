/**
 * The findings ledger of a run, deterministically: each finding's stable id, which findings of a
 * review block, and what a fix round settled. The ledger is the documents themselves (each fix
 * round's findings and the review after it), so it cannot drift from what happened. No model, no I/O.
 */
import { createHash } from 'node:crypto';
import {
  EXTERNAL_SOURCES,
  type Finding,
  type FindingId,
  isAtLeast,
  type ReviewDocument,
  type Severity,
} from '../contracts/review.ts';
import { normaliseLine } from './findings.ts';

export type IdentifiedFinding = Finding & { id: FindingId };

/**
 * A new finding's id: from its source (lens), file, title and quote, so the same finding made again
 * in another run gets the same id, and two different findings practically never share one.
 */
export function findingId(source: string, finding: Pick<Finding, 'path' | 'title' | 'quote'>): FindingId {
  const key = [source, finding.path, normaliseLine(finding.title).toLowerCase(), normaliseLine(finding.quote)];
  return `F${createHash('sha256').update(key.join('\u0000')).digest('hex').slice(0, 10)}`;
}

/**
 * Gives every finding of a lens's review its id: a finding the re-review reports again with the id
 * of one of its open findings keeps it; any other id a model wrote is not trusted and replaced.
 * Two findings that end up with one id keep only the first.
 */
export function identifyFindings(
  source: string,
  findings: readonly Finding[],
  open: ReadonlySet<string> = new Set(),
): IdentifiedFinding[] {
  const seen = new Set<string>();
  const identified: IdentifiedFinding[] = [];
  for (const finding of findings) {
    const id = finding.id !== null && open.has(finding.id) ? finding.id : findingId(source, finding);
    if (seen.has(id)) continue;
    seen.add(id);
    identified.push({ ...finding, id });
  }
  return identified;
}

/** A finding with the lens that made it. */
export interface LensFinding {
  source: string;
  finding: IdentifiedFinding;
}

export { CI_SOURCE, CONFLICT_SOURCE, EXTERNAL_SOURCES, PERSON_SOURCE } from '../contracts/review.ts';

/**
 * The open findings a re-review through `lens` is given: its own, and for the first configured lens
 * also those people and CI made, so that a person's review comment or a failed check is judged again
 * like a lens's finding (no lens of that name runs).
 */
export function lensOpenFindings(
  findings: readonly LensFinding[],
  lens: string,
  lenses: readonly string[],
): LensFinding[] {
  return findings.filter((f) => f.source === lens || (EXTERNAL_SOURCES.includes(f.source) && lens === lenses[0]));
}

/**
 * The findings of review documents with their ids: those ensemble gave them when the review was
 * made (documents written before ids existed get the id their content gives).
 */
export function reviewFindings(reviews: readonly ReviewDocument[]): LensFinding[] {
  return reviews.flatMap((review) =>
    review.findings.map((finding) => ({
      source: review.lens,
      finding: { ...finding, id: finding.id ?? findingId(review.lens, finding) },
    })),
  );
}

/** Every finding of the reviews at or above `blockOn`, with its lens, in the reviews' order. */
export function blockingFindings(reviews: readonly ReviewDocument[], blockOn: Severity): LensFinding[] {
  return reviewFindings(reviews).filter(({ finding }) => isAtLeast(finding.severity, blockOn));
}

/** What a fix round settled: the findings it was given that the review after it no longer reports, and those left. */
export function settledByRound(
  given: readonly { id: string }[],
  after: readonly { finding: { id: string } }[],
): { fixed: string[]; remaining: string[] } {
  const still = new Set(after.map((f) => f.finding.id));
  return {
    fixed: given.filter((f) => !still.has(f.id)).map((f) => f.id),
    remaining: given.filter((f) => still.has(f.id)).map((f) => f.id),
  };
}
