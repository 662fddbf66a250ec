/**
 * Whether a failure on the default branch after a merge is the merged change's: the judgement
 * behind a revert ensemble proposes (never makes). Pure: the caller reads the runs, logs and
 * deployments and passes what it found; the answer holds every condition with its evidence, so
 * the revert's description and the note of a failure that is not the change's say the same thing.
 *
 * All three conditions are required:
 * - passed before: the same workflow passed on the pull request's head, and its last run on the
 *   default branch before the merge passed on the merge's first parent or earlier (a deployment:
 *   the previous deployment to the environment succeeded and was of the first parent);
 * - fails after: this run (deployment) of the merge commit failed;
 * - touches what changed: the failing jobs' logs name a file the pull request changed (a
 *   deployment: the merge was the only change between the two deployments).
 */

export interface Condition {
  met: boolean;
  /** What was found, in a sentence (Markdown: code spans only, no untrusted text). */
  evidence: string;
}

export interface Attribution {
  attributable: boolean;
  passedBefore: Condition;
  failsAfter: Condition;
  touchesChange: Condition;
  /** The changed files the failing logs name (workflow runs only). */
  mentioned: string[];
  /** The first condition that failed, as a reason; null when attributable. */
  reason: string | null;
}

/** A completed run, as the judgement reads it. */
export interface RunFact {
  url: string;
  sha: string;
  conclusion: string | null;
}

const PASSED = new Set(['success']);
const FAILED = new Set(['failure', 'timed_out', 'startup_failure']);

/**
 * The changed paths an excerpt names, as a whole path or as the end of a longer one (logs print
 * `/home/runner/work/repo/repo/src/a.ts`), each once, in the order of `paths`.
 */
export function mentionedPaths(excerpts: readonly string[], paths: readonly string[]): string[] {
  const text = excerpts.join('\n');
  return [...new Set(paths)].filter((path) => {
    if (path === '') return false;
    const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![A-Za-z0-9_.-])${escaped}(?![A-Za-z0-9_-])`).test(text);
  });
}

function shortSha(sha: string): string {
  return sha.slice(0, 12);
}

function verdict(conditions: Omit<Attribution, 'attributable' | 'reason' | 'mentioned'>, mentioned: string[]) {
  const order: [keyof typeof conditions, string][] = [
    ['passedBefore', 'it did not pass before the merge'],
    ['failsAfter', 'the merge commit did not fail'],
    ['touchesChange', 'the failure does not touch what the pull request changed'],
  ];
  const failed = order.find(([key]) => !conditions[key].met);
  const reason = failed ? `${failed[1]}: ${conditions[failed[0]].evidence}` : null;
  return { attributable: failed === undefined, ...conditions, mentioned, reason };
}

/** A workflow run of the merge commit that failed, judged (module comment). */
export function attributeWorkflowFailure(input: {
  /** The failed run of the merge commit. */
  after: RunFact & { failedJobs: readonly string[] };
  /** The workflow's latest completed run on the pull request's head (sha or branch); null when none. */
  onHead: RunFact | null;
  /** Its latest completed run on the default branch before this one; null when none. */
  onBase: RunFact | null;
  /** Whether `onBase.sha` is the merge's first parent or one of its ancestors. */
  baseIsBeforeMerge: boolean;
  /** The merge commit's first parent. */
  firstParent: string;
  /** The failing jobs' log excerpts. */
  excerpts: readonly string[];
  /** The files the pull request changed. */
  changedFiles: readonly string[];
}): Attribution {
  const { after, onHead, onBase } = input;
  const headPassed = onHead !== null && PASSED.has(onHead.conclusion ?? '');
  const basePassed = onBase !== null && PASSED.has(onBase.conclusion ?? '') && input.baseIsBeforeMerge;
  const headText =
    onHead === null
      ? 'no completed run on the pull request'
      : `on the pull request's head \`${shortSha(onHead.sha)}\`: ${onHead.conclusion ?? 'no conclusion'} (${onHead.url})`;
  let baseText: string;
  if (onBase === null) baseText = 'no earlier completed run on the default branch';
  else {
    const where = input.baseIsBeforeMerge
      ? `before the merge (\`${shortSha(onBase.sha)}\`, the merge's first parent \`${shortSha(input.firstParent)}\` or earlier)`
      : `on \`${shortSha(onBase.sha)}\`, which is not the merge's first parent \`${shortSha(input.firstParent)}\` nor one of its ancestors`;
    baseText = `on the default branch ${where}: ${onBase.conclusion ?? 'no conclusion'} (${onBase.url})`;
  }
  const failed = after.conclusion !== null && FAILED.has(after.conclusion);
  const jobs = after.failedJobs.length > 0 ? after.failedJobs.map((j) => `\`${j}\``).join(', ') : 'no job named';
  const mentioned = mentionedPaths(input.excerpts, input.changedFiles);
  const touches =
    mentioned.length > 0
      ? `the failing jobs' logs name ${mentioned.map((p) => `\`${p}\``).join(', ')}, changed by the pull request`
      : `the failing jobs' logs name none of the ${input.changedFiles.length} files the pull request changed`;
  return verdict(
    {
      passedBefore: { met: headPassed && basePassed, evidence: `${headText}; ${baseText}` },
      failsAfter: {
        met: failed,
        evidence: `the run of the merge commit \`${shortSha(after.sha)}\`: ${after.conclusion ?? 'no conclusion'}; failed jobs: ${jobs} (${after.url})`,
      },
      touchesChange: { met: mentioned.length > 0, evidence: touches },
    },
    mentioned,
  );
}

/** A deployment, with the newest of its statuses. */
export interface DeploymentFact {
  id: number;
  sha: string;
  environment: string;
  /** The newest status's state (`success`, `failure`, `error`, …); null without a status. */
  state: string | null;
  url: string | null;
}

/** A deployment of the merge commit that failed, judged against the previous one to the environment. */
export function attributeDeploymentFailure(input: {
  after: DeploymentFact;
  /** The newest deployment to the same environment before this one; null when none. */
  previous: DeploymentFact | null;
  firstParent: string;
}): Attribution {
  const { after, previous } = input;
  const previousPassed = previous !== null && previous.state === 'success';
  const ofParent = previous !== null && previous.sha === input.firstParent;
  const failed = after.state === 'failure' || after.state === 'error';
  const where = (d: DeploymentFact) =>
    `deployment ${d.id} of \`${shortSha(d.sha)}\` to \`${d.environment}\`: ${d.state ?? 'no status'}${d.url ? ` (${d.url})` : ''}`;
  const previousText = previous === null ? `no earlier deployment to \`${after.environment}\`` : where(previous);
  return verdict(
    {
      passedBefore: {
        met: previousPassed && ofParent,
        evidence:
          previous === null || ofParent
            ? `the previous ${previousText}`
            : `the previous ${previousText}, which is not of the merge's first parent \`${shortSha(input.firstParent)}\``,
      },
      failsAfter: { met: failed, evidence: `the ${where(after)}` },
      touchesChange: {
        met: ofParent,
        evidence: ofParent
          ? `the previous deployment was of the merge's first parent \`${shortSha(input.firstParent)}\`: the merge is the only change deployed`
          : `the previous deployment was not of the merge's first parent \`${shortSha(input.firstParent)}\`: more than the merge was deployed`,
      },
    },
    [],
  );
}
