/**
 * A published run's state, kept in the repository under `refs/ensemble/state/<branch>` so that a
 * follow-up run on its pull request (a fix asked for in a review, weeks later) starts from the
 * plan, the test report and the reviews of the change as it stands, after the run's artifacts have
 * expired. The ref points at a commit whose tree holds the documents (never transcripts); each
 * publish adds a commit on top of the last, so the history of a pull request's state is kept too.
 *
 * Which findings are still open is not stored here: GitHub's review threads are that ledger
 * (`pipeline/follow-up.ts`). The documents are checked by the safe-output policy before they are
 * written, like every other text ensemble publishes.
 */
import type { PlanDocument } from '../contracts/plan.ts';
import { parseDocumentText } from '../contracts/read.ts';
import type { ReviewDocument } from '../contracts/review.ts';
import type { TestDocument } from '../contracts/test-report.ts';
import type { GitHubClient } from '../github/octokit.ts';
import { UserError } from '../util/errors.ts';
import type { RemoteRepo } from './git-data.ts';
import type { SafeOutputsOptions } from './policy.ts';
import { readStoredFiles, storedProblems, storeFiles } from './ref-store.ts';

export interface RunState {
  plan: PlanDocument;
  /** The test report of the change as it stands; null when the run had none. */
  test: TestDocument | null;
  /** The reviews of the change as it stands, one per lens. */
  reviews: ReviewDocument[];
}

export interface StoredRunState {
  /** The state commit the ref points at. */
  commit: string;
  state: RunState;
}

/** The stored state of a run's branch is unusable: the follow-up says what to do. */
export class RunStateError extends UserError {
  override name = 'RunStateError';
}

/** `refs/ensemble/state/issue-7` for `ensemble/issue-7`. */
export function stateRefFor(branch: string): string {
  return `refs/ensemble/state/${branch.replace(/^ensemble\//, '').replace(/\//g, '-')}`;
}

const PLAN = 'plan.json';
const TEST = 'test.json';
const REVIEW_DIR = 'reviews';

/** The files of a state commit: path → text. */
export function stateFiles(state: RunState): Map<string, string> {
  const files = new Map<string, string>([[PLAN, `${JSON.stringify(state.plan, null, 2)}\n`]]);
  if (state.test) files.set(TEST, `${JSON.stringify(state.test, null, 2)}\n`);
  for (const review of state.reviews) {
    files.set(`${REVIEW_DIR}/${review.lens}.json`, `${JSON.stringify(review, null, 2)}\n`);
  }
  return files;
}

/**
 * Writes `state` as a new state commit of `branch` and points the ref at it; the commit, or why
 * not (the policy refused a document): the pull request stands, but a follow-up run will say that
 * this run left no state. The same documents again write nothing.
 */
export async function writeRunState(
  octokit: GitHubClient,
  repo: RemoteRepo,
  branch: string,
  state: RunState,
  policy: SafeOutputsOptions,
): Promise<{ commit: string } | { refused: string }> {
  return storeFiles(
    octokit,
    repo,
    {
      ref: stateRefFor(branch),
      files: stateFiles(state),
      message: `ensemble run state of ${branch}\n\nrun: ${state.plan.run.runId}\n`,
      what: "the run's state",
      label: 'stored state',
    },
    policy,
  );
}

/**
 * The stored state of `branch`, validated document by document; null when the branch has none.
 * A document that does not validate throws `RunStateError` naming it.
 */
export async function readRunState(
  octokit: GitHubClient,
  repo: RemoteRepo,
  branch: string,
): Promise<StoredRunState | null> {
  const ref = stateRefFor(branch);
  const stored = await readStoredFiles(octokit, repo, ref);
  if (stored === null) return null;
  const { commit, files: texts } = stored;
  const parse = <K extends 'plan' | 'test' | 'review'>(kind: K, path: string) => {
    try {
      return parseDocumentText(kind, texts.get(path) as string, { artifact: ref, file: path });
    } catch (error) {
      throw new RunStateError(
        `${ref} (commit ${commit}) holds an invalid ${path} (${storedProblems(error)}). ` +
          'Delete the ref to start over: a follow-up run then needs a new run on the issue',
      );
    }
  };
  if (!texts.has(PLAN)) throw new RunStateError(`${ref} (commit ${commit}) holds no ${PLAN}`);
  const reviews = [...texts.keys()]
    .filter((path) => path.startsWith(`${REVIEW_DIR}/`) && path.endsWith('.json'))
    .sort()
    .map((path) => parse('review', path));
  return {
    commit,
    state: { plan: parse('plan', PLAN), test: texts.has(TEST) ? parse('test', TEST) : null, reviews },
  };
}
