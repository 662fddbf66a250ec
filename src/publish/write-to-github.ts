/**
 * Step 6 of `publishToGitHub`, the only one that writes: the commits through the Git Data API and
 * the branch (`git-data.ts`), the pull request and its labels (`pull-request.ts`), the review
 * (`review.ts`), in that order, with the texts the policy sanitised. A GitHub error stops the
 * writes where it happens; the result then says what was written before it, and the error says
 * so too.
 */
import type { RunIdentity } from '../contracts/common.ts';
import type { GitHubClient } from '../github/octokit.ts';
import { withTrailers } from '../workspace/commit.ts';
import { type CommitSequence, RUN_TRAILER } from './commits.ts';
import type { PublishTexts, ReviewToPost } from './compose-texts.ts';
import {
  branchHead,
  type ForeignCommit,
  foreignCommitsOnBranch,
  matchingRemoteChain,
  pushCommits,
  type RemoteRepo,
  setBranch,
} from './git-data.ts';
import { addLabels, type UpsertedPullRequest, upsertPullRequest } from './pull-request.ts';
import { NOTHING_WRITTEN, type Written } from './report.ts';
import { postReview } from './review.ts';
import { NOTHING_WRITTEN_NOTE, type PublishLog } from './step.ts';

export interface WriteToGitHubOptions {
  octokit: GitHubClient;
  repo: RemoteRepo;
  /** Where the local commits are. */
  repoDir: string;
  run: Pick<RunIdentity, 'baseSha'>;
  /** ensemble's branch (`branchFor`). */
  branch: string;
  /** The pull request's base. */
  defaultBranch: string;
  sequence: CommitSequence;
  /** What the policy let through, sanitised. */
  texts: PublishTexts<string>;
  /** Whether a new pull request is opened as a draft. */
  draft: boolean;
  /** `publish.labels`. */
  labels: readonly string[];
  log: PublishLog;
}

export interface WriteResult {
  /** What was written: everything when `error` is null, else what was written before it. */
  written: Written;
  /** The GitHub error, followed by what was written before it; null when everything was written. */
  error: string | null;
}

const UNPLACED = 'GitHub refused the placement of the inline comments; every finding is in the review body.';

/** Writes, in order; never throws: a failed write is the result's `error`. */
export async function writeToGitHub(options: WriteToGitHubOptions): Promise<WriteResult> {
  const pushed = await attempt(() => pushBranch(options));
  if (!pushed.ok) return failedAfter(NOTHING_WRITTEN, pushed.error);
  const onBranch: Written = { ...NOTHING_WRITTEN, branch: options.branch, commits: pushed.value.commits };

  const pull = await attempt(() => openPullRequest(options));
  if (!pull.ok) return failedAfter(onBranch, pull.error);
  const { number, url, outcome } = pull.value;
  const withPull: Written = { ...onBranch, pr: { number, url, outcome } };
  const labelled = await attempt(() => labelPullRequest(options, pull.value));
  if (!labelled.ok) return failedAfter(withPull, labelled.error);

  const review = options.texts.review;
  if (!review) return { written: withPull, error: null };
  const posted = await attempt(() => postTheReview(options, review, number, pushed.value.head));
  if (!posted.ok) return failedAfter(withPull, posted.error);
  return { written: { ...withPull, ...posted.value }, error: null };
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: string };

async function attempt<T>(write: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await write() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function failedAfter(written: Written, error: string): WriteResult {
  return { written, error: `${error}\n${whatWasWritten(written)}` };
}

function whatWasWritten(written: Written): string {
  if (written.branch === null) return NOTHING_WRITTEN_NOTE;
  const { branch, pr } = written;
  if (pr === null) return `The branch ${branch} was pushed before this failed; no pull request was opened.`;
  return `The branch ${branch} and pull request #${pr.number} were updated before this failed.`;
}

/** ensemble's branch holds commits it did not make: nothing is pushed, and the message names them. */
export class ForeignCommitsError extends Error {
  override name = 'ForeignCommitsError';
  constructor(branch: string, commits: readonly ForeignCommit[]) {
    const listed = commits.map((c) => `${c.sha.slice(0, 12)} ${JSON.stringify(c.subject)}`).join(', ');
    const count = commits.length === 1 ? '1 commit' : `${commits.length} commits`;
    super(
      `branch ${branch} holds ${count} that ensemble did not make (${listed}), so it was left as it is and ` +
        "this run's commits were not pushed. To publish this run, move that work to a branch of its own " +
        `and delete ${branch}, then re-run the publish job.`,
    );
  }
}

/** The commits on GitHub (those of an earlier run when they are the same) and the branch at the last one. */
async function pushBranch(options: WriteToGitHubOptions): Promise<{ head: string; commits: Written['commits'] }> {
  const { octokit, repo, branch, sequence, log } = options;
  const { baseSha } = options.run;
  const messages = new Map(options.texts.commitMessages.map((c) => [c.sha, c.message]));
  const local = sequence.commits.map((c) => ({
    sha: c.sha,
    tree: c.tree,
    parent: c.parent,
    message: withTrailers(messages.get(c.sha) ?? c.subject, c.trailers),
  }));
  const current = await branchHead(octokit, repo, branch);
  const reused = current === null ? null : await matchingRemoteChain(octokit, repo, current, baseSha, local);
  // A person's commits on ensemble's branch are never moved away from: the branch is left as it is.
  if (current !== null && reused === null) {
    const foreign = await foreignCommitsOnBranch(octokit, repo, current, baseSha, RUN_TRAILER);
    if (foreign.length > 0) throw new ForeignCommitsError(branch, foreign);
  }
  const remote = reused ?? (await pushCommits(octokit, repo, options.repoDir, baseSha, local));
  const head = remote[remote.length - 1]!.sha;
  const moved = await setBranch(octokit, repo, branch, head);
  const unchanged = reused ? ', unchanged since the last run' : '';
  log.info(`branch ${branch}: ${moved} at ${head} (${remote.length} commits${unchanged})`);
  const commits = sequence.commits.map((c, i) => ({ sha: remote[i]!.sha, stage: c.stage, taskId: c.taskId }));
  return { head, commits };
}

async function openPullRequest(options: WriteToGitHubOptions): Promise<UpsertedPullRequest> {
  const { octokit, repo, branch, texts } = options;
  const pull = await upsertPullRequest(octokit, repo, {
    branch,
    base: options.defaultBranch,
    title: texts.prTitle,
    body: texts.prBody,
    draft: options.draft,
  });
  options.log.info(`pull request #${pull.number}: ${pull.outcome} (${pull.url})`);
  return pull;
}

async function labelPullRequest(options: WriteToGitHubOptions, pull: UpsertedPullRequest): Promise<void> {
  if (options.labels.length > 0) await addLabels(options.octokit, options.repo, pull, options.labels);
}

async function postTheReview(
  options: WriteToGitHubOptions,
  review: ReviewToPost<string>,
  pull: number,
  head: string,
): Promise<Pick<Written, 'review' | 'reviewId' | 'notes'>> {
  const { octokit, repo, log } = options;
  const posted = await postReview(octokit, repo, pull, head, review, review, log);
  log.info(`review: ${posted.outcome} (${posted.event})`);
  const blocking = review.event === 'REQUEST_CHANGES';
  return {
    reviewId: posted.id,
    review: { url: posted.url, outcome: posted.outcome, event: posted.event, blocking },
    notes: posted.unplaced ? [UNPLACED] : [],
  };
}
