import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type ChangeKind, cQuote, type DiffFile, parseUnifiedDiff, readQuoted, splitSections } from './diff/index.ts';
import { type Git, hardenedGit, isFullSha, nulFields, worktreeGit } from './git.ts';
import { writeSeedIndex } from './index-seed.ts';
import { FactCache } from './memo.ts';
import { snapshotWorktree } from './worktree.ts';

/** One file a patch changes. `path` is the file after the change (before it, for a deletion). */
export interface FileChange {
  kind: ChangeKind;
  path: string;
  /** The source of a rename or copy; null otherwise. */
  oldPath: string | null;
}

export interface PatchResult {
  /**
   * `git diff --binary --full-index -M` of the base against the work tree; '' when nothing changed.
   * Always valid UTF-8 text.
   */
  patch: string;
  changes: FileChange[];
  /** The tree object the work tree was recorded as (base tree when nothing changed). */
  tree: string;
}

/**
 * Options of every patch-producing diff: plumbing (no external diff, textconv, colour or config
 * prefixes), fixed prefixes.
 */
const DIFF_OPTIONS = [
  '-r',
  '-M',
  '--full-index',
  '--no-ext-diff',
  '--no-textconv',
  '--no-color',
  '--no-relative',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];

/**
 * The files of a checkout that held `files` once `changes` are made to it (a deletion and a
 * rename's source go, an addition, a copy and a rename's target come), in git's order: what
 * `listWorktreeFiles` lists for a fresh checkout of the changed tree.
 */
export function filesAfterChanges(files: readonly string[], changes: readonly FileChange[]): string[] {
  const after = new Set(files);
  for (const change of changes) {
    if (change.kind === 'deleted') after.delete(change.path);
    else {
      if (change.kind === 'renamed' && change.oldPath !== null) after.delete(change.oldPath);
      after.add(change.path);
    }
  }
  // Git's order is the bytes' order: each path's bytes made once, not at every comparison.
  return [...after]
    .map((p) => ({ p, bytes: Buffer.from(p) }))
    .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
    .map(({ p }) => p);
}

/** Runs `fn` with a fresh temporary directory, removed afterwards. */
export async function withTempDir<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The change in `worktreeDir` against `baseSha` (any commit or tree): every file git does not
 * ignore, new, modified, deleted and renamed ones, binary ones as `GIT binary patch`. The work
 * tree is recorded through a temporary index (`GIT_INDEX_FILE`) seeded from the base, so the
 * worktree's own index, HEAD and any commits a command made are neither used nor changed.
 */
export async function diffAgainstBase(worktreeDir: string, baseSha: string): Promise<PatchResult> {
  return diffTrees(worktreeGit(worktreeDir), baseSha, await recordTree(worktreeDir, baseSha));
}

/**
 * The change in `worktreeDir` against `baseSha`, recorded in the worktree's own index (`git add
 * --all` there), which then holds the tree: for a worktree whose index only ensemble's git wrote.
 * A command inside bubblewrap cannot write it (the git directories are read-only there); one
 * outside could have set flags in it that hide a file's change from `git add`, so
 * `diffAgainstBase` is the one to use then. One difference from `diffAgainstBase`, whose
 * temporary index starts from the base: a file the index tracks stays, even where a `.gitignore`
 * the change added now matches it (a file one task added under another task's new ignore rule).
 */
export async function diffInIndex(worktreeDir: string, baseSha: string): Promise<PatchResult & { indexed: true }> {
  const tree = await snapshotWorktree(worktreeDir);
  return { ...(await diffTrees(worktreeGit(worktreeDir), baseSha, tree)), indexed: true };
}

/** The tree the files of `worktreeDir` are recorded as, as `diffAgainstBase` records them, without the diff. */
export async function recordTree(worktreeDir: string, baseSha: string): Promise<string> {
  const git = worktreeGit(worktreeDir);
  return recorded(git, worktreeDir, baseSha, (env, what) => git.text(['write-tree'], { env, what }));
}

/**
 * The change in `worktreeDir` against `baseSha`, exactly as `diffAgainstBase` gives it, without
 * the tree: the recorded index is diffed against the base directly (`diff-index --cached`, whose
 * output is `diff-tree`'s for the same two trees), one git process less. For a caller that needs
 * only the patch and the files.
 */
