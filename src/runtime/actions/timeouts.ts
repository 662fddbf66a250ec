/**
 * Job time limits of the reusable workflow, from the configuration. A job's limit is its stage's
 * configured `timeout-minutes` plus a margin for checkout, setup commands and artifact transfer,
 * so that the stage's own limit ends it first and its partial work is still uploaded; a job that
 * hits the job limit ends `cancelled` and uploads nothing.
 */
import type { EnsembleConfig } from '../../contracts/config.ts';
import { UserError } from '../../util/errors.ts';

/** Minutes a job needs besides its stage's own limit. */
export const JOB_MARGIN_MINUTES = 15;

/** The plan job's fixed limit in pipeline.yml (it reads the configuration, so cannot follow it). */
export const PLAN_JOB_TIMEOUT_MINUTES = 60;

/** GitHub ends a job on a GitHub-hosted runner after 6 hours, whatever `timeout-minutes` says. */
export const HOSTED_JOB_LIMIT_MINUTES = 360;

/** The publish job's fixed limit in pipeline.yml: no agent, a bounded number of API calls. */
export const PUBLISH_JOB_TIMEOUT_MINUTES = 15;

export interface JobTimeouts {
  test: number;
  review: number;
  docs: number;
  /** The fix job runs every round: each its fixing agent, its re-test and its re-review (lenses at once). */
  fix: number;
}

const limit = (minutes: number) => Math.min(HOSTED_JOB_LIMIT_MINUTES, Math.ceil(minutes + JOB_MARGIN_MINUTES));

/** The `timeouts` output of the plan job: each later single job's limit in minutes. */
export function jobTimeouts(config: EnsembleConfig): JobTimeouts {
  return {
    test: limit(config.stages.test['timeout-minutes']),
    review: limit(config.stages.review['timeout-minutes']),
    docs: limit(config.stages.docs['timeout-minutes']),
    fix: limit(config.stages.fix['max-rounds'] * fixRoundMinutes(config)),
  };
}

/** One fix round's longest run: the fixing agent, then the re-test, then the re-review. */
export function fixRoundMinutes(config: EnsembleConfig): number {
  const { fix, test, review } = config.stages;
  return fix['timeout-minutes'] + test['timeout-minutes'] + review['timeout-minutes'];
}

/**
 * A code leg's limit: its tasks run one after another, each up to the code stage's limit.
 * `overHostedLimit` says that the tasks' limits add up to more than a hosted job may run.
 */
export function codeLegTimeout(config: EnsembleConfig, tasks: number): { minutes: number; overHostedLimit: boolean } {
  const stageMinutes = tasks * config.stages.code['timeout-minutes'];
  return {
    minutes: limit(stageMinutes),
    overHostedLimit: stageMinutes + JOB_MARGIN_MINUTES > HOSTED_JOB_LIMIT_MINUTES,
  };
}

/** The plan job's limit is fixed; a configured plan limit that does not fit in it is refused before planning. */
export function assertPlanFitsItsJob(config: EnsembleConfig, configPath: string): void {
  const allowed = PLAN_JOB_TIMEOUT_MINUTES - JOB_MARGIN_MINUTES;
  const configured = config.stages.plan['timeout-minutes'];
  if (configured > allowed) {
    throw new UserError(
      `${configPath}: stages.plan.timeout-minutes is ${configured}, but the reusable workflow's plan job ` +
        `stops after ${PLAN_JOB_TIMEOUT_MINUTES} minutes (${JOB_MARGIN_MINUTES} of them for checkout and ` +
        `artifacts): set it to at most ${allowed}`,
    );
  }
}
