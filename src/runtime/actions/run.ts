import { readFileSync } from 'node:fs';
import { errorMessage, isUserError } from '../../util/errors.ts';
import type { ActionEntry } from './entries.ts';
import { entryCore } from './entry-core.ts';
import type { ActionsCore, ActionsJob } from './environment.ts';
import { type ActionSettings, InputError, parseActionSettings, secretInputValues } from './inputs.ts';
import type { ActionDeps } from './stages.ts';

/** The part of `@actions/core` an entry needs before its stage starts (inputs, masking, failing, debug log). */
export type ActionCore = Pick<ActionsCore, 'getInput' | 'setSecret' | 'setFailed' | 'info'> & {
  debug(message: string): void;
} & Partial<ActionsCore>;

export class StageNotImplementedError extends Error {
  override name = 'StageNotImplementedError';
}

type StageRunner<E extends ActionEntry> = (
  settings: ActionSettings<E>,
  loadCore: () => Promise<ActionsCore>,
  env: NodeJS.ProcessEnv,
) => Promise<void>;

/**
 * An entry whose stage runs in a job: the job's checks first, then the stage's modules (the model
 * SDKs, the GitHub client, the contracts) are loaded, so that an entry that cannot run fails
 * without waiting for them.
 */
function inJob<E extends ActionEntry>(
  load: () => Promise<(settings: ActionSettings<E>, deps: ActionDeps) => Promise<void>>,
): StageRunner<E> {
  return async (settings, loadCore, env) => {
    const job = await checkJob(env);
    const [run, core] = await Promise.all([load(), loadCore()]);
    await run(settings, await deps(job, core, env));
  };
}

/** What each entry does with its settings, each loaded only when that entry runs. */
const STAGES: { [E in ActionEntry]: StageRunner<E> } = {
  plan: inJob(async () => (await import('./plan.ts')).runPlanAction),
  code: inJob(async () => (await import('./stages.ts')).runCodeAction),
  test: inJob(async () => (await import('./stages.ts')).runTestAction),
  review: inJob(async () => (await import('./stages.ts')).runReviewAction),
  docs: inJob(async () => (await import('./stages.ts')).runDocsAction),
  fix: inJob(async () => (await import('./stages.ts')).runFixAction),
  publish: inJob(async () => (await import('./publish.ts')).runPublishAction),
  approve: async (settings, loadCore, env) =>
    (await import('./approve.ts')).runApproveAction(settings, await loadCore(), env),
  respond: inJob(async () => (await import('./respond.ts')).runRespondAction),
  all: inJob(async () => (await import('./all.ts')).runAllAction),
};

/**
 * The checks a job must pass before its stage loads, cheapest first: the runner's variables, the
 * artifact service, then a checkout that keeps a token (`git config`).
 */
async function checkJob(env: NodeJS.ProcessEnv): Promise<ActionsJob> {
  const [{ artifactCredentials }, { assertNoPersistedCredentials, jobFromEnvironment }] = await Promise.all([
    import('./artifacts.ts'),
    import('./environment.ts'),
  ]);
  const job = jobFromEnvironment(env, (path) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>);
  artifactCredentials({}, env);
  assertNoPersistedCredentials(job.workspace);
  return job;
}

/**
 * The job, its run directory and the artifact store; the artifact credentials are captured here,
 * before any stage scrubs the environment.
 */
async function deps(job: ActionsJob, core: ActionsCore, env: NodeJS.ProcessEnv): Promise<ActionDeps> {
  const { jobArtifacts, jobRunDirectory } = await import('./environment.ts');
  return { core, job, artifacts: jobArtifacts(env, core), runDir: await jobRunDirectory(job), env };
}

/**
 * Added to an unexpected error's message; its stack trace goes to the debug log. "Unless": some
 * user mistakes are still thrown as plain errors, and their message does say what to fix.
 */
const UNEXPECTED =
  'This error was not expected. Unless the message says what to fix, it is a bug in ensemble: ' +
  'please report it with this log (re-run the job with debug logging enabled to log its stack trace).';

/**
 * Runs one action entry: secrets are masked, inputs parsed and validated, then the stage
 * runs. Any failure fails the step with a message (never a silent success). Told apart here, once,
 * by type: a user error fails with its message, which says what to fix; anything else is a bug,
 * failed with a note asking to report it and its stack trace in the debug log. `loadCore` gives
 * the stage its whole `@actions/core`, once the job's checks passed; `core` itself by default.
 */
export async function runActionWith<E extends ActionEntry>(
  entry: E,
  core: ActionCore,
  env: NodeJS.ProcessEnv = process.env,
  loadCore: () => Promise<ActionsCore> = async () => core as ActionsCore,
): Promise<void> {
  try {
    const read = (name: string) => core.getInput(name);
    // Masked first: an invalid input's message, or anything parsing logs, cannot show a secret.
    for (const secret of secretInputValues(entry, read)) core.setSecret(secret);
    const settings = parseActionSettings(entry, read);
    await STAGES[entry](settings, loadCore, env);
  } catch (error) {
    if (error instanceof InputError) {
      core.setFailed(`ensemble ${entry}: invalid input.\n${error.message}`);
    } else if (isUserError(error)) {
      core.setFailed(`ensemble ${entry}: ${error.message}`);
    } else {
      core.debug(error instanceof Error && error.stack ? error.stack : String(error));
      core.setFailed(`ensemble ${entry}: ${errorMessage(error)}\n${UNEXPECTED}`);
    }
  }
}

export async function runActionEntry(entry: ActionEntry): Promise<void> {
  await runActionWith(entry, entryCore, process.env, () => import('@actions/core'));
}
