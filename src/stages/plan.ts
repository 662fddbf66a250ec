import type { ModelMessage } from 'ai';
import { ASK_QUESTIONS_TOOL, type SubmitTool, submitToolFor } from '../agent/submit.ts';
import { toolsFor } from '../agent/tools/index.ts';
import type { GateRecord, QuestionsBody, Revision } from '../contracts/gate.ts';
import type { PlanBody, PlanDocument, RequestSnapshot } from '../contracts/plan.ts';
import { reaches } from '../plan/graph.ts';
import { checkProtectedPaths } from '../workspace/index.ts';
import { runStageAgent, type StageContext } from './context.ts';
import { StageError } from './errors.ts';
import { answeredRoundsBlock, planBlock, untrustedRevisionBlock } from './prompt-parts.ts';

const INSTRUCTIONS = (maxTasks: number) => `You are the planning agent of ensemble, a pipeline of AI coding agents.
You read a request and the repository, then split the work into tasks that coding agents implement in parallel, each alone in its own copy of the repository at the same commit. A testing agent integrates their patches and runs the tests; review and documentation agents follow.

How to work:
- Explore with list_files, read_file and search until you know where the change goes. You cannot change files or run commands.
- Make at most ${maxTasks} tasks. Prefer a few coherent tasks to many small ones; a single task is right for a small change.
- Each task: a short kebab-case id; a title; a description an engineer can act on without seeing the request (what to change, where, and how it fits); acceptance criteria that can be checked by reading the code or running the tests; the files it owns (creates, edits or deletes, tests included); the files it should read; the ids it depends on.
- Two tasks never own the same file, unless one depends on the other (it then runs after it and builds on its change).
- Keep tests with the code they test: a task that changes behaviour adds or updates its tests.
- Then submit_plan with the summary, the tasks, the test strategy and the risks. Invalid plans come back with the problems to fix.`;

/** How the planner may ask instead of planning (`gates.questions` is not `never`). Stable per run: it is cached. */
const ASKING = `When you may ask:
- Investigate first. Ask only what the repository cannot tell you and what changes the plan: a behaviour the request leaves open, a choice between designs with different costs, a missing fact about the users' setup. Never ask for permission, for confirmation of what the request already says, or what you can read in the code.
- Then call ask_questions instead of submit_plan: what you found so far (it is kept for when you plan), and a few specific questions, each with why it matters and the options you see. The people who filed the request answer, and you continue from here with their answers.
- When the request is clear enough to plan well, plan: a question costs the people a round trip.`;

/** Problems a plan can have beyond its schema, for the model to fix before the plan is accepted. */
export function planProblems(
  plan: PlanBody,
  limits: { maxTasks: number; protectedPaths: readonly string[] },
): string[] {
  const problems: string[] = [];
  if (plan.tasks.length > limits.maxTasks) {
    problems.push(
      `the plan has ${plan.tasks.length} tasks; the configuration ` +
        `allows at most ${limits.maxTasks}: merge related tasks`,
    );
  }
  const owner = new Map<string, string>();
  for (const task of plan.tasks) {
    for (const file of task.files) {
      const other = owner.get(file);
      if (other && !reaches(plan.tasks, task.id, other) && !reaches(plan.tasks, other, task.id)) {
        problems.push(
          `tasks "${other}" and "${task.id}" both own ${file}: merge them, or make one depend on the other`,
        );
      }
      owner.set(file, task.id);
    }
    for (const file of checkProtectedPaths(task.files, limits.protectedPaths)) {
      problems.push(
        `task "${task.id}" owns ${file}, a protected path ensemble may not change: leave it out of the plan`,
      );
    }
  }
  return problems;
}

const NO_MORE_QUESTIONS =
  'no more questions may be asked in this request (gates.max-question-rounds): plan with submit_plan, ' +
  'and name what stays open as a risk';

/** A planner that continues from a checkpoint: after answers to its questions, or to revise its plan. */
export interface PlannerResume {
  /** What the gates recorded so far: the rounds of questions (the last one answered) and revisions. */
  gate: GateRecord;
  /** The earlier planner's conversation; null when it was not kept (too large, or never stored). */
  conversation: readonly ModelMessage[] | null;
  /** Why it continues: the answers came in, or a person asked for a revised plan. */
  next: { kind: 'answers' } | { kind: 'revise'; revision: Revision; plan: PlanBody };
  /** The base moved since the earlier planner read the repository. */
  baseMoved: { from: string; to: string } | null;
}

export interface PlanStageInput {
  request: RequestSnapshot;
  /** A checkout of the base that nothing writes. */
  workspace: string;
  /** Its files, when already listed (`StageContext.baseFiles`). */
  workspaceFiles?: readonly string[];
  /** Whether the agent may end with questions instead of a plan (`ask_questions`). */
  mayAsk: boolean;
  resume?: PlannerResume;
}

