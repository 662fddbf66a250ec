import type { CommandSettings } from '../../agent/tools/index.ts';
import type { ConfigStage, EnsembleConfig } from '../../contracts/config.ts';
import type { DocsDocument } from '../../contracts/docs.ts';
import type { PlanDocument } from '../../contracts/plan.ts';
import type { PublishDocument } from '../../contracts/publish.ts';
import type { ReviewDocument } from '../../contracts/review.ts';
import type { TaskDocument } from '../../contracts/task.ts';
import type { TestDocument } from '../../contracts/test-report.ts';
import { runCodeStage, taskNotRun, unfinishedDependency } from '../../stages/code.ts';
import type { Reporter } from '../../stages/context.ts';
import { runDocsStage } from '../../stages/docs.ts';
import { runPlanStage } from '../../stages/plan.ts';
import { runReviewStage, runReviewStages } from '../../stages/review.ts';
import { integrateWithoutTests, runTestStage } from '../../stages/test/index.ts';
import { pinBase } from '../../workspace/index.ts';
import { createLocalContext, loadLocalConfig, type ModelOptions, openLocalModels, repositoryRoot } from './context.ts';
import { branchFor, type PipelineStage } from './pipeline.ts';
import { publishLocal } from './publish.ts';
import { ARTIFACTS, RunDirectory } from './run-dir.ts';

export interface SingleStageOptions extends ModelOptions {
  stage: PipelineStage;
  /** A run directory: `<repo>/.ensemble/runs/<id>`, or a GitHub run's artifacts downloaded into one. */
  runDir: string;
  /** The repository the run was made in (must contain the plan's base SHA). Default: the current directory. */
  repoDir: string;
  taskId?: string | null;
  /** Review only this lens (a matrix leg of the Actions runtime); default every configured lens. */
  lens?: string | null;
  configFile?: string | null;
  reporter: Reporter;
  commands?: CommandSettings;
}

export interface SingleStageResult {
  stage: PipelineStage;
  /** Files written or replaced in the run directory. */
  written: string[];
  summary: string;
  /** False when the stage did not produce what it promised (a failed task, tests that could not run, nothing published). */
  ok: boolean;
  /** The configuration the stage ran with. */
  config: EnsembleConfig;
  /** The documents the stage produced, for outputs and step summaries. */
  documents: {
    plan?: PlanDocument;
    task?: TaskDocument;
    test?: TestDocument;
    reviews?: ReviewDocument[];
    docs?: DocsDocument;
    publish?: PublishDocument;
  };
}

/**
 * Re-runs one stage from the artifacts of a run directory, validating every artifact it reads
 * first (the error names the artifact, the field and the producer), and replaces that stage's
 * artifacts. The base SHA and run identity come from the plan, so the stage sees exactly what
 * it saw the first time.
 */
