/**
 * The follow-up module's part in the CI watch: a CI repair's first pass (its failed checks as a
 * review of lens `ci`, at the blocking severity) and the count of blocking findings still open
 * on the pull request, which keeps a green pull request a draft.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ARTIFACTS } from '../../../src/artifacts/names.ts';
import { RunDirectory } from '../../../src/artifacts/run-directory.ts';
import { type CiFailure, ciFindings, describeFailure, failuresSignature } from '../../../src/ci/failure.ts';
import type { CiRepair } from '../../../src/contracts/follow-up.ts';
import {
  type FollowUpStart,
  openBlockingCount,
  prepareFollowUpRun,
  type ThreadOnPull,
} from '../../../src/pipeline/follow-up.ts';
import {
  COMMIT_SHAS,
  validFinding,
  validPlan,
  validReview,
  validRun,
  validTestReport,
} from '../../support/documents.ts';

const WRITERS = new Set(['maya', 'wes']);
const canWrite = (login: string) => WRITERS.has(login);

function ensembleThread(findingId: string, isResolved: boolean): ThreadOnPull {
  return {
    id: `PRRT_${findingId}`,
    findingId,
    isResolved,
    path: 'src/routes/widgets.ts',
    line: 12,
    comments: [
      { id: 100, author: 'github-actions', authorType: 'Bot', body: `<!-- ensemble:finding id=${findingId} -->` },
    ],
  };
}

function personThread(id: string, author: string, isResolved = false): ThreadOnPull {
  return {
    id,
    findingId: null,
    isResolved,
    path: 'src/store.ts',
    line: 33,
    comments: [{ id: 200, author, authorType: 'User', body: 'Please validate the store key.' }],
  };
}

describe('openBlockingCount', () => {
  const reviews = [
    validReview({
      findings: [
        validFinding({ id: 'F0000000001', severity: 'high', title: 'Settled in its thread' }),
        validFinding({ id: 'F0000000002', severity: 'critical', title: 'Open in its thread' }),
        validFinding({ id: 'F0000000003', severity: 'high', title: 'Never placed in a thread', line: null }),
        validFinding({ id: 'F0000000004', severity: 'medium', title: 'Below block-on, thread open' }),
      ],
    }),
  ];
  const threads = [
    ensembleThread('F0000000001', true),
    ensembleThread('F0000000002', false),
    ensembleThread('F0000000004', false),
  ];

  test("ensemble's findings at block-on or above count unless their thread was resolved", () => {
    expect(openBlockingCount(reviews, threads, canWrite, 'high')).toBe(2);
    // A lower block-on makes the medium finding block too.
    expect(openBlockingCount(reviews, threads, canWrite, 'medium')).toBe(3);
  });

  test('resolving a thread settles its finding', () => {
    const resolved = threads.map((t) => ({ ...t, isResolved: true }));
    expect(openBlockingCount(reviews, resolved, canWrite, 'high')).toBe(1);
  });

  test("a writer's unresolved thread counts; a non-writer's, or a resolved one, does not", () => {
    const people = [
      personThread('PRRT_maya', 'maya'),
      personThread('PRRT_mallory', 'mallory'),
      personThread('PRRT_wes_done', 'wes', true),
    ];
    expect(openBlockingCount([], people, canWrite, 'high')).toBe(1);
    expect(openBlockingCount(reviews, [...threads, ...people], canWrite, 'high')).toBe(3);
  });

  test("a non-writer's copy of ensemble's marker neither settles a finding nor counts as a person's", () => {
    const copy: ThreadOnPull = {
      ...ensembleThread('F0000000002', true),
      id: 'PRRT_copy',
      comments: [{ id: 300, author: 'mallory', authorType: 'User', body: '<!-- ensemble:finding id=F0000000002 -->' }],
    };
    // Listed before ensemble's own thread, it would claim the finding if a marker alone counted.
    expect(openBlockingCount(reviews, [copy, ...threads], canWrite, 'high')).toBe(2);
  });

  test('nothing stored and no thread: nothing blocks', () => {
    expect(openBlockingCount([], [], canWrite, 'low')).toBe(0);
  });
});

const HEAD = COMMIT_SHAS[1];

function failures(): CiFailure[] {
  const log = (line: string) =>
    [
      '2026-11-30T10:08:00.0000000Z ##[group]Run npm test',
      '2026-11-30T10:08:01.0000000Z > vitest run',
      `2026-11-30T10:08:09.0000000Z ${line}`,
      '2026-11-30T10:08:09.1000000Z ##[error]Process completed with exit code 1.',
    ].join('\n');
  return [
    describeFailure(
      {
        check: 'test',
        workflow: 'CI',
        workflowPath: '.github/workflows/ci.yml',
        url: 'https://github.com/octo-org/widgets/actions/runs/9012345678/job/1',
        failedSteps: ['Run npm test'],
        log: log('FAIL src/fetcher.test.ts > retries three times'),
        logTruncated: false,
      },
      { maxChars: 3_500 },
    ),
    describeFailure(
      {
        check: 'lint',
        workflow: 'CI',
        workflowPath: '.github/workflows/ci.yml',
        url: 'https://github.com/octo-org/widgets/actions/runs/9012345678/job/2',
        failedSteps: ['Run npm run lint'],
        log: log('src/fetcher.ts:14:3 lint/style/useConst'),
        logTruncated: false,
      },
      { maxChars: 3_500 },
    ),
  ];
}

function ciStart(): FollowUpStart {
  const failed = failures();
  const repair: CiRepair = {
    headSha: HEAD,
    checks: failed.map((f) => f.check),
    signature: failuresSignature(failed),
    attempt: 1,
    maxAttempts: 3,
  };
  // Findings made at a severity below block-on: the review of lens ci raises them to it.
  const findings = ciFindings(failed, {
    severity: 'low',
    changedPaths: ['src/fetcher.ts'],
    workflowPaths: new Map([['CI', '.github/workflows/ci.yml']]),
  });
  return {
    run: validRun({ runId: '5151' }),
    state: {
      commit: 'abcdefabcdefabcdefabcdefabcdefabcdefabcd',
      plan: validPlan(),
      test: validTestReport(),
      reviews: [validReview({ findings: [], verdict: 'approve' })],
    },
    change: 'diff --git a/x b/x\n',
    pull: { number: 42, branch: 'ensemble/issue-7', headSha: HEAD, url: 'https://github.com/octo-org/widgets/pull/42' },
    trigger: { event: 'workflow_run', author: 'CI', via: 'ci', source: { kind: 'workflow-run', id: 9012345678 } },
    instructions: null,
    threads: [],
    canWrite,
    blockOn: 'high',
    ci: { repair, findings },
  };
}

describe('prepareFollowUpRun: a CI repair', () => {
  test('the failed checks are a review of lens ci whose findings block, and follow-up.json carries the repair', () => {
    const start = ciStart();
    const dir = RunDirectory.at(mkdtempSync(join(tmpdir(), 'follow-up-ci-')));
    const returned = prepareFollowUpRun(dir, start);

    // Read back as the fix job reads them: validated.
    const followUp = dir.readDocument('follow-up', ARTIFACTS.followUp, 'follow-up.json');
    expect(returned).toEqual(followUp);
    expect(followUp.ci).toEqual(start.ci!.repair);
    expect(followUp.trigger).toEqual(start.trigger);

    const ci = dir.reviews().find((r) => r.lens === 'ci');
    expect(ci).toBeDefined();
    expect(ci!.verdict).toBe('request-changes');
    expect(ci!.findings.map((f) => f.severity)).toEqual(['high', 'high']);
    expect(ci!.findings.map((f) => f.title)).toEqual(['CI: CI / test failed', 'CI: CI / lint failed']);
    expect(ci!.findings[0]!.body).toContain('retries three times');
    expect(ci!.summary).toBe("2 checks of the repository's CI failed on the pull request's head.");
    // The stored lens's review is carried beside it, and no review of people's comments is made.
    expect(
      dir
        .reviews()
        .map((r) => r.lens)
        .sort(),
    ).toEqual(['ci', 'correctness']);
  });

  test('a wide matrix failing (more checks than the document names) still gives a follow-up.json the fix job reads', () => {
    const start = ciStart();
    const many = Array.from({ length: 60 }, (_, i) => `test (node ${i}, ${'x'.repeat(i === 0 ? 250 : 0)})`);
    const failed = many.map((check) =>
      describeFailure(
        { check, workflow: 'CI', workflowPath: null, url: null, failedSteps: [], log: 'FAIL', logTruncated: false },
        { maxChars: 3_500 },
      ),
    );
    const findings = ciFindings(failed, { severity: 'high', changedPaths: [], workflowPaths: new Map() });
    const repair = { ...start.ci!.repair, checks: many, signature: failuresSignature(failed) };
    const dir = RunDirectory.at(mkdtempSync(join(tmpdir(), 'follow-up-ci-')));
    prepareFollowUpRun(dir, { ...start, ci: { repair, findings } });

    const followUp = dir.readDocument('follow-up', ARTIFACTS.followUp, 'follow-up.json');
    expect(followUp.ci!.checks).toHaveLength(50);
    expect(followUp.ci!.checks.slice(1)).toEqual(many.slice(1, 50));
    expect(followUp.ci!.checks[0]!.length).toBeLessThanOrEqual(200);
    expect(followUp.ci!.signature).toBe(repair.signature);
    // Every failed check is still a finding for the fixing agent.
    expect(dir.reviews().find((r) => r.lens === 'ci')!.findings).toHaveLength(60);
  });

  test('block-on sets the severity of the CI findings', () => {
    const dir = RunDirectory.at(mkdtempSync(join(tmpdir(), 'follow-up-ci-')));
    prepareFollowUpRun(dir, { ...ciStart(), blockOn: 'critical' });
    const ci = dir.reviews().find((r) => r.lens === 'ci')!;
    expect(ci.findings.map((f) => f.severity)).toEqual(['critical', 'critical']);
    expect(ci.verdict).toBe('request-changes');
  });

  test('a follow-up a person asked for has no review of lens ci, and follow-up.json says ci: null', () => {
    const dir = RunDirectory.at(mkdtempSync(join(tmpdir(), 'follow-up-ci-')));
    const start = ciStart();
    prepareFollowUpRun(dir, {
      ...start,
      ci: null,
      trigger: { event: 'issue_comment', author: 'maya', via: 'command', source: { kind: 'issue-comment', id: 3 } },
    });
    expect(dir.reviews().map((r) => r.lens)).toEqual(['correctness']);
    expect(dir.readDocument('follow-up', ARTIFACTS.followUp, 'follow-up.json').ci).toBeNull();
  });
});
