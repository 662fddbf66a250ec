import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { gateMarker, TRACKING_MARKER } from '../../../src/render/marker.ts';
import {
  decideGateComment,
  type GateDecision,
  gateCommandHelp,
  parseGateCommand,
} from '../../../src/runtime/actions/gate-event.ts';
import { repoRoot } from '../../support/node24.ts';

// biome-ignore lint/suspicious/noExplicitAny: payloads are JSON the tests reshape freely
type Payload = any;

/** A comment on issue #7 by mona (test/fixtures/events/), with `body`, changed as the case needs. */
function issueComment(body: string, edit: (p: Payload) => void = () => {}): Payload {
  const payload = JSON.parse(
    readFileSync(join(repoRoot, 'test/fixtures/events', 'issue_comment.created.issue.json'), 'utf8'),
  );
  payload.comment.body = body;
  edit(payload);
  return payload;
}

const NO_BOTS = { allowedBots: [] as string[] };

function ignored(decision: GateDecision) {
  if (decision.act) throw new Error(`expected no run, got ${JSON.stringify(decision.comment)}`);
  return decision;
}

function acted(decision: GateDecision) {
  if (!decision.act) throw new Error(`expected a run, got ${JSON.stringify(decision)}`);
  return decision.comment;
}

function unknownMessage(body: string): string {
  const parsed = parseGateCommand(body);
  if (parsed?.kind !== 'unknown') throw new Error(`expected an unknown command, got ${JSON.stringify(parsed)}`);
  return parsed.message;
}

describe('parseGateCommand', () => {
  test('answer takes the rest of its line and every line after it, trimmed', () => {
    expect(parseGateCommand('/ensemble answer 20 per page\nand no cursor.\n\n- keep ?page=\n')).toEqual({
      kind: 'answer',
      text: '20 per page\nand no cursor.\n\n- keep ?page=',
      via: 'command',
    });
    expect(parseGateCommand('Thanks for asking.\r\n/ensemble answer\r\nfifty\r\n')).toEqual({
      kind: 'answer',
      text: 'fifty',
      via: 'command',
    });
  });

  test('revise takes the rest of its line and the lines after it as instructions', () => {
    expect(parseGateCommand('/ensemble revise merge the two tasks\ninto one.')).toEqual({
      kind: 'revise',
      instructions: 'merge the two tasks\ninto one.',
    });
  });

  test.each([
    ['answer', 'your answers'],
    ['revise', 'what to change in the plan'],
  ])('%s with nothing after it is refused with what it needs and the commands', (word, needs) => {
    const message = unknownMessage(`/ensemble ${word}   \n\n  `);
    expect(message).toContain(`\`/ensemble ${word}\` needs ${needs} after it.`);
    expect(message).toContain(gateCommandHelp());
  });

  test.each(['approve', 'stop'])('%s is strict: alone it is the command, with text after it it is refused', (word) => {
    expect(parseGateCommand(`/ensemble ${word}`)).toEqual({ kind: word });
    expect(parseGateCommand(`Looks right.\n/ensemble ${word}  \n\n`)).toEqual({ kind: word });
    const message = unknownMessage(`/ensemble ${word} but rename the file`);
    expect(message).toContain(`\`/ensemble ${word}\` takes nothing after it.`);
    expect(message).toContain(gateCommandHelp());
    // A line after the command is text after it, too.
    expect(parseGateCommand(`/ensemble ${word}\nand also change the docs`)).toMatchObject({ kind: 'unknown' });
  });

  test.each(['fix', 'retry', 'FIX now', 'retry review'])(
    "`/ensemble %s` is the follow-up's command: null, not an answer",
    (rest) => {
      expect(parseGateCommand(`/ensemble ${rest}`)).toBeNull();
    },
  );

  test('an unknown word is refused, quoted, with the gate commands', () => {
    const message = unknownMessage('/ensemble aprove');
    expect(message).toContain('`aprove` is not a command of ensemble.');
    for (const command of ['/ensemble answer', '/ensemble approve', '/ensemble revise', '/ensemble stop'])
      expect(message).toContain(command);
  });

  test('a bare `/ensemble` is refused as no command, with the gate commands', () => {
    const message = unknownMessage('/ensemble');
    expect(message).toContain('`/ensemble` alone is no command.');
    expect(message).toContain(gateCommandHelp());
  });

  test('the command word and the command are read in any case, after any indentation', () => {
    expect(parseGateCommand('  /ENSEMBLE Approve')).toEqual({ kind: 'approve' });
    expect(parseGateCommand('/Ensemble ANSWER yes')).toEqual({ kind: 'answer', text: 'yes', via: 'command' });
    expect(parseGateCommand('\t/ensemble STOP')).toEqual({ kind: 'stop' });
  });

  test('a command in a code fence is shown, not given: the comment is a plain answer', () => {
    const body = 'Approve it with:\n\n```\n/ensemble approve\n```\n';
    expect(parseGateCommand(body)).toEqual({ kind: 'answer', text: body.trim(), via: 'comment' });
  });

  test('a command in a block quote is quoted, not given: the comment is a plain answer', () => {
    const body = '> /ensemble stop\n\nPlease do not stop; the page size is 20.';
    expect(parseGateCommand(body)).toEqual({ kind: 'answer', text: body, via: 'comment' });
  });

  test('a command after a fence or quote is still read', () => {
    expect(parseGateCommand('```\n/ensemble stop\n```\n/ensemble approve')).toEqual({ kind: 'approve' });
  });

  test('a comment without a command line is an answer by comment, trimmed', () => {
    expect(parseGateCommand('\n  Use 20 per page. /ensemble approve is for later.  \n')).toEqual({
      kind: 'answer',
      text: 'Use 20 per page. /ensemble approve is for later.',
      via: 'comment',
    });
  });

  test('the help names every gate command and no line of it starts with the command word', () => {
    const help = gateCommandHelp();
    for (const line of help.split('\n')) expect(line).not.toMatch(/^\s*\/ensemble/i);
    expect(parseGateCommand(help)).toMatchObject({ kind: 'answer', via: 'comment' });
  });
});

