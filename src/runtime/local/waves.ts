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
