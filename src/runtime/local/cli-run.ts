import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ARTIFACTS } from '../../artifacts/names.ts';
import { RunDirectory } from '../../artifacts/run-directory.ts';
import type { RunResult } from '../../contracts/run-result.ts';
import type { StageName } from '../../contracts/stages.ts';
import { fixLoopOf } from '../../pipeline/fix-loop.ts';
import { requestFromIssueFile, requestFromPrompt } from '../../pipeline/request.ts';
import { readPlan } from '../../pipeline/run-stage.ts';
import { loadRunConfig, repositoryRoot } from '../../pipeline/session.ts';
import { runStageJob, type StageJobUnit } from '../../pipeline/stage-job.ts';
import { isStageName, PIPELINE_STAGES } from '../../pipeline/stages.ts';
import { fixLoopDetail } from '../../review/index.ts';
import type { Reporter } from '../../stages/context.ts';
import { clip } from '../../util/text.ts';
import { removeLiveWorktrees } from '../../workspace/index.ts';
import { type AnswersFile, readAnswersFile } from './answers-file.ts';
import { type CliIo, UsageError, type Values } from './cli-io.ts';
import { EXIT_CODE } from './exit-codes.ts';
import { runLocalPipeline } from './pipeline.ts';
import { publishRunDirectory } from './publish.ts';
import { plainReporter, terminalReporter } from './reporter.ts';
import { lineTerminal, printable } from './terminal.ts';

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

function parseStages(text: string | undefined): StageName[] | undefined {
  if (text === undefined) return undefined;
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !isStageName(n));
  if (unknown.length > 0 || names.length === 0) {
    throw new UsageError(
      `--stages: unknown stage ${unknown.map((u) => `"${u}"`).join(', ') || '(none given)'}; ` +
        `choose from ${PIPELINE_STAGES.join(', ')}`,
    );
  }
  return names as StageName[];
}

function parseMaxParallel(text: string | undefined): number {
  if (text === undefined) return 4;
  if (!/^[1-9][0-9]?$/.test(text))
    throw new UsageError(`--max-parallel: expected a whole number from 1 to 99, got "${text}"`);
  return Number(text);
}

interface Progress {
  reporter: Reporter;
  stop(): void;
  /** Holds the live display while a person is asked something. */
  pause(): void;
  resume(): void;
}

/** Progress goes to stderr, live on a terminal and as plain lines otherwise; stdout keeps the summary. */
function reporterFor(io: CliIo, json: boolean): Progress {
  const { stderr } = io;
  if (!json && stderr.isTTY) {
    const live = terminalReporter(stderr);
    return { reporter: live, stop: () => live.stop(), pause: () => live.pause(), resume: () => live.resume() };
  }
  return { reporter: plainReporter(stderr), stop: () => {}, pause: () => {}, resume: () => {} };
}

/** `--answers FILE`, read and checked before the run starts; null without the option. */
function answersOption(values: Values, io: CliIo): AnswersFile | null {
  if (values['answers'] === undefined) return null;
  const file = str(values['answers']) ?? '';
  if (file.trim() === '') throw new UsageError('--answers: give the file with the answers (--answers FILE)');
  return readAnswersFile(resolve(io.cwd, file), file);
}

/**
 * Whether a person can be asked at this terminal: stdin and stdout are terminals and the output
 * is not `--json` (a script reads it). Checked in this order, so that a `--json` run or one whose
 * output goes to a pipe never opens stdin.
 */
function isInteractive(io: CliIo, json: boolean): boolean {
  return !json && io.stdout.isTTY === true && io.stdin?.isTTY === true;
}

const money = (usd: number | null) => (usd === null ? '—' : `$${usd.toFixed(4)}`);

