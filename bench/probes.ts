/**
 * Measurement probes for the in-process benchmarks, kept out of src/:
 *
 * - `installSpawnProbe()` wraps `ChildProcess.prototype.spawn`, the one step every asynchronous
 *   child goes through: `spawn`, `execFile`, `exec` and their promisified forms, however and
 *   whenever src/ imported them (a `promisify(execFile)` made at module load included). It
 *   records every child's argv, directory and wall interval from spawn to 'close'. Children are
 *   classed by what they run: `command` for the sandbox (bubblewrap, or `/bin/sh -c` without it:
 *   the agents' run_command, the test stage's test runs, setup commands), `git` for git, `other`
 *   for the rest. Synchronous children (`spawnSync`, `execFileSync`) are not seen: the local run
 *   makes none (only the SIGINT clean-up of `removeLiveWorktrees` does).
 * - `timedFetch()` is handed to the model session as its transport (`retry.fetch`, an option
 *   src/ already has): it records each model HTTP exchange from the request leaving to the last
 *   byte of the body arriving, i.e. the round trip plus the (scripted) model's own time. Building
 *   the request and parsing the reply (AI SDK, retry wrapper) stay on the orchestration side.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { ChildProcess } from 'node:child_process';
import { basename } from 'node:path';
import type { Interval } from './stats.ts';

export type ChildKind = 'command' | 'git' | 'other';

export interface ChildInterval extends Interval {
  kind: ChildKind;
  file: string;
  /** The arguments after the program's name. */
  args: readonly string[];
  cwd: string;
  /** The stage whose work spawned the child, as `stageContext` knew it; undefined outside every stage. */
  stage: string | undefined;
  /**
   * How long the spawn call itself held this process (libuv forks, then waits for the exec):
   * nothing else of ensemble runs meanwhile, whatever runs side by side.
   */
  spawnMs: number;
}

/**
 * The stage the current asynchronous work belongs to: entered when the pipeline reports a stage
 * started (`pipeline.ts`), and carried by Node into every continuation of that stage's work. It
 * tells apart the children of stages whose windows overlap (review and docs run side by side).
 */
export const stageContext = new AsyncLocalStorage<string>();

export interface Recorder {
  children: ChildInterval[];
  model: Interval[];
}

let current: Recorder | null = null;
let installed = false;

/** Starts recording into a fresh recorder; the previous one is returned by `stop`. */
export function startRecording(): Recorder {
  current = { children: [], model: [] };
  return current;
}

export function stopRecording(): Recorder {
  const recorder = current ?? { children: [], model: [] };
  current = null;
  return recorder;
}

function kindOf(file: string, args: readonly string[]): ChildKind {
  const name = basename(file);
  if (name === 'bwrap') return 'command';
  if ((file === '/bin/sh' || name === 'sh') && args[0] === '-c') return 'command';
  if (name === 'git') return 'git';
  return 'other';
}

/**
 * What a git child does, in a word or two: its subcommand after the global options (`-c k=v`,
 * `-C dir`, `--no-pager`), with `worktree`'s own subcommand (`worktree add`).
 */
export function gitSubcommand(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '-c' || arg === '-C') {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    return arg === 'worktree' && args[i + 1] ? `${arg} ${args[i + 1]}` : arg;
  }
  return '(none)';
}

interface SpawnOptions {
  file?: string;
  args?: readonly string[];
  cwd?: string;
}

/** Wraps the spawn of every child once per process; call before the measured code runs. */
export function installSpawnProbe(): void {
  if (installed) return;
  installed = true;
  // Not in Node's type definitions, but the method every child_process function calls.
  const prototype = ChildProcess.prototype as unknown as { spawn(this: ChildProcess, options: SpawnOptions): unknown };
  const original = prototype.spawn;
  prototype.spawn = function (this: ChildProcess, options: SpawnOptions) {
    // From before the spawn: starting the child (fork and exec) is the child's time too.
    const start = performance.now();
    const result = original.call(this, options);
    const spawnMs = performance.now() - start;
    const recorder = current;
    if (recorder) {
      const file = String(options.file);
      // `args` starts with argv[0], the program's own name.
      const args = (options.args ?? []).slice(1);
      const entry: ChildInterval = {
        kind: kindOf(file, args),
        file: basename(file),
        args,
        cwd: options.cwd ?? process.cwd(),
        stage: stageContext.getStore(),
        spawnMs,
        start,
        end: Number.NaN,
      };
      recorder.children.push(entry);
      const done = () => {
        if (Number.isNaN(entry.end)) entry.end = performance.now();
      };
      this.once('close', done);
      this.once('error', done);
    }
    return result;
  };
}

/** The model transport, timed: the response body is read here so the interval ends at its last byte. */
export const timedFetch: typeof globalThis.fetch = async (input, init) => {
  const recorder = current;
  const start = performance.now();
  const response = await globalThis.fetch(input, init);
  const body = await response.arrayBuffer();
  const end = performance.now();
  recorder?.model.push({ start, end });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
};

/** Intervals still open when the run ended (a child that never closed) are closed at `at`. */
export function closeOpen(recorder: Recorder, at: number): void {
  for (const child of recorder.children) if (Number.isNaN(child.end)) child.end = at;
}
