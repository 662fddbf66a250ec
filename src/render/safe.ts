/**
 * Safe text: what model-written (and issue-written) text must go through before it reaches a
 * pull request, a comment or a step summary. It must not notify anyone, link anywhere but the
 * repository's host, close or cross-reference other issues, hide content, or break the document
 * around it.
 *
 * Decisions:
 * - Neutralising inserts a zero-width space (U+200B) at the point that breaks the construct
 *   (`@\u200Bname`, `https\u200B://`, `<\u200Bdetails>`): the text reads the same, works in any
 *   context (inside or outside code spans, tables, lists) and cannot be undone by surrounding
 *   markup, which wrapping in backticks can.
 * - Fenced code blocks that open at column 0 are left untouched: GitHub renders neither mentions,
 *   links nor HTML inside them, so code (an `@Override`, a URL in a test) keeps its exact bytes.
 *   A fence at column 0 is a fence to GitHub whatever precedes it, once HTML is neutralised; an
 *   unclosed fence is closed at the end of the text so that it cannot swallow what follows.
 * - Inline code spans ARE neutralised: where a span starts and ends depends on the whole block
 *   around it, and a span this code believed in but GitHub did not would let a mention through.
 *   Inside a span the inserted character is invisible.
 * - Email addresses (`a@b.com`) are not mentions to GitHub and are left alone: an `@` preceded
 *   by a letter, digit or `_` is never touched.
 * - Links: any URL with an authority (`scheme://host`, `//host`, and `http:host` which browsers
 *   resolve like `http://host`) and any `www.` autolink whose host is not the allowed host,
 *   exactly, is made inert. A host is only accepted when it is plain (`[a-z0-9.-]`, optional
 *   port): anything with `@`, `\`, `%` or entities is treated as foreign.
 * - Character references (`&#58;`, `&colon;`) are broken so that a URL cannot be spelt through
 *   them; raw HTML (`<tag`, `</`, `<!--`, `<?`) is broken so that no tag, comment or autolink
 *   survives; closing keywords (`Fixes #1`) and cross-repository references (`o/r#1`) are broken
 *   so that merging the pull request closes, and the text notifies, only what ensemble wrote itself.
 * - Bidirectional controls and zero-width characters already in the text are removed first.
 */

const ZWSP = '\u200b';

// ---------------------------------------------------------------------------------------------
// column-0 fenced code blocks

export interface Segment {
  code: boolean;
  text: string;
}

const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;

/** The fence that opens at this line (column 0 only), or null. */
export function fenceOpening(line: string): string | null {
  const m = FENCE_OPEN.exec(line.replace(/\r$/, ''));
  if (!m) return null;
  const fence = m[1]!;
  if (fence[0] === '`' && m[2]!.includes('`')) return null; // a backtick fence's info string has no backtick
  return fence;
}

/** Whether `line` closes a block opened by `fence` (CommonMark: up to 3 spaces, same character, at least as long). */
export function closesFence(line: string, fence: string): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line.replace(/\r$/, ''));
  return m !== null && m[1]![0] === fence[0] && m[1]!.length >= fence.length;
}

/** Splits text into prose and column-0 fenced code blocks (fence lines belong to the code segment). */
export function splitFences(text: string): { segments: Segment[]; open: string | null } {
  const segments: Segment[] = [];
  let open: string | null = null;
  let start = 0;
  let chunkStart = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl + 1;
    const line = text.slice(start, nl === -1 ? text.length : nl);
    if (open === null) {
      const fence = fenceOpening(line);
      if (fence) {
        if (start > chunkStart) segments.push({ code: false, text: text.slice(chunkStart, start) });
        chunkStart = start;
        open = fence;
      }
    } else if (closesFence(line, open)) {
      segments.push({ code: true, text: text.slice(chunkStart, end) });
      chunkStart = end;
      open = null;
    }
    if (nl === -1) break;
    start = end;
  }
  if (chunkStart < text.length) segments.push({ code: open !== null, text: text.slice(chunkStart) });
  return { segments, open };
}

/** Applies `transform` to prose only, leaving column-0 fenced code blocks as they are. */
function outsideFences(text: string, transform: (prose: string) => string): string {
  return splitFences(text)
    .segments.map((s) => (s.code ? s.text : transform(s.text)))
    .join('');
}

/** The fence a text leaves open at its end (column-0 fences), or null. */
export function openFenceAtEnd(text: string): string | null {
  return splitFences(text).open;
}

// ---------------------------------------------------------------------------------------------
// the transforms

export interface SafeTextOptions {
  /** `block` (default): column-0 fenced code blocks are kept as they are. `inline`: everything is neutralised. */
  mode?: 'block' | 'inline';
}

function apply(text: string, options: SafeTextOptions | undefined, transform: (prose: string) => string): string {
  return options?.mode === 'inline' ? transform(text) : outsideFences(text, transform);
}

/** `@user` and `@org/team` become `@\u200Buser`; `a@b.com` stays. */
export function neutraliseMentions(text: string, options?: SafeTextOptions): string {
  return apply(text, options, (prose) => prose.replace(/(?<![A-Za-z0-9_])@(?=[A-Za-z0-9])/g, `@${ZWSP}`));
}

