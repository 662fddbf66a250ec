import { EventEmitter } from 'node:events';
import { expect, test } from 'vitest';
import { listenForStop, STOP_REASON } from '../../../../src/runtime/actions/stop.ts';

/** A stand-in for `process`: signals are events, `exit` is recorded. */
function fakeProcess() {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  const target = {
    on: (event: string, listener: (...args: unknown[]) => void) => emitter.on(event, listener),
    exit: (code?: number) => {
      exits.push(code ?? 0);
    },
  } as unknown as Pick<NodeJS.Process, 'on' | 'exit'>;
  return { target, exits, emit: (signal: NodeJS.Signals) => emitter.emit(signal, signal) };
}

test("the runner's first signal asks the stage to stop, with the reason; the second ends the process", async () => {
  const fake = fakeProcess();
  const stop = listenForStop(fake.target);
  let settled: string | null = null;
  void stop.stopped.then((reason) => {
    settled = reason;
  });
  await Promise.resolve();
  expect(settled).toBeNull();

  fake.emit('SIGINT');
  await stop.stopped;
  expect(settled).toBe(STOP_REASON);
  expect(fake.exits).toEqual([]);

  fake.emit('SIGTERM');
  expect(fake.exits).toEqual([143]);
});
