import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AgentOutcome } from '../../agent/loop.ts';
import { submitToolFor } from '../../agent/submit.ts';
import { type ToolContext, toolsFor } from '../../agent/tools/index.ts';
import { repoPathProblem } from '../../contracts/common.ts';
import type { IntegrationResult, TestBody } from '../../contracts/test-report.ts';
import type { FileChange, PatchResult, RecordedTree } from '../../workspace/index.ts';
import { runStageAgent } from '../context.ts';
import { type BaseRun, baseRunOnce, introducedFailures } from './base-run.ts';
import type { TestCommand } from './command.ts';
import { TEST_INSTRUCTIONS, testTask } from './prompts.ts';
import { revertedChange } from './protected-paths.ts';
import { markAtBase } from './runner-output.ts';
import { progress, type TestSession } from './session.ts';
import { changeNow, isFailing, runTests, type TestRun, tidyWorktree } from './test-run.ts';

/** One round of the testing agent. */
export interface RoundRecord {
  /** `test`, `test:round-2`, … */
  agent: string;
  /** Whether the round was a fix attempt (else it only added tests). */
  fixing: boolean;
  outcome: AgentOutcome<TestBody>;
  tools: ToolContext;
}

/** The change as tested: the last run, the agent's rounds, and what the summary must add. */
export interface Tested {
  /** The last run of the test command; null when it never ran. */
  current: TestRun | null;
  rounds: RoundRecord[];
  fixAttempts: number;
  /** The run at the base, when a failure made the stage run it. */
  base: BaseRun | null;
  /** For the summary: reverted protected paths, why the rounds stopped. */
  notes: string[];
  /**
   * The change as recorded last, with its tree: what the worktree holds once tidied (`tidyWorktree`
   * undoes what a test run wrote); null when none was recorded.
   */
  recorded: (PatchResult & RecordedTree) | null;
}

export interface TestAndFixInput {
  /** null when no command is configured or detected: nothing runs. */
  command: TestCommand | null;
  /** Why the setup commands failed; nothing runs then. */
  setupProblem: string | null;
  integration: readonly IntegrationResult[];
  /** The integrated change as recorded with the worktree's tree, when nothing wrote it since. */
  recorded: (PatchResult & RecordedTree) | null;
}

const EMPTY_CHANGE = 'The integrated change is empty, so the testing agent was not run.';
const ALL_AT_BASE = 'Every remaining failure also fails at the base, so no further fix round was made.';

/**
 * Runs the test command on the integrated change, then the testing agent's rounds: each adds
 * tests, and fixes the failures the change introduced while fix attempts remain; the tests run
 * again after every round. No round runs when the command cannot start or the change is empty.
 */
export async function testAndFix(session: TestSession, input: TestAndFixInput): Promise<Tested> {
  const untested: Tested = {
    current: null,
    rounds: [],
    fixAttempts: 0,
    base: null,
    notes: [],
    recorded: input.recorded,
  };
  const { command } = input;
  if (command === null) {
    session.ctx.reporter.info('test: no test command configured or detected; the report says no-tests');
    return untested;
  }
  if (input.setupProblem !== null) return untested;
  progress(session, `running \`${command.command}\``);
  const first = await runTests(session, {
    dir: session.dir,
    command: command.command,
    restoreAfter: true,
    recorded: input.recorded ?? undefined,
  });
  if (first.notRunnable) {
    session.ctx.reporter.warn(`test: ${first.problem}`);
    return { ...untested, current: first };
  }
  // Recorded before the run (`indexForRun`), or now, with the run's writes undone first.
  const recorded = input.recorded ?? (await changeNow(session));
  if (recorded.patch.trim() === '') return { ...untested, current: first, recorded, notes: [EMPTY_CHANGE] };
  return runRounds({ session, command, integration: input.integration }, first, recorded);
}

/** What every round works with. */
export interface RoundsInput {
  session: TestSession;
  command: TestCommand;
  integration: readonly IntegrationResult[];
}

interface RoundsState extends Tested {
  current: TestRun;
  recorded: PatchResult & RecordedTree;
}

/** What comes after a run: another round (a fix attempt, or only adding tests), or the end. */
type Next = { kind: 'round'; attempt: number | null } | { kind: 'stop'; note: string | null };

const ADD_TESTS: Next = { kind: 'round', attempt: null };
const STOP: Next = { kind: 'stop', note: null };

interface Decision {
  state: RoundsState;
  next: Next;
}

/**
 * The fix loop after the run `first`: a first round always (it adds tests), then one more round
 * per fix attempt while the last run has failures the change introduced and `max-fix-attempts`
 * allows; it ends early when the agent stops before submitting.
 */
export async function runRounds(
  input: RoundsInput,
  first: TestRun,
  recorded: PatchResult & RecordedTree,
): Promise<Tested> {
  const { session } = input;
  const start: RoundsState = { current: first, rounds: [], fixAttempts: 0, base: null, notes: [], recorded };
  let decision = await decideNext(session, start);
  while (decision.next.kind === 'round') {
    const state = await playRound(input, decision.state, decision.next.attempt);
    decision = await decideNext(session, state);
  }
  const { state, next } = decision;
  return next.kind === 'stop' && next.note !== null ? { ...state, notes: [...state.notes, next.note] } : state;
}

