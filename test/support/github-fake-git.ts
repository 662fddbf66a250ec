/**
 * The git object store behind the GitHub fake: blobs, trees and commits hashed exactly as git
 * hashes them (so a tree built through the fake has the SHA a local `git write-tree` gives for the
 * same files), trees edited the way `POST /git/trees` edits them (`base_tree`, nested paths,
 * `sha: null` deletions), ancestry for fast-forward checks, and a line diff with GitHub's hunks to
 * tell which lines of a pull request a review comment may sit on.
 */
import { createHash } from 'node:crypto';

export type EntryType = 'blob' | 'tree' | 'commit';
export type EntryMode = '100644' | '100755' | '040000' | '160000' | '120000';

export interface TreeEntry {
  /** One path component. */
  name: string;
  mode: EntryMode;
  type: EntryType;
  sha: string;
}

export interface GitPerson {
  name: string;
  email: string;
  /** ISO 8601, as GitHub returns it. */
  date: string;
}

export interface CommitObject {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: GitPerson;
  committer: GitPerson;
  /** GitHub signs commits it creates itself (no custom author or committer, no signature). */
  verified: boolean;
}

/** A failure GitHub answers with 422 (or 404/409), carrying its message. */
export class GitError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const hash = (type: string, body: Buffer) =>
  createHash('sha1')
    .update(Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]))
    .digest('hex');

/** Git orders tree entries by name, comparing a subtree's name as if it ended with `/`. */
const sortKey = (entry: TreeEntry) => (entry.type === 'tree' ? `${entry.name}/` : entry.name);
const byGitOrder = (a: TreeEntry, b: TreeEntry) => Buffer.compare(Buffer.from(sortKey(a)), Buffer.from(sortKey(b)));

function unixSeconds(iso: string): number {
  return Math.floor(new Date(iso).getTime() / 1000);
}

/** A tree being edited: subtrees are expanded only when an edit reaches into them. */
function treeBody(sorted: readonly TreeEntry[]): Buffer {
  return Buffer.concat(
    sorted.flatMap((e) => [
      Buffer.from(`${e.mode === '040000' ? '40000' : e.mode} ${e.name}\0`),
      Buffer.from(e.sha, 'hex'),
    ]),
  );
}

function commitBody(fields: Omit<CommitObject, 'sha'>): Buffer {
  const person = (p: GitPerson) => `${p.name} <${p.email}> ${unixSeconds(p.date)} +0000`;
  const text = [
    `tree ${fields.tree}`,
    ...fields.parents.map((p) => `parent ${p}`),
    `author ${person(fields.author)}`,
    `committer ${person(fields.committer)}`,
    '',
    fields.message,
  ].join('\n');
  return Buffer.from(text, 'utf8');
}

type Node =
  | { kind: 'leaf'; entry: TreeEntry }
  | { kind: 'dir'; children: Map<string, Node> | null; sha: string | null };

export class GitStore {
  readonly blobs = new Map<string, Buffer>();
  readonly trees = new Map<string, TreeEntry[]>();
  readonly commits = new Map<string, CommitObject>();

  /** The SHA of the empty tree, as in every git repository. */
  readonly emptyTree: string;

  constructor() {
    this.emptyTree = this.writeTree([]);
  }

  writeBlob(content: Buffer | string): string {
    const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const sha = hash('blob', body);
    this.blobs.set(sha, body);
    return sha;
  }

  writeTree(entries: TreeEntry[]): string {
    const sorted = [...entries].sort(byGitOrder);
    const sha = hash('tree', treeBody(sorted));
    this.trees.set(sha, sorted);
    return sha;
  }

  writeCommit(fields: Omit<CommitObject, 'sha'>): CommitObject {
    const sha = hash('commit', commitBody(fields));
    const commit = { ...fields, sha };
    this.commits.set(sha, commit);
    return commit;
  }

