/**
 * `ensemble run` on repositories without `.github/ensemble.yml` whose tests need their
 * dependencies installed: the setup is detected from the lockfile, runs once before any model
 * call, and every worktree gets what it installed. The npm-mocha case fetches mocha from the npm
 * registry (the setup has network, as on a user's machine); it is skipped when the registry
 * cannot be reached.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { main } from '../../src/cli.ts';
import { RunResult } from '../../src/contracts/run-result.ts';
import { formatSummary } from '../../src/runtime/local/cli-run.ts';
import { DEMO_PROMPT, demoScript } from '../support/demo-model.ts';
import { GIT_TEST_ENV } from '../support/git-fixture.ts';
import { registryReachable } from '../support/local-e2e.ts';
import { repoRoot } from '../support/node24.ts';
import { type ScriptedModelServer, type ScriptedRequest, startScriptedModel } from '../support/scripted-model.ts';

const GIT_ENV = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: tmpdir(), ...GIT_TEST_ENV };
const FIXTURE = join(repoRoot, 'test/fixtures/setup/npm-mocha');

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
}

/** The demo repository with mocha as a devDependency its test script needs, and npm's lockfile; no ensemble.yml. */
function mochaRepo(edit?: (dir: string) => void): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'ensemble-e2e-setup-')), 'textkit');
  cpSync(join(repoRoot, 'examples/demo-repo'), dir, { recursive: true });
  cpSync(join(FIXTURE, 'package.json'), join(dir, 'package.json'));
  cpSync(join(FIXTURE, 'package-lock.json'), join(dir, 'package-lock.json'));
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
  edit?.(dir);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  return dir;
}

const servers: ScriptedModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function run(repo: string, script: (request: ScriptedRequest) => ReturnType<typeof demoScript>) {
  const server = await startScriptedModel(script);
  servers.push(server);
  let stdout = '';
  let stderr = '';
  const code = await main(
    [
      'run',
      '--repo',
      repo,
      '--json',
      '--prompt',
      DEMO_PROMPT,
      '--model',
      'openai-compatible:scripted',
      '--base-url',
      server.baseUrlOpenAI,
    ],
    {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      cwd: process.cwd(),
      env: { PATH: GIT_ENV.PATH },
    },
  );
  const summary = stdout ? RunResult.parse(JSON.parse(stdout)) : null;
  return { code, stderr, summary, server };
}

describe('ensemble run without configuration installs what the lockfile names', () => {
  test.skipIf(!registryReachable())(
    'npm ci is detected, runs once before the plan, and the tests run with mocha installed: real counts',
    async () => {
      const repo = mochaRepo();
      const { code, summary, stderr, server } = await run(repo, demoScript);
      expect(server.problems).toEqual([]);
      expect(code, stderr).toBe(0);
      // Once for the run (two coding tasks, the test stage and its run at the base use the copy).
      expect(stderr.match(/setup: `npm ci/g), stderr).toHaveLength(1);
      expect(summary?.setup).toMatchObject({
        status: 'done',
        source: 'detected',
        reason: 'package-lock.json found',
        commands: ['npm ci --no-audit --no-fund'],
        testCommand: 'npm test',
        failure: null,
      });
      // Without the install, `mocha --version` in the test script exits 127 (`mocha: not found`).
      expect(summary?.test.status).toBe('passed');
      expect(summary?.test.failed).toBe(0);
      expect(summary?.test.passed).toBeGreaterThanOrEqual(5);
      const test = JSON.parse(readFileSync(join(summary!.runDir, 'artifacts/ensemble-test/test.json'), 'utf8'));
      expect(test.exitCode).toBe(0);
      expect(formatSummary(summary!)).toContain('setup:   `npm ci --no-audit --no-fund` (package-lock.json found)');
      // node_modules never reaches the branch, and the user's checkout stays as it was.
      expect(git(repo, 'ls-tree', '-r', '--name-only', summary!.branch!)).not.toContain('node_modules');
      expect(git(repo, 'status', '--porcelain')).toBe('');
    },
    240_000,
  );

  test('a setup that fails stops the run before any model call: the command, its exit and its output', async () => {
    // A lockfile npm cannot read: `npm ci` refuses it before fetching anything.
    const repo = mochaRepo((dir) => writeFileSync(join(dir, 'package-lock.json'), '{ "lockfileVersion": 3, '));
    const { code, summary, server } = await run(repo, demoScript);
    expect(server.requests).toHaveLength(0);
    expect(code).toBe(1);
    expect(summary).toMatchObject({ outcome: 'no-branch', branch: null });
    expect(summary?.setup).toMatchObject({
      status: 'failed',
      source: 'detected',
      reason: 'package-lock.json found',
      failure: { command: 'npm ci --no-audit --no-fund', exitCode: expect.any(Number), timedOut: false },
    });
    expect(summary?.setup.failure?.exitCode).not.toBe(0);
    expect(summary?.setup.failure?.output).toContain('npm error');
    expect(summary?.error).toContain('setup failed before any model call: `npm ci --no-audit --no-fund`');
    expect(summary?.error).toContain(`exited with ${summary?.setup.failure?.exitCode}`);
    // The advice names the key that replaces detection, never `test-command`.
    expect(summary?.error).toContain('Set `setup` in .github/ensemble.yml');
    expect(summary?.error).not.toContain('test-command');
    const printed = formatSummary(summary!);
    expect(printed).toContain(`FAILED: \`npm ci --no-audit --no-fund\` (exit ${summary?.setup.failure?.exitCode}`);
    expect(printed).toContain('npm error');
    expect(summary?.tasks).toEqual([]);
    expect(summary?.stages).toEqual([]);
  }, 120_000);
});
