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

/** Where a stage job's installed dependencies came from (`SetupReport` of src/stages/setup.ts). */
export interface SetupOrigin {
  status: 'done' | 'failed' | 'none';
  durationMs: number;
  saved?: { reused: true; key: string; from: string } | { reused: false; why: string };
}

/**
 * One line of a stage job's step summary saying how the job got its dependencies: reused from the
 * plan job (with the cache key), or installed here and why no saved install served. Empty when
 * nothing was installed (nothing to install, or a failed setup, which the stage reports itself).
 */
export function renderSetupOrigin(setup: SetupOrigin, options: RenderOptions = {}): string {
  if (setup.status !== 'done') return '';
  const ctx = makeCtx(options);
  const saved = setup.saved;
  if (saved?.reused)
    return `**Setup:** reused from ${saved.from} (key ${ctx.code(saved.key)}); nothing installed here.\n`;
  const seconds = Math.round(setup.durationMs / 1000);
  const why = saved ? ` (no reusable install: ${ctx.inline(saved.why)})` : '';
  return `**Setup:** installed in this job in ${seconds} s${why}.\n`;
}
