/**
 * Whether the repository's checks actually started on the head publish pushed, with evidence:
 * `ci-note.ts` predicts it from the kind of token; this reads what GitHub did. The two silent
 * failures it catches: a push made with the workflow's `GITHUB_TOKEN` starts no workflow (GitHub's
 * rule against recursive runs), and workflow runs GitHub parks as `action_required` until someone
 * approves them. Each outcome tells the reader what applies and what to do
 * (docs/github-setup.md, section "CI on ensemble's branches").
 */
import type { CommitActivity } from '../github/checks.ts';
import { makeCtx } from '../render/index.ts';
import { errorMessage } from '../util/errors.ts';
import type { Publisher } from './ci-note.ts';

export type ChecksStarted =
  | { kind: 'started'; suites: number; workflowRuns: number }
  /** Workflow runs on the head that wait for someone to approve them. */
  | { kind: 'action-required'; runs: { name: string; url: string }[] }
  | { kind: 'none'; cause: 'github-token' | 'no-ci' | 'unknown'; waitedMinutes: number }
  /** Not waited for (0 minutes), or GitHub could not be read: `why` says which. */
  | { kind: 'not-checked'; why: string };

export interface WaitForChecksDeps {
  readActivity: (sha: string) => Promise<CommitActivity>;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export interface WaitForChecksOptions {
  /** The commit publish pushed: the pull request's head. */
  headSha: string;
  /** The commit the change is based on, on the default branch: whether the repository runs CI at all. */
  baseSha: string;
  publisher: Publisher;
  /** How long to wait for a check to start (`ci.wait-for-checks-minutes`); 0 does not look. */
  minutes: number;
  /** Seconds between two reads of the head (default 15). */
  pollSeconds?: number;
}

export const DEFAULT_POLL_SECONDS = 15;

const DOCS = 'ensemble\'s docs/github-setup.md, section "CI on ensemble\'s branches"';

/**
 * Events of a workflow run that a commit on the default branch gets from its CI. ensemble's own run
 * (an `issues`, `issue_comment` or `workflow_dispatch` event) usually has the base as its head
 * commit, and must not pass for the repository's CI.
 */
const CI_EVENTS = new Set(['push', 'pull_request', 'pull_request_target', 'merge_group']);

/** The Actions app's check suites are workflow runs, judged by their event instead. */
const ACTIONS_APP = 'github-actions';

const short = (sha: string) => sha.slice(0, 12);

function isActionRequired(run: CommitActivity['workflowRuns'][number]): boolean {
  return run.conclusion === 'action_required' || run.status === 'action_required';
}

/**
 * What the head's activity shows: runs waiting for approval, else what started, else nothing.
 * Waiting runs come first even beside running ones: they never run without a person, and their
 * checks would be missing from the pull request.
 */
function judgeHead(activity: CommitActivity): ChecksStarted | null {
  const waiting = activity.workflowRuns.filter(isActionRequired);
  if (waiting.length > 0) return { kind: 'action-required', runs: waiting.map((r) => ({ name: r.name, url: r.url })) };
  const runs = activity.workflowRuns.length;
  // GitHub makes an empty `queued`/`requested` suite for every installed app that listens to
  // check suites, whether or not it ever runs anything: only a suite with check runs started.
  const suites = activity.suites.filter((s) => s.checkRuns > 0).length;
  if (runs > 0 || suites > 0) return { kind: 'started', suites, workflowRuns: runs };
  return null;
}

/** Whether the default branch's commit shows CI of its own (not ensemble's run, not empty suites). */
function baseHasCi(activity: CommitActivity): boolean {
  if (activity.workflowRuns.some((run) => CI_EVENTS.has(run.event))) return true;
  return activity.suites.some((suite) => suite.app !== ACTIONS_APP && suite.checkRuns > 0);
}

/**
 * Reads the head's checks every `pollSeconds` until one started, runs wait for approval, or
 * `minutes` have passed; then, when none started, reads the base once to tell why. Never throws for
 * a read GitHub refused: the result is `not-checked` with the reason (the publish stays published).
 */
export async function waitForChecks(deps: WaitForChecksDeps, options: WaitForChecksOptions): Promise<ChecksStarted> {
  const { headSha, baseSha, minutes } = options;
  if (minutes <= 0) {
    return { kind: 'not-checked', why: 'ci.wait-for-checks-minutes is 0, so publish does not wait for checks' };
  }
  const pollMs = Math.max(1, options.pollSeconds ?? DEFAULT_POLL_SECONDS) * 1000;
  const started = deps.now();
  const deadline = started + minutes * 60_000;
  const readHead = async (): Promise<ChecksStarted | null> => {
    try {
      return judgeHead(await deps.readActivity(headSha));
    } catch (error) {
      return { kind: 'not-checked', why: `the checks of ${short(headSha)} could not be read: ${errorMessage(error)}` };
    }
  };
  const first = await readHead();
  if (first) return first;

  // The base first: a repository that runs no CI on it has nothing to wait for (and no runner
  // minutes are spent waiting); one that does is waited for, up to the deadline.
  let base: CommitActivity;
  try {
    base = await deps.readActivity(baseSha);
  } catch (error) {
    return {
      kind: 'not-checked',
      why:
        `no check had started on ${short(headSha)}, and the checks of the base ${short(baseSha)} could not be ` +
        `read to tell whether any will: ${errorMessage(error)}`,
    };
  }
  if (!baseHasCi(base)) return { kind: 'none', cause: 'no-ci', waitedMinutes: 0 };

  // The clock ends the wait; the count of reads bounds it too, should the clock stall or go back.
  const maxReads = Math.ceil((minutes * 60_000) / pollMs) + 1;
  for (let reads = 2; ; reads++) {
    const left = deadline - deps.now();
    if (left <= 0 || reads > maxReads) break;
    await deps.sleep(Math.min(pollMs, left));
    const seen = await readHead();
    if (seen) return seen;
  }
  const waitedMinutes = minutes;
  if (options.publisher.kind === 'token' && options.publisher.prefix === 'ghs_') {
    return { kind: 'none', cause: 'github-token', waitedMinutes };
  }
  return { kind: 'none', cause: 'unknown', waitedMinutes };
}

const minutesText = (n: number) => `${n} minute${n === 1 ? '' : 's'}`;

/** A web URL that can be a link as it is; anything else is shown as text only. */
function safeUrl(url: string): string | null {
  return /^https?:\/\/[^\s<>"'`()[\]]+$/.test(url) ? url : null;
}

/**
 * One Markdown paragraph for the tracking comment or the pull request saying what the check
 * found and what to do; null when there is nothing to say (checks started).
 */
export function checksStartedNote(result: ChecksStarted, options: { headSha: string }): string | null {
  const ctx = makeCtx();
  const head = ctx.code(short(options.headSha));
  switch (result.kind) {
    case 'started':
      return null;
    case 'action-required': {
      const runs = result.runs.map((run) => {
        const name = ctx.inline(run.name);
        const url = safeUrl(run.url);
        // Brackets escaped, so that a name cannot close the link text and start a link of its own.
        return url ? `[${name.replace(/[[\]]/g, '\\$&')}](${url})` : name;
      });
      const count = result.runs.length === 1 ? '1 workflow run' : `${result.runs.length} workflow runs`;
      return (
        `**CI:** ${count} on ${head} wait${result.runs.length === 1 ? 's' : ''} for approval: ${runs.join(', ')}. ` +
        'GitHub runs none of them until someone with write access approves them: "Approve and run" under ' +
        '"Workflow(s) awaiting approval" on the pull request, or on each run\'s page in the Actions tab. To have ' +
        "them start without approval, change the repository's Settings → Actions → General → " +
        `"Approval for running fork pull request workflows from contributors" (${DOCS}).`
      );
    }
    case 'none':
      return noneNote(result.cause, head, result.waitedMinutes);
    case 'not-checked':
      return `**CI:** ensemble did not find out whether checks started on ${head}: ${ctx.inline(result.why)}.`;
  }
}

function noneNote(cause: 'github-token' | 'no-ci' | 'unknown', head: string, minutes: number): string {
  const none = `**CI:** no check started on ${head} within ${minutesText(minutes)}`;
  if (cause === 'no-ci') {
    return (
      `${none}, and none ran on the default branch's commit it is based on either: this repository runs no ` +
      'checks on its default branch, so there is nothing to wait for and nothing to do.'
    );
  }
  if (cause === 'github-token') {
    return (
      `${none}, although the default branch runs checks. It was pushed with an installation token, the ` +
      "workflow run's `GITHUB_TOKEN` unless it was an App's, and GitHub starts no workflow for what " +
      '`GITHUB_TOKEN` pushes: CI runs once someone pushes to the branch. To have CI run on every ensemble pull ' +
      'request, give the reusable workflow the secrets `publish-app-id` and `publish-app-private-key` (a ' +
      `GitHub App, preferred) or \`publish-token\` (${DOCS}).`
    );
  }
  return (
    `${none}, although the default branch runs checks, and the token publish used is not one that GitHub ` +
    "ignores. Check the repository's workflows: their `on:` triggers (`push`, `pull_request`), branch " +
    'filters that leave out `ensemble/*` branches, and whether Actions is disabled (Settings → Actions → ' +
    `General) (${DOCS}).`
  );
}

/**
 * One line of plain text for the tracking comment's activity record (the caller neutralises it):
 * what the check found, short. Unlike the note, also for checks that started.
 */
export function checksStartedActivity(result: ChecksStarted, options: { headSha: string }): string {
  const head = short(options.headSha);
  switch (result.kind) {
    case 'started': {
      const parts = [
        result.workflowRuns > 0 && `${result.workflowRuns} workflow run${result.workflowRuns === 1 ? '' : 's'}`,
        result.suites > 0 && `${result.suites} check suite${result.suites === 1 ? '' : 's'} with check runs`,
      ].filter(Boolean);
      return `checks started on ${head} (${parts.join(', ')})`;
    }
    case 'action-required':
      return `workflow runs on ${head} wait for approval: ${result.runs.map((r) => r.name).join(', ')}`;
    case 'none': {
      const why = {
        'no-ci': 'the repository runs no checks on its default branch',
        'github-token': 'pushed with GITHUB_TOKEN, which starts no workflow',
        unknown: "check the workflows' triggers and branch filters",
      }[result.cause];
      return `no check started on ${head} within ${minutesText(result.waitedMinutes)}: ${why}`;
    }
    case 'not-checked':
      return `checks on ${head} not checked: ${result.why}`;
  }
}
