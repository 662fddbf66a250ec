import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { IntegrationResult } from '../../../src/contracts/test-report.ts';
import {
  applyWithConflictMarkers,
  assertNoProtectedPaths,
  createWorktree,
  diffAgainstBase,
  diffInIndex,
  filesAfterChanges,
  integratePatches,
  listWorktreeFiles,
  type PatchResult,
  ProtectedPathError,
  pathsGitReads,
  pathsInPatch,
  removeWorktree,
  touchedPaths,
  withWorktree,
} from '../../../src/workspace/index.ts';
import {
  allBytes,
  cleanupTemps,
  createRepo,
  type FileTree,
  gitText,
  isolateGit,
  readFile,
  type TestRepo,
  writeFiles,
} from '../../support/git-fixture.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

const LINES = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
const text = (lines: string[]) => `${lines.join('\n')}\n`;
const editLine = (at: number, value: string) => text(LINES.map((l, i) => (i === at - 1 ? value : l)));
/** LINES with several lines replaced: line number (from 1) → new text. */
const editLines = (edits: Record<number, string>) => text(LINES.map((l, i) => edits[i + 1] ?? l));

/** The patch a task would produce: `edit` applied in a fresh worktree at `base`. */
async function taskPatch(repo: TestRepo, base: string, edit: FileTree | ((dir: string) => void)): Promise<PatchResult> {
  return withWorktree(repo.dir, base, async (dir) => {
    if (typeof edit === 'function') edit(dir);
    else writeFiles(dir, edit);
    return diffAgainstBase(dir, base);
  });
}

/** The tree `patch` produces when applied to `base` in a separate worktree. */
async function applyElsewhere(repo: TestRepo, base: string, patch: string): Promise<string> {
  return withWorktree(repo.dir, base, async (dir) => {
    const result = await applyWithConflictMarkers(dir, patch);
    expect(result).toMatchObject({ ok: true, method: 'plain' });
    return (await diffAgainstBase(dir, base)).tree;
  });
}

