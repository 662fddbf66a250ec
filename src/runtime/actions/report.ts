/**
 * What a stage's job tells GitHub once the stage ran: its outputs, its step summary and, when it
 * did not do what it promises, the step's failure. The stage actions and the all-in-one job report
 * through the same function, so a stage reads the same on GitHub however it was scheduled.
 */
import { ARTIFACTS } from '../../artifacts/names.ts';
import type { RunDirectory } from '../../artifacts/run-directory.ts';
import type { EnsembleConfig } from '../../contracts/config.ts';
import type { AgentStage } from '../../contracts/stages.ts';
import { fixLoopOf } from '../../pipeline/fix-loop.ts';
import { type StageOutcome, stateOfRound } from '../../pipeline/run-stage.ts';
import {
  renderDocsMarkdown,
  renderFixMarkdown,
  renderPlanMarkdown,
  renderReviewMarkdown,
  renderTaskMarkdown,
  renderTestMarkdown,
  renderUsageTable,
  renderWaitingGate,
  usageRows,
} from '../../render/index.ts';
import { combineReviews } from '../../review/index.ts';
import { parseUnifiedDiff } from '../../workspace/index.ts';
import type { ActionsCore } from './environment.ts';

export interface StageReport {
  stage: AgentStage;
  outcomes: readonly StageOutcome[];
  config: EnsembleConfig;
  runDir: RunDirectory;
}

type Core = Pick<ActionsCore, 'setOutput' | 'setFailed' | 'info' | 'summary'>;

/** Sets the stage's outputs, writes its step summary and fails the step when the stage failed. */
export async function reportStage(core: Core, report: StageReport): Promise<void> {
  // A review or docs stage with nothing to do made no document; a skipped task or an integration
  // without tests did, and is reported like any other.
  const nothingMade = report.outcomes.every((o) => o.status === 'skipped' && o.artifacts.length === 0);
  const rendered = report.outcomes.length > 0 && nothingMade ? skippedReport(report) : REPORTERS[report.stage](report);
  const { outputs, markdown, failure } = rendered;
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
  core.summary.addRaw(markdown, true);
  await core.summary.write();
  if (failure) core.setFailed(failure);
}

interface Rendered {
  outputs: Record<string, string>;
  markdown: string;
  /** Why the step fails; null when it succeeds. */
  failure: string | null;
}

const OUTPUT_OF: Record<AgentStage, string> = {
  plan: 'matrix',
  code: 'status',
  test: 'status',
  review: 'verdict',
  docs: 'status',
  fix: 'rounds',
};

/** A stage that by rule had nothing to do (switched off, an empty change): an empty output, no artifact. */
function skippedReport(report: StageReport): Rendered {
  const reason = report.outcomes.map((o) => o.summary).join('; ');
  return { outputs: { [OUTPUT_OF[report.stage]]: '' }, markdown: `Skipped: ${reason}.`, failure: null };
}

