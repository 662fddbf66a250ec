import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Octokit } from '@octokit/rest';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { extract, OPERATIONS } from '../../../scripts/extract-openapi.ts';
import { cleanupTemps, gitText, isolateGit, tempDir, writeFiles } from '../../support/git-fixture.ts';
import {
  type GitHubFake,
  type GitHubFakeSeed,
  rateLimited,
  serverError,
  startGitHubFake,
} from '../../support/github-fake.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

const fakes: GitHubFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const REPO = { owner: 'octo-org', repo: 'demo' };

async function start(seed: GitHubFakeSeed = {}) {
  const fake = await startGitHubFake({
    collaborators: { maya: 'maintain' },
    issues: [{ number: 5, title: 'Add a flag', body: 'Please', author: 'maya' }],
    ...seed,
  });
  fakes.push(fake);
  return fake;
}

/** A plain Octokit, no retries: the fake's answers as they are. */
const client = (fake: GitHubFake) =>
  new Octokit({ auth: 'test-token', baseUrl: fake.url, log: { debug() {}, info() {}, warn() {}, error() {} } });

/** A request body as sent: a string as it is, anything else as JSON; none when undefined. */
function requestBody(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  return typeof body === 'string' ? body : JSON.stringify(body);
}

async function raw(
  fake: GitHubFake,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${fake.url}${path}`, {
    method,
    headers: { authorization: 'token test-token', 'content-type': 'application/json', ...headers },
    body: requestBody(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
}

/** An App's key pair, made per test run: no key material in the sources. */
const APP_KEYS = generateKeyPairSync('rsa', { modulusLength: 2048 });
const APP_ID = 4711;

/** An App JWT signed here, independently of src/, with claims a test can bend. */
function jwt(claims: Record<string, unknown> = {}, key: KeyObject = APP_KEYS.privateKey): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iat: now - 60, exp: now + 540, iss: APP_ID, ...claims })}`;
  return `${signed}.${sign('sha256', Buffer.from(signed), key).toString('base64url')}`;
}

/** A plain Octokit with another credential. */
const clientWith = (fake: GitHubFake, auth: string) =>
  new Octokit({ auth, baseUrl: fake.url, log: { debug() {}, info() {}, warn() {}, error() {} } });

