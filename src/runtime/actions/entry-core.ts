/**
 * The five calls of `@actions/core` an entry makes before its stage starts (read inputs, mask, log,
 * debug, fail), writing the same workflow commands `@actions/core` writes. `@actions/core` itself
 * loads an HTTP client (1 MB of undici, for OIDC tokens) at import: an entry that fails on a bad
 * input or outside a job must not wait for it. The real module is loaded once the entry's checks
 * pass, for the stage (outputs, summaries, warnings). test/unit/runtime/actions/entry-core.test.ts
 * holds both to the same output.
 */
import { EOL } from 'node:os';

/** `::<command>::<message>`, the message escaped as the runner unescapes it (as `@actions/core`'s `issueCommand`). */
function issueCommand(command: string, message: string): void {
  const escaped = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  process.stdout.write(`::${command}::${escaped}${EOL}`);
}

export const entryCore = {
  /** An input as the runner passes it (`INPUT_<NAME>`), trimmed. */
  getInput(name: string): string {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
  },
  setSecret(secret: string): void {
    issueCommand('add-mask', secret);
  },
  info(message: string): void {
    process.stdout.write(message + EOL);
  },
  debug(message: string): void {
    issueCommand('debug', message);
  },
  /** An error annotation, and the step fails when the process exits. */
  setFailed(message: string | Error): void {
    process.exitCode = 1;
    issueCommand('error', message instanceof Error ? message.toString() : message);
  },
};
