/**
 * The environment the agents' and the tests' commands run in: dependencies installed once per
 * run, then given to every worktree.
 *
 * Design (why a copy, and not an install per worktree or a shared mount):
 * - Installing needs the network; agent and test commands never have it. So the setup commands
 *   (`setup:` in the configuration, else what `setup-detect.ts` finds) run ONCE, in a worktree of
 *   their own at the base SHA, in the sandbox with network but with the clean environment (no
 *   credential), with a HOME of their own. Package managers keep their caches and pinned tool
 *   versions in that HOME (npm's cache, corepack's pnpm/yarn, Go's module cache, pip's cache).
 * - Each later worktree (every coding task, the test stage, the test run at the base) gets a COPY
 *   of what the install left in the checkout (the paths git ignores: node_modules, .venv, …) and
 *   of that HOME, into its own HOME. A copy, not hard links or a shared writable mount: an agent's
 *   command may write into node_modules or its HOME, and must not change what the other tasks
 *   and the test stage run with. Nothing is fetched again, and the worktrees' commands, which have
 *   no network, find pinned pnpm/yarn versions and the package caches where the tools look.
 * - Symbolic links are copied as they are (pnpm and node_modules/.bin are relative links).
 *   Tools that write this checkout's absolute path into what they install (editable Python
 *   installs, console-script shebangs) are avoided by the detected commands: the project is not
 *   installed into the .venv and tests run as `.venv/bin/python -m pytest`.
 * - The install happens at the base, before anything an agent wrote exists: nothing a change
 *   contains (an .npmrc, a postinstall script) runs with network.
 * - A run split into jobs (GitHub: the plan job, each code leg, test, fix) can start from a saved
 *   install instead (`SavedInstall`: the plan job's, restored from the Actions cache by
 *   `src/runtime/actions/setup-cache.ts`), put into this same setup worktree and HOME and then
 *   copied like a local install. It is used only when it is the one made at this base from these
 *   lockfiles and setup commands, byte for byte; otherwise the commands run here, and the report
 *   says why (`SetupReport.saved`).
 */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSandboxed } from '../agent/sandbox.ts';
import { errorMessage } from '../util/errors.ts';
import { formatTimeLimit, normaliseOutput, tail } from '../util/text.ts';
import {
  createWorktree,
  listIgnoredPaths,
  listWorktreeFiles,
  removeWorktree,
  restoringWorktree,
  type Worktree,
} from '../workspace/index.ts';
import type { StageContext } from './context.ts';
import { chooseEnvironment, type SetupChoice, type TestChoice } from './setup-detect.ts';
import { readSmallFile } from './test/files.ts';

/** Characters of a failed command's output kept for the report. */
const OUTPUT_TAIL_CHARS = 1_500;

/** A setup command that did not succeed. */
export interface SetupFailure {
  command: string;
  /** null when it was killed (timeout, signal). */
  exitCode: number | null;
  timedOut: boolean;
  signal: string | null;
  /** The last lines of its output (stdout and stderr), the checkout's path replaced. */
  outputTail: string;
  /** One sentence for people: "`npm ci` exited with 1". */
  how: string;
}

/** What the setup of a run was, did, and why: for the terminal, `--json` and `ensemble validate`. */
export interface SetupReport {
  status: 'done' | 'failed' | 'none';
  choice: SetupChoice;
  test: TestChoice;
  failure: SetupFailure | null;
  durationMs: number;
  /** When a saved install was offered (`runEnvironment`'s `saved`): whether it was used, or why not. */
  saved?: SavedInstallUse;
}

/**
 * Whether a saved install was used: the key it was saved under and who made it ("the plan job"), or
 * why it was not (the commands ran here).
 */
export type SavedInstallUse = { reused: true; key: string; from: string } | { reused: false; why: string };

/**
 * An install made elsewhere of the same run (on GitHub: by the plan job), which a job may start from
 * instead of running the setup commands again.
 */
export interface SavedInstall {
  /**
   * Puts the install saved for `setup` into `dir` (a fresh worktree at `baseSha`) and `home`, after
   * checking that it was made from the same lockfiles, commands, base and platform and that its
   * files are the ones saved. What it found, or why it cannot be used; it may leave `dir` and `home`
   * half-written when it fails (they are then made afresh).
   */
  restore(setup: SetupChoice, dir: string, home: string, baseSha: string): Promise<SavedInstallUse>;
}

