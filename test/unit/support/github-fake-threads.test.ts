import { Octokit } from '@octokit/rest';
import { afterEach, describe, expect, test } from 'vitest';
import { type GitHubFake, type GitHubFakeSeed, startGitHubFake } from '../../support/github-fake.ts';

const fakes: GitHubFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

const REPO = { owner: 'octo-org', repo: 'demo' };
const BRANCH = 'feature';

/** A fake with an open pull request adding `notes.txt` (20 lines) on BRANCH; a plain Octokit, no retries. */
async function start(seed: GitHubFakeSeed = {}) {
  const fake = await startGitHubFake({
    collaborators: { maya: 'maintain' },
    files: { 'README.md': '# demo\n' },
    ...seed,
  });
  fakes.push(fake);
  const octokit = new Octokit({
    auth: 'test-token',
    baseUrl: fake.url,
    log: { debug() {}, info() {}, warn() {}, error() {} },
  });
  fake.state.refs.set(`refs/heads/${BRANCH}`, fake.state.refs.get('refs/heads/main')!);
  const lines = Array.from({ length: 20 }, (_, i) => `note ${i + 1}\n`).join('');
  fake.pushAsPerson({ branch: BRANCH, files: { 'notes.txt': lines }, message: 'Notes', author: 'maya' });
  const { data } = await octokit.rest.pulls.create({ ...REPO, head: BRANCH, base: 'main', title: 'Notes' });
  return { fake, octokit, number: data.number };
}

