import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { RunDirectory } from '../../artifacts/run-directory.ts';
import type { ArtifactStore } from '../../artifacts/store.ts';
import type { GitHubLog } from '../../github/octokit.ts';
import type { Reporter } from '../../stages/context.ts';
import { UserError } from '../../util/errors.ts';
import { ActionsArtifactStore, artifactCredentials } from './artifacts.ts';

/** The part of `@actions/core` the entries use; the real module in the runner, a fake in unit tests. */
export interface ActionsCore {
  getInput(name: string): string;
  setSecret(secret: string): void;
  setFailed(message: string | Error): void;
  setOutput(name: string, value: string): void;
  info(message: string): void;
  warning(message: string): void;
  summary: {
    addRaw(text: string, addEOL?: boolean): unknown;
    write(options?: { overwrite?: boolean }): Promise<unknown>;
  };
}

/** The job as the runner describes it: workspace, temp directory, event. */
export interface ActionsJob {
  workspace: string;
  runnerTemp: string;
  eventName: string;
  eventPayload: Record<string, unknown>;
  repository: { owner: string; repo: string };
  runId: string;
  serverUrl: string;
  apiUrl: string;
}

/** The page of the job's workflow run on GitHub. */
export function runUrlOf(job: Pick<ActionsJob, 'serverUrl' | 'repository' | 'runId'>): string {
  return `${job.serverUrl}/${job.repository.owner}/${job.repository.repo}/actions/runs/${job.runId}`;
}

export function jobFromEnvironment(
  env: NodeJS.ProcessEnv,
  readEvent: (path: string) => Record<string, unknown>,
): ActionsJob {
  const required = (name: string) => {
    const value = env[name];
    if (!value) {
      const where = "ensemble's actions run inside a GitHub Actions job (uses: …/actions/<stage>)";
      throw new UserError(`${name} is not set: ${where}`);
    }
    return value;
  };
  const [owner, repo] = required('GITHUB_REPOSITORY').split('/') as [string, string];
  return {
    workspace: required('GITHUB_WORKSPACE'),
    runnerTemp: required('RUNNER_TEMP'),
    eventName: required('GITHUB_EVENT_NAME'),
    eventPayload: env['GITHUB_EVENT_PATH'] ? readEvent(env['GITHUB_EVENT_PATH']) : {},
    repository: { owner, repo },
    runId: required('GITHUB_RUN_ID'),
    serverUrl: env['GITHUB_SERVER_URL'] ?? 'https://github.com',
    apiUrl: env['GITHUB_API_URL'] ?? 'https://api.github.com',
  };
}

/**
 * The run directory of a job: the artifacts this stage downloads and uploads, laid out exactly
 * as a local run's, so the stage code is the same in both runtimes. Loaded here, not with this
 * module: it brings the contracts, which the job's checks before the stage do not need.
 */
export async function jobRunDirectory(job: ActionsJob): Promise<RunDirectory> {
  const { RunDirectory } = await import('../../artifacts/run-directory.ts');
  return RunDirectory.at(join(job.runnerTemp, 'ensemble', job.runId));
}

/**
 * The artifact store, with the job's artifact credentials captured before credentials leave the environment,
 * keeping uploads as long as the repository allows up to the approval and re-run window (`log` hears when less).
 */
export function jobArtifacts(env: NodeJS.ProcessEnv, log?: Pick<ActionsCore, 'info' | 'warning'>): ArtifactStore {
  return new ActionsArtifactStore({
    ...artifactCredentials({}, env),
    repositoryRetentionDays: env['GITHUB_RETENTION_DAYS'],
    ...(log ? { log } : {}),
  });
}

/** The header `actions/checkout` persists the token as: `http.<server>/.extraheader = AUTHORIZATION: basic …`. */
const TOKEN_HEADER_KEY = '^http\\..*\\.extraheader$';

/**
 * The file name `actions/checkout` v6 and later give the persisted token: `$RUNNER_TEMP/git-credentials-<uuid>.config`
 * (`/github/runner_temp/…` as seen from a container), pulled into `.git/config` by `includeIf "gitdir:…"` entries.
 */
const CHECKOUT_CREDENTIALS_FILE = /(?:^|[/\\])git-credentials-[0-9a-f-]+\.config$/i;

/** The repository's own config files, as `--show-origin` names them. */
const REPOSITORY_CONFIG = /(?:^|[/\\])\.git[/\\](?:worktrees[/\\][^/\\]+[/\\])?config(?:\.worktree)?$/;

