/**
 * The publisher of a follow-up run (`pipeline/follow-up.ts`): onto the pull request ensemble
 * opened, never a new one. In order:
 *
 * 1. Read the run's artifacts (the follow-up document, the carried plan and test report, the open
 *    findings, the fix rounds) and take the branch's publish lock.
 * 2. Make one commit per re-tested fix round on the head the run started from, so that people's
 *    commits stay (`buildFollowUpCommits`); render the re-review (only findings not already in a
 *    thread get an inline comment), the thread replies and the pull request comment.
 * 3. Run the safe-output policy on every text and on each round's own fix (a person's commits
 *    are theirs, not ensemble's output).
 * 4. Write: the commits, the branch moved forward only (a branch that moved since the run started
 *    is left alone, and the comment says so); the re-review; a reply in each thread the rounds
 *    settled, resolving ensemble's own (a person's thread is left for that person); the stored
 *    state; the follow-up comment.
 *
 * Every write is idempotent: a re-run finds its commits (`matchingRemoteChain`), its review (the
 * fingerprint), its replies (their marker) and its comment (its marker), and adds none twice.
 */
import { ARTIFACTS } from '../artifacts/names.ts';
import type { RunDirectory } from '../artifacts/run-directory.ts';
import type { ArtifactStore } from '../artifacts/store.ts';
import type { FollowUpDocument, FollowUpThread } from '../contracts/follow-up.ts';
import type { PublishDocument } from '../contracts/publish.ts';
import { githubCall, statusOf } from '../github/errors.ts';
import { upsertMarkedComment } from '../github/issues.ts';
import type { GitHubClient } from '../github/octokit.ts';
import { listReviewThreads, replyToReviewComment, resolveReviewThread } from '../github/threads.ts';
import { renderFixMarkdown } from '../render/index.ts';
import { findMarker, marker } from '../render/marker.ts';
import { blockingFindings, type FixLoop, finalState, fixLoopCost, testedRounds } from '../review/index.ts';
import { errorMessage } from '../util/errors.ts';
import { withTrailers } from '../workspace/commit.ts';
import { hardenedGit } from '../workspace/git.ts';
import { parseUnifiedDiff } from '../workspace/index.ts';
import { diffTrees } from '../workspace/patch.ts';
import { type PublishArtifacts, readPublishArtifacts } from './artifacts.ts';
import { publishPolicy } from './check-policy.ts';
import {
  buildFollowUpCommits,
  buildMergeCommit,
  type CommitSequence,
  RUN_TRAILER,
  UnresolvedConflictError,
} from './commits.ts';
import { branchHead, matchingRemoteChain, pushCommits, type RemoteRepo } from './git-data.ts';
import type { PublishToGitHubOptions } from './github.ts';
import { acquirePublishLock, DEFAULT_LOCK_TIMING } from './lock.ts';
import { checkSafeOutputs, formatRefusals, type TextInput } from './policy.ts';
import { planReview, postReview, type ReviewPlan } from './review.ts';
import { writeRunState } from './run-state.ts';
import { type PublishLog, silentLog } from './step.ts';

/**
 * What the pipeline's publisher is given (`repoDir`: a checkout holding the base and the pull
 * request's head, fetch-depth: 0), and this workflow run's id: every artifact must be its own.
 */
export type PublishFollowUpOptions = Pick<
  PublishToGitHubOptions,
  | 'octokit'
  | 'repo'
  | 'repoDir'
  | 'artifacts'
  | 'runDir'
  | 'config'
  | 'configPath'
  | 'secretValues'
  | 'serverUrl'
  | 'runUrl'
  | 'lockTiming'
  | 'log'
> & { runId: string };

export type FollowUpStatus = 'published' | 'nothing-to-push' | 'stopped' | 'refused' | 'failed';

export interface FollowUpResult {
  status: FollowUpStatus;
  /** Why it did not publish; null when it did (or had nothing to push and said so). */
  error: string | null;
  document: PublishDocument | null;
  /** The follow-up comment as posted (or as it would have been). */
  comment: string | null;
  /** What was written, line by line, for the step summary. */
  written: string[];
  /** What the fix rounds cost, in USD; null when unknown (no price) or when the publish stopped before. */
  costUsd?: number | null;
}

/** The follow-up run's documents, as the publisher reads them. */
export async function readFollowUp(store: ArtifactStore, runDir: RunDirectory): Promise<FollowUpDocument> {
  const dir = runDir.artifactDir(ARTIFACTS.followUp);
  return store.downloadDocument('follow-up', ARTIFACTS.followUp, 'follow-up.json', dir);
}

