import { readFileSync } from 'node:fs';
import { errorMessage, isUserError } from '../../util/errors.ts';
import type { ActionEntry } from './entries.ts';
import type { ActionsCore } from './environment.ts';
import { type ActionSettings, InputError, parseActionSettings, secretInputValues } from './inputs.ts';

/** The part of `@actions/core` an entry needs before its stage starts (inputs, masking, failing, debug log). */
export type ActionCore = Pick<ActionsCore, 'getInput' | 'setSecret' | 'setFailed' | 'info'> & {
  debug(message: string): void;
} & Partial<ActionsCore>;

export class StageNotImplementedError extends Error {
  override name = 'StageNotImplementedError';
}

type StageRunner<E extends ActionEntry> = (
  settings: ActionSettings<E>,
  core: ActionsCore,
  env: NodeJS.ProcessEnv,
) => Promise<void>;

/** What each entry does with its settings, each loaded only when that entry runs. */
const STAGES: { [E in ActionEntry]: StageRunner<E> } = {
  plan: async (settings, core, env) => (await import('./plan.ts')).runPlanAction(settings, await deps(core, env)),
  code: async (settings, core, env) => (await import('./stages.ts')).runCodeAction(settings, await deps(core, env)),
  test: async (settings, core, env) => (await import('./stages.ts')).runTestAction(settings, await deps(core, env)),
  review: async (settings, core, env) => (await import('./stages.ts')).runReviewAction(settings, await deps(core, env)),
  docs: async (settings, core, env) => (await import('./stages.ts')).runDocsAction(settings, await deps(core, env)),
  fix: async (settings, core, env) => (await import('./stages.ts')).runFixAction(settings, await deps(core, env)),
  publish: async (settings, core, env) =>
    (await import('./publish.ts')).runPublishAction(settings, await deps(core, env)),
  approve: async (settings, core, env) => (await import('./approve.ts')).runApproveAction(settings, core, env),
  respond: async (settings, core, env) =>
    (await import('./respond.ts')).runRespondAction(settings, await deps(core, env)),
  all: async (settings, core, env) => (await import('./all.ts')).runAllAction(settings, await deps(core, env)),
};

/**
 * The job, its run directory and the artifact store; the artifact credentials are captured here,
 * before any stage scrubs the environment.
 */
async function deps(core: ActionsCore, env: NodeJS.ProcessEnv) {
  const { assertNoPersistedCredentials, jobArtifacts, jobFromEnvironment, jobRunDirectory } = await import(
    './environment.ts'
  );
  const job = jobFromEnvironment(env, (path) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>);
  assertNoPersistedCredentials(job.workspace);
  return { core, job, artifacts: jobArtifacts(env, core), runDir: jobRunDirectory(job), env };
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
 * failed with a note asking to report it and its stack trace in the debug log.
 */
export async function runActionWith<E extends ActionEntry>(
  entry: E,
  core: ActionCore,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  try {
    const read = (name: string) => core.getInput(name);
    // Masked first: an invalid input's message, or anything parsing logs, cannot show a secret.
    for (const secret of secretInputValues(entry, read)) core.setSecret(secret);
    const settings = parseActionSettings(entry, read);
    await STAGES[entry](settings, core as ActionsCore, env);
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
  const core = await import('@actions/core');
  await runActionWith(entry, core);
}
