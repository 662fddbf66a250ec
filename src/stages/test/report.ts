import { type IntegrationResult, TestDocument } from '../../contracts/test-report.ts';
import { hardenedGit } from '../../workspace/git.ts';
import { ProtectedPathError, protectedPathHits, touchedPaths } from '../../workspace/index.ts';
import { rememberPatchedTree } from '../../workspace/patched-tree.ts';
import { baseRunOnce, type MarkedFailures, markFailures } from './base-run.ts';
import type { TestCommand } from './command.ts';
import { revertedChange } from './protected-paths.ts';
import { type Tested, testsAddedFrom } from './rounds.ts';
import type { TestSession } from './session.ts';
import { testSummary } from './summary.ts';
import { countsText } from './test-run.ts';
import type { TestStageResult } from './types.ts';

/** What the steps before the report found out. */
export interface ReportInput {
  setupProblem: string | null;
  integration: readonly IntegrationResult[];
  /** The integration step's notes (reverted protected paths). */
  integrationNotes: readonly string[];
  command: TestCommand | null;
  tested: Tested;
}

/**
 * The stage's result: `change.patch` (the worktree against the base, never with a protected path)
 * and `test.json`, whose failures are marked against the base and whose summary tells it all.
 */
export async function report(session: TestSession, input: ReportInput): Promise<TestStageResult> {
  const { tested, command, setupProblem } = input;
  const { notes: reverted, change: final } = await revertedChange(session, 'the test stage', tested.recorded);
  // The paths as git listed them for the diff it made (as `revertedChange` reads them).
  const stillProtected = protectedPathHits(touchedPaths(final.changes), session.protectedPaths);
  if (stillProtected.length > 0) throw new ProtectedPathError(stillProtected, 'the integrated change');
  // Review, docs and publish of this process start from "base + change.patch": this very tree.
  rememberPatchedTree(hardenedGit(session.ctx.repoDir), session.base, final.patch, final.tree);

  const { current } = tested;
  const marked: MarkedFailures =
    current && current.failures.length > 0
      ? markFailures(current, await baseRunOnce(session, current.command, tested.base))
      : { failures: [], notes: [] };
  const testsAdded = testsAddedFrom(tested.rounds, final.changes);
  const summary = testSummary({
    setupProblem,
    command,
    current,
    failures: marked.failures,
    integration: input.integration,
    rounds: tested.rounds,
    fixAttempts: tested.fixAttempts,
    maxFixAttempts: session.maxFixAttempts,
    testsAdded,
    notes: [...input.integrationNotes, ...tested.notes, ...reverted, ...marked.notes],
  });
  const document = TestDocument.parse({
    schema: 'ensemble.test/v1',
    run: session.ctx.run,
    usage: session.ctx.ledger.toUsage('test'),
    summary,
    testsAdded,
    status: stageStatus(input),
    command: command?.command ?? null,
    exitCode: current?.exitCode ?? null,
    passed: current?.parsed.passed ?? null,
    failed: current?.parsed.failed ?? null,
    failures: marked.failures,
    integration: [...input.integration],
    fixAttempts: tested.fixAttempts,
  } satisfies TestDocument);
  return { document, patch: final.patch };
}

/** `passed: 2 passed, 0 failed`: the stage's status and the last run's counts, for the progress display. */
export function finishedDetail(document: TestDocument): string {
  const counts = countsText(document);
  return counts ? `${document.status}: ${counts}` : document.status;
}

function stageStatus({ setupProblem, command, tested }: ReportInput): TestDocument['status'] {
  if (setupProblem !== null) return 'error';
  if (command === null) return 'no-tests';
  return tested.current?.status ?? 'error';
}
