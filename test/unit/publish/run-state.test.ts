/**
 * The stored state of a published run (`refs/ensemble/state/<branch>`), written and read through
 * the Git Data API of the OpenAPI-checked GitHub fake.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { createOctokit } from '../../../src/github/octokit.ts';
import type { SafeOutputsOptions } from '../../../src/publish/policy.ts';
import {
  type RunState,
  RunStateError,
  readRunState,
  stateRefFor,
  writeRunState,
} from '../../../src/publish/run-state.ts';
import { validFinding, validPlan, validReview, validTestReport } from '../../support/documents.ts';
import { type GitHubFake, startGitHubFake } from '../../support/github-fake.ts';

const REPO = { owner: 'octo-org', repo: 'demo' };
const BRANCH = 'ensemble/issue-42';
const REF = 'refs/ensemble/state/issue-42';
/** A secret the publish step was given, built at run time. */
const SECRET = `sk-${'statesecret'.repeat(3)}`;
const POLICY: SafeOutputsOptions = {
  protectedPaths: [],
  maxPatchBytes: 1_000_000,
  maxFiles: 300,
  allowedHost: 'github.com',
  secretValues: [{ name: 'MODEL_API_KEY', value: SECRET }],
};

const fakes: GitHubFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function setup() {
  const fake = await startGitHubFake();
  fakes.push(fake);
  const octokit = createOctokit({ token: 'test-token', baseUrl: fake.url, secondMs: 1 });
  return { fake, octokit };
}

function state(): RunState {
  return {
    plan: validPlan(),
    test: validTestReport(),
    reviews: [
      validReview({ findings: [validFinding({ id: 'F0000000001' })] }),
      validReview({ lens: 'security', verdict: 'approve', findings: [] }),
    ],
  };
}

/** The files of the commit `sha` in the fake, path → text. */
function filesOf(fake: GitHubFake, sha: string): Map<string, string> {
  const { git } = fake.state;
  const files = git.flatten(git.commits.get(sha)!.tree);
  return new Map([...files].map(([path, entry]) => [path, git.blobs.get(entry.sha)!.toString('utf8')]));
}

