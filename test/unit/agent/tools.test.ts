import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { PathError, resolveInWorkspace } from '../../../src/agent/paths.ts';
import {
  createToolContext,
  editFileTool,
  executeTool,
  LIST_MAX_ENTRIES,
  listFilesTool,
  READ_MAX_LINES,
  readFileTool,
  runCommandTool,
  runTool,
  SEARCH_MAX_MATCHES,
  searchTool,
  type Tool,
  type ToolContext,
  toolResultText,
  toolsFor,
  writeFileTool,
} from '../../../src/agent/tools/index.ts';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  temps.push(dir);
  return dir;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}

/** A real git repository with the given files committed (and `untracked` left untracked). */
function makeRepo(files: Record<string, string | Buffer>, untracked: Record<string, string> = {}): string {
  const dir = tempDir('ensemble-tools-');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'user.name', 'test');
  const write = (rel: string, content: string | Buffer) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  };
  for (const [rel, content] of Object.entries(files)) write(rel, content);
  if (Object.keys(files).length > 0) {
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'init');
  }
  for (const [rel, content] of Object.entries(untracked)) write(rel, content);
  return dir;
}

/** Runs a tool that must succeed; its text. */
async function run(tool: Tool, input: unknown, ctx: ToolContext): Promise<string> {
  const result = await executeTool(tool, input, ctx);
  if (!result.ok) expect.fail(`${tool.name} failed: ${result.error}`);
  return result.text;
}

/** Runs a tool call that must fail; the text the model is shown for it (`Error: …`). */
async function fail(tool: Tool, input: unknown, ctx: ToolContext): Promise<string> {
  const result = await executeTool(tool, input, ctx);
  if (result.ok) expect.fail(`${tool.name} succeeded: ${result.text}`);
  return toolResultText(result);
}

const outside = tempDir('ensemble-outside-');
writeFileSync(path.join(outside, 'secret.txt'), 'outside secret\n');

describe('resolveInWorkspace', () => {
  let ws: string;
  beforeEach(() => {
    ws = makeRepo({ 'src/a.ts': 'export const a = 1;\n', 'README.md': '# hi\n' });
  });

  test('resolves relative and absolute paths inside the workspace to real paths', () => {
    expect(resolveInWorkspace(ws, 'src/a.ts')).toBe(path.join(ws, 'src/a.ts'));
    expect(resolveInWorkspace(ws, path.join(ws, 'src/a.ts'))).toBe(path.join(ws, 'src/a.ts'));
    expect(resolveInWorkspace(ws, './src/../README.md', { mustExist: true })).toBe(path.join(ws, 'README.md'));
    expect(resolveInWorkspace(ws, 'src/new/dir/file.ts')).toBe(path.join(ws, 'src/new/dir/file.ts'));
    expect(resolveInWorkspace(ws, '.')).toBe(ws);
  });

  test('refuses ".." escapes and absolute paths outside', () => {
    expect(() => resolveInWorkspace(ws, '../x')).toThrow(PathError);
    expect(() => resolveInWorkspace(ws, 'src/../../x')).toThrow(/leaves the workspace/);
    expect(() => resolveInWorkspace(ws, '/etc/passwd')).toThrow(/outside the workspace/);
    expect(() => resolveInWorkspace(ws, path.join(outside, 'secret.txt'))).toThrow(/outside the workspace/);
  });

  test('refuses symlinks out: the file itself, a directory on the way, and the parent of a new file', () => {
    symlinkSync(path.join(outside, 'secret.txt'), path.join(ws, 'link.txt'));
    symlinkSync(outside, path.join(ws, 'linkdir'));
    expect(() => resolveInWorkspace(ws, 'link.txt')).toThrow(/symlink.*outside the workspace/);
    expect(() => resolveInWorkspace(ws, 'linkdir/secret.txt')).toThrow(/outside the workspace/);
    expect(() => resolveInWorkspace(ws, 'linkdir/new/file.txt')).toThrow(/outside the workspace/);
  });

  test('refuses a dangling symlink (writing through it would create its target)', () => {
    symlinkSync(path.join(outside, 'not-yet.txt'), path.join(ws, 'dangling'));
    expect(() => resolveInWorkspace(ws, 'dangling')).toThrow(/symlink whose target does not exist/);
  });

  test('accepts symlinks that stay inside the workspace', () => {
    symlinkSync('src', path.join(ws, 'alias'));
    expect(resolveInWorkspace(ws, 'alias/a.ts', { mustExist: true })).toBe(path.join(ws, 'src/a.ts'));
  });

  test('refuses the .git directory, however it is reached', () => {
    expect(() => resolveInWorkspace(ws, '.git/config')).toThrow(/inside \.git/);
    expect(() => resolveInWorkspace(ws, '.git')).toThrow(/inside \.git/);
    expect(() => resolveInWorkspace(ws, 'src/../.git/hooks/pre-commit')).toThrow(/inside \.git/);
    expect(() => resolveInWorkspace(ws, '.GIT/config')).toThrow(/inside \.git/);
    symlinkSync('.git', path.join(ws, 'g'));
    expect(() => resolveInWorkspace(ws, 'g/config')).toThrow(/resolves into \.git/);
  });

  test('mustExist refuses missing paths', () => {
    expect(() => resolveInWorkspace(ws, 'nope.txt', { mustExist: true })).toThrow(
      /nope\.txt: no such file or directory/,
    );
  });
});

