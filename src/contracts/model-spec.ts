import { UserError } from '../util/errors.ts';

export const PROVIDERS = ['anthropic', 'openai', 'openai-compatible'] as const;
export type Provider = (typeof PROVIDERS)[number];

export interface ModelSpec {
  provider: Provider;
  /** The provider's own model id, e.g. `claude-sonnet-4-5`. */
  model: string;
}

export class ModelSpecError extends UserError {
  override name = 'ModelSpecError';
}

/**
 * Parses `provider:model`. The model id may itself contain colons (`openai-compatible:qwen3:32b`
 * for Ollama), so only the first colon separates the provider.
 */
export function parseModelSpec(text: string): ModelSpec {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  if (colon <= 0 || colon === trimmed.length - 1) {
    throw new ModelSpecError(
      `"${text}" is not a model spec: write provider:model, e.g. ` +
        `anthropic:claude-sonnet-4-5 (providers: ${PROVIDERS.join(', ')})`,
    );
  }
  const provider = trimmed.slice(0, colon);
  const model = trimmed.slice(colon + 1);
  if (!(PROVIDERS as readonly string[]).includes(provider)) {
    throw new ModelSpecError(`unknown model provider "${provider}" in "${text}": use one of ${PROVIDERS.join(', ')}`);
  }
  if (/\s/.test(model)) {
    throw new ModelSpecError(`model id "${model}" in "${text}" must not contain whitespace`);
  }
  return { provider: provider as Provider, model };
}

export function formatModelSpec(spec: ModelSpec): string {
  return `${spec.provider}:${spec.model}`;
}
