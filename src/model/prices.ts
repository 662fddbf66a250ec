/**
 * Model prices in USD per million tokens, for the usage ledger's cost figures.
 *
 * A cost is computed only from a price that is known for every kind of token the call used; anything
 * else gives `null` ("tokens only"), never an estimate. That covers: a model not in the table (every
 * `openai-compatible` model unless the configuration prices it), a cache-read or cache-write price
 * that is not published for the model while the call used that kind of token, and a prompt above a
 * size whose pricing is not known.
 *
 * Token categories are disjoint: `inputTokens` in the ledger is the whole prompt, of which
 * `cacheReadTokens` were served from the cache and `cacheWriteTokens` were written to it; the rest
 * is billed at `input`.
 *
 * The built-in table was read from the providers' pricing pages (platform.claude.com
 * /docs/about-claude/pricing and model pages; developers.openai.com/api/docs/pricing and model
 * pages) in November 2026. Standard tier only: batch, priority/fast and flex tiers and regional
 * surcharges are not modelled. Anthropic `cacheWrite` is the 5-minute cache write (the default
 * `cache_control: {type: 'ephemeral'}`); 1-hour cache writes cost more.
 * A repository extends or overrides it in `.github/ensemble.yml` with entries keyed `provider:model`.
 */
import { z } from 'zod';
import { formatModelSpec, type ModelSpec, parseModelSpec } from '../contracts/model-spec.ts';

const Usd = z.number().nonnegative().finite();

export const TokenPricesSchema = z
  .object({
    /** Uncached input (prompt) tokens. */
    input: Usd,
    /** Output (completion) tokens, reasoning included. */
    output: Usd,
    /** Input tokens served from the prompt cache. Omitted: unknown. */
    cacheRead: Usd.optional(),
    /** Input tokens written to the prompt cache. Omitted: unknown. */
    cacheWrite: Usd.optional(),
  })
  .strict();
export type TokenPrices = z.infer<typeof TokenPricesSchema>;

export const ModelPriceSchema = TokenPricesSchema.extend({
  /**
   * Long-prompt tier: a call whose prompt (all input tokens, cached included) exceeds `aboveInputTokens`
   * is billed at `prices` for every token, output included. `prices: null` means "not known above
   * that size": such calls get no cost.
   */
  longPrompt: z
    .object({ aboveInputTokens: z.number().int().positive(), prices: TokenPricesSchema.nullable() })
    .strict()
    .optional(),
}).strict();
export type ModelPrice = z.infer<typeof ModelPriceSchema>;

/** `provider:model` → price, the shape of the `prices` section of the configuration. */
export const PriceOverridesSchema = z.record(
  z.string().refine((key) => {
    try {
      parseModelSpec(key);
      return true;
    } catch {
      return false;
    }
  }, 'must be provider:model, e.g. openai-compatible:qwen3-coder'),
  ModelPriceSchema,
);
export type PriceOverrides = z.infer<typeof PriceOverridesSchema>;

const anthropic = (
  input: number,
  output: number,
  cacheWrite: number,
  cacheRead: number,
  longPrompt?: ModelPrice['longPrompt'],
) => ({
  input,
  output,
  cacheWrite,
  cacheRead,
  ...(longPrompt && { longPrompt }),
});
const openai = (
  input: number,
  cacheRead: number | undefined,
  output: number,
  extra: Partial<ModelPrice> = {},
): ModelPrice => ({
  input,
  output,
  ...(cacheRead !== undefined && { cacheRead }),
  ...extra,
});
/** Prices known up to 272K prompt tokens only (OpenAI bills longer prompts at a higher, model-specific rate). */
const unknownAbove272k = { longPrompt: { aboveInputTokens: 272_000, prices: null } };