describe('the GitHub fake refuses what GitHub would refuse, and records why', () => {
  test('a body without a required field: 422, nothing written, the operation and the field in problems', async () => {
    const fake = await start();
    const answer = await raw(fake, 'POST', '/repos/octo-org/demo/issues/5/comments', { text: 'hello' });
    expect(answer.status).toBe(422);
    expect(answer.json.message).toContain('body.body: required, missing');
    expect(fake.state.comments).toEqual([]);
    expect(fake.problems).toEqual([
      expect.objectContaining({
        operation: 'issues/create-comment',
        kind: 'request',
        reason: expect.stringContaining('body.body: required, missing'),
      }),
    ]);
    // The misspelt field is reported too: GitHub would ignore it silently.
    expect(fake.problems[0]!.reason).toContain('body.text: not a field of this object');
  });

  test('an unknown path: 404 and a problem naming the request', async () => {
    const fake = await start();
    const answer = await raw(fake, 'GET', '/repos/octo-org/demo/issues/5/reactions');
    expect(answer.status).toBe(404);
    expect(fake.problems).toEqual([
      {
        operation: null,
        method: 'GET',
        path: '/repos/octo-org/demo/issues/5/reactions',
        kind: 'request',
        reason: expect.stringContaining('no operation of the fixture matches'),
      },
    ]);
  });

  test('a known path with a method the fixture lacks', async () => {
    const fake = await start();
    expect((await raw(fake, 'DELETE', '/repos/octo-org/demo/issues/comments/1')).status).toBe(404);
    expect(fake.problems[0]!.reason).toMatch(
      /has no DELETE operation in the fixture; it has PATCH \(issues\/update-comment\)/,
    );
  });

  test('a field of the wrong type, an enum value GitHub does not know, a parameter of the wrong type', async () => {
    const fake = await start();
    const sha = fake.state.refs.get('refs/heads/main')!;
    expect((await raw(fake, 'POST', '/repos/octo-org/demo/git/refs', { ref: 'refs/heads/x', sha: 12 })).status).toBe(
      422,
    );
    expect(
      (
        await raw(fake, 'POST', '/repos/octo-org/demo/git/trees', {
          tree: [{ path: 'a', mode: '644', type: 'blob', content: 'x' }],
        })
      ).status,
    ).toBe(422);
    expect((await raw(fake, 'GET', '/repos/octo-org/demo/issues/five')).status).toBe(422);
    expect((await raw(fake, 'GET', '/repos/octo-org/demo/pulls?state=merged')).status).toBe(422);
    expect((await raw(fake, 'GET', '/repos/octo-org/demo/pulls?status=open')).status).toBe(422);
    expect(fake.problems.map((p) => [p.operation, p.reason])).toEqual([
      ['git/create-ref', 'body.sha: expected a string, found number 12'],
      [
        'git/create-tree',
        expect.stringContaining(
          'body.tree[0].mode: expected one of "100644", "100755", "040000", "160000", "120000", found "644"',
        ),
      ],
      ['issues/get', 'path parameter issue_number: expected an integer, found "five"'],
      [
        'pulls/list',
        expect.stringContaining('query parameter state: expected one of "open", "closed", "all", found "merged"'),
      ],
      ['pulls/list', expect.stringContaining('query parameter status is not a parameter of pulls/list')],
    ]);
    expect(fake.state.refs.has('refs/heads/x')).toBe(false);
    expect(fake.state.refs.get('refs/heads/main')).toBe(sha);
  });

  test('no token, the wrong token, another repository', async () => {
    const fake = await start({ token: 'right' });
    expect((await fetch(`${fake.url}/repos/octo-org/demo`)).status).toBe(401);
    expect((await raw(fake, 'GET', '/repos/octo-org/demo', undefined, { authorization: 'token wrong' })).status).toBe(
      401,
    );
    expect((await raw(fake, 'GET', '/repos/other/demo', undefined, { authorization: 'Bearer right' })).status).toBe(
      404,
    );
    expect((await raw(fake, 'GET', '/repos/octo-org/demo', undefined, { authorization: 'Bearer right' })).status).toBe(
      200,
    );
    expect(fake.problems.map((p) => p.reason)).toEqual([
      'no Authorization header: the request is unauthenticated',
      'the token is not the one the fake was started with',
      'the fake serves octo-org/demo, not other/demo',
    ]);
  });

  test("GitHub's semantic refusals: a ref with refs/, a review comment outside the diff, a malformed tree entry", async () => {
    const fake = await start({ files: { 'a.txt': lines(1, 20) } });
    const octokit = client(fake);
    await expect(octokit.rest.git.getRef({ ...REPO, ref: 'refs/heads/main' })).rejects.toMatchObject({ status: 404 });
    const pull = await openPull(fake, { 'a.txt': lines(1, 20).replace('line 10\n', 'line ten\n') });
    await expect(
      octokit.rest.pulls.createReview({
        ...REPO,
        pull_number: pull,
        event: 'COMMENT',
        body: 'review',
        comments: [{ path: 'a.txt', line: 2, side: 'RIGHT', body: 'far from the change' }],
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      octokit.rest.git.createTree({
        ...REPO,
        tree: [{ path: 'x', mode: '100644', type: 'blob', sha: 'f'.repeat(40), content: 'both' }],
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(fake.problems.map((p) => [p.operation, p.reason])).toEqual([
      ['git/get-ref', expect.stringContaining('without "refs/"')],
      ['pulls/create-review', expect.stringContaining('a.txt:2 RIGHT')],
      ['git/create-tree', expect.stringContaining('use either sha or content, not both')],
    ]);
    expect(fake.state.reviews).toEqual([]);
  });

  test('state conflicts a correct client meets are answered but are not problems', async () => {
    const fake = await start({ actionsCanCreatePullRequests: false });
    const octokit = client(fake);
    await expect(octokit.rest.git.getRef({ ...REPO, ref: 'heads/nope' })).rejects.toMatchObject({ status: 404 });
    await expect(octokit.rest.issues.get({ ...REPO, issue_number: 99 })).rejects.toMatchObject({ status: 404 });
    const sha = fake.state.refs.get('refs/heads/main')!;
    await octokit.rest.git.createRef({ ...REPO, ref: 'refs/heads/ensemble/issue-5', sha });
    await expect(
      octokit.rest.git.createRef({ ...REPO, ref: 'refs/heads/ensemble/issue-5', sha }),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('Reference already exists'),
    });
    await expect(
      octokit.rest.pulls.create({ ...REPO, head: 'ensemble/issue-5', base: 'main', title: 't' }),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('GitHub Actions is not permitted to create or approve pull requests'),
    });
    expect(fake.problems).toEqual([]);
  });
});

describe('faults on demand', () => {
  test('queued per operation, answered in order; afterWrite performs the write first', async () => {
    const fake = await start();
    fake.fail('issues/create-comment', serverError(502, { afterWrite: true }), rateLimited({ status: 429 }));
    const post = () => raw(fake, 'POST', '/repos/octo-org/demo/issues/5/comments', { body: 'hi' });
    expect((await post()).status).toBe(502);
    expect(fake.state.comments.map((c) => c.body)).toEqual(['hi']);
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 5);
    expect(limited.json.message).toMatch(/API rate limit exceeded/);
    expect(fake.state.comments).toHaveLength(1);
    expect((await post()).status).toBe(201);
    expect(fake.state.comments).toHaveLength(2);
    expect(fake.calls('issues/create-comment').map((r) => [r.status, r.faulted])).toEqual([
      [502, true],
      [429, true],
      [201, false],
    ]);
    expect(fake.problems).toEqual([]);
    expect(() => fake.fail('issues/delete-comment', serverError())).toThrow(/no operation issues\/delete-comment/);
  });
});

describe('git data is consistent', () => {
  test('trees on a base tree merge, delete and nest, with the SHAs git computes; commits chain; refs move by fast-forward or force', async () => {
    const fake = await start({
      files: { 'README.md': '# demo\n', 'src/a.ts': 'export const a = 1;\n', 'src/old.ts': 'old\n' },
    });
    const octokit = client(fake);
    const main = (await octokit.rest.git.getRef({ ...REPO, ref: 'heads/main' })).data.object.sha;
    const base = (await octokit.rest.git.getCommit({ ...REPO, commit_sha: main })).data;
    const binary = Buffer.from([0, 255, 1, 254]);
    const blob = await octokit.rest.git.createBlob({ ...REPO, content: binary.toString('base64'), encoding: 'base64' });
    const tree = await octokit.rest.git.createTree({
      ...REPO,
      base_tree: base.tree.sha,
      tree: [
        { path: 'src/a.ts', mode: '100644', type: 'blob', content: 'export const a = 2;\n' },
        { path: 'src/old.ts', mode: '100644', type: 'blob', sha: null },
        { path: 'docs/deep/guide.md', mode: '100644', type: 'blob', content: '# Guide\n' },
        { path: 'bin/data.bin', mode: '100644', type: 'blob', sha: blob.data.sha },
        { path: 'run.sh', mode: '100755', type: 'blob', content: '#!/bin/sh\n' },
      ],
    });
    const listed = await octokit.rest.git.getTree({ ...REPO, tree_sha: tree.data.sha, recursive: '1' });
    expect(listed.data.tree.filter((e) => e.type === 'blob').map((e) => e.path)).toEqual([
      'README.md',
      'bin/data.bin',
      'docs/deep/guide.md',
      'run.sh',
      'src/a.ts',
    ]);

    // The same files committed with the real git give the same tree.
    const dir = tempDir();
    gitText(dir, ['init', '-q']);
    writeFiles(dir, {
      'README.md': '# demo\n',
      'src/a.ts': 'export const a = 2;\n',
      'docs/deep/guide.md': '# Guide\n',
      'bin/data.bin': binary,
      'run.sh': '#!/bin/sh\n',
    });
    gitText(dir, ['add', '-A']);
    gitText(dir, ['update-index', '--chmod=+x', 'run.sh']);
    expect(tree.data.sha).toBe(gitText(dir, ['write-tree']));

    const commit = await octokit.rest.git.createCommit({
      ...REPO,
      message: 'Change a',
      tree: tree.data.sha,
      parents: [main],
    });
    expect(commit.data).toMatchObject({
      tree: { sha: tree.data.sha },
      parents: [{ sha: main }],
      verification: { verified: true },
    });
    await octokit.rest.git.createRef({ ...REPO, ref: 'refs/heads/ensemble/issue-5', sha: commit.data.sha });

    // A commit that does not descend from the branch head is not a fast-forward.
    const sibling = await octokit.rest.git.createCommit({
      ...REPO,
      message: 'Other',
      tree: base.tree.sha,
      parents: [main],
    });
    await expect(
      octokit.rest.git.updateRef({ ...REPO, ref: 'heads/ensemble/issue-5', sha: sibling.data.sha }),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('Update is not a fast forward'),
    });
    const forced = await octokit.rest.git.updateRef({
      ...REPO,
      ref: 'heads/ensemble/issue-5',
      sha: sibling.data.sha,
      force: true,
    });
    expect(forced.data.object.sha).toBe(sibling.data.sha);
    const child = await octokit.rest.git.createCommit({
      ...REPO,
      message: 'Next',
      tree: tree.data.sha,
      parents: [sibling.data.sha],
    });
    await octokit.rest.git.updateRef({ ...REPO, ref: 'heads/ensemble/issue-5', sha: child.data.sha });
    expect(fake.state.refs.get('refs/heads/ensemble/issue-5')).toBe(child.data.sha);
    // Octokit encodes the slashes of a ref; GitHub also takes them raw.
    expect((await raw(fake, 'GET', '/repos/octo-org/demo/git/ref/heads/ensemble/issue-5')).json.object.sha).toBe(
      child.data.sha,
    );
    expect((await raw(fake, 'GET', '/repos/octo-org/demo/branches/ensemble/issue-5')).json.commit.sha).toBe(
      child.data.sha,
    );

    await expect(
      octokit.rest.git.createCommit({ ...REPO, message: 'x', tree: 'a'.repeat(40), parents: [main] }),
    ).rejects.toMatchObject({
      status: 422,
    });
    expect(fake.problems.map((p) => p.reason)).toEqual(['422 Tree SHA does not exist']);
  });
});

describe('GitHub Apps', () => {
  const app = { id: APP_ID, publicKey: APP_KEYS.publicKey, slug: 'ensemble-publisher' };

  async function mint(fake: GitHubFake, permissions: Record<string, 'read' | 'write'> = { issues: 'write' }) {
    const jwtClient = clientWith(fake, jwt());
    const { id } = (await jwtClient.rest.apps.getRepoInstallation(REPO)).data;
    const { data } = await jwtClient.rest.apps.createInstallationAccessToken({
      installation_id: id,
      repositories: ['demo'],
      permissions,
    });
    return data.token;
  }

  test('an installation token authenticates as the App bot until revoked; each request records its credential', async () => {
    const fake = await start({ token: 'test-token', apps: [app] });
    const token = await mint(fake);
    expect(token).toMatch(/^ghs_[A-Za-z0-9]{36}$/);
    expect(fake.state.installationTokens).toMatchObject([
      { token, appId: APP_ID, repositories: ['demo'], permissions: { issues: 'write', metadata: 'read' } },
    ]);
    await clientWith(fake, token).rest.issues.createComment({ ...REPO, issue_number: 5, body: 'bot' });
    await client(fake).rest.issues.createComment({ ...REPO, issue_number: 5, body: 'workflow' });
    expect(fake.state.comments.map((c) => [c.body, c.author])).toEqual([
      ['bot', 'ensemble-publisher[bot]'],
      ['workflow', 'github-actions[bot]'],
    ]);
    expect(fake.requests.map((r) => [r.operation, r.auth])).toEqual([
      ['apps/get-repo-installation', 'app'],
      ['apps/create-installation-access-token', 'app'],
      ['issues/create-comment', 'installation'],
      ['issues/create-comment', 'token'],
    ]);
    expect(fake.calls('issues/create-comment').map((r) => r.token)).toEqual([token, 'test-token']);

    await clientWith(fake, token).rest.apps.revokeInstallationAccessToken();
    expect(fake.state.installationTokens[0]!.revoked).toBe(true);
    await expect(
      clientWith(fake, token).rest.issues.createComment({ ...REPO, issue_number: 5, body: 'after' }),
    ).rejects.toMatchObject({ status: 401, message: expect.stringContaining('Bad credentials') });
    expect(fake.problems.map((p) => p.reason)).toEqual(['the installation token was revoked before this request']);
  });

  test('the token has only the permissions it was made with, and only for the repository it names', async () => {
    const fake = await start({ apps: [app] });
    const token = await mint(fake, { issues: 'write' });
    const files = {
      base_tree: undefined,
      tree: [{ path: 'x', mode: '100644' as const, type: 'blob' as const, content: 'x' }],
    };
    await expect(clientWith(fake, token).rest.git.createTree({ ...REPO, ...files })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
    expect(fake.problems.map((p) => p.reason)).toEqual([
      'git/create-tree needs contents: write; the installation token has issues: write, metadata: read',
    ]);
  });

  test('a JWT is checked as GitHub checks it: signature, issue and expiry times, and where it may be used', async () => {
    // The fake's clock stands still, so that the times are exact.
    const now = 1_900_000_000;
    const fake = await start({ token: 'test-token', apps: [app], now: () => new Date(now * 1000) });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const at = (claims: Record<string, unknown>, key?: KeyObject) =>
      jwt({ iat: now - 60, exp: now + 540, ...claims }, key);
    const attempt = (credential: string) =>
      raw(fake, 'GET', '/repos/octo-org/demo/installation', undefined, { authorization: `Bearer ${credential}` });
    expect((await attempt(at({}))).status).toBe(200);
    const answers = [
      await attempt(at({}, other)),
      await attempt(at({ iss: 999 })),
      await attempt(at({ exp: now - 1 })),
      await attempt(at({ iat: now + 60 })),
      await attempt(at({ exp: now + 660 })),
    ];
    expect(answers.map((a) => [a.status, a.json.message])).toEqual([
      [401, 'A JSON web token could not be decoded'],
      [401, 'A JSON web token could not be decoded'],
      [
        401,
        "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
      ],
      [401, "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued"],
      [401, "'Expiration time' claim ('exp') is too far in the future"],
    ]);
    // A token where a JWT belongs, a JWT where a token belongs.
    expect((await attempt('test-token')).status).toBe(401);
    expect(
      (await raw(fake, 'GET', '/repos/octo-org/demo', undefined, { authorization: `Bearer ${jwt()}` })).status,
    ).toBe(401);
    // A wrong key or App id is a wrong configuration, not a wrong client: not a problem.
    expect(fake.problems.map((p) => p.reason)).toEqual([
      `exp ${now - 1} is not an integer time in the future (now ${now})`,
      `iat ${now + 60} is not an integer time in the past (now ${now})`,
      'exp is 660s from now; GitHub accepts at most 600',
      "apps/get-repo-installation takes the App's JWT, not a token",
      'a JWT authenticates as the App on the /app endpoints only; repos/get needs an installation token',
    ]);
  });

  test('an App not installed is 404; permissions or repositories beyond the installation are 422', async () => {
    const notInstalled = await start({ apps: [{ ...app, installed: false }] });
    await expect(clientWith(notInstalled, jwt()).rest.apps.getRepoInstallation(REPO)).rejects.toMatchObject({
      status: 404,
    });
    const limited = await start({ apps: [{ ...app, permissions: { contents: 'read', issues: 'write' } }] });
    const jwtClient = clientWith(limited, jwt());
    const { id } = (await jwtClient.rest.apps.getRepoInstallation(REPO)).data;
    await expect(
      jwtClient.rest.apps.createInstallationAccessToken({ installation_id: id, permissions: { contents: 'write' } }),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('The permissions requested are not granted to this installation.'),
    });
    await expect(
      jwtClient.rest.apps.createInstallationAccessToken({ installation_id: id, repositories: ['elsewhere'] }),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('not accessible to the parent installation'),
    });
    expect([...notInstalled.problems, ...limited.problems]).toEqual([]);
  });
});

