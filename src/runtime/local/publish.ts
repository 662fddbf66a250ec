import path from 'node:path';
import type { RunDirectory } from '../../artifacts/run-directory.ts';
import { noModelUsage } from '../../contracts/common.ts';
import type { EnsembleConfig } from '../../contracts/config.ts';
import type { Severity } from '../../contracts/index.ts';
import type { PublishDocument, PublishedCommit } from '../../contracts/publish.ts';
import type { ReviewDocument } from '../../contracts/review.ts';
import type { TestDocument } from '../../contracts/test-report.ts';
import { credentialsIn } from '../../model/keys.ts';
import { fixLoopOf } from '../../pipeline/fix-loop.ts';
import { readChange, readDocs, readPlan, readReviews, readTask, readTest } from '../../pipeline/run-stage.ts';
import { loadRunConfig, repositoryRoot } from '../../pipeline/session.ts';
import { branchFor } from '../../publish/branch.ts';
import { checkRunOutputs, publishPolicy } from '../../publish/check-policy.ts';
import {
  buildCommitSequence,
  type CommitSequence,
  type CommitSequenceInput,
  RUN_TRAILER,
} from '../../publish/commits.ts';
import { type SafeOutputsOptions, sanitiseText, type TextInput } from '../../publish/policy.ts';
import { renderPrBody, renderReviewBody, usageRows } from '../../render/index.ts';
import { combineReviews, type FixLoop, finalState, type ReviewOutcome, testedRounds } from '../../review/index.ts';
import type { Reporter } from '../../stages/context.ts';
import { UserError } from '../../util/errors.ts';
import {
  assertRepoContains,
  type BranchCommit,
  checkoutCredentials,
  commitsWithoutTrailer,
  parseUnifiedDiff,
  updateBranch,
} from '../../workspace/index.ts';

export { ENSEMBLE_AUTHOR } from '../../publish/commits.ts';

/**
 * What the commit sequence is built from, plus what the PR body and review are rendered from:
 * the first pass (`test`, `changePatch`, `reviews`) and the fix loop after it.
 */
export interface PublishInput extends Omit<CommitSequenceInput, 'taskMessage' | 'rounds' | 'protectedPaths'> {
  reviews: readonly ReviewDocument[];
  fix: FixLoop;
  blockOn: Severity;
  /** The safe-output policy the GitHub publisher applies too (`publishPolicy`). */
  policy: SafeOutputsOptions;
  branch: string;
}

export interface PublishOutput {
  document: PublishDocument;
  /** The PR body the GitHub publisher would post. */
  prBody: string;
  /** The review, findings on the diff included (a local run has no inline comments). */
  reviewBody: string | null;
  review: ReviewOutcome | null;
  notes: string[];
}

/** The safe-output policy refused what the run would have put on its branch: the branch was left as it was. */
export class PublishRefusedError extends UserError {
  override name = 'PublishRefusedError';
  constructor(branch: string, policyMessage: string) {
    super(
      `nothing was committed to ${branch}: ${policyMessage}\nThe run's work is in its run directory; after ` +
        "fixing what is refused, run `ensemble stage publish --run <this run's directory>`",
    );
  }
}

/**
 * The local publisher: commits the run's work onto branch `branch` of the user's repository
 * without touching their work tree, index or current branch: one commit per task, one for
 * integration and tests, one for docs, each with trailers naming the run, stage and task. The
 * branch then holds exactly base + change.patch + docs.patch. The same safe-output policy as on
 * GitHub decides first (`checkRunOutputs`): a refused change, text or commit message leaves the
 * branch as it was.
 */
export async function publishLocal(input: PublishInput): Promise<PublishOutput> {
  const { policy } = input;
  // Commit messages are the model's words: sanitised as the GitHub publisher writes them.
  const message = (text: string) => sanitiseText(text, 'raw', policy).text;
  const sequence = await buildCommitSequence({
    repoDir: input.repoDir,
    run: input.run,
    plan: input.plan,
    tasks: input.tasks,
    test: input.test,
    changePatch: input.changePatch,
    rounds: testedRounds(input.fix).map((r) => ({
      document: { round: r.document.round, commitMessage: message(r.document.commitMessage) },
      change: r.change,
    })),
    docs: input.docs,
    taskMessage: (task) => message(task.commitMessage),
  });
  const final = finalState({ test: input.test, change: input.changePatch, reviews: input.reviews }, input.fix);
  const notes = sequence.notes;
  const commits: PublishedCommit[] = sequence.commits.map((c) => ({ sha: c.sha, stage: c.stage, taskId: c.taskId }));

  const review =
    final.reviews.length > 0 ? combineReviews(final.reviews, parseUnifiedDiff(final.change), input.blockOn) : null;
  const rendered = renderTexts(input, final, review);
  const branch = commits.length > 0 ? input.branch : null;
  const checked = await checkRunOutputs({
    artifacts: input,
    changePatch: input.changePatch,
    sequence,
    repoDir: input.repoDir,
    policy,
    texts: policyTexts(rendered, sequence),
  });
  if (!checked.ok) throw new PublishRefusedError(input.branch, checked.message);
  if (branch) await moveBranchOverOwnWorkOnly(input.repoDir, branch, input.run.baseSha, sequence.head);

  const document: PublishDocument = {
    schema: 'ensemble.publish/v1',
    run: input.run,
    usage: noModelUsage(),
    branch: branch ?? input.branch,
    commits,
    prNumber: null,
    prUrl: null,
    reviewId: null,
    commentId: null,
  };
  const prBody = checked.texts['prBody'] as string;
  const reviewBody = rendered.reviewBody === null ? null : (checked.texts['reviewBody'] as string);
  return { document, prBody, reviewBody, review, notes };
}

