/**
 * Where a run waits for a person, decided once for every runtime: whether the planner may ask,
 * whether a plan waits for approval, what a waiting run keeps (its checkpoint), and what a run
 * that resumes from a checkpoint must find unchanged. The Actions runtime stores checkpoints under
 * `refs/ensemble/checkpoints/` and resumes on a person's comment; the local one asks at the
 * terminal. Both hand the engine a `PlanGate`.
 */
import { createHash } from 'node:crypto';
import type { ModelMessage } from 'ai';
import { truncateMiddle } from '../agent/transcript.ts';
import type { CheckpointDocument } from '../contracts/checkpoint.ts';
import type { RunIdentity, Usage } from '../contracts/common.ts';
import type { EnsembleConfig } from '../contracts/config.ts';
import {
  type Answer,
  type Approval,
  type GateRecord,
  MAX_REVISIONS,
  type QuestionsBody,
  type Revision,
} from '../contracts/gate.ts';
import type { PlanBody, PlanDocument, RequestSnapshot } from '../contracts/plan.ts';

/** Where a checkpoint came from: the run that wrote it and, on GitHub, the commit it is stored in. */
export interface CheckpointOrigin {
  runId: string;
  commit: string | null;
}

/**
 * How the plan step starts. `fresh`: plan the request (a plan that must wait for approval waits,
 * unless `preApproved` says who approved it ahead, as `ensemble run --approve` does). The others
 * continue a checkpoint: with the answers to its questions, with a revision asked of its plan, or
 * with its plan approved (no model call: exactly the plan that was posted).
 */
export type PlanGate =
  | { kind: 'fresh'; preApproved?: Approval | null }
  | {
      kind: 'answers';
      checkpoint: CheckpointDocument;
      origin: CheckpointOrigin;
      conversation: ModelMessage[] | null;
      answers: Answer[];
      preApproved?: Approval | null;
    }
  | {
      kind: 'revise';
      checkpoint: CheckpointDocument;
      origin: CheckpointOrigin;
      conversation: ModelMessage[] | null;
      revision: Revision;
    }
  | { kind: 'approve'; checkpoint: CheckpointDocument; origin: CheckpointOrigin; approval: Approval };

export const EMPTY_GATE_RECORD: GateRecord = { rounds: [], revisions: [], approval: null, resumedFrom: null };

/** Whether the planner may end with questions, after the rounds `record` holds. */
export function mayAsk(config: EnsembleConfig, record: GateRecord): boolean {
  return config.gates.questions !== 'never' && record.rounds.length < config.gates['max-question-rounds'];
}

/** Whether a plan waits for a person's approval before any code is written. */
export function approvalRequired(config: EnsembleConfig): boolean {
  return config.gates.approval === 'comment' || config.gates.questions === 'always';
}

/**
 * The hash a checkpoint keeps of the request: its title and body, not its comments (the answers
 * arrive as comments). A resume whose issue reads differently is refused.
 */
export function requestTextHash(request: Pick<RequestSnapshot, 'title' | 'body'>): string {
  return createHash('sha256')
    .update(JSON.stringify([request.title, request.body]))
    .digest('hex');
}

/** The gate record a resumed plan step starts from: the checkpoint's, with what the person just gave. */
export function resumedRecord(gate: Exclude<PlanGate, { kind: 'fresh' }>): GateRecord {
  const record = structuredClone(gate.checkpoint.gate);
  record.resumedFrom = gate.origin.commit ? { runId: gate.origin.runId, commit: gate.origin.commit } : null;
  if (gate.kind === 'answers') {
    const last = record.rounds.at(-1);
    if (last) last.answers = [...last.answers, ...gate.answers];
  } else if (gate.kind === 'revise') {
    record.revisions = [...record.revisions, gate.revision];
  } else {
    record.approval = gate.approval;
  }
  return record;
}

/** A record with a new round of questions, asked now and not yet answered. */
export function withQuestions(record: GateRecord, questions: QuestionsBody, askedAt: string): GateRecord {
  const round = { askedAt, findings: questions.findings, questions: questions.questions, answers: [] };
  return { ...record, rounds: [...record.rounds, round] };
}

/** The checkpoint of a run that waits: everything the next run needs, with no artifact of this one. */
export function waitingCheckpoint(input: {
  run: RunIdentity;
  usage: Usage;
  request: RequestSnapshot;
  record: GateRecord;
  plan: PlanBody | null;
  conversation: boolean;
  now?: string;
}): CheckpointDocument {
  return {
    schema: 'ensemble.checkpoint/v1',
    run: input.run,
    usage: input.usage,
    waitingFor: input.plan ? 'approval' : 'answers',
    waitingSince: input.now ?? new Date().toISOString(),
    status: 'waiting',
    settled: null,
    request: input.request,
    requestHash: requestTextHash(input.request),
    gate: input.record,
    plan: input.plan,
    conversation: input.conversation,
  };
}

/**
 * The plan an approval starts coding from: exactly the checkpoint's, at the base it was made on,
 * under this run's identity, with who approved it. It cost this run nothing.
 */
