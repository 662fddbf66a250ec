import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { STAGE_NAMES } from '../../../src/contracts/stages.ts';
import { prMarker, reviewMarker } from '../../../src/render/marker.ts';
import {
  commandHelp,
  decideFollowUp,
  type FollowUpDecision,
  notEnsemblesPull,
  type PullFacts,
  parseCommand,
} from '../../../src/runtime/actions/follow-up-event.ts';
import { repoRoot } from '../../support/node24.ts';

// biome-ignore lint/suspicious/noExplicitAny: payloads are JSON the tests reshape freely
type Payload = any;

/** A fresh copy of a fixture under test/fixtures/events/ (see its README). */
function fixture(name: string): Payload {
  return JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/events', `${name}.json`), 'utf8'));
}

const defaults = { requestChanges: true, allowedBots: [] as string[] };

function review(edit: (p: Payload) => void = () => {}): Payload {
  const payload = fixture('pull_request_review.submitted');
  edit(payload);
  return payload;
}
function reviewComment(body: string, edit: (p: Payload) => void = () => {}): Payload {
  const payload = fixture('pull_request_review_comment.created');
  payload.comment.body = body;
  edit(payload);
  return payload;
}
function prComment(body: string, edit: (p: Payload) => void = () => {}): Payload {
  const payload = fixture('issue_comment.created.pull-request');
  payload.comment.body = body;
  edit(payload);
  return payload;
}

function refused(decision: FollowUpDecision) {
  if (decision.act) throw new Error(`expected no run, got ${JSON.stringify(decision.followUp)}`);
  return decision;
}

describe('parseCommand', () => {
  test('no command line is null, and the word must stand alone', () => {
    expect(parseCommand('Looks good to me.')).toBeNull();
    expect(parseCommand('please /ensemble fix this')).toBeNull();
    expect(parseCommand('/ensemblefix now')).toBeNull();
    expect(parseCommand('')).toBeNull();
  });

  test('fix takes the rest of its line and every line after it as instructions, trimmed', () => {
    const body = 'Thanks!\n\n  /ensemble fix cap the retries\nat three attempts.\n\n- and log each one\n';
    expect(parseCommand(body)).toEqual({
      kind: 'fix',
      instructions: 'cap the retries\nat three attempts.\n\n- and log each one',
    });
    expect(parseCommand('/ensemble fix\r\nuse a constant\r\n')).toEqual({
      kind: 'fix',
      instructions: 'use a constant',
    });
  });

  test('fix with nothing after it has null instructions', () => {
    expect(parseCommand('/ensemble fix   \n\n  ')).toEqual({ kind: 'fix', instructions: null });
  });

  test('the command word and the command are read in any case, after any indentation', () => {
    expect(parseCommand('\t /ENSEMBLE Stop')).toEqual({ kind: 'stop' });
    expect(parseCommand('/Ensemble RETRY Review')).toEqual({ kind: 'retry', stage: 'review' });
  });

  test('retry takes one of the stages, or none to retry the failed jobs', () => {
    expect(parseCommand('/ensemble retry')).toEqual({ kind: 'retry', stage: null });
    for (const stage of STAGE_NAMES) expect(parseCommand(`/ensemble retry ${stage}`)).toEqual({ kind: 'retry', stage });
  });

  test('retry with a stage ensemble does not have names the valid stages', () => {
    const parsed = parseCommand('/ensemble retry lint');
    expect(parsed).toMatchObject({ kind: 'unknown' });
    const message = (parsed as { message: string }).message;
    expect(message).toContain('`lint`');
    expect(message).toContain(STAGE_NAMES.join(', '));
    expect(parseCommand('/ensemble retry code review')).toMatchObject({ kind: 'unknown' });
  });

  test('stop takes nothing after it', () => {
    expect(parseCommand('/ensemble stop')).toEqual({ kind: 'stop' });
    expect(parseCommand('/ensemble stop everything')).toMatchObject({ kind: 'unknown' });
  });

  test('any other word, or none, is unknown, answered with the help text', () => {
    for (const body of ['/ensemble deploy now', '/ensemble', '/ensemble   ']) {
      const parsed = parseCommand(body);
      expect(parsed).toMatchObject({ kind: 'unknown' });
      expect((parsed as { message: string }).message).toContain(commandHelp());
    }
    expect((parseCommand('/ensemble deploy') as { message: string }).message).toContain('`deploy`');
  });

  test("the author's word is quoted as inline code it cannot break out of", () => {
    const parsed = parseCommand('/ensemble `@everyone`<!--') as { message: string };
    expect(parsed.message.split('\n')[0]).toBe('`@everyone<!--` is not a command of ensemble.');
  });

  test('a command in a fenced code block is an example, not a command', () => {
    expect(parseCommand('Try:\n```\n/ensemble stop\n```\n')).toBeNull();
    expect(parseCommand('~~~~md\n/ensemble stop\n~~~\n/ensemble stop\n~~~~')).toBeNull();
    expect(parseCommand('   ```\n/ensemble stop\n   ```')).toBeNull();
    // After the fence closes, commands count again.
    expect(parseCommand('```\n/ensemble stop\n```\n/ensemble retry')).toEqual({ kind: 'retry', stage: null });
  });

  test("a command in a quote is someone else's words, including its lazy continuation lines", () => {
    expect(parseCommand('> /ensemble stop\n\nI agree.')).toBeNull();
    expect(parseCommand('  >/ensemble stop')).toBeNull();
    expect(parseCommand('> they said\n/ensemble stop')).toBeNull();
    expect(parseCommand('> /ensemble stop\n\n/ensemble retry code')).toEqual({ kind: 'retry', stage: 'code' });
  });

  test('only the first command line counts', () => {
    expect(parseCommand('/ensemble retry docs\n/ensemble stop')).toEqual({ kind: 'retry', stage: 'docs' });
    expect(parseCommand('/ensemble nonsense\n/ensemble stop')).toMatchObject({ kind: 'unknown' });
  });

  test('the help text lists each command on its own line, and no line of it is a command', () => {
    const help = commandHelp();
    for (const command of ['`/ensemble fix', '`/ensemble retry', '`/ensemble stop'])
      expect(help.split('\n').filter((line) => line.includes(command))).toHaveLength(1);
    // ensemble's own reply, read back as a comment, must not start a run.
    expect(parseCommand(help)).toBeNull();
    expect(parseCommand((parseCommand('/ensemble retry lint') as { message: string }).message)).toBeNull();
  });
});