describe('answers have the shapes of the fixture', () => {
  test('every operation of the fixture, driven through @octokit/rest, answers without a problem', async () => {
    const fake = await start({
      collaborators: { maya: 'maintain', tom: 'triage' },
      files: { 'a.txt': lines(1, 30) },
      apps: [{ id: APP_ID, publicKey: APP_KEYS.publicKey, slug: 'ensemble-publisher' }],
      environments: { approval: { reviewers: ['maya'], waitTimer: 5 } },
      runApprovals: [{ runId: 4242, environments: ['approval'], state: 'approved', user: 'maya', comment: 'Go' }],
      workflowRuns: [
        {
          status: 'completed',
          conclusion: 'failure',
          jobs: [
            { name: 'plan', conclusion: 'success' },
            { name: 'code', conclusion: 'failure', needs: ['plan'] },
          ],
        },
      ],
    });
    const octokit = client(fake);
    expect((await octokit.rest.repos.get(REPO)).data).toMatchObject({
      default_branch: 'main',
      full_name: 'octo-org/demo',
    });
    expect((await octokit.rest.repos.getBranch({ ...REPO, branch: 'main' })).data).toMatchObject({
      name: 'main',
      protected: false,
    });
    expect((await octokit.rest.repos.getCollaboratorPermissionLevel({ ...REPO, username: 'maya' })).data).toMatchObject(
      {
        permission: 'write',
        role_name: 'maintain',
      },
    );
    expect((await octokit.rest.repos.getCollaboratorPermissionLevel({ ...REPO, username: 'tom' })).data).toMatchObject({
      permission: 'read',
      role_name: 'triage',
    });
    expect((await octokit.rest.users.getByUsername({ username: 'github-actions[bot]' })).data).toMatchObject({
      type: 'Bot',
      id: 41898282,
    });
    expect((await octokit.rest.issues.get({ ...REPO, issue_number: 5 })).data).toMatchObject({
      title: 'Add a flag',
      user: { login: 'maya' },
    });
    const comment = await octokit.rest.issues.createComment({ ...REPO, issue_number: 5, body: 'first' });
    expect(comment.data.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' });
    await octokit.rest.issues.updateComment({ ...REPO, comment_id: comment.data.id, body: 'second' });
    expect((await octokit.rest.issues.listComments({ ...REPO, issue_number: 5 })).data.map((c) => c.body)).toEqual([
      'second',
    ]);

    const number = await openPull(fake, {
      'a.txt': lines(1, 30).replace('line 15\n', 'line fifteen\n'),
      'new.txt': 'one\ntwo\n',
    });
    expect(
      (await octokit.rest.pulls.list({ ...REPO, head: 'octo-org:ensemble/issue-5' })).data.map((p) => p.number),
    ).toEqual([number]);
    expect((await octokit.rest.pulls.list({ ...REPO, head: 'octo-org:other' })).data).toEqual([]);
    await octokit.rest.pulls.update({ ...REPO, pull_number: number, body: 'updated' });
    expect((await octokit.rest.pulls.get({ ...REPO, pull_number: number })).data).toMatchObject({
      body: 'updated',
      draft: true,
      changed_files: 2,
      additions: 3,
      deletions: 1,
      head: { ref: 'ensemble/issue-5' },
      base: { ref: 'main' },
    });
    const labels = await octokit.rest.issues.addLabels({ ...REPO, issue_number: number, labels: ['ensemble'] });
    expect(labels.data.map((l) => l.name)).toEqual(['ensemble']);
    const left = await octokit.rest.issues.removeLabel({ ...REPO, issue_number: number, name: 'ensemble' });
    expect(left.data).toEqual([]);
    const review = await octokit.rest.pulls.createReview({
      ...REPO,
      pull_number: number,
      event: 'COMMENT',
      body: 'Two findings',
      comments: [
        { path: 'a.txt', line: 15, side: 'RIGHT', body: 'changed line' },
        { path: 'a.txt', start_line: 13, line: 17, side: 'RIGHT', body: 'range within the hunk' },
        { path: 'new.txt', line: 2, body: 'new file' },
      ],
    });
    expect(review.data).toMatchObject({ state: 'COMMENTED', body: 'Two findings' });
    // The pull request is the token's own: GitHub refuses to let it request changes.
    await expect(
      octokit.rest.pulls.createReview({ ...REPO, pull_number: number, event: 'REQUEST_CHANGES', body: 'no' }),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('Can not request changes on your own pull request'),
    });
    expect((await octokit.rest.pulls.listReviews({ ...REPO, pull_number: number })).data.map((r) => r.id)).toEqual([
      review.data.id,
    ]);
    // Each inline comment is a thread's root; a reply joins the thread and lists with in_reply_to_id.
    const roots = (await octokit.rest.pulls.listReviewComments({ ...REPO, pull_number: number })).data;
    expect(roots.map((c) => [c.path, c.line, c.in_reply_to_id])).toEqual([
      ['a.txt', 15, undefined],
      ['a.txt', 17, undefined],
      ['new.txt', 2, undefined],
    ]);
    const reply = await octokit.rest.pulls.createReplyForReviewComment({
      ...REPO,
      pull_number: number,
      comment_id: roots[1]!.id,
      body: 'fixed',
    });
    expect(reply.data).toMatchObject({ in_reply_to_id: roots[1]!.id, path: 'a.txt', line: 17, body: 'fixed' });

    // A second commit on the branch: a blob, a tree, a commit, a fast-forward.
    const head = (await octokit.rest.git.getRef({ ...REPO, ref: 'heads/ensemble/issue-5' })).data.object.sha;
    const blob = await octokit.rest.git.createBlob({ ...REPO, content: 'three\n', encoding: 'utf-8' });
    expect((await octokit.rest.git.getBlob({ ...REPO, file_sha: blob.data.sha })).data).toMatchObject({
      encoding: 'base64',
      content: Buffer.from('three\n').toString('base64'),
    });
    const headTree = (await octokit.rest.git.getTree({ ...REPO, tree_sha: head })).data.sha;
    const tree = await octokit.rest.git.createTree({
      ...REPO,
      base_tree: headTree,
      tree: [{ path: 'three.txt', mode: '100644', type: 'blob', sha: blob.data.sha }],
    });
    const commit = await octokit.rest.git.createCommit({
      ...REPO,
      message: 'Three',
      tree: tree.data.sha,
      parents: [head],
    });
    await octokit.rest.git.updateRef({ ...REPO, ref: 'heads/ensemble/issue-5', sha: commit.data.sha });
    // A ref outside refs/heads (the publish lock), made and deleted.
    await octokit.rest.git.createRef({ ...REPO, ref: 'refs/ensemble/locks/issue-5', sha: commit.data.sha });
    await octokit.rest.git.deleteRef({ ...REPO, ref: 'ensemble/locks/issue-5' });
    expect(fake.state.refs.has('refs/ensemble/locks/issue-5')).toBe(false);
    expect((await octokit.rest.pulls.get({ ...REPO, pull_number: number })).data).toMatchObject({
      commits: 2,
      head: { sha: commit.data.sha },
    });

    // An App: its installation, a token for this repository, the token's own request, its revocation.
    const app = clientWith(fake, jwt());
    const installation = (await app.rest.apps.getRepoInstallation(REPO)).data;
    expect(installation).toMatchObject({
      app_id: APP_ID,
      app_slug: 'ensemble-publisher',
      account: { login: 'octo-org' },
    });
    const minted = await app.rest.apps.createInstallationAccessToken({
      installation_id: installation.id,
      repositories: ['demo'],
      permissions: { issues: 'write' },
    });
    expect(minted.data).toMatchObject({
      permissions: { issues: 'write', metadata: 'read' },
      repository_selection: 'selected',
      repositories: [{ full_name: 'octo-org/demo' }],
    });
    const installed = clientWith(fake, minted.data.token);
    const byApp = await installed.rest.issues.createComment({ ...REPO, issue_number: 5, body: 'from the App' });
    expect(byApp.data.user).toMatchObject({ login: 'ensemble-publisher[bot]', type: 'Bot' });
    await installed.rest.apps.revokeInstallationAccessToken();
    // Environments and the deployment reviews of a run.
    const environment = await octokit.rest.repos.getEnvironment({ ...REPO, environment_name: 'Approval' });
    expect(environment.data).toMatchObject({
      name: 'approval',
      protection_rules: [
        { type: 'wait_timer', wait_timer: 5 },
        { type: 'required_reviewers', reviewers: [{ type: 'User', reviewer: { login: 'maya' } }] },
      ],
    });
    const reviews = await octokit.rest.actions.getReviewsForRun({ ...REPO, run_id: 4242 });
    expect(reviews.data).toMatchObject([
      { state: 'approved', user: { login: 'maya' }, environments: [{ id: environment.data.id, name: 'approval' }] },
    ]);

    // Workflow runs: list, read, list jobs, re-run a job and the failed jobs, cancel.
    const runs = (await octokit.rest.actions.listWorkflowRunsForRepo({ ...REPO, status: 'failure' })).data;
    expect(runs.workflow_runs.map((r) => [r.status, r.conclusion, r.run_attempt])).toEqual([
      ['completed', 'failure', 1],
    ]);
    const runId = runs.workflow_runs[0]!.id;
    expect((await octokit.rest.actions.getWorkflowRun({ ...REPO, run_id: runId })).data.html_url).toBe(
      `https://github.com/octo-org/demo/actions/runs/${runId}`,
    );
    const jobs = (await octokit.rest.actions.listJobsForWorkflowRun({ ...REPO, run_id: runId })).data.jobs;
    await octokit.rest.actions.reRunJobForWorkflowRun({ ...REPO, job_id: jobs[1]!.id });
    fake.workflowRun(runId)!.status = 'completed';
    fake.workflowRun(runId)!.conclusion = 'failure';
    await octokit.rest.actions.reRunWorkflowFailedJobs({ ...REPO, run_id: runId });
    expect((await octokit.rest.actions.cancelWorkflowRun({ ...REPO, run_id: runId })).status).toBe(202);
    expect(fake.workflowRun(runId)).toMatchObject({ runAttempt: 3, status: 'completed', conclusion: 'cancelled' });

    // The CI: a workflow's runs, a job's log (a redirect), check runs and suites, reviewers, deployments.
    const workflowId = (await octokit.rest.actions.getWorkflowRun({ ...REPO, run_id: runId })).data.workflow_id;
    const ofWorkflow = await octokit.rest.actions.listWorkflowRuns({ ...REPO, workflow_id: workflowId });
    expect(ofWorkflow.data.workflow_runs.map((r) => r.id)).toEqual([runId]);
    fake.checks.setJobLog(jobs[0]!.id, 'planned\n');
    const log = await octokit.rest.actions.downloadJobLogsForWorkflowRun({
      ...REPO,
      job_id: jobs[0]!.id,
      request: { redirect: 'manual' },
    });
    expect(log.status).toBe(302);
    expect(await (await fetch(log.headers.location!)).text()).toBe('planned\n');
    const checkRun = (await octokit.rest.checks.get({ ...REPO, check_run_id: jobs[0]!.id })).data;
    expect(checkRun).toMatchObject({ name: 'plan', app: { slug: 'github-actions' }, check_suite: { id: runId + 1 } });
    const suites = await octokit.rest.checks.listSuitesForRef({ ...REPO, ref: 'main' });
    expect(suites.data.check_suites.map((suite) => suite.id)).toEqual([runId + 1]);
    await octokit.rest.pulls.requestReviewers({ ...REPO, pull_number: number, reviewers: ['maya'] });
    const requested = await octokit.rest.pulls.listRequestedReviewers({ ...REPO, pull_number: number });
    expect(requested.data.users.map((u) => u.login)).toEqual(['maya']);
    const deploymentId = fake.checks.addDeployment({ environment: 'production' });
    fake.checks.addDeploymentStatus(deploymentId, { state: 'success', environmentUrl: 'https://example.com' });
    const deployments = await octokit.rest.repos.listDeployments({ ...REPO, environment: 'production' });
    expect(deployments.data.map((d) => d.id)).toEqual([deploymentId]);
    const statuses = await octokit.rest.repos.listDeploymentStatuses({ ...REPO, deployment_id: deploymentId });
    expect(statuses.data.map((d) => d.state)).toEqual(['success']);

    // The pull request's files; merged as a merge commit, found by that commit, its head kept.
    const files = await octokit.rest.pulls.listFiles({ ...REPO, pull_number: number });
    expect(files.data.map((f) => [f.filename, f.status, f.additions, f.deletions])).toEqual([
      ['a.txt', 'modified', 1, 1],
      ['new.txt', 'added', 2, 0],
      ['three.txt', 'added', 1, 0],
    ]);
    const main = fake.state.refs.get('refs/heads/main')!;
    const byHead = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...REPO, commit_sha: head });
    expect(byHead.data.map((p) => p.number)).toEqual([number]);
    const mergeCommit = await octokit.rest.git.createCommit({
      ...REPO,
      message: `Merge pull request #${number}`,
      tree: tree.data.sha,
      parents: [main, commit.data.sha],
    });
    fake.mergePull(number, { sha: mergeCommit.data.sha, by: 'maya' });
    expect(fake.state.refs.get('refs/heads/main')).toBe(mergeCommit.data.sha);
    const merged = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      ...REPO,
      commit_sha: mergeCommit.data.sha,
    });
    expect(merged.data.map((p) => [p.number, p.state, p.merge_commit_sha, p.head.sha])).toEqual([
      [number, 'closed', mergeCommit.data.sha, commit.data.sha],
    ]);
    expect((await octokit.rest.pulls.get({ ...REPO, pull_number: number })).data).toMatchObject({
      merged: true,
      merged_by: { login: 'maya' },
    });
    expect((await octokit.rest.issues.get({ ...REPO, issue_number: number })).data.pull_request?.merged_at).toBe(
      merged.data[0]!.merged_at,
    );

    const exercised = new Set(fake.requests.map((r) => r.operation));
    expect(OPERATIONS.filter((op) => !exercised.has(op))).toEqual([]);
    expect(fake.problems).toEqual([]);
  });

  test('lists paginate with Link headers, as octokit.paginate follows them', async () => {
    const comments = Array.from({ length: 130 }, (_, i) => ({ author: 'maya', body: `comment ${i}` }));
    const fake = await start({ issues: [{ number: 5, title: 'Busy', author: 'maya', comments }] });
    const all = await client(fake).paginate(client(fake).rest.issues.listComments, {
      ...REPO,
      issue_number: 5,
      per_page: 100,
    });
    expect(all.map((c) => c.body)).toEqual(comments.map((c) => c.body));
    expect(fake.calls('issues/list-comments').map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
    expect(fake.problems).toEqual([]);
  });
});

