import type { LanguageModelUsage } from 'ai';
import { describe, expect, test } from 'vitest';
import { Usage } from '../../../src/contracts/common.ts';
import { parseModelSpec } from '../../../src/contracts/model-spec.ts';
import { tokensFromAiSdkUsage, UsageLedger } from '../../../src/model/ledger.ts';
import {
  BUILT_IN_PRICES,
  costOf,
  ModelPriceSchema,
  PriceOverridesSchema,
  PriceTable,
  priceOverridesFromConfig,
} from '../../../src/model/prices.ts';

const tokens = (inputTokens: number, outputTokens: number, cacheReadTokens = 0, cacheWriteTokens = 0) => ({
  inputTokens,
  outputTokens,
  cacheReadTokens,
  cacheWriteTokens,
});

describe('price table', () => {
  test('every built-in entry is a valid price keyed by a valid model spec', () => {
    for (const [key, price] of Object.entries(BUILT_IN_PRICES)) {
      expect(() => parseModelSpec(key), key).not.toThrow();
      expect(ModelPriceSchema.parse(price), key).toEqual(price);
    }
  });

  test('prices each kind of token at its own rate (Anthropic: uncached input, cache write, cache read, output)', () => {
    const table = new PriceTable();
    // claude-sonnet-4-5: $3 input, $15 output, $3.75 cache write, $0.30 cache read per million.
    // 100K prompt tokens of which 60K read from cache and 10K written:
    // 30K×3 + 10K×3.75 + 60K×0.30 = 0.09 + 0.0375 + 0.018
    expect(table.cost('anthropic:claude-sonnet-4-5', tokens(100_000, 0, 60_000, 10_000))).toBeCloseTo(0.1455, 10);
    expect(table.cost('anthropic:claude-sonnet-4-5', tokens(0, 1_000_000))).toBeCloseTo(15, 10);
    // gpt-4.1: $2 input, $0.50 cached input, $8 output.
    expect(table.cost('openai:gpt-4.1', tokens(10_000, 2_000, 4_000))).toBeCloseTo(
      (6_000 * 2 + 4_000 * 0.5 + 2_000 * 8) / 1e6,
      12,
    );
  });

  test('dated snapshots find their family; an exact snapshot entry wins', () => {
    const table = new PriceTable();
    expect(table.lookup('anthropic:claude-sonnet-4-5-20250929')).toBe(BUILT_IN_PRICES['anthropic:claude-sonnet-4-5']);
    expect(table.lookup('anthropic:claude-3-haiku-20240307')).toBe(BUILT_IN_PRICES['anthropic:claude-3-haiku']);
    expect(table.lookup('openai:gpt-4.1-mini-2025-04-14')).toBe(BUILT_IN_PRICES['openai:gpt-4.1-mini']);
    expect(table.lookup('openai:gpt-4o-2024-05-13')).toBe(BUILT_IN_PRICES['openai:gpt-4o-2024-05-13']);
    expect(table.lookup('openai:gpt-4o-2024-05-13')).not.toBe(BUILT_IN_PRICES['openai:gpt-4o']);
  });

  test('unknown models, and every openai-compatible model, have no price: cost is null, never a guess', () => {
    const table = new PriceTable();
    expect(table.cost('anthropic:claude-unreleased-9', tokens(100, 100))).toBeNull();
    expect(table.cost('openai:gpt-4.1-turbo-preview', tokens(100, 100))).toBeNull();
    expect(table.cost('openai-compatible:gpt-4.1', tokens(100, 100))).toBeNull();
    expect(table.cost('openai-compatible:qwen3-coder', tokens(100, 100))).toBeNull();
  });

  test('a cache price that is not published makes a call that used that cache unpriced', () => {
    const table = new PriceTable();
    // gpt-4.1 has no cache-write price: fine without cache writes, null with them.
    expect(table.cost('openai:gpt-4.1', tokens(100, 10))).not.toBeNull();
    expect(table.cost('openai:gpt-4.1', tokens(100, 10, 0, 50))).toBeNull();
    // gpt-6.1-terra has no published cached-input price.
    expect(table.cost('openai:gpt-6.1-terra', tokens(100, 10))).toBeCloseTo((100 * 1 + 10 * 5) / 1e6, 12);
    expect(table.cost('openai:gpt-6.1-terra', tokens(100, 10, 50))).toBeNull();
  });

  test('long prompts use the long-prompt tier for every token, or no cost when that tier is unknown', () => {
    const sonnet = BUILT_IN_PRICES['anthropic:claude-sonnet-4-5']!;
    expect(costOf(sonnet, tokens(200_000, 1_000))).toBeCloseTo((200_000 * 3 + 1_000 * 15) / 1e6, 12);
    expect(costOf(sonnet, tokens(200_001, 1_000))).toBeCloseTo((200_001 * 6 + 1_000 * 22.5) / 1e6, 12);
    const astra = BUILT_IN_PRICES['openai:gpt-6-astra']!;
    expect(costOf(astra, tokens(272_000, 10))).not.toBeNull();
    expect(costOf(astra, tokens(272_001, 10))).toBeNull();
  });

  test('inconsistent counts (cache parts larger than the prompt) are not priced', () => {
    expect(new PriceTable().cost('anthropic:claude-sonnet-4-5', tokens(10, 1, 8, 8))).toBeNull();
  });

  test('configuration entries add models and override built-ins', () => {
    const table = new PriceTable({
      'openai-compatible:qwen3-coder': { input: 0.2, output: 0.8 },
      'anthropic:claude-sonnet-4-5': { input: 1, output: 2, cacheRead: 0.1, cacheWrite: 1.5 },
    });
    expect(table.cost('openai-compatible:qwen3-coder', tokens(1_000_000, 1_000_000))).toBeCloseTo(1, 10);
    expect(table.cost('openai-compatible:qwen3-coder', tokens(1_000, 0, 500))).toBeNull();
    expect(table.cost('anthropic:claude-sonnet-4-5', tokens(1_000_000, 0))).toBeCloseTo(1, 10);
    expect(() => new PriceTable({ 'openai-compatible:m': { input: -1, output: 1 } })).toThrow();
    expect(PriceOverridesSchema.safeParse({ 'qwen3-coder': { input: 1, output: 1 } }).success).toBe(false);
  });

  test('the config prices section (cache-read/cache-write null = billed as input) converts to overrides', () => {
    const overrides = priceOverridesFromConfig({
      'openai-compatible:llama': { input: 1, output: 2, 'cache-read': null, 'cache-write': null },
      'openai-compatible:qwen': { input: 1, output: 2, 'cache-read': 0.1, 'cache-write': 1.25 },
    });
    const table = new PriceTable(overrides);
    expect(table.cost('openai-compatible:llama', tokens(1_000_000, 0, 500_000))).toBeCloseTo(1, 10);
    expect(table.cost('openai-compatible:qwen', tokens(1_000_000, 0, 500_000, 100_000))).toBeCloseTo(
      0.4 + 0.05 + 0.125,
      10,
    );
  });
});

