/**
 * The revert ensemble proposes when a merged change of its own broke the default branch: a draft
 * pull request from `ensemble/revert-<pr>` holding one commit that undoes the merge, and a comment
 * on the issue with the diagnosis. Never a merge, never a push to the default branch: a person
 * reviews the revert, or closes it when the failure is not the change's.
 *
 * - The commit is made locally, in no work tree: its parent is the merge commit C and its tree is
 *   C's first parent's. That is exactly what `git revert --no-commit [-m 1] C` leaves on top of C
 *   (a three-way merge of C and its first parent over C gives the first parent), so no checkout,
 *   index or branch of the repository is touched, and the same commit content comes out on every
 *   run. It is recreated on GitHub with `pushCommits`.
 * - Whether it still applies: the revert is merged, in objects only (`git merge-tree`), into the
 *   default branch as it stands; a conflict (a later commit changed the same lines) opens no pull
 *   request, and the comment says so: a person reverts by hand.
 * - Idempotent: a branch that holds the same revert (same parent, tree and message) is reused;
 *   one that holds anything else is left alone and said so. The open pull request of the branch
 *   is updated; one a person closed is not reopened. The comment is upserted by its marker.
 * - Every text (title, body, comment, commit message) goes through the safe-output policy; a
 *   refused one is written without the log excerpt, or not at all.
 */

import { githubCall, statusOf } from '../github/errors.ts';
import { upsertMarkedComment } from '../github/issues.ts';
import type { GitHubClient } from '../github/octokit.ts';
import { writeOnce } from '../github/write-once.ts';
import { marker } from '../render/marker.ts';
import { safeInline } from '../render/safe.ts';
import type { SecretValue } from '../secrets/scan.ts';
import { commitTree } from '../workspace/commit.ts';
import { hardenedGit, hasCommit, isFullSha, nulFields } from '../workspace/git.ts';
import { ENSEMBLE_AUTHOR, RUN_TRAILER } from './commits.ts';
import { branchHead, pushCommits, type RemoteRepo } from './git-data.ts';
import { checkSafeOutputs, type Refusal, type SafeOutputsOptions } from './policy.ts';
import { upsertPullRequest } from './pull-request.ts';

/** The branch of the revert of pull request `pull`. */
export function revertBranch(pull: number): string {
  return `ensemble/revert-${pull}`;
}

/** The marker of the monitor's comment about pull request `pull`: one comment per pull request, updated. */
export function monitorMarker(pull: number): string {
  return marker('monitor', { pr: pull });
}

export interface MergedPull {
  number: number;
  title: string;
  url: string;
  /** The merge commit (or the squash or rebase commit) on the default branch. */
  mergeSha: string;
}

/** The texts the monitor composed; `*WithoutExcerpt` are written when the policy refuses the others. */
export interface RevertTexts {
  /** The diagnosis and evidence, Markdown, for the pull request and the comment. */
  diagnosis: string;
  /** The same without the log excerpt (untrusted text), written when the policy refuses the first. */
  diagnosisWithoutExcerpt: string;
  /** One line for the commit message: why. */
  reason: string;
}

export interface ProposeRevertOptions {
  octokit: GitHubClient;
  repo: RemoteRepo;
  /** A clone holding C and its parents (the respond job's checkout of the default branch, full history). */
  repoDir: string;
  defaultBranch: string;
  pull: MergedPull;
  /** The issue the comment goes on (the pull request's `ensemble/issue-<n>`), or the merged pull request. */
  commentOn: number;
  texts: RevertTexts;
  runId: string;
  runUrl: string;
  serverUrl: string;
  secretValues: readonly SecretValue[];
}

