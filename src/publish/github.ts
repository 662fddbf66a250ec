/**
 * The GitHub publisher: the only part of ensemble that writes to the repository. Deterministic
 * code, no model. `publishToGitHub` runs these steps, each in its own file, in order:
 *
 * 1. `readRun`: read and validate every artifact (`artifacts.ts`). A stage whose artifact is
 *    missing is reported as failed; an artifact that is present but not valid fails the run closed.
 *    A plan of another workflow run or issue than the one that started the publish stops it with
 *    nothing written at all, not even the tracking comment.
 *    Then the publish takes the issue's lock (`lock.ts`): from here to the end, including the
 *    tracking comment, no other publish for the issue writes. One that cannot get it in time
 *    stops (`stopped`) and writes nothing but its step summary.
 * 2. `checkTarget`: the repository's default branch, which ensemble's branch must not be.
 * 3. `buildChange`: make the run's commits locally (`commits.ts`: one per task, integration and
 *    tests, docs), which also checks that `change.patch` applies to the plan's base and
 *    `docs.patch` on top; and the pull request's diff.
 * 4. `composeTexts`: render every text (PR title and body, review body, inline comments, commit
 *    messages).
 * 5. `checkPolicy`: run the safe-output policy (`policy.ts`) on all of them and on every patch.
 * 6. The issue is read again: closed or locked since the run started, nothing is written
 *    (`stopped`). A closed issue still gets its tracking comment updated to say why; a locked one
 *    gets nothing (ensemble does not write to a locked conversation). Then `writeToGitHub`:
 *    only then write: the commits through the Git Data API (`git-data.ts`), the
 *    branch `ensemble/issue-<n>` (or `ensemble/run-<id>`), the pull request (`pull-request.ts`),
 *    its labels, the review (`review.ts`).
 * 7. `report`: for an issue, the tracking comment, updated to the outcome (`report.ts`), unless a
 *    stop withheld it; then the lock is released.
 *
 * Anything that stops the publish before step 6 leaves nothing written but the tracking comment.
 * A GitHub error during step 6 is explained (`explainGitHubError`) and reported in the tracking
 * comment together with what was written before it.
 */
import type { RunDirectory } from '../artifacts/run-directory.ts';
import type { ArtifactStore } from '../artifacts/store.ts';
import type { EnsembleConfig } from '../contracts/config.ts';
import { type IssueState, readIssueState } from '../github/issues.ts';
import type { GitHubClient } from '../github/octokit.ts';
import { finalState } from '../review/index.ts';
import type { SecretValue } from '../secrets/scan.ts';
import { errorMessage } from '../util/errors.ts';
import type { StageReport } from './artifacts.ts';
import { branchFor } from './branch.ts';
import { buildChange } from './build-change.ts';
import { checkPolicy, publishPolicy } from './check-policy.ts';
import { ciNote, type Publisher } from './ci-note.ts';
import { composeTexts } from './compose-texts.ts';
import type { RemoteRepo } from './git-data.ts';
import { acquirePublishLock, DEFAULT_LOCK_TIMING, type LockTiming } from './lock.ts';
import type { SafeOutputsOptions } from './policy.ts';
import { type ExpectedRun, readRun } from './read-run.ts';
import { type Finished, NOTHING_WRITTEN, type PublishResult, type ReportContext, report } from './report.ts';
import { writeRunState } from './run-state.ts';
import {
  beforeWriting,
  NOTHING_WRITTEN_NOTE,
  type PublishLog,
  type PublishStop,
  silentLog,
  stop,
  stopSilently,
} from './step.ts';
import { checkTarget } from './target.ts';
import { writeToGitHub } from './write-to-github.ts';

export type { LockTiming } from './lock.ts';
export type { ExpectedRun } from './read-run.ts';
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
  /** The workflow run and issue that started this publish: the artifacts must be theirs. */
  expected: ExpectedRun;
  /** Who publishes: the tracking comment says whether the repository's CI starts on the pull request. */
  publisher?: Publisher;
  /** How long to wait for another publish of the issue, and when its lock is stale. */
  lockTiming?: Partial<LockTiming>;
  log?: PublishLog;
}