describe('UsageLedger', () => {
  test('totals per stage and per run; the contract Usage of each', () => {
    const ledger = new UsageLedger();
    ledger.record({
      stage: 'plan',
      model: 'anthropic:claude-sonnet-4-5',
      ...tokens(10_000, 1_000, 0, 8_000),
      durationMs: 1200,
    });
    ledger.record({
      stage: 'plan',
      model: 'anthropic:claude-sonnet-4-5',
      ...tokens(12_000, 500, 8_000),
      durationMs: 800,
    });
    ledger.record({
      stage: 'code',
      model: parseModelSpec('openai:gpt-4.1'),
      ...tokens(5_000, 700, 1_000),
      durationMs: 500.4,
    });

    const plan = ledger.toUsage('plan');
    expect(Usage.parse(plan)).toEqual(plan);
    const planCost = (2_000 * 3 + 8_000 * 3.75 + 1_000 * 15 + (4_000 * 3 + 8_000 * 0.3 + 500 * 15)) / 1e6;
    expect(plan).toEqual({
      model: 'anthropic:claude-sonnet-4-5',
      calls: 2,
      inputTokens: 22_000,
      outputTokens: 1_500,
      cacheReadTokens: 8_000,
      cacheWriteTokens: 8_000,
      costUsd: expect.closeTo(planCost, 9),
      durationMs: 2000,
    });

    const codeCost = (4_000 * 2 + 1_000 * 0.5 + 700 * 8) / 1e6;
    expect(ledger.toUsage('code')).toMatchObject({
      model: 'openai:gpt-4.1',
      calls: 1,
      costUsd: expect.closeTo(codeCost, 9),
      durationMs: 500,
    });

    const run = ledger.toUsage();
    expect(Usage.parse(run)).toEqual(run);
    expect(run).toMatchObject({
      model: 'anthropic:claude-sonnet-4-5, openai:gpt-4.1',
      calls: 3,
      inputTokens: 27_000,
      outputTokens: 2_200,
      cacheReadTokens: 9_000,
      cacheWriteTokens: 8_000,
      costUsd: expect.closeTo(planCost + codeCost, 9),
    });
    expect(ledger.stages()).toEqual(['plan', 'code']);
    expect(ledger.calls('code')).toHaveLength(1);
    expect(ledger.totals('plan').models).toEqual(['anthropic:claude-sonnet-4-5']);
  });

  test('one call with an unknown price makes the stage and the run cost null; tokens still add up', () => {
    const ledger = new UsageLedger();
    ledger.record({ stage: 'review', model: 'anthropic:claude-haiku-4-5', ...tokens(1_000, 100), durationMs: 1 });
    ledger.record({ stage: 'review', model: 'openai-compatible:qwen3-coder', ...tokens(2_000, 200), durationMs: 1 });
    ledger.record({ stage: 'docs', model: 'anthropic:claude-haiku-4-5', ...tokens(1_000, 100), durationMs: 1 });
    expect(ledger.toUsage('review')).toMatchObject({ calls: 2, inputTokens: 3_000, outputTokens: 300, costUsd: null });
    expect(ledger.toUsage('docs').costUsd).toBeCloseTo((1_000 * 1 + 100 * 5) / 1e6, 12);
    expect(ledger.toUsage().costUsd).toBeNull();
    expect(ledger.calls('review').map((c) => c.costUsd === null)).toEqual([false, true]);
  });

  test('a stage without calls reports zero usage at zero cost', () => {
    const usage = new UsageLedger().toUsage('publish');
    expect(Usage.parse(usage)).toEqual(usage);
    expect(usage).toEqual({
      model: '',
      calls: 0,
      inputTokens: 0,
      outputTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      costUsd: 0,
      durationMs: 0,
    });
  });

  test('configured prices reach the ledger', () => {
    const ledger = new UsageLedger(new PriceTable({ 'openai-compatible:qwen3-coder': { input: 1, output: 1 } }));
    ledger.record({
      stage: 'code',
      model: 'openai-compatible:qwen3-coder',
      ...tokens(500_000, 500_000),
      durationMs: 1,
    });
    expect(ledger.toUsage().costUsd).toBe(1);
  });

  test('refuses negative or non-numeric counts', () => {
    const ledger = new UsageLedger();
    expect(() => ledger.record({ stage: 'x', model: 'openai:gpt-4.1', ...tokens(-1, 0), durationMs: 0 })).toThrow(
      /inputTokens/,
    );
    expect(() =>
      ledger.record({ stage: 'x', model: 'openai:gpt-4.1', ...tokens(1, Number.NaN), durationMs: 0 }),
    ).toThrow(/outputTokens/);
  });
});

