import { afterEach, describe, expect, test } from 'vitest';
import {
  createOctokit,
  explainGitHubError,
  listReviewThreads,
  replyToReviewComment,
  resolveReviewThread,
} from '../../../src/github/index.ts';
import { isAmbiguousFailure } from '../../../src/github/write-once.ts';
import { type GitHubFake, serverError, startGitHubFake } from '../../support/github-fake.ts';

const fakes: GitHubFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const REPO = { owner: 'octo-org', repo: 'demo' };
const BRANCH = 'ensemble/issue-5';
/** The token's account as GitHub's GraphQL API names it: a bot's login without `[bot]`. */
const BOT = 'github-actions';
const RESOLVE = { action: 'resolve a review thread', permission: 'pull-requests: write' };

const numbered = (count: number) => Array.from({ length: count }, (_, i) => `line ${i + 1}\n`).join('');

/** A fake with pull request #`number` by the token's bot, adding `big.txt` (150 lines) on BRANCH. */
async function setup() {
  const fake = await startGitHubFake({ collaborators: { maya: 'maintain', wes: 'write' } });
  fakes.push(fake);
  const octokit = createOctokit({ token: 'test-token', baseUrl: fake.url, secondMs: 1 });
  const main = fake.state.refs.get('refs/heads/main')!;
  await octokit.rest.git.createRef({ ...REPO, ref: `refs/heads/${BRANCH}`, sha: main });
  fake.pushAsPerson({ branch: BRANCH, files: { 'big.txt': numbered(150) }, message: 'Add big.txt', author: 'wes' });
  const { data } = await octokit.rest.pulls.create({ ...REPO, head: BRANCH, base: 'main', title: 'Big' });
  return { fake, octokit, number: data.number };
}

describe('listReviewThreads', () => {
  test('reads every thread across pages of 100, in order, with path, line, author and resolved state', async () => {
    const { fake, octokit, number } = await setup();
    for (let line = 1; line <= 130; line++) {
      fake.addReviewThread({
        pull: number,
        author: line % 2 ? 'maya' : 'wes',
        path: 'big.txt',
        line,
        body: `#${line}`,
      });
    }
    const threads = await listReviewThreads(octokit, REPO, number);
    expect(threads).toHaveLength(130);
    expect(threads.map((t) => t.line)).toEqual(Array.from({ length: 130 }, (_, i) => i + 1));
    expect(new Set(threads.map((t) => t.id)).size).toBe(130);
    expect(threads[0]).toMatchObject({
      isResolved: false,
      isOutdated: false,
      path: 'big.txt',
      comments: [{ author: 'maya', body: '#1', createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }],
    });
    expect(threads[129]!.comments[0]).toMatchObject({ author: 'wes', body: '#130' });
    // The comment ids are the REST ids a reply takes.
    expect(threads.map((t) => t.comments[0]!.id)).toEqual(fake.threads(number).map((t) => t.comments[0]!.id));
    // Two requests: the second asks for the page after the first's end cursor.
    const calls = fake.calls('graphql/ReviewThreads');
    expect(calls.map((c) => (c.body as { variables: { cursor: unknown } }).variables.cursor)).toEqual([
      null,
      expect.any(String),
    ]);
    expect(fake.problems).toEqual([]);
  });

  test('a 502 on a page is retried, as a read may be', async () => {
    const { fake, octokit, number } = await setup();
    fake.addReviewThread({ pull: number, author: 'maya', path: 'big.txt', line: 7, body: 'seven' });
    fake.fail('graphql/ReviewThreads', serverError());
    expect((await listReviewThreads(octokit, REPO, number)).map((t) => t.line)).toEqual([7]);
    expect(fake.calls('graphql/ReviewThreads').map((c) => c.status)).toEqual([502, 200]);
  });

  test('a 401 on the GraphQL endpoint is not retried: a refusal is an answer', async () => {
    const { fake, octokit, number } = await setup();
    fake.fail('graphql/ReviewThreads', { status: 401, message: 'Bad credentials' });
    await expect(listReviewThreads(octokit, REPO, number)).rejects.toThrow();
    expect(fake.calls('graphql/ReviewThreads').map((c) => c.status)).toEqual([401]);
  });

  test('an outdated thread has no line; a deleted account is an empty author', async () => {
    const { fake, octokit, number } = await setup();
    fake.addReviewThread({ pull: number, author: 'maya', path: 'big.txt', line: 3, body: 'kept' });
    fake.addReviewThread({ pull: number, author: 'ghost', path: 'big.txt', line: 4, body: 'moved' });
    fake.outdateThread(fake.threads(number)[1]!.id);
    const threads = await listReviewThreads(octokit, REPO, number);
    expect(threads.map((t) => [t.isOutdated, t.line, t.comments[0]!.author])).toEqual([
      [false, 3, 'maya'],
      [true, null, ''],
    ]);
  });

  test('a pull request without threads has none; a missing one is an error that names it', async () => {
    const { fake, octokit, number } = await setup();
    expect(await listReviewThreads(octokit, REPO, number)).toEqual([]);
    const error = await listReviewThreads(octokit, REPO, 999).catch((e: unknown) => e);
    expect(
      explainGitHubError(error, { action: 'read the review threads', permission: 'pull-requests: read' }).message,
    ).toBe(
      "could not read the review threads: GitHub's GraphQL API found no such thing " +
        '(Could not resolve to a PullRequest with the number of 999.): it does not exist, or the token cannot see it',
    );
    expect(fake.problems).toEqual([]);
  });
});

