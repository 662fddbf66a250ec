import { type Finding, isAtLeast, type Severity, type Verdict } from '../contracts/review.ts';
import {
  type FileLines,
  findingsFingerprint,
  type MergedFinding,
  type ReviewOutcome,
  suggestionText,
} from '../review/findings.ts';
import { type Ctx, finish, makeCtx, type RenderOptions } from './context.ts';
import { blocks, fence, GITHUB_BODY_LIMIT, STEP_SUMMARY_LIMIT, table } from './markdown.ts';
import { reviewMarker } from './marker.ts';

export const SEVERITY_BADGE: Record<Severity, string> = {
  critical: '🟥 critical',
  high: '🔴 high',
  medium: '🟠 medium',
  low: '🟡 low',
  nit: '⚪ nit',
};

export const VERDICT_TEXT: Record<Verdict, string> = {
  'request-changes': '🛑 changes requested',
  comment: '💬 comments',
  approve: '✅ no findings',
};

const LANGUAGES: Record<string, string> = {
  ts: 'ts',
  tsx: 'tsx',
  mts: 'ts',
  cts: 'ts',
  js: 'js',
  jsx: 'jsx',
  mjs: 'js',
  cjs: 'js',
  py: 'python',
  go: 'go',
  rs: 'rust',
  rb: 'ruby',
  java: 'java',
  kt: 'kotlin',
  cs: 'csharp',
  c: 'c',
  h: 'c',
  cc: 'cpp',
  cpp: 'cpp',
  hpp: 'cpp',
  php: 'php',
  swift: 'swift',
  sh: 'sh',
  bash: 'bash',
  yml: 'yaml',
  yaml: 'yaml',
  json: 'json',
  md: 'markdown',
  css: 'css',
  html: 'html',
  sql: 'sql',
  toml: 'toml',
};

/** The code-block language of a file, by extension; empty when unknown. */
export function languageOf(path: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return (ext && LANGUAGES[ext]) ?? '';
}

