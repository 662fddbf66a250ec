/**
 * The activity section of the tracking comment: what ensemble did after the pull request was
 * opened (CI repairs, waiting for checks, ready for review, conflicts, watching after merge), one
 * row per activity, shown as a table and kept as data in one hidden block that later writes read
 * back (`publish/activity.ts`).
 *
 * Decisions:
 * - The section is always the END of the comment, between a begin and an end marker, and is only
 *   recognised there (the body, trimmed, ends with the end marker). Model text inside a column-0
 *   code fence keeps `<!--` as it is (`safe.ts`), so a plan could spell a whole section; but a
 *   fence is always closed after it, so a forged section is never the comment's end.
 * - The rows are JSON, base64url-encoded, in a marker field: no title can end the HTML comment
 *   early (`-->`), and the policy's sanitising (links, mentions, invisible characters) cannot
 *   alter the data. The data are never more than what the table shows: the caller checks each
 *   row's text against the safe-output policy before it is stored.
 * - Parsing never throws: a missing, cut or corrupt block reads as no rows; a row that does not
 *   parse is dropped. Fields are clipped so that one row cannot crowd out the others.
 * - The whole comment stays within GitHub's 65,536 characters: the oldest rows are dropped first,
 *   and the section always has room for its newest rows (the rest of the body is truncated when
 *   it alone would not leave that room).
 */
import { z } from 'zod';
import { clip } from '../util/text.ts';
import { formatCost, GITHUB_BODY_LIMIT, table, truncateMarkdown } from './markdown.ts';
import { findMarker, marker } from './marker.ts';
import { neutraliseHtml, stripHidden } from './safe.ts';

export const ACTIVITY_KINDS = [
  'ci-rerun',
  'ci-repair',
  'ci-not-started',
  'ci-waiting',
  'ready',
  'conflict',
  'monitor',
  'revert',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_STATES = ['running', 'done', 'failed', 'stopped', 'skipped', 'note'] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];

export interface ActivityRow {
  /** Stable per activity (`ci-repair:<head sha>:<signature>`): a row with the same key is replaced, never duplicated. */
  key: string;
  kind: ActivityKind;
  state: ActivityState;
  /** `CI repair 1/3: test (CI) failed on 1a2b3c4`. */
  title: string;
  /** One paragraph of Markdown, untrusted parts already quoted by the caller. */
  detail: string | null;
  /** The workflow run, pull request or check. */
  link: string | null;
  /** ISO time. */
  at: string;
  costUsd: number | null;
}

/** Rows kept in the hidden block, newest last. */
export const MAX_ACTIVITY_ROWS = 200;
/** Rows shown in the table; older ones are counted. */
export const SHOWN_ACTIVITY_ROWS = 30;

const CAPS = { key: 200, title: 300, detail: 2_000, link: 2_000, at: 64 } as const;
/** The room the section always has, whatever the size of the rest of the comment. */
const SECTION_RESERVE = 16_384;

export const ACTIVITY_BEGIN = marker('activity-begin');
export const ACTIVITY_END = marker('activity-end');
const DATA_KIND = 'activity-rows';
const DATA_VERSION = '1';

const rowSchema = z.object({
  key: z.string().min(1),
  kind: z.enum(ACTIVITY_KINDS),
  state: z.enum(ACTIVITY_STATES),
  title: z.string(),
  detail: z.string().nullable(),
  link: z.string().nullable(),
  at: z.string(),
  costUsd: z.number().finite().nonnegative().nullable(),
});
const dataSchema = z.object({ rows: z.array(z.unknown()) });

/** The row with every field within its cap; no row outgrows the section. */
export function normaliseActivityRow(row: ActivityRow): ActivityRow {
  const text = (value: string | null, max: number) => (value === null ? null : clip(value, max));
  return {
    key: row.key.slice(0, CAPS.key),
    kind: row.kind,
    state: row.state,
    title: clip(row.title.replace(/\s*[\r\n]+\s*/g, ' ').trim(), CAPS.title),
    detail: text(row.detail === null || row.detail.trim() === '' ? null : row.detail.trim(), CAPS.detail),
    link: row.link !== null && safeLink(row.link) ? row.link : null,
    at: row.at.slice(0, CAPS.at),
    costUsd: row.costUsd,
  };
}

function safeLink(url: string): boolean {
  return url.length <= CAPS.link && /^https?:\/\/[^\s<>"'`()[\]]+$/.test(url);
}

/** The rows upserted by key: a known key keeps its place (updated in place), a new one goes last. */
export function upsertActivityRows(rows: readonly ActivityRow[], added: readonly ActivityRow[]): ActivityRow[] {
  const out = [...rows];
  for (const row of added) {
    const at = out.findIndex((r) => r.key === row.key);
    if (at >= 0) out[at] = row;
    else out.push(row);
  }
  return out;
}

function encodeRows(rows: readonly ActivityRow[]): string {
  return Buffer.from(JSON.stringify({ rows }), 'utf8').toString('base64url');
}

function decodeRows(data: string | undefined): ActivityRow[] {
  if (!data || !/^[A-Za-z0-9_-]*$/.test(data)) return [];
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(data, 'base64url').toString('utf8'));
  } catch {
    return [];
  }
  const parsed = dataSchema.safeParse(json);
  if (!parsed.success) return [];
  const rows: ActivityRow[] = [];
  for (const candidate of parsed.data.rows.slice(-MAX_ACTIVITY_ROWS)) {
    const row = rowSchema.safeParse(candidate);
    if (row.success) rows.push(normaliseActivityRow(row.data));
  }
  return upsertActivityRows([], rows);
}

