import type { IntegrationResult, TestFailure } from '../../contracts/test-report.ts';
import { clip } from '../../util/text.ts';
import type { TestCommand } from './command.ts';
import type { RoundRecord } from './rounds.ts';
import { countsText, type TestRun } from './test-run.ts';

/** The contract's limit on a summary. */
const SUMMARY_CHARS = 20_000;
/** Longest reason quoted for a skipped task. */
const SKIP_REASON_CHARS = 200;

/**
 * What to do when the test command could not start (a program not found): only keys that can
 * help. Tests run without network, so a program the command starts (`mocha: not found`) must come
 * from the setup (`setup`, which runs with network); `test-command` helps only when the command's
 * own program is the one missing.
 */
export function notRunnableHint(command: TestCommand, output: string): string {
  const missing = /(?:^|\s)([^\s:]+): (?:command )?not found/m.exec(output)?.[1] ?? null;
  const program = command.command.trim().split(/\s+/)[0];
  const why = '(setup runs with network, before the tests; the tests run without)';
  if (missing !== null && missing === program) {
    const verb = command.configured ? 'Fix' : 'Set';
    return (
      ` ${verb} \`test-command\` in .github/ensemble.yml to the command that runs the tests, or set \`setup\` ` +
      `to commands that install \`${program}\` ${why}.`
    );
  }
  return ` Set \`setup\` in .github/ensemble.yml to commands that install what it needs ${why}.`;
}

/** Everything the summary of the test stage tells. */
export interface SummaryFacts {
  /** Why the setup commands failed, if they did. */
  setupProblem: string | null;
  command: TestCommand | null;
  /** The last run of the test command, if any. */
  current: TestRun | null;
  failures: readonly TestFailure[];
  integration: readonly IntegrationResult[];
  rounds: readonly RoundRecord[];
  fixAttempts: number;
  maxFixAttempts: number;
  testsAdded: readonly string[];
  /** Facts beyond the agent's own, in the order they happened (reverts, stops). */
  notes: readonly string[];
}

/**
 * The test report's summary: the agent's own summaries first, then what was integrated, how the
 * test command ran and what fails, the rounds, and the stage's notes; at most SUMMARY_CHARS.
 */
export function testSummary(facts: SummaryFacts): string {
  const parts = [
    ...agentSummaries(facts.rounds),
    integrationSentence(facts.integration),
    ...runSentences(facts),
    roundsSentence(facts),
    ...facts.notes,
  ];
  return clip(parts.filter((p) => p.trim() !== '').join('\n\n'), SUMMARY_CHARS);
}

function agentSummaries(rounds: readonly RoundRecord[]): string[] {
  const summaries = rounds.flatMap((r) => (r.outcome.result ? [r.outcome.result.summary.trim()] : []));
  if (summaries.length === 1) return summaries;
  return summaries.map((s, i) => `Round ${i + 1}: ${s}`);
}

/** `Integration: applied a, b; resolved conflicts of c; could not integrate d (…); skipped e (…).` */
export function integrationSentence(results: readonly IntegrationResult[]): string {
  if (results.length === 0) return 'There were no task patches to integrate.';
  const group = (kind: IntegrationResult['result']) => results.filter((r) => r.result === kind);
  const parts: string[] = [];
  const applied = group('applied');
  if (applied.length) parts.push(`applied ${applied.map((r) => r.taskId).join(', ')}`);
  const resolved = group('resolved');
  if (resolved.length) parts.push(`resolved conflicts of ${resolved.map((r) => r.taskId).join(', ')}`);
  const conflicted = group('conflicted');
  if (conflicted.length) {
    const where = conflicted.map((r) => `${r.taskId} (conflicts in ${r.conflictingFiles.join(', ')})`);
    parts.push(`could not integrate ${where.join(', ')}`);
  }
  const skipped = group('skipped');
  if (skipped.length) {
    const why = skipped.map((r) => `${r.taskId} (${clip(r.detail, SKIP_REASON_CHARS)})`);
    parts.push(`skipped ${why.join(', ')}`);
  }
  return `Integration: ${parts.join('; ')}.`;
}

/** How the test command ran and what fails; why nothing ran when nothing did. */
function runSentences({ setupProblem, command, current, failures }: SummaryFacts): string[] {
  if (setupProblem) return [setupProblem];
  if (command === null) {
    return [
      'No tests were run: no `test-command` is configured and none was detected ' +
        '(package.json `test` script, pytest, go.mod, Cargo.toml, a Makefile `test` target). ' +
        'Set `test-command` in .github/ensemble.yml.',
    ];
  }
  if (!current) return [];
  const ran = `\`${command.command}\` (from ${command.source}) ${verb(current.status)}`;
  const exit = current.exitCode !== null ? `, exit code ${current.exitCode}` : '';
  const counts = countsText(current.parsed);
  const problem = current.problem ? ` ${capitalise(current.problem)}.` : '';
  const hint = current.notRunnable ? notRunnableHint(command, current.output) : '';
  const line = `${ran}${exit}${counts ? `: ${counts}` : ''}.${problem}${hint}`;
  return failures.length > 0 ? [line, failingSentence(failures)] : [line];
}

/** `Failing: 3 (1 introduced by the change, 2 also failing at the base).` */
function failingSentence(failures: readonly TestFailure[]): string {
  const introduced = failures.filter((f) => f.atBase === false).length;
  const atBase = failures.filter((f) => f.atBase === true).length;
  const unknown = failures.length - introduced - atBase;
  const bits = [
    introduced > 0 && `${introduced} introduced by the change`,
    atBase > 0 && `${atBase} also failing at the base`,
    unknown > 0 && `${unknown} not compared with the base`,
  ].filter(Boolean);
  return `Failing: ${failures.length} (${bits.join(', ')}).`;
}

function roundsSentence({ rounds, fixAttempts, maxFixAttempts, testsAdded }: SummaryFacts): string {
  if (rounds.length === 0) return '';
  const added = testsAdded.length > 0 ? `; tests added: ${testsAdded.join(', ')}` : '';
  return `Testing agent rounds: ${rounds.length}; fix attempts: ${fixAttempts} of ${maxFixAttempts}${added}.`;
}

function verb(status: TestRun['status']): string {
  return { passed: 'passed', failed: 'failed', 'no-tests': 'ran no tests', error: 'could not complete' }[status];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