export async function changeAgainstBase(worktreeDir: string, baseSha: string): Promise<Omit<PatchResult, 'tree'>> {
  const git = worktreeGit(worktreeDir);
  return recorded(git, worktreeDir, baseSha, async (env, what) => {
    const args = ['diff-index', '--cached', '-z', '--raw', '-p', '--binary', ...DIFF_OPTIONS, baseSha];
    const out = (await git.run(args, { env, what })).stdout;
    const { changes, patchStart } = parseRaw(out);
    if (changes.length === 0) return { patch: '', changes };
    const bytes = out.subarray(patchStart);
    if (isUtf8(bytes)) return { patch: listedByGit(bytes.toString('utf8'), changes), changes };
    // Not UTF-8: made as binary patches where needed, from the trees (`asText`) of this same recording.
    const { tree: _tree, ...change } = await diffTrees(git, baseSha, await git.text(['write-tree'], { env, what }));
    return change;
  });
}

/**
 * Records every file git does not ignore in `worktreeDir` in a temporary index seeded from the
 * base (the worktree's own index, HEAD and commits are neither used nor changed) and returns what
 * `use` makes of that index.
 */
async function recorded<T>(
  git: Git,
  worktreeDir: string,
  baseSha: string,
  use: (env: Record<string, string>, what: string) => Promise<T>,
): Promise<T> {
  if (!isFullSha(baseSha))
    throw new Error(`cannot diff ${worktreeDir}: base ${JSON.stringify(baseSha)} is not a full commit or tree SHA`);
  return withTempDir('ensemble-index-', async (tmp) => {
    const env = { GIT_INDEX_FILE: path.join(tmp, 'index') };
    const what = `record the work tree of ${worktreeDir}`;
    if (!(await writeSeedIndex(path.resolve(worktreeDir), baseSha, env.GIT_INDEX_FILE))) {
      await git.run(['read-tree', '--end-of-options', baseSha], {
        env,
        what: `read the base ${baseSha} in ${worktreeDir}`,
      });
    }
    // Stat information decides which files are hashed again: all of it, whatever the configuration says.
    await git.run(['-c', 'core.trustctime=true', '-c', 'core.checkStat=default', 'add', '--all'], { env, what });
    return use(env, what);
  });
}

/**
 * The patch and the changes from tree-ish `from` to tree-ish `to`, in the repository of `git`:
 * one `diff-tree --raw -p -z`, whose output is the changes (`:modes shas status\0path\0[path\0]`),
 * a NUL, then the patch exactly as `diff-tree -p` prints it.
 */
export function diffTrees(git: Git, from: string, to: string): Promise<PatchResult> {
  // Two object SHAs always give the same diff: made once per process.
  if (isFullSha(from) && isFullSha(to))
    return diffs.of(`${path.resolve(git.cwd)}\0${from}\0${to}`, () => diffOf(git, from, to));
  return diffOf(git, from, to);
}

/** Diffs of two object SHAs made in this process (`diffTrees`); a few are kept, patches can be large. */
const diffs = new FactCache<PatchResult>(16);

async function diffOf(git: Git, from: string, to: string): Promise<PatchResult> {
  const what = `diff ${from} against ${to} in ${git.cwd}`;
  const out = (await git.run(['diff-tree', '-z', '--raw', '-p', '--binary', ...DIFF_OPTIONS, from, to], { what }))
    .stdout;
  const { changes, patchStart } = parseRaw(out);
  if (changes.length === 0) return { patch: '', changes, tree: to };
  const bytes = out.subarray(patchStart);
  return { patch: listedByGit(await asText(git, from, to, bytes, changes), changes), changes, tree: to };
}

/**
 * Git's own listing of the files of the patches it made in this process (their `--raw` part), by
 * the patch's bytes: a second reading of the same patch (`pathsGitReads`) is that listing, with no
 * `git apply --numstat`. A few are kept; object and patch bytes name content, so none goes stale.
 */
const gitListings = new FactCache<readonly FileChange[]>(64);

