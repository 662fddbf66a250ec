/**
 * Commits through GitHub's Git Data API: the commits `buildCommitSequence` made locally are
 * recreated on GitHub, tree by tree, so that no git credentials ever reach the disk and nothing
 * is pushed from a shell.
 *
 * - Each tree is built on its parent commit's tree (`base_tree`) with only the entries that
 *   differ: text files inline (`content`), binary files (and large or non-UTF-8 text) as blobs
 *   sent base64, deletions as `sha: null`, modes kept (executables, symbolic links, submodules).
 *   GitHub hashes trees as git does, so the tree it returns must be the local tree: a mismatch
 *   stops the publish before any ref moves.
 * - Commits are created without an author or committer, so GitHub signs them (Verified) as the
 *   token's identity; the trailers in the message name the run, stage and task.
 * - Blobs, trees and commits are content-addressed: creating one twice is harmless, which is why
 *   the client retries them. Refs are not: the branch is read first, then created or
 *   force-updated, and a creation whose answer was lost is looked for before it is tried again.
 */
import { explainGitHubError, githubCall, statusOf } from '../github/errors.ts';
import type { GitHubClient } from '../github/octokit.ts';
import { writeOnce } from '../github/write-once.ts';
import { errorMessage } from '../util/errors.ts';
import { hardenedGit, nulFields } from '../workspace/git.ts';

export interface RemoteRepo {
  owner: string;
  repo: string;
}

type Mode = '100644' | '100755' | '040000' | '160000' | '120000';

export interface TreeEdit {
  path: string;
  mode: Mode;
  type: 'blob' | 'tree' | 'commit';
  sha?: string | null;
  content?: string;
}

/** Inline `content` up to this size; larger files go as blobs. */
const MAX_INLINE_BYTES = 512 * 1024;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Text GitHub can take inline: valid UTF-8 without NUL, not too large. */
export function inlineText(bytes: Buffer): string | null {
  if (bytes.length > MAX_INLINE_BYTES || bytes.includes(0)) return null;
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}

const MODES = new Set<string>(['100644', '100755', '160000', '120000']);

interface RawChange {
  oldMode: string;
  newMode: string;
  oldSha: string;
  newSha: string;
  status: string;
  path: string;
}

/** `git diff-tree -r -z --raw --no-renames from to`. */
async function rawChanges(repoDir: string, from: string, to: string): Promise<RawChange[]> {
  const git = hardenedGit(repoDir);
  const out = await git.run(
    ['diff-tree', '-r', '-z', '--raw', '--no-renames', '--no-ext-diff', '--full-index', from, to],
    {
      what: `list the files that differ between ${from} and ${to}`,
    },
  );
  const fields = nulFields(out.stdout);
  const changes: RawChange[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const meta = /^:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*$/.exec(fields[i] ?? '');
    if (!meta) throw new Error(`unexpected git diff-tree output: ${JSON.stringify(fields[i])}`);
    changes.push({
      oldMode: meta[1]!,
      newMode: meta[2]!,
      oldSha: meta[3]!,
      newSha: meta[4]!,
      status: meta[5]!,
      path: fields[i + 1] ?? '',
    });
  }
  return changes;
}

/** A blob's bytes from the local repository. */
async function blobBytes(repoDir: string, sha: string): Promise<Buffer> {
  return (await hardenedGit(repoDir).run(['cat-file', 'blob', sha], { what: `read blob ${sha}` })).stdout;
}

/**
 * The tree entries that turn the local tree `from` into `to`, for `POST /git/trees` on
 * `base_tree` = the remote copy of `from`. Blobs that cannot go inline are created first.
 */
export async function treeEdits(
  octokit: GitHubClient,
  repo: RemoteRepo,
  repoDir: string,
  from: string,
  to: string,
): Promise<TreeEdit[]> {
  const edits: TreeEdit[] = [];
  for (const change of await rawChanges(repoDir, from, to)) {
    if (change.status === 'D') {
      const mode = change.oldMode as Mode;
      edits.push({ path: change.path, mode, type: mode === '160000' ? 'commit' : 'blob', sha: null });
      continue;
    }
    if (!MODES.has(change.newMode))
      throw new Error(`${change.path} has mode ${change.newMode}, which ensemble cannot publish`);
    const mode = change.newMode as Mode;
    if (mode === '160000') {
      edits.push({ path: change.path, mode, type: 'commit', sha: change.newSha });
      continue;
    }
    if (change.oldSha === change.newSha) {
      // A mode change: the blob is already in the parent's tree on GitHub.
      edits.push({ path: change.path, mode, type: 'blob', sha: change.newSha });
      continue;
    }
    const bytes = await blobBytes(repoDir, change.newSha);
    const text = inlineText(bytes);
    if (text !== null) {
      edits.push({ path: change.path, mode, type: 'blob', content: text });
      continue;
    }
    const { data } = await githubCall(
      { action: `upload the content of ${change.path}`, permission: 'contents: write' },
      () =>
        octokit.rest.git.createBlob({
          owner: repo.owner,
          repo: repo.repo,
          content: bytes.toString('base64'),
          encoding: 'base64',
        }),
    );
    if (data.sha !== change.newSha) {
      throw new Error(
        `GitHub stored ${change.path} as blob ${data.sha}, but its ` +
          `content is blob ${change.newSha} here; nothing was published`,
      );
    }
    edits.push({ path: change.path, mode, type: 'blob', sha: data.sha });
  }
  return edits;
}

