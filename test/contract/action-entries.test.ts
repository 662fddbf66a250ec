import { describe, expect, test } from 'vitest';
import { runActionBundle } from '../support/runner.ts';

// Inputs every entry accepts; each entry adds its own required ones.
const VALID: Record<string, Record<string, string>> = {
  plan: { model: 'anthropic:claude-sonnet-4-5', issue: '12' },
  code: { model: 'openai:gpt-5', task: 'api-endpoint' },
  test: { model: 'openai-compatible:qwen3-coder', 'base-url': 'http://127.0.0.1:11434/v1' },
  review: { lens: 'security' },
  docs: {},
  publish: { draft: 'false' },
  all: { prompt: 'Add a --json flag to the CLI' },
};

describe('committed action bundles under Node 24, as the runner runs them', () => {
  test.each(['plan', 'code', 'test', 'review', 'docs', 'publish', 'all'])(
    '%s with valid inputs but no artifact service fails, naming what is missing',
    async (entry) => {
      const run = await runActionBundle(entry, { 'github-token': 'ghs_faketokenfaketoken', ...VALID[entry] });
      expect(run.exitCode).not.toBe(0);
      expect(run.stdout).toMatch(
        new RegExp(
          `^::error::ensemble ${entry}: cannot use GitHub artifacts: ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set`,
          'm',
        ),
      );
      expect(run.files.output).toBe('');
    },
  );

  test.each([
    [
      'plan',
      { issue: '12; rm -rf /' },
      'Input \'issue\' has an invalid value "12; rm -rf /": expected a positive whole number such as 42.',
    ],
    ['plan', { issue: '0' }, 'Input \'issue\' has an invalid value "0": expected a positive whole number such as 42.'],
    ['plan', { issue: '7', prompt: 'also this' }, "Inputs 'issue' and 'prompt' were both given"],
    ['code', { task: '' }, "Input 'task' is required"],
    ['code', { task: 'Bad Task!' }, 'Input \'task\' has an invalid value "Bad Task!": expected a task id'],
    [
      'test',
      { 'base-url': 'ftp://models.example.com' },
      'Input \'base-url\' has an invalid value "ftp://models.example.com": expected an http(s) URL',
    ],
    [
      'review',
      { model: 'gpt-5' },
      'Input \'model\' has an invalid value "gpt-5": expected "gpt-5" is not a model spec: write provider:model',
    ],
    ['docs', { model: 'gemini:pro' }, 'unknown model provider "gemini"'],
    ['publish', { draft: 'maybe' }, 'Input \'draft\' has an invalid value "maybe": expected true or false.'],
    [
      'all',
      { config: '../outside.yml' },
      'Input \'config\' has an invalid value "../outside.yml": expected a relative path inside the repository',
    ],
  ] as const)('%s refuses %j and names the input', async (entry, inputs, message) => {
    const run = await runActionBundle(entry, { ...VALID[entry], ...inputs });
    expect(run.exitCode).not.toBe(0);
    expect(run.stdout).toContain(`::error::ensemble ${entry}: invalid input.`);
    expect(run.stdout).toContain(message);
    expect(run.stdout).not.toContain('not implemented');
    expect(run.files.output).toBe('');
  });

  test('the API key and the GitHub token are masked before anything else happens', async () => {
    const run = await runActionBundle('plan', {
      issue: '3',
      'api-key': 'sk-ant-canary-0123456789',
      'github-token': 'ghs_canary0123456789',
    });
    const masks = run.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
    expect(masks).toEqual(['::add-mask::sk-ant-canary-0123456789', '::add-mask::ghs_canary0123456789']);
    expect(run.stdout.indexOf('::add-mask::')).toBeLessThan(run.stdout.indexOf('::error::'));
  });
});
