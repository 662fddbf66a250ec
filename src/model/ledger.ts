/**
 * Usage ledger: every model call of a run, with totals per stage and per run, and the contract
 * `Usage` each artifact carries.
 *
 * Token categories (the same as the AI SDK's normalised usage): `inputTokens` is the whole prompt;
 * `cacheReadTokens` and `cacheWriteTokens` are the parts of it read from / written to the prompt
 * cache. So "input tokens" means the same thing for Anthropic (where the raw `input_tokens` excludes
 * the cache) and OpenAI (where `prompt_tokens` includes it), and a budget in tokens counts what the
 * model actually read.
 *
 * Record one entry per model call, i.e. per step of a `generateText` tool loop (`onStepEnd` /
 * `result.steps[i].usage`), not the result's `usage`, which sums every step in AI SDK 7.
 */
import type { LanguageModelUsage } from 'ai';
import { noModelUsage, type Usage } from '../contracts/common.ts';
import { formatModelSpec, type ModelSpec, parseModelSpec } from '../contracts/model-spec.ts';
import { PriceTable, type TokenCounts } from './prices.ts';

export interface CallInput extends TokenCounts {
  /** Pipeline stage (`plan`, `code`, …); totals are kept per stage. */
  stage: string;
  /** The agent within the stage (`code:api`, `review:security`), for per-task and per-lens usage. */
  agent?: string;
  /** `provider:model` (text or parsed). */
  model: ModelSpec | string;
  /** Wall time of the call, retries included. */
  durationMs: number;
}

export interface CallRecord extends TokenCounts {
  stage: string;
  /** The fix round the call belongs to; 0 for the run's first pass. */
  round: number;
  agent: string | null;
  /** `provider:model`. */
  model: string;
  durationMs: number;
  /** USD, or null when the price is not known. */
  costUsd: number | null;
}

export interface UsageTotals extends TokenCounts {
  calls: number;
  durationMs: number;
  /** Sum of the calls' costs; null as soon as one call has no known cost. Zero calls cost 0. */
  costUsd: number | null;
  /** Distinct `provider:model` used, in first-use order. */
  models: string[];
}

export class UsageLedger {
  readonly #prices: PriceTable;
  readonly #calls: CallRecord[];
  readonly #round: number;

  constructor(prices: PriceTable = new PriceTable(), shared?: { calls: CallRecord[]; round: number }) {
    this.#prices = prices;
    this.#calls = shared?.calls ?? [];
    this.#round = shared?.round ?? 0;
  }

  /**
   * The same ledger as fix round `round` sees it: its calls are recorded into the run's ledger,
   * and its totals and `toUsage` count only that round's calls, so that the re-test and re-review
   * of a round carry their own usage rather than the run's first pass's again. `runTotals` counts all.
   */
  forRound(round: number): UsageLedger {
    return new UsageLedger(this.#prices, { calls: this.#calls, round });
  }

  /** Totals of every call of the run, whatever round recorded it: the run's budget is checked against these. */
  runTotals(): UsageTotals {
    return totalsOf(this.#calls);
  }

  /** Records one model call and returns the stored record (with its cost). */
  record(call: CallInput): CallRecord {
    const spec = typeof call.model === 'string' ? parseModelSpec(call.model) : call.model;
    const tokens: TokenCounts = {
      inputTokens: count(call.inputTokens, 'inputTokens'),
      outputTokens: count(call.outputTokens, 'outputTokens'),
      cacheReadTokens: count(call.cacheReadTokens, 'cacheReadTokens'),
      cacheWriteTokens: count(call.cacheWriteTokens, 'cacheWriteTokens'),
    };
    const record: CallRecord = {
      stage: call.stage,
      round: this.#round,
      agent: call.agent ?? null,
      model: formatModelSpec(spec),
      ...tokens,
      durationMs: Math.max(0, call.durationMs),
      costUsd: this.#prices.cost(spec, tokens),
    };
    this.#calls.push(record);
    return record;
  }

  /** Every call, or a stage's calls (or one agent's of that stage), in order. */
  calls(stage?: string, agent?: string): readonly CallRecord[] {
    return this.#calls.filter(
      (c) =>
        c.round === this.#round &&
        (stage === undefined || c.stage === stage) &&
        (agent === undefined || c.agent === agent),
    );
  }

  /** Stages that recorded at least one call, in first-use order. */
  stages(): string[] {
    return [...new Set(this.#calls.map((c) => c.stage))];
  }

  /** Totals of a stage (or of one of its agents), or of this round's calls when `stage` is undefined. */
  totals(stage?: string, agent?: string): UsageTotals {
    return totalsOf(this.calls(stage, agent));
  }

  /**
   * The contract `Usage` of a stage (or of the run): `model` is the `provider:model` used, several
   * joined with ", "; `costUsd` is null whenever any call's price is unknown. A stage with no calls
   * (publish) cost nothing: `costUsd` 0.
   */
  toUsage(stage?: string, agent?: string): Usage {
    const t = this.totals(stage, agent);
    if (t.calls === 0) return noModelUsage();
    return {
      model: t.models.join(', '),
      calls: t.calls,
      inputTokens: t.inputTokens,
      outputTokens: t.outputTokens,
      cacheReadTokens: t.cacheReadTokens,
      cacheWriteTokens: t.cacheWriteTokens,
      costUsd: t.costUsd,
      durationMs: Math.round(t.durationMs),
    };
  }
}

/**
 * The ledger's token counts from the AI SDK's `LanguageModelUsage` (v7: `inputTokens` is the whole
 * prompt, `inputTokenDetails.{noCacheTokens,cacheReadTokens,cacheWriteTokens}` split it; Anthropic's
 * `cache_read_input_tokens`/`cache_creation_input_tokens` and OpenAI's
 * `prompt_tokens_details.cached_tokens` land there). Missing counts are 0.
 */
export function tokensFromAiSdkUsage(usage: LanguageModelUsage | undefined): TokenCounts {
  const details = usage?.inputTokenDetails;
  const cacheReadTokens = details?.cacheReadTokens ?? 0;
  const cacheWriteTokens = details?.cacheWriteTokens ?? 0;
  const inputTokens =
    usage?.inputTokens ??
    (details?.noCacheTokens !== undefined ? details.noCacheTokens + cacheReadTokens + cacheWriteTokens : 0);
  return {
    inputTokens,
    outputTokens: usage?.outputTokens ?? 0,
    cacheReadTokens,
    cacheWriteTokens,
  };
}

function count(value: number, name: string): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a non-negative number, got ${value}`);
  return Math.round(value);
}

/** Micro-dollar precision: keeps float noise (0.30000000000000004) out of artifacts. */
function roundUsd(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function totalsOf(calls: readonly CallRecord[]): UsageTotals {
  const totals: UsageTotals = {
    calls: 0,
    inputTokens: 0,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    durationMs: 0,
    costUsd: 0,
    models: [],
  };
  for (const call of calls) {
    totals.calls++;
    totals.inputTokens += call.inputTokens;
    totals.outputTokens += call.outputTokens;
    totals.cacheReadTokens += call.cacheReadTokens;
    totals.cacheWriteTokens += call.cacheWriteTokens;
    totals.durationMs += call.durationMs;
    totals.costUsd = totals.costUsd === null || call.costUsd === null ? null : totals.costUsd + call.costUsd;
    if (!totals.models.includes(call.model)) totals.models.push(call.model);
  }
  if (totals.costUsd !== null) totals.costUsd = roundUsd(totals.costUsd);
  return totals;
}
