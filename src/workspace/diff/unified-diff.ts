/**
 * A unified diff (as `git diff` writes it, or plain `diff -u`), parsed into per file its paths and
 * change kind, whether it is binary, and its hunks with old- and new-side line numbers. This is the
 * one hand-written reader of patch headers: the workspace (`pathsInPatch`), the policy, the
 * review and the prompts all read patches through it. Where it matters for safety, git reads the
 * patch a second time itself (`pathsGitReads`).
 *
 * Names, in a `diff --git` section (the lines up to its first hunk or its binary data):
 * - the `diff --git` line (`headerNames`), then `---`/`+++`, `rename from/to` and `copy from/to`,
 *   each read on its own, as git reads them; a later source overrides an earlier one in the order
 *   `rename`/`copy` lines, `---`/`+++`, header;
 * - `new file mode`, `deleted file mode`, `/dev/null` on either side and `Binary files /dev/null
 *   and …` make the file added or deleted; `copy` lines make it copied; `rename` lines, or an old
 *   and a new name that differ, make it renamed (git applies such a "modification" by writing the
 *   new name and removing the old one);
 * - every `diff --git` section gives one file, also when its names cannot be read; such a name
 *   is `''` (an ambiguous header with nothing else naming the file, a quoted name git's reader
 *   would reject), so that a caller checking paths can refuse it.
 * A `---` line directly followed by a `+++` line outside a header (before the first `diff --git`
 * line, or after a file's hunks) starts a file of its own, as in plain `diff -u` output; git's
 * `apply` reads such a file too.
 *
 * Lenient: never throws; skips what it does not understand (`index` lines, mode lines, the base85
 * data of `GIT binary patch`) and ends a hunk early when it is cut off. Hunk bodies are read by
 * their line counts, so a deleted line that reads `-- x` is never taken for a file header. A
 * trailing `\r` is part of the line ending.
 */
import { readQuoted } from './quoted-path.ts';
import { isGitSection, splitSections } from './sections.ts';

/** What a patch does to one file. */
export type ChangeKind = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied';

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
  /** The path the file has after the change; the old path for a deleted file; `''` when it cannot be read. */
  path: string;
  /** Path before the change; null for an added file; `''` when it cannot be read. */
  oldPath: string | null;
  /** Path after the change; null for a deleted file; `''` when it cannot be read. */
  newPath: string | null;
  status: ChangeKind;
  binary: boolean;
  hunks: DiffHunk[];
  /** New-side line numbers of added lines. */
  added: ReadonlySet<number>;
  /** New-side line numbers of context lines shown in a hunk. */
  context: ReadonlySet<number>;
}

/** A name as read: a path, `null` for `/dev/null` (no such side), `undefined` when not given or unreadable. */
type Name = string | null | undefined;

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/;

interface Draft {
  /** Read from a `diff --git` section (always gives a file), not a plain `---`/`+++` pair. */
  git: boolean;
  header: { a?: string; b?: string };
  /** A `---` line was read (a second one starts another file). */
  sawMinus: boolean;
  minus: Name;
  plus: Name;
  renameFrom: Name;
  renameTo: Name;
  copyFrom: Name;
  copyTo: Name;
  renamed: boolean;
  copied: boolean;
  created: boolean;
  removed: boolean;
  binary: boolean;
  hunks: DiffHunk[];
}

function newDraft(git: boolean, header: Draft['header']): Draft {
  return {
    git,
    header,
    sawMinus: false,
    minus: undefined,
    plus: undefined,
    renameFrom: undefined,
    renameTo: undefined,
    copyFrom: undefined,
    copyTo: undefined,
    renamed: false,
    copied: false,
    created: false,
    removed: false,
    binary: false,
    hunks: [],
  };
}

/** Every file `patch` changes, in order (see the module comment). */
export function parseUnifiedDiff(patch: string): DiffFile[] {
  return splitSections(patch).flatMap(parseSection);
}

/** The files of one section: one for a `diff --git` section (more if plain `---`/`+++` files follow its hunks). */
function parseSection(section: string): DiffFile[] {
  const lines = section.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const files: DiffFile[] = [];
  let draft: Draft | null = null;
  const finish = () => {
    const file = draft ? build(draft) : null;
    if (file) files.push(file);
    draft = null;
  };
  let i = 0;
  if (isGitSection(section)) {
    draft = newDraft(true, headerNames(lines[0]!.slice('diff --git '.length)));
    i = 1;
  }
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const startsFile = line.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ');
    if (startsFile && (draft === null || draft.sawMinus || draft.hunks.length > 0)) {
      // A plain unified diff (no `diff --git` line): each `---`/`+++` pair starts a file.
      finish();
      draft = newDraft(false, {});
    }
    if (draft === null) continue;
    if (HUNK_HEADER.test(line)) {
      i = readHunk(lines, i, draft);
    } else if (draft.hunks.length === 0 && readHeaderLine(draft, line) === 'binary data') {
      break; // the rest of the section is base85
    }
  }
  finish();
  return files;
}

