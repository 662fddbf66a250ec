import { lstatSync } from 'node:fs';
import path from 'node:path';
import { BaseCommitMissingError, DirtyRepositoryError, NotAGitRepositoryError } from './errors.ts';
import { FIXED_HARDENING, type Git, GitError, hardenedGit, isFullSha, nulFields, runGitRaw } from './git.ts';
import { type QuietCache, whileQuiet } from './quiet.ts';

export interface RepoInfo {
  /** The top level of the work tree that contains the directory. */
  root: string;
  /** The git directory of that work tree (a linked worktree's own, under the common one). */
  gitDir: string;
  /** The shared git directory (objects, refs, config). */
  commonDir: string;
}

const repoInfos: QuietCache<RepoInfo & { signature: string }> = new Map();

/**
 * What says where the repository of `dir` is: `dir` itself and the `.git` at the top, a directory
 * (whose contents git's own calls change all the time) by its identity, a file (a worktree's
 * `gitdir:` line) by its stat.
 */
function placeSignature(dir: string, root: string): string {
  return [dir, path.join(root, '.git')]
    .map((p) => {
      try {
        const stat = lstatSync(p, { bigint: true });
        return stat.isDirectory() ? `d${stat.ino}` : `${stat.ino}:${stat.mtimeNs}:${stat.ctimeNs}`;
      } catch {
        return '-';
      }
    })
    .join(',');
}

/**
 * Where the repository containing `dir` is; throws `NotAGitRepositoryError` for a non-git or bare
 * directory. Asked of git once and reused while no repository command has run and neither `dir`
 * nor the `.git` at the top changed (`quiet.ts`).
 */
export async function repoInfo(dir: string): Promise<RepoInfo> {
  const key = path.resolve(dir);
  const { signature: _, ...info } = await whileQuiet(
    repoInfos,
    key,
    key,
    async () => {
      const found = await askRepoInfo(dir);
      return { ...found, signature: placeSignature(key, found.root) };
    },
    { unchanged: (known) => placeSignature(key, known.root) === known.signature },
  );
  return info;
}

async function askRepoInfo(dir: string): Promise<RepoInfo> {
  let lines: string[];
  try {
    // The fixed hardening only: rev-parse runs no filter or merge driver, so none needs neutralising.
    const out = await runGitRaw(dir, [
      ...FIXED_HARDENING,
      'rev-parse',
      '--path-format=absolute',
      '--is-bare-repository',
      '--show-toplevel',
      '--git-dir',
      '--git-common-dir',
    ]);
    lines = out.stdout.toString('utf8').replace(/\n$/, '').split('\n');
  } catch (error) {
    if (error instanceof GitError)
      throw new NotAGitRepositoryError(dir, /not a git repository/i.test(error.stderr) ? '' : error.stderr);
    // A directory that does not exist: spawn fails with ENOENT for cwd.
    throw new NotAGitRepositoryError(dir, error instanceof Error ? error.message : String(error));
  }
  if (lines[0] === 'true') throw new NotAGitRepositoryError(dir, 'it is a bare repository, without a work tree');
  const [, root, gitDir, commonDir] = lines;
  if (!root || !gitDir || !commonDir) throw new NotAGitRepositoryError(dir, 'it has no work tree');
  return { root, gitDir, commonDir };
}

/**
 * The full SHA of the commit `ref` names in `repoDir` (default `HEAD`): the base every task
 * patch is made against. Throws `NotAGitRepositoryError`, or an error naming the ref.
 */
export async function pinBase(repoDir: string, ref = 'HEAD'): Promise<string> {
  await repoInfo(repoDir);
  if (ref === '' || ref.startsWith('-'))
    throw new Error(`cannot pin the base of ${repoDir}: ${JSON.stringify(ref)} is not a ref`);
  const git = hardenedGit(repoDir);
  const out = await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
    okCodes: [0, 1, 128],
  });
  const sha = out.stdout.toString('utf8').trim();
  if (out.code !== 0 || sha === '') {
    const hint = ref === 'HEAD' ? ' (a repository without commits? commit something first)' : '';
    throw new Error(`cannot pin the base of ${repoDir}: ${JSON.stringify(ref)} does not name a commit${hint}`);
  }
  return sha;
}

