/**
 * What a comment on an issue asks of a run that waits there (`pipeline/gates.ts`): answers to the
 * planner's questions, the approval or a revision of its plan, or to stop. Pure: no network. The
 * plan action checks what needs the API: the author's write access, the stored checkpoint, and
 * that the issue and the configuration are as the checkpoint saw them.
 */
import { z } from 'zod';
import { isBot, isListedBot } from '../../github/permissions.ts';
import { findMarker } from '../../render/marker.ts';
import { COMMAND_LINE, type EventAuthor, proseLines, quoted } from './follow-up-event.ts';

export type GateCommand =
  | { kind: 'answer'; text: string; via: 'command' | 'comment' }
  | { kind: 'approve' }
  | { kind: 'revise'; instructions: string }
  | { kind: 'stop' };

export interface GateComment {
  issue: number;
  author: EventAuthor;
  command: GateCommand;
  comment: { id: number; createdAt: string; url: string | null };
}

export type GateDecision =
  | { act: true; comment: GateComment }
  /** `reply`: say `reason` to the comment's author (a command ensemble could not follow). */
  | { act: false; reply: boolean; reason: string; commentId: number | null };

/** The commands on an issue where ensemble waits, in Markdown; no line starts with the command word. */
export function gateCommandHelp(): string {
  return [
    'On an issue where ensemble waits, people with write access can write, at the start of a line of a comment:',
    '- `/ensemble answer <answers>`: answer its questions (while it waits for answers, any comment of theirs ' +
      'counts as an answer too).',
    '- `/ensemble approve`: code exactly the plan it posted.',
    '- `/ensemble revise <what to change>`: plan again with these instructions, and post the new plan.',
    '- `/ensemble stop`: abandon what it waits on (label the issue again to start over).',
  ].join('\n');
}

/**
 * The gate command in a comment: the first `/ensemble` line outside code and quotes. `answer` and
 * `revise` take the rest of the line and every line after it. A comment with no command line is an
 * answer by comment. `null`: an `/ensemble` command that is not the gates' (fix, retry: the
 * follow-up's); `unknown`: a command line ensemble does not know, with the reply to give.
 */
export function parseGateCommand(body: string): GateCommand | { kind: 'unknown'; message: string } | null {
  const lines = body.split(/\r?\n/);
  const index = proseLines(lines).find((i) => COMMAND_LINE.test(lines[i] as string));
  if (index === undefined) return { kind: 'answer', text: body.trim(), via: 'comment' };
  const rest = (COMMAND_LINE.exec(lines[index] as string) as RegExpExecArray)[1]?.trim() ?? '';
  const word = rest.split(/\s+/)[0] ?? '';
  const name = word.toLowerCase();
  const after = [rest.slice(word.length), ...lines.slice(index + 1)].join('\n').trim();
  if (name === 'fix' || name === 'retry') return null;
  if (name === 'answer' || name === 'revise') {
    if (after === '') {
      const what = name === 'answer' ? 'your answers' : 'what to change in the plan';
      return { kind: 'unknown', message: `\`/ensemble ${name}\` needs ${what} after it.\n\n${gateCommandHelp()}` };
    }
    return name === 'answer'
      ? { kind: 'answer', text: after, via: 'command' }
      : { kind: 'revise', instructions: after };
  }
  if (name === 'approve' || name === 'stop') {
    // Strict, as the follow-up's stop: a command that starts coding or ends a run says exactly that.
    if (after !== '')
      return { kind: 'unknown', message: `\`/ensemble ${name}\` takes nothing after it.\n\n${gateCommandHelp()}` };
    return { kind: name };
  }
  const what = word === '' ? '`/ensemble` alone is no command.' : `${quoted(word)} is not a command of ensemble.`;
  return { kind: 'unknown', message: `${what}\n\n${gateCommandHelp()}` };
}

const IssueCommentPayload = z.object({
  action: z.string(),
  comment: z.object({
    id: z.number().int().positive(),
    user: z.object({ login: z.string().min(1), type: z.string() }),
    body: z.string(),
    created_at: z.string(),
    html_url: z.string().nullable().optional(),
  }),
  issue: z.object({ number: z.number().int().positive(), pull_request: z.unknown().optional() }),
});

const ignore = (reason: string): GateDecision => ({ act: false, reply: false, reason, commentId: null });

/**
 * What a new comment on an issue asks of a waiting run, before any API call. Silent on what is
 * not addressed to ensemble (edits, pull requests, its own comments, unlisted bots); replies only
 * to an `/ensemble` line it cannot follow.
 */
export function decideGateComment(payload: unknown, options: { allowedBots: readonly string[] }): GateDecision {
  const parsed = IssueCommentPayload.safeParse(payload);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.map(String).join('.') ?? '';
    const what = field === '' ? 'is no object' : `has no usable ${field}`;
    return ignore(`the issue_comment event's payload ${what}; ensemble cannot tell what it asks`);
  }
  const { action, comment, issue } = parsed.data;
  // An edit could change an answer or a command ensemble already acted on: only new comments count.
  if (action !== 'created') return ignore(`the issue_comment event "${action}" runs nothing: post a new comment`);
  if (issue.pull_request !== undefined && issue.pull_request !== null)
    return ignore(`#${issue.number} is a pull request: its comments are the follow-up's`);
  if (findMarker(comment.body) !== null) return ignore(`the comment on #${issue.number} was written by ensemble`);
  const author = { login: comment.user.login, type: comment.user.type };
  if (isBot(author.login, author.type) && !isListedBot(author.login, options.allowedBots))
    return ignore(`"${author.login}" is a bot; a bot's comments count only when trigger.allowed-bots lists it`);
  const command = parseGateCommand(comment.body);
  if (command === null) return ignore(`the comment on #${issue.number} is a command of the follow-up, not the gates'`);
  if (command.kind === 'unknown') return { act: false, reply: true, reason: command.message, commentId: comment.id };
  if (command.kind === 'answer' && command.text === '') return ignore(`the comment on #${issue.number} is empty`);
  return {
    act: true,
    comment: {
      issue: issue.number,
      author,
      command,
      comment: { id: comment.id, createdAt: comment.created_at, url: comment.html_url ?? null },
    },
  };
}
