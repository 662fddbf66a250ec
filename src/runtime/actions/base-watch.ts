/**
 * ensemble on its pull requests when their base branch moves (`push` to the base): a pull request
 * that no longer merges cleanly gets the base merged into its branch — never a rebase over commits
 * people pushed. The respond job merges as objects only (`workspace/merge.ts`) and, when every
 * conflict is one of contents, prepares a fix run whose change is the merge with its conflict
 * markers, one finding per conflicted file; the fix round resolves them, the re-test checks the
 * result, and the publisher pushes one merge commit. Conflicts no text edit resolves (a file
 * deleted on one side, a binary file) are named in the tracking comment, and nothing is pushed.
 *
 * One pull request per run (the fix job works on one): others that conflict are taken by the
 * next push, or now with `/ensemble fix` on them. A (head, base) pair is merged once.
 */
import { z } from 'zod';
import type { EnsembleConfig } from '../../contracts/config.ts';
import type { BaseMerge } from '../../contracts/follow-up.ts';
import type { Finding } from '../../contracts/review.ts';
import type { GitHubClient } from '../../github/octokit.ts';
import type { ActivityRow } from '../../publish/activity.ts';
import { hardenedGit, hasCommit } from '../../workspace/git.ts';
import { mergeTrees, resolvableInText, type TreeMerge } from '../../workspace/merge.ts';
import { issueOf, repairsStopped } from './ci-watch.ts';
import { notEnsemblesPull, pullFactsOf } from './follow-up-event.ts';
import type { PullForFix } from './respond.ts';
import { followUpCommentsIn, pullComments } from './run-control.ts';
import type { ActionDeps } from './stages.ts';

export type BaseAnswer =
  | { mode: 'none'; why: string }
  | { mode: 'merge'; pull: PullForFix; merge: BaseMerge; tree: string; row: ActivityRow; issue: number | null };

export interface BaseWatchContext {
  octokit: GitHubClient;
  config: EnsembleConfig;
  deps: ActionDeps;
  record: (issue: number | null, row: ActivityRow) => Promise<void>;
  now: () => Date;
  /** Waits while GitHub computes whether a pull request merges (`mergeable` is null meanwhile). */
  sleep: (ms: number) => Promise<void>;
}

const PushPayload = z.object({
  ref: z.string(),
  after: z.string().regex(/^[0-9a-f]{40}$/),
  deleted: z.boolean().optional(),
});

/** How often, and how long apart, `mergeable` is read again while GitHub computes it. */
const MERGEABLE_TRIES = 5;
const MERGEABLE_WAIT_MS = 3_000;

/** Reads the pull requests into the pushed branch, and prepares the merge of the first that conflicts (module comment). */
export async function watchBase(ctx: BaseWatchContext): Promise<BaseAnswer> {
  const { octokit, deps } = ctx;
  const repo = deps.job.repository;
  const push = PushPayload.safeParse(deps.job.eventPayload);
  if (!push.success) return { mode: 'none', why: "the push event's payload has no usable ref and after" };
  const branch = /^refs\/heads\/(.+)$/.exec(push.data.ref)?.[1];
  if (branch === undefined || push.data.deleted)
    return { mode: 'none', why: `${push.data.ref} is no branch that moved` };
  if (branch.startsWith('ensemble/')) return { mode: 'none', why: `a push to ensemble's own branch ${branch}` };
  const baseSha = push.data.after;

  const pulls = await ensemblePullsInto(octokit, repo, branch);
  if (pulls.length === 0) return { mode: 'none', why: `no open pull request of ensemble's is based on ${branch}` };
  const git = hardenedGit(deps.job.workspace);
  if (!(await hasCommit(git, baseSha))) {
    return {
      mode: 'none',
      why: `${branch}'s new commit ${baseSha.slice(0, 12)} is not in the checkout; re-run this job`,
    };
  }
  const skipped: string[] = [];
  for (const pull of pulls) {
    const mergeable = await mergeableOf(ctx, pull.number);
    if (mergeable !== false) {
      skipped.push(`#${pull.number} ${mergeable === null ? 'has no mergeability from GitHub yet' : 'merges cleanly'}`);
      continue;
    }
    const issue = issueOf(pull.head.ref);
    const comments = await pullComments(octokit, repo, pull.number);
    if (repairsStopped(comments)) {
      skipped.push(`#${pull.number}: ensemble was stopped there (/ensemble stop)`);
      continue;
    }
    const earlier = followUpCommentsIn(comments);
    const done = earlier.find((c) => c.work?.headSha === pull.head.sha && c.work.merged === baseSha);
    if (done) {
      skipped.push(`#${pull.number}: this merge was taken up already (${done.url})`);
      continue;
    }
    const merged = await mergeTrees(git, pull.head.sha, baseSha);
    const row = conflictRow(ctx, pull, branch, baseSha, merged);
    const stuck = merged.conflicts.filter((c) => !resolvableInText(c));
    if (merged.conflicts.length === 0 || stuck.length > 0) {
      // Said in its row; the next pull request that conflicts is not held up behind it.
      if (stuck.length > 0) await ctx.record(issue, row);
      skipped.push(
        stuck.length > 0
          ? `#${pull.number} conflicts with ${branch} where no text edit resolves it: ${describe(stuck)}`
          : `#${pull.number}: GitHub says it conflicts, but git merges it cleanly; nothing to resolve`,
      );
      continue;
    }
    const merge: BaseMerge = { base: branch, baseSha, conflicts: merged.conflicts.map((c) => c.path) };
    return { mode: 'merge', pull, merge, tree: merged.tree, row, issue };
  }
  return { mode: 'none', why: skipped.join('; ') };
}

