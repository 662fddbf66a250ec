/**
 * `actions/checkout` as the workflow simulator runs it: a local clone instead of a fetch from
 * github.com, with the action's own semantics kept where a later step could notice them — the
 * path resolved in the workspace (and refused outside it), a non-empty directory emptied first,
 * `fetch-depth` (1 by default: a shallow clone), a branch ref checked out as a local branch and a
 * SHA detached, the remote named `origin` with the github.com URL, and the token left in
 * a config file under RUNNER_TEMP that `.git/config` includes (checkout v6+) unless
 * `persist-credentials: false`.
 *
 * Two repositories exist: the caller's (the harness's origin, a git repository) and ensemble
 * itself (the workflow's repository), available only at the workflow's commit, as a copy of the
 * files the actions need (`actions/`, `dist/`, `action.yml`) from `ensembleRepoDir`.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { GIT_ENV } from './actions-harness.ts';
import { UnsupportedConstruct } from './workflow-sim-expressions.ts';

/** The inputs of actions/checkout the simulator implements; any other input fails the run. */
export const CHECKOUT_INPUTS = ['repository', 'ref', 'token', 'path', 'persist-credentials', 'fetch-depth'] as const;

export interface CheckoutSources {
  /** The caller's repository (`github.repository`) and its git directory. */
  caller: { repository: string; dir: string; defaultRef: string; defaultSha: string };
  /**
   * The workflow's repository (`job.workflow_repository`), available at `sha` only. `private`: the
   * caller's token cannot read it, so checking it out fails (a `$/` action still loads: the
   * runner fetches it with the access the repository's Actions access policy grants).
   */
  workflow: { repository: string; sha: string; snapshot: string; private?: boolean };
  serverUrl: string;
}

export interface CheckoutResult {
  repository: string;
  path: string;
  ref: string;
  /** The commit checked out (for ensemble: the workflow SHA the copy stands for). */
  commit: string;
  persistedCredentials: boolean;
}

/** The files of ensemble that its actions need, copied once per simulated run (no node_modules). */
export function snapshotEnsemble(ensembleRepoDir: string): string {
  const snapshot = join(mkdtempSync(join(tmpdir(), 'ensemble-self-')), 'ensemble');
  mkdirSync(snapshot);
  for (const entry of ['actions', 'dist', 'action.yml', 'scripts']) {
    const from = join(ensembleRepoDir, entry);
    if (!existsSync(from))
      throw new Error(`${ensembleRepoDir} has no ${entry}: it is not an ensemble checkout with built actions`);
    cpSync(from, join(snapshot, entry), { recursive: true });
  }
  return snapshot;
}

