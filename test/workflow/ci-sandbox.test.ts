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

// pipeline.yml is checked the same way once its jobs stop lifting the restriction themselves.
test("the project's CI never lifts AppArmor's user-namespace restriction for the whole machine", () => {
  for (const step of steps) {
    expect(step.run ?? '').not.toMatch(/sysctl|apparmor_restrict_unprivileged_userns/);
    expect(step.run ?? '').not.toContain('${{');
  }
});
