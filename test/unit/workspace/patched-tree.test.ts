import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hardenedGit } from '../../../src/workspace/git.ts';
import { patchedTree, rememberPatchedTree, withScratchIndex } from '../../../src/workspace/patched-tree.ts';
import { cleanupTemps, createRepo, isolateGit } from '../../support/git-fixture.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

/** A repository at `base`, and the change to `changed` as `git diff` writes it. */
function fixture() {
  const repo = createRepo({ 'a.txt': 'one\ntwo\n', 'b.txt': 'bee\n' });
  const base = repo.head();
  const changed = repo.commit({ 'a.txt': 'one\nTWO\n', 'c.txt': 'sea\n' });
  const patch = `${repo.git('diff', '--full-index', '--binary', base, changed)}\n`;
  repo.git('reset', '--hard', '--quiet', base);
  return { repo, base, patch, changedTree: repo.git('rev-parse', `${changed}^{tree}`) };
}

describe('patchedTree', () => {
  test('the base plus a patch is the tree the change was made as; the work tree and index stay', async () => {
    const { repo, base, patch, changedTree } = fixture();
    const made = await patchedTree(hardenedGit(repo.dir), base, patch);
    expect(made).toEqual({ ok: true, tree: changedTree });
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(repo.head()).toBe(base);
  });

  test('a patch that does not apply names the file and leaves nothing behind', async () => {
    const { repo, base } = fixture();
    const broken = 'diff --git a/b.txt b/b.txt\n--- a/b.txt\n+++ b/b.txt\n@@ -1 +1 @@\n-not there\n+x\n';
    const made = await patchedTree(hardenedGit(repo.dir), base, broken);
    expect(made.ok).toBe(false);
    expect(made.ok ? [] : made.conflictingFiles).toEqual(['b.txt']);
  });

  test('a tree already known for a starting tree and patch is used again, not made again', async () => {
    const { repo, base, patch } = fixture();
    const git = hardenedGit(repo.dir);
    const baseTree = repo.git('rev-parse', `${base}^{tree}`);
    // A stand-in tree: had the patch been applied again, the real tree would come back.
    rememberPatchedTree(git, baseTree, patch, baseTree);
    expect(await patchedTree(git, baseTree, patch)).toEqual({ ok: true, tree: baseTree });
    expect(await patchedTree(git, baseTree, `${patch}\n`)).not.toEqual({ ok: true, tree: baseTree });
  });

  test('a scratch index applies patches one after the other and reads a tree back after a failure', async () => {
    const { repo, base, patch, changedTree } = fixture();
    const git = hardenedGit(repo.dir);
    await withScratchIndex(git, async (index) => {
      await index.read(base);
      expect(await index.apply(patch)).toMatchObject({ ok: true, method: 'plain' });
      expect(await index.write()).toBe(changedTree);
      const broken = 'diff --git a/b.txt b/b.txt\n--- a/b.txt\n+++ b/b.txt\n@@ -1 +1 @@\n-not there\n+x\n';
      expect(await index.apply(broken)).toMatchObject({ ok: false, conflictingFiles: ['b.txt'] });
      await index.read(changedTree);
      expect(await index.write()).toBe(changedTree);
    });
  });
});
