import { UserError } from '../../util/errors.ts';

/** What started a run, after the event has been checked. */
export type Trigger =
  | { kind: 'issue'; issue: number; sender: Sender; event: string }
  | { kind: 'prompt'; prompt: string; sender: Sender; event: string };

export interface Sender {
  login: string;
  /** `User`, `Bot` or `Organization`, as the webhook payload says. */
  type: string;
}

export class TriggerError extends UserError {
  override name = 'TriggerError';
}

interface EventPayload {
  action?: string;
  label?: { name?: string };
  issue?: { number?: number; pull_request?: unknown };
  sender?: { login?: string; type?: string };
}

/**
 * Decides from the event and the action's inputs what the run works on, refusing every other
 * event with a message that names it. The issue number comes from the payload or from the
 * validated `issue` input, never from text anyone can edit.
 */
export function resolveTrigger(
  eventName: string,
  payload: EventPayload,
  inputs: { issue: number | null; prompt: string | null },
  triggerLabel: string,
): Trigger {
  const sender: Sender = { login: payload.sender?.login ?? '', type: payload.sender?.type ?? 'User' };
  if (sender.login === '')
    throw new TriggerError(`the ${eventName} event has no sender; refusing to run without knowing who triggered it`);
  if (eventName === 'issues') {
    if (payload.action !== 'labeled') {
      throw new TriggerError(
        `the issues event "${payload.action ?? 'unknown'}" does not start ` +
          `ensemble: only "labeled" with the label "${triggerLabel}" does`,
      );
    }
    if (payload.label?.name !== triggerLabel) {
      throw new TriggerError(
        `the label "${payload.label?.name ?? ''}" is not ensemble's trigger label ` +
          `"${triggerLabel}" (set trigger.label in the configuration to change it)`,
      );
    }
    const issue = payload.issue?.number;
    if (!Number.isInteger(issue) || (issue as number) <= 0)
      throw new TriggerError('the issues event carries no issue number');
    if (payload.issue?.pull_request)
      throw new TriggerError('the label was added to a pull request, not an issue; ensemble works on issues');
    return { kind: 'issue', issue: issue as number, sender, event: eventName };
  }
  if (eventName === 'workflow_dispatch' || eventName === 'workflow_call') {
    if (inputs.issue !== null) return { kind: 'issue', issue: inputs.issue, sender, event: eventName };
    if (inputs.prompt !== null) return { kind: 'prompt', prompt: inputs.prompt, sender, event: eventName };
    throw new TriggerError(`a ${eventName} run needs the input "issue" (an issue number) or "prompt" (what to build)`);
  }
  throw new TriggerError(
    `ensemble does not run on the "${eventName}" event: trigger it by labelling ` +
      `an issue "${triggerLabel}" (issues: labeled) or with workflow_dispatch`,
  );
}
