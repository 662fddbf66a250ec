/**
 * Orchestration overhead of a full local run (plan, code, test, review, docs, publish) on a fresh
 * copy of examples/demo-repo, with the demo's scripted model answering at once (zero latency).
 *
 *   total     wall time of runLocalPipeline
 *   model     time with at least one model HTTP exchange in flight (probes.ts timedFetch)
 *   commands  time with at least one repository command in flight (sandboxed children: the
 *             agents' run_command, the test stage's test runs, setup commands; probes.ts)
 *   overhead  total − |model ∪ commands|: time in which ensemble was doing only its own work
 *
 * Stages run agents side by side (code tasks, review lenses with docs), so model and command
 * times are unions of intervals, not sums; the sums are reported too. Of the overhead, the part
 * spent waiting for git (worktrees, diffs, commits; git children outside model/command time) is
 * shown separately: it is orchestration, but it is git's time, not JavaScript's. Every git child
 * is counted (probes.ts), per stage too, and the last run's are listed with their arguments
 * (`GitLog`), so that the calls can be found and cut.
 */
import { spawn } from 'node:child_process';
import { runSandboxed } from '../src/agent/sandbox.ts';
import { requestFromPrompt } from '../src/pipeline/request.ts';
import { DEMO_PROMPT, demoScript } from '../test/support/demo-model.ts';
import type { RecordedRequest } from '../test/support/scripted-model.ts';
import { attempt, measuredRun, transcriptCalls } from './pipeline.ts';
import { type ChildInterval, gitSubcommand } from './probes.ts';
import { demoRepo, tempDir } from './repos.ts';
import { covered, type Interval, median, summed } from './stats.ts';

export interface OverheadRun {
  totalMs: number;
  modelMs: number;
  modelSumMs: number;
  modelCalls: number;
  /** Sum of the ledger's per-call durationMs (transcripts): the loop's view of the same calls. */
  ledgerModelSumMs: number;
  commandsMs: number;
  commandsSumMs: number;
  commands: number;
  overheadMs: number;
  overheadShare: number;
  /** Overhead spent with a git child running (and no model call or command). */
  gitInOverheadMs: number;
  /** Git processes the run started (spawn, execFile, promisified: every child). */
  gitCalls: number;
  /** The time the spawn calls of those processes held this process (`ChildInterval.spawnMs`), summed. */
  gitSpawnMs: number;
  /** This process's resident memory at the end of the run: what each fork copies the page tables of. */
  rssMb: number;
  /** Per stage: wall window, the overhead inside it, and the part of that overhead spent waiting on git. */
  stages: Record<string, StageFigures>;
  /** Outside every stage window: configuration, base worktree, overview, closing. */
  outsideStagesMs: number;
  outsideStagesGitMs: number;
  outsideStagesGitCalls: number;
}

export interface StageFigures {
  wallMs: number;
  overheadMs: number;
  /** Overhead spent with a git child running. */
  gitMs: number;
  /** Git processes started in the stage (`stageOfChild`). */
  gitCalls: number;
}

/** Where the run's git processes went, for finding what to cut: one run's, not a median. */
export interface GitLog {
  /** Per stage (and `outside`): git processes by subcommand, most frequent first. */
  bySubcommand: Record<string, Record<string, number>>;
  /** Every git process in start order: its stage, wall time, directory and arguments (the hardening `-c`s left out). */
  calls: { stage: string; ms: number; cwd: string; args: string }[];
}

/** The name `stageOfChild` gives children started outside every stage window. */
export const OUTSIDE = 'outside';

/**
 * The stage a child belongs to: the stage window it started in; where windows overlap (review
 * and docs), the one whose work spawned it (`stageContext`); `OUTSIDE` when in none.
 */
export function stageOfChild(child: ChildInterval, windows: ReadonlyMap<string, Interval>): string {
  const containing = [...windows].filter(([, w]) => child.start >= w.start && !(child.start > w.end));
  if (containing.length === 0) return OUTSIDE;
  const own = containing.find(([stage]) => stage === child.stage);
  return (own ?? containing[0])?.[0] ?? OUTSIDE;
}