describe('diffAgainstBase', () => {
  test('no change: empty patch, base tree', async () => {
    const repo = createRepo();
    const base = repo.head();
    const result = await taskPatch(repo, base, {});
    expect(result.patch).toBe('');
    expect(result.changes).toEqual([]);
    expect(result.tree).toBe(repo.git('rev-parse', `${base}^{tree}`));
  });

  test('new, deleted, renamed and binary files round-trip to an identical tree', async () => {
    const body = text(LINES);
    const repo = createRepo({
      'keep.txt': 'keep\n',
      'gone.txt': 'bye\n',
      'old/name.ts': body,
      'img.bin': Buffer.from([0, 1, 2, 3]),
    });
    const base = repo.head();
    const result = await taskPatch(repo, base, {
      'gone.txt': null,
      'old/name.ts': null,
      'new/name.ts': `${body}one more\n`,
      'added.txt': 'hello\n',
      'bytes.bin': allBytes(),
      'img.bin': Buffer.concat([allBytes(), allBytes()]),
    });
    expect(result.changes).toEqual(
      expect.arrayContaining([
        { kind: 'added', path: 'added.txt', oldPath: null },
        { kind: 'added', path: 'bytes.bin', oldPath: null },
        { kind: 'deleted', path: 'gone.txt', oldPath: null },
        { kind: 'modified', path: 'img.bin', oldPath: null },
        { kind: 'renamed', path: 'new/name.ts', oldPath: 'old/name.ts' },
      ]),
    );
    expect(result.changes).toHaveLength(5);
    expect(result.patch).toContain('GIT binary patch');
    expect(result.patch).toContain('rename from old/name.ts');
    expect(result.patch).toMatch(/^index [0-9a-f]{40}\.\.[0-9a-f]{40}/m);
    expect(pathsInPatch(result.patch)).toEqual(result.changes);
    expect(await applyElsewhere(repo, base, result.patch)).toBe(result.tree);
    // and the bytes really are the bytes
    await withWorktree(repo.dir, base, async (dir) => {
      await applyWithConflictMarkers(dir, result.patch);
      expect(readFileSync(path.join(dir, 'bytes.bin')).equals(allBytes())).toBe(true);
    });
  });

  test('paths with spaces and unicode', async () => {
    const repo = createRepo({ 'dir with space/a file.txt': 'a\n', 'ünï/日本.md': 'x\n' });
    const base = repo.head();
    const result = await taskPatch(repo, base, {
      'dir with space/a file.txt': 'b\n',
      'ünï/日本.md': null,
      'ünï/日本 moved.md': 'x\n',
      'new "quoted"\tname.txt': 'q\n',
    });
    expect(result.changes).toEqual(
      expect.arrayContaining([
        { kind: 'modified', path: 'dir with space/a file.txt', oldPath: null },
        { kind: 'renamed', path: 'ünï/日本 moved.md', oldPath: 'ünï/日本.md' },
        { kind: 'added', path: 'new "quoted"\tname.txt', oldPath: null },
      ]),
    );
    expect(pathsInPatch(result.patch)).toEqual(result.changes);
    expect(await applyElsewhere(repo, base, result.patch)).toBe(result.tree);
  });

  test('a text file that is not UTF-8 still makes a lossless text patch', async () => {
    const repo = createRepo({ 'latin1.txt': Buffer.from('caf\xe9\n', 'latin1'), 'plain.txt': 'a\n' });
    const base = repo.head();
    const result = await taskPatch(repo, base, {
      'latin1.txt': Buffer.from('caf\xe9 cr\xe8me\n', 'latin1'),
      'plain.txt': 'b\n',
    });
    expect(result.patch).not.toContain('\uFFFD');
    // the Latin-1 file becomes a binary patch; the UTF-8 one stays readable
    expect(result.patch.match(/GIT binary patch/g)).toHaveLength(1);
    expect(result.patch).toContain('+b');
    expect(await applyElsewhere(repo, base, result.patch)).toBe(result.tree);
  });

  test('commits, staged changes and the worktree index neither hide nor add anything', async () => {
    const repo = createRepo({ 'a.txt': 'a\n', '.gitignore': 'node_modules/\n' });
    const base = repo.head();
    const result = await taskPatch(repo, base, (dir) => {
      writeFiles(dir, { 'a.txt': 'committed\n' });
      gitText(dir, ['commit', '-qam', 'agent commit']);
      writeFiles(dir, { 'b.txt': 'staged\n', 'node_modules/x/index.js': 'ignored' });
      gitText(dir, ['add', 'b.txt']);
      writeFiles(dir, { 'b.txt': 'staged then changed\n' });
    });
    expect(result.changes.map((c) => c.path).sort()).toEqual(['a.txt', 'b.txt']);
    expect(result.patch).toContain('+staged then changed');
  });
});

