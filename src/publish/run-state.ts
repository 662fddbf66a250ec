/**
 * A published run's state, kept in the repository under `refs/ensemble/state/<branch>` so that a
 * follow-up run on its pull request (a fix asked for in a review, weeks later) starts from the
 * plan, the test report and the reviews of the change as it stands, after the run's artifacts have
 * expired. The ref points at a commit whose tree holds the documents (never transcripts); each
 * publish adds a commit on top of the last, so the history of a pull request's state is kept too.
 *
 * Which findings are still open is not stored here: GitHub's review threads are that ledger
 * (`pipeline/follow-up.ts`). The documents are checked by the safe-output policy before they are
 * written, like every other text ensemble publishes.
 */
import { createHash } from 'node:crypto';
import type { PlanDocument } from '../contracts/plan.ts';
import { ContractError, parseDocumentText } from '../contracts/read.ts';
import type { ReviewDocument } from '../contracts/review.ts';
import type { TestDocument } from '../contracts/test-report.ts';
import { explainGitHubError, githubCall, statusOf } from '../github/errors.ts';
import type { GitHubClient } from '../github/octokit.ts';
import { errorMessage, UserError } from '../util/errors.ts';
import type { RemoteRepo } from './git-data.ts';
import { checkSafeOutputs, formatRefusals, type SafeOutputsOptions } from './policy.ts';

export interface RunState {
  plan: PlanDocument;
  /** The test report of the change as it stands; null when the run had none. */
  test: TestDocument | null;
  /** The reviews of the change as it stands, one per lens. */
  reviews: ReviewDocument[];
}

export interface StoredRunState {
  /** The state commit the ref points at. */
  commit: string;
  state: RunState;
}

/** The stored state of a run's branch is unusable: the follow-up says what to do. */
export class RunStateError extends UserError {
  override name = 'RunStateError';
}

/** `refs/ensemble/state/issue-7` for `ensemble/issue-7`. */
export function stateRefFor(branch: string): string {
  return `refs/ensemble/state/${branch.replace(/^ensemble\//, '').replace(/\//g, '-')}`;
}

const PLAN = 'plan.json';
const TEST = 'test.json';
const REVIEW_DIR = 'reviews';

/** The files of a state commit: path → text. */
export function stateFiles(state: RunState): Map<string, string> {
  const files = new Map<string, string>([[PLAN, `${JSON.stringify(state.plan, null, 2)}\n`]]);
  if (state.test) files.set(TEST, `${JSON.stringify(state.test, null, 2)}\n`);
  for (const review of state.reviews) {
    files.set(`${REVIEW_DIR}/${review.lens}.json`, `${JSON.stringify(review, null, 2)}\n`);
  }
  return files;
}

/**
 * Writes `state` as a new state commit of `branch` and points the ref at it; the commit, or why
 * not (the policy refused a document): the pull request stands, but a follow-up run will say that
 * this run left no state. The same documents again write nothing.
 */
export async function writeRunState(
  octokit: GitHubClient,
  repo: RemoteRepo,
  branch: string,
  state: RunState,
  policy: SafeOutputsOptions,
): Promise<{ commit: string } | { refused: string }> {
  const files = stateFiles(state);
  const texts = Object.fromEntries(
    [...files].map(([path, text]) => [path, { label: `stored state ${path}`, text, kind: 'raw' as const }]),
  );
  // The documents are git objects no one is notified of: @-words in them (a decorator or a JSDoc tag
  // in a finding's code, unfenced in JSON) are no mention flood. Secrets and credentials still refuse.
  const checked = await checkSafeOutputs({ patches: [], texts }, { ...policy, maxMentions: Number.POSITIVE_INFINITY });
  if (!checked.ok) return { refused: formatRefusals(checked.refusals, { allowedHost: policy.allowedHost }) };

  const { owner, repo: name } = repo;
  const ref = stateRefFor(branch);
  const write = { permission: 'contents: write' };
  const where = `${owner}/${name}`;
  const previous = await stateCommitOf(octokit, repo, ref);
  // The same documents again (a re-run of the publish): the ref stays where it is, nothing is written.
  if (previous !== null && (await sameFiles(octokit, repo, previous, files))) return { commit: previous };
  // The documents inline in the tree (they are UTF-8 JSON): one call, no blob per file.
  const tree = [...files].map(([path, content]) => ({ path, mode: '100644' as const, type: 'blob' as const, content }));
  const { data: madeTree } = await githubCall({ action: `store the run's state in ${where}`, ...write }, () =>
    octokit.rest.git.createTree({ owner, repo: name, tree }),
  );
  const message = `ensemble run state of ${branch}\n\nrun: ${state.plan.run.runId}\n`;
  const { data: commit } = await githubCall({ action: `store the run's state in ${where}`, ...write }, () =>
    octokit.rest.git.createCommit({
      owner,
      repo: name,
      message,
      tree: madeTree.sha,
      parents: previous === null ? [] : [previous],
    }),
  );
  await githubCall({ action: `point ${ref} of ${where} at the run's state`, ...write }, async () => {
    if (previous === null) await octokit.rest.git.createRef({ owner, repo: name, ref, sha: commit.sha });
    else await octokit.rest.git.updateRef({ owner, repo: name, ref: ref.slice(5), sha: commit.sha, force: true });
  });
  return { commit: commit.sha };
}

