/**
 * Temporary git repositories for tests, made with the real git CLI and isolated from the
 * user's configuration (`GIT_CONFIG_GLOBAL=/dev/null`, `GIT_CONFIG_NOSYSTEM=1`, fixed identity).
 * Call `isolateGit()` once per test file so that code under test that inherits `process.env`
 * (the workspace module) is isolated the same way.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const GIT_TEST_ENV: Record<string, string> = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Committer',
  GIT_COMMITTER_EMAIL: 'committer@example.com',
  GIT_TERMINAL_PROMPT: '0',
  LC_ALL: 'C',
};

/** Puts the isolation variables into `process.env` (vitest runs each file in its own worker). */
export function isolateGit(): void {
  Object.assign(process.env, GIT_TEST_ENV);
}

const temps: string[] = [];

/** A fresh temporary directory (real path), removed by `cleanupTemps`. */
export function tempDir(prefix = 'ensemble-test-'): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  temps.push(dir);
  return dir;
}

export function cleanupTemps(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Runs git in `cwd` with the isolated environment; returns stdout (trailing newline kept). */
export function git(
  cwd: string,
  args: string[],
  options: { input?: string | Buffer; env?: Record<string, string> } = {},
): string {
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...GIT_TEST_ENV, ...options.env },
    input: options.input,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** `git(...)` with the output trimmed. */
export function gitText(
  cwd: string,
  args: string[],
  options: { input?: string | Buffer; env?: Record<string, string> } = {},
): string {
  return git(cwd, args, options).trim();
}

/** File contents by path; `null` deletes the file. */
export type FileTree = Record<string, string | Buffer | null>;

export function writeFiles(dir: string, files: FileTree): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    if (content === null) {
      unlinkSync(file);
      continue;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

export function readFile(dir: string, rel: string): string {
  return readFileSync(path.join(dir, rel), 'utf8');
}

export interface TestRepo {
  dir: string;
  /** Writes `files`, stages everything and commits; returns the new commit's SHA. */
  commit(files: FileTree, message?: string): string;
  git(...args: string[]): string;
  head(): string;
}

/** A new repository on branch `main` with one commit of `files` (default: a README). */
export function createRepo(files: FileTree = { 'README.md': '# test\n' }): TestRepo {
  const dir = tempDir('ensemble-repo-');
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  const repo: TestRepo = {
    dir,
    commit(tree, message = 'commit') {
      writeFiles(dir, tree);
      git(dir, ['add', '--all']);
      git(dir, ['commit', '--quiet', '--allow-empty', '-m', message]);
      return repo.head();
    },
    git: (...args) => gitText(dir, args),
    head: () => gitText(dir, ['rev-parse', 'HEAD']),
  };
  repo.commit(files, 'initial');
  return repo;
}

/** Every byte value once: a file git treats as binary. */
export function allBytes(): Buffer {
  return Buffer.from(Array.from({ length: 256 }, (_, i) => i));
}
