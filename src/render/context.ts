/**
 * What every renderer shares: its options and the three ways untrusted text enters a document —
 * as a block, inside a line, or as inline code — all of them neutralised (see `safe.ts`).
 */
import { inlineCode, type TextLimit, truncateMarkdown } from './markdown.ts';
import { DEFAULT_HOST, neutraliseText, type SafeOptions, safeBlock, safeInline } from './safe.ts';

export interface RenderOptions extends SafeOptions {
  /** Cap on the rendered document; each renderer documents its default. */
  limit?: TextLimit;
}

export interface Ctx {
  /** Untrusted text as its own block at column 0. */
  block(text: string): string;
  /** Untrusted text inside a line or a table cell. */
  inline(text: string): string;
  /** Untrusted text (a path, a command) as inline code. */
  code(text: string): string;
  /** A heading of `level` plus the base level of the document. */
  heading(level: number, text: string): string;
}

export function makeCtx(options: SafeOptions = {}, baseLevel = 2): Ctx {
  const host = options.allowedHost ?? DEFAULT_HOST;
  return {
    block: (text) => safeBlock(text, { allowedHost: host }),
    inline: (text) => safeInline(text, { allowedHost: host }),
    code: (text) => inlineCode(neutraliseText(text, host, 'inline')),
    heading: (level, text) => `${'#'.repeat(Math.min(6, baseLevel + level))} ${text}`,
  };
}

/** The document, ending in one newline, capped at `options.limit` or `fallback`. */
export function finish(markdown: string, options: RenderOptions, fallback: TextLimit): string {
  return truncateMarkdown(`${markdown.trim()}\n`, options.limit ?? fallback);
}
