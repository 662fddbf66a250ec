import { describe, expect, test } from 'vitest';
import type { FixDocument } from '../../../src/contracts/fix.ts';
import type { ReviewDocument } from '../../../src/contracts/review.ts';
import {
  blockingFindings,
  describeFixLoop,
  type FixRoundDocuments,
  finalState,
  findingId,
  fixLoopDetail,
  identifyFindings,
  incompleteSummary,
  settledByRound,
  testedRounds,
} from '../../../src/review/index.ts';
import { validFinding, validFix, validReview, validTestReport } from '../../support/documents.ts';

const high = (title: string) => validFinding({ severity: 'high', title, quote: `quote of ${title}` });
const low = (title: string) => validFinding({ severity: 'low', title, quote: `quote of ${title}` });
const reviewWith = (findings: ReturnType<typeof validFinding>[], lens = 'correctness'): ReviewDocument =>
  validReview({ lens, findings, verdict: 'comment' });
const idOf = (title: string, lens = 'correctness') => findingId(lens, high(title));

/** A round given `given` (titles of blocking findings) whose re-review reports `after`. */
function round(n: number, given: string[], after: ReviewDocument[] | null, fix: Partial<FixDocument> = {}) {
  const document = validFix({
    round: n,
    findings: given.map((title) => ({
      id: idOf(title),
      source: 'correctness',
      severity: 'high',
      path: 'src/routes/widgets.ts',
      line: 12,
      title,
    })),
    ...fix,
  });
  const documents: FixRoundDocuments = {
    document,
    patch: 'diff',
    test: after === null ? null : { document: validTestReport({ status: 'passed' }), change: `change after ${n}` },
    reviews: after ?? [],
  };
  return documents;
}

const loop = (first: ReviewDocument[], rounds: FixRoundDocuments[], maxRounds = 2) =>
  describeFixLoop({ test: { status: 'passed' }, reviews: first, rounds, blockOn: 'high', maxRounds });

describe('finding ids', () => {
  test('the same finding gets the same id in any run; another title, file, quote or lens another', () => {
    const a = high('page is not validated');
    expect(findingId('correctness', a)).toMatch(/^F[0-9a-f]{10}$/);
    expect(findingId('correctness', { ...a, title: '  Page is   not validated ' })).toBe(findingId('correctness', a));
    expect(findingId('correctness', { ...a, title: 'page is validated twice' })).not.toBe(findingId('correctness', a));
    expect(findingId('correctness', { ...a, path: 'src/other.ts' })).not.toBe(findingId('correctness', a));
    expect(findingId('security', a)).not.toBe(findingId('correctness', a));
  });

  test('a re-review keeps the id of an open finding it reports again; any other id a model wrote is replaced', () => {
    const open = idOf('page is not validated');
    const [again, invented, fresh] = identifyFindings(
      'correctness',
      [
        { ...high('page is still not validated'), id: open },
        { ...high('made-up id'), id: 'F0000000000' },
        high('a new one'),
      ],
      new Set([open]),
    );
    expect(again?.id).toBe(open);
    expect(invented?.id).toBe(findingId('correctness', high('made-up id')));
    expect(fresh?.id).toBe(findingId('correctness', high('a new one')));
  });

  test('two findings that come to one id are kept once', () => {
    expect(identifyFindings('correctness', [high('same'), high('same')])).toHaveLength(1);
  });
});

describe('blocking findings and what a round settled', () => {
  test('only findings at or above block-on block, from every lens, with their lens', () => {
    const reviews = [reviewWith([high('a'), low('b')]), reviewWith([high('c')], 'security')];
    expect(blockingFindings(reviews, 'high').map((f) => [f.source, f.finding.title])).toEqual([
      ['correctness', 'a'],
      ['security', 'c'],
    ]);
    expect(blockingFindings(reviews, 'low')).toHaveLength(3);
  });

  test('a finding the re-review no longer reports is fixed; one it reports again remains', () => {
    const after = blockingFindings([reviewWith([{ ...high('b'), id: idOf('b') }])], 'high');
    expect(settledByRound([{ id: idOf('a') }, { id: idOf('b') }], after)).toEqual({
      fixed: [idOf('a')],
      remaining: [idOf('b')],
    });
  });
});