describe('list_files', () => {
  test('lists tracked and untracked files, not what git ignores, never .git', async () => {
    const ws = makeRepo(
      { '.gitignore': 'node_modules/\n*.log\n', 'src/a.ts': 'a\n', 'src/b.ts': 'b\n' },
      { 'src/new.ts': 'new\n', 'debug.log': 'x\n', 'node_modules/dep/index.js': 'x\n' },
    );
    const out = await run(listFilesTool, {}, createToolContext(ws));
    expect(out.split('\n')).toEqual(['.gitignore', 'src/a.ts', 'src/b.ts', 'src/new.ts']);
    expect(await run(listFilesTool, { path: 'src' }, createToolContext(ws))).toBe('src/a.ts\nsrc/b.ts\nsrc/new.ts');
    expect(await run(listFilesTool, { path: 'node_modules' }, createToolContext(ws))).toMatch(
      /^No files under node_modules/,
    );
  });

  test('a workspace that is not a git repository is listed by walking it', async () => {
    const ws = tempDir('ensemble-plain-');
    mkdirSync(path.join(ws, 'src'));
    writeFileSync(path.join(ws, 'src', 'a.ts'), 'a\n');
    writeFileSync(path.join(ws, 'b.txt'), 'b\n');
    expect(await run(listFilesTool, {}, createToolContext(ws))).toBe('b.txt\nsrc/a.ts');
    expect(await run(listFilesTool, { path: 'src' }, createToolContext(ws))).toBe('src/a.ts');
  });

  test('a directory name is taken literally, never as a pattern', async () => {
    const ws = makeRepo({ 'lit/[ab]/x.txt': 'x\n', 'lit/a/y.txt': 'y\n' });
    expect(await run(listFilesTool, { path: 'lit/[ab]' }, createToolContext(ws))).toBe('lit/[ab]/x.txt');
  });

  test('leaves out tracked files deleted from the working tree', async () => {
    const ws = makeRepo({ 'a.txt': 'a\n', 'b.txt': 'b\n' });
    rmSync(path.join(ws, 'a.txt'));
    expect(await run(listFilesTool, { path: '.' }, createToolContext(ws))).toBe('b.txt');
  });

  test('caps the list and says how many were omitted', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < LIST_MAX_ENTRIES + 25; i += 1) files[`f/${String(i).padStart(4, '0')}.txt`] = 'x';
    const ws = makeRepo(files);
    const lines = (await run(listFilesTool, {}, createToolContext(ws))).split('\n');
    expect(lines).toHaveLength(LIST_MAX_ENTRIES + 1);
    expect(lines.at(-1)).toBe(
      `[… 25 more files omitted (${LIST_MAX_ENTRIES + 25} in all); list a subdirectory to see them]`,
    );
  });

  test('a listing given with the workspace is what it lists, as git would have listed it', async () => {
    const ws = makeRepo({ 'src/a.ts': 'a\n', 'src/sub/b.ts': 'b\n', 'srcs/c.ts': 'c\n', 'top.md': 't\n' });
    const fromGit = createToolContext(ws);
    const given = { ...createToolContext(ws), listed: ['src/a.ts', 'src/sub/b.ts', 'srcs/c.ts', 'top.md'] };
    for (const input of [{}, { path: 'src' }, { path: 'src/sub' }, { path: './src/' }])
      expect(await run(listFilesTool, input, given)).toBe(await run(listFilesTool, input, fromGit));
    // The listing, not git: a file the listing does not name is not shown.
    writeFileSync(path.join(ws, 'src', 'late.ts'), 'l\n');
    expect(await run(listFilesTool, { path: 'src' }, given)).toBe('src/a.ts\nsrc/sub/b.ts');
    expect(await run(listFilesTool, { path: 'src' }, fromGit)).toContain('src/late.ts');
    // A submodule is one entry, a directory in the checkout: git's pathspec names it, so the listing does.
    mkdirSync(path.join(ws, 'vendored'));
    const withSubmodule = { ...given, listed: [...given.listed, 'vendored'] };
    expect(await run(listFilesTool, { path: 'vendored' }, withSubmodule)).toBe('vendored');
  });

  test('errors for a missing or outside directory', async () => {
    const ctx = createToolContext(makeRepo({ 'a.txt': 'a\n' }));
    expect(await fail(listFilesTool, { path: 'missing' }, ctx)).toMatch(/^Error: missing: no such file/);
    expect(await fail(listFilesTool, { path: '..' }, ctx)).toMatch(/^Error: .*leaves the workspace/);
    expect(await fail(listFilesTool, { path: '.git' }, ctx)).toMatch(/^Error: .*inside \.git/);
  });
});