/** Publishes a follow-up run (module comment); never throws once the documents are read. */
export async function publishFollowUp(
  options: PublishFollowUpOptions,
  followUp: FollowUpDocument,
): Promise<FollowUpResult> {
  const { octokit, repo, config, runUrl } = options;
  const log = options.log ?? silentLog;
  const artifacts = await readPublishArtifacts(options.artifacts, options.runDir, config, { followUp: true });
  const foreign = [artifacts.plan.run.runId, followUp.run.runId].find((id) => id !== options.runId);
  if (foreign !== undefined || artifacts.invalid.length > 0) {
    const why = artifacts.invalid.map((i) => i.message);
    if (foreign !== undefined) why.push(`the artifacts are of workflow run ${foreign}, not of ${options.runId}`);
    return failed('refused', `nothing was written: ${why.join('; ')}`);
  }
  const branch = followUp.pull.branch;
  const timing = { ...DEFAULT_LOCK_TIMING, ...options.lockTiming };
  const baseSha = artifacts.plan.run.baseSha;
  const acquired = await acquirePublishLock({ octokit, repo, branch, holder: runUrl, baseSha, timing, log });
  if (!acquired.ok) {
    const why = `another publish (${acquired.holder}) holds ${acquired.ref}; re-run this job once it ended`;
    return tellStopped(options, followUp, 'stopped', why);
  }
  try {
    return await publishLocked(options, followUp, artifacts, log);
  } catch (error) {
    // A GitHub error half-way: the comment says so instead of "working on it" (what was pushed stays).
    const why = `${errorMessage(error)}. What was written before it stays; see the workflow run's publish job`;
    return tellStopped(options, followUp, 'failed', why, 'the publish did not finish');
  } finally {
    const warning = await acquired.lock.release();
    if (warning) log.warn(warning);
  }
}

function failed(status: FollowUpStatus, error: string): FollowUpResult {
  return { status, error, document: null, comment: null, written: [] };
}

/**
 * Nothing is published: the follow-up comment (which said "working on it") says why, so that the
 * person who asked is not left waiting. Fixed text and the policy's own refusals only.
 */
async function tellStopped(
  options: PublishFollowUpOptions,
  followUp: FollowUpDocument,
  status: FollowUpStatus,
  why: string,
  heading = 'nothing was pushed',
): Promise<FollowUpResult> {
  const error = `nothing was written: ${why}`;
  const body = followUpCommentBody(followUpMarker(followUp), 'done', heading, [
    `[Workflow run](${options.runUrl}): ${why}`,
  ]);
  const outcome = await postComment(options, followUp, body);
  return { status, error, document: null, comment: body, written: [`comment: ${outcome}`] };
}