describe('decideFollowUp: the events', () => {
  test('a review requesting changes starts a fix with its body as the instructions', () => {
    expect(decideFollowUp('pull_request_review', review(), defaults)).toEqual({
      act: true,
      followUp: {
        event: 'pull_request_review',
        pull: 42,
        onIssue: false,
        author: { login: 'mona', type: 'User' },
        command: { kind: 'fix', instructions: 'The retry loop never gives up: cap it at three attempts.' },
        via: 'changes-requested',
        source: {
          kind: 'review',
          id: 237895671,
          url: 'https://github.com/octo-org/widgets/pull/42#pullrequestreview-237895671',
        },
        place: null,
        reviewId: 237895671,
      },
    });
  });

  test('a review requesting changes with no body starts a fix without instructions', () => {
    const decision = decideFollowUp(
      'pull_request_review',
      review((p) => {
        p.review.body = null;
      }),
      defaults,
    );
    expect(decision).toMatchObject({ act: true, followUp: { command: { kind: 'fix', instructions: null } } });
  });

  test('a command in a review is that command, whatever the review state', () => {
    const decision = decideFollowUp(
      'pull_request_review',
      review((p) => {
        p.review.state = 'commented';
        p.review.body = '/ensemble retry review';
      }),
      defaults,
    );
    expect(decision).toMatchObject({
      act: true,
      followUp: { command: { kind: 'retry', stage: 'review' }, via: 'command', reviewId: 237895671 },
    });
    const requesting = decideFollowUp(
      'pull_request_review',
      review((p) => {
        p.review.body = '/ensemble stop';
      }),
      defaults,
    );
    expect(requesting).toMatchObject({ act: true, followUp: { command: { kind: 'stop' }, via: 'command' } });
  });

  test('an approving or commenting review without a command is not addressed to ensemble', () => {
    for (const state of ['approved', 'commented']) {
      const decision = refused(
        decideFollowUp(
          'pull_request_review',
          review((p) => {
            p.review.state = state;
          }),
          defaults,
        ),
      );
      expect(decision.reply).toBe(false);
      expect(decision.reason).toContain('not addressed to ensemble');
    }
  });

  test('an inline review comment with a command carries its path and line', () => {
    expect(
      decideFollowUp('pull_request_review_comment', reviewComment('/ensemble fix stop at three'), defaults),
    ).toEqual({
      act: true,
      followUp: {
        event: 'pull_request_review_comment',
        pull: 42,
        onIssue: false,
        author: { login: 'mona', type: 'User' },
        command: { kind: 'fix', instructions: 'stop at three' },
        via: 'command',
        source: {
          kind: 'review-comment',
          id: 284312630,
          url: 'https://github.com/octo-org/widgets/pull/42#discussion_r284312630',
        },
        place: { path: 'src/fetch.ts', line: 13 },
        reviewId: null,
      },
    });
  });

  test('an outdated inline comment has no line', () => {
    const decision = decideFollowUp(
      'pull_request_review_comment',
      reviewComment('/ensemble fix', (p) => {
        p.comment.line = null;
      }),
      defaults,
    );
    expect(decision).toMatchObject({ act: true, followUp: { place: { path: 'src/fetch.ts', line: null } } });
  });

  test('an inline comment without a command is not addressed to ensemble', () => {
    const decision = refused(
      decideFollowUp('pull_request_review_comment', reviewComment('Nit: rename this.'), defaults),
    );
    expect(decision).toMatchObject({ reply: false });
    expect(decision.reason).toContain('not addressed to ensemble');
  });

  test('a comment on the pull request with a command', () => {
    expect(decideFollowUp('issue_comment', fixture('issue_comment.created.pull-request'), defaults)).toEqual({
      act: true,
      followUp: {
        event: 'issue_comment',
        pull: 42,
        onIssue: false,
        author: { login: 'mona', type: 'User' },
        command: { kind: 'retry', stage: 'test' },
        via: 'command',
        source: {
          kind: 'issue-comment',
          id: 492700400,
          url: 'https://github.com/octo-org/widgets/pull/42#issuecomment-492700400',
        },
        place: null,
        reviewId: null,
      },
    });
  });

  test('a comment on the pull request without a command is not addressed to ensemble', () => {
    const decision = refused(decideFollowUp('issue_comment', prComment('Nice work, bot.'), defaults));
    expect(decision).toMatchObject({ reply: false });
    expect(decision.reason).toContain('not addressed to ensemble');
  });

  test('on a plain issue only stop and retry act; fix is answered; anything else is ignored without a reply', () => {
    const onIssue = (body: string) => {
      const payload = fixture('issue_comment.created.issue');
      payload.comment.body = body;
      return decideFollowUp('issue_comment', payload, defaults);
    };
    const fix = refused(decideFollowUp('issue_comment', fixture('issue_comment.created.issue'), defaults));
    expect(fix.reply).toBe(true);
    expect(fix.reason).toContain('works on the pull request ensemble opened for #7');
    for (const body of ['/ensemble deploy', 'It tries once and gives up.']) {
      const decision = refused(onIssue(body));
      expect(decision.reply).toBe(false);
      expect(decision.reason).toContain('#7 is an issue, not a pull request');
    }
    const stop = onIssue('/ensemble stop');
    expect(stop.act && stop.followUp).toMatchObject({ pull: 7, onIssue: true, command: { kind: 'stop' } });
    const retry = onIssue('/ensemble retry test');
    expect(retry.act && retry.followUp).toMatchObject({ onIssue: true, command: { kind: 'retry', stage: 'test' } });
  });
});

