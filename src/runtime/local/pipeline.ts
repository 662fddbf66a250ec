import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import type { CommandSettings } from '../../agent/tools/index.ts';
import type { LoadedConfig } from '../../config/load.ts';
import type { RunIdentity } from '../../contracts/common.ts';
import type { ConfigStage } from '../../contracts/config.ts';
import type { DocsDocument } from '../../contracts/docs.ts';
import type { PlanDocument, RequestSnapshot } from '../../contracts/plan.ts';
import type { ReviewDocument } from '../../contracts/review.ts';
import type { TaskDocument } from '../../contracts/task.ts';
import type { TestDocument } from '../../contracts/test-report.ts';
import { runCodeStage, taskNotRun, unfinishedDependency } from '../../stages/code.ts';
import type { Reporter } from '../../stages/context.ts';
import { runDocsStage } from '../../stages/docs.ts';
import { runPlanStage } from '../../stages/plan.ts';
import { runReviewStages } from '../../stages/review.ts';
import { integrateWithoutTests, runTestStage } from '../../stages/test/index.ts';
import { assertCleanRepo, pinBase } from '../../workspace/index.ts';
import { createLocalContext, loadLocalConfig, type ModelOptions, openLocalModels, repositoryRoot } from './context.ts';
import { publishLocal } from './publish.ts';
import { ARTIFACTS, RunDirectory } from './run-dir.ts';
import { dependencyWaves, mapWithLimit } from './waves.ts';

const execFileAsync = promisify(execFile);

