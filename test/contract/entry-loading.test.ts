/**
 * What a committed action bundle loads before its first check fails: only the entry's own code,
 * never a stage, the model SDKs, the contracts' schemas or @actions/core with its HTTP client (which
 * together are megabytes). This is what keeps an action's cold start close to bare Node's
 * (`npm run bench`, section 1), counted in bytes rather than timed.
 *
 * And what a job that may run loads before its first request to the artifact service (the second
 * cold-start column): the artifact client, not the agents, the model SDK or the renderers.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { VALID_INPUTS } from '../../bench/cold-start.ts';
import { startArtifactFake } from '../support/artifact-fake.ts';
import { cleanupTemps, tempDir } from '../support/git-fixture.ts';
import { repoRoot } from '../support/node24.ts';
import { runActionBundle } from '../support/runner.ts';

/** The bundle's code an entry may load before it fails for a missing artifact service (about 100 KB today). */
const BUDGET_BYTES = 200_000;

/**
 * The bundle's code a stage job may load before its first artifact request: the artifact client
 * with its Azure and HTTP stack is about 5 MB of it and is needed; the stage runner, the `ai` SDK
 * and the renderers (1.5 MB more, 7.9 MB in all before they were loaded on first use) are not.
 */
const FIRST_REQUEST_BUDGET_BYTES = 7_000_000;

afterEach(() => cleanupTemps());

const recordLoads = (record: string) => ({
  NODE_OPTIONS: `--import=${join(repoRoot, 'test', 'support', 'record-loads.ts')}`,
  ENSEMBLE_RECORD_LOADS: record,
});

const distBytes = (paths: string[]) =>
  paths.filter((path) => path.startsWith(join(repoRoot, 'dist'))).reduce((sum, path) => sum + statSync(path).size, 0);

describe('an action bundle that cannot run loads only its entry code', () => {
  test.each(Object.keys(VALID_INPUTS))('%s', async (entry) => {
    const record = join(tempDir(), 'loads.txt');
    const run = await runActionBundle(
      entry,
      { 'github-token': 'ghs_faketokenfaketoken', ...VALID_INPUTS[entry] },
      { env: recordLoads(record) },
    );
    expect(run.stdout).toMatch(new RegExp(`^::error::ensemble ${entry}: cannot use GitHub artifacts`, 'm'));
    const loaded = readFileSync(record, 'utf8')
      .split('\n')
      .filter((path) => path.startsWith(join(repoRoot, 'dist')));
    expect(loaded).toContain(join(repoRoot, 'dist', 'index.js'));
    expect(distBytes(loaded), loaded.join('\n')).toBeLessThan(BUDGET_BYTES);
  });
});

describe('a stage job loads no more than its artifact client before its first artifact request', () => {
  // A job that reads its configuration first (code), one that downloads first (review), publish.
  test.each(['code', 'review', 'publish'])('%s', async (entry) => {
    const record = join(tempDir(), 'loads.txt');
    // What the job had loaded when its first request arrived (the recorder appends as each module loads).
    let loadedBefore: string[] | null = null;
    const fake = await startArtifactFake({
      onRequest: () => {
        loadedBefore ??= readFileSync(record, 'utf8').split('\n');
      },
    });
    try {
      const run = await runActionBundle(
        entry,
        { 'github-token': 'ghs_faketokenfaketoken', ...VALID_INPUTS[entry] },
        { env: { ...fake.env, ...recordLoads(record) } },
      );
      // The fake holds no artifact: the job fails at its first download, having asked for it.
      expect(run.stdout).toMatch(new RegExp(`^::error::ensemble ${entry}: artifact ensemble-plan was not found`, 'm'));
      expect(loadedBefore).not.toBeNull();
      expect(distBytes(loadedBefore!), loadedBefore!.join('\n')).toBeLessThan(FIRST_REQUEST_BUDGET_BYTES);
    } finally {
      await fake.close();
    }
  });
});
