import { environmentChoice } from '../setup.ts';
import type { TestSession } from './session.ts';

/** The command that runs the repository's tests, and where it came from (for the report). */
export interface TestCommand {
  command: string;
  /** "`test-command` in the configuration", "package.json scripts.test", … */
  source: string;
  /** Whether the configuration named it, or it was detected. */
  configured?: boolean;
}

/**
 * The configured `test-command`, else one detected from the integrated worktree's files (with the
 * `.venv` a detected Python setup makes); null when neither.
 */
export async function testCommandFor(session: TestSession): Promise<TestCommand | null> {
  const { test } = await environmentChoice(session.ctx, session.dir);
  if (test.command === null) return null;
  return { command: test.command, source: test.reason, configured: test.source === 'configuration' };
}
