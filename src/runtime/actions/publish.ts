import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ARTIFACTS } from '../../artifacts/names.ts';
import { ArtifactFileMissingError, ArtifactMissingError } from '../../artifacts/store.ts';
import { DEFAULT_CONFIG_PATH, loadConfig } from '../../config/load.ts';
import type { CheckpointDocument } from '../../contracts/checkpoint.ts';
import type { FollowUpDocument } from '../../contracts/follow-up.ts';
import {
  type AppCredentials,
  type AppPrivateKey,
  type InstallationToken,
  mintInstallationToken,
} from '../../github/app-token.ts';
import { readCommitActivity } from '../../github/checks.ts';
import { createOctokit, type GitHubClient } from '../../github/octokit.ts';
import type { RepoRef } from '../../github/threads.ts';
import { scrubCredentials } from '../../model/keys.ts';
import { recordActivity } from '../../publish/activity.ts';
import {
  type ChecksStarted,
  checksStartedActivity,
  checksStartedNote,
  type WaitForChecksDeps,
  waitForChecks,
} from '../../publish/checks-started.ts';
import { type Publisher, tokenPublisher } from '../../publish/ci-note.ts';
import {
  type FollowUpResult,
  type PublishFollowUpOptions,
  publishFollowUp,
  readFollowUp,
} from '../../publish/follow-up.ts';
import { type GatePublishOptions, publishGate, settleWaitingCheckpoint } from '../../publish/gate.ts';
import { publishToGitHub } from '../../publish/github.ts';
import type { SecretValue } from '../../secrets/scan.ts';
import { errorMessage, UserError } from '../../util/errors.ts';
import { checkoutCredentials } from '../../workspace/index.ts';
import { type ActionsJob, actionsGitHubLog, runUrlOf } from './environment.ts';
import type { ActionSettings } from './inputs.ts';
import { type ActionDeps, withCommandsStopped } from './stages.ts';
import { PUBLISH_JOB_TIMEOUT_MINUTES } from './timeouts.ts';

/**
 * The configuration file `path` of the checkout in `workspace`. The default path may be absent
 * (every key has a default); a path the workflow names must exist.
 */
export async function loadCheckoutConfig(workspace: string, path: string) {
  const file = join(workspace, path);
  if (!existsSync(file) && path !== DEFAULT_CONFIG_PATH) {
    throw new UserError(`configuration file ${path} not found in the checkout (the config input)`);
  }
  return loadConfig(file, path);
}

/**
 * The issue this publish is for, as the plan decided it (`resolveTrigger`): the `issue` input,
 * else the issue of an `issues` event, else none (a run from a prompt). Never from the artifacts:
 * they are checked against it.
 */
export function triggeringIssue(input: number | null, job: Pick<ActionsJob, 'eventName' | 'eventPayload'>) {
  if (input !== null) return input;
  if (job.eventName !== 'issues') return null;
  const number = (job.eventPayload['issue'] as { number?: unknown } | undefined)?.number;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : null;
}

/** The token publish writes with, in the order it is looked for. */
export type PublishCredentials =
  | { kind: 'app'; app: AppCredentials }
  | { kind: 'token'; token: string; source: 'github-token' | 'GITHUB_TOKEN' | 'GH_TOKEN' };

/**
 * The App's credentials when both app inputs are set (they take precedence: a token of the App is
 * what makes the pull request start the repository's workflows), else the github-token input (in
 * the reusable workflow, publish-token or else github.token), else a token in the step's
 * environment. `credentials` are the variables captured from the environment.
 */
export function choosePublishCredentials(
  settings: { githubToken: string | null; appId: number | null; appPrivateKey: AppPrivateKey | null },
  credentials: Record<string, string | undefined>,
): PublishCredentials {
  if (settings.appId !== null && settings.appPrivateKey !== null) {
    return { kind: 'app', app: { appId: settings.appId, privateKey: settings.appPrivateKey } };
  }
  if (settings.githubToken) return { kind: 'token', token: settings.githubToken, source: 'github-token' };
  for (const source of ['GITHUB_TOKEN', 'GH_TOKEN'] as const) {
    const token = credentials[source];
    if (token) return { kind: 'token', token, source };
  }
  throw new UserError(
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not a JS template
    'the github-token input is empty: pass ${{ github.token }} (the default) with contents, pull-requests and ' +
      'issues write, a personal access token, or a GitHub App in app-id and app-private-key',
  );
}

