import { explainGitHubError, type GitHubOperation, statusOf } from './errors.ts';
import { clientSettings, type GitHubClient } from './octokit.ts';

/** A failure after which the write may or may not have landed: a 5xx, or no answer at all. */
export function isAmbiguousFailure(error: unknown): boolean {
  const status = statusOf(error);
  return status === null || status >= 500;
}

export interface WriteOnceOptions<T> {
  operation: GitHubOperation;
  /** The write (a POST, which the client never retries by itself). */
  create: () => Promise<T>;
  /** Looks for the result of an earlier attempt, by its marker; null when there is none. */
  find: () => Promise<T | null>;
  /** Attempts of `create` in all; 1 + the client's retries by default. */
  attempts?: number;
}

/**
 * A non-idempotent write that is never duplicated: when an attempt fails without a clear answer
 * (502, timeout, dropped connection) the write may have landed, so `find` looks for it before
 * the next attempt. A clear refusal (4xx) is not retried.
 */
export async function writeOnce<T>(
  octokit: GitHubClient,
  options: WriteOnceOptions<T>,
): Promise<{ value: T /** The write landed, but its answer was lost; `find` recovered it. */; recovered: boolean }> {
  const { secondMs, retries, log } = clientSettings(octokit);
  const attempts = Math.max(1, options.attempts ?? retries + 1);
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await options.create(), recovered: false };
    } catch (error) {
      if (!isAmbiguousFailure(error) || attempt >= attempts) throw explainGitHubError(error, options.operation);
      log.warn(
        `could not ${options.operation.action} (${statusOf(error) ?? 'no answer'}); ` +
          'checking whether it landed before retrying',
      );
      await new Promise((resolve) => setTimeout(resolve, attempt * attempt * secondMs));
      let found: T | null;
      try {
        found = await options.find();
      } catch (lookup) {
        throw explainGitHubError(lookup, {
          ...options.operation,
          action: `check whether the attempt to ${options.operation.action} landed`,
        });
      }
      if (found !== null) return { value: found, recovered: true };
    }
  }
}