describe('decideGateComment', () => {
  test('a plain comment acts as an answer with the issue, the author and the comment', () => {
    const comment = acted(decideGateComment(issueComment('Twenty per page.'), NO_BOTS));
    expect(comment).toEqual({
      issue: 7,
      author: { login: 'mona', type: 'User' },
      command: { kind: 'answer', text: 'Twenty per page.', via: 'comment' },
      comment: {
        id: 492700401,
        createdAt: '2026-11-30T11:05:00Z',
        url: 'https://github.com/octo-org/widgets/issues/7#issuecomment-492700401',
      },
    });
  });

  test.each([
    ['/ensemble approve', { kind: 'approve' }],
    ['/ensemble stop', { kind: 'stop' }],
    ['/ensemble revise one task only', { kind: 'revise', instructions: 'one task only' }],
    ['/ensemble answer 50', { kind: 'answer', text: '50', via: 'command' }],
  ])('%s acts with its command', (body, command) => {
    expect(acted(decideGateComment(issueComment(body), NO_BOTS)).command).toEqual(command);
  });

  test('a comment without an html_url acts with a null url', () => {
    const payload = issueComment('/ensemble approve', (p) => {
      delete p.comment.html_url;
    });
    expect(acted(decideGateComment(payload, NO_BOTS)).comment.url).toBeNull();
  });

  test('an edited comment is ignored silently', () => {
    const decision = ignored(
      decideGateComment(
        issueComment('/ensemble approve', (p) => (p.action = 'edited')),
        NO_BOTS,
      ),
    );
    expect(decision).toMatchObject({ reply: false, commentId: null });
    expect(decision.reason).toContain('"edited"');
  });

  test("a comment on a pull request is the follow-up's, ignored silently", () => {
    const payload = issueComment('/ensemble approve', (p) => {
      p.issue.pull_request = { url: 'https://api.github.com/repos/octo-org/widgets/pulls/7' };
    });
    const decision = ignored(decideGateComment(payload, NO_BOTS));
    expect(decision).toMatchObject({ reply: false, commentId: null });
    expect(decision.reason).toContain('pull request');
  });

  test.each([
    ['the tracking comment', `${TRACKING_MARKER}\n${gateMarker('answers', '1-1')}\nensemble has questions`],
    ['a reply of ensemble quoting a command', '<!-- ensemble:reply -->\n/ensemble approve'],
  ])("%s (ensemble's own, with a marker) is ignored silently", (_name, body) => {
    const decision = ignored(decideGateComment(issueComment(body), NO_BOTS));
    expect(decision).toMatchObject({ reply: false, commentId: null });
    expect(decision.reason).toContain('written by ensemble');
  });

  test('a bot the configuration does not list is ignored; a listed bot acts', () => {
    const bot = (p: Payload) => {
      p.comment.user = { login: 'renovate[bot]', type: 'Bot' };
    };
    const decision = ignored(decideGateComment(issueComment('/ensemble approve', bot), NO_BOTS));
    expect(decision).toMatchObject({ reply: false, commentId: null });
    expect(decision.reason).toContain('"renovate[bot]" is a bot');
    const listed = acted(decideGateComment(issueComment('/ensemble approve', bot), { allowedBots: ['renovate'] }));
    expect(listed).toMatchObject({ author: { login: 'renovate[bot]', type: 'Bot' }, command: { kind: 'approve' } });
  });

  test('an unknown command is answered: the reply goes to the comment that asked', () => {
    const decision = ignored(decideGateComment(issueComment('/ensemble approve please'), NO_BOTS));
    expect(decision.reply).toBe(true);
    expect(decision.commentId).toBe(492700401);
    expect(decision.reason).toContain('`/ensemble approve` takes nothing after it.');
  });

  test("the follow-up's commands are ignored without a reply", () => {
    const decision = ignored(decideGateComment(issueComment('/ensemble retry'), NO_BOTS));
    expect(decision).toMatchObject({ reply: false, commentId: null });
    expect(decision.reason).toContain('follow-up');
  });

  test('an empty comment is ignored silently', () => {
    const decision = ignored(decideGateComment(issueComment('  \n\n '), NO_BOTS));
    expect(decision).toMatchObject({ reply: false, commentId: null });
    expect(decision.reason).toContain('empty');
  });

  test.each([
    ['comment.id', (p: Payload) => (p.comment.id = 'one')],
    ['comment.user.login', (p: Payload) => (p.comment.user.login = '')],
    ['comment.created_at', (p: Payload) => delete p.comment.created_at],
    ['issue.number', (p: Payload) => delete p.issue.number],
    ['action', (p: Payload) => delete p.action],
  ])('a payload without a usable %s is ignored, naming the field', (field, edit) => {
    const decision = ignored(decideGateComment(issueComment('/ensemble approve', edit), NO_BOTS));
    expect(decision).toMatchObject({ reply: false, commentId: null });
    expect(decision.reason).toContain(`no usable ${field};`);
  });

  test('a payload that is no object is ignored, saying it is no object', () => {
    expect(ignored(decideGateComment(null, NO_BOTS)).reason).toContain(
      "the issue_comment event's payload is no object",
    );
  });
});