/**
 * Throws `BaseCommitMissingError` (with git's own error as its cause) unless `repoDir` holds commit
 * `sha`: the one question every stage after the plan asks of its checkout. `hint` says how to get
 * a checkout that has it, in the caller's terms.
 */
export async function assertRepoContains(repoDir: string, sha: string, hint: string): Promise<void> {
  try {
    await pinBase(repoDir, sha);
  } catch (error) {
    throw new BaseCommitMissingError(repoDir, sha, hint, error);
  }
}

export interface CleanOptions {
  /** Count untracked (not ignored) files as changes. Default true. */
  includeUntracked?: boolean;
}

/**
 * The paths `git status` reports as changed in `repoDir` (staged, unstaged, untracked unless
 * excluded; renames as `old -> new`).
 */
export async function dirtyPaths(repoDir: string, options: CleanOptions = {}): Promise<string[]> {
  await repoInfo(repoDir);
  return (await headAndChanges(hardenedGit(repoDir), options)).dirty;
}

/** In `status --porcelain=v2` entries: the fields before the path, by the entry's kind (`?` and `!`: 1). */
const FIELDS_BEFORE_PATH: Readonly<Record<string, number>> = { '1': 8, '2': 9, u: 10 };

/**
 * The commit HEAD is at ('' without commits) and the paths that differ from it (`dirtyPaths`),
 * from one `git status --porcelain=v2 --branch`.
 */
export async function headAndChanges(git: Git, options: CleanOptions = {}): Promise<{ head: string; dirty: string[] }> {
  const untracked = options.includeUntracked === false ? 'no' : 'all';
  const out = await git.run(['status', '--porcelain=v2', '-z', '--branch', `--untracked-files=${untracked}`]);
  let head = '';
  const dirty: string[] = [];
  const fields = nulFields(out.stdout);
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as string;
    if (field.startsWith('# branch.oid ')) {
      const oid = field.slice('# branch.oid '.length);
      head = oid === '(initial)' ? '' : oid;
    } else if (!field.startsWith('#')) {
      // `1 XY … path`, `u XY … path`, `? path`, `! path`; `2 XY … path` is followed by its source path.
      const parts = field.split(' ');
      const kind = parts[0] ?? '';
      const path = parts.slice(FIELDS_BEFORE_PATH[kind] ?? 1).join(' ');
      dirty.push(kind === '2' ? `${fields[++i] ?? ''} -> ${path}` : path);
    }
  }
  return { head, dirty };
}

/**
 * `assertCleanRepo`, and the full SHA of the commit HEAD is at ('' without commits: `pinBase`
 * says why), from one git process.
 */
export async function cleanHead(repoDir: string, options: CleanOptions = {}): Promise<string> {
  await repoInfo(repoDir);
  const { head, dirty } = await headAndChanges(hardenedGit(repoDir), options);
  if (dirty.length > 0) throw new DirtyRepositoryError(repoDir, dirty);
  return isFullSha(head) ? head : '';
}

export async function isClean(repoDir: string, options: CleanOptions = {}): Promise<boolean> {
  return (await dirtyPaths(repoDir, options)).length === 0;
}

/**
 * Throws `NotAGitRepositoryError` or `DirtyRepositoryError` (listing the paths) unless `repoDir` is
 * a clean git work tree.
 */
export async function assertCleanRepo(repoDir: string, options: CleanOptions = {}): Promise<void> {
  const paths = await dirtyPaths(repoDir, options);
  if (paths.length > 0) throw new DirtyRepositoryError(repoDir, paths);
}
