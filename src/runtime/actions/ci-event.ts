/**
 * What a CI event asks of ensemble: a `workflow_run` or `check_suite` that completed on one of
 * ensemble's branches is a reason to look at that pull request's checks (a failure to repair, or a
 * green head to mark ready); anything else is not ensemble's. Pure: no network. The caller reads
 * the pull request and its checks, and decides from what they say now rather than from the event
 * alone (GitHub keeps one queued run per concurrency group, so an event may stand for others).
 */
import { z } from 'zod';

/** A completed CI event on a branch of ensemble's. */
export interface CiEvent {
  source: 'workflow_run' | 'check_suite';
  /** The workflow run's id, or the check suite's. */
  id: number;
  /** The workflow run's attempt (1 for a check suite). */
  attempt: number;
  headSha: string;
  headBranch: string;
  conclusion: string;
  /** Pull requests GitHub names in the payload (empty when it names none). */
  pulls: number[];
  /** The workflow's name, or the app's slug of a check suite. */
  name: string;
  url: string | null;
}

export type CiDecision = { act: true; event: CiEvent } | { act: false; reason: string };

const Sha = z.string().regex(/^[0-9a-f]{40}$/);
const Pulls = z.array(z.object({ number: z.number().int().positive() })).default([]);
const Repository = z.object({ full_name: z.string() });

const WorkflowRunPayload = z.object({
  action: z.string(),
  workflow_run: z.object({
    id: z.number().int().positive(),
    name: z.string().nullable().optional(),
    head_branch: z.string().nullable(),
    head_sha: Sha,
    status: z.string().nullable(),
    conclusion: z.string().nullable(),
    run_attempt: z.number().int().positive().optional(),
    html_url: z.string().optional(),
    pull_requests: Pulls,
    head_repository: Repository.nullable().optional(),
  }),
  repository: Repository,
});

const CheckSuitePayload = z.object({
  action: z.string(),
  check_suite: z.object({
    id: z.number().int().positive(),
    head_branch: z.string().nullable(),
    head_sha: Sha,
    status: z.string().nullable(),
    conclusion: z.string().nullable(),
    app: z.object({ slug: z.string().optional() }).nullable().optional(),
    pull_requests: Pulls,
    url: z.string().optional(),
  }),
  repository: Repository,
});

/** Branches ensemble publishes: anything else is someone else's pull request. */
const ENSEMBLE_BRANCH = /^ensemble\/[A-Za-z0-9._/-]+$/;

/** Decides whether a `workflow_run` or `check_suite` event concerns one of ensemble's pull requests. */
export function decideCiEvent(eventName: string, payload: unknown): CiDecision {
  if (eventName === 'workflow_run') {
    const parsed = WorkflowRunPayload.safeParse(payload);
    if (!parsed.success) return unreadable(eventName, parsed.error);
    const { action, workflow_run: run, repository } = parsed.data;
    const fromFork = run.head_repository != null && run.head_repository.full_name !== repository.full_name;
    return decided(action, run.status, run.head_branch, fromFork, {
      source: 'workflow_run',
      id: run.id,
      attempt: run.run_attempt ?? 1,
      headSha: run.head_sha,
      conclusion: run.conclusion ?? '',
      pulls: run.pull_requests.map((p) => p.number),
      // `||`: GitHub's example payload has an empty name, and a follow-up's trigger needs one.
      name: run.name || `workflow run ${run.id}`,
      url: run.html_url ?? null,
    });
  }
  if (eventName === 'check_suite') {
    const parsed = CheckSuitePayload.safeParse(payload);
    if (!parsed.success) return unreadable(eventName, parsed.error);
    const { action, check_suite: suite } = parsed.data;
    return decided(action, suite.status, suite.head_branch, false, {
      source: 'check_suite',
      id: suite.id,
      attempt: 1,
      headSha: suite.head_sha,
      conclusion: suite.conclusion ?? '',
      pulls: suite.pull_requests.map((p) => p.number),
      name: suite.app?.slug || `check suite ${suite.id}`,
      url: null,
    });
  }
  return { act: false, reason: `a ${eventName} event is no CI event` };
}

function decided(
  action: string,
  status: string | null,
  branch: string | null,
  fromFork: boolean,
  event: Omit<CiEvent, 'headBranch'>,
): CiDecision {
  const what = `${event.source.replace('_', ' ')} ${event.id}`;
  if (action !== 'completed' || status !== 'completed') return { act: false, reason: `${what} has not completed` };
  if (branch === null || !ENSEMBLE_BRANCH.test(branch) || fromFork) {
    return { act: false, reason: `${what} is not on a branch of ensemble's (ensemble/…) in this repository` };
  }
  return { act: true, event: { ...event, headBranch: branch } };
}

function unreadable(eventName: string, error: z.ZodError): CiDecision {
  const issue = error.issues[0]!;
  const field = issue.path.map(String).join('.') || 'the payload';
  return { act: false, reason: `the ${eventName} event's payload has no usable ${field} (${issue.message})` };
}
