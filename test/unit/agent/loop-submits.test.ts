/**
 * An agent that may end in more than one way (the planner: a plan, or questions instead), and an
 * agent that continues an earlier one's conversation (the planner resumed with answers).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelMessage } from 'ai';
import { afterEach, describe, expect, test } from 'vitest';
import { type AgentDeps, type AgentSpec, runAgent } from '../../../src/agent/loop.ts';
import { ASK_QUESTIONS_TOOL, type SubmitTool, submitToolFor } from '../../../src/agent/submit.ts';
import { createToolContext, toolsFor } from '../../../src/agent/tools/index.ts';
import type { QuestionsBody } from '../../../src/contracts/gate.ts';
import { parseModelSpec } from '../../../src/contracts/model-spec.ts';
import type { PlanBody } from '../../../src/contracts/plan.ts';
import { UsageLedger } from '../../../src/model/ledger.ts';
import { createLanguageModel } from '../../../src/model/providers.ts';
import { createRetryingFetch } from '../../../src/model/retry.ts';
import { validPlan } from '../../support/documents.ts';
import { GIT_TEST_ENV } from '../../support/git-fixture.ts';
import { type Script, type ScriptedModelServer, startScriptedModel } from '../../support/scripted-model.ts';

const GIT_ENV = { ...process.env, ...GIT_TEST_ENV };

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ensemble-loop-submits-'));
  writeFileSync(join(dir, 'widgets.js'), 'export const widgets = [];\n');
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: GIT_ENV });
  execFileSync('git', ['add', '-A'], { cwd: dir, env: GIT_ENV });
  execFileSync('git', ['commit', '-q', '-m', 'base'], { cwd: dir, env: GIT_ENV });
  return dir;
}

const servers: ScriptedModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const MODELS = { openai: 'openai:gpt-5', anthropic: 'anthropic:claude-sonnet-4-5' } as const;

async function setup(script: Script, format: keyof typeof MODELS = 'openai') {
  const server = await startScriptedModel(script);
  servers.push(server);
  const spec = parseModelSpec(MODELS[format]);
  const model = await createLanguageModel(spec, {
    apiKey: 'test-key',
    baseUrl: format === 'openai' ? server.baseUrlOpenAI : server.baseUrlAnthropic,
    fetch: createRetryingFetch({ provider: spec.provider, sleep: async () => {}, maxAttempts: 1 }),
  });
  const deps: AgentDeps = {
    spec,
    model,
    ledger: new UsageLedger(),
    tools: createToolContext(workspace(), { isolation: 'auto' }),
  };
  return { server, deps };
}

type Ending = PlanBody | QuestionsBody;

/** The planner's shape: submit_plan first, ask_questions second. */
function planner(overrides: Partial<AgentSpec<Ending>> = {}): AgentSpec<Ending> {
  return {
    stage: 'plan',
    agent: 'plan',
    instructions: 'You are the planning agent.',
    context: '# Repository\n1 tracked file.',
    task: 'Plan: list widgets over HTTP.',
    tools: toolsFor('plan'),
    submit: [submitToolFor('plan'), ASK_QUESTIONS_TOOL] as readonly SubmitTool<import('zod').ZodType<Ending>>[],
    budget: { maxTurns: 10 },
    ...overrides,
  };
}

const { summary, tasks, testStrategy } = validPlan();
/** A plan as a model sends it: without `risks`, which the schema fills in. */
const PLAN_INPUT = { summary, tasks, testStrategy };
/** Questions as a model sends them: without `options`, which the schema fills in. */
const QUESTIONS_INPUT = {
  findings: 'Widgets live in widgets.js, in an array.',
  questions: [{ id: 'page-size', question: 'How many widgets a page?', why: 'The handler pages by it.' }],
};

const call = (name: string, args: unknown, id?: string) => ({
  toolCalls: [{ name, args, ...(id ? { id } : {}) }],
});

