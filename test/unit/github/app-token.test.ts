import { generateKeyPairSync, verify } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import {
  type AppCredentials,
  AppTokenError,
  appJwt,
  createOctokit,
  mintInstallationToken,
  parseAppPrivateKey,
} from '../../../src/github/index.ts';
import { forbidden, type GitHubFake, type GitHubFakeSeed, startGitHubFake } from '../../support/github-fake.ts';

/** Made per run: no key material in the sources. */
const KEYS = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PEM = KEYS.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const APP_ID = 4711;
const CREDENTIALS: AppCredentials = { appId: APP_ID, privateKey: parseAppPrivateKey(PEM) };
const REPO = { owner: 'octo-org', repo: 'demo' };

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

describe('appJwt', () => {
  test('is RS256 over iat = now - 60s, exp = now + 9 min, iss = the App id, verifiable with the public key', () => {
    const now = new Date('2030-01-02T03:04:05.678Z');
    const jwt = appJwt(CREDENTIALS, now);
    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    expect(decode(header)).toEqual({ alg: 'RS256', typ: 'JWT' });
    const seconds = Math.floor(now.getTime() / 1000);
    expect(decode(payload)).toEqual({ iat: seconds - 60, exp: seconds + 540, iss: APP_ID });
    const signed = Buffer.from(`${header}.${payload}`);
    expect(verify('sha256', signed, KEYS.publicKey, Buffer.from(signature, 'base64url'))).toBe(true);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    expect(verify('sha256', signed, other, Buffer.from(signature, 'base64url'))).toBe(false);
  });
});

describe('parseAppPrivateKey', () => {
  test('reads the PEM GitHub generates (PKCS#1), PKCS#8, and a key pasted on one line with \\n', () => {
    expect(parseAppPrivateKey(`\n${PEM}\n`).key.asymmetricKeyType).toBe('rsa');
    const pkcs8 = KEYS.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(parseAppPrivateKey(pkcs8).key.asymmetricKeyType).toBe('rsa');
    const oneLine = PEM.trim().replace(/\n/g, '\\n');
    expect(parseAppPrivateKey(oneLine).pem).toBe(PEM.trim());
    expect(parseAppPrivateKey(PEM.replace(/\n/g, '\r\n')).pem).toBe(PEM.trim());
  });

  test('refuses what is not an unencrypted RSA private key, saying what was expected and nothing of the value', () => {
    const body = PEM.split('\n')[5]!;
    const cases: [string, RegExp][] = [
      ['12345', /^a PEM private key: the whole \.pem file/],
      [body, /^a PEM private key/],
      [KEYS.publicKey.export({ type: 'spki', format: 'pem' }).toString(), /not a public key or certificate/],
      [
        KEYS.privateKey
          .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'canary-passphrase' })
          .toString(),
        /unencrypted private key/,
      ],
      [PEM.slice(0, 600), /damaged or cut short/],
      [
        generateKeyPairSync('ec', { namedCurve: 'P-256' })
          .privateKey.export({ type: 'pkcs8', format: 'pem' })
          .toString(),
        /an RSA private key \(GitHub Apps sign with RS256; this is an ec key\)/,
      ],
    ];
    for (const [text, expected] of cases) {
      let message = '';
      try {
        parseAppPrivateKey(text);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(expected);
      expect(message).not.toContain(body.slice(0, 16));
    }
  });
});

