import { afterEach, describe, expect, test } from 'vitest';
import { parseDocumentText } from '../../src/contracts/read.ts';
import { findingId } from '../../src/review/index.ts';
import { type Harness, labeledEvent, MAINTAINER_SEED, startHarness } from '../support/actions-harness.ts';
import { runExampleCaller } from '../support/example-caller-run.ts';
import { blocking, loopScript, ZERO_FIXED } from '../support/fix-script.ts';
import { requireSandboxForTests } from '../support/sandbox-required.ts';

/**
 * The review → fix loop on GitHub: pipeline.yml run by the workflow simulator from the example
 * caller, the fix job's action bundle against the artifact and model fakes, and the publisher
 * against the GitHub fake. The correctness lens blocks; round 1 fixes it; the re-review is clean.
 */

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('pipeline.yml: the fix job', () => {
  requireSandboxForTests('the stage actions, whose commands run in the sandbox');
  test('a blocking finding is fixed in one round; publish makes its commit and tells the round, in one PR', async () => {
    const h = await startHarness(
      loopScript(() => []),
      MAINTAINER_SEED,
    );
    harness = h;
    const run = await runExampleCaller(h, labeledEvent(12, 'maintainer'), { inputs: {}, secrets: {}, simulate: {} });
    const log = run.log();
    expect(run.jobs['fix']?.result, log).toBe('success');
    expect(run.jobs['publish']?.result, log).toBe('success');
    expect(run.jobs['fix']!.legs[0]!.steps.at(-1)!.outputs).toEqual({
      rounds: '1',
      blocking: '0',
      stopped: 'no blocking finding is left',
    });

    // The round is one artifact: its fix, and its re-test and re-review as a run directory inside it.
    const files = h.artifacts.files('ensemble-fix-1');
    const read = (file: string, kind: 'fix' | 'test' | 'review') =>
      parseDocumentText(kind, files.get(file)!.toString('utf8'), { artifact: 'ensemble-fix-1', file });
    const id = findingId('correctness', blocking('maxLength: 0 is treated as "no limit"'));
    expect(read('fix.json', 'fix')).toMatchObject({ round: 1, status: 'done', findings: [{ id }] });
    expect(read('artifacts/ensemble-test/test.json', 'test')).toMatchObject({ status: 'passed' });
    expect(read('artifacts/ensemble-review-correctness/review.json', 'review')).toMatchObject({ findings: [] });

    // One pull request, whose branch ends in the round's commit (then docs), with the fix in it.
    const pulls = [...h.github.state.pulls.values()];
    expect(pulls).toHaveLength(1);
    const git = h.github.state.git;
    const messages: string[] = [];
    for (let sha = h.github.state.refs.get('refs/heads/ensemble/issue-12'); sha && sha !== h.baseSha; ) {
      const commit = git.commits.get(sha)!;
      messages.push(commit.message);
      sha = commit.parents[0];
    }
    expect(messages.map((m) => m.split('\n')[0])).toEqual([
      'Update the documentation',
      'Treat maxLength: 0 as a limit',
      'Integrate the tasks and add tests',
      'Add countSentences',
      'Add a maxLength option to slugify',
    ]);
    expect(messages[1]).toContain('Ensemble-Stage: fix\nEnsemble-Round: 1');
    const body = pulls[0]!.body as string;
    expect(body).toContain('## Fix rounds');
    expect(body).toContain(`fixed \`${id}\``);
    expect(body).toContain('The loop stopped: no blocking finding is left.');
    // The review posted is the re-review's: the fixed finding is not posted, and nothing requests changes.
    const reviews = h.github.state.reviews;
    expect(reviews).toHaveLength(1);
    expect(reviews[0]!.state).toBe('COMMENTED');
    expect(JSON.stringify(reviews[0])).not.toContain('treated as');
    // The branch holds the fix.
    const head = git.commits.get(h.github.state.refs.get('refs/heads/ensemble/issue-12')!)!;
    const slugify = git.flatten(head.tree).get('src/slugify.js')!;
    expect(git.blobs.get(slugify.sha)!.toString('utf8')).toContain(ZERO_FIXED);
    // The tracking comment tells the round and why the loop stopped.
    const tracking = h.github.state.comments.find((c) => c.body.includes('<!-- ensemble:tracking -->'))!;
    expect(tracking.body).toContain('fix · round 1');
    expect(tracking.body).toContain('fixed 1 of 1 finding; re-test passed');
    expect(tracking.body).toMatch(/\| fix \| [^|]*1 round \| no blocking finding is left \|/);
    expect(h.github.problems).toEqual([]);
    expect(h.artifacts.problems).toEqual([]);
    expect(h.model.problems).toEqual([]);
  }, 600_000);
});
