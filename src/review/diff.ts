/**
 * A unified diff (as `git diff` writes it, or plain `diff -u`), parsed into what the review
 * needs: per file its paths and status, its hunks with new-side line numbers, and the lines a
 * pull-request review may comment on — GitHub accepts inline comments on the RIGHT side only on
 * lines inside a hunk (added or context lines), never between hunks.
 *
 * The parser is lenient: it never throws, skips what it does not understand (`index` lines,
 * mode lines, the base85 data of `GIT binary patch`) and ends a hunk early when it is cut off.
 * Hunk bodies are read by their line counts, so a deleted line that reads `-- x` is never taken
 * for a file header. A trailing `\r` is treated as part of the line ending.
 */

import { readQuoted } from '../workspace/diff/index.ts';

export type DiffStatus = 'added' | 'deleted' | 'modified' | 'renamed' | 'copied';

export interface DiffLine {
  kind: 'add' | 'delete' | 'context';
  /** The line's text, without its `+`/`-`/` ` marker. */
  text: string;
  /** Line in the old file; null for added lines. */
  oldLine: number | null;
  /** Line in the new file; null for deleted lines. */
  newLine: number | null;
}

export interface DiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** The text after the second `@@` (git's function context), trimmed. */
  section: string;
  lines: DiffLine[];
}

export interface DiffFile {
  /** The path the file has after the change; the old path for a deleted file. */
  path: string;
  /** Path before the change; null for an added file. */
  oldPath: string | null;
  /** Path after the change; null for a deleted file. */
  newPath: string | null;
  status: DiffStatus;
  binary: boolean;
  hunks: DiffHunk[];
  /** New-side line numbers of added lines. */
  added: ReadonlySet<number>;
  /** New-side line numbers of context lines shown in a hunk. */
  context: ReadonlySet<number>;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/;

interface Draft {
  header: { a: string | null; b: string | null } | null;
  minus: string | null | undefined;
  plus: string | null | undefined;
  renameFrom?: string;
  renameTo?: string;
  copyFrom?: string;
  copyTo?: string;
  created: boolean;
  removed: boolean;
  binary: boolean;
  hunks: DiffHunk[];
}

function newDraft(header: Draft['header']): Draft {
  return { header, minus: undefined, plus: undefined, created: false, removed: false, binary: false, hunks: [] };
}

export function parseUnifiedDiff(patch: string): DiffFile[] {
  const lines = patch.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const files: DiffFile[] = [];
  let draft: Draft | null = null;
  let inBinaryData = false;
  const finish = () => {
    if (draft) {
      const file = build(draft);
      if (file) files.push(file);
    }
    draft = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('diff --git ')) {
      finish();
      draft = newDraft(splitGitHeader(line.slice('diff --git '.length)));
      inBinaryData = false;
      continue;
    }
    if (inBinaryData) continue;
    const next = lines[i + 1] ?? '';
    if (line.startsWith('--- ') && next.startsWith('+++ ')) {
      if (draft === null || draft.minus !== undefined || draft.hunks.length > 0) {
        // A plain unified diff (no `diff --git` line): each `---`/`+++` pair starts a file.
        finish();
        draft = newDraft(null);
      }
      const current: Draft = draft!;
      current.minus = parseFileLine(line.slice(4), 'a/');
      current.plus = parseFileLine(next.slice(4), 'b/');
      i += 1;
      continue;
    }
    if (draft === null) continue;
    const current: Draft = draft;
    if (HUNK_HEADER.test(line)) {
      i = readHunk(lines, i, current);
      continue;
    }
    if (current.hunks.length > 0) continue;
    if (line.startsWith('new file mode')) current.created = true;
    else if (line.startsWith('deleted file mode')) current.removed = true;
    else if (line.startsWith('rename from ')) current.renameFrom = parseBarePath(line.slice('rename from '.length));
    else if (line.startsWith('rename to ')) current.renameTo = parseBarePath(line.slice('rename to '.length));
    else if (line.startsWith('copy from ')) current.copyFrom = parseBarePath(line.slice('copy from '.length));
    else if (line.startsWith('copy to ')) current.copyTo = parseBarePath(line.slice('copy to '.length));
    else if (line.startsWith('Binary files ')) {
      current.binary = true;
      if (line.startsWith('Binary files /dev/null and ')) current.created = true;
      if (line.endsWith(' and /dev/null differ')) current.removed = true;
    } else if (line === 'GIT binary patch') {
      current.binary = true;
      inBinaryData = true;
    }
  }
  finish();
  return files;
}

