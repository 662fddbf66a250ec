/**
 * Review findings, deterministically: where on the diff each one goes, which ones are the same
 * finding seen by several lenses, and what the review's verdict is. No model, no I/O.
 */
import { createHash } from 'node:crypto';
import type { Usage } from '../contracts/common.ts';
import {
  type CriterionCheck,
  type Finding,
  isAtLeast,
  type ReviewDocument,
  SEVERITY_ORDER,
  type Severity,
  type Verdict,
} from '../contracts/review.ts';
import type { DiffFile, DiffLine } from '../workspace/diff/index.ts';
import { findDiffFile, hunkOf, isCommentable } from './diff-lines.ts';

// ---------------------------------------------------------------------------------------------
// anchoring

/** Whitespace-insensitive form of one line: runs of whitespace collapse, ends are trimmed. */
export function normaliseLine(line: string): string {
  return line.replace(/\s+/g, ' ').trim();
}

/** The quote's lines, normalised, without leading and trailing blank lines. */
function quoteLines(quote: string): string[] {
  const lines = quote.split(/\r?\n/).map(normaliseLine);
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Ways a model writes a quote besides copying the code: with the diff's `+`/`-`/` ` markers
 * (deleted lines dropped, they are not in the new file), or with the `read_file` tool's
 * `<number>\t` prefixes. Tried in this order; the first form that matches anywhere wins.
 */
function quoteForms(quote: string): string[][] {
  const raw = quote.split(/\r?\n/);
  const forms = [quoteLines(quote)];
  const body = raw.filter((l) => l.trim() !== '');
  if (body.length > 0 && body.every((l) => /^[+ -]/.test(l)) && body.some((l) => /^[+-]/.test(l))) {
    forms.push(
      quoteLines(
        raw
          .filter((l) => !l.startsWith('-'))
          .map((l) => l.slice(1))
          .join('\n'),
      ),
    );
  }
  if (body.length > 0 && body.every((l) => /^\s*\d+\t/.test(l))) {
    forms.push(quoteLines(raw.map((l) => l.replace(/^\s*\d+\t/, '')).join('\n')));
  }
  return forms.filter((f) => f.length > 0);
}

/** A partial first or last line must still say something: at least this many characters. */
const MIN_PARTIAL = 3;

/**
 * Whether `quote` matches the run of `rows` starting at `start`: null when not, else whether it
 * matched whole lines. A quote may begin inside its first line and end inside its last (a
 * one-line quote may be any part of its line); the lines between must match whole.
 */
function matchAt(rows: readonly DiffLine[], start: number, quote: readonly string[]): { exact: boolean } | null {
  let exact = true;
  for (let j = 0; j < quote.length; j++) {
    const want = quote[j]!;
    const have = normaliseLine(rows[start + j]!.text);
    if (have === want) continue;
    exact = false;
    if (want.length < MIN_PARTIAL) return null;
    if (matchesPart(have, want, j, quote.length)) continue;
    return null;
  }
  return { exact };
}

/**
 * Whether line `j` of a quote of `count` lines matches part of the diff line `have`: any part for a
 * one-line quote, its end for the first line, its start for the last; a line between never does.
 */
function matchesPart(have: string, want: string, j: number, count: number): boolean {
  if (count === 1) return have.includes(want);
  if (j === 0) return have.endsWith(want);
  if (j === count - 1) return have.startsWith(want);
  return false;
}

/** How far the run `line`..`endLine` is from the line a finding names: 0 when none is named or the run covers it. */
function distanceFrom(named: number | null, line: number, endLine: number): number {
  if (named === null) return 0;
  if (named < line) return line - named;
  return Math.max(0, named - endLine);
}

interface Candidate {
  line: number;
  endLine: number;
  hasAdded: boolean;
  exact: boolean;
  distance: number;
}

/** Lower is better: runs with added lines, then whole-line matches, then nearest the model's line, then first. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.hasAdded !== b.hasAdded) return a.hasAdded;
  if (a.exact !== b.exact) return a.exact;
  if (a.distance !== b.distance) return a.distance < b.distance;
  return a.line < b.line;
}

/**
 * Places a finding on the new side of the diff. The quote is searched, line by line with
 * whitespace normalised, as a contiguous run of the new-side lines one hunk shows (added and
 * context lines; deleted lines are not in the new file, so a run may span them). Runs that
 * contain an added line win over runs of context only; among equals the one nearest the
 * finding's own `line` (when given) wins, else the first. A finding without a quote keeps its
 * `line`/`endLine` when they are inside one hunk. Anything else is unanchored: `line` and
 * `endLine` null, for the review body. The path of a renamed file becomes its new path.
 */
export function anchorFinding(finding: Finding, files: readonly DiffFile[]): Finding {
  const unanchored: Finding = { ...finding, line: null, endLine: null };
  const file = findDiffFile(files, finding.path);
  if (!file) return unanchored;
  const placed = (line: number, endLine: number): Finding => ({
    ...finding,
    path: file.path,
    line,
    endLine: endLine > line ? endLine : null,
  });

  const forms = quoteForms(finding.quote);
  if (forms.length === 0) {
    const line = finding.line;
    if (line === null || !isCommentable(file, line)) return unanchored;
    const end = finding.endLine;
    const hunk = hunkOf(file, line);
    const sameHunk = end !== null && end > line && hunk?.lines.some((l) => l.newLine === end);
    return placed(line, sameHunk ? end : line);
  }

  for (const quote of forms) {
    let best: Candidate | null = null;
    for (const hunk of file.hunks) {
      const rows = hunk.lines.filter((l) => l.kind !== 'delete');
      for (let start = 0; start + quote.length <= rows.length; start++) {
        const match = matchAt(rows, start, quote);
        if (!match) continue;
        const run = rows.slice(start, start + quote.length);
        const line = run[0]!.newLine!;
        const endLine = run[run.length - 1]!.newLine!;
        const candidate: Candidate = {
          line,
          endLine,
          hasAdded: run.some((r) => r.kind === 'add'),
          exact: match.exact,
          distance: distanceFrom(finding.line, line, endLine),
        };
        if (best === null || better(candidate, best)) best = candidate;
      }
    }
    if (best) return placed(best.line, best.endLine);
  }
  return unanchored;
}

/** Anchors every finding: `inline` ones have a line on the diff, `body` ones go in the review body. */
export function anchorFindings<F extends Finding>(
  findings: readonly F[],
  files: readonly DiffFile[],
): { inline: F[]; body: F[] } {
  const inline: F[] = [];
  const body: F[] = [];
  for (const finding of findings) {
    const anchored = { ...finding, ...anchorFinding(finding, files) } as F;
    (anchored.line === null ? body : inline).push(anchored);
  }
  return { inline, body };
}

// ---------------------------------------------------------------------------------------------
// merging

/** A finding after merging: the lenses that reported it, sorted. */
export type MergedFinding = Finding & { lenses: string[] };

export interface LensFindings {
  lens: string;
  findings: readonly Finding[];
}

const SEVERITY_RANK = new Map(SEVERITY_ORDER.map((s, i) => [s, i]));
const rank = (s: Severity) => SEVERITY_RANK.get(s)!;

function titleWords(title: string): string[] {
  return title
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/**
 * Titles are similar when equal ignoring case and punctuation, when one contains the other, or
 * share half their words.
 */
export function similarTitles(a: string, b: string): boolean {
  const wa = titleWords(a);
  const wb = titleWords(b);
  const ja = wa.join(' ');
  const jb = wb.join(' ');
  if (ja === jb) return true;
  if (ja !== '' && jb !== '' && (` ${ja} `.includes(` ${jb} `) || ` ${jb} `.includes(` ${ja} `))) return true;
  const sa = new Set(wa);
  const sb = new Set(wb);
  const common = [...sa].filter((w) => sb.has(w)).length;
  const union = new Set([...sa, ...sb]).size;
  return union > 0 && common / union >= 0.5;
}

/** Line ranges overlap; two unplaced findings "overlap" when they quote the same code. */
function sameSpot(a: Finding, b: Finding): boolean {
  if (a.path !== b.path) return false;
  if (a.line === null || b.line === null) {
    return a.line === null && b.line === null && quoteLines(a.quote).join('\n') === quoteLines(b.quote).join('\n');
  }
  return a.line <= (b.endLine ?? b.line) && b.line <= (a.endLine ?? a.line);
}

/** Most severe first, then path, then line (unplaced last), then title. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    rank(a.severity) - rank(b.severity) ||
    compareText(a.path, b.path) ||
    (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) ||
    compareText(a.title, b.title)
  );
}

function compareText(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

/**
 * Merges the findings of several lenses. Two findings are the same when they are on the same
 * path, their lines overlap and their titles are similar; the most severe one is kept whole (the
 * first of equals) and the lenses of all are listed. Sorted by `compareFindings`.
 */
export function mergeFindings(reviews: readonly LensFindings[]): MergedFinding[] {
  const groups: { kept: Finding; members: Finding[]; lenses: Set<string> }[] = [];
  for (const review of reviews) {
    for (const finding of review.findings) {
      const group = groups.find((g) =>
        g.members.some((m) => sameSpot(m, finding) && similarTitles(m.title, finding.title)),
      );
      if (!group) {
        groups.push({ kept: finding, members: [finding], lenses: new Set([review.lens]) });
        continue;
      }
      group.members.push(finding);
      group.lenses.add(review.lens);
      if (rank(finding.severity) < rank(group.kept.severity)) group.kept = finding;
    }
  }
  return groups.map((g) => ({ ...g.kept, lenses: [...g.lenses].sort(compareText) })).sort(compareFindings);
}

// ---------------------------------------------------------------------------------------------
// verdict

/** `request-changes` when a finding reaches `blockOn`, `comment` when there are findings, else `approve`. */
export function verdictFor(findings: readonly Pick<Finding, 'severity'>[], blockOn: Severity): Verdict {
  if (findings.some((f) => isAtLeast(f.severity, blockOn))) return 'request-changes';
  return findings.length > 0 ? 'comment' : 'approve';
}

export type GitHubReviewEvent = 'REQUEST_CHANGES' | 'COMMENT';

/** The event the publisher posts. ensemble never approves a pull request: `approve` is posted as a comment. */
export function githubReviewEvent(verdict: Verdict): GitHubReviewEvent {
  return verdict === 'request-changes' ? 'REQUEST_CHANGES' : 'COMMENT';
}

// ---------------------------------------------------------------------------------------------
// suggestions

/** New-side text by line number (`rightSideLines(file)`), or the new file's lines (index 0 = line 1). */
export type FileLines = ReadonlyMap<number, string> | readonly string[];

function lineAt(lines: FileLines, n: number): string | undefined {
  return Array.isArray(lines) ? (lines as readonly string[])[n - 1] : (lines as ReadonlyMap<number, string>).get(n);
}

/**
 * Whether a GitHub ```suggestion block may be offered: the finding has a suggestion and an
 * anchored range whose lines are all known, the quote (when there is one) covers those lines
 * whole — a suggestion replaces whole lines, so a quote of part of a line would lose the rest —
 * and the suggestion changes something.
 */
export function suggestionApplies(finding: Finding, fileLines: FileLines): boolean {
  if (finding.suggestion === null || finding.line === null) return false;
  const current: string[] = [];
  for (let n = finding.line; n <= (finding.endLine ?? finding.line); n++) {
    const text = lineAt(fileLines, n);
    if (text === undefined) return false;
    current.push(text);
  }
  const normalised = current.map(normaliseLine);
  const covered = quoteForms(finding.quote).some((form) => form.join('\n') === normalised.join('\n'));
  if (finding.quote.trim() !== '' && !covered) return false;
  return finding.suggestion.replace(/\r?\n$/, '') !== current.join('\n');
}

function indentOf(lines: readonly string[]): string {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0]);
  return indents.reduce((shortest, i) => (i.length < shortest.length ? i : shortest), indents[0] ?? '');
}

