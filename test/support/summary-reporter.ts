import type { Reporter, TestModule } from 'vitest/node';

/** The start of the note every test skipped for want of bubblewrap carries (`sandbox-required.ts`). */
export const SANDBOX_SKIP_NOTE = 'SKIPPED: needs bubblewrap';

/**
 * Ends the run with one plain line, `tests: N passed, N failed, N skipped`, that CI systems
 * read without knowing vitest's own summary format; before it, when tests were skipped because
 * bubblewrap does not work here, how many and why, so that a weaker run never looks like a full one.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const sandboxSkips = new Map<string, number>();
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') counts.passed++;
        else if (result.state === 'failed') counts.failed++;
        else counts.skipped++;
        if (result.state === 'skipped' && result.note?.startsWith(SANDBOX_SKIP_NOTE))
          sandboxSkips.set(result.note, (sandboxSkips.get(result.note) ?? 0) + 1);
      }
      // A file that failed to load has no tests to count, but it failed.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) counts.failed++;
    }
    for (const [note, count] of sandboxSkips) {
      process.stdout.write(
        `⚠️  ${count} sandbox test${count === 1 ? '' : 's'} ${note}: they did not run. ` +
          'CI runs them (ENSEMBLE_REQUIRE_SANDBOX=1); to run them here: bash scripts/install-sandbox.sh\n',
      );
    }
    process.stdout.write(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