function readHunk(lines: readonly string[], start: number, draft: Draft): number {
  const m = HUNK_HEADER.exec(lines[start]!)!;
  const oldStart = Number(m[1]);
  const oldLines = m[2] === undefined ? 1 : Number(m[2]);
  const newStart = Number(m[3]);
  const newLines = m[4] === undefined ? 1 : Number(m[4]);
  const hunk: DiffHunk = { oldStart, oldLines, newStart, newLines, section: m[5]!.trim(), lines: [] };
  let oldLine = oldStart;
  let newLine = newStart;
  let oldLeft = oldLines;
  let newLeft = newLines;
  let i = start + 1;
  for (; i < lines.length && (oldLeft > 0 || newLeft > 0); i++) {
    const line = lines[i]!;
    const marker = line[0];
    if (marker === ' ' || (line === '' && i < lines.length - 1 && oldLeft > 0 && newLeft > 0)) {
      // An empty line (not the end of the input) is a context line whose space an editor removed.
      hunk.lines.push({ kind: 'context', text: line.slice(1), oldLine: oldLine++, newLine: newLine++ });
      oldLeft--;
      newLeft--;
    } else if (marker === '-' && oldLeft > 0) {
      hunk.lines.push({ kind: 'delete', text: line.slice(1), oldLine: oldLine++, newLine: null });
      oldLeft--;
    } else if (marker === '+' && newLeft > 0) {
      hunk.lines.push({ kind: 'add', text: line.slice(1), oldLine: null, newLine: newLine++ });
      newLeft--;
    } else if (marker !== '\\') {
      break; // cut off: keep what was read
    }
  }
  while (i < lines.length && lines[i]!.startsWith('\\')) i++; // "\ No newline at end of file"
  draft.hunks.push(hunk);
  return i - 1;
}

function build(draft: Draft): DiffFile | null {
  let oldPath = draft.renameFrom ?? draft.copyFrom ?? (draft.minus !== undefined ? draft.minus : (draft.header?.a ?? null));
  let newPath = draft.renameTo ?? draft.copyTo ?? (draft.plus !== undefined ? draft.plus : (draft.header?.b ?? null));
  if (draft.created) oldPath = null;
  if (draft.removed) newPath = null;
  const path = newPath ?? oldPath;
  if (path === null) return null;
  let status: DiffStatus = 'modified';
  if (oldPath === null) status = 'added';
  else if (newPath === null) status = 'deleted';
  else if (draft.copyFrom !== undefined) status = 'copied';
  else if (oldPath !== newPath) status = 'renamed';
  const added = new Set<number>();
  const context = new Set<number>();
  for (const hunk of draft.hunks) {
    for (const line of hunk.lines) {
      if (line.newLine === null) continue;
      (line.kind === 'add' ? added : context).add(line.newLine);
    }
  }
  return { path, oldPath, newPath, status, binary: draft.binary, hunks: draft.hunks, added, context };
}

/**
 * The two paths of `diff --git a/x b/y`. Paths with spaces are not quoted by git, so an unquoted
 * pair is split where both halves name the same file (git's own rule); the `---`/`+++` and
 * `rename` lines, when present, override these paths anyway.
 */
function splitGitHeader(rest: string): { a: string | null; b: string | null } {
  let a: string;
  let b: string;
  if (rest.startsWith('"')) {
    const [first, after] = quotedAndRest(rest);
    const tail = after.startsWith(' ') ? after.slice(1) : after;
    a = first;
    b = tail.startsWith('"') ? quotedAndRest(tail)[0] : tail;
  } else if (rest.endsWith('"') && rest.includes(' "')) {
    const at = rest.lastIndexOf(' "');
    a = rest.slice(0, at);
    b = quotedAndRest(rest.slice(at + 1))[0];
  } else {
    const half = (rest.length - 1) / 2;
    if (Number.isInteger(half) && rest[half] === ' ' && rest.slice(2, half) === rest.slice(half + 3)) {
      a = rest.slice(0, half);
      b = rest.slice(half + 1);
    } else {
      const at = rest.indexOf(' b/');
      a = at >= 0 ? rest.slice(0, at) : rest;
      b = at >= 0 ? rest.slice(at + 1) : rest;
    }
  }
  return { a: stripPrefix(a, 'a/'), b: stripPrefix(b, 'b/') };
}

/** `--- a/path` / `+++ b/path`, possibly quoted, possibly followed by a tab and a timestamp. */
function parseFileLine(text: string, prefix: string): string | null {
  let path: string;
  if (text.startsWith('"')) path = quotedAndRest(text)[0];
  else {
    const tab = text.indexOf('\t');
    path = tab >= 0 ? text.slice(0, tab) : text;
  }
  return stripPrefix(path, prefix);
}

function parseBarePath(text: string): string {
  return text.startsWith('"') ? quotedAndRest(text)[0] : text;
}

function stripPrefix(path: string, prefix: string): string | null {
  if (path === '/dev/null') return null;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** A C-quoted path (`readQuoted`) and what follows its closing quote; the text as it is when it cannot be read. */
function quotedAndRest(text: string): [string, string] {
  const read = readQuoted(text);
  return read ? [read.value, text.slice(read.end)] : [text, ''];
}

/** The file of the diff a review finding names: by new path, else by the old path of a rename. */
export function findDiffFile(files: readonly DiffFile[], path: string): DiffFile | undefined {
  return files.find((f) => f.path === path) ?? files.find((f) => f.oldPath === path && f.newPath !== null);
}

/** Whether GitHub accepts an inline comment on this new-side line (inside a hunk). */
export function isCommentable(file: DiffFile, line: number): boolean {
  return file.added.has(line) || file.context.has(line);
}

/** The hunk that shows new-side `line`, if any. */
export function hunkOf(file: DiffFile, line: number): DiffHunk | undefined {
  return file.hunks.find((h) => h.lines.some((l) => l.newLine === line));
}

/** New-side text of every line the diff shows (added and context), by line number. */
export function rightSideLines(file: DiffFile): Map<number, string> {
  const lines = new Map<number, string>();
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) if (line.newLine !== null) lines.set(line.newLine, line.text);
  }
  return lines;
}
