import { filesAfterChanges, type PatchResult } from '../../workspace/index.ts';
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
 * `.venv` a detected Python setup makes); null when neither. `integrated`: the change the worktree
 * holds as integrated, when nothing else wrote it; its files are then the base checkout's with
 * the change made, known without listing the worktree.
 */
export async function testCommandFor(
  session: TestSession,
  integrated: Pick<PatchResult, 'changes'> | null,
): Promise<TestCommand | null> {
  const { baseFiles } = session.ctx;
  const files = integrated && baseFiles ? filesAfterChanges(baseFiles, integrated.changes) : undefined;
  const { test } = await environmentChoice(session.ctx, session.dir, files);
  if (test.command === null) return null;
  return { command: test.command, source: test.reason, configured: test.source === 'configuration' };
}
