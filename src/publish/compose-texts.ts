/**
 * Step 4 of `publishToGitHub`: every text publish will write, rendered: the pull request's title
 * and body, the task and fix-round commits' messages, and the review (planned on the pull request's diff by
 * `planReview`: its bodies and inline comments). Each text carries the label a refusal names it by.
 */
import type { Severity } from '../contracts/review.ts';
import { renderPrBody } from '../render/index.ts';
import { finalState } from '../review/index.ts';
import type { PublishArtifacts } from './artifacts.ts';
import type { Change } from './build-change.ts';
import type { SequencedCommit } from './commits.ts';
import type { TextInput } from './policy.ts';
import { type InlineComment, planReview, type ReviewPlan, type ReviewTexts } from './review.ts';

/** An inline comment whose body is a `T`. */
export type CommentOf<T> = Omit<InlineComment, 'body'> & { body: T };

/** The review as it will be posted: its bodies (see `ReviewTexts`) and inline comments, and what identifies it. */
export type ReviewToPost<T> = Pick<ReviewPlan, 'fingerprint' | 'event'> &
  Record<keyof ReviewTexts, T> & {
    comments: CommentOf<T>[];
  };

/**
 * Every text publish writes: `TextInput` as composed (with its label and kind), `string` once the
 * policy has sanitised it.
 */
export interface PublishTexts<T> {
  prTitle: T;
  prBody: T;
  /** The message (before trailers) of each task's commit, by the local commit's SHA, in commit order. */
  commitMessages: { sha: string; message: T }[];
  /** Null when no lens reviewed the change. */
  review: ReviewToPost<T> | null;
}

export interface ComposeTextsOptions {
  artifacts: PublishArtifacts;
  change: Change;
  /** `review.block-on`. */
  blockOn: Severity;
  /** The workflow run, linked from the pull request. */
  runUrl: string;
  /** Links to other hosts are made inert. */
  allowedHost: string;
}

export function composeTexts(options: ComposeTextsOptions): PublishTexts<TextInput> {
  const { artifacts, change, allowedHost } = options;
  const { plan, docs } = artifacts;
  // The PR tells the change as it stands: after the last re-tested fix round, if any.
  const first = { test: artifacts.test, change: artifacts.changePatch ?? '', reviews: artifacts.reviews };
  const { test, reviews } = finalState(first, artifacts.fix);
  const { run } = plan;
  const placement = { runId: run.runId, allowedHost };
  const review = reviews.length > 0 ? planReview(reviews, change.prDiff, options.blockOn, placement) : null;
  const title = plan.request.title.trim() === '' ? `ensemble run ${run.runId}` : plan.request.title;
  const prBody = renderPrBody(
    {
      plan,
      tasks: artifacts.tasks.map((t) => t.document),
      test,
      reviews: review?.outcome ?? null,
      docs: docs?.document ?? null,
      fix: artifacts.fix,
      runUrl: options.runUrl,
      issue: run.issue,
    },
    { allowedHost },
  );
  // The messages a model wrote: each task's, and each fix round's.
  const modelCommits = change.sequence.commits.filter((c) => c.stage === 'code' || c.stage === 'fix');
  return {
    prTitle: { label: 'PR title', text: title, kind: 'title' },
    prBody: { label: 'PR body', text: prBody, kind: 'body' },
    commitMessages: modelCommits.map((c) => ({
      sha: c.sha,
      message: { label: commitLabel(c), text: c.subject, kind: 'raw' },
    })),
    review: review && reviewTexts(review),
  };
}

function commitLabel(commit: SequencedCommit): string {
  if (commit.stage === 'fix') return `commit message of fix round ${commit.trailers['Ensemble-Round'] ?? ''}`;
  return `commit message of task ${commit.taskId}`;
}

function reviewTexts(review: ReviewPlan): ReviewToPost<TextInput> {
  const body = (label: string, text: string): TextInput => ({ label, text, kind: 'body' });
  return {
    fingerprint: review.fingerprint,
    event: review.event,
    body: body('review body', review.texts.body),
    commentBody: body('review body (as a comment)', review.texts.commentBody),
    unplacedBody: body('review body (all findings)', review.texts.unplacedBody),
    unplacedCommentBody: body('review body (all findings, as a comment)', review.texts.unplacedCommentBody),
    comments: review.comments.map((c, i) => {
      const label = `review comment ${i + 1} (${c.path}:${c.line})`;
      return { ...c, body: body(label, c.body) };
    }),
  };
}

/**
 * `texts` with `f` applied to each text, in a fixed order (title, body, commit messages, review
 * bodies, inline comments). `key` names each text uniquely within `texts`: the key the policy
 * returns it under.
 */
export function mapTexts<A, B>(texts: PublishTexts<A>, f: (text: A, key: string) => B): PublishTexts<B> {
  const { review } = texts;
  return {
    prTitle: f(texts.prTitle, 'prTitle'),
    prBody: f(texts.prBody, 'prBody'),
    commitMessages: texts.commitMessages.map((c, i) => ({ sha: c.sha, message: f(c.message, `commit ${i}`) })),
    review: review && {
      fingerprint: review.fingerprint,
      event: review.event,
      body: f(review.body, 'reviewBody'),
      commentBody: f(review.commentBody, 'reviewCommentBody'),
      unplacedBody: f(review.unplacedBody, 'reviewUnplacedBody'),
      unplacedCommentBody: f(review.unplacedCommentBody, 'reviewUnplacedCommentBody'),
      comments: review.comments.map((c, i) => ({ ...c, body: f(c.body, `comment ${i}`) })),
    },
  };
}

/** Every text of `texts` by its `mapTexts` key, in the same order. */
export function keyedTexts<T>(texts: PublishTexts<T>): Record<string, T> {
  const keyed: Record<string, T> = {};
  mapTexts(texts, (text, key) => {
    keyed[key] = text;
  });
  return keyed;
}
