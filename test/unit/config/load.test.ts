import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConfigError, configHash, loadConfig, parseConfigText, summarizeConfig } from '../../../src/config/index.ts';
import { DEFAULT_PROTECTED_PATHS, defaultConfig, EnsembleConfig } from '../../../src/contracts/config.ts';

const FILE = '.github/ensemble.yml';
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'config');

/** The message a user sees for a configuration text; fails the test when the text is accepted. */
function errorOf(...lines: string[]): string {
  try {
    parseConfigText(lines.join('\n'), FILE);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('bad configurations are reported as file:line:column: key: message', () => {
  test('YAML syntax error', () => {
    expect(errorOf('stages:', '  plan:', '    max-turns: 3', '  code: [a', 'setup: []')).toBe(
      `${FILE}:5:1: (yaml): invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    );
    expect(errorOf('trigger:', '  label: a: b')).toBe(
      `${FILE}:2:10: (yaml): invalid YAML: Nested mappings are not allowed in compact mappings`,
    );
  });

  test('a key given twice', () => {
    expect(errorOf('setup: []', 'review:', '  block-on: low', 'setup: [npm ci]')).toBe(
      `${FILE}:4:1: (yaml): this key appears twice in the same mapping; keep one`,
    );
  });

  test('more than one YAML document', () => {
    expect(errorOf('setup: []', '---', 'setup: []')).toBe(
      `${FILE}:2:1: (yaml): the file holds more than one YAML document (a second \`---\`); ensemble reads only one`,
    );
  });

  test('unknown top-level key, with the closest allowed key', () => {
    const allowed =
      'version, trigger, gates, models, prices, stages, setup, test-command, docs, review, sandbox, sandbox-env, sandbox-paths, protected-paths, budgets, publish, ci, monitor, limits';
    expect(errorOf('setup: []', 'protected-path:', '  - secrets/**')).toBe(
      `${FILE}:2:1: protected-path: unknown key; did you mean \`protected-paths\`? Allowed keys: ${allowed}`,
    );
    // The camelCase and snake_case spellings of a kebab-case key are recognised as such.
    expect(errorOf('testCommand: make check')).toBe(
      `${FILE}:1:1: testCommand: unknown key; did you mean \`test-command\`? Allowed keys: ${allowed}`,
    );
    expect(errorOf('colour: blue')).toBe(`${FILE}:1:1: colour: unknown key; allowed keys: ${allowed}`);
  });

  test('unknown nested key', () => {
    expect(errorOf('stages:', '  plan:', '    max-turn: 10')).toBe(
      `${FILE}:3:5: stages.plan.max-turn: unknown key; did you mean \`max-turns\`? Allowed keys: enabled, instructions, max-turns, timeout-minutes, max-tasks`,
    );
    expect(errorOf('stages:', '  reveiw:', '    enabled: false')).toBe(
      `${FILE}:2:3: stages.reveiw: unknown key; did you mean \`review\`? Allowed keys: plan, code, test, review, docs, fix`,
    );
  });

  test('wrong types say what was expected and what was found', () => {
    expect(errorOf('stages:', '  plan:', '    max-turns: ten')).toBe(
      `${FILE}:3:16: stages.plan.max-turns: expected a positive integer, found "ten"`,
    );
    expect(errorOf('publish:', '  draft: yes')).toBe(
      `${FILE}:2:10: publish.draft: expected true or false, found "yes"`,
    );
    expect(errorOf('setup: npm ci')).toBe(`${FILE}:1:8: setup: expected a list of shell commands, found "npm ci"`);
    expect(errorOf('budgets:', '  run:', '    tokens: 1.5')).toBe(
      `${FILE}:3:13: budgets.run.tokens: expected a positive integer number of tokens, or null for no limit, found 1.5`,
    );
    expect(errorOf('docs:', '  paths: [README.md, 3]')).toBe(
      `${FILE}:2:22: docs.paths[1]: expected a path or glob pattern relative to the repository root, found 3`,
    );
  });

  test('an empty value where a mapping belongs points at its key', () => {
    expect(errorOf('trigger:', 'setup: []')).toBe(`${FILE}:1:1: trigger: expected a mapping, found an empty value`);
  });

  test('unknown model provider gives the model registry message', () => {
    expect(errorOf('models:', '  default: anthropic:claude-sonnet-4-5', '  review: gemini:pro')).toBe(
      `${FILE}:3:11: models.review: unknown model provider "gemini" in "gemini:pro": use one of anthropic, openai, openai-compatible`,
    );
    expect(errorOf('models:', '  default: gpt-5')).toBe(
      `${FILE}:2:12: models.default: "gpt-5" is not a model spec: write provider:model, e.g. anthropic:claude-sonnet-4-5 (providers: anthropic, openai, openai-compatible)`,
    );
  });

  test('bad lens name', () => {
    expect(errorOf('review:', '  lenses:', '    - correctness', '    - Security Audit')).toBe(
      `${FILE}:4:7: review.lenses[1]: expected a lens name of 1-40 characters a-z, 0-9 and "-" starting with a letter or digit, found "Security Audit"`,
    );
  });

  test('duplicate lens points at the second occurrence', () => {
    expect(errorOf('review:', '  lenses: [correctness, tests, correctness]')).toBe(
      `${FILE}:2:32: review.lenses[2]: duplicate lens "correctness" (first at review.lenses[0])`,
    );
  });

  test("a lens may not be named human or ci: those name people's review comments and the CI in a follow-up", () => {
    const why =
      "names findings no lens makes in a follow-up run (human: people's review comments; ci: the repository's CI; " +
      'conflicts: a merge of the base); ' +
      'give the lens another name';
    expect(errorOf('review:', '  lenses: [correctness, ci]')).toBe(`${FILE}:2:25: review.lenses[1]: "ci" ${why}`);
    expect(errorOf('review:', '  lenses:', '    - human')).toBe(`${FILE}:3:7: review.lenses[0]: "human" ${why}`);
    // A name that only contains one of them is a lens like any other.
    expect(parseConfigText('review:\n  lenses: [ci-config, humane]', FILE).config.review.lenses).toEqual([
      'ci-config',
      'humane',
    ]);
  });

  test('out-of-range max-tasks', () => {
    expect(errorOf('stages:', '  plan:', '    max-tasks: 300')).toBe(
      `${FILE}:3:16: stages.plan.max-tasks: expected an integer from 1 to 256, found 300`,
    );
    expect(errorOf('stages:', '  plan: { max-tasks: 0 }')).toBe(
      `${FILE}:2:22: stages.plan.max-tasks: expected an integer from 1 to 256, found 0`,
    );
  });

  test('non-mapping root', () => {
    expect(errorOf('- setup', '- review')).toBe(
      `${FILE}:1:1: (root): expected a mapping of settings (key: value lines), found a list`,
    );
    expect(errorOf('', '  ensemble')).toBe(
      `${FILE}:2:3: (root): expected a mapping of settings (key: value lines), found "ensemble"`,
    );
  });

  test('bad severity', () => {
    expect(errorOf('review:', '  block-on: urgent')).toBe(
      `${FILE}:2:13: review.block-on: expected one of critical, high, medium, low, nit, found "urgent"`,
    );
  });

  test('a missing required value points at its parent', () => {
    expect(errorOf('prices:', '  "openai:gpt-4.1":', '    output: 8')).toBe(
      `${FILE}:2:3: prices["openai:gpt-4.1"].input: required key is missing (expected a price in USD per million input tokens)`,
    );
  });

  test('a price keyed by something that is not a model spec points at the key', () => {
    expect(errorOf('prices:', '  qwen3: { input: 0, output: 0 }')).toBe(
      `${FILE}:2:3: prices.qwen3: "qwen3" is not a model spec: write provider:model, e.g. anthropic:claude-sonnet-4-5 (providers: anthropic, openai, openai-compatible)`,
    );
  });

  test('stages the pipeline cannot run without cannot be disabled', () => {
    expect(errorOf('stages:', '  code:', '    enabled: false')).toBe(
      `${FILE}:3:14: stages.code.enabled: the code stage cannot be disabled: every run makes its change in the code stage`,
    );
  });

  test('other values out of range', () => {
    expect(errorOf('version: 2')).toBe(
      `${FILE}:1:10: version: expected 1 (the only configuration version this ensemble reads), found 2`,
    );
    expect(errorOf('models:', '  base-url: localhost:11434')).toBe(
      `${FILE}:2:13: models.base-url: expected an http(s) URL such as "http://localhost:11434/v1", found "localhost:11434"`,
    );
    expect(errorOf('stages:', '  code:', '    timeout-minutes: 600')).toBe(
      `${FILE}:3:22: stages.code.timeout-minutes: expected a positive number of minutes, at most 360, found 600`,
    );
    expect(errorOf('review:', '  lenses: []')).toBe(
      `${FILE}:2:11: review.lenses: expected at least one lens; to skip review set stages.review.enabled: false`,
    );
    expect(errorOf('trigger:', '  allowed-bots: ["evil bot"]')).toBe(
      `${FILE}:2:18: trigger.allowed-bots[0]: expected a GitHub bot login such as "dependabot[bot]", found "evil bot"`,
    );
  });

  test('a variable whose name looks like a credential is refused, naming the key, the value and the fix', () => {
    expect(errorOf('sandbox-env:', '  setup: [NPM_CONFIG_REGISTRY, NPM_TOKEN]')).toBe(
      `${FILE}:2:32: sandbox-env.setup[1]: "NPM_TOKEN" looks like a credential (its name contains TOKEN), and ` +
        'commands never get credentials: remove it. A command that needs a token (a private registry) must run ' +
        'outside ensemble, e.g. as a workflow step before it; if the name matched by accident and the value is ' +
        'no credential, copy it to a name without TOKEN and pass that name',
    );
    // Any case, anywhere in the name.
    for (const [name, word] of [
      ['github_auth_header', 'AUTH'],
      ['AWS_SECRET_ACCESS_KEY', 'SECRET'],
      ['Pypi_Password', 'PASSWORD'],
      ['DEPLOY_KEY', 'KEY'],
      ['GOOGLE_APPLICATION_CREDENTIALS', 'CREDENTIAL'],
      ['GH_PAT', 'PAT'],
    ]) {
      expect(errorOf('sandbox-env:', `  all: [${name}]`)).toContain(
        `sandbox-env.all[0]: "${name}" looks like a credential (its name contains ${word})`,
      );
    }
    expect(errorOf('sandbox-env:', '  all: [HOME]')).toBe(
      `${FILE}:2:9: sandbox-env.all[0]: "HOME" cannot be passed: HOME is always a scratch directory, so that ` +
        'nothing in your home directory is read or written; remove it',
    );
    expect(errorOf('sandbox-env:', '  all: ["A-B"]')).toBe(
      `${FILE}:2:9: sandbox-env.all[0]: expected an environment variable name (letters, digits and "_"), found "A-B"`,
    );
  });

  test('a read-only path that holds credentials, is relative or is the whole home is refused', () => {
    expect(errorOf('sandbox-paths:', '  all: [~/.npmrc]')).toBe(
      `${FILE}:2:9: sandbox-paths.all[0]: "~/.npmrc" looks like it holds credentials (\`.npmrc\` is a credential ` +
        'store), and commands never get credentials: remove it (credential stores stay hidden from every command, ' +
        'even inside a listed directory)',
    );
    expect(errorOf('sandbox-paths:', '  setup: [/home/ci/.ssh/known_hosts]')).toContain('`.ssh` is a credential store');
    expect(errorOf('sandbox-paths:', '  setup: [/etc/ssl/private/ca.pem]')).toContain('`private` contains "private"');
    expect(errorOf('sandbox-paths:', '  setup: [certs/ca.pem]')).toBe(
      `${FILE}:2:11: sandbox-paths.setup[0]: expected an absolute path or one starting with ~/, found "certs/ca.pem"`,
    );
    expect(errorOf('sandbox-paths:', '  all: [~/]')).toBe(
      `${FILE}:2:9: sandbox-paths.all[0]: "~/" would give commands the whole home directory: name the directories they need`,
    );
  });

  test('every problem is reported, in file order, one per line, with structured fields', () => {
    let caught: unknown;
    try {
      parseConfigText(
        ['review:', '  block-on: urgent', 'stages:', '  plan:', '    max-turns: 0', 'colour: blue'].join('\n'),
        'cfg.yml',
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.problems).toEqual([
      {
        file: 'cfg.yml',
        line: 2,
        column: 13,
        key: 'review.block-on',
        message: 'expected one of critical, high, medium, low, nit, found "urgent"',
      },
      {
        file: 'cfg.yml',
        line: 5,
        column: 16,
        key: 'stages.plan.max-turns',
        message: 'expected a positive integer, found 0',
      },
      {
        file: 'cfg.yml',
        line: 6,
        column: 1,
        key: 'colour',
        message:
          'unknown key; allowed keys: version, trigger, gates, models, prices, stages, setup, test-command, docs, review, sandbox, sandbox-env, sandbox-paths, protected-paths, budgets, publish, ci, monitor, limits',
      },
    ]);
    expect(error.message.split('\n')).toEqual([
      'cfg.yml:2:13: review.block-on: expected one of critical, high, medium, low, nit, found "urgent"',
      'cfg.yml:5:16: stages.plan.max-turns: expected a positive integer, found 0',
      'cfg.yml:6:1: colour: unknown key; allowed keys: version, trigger, gates, models, prices, stages, setup, test-command, docs, review, sandbox, sandbox-env, sandbox-paths, protected-paths, budgets, publish, ci, monitor, limits',
    ]);
  });
});

describe('defaults', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ensemble-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('the resolved defaults', () => {
    const config = defaultConfig();
    expect(config.version).toBe(1);
    expect(config.trigger).toEqual({ label: 'ensemble', 'allowed-bots': [], 'request-changes': true });
    expect(config.models).toEqual({
      default: 'anthropic:claude-sonnet-4-5',
      plan: 'anthropic:claude-sonnet-4-5',
      code: 'anthropic:claude-sonnet-4-5',
      test: 'anthropic:claude-sonnet-4-5',
      review: 'anthropic:claude-sonnet-4-5',
      docs: 'anthropic:claude-sonnet-4-5',
      fix: 'anthropic:claude-sonnet-4-5',
      'base-url': null,
    });
    expect(config.prices).toEqual({});
    expect(config.stages.plan).toEqual({
      enabled: true,
      instructions: '',
      'max-turns': 40,
      'timeout-minutes': 15,
      'max-tasks': 6,
    });
    expect(config.stages.test['max-fix-attempts']).toBe(2);
    expect(config.stages.fix['max-rounds']).toBe(2);
    for (const stage of ['code', 'test', 'review', 'docs', 'fix'] as const)
      expect(config.stages[stage].enabled).toBe(true);
    expect(config.setup).toEqual([]);
    expect(config['test-command']).toBeNull();
    expect(config.docs.paths).toEqual(['README.md', 'docs/**', 'CHANGELOG.md']);
    expect(config.review).toEqual({ lenses: ['correctness', 'tests', 'security'], 'block-on': 'high' });
    expect(config['protected-paths']).toEqual([...DEFAULT_PROTECTED_PATHS]);
    expect(config['protected-paths']).toEqual(expect.arrayContaining(['.github/workflows/**', '.github/actions/**']));
    expect(config.budgets.run).toEqual({ tokens: null, usd: null });
    expect(config.budgets.code).toEqual({ tokens: null, usd: null });
    expect(config.publish).toEqual({ draft: true, labels: [] });
    expect(config.limits).toEqual({ 'max-patch-bytes': 1_000_000, 'max-files': 300 });
  });

  test('a missing file means the defaults, and says it does not exist', async () => {
    const file = join(dir, 'missing', 'ensemble.yml');
    const loaded = await loadConfig(file);
    expect(loaded).toEqual({ config: defaultConfig(), file, exists: false, hash: configHash(defaultConfig()) });
  });

  test('an empty file, or one with only comments, means the defaults', async () => {
    const empty = join(dir, 'empty.yml');
    await writeFile(empty, '');
    const comments = join(dir, 'comments.yml');
    await writeFile(comments, '# nothing configured yet\n---\n');
    for (const file of [empty, comments]) {
      const loaded = await loadConfig(file);
      expect(loaded.exists).toBe(true);
      expect(loaded.config).toEqual(defaultConfig());
      expect(loaded.hash).toBe(configHash(defaultConfig()));
    }
  });

  test('partial sections keep the defaults of the keys left out', () => {
    const { config } = parseConfigText(
      'stages:\n  plan:\n    max-tasks: 3\nmodels:\n  default: openai:gpt-5\n  review: anthropic:claude-opus-4-1\n',
    );
    expect(config.stages.plan).toEqual({
      enabled: true,
      instructions: '',
      'max-turns': 40,
      'timeout-minutes': 15,
      'max-tasks': 3,
    });
    expect(config.stages.code).toEqual(defaultConfig().stages.code);
    expect(config.models.plan).toBe('openai:gpt-5');
    expect(config.models.review).toBe('anthropic:claude-opus-4-1');
  });

  test('a directory where the file belongs is an error, not the defaults', async () => {
    const file = join(dir, 'a-directory.yml');
    await mkdir(file);
    await expect(loadConfig(file)).rejects.toThrow(
      `${file}: cannot read the configuration: it is a directory, not a file`,
    );
  });

  test('sandbox-env and sandbox-paths: empty by default; names that only resemble a credential word pass', () => {
    expect(defaultConfig()['sandbox-env']).toEqual({ setup: [], all: [] });
    expect(defaultConfig()['sandbox-paths']).toEqual({ setup: [], all: [] });
    const { config } = parseConfigText(
      [
        'sandbox-env:',
        '  setup: [NPM_CONFIG_REGISTRY, PIP_INDEX_URL]',
        '  all: [GIT_AUTHOR_NAME, JAVA_HOME, PATHEXT]',
        'sandbox-paths:',
        '  setup: [/opt/certs]',
        '  all: [~/.sdkman/candidates, /usr/share/keyrings]',
      ].join('\n'),
    );
    expect(config['sandbox-env']).toEqual({
      setup: ['NPM_CONFIG_REGISTRY', 'PIP_INDEX_URL'],
      all: ['GIT_AUTHOR_NAME', 'JAVA_HOME', 'PATHEXT'],
    });
    expect(config['sandbox-paths']).toEqual({
      setup: ['/opt/certs'],
      all: ['~/.sdkman/candidates', '/usr/share/keyrings'],
    });
  });

  test('the parsed object keeps the kebab-case keys users write', () => {
    expect(EnsembleConfig.parse({ 'protected-paths': ['a/**'] })['protected-paths']).toEqual(['a/**']);
  });
});

describe('config hash', () => {
  test('the defaults have a fixed hash', () => {
    // Changing a default changes the hash of every repository without a file: update this on purpose only.
    expect(configHash(defaultConfig())).toBe('f5229951897e5bd202f7b000f6ecef40f937d7642b0559867efbc55744981a5f');
  });

  test('stable across key order, comments, quoting and spelled-out defaults', async () => {
    const full = await loadConfig(join(FIXTURES, 'full.yml'));
    const reordered = await loadConfig(join(FIXTURES, 'full-reordered.yml'));
    expect(full.config).toEqual(reordered.config);
    expect(full.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(reordered.hash).toBe(full.hash);
    expect(full.hash).not.toBe(configHash(defaultConfig()));
    expect(parseConfigText('review:\n  block-on: high\nversion: 1\n').hash).toBe(configHash(defaultConfig()));
  });

  test('changes when any value changes', () => {
    const base = parseConfigText('review:\n  lenses: [correctness, security]\n').hash;
    expect(parseConfigText('review:\n  lenses: [security, correctness]\n').hash).not.toBe(base);
    expect(
      parseConfigText('review:\n  lenses: [correctness, security]\nstages: {plan: {max-tasks: 7}}\n').hash,
    ).not.toBe(base);
    expect(parseConfigText('review:\n  lenses: [correctness, security]\n  block-on: critical\n').hash).not.toBe(base);
  });
});

describe('summary', () => {
  test('defaults', () => {
    const loaded = parseConfigText('');
    expect(summarizeConfig({ ...loaded, exists: false })).toBe(
      [
        'config: defaults (.github/ensemble.yml not found)',
        'trigger: label "ensemble"; bots allowed: none',
        'models:',
        '  plan    anthropic:claude-sonnet-4-5',
        '  code    anthropic:claude-sonnet-4-5',
        '  test    anthropic:claude-sonnet-4-5',
        '  review  anthropic:claude-sonnet-4-5',
        '  docs    anthropic:claude-sonnet-4-5',
        '  fix     anthropic:claude-sonnet-4-5',
        'stages: plan, code, test, review, docs, fix',
        'max tasks: 6',
        'setup: none',
        'test command: detected',
        'review: lenses correctness, tests, security; blocks on high or more severe',
        'fix: up to 2 rounds while the review blocks',
        `protected paths: ${DEFAULT_PROTECTED_PATHS.join(', ')}`,
        'budgets: unlimited',
        `hash: ${loaded.hash}`,
        '',
      ].join('\n'),
    );
  });

  test('a file that sets everything', async () => {
    const loaded = await loadConfig(join(FIXTURES, 'full.yml'));
    const summary = summarizeConfig(loaded);
    expect(summary).toContain(`config: ${join(FIXTURES, 'full.yml')}\n`);
    expect(summary).toContain('trigger: label "ai-build"; bots allowed: renovate[bot]\n');
    expect(summary).toContain('  review  openai:gpt-5\n');
    expect(summary).toContain('  docs    openai-compatible:qwen3:32b\n');
    expect(summary).toMatch(/ {2}fix {5}\S+\n {2}base URL: http:\/\/localhost:11434\/v1\n/);
    expect(summary).toContain('stages: plan, code, test, review, fix (disabled: docs)\n');
    expect(summary).toContain('review: lenses correctness, security; blocks on medium or more severe\n');
    expect(summary).toContain('protected paths: .github/workflows/**, secrets/**\n');
    // Its own list replaces the default one: validate names what that leaves unprotected.
    expect(summary).toContain(
      '  not protected, although protected by default (add them back unless you mean it): .github/actions/**, ',
    );
    expect(summary).toContain(', .npmrc, ');
    expect(summary).toContain(
      'sandbox: variables to every command: JAVA_HOME; variables to setup: NPM_CONFIG_REGISTRY; ' +
        'read-only paths to every command: ~/.sdkman/candidates; read-only paths to setup: /opt/certs\n',
    );
    expect(summary).toContain('budgets: run 2000000 tokens, $5.00; code $1.50\n');
    expect(summary).toContain(`hash: ${loaded.hash}\n`);
  });
});
