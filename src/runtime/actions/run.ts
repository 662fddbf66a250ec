import { readFileSync } from 'node:fs';
import type { ActionEntry } from './entries.ts';
import type { ActionsCore } from './environment.ts';
import { type ActionSettings, InputError, parseActionSettings } from './inputs.ts';

/** The part of `@actions/core` an entry needs before its stage starts (input parsing, masking, failing). */
export type ActionCore = Pick<ActionsCore, 'getInput' | 'setSecret' | 'setFailed' | 'info'> & Partial<ActionsCore>;

export class StageNotImplementedError extends Error {
  override name = 'StageNotImplementedError';
}

type StageRunner<E extends ActionEntry> = (settings: ActionSettings<E>, core: ActionsCore, env: NodeJS.ProcessEnv) => Promise<void>;

/** What each entry does with its settings, each loaded only when that entry runs. */
const STAGES: { [E in ActionEntry]: StageRunner<E> } = {
  plan: async (settings, core, env) => (await import('./plan.ts')).runPlanAction(settings, await deps(core, env)),
  code: async (settings, core, env) => (await import('./stages.ts')).runCodeAction(settings, await deps(core, env)),
  test: async (settings, core, env) => (await import('./stages.ts')).runTestAction(settings, await deps(core, env)),
  review: async (settings, core, env) => (await import('./stages.ts')).runReviewAction(settings, await deps(core, env)),
  docs: async (settings, core, env) => (await import('./stages.ts')).runDocsAction(settings, await deps(core, env)),
  publish: async (settings, core, env) => (await import('./publish.ts')).runPublishAction(settings, await deps(core, env)),
  all: async (settings, core, env) => (await import('./all.ts')).runAllAction(settings, await deps(core, env)),
};

/** The job, its run directory and the artifact store; the artifact credentials are captured here, before any stage scrubs the environment. */
async function deps(core: ActionsCore, env: NodeJS.ProcessEnv) {
  const { assertNoPersistedCredentials, jobArtifacts, jobFromEnvironment, jobRunDirectory } = await import('./environment.ts');
  const job = jobFromEnvironment(env, (path) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>);
  assertNoPersistedCredentials(job.workspace);
  return { core, job, artifacts: jobArtifacts(env), runDir: jobRunDirectory(job), env };
}

/**
 * Runs one action entry: inputs are parsed and validated first, secrets masked, then the stage
 * runs. Any failure fails the step with a message (never a silent success).
 */
export async function runActionWith<E extends ActionEntry>(
  entry: E,
  core: ActionCore,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  try {
    const settings = parseActionSettings(entry, (name) => core.getInput(name));
    for (const secret of [(settings as { apiKey?: string | null }).apiKey, (settings as { githubToken?: string | null }).githubToken]) {
      if (secret) core.setSecret(secret);
    }
    await STAGES[entry](settings, core as ActionsCore, env);
  } catch (error) {
    if (error instanceof InputError) {
      core.setFailed(`ensemble ${entry}: invalid input.\n${error.message}`);
    } else {
      core.setFailed(`ensemble ${entry}: ${(error as Error).message ?? String(error)}`);
    }
  }
}

export async function runActionEntry(entry: ActionEntry): Promise<void> {
  const core = await import('@actions/core');
  await runActionWith(entry, core);
}
