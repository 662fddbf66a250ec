import type { ModelMessage } from 'ai';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { GateRecord } from '../../../src/contracts/gate.ts';
import { PlanDocument } from '../../../src/contracts/plan.ts';
import { type PlannerResume, type PlanStageInput, runPlanStage } from '../../../src/stages/plan.ts';
import { COMMIT_SHAS, validCheckpoint, validPlan, validQuestion, validRequest } from '../../support/documents.ts';
import { cleanupTemps, createRepo, isolateGit } from '../../support/git-fixture.ts';
import type { ScriptedModelServer, ScriptedReply, ScriptedRequest } from '../../support/scripted-model.ts';
import { scriptedStageContext } from '../../support/stage-context.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

const servers: ScriptedModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const { summary, tasks, testStrategy, risks } = validPlan();
const PLAN_BODY = { summary, tasks, testStrategy, risks };
const QUESTIONS = {
  findings: 'Widgets are listed in src/routes/widgets.ts without paging.',
  questions: [{ id: 'page-size', question: 'How many widgets a page?', why: 'The handler pages by it.', options: [] }],
};

const call = (name: string, args: unknown): ScriptedReply => ({ toolCalls: [{ name, args }] });
const SUBMIT_PLAN = call('submit_plan', PLAN_BODY);

async function plan(script: ScriptedReply[], input: Partial<PlanStageInput> = {}) {
  const repo = createRepo({ 'src/routes/widgets.ts': 'export const widgets = [];\n', 'README.md': '# widgets\n' });
  const stage = await scriptedStageContext({ script, repoDir: repo.dir, baseSha: repo.head(), maxAttempts: 1 });
  servers.push(stage.server);
  const result = await runPlanStage(stage.ctx, {
    request: validRequest(),
    workspace: repo.dir,
    mayAsk: false,
    ...input,
  });
  expect(stage.server.problems).toEqual([]);
  return { result, server: stage.server, ctx: stage.ctx };
}

function firstRequest(server: ScriptedModelServer): ScriptedRequest {
  const request = server.requests[0]?.request;
  if (!request) throw new Error('the model got no valid request');
  return request;
}

/** The text of the user messages of the first request, in order. */
const userTexts = (server: ScriptedModelServer) =>
  firstRequest(server)
    .messages.filter((m) => m.role === 'user')
    .map((m) => m.text);

/** Two rounds: the first answered by hubot, the last by mona (as resumedRecord leaves them). */
function answeredRecord(): GateRecord {
  const record = validCheckpoint().gate;
  const [first] = record.rounds;
  if (!first) throw new Error('the example checkpoint has a round');
  first.answers = [
    { by: 'hubot', at: '2026-12-05T11:00:00.000Z', text: 'Twenty a page.', via: 'comment', commentId: 401 },
  ];
  record.rounds.push({
    askedAt: '2026-12-06T10:00:00.000Z',
    findings: 'The store keeps widgets in insertion order.',
    questions: [validQuestion({ id: 'cursor', question: 'Cursor or page number?', options: ['cursor', 'page'] })],
    answers: [
      { by: 'mona', at: '2026-12-06T11:00:00.000Z', text: 'Page numbers, please.', via: 'command', commentId: 402 },
    ],
  });
  return record;
}

/** The earlier planner's conversation: it read a file, then asked. */
const EARLIER: ModelMessage[] = [
  { role: 'user', content: 'Plan the work this request asks for. (earlier task)' },
  {
    role: 'assistant',
    content: [{ type: 'tool-call', toolCallId: 'call_old', toolName: 'ask_questions', input: QUESTIONS }],
  },
  {
    role: 'tool',
    content: [
      {
        type: 'tool-result',
        toolCallId: 'call_old',
        toolName: 'ask_questions',
        output: { type: 'text', value: 'Submitted.' },
      },
    ],
  },
];

function resume(overrides: Partial<PlannerResume> = {}): PlannerResume {
  return { gate: answeredRecord(), conversation: EARLIER, next: { kind: 'answers' }, baseMoved: null, ...overrides };
}

