/**
 * GitHub REST fake: a loopback HTTP server that checks every request against GitHub's published
 * OpenAPI description (the operations ensemble uses, extracted into
 * `test/fixtures/github-openapi.json` by `scripts/extract-openapi.ts`) and answers from a small
 * in-memory repository (`github-fake-model.ts`, `github-fake-handlers.ts`).
 *
 * A request is matched to an operation by its path template and method, then checked: the token
 * is present (and the expected one, when the seed names it; an App's JWT or installation token is
 * checked as GitHub checks it, see `github-fake-apps.ts`), path and query parameters have the
 * types and values the description allows (an unknown query parameter is reported too), and the
 * JSON body conforms to the operation's schema, with unknown fields reported (GitHub would silently
 * ignore a misspelt one). A request that fails is answered as GitHub would (401, 404, 400, 422)
 * AND recorded in `problems` with the operation and the reason, so a test asserts
 * `expect(fake.problems).toEqual([])`. The fake's own answers are checked against the operation's
 * response schema as well; a mismatch is a problem of kind `response`.
 *
 * Faults are queued per operation with `fail(operationId, ...faults)`: any status with GitHub's
 * error body, primary and secondary rate limits with their headers, a dropped connection, and
 * `afterWrite` faults that perform the request before answering with the error, as when GitHub
 * commits a write and the answer is lost (a client must look for the write before retrying it).
 *
 * `POST /graphql` answers the few GraphQL documents ensemble sends (`github-fake-graphql.ts`), with
 * the same authentication; its requests are recorded as `graphql/<OperationName>` and take faults
 * under that name. Test helpers seed and inspect review threads (`addReviewThread`, `threads`,
 * `outdateThread`) and push commits as a person would (`pushAsPerson`); workflow runs and their jobs
 * are seeded (`workflowRuns`, `addWorkflowRun`) and inspected (`workflowRun`) for the Actions
 * endpoints (`github-fake-actions.ts`).
 *
 * Each recorded request keeps the credential it was sent with (`token`) and how it authenticated
 * (`auth`), so a test can tell which writes an App's installation token made.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  ACTIONS_HANDLERS,
  addWorkflowRun,
  type FakeWorkflowRun,
  seedWorkflowRuns,
  type WorkflowRunSeed,
} from './github-fake-actions.ts';
import {
  APP_HANDLERS,
  authenticate,
  deniedByPermissions,
  type FakeAuth,
  issueInstallationToken,
  type PermissionLevel,
  registerApps,
} from './github-fake-apps.ts';
import { CHECKS_HANDLERS, type FakeChecks, fakeChecks, serveJobLog } from './github-fake-checks.ts';
import { answerGraphql, GRAPHQL_OPERATIONS, operationName } from './github-fake-graphql.ts';
import { HANDLERS, Refusal, type Reply } from './github-fake-handlers.ts';
import {
  addReviewThread,
  createState,
  type FakeState,
  type FakeThreadView,
  type GitHubFakeSeed,
  mergePull,
  outdateThread,
  pushAsPerson,
  threadViews,
} from './github-fake-model.ts';
import { type Schema, validate } from './github-fake-schema.ts';

export type {
  FakeRerun,
  FakeWorkflowJob,
  FakeWorkflowRun,
  WorkflowJobSeed,
  WorkflowRunSeed,
} from './github-fake-actions.ts';
export type { FakeAppSeed, FakeInstallationToken, PermissionLevel } from './github-fake-apps.ts';
export type {
  CheckRunSeed,
  CommitStatusSeed,
  DeploymentSeed,
  DeploymentStatusSeed,
  FakeChecks,
  FakePullCi,
} from './github-fake-checks.ts';
export type {
  AccountPlan,
  EnvironmentSeed,
  FakeEnvironment,
  FakeRunApproval,
  FakeState,
  FakeThreadView,
  GitHubFakeSeed,
  RoleName,
} from './github-fake-model.ts';

export interface GitHubFakeProblem {
  /** The operation id (`issues/create-comment`), or null when no operation matched. */
  operation: string | null;
  method: string;
  path: string;
  /** `request`: the client sent something GitHub would refuse; `response`: the fake's answer broke the schema. */
  kind: 'request' | 'response';
  reason: string;
}