/** Built-in prices, keyed `provider:model` with the provider's canonical model id (no date suffix). */
export const BUILT_IN_PRICES: Readonly<Record<string, ModelPrice>> = {
  // Anthropic: input, output, 5-minute cache write, cache read.
  'anthropic:claude-fable-5-1': anthropic(10, 50, 12.5, 0.25),
  'anthropic:claude-fable-5': anthropic(10, 50, 12.5, 1),
  'anthropic:claude-opus-5-5': anthropic(4, 20, 5, 0.2),
  'anthropic:claude-opus-5': anthropic(5, 25, 6.25, 0.5),
  'anthropic:claude-opus-4-8': anthropic(5, 25, 6.25, 0.5),
  'anthropic:claude-opus-4-7': anthropic(5, 25, 6.25, 0.5),
  'anthropic:claude-opus-4-6': anthropic(5, 25, 6.25, 0.5),
  'anthropic:claude-opus-4-5': anthropic(5, 25, 6.25, 0.5),
  'anthropic:claude-opus-4-1': anthropic(15, 75, 18.75, 1.5),
  'anthropic:claude-opus-4-0': anthropic(15, 75, 18.75, 1.5),
  'anthropic:claude-opus-4': anthropic(15, 75, 18.75, 1.5),
  // Sonnet 5.5 cache reads: $0.10 since 2026-10-07 (was $0.20).
  'anthropic:claude-sonnet-5-5': anthropic(2, 10, 2.5, 0.1),
  'anthropic:claude-sonnet-5': anthropic(2, 10, 2.5, 0.2),
  'anthropic:claude-sonnet-4-6': anthropic(3, 15, 3.75, 0.3),
  // Sonnet 4.5 and 4 bill prompts above 200K tokens (1M context) at the long-context rate.
  'anthropic:claude-sonnet-4-5': anthropic(3, 15, 3.75, 0.3, {
    aboveInputTokens: 200_000,
    prices: { input: 6, output: 22.5, cacheWrite: 7.5, cacheRead: 0.6 },
  }),
  'anthropic:claude-sonnet-4-0': anthropic(3, 15, 3.75, 0.3, {
    aboveInputTokens: 200_000,
    prices: { input: 6, output: 22.5, cacheWrite: 7.5, cacheRead: 0.6 },
  }),
  'anthropic:claude-sonnet-4': anthropic(3, 15, 3.75, 0.3, {
    aboveInputTokens: 200_000,
    prices: { input: 6, output: 22.5, cacheWrite: 7.5, cacheRead: 0.6 },
  }),
  // Haiku 5.5 is priced by prompt length: up to 100K tokens, and above.
  'anthropic:claude-haiku-5-5': anthropic(0.1, 0.5, 0.125, 0.01, {
    aboveInputTokens: 100_000,
    prices: { input: 0.5, output: 2.5, cacheWrite: 0.625, cacheRead: 0.05 },
  }),
  'anthropic:claude-haiku-4-5': anthropic(1, 5, 1.25, 0.1),
  'anthropic:claude-3-haiku': anthropic(0.25, 1.25, 0.3, 0.03),

  // OpenAI: input, cached input, output (+ cache writes where published).
  'openai:gpt-6-astra': openai(10, 1, 50, { cacheWrite: 12.5, ...unknownAbove272k }),
  'openai:gpt-6.1-sol': openai(2, 0.1, 10, {
    longPrompt: { aboveInputTokens: 272_000, prices: { input: 4, cacheRead: 0.2, output: 15 } },
  }),
  'openai:gpt-6-sol': openai(2, 0.2, 10, {
    cacheWrite: 2.5,
    longPrompt: { aboveInputTokens: 272_000, prices: { input: 4, cacheRead: 0.4, output: 15 } },
  }),
  'openai:gpt-6-luna': openai(0.1, 0.01, 0.5, {
    cacheWrite: 0.125,
    longPrompt: { aboveInputTokens: 272_000, prices: { input: 0.2, cacheRead: 0.02, output: 0.75 } },
  }),
  'openai:gpt-6.1-terra': openai(1, undefined, 5, unknownAbove272k),
  'openai:gpt-5.6-sol': openai(4, 0.4, 20, unknownAbove272k),
  'openai:gpt-5.6': openai(4, 0.4, 20, unknownAbove272k),
  'openai:gpt-5.6-terra': openai(2, 0.2, 12, unknownAbove272k),
  'openai:gpt-5.6-luna': openai(0.2, 0.02, 1.2, unknownAbove272k),
  'openai:gpt-5.4': openai(2.5, 0.25, 15, unknownAbove272k),
  'openai:gpt-5.4-mini': openai(0.75, 0.075, 4.5),
  'openai:gpt-5.1': openai(1.25, 0.125, 10),
  'openai:gpt-5': openai(1.25, 0.125, 10),
  'openai:gpt-5-mini': openai(0.25, 0.025, 2),
  'openai:gpt-5-nano': openai(0.05, 0.005, 0.4),
  'openai:gpt-4.1': openai(2, 0.5, 8),
  'openai:gpt-4.1-mini': openai(0.4, 0.1, 1.6),
  'openai:gpt-4.1-nano': openai(0.1, 0.025, 0.4),
  'openai:gpt-4o': openai(2.5, 1.25, 10),
  'openai:gpt-4o-2024-05-13': openai(5, undefined, 15),
  'openai:gpt-4o-mini': openai(0.15, 0.075, 0.6),
  'openai:o3': openai(2, 0.5, 8),
  'openai:o4-mini': openai(1.1, 0.275, 4.4),
};

