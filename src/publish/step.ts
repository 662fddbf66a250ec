/**
 * What the steps of `publishToGitHub` share: the log, and how a step says that the publish stops
 * there (`PublishStop`) instead of handing its result to the next step.
 */
import type { PublishStatus } from './report.ts';

export interface PublishLog {
  info(message: string): void;
  warn(message: string): void;
}

export const silentLog: PublishLog = { info: () => {}, warn: () => {} };

/** Why the publish ends before everything was written: the status and the message for the user. */
export interface PublishStop {
  status: Exclude<PublishStatus, 'published'>;
  error: string;
  /** Things a user should know all the same (a task folded into the integration commit). */
  notes: string[];
  /**
   * Why the tracking comment is not written either (artifacts of another issue, a locked issue,
   * another publish writing); then only the step summary and the step's failure tell.
   */
  withhold?: string;
}

export function stop(status: PublishStop['status'], error: string, notes: string[] = []): PublishStop {
  return { status, error, notes };
}

/** `stop`, writing no tracking comment, for the reason `withhold`. */
export function stopSilently(status: PublishStop['status'], error: string, withhold: string): PublishStop {
  return { status, error, notes: [], withhold };
}

/** A step's result: what it hands to the next step, or why the publish stops. */
export type StepResult<T extends object> = ({ ok: true } & T) | { ok: false; stop: PublishStop };

type Awaitable<T> = T | Promise<T>;

export const NOTHING_WRITTEN_NOTE = 'No branch, pull request or review was written.';

/**
 * Runs a step that comes before any write; an error it throws (an unexpected one: a step returns
 * the stops it expects) stops the publish as `failed`, with nothing written.
 */
export async function beforeWriting<T extends object>(step: () => Awaitable<StepResult<T>>): Promise<StepResult<T>> {
  try {
    return await step();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, stop: stop('failed', `${message}\n${NOTHING_WRITTEN_NOTE}`) };
  }
}