/** The run as a person reads it: where things are, the stage table, each task, the tests, the review, the verdict. */
export function formatSummary(result: RunResult): string {
  const lines = [`run directory: ${result.runDir}`];
  lines.push(
    result.branch ? `branch:        ${result.branch}` : `branch:        none (${result.error ?? 'not asked for'})`,
  );
  if (result.prFile) lines.push(`PR body:       ${result.prFile}`);
  if (result.reviewFile) lines.push(`review:        ${result.reviewFile}`);
  lines.push(
    '',
    `${'stage'.padEnd(10)} ${'result'.padEnd(9)} ${'time'.padStart(8)} ${'tokens'.padStart(10)} ${'cost'.padStart(10)}  detail`,
  );
  for (const row of result.stages) {
    const time = `${(row.durationMs / 1000).toFixed(1)} s`;
    lines.push(
      [
        row.stage.padEnd(10),
        // What the stage came to (tests failed, a blocking review), not only that it ran.
        row.result.padEnd(9),
        time.padStart(8),
        String(row.tokens).padStart(10),
        money(row.costUsd).padStart(10),
        ` ${clip(row.detail.replace(/\s+/g, ' '), 100)}`,
      ].join(' '),
    );
  }
  if (result.tasks.length > 0) {
    const width = Math.max(...result.tasks.map((t) => t.id.length));
    lines.push('', 'tasks:');
    for (const task of result.tasks) {
      lines.push(`  ${task.id.padEnd(width)}  ${task.result.padEnd(14)}  ${clip(task.detail, 100)}`);
    }
  }
  lines.push('', `setup:   ${setupLine(result.setup)}`);
  lines.push(
    `tests:   ${result.test.status === 'not-run' ? `not run: ${result.test.detail}` : result.test.detail}`,
    `review:  ${result.review.detail}`,
    `docs:    ${result.docs.detail}`,
  );
  if (result.fix.rounds.length > 0) {
    const rounds = result.fix.rounds.map((r) => `round ${r.round} ${r.taken ? 'taken' : 'not taken'} (${r.detail})`);
    lines.push(`fix:     ${rounds.join('; ')}; stopped: ${result.fix.stopped ?? 'no round was needed'}`);
  }
  lines.push(...gateLines(result));
  if (result.waiting) lines.push(...waitingLines(result.waiting));
  else if (result.problems.length > 0) lines.push('', 'not green:', ...result.problems.map((p) => `  - ${p}`));
  lines.push('', result.verdict);
  return `${lines.join('\n')}\n`;
}

/** The rounds of questions (who answered which, what stayed open), the revisions and the approval. */
function gateLines(result: RunResult): string[] {
  const { gate } = result;
  const lines = gate.rounds.map((round, i) => {
    const answered = round.answered.map((a) => `${a.id} (${a.via === 'file' ? 'answers file' : 'typed'})`);
    const parts = [answered.length > 0 ? `answered ${answered.join(', ')}` : 'no answer'];
    if (round.unanswered.length > 0 && round.answered.length > 0)
      parts.push(`unanswered ${round.unanswered.join(', ')}`);
    if (round.unmatched.length > 0) parts.push(`in the answers file but not asked: ${round.unmatched.join(', ')}`);
    return `  round ${i + 1}: asked ${round.asked.join(', ')}; ${parts.join('; ')}`;
  });
  if (gate.revisions > 0) lines.push(`  plan revised ${gate.revisions === 1 ? 'once' : `${gate.revisions} times`}`);
  if (gate.approval) lines.push(`  plan approved by ${gate.approval.by}${gate.approval.ahead ? ' (--approve)' : ''}`);
  return lines.length > 0 ? ['', 'gates:', ...lines] : [];
}

/** What the run waits for, in full: the questions with why and options, or the plan; and how to go on. */
function waitingLines(waiting: NonNullable<RunResult['waiting']>): string[] {
  const lines = ['', waiting.waitingFor === 'answers' ? 'waiting for answers:' : 'waiting for approval of the plan:'];
  waiting.questions.forEach((q, i) => {
    lines.push(`  ${i + 1}. [${q.id}] ${oneLine(q.question)}`, `     why: ${oneLine(q.why)}`);
    if (q.options.length > 0) lines.push(`     options: ${q.options.map(oneLine).join(' | ')}`);
  });
  if (waiting.plan) {
    lines.push(`  ${clip(oneLine(waiting.plan.summary), 300)}`);
    for (const task of waiting.plan.tasks) lines.push(`  - ${task.id}: ${oneLine(task.title)}`);
  }
  if (waiting.answersFile) lines.push(`  answers file: ${waiting.answersFile}`);
  lines.push(`  checkpoint:   ${waiting.checkpoint}`, `  to continue:  ${waiting.next}`);
  return lines;
}

/** Model-written text on one line, without control characters. */
const oneLine = (text: string) => printable(text).replace(/\s+/g, ' ').trim();

function setupLine(setup: RunResult['setup']): string {
  if (setup.status === 'not-run') return `not run: ${setup.reason}`;
  if (setup.status === 'none') return `nothing to install (${setup.reason})`;
  const commands = setup.commands.map((c) => `\`${clip(c, 80)}\``).join(', ');
  if (setup.status === 'done') return `${commands} (${setup.reason})`;
  const failure = setup.failure;
  const exit = failure?.timedOut ? 'timed out' : `exit ${failure?.exitCode ?? 'killed'}`;
  const lines = (failure?.output ?? '')
    .split('\n')
    .slice(-10)
    .map((l) => `           ${l}`);
  return [`FAILED: \`${failure?.command ?? ''}\` (${exit}; ${setup.reason})`, ...lines].join('\n');
}

