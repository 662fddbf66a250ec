/**
 * Artifact service fake: a loopback HTTP server speaking exactly what the real `@actions/artifact`
 * v6 client speaks, so the real client (not a mock of it) can run against it in tests.
 *
 * Two services share the one port, as two hosts do on GitHub:
 *
 * - **Results service** (`ACTIONS_RESULTS_URL`): Twirp over JSON,
 *   `POST /twirp/github.actions.results.api.v1.ArtifactService/<Method>` with `CreateArtifact`,
 *   `FinalizeArtifact`, `ListArtifacts`, `GetSignedArtifactURL` and `DeleteArtifact`. Bodies use the
 *   proto field names (`workflow_run_backend_id`, …); int64 values are JSON strings, wrappers
 *   (`StringValue`, `Int64Value`) are bare values, timestamps RFC 3339. Requests must carry
 *   `Authorization: Bearer <runtime token>`; the backend ids in the body must be the ones the token's
 *   `scp` claim grants (`Actions.Results:<workflowRunBackendId>:<workflowJobRunBackendId>`). Errors are
 *   Twirp errors (`{"code","msg"}` with the code's HTTP status), which the client reports as
 *   non-retryable. Like the real service, `CreateArtifact` for a name that already exists in the run
 *   fails with 409 `already_exists` ("an artifact with this name already exists on the workflow run"),
 *   so an uploader must delete first on a job re-run.
 * - **Blob storage** (the signed URLs): Azure Blob Storage in the IP-style form the Azure SDK accepts
 *   for local endpoints (`/<account>/<container>/<blob>`). The client's `BlockBlobClient.uploadStream`
 *   stages blocks (`PUT ?comp=block&blockid=…`) and commits them (`PUT ?comp=blocklist`, XML body,
 *   content type in `x-ms-blob-content-type`); a single `PUT` with `x-ms-blob-type: BlockBlob` is
 *   accepted too. Downloads are `GET` on the signed read URL and return the zip with its content type.
 *   Signatures (`sig`), permissions (`sp`) and expiry (`se`) are checked.
 *
 * Requests that break the protocol (missing or unknown fields, wrong types, a bad token, ids the token
 * does not grant, invalid names, finalizing what was not uploaded, a size or hash that does not match
 * the bytes, a duplicate name) are answered with the service's error and listed in `problems`, which
 * a test can assert empty. A missing artifact asked for by name (`GetSignedArtifactURL`,
 * `DeleteArtifact`) is a normal `not_found`, not a problem.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { inflateRawSync } from 'node:zlib';

const SERVICE = 'github.actions.results.api.v1.ArtifactService';
const ACCOUNT = 'devstoreaccount1';
const CONTAINER = 'actions-results';
const STORAGE_VERSION = '2025-01-05';
const SAS_LIFETIME_MS = 60 * 60 * 1000;

export interface FakeArtifact {
  /** `database_id` in the protocol; the `id` the client returns. */
  id: number;
  name: string;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  /** Bytes of the zip as uploaded. */
  size: number;
  zip: Buffer;
  /** `sha256:<hex>` as sent in `FinalizeArtifact` (null when the client sent none). */
  digest: string | null;
  /** As committed to blob storage (`x-ms-blob-content-type`). */
  contentType: string;
  /** The `mime_type` of `CreateArtifact`. */
  mimeType: string | null;
  /** The `version` of `CreateArtifact`. */
  version: number;
  createdAt: Date;
  /** From `expires_at`; null when the client asked for the repository's default retention. */
  expiresAt: Date | null;
}

export type TwirpMethod =
  | 'CreateArtifact'
  | 'FinalizeArtifact'
  | 'ListArtifacts'
  | 'GetSignedArtifactURL'
  | 'DeleteArtifact';
export type BlobOperation = 'stage-block' | 'commit-block-list' | 'put-blob' | 'get-blob';

export interface ArtifactFakeRequest {
  /** Arrival order, from 0. */
  index: number;
  method: string;
  /** Path without the query. */
  path: string;
  /** Query parameters, `sig` redacted. */
  query: Record<string, string>;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Set for results-service calls. */
  rpc: TwirpMethod | undefined;
  /** Set for blob-storage calls. */
  blob: BlobOperation | undefined;
  /** Parsed JSON body of a Twirp call. */
  body: unknown;
  /** Length of the request body in bytes. */
  bytes: number;
  /** HTTP status sent; undefined while in flight. */
  status: number | undefined;
  /** Why the request was refused, when it was. */
  error: string | undefined;
}