export type RevertOutcome =
  | {
      kind: 'opened';
      pull: { number: number; url: string };
      /** What happened to the pull request: made now, updated, or as it was. */
      outcome: 'created' | 'updated' | 'unchanged';
      branch: 'created' | 'reused';
      commit: string;
      comment: string;
    }
  /** The revert conflicts with the default branch as it stands: no pull request. */
  | { kind: 'conflicts'; files: string[]; comment: string }
  /** The branch holds something else (a person's push): left as it is, no pull request written. */
  | { kind: 'branch-taken'; head: string; comment: string }
  /** A person closed the revert pull request: not reopened. */
  | { kind: 'closed'; pull: { number: number; url: string }; comment: string }
  /** The policy refused even the texts without the excerpt: nothing written. */
  | { kind: 'refused'; refusals: Refusal[] };

/** The local revert commit of `mergeSha` on itself (module comment), with its tree and message. */
export async function makeRevertCommit(
  repoDir: string,
  input: { pull: MergedPull; reason: string; runId: string },
): Promise<{ sha: string; tree: string; parent: string; message: string; merge: boolean }> {
  const git = hardenedGit(repoDir);
  const c = input.pull.mergeSha;
  if (!isFullSha(c)) throw new Error(`the merge commit must be a full SHA, got ${JSON.stringify(c)}`);
  const parents = (await git.text(['rev-list', '--parents', '-n', '1', c], { what: `read the parents of ${c}` }))
    .split(' ')
    .slice(1);
  const first = parents[0];
  if (first === undefined) throw new Error(`${c} has no parent: a root commit cannot be reverted`);
  const tree = await git.text(['rev-parse', '--verify', `${first}^{tree}`], { what: `read the tree of ${first}` });
  const message = revertMessage(input.pull, parents.length > 1, input.reason);
  const trailers = { [RUN_TRAILER]: input.runId, 'Ensemble-Stage': 'monitor' };
  // A fixed date: the same revert gives the same commit on every run.
  const identity = { ...ENSEMBLE_AUTHOR, date: '1970-01-01T00:00:00Z' };
  const sha = await commitTree(repoDir, { tree, parentSha: c, message, trailers, author: identity });
  if (sha === null) throw new Error(`${c} changes nothing: there is nothing to revert`);
  const full = await git.text(['log', '-1', '--format=%B', sha], { what: `read the message of ${sha}` });
  return { sha, tree, parent: c, message: full, merge: parents.length > 1 };
}

function revertMessage(pull: MergedPull, merge: boolean, reason: string): string {
  const kind = merge ? 'merge commit' : 'commit';
  const title = pull.title.replace(/\s+/g, ' ').trim();
  return [
    `Revert "${title}"`,
    '',
    `This reverts #${pull.number} (${kind} ${pull.mergeSha}): ${reason.replace(/\s+/g, ' ').trim()}`,
    '',
    'Proposed by ensemble after the merge; ensemble never merges it.',
  ].join('\n');
}

/**
 * Whether the revert merges cleanly into `head` (the default branch now): the conflicting files,
 * or an empty list. Objects only; nothing checked out.
 */
export async function revertConflicts(repoDir: string, head: string, revert: string): Promise<string[]> {
  const git = hardenedGit(repoDir);
  const merged = await git.run(
    ['merge-tree', '--write-tree', '--name-only', '--no-messages', '-z', '--end-of-options', head, revert],
    { okCodes: [0, 1], what: `merge the revert ${revert} into ${head}` },
  );
  if (merged.code === 0) return [];
  // The tree's SHA, then the conflicted paths.
  return [...new Set(nulFields(merged.stdout).slice(1))].filter(Boolean).sort();
}

