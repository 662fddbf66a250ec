import type { IntegrationResult, TestDocument, TestFailure } from '../contracts/test-report.ts';
import { type Ctx, finish, makeCtx, type RenderOptions } from './context.ts';
import { blocks, fence, STEP_SUMMARY_LIMIT, stripAnsi, table } from './markdown.ts';
import { exitCell } from './task.ts';

export const TEST_STATUS: Record<TestDocument['status'], string> = {
  passed: '✅ passed',
  failed: '❌ failed',
  'no-tests': '➖ no tests',
  error: '⚠️ error',
};

const INTEGRATION: Record<IntegrationResult['result'], string> = {
  applied: '✅ applied',
  resolved: '🔧 resolved',
  conflicted: '❌ conflicted',
  skipped: '⏭️ skipped',
};

function origin(atBase: TestFailure['atBase']): string {
  if (atBase === null) return 'not checked at the base';
  return atBase ? 'also fails at the base' : 'introduced by this change';
}

const count = (n: number | null) => (n === null ? '—' : String(n));

/** Status table, failures with their output, integration per task and tests added. */
export function testSection(test: TestDocument, ctx: Ctx, options: { failureHeadingLevel?: number } = {}): string {
  const level = options.failureHeadingLevel ?? 1;
  const summary = table(
    ['Status', 'Command', 'Exit code', 'Passed', 'Failed', 'Fix attempts'],
    [
      [
        TEST_STATUS[test.status],
        test.command === null ? '—' : ctx.code(test.command),
        test.exitCode === null ? '—' : exitCell(test.exitCode),
        count(test.passed),
        count(test.failed),
        String(test.fixAttempts),
      ],
    ],
    'llrrrr',
  );
  const failures = test.failures.map((f) =>
    blocks(
      `**${ctx.inline(f.name)}** — ${origin(f.atBase)}`,
      f.excerpt.trim() !== '' && fence(stripAnsi(f.excerpt), 'text'),
    ),
  );
  const integration = table(
    ['Task', 'Result', 'Conflicting files', 'Detail'],
    test.integration.map((r) => [
      ctx.code(r.taskId),
      INTEGRATION[r.result],
      r.conflictingFiles.map(ctx.code).join(', '),
      ctx.inline(r.detail),
    ]),
  );
  return blocks(
    ctx.block(test.summary),
    summary,
    test.failures.length > 0 && ctx.heading(level, `Failures (${test.failures.length})`),
    ...failures,
    test.integration.length > 0 && ctx.heading(level, 'Integration'),
    test.integration.length > 0 && integration,
    test.testsAdded.length > 0 &&
      `**Tests added** (${test.testsAdded.length}): ${test.testsAdded.map(ctx.code).join(', ')}`,
  );
}

/** The test report as a step summary (capped at 1 MiB unless `options.limit` says otherwise). */
export function renderTestMarkdown(test: TestDocument, options: RenderOptions = {}): string {
  const ctx = makeCtx(options);
  return finish(
    blocks(ctx.heading(0, `Tests: ${TEST_STATUS[test.status]}`), testSection(test, ctx)),
    options,
    STEP_SUMMARY_LIMIT,
  );
}
