import { constants, type Dirent } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { listWorktreeFiles } from '../../workspace/files.ts';
import { GitError } from '../../workspace/git.ts';
import { PathError, resolveInWorkspace, toWorkspacePath } from '../paths.ts';
import { runGitLines } from './git.ts';
import { defineTool } from './types.ts';

/** Most paths `list_files` returns. */
export const LIST_MAX_ENTRIES = 500;
/** Most lines and characters `read_file` returns in one call, and the longest line shown whole. */
export const READ_MAX_LINES = 2_000;
export const READ_MAX_CHARS = 60_000;
export const READ_MAX_LINE_CHARS = 2_000;
/** Files larger than this are not read at all. */
export const READ_MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Most matching lines `search` returns, and the longest line shown whole. */
export const SEARCH_MAX_MATCHES = 200;
export const SEARCH_MAX_LINE_CHARS = 400;

/** Git's own heuristic: a NUL byte in the first 8,000 bytes means binary. */
function isBinary(buffer: Buffer): boolean {
  return buffer.subarray(0, 8_000).includes(0);
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : undefined;
}

/** Reads a regular text file the tools may show or edit; throws a message the model can act on. */
async function readTextFile(absolute: string, shown: string): Promise<Buffer> {
  const info = await stat(absolute);
  if (info.isDirectory()) throw new Error(`${shown} is a directory; use list_files to see what it holds`);
  if (!info.isFile()) throw new Error(`${shown} is not a regular file`);
  if (info.size > READ_MAX_FILE_BYTES) {
    throw new Error(`${shown} is too large to read (${info.size} bytes); use search to find the lines you need`);
  }
  const buffer = await readFile(absolute);
  if (isBinary(buffer))
    throw new Error(`${shown} is a binary file (${buffer.length} bytes); only text files can be read or edited`);
  return buffer;
}

/** Lines of a text, without their terminators; a final newline does not start another line. */
function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

async function writeNoFollow(absolute: string, content: string | Buffer): Promise<void> {
  // O_NOFOLLOW: a symlink swapped in after the path check is not followed.
  const handle = await open(
    absolute,
    constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW,
    0o644,
  );
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
}

async function walk(root: string, dir: string, out: string[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name === '.git') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(root, full, out);
    else out.push(toWorkspacePath(root, full));
  }
}

/**
 * The files of `listed` under the directory `rel` (`.` for all), as git's literal pathspec `rel`
 * selects them: `rel` itself too (a submodule's entry is a directory in the checkout).
 */
function filesUnder(listed: readonly string[], rel: string): string[] {
  if (rel === '.') return [...listed];
  return listed.filter((p) => p === rel || p.startsWith(`${rel}/`));
}

export const listFilesTool = defineTool({
  name: 'list_files',
  readOnly: true,
  description:
    'List the files under a directory of the repository, recursively, as paths relative to the repository root. ' +
    'Git-aware: files that git ignores (build output, dependencies) are left out; untracked new files are included. ' +
    `At most ${LIST_MAX_ENTRIES} paths are returned; list a subdirectory to see more.`,
  inputSchema: z.strictObject({
    path: z
      .string()
      .default('.')
      .describe('Directory relative to the repository root; "." (the default) for the whole repository'),
  }),
  async execute(input, ctx) {
    const absolute = resolveInWorkspace(ctx.workspace, input.path, { mustExist: true });
    const root = resolveInWorkspace(ctx.workspace, '.');
    const rel = toWorkspacePath(ctx.workspace, absolute);
    if (!(await stat(absolute)).isDirectory()) return rel;

    let files: string[];
    const listed = ctx.listed
      ? filesUnder(ctx.listed, rel)
      : await listWorktreeFiles(root, { under: rel }).catch((error: unknown) => {
          if (!(error instanceof GitError)) throw error;
          if (/not a git repository/i.test(error.stderr)) return null; // not a repository: walk the directory
          throw new Error(`git ls-files failed: ${error.stderr || `exit code ${error.exitCode}`}`);
        });
    if (listed) {
      files = listed.filter((line) => line !== '');
      // Tracked files deleted from the working tree are listed by git but are not there to read.
      const present = await Promise.all(
        files.map((file) =>
          lstat(path.join(root, file)).then(
            () => true,
            () => false,
          ),
        ),
      );
      files = files.filter((_, index) => present[index]);
    } else {
      files = [];
      await walk(root, absolute, files);
    }
    files.sort();

    if (files.length === 0) return `No files under ${rel} (files that git ignores are not listed).`;
    const shown = files.slice(0, LIST_MAX_ENTRIES);
    const omitted = files.length - shown.length;
    const lines = [...shown];
    if (omitted > 0)
      lines.push(`[… ${omitted} more files omitted (${files.length} in all); list a subdirectory to see them]`);
    return lines.join('\n');
  },
});

