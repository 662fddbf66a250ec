import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { toolCatalogue } from '../../../src/agent/catalogue.ts';
import { type AgentBudget, type AgentDeps, type AgentSpec, runAgent } from '../../../src/agent/loop.ts';
import { submitToolFor } from '../../../src/agent/submit.ts';
import { createToolContext, toolsFor } from '../../../src/agent/tools/index.ts';
import { readTranscript, recordedCalls, TranscriptWriter } from '../../../src/agent/transcript.ts';
import { type ModelSpec, parseModelSpec } from '../../../src/contracts/model-spec.ts';
import type { TaskBody } from '../../../src/contracts/task.ts';
import { UsageLedger } from '../../../src/model/ledger.ts';
import { createLanguageModel } from '../../../src/model/providers.ts';
import { createRetryingFetch, type RetryEvent } from '../../../src/model/retry.ts';
import { GIT_TEST_ENV } from '../../support/git-fixture.ts';
import {
  type Script,
  type ScriptedModelServer,
  type ScriptedReply,
  startScriptedModel,
} from '../../support/scripted-model.ts';

const GIT_ENV = { ...process.env, ...GIT_TEST_ENV };

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ensemble-loop-'));
  writeFileSync(join(dir, 'greet.js'), "export function greet(name) {\n  return 'Hello ' + name;\n}\n");
  writeFileSync(join(dir, 'README.md'), '# demo\n');
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: GIT_ENV });
  execFileSync('git', ['add', '-A'], { cwd: dir, env: GIT_ENV });
  execFileSync('git', ['commit', '-q', '-m', 'base'], { cwd: dir, env: GIT_ENV });
  return dir;
}

const VALID_SUBMIT = {
  status: 'done',
  summary: 'Greets with a comma.',
  commitMessage: 'Greet with a comma',
} satisfies TaskBody;
const EDIT = { path: 'greet.js', old_string: "'Hello ' + name", new_string: "'Hello, ' + name" };

const servers: ScriptedModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const MODELS: Record<'openai' | 'anthropic', string> = {
  openai: 'openai:gpt-5',
  anthropic: 'anthropic:claude-sonnet-4-5',
};

async function setup(
  script: Script,
  format: 'openai' | 'anthropic' = 'openai',
  retry: { maxAttempts?: number; timeoutMs?: number } = {},
) {
  const server = await startScriptedModel(script);
  servers.push(server);
  const spec: ModelSpec = parseModelSpec(MODELS[format]);
  const retries: RetryEvent[] = [];
  const model = await createLanguageModel(spec, {
    apiKey: 'test-key',
    baseUrl: format === 'openai' ? server.baseUrlOpenAI : server.baseUrlAnthropic,
    fetch: createRetryingFetch({
      provider: spec.provider,
      sleep: async () => {},
      onRetry: (e) => retries.push(e),
      ...retry,
    }),
  });
  const dir = workspace();
  const ledger = new UsageLedger();
  const transcriptFile = join(mkdtempSync(join(tmpdir(), 'ensemble-transcript-')), 'transcript.jsonl');
  const deps: AgentDeps = {
    spec,
    model,
    ledger,
    tools: createToolContext(dir, { isolation: 'auto' }),
    transcript: new TranscriptWriter(transcriptFile),
  };
  return { server, deps, dir, ledger, retries, transcriptFile };
}

function agent(budget: Partial<AgentBudget> = {}): AgentSpec<TaskBody> {
  return {
    stage: 'code',
    agent: 'code:greet',
    instructions: 'You are a coding agent.',
    context: '# Repository\n2 tracked files.',
    task: 'Make greet() put a comma after Hello.',
    tools: toolsFor('code'),
    submit: submitToolFor('code'),
    budget: { maxTurns: 10, ...budget },
  };
}

const usage = (inputTokens: number, outputTokens: number, cacheReadTokens = 0) => ({
  inputTokens,
  outputTokens,
  cacheReadTokens,
});