/** Opens (or updates) the draft revert and comments on the issue (module comment). */
export async function proposeRevert(options: ProposeRevertOptions): Promise<RevertOutcome> {
  const { octokit, repo, pull } = options;
  const branch = revertBranch(pull.number);
  const local = await makeRevertCommit(options.repoDir, {
    pull,
    reason: options.texts.reason,
    runId: options.runId,
  });
  const texts = await checkedTexts(options, local.message);
  if ('refusals' in texts) return { kind: 'refused', refusals: texts.refusals };
  const comment = (body: string) => postComment(options, body, texts.comment);

  const current = await branchHead(octokit, repo, options.defaultBranch);
  if (current !== null && current !== pull.mergeSha && (await hasCommit(hardenedGit(options.repoDir), current))) {
    const files = await revertConflicts(options.repoDir, current, local.sha);
    if (files.length > 0) {
      const list = files.map((f) => `\`${safeInline(f).replace(/`/g, "'")}\``).join(', ');
      const said = `**No revert pull request was opened**: reverting #${pull.number} conflicts with what \`${options.defaultBranch}\` holds now (${list}). Revert it by hand if the failure is the change's.`;
      return { kind: 'conflicts', files, comment: await comment(`${said}\n\n${texts.comment}`) };
    }
  }

  const existing = await branchHead(octokit, repo, branch);
  let branchOutcome: 'created' | 'reused' = 'reused';
  let head = existing;
  if (existing !== null && !(await sameRevert(octokit, repo, existing, local))) {
    const said = `**No revert pull request was written**: the branch \`${branch}\` exists and holds another commit (\`${existing.slice(0, 12)}\`), which ensemble leaves as it is. Delete the branch for ensemble to propose its revert again.`;
    return { kind: 'branch-taken', head: existing, comment: await comment(`${said}\n\n${texts.comment}`) };
  }
  const closed = await closedRevertPull(octokit, repo, branch);
  if (closed !== null) {
    const said = `The revert pull request #${closed.number} was closed; ensemble does not reopen it.`;
    return { kind: 'closed', pull: closed, comment: await comment(`${said}\n\n${texts.comment}`) };
  }
  if (existing === null) {
    const [pushed] = await pushCommits(octokit, repo, options.repoDir, pull.mergeSha, [
      { sha: local.sha, tree: local.tree, parent: local.parent, message: local.message },
    ]);
    head = pushed!.sha;
    await createBranch(octokit, repo, branch, head);
    branchOutcome = 'created';
  }
  const opened = await upsertPullRequest(octokit, repo, {
    branch,
    base: options.defaultBranch,
    title: texts.title,
    body: texts.body,
    draft: true,
  });
  const link = `**A draft revert is open: #${opened.number}** (${opened.url}). ensemble never merges it.`;
  return {
    kind: 'opened',
    pull: { number: opened.number, url: opened.url },
    outcome: opened.outcome,
    branch: branchOutcome,
    commit: head!,
    comment: await comment(`${link}\n\n${texts.comment}`),
  };
}

/** Whether the branch's head is this revert: parent C, the same tree and message. */
async function sameRevert(
  octokit: GitHubClient,
  repo: RemoteRepo,
  head: string,
  local: { tree: string; parent: string; message: string },
): Promise<boolean> {
  const { data } = await githubCall({ action: `read commit ${head}`, permission: 'contents: read' }, () =>
    octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: head }),
  );
  // Another event on the same merge (another workflow, a re-run) makes the same revert with another
  // diagnosis and run in its message: the same tree on the same parent, with ensemble's subject and stage.
  const subject = (text: string) => text.split('\n')[0];
  return (
    data.tree.sha === local.tree &&
    data.parents.length === 1 &&
    data.parents[0]?.sha === local.parent &&
    subject(data.message) === subject(local.message) &&
    /\nEnsemble-Stage: monitor\s*$/.test(data.message)
  );
}

/** A closed (not open) pull request from the branch, or null. */
async function closedRevertPull(octokit: GitHubClient, repo: RemoteRepo, branch: string) {
  const { data } = await githubCall(
    { action: `list the pull requests from ${branch}`, permission: 'pull-requests: read' },
    () =>
      octokit.rest.pulls.list({
        owner: repo.owner,
        repo: repo.repo,
        state: 'all',
        head: `${repo.owner}:${branch}`,
        per_page: 10,
      }),
  );
  if (data.some((p) => p.state === 'open')) return null;
  const closed = data[0];
  return closed ? { number: closed.number, url: closed.html_url } : null;
}

