/**
 * What a committed action bundle loads before its first check fails: only the entry's own code,
 * never a stage, the model SDKs, the contracts' schemas or @actions/core with its HTTP client (which
 * together are megabytes). This is what keeps an action's cold start close to bare Node's
 * (`npm run bench`, section 1), counted in bytes rather than timed.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { VALID_INPUTS } from '../../bench/cold-start.ts';
import { cleanupTemps, tempDir } from '../support/git-fixture.ts';
import { repoRoot } from '../support/node24.ts';
import { runActionBundle } from '../support/runner.ts';

/** The bundle's code an entry may load before it fails for a missing artifact service (about 100 KB today). */
const BUDGET_BYTES = 200_000;

afterEach(() => cleanupTemps());

describe('an action bundle that cannot run loads only its entry code', () => {
  test.each(Object.keys(VALID_INPUTS))('%s', async (entry) => {
    const record = join(tempDir(), 'loads.txt');
    const run = await runActionBundle(
      entry,
      { 'github-token': 'ghs_faketokenfaketoken', ...VALID_INPUTS[entry] },
      {
        env: {
          NODE_OPTIONS: `--import=${join(repoRoot, 'test', 'support', 'record-loads.ts')}`,
          ENSEMBLE_RECORD_LOADS: record,
        },
      },
    );
    expect(run.stdout).toMatch(new RegExp(`^::error::ensemble ${entry}: cannot use GitHub artifacts`, 'm'));
    const loaded = readFileSync(record, 'utf8')
      .split('\n')
      .filter((path) => path.startsWith(join(repoRoot, 'dist')));
    expect(loaded).toContain(join(repoRoot, 'dist', 'index.js'));
    const bytes = loaded.reduce((sum, path) => sum + statSync(path).size, 0);
    expect(bytes, loaded.join('\n')).toBeLessThan(BUDGET_BYTES);
  });
});