/** What a finished install left, for saving it: the setup worktree, its ignored paths, and the setup HOME. */
export interface InstalledFiles {
  setup: SetupChoice;
  dir: string;
  /** The paths git ignores in `dir` that the install left (node_modules, .venv, …), relative. */
  paths: string[];
  home: string;
}

/** The installed environment of a run, given to each worktree (`StageContext.environment`). */
export interface WorktreeEnvironment {
  /** Runs the setup once (later calls return the same report). */
  prepare(): Promise<SetupReport>;
  /** Gives `dir` and `home` the installed result; null when done, else why not (setup failed). */
  provision(dir: string, home: string): Promise<string | null>;
  /** The install's files while the environment is open; null before `prepare`, or when nothing was installed. */
  installed(): Promise<InstalledFiles | null>;
  /** The setup's report once `prepare` (or a first `provision`) has run; null when it never ran or threw. */
  report(): Promise<SetupReport | null>;
  /** Removes the setup's worktree and HOME. */
  close(): Promise<void>;
}

type SetupContext = Pick<StageContext, 'config' | 'commands' | 'repoDir' | 'run' | 'reporter' | 'baseFiles'>;

/** The setup commands' limit: the coding stage's, as setup used to run at the start of each task. */
export function setupTimeoutMs(ctx: Pick<StageContext, 'config'>): number {
  return ctx.config.stages.code['timeout-minutes'] * 60_000;
}

/**
 * The run's environment: the setup runs in a worktree of its own at the run's base SHA the first
 * time `prepare` or `provision` is called, and is given to every worktree after. With `saved`, the
 * saved install is tried first, and the commands run only when it cannot be used.
 */
export function runEnvironment(
  ctx: SetupContext,
  options: {
    saved?: SavedInstall;
    /**
     * A checkout of the base SHA that nothing writes (the session's base worktree, whose files are
     * `ctx.baseFiles`): the setup is chosen from its files, so that a worktree of the setup's own is
     * made only to install in.
     */
    chooseIn?: string;
  } = {},
): WorktreeEnvironment {
  let prepared: Promise<{
    report: SetupReport;
    worktree: Worktree | null;
    home: string | null;
    installed: string[];
  }> | null = null;
  const homesGiven = new Set<string>();

  const prepareOnce = () => {
    prepared ??= (async () => {
      const started = Date.now();
      const chosen = options.chooseIn ? await environmentChoice(ctx, options.chooseIn, ctx.baseFiles) : null;
      if (chosen && chosen.setup.commands.length === 0) {
        const { setup: choice, test } = chosen;
        const report: SetupReport = { status: 'none', choice, test, failure: null, durationMs: Date.now() - started };
        return { report, worktree: null, home: null, installed: [] };
      }
      let worktree = await createWorktree(ctx.repoDir, ctx.run.baseSha, { prefix: 'ensemble-setup-' });
      let home = await mkdtemp(join(tmpdir(), 'ensemble-setup-home-'));
      const { setup, test } = chosen ?? (await environmentChoice(ctx, worktree.dir));
      let saved: SavedInstallUse | undefined;
      const report = (status: SetupReport['status'], failure: SetupFailure | null): SetupReport => ({
        status,
        choice: setup,
        test,
        failure,
        durationMs: Date.now() - started,
        ...(saved ? { saved } : {}),
      });
      // Kept for the run only when it holds an install to copy from.
      const discard = async () => {
        await removeWorktree(worktree).catch(() => {});
        await forceRemove(home);
        return { worktree: null, home: null, installed: [] };
      };
      if (setup.commands.length === 0) return { report: report('none', null), ...(await discard()) };
      if (options.saved) {
        saved = await restoreSaved(options.saved, setup, worktree.dir, home, ctx.run.baseSha);
        if (saved.reused) {
          ctx.reporter.info(`setup: reused from ${saved.from} (key ${saved.key}); nothing installed here`);
          return { report: report('done', null), worktree, home, installed: await listIgnoredPaths(worktree.dir) };
        }
        ctx.reporter.info(`setup: no reusable install (${saved.why}); installing here`);
        // Whatever a failed restore wrote goes: the commands start from the base as it is.
        await discard();
        worktree = await createWorktree(ctx.repoDir, ctx.run.baseSha, { prefix: 'ensemble-setup-' });
        home = await mkdtemp(join(tmpdir(), 'ensemble-setup-home-'));
      }
      ctx.reporter.info(
        `setup: ${setup.commands.length === 1 ? 'one command' : `${setup.commands.length} commands`} (${setup.reason})`,
      );
      const failure = await runSetupCommands(ctx, worktree.dir, setup.commands, {
        timeoutMs: setupTimeoutMs(ctx),
        home,
        progress: (message) => ctx.reporter.info(message),
      });
      if (failure) return { report: report('failed', failure), ...(await discard()) };
      return { report: report('done', null), worktree, home, installed: await listIgnoredPaths(worktree.dir) };
    })();
    return prepared;
  };
  const settled = async () => (prepared ? await prepared.catch(() => null) : null);

  return {
    prepare: async () => (await prepareOnce()).report,
    async installed() {
      const done = await settled();
      if (!done?.worktree || !done.home || done.report.status !== 'done') return null;
      return { setup: done.report.choice, dir: done.worktree.dir, paths: done.installed, home: done.home };
    },
    report: async () => (await settled())?.report ?? null,
    async provision(dir, home) {
      const { report, worktree, home: setupHome, installed } = await prepareOnce();
      if (report.failure) return setupProblem(report);
      if (report.status === 'none' || !worktree || !setupHome) return null;
      for (const entry of installed) await copyTree(join(worktree.dir, entry), join(dir, entry));
      if (!homesGiven.has(home)) {
        homesGiven.add(home);
        for (const entry of await readdir(setupHome)) await copyTree(join(setupHome, entry), join(home, entry));
      }
      return null;
    },
    async close() {
      if (!prepared) return;
      const { worktree, home } = await prepared.catch(() => ({ worktree: null, home: null }));
      if (worktree) await removeWorktree(worktree).catch(() => {});
      if (home) await forceRemove(home);
    },
  };
}