/** Whether another round follows the last run. The first time a run fails, the base is run to compare. */
async function decideNext(session: TestSession, state: RoundsState): Promise<Decision> {
  const { current } = state;
  const last = state.rounds.at(-1);
  if (last && last.outcome.status !== 'submitted') return { state, next: { kind: 'stop', note: stoppedNote(last) } };
  if (!isFailing(current)) return { state, next: last ? STOP : ADD_TESTS };
  const base = await baseRunOnce(session, current.command, state.base);
  const compared = { ...state, base };
  const introduced = introducedFailures(current, base);
  if (introduced.length > 0 && state.fixAttempts < session.maxFixAttempts) {
    return { state: compared, next: { kind: 'round', attempt: state.fixAttempts + 1 } };
  }
  if (!last) return { state: compared, next: ADD_TESTS };
  return { state: compared, next: { kind: 'stop', note: introduced.length === 0 ? ALL_AT_BASE : null } };
}

/** One round: the agent's turn, the revert of protected paths it changed, and the tests again. */
async function playRound(input: RoundsInput, state: RoundsState, attempt: number | null): Promise<RoundsState> {
  const { session, command } = input;
  const record = await agentRound(input, state, attempt);
  const { notes: reverted, change: recorded } = await revertedChange(session, `the testing agent (${record.agent})`);
  progress(session, `running \`${command.command}\` after ${record.agent}`);
  const current = await runTests(session, {
    dir: session.dir,
    command: command.command,
    restoreAfter: true,
    recorded,
  });
  return {
    current,
    rounds: [...state.rounds, record],
    fixAttempts: attempt ?? state.fixAttempts,
    base: state.base,
    notes: [...state.notes, ...reverted],
    recorded,
  };
}

async function agentRound(input: RoundsInput, state: RoundsState, attempt: number | null): Promise<RoundRecord> {
  const { session } = input;
  const { current } = state;
  const round = state.rounds.length + 1;
  const agent = round === 1 ? 'test' : `test:round-${round}`;
  const fixing = attempt !== null;
  // decideNext ran the base whenever the run failed, so a run with failures has it.
  const marks = markAtBase(current.failures, state.base?.run ?? null, current.command);
  const { patch } = state.recorded;
  const task = testTask({
    plan: session.plan,
    integration: input.integration,
    command: input.command,
    current,
    marks,
    patch,
    round,
    attempt,
    maxFixAttempts: session.maxFixAttempts,
    previous: state.rounds.at(-1)?.outcome.result?.summary ?? null,
  });
  progress(session, `${agent}: ${fixing ? 'fixing failures and adding tests' : 'adding tests'}`);
  await tidyWorktree(session);
  const { dir } = session;
  const { outcome, tools } = await runStageAgent(session.ctx, {
    stage: 'test',
    agent,
    instructions: TEST_INSTRUCTIONS,
    task,
    shared: { request: session.plan.request, plan: session.plan },
    tools: toolsFor('test'),
    submit: submitToolFor('test', (value) => missingTests(dir, value.testsAdded)),
    workspace: dir,
  });
  return { agent, fixing, outcome, tools };
}

/** Problems of a submission for the agent to fix: reported tests that are not files in the workspace. */
function missingTests(dir: string, testsAdded: readonly string[]): string[] {
  const missing = testsAdded.filter((p) => repoPathProblem(p) !== null || !existsSync(path.join(dir, p)));
  return missing.map((p) => `testsAdded: ${p} is not a file in the workspace`);
}

function stoppedNote(round: RoundRecord): string {
  const why = round.outcome.stop?.message ?? 'no reason given';
  return `The testing agent (${round.agent}) stopped before submitting: ${why}.`;
}

/**
 * What the rounds added as tests: the paths the agent reported, else the test-like files it wrote;
 * either kept only when the final change adds or changes them.
 */
export function testsAddedFrom(rounds: readonly RoundRecord[], changes: readonly FileChange[]): string[] {
  const changed = new Set(changes.filter((c) => c.kind !== 'deleted').map((c) => c.path));
  const reported = rounds.flatMap((r) => r.outcome.result?.testsAdded ?? []);
  const written = () => rounds.flatMap((r) => [...r.tools.filesWritten].filter((p) => looksLikeTestPath(p)));
  const candidates = reported.length > 0 ? reported : written();
  return [...new Set(candidates)].filter((p) => changed.has(p));
}

const TEST_DIRECTORY = /(?:^|\/)(?:tests?|__tests__|spec)\//;
const TEST_FILE = /(?:^|[/._-])(?:test|spec)s?[._-][^/]*$|[._-](?:test|spec)\.[^/]+$|_test\.go$/;

/** Whether a path looks like a test file of a common layout (`test/`, `*.test.ts`, `test_*.py`, `*_test.go`). */
export function looksLikeTestPath(p: string): boolean {
  return TEST_DIRECTORY.test(p) || TEST_FILE.test(p);
}