export function approvedPlan(
  run: RunIdentity,
  gate: Extract<PlanGate, { kind: 'approve' }>,
  usage: Usage,
): PlanDocument {
  const { checkpoint } = gate;
  if (!checkpoint.plan) throw new Error('the checkpoint waits for answers, not approval: it has no plan to approve');
  return {
    schema: 'ensemble.plan/v1',
    run: { ...run, baseSha: checkpoint.run.baseSha },
    usage,
    ...checkpoint.plan,
    request: checkpoint.request,
    gate: resumedRecord(gate),
  };
}

// ---------------------------------------------------------------------------------------------
// the planner's conversation, kept with a checkpoint

/** Longest tool result kept in a stored conversation (as in transcripts); the agent can read again. */
const STORED_RESULT_CHARS = 4_000;
/** A stored conversation larger than this is not kept: the resumed planner starts from its findings. */
export const MAX_CONVERSATION_BYTES = 1_500_000;

/** The conversation as stored: tool results cut to `STORED_RESULT_CHARS`; null when it is too large to keep. */
export function storableConversation(messages: readonly ModelMessage[]): ModelMessage[] | null {
  const cut = messages.map((message) => {
    if (message.role !== 'tool') return message;
    const content = message.content.map((part) => {
      if (part.type !== 'tool-result' || part.output.type !== 'text') return part;
      return {
        ...part,
        output: { ...part.output, value: truncateMiddle(part.output.value, STORED_RESULT_CHARS).text },
      };
    });
    return { ...message, content } as ModelMessage;
  });
  return Buffer.byteLength(JSON.stringify(cut)) > MAX_CONVERSATION_BYTES ? null : cut;
}

/** A stored conversation read back (defined with the checkpoint it is stored beside, for every reader). */
export { StoredConversation } from '../contracts/checkpoint.ts';

// ---------------------------------------------------------------------------------------------
// resuming

/** What a person asks of a waiting run. */
export type GateAsk = 'answer' | 'approve' | 'revise' | 'stop';

/**
 * Why a run must not continue from `checkpoint` as asked, or null when it may: it is no longer
 * waiting, it waits for something else, or the request or the configuration changed since it was
 * written (then it would continue from a request or settings it never saw). Stopping needs only
 * a waiting checkpoint.
 */
export function resumeProblem(
  checkpoint: CheckpointDocument,
  ask: { kind: GateAsk; issue: number; requestHash: string; configHash: string; writtenAt: string },
): string | null {
  const again = 'label the issue again to start over';
  const waitedOn = checkpoint.waitingFor === 'answers' ? 'its questions' : 'its plan';
  if (checkpoint.status !== 'waiting') {
    const settled = checkpoint.settled;
    const who = settled ? ` by @${settled.by} in run ${settled.runId}` : '';
    const run = settled ? ` (run ${settled.runId})` : '';
    const why: Record<Exclude<CheckpointDocument['status'], 'waiting'>, string> = {
      stopped: `ensemble's wait on #${ask.issue} was stopped${who}; ${again}`,
      resumed: `ensemble already continued from ${waitedOn} on #${ask.issue}${who}; nothing waits there now`,
      replaced: `a newer run on #${ask.issue}${run} took the place of what ensemble waited on; nothing waits there now`,
    };
    return why[checkpoint.status];
  }
  if (ask.kind === 'stop') return null;
  // Written before the run started waiting: about earlier questions or an earlier plan.
  if (Date.parse(ask.writtenAt) < Date.parse(checkpoint.waitingSince)) {
    return (
      `the comment was written before ensemble posted what it waits for now (${waitedOn}, run ` +
      `${checkpoint.run.runId}, at ${checkpoint.waitingSince}): read that and write again`
    );
  }
  if (ask.kind === 'revise' && checkpoint.gate.revisions.length >= MAX_REVISIONS) {
    return `the plan was revised ${MAX_REVISIONS} times already, the most one request takes; ${again}`;
  }
  if (checkpoint.waitingFor === 'answers' && (ask.kind === 'approve' || ask.kind === 'revise')) {
    return (
      `ensemble waits for answers to its questions on #${ask.issue}, not for a plan to ${ask.kind}: ` +
      'answer in a comment, or with `/ensemble answer <answers>`'
    );
  }
  if (checkpoint.waitingFor === 'approval' && ask.kind === 'answer') {
    return (
      `ensemble waits for approval of its plan on #${ask.issue}, not for answers: ` +
      '`/ensemble approve`, `/ensemble revise <what to change>` or `/ensemble stop`'
    );
  }
  const when = `since ensemble posted ${waitedOn} in run ${checkpoint.run.runId}`;
  if (ask.requestHash !== checkpoint.requestHash) {
    return (
      `the issue's title or body changed ${when}, so it does not continue from a request it did not see; ` +
      `${again} with the issue as it reads now, or restore its text`
    );
  }
  if (ask.configHash !== checkpoint.run.configHash) {
    return (
      `the configuration changed ${when} (hash ${checkpoint.run.configHash.slice(0, 12)} then, ` +
      `${ask.configHash.slice(0, 12)} now), so it does not continue under settings it did not plan with; ${again}`
    );
  }
  return null;
}
