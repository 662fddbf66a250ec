/**
 * Step 3 of `publishToGitHub`: the run's commits, made locally on the plan's base (`commits.ts`),
 * which is also where every patch must apply, and the pull request's diff (base → the last
 * commit), on which the review is placed.
 */

import { testedRounds } from '../review/index.ts';
import { type DiffFile, parseUnifiedDiff } from '../workspace/diff/index.ts';
import { hardenedGit, hasCommit } from '../workspace/git.ts';
import { diffTrees } from '../workspace/patch.ts';
import type { PublishArtifacts } from './artifacts.ts';
import { buildCommitSequence, type CommitSequence, PatchApplyError } from './commits.ts';
import { type PublishStop, type StepResult, stop } from './step.ts';

export interface BuildChangeOptions {
  /** A checkout that contains the plan's base commit; only objects are added to it. */
  repoDir: string;
  artifacts: PublishArtifacts;
  /** The integrated change (change.patch), not empty. */
  changePatch: string;
}

export interface Change {
  sequence: CommitSequence;
  /** The pull request's diff: the plan's base → the last commit, docs included. */
  prDiff: DiffFile[];
}

/**
 * The commits and the pull request's diff; `refused` when a patch does not apply, `no-change`
 * when nothing is left to commit. Throws when the checkout lacks the plan's base commit.
 */
export async function buildChange(options: BuildChangeOptions): Promise<StepResult<Change>> {
  const { repoDir, artifacts, changePatch } = options;
  const { plan, tasks, test, docs, fix } = artifacts;
  const { run } = plan;
  await assertCheckoutHasBase(repoDir, run.baseSha);
  const input = { repoDir, run, plan, tasks, test, changePatch, docs, rounds: testedRounds(fix) };
  const built = await buildCommitSequence(input).catch(patchApplyErrorOrThrow);
  if (built instanceof PatchApplyError) return { ok: false, stop: patchDoesNotApply(built, run.baseSha) };
  if (built.commits.length === 0) {
    const message = 'nothing was written: the change is empty once applied to the base.';
    return { ok: false, stop: stop('no-change', message, built.notes) };
  }
  const prPatch = (await diffTrees(hardenedGit(repoDir), run.baseSha, built.head)).patch;
  return { ok: true, sequence: built, prDiff: parseUnifiedDiff(prPatch) };
}

async function assertCheckoutHasBase(repoDir: string, baseSha: string): Promise<void> {
  if (await hasCommit(hardenedGit(repoDir), baseSha)) return;
  throw new Error(
    `the checkout in ${repoDir} does not contain the plan's base commit ${baseSha}: check the repository out at the ` +
      `plan job's base-sha output (actions/checkout with ref: \${{ needs.plan.outputs.base-sha }}) before publish`,
  );
}

/** A patch that does not apply is an outcome; any other error is not. */
function patchApplyErrorOrThrow(error: unknown): PatchApplyError {
  if (error instanceof PatchApplyError) return error;
  throw error;
}

function patchDoesNotApply(error: PatchApplyError, baseSha: string): PublishStop {
  const onChange = error.patch !== 'docs.patch';
  const where = onChange ? `to the plan's base ${baseSha}` : 'on top of change.patch';
  let job = 'docs';
  if (onChange) job = error.patch === 'change.patch' ? 'test' : 'fix';
  const why = error.detail.split('\n')[0];
  const refused = `publish refused: ${error.patch} does not apply ${where} (${why}); nothing was written.`;
  return stop('refused', `${refused}\nRe-run the ${job} job of this run.`);
}
