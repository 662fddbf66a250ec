/**
 * `waitForChecks`: whether the repository's checks started on the head publish pushed, read from a
 * scripted GitHub (one answer per read) on a fake clock, so that no test sleeps; and the note
 * each outcome gives the reader.
 */
import { describe, expect, test } from 'vitest';
import type { CiWorkflowRun, CommitActivity } from '../../../src/github/checks.ts';
import {
  type ChecksStarted,
  checksStartedActivity,
  checksStartedNote,
  waitForChecks,
} from '../../../src/publish/checks-started.ts';
import type { Publisher } from '../../../src/publish/ci-note.ts';

const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);
const GITHUB_TOKEN: Publisher = { kind: 'token', prefix: 'ghs_' };
const PAT: Publisher = { kind: 'token', prefix: 'github_pat_' };
const APP: Publisher = { kind: 'app' };

let nextId = 1;
function run(overrides: Partial<CiWorkflowRun> = {}): CiWorkflowRun {
  const id = nextId++;
  return {
    id,
    name: 'CI',
    workflowId: 77,
    headSha: HEAD,
    headBranch: 'ensemble/issue-7',
    event: 'push',
    status: 'queued',
    conclusion: null,
    attempt: 1,
    url: `https://github.com/o/r/actions/runs/${id}`,
    ...overrides,
  };
}

type Suite = CommitActivity['suites'][number];
function suite(overrides: Partial<Suite> = {}): Suite {
  return { id: nextId++, app: 'some-ci', status: 'queued', conclusion: null, checkRuns: 0, ...overrides };
}

const NOTHING: CommitActivity = { suites: [], workflowRuns: [] };
const EMPTY_SUITES: CommitActivity = {
  suites: [suite({ app: 'dependabot', status: 'requested' }), suite({ app: 'codecov', status: 'queued' })],
  workflowRuns: [],
};
const BASE_WITH_CI: CommitActivity = {
  suites: [suite({ app: 'github-actions', status: 'completed', conclusion: 'success', checkRuns: 3 })],
  workflowRuns: [run({ headSha: BASE, headBranch: 'main', status: 'completed', conclusion: 'success' })],
};

/**
 * A GitHub that answers the head's reads from `head` in order (the last one again once they run
 * out) and the base's with `base`, on a clock that only `sleep` moves.
 */
