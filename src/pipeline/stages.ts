/**
 * The pipeline, defined once: for each stage, what one run of it covers, the artifacts it writes,
 * the documents it reads, whether it runs an agent, when it is switched on and what it yields when
 * it does not run. Every list of stages (the CLI's `--stages`, the action entries, the reusable
 * workflow's jobs, checked by `test/workflow/`) and every scheduler (`schedule.ts`) derive from
 * this table; the code that runs a stage is `run-stage.ts`.
 */
import { ARTIFACTS } from '../artifacts/names.ts';
import type { EnsembleConfig } from '../contracts/config.ts';
import { STAGE_NAMES, type StageName } from '../contracts/stages.ts';

export interface StageDefinition {
  readonly name: StageName;
  /** Runs a model-driven agent (publish is deterministic code). */
  readonly agent: boolean;
  /**
   * What one run of the stage covers: the whole run, one task of the plan (with the tasks it
   * depends on, in one leg), one review lens, or one fix round. Tasks and lenses are matrix legs
   * on GitHub; fix rounds build on each other, so one job runs them in order.
   */
  readonly unit: 'run' | 'task' | 'lens' | 'round';
  /** The artifact it writes, for a unit (`task` for code, `lens` for review, the round's number for fix). */
  artifact(unit?: string): string;
  /** The stages whose documents it reads. */
  readonly reads: readonly StageName[];
  /** Whether the configuration lets it run. */
  enabled(config: EnsembleConfig): boolean;
  /** What it yields when it does not run; said in summaries and `ensemble --help`. */
  readonly whenNotRun: string;
  /** Whether its failure ends the run: nothing after it could use what it would have made. */
  readonly fatal: boolean;
}

const always = () => true;

export const PIPELINE: { readonly [S in StageName]: StageDefinition & { readonly name: S } } = {
  plan: {
    name: 'plan',
    agent: true,
    unit: 'run',
    artifact: () => ARTIFACTS.plan,
    reads: [],
    enabled: always,
    whenNotRun: 'nothing: without a plan the run stops',
    fatal: true,
  },
  code: {
    name: 'code',
    agent: true,
    unit: 'task',
    artifact: (task) => ARTIFACTS.code(required(task, 'code', 'task')),
    reads: ['plan', 'code'],
    enabled: always,
    whenNotRun:
      'a failed task report with the reason (a dependency that did not finish, an error) and no patch; ' +
      'the run stops when no task finished',
    fatal: false,
  },
  test: {
    name: 'test',
    agent: true,
    unit: 'run',
    artifact: () => ARTIFACTS.test,
    reads: ['plan', 'code'],
    enabled: (config) => config.stages.test.enabled,
    whenNotRun: 'the task patches integrated without running tests (status not-run), so later stages have the change',
    fatal: true,
  },
  review: {
    name: 'review',
    agent: true,
    unit: 'lens',
    artifact: (lens) => ARTIFACTS.review(required(lens, 'review', 'lens')),
    reads: ['plan', 'test'],
    enabled: (config) => config.stages.review.enabled,
    whenNotRun:
      'no review when switched off or the change is empty; a "did not complete" review for a lens that failed',
    fatal: false,
  },
  docs: {
    name: 'docs',
    agent: true,
    unit: 'run',
    artifact: () => ARTIFACTS.docs,
    reads: ['plan', 'test'],
    enabled: (config) => config.stages.docs.enabled,
    whenNotRun: 'no documentation change when switched off or the change is empty; a failed report when it fails',
    fatal: false,
  },
  fix: {
    name: 'fix',
    agent: true,
    unit: 'round',
    artifact: (round) => ARTIFACTS.fix(Number(required(round, 'fix', 'round'))),
    reads: ['plan', 'test', 'review'],
    enabled: (config) => config.stages.fix.enabled && config.stages.fix['max-rounds'] > 0,
    whenNotRun:
      'no fix round when switched off or when no finding blocks; a failed round keeps its partial fix.patch, ' +
      'and the change before it is published',
    fatal: false,
  },
  publish: {
    name: 'publish',
    agent: false,
    unit: 'run',
    artifact: () => ARTIFACTS.publish,
    reads: ['plan', 'code', 'test', 'review', 'docs', 'fix'],
    enabled: always,
    whenNotRun: 'no branch and no pull request',
    fatal: true,
  },
};

/** The stages in pipeline order. */
export const PIPELINE_STAGES: readonly StageName[] = STAGE_NAMES;

/**
 * One entry file per action in dist/: every stage; `approve`, the plan-approval gate of the
 * reusable workflow (not a stage: it writes no document); `respond`, the first job of a follow-up
 * run on a pull request (it reads the event and prepares the fix job's documents, no model); and
 * `all`, the whole pipeline in one job.
 */
export const ACTION_ENTRIES = [...STAGE_NAMES, 'approve', 'respond', 'all'] as const;
export type ActionEntry = (typeof ACTION_ENTRIES)[number];

export function isStageName(name: string): name is StageName {
  return (STAGE_NAMES as readonly string[]).includes(name);
}

/**
 * The stages a run does: those the caller asked for (default all), less those the configuration
 * switches off; plan, code and publish cannot be left out of a whole run, except that `--stages`
 * may leave out publish to stop before the branch is made.
 */
export function stagesToRun(config: EnsembleConfig, requested?: readonly StageName[]): Set<StageName> {
  const asked = new Set<StageName>(requested ?? STAGE_NAMES);
  asked.add('plan');
  asked.add('code');
  return new Set(STAGE_NAMES.filter((stage) => asked.has(stage) && PIPELINE[stage].enabled(config)));
}

function required(value: string | undefined, stage: StageName, what: string): string {
  if (!value) throw new Error(`the ${stage} stage's artifact is named by its ${what}, and none was given`);
  return value;
}
