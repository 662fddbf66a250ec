import { ARTIFACTS } from '../../artifacts/names.ts';
import type { LoadedConfig } from '../../config/load.ts';
import type { CheckpointDocument } from '../../contracts/checkpoint.ts';
import type { EnsembleConfig } from '../../contracts/config.ts';
import type { PlanDocument, RequestSnapshot } from '../../contracts/plan.ts';
import type { GitHubClient } from '../../github/octokit.ts';
import type { ModelSession } from '../../model/session.ts';
import { prepareEnvironment, setupStopMessage } from '../../pipeline/environment.ts';
import { approvalRequired, type PlanGate } from '../../pipeline/gates.ts';
import { requestFromIssue, requestFromPrompt } from '../../pipeline/request.ts';
import { runStage, type StageOutcome } from '../../pipeline/run-stage.ts';
import { loadRunConfig, openModels, openRunSession, type StageSession } from '../../pipeline/session.ts';
import { dependencyGroups } from '../../plan/graph.ts';
import { renderSetupFailure, renderSetupSummary } from '../../render/index.ts';
import { environmentChoice, type SetupReport } from '../../stages/setup.ts';
import { errorMessage, UserError } from '../../util/errors.ts';
import { actionsReporter, runUrlOf } from './environment.ts';
import type { ActionSettings } from './inputs.ts';
import { startFromComment } from './plan-gate.ts';
import { reportStage } from './report.ts';
import { packInstall } from './setup-cache.ts';
import { type ActionDeps, setUpSandbox, uploadOutcome, withCommandsStopped } from './stages.ts';
import { assertPlanFitsItsJob, codeLegTimeout, HOSTED_JOB_LIMIT_MINUTES, jobTimeouts } from './timeouts.ts';
import { resolveTrigger, TriggerError } from './trigger.ts';

/** GitHub's limit on one job output is 1 MB; the matrix stays far below it (at most 256 short entries). */
export const MAX_OUTPUT_BYTES = 1_000_000;

/**
 * `{"include":[{"task":"<id>","title":"…","timeout-minutes":75}]}` for
 * `strategy.matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}`: one leg per group of tasks linked
 * by dependencies, named by its first task; the code action runs the whole group in dependency
 * order (independent tasks are groups of one), so the leg's time limit covers every task of it.
 * `warnings` name the legs whose tasks may need more than a hosted job can run.
 */
export function planMatrix(plan: Pick<PlanDocument, 'tasks'>, config: EnsembleConfig): PlanMatrix {
  const titles = new Map(plan.tasks.map((t) => [t.id, t.title]));
  const warnings: string[] = [];
  const include = dependencyGroups(plan.tasks)
    .slice(0, 256)
    .map((group) => {
      const first = group[0] as string;
      const then = group.length > 1 ? ` (then ${group.slice(1).join(', ')})` : '';
      const timeout = codeLegTimeout(config, group.length);
      if (timeout.overHostedLimit) {
        warnings.push(
          `the code leg of ${group.join(' → ')} runs ${group.length} tasks of up to ` +
            `${config.stages.code['timeout-minutes']} minutes each, more than the ${HOSTED_JOB_LIMIT_MINUTES} ` +
            'minutes GitHub lets a hosted job run: its last tasks may be cut off',
        );
      }
      return { task: first, title: `${titles.get(first)?.slice(0, 200)}${then}`, 'timeout-minutes': timeout.minutes };
    });
  const json = JSON.stringify({ include });
  if (Buffer.byteLength(json) > MAX_OUTPUT_BYTES)
    throw new Error(`the task matrix is ${Buffer.byteLength(json)} bytes, over GitHub's output limit`);
  return { json, warnings };
}

export interface PlanMatrix {
  /** The `matrix` output. */
  json: string;
  warnings: string[];
}

const MISSING_TOKEN =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression a user writes
  'the github-token input is empty: pass ${{ github.token }} ' +
  '(the default) or a token with contents: read and issues: write';

