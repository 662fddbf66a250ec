/**
 * What the end-to-end tests of `ensemble run` share: a fresh copy of the demo repository as a git
 * checkout, git in it, and the real CLI (`main`) against a scripted model server, closed after
 * each test. `--json` output is checked against the run-result contract whenever there is one.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { main } from '../../src/cli.ts';
import { RunResult } from '../../src/contracts/run-result.ts';
import { DEMO_PROMPT, demoScript } from './demo-model.ts';
import { GIT_TEST_ENV } from './git-fixture.ts';
import { repoRoot } from './node24.ts';
import {
  type ScriptedModelServer,
  type ScriptedReply,
  type ScriptedRequest,
  startScriptedModel,
} from './scripted-model.ts';

export const GIT_ENV = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: tmpdir(), ...GIT_TEST_ENV };

export type Script = (request: ScriptedRequest) => ScriptedReply;

/** A copy of examples/demo-repo committed on `main` in a new temporary directory; `edit` changes it first. */
export function demoRepo(edit?: (dir: string) => void): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'ensemble-e2e-')), 'textkit');
  cpSync(join(repoRoot, 'examples/demo-repo'), dir, { recursive: true });
  edit?.(dir);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  return dir;
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
}

const servers: ScriptedModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** The CLI with `args`, its model the scripted server playing `script`. */
export async function ensemble(args: string[], script: Script, cwd = process.cwd(), path = GIT_ENV.PATH) {
  const server = await startScriptedModel(script);
  servers.push(server);
  let stdout = '';
  let stderr = '';
  const code = await main([...args, '--model', 'openai-compatible:scripted', '--base-url', server.baseUrlOpenAI], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd,
    env: { PATH: path },
  });
  return { code, stdout, stderr, server };
}

/** `ensemble run --json` on `repo` with the demo's request (unless `extra` names an issue file). */
export async function runJson(repo: string, script: Script, extra: string[] = []) {
  const result = await ensemble(
    [
      'run',
      '--repo',
      repo,
      '--json',
      ...(extra.some((a) => a === '--issue-file') ? [] : ['--prompt', DEMO_PROMPT]),
      ...extra,
    ],
    script,
  );
  const summary = result.stdout ? JSON.parse(result.stdout) : null;
  // What --json prints is the versioned run result, whatever the outcome.
  if (summary !== null) expect(RunResult.parse(summary)).toEqual(summary);
  return { ...result, summary };
}

export const artifact = (summary: { runDir: string }, name: string, file: string) =>
  join(summary.runDir, 'artifacts', name, file);
export const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** The demo script with some agents' replies replaced: `overrides` returns null to leave a request to the demo. */
export function withOverrides(overrides: (request: ScriptedRequest, turn: number) => ScriptedReply | null): Script {
  return (request) =>
    overrides(request, request.messages.filter((m) => m.role === 'assistant').length) ?? demoScript(request);
}

/** Whether npm can reach its registry from here (a detected setup installs from it). */
export function registryReachable(): boolean {
  try {
    execFileSync('npm', ['ping'], { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

/** The task id a coding agent's request is about (`(id <task>)` in its task text). */
export const taskOf = (request: ScriptedRequest) =>
  /\(id ([a-z0-9-]+)\)/.exec(request.messages.find((m) => m.role === 'user')?.text ?? '')?.[1];

/** Whether a request is a coding agent's. */
export const isCoder = (request: ScriptedRequest) => request.system.includes('You are a coding agent');