/** `ensemble run`: the exit code says the outcome (`exit-codes.ts`); the summary or `--json` says why. */
export async function runCommand(values: Values, io: CliIo): Promise<number> {
  const prompt = str(values['prompt']);
  const issueFile = str(values['issue-file']);
  if ((prompt === undefined) === (issueFile === undefined))
    throw new UsageError('give exactly one of --prompt TEXT and --issue-file FILE');
  const repoDir = resolve(io.cwd, str(values['repo']) ?? '.');
  if (!existsSync(repoDir)) throw new UsageError(`--repo: ${repoDir} does not exist`);
  let request: ReturnType<typeof requestFromPrompt>;
  if (issueFile !== undefined) {
    const file = resolve(io.cwd, issueFile);
    if (!existsSync(file)) throw new UsageError(`--issue-file: ${issueFile} not found`);
    request = requestFromIssueFile(readFileSync(file, 'utf8'), issueFile);
  } else {
    request = requestFromPrompt(prompt as string);
  }
  const json = values['json'] === true;
  const answers = answersOption(values, io);
  const progress = reporterFor(io, json);
  const { reporter, stop } = progress;
  const terminal =
    isInteractive(io, json) && io.stdin
      ? lineTerminal(io.stdin, io.stdout, { pause: progress.pause, resume: progress.resume })
      : null;
  // Ctrl-C (or a kill) would end the process before any `finally` removes the agents' worktrees
  // from the user's repository: they are removed here, and the user is told what is kept.
  let runDir: string | null = null;
  const onInterrupt = async (signal: NodeJS.Signals) => {
    stop();
    const removed = await removeLiveWorktrees();
    io.stderr.write(interruptedMessage(signal, runDir, removed.length));
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onInterrupt);
  let result: RunResult;
  try {
    result = await runLocalPipeline({
      started: (dir) => {
        runDir = dir;
      },
      repoDir,
      request,
      model: str(values['model']) ?? null,
      baseUrl: str(values['base-url']) ?? null,
      apiKey: str(values['api-key']) ?? null,
      // Relative to where the user stands, as `ensemble validate --config` reads it.
      configFile: values['config'] ? resolve(io.cwd, str(values['config']) as string) : null,
      maxParallel: parseMaxParallel(str(values['max-parallel'])),
      ...(values['stages'] !== undefined ? { stages: parseStages(str(values['stages'])) } : {}),
      reporter,
      env: io.env,
      answers,
      approve: values['approve'] === true,
      terminal,
    });
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
    terminal?.close();
    stop();
  }
  io.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : formatSummary(result));
  return result.exitCode;
}

/** What an interrupted `ensemble run` says: what it cleaned up, what it kept, how to go on. */
export function interruptedMessage(signal: string, runDir: string | null, worktreesRemoved: number): string {
  const removed = worktreesRemoved === 1 ? '1 worktree' : `${worktreesRemoved} worktrees`;
  const lines = [
    ``,
    `ensemble: interrupted (${signal}): removed the ${removed} the run had made; nothing was published.`,
  ];
  if (runDir === null) return `${lines.join('\n')}\n`;
  lines.push(`The run directory is kept, with every artifact made so far: ${runDir}`);
  const next = firstStageToRun(runDir);
  lines.push(
    next === null
      ? 'Start again with ensemble run: the run had not planned yet.'
      : `Continue with: ensemble stage ${next} --run ${runDir}, then each later stage, ` +
          `and ensemble stage publish --run ${runDir} to make the branch.`,
  );
  return `${lines.join('\n')}\n`;
}

/** The first stage whose documents the run directory lacks (`code --task <id>` for a task); null before a plan. */
function firstStageToRun(dir: string): string | null {
  let runDir: RunDirectory;
  try {
    runDir = RunDirectory.open(dir);
  } catch {
    return null;
  }
  if (!runDir.hasArtifact(ARTIFACTS.plan, 'plan.json')) return null;
  const plan = readPlan(runDir);
  const task = plan.tasks.find((t) => !runDir.hasArtifact(ARTIFACTS.code(t.id), 'task.json'));
  if (task) return `code --task ${task.id}`;
  if (!runDir.hasArtifact(ARTIFACTS.test, 'test.json')) return 'test';
  return 'review';
}

