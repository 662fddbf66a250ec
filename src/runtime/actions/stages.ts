import { randomBytes } from 'node:crypto';
import type { TaskDocument } from '../../contracts/task.ts';
import type { ModelSession } from '../../model/session.ts';
import { renderDocsMarkdown, renderReviewMarkdown, renderTaskMarkdown, renderTestMarkdown, renderUsageTable } from '../../render/index.ts';
import { combineReviews } from '../../review/index.ts';
import { taskNotRun } from '../../stages/code.ts';
import { parseUnifiedDiff } from '../../workspace/diff/index.ts';
import { ARTIFACTS, type RunDirectory } from '../local/run-dir.ts';
import { runSingleStage, type SingleStageResult } from '../local/stage.ts';
import { dependencyGroups } from '../local/waves.ts';
import { ArtifactMissingError, type ArtifactStore } from './artifacts.ts';
import { type ActionsCore, type ActionsJob, actionsReporter } from './environment.ts';
import type { ActionSettings } from './inputs.ts';

export interface ActionDeps {
  core: ActionsCore;
  job: ActionsJob;
  artifacts: ArtifactStore;
  runDir: RunDirectory;
  env: NodeJS.ProcessEnv;
  /** The model session of an all-in-one job, opened once for every stage. */
  session?: ModelSession;
}

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

type StageSettings = ActionSettings<'code'> | ActionSettings<'test'> | ActionSettings<'review'> | ActionSettings<'docs'>;

function modelOptions(settings: StageSettings, deps: ActionDeps) {
  return {
    model: settings.model ? `${settings.model.provider}:${settings.model.model}` : null,
    baseUrl: settings.baseUrl,
    apiKey: settings.apiKey,
    configFile: settings.config,
    env: deps.env,
    ...(deps.session ? { session: deps.session } : {}),
    runDir: deps.runDir.dir,
    repoDir: deps.job.workspace,
    reporter: actionsReporter(deps.core),
  };
}

async function download(deps: ActionDeps, name: string): Promise<void> {
  await deps.artifacts.downloadArtifact(name, deps.runDir.artifactDir(name));
}

/** A stage the configuration switched off: an empty output and a line in the summary, no artifact. */
async function skipped(core: ActionsCore, output: string, reason: string): Promise<void> {
  core.setOutput(output, '');
  core.info(reason);
  await summarise(core, `Skipped: ${reason}.`);
}

async function summarise(core: ActionsCore, markdown: string): Promise<void> {
  core.summary.addRaw(markdown, true);
  await core.summary.write();
}

/**
 * `actions/code`: one matrix leg. It runs the task and every task linked to it by dependencies
 * (its group), in dependency order, so that each starts from the patches it builds on.
 */
export async function runCodeAction(settings: ActionSettings<'code'>, deps: ActionDeps): Promise<void> {
  await download(deps, ARTIFACTS.plan);
  const plan = deps.runDir.readDocument('plan', ARTIFACTS.plan, 'plan.json');
  const group = dependencyGroups(plan.tasks).find((g) => g.includes(settings.task));
  if (!group) throw new Error(`task "${settings.task}" is not in the plan (tasks: ${plan.tasks.map((t) => t.id).join(', ')})`);
  const tasks: TaskDocument[] = [];
  for (const taskId of group) {
    const result = await withCommandsStopped(deps.core, () => runSingleStage({ ...modelOptions(settings, deps), stage: 'code', taskId }));
    // The partial work of a failed task is uploaded too: nothing is lost.
    await deps.artifacts.uploadArtifact(ARTIFACTS.code(taskId), deps.runDir.artifactDir(ARTIFACTS.code(taskId)));
    tasks.push(result.documents.task as TaskDocument);
  }
  const failed = tasks.filter((t) => t.status === 'failed');
  deps.core.setOutput('status', failed.length > 0 ? 'failed' : tasks.some((t) => t.status === 'done') ? 'done' : 'no-change');
  await summarise(
    deps.core,
    `${tasks.map((task) => renderTaskMarkdown(task)).join('\n')}\n${renderUsageTable(tasks.map((task) => ({ stage: `code · ${task.taskId}`, usage: task.usage })))}`,
  );
  if (failed.length > 0) deps.core.setFailed(failed.map((t) => `task ${t.taskId} failed: ${t.stopReason ?? t.summary}`).join('\n'));
}