/** The saved install's verdict; an error while restoring is a reason not to use it, not the run's failure. */
async function restoreSaved(
  saved: SavedInstall,
  setup: SetupChoice,
  dir: string,
  home: string,
  baseSha: string,
): Promise<SavedInstallUse> {
  try {
    return await saved.restore(setup, dir, home, baseSha);
  } catch (error) {
    return { reused: false, why: `restoring it failed: ${errorMessage(error)}` };
  }
}

/**
 * What the run installs and how it tests, from the configuration and the files of `dir`: `files`
 * when the caller knows them (as `listWorktreeFiles` would list them), else listed now.
 */
export async function environmentChoice(
  ctx: Pick<StageContext, 'config'>,
  dir: string,
  files?: readonly string[],
): Promise<{ setup: SetupChoice; test: TestChoice }> {
  const listed = files ?? (await listWorktreeFiles(dir));
  return chooseEnvironment(ctx.config, { files: listed, read: (p) => readSmallFile(dir, p) });
}

/** Why a worktree has no environment: the failed command, its exit and its last lines. */
export function setupProblem(report: SetupReport): string {
  const failure = report.failure;
  if (!failure) return '';
  const from = report.choice.source === 'detected' ? ` (detected: ${report.choice.reason})` : '';
  return `The setup command \`${failure.command}\`${from} ${failure.how}:\n${failure.outputTail}`;
}

/** What to do about a failed setup: only keys that can change it. */
export function setupAdvice(report: SetupReport): string {
  if (report.choice.source === 'configuration')
    return 'Fix the `setup` commands in .github/ensemble.yml (they run with network, without credentials).';
  return (
    'Set `setup` in .github/ensemble.yml to the commands that install the dependencies: it replaces ' +
    'detection (setup commands run with network, without credentials; the tests run without network).'
  );
}

/**
 * Gives `dir` and `home` a working environment: the run's installed result when the context has
 * one, else (a context built without a session) the setup commands run in `dir` itself. Null when
 * done, else why not, with the command's exit and last lines.
 */
export async function provisionWorktree(
  ctx: StageContext,
  dir: string,
  home: string,
  progress?: (message: string) => void,
): Promise<string | null> {
  if (ctx.environment) return ctx.environment.provision(dir, home);
  const { setup, test } = await environmentChoice(ctx, dir);
  if (setup.commands.length === 0) return null;
  const started = Date.now();
  // A HOME of its own, copied over after: `home` may already hold files a change's commands wrote
  // (an .npmrc, a pip.conf) to steer an install that has network.
  const setupHome = await mkdtemp(join(tmpdir(), 'ensemble-setup-home-'));
  let failure: SetupFailure | null;
  try {
    failure = await runSetupCommands(ctx, dir, setup.commands, {
      timeoutMs: setupTimeoutMs(ctx),
      home: setupHome,
      ...(progress ? { progress } : {}),
    });
    if (!failure) {
      for (const entry of await readdir(setupHome)) await copyTree(join(setupHome, entry), join(home, entry));
    }
  } finally {
    await forceRemove(setupHome);
  }
  if (!failure) return null;
  return setupProblem({ status: 'failed', choice: setup, test, failure, durationMs: Date.now() - started });
}

