import { formatModelSpec, type ModelSpec, type Provider } from '../contracts/model-spec.ts';
import { withCircuitBreaker } from './breaker.ts';
import { type Env, resolveApiKey, scrubCredentials } from './keys.ts';
import { createLanguageModel, type Model } from './providers.ts';
import { createRetryingFetch, type RetryOptions } from './retry.ts';

export interface ModelSession {
  /** The model for a spec, created on first use with the key resolved when the session opened. */
  model(spec: ModelSpec): Promise<Model>;
  /**
   * The credential variables removed from the environment, for the runtime's own in-process
   * clients (artifact upload, GitHub). Never put back into an environment, never logged.
   */
  readonly removedCredentials: Readonly<Record<string, string>>;
}

export interface OpenModelSessionOptions {
  /** The `api-key` input or `--api-key` flag. */
  apiKey?: string | null;
  /** The `base-url` input or flag, else the configuration's. */
  baseUrl?: string | null;
  env?: Env;
  retry?: Omit<RetryOptions, 'provider'>;
}

/**
 * Resolves the key of every provider the run will use, then removes every credential from the
 * environment, before any child process can start (docs/design.md §3.3): agents that run commands
 * must find nothing to steal. Keys live on only inside the provider clients.
 */
export function openModelSession(specs: readonly ModelSpec[], options: OpenModelSessionOptions = {}): ModelSession {
  const env = options.env ?? process.env;
  const keys = new Map<Provider, string | undefined>();
  for (const spec of specs) {
    if (!keys.has(spec.provider))
      keys.set(spec.provider, resolveApiKey(spec.provider, { explicit: options.apiKey ?? null, env }).apiKey);
  }
  const removedCredentials = scrubCredentials(env);
  const models = new Map<string, Promise<Model>>();
  // One breaker per provider: an outage seen by one agent spares the others their retries.
  const fetches = new Map<Provider, typeof globalThis.fetch>();
  const fetchFor = (provider: Provider) => {
    let fetch = fetches.get(provider);
    if (!fetch) {
      fetch = withCircuitBreaker(provider, createRetryingFetch({ provider, ...options.retry }));
      fetches.set(provider, fetch);
    }
    return fetch;
  };
  return {
    removedCredentials,
    model(spec) {
      const name = formatModelSpec(spec);
      let model = models.get(name);
      if (!model) {
        if (!keys.has(spec.provider))
          throw new Error(`${name} was not declared when the model session opened; its key can no longer be read`);
        const apiKey = keys.get(spec.provider);
        model = createLanguageModel(spec, {
          ...(apiKey !== undefined && { apiKey }),
          ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
          fetch: fetchFor(spec.provider),
        });
        models.set(name, model);
      }
      return model;
    },
  };
}