describe('an agent with two submit tools', () => {
  test('may end with the second: the result is its validated value', async () => {
    const { server, deps } = await setup([call('list_files', {}), call('ask_questions', QUESTIONS_INPUT)]);
    const outcome = await runAgent(planner(), deps);
    expect(server.problems).toEqual([]);
    expect(outcome).toMatchObject({ status: 'submitted', stop: null, turns: 2 });
    expect(outcome.result).toEqual({
      findings: QUESTIONS_INPUT.findings,
      questions: [{ ...QUESTIONS_INPUT.questions[0], options: [] }],
    });
    // The model was offered both.
    const offered = server.requests[0]?.request?.tools.map((t) => t.name);
    expect(offered).toEqual(expect.arrayContaining(['submit_plan', 'ask_questions', 'list_files']));
  });

  test('may end with the first: the result is its validated value', async () => {
    const { deps } = await setup([call('submit_plan', PLAN_INPUT)]);
    const outcome = await runAgent(planner(), deps);
    expect(outcome.status).toBe('submitted');
    expect(outcome.result).toEqual({ ...PLAN_INPUT, risks: [] });
  });

  test('an invalid submission to the second tool comes back naming that tool, with its errors', async () => {
    const { server, deps } = await setup([
      call('ask_questions', { findings: 'Nothing yet.', questions: [] }),
      call('ask_questions', QUESTIONS_INPUT),
    ]);
    const outcome = await runAgent(planner(), deps);
    expect(outcome.status).toBe('submitted');
    const feedback = server.requests[1]?.request?.messages.at(-1)?.toolResults[0]?.content ?? '';
    expect(feedback).toContain('fix these and call ask_questions again');
    expect(feedback).toContain('ask at least one question');
    expect(feedback).not.toContain('submit_plan');
  });

  test('a stage check of one tool does not apply to the other', async () => {
    const strict = submitToolFor('plan', () => ['the plan is never good enough']);
    const { deps } = await setup([call('ask_questions', QUESTIONS_INPUT)]);
    const outcome = await runAgent(
      planner({ submit: [strict, ASK_QUESTIONS_TOOL] as readonly SubmitTool<import('zod').ZodType<Ending>>[] }),
      deps,
    );
    expect(outcome.status).toBe('submitted');
  });

  test('a reply without tool calls is nudged back, naming both ways to finish', async () => {
    const { server, deps } = await setup([{ text: 'I would ask about paging.' }, call('submit_plan', PLAN_INPUT)]);
    const outcome = await runAgent(planner(), deps);
    expect(outcome.status).toBe('submitted');
    expect(server.requests[1]?.request?.messages.at(-1)?.text).toContain(
      'finish by calling submit_plan or ask_questions with your result',
    );
  });
});

describe('the conversation an agent ends with', () => {
  test.each(['openai', 'anthropic'] as const)(
    '%s: ends with the results of the final turn, every call answered, so a resume is a valid request',
    async (format) => {
      const first = await setup(
        [
          call('list_files', {}, 'call_list'),
          {
            toolCalls: [
              { name: 'ask_questions', args: QUESTIONS_INPUT, id: 'call_ask' },
              { name: 'read_file', args: { path: 'widgets.js' }, id: 'call_late' },
            ],
          },
        ],
        format,
      );
      const outcome = await runAgent(planner(), first.deps);
      expect(outcome.status).toBe('submitted');
      const conversation = outcome.conversation;
      expect(conversation[0]).toEqual({ role: 'user', content: 'Plan: list widgets over HTTP.' });
      const last = conversation.at(-1) as ModelMessage;
      expect(last.role).toBe('tool');
      const results = last.role === 'tool' ? last.content : [];
      expect(results).toMatchObject([
        { type: 'tool-result', toolCallId: 'call_ask', toolName: 'ask_questions', output: { value: 'Submitted.' } },
        {
          type: 'tool-result',
          toolCallId: 'call_late',
          output: { type: 'error-text', value: 'Not run: the result was already submitted.' },
        },
      ]);

      // The provider accepts the conversation as the start of the next agent's.
      const second = await setup([call('submit_plan', PLAN_INPUT)], format);
      const resumed = await runAgent(planner({ resume: conversation, task: 'The answers: 20 a page.' }), second.deps);
      expect(second.server.problems).toEqual([]);
      expect(resumed.status).toBe('submitted');
    },
  );

  test('a resume starts from the given conversation, then the new task as the next message', async () => {
    const earlier: ModelMessage[] = [
      { role: 'user', content: 'Plan: list widgets over HTTP.' },
      {
        role: 'assistant',
        content: [{ type: 'tool-call', toolCallId: 'call_old', toolName: 'ask_questions', input: QUESTIONS_INPUT }],
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
    const { server, deps } = await setup([call('submit_plan', PLAN_INPUT)]);
    const outcome = await runAgent(planner({ resume: earlier, task: 'The answers: 20 a page.' }), deps);
    expect(server.problems).toEqual([]);
    const sent = server.requests[0]?.request;
    expect(sent?.system).toContain('You are the planning agent.');
    expect(
      sent?.messages.map((m) => [m.role, m.text, m.toolCalls.map((c) => c.id), m.toolResults.map((r) => r.id)]),
    ).toEqual([
      ['user', 'Plan: list widgets over HTTP.', [], []],
      ['assistant', '', ['call_old'], []],
      ['tool', '', [], ['call_old']],
      ['user', 'The answers: 20 a page.', [], []],
    ]);
    // What a later resume would continue from: the earlier conversation, the new task, then this turn.
    expect(outcome.conversation.slice(0, 4)).toEqual([
      ...earlier,
      { role: 'user', content: 'The answers: 20 a page.' },
    ]);
    // The conversation given is not changed by the run.
    expect(earlier).toHaveLength(3);
  });
});
