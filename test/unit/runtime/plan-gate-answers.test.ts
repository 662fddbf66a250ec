import { describe, expect, test } from 'vitest';
import type { CheckpointDocument } from '../../../src/contracts/checkpoint.ts';
import { Answer } from '../../../src/contracts/gate.ts';
import { marker, TRACKING_MARKER } from '../../../src/render/marker.ts';
import type { GateComment } from '../../../src/runtime/actions/gate-event.ts';
import { answersSince } from '../../../src/runtime/actions/plan-gate.ts';
import { validCheckpoint, validQuestion } from '../../support/documents.ts';

/** Waiting on its second round of questions, asked at 12:00 (the first at 10:00). */
function checkpoint(): CheckpointDocument {
  const waiting = validCheckpoint();
  waiting.gate.rounds.push({
    askedAt: '2026-12-05T12:00:00.000Z',
    findings: 'The store pages already.',
    questions: [validQuestion({ id: 'cursor', question: 'Cursor or page number?' })],
    answers: [],
  });
  return waiting;
}

const at = (time: string) => `2026-12-05T${time}Z`;
const comment = (author: string, body: string, time: string) => ({ author, body, createdAt: at(time) });

/** The comment that started the run: mona's, at `time`, with `body` as what it asks. */
function asked(body: string, time = '13:00:00', id = 900): GateComment {
  const text = body.replace(/^\/ensemble answer\s*/, '');
  return {
    issue: 42,
    author: { login: 'mona', type: 'User' },
    command: { kind: 'answer', text, via: body.startsWith('/ensemble') ? 'command' : 'comment' },
    comment: { id, createdAt: at(time), url: `https://github.com/octo-org/widgets/issues/42#issuecomment-${id}` },
  };
}

describe('answersSince', () => {
  test('takes only comments written after the last round was asked', () => {
    const answers = answersSince(
      checkpoint(),
      [
        comment('hubot', 'An answer to the first round.', '11:00:00'),
        comment('hubot', 'Exactly when it was asked.', '12:00:00'),
        comment('octocat', 'Page numbers.', '12:30:00'),
      ],
      asked('Numbers, 20 a page.'),
    );
    expect(answers.map((a) => a.text)).toEqual(['Page numbers.', 'Numbers, 20 a page.']);
    for (const a of answers) expect(Answer.parse(a)).toEqual(a);
  });

  test("skips ensemble's own comments, which carry a marker", () => {
    const answers = answersSince(
      checkpoint(),
      [
        comment('ensemble-bot', `${TRACKING_MARKER}\nensemble has questions: cursor or page number?`, '12:00:01'),
        comment('mona', `${marker('reply')}\n/ensemble answer quoted back`, '12:10:00'),
      ],
      asked('Page numbers.'),
    );
    expect(answers.map((a) => a.text)).toEqual(['Page numbers.']);
  });

  test('skips commands other than answer, and empty comments', () => {
    const answers = answersSince(
      checkpoint(),
      [
        comment('octocat', '/ensemble approve', '12:10:00'),
        comment('octocat', '/ensemble revise one task', '12:11:00'),
        comment('octocat', '/ensemble stop', '12:12:00'),
        comment('octocat', '/ensemble fix it', '12:13:00'),
        comment('octocat', '/ensemble answer', '12:14:00'),
        comment('octocat', '/ensemble frobnicate', '12:15:00'),
        comment('octocat', '   ', '12:16:00'),
      ],
      asked('Page numbers.'),
    );
    expect(answers.map((a) => a.text)).toEqual(['Page numbers.']);
  });

  test('`/ensemble answer …` counts as an answer by command, with the text after the command', () => {
    const answers = answersSince(
      checkpoint(),
      [comment('octocat', 'Thinking…\n/ensemble answer cursor\nbased on the id', '12:20:00')],
      asked('Page numbers.'),
    );
    expect(answers[0]).toEqual({
      by: 'octocat',
      at: at('12:20:00'),
      text: 'cursor\nbased on the id',
      via: 'command',
      commentId: null,
    });
  });

  test('the comment that started the run is taken once, with its id, also when the list holds it', () => {
    const started = asked('/ensemble answer page numbers', '12:40:00', 901);
    const answers = answersSince(
      checkpoint(),
      [comment('mona', '/ensemble answer page numbers', '12:40:00'), comment('hubot', 'Agreed.', '12:50:00')],
      started,
    );
    expect(answers).toEqual([
      { by: 'mona', at: at('12:40:00'), text: 'page numbers', via: 'command', commentId: 901 },
      { by: 'hubot', at: at('12:50:00'), text: 'Agreed.', via: 'comment', commentId: null },
    ]);
  });

  test('the same words by another person, or at another time, are separate answers', () => {
    const answers = answersSince(
      checkpoint(),
      [comment('hubot', 'Yes.', '12:40:00'), comment('mona', 'Yes.', '12:41:00')],
      asked('Yes.', '12:40:00'),
    );
    expect(answers.map((a) => `${a.by} ${a.at}`).sort()).toEqual([
      `hubot ${at('12:40:00')}`,
      `mona ${at('12:40:00')}`,
      `mona ${at('12:41:00')}`,
    ]);
  });

  test('the answers are in the order they were written, the comment that started the run among them', () => {
    const answers = answersSince(
      checkpoint(),
      [comment('c', 'third', '12:30:00'), comment('a', 'first', '12:10:00'), comment('d', 'last', '12:50:00')],
      asked('second', '12:20:00'),
    );
    expect(answers.map((a) => a.text)).toEqual(['first', 'second', 'third', 'last']);
  });

  test('at most 50 answers are kept, and the comment that started the run is one of them', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      comment(`person${i}`, `answer ${i}`, `12:${String(i % 60).padStart(2, '0')}:30`),
    );
    const answers = answersSince(checkpoint(), many, asked('the newest answer', '13:30:00', 950));
    expect(answers).toHaveLength(50);
    expect(answers.at(-1)).toMatchObject({ text: 'the newest answer', commentId: 950 });
    // The rest are the oldest ones, in order: a round keeps at most 50 (QuestionRound.answers).
    expect(answers.slice(0, 49).map((a) => a.text)).toEqual(many.slice(0, 49).map((c) => c.body));
  });

  test('an answer longer than an Answer may hold is cut to 20000 characters', () => {
    const answers = answersSince(checkpoint(), [comment('hubot', 'x'.repeat(25_000), '12:10:00')], asked('ok'));
    expect(answers[0]?.text).toHaveLength(20_000);
    expect(Answer.parse(answers[0])).toEqual(answers[0]);
  });
});
