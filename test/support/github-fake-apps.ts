/**
 * GitHub Apps in the GitHub fake: registered Apps (an id and a public key), their installation on
 * the fake's repository, the JWT an App authenticates with, and the installation tokens it makes.
 *
 * - The two App endpoints (`apps/get-repo-installation`, `apps/create-installation-access-token`)
 *   take only a JWT: RS256, signed with the key of the App its `iss` names, issued no later than
 *   the fake's clock and expiring within the next 10 minutes, as GitHub checks it.
 * - An installation token authenticates every other request as the App's bot (`<slug>[bot]`),
 *   with the permissions it was made with: a request it lacks the permission for is answered
 *   403 and is a problem (the client asked for too little). A revoked or expired token is 401.
 * - `DELETE /installation/token` revokes the token it is sent with.
 *
 * What a correct client meets with a wrong configuration (a key of another App, an App not
 * installed, permissions the installation lacks) is answered as GitHub answers it and is not a
 * problem; what only a wrong client sends (a malformed or expired JWT, a revoked token) is.
 */
import { createPublicKey, type KeyObject, randomBytes, verify } from 'node:crypto';
import type { Call, Reply } from './github-fake-handlers.ts';
import { accountOf, type FakeState, repoShape, timestamp, userShape } from './github-fake-model.ts';

export type PermissionLevel = 'read' | 'write';

export interface FakeAppSeed {
  id: number;
  /** The App's public key (PEM or a key object): its JWTs must verify with it. */
  publicKey: KeyObject | string;
  /** `app-<id>` by default; the bot is `<slug>[bot]`. */
  slug?: string;
  /** Installed on the fake's repository; true by default. */
  installed?: boolean;
  /** What the installation was granted; by default contents, pull_requests and issues write, metadata read. */
  permissions?: Record<string, PermissionLevel>;
}

export interface FakeApp {
  id: number;
  slug: string;
  publicKey: KeyObject;
  installationId: number;
  installed: boolean;
  permissions: Record<string, PermissionLevel>;
  createdAt: string;
}

export interface FakeInstallationToken {
  token: string;
  appId: number;
  installationId: number;
  permissions: Record<string, PermissionLevel>;
  /** Repository names the token is restricted to; null: every repository of the installation. */
  repositories: string[] | null;
  expiresAt: Date;
  revoked: boolean;
}

/** Who a request authenticated as. */
export type FakeAuth =
  | { kind: 'token' }
  | { kind: 'app'; app: FakeApp }
  | { kind: 'installation'; app: FakeApp; installation: FakeInstallationToken };

export const botOf = (app: FakeApp) => `${app.slug}[bot]`;

const DEFAULT_PERMISSIONS: Record<string, PermissionLevel> = {
  contents: 'write',
  pull_requests: 'write',
  issues: 'write',
  metadata: 'read',
};

export function registerApps(state: FakeState, seeds: readonly FakeAppSeed[]): void {
  for (const seed of seeds) {
    const app: FakeApp = {
      id: seed.id,
      slug: seed.slug ?? `app-${seed.id}`,
      publicKey: typeof seed.publicKey === 'string' ? createPublicKey(seed.publicKey) : seed.publicKey,
      installationId: state.nextId(),
      installed: seed.installed ?? true,
      permissions: { ...(seed.permissions ?? DEFAULT_PERMISSIONS), metadata: 'read' },
      createdAt: timestamp(state.now()),
    };
    state.apps.set(app.id, app);
    accountOf(state, botOf(app));
  }
}

/** The operations that take the App's JWT and nothing else. */
const JWT_OPERATIONS = new Set(['apps/get-repo-installation', 'apps/create-installation-access-token']);

export type Authenticated =
  | { ok: true; auth: FakeAuth; viewer: string }
  | { ok: false; status: number; message: string; reason: string; problem: boolean };

