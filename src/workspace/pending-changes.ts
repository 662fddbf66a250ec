import type { Git } from './git.ts';
import type { FileChange } from './patch.ts';

/**
 * What `git add --all` would record in the work tree of `git` against its own index, without
 * recording it (`git add --all --dry-run`: one git process, no temporary index, the index left as
 * it is): files changed, added or deleted, ignored files left out, content compared as git
 * compares it. `tracked` is the set of paths the index holds, which tells an added file from a
 * modified one. No rename detection: for a work tree whose files are only written, never removed
 * (the documentation agent's tools), there is no rename to detect.
 */
export async function pendingChanges(git: Git, tracked: ReadonlySet<string>): Promise<FileChange[]> {
  const out = await git.text(['add', '--all', '--dry-run'], { what: `look for changes in ${git.cwd}` });
  const changes: FileChange[] = [];
  for (const line of out.split('\n')) {
    // `add '<path>'` or `remove '<path>'`, the path as it is (LC_ALL=C: the messages are git's English ones).
    const match = /^(add|remove) '(.*)'$/.exec(line);
    if (!match) {
      if (line !== '') throw new Error(`unexpected output of git add --dry-run in ${git.cwd}: ${line}`);
      continue;
    }
    const [, verb, path] = match as unknown as [string, string, string];
    if (verb === 'remove') changes.push({ kind: 'deleted', path, oldPath: null });
    else changes.push({ kind: tracked.has(path) ? 'modified' : 'added', path, oldPath: null });
  }
  return changes;
}
