/**
 * Dependency installs per run on GitHub: the example caller and pipeline.yml run by the workflow
 * simulator (test/support/workflow-sim.ts, with its actions/cache emulation) on the demo
 * repository with a setup command that counts its runs in a file outside every job
 * (test/support/setup-count.ts). The jobs are the committed bundles in dist/, as on GitHub.
 *
 *   installs   how many times the setup command ran in the whole run (plan, code legs, test with its
 *              base run, fix)
 *   jobs       the jobs and legs that ran a stage (each would have installed without the cache)
 */
import { labeledEvent } from '../test/support/actions-harness.ts';
import { runExampleCaller } from '../test/support/example-caller-run.ts';
import { countingSetupHarness } from '../test/support/setup-count.ts';
import { simulatedCache } from '../test/support/workflow-sim-cache.ts';

export interface InstallsResult {
  installs: number;
  /** Jobs (legs counted) of the run that set up a workspace: plan, code legs, test, fix. */
  jobs: number;
  saves: number;
  restoreHits: number;
  restoreMisses: number;
  wallMs: number;
}

const SETUP_JOBS = ['plan', 'code', 'test', 'fix'];

export async function benchInstalls(): Promise<InstallsResult> {
  const { h, runs } = await countingSetupHarness();
  try {
    const started = performance.now();
    const run = await runExampleCaller(h, labeledEvent(12, 'maintainer'), { simulate: { cache: simulatedCache() } });
    const wallMs = performance.now() - started;
    const failed = Object.entries(run.jobs).filter(([, job]) => job.result === 'failure');
    if (failed.length > 0) throw new Error(`jobs failed: ${failed.map(([name]) => name).join(', ')}\n${run.log()}`);
    const jobs = SETUP_JOBS.reduce(
      (n, name) => n + (run.jobs[name]?.legs.filter((l) => l.result === 'success').length ?? 0),
      0,
    );
    const restores = run.cache.events.filter((e) => e.kind === 'restore');
    return {
      installs: runs(),
      jobs,
      saves: run.cache.events.filter((e) => e.kind === 'save').length,
      restoreHits: restores.filter((e) => e.hit).length,
      restoreMisses: restores.filter((e) => !e.hit).length,
      wallMs,
    };
  } finally {
    await h.close();
  }
}
