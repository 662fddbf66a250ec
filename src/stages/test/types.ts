import type { PlanDocument } from '../../contracts/plan.ts';
import type { TaskDocument } from '../../contracts/task.ts';
import type { TestDocument } from '../../contracts/test-report.ts';

export interface TestStageTask {
  document: TaskDocument;
  /** The task's patch against the base SHA (`task.patch`). */
  patch: string;
}

export interface TestStageInput {
  plan: PlanDocument;
  tasks: readonly TestStageTask[];
  /**
   * A fix round's re-test: the change as the round before left it, and the round's fix on top of
   * it, instead of integrating the task patches again. The tasks' integration rows carry over.
   */
  fixRound?: FixRoundChange;
}

export interface FixRoundChange {
  round: number;
  /** The test report and `change.patch` the round started from. */
  before: { document: TestDocument; patch: string };
  /** The round's `fix.patch`, on top of `before.patch`. */
  fix: string;
}

export interface TestStageResult {
  document: TestDocument;
  /** `change.patch`: task patches, conflict resolutions, added tests and fixes, against the base SHA. */
  patch: string;
}
