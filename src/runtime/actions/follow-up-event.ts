/**
 * What a pull-request event asks of ensemble: a follow-up run (fix, retry, stop) on a pull request
 * ensemble opened, or nothing, and then whether to say why. Pure: no network. The caller checks
 * what needs the API — the author's write access (`checkTriggerPermission`) and whether the pull
 * request is ensemble's (`notEnsemblesPull` on the pull request it reads).
 */
import { z } from 'zod';
import { STAGE_NAMES, type StageName } from '../../contracts/stages.ts';
import { isBot, isListedBot } from '../../github/permissions.ts';
import { findMarker } from '../../render/marker.ts';
import { closesFence, fenceOpening } from '../../util/fences.ts';

export type FollowUpCommand =
  | { kind: 'fix'; instructions: string | null }
  | { kind: 'retry'; stage: StageName | null }
  | { kind: 'stop' };

export type ParsedCommand = FollowUpCommand | { kind: 'unknown'; message: string } | null;

/** Who wrote the comment or review, from the payload. */
export interface EventAuthor {
  login: string;
  /** `User`, `Bot` or `Organization`. */
  type: string;
}

export interface FollowUpEvent {
  event: 'pull_request_review' | 'pull_request_review_comment' | 'issue_comment';
  /** The pull request's number; on an issue (`onIssue`), the issue's. */
  pull: number;
  /** A command on an issue rather than a pull request: only `stop` and `retry` come this far. */
  onIssue: boolean;
  author: EventAuthor;
  command: FollowUpCommand;
  /** Why it is a command: 'changes requested' or 'command'. */
  via: 'changes-requested' | 'command';
  /** Where to reply: the issue comment, the review or the review comment that asked. */
  source: { kind: 'issue-comment' | 'review' | 'review-comment'; id: number; url: string | null };
  /** For an inline review comment: its path and line (the finding it makes). */
  place: { path: string; line: number | null } | null;
  /** The review's id when the event is a review (its inline comments are read back by the caller). */
  reviewId: number | null;
}

export type FollowUpDecision =
  | { act: true; followUp: FollowUpEvent }
  | { act: false; reply: boolean; reason: string; source: FollowUpEvent['source'] | null };

const COMMAND = '/ensemble';

/** The commands, in Markdown, one line each. No line starts with the command word, so a reply quoting it is no command. */
export function commandHelp(): string {
  return [
    'ensemble follows these commands, written at the start of a line of a comment or review on its pull request:',
    '- `/ensemble fix [instructions]`: fix the pull request as the rest of the comment says.',
    `- \`/ensemble retry [stage]\`: run a stage again (${STAGE_NAMES.join(', ')}); without one, the failed jobs.`,
    '- `/ensemble stop`: stop the run working on this pull request.',
  ].join('\n');
}

/** A word of the author's to quote in a reply: as inline code (no mention, no markup), short. */
export function quoted(word: string): string {
  const plain = word.replace(/`/g, '');
  return `\`${plain.length > 40 ? `${plain.slice(0, 39)}…` : plain}\``;
}

/**
 * The indexes of the lines a reader sees as prose: lines in fenced code blocks and
 * block quotes are left out (a command quoted or shown as an example is not given). A quote goes
 * on over the non-blank lines after it, as CommonMark's lazy continuation shows them inside it.
 */
export function proseLines(lines: readonly string[]): number[] {
  const prose: number[] = [];
  let fence: string | null = null;
  let quote = false;
  lines.forEach((line, index) => {
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null;
      return;
    }
    if (line.trim() === '') {
      quote = false;
      return;
    }
    if (/^\s*>/.test(line)) {
      quote = true;
      return;
    }
    if (quote) return;
    // GitHub opens a fence indented by up to three spaces too.
    const opening = fenceOpening(line.replace(/^ {1,3}/, ''));
    if (opening !== null) {
      fence = opening;
      return;
    }
    prose.push(index);
  });
  return prose;
}

export const COMMAND_LINE = /^\s*\/ensemble(?=\s|$)(.*)$/i;