export interface RecordedGitHubRequest {
  method: string;
  /** The decoded path, without the query. */
  path: string;
  query: Record<string, string>;
  operation: string | null;
  body: unknown;
  status: number;
  /** Answered by an injected fault. */
  faulted: boolean;
  /** The credential of the Authorization header (a token or an App's JWT); null without one. */
  token: string | null;
  /** How it authenticated: the seed's token, an App's JWT, or an installation token; null when refused. */
  auth: FakeAuth['kind'] | null;
}

export interface GitHubFault {
  status: number;
  message?: string;
  /** The `errors` array of GitHub's validation answers. */
  errors?: unknown[];
  /** Computed when the fault is answered (rate-limit reset times are relative to then). */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Perform the request first, then answer with the fault: the write landed, the answer did not. */
  afterWrite?: boolean;
  /** Destroy the connection instead of answering. */
  drop?: boolean;
}

export interface GitHubFake {
  /** The API base URL, for Octokit's `baseUrl` or `GITHUB_API_URL`. */
  url: string;
  state: FakeState;
  requests: RecordedGitHubRequest[];
  problems: GitHubFakeProblem[];
  /** Queue faults for the next requests of an operation (by operation id, e.g. `issues/create-comment`). */
  fail(operation: string, ...faults: GitHubFault[]): void;
  /**
   * The recorded requests of one operation: a REST operation id, or `graphql/<OperationName>` for
   * GraphQL (`graphql/ReviewThreads`, `graphql/ResolveReviewThread`).
   */
  calls(operation: string): RecordedGitHubRequest[];
  /** A person's review comment on a line of the pull request's diff (a new review by `author`); its comment id. */
  addReviewThread(seed: { pull: number; author: string; path: string; line: number; body: string }): number;
  /** The review threads of a pull request with their replies and state, as a test inspects them. */
  threads(pull: number): FakeThreadView[];
  /** Marks a thread outdated (its line moved), as GitHub does after a push; the fake never does it by itself. */
  outdateThread(threadId: string): void;
  /** A person's push of one commit on `branch` (parent: its head; tree: the head's with `files`); its SHA. */
  pushAsPerson(push: { branch: string; files: Record<string, string | null>; message: string; author: string }): string;
  /**
   * Merges the pull request as `sha`, a commit the test made and the fake holds (a merge commit, a
   * squash or a rebase): the base branch moves to it, the pull request is closed and merged.
   */
  mergePull(pull: number, merge: { sha: string; by?: string; at?: Date }): void;
  /** A workflow run with its jobs (`github-fake-actions.ts`); its id. */
  addWorkflowRun(seed: WorkflowRunSeed): number;
  /**
   * The run as the fake keeps it (undefined when there is none): status, attempts, the jobs of
   * every attempt and the re-runs asked for. A test may change its status and jobs to play the runner.
   */
  workflowRun(id: number): FakeWorkflowRun | undefined;
  /**
   * An installation token of a registered App (the first one by default) with these permissions,
   * as `POST /app/installations/{id}/access_tokens` makes it, without the JWT round trip.
   */
  installationToken(permissions: Record<string, PermissionLevel>, appId?: number): string;
  /**
   * The repository's CI (`github-fake-checks.ts`): check runs of other apps than Actions, commit
   * statuses, what a base branch requires, job logs, auto-merge, teams and requested reviewers,
   * deployments. A workflow run's jobs are its check runs without any seeding here.
   */
  checks: FakeChecks;
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';
const GRAPHQL_DOCS = 'https://docs.github.com/graphql';

/** Primary rate limit: 403 (or 429) with `x-ratelimit-remaining: 0` and the reset time. */
export function rateLimited(options: { status?: 403 | 429; resetInSeconds?: number } = {}): GitHubFault {
  return {
    status: options.status ?? 403,
    message:
      'API rate limit exceeded for installation ID 1. If you reach out to GitHub Support for help, please include the request ID.',
    headers: () => ({
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '5000',
      'x-ratelimit-resource': 'core',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + (options.resetInSeconds ?? 0)),
    }),
  };
}

