import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReviewDocument } from '../../../src/contracts/index.ts';
import { buildCommitSequence, PatchApplyError, warmCommitSequence } from '../../../src/publish/commits.ts';
import { inlineText } from '../../../src/publish/git-data.ts';
import { renderTrackingComment } from '../../../src/publish/report.ts';
import { CHANGES_REQUESTED_NOTE, planReview } from '../../../src/publish/review.ts';
import { findMarker, TRACKING_MARKER } from '../../../src/render/marker.ts';
import { parseUnifiedDiff } from '../../../src/workspace/diff/index.ts';
import { hardenedGit } from '../../../src/workspace/git.ts';
import { diffTrees } from '../../../src/workspace/patch.ts';
import { knownPatchedTree, patchedTree, rememberPatchedTree } from '../../../src/workspace/patched-tree.ts';
import { commandStarted, duringCommand } from '../../../src/workspace/quiet.ts';
import {
  validDocs,
  validFinding,
  validPlan,
  validPlanTask,
  validReview,
  validRun,
  validTask,
} from '../../support/documents.ts';
import { cleanupTemps, createRepo, isolateGit } from '../../support/git-fixture.ts';

describe('inlineText', () => {
  test('UTF-8 text goes inline; binary, NUL and invalid UTF-8 go as blobs', () => {
    expect(inlineText(Buffer.from('héllo\r\n'))).toBe('héllo\r\n');
    expect(inlineText(Buffer.from([0x68, 0x00, 0x69]))).toBeNull();
    expect(inlineText(Buffer.from([0xff, 0xfe, 0x41]))).toBeNull();
    expect(inlineText(Buffer.alloc(600 * 1024, 0x61))).toBeNull();
  });
});

const PATCH = `diff --git a/src/a.ts b/src/a.ts
index 1111111..2222222 100644
--- a/src/a.ts
+++ b/src/a.ts
@@ -1,3 +1,6 @@
 export function a(x: number) {
-  return x;
+  if (x < 0) return 0;
+  const y = x * 2;
+  const z = y + 1;
+  return z;
 }
`;

function lens(lensName: string, findings: ReviewDocument['findings']): ReviewDocument {
  return validReview({ lens: lensName, findings, verdict: findings.length > 0 ? 'comment' : 'approve', criteria: [] });
}

describe('planReview', () => {
  const diff = parseUnifiedDiff(PATCH);
  const options = { runId: '99', allowedHost: 'github.com' };

  test('inline comments on the RIGHT side, a range with start_line, a suggestion block, the rest in the body', () => {
    const plan = planReview(
      [
        lens('correctness', [
          validFinding({
            path: 'src/a.ts',
            line: null,
            endLine: null,
            quote: '  if (x < 0) return 0;',
            severity: 'high',
            suggestion: '  if (x <= 0) return 0;',
          }),
          validFinding({
            path: 'src/a.ts',
            line: null,
            endLine: null,
            quote: '  const y = x * 2;\n  const z = y + 1;',
            severity: 'low',
            title: 'Two steps where one would do',
            suggestion: null,
          }),
          validFinding({
            path: 'src/b.ts',
            line: 4,
            endLine: null,
            quote: 'nowhere',
            severity: 'medium',
            title: 'Elsewhere',
            suggestion: null,
          }),
        ]),
      ],
      diff,
      'high',
      options,
    );
    expect(plan.event).toBe('REQUEST_CHANGES');
    expect(plan.comments.map(({ body: _, ...c }) => c)).toEqual([
      { path: 'src/a.ts', line: 2, side: 'RIGHT' },
      { path: 'src/a.ts', line: 4, side: 'RIGHT', start_line: 3, start_side: 'RIGHT' },
    ]);
    expect(plan.comments[0]!.body).toContain('```suggestion\n  if (x <= 0) return 0;\n```');
    expect(plan.comments[1]!.body).not.toContain('```suggestion');
    expect(plan.texts.body).toContain('Findings outside the diff (1)');
    expect(plan.texts.body).toContain('Elsewhere');
    expect(findMarker(plan.texts.body, 'review')?.fields).toEqual({ run: '99', findings: plan.fingerprint });
    // The fallbacks keep the marker (so a re-run finds them) and say that changes are requested.
    for (const body of [plan.texts.commentBody, plan.texts.unplacedBody, plan.texts.unplacedCommentBody]) {
      expect(findMarker(body, 'review')?.fields['findings']).toBe(plan.fingerprint);
    }
    expect(plan.texts.commentBody).toContain(CHANGES_REQUESTED_NOTE);
    expect(plan.texts.unplacedBody).toContain('Findings outside the diff (3)');
  });

  test("each inline comment carries its finding's stable id in a hidden marker; a finding without an id, none", () => {
    const id = 'F0123456789';
    const quote = '  if (x < 0) return 0;';
    const plan = planReview(
      [lens('correctness', [validFinding({ id, path: 'src/a.ts', line: null, endLine: null, quote })])],
      diff,
      'high',
      options,
    );
    expect(plan.comments[0]!.body.startsWith('<!-- ensemble:finding id=F0123456789 -->\n')).toBe(true);
    expect(findMarker(plan.comments[0]!.body, 'finding')?.fields).toEqual({ id });
    const old = planReview(
      [lens('correctness', [validFinding({ id: null, path: 'src/a.ts', line: null, endLine: null, quote })])],
      diff,
      'high',
      options,
    );
    expect(findMarker(old.comments[0]!.body, 'finding')).toBeNull();
  });

  test('COMMENT below the blocking severity, and for no findings at all: never APPROVE', () => {
    const low = planReview(
      [lens('tests', [validFinding({ path: 'src/a.ts', line: 2, endLine: null, quote: '', severity: 'low' })])],
      diff,
      'high',
      options,
    );
    expect(low.event).toBe('COMMENT');
    expect(low.comments).toHaveLength(1);
    const none = planReview([lens('security', [])], diff, 'high', options);
    expect(none.event).toBe('COMMENT');
    expect(none.comments).toEqual([]);
    expect(none.texts.body).toContain('no findings');
  });

  test('the fingerprint follows the findings, not the run', () => {
    const findings = [validFinding({ path: 'src/a.ts', line: 2, endLine: null, quote: '', severity: 'low' })];
    const a = planReview([lens('tests', findings)], diff, 'high', options);
    const b = planReview([lens('tests', findings)], diff, 'high', { ...options, runId: '100' });
    const c = planReview([lens('tests', [{ ...findings[0]!, body: 'Another body.' }])], diff, 'high', options);
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).not.toBe(c.fingerprint);
  });
});