/** The SHA git gives a blob of `text`. */
function blobSha(text: string): string {
  const body = Buffer.from(text, 'utf8');
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${body.length}\0`), body]))
    .digest('hex');
}

/** Whether the state commit holds exactly `files` (paths and contents), read without writing. */
async function sameFiles(
  octokit: GitHubClient,
  repo: RemoteRepo,
  commit: string,
  files: ReadonlyMap<string, string>,
): Promise<boolean> {
  const read = { action: `read the stored state of ${repo.owner}/${repo.repo}`, permission: 'contents: read' };
  const { data: made } = await githubCall(read, () =>
    octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: commit }),
  );
  const { data: tree } = await githubCall(read, () =>
    octokit.rest.git.getTree({ owner: repo.owner, repo: repo.repo, tree_sha: made.tree.sha, recursive: 'true' }),
  );
  const stored = new Map(tree.tree.filter((e) => e.type === 'blob').map((e) => [e.path, e.sha]));
  return stored.size === files.size && [...files].every(([path, text]) => stored.get(path) === blobSha(text));
}

async function stateCommitOf(octokit: GitHubClient, repo: RemoteRepo, ref: string): Promise<string | null> {
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

/**
 * The stored state of `branch`, validated document by document; null when the branch has none.
 * A document that does not validate throws `RunStateError` naming it.
 */
export async function readRunState(
  octokit: GitHubClient,
  repo: RemoteRepo,
  branch: string,
): Promise<StoredRunState | null> {
  const { owner, repo: name } = repo;
  const ref = stateRefFor(branch);
  const read = { permission: 'contents: read' };
  const commit = await stateCommitOf(octokit, repo, ref);
  if (commit === null) return null;
  const { data: made } = await githubCall({ action: `read ${ref} of ${owner}/${name}`, ...read }, () =>
    octokit.rest.git.getCommit({ owner, repo: name, commit_sha: commit }),
  );
  const { data: tree } = await githubCall({ action: `read ${ref} of ${owner}/${name}`, ...read }, () =>
    octokit.rest.git.getTree({ owner, repo: name, tree_sha: made.tree.sha, recursive: 'true' }),
  );
  const texts = new Map<string, string>();
  for (const entry of tree.tree) {
    if (entry.type !== 'blob' || !entry.path || !entry.sha) continue;
    const sha = entry.sha;
    const { data } = await githubCall({ action: `read ${entry.path} of ${ref}`, ...read }, () =>
      octokit.rest.git.getBlob({ owner, repo: name, file_sha: sha }),
    );
    texts.set(entry.path, Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8'));
  }
  const parse = <K extends 'plan' | 'test' | 'review'>(kind: K, path: string) => {
    try {
      return parseDocumentText(kind, texts.get(path) as string, { artifact: ref, file: path });
    } catch (error) {
      // The problems only: the contract's own hint (re-run the stage that wrote it) cannot mend a stored state.
      const problems =
        error instanceof ContractError
          ? error.problems.map((p) => `${p.path}: ${p.message}`).join('; ')
          : errorMessage(error);
      throw new RunStateError(
        `${ref} (commit ${commit}) holds an invalid ${path} (${problems}). ` +
          'Delete the ref to start over: a follow-up run then needs a new run on the issue',
      );
    }
  };
  if (!texts.has(PLAN)) throw new RunStateError(`${ref} (commit ${commit}) holds no ${PLAN}`);
  const reviews = [...texts.keys()]
    .filter((path) => path.startsWith(`${REVIEW_DIR}/`) && path.endsWith('.json'))
    .sort()
    .map((path) => parse('review', path));
  return {
    commit,
    state: { plan: parse('plan', PLAN), test: texts.has(TEST) ? parse('test', TEST) : null, reviews },
  };
}