describe('diffInIndex', () => {
  test("records what diffAgainstBase records, in the worktree's own index, which then holds the tree", async () => {
    const repo = createRepo({ 'a.txt': text(LINES), 'b.txt': 'b\n', '.gitignore': 'cache/\n' });
    const base = repo.head();
    const wt = await createWorktree(repo.dir, base);
    try {
      writeFiles(wt.dir, { 'moved/a.txt': text(LINES), 'b.txt': 'b changed\n', 'new.bin': allBytes(), 'cache/x': 'y' });
      rmSync(path.join(wt.dir, 'a.txt'));
      const expected = await diffAgainstBase(wt.dir, base);
      const recorded = await diffInIndex(wt.dir, base);
      expect(recorded).toEqual({ ...expected, indexed: true });
      expect(gitText(wt.dir, ['write-tree']).trim()).toBe(recorded.tree);
      expect(gitText(wt.dir, ['ls-files']).split('\n').filter(Boolean)).toEqual([
        '.gitignore',
        'b.txt',
        'moved/a.txt',
        'new.bin',
      ]);
    } finally {
      await removeWorktree(wt);
    }
  });

  test("an edit is recorded in a repository whose configuration says core.ignoreStat: ensemble's git marks no entry assume-unchanged", async () => {
    const repo = createRepo({ 'a.txt': 'one\n' });
    repo.git('config', 'core.ignoreStat', 'true');
    const base = repo.head();
    const wt = await createWorktree(repo.dir, base);
    try {
      writeFiles(wt.dir, { 'a.txt': 'two\n' });
      expect((await diffAgainstBase(wt.dir, base)).patch).toContain('+two');
      expect((await diffInIndex(wt.dir, base)).patch).toContain('+two');
      writeFiles(wt.dir, { 'a.txt': 'three\n' });
      expect((await diffInIndex(wt.dir, base)).patch).toContain('+three');
    } finally {
      await removeWorktree(wt);
    }
  });

  test('a file written again with the same bytes, and an ignored one, are no change', async () => {
    const repo = createRepo({ 'a.txt': 'one\n', 'same.txt': 'same\n', '.gitignore': 'ignored.txt\n' });
    const base = repo.head();
    const wt = await createWorktree(repo.dir, base);
    try {
      writeFiles(wt.dir, { 'a.txt': 'two\n', 'new.txt': 'new\n', 'ignored.txt': 'x\n', 'same.txt': 'same\n' });
      const { changes } = await diffInIndex(wt.dir, base);
      expect(changes).toEqual([
        { kind: 'modified', path: 'a.txt', oldPath: null },
        { kind: 'added', path: 'new.txt', oldPath: null },
      ]);
    } finally {
      await removeWorktree(wt);
    }
  });
});

describe('pathsGitReads', () => {
  test("a patch git made in this process is read from git's own listing of it; any other byte string is read by git", async () => {
    const repo = createRepo({ 'a.txt': text(LINES), 'b.txt': 'b\n' });
    const base = repo.head();
    const made = await withWorktree(repo.dir, base, async (dir) => {
      writeFiles(dir, { 'moved/a.txt': text(LINES), 'b.txt': 'b changed\n', 'c.txt': 'c\n' });
      rmSync(path.join(dir, 'a.txt'));
      return diffAgainstBase(dir, base);
    });
    // Where git cannot run at all: only the remembered listing can answer.
    const nowhere = '/nonexistent/ensemble-no-git-here';
    expect((await pathsGitReads(nowhere, made.patch)).sort()).toEqual(['a.txt', 'b.txt', 'c.txt', 'moved/a.txt']);
    await expect(pathsGitReads(nowhere, `${made.patch}\n`)).rejects.toThrow();
    expect(await pathsGitReads(repo.dir, `${made.patch}\n`)).toEqual(
      expect.arrayContaining(['b.txt', 'c.txt', 'moved/a.txt']),
    );
  });
});

describe('filesAfterChanges', () => {
  test('is what git lists in a checkout of the changed tree: deletions, renames and additions', async () => {
    const repo = createRepo({ 'a.txt': text(LINES), 'b.txt': 'b\n', 'dir/c.txt': 'c\n', 'z.txt': 'z\n' });
    const base = repo.head();
    const change = await withWorktree(repo.dir, base, async (dir) => {
      const before = await listWorktreeFiles(dir);
      gitText(dir, ['rm', '-q', 'b.txt']);
      gitText(dir, ['mv', 'a.txt', 'dir/renamed.txt']);
      writeFiles(dir, { 'dir/c.txt': 'c changed\n', 'new/é.txt': 'n\n', 'A-upper.txt': 'u\n' });
      return { before, ...(await diffAgainstBase(dir, base)) };
    });
    expect(change.changes.map((c) => c.kind).sort()).toEqual(['added', 'added', 'deleted', 'modified', 'renamed']);
    const checkout = await createWorktree(repo.dir, base, { tree: change.tree });
    try {
      const listed = await listWorktreeFiles(checkout.dir);
      expect(filesAfterChanges(change.before, change.changes)).toEqual(listed);
      expect(listed).toEqual(['A-upper.txt', 'dir/c.txt', 'dir/renamed.txt', 'new/é.txt', 'z.txt']);
    } finally {
      await removeWorktree(checkout);
    }
  });
});

