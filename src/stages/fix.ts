/**
 * The fix stage: one round of the review → fix loop. A fixing agent works on the integrated
 * change as it stands (the base SHA with the last `change.patch` applied), given the findings to
 * address, the plan and the test report, and its change on top of that is the round's `fix.patch`.
 * The test stage then tests the change with the fix and the review stage looks again
 * (`src/pipeline/schedule.ts` runs the rounds).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { untrustedBlock } from '../agent/prompt.ts';
import { requireSandbox } from '../agent/sandbox.ts';
import { submitToolFor } from '../agent/submit.ts';
import { toolsFor } from '../agent/tools/index.ts';
import { noModelUsage, type RunIdentity } from '../contracts/common.ts';
import type { FixDocument, FixFinding } from '../contracts/fix.ts';
import type { PlanDocument } from '../contracts/plan.ts';
import type { TestDocument } from '../contracts/test-report.ts';
import type { LensFinding } from '../review/index.ts';
import { diffAgainstBase, removeWorktree } from '../workspace/index.ts';
import { runStageAgent, type StageContext } from './context.ts';
import { integratedWorktree } from './integrated-worktree.ts';
import { findingsBlock, testReportBlock } from './prompt-parts.ts';
import { provisionWorktree } from './setup.ts';
import { workOutcome } from './work-outcome.ts';

const INSTRUCTIONS = `You are the fixing agent of ensemble, a pipeline of AI coding agents.
Coding agents implemented the tasks of a plan, a testing agent integrated and tested their work, and review agents reviewed it. Your workspace is the repository with that change applied. You fix what the review found, so that the change can be published.

How to work:
- Address each finding you are given: read the code it is about, decide whether it is right, and fix it with the smallest change that does. A finding you judge wrong, or that cannot be fixed within this change, you leave, and say why in your summary.
- Keep everything else of the change as it is: do not rewrite, reformat or undo work the findings do not concern, and do not start on work nobody asked for.
- Edit with edit_file (one exact, unique occurrence) or write_file (whole files). Run the relevant tests and checks with run_command; commands run without network access and without credentials.
- Add or update a test when a finding is about behaviour.
- Finish with submit_fix: status done (you fixed what you could), no-change (nothing needed changing, say why) or failed (say what blocked you); a summary that goes through the findings by id, saying for each what you changed or why you did not; a commit message (an imperative subject line of at most 72 characters, then a blank line and details if useful). Your file changes are collected from the workspace; you do not commit.`;

export interface FixInput {
  plan: PlanDocument;
  round: number;
  /** The test report of the change as it stands; null when the test stage did not run. */
  test: TestDocument | null;
  /** The integrated change as it stands, against the base SHA. */
  change: string;
  /** The findings to address: the blocking ones of the last review, and a person's. */
  findings: readonly LensFinding[];
  /** A person's instructions for this round (`ensemble fix --instructions`); untrusted. */
  instructions: string | null;
}

export interface FixResult {
  document: FixDocument;
  /** The round's change on top of `FixInput.change`. */
  patch: string;
}

/** The agent of fix round `round`: its transcript is `ensemble-fix-<round>`'s. */
export function fixAgent(round: number): string {
  return `fix:${round}`;
}

function fixTask(input: FixInput): string {
  return [
    `Fix round ${input.round}: address the findings below in the change.`,
    `## Findings to address\n${findingsBlock(input.findings)}`,
    input.instructions ? `## Instructions from a person\n${untrustedBlock('instructions', input.instructions)}` : '',
    'What the change is meant to do (the request and the plan) and the change as it stands are above.',
    `## Test report of the change as it stands\n${testReportBlock(input.test)}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** The findings as the fix document records them. */
export function fixFindings(findings: readonly LensFinding[]): FixFinding[] {
  return findings.map(({ source, finding }) => ({
    id: finding.id,
    source,
    severity: finding.severity,
    path: finding.path,
    line: finding.line,
    title: finding.title,
  }));
}

/**
 * Runs the fixing agent of one round in a worktree with the change applied, after the setup
 * commands, and turns what the worktree holds at the end into the round's patch, whether the agent
 * finished or not: a failed round keeps its partial work in fix.patch. The worktree is removed
 * afterwards, always.
 */
export async function runFixStage(ctx: StageContext, input: FixInput): Promise<FixResult> {
  await requireSandbox(ctx.commands.isolation);
  const agent = fixAgent(input.round);
  const { worktree, tree: startTree } = await integratedWorktree(
    ctx,
    'fix',
    input.change,
    `ensemble-fix-${input.round}-`,
  );
  // One HOME for the agent's commands, with what the setup left in its own.
  const home = await mkdtemp(join(tmpdir(), `ensemble-home-fix-${input.round}-`));
  try {
    // The run's installed dependencies, copied in (installed once per run, not per round).
    const setupProblem = await provisionWorktree(ctx, worktree.dir, home, (detail) =>
      ctx.reporter.event({ stage: 'fix', agent, status: 'progress', detail }),
    );
    if (setupProblem !== null) {
      return {
        document: fixNotRun(ctx.run, input, 'setup failed', `The agent did not start. ${setupProblem}`),
        patch: '',
      };
    }
    const { outcome, tools } = await runStageAgent(ctx, {
      stage: 'fix',
      agent,
      instructions: INSTRUCTIONS,
      task: fixTask(input),
      shared: { request: input.plan.request, plan: input.plan, changePatch: input.change },
      tools: toolsFor('fix'),
      submit: submitToolFor('fix'),
      workspace: worktree.dir,
      commands: { scratchDir: home },
    });
    const diff = await diffAgainstBase(worktree.dir, startTree);
    const work = workOutcome(outcome, diff, {
      protectedPaths: ctx.config['protected-paths'],
      what: 'fix',
      patchFile: 'fix.patch',
      fallbackMessage: `Address review findings (round ${input.round})`,
    });
    const document: FixDocument = {
      schema: 'ensemble.fix/v1',
      run: ctx.run,
      usage: ctx.ledger.toUsage('fix', agent),
      round: input.round,
      ...work,
      findings: fixFindings(input.findings),
      instructions: input.instructions,
      commands: tools.commands,
    };
    // A failed round's partial work stays in fix.patch for a person; the loop hands on only a done round's.
    return { document, patch: diff.patch };
  } finally {
    await removeWorktree(worktree).catch((error: Error) =>
      ctx.reporter.warn(`could not remove the worktree ${worktree.dir}: ${error.message}`),
    );
    await rm(home, { recursive: true, force: true }).catch(() => {});
  }
}

/** The document of a round whose agent did not run or did not finish (setup, an error, a stopped job). */
export function fixNotRun(
  run: RunIdentity,
  input: Pick<FixInput, 'round' | 'findings' | 'instructions'>,
  reason: string,
  summary = `The fix round did not run (${reason}).`,
): FixDocument {
  return {
    schema: 'ensemble.fix/v1',
    run,
    usage: noModelUsage(),
    round: input.round,
    status: 'failed',
    summary,
    commitMessage: `Address review findings (round ${input.round})`,
    findings: fixFindings(input.findings),
    instructions: input.instructions,
    filesChanged: [],
    commands: [],
    stopReason: reason,
  };
}