/**
 * The text of the ```suggestion block for a finding, or null when `suggestionApplies` says no.
 * A model often quotes and rewrites code without its indentation: when both the quote and the
 * suggestion start at column 0 but the lines in the file are indented, the suggestion is
 * indented like the file's first line.
 */
export function suggestionText(finding: Finding, fileLines: FileLines): string | null {
  if (!suggestionApplies(finding, fileLines) || finding.suggestion === null || finding.line === null) return null;
  const suggestion = finding.suggestion.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  const current: string[] = [];
  for (let n = finding.line; n <= (finding.endLine ?? finding.line); n++) current.push(lineAt(fileLines, n) ?? '');
  const target = indentOf(current);
  const lines = suggestion.split('\n');
  if (target === '' || indentOf(lines) !== '' || indentOf(finding.quote.split(/\r?\n/)) !== '') return suggestion;
  return lines.map((l) => (l.trim() === '' ? l : target + l)).join('\n');
}

// ---------------------------------------------------------------------------------------------
// the combined review

export interface LensReview {
  lens: string;
  verdict: Verdict;
  summary: string;
  findings: readonly Finding[];
  criteria: readonly CriterionCheck[];
  usage?: Usage;
}

/** One acceptance criterion as all lenses judged it: met only when every lens that checked it says so. */
export interface MergedCriterion {
  criterion: string;
  met: boolean;
  evidence: string;
  lenses: string[];
}

