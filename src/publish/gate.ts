/**
 * What publish writes for the gates (`pipeline/gates.ts`): a run that waits stores its checkpoint
 * under `refs/ensemble/checkpoints/issue-<n>` (so that the run a person's answer starts can
 * continue from it after every artifact of this one expired) and labels the issue while it waits
 * for answers; a stopped wait is settled there and said in the tracking comment; and a run that
 * went on to code settles the checkpoint it continued (or replaced), so that no later command
 * resumes it a second time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS } from '../artifacts/names.ts';
import type { RunDirectory } from '../artifacts/run-directory.ts';
import type { CheckpointDocument } from '../contracts/checkpoint.ts';
import type { EnsembleConfig } from '../contracts/config.ts';
import { addIssueLabel, removeIssueLabel } from '../github/issues.ts';
import type { GitHubClient } from '../github/octokit.ts';
import type { SecretValue } from '../secrets/scan.ts';
import { errorMessage } from '../util/errors.ts';
import { publishPolicy } from './check-policy.ts';
import { readCheckpoint, settleCheckpoint, writeCheckpoint } from './checkpoint-store.ts';
import type { RemoteRepo } from './git-data.ts';
import { type PublishLog, silentLog } from './step.ts';
import { postGateStoreFailure, postGateTrackingComment } from './tracking.ts';

export interface GatePublishOptions {
  octokit: GitHubClient;
  repo: RemoteRepo;
  repoDir: string;
  runDir: RunDirectory;
  config: EnsembleConfig;
  configPath: string;
  secretValues: readonly SecretValue[];
  serverUrl: string;
  runUrl: string;
  /** This workflow run: the checkpoint must be its own. */
  runId: string;
  log?: PublishLog;
}

export interface GatePublished {
  status: 'waiting' | 'stopped' | 'refused';
  /** What was written, one line each, for the step summary. */
  written: string[];
  error: string | null;
}

/**
 * Publishes a waiting or stopped checkpoint of this run (the plan job's `checkpoint.json`); never
 * throws for a refusal.
 */
export async function publishGate(options: GatePublishOptions, checkpoint: CheckpointDocument): Promise<GatePublished> {
  const { octokit, repo, config } = options;
  const issue = checkpoint.request.issue;
  const written: string[] = [];
  if (issue === null) return refused('a run from a prompt has no issue to wait on', written);
  const waitsIn = checkpoint.status === 'stopped' ? checkpoint.settled?.runId : checkpoint.run.runId;
  if (waitsIn !== options.runId) {
    return refused(`the checkpoint is of workflow run ${waitsIn ?? 'unknown'}, not of ${options.runId}`, written);
  }
  const policy = publishPolicy(config, { ...options, allowedHost: new URL(options.serverUrl).host });
  const label = config.gates['needs-info-label'];
  const tracking = {
    octokit,
    repo,
    issue,
    runUrl: options.runUrl,
    secretValues: options.secretValues,
    serverUrl: options.serverUrl,
    label,
    ...(options.log ? { log: options.log } : {}),
  };

  if (checkpoint.status === 'stopped') {
    const stored = await readCheckpoint(octokit, repo, issue);
    if (stored !== null && stored.checkpoint.status === 'waiting' && checkpoint.settled) {
      const settled = await settleCheckpoint(
        octokit,
        repo,
        issue,
        stored,
        { status: 'stopped', ...checkpoint.settled },
        policy,
      );
      if ('refused' in settled) return refused(`the stopped checkpoint was not stored: ${settled.refused}`, written);
      written.push(`checkpoint of #${issue} settled as stopped (${settled.commit.slice(0, 12)})`);
    }
    await removeIssueLabel(octokit, { ...repo, issue_number: issue, label });
    await postGateTrackingComment({ ...tracking, checkpoint });
    written.push(`tracking comment on #${issue}: stopped by @${checkpoint.settled?.by ?? 'someone'}`);
    return { status: 'stopped', written, error: null };
  }

  // A re-run of this job must not bring back a wait that was settled since, or replace a newer one.
  const current = await readCheckpoint(octokit, repo, issue);
  const outdated = current !== null && supersedes(current.checkpoint, checkpoint);
  if (outdated) return refused(`${outdated}; nothing was stored`, written);

  const conversationFile = join(options.runDir.artifactDir(ARTIFACTS.plan), 'conversation.json');
  const conversation = existsSync(conversationFile) ? readFileSync(conversationFile, 'utf8') : null;
  let stored = await writeCheckpoint(octokit, repo, issue, { checkpoint, conversation }, policy);
  if ('refused' in stored && conversation !== null) {
    // The conversation holds what the planner read; without it the run still continues, from the findings.
    const without = { checkpoint: { ...checkpoint, conversation: false }, conversation: null };
    const retried = await writeCheckpoint(octokit, repo, issue, without, policy);
    if (!('refused' in retried)) written.push(`the planner's conversation was not stored: ${stored.refused}`);
    stored = retried;
  }
  if ('refused' in stored) {
    const why = `ensemble could not store what it needs to continue: ${stored.refused}`;
    // Nothing waits now: no answers are wanted, and the tracking comment shows no wait to continue.
    await removeIssueLabel(octokit, { ...repo, issue_number: issue, label });
    await postGateStoreFailure({ ...tracking, message: `${why}. Label the issue again to start over.` });
    return refused(why, written);
  }
  written.push(`checkpoint of #${issue} stored (${stored.commit.slice(0, 12)}), waiting for ${checkpoint.waitingFor}`);
  // The label says "answers wanted"; a plan that waits for approval wants none.
  if (checkpoint.waitingFor === 'answers') {
    await addIssueLabel(octokit, { ...repo, issue_number: issue, label });
    written.push(`label ${label} on #${issue}`);
  } else {
    await removeIssueLabel(octokit, { ...repo, issue_number: issue, label });
  }
  await postGateTrackingComment({ ...tracking, checkpoint });
  written.push(`tracking comment on #${issue}: waiting for ${checkpoint.waitingFor}`);
  return { status: 'waiting', written, error: null };
}