const looksLikeJwt = (token: string) => /^eyJ[\w-]*\.eyJ[\w-]*\.[\w-]+$/.test(token);

/** Who `token` authenticates `operation` as, or how GitHub refuses it. */
export function authenticate(state: FakeState, operation: string, token: string): Authenticated {
  const refuse = (status: number, message: string, reason: string, problem: boolean): Authenticated => ({
    ok: false,
    status,
    message,
    reason,
    problem,
  });
  if (JWT_OPERATIONS.has(operation)) {
    if (!looksLikeJwt(token)) {
      return refuse(
        401,
        'A JSON web token could not be decoded',
        `${operation} takes the App's JWT, not a token`,
        true,
      );
    }
    const verified = verifyJwt(state, token);
    if (!verified.ok) return refuse(401, verified.message, verified.reason, verified.problem);
    return { ok: true, auth: { kind: 'app', app: verified.app }, viewer: botOf(verified.app) };
  }
  const installation = state.installationTokens.find((t) => t.token === token);
  if (installation) {
    if (installation.revoked)
      return refuse(401, 'Bad credentials', 'the installation token was revoked before this request', true);
    if (installation.expiresAt.getTime() <= state.now().getTime())
      return refuse(401, 'Bad credentials', 'the installation token expired', false);
    const app = state.apps.get(installation.appId)!;
    return { ok: true, auth: { kind: 'installation', app, installation }, viewer: botOf(app) };
  }
  if (operation === 'apps/revoke-installation-access-token') {
    return refuse(401, 'Bad credentials', 'revoking takes the installation token it revokes', true);
  }
  if (looksLikeJwt(token) && state.apps.size > 0) {
    return refuse(
      401,
      'A JSON web token could not be decoded',
      `a JWT authenticates as the App on the /app endpoints only; ${operation} needs an installation token`,
      true,
    );
  }
  if (state.token !== null && token !== state.token) {
    return refuse(401, 'Bad credentials', 'the token is not the one the fake was started with', true);
  }
  return { ok: true, auth: { kind: 'token' }, viewer: state.viewer };
}

type Verified = { ok: true; app: FakeApp } | { ok: false; message: string; reason: string; problem: boolean };

const NOT_DECODED = 'A JSON web token could not be decoded';

function verifyJwt(state: FakeState, jwt: string): Verified {
  const [headerPart, payloadPart, signaturePart] = jwt.split('.') as [string, string, string];
  let header: Record<string, unknown>;
  let payload: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8'));
    payload = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'));
  } catch {
    return {
      ok: false,
      message: NOT_DECODED,
      reason: 'the JWT header or payload is not base64url JSON',
      problem: true,
    };
  }
  if (header['alg'] !== 'RS256') {
    return {
      ok: false,
      message: NOT_DECODED,
      reason: `the JWT is signed with ${header['alg']}, not RS256`,
      problem: true,
    };
  }
  const iss = payload['iss'];
  const app = typeof iss === 'number' || typeof iss === 'string' ? state.apps.get(Number(iss)) : undefined;
  if (!app) {
    return { ok: false, message: NOT_DECODED, reason: `no App ${JSON.stringify(iss)} is registered`, problem: false };
  }
  const signed = Buffer.from(`${headerPart}.${payloadPart}`);
  if (!verify('sha256', signed, app.publicKey, Buffer.from(signaturePart, 'base64url'))) {
    return {
      ok: false,
      message: NOT_DECODED,
      reason: `the JWT's signature does not verify with the public key of App ${app.id}`,
      problem: false,
    };
  }
  const now = Math.floor(state.now().getTime() / 1000);
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || !Number.isInteger(iat) || iat > now) {
    return {
      ok: false,
      message: "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
      reason: `iat ${JSON.stringify(iat)} is not an integer time in the past (now ${now})`,
      problem: true,
    };
  }
  if (typeof exp !== 'number' || !Number.isInteger(exp) || exp <= now) {
    return {
      ok: false,
      message:
        "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
      reason: `exp ${JSON.stringify(exp)} is not an integer time in the future (now ${now})`,
      problem: true,
    };
  }
  if (exp - now > 600) {
    return {
      ok: false,
      message: "'Expiration time' claim ('exp') is too far in the future",
      reason: `exp is ${exp - now}s from now; GitHub accepts at most 600`,
      problem: true,
    };
  }
  return { ok: true, app };
}

