import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parseDocumentText } from '../../src/contracts/read.ts';
import { type Harness, labeledEvent } from '../support/actions-harness.ts';
import { runExampleCaller } from '../support/example-caller-run.ts';
import { countingSetupHarness } from '../support/setup-count.ts';
import type { SimulatedRun } from '../support/workflow-sim.ts';
import { simulatedCache } from '../support/workflow-sim-cache.ts';

/**
 * One dependency install per run on GitHub (issue 15): pipeline.yml run by the workflow simulator
 * on a repository whose setup command counts its runs (in a file outside the job) and writes a
 * module the repository's tests import from an ignored directory. The plan job installs; the code
 * legs and the test job restore its install through actions/cache and run their tests with it.
 */

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(): Promise<{ h: Harness; runs: () => number }> {
  const counted = await countingSetupHarness();
  harness = counted.h;
  return counted;
}

/** The summary of each leg of a job, by leg name. */
function summaries(run: SimulatedRun, job: string): string[] {
  return (run.jobs[job]?.legs ?? []).map((leg) => leg.steps.map((s) => s.summary).join(''));
}

function testDocument(h: Harness) {
  const bytes = h.artifacts.files('ensemble-test').get('test.json');
  if (!bytes) throw new Error('ensemble-test has no test.json');
  return parseDocumentText('test', bytes.toString('utf8'), { artifact: 'ensemble-test', file: 'test.json' });
}

const KEY = /ensemble-setup-v1-linux-x64-[0-9a-f]{32}-[0-9a-f]{64}/;

describe('one dependency install per run (pipeline.yml, actions/cache)', () => {
  test('the plan job installs once; code and test reuse it, and a job whose install does not match installs itself and says why', async () => {
    const { h, runs } = await start();
    const run = await runExampleCaller(h, labeledEvent(12, 'maintainer'), { simulate: { cache: simulatedCache() } });
    const log = run.log();
    expect(run.jobs['plan']?.result, log).toBe('success');
    expect(
      run.jobs['code']?.legs.map((l) => l.result),
      log,
    ).toEqual(['success', 'success']);
    expect(run.jobs['test']?.result, log).toBe('success');

    // The setup command ran once in the whole run: in the plan job.
    expect(runs()).toBe(1);
    const key = run.jobs['plan']?.outputs['setup-key'] ?? '';
    expect(key).toMatch(KEY);
    expect(run.cache.events.filter((e) => e.kind === 'save')).toEqual([{ kind: 'save', key, hit: true }]);
    // Both code legs, the test job and the fix job restored it.
    const restores = run.cache.events.filter((e) => e.kind === 'restore');
    expect(restores).toEqual(Array.from({ length: 4 }, () => ({ kind: 'restore', key, hit: true })));

    // Each job says where its install came from.
    for (const summary of [...summaries(run, 'code'), ...summaries(run, 'test')])
      expect(summary).toContain(`**Setup:** reused from the plan job (key \`${key}\`); nothing installed here.`);
    // The tests import the installed module: they passed at the base and after the change.
    const report = testDocument(h);
    expect(report.status, JSON.stringify(report)).toBe('passed');

    // The test job again, as the real bundle, with what the cache holds under the key in its RUNNER_TEMP.
    const entry = [...run.cache.entries.values()][0]!;
    const testJob = async (inputs: Record<string, string>, alter?: (dir: string) => void) => {
      const temp = mkdtempSync(join(tmpdir(), 'ensemble-runner-temp-'));
      cpSync(entry.dir, join(temp, 'ensemble-setup'), { recursive: true });
      alter?.(join(temp, 'ensemble-setup'));
      const job = await h.runJob('test', { 'setup-key': key, ...inputs }, { env: { RUNNER_TEMP: temp } });
      expect(job.exitCode, job.stdout).toBe(0);
      expect(testDocument(h).status).toBe('passed');
      return job.files.summary;
    };
    // Other bytes under the plan job's key (an entry someone else wrote): the key's digest does not match.
    const tampered = await testJob({}, (dir) => appendFileSync(join(dir, 'home.tar'), 'tampered'));
    expect(tampered).toMatch(/\*\*Setup:\*\* installed in this job in \d+ s \(no reusable install: the files restored/);
    expect(tampered).toContain('are not the ones the plan job saved');
    expect(runs()).toBe(2);
    // Another setup command than the one the plan job installed with.
    const changed = await testJob({ config: '.github/ensemble-other.yml' });
    expect(changed).toContain(
      '(no reusable install: the base commit, the setup commands or the lockfiles differ from the ones the plan job installed from',
    );
    expect(runs()).toBe(3);
  });
});