/** A git child's arguments without the `-c` settings and `--no-pager` every hardened call carries. */
function shownArgs(args: readonly string[]): string {
  const shown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-c') i++;
    else if (args[i] !== '--no-pager') shown.push(args[i] as string);
  }
  return shown.join(' ');
}

function gitLogOf(gits: readonly ChildInterval[], windows: ReadonlyMap<string, Interval>): GitLog {
  const bySubcommand: Record<string, Record<string, number>> = {};
  const calls: GitLog['calls'] = [];
  for (const child of gits) {
    const stage = stageOfChild(child, windows);
    const counts = bySubcommand[stage] ?? {};
    bySubcommand[stage] = counts;
    const sub = gitSubcommand(child.args);
    counts[sub] = (counts[sub] ?? 0) + 1;
    calls.push({ stage, ms: Math.round(child.end - child.start), cwd: child.cwd, args: shownArgs(child.args) });
  }
  for (const [stage, counts] of Object.entries(bySubcommand))
    bySubcommand[stage] = Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1]));
  return { bySubcommand, calls };
}

export interface OverheadResult {
  runs: OverheadRun[];
  median: OverheadRun;
  /**
   * A sandboxed `true` through runSandboxed, and `/bin/sh -c true` spawned directly: the sandbox's
   * fixed cost per command.
   */
  sandbox: { sandboxedTrueMs: number; bareShellTrueMs: number; runs: number };
  warnings: string[];
  /** The last run's git processes (`GitLog`). */
  gitLog: GitLog;
}

/** Requests that open a conversation: one user message, no assistant turn yet. */
export function firstRequestsOf(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => r.request && r.request.messages.length === 1 && r.request.messages[0]?.role === 'user');
}

