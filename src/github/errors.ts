/**
 * Errors from GitHub turned into sentences a user can act on: what ensemble was doing, what
 * GitHub said, and what to change (the token's permission, a repository setting, a re-run).
 */

import { UserError } from '../util/errors.ts';

export interface GitHubOperation {
  /** What ensemble was doing, as a phrase: "create the tracking comment on issue #5". */
  action: string;
  /** The `permissions:` entry the token needs for it, e.g. `issues: write`. */
  permission: string;
}

export class GitHubApiError extends UserError {
  override name = 'GitHubApiError';
  /** The HTTP status, or null when GitHub could not be reached. */
  readonly status: number | null;
  readonly action: string;
  /** GitHub's own message. */
  readonly githubMessage: string;
  constructor(
    message: string,
    fields: { status: number | null; action: string; githubMessage: string; cause: unknown },
  ) {
    super(message, { cause: fields.cause });
    this.status = fields.status;
    this.action = fields.action;
    this.githubMessage = fields.githubMessage;
  }
}

interface RequestErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

interface GraphqlErrorItem {
  message?: unknown;
  type?: unknown;
}

/**
 * The `errors` of a GraphQL answer (`GraphqlResponseError` of @octokit/graphql), or null for any
 * other error. GitHub sends them with HTTP 200: the request was answered, and refused.
 */
function graphqlErrorsOf(error: unknown): GraphqlErrorItem[] | null {
  const e = error as { name?: unknown; errors?: unknown } | null;
  return e?.name === 'GraphqlResponseError' && Array.isArray(e.errors) ? (e.errors as GraphqlErrorItem[]) : null;
}

/** The HTTP status of an Octokit error, or null for a network error; 200 for a GraphQL answer with errors. */
export function statusOf(error: unknown): number | null {
  if (graphqlErrorsOf(error)) return 200;
  const status = (error as RequestErrorLike | null)?.status;
  return typeof status === 'number' && status >= 100 && status < 600 ? status : null;
}

function githubMessage(error: unknown): string {
  const graphqlErrors = graphqlErrorsOf(error);
  if (graphqlErrors) {
    const said = graphqlErrors.map((item) => (typeof item.message === 'string' ? item.message : '')).filter(Boolean);
    return said.length > 0 ? said.join('; ') : 'a GraphQL error without a message';
  }
  const e = error as RequestErrorLike;
  const data = e?.response?.data as { message?: unknown; errors?: unknown[] } | undefined;
  const base = typeof data?.message === 'string' ? data.message : (e?.message ?? String(error));
  const details = (data?.errors ?? [])
    .map((item) => {
      if (typeof item === 'string') return item;
      const detail = item as { message?: string; field?: string; code?: string; resource?: string };
      return detail.message ?? [detail.resource, detail.field, detail.code].filter(Boolean).join(' ');
    })
    .filter((text) => text !== '');
  return details.length > 0 ? `${base}: ${details.join('; ')}` : base;
}

function isRateLimit(error: unknown): boolean {
  const e = error as RequestErrorLike;
  return e?.response?.headers?.['x-ratelimit-remaining'] === '0' || /\brate limit\b/i.test(githubMessage(error));
}

/** Wraps any error of a GitHub call into a `GitHubApiError` whose message says what to do. */
export function explainGitHubError(error: unknown, operation: GitHubOperation): GitHubApiError {
  if (error instanceof GitHubApiError) return error;
  const status = statusOf(error);
  const said = githubMessage(error);
  const head = `could not ${operation.action}`;
  const graphqlErrors = graphqlErrorsOf(error);
  const graphqlTypes = new Set((graphqlErrors ?? []).map((item) => item.type));
  let advice: string;
  if (graphqlErrors) {
    // GitHub's GraphQL API says what went wrong in each error's `type`, not in the HTTP status.
    if (graphqlTypes.has('RATE_LIMITED')) {
      advice =
        `GitHub's GraphQL rate limit was exceeded (${said}); ` +
        're-run the job later, or use a GitHub App token, which has a higher limit';
    } else if (graphqlTypes.has('FORBIDDEN') || graphqlTypes.has('INSUFFICIENT_SCOPES')) {
      advice =
        `the token lacks a permission (GraphQL: ${said}); give the job \`permissions: ` +
        `{ ${operation.permission} }\`, or pass a token that has ${operation.permission}`;
    } else if (graphqlTypes.has('NOT_FOUND')) {
      advice = `GitHub's GraphQL API found no such thing (${said}): it does not exist, or the token cannot see it`;
    } else {
      advice = `GitHub's GraphQL API refused the request (${said})`;
    }
  } else if (status === null) {
    advice =
      `GitHub could not be reached (${said}); ` + "check the runner's network and proxy settings, then re-run the job";
  } else if (status === 401) {
    advice = `GitHub rejected the token (401 ${said}); pass a valid token in the github-token input`;
  } else if ((status === 403 || status === 429) && isRateLimit(error)) {
    advice =
      `GitHub's rate limit was exceeded and the retries ran out (${status} ${said}); ` +
      're-run the job later, or use a GitHub App token, which has a higher limit';
  } else if (status === 403 && /not permitted to create or approve pull requests/i.test(said)) {
    advice =
      `${status} ${said}: enable "Allow GitHub Actions to create and ` +
      `approve pull requests" under the repository's (or organization's) ` +
      'Settings → Actions → General → Workflow permissions, or publish as a GitHub App (the secrets ' +
      'publish-app-id and publish-app-private-key) or with a personal access token (publish-token)';
  } else if ((status === 403 || status === 422) && /refusing to allow .*workflow/i.test(said)) {
    advice =
      `${status} ${said}: changing files under .github/workflows needs a token with the workflows permission ` +
      '(a personal access token with the workflow scope, in publish-token and without a GitHub App: the ' +
      'token publish makes of an App has only contents, pull requests and issues); GITHUB_TOKEN can never do it';
  } else if (status === 422 && /protected branch/i.test(said)) {
    advice =
      `${status} ${said}: branch protection or a ruleset forbids ` +
      "this update; exempt the branch or the token's app from the rule";
  } else if (status === 422 && /not a fast forward|reference already exists/i.test(said)) {
    advice = `${status} ${said}: the branch moved while ensemble was writing; re-run the job`;
  } else if (status === 403) {
    advice =
      `the token lacks a permission (403 ${said}); give the job \`permissions: ` +
      `{ ${operation.permission} }\`, or pass a token that has ${operation.permission}`;
  } else if (status === 404) {
    advice =
      `GitHub answered 404 ${said}: it does not exist, or the ` +
      `token cannot see it; the token needs ${operation.permission}`;
  } else if (status === 409) {
    advice = `GitHub answered 409 ${said}: the repository changed meanwhile (or is empty); re-run the job`;
  } else if (status === 422) {
    advice = `GitHub refused the request (422 ${said})`;
  } else if (status >= 500) {
    advice =
      `GitHub answered ${status} ${said} and the retries ran out; GitHub ` +
      'may be degraded (https://www.githubstatus.com), re-run the job later';
  } else {
    advice = `GitHub answered ${status} ${said}`;
  }
  return new GitHubApiError(`${head}: ${advice}`, {
    status,
    action: operation.action,
    githubMessage: said,
    cause: error,
  });
}

/** Runs one GitHub call, turning its failure into a `GitHubApiError` naming the operation. */
export async function githubCall<T>(operation: GitHubOperation, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw explainGitHubError(error, operation);
  }
}
