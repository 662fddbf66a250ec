import { spawn } from 'node:child_process';
import { FIXED_HARDENING } from '../../workspace/git.ts';

/**
 * Options every read-only git call of the tools passes: the workspace's hardening (the
 * workspace's `.git/config` is writable by commands when bubblewrap is unavailable, so nothing
 * it sets may run a program), with paths printed as they are for the model to read.
 */
const HARDENING = [...FIXED_HARDENING, '-c', 'core.quotePath=false'];

export interface GitLines {
  code: number | null;
  /** The first `maxLines` lines of stdout. */
  lines: string[];
  /** Every line of stdout, kept or not. */
  total: number;
  stderr: string;
}

/**
 * Runs git in `cwd` (arguments passed directly, never through a shell) and splits stdout on
 * `separator`, keeping the first `maxLines` entries and counting the rest.
 */
export function runGitLines(
  cwd: string,
  args: string[],
  options: { maxLines: number; separator?: string; timeoutMs?: number },
): Promise<GitLines> {
  const separator = options.separator ?? '\n';
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...HARDENING, ...args], {
      cwd,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 60_000,
    });
    const lines: string[] = [];
    let total = 0;
    let pending = '';
    let stderr = '';
    const take = (line: string) => {
      total += 1;
      if (lines.length < options.maxLines) lines.push(line);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const parts = (pending + chunk).split(separator);
      pending = parts.pop() ?? '';
      for (const part of parts) take(part);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 10_000) stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => {
      if (pending !== '') take(pending);
      resolve({ code, lines, total, stderr: stderr.trim() });
    });
  });
}
