/**
 * A circuit breaker over a provider's calls, for the whole of a model session. Each call already
 * retries what can be retried (`retry.ts`, up to six attempts with backoff); when a provider still
 * fails call after call (an outage, a gateway down), every agent of the run would otherwise spend
 * its own retries and backoff on it, in parallel, for minutes. After `threshold` calls in a row
 * fail that way the circuit opens: every later call of the session fails at once with
 * {@link ModelCircuitOpenError}, which names the provider and the last failure. A spend limit
 * or quota opens it at once: it is the account's, so no later call escapes it. A refused key counts
 * like an outage (each such call fails at once anyway, and a gateway may route models to keys of
 * their own). One successful call closes it again. A call the caller aborted (a budget, Ctrl-C)
 * counts for nothing.
 */
import type { Provider } from '../contracts/model-spec.ts';
import { findModelError, ModelAuthError, ModelError, ModelRequestError, ModelSpendLimitError } from './errors.ts';

/** Calls failing in a row, each after its retries, that open the circuit. */
export const CIRCUIT_THRESHOLD = 3;

/** The provider failed too often in a row during this run: no more calls are made to it. */
export class ModelCircuitOpenError extends ModelError {
  override name = 'ModelCircuitOpenError';
  constructor(provider: Provider, failures: number, last: string) {
    const why =
      failures === 1 ? `the ${provider} account is out of credit or quota` : `${failures} calls in a row failed`;
    super(
      provider,
      `${why} (the last: ${last}); ensemble makes no more calls to ${provider} in this run. ` +
        'Check the provider status page or the base URL, then run the stage again',
    );
  }
}

/** Failures that say the provider, not this one request, is the problem. */
function providerFailure(error: ModelError): 'open' | 'count' | 'ignore' {
  if (error instanceof ModelSpendLimitError) return 'open';
  if (error instanceof ModelAuthError) return 'count';
  if (error instanceof ModelRequestError) return error.reason === 'http' ? 'ignore' : 'count';
  return 'ignore';
}

/** `inner` behind a breaker shared by every call made through the returned fetch. */
export function withCircuitBreaker(
  provider: Provider,
  inner: typeof globalThis.fetch,
  threshold = CIRCUIT_THRESHOLD,
): typeof globalThis.fetch {
  let failures = 0;
  let open: ModelCircuitOpenError | null = null;
  return async (input, init) => {
    if (open) throw open;
    try {
      const response = await inner(input, init);
      failures = 0;
      return response;
    } catch (error) {
      const modelError = findModelError(error);
      const kind = modelError ? providerFailure(modelError) : 'ignore';
      if (kind === 'ignore' || !modelError) throw error;
      failures = kind === 'open' ? Math.max(failures, threshold) : failures + 1;
      if (failures >= threshold)
        open = new ModelCircuitOpenError(provider, kind === 'open' ? 1 : failures, modelError.message);
      throw error;
    }
  };
}