async function publishLocked(
  options: PublishFollowUpOptions,
  followUp: FollowUpDocument,
  artifacts: PublishArtifacts,
  log: PublishLog,
): Promise<FollowUpResult> {
  const { octokit, repo, config, repoDir } = options;
  const { pull } = followUp;
  const blockOn = config.review['block-on'];
  const allowedHost = new URL(options.serverUrl).host;
  const policy = publishPolicy(config, { ...options, allowedHost });

  // 1. The pull request must still be open and on ensemble's branch.
  const { data: current } = await githubCall(
    { action: `read pull request #${pull.number}`, permission: 'pull-requests: read' },
    () => octokit.rest.pulls.get({ ...repo, pull_number: pull.number }),
  );
  if (current.state !== 'open') {
    return tellStopped(options, followUp, 'stopped', `pull request #${pull.number} was closed while the fix ran`);
  }
  if (current.head.ref !== pull.branch) {
    const why = `pull request #${pull.number} is now on ${current.head.ref}, not ${pull.branch}`;
    return tellStopped(options, followUp, 'stopped', why);
  }

  // 2. The commits, the re-review, the replies and the comment, made before anything is written.
  const loop = artifacts.fix;
  const rounds = testedRounds(loop);
  const { run } = artifacts.plan;
  let sequence: CommitSequence;
  try {
    sequence =
      followUp.merge === null
        ? await buildFollowUpCommits({ repoDir, run, headSha: pull.headSha, rounds })
        : await buildMergeCommit({
            repoDir,
            run,
            headSha: pull.headSha,
            branch: pull.branch,
            merge: followUp.merge,
            rounds,
          });
  } catch (error) {
    if (!(error instanceof UnresolvedConflictError)) throw error;
    const why =
      `the merge of ${followUp.merge?.base} was not pushed: ${error.message}. Merge it by hand ` +
      `(\`git merge ${followUp.merge?.base}\` on ${pull.branch}) or ask again with \`/ensemble fix\``;
    return tellStopped(options, followUp, 'failed', why, 'the conflicts are not resolved');
  }
  const first = { test: artifacts.test, change: artifacts.changePatch ?? '', reviews: artifacts.reviews };
  const standing = finalState(first, loop);
  const threads = await listReviewThreads(octokit, repo, pull.number);
  // A finding is on the pull request when ensemble's thread of it is: one the respond job trusted,
  // or one a bot opened (ensemble posts as one). A marker a person pasted posts nothing.
  const posted = new Set([
    ...followUp.threads.filter((t) => t.by === 'ensemble').map((t) => t.findingId),
    ...threads
      .filter((t) => t.comments[0]?.authorType === 'Bot')
      .flatMap((t) => findMarker(t.comments[0]?.body ?? '', 'finding')?.fields['id'] ?? []),
  ]);
  // The re-review posts only findings the pull request does not have yet (a finding already in a
  // thread lives there, and the comment's table says whether it was settled); none new, no review.
  const fresh = standing.reviews
    .filter((r) => config.review.lenses.includes(r.lens))
    .map((r) => ({ ...r, findings: r.findings.filter((f) => f.id === null || !posted.has(f.id)) }));
  let review: ReviewPlan | null = null;
  if (sequence.commits.length > 0 && fresh.some((r) => r.findings.length > 0)) {
    const git = hardenedGit(repoDir);
    const prDiff = parseUnifiedDiff((await diffTrees(git, run.baseSha, sequence.head)).patch);
    review = planReview(fresh, prDiff, config.review['block-on'], { runId: run.runId, allowedHost });
  }
  const replies = threadReplies(followUp, loop, sequence);
  // A round was due (a finding blocked, or a person gave instructions), but the fix job left none.
  const missing =
    loop.rounds.length === 0 && (followUp.instructions !== null || blockingFindings(first.reviews, blockOn).length > 0)
      ? 'The fix job left no fix round: it failed or was cancelled before its first round ended. See the workflow run.'
      : null;
  const comment = followUpComment(followUp, loop, sequence, options.runUrl, allowedHost, missing);
  // The comment of a publish that found the branch moved: its commits were made here, never pushed.
  const unpushed = followUpComment(followUp, loop, { commits: [] }, options.runUrl, allowedHost, missing);

  // 3. The policy: each round's own fix, and every text.
  const texts: Record<string, TextInput> = {
    comment: { label: 'follow-up comment', text: comment, kind: 'body' },
    'comment-unpushed': { label: 'follow-up comment', text: unpushed, kind: 'body' },
  };
  sequence.commits.forEach((c, i) => {
    texts[`commit-${i}`] = { label: `commit message of fix round ${i + 1}`, text: c.subject, kind: 'body' };
  });
  if (review) {
    texts['review'] = { label: 'review body', text: review.texts.body, kind: 'body' };
    texts['review-comment'] = { label: 'review body', text: review.texts.commentBody, kind: 'body' };
    texts['review-unplaced'] = { label: 'review body', text: review.texts.unplacedBody, kind: 'body' };
    texts['review-unplaced-comment'] = {
      label: 'review body',
      text: review.texts.unplacedCommentBody,
      kind: 'body',
    };
    review.comments.forEach((c, i) => {
      texts[`inline-${i}`] = { label: `review comment ${i + 1}`, text: c.body, kind: 'body' };
    });
  }
  replies.forEach((r, i) => {
    texts[`reply-${i}`] = { label: `reply to thread of ${r.thread.findingId}`, text: r.body, kind: 'body' };
  });
  const patches = loop.rounds
    .filter((r) => rounds.some((t) => t.document.round === r.document.round))
    .map((r) => ({ label: `fix.patch of fix round ${r.document.round}`, patch: r.patch }));
  const checked = await checkSafeOutputs({ patches, texts }, policy);
  if (!checked.ok) {
    const why = `the safe-output policy refused what the fix would publish:\n${formatRefusals(checked.refusals, { allowedHost })}`;
    return tellStopped(options, followUp, 'refused', why);
  }
  const safe = (key: string) => checked.texts[key]?.text ?? '';

  // 4. The writes, in order.
  const written: string[] = [];
  const head = await pushOntoHead(options, pull, sequence, safe);
  if ('moved' in head) {
    // The comment of the attempt that did publish stays as it is.
    if (head.published) return { ...failed('stopped', head.moved), written: [head.moved] };
    const body = `${safe('comment-unpushed')}\n\n> [!WARNING]\n> ${head.moved}`;
    const note = await postComment(options, followUp, body);
    return { ...failed('stopped', head.moved), comment: body, written: [`comment: ${note}`] };
  }
  written.push(...head.lines);
  // The texts name the commits as they were made here; on GitHub they have their own SHAs.
  const onGitHub = (text: string) =>
    sequence.commits.reduce(
      (out, c, i) => out.replaceAll(c.sha.slice(0, 12), (head.remote[i] ?? c.sha).slice(0, 12)),
      text,
    );
  if (review) {
    const reviewTexts = {
      body: safe('review'),
      commentBody: safe('review-comment'),
      unplacedBody: safe('review-unplaced'),
      unplacedCommentBody: safe('review-unplaced-comment'),
    };
    const comments = review.comments.map((c, i) => ({ ...c, body: safe(`inline-${i}`) }));
    const made = await postReview(octokit, repo, pull.number, head.sha, { ...review, comments }, reviewTexts, log);
    written.push(`re-review: ${made.outcome} (${made.event})`);
  }
  for (const [i, reply] of replies.entries()) {
    try {
      written.push(await answerThread(octokit, repo, pull.number, reply, onGitHub(safe(`reply-${i}`)), threads));
    } catch (error) {
      // One thread GitHub would not take an answer in does not stop the others, or the comment.
      written.push(`thread of ${reply.thread.findingId}: not answered (${errorMessage(error)})`);
    }
  }
  if (sequence.commits.length > 0) {
    const state = { plan: artifacts.plan, test: standing.test, reviews: [...standing.reviews] };
    const lenses = { ...state, reviews: state.reviews.filter((r) => config.review.lenses.includes(r.lens)) };
    try {
      const stored = await writeRunState(octokit, repo, pull.branch, lenses, policy);
      written.push('refused' in stored ? `state not stored: ${stored.refused}` : `state: ${stored.commit}`);
    } catch (error) {
      written.push(`state not stored: ${errorMessage(error)}`);
    }
  }
  const commented = await postComment(options, followUp, onGitHub(safe('comment')));
  written.push(`comment: ${commented}`);
  if (missing !== null) return { ...failed('failed', missing), comment: onGitHub(safe('comment')), written };
  const status: FollowUpStatus = sequence.commits.length > 0 ? 'published' : 'nothing-to-push';
  const document: PublishDocument = {
    schema: 'ensemble.publish/v1',
    run,
    usage: artifacts.plan.usage,
    branch: pull.branch,
    commits: sequence.commits.map((c, i) => ({ sha: head.remote[i] ?? c.sha, stage: 'fix', taskId: null })),
    prNumber: pull.number,
    prUrl: pull.url,
    reviewId: null,
    commentId: null,
  };
  return { status, error: null, document, comment: onGitHub(safe('comment')), written, costUsd: fixLoopCost(loop) };
}

