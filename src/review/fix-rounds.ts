/**
 * What a review → fix loop did, from its documents alone: each round's findings, what the re-review
 * after it settled, why the loop stopped, and the change as it stands. The local run, `ensemble
 * stage publish` and the GitHub publisher read the documents their own way and tell the rounds
 * through this one definition. No I/O.
 */
import type { FixDocument } from '../contracts/fix.ts';
import type { ReviewDocument, Severity } from '../contracts/review.ts';
import type { TestDocument } from '../contracts/test-report.ts';
import { isIncompleteReview } from './findings.ts';
import { blockingFindings, settledByRound } from './ledger.ts';

/** One fix round's documents, as read from its artifact. */
export interface FixRoundDocuments {
  document: FixDocument;
  /** `fix.patch`: the round's change on top of the change it was given. */
  patch: string;
  /** The round's re-test and the change after it; null when it was not re-tested. */
  test: { document: TestDocument; change: string } | null;
  /** The round's re-review (empty when it did not run). */
  reviews: ReviewDocument[];
}

/** One fix round as the documents tell it. */
export interface FixRoundResult extends FixRoundDocuments {
  /**
   * Why the round's change was not taken, though it was re-tested: its re-test ended in an error,
   * or it failed where the change before passed. The change before it stands then. null when taken.
   */
  rejected: string | null;
  /** The ids of the findings it was given that the re-review no longer reports. */
  fixed: string[];
  /** The ids of those it still reports. */
  remaining: string[];
}

export interface FixLoop {
  rounds: FixRoundResult[];
  /** Why the loop stopped; null when it did not run (nothing blocked, or the fix stage is off). */
  stopped: string | null;
}

/** The loop as its documents tell it, and whether another round is due. */
export interface DescribedFixLoop extends FixLoop {
  /** Blocking findings of the review of the change as it stands. */
  blocking: number;
  /**
   * Whether another round is due: something blocks, rounds are left, and the last round (if any)
   * was taken, settled something and was fully re-reviewed. The run's budget is the caller's to check.
   */
  mayContinue: boolean;
}

export interface FixLoopInput {
  /** The first pass's test report (null when the test stage wrote none) and review. */
  test: Pick<TestDocument, 'status'> | null;
  reviews: readonly ReviewDocument[];
  rounds: readonly FixRoundDocuments[];
  blockOn: Severity;
  maxRounds: number;
}

/**
 * The loop as its documents tell it. A stop the documents cannot show (the run's budget, a stopped
 * job) is named as what it can only be.
 */
export function describeFixLoop(input: FixLoopInput): DescribedFixLoop {
  let blocking = blockingFindings(input.reviews, input.blockOn);
  let standing = input.test?.status ?? null;
  const rounds = input.rounds.map((round): FixRoundResult => {
    const none = { fixed: [], remaining: [] };
    if (round.test === null) return { ...round, rejected: null, ...none };
    const rejected = whyNotTaken(standing, round.test.document.status);
    if (rejected !== null) return { ...round, rejected, ...none };
    standing = round.test.document.status;
    if (round.reviews.length === 0) return { ...round, rejected: null, ...none };
    blocking = blockingFindings(round.reviews, input.blockOn);
    return { ...round, rejected: null, ...settledByRound(round.document.findings, blocking) };
  });
  const last = rounds.at(-1);
  const lastWentWell =
    !last ||
    (last.test !== null && last.rejected === null && last.fixed.length > 0 && !last.reviews.some(isIncompleteReview));
  const mayContinue = blocking.length > 0 && rounds.length < input.maxRounds && lastWentWell;
  return {
    rounds,
    stopped: whyTheLoopStopped(rounds, blocking.length, input.maxRounds),
    blocking: blocking.length,
    mayContinue,
  };
}

type TestStatus = TestDocument['status'];

/**
 * Why a re-tested round's change is not taken over the change it started from (whose test status
 * is `before`), or null when it is: a fix may not trade passing tests for failing ones.
 */
export function whyNotTaken(before: TestStatus | null, after: TestStatus): string | null {
  if (after === 'error') return 'its re-test could not run the tests';
  if (after === 'failed' && before === 'passed') return 'its re-test failed where the change before it passed';
  return null;
}

function whyTheLoopStopped(rounds: readonly FixRoundResult[], blocking: number, max: number): string | null {
  const last = rounds.at(-1);
  if (!last) return null;
  const round = last.document.round;
  const left = blockingLeft(blocking);
  if (last.document.status !== 'done') {
    const why = last.document.stopReason ?? last.document.summary.split('\n')[0];
    return `fix round ${round} ${last.document.status}: ${why}`;
  }
  if (last.test === null) return `fix round ${round} was not re-tested, ${left}`;
  if (last.rejected !== null) return `fix round ${round} was not taken (${last.rejected}), ${left}`;
  if (last.reviews.length === 0) return `fix round ${round} was not re-reviewed`;
  const incomplete = last.reviews.filter(isIncompleteReview).map((r) => r.lens);
  if (incomplete.length > 0) return `the re-review of round ${round} did not complete (${incomplete.join(', ')})`;
  if (blocking === 0) return 'no blocking finding is left';
  if (last.fixed.length === 0) {
    return `fix round ${round} settled none of its ${last.document.findings.length} findings, ${left}`;
  }
  if (rounds.length >= max) return `the limit of ${max} fix rounds (stages.fix.max-rounds) was reached, ${left}`;
  return `the loop ended after round ${round}, ${left}: the run's budget was spent or the run was stopped`;
}

/** The change as it stands: the last re-tested round's, else the first pass's. */
export function finalState<T extends { test: unknown; change: string; reviews: readonly ReviewDocument[] }>(
  first: T,
  loop: FixLoop,
): { test: TestDocument | T['test']; change: string; reviews: readonly ReviewDocument[] } {
  const last = loop.rounds.filter((r) => r.test !== null && r.rejected === null).at(-1);
  if (!last?.test) return first;
  return { test: last.test.document, change: last.test.change, reviews: last.reviews };
}

/** The rounds that were re-tested and taken, each with the change after it: the commits a publisher makes. */
export function testedRounds(loop: FixLoop): { document: FixDocument; change: string }[] {
  return loop.rounds.flatMap((r) =>
    r.test && r.rejected === null ? [{ document: r.document, change: r.test.change }] : [],
  );
}

/** `round 1: 2 of 3 fixed; round 2: failed; stopped: …`, for the run table. */
export function fixLoopDetail(loop: FixLoop): string {
  const rounds = loop.rounds.map((r) => {
    if (r.test === null) return `round ${r.document.round}: ${r.document.status}`;
    if (r.rejected !== null) return `round ${r.document.round}: not taken`;
    return `round ${r.document.round}: ${r.fixed.length} of ${r.document.findings.length} fixed`;
  });
  return [...rounds, `stopped: ${loop.stopped ?? 'no round was needed'}`].join('; ');
}

/** `1 blocking finding left`, `2 blocking findings left`. */
export function blockingLeft(count: number): string {
  return `${count} blocking finding${count === 1 ? '' : 's'} left`;
}

/** What the rounds' agents cost (fix, re-test, re-review), in USD; null when any of it has no price. */
export function fixLoopCost(loop: Pick<FixLoop, 'rounds'>): number | null {
  let total = 0;
  for (const round of loop.rounds) {
    const usages = [round.document.usage, round.test?.document.usage, ...round.reviews.map((r) => r.usage)];
    for (const usage of usages) {
      if (usage === undefined) continue;
      if (usage.costUsd === null) return null;
      total += usage.costUsd;
    }
  }
  return total;
}
