/**
 * `publishFollowUp` in process, against the OpenAPI-checked GitHub fake and the artifact service
 * fake: pull request #1 on `ensemble/issue-7` with one of ensemble's findings in a thread and one
 * thread a maintainer opened; a follow-up run whose one fix round settles both. The branches the
 * end-to-end test (`test/workflow/follow-up-sim.test.ts`) does not reach: a branch that moved while
 * the fix ran, a re-run of the same publish, and a person's thread answered but left open.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { RunDirectory } from '../../../src/artifacts/run-directory.ts';
import { defaultConfig } from '../../../src/contracts/config.ts';
import type { FollowUpDocument } from '../../../src/contracts/follow-up.ts';
import type { Finding, RunIdentity } from '../../../src/contracts/index.ts';
import { createOctokit, type GitHubClient } from '../../../src/github/octokit.ts';
import { listReviewThreads } from '../../../src/github/threads.ts';
import { personFindingId, prepareFollowUpRun } from '../../../src/pipeline/follow-up.ts';
import { type FollowUpResult, publishFollowUp } from '../../../src/publish/follow-up.ts';
import { stateRefFor } from '../../../src/publish/run-state.ts';
import { findingMarker, findMarker } from '../../../src/render/marker.ts';
import { ActionsArtifactStore } from '../../../src/runtime/actions/artifacts.ts';
import type { Harness } from '../../support/actions-harness.ts';
import { type ArtifactFake, startArtifactFake } from '../../support/artifact-fake.ts';
import {
  CONFIG_HASH,
  validFinding,
  validFix,
  validPlan,
  validRequest,
  validReview,
  validRun,
  validTestReport,
} from '../../support/documents.ts';
import { isolateGit } from '../../support/git-fixture.ts';
import type { GitHubFake } from '../../support/github-fake.ts';
import { mirrorBranchesToOrigin } from '../../support/origin-mirror.ts';
import { createOrigin, git, ISSUE, OWNER, REPO, startGitHubAt, TOKEN } from '../../support/publish-fixtures.ts';

const BRANCH = `ensemble/issue-${ISSUE}`;
const RUN_ID = '5151';
const ENSEMBLE_FINDING = 'F00000000e1';
const GREET = 'src/greet.js';
const BEFORE = "export function greet(name) {\n  return 'Hello ' + name;\n}\n";
const AFTER = "export function greet(name) {\n  return 'Hello, ' + name + '!';\n}\n";
const PERSON_COMMENT = 'Please greet with a comma and an exclamation mark.';
const quiet = { info: () => {}, warn: () => {} };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});
beforeAll(isolateGit);

interface Setup {
  github: GitHubFake;
  artifacts: ArtifactFake;
  octokit: GitHubClient;
  origin: string;
  pull: number;
  headSha: string;
  followUp: FollowUpDocument;
  ensembleThread: () => ReturnType<GitHubFake['threads']>[number];
  personThread: () => ReturnType<GitHubFake['threads']>[number];
  publish: () => Promise<FollowUpResult>;
}

/** `git diff` from `from` to the tree of `commit` with `files` written over it. */
function changeWith(origin: string, from: string, commit: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'follow-up-change-'));
  git(origin, ['worktree', 'add', '-q', '--detach', dir, commit]);
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    git(dir, ['add', '-A']);
    return git(dir, ['diff', '--cached', from]);
  } finally {
    git(origin, ['worktree', 'remove', '--force', dir]);
  }
}

/** The artifact client logs each request to stdout as a workflow command: kept out of the test's output. */
async function quietStdout<T>(run: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await run();
  } finally {
    process.stdout.write = write;
  }
}

/** Uploads every artifact of `dir` to the artifact fake, as the respond and fix jobs would have. */
async function uploadAll(store: ActionsArtifactStore, dir: RunDirectory): Promise<void> {
  await quietStdout(async () => {
    for (const name of readdirSync(join(dir.dir, 'artifacts')).sort()) {
      await store.uploadArtifact(name, join(dir.dir, 'artifacts', name));
    }
  });
}

