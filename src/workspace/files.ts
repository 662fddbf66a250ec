import { nulFields, worktreeGit } from './git.ts';

export interface ListFilesOptions {
  /** Only files under this path (relative to `dir`, taken literally, never as a pattern); default all. */
  under?: string;
}

/**
 * The files of the worktree at `dir` as git sees them: tracked and untracked files, not what git
 * ignores, as paths relative to `dir`, each once, in git's order
 * (`git ls-files -z --cached --others --exclude-standard --deduplicate`). A tracked file deleted
 * from the work tree is still listed. Runs the hardened git of `worktreeGit` (no repository above
 * `dir` is used); throws a `GitError` when git fails, for example when `dir` is not a repository.
 */
export async function listWorktreeFiles(dir: string, options: ListFilesOptions = {}): Promise<string[]> {
  const scope = options.under === undefined ? [] : ['--', options.under];
  const list = ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'];
  const what = `list the files of ${dir}`;
  const out = await worktreeGit(dir).run(['--literal-pathspecs', ...list, ...scope], { what });
  return [...new Set(nulFields(out.stdout))];
}

/**
 * What git ignores in the worktree at `dir` and is there (`node_modules/`, `.venv/`): top-level
 * ignored paths as git reports them (a directory with a trailing `/`), relative to `dir`
 * (`git ls-files -z --others --ignored --exclude-standard --directory`).
 */
export async function listIgnoredPaths(dir: string): Promise<string[]> {
  const list = ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory'];
  const out = await worktreeGit(dir).run(list, { what: `list the ignored files of ${dir}` });
  return nulFields(out.stdout).map((p) => p.replace(/\/$/, ''));
}
