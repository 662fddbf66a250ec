import { type ChildProcess, execFile, spawn } from 'node:child_process';
import type { Stats } from 'node:fs';
import { accessSync, constants, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { credentialPathReason, credentialWordInName } from '../contracts/config.ts';
import { HOME_CREDENTIAL_STORES } from '../contracts/credential-stores.ts';
import { UserError } from '../util/errors.ts';
import { isInside } from './paths.ts';

/**
 * Runs an agent's shell command away from the orchestrator's credentials (docs/design.md §3.3).
 *
 * Every command starts from an EMPTY environment plus an allow-list (PATH, HOME = a scratch
 * directory, LANG, CI=true, TERM=dumb, the toolchain homes), plus for setup commands (`network`)
 * the proxy and CA variables, plus what the configuration's `sandbox-env` names (`commandView`).
 * Where bubblewrap works (Linux, user namespaces allowed) the command also runs inside it:
 * - `--unshare-all`: no network (only a private loopback), own PID, IPC, UTS, cgroup and user
 *   namespaces; `--share-net` only when the caller asks for `network: true` (setup commands).
 * - own PID namespace and a fresh `/proc`: the orchestrator and the runner are not visible, so
 *   `/proc/<pid>/environ` of any process outside cannot be read. PID 1 inside is bubblewrap's
 *   own init, whose environment is the one bubblewrap was started with: that is why bubblewrap
 *   itself is spawned with the allow-list only, not just given `--clearenv`.
 * - `--die-with-parent`, `--new-session` (no TIOCSTI into the parent's terminal),
 *   `--cap-drop ALL` (matters when the runner is root: with capabilities a command could remount
 *   `/` read-write), and no new privileges: bubblewrap always sets PR_SET_NO_NEW_PRIVS on the
 *   sandboxed process (`NoNewPrivs: 1` in `/proc/self/status`; the tests check it).
 * - the file system is the host's, read-only (`--ro-bind / /`), so toolchains wherever they are
 *   installed keep working (those under `/tmp` or the home directory, which are emptied, are
 *   given back read-only: `givenBackMounts`); fresh `/dev`, empty `/tmp` and `/run` (no Docker or D-Bus socket),
 *   credential stores in the home directory and the Actions runner's own files and temp
 *   directory hidden; the workspace and the scratch HOME bound read-write; the repository's git
 *   directory bound read-only again (a command could otherwise plant `core.fsmonitor` or hooks
 *   that the orchestrator's own git calls would run outside the sandbox).
 *
 * Where bubblewrap is missing or cannot start (some containers forbid user namespaces; probed
 * once per process), the command gets the clean environment only and a warning is logged once
 * (`isolation: 'auto'`, tests), or the run stops (`required`, every run unless `sandbox: none`,
 * which is said once per run in its output).
 * Residual risk in that mode: the command runs as the same user as the orchestrator, so it can
 * read `/proc/$PPID/environ` (the orchestrator's environment AS IT WAS AT EXEC: deleting keys
 * from `process.env` does not erase that block; the model helper scrubs `process.env` anyway, and
 * variables set after start never appear there), reach the network, and write `.git`. It is
 * spawned `detached` (its own session and process group) so that a timeout can kill the group,
 * which does not hide the parent. Prefer runners where bubblewrap works.
 */

/** Commands must run in bubblewrap and it cannot be used here. */
export class SandboxUnavailableError extends UserError {
  override name = 'SandboxUnavailableError';
  constructor(reason: string) {
    super(
      `${reason}. ensemble runs repository and agent commands only ` +
        'inside bubblewrap: install it (apt-get install bubblewrap; ' +
        'on Ubuntu 23.10 and later also load an AppArmor profile that lets bwrap alone ' +
        "create user namespaces: ensemble's scripts/install-sandbox.sh does both, or prints the commands), " +
        'or set `sandbox: none` in .github/ensemble.yml to run commands ' +
        'without isolation, where they can read the credentials of the run.',
    );
  }
}

/** Throws {@link SandboxUnavailableError} when `isolation` is `required` and bubblewrap does not work here. */
export async function requireSandbox(isolation: SandboxOptions['isolation']): Promise<void> {
  if (isolation !== 'required') return;
  const found = await probeBubblewrap();
  if (!found.available) throw new SandboxUnavailableError(found.reason);
}

export interface SandboxOptions {
  /** Shell command, run as `/bin/sh -c command`. */
  command: string;
  /** Working directory (absolute); must exist. */
  cwd: string;
  /** The directory bound read-write inside the sandbox; defaults to `cwd`. */
  workspace?: string;
  /** The whole process group is killed after this long. */
  timeoutMs: number;
  /** Combined stdout+stderr kept: the first quarter and the last three quarters, the middle elided. */
  maxOutputBytes: number;
  /** HOME for the command, bound read-write. A fresh temporary directory (removed afterwards) when absent. */
  scratchDir?: string;
  /** Where the one-time "no bubblewrap" warning goes. */
  log?: (message: string) => void;
  /** Keep the host network (for dependency installs in setup commands). Default false. */
  network?: boolean;
  /** 'none' skips bubblewrap (the clean environment still applies). Default 'auto'. */
  isolation?: 'required' | 'auto' | 'none';
  /** Aborting kills the process group, like a timeout. */
  abortSignal?: AbortSignal;
  /** What the configuration passes through (`sandbox-env`, `sandbox-paths`); `setup` applies with `network`. */
  passThrough?: SandboxPassThrough;
}

/** Named variables and read-only paths given to setup commands (those with the network) or to all. */
export interface SandboxPassThrough {
  env: { setup: readonly string[]; all: readonly string[] };
  paths: { setup: readonly string[]; all: readonly string[] };
}

export interface SandboxResult {
  /** null when the command was killed (timeout, abort or signal). */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** stdout and stderr interleaved as they arrived; head and tail kept when over the cap. */
  output: string;
  truncated: boolean;
  durationMs: number;
  /** True when the command ran inside bubblewrap. */
  sandboxed: boolean;
}

export type BubblewrapProbe = { available: true; path: string } | { available: false; reason: string };

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** The file system every sandbox starts from, the probe's included: the host read-only, fresh /proc, /dev, /tmp. */
const ROOT_MOUNTS = ['--ro-bind', '/', '/', '--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp'] as const;
/** After the command exits, how long stragglers holding its pipes get before the pipes are closed. */
const PIPE_GRACE_MS = 1_000;

/**
 * Variables a command with the network (a setup command) needs to reach a registry through the
 * runner's proxy and to trust its TLS-intercepting CA, matched case-insensitively. None of them is
 * a credential, except a proxy URL with a user and password in it: that one is withheld.
 */
const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY'];
const CA_VARIABLES = [
  'NODE_EXTRA_CA_CERTS',
  'NODE_USE_SYSTEM_CA',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'REQUESTS_CA_BUNDLE',
  'CURL_CA_BUNDLE',
  'PIP_CERT',
  'GIT_SSL_CAINFO',
  'GIT_SSL_CAPATH',
  'NPM_CONFIG_CAFILE',
  'CARGO_HTTP_CAINFO',
];

export interface CommandView {
  /** The variables the command gets beyond the fixed allow-list. */
  env: Record<string, string>;
  /** Files and directories it must see read-only (CA files, the configuration's paths). */
  paths: string[];
  /** The CA files among them: given back even where a hidden directory holds them (`/run`, `RUNNER_TEMP`). */
  caFiles: string[];
  /** What was withheld or could not be given, for the log. */
  notes: string[];
}

/**
 * What a command gets beyond the fixed allow-list: for a setup command (`network`), the proxy and
 * CA variables of the environment and the files they name; for every command, what the
 * configuration's `sandbox-env` and `sandbox-paths` name for it. A name that looks like a
 * credential is refused here too (the configuration refuses it first), so no caller can pass one.
 */
export function commandView(options: { network?: boolean; passThrough?: SandboxPassThrough } = {}): CommandView {
  const network = options.network ?? false;
  const passThrough = options.passThrough;
  const view: CommandView = { env: {}, paths: [], caFiles: [], notes: [] };
  const byUpper = new Map<string, string[]>();
  for (const name of Object.keys(process.env)) {
    const upper = name.toUpperCase();
    byUpper.set(upper, [...(byUpper.get(upper) ?? []), name]);
  }
  const named = new Set([...(passThrough?.env.all ?? []), ...(network ? (passThrough?.env.setup ?? []) : [])]);
  if (network) {
    for (const wanted of [...PROXY_VARIABLES, ...CA_VARIABLES]) {
      for (const name of byUpper.get(wanted) ?? []) {
        const value = process.env[name];
        if (!value) continue;
        if (PROXY_VARIABLES.includes(wanted) && hasUserInfo(value) && !named.has(name)) {
          view.notes.push(
            `${name} holds a user and password, which setup commands never get: it was left out ` +
              `(list ${name} under sandbox-env.setup in .github/ensemble.yml to pass it anyway)`,
          );
          continue;
        }
        view.env[name] = value;
        if (CA_VARIABLES.includes(wanted)) {
          for (const file of value.split(path.delimiter)) {
            if (!path.isAbsolute(file)) continue;
            view.paths.push(file);
            view.caFiles.push(file);
          }
        }
      }
    }
  }
  for (const name of named) {
    const word = credentialWordInName(name);
    if (word) throw new UserError(`sandbox-env: "${name}" looks like a credential (${word}); commands never get one`);
    const value = process.env[name];
    if (value !== undefined) view.env[name] = value;
  }
  for (const entry of [...(passThrough?.paths.all ?? []), ...(network ? (passThrough?.paths.setup ?? []) : [])]) {
    view.paths.push(entry.startsWith('~/') ? path.join(os.homedir(), entry.slice(2)) : entry);
  }
  return view;
}

function hasUserInfo(value: string): boolean {
  try {
    const url = new URL(value.includes('://') ? value : `http://${value}`);
    return url.username !== '' || url.password !== '';
  } catch {
    return /@/.test(value);
  }
}

/** The only variables a command sees: the fixed allow-list, then what `commandView` adds. */
export function sandboxEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  const pathEntries = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((entry) => entry !== '' && path.isAbsolute(entry));
  return {
    ...extra,
    PATH: pathEntries.length > 0 ? pathEntries.join(path.delimiter) : DEFAULT_PATH,
    HOME: home,
    LANG: process.env.LANG || 'C.UTF-8',
    CI: 'true',
    TERM: 'dumb',
    ...toolchainHomes(),
  };
}