/** Creates `refs/heads/<branch>` at `sha`; a creation whose answer was lost is found again. */
async function createBranch(octokit: GitHubClient, repo: RemoteRepo, branch: string, sha: string): Promise<void> {
  try {
    await writeOnce(octokit, {
      operation: { action: `create branch ${branch}`, permission: 'contents: write' },
      create: async () => {
        await octokit.rest.git.createRef({ owner: repo.owner, repo: repo.repo, ref: `refs/heads/${branch}`, sha });
        return sha;
      },
      find: async () => ((await branchHead(octokit, repo, branch)) === sha ? sha : null),
    });
  } catch (error) {
    // Made meanwhile by another delivery of the same event, with the same commit: nothing to do.
    if (statusOf(error) === 422 && (await branchHead(octokit, repo, branch)) === sha) return;
    throw error;
  }
}

/** The safe-output policy for texts alone: no patch is checked here. */
function textPolicy(options: ProposeRevertOptions): SafeOutputsOptions {
  return {
    protectedPaths: [],
    maxPatchBytes: 0,
    maxFiles: 0,
    secretValues: options.secretValues,
    allowedHost: new URL(options.serverUrl).host,
  };
}

interface CheckedTexts {
  title: string;
  body: string;
  comment: string;
}

/** The texts through the policy: with the excerpt, else without it, else the refusals. */
async function checkedTexts(
  options: ProposeRevertOptions,
  commitMessage: string,
): Promise<CheckedTexts | { refusals: Refusal[] }> {
  const policy = textPolicy(options);
  let refusals: Refusal[] = [];
  for (const diagnosis of [options.texts.diagnosis, options.texts.diagnosisWithoutExcerpt]) {
    const composed = composeTexts(options, diagnosis);
    const checked = await checkSafeOutputs(
      {
        patches: [],
        texts: {
          title: { label: 'revert title', text: composed.title, kind: 'title' as const },
          body: { label: 'revert pull request body', text: composed.body, kind: 'body' as const },
          comment: { label: 'monitor comment', text: composed.comment, kind: 'body' as const },
          message: { label: 'revert commit message', text: commitMessage, kind: 'body' as const },
        },
      },
      policy,
    );
    if (checked.ok) {
      return { title: checked.texts.title.text, body: checked.texts.body.text, comment: checked.texts.comment.text };
    }
    refusals = checked.refusals;
  }
  return { refusals };
}

function composeTexts(options: ProposeRevertOptions, diagnosis: string): CheckedTexts {
  const { pull } = options;
  const title = `Revert "${pull.title.replace(/\s+/g, ' ').trim()}"`;
  const body = [
    `This draft reverts #${pull.number} (merge commit \`${pull.mergeSha}\`), which ensemble opened and which was merged: ` +
      `after the merge, the default branch \`${options.defaultBranch}\` fails, and the failure is attributed to that change.`,
    '',
    diagnosis,
    '',
    "ensemble never merges this: review it, or close it if the failure is not the change's.",
    '',
    `Proposed by [this workflow run](${options.runUrl}).`,
  ].join('\n');
  const comment = [
    `### ensemble: #${pull.number} broke \`${options.defaultBranch}\` after it was merged`,
    '',
    diagnosis,
    '',
    `ensemble never reverts by itself. [Workflow run](${options.runUrl}).`,
  ].join('\n');
  return { title, body, comment };
}

/**
 * Upserts the monitor's comment about the pull request (its marker first); its URL. `body` is
 * checked again as a whole (what it says before the checked diagnosis names branches and files);
 * when refused, `fallback` (checked already) is posted.
 */
async function postComment(options: ProposeRevertOptions, body: string, fallback: string): Promise<string> {
  const checked = await checkSafeOutputs(
    { patches: [], texts: { comment: { label: 'monitor comment', text: body, kind: 'body' as const } } },
    textPolicy(options),
  );
  const mark = monitorMarker(options.pull.number);
  const posted = await upsertMarkedComment(options.octokit, {
    owner: options.repo.owner,
    repo: options.repo.repo,
    issue_number: options.commentOn,
    marker: mark,
    body: `${mark}\n${checked.ok ? checked.texts.comment.text : fallback}`,
  });
  return posted.url;
}