describe('tokensFromAiSdkUsage', () => {
  const usage = (
    u: Partial<LanguageModelUsage> & Pick<LanguageModelUsage, 'inputTokenDetails'>,
  ): LanguageModelUsage => ({
    inputTokens: undefined,
    outputTokens: undefined,
    totalTokens: undefined,
    outputTokenDetails: { textTokens: undefined, reasoningTokens: undefined },
    ...u,
  });

  test('reads the v7 fields: the whole prompt, its cached parts and the output', () => {
    expect(
      tokensFromAiSdkUsage(
        usage({
          inputTokens: 1000,
          outputTokens: 50,
          inputTokenDetails: { noCacheTokens: 200, cacheReadTokens: 700, cacheWriteTokens: 100 },
        }),
      ),
    ).toEqual(tokens(1000, 50, 700, 100));
  });

  test('missing counts are zero; a missing total is rebuilt from its parts', () => {
    expect(tokensFromAiSdkUsage(undefined)).toEqual(tokens(0, 0));
    expect(
      tokensFromAiSdkUsage(
        usage({ inputTokenDetails: { noCacheTokens: 30, cacheReadTokens: 20, cacheWriteTokens: undefined } }),
      ),
    ).toEqual(tokens(50, 0, 20));
  });
});

describe('a fix round’s view of the ledger', () => {
  test('its calls count in the run’s totals and in its own usage, never in the first pass’s', () => {
    const ledger = new UsageLedger();
    ledger.record({ stage: 'test', model: 'openai:gpt-5', durationMs: 1, ...tokens(1_000, 100) });
    const round = ledger.forRound(1);
    round.record({ stage: 'test', model: 'openai:gpt-5', durationMs: 1, ...tokens(300, 30) });
    // The first pass's test report keeps its own usage; the round's re-test has only its call.
    expect(ledger.toUsage('test')).toMatchObject({ calls: 1, inputTokens: 1_000 });
    expect(round.toUsage('test')).toMatchObject({ calls: 1, inputTokens: 300 });
    // The run's budget sees both, from either view.
    expect(ledger.runTotals()).toMatchObject({ calls: 2, inputTokens: 1_300, outputTokens: 130 });
    expect(round.runTotals()).toEqual(ledger.runTotals());
  });
});