describe.each(['openai', 'anthropic'] as const)('a multi-step run through the real %s provider', (format) => {
  test('reads, edits and submits; tool results reach the model; usage is summed', async () => {
    const script: ScriptedReply[] = [
      { toolCalls: [{ name: 'list_files', args: {} }], usage: usage(1000, 20) },
      { toolCalls: [{ name: 'read_file', args: { path: 'greet.js' } }], usage: usage(1200, 30, 900) },
      { text: 'Editing now.', toolCalls: [{ name: 'edit_file', args: EDIT }], usage: usage(1400, 40, 1100) },
      { toolCalls: [{ name: 'submit_task', args: VALID_SUBMIT }], usage: usage(1500, 50, 1300) },
    ];
    const { server, deps, dir, ledger, transcriptFile } = await setup(script, format);
    const outcome = await runAgent(agent(), deps);

    expect(server.problems).toEqual([]);
    expect(outcome).toMatchObject({
      status: 'submitted',
      result: VALID_SUBMIT,
      stop: null,
      turns: 4,
      lastText: 'Editing now.',
    });
    expect(readFileSync(join(dir, 'greet.js'), 'utf8')).toContain("'Hello, ' + name");
    // What the model saw after read_file: the file with line numbers, as a tool result.
    const third = server.requests[2]?.request;
    expect(third?.messages.at(-1)?.toolResults[0]?.content).toContain("return 'Hello ' + name;");
    expect(third?.messages.at(-1)?.toolResults[0]?.isError).toBe(false);
    expect(ledger.toUsage('code')).toMatchObject({
      calls: 4,
      inputTokens: 5100,
      outputTokens: 140,
      cacheReadTokens: 3300,
    });
    expect(outcome.tokens).toMatchObject({ input: 5100, output: 140 });
    expect(outcome.tokens.costUsd).toBeGreaterThan(0);

    const events = readTranscript(transcriptFile);
    expect(events.map((e) => e.type)).toEqual(['start', 'call', 'call', 'call', 'call', 'end']);
    expect(recordedCalls(events).map((c) => c.response.toolCalls.map((t) => t.name))).toEqual([
      ['list_files'],
      ['read_file'],
      ['edit_file'],
      ['submit_task'],
    ]);
    expect(recordedCalls(events)[1]?.toolResults[0]?.output).toContain('greet.js');
  });
});

test('with Anthropic: shared blocks first, then the role; breakpoints on the shared end, the role and the newest message', async () => {
  const { server, deps } = await setup(
    [{ toolCalls: [{ name: 'list_files', args: {} }] }, { toolCalls: [{ name: 'submit_task', args: VALID_SUBMIT }] }],
    'anthropic',
  );
  await runAgent({ ...agent(), shared: ['# The request\nGreet with a comma.', '# The plan\nOne task.'] }, deps);
  for (const request of server.requests) {
    const body = request.body as {
      system: { text: string; cache_control?: unknown }[];
      messages: { content: { cache_control?: unknown }[] }[];
    };
    expect(body.system.map((s) => [s.text, s.cache_control])).toEqual([
      ['# Repository\n2 tracked files.', undefined],
      ['# The request\nGreet with a comma.', undefined],
      ['# The plan\nOne task.', { type: 'ephemeral' }],
      ['You are a coding agent.', { type: 'ephemeral' }],
    ]);
    expect(body.messages.at(-1)?.content.at(-1)?.cache_control).toEqual({ type: 'ephemeral' });
  }
  const second = server.requests[1]?.body as { messages: { content: { cache_control?: unknown }[] }[] };
  expect(second.messages[0]?.content.at(-1)?.cache_control).toBeUndefined();
});

