/**
 * The commit structure both publishers make (the local one onto a branch of the user's checkout,
 * the GitHub one through the Git Data API): one commit per coding task in dependency order, one
 * integration commit (the testing agent's tests and resolutions) whose tree is exactly the base
 * plus `change.patch`, one commit per re-tested fix round (its tree the base plus that round's
 * `change.patch`), and one docs commit with `docs.patch`. Each carries the trailers
 * `Ensemble-Run`, `Ensemble-Stage` and, for a task, `Ensemble-Task`; for a fix round, `Ensemble-Round`.
 *
 * The commits are made as local git objects only (`git apply --cached` and `commit-tree` on
 * temporary indexes): no branch, index or work tree of the repository changes.
 */
import type { RunIdentity } from '../contracts/common.ts';
import type { DocsDocument } from '../contracts/docs.ts';
import type { FixDocument } from '../contracts/fix.ts';
import type { BaseMerge } from '../contracts/follow-up.ts';
import type { PlanDocument } from '../contracts/plan.ts';
import type { TaskDocument } from '../contracts/task.ts';
import type { TestDocument } from '../contracts/test-report.ts';
import { dependencyOrder } from '../plan/graph.ts';
import { errorMessage } from '../util/errors.ts';
import { type Head, headOf, treeWithPatch, writeCommit } from '../workspace/commit.ts';
import { type Git, hardenedGit } from '../workspace/git.ts';
import { assertNoProtectedPaths, commitTree, type GitIdentity, withTrailers } from '../workspace/index.ts';
import { diffTrees } from '../workspace/patch.ts';
import { knownPatchedTree, type PatchedTree, patchedTree, withScratchIndex } from '../workspace/patched-tree.ts';

export const ENSEMBLE_AUTHOR: GitIdentity = { name: 'ensemble', email: 'ensemble@users.noreply.github.com' };

export type CommitStage = 'code' | 'test' | 'fix' | 'docs';

export interface CommitSequenceInput {
  repoDir: string;
  run: RunIdentity;
  plan: PlanDocument;
  tasks: readonly { document: TaskDocument; patch: string }[];
  test: TestDocument | null;
  /** The integrated change against the base SHA (change.patch of the first pass). */
  changePatch: string;
  /**
   * The fix rounds that were re-tested, in order: each becomes one commit whose tree is the base
   * plus the round's change.patch, after the integration commit and before docs.
   */
  rounds?: readonly { document: Pick<FixDocument, 'round' | 'commitMessage'>; change: string }[];
  docs: { document: DocsDocument; patch: string } | null;
  /** When given, a task or docs patch touching one throws `ProtectedPathError` (the local publisher's check). */
  protectedPaths?: readonly string[];
  /** The message of a task's commit, before trailers; the task's `commitMessage` by default. */
  taskMessage?: (task: TaskDocument) => string;
}

export interface SequencedCommit {
  /** The local commit. */
  sha: string;
  parent: string;
  tree: string;
  /** The tree of `parent`. */
  parentTree: string;
  stage: CommitStage;
  taskId: string | null;
  /** The message before the trailers. */
  subject: string;
  trailers: Record<string, string>;
  /** The whole message, trailers included, as committed. */
  message: string;
  /** A merge commit's further parents. */
  otherParents?: readonly string[];
}

export interface CommitSequence {
  commits: SequencedCommit[];
  /** The last commit, or the base when there is none. */
  head: string;
  /** Things a user should know (a task folded into the integration commit). */
  notes: string[];
}

/** A patch of the run that does not apply where it must: the change cannot be published. */
export class PatchApplyError extends Error {
  override name = 'PatchApplyError';
  /** `change.patch` or `docs.patch`. */
  readonly patch: string;
  readonly detail: string;
  constructor(patch: string, message: string, detail: string) {
    super(message);
    this.patch = patch;
    this.detail = detail;
  }
}

export const INTEGRATION_MESSAGE = {
  withTests: 'Integrate the tasks and add tests',
  plain: 'Integrate the tasks',
} as const;
export const DOCS_MESSAGE = 'Update the documentation';

/** The trailer every commit ensemble makes carries: what tells its commits from a person's. */
export const RUN_TRAILER = 'Ensemble-Run';

