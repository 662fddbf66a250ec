import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { node24, repoRoot } from './node24.ts';

export interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** The files the runner would read back after the step. */
  files: { output: string; summary: string; state: string; env: string };
}

/**
 * Runs a committed action bundle the way the Actions runner does: `node24 dist/<entry>.js` with
 * `INPUT_<NAME>` variables (upper-cased, hyphens kept), and the runner's file commands in a fresh
 * temporary directory. Nothing from the test process's environment leaks in but PATH.
 */
export async function runActionBundle(
  entry: string,
  inputs: Record<string, string>,
  options: { env?: Record<string, string>; event?: { name: string; payload: unknown }; timeoutMs?: number } = {},
): Promise<ActionRun> {
  return runActionMain(join(repoRoot, 'dist', `${entry}.js`), inputs, options);
}

/** One step's runner environment, in its fresh temporary directory `temp`. */
export interface RunnerStep {
  temp: string;
  env: Record<string, string>;
  /** The file commands' files, empty. */
  files: ActionRun['files'];
}

/**
 * The environment the runner gives one step, in a fresh temporary directory: the file commands'
 * files, the event, PATH, the `GITHUB_*` variables, `env`, then the inputs as `INPUT_<NAME>`
 * (upper-cased, hyphens kept). `inputs` may be made from the step's directory (a file put there).
 */
export function runnerStep(
  inputs: Record<string, string> | ((temp: string) => Record<string, string>),
  options: Pick<RunActionMainOptions, 'env' | 'event'> & { prefix?: string } = {},
): RunnerStep {
  const temp = mkdtempSync(join(tmpdir(), options.prefix ?? 'ensemble-runner-'));
  const files = {
    output: join(temp, 'github_output'),
    summary: join(temp, 'step_summary'),
    state: join(temp, 'github_state'),
    env: join(temp, 'github_env'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const eventPath = join(temp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.event?.payload ?? {}));

  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: options.event?.name ?? 'workflow_dispatch',
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKSPACE: temp,
    RUNNER_TEMP: temp,
    ...options.env,
  };
  const given = typeof inputs === 'function' ? inputs(temp) : inputs;
  for (const [name, value] of Object.entries(given)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return { temp, env, files };
}

export interface RunActionMainOptions {
  env?: Record<string, string>;
  event?: { name: string; payload: unknown };
  timeoutMs?: number;
  /**
   * Working directory of the process; default: the step's fresh temporary directory (the workflow
   * simulator passes the job's workspace, as the runner does).
   */
  cwd?: string;
}

/**
 * `runActionBundle` for any JavaScript action's `runs.main` (an absolute path), as the workflow
 * simulator runs `uses: ./…` steps: the same runner environment and fresh file commands per step.
 */
export async function runActionMain(
  main: string,
  inputs: Record<string, string>,
  options: RunActionMainOptions = {},
): Promise<ActionRun> {
  const { temp, env, files } = runnerStep(inputs, options);
  // Its own process group, so that a timeout ends the action's children too, as the runner does.
  const child = spawn(node24(), [main], {
    cwd: options.cwd ?? temp,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const stopping = stopLikeTheRunner(child, options.timeoutMs ?? 20_000);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  stopping.cancel();
  const read = (f: string) => readFileSync(f, 'utf8');
  return {
    exitCode,
    stdout,
    stderr,
    files: { output: read(files.output), summary: read(files.summary), state: read(files.state), env: read(files.env) },
  };
}

/**
 * At `afterMs`, stops the process as the Actions runner stops a cancelled or timed-out step:
 * SIGINT, SIGTERM 7.5 seconds later, then 2.5 seconds later SIGKILL for its whole process group.
 */
export function stopLikeTheRunner(child: ChildProcess, afterMs: number): { cancel(): void } {
  const timers: NodeJS.Timeout[] = [];
  const signal = (name: NodeJS.Signals) => {
    try {
      child.kill(name);
    } catch {
      // Already gone.
    }
  };
  timers.push(
    setTimeout(() => {
      signal('SIGINT');
      timers.push(
        setTimeout(() => {
          signal('SIGTERM');
          timers.push(setTimeout(() => killTree(child.pid), 2_500));
        }, 7_500),
      );
    }, afterMs),
  );
  return { cancel: () => timers.forEach(clearTimeout) };
}

/** Kills a process started with `detached: true` and everything in its process group. */
export function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
