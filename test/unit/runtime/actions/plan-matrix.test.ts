import { expect, test } from 'vitest';
import { dependencyGroups } from '../../../../src/plan/graph.ts';
import { planMatrix } from '../../../../src/runtime/actions/plan.ts';

const task = (id: string, dependsOn: string[] = []) => ({ id, title: `Task ${id}`, dependsOn });

test('tasks linked by dependencies share a matrix leg, in dependency order; independent tasks get one each', () => {
  const tasks = [task('api'), task('docs-site'), task('client', ['api']), task('cli', ['client']), task('ui', ['api'])];
  expect(dependencyGroups(tasks)).toEqual([['api', 'client', 'ui', 'cli'], ['docs-site']]);
  expect(
    JSON.parse(
      planMatrix({
        tasks: tasks.map((t) => ({ ...t, description: 'x', acceptanceCriteria: ['x'], files: [], reads: [] })),
      }),
    ),
  ).toEqual({
    include: [
      { task: 'api', title: 'Task api (then client, ui, cli)' },
      { task: 'docs-site', title: 'Task docs-site' },
    ],
  });
});

test('a plan of 256 independent tasks stays far below the output limit', () => {
  const tasks = Array.from({ length: 256 }, (_, i) => ({
    ...task(`task-${i}`),
    title: 'T'.repeat(200),
    description: 'x',
    acceptanceCriteria: ['x'],
    files: [],
    reads: [],
  }));
  const matrix = planMatrix({ tasks });
  expect(JSON.parse(matrix).include).toHaveLength(256);
  expect(Buffer.byteLength(matrix)).toBeLessThan(100_000);
});
