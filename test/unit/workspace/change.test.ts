import { chmodSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { changeAgainstBase, createWorktree, diffAgainstBase, removeWorktree } from '../../../src/workspace/index.ts';
import { cleanupTemps, createRepo, isolateGit } from '../../support/git-fixture.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

test('changeAgainstBase gives the patch and the files diffAgainstBase gives', async () => {
  const lines = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n');
  const repo = createRepo({
    'keep.txt': 'keep\n',
    'edit.txt': 'one\ntwo\n',
    'gone.txt': 'bye\n',
    'move.txt': `${lines}\n`,
    'run.sh': 'echo hi\n',
  });
  const worktree = await createWorktree(repo.dir, repo.head());
  try {
    const at = (p: string) => path.join(worktree.dir, p);
    expect(await changeAgainstBase(worktree.dir, repo.head())).toEqual({ patch: '', changes: [] });
    writeFileSync(at('edit.txt'), 'one\nTWO\n');
    rmSync(at('gone.txt'));
    renameSync(at('move.txt'), at('moved.txt'));
    chmodSync(at('run.sh'), 0o755);
    writeFileSync(at('new.bin'), Buffer.from([0, 1, 2, 255, 0]));
    writeFileSync(at('na\u00efve name.txt'), 'x\n');
    const same = async () => {
      const { tree: _tree, ...full } = await diffAgainstBase(worktree.dir, repo.head());
      const change = await changeAgainstBase(worktree.dir, repo.head());
      expect(change).toEqual(full);
      return change;
    };
    await same();
    // A text file that is not UTF-8: its section is made again as a binary patch.
    writeFileSync(at('latin1.txt'), Buffer.from('caf\xe9\n', 'latin1'));
    const change = await same();
    expect(change.changes.map((c) => c.kind).sort()).toEqual([
      'added',
      'added',
      'added',
      'deleted',
      'modified',
      'modified',
      'renamed',
    ]);
  } finally {
    await removeWorktree(worktree);
  }
});
