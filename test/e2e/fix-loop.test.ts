/**
 * The review → fix loop end to end: `ensemble run` and `ensemble fix` on the demo repository with
 * the scripted model, real git, the real sandbox and the real test runner. The demo's review has
 * one finding; these scripts make it block and play the fixing agent and the re-reviews.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { RunResult } from '../../src/contracts/run-result.ts';
import { findingId } from '../../src/review/index.ts';
import {
  blocking,
  isReviewer,
  loopScript,
  reReviewRound,
  smallConfig,
  userText,
  WHOLE_RUN_TIMEOUT_MS,
  ZERO_CHECK,
  ZERO_FIXED,
} from '../support/fix-script.ts';
import { artifact, demoRepo, git, readJson, runJson, withOverrides } from '../support/local-e2e.ts';
import { requireSandboxForTests } from '../support/sandbox-required.ts';
import type { ScriptedRequest } from '../support/scripted-model.ts';

const fixRow = (summary: RunResult) => summary.stages.find((s) => s.stage === 'fix');

describe('the review → fix loop of `ensemble run`', () => {
  requireSandboxForTests('whole runs with fix rounds');
  test(
    'a blocking finding fixed in round 1: one fix commit, re-tested, re-reviewed, and the PR says so',
    async () => {
      const repo = demoRepo();
      const reReviews: ScriptedRequest[] = [];
      const script = loopScript((_round, request) => {
        reReviews.push(request);
        return [];
      });
      const { code, summary, stderr, server } = await runJson(repo, script);
      expect(server.problems).toEqual([]);
      expect(code, stderr).toBe(0);
      expect(summary).toMatchObject({ outcome: 'green', review: { blocking: 0 } });
      expect(fixRow(summary)).toMatchObject({ status: 'done' });
      expect(fixRow(summary)?.detail).toContain('round 1: 1 of 1 fixed; stopped: no blocking finding is left');
      // --json tells the rounds as data too.
      const given = findingId('correctness', blocking('maxLength: 0 is treated as "no limit"'));
      expect(summary.fix).toEqual({
        rounds: [
          {
            round: 1,
            status: 'done',
            taken: true,
            given: [given],
            fixed: [given],
            remaining: [],
            test: 'passed',
            detail: '1 of 1 fixed',
          },
        ],
        stopped: 'no blocking finding is left',
      });

      const id = findingId('correctness', blocking('maxLength: 0 is treated as "no limit"'));
      const fix = readJson(artifact(summary, 'ensemble-fix-1', 'fix.json'));
      expect(fix).toMatchObject({
        schema: 'ensemble.fix/v1',
        round: 1,
        status: 'done',
        findings: [{ id, source: 'correctness', severity: 'high', path: 'src/slugify.js' }],
        filesChanged: ['src/slugify.js'],
      });
      expect(readFileSync(artifact(summary, 'ensemble-fix-1', 'fix.patch'), 'utf8')).toContain(`+${ZERO_FIXED}`);
      // The round's re-test and re-review are a run directory inside the round's artifact.
      const retest = readJson(artifact(summary, 'ensemble-fix-1', 'artifacts/ensemble-test/test.json'));
      expect(retest).toMatchObject({ status: 'passed', failed: 0 });
      const reReview = readJson(
        artifact(summary, 'ensemble-fix-1', 'artifacts/ensemble-review-correctness/review.json'),
      );
      expect(reReview).toMatchObject({ verdict: 'approve', findings: [] });
      // The first pass's documents are kept as they were.
      expect(readJson(artifact(summary, 'ensemble-review-correctness', 'review.json')).findings[0].id).toBe(id);

      // The re-review was given its open finding by id and what the round changed, not only the whole change.
      expect(reReviews).toHaveLength(1);
      const asked = userText(reReviews[0] as ScriptedRequest);
      expect(asked).toContain(`### ${id} (high, from correctness)`);
      const since = asked.slice(asked.indexOf('## What changed since the last review'));
      expect(since).toContain(`-${ZERO_CHECK}`);
      expect(since).toContain(`+${ZERO_FIXED}`);
      expect(since.slice(0, since.indexOf('## What the change was meant to do'))).not.toContain('countSentences');

      // The branch: the tasks, the integration, the round's commit with its trailers, then docs.
      const log = git(repo, 'log', '--reverse', '--format=%s%n%(trailers:only,unfold)--', `main..${summary.branch}`);
      const subjects = log.split('--\n').map((entry) => entry.split('\n')[0]);
      expect(subjects).toEqual([
        'Add a maxLength option to slugify',
        'Add countSentences',
        'Integrate the tasks and add tests',
        'Treat maxLength: 0 as a limit',
        'Update the documentation',
        '',
      ]);
      expect(log).toContain('Treat maxLength: 0 as a limit\nEnsemble-Run: ');
      expect(log).toContain('Ensemble-Stage: fix\nEnsemble-Round: 1');
      expect(git(repo, 'show', `${summary.branch}:src/slugify.js`)).toContain(ZERO_FIXED);
      expect(git(repo, 'status', '--porcelain')).toBe('');

      const pr = readFileSync(summary.prFile, 'utf8');
      expect(pr).toContain('## Fix rounds');
      expect(pr).toContain(`fixed \`${id}\``);
      expect(pr).toContain('The loop stopped: no blocking finding is left.');
      expect(pr).toContain('fix · round 1');
      // The review in the PR is the re-review's: the fixed finding is listed as given to round 1, not as open.
      const reviewSection = pr.slice(pr.indexOf('## Review'), pr.indexOf('## Fix rounds'));
      expect(reviewSection).not.toContain('maxLength: 0 is treated as');
      expect(pr.slice(pr.indexOf('## Fix rounds'))).toContain('maxLength: 0 is treated as');
    },
    WHOLE_RUN_TIMEOUT_MS,
  );

  test(
    'a round that settles none of its findings ends the loop, and the run is not green',
    async () => {
      const repo = demoRepo(smallConfig());
      // The re-review finds the very same problem again (and says so with its id).
      const script = loopScript((_round, request) => {
        const id = /### (F[0-9a-f]{10}) /.exec(userText(request))?.[1] ?? null;
        return [{ ...blocking('maxLength: 0 is treated as "no limit"', ZERO_FIXED), id }];
      });
      const { code, summary } = await runJson(repo, script);
      expect(code).toBe(3);
      expect(summary).toMatchObject({ outcome: 'not-green', review: { blocking: 1 } });
      expect(fixRow(summary)?.detail).toContain(
        'round 1: 0 of 1 fixed; stopped: fix round 1 settled none of its 1 findings',
      );
      expect(summary.problems.join('\n')).toMatch(/the review requests changes: 1 finding/);
      const pr = readFileSync(summary.prFile, 'utf8');
      expect(pr).toContain('fixed none; left');
      expect(pr).toContain('The loop stopped: fix round 1 settled none of its 1 findings, 1 blocking finding left.');
    },
    WHOLE_RUN_TIMEOUT_MS,
  );

  test(
    'a loop that finds something new every round stops at stages.fix.max-rounds, with the reason',
    async () => {
      const repo = demoRepo(smallConfig('  fix:\n    max-rounds: 2\n'));
      // Each round fixes what it was given, and each re-review finds a new problem (another title).
      const script = loopScript((round) => [blocking(`new problem ${round}`, ZERO_FIXED)]);
      const { code, summary } = await runJson(repo, script);
      expect(code).toBe(3);
      expect(fixRow(summary)?.detail).toBe(
        'round 1: 1 of 1 fixed; round 2: 1 of 1 fixed; stopped: the limit of 2 fix rounds (stages.fix.max-rounds) ' +
          'was reached, 1 blocking finding left',
      );
      expect(readJson(artifact(summary, 'ensemble-fix-2', 'fix.json')).findings[0].title).toBe('new problem 1');
      const log = git(repo, 'log', '--format=%(trailers:key=Ensemble-Round,valueonly)', `main..${summary.branch}`);
      expect(log.split('\n').filter(Boolean)).toEqual(['2', '1']);
    },
    WHOLE_RUN_TIMEOUT_MS,
  );

  test(
    "the run's budget, spent in a round, stops the loop before the next one",
    async () => {
      const repo = demoRepo(smallConfig('budgets:\n  run:\n    tokens: 5000000\n'));
      // Round 1's re-review reads a very long prompt (6M tokens) and finds something new.
      const script = withOverrides((request, turn) => {
        const base = loopScript((round) => [blocking(`new problem ${round}`, ZERO_FIXED)]);
        const reply = base(request);
        if (isReviewer(request) && reReviewRound(request) === 1 && turn === 0) {
          return { ...reply, usage: { inputTokens: 6_000_000, outputTokens: 10 } };
        }
        return reply;
      });
      const { code, summary } = await runJson(repo, script);
      expect(code).toBe(3);
      expect(fixRow(summary)?.detail).toMatch(
        /round 1: 1 of 1 fixed; stopped: the run's token budget \(5000000\) is spent \(\d+ used\), 1 blocking finding left/,
      );
      expect(summary.runDir).toBeTruthy();
      expect(() => readJson(artifact(summary, 'ensemble-fix-2', 'fix.json'))).toThrow();
    },
    WHOLE_RUN_TIMEOUT_MS,
  );
});