/** Breaks `<tag`, `</`, `<!--`, `<?` and `<scheme:` so that no raw HTML, comment or autolink is rendered. */
export function neutraliseHtml(text: string, options?: SafeTextOptions): string {
  return apply(text, options, (prose) =>
    prose.replace(/<(?=[A-Za-z!/?\t])/g, `<${ZWSP}`).replace(/&(?=#?[A-Za-z0-9]+;)/g, `&${ZWSP}`),
  );
}

const CLOSING_KEYWORD =
  /(?<![A-Za-z0-9_])(close[sd]?|fix(?:e[sd])?|resolve[sd]?)(?=:?[ \t]+(?:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)?#\d|:?[ \t]+https?:)/gi;

/** `Fixes #1` no longer closes #1; `other/repo#1` no longer cross-references (and notifies) another repository. */
export function neutraliseReferences(text: string, options?: SafeTextOptions): string {
  return apply(text, options, (prose) =>
    prose.replace(CLOSING_KEYWORD, `$1${ZWSP}`).replace(/(?<=[A-Za-z0-9_.-]\/[A-Za-z0-9_.-]+)#(?=\d)/g, `#${ZWSP}`),
  );
}

const SPECIAL_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'ftp']);
// Where the authority of a URL ends, for the purpose of deciding whether it is plain.
const AUTHORITY = /^[^\s/?#<>()[\]"'`]*/;
const PLAIN_HOST = /^([a-z0-9-]+\.)*[a-z0-9-]+\.?(:\d+)?$/;

function hostAllowed(authority: string, allowed: readonly string[]): boolean {
  const trimmed = authority.replace(/[.,:;!*_~]+$/, '').toLowerCase();
  if (!PLAIN_HOST.test(trimmed)) return false;
  const host = trimmed.replace(/:\d+$/, '').replace(/\.$/, '');
  return allowed.includes(host);
}

/**
 * Links to any host but `allowedHost` (exactly; pass several for a GitHub Enterprise host and its
 * API) are made inert: the scheme or the `//` is broken, so the text stays readable but neither
 * GitHub's autolinker nor a browser follows it. Links on the allowed host, relative links,
 * `mailto:` and emails are kept.
 */
export function limitLinks(text: string, allowedHost: string | readonly string[], options?: SafeTextOptions): string {
  const allowed = (typeof allowedHost === 'string' ? [allowedHost] : [...allowedHost]).map((h) => h.toLowerCase());
  return apply(text, options, (prose) => {
    // scheme:[//]authority — for special schemes the slashes are optional (browsers add them),
    // and a backslash may stand for a slash or escape the colon.
    let out = prose.replace(
      /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*)(\\?:)([\\/]*)/g,
      (whole: string, scheme: string, colon: string, slashes: string, offset: number, all: string) => {
        if (!SPECIAL_SCHEMES.has(scheme.toLowerCase()) && slashes.length < 2) return whole;
        const authority = AUTHORITY.exec(all.slice(offset + whole.length))![0];
        if (authority === '' || hostAllowed(authority, allowed)) return whole;
        return `${scheme}${ZWSP}${colon}${slashes}`;
      },
    );
    // Protocol-relative `//host` (a link destination resolves it to another site).
    out = out.replace(
      /(?<![A-Za-z0-9+.:\\/-])([\\/])(?=[\\/])/g,
      (whole: string, first: string, offset: number, all: string) => {
        const rest = all.slice(offset + 1).replace(/^[\\/]+/, '');
        const authority = AUTHORITY.exec(rest)![0];
        if (authority === '' || hostAllowed(authority, allowed)) return whole;
        return `${first}${ZWSP}`;
      },
    );
    // GFM's `www.` autolinks.
    out = out.replace(
      /(?<![A-Za-z0-9-])(www)(?=\\?\.)/gi,
      (whole: string, www: string, offset: number, all: string) => {
        const authority = AUTHORITY.exec(all.slice(offset))![0].replace(/\\\./g, '.');
        if (hostAllowed(authority, allowed) || hostAllowed(authority.replace(/^www\./i, ''), allowed)) return whole;
        return `${www}${ZWSP}`;
      },
    );
    return out;
  });
}

/** Bidirectional controls and zero-width characters (not the joiner emoji need) hide or reorder text. */
export function stripHidden(text: string): string {
  return text.replace(/[\u200b\u200c\u2060\ufeff\u202a-\u202e\u2066-\u2069\u061c\u200e\u200f]/g, '');
}

/** Table cells and one-line contexts: newlines become spaces, pipes are escaped. */
export function escapeMarkdownInline(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
}

export interface SafeOptions {
  /** The repository's host; links elsewhere are made inert. Default `github.com`. */
  allowedHost?: string | readonly string[];
}

export const DEFAULT_HOST = 'github.com';

/** Every neutralisation, in `block` mode (column-0 fences kept) or `inline` mode (nothing kept); no escaping. */
export function neutraliseText(
  text: string,
  allowedHost: string | readonly string[],
  mode: 'block' | 'inline',
): string {
  let out = stripHidden(text);
  out = neutraliseHtml(out, { mode });
  out = limitLinks(out, allowedHost, { mode });
  out = neutraliseMentions(out, { mode });
  return neutraliseReferences(out, { mode });
}

/**
 * Untrusted text placed as its own block (paragraphs at column 0, between blank lines): every
 * neutralisation outside column-0 fenced code, and an unclosed fence closed at the end.
 */
export function safeBlock(text: string, options: SafeOptions = {}): string {
  const out = neutraliseText(text.replace(/\r\n?/g, '\n'), options.allowedHost ?? DEFAULT_HOST, 'block').replace(
    /\n+$/,
    '',
  );
  const open = openFenceAtEnd(out);
  return open === null ? out : `${out}\n${open}`;
}

/** Untrusted text placed inside a line (a table cell, a list item, a heading): on one line, all neutralised. */
export function safeInline(text: string, options: SafeOptions = {}): string {
  return escapeMarkdownInline(neutraliseText(text, options.allowedHost ?? DEFAULT_HOST, 'inline')).trim();
}
