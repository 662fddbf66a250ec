import { existsSync } from 'node:fs';
import path from 'node:path';
import { submitToolFor } from '../agent/submit.ts';
import { toolsFor } from '../agent/tools/index.ts';
import type { PlanDocument } from '../contracts/plan.ts';
import type { CriterionCheck, ReviewBody, ReviewDocument } from '../contracts/review.ts';
import type { TestDocument } from '../contracts/test-report.ts';
import {
  anchorFinding,
  findDiffFile,
  identifyFindings,
  incompleteSummary,
  type LensFinding,
  lensOpenFindings,
  normaliseLine,
  verdictFor,
} from '../review/index.ts';
import { clip } from '../util/text.ts';
import { type DiffFile, parseUnifiedDiff, removeWorktree } from '../workspace/index.ts';
import { runStageAgent, type StageContext } from './context.ts';
import { StageError } from './errors.ts';
import { integratedWorktree } from './integrated-worktree.ts';
import { diffBlock, findingsBlock, PROMPT_DIFF_MAX_CHARS, testReportBlock } from './prompt-parts.ts';

/**
 * The role of every review agent of a review through `lenses`: the same for every lens, so that the
 * reviewers of a run share it in the prompt cache; the lens and its focus open each reviewer's task
 * (`lensBrief`).
 */
export const reviewInstructions = (
  lenses: readonly string[],
) => `You are a review agent of ensemble, a pipeline of AI coding agents. Your task names your lens.
Coding agents implemented the tasks of a plan and a testing agent integrated their work and ran the tests. You review the integrated change, as a careful senior engineer would, through your lens only.${
  lenses.length > 1
    ? ` This change is reviewed through ${lenses.length} lenses (${lenses.join(', ')}), each by its own review ` +
      'agent; leave the other lenses to them.'
    : ''
}

How to work:
- Your workspace is the repository at the base commit with the change applied: read_file shows the new version of every file, list_files and search explore the rest. You cannot change files or run commands.
- The diff of the change may be shortened; read the files it leaves out before you judge them.
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

/** What opens a reviewer's task: its lens and what to look for; a lens without built-in guidance reviews what its name says. */
export function lensBrief(lens: string): string {
  const focus =
    LENS_FOCUS[lens] ??
    `Your lens, ${lens}: review the change for problems of the kind this lens name describes, as a ` +
      'specialist in it would. Stay within that concern; findings outside it belong to other reviewers.';
  return `Your lens: ${lens}.\n\n${focus}`;
}

// ---------------------------------------------------------------------------------------------
// the task text

/** What a re-review after a fix round adds to its task: its lens's open findings and what changed since. */
function sinceLastReview(input: ReviewStagesInput, lens: string, lenses: readonly string[]): string[] {
  if (!input.previous) return [];
  const open = lensOpenFindings(input.previous.findings, lens, lenses);
  return [
    `## This is a re-review after fix round ${input.previous.round}\n${RE_REVIEW}`,
    `## Your open findings from the last review\n${findingsBlock(open)}`,
    `## What changed since the last review\n${diffBlock(input.previous.sinceLastReview, PROMPT_DIFF_MAX_CHARS)}`,
  ];
}

const RE_REVIEW = [
  'A fixing agent changed the code to address the findings of the last review. Look first at what changed',
  'since then and at your open findings below: report each open finding that is still there again, with its',
  'id (and its quote and line as the code is now); leave out those that are fixed. Report a new problem only',
  'when the fix introduced it or it is at least as severe as the open findings; the rest of the change was',
  'reviewed already. The whole change is above, for context.',
].join(' ');

function reviewTask(input: ReviewStagesInput, lens: string, lenses: readonly string[]): string {
  return [
    lensBrief(lens),
    `Review the change through the ${lens} lens.`,
    ...sinceLastReview(input, lens, lenses),
    'What the change was meant to do (the request and the plan) and the change itself are above.',
    `## Test report\n${testReportBlock(input.test)}`,
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
  /** After a fix round: the findings the round was given and the change since the review before it. */
  previous?: PreviousReview;
}

export interface PreviousReview {
  round: number;
  findings: readonly LensFinding[];
  /** The change since the last review (the round's fix and what the test stage added), as a diff. */
  sinceLastReview: string;
}

export interface ReviewInput extends ReviewStagesInput {
  lens: string;
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
    instructions: reviewInstructions(lenses),
    task: reviewTask(input, input.lens, lenses),
    shared: { request: input.plan.request, plan: input.plan, changePatch: input.changePatch },
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
  const anchored = outcome.result.findings.map((finding) => anchorFinding(finding, files));
  const open = new Set(lensOpenFindings(input.previous?.findings ?? [], input.lens, lenses).map((f) => f.finding.id));
  const findings = identifyFindings(input.lens, anchored, open);
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
  const prefix = `ensemble-review-${input.lens}-`;
  const { worktree } = await integratedWorktree(ctx, 'review', input.changePatch, prefix);
  try {
    return await reviewLens(ctx, input, worktree.dir, files, ctx.config.review.lenses);
  } finally {
    await removeWorktree(worktree);
  }
}

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
  const { worktree } = await integratedWorktree(ctx, 'review', input.changePatch, 'ensemble-review-');
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
