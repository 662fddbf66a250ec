import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The corpus's projects keep their own tests (run by their own runner inside `ensemble run`).
    exclude: [...configDefaults.exclude, 'test/fixtures/corpus/**'],
    environment: 'node',
    reporters: ['default', './test/support/summary-reporter.ts'],
    // TMPDIR points at a directory of the run (and one per test file), removed when done: see temp-root.ts.
    globalSetup: ['./test/support/temp-root.ts'],
    setupFiles: ['./test/support/temp-per-file.ts'],
    // A limit that catches a hang, not a speed check (speed is `npm run bench`'s): whole runs of
    // the pipeline take 10-30 s alone and far longer on a busy two-core machine.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Tests spawn git, bubblewrap and Node 24 child processes: two cores are the budget.
    maxWorkers: 2,
    server: {
      // @actions/workflow-parser imports its JSON schema with an import attribute that Node 20's loader rejects.
      deps: { inline: ['@actions/workflow-parser'] },
    },
  },
});