describe('environments and run approvals', () => {
  test('a missing environment is 404; one without rules lists none; reviews are per run and per environment', async () => {
    const fake = await start({
      environments: { plain: {}, gate: { reviewers: ['maya', 'tom'], preventSelfReview: true } },
    });
    const octokit = client(fake);
    await expect(octokit.rest.repos.getEnvironment({ ...REPO, environment_name: 'missing' })).rejects.toMatchObject({
      status: 404,
    });
    expect((await octokit.rest.repos.getEnvironment({ ...REPO, environment_name: 'plain' })).data).toMatchObject({
      name: 'plain',
      protection_rules: [],
    });
    const gate = (await octokit.rest.repos.getEnvironment({ ...REPO, environment_name: 'GATE' })).data;
    expect(gate.protection_rules).toMatchObject([
      {
        type: 'required_reviewers',
        prevent_self_review: true,
        reviewers: [{ reviewer: { login: 'maya' } }, { reviewer: { login: 'tom' } }],
      },
    ]);

    // A test sets the model's state directly, as the workflow simulator does when reviewers decide.
    fake.state.runApprovals.push(
      { runId: 7, environments: ['gate'], state: 'rejected', user: 'tom', comment: 'Not this plan' },
      { runId: 8, environments: ['gate'], state: 'approved', user: 'maya', comment: '' },
    );
    expect((await octokit.rest.actions.getReviewsForRun({ ...REPO, run_id: 7 })).data).toMatchObject([
      { state: 'rejected', user: { login: 'tom' }, comment: 'Not this plan', environments: [{ id: gate.id }] },
    ]);
    expect((await octokit.rest.actions.getReviewsForRun({ ...REPO, run_id: 9 })).data).toEqual([]);
    expect(fake.problems).toEqual([]);
  });
});

