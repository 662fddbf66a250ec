/**
 * The review → fix loop: while the review blocks, a fix round (the fix stage), a re-test and a
 * re-review, each in the round's run directory, up to `stages.fix.max-rounds`; a person's
 * instructions (a follow-up run's) start the first round even when nothing blocks. What a loop did
 * is read back from the documents (`fixLoopOf`), so the local run, `ensemble stage publish` and
 * the GitHub publisher all tell the same rounds the same way.
 */
import { ARTIFACTS } from '../artifacts/names.ts';
import type { RunDirectory } from '../artifacts/run-directory.ts';
import type { EnsembleConfig } from '../contracts/config.ts';
import { DOCUMENTS } from '../contracts/documents.ts';
import {
  blockingLeft,
  type DescribedFixLoop,
  describeFixLoop,
  type FixLoop,
  type FixRoundDocuments,
} from '../review/index.ts';
import { errorMessage } from '../util/errors.ts';
import { type FixUnit, readPlan, readReviews, readTest, type StageOutcome, type StageUnit } from './run-stage.ts';
import type { StageSession } from './session.ts';

type RunUnit = (unit: StageUnit) => Promise<StageOutcome>;

/**
 * Runs fix rounds while the review of the change as it stands blocks, after the rounds the run
 * directory already holds, until `stages.fix.max-rounds` rounds in all; every stop says why.
 */
export async function runFixRounds(
  session: StageSession,
  unit: RunUnit,
  asked: { instructions: string | null } = { instructions: null },
): Promise<FixLoop> {
  const { config } = session.ctx;
  for (let first = true; ; first = false) {
    const loop = fixLoopOf(session.runDir, config);
    // A person's instructions are a reason for the first round even when no finding blocks.
    const instructions = first ? asked.instructions : null;
    // `describeFixLoop` decides whether another round is due, and says why not when it is not.
    if (!loop.mayContinue && instructions === null) return loop;
    const round = (session.runDir.rounds().at(-1) ?? 0) + 1;
    const spent = budgetSpent(config, spentSoFar(session));
    if (spent) return { ...loop, stopped: `${spent}, ${blockingLeft(loop.blocking)}` };
    const problem = await runFixRound(session, unit, { stage: 'fix', round, instructions });
    if (problem) return { ...fixLoopOf(session.runDir, config), stopped: `fix round ${round}: ${problem}` };
  }
}

/**
 * One fix round: the fixing agent, then the re-test and the re-review of the change with its fix.
 * Returns why the round could not be completed when that was not the fixing agent's own outcome
 * (which its document tells), else null.
 */
export async function runFixRound(_session: StageSession, unit: RunUnit, fix: FixUnit): Promise<string | null> {
  const fixed = await unit(fix);
  if (fixed.documents.fix?.status !== 'done') return null;
  try {
    const test = await unit({ stage: 'test', round: fix.round });
    if (test.status === 'failed') return `the re-test failed: ${test.summary}`;
    await unit({ stage: 'review', round: fix.round });
    return null;
  } catch (error) {
    return `the re-test or re-review failed: ${errorMessage(error)}`;
  }
}

/**
 * What the run has spent: this process's ledger, or the documents of the run directory when they
 * tell more (a job on GitHub holds only its own calls; the jobs before it left their usage in
 * their documents).
 */
function spentSoFar(session: StageSession): Spent {
  const ledger = session.ctx.ledger.runTotals();
  const { runDir } = session;
  const plan = readPlan(runDir);
  const rounds = runDir.rounds();
  // The documents only: the patches beside them may be large and say nothing of usage.
  const present = <N extends 'task' | 'docs'>(kind: N, artifact: string) =>
    runDir.hasArtifact(artifact, DOCUMENTS[kind].file)
      ? runDir.readDocument(kind, artifact, DOCUMENTS[kind].file).usage
      : undefined;
  const usages = [
    plan.usage,
    ...plan.tasks.map((task) => present('task', ARTIFACTS.code(task.id))),
    present('docs', ARTIFACTS.docs),
    ...[runDir, ...rounds.map((round) => runDir.round(round))].flatMap((dir) => [
      readTest(dir)?.usage,
      ...dir.reviews().map((review) => review.usage),
    ]),
    ...rounds.map((round) => runDir.fix(round).document.usage),
  ];
  const documents: Spent = { tokens: 0, costUsd: 0 };
  for (const usage of usages) {
    if (!usage) continue;
    documents.tokens += usage.inputTokens + usage.outputTokens;
    documents.costUsd = documents.costUsd === null || usage.costUsd === null ? null : documents.costUsd + usage.costUsd;
  }
  const fromLedger: Spent = { tokens: ledger.inputTokens + ledger.outputTokens, costUsd: ledger.costUsd };
  return documents.tokens > fromLedger.tokens ? documents : fromLedger;
}

interface Spent {
  tokens: number;
  /** null when a price is not known. */
  costUsd: number | null;
}

/** Why the run may start no other round: its token or cost budget is spent; null while it may. */
function budgetSpent(config: EnsembleConfig, spent: Spent): string | null {
  const { tokens, usd } = config.budgets.run;
  const used = spent.tokens;
  if (tokens !== null && used >= tokens) return `the run's token budget (${tokens}) is spent (${used} used)`;
  if (usd !== null && spent.costUsd !== null && spent.costUsd >= usd) {
    return `the run's cost budget ($${usd}) is spent ($${spent.costUsd.toFixed(4)} used)`;
  }
  return null;
}

/** The loop as the run directory tells it (`describeFixLoop`). */
export function fixLoopOf(runDir: RunDirectory, config: EnsembleConfig): DescribedFixLoop {
  return describeFixLoop({
    test: readTest(runDir),
    reviews: readReviews(runDir),
    rounds: readFixRounds(runDir),
    blockOn: config.review['block-on'],
    maxRounds: config.stages.fix['max-rounds'],
  });
}

/** Every fix round's documents in the run directory, in order. */
export function readFixRounds(runDir: RunDirectory): FixRoundDocuments[] {
  return runDir.rounds().map((round) => runDir.fixRound(round));
}