describe('integratePatches', () => {
  test('two non-overlapping task patches integrate; the combined patch is their union', async () => {
    const repo = createRepo({ 'a.ts': text(LINES), 'b.ts': text(LINES) });
    const base = repo.head();
    const one = await taskPatch(repo, base, { 'a.ts': editLine(2, 'A') });
    const two = await taskPatch(repo, base, { 'b.ts': editLine(2, 'B'), 'c.bin': allBytes() });
    const integration = await integratePatches(
      repo.dir,
      base,
      [
        { taskId: 'one', patch: one.patch },
        { taskId: 'two', patch: two.patch },
        { taskId: 'nothing', patch: '' },
      ],
      { protectedPaths: ['.github/workflows/**'] },
    );
    expect(integration.results).toEqual([
      { taskId: 'one', result: 'applied', conflictingFiles: [], detail: '' },
      { taskId: 'two', result: 'applied', conflictingFiles: [], detail: '' },
      { taskId: 'nothing', result: 'skipped', conflictingFiles: [], detail: 'no change' },
    ]);
    for (const r of integration.results) expect(IntegrationResult.parse(r)).toEqual(r);
    expect(integration.changes.map((c) => c.path).sort()).toEqual(['a.ts', 'b.ts', 'c.bin']);
    const expected = await taskPatch(repo, base, {
      'a.ts': editLine(2, 'A'),
      'b.ts': editLine(2, 'B'),
      'c.bin': allBytes(),
    });
    expect(integration.tree).toBe(expected.tree);
    expect(await applyElsewhere(repo, base, integration.patch)).toBe(expected.tree);
    // the temporary worktree is gone
    expect(gitText(repo.dir, ['worktree', 'list']).split('\n')).toHaveLength(1);
  });

  test('same lines of the same file: the second conflicts with the file named, the first stays applied, later tasks still apply', async () => {
    const repo = createRepo({ 'shared.ts': text(LINES), 'other.ts': text(LINES) });
    const base = repo.head();
    const first = await taskPatch(repo, base, { 'shared.ts': editLine(10, 'first'), 'new-first.txt': 'f\n' });
    const second = await taskPatch(repo, base, { 'shared.ts': editLine(10, 'second'), 'new-second.txt': 's\n' });
    const third = await taskPatch(repo, base, { 'other.ts': editLine(1, 'third') });
    const integration = await integratePatches(
      repo.dir,
      base,
      [
        { taskId: 'first', patch: first.patch },
        { taskId: 'second', patch: second.patch },
        { taskId: 'third', patch: third.patch },
      ],
      { protectedPaths: [] },
    );
    expect(integration.results.map((r) => [r.taskId, r.result])).toEqual([
      ['first', 'applied'],
      ['second', 'conflicted'],
      ['third', 'applied'],
    ]);
    const conflict = integration.results[1] as IntegrationResult;
    expect(conflict.conflictingFiles).toEqual(['shared.ts']);
    expect(conflict.detail).toMatch(/task second conflicts with the base with first applied in shared\.ts/);
    expect(IntegrationResult.parse(conflict)).toEqual(conflict);
    // nothing of the conflicted attempt leaks: not even its non-conflicting new file
    expect(integration.changes.map((c) => c.path).sort()).toEqual(['new-first.txt', 'other.ts', 'shared.ts']);
    expect(integration.patch).toContain('+first');
    expect(integration.patch).not.toContain('second');
    // The tree written from the worktree's index after the undone attempt is what its files record as.
    const expected = await taskPatch(repo, base, {
      'shared.ts': editLine(10, 'first'),
      'new-first.txt': 'f\n',
      'other.ts': editLine(1, 'third'),
    });
    expect(integration).toMatchObject({ tree: expected.tree, indexed: true });
  });

  test('3-way: a patch against the base applies onto a tree where another task changed nearby lines of the same file', async () => {
    const repo = createRepo({ 'f.ts': text(LINES) });
    const base = repo.head();
    const one = await taskPatch(repo, base, { 'f.ts': editLine(10, 'ten by one') });
    const two = await taskPatch(repo, base, { 'f.ts': editLine(13, 'thirteen by two') });
    // the hunks' context overlaps: a straight apply of the second fails
    const straight = await withWorktree(repo.dir, base, async (dir) => {
      await applyWithConflictMarkers(dir, one.patch);
      return gitText(dir, ['apply', '--check', '--index', '-'], { input: two.patch }).length;
    }).catch((error: Error) => error);
    expect(straight).toBeInstanceOf(Error);

    const integration = await integratePatches(
      repo.dir,
      base,
      [
        { taskId: 'one', patch: one.patch },
        { taskId: 'two', patch: two.patch },
      ],
      { protectedPaths: [] },
    );
    expect(integration.results).toEqual([
      { taskId: 'one', result: 'applied', conflictingFiles: [], detail: '' },
      { taskId: 'two', result: 'applied', conflictingFiles: [], detail: 'applied with a 3-way merge' },
    ]);
    const both = await taskPatch(repo, base, {
      'f.ts': editLines({ 10: 'ten by one', 13: 'thirteen by two' }),
    });
    expect(integration.tree).toBe(both.tree);
  });

  test('protected paths are refused before applying, naming the path, including either side of a rename', async () => {
    const repo = createRepo({ '.github/workflows/ci.yml': 'on: push\n', 'src/a.ts': 'a\n', 'moved.yml': 'x: 1\n' });
    const base = repo.head();
    const edit = await taskPatch(repo, base, { '.github/workflows/ci.yml': 'on: pull_request\n' });
    const renameFrom = await taskPatch(repo, base, { '.github/workflows/ci.yml': null, 'ci-moved.yml': 'on: push\n' });
    const renameTo = await taskPatch(repo, base, { 'moved.yml': null, '.github/workflows/nested/new.yml': 'x: 1\n' });
    const fine = await taskPatch(repo, base, { 'src/a.ts': 'b\n' });
    expect(renameFrom.changes).toEqual([
      { kind: 'renamed', path: 'ci-moved.yml', oldPath: '.github/workflows/ci.yml' },
    ]);
    expect(renameTo.changes).toEqual([
      { kind: 'renamed', path: '.github/workflows/nested/new.yml', oldPath: 'moved.yml' },
    ]);

    const integration = await integratePatches(
      repo.dir,
      base,
      [
        { taskId: 'edit', patch: edit.patch },
        { taskId: 'rename-from', patch: renameFrom.patch },
        { taskId: 'rename-to', patch: renameTo.patch },
        { taskId: 'fine', patch: fine.patch },
      ],
      { protectedPaths: ['.github/workflows/**'] },
    );
    const [e, from, to, ok] = integration.results;
    expect(e).toMatchObject({
      result: 'skipped',
      detail: expect.stringContaining('".github/workflows/ci.yml" (protected by ".github/workflows/**")'),
    });
    expect(from).toMatchObject({ result: 'skipped', detail: expect.stringContaining('".github/workflows/ci.yml"') });
    expect(to).toMatchObject({
      result: 'skipped',
      detail: expect.stringContaining('".github/workflows/nested/new.yml"'),
    });
    expect(e?.detail).toMatch(/^refused: the patch of task edit touches protected path/);
    expect(ok).toMatchObject({ result: 'applied' });
    expect(integration.changes).toEqual([{ kind: 'modified', path: 'src/a.ts', oldPath: null }]);

    await expect(assertNoProtectedPaths(renameFrom.patch, ['.github/workflows/**'])).rejects.toThrow(
      ProtectedPathError,
    );
    await expect(assertNoProtectedPaths(renameFrom.patch, ['.github/workflows/**'])).rejects.toThrow(
      /\.github\/workflows\/ci\.yml/,
    );
    await expect(assertNoProtectedPaths(fine.patch, ['.github/workflows/**'])).resolves.toBeUndefined();
  });

  test('a patch git cannot read is skipped with the reason, not dropped silently', async () => {
    const repo = createRepo();
    const integration = await integratePatches(
      repo.dir,
      repo.head(),
      [{ taskId: 'junk', patch: 'this is not a patch\n' }],
      {
        protectedPaths: [],
      },
    );
    expect(integration.results[0]).toMatchObject({
      taskId: 'junk',
      result: 'skipped',
      detail: expect.stringMatching(/junk.*not a patch git can read/),
    });
    expect(integration.patch).toBe('');
  });

  test('conflict resolution: markers in a kept worktree, resolved by editing, then diffAgainstBase gives the resolved change', async () => {
    const repo = createRepo({ 'shared.ts': text(LINES) });
    const base = repo.head();
    const first = await taskPatch(repo, base, { 'shared.ts': editLine(5, 'first') });
    const second = await taskPatch(repo, base, { 'shared.ts': editLine(5, 'second') });
    const wt = await createWorktree(repo.dir, base);
    try {
      const integration = await integratePatches(
        repo.dir,
        base,
        [
          { taskId: 'first', patch: first.patch },
          { taskId: 'second', patch: second.patch },
        ],
        { protectedPaths: [], worktreeDir: wt.dir },
      );
      expect(integration.results.map((r) => r.result)).toEqual(['applied', 'conflicted']);
      // the kept worktree is in the integrated state
      expect(readFile(wt.dir, 'shared.ts')).toBe(editLine(5, 'first'));

      const attempt = await applyWithConflictMarkers(wt.dir, second.patch);
      expect(attempt).toMatchObject({ ok: false, conflictingFiles: ['shared.ts'] });
      const marked = readFile(wt.dir, 'shared.ts');
      expect(marked).toMatch(/^<<<<<<< .*\nfirst\n=======\nsecond\n>>>>>>> /m);
      writeFiles(wt.dir, {
        'shared.ts': marked.replace(/<<<<<<< .*\nfirst\n=======\nsecond\n>>>>>>> .*\n/, 'first and second\n'),
      });
      const resolved = await diffAgainstBase(wt.dir, base);
      expect(resolved.changes).toEqual([{ kind: 'modified', path: 'shared.ts', oldPath: null }]);
      expect(resolved.patch).toContain('+first and second');
      expect(resolved.patch).not.toContain('<<<<<<<');
    } finally {
      await removeWorktree(wt);
    }
  });

  test('a kept worktree that is not clean at the base is refused', async () => {
    const repo = createRepo();
    const wt = await createWorktree(repo.dir, repo.head());
    try {
      writeFiles(wt.dir, { 'stray.txt': 'x' });
      await expect(
        integratePatches(repo.dir, repo.head(), [], { protectedPaths: [], worktreeDir: wt.dir }),
      ).rejects.toThrow(/must be clean and at the base.*stray\.txt/);
    } finally {
      await removeWorktree(wt);
    }
  });
});

