import { randomBytes } from 'node:crypto';

interface InfoLog {
  info(message: string): void;
}

/**
 * Writes text that came from outside (an issue, a model, a test's output) to the job log so that
 * no line of it can act as a workflow command (`::set-output`, `::add-mask`, `::stop-commands`):
 * the runner ignores commands between `::stop-commands::<token>` and `::<token>::`, and the
 * token is random, so the text cannot end the block itself.
 */
export function logUntrusted(core: InfoLog, text: string): void {
  const token = randomBytes(16).toString('hex');
  core.info(`::stop-commands::${token}`);
  core.info(text);
  core.info(`::${token}::`);
}