/**
 * Toolchains whose commands on PATH find their files through a home of their own rather than
 * through PATH: rustup's proxies in `~/.cargo/bin` (as on GitHub-hosted runners) read the
 * toolchains under `RUSTUP_HOME` and cargo its registry under `CARGO_HOME`, both by default in the
 * user's home directory, which a command does not see (its HOME is a scratch directory). Each
 * home is passed as the user's environment sets it, or as the tool's default when that directory
 * exists; `givenBackMounts` gives it back read-only and `hiddenPaths` hides the credentials inside.
 */
const TOOLCHAIN_HOMES = [
  { variable: 'RUSTUP_HOME', defaultDir: '.rustup' },
  { variable: 'CARGO_HOME', defaultDir: '.cargo' },
] as const;

export function toolchainHomes(): Record<string, string> {
  const homes: Record<string, string> = {};
  for (const { variable, defaultDir } of TOOLCHAIN_HOMES) {
    const given = process.env[variable];
    const dir = given && path.isAbsolute(given) ? given : path.join(os.homedir(), defaultDir);
    if (isDir(dir)) homes[variable] = dir;
  }
  return homes;
}

function findOnPath(name: string): string | null {
  const dirs = (process.env.PATH ?? DEFAULT_PATH).split(path.delimiter).filter((d) => path.isAbsolute(d));
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** Namespace and privilege flags shared by the probe and every command. */
function isolationFlags(network: boolean): string[] {
  return [
    '--unshare-all',
    ...(network ? ['--share-net'] : []),
    '--die-with-parent',
    '--new-session',
    '--cap-drop',
    'ALL',
  ];
}

let probe: Promise<BubblewrapProbe> | null = null;
let warned = false;
/**
 * What each log (one per run's session) was told already: `sandbox: none` once, and each note
 * once, however many commands follow.
 */
const told = new WeakMap<(message: string) => void, Set<string>>();

function tellOnce(log: ((message: string) => void) | undefined, message: string): void {
  if (!log) return;
  const seen = told.get(log) ?? new Set<string>();
  told.set(log, seen);
  if (seen.has(message)) return;
  seen.add(message);
  log(message);
}

/**
 * Finds bubblewrap and checks once that it can actually start a sandbox with the flags used
 * (containers often forbid user namespaces or mounting /proc). The result is cached.
 */
export function probeBubblewrap(): Promise<BubblewrapProbe> {
  probe ??= (async (): Promise<BubblewrapProbe> => {
    if (process.platform !== 'linux')
      return { available: false, reason: `bubblewrap needs Linux (this is ${process.platform})` };
    const bwrap = findOnPath('bwrap');
    if (!bwrap) return { available: false, reason: 'bubblewrap not found' };
    const args = [...isolationFlags(false), ...ROOT_MOUNTS, '--', 'true'];
    return new Promise<BubblewrapProbe>((resolve) => {
      execFile(bwrap, args, { env: { PATH: DEFAULT_PATH }, timeout: 15_000 }, (error, _stdout, stderr) => {
        if (!error) resolve({ available: true, path: bwrap });
        else
          resolve({
            available: false,
            reason: `bubblewrap cannot start a sandbox here (${String(stderr).trim() || error.message})`,
          });
      });
    });
  })();
  return probe;
}

/** Forget the cached probe and the one-time warning (tests; and once the sandbox was set up). */
export function resetBubblewrapProbe(): void {
  probe = null;
  warned = false;
}

function isDir(p: string): boolean {
  try {
    return lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Paths with credentials or host sockets that the read-only root would otherwise expose. */
function hiddenPaths(toolchains: Record<string, string>): string[] {
  const hidden: string[] = ['/run'];
  if (isDir('/var/run')) hidden.push('/var/run'); // usually a symlink to /run
  const home = os.homedir();
  for (const rel of HOME_CREDENTIAL_STORES) {
    hidden.push(path.join(home, rel));
  }
  // The Actions runner: its temp directory (event payload, file commands, step scripts) and,
  // next to the Node it starts actions with (<root>/externals/nodeNN/bin/node), its credentials.
  const cargoHome = toolchains['CARGO_HOME'];
  if (cargoHome) hidden.push(path.join(cargoHome, 'credentials'), path.join(cargoHome, 'credentials.toml'));
  if (process.env.RUNNER_TEMP) hidden.push(process.env.RUNNER_TEMP);
  const runnerRoot = /[/\\]externals[/\\]node\d+[/\\]bin[/\\]node$/.test(process.execPath)
    ? path.resolve(process.execPath, '../../../..')
    : null;
  if (runnerRoot) {
    for (const name of ['.credentials', '.credentials_rsaparams', '.runner', '.env', '.path', '_diag']) {
      hidden.push(path.join(runnerRoot, name));
    }
  }
  return hidden;
}

/** The git directories of a checkout or worktree (`.git` may be a file naming the real one). */
function gitDirs(workspace: string): string[] {
  const dotGit = path.join(workspace, '.git');
  let stat: Stats;
  try {
    stat = lstatSync(dotGit);
  } catch {
    return [];
  }
  if (stat.isDirectory()) return [dotGit];
  if (!stat.isFile()) return [];
  const dirs = [dotGit];
  const match = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'));
  if (match?.[1]) {
    const gitdir = path.resolve(workspace, match[1].trim());
    if (isDir(gitdir)) {
      dirs.push(gitdir);
      try {
        const common = path.resolve(gitdir, readFileSync(path.join(gitdir, 'commondir'), 'utf8').trim());
        if (isDir(common)) dirs.push(common);
      } catch {
        // not a linked worktree
      }
    }
  }
  return dirs;
}

function realHome(): string {
  try {
    return realpathSync(os.homedir());
  } catch {
    return '/';
  }
}

/** What the sandbox empties (the home directory and `/tmp`) and what of them it gives back read-only. */
interface GivenBack {
  args: string[];
  /** Directories given back whole (a hidden path inside one is hidden again). */
  roots: string[];
}

/**
 * The user's home directory replaced by an empty one (like `/tmp`, already empty), with what
 * commands need from both given back read-only:
 * - for each directory on PATH and each toolchain home inside them, what holds it
 *   (`givenBackRoot`): in the home directory its top-level directory (`~/.nvm`, `~/.pyenv`,
 *   `~/.cargo`, `~/.rustup`, `~/.asdf`, `~/.local`), in `/tmp` the toolchain's own directory
 *   (`/tmp/node-v24`, a checkout's `node_modules`): a toolchain's `bin` finds its `lib` next to
 *   it, and shims find what they point to. `/tmp` and the home directory themselves on PATH are
 *   not given back.
 * - each file or directory of `extra` (CA files, `sandbox-paths`) exactly.
 * Shell histories, other projects and tools' configuration stay out of reach. Credential stores
 * inside what is given back are hidden again by `hiddenPaths` afterwards (later mounts win).
 */
function givenBackMounts(
  home: string,
  toolchains: Record<string, string>,
  extra: readonly string[],
  notes: string[],
): GivenBack {
  const emptied = ['/tmp'];
  const args: string[] = [];
  if (home !== '/' && isDir(home)) {
    args.push('--tmpfs', home);
    emptied.unshift(home); // the more specific first: a home directory may sit inside /tmp
  }
  const roots: string[] = [];
  const mounted = new Set<string>();
  const give = (target: string) => {
    if (mounted.has(target) || roots.some((root) => isInside(root, target))) return;
    mounted.add(target);
    args.push('--ro-bind', target, target);
  };
  for (const entry of [...(process.env['PATH'] ?? '').split(':'), ...Object.values(toolchains)]) {
    if (!path.isAbsolute(entry)) continue;
    let real: string;
    try {
      real = realpathSync(entry);
    } catch {
      continue;
    }
    const under = emptied.find((dir) => isInside(dir, real));
    if (!under || real === under) continue;
    const top = givenBackRoot(under, real, home);
    if (top === null) continue;
    give(top);
    if (!roots.includes(top)) roots.push(top);
  }
  for (const wanted of extra) {
    let real: string;
    try {
      real = realpathSync(wanted);
    } catch {
      notes.push(`${wanted} does not exist here: commands cannot see it`);
      continue;
    }
    if (!emptied.some((dir) => isInside(dir, real))) continue; // visible already (or hidden: that wins)
    give(real);
    if (!roots.includes(real)) roots.push(real);
  }
  return { args, roots };
}

/**
 * What to give back for a PATH entry or toolchain home `real` inside an emptied directory `under`:
 * in the home directory, its top-level directory (`~/.pyenv`, whose shims point into its versions);
 * in `/tmp`, the toolchain itself, the directory that holds its `bin` (`/tmp/x/node` for
 * `/tmp/x/node/bin`), so that other things in `/tmp` (other runs' files, a test suite's temporary
 * directories) stay out of reach. Never a directory that holds the home directory (which may sit
 * inside `/tmp`): then nothing, or deeper.
 */
function givenBackRoot(under: string, real: string, home: string): string | null {
  const containsHome = (dir: string) => home !== '/' && isInside(dir, home);
  if (under === '/tmp') {
    const prefix = ['bin', '.bin', 'shims'].includes(path.basename(real)) ? path.dirname(real) : real;
    if (prefix !== under && !containsHome(prefix)) return prefix;
    return containsHome(real) ? null : real;
  }
  let top = under;
  for (const part of path.relative(under, real).split(path.sep)) {
    top = path.join(top, part);
    if (!containsHome(top)) break;
  }
  return containsHome(top) ? null : top;
}

function bwrapArgs(options: {
  command: string;
  cwd: string;
  workspace: string;
  home: string;
  network: boolean;
  view: CommandView;
}): string[] {
  const { command, cwd, workspace, home, network, view } = options;
  const args = [...isolationFlags(network), ...ROOT_MOUNTS];
  // Read once per command: each is a few stat calls, and every list below needs them.
  const userHome = realHome();
  const toolchains = toolchainHomes();
  const givenBack = givenBackMounts(userHome, toolchains, view.paths, view.notes);
  args.push(...givenBack.args);
  const seen = new Set<string>();
  for (const hidden of hiddenPaths(toolchains)) {
    let real: string;
    try {
      real = realpathSync(hidden);
    } catch {
      continue; // absent
    }
    // /tmp is already empty, except what was given back of it (or of a home directory inside it).
    const shown = [userHome, ...givenBack.roots].some((root) => isInside(root, real));
    if (seen.has(real) || (isInside('/tmp', real) && !shown)) continue;
    seen.add(real);
    if (statSync(real).isDirectory()) args.push('--tmpfs', real);
    else args.push('--ro-bind', '/dev/null', real);
  }
  // A CA certificate is public: one that a hidden directory holds (an action may write it to
  // RUNNER_TEMP, a container mount it under /run) comes back, unless its path names a credential store.
  for (const file of view.caFiles) {
    try {
      const real = realpathSync(file);
      if (statSync(real).isFile() && credentialPathReason(real) === null) args.push('--ro-bind', real, real);
    } catch {
      // absent: givenBackMounts noted it
    }
  }
  if (network) {
    // DNS often lives under /run (systemd-resolved): give that one file back.
    try {
      const resolv = realpathSync('/etc/resolv.conf');
      if (isInside('/run', resolv)) args.push('--ro-bind', resolv, resolv);
    } catch {
      // no resolver configuration
    }
  }
  // Later mounts win: the workspace and HOME are writable even under a hidden or tmpfs path.
  args.push('--bind', workspace, workspace);
  for (const dir of gitDirs(workspace)) args.push('--ro-bind', dir, dir);
  args.push('--bind', home, home, '--chdir', cwd, '--clearenv');
  for (const [key, value] of Object.entries(sandboxEnv(home, view.env))) args.push('--setenv', key, value);
  args.push('--', '/bin/sh', '-c', command);
  return args;
}

/** Keeps the first quarter and the last three quarters of a byte stream. */
class OutputCapture {
  private readonly headCap: number;
  private readonly tailCap: number;
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  total = 0;

  constructor(maxBytes: number) {
    const max = Math.max(0, Math.floor(maxBytes));
    this.headCap = Math.floor(max / 4);
    this.tailCap = max - this.headCap;
  }

  push(chunk: Buffer): void {
    this.total += chunk.length;
    let rest = chunk;
    if (this.headBytes < this.headCap) {
      const take = Math.min(this.headCap - this.headBytes, rest.length);
      this.head.push(rest.subarray(0, take));
      this.headBytes += take;
      rest = rest.subarray(take);
    }
    if (rest.length === 0 || this.tailCap === 0) return;
    this.tail.push(rest);
    this.tailBytes += rest.length;
    while (this.tailBytes > this.tailCap) {
      const first = this.tail[0]!;
      const excess = this.tailBytes - this.tailCap;
      if (first.length <= excess) {
        this.tail.shift();
        this.tailBytes -= first.length;
      } else {
        this.tail[0] = first.subarray(excess);
        this.tailBytes -= excess;
      }
    }
  }

  result(): { output: string; truncated: boolean } {
    const omitted = this.total - this.headBytes - this.tailBytes;
    const head = Buffer.concat(this.head).toString('utf8');
    const tail = Buffer.concat(this.tail).toString('utf8');
    if (omitted <= 0) return { output: head + tail, truncated: false };
    return { output: `${head}\n[… ${omitted} bytes omitted …]\n${tail}`, truncated: true };
  }
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/**
 * Runs one command with the clean environment, inside bubblewrap where it works. Never throws for
 * the command's own failure.
 */
export async function runSandboxed(options: SandboxOptions): Promise<SandboxResult> {
  const started = performance.now();
  const cwd = realpathSync(options.cwd);
  const workspace = realpathSync(options.workspace ?? options.cwd);
  if (!isInside(workspace, cwd))
    throw new Error(`the command's directory ${cwd} is outside the workspace ${workspace}`);

  const ownScratch = options.scratchDir === undefined;
  const scratch = ownScratch
    ? await mkdtemp(path.join(os.tmpdir(), 'ensemble-home-'))
    : path.resolve(options.scratchDir!);
  if (!ownScratch) await mkdir(scratch, { recursive: true });
  const home = realpathSync(scratch);

  try {
    let bwrap: string | null = null;
    if (options.isolation !== 'none') {
      const found = await probeBubblewrap();
      if (found.available) bwrap = found.path;
      else if (options.isolation === 'required') {
        // Fail closed: without the sandbox a command could read the orchestrator's credentials
        // through /proc/<ppid>/environ and reach the network.
        throw new SandboxUnavailableError(found.reason);
      } else if (!warned) {
        warned = true;
        options.log?.(`${found.reason}: commands run without network isolation`);
      }
    } else {
      tellOnce(
        options.log,
        'sandbox: none: commands run WITHOUT bubblewrap: they have the network, can write .git and can read ' +
          "this process's environment as it started (/proc/<pid>/environ)",
      );
    }
    const network = options.network ?? false;
    const view = commandView({ network, ...(options.passThrough ? { passThrough: options.passThrough } : {}) });
    const env = sandboxEnv(home, view.env);
    const args = bwrap ? bwrapArgs({ command: options.command, cwd, workspace, home, network, view }) : null;
    for (const note of view.notes) tellOnce(options.log, note);
    // Detached: the command leads its own process group (and session), so a timeout kills all of it.
    const child = bwrap
      ? spawn(bwrap, args as string[], {
          cwd,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: true,
        })
      : spawn('/bin/sh', ['-c', options.command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });

    const capture = new OutputCapture(options.maxOutputBytes);
    child.stdout?.on('data', (chunk: Buffer) => capture.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => capture.push(chunk));

    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, options.timeoutMs);
    const onAbort = () => killGroup(child);
    options.abortSignal?.addEventListener('abort', onAbort, { once: true });
    if (options.abortSignal?.aborted) onAbort();

    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
      (resolve, reject) => {
        let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
        child.once('error', reject);
        child.once('exit', (exitCode, exitSignal) => {
          exited = { code: exitCode, signal: exitSignal };
          // Background children die with the command (bubblewrap tears its PID namespace down itself).
          killGroup(child);
          // A process that left the group may still hold the pipes: stop waiting for it.
          setTimeout(() => {
            child.stdout?.destroy();
            child.stderr?.destroy();
            resolve(exited!);
          }, PIPE_GRACE_MS).unref();
        });
        child.once('close', () => {
          if (exited) resolve(exited);
        });
      },
    ).finally(() => {
      clearTimeout(timer);
      options.abortSignal?.removeEventListener('abort', onAbort);
    });

    const { output, truncated } = capture.result();
    return {
      exitCode: signal || timedOut ? null : code,
      signal,
      timedOut,
      output,
      truncated,
      durationMs: Math.round(performance.now() - started),
      sandboxed: bwrap !== null,
    };
  } finally {
    if (ownScratch) await rm(scratch, { recursive: true, force: true }).catch(() => {});
  }
}
