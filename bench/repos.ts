/** Throw-away git repositories for the benchmarks: copies of examples/demo-repo and synthetic ones of N files. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Git isolated from the user's configuration, with a fixed identity (as test/support/git-fixture.ts
 * does). Also put into `process.env` by the bench, so that the pipeline's own git calls see it.
 */
export const GIT_ENV: Record<string, string> = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
  GIT_TERMINAL_PROMPT: '0',
};

const temps: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

export function cleanupTemps(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...GIT_ENV },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

function commitAll(dir: string, message: string): void {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}

/** A fresh committed copy of examples/demo-repo (the repository `npm run demo` works on). */
export function demoRepo(): string {
  const dir = join(tempDir('ensemble-bench-demo-'), 'textkit');
  cpSync(join(root, 'examples/demo-repo'), dir, { recursive: true });
  commitAll(dir, 'textkit 1.0.0');
  return dir;
}

const TOP = ['src', 'test', 'docs', 'packages', 'scripts', 'examples', 'tools', 'vendor'];
/** The extension of the files in a top-level folder; `ts` in any folder not listed. */
const EXTENSION: Record<string, string> = { docs: 'md', test: 'test.ts' };

/**
 * A committed repository of exactly `files` tracked files shaped like a real project: a README and
 * a package.json at the top, the rest spread over eight top-level folders, two to four levels deep,
 * at most 25 files a folder. The same `files` always gives the same tree.
 */
export function syntheticRepo(files: number): string {
  const dir = join(tempDir(`ensemble-bench-${files}-`), `repo-${files}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'README.md'),
    `# repo-${files}\n\nA synthetic repository of ${files} files for \`npm run bench\`.\n`,
  );
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: `repo-${files}`, version: '1.0.0', private: true }, null, 2)}\n`,
  );
  for (let i = 0; i < files - 2; i++) {
    const top = TOP[i % TOP.length]!;
    const n = Math.floor(i / TOP.length);
    const folder = Math.floor(n / 25);
    const depth = 1 + (folder % 3);
    const parts = [top];
    for (let d = 0; d < depth; d++)
      parts.push(`${['mod', 'lib', 'part'][d]}-${(folder >> (d * 2)) % 7}${d === depth - 1 ? `-${folder}` : ''}`);
    const ext = EXTENSION[top] ?? 'ts';
    const path = join(dir, ...parts, `file-${n}.${ext}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, ext === 'md' ? `# Note ${n}\n` : `export const value${n} = ${n};\n`);
  }
  commitAll(dir, `${files} files`);
  const tracked = git(dir, 'ls-files').split('\n').filter(Boolean).length;
  if (tracked !== files) throw new Error(`the synthetic repository has ${tracked} tracked files, expected ${files}`);
  return dir;
}