describe('a run-wide tool catalogue', () => {
  const catalogued = (): AgentSpec<TaskBody> => ({
    ...agent(),
    instructions: 'You are a review-like agent.',
    tools: toolsFor('review'),
    catalogue: toolCatalogue(),
  });

  test('every agent is shown the same tools in the same order, its own named in its role', async () => {
    const { server, deps } = await setup([{ toolCalls: [{ name: 'submit_task', args: VALID_SUBMIT }] }]);
    await runAgent(catalogued(), deps);
    const request = server.requests[0]?.request;
    expect(request?.tools.map((t) => t.name)).toEqual(toolCatalogue().map((t) => t.name));
    expect(request?.system).toContain('Your tools: list_files, read_file, search, submit_task.');
  });

  test("calling another agent's tool is refused and runs nothing; the agent goes on", async () => {
    const { server, deps, dir } = await setup([
      { toolCalls: [{ name: 'edit_file', args: EDIT }] },
      { toolCalls: [{ name: 'submit_review', args: {} }] },
      { toolCalls: [{ name: 'submit_task', args: VALID_SUBMIT }] },
    ]);
    const outcome = await runAgent(catalogued(), deps);
    expect(outcome.status).toBe('submitted');
    expect(readFileSync(join(dir, 'greet.js'), 'utf8')).toContain("'Hello ' + name");
    const refusal = server.requests[1]?.request?.messages.at(-1)?.toolResults[0];
    expect(refusal?.content).toContain("edit_file is not one of this agent's tools");
    expect(server.requests[2]?.request?.messages.at(-1)?.toolResults[0]?.content).toContain(
      "submit_review is not one of this agent's tools",
    );
  });

  test('a tool that differs from its catalogue definition is a programming error, before any call', async () => {
    const { server, deps } = await setup([]);
    const read = toolsFor('review')[1]!;
    const changed = { ...catalogued(), tools: [{ ...read, description: 'Reads anything.' }] };
    await expect(runAgent(changed, deps)).rejects.toThrow(/read_file differs from the catalogue/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('faults', () => {
  test.each([
    ['a 429 with retry-after', { kind: 'rate-limit', retryAfter: 2 }],
    ['a 500', { kind: 'server-error' }],
    ['a dropped connection', { kind: 'drop' }],
    ['malformed JSON', { kind: 'malformed-json' }],
  ] as const)('%s is retried and the run completes with every call counted', async (_name, fault) => {
    const { deps, ledger, retries } = await setup([
      { toolCalls: [{ name: 'read_file', args: { path: 'greet.js' } }], usage: usage(100, 10) },
      { fault },
      { toolCalls: [{ name: 'submit_task', args: VALID_SUBMIT }], usage: usage(200, 20) },
    ]);
    const outcome = await runAgent(agent(), deps);
    expect(outcome.status).toBe('submitted');
    expect(retries).toHaveLength(1);
    if (fault.kind === 'rate-limit') expect(retries[0]).toMatchObject({ delayMs: 2000, fromRetryAfter: true });
    expect(ledger.toUsage('code')).toMatchObject({ calls: 2, inputTokens: 300, outputTokens: 30 });
  });

  test('a slow reply past the per-call timeout is retried', async () => {
    const { deps, retries } = await setup(
      [
        { delayMs: 1_500, toolCalls: [{ name: 'list_files', args: {} }] },
        { toolCalls: [{ name: 'submit_task', args: VALID_SUBMIT }] },
      ],
      'openai',
      { timeoutMs: 300 },
    );
    const outcome = await runAgent(agent(), deps);
    expect(retries.map((r) => r.reason)).toEqual(['timeout']);
    expect(outcome.status).toBe('submitted');
  });

  test.each([
    ['openai', { kind: 'auth' }, /authentication failed for openai/i],
    ['anthropic', { kind: 'auth' }, /authentication failed for anthropic/i],
    ['openai', { kind: 'spend-limit' }, /spend limit/i],
    ['anthropic', { kind: 'spend-limit' }, /spend limit/i],
  ] as const)(
    '%s %j stops at once with a message that says which, usage so far kept',
    async (format, fault, message) => {
      const { deps, ledger, retries, transcriptFile } = await setup(
        [{ toolCalls: [{ name: 'list_files', args: {} }], usage: usage(100, 10) }, { fault }],
        format,
      );
      const outcome = await runAgent(agent(), deps);
      expect(outcome.status).toBe('failed');
      expect(outcome.stop?.kind).toBe('model-error');
      expect(outcome.stop?.message).toMatch(message);
      expect(retries).toEqual([]);
      expect(ledger.toUsage('code')).toMatchObject({ calls: 1, inputTokens: 100 });
      expect(readTranscript(transcriptFile).at(-1)).toMatchObject({ type: 'end', status: 'failed' });
    },
  );

  test('retries that never succeed fail the agent with the cause', async () => {
    const { deps } = await setup(
      Array.from({ length: 3 }, () => ({ fault: { kind: 'server-error' as const, status: 503 } })),
      'openai',
      { maxAttempts: 3 },
    );
    const outcome = await runAgent(agent(), deps);
    expect(outcome.status).toBe('failed');
    expect(outcome.stop?.message).toMatch(/503/);
    expect(outcome.stop?.message).toMatch(/3 attempts/);
  });

  test.each(['openai', 'anthropic'] as const)(
    '%s: an unknown tool and invalid arguments go back to the model as errors, and the loop continues',
    async (format) => {
      const { server, deps } = await setup(
        [
          { fault: { kind: 'unknown-tool', name: 'delete_everything', args: {} } },
          { fault: { kind: 'invalid-tool-args', tool: 'read_file', args: { path: 42 } } },
          { toolCalls: [{ name: 'submit_task', args: VALID_SUBMIT }] },
        ],
        format,
      );
      const outcome = await runAgent(agent(), deps);
      expect(server.problems).toEqual([]);
      expect(outcome.status).toBe('submitted');
      // OpenAI's wire format has no error flag on tool results: the text says it.
      const first = server.requests[1]?.request?.messages.at(-1)?.toolResults[0];
      expect(first?.content).toMatch(/unavailable tool 'delete_everything'/);
      const second = server.requests[2]?.request?.messages.at(-1)?.toolResults[0];
      // OpenAI carries the text JSON-encoded (`{"error":"…"}`), Anthropic as is.
      expect(second?.content).toMatch(
        /Error: invalid input for read_file:(\n|\\n)- path: Invalid input: expected string, received number/,
      );
      if (format === 'anthropic') expect([first?.isError, second?.isError]).toEqual([true, true]);
    },
  );
});

describe.each(['openai', 'anthropic'] as const)('tool results through the real %s provider', (format) => {
  test('a result whose text starts with "Error:" reaches the model as a result, not as a failed call', async () => {
    const { server, deps, dir } = await setup(
      [
        { toolCalls: [{ name: 'read_file', args: { path: 'Error: build.log' } }] },
        { toolCalls: [{ name: 'read_file', args: { path: 'missing.log' } }] },
        { toolCalls: [{ name: 'submit_task', args: VALID_SUBMIT }] },
      ],
      format,
    );
    writeFileSync(join(dir, 'Error: build.log'), 'Error: something went wrong\n');
    const outcome = await runAgent(agent(), deps);
    expect(server.problems).toEqual([]);
    expect(outcome.status).toBe('submitted');
    const read = server.requests[1]?.request?.messages.at(-1)?.toolResults[0];
    // Verbatim: OpenAI would carry an error result JSON-encoded (`{"error":"…"}`), Anthropic flags it.
    expect(read?.content).toBe('Error: build.log (lines 1-1 of 1)\n1\tError: something went wrong');
    expect(read?.isError).toBe(false);
    const missing = server.requests[2]?.request?.messages.at(-1)?.toolResults[0];
    expect(missing?.content).toContain('Error: missing.log: no such file or directory');
    if (format === 'anthropic') expect(missing?.isError).toBe(true);
    else expect(missing?.content).toMatch(/^\{"error":/);
  });
});

describe('submissions', () => {
  test('an invalid submission goes back with the errors; the fixed one is accepted', async () => {
    const { server, deps } = await setup([
      { toolCalls: [{ name: 'submit_task', args: { status: 'finished', summary: '' } }] },
      { toolCalls: [{ name: 'submit_task', args: VALID_SUBMIT }] },
    ]);
    const outcome = await runAgent(agent(), deps);
    expect(outcome.status).toBe('submitted');
    const feedback = server.requests[1]?.request?.messages.at(-1)?.toolResults[0]?.content ?? '';
    expect(feedback).toContain('the submission is not valid');
    expect(feedback).toContain('$.status:');
    expect(feedback).toContain('$.summary: must not be empty');
    expect(feedback).toContain('$.commitMessage:');
  });

  test('too many invalid submissions fail the agent with the last errors', async () => {
    const bad = { toolCalls: [{ name: 'submit_task', args: { status: 'done' } }] };
    const { deps } = await setup([bad, bad, bad]);
    const outcome = await runAgent(agent(), deps);
    expect(outcome.status).toBe('failed');
    expect(outcome.stop?.kind).toBe('invalid-submits');
    expect(outcome.stop?.message).toContain('3 invalid submissions');
    expect(outcome.stop?.message).toContain('$.summary');
  });

  test("a stage's own check is enforced like the schema", async () => {
    const { deps } = await setup([
      { toolCalls: [{ name: 'submit_task', args: VALID_SUBMIT }] },
      { toolCalls: [{ name: 'submit_task', args: { ...VALID_SUBMIT, commitMessage: 'Greet with a comma, short' } }] },
    ]);
    const spec = {
      ...agent(),
      submit: submitToolFor('code', (v) =>
        v.commitMessage.includes('short') ? [] : ['commitMessage: say it is short'],
      ),
    };
    const outcome = await runAgent(spec, deps);
    expect(outcome.result?.commitMessage).toBe('Greet with a comma, short');
  });

  test('a reply without tool calls is nudged back to the tools', async () => {
    const { server, deps } = await setup([
      { text: 'I think I am done.' },
      { toolCalls: [{ name: 'submit_task', args: VALID_SUBMIT }] },
    ]);
    const outcome = await runAgent(agent(), deps);
    expect(outcome.status).toBe('submitted');
    expect(server.requests[1]?.request?.messages.at(-1)?.text).toContain('finish by calling submit_task');
  });
});

describe('a workspace still being made while the first call is out', () => {
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
  };

  test('the first call goes out before the workspace is made; no tool runs until it is', async () => {
    const { server, deps, dir } = await setup([
      { toolCalls: [{ name: 'read_file', args: { path: 'made.txt' } }] },
      { toolCalls: [{ name: 'submit_task', args: VALID_SUBMIT }] },
    ]);
    // Made only well after the first request arrived (and was answered): a loop that waited for it
    // before calling would never call; one that did not wait before the tools would find no file.
    deps.tools.ready = until(() => server.requests.length === 1)
      .then(() => new Promise((resolve) => setTimeout(resolve, 100)))
      .then(() => writeFileSync(join(dir, 'made.txt'), 'made while the model thought\n'));
    const outcome = await runAgent(agent(), deps);
    expect(outcome.status).toBe('submitted');
    const result = server.requests[1]?.request?.messages.at(-1)?.toolResults[0];
    expect(result).toMatchObject({ isError: false });
    expect(result?.content).toContain('made while the model thought');
  });

  test('a workspace that cannot be made ends the agent and cuts short the call in flight', async () => {
    const { deps, ledger, transcriptFile } = await setup([
      { toolCalls: [{ name: 'submit_task', args: VALID_SUBMIT }], delayMs: 30_000 },
    ]);
    deps.tools.ready = new Promise((_, reject) => setTimeout(() => reject(new Error('npm ci exited with 1')), 50));
    const outcome = await runAgent(agent(), deps);
    expect(outcome).toMatchObject({
      status: 'failed',
      result: null,
      stop: { kind: 'workspace', message: 'the workspace could not be made: npm ci exited with 1' },
    });
    // The call was abandoned, not waited out: nothing came back to record.
    expect(ledger.toUsage('code').calls).toBe(0);
    expect(readTranscript(transcriptFile).map((e) => e.type)).toEqual(['start', 'end']);
  });

  test('a workspace that fails after the reply came runs none of its tools', async () => {
    let fail = (_error: Error) => {};
    const { deps, dir, ledger } = await setup([{ toolCalls: [{ name: 'edit_file', args: EDIT }] }]);
    deps.tools.ready = new Promise((_, reject) => {
      fail = reject;
    });
    // Failed once the reply is in (the ledger holds the call), while the loop waits to run its tools.
    const failed = until(() => ledger.toUsage('code').calls === 1).then(() => fail(new Error('checkout failed')));
    const outcome = await runAgent(agent(), deps);
    await failed;
    expect(outcome.stop).toEqual({ kind: 'workspace', message: 'the workspace could not be made: checkout failed' });
    expect(readFileSync(join(dir, 'greet.js'), 'utf8')).toContain("'Hello ' + name");
    expect(ledger.toUsage('code').calls).toBe(1);
  });

  test("the time budget is the agent's own: its clock starts once the workspace is made", async () => {
    const { deps } = await setup([
      { toolCalls: [{ name: 'read_file', args: { path: 'greet.js' } }] },
      { toolCalls: [{ name: 'submit_task', args: VALID_SUBMIT }] },
    ]);
    deps.tools.ready = new Promise((resolve) => setTimeout(resolve, 600));
    const outcome = await runAgent(agent({ timeoutMs: 300 }), deps);
    expect(outcome.status).toBe('submitted');
  });

  test('beforeTools is awaited before every turn whose tools run, not before one that only submits', async () => {
    const { deps, dir } = await setup([
      { toolCalls: [{ name: 'edit_file', args: EDIT }] },
      { toolCalls: [{ name: 'read_file', args: { path: 'greet.js' } }] },
      { toolCalls: [{ name: 'submit_task', args: VALID_SUBMIT }] },
    ]);
    const seen: string[] = [];
    deps.beforeTools = async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen.push(readFileSync(join(dir, 'greet.js'), 'utf8').includes("'Hello, '") ? 'edited' : 'not edited');
    };
    await runAgent(agent(), deps);
    expect(seen).toEqual(['not edited', 'edited']);
  });

  test('afterTools is called after every turn whose tools ran, as the next call starts', async () => {
    const { server, deps } = await setup([
      { toolCalls: [{ name: 'read_file', args: { path: 'greet.js' } }] },
      { toolCalls: [{ name: 'edit_file', args: EDIT }] },
      { toolCalls: [{ name: 'submit_task', args: VALID_SUBMIT }] },
    ]);
    const seen: { requests: number; writes: number }[] = [];
    deps.afterTools = () => seen.push({ requests: server.requests.length, writes: deps.tools.writes });
    await runAgent(agent(), deps);
    expect(seen).toEqual([
      { requests: 1, writes: 0 },
      { requests: 2, writes: 1 },
    ]);
  });
});

describe('budgets stop the loop with the reason and keep the partial work', () => {
  const reading: ScriptedReply = {
    toolCalls: [{ name: 'read_file', args: { path: 'greet.js' } }],
    usage: usage(1_000, 100),
  };
  const editThenRead: Script = (_req, i) =>
    i === 0 ? { toolCalls: [{ name: 'edit_file', args: EDIT }], usage: usage(1_000, 100) } : reading;

  test('turns', async () => {
    const { deps, dir } = await setup(editThenRead);
    const outcome = await runAgent(agent({ maxTurns: 3 }), deps);
    expect(outcome).toMatchObject({ status: 'stopped', result: null, turns: 3, stop: { kind: 'turns' } });
    expect(outcome.stop?.message).toBe('the turn budget (3 model calls) ran out');
    expect(readFileSync(join(dir, 'greet.js'), 'utf8')).toContain("'Hello, '");
  });

  test('tokens', async () => {
    const { deps } = await setup(editThenRead);
    const outcome = await runAgent(agent({ maxTokens: 2_500 }), deps);
    expect(outcome).toMatchObject({ status: 'stopped', turns: 3, stop: { kind: 'tokens' } });
    expect(outcome.stop?.message).toBe('the token budget (2500) ran out after 3300 tokens');
  });

  test('money', async () => {
    // claude-sonnet-4-5 at $3/M input and $15/M output: 1000 in + 100 out = $0.0045 a call.
    const { deps } = await setup(editThenRead, 'anthropic');
    const outcome = await runAgent(agent({ maxUsd: 0.01 }), deps);
    expect(outcome).toMatchObject({ status: 'stopped', turns: 3, stop: { kind: 'usd' } });
    expect(outcome.tokens.costUsd).toBeCloseTo(0.0135, 6);
  });

  test('wall time, also during a slow model call', async () => {
    const { deps } = await setup([{ ...reading, delayMs: 5_000 }]);
    const started = Date.now();
    const outcome = await runAgent(agent({ timeoutMs: 300 }), deps);
    expect(outcome).toMatchObject({ status: 'stopped', stop: { kind: 'time' } });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  test("the run's token budget counts every stage's calls", async () => {
    const { deps, ledger } = await setup(editThenRead);
    ledger.record({
      stage: 'plan',
      model: 'openai:gpt-5',
      inputTokens: 4_000,
      outputTokens: 500,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      durationMs: 1,
    });
    const outcome = await runAgent(agent({ run: { maxTokens: 6_000 } }), deps);
    expect(outcome).toMatchObject({ status: 'stopped', turns: 2, stop: { kind: 'run-tokens' } });
  });
});

test('replaying a recorded transcript reproduces the same tool calls, files and result without a model', async () => {
  const script: ScriptedReply[] = [
    { toolCalls: [{ name: 'read_file', args: { path: 'greet.js' } }] },
    {
      toolCalls: [
        { name: 'edit_file', args: EDIT },
        { name: 'run_command', args: { command: 'cat greet.js' } },
      ],
    },
    { toolCalls: [{ name: 'submit_task', args: VALID_SUBMIT }] },
  ];
  const first = await setup(script);
  const original = await runAgent(agent(), first.deps);
  const recorded = recordedCalls(readTranscript(first.transcriptFile));

  const copy = mkdtempSync(join(tmpdir(), 'ensemble-replay-'));
  cpSync(workspace(), copy, { recursive: true });
  const replayTranscript = join(copy, '..', `${copy.split('/').pop()}-replay.jsonl`);
  const replayed = await runAgent(agent(), {
    spec: first.deps.spec,
    model: null,
    ledger: new UsageLedger(),
    tools: createToolContext(copy, {}),
    transcript: new TranscriptWriter(replayTranscript),
    replay: recorded,
  });

  // The same outcome and conversation, but for how long the command took.
  const timeless = (outcome: typeof original) =>
    JSON.parse(JSON.stringify(outcome).replace(/\(\d+(\.\d+)? s\)/g, '(… s)')) as unknown;
  expect(timeless(replayed)).toEqual(timeless(original));
  expect(readFileSync(join(copy, 'greet.js'), 'utf8')).toBe(readFileSync(join(first.dir, 'greet.js'), 'utf8'));
  const again = recordedCalls(readTranscript(replayTranscript));
  expect(again.map((c) => c.response.toolCalls)).toEqual(recorded.map((c) => c.response.toolCalls));
  // The same results, but for how long the command took.
  const outputs = (calls: typeof recorded) =>
    calls.map((c) => c.toolResults.map((r) => r.output.replace(/\(\d+(\.\d+)? s\)/g, '(… s)')));
  expect(outputs(again)).toEqual(outputs(recorded));
});

test('secret canary: nothing a command prints back to the model contains a credential of the orchestrator', async () => {
  process.env['ANTHROPIC_API_KEY'] = 'canary-anthropic-0123456789';
  process.env['GITHUB_TOKEN'] = 'canary-github-0123456789';
  try {
    const { server, deps } = await setup([
      {
        toolCalls: [
          {
            name: 'run_command',
            args: { command: 'env; cat /proc/self/environ; cat /proc/1/environ; cat /proc/$PPID/environ; echo done' },
          },
        ],
      },
      { toolCalls: [{ name: 'submit_task', args: VALID_SUBMIT }] },
    ]);
    await runAgent(agent(), deps);
    const seen = server.requests[1]?.request?.messages.at(-1)?.toolResults[0]?.content ?? '';
    expect(seen).toContain('done');
    expect(seen).toContain('exit code 0');
    expect(seen).not.toContain('canary');
  } finally {
    delete process.env['ANTHROPIC_API_KEY'];
    delete process.env['GITHUB_TOKEN'];
  }
});

test("what a tool prints of the checkout's credentials reaches the model blanked", async () => {
  const secret = 'hunter2-checkout-password';
  const script: ScriptedReply[] = [
    { toolCalls: [{ name: 'read_file', args: { path: 'notes.txt' } }] },
    { toolCalls: [{ name: 'submit_task', args: VALID_SUBMIT }] },
  ];
  const { server, deps, dir } = await setup(script);
  // A file the agent may read that holds a credential the session knows (as a stray .env would).
  writeFileSync(join(dir, 'notes.txt'), `remote: https://me:${secret}@example.com/r.git\n`);
  const outcome = await runAgent(agent(), { ...deps, redact: (text) => text.split(secret).join('[redacted secret]') });
  expect(outcome.status).toBe('submitted');
  const second = server.requests[1]?.rawBody ?? '';
  expect(second).toContain('https://me:[redacted secret]@example.com/r.git');
  expect(second).not.toContain(secret);
});