/** The issue's title and body as the `issues` event recorded them when the label was added. */
function labelledIssueText(payload: Record<string, unknown>, number: number): { title: string; body: string } | null {
  const issue = payload['issue'] as { number?: unknown; title?: unknown; body?: unknown } | undefined;
  if (!issue || issue.number !== number || typeof issue.title !== 'string') return null;
  return { title: issue.title, body: typeof issue.body === 'string' ? issue.body : '' };
}

/** The request a run works on, checked against who asked; and the client that posts the tracking comment. */
export interface PreparedRun {
  request: RequestSnapshot;
  octokit: GitHubClient;
  /** The token the client uses: the tracking comment must never carry it. */
  token: string;
}

/**
 * Checks the event and who triggered it, and snapshots the request: before any model call, so a
 * refusal costs nothing. The snapshot is the only copy of the issue later stages read.
 */
export async function prepareRun(
  settings: Pick<ActionSettings<'plan'>, 'githubToken' | 'issue' | 'prompt'>,
  deps: ActionDeps,
  config: EnsembleConfig,
): Promise<PreparedRun> {
  const { core, job } = deps;
  const inputs = { issue: settings.issue, prompt: settings.prompt };
  const trigger = resolveTrigger(job.eventName, job.eventPayload, inputs, config.trigger.label);

  const token = settings.githubToken ?? deps.env['GITHUB_TOKEN'];
  if (!token) throw new UserError(MISSING_TOKEN);
  const github = await import('../../github/index.ts');
  const octokit = github.createOctokit({ token, baseUrl: job.apiUrl });
  const { owner, repo } = job.repository;
  const permission = await github.checkTriggerPermission(octokit, {
    owner,
    repo,
    username: trigger.sender.login,
    senderType: trigger.sender.type,
    allowedBots: config.trigger['allowed-bots'],
  });
  if (!permission.ok) throw new TriggerError(permission.reason);

  if (trigger.kind !== 'issue') return { request: requestFromPrompt(trigger.prompt), octokit, token };
  const issue = await github.snapshotIssue(octokit, { owner, repo, issue_number: trigger.issue });
  // The maintainer approved the issue as it read when they added the label: the event carries
  // that text. An edit made since (by its author, say) is not what was approved, so it is not used.
  const labelled = labelledIssueText(job.eventPayload, trigger.issue);
  if (labelled && (labelled.title !== issue.title || labelled.body !== (issue.body ?? ''))) {
    core.warning(
      `issue #${trigger.issue} was edited after it was labelled; ensemble works on the text as it was labelled`,
    );
    Object.assign(issue, labelled);
  }
  return { request: requestFromIssue(issue), octokit, token };
}

/** Opens the run on the job's checkout: its id is the workflow run's, its base the checkout's HEAD. */
export function openActionsRun(
  deps: ActionDeps,
  input: { request: RequestSnapshot; loaded: LoadedConfig; config: EnsembleConfig; session: ModelSession },
): Promise<StageSession> {
  const { job } = deps;
  return openRunSession({
    repoDir: job.workspace,
    repository: `${job.repository.owner}/${job.repository.repo}`,
    runId: job.runId,
    request: input.request,
    loaded: input.loaded,
    config: input.config,
    runDir: deps.runDir,
    session: input.session,
    reporter: actionsReporter(deps.core),
  });
}

/** What the plan job ended with, as the `outcome` output the reusable workflow's jobs branch on. */
export type PlanJobOutcome = 'planned' | 'waiting' | 'stopped' | 'ignored';

/**
 * The outputs the reusable workflow's jobs fan out on. Only a plan has tasks: a run that waits,
 * stopped or had nothing to do outputs none, so no code job starts, and `outcome` tells publish
 * whether it has a checkpoint to store (`waiting`, `stopped`) or nothing to do (`ignored`).
 */
