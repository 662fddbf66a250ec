import type { z } from 'zod';
import { CheckpointDocument } from './checkpoint.ts';
import { DocsDocument } from './docs.ts';
import { FixDocument } from './fix.ts';
import { FollowUpDocument } from './follow-up.ts';
import { PlanDocument } from './plan.ts';
import { PublishDocument } from './publish.ts';
import { ReviewDocument } from './review.ts';
import type { StageName } from './stages.ts';
import { TaskDocument } from './task.ts';
import { TestDocument } from './test-report.ts';

export type { StageName } from './stages.ts';

/** What writes a document: a stage, or the respond job of a follow-up run. */
export type Producer = StageName | 'respond';

export interface DocumentKind<S extends z.ZodType = z.ZodType> {
  /** The `<kind>` in `ensemble.<kind>/v<n>`. */
  kind: string;
  version: number;
  /** The stage that writes it (or `respond`, the first job of a follow-up run), named in every error about it. */
  producer: Producer;
  /** File name inside the artifact. */
  file: string;
  /** Artifact name; `<task>` and `<lens>` are filled per matrix leg. */
  artifact: string;
  schema: S;
}

/** Every artifact document ensemble hands from one stage to the next. */
export const DOCUMENTS = {
  plan: {
    kind: 'plan',
    version: 1,
    producer: 'plan',
    file: 'plan.json',
    artifact: 'ensemble-plan',
    schema: PlanDocument,
  },
  task: {
    kind: 'task',
    version: 1,
    producer: 'code',
    file: 'task.json',
    artifact: 'ensemble-code-<task>',
    schema: TaskDocument,
  },
  test: {
    kind: 'test',
    version: 1,
    producer: 'test',
    file: 'test.json',
    artifact: 'ensemble-test',
    schema: TestDocument,
  },
  review: {
    kind: 'review',
    version: 1,
    producer: 'review',
    file: 'review.json',
    artifact: 'ensemble-review-<lens>',
    schema: ReviewDocument,
  },
  docs: {
    kind: 'docs',
    version: 1,
    producer: 'docs',
    file: 'docs.json',
    artifact: 'ensemble-docs',
    schema: DocsDocument,
  },
  fix: {
    kind: 'fix',
    version: 1,
    producer: 'fix',
    file: 'fix.json',
    artifact: 'ensemble-fix-<round>',
    schema: FixDocument,
  },
  'follow-up': {
    kind: 'follow-up',
    version: 1,
    // Written by the respond job of a follow-up run; the fix and publish jobs read it.
    producer: 'respond',
    file: 'follow-up.json',
    artifact: 'ensemble-follow-up',
    schema: FollowUpDocument,
  },
  checkpoint: {
    kind: 'checkpoint',
    version: 1,
    // Written by the plan job of a run that waits for a person; publish stores it under refs/ensemble/.
    producer: 'plan',
    file: 'checkpoint.json',
    artifact: 'ensemble-plan',
    schema: CheckpointDocument,
  },
  publish: {
    kind: 'publish',
    version: 1,
    producer: 'publish',
    file: 'publish.json',
    artifact: 'ensemble-publish',
    schema: PublishDocument,
  },
} as const satisfies Record<string, DocumentKind>;

export type DocumentName = keyof typeof DOCUMENTS;
export type DocumentOf<N extends DocumentName> = z.infer<(typeof DOCUMENTS)[N]['schema']>;

export const DOCUMENT_NAMES = Object.keys(DOCUMENTS) as DocumentName[];
