import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { formatModelSpec, ModelSpecError, parseModelSpec } from '../../../src/contracts/model-spec.ts';
import { ModelConfigError } from '../../../src/model/errors.ts';
import { isCredentialName, resolveApiKey, scrubCredentials } from '../../../src/model/keys.ts';

describe('parseModelSpec', () => {
  test('splits provider and model at the first colon only', () => {
    expect(parseModelSpec('anthropic:claude-sonnet-4-5')).toEqual({
      provider: 'anthropic',
      model: 'claude-sonnet-4-5',
    });
    expect(parseModelSpec(' openai:gpt-4.1 ')).toEqual({ provider: 'openai', model: 'gpt-4.1' });
    expect(parseModelSpec('openai-compatible:qwen3:32b')).toEqual({
      provider: 'openai-compatible',
      model: 'qwen3:32b',
    });
    expect(formatModelSpec(parseModelSpec('openai-compatible:qwen3:32b'))).toBe('openai-compatible:qwen3:32b');
  });

  test.each([
    ['claude-sonnet-4-5', /not a model spec: write provider:model/],
    ['anthropic:', /not a model spec/],
    [':gpt-4.1', /not a model spec/],
    ['google:gemini-3', /unknown model provider "google".*anthropic, openai, openai-compatible/],
    ['openai:gpt 4', /must not contain whitespace/],
  ])('rejects %j with a message that says what to write', (text, message) => {
    expect(() => parseModelSpec(text)).toThrow(ModelSpecError);
    expect(() => parseModelSpec(text)).toThrow(message);
  });
});

describe('resolveApiKey', () => {
  const env = {
    ENSEMBLE_API_KEY: 'canary-ensemble',
    ANTHROPIC_API_KEY: 'canary-anthropic',
    OPENAI_API_KEY: 'canary-openai',
  };

  test('the explicit input wins over every variable', () => {
    expect(resolveApiKey('anthropic', { explicit: 'canary-input', env })).toEqual({
      apiKey: 'canary-input',
      source: 'input',
    });
  });

  test('an empty input (unset Actions input) falls through to ENSEMBLE_API_KEY, then the provider variable', () => {
    expect(resolveApiKey('anthropic', { explicit: '', env })).toEqual({
      apiKey: 'canary-ensemble',
      source: 'ENSEMBLE_API_KEY',
    });
    expect(resolveApiKey('anthropic', { explicit: '  ', env: { ...env, ENSEMBLE_API_KEY: '' } })).toEqual({
      apiKey: 'canary-anthropic',
      source: 'ANTHROPIC_API_KEY',
    });
    expect(
      resolveApiKey('openai', { env: { ANTHROPIC_API_KEY: 'canary-anthropic', OPENAI_API_KEY: 'canary-openai' } }),
    ).toEqual({
      apiKey: 'canary-openai',
      source: 'OPENAI_API_KEY',
    });
  });

  test('each provider reads only its own usual variable', () => {
    expect(() => resolveApiKey('anthropic', { env: { OPENAI_API_KEY: 'canary-openai' } })).toThrow(ModelConfigError);
    expect(() => resolveApiKey('openai', { env: { ANTHROPIC_API_KEY: 'canary-anthropic' } })).toThrow(
      'no API key for openai: pass the api-key input (CLI: --api-key), or set ENSEMBLE_API_KEY or OPENAI_API_KEY',
    );
  });

  test('openai-compatible reads ENSEMBLE_API_KEY or OPENAI_API_KEY and may be keyless', () => {
    expect(resolveApiKey('openai-compatible', { env: { OPENAI_API_KEY: 'canary-openai' } }).apiKey).toBe(
      'canary-openai',
    );
    expect(resolveApiKey('openai-compatible', { env: { ANTHROPIC_API_KEY: 'canary-anthropic' } })).toEqual({
      apiKey: undefined,
      source: 'none',
    });
  });
});

describe('scrubCredentials', () => {
  const canaries = {
    ANTHROPIC_API_KEY: 'canary-anthropic',
    OPENAI_API_KEY: 'canary-openai',
    ENSEMBLE_API_KEY: 'canary-ensemble',
    GITHUB_TOKEN: 'canary-github',
    GH_TOKEN: 'canary-gh',
    'INPUT_API-KEY': 'canary-input-key',
    'INPUT_GITHUB-TOKEN': 'canary-input-token',
    'INPUT_MODEL-API-KEY': 'canary-model-key',
    ACTIONS_RUNTIME_TOKEN: 'canary-runtime',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'canary-oidc',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://canary.example/oidc',
    AWS_SECRET_ACCESS_KEY: 'canary-aws',
    CLIENT_SECRET: 'canary-client',
    NPM_TOKEN: 'canary-npm',
  };
  const harmless = {
    PATH: '/usr/bin:/bin',
    HOME: '/home/runner',
    GITHUB_REPOSITORY: 'octo/repo',
    ACTIONS_RESULTS_URL: 'https://results.example/',
    'INPUT_BASE-URL': 'http://localhost:11434/v1',
    TOKENIZERS_PARALLELISM: 'false',
  };

  test('removes every credential variable and returns what it removed', () => {
    const env: Record<string, string | undefined> = { ...canaries, ...harmless };
    const removed = scrubCredentials(env);
    expect(removed).toEqual(canaries);
    expect(env).toEqual(harmless);
    expect(JSON.stringify(env)).not.toContain('canary');
  });

  test('recognises credential names whatever their case and hyphens', () => {
    for (const name of [
      'input_api-key',
      'Input_Github-Token',
      'MY_TOKEN',
      'API_KEY',
      'DB_PASSWORD',
      'SSH_PRIVATE_KEY',
    ]) {
      expect(isCredentialName(name), name).toBe(true);
    }
    for (const name of Object.keys(harmless)) expect(isCredentialName(name), name).toBe(false);
  });

  test('a child started after scrubbing process.env inherits no canary', () => {
    // A child process: the parent holds the canaries, resolves a key, scrubs, then spawns `env`.
    const script = `
      import { resolveApiKey, scrubCredentials } from ${JSON.stringify(new URL('../../../src/model/keys.ts', import.meta.url).pathname)};
      import { execFileSync } from 'node:child_process';
      const { apiKey } = resolveApiKey('anthropic', { explicit: process.env['INPUT_API-KEY'] });
      const kept = scrubCredentials();
      const childEnv = execFileSync('env', { encoding: 'utf8' });
      process.stdout.write(JSON.stringify({ apiKey, kept: Object.keys(kept).sort(), childEnv }));
    `;
    const run = spawnSync(
      process.execPath,
      ['--experimental-strip-types', '--no-warnings', '--input-type=module', '-e', script],
      {
        env: { PATH: process.env['PATH'], ...canaries },
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { apiKey: string; kept: string[]; childEnv: string };
    expect(out.apiKey).toBe('canary-input-key');
    expect(out.kept).toEqual(Object.keys(canaries).sort());
    expect(out.childEnv).not.toContain('canary');
    expect(out.childEnv).toContain('PATH=');
  });
});
