import { spawn } from 'node:child_process';
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { keepWhileQuiet, type QuietCache, whileQuiet } from './quiet.ts';

/**
 * The one way `src/workspace/` runs git: the real CLI, arguments as an array (never a shell),
 * with settings that keep a repository's own configuration from running programs.
 *
 * Every workspace git call can follow agent commands, and a command run outside bubblewrap can
 * write the repository's `.git/config` (and a worktree's `.git` file names where that config
 * is). So, like `src/agent/tools/git.ts`, every call overrides the settings that would run a
 * program or reach further than the call needs:
 * - fixed `-c` overrides: no fsmonitor, no assume-unchanged entries (`core.ignoreStat`), no hooks (`core.hooksPath=/dev/null`; `worktree add`
 *   runs `post-checkout`, `update-ref` runs `reference-transaction`), no pager, no colour, no
 *   automatic gc or maintenance, no signing, no submodule recursion, C-quoted paths;
 * - configuration-defined drivers are neutralised: every `filter.<name>.clean|smudge|process`
 *   is overridden with an empty command (git then applies no filter) and `required=false`,
 *   every `merge.<name>.driver` with `false` (a file that uses one conflicts instead of running
 *   a program); diffs are made with plumbing (`diff-tree`) plus `--no-ext-diff --no-textconv`.
 *   The names are read with `git config --list` in the same directory first and passed through
 *   `GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_n`/`GIT_CONFIG_VALUE_n` (a name may contain `=`).
 * - in a worktree, git never looks above its top directory (`worktreeGit`).
 *   Consequence: files under a filter (Git LFS) are checked out, hashed and diffed as their
 *   stored blobs (LFS pointers); that is consistent in both directions, so a patch never shows
 *   a spurious change.
 * - the environment drops the variables that would point git elsewhere (`GIT_DIR`,
 *   `GIT_INDEX_FILE`, ...; a caller sets `GIT_INDEX_FILE` explicitly where it means to), sets
 *   `LC_ALL=C` (stderr is parsed), `GIT_TERMINAL_PROMPT=0`, `GIT_NO_REPLACE_OBJECTS=1` (a
 *   base SHA means its real content) and `GIT_LITERAL_PATHSPECS=1`.
 * Needs git 2.31 or later (`GIT_CONFIG_COUNT`, `rev-parse --path-format`).
 * The user's global and system configuration is honoured (e.g. `safe.directory` set by
 * `actions/checkout`); tests isolate from it through `GIT_CONFIG_GLOBAL`/`GIT_CONFIG_NOSYSTEM`.
 */

/** A git command that exited with an unexpected status. */
export class GitError extends Error {
  override name = 'GitError';
  readonly args: readonly string[];
  readonly cwd: string;
  readonly exitCode: number | null;
  readonly stderr: string;
  constructor(
    message: string,
    details: { args: readonly string[]; cwd: string; exitCode: number | null; stderr: string },
  ) {
    super(message);
    this.args = details.args;
    this.cwd = details.cwd;
    this.exitCode = details.exitCode;
    this.stderr = details.stderr;
  }
}

export const FIXED_HARDENING: readonly string[] = [
  '-c',
  'core.fsmonitor=false',
  // Else every index entry git writes is marked assume-unchanged, and `git add` skips the file's edits.
  '-c',
  'core.ignoreStat=false',
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'core.pager=cat',
  '-c',
  'core.quotePath=true',
  '-c',
  'color.ui=false',
  '-c',
  'gc.auto=0',
  '-c',
  'maintenance.auto=false',
  '-c',
  'commit.gpgSign=false',
  '-c',
  'submodule.recurse=false',
  '--no-pager',
];

/** Variables that would make git use another repository, index, object store or work tree than the call names. */
const LOCATION_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_PREFIX',
  'GIT_EXTERNAL_DIFF',
  'GIT_DIFF_OPTS',
  'GIT_QUARANTINE_PATH',
];

