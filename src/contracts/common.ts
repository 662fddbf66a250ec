import { z } from 'zod';
import { TASK_ID_PATTERN } from './task-id.ts';

/** Lowercase hex SHA-1 (40) or SHA-256 (64) object name, as git prints it. */
export const GitSha = z
  .string()
  .regex(/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/, 'must be a full lowercase git commit SHA (40 or 64 hex characters)');

export const Sha256Hex = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest (64 lowercase hex characters)');

/**
 * A path inside the repository, as git writes it: relative, forward slashes, no `..` segment.
 * Artifacts come from other jobs, so a path that could escape the checkout is refused here,
 * before any stage touches the file system.
 */
export const RepoPath = z
  .string()
  .min(1, 'must not be empty')
  .max(4096)
  .superRefine((path, ctx) => {
    const problem = repoPathProblem(path);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: path });
  });

/**
 * Why `path` is not a repository path, or null. One reason per path: `/etc/passwd` is "not
 * relative", not also "has an empty segment". The empty string is left to `RepoPath`'s `min(1)`.
 */
export function repoPathProblem(path: string): string | null {
  if (path === '') return null;
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'must be relative to the repository root';
  if (path.includes('\\')) return 'must use forward slashes';
  if (path.includes('\0')) return 'must not contain NUL';
  const segments = path.split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === '')) return 'must not contain empty, "." or ".." segments';
  // Git never tracks a `.git` entry (any case); a path into it could plant hooks or config that run later.
  if (segments.some((s) => s.toLowerCase() === '.git')) return 'must not point into a ".git" directory';
  return null;
}

/** A task id: {@link TASK_ID_PATTERN}. */
export const TaskId = z
  .string()
  .regex(TASK_ID_PATTERN, 'must be 1-40 characters of a-z, 0-9 and "-", starting with a letter or digit');

export const NonEmptyText = z.string().trim().min(1, 'must not be empty');

/** Who and what a document belongs to; every artifact of one pipeline run carries the same identity. */
export const RunIdentity = z
  .object({
    repository: z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'must be "owner/name"'),
    runId: z.string().min(1).max(200),
    issue: z.number().int().positive().nullable(),
    promptHash: Sha256Hex.nullable(),
    baseSha: GitSha,
    configHash: Sha256Hex,
  })
  .strict()
  .refine((r) => (r.issue === null) !== (r.promptHash === null), {
    message: 'exactly one of "issue" and "promptHash" must be set',
    path: ['issue'],
  });
export type RunIdentity = z.infer<typeof RunIdentity>;

const TokenCount = z.number().int().nonnegative();

/** Model usage of the stage that produced a document. `costUsd` is null when no price is known: never a guess. */
export const Usage = z
  .object({
    model: z.string(),
    calls: TokenCount,
    inputTokens: TokenCount,
    outputTokens: TokenCount,
    cacheReadTokens: TokenCount,
    cacheWriteTokens: TokenCount,
    costUsd: z.number().nonnegative().nullable(),
    durationMs: z.number().nonnegative(),
  })
  .strict();
export type Usage = z.infer<typeof Usage>;

export function emptyUsage(model = ''): Usage {
  return {
    model,
    calls: 0,
    inputTokens: 0,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    costUsd: null,
    durationMs: 0,
  };
}

/** The usage of work that called no model (publish, a task that never started): it cost nothing. */
export function noModelUsage(): Usage {
  return { ...emptyUsage(), costUsd: 0 };
}

/** `ensemble.<kind>/v<version>` */
export function schemaId(kind: string, version: number): string {
  return `ensemble.${kind}/v${version}`;
}

/** The envelope every artifact document shares, with the document's own fields beside it. */
export function envelope<Id extends string, Shape extends z.ZodRawShape>(id: Id, body: z.ZodObject<Shape>) {
  const document = z
    .object({
      schema: z.literal(id),
      run: RunIdentity,
      usage: Usage,
    })
    .extend(body.shape)
    .strict();
  // `.shape` carries the fields only: re-attach the body's own refinements (a plan's task-graph
  // checks). The body's fields sit at the document's root, so their issue paths stay right.
  // The checks are typed against the body's output, which the document's output extends.
  const checks = (body._zod.def.checks ?? []) as z.core.$ZodCheck<z.output<typeof document>>[];
  return checks.length > 0 ? document.check(...checks) : document;
}