export interface ArtifactFakeOptions {
  /** Defaults to a fresh UUID. */
  workflowRunBackendId?: string;
  /** Defaults to a fresh UUID. */
  workflowJobRunBackendId?: string;
  /** Called as each request's headers arrive, before its body is read (the cold-start bench times to it). */
  onRequest?: (method: string, path: string) => void;
}

export interface ArtifactFake {
  /** `http://127.0.0.1:<port>/`: the value of `ACTIONS_RESULTS_URL`. */
  url: string;
  /** A JWT-shaped `ACTIONS_RUNTIME_TOKEN` for the default run and job. */
  runtimeToken: string;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  /** `{ ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN }` for the default job. */
  env: { ACTIONS_RESULTS_URL: string; ACTIONS_RUNTIME_TOKEN: string };
  /** Finalized artifacts that have not been deleted, every run, in creation order. */
  artifacts: FakeArtifact[];
  /** Artifacts removed by `DeleteArtifact`. */
  deleted: FakeArtifact[];
  /** Every request received, in order, refused ones included. */
  requests: ArtifactFakeRequest[];
  /** Protocol violations, as messages; assert empty. */
  problems: string[];
  /**
   * A runtime token for another job of a run: another job of the same run (the default run, a fresh
   * job id), a re-run of a job (pass its `job` id), or another run altogether (`run`).
   */
  tokenFor(ids?: { run?: string; job?: string }): string;
  /** The live artifact called `name` in a run (the default run unless given). */
  find(name: string, run?: string): FakeArtifact | undefined;
  /** The files of that artifact's zip, path → bytes (directories omitted). Throws when there is none. */
  files(name: string, run?: string): Map<string, Buffer>;
  close(): Promise<void>;
}

class TwirpError extends Error {
  readonly code: string;
  readonly status: number;
  /** Whether the request broke the protocol (listed in `problems`) rather than asking for something absent. */
  readonly problem: boolean;
  constructor(code: keyof typeof TWIRP_STATUS, message: string, problem = true) {
    super(message);
    this.code = code;
    this.status = TWIRP_STATUS[code];
    this.problem = problem;
  }
}

const TWIRP_STATUS = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  failed_precondition: 412,
} as const;

class BlobError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

interface TokenClaims {
  run: string;
  job: string;
}

interface PendingUpload {
  key: string;
  name: string;
  run: string;
  job: string;
  version: number;
  mimeType: string | null;
  expiresAt: Date | null;
  uploadSig: string;
  sasExpiry: Date;
  blocks: Map<string, Buffer>;
  committed: { bytes: Buffer; contentType: string } | null;
}

interface Blob {
  bytes: Buffer;
  contentType: string;
  readSigs: Map<string, Date>;
}

/** Characters the service refuses in artifact names (the client's list, which mirrors the server's). */
const INVALID_NAME_CHARACTERS = ['"', ':', '<', '>', '|', '*', '?', '\r', '\n', '\\', '/'];

type FieldType = 'string' | 'int32' | 'int64' | 'StringValue' | 'Int64Value' | 'Timestamp';

const REQUEST_FIELDS: Record<TwirpMethod, Record<string, FieldType>> = {
  CreateArtifact: {
    workflow_run_backend_id: 'string',
    workflow_job_run_backend_id: 'string',
    name: 'string',
    expires_at: 'Timestamp',
    version: 'int32',
    mime_type: 'StringValue',
  },
  FinalizeArtifact: {
    workflow_run_backend_id: 'string',
    workflow_job_run_backend_id: 'string',
    name: 'string',
    size: 'int64',
    hash: 'StringValue',
  },
  ListArtifacts: {
    workflow_run_backend_id: 'string',
    workflow_job_run_backend_id: 'string',
    name_filter: 'StringValue',
    id_filter: 'Int64Value',
  },
  GetSignedArtifactURL: { workflow_run_backend_id: 'string', workflow_job_run_backend_id: 'string', name: 'string' },
  DeleteArtifact: { workflow_run_backend_id: 'string', workflow_job_run_backend_id: 'string', name: 'string' },
};

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|\.\d{3,9}Z|[+-]\d{2}:\d{2})$/;

