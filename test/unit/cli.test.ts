import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { main } from '../../src/cli.ts';
import { ConfigError } from '../../src/config/errors.ts';
import { ModelConfigError } from '../../src/model/errors.ts';

async function cli(args: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd,
    env: {},
  });
  return { code, stdout, stderr };
}

function repoWithConfig(text: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'ensemble-cli-'));
  if (text !== null) {
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github/ensemble.yml'), text);
  }
  return dir;
}

describe('ensemble --help', () => {
  test('lists every command', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    for (const command of ['run', 'stage', 'validate', 'schema', 'help'])
      expect(stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
  });

  test('with no arguments prints the same help', async () => {
    expect((await cli([])).stdout).toBe((await cli(['--help'])).stdout);
  });

  test('per command', async () => {
    const { code, stdout } = await cli(['validate', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: ensemble validate [--config FILE] [--repo DIR]');
    expect((await cli(['help', 'schema'])).stdout).toContain('Usage: ensemble schema');
  });

  test('says what the exit codes of ensemble run mean', async () => {
    expect((await cli(['--help'])).stdout).toContain(
      'Exit codes of `ensemble run`: 0 green, 1 no branch, 2 usage error, 3 not green, 4 waiting.',
    );
    const { stdout } = await cli(['run', '--help']);
    expect(stdout).toMatch(/^Exit codes:\n {2}0 {2}green: a branch was made and nothing needs a look/m);
    expect(stdout).toMatch(/^ {2}3 {2}not green: the run finished .*\n.*failing tests/m);
    expect(stdout).toMatch(/^ {2}4 {2}waiting: the run waits for a person and nothing was coded/m);
  });

  test('ensemble run --help explains the gates: --answers, --approve and the prompt', async () => {
    const { stdout } = await cli(['run', '--help']);
    expect(stdout).toContain('[--answers FILE] [--approve] [--json]');
    expect(stdout).toMatch(/^ {2}--answers FILE +answers to the planning agent's questions, given ahead/m);
    expect(stdout).toMatch(/^ {2}--approve +approve the plan ahead/m);
    expect(stdout).toContain('Approve this plan? [y]es, [r]evise, [s]top');
  });
});

describe('ensemble run --answers FILE is checked before the run starts', () => {
  const run = async (name: string, text: string | null) => {
    const dir = mkdtempSync(join(tmpdir(), 'ensemble-cli-answers-'));
    if (text !== null) writeFileSync(join(dir, name), text);
    // No git checkout and no model key: only a run that got past the answers file would say so.
    return cli(['run', '--prompt', 'Add a flag', '--answers', name, '--json'], dir);
  };

  test.each([
    ['missing.yml', null, /^ensemble: --answers: cannot read missing\.yml: ENOENT/],
    ['empty.txt', '\n', /^ensemble: --answers: empty\.txt is empty: write the answers in it/],
    [
      'count.yml',
      'page-size: 50\n',
      /^ensemble: --answers: count\.yml: the answer to "page-size" is a number, not text/,
    ],
    ['list.json', '["50"]', /^ensemble: --answers: list\.json must be a JSON mapping of question id to answer text/],
    ['blank.yaml', 'page-size: ""\n', /^ensemble: --answers: blank\.yaml answers nothing/],
  ])('%s: exit 2, the file named', async (name, text, message) => {
    const { code, stderr, stdout } = await run(name, text);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });

  test('--answers with no file name is a usage error', async () => {
    const { code, stderr } = await cli(['run', '--prompt', 'x', '--answers', '']);
    expect(code).toBe(2);
    expect(stderr).toContain('--answers: give the file with the answers');
  });
});

describe('usage errors exit 2 with a hint', () => {
  test('unknown command suggests the closest', async () => {
    const { code, stderr } = await cli(['valdate']);
    expect(code).toBe(2);
    expect(stderr).toContain('ensemble: unknown command "valdate"; did you mean "ensemble validate"?');
  });

  test('unknown command with nothing close lists the commands', async () => {
    const { code, stderr } = await cli(['deploy']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "deploy"\nCommands: run, stage, fix, validate, schema, help.');
  });

  test('unknown flag suggests the closest', async () => {
    const { code, stderr } = await cli(['validate', '--confg', 'x.yml']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown option "--confg"; did you mean "--config"?');
    expect(stderr).toContain('Usage: ensemble validate');
  });

  test('unexpected positional argument', async () => {
    const { code, stderr } = await cli(['validate', 'extra']);
    expect(code).toBe(2);
    expect(stderr).toContain('unexpected argument "extra"');
  });

  test('a flag that needs a value', async () => {
    const { code, stderr } = await cli(['validate', '--config']);
    expect(code).toBe(2);
    expect(stderr).toContain('--config');
  });
});

describe('ensemble schema', () => {
  test('lists the schemas', async () => {
    const { code, stdout } = await cli(['schema']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Schemas: plan, task, test, review, docs, fix, follow-up, checkpoint, publish, config, run-result',
    );
  });

  test('prints one as JSON Schema', async () => {
    const { code, stdout } = await cli(['schema', 'review']);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.$id).toBe('https://ensemble.dev/schemas/review.schema.json');
    expect(schema.properties.verdict.enum).toEqual(['approve', 'comment', 'request-changes']);
  });

  test('an unknown name is a usage error with a suggestion', async () => {
    const { code, stderr } = await cli(['schema', 'plans']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown schema "plans" (did you mean "plan"?)');
  });
});

describe('ensemble validate', () => {
  test('a repository without a configuration file resolves to the defaults', async () => {
    const { code, stdout } = await cli(['validate', '--repo', repoWithConfig(null)]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/defaults/i);
  });

  test('a valid file prints the resolved configuration', async () => {
    const dir = repoWithConfig('review:\n  block-on: medium\n');
    const { code, stdout } = await cli(['validate'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('medium');
  });

  test('says which setup and which test command a run uses, and why', async () => {
    const dir = repoWithConfig(null);
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ scripts: { test: 'mocha' }, devDependencies: { mocha: '^10' } }),
    );
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: {} }));
    const { code, stdout } = await cli(['validate', '--repo', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('setup a run uses: `npm ci --no-audit --no-fund` (detected: package-lock.json found)');
    expect(stdout).toContain('test command a run uses: `npm test` (detected: package.json scripts.test)');

    writeFileSync(join(dir, 'go.mod'), 'module x\n');
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github/ensemble.yml'), 'setup:\n  - make vendor\n');
    const configured = await cli(['validate', '--repo', dir]);
    expect(configured.stdout).toContain('setup a run uses: `make vendor` (`setup` in the configuration)');
    expect(configured.stdout).toContain(
      '(detection, replaced by `setup`, would have used: package-lock.json found; go.mod found)',
    );
  });

  test('a configuration file named with --config must exist', async () => {
    const { code, stderr } = await cli(['validate', '--config', 'missing.yml'], repoWithConfig(null));
    expect(code).toBe(1);
    expect(stderr).toBe('ensemble: configuration file missing.yml not found\n');
  });

  test('a bad file exits 1 with errors positioned relative to the current directory', async () => {
    const dir = repoWithConfig('stages:\n  plan:\n    max-turns: ten\n');
    const { code, stderr } = await cli(['validate'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^\.github\/ensemble\.yml:3:16: stages\.plan\.max-turns: /);
  });

  test('a bad file exits 1 with positioned errors', async () => {
    const dir = repoWithConfig('review:\n  block-on: severe\nprotected-pathz: []\n');
    const { code, stderr } = await cli(['validate', '--repo', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/ensemble\.yml:2:\d+: review\.block-on: /);
    expect(stderr).toMatch(/ensemble\.yml:3:1: protected-pathz: .*protected-paths/);
  });
});

describe('failures are told apart by type: user errors versus bugs', () => {
  /** Runs `ensemble run --prompt x` with the command itself throwing `error`. */
  async function runThrowing(error: unknown) {
    vi.doMock('../../src/runtime/local/cli-run.ts', () => ({ runCommand: () => Promise.reject(error) }));
    try {
      return await cli(['run', '--prompt', 'x']);
    } finally {
      vi.doUnmock('../../src/runtime/local/cli-run.ts');
    }
  }

  test('a user error exits 1 with its message alone', async () => {
    const message = 'unknown provider "gemini"';
    const problem = { file: '.github/ensemble.yml', line: 2, column: 3, key: 'model', message };
    expect(await runThrowing(new ConfigError([problem]))).toEqual({
      code: 1,
      stdout: '',
      stderr: 'ensemble: .github/ensemble.yml:2:3: model: unknown provider "gemini"\n',
    });
    const noKey = new ModelConfigError('anthropic', 'no API key for anthropic');
    expect((await runThrowing(noKey)).stderr).toBe('ensemble: no API key for anthropic\n');
  });

  test('an unexpected error is a bug: exit 1, its message and a note asking to report it', async () => {
    const { code, stderr } = await runThrowing(new TypeError("Cannot read properties of undefined (reading 'tasks')"));
    expect(code).toBe(1);
    expect(stderr).toBe(
      "ensemble: Cannot read properties of undefined (reading 'tasks')\n" +
        'This error was not expected. Unless the message says what to fix, it is a bug in ensemble: ' +
        'please report it, with the command you ran.\n',
    );
    const thrownText = await runThrowing('a string, not an Error');
    expect(thrownText.stderr).toMatch(/^ensemble: a string, not an Error\nThis error was not expected/);
  });
});