/** `reReview`: what the correctness lens's re-review of the round finds (nothing by default). */
async function setup(reReview: Finding[] = [], fixFiles: Record<string, string> = { [GREET]: AFTER }): Promise<Setup> {
  const { origin, baseSha } = createOrigin();
  const github = await startGitHubAt(origin, baseSha, { collaborators: { maintainer: 'write' } });
  const artifacts = await startArtifactFake();
  closers.push(
    () => github.close(),
    () => artifacts.close(),
  );
  const octokit = createOctokit({ token: TOKEN, baseUrl: github.url, secondMs: 1 });
  const repo = { owner: OWNER, repo: REPO };

  // The pull request the first run opened, with its finding in a thread and a maintainer's comment.
  github.state.refs.set(`refs/heads/${BRANCH}`, baseSha);
  const headSha = github.pushAsPerson({
    branch: BRANCH,
    files: { [GREET]: BEFORE },
    message: 'Add greet',
    author: 'maintainer',
  });
  const { data: pr } = await octokit.rest.pulls.create({ ...repo, head: BRANCH, base: 'main', title: 'Greet' });
  await octokit.rest.pulls.createReview({
    ...repo,
    pull_number: pr.number,
    commit_id: headSha,
    event: 'COMMENT',
    body: 'ensemble review',
    comments: [{ path: GREET, line: 2, body: `${findingMarker(ENSEMBLE_FINDING)}\n**Concatenated greeting**` }],
  });
  github.addReviewThread({ pull: pr.number, author: 'maintainer', path: GREET, line: 1, body: PERSON_COMMENT });
  mirrorBranchesToOrigin({ github, origin } as Harness);

  // The respond job: the stored state of the first run and the threads, as the follow-up's first pass.
  const firstRun = validRun({ repository: `${OWNER}/${REPO}`, runId: '4242', issue: ISSUE, baseSha });
  const run: RunIdentity = { ...firstRun, runId: RUN_ID, configHash: CONFIG_HASH };
  const stored = validReview({
    run: firstRun,
    lens: 'correctness',
    findings: [
      validFinding({ id: ENSEMBLE_FINDING, path: GREET, line: 2, endLine: null, title: 'Concatenated greeting' }),
    ],
  });
  const threads = await listReviewThreads(octokit, repo, pr.number);
  const dir = RunDirectory.at(mkdtempSync(join(tmpdir(), 'follow-up-run-')));
  const followUp = prepareFollowUpRun(dir, {
    run,
    state: {
      commit: 'c'.repeat(40),
      plan: validPlan({ run: firstRun, request: validRequest({ issue: ISSUE }) }),
      test: validTestReport({ run: firstRun }),
      reviews: [stored],
    },
    change: changeWith(origin, baseSha, headSha, {}),
    pull: { number: pr.number, branch: BRANCH, headSha, url: pr.html_url },
    trigger: {
      event: 'issue_comment',
      author: 'maintainer',
      via: 'command',
      source: { kind: 'issue-comment', id: 77 },
    },
    instructions: null,
    threads: threads.map((t) => ({
      ...t,
      findingId: findMarker(t.comments[0]?.body ?? '', 'finding')?.fields['id'] ?? null,
    })),
    canWrite: (login) => login === 'maintainer',
    blockOn: 'high',
  });
  const personId = personFindingId(threads.find((t) => t.comments[0]?.body === PERSON_COMMENT)!.id);
  expect(followUp.threads.map((t) => t.findingId).sort()).toEqual([ENSEMBLE_FINDING, personId].sort());

  // The fix job: one round that settles both findings, re-tested (passing) and re-reviewed (clean).
  const fix = validFix({
    run,
    round: 1,
    commitMessage: 'Greet with a comma',
    findings: [
      { id: ENSEMBLE_FINDING, source: 'correctness', severity: 'high', path: GREET, line: 2, title: 'Concatenated' },
      { id: personId, source: 'human', severity: 'high', path: GREET, line: 1, title: PERSON_COMMENT },
    ],
    filesChanged: [GREET],
  });
  dir.writeFix({ document: fix, patch: changeWith(origin, headSha, headSha, fixFiles) });
  const round = dir.round(1);
  round.writeTest({
    document: validTestReport({ run, status: 'passed', exitCode: 0, passed: 42, failed: 0, failures: [] }),
    patch: changeWith(origin, baseSha, headSha, fixFiles),
  });
  round.writeReviews(
    defaultConfig().review.lenses.map((lens) =>
      lens === 'correctness' && reReview.length > 0
        ? validReview({ run, lens, verdict: 'request-changes', findings: reReview })
        : validReview({ run, lens, verdict: 'approve', findings: [] }),
    ),
  );
  const uploader = new ActionsArtifactStore({ runtimeToken: artifacts.tokenFor(), resultsUrl: artifacts.url });
  await uploadAll(uploader, dir);

  const find = (pred: (body: string) => boolean) => () =>
    github.threads(pr.number).find((t) => pred(t.comments[0]?.body ?? ''))!;
  const publish = () =>
    quietStdout(() =>
      publishFollowUp(
        {
          octokit,
          repo,
          repoDir: origin,
          artifacts: new ActionsArtifactStore({ runtimeToken: artifacts.tokenFor(), resultsUrl: artifacts.url }),
          runDir: RunDirectory.at(mkdtempSync(join(tmpdir(), 'follow-up-publish-'))),
          config: defaultConfig(),
          configPath: '.github/ensemble.yml',
          secretValues: [],
          serverUrl: 'https://github.com',
          runUrl: `https://github.com/${OWNER}/${REPO}/actions/runs/${RUN_ID}`,
          runId: RUN_ID,
          lockTiming: { waitMs: 0, pollMs: 1 },
          log: quiet,
        },
        followUp,
      ),
    );
  return {
    github,
    artifacts,
    octokit,
    origin,
    pull: pr.number,
    headSha,
    followUp,
    ensembleThread: find((body) => body.includes(findingMarker(ENSEMBLE_FINDING))),
    personThread: find((body) => body === PERSON_COMMENT),
    publish,
  };
}

