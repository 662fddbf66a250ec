import { ARTIFACTS } from '../../artifacts/names.ts';
import { dependencyGroups } from '../../plan/graph.ts';
import type { ActionsCore } from './environment.ts';
import type { ActionSettings } from './inputs.ts';
import { runPlanAction } from './plan.ts';
import { runPublishAction } from './publish.ts';
import { type ActionDeps, runCodeAction, runDocsAction, runReviewAction, runTestAction } from './stages.ts';

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
 * isolation and parallelism. Each stage is the same code the separate actions run, in
 * dependency order, handing over through the same artifacts; so a dependent task builds on the
 * patches of the tasks it depends on.
 */
export async function runAllAction(settings: ActionSettings<'all'>, deps: ActionDeps): Promise<void> {
  const failures: string[] = [];
  const agentSettings = {
    model: settings.model,
    baseUrl: settings.baseUrl,
    apiKey: settings.apiKey,
    config: settings.config,
    githubToken: settings.githubToken,
  };
  // Every stage's key is read now, once; then credentials leave the environment for the whole job.
  const { loadRunConfig, openModels } = await import('../../pipeline/session.ts');
  const model = settings.model ? `${settings.model.provider}:${settings.model.model}` : null;
  const { config } = await loadRunConfig(deps.job.workspace, settings.config, model);
  const stages = (['plan', 'code', 'test', 'review', 'docs'] as const).filter((s) => config.stages[s].enabled);
  const session = openModels(config, stages, { model, baseUrl: settings.baseUrl, apiKey: settings.apiKey, env: deps.env });
  deps = { ...deps, session };
  const withCore = (stage: string, pass = false) => ({ ...deps, core: stageCore(deps.core, stage, failures, pass) });

  // Without a plan there is nothing to do: its failure is the job's.
  await runPlanAction({ ...agentSettings, issue: settings.issue, prompt: settings.prompt }, withCore('plan'));
  const plan = deps.runDir.readDocument('plan', ARTIFACTS.plan, 'plan.json');

  // One group of dependent tasks at a time, as the matrix legs of the reusable workflow run them.
  for (const [task] of dependencyGroups(plan.tasks)) {
    await attempt(`code ${task}`, failures, () => runCodeAction({ ...agentSettings, task: task as string }, withCore(`code ${task}`)));
  }
  // Also when the test stage is off: it then only integrates the patches into change.patch.
  await attempt('test', failures, () => runTestAction(agentSettings, withCore('test')));
  if (config.stages.review.enabled) {
    for (const lens of config.review.lenses) {
      await attempt(`review ${lens}`, failures, () => runReviewAction({ ...agentSettings, lens }, withCore(`review ${lens}`)));
    }
  }
  if (config.stages.docs.enabled) await attempt('docs', failures, () => runDocsAction(agentSettings, withCore('docs')));
  await runPublishAction({ config: settings.config, githubToken: settings.githubToken, draft: settings.draft }, withCore('publish', true));

  if (failures.length > 0) deps.core.setFailed(`these stages failed:\n${failures.map((f) => `- ${f}`).join('\n')}`);
}

async function attempt(stage: string, failures: string[], work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    failures.push(`${stage}: ${(error as Error).message}`);
  }
}
