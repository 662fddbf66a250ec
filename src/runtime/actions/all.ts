import { setupStopMessage } from '../../pipeline/environment.ts';
import type { ActionsCore } from './environment.ts';
import type { ActionSettings } from './inputs.ts';
import { configThatCanWait, openActionsRun, prepareRun, reportPlan, reportSetupFailure } from './plan.ts';
import { runPublishAction } from './publish.ts';
import { reportStage } from './report.ts';
import { type ActionDeps, setUpSandbox, sharedCommandStop, uploadOutcome } from './stages.ts';

/**
 * A view of `core` for one stage of the all-in-one job: the stage's outputs stay internal (only
 * publish's become the job's), and a stage that fails is recorded so that the next stages still
 * run and the publisher still writes its report; the job fails at the end, naming each failure.
 */
function stageCore(core: ActionsCore, stage: string, failures: string[], passOutputs: boolean): ActionsCore {
  return {
    ...core,
    summary: core.summary,
    setOutput: (name, value) => {
      if (passOutputs) core.setOutput(name, value);
    },
    setFailed: (message) => {
      failures.push(`${stage}: ${message instanceof Error ? message.message : message}`);
    },
  };
}

/**
 * The root `action.yml`: the whole pipeline in one job, for users who prefer one job to
 * isolation and parallelism. It is the local pipeline's scheduler (`runPipeline`) with GitHub's
 * hooks: each unit's artifacts are uploaded and reported as the stage actions report them, and
 * the publisher is the GitHub publisher, which also reports a run that stopped early.
 */
export async function runAllAction(settings: ActionSettings<'all'>, deps: ActionDeps): Promise<void> {
  const failures: string[] = [];
  const { loadRunConfig, openModels } = await import('../../pipeline/session.ts');
  const { runPipeline } = await import('../../pipeline/schedule.ts');
  const { AGENT_STAGES } = await import('../../contracts/stages.ts');
  const { stagesToRun } = await import('../../pipeline/stages.ts');

  const model = settings.model ? `${settings.model.provider}:${settings.model.model}` : null;
  const { loaded, config: fileConfig } = await loadRunConfig(deps.job.workspace, settings.config, model);
  const withCore = (stage: string, pass = false) => ({ ...deps, core: stageCore(deps.core, stage, failures, pass) });
  // Without a request there is nothing to do: a refusal is the job's failure.
  const prepared = await prepareRun(settings, deps, fileConfig);
  // No comment continues this job: the planner does not ask, and a plan that must be approved is refused.
  const config = configThatCanWait(fileConfig, prepared.request, 'all-in-one', deps.core);
  // Once the request is known to be allowed (nothing is installed for a refused one), before any stage.
  await setUpSandbox(deps, config);

  // Every stage's key is read now, once; then credentials leave the environment for the whole job.
  const stages = stagesToRun(config);
  const modelOptions = { model, baseUrl: settings.baseUrl, apiKey: settings.apiKey, env: deps.env };
  const models = openModels(
    config,
    AGENT_STAGES.filter((s) => stages.has(s)),
    modelOptions,
  );
  deps = { ...deps, session: models };
  const session = await openActionsRun(deps, { request: prepared.request, loaded, config, session: models });

  let result: Awaited<ReturnType<typeof runPipeline>>;
  try {
    result = await runPipeline(session, {
      request: prepared.request,
      stages,
      maxParallel: 4,
      around: sharedCommandStop(deps.core),
      afterUnit: async (outcome) => {
        await uploadOutcome(deps, outcome);
        const stageDeps = withCore(outcome.stage);
        if (outcome.stage === 'plan') await reportPlan(stageDeps, prepared, outcome, config);
        else
          await reportStage(stageDeps.core, { stage: outcome.stage, outcomes: [outcome], config, runDir: deps.runDir });
      },
      publisher: {
        reportsStoppedRuns: true,
        publish: async () => {
          const before = failures.length;
          const { config, issue, githubToken, draft, appId, appPrivateKey } = settings;
          const publishSettings = { config, issue, githubToken, draft, appId, appPrivateKey };
          await runPublishAction(publishSettings, withCore('publish', true));
          const ok = failures.length === before;
          return { ok, summary: ok ? 'published' : (failures.at(-1) ?? 'not published') };
        },
      },
    });
  } finally {
    await session.close();
  }
  if (result.stopped !== null) failures.unshift(`the run stopped: ${result.stopped}`);
  // A setup that failed stopped the run before the plan, so no stage and no publisher reports it:
  // the step summary and the tracking comment say what ran, how it ended and what it printed.
  if (result.setup?.status === 'failed') await reportSetupFailure(deps, prepared, setupStopMessage(result.setup));
  if (failures.length > 0) deps.core.setFailed(`these stages failed:\n${failures.map((f) => `- ${f}`).join('\n')}`);
}