/** A patch's key in caches of what a patch gives: the SHA-256 of its text. */
export function patchKey(patch: string): string {
  return createHash('sha256').update(patch).digest('hex');
}

/** Git's own listing of the files of `patch`, when git made it in this process (`diffTrees`). */
export function gitListingOf(patch: string): Promise<readonly FileChange[]> | undefined {
  return gitListings.get(patchKey(patch));
}

/** Remembers `changes` as git's listing of `patch`, which git just made; returns the patch. */
function listedByGit(patch: string, changes: readonly FileChange[]): string {
  gitListings.set(patchKey(patch), Promise.resolve(changes));
  return patch;
}

/** The changes of `--raw -z` records at the start of `out`, and where the patch after them starts. */
function parseRaw(out: Buffer): { changes: FileChange[]; patchStart: number } {
  const fields: string[] = [];
  let pos = 0;
  const field = () => {
    const end = out.indexOf(0, pos);
    const text = out.toString('utf8', pos, end < 0 ? out.length : end);
    pos = end < 0 ? out.length : end + 1;
    return text;
  };
  while (pos < out.length && out[pos] === 0x3a /* ':' */) {
    const header = field();
    const status = header.slice(header.lastIndexOf(' ') + 1);
    fields.push(status, field());
    if (status.startsWith('R') || status.startsWith('C')) fields.push(field());
  }
  // The NUL between the records and the patch.
  if (out[pos] === 0) pos++;
  return { changes: parseNameStatus(fields), patchStart: pos };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The patch as a string that writes back to the same bytes. A text file that is not UTF-8
 * (Latin-1 source, say) makes git print raw bytes; those files' diffs are made again as
 * binary patches (a temporary attributes file with `-diff`), which are ASCII.
 */
async function asText(git: Git, from: string, to: string, bytes: Buffer, changes: FileChange[]): Promise<string> {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  // Latin-1 maps each byte to one character and back, so the split is a split of the bytes.
  const sections = splitSections(bytes.toString('latin1')).map((s) => Buffer.from(s, 'latin1'));
  const offending =
    sections.length === changes.length
      ? changes.filter((_, i) => !isUtf8(sections[i] as Buffer))
      : changes; /* cannot pair: all of them */
  const paths = [...new Set(offending.flatMap((c) => (c.oldPath ? [c.oldPath, c.path] : [c.path])))];
  return withTempDir('ensemble-attrs-', async (tmp) => {
    const attributes = path.join(tmp, 'attributes');
    await writeFile(attributes, paths.map((p) => `${cQuote(`/${escapeWildmatch(p)}`)} -diff\n`).join(''));
    const again = (
      await git.run(
        ['-c', `core.attributesFile=${attributes}`, 'diff-tree', '-p', '--binary', ...DIFF_OPTIONS, from, to],
        {
          what: `diff ${from} against ${to} in ${git.cwd}`,
        },
      )
    ).stdout;
    if (!isUtf8(again)) {
      throw new Error(
        `the change in ${git.cwd} cannot be written as a text patch: ${paths.join(', ')} ` +
          'are not UTF-8 and a .gitattributes "diff" setting keeps them text',
      );
    }
    return again.toString('utf8');
  });
}

function escapeWildmatch(p: string): string {
  return p.replace(/[*?[\\]/g, '\\$&');
}

/** The change of a `--name-status` letter other than R and C; any letter not listed (M, T) is `modified`. */
const NAME_STATUS_KIND: Readonly<Record<string, ChangeKind>> = { A: 'added', D: 'deleted' };

/** `git diff-tree -z --name-status -M` output as changes. */
function parseNameStatus(fields: string[]): FileChange[] {
  const changes: FileChange[] = [];
  for (let i = 0; i < fields.length; i++) {
    const status = fields[i] ?? '';
    const letter = status[0];
    if (letter === 'R' || letter === 'C') {
      const oldPath = fields[++i] ?? '';
      const newPath = fields[++i] ?? '';
      changes.push({ kind: letter === 'R' ? 'renamed' : 'copied', path: newPath, oldPath });
    } else {
      const p = fields[++i] ?? '';
      const kind = NAME_STATUS_KIND[letter ?? ''] ?? 'modified';
      changes.push({ kind, path: p, oldPath: null });
    }
  }
  return changes;
}

/** Every path a change touches: the file, and the source of a rename (which the rename deletes). */
export function touchedPaths(changes: readonly FileChange[]): string[] {
  const out = new Set<string>();
  for (const change of changes) {
    if (change.kind === 'renamed' && change.oldPath) out.add(change.oldPath);
    out.add(change.path);
  }
  return [...out];
}

// ---------------------------------------------------------------------------------------------
// Reading patches

/**
 * The files a git patch changes, as `parseUnifiedDiff` reads them: per file its kind, its path
 * after the change (before it, for a deletion) and the source of a rename or copy. C-quoted paths,
 * binary sections and plain `---`/`+++` files included. A file whose names cannot be read has the
 * path (or source) `''`, so that a caller checking paths can refuse it.
 */
export function pathsInPatch(patch: string): FileChange[] {
  return parseUnifiedDiff(patch).map(asChange);
}

function asChange(file: DiffFile): FileChange {
  if (file.status === 'renamed' || file.status === 'copied') {
    return { kind: file.status, path: file.path, oldPath: file.oldPath ?? '' };
  }
  return { kind: file.status, path: file.path, oldPath: null };
}

// ---------------------------------------------------------------------------------------------
// Applying patches

export interface ApplyResult {
  /** True when the whole patch applied (possibly through a 3-way merge). */
  ok: boolean;
  /** How it applied: straight, through a 3-way merge, or not at all ('none', also for an empty patch). */
  method: 'plain' | '3way' | 'none';
  /** Files left conflicted (unmerged in the index, with conflict markers where git could write them) or refused. */
  conflictingFiles: string[];
  /** git's messages when the patch did not apply cleanly. */
  detail: string;
}

const STDERR_PATH_PATTERNS = [
  /^error: patch failed: (.+):\d+$/,
  /^error: (.+): patch does not apply$/,
  /^error: (.+): already exists in (?:index|working directory)$/,
  /^error: (.+): does not exist in index$/,
  /^error: (.+): does not match index$/,
  /^error: (.+): No such file or directory$/,
  /^error: (.+): wrong type$/,
];

/** The paths git names in the errors of a `git apply` that failed. */
export function pathsFromStderr(stderr: string): string[] {
  const out = new Set<string>();
  for (const line of stderr.split('\n')) {
    for (const pattern of STDERR_PATH_PATTERNS) {
      const m = pattern.exec(line.trim());
      if (m?.[1]) {
        const p = m[1].startsWith('"') ? (readQuoted(m[1])?.value ?? m[1]) : m[1];
        out.add(p);
        break;
      }
    }
  }
  return [...out];
}

/** Paths in conflict in the index of the work tree (`git ls-files -u`). */
export async function unmergedPaths(worktreeDir: string): Promise<string[]> {
  return unmergedIn(worktreeGit(worktreeDir), {});
}

/** Paths in conflict in the index `env` names (`GIT_INDEX_FILE`), else the work tree's. */
async function unmergedIn(git: Git, env: Record<string, string>): Promise<string[]> {
  const out = new Set<string>();
  for (const entry of nulFields((await git.run(['ls-files', '-u', '-z'], { env, okCodes: [0, 1, 128] })).stdout)) {
    const tab = entry.indexOf('\t');
    if (tab !== -1) out.add(entry.slice(tab + 1));
  }
  return [...out].sort();
}

/** How `applyInTurn` applies: the arguments of each attempt, and the index they work on. */
export interface ApplyTurns {
  /** `git apply` arguments of the straight attempt and of the 3-way one. */
  straight: readonly string[];
  merged: readonly string[];
  /** `GIT_INDEX_FILE` of a scratch index; the work tree's index when absent. */
  env?: Record<string, string>;
  beforeMerge?: () => Promise<void>;
}

/**
 * `patch` applied straight, then with a 3-way merge; when neither applies, the files in conflict:
 * the index's unmerged entries, else the ones git names, else every file the patch touches.
 */
export async function applyInTurn(git: Git, patch: string, turns: ApplyTurns): Promise<ApplyResult> {
  if (patch.trim() === '') return { ok: true, method: 'none', conflictingFiles: [], detail: '' };
  const input = Buffer.from(patch, 'utf8');
  const env = turns.env ?? {};
  const okCodes = [0, 1, 128];
  const plain = await git.run(['apply', ...turns.straight, '--whitespace=nowarn'], { env, input, okCodes });
  if (plain.code === 0) return { ok: true, method: 'plain', conflictingFiles: [], detail: '' };
  await turns.beforeMerge?.();
  const merged = await git.run(['apply', ...turns.merged, '--whitespace=nowarn'], { env, input, okCodes });
  if (merged.code === 0) return { ok: true, method: '3way', conflictingFiles: [], detail: '' };
  let files = await unmergedIn(git, env);
  if (files.length === 0) files = pathsFromStderr(merged.stderr);
  if (files.length === 0) files = touchedPaths(pathsInPatch(patch)).filter((p) => p !== '');
  return { ok: false, method: 'none', conflictingFiles: files.sort(), detail: merged.stderr || plain.stderr };
}

export interface ApplyOptions {
  /**
   * Refresh the index's stat information first (default true). False when nothing but git's own
   * `apply --index` has written the worktree since the last refresh.
   */
  refresh?: boolean;
  /**
   * Called when the straight apply failed, before the 3-way merge: index and work tree are still as
   * they were (a failed `apply --index` changes nothing), so the state to go back to can be read now.
   */
  beforeMerge?: () => Promise<void>;
}

/**
 * Applies `patch` to the work tree and index of `worktreeDir`: straight (`git apply --index`)
 * first, then with a 3-way merge (`git apply --3way`), which uses the blobs the patch names
 * (`--full-index`) and leaves conflict markers in the files it cannot merge. On failure the
 * work tree is left as git left it, so an agent can resolve the markers; `diffAgainstBase`
 * then gives the resolved change. The index keeps the unmerged entries (`git status` shows
 * them); `diffAgainstBase` does not read the index.
 */
export async function applyWithConflictMarkers(
  worktreeDir: string,
  patch: string,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  if (patch.trim() === '') return { ok: true, method: 'none', conflictingFiles: [], detail: '' };
  const git = worktreeGit(worktreeDir);
  // Stat information a command left stale makes `--index` report "does not match index".
  if (options.refresh !== false) await git.run(['update-index', '-q', '--refresh'], { okCodes: [0, 1] });
  return applyInTurn(git, patch, {
    straight: ['--index'],
    merged: ['--3way'],
    ...(options.beforeMerge ? { beforeMerge: options.beforeMerge } : {}),
  });
}

/**
 * Every path `patch` touches, both sides of a rename, as this module's parser reads it and as git
 * itself does (`pathsGitReads`), so that a header one reader misreads cannot hide a path; '' for a
 * file section whose paths the parser cannot read. Git reads it in `cwd`, by default the temporary
 * directory: reading a patch needs no repository, and that directory's configuration is read once.
 * Throws when git cannot read the patch.
 */
export async function pathsReadTwice(patch: string, cwd: string = os.tmpdir()): Promise<string[]> {
  return [...touchedPaths(pathsInPatch(patch)), ...(await pathsGitReads(cwd, patch))];
}

/**
 * The paths git itself reads in `patch` (`git apply --numstat -z`), both sides of a rename; throws
 * when git cannot read the patch. A patch git made in this process is read from its own listing.
 */
export async function pathsGitReads(dir: string, patch: string): Promise<string[]> {
  const listed = await gitListingOf(patch);
  if (listed) return touchedPaths(listed);
  const git = hardenedGit(dir);
  const out = await git.run(['apply', '--numstat', '-z'], {
    input: Buffer.from(patch, 'utf8'),
    what: 'read the patch',
  });
  const fields = nulFields(out.stdout);
  const paths: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] ?? '';
    // `added\tdeleted\tpath`, or for a rename or copy `added\tdeleted\t` followed by the two paths as fields.
    const parts = field.split('\t');
    const p = parts.slice(2).join('\t');
    if (p === '') {
      paths.push(fields[i + 1] ?? '', fields[i + 2] ?? '');
      i += 2;
    } else {
      paths.push(p);
    }
  }
  return paths.filter((p) => p !== '');
}
