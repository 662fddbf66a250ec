/**
 * The runner's request to stop a step. When a job is cancelled, or runs past its
 * `timeout-minutes`, the runner sends the step's process SIGINT, then SIGTERM 7.5 seconds later,
 * then kills it. The first signal is the stage's cue to write what its unfinished units yield and
 * upload it with their partial transcripts; a second one ends the process at once.
 */
export const STOP_REASON =
  'stopped before it finished: the job was cancelled or ran past its time limit (timeout-minutes)';

export interface StopRequest {
  /** Settles with the reason at the first SIGINT or SIGTERM. */
  readonly stopped: Promise<string>;
}

/** The handlers stay for the life of the step's process: a stage action's process is its step. */
type SignalTarget = Pick<NodeJS.Process, 'on' | 'exit'>;

export function listenForStop(target: SignalTarget = process): StopRequest {
  let heard = false;
  let settle: (reason: string) => void = () => undefined;
  const stopped = new Promise<string>((resolve) => {
    settle = resolve;
  });
  const onSignal = (signal: NodeJS.Signals) => {
    if (heard) target.exit(signal === 'SIGINT' ? 130 : 143);
    heard = true;
    settle(STOP_REASON);
  };
  target.on('SIGINT', onSignal);
  target.on('SIGTERM', onSignal);
  return { stopped };
}
