import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { runCodeStage } from '../../../src/stages/code.ts';
import { StageError } from '../../../src/stages/errors.ts';
import type { WorktreeEnvironment } from '../../../src/stages/setup.ts';
import { validPlan, validPlanTask } from '../../support/documents.ts';
import { cleanupTemps, createRepo, gitText, isolateGit } from '../../support/git-fixture.ts';
import type { ScriptedModelServer, ScriptedReply } from '../../support/scripted-model.ts';
import { scriptedStageContext } from '../../support/stage-context.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

const servers: ScriptedModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const WRITE: ScriptedReply = { toolCalls: [{ name: 'write_file', args: { path: 'new.txt', content: 'made\n' } }] };
const SUBMIT: ScriptedReply = {
  toolCalls: [{ name: 'submit_task', args: { status: 'done', summary: 'Wrote it.', commitMessage: 'Write it' } }],
};

async function stage(script: ScriptedReply[], environment?: Partial<WorktreeEnvironment>) {
  const repo = createRepo({ 'README.md': '# x\n' });
  const base = repo.head();
  const staged = await scriptedStageContext({ script, repoDir: repo.dir, baseSha: base });
  servers.push(staged.server);
  if (environment) staged.ctx.environment = environment as WorktreeEnvironment;
  const task = validPlanTask({ id: 'api', files: ['new.txt'], dependsOn: [] });
  const plan = validPlan({ run: staged.ctx.run, tasks: [task] });
  const worktrees = () => gitText(repo.dir, ['worktree', 'list']).split('\n');
  return { ...staged, repo, plan, worktrees };
}

describe('the code stage, its worktree made while the first call is out', () => {
  test('the change is what the tools wrote, and the worktree goes afterwards', async () => {
    const { ctx, plan, worktrees } = await stage([WRITE, SUBMIT]);
    const result = await runCodeStage(ctx, { plan, taskId: 'api' });
    expect(result.document.status).toBe('done');
    expect(result.patch).toContain('+++ b/new.txt');
    expect(worktrees()).toHaveLength(1);
  });

  test('a failed setup: no tool runs, the task reports why, and the worktree goes', async () => {
    let given = '';
    const { ctx, plan, worktrees } = await stage([WRITE, SUBMIT], {
      provision: async (dir) => {
        given = dir;
        return 'The setup command `npm ci` exited with 1:\nnpm error could not resolve';
      },
    });
    const result = await runCodeStage(ctx, { plan, taskId: 'api' });
    expect(result.document).toMatchObject({ status: 'failed', stopReason: 'setup failed', filesChanged: [] });
    expect(result.document.summary).toContain('npm error could not resolve');
    expect(result.patch).toBe('');
    expect(existsSync(join(given, 'new.txt'))).toBe(false);
    expect(worktrees()).toHaveLength(1);
  });

  test("a dependency's patch that does not apply fails the stage, and the worktree made for it goes", async () => {
    const { ctx, plan, worktrees } = await stage([WRITE, SUBMIT]);
    const dependencies = [
      {
        taskId: 'schema',
        patch: 'diff --git a/nope.txt b/nope.txt\n--- a/nope.txt\n+++ b/nope.txt\n@@ -1 +1 @@\n-a\n+b\n',
      },
    ];
    const run = runCodeStage(ctx, { plan, taskId: 'api', dependencies });
    await expect(run).rejects.toThrow(StageError);
    await expect(run).rejects.toThrow('task "api" builds on "schema", whose patch does not apply');
    expect(worktrees()).toHaveLength(1);
  });
});