const fakes: GitHubFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function setup(seed: GitHubFakeSeed = {}, now: () => Date = () => new Date()) {
  const fake = await startGitHubFake({
    issues: [{ number: 5, title: 'Add a flag', author: 'maya' }],
    apps: [{ id: APP_ID, publicKey: KEYS.publicKey, slug: 'ensemble-publisher' }],
    ...seed,
  });
  fakes.push(fake);
  const client = (token: string) => createOctokit({ token, baseUrl: fake.url, secondMs: 1 });
  const seen: string[] = [];
  const mint = (credentials = CREDENTIALS) =>
    mintInstallationToken({ credentials, repo: REPO, client, now, onToken: (token) => seen.push(token) });
  return { fake, client, mint, seen };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

describe('mintInstallationToken', () => {
  test('makes a token for this repository alone with what publish needs; it writes as the App; revoke ends it', async () => {
    const { fake, client, mint, seen } = await setup();
    const installation = await mint();
    expect(seen).toEqual([installation.token]);
    expect(installation.permissions).toEqual({
      contents: 'write',
      pull_requests: 'write',
      issues: 'write',
      metadata: 'read',
    });
    expect(fake.calls('apps/create-installation-access-token')[0]!.body).toEqual({
      repositories: ['demo'],
      permissions: { contents: 'write', pull_requests: 'write', issues: 'write', metadata: 'read' },
    });
    expect(fake.requests.map((r) => r.auth)).toEqual(['app', 'app']);

    await client(installation.token).rest.issues.createComment({ ...REPO, issue_number: 5, body: 'hello' });
    expect(fake.state.comments[0]!.author).toBe('ensemble-publisher[bot]');

    await installation.revoke();
    await installation.revoke();
    expect(fake.calls('apps/revoke-installation-access-token').map((r) => [r.status, r.token])).toEqual([
      [204, installation.token],
    ]);
    expect(fake.state.installationTokens.map((t) => t.revoked)).toEqual([true]);
    expect(fake.problems).toEqual([]);
  });

  test('an App not installed on the repository: says so and how to install it', async () => {
    const { mint } = await setup({ apps: [{ id: APP_ID, publicKey: KEYS.publicKey, installed: false }] });
    const error = await failure(mint());
    expect(error).toBeInstanceOf(AppTokenError);
    expect(error.message).toMatch(
      /^the GitHub App 4711 is not installed on octo-org\/demo: install it on the repository/,
    );
  });

  test('a key of another App (401): names app-id and app-private-key, and the clock', async () => {
    const { mint } = await setup();
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs1',
      format: 'pem',
    });
    const error = await failure(mint({ appId: APP_ID, privateKey: parseAppPrivateKey(other.toString()) }));
    expect(error).toBeInstanceOf(AppTokenError);
    expect(error.message).toBe(
      "could not find the installation of the GitHub App 4711 on octo-org/demo: GitHub rejected the App's " +
        "credentials (401 A JSON web token could not be decoded). Check that app-id (4711) is the App's ID " +
        '(its settings page, General → About → App ID) and that app-private-key is a private key of that same ' +
        'App (General → Private keys), not revoked; a runner clock more than a minute off also causes this',
    );
  });

  test('the JWT is made with the clock it is given: one 20 minutes slow is refused by GitHub', async () => {
    const { fake, mint } = await setup({}, () => new Date(Date.now() - 20 * 60_000));
    const error = await failure(mint());
    expect(error.message).toContain("(401 'Expiration time' claim ('exp') must be a numeric value");
    expect(fake.problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(/^exp \d+ is not an integer time in the future/),
    ]);
  });

  test('an installation without the permissions (422) or refusing (403): names the permissions to grant', async () => {
    const limited = await setup({
      apps: [{ id: APP_ID, publicKey: KEYS.publicKey, permissions: { contents: 'write', issues: 'write' } }],
    });
    const error = await failure(limited.mint());
    expect(error).toBeInstanceOf(AppTokenError);
    expect(error.message).toContain(
      'GitHub refused (422 The permissions requested are not granted to this installation.). The App must be ' +
        'granted "Contents", "Pull requests" and "Issues" set to "Read and write"',
    );
    expect(limited.fake.state.installationTokens).toEqual([]);

    const suspended = await setup();
    suspended.fake.fail('apps/create-installation-access-token', forbidden('This installation has been suspended'));
    const refused = await failure(suspended.mint());
    expect(refused.message).toContain('GitHub refused (403 This installation has been suspended)');
    expect(refused.message).toContain('"Pull requests"');
  });
});
