import { execFile } from 'node:child_process';
import type { Stats } from 'node:fs';
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isCredentialUserInfo } from '../workspace/index.ts';

/**
 * What a sandboxed command sees of git beyond its worktree (sandbox.ts): the git directories the
 * worktree needs, read-only, with every git configuration file in them replaced by a sanitised
 * copy. A worktree's git reads the COMMON `.git/config` of the user's repository, which may hold
 * `remote.origin.url = https://user:token@host/…`, actions/checkout's persisted
 * `http.https://github.com/.extraheader = AUTHORIZATION: basic …`, `credential.*` helpers and
 * `url.<base-with-token>.insteadOf`. The copy keeps everything else, so `git status`, `git diff`
 * and `git log` work inside as they do outside.
 */

/** The git directories of a checkout or worktree (`.git` may be a file naming the real one). */
export function gitDirs(workspace: string): string[] {
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

function isDir(p: string): boolean {
  try {
    return lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return lstatSync(p).isFile();
  } catch {
    return false;
  }
}

/** Submodules' git directories nest (`modules/a/modules/b`): deep enough for real repositories, bounded. */
const MAX_MODULE_DEPTH = 4;
const MAX_CONFIG_FILES = 64;

/**
 * Every git configuration file a command inside could read: the system one (`/etc/gitconfig`,
 * which the sandbox shows with `/etc`), and in each git directory `config`, `config.worktree`
 * and the submodules' `modules/**\/config`. Real paths, without duplicates.
 */
export function gitConfigFiles(dirs: readonly string[], systemConfig = '/etc/gitconfig'): string[] {
  const found = new Set<string>();
  const add = (file: string) => {
    if (found.size >= MAX_CONFIG_FILES || !isFile(file)) return;
    found.add(realpathSync(file));
  };
  add(systemConfig);
  const walkModules = (dir: string, depth: number) => {
    if (depth > MAX_MODULE_DEPTH) return;
    let entries: string[];
    try {
      entries = readdirSync(path.join(dir, 'modules'));
    } catch {
      return;
    }
    for (const entry of entries) {
      const module = path.join(dir, 'modules', entry);
      if (!isDir(module)) continue;
      add(path.join(module, 'config'));
      walkModules(module, depth + 1);
    }
  };
  for (const dir of dirs) {
    if (!isDir(dir)) continue;
    add(path.join(dir, 'config'));
    add(path.join(dir, 'config.worktree'));
    walkModules(dir, 1);
  }
  return [...found];
}

/** `scheme://userinfo@`, in a value or a key's subsection (`url.<base>.insteadOf`, `http.<url>.*`). */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^/@\s]*)@/gi;

/** `text` without the user information of its URLs that is a credential (`isCredentialUserInfo`). */
function withoutUserInfo(text: string): string {
  return text.replace(URL_USERINFO, (whole, scheme: string, userinfo: string) =>
    isCredentialUserInfo(scheme, userinfo) ? scheme : whole,
  );
}
/** Sections whose every key goes: credential helpers and stores, and includes (an included file is not sanitised). */
const DROPPED_SECTIONS = new Set(['credential', 'include', 'includeif']);
/** Key names (the part after the last dot) that carry a credential themselves. */
const DROPPED_KEY_NAME = /extraheader|token|secret|passw|credential|cookie/i;

interface ConfigEntry {
  key: string;
  value: string | null;
}

/** What to change in one configuration: keys to remove whole, values to rewrite without userinfo. */
export function sanitisingPlan(entries: readonly ConfigEntry[]): {
  unset: string[];
  rewrite: { key: string; from: string; to: string }[];
} {
  const unset = new Set<string>();
  const rewrite: { key: string; from: string; to: string }[] = [];
  for (const { key, value } of entries) {
    const section = key.slice(0, key.indexOf('.')).toLowerCase();
    const name = key.slice(key.lastIndexOf('.') + 1);
    if (DROPPED_SECTIONS.has(section) || DROPPED_KEY_NAME.test(name) || withoutUserInfo(key) !== key) {
      unset.add(key);
      continue;
    }
    if (value === null) continue;
    const to = withoutUserInfo(value);
    if (to !== value && !rewrite.some((r) => r.key === key && r.from === value)) rewrite.push({ key, from: value, to });
  }
  return { unset: [...unset], rewrite };
}

type Git = (args: string[]) => Promise<string>;

function realGit(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // An empty environment: nothing of the orchestrator's git settings (GIT_CONFIG_*) applies to the file read.
    execFile(
      'git',
      args,
      { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/nonexistent' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`git ${args.slice(0, 4).join(' ')}: ${String(stderr).trim() || error.message}`))
          : resolve(stdout),
    );
  });
}

async function listConfig(git: Git, file: string): Promise<ConfigEntry[]> {
  const out = await git(['config', '--file', file, '--no-includes', '--list', '-z']);
  return out
    .split('\0')
    .filter((entry) => entry !== '')
    .map((entry) => {
      const newline = entry.indexOf('\n');
      return newline < 0
        ? { key: entry, value: null }
        : { key: entry.slice(0, newline), value: entry.slice(newline + 1) };
    });
}

/** What a command sees of one git configuration file, and what the log should say of it. */
export interface GitConfigView {
  content: string;
  note: string | null;
}

/**
 * `original` without credentials, edited with git itself in `work` (a file of the caller's) so
 * that everything else (sections, comments, values git alone knows how to quote) stays as it was.
 * When git cannot read the file or something is left after the edit, the view is EMPTY: a command
 * then sees no configuration rather than a credential, and the note says why.
 */
export async function sanitiseGitConfig(original: string, work: string, git: Git = realGit): Promise<GitConfigView> {
  try {
    await copyFile(original, work);
    const plan = sanitisingPlan(await listConfig(git, work));
    if (plan.unset.length > 0 || plan.rewrite.length > 0) {
      for (const key of plan.unset) await git(['config', '--file', work, '--unset-all', key]);
      for (const { key, from, to } of plan.rewrite) {
        try {
          await git(['config', '--file', work, '--fixed-value', '--replace-all', key, to, from]);
        } catch {
          // A git without --fixed-value (before 2.30): the key goes whole.
          await git(['config', '--file', work, '--unset-all', key]);
        }
      }
      const left = sanitisingPlan(await listConfig(git, work));
      if (left.unset.length > 0 || left.rewrite.length > 0) throw new Error('credentials remained after the edit');
    }
    return { content: await readFile(work, 'utf8'), note: null };
  } catch (error) {
    return {
      content: '',
      note:
        `${original}: commands see it empty, because its credentials could not be removed ` +
        `(${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

/**
 * The views made so far, by file and what its stat says of its content: an agent runs many
 * commands in one worktree, and each would otherwise start git a few times before it starts.
 */
const views = new Map<string, { signature: string; view: Promise<GitConfigView> }>();

/** {@link sanitiseGitConfig}, made again only when the file changed since the last time. */
export function gitConfigView(original: string, work: string): Promise<GitConfigView> {
  let signature: string;
  try {
    const stat = statSync(original, { bigint: true });
    signature = `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
  } catch {
    return sanitiseGitConfig(original, work);
  }
  const known = views.get(original);
  if (known?.signature === signature) return known.view;
  const view = sanitiseGitConfig(original, work);
  views.set(original, { signature, view });
  return view;
}