/** `actions/test`: integrate every task's patch, test, add tests. */
export async function runTestAction(settings: ActionSettings<'test'>, deps: ActionDeps): Promise<void> {
  await download(deps, ARTIFACTS.plan);
  const plan = deps.runDir.readDocument('plan', ARTIFACTS.plan, 'plan.json');
  for (const task of plan.tasks) {
    try {
      await download(deps, ARTIFACTS.code(task.id));
    } catch (error) {
      // Only a leg that uploaded nothing makes a task count as failed; any other error is the step's.
      if (!(error instanceof ArtifactMissingError)) throw error;
      deps.core.warning(`task ${task.id}: ${(error as Error).message}`);
      deps.runDir.writeDocument(
        ARTIFACTS.code(task.id),
        'task.json',
        taskNotRun(plan.run, task.id, 'missing artifact', `The task's job uploaded no result: ${(error as Error).message}`),
      );
      deps.runDir.writeText(ARTIFACTS.code(task.id), 'task.patch', '');
    }
  }
  const result = await withCommandsStopped(deps.core, () => runSingleStage({ ...modelOptions(settings, deps), stage: 'test' }));
  await deps.artifacts.uploadArtifact(ARTIFACTS.test, deps.runDir.artifactDir(ARTIFACTS.test));
  const test = result.documents.test!;
  deps.core.setOutput('status', test.status);
  deps.core.setOutput('passed', test.passed === null ? '' : String(test.passed));
  deps.core.setOutput('failed', test.failed === null ? '' : String(test.failed));
  await summarise(deps.core, `${renderTestMarkdown(test)}\n${renderUsageTable([{ stage: 'test', usage: test.usage }])}`);
  if (test.status === 'error') deps.core.setFailed(`the tests could not run: ${test.summary.split('\n')[0]}`);
}

/** `actions/review`: one lens. */
export async function runReviewAction(settings: ActionSettings<'review'>, deps: ActionDeps): Promise<void> {
  await download(deps, ARTIFACTS.plan);
  await download(deps, ARTIFACTS.test);
  const result = await withCommandsStopped(deps.core, () =>
    runSingleStage({ ...modelOptions(settings, deps), stage: 'review', lens: settings.lens }),
  );
  await deps.artifacts.uploadArtifact(ARTIFACTS.review(settings.lens), deps.runDir.artifactDir(ARTIFACTS.review(settings.lens)));
  const reviews = result.documents.reviews ?? [];
  const review = reviews[0]!;
  deps.core.setOutput('verdict', review.verdict);
  const change = deps.runDir.readText(ARTIFACTS.test, 'change.patch') ?? '';
  const outcome = combineReviews(reviews, parseUnifiedDiff(change), result.config.review['block-on']);
  await summarise(
    deps.core,
    `${renderReviewMarkdown(outcome)}\n${renderUsageTable([{ stage: `review · ${review.lens}`, usage: review.usage }])}`,
  );
}

/** `actions/docs`. */
export async function runDocsAction(settings: ActionSettings<'docs'>, deps: ActionDeps): Promise<void> {
  await download(deps, ARTIFACTS.plan);
  await download(deps, ARTIFACTS.test);
  const result = await withCommandsStopped(deps.core, () => runSingleStage({ ...modelOptions(settings, deps), stage: 'docs' }));
  const docs = result.documents.docs;
  if (!docs) return skipped(deps.core, 'status', result.summary);
  await deps.artifacts.uploadArtifact(ARTIFACTS.docs, deps.runDir.artifactDir(ARTIFACTS.docs));
  deps.core.setOutput('status', docs.status);
  await summarise(deps.core, `${renderDocsMarkdown(docs)}\n${renderUsageTable([{ stage: 'docs', usage: docs.usage }])}`);
  if (docs.status === 'failed') deps.core.setFailed(`the docs stage failed: ${docs.summary.split('\n')[0]}`);
}

export type { SingleStageResult };
