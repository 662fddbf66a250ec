import { z } from 'zod';
import { envelope, NonEmptyText, RepoPath } from './common.ts';

/** What the documentation agent submits; "no-change" with its reason in the summary is a valid outcome. */
export const DocsBody = z
  .object({
    status: z.enum(['updated', 'no-change', 'failed']),
    summary: NonEmptyText.max(20_000),
  })
  .strict();
export type DocsBody = z.infer<typeof DocsBody>;

export const DocsDocument = envelope(
  'ensemble.docs/v1',
  DocsBody.extend({ filesChanged: z.array(RepoPath).max(1_000) }),
);
export type DocsDocument = z.infer<typeof DocsDocument>;
