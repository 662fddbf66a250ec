import { finish, makeCtx, type RenderOptions } from './context.ts';
import { fence, STEP_SUMMARY_LIMIT } from './markdown.ts';

/**
 * The step summary of a run whose setup failed: the message's first line, then the rest (the
 * command's output, untrusted) in a fence.
 */
export function renderSetupFailure(message: string, options: RenderOptions = {}): string {
  const ctx = makeCtx(options);
  const [first = '', ...rest] = message.split('\n');
  const markdown = `## ensemble: setup failed\n\n${ctx.inline(first)}\n\n${fence(rest.join('\n'), 'text')}\n`;
  return finish(markdown, options, STEP_SUMMARY_LIMIT);
}

/** What a run's setup did, as the plan job's step summary tells it. */
export interface SetupSummary {
  status: 'done' | 'none';
  commands: readonly string[];
  /** Why these commands: "package-lock.json found", "`setup` in the configuration". */
  reason: string;
  durationMs: number;
  test: { command: string | null; reason: string };
}

/**
 * The setup and test command a run uses, and why: for the plan job's step summary, so that a
 * maintainer sees what ensemble detected before any code is written. Commands come from the
 * repository's files or configuration: shown as code.
 */
export function renderSetupSummary(setup: SetupSummary, options: RenderOptions = {}): string {
  const ctx = makeCtx(options);
  const seconds = Math.round(setup.durationMs / 1000);
  const install =
    setup.status === 'none'
      ? `nothing to install (${ctx.inline(setup.reason)})`
      : `${setup.commands.map((c) => ctx.code(c)).join(', ')} (${ctx.inline(setup.reason)}): installed in ${seconds} s, ` +
        'before any model call';
  const test =
    setup.test.command === null
      ? `none found (${ctx.inline(setup.test.reason)})`
      : `${ctx.code(setup.test.command)} (${ctx.inline(setup.test.reason)})`;
  return finish(`### Setup\n\n- **Install:** ${install}\n- **Tests:** ${test}\n`, options, STEP_SUMMARY_LIMIT);
}