/** The findings of a base merge: one per conflicted file, at its first conflict marker. */
export async function conflictFindings(
  git: ReturnType<typeof hardenedGit>,
  tree: string,
  merge: BaseMerge,
  severity: Finding['severity'],
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const path of merge.conflicts) {
    const text = (await git.run(['cat-file', 'blob', `${tree}:${path}`], { okCodes: [0, 128] })).stdout.toString();
    const index = text.split('\n').findIndex((line) => /^<{7}( |$)/.test(line));
    findings.push({
      id: null,
      path,
      line: index === -1 ? null : index + 1,
      endLine: null,
      quote: '',
      severity,
      title: `Merge conflict with ${merge.base} in ${path}`,
      body:
        `Merging ${merge.base} (${merge.baseSha.slice(0, 12)}) into the pull request conflicts in ${path}. ` +
        'Resolve every conflict marker (<<<<<<<, =======, >>>>>>>) so that the file keeps what both sides ' +
        `meant: the pull request's change, and what ${merge.base} changed since the pull request branched off. ` +
        'Change nothing else.',
      suggestion: null,
    });
  }
  return findings;
}

async function ensemblePullsInto(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
  base: string,
): Promise<(PullForFix & { state: string })[]> {
  const pulls = await octokit.paginate(octokit.rest.pulls.list, { ...repo, state: 'open', base, per_page: 100 });
  return pulls
    .filter((pull) => notEnsemblesPull(pullFactsOf(pull)) === null)
    .map((pull) => ({
      number: pull.number,
      html_url: pull.html_url,
      state: pull.state,
      head: { ref: pull.head.ref, sha: pull.head.sha },
    }));
}

/** `mergeable` of a pull request: GitHub computes it after a push, and answers null until it has. */
async function mergeableOf(ctx: BaseWatchContext, pull: number): Promise<boolean | null> {
  for (let i = 0; i < MERGEABLE_TRIES; i++) {
    const { data } = await ctx.octokit.rest.pulls.get({ ...ctx.deps.job.repository, pull_number: pull });
    if (data.mergeable !== null && data.mergeable !== undefined) return data.mergeable;
    if (i < MERGEABLE_TRIES - 1) await ctx.sleep(MERGEABLE_WAIT_MS);
  }
  return null;
}

function conflictRow(
  ctx: BaseWatchContext,
  pull: PullForFix,
  base: string,
  baseSha: string,
  merged: TreeMerge,
): ActivityRow {
  const stuck = merged.conflicts.filter((c) => !resolvableInText(c));
  const title =
    stuck.length > 0
      ? `${base} moved to ${baseSha.slice(0, 12)}; the merge conflicts where ensemble cannot resolve it`
      : `Merging ${base} (${baseSha.slice(0, 12)}): resolving conflicts in ${merged.conflicts.length} file(s)`;
  return {
    key: `conflict:${pull.head.sha}:${baseSha}`,
    kind: 'conflict',
    state: stuck.length > 0 ? 'failed' : 'running',
    title,
    detail:
      stuck.length > 0
        ? `Conflicts: ${describe(merged.conflicts)}. Merge ${base} by hand (never a rebase over people's commits).`
        : `Conflicts in ${merged.conflicts.map((c) => c.path).join(', ')}.`,
    link: pull.html_url,
    at: ctx.now().toISOString(),
    costUsd: null,
  };
}

function describe(conflicts: readonly { path: string; kinds: string[] }[]): string {
  return conflicts.map((c) => `${c.path} (${c.kinds.join(', ') || 'conflict'})`).join(', ');
}