  /** An object as git stores it (type and body), so that it can be written into a real repository. */
  rawObject(sha: string): { type: EntryType; body: Buffer } {
    const blob = this.blobs.get(sha);
    if (blob) return { type: 'blob', body: blob };
    const tree = this.trees.get(sha);
    if (tree) return { type: 'tree', body: treeBody(tree) };
    const commit = this.commits.get(sha);
    if (commit) return { type: 'commit', body: commitBody(commit) };
    throw new GitError(404, `no object ${sha}`);
  }

  typeOf(sha: string): EntryType | null {
    if (this.blobs.has(sha)) return 'blob';
    if (this.trees.has(sha)) return 'tree';
    if (this.commits.has(sha)) return 'commit';
    return null;
  }

  /** A tree from a map of paths to file contents (`null` never appears here). */
  treeFromFiles(files: Record<string, string | Buffer>): string {
    return this.editTree(
      null,
      Object.entries(files).map(([path, content]) => ({
        path,
        mode: '100644',
        type: 'blob',
        sha: this.writeBlob(content),
      })),
    );
  }

  /**
   * `POST /git/trees`: `edits` applied on `base` (or on nothing). An edit with `sha: null`
   * deletes the path; nested paths create the directories they need; directories left empty
   * disappear, as git cannot hold an empty tree.
   */
  editTree(
    base: string | null,
    edits: { path: string; mode: EntryMode; type: EntryType; sha: string | null }[],
  ): string {
    const root: Node = { kind: 'dir', children: null, sha: base };
    const expand = (dir: Extract<Node, { kind: 'dir' }>): Map<string, Node> => {
      if (dir.children) return dir.children;
      dir.children = new Map();
      const entries = dir.sha ? this.trees.get(dir.sha) : [];
      if (!entries) throw new GitError(422, `tree ${dir.sha} does not exist`);
      for (const entry of entries) {
        dir.children.set(
          entry.name,
          entry.type === 'tree' ? { kind: 'dir', children: null, sha: entry.sha } : { kind: 'leaf', entry },
        );
      }
      return dir.children;
    };
    for (const edit of edits) {
      const parts = edit.path.split('/');
      if (edit.path === '' || parts.some((p) => p === '' || p === '.' || p === '..' || p === '.git')) {
        throw new GitError(422, `tree.path contains a malformed path component: "${edit.path}"`);
      }
      let dir = root;
      for (const part of parts.slice(0, -1)) {
        const children = expand(dir);
        let next = children.get(part);
        if (!next) {
          if (edit.sha === null)
            throw new GitError(422, `path ${edit.path} does not exist in the base tree, so it cannot be deleted`);
          next = { kind: 'dir', children: new Map(), sha: null };
          children.set(part, next);
        }
        if (next.kind !== 'dir') throw new GitError(422, `tree.path ${edit.path}: ${part} is a file, not a directory`);
        dir = next;
      }
      const name = parts[parts.length - 1]!;
      const children = expand(dir);
      if (edit.sha === null) {
        if (!children.has(name))
          throw new GitError(422, `path ${edit.path} does not exist in the base tree, so it cannot be deleted`);
        children.delete(name);
      } else if (edit.type === 'tree') {
        children.set(name, { kind: 'dir', children: null, sha: edit.sha });
      } else {
        children.set(name, { kind: 'leaf', entry: { name, mode: edit.mode, type: edit.type, sha: edit.sha } });
      }
    }
    const write = (dir: Extract<Node, { kind: 'dir' }>): string | null => {
      if (!dir.children) return dir.sha;
      const entries: TreeEntry[] = [];
      for (const [name, node] of dir.children) {
        if (node.kind === 'leaf') entries.push(node.entry);
        else {
          const sha = write(node);
          if (sha && sha !== this.emptyTree) entries.push({ name, mode: '040000', type: 'tree', sha });
        }
      }
      return this.writeTree(entries);
    };
    return write(root) ?? this.emptyTree;
  }