const REQUEST_BLOCK = '<untrusted source="issue #42">';

describe('asking', () => {
  test('with mayAsk the agent gets ask_questions and the instructions on asking', async () => {
    const { server } = await plan([SUBMIT_PLAN], { mayAsk: true });
    const request = firstRequest(server);
    expect(request.tools.map((t) => t.name)).toEqual(expect.arrayContaining(['submit_plan', 'ask_questions']));
    expect(request.system).toContain('When you may ask:');
    expect(request.system).toContain('call ask_questions instead of submit_plan');
  });

  test('without mayAsk it gets neither', async () => {
    const { server } = await plan([SUBMIT_PLAN], { mayAsk: false });
    const request = firstRequest(server);
    expect(request.tools.map((t) => t.name)).toContain('submit_plan');
    expect(request.tools.map((t) => t.name)).not.toContain('ask_questions');
    expect(request.system).not.toContain('When you may ask:');
    expect(request.system).not.toContain('ask_questions');
  });

  test('questions end the stage with the questions and the conversation, ready to resume', async () => {
    const { result } = await plan([call('list_files', {}), call('ask_questions', QUESTIONS)], { mayAsk: true });
    if (result.kind !== 'questions') throw new Error(`expected questions, got a ${result.kind}`);
    expect(result.questions).toEqual(QUESTIONS);
    expect(result.conversation[0]).toMatchObject({ role: 'user' });
    // The request is in the system part, which a resumed planner gets again (with any new comments).
    expect(String(result.conversation[0]?.content)).toContain('Plan the work the request above asks for.');
    expect(result.conversation.at(-1)).toMatchObject({
      role: 'tool',
      content: [{ type: 'tool-result', toolName: 'ask_questions', output: { value: 'Submitted.' } }],
    });
  });

  test('a plan ends the stage with a valid plan document of this run, no gate yet', async () => {
    const { result, ctx } = await plan([SUBMIT_PLAN]);
    if (result.kind !== 'plan') throw new Error(`expected a plan, got ${result.kind}`);
    expect(PlanDocument.parse(result.plan)).toEqual(result.plan);
    expect(result.plan).toMatchObject({ ...PLAN_BODY, run: ctx.run, request: validRequest(), gate: null });
  });
});

describe('a resumed planner with its conversation', () => {
  test('continues it with only the new message: the answers of the last round, naming who answered', async () => {
    const { server } = await plan([SUBMIT_PLAN], { resume: resume() });
    const request = firstRequest(server);
    expect(request.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'user']);
    expect(request.messages[0]?.text).toBe('Plan the work this request asks for. (earlier task)');
    const message = request.messages.at(-1)?.text ?? '';
    expect(message).toContain('Your questions were answered.');
    expect(message).toContain('<untrusted source="answer by @mona">');
    expect(message).toContain('Page numbers, please.');
    expect(message).toContain('[cursor] Cursor or page number?');
    // Not the request, nor the earlier round: the conversation has them.
    expect(message).not.toContain(REQUEST_BLOCK);
    expect(message).not.toContain('Twenty a page.');
  });

  test('without mayAsk it is told not to ask again', async () => {
    const { server } = await plan([SUBMIT_PLAN], { resume: resume(), mayAsk: false });
    const message = firstRequest(server).messages.at(-1)?.text ?? '';
    expect(message).toContain('Do not ask again');
    expect(message).not.toContain('you may ask again');
  });

  test('without mayAsk the tool its conversation used stays defined, and asking again is refused', async () => {
    const { server, result } = await plan([call('ask_questions', QUESTIONS), SUBMIT_PLAN], {
      resume: resume(),
      mayAsk: false,
    });
    expect(firstRequest(server).tools.map((t) => t.name)).toContain('ask_questions');
    expect(result.kind).toBe('plan');
    const refusal = server.requests[1]?.request?.messages.at(-1)?.toolResults[0]?.content ?? '';
    expect(refusal).toContain('no more questions may be asked');
  });

  test('with mayAsk it is told it may ask again', async () => {
    const { server } = await plan([SUBMIT_PLAN], { resume: resume(), mayAsk: true });
    const message = firstRequest(server).messages.at(-1)?.text ?? '';
    expect(message).toContain('you may ask again with ask_questions');
    expect(message).not.toContain('Do not ask again');
  });

  test('a revision comes as the new message, in an untrusted block naming who asked', async () => {
    const revision = { by: 'mona', at: '2026-12-06T12:00:00.000Z', instructions: 'Merge the two tasks.' };
    const next = { kind: 'revise' as const, revision, plan: PLAN_BODY };
    const { server } = await plan([SUBMIT_PLAN], { resume: resume({ next }) });
    const request = firstRequest(server);
    expect(request.messages).toHaveLength(4);
    const message = request.messages.at(-1)?.text ?? '';
    expect(message).toContain('asked for a revised plan');
    expect(message).toContain('<untrusted source="revision asked by @mona">\n');
    expect(message).toContain('Merge the two tasks.');
    // The earlier plan is in the conversation already.
    expect(message).not.toContain(`Plan: ${summary}`);
  });
});