/** What every git call's environment sets, over the process's. */
const FIXED_ENV: Readonly<Record<string, string>> = {
  LC_ALL: 'C',
  LANGUAGE: '',
  GIT_TERMINAL_PROMPT: '0',
  GIT_NO_REPLACE_OBJECTS: '1',
  GIT_LITERAL_PATHSPECS: '1',
};

export function gitEnv(extra: Record<string, string> = {}): Record<string, string> {
  return envOf(Object.keys(process.env), extra);
}

/** `gitEnv` for only the variables `keys` of the process's environment. */
function envOf(keys: readonly string[], extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of keys) {
    const value = process.env[key];
    if (value !== undefined && !LOCATION_VARIABLES.includes(key)) env[key] = value;
  }
  return Object.assign(env, FIXED_ENV, extra);
}

export interface GitRunOptions {
  /** Extra environment (e.g. `GIT_INDEX_FILE`, author identity). */
  env?: Record<string, string>;
  /** Bytes or text for stdin. */
  input?: string | Buffer;
  /** Exit codes that are not an error (default `[0]`). */
  okCodes?: readonly number[];
  timeoutMs?: number;
  /** What the call is for, for the error message ("pin the base of /repo"). */
  what?: string;
}

export interface GitOutput {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

const MAX_STDERR = 20_000;

/** Runs `git <args>` in `cwd` with only the given extra `-c` settings (no driver neutralisation). */
export function runGitRaw(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<GitOutput> {
  const okCodes = options.okCodes ?? [0];
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...args], {
      cwd,
      env: gitEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 300_000,
    });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < MAX_STDERR) stderr += chunk;
    });
    child.once('error', (error) => reject(new Error(`could not run git in ${cwd}: ${error.message}`)));
    // A git that exits before reading all of stdin (an error) must not crash the process with EPIPE.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
    child.once('close', (code, signal) => {
      const result = { code, stdout: Buffer.concat(out), stderr: stderr.trim() };
      if (code !== null && okCodes.includes(code)) return resolve(result);
      const shown = args.filter((a, i) => a !== '-c' && args[i - 1] !== '-c' && a !== '--no-pager').join(' ');
      const why = signal ? `was killed (${signal})` : `exited with ${code}`;
      reject(
        new GitError(
          `${options.what ? `${options.what}: ` : ''}git ${shown} ${why} ` +
            `in ${cwd}${result.stderr ? `: ${result.stderr}` : ''}`,
          {
            args,
            cwd,
            exitCode: code,
            stderr: result.stderr,
          },
        ),
      );
    });
  });
}

/** One setting of `git config --list`: the key as git prints it, the value (null for a bare `key` line). */
export interface ConfigEntry {
  key: string;
  value: string | null;
}

/** The configuration git reads in a directory, with the files it came from. */
interface ConfigRead {
  entries: ConfigEntry[];
  /** The files the entries came from, and the directory's `.git` (which says where its repository is). */
  sources: string[];
  /** Their stat when read: a file written since has another. */
  signature: string;
  /** Whether the directory's own `.git` was there: git looked no further up for the repository. */
  ownDotGit: boolean;
}

const configReads: QuietCache<ConfigRead> = new Map();

/** The directory and the variables that decide what git reads there (`GIT_*`, where the user's files are). */
function configKey(cwd: string, env: Record<string, string>): string {
  const decides = (k: string) => k.startsWith('GIT_') || k === 'HOME' || k === 'XDG_CONFIG_HOME';
  // `gitEnv(env)` of the variables that decide, without copying the rest of the environment.
  const full = envOf(Object.keys(process.env).filter(decides), env);
  const relevant = Object.keys(full)
    .filter(decides)
    .sort()
    .map((k) => `${k}=${full[k]}`);
  return [path.resolve(cwd), ...relevant].join('\0');
}