  /** Every file of a tree, path → entry, recursively (blobs, symlinks and submodules). */
  flatten(treeSha: string, prefix = ''): Map<string, TreeEntry> {
    const out = new Map<string, TreeEntry>();
    for (const entry of this.trees.get(treeSha) ?? []) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.type === 'tree') for (const [p, e] of this.flatten(entry.sha, path)) out.set(p, e);
      else out.set(path, entry);
    }
    return out;
  }

  /** Every entry of a tree with its full path, subtrees included, in git's order (`?recursive=1`). */
  walk(treeSha: string, recursive: boolean, prefix = ''): { path: string; entry: TreeEntry }[] {
    const out: { path: string; entry: TreeEntry }[] = [];
    for (const entry of this.trees.get(treeSha) ?? []) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      out.push({ path, entry });
      if (recursive && entry.type === 'tree') out.push(...this.walk(entry.sha, true, path));
    }
    return out;
  }

  isAncestor(ancestor: string, of: string): boolean {
    const seen = new Set<string>();
    const queue = [of];
    while (queue.length > 0) {
      const sha = queue.pop()!;
      if (sha === ancestor) return true;
      if (seen.has(sha)) continue;
      seen.add(sha);
      queue.push(...(this.commits.get(sha)?.parents ?? []));
    }
    return false;
  }

  /** The files that differ between two commits, with the lines a review comment may use. */
  diff(baseCommit: string, headCommit: string): FileDiff[] {
    const base = this.flatten(this.commits.get(baseCommit)!.tree);
    const head = this.flatten(this.commits.get(headCommit)!.tree);
    const paths = [...new Set([...base.keys(), ...head.keys()])].sort();
    const files: FileDiff[] = [];
    for (const path of paths) {
      const before = base.get(path);
      const after = head.get(path);
      if (before?.sha === after?.sha && before?.mode === after?.mode) continue;
      const lines = (entry: TreeEntry | undefined) => {
        if (entry?.type !== 'blob') return [];
        const text = this.blobs.get(entry.sha)?.toString('utf8') ?? '';
        if (text === '') return [];
        return text.replace(/\n$/, '').split('\n');
      };
      const hunks = diffHunks(lines(before), lines(after));
      files.push({
        path,
        status: fileStatus(before, after),
        sha: after?.sha ?? before!.sha,
        additions: hunks.additions,
        deletions: hunks.deletions,
        right: hunks.right,
        left: hunks.left,
      });
    }
    return files;
  }
}

export interface FileDiff {
  path: string;
  status: 'added' | 'removed' | 'modified';
  sha: string;
  additions: number;
  deletions: number;
  /** Line numbers of the new file inside the diff's hunks (added and context lines). */
  right: Set<number>;
  /** Line numbers of the old file inside the diff's hunks (removed and context lines). */
  left: Set<number>;
}

/** A file's status between two commits: added when the base lacks it, removed when the head does. */
function fileStatus(before: TreeEntry | undefined, after: TreeEntry | undefined): FileDiff['status'] {
  if (!before) return 'added';
  if (!after) return 'removed';
  return 'modified';
}

const CONTEXT = 3;

/** The hunks of a unified diff with 3 lines of context, as the sets of commentable lines per side. */
export function diffHunks(
  before: string[],
  after: string[],
): { right: Set<number>; left: Set<number>; additions: number; deletions: number } {
  // Longest common subsequence; files in tests are small.
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  type Op = { kind: ' ' | '-' | '+'; left: number; right: number };
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) ops.push({ kind: ' ', left: ++i, right: ++j });
    else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) ops.push({ kind: '+', left: i, right: ++j });
    else ops.push({ kind: '-', left: ++i, right: j });
  }
  const right = new Set<number>();
  const left = new Set<number>();
  let additions = 0;
  let deletions = 0;
  ops.forEach((op, index) => {
    if (op.kind === '+') additions++;
    if (op.kind === '-') deletions++;
    const near = ops.slice(Math.max(0, index - CONTEXT), index + CONTEXT + 1).some((o) => o.kind !== ' ');
    if (op.kind === '+') right.add(op.right);
    else if (op.kind === '-') left.add(op.left);
    else if (near) {
      right.add(op.right);
      left.add(op.left);
    }
  });
  return { right, left, additions, deletions };
}