/**
 * The command in a comment or review body: its first line whose first word is `/ensemble` (any
 * case, after any indentation), outside code fences and quotes. Null when there is none; `unknown`
 * (with the reply to give) when the line is no command ensemble knows.
 */
export function parseCommand(body: string): ParsedCommand {
  const lines = body.split(/\r?\n/);
  const index = proseLines(lines).find((i) => COMMAND_LINE.test(lines[i]!));
  if (index === undefined) return null;
  const rest = COMMAND_LINE.exec(lines[index]!)![1]!.trim();
  const [word = '', ...args] = rest.split(/\s+/).filter(Boolean);
  const name = word.toLowerCase();
  if (name === 'fix') {
    const instructions = [rest.slice(word.length), ...lines.slice(index + 1)].join('\n').trim();
    return { kind: 'fix', instructions: instructions === '' ? null : instructions };
  }
  if (name === 'retry') {
    const stage = args.length === 1 ? args[0]!.toLowerCase() : null;
    if (args.length === 0) return { kind: 'retry', stage: null };
    if (stage !== null && (STAGE_NAMES as readonly string[]).includes(stage))
      return { kind: 'retry', stage: stage as StageName };
    return {
      kind: 'unknown',
      message:
        `\`/ensemble retry\` takes one stage, one of ${STAGE_NAMES.join(', ')}, or none to retry the ` +
        `failed jobs; it got ${args.map(quoted).join(' ')}.`,
    };
  }
  if (name === 'stop') {
    // Strict: a command that ends a run should say exactly that, not something ensemble guesses at.
    if (args.length === 0) return { kind: 'stop' };
    return { kind: 'unknown', message: `\`/ensemble stop\` takes nothing after it.\n\n${commandHelp()}` };
  }
  const what = word === '' ? `\`${COMMAND}\` alone is no command.` : `${quoted(word)} is not a command of ensemble.`;
  return { kind: 'unknown', message: `${what}\n\n${commandHelp()}` };
}

const HANDLED_EVENTS = ['pull_request_review', 'pull_request_review_comment', 'issue_comment'] as const;
type HandledEvent = (typeof HANDLED_EVENTS)[number];

/** The action of each event that can ask something of ensemble. */
const ACTING: Record<HandledEvent, string> = {
  pull_request_review: 'submitted',
  pull_request_review_comment: 'created',
  issue_comment: 'created',
};

const User = z.object({ login: z.string().min(1), type: z.string() });
const Id = z.number().int().positive();

const ReviewPayload = z.object({
  review: z.object({
    id: Id,
    user: User,
    body: z.string().nullable().optional(),
    state: z.string(),
    html_url: z.string().nullable().optional(),
  }),
  pull_request: z.object({ number: Id }),
});

const ReviewCommentPayload = z.object({
  comment: z.object({
    id: Id,
    user: User,
    body: z.string(),
    path: z.string(),
    line: z.number().int().nullable().optional(),
    html_url: z.string().nullable().optional(),
  }),
  pull_request: z.object({ number: Id }),
});

const IssueCommentPayload = z.object({
  comment: z.object({ id: Id, user: User, body: z.string(), html_url: z.string().nullable().optional() }),
  issue: z.object({ number: Id, pull_request: z.unknown().optional() }),
});

/** What the rules read from each event, in one shape. */
interface EventFacts {
  pull: number;
  author: EventAuthor;
  body: string;
  source: FollowUpEvent['source'];
  place: FollowUpEvent['place'];
  reviewId: number | null;
  changesRequested: boolean;
  onPull: boolean;
}

type Parsed = { ok: true; facts: EventFacts } | { ok: false; reason: string };

function parsed<T>(eventName: string, schema: z.ZodType<T>, payload: unknown, facts: (data: T) => EventFacts): Parsed {
  const result = schema.safeParse(payload);
  if (result.success) return { ok: true, facts: facts(result.data) };
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join('.') || 'the payload';
  return {
    ok: false,
    reason: `the ${eventName} event's payload has no usable ${field} (${issue.message}); ensemble cannot tell what it asks`,
  };
}

