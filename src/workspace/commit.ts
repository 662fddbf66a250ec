import path from 'node:path';
import { type Git, hardenedGit, hasCommit, isFullSha } from './git.ts';
import { FactCache } from './memo.ts';
import { type ScratchIndex, withScratchIndex } from './patched-tree.ts';
import { assertNoProtectedPaths } from './protect.ts';
import { repoInfo } from './repo.ts';

export interface GitIdentity {
  name: string;
  email: string;
  /** Any date git accepts (`2026-01-02T03:04:05Z`, `@1700000000 +0000`); now when absent. */
  date?: string;
}

export interface CommitPatchOptions {
  /** The commit the new one goes on top of; the patch is applied to its tree. */
  parentSha: string;
  patch: string;
  message: string;
  /** Appended in git trailer format (`Ensemble-Run: 123`), in this order. */
  trailers?: Record<string, string>;
  author: GitIdentity;
  /** Default: the author. */
  committer?: GitIdentity;
  /** When given, a patch touching a matching path throws `ProtectedPathError` before anything is written. */
  protectedPaths?: readonly string[];
  /** Allow a commit whose tree equals its parent's (an empty patch). Default false: that throws. */
  allowEmpty?: boolean;
}

const TRAILER_KEY = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/**
 * `message` with `trailers` appended as git trailers: in the message's last paragraph when that
 * already consists of trailers only, else in a new paragraph.
 */
export function withTrailers(message: string, trailers: Record<string, string> = {}): string {
  const body = message.replace(/\r\n/g, '\n').replace(/\s+$/, '');
  if (body.trim() === '') throw new Error('a commit message must not be empty');
  const lines: string[] = [];
  for (const [key, value] of Object.entries(trailers)) {
    if (!TRAILER_KEY.test(key)) throw new Error(`trailer key ${JSON.stringify(key)} must be letters, digits and "-"`);
    const flat = value.replace(/\s+/g, ' ').trim();
    if (flat === '') throw new Error(`trailer ${key} has an empty value`);
    lines.push(`${key}: ${flat}`);
  }
  if (lines.length === 0) return `${body}\n`;
  const paragraphs = body.split(/\n{2,}/);
  const last = paragraphs.length > 1 ? (paragraphs.at(-1) ?? '') : '';
  const lastIsTrailers = last !== '' && last.split('\n').every((line) => /^[A-Za-z0-9][A-Za-z0-9-]*: \S/.test(line));
  return `${body}${lastIsTrailers ? '\n' : '\n\n'}${lines.join('\n')}\n`;
}

/** The environment that makes `git commit-tree` write `author` and `committer`; throws for an unusable identity. */
function identityEnv(author: GitIdentity, committer: GitIdentity): Record<string, string> {
  for (const [role, who] of [
    ['author', author],
    ['committer', committer],
  ] as const) {
    if (who.name.trim() === '' || who.email.trim() === '' || /[<>\n]/.test(who.name + who.email)) {
      throw new Error(`the commit ${role} needs a name and an e-mail address without "<", ">" or newlines`);
    }
  }
  const env: Record<string, string> = {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: committer.name,
    GIT_COMMITTER_EMAIL: committer.email,
  };
  if (author.date) env.GIT_AUTHOR_DATE = author.date;
  if (committer.date) env.GIT_COMMITTER_DATE = committer.date;
  return env;
}

/** A commit and its tree. */
export interface Head {
  sha: string;
  tree: string;
}

/** Commits' trees read in this process, by repository and commit: what a SHA names never changes. */
const heads = new FactCache<Head>(64);

/** The tree of a commit (`git rev-parse <sha>^{commit}^{tree}`), read once per process. */
export function headOf(git: Git, sha: string): Promise<Head> {
  if (!isFullSha(sha))
    return Promise.reject(new Error(`cannot commit on ${JSON.stringify(sha)} in ${git.cwd}: not a full commit SHA`));
  return heads.of(`${path.resolve(git.cwd)}\0${sha}`, async () => {
    const tree = await git.text(['rev-parse', '--verify', '--end-of-options', `${sha}^{commit}^{tree}`], {
      what: `read the tree of ${sha}`,
    });
    return { sha, tree };
  });
}

/** One commit to write: its tree, its parents (the first is the one it goes on), its message and who made it. */
export interface CommitToWrite {
  tree: string;
  parents: readonly string[];
  /** The whole message, trailers included (`withTrailers`). */
  message: string;
  author: GitIdentity;
  /** Default: the author. */
  committer?: GitIdentity;
}

/** Writes one commit object (`git commit-tree`, never signed, no hooks) and returns its SHA. */
export function writeCommit(git: Git, commit: CommitToWrite): Promise<string> {
  const parents = commit.parents.flatMap((sha) => ['-p', sha]);
  return git.text(['commit-tree', '--no-gpg-sign', commit.tree, ...parents, '-F', '-'], {
    env: identityEnv(commit.author, commit.committer ?? commit.author),
    input: commit.message,
    what: `commit tree ${commit.tree} on ${commit.parents[0]} in ${git.cwd}`,
  });
}

