import type { Provider } from '../contracts/model-spec.ts';
import { USER_ERROR } from '../util/errors.ts';

/**
 * Base class of every error the model layer throws on purpose. The tool loop tells them apart with
 * `instanceof` (or {@link findModelError} when something wrapped them):
 *
 * - {@link ModelConfigError}: missing key or base URL; fix the configuration, never retried.
 * - {@link ModelAuthError}: HTTP 401/403; the key is wrong or lacks access, never retried.
 * - {@link ModelSpendLimitError}: quota, credit balance or spend limit exhausted, never retried.
 * - {@link ModelRequestError}: anything else that failed at the HTTP level, after the retries the
 *   error allows (`attempts` says how many were made).
 *
 * The first three are for the user to fix, and carry the user-error marker (`src/errors.ts`).
 */
export class ModelError extends Error {
  override name = 'ModelError';
  readonly provider: Provider;

  constructor(provider: Provider, message: string) {
    super(message);
    this.provider = provider;
  }
}

/** The configuration cannot work: no API key, no base URL for `openai-compatible`, a bad URL. */
export class ModelConfigError extends ModelError {
  override name = 'ModelConfigError';
  readonly [USER_ERROR] = true;
}

/** The provider rejected the credentials (HTTP 401 or 403). Retrying cannot help. */
export class ModelAuthError extends ModelError {
  override name = 'ModelAuthError';
  readonly [USER_ERROR] = true;
  readonly status: number;

  constructor(provider: Provider, status: number, detail: string) {
    super(
      provider,
      `authentication failed for ${provider} ` +
        `(HTTP ${status}${detail ? ` ${detail}` : ''}): check the API key; not retried`,
    );
    this.status = status;
  }
}

/** The account is out of money or quota (OpenAI `insufficient_quota`, Anthropic credit balance or billing errors). */
export class ModelSpendLimitError extends ModelError {
  override name = 'ModelSpendLimitError';
  readonly [USER_ERROR] = true;
  readonly status: number;

  constructor(provider: Provider, status: number, detail: string) {
    super(
      provider,
      `spend limit reached for ${provider} (HTTP ${status}${detail ? ` ${detail}` : ''}): ` +
        'not retried; raise the limit or add credit',
    );
    this.status = status;
  }
}

/** Why a request failed, for logs and for the loop's decision (all of them end the current call). */
export type ModelRequestFailure =
  /** An HTTP error status that is not retried (e.g. 400 for a request the provider rejects). */
  | 'http'
  /** A retryable HTTP status (429, 5xx, …) still failing after the last attempt. */
  | 'http-retries-exhausted'
  /** The server asked to wait longer (`retry-after`) than the configured limit. */
  | 'retry-after-too-long'
  /** Connection refused, reset or dropped on every attempt. */
  | 'network'
  /** Every attempt hit the per-call timeout. */
  | 'timeout'
  /** A 2xx response whose body was not valid JSON on every attempt. */
  | 'malformed-response';

export class ModelRequestError extends ModelError {
  override name = 'ModelRequestError';
  readonly reason: ModelRequestFailure;
  /** HTTP status of the last attempt, when there was a response. */
  readonly status: number | undefined;
  /** Attempts made, the first included. */
  readonly attempts: number;
  /**
   * The last low-level error (a fetch `TypeError`, a timeout). Deliberately not `cause`: the AI SDK
   * re-wraps any error whose `cause` chain holds a network error code, which would hide this class.
   */
  readonly lastError: unknown;
  /** Body of the last error response (truncated to 4 000 characters), e.g. to spot "prompt is too long". */
  readonly responseBody: string | undefined;

  constructor(
    provider: Provider,
    message: string,
    details: {
      reason: ModelRequestFailure;
      status?: number;
      attempts: number;
      lastError?: unknown;
      responseBody?: string;
    },
  ) {
    super(provider, message);
    this.reason = details.reason;
    this.status = details.status;
    this.attempts = details.attempts;
    this.lastError = details.lastError;
    this.responseBody = details.responseBody?.slice(0, 4000);
  }
}

/** The first {@link ModelError} in `error` or its `cause` chain (the AI SDK may wrap errors), else undefined. */
export function findModelError(error: unknown): ModelError | undefined {
  const seen = new Set<unknown>();
  let current = error;
  while (current instanceof Error && !seen.has(current)) {
    if (current instanceof ModelError) return current;
    seen.add(current);
    current = current.cause;
  }
  return undefined;
}
