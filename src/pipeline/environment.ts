/**
 * The run's dependency install, before any model call: a setup that fails stops the run while
 * nothing has been spent, and says which command failed, how, and its last lines.
 */
import { type SetupReport, setupAdvice } from '../stages/setup.ts';
import type { StageSession } from './session.ts';

/** The setup's report, or null when the session has no environment (a context built by hand). */
export async function prepareEnvironment(session: StageSession): Promise<SetupReport | null> {
  const environment = session.ctx.environment;
  if (!environment) return null;
  const report = await environment.prepare();
  const { reporter } = session.ctx;
  if (report.status === 'done') reporter.info(`setup: installed (${report.choice.reason})`);
  if (report.status === 'none') reporter.info(`setup: nothing to install (${report.choice.reason})`);
  return report;
}

/** Why the run stopped, for the terminal and `--json`'s `error`: the command, its exit, its last lines. */
export function setupStopMessage(report: SetupReport): string {
  const failure = report.failure;
  if (!failure) return '';
  const from =
    report.choice.source === 'detected' ? `detected: ${report.choice.reason}` : '`setup` in the configuration';
  return (
    `setup failed before any model call: \`${failure.command}\` (${from}) ${failure.how}. ` +
    `${setupAdvice(report)}\nLast lines of its output:\n${failure.outputTail}`
  );
}