describe('the fixture', () => {
  test('holds exactly the operations ensemble uses, extracted by scripts/extract-openapi.ts', () => {
    const fixture = JSON.parse(readFileSync(new URL('../../fixtures/github-openapi.json', import.meta.url), 'utf8'));
    const ids = Object.values(fixture.paths).flatMap((item) =>
      Object.values(item as Record<string, { operationId: string }>).map((op) => op.operationId),
    );
    expect(ids.sort()).toEqual([...OPERATIONS].sort());
    expect(fixture.paths['/repos/{owner}/{repo}/collaborators/{username}/permission'].get.operationId).toBe(
      'repos/get-collaborator-permission-level',
    );
  });

  test('extraction resolves references transitively, keeps only what they reach, and drops descriptions', () => {
    const spec = {
      openapi: '3.0.3',
      info: { title: 'GitHub', version: '1' },
      paths: {
        '/a/{id}': {
          parameters: [{ $ref: '#/components/parameters/id' }],
          get: {
            operationId: 'a/get',
            summary: 'Get an A',
            description: 'Long prose',
            responses: {
              '200': {
                description: 'OK',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/a' } } },
              },
            },
          },
        },
        '/b': { get: { operationId: 'b/get', responses: {} } },
      },
      components: {
        parameters: {
          id: { name: 'id', in: 'path', required: true, description: 'The id', schema: { type: 'integer' } },
        },
        schemas: {
          a: {
            type: 'object',
            description: 'An A',
            properties: { description: { type: 'string' }, b: { $ref: '#/components/schemas/b' } },
          },
          b: { type: 'object', properties: { n: { type: 'integer', example: 3 } } },
          unused: { type: 'string' },
        },
      },
    };
    const out = extract(spec, ['a/get']) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown>; parameters: unknown };
    };
    expect(Object.keys(out.paths)).toEqual(['/a/{id}']);
    expect(Object.keys(out.components.schemas).sort()).toEqual(['a', 'b']);
    // A property named "description" is kept; the description keyword is not.
    expect(out.components.schemas.a).toEqual({
      type: 'object',
      properties: { description: { type: 'string' }, b: { $ref: '#/components/schemas/b' } },
    });
    expect(out.components.schemas.b).toEqual({ type: 'object', properties: { n: { type: 'integer' } } });
    expect(out.components.parameters).toEqual({
      id: { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
    });
    expect(() => extract(spec, ['a/get', 'c/get'])).toThrow(/operations not in the description: c\/get/);
  });
});