async function graphql(fake: GitHubFake, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${fake.url}/graphql`, {
    method: 'POST',
    headers: { authorization: 'bearer test-token', 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    json: (await response.json()) as { data?: unknown; errors?: { message: string }[] },
  };
}

describe('pushAsPerson', () => {
  test("a commit on the branch's head with its tree plus the files, authored by the person, unsigned", async () => {
    const fake = await startGitHubFake({
      users: [{ login: 'wes', name: 'Wes Writer' }],
      files: { 'a.txt': 'a\n', 'b.txt': 'b\n' },
    });
    fakes.push(fake);
    const { git } = fake.state;
    const before = fake.state.refs.get('refs/heads/main')!;
    const sha = fake.pushAsPerson({
      branch: 'main',
      files: { 'a.txt': 'A\n', 'dir/c.txt': 'c\n', 'b.txt': null },
      message: 'Edit by hand',
      author: 'wes',
    });
    expect(fake.state.refs.get('refs/heads/main')).toBe(sha);
    const commit = git.commits.get(sha)!;
    expect(commit.parents).toEqual([before]);
    expect(commit.message).toBe('Edit by hand');
    expect(commit.verified).toBe(false);
    const id = fake.state.accounts.get('wes')!.id;
    expect(commit.author).toMatchObject({ name: 'Wes Writer', email: `${id}+wes@users.noreply.github.com` });
    expect(commit.committer).toMatchObject({ name: 'Wes Writer', email: `${id}+wes@users.noreply.github.com` });
    const files = [...git.flatten(commit.tree)].map(([path, entry]) => [path, git.blobs.get(entry.sha)!.toString()]);
    expect(files).toEqual([
      ['a.txt', 'A\n'],
      ['dir/c.txt', 'c\n'],
    ]);
    expect(() => fake.pushAsPerson({ branch: 'nope', files: {}, message: 'x', author: 'wes' })).toThrow(
      /no branch nope/,
    );
  });
});

describe('review comments and replies over REST', () => {
  test('a reply to a reply is refused (422, a problem); a reply is posted with a comment review of its own', async () => {
    const { fake, octokit, number } = await start();
    const root = fake.addReviewThread({ pull: number, author: 'maya', path: 'notes.txt', line: 5, body: 'Why?' });
    const reply = await octokit.rest.pulls.createReplyForReviewComment({
      ...REPO,
      pull_number: number,
      comment_id: root,
      body: 'Because.',
    });
    expect(reply.data).toMatchObject({
      in_reply_to_id: root,
      path: 'notes.txt',
      line: 5,
      user: { login: 'github-actions[bot]' },
    });
    const reviews = (await octokit.rest.pulls.listReviews({ ...REPO, pull_number: number })).data;
    expect(reviews.map((r) => [r.user?.login, r.state, r.body])).toEqual([
      ['maya', 'COMMENTED', ''],
      ['github-actions[bot]', 'COMMENTED', ''],
    ]);
    expect(reply.data.pull_request_review_id).toBe(reviews[1]!.id);
    expect(fake.problems).toEqual([]);

    await expect(
      octokit.rest.pulls.createReplyForReviewComment({
        ...REPO,
        pull_number: number,
        comment_id: reply.data.id,
        body: 'x',
      }),
    ).rejects.toMatchObject({ status: 422, message: expect.stringContaining('Replies to replies are not supported') });
    expect(fake.problems.map((p) => p.operation)).toEqual(['pulls/create-reply-for-review-comment']);
    expect(fake.threads(number)).toMatchObject([{ comments: [{ id: root }, { id: reply.data.id, inReplyTo: root }] }]);
  });

  test('listing review comments: roots and replies, with in_reply_to_id on replies only', async () => {
    const { fake, octokit, number } = await start();
    const a = fake.addReviewThread({ pull: number, author: 'maya', path: 'notes.txt', line: 1, body: 'a' });
    const b = fake.addReviewThread({ pull: number, author: 'maya', path: 'notes.txt', line: 2, body: 'b' });
    await octokit.rest.pulls.createReplyForReviewComment({ ...REPO, pull_number: number, comment_id: a, body: 'a1' });
    const listed = (await octokit.rest.pulls.listReviewComments({ ...REPO, pull_number: number })).data;
    expect(listed.map((c) => [c.body, c.in_reply_to_id ?? null])).toEqual([
      ['a', null],
      ['b', null],
      ['a1', a],
    ]);
    expect(listed[1]!.id).toBe(b);
    expect(() => fake.addReviewThread({ pull: number, author: 'maya', path: 'README.md', line: 1, body: 'x' })).toThrow(
      /not a line of #\d+'s diff/,
    );
    expect(fake.problems).toEqual([]);
  });
});

describe('the GraphQL endpoint', () => {
  const RESOLVE =
    'mutation ResolveReviewThread($threadId: ID!) { resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } } }';

  test('answers the known mutation, whatever its whitespace, and records it as graphql/<name>', async () => {
    const { fake, number } = await start();
    fake.addReviewThread({ pull: number, author: 'maya', path: 'notes.txt', line: 1, body: 'a' });
    const id = fake.threads(number)[0]!.id;
    expect(id).toMatch(/^PRRT_kwDO[\w-]+$/);
    const answer = await graphql(fake, { query: RESOLVE.replace(/ \{ /g, '{\n  '), variables: { threadId: id } });
    expect(answer).toEqual({
      status: 200,
      json: { data: { resolveReviewThread: { thread: { id, isResolved: true } } } },
    });
    expect(fake.threads(number)[0]!.resolved).toBe(true);
    expect(fake.calls('graphql/ResolveReviewThread')).toMatchObject([
      { status: 200, token: 'test-token', auth: 'token' },
    ]);
    expect(fake.problems).toEqual([]);
  });

  test('an unknown operation, an anonymous query or a changed document: a GraphQL error and a problem', async () => {
    const { fake } = await start();
    const unknown = await graphql(fake, { query: 'query Viewer { viewer { login } }' });
    expect(unknown.status).toBe(200);
    expect(unknown.json.errors![0]!.message).toMatch(
      /answers only the GraphQL operations ReviewThreads, ResolveReviewThread, PullChecks, PullState, MarkReady, EnableAutoMerge, not Viewer/,
    );
    const anonymous = await graphql(fake, { query: '{ viewer { login } }' });
    expect(anonymous.json.errors![0]!.message).toMatch(/not an anonymous one/);
    const changed = await graphql(fake, {
      query: RESOLVE.replace('isResolved', 'isResolved viewerCanUnresolve'),
      variables: { threadId: 'x' },
    });
    expect(changed.json.errors![0]!.message).toMatch(/the ResolveReviewThread document differs/);
    expect(fake.problems.map((p) => p.operation)).toEqual(['graphql/Viewer', 'graphql', 'graphql/ResolveReviewThread']);
  });

  test('authentication is required as on the REST side', async () => {
    const { fake } = await start({ token: 'test-token' });
    const body = { query: RESOLVE, variables: { threadId: 'x' } };
    const none = await fetch(`${fake.url}/graphql`, { method: 'POST', body: JSON.stringify(body) });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ message: 'This endpoint requires you to be authenticated.' });
    expect(await graphql(fake, body, { authorization: 'bearer wrong' })).toMatchObject({
      status: 401,
      json: { message: 'Bad credentials' },
    });
    expect(fake.problems.map((p) => p.reason)).toEqual([
      'no Authorization header on a GraphQL request',
      'the token is not the one the fake was started with',
    ]);
  });

  test('an invalid cursor and a variable of the wrong type are errors and problems', async () => {
    const { fake, number } = await start();
    const query = `query ReviewThreads($owner: String!, $repo: String!, $pull: Int!, $cursor: String) {
      repository(owner: $owner, name: $repo) { pullRequest(number: $pull) {
        reviewThreads(first: 100, after: $cursor) { pageInfo { hasNextPage endCursor }
          nodes { id isResolved isOutdated path line comments(first: 100) { nodes { databaseId author { __typename login } body createdAt } } } } } } }`;
    const badCursor = await graphql(fake, { query, variables: { ...REPO, pull: number, cursor: 'bogus' } });
    expect(badCursor.json.errors![0]!.message).toBe('`bogus` does not appear to be a valid cursor.');
    const badPull = await graphql(fake, { query, variables: { ...REPO, pull: String(number) } });
    expect(badPull.json.errors![0]!.message).toBe(`Variable $pull of type Int! was provided invalid value "${number}"`);
    expect(fake.problems).toHaveLength(2);
  });
});