export const readFileTool = defineTool({
  name: 'read_file',
  readOnly: true,
  description:
    'Read a text file with line numbers ("<number>\\t<line>"), whole or a line range. ' +
    `Returns at most ${READ_MAX_LINES} lines or ${READ_MAX_CHARS} ` +
    'characters per call, with a note saying where to continue. ' +
    'The line numbers are not part of the file: leave them out of edit_file strings.',
  inputSchema: z
    .strictObject({
      path: z.string().describe('File path relative to the repository root'),
      start_line: z.number().int().min(1).optional().describe('First line to show, 1-based (default 1)'),
      end_line: z
        .number()
        .int()
        .min(1)
        .optional()
        .describe('Last line to show, inclusive (default: the end of the file)'),
    })
    .refine(
      (input) => input.start_line === undefined || input.end_line === undefined || input.end_line >= input.start_line,
      {
        message: 'end_line must not be before start_line',
        path: ['end_line'],
      },
    ),
  async execute(input, ctx) {
    const absolute = resolveInWorkspace(ctx.workspace, input.path, { mustExist: true });
    const rel = toWorkspacePath(ctx.workspace, absolute);
    const buffer = await readTextFile(absolute, rel);
    if (buffer.length === 0) return `${rel} is empty (0 lines).`;
    const lines = splitLines(buffer.toString('utf8'));
    const total = lines.length;
    const start = input.start_line ?? 1;
    if (start > total) throw new Error(`start_line ${start} is past the end of ${rel}, which has ${total} lines`);
    const end = Math.min(input.end_line ?? total, total);

    const width = String(end).length;
    const out: string[] = [];
    let chars = 0;
    let last = start - 1;
    for (let n = start; n <= end && out.length < READ_MAX_LINES; n += 1) {
      let line = lines[n - 1] ?? '';
      if (line.length > READ_MAX_LINE_CHARS) {
        line =
          `${line.slice(0, READ_MAX_LINE_CHARS)} ` +
          `[… ${line.length - READ_MAX_LINE_CHARS} more characters on this line]`;
      }
      const entry = `${String(n).padStart(width)}\t${line}`;
      if (out.length > 0 && chars + entry.length > READ_MAX_CHARS) break;
      out.push(entry);
      chars += entry.length + 1;
      last = n;
    }
    const header = `${rel} (lines ${start}-${last} of ${total})`;
    const note =
      last < end
        ? [`[… output limit reached at line ${last} of ${total}; read the rest with start_line=${last + 1}]`]
        : [];
    return [header, ...out, ...note].join('\n');
  },
});

/** True when a search path uses glob characters (then it is a git pathspec, not a file to resolve). */
function isGlob(value: string): boolean {
  return /[*?[\]]/.test(value) || value.startsWith(':');
}

export const searchTool = defineTool({
  name: 'search',
  readOnly: true,
  description:
    'Search file contents with a regular expression (git grep ' +
    '-E: POSIX extended syntax, so use [0-9] rather than \\d). ' +
    'Searches tracked and untracked files that git does not ignore; binary files are skipped. ' +
    `Returns "path:line:text" for each matching line, at most ${SEARCH_MAX_MATCHES}.`,
  inputSchema: z.strictObject({
    pattern: z.string().min(1).describe('Extended regular expression'),
    path: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Limit the search to a directory, a file or a glob such as ' +
          '"*.ts" or "src/**/*.test.ts" (default: whole repository)',
      ),
    ignore_case: z.boolean().optional().describe('Match case-insensitively'),
  }),
  async execute(input, ctx) {
    const root = resolveInWorkspace(ctx.workspace, '.');
    let pathspecs: string[] = [];
    if (input.path !== undefined) {
      if (isGlob(input.path)) {
        const segments = input.path.split(/[\\/]/);
        if (path.isAbsolute(input.path) || segments.includes('..')) {
          throw new PathError(
            `path ${JSON.stringify(input.path)} must be a glob relative to the repository root, without ".."`,
          );
        }
        // Plain git pathspecs let "*" cross directories ("*.ts" matches at any depth); glob magic
        // lets "**/" match no directory at all ("src/**/*.ts" matches src/a.ts). Offer both.
        pathspecs = input.path.startsWith(':') ? [input.path] : [input.path, `:(glob)${input.path}`];
      } else {
        const absolute = resolveInWorkspace(ctx.workspace, input.path, { mustExist: true });
        pathspecs = [`:(literal)${toWorkspacePath(ctx.workspace, absolute)}`];
      }
    }
    const flags = [
      '-n',
      '-I',
      '-E',
      '--no-color',
      ...(input.ignore_case ? ['-i'] : []),
      '-e',
      input.pattern,
      '--',
      ...pathspecs,
    ];
    let git = await runGitLines(root, ['grep', '--untracked', ...flags], { maxLines: SEARCH_MAX_MATCHES });
    if (git.code !== 0 && git.code !== 1 && /not a git repository/i.test(git.stderr)) {
      git = await runGitLines(root, ['grep', '--no-index', '--exclude-standard', ...flags], {
        maxLines: SEARCH_MAX_MATCHES,
      });
    }
    const where = input.path === undefined ? '' : ` in ${input.path}`;
    if (git.code === 1 && git.total === 0) return `No matches for /${input.pattern}/${where}.`;
    if (git.code !== 0) throw new Error(`search failed: ${git.stderr || `git grep exit code ${git.code}`}`);
    const lines = git.lines.map((line) =>
      line.length > SEARCH_MAX_LINE_CHARS ? `${line.slice(0, SEARCH_MAX_LINE_CHARS)} [… line truncated]` : line,
    );
    if (git.total > lines.length) {
      lines.push(
        `[… ${git.total - lines.length} more matching lines omitted ` +
          `(${git.total} in all); narrow the pattern or the path]`,
      );
    }
    return lines.join('\n');
  },
});