/** What kind of token a token is, by GitHub's prefixes; never any other part of it. */
function tokenKind(token: string): string {
  if (token.startsWith('ghp_')) return 'a personal access token';
  if (token.startsWith('github_pat_')) return 'a fine-grained personal access token';
  if (token.startsWith('ghs_')) return "an installation token: the workflow's GITHUB_TOKEN, or a GitHub App's";
  if (token.startsWith('gho_') || token.startsWith('ghu_')) return "a user's OAuth token";
  return 'a token of a kind ensemble does not recognise';
}

/** The log line saying which credential publish uses (never its value), and what follows from it. */
export function describePublishCredentials(credentials: PublishCredentials): string {
  if (credentials.kind === 'app') {
    return (
      `publishing as GitHub App ${credentials.app.appId} (app-id and app-private-key are set, and take ` +
      'precedence over github-token), with an installation token made for this step'
    );
  }
  const where =
    credentials.source === 'github-token' ? 'the github-token input' : `${credentials.source} from the environment`;
  const line = `publishing with ${where}, ${tokenKind(credentials.token)}`;
  if (!credentials.token.startsWith('ghs_')) return line;
  return (
    `${line}. If it is GITHUB_TOKEN, the pull request starts none of the repository's workflows (CI); to have ` +
    "them run, set app-id and app-private-key (the reusable workflow's secrets publish-app-id and " +
    'publish-app-private-key)'
  );
}

/**
 * `actions/publish`: reads every artifact of the run, checks the change and every text against
 * the safe-output policy, then commits through the Git Data API, opens or updates the pull
 * request, posts the review and updates the tracking comment (`src/publish/github.ts`). Uploads
 * `ensemble-publish` (publish.json, the PR body and review as rendered), sets the outputs
 * `pr-number`, `pr-url` and `branch`, and writes the step summary. The step fails whenever the
 * pull request is not open and up to date: a refusal, an invalid artifact, nothing to publish,
 * or a write GitHub refused (the message says what to change).
 *
 * With app-id and app-private-key, every call is made with an installation token of the App,
 * made here and revoked at the end whatever happened (`src/github/app-token.ts`).
 */
