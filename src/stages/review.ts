import { existsSync } from 'node:fs';
import path from 'node:path';
import { untrustedBlock } from '../agent/prompt.ts';
import { submitToolFor } from '../agent/submit.ts';
import { toolsFor } from '../agent/tools/index.ts';
import type { PlanDocument } from '../contracts/plan.ts';
import type { CriterionCheck, ReviewBody, ReviewDocument } from '../contracts/review.ts';
import type { TestDocument } from '../contracts/test-report.ts';
import { anchorFinding, findDiffFile, normaliseLine, verdictFor } from '../review/index.ts';
import { clip } from '../util/text.ts';
import {
  applyWithConflictMarkers,
  createWorktree,
  type DiffFile,
  parseUnifiedDiff,
  removeWorktree,
  type Worktree,
} from '../workspace/index.ts';
import { runStageAgent, type StageContext } from './context.ts';
import { StageError } from './errors.ts';
import { diffBlock, PROMPT_DIFF_MAX_CHARS, planBlock, requestBlock } from './prompt-parts.ts';

/** Longest excerpt of one failing test shown to a reviewer. */
const FAILURE_EXCERPT_MAX_CHARS = 1_500;

const COMMON_INSTRUCTIONS = (
  lens: string,
  lenses: readonly string[],
) => `You are a review agent of ensemble, a pipeline of AI coding agents. Your lens: ${lens}.
Coding agents implemented the tasks of a plan and a testing agent integrated their work and ran the tests. You review the integrated change, as a careful senior engineer would, through your lens only.${
  lenses.length > 1
    ? ` Other review agents cover the other lenses (${lenses.filter((l) => l !== lens).join(', ')}); ` +
      'leave those to them.'
    : ''
}

How to work:
- Your workspace is the repository at the base commit with the change applied: read_file shows the new version of every file, list_files and search explore the rest. You cannot change files or run commands.
- The diff in your task may be shortened; read the files it leaves out before you judge them.
- Report problems the change introduces or makes worse, not pre-existing ones it does not touch. No praise, no restating what the code does.
- Each finding: path (relative to the repository root); quote — the code the finding is about, copied exactly from the new version of the file, one or more whole lines (never empty; for removed code, quote the nearest line that remains); line — your best guess of the quote's first line in the new file, or null; severity; a short title; a body that says what is wrong, why it matters and how to fix it; suggestion — replacement text for exactly the quoted lines, or null. A finding whose quote is not on a changed line is still reported, in the review's body.
- Severities: critical — an exploitable vulnerability, data loss or corruption, a change that breaks the build or most users; high — wrong behaviour users will hit, a security weakness, an acceptance criterion not met; medium — a bug in an edge case, missing error handling, a criterion without a test; low — maintainability, unclear code, a minor gap; nit — style and naming.
- Criteria: judge every acceptance criterion of the plan (copy its text exactly) as met or unmet, with evidence (a file and line, a test, a command result). Judge through your lens what you can; mark a criterion unmet only with evidence that it is not met.
- Finish with submit_review: your verdict, a summary of your review (a few sentences), the findings and the criteria. ensemble derives the final verdict from the findings' severities.`;

const LENS_FOCUS: Record<string, string> = {
  correctness:
    "Your lens, correctness: does the change do what the plan's tasks and acceptance criteria ask, and does " +
    'it do it right? Look for logic errors, off-by-one and boundary mistakes, unhandled errors and edge cases ' +
    '(empty, missing, very large, concurrent input), broken callers of changed functions, changed behaviour ' +
    'nobody asked for, resource leaks, and parts of the tasks left undone.',
  tests:
    'Your lens, tests: is the change tested well enough to trust it? Check that every acceptance criterion is ' +
    'covered by a test that would fail without the change, that tests assert behaviour a user would notice (a ' +
    'test that cannot fail is a defect), that edge and error cases are covered, that tests are deterministic ' +
    '(no timing, ordering, network or clock dependence), and read the test report: failures the change ' +
    'introduced are findings.',
  security:
    "Your lens, security: could the change be abused, or does it weaken the repository's defences? Look for " +
    'injection (shell, SQL, path traversal, template, regular-expression denial of service), untrusted input ' +
    'reaching commands, files or network requests without validation, secrets or credentials in code, ' +
    'configuration or logs, missing authentication or authorisation checks, unsafe deserialisation, weakened ' +
    'TLS or cryptography, new dependencies and CI or workflow changes, and hidden text (HTML comments, ' +
    'zero-width or bidirectional characters) that could mislead a reader or an AI agent.',
};