function factsOf(eventName: HandledEvent, payload: unknown): Parsed {
  if (eventName === 'pull_request_review') {
    return parsed(eventName, ReviewPayload, payload, ({ review, pull_request }) => ({
      pull: pull_request.number,
      author: { login: review.user.login, type: review.user.type },
      body: review.body ?? '',
      source: { kind: 'review', id: review.id, url: review.html_url ?? null },
      place: null,
      reviewId: review.id,
      // Webhooks spell the state in lower case, the REST API in upper case.
      changesRequested: review.state.toLowerCase() === 'changes_requested',
      onPull: true,
    }));
  }
  if (eventName === 'pull_request_review_comment') {
    return parsed(eventName, ReviewCommentPayload, payload, ({ comment, pull_request }) => ({
      pull: pull_request.number,
      author: { login: comment.user.login, type: comment.user.type },
      body: comment.body,
      source: { kind: 'review-comment', id: comment.id, url: comment.html_url ?? null },
      // `line` is null when the comment is outdated: its line is no longer in the diff.
      place: { path: comment.path, line: comment.line ?? null },
      reviewId: null,
      changesRequested: false,
      onPull: true,
    }));
  }
  return parsed(eventName, IssueCommentPayload, payload, ({ comment, issue }) => ({
    pull: issue.number,
    author: { login: comment.user.login, type: comment.user.type },
    body: comment.body,
    source: { kind: 'issue-comment', id: comment.id, url: comment.html_url ?? null },
    place: null,
    reviewId: null,
    changesRequested: false,
    // GitHub sends comments on pull requests as issue comments, with `issue.pull_request` set.
    onPull: issue.pull_request !== undefined && issue.pull_request !== null,
  }));
}

const ignore = (reason: string, source: FollowUpEvent['source'] | null = null): FollowUpDecision => ({
  act: false,
  reply: false,
  reason,
  source,
});

/**
 * What an event asks of ensemble. Acts on a command in a new comment or review, or on a review
 * requesting changes (when `requestChanges`); replies only to a person who wrote an `/ensemble`
 * line ensemble does not understand. Write access and the pull request's owner are the caller's.
 */
