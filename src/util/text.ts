/**
 * Cutting and tidying plain text for reports, prompts and logs: one implementation of each cut.
 *
 * Lengths are JavaScript string lengths (UTF-16 code units), the unit the contracts' `max` limits
 * count, so a clipped field always passes its schema. A cut never splits a surrogate pair.
 *
 * Not here, on purpose: `truncateMarkdown` (render/markdown.ts) closes the code fences and
 * `<details>` it cuts through and counts bytes or characters, so it belongs with the Markdown
 * renderers.
 */

/** The end of the longest prefix of `text` no longer than `end` that does not split a surrogate pair. */
export function wholeCharEnd(text: string, end: number): number {
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

/** `text` when it has at most `max` characters; else its beginning and `…`, `max` characters in all. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, wholeCharEnd(text, Math.max(0, max - 1)))}…`;
}

/**
 * `text` cut to at most `max` characters with `note` at the end (saying that the rest was cut),
 * never within a character; `text` itself when it fits.
 */
export function clipWithNote(text: string, max: number, note: string): string {
  if (text.length <= max) return text;
  return `${text.slice(0, wholeCharEnd(text, Math.max(0, max - note.length)))}${note}`;
}

/** `text` without leading blank lines and trailing whitespace, then clipped to `max` characters. */
export function clipExcerpt(text: string, max: number): string {
  return clip(text.replace(/^\s*\n/, '').replace(/\s+$/, ''), max);
}

/**
 * The end of `text`: its last `max` characters after `…`, starting at a line start when one comes
 * within the first 200 of them; `text` itself when it is no longer than `max`.
 */
export function tail(text: string, max: number): string {
  if (text.length <= max) return text;
  let start = text.length - max;
  const code = text.charCodeAt(start);
  if (code >= 0xdc00 && code <= 0xdfff) start++;
  const cut = text.slice(start);
  const newline = cut.indexOf('\n');
  return `…${newline !== -1 && newline < 200 ? cut.slice(newline) : cut}`;
}

const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-_]/g;

/** `text` without ANSI colour and cursor sequences. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/**
 * A command's output as it is parsed and shown: colours removed, line endings normalised, and the
 * `workspaces` directories (with a `file://` in front or not) removed from paths, so that the
 * names in two runs in different worktrees match.
 */
export function normaliseOutput(output: string, workspaces: readonly string[] = []): string {
  let text = stripAnsi(output).replace(/\r\n?/g, '\n');
  for (const dir of workspaces) {
    if (!dir) continue;
    const prefix = `${dir.replace(/\/+$/, '')}/`;
    text = text.split(`file://${prefix}`).join('').split(prefix).join('');
  }
  return text;
}

/**
 * A configured time limit in words: `5 minutes`, `1.5 minutes`, `30 s`. (render/markdown.ts has
 * `formatDuration` for measured durations: `2 min 05 s`.)
 */
export function formatTimeLimit(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000} minute${ms === 60_000 ? '' : 's'}`;
  return ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} minutes` : `${Math.round(ms / 1000)} s`;
}
