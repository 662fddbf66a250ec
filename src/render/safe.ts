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
 * - Link reference definitions (`[label]: url "title"`, and the `[//]: # (comment)` idiom built on
 *   them) render as nothing: `]:` is broken (`]\u200B:`), so the line shows as the text it is.
 *   GFM footnote definitions (`[^1]: text`) are broken the same way and show as plain text.
 * - Invisible characters already in the text are removed first (`util/invisible.ts`: zero-width
 *   and bidirectional controls, variation-selector runs and tag characters, which spell whole
 *   sentences invisibly; one emoji presentation selector after an emoji and the joiner between
 *   two emoji are kept). Link titles and image alt text are left: GitHub shows them on hover.
 */
import { splitFences } from '../util/fences.ts';
import { stripInvisible } from '../util/invisible.ts';

const ZWSP = '\u200b';

// ---------------------------------------------------------------------------------------------
// column-0 fenced code blocks

// Fences are parsed in `util/fences.ts`, which the prompts (`agent/prompt.ts`) share.
export { closesFence, fenceOpening, type Segment, splitFences } from '../util/fences.ts';

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

/**
 * Removes what hides or reorders text: zero-width and bidirectional controls, tag characters,
 * variation-selector runs (`util/invisible.ts`; what emoji need is kept).
 */
export function stripHidden(text: string): string {
  return stripInvisible(text);
}

/** `[label]: url` (a link reference definition, rendered as nothing) becomes `[label]\u200B: url`, which shows. */
export function neutraliseDefinitions(text: string, options?: SafeTextOptions): string {
  return apply(text, options, (prose) => prose.replace(/\](?=:)/g, `]${ZWSP}`));
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
  out = neutraliseDefinitions(out, { mode });
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