/** Reads one line of a file's header into `draft`. */
function readHeaderLine(draft: Draft, line: string): 'binary data' | undefined {
  const after = (prefix: string) => line.slice(prefix.length);
  if (line.startsWith('--- ')) {
    draft.sawMinus = true;
    draft.minus = fileLineName(after('--- '), 'a/');
  } else if (line.startsWith('+++ ')) draft.plus = fileLineName(after('+++ '), 'b/');
  else if (line.startsWith('new file mode')) draft.created = true;
  else if (line.startsWith('deleted file mode')) draft.removed = true;
  else if (line.startsWith('rename from ')) {
    draft.renamed = true;
    draft.renameFrom = bareName(after('rename from '));
  } else if (line.startsWith('rename to ')) {
    draft.renamed = true;
    draft.renameTo = bareName(after('rename to '));
  } else if (line.startsWith('copy from ')) {
    draft.copied = true;
    draft.copyFrom = bareName(after('copy from '));
  } else if (line.startsWith('copy to ')) {
    draft.copied = true;
    draft.copyTo = bareName(after('copy to '));
  } else if (line.startsWith('Binary files ')) {
    draft.binary = true;
    if (line.startsWith('Binary files /dev/null and ')) draft.created = true;
    if (line.endsWith(' and /dev/null differ')) draft.removed = true;
  } else if (line === 'GIT binary patch') {
    draft.binary = true;
    return 'binary data';
  }
  return undefined;
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

/** The first name that was given (a path or `/dev/null`). */
function firstGiven(...names: Name[]): Name {
  return names.find((n) => n !== undefined);
}

function statusOf(draft: Draft, oldPath: Name, newPath: Name): ChangeKind {
  if (oldPath === null) return 'added';
  if (newPath === null) return 'deleted';
  if (draft.copied) return 'copied';
  if (draft.renamed) return 'renamed';
  if (oldPath !== undefined && newPath !== undefined && oldPath !== newPath) return 'renamed';
  return 'modified';
}

function build(draft: Draft): DiffFile | null {
  let oldPath = firstGiven(draft.renameFrom, draft.copyFrom, draft.minus, draft.header.a);
  let newPath = firstGiven(draft.renameTo, draft.copyTo, draft.plus, draft.header.b);
  if (draft.created) oldPath = null;
  if (draft.removed) newPath = null;
  // A plain `---`/`+++` pair of two /dev/null names changes no file; a `diff --git` section always names one.
  if (oldPath === null && newPath === null && !draft.git) return null;
  const status = statusOf(draft, oldPath, newPath);
  const shown = resolveNames(status, oldPath, newPath);
  const added = new Set<number>();
  const context = new Set<number>();
  for (const hunk of draft.hunks) {
    for (const line of hunk.lines) {
      if (line.newLine === null) continue;
      (line.kind === 'add' ? added : context).add(line.newLine);
    }
  }
  return { ...shown, status, binary: draft.binary, hunks: draft.hunks, added, context };
}

type FileNames = Pick<DiffFile, 'path' | 'oldPath' | 'newPath'>;

/** The names as `DiffFile` gives them: an unreadable side is `''`; a modified file has one name on both sides. */
function resolveNames(status: ChangeKind, oldPath: Name, newPath: Name): FileNames {
  const unread = (name: Name) => (name === undefined ? '' : name);
  if (status === 'added') return { path: newPath ?? '', oldPath: null, newPath: unread(newPath) };
  if (status === 'deleted') return { path: oldPath ?? '', oldPath: unread(oldPath), newPath: null };
  if (status === 'modified') {
    const path = newPath ?? oldPath ?? '';
    return { path, oldPath: path, newPath: path };
  }
  return { path: newPath ?? '', oldPath: unread(oldPath), newPath: unread(newPath) };
}

/**
 * The two names of a `diff --git` line (after `diff --git `), `a/` and `b/` removed; a name is
 * left out where the line does not say it unambiguously. Git quotes a name with special
 * characters but not one with spaces, so a bare pair is split only where that is unambiguous: two
 * halves `a/NAME b/NAME` (every change but a rename or copy, which names both sides on its own
 * lines), or the only ` b/` in a line that starts with `a/`.
 */
export function headerNames(rest: string): { a?: string; b?: string } {
  if (rest.startsWith('"')) {
    const first = readQuoted(rest, 0);
    if (!first || rest[first.end] !== ' ') return {};
    return { a: stripPrefix(first.value, 'a/'), b: stripPrefix(bareName(rest.slice(first.end + 1)), 'b/') };
  }
  if (rest.endsWith('"')) {
    const open = rest.lastIndexOf(' "');
    const second = open === -1 ? null : readQuoted(rest, open + 1);
    if (second) return { a: stripPrefix(rest.slice(0, open), 'a/'), b: stripPrefix(second.value, 'b/') };
  }
  if ((rest.length - 1) % 2 === 0) {
    const half = (rest.length - 1) / 2;
    const a = rest.slice(0, half);
    const b = rest.slice(half + 1);
    if (rest[half] === ' ' && a.startsWith('a/') && b.startsWith('b/') && a.slice(2) === b.slice(2)) {
      return { a: a.slice(2), b: b.slice(2) };
    }
  }
  const split = rest.indexOf(' b/');
  if (split !== -1 && rest.indexOf(' b/', split + 1) === -1 && rest.startsWith('a/')) {
    return { a: rest.slice(2, split), b: rest.slice(split + 3) };
  }
  return {};
}

/**
 * A name on a `rename`/`copy` line, or the second of a header: C-quoted or bare; a bare one may
 * end in the tab git adds after a name with a space. Undefined when a quoted name cannot be read.
 */
function bareName(field: string): string | undefined {
  if (field.startsWith('"')) return readQuoted(field, 0)?.value;
  return field.replace(/\t$/, '');
}

/**
 * The name of a `---`/`+++` line: C-quoted, or bare up to a tab (the one git writes after a name
 * with a space, or the one before `diff -u`'s timestamp).
 */
function fileLineName(text: string, prefix: 'a/' | 'b/'): Name {
  const name = text.startsWith('"') ? readQuoted(text, 0)?.value : text.split('\t', 1)[0];
  if (name === '/dev/null') return null;
  return stripPrefix(name, prefix);
}

function stripPrefix(name: string | undefined, prefix: string): string | undefined {
  if (name === undefined) return undefined;
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}
