/**
 * `dist/publish.js` under Node 24, as the runner runs it, against the OpenAPI-checked GitHub fake
 * and the artifact service fake: a full run, and re-runs that update what exists.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHANGES_REQUESTED_NOTE } from '../../src/publish/review.ts';
import { findMarker, prMarker } from '../../src/render/marker.ts';
import {
  branchCommits,
  createScenario,
  createScenarioFromLocalRun,
  defaultReviews,
  errorsOf,
  finding,
  ISSUE,
  ISSUE_TITLE,
  MAX_LENGTH_LINE,
  OWNER,
  type PublishRun,
  REPO,
  RUN_ID,
  runPublish,
  type Scenario,
  trackingComments,
  writes,
} from '../support/publish-fixtures.ts';
import { requireSandboxForTests } from '../support/sandbox-required.ts';

const BRANCH = `ensemble/issue-${ISSUE}`;

describe('publish: a full run, then re-runs', () => {
  let scenario: Scenario;
  let first: PublishRun;

  beforeAll(async () => {
    scenario = await createScenario({
      baseFiles: { '.github/ensemble.yml': 'publish:\n  labels: [ensemble, automated]\n' },
    });
    first = await runPublish(scenario);
  }, 120_000);
  afterAll(async () => {
    await scenario?.close();
  });

  test('creates the branch with one commit per task, the integration and the docs, each with its trailers', () => {
    expect(first.exitCode, first.stdout).toBe(0);
    const { github } = scenario;
    const commits = branchCommits(github, BRANCH, scenario.baseSha);
    expect(commits.map((c) => c.message.split('\n')[0])).toEqual([
      'Add a maxLength option to slugify',
      'Add countSentences',
      'Integrate the tasks and add tests',
      'Update the documentation',
    ]);
    const trailers = commits.map((c) => c.message.split('\n\n').at(-1)!.trim());
    expect(trailers).toEqual([
      `Ensemble-Run: ${RUN_ID}\nEnsemble-Stage: code\nEnsemble-Task: slugify-max-length`,
      `Ensemble-Run: ${RUN_ID}\nEnsemble-Stage: code\nEnsemble-Task: count-sentences`,
      `Ensemble-Run: ${RUN_ID}\nEnsemble-Stage: test`,
      `Ensemble-Run: ${RUN_ID}\nEnsemble-Stage: docs`,
    ]);
    // Made by GitHub for the token (no author given), so signed.
    expect(commits.every((c) => c.verified)).toBe(true);
    expect(commits[0]!.parents).toEqual([scenario.baseSha]);

    // The branch holds exactly base + change.patch + docs.patch.
    const files = github.state.git.flatten(commits.at(-1)!.tree);
    const text = (path: string) => github.state.git.blobs.get(files.get(path)!.sha)!.toString('utf8');
    expect(text('src/slugify.js')).toContain('export function slugify(text, { maxLength } = {})');
    expect(text('test/index.test.js')).toContain("from '../src/index.js'");
    expect(text('README.md')).toContain('### `countSentences(text)`');
    expect(text('CHANGELOG.md')).toBe(readFileSync(join(scenario.origin, 'CHANGELOG.md'), 'utf8'));
    // The task commit holds the task's change only.
    const afterFirst = github.state.git.flatten(commits[0]!.tree);
    expect(github.state.git.blobs.get(afterFirst.get('src/count.js')!.sha)!.toString('utf8')).not.toContain(
      'countSentences',
    );
    expect(github.state.refs.get('refs/heads/main')).toBe(scenario.baseSha);
  });

  test('opens one draft pull request into the default branch, with the marker, Closes #n and the labels', () => {
    const pulls = [...scenario.github.state.pulls.values()];
    expect(pulls).toHaveLength(1);
    const pull = pulls[0]!;
    expect(pull).toMatchObject({ head: BRANCH, base: 'main', draft: true, state: 'open', title: ISSUE_TITLE });
    expect(pull.body).toContain(prMarker(RUN_ID));
    expect(pull.body).toContain(`Closes #${ISSUE}`);
    expect(pull.body).toContain('count-sentences');
    expect(pull.body).toContain(`https://github.com/${OWNER}/${REPO}/actions/runs/${RUN_ID}`);
    expect(scenario.github.state.issues.get(pull.number)!.labels).toEqual(['ensemble', 'automated']);
    expect(first.outputs).toEqual({
      'pr-number': String(pull.number),
      'pr-url': `https://github.com/${OWNER}/${REPO}/pull/${pull.number}`,
      branch: BRANCH,
      // Whether CI started on the head (src/publish/checks-started.ts): this repository runs no CI on
      // its default branch, so there is nothing to wait for (publish-checks.test.ts has a base with CI).
      checks: 'none',
    });
    expect(first.stdout).toContain('the repository runs no checks on its default branch');
    expect(trackingComments(scenario.github)[0]!.body).not.toContain('After the pull request');
  });

  test('posts the review with inline comments on the right lines, the rest in the body, changes requested as a comment', () => {
    const reviews = scenario.github.state.reviews;
    expect(reviews).toHaveLength(1);
    const review = reviews[0]!;
    // GitHub refuses REQUEST_CHANGES on the token's own pull request: the review says so as a comment.
    expect(review.state).toBe('COMMENTED');
    expect(review.body).toContain(CHANGES_REQUESTED_NOTE.split('\n')[1]!.slice(2, 40));
    expect(findMarker(review.body, 'review')?.fields['run']).toBe(RUN_ID);
    expect(review.commitId).toBe(scenario.github.state.refs.get(`refs/heads/${BRANCH}`));
    expect(review.comments.map((c) => ({ path: c.path, line: c.line, startLine: c.startLine, side: c.side }))).toEqual([
      { path: 'src/slugify.js', line: MAX_LENGTH_LINE, startLine: null, side: 'RIGHT' },
      { path: 'src/slugify.js', line: MAX_LENGTH_LINE + 2, startLine: MAX_LENGTH_LINE + 1, side: 'RIGHT' },
    ]);
    expect(review.comments[0]!.body).toContain(
      '```suggestion\n  if (maxLength === undefined || slug.length <= maxLength) return slug;\n```',
    );
    // The finding outside the diff is in the body, not inline.
    expect(review.body).toContain('Findings outside the diff (1)');
    expect(review.body).toContain('Bump the minor version');
    expect(review.comments.some((c) => c.path === 'package.json')).toBe(false);
    // The first attempt (REQUEST_CHANGES) was refused, the second posted: never APPROVE.
    expect(scenario.github.calls('pulls/create-review').map((r) => (r.body as { event: string }).event)).toEqual([
      'REQUEST_CHANGES',
      'COMMENT',
    ]);
  });

  test('updates the tracking comment to the outcome, uploads ensemble-publish and writes a summary', () => {
    const comments = trackingComments(scenario.github);
    expect(comments).toHaveLength(1);
    const pull = [...scenario.github.state.pulls.values()][0]!;
    expect(comments[0]!.body).toContain('ensemble opened a pull request');
    expect(comments[0]!.body).toContain(`[#${pull.number}](https://github.com/${OWNER}/${REPO}/pull/${pull.number})`);
    expect(comments[0]!.body).toContain('| review · correctness | ✅ request-changes |');
    // Published with GITHUB_TOKEN's kind of token: no workflow starts, and the comment says what to do.
    expect(comments[0]!.body).toContain("GitHub starts none of this repository's workflows on the pull request");
    const files = scenario.artifacts.files('ensemble-publish');
    const document = JSON.parse(files.get('publish.json')!.toString('utf8'));
    expect(document).toMatchObject({
      schema: 'ensemble.publish/v1',
      branch: BRANCH,
      prNumber: pull.number,
      reviewId: scenario.github.state.reviews[0]!.id,
      commentId: comments[0]!.id,
    });
    expect(document.commits.map((c: { stage: string }) => c.stage)).toEqual(['code', 'code', 'test', 'docs']);
    expect(files.get('pr.md')!.toString('utf8')).toContain(prMarker(RUN_ID));
    expect(first.files.summary).toContain('ensemble opened a pull request');
    expect(scenario.github.problems).toEqual([]);
    expect(scenario.artifacts.problems).toEqual([]);
  });

  test('a re-run updates the same pull request, comment and branch: no duplicates, no second review', async () => {
    const { github } = scenario;
    const head = github.state.refs.get(`refs/heads/${BRANCH}`);
    const before = writes(github).length;
    const again = await runPublish(scenario);
    expect(again.exitCode, again.stdout).toBe(0);
    expect(errorsOf(again)).toEqual([]);
    expect(github.state.pulls.size).toBe(1);
    expect(github.state.refs.get(`refs/heads/${BRANCH}`)).toBe(head);
    expect(github.state.reviews).toHaveLength(1);
    expect(trackingComments(github)).toHaveLength(1);
    expect(github.state.comments.filter((c) => c.issue === ISSUE)).toHaveLength(1);
    // Nothing changed, so nothing was written but the tracking comment's new outcome.
    expect(writes(github).slice(before)).toEqual(['PATCH issues/update-comment']);
    expect(trackingComments(github)[0]!.body).toContain('(unchanged since the last run, not posted again)');
    expect(again.outputs['pr-number']).toBe(first.outputs['pr-number']);
    expect(github.problems).toEqual([]);
  }, 120_000);

  test('a re-run with other findings posts a new review on the same pull request', async () => {
    const { github } = scenario;
    const reviews = defaultReviews();
    reviews['security'] = {
      verdict: 'comment',
      summary: 'One thing to check.',
      findings: [
        finding({
          path: 'src/count.js',
          quote: '  return text.split(/[.!?]+/).filter((part) => /[\\p{L}\\p{N}]/u.test(part)).length;',
          severity: 'nit',
          title: 'A regular expression per part',
          body: 'The pattern is compiled once per call; hoist it.',
          suggestion: null,
        }),
      ],
      criteria: [],
    };
    const dir = scenario.artifactDir;
    const security = JSON.parse(readFileSync(join(dir, 'ensemble-review-security', 'review.json'), 'utf8'));
    writeFileSync(
      join(dir, 'ensemble-review-security', 'review.json'),
      JSON.stringify({ ...security, ...reviews['security'] }),
    );
    await scenario.upload(dir, ['ensemble-review-security']);

    const again = await runPublish(scenario);
    expect(again.exitCode, again.stdout).toBe(0);
    expect(github.state.pulls.size).toBe(1);
    expect(github.state.reviews).toHaveLength(2);
    const latest = github.state.reviews[1]!;
    expect(latest.comments.map((c) => `${c.path}:${c.line}`)).toContain(`src/count.js:${16}`);
    expect(findMarker(latest.body, 'review')?.fields['findings']).not.toBe(
      findMarker(github.state.reviews[0]!.body, 'review')?.fields['findings'],
    );
    expect(trackingComments(github)).toHaveLength(1);
    expect(github.problems).toEqual([]);
  }, 120_000);

  test("a person's commit on ensemble's branch: nothing is pushed, the branch stays, and the comment names it", async () => {
    const { github } = scenario;
    const ref = `refs/heads/${BRANCH}`;
    const head = github.state.refs.get(ref)!;
    const person = { name: 'A Maintainer', email: 'maintainer@example.com', date: '2026-12-04T10:00:00Z' };
    const theirs = github.state.git.writeCommit({
      tree: github.state.git.commits.get(head)!.tree,
      parents: [head],
      message: 'Fix a typo by hand\n',
      author: person,
      committer: person,
      verified: false,
    });
    github.state.refs.set(ref, theirs.sha);
    const before = writes(github).length;
    const again = await runPublish(scenario);
    expect(again.exitCode).not.toBe(0);
    const named = `${theirs.sha.slice(0, 12)} "Fix a typo by hand"`;
    expect(again.stdout).toContain(named);
    // The branch still ends in the person's commit; no commit, branch, pull request or review was written.
    expect(github.state.refs.get(ref)).toBe(theirs.sha);
    expect(writes(github).slice(before)).toEqual(['PATCH issues/update-comment']);
    expect(trackingComments(github)[0]!.body).toContain('that ensemble did not make');
    expect(github.problems).toEqual([]);
  }, 120_000);
});

describe('publish: the artifacts of a real run (the local pipeline on the demo, scripted model)', () => {
  requireSandboxForTests('publishing a real local run');
  test('the pull request, the commits and the review come out as the stages made them', async () => {
    const scenario = await createScenarioFromLocalRun();
    try {
      const run = await runPublish(scenario);
      expect(run.exitCode, run.stdout).toBe(0);
      const commits = branchCommits(scenario.github, BRANCH, scenario.baseSha);
      expect(commits.map((c) => c.message.split('\n')[0])).toEqual([
        'Add a maxLength option to slugify',
        'Add countSentences',
        'Integrate the tasks and add tests',
        'Update the documentation',
      ]);
      expect(commits.at(-1)!.message).toContain(`Ensemble-Run: ${scenario.run.runId}\nEnsemble-Stage: docs`);
      const pull = [...scenario.github.state.pulls.values()][0]!;
      expect(pull.body).toContain(`Closes #${ISSUE}`);
      // The demo's one finding (low, below block-on): a COMMENT with a suggestion on the line it quotes.
      const review = scenario.github.state.reviews[0]!;
      expect(review.state).toBe('COMMENTED');
      expect(review.comments).toHaveLength(1);
      // Line 15 of the demo's slugify.js, as the end-to-end test of the local run finds it too.
      expect(review.comments[0]).toMatchObject({ path: 'src/slugify.js', line: 15, startLine: null, side: 'RIGHT' });
      expect(review.comments[0]!.body).toContain('```suggestion');
      expect(scenario.github.calls('pulls/create-review')).toHaveLength(1);
      expect(scenario.github.problems).toEqual([]);
      expect(scenario.artifacts.problems).toEqual([]);
      expect(scenario.model.problems).toEqual([]);
    } finally {
      await scenario.close();
    }
  }, 120_000);
});
