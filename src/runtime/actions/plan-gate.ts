/**
 * The plan job started by a comment on an issue where a run waits (`pipeline/gates.ts`): it
 * decides what the comment asks, checks that its author may ask it, reads the checkpoint stored
 * under `refs/ensemble/checkpoints/`, verifies that the issue and the configuration are still what
 * the checkpoint saw, and hands the engine the gate to continue with. Every refusal is a reply to
 * the comment that asked (a command) or silence (a plain comment that was no answer to anything).
 */
import type { LoadedConfig } from '../../config/load.ts';
import type { CheckpointDocument } from '../../contracts/checkpoint.ts';
import type { EnsembleConfig } from '../../contracts/config.ts';
import { type Answer, MAX_ANSWERS_PER_ROUND, MAX_PERSON_TEXT } from '../../contracts/gate.ts';
import type { IssueFields } from '../../github/issues.ts';
import { type PlanGate, requestTextHash, resumeProblem } from '../../pipeline/gates.ts';
import { requestFromIssue } from '../../pipeline/request.ts';
import type { StoredCheckpoint } from '../../publish/checkpoint-store.ts';
import { waitShownOnIssue } from '../../publish/tracking.ts';
import { findMarker } from '../../render/marker.ts';
import { UserError } from '../../util/errors.ts';
import { decideGateComment, type GateComment, parseGateCommand } from './gate-event.ts';
import type { PreparedRun } from './plan.ts';
import { replyTo } from './reply.ts';
import type { ActionDeps } from './stages.ts';

/** What the comment leads to: a gate to continue with, a checkpoint to settle as stopped, or nothing. */
export type GateStart =
  | { kind: 'continue'; gate: Exclude<PlanGate, { kind: 'fresh' }>; prepared: PreparedRun }
  | { kind: 'stop'; checkpoint: CheckpointDocument; prepared: PreparedRun }
  | { kind: 'nothing'; why: string };

/**
 * Decides what an `issue_comment` event asks of a waiting run, with every check that needs the
 * API, and says no where it must. `token` writes the replies.
 */
