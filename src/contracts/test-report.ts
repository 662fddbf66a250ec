import { z } from 'zod';
import { envelope, NonEmptyText, RepoPath, TaskId } from './common.ts';

export const IntegrationResult = z
  .object({
    taskId: TaskId,
    result: z.enum(['applied', 'conflicted', 'resolved', 'skipped']),
    conflictingFiles: z.array(RepoPath).default([]),
    detail: z.string().max(5_000).default(''),
  })
  .strict();
export type IntegrationResult = z.infer<typeof IntegrationResult>;

export const TestFailure = z
  .object({
    name: NonEmptyText.max(1_000),
    excerpt: z.string().max(10_000),
    atBase: z
      .boolean()
      .nullable()
      .describe('true: also fails at the base SHA; false: the change introduced it; null: not checked'),
  })
  .strict();
export type TestFailure = z.infer<typeof TestFailure>;

const Count = z.number().int().nonnegative().nullable().describe('null when the output did not say');

/** What the testing agent submits. */
export const TestBody = z
  .object({
    summary: NonEmptyText.max(20_000),
    testsAdded: z.array(RepoPath).max(1_000).default([]),
  })
  .strict();
export type TestBody = z.infer<typeof TestBody>;

export const TestDocument = envelope(
  'ensemble.test/v1',
  TestBody.extend({
    status: z.enum(['passed', 'failed', 'no-tests', 'error']),
    command: z.string().max(10_000).nullable(),
    exitCode: z.number().int().nullable(),
    passed: Count,
    failed: Count,
    failures: z.array(TestFailure).max(200),
    integration: z.array(IntegrationResult).max(256),
    fixAttempts: z.number().int().nonnegative(),
  }),
);
export type TestDocument = z.infer<typeof TestDocument>;