export async function runPublishAction(
  settings: ActionSettings<'publish'>,
  deps: ActionDeps,
  /** The clock and GitHub reads of the wait for checks (`waitForChecks`); real ones when absent. */
  checksDeps: Partial<WaitForChecksDeps> = {},
): Promise<void> {
  const { core, job } = deps;
  // Every credential the step was given is captured (the policy looks for their values in every
  // text and patch) and leaves the environment before git runs; the artifact store captured its
  // own when the job was read, and an all-in-one job's model session the ones it removed.
  const captured: Record<string, string> = { ...deps.session?.removedCredentials, ...scrubCredentials(deps.env) };
  const credentials = choosePublishCredentials(settings, captured);

  // The configuration of the checkout at the plan's base, which is the default branch's.
  const loaded = await loadCheckoutConfig(job.workspace, settings.config);
  const config = loaded.config;

  const { owner, repo } = job.repository;
  const runUrl = runUrlOf(job);
  const warnings: string[] = [];
  const client = (token: string) =>
    createOctokit({
      token,
      baseUrl: job.apiUrl,
      log: actionsGitHubLog(core),
    });

  core.info(describePublishCredentials(credentials));
  // Made before workflow commands stop, so that the token is masked (`setSecret` is a command).
  let installation: InstallationToken | null = null;
  if (credentials.kind === 'app') {
    installation = await mintInstallationToken({
      credentials: credentials.app,
      repo: { owner, repo },
      client,
      now: () => new Date(),
      onToken: (token) => core.setSecret(token),
    });
    const granted = Object.entries(installation.permissions).map(([name, level]) => `${name}: ${level}`);
    core.info(
      `made an installation token of GitHub App ${credentials.app.appId} (installation ${installation.installationId}) ` +
        `for ${owner}/${repo} only, with ${granted.join(', ')}; it expires at ${installation.expiresAt} and is ` +
        'revoked when publish ends',
    );
  }
  const token = installation?.token ?? (credentials.kind === 'token' ? credentials.token : '');
  const given: SecretValue[] = [
    ...(installation ? [{ name: 'the GitHub App installation token', value: installation.token }] : []),
    ...(settings.appPrivateKey ? [{ name: 'app-private-key', value: settings.appPrivateKey.pem }] : []),
    ...(settings.githubToken ? [{ name: 'github-token', value: settings.githubToken }] : []),
    ...(credentials.kind === 'token' && credentials.source !== 'github-token'
      ? [{ name: credentials.source, value: credentials.token }]
      : []),
  ];
  const known = new Set(given.map((secret) => (typeof secret === 'string' ? secret : secret.value)));
  const secretValues: SecretValue[] = [
    ...given,
    ...Object.entries(captured)
      .filter(([, value]) => !known.has(value))
      .map(([name, value]) => ({ name, value })),
    // A self-hosted runner's checkout may hold credentials of its own (remote URLs, extra headers).
    ...(await checkoutCredentials(job.workspace)).filter((c) => !known.has(c.value)),
  ];

  // What both publishers are given: the repository, the run's artifacts and the policy's inputs.
  const common = {
    octokit: client(token),
    repo: { owner, repo },
    repoDir: job.workspace,
    artifacts: deps.artifacts,
    runDir: deps.runDir,
    config,
    configPath: settings.config,
    secretValues,
    serverUrl: job.serverUrl,
    runUrl,
    lockTiming: { staleAfterMs: PUBLISH_JOB_TIMEOUT_MINUTES * 60_000 },
    log: {
      info: (m: string) => core.info(m),
      warn: (m: string) => {
        core.info(`warning: ${m}`);
        warnings.push(m);
      },
    },
  };
  // A follow-up run (its respond job wrote ensemble-follow-up) publishes onto its pull request; a
  // run whose plan step waits (or whose wait was stopped) stores its checkpoint.
  const followUp = await followUpOf(deps);
  const checkpoint = followUp === null ? await checkpointOf(deps) : null;
  let result: Awaited<ReturnType<typeof publishToGitHub>> | null = null;
  let checks: ChecksStarted | null = null;
  const publisher: Publisher = credentials.kind === 'app' ? { kind: 'app' } : tokenPublisher(credentials.token);
  const checksReader: ChecksReader = {
    // The job's own token reads the checks (`checks: read`, `actions: read`): an App's token is
    // made with only what publishing writes.
    octokit: settings.githubToken ? client(settings.githubToken) : common.octokit,
    repo: common.repo,
    publisher,
    minutes: config.ci['wait-for-checks-minutes'],
    deps: checksDeps,
    log: (line) => core.info(line),
  };
  try {
    if (followUp !== null) {
      await withCommandsStopped(core, () =>
        publishFollowUpRun(deps, followUp, { ...common, runId: job.runId }, checksReader),
      );
    } else if (checkpoint !== null) {
      await withCommandsStopped(core, () => publishGateRun(deps, checkpoint, { ...common, runId: job.runId }));
    } else {
      result = await withCommandsStopped(core, async () => {
        const published = await publishToGitHub({
          ...common,
          publisher,
          draft: settings.draft,
          expected: { runId: job.runId, issue: triggeringIssue(settings.issue, job) },
        });
        const issue = published.document.run.issue;
        if (issue !== null) {
          const by = deps.env['GITHUB_ACTOR'] || 'ensemble';
          const resumedFrom = resumedCheckpointOf(deps);
          const settled = await settleWaitingCheckpoint(common, { issue, runId: job.runId, by, resumedFrom });
          if (settled) core.info(settled);
        }
        if (loaded.hash !== published.document.run.configHash) {
          warnings.push(
            'the configuration changed since this run was planned ' +
              `(hash ${published.document.run.configHash.slice(0, 12)} then, ${loaded.hash.slice(0, 12)} now); ` +
              'publish used the current one',
          );
        }
        return published;
      });
      // While the token is still valid (an App's is revoked below), and with commands off: run names are
      // the repository's text.
      const published = result;
      checks = await withCommandsStopped(core, () => checksOfPublished(published, checksReader));
      await recordChecksStarted(
        core,
        common,
        {
          issue: published.document.run.issue,
          headSha: published.document.commits.at(-1)?.sha,
          prUrl: published.outcome.pr?.url ?? null,
        },
        checks,
      );
    }
  } finally {
    // Also when publishing failed: the token is of no use after this step, and must not outlive it.
    if (installation) {
      try {
        await installation.revoke();
        core.info('revoked the installation token');
      } catch (error) {
        core.warning(
          `${errorMessage(error).replace(/[\r\n]+/g, ' ')}; the token stays valid until ${installation.expiresAt}`,
        );
      }
    }
  }
  if (result === null) {
    for (const warning of warnings) core.warning(warning.replace(/[\r\n]+/g, ' '));
    return;
  }

  deps.runDir.writeDocument(ARTIFACTS.publish, 'publish.json', result.document);
  if (result.prBody !== null) deps.runDir.writeText(ARTIFACTS.publish, 'pr.md', result.prBody);
  if (result.reviewBody !== null) deps.runDir.writeText(ARTIFACTS.publish, 'review.md', result.reviewBody);

  const { outcome } = result;
  if (outcome.branch) core.setOutput('branch', outcome.branch);
  if (outcome.pr) {
    core.setOutput('pr-number', String(outcome.pr.number));
    core.setOutput('pr-url', outcome.pr.url);
  }
  core.summary.addRaw(result.summary, true);
  if (checks !== null) {
    core.setOutput('checks', checks.kind);
    const headSha = result.document.commits.at(-1)?.sha ?? '';
    const note = checksStartedNote(checks, { headSha });
    // A wait switched off (ci.wait-for-checks-minutes: 0) is the user's choice, not news for the summary.
    if (note !== null && config.ci['wait-for-checks-minutes'] > 0) core.summary.addRaw(`\n${note}\n`, true);
  }
  await core.summary.write();

  let uploadError: string | null = null;
  try {
    await deps.artifacts.uploadArtifact(ARTIFACTS.publish, deps.runDir.artifactDir(ARTIFACTS.publish));
  } catch (error) {
    uploadError = `the ${ARTIFACTS.publish} artifact could not be uploaded: ${errorMessage(error)}`;
  }

  for (const warning of [...warnings, ...result.warnings]) core.warning(warning.replace(/[\r\n]+/g, ' '));
  if (result.status !== 'published') {
    core.setFailed(`ensemble publish: ${result.error ?? result.status}${uploadError ? `\n${uploadError}` : ''}`);
  } else if (uploadError) {
    core.setFailed(`ensemble publish: the pull request is published, but ${uploadError}`);
  }
}

