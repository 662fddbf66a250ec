import type { ActionSettings } from './inputs.ts';
import { StageNotImplementedError } from './run.ts';
import type { ActionDeps } from './stages.ts';

/** `actions/publish`: replaced by the GitHub publisher. */
export async function runPublishAction(_settings: ActionSettings<'publish'>, _deps: ActionDeps): Promise<void> {
  throw new StageNotImplementedError('The publish stage is not implemented in this version of ensemble yet; nothing was done.');
}
