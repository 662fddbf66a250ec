import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  checkoutCredentials,
  envCredentials,
  headerCredentials,
  urlCredentials,
} from '../../../src/workspace/credentials.ts';
import { cleanupTemps, git, isolateGit, tempDir } from '../../support/git-fixture.ts';

beforeAll(isolateGit);
afterEach(cleanupTemps);

function repo(): string {
  const dir = tempDir();
  git(dir, ['init', '-q', '-b', 'main']);
  writeFileSync(path.join(dir, 'README.md'), 'hello\n');
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'base']);
  return dir;
}

describe('checkoutCredentials', () => {
  test('finds what git would send and what untracked .env files hold, and nothing else', async () => {
    const dir = repo();
    const token = `ghs_${'x'.repeat(36)}`;
    git(dir, ['remote', 'add', 'origin', 'https://github.com/acme/app.git']);
    git(dir, ['remote', 'add', 'upstream', 'https://me:p%40ssw0rd-long@example.com/app.git']);
    git(dir, ['remote', 'add', 'fork', `https://${token}@github.com/me/app.git`]);
    const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
    git(dir, ['config', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${basic}`]);
    git(dir, ['config', 'user.signingkey', '/home/me/.ssh/id_ed25519.pub']);
    git(dir, ['config', 'hub.oauthtoken', 'hub-oauth-0123456789']);
    writeFileSync(path.join(dir, '.env'), 'export NPM_TOKEN="npm_abcdefgh12345678"\nNODE_ENV=production-like\n');
    // Committed on purpose: its values are the repository's, not secrets of this checkout.
    writeFileSync(path.join(dir, '.env.shared'), 'SHARED_SECRET=committed-value-123\n');
    writeFileSync(path.join(dir, '.env.example'), 'API_KEY=put-your-key-here\n');
    git(dir, ['add', '.env.shared']);
    git(dir, ['commit', '-q', '-m', 'shared env']);

    const found = await checkoutCredentials(dir);
    const values = found.map((c) => c.value);
    expect(values).toEqual(
      expect.arrayContaining(['p@ssw0rd-long', 'p%40ssw0rd-long', token, basic, 'hub-oauth-0123456789']),
    );
    expect(values).toContain('npm_abcdefgh12345678');
    for (const absent of [
      'production-like',
      'committed-value-123',
      'put-your-key-here',
      '/home/me/.ssh/id_ed25519.pub',
    ])
      expect(values).not.toContain(absent);
    // Each value once, named by where it was found, never by itself.
    expect(new Set(values).size).toBe(values.length);
    expect(found.find((c) => c.value === 'npm_abcdefgh12345678')?.name).toBe('.env NPM_TOKEN');
    for (const c of found) expect(c.name).not.toContain(c.value);
  });

  test('a checkout without remotes or .env files holds none', async () => {
    expect(await checkoutCredentials(repo())).toEqual([]);
  });
});

describe('the readers', () => {
  test('URLs: a password, or a user name alone over HTTP (how a token is given); never a plain user', () => {
    expect(urlCredentials('remote.a.url', 'https://user:secret-pass@host/r.git').map((c) => c.value)).toEqual([
      'secret-pass',
    ]);
    expect(urlCredentials('remote.a.url', 'https://tok_0123456789abcdef@host/r.git')[0]?.value).toBe(
      'tok_0123456789abcdef',
    );
    expect(urlCredentials('remote.a.url', 'ssh://git@host/r.git')).toEqual([]);
    expect(urlCredentials('remote.a.url', 'git@github.com:acme/app.git')).toEqual([]);
  });

  test('headers: the credential after its scheme, and a basic one decoded', () => {
    const basic = Buffer.from('x-access-token:abcdefgh12345678').toString('base64');
    expect(headerCredentials('http.extraheader', `AUTHORIZATION: basic ${basic}`).map((c) => c.value)).toEqual([
      basic,
      'x-access-token:abcdefgh12345678',
      'abcdefgh12345678',
    ]);
    expect(headerCredentials('http.extraheader', 'Authorization: Bearer bearer-token-123')[0]?.value).toBe(
      'bearer-token-123',
    );
  });

  test('.env lines: credential names only, quotes and trailing comments removed', () => {
    const text = "API_KEY='k-123456789' # mine\nexport DB_PASSWORD=hunter2hunter2\nPORT=8080\n# TOKEN=commented\n";
    expect(envCredentials('.env', text)).toEqual([
      { name: '.env API_KEY', value: 'k-123456789' },
      { name: '.env DB_PASSWORD', value: 'hunter2hunter2' },
    ]);
  });
});