export interface LocalCommit {
  /** Local commit SHA, tree and parent. */
  sha: string;
  tree: string;
  parent: string;
  /** A merge commit's further parents: commits GitHub has already (the base branch's). */
  otherParents?: readonly string[];
  /** The message to give the commit on GitHub. */
  message: string;
}

export interface RemoteCommit {
  sha: string;
  tree: string;
}

/** The tree of a commit on GitHub. */
export async function remoteTreeOf(octokit: GitHubClient, repo: RemoteRepo, sha: string): Promise<string> {
  const { data } = await githubCall(
    { action: `read commit ${sha} of ${repo.owner}/${repo.repo}`, permission: 'contents: read' },
    () => octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: sha }),
  );
  return data.tree.sha;
}

/**
 * The commits on the branch's current head, newest last, when they are exactly `commits` (same
 * trees and messages, on the same base): a re-run with the same artifacts keeps the branch as it
 * is. Null otherwise.
 */
export async function matchingRemoteChain(
  octokit: GitHubClient,
  repo: RemoteRepo,
  head: string,
  baseSha: string,
  commits: readonly LocalCommit[],
): Promise<RemoteCommit[] | null> {
  const chain: RemoteCommit[] = [];
  let sha = head;
  for (let i = commits.length - 1; i >= 0; i--) {
    let data: Awaited<ReturnType<GitHubClient['rest']['git']['getCommit']>>['data'];
    try {
      ({ data } = await octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: sha }));
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
    const want = commits[i]!;
    const others = want.otherParents ?? [];
    if (
      data.tree.sha !== want.tree ||
      data.message.replace(/\n+$/, '') !== want.message.replace(/\n+$/, '') ||
      data.parents.length !== 1 + others.length ||
      others.some((sha, i) => data.parents[i + 1]?.sha !== sha)
    ) {
      return null;
    }
    chain.unshift({ sha: data.sha, tree: data.tree.sha });
    sha = data.parents[0]!.sha;
  }
  return sha === baseSha ? chain : null;
}

/**
 * Recreates `commits` (a chain on `baseSha`) on GitHub and returns their SHAs there. The base
 * commit must be on GitHub with the same tree as here.
 */
export async function pushCommits(
  octokit: GitHubClient,
  repo: RemoteRepo,
  repoDir: string,
  baseSha: string,
  commits: readonly LocalCommit[],
): Promise<RemoteCommit[]> {
  const where = `${repo.owner}/${repo.repo}`;
  const localBaseTree = await hardenedGit(repoDir).text(['rev-parse', '--verify', `${baseSha}^{tree}`], {
    what: `read the base ${baseSha}`,
  });
  let parent = baseSha;
  let parentTree = await remoteTreeOf(octokit, repo, baseSha);
  if (parentTree !== localBaseTree) {
    throw new Error(
      `the base commit ${baseSha} has tree ${parentTree} on GitHub ` +
        `but ${localBaseTree} in the checkout; nothing was published`,
    );
  }
  let localParentTree = localBaseTree;
  const pushed: RemoteCommit[] = [];
  for (const commit of commits) {
    const edits = await treeEdits(octokit, repo, repoDir, localParentTree, commit.tree);
    const { data: tree } = await githubCall(
      { action: `create a tree in ${where}`, permission: 'contents: write' },
      () => octokit.rest.git.createTree({ owner: repo.owner, repo: repo.repo, base_tree: parentTree, tree: edits }),
    );
    if (tree.sha !== commit.tree) {
      throw new Error(
        `GitHub built tree ${tree.sha} where the checkout has ${commit.tree} ` +
          `(commit ${commit.sha}); the branch was not updated, nothing was published`,
      );
    }
    const { data: made } = await githubCall(
      { action: `create a commit in ${where}`, permission: 'contents: write' },
      () =>
        octokit.rest.git.createCommit({
          owner: repo.owner,
          repo: repo.repo,
          message: commit.message,
          tree: tree.sha,
          parents: [parent, ...(commit.otherParents ?? [])],
        }),
    );
    pushed.push({ sha: made.sha, tree: tree.sha });
    parent = made.sha;
    parentTree = tree.sha;
    localParentTree = commit.tree;
  }
  return pushed;
}

