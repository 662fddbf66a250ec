import { describe, expect, test } from 'vitest';
import type { StageName } from '../../../../src/contracts/stages.ts';
import type { StageRow } from '../../../../src/pipeline/schedule.ts';
import { formatSummary } from '../../../../src/runtime/local/cli-run.ts';
import { type RunFacts, runResult } from '../../../../src/runtime/local/run-result.ts';

const row = (stage: StageName, status: StageRow['status'], detail: string): StageRow => ({
  stage,
  status,
  durationMs: 2_400,
  tokens: 100,
  costUsd: null,
  detail,
});

const facts = (overrides: Partial<RunFacts>): RunFacts => ({
  runId: '2026-12-04T10-00-00-1a2b',
  runDir: '/repo/.ensemble/runs/2026-12-04T10-00-00-1a2b',
  stages: new Set<StageName>(['plan', 'code', 'test', 'publish']),
  rows: [],
  planTasks: ['a', 'b'],
  tasks: [
    { taskId: 'a', status: 'done', summary: 'Did a.', stopReason: null },
    { taskId: 'b', status: 'done', summary: 'Did b.', stopReason: null },
  ],
  test: {
    status: 'failed',
    command: 'npm test',
    passed: 1372,
    failed: 1,
    failures: [{ name: 'slugify cuts', excerpt: '', atBase: false }],
    integration: [
      { taskId: 'a', result: 'applied', conflictingFiles: [], detail: '' },
      { taskId: 'b', result: 'conflicted', conflictingFiles: ['src/index.js'], detail: 'conflict' },
    ],
    fixAttempts: 2,
    summary: 'One test fails.',
  },
  review: null,
  blockOn: 'high',
  docs: null,
  changeEmpty: false,
  branch: 'ensemble/issue-7',
  prFile: '/repo/.ensemble/runs/2026-12-04T10-00-00-1a2b/pr.md',
  reviewFile: null,
  error: null,
  ...overrides,
});

describe('the run table ensemble run prints', () => {
  test('failing tests and a task left out are never read as "done"; the verdict line says exit 3', () => {
    const text = formatSummary(
      runResult(
        facts({
          rows: [
            row('code', 'done', 'task a: done; task b: done'),
            row('test', 'done', 'tests failed (1372 passed, 1 failed); 1 of 2 tasks integrated'),
          ],
        }),
      ),
    );
    const rows = text.split('\n');
    expect(rows.find((r) => r.startsWith('stage'))).toMatch(/ detail$/);
    expect(rows.find((r) => r.startsWith('test'))).toMatch(/^test +failed +/);
    expect(rows.find((r) => r.startsWith('test'))).toContain('1 of 2 tasks integrated');
    expect(rows).toContain('  a  integrated      Did a.');
    expect(rows).toContain('  b  not-integrated  its patch conflicts in src/index.js');
    expect(rows).toContain(
      'tests:   failed: 1372 passed, 1 failed after 2 fix rounds (broken by the change: slugify cuts)',
    );
    expect(rows.at(-2)).toMatch(/^NOT GREEN \(exit 3\): branch ensemble\/issue-7 made, but 2 problems: tests failed/);
    expect(text).toContain('  - task b not integrated: its patch conflicts in src/index.js');
  });

  test('a long or multi-line detail stays on its row, cut', () => {
    const detail = `every task failed:\n${'x'.repeat(500)}`;
    const text = formatSummary(
      runResult(facts({ branch: null, error: 'every task failed', test: null, rows: [row('code', 'failed', detail)] })),
    );
    const line = text.split('\n').find((r) => r.startsWith('code')) ?? '';
    expect(line).toContain('every task failed: xxx');
    expect(line.endsWith('…')).toBe(true);
    expect(line.length).toBeLessThan(200);
    expect(text).toContain('FAILED (exit 1): no branch: every task failed');
  });
});
