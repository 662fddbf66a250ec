/**
 * Markdown building blocks shared by the renderers: code fences and spans that their content
 * cannot break, tables, number formats, and the size cap every rendered document respects.
 */
import { wholeCharEnd } from '../util/text.ts';
import { closesFence, escapeMarkdownInline, fenceOpening } from './safe.ts';

/** A size limit: `bytes` of UTF-8 (step summaries) or `chars` (GitHub bodies and comments). */
export interface TextLimit {
  unit: 'bytes' | 'chars';
  max: number;
}

/** GitHub refuses a step summary above 1 MiB. */
export const STEP_SUMMARY_LIMIT: TextLimit = { unit: 'bytes', max: 1_048_576 };
/** GitHub's limit on a pull request body, an issue comment and a review (comment) body. */
export const GITHUB_BODY_LIMIT: TextLimit = { unit: 'chars', max: 65_536 };

function sizeOf(text: string, unit: TextLimit['unit']): number {
  return unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
}

function describeLimit(limit: TextLimit): string {
  if (limit.unit === 'bytes' && limit.max % 1_048_576 === 0) return `${limit.max / 1_048_576} MiB`;
  return `${formatCount(limit.max)} ${limit.unit === 'bytes' ? 'bytes' : 'characters'}`;
}

/** The note that ends a truncated document. */
export function truncationNote(limit: TextLimit): string {
  return (
    `> [!WARNING]\n> **Truncated**: this text was longer than ${describeLimit(limit)} and was cut here; ` +
    "the run's artifacts hold everything."
  );
}

/** What must be appended to `prefix` to close what it leaves open: a code fence, `<details>` elements. */
function closersFor(prefix: string): string {
  let fence: string | null = null;
  let details = 0;
  for (const line of prefix.split('\n')) {
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    const opening = fenceOpening(line);
    if (opening) fence = opening;
    else if (line.startsWith('<details')) details++;
    else if (line.startsWith('</details>') && details > 0) details--;
  }
  return (fence === null ? '' : `\n${fence}`) + '\n</details>'.repeat(details);
}

/**
 * `markdown` if it fits `limit`, else the longest prefix that fits together with what closes its
 * open code fence and `<details>` and a visible truncation note. Cuts at a line end when one is
 * near, never inside a character. Kept here rather than with the plain-text cuts in util/text.ts:
 * it has to know Markdown (fences, `<details>`) and can count UTF-8 bytes.
 */
export function truncateMarkdown(markdown: string, limit: TextLimit): string {
  if (sizeOf(markdown, limit.unit) <= limit.max) return markdown;
  const note = `\n\n${truncationNote(limit)}\n`;
  const room = limit.max - sizeOf(note, limit.unit);
  if (room <= 0) return note.trim().slice(0, limit.max);
  // Longest prefix that fits `room` (binary search; UTF-8 size grows with length).
  let lo = 0;
  let hi = Math.min(markdown.length, room);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (sizeOf(markdown.slice(0, mid), limit.unit) <= room) lo = mid;
    else hi = mid - 1;
  }
  let end = wholeCharEnd(markdown, lo);
  const newline = markdown.lastIndexOf('\n', end - 1);
  if (newline > 0 && end - newline <= 4_096) end = newline;
  for (;;) {
    const prefix = markdown.slice(0, end).replace(/\s+$/, '');
    const result = prefix + closersFor(prefix) + note;
    if (sizeOf(result, limit.unit) <= limit.max || end === 0) return end === 0 ? note.trim() : result;
    const previous = markdown.lastIndexOf('\n', end - 1);
    end = wholeCharEnd(markdown, previous > 0 ? previous : Math.max(0, end - (sizeOf(result, limit.unit) - limit.max)));
  }
}

// ---------------------------------------------------------------------------------------------
// code

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    if (current > longest) longest = current;
  }
  return longest;
}

/**
 * A fenced code block at column 0 whose fence is longer than any backtick run in `content`, so
 * nothing in it can close it early. `content` is shown as it is (code is never neutralised).
 */
export function fence(content: string, info = ''): string {
  const ticks = '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
  const body = content.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  return `${ticks}${info}\n${body}\n${ticks}`;
}

/** An inline code span on one line that its content cannot close (pipes escaped for tables). */
export function inlineCode(text: string): string {
  const flat = escapeMarkdownInline(text);
  const ticks = '`'.repeat(longestRun(flat, '`') + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/** ANSI colour and cursor sequences, which test output is full of. */
// Unlike util/text.ts's stripAnsi, removes OSC sequences whole (links, titles) and keeps other 2-byte escapes.
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\u001b\][^\u0007]*\u0007/g, '');
}

// ---------------------------------------------------------------------------------------------
// tables and numbers

/** A GitHub table; cells must already be inline-safe. `align` per column: `l` (default) or `r`. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align: string = ''): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  const rule = `|${header.map((_, i) => (align[i] === 'r' ? '---:' : '---')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** `12,345`, independent of the machine's locale. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `$0.0123`, or `—` when the cost is not known. */
export function formatCost(usd: number | null): string {
  return usd === null ? '—' : `$${usd.toFixed(4)}`;
}

/** `850 ms`, `41.3 s`, `2 min 05 s`, `1 h 02 min`. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1_000);
  if (seconds < 3_600) return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Joins blocks with one blank line, dropping empty ones. */
export function blocks(...parts: readonly (string | null | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join('\n\n');
}
