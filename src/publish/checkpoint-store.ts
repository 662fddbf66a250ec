/**
 * The checkpoint of a run that waits for a person (questions, or a plan awaiting approval), kept in
 * the repository under `refs/ensemble/checkpoints/issue-<n>` so that the run a person's comment
 * starts, days later and after the waiting run's artifacts have expired, reads, verifies and
 * resumes it (`pipeline/gates.ts`). The ref points at a commit holding `checkpoint.json` and, when
 * it was kept, the planner's conversation (`conversation.json`); settling it (resumed, stopped) is a
 * commit on top, so the history of the issue's waits is kept.
 */
import type { ModelMessage } from 'ai';
import { CheckpointDocument, StoredConversation } from '../contracts/checkpoint.ts';
import { parseDocumentText, zodProblems } from '../contracts/read.ts';
import type { GitHubClient } from '../github/octokit.ts';
import { errorMessage, UserError } from '../util/errors.ts';
import type { RemoteRepo } from './git-data.ts';
import type { SafeOutputsOptions } from './policy.ts';
import { filesOfCommit, problemsLine, readStoredFiles, storedProblems, storeFiles } from './ref-store.ts';

export interface StoredCheckpoint {
  /** The commit the ref points at. */
  commit: string;
  checkpoint: CheckpointDocument;
  /** The planner's conversation; null when it was not kept or does not read back. */
  conversation: ModelMessage[] | null;
  /** Why a conversation that was kept does not read back; null when it does, or none was kept. */
  conversationProblem: string | null;
}

/** How a waiting checkpoint ended: a run resumed from it, or someone stopped it. */
export interface Settlement {
  status: Exclude<CheckpointDocument['status'], 'waiting'>;
  by: string;
  at: string;
  runId: string;
}

/** The stored checkpoint of an issue is unusable: the message says how to start over. */
export class CheckpointError extends UserError {
  override name = 'CheckpointError';
}

/** `refs/ensemble/checkpoints/issue-7` for issue #7. */
export function checkpointRefFor(issue: number): string {
  return `refs/ensemble/checkpoints/issue-${issue}`;
}

const CHECKPOINT = 'checkpoint.json';
const CONVERSATION = 'conversation.json';

/**
 * Stores the checkpoint of `issue` (and the planner's conversation, as the plan step wrote it) as a
 * new commit and points the ref at it; the commit, or why not (the policy refused a file: then
 * nothing is written). The same files again write nothing.
 */
export async function writeCheckpoint(
  octokit: GitHubClient,
  repo: RemoteRepo,
  issue: number,
  input: { checkpoint: CheckpointDocument; conversation: string | null },
  policy: SafeOutputsOptions,
): Promise<{ commit: string } | { refused: string }> {
  // A checkpoint that would not read back strands the issue: never store one.
  const valid = CheckpointDocument.safeParse(input.checkpoint);
  if (!valid.success) {
    const problems = problemsLine(zodProblems(valid.error));
    throw new Error(`the checkpoint of issue #${issue} to store is not valid (${problems}): this is a bug in ensemble`);
  }
  const { checkpoint, conversation } = input;
  const files = new Map([[CHECKPOINT, `${JSON.stringify(checkpoint, null, 2)}\n`]]);
  if (conversation !== null) files.set(CONVERSATION, conversation);
  const settled = checkpoint.settled
    ? `settled: ${checkpoint.status} by ${checkpoint.settled.by} in run ${checkpoint.settled.runId}\n`
    : '';
  const message =
    `ensemble checkpoint of issue #${issue}: ${checkpoint.status}, waiting for ${checkpoint.waitingFor}\n\n` +
    `run: ${checkpoint.run.runId}\n${settled}`;
  const what = `the checkpoint of issue #${issue}`;
  return storeFiles(
    octokit,
    repo,
    { ref: checkpointRefFor(issue), files, message, what, label: 'stored checkpoint' },
    policy,
  );
}

/**
 * The stored checkpoint of `issue`; null when it has none. A `checkpoint.json` that is missing or
 * does not validate throws `CheckpointError` naming it; a conversation that does not read back is
 * left out, with why (the resumed planner then starts from its findings).
 */
export async function readCheckpoint(
  octokit: GitHubClient,
  repo: RemoteRepo,
  issue: number,
): Promise<StoredCheckpoint | null> {
  const ref = checkpointRefFor(issue);
  const stored = await readStoredFiles(octokit, repo, ref);
  if (stored === null) return null;
  const { commit, files } = stored;
  const where = `${ref} (commit ${commit})`;
  const recover =
    `To start over, label issue #${issue} for ensemble again (trigger.label): the new run plans from the issue; ` +
    `or delete the ref (git push origin --delete ${ref})`;
  const text = files.get(CHECKPOINT);
  if (text === undefined) throw new CheckpointError(`${where} holds no ${CHECKPOINT}. ${recover}`);
  let checkpoint: CheckpointDocument;
  try {
    checkpoint = parseDocumentText('checkpoint', text, { artifact: ref, file: CHECKPOINT });
  } catch (error) {
    throw new CheckpointError(`${where} holds an invalid ${CHECKPOINT} (${storedProblems(error)}). ${recover}`);
  }
  // A checkpoint moved from another issue's ref would resume another request here.
  if (checkpoint.run.issue !== issue) {
    throw new CheckpointError(
      `${where} holds a ${CHECKPOINT} of ${whose(checkpoint.run.issue)}, ` + `not of issue #${issue}. ${recover}`,
    );
  }
  return { commit, checkpoint, ...conversationOf(`${CONVERSATION} of ${where}`, checkpoint, files.get(CONVERSATION)) };
}

function conversationOf(
  where: string,
  checkpoint: CheckpointDocument,
  text: string | undefined,
): Pick<StoredCheckpoint, 'conversation' | 'conversationProblem'> {
  const without = (problem: string | null) => ({ conversation: null, conversationProblem: problem });
  if (text === undefined)
    return without(checkpoint.conversation ? `${where} is missing, though ${CHECKPOINT} says it was kept` : null);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return without(`${where} is not valid JSON (${errorMessage(error)})`);
  }
  const parsed = StoredConversation.safeParse(value);
  if (!parsed.success) {
    const problems = problemsLine(zodProblems(parsed.error, 5));
    return without(`${where} is not a conversation (${problems})`);
  }
  return { conversation: parsed.data as ModelMessage[], conversationProblem: null };
}

/**
 * Marks the stored checkpoint resumed or stopped, as a new commit on top with the same conversation
 * file; the commit, or why not (the policy refused a file). The same settlement again writes nothing.
 */
export async function settleCheckpoint(
  octokit: GitHubClient,
  repo: RemoteRepo,
  issue: number,
  stored: StoredCheckpoint,
  settled: Settlement,
  policy: SafeOutputsOptions,
): Promise<{ commit: string } | { refused: string }> {
  // The conversation file as it was stored, byte for byte (also one that does not read back).
  const files = await filesOfCommit(octokit, repo, checkpointRefFor(issue), stored.commit);
  const checkpoint: CheckpointDocument = {
    ...stored.checkpoint,
    status: settled.status,
    settled: { by: settled.by, at: settled.at, runId: settled.runId },
  };
  return writeCheckpoint(octokit, repo, issue, { checkpoint, conversation: files.get(CONVERSATION) ?? null }, policy);
}

/** Whose a checkpoint is, as a message names it. */
function whose(issue: number | null): string {
  return issue === null ? 'a prompt' : `issue #${issue}`;
}
