import type { RunDirectory } from '../artifacts/run-directory.ts';
import type { ArtifactStore } from '../artifacts/store.ts';
import { noModelUsage } from '../contracts/common.ts';
/**
 * The GitHub publisher: the only part of ensemble that writes to the repository. Deterministic
 * code, no model. In order:
 *
 * 1. Read and validate every artifact (`artifacts.ts`). A stage whose artifact is missing is
 *    reported as failed; an artifact that is present but not valid fails the run closed.
 * 2. Make the run's commits locally (`commits.ts`: one per task, integration and tests, docs),
 *    which also checks that `change.patch` applies to the plan's base and `docs.patch` on top.
 * 3. Render every text (PR title and body, review body, inline comments, commit messages) and run
 *    the safe-output policy (`policy.ts`) on all of them and on every patch.
 * 4. Only then write: the commits through the Git Data API (`git-data.ts`), the branch
 *    `ensemble/issue-<n>` (or `ensemble/run-<id>`), the pull request (`pull-request.ts`), its
 *    labels, the review (`review.ts`).
 * 5. Always, for an issue: the tracking comment, updated to the outcome (`report.ts`).
 *
 * Anything that stops the publish before step 4 leaves nothing written but the tracking comment.
 * A GitHub error during step 4 is explained (`explainGitHubError`) and reported in the tracking
 * comment together with what was written before it.
 */
import type { EnsembleConfig } from '../contracts/config.ts';
import type { PlanDocument } from '../contracts/plan.ts';
import type { PublishDocument, PublishedCommit } from '../contracts/publish.ts';
import { githubCall } from '../github/errors.ts';
import { upsertMarkedComment } from '../github/issues.ts';
import type { GitHubClient } from '../github/octokit.ts';
import { renderPrBody, TRACKING_MARKER } from '../render/index.ts';
import { parseUnifiedDiff } from '../review/diff.ts';
import type { SecretValue } from '../secrets/scan.ts';
import { withTrailers } from '../workspace/commit.ts';
import { hardenedGit } from '../workspace/git.ts';
import { diffTrees } from '../workspace/patch.ts';
import { type PublishArtifacts, readPublishArtifacts, type StageReport } from './artifacts.ts';
import { buildCommitSequence, type CommitSequence, PatchApplyError } from './commits.ts';
import { branchHead, type LocalCommit, matchingRemoteChain, pushCommits, type RemoteRepo, setBranch } from './git-data.ts';
import { checkSafeOutputs, formatRefusals, publishProtectedPaths, type Refusal, type TextInput } from './policy.ts';
import { addLabels, upsertPullRequest } from './pull-request.ts';
import { type PublishOutcome, type PublishStatus, renderPublishSummary, renderTrackingComment } from './report.ts';
import { planReview, postReview, type ReviewPlan, type ReviewTexts } from './review.ts';

export interface PublishLog {
  info(message: string): void;
  warn(message: string): void;
}

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

export interface PublishResult {
  status: PublishStatus;
  /** What to tell the user when not published (the step fails with it). */
  error: string | null;
  /** The `ensemble-publish` document; null when the plan could not be read. */
  document: PublishDocument;
  outcome: PublishOutcome;
  /** The step summary. */
  summary: string;
  /** The PR body and review body as rendered (for the artifact), when they were. */
  prBody: string | null;
  reviewBody: string | null;
  /** Stages that failed while the pull request was still published. */
  warnings: string[];
}

/** `ensemble/issue-<n>`, or `ensemble/run-<id>` for a run started from a prompt. */
export function branchForRun(run: { issue: number | null; runId: string }): string {
  if (run.issue !== null) return `ensemble/issue-${run.issue}`;
  const id =
    run.runId
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .replace(/\.{2,}/g, '.') || 'run';
  return `ensemble/run-${id.replace(/\.lock$/, '-lock')}`;
}

const silent: PublishLog = { info: () => {}, warn: () => {} };

/** Model text checked for mention floods and credentials as written by the model, before any renderer. */
function modelTexts(inputs: PublishArtifacts): TextInput[] {
  const texts: TextInput[] = [{ label: 'plan summary', text: inputs.plan.summary, kind: 'raw' }];
  for (const task of inputs.tasks)
    texts.push({ label: `summary of task ${task.document.taskId}`, text: task.document.summary, kind: 'raw' });
  if (inputs.test) texts.push({ label: 'test summary', text: inputs.test.summary, kind: 'raw' });
  for (const review of inputs.reviews) {
    texts.push({ label: `${review.lens} review summary`, text: review.summary, kind: 'raw' });
    review.findings.forEach((f, i) => {
      texts.push({ label: `${review.lens} finding ${i + 1} title`, text: f.title, kind: 'raw' });
      texts.push({ label: `${review.lens} finding ${i + 1} body`, text: f.body, kind: 'raw' });
    });
  }
  if (inputs.docs) texts.push({ label: 'docs summary', text: inputs.docs.document.summary, kind: 'raw' });
  return texts;
}

