import { join } from 'node:path';
import type { Harness, labeledEvent } from './actions-harness.ts';
import { repoRoot } from './node24.ts';
import { mirrorBranchesToOrigin } from './origin-mirror.ts';
import { type SimulateWorkflowOptions, simulateWorkflow } from './workflow-sim.ts';
import { evaluateCallerJob } from './workflow-sim-caller.ts';

/** A canary, never a real key: it must reach the model server and nothing else. */
export const MODEL_KEY = 'sk-ant-canary-0000000000000000000000000000';

export interface ExampleCallerRun {
  /** Inputs the caller adds or replaces (`approval-environment`, …). */
  inputs?: Record<string, unknown>;
  /** Secrets the caller adds (`publish-app-id`, …). */
  secrets?: Record<string, string>;
  /** The rest of the simulator's options: approvals, a private workflow repository, scaled minutes… */
  simulate?: Partial<SimulateWorkflowOptions>;
  /**
   * The caller's job to run when the event starts more than one (`/ensemble stop` on an issue
   * starts the pipeline, which settles a wait, and the follow-up, which stops runs in progress).
   */
  job?: 'ensemble' | 'follow-up';
}

/**
 * The repository's example caller fired by `event`, then pipeline.yml as it calls it, against the
 * harness's fakes and scripted model (whose endpoint the caller passes as `base-url`, as a caller
 * behind a gateway would).
 */
export async function runExampleCaller(
  h: Harness,
  event: Pick<ReturnType<typeof labeledEvent>, 'name'> & { payload: object },
  options: ExampleCallerRun = {},
) {
  // The caller's job that runs for the event: the pipeline, or a follow-up on a pull request.
  const jobs = ['ensemble', 'follow-up'].map((job) =>
    evaluateCallerJob({
      callerFile: join(repoRoot, '.github/workflows/example-caller.yml'),
      job,
      event: event as ReturnType<typeof labeledEvent>,
      secrets: { ANTHROPIC_API_KEY: MODEL_KEY },
    }),
  );
  const running = jobs.filter((job, i) => job.runs && (!options.job || options.job === ['ensemble', 'follow-up'][i]));
  const caller = running[0];
  // What a checkout fetches from github.com: the branches as the GitHub fake holds them now.
  mirrorBranchesToOrigin(h);
  if (!caller) throw new Error('the example caller does not run for this event');
  if (running.length > 1) throw new Error('two jobs of the example caller run for one event: name one in `job`');
  return simulateWorkflow({
    workflowFile: (caller.uses ?? '').replace(/^\.\//, ''),
    callerInputs: { ...caller.with, 'base-url': h.model.baseUrlAnthropic, ...options.inputs },
    secrets: { ...caller.secrets, ...options.secrets },
    callerPermissions: caller.permissions,
    event: event as ReturnType<typeof labeledEvent>,
    harness: h,
    ensembleRepoDir: repoRoot,
    ...options.simulate,
  });
}