/**
 * Runs setup commands in `dir`, in the sandbox with the clean environment but with network
 * access, because installing needs it. What they write outside ignored paths is undone
 * (node_modules and the like stay), so it never becomes part of a change. Returns the first
 * command that failed, or null.
 */
export async function runSetupCommands(
  ctx: Pick<StageContext, 'commands'>,
  dir: string,
  commands: readonly string[],
  options: SetupCommandOptions,
): Promise<SetupFailure | null> {
  return restoringWorktree(dir, async () => {
    for (const command of commands) {
      options.progress?.(`setup: \`${command}\``);
      const failure = await runWithRetries(ctx, dir, command, options);
      if (failure) return failure;
    }
    return null;
  });
}

export interface SetupCommandOptions {
  timeoutMs: number;
  home: string;
  progress?: (message: string) => void;
  /** Waits between attempts of a command that met a transient network failure; default real timers. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * What a package manager prints when the registry or the network failed for a moment rather than
 * the install being wrong: HTTP 429 and 5xx from the registry, dropped or refused connections,
 * DNS that did not answer. A setup command that fails with one of these is run again.
 */
const TRANSIENT_FAILURE =
  /\b(E(?:429|50[0234])|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|ESOCKETTIMEDOUT|socket hang up|(?:429|50[0234]) (?:Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)|Temporary failure in name resolution|Connection reset by peer|Could not resolve host|i\/o timeout|TLS handshake timeout|Read timed out)\b/i;

/** Waits before the second and third attempts of a command that met a transient failure. */
export const SETUP_RETRY_DELAYS_MS: readonly number[] = [2_000, 10_000];

/** Runs one setup command, again after a transient network failure (`TRANSIENT_FAILURE`); its failure, or null. */
async function runWithRetries(
  ctx: Pick<StageContext, 'commands'>,
  dir: string,
  command: string,
  options: SetupCommandOptions,
): Promise<SetupFailure | null> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  for (let attempt = 1; ; attempt++) {
    const result = await runSandboxed({
      // Proxy and CA settings reach setup commands through the sandbox itself (`runSandboxed`, network on).
      command,
      cwd: dir,
      timeoutMs: options.timeoutMs,
      maxOutputBytes: 200_000,
      network: true,
      scratchDir: options.home,
      ...(ctx.commands.isolation ? { isolation: ctx.commands.isolation } : {}),
      ...(ctx.commands.log ? { log: ctx.commands.log } : {}),
      ...(ctx.commands.passThrough ? { passThrough: ctx.commands.passThrough } : {}),
      ...(ctx.commands.abortSignal ? { abortSignal: ctx.commands.abortSignal } : {}),
    });
    if (result.exitCode === 0) return null;
    const transient = !result.timedOut && result.exitCode !== null && TRANSIENT_FAILURE.exec(result.output)?.[1];
    const delay = SETUP_RETRY_DELAYS_MS[attempt - 1];
    if (transient && delay !== undefined && !ctx.commands.abortSignal?.aborted) {
      options.progress?.(
        `setup: \`${command}\` failed with what looks like a passing network problem (${transient}); ` +
          `trying again in ${delay / 1000} s (attempt ${attempt + 1} of ${SETUP_RETRY_DELAYS_MS.length + 1})`,
      );
      await sleep(delay);
      continue;
    }
    const tries = attempt > 1 ? ` (after ${attempt} attempts: the network kept failing)` : '';
    const how = result.timedOut
      ? `did not finish within ${formatTimeLimit(options.timeoutMs)}`
      : `exited with ${result.exitCode ?? result.signal}${tries}`;
    return {
      command,
      exitCode: result.exitCode,
      timedOut: result.timedOut,
      signal: result.signal,
      outputTail: tail(normaliseOutput(result.output, [dir]), OUTPUT_TAIL_CHARS).trim(),
      how,
    };
  }
}

/** A copy that keeps symbolic links as they are (node_modules/.bin links are relative) and modes. */
async function copyTree(from: string, to: string): Promise<void> {
  try {
    await cp(from, to, { recursive: true, verbatimSymlinks: true, force: true, preserveTimestamps: true });
  } catch (error) {
    throw new Error(`could not copy the installed dependencies ${from} to ${to}: ${errorMessage(error)}`);
  }
}

async function forceRemove(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 2 }).catch(() => {});
}