function setPlanOutputs(
  deps: ActionDeps,
  config: EnsembleConfig,
  result: { outcome: PlanJobOutcome; plan: PlanDocument | null; baseSha: string | null },
): void {
  const { core } = deps;
  const matrix = result.plan ? planMatrix(result.plan, config) : { json: '{"include":[]}', warnings: [] };
  for (const warning of matrix.warnings) core.warning(warning);
  core.setOutput('outcome', result.outcome);
  core.setOutput('matrix', matrix.json);
  core.setOutput('timeouts', JSON.stringify(jobTimeouts(config)));
  core.setOutput('task-count', String(result.plan?.tasks.length ?? 0));
  if (result.baseSha) core.setOutput('base-sha', result.baseSha);
  core.setOutput('lenses', JSON.stringify(config.review.lenses));
}

/**
 * After the plan step: the outputs, the step summary, and the tracking comment on the issue: the
 * plan, or what the run waits for (the questions, or the plan to approve) and how to continue.
 */
export async function reportPlan(
  deps: ActionDeps,
  prepared: PreparedRun,
  outcome: StageOutcome,
  config: EnsembleConfig,
): Promise<void> {
  const { checkpoint } = outcome.documents;
  if (checkpoint) {
    setPlanOutputs(deps, config, { outcome: 'waiting', plan: null, baseSha: checkpoint.run.baseSha });
    await reportStage(deps.core, { stage: 'plan', outcomes: [outcome], config, runDir: deps.runDir });
    if (checkpoint.request.issue === null) return;
    const { postGateTrackingComment } = await import('../../publish/tracking.ts');
    await postGateTrackingComment({
      ...trackingTarget(deps, prepared, checkpoint.request.issue),
      checkpoint,
      label: config.gates['needs-info-label'],
    });
    return;
  }
  const plan = outcome.documents.plan as PlanDocument;
  setPlanOutputs(deps, config, { outcome: 'planned', plan, baseSha: plan.run.baseSha });
  await reportStage(deps.core, { stage: 'plan', outcomes: [outcome], config, runDir: deps.runDir });

  if (plan.request.issue === null) return;
  const { postPlanTrackingComment } = await import('../../publish/tracking.ts');
  await postPlanTrackingComment({ ...trackingTarget(deps, prepared, plan.request.issue), plan });
}

/** Where the plan job's tracking comment goes, and what it must never contain (the job's secrets). */
function trackingTarget(deps: ActionDeps, prepared: PreparedRun, issue: number) {
  const { core, job } = deps;
  const { owner, repo } = job.repository;
  return {
    octokit: prepared.octokit,
    repo: { owner, repo },
    issue,
    runUrl: runUrlOf(job),
    secretValues: [
      { name: 'github-token', value: prepared.token },
      ...Object.entries(deps.session?.removedCredentials ?? {}).map(([name, value]) => ({ name, value })),
    ],
    serverUrl: job.serverUrl,
    log: { info: (m: string) => core.info(m), warn: (m: string) => core.warning(m) },
  };
}

/**
 * The run's setup, before any model call: what the detection or the configuration installs runs
 * once here, in the sandbox, so that a repository whose install fails learns it with nothing
 * spent, in the step summary and the tracking comment, instead of from every code job after the
 * plan. Once there is a plan, the install is packed for the code, test and fix jobs, which reuse it
 * (`saveInstall`, setup-cache.ts): one install per run. A repository with nothing to install costs
 * nothing here.
 */
export async function setUpBeforePlanning(
  deps: ActionDeps,
  prepared: PreparedRun,
  session: StageSession,
  config: EnsembleConfig,
): Promise<SetupReport | null> {
  const { setup } = await environmentChoice(session.ctx, session.base.dir, session.ctx.baseFiles);
  if (setup.commands.length > 0) await setUpSandbox(deps, config);
  const report = await withCommandsStopped(deps.core, () => prepareEnvironment(session));
  if (report?.status !== 'failed') return report;
  await reportSetupFailure(deps, prepared, setupStopMessage(report));
  throw new SetupFailedError(setupStopMessage(report));
}

