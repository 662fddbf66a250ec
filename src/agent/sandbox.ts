import { type ChildProcess, execFile, spawn } from 'node:child_process';
import type { Stats } from 'node:fs';
import { accessSync, constants, lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { credentialPathReason, credentialWordInName } from '../contracts/config.ts';
import { HOME_CREDENTIAL_STORES } from '../contracts/credential-stores.ts';
import { UserError } from '../util/errors.ts';
import { commandStarted } from '../workspace/index.ts';
import { isInside } from './paths.ts';
import { gitConfigFiles, gitConfigView, gitDirs } from './sandbox-git.ts';

/**
 * Runs an agent's shell command away from the orchestrator's credentials (docs/design.md §3.3).
 *
 * Every command starts from an EMPTY environment plus an allow-list (PATH, HOME = a scratch
 * directory, LANG, CI=true, TERM=dumb, PYTHONDONTWRITEBYTECODE=1, the toolchain homes), plus for setup commands (`network`)
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
 * - the file system is an ALLOW-LIST: a command sees only what it is given, and nothing else of
 *   the host is there at all (not hidden: absent). Onto bubblewrap's empty root go
 *   (`systemMounts`) the system directories read-only (`/usr`, `/bin`, `/sbin`, `/lib*`, `/etc`
 *   minus its secrets (`/etc/shadow`, host SSH keys, …), `/nix`, `/snap`; merged-/usr links
 *   recreated as links) and `/opt` (the hosted runner's tool cache) entry by entry, leaving out an
 *   entry that holds the workspace, the runner or a home directory; fresh `/proc` and `/dev`;
 *   empty `/tmp`, `/run` and `/var/tmp` (no Docker, D-Bus or other host socket, wherever it is).
 *   Then the toolchains outside those directories, read-only (`givenBackMounts`: each PATH
 *   entry's toolchain directory and the toolchain homes, in `/tmp`, the home directory or
 *   elsewhere; CA files and `sandbox-paths`), with credential stores, the Actions runner's files
 *   and temp directory hidden again inside what was given back (`hiddenPaths`); the workspace
 *   and the scratch HOME read-write; and the git directories the worktree needs, read-only (a
 *   command could otherwise plant `core.fsmonitor` or hooks that the orchestrator's own git calls
 *   would run outside the sandbox), with every git configuration file in them and
 *   `/etc/gitconfig` replaced by a copy without credentials (sandbox-git.ts: remote URLs without
 *   their userinfo, no `http.*.extraheader`, `credential.*` or includes). The root itself is
 *   read-only. Not there: the user's home directory and every other one, `/root`, `/var`, `/srv`,
 *   `/mnt`, `/media`, `/sys`, the files of the user's checkout beside its `.git` (an untracked
 *   `.env`), other checkouts. What a linked worktree needs of its repository is the whole common
 *   git directory: every branch's objects and refs, and the other worktrees' index and HEAD.
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

/**
 * A directory of the command's HOME that is first on its PATH: the setup puts shims there for
 * what the repository's scripts call by name and the host may lack (pnpm and yarn through
 * corepack or npx), and each worktree's HOME is a copy of the setup's.
 */
export const COMMAND_BIN_DIR = '.ensemble/bin';

/** The only variables a command sees: the fixed allow-list, then what `commandView` adds. */
export function sandboxEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  const pathEntries = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((entry) => entry !== '' && path.isAbsolute(entry));
  const hostPath = pathEntries.length > 0 ? pathEntries.join(path.delimiter) : DEFAULT_PATH;
  return {
    ...extra,
    PATH: `${path.join(home, COMMAND_BIN_DIR)}${path.delimiter}${hostPath}`,
    HOME: home,
    LANG: process.env.LANG || 'C.UTF-8',
    CI: 'true',
    TERM: 'dumb',
    // Python's bytecode caches (__pycache__/) land beside the sources, where a repository without
    // a .gitignore rule for them would see them committed with the agent's change.
    PYTHONDONTWRITEBYTECODE: '1',
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
    const args = [...isolationFlags(false), ...systemMounts([]).args, '--remount-ro', '/', '--', 'true'];
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

/**
 * The system directories every command gets read-only: what the distribution's toolchains and
 * libraries need. Where the host has one as a symlink (merged /usr: `/bin -> usr/bin`) it is
 * recreated as that symlink. `/etc` comes whole, minus `ETC_SECRETS`.
 */
const SYSTEM_DIRS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/etc', '/nix', '/snap'] as const;
/**
 * Tool caches (`/opt/hostedtoolcache` on GitHub's runners) and vendors' toolchains: given entry by
 * entry, so that an entry holding a checkout, the Actions runner or a home directory
 * (`/opt/actions-runner/_work/…`) stays out.
 */
const OPT = '/opt';
/** Files in `/etc` that hold secrets of the host rather than configuration a toolchain reads. */
const ETC_SECRETS = [
  '/etc/shadow',
  '/etc/shadow-',
  '/etc/gshadow',
  '/etc/gshadow-',
  '/etc/ssl/private',
  '/etc/krb5.keytab',
  '/etc/NetworkManager/system-connections',
  '/etc/wireguard',
  '/etc/ipsec.secrets',
  '/etc/ppp/chap-secrets',
  '/etc/ppp/pap-secrets',
] as const;

/** The read-only part of a sandbox's file system. */
interface SystemMounts {
  args: string[];
  /** The directories bound read-only (what a command can see of the host, besides what is given back). */
  shown: string[];
}

/**
 * The sandbox's root is an empty tmpfs of bubblewrap's; onto it go the system directories
 * read-only, fresh `/proc` and `/dev`, and empty `/tmp`, `/run` and `/var/tmp`. Nothing else of
 * the host: not `/home`, `/root`, `/var` (`/var/run/docker.sock`), `/srv`, `/mnt`, `/media`, other
 * checkouts. `keepOut`: what no entry of `/opt` given whole may hold.
 */
function systemMounts(keepOut: readonly string[]): SystemMounts {
  const args: string[] = [];
  const shown: string[] = [];
  const mount = (dir: string) => {
    let stat: Stats;
    try {
      stat = lstatSync(dir);
    } catch {
      return; // not on this host
    }
    if (stat.isSymbolicLink()) args.push('--symlink', readlinkSync(dir), dir);
    else if (stat.isDirectory()) {
      args.push('--ro-bind', dir, dir);
      shown.push(dir);
    }
  };
  for (const dir of SYSTEM_DIRS) mount(dir);
  if (isDir(OPT)) {
    if (!keepOut.some((kept) => isInside(OPT, kept))) mount(OPT);
    else {
      for (const entry of readdirSync(OPT)) {
        const dir = path.join(OPT, entry);
        if (!keepOut.some((kept) => isInside(dir, kept))) mount(dir);
      }
    }
  }
  args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp', '--tmpfs', '/run', '--tmpfs', '/var/tmp');
  // Usually `/var/run -> /run` (and `/var/lock -> /run/lock`): kept as links to the empty /run.
  for (const link of ['/var/run', '/var/lock']) {
    try {
      if (lstatSync(link).isSymbolicLink()) args.push('--symlink', readlinkSync(link), link);
    } catch {
      // absent
    }
  }
  return { args, shown };
}

/**
 * Paths with credentials or host sockets that what the sandbox shows may hold: `/run` (given when
 * listed in `sandbox-paths`: the hide wins), the secrets of `/etc`, Nix's daemon socket under
 * `/nix`, credential stores in the home directory
 * (shown when a toolchain or listed path in it is given back), the Actions runner's files.
 */
function hiddenPaths(toolchains: Record<string, string>): string[] {
  // Nix's daemon socket is the one host socket a system directory usually holds.
  const hidden: string[] = ['/run', ...ETC_SECRETS, ...sshHostKeys(), '/nix/var/nix/daemon-socket'];
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
  const runnerRoot = actionsRunnerRoot();
  if (runnerRoot) {
    for (const name of ['.credentials', '.credentials_rsaparams', '.runner', '.env', '.path', '_diag']) {
      hidden.push(path.join(runnerRoot, name));
    }
  }
  return hidden;
}

/** The host's SSH private keys (`/etc/ssh/ssh_host_ed25519_key`; the `.pub` files are public). */
function sshHostKeys(): string[] {
  try {
    return readdirSync('/etc/ssh')
      .filter((name) => /^ssh_host_.*_key$/.test(name))
      .map((name) => path.join('/etc/ssh', name));
  } catch {
    return [];
  }
}

/** The Actions runner's directory when this process is an action it started (`<root>/externals/nodeNN/bin/node`). */
function actionsRunnerRoot(): string | null {
  return /[/\\]externals[/\\]node\d+[/\\]bin[/\\]node$/.test(process.execPath)
    ? path.resolve(process.execPath, '../../../..')
    : null;
}

function realHome(): string {
  try {
    return realpathSync(os.homedir());
  } catch {
    return '/';
  }
}

/** What the sandbox gives back of the host beyond the system directories. */
interface GivenBack {
  args: string[];
  /** What was given back (a hidden path inside one is hidden again). */
  roots: string[];
}

/**
 * The toolchains and listed paths outside the system directories, given back read-only:
 * - for each directory on PATH and each toolchain home, what holds it (`givenBackRoot`): in the
 *   home directory its top-level directory (`~/.nvm`, `~/.pyenv`, `~/.cargo`, `~/.rustup`,
 *   `~/.asdf`, `~/.local`), elsewhere (`/tmp`, a runner's tool cache outside `/opt`, a project's
 *   `node_modules`) the toolchain's own directory, the one that holds its `bin`: a toolchain's
 *   `bin` finds its `lib` next to it, and shims find what they point to. `/tmp` and the home
 *   directory themselves on PATH are not given back.
 * - each file or directory of `extra` (CA files, `sandbox-paths`) exactly, unless a hidden path
 *   holds it (the hide wins; CA files come back later on their own).
 * Shell histories, other projects and tools' configuration stay out of reach. Credential stores
 * inside what is given back are hidden again by `hiddenPaths` afterwards (later mounts win).
 */
function givenBackMounts(options: {
  home: string;
  workspace: string;
  toolchains: Record<string, string>;
  extra: readonly string[];
  notes: string[];
  shown: readonly string[];
  hidden: readonly string[];
  keepOut: readonly string[];
}): GivenBack {
  const { home, workspace, toolchains, extra, notes, shown, hidden, keepOut } = options;
  const args: string[] = [];
  const roots: string[] = [];
  const visible = (target: string) => [...shown, ...roots].some((root) => isInside(root, target));
  const give = (target: string) => {
    if (visible(target)) return;
    args.push('--ro-bind', target, target);
    roots.push(target);
  };
  for (const entry of [...(process.env['PATH'] ?? '').split(':'), ...Object.values(toolchains)]) {
    if (!path.isAbsolute(entry)) continue;
    let real: string;
    try {
      real = realpathSync(entry);
    } catch {
      continue;
    }
    // In the workspace: bound read-write anyway.
    if (visible(real) || isInside(workspace, real)) continue;
    const root = givenBackRoot(real, home, keepOut);
    if (root !== null) give(root);
  }
  for (const wanted of extra) {
    let real: string;
    try {
      real = realpathSync(wanted);
    } catch {
      notes.push(`${wanted} does not exist here: commands cannot see it`);
      continue;
    }
    if (hidden.some((dir) => isInside(dir, real))) continue;
    give(real);
  }
  return { args, roots };
}

/**
 * What to give back for a PATH entry or toolchain home `real` outside the system directories: in
 * the home directory, its top-level directory (`~/.pyenv`, whose shims point into its versions);
 * elsewhere the toolchain itself, the directory that holds its `bin` (`/tmp/x/node` for
 * `/tmp/x/node/bin`), so that what is next to it (other runs' files, a test suite's temporary
 * directories, other checkouts) stays out of reach. Never a directory that holds what must stay
 * out (`keepOut`: the workspace, the repository's git directories, the home directory, which may
 * sit inside `/tmp`): then the entry alone, deeper, or nothing.
 */
function givenBackRoot(real: string, home: string, keepOut: readonly string[]): string | null {
  const holdsKept = (dir: string) => keepOut.some((kept) => isInside(dir, kept));
  if (home !== '/' && isInside(home, real)) {
    if (real === home) return null;
    let top = home;
    for (const part of path.relative(home, real).split(path.sep)) {
      top = path.join(top, part);
      if (!holdsKept(top)) return top;
    }
    return null;
  }
  const prefix = ['bin', '.bin', 'shims'].includes(path.basename(real)) ? path.dirname(real) : real;
  for (const candidate of [prefix, real]) {
    if (candidate !== '/' && candidate !== '/tmp' && !holdsKept(candidate)) return candidate;
  }
  return null;
}

/** Real path, or null when absent. */
function realOrNull(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}

async function bwrapArgs(options: {
  command: string;
  cwd: string;
  workspace: string;
  home: string;
  network: boolean;
  view: CommandView;
  /** A private directory of the host for the sanitised git configuration (bound file by file). */
  gitView: string;
}): Promise<string[]> {
  const { command, cwd, workspace, home, network, view, gitView } = options;
  // Read once per command: each is a few stat calls, and every list below needs them.
  const userHome = realHome();
  const toolchains = toolchainHomes();
  const repoGitDirs = gitDirs(workspace).map((dir) => realOrNull(dir) ?? dir);
  const runnerRoot = actionsRunnerRoot();
  const keepOut = [
    workspace,
    home,
    ...repoGitDirs,
    ...(userHome === '/' ? [] : [userHome]),
    ...(runnerRoot ? [runnerRoot] : []),
  ];
  const system = systemMounts(keepOut);
  const args = [...isolationFlags(network), ...system.args];
  const hidden = [
    ...new Set(
      hiddenPaths(toolchains)
        .map(realOrNull)
        .filter((p): p is string => p !== null),
    ),
  ];
  const givenBack = givenBackMounts({
    home: userHome,
    workspace,
    toolchains,
    extra: view.paths,
    notes: view.notes,
    shown: system.shown,
    hidden,
    keepOut,
  });
  args.push(...givenBack.args);
  const shown = [...system.shown, ...givenBack.roots];
  for (const real of hidden) {
    // Only what the sandbox shows needs hiding: the rest of the host is not there at all.
    if (!shown.some((root) => isInside(root, real))) continue;
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
    // DNS: /etc/resolv.conf is often a link out of /etc (into /run with systemd-resolved, /mnt/wsl
    // on WSL): give that one file back.
    const resolv = realOrNull('/etc/resolv.conf');
    if (resolv && !system.shown.some((root) => isInside(root, resolv))) args.push('--ro-bind', resolv, resolv);
  }
  // Later mounts win: the workspace and HOME are writable even under a hidden or tmpfs path.
  args.push('--bind', workspace, workspace);
  for (const dir of gitDirs(workspace)) args.push('--ro-bind', dir, dir);
  // Git's configuration, as commands see it: without credentials (sandbox-git.ts).
  const configs = gitConfigFiles(repoGitDirs);
  for (const [index, file] of configs.entries()) {
    // A copy even of a file without credentials: what the command sees cannot change while it runs.
    const copy = path.join(gitView, `config-${index}`);
    const seen = await gitConfigView(file, path.join(gitView, `work-${index}`));
    if (seen.note) view.notes.push(seen.note);
    await writeFile(copy, seen.content);
    args.push('--ro-bind', copy, file);
  }
  args.push('--bind', home, home, '--remount-ro', '/', '--chdir', cwd, '--clearenv');
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
  // The sanitised git configuration commands see: a directory of the host, only its files bound inside.
  let gitView: string | null = null;
  // Ends the command for the workspace's cached reads (`quiet.ts`); never called for a command run
  // outside bubblewrap, which can leave a process behind that writes the repository later.
  let ended: (() => void) | null = null;

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
    if (bwrap) gitView = await mkdtemp(path.join(os.tmpdir(), 'ensemble-gitview-'));
    const args = bwrap
      ? await bwrapArgs({ command: options.command, cwd, workspace, home, network, view, gitView: gitView as string })
      : null;
    for (const note of view.notes) tellOnce(options.log, note);
    // Inside bubblewrap a command writes only its workspace and HOME; outside it, anything.
    const end = commandStarted(bwrap ? [workspace, home] : null);
    if (bwrap) ended = end;
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
    ended?.();
    if (ownScratch) await rm(scratch, { recursive: true, force: true }).catch(() => {});
    if (gitView) await rm(gitView, { recursive: true, force: true }).catch(() => {});
  }
}
