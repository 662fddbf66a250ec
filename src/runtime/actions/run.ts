import type { ActionEntry } from './entries.ts';
import { type ActionSettings, InputError, parseActionSettings } from './inputs.ts';

/** The part of `@actions/core` an entry uses; the runner's real module in production, a fake in unit tests. */
export interface ActionCore {
  getInput(name: string): string;
  setSecret(secret: string): void;
  setFailed(message: string | Error): void;
  info(message: string): void;
}

export class StageNotImplementedError extends Error {
  override name = 'StageNotImplementedError';
}

/** What each entry does with its settings; stages arrive with their own issues. */
const STAGES: { [E in ActionEntry]: (settings: ActionSettings<E>) => Promise<void> } = {
  plan: notImplemented('plan'),
  code: notImplemented('code'),
  test: notImplemented('test'),
  review: notImplemented('review'),
  docs: notImplemented('docs'),
  publish: notImplemented('publish'),
  all: notImplemented('all'),
};

function notImplemented(entry: ActionEntry) {
  return async (): Promise<void> => {
    const what = entry === 'all' ? 'The all-in-one pipeline' : `The ${entry} stage`;
    throw new StageNotImplementedError(`${what} is not implemented in this version of ensemble yet; nothing was done.`);
  };
}

/**
 * Runs one action entry: inputs are parsed and validated first, secrets masked, then the stage
 * runs. Any failure fails the step with a message (never a silent success).
 */
export async function runActionWith<E extends ActionEntry>(entry: E, core: ActionCore): Promise<void> {
  try {
    const settings = parseActionSettings(entry, (name) => core.getInput(name));
    for (const secret of [(settings as { apiKey?: string | null }).apiKey, (settings as { githubToken?: string | null }).githubToken]) {
      if (secret) core.setSecret(secret);
    }
    await STAGES[entry](settings);
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
