/**
 * One stage as a job of its own, from the artifacts of a run directory: each action's job on
 * GitHub and `ensemble stage` locally. The run identity and the base commit come from the plan,
 * so the stage sees exactly what it saw, or would have seen, in a whole run.
 */
import type { CommandSettings } from '../agent/tools/index.ts';
import { readTranscript, recordedCalls, type TranscriptCall } from '../agent/transcript.ts';
import type { RunDirectory } from '../artifacts/run-directory.ts';
import type { EnsembleConfig } from '../contracts/config.ts';
import type { Reporter } from '../stages/context.ts';
import type { SavedInstall, SetupReport } from '../stages/setup.ts';
import { assertRepoContains } from '../workspace/index.ts';
import { runFixRound, runFixRounds } from './fix-loop.ts';
import {
  type FixUnit,
  readPlan,
  readStageInputs,
  runStage,
  type StageOutcome,
  type StageUnit,
  unitArtifacts,
  unitStopped,
} from './run-stage.ts';
import { loadRunConfig, type ModelOptions, openModels, openStageSession, repositoryRoot } from './session.ts';

export interface StageJobOptions extends ModelOptions {
  /**
   * The units to run, in order, of one stage: one, or a code leg's group of dependent tasks (each
   * building on the ones before). A plan re-run plans the run's request again.
   */
  units: readonly StageJobUnit[];
  runDir: RunDirectory;
  /** A checkout that contains the plan's base commit (a subdirectory means its repository). */
  repoDir: string;
  configFile?: string | null;
  reporter: Reporter;
  commands?: CommandSettings;
  /** How to get a checkout with the base commit, in the caller's terms (a CLI flag, a workflow input). */
  baseCommitHint: string;
  /**
   * Replay each agent's recorded model calls (its transcript in the run directory) instead of
   * calling a model: the stage runs again exactly as it did, without a key, to debug what it did.
   */
  replay?: boolean;
  /** After each unit's documents are in the run directory (the Actions runtime uploads them at once). */
  afterUnit?(outcome: StageOutcome): Promise<void>;
  /**
   * Settles with a reason when the job is asked to stop (the runner's SIGINT at a cancel or at the
   * job's time limit): the unit running and those after it yield their failure documents at once,
   * with their partial transcripts, and the job returns while it still may upload them.
   */
  stopped?: Promise<string>;
  /** An install made by an earlier job of the run (the plan job's), tried before the setup commands. */
  savedInstall?: SavedInstall;
}

/**
 * A unit of a stage job. A fix unit is a whole fix round: the fixing agent, then the round's re-test
 * and re-review; `{ stage: 'fix', loop: true }` runs rounds while the review blocks (`runFixRounds`).
 */
export type StageJobUnit =
  | Exclude<StageUnit, { stage: 'plan' } | { stage: 'fix' }>
  | { stage: 'plan' }
  | FixUnit
  | { stage: 'fix'; loop: true; instructions?: string | null };

export interface StageJobResult {
  /** One per unit, in order. */
  outcomes: StageOutcome[];
  /** The configuration the stage ran with. */
  config: EnsembleConfig;
  /** What the job's setup did (installed, reused, nothing to do), when a worktree needed it; else null. */
  setup: SetupReport | null;
}

/**
 * Reads and validates what the stage needs before any model key is read or any agent runs, then
 * opens a session on the plan's run identity and runs the unit.
 */