const RANK: Record<PermissionLevel, number> = { read: 1, write: 2 };
const rank = (level: PermissionLevel | undefined) => (level ? RANK[level] : 0);

/**
 * The permission an installation token needs for an operation (any of `names`, at `level`), as
 * GitHub's "Permissions required for GitHub Apps" lists them for the operations of the fixture;
 * null when none is needed beyond the installation's access to the repository.
 */
function requiredPermission(
  state: FakeState,
  operation: string,
  method: string,
  params: Record<string, string | number>,
): { names: string[]; level: PermissionLevel } | null {
  const level: PermissionLevel = method === 'GET' ? 'read' : 'write';
  const [group] = operation.split('/');
  switch (group) {
    case 'apps':
    case 'users':
      return null;
    case 'git':
      return { names: ['contents'], level };
    case 'pulls':
      return { names: ['pull_requests'], level };
    case 'issues': {
      const pull = state.issues.get(Number(params['issue_number']))?.pull === true;
      return { names: pull ? ['issues', 'pull_requests'] : ['issues'], level };
    }
    case 'actions':
      return { names: ['actions'], level };
    case 'checks':
      return { names: ['checks'], level };
    default:
      if (operation.startsWith('repos/list-deployment')) return { names: ['deployments'], level };
      return operation === 'repos/get-branch' ? { names: ['contents'], level: 'read' } : { names: ['metadata'], level };
  }
}

/** Why an installation token may not make this request, or null when it may. */
export function deniedByPermissions(
  state: FakeState,
  auth: FakeAuth,
  operation: string,
  method: string,
  params: Record<string, string | number>,
): string | null {
  if (auth.kind !== 'installation') return null;
  const { installation } = auth;
  if (
    'repo' in params &&
    installation.repositories !== null &&
    !installation.repositories.some((name) => name.toLowerCase() === String(params['repo']).toLowerCase())
  ) {
    return `the installation token is restricted to ${installation.repositories.join(', ')}`;
  }
  const needed = requiredPermission(state, operation, method, params);
  if (!needed) return null;
  if (needed.names.some((name) => rank(installation.permissions[name]) >= rank(needed.level))) return null;
  const has = Object.entries(installation.permissions).map(([name, level]) => `${name}: ${level}`);
  return (
    `${operation} needs ${needed.names.map((name) => `${name}: ${needed.level}`).join(' or ')}; ` +
    `the installation token has ${has.join(', ')}`
  );
}

/** `installation`. */
function installationShape(s: FakeState, app: FakeApp) {
  const owner = accountOf(s, s.owner);
  return {
    id: app.installationId,
    account: userShape(s, s.owner),
    repository_selection: 'selected',
    access_tokens_url: `${s.apiUrl}/app/installations/${app.installationId}/access_tokens`,
    repositories_url: `${s.apiUrl}/installation/repositories`,
    html_url: `${s.htmlUrl}/organizations/${s.owner}/settings/installations/${app.installationId}`,
    app_id: app.id,
    client_id: `Iv23li${String(app.id).padStart(14, '0')}`,
    target_id: owner.id,
    target_type: owner.type,
    permissions: app.permissions,
    events: [],
    created_at: app.createdAt,
    updated_at: app.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    app_slug: app.slug,
    suspended_by: null,
    suspended_at: null,
    contact_email: null,
  };
}

