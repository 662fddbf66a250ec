import { describe, expect, test } from 'vitest';
import { RequestSnapshot } from '../../../src/contracts/plan.ts';
import { REQUEST_BOUNDS, requestFromIssue } from '../../../src/pipeline/request.ts';
import { requestBlock } from '../../../src/stages/prompt-parts.ts';

const comment = (i: number, chars: number) => ({
  author: 'maintainer',
  body: `comment ${i}: ${'x'.repeat(chars)}`,
  createdAt: `2026-11-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`,
});

describe('the request of a long issue', () => {
  test('120 long comments: the most recent that fit are kept, in order, and the rest are counted', () => {
    const comments = Array.from({ length: 120 }, (_, i) => comment(i, 50_000));
    const request = requestFromIssue({
      number: 4,
      title: 'A long discussion',
      body: 'b'.repeat(200_000),
      author: 'someone',
      comments,
    });
    expect(RequestSnapshot.parse(request)).toEqual(request);
    // Each comment is cut at its bound and says so; the newest comes last, as on the issue.
    expect(request.comments.length).toBeGreaterThan(0);
    expect(request.comments.at(-1)?.body.startsWith('comment 119:')).toBe(true);
    for (const c of request.comments) expect(c.body).toMatch(/\[ensemble left out the remaining \d+ characters\]$/);
    expect(request.omittedComments).toBe(120 - request.comments.length);
    const commentChars = request.comments.reduce((n, c) => n + c.body.length, 0);
    expect(commentChars).toBeLessThanOrEqual(REQUEST_BOUNDS.MAX_COMMENTS_CHARS);
    expect(request.body.length).toBeLessThan(REQUEST_BOUNDS.MAX_REQUEST_BODY_CHARS + 100);
    // What every agent is shown stays small, and tells that earlier comments were left out.
    const block = requestBlock(request);
    expect(block.length).toBeLessThan(110_000);
    expect(block).toContain(`[${request.omittedComments} earlier comments were left out`);
  });

  test('a short issue is kept whole', () => {
    const comments = [comment(1, 100), comment(2, 100)];
    const request = requestFromIssue({ number: 5, title: 'Short', body: 'Do it.', author: 'someone', comments });
    expect(request.comments.map((c) => c.body)).toEqual(comments.map((c) => c.body));
    expect(request.omittedComments).toBe(0);
    expect(requestBlock(request)).not.toContain('left out');
  });

  test('at most MAX_COMMENTS comments, however short', () => {
    const comments = Array.from({ length: 100 }, (_, i) => comment(i, 10));
    const request = requestFromIssue({ number: 6, title: 'Chatty', body: '', author: null, comments });
    expect(request.comments).toHaveLength(REQUEST_BOUNDS.MAX_COMMENTS);
    expect(request.comments[0]?.body.startsWith(`comment ${100 - REQUEST_BOUNDS.MAX_COMMENTS}:`)).toBe(true);
    expect(request.omittedComments).toBe(100 - REQUEST_BOUNDS.MAX_COMMENTS);
  });
});
