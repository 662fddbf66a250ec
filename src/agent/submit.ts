import type { z } from 'zod';
import { DocsBody } from '../contracts/docs.ts';
import { FixBody } from '../contracts/fix.ts';
import { QuestionsBody } from '../contracts/gate.ts';
import { PlanBody } from '../contracts/plan.ts';
import { ReviewBody } from '../contracts/review.ts';
import { TaskBody } from '../contracts/task.ts';
import { TestBody } from '../contracts/test-report.ts';
import type { AgentStage } from './tools/index.ts';

/**
 * The tool that ends a stage with its typed result. Its input schema is the contract body the
 * stage hands on; invalid input goes back to the model with the validation errors to fix.
 */
export interface SubmitTool<Schema extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  schema: Schema;
  /**
   * Checks the contract cannot express (e.g. the configured task limit); each string is one
   * problem. It may look at the workspace: no tool runs while it does.
   */
  check?: (value: z.output<Schema>) => string[] | Promise<string[]>;
}

export const SUBMIT_TOOLS = {
  plan: {
    name: 'submit_plan',
    description:
      'Finish planning: submit the plan (summary, tasks with acceptance criteria, the files each ' +
      'task owns, dependencies, test strategy, risks). Call it once, when the plan is complete.',
    schema: PlanBody,
  },
  code: {
    name: 'submit_task',
    description:
      'Finish the task: submit its status (done, failed or no-change), a summary of what ' +
      'changed and why, and a commit message. Your file changes are collected from the workspace.',
    schema: TaskBody,
  },
  test: {
    name: 'submit_tests',
    description:
      'Finish testing: submit a summary of what you ran, fixed and added, and the paths of the tests you added.',
    schema: TestBody,
  },
  review: {
    name: 'submit_review',
    description:
      'Finish the review: submit the verdict, a summary, findings (each quoting the ' +
      'exact code it is about) and every acceptance criterion with met/unmet and evidence.',
    schema: ReviewBody,
  },
  docs: {
    name: 'submit_docs',
    description: 'Finish the documentation: submit updated (with what changed) or no-change (with the reason).',
    schema: DocsBody,
  },
  fix: {
    name: 'submit_fix',
    description:
      'Finish the fix round: submit its status (done, failed or no-change), a summary that says, finding by ' +
      'finding, what you changed or why you did not, and a commit message. Your changes are collected from ' +
      'the workspace.',
    schema: FixBody,
  },
} as const satisfies Record<AgentStage, SubmitTool>;

type SubmitSchema<S extends AgentStage> = (typeof SUBMIT_TOOLS)[S]['schema'];

export function submitToolFor<S extends AgentStage>(
  stage: S,
  check?: (value: z.output<SubmitSchema<S>>) => string[] | Promise<string[]>,
): SubmitTool<SubmitSchema<S>> {
  return { ...SUBMIT_TOOLS[stage], ...(check ? { check } : {}) } as SubmitTool<SubmitSchema<S>>;
}

/**
 * The planning agent's other way to finish: questions instead of a plan, when the request leaves
 * open what the repository cannot answer (`gates.questions`). The run then waits for answers.
 */
export const ASK_QUESTIONS_TOOL: SubmitTool<typeof QuestionsBody> = {
  name: 'ask_questions',
  description:
    'Finish without a plan: ask the people who filed the request what you cannot find out from the ' +
    'repository and must know to plan well. Submit what you found so far and the questions (each with why it ' +
    'matters and, where you can name them, the options). The run waits for their answers, then you plan.',
  schema: QuestionsBody,
};