/**
 * The body split into what precedes the activity section and the section's rows. A body without a
 * section at its end (see the module's decisions) is all `rest`, with no rows.
 */
export function splitActivity(body: string): { rest: string; rows: ActivityRow[] } {
  const trimmed = body.trimEnd();
  if (!trimmed.endsWith(ACTIVITY_END)) return { rest: body, rows: [] };
  const begin = trimmed.lastIndexOf(ACTIVITY_BEGIN);
  if (begin < 0) return { rest: body, rows: [] };
  const section = trimmed.slice(begin);
  const data = findMarker(section, DATA_KIND);
  const rows = data?.fields['v'] === DATA_VERSION ? decodeRows(data.fields['data']) : [];
  return { rest: `${trimmed.slice(0, begin).trimEnd()}\n`, rows };
}

const STATE_SHOWN: Record<ActivityState, string> = {
  running: '⏳ running',
  done: '✅ done',
  failed: '❌ failed',
  stopped: '🛑 stopped',
  skipped: '⏭️ skipped',
  note: 'ℹ️ note',
};

/**
 * Text in a table cell: one line, no HTML (so no comment can open), pipes escaped once. Invisible
 * characters are removed but U+200B, which the policy inserted to neutralise links and mentions.
 */
function cell(text: string): string {
  const visible = text.split('\u200b').map(stripHidden).join('\u200b');
  const flat = neutraliseHtml(visible, { mode: 'inline' }).replace(/\s*[\r\n]+\s*/g, ' ');
  // A pipe already escaped (`inlineCode` escapes them) is left as it is: `\\|` would end the cell.
  return flat.replace(/(\\*)\|/g, (whole, slashes: string) => (slashes.length % 2 === 0 ? `${slashes}\\|` : whole));
}

/** `2024-05-01 12:34 UTC`, or the text as given when it is not a time. */
function when(at: string): string {
  const time = Date.parse(at);
  if (Number.isNaN(time)) return cell(at) || '—';
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The section for `rows` (normalised, newest last): heading, table, and the hidden data. */
export function renderActivitySection(rows: readonly ActivityRow[]): string {
  const shown = rows.slice(-SHOWN_ACTIVITY_ROWS);
  const hidden = rows.length - shown.length;
  const lines = shown.map((row) => {
    const link = row.link ? ` ([view](${row.link}))` : '';
    const detail = row.detail ? `<br>${cell(row.detail)}` : '';
    return [when(row.at), `${cell(row.title)}${link}${detail}`, STATE_SHOWN[row.state], formatCost(row.costUsd)];
  });
  const costs = rows.filter((r) => r.costUsd !== null).map((r) => r.costUsd as number);
  const total = costs.reduce((sum, c) => sum + c, 0);
  const earlier = hidden === 1 ? '1 earlier activity is' : `${hidden} earlier activities are`;
  return [
    ACTIVITY_BEGIN,
    '',
    '### After the pull request',
    '',
    table(['When', 'Activity', 'State', 'Cost'], lines, 'lllr'),
    ...(hidden > 0 ? ['', `_${earlier} not shown._`] : []),
    ...(costs.length > 0 ? ['', `Spent after the pull request: ${formatCost(total)}.`] : []),
    '',
    marker(DATA_KIND, { v: DATA_VERSION, data: encodeRows(rows) }),
    ACTIVITY_END,
  ].join('\n');
}

/**
 * `rest` (a tracking comment without its section) followed by the section for `rows`, within
 * GitHub's body limit: the oldest rows dropped first, the rest truncated only when it alone leaves
 * the section less than its reserve. No rows: `rest` as it is.
 */
export function composeActivity(rest: string, rows: readonly ActivityRow[]): string {
  if (rows.length === 0) return rest;
  const max = GITHUB_BODY_LIMIT.max;
  const head = rest.trimEnd();
  // `head`, a blank line, the section, a final newline.
  const room = Math.max(max - head.length - 3, SECTION_RESERVE);
  let kept = upsertActivityRows([], rows.map(normaliseActivityRow)).slice(-MAX_ACTIVITY_ROWS);
  let section = renderActivitySection(kept);
  while (kept.length > 1 && section.length > room) {
    kept = kept.slice(1);
    section = renderActivitySection(kept);
  }
  const fits = head.length + section.length + 3 <= max;
  const before = fits ? head : truncateMarkdown(head, { unit: 'chars', max: max - section.length - 3 }).trimEnd();
  return `${before}\n\n${section}\n`;
}

/** Rows recorded in a tracking comment body (from the hidden block, not from the visible table). */
export function activityRows(body: string): ActivityRow[] {
  return splitActivity(body).rows;
}

/** The body with `row` upserted (by key) and the activity section re-rendered; the rest of the body unchanged. */
export function withActivity(body: string, row: ActivityRow): string {
  const { rest, rows } = splitActivity(body);
  return composeActivity(rest, upsertActivityRows(rows, [normaliseActivityRow(row)]));
}

/**
 * `next` (a freshly rendered tracking body) with the activity section of `previous` carried over.
 * Rows `next` already carries (a body made by `withActivity`) win over `previous`'s of the same
 * key; rows written to `previous` meanwhile are kept. No rows anywhere: `next` as it is.
 */
export function carryActivity(previous: string | null, next: string): string {
  const carried = previous === null ? [] : splitActivity(previous).rows;
  const { rest, rows } = splitActivity(next);
  if (carried.length === 0 && rows.length === 0) return next;
  return composeActivity(rest, upsertActivityRows(carried, rows));
}
