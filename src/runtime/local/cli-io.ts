import { UserError } from '../../util/errors.ts';

/** What a CLI command gets from the process: its streams, where it stands and its environment. */
export interface CliIo {
  /** `isTTY`: whether the stream is a terminal (a person may be asked something). */
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Read only when a person at a terminal is asked something (`ensemble run`'s gates); absent: never. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** The values of a command's options, as `parseArgs` gives them. */
export type Values = Record<string, string | boolean | undefined>;

/** A mistake on the command line: reported with the usage, exit code 2. */
export class UsageError extends UserError {
  override name = 'UsageError';
}
