import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { InputError, parseActionSettings } from '../../../../src/runtime/actions/inputs.ts';
import { type ActionCore, runActionWith } from '../../../../src/runtime/actions/run.ts';

const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

describe('parseActionSettings', () => {
  test('parses every plan input into one typed settings object, defaults applied', () => {
    const settings = parseActionSettings(
      'plan',
      reader({
        model: ' openai-compatible:qwen3:32b ',
        'base-url': 'http://127.0.0.1:11434/v1/',
        issue: '42',
        'api-key': 'k',
      }),
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
    expect(parseActionSettings('publish', reader({}))).toEqual({
      config: '.github/ensemble.yml',
      issue: null,
      githubToken: null,
      appId: null,
      appPrivateKey: null,
      draft: true,
    });
    expect(parseActionSettings('publish', reader({ draft: 'FALSE' })).draft).toBe(false);
  });

  test('reports every bad input at once, each named with what it accepts', () => {
    let error: unknown;
    try {
      parseActionSettings(
        'review',
        reader({ model: 'claude', 'base-url': 'https://user:pw@llm.example.com', lens: 'Security!' }),
      );
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
    expect(() => parseActionSettings('plan', reader({ issue }))).toThrow(
      `Input 'issue' has an invalid value ${JSON.stringify(issue)}`,
    );
  });

  test('surrounding whitespace is not part of a value', () => {
    expect(parseActionSettings('plan', reader({ issue: ' 12\n' })).issue).toBe(12);
  });

  test('long values are shortened in the message', () => {
    expect(() => parseActionSettings('code', reader({ task: 'x'.repeat(200) }))).toThrow(/"x{77}\.\.\."/);
  });
});

describe('the GitHub App inputs of publish (and the all-in-one action)', () => {
  const pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs1', format: 'pem' })
    .toString();

  test('both parse into the settings: the id as a number, the key as a key object', () => {
    for (const entry of ['publish', 'all'] as const) {
      const settings = parseActionSettings(entry, reader({ 'app-id': ' 4711 ', 'app-private-key': pem }));
      expect(settings.appId).toBe(4711);
      expect(settings.appPrivateKey?.key.asymmetricKeyType).toBe('rsa');
      expect(settings.appPrivateKey?.pem).toBe(pem.trim());
    }
  });

  test('one without the other is refused, naming the missing one and the workflow secrets', () => {
    expect(() => parseActionSettings('publish', reader({ 'app-id': '4711' }))).toThrow(
      "Input 'app-id' was given without 'app-private-key': a GitHub App needs both (in the reusable workflow, " +
        'the secrets publish-app-id and publish-app-private-key), or leave both empty to publish with github-token.',
    );
    expect(() => parseActionSettings('all', reader({ 'app-private-key': pem }))).toThrow(
      "Input 'app-private-key' was given without 'app-id'",
    );
  });

  test('a bad id is shown; a bad key is described, never shown', () => {
    const cut = pem.slice(0, 400);
    let message = '';
    try {
      parseActionSettings('publish', reader({ 'app-id': 'Iv1.abc', 'app-private-key': cut }));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      "Input 'app-id' has an invalid value \"Iv1.abc\": expected the App's numeric ID, such as 123456 " +
        '(App settings → General → About → App ID).',
      "Input 'app-private-key' has an invalid value (not shown: it is a secret): expected a PEM private key that " +
        'can be read (this one is damaged or cut short): the whole .pem file GitHub generated for the App ' +
        '(Private keys → Generate), BEGIN and END lines included.',
    ]);
    for (const line of cut.split('\n').slice(1)) expect(message).not.toContain(line);
  });
});

function fakeCore(inputs: Record<string, string>) {
  const calls: { failed: string[]; secrets: string[]; debug: string[] } = { failed: [], secrets: [], debug: [] };
  const core: ActionCore = {
    getInput: reader(inputs),
    setSecret: (s) => calls.secrets.push(s),
    setFailed: (m) => calls.failed.push(String(m)),
    info: () => {},
    debug: (m) => calls.debug.push(m),
  };
  return { core, calls };
}

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** The variables the runner sets for a job, with a workspace and temp directory of its own. */
function jobEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'ensemble-entry-'));
  temps.push(dir);
  return {
    GITHUB_REPOSITORY: 'octo-org/widgets',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_RUN_ID: '42',
    ...extra,
  };
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

  test('a user error fails the step with its message alone, which says what to fix', async () => {
    const { core, calls } = fakeCore({ task: 'api' });
    await runActionWith('code', core, jobEnvironment());
    expect(calls.failed).toHaveLength(1);
    expect(calls.failed[0]).toMatch(
      /^ensemble code: cannot use GitHub artifacts: ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set\./,
    );
    expect(calls.failed[0]).not.toContain('not expected');
    expect(calls.debug).toEqual([]);
  });

  test('an unexpected error is a bug: its message, a note to report it, the stack in the debug log', async () => {
    const event = join(mkdtempSync(join(tmpdir(), 'ensemble-event-')), 'event.json');
    temps.push(dirname(event));
    writeFileSync(event, '{ not json');
    const { core, calls } = fakeCore({ task: 'api' });
    await runActionWith('code', core, jobEnvironment({ GITHUB_EVENT_PATH: event }));
    expect(calls.failed).toHaveLength(1);
    const [message, note] = (calls.failed[0] ?? '').split('\n');
    expect(message).toMatch(/^ensemble code: .*JSON/);
    expect(note).toBe(
      'This error was not expected. Unless the message says what to fix, it is a bug in ensemble: ' +
        'please report it with this log (re-run the job with debug logging enabled to log its stack trace).',
    );
    expect(calls.debug).toHaveLength(1);
    expect(calls.debug[0]).toMatch(/^SyntaxError: .*JSON/);
    expect(calls.debug[0]).toMatch(/\n\s+at /);
  });

  test('a private key is masked, whole and line by line, before any input is parsed or reported', async () => {
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs1', format: 'pem' })
      .toString();
    const lines = pem.trim().split('\n');
    // The key alone: the step fails for the missing app-id, after everything was masked.
    const { core, calls } = fakeCore({ 'app-private-key': pem, 'github-token': 'ghs_workflowtoken' });
    await runActionWith('publish', core, {});
    expect(calls.secrets).toEqual(['ghs_workflowtoken', pem.trim(), ...lines.slice(1, -1)]);
    expect(calls.failed).toHaveLength(1);
    expect(calls.failed[0]).toContain("Input 'app-private-key' was given without 'app-id'");
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