/** The commit `refs/heads/<branch>` points at on GitHub, or null when there is no such branch. */
/** A commit on the remote branch that ensemble did not make (no `Ensemble-Run` trailer). */
export interface ForeignCommit {
  sha: string;
  subject: string;
}

/** How far back along the branch, and along the base's history, the check looks. */
const FOREIGN_WALK_LIMIT = 100;

/**
 * The commits on the remote branch at `head`, back to the run's base, that do not carry
 * ensemble's run trailer: a person's commits, which a re-run must never move the branch away
 * from. The walk follows first parents from `head` until `baseSha`. A commit without the trailer
 * that is in the base's own history (an earlier run was made at an older base) ends the walk.
 * When the walk cannot decide within its limit, it throws, so that the branch is left alone.
 */
export async function foreignCommitsOnBranch(
  octokit: GitHubClient,
  repo: RemoteRepo,
  head: string,
  baseSha: string,
  trailer: string,
): Promise<ForeignCommit[]> {
  const read = async (sha: string) =>
    githubCall({ action: `read commit ${sha} of ${repo.owner}/${repo.repo}`, permission: 'contents: read' }, () =>
      octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: sha }),
    );
  let baseHistory: Set<string> | null = null;
  const inBaseHistory = async (sha: string) => {
    if (baseHistory === null) {
      baseHistory = new Set();
      let at: string | undefined = baseSha;
      for (let i = 0; at && i < FOREIGN_WALK_LIMIT; i++) {
        baseHistory.add(at);
        at = (await read(at)).data.parents[0]?.sha;
      }
    }
    return baseHistory.has(sha);
  };
  const marked = new RegExp(`^${trailer}: `, 'm');
  const foreign: ForeignCommit[] = [];
  let sha: string | undefined = head;
  for (let i = 0; sha && sha !== baseSha; i++) {
    if (i >= FOREIGN_WALK_LIMIT) {
      throw new Error(
        `branch ${head.slice(0, 12)}…: could not tell within ${FOREIGN_WALK_LIMIT} commits whether it holds ` +
          "commits ensemble did not make, so it was left as it is; delete the branch (it is ensemble's) to publish",
      );
    }
    const { data } = await read(sha);
    if (!marked.test(data.message)) {
      if (await inBaseHistory(sha)) break;
      foreign.push({ sha, subject: data.message.split('\n')[0] ?? '' });
    }
    sha = data.parents[0]?.sha;
  }
  return foreign;
}

export async function branchHead(octokit: GitHubClient, repo: RemoteRepo, branch: string): Promise<string | null> {
  try {
    const { data } = await octokit.rest.git.getRef({ owner: repo.owner, repo: repo.repo, ref: `heads/${branch}` });
    return data.object.sha;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw explainGitHubError(error, {
      action: `read branch ${branch} of ${repo.owner}/${repo.repo}`,
      permission: 'contents: read',
    });
  }
}

export type BranchOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Points branch `branch` at `sha`: created when it does not exist, force-updated when it does
 * (the branch belongs to ensemble; a re-run replaces its commits).
 */
export async function setBranch(
  octokit: GitHubClient,
  repo: RemoteRepo,
  branch: string,
  sha: string,
): Promise<BranchOutcome> {
  const where = `${repo.owner}/${repo.repo}`;
  const operation = { action: `push branch ${branch} to ${where}`, permission: 'contents: write' };
  const update = async (): Promise<BranchOutcome> => {
    await githubCall(operation, () =>
      octokit.rest.git.updateRef({ owner: repo.owner, repo: repo.repo, ref: `heads/${branch}`, sha, force: true }),
    );
    return 'updated';
  };
  const current = await branchHead(octokit, repo, branch);
  if (current === sha) return 'unchanged';
  if (current !== null) return update();
  try {
    await writeOnce(octokit, {
      operation,
      create: async () => {
        await octokit.rest.git.createRef({ owner: repo.owner, repo: repo.repo, ref: `refs/heads/${branch}`, sha });
        return sha;
      },
      find: async () => ((await branchHead(octokit, repo, branch)) === sha ? sha : null),
    });
    return 'created';
  } catch (error) {
    // Made meanwhile (a concurrent run, or a first attempt whose answer was lost and then moved).
    if (statusOf(error) === 422 && /already exists/i.test(errorMessage(error))) return update();
    throw error;
  }
}