export const writeFileTool = defineTool({
  name: 'write_file',
  description:
    'Create a file, or replace the whole content of an existing one. Parent directories are created. ' +
    'To change part of an existing file, prefer edit_file.',
  inputSchema: z.strictObject({
    path: z.string().min(1).describe('File path relative to the repository root'),
    content: z.string().max(5_000_000).describe('The complete new content of the file'),
  }),
  async execute(input, ctx) {
    const absolute = resolveInWorkspace(ctx.workspace, input.path);
    const rel = toWorkspacePath(ctx.workspace, absolute);
    if (rel === '.') throw new PathError('write_file needs a file path, not the repository root');
    let existed = false;
    try {
      const info = await lstat(absolute);
      if (info.isDirectory()) throw new Error(`${rel} is a directory; write_file writes files`);
      existed = true;
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
    await mkdir(path.dirname(absolute), { recursive: true });
    await writeNoFollow(absolute, input.content);
    ctx.filesWritten.add(rel);
    const bytes = Buffer.byteLength(input.content);
    const lineCount = input.content === '' ? 0 : splitLines(input.content).length;
    return `${existed ? 'Replaced' : 'Created'} ${rel} (${lineCount} lines, ${bytes} bytes).`;
  },
});

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) count += 1;
  return count;
}

export const editFileTool = defineTool({
  name: 'edit_file',
  description:
    'Replace one exact occurrence of old_string in a file with new_string. old_string must match the file exactly ' +
    '(whitespace and indentation included, line numbers excluded) and must occur exactly once: include enough ' +
    'surrounding lines to make it unique. Returns the edited region with line numbers.',
  inputSchema: z.strictObject({
    path: z.string().min(1).describe('File path relative to the repository root'),
    old_string: z.string().min(1).describe('The exact text to replace; it must occur exactly once in the file'),
    new_string: z.string().describe('The replacement text (may be empty to delete)'),
  }),
  async execute(input, ctx) {
    const absolute = resolveInWorkspace(ctx.workspace, input.path, { mustExist: true });
    const rel = toWorkspacePath(ctx.workspace, absolute);
    const buffer = await readTextFile(absolute, rel);
    const text = buffer.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(buffer)) {
      throw new Error(`${rel} is not valid UTF-8; edit_file would corrupt it (use run_command with a suitable tool)`);
    }
    if (input.old_string === input.new_string)
      throw new Error('old_string and new_string are identical; there is nothing to change');

    let oldString = input.old_string;
    let newString = input.new_string;
    let count = countOccurrences(text, oldString);
    // A file with CRLF line ends, and old_string written with plain newlines: match it the file's way.
    if (count === 0 && text.includes('\r\n') && oldString.includes('\n') && !oldString.includes('\r')) {
      const crlf = oldString.replace(/\n/g, '\r\n');
      const crlfCount = countOccurrences(text, crlf);
      if (crlfCount > 0) {
        oldString = crlf;
        newString = newString.replace(/\r?\n/g, '\r\n');
        count = crlfCount;
      }
    }
    if (count === 0) {
      throw new Error(
        `old_string not found in ${rel}; read the file again and copy the text exactly, without line numbers`,
      );
    }
    if (count > 1) {
      throw new Error(
        `old_string found ${count} times in ${rel}; make old_string unique by including more surrounding lines`,
      );
    }
    const at = text.indexOf(oldString);
    const updated = text.slice(0, at) + newString + text.slice(at + oldString.length);
    await writeNoFollow(absolute, updated);
    ctx.filesWritten.add(rel);

    const firstLine = text.slice(0, at).split('\n').length;
    const lines = splitLines(updated);
    const from = Math.max(1, firstLine - 2);
    const to = Math.min(lines.length, firstLine + splitLines(newString).length + 1, from + 39);
    const width = String(to).length;
    const region = [];
    for (let n = from; n <= to; n += 1) region.push(`${String(n).padStart(width)}\t${lines[n - 1] ?? ''}`);
    return [`Edited ${rel}: replaced 1 occurrence at line ${firstLine}.`, ...region].join('\n');
  },
});
