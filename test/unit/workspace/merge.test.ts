import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildMergeCommit, conflictMarkersIn, UnresolvedConflictError } from '../../../src/publish/commits.ts';
import { hardenedGit } from '../../../src/workspace/git.ts';
import { mergeTrees, resolvableInText } from '../../../src/workspace/merge.ts';
import { allBytes, cleanupTemps, createRepo, isolateGit, type TestRepo } from '../../support/git-fixture.ts';

/**
 * The merge of a moved base into ensemble's branch: `git merge-tree` as objects only, the kinds of
 * conflict it names (only conflicts in a file's text are resolvable by editing), and the one merge
 * commit the publisher makes of a resolved merge — refused while a conflict marker is left.
 */

beforeAll(isolateGit);
afterAll(cleanupTemps);

/** A repository whose `pr` branch and `main` both changed `f.txt` (and more, as `edit` says) since they split. */
function diverged(
  edit: { pr?: Record<string, string | Buffer | null>; main?: Record<string, string | Buffer | null> } = {},
) {
  const repo = createRepo({ 'f.txt': 'a\nb\nc\n', 'keep.txt': 'same\n', 'g.txt': 'g\n', 'h.bin': allBytes() });
  const base = repo.head();
  repo.git('checkout', '-q', '-b', 'pr');
  const pr = repo.commit({ 'f.txt': 'a\nPR\nc\n', ...edit.pr }, 'pr');
  repo.git('checkout', '-q', 'main');
  const main = repo.commit({ 'f.txt': 'a\nMAIN\nc\n', ...edit.main }, 'main');
  return { repo, base, pr, main };
}

function blob(repo: TestRepo, tree: string, path: string): string {
  return repo.git('cat-file', 'blob', `${tree}:${path}`);
}