class AppRefusal extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** The app of a JWT-authenticated call, installed on the fake's repository. */
function installedApp(call: Call): FakeApp {
  if (call.auth.kind !== 'app') throw new Error('the fake routed a non-JWT request to an App handler');
  const { app } = call.auth;
  if (!app.installed) throw new AppRefusal(404, 'Not Found');
  return app;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `ghs_` and 36 random characters, as GitHub's installation tokens are. */
function newInstallationToken(): string {
  return `ghs_${[...randomBytes(36)].map((byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('')}`;
}

/** An installation token as the access-token endpoint makes it, for `permissions` (every repository). */
function makeInstallationToken(
  state: FakeState,
  app: FakeApp,
  permissions: Record<string, PermissionLevel>,
  repositories: string[] | null,
): FakeInstallationToken {
  const issued: FakeInstallationToken = {
    token: newInstallationToken(),
    appId: app.id,
    installationId: app.installationId,
    permissions: { ...permissions, metadata: 'read' },
    repositories,
    expiresAt: new Date(state.now().getTime() + 3600_000),
    revoked: false,
  };
  state.installationTokens.push(issued);
  return issued;
}

/**
 * A test's shortcut to an installation token with `permissions`, of App `appId` (the first
 * registered by default); the permissions need not be the installation's, as a test may want any.
 */
export function issueInstallationToken(
  state: FakeState,
  permissions: Record<string, PermissionLevel>,
  appId?: number,
): string {
  const app = appId === undefined ? [...state.apps.values()][0] : state.apps.get(appId);
  if (!app) throw new Error(`no App ${appId ?? ''} is registered: seed one in the fake's apps`);
  return makeInstallationToken(state, app, permissions, null).token;
}

type AppHandler = (call: Call) => Reply;

function refusing(handler: AppHandler): AppHandler {
  return (call) => {
    try {
      return handler(call);
    } catch (error) {
      if (!(error instanceof AppRefusal)) throw error;
      return {
        status: error.status,
        body: {
          message: error.message,
          documentation_url: 'https://docs.github.com/rest/apps/apps',
          status: String(error.status),
        },
      };
    }
  };
}

export const APP_HANDLERS: Record<string, AppHandler> = {
  'apps/get-repo-installation': refusing((call) => ({
    status: 200,
    body: installationShape(call.state, installedApp(call)),
  })),

  'apps/create-installation-access-token': refusing((call) => {
    const { state } = call;
    const app = installedApp(call);
    if (Number(call.params['installation_id']) !== app.installationId) throw new AppRefusal(404, 'Not Found');
    const body = (call.body ?? {}) as {
      repositories?: string[];
      repository_ids?: number[];
      permissions?: Record<string, PermissionLevel>;
    };
    const names = body.repositories ?? [];
    const ids = body.repository_ids ?? [];
    if (names.some((n) => n.toLowerCase() !== state.repo.toLowerCase()) || ids.some((id) => id !== state.repoId)) {
      throw new AppRefusal(
        422,
        'There is at least one repository that does not exist or is not accessible to the parent installation.',
      );
    }
    const requested = body.permissions ?? app.permissions;
    if (Object.entries(requested).some(([name, level]) => rank(app.permissions[name]) < rank(level))) {
      throw new AppRefusal(422, 'The permissions requested are not granted to this installation.');
    }
    const restricted = names.length > 0 || ids.length > 0;
    const issued = makeInstallationToken(state, app, requested, restricted ? [state.repo] : null);
    return {
      status: 201,
      body: {
        token: issued.token,
        expires_at: timestamp(issued.expiresAt),
        permissions: issued.permissions,
        repository_selection: restricted ? 'selected' : 'all',
        ...(restricted ? { repositories: [repoShape(state, false)] } : {}),
      },
    };
  }),

  'apps/revoke-installation-access-token': (call) => {
    if (call.auth.kind !== 'installation') throw new Error('the fake routed a revoke without an installation token');
    call.auth.installation.revoked = true;
    return { status: 204 };
  },
};
