import { describe, expect, test } from 'vitest';
import { InputError, parseActionSettings } from '../../src/runtime/actions/inputs.ts';
import { type ActionCore, runActionWith } from '../../src/runtime/actions/run.ts';

const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

describe('parseActionSettings', () => {
  test('parses every plan input into one typed settings object, defaults applied', () => {
    const settings = parseActionSettings(
      'plan',
      reader({ model: ' openai-compatible:qwen3:32b ', 'base-url': 'http://127.0.0.1:11434/v1/', issue: '42', 'api-key': 'k' }),
    );
    expect(settings).toEqual({
      model: { provider: 'openai-compatible', model: 'qwen3:32b' },
      baseUrl: 'http://127.0.0.1:11434/v1',
      apiKey: 'k',
      config: '.github/ensemble.yml',
      githubToken: null,
      issue: 42,
      prompt: null,
    });
  });

  test('publish has no model inputs and defaults draft to true', () => {
    expect(parseActionSettings('publish', reader({}))).toEqual({ config: '.github/ensemble.yml', githubToken: null, draft: true });
    expect(parseActionSettings('publish', reader({ draft: 'FALSE' })).draft).toBe(false);
  });

  test('reports every bad input at once, each named with what it accepts', () => {
    let error: unknown;
    try {
      parseActionSettings('review', reader({ model: 'claude', 'base-url': 'https://user:pw@llm.example.com', lens: 'Security!' }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message.split('\n')).toEqual([
      'Input \'model\' has an invalid value "claude": expected "claude" is not a model spec: write provider:model, e.g. anthropic:claude-sonnet-4-5 (providers: anthropic, openai, openai-compatible).',
      'Input \'base-url\' has an invalid value "https://***@llm.example.com": expected a URL without credentials in it (pass the key as api-key).',
      'Input \'lens\' has an invalid value "Security!": expected a lens name of a-z, 0-9 and "-", e.g. correctness.',
    ]);
  });

  test.each(['-1', '1.5', '0x10', '1e3', '99999999999', '#12'])('issue %j is refused', (issue) => {
    expect(() => parseActionSettings('plan', reader({ issue }))).toThrow(`Input 'issue' has an invalid value ${JSON.stringify(issue)}`);
  });

  test('surrounding whitespace is not part of a value', () => {
    expect(parseActionSettings('plan', reader({ issue: ' 12\n' })).issue).toBe(12);
  });

  test('long values are shortened in the message', () => {
    expect(() => parseActionSettings('code', reader({ task: 'x'.repeat(200) }))).toThrow(/"x{77}\.\.\."/);
  });
});

function fakeCore(inputs: Record<string, string>) {
  const calls: { failed: string[]; secrets: string[] } = { failed: [], secrets: [] };
  const core: ActionCore = {
    getInput: reader(inputs),
    setSecret: (s) => calls.secrets.push(s),
    setFailed: (m) => calls.failed.push(String(m)),
    info: () => {},
  };
  return { core, calls };
}

describe('runActionWith', () => {
  test('valid inputs outside a GitHub Actions job fail the step, naming what is missing', async () => {
    const { core, calls } = fakeCore({ task: 'api', 'api-key': 'secret-key' });
    await runActionWith('code', core, {});
    expect(calls.secrets).toEqual(['secret-key']);
    expect(calls.failed).toEqual([
      "ensemble code: GITHUB_REPOSITORY is not set: ensemble's actions run inside a GitHub Actions job (uses: …/actions/<stage>)",
    ]);
  });

  test('a bad input fails the step before the stage runs', async () => {
    const { core, calls } = fakeCore({ issue: 'abc' });
    await runActionWith('plan', core);
    expect(calls.failed).toHaveLength(1);
    expect(calls.failed[0]).toBe(
      'ensemble plan: invalid input.\nInput \'issue\' has an invalid value "abc": expected a positive whole number such as 42.',
    );
  });
});
