/**
 * The persisted-credentials guard, against real git repositories laid out as `actions/checkout` leaves them:
 * before v6 the token header sits in `.git/config`; from v6 it sits in `$RUNNER_TEMP/git-credentials-<uuid>.config`,
 * which `.git/config` pulls in with `includeIf "gitdir:…"` entries (for the checkout, its worktrees and the same
 * paths as seen from a container).
 */
import { randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { assertNoPersistedCredentials } from '../../../../src/runtime/actions/environment.ts';
import { cleanupTemps, createRepo, git, gitText, isolateGit, tempDir } from '../../../support/git-fixture.ts';

beforeAll(() => isolateGit());
afterEach(() => cleanupTemps());

const REFUSED =
  /^the checkout keeps a GitHub token in \.git\/config \(actions\/checkout persists credentials by default\); agents could read it\. Check out with `persist-credentials: false`\./;
const HEADER_KEY = 'http.https://github.com/.extraheader';
const HEADER = `AUTHORIZATION: basic ${Buffer.from('x-access-token:ghs_fake0123456789').toString('base64')}`;

/** A config file holding the token header, as checkout writes it (`git config --file`). */
function credentialsFile(dir: string, name = `git-credentials-${randomUUID()}.config`): string {
  const file = join(dir, name);
  git(dir, ['config', '--file', file, HEADER_KEY, HEADER]);
  return file;
}

/** `.git/config` entries checkout v6+ adds for a token in `file` (host and container paths). */
function includeAsCheckoutV6(repo: string, file: string, only?: 'worktrees'): void {
  const container = `/github/runner_temp/${basename(file)}`;
  const entries: [string, string][] = [
    [`includeIf.gitdir:${repo}/.git.path`, file],
    [`includeIf.gitdir:${repo}/.git/worktrees/*.path`, file],
    ['includeIf.gitdir:/github/workspace/.git.path', container],
    ['includeIf.gitdir:/github/workspace/.git/worktrees/*.path', container],
  ];
  for (const [key, value] of entries) {
    if (only === 'worktrees' && !key.includes('/worktrees/')) continue;
    git(repo, ['config', '--local', key, value]);
  }
}

function guard(workspace: string): Error | null {
  try {
    assertNoPersistedCredentials(workspace);
    return null;
  } catch (error) {
    return error as Error;
  }
}

describe('assertNoPersistedCredentials', () => {
  test('refuses a checkout v6+ token kept under RUNNER_TEMP and included through includeIf gitdir:', () => {
    const repo = createRepo();
    const runnerTemp = tempDir('runner-temp-');
    const file = credentialsFile(runnerTemp);
    includeAsCheckoutV6(repo.dir, file);
    // The layout does what it is for: git in the checkout sends the header.
    expect(repo.git('config', '--includes', '--get', HEADER_KEY)).toBe(HEADER);
    // …while .git/config alone, all the guard used to read, has none.
    expect(() => repo.git('config', '--local', '--get-regexp', 'extraheader')).toThrow(/Command failed/);

    const error = guard(repo.dir);
    expect(error?.message).toMatch(REFUSED);
    expect(error?.message).toContain(`The token is in ${file}, which .git/config includes.`);
  });

  test('refuses a credentials file included only for worktrees, which is where agents work', () => {
    const repo = createRepo();
    const file = credentialsFile(tempDir('runner-temp-'));
    includeAsCheckoutV6(repo.dir, file, 'worktrees');
    // Not applied in the checkout itself, but in a worktree of it (as the agents' worktrees are):
    expect(() => repo.git('config', '--includes', '--get', HEADER_KEY)).toThrow();
    const worktree = join(tempDir('worktree-'), 'wt');
    repo.git('worktree', 'add', '--detach', '--quiet', worktree);
    expect(gitText(worktree, ['config', '--includes', '--get', HEADER_KEY])).toBe(HEADER);

    expect(guard(repo.dir)?.message).toMatch(REFUSED);
  });

  test('refuses a token in .git/config itself (checkout before v6)', () => {
    const repo = createRepo();
    repo.git('config', '--local', HEADER_KEY, HEADER);
    const error = guard(repo.dir);
    expect(error?.message).toMatch(REFUSED);
    expect(error?.message).not.toContain('which .git/config includes');
  });

  test('refuses a token in a file pulled in by a plain include.path', () => {
    const repo = createRepo();
    const file = credentialsFile(tempDir('elsewhere-'), 'auth.config');
    repo.git('config', '--local', 'include.path', file);
    const error = guard(repo.dir);
    expect(error?.message).toMatch(REFUSED);
    expect(error?.message).toContain(`The token is in ${file}`);
  });

  test('refuses a token in a file a relative include.path names (relative to .git/config, as git reads it)', () => {
    const repo = createRepo();
    credentialsFile(join(repo.dir, '.git'), 'extra.config');
    repo.git('config', '--local', 'include.path', 'extra.config');
    expect(guard(repo.dir)?.message).toMatch(REFUSED);
  });

  test('accepts an includeIf for another repository, which git does not apply here', () => {
    const repo = createRepo();
    const other = tempDir('other-repo-');
    const file = credentialsFile(tempDir('elsewhere-'), 'other.config');
    repo.git('config', '--local', `includeIf.gitdir:${other}/.git.path`, file);
    repo.git('config', '--local', `includeIf.gitdir:${repo.dir}/.git.path`, join(other, 'absent.config'));
    expect(() => repo.git('config', '--includes', '--get', HEADER_KEY)).toThrow();
    expect(guard(repo.dir)).toBeNull();
  });

  test('accepts a checkout without persisted credentials, after checkout v6 removed them, and a non-repository', () => {
    const repo = createRepo();
    expect(guard(repo.dir)).toBeNull();
    // Checkout v6's post step removes the file; an include left pointing at nothing holds no token.
    const runnerTemp = tempDir('runner-temp-');
    includeAsCheckoutV6(repo.dir, join(runnerTemp, `git-credentials-${randomUUID()}.config`));
    expect(guard(repo.dir)).toBeNull();
    expect(guard(tempDir('not-a-repo-'))).toBeNull();
  });
});
