/**
 * The GitHub publisher: the only part of ensemble that writes to the repository. Deterministic
 * code, no model. `publishToGitHub` runs these steps, each in its own file, in order:
 *
 * 1. `readRun`: read and validate every artifact (`artifacts.ts`). A stage whose artifact is
 *    missing is reported as failed; an artifact that is present but not valid fails the run closed.
 * 2. `checkTarget`: the repository's default branch, which ensemble's branch must not be.
 * 3. `buildChange`: make the run's commits locally (`commits.ts`: one per task, integration and
 *    tests, docs), which also checks that `change.patch` applies to the plan's base and
 *    `docs.patch` on top; and the pull request's diff.
 * 4. `composeTexts`: render every text (PR title and body, review body, inline comments, commit
 *    messages).
 * 5. `checkPolicy`: run the safe-output policy (`policy.ts`) on all of them and on every patch.
 * 6. `writeToGitHub`: only then write: the commits through the Git Data API (`git-data.ts`), the
 *    branch `ensemble/issue-<n>` (or `ensemble/run-<id>`), the pull request (`pull-request.ts`),
 *    its labels, the review (`review.ts`).
 * 7. `report`: always, for an issue, the tracking comment, updated to the outcome (`report.ts`).
 *
 * Anything that stops the publish before step 6 leaves nothing written but the tracking comment.
 * A GitHub error during step 6 is explained (`explainGitHubError`) and reported in the tracking
 * comment together with what was written before it.
 */
import type { RunDirectory } from '../artifacts/run-directory.ts';
import type { ArtifactStore } from '../artifacts/store.ts';
import type { EnsembleConfig } from '../contracts/config.ts';
import type { GitHubClient } from '../github/octokit.ts';
import type { SecretValue } from '../secrets/scan.ts';
import type { StageReport } from './artifacts.ts';
import { branchFor } from './branch.ts';
import { buildChange } from './build-change.ts';
import { checkPolicy } from './check-policy.ts';
import { composeTexts } from './compose-texts.ts';
import type { RemoteRepo } from './git-data.ts';
import { publishProtectedPaths, type SafeOutputsOptions } from './policy.ts';
import { readRun } from './read-run.ts';
import { type Finished, NOTHING_WRITTEN, type PublishResult, type ReportContext, report } from './report.ts';
import { beforeWriting, type PublishLog, type PublishStop, silentLog } from './step.ts';
import { checkTarget } from './target.ts';
import { writeToGitHub } from './write-to-github.ts';

export type { PublishResult } from './report.ts';
export type { PublishLog } from './step.ts';

export interface PublishToGitHubOptions {
  octokit: GitHubClient;
  repo: RemoteRepo;
  /** A checkout that contains the plan's base commit (the job's workspace); only objects are added to it. */
  repoDir: string;
  artifacts: ArtifactStore;
  /** Where artifacts are downloaded. */
  runDir: RunDirectory;
  /** The configuration, read from the default branch. */
  config: EnsembleConfig;
  /** The configuration file's repository path (always protected). */
  configPath: string;
  /** The `draft` input; the pull request is a draft when it and `publish.draft` both say so. */
  draft: boolean;
  /** The values of the secrets the step was given: none may appear in any text or patch. */
  secretValues: readonly SecretValue[];
  /** `https://github.com` (`GITHUB_SERVER_URL`): links elsewhere are made inert. */
  serverUrl: string;
  /** The workflow run, where the artifacts and logs are. */
  runUrl: string;
  log?: PublishLog;
}

/** The policy every text and patch goes through, from the configuration and the step's secrets. */
function policyOf(options: PublishToGitHubOptions, allowedHost: string): SafeOutputsOptions {
  const { config } = options;
  return {
    protectedPaths: publishProtectedPaths(config['protected-paths'], options.configPath),
    maxPatchBytes: config.limits['max-patch-bytes'],
    maxFiles: config.limits['max-files'],
    secretValues: options.secretValues,
    allowedHost,
    gitCwd: options.repoDir,
  };
}

/** What `report` needs besides the status, as far as the publish got. */
type Progress = Omit<Finished, 'status' | 'error'>;

function nothingYet(stages: StageReport[]): Progress {
  return { stages, notes: [], bodies: { prBody: null, reviewBody: null }, written: NOTHING_WRITTEN };
}

/** `progress` ended by `stop`, with the stop's notes after those so far. */
function stopped(progress: Progress, stop: PublishStop): Finished {
  return { ...progress, status: stop.status, error: stop.error, notes: [...progress.notes, ...stop.notes] };
}

/**
 * Publishes the run (module comment). Never throws once the plan is read: every outcome, a
 * GitHub error included, is reported in the tracking comment and returned.
 */
export async function publishToGitHub(options: PublishToGitHubOptions): Promise<PublishResult> {
  const { octokit, repo, config, repoDir, runUrl } = options;
  const allowedHost = new URL(options.serverUrl).host;
  const policy = policyOf(options, allowedHost);
  const log = options.log ?? silentLog;

  const read = await readRun({ artifacts: options.artifacts, runDir: options.runDir, config, repo });
  const { artifacts } = read;
  const { plan } = artifacts;
  const branch = branchFor(plan.request, plan.run.runId);
  const context: ReportContext = { octokit, repo, plan, branch, policy, runUrl, allowedHost, log };
  const start = nothingYet(artifacts.stages);
  if (!read.ok) return report(stopped(start, read.stop), context);
  const { changePatch } = read;

  const target = await beforeWriting(() => checkTarget({ octokit, repo, branch }));
  if (!target.ok) return report(stopped(start, target.stop), context);

  const change = await beforeWriting(() => buildChange({ repoDir, artifacts, changePatch }));
  if (!change.ok) return report(stopped(start, change.stop), context);
  const { sequence } = change;
  const built: Progress = { ...start, notes: sequence.notes };

  const blockOn = config.review['block-on'];
  const composed = await beforeWriting(() => ({
    ok: true,
    texts: composeTexts({ artifacts, change, blockOn, runUrl, allowedHost }),
  }));
  if (!composed.ok) return report(stopped(built, composed.stop), context);
  const { texts } = composed;
  const bodies = { prBody: texts.prBody.text, reviewBody: texts.review?.body.text ?? null };
  const rendered: Progress = { ...built, bodies };

  const checked = await beforeWriting(() => checkPolicy({ texts, artifacts, changePatch, sequence, repoDir, policy }));
  if (!checked.ok) return report(stopped(rendered, checked.stop), context);

  const { written, error } = await writeToGitHub({
    octokit,
    repo,
    repoDir,
    run: plan.run,
    branch,
    defaultBranch: target.defaultBranch,
    sequence,
    texts: checked.texts,
    draft: options.draft && config.publish.draft,
    labels: config.publish.labels,
    log,
  });
  const status = error === null ? 'published' : 'failed';
  const notes = [...built.notes, ...written.notes];
  const sanitisedBodies = { ...bodies, prBody: checked.texts.prBody };
  return report({ ...rendered, status, error, notes, bodies: sanitisedBodies, written }, context);
}
