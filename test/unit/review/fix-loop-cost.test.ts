/**
 * `fixLoopCost`: what a follow-up run's rounds cost (the fixing agent, the re-test, each lens of the
 * re-review), the figure the tracking comment's row of a CI repair shows.
 */
import { expect, test } from 'vitest';
import type { FixRoundResult } from '../../../src/review/fix-rounds.ts';
import { fixLoopCost } from '../../../src/review/index.ts';
import { validFix, validReview, validTestReport, validUsage } from '../../support/documents.ts';

function round(n: number, costs: { fix: number | null; test?: number | null; reviews?: (number | null)[] }) {
  const result: FixRoundResult = {
    document: validFix({ round: n, usage: validUsage({ costUsd: costs.fix }) }),
    patch: 'diff',
    test:
      costs.test === undefined
        ? null
        : { document: validTestReport({ usage: validUsage({ costUsd: costs.test }) }), change: `change ${n}` },
    reviews: (costs.reviews ?? []).map((cost, i) =>
      validReview({ lens: `lens-${i}`, usage: validUsage({ costUsd: cost }) }),
    ),
    rejected: null,
    fixed: [],
    remaining: [],
  };
  return result;
}

test('the sum of every round: its fix, its re-test and each lens of its re-review', () => {
  const rounds = [
    round(1, { fix: 0.5, test: 0.25, reviews: [0.125, 0.0625] }),
    // Not re-tested (its fix failed): only the fixing agent was paid for.
    round(2, { fix: 1 }),
  ];
  expect(fixLoopCost({ rounds })).toBeCloseTo(1.9375, 10);
});

test('no round: nothing was spent', () => {
  expect(fixLoopCost({ rounds: [] })).toBe(0);
});

test('null when any agent of any round has no price (an unknown model): a partial sum would understate it', () => {
  expect(fixLoopCost({ rounds: [round(1, { fix: 0.5, test: 0.25, reviews: [null] })] })).toBeNull();
  expect(fixLoopCost({ rounds: [round(1, { fix: 0.5 }), round(2, { fix: null })] })).toBeNull();
  expect(fixLoopCost({ rounds: [round(1, { fix: 0.5, test: null })] })).toBeNull();
});