const REPORTERS: Record<AgentStage, (report: StageReport) => Rendered> = {
  fix: fixReport,
  plan: (report): Rendered => {
    const { plan, checkpoint } = report.outcomes[0]?.documents ?? {};
    // A run that waits for a person: what it waits for and how to continue, as the tracking comment says.
    if (checkpoint) {
      const label = checkpoint.waitingFor === 'answers' ? report.config.gates['needs-info-label'] : null;
      return {
        outputs: {},
        markdown: [
          renderWaitingGate(checkpoint, { label }),
          renderUsageTable([{ stage: 'plan', usage: checkpoint.usage }]),
        ].join('\n'),
        failure: null,
      };
    }
    if (!plan) return { outputs: {}, markdown: 'No plan was made.', failure: 'the plan stage made no plan' };
    return {
      outputs: {},
      markdown: `${renderPlanMarkdown(plan)}\n${renderUsageTable([{ stage: 'plan', usage: plan.usage }])}`,
      failure: null,
    };
  },
  code: (report): Rendered => {
    const tasks = report.outcomes.flatMap((o) => (o.documents.task ? [o.documents.task] : []));
    const failed = tasks.filter((t) => t.status === 'failed');
    const usage = renderUsageTable(tasks.map((task) => ({ stage: `code · ${task.taskId}`, usage: task.usage })));
    return {
      outputs: { status: codeStatus(tasks.map((t) => t.status)) },
      markdown: `${tasks.map((task) => renderTaskMarkdown(task)).join('\n')}\n${usage}`,
      failure:
        failed.length > 0
          ? failed.map((t) => `task ${t.taskId} failed: ${t.stopReason ?? t.summary}`).join('\n')
          : null,
    };
  },
  test: (report): Rendered => {
    const test = report.outcomes[0]?.documents.test;
    if (!test)
      return { outputs: { status: '' }, markdown: 'The test stage made no report.', failure: 'no test report' };
    return {
      outputs: {
        status: test.status,
        passed: test.passed === null ? '' : String(test.passed),
        failed: test.failed === null ? '' : String(test.failed),
      },
      markdown: `${renderTestMarkdown(test)}\n${renderUsageTable([{ stage: 'test', usage: test.usage }])}`,
      failure: test.status === 'error' ? `the tests could not run: ${firstLine(test.summary)}` : null,
    };
  },
  review: (report): Rendered => {
    const reviews = report.outcomes.flatMap((o) => o.documents.reviews ?? []);
    // A re-review's findings are placed on its own round's change.
    const round = report.outcomes[0]?.round ?? 0;
    const change = stateOfRound(report.runDir, round).readText(ARTIFACTS.test, 'change.patch') ?? '';
    const outcome = combineReviews(reviews, parseUnifiedDiff(change), report.config.review['block-on']);
    const usage = renderUsageTable(reviews.map((r) => ({ stage: `review · ${r.lens}`, usage: r.usage })));
    const failed = report.outcomes.filter((o) => o.status === 'failed');
    return {
      outputs: { verdict: reviews.length === 1 ? (reviews[0]?.verdict ?? '') : outcome.verdict },
      markdown: `${renderReviewMarkdown(outcome)}\n${usage}`,
      failure: failed.length > 0 ? `the review did not complete: ${failed.map((o) => o.summary).join('; ')}` : null,
    };
  },
  docs: (report): Rendered => {
    const docs = report.outcomes[0]?.documents.docs;
    if (!docs)
      return { outputs: { status: '' }, markdown: 'The docs stage made no report.', failure: 'no docs report' };
    return {
      outputs: { status: docs.status },
      markdown: `${renderDocsMarkdown(docs)}\n${renderUsageTable([{ stage: 'docs', usage: docs.usage }])}`,
      failure: docs.status === 'failed' ? `the docs stage failed: ${firstLine(docs.summary)}` : null,
    };
  },
};

/** The fix job: the loop as the run directory tells it, and its failure when a round could not be completed. */
function fixReport(report: StageReport): Rendered {
  const loop = fixLoopOf(report.runDir, report.config);
  const failed = loop.rounds.filter((r) => r.document.status === 'failed');
  const usage = renderUsageTable(usageRows({ rounds: loop.rounds }));
  const { blocking } = loop;
  return {
    outputs: { rounds: String(loop.rounds.length), blocking: String(blocking), stopped: loop.stopped ?? '' },
    markdown: `${renderFixMarkdown(loop)}\n${usage}`,
    failure:
      failed.length > 0
        ? failed
            .map((r) => `fix round ${r.document.round} failed: ${r.document.stopReason ?? r.document.summary}`)
            .join('\n')
        : null,
  };
}

function codeStatus(statuses: readonly string[]): string {
  if (statuses.includes('failed')) return 'failed';
  if (statuses.includes('done')) return 'done';
  return 'no-change';
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}
