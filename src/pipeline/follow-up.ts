/**
 * A follow-up run on a pull request ensemble opened: a fix asked for in a review or a comment. It
 * is a run whose first pass is the pull request as it stands, so that the one fix loop
 * (`fix-loop.ts`) and the one publisher serve it too:
 *
 * - the plan and the test report are the stored state of the run that made the pull request
 *   (`refs/ensemble/state/…`), carried over under this run's identity, with no usage (this run
 *   has spent nothing yet, and its budget is its own);
 * - `change.patch` runs from the base to the pull request's head, people's commits included: the
 *   fix builds on them;
 * - the reviews are the open findings, and GitHub's review threads say which are open: a finding
 *   ensemble posted whose thread someone resolved is settled; a finding in a thread still open, or
 *   one that was never placed in a thread, is open. Each unresolved thread a person with write
 *   access opened is a finding of its own (source `human`), at the blocking severity.
 */
import { createHash } from 'node:crypto';
import { ARTIFACTS } from '../artifacts/names.ts';
import type { RunDirectory } from '../artifacts/run-directory.ts';
import { noModelUsage, type RunIdentity } from '../contracts/common.ts';
import type { BaseMerge, CiRepair, FollowUpDocument, FollowUpThread } from '../contracts/follow-up.ts';
import type { PlanDocument } from '../contracts/plan.ts';
import { type Finding, type FindingId, isAtLeast, type ReviewDocument, type Severity } from '../contracts/review.ts';
import type { TestDocument } from '../contracts/test-report.ts';
import { CI_SOURCE, CONFLICT_SOURCE, PERSON_SOURCE, verdictFor } from '../review/index.ts';
import { UserError } from '../util/errors.ts';
import { clip, clipWithNote } from '../util/text.ts';

/** A review thread as GitHub reports it (`github/threads.ts`), as far as a follow-up reads it. */
export interface ThreadOnPull {
  id: string;
  /** The finding id of ensemble's marker in the root comment (`findingMarker`); null in a person's thread. */
  findingId: string | null;
  isResolved: boolean;
  path: string;
  line: number | null;
  comments: readonly { id: number; author: string; authorType: string; body: string }[];
}

/** The state a follow-up starts from: what the run that made the pull request stored. */
export interface StartingState {
  commit: string;
  plan: PlanDocument;
  test: TestDocument | null;
  reviews: readonly ReviewDocument[];
}

export interface FollowUpStart {
  /** This run's identity: its own run id, the base the pull request's change is measured from. */
  run: RunIdentity;
  state: StartingState;
  /** The change from `run.baseSha` to the pull request's head. */
  change: string;
  pull: FollowUpDocument['pull'];
  trigger: FollowUpDocument['trigger'];
  instructions: string | null;
  threads: readonly ThreadOnPull[];
  /** Whether a login may ask for work (write access); people without it are not read into a prompt. */
  canWrite: (login: string) => boolean;
  /** `review.block-on`: the severity a person's review comment gets. */
  blockOn: Severity;
  /** A repair of the repository's CI: the repair, and one finding per failed check (`ci/failure.ts`). */
  ci?: { repair: CiRepair; findings: readonly Finding[] } | null;
  /** A merge of the base branch that conflicted: the merge, and one finding per conflicted file. */
  merge?: { merge: BaseMerge; findings: readonly Finding[] } | null;
}

/** A follow-up cannot start from what the pull request and its stored state hold. */
export class FollowUpError extends UserError {
  override name = 'FollowUpError';
}

/** The longest body a finding may have (`Finding.body`): a long thread is cut, saying so. */
const MAX_FINDING_BODY = 20_000;

/** The most of a thread's replies read into a person's finding. */
const MAX_REPLIES = 10;

/**
 * Writes the follow-up run's first pass into `runDir` (plan, test report with `change.patch`,
 * reviews of the open findings) and its `follow-up.json`; returns the document.
 */