/** The change a commit makes, for the policy (what the branch's history discloses). */
async function commitDiff(repoDir: string, parent: string, sha: string): Promise<string> {
  return (await diffTrees(hardenedGit(repoDir), parent, sha)).patch;
}

/**
 * The report (tracking comment and step summary) with every stage detail and note withheld when
 * it would otherwise carry a credential or a secret value (a task's stop reason quoting one, say),
 * and without the plan when even that is not enough: the report is written even when the policy
 * refused everything else, so it is checked too. The error message is ensemble's own (a refusal
 * names a credential by its kind and masked prefix, a secret by its name and length), so it is
 * left out of the check: a refusal of a private key block names its header line.
 */
async function safeReport(
  outcome: PublishOutcome,
  plan: PlanDocument,
  check: (text: string) => Promise<{ ok: boolean }>,
  options: { runUrl: string; allowedHost: string },
): Promise<{ outcome: PublishOutcome; comment: string; summary: string }> {
  const render = (o: PublishOutcome, p: PlanDocument | null) => ({
    outcome: o,
    comment: renderTrackingComment(o, p, options),
    summary: renderPublishSummary(o, options),
  });
  const clean = async (o: PublishOutcome, p: PlanDocument | null) => {
    const shown = render({ ...o, error: null }, p);
    return (await check(`${shown.comment}\n${shown.summary}`)).ok;
  };
  if (await clean(outcome, plan)) return render(outcome, plan);
  const withheld = 'withheld: it contains a credential or a secret value; see the run';
  const redacted: PublishOutcome = {
    ...outcome,
    stages: outcome.stages.map((s) => ({ ...s, detail: s.detail === '' ? '' : withheld })),
    notes: outcome.notes.length > 0 ? [withheld] : [],
  };
  return render(redacted, (await clean(redacted, plan)) ? plan : null);
}

