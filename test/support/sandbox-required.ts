/**
 * Tests that need a working bubblewrap: the sandbox tests themselves, and whole runs of the
 * pipeline, whose commands run only in bubblewrap (`sandbox: bubblewrap`, the default).
 *
 * Where bubblewrap does not work (a fresh machine without it, a container that forbids user
 * namespaces) these tests are SKIPPED, and say so loudly: a line on stderr per file, a note on
 * each skipped test, and the summary reporter's closing lines (`summary-reporter.ts`). CI sets
 * `ENSEMBLE_REQUIRE_SANDBOX=1` (`.ci/run`, `.github/workflows/ci.yml`): there a missing sandbox
 * fails every file that needs it instead, so CI always runs every sandbox test inside bubblewrap.
 */
import { beforeEach } from 'vitest';
import { type BubblewrapProbe, probeBubblewrap, resetBubblewrapProbe } from '../../src/agent/sandbox.ts';
import { SANDBOX_SKIP_NOTE } from './summary-reporter.ts';

/** The variable CI sets to turn "skipped without bubblewrap" into a failure. */
export const REQUIRE_SANDBOX_VARIABLE = 'ENSEMBLE_REQUIRE_SANDBOX';

export const sandboxProbe: BubblewrapProbe = await probeBubblewrap();
// Tests that hide bwrap from PATH probe again; start them from a clean cache.
resetBubblewrapProbe();

/** Whether the sandbox tests run here. */
export const sandboxAvailable = sandboxProbe.available;

const reason = sandboxProbe.available ? '' : sandboxProbe.reason;

if (!sandboxProbe.available && process.env[REQUIRE_SANDBOX_VARIABLE] === '1') {
  throw new Error(
    `${REQUIRE_SANDBOX_VARIABLE}=1 and ${reason}: the sandbox tests must run here. ` +
      'Run `bash scripts/install-sandbox.sh` (it installs bubblewrap and, on Ubuntu 23.10 and later, ' +
      `an AppArmor profile for it), or unset ${REQUIRE_SANDBOX_VARIABLE} to skip them with a warning.`,
  );
}

let announced = false;

/**
 * Skips every test of the file (or of the `describe` block it is called in) where bubblewrap does
 * not work, with a note naming the reason; fails the file instead under `ENSEMBLE_REQUIRE_SANDBOX=1`.
 */
export function requireSandboxForTests(what: string): void {
  if (sandboxAvailable) return;
  if (!announced) {
    announced = true;
    process.stderr.write(
      `\n⚠️  ${reason}: ${what} are SKIPPED here (they need bubblewrap). ` +
        `CI runs them (${REQUIRE_SANDBOX_VARIABLE}=1); install bubblewrap to run them: bash scripts/install-sandbox.sh\n`,
    );
  }
  beforeEach((context) => {
    context.skip(`${SANDBOX_SKIP_NOTE} (${reason})`);
  });
}

/** The same for one test: call it first in the test's body with the test's context. */
export function skipWithoutSandbox(context: { skip(note?: string): never }, what = 'this test'): void {
  if (sandboxAvailable) return;
  if (!announced) {
    announced = true;
    process.stderr.write(`\n⚠️  ${reason}: ${what} is SKIPPED here (it needs bubblewrap).\n`);
  }
  context.skip(`${SANDBOX_SKIP_NOTE} (${reason})`);
}