/** What the planning agent ended with, and its conversation (kept in a checkpoint when the run waits). */
export type PlanStageResult =
  | { kind: 'plan'; plan: PlanDocument; conversation: ModelMessage[] }
  | { kind: 'questions'; questions: QuestionsBody; conversation: ModelMessage[] };

/**
 * Plans the run: the planning agent reads the request (an untrusted snapshot) and the repository
 * at the base commit with read-only tools, and submits tasks that pass the configuration's limits,
 * or, when it may, questions whose answers it needs first. A resumed planner continues its earlier
 * conversation with the answers (or the revision asked for), so its investigation is not redone.
 */
export async function runPlanStage(ctx: StageContext, input: PlanStageInput): Promise<PlanStageResult> {
  const maxTasks = ctx.config.stages.plan['max-tasks'];
  const protectedPaths = ctx.config['protected-paths'];
  const submitPlan = submitToolFor('plan', (plan) => planProblems(plan, { maxTasks, protectedPaths }));
  // A resumed conversation holds an ask_questions call: the tool stays defined (providers expect the
  // tools a conversation used, and the same tools keep the prompt cacheable), refusing once no
  // question may be asked any more.
  const asking = input.mayAsk || input.resume?.conversation;
  const ask: SubmitTool<typeof QuestionsBody> = input.mayAsk
    ? ASK_QUESTIONS_TOOL
    : { ...ASK_QUESTIONS_TOOL, check: () => [NO_MORE_QUESTIONS] };
  const submits = (asking ? [submitPlan, ask] : [submitPlan]) as readonly SubmitTool<
    import('zod').ZodType<PlanBody | QuestionsBody>
  >[];
  const { outcome } = await runStageAgent(ctx, {
    stage: 'plan',
    agent: 'plan',
    instructions: input.mayAsk ? `${INSTRUCTIONS(maxTasks)}\n\n${ASKING}` : INSTRUCTIONS(maxTasks),
    task: plannerTask(input, protectedPaths),
    shared: { request: input.request },
    tools: toolsFor('plan'),
    submit: submits,
    ...(input.resume?.conversation ? { resume: input.resume.conversation } : {}),
    workspace: input.workspace,
    ...(input.workspaceFiles ? { listed: input.workspaceFiles } : {}),
  });
  if (!outcome.result) {
    throw new StageError(
      'plan',
      `the planning agent did not submit a plan (${outcome.stop?.message ?? 'no reason given'}); nothing was changed`,
    );
  }
  const result = outcome.result;
  if ('questions' in result) return { kind: 'questions', questions: result, conversation: outcome.conversation };
  const plan: PlanDocument = {
    schema: 'ensemble.plan/v1',
    run: ctx.run,
    usage: ctx.ledger.toUsage('plan'),
    ...result,
    request: input.request,
    gate: null,
  };
  return { kind: 'plan', plan, conversation: outcome.conversation };
}

/**
 * The planner's task. A fresh planner gets the request; a resumed one that has its conversation
 * gets only what is new (the answers, or the revision asked for); one without its conversation
 * gets the request again with everything the gates recorded.
 */
function plannerTask(input: PlanStageInput, protectedPaths: readonly string[]): string {
  const protectedLine = `Protected paths (never part of any task): ${protectedPaths.join(', ') || 'none'}.`;
  const resume = input.resume;
  if (!resume) return ['Plan the work the request above asks for.', protectedLine].join('\n\n');
  const moved = resume.baseMoved
    ? `The default branch moved since you read it (from ${resume.baseMoved.from} to ${resume.baseMoved.to}): ` +
      'read again what your plan depends on.'
    : '';
  const asking = input.mayAsk
    ? 'If an answer leaves open something the plan cannot do without, you may ask again with ask_questions.'
    : 'Do not ask again: plan with what you have, and name what stays open as a risk.';
  const next =
    resume.next.kind === 'answers'
      ? [
          'Your questions were answered.',
          answeredRoundsBlock(resume.gate.rounds.slice(-1)),
          moved,
          `Now plan the work with submit_plan, using the answers. ${asking}`,
        ]
      : [
          'A person with write access asked for a revised plan:',
          untrustedRevisionBlock(resume.next.revision),
          moved,
          'Make the plan again with submit_plan, changed as asked where it can be; ' +
            'explain in the summary what changed.',
        ];
  if (resume.conversation) return next.filter(Boolean).join('\n\n');
  // Without the conversation: the request, what the earlier planner found and was told, then what is new.
  const earlier = [
    'Plan the work the request above asks for.',
    protectedLine,
    resume.gate.rounds.length > 0 ? `Earlier, you asked questions.\n\n${answeredRoundsBlock(resume.gate.rounds)}` : '',
    resume.next.kind === 'revise' ? `Your earlier plan:\n\n${planBlock(resume.next.plan)}` : '',
  ];
  return [...earlier, ...next].filter(Boolean).join('\n\n');
}