function scripted(head: (CommitActivity | Error)[], base: CommitActivity | Error = BASE_WITH_CI) {
  let clock = 1_000_000;
  const reads: string[] = [];
  const sleeps: number[] = [];
  let headReads = 0;
  const deps = {
    now: () => clock,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      clock += ms;
    },
    readActivity: async (sha: string) => {
      reads.push(sha);
      const answer = sha === HEAD ? head[Math.min(headReads++, head.length - 1)]! : base;
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return { deps, reads, sleeps, elapsed: () => clock - 1_000_000 };
}

const options = (publisher: Publisher, minutes = 3) => ({ headSha: HEAD, baseSha: BASE, publisher, minutes });

describe('waitForChecks', () => {
  test('a workflow run that appears on the 2nd poll: started, after one sleep of the poll interval', async () => {
    const github = scripted([NOTHING, { suites: [], workflowRuns: [run()] }]);
    const result = await waitForChecks(github.deps, options(GITHUB_TOKEN));
    expect(result).toEqual({ kind: 'started', suites: 0, workflowRuns: 1 });
    // The head, then the base (it has CI: worth the wait), then the head again.
    expect(github.reads).toEqual([HEAD, BASE, HEAD]);
    expect(github.sleeps).toEqual([15_000]);
    expect(checksStartedNote(result, { headSha: HEAD })).toBeNull();
  });

  test('a suite with check runs (CI outside Actions) counts as started; the empty suites beside it do not', async () => {
    const github = scripted([{ suites: [...EMPTY_SUITES.suites, suite({ checkRuns: 2 })], workflowRuns: [] }]);
    expect(await waitForChecks(github.deps, options(PAT))).toEqual({ kind: 'started', suites: 1, workflowRuns: 0 });
  });

  test('only the empty suites GitHub makes for installed apps: not started, the wait goes on to the deadline', async () => {
    const github = scripted([EMPTY_SUITES]);
    const result = await waitForChecks(github.deps, options(APP));
    expect(result.kind).toBe('none');
    expect(github.reads.filter((sha) => sha === HEAD).length).toBeGreaterThan(1);
  });

  test('action_required runs are reported at once, with their names and URLs, and what to do', async () => {
    const waiting = [
      run({ name: 'CI', status: 'completed', conclusion: 'action_required' }),
      run({ name: 'Lint', status: 'completed', conclusion: 'action_required', event: 'pull_request' }),
    ];
    const github = scripted([{ suites: [], workflowRuns: waiting }]);
    const result = await waitForChecks(github.deps, options(APP));
    expect(result).toEqual({
      kind: 'action-required',
      runs: [
        { name: 'CI', url: waiting[0]!.url },
        { name: 'Lint', url: waiting[1]!.url },
      ],
    });
    expect(github.reads).toEqual([HEAD]);
    expect(github.sleeps).toEqual([]);
    const note = checksStartedNote(result, { headSha: HEAD })!;
    expect(note).toContain(`[CI](${waiting[0]!.url})`);
    expect(note).toContain(`[Lint](${waiting[1]!.url})`);
    expect(note).toContain('Approve and run');
    expect(note).toContain('Actions tab');
    expect(note).toContain(
      'Settings → Actions → General → "Approval for running fork pull request workflows from contributors"',
    );
  });

  test('a run name with Markdown or a mention, or a URL that is not a web URL, is shown inert', () => {
    const runs = [
      { name: 'CI @org/team ](javascript:x) [y', url: 'https://github.com/o/r/actions/runs/1' },
      { name: 'Lint', url: 'javascript:alert(1)' },
    ];
    const note = checksStartedNote({ kind: 'action-required', runs }, { headSha: HEAD })!;
    expect(note).toContain('[CI @\u200Borg/team \\](javascript:x) \\[y](https://github.com/o/r/actions/runs/1)');
    expect(note).not.toContain('(javascript:alert');
    expect(note).toContain(', Lint.');
  });

  test('none started and the base has no CI of its own: no-ci at once, without waiting', async () => {
    // ensemble's own run (an `issues` event) has the base as its commit, with a suite of its jobs.
    const ensemblesRun: CommitActivity = {
      suites: [suite({ app: 'github-actions', status: 'in_progress', checkRuns: 2 }), suite({ checkRuns: 0 })],
      workflowRuns: [run({ name: 'ensemble', headSha: BASE, event: 'issues', status: 'in_progress' })],
    };
    const github = scripted([NOTHING], ensemblesRun);
    const result = await waitForChecks(github.deps, options(GITHUB_TOKEN));
    expect(result).toEqual({ kind: 'none', cause: 'no-ci', waitedMinutes: 0 });
    expect(github.reads).toEqual([HEAD, BASE]);
    expect(github.sleeps).toEqual([]);
    const note = checksStartedNote(result, { headSha: HEAD })!;
    expect(note).toContain('runs no checks on its default branch');
    expect(note).toContain('nothing to do');
  });

  test('none started, the base has CI, published with a ghs_ token: github-token, naming the secrets', async () => {
    const github = scripted([NOTHING], BASE_WITH_CI);
    const result = await waitForChecks(github.deps, options(GITHUB_TOKEN));
    expect(result).toEqual({ kind: 'none', cause: 'github-token', waitedMinutes: 3 });
    const note = checksStartedNote(result, { headSha: HEAD })!;
    expect(note).toContain('within 3 minutes');
    expect(note).toContain('GITHUB_TOKEN');
    for (const secret of ['`publish-app-id`', '`publish-app-private-key`', '`publish-token`']) {
      expect(note).toContain(secret);
    }
    expect(note).toContain('docs/github-setup.md, section "CI on ensemble\'s branches"');
  });

  test('a base whose CI is another app than Actions counts as CI too', async () => {
    const base: CommitActivity = { suites: [suite({ app: 'circleci-checks', checkRuns: 1 })], workflowRuns: [] };
    const github = scripted([NOTHING], base);
    expect(await waitForChecks(github.deps, options(GITHUB_TOKEN))).toMatchObject({ cause: 'github-token' });
  });

  test('none started, the base has CI, published with a personal token or an App: unknown, with what to check', async () => {
    for (const publisher of [PAT, APP, { kind: 'token', prefix: 'ghp_' } as Publisher]) {
      const github = scripted([NOTHING], BASE_WITH_CI);
      const result = await waitForChecks(github.deps, options(publisher, 2));
      expect(result).toEqual({ kind: 'none', cause: 'unknown', waitedMinutes: 2 });
      const note = checksStartedNote(result, { headSha: HEAD })!;
      expect(note).toContain('within 2 minutes');
      expect(note).toContain('`on:`');
      expect(note).toContain('`ensemble/*`');
      expect(note).toContain('Actions is disabled');
      expect(note).not.toContain('publish-token');
    }
  });

  test('minutes 0: not-checked without a single read or sleep', async () => {
    const github = scripted([NOTHING]);
    const result = await waitForChecks(github.deps, options(GITHUB_TOKEN, 0));
    expect(result.kind).toBe('not-checked');
    expect(result).toMatchObject({ why: expect.stringContaining('ci.wait-for-checks-minutes is 0') });
    expect(github.reads).toEqual([]);
    expect(github.sleeps).toEqual([]);
  });

  test("a read GitHub refuses: not-checked with GitHub's reason, no more reads, nothing thrown", async () => {
    const github = scripted([NOTHING, new Error('Resource not accessible by integration (403)')]);
    const result = await waitForChecks(github.deps, options(GITHUB_TOKEN));
    expect(result).toEqual({
      kind: 'not-checked',
      why: `the checks of ${HEAD.slice(0, 12)} could not be read: Resource not accessible by integration (403)`,
    });
    expect(github.reads).toEqual([HEAD, BASE, HEAD]);
    const note = checksStartedNote(result, { headSha: HEAD })!;
    expect(note).toContain('did not find out whether checks started');
    expect(note).toContain('Resource not accessible by integration (403)');
  });

  test("the base's read failing is a reason too, and nothing is waited for", async () => {
    const github = scripted([NOTHING], new Error('Bad credentials'));
    const result = await waitForChecks(github.deps, options(PAT, 1));
    expect(result).toMatchObject({ kind: 'not-checked', why: expect.stringContaining('Bad credentials') });
    expect(result).toMatchObject({ why: expect.stringContaining('no check had started') });
    expect(github.sleeps).toEqual([]);
  });

  test('the wait ends at the deadline: one read per poll interval, the last sleep cut to what is left', async () => {
    const github = scripted([NOTHING]);
    const result = await waitForChecks(github.deps, { ...options(APP, 1), pollSeconds: 25 });
    expect(result.kind).toBe('none');
    // The head at 0s, the base once, then the head at 25s, 50s and 60s (the deadline).
    expect(github.reads).toEqual([HEAD, BASE, HEAD, HEAD, HEAD]);
    expect(github.sleeps).toEqual([25_000, 25_000, 10_000]);
    expect(github.elapsed()).toBe(60_000);
  });

  test('the default poll is every 15 seconds: 13 reads of the head over 3 minutes', async () => {
    const github = scripted([NOTHING]);
    await waitForChecks(github.deps, options(APP));
    expect(github.reads.filter((sha) => sha === HEAD)).toHaveLength(13);
    expect(github.elapsed()).toBe(180_000);
  });
});

describe('checksStartedActivity: the line for the tracking comment', () => {
  test('says what was found, for every outcome, started included', () => {
    const line = (result: ChecksStarted) => checksStartedActivity(result, { headSha: HEAD });
    expect(line({ kind: 'started', suites: 1, workflowRuns: 2 })).toBe(
      `checks started on ${HEAD.slice(0, 12)} (2 workflow runs, 1 check suite with check runs)`,
    );
    expect(line({ kind: 'action-required', runs: [{ name: 'CI', url: 'https://x' }] })).toContain(
      'wait for approval: CI',
    );
    expect(line({ kind: 'none', cause: 'github-token', waitedMinutes: 3 })).toContain('GITHUB_TOKEN');
    expect(line({ kind: 'not-checked', why: 'boom' })).toContain('boom');
  });
});