export const PIPELINE_STAGES = ['plan', 'code', 'test', 'review', 'docs', 'publish'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export interface LocalRunOptions extends ModelOptions {
  repoDir: string;
  request: RequestSnapshot;
  /** Configuration file; default `<repo>/.github/ensemble.yml`. */
  configFile?: string | null;
  maxParallel?: number;
  /** Stages to run; plan and code always run. Default: all that the configuration enables. */
  stages?: readonly PipelineStage[];
  reporter: Reporter;
  commands?: CommandSettings;
}

export interface StageRow {
  stage: string;
  status: 'done' | 'failed' | 'skipped';
  durationMs: number;
  tokens: number;
  costUsd: number | null;
  detail: string;
}

export interface LocalRunSummary {
  ok: boolean;
  runId: string;
  runDir: string;
  branch: string | null;
  prFile: string | null;
  reviewFile: string | null;
  stages: StageRow[];
  tasks: { id: string; status: TaskDocument['status'] }[];
  /** Why the run did not produce a branch, when it did not. */
  error: string | null;
}

/** `2026-11-21T19-10-00-1a2b`: sortable, unique enough for one machine, safe in paths and branch names. */
export function newRunId(now = new Date()): string {
  return `${now
    .toISOString()
    .slice(0, 19)
    .replace(/[:T]/g, (c) => (c === 'T' ? 'T' : '-'))}-${randomBytes(2).toString('hex')}`;
}

/** `owner/name` from the origin remote, else `local/<directory>`. */
async function repositoryName(repoDir: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync('git', ['remote', 'get-url', 'origin'], { cwd: repoDir });
    const match = /[/:]([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(stdout.trim());
    if (match) return `${match[1]}/${match[2]}`;
  } catch {
    // no origin: a local-only repository
  }
  return `local/${basename(repoDir).replace(/[^A-Za-z0-9_.-]/g, '-') || 'repo'}`;
}

/** The local branch of a run: `ensemble/issue-<n>`, or a slug of the prompt's title. */
export function branchFor(request: RequestSnapshot, runId: string): string {
  if (request.issue !== null) return `ensemble/issue-${request.issue}`;
  const slug = request.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `ensemble/${slug || 'run'}-${runId.slice(-4)}`;
}

function resolveStages(loaded: LoadedConfig, requested: readonly PipelineStage[] | undefined): Set<PipelineStage> {
  const stages = new Set<PipelineStage>(requested ?? PIPELINE_STAGES);
  stages.add('plan');
  stages.add('code');
  for (const stage of ['test', 'review', 'docs'] as const) if (!loaded.config.stages[stage].enabled) stages.delete(stage);
  return stages;
}

/**
 * Runs the whole pipeline in this process on a local checkout: plan, code tasks in dependency
 * waves (up to `maxParallel` at once), test, then review and docs in parallel, then the local
 * publish onto a branch. Every artifact is written to the run directory as soon as it exists,
 * so a failure leaves everything made so far where the user can find it.
 */
export async function runLocalPipeline(options: LocalRunOptions): Promise<LocalRunSummary> {
  // A subdirectory of a checkout means the checkout: its configuration, its run directory.
  const repoDir = repositoryRoot(options.repoDir);
  // The configuration is read before any child process starts: it names the models whose keys
  // must be read, after which every credential leaves the environment.
  const { loaded, config } = await loadLocalConfig(repoDir, options.configFile, options.model);
  const stages = resolveStages(loaded, options.stages);
  const session = openLocalModels(
    config,
    (['plan', 'code', 'test', 'review', 'docs'] as const).filter((s) => stages.has(s)),
    options,
  );

  await assertCleanRepo(repoDir, { includeUntracked: false });
  const baseSha = await pinBase(repoDir);
  const runId = newRunId();
  const runDir = RunDirectory.create(repoDir, runId);
  const run: RunIdentity = {
    repository: await repositoryName(repoDir),
    runId,
    issue: options.request.issue,
    promptHash: options.request.issue === null ? options.request.hash : null,
    baseSha,
    configHash: loaded.hash,
  };
  const rows: StageRow[] = [];
  const summary: LocalRunSummary = {
    ok: false,
    runId,
    runDir: runDir.dir,
    branch: null,
    prFile: null,
    reviewFile: null,
    stages: rows,
    tasks: [],
    error: null,
  };
  runDir.writeDocument(ARTIFACTS.plan, 'request.json', options.request);
  const local = await createLocalContext({ repoDir, config, run, runDir, session, reporter: options.reporter, commands: options.commands });
  const { ctx } = local;
  const ledger = ctx.ledger;
  try {
    const timed = async <T>(
      stage: string,
      work: () => Promise<T>,
      usageOf: () => { tokens: number; costUsd: number | null },
    ): Promise<T> => {
      const started = Date.now();
      options.reporter.event({ stage: stage as ConfigStage, status: 'started' });
      try {
        const result = await work();
        rows.push({ stage, status: 'done', durationMs: Date.now() - started, ...usageOf(), detail: '' });
        options.reporter.event({ stage: stage as ConfigStage, status: 'finished' });
        return result;
      } catch (error) {
        rows.push({ stage, status: 'failed', durationMs: Date.now() - started, ...usageOf(), detail: (error as Error).message });
        options.reporter.event({ stage: stage as ConfigStage, status: 'failed', detail: (error as Error).message });
        throw error;
      }
    };
    const stageUsage = (stage: string) => () => {
      const t = ledger.totals(stage);
      return { tokens: t.inputTokens + t.outputTokens, costUsd: t.costUsd };
    };

    // Plan.
    const plan: PlanDocument = await timed(
      'plan',
      () => runPlanStage(ctx, { request: options.request, workspace: local.base.dir }),
      stageUsage('plan'),
    );
    runDir.writeDocument(ARTIFACTS.plan, 'plan.json', plan);

    // Code, in dependency waves.
    const results = new Map<string, { document: TaskDocument; patch: string }>();
    await timed(
      'code',
      async () => {
        for (const wave of dependencyWaves(plan.tasks)) {
          await mapWithLimit(wave, options.maxParallel ?? 4, async (taskId) => {
            const task = plan.tasks.find((t) => t.id === taskId)!;
            const failedDependency = unfinishedDependency(task, (d) => results.get(d)?.document.status);
            let result: { document: TaskDocument; patch: string };
            if (failedDependency) {
              result = {
                document: taskNotRun(run, taskId, `skipped: it depends on "${failedDependency}", which did not finish`),
                patch: '',
              };
              options.reporter.event({
                stage: 'code',
                agent: `code:${taskId}`,
                status: 'skipped',
                detail: result.document.stopReason ?? '',
              });
            } else {
              try {
                result = await runCodeStage(ctx, {
                  plan,
                  taskId,
                  dependencies: task.dependsOn.map((d) => ({ taskId: d, patch: results.get(d)!.patch })),
                });
              } catch (error) {
                result = { document: taskNotRun(run, taskId, `error: ${(error as Error).message}`), patch: '' };
                options.reporter.event({ stage: 'code', agent: `code:${taskId}`, status: 'failed', detail: (error as Error).message });
              }
            }
            results.set(taskId, result);
            runDir.writeTask(result);
          });
        }
        summary.tasks = plan.tasks.map((t) => ({ id: t.id, status: results.get(t.id)?.document.status ?? 'failed' }));
        const failed = [...results.values()].filter((r) => r.document.status === 'failed');
        if (failed.length === plan.tasks.length)
          throw new Error(
            `every task failed: ${failed.map((f) => `${f.document.taskId} (${f.document.stopReason ?? f.document.summary})`).join('; ')}`,
          );
      },
      stageUsage('code'),
    );
    const tasks = plan.tasks.map((t) => results.get(t.id)!);
    summary.tasks = tasks.map((t) => ({ id: t.document.taskId, status: t.document.status }));

    // Test, or a plain integration when the test stage is off.
    const tested = stages.has('test')
      ? await timed('test', () => runTestStage(ctx, { plan, tasks }), stageUsage('test'))
      : await integrateWithoutTests(ctx, plan, tasks);
    runDir.writeTest(tested);
    const test: TestDocument = tested.document;
    const changePatch = tested.patch;
    if (!stages.has('test')) {
      for (const r of test.integration.filter((i) => i.result === 'conflicted')) {
        options.reporter.warn(`task ${r.taskId} conflicts with the tasks before it (${r.conflictingFiles.join(', ')}): left out`);
      }
    }

    // Review and docs, side by side. Neither may sink the run: the branch is still made, and
    // the report says which stage failed and why.
    const [reviewed, documented] = await Promise.allSettled([
      stages.has('review') && changePatch !== ''
        ? timed('review', () => runReviewStages(ctx, { plan, test, changePatch }), stageUsage('review'))
        : Promise.resolve([] as ReviewDocument[]),
      stages.has('docs') && changePatch !== ''
        ? timed('docs', () => runDocsStage(ctx, { plan, changePatch }), stageUsage('docs'))
        : Promise.resolve(null as { document: DocsDocument; patch: string } | null),
    ]);
    const reviews = reviewed.status === 'fulfilled' ? reviewed.value : [];
    const docs = documented.status === 'fulfilled' ? documented.value : null;
    for (const failure of [reviewed, documented]) {
      if (failure.status === 'rejected') options.reporter.warn(String((failure.reason as Error)?.message ?? failure.reason));
    }
    runDir.writeReviews(reviews);
    if (docs) runDir.writeDocs(docs);

    if (!stages.has('publish')) {
      summary.error = 'the publish stage was not run (--stages): no branch was made';
      return summary;
    }
    const published = await timed(
      'publish',
      () =>
        publishLocal({
          repoDir,
          run,
          plan,
          tasks,
          test,
          changePatch,
          docs,
          reviews,
          blockOn: config.review['block-on'],
          protectedPaths: config['protected-paths'],
          branch: branchFor(options.request, runId),
        }),
      () => ({ tokens: 0, costUsd: 0 }),
    );
    for (const note of published.notes) options.reporter.info(note);
    const files = runDir.writePublished(published);
    summary.prFile = files.prFile;
    summary.reviewFile = files.reviewFile;
    if (published.document.commits.length === 0) {
      summary.error = 'the run changed nothing: no task produced a change, so no branch was made';
      return summary;
    }
    summary.branch = published.document.branch;
    summary.ok = true;
    return summary;
  } catch (error) {
    summary.error = (error as Error).message;
    return summary;
  } finally {
    await local.close();
  }
}