export async function runStageJob(options: StageJobOptions): Promise<StageJobResult> {
  const { runDir, reporter } = options;
  const repoDir = repositoryRoot(options.repoDir);
  const plan = readPlan(runDir);
  const { config, loaded } = await loadRunConfig(repoDir, options.configFile, options.model);
  if (loaded.hash !== plan.run.configHash) {
    const then = plan.run.configHash.slice(0, 12);
    reporter.warn(
      `the configuration changed since this run was planned (hash ${then} then, ${loaded.hash.slice(0, 12)} now)`,
    );
  }
  const units = options.units.map((unit) =>
    unit.stage === 'plan' ? { stage: 'plan' as const, request: plan.request } : unit,
  );
  const stages = [...new Set(units.map((unit) => unit.stage))];
  if (stages.length !== 1)
    throw new Error(`a stage job runs units of one stage, not of ${stages.join(' and ') || 'none'}`);
  // Every input is validated now; a code task's dependencies are read when it starts, after the
  // tasks before it in the same job have written theirs, and a fix loop's rounds as they come.
  for (const unit of units) if (!('loop' in unit)) readStageInputs(runDir, unit);
  // A fix round re-tests and re-reviews its fix: those stages' models too.
  const modelStages = stages.includes('fix') ? (['fix', 'test', 'review'] as const) : stages;

  // A replay reads the recorded calls before the stage starts its transcripts afresh, and needs no key.
  const recorded = options.replay
    ? recordedCallsOf(
        runDir,
        units.flatMap((u) => ('loop' in u ? [] : unitArtifacts(config, u))),
      )
    : null;
  const models = openModels(config, recorded ? [] : [...modelStages], options);
  await assertRepoContains(repoDir, plan.run.baseSha, options.baseCommitHint);
  const session = await openStageSession({
    repoDir,
    config,
    run: plan.run,
    runDir,
    session: models,
    reporter,
    commands: options.commands,
    ...(recorded ? { replay: (agent: string) => recorded.get(agent) ?? [] } : {}),
    savedInstall: options.savedInstall,
  });
  try {
    const outcomes: StageOutcome[] = [];
    let stopReason: string | null = null;
    const stopped = options.stopped?.then((reason) => {
      stopReason = reason;
      return reason;
    });
    const runUnit = async (unit: StageUnit): Promise<StageOutcome> => {
      const outcome = await runUnitUnlessStopped(session, unit, stopped, () => stopReason);
      await options.afterUnit?.(outcome);
      outcomes.push(outcome);
      return outcome;
    };
    for (const unit of units) {
      if ('loop' in unit) await runFixRounds(session, runUnit, { instructions: unit.instructions ?? null });
      else if (unit.stage === 'fix') await runFixRound(session, runUnit, unit);
      else await runUnit(unit);
    }
    return { outcomes, config, setup: (await session.ctx.environment?.report()) ?? null };
  } finally {
    await session.close();
  }
}

/** The unit's outcome, or, once the job is asked to stop, the failure it yields (the unit keeps running unseen). */
async function runUnitUnlessStopped(
  session: Awaited<ReturnType<typeof openStageSession>>,
  unit: StageUnit,
  stopped: Promise<string> | undefined,
  stopReason: () => string | null,
): Promise<StageOutcome> {
  const already = stopReason();
  if (already !== null) return unitStopped(session, unit, already);
  if (!stopped) return runStage(session, unit);
  const running = runStage(session, unit);
  // The unit may still fail after the stop; its rejection must not go unhandled.
  running.catch(() => undefined);
  const first = await Promise.race([running.then((done) => ({ done })), stopped.then((reason) => ({ reason }))]);
  return 'done' in first ? first.done : unitStopped(session, unit, first.reason);
}

/** Every agent's recorded model calls in the transcripts of `artifacts`; an artifact without one has none. */
function recordedCallsOf(runDir: RunDirectory, artifacts: readonly string[]): Map<string, TranscriptCall[]> {
  const calls = new Map<string, TranscriptCall[]>();
  for (const artifact of artifacts) {
    if (!runDir.hasArtifact(artifact, 'transcript.jsonl')) continue;
    for (const call of recordedCalls(readTranscript(runDir.artifactPath(artifact, 'transcript.jsonl')))) {
      calls.set(call.agent, [...(calls.get(call.agent) ?? []), call]);
    }
  }
  return calls;
}
