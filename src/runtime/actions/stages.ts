/**
 * The stage actions' jobs (`actions/code`, `test`, `review`, `docs`): download what the stage
 * reads, run it through the one stage runner (`runStageJob`), upload each unit's artifacts as soon
 * as they exist, then set the outputs and the step summary (`report.ts`).
 */
import { randomBytes } from 'node:crypto';
import { ARTIFACTS } from '../../artifacts/names.ts';
import type { RunDirectory } from '../../artifacts/run-directory.ts';
import { ArtifactMissingError, type ArtifactStore } from '../../artifacts/store.ts';
import type { EnsembleConfig } from '../../contracts/config.ts';
import { DOCUMENTS } from '../../contracts/documents.ts';
import type { FollowUpDocument } from '../../contracts/follow-up.ts';
import type { ModelSession } from '../../model/session.ts';
import type { StageOutcome } from '../../pipeline/run-stage.ts';
import type { StageJobOptions, StageJobResult } from '../../pipeline/stage-job.ts';
import { dependencyGroups } from '../../plan/graph.ts';
import { renderSetupOrigin } from '../../render/setup.ts';
import type { taskNotRun } from '../../stages/code.ts';
import { errorMessage, UserError } from '../../util/errors.ts';
import { type ActionsCore, type ActionsJob, actionsReporter } from './environment.ts';
import type { ActionSettings } from './inputs.ts';
import { actionsSandboxSetup, ensureSandbox, type SandboxSetupDeps } from './sandbox-setup.ts';
import { cachedInstall } from './setup-cache.ts';
import { listenForStop, type StopRequest } from './stop.ts';

export interface ActionDeps {
  core: ActionsCore;
  job: ActionsJob;
  artifacts: ArtifactStore;
  runDir: RunDirectory;
  env: NodeJS.ProcessEnv;
  /** The model session of an all-in-one job, opened once for every stage. */
  session?: ModelSession;
  /** The runner's stop request (default: this process's SIGINT and SIGTERM). */
  stop?: StopRequest;
  /** How the command sandbox is set up; the shipped script and the real probe when absent. */
  sandboxSetup?: SandboxSetupDeps;
}

/**
 * Before any stage work of a job whose commands run in the sandbox: makes bubblewrap usable when
 * the configuration requires it, or fails the job with what an administrator must do.
 */
export async function setUpSandbox(deps: ActionDeps, config: Pick<EnsembleConfig, 'sandbox'>): Promise<void> {
  await ensureSandbox(config, deps.sandboxSetup ?? actionsSandboxSetup(deps.core, deps.env));
}

/** {@link setUpSandbox} for a stage job, which reads the configuration itself later: read here for `sandbox`. */
async function setUpStageSandbox(settings: StageSettings, deps: ActionDeps): Promise<void> {
  await setUpSandbox(deps, await stageConfig(settings, deps));
}

async function stageConfig(settings: StageSettings, deps: ActionDeps): Promise<EnsembleConfig> {
  const { loadRunConfig, repositoryRoot } = await import('../../pipeline/session.ts');
  return (await loadRunConfig(repositoryRoot(deps.job.workspace), settings.config, null)).config;
}

/**
 * The stage runner and its report (the agents, the model SDK, the workspace, the renderers): loaded
 * once the job's inputs are downloaded, so that its first download does not wait for them.
 */
async function stageRunner() {
  const [{ readPlan }, { runStageJob }, { reportStage }] = await Promise.all([
    import('../../pipeline/run-stage.ts'),
    import('../../pipeline/stage-job.ts'),
    import('./report.ts'),
  ]);
  return { readPlan, runStageJob, reportStage };
}

/** What a checkout needs to hold the plan's base commit on GitHub. */
export const BASE_COMMIT_HINT =
  "check the repository out at the plan job's base-sha output " +
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression a user writes
  '(actions/checkout with ref: ${{ needs.plan.outputs.base-sha }})';

/**
 * Runs `work` with workflow commands switched off: everything a stage logs (model text, test
 * output, file names from the repository) is inert. Outputs, summaries and the step's failure
 * are written after commands are on again.
 */
export async function withCommandsStopped<T>(core: Pick<ActionsCore, 'info'>, work: () => Promise<T>): Promise<T> {
  const token = randomBytes(16).toString('hex');
  core.info(`::stop-commands::${token}`);
  try {
    return await work();
  } finally {
    core.info(`::${token}::`);
  }
}

/**
 * `withCommandsStopped` for units that overlap (the all-in-one job runs tasks, lenses and docs side
 * by side): one window, opened by the first unit to start and closed by the last to end, so that
 * no unit's output is live while another is still running.
 */
