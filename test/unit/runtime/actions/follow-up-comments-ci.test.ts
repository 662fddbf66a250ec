/**
 * A CI repair's follow-up comment: its heading says what failed on which head and which attempt
 * it is, and its marker names the head and the failures, which the next CI event reads back
 * (`followUpCommentsIn`) to count the attempts and never repair the same failure of a head twice.
 */
import { describe, expect, test } from 'vitest';
import type { CiRepair } from '../../../../src/contracts/follow-up.ts';
import {
  FOLLOW_UP_DONE,
  followUpAsked,
  followUpCommentBody,
  followUpMarker,
} from '../../../../src/publish/follow-up.ts';
import { followUpCommentsIn, type IssueComments } from '../../../../src/runtime/actions/run-control.ts';
import { COMMIT_SHAS, validFollowUp, validRun } from '../../../support/documents.ts';

const HEAD = COMMIT_SHAS[1];
const OTHER_HEAD = '3333333333333333333333333333333333333333';

const repair: CiRepair = {
  headSha: HEAD,
  checks: ['test', 'lint'],
  signature: 'C0123456789ab',
  attempt: 2,
  maxAttempts: 3,
};

const ciFollowUp = validFollowUp({
  run: validRun({ runId: '8200000002' }),
  trigger: { event: 'workflow_run', author: 'CI', via: 'ci', source: { kind: 'workflow-run', id: 9012345678 } },
  instructions: null,
  threads: [],
  ci: repair,
});

function comments(...list: { body: string; type?: 'Bot' | 'User' }[]): IssueComments {
  return list.map((c, i) => ({
    id: 2_000 + i,
    body: c.body,
    html_url: `https://github.com/octo-org/widgets/pull/42#issuecomment-${2_000 + i}`,
    user: { login: c.type === 'User' ? 'mona' : 'github-actions[bot]', type: c.type ?? 'Bot' },
  })) as unknown as IssueComments;
}

describe('followUpAsked', () => {
  test('a CI repair says its attempt, the failed checks and the head', () => {
    expect(followUpAsked(ciFollowUp)).toBe(`CI repair 2/3: \`test\`, \`lint\` failed on ${HEAD.slice(0, 12)}`);
  });

  test('a follow-up a person asked for names them', () => {
    expect(followUpAsked(validFollowUp())).toBe('`/ensemble fix` by @maintainer');
  });
});

describe("a CI repair's follow-up comment, read back", () => {
  test('its marker names the head and the failures, and followUpCommentsIn reads them as its ci', () => {
    const mark = followUpMarker(ciFollowUp);
    const working = followUpCommentBody(mark, 'working', followUpAsked(ciFollowUp), ['Working on it.']);
    expect(followUpCommentsIn(comments({ body: working }))).toEqual([
      {
        run: '8200000002',
        source: 'workflow-run-9012345678',
        done: false,
        url: 'https://github.com/octo-org/widgets/pull/42#issuecomment-2000',
        work: { headSha: HEAD, signature: 'C0123456789ab' },
      },
    ]);
  });

  test("a person's follow-up comment has no ci, and the publish's final comment reads as done", () => {
    const mark = followUpMarker(validFollowUp());
    const done = followUpCommentBody(mark, 'done', followUpAsked(validFollowUp()), ['Pushed one commit.']);
    expect(done).toContain(FOLLOW_UP_DONE);
    const [read] = followUpCommentsIn(comments({ body: done }));
    expect(read).toMatchObject({
      run: validFollowUp().run.runId,
      source: 'issue-comment-3003',
      done: true,
      work: null,
    });
  });

  test("a person's comment pasting a CI repair's marker is not ensemble's, and counts as no attempt", () => {
    const pasted = followUpCommentBody(followUpMarker(ciFollowUp), 'done', 'x', []);
    expect(followUpCommentsIn(comments({ body: pasted, type: 'User' }))).toEqual([]);
  });

  test('each follow-up comment is read, oldest first, each with its own head', () => {
    const other = validFollowUp({
      ...ciFollowUp,
      run: validRun({ runId: '8200000003' }),
      ci: { ...repair, headSha: OTHER_HEAD, signature: 'Cfedcba987654', attempt: 3 },
    });
    const read = followUpCommentsIn(
      comments(
        { body: followUpCommentBody(followUpMarker(ciFollowUp), 'done', 'a', []) },
        { body: 'An unrelated comment.' },
        { body: followUpCommentBody(followUpMarker(other), 'working', 'b', []) },
      ),
    );
    expect(read.map((c) => c.work)).toEqual([
      { headSha: HEAD, signature: 'C0123456789ab' },
      { headSha: OTHER_HEAD, signature: 'Cfedcba987654' },
    ]);
  });
});
