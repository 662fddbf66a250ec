import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { interruptedMessage } from '../../src/runtime/local/cli-run.ts';
import { DEMO_PROMPT, demoScript } from '../support/demo-model.ts';
import { GIT_TEST_ENV } from '../support/git-fixture.ts';
import { node24, repoRoot } from '../support/node24.ts';
import { type ScriptedModelServer, type ScriptedRequest, startScriptedModel } from '../support/scripted-model.ts';

const GIT_ENV = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: tmpdir(), ...GIT_TEST_ENV };
const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' });

let server: ScriptedModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function demoRepo(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'ensemble-e2e-')), 'textkit');
  cpSync(join(repoRoot, 'examples/demo-repo'), dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  return dir;
}

const worktrees = (repo: string) => git(repo, 'worktree', 'list', '--porcelain').match(/^worktree /gm)?.length ?? 0;

/** `ensemble run` of the demo from the built CLI, its model `server`. */
function runCli(repo: string, model: ScriptedModelServer) {
  return spawn(
    node24(),
    [
      join(repoRoot, 'dist/cli.js'),
      'run',
      '--repo',
      repo,
      '--prompt',
      DEMO_PROMPT,
      '--model',
      'openai-compatible:scripted',
      '--base-url',
      model.baseUrlOpenAI,
    ],
    { env: GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

test('Ctrl-C during ensemble run removes the worktrees it made, keeps the run directory and says how to go on', async () => {
  const repo = demoRepo();
  // The coding agents never answer: the run is interrupted while their worktrees exist.
  server = await startScriptedModel((request: ScriptedRequest) => {
    const reply = demoScript(request);
    return request.system.includes('You are a coding agent') ? { ...reply, delayMs: 600_000 } : reply;
  });
  const child = runCli(repo, server);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

  // The run's base worktree and both coding agents' exist, besides the repository's own checkout.
  const deadline = Date.now() + 60_000;
  while (worktrees(repo) < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(worktrees(repo)).toBe(4);
  child.kill('SIGINT');
  const code = await exited;

  expect(code).toBe(130);
  expect(worktrees(repo), `${git(repo, 'worktree', 'list')}\n${stderr}`).toBe(1);
  expect(git(repo, 'status', '--porcelain')).toBe('');
  expect(stderr).toContain('ensemble: interrupted (SIGINT): removed the 3 worktrees the run had made');
  const kept = /The run directory is kept, with every artifact made so far: (\S+)/.exec(stderr)?.[1];
  expect(kept).toBeDefined();
  expect(existsSync(join(kept!, 'artifacts', 'ensemble-plan', 'plan.json'))).toBe(true);
  expect(stderr).toContain(`Continue with: ensemble stage code --task slugify-max-length --run ${kept}`);
}, 120_000);

test('a run killed outright leaves its worktrees; the next run removes them and says so', async () => {
  const repo = demoRepo();
  server = await startScriptedModel((request: ScriptedRequest) => {
    const reply = demoScript(request);
    return request.system.includes('You are a coding agent') ? { ...reply, delayMs: 600_000 } : reply;
  });
  const killed = runCli(repo, server);
  killed.stdout.resume();
  killed.stderr.resume();
  const gone = new Promise((resolve) => killed.on('close', resolve));
  const deadline = Date.now() + 60_000;
  while (worktrees(repo) < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(worktrees(repo)).toBe(4);
  // SIGKILL: no handler, no `finally`; the worktrees stay registered in the user's repository.
  killed.kill('SIGKILL');
  await gone;
  const left = git(repo, 'worktree', 'list', '--porcelain')
    .split('\n')
    .filter((l) => l.startsWith('worktree ') && !l.endsWith('/textkit'))
    .map((l) => l.slice('worktree '.length));
  expect(left).toHaveLength(3);

  await server.close();
  server = await startScriptedModel(demoScript);
  const next = runCli(repo, server);
  let said = '';
  next.stdout.on('data', (d: Buffer) => {
    said += d.toString();
  });
  next.stderr.on('data', (d: Buffer) => {
    said += d.toString();
  });
  const code = await new Promise<number | null>((resolve) => next.on('close', resolve));
  expect(code, said).toBe(0);
  for (const dir of left) {
    expect(said).toContain(`removed the worktree ${dir}, left by an ensemble run that was killed`);
    expect(existsSync(dir)).toBe(false);
  }
  expect(worktrees(repo)).toBe(1);
}, 180_000);

test('interrupted before a plan, the message says to start again', () => {
  expect(interruptedMessage('SIGTERM', null, 0)).toBe(
    '\nensemble: interrupted (SIGTERM): removed the 0 worktrees the run had made; nothing was published.\n',
  );
  const dir = mkdtempSync(join(tmpdir(), 'ensemble-empty-run-'));
  expect(interruptedMessage('SIGINT', dir, 1)).toContain('Start again with ensemble run: the run had not planned yet.');
});
