/**
 * What the publisher checks before it writes, through the real publisher against the GitHub fake
 * (every request checked against GitHub's OpenAPI description) and the real artifact client
 * against the artifact fake: artifacts of another issue or run, an issue closed or locked while
 * the run was under way, two publishes of one issue at once, and an artifact that is a zip bomb.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RunDirectory } from '../../../src/artifacts/run-directory.ts';
import { loadConfig } from '../../../src/config/load.ts';
import { createOctokit } from '../../../src/github/octokit.ts';
import { type LockTiming, type PublishResult, publishToGitHub } from '../../../src/publish/github.ts';
import { ActionsArtifactStore } from '../../../src/runtime/actions/artifacts.ts';
import type { GitHubFakeSeed } from '../../support/github-fake.ts';
import {
  GIT_ENV,
  git,
  ISSUE,
  ISSUE_BODY,
  ISSUE_TITLE,
  lockWrites,
  OWNER,
  REPO,
  RUN_ID,
  type Scenario,
  scenarioPerTest,
  TOKEN,
  TRACKING,
  trackingComments,
  writes,
} from '../../support/publish-fixtures.ts';
import { buildZip, uploadRawArtifact } from '../../support/raw-artifact.ts';

const scenario = scenarioPerTest();
const RUN_URL = `https://github.com/${OWNER}/${REPO}/actions/runs/${RUN_ID}`;
const LOCK_REF = `refs/ensemble/locks/issue-${ISSUE}`;
/** The writes a publish makes to take and release its lock, whatever else it does. */
const LOCK_WRITES = ['POST git/create-commit 201', 'POST git/create-ref 201', 'DELETE git/delete-ref 204'];
const FIRST_COMMENT = `${TRACKING}\nensemble is working on this issue.`;

/** The issue the scenario's run is for, with its tracking comment, as `startGitHubAt` seeds it, plus `extra`. */
function issueSeed(number: number, extra: Partial<NonNullable<GitHubFakeSeed['issues']>[number]> = {}) {
  return {
    number,
    title: ISSUE_TITLE,
    body: ISSUE_BODY,
    author: 'maintainer',
    labels: ['ensemble'],
    comments: [{ author: 'github-actions[bot]', body: FIRST_COMMENT }],
    ...extra,
  };
}

/** The publish job of the run, in process: a checkout at the base, the artifacts downloaded by the real client. */
async function publish(
  s: Scenario,
  options: { expected?: { runId: string; issue: number | null }; lockTiming?: Partial<LockTiming> } = {},
): Promise<PublishResult> {
  const workspace = join(mkdtempSync(join(tmpdir(), 'ensemble-guard-job-')), REPO);
  execFileSync('git', ['clone', '-q', '--no-hardlinks', s.origin, workspace], { env: GIT_ENV });
  git(workspace, ['checkout', '-q', '--detach', s.baseSha]);
  const { config } = await loadConfig(join(workspace, '.github/ensemble.yml'), '.github/ensemble.yml');
  const store = new ActionsArtifactStore({ runtimeToken: s.artifacts.tokenFor(), resultsUrl: s.artifacts.url });
  // The artifact client logs every request to stdout as workflow commands: kept out of the test's output.
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await publishToGitHub({
      // GitHub's spacing of writes (a second; three for comments) scaled down: sleeps, not behaviour, here.
      octokit: createOctokit({ token: TOKEN, baseUrl: s.github.url, secondMs: 1 }),
      repo: { owner: OWNER, repo: REPO },
      repoDir: workspace,
      artifacts: store,
      runDir: RunDirectory.at(mkdtempSync(join(tmpdir(), 'ensemble-guard-run-'))),
      config,
      configPath: '.github/ensemble.yml',
      draft: true,
      secretValues: [],
      serverUrl: 'https://github.com',
      runUrl: RUN_URL,
      expected: options.expected ?? { runId: RUN_ID, issue: ISSUE },
      lockTiming: { pollMs: 50, ...options.lockTiming },
    });
  } finally {
    process.stdout.write = write;
  }
}

