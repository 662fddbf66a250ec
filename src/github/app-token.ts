/**
 * A GitHub App installation token, made by the step that uses it.
 *
 * Why here and not in a separate step: a pull request opened with the workflow's GITHUB_TOKEN
 * starts no workflow, so the repository's CI never runs on it. An App's installation token does,
 * but it cannot be made in the caller and handed to a reusable workflow's job (job outputs that
 * hold a secret are dropped), `actions/create-github-app-token` revokes its token when its own job
 * ends, and installation tokens last an hour. So the publisher signs the App's JWT itself, asks
 * GitHub for a token restricted to this repository and to what publishing needs, and revokes it
 * when it is done, whether publishing succeeded or not.
 */
import type { KeyObject } from 'node:crypto';
import { UserError } from '../util/errors.ts';
import { explainGitHubError, statusOf } from './errors.ts';
import type { GitHubClient } from './octokit.ts';

/** `node:crypto`, loaded when a key is read: every action's input check loads this module, most without a key. */
const crypto = () => process.getBuiltinModule('node:crypto');

/** An App's credentials, as the publish action's `app-id` and `app-private-key` inputs give them. */
export interface AppCredentials {
  /** The App's numeric ID (its settings page, General → About → App ID). */
  appId: number;
  privateKey: AppPrivateKey;
}

export interface AppPrivateKey {
  key: KeyObject;
  /** The key as PEM text (normalised), so the policy can look for it in every text and patch. */
  pem: string;
}

/**
 * What the publisher writes with: commits, refs and the branch (contents), the pull request and its
 * review (pull requests), labels and the tracking comment (issues). Metadata is granted to every
 * installation; it is named so that the token surely has it (the publisher reads the repository).
 */
export const PUBLISH_APP_PERMISSIONS = {
  contents: 'write',
  pull_requests: 'write',
  issues: 'write',
  metadata: 'read',
} as const;

/** How the App settings page names the permissions publishing needs, for error messages and docs. */
export const PUBLISH_APP_PERMISSIONS_TEXT = '"Contents", "Pull requests" and "Issues" set to "Read and write"';

export class AppTokenError extends UserError {
  override name = 'AppTokenError';
}

/**
 * Reads an App's private key: the `.pem` file GitHub generated for it, as a secret holds it. A key
 * pasted on one line with literal `\n` (some secret stores keep it so) is accepted too. Throws an
 * error whose message says what was expected, never any part of the value.
 */