const FULL_SHA = /^[0-9a-f]{40}$/i;

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs one actions/checkout step with its rendered inputs (already checked against CHECKOUT_INPUTS). */
export function checkout(
  inputs: Record<string, string>,
  workspace: string,
  token: string,
  sources: CheckoutSources,
  runnerTemp: string,
): CheckoutResult {
  const repository = inputs['repository'] || sources.caller.repository;
  const path = resolve(workspace, inputs['path'] || '.');
  const inside = relative(workspace, path);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw new Error(`Repository path '${path}' is not under '${workspace}'`);
  }
  const persist = parseBoolean(inputs['persist-credentials'] ?? 'true', 'persist-credentials');
  const depthText = inputs['fetch-depth'] || '1';
  if (!/^\d+$/.test(depthText)) throw new Error(`The input 'fetch-depth' must be a number, not '${depthText}'`);
  const depth = Number(depthText);
  const auth = inputs['token'] || token;

  // actions/checkout empties a directory that is not already a clone of the same repository.
  if (existsSync(path) && readdirSync(path).length > 0) {
    for (const entry of readdirSync(path)) rmSync(join(path, entry), { recursive: true, force: true });
  }
  mkdirSync(path, { recursive: true });

  if (repository.toLowerCase() === sources.workflow.repository.toLowerCase()) {
    const ref = inputs['ref'] ?? '';
    if (ref !== sources.workflow.sha) {
      throw new UnsupportedConstruct(
        `actions/checkout of ${repository} at '${ref}': the simulator has ${repository} only at the workflow's commit ${sources.workflow.sha} (\`ref: \${{ job.workflow_sha }}\`)`,
      );
    }
    if (sources.workflow.private && (inputs['token'] ?? '') === '') {
      // What checkout reports when the job token cannot see a private repository of another owner.
      throw new Error(`Not Found - could not read ${repository}: the repository is private to this job's token`);
    }
    cpSync(sources.workflow.snapshot, path, { recursive: true });
    return { repository, path, ref, commit: sources.workflow.sha, persistedCredentials: false };
  }
  if (repository.toLowerCase() !== sources.caller.repository.toLowerCase()) {
    throw new UnsupportedConstruct(
      `actions/checkout of ${repository}: the simulator knows only ${sources.caller.repository} (the caller) and ${sources.workflow.repository} (this workflow)`,
    );
  }

  const origin = sources.caller.dir;
  const ref = inputs['ref'] || sources.caller.defaultRef;
  const url = `${sources.serverUrl}/${repository}`;
  git(path, 'init', '-q');
  git(path, 'remote', 'add', 'origin', url);
  const depthArgs = depth > 0 ? [`--depth=${depth}`] : [];
  const fetch = (refspec: string) =>
    git(
      path,
      '-c',
      'protocol.version=2',
      'fetch',
      '-q',
      '--no-tags',
      '--prune',
      ...depthArgs,
      `file://${origin}`,
      refspec,
    );
  let commit: string;
  if (FULL_SHA.test(ref)) {
    try {
      fetch(`+${ref}:refs/remotes/origin/ensemble-sim-checkout`);
    } catch (error) {
      throw new Error(
        `actions/checkout: ${repository} has no commit ${ref}: ${(error as { stderr?: string }).stderr ?? error}`,
      );
    }
    git(path, 'update-ref', '-d', 'refs/remotes/origin/ensemble-sim-checkout');
    git(path, 'checkout', '-q', '--force', ref);
    commit = ref;
  } else {
    const branch = ref.replace(/^refs\/heads\//, '');
    if (ref.startsWith('refs/') && !ref.startsWith('refs/heads/')) {
      throw new UnsupportedConstruct(
        `actions/checkout of ref '${ref}': the simulator checks out branches and commit SHAs only`,
      );
    }
    try {
      fetch(`+refs/heads/${branch}:refs/remotes/origin/${branch}`);
    } catch (error) {
      throw new Error(
        `actions/checkout: a branch, tag or commit '${ref}' could not be found in ${repository}: ${(error as { stderr?: string }).stderr ?? error}`,
      );
    }
    git(path, 'checkout', '-q', '--force', '-B', branch, `refs/remotes/origin/${branch}`);
    commit = git(path, 'rev-parse', 'HEAD').trim();
  }
  // As actions/checkout does with fetch-depth 0: all history of every branch and tag.
  if (depth === 0) {
    fetch('+refs/heads/*:refs/remotes/origin/*');
    fetch('+refs/tags/*:refs/tags/*');
  }
  if (persist) {
    // Where actions/checkout v6+ keeps the token: a config file under RUNNER_TEMP that
    // .git/config includes for the repository and its worktrees (git config --local sees neither).
    const basic = Buffer.from(`x-access-token:${auth}`).toString('base64');
    const credentials = join(runnerTemp, `git-credentials-${randomUUID()}.config`);
    git(
      path,
      'config',
      '--file',
      credentials,
      `http.${sources.serverUrl}/.extraheader`,
      `AUTHORIZATION: basic ${basic}`,
    );
    const gitDir = join(path, '.git');
    git(path, 'config', '--local', `includeIf.gitdir:${gitDir}.path`, credentials);
    git(path, 'config', '--local', `includeIf.gitdir:${gitDir}/worktrees/*.path`, credentials);
  }
  return { repository, path, ref, commit, persistedCredentials: persist };
}

function parseBoolean(text: string, name: string): boolean {
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  throw new Error(`The input '${name}' must be true or false, not '${text}'`);
}
