import { listWorktreeFiles } from '../../workspace/files.ts';
import { readSmallFile } from './files.ts';
import { detectTestCommand } from './runner-output.ts';
import type { TestSession } from './session.ts';

/** The command that runs the repository's tests, and where it came from (for the report). */
export interface TestCommand {
  command: string;
  /** "`test-command` in the configuration", "package.json scripts.test", … */
  source: string;
}

/** The configured `test-command`, else one detected from the integrated worktree's files; null when neither. */
export async function testCommandFor(session: TestSession): Promise<TestCommand | null> {
  const configured = session.ctx.config['test-command'];
  if (configured) return { command: configured, source: '`test-command` in the configuration' };
  return detectTestCommand(await listWorktreeFiles(session.dir), (p) => readSmallFile(session.dir, p));
}