/**
 * Refuses a checkout that keeps a token in its git configuration (`actions/checkout` without
 * `persist-credentials: false`): agents' commands can read the checkout, so the token would be
 * theirs. Only the repository's configuration is read (with `git config`, nothing else is run in it).
 *
 * Two layouts. Before v6, checkout wrote the header into `.git/config`. From v6 it writes it to a file under
 * `RUNNER_TEMP` and adds `includeIf "gitdir:<workspace>/.git".path` (and `…/.git/worktrees/*` and the container
 * paths) to `.git/config`; `git config --local` does not follow includes. So:
 *
 * 1. the repository's configuration is read as git reads it here, includes followed and `includeIf` conditions
 *    evaluated for this repository (system and global configuration left out: they are not the checkout's);
 * 2. every include entry pointing at checkout's credentials file is read too, whatever its condition: the
 *    `worktrees/*` entry applies in the worktrees agents work in, though not in the checkout itself.
 */
export function assertNoPersistedCredentials(workspace: string): void {
  const found = tokenHeaderOrigins(workspace, ['--includes']);
  for (const path of includedCredentialFiles(workspace)) {
    if (tokenHeaderOrigins(workspace, ['--file', path]).length > 0) found.push(path);
  }
  if (found.length === 0) return;
  const elsewhere = [
    ...new Set(found.filter((file) => !REPOSITORY_CONFIG.test(file)).map((file) => resolve(workspace, file))),
  ];
  throw new UserError(
    'the checkout keeps a GitHub token in .git/config (actions/checkout persists credentials by default); ' +
      'agents could read it. Check out with `persist-credentials: false`.' +
      (elsewhere.length > 0 ? ` The token is in ${elsewhere.join(', ')}, which .git/config includes.` : ''),
  );
}

/** The config files (as git names them) that set a token header, reading the sources `source` selects. */
function tokenHeaderOrigins(workspace: string, source: string[]): string[] {
  const out = readConfig(workspace, [
    ...source,
    '--show-origin',
    '-z',
    '--name-only',
    '--get-regexp',
    TOKEN_HEADER_KEY,
  ]);
  const fields = out.split('\0');
  const origins: string[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) origins.push((fields[i] as string).replace(/^file:/, ''));
  return origins;
}

/** Files named like checkout's credentials file that an `include.path` or `includeIf.<condition>.path` names. */
function includedCredentialFiles(workspace: string): string[] {
  const out = readConfig(workspace, [
    '--includes',
    '--show-origin',
    '-z',
    '--get-regexp',
    '^include(if\\..*)?\\.path$',
  ]);
  const fields = out.split('\0');
  const files = new Set<string>();
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const origin = (fields[i] as string).replace(/^file:/, '');
    const entry = fields[i + 1] as string; // `<key>\n<value>`
    const value = entry.slice(entry.indexOf('\n') + 1);
    if (!CHECKOUT_CREDENTIALS_FILE.test(value)) continue;
    // As git resolves an include: relative to the file that names it. A path that does not exist here (a
    // container's /github/runner_temp/…) is read as nothing.
    files.add(isAbsolute(value) ? value : resolve(workspace, dirname(origin), value));
  }
  return [...files];
}

/**
 * `node:child_process`, loaded at the first `git config` rather than with this module: an entry whose
 * earlier checks fail does not load it.
 */
const childProcess = () => process.getBuiltinModule('node:child_process');

/**
 * `git config <args>` in the workspace with a clean environment and no system or global configuration; '' when
 * nothing matches (exit 1) or the workspace is not a repository (which the stage reports itself).
 */
function readConfig(workspace: string, args: string[]): string {
  try {
    return childProcess().execFileSync('git', ['config', ...args], {
      cwd: workspace,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    });
  } catch {
    return '';
  }
}

/**
 * The GitHub client's own messages (retries, rate limits) as plain job log lines: they are about
 * the API, not about the user's change, so they never become annotations.
 */
export function actionsGitHubLog(core: Pick<ActionsCore, 'info'>): GitHubLog {
  return {
    debug: () => {},
    info: (message) => core.info(message),
    warn: (message) => core.info(`warning: ${message}`),
    error: (message) => core.info(`error: ${message}`),
  };
}

/** Stage progress as log lines. */
export function actionsReporter(core: Pick<ActionsCore, 'info' | 'warning'>): Reporter {
  return {
    info: (message) => core.info(message),
    warn: (message) => core.warning(message),
    event: (event) =>
      core.info(
        `[${event.agent ?? event.stage}] ${event.status}${event.detail ? `: ${event.detail.split('\n')[0]}` : ''}`,
      ),
  };
}