/**
 * Whether the repository's checks started on the head publish pushed (`waitForChecks`), once the
 * pull request is open: null when there is none. The result is logged; a read GitHub refused is a
 * `not-checked` result with its reason, never a failure of the publish.
 */
/** How the checks of a pushed head are read: the reader's client, the publisher, the wait. */
interface ChecksReader {
  octokit: GitHubClient;
  repo: RepoRef;
  publisher: Publisher;
  minutes: number;
  deps: Partial<WaitForChecksDeps>;
  log: (line: string) => void;
}

async function checksOfPublished(
  published: Awaited<ReturnType<typeof publishToGitHub>>,
  options: ChecksReader,
): Promise<ChecksStarted | null> {
  if (published.status !== 'published' || published.outcome.pr === null) return null;
  return checksOnHead(published.document.commits.at(-1)?.sha, published.document.run.baseSha, options);
}

/** `waitForChecks` on a pushed head, never throwing: what it found, logged. */
async function checksOnHead(
  headSha: string | undefined,
  baseSha: string,
  options: ChecksReader,
): Promise<ChecksStarted> {
  const { octokit, repo, minutes, log } = options;
  let checks: ChecksStarted;
  if (headSha === undefined) {
    checks = { kind: 'not-checked', why: 'publish pushed no commit whose checks could be read' };
  } else if (minutes <= 0) {
    checks = { kind: 'not-checked', why: 'ci.wait-for-checks-minutes is 0, so publish does not wait for checks' };
  } else {
    log(`waiting up to ${minutes} minutes for checks to start on ${headSha.slice(0, 12)} (ci.wait-for-checks-minutes)`);
    const deps: WaitForChecksDeps = {
      readActivity: (sha) => readCommitActivity(octokit, repo, sha),
      sleep: (ms) => sleep(ms),
      now: () => Date.now(),
      ...options.deps,
    };
    try {
      checks = await waitForChecks(deps, { headSha, baseSha, publisher: options.publisher, minutes });
    } catch (error) {
      // The pull request is published: whatever went wrong here is reported, not a failed step.
      checks = { kind: 'not-checked', why: `the wait for checks failed: ${errorMessage(error)}` };
    }
  }
  log(`checks on the pull request's head: ${checksStartedActivity(checks, { headSha: headSha ?? '' })}`);
  return checks;
}

