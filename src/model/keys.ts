/**
 * Model API keys: where they come from, and making sure nothing else can read them.
 *
 * docs/design.md §3.3 "secrets are absent, not hidden": the model key lives in the orchestrating
 * process's memory only. The intended order at start-up is
 *
 * ```ts
 * const { apiKey } = resolveApiKey(spec.provider, { explicit: core.getInput('api-key'), env: process.env });
 * const kept = scrubCredentials(process.env); // before any child process starts
 * // `kept` holds what the runtime's own clients still need (ACTIONS_RUNTIME_TOKEN for artifacts,
 * // GITHUB_TOKEN for publish)
 * ```
 *
 * Every command an agent runs also starts from an allow-listed environment, so scrubbing is the
 * second wall, not the only one: it protects against a child spawned without the allow-list (a git
 * hook, a library that shells out) inheriting `process.env`.
 *
 * Caveat for the sandbox: on Linux, `/proc/<pid>/environ` shows the environment the process was
 * *started* with; deleting from `process.env` does not change it. A child that can read the
 * orchestrator's `/proc` entry (same user, same PID namespace) still sees the original values, which
 * is why commands run in their own PID namespace (bubblewrap) where available.
 */

import type { Provider } from '../contracts/model-spec.ts';
import { ModelConfigError } from './errors.ts';

export type Env = Record<string, string | undefined>;

export interface ResolveApiKeyOptions {
  /** The action input `api-key` or the CLI flag `--api-key`; empty means "not given" (unset Actions inputs are ""). */
  explicit?: string | null;
  /** Defaults to `process.env`. */
  env?: Env;
}

export interface ResolvedApiKey {
  /** Undefined only for `openai-compatible`, which may be a keyless local server (Ollama, vLLM). */
  apiKey: string | undefined;
  /** Where the key came from, for a log line that never prints the key: `input`, a variable name, or `none`. */
  source: 'input' | 'ENSEMBLE_API_KEY' | 'ANTHROPIC_API_KEY' | 'OPENAI_API_KEY' | 'none';
}

const PROVIDER_VARIABLE = {
  anthropic: 'ANTHROPIC_API_KEY',
  openai: 'OPENAI_API_KEY',
  'openai-compatible': 'OPENAI_API_KEY',
} as const satisfies Record<Provider, ResolvedApiKey['source']>;

/**
 * The API key for `provider`: the explicit input or flag, else `ENSEMBLE_API_KEY`, else the provider's
 * usual variable (`ANTHROPIC_API_KEY`; `OPENAI_API_KEY` for `openai` and `openai-compatible`).
 * Throws {@link ModelConfigError} naming every place it looked when `anthropic` or `openai` has none.
 */
export function resolveApiKey(provider: Provider, options: ResolveApiKeyOptions = {}): ResolvedApiKey {
  const env = options.env ?? process.env;
  const explicit = clean(options.explicit);
  if (explicit) return { apiKey: explicit, source: 'input' };
  const ensemble = clean(env['ENSEMBLE_API_KEY']);
  if (ensemble) return { apiKey: ensemble, source: 'ENSEMBLE_API_KEY' };
  const variable = PROVIDER_VARIABLE[provider];
  const usual = clean(env[variable]);
  if (usual) return { apiKey: usual, source: variable };
  if (provider === 'openai-compatible') return { apiKey: undefined, source: 'none' };
  throw new ModelConfigError(
    provider,
    `no API key for ${provider}: pass the api-key input (CLI: --api-key), or set ENSEMBLE_API_KEY or ${variable}`,
  );
}

function clean(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Whether an environment variable name holds a credential. Names are compared upper-cased with `-`
 * read as `_`, because Actions passes inputs as `INPUT_<NAME>` with the input's hyphens kept
 * (`INPUT_API-KEY`, `INPUT_GITHUB-TOKEN`, `INPUT_MODEL-API-KEY`).
 *
 * Matches `*_API_KEY`, `*_TOKEN`, `ACTIONS_*TOKEN*` (runtime and OIDC request tokens), `*_SECRET*`,
 * `*_PASSWORD` and `*_PRIVATE_KEY`; `GH_TOKEN` and `GITHUB_TOKEN` are among the `*_TOKEN`.
 */
export function isCredentialName(name: string): boolean {
  const n = name.toUpperCase().replaceAll('-', '_');
  return (
    /(^|_)API_KEY$/.test(n) ||
    /(^|_)TOKEN$/.test(n) ||
    /^ACTIONS_.*TOKEN/.test(n) ||
    /(^|_)SECRET/.test(n) ||
    /(^|_)PASSWORD$/.test(n) ||
    /(^|_)PRIVATE_KEY$/.test(n)
  );
}

/**
 * Deletes every credential variable ({@link isCredentialName}) from `env` and returns what it removed,
 * name → value. Call it right after {@link resolveApiKey} and before any child process starts. The
 * returned map is for the runtime's own in-process clients (the artifact client needs
 * `ACTIONS_RUNTIME_TOKEN`, publish needs the GitHub token): keep it in memory, never put it back into
 * an environment, never log it.
 */
export function scrubCredentials(env: Env = process.env): Record<string, string> {
  const removed = credentialsIn(env);
  for (const name of Object.keys(env)) if (isCredentialName(name)) delete env[name];
  return removed;
}

/** The credential variables ({@link isCredentialName}) of `env`, name → value, left where they are. */
export function credentialsIn(env: Env): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [name, value] of Object.entries(env))
    if (isCredentialName(name) && value !== undefined) found[name] = value;
  return found;
}
