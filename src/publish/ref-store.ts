/**
 * Documents kept in the repository itself, outside any branch: a ref under `refs/ensemble/` points
 * at a commit whose tree holds them, each write a commit on top of the last, so that a later run
 * reads them after the run's artifacts have expired and the history of what was stored is kept.
 * The run's state (`run-state.ts`) and the checkpoints of waiting runs (`checkpoint-store.ts`) are
 * stored this way, written through the Git Data API.
 *
 * What is written is checked by the safe-output policy first, like every text ensemble publishes;
 * what is read is text only, validated by the caller.
 */
import { createHash } from 'node:crypto';
import { ContractError } from '../contracts/read.ts';
import { explainGitHubError, githubCall, statusOf } from '../github/errors.ts';
import type { GitHubClient } from '../github/octokit.ts';
import { errorMessage } from '../util/errors.ts';
import type { RemoteRepo } from './git-data.ts';
import { checkSafeOutputs, formatRefusals, type SafeOutputsOptions } from './policy.ts';

/** A commit's files: path → text (UTF-8). */
export type StoredFiles = ReadonlyMap<string, string>;

export interface RefWrite {
  /** The full ref, `refs/ensemble/…`. */
  ref: string;
  /** Every file of the new commit: a path not listed is not in it. */
  files: StoredFiles;
  message: string;
  /** What is stored, for errors: "the run's state". */
  what: string;
  /** What a refusal calls a file, before its path: `stored state` gives "stored state plan.json". */
  label: string;
}

/**
 * Writes `files` as a new commit on top of the one `ref` points at (a first commit when the ref
 * does not exist) and points the ref at it; the commit, or why not (the policy refused a file,
 * and nothing was written). The same files again write nothing: the ref's commit is returned.
 */
export async function storeFiles(
  octokit: GitHubClient,
  repo: RemoteRepo,
  write: RefWrite,
  policy: SafeOutputsOptions,
): Promise<{ commit: string } | { refused: string }> {
  const { ref, files } = write;
  const texts = Object.fromEntries(
    [...files].map(([path, text]) => [path, { label: `${write.label} ${path}`, text, kind: 'raw' as const }]),
  );
  // The files are git objects no one is notified of: @-words in them (a decorator or a JSDoc tag
  // in a finding's code, unfenced in JSON) are no mention flood. Secrets and credentials still refuse.
  const checked = await checkSafeOutputs({ patches: [], texts }, { ...policy, maxMentions: Number.POSITIVE_INFINITY });
  if (!checked.ok) return { refused: formatRefusals(checked.refusals, { allowedHost: policy.allowedHost }) };

  const { owner, repo: name } = repo;
  const where = `${owner}/${name}`;
  const store = { action: `store ${write.what} in ${where}`, permission: 'contents: write' };
  const previous = await refCommit(octokit, repo, ref);
  // The same files again (a re-run of the publish): the ref stays where it is, nothing is written.
  if (previous !== null && (await sameFiles(octokit, repo, ref, previous, files))) return { commit: previous };
  // The files inline in the tree (they are UTF-8 text): one call, no blob per file.
  const tree = [...files].map(([path, content]) => ({ path, mode: '100644' as const, type: 'blob' as const, content }));
  const { data: madeTree } = await githubCall(store, () => octokit.rest.git.createTree({ owner, repo: name, tree }));
  const { data: commit } = await githubCall(store, () =>
    octokit.rest.git.createCommit({
      owner,
      repo: name,
      message: write.message,
      tree: madeTree.sha,
      parents: previous === null ? [] : [previous],
    }),
  );
  await githubCall({ action: `point ${ref} of ${where} at ${write.what}`, permission: 'contents: write' }, async () => {
    if (previous === null) await octokit.rest.git.createRef({ owner, repo: name, ref, sha: commit.sha });
    else await octokit.rest.git.updateRef({ owner, repo: name, ref: ref.slice(5), sha: commit.sha, force: true });
  });
  return { commit: commit.sha };
}

/** The commit `ref` points at; null when the ref does not exist. */
export async function refCommit(octokit: GitHubClient, repo: RemoteRepo, ref: string): Promise<string | null> {
  try {
    const { data } = await octokit.rest.git.getRef({ owner: repo.owner, repo: repo.repo, ref: ref.slice(5) });
    return data.object.sha;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw explainGitHubError(error, {
      action: `read ${ref} of ${repo.owner}/${repo.repo}`,
      permission: 'contents: read',
    });
  }
}

/** The files of the commit `ref` points at; null when the ref does not exist. */
export async function readStoredFiles(
  octokit: GitHubClient,
  repo: RemoteRepo,
  ref: string,
): Promise<{ commit: string; files: Map<string, string> } | null> {
  const commit = await refCommit(octokit, repo, ref);
  if (commit === null) return null;
  return { commit, files: await filesOfCommit(octokit, repo, ref, commit) };
}

/** The files of `commit` (one that `ref` points or pointed at, named in errors). */
export async function filesOfCommit(
  octokit: GitHubClient,
  repo: RemoteRepo,
  ref: string,
  commit: string,
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const [path, sha] of await blobsOf(octokit, repo, ref, commit)) {
    const { data } = await githubCall({ action: `read ${path} of ${ref}`, permission: 'contents: read' }, () =>
      octokit.rest.git.getBlob({ owner: repo.owner, repo: repo.repo, file_sha: sha }),
    );
    files.set(path, Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8'));
  }
  return files;
}

/** The files of `commit` by blob SHA, path → SHA, read without their contents. */
async function blobsOf(
  octokit: GitHubClient,
  repo: RemoteRepo,
  ref: string,
  commit: string,
): Promise<Map<string, string>> {
  const { owner, repo: name } = repo;
  const read = { action: `read ${ref} of ${owner}/${name}`, permission: 'contents: read' };
  const { data: made } = await githubCall(read, () =>
    octokit.rest.git.getCommit({ owner, repo: name, commit_sha: commit }),
  );
  const { data: tree } = await githubCall(read, () =>
    octokit.rest.git.getTree({ owner, repo: name, tree_sha: made.tree.sha, recursive: 'true' }),
  );
  const blobs = new Map<string, string>();
  for (const entry of tree.tree) if (entry.type === 'blob' && entry.path && entry.sha) blobs.set(entry.path, entry.sha);
  return blobs;
}

/** The SHA git gives a blob of `text`. */
function blobSha(text: string): string {
  const body = Buffer.from(text, 'utf8');
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${body.length}\0`), body]))
    .digest('hex');
}

/** Whether `commit` holds exactly `files` (paths and contents), compared by blob SHA. */
async function sameFiles(
  octokit: GitHubClient,
  repo: RemoteRepo,
  ref: string,
  commit: string,
  files: StoredFiles,
): Promise<boolean> {
  const stored = await blobsOf(octokit, repo, ref, commit);
  return stored.size === files.size && [...files].every(([path, text]) => stored.get(path) === blobSha(text));
}

/**
 * What is wrong with a stored document that did not validate, as one line: the problems only. The
 * contract's own hint (re-run the stage that wrote it) cannot mend a stored document.
 */
export function storedProblems(error: unknown): string {
  return error instanceof ContractError ? problemsLine(error.problems) : errorMessage(error);
}

/** `$.status: Invalid option; $.plan: …`. */
export function problemsLine(problems: readonly { path: string; message: string }[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('; ');
}