/**
 * Packs the plan job's install for the later jobs (`setup-cache.ts`); its cache key, or '' when
 * nothing was installed. A failure to pack costs the run only the reuse: the later jobs install.
 */
async function saveInstall(deps: ActionDeps, session: StageSession): Promise<string> {
  const installed = await session.ctx.environment?.installed();
  if (!installed) return '';
  try {
    const key = await packInstall(installed, deps.job.runnerTemp, session.ctx.run.baseSha);
    deps.core.info(`setup: packed for the code, test and fix jobs (cache key ${key})`);
    return key;
  } catch (error) {
    deps.core.warning(
      `setup: the install could not be packed for the later jobs, which install again: ${errorMessage(error)}`,
    );
    return '';
  }
}

/** The setup failed before any model call; the message says which command, how, and its last lines. */
export class SetupFailedError extends UserError {
  override name = 'SetupFailedError';
}

/** A failed setup in the step summary and, for an issue, the tracking comment: the run's only report. */
export async function reportSetupFailure(deps: ActionDeps, prepared: PreparedRun, message: string): Promise<void> {
  deps.core.summary.addRaw(renderSetupFailure(message), true);
  await deps.core.summary.write();
  if (prepared.request.issue === null) return;
  const { postSetupFailureTrackingComment } = await import('../../publish/tracking.ts');
  await postSetupFailureTrackingComment({ ...trackingTarget(deps, prepared, prepared.request.issue), message });
}

/**
 * `actions/plan`: checks the event and who triggered it, snapshots the request (or, on a comment
 * where a run waits, reads and verifies its checkpoint: `plan-gate.ts`), plans or continues the
 * plan, uploads `ensemble-plan`, sets the outputs and upserts the tracking comment.
 */
export async function runPlanAction(settings: ActionSettings<'plan'>, deps: ActionDeps): Promise<void> {
  const model = settings.model ? `${settings.model.provider}:${settings.model.model}` : null;
  const { loaded, config } = await loadRunConfig(deps.job.workspace, settings.config, model);
  assertPlanFitsItsJob(config, loaded.file);

  let prepared: PreparedRun;
  let gate: PlanGate = { kind: 'fresh' };
  if (deps.job.eventName === 'issue_comment') {
    const token = settings.githubToken ?? deps.env['GITHUB_TOKEN'];
    if (!token) throw new UserError(MISSING_TOKEN);
    const start = await startFromComment(deps, { config, loaded, token });
    if (start.kind === 'nothing') return reportNothing(deps, config, start.why);
    if (start.kind === 'stop') return reportStopped(deps, config, start.checkpoint);
    prepared = start.prepared;
    gate = start.gate;
  } else {
    prepared = await prepareRun(settings, deps, config);
  }

  if (gate.kind === 'answers') {
    // No answers are wanted any more once a run continues; a comment meanwhile starts nothing.
    const { removeIssueLabel } = await import('../../github/issues.ts');
    const { owner, repo } = deps.job.repository;
    const issue = prepared.request.issue as number;
    await removeIssueLabel(prepared.octokit, {
      owner,
      repo,
      issue_number: issue,
      label: config.gates['needs-info-label'],
    });
  }
  const runConfig = configThatCanWait(config, prepared.request, 'workflow', deps.core);

  // Keys are read, then every credential leaves the environment, before any agent starts.
  const models = openModels(runConfig, ['plan'], {
    model,
    baseUrl: settings.baseUrl,
    apiKey: settings.apiKey,
    env: deps.env,
    ...(deps.session ? { session: deps.session } : {}),
  });
  const session = await openActionsRun(deps, {
    request: prepared.request,
    loaded,
    config: runConfig,
    session: models,
  });
  let outcome: StageOutcome;
  let setup: SetupReport | null = null;
  let setupKey = '';
  try {
    // An approval codes the posted plan with no model call. It installs here too (once, for every
    // later job) when the plan's base is this checkout's; else the code jobs install at the plan's base.
    if (gate.kind !== 'approve' || gate.checkpoint.run.baseSha === session.ctx.run.baseSha) {
      setup = await setUpBeforePlanning({ ...deps, session: models }, prepared, session, runConfig);
    }
    const unit = { stage: 'plan' as const, request: prepared.request, gate };
    outcome = await withCommandsStopped(deps.core, () => runStage(session, unit));
    // Only a plan is coded: a run that waits saves nothing (the run that continues it installs).
    if (outcome.documents.plan) setupKey = await saveInstall(deps, session);
  } finally {
    await session.close();
  }
  deps.core.setOutput('setup-key', setupKey);
  await uploadOutcome(deps, outcome);
  await reportPlan({ ...deps, session: models }, prepared, outcome, config);
  if (setup && setup.status !== 'failed') {
    const { choice, test } = setup;
    const summary = { ...choice, status: setup.status, durationMs: setup.durationMs, test };
    deps.core.summary.addRaw(renderSetupSummary(summary), true);
    await deps.core.summary.write();
  }
}