describe('renderTrackingComment', () => {
  test('the outcome, the stage table with what failed and where its artifacts are, the error fenced, the plan folded', () => {
    const comment = renderTrackingComment(
      {
        status: 'refused',
        error:
          'publish refused: rule credential, in change.patch: x.ts: GitHub token ghp_…(40 chars) on line 1; nothing was written.',
        branch: null,
        pr: null,
        review: null,
        stages: [
          { stage: 'plan', artifact: 'ensemble-plan', state: 'ok', status: '2 tasks', detail: '' },
          {
            stage: 'code · api',
            artifact: 'ensemble-code-api',
            state: 'failed',
            status: 'no artifact',
            detail: 'the job failed @someone',
          },
        ],
        notes: [],
      },
      validPlan(),
      { runUrl: 'https://github.com/o/r/actions/runs/5', allowedHost: 'github.com' },
    );
    expect(comment.startsWith(TRACKING_MARKER)).toBe(true);
    expect(comment).toContain('ensemble refused to publish this change');
    expect(comment).toContain('```text\npublish refused: rule credential');
    expect(comment).toContain('| code · api | ❌ no artifact |');
    expect(comment).toContain('`ensemble-code-api`');
    expect(comment).toContain('[workflow run](https://github.com/o/r/actions/runs/5)');
    expect(comment).not.toMatch(/(?<!\u200b)@someone/);
    expect(comment).toContain('<summary>The plan</summary>');
  });
});