describe('reading patches', () => {
  test('modified, added, deleted, renamed, copied and binary sections', () => {
    const patch = [
      'diff --git a/src/m.ts b/src/m.ts',
      'index 1111111..2222222 100644',
      '--- a/src/m.ts',
      '+++ b/src/m.ts',
      '@@ -1 +1 @@',
      '-a',
      '+diff --git a/fake b/fake',
      'diff --git a/new.txt b/new.txt',
      'new file mode 100644',
      'index 0000000..3333333',
      '--- /dev/null',
      '+++ b/new.txt',
      '@@ -0,0 +1 @@',
      '+x',
      'diff --git a/gone.txt b/gone.txt',
      'deleted file mode 100644',
      'index 4444444..0000000',
      '--- a/gone.txt',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-y',
      'diff --git a/old name.txt b/new name.txt',
      'similarity index 90%',
      'rename from old name.txt',
      'rename to new name.txt',
      'diff --git a/c1 b/c2',
      'similarity index 100%',
      'copy from c1',
      'copy to c2',
      'diff --git a/img.png b/img.png',
      'new file mode 100644',
      'index 0000000..5555555',
      'GIT binary patch',
      'literal 3',
      'KcmZQzWMT#Y01f~L',
      '',
      'literal 0',
      'HcmV?d00001',
      '',
    ].join('\n');
    expect(pathsInPatch(patch)).toEqual([
      { kind: 'modified', path: 'src/m.ts', oldPath: null },
      { kind: 'added', path: 'new.txt', oldPath: null },
      { kind: 'deleted', path: 'gone.txt', oldPath: null },
      { kind: 'renamed', path: 'new name.txt', oldPath: 'old name.txt' },
      { kind: 'copied', path: 'c2', oldPath: 'c1' },
      { kind: 'added', path: 'img.png', oldPath: null },
    ]);
  });

  test('paths with spaces (trailing tab on ---/+++), quoted unicode, and a binary modification with spaces', () => {
    const patch = [
      'diff --git a/dir with space/f g.txt b/dir with space/f g.txt',
      'index 1111111..2222222 100644',
      '--- a/dir with space/f g.txt\t',
      '+++ b/dir with space/f g.txt\t',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      'diff --git "a/\\346\\227\\245\\346\\234\\254/\\303\\251 t.md" "b/\\346\\227\\245\\346\\234\\254/\\303\\251 t.md"',
      'index 1111111..2222222 100644',
      '--- "a/\\346\\227\\245\\346\\234\\254/\\303\\251 t.md"',
      '+++ "b/\\346\\227\\245\\346\\234\\254/\\303\\251 t.md"',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      'diff --git a/bin ary.dat b/bin ary.dat',
      'index 1111111..2222222 100644',
      'GIT binary patch',
      'literal 3',
      'KcmZQzWMT#Y01f~L',
      '',
      'literal 3',
      'KcmZQzWMT#Y01f~L',
      '',
      'diff --git "a/.github/workflows/\\303\\251.yml" "b/moved.yml"',
      'similarity index 100%',
      'rename from ".github/workflows/\\303\\251.yml"',
      'rename to moved.yml',
    ].join('\n');
    const changes = pathsInPatch(patch);
    expect(changes).toEqual([
      { kind: 'modified', path: 'dir with space/f g.txt', oldPath: null },
      { kind: 'modified', path: '日本/é t.md', oldPath: null },
      { kind: 'modified', path: 'bin ary.dat', oldPath: null },
      { kind: 'renamed', path: 'moved.yml', oldPath: '.github/workflows/é.yml' },
    ]);
    expect(touchedPaths(changes)).toContain('.github/workflows/é.yml');
  });

  test('an empty patch has no files', () => {
    expect(pathsInPatch('')).toEqual([]);
  });

  test('a file whose names cannot be read has the path (or source) "", for a caller to refuse', () => {
    expect(pathsInPatch('diff --git a/x b/y b/z\nold mode 100644\nnew mode 100755\n')).toEqual([
      { kind: 'modified', path: '', oldPath: null },
    ]);
    const badSource = 'diff --git a/x b/y b/z\nrename from "\\q"\nrename to y\n';
    expect(pathsInPatch(badSource)).toEqual([{ kind: 'renamed', path: 'y', oldPath: '' }]);
  });

  // pathsInPatch is a projection of parseUnifiedDiff now; these are the answers that changed.
  test('an old and a new name that differ without rename lines are a rename, so both paths are touched', () => {
    const workflow = '.github/workflows/ci.yml';
    const patch = `diff --git a/${workflow} b/b.txt\n--- a/${workflow}\n+++ b/b.txt\n@@ -1 +1 @@\n-a\n+b\n`;
    // It used to be { kind: 'modified', path: 'b.txt' }, which hid the workflow git deletes.
    const changes = pathsInPatch(patch);
    expect(changes).toEqual([{ kind: 'renamed', path: 'b.txt', oldPath: '.github/workflows/ci.yml' }]);
    expect(touchedPaths(changes)).toEqual(['.github/workflows/ci.yml', 'b.txt']);
  });

  test("plain `---`/`+++` files are read, before the first `diff --git` line and after a section's hunks", () => {
    const plain = (name: string) => `--- a/${name}\n+++ b/${name}\n@@ -1 +1 @@\n-a\n+b\n`;
    const section = 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n';
    const patch = `${plain('before.txt')}${section}${plain('after.txt')}`;
    // They used to be left to git (`pathsGitReads`), which reads them too.
    expect(pathsInPatch(patch).map((c) => c.path)).toEqual(['before.txt', 'x', 'after.txt']);
  });
});
