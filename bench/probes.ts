/**
 * Measurement probes for the in-process benchmarks, kept out of src/:
 *
 * - `installSpawnProbe()` wraps `child_process.spawn` (and re-syncs the ESM named exports, so
 *   `import { spawn } from 'node:child_process'` in src/ sees the wrapper) and records the wall
 *   interval of every child from spawn to 'close'. Children are classed by what they run:
 *   `command` for the sandbox (bubblewrap, or `/bin/sh -c` without it: the agents' run_command,
 *   the test stage's test runs, setup commands), `git` for git, `other` for the rest. Only
 *   `spawn` is wrapped: `execFile` calls (the once-per-process bubblewrap probe, `git ls-files`
 *   for the overview, `git remote get-url`) stay unmeasured and so count as orchestration.
 * - `timedFetch()` is handed to the model session as its transport (`retry.fetch`, an option
 *   src/ already has): it records each model HTTP exchange from the request leaving to the last
 *   byte of the body arriving, i.e. the round trip plus the (scripted) model's own time. Building
 *   the request and parsing the reply (AI SDK, retry wrapper) stay on the orchestration side.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { basename } from 'node:path';
import type { Interval } from './stats.ts';

export type ChildKind = 'command' | 'git' | 'other';

export interface ChildInterval extends Interval {
  kind: ChildKind;
  file: string;
}

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

/** Wraps child_process.spawn once per process; call before the measured code runs. */
export function installSpawnProbe(): void {
  if (installed) return;
  installed = true;
  const childProcess = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  const original = childProcess.spawn;
  const wrapped = function (this: unknown, ...args: unknown[]) {
    const child = (original as (...a: unknown[]) => import('node:child_process').ChildProcess).apply(this, args);
    const recorder = current;
    if (recorder) {
      const file = String(args[0]);
      const argv = Array.isArray(args[1]) ? (args[1] as string[]) : [];
      const entry: ChildInterval = {
        kind: kindOf(file, argv),
        file: basename(file),
        start: performance.now(),
        end: Number.NaN,
      };
      recorder.children.push(entry);
      const done = () => {
        if (Number.isNaN(entry.end)) entry.end = performance.now();
      };
      child.once('close', done);
      child.once('error', done);
    }
    return child;
  };
  childProcess.spawn = wrapped as typeof childProcess.spawn;
  syncBuiltinESMExports();
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