/** A lock held by another publish, taken `minutesAgo`. */
function plantLock(s: Scenario, minutesAgo: number, holder = `https://github.com/${OWNER}/${REPO}/actions/runs/1111`) {
  const { git: store } = s.github.state;
  const date = new Date(Date.now() - minutesAgo * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const person = { name: 'github-actions[bot]', email: 'actions@example.com', date };
  const commit = store.writeCommit({
    tree: store.commits.get(s.baseSha)!.tree,
    parents: [],
    message: `ensemble publish lock\n\nholder: ${holder}\n`,
    author: person,
    committer: person,
    verified: false,
  });
  s.github.state.refs.set(LOCK_REF, commit.sha);
  return commit.sha;
}

/** Nothing on GitHub changed: no branch, pull request, review or comment, and the lock is gone. */
function expectNothingPublished(s: Scenario) {
  const { github } = s;
  expect([...github.state.refs.keys()]).toEqual(['refs/heads/main']);
  expect(github.state.pulls.size).toBe(0);
  expect(github.state.reviews).toEqual([]);
  expect(github.problems).toEqual([]);
  expect(s.artifacts.problems).toEqual([]);
}

describe('artifacts must be of the issue and run that started the publish', () => {
  test('artifacts claiming issue #8 in a publish for issue #7: nothing is pushed, nothing commented anywhere', async () => {
    const s = await scenario({ issue: 8, seed: { issues: [issueSeed(ISSUE), issueSeed(8)] } });
    const result = await publish(s);
    expect(result.status).toBe('invalid');
    expect(result.error).toContain('ensemble-plan (plan.json) is not this run');
    expect(result.error).toContain('it is for issue #8, but this publish was started for issue #7');
    expect(writes(s.github)).toEqual([]);
    expect(lockWrites(s.github)).toEqual([]);
    expectNothingPublished(s);
    expect(s.github.state.comments.map((c) => c.body)).toEqual([FIRST_COMMENT, FIRST_COMMENT]);
    expect(result.summary).toContain('The tracking comment was not updated');
    expect(result.document.commentId).toBeNull();
  }, 60_000);

  test('a plan of another workflow run is refused, naming both runs', async () => {
    const s = await scenario();
    const result = await publish(s, { expected: { runId: '9999', issue: ISSUE } });
    expect(result.status).toBe('invalid');
    expect(result.error).toContain(`it is of workflow run ${RUN_ID}, but this publish runs in workflow run 9999`);
    expect(writes(s.github)).toEqual([]);
    expectNothingPublished(s);
    expect(trackingComments(s.github)[0]!.body).toBe(FIRST_COMMENT);
  }, 60_000);
});

describe('the issue is read again just before the first write', () => {
  test('closed meanwhile: no branch, pull request or review; the tracking comment says why', async () => {
    const s = await scenario({ seed: { issues: [issueSeed(ISSUE, { state: 'closed' })] } });
    const result = await publish(s);
    expect(result.status).toBe('stopped');
    expect(result.error).toContain(`issue #${ISSUE} was closed while this run was under way`);
    expect(writes(s.github)).toEqual(['PATCH issues/update-comment']);
    expect(lockWrites(s.github)).toEqual(LOCK_WRITES);
    expectNothingPublished(s);
    const comments = trackingComments(s.github);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('ensemble stopped before publishing');
    expect(comments[0]!.body).toContain('was closed while this run was under way');
  }, 60_000);

  test('locked meanwhile: nothing is written to it at all, and the step summary says so', async () => {
    const s = await scenario({ seed: { issues: [issueSeed(ISSUE, { state: 'closed', locked: 'too heated' })] } });
    const result = await publish(s);
    expect(result.status).toBe('stopped');
    expect(result.error).toContain(`issue #${ISSUE} was locked (too heated) while this run was under way`);
    expect(writes(s.github)).toEqual([]);
    expect(lockWrites(s.github)).toEqual(LOCK_WRITES);
    expectNothingPublished(s);
    expect(trackingComments(s.github)[0]!.body).toBe(FIRST_COMMENT);
    expect(result.summary).toContain(`The tracking comment was not updated: issue #${ISSUE} is locked`);
  }, 60_000);
});

describe('one publish per issue at a time', () => {
  test('two overlapping publishes: the second waits for the first; one review, one tracking comment', async () => {
    const s = await scenario();
    const results = await Promise.all([publish(s), publish(s)]);
    expect(results.map((r) => r.status)).toEqual(['published', 'published']);
    expect(s.github.state.pulls.size).toBe(1);
    expect(s.github.state.reviews).toHaveLength(1);
    expect(trackingComments(s.github)).toHaveLength(1);
    expect(s.github.state.refs.has(LOCK_REF)).toBe(false);
    expect(s.github.problems).toEqual([]);
  }, 120_000);

  test('a lock another publish holds: this one stops after waiting, writing nothing but its summary', async () => {
    const s = await scenario();
    const held = plantLock(s, 1);
    const result = await publish(s, { lockTiming: { waitMs: 200 } });
    expect(result.status).toBe('stopped');
    expect(result.error).toContain(
      `another publish (https://github.com/${OWNER}/${REPO}/actions/runs/1111) has been writing to ensemble/issue-7`,
    );
    expect(result.summary).toContain('The tracking comment was not updated: another publish is writing to this issue');
    // Its own lock commit, and attempts to create the ref that GitHub refused.
    expect(writes(s.github)).toEqual([]);
    expect(new Set(lockWrites(s.github))).toEqual(new Set(['POST git/create-commit 201', 'POST git/create-ref 422']));
    expect(s.github.state.refs.get(LOCK_REF)).toBe(held);
    expect(s.github.state.pulls.size).toBe(0);
    expect(trackingComments(s.github)[0]!.body).toBe(FIRST_COMMENT);
    expect(s.github.problems).toEqual([]);
  }, 60_000);

  test("a lock older than the publish job's limit is taken over, saying so, and released", async () => {
    const s = await scenario();
    plantLock(s, 20);
    const result = await publish(s, { lockTiming: { waitMs: 0 } });
    expect(result.status).toBe('published');
    expect(result.outcome.notes.join('\n')).toMatch(
      /took over the publish lock refs\/ensemble\/locks\/issue-7 of .*runs\/1111, taken .* \(20 minutes ago/,
    );
    expect(trackingComments(s.github)[0]!.body).toContain('took over the publish lock');
    expect(s.github.state.refs.has(LOCK_REF)).toBe(false);
    expect(s.github.problems).toEqual([]);
  }, 60_000);
});

describe('bounded extraction', () => {
  test('a review artifact that is a zip bomb is an invalid artifact: nothing published, the comment says so', async () => {
    const s = await scenario({ omit: ['ensemble-review-security'] });
    const bomb = buildZip([{ name: 'review.json', contents: Buffer.alloc(64 * 1024 * 1024) }]);
    await uploadRawArtifact(s.artifacts, 'ensemble-review-security', bomb);
    const result = await publish(s);
    expect(result.status).toBe('invalid');
    expect(result.error).toContain(
      'artifact ensemble-review-security was not extracted: it would unpack to more than 32.0 MiB',
    );
    expectNothingPublished(s);
    expect(trackingComments(s.github)[0]!.body).toContain('ensemble-review-security');
  }, 60_000);
});
