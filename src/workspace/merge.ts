/**
 * A merge of two commits as objects only (`git merge-tree --write-tree`, git 2.38+): no branch,
 * index or work tree changes. The tree it writes has conflict markers in the files that conflict
 * in their contents; conflicts of another kind (a file deleted on one side and changed on the
 * other, a binary file, a rename on both sides) have no markers to resolve and are named as such.
 */
import type { Git } from './git.ts';

export interface MergeConflict {
  path: string;
  /** GitHub-style conflict types git reported for the path: `contents`, `modify/delete`, `binary`, … */
  kinds: string[];
}

export interface TreeMerge {
  /** The merged tree: conflict markers in the files that conflict in their contents. */
  tree: string;
  conflicts: MergeConflict[];
}

/** Merges `theirs` into `ours` (commits); the tree and every conflicted path with its kinds. */
export async function mergeTrees(git: Git, ours: string, theirs: string): Promise<TreeMerge> {
  const what = `merge ${theirs} into ${ours}`;
  const result = await git.run(['merge-tree', '--write-tree', '-z', ours, theirs], { what, okCodes: [0, 1] });
  const fields = result.stdout.toString().split('\0');
  const tree = fields[0] ?? '';
  if (!/^[0-9a-f]{40,64}$/.test(tree)) throw new Error(`${what}: git merge-tree gave no tree (${tree.slice(0, 80)})`);
  // Conflicted entries ("<mode> <oid> <stage>\t<path>") up to an empty field, then the messages:
  // "<number of paths>", the paths, "<type>", "<message>".
  const end = fields.indexOf('', 1);
  const conflicted = new Set(
    fields.slice(1, end === -1 ? 1 : end).map((entry) => entry.slice(entry.indexOf('\t') + 1)),
  );
  const kinds = new Map<string, Set<string>>([...conflicted].map((path) => [path, new Set<string>()]));
  let at = end === -1 ? fields.length : end + 1;
  while (at < fields.length) {
    const count = Number(fields[at]);
    if (!Number.isInteger(count) || count <= 0) break;
    const paths = fields.slice(at + 1, at + 1 + count);
    const type = fields[at + 1 + count] ?? '';
    at += count + 3;
    const kind = /^CONFLICT \((.+)\)$/.exec(type)?.[1];
    if (kind === undefined) continue;
    for (const path of paths) kinds.get(path)?.add(kind);
  }
  return {
    tree,
    conflicts: [...kinds].map(([path, found]) => ({ path, kinds: [...found].sort() })),
  };
}

/** Whether the merge left only conflicts whose markers a person (or an agent) can resolve in the text. */
export function resolvableInText(conflict: MergeConflict): boolean {
  return conflict.kinds.length > 0 && conflict.kinds.every((kind) => kind === 'contents');
}