/** Secondary rate limit: 403 (or 429) with GitHub's message and `retry-after`. */
export function secondaryRateLimited(options: { status?: 403 | 429; retryAfter?: number } = {}): GitHubFault {
  return {
    status: options.status ?? 403,
    message:
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
    headers: { 'retry-after': String(options.retryAfter ?? 1) },
  };
}

/** A 5xx; with `afterWrite`, the request is performed before the error is answered. */
export function serverError(status = 502, options: { afterWrite?: boolean } = {}): GitHubFault {
  return {
    status,
    message: status === 502 ? 'Server Error' : 'Service Unavailable',
    afterWrite: options.afterWrite ?? false,
  };
}

/** 403 with GitHub's "Resource not accessible by integration" (a token without the permission). */
export function forbidden(message = 'Resource not accessible by integration'): GitHubFault {
  return { status: 403, message };
}

interface Operation {
  id: string;
  method: string;
  template: string;
  segments: string[];
  // biome-ignore lint/suspicious/noExplicitAny: OpenAPI operation objects are arbitrary JSON
  spec: Record<string, any>;
}

const FIXTURE = new URL('../fixtures/github-openapi.json', import.meta.url);
let fixture:
  | { paths: Record<string, Record<string, Schema>>; components: Record<string, Record<string, Schema>> }
  | undefined;

function loadFixture() {
  fixture ??= JSON.parse(readFileSync(FIXTURE, 'utf8'));
  return fixture!;
}

function resolver(ref: string): Schema {
  const match = /^#\/components\/([^/]+)\/(.+)$/.exec(ref);
  const found = match ? loadFixture().components[match[1]!]?.[match[2]!] : undefined;
  if (!found) throw new Error(`the fixture has no ${ref}`);
  return found;
}

const deref = (value: Schema): Schema => (value.$ref ? deref(resolver(value.$ref)) : value);

function operations(): Operation[] {
  const ops: Operation[] = [];
  for (const [template, item] of Object.entries(loadFixture().paths)) {
    for (const [method, spec] of Object.entries(item)) {
      ops.push({
        id: spec.operationId,
        method: method.toUpperCase(),
        template,
        segments: template.split('/').slice(1),
        spec,
      });
    }
  }
  return ops;
}

const GREEDY = ['{ref}', '{branch}'];

/** The operation whose template matches, with the decoded path parameters; literal segments win. */
function route(ops: Operation[], rawPath: string) {
  const segments = rawPath.split('/').slice(1);
  let best: { template: string; params: Record<string, string>; score: number } | null = null;
  for (const op of ops) {
    const params: Record<string, string> = {};
    let score = 0;
    let ok = true;
    for (let i = 0; i < op.segments.length && ok; i++) {
      const part = op.segments[i]!;
      const last = i === op.segments.length - 1;
      if (i >= segments.length) ok = false;
      else if (part.startsWith('{')) {
        // A ref or branch may arrive with its slashes unencoded (`heads/a/b`), as GitHub accepts.
        const raw = last && GREEDY.includes(part) ? segments.slice(i).join('/') : segments[i]!;
        let value: string;
        try {
          value = decodeURIComponent(raw);
        } catch {
          value = raw;
        }
        if (value === '') ok = false;
        params[part.slice(1, -1)] = value;
      } else if (part === segments[i]) score++;
      else ok = false;
    }
    const greedy = GREEDY.includes(op.segments[op.segments.length - 1]!);
    if (ok && (segments.length === op.segments.length || (greedy && segments.length > op.segments.length))) {
      if (!best || score > best.score) best = { template: op.template, params, score };
    }
  }
  return best;
}

