import type { DocsDocument } from '../contracts/docs.ts';
import type { PlanDocument } from '../contracts/plan.ts';
import type { TaskDocument, TaskStatus } from '../contracts/task.ts';
import type { TestDocument } from '../contracts/test-report.ts';
import { type ReviewOutcome, verdictFor } from '../review/findings.ts';
import type { FixLoop } from '../review/fix-rounds.ts';
import { clip } from '../util/text.ts';
import { type Ctx, finish, makeCtx, type RenderOptions } from './context.ts';
import { DOCS_STATUS, docsSection } from './docs.ts';
import { fixSection } from './fix.ts';
import { gateRecordSection } from './gate.ts';
import { blocks, GITHUB_BODY_LIMIT, table } from './markdown.ts';
import { prMarker } from './marker.ts';
import { type NodeState, type PipelineStage, pipelineGraph } from './mermaid.ts';
import { planSection, TASK_STATE } from './plan.ts';
import { reviewSection, VERDICT_TEXT } from './review.ts';
import { TASK_STATUS } from './task.ts';
import { TEST_STATUS, testSection } from './test-report.ts';
import { type UsageRow, usageRows, usageTable } from './usage.ts';

export interface PrBodyInput {
  plan: PlanDocument;
  /** The coding tasks' results; a planned task without one is shown as not run. */
  tasks: readonly TaskDocument[];
  test?: TestDocument | null;
  /** The merged, anchored review (`combineReviews`). */
  reviews?: ReviewOutcome | null;
  docs?: DocsDocument | null;
  /** The review → fix loop; `test` and `reviews` are then the change as it stands after it. */
  fix?: FixLoop | null;
  /** Usage per stage; derived from the documents when omitted. */
  usage?: readonly UsageRow[];
  /** Link to the workflow run (http(s) only). */
  runUrl?: string | null;
  /** The issue the pull request closes; the plan's run issue when omitted. */
  issue?: number | null;
}

/** Longest prompt quoted in the body; the rest is in the plan artifact. */
const PROMPT_QUOTE_CHARS = 2_000;
/** Longest task summary in the tasks table. */
const SUMMARY_CELL_CHARS = 300;

