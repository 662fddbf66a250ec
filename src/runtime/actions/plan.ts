import { ARTIFACTS } from '../../artifacts/names.ts';
import type { RunIdentity } from '../../contracts/common.ts';
import type { PlanDocument, RequestSnapshot } from '../../contracts/plan.ts';
import { requestFromIssue, requestFromPrompt } from '../../pipeline/request.ts';
import { loadRunConfig, openModels, openStageSession } from '../../pipeline/session.ts';
import { dependencyGroups } from '../../plan/graph.ts';
import { renderPlanMarkdown, renderUsageTable, TRACKING_MARKER } from '../../render/index.ts';
import { runPlanStage } from '../../stages/plan.ts';
import { pinBase } from '../../workspace/index.ts';
import { actionsReporter } from './environment.ts';
import type { ActionSettings } from './inputs.ts';
import { type ActionDeps, withCommandsStopped } from './stages.ts';
import { resolveTrigger, TriggerError } from './trigger.ts';

/** GitHub's limit on one job output is 1 MB; the matrix stays far below it (at most 256 short entries). */
export const MAX_OUTPUT_BYTES = 1_000_000;

/**
 * `{"include":[{"task":"<id>","title":"…"}]}` for `strategy.matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}`:
 * one leg per group of tasks linked by dependencies, named by its first task; the code action
 * runs the whole group in dependency order (independent tasks are groups of one).
 */
export function planMatrix(plan: Pick<PlanDocument, 'tasks'>): string {
  const titles = new Map(plan.tasks.map((t) => [t.id, t.title]));
  const include = dependencyGroups(plan.tasks)
    .slice(0, 256)
    .map((group) => ({
      task: group[0] as string,
      title: `${titles.get(group[0] as string)?.slice(0, 200)}${group.length > 1 ? ` (then ${group.slice(1).join(', ')})` : ''}`,
    }));
  const json = JSON.stringify({ include });
  if (Buffer.byteLength(json) > MAX_OUTPUT_BYTES)
    throw new Error(`the task matrix is ${Buffer.byteLength(json)} bytes, over GitHub's output limit`);
  return json;
}

const MISSING_TOKEN =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression a user writes
  'the github-token input is empty: pass ${{ github.token }} (the default) or a token with contents: read and issues: write';

function trackingBody(plan: PlanDocument, runUrl: string): string {
  return [
    TRACKING_MARKER,
    `ensemble is working on this issue: [workflow run](${runUrl}).`,
    '',
    renderPlanMarkdown(plan, { limit: { unit: 'chars', max: 60_000 } }),
  ].join('\n');
}

/** The issue's title and body as the `issues` event recorded them when the label was added. */
function labelledIssueText(payload: Record<string, unknown>, number: number): { title: string; body: string } | null {
  const issue = payload['issue'] as { number?: unknown; title?: unknown; body?: unknown } | undefined;
  if (!issue || issue.number !== number || typeof issue.title !== 'string') return null;
  return { title: issue.title, body: typeof issue.body === 'string' ? issue.body : '' };
}

/**
 * `actions/plan`: checks the event and who triggered it, snapshots the request, plans, uploads
 * `ensemble-plan`, sets the matrix outputs and upserts the tracking comment. Refusals happen
 * before any model call; the snapshot is the only copy of the issue later stages read.
 */
export async function runPlanAction(settings: ActionSettings<'plan'>, deps: ActionDeps): Promise<void> {
  const { core, job } = deps;
  const model = settings.model ? `${settings.model.provider}:${settings.model.model}` : null;
  const { loaded, config } = await loadRunConfig(job.workspace, settings.config, model);
  const trigger = resolveTrigger(job.eventName, job.eventPayload, { issue: settings.issue, prompt: settings.prompt }, config.trigger.label);

  const token = settings.githubToken ?? deps.env['GITHUB_TOKEN'];
  if (!token) throw new Error(MISSING_TOKEN);
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

  let request: RequestSnapshot;
  if (trigger.kind === 'issue') {
    const issue = await github.snapshotIssue(octokit, { owner, repo, issue_number: trigger.issue });
    // The maintainer approved the issue as it read when they added the label: the event carries
    // that text. An edit made since (by its author, say) is not what was approved, so it is not used.
    const labelled = labelledIssueText(job.eventPayload, trigger.issue);
    if (labelled && (labelled.title !== issue.title || labelled.body !== (issue.body ?? ''))) {
      core.warning(`issue #${trigger.issue} was edited after it was labelled; ensemble works on the text as it was labelled`);
      Object.assign(issue, labelled);
    }
    request = requestFromIssue(issue);
  } else {
    request = requestFromPrompt(trigger.prompt);
  }

  // Keys are read, then every credential leaves the environment, before any agent starts.
  const session = openModels(config, ['plan'], {
    model,
    baseUrl: settings.baseUrl,
    apiKey: settings.apiKey,
    env: deps.env,
    ...(deps.session ? { session: deps.session } : {}),
  });
  const baseSha = await pinBase(job.workspace);
  const run: RunIdentity = {
    repository: `${owner}/${repo}`,
    runId: job.runId,
    issue: request.issue,
    promptHash: request.issue === null ? request.hash : null,
    baseSha,
    configHash: loaded.hash,
  };
  deps.runDir.writeDocument(ARTIFACTS.plan, 'request.json', request);
  const local = await openStageSession({
    repoDir: job.workspace,
    config,
    run,
    runDir: deps.runDir,
    session,
    reporter: actionsReporter(core),
  });
  let plan: PlanDocument;
  try {
    plan = await withCommandsStopped(core, () => runPlanStage(local.ctx, { request, workspace: local.base.dir }));
  } finally {
    await local.close();
  }
  if (plan.tasks.length > config.stages.plan['max-tasks']) {
    throw new Error(`the plan has ${plan.tasks.length} tasks, over the configured limit of ${config.stages.plan['max-tasks']}`);
  }
  deps.runDir.writeDocument(ARTIFACTS.plan, 'plan.json', plan);
  await deps.artifacts.uploadArtifact(ARTIFACTS.plan, deps.runDir.artifactDir(ARTIFACTS.plan));

  core.setOutput('matrix', planMatrix(plan));
  core.setOutput('task-count', String(plan.tasks.length));
  core.setOutput('base-sha', baseSha);
  core.setOutput('lenses', JSON.stringify(config.review.lenses));
  core.summary.addRaw(`${renderPlanMarkdown(plan)}\n${renderUsageTable([{ stage: 'plan', usage: plan.usage }])}`, true);
  await core.summary.write();

  if (request.issue !== null) {
    const runUrl = `${job.serverUrl}/${owner}/${repo}/actions/runs/${job.runId}`;
    await github.upsertMarkedComment(octokit, {
      owner,
      repo,
      issue_number: request.issue,
      marker: TRACKING_MARKER,
      body: trackingBody(plan, runUrl),
    });
  }
}
