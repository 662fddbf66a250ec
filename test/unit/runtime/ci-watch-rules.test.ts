/**
 * The rules of ensemble's CI watch that need no API: which checks it waits for, whether
 * `/ensemble stop` stopped the repairs on a pull request, and the issue of a branch.
 */
import { describe, expect, test } from 'vitest';
import { defaultConfig, type EnsembleConfig } from '../../../src/contracts/config.ts';
import type { HeadCheck } from '../../../src/github/checks.ts';
import { followUpMarkerOf } from '../../../src/publish/follow-up.ts';
import { marker } from '../../../src/render/marker.ts';
import { checksWaitedFor, issueOf, REPAIRS_STOPPED, repairsStopped } from '../../../src/runtime/actions/ci-watch.ts';
import type { IssueComments } from '../../../src/runtime/actions/run-control.ts';

function check(name: string, overrides: Partial<HeadCheck> = {}): HeadCheck {
  return {
    name,
    kind: 'check-run',
    status: 'completed',
    conclusion: 'failure',
    required: false,
    url: `https://github.com/octo-org/widgets/runs/${name.length}`,
    checkRunId: 100 + name.length,
    workflow: { name: 'CI', runId: 9012345678 },
    app: 'github-actions',
    ...overrides,
  };
}

function ci(overrides: Partial<EnsembleConfig['ci']> = {}): EnsembleConfig['ci'] {
  return { ...defaultConfig().ci, ...overrides };
}

const names = (checks: readonly HeadCheck[]) => checks.map((c) => c.name);

describe('checksWaitedFor', () => {
  const checks = [
    check('build', { required: true }),
    check('test', { required: true }),
    check('lint'),
    check('coverage', { kind: 'status', checkRunId: null, workflow: null, app: null }),
  ];

  test('by default (ci.checks: required) only the checks the base branch requires', () => {
    expect(defaultConfig().ci.checks).toBe('required');
    expect(names(checksWaitedFor(checks, ci()))).toEqual(['build', 'test']);
  });

  test('every check when the base branch requires none', () => {
    const none = checks.map((c) => ({ ...c, required: false }));
    expect(names(checksWaitedFor(none, ci({ checks: 'required' })))).toEqual(['build', 'test', 'lint', 'coverage']);
  });

  test('ci.checks: all waits for every check, required or not', () => {
    expect(names(checksWaitedFor(checks, ci({ checks: 'all' })))).toEqual(['build', 'test', 'lint', 'coverage']);
  });

  test('ci.ignore leaves checks out, required or not, and under either setting', () => {
    expect(names(checksWaitedFor(checks, ci({ checks: 'all', ignore: ['lint', 'coverage'] })))).toEqual([
      'build',
      'test',
    ]);
    expect(names(checksWaitedFor(checks, ci({ ignore: ['test'] })))).toEqual(['build']);
  });

  test('ignoring every check the base requires leaves none to wait for: the base still requires some', () => {
    // Not every other check: an optional check failing would then start repairs the settings never asked for.
    expect(names(checksWaitedFor(checks, ci({ ignore: ['build', 'test'] })))).toEqual([]);
  });
});

type Comment = { body: string; type: 'Bot' | 'User'; login?: string };

/** Issue comments as GitHub lists them, oldest first (only the fields the rules read, and an id). */
function comments(...list: Comment[]): IssueComments {
  return list.map((c, i) => ({
    id: 1_000 + i,
    body: c.body,
    html_url: `https://github.com/octo-org/widgets/pull/42#issuecomment-${1_000 + i}`,
    user: { login: c.login ?? (c.type === 'Bot' ? 'github-actions[bot]' : 'mona'), type: c.type },
  })) as unknown as IssueComments;
}

const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

/** ensemble's reply to `/ensemble stop` on the pull request (`replyTo` with the stop's marker). */
const stopReply: Comment = {
  type: 'Bot',
  body: `${marker('reply', { to: 'issue-comment-501' })}\n${REPAIRS_STOPPED}\nensemble, as your issue comment asked: stopped.`,
};
/** The follow-up comment of a fix a person asked for (`/ensemble fix`): its marker names no head. */
const personFollowUp: Comment = {
  type: 'Bot',
  body: `${followUpMarkerOf('8200000001', 'issue-comment-502')}\n\n### ensemble follow-up: \`/ensemble fix\` by @mona`,
};
/** The follow-up comment of a CI repair: its marker names the head and the failures. */
const ciFollowUp: Comment = {
  type: 'Bot',
  body: `${followUpMarkerOf('8200000002', 'workflow-run-9012345678', { headSha: HEAD, signature: 'C0123456789ab' })}\n\n### ensemble follow-up: CI repair 1/3`,
};

describe('repairsStopped', () => {
  test('no stop on the pull request: repairs go on', () => {
    expect(repairsStopped(comments())).toBe(false);
    expect(repairsStopped(comments(ciFollowUp, personFollowUp))).toBe(false);
  });

  test("ensemble's reply to /ensemble stop stops them", () => {
    expect(repairsStopped(comments(personFollowUp, stopReply))).toBe(true);
  });

  test('a fix a person asked for after the stop resumes them', () => {
    expect(repairsStopped(comments(stopReply, personFollowUp))).toBe(false);
  });

  test("a CI repair's own follow-up comment after the stop does not resume them", () => {
    expect(repairsStopped(comments(stopReply, ciFollowUp))).toBe(true);
  });

  test('a stop after the resuming fix stops them again', () => {
    expect(repairsStopped(comments(stopReply, personFollowUp, stopReply))).toBe(true);
  });

  test("a person's comment that pastes the stop's marker stops nothing", () => {
    const pasted: Comment = { type: 'User', body: `please do not\n${REPAIRS_STOPPED}` };
    expect(repairsStopped(comments(pasted))).toBe(false);
    expect(repairsStopped(comments(personFollowUp, pasted))).toBe(false);
  });

  test("a person's comment that pastes a follow-up marker after a stop does not resume them", () => {
    const pasted: Comment = { type: 'User', body: personFollowUp.body };
    expect(repairsStopped(comments(stopReply, pasted))).toBe(true);
  });
});

describe('issueOf', () => {
  test("an ensemble/issue-<n> branch names issue n, whose tracking comment shows the watch's rows", () => {
    expect(issueOf('ensemble/issue-7')).toBe(7);
    expect(issueOf('ensemble/issue-1234')).toBe(1234);
  });

  test('any other branch names no issue', () => {
    for (const branch of ['ensemble/issue-', 'ensemble/issue-7-retry', 'ensemble/issue-7/x', 'issue-7', 'main']) {
      expect(issueOf(branch), branch).toBeNull();
    }
  });
});
