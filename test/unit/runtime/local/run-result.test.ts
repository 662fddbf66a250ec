import { describe, expect, test } from 'vitest';
import { RunResult } from '../../../../src/contracts/run-result.ts';
import type { StageName } from '../../../../src/contracts/stages.ts';
import type { StageRow } from '../../../../src/pipeline/schedule.ts';
import { describeFixLoop } from '../../../../src/review/index.ts';
import { EXIT_CODES } from '../../../../src/runtime/local/exit-codes.ts';
import { type RunFacts, runResult } from '../../../../src/runtime/local/run-result.ts';
import { validFix, validReview, validTestReport } from '../../../support/documents.ts';

const ALL: StageName[] = ['plan', 'code', 'test', 'review', 'docs', 'publish'];
const row = (stage: StageName, status: StageRow['status'] = 'done', detail = ''): StageRow => ({
  stage,
  status,
  durationMs: 1_000,
  tokens: 10,
  costUsd: null,
  detail,
});
const task = (taskId: string, status: 'done' | 'failed' | 'no-change' = 'done', stopReason: string | null = null) => ({
  taskId,
  status,
  summary: `Task ${taskId}.`,
  stopReason,
});
const applied = (taskId: string) => ({ taskId, result: 'applied' as const, conflictingFiles: [], detail: '' });

/** A green run of two tasks with every stage; each test changes what it is about. */
function facts(overrides: Partial<RunFacts> = {}): RunFacts {
  return {
    runId: 'r1',
    runDir: '/repo/.ensemble/runs/r1',
    stages: new Set(ALL),
    rows: ALL.map((s) => row(s)),
    planTasks: ['a', 'b'],
    tasks: [task('a'), task('b')],
    test: {
      status: 'passed',
      command: 'npm test',
      passed: 12,
      failed: 0,
      failures: [],
      integration: [applied('a'), applied('b')],
      fixAttempts: 0,
      summary: 'All green.',
    },
    review: { verdict: 'comment', blockOn: 'high', findings: [{ severity: 'low' }], incomplete: [] },
    blockOn: 'high',
    docs: { status: 'updated', summary: 'README updated.' },
    changeEmpty: false,
    branch: 'ensemble/issue-7',
    prFile: '/repo/.ensemble/runs/r1/pr.md',
    reviewFile: null,
    error: null,
    ...overrides,
  };
}

const failedTests = (failures: { name: string; atBase: boolean | null }[], passed = 1372) => ({
  ...facts().test!,
  status: 'failed' as const,
  passed,
  failed: failures.length,
  fixAttempts: 2,
  failures: failures.map((f) => ({ ...f, excerpt: '' })),
});