/** The role of the review agent of `lens`; a lens without built-in guidance reviews what its name says. */
export function reviewInstructions(lens: string, lenses: readonly string[] = [lens]): string {
  const focus =
    LENS_FOCUS[lens] ??
    `Your lens, ${lens}: review the change for problems of the kind this lens name describes, as a ` +
      'specialist in it would. Stay within that concern; findings outside it belong to other reviewers.';
  return `${COMMON_INSTRUCTIONS(lens, lenses)}\n\n${focus}`;
}

// ---------------------------------------------------------------------------------------------
// the task text

function count(n: number | null, what: string): string {
  return n === null ? `${what}: not reported` : `${n} ${what}`;
}

/** Where a failing test comes from, by its `atBase` mark. */
function failureOrigin(atBase: boolean | null): string {
  if (atBase === true) return 'also fails at the base';
  if (atBase === false) return 'introduced by the change';
  return 'not checked at the base';
}

function testReportText(test: TestDocument | null): string {
  if (!test) return 'No test report: the test stage did not run. Judge test coverage from the code.';
  const ran = test.command
    ? `; \`${test.command}\` exited with ${test.exitCode ?? 'no exit code'}`
    : '; no test command ran';
  const lines = [
    `Status: ${test.status}${ran}.`,
    `${count(test.passed, 'passed')}, ${count(test.failed, 'failed')}; ${test.fixAttempts} fix attempts.`,
  ];
  if (test.testsAdded.length > 0) lines.push(`Tests added by the testing agent: ${test.testsAdded.join(', ')}`);
  const integration = test.integration.filter((i) => i.result !== 'applied');
  if (integration.length > 0) {
    const tasks = integration.map((i) => {
      const files = i.conflictingFiles.length ? ` (${i.conflictingFiles.join(', ')})` : '';
      return `task ${i.taskId} ${i.result}${files}`;
    });
    lines.push(`Integration: ${tasks.join('; ')}`);
  }
  const details = [`Testing agent's summary: ${test.summary}`];
  for (const failure of test.failures) {
    const excerpt = clip(failure.excerpt, FAILURE_EXCERPT_MAX_CHARS);
    details.push(`Failing: ${failure.name} (${failureOrigin(failure.atBase)})\n${excerpt}`);
  }
  return `${lines.join('\n')}\n${untrustedBlock('test report', details.join('\n\n'))}`;
}