function lines(from: number, to: number): string {
  let text = '';
  for (let n = from; n <= to; n++) text += `line ${n}\n`;
  return text;
}

/** Commits `files` onto main as branch ensemble/issue-5 and opens a draft pull request; returns its number. */
async function openPull(fake: GitHubFake, files: Record<string, string>): Promise<number> {
  const octokit = client(fake);
  const main = fake.state.refs.get('refs/heads/main')!;
  const baseTree = (await octokit.rest.git.getCommit({ ...REPO, commit_sha: main })).data.tree.sha;
  const tree = await octokit.rest.git.createTree({
    ...REPO,
    base_tree: baseTree,
    tree: Object.entries(files).map(([path, content]) => ({
      path,
      mode: '100644' as const,
      type: 'blob' as const,
      content,
    })),
  });
  const commit = await octokit.rest.git.createCommit({
    ...REPO,
    message: 'Change',
    tree: tree.data.sha,
    parents: [main],
  });
  await octokit.rest.git.createRef({ ...REPO, ref: 'refs/heads/ensemble/issue-5', sha: commit.data.sha });
  const pull = await octokit.rest.pulls.create({
    ...REPO,
    head: 'ensemble/issue-5',
    base: 'main',
    title: 'Add a flag',
    draft: true,
  });
  return pull.data.number;
}