function statSignature(files: readonly string[]): string {
  return files
    .map((file) => {
      try {
        const stat = lstatSync(file, { bigint: true });
        // A `.git` directory by its identity: git's own calls change its entries all the time.
        return stat.isDirectory() ? `d${stat.ino}` : `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
      } catch {
        return '-';
      }
    })
    .join(',');
}

async function listConfig(cwd: string, env: Record<string, string>): Promise<ConfigRead> {
  const listed = await runGitRaw(cwd, [...FIXED_HARDENING, 'config', '--null', '--list', '--show-origin'], {
    env,
    okCodes: [0, 1, 128],
  });
  const sources = new Set([path.join(path.resolve(cwd), '.git')]);
  const entries: ConfigEntry[] = [];
  const fields = listed.code === 0 ? nulFields(listed.stdout) : [];
  // Pairs of fields: the origin (`file:<path>`, `command line:`, ...), then `key\nvalue` or a bare `key`.
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const origin = fields[i] as string;
    const entry = fields[i + 1] as string;
    if (origin.startsWith('file:')) sources.add(path.resolve(cwd, origin.slice('file:'.length)));
    const newline = entry.indexOf('\n');
    entries.push(
      newline < 0 ? { key: entry, value: null } : { key: entry.slice(0, newline), value: entry.slice(newline + 1) },
    );
  }
  return configReadOf(entries, [...sources]);
}

/** A reading of `entries` from `sources`, the directory's `.git` first, signed with their stat now. */
function configReadOf(entries: ConfigEntry[], sources: string[]): ConfigRead {
  const signature = statSignature(sources);
  // `-` is the signature of a file not there.
  return { entries, sources, signature, ownDotGit: !signature.startsWith('-') };
}

/**
 * Every setting git reads in `cwd` (system, user, repository, worktree, included files, and
 * what the environment passes), in git's order; empty when git cannot read it (not a
 * repository). One `git config --list`, reused while no repository command has run and none of
 * the files it came from changed (`quiet.ts`): the driver overrides of every hardened call, the
 * checkout's credentials, the user's name and the origin remote all come from it.
 */
export async function readConfig(cwd: string, env: Record<string, string> = {}): Promise<ConfigEntry[]> {
  return (await configRead(cwd, env)).entries;
}

/** The reading of `cwd`'s configuration, reused while quiet and while none of its files changed. */
function configRead(cwd: string, env: Record<string, string>): Promise<ConfigRead> {
  return whileQuiet(configReads, configKey(cwd, env), cwd, () => listConfig(cwd, env), {
    unchanged: (known) => statSignature(known.sources) === known.signature,
    // What a sandboxed command can write in `cwd` that git reads for it is `cwd/.git`, among the
    // sources, when git found the repository through it (else a new `.git` between `cwd` and the
    // one git found would go unseen). A file an include names might be there too, so a
    // configuration with one is read again.
    survivesSandboxed: (known) => known.ownDotGit && !known.entries.some(({ key }) => INCLUDE_KEY.test(key)),
  });
}

/** `include.path` and `includeIf.<condition>.path`: a file git reads, named by the configuration. */
const INCLUDE_KEY = /^include(?:if\..*)?\.path$/i;

/**
 * Lets the worktree `dir`, just made of the repository checked out at `root`, use `root`'s reading
 * of the configuration when git reads the same files in both: always, unless the configuration
 * has a conditional include (`includeIf.<condition>.path`, whose condition may hold for one and
 * not the other; the entry is listed whether it holds or not) or per-worktree configuration
 * (`extensions.worktreeConfig`). The worktree's own `.git` file stands in for `root`'s `.git` among
 * the sources. One `git config --list` less for every worktree.
 */
export async function shareConfig(root: string, dir: string): Promise<void> {
  const rootDotGit = path.join(path.resolve(root), '.git');
  const read = await configRead(root, {});
  const perWorktree = read.entries.some(
    ({ key, value }) => /^includeif\./i.test(key) || (/^extensions\.worktreeconfig$/i.test(key) && value !== 'false'),
  );
  if (perWorktree) return;
  const sources = [path.join(path.resolve(dir), '.git'), ...read.sources.filter((s) => s !== rootDotGit)];
  const shared = configReadOf(read.entries, sources);
  keepWhileQuiet(configReads, configKey(dir, worktreeEnv(dir)), dir, shared);
}

/** The value git uses for `key` (its last setting, as `git config <key>` prints it); null when unset. */
export function configValue(entries: readonly ConfigEntry[], key: string): string | null {
  const wanted = key.toLowerCase();
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i] as ConfigEntry;
    if (entry.key.toLowerCase() === wanted) return entry.value ?? '';
  }
  return null;
}

const DRIVER_KEY = /^(filter|merge)\.(.+)\.(clean|smudge|process|required|driver)$/;

/**
 * The configuration overrides (key, value) that neutralise the program-running drivers
 * configured for `cwd` (see the module comment). Reading the configuration runs no program.
 */
export async function driverOverrides(cwd: string, env: Record<string, string> = {}): Promise<Array<[string, string]>> {
  const overrides = new Map<string, string>();
  for (const { key } of await readConfig(cwd, env)) {
    const match = DRIVER_KEY.exec(key);
    if (!match) continue;
    const [, section, name] = match;
    if (section === 'filter') {
      for (const k of ['clean', 'smudge', 'process']) overrides.set(`filter.${name}.${k}`, '');
      overrides.set(`filter.${name}.required`, 'false');
    } else if (key.endsWith('.driver')) {
      overrides.set(`merge.${name}.driver`, 'false');
    }
  }
  return [...overrides];
}

/**
 * Configuration given through `GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_<n>`/`GIT_CONFIG_VALUE_<n>`
 * (command-line scope, like `-c`, but any key: a driver name may contain `=`), after any the
 * parent environment already passes.
 */
export function configEnv(pairs: ReadonlyArray<readonly [string, string]>): Record<string, string> {
  if (pairs.length === 0) return {};
  const existing = Number.parseInt(process.env.GIT_CONFIG_COUNT ?? '0', 10);
  const start = Number.isInteger(existing) && existing > 0 ? existing : 0;
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(start + pairs.length) };
  pairs.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${start + i}`] = key;
    env[`GIT_CONFIG_VALUE_${start + i}`] = value;
  });
  return env;
}

