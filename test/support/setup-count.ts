/**
 * The demo repository in the Actions harness with a setup command that counts its runs (in a file
 * outside every job, as a registry's download log would) and installs `vendor/dep.js`, which every
 * test file imports: a job without the install fails its tests. Used by the workflow test of one
 * install per run and by `npm run bench`.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ISSUE, type Harness, startHarness } from './actions-harness.ts';
import { demoScript } from './demo-model.ts';
import type { GitHubFakeSeed } from './github-fake.ts';

const SEED = {
  collaborators: { maintainer: 'maintain' as const },
  users: ['maintainer'],
  issues: [DEMO_ISSUE],
};

/**
 * The harness, and how many times the setup command has run so far. `.github/ensemble-other.yml`
 * is the same configuration with another setup command. `seed` replaces the GitHub fake's (a
 * test that also needs an approval environment).
 */
export async function countingSetupHarness(seed: GitHubFakeSeed = SEED): Promise<{ h: Harness; runs: () => number }> {
  const counter = join(mkdtempSync(join(tmpdir(), 'ensemble-setup-count-')), 'runs');
  writeFileSync(counter, '');
  const h = await startHarness(demoScript, seed, (dir) => {
    writeFileSync(join(dir, '.gitignore'), 'vendor/\n');
    mkdirSync(join(dir, '.github'), { recursive: true });
    // No sandbox: the counter lives outside every job.
    const install = `echo run >> ${counter} && mkdir -p vendor && echo 'export const installed = true;' > vendor/dep.js`;
    const config = (command: string) => `sandbox: none\nsetup:\n  - ${JSON.stringify(command)}\n`;
    writeFileSync(join(dir, '.github/ensemble.yml'), config(install));
    writeFileSync(join(dir, '.github/ensemble-other.yml'), config(`true && ${install}`));
    for (const file of ['test/slugify.test.js', 'test/count.test.js']) {
      const path = join(dir, file);
      writeFileSync(path, `import '../vendor/dep.js';\n${readFileSync(path, 'utf8')}`);
    }
  });
  const runs = () => readFileSync(counter, 'utf8').split('\n').filter(Boolean).length;
  return { h, runs };
}
