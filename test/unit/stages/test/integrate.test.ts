import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EnsembleConfig } from '../../../../src/contracts/config.ts';
import { TestDocument } from '../../../../src/contracts/index.ts';
import { UsageLedger } from '../../../../src/model/ledger.ts';
import { integrateWithoutTests, integrationOrder, skippedTask } from '../../../../src/stages/test/integrate.ts';
import { diffAgainstBase, withWorktree } from '../../../../src/workspace/index.ts';
import { validPlan, validPlanTask, validRun, validTask } from '../../../support/documents.ts';
import { cleanupTemps, createRepo, isolateGit, type TestRepo, writeFiles } from '../../../support/git-fixture.ts';

beforeAll(() => isolateGit());
afterAll(() => cleanupTemps());

describe('integrationOrder', () => {
  const t = (id: string) => ({ document: { taskId: id } });
  test('dependencies first, ties by plan order, unknown tasks last', () => {
    const plan = [
      { id: 'docs', dependsOn: ['api'] },
      { id: 'api', dependsOn: ['store'] },
      { id: 'ui', dependsOn: [] },
      { id: 'store', dependsOn: [] },
    ];
    const order = integrationOrder(plan, [t('extra'), t('ui'), t('docs'), t('store'), t('api')]);
    expect(order.map((x) => x.document.taskId)).toEqual(['ui', 'store', 'api', 'docs', 'extra']);
  });

  test('two results for one task are refused', () => {
    const plan = [{ id: 'a', dependsOn: [] }];
    expect(() => integrationOrder(plan, [t('a'), t('a')])).toThrow('two task results for task "a"');
  });
});

describe('skippedTask', () => {
  test('says why a task is not integrated: no change, a failure with its stop reason, or no result at all', () => {
    expect(skippedTask('a', { status: 'no-change', stopReason: null })).toEqual({
      taskId: 'a',
      result: 'skipped',
      conflictingFiles: [],
      detail: 'no change',
    });
    expect(skippedTask('b', { status: 'failed', stopReason: 'turns: the turn budget ran out' }).detail).toBe(
      'the task failed (turns: the turn budget ran out): its partial patch is kept in its artifact and not integrated',
    );
    expect(skippedTask('c', { status: 'failed', stopReason: null }).detail).toBe(
      'the task failed: its partial patch is kept in its artifact and not integrated',
    );
    expect(skippedTask('d', undefined).detail).toBe('no task result was given for this task');
  });
});

/** What the test stage says of a failed task, on or off (stage-test.test.ts has the same words). */
const STOP_REASON = 'turns: the turn budget ran out';
const FAILED_B = `the task failed (${STOP_REASON}): its partial patch is kept in its artifact and not integrated`;

describe('integrateWithoutTests', () => {
  const NOTES = 'one\ntwo\nthree\n';

  async function taskPatch(repo: TestRepo, base: string, files: Record<string, string>): Promise<string> {
    return withWorktree(repo.dir, base, async (dir) => {
      writeFiles(dir, files);
      return (await diffAgainstBase(dir, base)).patch;
    });
  }

  test("integrates finished tasks, skips the others in the test stage's words, names conflicts", async () => {
    const repo = createRepo({ 'notes.txt': NOTES, 'README.md': '# notes\n' });
    const base = repo.head();
    const run = validRun({ baseSha: base });
    const plan = validPlan({
      run,
      tasks: ['a', 'b', 'c', 'e'].map((id) => validPlanTask({ id, title: `Task ${id}`, files: [`${id}.txt`] })),
    });
    const a = await taskPatch(repo, base, { 'notes.txt': 'one\nTWO (a)\nthree\n' });
    const b = await taskPatch(repo, base, { 'README.md': '# notes\n\nHalf done.\n' });
    const e = await taskPatch(repo, base, { 'notes.txt': 'one\nTWO (e)\nthree\n' });
    const task = (taskId: string, patch: string, overrides: Parameters<typeof validTask>[0] = {}) => ({
      document: validTask({ run, taskId, ...overrides }),
      patch,
    });
    const ctx = {
      repoDir: repo.dir,
      run,
      config: EnsembleConfig.parse({ models: { default: 'openai:gpt-5' } }),
      ledger: new UsageLedger(),
    };

    const { document, patch } = await integrateWithoutTests(ctx, plan, [
      task('e', e),
      task('c', '', { status: 'no-change' }),
      task('b', b, { status: 'failed', stopReason: STOP_REASON }),
      task('a', a),
    ]);

    expect(TestDocument.parse(document)).toEqual(document);
    expect(document).toMatchObject({ status: 'no-tests', command: null, testsAdded: [], failures: [], fixAttempts: 0 });
    expect(document.integration).toEqual([
      { taskId: 'a', result: 'applied', conflictingFiles: [], detail: '' },
      {
        taskId: 'b',
        result: 'skipped',
        conflictingFiles: [],
        detail: FAILED_B,
      },
      { taskId: 'c', result: 'skipped', conflictingFiles: [], detail: 'no change' },
      expect.objectContaining({ taskId: 'e', result: 'conflicted', conflictingFiles: ['notes.txt'] }),
    ]);
    expect(document.summary).toBe(
      'The test stage is off (stages.test.enabled: false): ' +
        'the task patches were integrated without running or adding tests.\n' +
        'Left out because they conflict: e (notes.txt).',
    );
    expect(patch).toContain('+TWO (a)');
    expect(patch).not.toContain('TWO (e)');
    expect(patch).not.toContain('Half done.');
  });
});