/** A hardened git for one directory: fixed overrides plus that directory's driver overrides (read once). */
export interface Git {
  readonly cwd: string;
  run(args: readonly string[], options?: GitRunOptions): Promise<GitOutput>;
  /** stdout as UTF-8 with the trailing newline removed. */
  text(args: readonly string[], options?: GitRunOptions): Promise<string>;
}

export function hardenedGit(cwd: string, baseEnv: Record<string, string> = {}): Git {
  let overrides: Promise<Record<string, string>> | null = null;
  const run = async (args: readonly string[], options: GitRunOptions = {}) => {
    overrides ??= driverOverrides(cwd, baseEnv).then(configEnv);
    const env = { ...baseEnv, ...(await overrides), ...options.env };
    return runGitRaw(cwd, [...FIXED_HARDENING, ...args], { ...options, env });
  };
  return {
    cwd,
    run,
    text: async (args, options) => (await run(args, options)).stdout.toString('utf8').replace(/\n$/, ''),
  };
}

/**
 * A hardened git for the top directory of a worktree: it never looks above `dir` for a
 * repository (`GIT_CEILING_DIRECTORIES`), so a worktree whose `.git` file a command deleted
 * fails instead of silently using an enclosing repository.
 */
export function worktreeGit(dir: string): Git {
  return hardenedGit(dir, worktreeEnv(dir));
}

/** What `worktreeGit` adds to the environment: git never looks above `dir`. */
function worktreeEnv(dir: string): Record<string, string> {
  return { GIT_CEILING_DIRECTORIES: path.dirname(path.resolve(dir)) };
}

/** Whether the repository of `git` holds `sha` as a commit (`cat-file -e <sha>^{commit}`); `sha` a full SHA. */
export async function hasCommit(git: Git, sha: string): Promise<boolean> {
  return (await git.run(['cat-file', '-e', `${sha}^{commit}`], { okCodes: [0, 1, 128] })).code === 0;
}

/** `-z` output split into its NUL-terminated fields. */
export function nulFields(output: Buffer): string[] {
  const fields = output.toString('utf8').split('\0');
  if (fields.at(-1) === '') fields.pop();
  return fields;
}

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export function isFullSha(value: string): boolean {
  return SHA.test(value);
}
