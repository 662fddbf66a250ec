import { z } from 'zod';
import { envelope, GitSha, TaskId } from './common.ts';

export const PublishedCommit = z
  .object({
    sha: GitSha,
    stage: z.enum(['code', 'test', 'fix', 'docs']),
    taskId: TaskId.nullable(),
  })
  .strict();
export type PublishedCommit = z.infer<typeof PublishedCommit>;

export const PublishDocument = envelope(
  'ensemble.publish/v1',
  z
    .object({
      branch: z.string().regex(/^ensemble\/[A-Za-z0-9._/-]+$/, 'must be a branch under "ensemble/"'),
      commits: z.array(PublishedCommit).max(300),
      prNumber: z.number().int().positive().nullable(),
      // Shown as a link in summaries and comments: a web URL only, never `javascript:` or `data:`.
      prUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).nullable(),
      reviewId: z.number().int().positive().nullable(),
      commentId: z.number().int().positive().nullable(),
    })
    .strict(),
);
export type PublishDocument = z.infer<typeof PublishDocument>;