export async function benchOverhead(options: { runs: number; warmups: number }): Promise<OverheadResult> {
  const runs: OverheadRun[] = [];
  const warnings = new Set<string>();
  let gitLog: GitLog = { bySubcommand: {}, calls: [] };
  for (let i = 0; i < options.warmups + options.runs; i++) {
    const run = await attempt('overhead, demo run', async () => {
      const run = await measuredRun({
        repoDir: demoRepo(),
        request: requestFromPrompt(DEMO_PROMPT),
        script: demoScript,
      });
      await run.server.close();
      const failed = run.summary.tasks.filter((t) => t.status !== 'done');
      if (run.summary.branch === null || failed.length > 0) {
        throw new Error(
          `the demo run failed: ${run.summary.error ?? failed.map((t) => `${t.id} ${t.status}`).join(', ')}`,
        );
      }
      return run;
    });
    for (const w of run.warnings) warnings.add(w);
    if (i < options.warmups) continue;

    const { start, end, recorder } = run;
    const commands = recorder.children.filter((c) => c.kind === 'command');
    const gits = recorder.children.filter((c) => c.kind === 'git');
    const busy: Interval[] = [...recorder.model, ...commands];
    const totalMs = end - start;
    const overheadIn = (from: number, to: number) => to - from - covered(busy, from, to);
    const gitIn = (from: number, to: number) => covered([...busy, ...gits], from, to) - covered(busy, from, to);
    const closed = new Map(
      [...run.stages].map(([s, w]) => [s, { start: w.start, end: Number.isNaN(w.end) ? end : w.end }]),
    );
    const gitStage = gits.map((child) => stageOfChild(child, closed));
    const gitCallsIn = (stage: string) => gitStage.filter((s) => s === stage).length;
    const stages: Record<string, StageFigures> = {};
    for (const [stage, window] of closed) {
      stages[stage] = {
        wallMs: window.end - window.start,
        overheadMs: overheadIn(window.start, window.end),
        gitMs: gitIn(window.start, window.end),
        gitCalls: gitCallsIn(stage),
      };
    }
    const windows = [...closed.values()];
    // Git time in the overhead outside every window: the windows count as busy.
    const outsideGitMs =
      covered([...busy, ...gits, ...windows], start, end) - covered([...busy, ...windows], start, end);
    gitLog = gitLogOf(gits, closed);
    const overheadMs = overheadIn(start, end);
    runs.push({
      totalMs,
      modelMs: covered(recorder.model, start, end),
      modelSumMs: summed(recorder.model, start, end),
      modelCalls: recorder.model.length,
      ledgerModelSumMs: transcriptCalls(run.summary.runDir).reduce((n, c) => n + c.durationMs, 0),
      commandsMs: covered(commands, start, end),
      commandsSumMs: summed(commands, start, end),
      commands: commands.length,
      overheadMs,
      overheadShare: overheadMs / totalMs,
      gitInOverheadMs: gitIn(start, end),
      gitCalls: gits.length,
      gitSpawnMs: gits.reduce((n, g) => n + g.spawnMs, 0),
      rssMb: process.memoryUsage().rss / 2 ** 20,
      stages,
      outsideStagesMs: totalMs - covered(windows, start, end),
      outsideStagesGitMs: outsideGitMs,
      outsideStagesGitCalls: gitCallsIn(OUTSIDE),
    });
  }
  const pick = (f: (r: OverheadRun) => number) => median(runs.map(f));
  const stageNames = [...new Set(runs.flatMap((r) => Object.keys(r.stages)))];
  return {
    runs,
    median: {
      totalMs: pick((r) => r.totalMs),
      modelMs: pick((r) => r.modelMs),
      modelSumMs: pick((r) => r.modelSumMs),
      modelCalls: pick((r) => r.modelCalls),
      ledgerModelSumMs: pick((r) => r.ledgerModelSumMs),
      commandsMs: pick((r) => r.commandsMs),
      commandsSumMs: pick((r) => r.commandsSumMs),
      commands: pick((r) => r.commands),
      overheadMs: pick((r) => r.overheadMs),
      overheadShare: pick((r) => r.overheadShare),
      gitInOverheadMs: pick((r) => r.gitInOverheadMs),
      gitCalls: pick((r) => r.gitCalls),
      gitSpawnMs: pick((r) => r.gitSpawnMs),
      rssMb: pick((r) => r.rssMb),
      outsideStagesMs: pick((r) => r.outsideStagesMs),
      outsideStagesGitMs: pick((r) => r.outsideStagesGitMs),
      outsideStagesGitCalls: pick((r) => r.outsideStagesGitCalls),
      stages: Object.fromEntries(
        stageNames.map((s) => [
          s,
          {
            wallMs: pick((r) => r.stages[s]?.wallMs ?? Number.NaN),
            overheadMs: pick((r) => r.stages[s]?.overheadMs ?? Number.NaN),
            gitMs: pick((r) => r.stages[s]?.gitMs ?? Number.NaN),
            gitCalls: pick((r) => r.stages[s]?.gitCalls ?? Number.NaN),
          },
        ]),
      ),
    },
    sandbox: await sandboxStartup(options.runs * 2),
    warnings: [...warnings],
    gitLog,
  };
}

/** The fixed cost the sandbox adds to every command (part of the command time above, not of the overhead). */
async function sandboxStartup(runs: number): Promise<OverheadResult['sandbox']> {
  const cwd = tempDir('ensemble-bench-sandbox-');
  const sandboxed: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    let started = performance.now();
    const result = await runSandboxed({ command: 'true', cwd, timeoutMs: 30_000, maxOutputBytes: 1_000 });
    const sandboxedMs = performance.now() - started;
    if (result.exitCode !== 0) throw new Error(`a sandboxed \`true\` exited with ${result.exitCode}: ${result.output}`);
    started = performance.now();
    await new Promise((resolve) => spawn('/bin/sh', ['-c', 'true'], { cwd, stdio: 'ignore' }).once('close', resolve));
    const bareMs = performance.now() - started;
    if (i === 0) continue; // warm-up
    sandboxed.push(sandboxedMs);
    bare.push(bareMs);
  }
  return { sandboxedTrueMs: median(sandboxed), bareShellTrueMs: median(bare), runs };
}
