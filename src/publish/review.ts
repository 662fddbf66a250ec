/**
 * The pull request review: the lenses' findings merged and anchored on the pull request's own
 * diff (base → the branch head, docs included), inline comments on the RIGHT side of lines that
 * diff shows (`start_line`/`line` for a range, a ```suggestion block where the replacement applies
 * to exactly those lines), every other finding in the body. `REQUEST_CHANGES` when a finding
 * reaches `review.block-on`, else `COMMENT`; never `APPROVE`.
 *
 * Idempotence: the body carries a hidden marker with the findings' fingerprint; a re-run posts a
 * new review only when the latest ensemble review on the pull request has another fingerprint.
 *
 * GitHub refuses `REQUEST_CHANGES` on a pull request opened by the same account (422 "Can not
 * request changes on your own pull request"), which is the usual case with `GITHUB_TOKEN`: the
 * review is then posted as `COMMENT` with a body that says changes are requested. Should GitHub
 * refuse a placement (422 on a line it does not consider part of the diff), the review is posted
 * again with every finding in the body rather than not at all.
 */
import type { ReviewDocument, Severity } from '../contracts/review.ts';
import { statusOf } from '../github/errors.ts';
import type { GitHubClient } from '../github/octokit.ts';
import { writeOnce } from '../github/write-once.ts';
import { findingMarker, findMarker, renderInlineComment, renderReviewBody, reviewMarker } from '../render/index.ts';
import { findDiffFile, rightSideLines } from '../review/diff-lines.ts';
import {
  combineReviews,
  findingsFingerprint,
  type GitHubReviewEvent,
  githubReviewEvent,
  type ReviewOutcome,
} from '../review/findings.ts';
import { errorMessage } from '../util/errors.ts';
import type { DiffFile } from '../workspace/diff/index.ts';
import type { RemoteRepo } from './git-data.ts';

export interface InlineComment {
  path: string;
  /** The last line of the range (RIGHT side). */
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
  body: string;
}

export interface ReviewTexts {
  /** The review body, with the marker. */
  body: string;
  /** The same, saying that changes are requested: posted as a COMMENT when GitHub refuses REQUEST_CHANGES. */
  commentBody: string;
  /** Every finding in the body (no inline comments), with the same marker. */
  unplacedBody: string;
  /** `unplacedBody` saying that changes are requested. */
  unplacedCommentBody: string;
}

export interface ReviewPlan {
  outcome: ReviewOutcome;
  fingerprint: string;
  event: GitHubReviewEvent;
  texts: ReviewTexts;
  comments: InlineComment[];
}

/** Body cap that leaves room for the changes-requested note. */
const BODY_LIMIT = { unit: 'chars', max: 64_000 } as const;

export const CHANGES_REQUESTED_NOTE =
  '> [!IMPORTANT]\n> **ensemble requests changes**: a finding reaches the blocking severity (`review.block-on`). ' +
  'GitHub does not let the account that opened a pull request ' +
  'request changes on it, so this review is posted as a comment.';

function withNote(body: string, marker: string): string {
  return body.startsWith(marker)
    ? `${marker}\n\n${CHANGES_REQUESTED_NOTE}\n${body.slice(marker.length)}`
    : `${CHANGES_REQUESTED_NOTE}\n\n${body}`;
}

/**
 * Everything the review will post, computed before any write so that each text can pass the
 * safe-output policy first.
 */
export function planReview(
  reviews: readonly ReviewDocument[],
  prDiff: readonly DiffFile[],
  blockOn: Severity,
  options: { runId: string; allowedHost: string },
): ReviewPlan {
  const outcome = combineReviews(reviews, prDiff, blockOn);
  const fingerprint = findingsFingerprint(outcome);
  const marker = reviewMarker(options.runId, fingerprint);
  const render = { allowedHost: options.allowedHost };
  const comments: InlineComment[] = [];
  for (const finding of outcome.findings) {
    if (finding.line === null) continue;
    const file = findDiffFile(prDiff, finding.path);
    if (!file) continue;
    const end = finding.endLine ?? finding.line;
    comments.push({
      path: file.path,
      line: end,
      side: 'RIGHT',
      ...(end > finding.line ? { start_line: finding.line, start_side: 'RIGHT' as const } : {}),
      body: withFindingMarker(finding.id, renderInlineComment(finding, { ...render, fileLines: rightSideLines(file) })),
    });
  }
  const body = renderReviewBody(outcome, { ...render, runId: options.runId, limit: BODY_LIMIT });
  const unplaced: ReviewOutcome = {
    ...outcome,
    findings: outcome.findings.map((f) => ({ ...f, line: null, endLine: null })),
  };
  const unplacedBody = `${marker}\n${renderReviewBody(unplaced, { ...render, limit: BODY_LIMIT })}`;
  return {
    outcome,
    fingerprint,
    event: githubReviewEvent(outcome.verdict),
    comments,
    texts: {
      body,
      commentBody: withNote(body, marker),
      unplacedBody,
      unplacedCommentBody: withNote(unplacedBody, marker),
    },
  };
}

