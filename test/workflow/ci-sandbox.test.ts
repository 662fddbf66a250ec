import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../support/node24.ts';

interface Step {
  uses?: string;
  run?: string;
}
const ci = parse(readFileSync(join(repoRoot, '.github/workflows/ci.yml'), 'utf8')) as {
  jobs: Record<string, { steps: Step[] }>;
};
const steps = ci.jobs['test']!.steps;

test("the project's CI makes the sandbox usable with the one script, after the checkout and before the tests", () => {
  const setup = steps.findIndex((s) => s.run === 'bash scripts/install-sandbox.sh');
  expect(setup).toBeGreaterThan(steps.findIndex((s) => s.uses?.startsWith('actions/checkout@')));
  expect(setup).toBeLessThan(steps.findIndex((s) => s.run === 'npm test'));
});

test("the project's CI requires the sandbox tests to run: ENSEMBLE_REQUIRE_SANDBOX=1 where npm test runs", () => {
  const npmTest = steps.find((s) => s.run === 'npm test') as Step & { env?: Record<string, string> };
  expect(npmTest.env).toEqual({ ENSEMBLE_REQUIRE_SANDBOX: '1' });
  const ciRun = readFileSync(join(repoRoot, '.ci/run'), 'utf8');
  expect(ciRun.split('\n').filter((line) => /\bnpm test\b/.test(line) && !line.startsWith('#'))).toEqual([
    'ENSEMBLE_REQUIRE_SANDBOX=1 npm test',
  ]);
});

// pipeline.yml is checked the same way once its jobs stop lifting the restriction themselves.
test("the project's CI never lifts AppArmor's user-namespace restriction for the whole machine", () => {
  for (const step of steps) {
    expect(step.run ?? '').not.toMatch(/sysctl|apparmor_restrict_unprivileged_userns/);
    expect(step.run ?? '').not.toContain('${{');
  }
});
