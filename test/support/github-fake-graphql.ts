/**
 * The GitHub fake's GraphQL endpoint (`POST /graphql`): exactly the documents ensemble sends
 * (`src/github/threads.ts`, `src/github/checks.ts`), answered from the in-memory model as GitHub's GraphQL API answers.
 *
 * The fake does not execute GraphQL. It keeps its own copy of each document ensemble may send and
 * answers a request only when its text (whitespace aside) is that copy: a query changed in the
 * client, a field added or renamed, is refused with a GraphQL error and recorded as a problem,
 * so that the change fails tests loudly instead of reading `undefined`. Change both together,
 * after checking the new fields against GitHub's schema (https://docs.github.com/graphql).
 *
 * GitHub answers GraphQL errors with HTTP 200 and `{ data, errors }`; so does the fake.
 */
import type { FakeAuth, PermissionLevel } from './github-fake-apps.ts';
import { answerEnableAutoMerge, answerMarkReady, answerPullChecks, answerPullState } from './github-fake-checks.ts';
import { type FakeState, threadComments, visibleThreads } from './github-fake-model.ts';

const DOCUMENTS = {
  ReviewThreads: `query ReviewThreads($owner: String!, $repo: String!, $pull: Int!, $cursor: String) {
    repository(owner: $owner, name: $repo) {
      pullRequest(number: $pull) {
        reviewThreads(first: 100, after: $cursor) {
          pageInfo { hasNextPage endCursor }
          nodes {
            id isResolved isOutdated path line
            comments(first: 100) { nodes { databaseId author { __typename login } body createdAt } }
          }
        }
      }
    }
  }`,
  ResolveReviewThread: `mutation ResolveReviewThread($threadId: ID!) {
    resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } }
  }`,
  PullChecks: `query PullChecks($owner: String!, $repo: String!, $pull: Int!, $cursor: String) {
    repository(owner: $owner, name: $repo) {
      pullRequest(number: $pull) {
        id number isDraft state mergeable headRefOid
        autoMergeRequest { mergeMethod }
        commits(last: 1) {
          nodes {
            commit {
              oid
              statusCheckRollup {
                contexts(first: 100, after: $cursor) {
                pageInfo { hasNextPage endCursor }
                  nodes {
                    __typename
                    ... on CheckRun {
                      databaseId name status conclusion detailsUrl
                      isRequired(pullRequestNumber: $pull)
                      checkSuite { app { slug } workflowRun { databaseId workflow { name } } }
                    }
                    ... on StatusContext { context state targetUrl isRequired(pullRequestNumber: $pull) }
                  }
                }
              }
            }
          }
        }
      }
    }
  }`,
  PullState: `query PullState($id: ID!) {
    node(id: $id) { ... on PullRequest { id isDraft autoMergeRequest { mergeMethod } } }
  }`,
  MarkReady: `mutation MarkReady($id: ID!) {
    markPullRequestReadyForReview(input: { pullRequestId: $id }) { pullRequest { id isDraft } }
  }`,
  EnableAutoMerge: `mutation EnableAutoMerge($id: ID!, $mergeMethod: PullRequestMergeMethod!) {
    enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: $mergeMethod }) {
      pullRequest { id autoMergeRequest { mergeMethod } }
    }
  }`,
} as const;

export type GraphqlOperationName = keyof typeof DOCUMENTS;

/** The operation names the fake answers, as recorded: `graphql/ReviewThreads`. */
export const GRAPHQL_OPERATIONS = Object.keys(DOCUMENTS).map((name) => `graphql/${name}`);

/**
 * The installation-token permissions each operation needs (every one of them), as GitHub's REST
 * equivalents do: the rollup shows check runs and commit statuses, and auto-merge merges, which
 * takes contents.
 */
const PERMISSION: Record<GraphqlOperationName, Record<string, PermissionLevel>> = {
  ReviewThreads: { pull_requests: 'read' },
  ResolveReviewThread: { pull_requests: 'write' },
  PullChecks: { pull_requests: 'read', checks: 'read', statuses: 'read' },
  PullState: { pull_requests: 'read' },
  MarkReady: { pull_requests: 'write' },
  EnableAutoMerge: { pull_requests: 'write', contents: 'write' },
};