/**
 * Pushes the round commits onto the head the run started from and moves the branch forward (never
 * a force-push). A re-run whose commits are already there changes nothing; a branch someone moved
 * since the run started is left as it is.
 */
async function pushOntoHead(
  options: PublishFollowUpOptions,
  pull: FollowUpDocument['pull'],
  sequence: CommitSequence,
  safe: (key: string) => string,
): Promise<{ sha: string; remote: string[]; lines: string[] } | { moved: string; published?: true }> {
  const { octokit, repo, repoDir } = options;
  const local = sequence.commits.map((c, i) => ({
    sha: c.sha,
    tree: c.tree,
    parent: c.parent,
    ...(c.otherParents ? { otherParents: c.otherParents } : {}),
    message: withTrailers(safe(`commit-${i}`), c.trailers),
  }));
  const now = await branchHead(octokit, repo, pull.branch);
  if (now === null) return { moved: `the branch ${pull.branch} was deleted while the fix ran; nothing was pushed` };
  if (local.length === 0) return { sha: now, remote: [], lines: ['no commit: no fix round was taken'] };
  if (now !== pull.headSha) {
    const reused = await matchingRemoteChain(octokit, repo, now, pull.headSha, local);
    if (reused) return { sha: now, remote: reused.map((c) => c.sha), lines: [`branch unchanged at ${now}`] };
    // An earlier attempt of this very run pushed other fix commits (its fix job was re-run): what it
    // published stands, and its comment says so; this attempt pushes nothing over it.
    const { data: top } = await octokit.rest.git.getCommit({ ...repo, commit_sha: now });
    if (top.message.includes(`${RUN_TRAILER}: ${options.runId}\n`)) {
      return {
        moved: `an earlier attempt of this workflow run pushed ${now.slice(0, 12)}; this attempt pushed nothing`,
        published: true,
      };
    }
    return {
      moved:
        `the branch ${pull.branch} moved from ${pull.headSha.slice(0, 12)} to ${now.slice(0, 12)} while the fix ` +
        'ran, so its commits were not pushed (ensemble never rewrites commits it did not make). ' +
        'Ask again with `/ensemble fix` to fix on top of the new head',
    };
  }
  const remote = await pushCommits(octokit, repo, repoDir, pull.headSha, local);
  const sha = remote[remote.length - 1]!.sha;
  try {
    await octokit.rest.git.updateRef({ ...repo, ref: `heads/${pull.branch}`, sha, force: false });
  } catch (error) {
    if (statusOf(error) === 422) {
      return {
        moved: `the branch ${pull.branch} moved while the fix was pushed; nothing was moved (${errorMessage(error)})`,
      };
    }
    throw error;
  }
  return {
    sha,
    remote: remote.map((c) => c.sha),
    lines: [`branch ${pull.branch}: ${remote.length} commits at ${sha}`],
  };
}