/**
 * What the wait for checks found, as a row of the issue's tracking comment: checks that started,
 * or none (and why, with the setting that fixes it). Nothing for a repository without CI.
 */
async function recordChecksStarted(
  core: ActionDeps['core'],
  common: { octokit: GitHubClient; repo: RepoRef; secretValues: readonly SecretValue[]; serverUrl: string },
  pushed: { issue: number | null; headSha: string | undefined; prUrl: string | null },
  checks: ChecksStarted | null,
): Promise<void> {
  const { issue, headSha } = pushed;
  if (checks === null || issue === null || headSha === undefined) return;
  if (checks.kind === 'none' && checks.cause === 'no-ci') return;
  if (checks.kind === 'not-checked' && /wait-for-checks-minutes is 0/.test(checks.why)) return;
  const started = checks.kind === 'started';
  try {
    await recordActivity(
      common.octokit,
      common.repo,
      issue,
      {
        key: `checks:${headSha}`,
        kind: started ? 'ci-waiting' : 'ci-not-started',
        state: started ? 'done' : 'note',
        title: checksStartedActivity(checks, { headSha }),
        detail: checksStartedNote(checks, { headSha }),
        link: pushed.prUrl,
        at: new Date().toISOString(),
        costUsd: null,
      },
      { secretValues: common.secretValues, serverUrl: common.serverUrl },
    );
  } catch (error) {
    core.warning(`could not write whether checks started to the tracking comment: ${errorMessage(error)}`);
  }
}

/** The follow-up document when this publish is a follow-up run's (`ensemble-follow-up`), else null. */
async function followUpOf(deps: ActionDeps): Promise<FollowUpDocument | null> {
  try {
    return await readFollowUp(deps.artifacts, deps.runDir);
  } catch (error) {
    if (error instanceof ArtifactMissingError) return null;
    throw error;
  }
}

/** The stored checkpoint this run's plan continued from (`plan.gate.resumedFrom`), when it continued one. */
function resumedCheckpointOf(deps: ActionDeps): string | null {
  try {
    return deps.runDir.readDocument('plan', ARTIFACTS.plan, 'plan.json').gate?.resumedFrom?.commit ?? null;
  } catch {
    return null;
  }
}

/**
 * The plan job's checkpoint when this run waits or its wait was stopped
 * (`ensemble-plan/checkpoint.json`), else null.
 */
async function checkpointOf(deps: ActionDeps): Promise<CheckpointDocument | null> {
  try {
    return await deps.artifacts.downloadDocument(
      'checkpoint',
      ARTIFACTS.plan,
      'checkpoint.json',
      deps.runDir.artifactDir(ARTIFACTS.plan),
    );
  } catch (error) {
    // No plan artifact is the normal publish's to report; a plan artifact without a checkpoint is a plan.
    if (error instanceof ArtifactMissingError || error instanceof ArtifactFileMissingError) return null;
    throw error;
  }
}

/** Stores a waiting or stopped checkpoint, with the step's summary; the step fails when it could not. */
async function publishGateRun(deps: ActionDeps, checkpoint: CheckpointDocument, options: GatePublishOptions) {
  const { core } = deps;
  const result = await publishGate(options, checkpoint);
  const lines = result.written.map((line) => `- ${line}`).join('\n');
  const what = checkpoint.waitingFor === 'answers' ? 'answers to its questions' : 'approval of its plan';
  const titles = { waiting: `waits for ${what}`, stopped: 'stopped', refused: 'refused' } as const;
  const title = titles[result.status];
  const summary = [`## ensemble ${title}`, result.error ? `> ${result.error}` : '', lines];
  core.summary.addRaw(summary.filter(Boolean).join('\n\n'), true);
  await core.summary.write();
  if (result.status === 'refused') core.setFailed(`ensemble publish: ${result.error}`);
}