function reviewTask(input: ReviewStagesInput, lens: string): string {
  return [
    `Review the change through the ${lens} lens.`,
    `## What the change was meant to do\n${planBlock(input.plan)}`,
    `## Test report\n${testReportText(input.test)}`,
    `## The change\n${diffBlock(input.changePatch, PROMPT_DIFF_MAX_CHARS)}`,
    `## The original request, for context\n${requestBlock(input.plan.request)}`,
  ].join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// checks and the document

/** Problems of a submitted review for the model to fix: findings without a quote, or on a file that does not exist. */
export function reviewProblems(
  review: ReviewBody,
  context: { workspace: string; files: readonly DiffFile[] },
): string[] {
  const problems: string[] = [];
  review.findings.forEach((finding, i) => {
    const name = `findings[${i}] ("${finding.title}")`;
    if (finding.quote.trim() === '') {
      problems.push(
        `${name}: quote is empty; quote the code the finding is about, copied exactly from the file (whole lines)`,
      );
    }
    if (!findDiffFile(context.files, finding.path) && !existsSync(path.join(context.workspace, finding.path))) {
      problems.push(
        `${name}: ${finding.path} is neither in the change nor in ` +
          'the repository; give the path relative to the repository root',
      );
    }
  });
  return problems;
}

/**
 * Criteria whose text matches a plan criterion (ignoring case and whitespace) take the plan's exact
 * text, so lenses merge.
 */
function canonicalCriteria(criteria: readonly CriterionCheck[], plan: PlanDocument): CriterionCheck[] {
  const known = new Map<string, string>();
  for (const task of plan.tasks) for (const c of task.acceptanceCriteria) known.set(normaliseLine(c).toLowerCase(), c);
  return criteria.map((c) => ({ ...c, criterion: known.get(normaliseLine(c.criterion).toLowerCase()) ?? c.criterion }));
}

export interface ReviewStagesInput {
  plan: PlanDocument;
  /** The test stage's report; null when the test stage did not run. */
  test: TestDocument | null;
  /** `change.patch`: the integrated change (task patches and added tests) against the base SHA. */
  changePatch: string;
}

export interface ReviewInput extends ReviewStagesInput {
  lens: string;
}

/** A worktree at the base SHA with the change applied; removed again when the change does not apply. */
async function integratedWorktree(ctx: StageContext, changePatch: string, prefix: string): Promise<Worktree> {
  if (changePatch.trim() === '') throw new StageError('review', 'the change is empty: there is nothing to review');
  const worktree = await createWorktree(ctx.repoDir, ctx.run.baseSha, { prefix });
  try {
    const applied = await applyWithConflictMarkers(worktree.dir, changePatch);
    if (!applied.ok) {
      throw new StageError(
        'review',
        `the change does not apply to the base commit ${ctx.run.baseSha} ` +
          `(${applied.conflictingFiles.join(', ') || 'no file named'}): ${applied.detail}`,
      );
    }
  } catch (error) {
    await removeWorktree(worktree).catch(() => {});
    throw error;
  }
  return worktree;
}

/** Runs one lens's agent in `workspace`; throws a StageError when the agent did not submit. */
async function reviewLens(
  ctx: StageContext,
  input: ReviewInput,
  workspace: string,
  files: readonly DiffFile[],
  lenses: readonly string[],
): Promise<ReviewDocument> {
  const agent = `review:${input.lens}`;
  const { outcome } = await runStageAgent(ctx, {
    stage: 'review',
    agent,
    instructions: reviewInstructions(input.lens, lenses),
    task: reviewTask(input, input.lens),
    tools: toolsFor('review'),
    submit: submitToolFor('review', (review) => reviewProblems(review, { workspace, files })),
    workspace,
  });
  if (!outcome.result) {
    const why = outcome.stop ? `${outcome.stop.kind}: ${outcome.stop.message}` : 'no reason given';
    throw new StageError('review', `the ${input.lens} review agent did not submit a review (${why})`);
  }
  // Placement is ensemble's, not the model's: each quote is looked up on the diff; a finding
  // whose quote is on no line the diff shows keeps line null and goes in the review's body.
  const findings = outcome.result.findings.map((finding) => anchorFinding(finding, files));
  return {
    schema: 'ensemble.review/v1',
    run: ctx.run,
    usage: ctx.ledger.toUsage('review', agent),
    // The verdict follows from the configured blocking severity, not from the model's opinion.
    verdict: verdictFor(findings, ctx.config.review['block-on']),
    summary: outcome.result.summary,
    findings,
    criteria: canonicalCriteria(outcome.result.criteria, input.plan),
    lens: input.lens,
  };
}

/**
 * Reviews the integrated change through one lens: one read-only agent (`review:<lens>`) in a
 * worktree at the base SHA with `changePatch` applied (removed afterwards, always). Findings are
 * anchored on the diff deterministically and the verdict follows from `review.block-on`.
 * Throws a StageError when the agent does not submit (a failed leg is loud); `failedLensReview`
 * makes the document a runtime may still want to publish for it.
 */
export async function runReviewStage(ctx: StageContext, input: ReviewInput): Promise<ReviewDocument> {
  const files = parseUnifiedDiff(input.changePatch);
  const worktree = await integratedWorktree(ctx, input.changePatch, `ensemble-review-${input.lens}-`);
  try {
    return await reviewLens(ctx, input, worktree.dir, files, ctx.config.review.lenses);
  } finally {
    await removeWorktree(worktree);
  }
}

/** How the summary of a lens whose agent failed begins; `isIncompleteReview` reads it back. */
const incompleteSummary = (lens: string) => `The ${lens} review did not complete`;

/** The document of a lens whose agent failed: verdict `comment`, no findings, a summary that says why. */
export function failedLensReview(ctx: StageContext, lens: string, reason: string): ReviewDocument {
  return {
    schema: 'ensemble.review/v1',
    run: ctx.run,
    usage: ctx.ledger.toUsage('review', `review:${lens}`),
    verdict: 'comment',
    summary:
      `${incompleteSummary(lens)}, so this change has ` + `not been reviewed through that lens: ${clip(reason, 4_000)}`,
    findings: [],
    criteria: [],
    lens,
  };
}

/**
 * Whether a review is the one `failedLensReview` wrote for a lens whose agent did not complete.
 * The review contract (v1) has no field for it, so the summary's opening, written above, says it.
 */
export function isIncompleteReview(review: Pick<ReviewDocument, 'lens' | 'summary' | 'findings'>): boolean {
  return review.findings.length === 0 && review.summary.startsWith(incompleteSummary(review.lens));
}

export interface LensReviews {
  /** One document per lens asked for, in that order; a lens that failed has `failedLensReview`'s. */
  documents: ReviewDocument[];
  /** The lenses whose agent failed, with why. */
  failed: { lens: string; reason: string }[];
}

/**
 * Runs the lenses `lenses` (default every configured lens, `review.lenses`) at once, in one
 * shared read-only worktree (the agents cannot write), and returns one document per lens in that
 * order. A lens whose agent fails (model fault, budget, invalid submissions, any error) yields
 * `failedLensReview` and never stops the others; the caller decides what a failure means.
 */
export async function reviewLenses(
  ctx: StageContext,
  input: ReviewStagesInput & { lenses?: readonly string[] },
): Promise<LensReviews> {
  const configured = ctx.config.review.lenses;
  const lenses = input.lenses ?? configured;
  const files = parseUnifiedDiff(input.changePatch);
  const worktree = await integratedWorktree(ctx, input.changePatch, 'ensemble-review-');
  let settled: PromiseSettledResult<ReviewDocument>[];
  try {
    settled = await Promise.allSettled(
      lenses.map((lens) => reviewLens(ctx, { ...input, lens }, worktree.dir, files, configured)),
    );
  } finally {
    await removeWorktree(worktree);
  }
  const failed: LensReviews['failed'] = [];
  const documents = settled.map((result, i) => {
    if (result.status === 'fulfilled') return result.value;
    const lens = lenses[i]!;
    const error = result.reason;
    const reason =
      error instanceof StageError
        ? error.message.replace(/^review stage: /, '')
        : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    failed.push({ lens, reason });
    ctx.reporter.warn(`review lens ${lens} failed: ${reason}`);
    return failedLensReview(ctx, lens, reason);
  });
  return { documents, failed };
}

/**
 * Every configured lens (`reviewLenses`); when every lens fails the stage has produced no review
 * at all and this throws a StageError naming each lens's reason. Merge the documents with
 * `combineReviews`.
 */
export async function runReviewStages(ctx: StageContext, input: ReviewStagesInput): Promise<ReviewDocument[]> {
  const { documents, failed } = await reviewLenses(ctx, input);
  if (failed.length === documents.length) {
    const reasons = failed.map((f) => `${f.lens}: ${f.reason}`);
    throw new StageError('review', `every review lens failed:\n${reasons.join('\n')}`);
  }
  return documents;
}