function safeUrl(url: string | null | undefined): string | null {
  if (!url || !/^https?:\/\/[^\s<>"'`]+$/.test(url)) return null;
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

function requestSection(plan: PlanDocument, issue: number | null, ctx: Ctx): string {
  const request = plan.request;
  const title = request.title.trim() === '' ? '(untitled)' : ctx.inline(request.title);
  if (issue !== null) return blocks(`**${title}** — #${issue}`, `Closes #${issue}`);
  const prompt = ctx
    .block(clip(request.body.trim(), PROMPT_QUOTE_CHARS))
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
  return blocks(`**${title}** (from a prompt)`, request.body.trim() !== '' && prompt);
}

function tasksTable(plan: PlanDocument, results: ReadonlyMap<string, TaskDocument>, ctx: Ctx): string {
  return table(
    ['Task', 'Status', 'Files', 'Commands', 'Summary'],
    plan.tasks.map((planned) => {
      const result = results.get(planned.id);
      if (!result) return [`${ctx.code(planned.id)} ${ctx.inline(planned.title)}`, '⏳ no result', '—', '—', '—'];
      const failed = result.commands.filter((c) => c.exitCode !== 0).length;
      return [
        `${ctx.code(planned.id)} ${ctx.inline(planned.title)}`,
        TASK_STATUS[result.status],
        String(result.filesChanged.length),
        result.commands.length === 0 ? '0' : `${result.commands.length}${failed > 0 ? ` (${failed} failed)` : ''}`,
        ctx.inline(clip(result.summary.trim(), SUMMARY_CELL_CHARS)),
      ];
    }),
    'llrrl',
  );
}

const TEST_STATE: Record<TestDocument['status'], NodeState> = {
  passed: 'ok',
  failed: 'fail',
  'no-tests': 'skip',
  error: 'fail',
};
const DOCS_STATE: Record<DocsDocument['status'], NodeState> = { updated: 'ok', 'no-change': 'skip', failed: 'fail' };
const VERDICT_STATE = { approve: 'ok', comment: 'warn', 'request-changes': 'fail' } as const;

/** The run as stages with their outcome; a stage without a document is shown as not run. */
export function pipelineStages(input: PrBodyInput): PipelineStage[] {
  const results = new Map(input.tasks.map((t) => [t.taskId, t]));
  const notRun = (stage: string) => [{ key: stage, label: `${stage}: not run`, state: 'skip' as const }];
  const review = input.reviews;
  return [
    { stage: 'plan', nodes: [{ key: 'plan', label: `plan: ${input.plan.tasks.length} tasks`, state: 'ok' }] },
    {
      stage: 'code',
      nodes: input.plan.tasks.map((t) => {
        const status = results.get(t.id)?.status;
        return {
          key: `code-${t.id}`,
          label: `${t.id}: ${status ?? 'no result'}`,
          state: status ? TASK_STATE[status] : 'pending',
        };
      }),
    },
    {
      stage: 'test',
      nodes: input.test
        ? [{ key: 'test', label: `test: ${input.test.status}`, state: TEST_STATE[input.test.status] }]
        : notRun('test'),
    },
    {
      stage: 'review',
      after: ['test'],
      nodes:
        review && review.lenses.length > 0
          ? review.lenses.map((l) => {
              const verdict = verdictFor(
                review.findings.filter((f) => f.lenses.includes(l.lens)),
                review.blockOn,
              );
              return { key: `review-${l.lens}`, label: `${l.lens}: ${verdict}`, state: VERDICT_STATE[verdict] };
            })
          : notRun('review'),
    },
    {
      stage: 'docs',
      after: ['test'],
      nodes: input.docs
        ? [{ key: 'docs', label: `docs: ${input.docs.status}`, state: DOCS_STATE[input.docs.status] }]
        : notRun('docs'),
    },
    ...fixStage(input.fix),
    { stage: 'publish', after: ['review', 'docs'], nodes: [{ key: 'publish', label: 'pull request', state: 'ok' }] },
  ];
}

/** The fix rounds in the diagram, after the review: none when no round ran. */
function fixStage(loop: FixLoop | null | undefined): PipelineStage[] {
  if (!loop || loop.rounds.length === 0) return [];
  const nodes = loop.rounds.map((r) => {
    let state: NodeState = 'fail';
    if (r.test !== null && r.rejected === null) state = r.remaining.length === 0 ? 'ok' : 'warn';
    return { key: `fix-${r.document.round}`, label: `fix round ${r.document.round}: ${r.document.status}`, state };
  });
  return [{ stage: 'fix', after: ['review'], nodes }];
}

/**
 * The pull request body: the hidden marker, what was asked (`Closes #n` for an issue), the
 * questions, answers, revisions and approval before the plan (when a gate waited), the plan
 * as a checklist, the tasks, the test results, the review summary, the docs, usage and cost per
 * stage, and a diagram of the run. Capped at 65,536 characters unless `options.limit` says otherwise.
 */
export function renderPrBody(input: PrBodyInput, options: RenderOptions = {}): string {
  const ctx = makeCtx(options);
  const plan = input.plan;
  const issue = input.issue === undefined ? plan.run.issue : input.issue;
  const results = new Map(input.tasks.map((t) => [t.taskId, t]));
  const statuses = new Map<string, TaskStatus | 'missing'>(
    plan.tasks.map((t) => [t.id, results.get(t.id)?.status ?? 'missing']),
  );
  const runUrl = safeUrl(input.runUrl);
  const runText = `run ${ctx.code(plan.run.runId)}`;
  const runLink = runUrl ? `[${runText}](${runUrl})` : runText;
  const usage =
    input.usage ??
    usageRows({
      plan,
      tasks: input.tasks,
      test: input.test,
      reviews: input.reviews?.lenses,
      docs: input.docs,
      rounds: input.fix?.rounds,
    });
  const fix = input.fix ? fixSection(input.fix, ctx) : null;
  const markdown = blocks(
    prMarker(plan.run.runId),
    `> [!NOTE]\n> Written by ensemble's agents in ${runLink}. ` +
      'Review it like any other change; it is not merged automatically.',
    ctx.heading(0, 'Request'),
    requestSection(plan, issue, ctx),
    gateRecordSection(plan.gate, ctx),
    ctx.heading(0, 'Plan'),
    planSection(plan, ctx, statuses),
    ctx.heading(0, 'Tasks'),
    tasksTable(plan, results, ctx),
    ctx.heading(0, input.test ? `Tests: ${TEST_STATUS[input.test.status]}` : 'Tests'),
    input.test ? testSection(input.test, ctx) : '_The test stage did not run._',
    ctx.heading(0, input.reviews ? `Review: ${VERDICT_TEXT[input.reviews.verdict]}` : 'Review'),
    input.reviews ? reviewSection(input.reviews, ctx, { summaries: false }) : '_The review stage did not run._',
    fix && ctx.heading(0, 'Fix rounds'),
    fix,
    ctx.heading(0, input.docs ? `Documentation: ${DOCS_STATUS[input.docs.status]}` : 'Documentation'),
    input.docs ? docsSection(input.docs, ctx) : '_The docs stage did not run._',
    ctx.heading(0, 'Usage'),
    usage.length > 0 ? usageTable(usage, ctx) : '_No model usage recorded._',
    ctx.heading(0, 'Pipeline'),
    pipelineGraph(pipelineStages(input)),
    `---\n<sub>Generated by ensemble · ${runLink}</sub>`,
  );
  return finish(markdown, options, GITHUB_BODY_LIMIT);
}
