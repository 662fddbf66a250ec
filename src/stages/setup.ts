import { runSandboxed } from '../agent/sandbox.ts';
import { formatTimeLimit, normaliseOutput, tail } from '../util/text.ts';
import { restoringWorktree } from '../workspace/index.ts';
import type { StageContext } from './context.ts';

/**
 * Runs the configuration's `setup` commands (dependency installs) in a worktree before an agent
 * starts: in the sandbox with the clean environment, but with network access, because
 * installing needs it. What they write outside ignored paths (node_modules and the like stay) is
 * undone, so it never becomes part of a change. Returns null when every command succeeded, else
 * why not, with the tail of the output.
 */
export async function runSetupCommands(
  ctx: Pick<StageContext, 'config' | 'commands'>,
  dir: string,
  options: { timeoutMs: number; scratchDir?: string; progress?: (message: string) => void },
): Promise<string | null> {
  const setup = ctx.config.setup;
  if (setup.length === 0) return null;
  return restoringWorktree(dir, async () => {
    for (const command of setup) {
      options.progress?.(`setup: \`${command}\``);
      const result = await runSandboxed({
        command,
        cwd: dir,
        timeoutMs: options.timeoutMs,
        maxOutputBytes: 200_000,
        network: true,
        ...(options.scratchDir ? { scratchDir: options.scratchDir } : {}),
        ...(ctx.commands.isolation ? { isolation: ctx.commands.isolation } : {}),
        ...(ctx.commands.log ? { log: ctx.commands.log } : {}),
        ...(ctx.commands.passThrough ? { passThrough: ctx.commands.passThrough } : {}),
      });
      if (result.exitCode !== 0) {
        const how = result.timedOut
          ? `did not finish within ${formatTimeLimit(options.timeoutMs)}`
          : `exited with ${result.exitCode ?? result.signal}`;
        return `The setup command \`${command}\` ${how}:\n${tail(normaliseOutput(result.output, [dir]), 1_500)}`;
      }
    }
    return null;
  });
}
