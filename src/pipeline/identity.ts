/**
 * Who a run is: its id, the repository, the request it works on, the base commit and the
 * configuration, made once per run (by the plan step, in either runtime) and carried in every
 * document.
 */
import { randomBytes } from 'node:crypto';
import type { RunIdentity } from '../contracts/common.ts';
import type { RequestSnapshot } from '../contracts/plan.ts';

/** `2026-11-21T19-10-00-1a2b`: sortable, unique enough for one machine, safe in paths and branch names. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

export function newRunIdentity(input: {
  repository: string;
  runId: string;
  request: RequestSnapshot;
  baseSha: string;
  configHash: string;
}): RunIdentity {
  return {
    repository: input.repository,
    runId: input.runId,
    issue: input.request.issue,
    promptHash: input.request.issue === null ? input.request.hash : null,
    baseSha: input.baseSha,
    configHash: input.configHash,
  };
}