export function prepareFollowUpRun(runDir: RunDirectory, start: FollowUpStart): FollowUpDocument {
  const { run, state } = start;
  if (state.test === null) {
    throw new FollowUpError(
      `the run that made pull request #${start.pull.number} left no test report (stages.test was off), and a ` +
        'fix round is re-tested against it: switch the test stage on and start a new run on the issue',
    );
  }
  const carried = { run, usage: noModelUsage() };
  runDir.writeDocument(ARTIFACTS.plan, 'plan.json', { ...state.plan, ...carried });
  runDir.writeTest({ document: { ...state.test, ...carried }, patch: start.change });

  const ledger = threadLedger(start.threads, start.canWrite);
  const reviews = state.reviews.map((review) => openFindingsOf(review, ledger, carried));
  const people = personFindings(start, ledger);
  if (people.findings.length > 0) reviews.push(personReview(people.findings, start.blockOn, carried));
  if (start.ci) {
    const count = start.ci.findings.length === 1 ? 'One check' : `${start.ci.findings.length} checks`;
    const summary = `${count} of the repository's CI failed on the pull request's head.`;
    reviews.push(externalReview(CI_SOURCE, start.ci.findings, summary, start.blockOn, carried));
  }
  if (start.merge) {
    const summary = `Merging ${start.merge.merge.base} into the pull request left conflict markers to resolve.`;
    reviews.push(externalReview(CONFLICT_SOURCE, start.merge.findings, summary, start.blockOn, carried));
  }
  runDir.writeReviews(reviews);

  const threads: FollowUpThread[] = [...ensembleThreads(reviews, ledger), ...people.threads];
  const document: FollowUpDocument = {
    schema: 'ensemble.follow-up/v1',
    ...carried,
    pull: start.pull,
    trigger: start.trigger,
    instructions: start.instructions,
    threads,
    ci: start.ci ? fittedRepair(start.ci.repair) : null,
    merge: start.merge?.merge ?? null,
    continues: { runId: state.plan.run.runId, stateCommit: state.commit },
  };
  runDir.writeDocument(ARTIFACTS.followUp, 'follow-up.json', document);
  return document;
}

interface ThreadLedger {
  /** ensemble's threads by the finding id in their root comment's marker. */
  byFinding: Map<string, ThreadOnPull>;
  /** Threads without ensemble's marker: people's. */
  people: ThreadOnPull[];
}

function threadLedger(threads: readonly ThreadOnPull[], canWrite: (login: string) => boolean): ThreadLedger {
  const byFinding = new Map<string, ThreadOnPull>();
  const people: ThreadOnPull[] = [];
  for (const thread of threads) {
    const root = thread.comments[0];
    if (!root) continue;
    // A marker counts only in a thread a bot (ensemble posts as one, with GITHUB_TOKEN or an App) or
    // a writer (a publish token's person) opened: anyone else could paste one to claim a finding.
    const trusted = root.authorType === 'Bot' || canWrite(root.author);
    // The first thread of a finding is the one ensemble posted (it posts each finding once): a later
    // one is a copy of its marker, which anyone who may comment can paste, and must not reopen it.
    if (thread.findingId === null || !trusted) people.push(thread);
    else if (!byFinding.has(thread.findingId)) byFinding.set(thread.findingId, thread);
  }
  return { byFinding, people };
}

/** A lens's review with only the findings still open: those whose thread was resolved are settled. */
function openFindingsOf(
  review: ReviewDocument,
  ledger: ThreadLedger,
  carried: Pick<ReviewDocument, 'run' | 'usage'>,
): ReviewDocument {
  const findings = review.findings.filter((f) => f.id === null || !ledger.byFinding.get(f.id)?.isResolved);
  return { ...review, ...carried, findings };
}

function ensembleThreads(reviews: readonly ReviewDocument[], ledger: ThreadLedger): FollowUpThread[] {
  const threads: FollowUpThread[] = [];
  for (const review of reviews) {
    for (const finding of review.findings) {
      const thread = finding.id === null ? undefined : ledger.byFinding.get(finding.id);
      const root = thread?.comments[0];
      if (!thread || !root || finding.id === null) continue;
      threads.push({
        findingId: finding.id,
        threadId: thread.id,
        commentId: root.id,
        by: 'ensemble',
        author: null,
        path: finding.path,
        line: thread.line,
      });
    }
  }
  return threads;
}

/** A person's finding's id: stable for the thread, so each round and run names it the same. */
export function personFindingId(threadId: string): FindingId {
  return `F${createHash('sha256').update(`${PERSON_SOURCE}\u0000${threadId}`).digest('hex').slice(0, 10)}`;
}

/**
 * The unresolved threads people with write access opened, as findings. Only the author, the text
 * and the place go into them; replies by people without write access are left out.
 */
