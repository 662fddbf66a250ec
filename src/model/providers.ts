/**
 * AI SDK language models for a {@link ModelSpec}.
 *
 * The provider packages are loaded with dynamic `import()` so that a bundle that never calls a model
 * (publish) or calls one provider does not parse the others at start-up.
 *
 * Wiring, as the tool loop does it:
 *
 * ```ts
 * const spec = parseModelSpec(config.model);
 * const { apiKey } = resolveApiKey(spec.provider, { explicit: input, env: process.env });
 * const model = await createLanguageModel(spec, {
 *   apiKey,
 *   baseUrl: config.baseUrl,
 *   fetch: createRetryingFetch({ provider: spec.provider, timeoutMs: 600_000 }),
 * });
 * const result = await generateText({ model, tools, maxRetries: 0, ... }); // retries live in the fetch
 * ```
 *
 * Wire formats: `anthropic` speaks the Messages API; `openai` and `openai-compatible` both speak Chat
 * Completions (`openai` uses `.chat()`, not the Responses API), so the two share one wire format, one
 * scripted test server and one transcript shape.
 */
import type { LanguageModel } from 'ai';
import { type ModelSpec, parseModelSpec } from '../contracts/model-spec.ts';
import { ModelConfigError } from './errors.ts';

/** A language model object (the AI SDK's `LanguageModel` minus its global-registry string ids). */
export type Model = Exclude<LanguageModel, string>;

export interface CreateModelOptions {
  /** From {@link resolveApiKey}. Required for `anthropic` and `openai`; optional for `openai-compatible`. */
  apiKey?: string;
  /**
   * The API root including its version segment, e.g. `https://api.anthropic.com/v1`,
   * `https://api.openai.com/v1`, `http://localhost:11434/v1`. Required for `openai-compatible`;
   * optional for the others (a proxy or gateway).
   */
  baseUrl?: string;
  /** The transport, normally {@link createRetryingFetch}. Defaults to the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

/** Creates the AI SDK language model for `spec` (`provider:model` text or a parsed spec). */
export async function createLanguageModel(spec: ModelSpec | string, options: CreateModelOptions = {}): Promise<Model> {
  const { provider, model } = typeof spec === 'string' ? parseModelSpec(spec) : spec;
  const baseURL = checkBaseUrl(provider, options.baseUrl);
  const apiKey = options.apiKey?.trim() || undefined;
  // Always pass the key explicitly: the provider packages would otherwise read ANTHROPIC_API_KEY /
  // OPENAI_API_KEY from the environment, which has been scrubbed by then (keys.ts).
  if (!apiKey && provider !== 'openai-compatible') {
    throw new ModelConfigError(
      provider,
      `no API key for ${provider}: resolve one with resolveApiKey() and pass it as apiKey`,
    );
  }
  const common = {
    ...(baseURL !== undefined && { baseURL }),
    ...(options.fetch !== undefined && { fetch: options.fetch }),
    ...(options.headers !== undefined && { headers: options.headers }),
  };
  switch (provider) {
    case 'anthropic': {
      const { createAnthropic } = await import('@ai-sdk/anthropic');
      return createAnthropic({ ...common, apiKey }).messages(model);
    }
    case 'openai': {
      const { createOpenAI } = await import('@ai-sdk/openai');
      return createOpenAI({ ...common, apiKey }).chat(model);
    }
    case 'openai-compatible': {
      const { createOpenAICompatible } = await import('@ai-sdk/openai-compatible');
      return createOpenAICompatible({
        ...common,
        baseURL: baseURL!,
        name: 'openai-compatible',
        ...(apiKey !== undefined && { apiKey }),
        // Ask for the final usage chunk when streaming (`stream_options.include_usage`); without it
        // streamed calls report no tokens and the ledger could not count them.
        includeUsage: true,
      }).chatModel(model);
    }
  }
}

function checkBaseUrl(provider: ModelSpec['provider'], baseUrl: string | undefined): string | undefined {
  const trimmed = baseUrl?.trim();
  if (!trimmed) {
    if (provider === 'openai-compatible') {
      throw new ModelConfigError(
        provider,
        'openai-compatible models need a base URL: set base-url (e.g. ' +
          'http://localhost:11434/v1 for Ollama, https://gateway.example.com/v1)',
      );
    }
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new ModelConfigError(provider, `base-url "${trimmed}" is not a URL: write it like https://host/v1`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ModelConfigError(provider, `base-url "${trimmed}" must start with http:// or https://`);
  }
  if (url.username || url.password) {
    throw new ModelConfigError(
      provider,
      `base-url must not contain credentials: pass the key as the api-key input instead`,
    );
  }
  return trimmed.replace(/\/+$/, '');
}