export async function runSingleStage(options: SingleStageOptions): Promise<SingleStageResult> {
  const runDir = RunDirectory.open(options.runDir);
  const repoDir = repositoryRoot(options.repoDir);
  const plan = runDir.readDocument('plan', ARTIFACTS.plan, 'plan.json');
  const { config, loaded } = await loadLocalConfig(repoDir, options.configFile, options.model);
  if (loaded.hash !== plan.run.configHash) {
    options.reporter.warn(
      `the configuration changed since this run was planned (hash ${plan.run.configHash.slice(0, 12)} then, ${loaded.hash.slice(0, 12)} now)`,
    );
  }

  const readTasks = () =>
    plan.tasks.map((task) => {
      const name = ARTIFACTS.code(task.id);
      const document = runDir.readDocument('task', name, 'task.json');
      return { document, patch: runDir.readText(name, 'task.patch') ?? '' };
    });
  const readTest = (): TestDocument | null =>
    runDir.hasArtifact(ARTIFACTS.test, 'test.json') ? runDir.readDocument('test', ARTIFACTS.test, 'test.json') : null;
  const readChange = (): string => {
    const patch = runDir.readText(ARTIFACTS.test, 'change.patch');
    if (patch === null)
      throw new Error(`${ARTIFACTS.test}/change.patch is missing: run the test stage first (ensemble stage test --run ${options.runDir})`);
    return patch;
  };
  const readReviews = (): ReviewDocument[] =>
    runDir
      .artifacts()
      .filter((name) => name.startsWith('ensemble-review-'))
      .map((name) => runDir.readDocument('review', name, 'review.json'));

  // Validate what the stage reads before any model key is touched or any agent runs.
  const inputs = {
    tasks: ['test', 'publish'].includes(options.stage) ? readTasks() : [],
    test: ['review', 'publish'].includes(options.stage) ? readTest() : null,
    change: ['review', 'docs', 'publish'].includes(options.stage) ? readChange() : '',
    reviews: options.stage === 'publish' ? readReviews() : [],
  };
  if (options.stage === 'code') {
    if (!options.taskId) throw new Error(`ensemble stage code needs --task (one of ${plan.tasks.map((t) => t.id).join(', ')})`);
    if (!plan.tasks.some((t) => t.id === options.taskId)) {
      throw new Error(`task "${options.taskId}" is not in the plan (tasks: ${plan.tasks.map((t) => t.id).join(', ')})`);
    }
  }

  if ((options.stage === 'review' || options.stage === 'docs') && !config.stages[options.stage].enabled) {
    // Switched off in the configuration (the reusable workflow still schedules its job): nothing to do.
    return {
      stage: options.stage,
      ok: true,
      config,
      written: [],
      summary: `stages.${options.stage}.enabled is false: skipped`,
      documents: {},
    };
  }

  const agentStages: ConfigStage[] = options.stage === 'publish' ? [] : [options.stage];
  const session = openLocalModels(config, agentStages, options);
  await pinBase(repoDir, plan.run.baseSha).catch(() => {
    throw new Error(
      `the repository ${repoDir} does not contain the run's base commit ${plan.run.baseSha}: pass --repo with the repository the run was made in`,
    );
  });
  const local = await createLocalContext({
    repoDir,
    config,
    run: plan.run,
    runDir,
    session,
    reporter: options.reporter,
    commands: options.commands,
  });
  const written: string[] = [];
  // This stage's transcripts start afresh (a downloaded or earlier run keeps the old ones elsewhere).
  const rerun =
    options.stage === 'code'
      ? [ARTIFACTS.code(options.taskId as string)]
      : options.stage === 'review'
        ? (options.lens ? [options.lens] : config.review.lenses).map((lens) => ARTIFACTS.review(lens))
        : options.stage === 'publish'
          ? []
          : [ARTIFACTS[options.stage]];
  for (const name of rerun) runDir.resetTranscript(name);
  try {
    const { ctx } = local;
    switch (options.stage) {
      case 'plan': {
        const again = await runPlanStage(ctx, { request: plan.request, workspace: local.base.dir });
        written.push(runDir.writeDocument(ARTIFACTS.plan, 'plan.json', again));
        return { stage: 'plan', ok: true, config, written, summary: `${again.tasks.length} tasks planned`, documents: { plan: again } };
      }
      case 'code': {
        const task = plan.tasks.find((t) => t.id === options.taskId)!;
        const statusOf = (id: string) =>
          runDir.hasArtifact(ARTIFACTS.code(id), 'task.json')
            ? runDir.readDocument('task', ARTIFACTS.code(id), 'task.json').status
            : undefined;
        const blocked = unfinishedDependency(task, statusOf);
        const result = blocked
          ? { document: taskNotRun(plan.run, task.id, `skipped: it depends on "${blocked}", which did not finish`), patch: '' }
          : await runCodeStage(ctx, {
              plan,
              taskId: task.id,
              dependencies: task.dependsOn.map((id) => ({ taskId: id, patch: runDir.readText(ARTIFACTS.code(id), 'task.patch') ?? '' })),
            });
        written.push(...runDir.writeTask(result));
        return {
          stage: 'code',
          ok: result.document.status !== 'failed',
          config,
          written,
          summary: `task ${task.id}: ${result.document.status}`,
          documents: { task: result.document },
        };
      }
      case 'test': {
        // With the test stage off, the patches are still integrated, so review, docs and publish have the change.
        const result = config.stages.test.enabled
          ? await runTestStage(ctx, { plan, tasks: inputs.tasks })
          : await integrateWithoutTests(ctx, plan, inputs.tasks);
        written.push(...runDir.writeTest(result));
        return {
          stage: 'test',
          ok: result.document.status !== 'error',
          config,
          written,
          summary: `tests ${result.document.status}`,
          documents: { test: result.document },
        };
      }
      case 'review': {
        const reviews = options.lens
          ? [await runReviewStage(ctx, { plan, test: inputs.test, changePatch: inputs.change, lens: options.lens })]
          : await runReviewStages(ctx, { plan, test: inputs.test, changePatch: inputs.change });
        written.push(...runDir.writeReviews(reviews));
        return {
          stage: 'review',
          ok: true,
          config,
          written,
          summary: reviews.map((r) => `${r.lens}: ${r.verdict}`).join(', '),
          documents: { reviews },
        };
      }
      case 'docs': {
        const result = await runDocsStage(ctx, { plan, changePatch: inputs.change });
        written.push(...runDir.writeDocs(result));
        return {
          stage: 'docs',
          ok: result.document.status !== 'failed',
          config,
          written,
          summary: `docs ${result.document.status}`,
          documents: { docs: result.document },
        };
      }
      case 'publish': {
        const docs = runDir.hasArtifact(ARTIFACTS.docs, 'docs.json')
          ? {
              document: runDir.readDocument('docs', ARTIFACTS.docs, 'docs.json'),
              patch: runDir.readText(ARTIFACTS.docs, 'docs.patch') ?? '',
            }
          : null;
        const published = await publishLocal({
          repoDir,
          run: plan.run,
          plan,
          tasks: inputs.tasks as { document: TaskDocument; patch: string }[],
          test: inputs.test,
          changePatch: inputs.change,
          docs,
          reviews: inputs.reviews,
          blockOn: config.review['block-on'],
          protectedPaths: config['protected-paths'],
          branch: branchFor(plan.request, plan.run.runId),
        });
        written.push(...runDir.writePublished(published).written);
        return {
          stage: 'publish',
          ok: published.document.commits.length > 0,
          config,
          written,
          summary: `branch ${published.document.branch}, ${published.document.commits.length} commits`,
          documents: { publish: published.document },
        };
      }
    }
  } finally {
    await local.close();
  }
}