export async function publishToGitHub(options: PublishToGitHubOptions): Promise<PublishResult> {
  const log = options.log ?? silent;
  const { octokit, repo, config } = options;
  const host = new URL(options.serverUrl).host;
  const report = { runUrl: options.runUrl, allowedHost: host };
  const inputs = await readPublishArtifacts(options.artifacts, options.runDir, config);
  const { plan } = inputs;
  const run = plan.run;
  const branch = branchForRun(run);
  const stages: StageReport[] = inputs.stages;
  const notes: string[] = [];
  const published: { commits: PublishedCommit[]; branch: string | null; reviewId: number | null; commentId: number | null } = {
    commits: [],
    branch: null,
    reviewId: null,
    commentId: null,
  };
  let pr: PublishOutcome['pr'] = null;
  let reviewOutcome: PublishOutcome['review'] = null;
  let prBody: string | null = null;
  let reviewBody: string | null = null;
  const policy = {
    protectedPaths: publishProtectedPaths(config['protected-paths'], options.configPath),
    maxPatchBytes: config.limits['max-patch-bytes'],
    maxFiles: config.limits['max-files'],
    secretValues: options.secretValues,
    allowedHost: host,
    gitCwd: options.repoDir,
  };

  const finish = async (status: PublishStatus, error: string | null): Promise<PublishResult> => {
    const { outcome, comment, summary } = await safeReport(
      { status, error, branch: published.branch, pr, review: reviewOutcome, stages, notes },
      plan,
      (text) => checkSafeOutputs({ patches: [], texts: { report: { label: 'report', text, kind: 'body' } } }, policy),
      report,
    );
    if (run.issue !== null) {
      try {
        const upserted = await upsertMarkedComment(octokit, {
          owner: repo.owner,
          repo: repo.repo,
          issue_number: run.issue,
          marker: TRACKING_MARKER,
          body: comment,
        });
        published.commentId = upserted.id;
      } catch (commentError) {
        log.warn(`the tracking comment on issue #${run.issue} could not be updated: ${(commentError as Error).message}`);
      }
    }
    const document: PublishDocument = {
      schema: 'ensemble.publish/v1',
      run,
      usage: noModelUsage(),
      branch,
      commits: published.commits,
      prNumber: pr?.number ?? null,
      prUrl: pr?.url ?? null,
      reviewId: published.reviewId,
      commentId: published.commentId,
    };
    const warnings = stages
      .filter((s) => s.state === 'failed')
      .map((s) => `${s.stage}: ${s.status}${s.detail ? ` (${s.detail.split('\n')[0]})` : ''}`);
    return { status, error: outcome.error, document, outcome, summary, prBody, reviewBody, warnings };
  };

  // The artifacts must be this repository's, complete where present, and hold a change.
  if (run.repository.toLowerCase() !== `${repo.owner}/${repo.repo}`.toLowerCase()) {
    inputs.invalid.push({
      artifact: 'ensemble-plan',
      message: `the plan is of ${run.repository}, but this job publishes to ${repo.owner}/${repo.repo}`,
    });
  }
  if (inputs.invalid.length > 0) {
    const lines = inputs.invalid.map((i) => `- ${i.message}`);
    return finish(
      'invalid',
      `nothing was written: ${inputs.invalid.length === 1 ? 'an artifact is' : `${inputs.invalid.length} artifacts are`} not valid, and ensemble publishes only from a complete, valid run.\n${lines.join('\n')}\nRe-run the jobs that produced them.`,
    );
  }
  if (inputs.changePatch === null) {
    return finish(
      'no-change',
      'nothing was written: the test stage uploaded no ensemble-test artifact, so there is no integrated change to publish. See the test job of this run.',
    );
  }
  if (inputs.changePatch.trim() === '') {
    const done = inputs.tasks.filter((t) => t.document.status === 'done').length;
    return finish(
      'no-change',
      `nothing was written: the run changed nothing (change.patch is empty; ${done} of ${plan.tasks.length} tasks finished). See the code jobs of this run.`,
    );
  }

  const changePatch = inputs.changePatch;
  // From here on an unexpected error is reported in the tracking comment too.
  const publishChange = async (): Promise<PublishResult> => {
    const { data: repository } = await githubCall({ action: `read ${repo.owner}/${repo.repo}`, permission: 'contents: read' }, () =>
      octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo }),
    );
    const defaultBranch = repository.default_branch;
    if (branch === defaultBranch) {
      return finish(
        'refused',
        `nothing was written: the branch ${branch} is the default branch of ${repo.owner}/${repo.repo}, and ensemble never writes to it.`,
      );
    }

    const hasBase = await hardenedGit(options.repoDir).run(['cat-file', '-e', `${run.baseSha}^{commit}`], { okCodes: [0, 1, 128] });
    if (hasBase.code !== 0) {
      throw new Error(
        `the checkout in ${options.repoDir} does not contain the plan's base commit ${run.baseSha}: check the repository out at the plan job's base-sha output (actions/checkout with ref: \${{ needs.plan.outputs.base-sha }}) before publish`,
      );
    }

    // The commits, made locally: this is also where every patch must apply.
    let sequence: CommitSequence;
    try {
      sequence = await buildCommitSequence({
        repoDir: options.repoDir,
        run,
        plan,
        tasks: inputs.tasks,
        test: inputs.test,
        changePatch,
        docs: inputs.docs,
      });
    } catch (error) {
      if (!(error instanceof PatchApplyError)) throw error;
      return finish(
        'refused',
        `publish refused: ${error.patch} does not apply ${error.patch === 'change.patch' ? `to the plan's base ${run.baseSha}` : 'on top of change.patch'} (${error.detail.split('\n')[0]}); nothing was written.\nRe-run the ${error.patch === 'change.patch' ? 'test' : 'docs'} job of this run.`,
      );
    }
    notes.push(...sequence.notes);
    if (sequence.commits.length === 0) {
      return finish('no-change', 'nothing was written: the change is empty once applied to the base.');
    }

    // The pull request's diff, on which the review is placed.
    const prPatch = (await diffTrees(hardenedGit(options.repoDir), run.baseSha, sequence.head)).patch;
    const prDiff = parseUnifiedDiff(prPatch);
    const review: ReviewPlan | null =
      inputs.reviews.length > 0
        ? planReview(inputs.reviews, prDiff, config.review['block-on'], { runId: run.runId, allowedHost: host })
        : null;

    const title = plan.request.title.trim() === '' ? `ensemble run ${run.runId}` : plan.request.title;
    const tasks = inputs.tasks.map((t) => t.document);
    prBody = renderPrBody(
      {
        plan,
        tasks,
        test: inputs.test,
        reviews: review?.outcome ?? null,
        docs: inputs.docs?.document ?? null,
        runUrl: options.runUrl,
        issue: run.issue,
      },
      { allowedHost: host },
    );
    reviewBody = review?.texts.body ?? null;

    // Every text that will be written, and every patch, through the policy.
    const texts: TextInput[] = [
      { label: 'PR title', text: title, kind: 'title' },
      { label: 'PR body', text: prBody, kind: 'body' },
    ];
    const taskCommits = sequence.commits.filter((c) => c.stage === 'code');
    for (const commit of taskCommits) texts.push({ label: `commit message of task ${commit.taskId}`, text: commit.subject, kind: 'raw' });
    if (review) {
      texts.push({ label: 'review body', text: review.texts.body, kind: 'body' });
      texts.push({ label: 'review body (as a comment)', text: review.texts.commentBody, kind: 'body' });
      texts.push({ label: 'review body (all findings)', text: review.texts.unplacedBody, kind: 'body' });
      texts.push({ label: 'review body (all findings, as a comment)', text: review.texts.unplacedCommentBody, kind: 'body' });
      review.comments.forEach((c, i) => {
        texts.push({ label: `review comment ${i + 1} (${c.path}:${c.line})`, text: c.body, kind: 'body' });
      });
    }
    const written = texts.length;
    texts.push(...modelTexts(inputs));
    const keyed = Object.fromEntries(texts.map((t, i) => [i < written ? t.label : `model ${i}`, t]));

    const checked = await checkSafeOutputs(
      {
        patches: [
          { label: 'change.patch', patch: changePatch },
          { label: 'docs.patch', patch: inputs.docs?.patch ?? '' },
        ],
        texts: keyed,
      },
      policy,
    );
    // The task commits stay in the branch's history: what each discloses is checked too.
    const history = await checkSafeOutputs(
      {
        patches: await Promise.all(
          taskCommits.map(async (c) => ({
            label: `commit of task ${c.taskId}`,
            patch: await commitDiff(options.repoDir, c.parent, c.sha),
          })),
        ),
        texts: {},
      },
      policy,
    );
    const refusals: Refusal[] = [
      ...(checked.ok ? [] : checked.refusals),
      ...(history.ok ? [] : history.refusals.filter((r) => r.rule !== 'patch-size' && r.rule !== 'file-count')),
    ];
    if (refusals.length > 0 || !checked.ok) {
      return finish('refused', formatRefusals(refusals, { allowedHost: host }));
    }
    const text = (label: string) => {
      const found = checked.texts[label];
      if (!found) throw new Error(`internal error: the policy returned no text "${label}"`);
      return found.text;
    };
    prBody = text('PR body');
    const messages = new Map(taskCommits.map((c) => [c.sha, text(`commit message of task ${c.taskId}`)]));
    const localCommits: LocalCommit[] = sequence.commits.map((c) => ({
      sha: c.sha,
      tree: c.tree,
      parent: c.parent,
      message: withTrailers(messages.get(c.sha) ?? c.subject, c.trailers),
    }));

    // Writes, from here on.
    try {
      const current = await branchHead(octokit, repo, branch);
      const reused = current === null ? null : await matchingRemoteChain(octokit, repo, current, run.baseSha, localCommits);
      const remote = reused ?? (await pushCommits(octokit, repo, options.repoDir, run.baseSha, localCommits));
      const head = remote[remote.length - 1]!.sha;
      const moved = await setBranch(octokit, repo, branch, head);
      published.branch = branch;
      published.commits = sequence.commits.map((c, i) => ({ sha: remote[i]!.sha, stage: c.stage, taskId: c.taskId }));
      log.info(`branch ${branch}: ${moved} at ${head} (${remote.length} commits${reused ? ', unchanged since the last run' : ''})`);

      const pull = await upsertPullRequest(octokit, repo, {
        branch,
        base: defaultBranch,
        title: text('PR title'),
        body: prBody,
        draft: options.draft && config.publish.draft,
      });
      pr = { number: pull.number, url: pull.url, outcome: pull.outcome };
      log.info(`pull request #${pull.number}: ${pull.outcome} (${pull.url})`);
      if (config.publish.labels.length > 0) await addLabels(octokit, repo, pull, config.publish.labels);

      if (review) {
        const reviewTexts: ReviewTexts = {
          body: text('review body'),
          commentBody: text('review body (as a comment)'),
          unplacedBody: text('review body (all findings)'),
          unplacedCommentBody: text('review body (all findings, as a comment)'),
        };
        const comments = review.comments.map((c, i) => ({ ...c, body: text(`review comment ${i + 1} (${c.path}:${c.line})`) }));
        const posted = await postReview(octokit, repo, pull.number, head, { ...review, comments }, reviewTexts, log);
        published.reviewId = posted.id;
        reviewOutcome = { url: posted.url, outcome: posted.outcome, event: posted.event, blocking: review.event === 'REQUEST_CHANGES' };
        if (posted.unplaced) notes.push('GitHub refused the placement of the inline comments; every finding is in the review body.');
        log.info(`review: ${posted.outcome} (${posted.event})`);
      }
    } catch (error) {
      const message = (error as Error).message;
      const done = published.branch
        ? pr
          ? `The branch ${branch} and pull request #${pr.number} were updated before this failed.`
          : `The branch ${branch} was pushed before this failed; no pull request was opened.`
        : 'No branch, pull request or review was written.';
      return finish('failed', `${message}\n${done}`);
    }
    return finish('published', null);
  };
  try {
    return await publishChange();
  } catch (error) {
    return finish('failed', `${(error as Error).message}\nNo branch, pull request or review was written.`);
  }
}