describe('replyToReviewComment', () => {
  test('replies join their own thread, in order, as the token; the answer is the reply', async () => {
    const { fake, octokit, number } = await setup();
    const first = fake.addReviewThread({ pull: number, author: 'maya', path: 'big.txt', line: 10, body: 'Rename x' });
    const second = fake.addReviewThread({ pull: number, author: 'wes', path: 'big.txt', line: 20, body: 'Guard y' });
    const a = await replyToReviewComment(octokit, REPO, number, first, 'Renamed in abc123.');
    const b = await replyToReviewComment(octokit, REPO, number, second, 'Guarded.');
    const c = await replyToReviewComment(octokit, REPO, number, first, 'And the tests.');
    expect(a.url).toBe(`https://github.com/octo-org/demo/pull/${number}#discussion_r${a.id}`);
    const threads = await listReviewThreads(octokit, REPO, number);
    expect(threads[0]!.comments.map((m) => m.authorType)).toEqual(['User', 'Bot', 'Bot']);
    expect(threads.map((t) => t.comments.map((m) => [m.id, m.author, m.body]))).toEqual([
      [
        [first, 'maya', 'Rename x'],
        [a.id, BOT, 'Renamed in abc123.'],
        [c.id, BOT, 'And the tests.'],
      ],
      [
        [second, 'wes', 'Guard y'],
        [b.id, BOT, 'Guarded.'],
      ],
    ]);
    expect(threads.every((t) => !t.isResolved)).toBe(true);
    expect(fake.problems).toEqual([]);
  });

  test('a comment that does not exist: 404, explained', async () => {
    const { fake, octokit, number } = await setup();
    const error = await replyToReviewComment(octokit, REPO, number, 424242, 'hello').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404 });
    expect(
      explainGitHubError(error, { action: 'reply to comment 424242', permission: 'pull-requests: write' }).message,
    ).toMatch(/^could not reply to comment 424242: GitHub answered 404 Not Found/);
    expect(fake.threads(number)).toEqual([]);
  });
});

describe('resolveReviewThread', () => {
  test('resolves one thread; resolving it again is not an error and changes nothing', async () => {
    const { fake, octokit, number } = await setup();
    fake.addReviewThread({ pull: number, author: 'maya', path: 'big.txt', line: 1, body: 'one' });
    fake.addReviewThread({ pull: number, author: 'maya', path: 'big.txt', line: 2, body: 'two' });
    const [one] = await listReviewThreads(octokit, REPO, number);
    await resolveReviewThread(octokit, one!.id);
    await resolveReviewThread(octokit, one!.id);
    const after = await listReviewThreads(octokit, REPO, number);
    expect(after.map((t) => t.isResolved)).toEqual([true, false]);
    expect(fake.calls('graphql/ResolveReviewThread').map((c) => c.status)).toEqual([200, 200]);
    expect(fake.problems).toEqual([]);
  });

  test('an unknown thread: the GraphQL error says so, and is explained as an answer, not a lost connection', async () => {
    const { octokit } = await setup();
    const error = await resolveReviewThread(octokit, 'PRRT_kwDOnope').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'GraphqlResponseError' });
    const explained = explainGitHubError(error, RESOLVE);
    expect(explained.message).toBe(
      "could not resolve a review thread: GitHub's GraphQL API found no such thing " +
        "(Could not resolve to a node with the global id of 'PRRT_kwDOnope'.): it does not exist, or the token cannot see it",
    );
    expect(explained.githubMessage).toBe("Could not resolve to a node with the global id of 'PRRT_kwDOnope'.");
    // GitHub answered: a writer must not take it for a write that may have landed.
    expect(isAmbiguousFailure(error)).toBe(false);
  });

  test('an answer lost to a 502 after the thread was resolved is retried, harmlessly', async () => {
    const { fake, octokit, number } = await setup();
    fake.addReviewThread({ pull: number, author: 'maya', path: 'big.txt', line: 1, body: 'one' });
    fake.fail('graphql/ResolveReviewThread', serverError(502, { afterWrite: true }));
    await resolveReviewThread(octokit, fake.threads(number)[0]!.id);
    expect(fake.calls('graphql/ResolveReviewThread').map((c) => c.status)).toEqual([502, 200]);
    expect(fake.threads(number)[0]!.resolved).toBe(true);
  });

  test('a GraphQL request failing with 5xx until the retries run out is ambiguous, as a REST one is', async () => {
    const { fake, octokit } = await setup();
    fake.fail('graphql/ResolveReviewThread', ...Array.from({ length: 4 }, () => serverError()));
    const error = await resolveReviewThread(octokit, 'PRRT_kwDOany').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502 });
    expect(isAmbiguousFailure(error)).toBe(true);
    expect(fake.calls('graphql/ResolveReviewThread')).toHaveLength(4);
  });

  test('a forbidden GraphQL error names the permission to give', () => {
    const error = Object.assign(new Error('Request failed due to following response errors'), {
      name: 'GraphqlResponseError',
      errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }],
    });
    expect(explainGitHubError(error, RESOLVE).message).toBe(
      'could not resolve a review thread: the token lacks a permission (GraphQL: Resource not accessible by ' +
        'integration); give the job `permissions: { pull-requests: write }`, or pass a token that has pull-requests: write',
    );
  });
});