/** What `report` needs besides the status, as far as the publish got. */
type Progress = Omit<Finished, 'status' | 'error'>;

function nothingYet(stages: StageReport[]): Progress {
  return { stages, notes: [], bodies: { prBody: null, reviewBody: null }, written: NOTHING_WRITTEN };
}

/** `progress` ended by `stop`, with the stop's notes after those so far. */
function stopped(progress: Progress, stop: PublishStop): Finished {
  const notes = [...progress.notes, ...stop.notes];
  return { ...progress, status: stop.status, error: stop.error, notes, withhold: stop.withhold };
}

/** Why nothing is published to an issue that was closed or locked while the run was under way. */
function issueGone(state: IssueState): PublishStop | null {
  const issue = `issue #${state.number}`;
  if (state.locked) {
    const reason = state.lockReason ? ` (${state.lockReason})` : '';
    const why = `${issue} was locked${reason} while this run was under way`;
    return stopSilently(
      'stopped',
      `nothing was written: ${why}, and ensemble writes nothing to a locked conversation. ` +
        'Unlock it and re-run the publish job to publish this run.',
      `${issue} is locked`,
    );
  }
  if (state.state === 'closed') {
    return stop(
      'stopped',
      `nothing was written: ${issue} was closed while this run was under way, and ensemble publishes only ` +
        'for an open issue. Reopen it and re-run the publish job to publish this run.',
    );
  }
  return null;
}

/**
 * Publishes the run (module comment). Never throws once the plan is read: every outcome, a
 * GitHub error included, is reported in the tracking comment and returned.
 */
export async function publishToGitHub(options: PublishToGitHubOptions): Promise<PublishResult> {
  const { octokit, repo, config, runUrl } = options;
  const allowedHost = new URL(options.serverUrl).host;
  // The local publisher's policy too: from the configuration and the step's secrets.
  const policy = publishPolicy(config, { ...options, allowedHost });
  const log = options.log ?? silentLog;

  const read = await readRun({
    artifacts: options.artifacts,
    runDir: options.runDir,
    config,
    repo,
    expected: options.expected,
  });
  const { artifacts } = read;
  const { plan } = artifacts;
  const branch = branchFor(plan.request, plan.run.runId);
  const ci = options.publisher ? ciNote(options.publisher) : null;
  const context: ReportContext = { octokit, repo, plan, branch, policy, runUrl, allowedHost, log, ci };
  const start = nothingYet(artifacts.stages);
  if (!read.ok && read.stop.withhold) return report(stopped(start, read.stop), context);

  const timing = { ...DEFAULT_LOCK_TIMING, ...options.lockTiming };
  const lockOptions = { octokit, repo, branch, holder: runUrl, baseSha: plan.run.baseSha, timing, log };
  let acquired: Awaited<ReturnType<typeof acquirePublishLock>>;
  try {
    acquired = await acquirePublishLock(lockOptions);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Not contention but an error (a token without contents: write, say): the comment says what to fix.
    return report(stopped(start, stop('failed', `${message}\n${NOTHING_WRITTEN_NOTE}`)), context);
  }
  if (!acquired.ok) {
    const busy = stopSilently(
      'stopped',
      `nothing was written: another publish (${acquired.holder}) has been writing to ${branch} and its issue ` +
        `since ${acquired.since} (it holds ${acquired.ref}). Re-run this publish job once it has finished.`,
      'another publish is writing to this issue',
    );
    return report(stopped(start, busy), context);
  }
  const { lock } = acquired;
  try {
    const begun = { ...start, notes: lock.notes };
    return await publishLocked(options, { read, context, start: begun, policy, allowedHost, log });
  } finally {
    const warning = await lock.release();
    if (warning) log.warn(warning);
  }
}

/**
 * Keeps the published change's state for follow-up runs on its pull request (`run-state.ts`);
 * returns a note when it could not, which leaves the pull request as it is but tells the user that
 * `/ensemble fix` and a "Request changes" review will have nothing to start from.
 */
