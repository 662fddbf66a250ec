/**
 * The review threads of a pull request: read with their resolved state, answered, resolved.
 * GitHub's own thread state is the ledger of findings on a follow-up run, so these read it live.
 *
 * REST serves review comments but not the thread they belong to nor whether it is resolved; both
 * come from GraphQL. Replies go through REST, which takes the REST id of the thread's root comment.
 * Errors propagate as Octokit throws them (`RequestError`, or `GraphqlResponseError` for a GraphQL
 * answer carrying `errors`); the caller wraps them with `explainGitHubError`.
 */
import type { GitHubClient } from './octokit.ts';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface ThreadComment {
  /** REST id (GraphQL databaseId) of the review comment. */
  id: number;
  /** Login of the author; '' for a deleted account ("ghost"). GraphQL names a bot without `[bot]`. */
  author: string;
  /** `User`, `Bot`, `Organization`, `Mannequin`…; '' for a deleted account. */
  authorType: string;
  body: string;
  createdAt: string;
}

export interface ReviewThread {
  /** GraphQL node id, for resolveReviewThread. */
  id: string;
  isResolved: boolean;
  isOutdated: boolean;
  path: string;
  /** The line the thread is on in the current diff (RIGHT side); null when outdated or unknown. */
  line: number | null;
  /** Oldest first; the first is the thread's root comment. */
  comments: ThreadComment[];
}

/** The GraphQL documents ensemble sends; the GitHub fake answers exactly these (its own copy), so change both. */
const REVIEW_THREADS_QUERY = `query ReviewThreads($owner: String!, $repo: String!, $pull: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $pull) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id
          isResolved
          isOutdated
          path
          line
          comments(first: 100) {
            nodes { databaseId author { __typename login } body createdAt }
          }
        }
      }
    }
  }
}`;

const RESOLVE_REVIEW_THREAD_MUTATION = `mutation ResolveReviewThread($threadId: ID!) {
  resolveReviewThread(input: { threadId: $threadId }) {
    thread { id isResolved }
  }
}`;

interface ThreadsPage {
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: {
          id: string;
          isResolved: boolean;
          isOutdated: boolean;
          path: string;
          line: number | null;
          comments: {
            nodes: {
              databaseId: number | null;
              author: { __typename: string; login: string } | null;
              body: string;
              createdAt: string;
            }[];
          };
        }[];
      };
    } | null;
  } | null;
}

/** Every review thread of the pull request (GraphQL `reviewThreads`, paginated 100 at a time; first 100 comments each). */
export async function listReviewThreads(octokit: GitHubClient, repo: RepoRef, pull: number): Promise<ReviewThread[]> {
  const threads: ReviewThread[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page: ThreadsPage = await octokit.graphql<ThreadsPage>(REVIEW_THREADS_QUERY, {
      owner: repo.owner,
      repo: repo.repo,
      pull,
      cursor,
    });
    // GitHub answers a missing repository or pull request with an error, which octokit throws;
    // a null here is an answer without one (a token that cannot see it), said as plainly.
    const connection = page.repository?.pullRequest?.reviewThreads;
    if (!connection) throw new Error(`GitHub returned no pull request #${pull} in ${repo.owner}/${repo.repo}`);
    for (const node of connection.nodes) {
      threads.push({
        id: node.id,
        isResolved: node.isResolved,
        isOutdated: node.isOutdated,
        path: node.path,
        line: node.isOutdated ? null : (node.line ?? null),
        comments: node.comments.nodes.map((comment) => ({
          id: comment.databaseId ?? 0,
          author: comment.author?.login ?? '',
          authorType: comment.author?.__typename ?? '',
          body: comment.body,
          createdAt: comment.createdAt,
        })),
      });
    }
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return threads;
    cursor = connection.pageInfo.endCursor;
  }
}

/**
 * Replies in the thread of review comment `commentId` (REST
 * `POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies`). `commentId`
 * is the thread's root comment: GitHub does not take replies to replies.
 */
export async function replyToReviewComment(
  octokit: GitHubClient,
  repo: RepoRef,
  pull: number,
  commentId: number,
  body: string,
): Promise<{ id: number; url: string }> {
  const { data } = await octokit.rest.pulls.createReplyForReviewComment({
    owner: repo.owner,
    repo: repo.repo,
    pull_number: pull,
    comment_id: commentId,
    body,
  });
  return { id: data.id, url: data.html_url };
}

/** Resolves a thread (GraphQL mutation `resolveReviewThread`); resolving a resolved thread is not an error. */
export async function resolveReviewThread(octokit: GitHubClient, threadId: string): Promise<void> {
  // Resolving twice does no harm, so a lost answer (a 5xx after the write landed) is retried like a
  // GET (the client's REPEATABLE_POSTS).
  await octokit.graphql(RESOLVE_REVIEW_THREAD_MUTATION, { threadId });
}
