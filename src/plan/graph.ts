/**
 * The plan's task graph: every walk over `dependsOn` lives here (ordering, waves, groups, cycles,
 * reachability), so that the plan contract, the planner's checks, the integration order and both
 * runtimes' schedulers agree on one reading of it.
 */

/** A task as the graph sees it: an id and the ids it depends on. */
export interface TaskNode {
  readonly id: string;
  readonly dependsOn: readonly string[];
}

/**
 * The plan's tasks in waves: each wave holds the tasks whose dependencies are all in earlier
 * waves, in plan order. The plan contract already refuses cycles and unknown ids.
 */
export function dependencyWaves(tasks: readonly TaskNode[]): string[][] {
  const done = new Set<string>();
  const waves: string[][] = [];
  let remaining = [...tasks];
  while (remaining.length > 0) {
    const wave = remaining.filter((t) => t.dependsOn.every((d) => done.has(d)));
    if (wave.length === 0)
      throw new Error(`the plan's dependencies cannot be ordered: ${remaining.map((t) => t.id).join(', ')}`);
    waves.push(wave.map((t) => t.id));
    for (const t of wave) done.add(t.id);
    remaining = remaining.filter((t) => !done.has(t.id));
  }
  return waves;
}

/** Every task id in an order where dependencies come first. */
export function dependencyOrder(tasks: readonly TaskNode[]): string[] {
  return dependencyWaves(tasks).flat();
}

/**
 * The plan's tasks grouped by dependency: two tasks are in one group when a chain of
 * `dependsOn` links them. Each group lists its tasks in dependency order; groups come in plan
 * order. On GitHub each group is one matrix leg, so a task always starts from the patches of the
 * tasks it depends on.
 */
export function dependencyGroups(tasks: readonly TaskNode[]): string[][] {
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
  return [...groups.values()].sort(
    (a, b) => Math.min(...a.map((id) => first.get(id)!)) - Math.min(...b.map((id) => first.get(id)!)),
  );
}

/** Finds the first dependency cycle, as a list of ids that closes on its first element. */
export function findDependencyCycle(tasks: readonly TaskNode[]): string[] | null {
  const deps = new Map(tasks.map((t) => [t.id, t.dependsOn]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const dep of deps.get(id) ?? []) {
      if (!deps.has(dep)) continue;
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };
  for (const t of tasks) {
    const cycle = visit(t.id);
    if (cycle) return cycle;
  }
  return null;
}

/** Whether `from` depends on `to`, directly or through other tasks. */
export function reaches(tasks: readonly TaskNode[], from: string, to: string): boolean {
  const dependsOn = new Map(tasks.map((t) => [t.id, t.dependsOn]));
  const seen = new Set<string>();
  const walk = (id: string): boolean => {
    if (seen.has(id)) return false;
    seen.add(id);
    return (dependsOn.get(id) ?? []).some((d) => d === to || walk(d));
  };
  return walk(from);
}

/**
 * The order in which task patches are integrated: plan order, each task as soon as every task it
 * depends on is in, so a dependent task follows its dependencies as closely as the plan allows.
 * Dependencies outside the list and on the task itself are ignored; a cycle (which a valid plan
 * cannot have) is broken at the first task in plan order.
 */
export function integrationSequence(tasks: readonly TaskNode[]): string[] {
  const ids = tasks.map((t) => t.id);
  const deps = new Map(tasks.map((t) => [t.id, t.dependsOn.filter((d) => d !== t.id && ids.includes(d))]));
  const done = new Set<string>();
  const order: string[] = [];
  while (order.length < ids.length) {
    const ready = ids.find((id) => !done.has(id) && (deps.get(id) ?? []).every((d) => done.has(d)));
    const next = ready ?? ids.find((id) => !done.has(id));
    if (next === undefined) break;
    done.add(next);
    order.push(next);
  }
  return order;
}