describe('decideFollowUp: the rules', () => {
  test("ensemble's own comments and reviews, which carry its markers, never start a run", () => {
    // A re-review requesting changes, posted with a person's publish token, must not start a fix of itself.
    const own = prComment('<!-- ensemble:review run=4242 findings=abc -->\n/ensemble fix');
    const decision = refused(decideFollowUp('issue_comment', own, defaults));
    expect(decision.reply).toBe(false);
    expect(decision.reason).toContain('was written by ensemble');
  });

  test('an event ensemble does not handle is refused naming the ones it does', () => {
    const decision = refused(decideFollowUp('push', { action: 'created' }, defaults));
    expect(decision.reply).toBe(false);
    expect(decision.reason).toContain('pull_request_review, pull_request_review_comment, issue_comment');
    expect(decision.reason).toContain('"push"');
  });

  test.each([
    ['issue_comment', 'edited', () => fixture('issue_comment.edited')],
    ['issue_comment', 'deleted', () => prComment('/ensemble stop', (p) => (p.action = 'deleted'))],
    ['pull_request_review_comment', 'edited', () => reviewComment('/ensemble stop', (p) => (p.action = 'edited'))],
    ['pull_request_review', 'edited', () => review((p) => (p.action = 'edited'))],
    ['pull_request_review', 'dismissed', () => review((p) => (p.action = 'dismissed'))],
    // A review comment is `created`, a review `submitted`: the other's action does not count.
    ['pull_request_review', 'created', () => review((p) => (p.action = 'created'))],
    ['issue_comment', 'submitted', () => prComment('/ensemble stop', (p) => (p.action = 'submitted'))],
  ])('%s "%s" runs no command and says nothing', (event, action, payload) => {
    const decision = refused(decideFollowUp(event, payload(), defaults));
    expect(decision.reply).toBe(false);
    expect(decision.reason).toContain(`"${action}"`);
    expect(decision.reason).toContain('edited comments do not run commands: post a new comment');
  });

  test('an unknown command is answered with the help text, where it was asked', () => {
    const decision = refused(decideFollowUp('issue_comment', prComment('/ensemble deploy'), defaults));
    expect(decision.reply).toBe(true);
    expect(decision.reason).toContain(commandHelp());
    expect(decision.source).toEqual({
      kind: 'issue-comment',
      id: 492700400,
      url: 'https://github.com/octo-org/widgets/pull/42#issuecomment-492700400',
    });
  });

  test('an unknown command in a review requesting changes is answered, not run as a fix', () => {
    const decision = refused(
      decideFollowUp(
        'pull_request_review',
        review((p) => {
          p.review.body = '/ensemble retry lint';
        }),
        defaults,
      ),
    );
    expect(decision).toMatchObject({ reply: true, source: { kind: 'review', id: 237895671 } });
    expect(decision.reason).toContain(STAGE_NAMES.join(', '));
  });

  test.each([
    ['a Bot account', { login: 'renovate[bot]', type: 'Bot' }],
    ['a login ending in [bot]', { login: 'helper[bot]', type: 'User' }],
    ['a Bot account with a plain login', { login: 'ci-helper', type: 'Bot' }],
  ])('a bot not listed is ignored without a reply, even for an unknown command: %s', (_, user) => {
    for (const body of ['/ensemble fix', '/ensemble deploy']) {
      const decision = refused(
        decideFollowUp(
          'issue_comment',
          prComment(body, (p) => {
            p.comment.user = { ...p.comment.user, ...user };
          }),
          defaults,
        ),
      );
      expect(decision.reply).toBe(false);
      expect(decision.reason).toContain(`"${user.login}" is a bot`);
    }
  });

  test('a listed bot runs commands (dependabot and dependabot[bot] are the same bot)', () => {
    const payload = prComment('/ensemble retry', (p) => {
      p.comment.user = { ...p.comment.user, login: 'dependabot[bot]', type: 'Bot' };
    });
    const decision = decideFollowUp('issue_comment', payload, { ...defaults, allowedBots: ['dependabot'] });
    expect(decision).toMatchObject({ act: true, followUp: { author: { login: 'dependabot[bot]', type: 'Bot' } } });
  });

  test('a bot review requesting changes does not start a fix', () => {
    const payload = review((p) => {
      p.review.user = { ...p.review.user, login: 'github-actions[bot]', type: 'Bot' };
    });
    expect(refused(decideFollowUp('pull_request_review', payload, defaults)).reply).toBe(false);
  });

  test('the author is who wrote the comment, not the sender', () => {
    const payload = prComment('/ensemble stop', (p) => {
      p.sender = { ...p.sender, login: 'someone-else' };
    });
    expect(decideFollowUp('issue_comment', payload, defaults)).toMatchObject({
      act: true,
      followUp: { author: { login: 'mona' } },
    });
  });

  test('with follow-up.request-changes false, a review requesting changes needs a command', () => {
    const options = { ...defaults, requestChanges: false };
    const decision = refused(decideFollowUp('pull_request_review', review(), options));
    expect(decision.reply).toBe(false);
    expect(decision.reason).toContain('follow-up.request-changes is false');
    const commanded = review((p) => {
      p.review.body = '/ensemble fix cap the retries';
    });
    expect(decideFollowUp('pull_request_review', commanded, options)).toMatchObject({
      act: true,
      followUp: { command: { kind: 'fix', instructions: 'cap the retries' }, via: 'command' },
    });
  });

  test('the review state is read in any case', () => {
    const payload = review((p) => {
      p.review.state = 'CHANGES_REQUESTED';
    });
    expect(decideFollowUp('pull_request_review', payload, defaults)).toMatchObject({
      act: true,
      followUp: { via: 'changes-requested' },
    });
  });

  test.each([
    ['pull_request_review', () => review((p) => delete p.review.user), 'review.user'],
    ['pull_request_review', () => review((p) => delete p.pull_request), 'pull_request'],
    ['pull_request_review', () => review((p) => delete p.review.state), 'review.state'],
    ['pull_request_review_comment', () => reviewComment('/ensemble fix', (p) => delete p.comment.path), 'comment.path'],
    ['issue_comment', () => prComment('/ensemble fix', (p) => delete p.comment.id), 'comment.id'],
    ['issue_comment', () => prComment('/ensemble fix', (p) => delete p.issue.number), 'issue.number'],
    ['issue_comment', () => prComment('/ensemble fix', (p) => (p.comment.user.login = '')), 'comment.user.login'],
    ['issue_comment', () => prComment('/ensemble fix', (p) => delete p.action), 'action'],
    ['issue_comment', () => null, 'action'],
  ])('%s: a payload without what is needed is refused naming %s', (event, payload, field) => {
    const decision = refused(decideFollowUp(event, payload(), defaults));
    expect(decision.reply).toBe(false);
    expect(decision.reason).toMatch(new RegExp(`no (usable )?${field.replace('.', '\\.')}\\b`));
  });
});