export interface ReviewOutcome {
  verdict: Verdict;
  blockOn: Severity;
  /** Anchored and merged; `line === null` for findings that go in the review body. */
  findings: MergedFinding[];
  criteria: MergedCriterion[];
  lenses: { lens: string; verdict: Verdict; summary: string; usage: Usage | null }[];
}

/** Anchors every lens's findings on the diff, merges them and derives the verdict from `blockOn`. */
export function combineReviews(
  reviews: readonly LensReview[],
  files: readonly DiffFile[],
  blockOn: Severity,
): ReviewOutcome {
  const findings = mergeFindings(
    reviews.map((r) => ({ lens: r.lens, findings: r.findings.map((f) => anchorFinding(f, files)) })),
  );
  return {
    verdict: verdictFor(findings, blockOn),
    blockOn,
    findings,
    criteria: mergeCriteria(reviews),
    lenses: reviews.map((r) => ({ lens: r.lens, verdict: r.verdict, summary: r.summary, usage: r.usage ?? null })),
  };
}

export function mergeCriteria(reviews: readonly Pick<LensReview, 'lens' | 'criteria'>[]): MergedCriterion[] {
  const byText = new Map<string, MergedCriterion>();
  for (const review of reviews) {
    for (const check of review.criteria) {
      const key = normaliseLine(check.criterion).toLowerCase();
      const seen = byText.get(key);
      if (!seen) {
        byText.set(key, {
          criterion: check.criterion,
          met: check.met,
          evidence: check.evidence,
          lenses: [review.lens],
        });
        continue;
      }
      if (!seen.lenses.includes(review.lens)) seen.lenses.push(review.lens);
      // An unmet verdict and its evidence win; otherwise keep the first evidence there is.
      if (seen.met && !check.met) Object.assign(seen, { met: false, evidence: check.evidence || seen.evidence });
      else if (seen.evidence === '' && check.met === seen.met) seen.evidence = check.evidence;
    }
  }
  return [...byText.values()].map((c) => ({ ...c, lenses: [...c.lenses].sort(compareText) }));
}

/**
 * A digest of what a review would post (placement, severity and text of every finding, and the
 * verdict): a re-run posts a new review only when this changed.
 */
export function findingsFingerprint(outcome: Pick<ReviewOutcome, 'verdict' | 'findings'>): string {
  const canonical = outcome.findings.map((f) => [f.path, f.line, f.endLine, f.severity, f.title, f.body, f.suggestion]);
  return createHash('sha256')
    .update(JSON.stringify([outcome.verdict, canonical]))
    .digest('hex')
    .slice(0, 16);
}

/** How the summary of a lens whose agent failed begins (`failedLensReview`); `isIncompleteReview` reads it back. */
export const incompleteSummary = (lens: string) => `The ${lens} review did not complete`;

/**
 * Whether a review is the one written for a lens whose agent did not complete. The review
 * contract (v1) has no field for it, so the summary's opening, `incompleteSummary`, says it.
 */
export function isIncompleteReview(review: Pick<ReviewDocument, 'lens' | 'summary' | 'findings'>): boolean {
  return review.findings.length === 0 && review.summary.startsWith(incompleteSummary(review.lens));
}
