import { describe, expect, test } from 'vitest';
import { logUntrusted } from '../../../../src/runtime/actions/log.ts';
import { resolveTrigger } from '../../../../src/runtime/actions/trigger.ts';

const sender = { login: 'octocat', type: 'User' };
const none = { issue: null, prompt: null };

describe('resolveTrigger', () => {
  test('an issue labelled with the trigger label', () => {
    expect(
      resolveTrigger(
        'issues',
        { action: 'labeled', label: { name: 'ensemble' }, issue: { number: 7 }, sender },
        none,
        'ensemble',
      ),
    ).toEqual({
      kind: 'issue',
      issue: 7,
      sender,
      event: 'issues',
    });
  });

  test.each([
    [{ action: 'opened', label: { name: 'ensemble' } }, 'the issues event "opened" does not start ensemble'],
    [{ action: 'labeled', label: { name: 'bug' } }, 'the label "bug" is not ensemble\'s trigger label "ensemble"'],
    [
      { action: 'labeled', label: { name: 'ensemble' }, issue: { number: 3, pull_request: {} } },
      'added to a pull request',
    ],
  ])('refuses issues event %j', (payload, message) => {
    expect(() => resolveTrigger('issues', { issue: { number: 3 }, sender, ...payload }, none, 'ensemble')).toThrow(
      message,
    );
  });

  test('workflow_dispatch takes the validated issue or prompt input', () => {
    expect(resolveTrigger('workflow_dispatch', { sender }, { issue: 12, prompt: null }, 'ensemble')).toMatchObject({
      kind: 'issue',
      issue: 12,
    });
    expect(resolveTrigger('workflow_dispatch', { sender }, { issue: null, prompt: 'Add X' }, 'ensemble')).toMatchObject(
      {
        kind: 'prompt',
        prompt: 'Add X',
      },
    );
    expect(() => resolveTrigger('workflow_dispatch', { sender }, none, 'ensemble')).toThrow(
      'needs the input "issue" (an issue number) or "prompt"',
    );
  });

  test.each(['push', 'pull_request_target', 'issue_comment', 'workflow_run'])(
    'refuses the %s event by name',
    (event) => {
      expect(() => resolveTrigger(event, { sender }, none, 'ensemble')).toThrow(
        `ensemble does not run on the "${event}" event`,
      );
    },
  );

  test('an event without a sender is refused', () => {
    expect(() => resolveTrigger('workflow_dispatch', {}, { issue: 1, prompt: null }, 'ensemble')).toThrow(
      'has no sender',
    );
  });
});

test('untrusted text cannot issue workflow commands: it is fenced by a random stop-commands token', () => {
  const lines: string[] = [];
  logUntrusted({ info: (m) => lines.push(m) }, '::add-mask::x\n::set-output name=a::b');
  expect(lines).toHaveLength(3);
  const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0] ?? '')?.[1];
  expect(token).toBeDefined();
  expect(lines[2]).toBe(`::${token}::`);
  const second: string[] = [];
  logUntrusted({ info: (m) => second.push(m) }, 'x');
  expect(second[0]).not.toBe(lines[0]);
});