export function ensembleTrailers(
  run: RunIdentity,
  stage: CommitStage,
  taskId?: string | null,
  round?: number,
): Record<string, string> {
  return {
    [RUN_TRAILER]: run.runId,
    'Ensemble-Stage': stage,
    ...(taskId ? { 'Ensemble-Task': taskId } : {}),
    ...(round ? { 'Ensemble-Round': String(round) } : {}),
  };
}

/** Why a whole-change patch does not apply where it must: `PatchApplyError` naming it. */
function applyError(name: string, run: RunIdentity, applied: Extract<PatchedTree, { ok: false }>): PatchApplyError {
  return new PatchApplyError(
    name,
    `${name} does not apply to the base ${run.baseSha}: ${applied.detail}`,
    applied.conflictingFiles.length > 0 ? `conflicts in ${applied.conflictingFiles.join(', ')}` : applied.detail,
  );
}

/** Commits `tree` on `parent` as ensemble, with the trailers: one `git commit-tree`. */
function commitAs(
  git: Git,
  tree: string,
  parent: string,
  subject: string,
  trailers: Record<string, string>,
): Promise<string> {
  return writeCommit(git, {
    tree,
    parents: [parent],
    message: withTrailers(subject, trailers),
    author: ENSEMBLE_AUTHOR,
  });
}

type RoundToCommit = { document: Pick<FixDocument, 'round' | 'commitMessage'>; change: string };

/**
 * One fix round's commit on `parent`: its tree is the base plus the round's `change.patch`. Null
 * when the tree is the parent's.
 */
async function commitRound(
  git: Git,
  run: RunIdentity,
  parent: Head,
  round: RoundToCommit,
): Promise<(Head & { subject: string; trailers: Record<string, string> }) | null> {
  const applied = await patchedTree(git, run.baseSha, round.change);
  if (!applied.ok) throw applyError(`fix round ${round.document.round}'s change.patch`, run, applied);
  if (applied.tree === parent.tree) return null;
  const subject = round.document.commitMessage;
  const trailers = ensembleTrailers(run, 'fix', null, round.document.round);
  const sha = await commitAs(git, applied.tree, parent.sha, subject, trailers);
  return { sha, tree: applied.tree, subject, trailers };
}

/**
 * A follow-up run's commits: one per re-tested fix round, on the pull request's head `headSha`
 * (people's commits on it stay; nothing is rewritten). Each round's tree is the base plus its
 * `change.patch`, which runs from the base to the head with the round's fix.
 */
export async function buildFollowUpCommits(input: {
  repoDir: string;
  run: RunIdentity;
  headSha: string;
  rounds: readonly RoundToCommit[];
}): Promise<CommitSequence> {
  const git = hardenedGit(input.repoDir);
  const commits: SequencedCommit[] = [];
  let head = await headOf(git, input.headSha);
  for (const round of input.rounds) {
    const made = await commitRound(git, input.run, head, round);
    if (!made) continue;
    const { sha, tree, subject, trailers } = made;
    const message = withTrailers(subject, trailers);
    commits.push({
      sha,
      parent: head.sha,
      tree,
      parentTree: head.tree,
      stage: 'fix',
      taskId: null,
      subject,
      trailers,
      message,
    });
    head = { sha, tree };
  }
  return { commits, head: head.sha, notes: [] };
}

/** A merge that still has conflict markers in files it conflicted in: it cannot be published. */
export class UnresolvedConflictError extends Error {
  override name = 'UnresolvedConflictError';
  readonly files: string[];
  constructor(files: string[]) {
    super(`conflict markers are left in ${files.join(', ')}`);
    this.files = files;
  }
}

/**
 * A base merge's commit: ONE merge commit on the pull request's head `headSha`, second parent the
 * base's commit `merge.baseSha` (the run's base), whose tree is the base plus the last re-tested
 * round's `change.patch` (the merge as the fix round resolved it). No commit when no round was
 * taken; `UnresolvedConflictError` when a conflicted file still holds conflict markers.
 */