describe('buildCommitSequence', () => {
  beforeAll(() => isolateGit());
  afterAll(() => cleanupTemps());

  test('warmed while a command runs, it commits the trees made then, which later builds find', async () => {
    const repo = createRepo({ 'a.txt': 'one\n', 'b.txt': 'two\n' });
    const base = repo.head();
    const git = hardenedGit(repo.dir);
    const patchOf = async (files: Record<string, string>) => {
      const after = repo.commit(files);
      const made = await diffTrees(git, base, after);
      repo.git('reset', '-q', '--hard', base);
      return made.patch;
    };
    const taskA = await patchOf({ 'a.txt': 'one!\n' });
    const taskB = await patchOf({ 'b.txt': 'two!\n' });
    const change = await patchOf({ 'a.txt': 'one!\n', 'b.txt': 'two!\n' });
    const run = validRun({ baseSha: base });
    const plan = validPlan({
      run,
      tasks: [validPlanTask({ id: 'a', files: ['a.txt'] }), validPlanTask({ id: 'b', files: ['b.txt'] })],
    });
    const tasks = [
      { document: validTask({ run, taskId: 'a', commitMessage: 'Change a' }), patch: taskA },
      { document: validTask({ run, taskId: 'b', commitMessage: 'Change b' }), patch: taskB },
    ];
    const started: string[] = [];
    let warmed: Promise<void> = Promise.resolve();
    const drop = duringCommand(async () => {
      started.push('warm');
      warmed = warmCommitSequence({ repoDir: repo.dir, run, plan, tasks });
      await warmed;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([]);
    const ended = commandStarted([repo.dir]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['warm']);
    ended();
    drop();
    // The warm-up the command started: its work is what the sequence then finds.
    await warmed;
    const baseTree = repo.git('rev-parse', `${base}^{tree}`).trim();
    const first = await knownPatchedTree(git, baseTree, taskA);
    expect(first).toMatchObject({ ok: true });
    const second = first?.ok ? await knownPatchedTree(git, first.tree, taskB) : undefined;
    expect(second).toMatchObject({ ok: true });

    const input = { repoDir: repo.dir, run, plan, tasks, test: null, changePatch: change, docs: null };
    const sequence = await buildCommitSequence(input);
    expect(sequence.commits.map((c) => [c.taskId, c.tree, c.parentTree])).toEqual([
      ['a', first?.ok && first.tree, baseTree],
      ['b', second?.ok && second.tree, first?.ok && first.tree],
    ]);
    expect(repo.git('show', '--format=', '--name-only', sequence.commits[1]!.sha).trim()).toBe('b.txt');
    // The known trees are the ones committed: git is not asked to apply the task patches again.
    const known = (await patchedTree(git, baseTree, taskB)) as { tree: string };
    rememberPatchedTree(git, baseTree, taskA, known.tree);
    const again = await buildCommitSequence(input);
    expect(again.commits[0]?.tree).toBe(known.tree);
  });

  test('one commit per task, then integration and docs, with trailers; a patch that does not apply is refused by name', async () => {
    const repo = createRepo({ 'a.txt': 'one\n', 'b.txt': 'two\n' });
    const base = repo.head();
    const patchOf = async (files: Record<string, string>) => {
      const before = repo.head();
      const after = repo.commit(files);
      const patch = (await diffTrees(hardenedGit(repo.dir), before, after)).patch;
      repo.git('reset', '-q', '--hard', base);
      return patch;
    };
    const taskA = await patchOf({ 'a.txt': 'one!\n' });
    const change = await patchOf({ 'a.txt': 'one!\n', 't.test': 'ok\n' });
    repo.commit({ 'a.txt': 'one!\n', 't.test': 'ok\n' });
    const mid = repo.head();
    const docs = (await diffTrees(hardenedGit(repo.dir), mid, repo.commit({ 'README.md': '# x\n' }))).patch;
    repo.git('reset', '-q', '--hard', base);

    const run = validRun({ baseSha: base });
    const plan = validPlan({ run, tasks: [validPlanTask({ id: 'api', files: ['a.txt'] })] });
    const input = {
      repoDir: repo.dir,
      run,
      plan,
      tasks: [{ document: validTask({ run, taskId: 'api', commitMessage: 'Change a' }), patch: taskA }],
      test: null,
      changePatch: change,
      docs: { document: validDocs({ run }), patch: docs },
    };
    const sequence = await buildCommitSequence(input);
    expect(sequence.commits.map((c) => [c.stage, c.taskId, c.subject])).toEqual([
      ['code', 'api', 'Change a'],
      ['test', null, 'Integrate the tasks'],
      ['docs', null, 'Update the documentation'],
    ]);
    expect(repo.git('log', '--format=%(trailers:only,unfold)', '-1', sequence.commits[0]!.sha)).toBe(
      `Ensemble-Run: ${run.runId}\nEnsemble-Stage: code\nEnsemble-Task: api`,
    );
    // Nothing moved in the repository: only objects were added.
    expect(repo.head()).toBe(base);

    const broken = change.replace('-one', '-uno');
    await expect(buildCommitSequence({ ...input, changePatch: broken })).rejects.toThrow(PatchApplyError);
    await expect(buildCommitSequence({ ...input, changePatch: broken })).rejects.toMatchObject({
      patch: 'change.patch',
    });
    const otherDocs = (await patchOf({ 'b.txt': 'three\n' })).replace('-two', '-deux');
    await expect(buildCommitSequence({ ...input, docs: { ...input.docs, patch: otherDocs } })).rejects.toMatchObject({
      patch: 'docs.patch',
    });
  });
});