describe('read_file', () => {
  const ten = Array.from({ length: 10 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

  test('shows line numbers, whole file or a range', async () => {
    const ws = makeRepo({ 'f.txt': ten });
    const ctx = createToolContext(ws);
    const whole = await run(readFileTool, { path: 'f.txt' }, ctx);
    expect(whole.split('\n')[0]).toBe('f.txt (lines 1-10 of 10)');
    expect(whole.split('\n')[1]).toBe(' 1\tline 1');
    expect(whole.split('\n')).toHaveLength(11);
    expect(await run(readFileTool, { path: 'f.txt', start_line: 3, end_line: 4 }, ctx)).toBe(
      'f.txt (lines 3-4 of 10)\n3\tline 3\n4\tline 4',
    );
    expect(await run(readFileTool, { path: 'f.txt', start_line: 9, end_line: 50 }, ctx)).toBe(
      'f.txt (lines 9-10 of 10)\n 9\tline 9\n10\tline 10',
    );
  });

  test('rejects impossible ranges with a message', async () => {
    const ws = makeRepo({ 'f.txt': ten });
    const ctx = createToolContext(ws);
    expect(await fail(readFileTool, { path: 'f.txt', start_line: 11 }, ctx)).toBe(
      'Error: start_line 11 is past the end of f.txt, which has 10 lines',
    );
    expect(await fail(readFileTool, { path: 'f.txt', start_line: 5, end_line: 2 }, ctx)).toMatch(
      /^Error: invalid input for read_file:\n- end_line: end_line must not be before start_line/,
    );
    const zero = await fail(readFileTool, { path: 'f.txt', start_line: 0 }, ctx);
    expect(zero).toMatch(/^Error: invalid input for read_file:\n- start_line:/);
  });

  test('caps long files with a note saying how to read the rest', async () => {
    const long = Array.from({ length: READ_MAX_LINES + 500 }, (_, i) => `row ${i + 1}`).join('\n');
    const ws = makeRepo({ 'long.txt': long });
    const out = (await run(readFileTool, { path: 'long.txt' }, createToolContext(ws))).split('\n');
    expect(out[0]).toBe(`long.txt (lines 1-${READ_MAX_LINES} of ${READ_MAX_LINES + 500})`);
    expect(out).toHaveLength(READ_MAX_LINES + 2);
    expect(out.at(-1)).toBe(
      `[… output limit reached at line ${READ_MAX_LINES} of ${READ_MAX_LINES + 500}; read the rest with start_line=${READ_MAX_LINES + 1}]`,
    );
    const rest = await run(readFileTool, { path: 'long.txt', start_line: READ_MAX_LINES + 1 }, createToolContext(ws));
    expect(rest.split('\n').at(-1)).toBe(`${READ_MAX_LINES + 500}\trow ${READ_MAX_LINES + 500}`);
  });

  test('caps by characters too, and cuts very long lines', async () => {
    const wide = Array.from({ length: 100 }, () => 'x'.repeat(1_500)).join('\n');
    const ws = makeRepo({ 'wide.txt': wide, 'one.txt': `${'y'.repeat(5_000)}\n` });
    const out = await run(readFileTool, { path: 'wide.txt' }, createToolContext(ws));
    expect(out.length).toBeLessThan(62_000);
    expect(out).toMatch(/read the rest with start_line=\d+\]$/);
    const one = await run(readFileTool, { path: 'one.txt' }, createToolContext(ws));
    expect(one).toContain('[… 3000 more characters on this line]');
  });

  test('refuses binary files, directories and missing files; reports empty files', async () => {
    const ws = makeRepo({
      'img.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2]),
      'empty.txt': '',
      'd/x.txt': 'x',
    });
    const ctx = createToolContext(ws);
    expect(await fail(readFileTool, { path: 'img.png' }, ctx)).toBe(
      'Error: img.png is a binary file (9 bytes); only text files can be read or edited',
    );
    const directory = await fail(readFileTool, { path: 'd' }, ctx);
    expect(directory).toBe('Error: d is a directory; use list_files to see what it holds');
    expect(await fail(readFileTool, { path: 'nope.txt' }, ctx)).toBe('Error: nope.txt: no such file or directory');
    expect(await run(readFileTool, { path: 'empty.txt' }, ctx)).toBe('empty.txt is empty (0 lines).');
  });

  test('path confinement: ../, absolute outside, symlink file out, symlink dir out, .git/config', async () => {
    const ws = makeRepo({ 'a.txt': 'a\n' });
    symlinkSync(path.join(outside, 'secret.txt'), path.join(ws, 'leak.txt'));
    symlinkSync(outside, path.join(ws, 'leakdir'));
    const ctx = createToolContext(ws);
    for (const p of [
      '../secret.txt',
      path.join(outside, 'secret.txt'),
      'leak.txt',
      'leakdir/secret.txt',
      '.git/config',
    ]) {
      const out = await fail(readFileTool, { path: p }, ctx);
      expect(out, p).toMatch(/^Error: /);
      expect(out, p).not.toContain('outside secret');
    }
  });
});

describe('search', () => {
  test('returns path:line:text for matches, in tracked and untracked files but not ignored ones', async () => {
    const ws = makeRepo(
      { '.gitignore': 'dist/\n', 'src/a.ts': 'const alpha = 1;\nconst beta = 2;\n', 'lib/b.js': 'alpha();\n' },
      { 'src/new.ts': 'alpha again\n', 'dist/out.js': 'alpha built\n' },
    );
    const out = await run(searchTool, { pattern: 'alpha' }, createToolContext(ws));
    expect(out.split('\n').sort()).toEqual([
      'lib/b.js:1:alpha();',
      'src/a.ts:1:const alpha = 1;',
      'src/new.ts:1:alpha again',
    ]);
  });

  test('uses extended regular expressions and optional case folding', async () => {
    const ws = makeRepo({ 'a.txt': 'foo123\nFOO9\nbar\n' });
    const ctx = createToolContext(ws);
    expect(await run(searchTool, { pattern: 'fo+[0-9]{3}' }, ctx)).toBe('a.txt:1:foo123');
    expect(await run(searchTool, { pattern: '^foo[0-9]+$', ignore_case: true }, ctx)).toBe(
      'a.txt:1:foo123\na.txt:2:FOO9',
    );
  });

  test('says so when nothing matches', async () => {
    const ws = makeRepo({ 'a.txt': 'hello\n' });
    expect(await run(searchTool, { pattern: 'zebra' }, createToolContext(ws))).toBe('No matches for /zebra/.');
    expect(await run(searchTool, { pattern: 'hello', path: '*.md' }, createToolContext(ws))).toBe(
      'No matches for /hello/ in *.md.',
    );
  });

  test('filters by directory and by glob, at any depth', async () => {
    const ws = makeRepo({ 'src/a.ts': 'x\n', 'src/deep/b.ts': 'x\n', 'src/c.js': 'x\n', 'test/d.ts': 'x\n' });
    const ctx = createToolContext(ws);
    const files = async (p: string) =>
      (await run(searchTool, { pattern: 'x', path: p }, ctx))
        .split('\n')
        .map((l) => l.split(':')[0])
        .sort();
    expect(await files('*.ts')).toEqual(['src/a.ts', 'src/deep/b.ts', 'test/d.ts']);
    expect(await files('src/**/*.ts')).toEqual(['src/a.ts', 'src/deep/b.ts']);
    expect(await files('src')).toEqual(['src/a.ts', 'src/c.js', 'src/deep/b.ts']);
    expect(await fail(searchTool, { pattern: 'x', path: '../' }, ctx)).toMatch(/^Error: .*leaves the workspace/);
    expect(await fail(searchTool, { pattern: 'x', path: '../*.ts' }, ctx)).toMatch(/^Error: .*without "\.\."/);
  });

  test('caps the results and says how many were omitted', async () => {
    const many = Array.from({ length: SEARCH_MAX_MATCHES + 50 }, (_, i) => `hit ${i}`).join('\n');
    const ws = makeRepo({ 'many.txt': many });
    const lines = (await run(searchTool, { pattern: 'hit' }, createToolContext(ws))).split('\n');
    expect(lines).toHaveLength(SEARCH_MAX_MATCHES + 1);
    expect(lines.at(-1)).toBe(
      `[… 50 more matching lines omitted (${SEARCH_MAX_MATCHES + 50} in all); narrow the pattern or the path]`,
    );
  });

  test('passes the pattern as an argument, never through a shell', async () => {
    const ws = makeRepo({ 'a.txt': '-v\n' });
    const ctx = createToolContext(ws);
    expect(await run(searchTool, { pattern: '$(touch pwned)`touch pwned2`' }, ctx)).toMatch(/^No matches/);
    expect(existsSync(path.join(ws, 'pwned'))).toBe(false);
    expect(existsSync(path.join(ws, 'pwned2'))).toBe(false);
    expect(await run(searchTool, { pattern: '-v' }, ctx)).toBe('a.txt:1:-v');
  });

  test('an invalid regular expression is an error result', async () => {
    const ws = makeRepo({ 'a.txt': 'a\n' });
    const out = await fail(searchTool, { pattern: 'foo(' }, createToolContext(ws));
    expect(out).toMatch(/^Error: search failed: .*(Unmatched|parenthes)/i);
  });
});

describe('write_file', () => {
  test('creates files with their parent directories, and replaces existing ones', async () => {
    const ws = makeRepo({ 'a.txt': 'old\n' });
    const ctx = createToolContext(ws);
    expect(await run(writeFileTool, { path: 'src/deep/new.ts', content: 'one\ntwo\n' }, ctx)).toBe(
      'Created src/deep/new.ts (2 lines, 8 bytes).',
    );
    expect(readFileSync(path.join(ws, 'src/deep/new.ts'), 'utf8')).toBe('one\ntwo\n');
    expect(await run(writeFileTool, { path: 'a.txt', content: 'new' }, ctx)).toBe('Replaced a.txt (1 lines, 3 bytes).');
    expect(readFileSync(path.join(ws, 'a.txt'), 'utf8')).toBe('new');
    expect([...ctx.filesWritten].sort()).toEqual(['a.txt', 'src/deep/new.ts']);
  });

  test('refuses directories, paths outside, symlinks out and .git', async () => {
    const ws = makeRepo({ 'd/x.txt': 'x' });
    symlinkSync(outside, path.join(ws, 'out'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(ws, 'secret-link'));
    const ctx = createToolContext(ws);
    const directory = await fail(writeFileTool, { path: 'd', content: 'x' }, ctx);
    expect(directory).toBe('Error: d is a directory; write_file writes files');
    for (const p of [
      '../evil.txt',
      path.join(outside, 'evil.txt'),
      'out/evil.txt',
      'secret-link',
      '.git/hooks/pre-commit',
    ]) {
      expect(await fail(writeFileTool, { path: p, content: 'pwned' }, ctx), p).toMatch(/^Error: /);
    }
    expect(existsSync(path.join(outside, 'evil.txt'))).toBe(false);
    expect(readFileSync(path.join(outside, 'secret.txt'), 'utf8')).toBe('outside secret\n');
    expect(existsSync(path.join(ws, '.git/hooks/pre-commit'))).toBe(false);
    expect(ctx.filesWritten.size).toBe(0);
  });
});

describe('edit_file', () => {
  test('replaces the one occurrence and shows the edited region', async () => {
    const ws = makeRepo({ 'a.ts': 'const a = 1;\nconst b = 2;\nconst c = 3;\n' });
    const ctx = createToolContext(ws);
    const out = await run(
      editFileTool,
      { path: 'a.ts', old_string: 'const b = 2;', new_string: 'const b = 20; // $& $1' },
      ctx,
    );
    expect(out).toBe(
      'Edited a.ts: replaced 1 occurrence at line 2.\n1\tconst a = 1;\n2\tconst b = 20; // $& $1\n3\tconst c = 3;',
    );
    expect(readFileSync(path.join(ws, 'a.ts'), 'utf8')).toBe('const a = 1;\nconst b = 20; // $& $1\nconst c = 3;\n');
    expect([...ctx.filesWritten]).toEqual(['a.ts']);
  });

  test('says "not found" or how many times, and leaves the file alone', async () => {
    const ws = makeRepo({ 'a.ts': 'x = 1;\nx = 1;\nx = 1;\n' });
    const ctx = createToolContext(ws);
    function edit(old: string, to: string): Promise<string> {
      return fail(editFileTool, { path: 'a.ts', old_string: old, new_string: to }, ctx);
    }
    expect(await edit('y = 1;', 'z')).toMatch(/^Error: old_string not found in a\.ts/);
    expect(await edit('x = 1;', 'z')).toBe(
      'Error: old_string found 3 times in a.ts; make old_string unique by including more surrounding lines',
    );
    expect(await edit('x = 1;', 'x = 1;')).toMatch(/identical/);
    expect(await edit('', 'z')).toMatch(/^Error: invalid input for edit_file:\n- old_string/);
    expect(readFileSync(path.join(ws, 'a.ts'), 'utf8')).toBe('x = 1;\nx = 1;\nx = 1;\n');
  });

  test('matches CRLF files when old_string uses plain newlines, and keeps CRLF', async () => {
    const ws = makeRepo({ 'w.txt': 'one\r\ntwo\r\nthree\r\n' });
    const out = await run(
      editFileTool,
      { path: 'w.txt', old_string: 'one\ntwo', new_string: 'uno\ndos' },
      createToolContext(ws),
    );
    expect(out).toMatch(/^Edited w\.txt/);
    expect(readFileSync(path.join(ws, 'w.txt'), 'utf8')).toBe('uno\r\ndos\r\nthree\r\n');
  });

  test('refuses binary files, missing files and paths outside', async () => {
    const ws = makeRepo({ 'b.bin': Buffer.from([1, 0, 2]) });
    symlinkSync(path.join(outside, 'secret.txt'), path.join(ws, 'leak.txt'));
    const ctx = createToolContext(ws);
    const edit = (file: string, old: string, replacement: string) =>
      fail(editFileTool, { path: file, old_string: old, new_string: replacement }, ctx);
    expect(await edit('b.bin', 'a', 'b')).toMatch(/binary file/);
    expect(await edit('none.txt', 'a', 'b')).toMatch(/no such file/);
    expect(await edit('leak.txt', 'outside', 'pwned')).toMatch(/outside the workspace/);
    expect(readFileSync(path.join(outside, 'secret.txt'), 'utf8')).toBe('outside secret\n');
  });
});

describe('executeTool and tool sets', () => {
  test('validation errors come back as failed results naming the field; unknown keys are refused', async () => {
    const ws = makeRepo({ 'a.txt': 'a\n' });
    const ctx = createToolContext(ws);
    expect(await executeTool(readFileTool, { file: 'a.txt' }, ctx)).toEqual({
      ok: false,
      error: expect.stringMatching(/^invalid input for read_file:\n- path: .*\n- input: .*file/),
    });
    const text = 'a.txt (lines 1-1 of 1)\n1\ta';
    expect(await executeTool(readFileTool, '{"path":"a.txt"}', ctx)).toEqual({ ok: true, text });
    const notJson = await executeTool(readFileTool, '{oops', ctx);
    expect(notJson).toEqual({ ok: false, error: 'the input for read_file is not valid JSON' });
    expect(await runTool(toolsFor('plan'), 'write_file', { path: 'x', content: '' }, ctx)).toEqual({
      ok: false,
      error: 'there is no tool named "write_file"; the tools are: list_files, read_file, search',
    });
  });

  test('a tool that throws never throws into the loop: the call fails with the message', async () => {
    const ctx = createToolContext(makeRepo({}));
    const boom: Tool = { ...readFileTool, name: 'boom', execute: async () => Promise.reject(new Error('kaput')) };
    await expect(executeTool(boom, { path: 'a' }, ctx)).resolves.toEqual({ ok: false, error: 'kaput' });
    const thrownText: Tool = { ...readFileTool, name: 'text', execute: async () => Promise.reject('not an Error') };
    await expect(executeTool(thrownText, { path: 'a' }, ctx)).resolves.toEqual({ ok: false, error: 'not an Error' });
    const nowhere = createToolContext('/nonexistent/workspace');
    await expect(executeTool(readFileTool, { path: 'a' }, nowhere)).resolves.toMatchObject({ ok: false });
  });

  test('a tool whose text starts with "Error:" succeeded: failure is the flag, not the text', async () => {
    const ws = makeRepo({ 'Error: build.log': 'Error: something went wrong\n' });
    const ctx = createToolContext(ws);
    const echo: Tool = { ...readFileTool, name: 'echo', execute: async () => 'Error: something went wrong' };
    expect(await executeTool(echo, { path: 'a' }, ctx)).toEqual({ ok: true, text: 'Error: something went wrong' });
    expect(await executeTool(readFileTool, { path: 'Error: build.log' }, ctx)).toEqual({
      ok: true,
      text: 'Error: build.log (lines 1-1 of 1)\n1\tError: something went wrong',
    });
  });

  test('the model is shown the text of a result, or "Error: <why>" for a failed call', () => {
    expect(toolResultText({ ok: true, text: 'Error: from the file' })).toBe('Error: from the file');
    expect(toolResultText({ ok: false, error: 'no such file' })).toBe('Error: no such file');
  });

  test('every input schema converts to the JSON Schema a model is shown', () => {
    for (const tool of toolsFor('code')) {
      const schema = z.toJSONSchema(tool.inputSchema, { io: 'input', target: 'draft-7' }) as {
        type: string;
        properties: Record<string, unknown>;
        required?: string[];
      };
      expect(schema.type, tool.name).toBe('object');
      expect(Object.keys(schema.properties).length, tool.name).toBeGreaterThan(0);
    }
    const list = z.toJSONSchema(listFilesTool.inputSchema, { io: 'input' }) as { required?: string[] };
    expect(list.required ?? []).toEqual([]);
  });

  test('stages get the tools docs/design.md §6 gives them', () => {
    const names = (stage: Parameters<typeof toolsFor>[0]) => toolsFor(stage).map((t) => t.name);
    expect(names('plan')).toEqual(['list_files', 'read_file', 'search']);
    expect(names('review')).toEqual(['list_files', 'read_file', 'search']);
    expect(names('docs')).toEqual(['list_files', 'read_file', 'search', 'write_file', 'edit_file']);
    expect(names('code')).toEqual(['list_files', 'read_file', 'search', 'write_file', 'edit_file', 'run_command']);
    expect(names('test')).toEqual(names('code'));
  });
});

describe('run_command', () => {
  test('returns the exit code and output, and records every command for the report', async () => {
    const ws = makeRepo({ 'sub/a.txt': 'hello\n' });
    const ctx = createToolContext(ws, { timeoutMs: 20_000 });
    const ok = await run(runCommandTool, { command: 'cat a.txt; echo to-stderr >&2', cwd: 'sub' }, ctx);
    expect(ok).toMatch(/^exit code 0 \([0-9.]+ s\)\nhello\nto-stderr$/);
    expect(await run(runCommandTool, { command: 'exit 3' }, ctx)).toMatch(/^exit code 3 .*\n\(no output\)$/);
    const slow = await run(runCommandTool, { command: 'sleep 20', timeout_seconds: 0.5 }, ctx);
    expect(slow).toMatch(/^timed out after 0\.5 s: the command and its child processes were killed/);
    expect(await fail(runCommandTool, { command: 'pwd', cwd: '../' }, ctx)).toMatch(/^Error: .*leaves the workspace/);
    expect(ctx.commands).toEqual([
      { command: 'cat a.txt; echo to-stderr >&2', exitCode: 0 },
      { command: 'exit 3', exitCode: 3 },
      { command: 'sleep 20', exitCode: null },
    ]);
  });

  test('secret canary: the orchestrator environment never reaches a command', async () => {
    const saved = { a: process.env.ANTHROPIC_API_KEY, g: process.env.GITHUB_TOKEN };
    process.env.ANTHROPIC_API_KEY = 'canary-anthropic-7f3a';
    process.env.GITHUB_TOKEN = 'canary-github-91bc';
    try {
      const ws = makeRepo({ 'a.txt': 'a\n' });
      const ctx = createToolContext(ws, { timeoutMs: 20_000 });
      for (const command of ['env', 'cat /proc/self/environ', 'cat /proc/1/environ', 'cat /proc/$PPID/environ']) {
        const out = await run(runCommandTool, { command }, ctx);
        expect(out, command).toMatch(/^exit code /);
        expect(out, command).not.toContain('canary');
      }
      // Control: the canary is really there to be found by a process that inherits the environment.
      expect(execFileSync('/bin/sh', ['-c', 'env'], { encoding: 'utf8' })).toContain('canary-anthropic-7f3a');
    } finally {
      if (saved.a === undefined) delete process.env.ANTHROPIC_API_KEY;
      else process.env.ANTHROPIC_API_KEY = saved.a;
      if (saved.g === undefined) delete process.env.GITHUB_TOKEN;
      else process.env.GITHUB_TOKEN = saved.g;
    }
  });
});
