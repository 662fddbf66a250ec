/**
 * `dist/publish.js` writing through the Git Data API and the pulls API: binary files, modes and
 * deletions byte for byte; a 502 whose write landed (found, not repeated); a rate limit waited
 * out; a run from a prompt with stages missing.
 */
import { describe, expect, test } from 'vitest';
import { secondaryRateLimited, serverError } from '../support/github-fake.ts';
import {
  branchCommits,
  ISSUE,
  RUN_ID,
  runPublish,
  scenarioPerTest,
  trackingComments,
  writes,
} from '../support/publish-fixtures.ts';

const BRANCH = `ensemble/issue-${ISSUE}`;
/** A scenario closed after each test. */
const scenario = scenarioPerTest();

describe('publish: an ambiguous failure', () => {
  test('a 502 on creating the pull request that did create it: found, not duplicated', async () => {
    const s = await scenario({ docs: null });
    s.github.fail('pulls/create', serverError(502, { afterWrite: true }));
    const run = await runPublish(s);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(s.github.calls('pulls/create')).toHaveLength(1);
    expect(s.github.state.pulls.size).toBe(1);
    const pull = [...s.github.state.pulls.values()][0]!;
    expect(run.outputs['pr-number']).toBe(String(pull.number));
    expect(s.github.state.reviews).toHaveLength(1);
    expect(trackingComments(s.github)[0]!.body).toContain(`[#${pull.number}]`);
    expect(s.github.problems).toEqual([]);
  }, 120_000);
});

describe('publish: binary files, modes and deletions through the Git Data API', () => {
  test('a binary file, an executable and a deletion arrive byte for byte, with their modes', async () => {
    const logo = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const icon = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), Buffer.alloc(64, 7)]);
    const s = await scenario({
      baseFiles: { 'assets/icon.png': Buffer.concat([icon, Buffer.from([1])]) },
      tasks: [
        {
          id: 'assets',
          title: 'Add the logo and a launcher',
          files: {
            'assets/logo.bin': logo,
            'assets/icon.png': icon,
            'bin/textkit': { content: '#!/bin/sh\nexec node src/index.js "$@"\n', executable: true },
            'CHANGELOG.md': null,
          },
        },
      ],
      tests: {},
      docs: null,
      reviews: { correctness: { verdict: 'approve', summary: 'Fine.', findings: [], criteria: [] } },
    });
    // GitHub's secondary rate limit on the first tree: waited out, then the same request again.
    s.github.fail('git/create-tree', secondaryRateLimited({ retryAfter: 1 }));
    const run = await runPublish(s);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(s.changePatch).toContain('GIT binary patch');

    const commits = branchCommits(s.github, BRANCH, s.baseSha);
    expect(commits.map((c) => c.message.split('\n')[0])).toEqual(['Add the logo and a launcher']);
    const files = s.github.state.git.flatten(commits[0]!.tree);
    expect(s.github.state.git.blobs.get(files.get('assets/logo.bin')!.sha)).toEqual(logo);
    expect(s.github.state.git.blobs.get(files.get('assets/icon.png')!.sha)).toEqual(icon);
    expect(files.get('bin/textkit')!.mode).toBe('100755');
    expect(files.get('assets/logo.bin')!.mode).toBe('100644');
    expect(files.has('CHANGELOG.md')).toBe(false);
    // Binary content as base64 blobs; text inline; the deletion as sha: null.
    expect(s.github.calls('git/create-blob').map((r) => (r.body as { encoding: string }).encoding)).toEqual([
      'base64',
      'base64',
    ]);
    type TreeCall = { tree: { path: string; sha?: string | null; content?: string }[] };
    // The branch's trees, and then the run's stored state (refs/ensemble/state/…), one tree of documents.
    const calls = s.github.calls('git/create-tree').map((c) => c.body as TreeCall);
    const isState = (call: TreeCall) => call.tree.some((e) => e.path === 'plan.json');
    expect(calls.filter(isState)).toHaveLength(1);
    const branchTrees = calls.filter((call) => !isState(call));
    const tree = branchTrees.at(-1)!;
    expect(tree.tree.find((e) => e.path === 'CHANGELOG.md')).toMatchObject({ sha: null });
    expect(tree.tree.find((e) => e.path === 'bin/textkit')).toMatchObject({
      mode: '100755',
      content: expect.stringContaining('#!/bin/sh'),
    });
    expect(branchTrees).toHaveLength(2);
    // The integration commit has nothing to add (the tests added no file): one commit only.
    expect(s.github.state.reviews[0]!.state).toBe('COMMENTED');
    expect(s.github.problems).toEqual([]);
  }, 120_000);
});

describe('publish: a run from a prompt, with stages missing', () => {
  test('branch ensemble/<slug of the prompt>-<run id>, no issue to close or comment on; missing stages reported as failed', async () => {
    const s = await scenario({ issue: null, omit: ['ensemble-docs', 'ensemble-review-security'] });
    const run = await runPublish(s, { inputs: { draft: 'false' } });
    expect(run.exitCode, run.stdout).toBe(0);
    // The rule `ensemble run` names a prompt's branch by: a slug of its title, then the run id.
    const branch = `ensemble/add-a-maxlength-option-to-slugify-and-a-${RUN_ID}`;
    expect(run.outputs['branch']).toBe(branch);
    const commits = branchCommits(s.github, branch, s.baseSha);
    // No docs commit: the docs job uploaded nothing.
    expect(commits.map((c) => c.message.split('\n')[0])).toEqual([
      'Add a maxLength option to slugify',
      'Add countSentences',
      'Integrate the tasks and add tests',
    ]);
    const pull = [...s.github.state.pulls.values()][0]!;
    expect(pull.head).toBe(branch);
    expect(pull.draft).toBe(false);
    expect(pull.body).not.toContain('Closes #');
    // The issue's comments are untouched: a prompt run has no tracking comment.
    expect(writes(s.github).some((w) => w.includes('comment'))).toBe(false);
    expect(run.files.summary).toContain('| docs | ❌ no artifact |');
    expect(run.files.summary).toContain('| review · security | ❌ no artifact |');
    expect(run.files.summary).toContain('ensemble-docs');
    expect(run.stdout).toMatch(/^::warning::docs: no artifact/m);
    expect(s.github.problems).toEqual([]);
  }, 120_000);
});
