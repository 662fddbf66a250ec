import { z } from 'zod';
import { envelope, Sha256Hex } from './common.ts';
import { GateRecord, Login, Timestamp } from './gate.ts';
import { PlanBody, RequestSnapshot } from './plan.ts';

/**
 * A run that waits for a person: everything the next run needs to resume from the same point, so
 * that it depends on no artifact of this one. `requestHash` covers the title and body
 * (not its comments, where the answers arrive), `run.configHash` the configuration: a resume from
 * a checkpoint whose request or configuration changed is refused.
 */
export const CheckpointDocument = envelope(
  'ensemble.checkpoint/v1',
  z
    .object({
      waitingFor: z.enum(['answers', 'approval']),
      /**
       * When the run started waiting: a command or answer written before it was about something
       * else (an earlier plan, earlier questions) and is refused, so nobody approves a plan unseen.
       */
      waitingSince: Timestamp,
      /**
       * `waiting` until a run continues from it (`resumed`), someone stops it (`stopped`), or a
       * new run on the issue takes its place (`replaced`).
       */
      status: z.enum(['waiting', 'resumed', 'stopped', 'replaced']),
      /** Who settled it and in which run, once it is no longer waiting. */
      settled: z
        .object({ by: Login, at: Timestamp, runId: z.string().min(1).max(200) })
        .strict()
        .nullable(),
      request: RequestSnapshot,
      requestHash: Sha256Hex,
      gate: GateRecord,
      /** The plan awaiting approval; null while waiting for answers. */
      plan: PlanBody.nullable(),
      /** The planning agent's conversation is stored beside the document (`conversation.json`) when it fits. */
      conversation: z.boolean(),
    })
    .strict()
    .refine((c) => (c.waitingFor === 'approval') === (c.plan !== null), {
      message: 'a checkpoint waiting for approval carries its plan, and one waiting for answers none',
      path: ['plan'],
    }),
);
export type CheckpointDocument = z.infer<typeof CheckpointDocument>;

/**
 * The planning agent's conversation as stored beside a checkpoint (`conversation.json`), read back:
 * user, assistant and tool messages with string or part-list content. The parts are the AI SDK's
 * own and go back to it unchanged; anything else is refused.
 */
export const StoredConversation = z
  .array(
    z
      .object({
        role: z.enum(['user', 'assistant', 'tool']),
        // Only the parts a planner's conversation has: no file or image part the SDK would fetch.
        content: z.union([
          z.string(),
          z.array(z.looseObject({ type: z.enum(['text', 'reasoning', 'tool-call', 'tool-result']) })),
        ]),
      })
      .loose(),
  )
  .max(2_000);
