import { describe, expect, test } from 'vitest';
import { formatSummary } from '../../../../src/runtime/local/cli-run.ts';
import type { LocalRunSummary } from '../../../../src/runtime/local/pipeline.ts';

const summary = (overrides: Partial<LocalRunSummary>): LocalRunSummary => ({
  ok: true,
  runId: '2026-12-04T10-00-00-1a2b',
  runDir: '/repo/.ensemble/runs/2026-12-04T10-00-00-1a2b',
  branch: 'ensemble/issue-7',
  prFile: '/repo/.ensemble/runs/2026-12-04T10-00-00-1a2b/pr.md',
  reviewFile: null,
  stages: [],
  tasks: [],
  error: null,
  ...overrides,
});

describe('the run table ensemble run prints', () => {
  test('says what each stage did, so failing tests are never read as a plain "done"', () => {
    const text = formatSummary(
      summary({
        stages: [
          {
            stage: 'code',
            status: 'done',
            durationMs: 2_400,
            tokens: 100,
            costUsd: null,
            detail: 'task a: done; task b: failed',
          },
          {
            stage: 'test',
            status: 'done',
            durationMs: 8_100,
            tokens: 50,
            costUsd: 0.01,
            detail: 'tests failed (1372 passed, 1 failed); 1 of 2 tasks integrated',
          },
        ],
      }),
    );
    const rows = text.split('\n');
    expect(rows.find((r) => r.startsWith('stage'))).toMatch(/ detail$/);
    expect(rows.find((r) => r.startsWith('test'))).toContain(
      'tests failed (1372 passed, 1 failed); 1 of 2 tasks integrated',
    );
    expect(rows.find((r) => r.startsWith('code'))).toContain('task b: failed');
  });

  test('a long or multi-line detail stays on its row, cut', () => {
    const detail = `every task failed:\n${'x'.repeat(500)}`;
    const text = formatSummary(
      summary({
        ok: false,
        branch: null,
        stages: [{ stage: 'code', status: 'failed', durationMs: 1, tokens: 0, costUsd: 0, detail }],
      }),
    );
    const row = text.split('\n').find((r) => r.startsWith('code')) ?? '';
    expect(row).toContain('every task failed: xxx');
    expect(row.endsWith('…')).toBe(true);
    expect(row.length).toBeLessThan(200);
  });
});
