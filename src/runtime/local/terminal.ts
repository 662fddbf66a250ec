/**
 * A person at the terminal, for the questions and the approval `ensemble run` asks while it runs.
 * The gates (`gates.ts`) talk through `GateTerminal`; the CLI gives them `lineTerminal` over its
 * stdin and stdout, the tests a scripted one.
 */
import { createInterface, type Interface } from 'node:readline';

/** Lines written and read during one exchange with the person. */
export interface LineIo {
  write(text: string): void;
  /** Writes `prompt`, then the next line typed, without its line end; null when the input ended (Ctrl-D). */
  readLine(prompt: string): Promise<string | null>;
}

export interface GateTerminal {
  /** One exchange with the person; progress output waits until it ends, so that it does not draw over it. */
  converse<T>(talk: (io: LineIo) => Promise<T>): Promise<T>;
}

/**
 * The terminal over a line stream: one answer per line. `hold` pauses the live progress display
 * for an exchange. Lines typed before a prompt are kept for it (a pasted block of answers, or
 * input piped in ahead). readline runs without terminal mode, so Ctrl-C still reaches the
 * process's handler, which cleans up the worktrees.
 */
export function lineTerminal(
  input: NodeJS.ReadableStream,
  output: { write(text: string): unknown },
  hold: { pause(): void; resume(): void } = { pause() {}, resume() {} },
): GateTerminal & { close(): void } {
  let reader: Interface | null = null;
  let lines: AsyncIterator<string> | null = null;
  const io: LineIo = {
    write: (text) => {
      output.write(text);
    },
    async readLine(prompt) {
      output.write(prompt);
      if (lines === null) {
        // Opened on the first question only: a run that asks nothing never touches its input.
        reader = createInterface({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
        lines = reader[Symbol.asyncIterator]();
      }
      const next = await lines.next();
      return next.done ? null : next.value;
    },
  };
  return {
    async converse(talk) {
      hold.pause();
      try {
        return await talk(io);
      } finally {
        hold.resume();
      }
    },
    close() {
      reader?.close();
    },
  };
}

/** Control characters removed from text a model wrote before it is shown on a terminal (no escape sequences). */
export function printable(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
