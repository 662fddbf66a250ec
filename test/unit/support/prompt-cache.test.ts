import { generateText } from 'ai';
import { afterEach, describe, expect, test } from 'vitest';
import { parseModelSpec } from '../../../src/contracts/model-spec.ts';
import { createLanguageModel } from '../../../src/model/providers.ts';
import { ANTHROPIC_LOOKBACK_BLOCKS, PromptCache } from '../../support/prompt-cache.ts';
import { type ScriptedModelServer, startScriptedModel } from '../../support/scripted-model.ts';

/** `n` tokens of text at 4 characters a token (JSON quoting adds a few). */
const text = (n: number, fill = 'a') => fill.repeat(n * 4);
const BREAK = { type: 'ephemeral' };

function anthropicBody(system: { text: string; cache_control?: unknown }[], messages: string[] = ['hi'], tools = 1) {
  return {
    model: 'claude-sonnet-4-5',
    tools: Array.from({ length: tools }, (_, i) => ({ name: `t${i}`, input_schema: { type: 'object' } })),
    system: system.map((s) => ({ type: 'text', ...s })),
    messages: messages.map((m) => ({ role: 'user', content: [{ type: 'text', text: m }] })),
  };
}

describe('Anthropic accounting', () => {
  test('a breakpoint writes its prefix; the same prefix again is read; the rest is plain input', () => {
    const cache = new PromptCache();
    const body = anthropicBody([{ text: text(2000), cache_control: BREAK }], [text(100)]);
    const first = cache.account('anthropic', body);
    first.commit();
    expect(first.usage.cacheReadTokens).toBe(0);
    expect(first.usage.cacheWriteTokens).toBeGreaterThanOrEqual(2000);
    const second = cache.account('anthropic', body).usage;
    expect(second.cacheReadTokens).toBe(first.usage.cacheWriteTokens);
    expect(second.cacheWriteTokens).toBe(0);
    expect(second.inputTokens - second.cacheReadTokens).toBeGreaterThanOrEqual(100);
  });

  test('below 1,024 tokens nothing is cached', () => {
    const cache = new PromptCache();
    const body = anthropicBody([{ text: text(500), cache_control: BREAK }]);
    cache.account('anthropic', body).commit();
    expect(cache.account('anthropic', body).usage).toMatchObject({ cacheReadTokens: 0, cacheWriteTokens: 0 });
  });

  test('a changed tool list, or a changed earlier block, shares nothing', () => {
    const cache = new PromptCache();
    cache.account('anthropic', anthropicBody([{ text: text(2000), cache_control: BREAK }])).commit();
    const tools = cache.account('anthropic', anthropicBody([{ text: text(2000), cache_control: BREAK }], ['hi'], 2));
    expect(tools.usage.cacheReadTokens).toBe(0);
    const system = cache.account('anthropic', anthropicBody([{ text: text(2000, 'b'), cache_control: BREAK }]));
    expect(system.usage.cacheReadTokens).toBe(0);
  });

  test('a later breakpoint finds an entry up to 20 blocks back, not further', () => {
    const shared = { text: text(2000), cache_control: BREAK };
    const blocks = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `block ${i}` }));
    const cache = new PromptCache();
    cache.account('anthropic', anthropicBody([shared])).commit();
    const near = anthropicBody([{ text: shared.text }, ...blocks(ANTHROPIC_LOOKBACK_BLOCKS - 2)]);
    (near.system.at(-1) as { cache_control?: unknown }).cache_control = BREAK;
    expect(cache.account('anthropic', near).usage.cacheReadTokens).toBeGreaterThanOrEqual(2000);
    const far = anthropicBody([{ text: shared.text }, ...blocks(ANTHROPIC_LOOKBACK_BLOCKS + 5)]);
    (far.system.at(-1) as { cache_control?: unknown }).cache_control = BREAK;
    expect(cache.account('anthropic', far).usage.cacheReadTokens).toBe(0);
  });

  test("requests sent side by side do not read each other's entries", () => {
    const cache = new PromptCache();
    const body = anthropicBody([{ text: text(2000), cache_control: BREAK }]);
    const a = cache.account('anthropic', body);
    const b = cache.account('anthropic', body);
    a.commit();
    b.commit();
    expect(b.usage.cacheReadTokens).toBe(0);
    expect(b.usage.cacheWriteTokens).toBe(a.usage.cacheWriteTokens);
  });
});

describe('OpenAI accounting', () => {
  const body = (system: string, user: string, tools = [{ type: 'function', function: { name: 'a' } }]) => ({
    model: 'gpt-5',
    tools,
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: user },
    ],
  });

  test('a shared prefix of 1,024 tokens or more is read in steps of 128; no writes are billed', () => {
    const cache = new PromptCache();
    cache.account('openai', body(text(3000), 'first')).commit();
    const usage = cache.account('openai', body(text(3000), 'second')).usage;
    expect(usage.cacheReadTokens % 128).toBe(0);
    expect(usage.cacheReadTokens).toBeGreaterThan(2800);
    expect(usage.cacheReadTokens).toBeLessThanOrEqual(usage.inputTokens);
    expect(usage.cacheWriteTokens).toBe(0);
  });

  test('short prompts and prompts whose tools changed read nothing', () => {
    const cache = new PromptCache();
    cache.account('openai', body(text(500), 'x')).commit();
    expect(cache.account('openai', body(text(500), 'x')).usage.cacheReadTokens).toBe(0);
    cache.account('openai', body(text(3000), 'x')).commit();
    const other = [{ type: 'function', function: { name: 'b' } }];
    expect(cache.account('openai', body(text(3000), 'x', other)).usage.cacheReadTokens).toBe(0);
  });
});

describe('through the scripted server and the real providers', () => {
  const servers: ScriptedModelServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  test.each(['anthropic:claude-sonnet-4-5', 'openai:gpt-5'])(
    '%s: the second call reports the cached prefix',
    async (id) => {
      const server = await startScriptedModel([{ text: 'one' }, { text: 'two' }], { promptCache: true });
      servers.push(server);
      const spec = parseModelSpec(id);
      const model = await createLanguageModel(spec, {
        apiKey: 'test-key',
        baseUrl: spec.provider === 'anthropic' ? server.baseUrlAnthropic : server.baseUrlOpenAI,
      });
      const call = () =>
        generateText({
          model,
          instructions: [
            {
              role: 'system',
              content: text(3000),
              providerOptions: { anthropic: { cacheControl: { type: 'ephemeral' } } },
            },
          ],
          messages: [{ role: 'user', content: 'Go.' }],
        });
      const first = await call();
      const second = await call();
      expect(first.usage.inputTokenDetails.cacheReadTokens ?? 0).toBe(0);
      expect(second.usage.inputTokenDetails.cacheReadTokens).toBeGreaterThan(2800);
      expect(second.usage.inputTokens).toBeGreaterThan(second.usage.inputTokenDetails.cacheReadTokens ?? 0);
      if (spec.provider === 'anthropic') expect(first.usage.inputTokenDetails.cacheWriteTokens).toBeGreaterThan(2800);
    },
  );
});
