import { stat } from 'node:fs/promises';
import { z } from 'zod';
import { resolveInWorkspace, toWorkspacePath } from '../paths.ts';
import { runSandboxed } from '../sandbox.ts';
import { defineTool } from './types.ts';

export const DEFAULT_COMMAND_TIMEOUT_MS = 10 * 60_000;
export const DEFAULT_COMMAND_OUTPUT_BYTES = 20_000;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

export const runCommandTool = defineTool({
  name: 'run_command',
  description:
    'Run a shell command (/bin/sh -c) in the repository, e.g. to build or run tests. ' +
    'It runs in a sandbox: no network, no credentials, a clean environment (PATH, HOME, LANG, CI=true), ' +
    'only the repository is writable (and not its .git directory), and it is killed with all its child ' +
    'processes at the timeout. Returns the exit code and the combined output; long output keeps its ' +
    'beginning and end. Do not start servers or watchers that never exit.',
  inputSchema: z.strictObject({
    command: z.string().trim().min(1).max(10_000).describe('The shell command'),
    cwd: z.string().optional().describe('Directory to run in, relative to the repository root (default: the root)'),
    timeout_seconds: z
      .number()
      .positive()
      .optional()
      .describe('Kill the command after this many seconds (default and maximum: the stage limit)'),
  }),
  async execute(input, ctx) {
    const root = resolveInWorkspace(ctx.workspace, '.');
    const cwd = input.cwd === undefined ? root : resolveInWorkspace(ctx.workspace, input.cwd, { mustExist: true });
    if (!(await stat(cwd)).isDirectory())
      throw new Error(`cwd ${toWorkspacePath(ctx.workspace, cwd)} is not a directory`);
    const limit = ctx.command.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    const timeoutMs =
      input.timeout_seconds === undefined ? limit : Math.min(limit, Math.ceil(input.timeout_seconds * 1000));

    const result = await runSandboxed({
      command: input.command,
      cwd,
      workspace: root,
      timeoutMs,
      maxOutputBytes: ctx.command.maxOutputBytes ?? DEFAULT_COMMAND_OUTPUT_BYTES,
      scratchDir: ctx.command.scratchDir,
      log: ctx.command.log,
      isolation: ctx.command.isolation,
      abortSignal: ctx.command.abortSignal,
      passThrough: ctx.command.passThrough,
    });
    ctx.commands.push({ command: input.command, exitCode: result.exitCode });

    let status: string;
    if (result.timedOut)
      status = `timed out after ${seconds(timeoutMs)}: the command and its child processes were killed`;
    else if (result.exitCode === null)
      status = `killed by ${result.signal ?? 'a signal'} after ${seconds(result.durationMs)}`;
    else status = `exit code ${result.exitCode} (${seconds(result.durationMs)})`;
    const output = result.output.trimEnd();
    return [status, output === '' ? '(no output)' : output].join('\n');
  },
});