describe('a resumed planner without its conversation', () => {
  test('gets the request, its earlier findings, questions and every answer, then the new part', async () => {
    const { server } = await plan([SUBMIT_PLAN], { resume: resume({ conversation: null }) });
    const texts = userTexts(server);
    expect(texts).toHaveLength(1);
    const [message = ''] = texts;
    expect(firstRequest(server).system).toContain(REQUEST_BLOCK);
    expect(firstRequest(server).system).toContain(validRequest().body);
    expect(message).toContain('Earlier, you asked questions.');
    expect(message).toContain('Widgets are listed in src/routes/widgets.ts without paging.');
    expect(message).toContain('The store keeps widgets in insertion order.');
    expect(message).toContain('[page-size] How many widgets should one page of GET /widgets hold by default?');
    expect(message).toContain('<untrusted source="answer by @hubot">');
    expect(message).toContain('Twenty a page.');
    expect(message).toContain('<untrusted source="answer by @mona">');
    expect(message).toContain('Your questions were answered.');
  });

  test('to revise: also its earlier plan and the revision instructions in an untrusted block', async () => {
    const revision = { by: 'mona', at: '2026-12-06T12:00:00.000Z', instructions: 'Merge the two tasks.' };
    const resumed = resume({ conversation: null, next: { kind: 'revise', revision, plan: PLAN_BODY } });
    const { server } = await plan([SUBMIT_PLAN], { resume: resumed });
    const [message = ''] = userTexts(server);
    expect(firstRequest(server).system).toContain(REQUEST_BLOCK);
    expect(message).toContain('Your earlier plan:');
    expect(message).toContain(`Plan: ${summary}`);
    for (const task of tasks) expect(message).toContain(`### Task ${task.id}: ${task.title}`);
    expect(message).toContain(`Test strategy: ${testStrategy}`);
    expect(message).toMatch(
      /<untrusted source="revision asked by @mona">\n[\s\S]*Merge the two tasks\.\n<\/untrusted>/,
    );
    expect(message.indexOf('Your earlier plan:')).toBeLessThan(message.indexOf('revision asked by @mona'));
  });
});

test('a base that moved is named, from and to, so the planner reads again', async () => {
  const baseMoved = { from: COMMIT_SHAS[0], to: COMMIT_SHAS[1] };
  for (const conversation of [EARLIER, null]) {
    const { server } = await plan([SUBMIT_PLAN], { resume: resume({ baseMoved, conversation }) });
    const message = firstRequest(server).messages.at(-1)?.text ?? '';
    expect(message).toContain(
      `The default branch moved since you read it (from ${COMMIT_SHAS[0]} to ${COMMIT_SHAS[1]})`,
    );
  }
  const { server } = await plan([SUBMIT_PLAN], { resume: resume() });
  expect(firstRequest(server).messages.at(-1)?.text).not.toContain('moved');
});