export function decideFollowUp(
  eventName: string,
  payload: unknown,
  options: { requestChanges: boolean; allowedBots: readonly string[] },
): FollowUpDecision {
  if (!(HANDLED_EVENTS as readonly string[]).includes(eventName))
    return ignore(`ensemble follows up on ${HANDLED_EVENTS.join(', ')} events, not on "${eventName}"`);
  const event = eventName as HandledEvent;
  const action = z.object({ action: z.string() }).safeParse(payload);
  if (!action.success) return ignore(`the ${event} event's payload has no action; ensemble cannot tell what happened`);
  // Only a new comment or review runs a command. Replying to every edit would be spam, and an edit
  // can change a command ensemble already acted on: running it again, or a different one, would
  // surprise everyone reading the thread.
  if (action.data.action !== ACTING[event]) {
    return ignore(
      `the ${event} event "${action.data.action}" runs nothing (edited comments do not run commands: ` +
        'post a new comment)',
    );
  }
  const facts = factsOf(event, payload);
  if (!facts.ok) return ignore(facts.reason);
  const { pull, author, body, source } = facts.facts;
  // ensemble's own reviews and comments (a re-review requesting changes, posted with a person's
  // token) carry its markers: they never start a run, or ensemble would answer itself.
  if (findMarker(body) !== null) return ignore(`the ${event} on #${pull} was written by ensemble`);
  const onIssue = !facts.facts.onPull;
  const parsedCommand = parseCommand(body);
  // On an issue, only stop and retry concern ensemble's runs; anything else there is a conversation.
  if (onIssue && (parsedCommand === null || parsedCommand.kind === 'unknown'))
    return ignore(`#${pull} is an issue, not a pull request; on an issue ensemble follows only stop and retry`);

  if (parsedCommand === null && !facts.facts.changesRequested)
    return ignore(`the ${event} on #${pull} is not addressed to ensemble: it has no ${COMMAND} line`, source);
  // Replying to a bot can start a loop of bots answering each other: an unlisted bot gets silence.
  if (isBot(author.login, author.type) && !isListedBot(author.login, options.allowedBots)) {
    return ignore(
      `"${author.login}" is a bot; a bot's comments run ensemble only when trigger.allowed-bots lists it`,
      source,
    );
  }
  // A command ensemble does not understand is answered, even in a review requesting changes:
  // running a fix its author did not ask for in so many words would be a guess.
  if (parsedCommand?.kind === 'unknown') return { act: false, reply: true, reason: parsedCommand.message, source };
  if (onIssue && parsedCommand?.kind === 'fix') {
    const reason =
      `\`${COMMAND} fix\` works on the pull request ensemble opened for #${pull}: comment there ` +
      '(or label the issue again for a new run)';
    return { act: false, reply: true, reason, source };
  }

  let command: FollowUpCommand;
  let via: FollowUpEvent['via'];
  if (parsedCommand !== null) {
    command = parsedCommand;
    via = 'command';
  } else {
    if (!options.requestChanges) {
      return ignore(
        `the review on #${pull} requests changes, but follow-up.request-changes is false: ` +
          `only an ${COMMAND} command starts a run`,
        source,
      );
    }
    // The review's body is what its author wants changed; its inline comments the caller reads by reviewId.
    const instructions = body.trim();
    command = { kind: 'fix', instructions: instructions === '' ? null : instructions };
    via = 'changes-requested';
  }
  return {
    act: true,
    followUp: {
      event,
      pull,
      onIssue,
      author,
      command,
      via,
      source,
      place: facts.facts.place,
      reviewId: facts.facts.reviewId,
    },
  };
}

/** What the caller knows of the pull request, from the API. */
export interface PullFacts {
  number: number;
  state: string;
  headRef: string;
  /** `owner/name` of the head's repository; null when that repository (a fork) was deleted. */
  headRepo: string | null;
  baseRepo: string;
  body: string | null;
}

/** A pull request as the REST API gives it (`pulls.get`, `pulls.list`), as far as its facts go. */
export interface RestPullFacts {
  number: number;
  state: string;
  body: string | null;
  head: { ref: string; repo: { full_name: string } | null };
  base: { repo: { full_name: string } };
}

/** The facts `notEnsemblesPull` reads, from a REST pull request. */
export function pullFactsOf(pull: RestPullFacts): PullFacts {
  return {
    number: pull.number,
    state: pull.state,
    headRef: pull.head.ref,
    headRepo: pull.head.repo?.full_name ?? null,
    baseRepo: pull.base.repo.full_name,
    body: pull.body,
  };
}

/** Null when ensemble opened it (same repository, branch ensemble/…, body with the ensemble:pr marker), else why not. */
export function notEnsemblesPull(pull: PullFacts): string | null {
  const which = `#${pull.number}`;
  if (pull.state !== 'open') return `pull request ${which} is ${pull.state}; ensemble follows up only on open ones`;
  if (pull.headRepo === null || pull.headRepo.toLowerCase() !== pull.baseRepo.toLowerCase()) {
    return (
      `pull request ${which} comes from ${pull.headRepo ?? 'a deleted repository'}, not ${pull.baseRepo}; ` +
      'ensemble follows up only on the pull requests it opened from its own branches'
    );
  }
  if (!/^ensemble\/./.test(pull.headRef)) {
    return (
      `pull request ${which} is on the branch "${pull.headRef}", not an ensemble/… branch; ` +
      'ensemble follows up only on the pull requests it opened'
    );
  }
  const mark = findMarker(pull.body ?? '', 'pr');
  if (mark === null || !mark.fields['run']) {
    return (
      `pull request ${which} has no ensemble marker in its description (ensemble writes one when it opens a ` +
      'pull request); it follows up only on the pull requests it opened'
    );
  }
  return null;
}
