import { afterEach, describe, expect, test } from 'vitest';
import { type Harness, labeledEvent, MAINTAINER_SEED, startHarness } from '../support/actions-harness.ts';
import { demoScript } from '../support/demo-model.ts';
import { runExampleCaller } from '../support/example-caller-run.ts';
import { requireSandboxForTests } from '../support/sandbox-required.ts';
import type { ScriptedRequest } from '../support/scripted-model.ts';

/**
 * pipeline.yml against what github.com does and the happy path hides (issue "Real GitHub"): a
 * private ensemble repository, and a code leg that runs past its time limit.
 */

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The coding agent of `task` answers after `delayMs`; every other agent as in the demo. */
const slowTask = (task: string, delayMs: number) => (request: ScriptedRequest) => {
  const reply = demoScript(request);
  const isTask =
    request.system.includes('You are a coding agent') && JSON.stringify(request.messages).includes(`(id ${task})`);
  return isTask ? { ...reply, delayMs } : reply;
};

describe('pipeline.yml on github.com', () => {
  requireSandboxForTests('the runs of pipeline.yml whose code and test jobs run commands');
  test('a private ensemble repository loads its actions ($/), and a code leg past its time limit is a failed task the rest of the run reports', async () => {
    const h = await startHarness(slowTask('count-sentences', 600_000), MAINTAINER_SEED);
    harness = h;
    const run = await runExampleCaller(h, labeledEvent(12, 'maintainer'), {
      simulate: {
        // The caller's token cannot read ensemble: a checkout of it would fail the first job.
        workflowRepositoryPrivate: true,
        // A code leg's minute lasts a second: its 45-minute limit (30 + 15) passes in 45 seconds.
        minuteMs: { code: 1_000 },
        // The repository keeps artifacts less long than an approval or a re-run may come.
        retentionDays: 20,
      },
    });
    const results = Object.fromEntries(Object.values(run.jobs).map((job) => [job.id, job.result]));
    expect(results, run.log()).toEqual({
      plan: 'success',
      approve: 'skipped',
      // The slow leg ran past its limit: GitHub cancels the job (it does not fail it)…
      code: 'cancelled',
      // …and the jobs after it treat that as a failed leg, not as a cancelled run.
      test: 'success',
      review: 'success',
      docs: 'success',
      fix: 'success',
      publish: 'success',
    });
    const legs = run.jobs['code']!.legs.map((leg) => [leg.matrix['task'], leg.result, leg.timeoutMinutes]);
    expect(legs).toEqual([
      ['slugify-max-length', 'success', 45],
      ['count-sentences', 'cancelled', 45],
    ]);
    expect(run.jobs['code']!.legs[1]!.error).toContain('ran past its timeout-minutes (45)');
    // At the runner's SIGINT the leg wrote what an unfinished task yields, and uploaded it with the
    // agent's transcript so far.
    const stopped = h.artifacts.files('ensemble-code-count-sentences');
    expect(JSON.parse(stopped.get('task.json')!.toString('utf8'))).toMatchObject({
      status: 'failed',
      stopReason: expect.stringContaining('the job was cancelled or ran past its time limit'),
    });
    expect(stopped.get('transcript.jsonl')?.length).toBeGreaterThan(0);
    // The test stage integrated the finished task and reported the one that never uploaded.
    const test = JSON.parse(h.artifacts.files('ensemble-test').get('test.json')!.toString('utf8'));
    expect(test.integration.map((i: { taskId: string; result: string }) => [i.taskId, i.result])).toEqual([
      ['slugify-max-length', 'applied'],
      ['count-sentences', 'skipped'],
    ]);
    expect(run.outputs['pr-number']).not.toBe('');

    // Artifacts are kept as long as the repository allows, up to the 30 days approvals and re-runs
    // may take; a shorter retention is said in the log of the jobs that upload.
    const days = (name: string) => (h.artifacts.find(name)!.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days('ensemble-plan')).toBeGreaterThan(19.9);
    expect(days('ensemble-plan')).toBeLessThanOrEqual(20);
    expect(run.jobs['plan']!.legs[0]!.steps[1]!.stdout).toMatch(/Artifact and log retention/);
  }, 600_000);
});