export async function buildMergeCommit(input: {
  repoDir: string;
  run: RunIdentity;
  headSha: string;
  branch: string;
  merge: BaseMerge;
  rounds: readonly RoundToCommit[];
}): Promise<CommitSequence> {
  const chain = await buildFollowUpCommits(input);
  const last = chain.commits.at(-1);
  if (last === undefined) return chain;
  const left = await conflictMarkersIn(input.repoDir, last.tree, input.merge.conflicts);
  if (left.length > 0) throw new UnresolvedConflictError(left);
  const { merge } = input;
  const subject =
    `Merge ${merge.base} into ${input.branch}\n\n` +
    `${merge.base} moved to ${merge.baseSha.slice(0, 12)}; ensemble resolved the conflicts in ` +
    `${merge.conflicts.join(', ')} and re-tested the result.`;
  const trailers = ensembleTrailers(input.run, 'fix');
  const sha = await commitTree(input.repoDir, {
    tree: last.tree,
    parentSha: input.headSha,
    otherParents: [merge.baseSha],
    message: subject,
    trailers,
    author: ENSEMBLE_AUTHOR,
  });
  const commit: SequencedCommit = {
    sha: sha!,
    parent: input.headSha,
    otherParents: [merge.baseSha],
    tree: last.tree,
    parentTree: (await headOf(hardenedGit(input.repoDir), input.headSha)).tree,
    stage: 'fix',
    taskId: null,
    subject,
    trailers,
    message: withTrailers(subject, trailers),
  };
  return { commits: [commit], head: commit.sha, notes: [] };
}

/** The files among `paths` whose blob in `tree` still has a conflict marker line. */
export async function conflictMarkersIn(repoDir: string, tree: string, paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  const git = hardenedGit(repoDir);
  const found = await git.run(['grep', '-l', '-I', '-E', '^(<{7}|>{7})( |$)', tree, '--', ...paths], {
    what: `look for conflict markers in ${tree}`,
    okCodes: [0, 1],
  });
  // `git grep` names each file as `<tree>:<path>`.
  return found.stdout
    .toString()
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(line.indexOf(':') + 1));
}

/** The tree of `head` plus `docs.patch`; `PatchApplyError` when it does not apply or changes nothing. */
async function docsTree(git: Git, head: Head, patch: string, protectedPaths: readonly string[] | undefined) {
  if (protectedPaths)
    await assertNoProtectedPaths(patch, protectedPaths, `the patch to commit on ${head.sha}`, git.cwd);
  const what = `commit a patch on ${head.sha} in ${git.cwd}`;
  let problem: string;
  try {
    if (patch.trim() === '') problem = `${what}: the patch is empty`;
    else {
      const applied = await patchedTree(git, head.tree, patch);
      if (applied.ok && applied.tree !== head.tree) return applied.tree;
      if (applied.ok) problem = `${what}: the patch changes nothing in that commit's tree`;
      else {
        const where = applied.conflictingFiles.length ? ` (conflicts in ${applied.conflictingFiles.join(', ')})` : '';
        problem = `${what}: the patch does not apply${where}: ${applied.detail}`;
      }
    }
  } catch (error) {
    problem = errorMessage(error);
  }
  const detail = problem.split('\n')[0] ?? '';
  throw new PatchApplyError('docs.patch', `docs.patch does not apply on top of change.patch: ${detail}`, detail);
}

/**
 * The tree of `head` plus a task's patch when this process made it already (`warmCommitSequence`),
 * kept by the tree before the patch. Null when not, or when the patch did not apply there.
 */
async function integratedTree(git: Git, head: Head, patch: string): Promise<string | null> {
  const known = knownPatchedTree(git, head.tree, patch);
  const made = await known?.catch(() => null);
  return made?.ok ? made.tree : null;
}

/** The tasks that get a commit of their own, in commit order: done, with a change (the test stage may still leave one out). */
function committedTasks(plan: PlanDocument, tasks: CommitSequenceInput['tasks']): CommitSequenceInput['tasks'] {
  const byId = new Map(tasks.map((t) => [t.document.taskId, t]));
  return dependencyOrder(plan.tasks).flatMap((id) => {
    const task = byId.get(id);
    return task && task.document.status === 'done' && task.patch !== '' ? [task] : [];
  });
}

/**
 * Asks git ahead what `buildCommitSequence` will ask it about the task commits and
 * `checkRunOutputs` about what they disclose, where none of it depends on the later stages:
 * the base's tree, each task's tree on the one before, the diff between them. Run while the
 * repository's commands run (`duringCommand`): it reads objects, no worktree, and only fills
 * caches (`headOf`, `patchedTree`, `diffTrees`) that the publish finds filled.
 */
