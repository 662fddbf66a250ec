/**
 * Makes the command sandbox usable before a job's stage work starts (the code, test and all-in-one
 * actions), so that a runner without it fails at once with what to do, not after the plan was
 * downloaded and a model was paid. What "usable" takes is defined once, in
 * `scripts/install-sandbox.sh` (install bubblewrap; on Ubuntu 23.10+ load an AppArmor profile that
 * lets bwrap alone create user namespaces; never the global sysctl): this runs it, shipped with
 * the action, only when bubblewrap does not already work.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BubblewrapProbe, probeBubblewrap, resetBubblewrapProbe } from '../../agent/sandbox.ts';
import type { EnsembleConfig } from '../../contracts/config.ts';
import { UserError } from '../../util/errors.ts';
import type { ActionsCore } from './environment.ts';
import { logUntrusted } from './log.ts';

/** The script, relative to the action's repository root (the parent of `dist/`). */
export const INSTALL_SANDBOX_SCRIPT = 'scripts/install-sandbox.sh';

/** apt-get and a package's scripts can take a while; a hung `sudo` must not hold the job. */
const SCRIPT_TIMEOUT_MS = 10 * 60_000;

export interface ScriptRun {
  /** null when the script could not start or was killed. */
  exitCode: number | null;
  /** The outcome: one line of what was done, or on failure what an administrator must do. */
  stdout: string;
  /** The tools' own output (apt-get, apparmor_parser, bwrap). */
  stderr: string;
}

export interface SandboxSetupDeps {
  /** Probes bubblewrap afresh (the answer changes once the script has run). */
  probe(): Promise<BubblewrapProbe>;
  /** Runs `scripts/install-sandbox.sh`. */
  runScript(): Promise<ScriptRun>;
  /** The one line saying what was done. */
  info(message: string): void;
  /** The script's tools' output, which may hold anything (logged inert on Actions). */
  detail(text: string): void;
}

/** What {@link ensureSandbox} found or did. */
export type SandboxSetup = 'not required' | 'already works' | 'set up';

/** The sandbox is required and could not be made to work here; the message says what to do. */
export class SandboxSetupError extends UserError {
  override name = 'SandboxSetupError';
}

const OPT_OUT =
  'or set `sandbox: none` in .github/ensemble.yml to run agent, setup and test commands without isolation, ' +
  'knowingly: they can then read the credentials of the run and reach the network';

/**
 * When the configuration requires the sandbox (`sandbox: bubblewrap`, the default) and bubblewrap
 * does not work, runs the install script and probes again; throws {@link SandboxSetupError} with
 * the script's instructions when it still does not work. Logs one line saying what it did.
 */
export async function ensureSandbox(
  config: Pick<EnsembleConfig, 'sandbox'>,
  deps: SandboxSetupDeps,
): Promise<SandboxSetup> {
  if (config.sandbox === 'none') {
    deps.info('sandbox: none in the configuration: commands run without bubblewrap, nothing to set up');
    return 'not required';
  }
  const before = await deps.probe();
  if (before.available) {
    deps.info(`bubblewrap works (${before.path}): nothing to set up`);
    return 'already works';
  }
  const run = await deps.runScript();
  if (run.stderr.trim()) deps.detail(run.stderr.trimEnd());
  const outcome = run.stdout.trim();
  if (run.exitCode !== 0) {
    throw new SandboxSetupError(
      outcome ||
        `${INSTALL_SANDBOX_SCRIPT} failed (exit ${run.exitCode ?? 'none'}) without saying why (its output is ` +
          `above) after ${before.reason}; install bubblewrap and let it create user namespaces, ${OPT_OUT}`,
    );
  }
  const after = await deps.probe();
  if (!after.available) {
    throw new SandboxSetupError(
      `${INSTALL_SANDBOX_SCRIPT} reported "${outcome}", yet ${after.reason}. Make bubblewrap work on ` +
        `this runner (run the script by hand to see why it does not), ${OPT_OUT}.`,
    );
  }
  deps.info(`sandbox set up: ${outcome} (before: ${before.reason})`);
  return 'set up';
}

/**
 * The script shipped with the running code: the nearest `scripts/install-sandbox.sh` above the
 * module, which in the bundle is `dist/`'s parent, the action's repository root (the runner
 * fetches the whole repository for `uses:`).
 */
export function installScriptPath(moduleUrl: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    const candidate = join(dir, INSTALL_SANDBOX_SCRIPT);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(
        `${INSTALL_SANDBOX_SCRIPT} not found above ${fileURLToPath(moduleUrl)}: the action is incomplete`,
      );
    dir = parent;
  }
}

/**
 * The script's environment: what finding programs and running apt-get need, nothing else. The
 * job's environment still holds the model keys and tokens at this point; none of them reaches the
 * script, sudo or a package's maintainer scripts.
 */
export function scriptEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const kept: Record<string, string> = { DEBIAN_FRONTEND: 'noninteractive' };
  for (const name of ['PATH', 'HOME', 'LANG', 'TMPDIR']) {
    const value = env[name];
    if (value) kept[name] = value;
  }
  return kept;
}

/** Runs the script with bash; never throws for its failure. */
export function runInstallScript(script: string, env: Record<string, string>): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      [script],
      { env, timeout: SCRIPT_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolve({ exitCode: 0, stdout, stderr });
        const exitCode = typeof error.code === 'number' ? error.code : null;
        // Not started (no bash) or killed: the reason goes where the tools' output goes.
        const why = exitCode === null ? `${stderr}\n${error.message}` : stderr;
        resolve({ exitCode, stdout, stderr: why });
      },
    );
  });
}

/** The production dependencies on Actions: the real probe, the shipped script, the job log. */
export function actionsSandboxSetup(core: Pick<ActionsCore, 'info'>, env: NodeJS.ProcessEnv): SandboxSetupDeps {
  return {
    probe: () => {
      // The probe is cached per process: forget a failure, so that commands see the working sandbox.
      resetBubblewrapProbe();
      return probeBubblewrap();
    },
    runScript: () => runInstallScript(installScriptPath(), scriptEnv(env)),
    info: (message) => core.info(message),
    detail: (text) => logUntrusted(core, text),
  };
}