export function sharedCommandStop(core: Pick<ActionsCore, 'info'>): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  let token = '';
  return async (work) => {
    if (running++ === 0) {
      token = randomBytes(16).toString('hex');
      core.info(`::stop-commands::${token}`);
    }
    try {
      return await work();
    } finally {
      if (--running === 0) core.info(`::${token}::`);
    }
  };
}

type StageSettings =
  | ActionSettings<'code'>
  | ActionSettings<'test'>
  | ActionSettings<'review'>
  | ActionSettings<'docs'>
  | ActionSettings<'fix'>;

/** The stage job's options from the action's settings: one shape for every stage. */
function jobOptions(settings: StageSettings, deps: ActionDeps): Omit<StageJobOptions, 'units'> {
  // A cancelled or timed-out job still uploads what its units yield (see stop.ts); the handlers
  // live as long as the step's process, which ends with the step.
  const stop = deps.stop ?? listenForStop();
  // The jobs that install (code, test, fix) start from the plan job's install when it fits (setup-cache.ts).
  const saved = 'setupKey' in settings ? { savedInstall: cachedInstall(settings.setupKey, deps.job.runnerTemp) } : {};
  return {
    ...saved,
    model: settings.model ? `${settings.model.provider}:${settings.model.model}` : null,
    baseUrl: settings.baseUrl,
    apiKey: settings.apiKey,
    configFile: settings.config,
    env: deps.env,
    ...(deps.session ? { session: deps.session } : {}),
    runDir: deps.runDir,
    repoDir: deps.job.workspace,
    reporter: actionsReporter(deps.core),
    baseCommitHint: BASE_COMMIT_HINT,
    // The partial work of a failed unit is uploaded too: nothing is lost.
    afterUnit: (outcome) => uploadOutcome(deps, outcome),
    stopped: stop.stopped,
  };
}

/** The step summary's line on where the job's dependencies came from (reused, or installed and why). */
async function reportSetup(core: ActionsCore, setup: StageJobResult['setup']): Promise<void> {
  const line = setup ? renderSetupOrigin(setup) : '';
  if (!line) return;
  core.summary.addRaw(line, true);
  await core.summary.write();
}

/** Uploads the artifacts a unit wrote, as soon as it wrote them. */
export async function uploadOutcome(
  deps: Pick<ActionDeps, 'artifacts' | 'runDir'>,
  outcome: StageOutcome,
): Promise<void> {
  for (const name of outcome.artifacts) await deps.artifacts.uploadArtifact(name, deps.runDir.artifactDir(name));
}

async function download(deps: ActionDeps, name: string): Promise<void> {
  await deps.artifacts.downloadArtifact(name, deps.runDir.artifactDir(name));
}

/**
 * `actions/code`: one matrix leg. It runs the task and every task linked to it by dependencies
 * (its group), in dependency order, so that each starts from the patches it builds on.
 */
export async function runCodeAction(settings: ActionSettings<'code'>, deps: ActionDeps): Promise<void> {
  await setUpStageSandbox(settings, deps);
  await download(deps, ARTIFACTS.plan);
  const { readPlan, runStageJob, reportStage } = await stageRunner();
  const plan = readPlan(deps.runDir);
  const group = dependencyGroups(plan.tasks).find((g) => g.includes(settings.task));
  if (!group) {
    throw new UserError(
      `task "${settings.task}" is not in the plan (tasks: ${plan.tasks.map((t) => t.id).join(', ')})`,
    );
  }
  const units = group.map((taskId) => ({ stage: 'code' as const, taskId }));
  const { outcomes, config, setup } = await withCommandsStopped(deps.core, () =>
    runStageJob({ ...jobOptions(settings, deps), units }),
  );
  await reportStage(deps.core, { stage: 'code', outcomes, config, runDir: deps.runDir });
  await reportSetup(deps.core, setup);
}

/** `actions/test`: integrate every task's patch, test, add tests. */
export async function runTestAction(settings: ActionSettings<'test'>, deps: ActionDeps): Promise<void> {
  await setUpStageSandbox(settings, deps);
  await download(deps, ARTIFACTS.plan);
  const { readPlan, runStageJob, reportStage } = await stageRunner();
  const plan = readPlan(deps.runDir);
  for (const task of plan.tasks) await downloadTask(deps, plan.run, task.id);
  const { outcomes, config, setup } = await withCommandsStopped(deps.core, () =>
    runStageJob({ ...jobOptions(settings, deps), units: [{ stage: 'test' }] }),
  );
  await reportStage(deps.core, { stage: 'test', outcomes, config, runDir: deps.runDir });
  await reportSetup(deps.core, setup);
}