/** The PR body and review a GitHub publish of the run would post. */
function renderTexts(
  input: PublishInput,
  final: { test: TestDocument | null },
  review: ReviewOutcome | null,
): { prBody: string; reviewBody: string | null } {
  const tasks = input.tasks.map((t) => t.document);
  const prBody = renderPrBody({
    plan: input.plan,
    tasks,
    test: final.test,
    reviews: review,
    docs: input.docs?.document ?? null,
    fix: input.fix,
    usage: usageRows({
      plan: input.plan,
      tasks,
      test: input.test,
      reviews: input.reviews,
      docs: input.docs?.document ?? null,
      rounds: input.fix.rounds,
    }),
    issue: input.run.issue,
  });
  const reviewBody = review ? renderReviewBody(review, { runId: input.run.runId, includeInline: true }) : null;
  return { prBody, reviewBody };
}

/** What the policy checks of the local publish's own texts: the PR body, the review and the commit messages. */
function policyTexts(
  rendered: { prBody: string; reviewBody: string | null },
  sequence: CommitSequence,
): Record<string, TextInput> {
  const texts: Record<string, TextInput> = { prBody: { label: 'PR body', text: rendered.prBody, kind: 'body' } };
  if (rendered.reviewBody !== null) texts['reviewBody'] = { label: 'review', text: rendered.reviewBody, kind: 'body' };
  sequence.commits.forEach((c, i) => {
    texts[`commit ${i}`] = { label: `commit message of ${c.stage} commit ${c.sha.slice(0, 12)}`, text: c.message };
  });
  return texts;
}

/**
 * `ensemble stage publish`: the local publish of a run directory's artifacts, onto the run's
 * branch (`publishLocal`); the PR body and review go beside the artifacts.
 */
export async function publishRunDirectory(options: {
  runDir: RunDirectory;
  repoDir: string;
  configFile?: string | null;
  reporter: Reporter;
}): Promise<{ ok: boolean; summary: string; written: string[] }> {
  const { runDir } = options;
  const repoDir = repositoryRoot(options.repoDir);
  const plan = readPlan(runDir);
  const { config, loaded } = await loadRunConfig(repoDir, options.configFile, null);
  const tasks = plan.tasks.map((task) => readTask(runDir, task.id));
  const test = readTest(runDir);
  const changePatch = readChange(runDir);
  const reviews = readReviews(runDir, config.review.lenses);
  const fix = fixLoopOf(runDir, config);
  await assertRepoContains(repoDir, plan.run.baseSha, 'pass --repo with the repository the run was made in');
  const published = await publishLocal({
    repoDir,
    run: plan.run,
    plan,
    tasks,
    test,
    changePatch,
    docs: readDocs(runDir),
    reviews,
    fix,
    blockOn: config.review['block-on'],
    policy: localPolicy(config, {
      repoDir,
      configFile: loaded.file,
      secretValues: [
        // The CLI's own publish starts no agent: the variables stay, and are looked for.
        ...Object.entries(credentialsIn(process.env)).map(([name, value]) => ({ name, value })),
        ...(await checkoutCredentials(repoDir)),
      ],
    }),
    branch: branchFor(plan.request, plan.run.runId),
  });
  for (const note of published.notes) options.reporter.info(note);
  const { written } = runDir.writePublished(published);
  const commits = published.document.commits.length;
  return { ok: commits > 0, summary: `branch ${published.document.branch}, ${commits} commits`, written };
}

/** The run's branch holds commits ensemble did not make: they are left where they are. */
export class OthersCommitsOnBranchError extends UserError {
  constructor(branch: string, commits: readonly BranchCommit[], runHead: string) {
    const listed = commits.map((c) => `${c.sha.slice(0, 12)} ${JSON.stringify(c.subject)}`).join(', ');
    const count = commits.length === 1 ? '1 commit' : `${commits.length} commits`;
    super(
      `branch ${branch} holds ${count} that ensemble did not make (${listed}), so it was left as it is. ` +
        `This run's commits end at ${runHead.slice(0, 12)}: to publish them on ${branch}, move your work ` +
        `to a branch of its own first (git branch -m ${branch} <new name>), then run ` +
        "`ensemble stage publish --run <this run's directory>`",
    );
  }
}

/**
 * Points the run's branch at `head`, unless the branch holds commits without ensemble's
 * `Ensemble-Run` trailer since the base: a person's commits on a branch ensemble made before are
 * never moved away silently. The update is made only if the branch has not moved since it was read.
 */
async function moveBranchOverOwnWorkOnly(repoDir: string, branch: string, base: string, head: string): Promise<void> {
  const existing = await commitsWithoutTrailer(repoDir, branch, base, RUN_TRAILER);
  if (existing.commits.length > 0) throw new OthersCommitsOnBranchError(branch, existing.commits, head);
  await updateBranch(repoDir, branch, head, { expectedSha: existing.head, knownCommit: true });
}

/**
 * The GitHub publisher's policy for a local branch: links are judged as on github.com (the PR
 * body and review files are what a publish there would post).
 */
export function localPolicy(
  config: EnsembleConfig,
  options: {
    repoDir: string;
    /** Where the configuration was read from (`LoadedConfig.file`): protected, as the GitHub publisher protects it. */
    configFile: string;
    secretValues: readonly { name: string; value: string }[];
  },
): SafeOutputsOptions {
  const configPath = path.relative(options.repoDir, path.resolve(options.configFile));
  return publishPolicy(config, { ...options, configPath, allowedHost: 'github.com' });
}