async function storeRunState(
  options: PublishToGitHubOptions,
  artifacts: Awaited<ReturnType<typeof readRun>>['artifacts'],
  branch: string,
  policy: SafeOutputsOptions,
): Promise<string | null> {
  const first = { test: artifacts.test, change: artifacts.changePatch ?? '', reviews: artifacts.reviews };
  const { test, reviews } = finalState(first, artifacts.fix);
  const state = { plan: artifacts.plan, test, reviews: [...reviews] };
  const unusable = 'follow-up runs on this pull request (/ensemble fix, a "Request changes" review) cannot start';
  try {
    const stored = await writeRunState(options.octokit, options.repo, branch, state, policy);
    if ('refused' in stored) return `the run's state was not stored, so ${unusable}: ${stored.refused}`;
    return null;
  } catch (error) {
    return `the run's state was not stored (${errorMessage(error)}), so ${unusable}`;
  }
}

/** The rest of the publish, holding the issue's lock. */
async function publishLocked(
  options: PublishToGitHubOptions,
  held: {
    read: Awaited<ReturnType<typeof readRun>>;
    context: ReportContext;
    start: Progress;
    policy: SafeOutputsOptions;
    allowedHost: string;
    log: PublishLog;
  },
): Promise<PublishResult> {
  const { octokit, repo, config, repoDir, runUrl } = options;
  const { read, context, start, policy, allowedHost, log } = held;
  const { artifacts } = read;
  const { plan } = artifacts;
  const { branch } = context;

  // Read once, just before the first write (the pull request's, or the tracking comment's).
  let issueState: Promise<IssueState | null> | null = null;
  const stateOfIssue = () => {
    const issue = plan.run.issue;
    issueState ??= issue === null ? Promise.resolve(null) : readIssueState(octokit, { ...repo, issue_number: issue });
    return issueState;
  };
  /** Reports a stop before any write; on a locked issue without the tracking comment. */
  const finish = async (finished: Finished): Promise<PublishResult> => {
    if (finished.withhold) return report(finished, context);
    let state: IssueState | null;
    try {
      state = await stateOfIssue();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return report({ ...finished, withhold: `the issue's state could not be read (${message})` }, context);
    }
    const gone = state === null ? null : issueGone(state);
    return report({ ...finished, withhold: gone?.withhold }, context);
  };

  if (!read.ok) return finish(stopped(start, read.stop));
  const { changePatch } = read;

  const target = await beforeWriting(() => checkTarget({ octokit, repo, branch }));
  if (!target.ok) return finish(stopped(start, target.stop));

  const change = await beforeWriting(() => buildChange({ repoDir, artifacts, changePatch }));
  if (!change.ok) return finish(stopped(start, change.stop));
  const { sequence } = change;
  const built: Progress = { ...start, notes: [...start.notes, ...sequence.notes] };

  const blockOn = config.review['block-on'];
  const composed = await beforeWriting(() => ({
    ok: true,
    texts: composeTexts({ artifacts, change, blockOn, runUrl, allowedHost }),
  }));
  if (!composed.ok) return finish(stopped(built, composed.stop));
  const { texts } = composed;
  const bodies = { prBody: texts.prBody.text, reviewBody: texts.review?.body.text ?? null };
  const rendered: Progress = { ...built, bodies };

  const checked = await beforeWriting(() => checkPolicy({ texts, artifacts, changePatch, sequence, repoDir, policy }));
  if (!checked.ok) return finish(stopped(rendered, checked.stop));

  const open = await beforeWriting(async () => {
    const state = await stateOfIssue();
    const gone = state === null ? null : issueGone(state);
    return gone === null ? { ok: true } : { ok: false, stop: gone };
  });
  if (!open.ok) {
    // Closed: the comment says why nothing was published. Locked, or unknown: nothing is written.
    const known = open.stop.status === 'stopped' || open.stop.withhold !== undefined;
    const why = known ? open.stop : { ...open.stop, withhold: "the issue's state could not be read" };
    return report(stopped(rendered, why), context);
  }

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
  const stored = error === null ? await storeRunState(options, artifacts, branch, policy) : null;
  const notes = [...built.notes, ...written.notes, ...(stored ? [stored] : [])];
  const sanitisedBodies = { ...bodies, prBody: checked.texts.prBody };
  return report({ ...rendered, status, error, notes, bodies: sanitisedBodies, written }, context);
}