describe('notEnsemblesPull', () => {
  const ours: PullFacts = {
    number: 42,
    state: 'open',
    headRef: 'ensemble/issue-7',
    headRepo: 'octo-org/widgets',
    baseRepo: 'octo-org/widgets',
    body: `Closes #7.\n\n${prMarker('8123456789-1')}`,
  };

  test("an open pull request from an ensemble branch of the repository, with the marker, is ensemble's", () => {
    expect(notEnsemblesPull(ours)).toBeNull();
    expect(notEnsemblesPull({ ...ours, headRef: 'ensemble/add-a-flag-4242', headRepo: 'Octo-Org/Widgets' })).toBeNull();
  });

  test.each([
    ['closed', { state: 'closed' }, 'is closed'],
    ['from a fork', { headRepo: 'mallory/widgets' }, 'comes from mallory/widgets'],
    ['from a deleted fork', { headRepo: null }, 'comes from a deleted repository'],
    ['on another branch', { headRef: 'feature/ensemble' }, 'not an ensemble/… branch'],
    ['on the bare prefix', { headRef: 'ensemble/' }, 'not an ensemble/… branch'],
    ['without the marker', { body: 'Closes #7.' }, 'no ensemble marker'],
    ['without a body', { body: null }, 'no ensemble marker'],
    ['with only a review marker', { body: reviewMarker('8123456789-1', 'abc') }, 'no ensemble marker'],
  ])("%s is not ensemble's", (_, change, reason) => {
    expect(notEnsemblesPull({ ...ours, ...change })).toContain(reason);
  });
});