describe('the outcome of a local run and its exit code', () => {
  test('a branch with passing tests, every task integrated and a non-blocking review is green: exit 0', () => {
    const result = runResult(facts());
    expect(result).toMatchObject({ outcome: 'green', exitCode: 0, problems: [] });
    expect(result.verdict).toBe('green (exit 0): branch ensemble/issue-7 made; every stage asked for succeeded');
    expect(result.tasks.map((t) => t.result)).toEqual(['integrated', 'integrated']);
    expect(RunResult.parse(result)).toEqual(result);
  });

  test('failing tests after fix rounds: exit 3, with the counts and the failing test named', () => {
    const result = runResult(facts({ test: failedTests([{ name: 'slugify cuts', atBase: false }]) }));
    expect(result.outcome).toBe('not-green');
    expect(result.exitCode).toBe(3);
    expect(result.test).toMatchObject({ status: 'failed', passed: 1372, failed: 1, introduced: ['slugify cuts'] });
    expect(result.problems).toEqual([
      'tests failed: 1372 passed, 1 failed after 2 fix rounds (broken by the change: slugify cuts)',
    ]);
    expect(result.verdict).toMatch(/^NOT GREEN \(exit 3\): branch ensemble\/issue-7 made, but 1 problem: tests failed/);
    expect(result.stages.find((s) => s.stage === 'test')?.result).toBe('failed');
  });

  test('a count the output did not state is shown as unknown, never as 0', () => {
    // go test without -v names no passing test; a runner may print passes only.
    const failedOnly = runResult(facts({ test: { ...facts().test!, status: 'failed', passed: null, failed: 2 } }));
    expect(failedOnly.test.detail).toMatch(/^failed: \? passed, 2 failed/);
    const passedOnly = runResult(facts({ test: { ...facts().test!, status: 'passed', passed: 12, failed: null } }));
    expect(passedOnly.test.detail).toBe('passed: 12 passed, ? failed');
  });

  test('the fix rounds as data: a round whose re-test broke the tests is not taken, and says why', () => {
    const document = validFix({ round: 1 });
    const loop = describeFixLoop({
      test: { status: 'passed' },
      reviews: [validReview()],
      rounds: [
        {
          document,
          patch: 'p',
          test: { document: validTestReport({ status: 'failed' }), change: 'c' },
          reviews: [validReview({ findings: [] })],
        },
      ],
      blockOn: 'high',
      maxRounds: 2,
    });
    const result = runResult(facts({ fix: loop }));
    expect(result.fix).toEqual({
      rounds: [
        {
          round: 1,
          status: 'done',
          taken: false,
          given: [document.findings[0]!.id],
          fixed: [],
          remaining: [],
          test: 'failed',
          detail: 'not taken: its re-test failed where the change before it passed',
        },
      ],
      stopped: expect.stringMatching(/^fix round 1 was not taken/),
    });
    expect(RunResult.parse(result)).toEqual(result);
    expect(runResult(facts()).fix).toEqual({ rounds: [], stopped: null });
  });

  test('tests failing at the base already are not green either, and are told apart', () => {
    const result = runResult(facts({ test: failedTests([{ name: 'flaky', atBase: true }], 10) }));
    expect(result.exitCode).toBe(3);
    expect(result.test.atBase).toEqual(['flaky']);
    expect(result.problems[0]).toContain('failing at the base already: flaky');
    expect(result.problems[0]).not.toContain('broken by the change');
  });

  test('a test command that could not run, or that ran no tests, is not green', () => {
    const error = runResult(
      facts({ test: { ...facts().test!, status: 'error', passed: null, failed: null, summary: 'not found' } }),
    );
    expect(error.exitCode).toBe(3);
    expect(error.problems).toEqual(['the tests could not run: not found']);
    const none = runResult(facts({ test: { ...facts().test!, status: 'no-tests', passed: null, failed: null } }));
    expect(none.exitCode).toBe(3);
    expect(none.problems).toEqual(['tests: `npm test` ran no tests']);
  });

  test('no test command, or the test stage switched off, is not a failure: said, and exit 0', () => {
    const noCommand = runResult(
      facts({ test: { ...facts().test!, status: 'no-tests', command: null, passed: null, failed: null } }),
    );
    expect(noCommand.exitCode).toBe(0);
    expect(noCommand.test.detail).toBe('no test command configured or detected: nothing was tested');
    const off = runResult(
      facts({
        stages: new Set<StageName>(['plan', 'code', 'publish']),
        rows: [row('plan'), row('code'), row('publish')],
        test: { ...facts().test!, status: 'no-tests', command: null, passed: null, failed: null },
        review: null,
        docs: null,
      }),
    );
    expect(off.exitCode).toBe(0);
    expect(off.test).toMatchObject({ status: 'not-run', detail: 'the test stage is switched off' });
  });

  test('a task whose patch conflicted is not integrated, never "done": exit 3', () => {
    const conflicted = {
      taskId: 'b',
      result: 'conflicted' as const,
      conflictingFiles: ['src/index.js'],
      detail: 'the patch of task b conflicts',
    };
    const result = runResult(facts({ test: { ...facts().test!, integration: [applied('a'), conflicted] } }));
    expect(result.exitCode).toBe(3);
    expect(result.tasks[1]).toMatchObject({
      id: 'b',
      status: 'done',
      result: 'not-integrated',
      integration: 'conflicted',
      detail: 'its patch conflicts in src/index.js',
    });
    expect(result.problems).toEqual(['task b not integrated: its patch conflicts in src/index.js']);
  });

  test('a conflict the testing agent resolved is integrated', () => {
    const resolved = { taskId: 'b', result: 'resolved' as const, conflictingFiles: ['src/index.js'], detail: '' };
    const result = runResult(facts({ test: { ...facts().test!, integration: [applied('a'), resolved] } }));
    expect(result.exitCode).toBe(0);
    expect(result.tasks[1]).toMatchObject({
      result: 'integrated',
      detail: 'integrated after resolving a conflict: Task b.',
    });
  });

  test('a failed task and a task that never ran are not green; a task with no change is', () => {
    const result = runResult(
      facts({
        planTasks: ['a', 'b', 'c'],
        tasks: [task('a'), task('b', 'failed', 'budget exhausted'), task('c', 'no-change')],
      }),
    );
    expect(result.tasks.map((t) => t.result)).toEqual(['integrated', 'failed', 'no-change']);
    expect(result.problems).toEqual(['task b failed: budget exhausted']);
    expect(result.stages.find((s) => s.stage === 'code')?.result).toBe('partial');
    const stopped = runResult(facts({ tasks: [task('a')] }));
    expect(stopped.tasks[1]).toMatchObject({ result: 'not-run', status: null });
    expect(stopped.exitCode).toBe(3);
  });

  test('a review at or above block-on, or one that did not complete, is not green', () => {
    const blocking = runResult(
      facts({
        review: {
          verdict: 'request-changes',
          blockOn: 'high',
          findings: [{ severity: 'critical' }, { severity: 'low' }],
          incomplete: [],
        },
      }),
    );
    expect(blocking.exitCode).toBe(3);
    expect(blocking.review).toMatchObject({ verdict: 'request-changes', blocking: 1, findings: 2 });
    expect(blocking.problems).toEqual(['the review requests changes: 1 finding(s) at or above high']);
    expect(blocking.stages.find((s) => s.stage === 'review')?.result).toBe('blocking');
    const incomplete = runResult(
      facts({ review: { verdict: 'approve', blockOn: 'high', findings: [], incomplete: ['security'] } }),
    );
    expect(incomplete.problems).toEqual(['review did not complete for: security']);
  });

  test('failed docs are not green', () => {
    const result = runResult(facts({ docs: { status: 'failed', summary: 'model fault' } }));
    expect(result.exitCode).toBe(3);
    expect(result.problems).toEqual(['docs failed: model fault']);
  });

  test('no branch (the run stopped, or changed nothing) is exit 1, whatever else', () => {
    const stopped = runResult(
      facts({ branch: null, error: 'every task failed: a (error)', test: null, review: null, docs: null }),
    );
    expect(stopped).toMatchObject({ outcome: 'no-branch', exitCode: 1, error: 'every task failed: a (error)' });
    expect(stopped.verdict).toMatch(/^FAILED \(exit 1\): no branch: every task failed/);
    expect(stopped.test).toMatchObject({ status: 'not-run', detail: 'the run stopped before the tests' });
  });

  test('--stages without publish: no branch by request, the outcome of what ran, and how to finish', () => {
    const stages = new Set<StageName>(['plan', 'code', 'test']);
    const rows = [row('plan'), row('code'), row('test')];
    const green = runResult(facts({ stages, rows, branch: null, review: null, docs: null, prFile: null }));
    expect(green.exitCode).toBe(0);
    expect(green.verdict).toContain('ensemble stage publish --run /repo/.ensemble/runs/r1');
    const red = runResult(
      facts({
        stages,
        rows,
        branch: null,
        review: null,
        docs: null,
        test: failedTests([{ name: 'x', atBase: false }]),
      }),
    );
    expect(red.exitCode).toBe(3);
    const nothing = runResult(facts({ stages, rows, branch: null, review: null, docs: null, changeEmpty: true }));
    expect(nothing.exitCode).toBe(1);
  });

  test('the verdict line names the first problems and counts the rest', () => {
    const planTasks = Array.from({ length: 30 }, (_, i) => `t${i}`);
    const result = runResult(facts({ planTasks, tasks: planTasks.map((id) => task(id, 'failed', 'x'.repeat(300))) }));
    expect(result.problems).toHaveLength(30);
    expect(result.verdict).toMatch(
      /, but 30 problems: task t0 failed: x+; task t1 failed: x+; task t2 failed: x+; 27 more$/,
    );
    expect(RunResult.parse(result)).toEqual(result);
  });

  test('every code the verdict gives is documented', () => {
    const documented = EXIT_CODES.map((c) => c.code);
    for (const code of [0, 1, 2, 3, 4]) expect(documented).toContain(code);
    expect(new Set(documented).size).toBe(documented.length);
  });

  test('a run a person stopped at the approval prompt is STOPPED, exit 1, and its plan row says so', () => {
    const stopped = 'stopped at the approval prompt by Ada: the plan was not approved, so nothing was coded';
    const result = runResult(
      facts({
        rows: [row('plan', 'skipped', 'the plan waits for approval')],
        planTasks: [],
        tasks: [],
        test: null,
        review: null,
        docs: null,
        branch: null,
        prFile: null,
        changeEmpty: true,
        stopped,
      }),
    );
    expect(result).toMatchObject({ outcome: 'no-branch', exitCode: 1, error: stopped, waiting: null });
    expect(result.verdict).toBe(`STOPPED (exit 1): no branch: ${stopped}`);
    expect(result.stages).toEqual([expect.objectContaining({ stage: 'plan', status: 'waiting', result: 'stopped' })]);
  });

  test('the gates: what was asked and answered, and the approval, are in the result; none when they did nothing', () => {
    expect(runResult(facts()).gate).toEqual({ rounds: [], revisions: 0, approval: null });
    const gate = {
      rounds: [{ asked: ['a', 'b'], answered: [{ id: 'a', via: 'file' as const }], unanswered: ['b'], unmatched: [] }],
      revisions: 0,
      approval: { by: 'Ada', ahead: true },
    };
    const result = runResult(facts({ gate }));
    expect(result).toMatchObject({ outcome: 'green', gate, waiting: null });
    expect(RunResult.parse(result)).toEqual(result);
  });
});
