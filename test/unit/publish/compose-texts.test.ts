/**
 * `composeTexts`: every text publish will write, rendered from a run's artifacts (made with real
 * git from edits of the demo repository) and the change `buildChange` made of them.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { buildChange, type Change } from '../../../src/publish/build-change.ts';
import { composeTexts } from '../../../src/publish/compose-texts.ts';
import { findMarker, prMarker } from '../../../src/render/marker.ts';
import { isolateGit } from '../../support/git-fixture.ts';
import type { StepInputs } from '../../support/publish-fixtures.ts';
import { createStepInputs, ISSUE, ISSUE_TITLE, MAX_LENGTH_LINE, RUN_ID } from '../../support/publish-fixtures.ts';

const RUN_URL = 'https://github.com/octo-org/textkit/actions/runs/4242';

async function built(inputs: StepInputs): Promise<Change> {
  const { origin, artifacts } = inputs;
  const change = await buildChange({ repoDir: origin, artifacts, changePatch: artifacts.changePatch });
  if (!change.ok) throw new Error(change.stop.error);
  return change;
}

function compose(inputs: StepInputs, change: Change, artifacts = inputs.artifacts) {
  return composeTexts({ artifacts, change, blockOn: 'high', runUrl: RUN_URL, allowedHost: 'github.com' });
}

describe('composeTexts', () => {
  let inputs: StepInputs;
  let change: Change;
  beforeAll(async () => {
    isolateGit();
    inputs = await createStepInputs();
    change = await built(inputs);
  }, 60_000);

  test("the pull request: titled by the issue, its body closes the issue and links the run's artifacts", () => {
    const texts = compose(inputs, change);
    expect(texts.prTitle).toEqual({ label: 'PR title', text: ISSUE_TITLE, kind: 'title' });
    expect(texts.prBody).toMatchObject({ label: 'PR body', kind: 'body' });
    expect(texts.prBody.text).toContain(prMarker(RUN_ID));
    expect(texts.prBody.text).toContain(`Closes #${ISSUE}`);
    expect(texts.prBody.text).toContain(RUN_URL);
    expect(texts.prBody.text).toContain('count-sentences');
  });

  test('a request without a title: the pull request is named after the run', () => {
    const { plan } = inputs.artifacts;
    const untitled = { ...inputs.artifacts, plan: { ...plan, request: { ...plan.request, title: '  ' } } };
    expect(compose(inputs, change, untitled).prTitle.text).toBe(`ensemble run ${RUN_ID}`);
  });

  test("each task's commit gets the task's message, matched by commit; ensemble's own commits keep theirs", () => {
    const texts = compose(inputs, change);
    const commits = change.sequence.commits;
    expect(commits.map((c) => c.stage)).toEqual(['code', 'code', 'test', 'docs']);
    expect(texts.commitMessages).toEqual([
      {
        sha: commits[0]!.sha,
        message: {
          label: 'commit message of task slugify-max-length',
          text: 'Add a maxLength option to slugify',
          kind: 'raw',
        },
      },
      {
        sha: commits[1]!.sha,
        message: { label: 'commit message of task count-sentences', text: 'Add countSentences', kind: 'raw' },
      },
    ]);
  });

  test("the review: inline comments on the pull request's lines, named by their place; the rest in the body", () => {
    const review = compose(inputs, change).review;
    if (!review) throw new Error('expected a review');
    expect(review.event).toBe('REQUEST_CHANGES');
    const line = MAX_LENGTH_LINE;
    expect(review.comments.map((c) => [c.path, c.start_line ?? null, c.line, c.body.label])).toEqual([
      ['src/slugify.js', null, line, `review comment 1 (src/slugify.js:${line})`],
      ['src/slugify.js', line + 1, line + 2, `review comment 2 (src/slugify.js:${line + 2})`],
    ]);
    expect(review.comments[0]!.body.text).toContain('```suggestion\n  if (maxLength === undefined');
    expect(review.body.text).toContain('Findings outside the diff (1)');
    expect(review.body.text).toContain('Bump the minor version');
    // Every body a post may need carries the fingerprint, so that a re-run finds the review.
    for (const body of [review.body, review.commentBody, review.unplacedBody, review.unplacedCommentBody]) {
      expect(findMarker(body.text, 'review')?.fields['findings']).toBe(review.fingerprint);
    }
    expect(review.unplacedBody.text).toContain('Findings outside the diff (3)');
  });

  test('no lens reviewed the change: no review, and the pull request body still says what was done', () => {
    const texts = compose(inputs, change, { ...inputs.artifacts, reviews: [] });
    expect(texts.review).toBeNull();
    expect(texts.prBody.text).toContain(`Closes #${ISSUE}`);
  });
});
