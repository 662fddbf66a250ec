import { z } from 'zod';
import { envelope, GitSha, RepoPath } from './common.ts';
import { FindingId } from './review.ts';

/**
 * A review thread on the pull request that a follow-up run's fix round was given: the finding it
 * is, where to reply, and whose it is. ensemble resolves its own threads once a re-review no
 * longer reports them; a person's thread is answered and left for that person to resolve.
 */
export const FollowUpThread = z
  .object({
    findingId: FindingId,
    /** GraphQL node id of the thread (for `resolveReviewThread`). */
    threadId: z.string().min(1).max(200),
    /** REST id of the thread's root comment (replies go to it). */
    commentId: z.number().int().positive(),
    by: z.enum(['ensemble', 'person']),
    /** The login of the person who opened the thread; null for ensemble's. */
    author: z.string().max(100).nullable(),
    path: RepoPath,
    line: z.number().int().positive().nullable(),
  })
  .strict();
export type FollowUpThread = z.infer<typeof FollowUpThread>;

/** A repair of the repository's CI on ensemble's pull request: what failed on which head, and the attempt. */
export const CiRepair = z
  .object({
    /** The head whose checks failed (`pull.headSha`). */
    headSha: GitSha,
    /** The failed checks being repaired, by name. */
    checks: z.array(z.string().min(1).max(200)).min(1).max(50),
    /** The failures' signature (`ci/failure.ts`): the same failure of the same head is repaired once. */
    signature: z.string().regex(/^C[0-9a-f]{12}$/),
    /** This repair's number on the pull request, and the most `ci.max-attempts` allows. */
    attempt: z.number().int().positive(),
    maxAttempts: z.number().int().positive(),
  })
  .strict();
export type CiRepair = z.infer<typeof CiRepair>;

/**
 * A merge of the base branch into ensemble's branch, after the base moved and the pull request no
 * longer merged cleanly: the run's base is the base branch's new commit, its change the merge with
 * conflict markers in `conflicts`, which the fix round resolves; the publisher pushes one merge
 * commit (parents: the head, then `baseSha`). Never a rebase: people's commits stay as they are.
 */
export const BaseMerge = z
  .object({
    /** The base branch's name and the commit of it that is merged. */
    base: z.string().min(1).max(255),
    baseSha: GitSha,
    /** Files the merge left conflict markers in. */
    conflicts: z.array(RepoPath).min(1).max(200),
  })
  .strict();
export type BaseMerge = z.infer<typeof BaseMerge>;

/**
 * A follow-up run on a pull request ensemble opened: what started it and the state it starts from.
 * The respond action writes it with the run's first-pass documents (the stored plan and test
 * report, the open findings as reviews, `change.patch` from the base to the pull request's head);
 * the fix job takes its instructions from it, and the publisher pushes onto `pull.headSha` only.
 */
export const FollowUpDocument = envelope(
  'ensemble.follow-up/v1',
  z
    .object({
      pull: z
        .object({
          number: z.number().int().positive(),
          branch: z.string().regex(/^ensemble\/[A-Za-z0-9._/-]+$/, 'must be a branch under "ensemble/"'),
          /** The head the run builds on: people's commits on it are kept, never rewritten. */
          headSha: GitSha,
          url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
        })
        .strict(),
      trigger: z
        .object({
          event: z.enum([
            'push',
            'pull_request_review',
            'pull_request_review_comment',
            'issue_comment',
            'workflow_run',
            'check_suite',
            'local',
          ]),
          /** Who asked, as GitHub names them; for a CI repair, the app whose check failed. */
          author: z.string().min(1).max(100),
          via: z.enum(['changes-requested', 'command', 'ci', 'conflict', 'local']),
          /**
           * Where ensemble answers: the comment or review that asked; for a CI repair, the failed
           * workflow run or check suite (one repair per run).
           */
          source: z
            .object({
              kind: z.enum([
                'issue-comment',
                'review',
                'review-comment',
                'workflow-run',
                'check-suite',
                'base-push',
                'local',
              ]),
              id: z.number().int().nonnegative(),
            })
            .strict(),
        })
        .strict(),
      /** A person's instructions (the command's text or the review's body); untrusted. */
      instructions: z.string().max(20_000).nullable(),
      threads: z.array(FollowUpThread).max(500),
      /** For a repair of the repository's CI: what failed, and which attempt this is. */
      ci: CiRepair.nullable().default(null),
      /** For a merge of the base branch that conflicted: what is merged, and where it conflicts. */
      merge: BaseMerge.nullable().default(null),
      /** The run whose stored state this one continues (`refs/ensemble/state/…`). */
      continues: z
        .object({
          runId: z.string().min(1).max(200),
          stateCommit: GitSha,
        })
        .strict(),
    })
    .strict(),
);
export type FollowUpDocument = z.infer<typeof FollowUpDocument>;