describe('mergeTrees', () => {
  test('a conflict in a text file: a tree with markers, the file named as a contents conflict', async () => {
    const { repo, pr, main } = diverged();
    const before = repo.git('rev-parse', 'HEAD');
    const merged = await mergeTrees(hardenedGit(repo.dir), pr, main);
    expect(merged.conflicts).toEqual([{ path: 'f.txt', kinds: ['contents'] }]);
    expect(merged.conflicts.every(resolvableInText)).toBe(true);
    expect(blob(repo, merged.tree, 'f.txt')).toMatch(/^<{7} [^\n]*\nPR\n={7}\nMAIN\n>{7} /m);
    expect(blob(repo, merged.tree, 'keep.txt')).toBe('same');
    // Objects only: the checkout's branch, index and files are untouched.
    expect(repo.git('rev-parse', 'HEAD')).toBe(before);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  test('a file deleted on one side and a binary file are conflicts no text edit resolves', async () => {
    const { repo, pr, main } = diverged({
      pr: { 'g.txt': null, 'h.bin': Buffer.concat([allBytes(), Buffer.from('pr')]) },
      main: { 'g.txt': 'changed\n', 'h.bin': Buffer.concat([allBytes(), Buffer.from('main')]) },
    });
    const merged = await mergeTrees(hardenedGit(repo.dir), pr, main);
    const byPath = new Map(merged.conflicts.map((c) => [c.path, c]));
    expect(byPath.get('f.txt')?.kinds).toEqual(['contents']);
    expect(byPath.get('g.txt')?.kinds).toEqual(['modify/delete']);
    expect(byPath.get('h.bin')?.kinds).toContain('binary');
    expect(resolvableInText(byPath.get('g.txt')!)).toBe(false);
    expect(resolvableInText(byPath.get('h.bin')!)).toBe(false);
  });

  test('no conflict: the merged tree has both sides and nothing is named', async () => {
    const repo = createRepo({ 'a.txt': 'a\n', 'b.txt': 'b\n' });
    repo.git('checkout', '-q', '-b', 'pr');
    const pr = repo.commit({ 'a.txt': 'a from pr\n' });
    repo.git('checkout', '-q', 'main');
    const main = repo.commit({ 'b.txt': 'b from main\n' });
    const merged = await mergeTrees(hardenedGit(repo.dir), pr, main);
    expect(merged.conflicts).toEqual([]);
    expect(blob(repo, merged.tree, 'a.txt')).toBe('a from pr');
    expect(blob(repo, merged.tree, 'b.txt')).toBe('b from main');
  });
});

describe('the merge commit a resolved base merge is published as', () => {
  const run = (baseSha: string) => ({
    repository: 'octo-org/textkit',
    runId: '777',
    issue: 12,
    promptHash: null,
    baseSha,
    configHash: 'c'.repeat(64),
  });

  /** The round's change: from main to `f.txt` as given (the merged tree, resolved or not). */
  function roundChange(repo: TestRepo, main: string, text: string): string {
    repo.git('checkout', '-q', '--detach', main);
    repo.commit({ 'f.txt': text }, 'resolution');
    const patch = repo.git('diff', '--full-index', '--binary', main, 'HEAD');
    repo.git('checkout', '-q', 'main');
    return `${patch}\n`;
  }

  test('one commit: parents the head and the base, tree the resolved merge, ensemble trailers', async () => {
    const { repo, pr, main } = diverged();
    const change = roundChange(repo, main, 'a\nPR and MAIN\nc\n');
    const merge = { base: 'main', baseSha: main, conflicts: ['f.txt'] };
    const sequence = await buildMergeCommit({
      repoDir: repo.dir,
      run: run(main),
      headSha: pr,
      branch: 'ensemble/issue-12',
      merge,
      rounds: [{ document: { round: 1, commitMessage: 'Resolve the conflict' }, change }],
    });
    expect(sequence.commits).toHaveLength(1);
    const commit = sequence.commits[0]!;
    expect(repo.git('rev-list', '--parents', '-n', '1', commit.sha).split(' ').slice(1)).toEqual([pr, main]);
    expect(repo.git('show', `${commit.sha}:f.txt`)).toBe('a\nPR and MAIN\nc');
    const message = repo.git('log', '-1', '--format=%B', commit.sha);
    expect(message).toMatch(/^Merge main into ensemble\/issue-12\n/);
    expect(message).toContain('Ensemble-Run: 777');
    expect(sequence.head).toBe(commit.sha);
  });

  test('a marker left in a conflicted file refuses the merge, naming the file', async () => {
    const { repo, pr, main } = diverged();
    const change = roundChange(repo, main, 'a\n<<<<<<< pr\nPR\n=======\nMAIN\n>>>>>>> main\nc\n');
    const attempt = buildMergeCommit({
      repoDir: repo.dir,
      run: run(main),
      headSha: pr,
      branch: 'ensemble/issue-12',
      merge: { base: 'main', baseSha: main, conflicts: ['f.txt'] },
      rounds: [{ document: { round: 1, commitMessage: 'Try' }, change }],
    });
    await expect(attempt).rejects.toBeInstanceOf(UnresolvedConflictError);
    await expect(attempt).rejects.toThrow('conflict markers are left in f.txt');
  });

  test('conflictMarkersIn looks only at the conflicted files, and only at whole marker lines', async () => {
    const repo = createRepo({
      'a.md': 'text\n<<<<<<< ours\nx\n=======\ny\n>>>>>>> theirs\n',
      'b.md': 'an arrow <<<<<<< inside a line\n',
    });
    const tree = repo.git('rev-parse', 'HEAD^{tree}');
    expect(await conflictMarkersIn(repo.dir, tree, ['a.md', 'b.md'])).toEqual(['a.md']);
    expect(await conflictMarkersIn(repo.dir, tree, ['b.md'])).toEqual([]);
    expect(await conflictMarkersIn(repo.dir, tree, [])).toEqual([]);
  });
});