function personFindings(
  start: FollowUpStart,
  ledger: ThreadLedger,
): { findings: Finding[]; threads: FollowUpThread[] } {
  const findings: Finding[] = [];
  const threads: FollowUpThread[] = [];
  for (const thread of ledger.people) {
    const root = thread.comments[0];
    if (!root || thread.isResolved || !root.author || !start.canWrite(root.author)) continue;
    const id = personFindingId(thread.id);
    const said = thread.comments
      .filter((c) => c.author !== '' && start.canWrite(c.author))
      .slice(0, MAX_REPLIES + 1)
      .map((c) => `@${c.author} wrote:\n${c.body.trim()}`);
    findings.push({
      id,
      path: thread.path,
      line: thread.line,
      endLine: null,
      quote: '',
      severity: start.blockOn,
      title: titleOf(root.body, root.author),
      body: clipWithNote(said.join('\n\n'), MAX_FINDING_BODY, '\n[cut here: the thread goes on]'),
      suggestion: null,
    });
    threads.push({
      findingId: id,
      threadId: thread.id,
      commentId: root.id,
      by: 'person',
      author: root.author,
      path: thread.path,
      line: thread.line,
    });
  }
  return { findings, threads };
}

/** The first line of prose: a fenced block (a suggested change) is code, not what the comment asks. */
function titleOf(body: string, author: string): string {
  let fenced = false;
  const first = body
    .split('\n')
    .map((line) => line.trim())
    .find((line) => {
      if (line.startsWith('```')) fenced = !fenced;
      else if (!fenced && line !== '') return true;
      return false;
    });
  const title = first ?? `Review comment by @${author}`;
  return title.length > 300 ? `${title.slice(0, 297)}...` : title;
}

function personReview(
  findings: Finding[],
  blockOn: Severity,
  carried: Pick<ReviewDocument, 'run' | 'usage'>,
): ReviewDocument {
  const count = findings.length === 1 ? 'One review comment' : `${findings.length} review comments`;
  return {
    schema: 'ensemble.review/v1',
    ...carried,
    lens: PERSON_SOURCE,
    verdict: verdictFor(findings, blockOn),
    summary: `${count} by people with write access, still unresolved on the pull request.`,
    findings,
    criteria: [],
  };
}

/**
 * Findings no lens made (failed checks, merge conflicts) as a review of their own: each at the
 * blocking severity, so that the fix loop takes a round for them, and re-judged by the first lens
 * after it (as people's are).
 */
function externalReview(
  lens: string,
  findings: readonly Finding[],
  summary: string,
  blockOn: Severity,
  carried: Pick<ReviewDocument, 'run' | 'usage'>,
): ReviewDocument {
  const blocking = findings.map((finding) => ({ ...finding, severity: blockOn }));
  return {
    schema: 'ensemble.review/v1',
    ...carried,
    lens,
    verdict: verdictFor(blocking, blockOn),
    summary,
    findings: blocking,
    criteria: [],
  };
}

/** The most failed checks `CiRepair.checks` names, and the longest name it takes. */
const MAX_REPAIR_CHECKS = 50;
const MAX_CHECK_NAME = 200;

/**
 * The repair as the document holds it: a wide matrix can fail in more checks than it names (each
 * stays a finding of the ci review; the signature covers them all), and a check's name can be long.
 */
function fittedRepair(repair: CiRepair): CiRepair {
  return { ...repair, checks: repair.checks.slice(0, MAX_REPAIR_CHECKS).map((name) => clip(name, MAX_CHECK_NAME)) };
}

/**
 * How many blocking findings are open on the pull request: the stored reviews' findings whose
 * thread is not resolved, and the unresolved threads people with write access opened.
 */
export function openBlockingCount(
  reviews: readonly ReviewDocument[],
  threads: readonly ThreadOnPull[],
  canWrite: (login: string) => boolean,
  blockOn: Severity,
): number {
  const ledger = threadLedger(threads, canWrite);
  const ensembles = reviews
    .flatMap((review) => review.findings)
    .filter((f) => (f.id === null || !ledger.byFinding.get(f.id)?.isResolved) && isAtLeast(f.severity, blockOn));
  const people = ledger.people.filter((t) => {
    const author = t.comments[0]?.author;
    return !t.isResolved && author !== undefined && author !== '' && canWrite(author);
  });
  return ensembles.length + people.length;
}