export async function startArtifactFake(options: ArtifactFakeOptions = {}): Promise<ArtifactFake> {
  const requests: ArtifactFakeRequest[] = [];
  const problems: string[] = [];
  const artifacts: FakeArtifact[] = [];
  const deleted: FakeArtifact[] = [];
  const tokens = new Map<string, TokenClaims>();
  const pending = new Map<string, PendingUpload>();
  const blobs = new Map<string, Blob>();
  /** Which blob holds each finalized artifact's zip. */
  const blobKeys = new WeakMap<FakeArtifact, string>();
  const sockets = new Set<Socket>();
  let nextId = 1001;
  let origin = '';

  const defaultRun = options.workflowRunBackendId ?? randomUUID();
  const defaultJob = options.workflowJobRunBackendId ?? randomUUID();

  function mintToken(run: string, job: string): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'RS256', x5t: base64url(randomBytes(20)) };
    const payload = {
      nameid: 'dddddddd-dddd-dddd-dddd-dddddddddddd',
      scp: `Actions.ExampleScope Actions.Results:${run}:${job}`,
      IdentityTypeClaim: 'System:ServiceIdentity',
      iss: 'vstoken.actions.githubusercontent.com',
      aud: 'vstoken.actions.githubusercontent.com|vso:fake',
      nbf: now - 60,
      exp: now + 6 * 60 * 60,
    };
    const token =
      [header, payload].map((part) => base64url(Buffer.from(JSON.stringify(part)))).join('.') +
      `.${base64url(randomBytes(32))}`;
    tokens.set(token, { run, job });
    return token;
  }

  const runtimeToken = mintToken(defaultRun, defaultJob);

  const server = createServer((req, res) => {
    options.onRequest?.(req.method ?? '', (req.url ?? '/').split('?')[0] as string);
    void handle(req, res).catch((error: unknown) => {
      problems.push(`artifact fake crashed: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'internal', msg: 'artifact fake crashed' }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const query: Record<string, string> = {};
    for (const [key, value] of url.searchParams) query[key] = key === 'sig' ? '<redacted>' : value;
    const record: ArtifactFakeRequest = {
      index: requests.length,
      method: req.method ?? '',
      path: url.pathname,
      query,
      headers,
      rpc: undefined,
      blob: undefined,
      body: undefined,
      bytes: body.length,
      status: undefined,
      error: undefined,
    };
    requests.push(record);

    if (url.pathname.startsWith('/twirp/')) return handleTwirp(req, res, url, headers, body, record);
    if (url.pathname.startsWith(`/${ACCOUNT}/`)) return handleBlob(req, res, url, headers, body, record);
    record.status = 404;
    record.error = `unknown path ${url.pathname}`;
    problems.push(
      `${req.method} ${url.pathname}: unknown path (the fake serves /twirp/${SERVICE}/* and /${ACCOUNT}/${CONTAINER}/*)`,
    );
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 'bad_route', msg: `no handler for path ${url.pathname}` }));
  }

  // -------------------------------------------------------------------------------------------
  // Results service (Twirp)

  function handleTwirp(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    headers: Record<string, string>,
    raw: Buffer,
    record: ArtifactFakeRequest,
  ): void {
    const send = (status: number, payload: unknown) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    try {
      const prefix = `/twirp/${SERVICE}/`;
      if (!url.pathname.startsWith(prefix)) throw new TwirpError('bad_route', `unknown service in ${url.pathname}`);
      const method = url.pathname.slice(prefix.length);
      if (!(method in REQUEST_FIELDS)) throw new TwirpError('bad_route', `unknown method ${method} of ${SERVICE}`);
      const rpc = method as TwirpMethod;
      record.rpc = rpc;
      if (req.method !== 'POST')
        throw new TwirpError('bad_route', `${req.method} is not allowed: Twirp methods are called with POST`);
      const contentType = (headers['content-type'] ?? '').split(';')[0]?.trim();
      if (contentType !== 'application/json') {
        throw new TwirpError(
          'bad_route',
          `content-type ${JSON.stringify(headers['content-type'] ?? '')}: expected application/json`,
        );
      }
      const claims = authenticate(headers['authorization']);
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new TwirpError('malformed', 'the request body is not valid JSON');
      }
      record.body = body;
      const fields = checkFields(rpc, body);
      send(200, dispatch(rpc, fields, claims));
    } catch (error) {
      if (!(error instanceof TwirpError)) throw error;
      record.error = error.message;
      if (error.problem) problems.push(`${record.rpc ?? url.pathname}: ${error.message}`);
      send(error.status, { code: error.code, msg: error.message });
    }
  }

  function authenticate(header: string | undefined): TokenClaims {
    if (!header)
      throw new TwirpError('unauthenticated', 'no Authorization header: expected "Bearer <ACTIONS_RUNTIME_TOKEN>"');
    const match = /^Bearer (\S+)$/.exec(header);
    if (!match) throw new TwirpError('unauthenticated', 'Authorization header is not "Bearer <token>"');
    const claims = tokens.get(match[1] as string);
    if (!claims) throw new TwirpError('unauthenticated', 'the bearer token is not a runtime token this service issued');
    return claims;
  }

  function checkFields(rpc: TwirpMethod, body: unknown): Record<string, unknown> {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new TwirpError('malformed', 'the body is not a JSON object');
    const spec = REQUEST_FIELDS[rpc];
    const fields = body as Record<string, unknown>;
    for (const [key, value] of Object.entries(fields)) {
      const type = spec[key];
      if (!type)
        throw new TwirpError('malformed', `unknown field ${key} (${rpc}Request has ${Object.keys(spec).join(', ')})`);
      const wrong = typeProblem(type, value);
      if (wrong) throw new TwirpError('malformed', `${key}: ${wrong}`);
    }
    return fields;
  }

  function requireString(fields: Record<string, unknown>, key: string): string {
    const value = fields[key];
    if (typeof value !== 'string' || value === '') throw new TwirpError('invalid_argument', `${key} is required`);
    return value;
  }

  function checkIds(
    fields: Record<string, unknown>,
    claims: TokenClaims,
    sameJob: boolean,
  ): { run: string; job: string } {
    const run = requireString(fields, 'workflow_run_backend_id');
    const job = requireString(fields, 'workflow_job_run_backend_id');
    if (run !== claims.run) {
      throw new TwirpError(
        'permission_denied',
        `workflow_run_backend_id ${run} is not the run the token grants (${claims.run})`,
      );
    }
    if (sameJob && job !== claims.job) {
      throw new TwirpError(
        'permission_denied',
        `workflow_job_run_backend_id ${job} is not the job the token grants (${claims.job})`,
      );
    }
    return { run, job };
  }

  function checkName(name: string): void {
    for (const character of INVALID_NAME_CHARACTERS) {
      if (name.includes(character))
        throw new TwirpError(
          'invalid_argument',
          `artifact name ${JSON.stringify(name)} contains ${JSON.stringify(character)}`,
        );
    }
  }

  function live(run: string, name: string): FakeArtifact | undefined {
    return artifacts.filter((a) => a.workflowRunBackendId === run && a.name === name).sort((a, b) => b.id - a.id)[0];
  }

  function dispatch(rpc: TwirpMethod, fields: Record<string, unknown>, claims: TokenClaims): unknown {
    switch (rpc) {
      case 'CreateArtifact': {
        const { run, job } = checkIds(fields, claims, true);
        const name = requireString(fields, 'name');
        checkName(name);
        const version = fields['version'];
        if (typeof version !== 'number' || version < 4) {
          throw new TwirpError(
            'invalid_argument',
            `version ${String(version)}: this service serves artifact versions 4 and later`,
          );
        }
        let expiresAt: Date | null = null;
        if (fields['expires_at'] !== undefined) {
          expiresAt = new Date(fields['expires_at'] as string);
          if (expiresAt.getTime() <= Date.now())
            throw new TwirpError('invalid_argument', `expires_at ${fields['expires_at']} is in the past`);
        }
        if (live(run, name)) {
          throw new TwirpError('already_exists', 'an artifact with this name already exists on the workflow run');
        }
        // An unfinished upload of the same name by the same job (a crashed attempt) is replaced.
        for (const [key, upload] of pending) if (upload.run === run && upload.name === name) pending.delete(key);
        const key = randomUUID();
        const upload: PendingUpload = {
          key,
          name,
          run,
          job,
          version,
          mimeType: (fields['mime_type'] as string | undefined) ?? null,
          expiresAt,
          uploadSig: base64url(randomBytes(24)),
          sasExpiry: new Date(Date.now() + SAS_LIFETIME_MS),
          blocks: new Map(),
          committed: null,
        };
        pending.set(key, upload);
        return { ok: true, signed_upload_url: blobUrl(key, 'cw', upload.uploadSig, upload.sasExpiry) };
      }
      case 'FinalizeArtifact': {
        const { run, job } = checkIds(fields, claims, true);
        const name = requireString(fields, 'name');
        const upload = [...pending.values()].find((u) => u.run === run && u.job === job && u.name === name);
        if (!upload)
          throw new TwirpError(
            'not_found',
            `no artifact ${JSON.stringify(name)} was created by this job: call CreateArtifact first`,
          );
        if (!upload.committed) {
          throw new TwirpError(
            'failed_precondition',
            `artifact ${JSON.stringify(name)} has no committed blob: upload it to the signed URL first`,
          );
        }
        const size = fields['size'];
        if (size === undefined) throw new TwirpError('invalid_argument', 'size is required');
        if (Number(size) !== upload.committed.bytes.length) {
          throw new TwirpError(
            'invalid_argument',
            `size ${String(size)} does not match the ${upload.committed.bytes.length} bytes uploaded`,
          );
        }
        const hash = fields['hash'] as string | undefined;
        const actual = `sha256:${createHash('sha256').update(upload.committed.bytes).digest('hex')}`;
        if (hash !== undefined && hash !== actual)
          throw new TwirpError('invalid_argument', `hash ${hash} does not match the uploaded bytes (${actual})`);
        pending.delete(upload.key);
        const artifact: FakeArtifact = {
          id: nextId++,
          name,
          workflowRunBackendId: run,
          workflowJobRunBackendId: job,
          size: upload.committed.bytes.length,
          zip: upload.committed.bytes,
          digest: hash ?? null,
          contentType: upload.committed.contentType,
          mimeType: upload.mimeType,
          version: upload.version,
          createdAt: new Date(),
          expiresAt: upload.expiresAt,
        };
        artifacts.push(artifact);
        blobs.set(upload.key, { bytes: artifact.zip, contentType: artifact.contentType, readSigs: new Map() });
        blobKeys.set(artifact, upload.key);
        return { ok: true, artifact_id: String(artifact.id) };
      }
      case 'ListArtifacts': {
        const { run } = checkIds(fields, claims, false);
        const nameFilter = fields['name_filter'] as string | undefined;
        const idFilter = fields['id_filter'] as string | undefined;
        const listed = artifacts
          .filter((a) => a.workflowRunBackendId === run)
          .filter((a) => nameFilter === undefined || a.name === nameFilter)
          .filter((a) => idFilter === undefined || String(a.id) === String(idFilter));
        return {
          artifacts: listed.map((a) => ({
            workflow_run_backend_id: a.workflowRunBackendId,
            workflow_job_run_backend_id: a.workflowJobRunBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: a.createdAt.toISOString(),
            ...(a.digest ? { digest: a.digest } : {}),
          })),
        };
      }
      case 'GetSignedArtifactURL': {
        const { run } = checkIds(fields, claims, false);
        const name = requireString(fields, 'name');
        const artifact = live(run, name);
        if (!artifact) throw new TwirpError('not_found', `artifact ${JSON.stringify(name)} not found`, false);
        const key = blobKeys.get(artifact) as string;
        const sig = base64url(randomBytes(24));
        const expiry = new Date(Date.now() + SAS_LIFETIME_MS);
        blobs.get(key)?.readSigs.set(sig, expiry);
        return { signed_url: blobUrl(key, 'r', sig, expiry) };
      }
      case 'DeleteArtifact': {
        const { run } = checkIds(fields, claims, false);
        const name = requireString(fields, 'name');
        const artifact = live(run, name);
        if (!artifact) throw new TwirpError('not_found', `artifact ${JSON.stringify(name)} not found`, false);
        artifacts.splice(artifacts.indexOf(artifact), 1);
        deleted.push(artifact);
        blobs.delete(blobKeys.get(artifact) as string);
        return { ok: true, artifact_id: String(artifact.id) };
      }
    }
  }

  function blobUrl(key: string, permissions: string, sig: string, expiry: Date): string {
    const params = new URLSearchParams({
      sv: STORAGE_VERSION,
      sr: 'b',
      sp: permissions,
      se: expiry.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      sig,
    });
    return `${origin}/${ACCOUNT}/${CONTAINER}/${key}.zip?${params}`;
  }

  // -------------------------------------------------------------------------------------------
  // Blob storage (Azure Blob Storage REST, block blobs)

  function handleBlob(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    headers: Record<string, string>,
    body: Buffer,
    record: ArtifactFakeRequest,
  ): void {
    const requestId = randomUUID();
    const common = { 'x-ms-request-id': requestId, 'x-ms-version': STORAGE_VERSION, date: new Date().toUTCString() };
    try {
      const match = new RegExp(`^/${ACCOUNT}/${CONTAINER}/([0-9a-f-]{36})\\.zip$`).exec(url.pathname);
      if (!match) throw new BlobError(400, 'InvalidUri', `no such blob path ${url.pathname}`);
      const key = match[1] as string;
      const comp = url.searchParams.get('comp');
      const sig = url.searchParams.get('sig');
      const permissions = url.searchParams.get('sp') ?? '';
      const expiry = Date.parse(url.searchParams.get('se') ?? '');
      if (!sig) throw new BlobError(403, 'AuthenticationFailed', 'the URL carries no signature (sig)');
      if (!(expiry > Date.now())) throw new BlobError(403, 'AuthenticationFailed', 'the signed URL has expired (se)');

      if (req.method === 'GET' || req.method === 'HEAD') {
        record.blob = 'get-blob';
        const blob = blobs.get(key);
        if (!blob) throw new BlobError(404, 'BlobNotFound', 'the specified blob does not exist');
        const sigExpiry = blob.readSigs.get(sig);
        if (!sigExpiry || !permissions.includes('r'))
          throw new BlobError(403, 'AuthenticationFailed', 'the signature does not grant read access');
        record.status = 200;
        res.writeHead(200, {
          ...common,
          'content-type': blob.contentType,
          'content-length': String(blob.bytes.length),
          'x-ms-blob-type': 'BlockBlob',
          etag: etagOf(blob.bytes),
          'last-modified': new Date().toUTCString(),
        });
        res.end(req.method === 'HEAD' ? undefined : blob.bytes);
        return;
      }

      if (req.method !== 'PUT') throw new BlobError(405, 'UnsupportedHttpVerb', `${req.method} is not supported here`);
      const upload = pending.get(key);
      if (!upload)
        throw new BlobError(
          404,
          'BlobNotFound',
          'no upload is pending for this blob (CreateArtifact first, before FinalizeArtifact)',
        );
      if (sig !== upload.uploadSig || !permissions.includes('w'))
        throw new BlobError(403, 'AuthenticationFailed', 'the signature does not grant write access');
      if (!headers['x-ms-version']) throw new BlobError(400, 'MissingRequiredHeader', 'x-ms-version is required');
      const length = headers['content-length'];
      if (length === undefined || Number(length) !== body.length) {
        throw new BlobError(
          400,
          'InvalidHeaderValue',
          `content-length ${length ?? '(none)'} does not match the ${body.length} bytes sent`,
        );
      }

      if (comp === 'block') {
        record.blob = 'stage-block';
        const blockId = url.searchParams.get('blockid');
        if (!blockId || !isBase64(blockId))
          throw new BlobError(400, 'InvalidQueryParameterValue', 'blockid must be a base64 string');
        if (Buffer.from(blockId, 'base64').length > 64)
          throw new BlobError(400, 'InvalidQueryParameterValue', 'blockid is longer than 64 bytes');
        upload.blocks.set(blockId, body);
        record.status = 201;
        res.writeHead(201, { ...common, 'x-ms-request-server-encrypted': 'true', 'content-length': '0' });
        res.end();
        return;
      }
      let committed: Buffer;
      if (comp === 'blocklist') {
        record.blob = 'commit-block-list';
        const xml = body.toString('utf8');
        if (!/<BlockList>[\s\S]*<\/BlockList>/.test(xml))
          throw new BlobError(400, 'InvalidXmlDocument', 'the body is not a <BlockList> document');
        const ids = [...xml.matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map((m) => m[2] as string);
        const parts: Buffer[] = [];
        for (const id of ids) {
          const block = upload.blocks.get(id);
          if (!block) throw new BlobError(400, 'InvalidBlockList', `block ${id} was never staged`);
          parts.push(block);
        }
        committed = commit(upload, Buffer.concat(parts), headers['x-ms-blob-content-type']);
      } else if (comp === null) {
        record.blob = 'put-blob';
        if (headers['x-ms-blob-type'] !== 'BlockBlob')
          throw new BlobError(400, 'MissingRequiredHeader', 'x-ms-blob-type: BlockBlob is required');
        committed = commit(upload, body, headers['x-ms-blob-content-type'] ?? headers['content-type']);
      } else {
        throw new BlobError(400, 'InvalidQueryParameterValue', `comp=${comp} is not supported by the fake`);
      }
      record.status = 201;
      res.writeHead(201, {
        ...common,
        etag: etagOf(committed),
        'last-modified': new Date().toUTCString(),
        'x-ms-request-server-encrypted': 'true',
        'content-length': '0',
      });
      res.end();
    } catch (error) {
      if (!(error instanceof BlobError)) throw error;
      record.status = error.status;
      record.error = error.message;
      problems.push(`${req.method} blob ${url.pathname}${record.blob ? ` (${record.blob})` : ''}: ${error.message}`);
      const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${error.code}</Code><Message>${escapeXml(error.message)}\nRequestId:${requestId}\nTime:${new Date().toISOString()}</Message></Error>`;
      res.writeHead(error.status, { ...common, 'content-type': 'application/xml', 'x-ms-error-code': error.code });
      res.end(xml);
    }
  }

  function commit(upload: PendingUpload, bytes: Buffer, contentType: string | undefined): Buffer {
    upload.committed = { bytes, contentType: contentType ?? 'application/octet-stream' };
    upload.blocks.clear();
    return bytes;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  const url = `${origin}/`;

  const find = (name: string, run = defaultRun) => live(run, name);
  return {
    url,
    runtimeToken,
    workflowRunBackendId: defaultRun,
    workflowJobRunBackendId: defaultJob,
    env: { ACTIONS_RESULTS_URL: url, ACTIONS_RUNTIME_TOKEN: runtimeToken },
    artifacts,
    deleted,
    requests,
    problems,
    tokenFor: (ids = {}) => mintToken(ids.run ?? defaultRun, ids.job ?? randomUUID()),
    find,
    files(name, run) {
      const artifact = find(name, run);
      if (!artifact)
        throw new Error(`the artifact fake holds no artifact ${JSON.stringify(name)} in run ${run ?? defaultRun}`);
      return readZip(artifact.zip);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function typeProblem(type: FieldType, value: unknown): string | null {
  switch (type) {
    case 'string':
    case 'StringValue':
      return typeof value === 'string' ? null : `expected a string, found ${JSON.stringify(value)}`;
    case 'int32':
      return Number.isInteger(value) ? null : `expected an integer, found ${JSON.stringify(value)}`;
    case 'int64':
    case 'Int64Value':
      // protojson writes 64-bit integers as decimal strings (numbers are accepted on input).
      return (typeof value === 'string' && /^-?\d+$/.test(value)) || Number.isInteger(value)
        ? null
        : `expected a 64-bit integer (decimal string), found ${JSON.stringify(value)}`;
    case 'Timestamp':
      return typeof value === 'string' && RFC3339.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : `expected an RFC 3339 timestamp, found ${JSON.stringify(value)}`;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function base64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}

function isBase64(text: string): boolean {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(text) && text.length % 4 === 0;
}

function etagOf(bytes: Buffer): string {
  return `"0x${createHash('md5').update(bytes).digest('hex').slice(0, 15).toUpperCase()}"`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A zip entry's data uncompressed: stored (method 0) or deflated (8); null for any other method. */
function inflateEntry(method: number, data: Buffer): Buffer | null {
  if (method === 0) return Buffer.from(data);
  if (method === 8) return inflateRawSync(data);
  return null;
}

/**
 * The files of a zip archive, path → contents, read from its central directory (stored and deflated
 * entries; directories omitted). Enough for the archives `@actions/artifact` writes (archiver, no zip64).
 */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive: no end-of-central-directory record');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50)
      throw new Error(`corrupt zip: central directory entry ${n} has a bad signature`);
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localOffset = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (zip.readUInt32LE(localOffset) !== 0x04034b50)
      throw new Error(`corrupt zip: local header of ${name} has a bad signature`);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    const contents = inflateEntry(method, data);
    if (!contents) throw new Error(`zip entry ${name} uses compression method ${method}, which the fake does not read`);
    if (contents.length !== size)
      throw new Error(`corrupt zip: ${name} inflates to ${contents.length} bytes, the directory says ${size}`);
    files.set(name.replace(/^\/+/, ''), contents);
  }
  return files;
}