/**
 * A task's artifact; a leg that uploaded none (cancelled, or killed before its first upload)
 * makes the task count as failed, with the reason. Any other error is the step's.
 */
async function downloadTask(deps: ActionDeps, run: Parameters<typeof taskNotRun>[0], taskId: string): Promise<void> {
  try {
    await download(deps, ARTIFACTS.code(taskId));
  } catch (error) {
    if (!(error instanceof ArtifactMissingError)) throw error;
    deps.core.warning(`task ${taskId}: ${errorMessage(error)}`);
    const reason = `The task's job uploaded no result: ${errorMessage(error)}`;
    const { taskNotRun } = await import('../../stages/code.ts');
    deps.runDir.writeTask({ document: taskNotRun(run, taskId, 'missing artifact', reason), patch: '' });
  }
}

/** `actions/review`: one lens. */
export async function runReviewAction(settings: ActionSettings<'review'>, deps: ActionDeps): Promise<void> {
  await download(deps, ARTIFACTS.plan);
  await download(deps, ARTIFACTS.test);
  const { runStageJob, reportStage } = await stageRunner();
  const { outcomes, config } = await withCommandsStopped(deps.core, () =>
    runStageJob({ ...jobOptions(settings, deps), units: [{ stage: 'review', lenses: [settings.lens] }] }),
  );
  await reportStage(deps.core, { stage: 'review', outcomes, config, runDir: deps.runDir });
}

/** `actions/docs`. */
export async function runDocsAction(settings: ActionSettings<'docs'>, deps: ActionDeps): Promise<void> {
  await download(deps, ARTIFACTS.plan);
  await download(deps, ARTIFACTS.test);
  const { runStageJob, reportStage } = await stageRunner();
  const { outcomes, config } = await withCommandsStopped(deps.core, () =>
    runStageJob({ ...jobOptions(settings, deps), units: [{ stage: 'docs' }] }),
  );
  await reportStage(deps.core, { stage: 'docs', outcomes, config, runDir: deps.runDir });
}

/** The follow-up run's document when this is one (`ensemble-follow-up`), else null. */
async function downloadFollowUp(deps: ActionDeps): Promise<FollowUpDocument | null> {
  try {
    await download(deps, ARTIFACTS.followUp);
  } catch (error) {
    if (error instanceof ArtifactMissingError) return null;
    throw error;
  }
  return deps.runDir.readDocument('follow-up', ARTIFACTS.followUp, DOCUMENTS['follow-up'].file);
}

/**
 * `actions/fix`: the review → fix loop, in one job. It reads the plan, the test stage's change and
 * every lens's review, and runs fix rounds while the review blocks; each round (its fix, re-test
 * and re-review) is uploaded as `ensemble-fix-<round>` as it is written. A lens whose job uploaded
 * no review counts as no finding: the loop fixes what the reviews that exist found.
 */
export async function runFixAction(settings: ActionSettings<'fix'>, deps: ActionDeps): Promise<void> {
  // Read once: the sandbox is set up from it, and it names the lenses.
  const config = await stageConfig(settings, deps);
  await setUpSandbox(deps, config);
  await download(deps, ARTIFACTS.plan);
  await download(deps, ARTIFACTS.test);
  const followUp = await downloadFollowUp(deps);
  const { EXTERNAL_SOURCES } = await import('../../review/index.ts');
  // A follow-up run's open findings include people's review comments and failed checks, in reviews of their own.
  const lenses = followUp ? [...config.review.lenses, ...EXTERNAL_SOURCES] : config.review.lenses;
  for (const lens of lenses) {
    try {
      await download(deps, ARTIFACTS.review(lens));
    } catch (error) {
      if (!(error instanceof ArtifactMissingError)) throw error;
      // A follow-up's lens with no open finding has no review, and people's review only when they commented.
      if (!followUp) deps.core.warning(`review lens ${lens}: ${errorMessage(error)}`);
    }
  }
  const instructions = followUp?.instructions ?? null;
  const { runStageJob, reportStage } = await stageRunner();
  const { outcomes, setup } = await withCommandsStopped(deps.core, () =>
    runStageJob({ ...jobOptions(settings, deps), units: [{ stage: 'fix', loop: true, instructions }] }),
  );
  await reportStage(deps.core, { stage: 'fix', outcomes, config, runDir: deps.runDir });
  await reportSetup(deps.core, setup);
}