export async function startFromComment(
  deps: ActionDeps,
  input: { config: EnsembleConfig; loaded: LoadedConfig; token: string },
): Promise<GateStart> {
  const { job } = deps;
  const { config } = input;
  const decision = decideGateComment(job.eventPayload, { allowedBots: config.trigger['allowed-bots'] });
  const github = await import('../../github/index.ts');
  const octokit = github.createOctokit({ token: input.token, baseUrl: job.apiUrl });
  const repo = { owner: job.repository.owner, repo: job.repository.repo };
  const issueOfPayload = (job.eventPayload['issue'] as { number?: number } | undefined)?.number ?? 0;
  if (!decision.act) {
    if (decision.reply && decision.commentId !== null) {
      const source = { kind: 'issue-comment' as const, id: decision.commentId, url: null };
      await replyTo(octokit, repo, issueOfPayload, source, decision.reason);
    }
    return { kind: 'nothing', why: decision.reason };
  }
  const asked = decision.comment;
  const source = { kind: 'issue-comment' as const, id: asked.comment.id, url: asked.comment.url };
  // A plain comment is an answer only where answers are awaited; anywhere else it is conversation.
  const plain = asked.command.kind === 'answer' && asked.command.via === 'comment';
  const refuse = async (why: string): Promise<GateStart> => {
    if (!plain) await replyTo(octokit, repo, asked.issue, source, why);
    return { kind: 'nothing', why };
  };

  const permission = await github.checkTriggerPermission(octokit, {
    ...repo,
    username: asked.author.login,
    senderType: asked.author.type,
    allowedBots: config.trigger['allowed-bots'],
  });
  if (!permission.ok) return refuse(permission.reason);

  const { readCheckpoint } = await import('../../publish/checkpoint-store.ts');
  let stored: StoredCheckpoint | null;
  try {
    stored = await readCheckpoint(octokit, repo, asked.issue);
  } catch (error) {
    // A checkpoint that cannot be read is said even to a plain comment: it was meant as an answer.
    if (!(error instanceof UserError)) throw error;
    await replyTo(octokit, repo, asked.issue, source, error.message);
    return { kind: 'nothing', why: error.message };
  }
  // Stop on an issue where nothing waits is the follow-up's: it stops the runs in progress and replies.
  if (asked.command.kind === 'stop' && stored?.checkpoint.status !== 'waiting')
    return { kind: 'nothing', why: `nothing waits on #${asked.issue}; stopping runs in progress is the follow-up's` };
  if (stored === null) {
    return refuse(
      `nothing of ensemble's waits on #${asked.issue}: it has no questions or plan pending there ` +
        `(label the issue "${config.trigger.label}" to start a run)`,
    );
  }
  const { checkpoint } = stored;
  if (plain && (checkpoint.status !== 'waiting' || checkpoint.waitingFor !== 'answers'))
    return { kind: 'nothing', why: `#${asked.issue} waits for no answers; the comment is conversation` };

  // The issue as it reads now: its text must be the one the checkpoint saw. Its comments, each
  // author's role looked up, are read only where answers are collected from them.
  const where = { ...repo, issue_number: asked.issue };
  const issue: IssueFields =
    asked.command.kind === 'answer'
      ? await github.snapshotIssue(octokit, {
          ...where,
          allowedBots: config.trigger['allowed-bots'],
          writers: [asked.author.login],
        })
      : { ...(await github.readIssueState(octokit, where)), author: null, comments: [] };
  const current = requestFromIssue(issue);
  const problem = resumeProblem(checkpoint, {
    kind: asked.command.kind,
    issue: asked.issue,
    requestHash: requestTextHash(current),
    configHash: input.loaded.hash,
    writtenAt: asked.comment.createdAt,
  });
  if (problem !== null) {
    // Said to the author of a plain answer too: they answered a question ensemble asked.
    await replyTo(octokit, repo, asked.issue, source, problem);
    return { kind: 'nothing', why: problem };
  }

  // What people see is what continues: the tracking comment names the run whose wait it shows. A
  // stored checkpoint of another run (the newer one's publish failed to store its own) is refused.
  const shown = await waitShownOnIssue(octokit, repo, asked.issue);
  if (asked.command.kind !== 'stop' && shown !== checkpoint.run.runId) {
    const why =
      `the tracking comment on #${asked.issue} shows ${shown ? `run ${shown}'s wait` : 'no wait'}, but the stored ` +
      `checkpoint is run ${checkpoint.run.runId}'s; ensemble continues only what people were shown: label the ` +
      'issue again to start over';
    await replyTo(octokit, repo, asked.issue, source, why);
    return { kind: 'nothing', why };
  }

  const prepared: PreparedRun = { request: checkpoint.request, octokit, token: input.token };
  const origin = { runId: checkpoint.run.runId, commit: stored.commit };
  const now = new Date().toISOString();
  const by = asked.author.login;
  switch (asked.command.kind) {
    case 'stop':
      return {
        kind: 'stop',
        checkpoint: { ...checkpoint, status: 'stopped', settled: { by, at: now, runId: job.runId } },
        prepared,
      };
    case 'approve':
      return {
        kind: 'continue',
        gate: { kind: 'approve', checkpoint, origin, approval: { by, at: now, via: 'comment' } },
        prepared,
      };
    case 'revise':
      return {
        kind: 'continue',
        gate: {
          kind: 'revise',
          checkpoint,
          origin,
          conversation: stored.conversation,
          revision: { by, at: now, instructions: asked.command.instructions.slice(0, MAX_PERSON_TEXT) },
        },
        prepared,
      };
    case 'answer': {
      const answers = answersSince(checkpoint, issue.comments, asked);
      return {
        kind: 'continue',
        gate: { kind: 'answers', checkpoint, origin, conversation: stored.conversation, answers },
        prepared,
      };
    }
  }
}

/**
 * The answers to the last round: every comment by someone with write access since the questions
 * were asked (`comments` holds only theirs) that is an answer, and the comment that started this
 * run. Several people may answer before a run starts, and GitHub keeps only the newest of the
 * runs waiting in one concurrency group: collecting them all loses none.
 */
export function answersSince(
  checkpoint: CheckpointDocument,
  comments: readonly { author: string; body: string; createdAt: string }[],
  asked: GateComment,
): Answer[] {
  const askedAt = Date.parse(checkpoint.gate.rounds.at(-1)?.askedAt ?? '');
  const answers: Answer[] = [];
  const seen = new Set<string>();
  const add = (author: string, text: string, createdAt: string, via: Answer['via'], commentId: number | null) => {
    const key = `${author}\n${createdAt}\n${text}`;
    if (seen.has(key) || answers.length >= MAX_ANSWERS_PER_ROUND) return;
    seen.add(key);
    answers.push({ by: author, at: createdAt, text: text.slice(0, MAX_PERSON_TEXT), via, commentId });
  };
  // The comment that started the run first: it is the one with its id known.
  if (asked.command.kind === 'answer') {
    const { text, via } = asked.command;
    add(asked.author.login, text, asked.comment.createdAt, via, asked.comment.id);
  }
  for (const comment of comments) {
    if (!(Date.parse(comment.createdAt) > askedAt) || findMarker(comment.body) !== null) continue;
    const command = parseGateCommand(comment.body);
    if (command?.kind !== 'answer' || command.text === '') continue;
    add(comment.author, command.text, comment.createdAt, command.via, null);
  }
  return answers.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
