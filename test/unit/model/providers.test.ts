import { spawnSync } from 'node:child_process';
import { generateText, isStepCount, streamText, tool } from 'ai';
import { afterEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { Usage } from '../../../src/contracts/common.ts';
import type { ModelSpec, Provider } from '../../../src/contracts/model-spec.ts';
import {
  ModelAuthError,
  ModelConfigError,
  ModelRequestError,
  ModelSpendLimitError,
} from '../../../src/model/errors.ts';
import { tokensFromAiSdkUsage, UsageLedger } from '../../../src/model/ledger.ts';
import { createLanguageModel } from '../../../src/model/providers.ts';
import { createRetryingFetch, type RetryEvent, type RetryOptions } from '../../../src/model/retry.ts';
import { type Script, type ScriptedModelServer, startScriptedModel } from '../../support/scripted-model.ts';

const KEY = 'canary-model-key-0123456789';

const SPECS: Record<Provider, ModelSpec> = {
  anthropic: { provider: 'anthropic', model: 'claude-sonnet-4-5' },
  openai: { provider: 'openai', model: 'gpt-4.1' },
  'openai-compatible': { provider: 'openai-compatible', model: 'qwen3-coder' },
};
const PROVIDERS = Object.keys(SPECS) as Provider[];

const servers: ScriptedModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(provider: Provider, script: Script, retry: Partial<RetryOptions> = {}) {
  const server = await startScriptedModel(script, { apiKey: KEY });
  servers.push(server);
  const sleeps: number[] = [];
  const retries: RetryEvent[] = [];
  const fetch = createRetryingFetch({
    provider,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
    onRetry: (event) => retries.push(event),
    ...retry,
  });
  const model = await createLanguageModel(SPECS[provider], {
    apiKey: KEY,
    baseUrl: provider === 'anthropic' ? server.baseUrlAnthropic : server.baseUrlOpenAI,
    fetch,
  });
  return { server, model, sleeps, retries };
}

const files: Record<string, string> = { 'a.txt': 'alpha\n', 'b.txt': 'beta\n' };
const tools = {
  read_file: tool({
    description: 'Read a file of the workspace.',
    inputSchema: z.object({ path: z.string() }),
    execute: async ({ path }) => files[path] ?? `no such file: ${path}`,
  }),
};

/** The way the tool loop calls the SDK: retries belong to the fetch wrapper, so `maxRetries: 0`. */
function run(model: Awaited<ReturnType<typeof createLanguageModel>>, maxSteps = 5) {
  return generateText({
    model,
    maxRetries: 0,
    maxOutputTokens: 1024,
    instructions: 'You are a careful engineer.',
    prompt: 'Read a.txt and b.txt, then summarise.',
    tools,
    stopWhen: isStepCount(maxSteps),
  });
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

describe.each(PROVIDERS)('%s through the AI SDK against the scripted server', (provider) => {
  test('a multi-step tool run: tool calls, tool results sent back, text, usage per step', async () => {
    const { server, model } = await setup(provider, [
      {
        toolCalls: [
          { name: 'read_file', args: { path: 'a.txt' } },
          { name: 'read_file', args: { path: 'b.txt' } },
        ],
        usage: { inputTokens: 1200, outputTokens: 40, cacheReadTokens: 1000 },
      },
      {
        text: 'a.txt says alpha, b.txt says beta.',
        usage: { inputTokens: 1300, outputTokens: 12, cacheReadTokens: 1100 },
      },
    ]);
    const result = await run(model);

    expect(result.text).toBe('a.txt says alpha, b.txt says beta.');
    expect(result.steps).toHaveLength(2);
    expect(result.steps[0]!.toolCalls.map((c) => [c.toolName, c.input])).toEqual([
      ['read_file', { path: 'a.txt' }],
      ['read_file', { path: 'b.txt' }],
    ]);
    expect(result.steps[0]!.toolResults.map((r) => r.output)).toEqual(['alpha\n', 'beta\n']);

    // The second request carried the system prompt, the tool definition and both results.
    const second = server.requests[1]!.request!;
    expect(second.system).toBe('You are a careful engineer.');
    expect(second.tools.map((t) => t.name)).toEqual(['read_file']);
    expect(second.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
    expect(second.messages[2]!.toolResults.map((r) => r.content)).toEqual(['alpha\n', 'beta\n']);
    expect(second.messages[2]!.toolResults.map((r) => r.id)).toEqual(second.messages[1]!.toolCalls.map((c) => c.id));
    expect(server.problems).toEqual([]);
    expect(server.remaining()).toBe(0);

    // Usage: each step's counts, the cache reads included; summed by the ledger.
    expect(result.steps.map((s) => tokensFromAiSdkUsage(s.usage))).toEqual([
      { inputTokens: 1200, outputTokens: 40, cacheReadTokens: 1000, cacheWriteTokens: 0 },
      { inputTokens: 1300, outputTokens: 12, cacheReadTokens: 1100, cacheWriteTokens: 0 },
    ]);
    const ledger = new UsageLedger();
    for (const step of result.steps)
      ledger.record({ stage: 'code', model: SPECS[provider], durationMs: 10, ...tokensFromAiSdkUsage(step.usage) });
    const usage = ledger.toUsage('code');
    expect(Usage.parse(usage)).toEqual(usage);
    expect(usage).toMatchObject({
      calls: 2,
      inputTokens: 2500,
      outputTokens: 52,
      cacheReadTokens: 2100,
      cacheWriteTokens: 0,
    });
    expect(tokensFromAiSdkUsage(result.usage)).toEqual({
      inputTokens: 2500,
      outputTokens: 52,
      cacheReadTokens: 2100,
      cacheWriteTokens: 0,
    });
  });

  test('the API key is sent the way the provider expects, and nowhere else', async () => {
    const { server, model } = await setup(provider, [{ text: 'ok' }]);
    await run(model);
    const headers = server.requests[0]!.headers;
    if (provider === 'anthropic') {
      expect(headers['x-api-key']).toBe(KEY);
      expect(headers['anthropic-version']).toBeTruthy();
    } else {
      expect(headers['authorization']).toBe(`Bearer ${KEY}`);
    }
    expect(server.requests[0]!.rawBody).not.toContain(KEY);
  });

  test('streaming works too, with usage (openai-compatible asks for it with include_usage)', async () => {
    const { server, model } = await setup(provider, [
      {
        toolCalls: [{ name: 'read_file', args: { path: 'a.txt' } }],
        usage: { inputTokens: 500, outputTokens: 20, cacheReadTokens: 100 },
      },
      { text: 'streamed answer', usage: { inputTokens: 600, outputTokens: 5 } },
    ]);
    const result = streamText({ model, maxRetries: 0, prompt: 'go', tools, stopWhen: isStepCount(3) });
    expect(await result.text).toBe('streamed answer');
    const steps = await result.steps;
    expect(steps[0]!.toolCalls.map((c) => c.input)).toEqual([{ path: 'a.txt' }]);
    expect(steps.map((s) => tokensFromAiSdkUsage(s.usage))).toEqual([
      { inputTokens: 500, outputTokens: 20, cacheReadTokens: 100, cacheWriteTokens: 0 },
      { inputTokens: 600, outputTokens: 5, cacheReadTokens: 0, cacheWriteTokens: 0 },
    ]);
    expect(server.requests.every((r) => r.request?.stream === true)).toBe(true);
    expect(server.problems).toEqual([]);
  });

  test('429 with retry-after: the wait asked for is honoured, then the call succeeds', async () => {
    const { server, model, sleeps, retries } = await setup(provider, [
      { fault: { kind: 'rate-limit', retryAfter: 3 } },
      { text: 'after the wait' },
    ]);
    const result = await run(model);
    expect(result.text).toBe('after the wait');
    expect(sleeps).toEqual([3000]);
    expect(retries).toEqual([expect.objectContaining({ status: 429, fromRetryAfter: true, attempt: 1 })]);
    expect(server.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  test.each([
    ['500', { kind: 'server-error' } as const, 500],
    ['503', { kind: 'server-error', status: 503 } as const, 503],
    ['a dropped connection', { kind: 'drop' } as const, 'dropped'],
    ['malformed JSON', { kind: 'malformed-json' } as const, 200],
  ])('%s is retried with backoff and the call succeeds', async (_name, fault, status) => {
    const { server, model, sleeps } = await setup(provider, [
      { fault },
      { fault },
      { text: 'recovered', usage: { inputTokens: 10, outputTokens: 2 } },
    ]);
    const result = await run(model);
    expect(result.text).toBe('recovered');
    expect(sleeps).toEqual([1000, 2000]);
    expect(server.requests.map((r) => r.status)).toEqual([status, status, 200]);
    // Failed attempts bill nothing; the call's usage is the successful attempt's.
    expect(tokensFromAiSdkUsage(result.usage)).toMatchObject({ inputTokens: 10, outputTokens: 2 });
  });

  test('a slow reply past the per-call timeout is retried', async () => {
    const { server, model, retries } = await setup(provider, [{ delayMs: 1_500, text: 'late' }, { text: 'prompt' }], {
      timeoutMs: 200,
    });
    const result = await run(model);
    expect(result.text).toBe('prompt');
    expect(retries.map((r) => r.reason)).toEqual(['timeout']);
    expect(server.requests).toHaveLength(2);
  });

  test('retries are bounded: the error names the provider, the attempts and the last failure', async () => {
    const { server, model } = await setup(provider, Array(3).fill({ fault: { kind: 'server-error', status: 502 } }), {
      maxAttempts: 3,
    });
    const error = await failure(run(model));
    expect(error).toBeInstanceOf(ModelRequestError);
    expect(error).toMatchObject({ reason: 'http-retries-exhausted', status: 502, attempts: 3, provider });
    expect(error.message).toMatch(new RegExp(`^${provider} request failed after 3 attempts: HTTP 502 `));
    expect(server.requests).toHaveLength(3);
  });

  test('an invalid key stops at once with an authentication error', async () => {
    const { server, model, sleeps } = await setup(provider, [{ fault: { kind: 'auth' } }, { text: 'never' }]);
    const error = await failure(run(model));
    expect(error).toBeInstanceOf(ModelAuthError);
    expect(error.message).toMatch(
      new RegExp(`^authentication failed for ${provider} \\(HTTP 401 .+\\): check the API key; not retried$`),
    );
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  test('a spend limit stops at once and says so', async () => {
    const { server, model } = await setup(provider, [{ fault: { kind: 'spend-limit' } }, { text: 'never' }]);
    const error = await failure(run(model));
    expect(error).toBeInstanceOf(ModelSpendLimitError);
    expect(error.message).toMatch(
      new RegExp(`^spend limit reached for ${provider} \\(HTTP (400|429) .+\\): not retried`),
    );
    expect(server.requests).toHaveLength(1);
  });

  test('an unknown tool name and invalid tool arguments come back to the model as tool errors', async () => {
    const { server, model } = await setup(provider, [
      { fault: { kind: 'unknown-tool', name: 'delete_everything' } },
      { fault: { kind: 'invalid-tool-args', tool: 'read_file', args: { file: 42 } } },
      { text: 'giving up politely' },
    ]);
    const result = await run(model);
    expect(result.text).toBe('giving up politely');
    const errors = result.steps.flatMap((s) => s.content.filter((p) => p.type === 'tool-error'));
    expect(errors.map((e) => e.toolName)).toEqual(['delete_everything', 'read_file']);
    // AI SDK 7 keeps a tool error as its message text in the result.
    expect(String(errors[0]!.error)).toMatch(
      /^AI_NoSuchToolError: Model tried to call unavailable tool 'delete_everything'/,
    );
    expect(String(errors[1]!.error)).toMatch(/^AI_InvalidToolInputError: Invalid input for tool read_file/);
    // The model was told: the next requests carry the errors as tool results.
    const results = server.requests.slice(1).map((r) => r.request!.messages.at(-1)!.toolResults[0]!.content);
    expect(results[0]).toContain("unavailable tool 'delete_everything'");
    expect(results[1]).toContain('Invalid input for tool read_file');
    expect(server.problems).toEqual([]);
  });
});

describe('createLanguageModel configuration errors', () => {
  test('openai-compatible without a base URL names base-url', async () => {
    await expect(createLanguageModel('openai-compatible:qwen3-coder', {})).rejects.toThrow(ModelConfigError);
    await expect(createLanguageModel('openai-compatible:qwen3-coder', { baseUrl: ' ' })).rejects.toThrow(
      /openai-compatible models need a base URL: set base-url/,
    );
  });

  test('a base URL must be http(s) and must not carry credentials', async () => {
    await expect(createLanguageModel('openai-compatible:m', { baseUrl: 'localhost:11434' })).rejects.toThrow(
      /base-url "localhost:11434" must start with http/,
    );
    await expect(createLanguageModel('openai-compatible:m', { baseUrl: 'not a url' })).rejects.toThrow(
      /base-url "not a url" is not a URL/,
    );
    await expect(createLanguageModel('openai-compatible:m', { baseUrl: 'https://u:p@gw.example/v1' })).rejects.toThrow(
      /must not contain credentials/,
    );
  });

  test('anthropic and openai need a key; openai-compatible may be keyless (a local server)', async () => {
    await expect(createLanguageModel('anthropic:claude-sonnet-4-5', {})).rejects.toThrow(/no API key for anthropic/);
    await expect(createLanguageModel('openai:gpt-4.1', { apiKey: ' ' })).rejects.toThrow(/no API key for openai/);

    const server = await startScriptedModel([{ text: 'keyless' }]);
    servers.push(server);
    const model = await createLanguageModel('openai-compatible:llama3', { baseUrl: `${server.baseUrlOpenAI}/` });
    const result = await generateText({ model, maxRetries: 0, prompt: 'hi' });
    expect(result.text).toBe('keyless');
    expect(server.requests[0]!.headers['authorization']).toBeUndefined();
    expect(server.requests[0]!.path).toBe('/v1/chat/completions');
  });

  test('openai uses Chat Completions, not the Responses API', async () => {
    const server = await startScriptedModel([{ text: 'chat' }]);
    servers.push(server);
    const model = await createLanguageModel('openai:gpt-5.4', { apiKey: KEY, baseUrl: server.baseUrlOpenAI });
    await generateText({ model, maxRetries: 0, prompt: 'hi' });
    expect(server.requests.map((r) => r.path)).toEqual(['/v1/chat/completions']);
  });
});

describe('cold start and retry layering', () => {
  test('provider packages load only when a model of that provider is created', () => {
    // A child process records every module it resolves (Node's synchronous module hooks).
    const providers = new URL('../../../src/model/providers.ts', import.meta.url).pathname;
    const script = `
      import { registerHooks } from 'node:module';
      const loaded = new Set();
      registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); loaded.add(r.url); return r; } });
      const has = (name) => [...loaded].some((url) => url.includes('/node_modules/' + name + '/'));
      const names = ['@ai-sdk/anthropic', '@ai-sdk/openai', '@ai-sdk/openai-compatible', 'ai'];
      const { createLanguageModel } = await import(${JSON.stringify(providers)});
      const before = names.filter(has);
      await createLanguageModel('anthropic:claude-sonnet-4-5', { apiKey: 'k' });
      process.stdout.write(JSON.stringify({ before, after: names.filter(has) }));
    `;
    const run = spawnSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: process.cwd(),
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ before: [], after: ['@ai-sdk/anthropic'] });
  });

  test("the SDK's own retries do not multiply ours, even if a caller forgets maxRetries: 0", async () => {
    const { server, model } = await setup('anthropic', Array(10).fill({ fault: { kind: 'server-error' } }), {
      maxAttempts: 3,
    });
    // Default maxRetries (2): the SDK does not retry the typed errors the fetch wrapper throws.
    const error = await failure(generateText({ model, prompt: 'hi' }));
    expect(error).toBeInstanceOf(ModelRequestError);
    expect(error).toMatchObject({ attempts: 3 });
    expect(server.requests).toHaveLength(3);
  });
});
