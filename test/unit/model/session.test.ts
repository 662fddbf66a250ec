import { generateText } from 'ai';
import { afterEach, expect, test } from 'vitest';
import { parseModelSpec } from '../../../src/contracts/model-spec.ts';
import { openModelSession } from '../../../src/model/session.ts';
import { type ScriptedModelServer, startScriptedModel } from '../../support/scripted-model.ts';

let server: ScriptedModelServer | undefined;
afterEach(async () => server?.close());

test('keys are resolved for every stage model, then every credential is gone from the environment', async () => {
  server = await startScriptedModel([{ text: 'from anthropic' }, { text: 'from openai' }], {
    apiKey: 'sk-canary-both',
  });
  const env: Record<string, string | undefined> = {
    ENSEMBLE_API_KEY: 'sk-canary-both',
    GITHUB_TOKEN: 'ghs_canary',
    'INPUT_GITHUB-TOKEN': 'ghs_canary',
    ACTIONS_RUNTIME_TOKEN: 'canary-runtime',
    PATH: '/usr/bin',
  };
  const session = openModelSession([parseModelSpec('anthropic:claude-sonnet-4-5'), parseModelSpec('openai:gpt-5')], {
    env,
    baseUrl: server.baseUrlOpenAI,
  });
  expect(env).toEqual({ PATH: '/usr/bin' });
  expect(Object.keys(session.removedCredentials).sort()).toEqual([
    'ACTIONS_RUNTIME_TOKEN',
    'ENSEMBLE_API_KEY',
    'GITHUB_TOKEN',
    'INPUT_GITHUB-TOKEN',
  ]);

  const anthropic = await session.model(parseModelSpec('anthropic:claude-sonnet-4-5'));
  const openai = await session.model(parseModelSpec('openai:gpt-5'));
  expect((await generateText({ model: anthropic, prompt: 'hi', maxRetries: 0 })).text).toBe('from anthropic');
  expect((await generateText({ model: openai, prompt: 'hi', maxRetries: 0 })).text).toBe('from openai');
  expect(server.problems).toEqual([]);
});

test('a missing key fails before anything is scrubbed, naming where it looked', () => {
  const env = { GITHUB_TOKEN: 'ghs_x' };
  expect(() => openModelSession([parseModelSpec('anthropic:claude-sonnet-4-5')], { env })).toThrow(
    'no API key for anthropic: pass the api-key input (CLI: --api-key), or set ENSEMBLE_API_KEY or ANTHROPIC_API_KEY',
  );
  expect(env).toEqual({ GITHUB_TOKEN: 'ghs_x' });
});

test('a model not declared up front cannot be created later', async () => {
  const session = openModelSession([parseModelSpec('openai-compatible:qwen3')], {
    env: {},
    baseUrl: 'http://127.0.0.1:9/v1',
  });
  expect(() => session.model(parseModelSpec('anthropic:claude-sonnet-4-5'))).toThrow(
    'was not declared when the model session opened',
  );
});