export function parseAppPrivateKey(text: string): AppPrivateKey {
  let pem = text.trim().replace(/\r\n/g, '\n');
  if (!pem.includes('\n') && pem.includes('\\n')) pem = pem.replace(/\\n/g, '\n');
  const whole =
    'the whole .pem file GitHub generated for the App (Private keys → Generate), BEGIN and END lines included';
  if (!/^-----BEGIN [A-Z ]+-----\n/.test(pem)) throw new Error(`a PEM private key: ${whole}`);
  if (/^-----BEGIN (?:RSA )?PUBLIC KEY-----/.test(pem) || /^-----BEGIN CERTIFICATE-----/.test(pem)) {
    throw new Error(`the App's private key, not a public key or certificate: ${whole}`);
  }
  if (/^-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(pem) || /Proc-Type: 4,ENCRYPTED/.test(pem)) {
    throw new Error(`an unencrypted private key (this one needs a passphrase): ${whole}`);
  }
  let key: KeyObject;
  try {
    key = crypto().createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new Error(`a PEM private key that can be read (this one is damaged or cut short): ${whole}`);
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(
      `an RSA private key (GitHub Apps sign with RS256; this is an ${key.asymmetricKeyType} key): ${whole}`,
    );
  }
  return { key, pem };
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * The JWT that authenticates as the App: RS256, issued 60 seconds in the past (GitHub's advice, for
 * a runner clock a little ahead of GitHub's) and expiring 9 minutes from now (GitHub refuses more
 * than 10 minutes after `iat`).
 */
export function appJwt(credentials: AppCredentials, now: Date): string {
  const seconds = Math.floor(now.getTime() / 1000);
  const header = base64url({ alg: 'RS256', typ: 'JWT' });
  const payload = base64url({ iat: seconds - 60, exp: seconds + 9 * 60, iss: credentials.appId });
  const signature = crypto().sign('sha256', Buffer.from(`${header}.${payload}`), credentials.privateKey.key);
  return `${header}.${payload}.${signature.toString('base64url')}`;
}

export interface InstallationToken {
  token: string;
  installationId: number;
  expiresAt: string;
  /** The permissions GitHub says the token has. */
  permissions: Record<string, string>;
  /** Revokes the token (`DELETE /installation/token`); throws an explained error when GitHub refuses. */
  revoke(): Promise<void>;
}

export interface MintOptions {
  credentials: AppCredentials;
  repo: { owner: string; repo: string };
  /** An Octokit authenticated with `token`: the App's JWT, then the installation token (to revoke it). */
  client: (token: string) => GitHubClient;
  now: () => Date;
  /** Called with the token as soon as it exists, before anything else can print it (`core.setSecret`). */
  onToken?: (token: string) => void;
}

/**
 * Makes an installation token of the App for `repo` alone, with {@link PUBLISH_APP_PERMISSIONS}:
 * `GET /repos/{owner}/{repo}/installation` with the App's JWT, then
 * `POST /app/installations/{id}/access_tokens`. Errors say which credential or setting to fix.
 */
export async function mintInstallationToken(options: MintOptions): Promise<InstallationToken> {
  const { credentials, repo } = options;
  const where = `${repo.owner}/${repo.repo}`;
  const app = `GitHub App ${credentials.appId}`;
  const jwtClient = options.client(appJwt(credentials, options.now()));

  let installationId: number;
  try {
    const { data } = await jwtClient.rest.apps.getRepoInstallation(repo);
    installationId = data.id;
  } catch (error) {
    if (statusOf(error) === 404) {
      throw new AppTokenError(
        `the ${app} is not installed on ${where}: install it on the repository (the App's page → Install App, ` +
          `or Settings → GitHub Apps → Configure → Repository access), or leave app-id and app-private-key empty`,
        { cause: error },
      );
    }
    throw appError(error, `find the installation of the ${app} on ${where}`, credentials);
  }

  let data: { token: string; expires_at: string; permissions?: Record<string, string | undefined> };
  try {
    ({ data } = await jwtClient.rest.apps.createInstallationAccessToken({
      installation_id: installationId,
      repositories: [repo.repo],
      permissions: PUBLISH_APP_PERMISSIONS,
    }));
  } catch (error) {
    throw appError(error, `make an installation token of the ${app} for ${where}`, credentials);
  }
  const { token } = data;
  options.onToken?.(token);

  let revoked = false;
  return {
    token,
    installationId,
    expiresAt: data.expires_at,
    permissions: Object.fromEntries(
      Object.entries(data.permissions ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
    async revoke() {
      if (revoked) return;
      revoked = true;
      try {
        await options.client(token).rest.apps.revokeInstallationAccessToken();
      } catch (error) {
        throw explainGitHubError(error, { action: `revoke the installation token of the ${app}`, permission: '' });
      }
    },
  };
}

/** A failed App call, explained: 401 names the credentials, 403 and 422 the permissions. */
function appError(error: unknown, action: string, credentials: AppCredentials): Error {
  const status = statusOf(error);
  const explained = explainGitHubError(error, { action, permission: 'the App permissions' });
  const said = `${status} ${explained.githubMessage}`;
  if (status === 401) {
    return new AppTokenError(
      `could not ${action}: GitHub rejected the App's credentials (${said}). Check that app-id (${credentials.appId}) ` +
        "is the App's ID (its settings page, General → About → App ID) and that app-private-key is a private key " +
        'of that same App (General → Private keys), not revoked; a runner clock more than a minute off also causes this',
      { cause: error },
    );
  }
  if ((status === 403 && !/rate limit/i.test(explained.githubMessage)) || status === 422) {
    return new AppTokenError(
      `could not ${action}: GitHub refused (${said}). The App must be granted ${PUBLISH_APP_PERMISSIONS_TEXT} ` +
        '(App settings → Permissions & events → Repository permissions), and the installation must accept the ' +
        'new permissions (Settings → GitHub Apps → Configure) and include this repository',
      { cause: error },
    );
  }
  return explained;
}
