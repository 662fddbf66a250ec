import { expect, test } from 'vitest';
import { parseConfigText } from '../../../../src/config/index.ts';
import { defaultConfig } from '../../../../src/contracts/config.ts';
import { dependencyGroups } from '../../../../src/plan/graph.ts';
import { planMatrix } from '../../../../src/runtime/actions/plan.ts';
import {
  assertPlanFitsItsJob,
  HOSTED_JOB_LIMIT_MINUTES,
  JOB_MARGIN_MINUTES,
  jobTimeouts,
} from '../../../../src/runtime/actions/timeouts.ts';

const task = (id: string, dependsOn: string[] = []) => ({ id, title: `Task ${id}`, dependsOn });
const full = (t: ReturnType<typeof task>) => ({
  ...t,
  description: 'x',
  acceptanceCriteria: ['x'],
  files: [],
  reads: [],
});

test('tasks linked by dependencies share a matrix leg, in dependency order, with time for every task of it', () => {
  const tasks = [task('api'), task('docs-site'), task('client', ['api']), task('cli', ['client']), task('ui', ['api'])];
  expect(dependencyGroups(tasks)).toEqual([['api', 'client', 'ui', 'cli'], ['docs-site']]);
  const config = parseConfigText('stages: {code: {timeout-minutes: 20}}').config;
  const matrix = planMatrix({ tasks: tasks.map(full) }, config);
  expect(JSON.parse(matrix.json)).toEqual({
    include: [
      { task: 'api', title: 'Task api (then client, ui, cli)', 'timeout-minutes': 4 * 20 + JOB_MARGIN_MINUTES },
      { task: 'docs-site', title: 'Task docs-site', 'timeout-minutes': 20 + JOB_MARGIN_MINUTES },
    ],
  });
  expect(matrix.warnings).toEqual([]);
});

test('a leg whose tasks need more than a hosted job may run is capped at 6 hours and said', () => {
  const tasks = [task('a'), task('b', ['a']), task('c', ['b'])].map(full);
  const config = parseConfigText('stages: {code: {timeout-minutes: 150}}').config;
  const matrix = planMatrix({ tasks }, config);
  expect(JSON.parse(matrix.json).include[0]['timeout-minutes']).toBe(HOSTED_JOB_LIMIT_MINUTES);
  expect(matrix.warnings).toEqual([expect.stringContaining('a → b → c runs 3 tasks of up to 150 minutes')]);
});

test('the later jobs follow their stages: the configured limit plus the margin', () => {
  const config = parseConfigText('stages: {test: {timeout-minutes: 90}, review: {timeout-minutes: 5}}').config;
  expect(jobTimeouts(config)).toEqual({
    test: 90 + JOB_MARGIN_MINUTES,
    review: 5 + JOB_MARGIN_MINUTES,
    docs: defaultConfig().stages.docs['timeout-minutes'] + JOB_MARGIN_MINUTES,
    // Two rounds (the default), each its fixing agent (30), its re-test (90) and its re-review (5).
    fix: 2 * (30 + 90 + 5) + JOB_MARGIN_MINUTES,
  });
});

test("the fix job runs every round in one job, and is capped at the hosted runners' 6 hours", () => {
  const none = parseConfigText('stages: {fix: {max-rounds: 0}}').config;
  expect(jobTimeouts(none).fix).toBe(JOB_MARGIN_MINUTES);
  const many = parseConfigText('stages: {fix: {max-rounds: 10}}').config;
  expect(jobTimeouts(many).fix).toBe(HOSTED_JOB_LIMIT_MINUTES);
});

test('a plan limit that cannot fit in the fixed plan job is refused, naming the key and the most it may be', () => {
  expect(() => assertPlanFitsItsJob(defaultConfig(), '.github/ensemble.yml')).not.toThrow();
  const config = parseConfigText('stages: {plan: {timeout-minutes: 90}}').config;
  expect(() => assertPlanFitsItsJob(config, '.github/ensemble.yml')).toThrow(
    /\.github\/ensemble\.yml: stages\.plan\.timeout-minutes is 90.*set it to at most 45/,
  );
});

test('a plan of 256 independent tasks stays far below the output limit', () => {
  const tasks = Array.from({ length: 256 }, (_, i) => ({ ...full(task(`task-${i}`)), title: 'T'.repeat(200) }));
  const matrix = planMatrix({ tasks }, defaultConfig());
  expect(JSON.parse(matrix.json).include).toHaveLength(256);
  expect(Buffer.byteLength(matrix.json)).toBeLessThan(100_000);
});