export async function warmCommitSequence(
  input: Pick<CommitSequenceInput, 'repoDir' | 'run' | 'plan' | 'tasks'>,
): Promise<void> {
  const git = hardenedGit(input.repoDir);
  let tree = (await headOf(git, input.run.baseSha)).tree;
  for (const task of committedTasks(input.plan, input.tasks)) {
    const made = await patchedTree(git, tree, task.patch);
    // A patch that does not apply here is one the test stage resolves: the publish folds it.
    if (!made.ok) return;
    await diffTrees(git, tree, made.tree);
    tree = made.tree;
  }
}

/**
 * Makes the run's commits on top of the base SHA as local objects. A task whose patch does not
 * apply on its own (a conflict the testing agent resolved) is folded into the integration commit
 * with a note; `change.patch` must apply to the base and `docs.patch` on top of it, else
 * `PatchApplyError`. The task commits are made one after the other in one temporary index; the
 * integration, round and docs trees are "tree plus patch" (`patchedTree`), which the review and
 * docs stages of the same process have made already.
 */
export async function buildCommitSequence(input: CommitSequenceInput): Promise<CommitSequence> {
  const notes: string[] = [];
  const integrated = new Map((input.test?.integration ?? []).map((r) => [r.taskId, r.result]));
  const commits: SequencedCommit[] = [];
  const git = hardenedGit(input.repoDir);
  let head = await headOf(git, input.run.baseSha);
  const push = (
    made: Head,
    stage: CommitStage,
    taskId: string | null,
    subject: string,
    trailers: Record<string, string>,
  ) => {
    const message = withTrailers(subject, trailers);
    const commit = { sha: made.sha, parent: head.sha, tree: made.tree, parentTree: head.tree, stage, taskId };
    commits.push({ ...commit, subject, trailers, message });
    head = made;
  };

  await withScratchIndex(git, async (index) => {
    // The tree the index holds: a task whose tree is known already leaves it as it was.
    let indexHolds: string | null = null;
    for (const task of committedTasks(input.plan, input.tasks)) {
      const taskId = task.document.taskId;
      const result = integrated.get(taskId);
      if (input.test && result !== 'applied' && result !== 'resolved') continue;
      const subject = input.taskMessage ? input.taskMessage(task.document) : task.document.commitMessage;
      const trailers = ensembleTrailers(input.run, 'code', taskId);
      let tree: string;
      try {
        const made = await integratedTree(git, head, task.patch);
        if (made === null && indexHolds !== head.tree) {
          await index.read(head.tree);
          indexHolds = head.tree;
        }
        const known = made === null ? {} : { made };
        tree = await treeWithPatch(git, index, head, task.patch, { protectedPaths: input.protectedPaths, ...known });
        if (made === null) indexHolds = tree;
      } catch (error) {
        // A patch whose conflict the testing agent resolved may not apply on its own; its content
        // arrives with the integration commit below.
        notes.push(`task ${taskId} is folded into the integration commit: ${errorMessage(error).split('\n')[0]}`);
        continue;
      }
      push({ sha: await commitAs(git, tree, head.sha, subject, trailers), tree }, 'code', taskId, subject, trailers);
    }
  });

  const change = await patchedTree(git, input.run.baseSha, input.changePatch);
  if (!change.ok) throw applyError('change.patch', input.run, change);
  if (change.tree !== head.tree) {
    const subject = input.test?.testsAdded.length ? INTEGRATION_MESSAGE.withTests : INTEGRATION_MESSAGE.plain;
    const trailers = ensembleTrailers(input.run, 'test');
    const sha = await commitAs(git, change.tree, head.sha, subject, trailers);
    push({ sha, tree: change.tree }, 'test', null, subject, trailers);
  }
  for (const round of input.rounds ?? []) {
    const made = await commitRound(git, input.run, head, round);
    if (made) push(made, 'fix', null, made.subject, made.trailers);
  }

  if (input.docs && input.docs.patch !== '') {
    const trailers = ensembleTrailers(input.run, 'docs');
    const tree = await docsTree(git, head, input.docs.patch, input.protectedPaths);
    push(
      { sha: await commitAs(git, tree, head.sha, DOCS_MESSAGE, trailers), tree },
      'docs',
      null,
      DOCS_MESSAGE,
      trailers,
    );
  }
  return { commits, head: head.sha, notes };
}