/** `ensemble stage <name> --run DIR`: one stage again, from the run directory's artifacts (`runStageJob`). */
export async function stageCommand(values: Values, stage: string, io: CliIo): Promise<number> {
  if (!isStageName(stage)) {
    throw new UsageError(`unknown stage "${stage}"; choose one of ${PIPELINE_STAGES.join(', ')}`);
  }
  const runDirArg = str(values['run']);
  if (!runDirArg) throw new UsageError('--run DIR is required: the run directory to take the artifacts from');
  const runDir = RunDirectory.open(resolve(io.cwd, runDirArg));
  const repoDir = resolve(io.cwd, str(values['repo']) ?? '.');
  const configFile = values['config'] ? resolve(io.cwd, str(values['config']) as string) : null;
  const { reporter, stop } = reporterFor(io, false);
  try {
    if (stage === 'publish') {
      const published = await publishRunDirectory({ runDir, repoDir, configFile, reporter });
      io.stdout.write(`publish: ${published.summary}\n${published.written.map((f) => `  wrote ${f}`).join('\n')}\n`);
      return published.ok ? 0 : 1;
    }
    const { outcomes } = await runStageJob({
      units: [stageUnit(stage, { task: str(values['task']), lens: str(values['lens']), runDir, values })],
      replay: values['replay'] === true,
      runDir,
      repoDir,
      model: str(values['model']) ?? null,
      baseUrl: str(values['base-url']) ?? null,
      apiKey: str(values['api-key']) ?? null,
      configFile,
      reporter,
      env: io.env,
      baseCommitHint: 'pass --repo with the repository the run was made in',
    });
    if (outcomes.length === 0) return 1;
    for (const outcome of outcomes) {
      io.stdout.write(
        `${outcome.stage}: ${outcome.summary}\n${outcome.written.map((f) => `  wrote ${f}`).join('\n')}\n`,
      );
    }
    return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
  } finally {
    stop();
  }
}

/**
 * The unit `ensemble stage` runs: a code re-run names its task; a review may name one lens; a fix
 * is the run's next round (with its re-test and re-review), with a person's instructions if given.
 */
function stageUnit(
  stage: Exclude<StageName, 'publish'>,
  options: { task: string | undefined; lens: string | undefined; runDir: RunDirectory; values: Values },
): StageJobUnit {
  const { task, lens } = options;
  const instructions = str(options.values['instructions']);
  if (task !== undefined && stage !== 'code') throw new UsageError('--task is for the code stage only');
  if (lens !== undefined && stage !== 'review') throw new UsageError('--lens is for the review stage only');
  if (instructions !== undefined && stage !== 'fix') throw new UsageError('--instructions is for the fix stage only');
  if (stage === 'fix') return nextFixRound(options.runDir, instructions);
  if (stage === 'review') return lens === undefined ? { stage } : { stage, lenses: [lens] };
  if (stage !== 'code') return { stage };
  if (!task) throw new UsageError('ensemble stage code needs --task ID: the task to run again');
  return { stage: 'code', taskId: task };
}

/** The run's next fix round: after the rounds its directory holds, on the change as it stands. */
function nextFixRound(runDir: RunDirectory, instructions: string | undefined): StageJobUnit {
  if (instructions !== undefined && instructions.trim() === '') {
    throw new UsageError('--instructions: give the instructions as text, or leave the option out');
  }
  const round = (runDir.rounds().at(-1) ?? 0) + 1;
  return { stage: 'fix', round, ...(instructions ? { instructions } : {}) };
}

/**
 * `ensemble fix --run DIR [--instructions TEXT]`: one fix round on a local run (the fixing agent on
 * the change as it stands, its re-test and re-review), then the run's branch again, with the
 * round's commit on it. Exit 0 when the round leaves nothing blocking and the tests pass, 3 when
 * something still needs a look, 1 when the round could not be completed.
 */
export async function fixCommand(values: Values, io: CliIo): Promise<number> {
  const runDir = RunDirectory.open(resolve(io.cwd, str(values['run']) as string));
  const roundsBefore = runDir.rounds().length;
  const stageExit = await stageCommand(values, 'fix', io);
  // Nothing blocked and no instructions were given: no round was made, and nothing needs one.
  if (stageExit === 0 && runDir.rounds().length === roundsBefore) return EXIT_CODE.green;
  const repoDir = resolve(io.cwd, str(values['repo']) ?? '.');
  const configFile = values['config'] ? resolve(io.cwd, str(values['config']) as string) : null;
  const { config } = await loadRunConfig(repositoryRoot(repoDir), configFile, null);
  const loop = fixLoopOf(runDir, config);
  const last = loop.rounds.at(-1);
  io.stdout.write(`fix: ${fixLoopDetail(loop)}\n`);
  if (!last || last.test === null || stageExit !== 0) return EXIT_CODE['no-branch'];
  const { reporter, stop } = reporterFor(io, false);
  try {
    const published = await publishRunDirectory({ runDir, repoDir, configFile, reporter });
    io.stdout.write(`publish: ${published.summary}\n`);
    if (!published.ok) return EXIT_CODE['no-branch'];
  } finally {
    stop();
  }
  const green = loop.blocking === 0 && last.test.document.status !== 'failed' && last.test.document.status !== 'error';
  return green ? EXIT_CODE.green : EXIT_CODE['not-green'];
}
