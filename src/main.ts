// The bundle's only static entry: everything else is loaded on demand, so that each action's
// cold start pays only for the modules its stage uses.
import type { ActionEntry } from './runtime/actions/entries.ts';

export async function runAction(entry: ActionEntry): Promise<void> {
  const { runActionEntry } = await import('./runtime/actions/run.ts');
  await runActionEntry(entry);
}

export async function runCli(argv: string[]): Promise<number> {
  const { main } = await import('./cli.ts');
  return main(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    // Opened only when a person at a terminal is asked something.
    get stdin() {
      return process.stdin;
    },
    cwd: process.cwd(),
    env: process.env,
  });
}