/** The field each operation's answer is under: null in a refusal. */
const ROOT_FIELD: Record<GraphqlOperationName, string> = {
  ReviewThreads: 'repository',
  ResolveReviewThread: 'resolveReviewThread',
  PullChecks: 'repository',
  PullState: 'node',
  MarkReady: 'markPullRequestReadyForReview',
  EnableAutoMerge: 'enablePullRequestAutoMerge',
};

const PAGE = 100;

/** Whitespace is insignificant in GraphQL: compare documents without it. */
export function normalizeDocument(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}():,!$=[\]])\s*/g, '$1')
    .trim();
}

/** The name of the document's (first) operation, or null for an anonymous or unparsable one. */
export function operationName(text: string): string | null {
  return /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(text)?.[1] ?? null;
}

export interface GraphqlError {
  message: string;
  type?: string;
  path?: string[];
  locations?: { line: number; column: number }[];
}

export interface GraphqlAnswer {
  /** `graphql/<OperationName>`, or `graphql` when the request names none. */
  operation: string;
  body: { data?: unknown; errors?: GraphqlError[] };
  /** Set when only a wrong client gets this answer: recorded in the fake's problems. */
  problem?: string;
}

const cursorOf = (position: number) => Buffer.from(`cursor:v2:${position}`).toString('base64');

function positionOf(cursor: string): number | null {
  const match = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match ? Number(match[1]) : null;
}

const variableError = (name: string, type: string, value: unknown): string =>
  `Variable $${name} of type ${type} was provided invalid value ${JSON.stringify(value) ?? 'undefined'}`;

/** Answers one GraphQL request body (already JSON-parsed) for an authenticated caller. */
export function answerGraphql(state: FakeState, body: unknown, viewer: string, auth: FakeAuth): GraphqlAnswer {
  const request = (typeof body === 'object' && body !== null ? body : {}) as {
    query?: unknown;
    variables?: unknown;
    operationName?: unknown;
  };
  const refuse = (operation: string, message: string, problem = message): GraphqlAnswer => ({
    operation,
    body: { errors: [{ message }] },
    problem,
  });
  if (typeof request.query !== 'string')
    return refuse('graphql', 'A query attribute must be specified and must be a string.');
  const name = operationName(request.query);
  const operation = name ? `graphql/${name}` : 'graphql';
  if (!name || !(name in DOCUMENTS)) {
    return refuse(
      operation,
      `the GitHub fake answers only the GraphQL operations ${Object.keys(DOCUMENTS).join(', ')}, not ${name ?? 'an anonymous one'}`,
    );
  }
  const known = name as GraphqlOperationName;
  if (normalizeDocument(request.query) !== normalizeDocument(DOCUMENTS[known])) {
    return refuse(
      operation,
      `the ${name} document differs from the one the GitHub fake answers (test/support/github-fake-graphql.ts); ` +
        "update both, after checking the fields against GitHub's GraphQL schema",
    );
  }
  if (request.operationName !== undefined && request.operationName !== name) {
    return refuse(operation, `Unknown operation named "${String(request.operationName)}".`);
  }
  const variables = (
    typeof request.variables === 'object' && request.variables !== null ? request.variables : {}
  ) as Record<string, unknown>;
  if (auth.kind === 'installation') {
    const has = auth.installation.permissions;
    const lacking = Object.entries(PERMISSION[known]).some(
      ([name, level]) => has[name] === undefined || (level === 'write' && has[name] !== 'write'),
    );
    if (lacking) {
      return {
        operation,
        body: {
          data: { [ROOT_FIELD[known]]: null },
          errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }],
        },
      };
    }
  }
  const answers: Record<GraphqlOperationName, () => Omit<GraphqlAnswer, 'operation'>> = {
    ReviewThreads: () => reviewThreads(state, variables),
    ResolveReviewThread: () => resolve(state, variables, viewer),
    PullChecks: () => answerPullChecks(state, variables),
    PullState: () => answerPullState(state, variables),
    MarkReady: () => answerMarkReady(state, variables),
    EnableAutoMerge: () => answerEnableAutoMerge(state, variables, viewer),
  };
  return { operation, ...answers[known]() };
}

