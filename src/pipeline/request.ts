import { createHash } from 'node:crypto';
import { z } from 'zod';
import { stripHiddenContent, visibleMarkdown } from '../agent/prompt.ts';
import { canonicalJson } from '../config/hash.ts';
import type { RequestSnapshot } from '../contracts/plan.ts';
import type { IssueFields } from '../github/issues.ts';
import { errorMessage, UserError } from '../util/errors.ts';
import { clip } from '../util/text.ts';

/**
 * Markdown as a reader sees it on GitHub (`visibleMarkdown`), with a last line saying what was
 * hidden when anything was: the model learns that the author hid something (a reason for
 * suspicion, not an instruction), and so does whoever reads the request in the plan.
 */
function visibleText(text: string): string {
  const { text: visible, removed } = visibleMarkdown(text);
  const trimmed = visible.trim();
  if (removed.length === 0) return trimmed;
  const note = `[ensemble removed what GitHub does not show from this text: ${removed.join(', ')}]`;
  return trimmed === '' ? note : `${trimmed}\n\n${note}`;
}

// A title is plain text on GitHub, not Markdown: only invisible characters and comments go.
function snapshot(fields: Omit<RequestSnapshot, 'hash'>): RequestSnapshot {
  const clean: Omit<RequestSnapshot, 'hash'> = {
    ...fields,
    title: stripHiddenContent(fields.title).trim(),
    body: visibleText(fields.body),
    comments: fields.comments.map((c) => ({ ...c, body: visibleText(c.body) })),
  };
  const hash = createHash('sha256').update(canonicalJson(clean)).digest('hex');
  return { ...clean, hash };
}

/** The request of a run started from a prompt; hidden content is stripped before anything sees it. */
export function requestFromPrompt(prompt: string, title?: string): RequestSnapshot {
  const text = prompt.trim();
  if (text === '') throw new UserError('the prompt is empty: say what to build');
  const firstLine = title ?? stripHiddenContent(text).split('\n')[0]?.trim() ?? '';
  return snapshot({
    source: 'prompt',
    issue: null,
    title: firstLine.length > 120 ? `${firstLine.slice(0, 117)}...` : firstLine,
    body: text,
    author: null,
    comments: [],
    omittedComments: 0,
  });
}

/**
 * How much of an issue a request holds. Every agent reads the request, so a long discussion would
 * be paid for in every prompt (and could crowd out the task): the body is cut at
 * `MAX_REQUEST_BODY_CHARS`, each comment at `MAX_COMMENT_CHARS`, and the comments kept are the most
 * recent that fit in `MAX_COMMENTS` and `MAX_COMMENTS_CHARS` together: the latest word of the
 * maintainers usually refines what the issue asked.
 */
export const REQUEST_BOUNDS = {
  MAX_REQUEST_BODY_CHARS: 60_000,
  MAX_COMMENT_CHARS: 8_000,
  MAX_COMMENTS: 30,
  MAX_COMMENTS_CHARS: 40_000,
} as const;

/** The most recent comments within `REQUEST_BOUNDS`, oldest first, each cut to its bound; and how many were left out. */
export function boundedComments(comments: IssueFields['comments']): {
  kept: IssueFields['comments'];
  omitted: number;
} {
  const kept: IssueFields['comments'] = [];
  let chars = 0;
  for (const comment of [...comments].reverse()) {
    const body = cutText(comment.body, REQUEST_BOUNDS.MAX_COMMENT_CHARS);
    if (kept.length >= REQUEST_BOUNDS.MAX_COMMENTS || chars + body.length > REQUEST_BOUNDS.MAX_COMMENTS_CHARS) break;
    kept.unshift({ ...comment, body });
    chars += body.length;
  }
  return { kept, omitted: comments.length - kept.length };
}

/** `text` cut at `max` characters, saying how much was cut. */
function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${clip(text, max)}\n[ensemble left out the remaining ${text.length - max} characters]`;
}

/** The snapshot of an issue, taken once; later stages read this, never the live issue. */
export function requestFromIssue(issue: IssueFields): RequestSnapshot {
  const { kept, omitted } = boundedComments(issue.comments);
  return snapshot({
    source: 'issue',
    issue: issue.number,
    title: issue.title,
    body: cutText(issue.body ?? '', REQUEST_BOUNDS.MAX_REQUEST_BODY_CHARS),
    author: issue.author,
    comments: kept,
    omittedComments: omitted,
  });
}

/** `gh issue view N --json number,title,body,author,comments`, or GitHub's REST issue shape. */
const IssueJson = z.object({
  number: z.number().int().positive().optional(),
  title: z.string().min(1, 'the issue needs a title'),
  body: z.string().nullable().optional(),
  author: z
    .union([z.object({ login: z.string() }), z.string()])
    .nullable()
    .optional(),
  user: z.object({ login: z.string() }).nullable().optional(),
  comments: z
    .array(
      z.object({
        author: z
          .union([z.object({ login: z.string() }), z.string()])
          .nullable()
          .optional(),
        user: z.object({ login: z.string() }).nullable().optional(),
        body: z.string(),
        createdAt: z.string().optional(),
        created_at: z.string().optional(),
      }),
    )
    .optional(),
});

const login = (who: { login: string } | string | null | undefined) =>
  typeof who === 'string' ? who : (who?.login ?? null);

/**
 * An issue written to a file: JSON as `gh issue view --json` or the REST API gives it, or
 * Markdown whose first `# ` heading is the title. A file without an issue number is a prompt.
 */
export function requestFromIssueFile(text: string, file: string): RequestSnapshot {
  const trimmed = text.trim();
  if (trimmed === '')
    throw new UserError(`${file} is empty: write the issue as Markdown (a "# Title" line, then the body) or as JSON`);
  if (trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      throw new UserError(`${file} is not valid JSON: ${errorMessage(error)}`);
    }
    const parsed = IssueJson.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `${file}: ${issue?.path.join('.') || 'issue'}: ${issue?.message}; expected ` +
          `the shape of \`gh issue view N --json number,title,body,author,comments\``,
      );
    }
    const issue = parsed.data;
    const comments = (issue.comments ?? []).map((c) => ({
      author: login(c.author) ?? login(c.user) ?? 'unknown',
      body: c.body,
      createdAt: c.createdAt ?? c.created_at ?? '',
    }));
    if (issue.number === undefined) return requestFromPrompt(`${issue.title}\n\n${issue.body ?? ''}`);
    return requestFromIssue({
      number: issue.number,
      title: issue.title,
      body: issue.body ?? '',
      author: login(issue.author) ?? login(issue.user),
      comments,
    });
  }
  const heading = /^#\s+(.+)$/m.exec(trimmed);
  if (!heading) return requestFromPrompt(trimmed);
  const body = trimmed.replace(heading[0], '').trim();
  return requestFromPrompt(body || heading[1]!, heading[1]!.trim());
}