/** Why `stored` is not to be overwritten by `mine`: it is mine, settled since, or a newer run's wait; else null. */
function supersedes(stored: CheckpointDocument, mine: CheckpointDocument): string | null {
  if (stored.run.runId === mine.run.runId) {
    return stored.status === 'waiting' ? null : `this run's wait was settled since (${stored.status})`;
  }
  if (Date.parse(stored.waitingSince) > Date.parse(mine.waitingSince)) {
    return `a newer run (${stored.run.runId}) waits on the issue`;
  }
  return null;
}

function refused(error: string, written: string[]): GatePublished {
  return { status: 'refused', written, error };
}

/**
 * After a run on `issue` that did not wait: the issue's checkpoint, when one still waits, is
 * settled as continued by this run (it resumed from it, or a new run replaced it), and the label
 * comes off. Best effort: the pull request stands either way, and a failure is logged.
 */
export async function settleWaitingCheckpoint(
  options: Pick<
    GatePublishOptions,
    'octokit' | 'repo' | 'config' | 'configPath' | 'secretValues' | 'serverUrl' | 'repoDir' | 'log'
  >,
  input: { issue: number; runId: string; by: string; resumedFrom: string | null },
): Promise<string | null> {
  const { octokit, repo, config } = options;
  const log = options.log ?? silentLog;
  try {
    const stored = await readCheckpoint(octokit, repo, input.issue);
    if (stored === null || stored.checkpoint.status !== 'waiting') return null;
    const policy = publishPolicy(config, { ...options, allowedHost: new URL(options.serverUrl).host });
    // Continued from it, or a new run (a label added again) that took its place.
    const status = input.resumedFrom === stored.commit ? ('resumed' as const) : ('replaced' as const);
    const settled = { status, by: input.by, at: new Date().toISOString(), runId: input.runId };
    const done = await settleCheckpoint(octokit, repo, input.issue, stored, settled, policy);
    if ('refused' in done) {
      log.warn(`the checkpoint of #${input.issue} was not settled: ${done.refused}`);
      return null;
    }
    await removeIssueLabel(octokit, { ...repo, issue_number: input.issue, label: config.gates['needs-info-label'] });
    return `checkpoint of #${input.issue} settled as ${status} by run ${input.runId}`;
  } catch (error) {
    log.warn(`the checkpoint of #${input.issue} was not settled: ${errorMessage(error)}`);
    return null;
  }
}