/** An inline comment's body, led by the hidden marker of the finding's stable id when it has one. */
function withFindingMarker(id: string | null, body: string): string {
  return id === null ? body : `${findingMarker(id)}\n${body}`;
}

export interface PostedReview {
  id: number;
  url: string;
  /** `posted`: a new review; `unchanged`: the latest ensemble review already has these findings. */
  outcome: 'posted' | 'unchanged';
  event: GitHubReviewEvent;
  /** The findings went to the body because GitHub refused their placement. */
  unplaced: boolean;
}

interface ReviewData {
  id: number;
  html_url: string;
  body: string;
  state: string;
  user?: { type?: string } | null;
}

async function listReviews(octokit: GitHubClient, repo: RemoteRepo, pull: number): Promise<ReviewData[]> {
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
    owner: repo.owner,
    repo: repo.repo,
    pull_number: pull,
    per_page: 100,
  });
  return reviews.map((r) => ({
    id: r.id,
    html_url: r.html_url,
    body: r.body ?? '',
    state: r.state,
    user: r.user ? { type: r.user.type } : null,
  }));
}

/** The latest review carrying an ensemble review marker, with its fingerprint. */
function latestEnsembleReview(
  reviews: readonly ReviewData[],
): { review: ReviewData; fingerprint: string | null } | null {
  for (let i = reviews.length - 1; i >= 0; i--) {
    // Only a bot's review counts (ensemble reviews as one): a person could paste the marker.
    if (reviews[i]!.user?.type !== 'Bot') continue;
    const found = findMarker(reviews[i]!.body, 'review');
    if (found) return { review: reviews[i]!, fingerprint: found.fields['findings'] ?? null };
  }
  return null;
}

const OWN_PULL = /own pull request/i;
const PLACEMENT = /line|diff|hunk|path could not be resolved|position/i;

/**
 * Posts the planned review on pull request `pull` at `commitId`, unless the latest ensemble
 * review there already has the same fingerprint. `texts` are the policy's sanitised texts.
 */
export async function postReview(
  octokit: GitHubClient,
  repo: RemoteRepo,
  pull: number,
  commitId: string,
  plan: Pick<ReviewPlan, 'fingerprint' | 'event' | 'comments'>,
  texts: ReviewTexts,
  log: { warn: (message: string) => void } = { warn: () => {} },
): Promise<PostedReview> {
  const where = `pull request #${pull} of ${repo.owner}/${repo.repo}`;
  const before = await listReviews(octokit, repo, pull);
  const latest = latestEnsembleReview(before);
  if (latest && latest.fingerprint === plan.fingerprint) {
    return {
      id: latest.review.id,
      url: latest.review.html_url,
      outcome: 'unchanged',
      event: latest.review.state === 'CHANGES_REQUESTED' ? 'REQUEST_CHANGES' : 'COMMENT',
      unplaced: false,
    };
  }
  const seen = new Set(before.map((r) => r.id));

  const attempt = async (event: GitHubReviewEvent, body: string, comments: readonly InlineComment[]) => {
    const { value } = await writeOnce(octokit, {
      operation: { action: `post the review on ${where}`, permission: 'pull-requests: write' },
      create: async () => {
        const { data } = await octokit.rest.pulls.createReview({
          owner: repo.owner,
          repo: repo.repo,
          pull_number: pull,
          commit_id: commitId,
          event,
          body,
          ...(comments.length > 0 ? { comments: comments.map((c) => ({ ...c })) } : {}),
        });
        return { id: data.id, url: data.html_url };
      },
      find: async () => {
        const found = (await listReviews(octokit, repo, pull)).find(
          (r) => !seen.has(r.id) && findMarker(r.body, 'review')?.fields['findings'] === plan.fingerprint,
        );
        return found ? { id: found.id, url: found.html_url } : null;
      },
    });
    return value;
  };

  const post = async (unplaced: boolean): Promise<PostedReview> => {
    const comments = unplaced ? [] : plan.comments;
    const body = unplaced ? texts.unplacedBody : texts.body;
    const commentBody = unplaced ? texts.unplacedCommentBody : texts.commentBody;
    try {
      const made = await attempt(plan.event, body, comments);
      return { ...made, outcome: 'posted', event: plan.event, unplaced };
    } catch (error) {
      if (plan.event !== 'REQUEST_CHANGES' || statusOf(error) !== 422 || !OWN_PULL.test(errorMessage(error)))
        throw error;
      const made = await attempt('COMMENT', commentBody, comments);
      return { ...made, outcome: 'posted', event: 'COMMENT', unplaced };
    }
  };

  try {
    return await post(false);
  } catch (error) {
    const message = errorMessage(error);
    if (plan.comments.length === 0 || statusOf(error) !== 422 || OWN_PULL.test(message)) throw error;
    if (!PLACEMENT.test(message)) throw error;
    log.warn(
      `GitHub refused the placement of an inline comment (${message}); ` +
        'posting every finding in the review body instead',
    );
    return post(true);
  }
}