/** Publishes a follow-up run onto its pull request, with the step's outputs and summary. */
async function publishFollowUpRun(
  deps: ActionDeps,
  followUp: FollowUpDocument,
  options: PublishFollowUpOptions,
  checksReader: ChecksReader,
): Promise<void> {
  const { core } = deps;
  const result = await publishFollowUp(options, followUp);
  // What it pushed gets CI only when the token it pushed with starts workflows: read whether it did.
  const headSha = result.status === 'published' ? result.document?.commits.at(-1)?.sha : undefined;
  const checks = headSha === undefined ? null : await checksOnHead(headSha, followUp.run.baseSha, checksReader);
  if (checks !== null) {
    core.setOutput('checks', checks.kind);
    const pushed = { issue: followUp.run.issue, headSha, prUrl: followUp.pull.url };
    await recordChecksStarted(core, options, pushed, checks);
  }
  if (result.document) deps.runDir.writeDocument(ARTIFACTS.publish, 'publish.json', result.document);
  core.setOutput('branch', followUp.pull.branch);
  core.setOutput('pr-number', String(followUp.pull.number));
  core.setOutput('pr-url', followUp.pull.url);
  const lines = result.written.map((line) => `- ${line}`).join('\n');
  const summary = [
    `## ensemble follow-up on #${followUp.pull.number}: ${result.status}`,
    result.error ? `> ${result.error.replace(/\n/g, '\n> ')}` : '',
    lines,
    result.comment ?? '',
  ];
  core.summary.addRaw(summary.filter(Boolean).join('\n\n'), true);
  await core.summary.write();
  if (result.document) {
    await deps.artifacts.uploadArtifact(ARTIFACTS.publish, deps.runDir.artifactDir(ARTIFACTS.publish));
  }
  await recordFollowUpRow(deps, options, followUp, result, checks);
  if (result.status !== 'published' && result.status !== 'nothing-to-push') {
    core.setFailed(`ensemble publish: ${result.error ?? result.status}`);
  }
}

/**
 * The row of a CI repair or a base merge in the issue's tracking comment (the respond job wrote it
 * as running): what came of it, and what its rounds cost.
 */
async function recordFollowUpRow(
  deps: ActionDeps,
  options: PublishFollowUpOptions,
  followUp: FollowUpDocument,
  result: FollowUpResult,
  checks: ChecksStarted | null,
): Promise<void> {
  const row = followUpRow(followUp);
  const issue = followUp.run.issue;
  if (row === null || issue === null) return;
  const pushed = result.status === 'published';
  const error = result.error === null ? '' : `: ${result.error.split('\n')[0]}`;
  try {
    await recordActivity(
      options.octokit,
      options.repo,
      issue,
      {
        ...row,
        kind: followUp.ci !== null ? 'ci-repair' : 'conflict',
        state: pushed ? 'done' : 'failed',
        detail: pushed ? pushedDetail(row.done, checks, result) : `nothing pushed (${result.status}${error})`,
        link: options.runUrl,
        at: new Date().toISOString(),
        costUsd: result.costUsd ?? null,
      },
      { secretValues: options.secretValues, serverUrl: options.serverUrl },
    );
  } catch (error) {
    deps.core.warning(`could not write the tracking comment's row of this follow-up: ${errorMessage(error)}`);
  }
}

/** What a pushed follow-up's row says: what it pushed, and whether CI started on it. */
function pushedDetail(done: string, checks: ChecksStarted | null, result: FollowUpResult): string {
  const headSha = result.document?.commits.at(-1)?.sha ?? '';
  if (checks === null || (checks.kind === 'none' && checks.cause === 'no-ci')) return done;
  return `${done}; ${checksStartedActivity(checks, { headSha })}`;
}

/** The key and title the respond job gave the row, and what a pushed result says. */
function followUpRow(followUp: FollowUpDocument): { key: string; title: string; done: string } | null {
  const { ci, merge } = followUp;
  if (ci !== null) {
    return {
      key: `ci-repair:${ci.headSha}:${ci.signature}`,
      title: `CI repair ${ci.attempt}/${ci.maxAttempts}: ${ci.checks.join(', ')} failed on ${ci.headSha.slice(0, 12)}`,
      done: 'repair pushed onto the pull request',
    };
  }
  if (merge !== null) {
    return {
      key: `conflict:${followUp.pull.headSha}:${merge.baseSha}`,
      title: `Merged ${merge.base} (${merge.baseSha.slice(0, 12)}): conflicts in ${merge.conflicts.length} file(s)`,
      done: `conflicts resolved in ${merge.conflicts.join(', ')}, re-tested, and pushed as a merge commit`,
    };
  }
  return null;
}
