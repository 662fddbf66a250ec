import type { PlanTask } from '../../contracts/plan.ts';

/**
 * The plan's tasks in waves: each wave holds the tasks whose dependencies are all in earlier
 * waves, in plan order. The plan contract already refuses cycles and unknown ids.
 */
export function dependencyWaves(tasks: readonly Pick<PlanTask, 'id' | 'dependsOn'>[]): string[][] {
  const done = new Set<string>();
  const waves: string[][] = [];
  let remaining = [...tasks];
  while (remaining.length > 0) {
    const wave = remaining.filter((t) => t.dependsOn.every((d) => done.has(d)));
    if (wave.length === 0) throw new Error(`the plan's dependencies cannot be ordered: ${remaining.map((t) => t.id).join(', ')}`);
    waves.push(wave.map((t) => t.id));
    for (const t of wave) done.add(t.id);
    remaining = remaining.filter((t) => !done.has(t.id));
  }
  return waves;
}

/** Every task id in an order where dependencies come first. */
export function dependencyOrder(tasks: readonly Pick<PlanTask, 'id' | 'dependsOn'>[]): string[] {
  return dependencyWaves(tasks).flat();
}

/** Runs `work` over `items` with at most `limit` at once, keeping results in input order. */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/**
 * The plan's tasks grouped by dependency: two tasks are in one group when a chain of
 * `dependsOn` links them. Each group lists its tasks in dependency order; groups come in plan
 * order. On GitHub each group is one matrix leg, so a task always starts from the patches of the
 * tasks it depends on.
 */
export function dependencyGroups(tasks: readonly Pick<PlanTask, 'id' | 'dependsOn'>[]): string[][] {
  const parent = new Map(tasks.map((t) => [t.id, t.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(id, root);
    return root;
  };
  for (const task of tasks) {
    for (const dep of task.dependsOn) if (parent.has(dep)) parent.set(find(task.id), find(dep));
  }
  const groups = new Map<string, string[]>();
  for (const id of dependencyOrder(tasks)) {
    const root = find(id);
    groups.set(root, [...(groups.get(root) ?? []), id]);
  }
  const first = new Map(tasks.map((t, i) => [t.id, i]));
  return [...groups.values()].sort((a, b) => Math.min(...a.map((id) => first.get(id)!)) - Math.min(...b.map((id) => first.get(id)!)));
}