/**
 * The tree of `head` plus `patch`, made in `index`, which holds `head`'s tree (and does again
 * afterwards when the patch does not apply). Throws, saying why, when there is no such commit to
 * make: an empty patch (unless `allowEmpty`, then `head`'s tree), a protected path, a patch that
 * does not apply, one that changes nothing. With `made`, that tree known already (this process
 * made it, `knownPatchedTree`): it is checked the same way, and `index` is left as it is.
 */
export async function treeWithPatch(
  git: Git,
  index: ScratchIndex,
  head: Head,
  patch: string,
  options: Pick<CommitPatchOptions, 'protectedPaths' | 'allowEmpty'> & { made?: string } = {},
): Promise<string> {
  const what = `commit a patch on ${head.sha} in ${git.cwd}`;
  if (patch.trim() === '') {
    if (!options.allowEmpty) throw new Error(`${what}: the patch is empty`);
    return head.tree;
  }
  if (options.protectedPaths)
    await assertNoProtectedPaths(patch, options.protectedPaths, `the patch to commit on ${head.sha}`, git.cwd);
  if (options.made !== undefined) return changedTree(options.made, head, what, options.allowEmpty);
  const applied = await index.apply(patch);
  if (!applied.ok) {
    await index.read(head.tree);
    const where = applied.conflictingFiles.length ? ` (conflicts in ${applied.conflictingFiles.join(', ')})` : '';
    throw new Error(`${what}: the patch does not apply${where}: ${applied.detail}`);
  }
  return changedTree(await index.write(), head, what, options.allowEmpty);
}

function changedTree(tree: string, head: Head, what: string, allowEmpty = false): string {
  if (tree === head.tree && !allowEmpty) throw new Error(`${what}: the patch changes nothing in that commit's tree`);
  return tree;
}

/**
 * Creates a commit of `parentSha` plus `patch` and returns its SHA, without touching the
 * user's work tree, index, HEAD or branches: the patch is applied in a temporary index
 * (`withScratchIndex`, `git apply --cached`, straight and then 3-way), written with `write-tree`
 * and committed with `commit-tree` (never signed, no hooks). Only objects are added.
 */
export async function commitPatch(repoDir: string, options: CommitPatchOptions): Promise<string> {
  const { root } = await repoInfo(repoDir);
  const git = hardenedGit(root);
  const { parentSha } = options;
  const what = `commit a patch on ${parentSha} in ${root}`;
  if (!isFullSha(parentSha)) throw new Error(`${what}: the parent must be a full commit SHA`);
  const message = withTrailers(options.message, options.trailers);
  const commit = { message, author: options.author, ...(options.committer ? { committer: options.committer } : {}) };
  identityEnv(commit.author, commit.committer ?? commit.author);
  const parentTree = await git.run(['rev-parse', '--verify', '--quiet', `${parentSha}^{tree}`], {
    okCodes: [0, 1, 128],
  });
  if (parentTree.code !== 0) throw new Error(`${what}: ${parentSha} is not a commit in that repository`);
  const head = { sha: parentSha, tree: parentTree.stdout.toString('utf8').trim() };
  return withScratchIndex(git, async (index) => {
    await index.read(head.tree);
    const tree = await treeWithPatch(git, index, head, options.patch, options);
    return writeCommit(git, { ...commit, tree, parents: [parentSha] });
  });
}

/**
 * Creates a commit whose tree is exactly `tree` on top of `parentSha` (the diff between them is
 * the commit's change), without touching any work tree, index or branch. Returns null when the
 * tree equals the parent's: there is nothing to commit.
 */
export async function commitTree(
  repoDir: string,
  options: {
    tree: string;
    parentSha: string;
    /** Further parents, for a merge commit (which is made even when its tree is the first parent's). */
    otherParents?: readonly string[];
    message: string;
    trailers?: Record<string, string>;
    author: GitIdentity;
    committer?: GitIdentity;
  },
): Promise<string | null> {
  const { root } = await repoInfo(repoDir);
  const git = hardenedGit(root);
  const what = `commit tree ${options.tree} on ${options.parentSha} in ${root}`;
  const others = options.otherParents ?? [];
  if (![options.parentSha, options.tree, ...others].every(isFullSha))
    throw new Error(`${what}: parents and tree must be full SHAs`);
  const parentTree = (await headOf(git, options.parentSha)).tree;
  if (parentTree === options.tree && others.length === 0) return null;
  return writeCommit(git, {
    tree: options.tree,
    parents: [options.parentSha, ...others],
    message: withTrailers(options.message, options.trailers),
    author: options.author,
    ...(options.committer ? { committer: options.committer } : {}),
  });
}

export interface UpdateBranchOptions {
  /** Only update when the branch is at this SHA now; null: only create it (it must not exist). */
  expectedSha?: string | null;
  /** `sha` is known to be a commit of the repository (the caller made it there): not looked up again. */
  knownCommit?: boolean;
}

export interface BranchUpdate {
  ref: string;
  /** Where the branch was before; null when it was created. */
  previousSha: string | null;
}

