/**
 * Parallel efficiency of the code stage with a fixed model latency.
 *
 * A scripted model that answers every request after `latencyMs`; a plan of `tasks` independent
 * tasks, each owning its own file; each coding agent makes three calls (read_file, write_file,
 * submit_task). The run stops after the code stage (`stages: plan, code`). T(p) is the code
 * stage's wall time (the pipeline's own stage row) with `maxParallel` p:
 *   speedup    = T(1) / T(tasks)
 *   efficiency = speedup / tasks = T(1) / (tasks × T(tasks))
 * The ideal, model time alone, is tasks × 3 × latency serially and 3 × latency in parallel.
 * Runs alternate between the two settings so that drift hits both alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requestFromPrompt } from '../src/pipeline/request.ts';
import type { ScriptedReply, ScriptedRequest } from '../test/support/scripted-model.ts';
import { attempt, measuredRun } from './pipeline.ts';
import { demoRepo } from './repos.ts';
import { median } from './stats.ts';

export const TURNS_PER_TASK = 3;

function planOf(tasks: number) {
  return {
    summary: `${tasks} independent helpers, one file each.`,
    tasks: Array.from({ length: tasks }, (_, i) => ({
      id: `helper-${i + 1}`,
      title: `Add helper ${i + 1}`,
      description: `Create src/helper-${i + 1}.js exporting helper${i + 1}(), which returns ${i + 1}.`,
      acceptanceCriteria: [`helper${i + 1}() returns ${i + 1}`],
      files: [`src/helper-${i + 1}.js`],
      reads: ['src/index.js'],
      dependsOn: [],
    })),
    testStrategy: 'None: the bench stops after the code stage.',
    risks: [],
  };
}

export function scriptFor(tasks: number, latencyMs: number) {
  const plan = planOf(tasks);
  return (request: ScriptedRequest): ScriptedReply => {
    const turn = request.messages.filter((m) => m.role === 'assistant').length;
    const reply = (name: string, args: unknown): ScriptedReply => ({
      toolCalls: [{ name, args }],
      delayMs: latencyMs,
      usage: { outputTokens: 50 },
    });
    if (request.system.includes('You are the planning agent')) return reply('submit_plan', plan);
    const id = /\(id (helper-\d+)\)/.exec(request.messages[0]?.text ?? '')?.[1];
    if (!id || !request.system.includes('You are a coding agent'))
      return { text: 'The bench script does not know this agent.' };
    const n = id.slice('helper-'.length);
    return (
      [
        reply('read_file', { path: 'src/index.js' }),
        reply('write_file', { path: `src/${id}.js`, content: `export function helper${n}() {\n  return ${n};\n}\n` }),
        reply('submit_task', { status: 'done', summary: `Added helper${n}.`, commitMessage: `Add helper${n}` }),
      ][turn] ?? reply('submit_task', { status: 'done', summary: `Added helper${n}.`, commitMessage: `Add helper${n}` })
    );
  };
}

export interface ParallelResult {
  tasks: number;
  latencyMs: number;
  serialMs: number[];
  parallelMs: number[];
  medianSerialMs: number;
  medianParallelMs: number;
  idealSerialMs: number;
  idealParallelMs: number;
  speedup: number;
  efficiency: number;
}

async function codeStageMs(tasks: number, latencyMs: number, maxParallel: number): Promise<number> {
  const run = await measuredRun({
    repoDir: demoRepo(),
    request: requestFromPrompt(`Add ${tasks} helpers.`),
    script: scriptFor(tasks, latencyMs),
    maxParallel,
    stages: ['plan', 'code'],
  });
  await run.server.close();
  const row = run.summary.stages.find((s) => s.stage === 'code');
  const notDone = run.summary.tasks.filter((t) => t.status !== 'done');
  if (row?.status !== 'done' || run.summary.tasks.length !== tasks || notDone.length > 0) {
    const reasons = notDone.map((t) => {
      try {
        const doc = JSON.parse(
          readFileSync(join(run.summary.runDir, 'artifacts', `ensemble-code-${t.id}`, 'task.json'), 'utf8'),
        );
        return `${t.id}: ${t.status} (${doc.stopReason ?? doc.summary})`;
      } catch {
        return `${t.id}: ${t.status}`;
      }
    });
    throw new Error(
      `parallel: the code stage did not finish every task: ${reasons.join('; ') || (row?.detail ?? run.summary.error)}`,
    );
  }
  return row.durationMs;
}

export async function benchParallel(options: {
  tasks: number;
  latencyMs: number;
  runs: number;
  warmups: number;
}): Promise<ParallelResult> {
  const serialMs: number[] = [];
  const parallelMs: number[] = [];
  for (let i = 0; i < options.warmups + options.runs; i++) {
    const one = await attempt('parallel, --max-parallel 1', () => codeStageMs(options.tasks, options.latencyMs, 1));
    const many = await attempt(`parallel, --max-parallel ${options.tasks}`, () =>
      codeStageMs(options.tasks, options.latencyMs, options.tasks),
    );
    if (i < options.warmups) continue;
    serialMs.push(one);
    parallelMs.push(many);
  }
  const medianSerialMs = median(serialMs);
  const medianParallelMs = median(parallelMs);
  const speedup = medianSerialMs / medianParallelMs;
  return {
    tasks: options.tasks,
    latencyMs: options.latencyMs,
    serialMs,
    parallelMs,
    medianSerialMs,
    medianParallelMs,
    idealSerialMs: options.tasks * TURNS_PER_TASK * options.latencyMs,
    idealParallelMs: TURNS_PER_TASK * options.latencyMs,
    speedup,
    efficiency: speedup / options.tasks,
  };
}
