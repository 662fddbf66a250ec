import type { DocsDocument } from '../../contracts/docs.ts';
import type { RunIdentity, Severity } from '../../contracts/index.ts';
import type { PlanDocument } from '../../contracts/plan.ts';
import type { PublishDocument, PublishedCommit } from '../../contracts/publish.ts';
import type { ReviewDocument } from '../../contracts/review.ts';
import type { TaskDocument } from '../../contracts/task.ts';
import type { TestDocument } from '../../contracts/test-report.ts';
import { renderPrBody, renderReviewBody, usageRows } from '../../render/index.ts';
import { combineReviews, parseUnifiedDiff, type ReviewOutcome } from '../../review/index.ts';
import {
  applyWithConflictMarkers,
  commitPatch,
  commitTree,
  createWorktree,
  diffAgainstBase,
  type GitIdentity,
  removeWorktree,
  updateBranch,
} from '../../workspace/index.ts';
import { dependencyOrder } from './waves.ts';

export const ENSEMBLE_AUTHOR: GitIdentity = { name: 'ensemble', email: 'ensemble@users.noreply.github.com' };

export interface PublishInput {
  repoDir: string;
  run: RunIdentity;
  plan: PlanDocument;
  tasks: readonly { document: TaskDocument; patch: string }[];
  test: TestDocument | null;
  /** The integrated change against the base SHA (change.patch). */
  changePatch: string;
  docs: { document: DocsDocument; patch: string } | null;
  reviews: readonly ReviewDocument[];
  blockOn: Severity;
  protectedPaths: readonly string[];
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

/**
 * The local publisher: commits the run's work onto branch `branch` of the user's repository
 * without touching their work tree, index or current branch: one commit per task, one for
 * integration and tests, one for docs, each with trailers naming the run, stage and task. The
 * branch then holds exactly base + change.patch + docs.patch.
 */
export async function publishLocal(input: PublishInput): Promise<PublishOutput> {
  const notes: string[] = [];
  const trailers = (stage: string, task?: string) => ({
    'Ensemble-Run': input.run.runId,
    'Ensemble-Stage': stage,
    ...(task ? { 'Ensemble-Task': task } : {}),
  });
  const integrated = new Map((input.test?.integration ?? []).map((r) => [r.taskId, r.result]));
  const patches = new Map(input.tasks.map((t) => [t.document.taskId, t]));
  const commits: PublishedCommit[] = [];
  let head = input.run.baseSha;

  for (const taskId of dependencyOrder(input.plan.tasks)) {
    const task = patches.get(taskId);
    if (!task) continue;
    if (task.document.status !== 'done' || task.patch === '') continue;
    const result = integrated.get(taskId);
    if (input.test && result !== 'applied' && result !== 'resolved') continue;
    try {
      head = await commitPatch(input.repoDir, {
        parentSha: head,
        patch: task.patch,
        message: task.document.commitMessage,
        trailers: trailers('code', taskId),
        author: ENSEMBLE_AUTHOR,
        protectedPaths: input.protectedPaths,
      });
      commits.push({ sha: head, stage: 'code', taskId });
    } catch (error) {
      // A patch whose conflict the testing agent resolved may not apply on its own; its content
      // arrives with the integration commit below.
      notes.push(`task ${taskId} is folded into the integration commit: ${(error as Error).message.split('\n')[0]}`);
    }
  }

  const worktree = await createWorktree(input.repoDir, input.run.baseSha, { prefix: 'ensemble-publish-' });
  try {
    if (input.changePatch !== '') {
      const applied = await applyWithConflictMarkers(worktree.dir, input.changePatch);
      if (!applied.ok) throw new Error(`change.patch does not apply to the base ${input.run.baseSha}: ${applied.detail}`);
    }
    const { tree } = await diffAgainstBase(worktree.dir, input.run.baseSha);
    const integration = await commitTree(input.repoDir, {
      tree,
      parentSha: head,
      message: input.test?.testsAdded.length ? 'Integrate the tasks and add tests' : 'Integrate the tasks',
      trailers: trailers('test'),
      author: ENSEMBLE_AUTHOR,
    });
    if (integration) {
      head = integration;
      commits.push({ sha: head, stage: 'test', taskId: null });
    }
  } finally {
    await removeWorktree(worktree);
  }

  if (input.docs && input.docs.patch !== '') {
    head = await commitPatch(input.repoDir, {
      parentSha: head,
      patch: input.docs.patch,
      message: 'Update the documentation',
      trailers: trailers('docs'),
      author: ENSEMBLE_AUTHOR,
      protectedPaths: input.protectedPaths,
    });
    commits.push({ sha: head, stage: 'docs', taskId: null });
  }

  const branch = commits.length > 0 ? input.branch : null;
  if (branch) await updateBranch(input.repoDir, branch, head);

  const review = input.reviews.length > 0 ? combineReviews(input.reviews, parseUnifiedDiff(input.changePatch), input.blockOn) : null;
  const tasks = input.tasks.map((t) => t.document);
  const prBody = renderPrBody({
    plan: input.plan,
    tasks,
    test: input.test,
    reviews: review,
    docs: input.docs?.document ?? null,
    usage: usageRows({ plan: input.plan, tasks, test: input.test, reviews: input.reviews, docs: input.docs?.document ?? null }),
    issue: input.run.issue,
  });
  const reviewBody = review ? renderReviewBody(review, { runId: input.run.runId, includeInline: true }) : null;
  const document: PublishDocument = {
    schema: 'ensemble.publish/v1',
    run: input.run,
    usage: { model: '', calls: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0, durationMs: 0 },
    branch: branch ?? input.branch,
    commits,
    prNumber: null,
    prUrl: null,
    reviewId: null,
    commentId: null,
  };
  return { document, prBody, reviewBody, review, notes };
}