/**
 * Points `refs/heads/<branch>` of `repoDir` at commit `sha` (creating it), without touching any
 * work tree. Refuses a name `git check-ref-format --branch` rejects (or one it would expand,
 * like `@{-1}`), and a branch checked out in any worktree of the repository.
 */
export async function updateBranch(
  repoDir: string,
  branch: string,
  sha: string,
  options: UpdateBranchOptions = {},
): Promise<BranchUpdate> {
  const { root } = await repoInfo(repoDir);
  const git = hardenedGit(root);
  const bad = () => new Error(`cannot update branch ${JSON.stringify(branch)} in ${root}: not a valid branch name`);
  if (branch === '' || branch.startsWith('-') || branch.includes('@{') || branch.startsWith('refs/')) throw bad();
  const ref = `refs/heads/${branch}`;
  const nameChecked = branchNameCheck(git, branch);
  const assertName = (checked: { code: number | null; stdout: Buffer }) => {
    if (checked.code !== 0 || checked.stdout.toString('utf8').trim() !== branch) throw bad();
  };
  // Asked of git only as a full SHA: anything else could read as an option.
  if (!isFullSha(sha)) {
    assertName(await nameChecked);
    throw new Error(`cannot update branch ${branch} in ${root}: ${JSON.stringify(sha)} is not a full commit SHA`);
  }
  // The other checks read and change nothing: asked beside the name's; their verdicts in this order.
  const [checked, isCommit, listed, current] = await Promise.all([
    nameChecked,
    options.knownCommit ? true : hasCommit(git, sha),
    // Line-based, not `-z` (git 2.36+): a path with a newline in it is the one thing this misreads.
    git.text(['worktree', 'list', '--porcelain']).catch((error: unknown) => ({ error })),
    // An expected SHA is where the caller read the branch; `update-ref` holds it to that.
    options.expectedSha === undefined
      ? git.run(['rev-parse', '--verify', '--quiet', ref], { okCodes: [0, 1, 128] })
      : null,
  ]);
  assertName(checked);
  if (!isCommit)
    throw new Error(`cannot update branch ${branch} in ${root}: ${sha} is not a commit in that repository`);
  if (typeof listed !== 'string') throw listed.error;
  let worktree = '';
  for (const field of listed.split('\n')) {
    if (field.startsWith('worktree ')) worktree = field.slice('worktree '.length);
    else if (field === `branch ${ref}`) {
      throw new Error(
        `refusing to update branch ${branch} in ${root}: it is checked out in ${worktree}; ` +
          'ensemble never moves a checked-out branch (switch to another branch first)',
      );
    }
  }
  let previousSha: string | null = options.expectedSha ?? null;
  if (current) previousSha = current.code === 0 ? current.stdout.toString('utf8').trim() : null;
  const args = ['update-ref', '--no-deref', '-m', `ensemble: update ${branch}`, ref, sha];
  if (options.expectedSha !== undefined) args.push(options.expectedSha ?? '');
  await git.run(args, { what: `update branch ${branch} in ${root}` });
  return { ref, previousSha };
}

/** `git check-ref-format --branch` of names asked in this process: its verdict on a name never changes. */
const branchNames = new FactCache<{ code: number | null; stdout: Buffer }>(16);

/** What `git check-ref-format --branch <branch>` says (exit code, and the name as it reads it), asked once. */
export function branchNameCheck(git: Git, branch: string): Promise<{ code: number | null; stdout: Buffer }> {
  return branchNames.of(branch, () => git.run(['check-ref-format', '--branch', branch], { okCodes: [0, 1, 128] }));
}

export interface BranchCommit {
  sha: string;
  subject: string;
}

/**
 * Where `branch` points now (null when it does not exist) and the commits on it since `base` that
 * carry no `trailerKey` trailer: work that someone else, not ensemble, put on the branch.
 */
export async function commitsWithoutTrailer(
  repoDir: string,
  branch: string,
  base: string,
  trailerKey: string,
): Promise<{ head: string | null; commits: BranchCommit[] }> {
  const { root } = await repoInfo(repoDir);
  const git = hardenedGit(root);
  const ref = `refs/heads/${branch}`;
  const current = await git.run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { okCodes: [0, 1, 128] });
  if (current.code !== 0) return { head: null, commits: [] };
  const head = current.stdout.toString('utf8').trim();
  const format = `%H%x00%s%x00%(trailers:key=${trailerKey},valueonly,separator=%x2C)%x00`;
  const listed = await git.run(['log', '-z', `--format=${format}`, `${base}..${head}`], {
    what: `list the commits of ${branch} in ${root}`,
  });
  const fields = listed.stdout.toString('utf8').split('\0');
  const commits: BranchCommit[] = [];
  // Records are sha, subject, trailer values, then the record separator `-z` adds.
  for (let i = 0; i + 2 < fields.length; i += 4) {
    const sha = (fields[i] as string).replace(/^\n/, '');
    if (!isFullSha(sha)) continue;
    if ((fields[i + 2] as string).trim() === '') commits.push({ sha, subject: fields[i + 1] as string });
  }
  return { head, commits };
}