/** Token counts of one model call, as the ledger records them (see the module comment for the categories). */
export interface TokenCounts {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

export class PriceTable {
  readonly #entries: Map<string, ModelPrice>;

  /** `overrides` (from the configuration) win over the built-in entries with the same key. */
  constructor(overrides: PriceOverrides = {}, builtIn: Readonly<Record<string, ModelPrice>> = BUILT_IN_PRICES) {
    this.#entries = new Map(Object.entries(builtIn));
    for (const [key, price] of Object.entries(overrides)) {
      this.#entries.set(formatModelSpec(parseModelSpec(key)), ModelPriceSchema.parse(price));
    }
  }

  /**
   * The price of `spec`, or undefined. Tries the exact `provider:model`, then (for `anthropic` and
   * `openai`) the id without a date snapshot suffix (`-20250929`, `-2025-08-07`) or `-latest`, so
   * that dated snapshots find their family's price. An exact configured or built-in entry for a
   * snapshot (e.g. `openai:gpt-4o-2024-05-13`) wins over its family.
   */
  lookup(spec: ModelSpec | string): ModelPrice | undefined {
    const parsed = typeof spec === 'string' ? parseModelSpec(spec) : spec;
    const exact = this.#entries.get(formatModelSpec(parsed));
    if (exact || parsed.provider === 'openai-compatible') return exact;
    const base = parsed.model.replace(/-(\d{8}|\d{4}-\d{2}-\d{2}|latest)$/, '');
    return base === parsed.model ? undefined : this.#entries.get(`${parsed.provider}:${base}`);
  }

  /** USD cost of one call, or null when any part of it has no known price. */
  cost(spec: ModelSpec | string, tokens: TokenCounts): number | null {
    const price = this.lookup(spec);
    return price ? costOf(price, tokens) : null;
  }
}

/**
 * The `prices` section of `.github/ensemble.yml` (src/contracts/config.ts) as price-table overrides.
 * There, `cache-read`/`cache-write: null` means "the provider does not bill them separately", so such
 * tokens are priced as ordinary input.
 */
export function priceOverridesFromConfig(
  prices: Readonly<
    Record<string, { input: number; output: number; 'cache-read'?: number | null; 'cache-write'?: number | null }>
  >,
): PriceOverrides {
  const out: PriceOverrides = {};
  for (const [key, p] of Object.entries(prices)) {
    out[key] = {
      input: p.input,
      output: p.output,
      cacheRead: p['cache-read'] ?? p.input,
      cacheWrite: p['cache-write'] ?? p.input,
    };
  }
  return out;
}

/** USD cost of one call at `price`, or null when a token kind it used has no known price. */
export function costOf(price: ModelPrice, tokens: TokenCounts): number | null {
  const { inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens } = tokens;
  let prices: TokenPrices | null = price;
  if (price.longPrompt && inputTokens > price.longPrompt.aboveInputTokens) prices = price.longPrompt.prices;
  if (!prices) return null;
  const uncached = inputTokens - cacheReadTokens - cacheWriteTokens;
  if (uncached < 0) return null; // inconsistent counts: refuse to price rather than guess
  if (cacheReadTokens > 0 && prices.cacheRead === undefined) return null;
  if (cacheWriteTokens > 0 && prices.cacheWrite === undefined) return null;
  const micro =
    uncached * prices.input +
    outputTokens * prices.output +
    cacheReadTokens * (prices.cacheRead ?? 0) +
    cacheWriteTokens * (prices.cacheWrite ?? 0);
  return micro / 1_000_000;
}