/**
 * Every write but the publish lock's own (its commit and ref, which every publish takes and
 * releases): commits, blobs, trees, refs, reviews, replies, resolutions, comments.
 */
function visibleWrites(github: GitHubFake): string[] {
  return github.requests
    .filter((r) => r.method !== 'GET' && r.status < 400 && r.operation !== 'graphql/ReviewThreads')
    .filter((r) => !isLock(r.path, r.body))
    .map((r) => `${r.operation} ${r.path}`);
}

/** The publish lock's own writes (its commit and ref), which every publish makes and releases. */
function isLock(path: string, body: unknown): boolean {
  const text = `${path} ${JSON.stringify(body ?? {})}`;
  return text.includes('ensemble/lock') || text.includes('publish lock');
}

const headOf = (github: GitHubFake) => github.state.refs.get(`refs/heads/${BRANCH}`)!;
const followUpComments = (github: GitHubFake) =>
  github.state.comments.filter((c) => c.body.includes('ensemble:follow-up'));

describe('publishFollowUp', () => {
  test('the round is pushed on the head, both threads answered, ensemble resolves its own and leaves the person theirs', async () => {
    const s = await setup();
    const result = await s.publish();
    expect(result.error).toBeNull();
    expect(result.status).toBe('published');

    const head = s.github.state.git.commits.get(headOf(s.github))!;
    expect(head.parents).toEqual([s.headSha]);
    expect(head.message).toContain('Greet with a comma');
    const files = s.github.state.git.flatten(head.tree);
    expect(s.github.state.git.blobs.get(files.get(GREET)!.sha)!.toString('utf8')).toBe(AFTER);

    const ours = s.ensembleThread();
    expect(ours.resolved).toBe(true);
    expect(ours.comments.at(-1)!.body).toContain(`Settled by fix round 1 (${head.sha.slice(0, 12)})`);
    // The maintainer's thread: answered, and theirs to resolve.
    const theirs = s.personThread();
    expect(theirs.comments).toHaveLength(2);
    expect(theirs.comments[1]!.body).toContain(`Addressed by fix round 1 (${head.sha.slice(0, 12)})`);
    expect(theirs.comments[1]!.body).toContain('Please check it and resolve the thread');
    expect(theirs.resolved).toBe(false);
    expect(s.github.calls('graphql/ResolveReviewThread')).toHaveLength(1);

    expect(followUpComments(s.github)).toHaveLength(1);
    expect(result.comment).toContain('Pushed one commit onto');
    expect(s.github.state.refs.has(stateRefFor(BRANCH))).toBe(true);
    expect(s.github.problems).toEqual([]);
    expect(s.artifacts.problems).toEqual([]);
  }, 60_000);

  test('a fix the safe-output policy refuses: nothing pushed or answered, and the comment says why', async () => {
    const s = await setup([], { '.github/workflows/ci.yml': 'on: push\n' });
    const before = headOf(s.github);
    const result = await s.publish();
    expect(result.status).toBe('refused');
    expect(result.error).toContain('.github/workflows/ci.yml');
    expect(headOf(s.github)).toBe(before);
    expect(s.ensembleThread().comments).toHaveLength(1);
    expect(s.ensembleThread().resolved).toBe(false);
    const comments = followUpComments(s.github);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('nothing was pushed');
    expect(comments[0]!.body).toContain('.github/workflows/ci.yml');
  });

  test('a re-run of the same publish writes no second commit, reply, resolution or comment', async () => {
    const s = await setup();
    const first = await s.publish();
    expect(first.status).toBe('published');
    const head = headOf(s.github);
    const state = s.github.state.refs.get(stateRefFor(BRANCH));
    const before = visibleWrites(s.github);
    const replies = s.github.state.reviewComments.length;
    const reviews = s.github.state.reviews.length;
    const comment = followUpComments(s.github)[0]!;

    const again = await s.publish();
    expect(again.error).toBeNull();
    expect(again.written).toContain(`branch unchanged at ${head}`);
    expect(headOf(s.github)).toBe(head);
    expect(s.github.state.refs.get(stateRefFor(BRANCH))).toBe(state);
    expect(s.github.state.reviewComments).toHaveLength(replies);
    expect(s.github.state.reviews).toHaveLength(reviews);
    expect(s.github.calls('graphql/ResolveReviewThread')).toHaveLength(1);
    expect(followUpComments(s.github)).toEqual([comment]);
    expect(s.personThread().comments).toHaveLength(2);
    expect(s.ensembleThread().comments).toHaveLength(2);
    // Nothing at all was written the second time (the stored state neither), but the publish lock.
    expect(visibleWrites(s.github)).toEqual(before);
    expect(before.length).toBeGreaterThan(5);
    expect(s.github.problems).toEqual([]);
  }, 60_000);

  test('an earlier attempt of the same run published other commits: this attempt pushes nothing and keeps its comment', async () => {
    const s = await setup();
    expect((await s.publish()).status).toBe('published');
    // The fix job re-run made another fix: the branch holds a commit of this run that is not this attempt's.
    const earlier = s.github.pushAsPerson({
      branch: BRANCH,
      files: { [GREET]: 'export const greet = () => "other";\n' },
      message: `Another fix\n\nEnsemble-Run: ${RUN_ID}\nEnsemble-Stage: fix\nEnsemble-Round: 1`,
      author: 'maintainer',
    });
    const comment = followUpComments(s.github)[0]!.body;
    const again = await s.publish();
    expect(again.status).toBe('stopped');
    expect(again.error).toContain('an earlier attempt of this workflow run pushed');
    expect(headOf(s.github)).toBe(earlier);
    expect(followUpComments(s.github).map((c) => c.body)).toEqual([comment]);
  }, 60_000);

  test('a branch that moved while the fix ran: stopped, nothing pushed or answered, and the comment says why', async () => {
    const s = await setup();
    const moved = s.github.pushAsPerson({
      branch: BRANCH,
      files: { 'NOTES.md': 'A person pushed this.\n' },
      message: 'Add notes',
      author: 'maintainer',
    });
    const result = await s.publish();
    expect(result.status).toBe('stopped');
    expect(result.error).toContain(
      `the branch ${BRANCH} moved from ${s.headSha.slice(0, 12)} to ${moved.slice(0, 12)} while the fix ran`,
    );
    expect(headOf(s.github)).toBe(moved);
    expect(s.github.calls('git/create-commit').filter((c) => !isLock(c.path, c.body))).toEqual([]);
    expect(s.github.calls('git/update-ref').filter((c) => !isLock(c.path, c.body))).toEqual([]);
    expect(s.ensembleThread().comments).toHaveLength(1);
    expect(s.ensembleThread().resolved).toBe(false);
    expect(s.personThread().comments).toHaveLength(1);
    expect(s.github.state.refs.has(stateRefFor(BRANCH))).toBe(false);
    expect(s.github.calls('pulls/create-review')).toHaveLength(1);

    const comments = followUpComments(s.github);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('> [!WARNING]');
    expect(comments[0]!.body).toContain('Ask again with `/ensemble fix` to fix on top of the new head');
    // It does not claim a push, nor name a commit GitHub does not have.
    expect(comments[0]!.body).not.toContain('Pushed');
    expect(comments[0]!.body).toContain('Nothing was pushed.');
    // The step summary gets the comment as posted.
    expect(result.comment).toBe(comments[0]!.body);
    expect(result.written).toEqual(['comment: created']);
    expect(s.github.problems).toEqual([]);
  }, 60_000);

  test('a finding the re-review still reports stays in its thread, unanswered and open; only a new one is posted', async () => {
    const placed = { path: GREET, endLine: null, severity: 'high' as const, suggestion: null };
    const still = validFinding({
      ...placed,
      id: ENSEMBLE_FINDING,
      line: 2,
      title: 'Concatenated greeting',
      quote: AFTER.split('\n')[1]!,
    });
    const fresh = validFinding({
      ...placed,
      id: 'F00000000f2',
      line: 1,
      title: 'greet is not exported by index.js',
      quote: AFTER.split('\n')[0]!,
    });
    const s = await setup([still, fresh]);
    const result = await s.publish();
    expect(result.status).toBe('published');

    const reReview = s.github.state.reviews.filter((r) => r.body.includes('ensemble:review')).at(-1)!;
    expect(reReview.comments.map((c) => findMarker(c.body, 'finding')?.fields['id'])).toEqual(['F00000000f2']);
    expect(
      s.github.threads(s.pull).filter((t) => t.comments[0]?.body.includes(findingMarker(ENSEMBLE_FINDING))),
    ).toHaveLength(1);
    expect(s.ensembleThread().comments).toHaveLength(1);
    expect(s.ensembleThread().resolved).toBe(false);
    // The maintainer's comment, which the round settled, is answered still.
    expect(s.personThread().comments).toHaveLength(2);
    expect(s.github.calls('graphql/ResolveReviewThread')).toEqual([]);
    expect(s.github.problems).toEqual([]);
  }, 60_000);
});
