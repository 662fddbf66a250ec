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
