/**
 * The reusable workflow is the GitHub-native scheduler of the pipeline table: one job per stage
 * running that stage's action, a matrix over the stage's unit (tasks, lenses), `needs` that cover
 * what the stage reads, and a publish job that waits for every stage. When the table changes and
 * the workflow does not, these fail.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { STAGE_NAMES } from '../../src/contracts/stages.ts';
import { ACTION_ENTRIES, PIPELINE } from '../../src/pipeline/stages.ts';
import { repoRoot } from '../support/node24.ts';

interface Job {
  needs?: string | string[];
  strategy?: { matrix?: unknown };
  steps?: { uses?: string; with?: Record<string, string> }[];
}

const workflow = parse(readFileSync(join(repoRoot, '.github/workflows/pipeline.yml'), 'utf8')) as {
  jobs: Record<string, Job>;
};
const jobs = workflow.jobs;
const needsOf = (job: Job | undefined) => [job?.needs ?? []].flat();

/** Every job a job waits for, directly or through others. */
function upstream(name: string, seen = new Set<string>()): Set<string> {
  for (const need of needsOf(jobs[name])) {
    if (!seen.has(need)) {
      seen.add(need);
      upstream(need, seen);
    }
  }
  return seen;
}

describe('the reusable workflow schedules the pipeline table', () => {
  test.each(STAGE_NAMES)('the %s job runs the %s action', (stage) => {
    const actions = (jobs[stage]?.steps ?? []).map((step) => step.uses).filter((uses) => uses?.includes('/actions/'));
    expect(actions).toEqual([`$/actions/${stage}`]);
  });

  test('every stage of the table has a job, and every action entry but the gate, respond and the all-in-one is a stage', () => {
    expect(STAGE_NAMES.filter((stage) => !(stage in jobs))).toEqual([]);
    const others = ['approve', 'respond', 'all'];
    expect(ACTION_ENTRIES.filter((entry) => !others.includes(entry))).toEqual([...STAGE_NAMES]);
  });

  test("follow-up.yml's respond, fix and publish jobs run the respond, fix and publish actions", () => {
    const followUp = parse(readFileSync(join(repoRoot, '.github/workflows/follow-up.yml'), 'utf8')) as {
      jobs: Record<string, { steps?: { uses?: string }[] }>;
    };
    const uses = Object.fromEntries(
      Object.entries(followUp.jobs).map(([name, job]) => [
        name,
        (job.steps ?? []).map((step) => step.uses).filter((u) => u?.includes('/actions/')),
      ]),
    );
    expect(uses).toEqual({
      respond: ['$/actions/respond'],
      fix: ['$/actions/fix'],
      publish: ['$/actions/publish'],
    });
  });

  test('the approval gate is the approve job, which runs the approve action on its environment', () => {
    const actions = (jobs['approve']?.steps ?? [])
      .map((step) => step.uses)
      .filter((uses) => uses?.includes('/actions/'));
    expect(actions).toEqual(['$/actions/approve']);
  });

  test.each(STAGE_NAMES)('the %s job fans out over its unit, and only then', (stage) => {
    const job = jobs[stage];
    const step = (job?.steps ?? []).find((s) => s.uses === `$/actions/${stage}`);
    const unit = PIPELINE[stage].unit;
    // Fix rounds build on each other, so one job runs them in order: no matrix either.
    if (unit === 'run' || unit === 'round') {
      expect(job?.strategy?.matrix).toBeUndefined();
    } else {
      // A task leg is named by `task`, a lens leg by `lens`: the input the action takes.
      expect(job?.strategy?.matrix).toBeDefined();
      expect(step?.with?.[unit]).toBe(`\${{ matrix.${unit} }}`);
    }
  });

  test.each(STAGE_NAMES)('the %s job waits for every stage whose documents it reads', (stage) => {
    const before = upstream(stage);
    const read = PIPELINE[stage].reads.filter((r) => r !== stage);
    expect(read.filter((r) => !before.has(r))).toEqual([]);
  });
});