/** `src/a.ts:12`, `src/a.ts:12-14`, or the path alone when the finding is not on the diff. */
export function findingLocation(finding: Pick<Finding, 'path' | 'line' | 'endLine'>): string {
  if (finding.line === null) return finding.path;
  return finding.endLine !== null && finding.endLine !== finding.line
    ? `${finding.path}:${finding.line}-${finding.endLine}`
    : `${finding.path}:${finding.line}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function headline(outcome: ReviewOutcome): string {
  const inline = outcome.findings.filter((f) => f.line !== null).length;
  const blocking = outcome.findings.filter((f) => isAtLeast(f.severity, outcome.blockOn)).length;
  const parts = [
    `**${plural(outcome.findings.length, 'finding')}** (${inline} ` +
      `on the diff, ${outcome.findings.length - inline} outside it)`,
    `blocking severity: **${outcome.blockOn}**${blocking > 0 ? ` (${blocking} at or above it)` : ''}`,
  ];
  if (outcome.lenses.length > 0) parts.push(`lenses: ${outcome.lenses.map((l) => l.lens).join(', ')}`);
  return parts.join(' · ');
}

function findingsTable(findings: readonly MergedFinding[], ctx: Ctx): string {
  return table(
    ['Severity', 'Finding', 'Location', 'Lenses'],
    findings.map((f) => [
      SEVERITY_BADGE[f.severity],
      ctx.inline(f.title),
      `${ctx.code(findingLocation(f))}${f.line === null ? ' (outside the diff)' : ''}`,
      ctx.inline(f.lenses.join(', ')),
    ]),
  );
}

function criteriaTable(outcome: ReviewOutcome, ctx: Ctx): string {
  return table(
    ['Met', 'Criterion', 'Evidence', 'Lenses'],
    outcome.criteria.map((c) => [
      c.met ? '✅' : '❌',
      ctx.inline(c.criterion),
      c.evidence.trim() === '' ? '—' : ctx.inline(c.evidence),
      ctx.inline(c.lenses.join(', ')),
    ]),
  );
}

/** Verdict, findings table, acceptance criteria and each lens's summary. */
export function reviewSection(outcome: ReviewOutcome, ctx: Ctx, options: { summaries?: boolean } = {}): string {
  const met = outcome.criteria.filter((c) => c.met).length;
  return blocks(
    `**Verdict:** ${VERDICT_TEXT[outcome.verdict]}`,
    headline(outcome),
    outcome.findings.length > 0 && findingsTable(outcome.findings, ctx),
    outcome.criteria.length > 0 && ctx.heading(1, `Acceptance criteria (${met} of ${outcome.criteria.length} met)`),
    outcome.criteria.length > 0 && criteriaTable(outcome, ctx),
    options.summaries !== false && outcome.lenses.length > 0 && ctx.heading(1, 'Lens summaries'),
    ...(options.summaries !== false
      ? outcome.lenses.map((l) => blocks(`**${ctx.inline(l.lens)}**`, ctx.block(l.summary)))
      : []),
  );
}

/** The merged review as a step summary (capped at 1 MiB unless `options.limit` says otherwise). */
export function renderReviewMarkdown(outcome: ReviewOutcome, options: RenderOptions = {}): string {
  const ctx = makeCtx(options);
  return finish(
    blocks(ctx.heading(0, `Review: ${VERDICT_TEXT[outcome.verdict]}`), reviewSection(outcome, ctx)),
    options,
    STEP_SUMMARY_LIMIT,
  );
}

/** A finding written out in full: heading, location, lenses, body, the quoted code and any suggested replacement. */
function findingDetail(finding: MergedFinding, ctx: Ctx): string {
  return blocks(
    ctx.heading(2, `${SEVERITY_BADGE[finding.severity]}: ${ctx.inline(finding.title)}`),
    `${ctx.code(findingLocation(finding))} · ${ctx.inline(finding.lenses.join(', '))}`,
    ctx.block(finding.body),
    finding.quote.trim() !== '' && fence(finding.quote, languageOf(finding.path)),
    finding.suggestion !== null && '**Suggested replacement:**',
    finding.suggestion !== null && fence(finding.suggestion, languageOf(finding.path)),
  );
}

export interface ReviewBodyOptions extends RenderOptions {
  /** Adds the hidden marker with the run and the findings' fingerprint. */
  runId?: string;
  /**
   * Also write out the findings that are on the diff (for `review.md`, which has no inline
   * comments). Default false: on GitHub they are inline comments.
   */
  includeInline?: boolean;
}

/**
 * The body of the GitHub review (and `review.md`): verdict, counts, lens summaries, every finding
 * that could not be placed on the diff in full, and the acceptance criteria. Capped at 65,536
 * characters unless `options.limit` says otherwise.
 */
export function renderReviewBody(outcome: ReviewOutcome, options: ReviewBodyOptions = {}): string {
  const ctx = makeCtx(options);
  const inline = outcome.findings.filter((f) => f.line !== null);
  const outside = outcome.findings.filter((f) => f.line === null);
  const met = outcome.criteria.filter((c) => c.met).length;
  const markdown = blocks(
    options.runId !== undefined && reviewMarker(options.runId, findingsFingerprint(outcome)),
    ctx.heading(0, `ensemble review: ${VERDICT_TEXT[outcome.verdict]}`),
    headline(outcome),
    ...outcome.lenses.map((l) => blocks(`**${ctx.inline(l.lens)}**`, ctx.block(l.summary))),
    options.includeInline === true && inline.length > 0 && ctx.heading(1, `Findings on the diff (${inline.length})`),
    ...(options.includeInline === true ? inline.map((f) => findingDetail(f, ctx)) : []),
    outside.length > 0 && ctx.heading(1, `Findings outside the diff (${outside.length})`),
    outside.length > 0 &&
      'These findings do not point at a line this change added or shows, so they are not inline comments.',
    ...outside.map((f) => findingDetail(f, ctx)),
    outcome.criteria.length > 0 && ctx.heading(1, `Acceptance criteria (${met} of ${outcome.criteria.length} met)`),
    outcome.criteria.length > 0 && criteriaTable(outcome, ctx),
  );
  return finish(markdown, options, GITHUB_BODY_LIMIT);
}

export interface InlineCommentOptions extends RenderOptions {
  /**
   * The new-side lines of the finding's file (`rightSideLines(file)`): a ```suggestion is offered
   * only when it applies.
   */
  fileLines?: FileLines;
}

/**
 * The body of one inline review comment: severity, title, lenses, body, and a GitHub
 * ```suggestion block when `suggestionApplies`, else the replacement as a plain code block.
 * Capped at 65,536 characters unless `options.limit` says otherwise.
 */
export function renderInlineComment(finding: MergedFinding, options: InlineCommentOptions = {}): string {
  const ctx = makeCtx(options);
  const suggestion = options.fileLines === undefined ? null : suggestionText(finding, options.fileLines);
  const markdown = blocks(
    `**${SEVERITY_BADGE[finding.severity]}: ${ctx.inline(finding.title)}** · ${ctx.inline(finding.lenses.join(', '))}`,
    ctx.block(finding.body),
    suggestion !== null && fence(suggestion, 'suggestion'),
    finding.suggestion !== null && suggestion === null && '**Suggested replacement:**',
    finding.suggestion !== null && suggestion === null && fence(finding.suggestion, languageOf(finding.path)),
  );
  return finish(markdown, options, GITHUB_BODY_LIMIT);
}
