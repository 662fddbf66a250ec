import { describe, expect, test } from 'vitest';
import type { AgentOutcome } from '../../../../src/agent/loop.ts';
import { createToolContext } from '../../../../src/agent/tools/index.ts';
import type { IntegrationResult, TestBody, TestFailure } from '../../../../src/contracts/test-report.ts';
import { type BaseRun, introducedFailures, markFailures } from '../../../../src/stages/test/base-run.ts';
import { looksLikeTestPath, type RoundRecord, testsAddedFrom } from '../../../../src/stages/test/rounds.ts';
import { integrationSentence, type SummaryFacts, testSummary } from '../../../../src/stages/test/summary.ts';
import type { TestRun } from '../../../../src/stages/test/test-run.ts';

function testRun(overrides: Partial<TestRun> = {}): TestRun {
  return {
    status: 'failed',
    problem: null,
    notRunnable: false,
    command: 'npm test',
    exitCode: 1,
    output: '',
    parsed: counts(3, 1),
    failures: [],
    ...overrides,
  };
}

function round(summary: string | null, options: { testsAdded?: string[]; written?: string[] } = {}): RoundRecord {
  const outcome: AgentOutcome<TestBody> = {
    status: 'stopped',
    result: null,
    stop: null,
    turns: 3,
    lastText: '',
    tokens: { input: 0, output: 0, costUsd: null },
    conversation: [],
  };
  if (summary !== null) {
    outcome.status = 'submitted';
    outcome.result = { summary, testsAdded: options.testsAdded ?? [] };
  }
  const tools = createToolContext('/work');
  for (const p of options.written ?? []) tools.filesWritten.add(p);
  return { agent: 'test', fixing: false, outcome, tools };
}

function applied(taskId: string): IntegrationResult {
  return { taskId, result: 'applied', conflictingFiles: [], detail: '' };
}

function counts(passed: number, failed: number): TestRun['parsed'] {
  return { format: 'vitest', passed, failed, failures: [] };
}

function facts(overrides: Partial<SummaryFacts> = {}): SummaryFacts {
  return {
    setupProblem: null,
    command: { command: 'npm test', source: 'package.json scripts.test' },
    current: testRun({ status: 'passed', exitCode: 0, parsed: counts(4, 0) }),
    failures: [],
    integration: [applied('a')],
    rounds: [round('Added a test for mul().', { testsAdded: ['test/mul.test.js'] })],
    fixAttempts: 0,
    maxFixAttempts: 2,
    testsAdded: ['test/mul.test.js'],
    notes: [],
    ...overrides,
  };
}

describe('testSummary', () => {
  test("the agent's summary, the integration, the run, the rounds and the stage's notes, in that order", () => {
    const failures: TestFailure[] = [
      { name: 'sub', excerpt: '', atBase: false },
      { name: 'legacy', excerpt: '', atBase: true },
      { name: 'flaky', excerpt: '', atBase: null },
    ];
    const summary = testSummary(
      facts({
        current: testRun({ parsed: counts(1, 3) }),
        failures,
        fixAttempts: 2,
        notes: ['The testing agent (test:round-3) stopped before submitting: the turn budget ran out.'],
      }),
    );
    expect(summary).toBe(
      [
        'Added a test for mul().',
        'Integration: applied a.',
        '`npm test` (from package.json scripts.test) failed, exit code 1: 1 passed, 3 failed.',
        'Failing: 3 (1 introduced by the change, 1 also failing at the base, 1 not compared with the base).',
        'Testing agent rounds: 1; fix attempts: 2 of 2; tests added: test/mul.test.js.',
        'The testing agent (test:round-3) stopped before submitting: the turn budget ran out.',
      ].join('\n\n'),
    );
  });

  test('numbers the summaries when several rounds submitted one', () => {
    const summary = testSummary(facts({ rounds: [round('Fixed sub().'), round('Added a test.')], testsAdded: [] }));
    expect(summary).toMatch(/^Round 1: Fixed sub\(\)\.\n\nRound 2: Added a test\.\n\nIntegration: applied a\./);
    expect(summary).toContain('Testing agent rounds: 2; fix attempts: 0 of 2.');
    const stopped = testSummary(facts({ rounds: [round('Fixed sub().'), round(null)], testsAdded: [] }));
    expect(stopped).toMatch(/^Fixed sub\(\)\.\n\nIntegration: applied a\./);
  });

  test('a setup problem stands in for the run; no command says how to set one', () => {
    const setupProblem = 'The setup command `npm ci` exited with 1, so the tests were not run:\nnpm ERR! no lockfile';
    const summary = testSummary(facts({ setupProblem, current: null, rounds: [] }));
    expect(summary).toBe(`Integration: applied a.\n\n${setupProblem}`);
    const none = testSummary(facts({ command: null, current: null, rounds: [] }));
    expect(none).toContain('No tests were run: no `test-command` is configured and none was detected');
    expect(none).toMatch(/Set `test-command` in \.github\/ensemble\.yml\.$/);
  });

  test('a command that cannot start: its problem, capitalised, and how to fix the configuration', () => {
    const current = testRun({
      status: 'error',
      exitCode: 127,
      notRunnable: true,
      problem: '`jest` could not run: a program it starts was not found (exit 127)',
      parsed: { format: null, passed: null, failed: null, failures: [] },
    });
    expect(testSummary(facts({ current, rounds: [], testsAdded: [] }))).toBe(
      'Integration: applied a.\n\n' +
        '`npm test` (from package.json scripts.test) could not complete, exit code 127. ' +
        '`jest` could not run: a program it starts was not found (exit 127). ' +
        // A program the command starts is missing (a dependency): tests run without network, so only setup can help.
        'Set `setup` in .github/ensemble.yml to commands that install what it needs ' +
        '(setup runs with network, before the tests; the tests run without).',
    );
  });

  test('a command that is itself missing: test-command or setup can help', () => {
    const current = testRun({
      status: 'error',
      exitCode: 127,
      notRunnable: true,
      output: 'sh: 1: pytest: not found\n',
      problem: '`pytest` could not run: a program it starts was not found (exit 127: sh: 1: pytest: not found)',
      parsed: { format: null, passed: null, failed: null, failures: [] },
    });
    const command = { command: 'pytest', source: 'pytest.ini' };
    const summary = testSummary(facts({ command, current, rounds: [], testsAdded: [] }));
    expect(summary).toContain(
      'Set `test-command` in .github/ensemble.yml to the command that runs the tests, or set `setup` to commands ' +
        'that install `pytest`',
    );
    const configured = testSummary(facts({ command: { ...command, configured: true }, current, rounds: [] }));
    expect(configured).toContain('Fix `test-command` in .github/ensemble.yml');
  });

  test('is cut to the 20,000 characters the contract allows', () => {
    const summary = testSummary(facts({ rounds: [round('x'.repeat(30_000))] }));
    expect(summary).toHaveLength(20_000);
    expect(summary.endsWith('…')).toBe(true);
  });
});