function coerce(schema: Schema, raw: string): unknown {
  const type = deref(schema).type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startGitHubFake(seed: GitHubFakeSeed = {}): Promise<GitHubFake> {
  const state = createState(seed);
  registerApps(state, seed.apps ?? []);
  seedWorkflowRuns(state, seed.workflowRuns ?? []);
  const ops = operations();
  const requests: RecordedGitHubRequest[] = [];
  const problems: GitHubFakeProblem[] = [];
  const faults = new Map<string, GitHubFault[]>();
  const sockets = new Set<Socket>();
  let requestCounter = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      problems.push({
        operation: null,
        method: req.method ?? '?',
        path: req.url ?? '?',
        kind: 'response',
        reason: `the GitHub fake crashed: ${error instanceof Error ? error.stack : String(error)}`,
      });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Server Error' }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', state.apiUrl);
    const rawBody = await readBody(req);
    const query = Object.fromEntries(url.searchParams);
    const record: RecordedGitHubRequest = {
      method,
      path: safeDecode(url.pathname),
      query,
      operation: null,
      body: undefined,
      status: 0,
      faulted: false,
      token: null,
      auth: null,
    };
    requests.push(record);
    let operation: Operation | null = null;

    const problem = (reason: string, kind: GitHubFakeProblem['kind'] = 'request') =>
      problems.push({ operation: operation?.id ?? record.operation, method, path: record.path, kind, reason });

    const send = (reply: Reply) => {
      record.status = reply.status;
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        'x-github-media-type': 'github.v3; format=json',
        'x-github-request-id': `FAKE:${++requestCounter}`,
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        'x-ratelimit-used': '1',
        'x-ratelimit-resource': 'core',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        ...reply.headers,
      };
      if (operation && !record.faulted) checkResponse(operation, reply, problem);
      if (reply.body === undefined) {
        res.writeHead(reply.status, headers);
        res.end();
      } else {
        res.writeHead(reply.status, headers);
        res.end(JSON.stringify(reply.body));
      }
    };
    const error = (status: number, message: string, errors?: unknown[], headers?: Record<string, string>): Reply => ({
      status,
      headers,
      body: {
        message,
        documentation_url: operation?.spec.documentation ?? DOCS,
        ...(errors ? { errors } : {}),
        status: String(status),
      },
    });
    const refuse = (status: number, message: string, reason: string, errors?: unknown[]) => {
      problem(reason);
      send(error(status, message, errors));
    };

    /** Answers with a queued fault (true), performing the request first for an `afterWrite` one. */
    const applyFault = (fault: GitHubFault | undefined, perform: () => unknown): boolean => {
      if (!fault) return false;
      if (fault.afterWrite) perform();
      record.faulted = true;
      if (fault.drop) {
        record.status = -1;
        req.socket.destroy();
        return true;
      }
      const headers = typeof fault.headers === 'function' ? fault.headers() : fault.headers;
      send(error(fault.status, fault.message ?? 'Fault injected by the test', fault.errors, headers));
      return true;
    };

    if (url.pathname === '/graphql') {
      graphql(rawBody);
      return;
    }
    // GitHub's log storage, where the job log endpoint redirects: another host on GitHub, plain text.
    if (url.pathname.startsWith('/_logs/')) {
      const served = serveJobLog(state, url, req.headers.authorization);
      record.operation = 'log-storage';
      record.status = served.status;
      if (served.problem) problem(served.problem);
      res.writeHead(served.status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(served.body);
      return;
    }

    // Route.
    const matched = route(ops, url.pathname);
    if (!matched) {
      refuse(
        404,
        'Not Found',
        `no operation of the fixture matches ${method} ${record.path}; add it to OPERATIONS in scripts/extract-openapi.ts`,
      );
      return;
    }
    operation = ops.find((op) => op.template === matched.template && op.method === method) ?? null;
    if (!operation) {
      const allowed = ops.filter((op) => op.template === matched.template).map((op) => `${op.method} (${op.id})`);
      refuse(
        404,
        'Not Found',
        `${matched.template} has no ${method} operation in the fixture; it has ${allowed.join(', ')}`,
      );
      return;
    }
    record.operation = operation.id;

    // Authentication.
    const auth = req.headers.authorization;
    if (!auth) {
      refuse(401, 'Requires authentication', 'no Authorization header: the request is unauthenticated');
      return;
    }
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(auth)?.[1];
    if (!token) {
      refuse(401, 'Bad credentials', `malformed Authorization header "${auth.slice(0, 20)}"`);
      return;
    }
    record.token = token;
    const who = authenticate(state, operation.id, token);
    if (!who.ok) {
      if (who.problem) problem(who.reason);
      send(error(who.status, who.message));
      return;
    }
    record.auth = who.auth.kind;

    // Parameters.
    const reasons: string[] = [];
    const params: Record<string, string | number> = {};
    const queryValues: Record<string, string | number | boolean> = {};
    const declared = new Set<string>();
    for (const raw of (operation.spec.parameters ?? []) as Schema[]) {
      const parameter = deref(raw);
      const name = parameter.name as string;
      if (parameter.in === 'path') {
        const value = matched.params[name];
        if (value === undefined) {
          reasons.push(`path parameter ${name} is missing`);
          continue;
        }
        const typed = coerce(parameter.schema ?? {}, value);
        reasons.push(...validate(parameter.schema ?? {}, typed, { resolve: resolver }, `path parameter ${name}`));
        params[name] = typed as string | number;
      } else if (parameter.in === 'query') {
        declared.add(name);
        const value = url.searchParams.get(name);
        if (value === null) {
          if (parameter.required) reasons.push(`query parameter ${name} is required`);
          continue;
        }
        const typed = coerce(parameter.schema ?? {}, value);
        reasons.push(...validate(parameter.schema ?? {}, typed, { resolve: resolver }, `query parameter ${name}`));
        queryValues[name] = typed as string | number | boolean;
      }
    }
    for (const name of url.searchParams.keys()) {
      if (!declared.has(name))
        reasons.push(`query parameter ${name} is not a parameter of ${operation.id} (GitHub would ignore it)`);
    }
    if (reasons.length > 0) {
      refuse(422, 'Invalid request.', reasons.join('; '), [
        { resource: 'Request', code: 'invalid', message: reasons.join('; ') },
      ]);
      return;
    }

    // Body.
    let body: unknown;
    const requestBody = operation.spec.requestBody as Schema | undefined;
    if (rawBody.trim() !== '') {
      try {
        body = JSON.parse(rawBody);
      } catch {
        refuse(400, 'Problems parsing JSON', `the body is not JSON: ${rawBody.slice(0, 80)}`);
        return;
      }
    }
    record.body = body;
    if (!requestBody) {
      if (body !== undefined) {
        refuse(400, 'Problems parsing JSON', `${operation.id} takes no body, got ${rawBody.slice(0, 80)}`);
        return;
      }
    } else if (body === undefined) {
      if (requestBody.required) {
        refuse(400, 'Problems parsing JSON', `${operation.id} requires a JSON body`);
        return;
      }
    } else {
      const contentType = String(req.headers['content-type'] ?? '');
      if (!contentType.startsWith('application/json')) {
        refuse(415, 'Unsupported Media Type', `the body must be sent as application/json, was "${contentType}"`);
        return;
      }
      const schema = requestBody.content?.['application/json']?.schema as Schema | undefined;
      const bodyReasons = schema ? validate(schema, body, { resolve: resolver, closedObjects: true }, 'body') : [];
      if (bodyReasons.length > 0) {
        refuse(
          422,
          `Invalid request.\n\n${bodyReasons.join('\n')}`,
          bodyReasons.join('; '),
          bodyReasons.map((message) => ({ resource: 'Request', code: 'invalid', message })),
        );
        return;
      }
    }

    // The repository.
    if (
      'owner' in params &&
      (String(params.owner).toLowerCase() !== state.owner.toLowerCase() ||
        String(params.repo).toLowerCase() !== state.repo.toLowerCase())
    ) {
      refuse(404, 'Not Found', `the fake serves ${state.owner}/${state.repo}, not ${params.owner}/${params.repo}`);
      return;
    }

    // What an installation token may do.
    const denied = deniedByPermissions(state, who.auth, operation.id, method, params);
    if (denied) {
      refuse(403, 'Resource not accessible by integration', denied);
      return;
    }

    // Faults, then the model.
    const fault = faults.get(operation.id)?.shift();
    const perform = (): Reply => {
      const handler =
        HANDLERS[operation!.id] ??
        APP_HANDLERS[operation!.id] ??
        ACTIONS_HANDLERS[operation!.id] ??
        CHECKS_HANDLERS[operation!.id];
      if (!handler) throw new Error(`the fake has no handler for ${operation!.id}`);
      try {
        return handler({ state, params, query: queryValues, body, url, viewer: who.viewer, auth: who.auth });
      } catch (thrown) {
        if (!(thrown instanceof Refusal)) throw thrown;
        if (thrown.problem) {
          const detail = thrown.errors
            ? `: ${thrown.errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('; ')}`
            : '';
          problem(thrown.reason ?? `${thrown.status} ${thrown.message}${detail}`);
        }
        return error(thrown.status, thrown.message, thrown.errors);
      }
    };
    if (applyFault(fault, perform)) return;
    send(perform());

    /** `POST /graphql`: authenticated like the REST side, answered by `github-fake-graphql.ts`. */
    function graphql(text: string) {
      const refuseGraphql = (status: number, message: string, reason: string) => {
        problem(reason);
        send({ status, body: { message, documentation_url: GRAPHQL_DOCS } });
      };
      if (method !== 'POST') {
        refuseGraphql(404, 'Not Found', `GraphQL takes POST, not ${method}`);
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        refuseGraphql(400, 'Problems parsing JSON', `the GraphQL body is not JSON: ${text.slice(0, 80)}`);
        return;
      }
      record.body = parsed;
      const query = (parsed as { query?: unknown } | null)?.query;
      const name = typeof query === 'string' ? operationName(query) : null;
      record.operation = name ? `graphql/${name}` : 'graphql';
      const header = req.headers.authorization;
      if (!header) {
        refuseGraphql(
          401,
          'This endpoint requires you to be authenticated.',
          'no Authorization header on a GraphQL request',
        );
        return;
      }
      const token = /^(?:token|bearer)\s+(\S+)$/i.exec(header)?.[1];
      if (!token) {
        refuseGraphql(401, 'Bad credentials', `malformed Authorization header "${header.slice(0, 20)}"`);
        return;
      }
      record.token = token;
      const who = authenticate(state, record.operation, token);
      if (!who.ok) {
        if (who.problem) problem(who.reason);
        send({ status: who.status, body: { message: who.message, documentation_url: GRAPHQL_DOCS } });
        return;
      }
      record.auth = who.auth.kind;
      const perform = () => answerGraphql(state, parsed, who.viewer, who.auth);
      if (applyFault(faults.get(record.operation)?.shift(), perform)) return;
      const answer = perform();
      if (answer.problem) problem(answer.problem);
      send({ status: 200, body: answer.body });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.apiUrl = `http://127.0.0.1:${port}`;

  return {
    url: state.apiUrl,
    state,
    requests,
    problems,
    fail(operation, ...queued) {
      if (!ops.some((op) => op.id === operation) && !GRAPHQL_OPERATIONS.includes(operation))
        throw new Error(`no operation ${operation} in the fixture nor among the fake's GraphQL operations`);
      faults.set(operation, [...(faults.get(operation) ?? []), ...queued]);
    },
    calls: (operation) => requests.filter((r) => r.operation === operation),
    addReviewThread: (seed) => addReviewThread(state, seed),
    threads: (pull) => threadViews(state, pull),
    outdateThread: (threadId) => outdateThread(state, threadId),
    pushAsPerson: (push) => pushAsPerson(state, push),
    mergePull: (pull, merge) => mergePull(state, pull, merge),
    addWorkflowRun: (run) => addWorkflowRun(state, run),
    workflowRun: (id) => state.workflowRuns.get(id),
    installationToken: (permissions, appId) => issueInstallationToken(state, permissions, appId),
    checks: fakeChecks(state),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function checkResponse(operation: Operation, reply: Reply, problem: (reason: string, kind: 'response') => void) {
  const responses = operation.spec.responses as Record<string, Schema>;
  const declared = responses[String(reply.status)] ?? responses.default;
  if (!declared) {
    if (reply.status < 400)
      problem(`the fake answered ${reply.status}, which ${operation.id} does not declare`, 'response');
    return;
  }
  const schema = deref(declared).content?.['application/json']?.schema as Schema | undefined;
  if (!schema || reply.body === undefined) return;
  const reasons = validate(schema, reply.body, { resolve: resolver }, 'response');
  if (reasons.length > 0)
    problem(`the fake's ${reply.status} answer breaks the fixture: ${reasons.slice(0, 5).join('; ')}`, 'response');
}
