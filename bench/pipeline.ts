/** Runs the local pipeline against a scripted model with the probes on, and collects what the benchmarks need. */

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readTranscript, recordedCalls, type TranscriptCall } from '../src/agent/transcript.ts';
import type { RequestSnapshot } from '../src/contracts/plan.ts';
import type { StageName } from '../src/contracts/stages.ts';
import type { LocalRunSummary } from '../src/runtime/local/pipeline.ts';
import { runLocalPipeline } from '../src/runtime/local/pipeline.ts';
import type { Reporter } from '../src/stages/context.ts';
import { type Script, type ScriptedModelServer, startScriptedModel } from '../test/support/scripted-model.ts';
import { closeOpen, type Recorder, stageContext, startRecording, stopRecording, timedFetch } from './probes.ts';
import type { Interval } from './stats.ts';

export interface MeasuredRun {
  summary: LocalRunSummary;
  /** performance.now() at the call and at its return. */
  start: number;
  end: number;
  recorder: Recorder;
  /** Wall windows of the pipeline's stages, from the reporter's stage-level events. */
  stages: Map<string, Interval>;
  server: ScriptedModelServer;
  warnings: string[];
}

/** A reporter that prints nothing and keeps the stage windows and the warnings. */
function recordingReporter(stages: Map<string, Interval>, warnings: string[]): Reporter {
  return {
    info: () => {},
    warn: (message) => warnings.push(message),
    event(event) {
      if (event.agent !== undefined) return;
      const now = performance.now();
      if (event.status === 'started') {
        stages.set(event.stage, { start: now, end: Number.NaN });
        // The pipeline reports a start synchronously in the stage's own call: what it does next is this stage's.
        stageContext.enterWith(event.stage);
      } else if (event.status === 'finished' || event.status === 'failed') {
        const window = stages.get(event.stage);
        if (window) window.end = now;
      }
    },
  };
}

/**
 * One measured local run: the scripted server is started before the clock and closed after it;
 * the caller closes it (`server.close()`) once it has read the recorded requests.
 */
export async function measuredRun(options: {
  repoDir: string;
  request: RequestSnapshot;
  script: Script;
  maxParallel?: number;
  stages?: readonly StageName[];
}): Promise<MeasuredRun> {
  const server = await startScriptedModel(options.script);
  const stages = new Map<string, Interval>();
  const warnings: string[] = [];
  const recorder = startRecording();
  const start = performance.now();
  let summary: LocalRunSummary;
  try {
    summary = await runLocalPipeline({
      repoDir: options.repoDir,
      request: options.request,
      model: 'openai-compatible:ensemble-bench-script',
      baseUrl: server.baseUrlOpenAI,
      reporter: recordingReporter(stages, warnings),
      env: {},
      retry: { fetch: timedFetch },
      ...(options.maxParallel !== undefined ? { maxParallel: options.maxParallel } : {}),
      ...(options.stages ? { stages: options.stages } : {}),
    });
  } finally {
    stopRecording();
  }
  const end = performance.now();
  closeOpen(recorder, end);
  if (server.problems.length > 0) {
    await server.close();
    throw new Error(`the scripted model rejected requests:\n${server.problems.join('\n')}`);
  }
  return { summary, start, end, recorder, stages, server, warnings };
}

/** Every model call of a run, from the transcripts in its run directory (`agent/transcript.ts` reads them). */
export function transcriptCalls(runDir: string): TranscriptCall[] {
  const artifacts = join(runDir, 'artifacts');
  return readdirSync(artifacts)
    .map((dir) => join(artifacts, dir, 'transcript.jsonl'))
    .filter((file) => existsSync(file))
    .flatMap((file) => recordedCalls(readTranscript(file)));
}

/** Runs that failed and were repeated, with why: reported with the figures, never hidden. */
export const repeatedRuns: string[] = [];

/**
 * Runs `work` (one measured run that throws when the run did not do what the benchmark needs),
 * repeating it up to `tries` times in all; each failure is kept in `repeatedRuns`.
 */
export async function attempt<T>(label: string, work: () => Promise<T>, tries = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (error) {
      const message = `${label}: ${(error as Error).message.split('\n')[0]}`;
      if (i >= tries) throw new Error(`${message} (failed ${tries} times)`);
      repeatedRuns.push(message);
    }
  }
}