interface ThreadReply {
  thread: FollowUpThread;
  body: string;
  /** Whether ensemble resolves the thread (its own, settled); a person's is theirs to resolve. */
  resolve: boolean;
  /** The hidden marker by which a re-run finds the reply. */
  mark: string;
}

/** A reply for each thread whose finding a taken round settled. */
function threadReplies(followUp: FollowUpDocument, loop: FixLoop, sequence: CommitSequence): ThreadReply[] {
  const replies: ThreadReply[] = [];
  const taken = loop.rounds.filter((r) => r.test !== null && r.rejected === null);
  for (const thread of followUp.threads) {
    const round = taken.find((r) => r.fixed.includes(thread.findingId));
    if (!round) continue;
    const commit = sequence.commits.find((c) => c.trailers['Ensemble-Round'] === String(round.document.round));
    if (!commit) continue;
    const mark = marker('reply', { run: followUp.run.runId, finding: thread.findingId });
    const where = `fix round ${round.document.round} (${commit.sha.slice(0, 12)})`;
    const body =
      thread.by === 'ensemble'
        ? `${mark}\nSettled by ${where}: the re-review no longer reports this finding.`
        : `${mark}\nAddressed by ${where}: the re-review no longer finds this. Please check it and resolve the ` +
          'thread if you agree; ensemble leaves threads people opened for them to resolve.';
    replies.push({ thread, body, resolve: thread.by === 'ensemble', mark });
  }
  return replies;
}

/** Replies in a thread (unless this run already did) and resolves it when it is ensemble's. */
async function answerThread(
  octokit: GitHubClient,
  repo: RemoteRepo,
  pull: number,
  reply: ThreadReply,
  body: string,
  threads: Awaited<ReturnType<typeof listReviewThreads>>,
): Promise<string> {
  const thread = threads.find((t) => t.id === reply.thread.threadId);
  // A thread deleted while the fix ran has nobody to answer.
  if (!thread) return `thread of ${reply.thread.findingId}: gone, not answered`;
  const replied = thread.comments.some((c) => c.body.includes(reply.mark));
  if (!replied) await replyToReviewComment(octokit, repo, pull, reply.thread.commentId, body);
  let resolved = '';
  if (reply.resolve && !thread.isResolved) {
    await resolveReviewThread(octokit, reply.thread.threadId);
    resolved = ', resolved';
  }
  return `thread of ${reply.thread.findingId}: ${replied ? 'already answered' : 'answered'}${resolved}`;
}

