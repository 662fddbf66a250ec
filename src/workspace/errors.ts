import { UserError } from '../util/errors.ts';

/** A directory that is not inside a git work tree (or is a bare repository). */
export class NotAGitRepositoryError extends UserError {
  override name = 'NotAGitRepositoryError';
  readonly dir: string;
  constructor(dir: string, detail = '') {
    super(
      `${dir} is not a git repository${detail ? ` (${detail})` : ''}; ` +
        'run ensemble in a git checkout, or pass --repo DIR',
    );
    this.dir = dir;
  }
}

/** A repository with uncommitted changes: the pipeline works from a commit, so they would be silently left out. */
export class DirtyRepositoryError extends UserError {
  override name = 'DirtyRepositoryError';
  readonly dir: string;
  readonly paths: readonly string[];
  constructor(dir: string, paths: readonly string[]) {
    const shown = paths.slice(0, 20).join(', ');
    const more = paths.length > 20 ? ` and ${paths.length - 20} more` : '';
    super(
      `the repository ${dir} has uncommitted changes (${shown}${more}); commit ` +
        'or stash them first: ensemble works from a commit and would leave them out',
    );
    this.dir = dir;
    this.paths = paths;
  }
}

export interface ProtectedPathHit {
  /** The path the change touches (for a rename, either side). */
  path: string;
  /** The configured pattern it matches. */
  pattern: string;
}

/** A change that touches a path the configuration protects (`protected-paths`). */
export class ProtectedPathError extends UserError {
  override name = 'ProtectedPathError';
  readonly hits: readonly ProtectedPathHit[];
  constructor(hits: readonly ProtectedPathHit[], what = 'the change') {
    super(
      `${what} touches protected ${hits.length === 1 ? 'path' : 'paths'} ${describeHits(hits)}; ` +
        'protected paths may never be changed by ensemble',
    );
    this.hits = hits;
  }
}

/** `".github/workflows/ci.yml" (protected by ".github/workflows/**")`, comma-separated. */
export function describeHits(hits: readonly ProtectedPathHit[]): string {
  return hits.map((h) => `${JSON.stringify(h.path)} (protected by ${JSON.stringify(h.pattern)})`).join(', ');
}

/** A repository that lacks a run's base commit: the run was made in another clone, or this one is too shallow. */
export class BaseCommitMissingError extends UserError {
  override name = 'BaseCommitMissingError';
  readonly dir: string;
  readonly sha: string;
  constructor(dir: string, sha: string, hint: string, cause: unknown) {
    super(`the repository ${dir} does not contain the run's base commit ${sha}: ${hint}`, { cause });
    this.dir = dir;
    this.sha = sha;
  }
}