describe('integrationSentence', () => {
  test('groups the tasks by what became of them', () => {
    const rows: IntegrationResult[] = [
      applied('a'),
      { taskId: 'b', result: 'resolved', conflictingFiles: ['src/x.ts'], detail: 'resolved by the testing agent' },
      { taskId: 'c', result: 'conflicted', conflictingFiles: ['src/x.ts', 'src/y.ts'], detail: 'git said no' },
      { taskId: 'd', result: 'skipped', conflictingFiles: [], detail: 'no change' },
      applied('e'),
    ];
    expect(integrationSentence(rows)).toBe(
      'Integration: applied a, e; resolved conflicts of b; ' +
        'could not integrate c (conflicts in src/x.ts, src/y.ts); skipped d (no change).',
    );
    expect(integrationSentence([])).toBe('There were no task patches to integrate.');
  });
});

describe('failures against the base', () => {
  const sub = { name: 'sub', excerpt: '\n\n  expected 2\n  received -2\n\n' };
  const legacy = { name: 'legacy', excerpt: 'always failed' };
  const failing = testRun({ failures: [sub, legacy] });
  const base = (names: string[], problem: string | null = null): BaseRun => {
    const parsed = { ...counts(0, names.length), failures: names.map((name) => ({ name, excerpt: '' })) };
    return { run: testRun({ parsed }), problem };
  };

  test('introduced failures are those the base does not share', () => {
    expect(introducedFailures(failing, base(['legacy']))).toEqual([sub]);
    expect(introducedFailures(failing, base(['legacy', 'sub']))).toEqual([]);
  });

  test('the report marks each failure and trims its excerpt', () => {
    expect(markFailures(failing, base(['legacy']))).toEqual({
      failures: [
        { name: 'sub', excerpt: '  expected 2\n  received -2', atBase: false },
        { name: 'legacy', excerpt: 'always failed', atBase: true },
      ],
      notes: [],
    });
  });

  test('a base that could not be run leaves the marks unknown and says why', () => {
    const marked = markFailures(failing, { run: null, problem: 'the setup failed' });
    expect(marked.failures.map((f) => f.atBase)).toEqual([null, null]);
    expect(marked.notes).toEqual(['The failures could not be compared with the base: the setup failed']);
  });

  test('at most 200 failures are reported', () => {
    const many = testRun({ failures: Array.from({ length: 250 }, (_, i) => ({ name: `t${i}`, excerpt: '' })) });
    expect(markFailures(many, base([])).failures).toHaveLength(200);
  });
});

describe('testsAddedFrom', () => {
  const changes = [
    { kind: 'added' as const, path: 'test/mul.test.js', oldPath: null },
    { kind: 'modified' as const, path: 'test/math.test.js', oldPath: null },
    { kind: 'deleted' as const, path: 'test/old.test.js', oldPath: null },
    { kind: 'modified' as const, path: 'src/math.js', oldPath: null },
  ];

  test("the agent's reported tests, kept when the change still adds or changes them", () => {
    const testsAdded = ['test/mul.test.js', 'test/old.test.js', 'test/gone.test.js'];
    const rounds = [round('Added tests.', { testsAdded })];
    expect(testsAddedFrom(rounds, changes)).toEqual(['test/mul.test.js']);
  });

  test('without a report, the test-like files the agent wrote', () => {
    const fixed = round('Fixed it.', { written: ['src/math.js', 'test/math.test.js'] });
    const stopped = round(null, { written: ['test/mul.test.js'] });
    expect(testsAddedFrom([fixed, stopped], changes)).toEqual(['test/math.test.js', 'test/mul.test.js']);
  });
});

test('looksLikeTestPath', () => {
  const inTestDirectories = ['test/a.js', 'tests/unit/x.py', 'src/__tests__/x.ts'];
  const namedAsTests = ['src/a.test.ts', 'pkg/a_test.go', 'test_core.py', 'lib/x.spec.js'];
  for (const p of [...inTestDirectories, ...namedAsTests]) expect(looksLikeTestPath(p), p).toBe(true);
  const notTests = ['src/a.ts', 'README.md', 'src/latest.js', 'contest/a.js'];
  for (const p of notTests) expect(looksLikeTestPath(p), p).toBe(false);
});