/** The follow-up comment on the pull request: who asked, the rounds, what was pushed. */
function followUpComment(
  followUp: FollowUpDocument,
  loop: FixLoop,
  sequence: Pick<CommitSequence, 'commits'>,
  runUrl: string,
  allowedHost: string,
  missing: string | null,
): string {
  const asked = followUpAsked(followUp);
  const taken = testedRounds(loop).length;
  const pushed =
    sequence.commits.length === 0
      ? `Nothing was pushed${taken === 0 ? ': no fix round was taken' : ''}.`
      : `Pushed ${sequence.commits.length === 1 ? 'one commit' : `${sequence.commits.length} commits`} onto ` +
        `${followUp.pull.headSha.slice(0, 12)}: ${sequence.commits.map((c) => c.sha.slice(0, 12)).join(', ')}.`;
  return followUpCommentBody(followUpMarker(followUp), 'done', asked, [
    `[Workflow run](${runUrl}) · started from ${followUp.pull.headSha.slice(0, 12)}`,
    missing ?? renderFixMarkdown(loop, { allowedHost }),
    pushed,
  ]);
}

/** In the follow-up comment once the publish wrote it: the run's request was answered (not only acknowledged). */
export const FOLLOW_UP_DONE = marker('follow-up-done');

/**
 * The marker of a follow-up's comment: its run, and the comment or review that asked, by which a
 * re-run (or a second delivery of the same event) finds that the request was answered.
 */
export function followUpMarker(followUp: Pick<FollowUpDocument, 'run' | 'trigger' | 'ci' | 'merge' | 'pull'>): string {
  const { kind, id } = followUp.trigger.source;
  return followUpMarkerOf(followUp.run.runId, `${kind}-${id}`, markedWork(followUp));
}

/**
 * What a CI repair or a base merge worked on, as its follow-up comment's marker names it: the head,
 * and the failures' signature or the base commit merged. The next repair counts and dedupes by it.
 */
export interface MarkedWork {
  headSha: string;
  signature?: string;
  merged?: string;
}

function markedWork(followUp: Pick<FollowUpDocument, 'ci' | 'merge' | 'pull'>): MarkedWork | null {
  if (followUp.ci !== null) return { headSha: followUp.ci.headSha, signature: followUp.ci.signature };
  if (followUp.merge !== null) return { headSha: followUp.pull.headSha, merged: followUp.merge.baseSha };
  return null;
}

/** {@link followUpMarker} from its fields, as a follow-up comment's marker names them. */
export function followUpMarkerOf(run: string, source: string, work: MarkedWork | null = null): string {
  const fields: Record<string, string> = { run, source };
  if (work !== null) fields['head'] = work.headSha;
  if (work?.signature !== undefined) fields['failures'] = work.signature;
  if (work?.merged !== undefined) fields['merged'] = work.merged;
  return marker('follow-up', fields);
}

/** Who or what asked for a follow-up, as its comment's heading says it. */
export function followUpAsked(followUp: Pick<FollowUpDocument, 'trigger' | 'ci' | 'merge'>): string {
  const { trigger, ci, merge } = followUp;
  // Check names, branch names and paths are other people's text: inline code, never markup or mentions.
  const code = (words: readonly string[]) => words.map(inlineCode).join(', ');
  if (merge !== null) {
    return `merging ${code([merge.base])} (${merge.baseSha.slice(0, 12)}), which conflicts in ${code(merge.conflicts)}`;
  }
  if (ci !== null) {
    return `CI repair ${ci.attempt}/${ci.maxAttempts}: ${code(ci.checks)} failed on ${ci.headSha.slice(0, 12)}`;
  }
  if (trigger.via === 'changes-requested') return `a "Request changes" review by @${trigger.author}`;
  return `\`/ensemble fix\` by @${trigger.author}`;
}

/**
 * A follow-up comment, in the one shape every job writes it: the marker, whether the request is
 * answered (`done`: the publish, a stop or a refusal wrote it) or under way, a heading, the text.
 */
export function followUpCommentBody(
  mark: string,
  state: 'working' | 'done',
  heading: string,
  paragraphs: readonly string[],
): string {
  return [
    mark,
    ...(state === 'done' ? [FOLLOW_UP_DONE] : []),
    `### ensemble follow-up: ${heading}`,
    ...paragraphs,
  ].join('\n\n');
}

async function postComment(options: PublishFollowUpOptions, followUp: FollowUpDocument, body: string) {
  const mark = followUpMarker(followUp);
  const made = await upsertMarkedComment(options.octokit, {
    ...options.repo,
    issue_number: followUp.pull.number,
    marker: mark,
    body,
  });
  return made.outcome;
}

/** A word as inline code that nothing in it can end: no backticks, one line, at most 80 characters. */
function inlineCode(word: string): string {
  const plain = word.replace(/[`\r\n]/g, ' ').trim();
  return `\`${plain.length > 80 ? `${plain.slice(0, 79)}…` : plain}\``;
}