/**
 * The configuration as a run on GitHub can follow it. A run waits in its issue, where a person's
 * comment continues it: a run from a prompt has no issue, and the all-in-one job is started by no
 * comment. There the planner may not ask (it plans with what it has), and a configuration that
 * wants every plan approved is refused: coding an unapproved plan would ignore it.
 */
export function configThatCanWait(
  config: EnsembleConfig,
  request: RequestSnapshot,
  runtime: 'workflow' | 'all-in-one',
  core: Pick<ActionDeps['core'], 'info'>,
): EnsembleConfig {
  if (runtime === 'workflow' && request.issue !== null) return config;
  const where =
    runtime === 'all-in-one'
      ? 'the all-in-one action, which no comment can continue'
      : 'a run from a prompt, which has no issue to wait in';
  if (approvalRequired(config)) {
    throw new UserError(
      'gates.approval: comment (or gates.questions: always) makes every plan wait for approval in its issue, ' +
        `which ${where} cannot do: run on an issue with the reusable workflow (pipeline.yml), or set ` +
        'gates.approval: none and gates.questions: when-unclear',
    );
  }
  if (config.gates.questions === 'never') return config;
  core.info(`the planning agent does not ask questions here: this is ${where}`);
  return { ...config, gates: { ...config.gates, questions: 'never' } };
}

/** A comment that asks nothing of a waiting run: no job after this one runs. */
async function reportNothing(deps: ActionDeps, config: EnsembleConfig, why: string): Promise<void> {
  setPlanOutputs(deps, config, { outcome: 'ignored', plan: null, baseSha: null });
  deps.core.info(`ensemble does nothing: ${why}`);
  deps.core.summary.addRaw(`## ensemble\n\nNothing to do: ${why}\n`, true);
  await deps.core.summary.write();
}

/**
 * `/ensemble stop` on a waiting run: the stopped checkpoint goes to publish (`ensemble-plan`),
 * which stores it, takes the label off and says so in the tracking comment.
 */
async function reportStopped(deps: ActionDeps, config: EnsembleConfig, checkpoint: CheckpointDocument): Promise<void> {
  deps.runDir.writeDocument(ARTIFACTS.plan, 'checkpoint.json', checkpoint);
  await deps.artifacts.uploadArtifact(ARTIFACTS.plan, deps.runDir.artifactDir(ARTIFACTS.plan));
  setPlanOutputs(deps, config, { outcome: 'stopped', plan: null, baseSha: null });
  const by = checkpoint.settled?.by ?? 'someone';
  const said = `## ensemble\n\n@${by} asked to stop the wait on this issue; the publish job settles it.\n`;
  deps.core.summary.addRaw(said, true);
  await deps.core.summary.write();
}
