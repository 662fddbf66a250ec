import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { RunDirectory } from '../../artifacts/run-directory.ts';
import type { ArtifactStore } from '../../artifacts/store.ts';
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
 * as a local run's, so the stage code is the same in both runtimes.
 */
export function jobRunDirectory(job: ActionsJob): RunDirectory {
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

/**
 * Refuses a checkout that keeps a token in its git configuration (`actions/checkout` without
 * `persist-credentials: false`): agents' commands can read the checkout, so the token would be
 * theirs. Only the repository's own config is read; nothing is run in it.
 */
export function assertNoPersistedCredentials(workspace: string): void {
  let found = '';
  try {
    found = execFileSync('git', ['config', '--local', '--name-only', '--get-regexp', '^http\\..*extraheader$'], {
      cwd: workspace,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    });
  } catch {
    return; // exit 1: no such setting (or not a repository, which the stage reports itself)
  }
  if (found.trim() !== '') {
    throw new UserError(
      'the checkout keeps a GitHub token in .git/config (actions/checkout persists credentials by default); ' +
        'agents could read it. Check out with `persist-credentials: false`.',
    );
  }
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