describe('writeRunState and readRunState', () => {
  test('the ref is named after the branch', () => {
    expect(stateRefFor(BRANCH)).toBe(REF);
    expect(stateRefFor('ensemble/team/issue-9')).toBe('refs/ensemble/state/team-issue-9');
  });

  test('what is written reads back document for document, a file each, with the ref at the commit', async () => {
    const { fake, octokit } = await setup();
    const written = await writeRunState(octokit, REPO, BRANCH, state(), POLICY);
    expect('commit' in written).toBe(true);
    const commit = (written as { commit: string }).commit;
    expect(fake.state.refs.get(REF)).toBe(commit);
    expect([...filesOf(fake, commit).keys()].sort()).toEqual([
      'plan.json',
      'reviews/correctness.json',
      'reviews/security.json',
      'test.json',
    ]);
    expect(fake.state.git.commits.get(commit)!.parents).toEqual([]);

    const read = await readRunState(octokit, REPO, BRANCH);
    expect(read).toEqual({ commit, state: state() });
    expect(fake.problems).toEqual([]);
  });

  test('a state without a test report reads back with test null', async () => {
    const { octokit } = await setup();
    await writeRunState(octokit, REPO, BRANCH, { ...state(), test: null }, POLICY);
    expect((await readRunState(octokit, REPO, BRANCH))?.state.test).toBeNull();
  });

  test('the same state again (a re-run of the publish) writes nothing: the ref stays where it is', async () => {
    const { fake, octokit } = await setup();
    const first = await writeRunState(octokit, REPO, BRANCH, state(), POLICY);
    const requests = fake.requests.length;
    const again = await writeRunState(octokit, REPO, BRANCH, state(), POLICY);
    expect(again).toEqual(first);
    expect(fake.requests.slice(requests).filter((r) => r.method !== 'GET')).toEqual([]);
    expect(fake.state.refs.get(REF)).toBe((first as { commit: string }).commit);
  });

  test('a changed state is a new commit on top of the last, and reads back as the new state', async () => {
    const { fake, octokit } = await setup();
    const first = (await writeRunState(octokit, REPO, BRANCH, state(), POLICY)) as { commit: string };
    const changed = { ...state(), reviews: [validReview({ findings: [] })] };
    const second = (await writeRunState(octokit, REPO, BRANCH, changed, POLICY)) as { commit: string };
    expect(second.commit).not.toBe(first.commit);
    expect(fake.state.refs.get(REF)).toBe(second.commit);
    expect(fake.state.git.commits.get(second.commit)!.parents).toEqual([first.commit]);
    // A lens that is no longer reviewed is no longer in the state.
    expect(filesOf(fake, second.commit).has('reviews/security.json')).toBe(false);
    expect((await readRunState(octokit, REPO, BRANCH))?.state).toEqual(changed);
    expect(fake.problems).toEqual([]);
  });

  test("a document holding one of the step's secrets is refused, and nothing is written", async () => {
    const { fake, octokit } = await setup();
    const leaking = { ...state(), plan: validPlan({ summary: `Use the key ${SECRET} for the API.` }) };
    const written = await writeRunState(octokit, REPO, BRANCH, leaking, POLICY);
    expect(written).toEqual({ refused: expect.stringContaining('MODEL_API_KEY') });
    expect((written as { refused: string }).refused).toContain('stored state plan.json');
    expect((written as { refused: string }).refused).not.toContain(SECRET);
    expect(fake.state.refs.has(REF)).toBe(false);
    const writes = fake.requests.filter((r) => r.method !== 'GET');
    expect(writes).toEqual([]);
  });

  test('code with more than ten @-words in a finding (decorators, JSDoc tags) is stored: nobody is notified of a git object', async () => {
    const { fake, octokit } = await setup();
    const tags = ['param', 'returns', 'throws', 'example', 'deprecated', 'see', 'type', 'typedef', 'property'];
    const suggestion = [...tags, 'template', 'async', 'since'].map((tag) => ` * @${tag} x`).join('\n');
    const documented = { ...state(), reviews: [validReview({ findings: [validFinding({ suggestion })] })] };
    const written = await writeRunState(octokit, REPO, BRANCH, documented, POLICY);
    expect(written).toEqual({ commit: fake.state.refs.get(REF) });
    expect((await readRunState(octokit, REPO, BRANCH))?.state).toEqual(documented);
  });

  test('a branch without stored state reads as null', async () => {
    const { octokit } = await setup();
    expect(await readRunState(octokit, REPO, BRANCH)).toBeNull();
  });

  test('a stored document that does not validate: RunStateError naming the ref, the commit and the file', async () => {
    const { fake, octokit } = await setup();
    await writeRunState(octokit, REPO, BRANCH, state(), POLICY);
    // Someone pushed to the ref by hand: the correctness review lost its verdict.
    const broken = { ...validReview(), verdict: 'maybe' };
    const { data: blob } = await octokit.rest.git.createBlob({ ...REPO, content: JSON.stringify(broken) });
    const base = fake.state.git.commits.get(fake.state.refs.get(REF)!)!;
    const { data: tree } = await octokit.rest.git.createTree({
      ...REPO,
      base_tree: base.tree,
      tree: [{ path: 'reviews/correctness.json', mode: '100644', type: 'blob', sha: blob.sha }],
    });
    const { data: commit } = await octokit.rest.git.createCommit({
      ...REPO,
      message: 'by hand',
      tree: tree.sha,
      parents: [fake.state.refs.get(REF)!],
    });
    fake.state.refs.set(REF, commit.sha);

    const read = readRunState(octokit, REPO, BRANCH);
    await expect(read).rejects.toThrow(RunStateError);
    const message = await readRunState(octokit, REPO, BRANCH).catch((error: Error) => error.message);
    expect(message).toMatch(
      new RegExp(`^${REF} \\(commit ${commit.sha}\\) holds an invalid reviews/correctness\\.json \\(\\$\\.verdict: `),
    );
    expect(message).toMatch(/\. Delete the ref to start over: a follow-up run then needs a new run on the issue$/);
    // Re-running the review stage cannot mend a stored state: the message does not say to.
    expect(message).not.toMatch(/re-run the review stage/i);
  });

  test('a state commit without plan.json: RunStateError naming the ref and the file', async () => {
    const { fake, octokit } = await setup();
    const { data: blob } = await octokit.rest.git.createBlob({ ...REPO, content: '{}' });
    const { data: tree } = await octokit.rest.git.createTree({
      ...REPO,
      tree: [{ path: 'test.json', mode: '100644', type: 'blob', sha: blob.sha }],
    });
    const { data: commit } = await octokit.rest.git.createCommit({
      ...REPO,
      message: 'x',
      tree: tree.sha,
      parents: [],
    });
    fake.state.refs.set(REF, commit.sha);
    await expect(readRunState(octokit, REPO, BRANCH)).rejects.toThrow(
      new RegExp(`^${REF} \\(commit ${commit.sha}\\) holds no plan\\.json$`),
    );
  });
});
