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
}

export interface TestStageResult {
  document: TestDocument;
  /** `change.patch`: task patches, conflict resolutions, added tests and fixes, against the base SHA. */
  patch: string;
}
