/**
 * Mermaid diagrams (GitHub renders ```mermaid blocks): the plan's task dependencies and the
 * pipeline run. Node ids are generated, never taken from text; labels are escaped so that no
 * text can end a label, start a statement or break the fence.
 */
import type { PlanTask } from '../contracts/plan.ts';
import { clip } from '../util/text.ts';
import { fence } from './markdown.ts';

/**
 * A Mermaid node id for `raw`: letters, digits and `_` only, prefixed so that it never is a
 * keyword (`end`, `graph`) or starts like an edge (`o`, `x`); made unique among `taken`.
 */
export function mermaidId(raw: string, taken: Set<string> = new Set(), prefix = 'n_'): string {
  const base = prefix + (raw.replace(/[^A-Za-z0-9_]/g, '_') || 'x');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return id;
}

/**
 * Text for a quoted label (`id["…"]`): one line, at most `max` characters, with Mermaid's entity
 * codes for the characters that would end the label or be read as markup.
 */
export function mermaidLabel(text: string, max = 80): string {
  const flat = clip(text.replace(/\s+/g, ' ').trim(), max);
  return flat.replace(/[#"<>&`]/g, (c) => `#${c.codePointAt(0)};`);
}

export type NodeState = 'ok' | 'fail' | 'warn' | 'skip' | 'pending';

const CLASS_DEFS = [
  'classDef ok fill:#dafbe1,stroke:#1a7f37,color:#0b3d1a',
  'classDef fail fill:#ffebe9,stroke:#cf222e,color:#5c0b10',
  'classDef warn fill:#fff8c5,stroke:#9a6700,color:#3b2a00',
  'classDef skip fill:#f6f8fa,stroke:#8c959f,color:#57606a',
  'classDef pending fill:#ffffff,stroke:#8c959f,color:#57606a,stroke-dasharray:4 3',
];

/** `graph TD` of the plan's tasks, an edge from each dependency to its dependent; `states` colours the tasks. */
export function planGraph(
  tasks: readonly Pick<PlanTask, 'id' | 'title' | 'dependsOn'>[],
  states?: ReadonlyMap<string, NodeState>,
): string {
  const taken = new Set<string>();
  const ids = new Map(tasks.map((t) => [t.id, mermaidId(t.id, taken, 't_')]));
  const lines = ['graph TD'];
  for (const task of tasks) lines.push(`  ${ids.get(task.id)}["${mermaidLabel(`${task.id}: ${task.title}`)}"]`);
  for (const task of tasks) {
    for (const dep of task.dependsOn) {
      const from = ids.get(dep);
      if (from) lines.push(`  ${from} --> ${ids.get(task.id)}`);
    }
  }
  if (states && states.size > 0) {
    lines.push(...CLASS_DEFS.map((d) => `  ${d}`));
    for (const task of tasks) {
      const state = states.get(task.id);
      if (state) lines.push(`  class ${ids.get(task.id)} ${state}`);
    }
  }
  return fence(lines.join('\n'), 'mermaid');
}

export interface PipelineNode {
  /** Unique within the diagram, e.g. `code:api`. */
  key: string;
  label: string;
  state: NodeState;
}

export interface PipelineStage {
  stage: string;
  nodes: readonly PipelineNode[];
  /** Stages this one follows; default the stage before it. Stages with no nodes are left out. */
  after?: readonly string[];
}

/** `graph LR` of the run: stages left to right, the nodes of a stage (tasks, lenses) grouped. */
export function pipelineGraph(stages: readonly PipelineStage[]): string {
  const taken = new Set<string>();
  const lines = ['graph LR'];
  const idsOf = new Map<string, string[]>();
  const classes: string[] = [];
  const edges: string[] = [];
  let previous: string | null = null;
  for (const { stage, nodes, after } of stages) {
    if (nodes.length === 0) continue;
    const ids = nodes.map((node) => mermaidId(node.key, taken, 's_'));
    const labelled = nodes.map((node, i) => `${ids[i]}["${mermaidLabel(node.label)}"]`);
    if (nodes.length === 1) lines.push(`  ${labelled[0]}`);
    else
      lines.push(
        `  subgraph ${mermaidId(stage, taken, 'g_')} ["${mermaidLabel(stage)}"]`,
        ...labelled.map((n) => `    ${n}`),
        '  end',
      );
    for (const [i, node] of nodes.entries()) classes.push(`  class ${ids[i]} ${node.state}`);
    for (const from of after ?? (previous === null ? [] : [previous])) {
      const fromIds = idsOf.get(from);
      if (fromIds) edges.push(`  ${fromIds.join(' & ')} --> ${ids.join(' & ')}`);
    }
    idsOf.set(stage, ids);
    previous = stage;
  }
  lines.push(...edges, ...CLASS_DEFS.map((d) => `  ${d}`), ...classes);
  return fence(lines.join('\n'), 'mermaid');
}