function reviewThreads(state: FakeState, v: Record<string, unknown>): Omit<GraphqlAnswer, 'operation'> {
  const invalid: string[] = [];
  if (typeof v.owner !== 'string') invalid.push(variableError('owner', 'String!', v.owner));
  if (typeof v.repo !== 'string') invalid.push(variableError('repo', 'String!', v.repo));
  if (typeof v.pull !== 'number' || !Number.isInteger(v.pull)) invalid.push(variableError('pull', 'Int!', v.pull));
  if (v.cursor !== undefined && v.cursor !== null && typeof v.cursor !== 'string')
    invalid.push(variableError('cursor', 'String', v.cursor));
  if (invalid.length > 0)
    return { body: { errors: invalid.map((message) => ({ message })) }, problem: invalid.join('; ') };
  const owner = v.owner as string;
  const repo = v.repo as string;
  if (owner.toLowerCase() !== state.owner.toLowerCase() || repo.toLowerCase() !== state.repo.toLowerCase()) {
    return {
      body: {
        data: { repository: null },
        errors: [
          {
            type: 'NOT_FOUND',
            path: ['repository'],
            locations: [{ line: 2, column: 3 }],
            message: `Could not resolve to a Repository with the name '${owner}/${repo}'.`,
          },
        ],
      },
    };
  }
  const number = v.pull as number;
  const pull = state.pulls.get(number);
  if (!pull) {
    return {
      body: {
        data: { repository: { pullRequest: null } },
        errors: [
          {
            type: 'NOT_FOUND',
            path: ['repository', 'pullRequest'],
            locations: [{ line: 3, column: 5 }],
            message: `Could not resolve to a PullRequest with the number of ${number}.`,
          },
        ],
      },
    };
  }
  let start = 0;
  if (typeof v.cursor === 'string') {
    const position = positionOf(v.cursor);
    if (position === null) {
      const message = `\`${v.cursor}\` does not appear to be a valid cursor.`;
      return {
        body: { data: { repository: { pullRequest: { reviewThreads: null } } }, errors: [{ message }] },
        problem: message,
      };
    }
    start = position + 1;
  }
  const threads = visibleThreads(state, pull.number);
  const page = threads.slice(start, start + PAGE);
  const nodes = page.map((thread) => {
    const comments = threadComments(state, thread);
    return {
      id: thread.id,
      isResolved: thread.resolved,
      isOutdated: thread.outdated,
      path: comments[0]!.path,
      line: thread.outdated ? null : comments[0]!.line,
      comments: {
        nodes: comments.slice(0, 100).map((c) => ({
          databaseId: c.id,
          // As GitHub's GraphQL API names them: a bot by its login without `[bot]`, typed Bot.
          author: c.author.toLowerCase() === 'ghost' ? null : graphqlActor(c.author),
          body: c.body,
          createdAt: c.createdAt,
        })),
      },
    };
  });
  return {
    body: {
      data: {
        repository: {
          pullRequest: {
            reviewThreads: {
              pageInfo: {
                hasNextPage: start + PAGE < threads.length,
                endCursor: page.length > 0 ? cursorOf(start + page.length - 1) : null,
              },
              nodes,
            },
          },
        },
      },
    },
  };
}

function resolve(state: FakeState, v: Record<string, unknown>, viewer: string): Omit<GraphqlAnswer, 'operation'> {
  if (typeof v.threadId !== 'string') {
    const message = variableError('threadId', 'ID!', v.threadId);
    return { body: { errors: [{ message }] }, problem: message };
  }
  const thread = state.threads.find((t) => t.id === v.threadId);
  if (!thread) {
    return {
      body: {
        data: { resolveReviewThread: null },
        errors: [
          {
            type: 'NOT_FOUND',
            path: ['resolveReviewThread'],
            locations: [{ line: 2, column: 3 }],
            message: `Could not resolve to a node with the global id of '${v.threadId}'.`,
          },
        ],
      },
    };
  }
  if (!thread.resolved) {
    thread.resolved = true;
    thread.resolvedBy = viewer;
  }
  return { body: { data: { resolveReviewThread: { thread: { id: thread.id, isResolved: true } } } } };
}

function graphqlActor(login: string): { __typename: 'Bot' | 'User'; login: string } {
  return login.endsWith('[bot]')
    ? { __typename: 'Bot', login: login.slice(0, -'[bot]'.length) }
    : { __typename: 'User', login };
}
