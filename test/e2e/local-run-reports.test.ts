/**
 * `ensemble run` on a real repository with the scripted model: what integration, the tests and the
 * setup commands report, and what the CLI refuses (split from local-run.test.ts, so that the two
 * halves run on both workers).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readTranscript } from '../../src/agent/transcript.ts';
import { main } from '../../src/cli.ts';
import { formatSummary } from '../../src/runtime/local/cli-run.ts';
import { demoScript } from '../support/demo-model.ts';
import {
  artifact,
  demoRepo,
  ensemble,
  GIT_ENV,
  git,
  isCoder,
  readJson,
  runJson,
  taskOf,
  withOverrides,
} from '../support/local-e2e.ts';
import { requireSandboxForTests } from '../support/sandbox-required.ts';

describe('integration and tests, reported', () => {
  requireSandboxForTests('whole runs of `ensemble run`');
  test('two tasks whose patches conflict: the second is reported with the file, the first is on the branch', async () => {
    const repo = demoRepo();
    const script = withOverrides((request, turn) => {
      if (!isCoder(request) || taskOf(request) !== 'slugify-max-length' || turn !== 3) return null;
      // Besides its own files, this agent also rewrites the line the other task changes.
      return {
        toolCalls: [
          {
            name: 'edit_file',
            args: {
              path: 'src/index.js',
              old_string: "export { countWords } from './count.js';",
              new_string: "export { countWords as wordCount } from './count.js';",
            },
          },
        ],
      };
    });
    const { code, summary } = await runJson(repo, script);
    expect(code).toBe(3);
    expect(summary.outcome).toBe('not-green');
    expect(summary.tasks[1]).toMatchObject({
      id: 'count-sentences',
      status: 'done',
      result: 'not-integrated',
      integration: 'conflicted',
      conflictingFiles: ['src/index.js'],
    });
    expect(formatSummary(summary)).toMatch(
      /^ {2}count-sentences +not-integrated +its patch conflicts in src\/index\.js$/m,
    );
    const test = readJson(artifact(summary, 'ensemble-test', 'test.json'));
    expect(test.integration).toEqual([
      expect.objectContaining({ taskId: 'slugify-max-length', result: 'applied' }),
      expect.objectContaining({ taskId: 'count-sentences', result: 'conflicted', conflictingFiles: ['src/index.js'] }),
    ]);
    expect(readFileSync(summary.prFile, 'utf8')).toMatch(/count-sentences[^\n]*conflicted/);
  });

  test('a change that breaks a passing test is reported as introduced; a test failing at the base as already failing', async () => {
    const repo = demoRepo((dir) => {
      writeFileSync(
        join(dir, 'test/flaky.test.js'),
        "import assert from 'node:assert/strict';\nimport { test } from 'node:test';\n\ntest('already broken at the base', () => {\n  assert.equal(1, 2);\n});\n",
      );
    });
    const script = withOverrides((request, turn) => {
      if (!isCoder(request) || taskOf(request) !== 'slugify-max-length' || turn !== 1) return null;
      return {
        toolCalls: [
          {
            name: 'write_file',
            args: {
              path: 'src/slugify.js',
              content: 'export function slugify(text) {\n  return text.toUpperCase();\n}\n',
            },
          },
        ],
      };
    });
    const { code, summary } = await runJson(repo, script);
    expect(code).toBe(3);
    expect(summary.test).toMatchObject({ status: 'failed', atBase: ['already broken at the base'] });
    expect(summary.test.introduced).toContain('slugify lowercases and joins words with dashes');
    expect(summary.problems[0]).toMatch(/^tests failed: \d+ passed, \d+ failed/);
    expect(summary.verdict).toMatch(/^NOT GREEN \(exit 3\): branch ensemble\/\S+ made, but/);
    // The table says so too: the test row is "failed", not "done", and the last line is the verdict.
    const table = formatSummary(summary);
    expect(table).toMatch(/^test +failed /m);
    expect(table).toContain('failing at the base already: already broken at the base');
    expect(table.trimEnd().split('\n').at(-1)).toBe(summary.verdict);
    const test = readJson(artifact(summary, 'ensemble-test', 'test.json'));
    expect(test.status).toBe('failed');
    const byName = Object.fromEntries(
      test.failures.map((f: { name: string; atBase: boolean | null }) => [f.name, f.atBase]),
    );
    expect(byName['already broken at the base']).toBe(true);
    expect(byName['slugify lowercases and joins words with dashes']).toBe(false);
    expect(readFileSync(summary.prFile, 'utf8')).toContain('failed');
  });

  test('a test command that does not exist gives a clear report, not a crash', async () => {
    const repo = demoRepo((dir) => {
      execFileSync('mkdir', ['-p', join(dir, '.github')]);
      writeFileSync(join(dir, '.github/ensemble.yml'), 'test-command: run-the-tests-please\n');
    });
    const { code, summary } = await runJson(repo, demoScript);
    expect(code).toBe(3);
    expect(summary.test.status).toBe('error');
    const test = readJson(artifact(summary, 'ensemble-test', 'test.json'));
    expect(test).toMatchObject({ status: 'error', command: 'run-the-tests-please', exitCode: 127 });
    expect(test.summary).toMatch(/run-the-tests-please/);
    expect(test.summary).toMatch(/not found|does not exist|could not run/i);
  });
});

describe('setup commands', () => {
  requireSandboxForTests('whole runs of `ensemble run`');
  test('run once before the agents, with what they install given to each agent and kept out of the change', async () => {
    const repo = demoRepo((dir) => {
      execFileSync('mkdir', ['-p', join(dir, '.github')]);
      writeFileSync(join(dir, '.gitignore'), '.deps/\n');
      writeFileSync(
        join(dir, '.github/ensemble.yml'),
        'setup:\n  - mkdir -p .deps && echo installed > .deps/marker && echo stray > stray.txt\n',
      );
    });
    const script = withOverrides((request, turn) =>
      isCoder(request) && taskOf(request) === 'count-sentences' && turn === 0
        ? { toolCalls: [{ name: 'run_command', args: { command: 'cat .deps/marker; ls' } }] }
        : null,
    );
    const { code, summary } = await runJson(repo, (request) => {
      // The overridden first turn shifts the demo script by one for this agent.
      if (isCoder(request) && taskOf(request) === 'count-sentences') {
        const turn = request.messages.filter((m) => m.role === 'assistant').length;
        if (turn > 0) return demoScript({ ...request, messages: request.messages.slice(2) });
      }
      return script(request);
    });
    expect(code).toBe(0);
    const calls = readTranscript(artifact(summary, 'ensemble-code-count-sentences', 'transcript.jsonl')).filter(
      (e) => e.type === 'call',
    );
    const first = calls[0]?.type === 'call' ? calls[0].toolResults[0]?.output : '';
    expect(first).toContain('installed');
    expect(first).not.toContain('stray.txt');
    expect(git(repo, 'ls-tree', '-r', '--name-only', summary.branch)).not.toContain('stray.txt');
  });

  test('a failing setup command stops the run before any model call, and says why', async () => {
    const repo = demoRepo((dir) => {
      execFileSync('mkdir', ['-p', join(dir, '.github')]);
      writeFileSync(join(dir, '.github/ensemble.yml'), 'setup:\n  - echo cannot install >&2; exit 3\n');
    });
    const { code, summary, server } = await runJson(repo, demoScript);
    expect(code).toBe(1);
    expect(summary).toMatchObject({ outcome: 'no-branch', exitCode: 1, branch: null });
    expect(summary.verdict).toMatch(
      /^FAILED \(exit 1\): no branch: setup failed before any model call: `echo cannot install >&2; exit 3`/,
    );
    expect(summary.verdict).toContain('exited with 3');
    expect(summary.verdict).toContain('Fix the `setup` commands in .github/ensemble.yml');
    expect(summary.setup).toMatchObject({
      status: 'failed',
      source: 'configuration',
      failure: { command: 'echo cannot install >&2; exit 3', exitCode: 3, output: 'cannot install' },
    });
    expect(summary.test.status).toBe('not-run');
    expect(summary.tasks).toEqual([]);
    // Nothing was spent: no plan, no agent.
    expect(server.requests).toHaveLength(0);
  });
});

describe('ensemble run refuses', () => {
  test('a dirty repository', async () => {
    const repo = demoRepo();
    writeFileSync(join(repo, 'README.md'), 'changed\n');
    const { code, stderr } = await ensemble(['run', '--repo', repo, '--prompt', 'x'], demoScript);
    expect(code).toBe(1);
    expect(stderr).toMatch(/README\.md/);
  });

  test('a directory that is not a git repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ensemble-nogit-'));
    const { code, stderr } = await ensemble(['run', '--repo', dir, '--prompt', 'x'], demoScript);
    expect(code).toBe(1);
    expect(stderr).toMatch(/not a git repository/i);
  });

  test('a missing model key', async () => {
    const repo = demoRepo();
    let stderr = '';
    const code = await main(['run', '--repo', repo, '--prompt', 'x', '--model', 'anthropic:claude-sonnet-4-5'], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (stderr += t) },
      cwd: resolve(repo),
      env: { PATH: GIT_ENV.PATH },
    });
    expect(code).toBe(1);
    expect(stderr).toContain(
      'no API key for anthropic: pass the api-key input (CLI: --api-key), or set ENSEMBLE_API_KEY or ANTHROPIC_API_KEY',
    );
  });

  test('an unknown stage', async () => {
    const { code, stderr } = await ensemble(['stage', 'deploy', '--run', '.'], demoScript);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown stage "deploy"; choose one of plan, code, test, review, docs, fix, publish');
  });
});