describe('describeFixLoop: why the loop stopped, from the documents alone', () => {
  test('no round: no loop', () => {
    expect(loop([reviewWith([high('a')])], []).stopped).toBeNull();
  });

  test('no blocking finding left after a round', () => {
    const described = loop([reviewWith([high('a')])], [round(1, ['a'], [reviewWith([low('nit')])])]);
    expect(described.rounds[0]).toMatchObject({ fixed: [idOf('a')], remaining: [] });
    expect(described.stopped).toBe('no blocking finding is left');
    expect(fixLoopDetail(described)).toBe('round 1: 1 of 1 fixed; stopped: no blocking finding is left');
  });

  test('a round that settled none of its findings', () => {
    const again = reviewWith([{ ...high('a'), id: idOf('a') }]);
    expect(loop([reviewWith([high('a')])], [round(1, ['a'], [again])]).stopped).toBe(
      'fix round 1 settled none of its 1 findings, 1 blocking finding left',
    );
  });

  test('the limit of rounds, with what is left', () => {
    const rounds = [round(1, ['a'], [reviewWith([high('b')])]), round(2, ['b'], [reviewWith([high('c')])])];
    expect(loop([reviewWith([high('a')])], rounds).stopped).toBe(
      'the limit of 2 fix rounds (stages.fix.max-rounds) was reached, 1 blocking finding left',
    );
  });

  test('a fix that failed says why; its change is not the change as it stands', () => {
    const first = [reviewWith([high('a')])];
    const failed = round(1, ['a'], null, { status: 'failed', stopReason: 'tokens: the budget ran out' });
    const described = loop(first, [failed]);
    expect(described.stopped).toBe('fix round 1 failed: tokens: the budget ran out');
    const state = finalState({ test: null, change: 'first change', reviews: first }, described);
    expect(state.change).toBe('first change');
    expect(testedRounds(described)).toEqual([]);
  });

  test('a re-review that did not complete ends the loop and says which lens', () => {
    const incomplete = validReview({
      lens: 'security',
      findings: [],
      summary: `${incompleteSummary('security')}, so this change has not been reviewed through that lens: boom`,
    });
    const described = loop([reviewWith([high('a')])], [round(1, ['a'], [reviewWith([]), incomplete])]);
    expect(described.stopped).toBe('the re-review of round 1 did not complete (security)');
  });

  test('a loop cut short with blocking findings left is named as what it can only be', () => {
    const described = loop([reviewWith([high('a')])], [round(1, ['a'], [reviewWith([high('b')])])], 5);
    expect(described.stopped).toBe(
      "the loop ended after round 1, 1 blocking finding left: the run's budget was spent or the run was stopped",
    );
  });

  test('a round whose re-test fails where the change before passed is not taken: the change before stands', () => {
    const broken = round(1, ['a'], [reviewWith([])]);
    broken.test = { document: validTestReport({ status: 'failed' }), change: 'broken change' };
    const described = loop([reviewWith([high('a')])], [broken]);
    expect(described.rounds[0]?.rejected).toBe('its re-test failed where the change before it passed');
    expect(described.stopped).toBe(
      'fix round 1 was not taken (its re-test failed where the change before it passed), 1 blocking finding left',
    );
    expect(finalState({ test: null, change: 'first change', reviews: [] }, described).change).toBe('first change');
    expect(testedRounds(described)).toEqual([]);
    // Where the change before already failed, a round that still fails is taken (it may fix other things).
    const stillFailing = describeFixLoop({
      test: { status: 'failed' },
      reviews: [reviewWith([high('a')])],
      rounds: [broken],
      blockOn: 'high',
      maxRounds: 2,
    });
    expect(stillFailing.rounds[0]?.rejected).toBeNull();
  });

  test('the change as it stands is the last re-tested round’s, with its review', () => {
    const after = [reviewWith([low('nit')])];
    const described = loop([reviewWith([high('a')])], [round(1, ['a'], after)]);
    const state = finalState({ test: null, change: 'first change', reviews: [] }, described);
    expect(state).toMatchObject({ change: 'change after 1', reviews: after, test: { status: 'passed' } });
  });
});
