import type { ModelMessage, SystemModelMessage, ToolResultPart, ToolSet } from 'ai';
import type { z } from 'zod';
import { formatModelSpec, type ModelSpec } from '../contracts/model-spec.ts';
import { zodProblems } from '../contracts/read.ts';
import { findModelError } from '../model/errors.ts';
import type { UsageLedger } from '../model/ledger.ts';
import type { Model } from '../model/providers.ts';
import { errorMessage } from '../util/errors.ts';
import { assertInCatalogue, type DeclaredTool, declareTools } from './catalogue.ts';
import type { SubmitTool } from './submit.ts';
import { runTool, type Tool, type ToolContext, type ToolResult, toolResultText } from './tools/index.ts';
import { type RecordedToolCall, type TranscriptCall, type TranscriptWriter, truncateMiddle } from './transcript.ts';

/** Limits of one agent run; a limit that runs out ends the run cleanly with what it has. */
export interface AgentBudget {
  /** Model calls. */
  maxTurns: number;
  /** Input plus output tokens of this agent. */
  maxTokens?: number | null;
  /** Cost of this agent in USD (enforced only where prices are known). */
  maxUsd?: number | null;
  /** Wall time of this agent, tool calls included. */
  timeoutMs?: number | null;
  /** Limits of the whole run, checked against every call the ledger holds. */
  run?: { maxTokens?: number | null; maxUsd?: number | null };
}

export type StopKind =
  | 'turns'
  | 'tokens'
  | 'usd'
  | 'time'
  | 'run-tokens'
  | 'run-usd'
  | 'invalid-submits'
  | 'model-error'
  | 'workspace';

export interface AgentSpec<Result> {
  /** Ledger stage: plan, code, test, review, docs. */
  stage: string;
  /** Names this agent in transcripts and messages, e.g. `code:api-endpoint`. */
  agent: string;
  /** The role: who the agent is and how it works. */
  instructions: string;
  /** The cache-stable context shared by every agent of the run (repository overview, instruction files). */
  context: string;
  /**
   * What the run's agents share after the context, in the same bytes for each of them: the request,
   * then (once planned) the plan, then (when the agent works on it) the change. Sent before the role,
   * so that a provider's prefix cache serves it to every later agent (`prompt-parts.ts` builds them).
   */
  shared?: readonly string[];
  /** The stage's request, with any untrusted text already in delimited blocks. */
  task: string;
  tools: readonly Tool[];
  /**
   * The tools the model is shown: every agent of a run is shown the same list (`catalogue.ts`), of
   * which it may call only `tools` and its submit tools. Default: the agent's own tools.
   */
  catalogue?: readonly DeclaredTool[];
  /**
   * The tool that ends the run with its result; several when the agent may end in more than one
   * way (a plan, or questions instead), each giving the same result type.
   */
  submit: SubmitTool<z.ZodType<Result>> | readonly SubmitTool<z.ZodType<Result>>[];
  /**
   * The conversation of an earlier run of this agent that this one continues (a planner resumed
   * with answers to its questions): the model starts from it, then gets `task` as the next message.
   */
  resume?: readonly ModelMessage[];
  budget: AgentBudget;
  /** Invalid submissions tolerated before the agent fails with the last errors. Default 3. */
  maxInvalidSubmits?: number;
  /** Output tokens per call. Default 8192. */
  maxOutputTokens?: number;
}

export interface AgentDeps {
  spec: ModelSpec;
  /** The model; null when `replay` drives the loop. */
  model: Model | null;
  ledger: UsageLedger;
  tools: ToolContext;
  transcript?: TranscriptWriter | undefined;
  /** Recorded calls of a previous run: the loop takes each response from here instead of a model. */
  replay?: readonly TranscriptCall[] | undefined;
  now?: () => number;
  log?: (message: string) => void;
  /** Blanks what the agent must not be shown (credentials of the checkout) in every tool result. */
  redact?: (text: string) => string;
  /**
   * Called after a turn's tools ran, as the next model call starts: work the stage does there (a
   * diff of what the tools wrote) is hidden by the call's latency.
   */
  afterTools?: () => void;
  /**
   * Awaited before a turn's tools run (not before a turn that only submits): work begun in
   * `afterTools` that must not overlap them ends here.
   */
  beforeTools?: () => Promise<void>;
}

export interface AgentOutcome<Result> {
  status: 'submitted' | 'stopped' | 'failed';
  /** The valid submission, when there was one. */
  result: Result | null;
  stop: { kind: StopKind; message: string } | null;
  turns: number;
  /** The model's last words, for a report when it did not submit. */
  lastText: string;
  tokens: { input: number; output: number; costUsd: number | null };
  /** The whole conversation after the instructions, the last tool results included: what a resume starts from. */
  conversation: ModelMessage[];
}

interface StepResponse {
  text: string;
  toolCalls: (RecordedToolCall & { error?: string })[];
  finishReason: string;
  usage: { inputTokens: number; outputTokens: number; cacheReadTokens: number; cacheWriteTokens: number };
  /** What the conversation gets: the assistant message and any results the SDK already gave. */
  messages: ModelMessage[];
}

const NUDGE = (submit: string) =>
  `You replied without calling a tool. Continue with the tools, and finish by calling ${submit} with your result.`;

/** The agent's submit tools, in the order the spec gives them. */
function submitTools<Result>(spec: AgentSpec<Result>): readonly SubmitTool<z.ZodType<Result>>[] {
  return Array.isArray(spec.submit) ? spec.submit : [spec.submit as SubmitTool<z.ZodType<Result>>];
}

/**
 * Runs one agent: a tool loop over the model that ends when the submit tool receives a valid
 * result or a budget runs out. Every call is recorded in the transcript as it happens. Tool
 * failures and invalid submissions go back to the model as tool results; only model errors
 * (authentication, spend limit, exhausted retries) and a workspace that could not be made
 * (`ToolContext.ready`) end the run as failed.
 */
export async function runAgent<Result>(spec: AgentSpec<Result>, deps: AgentDeps): Promise<AgentOutcome<Result>> {
  const now = deps.now ?? Date.now;
  const abort = new AbortController();
  // The time budget is the agent's own work: its clock starts once its workspace is made.
  let deadline: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let finished = false;
  const startClock = () => {
    const limit = spec.budget.timeoutMs;
    if (!limit || finished) return;
    deadline = now() + limit;
    timer = setTimeout(() => abort.abort(new Error('time budget exhausted')), limit);
    timer.unref?.();
  };
  // The workspace may still be in the making (`ToolContext.ready`): no tool runs before it is
  // made, and its failure ends the agent, cutting short a model call in flight (which the ledger
  // then does not hold: no usage came back, though a provider may bill what it read).
  const { ready } = deps.tools;
  let unmade: string | null = null;
  const workspaceUnmade = (error: unknown) => {
    unmade = `the workspace could not be made: ${errorMessage(error)}`;
    abort.abort(new Error(unmade));
  };
  if (ready) ready.then(startClock, workspaceUnmade);
  else startClock();
  const previousAbort = deps.tools.command.abortSignal;
  deps.tools.command.abortSignal = previousAbort ? AbortSignal.any([previousAbort, abort.signal]) : abort.signal;

  const modelName = formatModelSpec(deps.spec);
  const submits = submitTools(spec);
  const submitNames = submits.map((s) => s.name).join(' or ');
  const toolNames = [...spec.tools.map((t) => t.name), ...submits.map((s) => s.name)];
  deps.transcript?.write({
    type: 'start',
    agent: spec.agent,
    stage: spec.stage,
    model: deps.replay ? `replay of ${modelName}` : modelName,
    tools: toolNames,
    at: new Date(now()).toISOString(),
  });

  // An agent given no catalogue is shown its own tools, which need no check against themselves.
  const catalogue = spec.catalogue ?? declareTools(spec.tools, submits);
  if (spec.catalogue) assertInCatalogue(spec.tools, submits, spec.catalogue);
  // No `execute` and no validation in the SDK: the loop runs the tools and returns schema errors to
  // the model itself, the same way for every provider. The SDK loads with the first agent, not with
  // the job (a job downloads its artifacts first).
  const { jsonSchema, tool: sdkTool } = await import('ai');
  const sdkTools: ToolSet = Object.fromEntries(
    catalogue.map((t) => [
      t.name,
      sdkTool({ description: t.description, inputSchema: jsonSchema(t.inputSchema as never) }),
    ]),
  );
  const instructions = systemMessages(spec, toolNames, catalogue);
  const messages: ModelMessage[] = [...(spec.resume ?? []), { role: 'user', content: spec.task }];

  let turns = 0;
  let invalidSubmits = 0;
  let lastText = '';
  const spent = { input: 0, output: 0, costUsd: 0 as number | null };
  type Ending = Omit<AgentOutcome<Result>, 'turns' | 'lastText' | 'tokens' | 'conversation'>;
  const finish = (outcome: Ending): AgentOutcome<Result> => {
    finished = true;
    if (timer) clearTimeout(timer);
    deps.tools.command.abortSignal = previousAbort;
    deps.transcript?.write({
      type: 'end',
      agent: spec.agent,
      status: outcome.status,
      stopReason: outcome.stop ? `${outcome.stop.kind}: ${outcome.stop.message}` : null,
      turns,
      at: new Date(now()).toISOString(),
    });
    return { ...outcome, turns, lastText, tokens: { ...spent }, conversation: [...messages] };
  };
  const stopped = (kind: StopKind, message: string) =>
    finish({ status: 'stopped', result: null, stop: { kind, message } });

  const workspaceFailed = (message: string) =>
    finish({ status: 'failed', result: null, stop: { kind: 'workspace', message } });

  const instructionChars = instructions.reduce((n, m) => n + m.content.length, 0);
  for (;;) {
    const exhausted = budgetExhausted(spec.budget, { turns, spent, deadline, now: now(), ledger: deps.ledger });
    if (exhausted) return stopped(exhausted.kind, exhausted.message);

    // What this call sends, summarised for the transcript (4 characters a token, as a rough guide).
    const request = {
      messages: messages.length,
      tools: toolNames,
      tokenEstimate: Math.ceil((instructionChars + JSON.stringify(messages).length) / 4),
    };
    const callStarted = now();
    let response: StepResponse;
    try {
      response = deps.replay
        ? replayStep(deps.replay, turns, spec.agent)
        : await callModel(deps.model, deps.spec, instructions, messages, sdkTools, spec, abort.signal);
    } catch (error) {
      if (unmade !== null) return workspaceFailed(unmade);
      if (abort.signal.aborted)
        return stopped(
          'time',
          `the agent's time budget (${Math.round((spec.budget.timeoutMs ?? 0) / 1000)} s) ran out during a model call`,
        );
      const modelError = findModelError(error);
      const message = modelError?.message ?? errorMessage(error);
      return finish({ status: 'failed', result: null, stop: { kind: 'model-error', message } });
    }
    const durationMs = now() - callStarted;
    turns++;
    const record = deps.ledger.record({
      stage: spec.stage,
      agent: spec.agent,
      model: deps.spec,
      durationMs,
      ...response.usage,
    });
    spent.input += record.inputTokens;
    spent.output += record.outputTokens;
    spent.costUsd = spent.costUsd === null || record.costUsd === null ? null : spent.costUsd + record.costUsd;
    if (response.text.trim()) lastText = response.text;

    messages.push(...response.messages);
    if (ready && response.toolCalls.length > 0) {
      // Settled means `workspaceUnmade` ran on a failure: it was registered first.
      await ready.catch(() => {});
      if (unmade !== null) {
        recordCall(deps, spec.agent, turns, request, response, [], durationMs, now());
        return workspaceFailed(unmade);
      }
    }
    if (response.toolCalls.some((call) => !submits.some((s) => s.name === call.name))) await deps.beforeTools?.();
    const results: AnsweredCall[] = [];
    // Failure is the result's flag; its text is what the model is shown.
    const redact = deps.redact ?? ((text: string) => text);
    const answer = (call: { id: string; name: string }, result: ToolResult) =>
      results.push({ id: call.id, name: call.name, output: redact(toolResultText(result)), isError: !result.ok });
    let submitted: Result | null = null;
    for (const call of response.toolCalls) {
      if (submitted !== null) {
        results.push({
          id: call.id,
          name: call.name,
          output: 'Not run: the result was already submitted.',
          isError: true,
        });
      } else if (call.error !== undefined) {
        answer(call, { ok: false, error: call.error });
      } else if (submits.some((s) => s.name === call.name)) {
        const submit = submits.find((s) => s.name === call.name) as SubmitTool<z.ZodType<Result>>;
        const problems = await checkSubmission(submit, call.input);
        if (problems.ok) {
          submitted = problems.value;
          answer(call, { ok: true, text: 'Submitted.' });
        } else {
          invalidSubmits++;
          const errors = problems.errors.map((e) => `- ${e}`).join('\n');
          answer(call, {
            ok: false,
            error: `the submission is not valid; fix these and call ${submit.name} again:\n${errors}`,
          });
          if (invalidSubmits >= (spec.maxInvalidSubmits ?? 3)) {
            recordCall(deps, spec.agent, turns, request, response, results, durationMs, now());
            return finish({
              status: 'failed',
              result: null,
              stop: {
                kind: 'invalid-submits',
                message: `${invalidSubmits} invalid submissions; the last errors:\n${problems.errors.join('\n')}`,
              },
            });
          }
        }
      } else if (!toolNames.includes(call.name) && catalogue.some((t) => t.name === call.name)) {
        answer(call, { ok: false, error: notYours(call.name, spec.agent, toolNames) });
      } else {
        answer(call, await runTool(spec.tools, call.name, call.input, deps.tools));
      }
    }
    recordCall(deps, spec.agent, turns, request, response, results, durationMs, now());
    if (submitted !== null) {
      // The conversation a resume continues ends with every call answered, as providers require.
      appendToolResults(messages, results);
      return finish({ status: 'submitted', result: submitted, stop: null });
    }

    if (response.toolCalls.length === 0) {
      messages.push({ role: 'user', content: NUDGE(submitNames) });
      continue;
    }
    appendToolResults(messages, results);
    deps.afterTools?.();
  }
}

const CACHE_HERE = { anthropic: { cacheControl: { type: 'ephemeral' } } } as const;

/**
 * The system part of every call, most shared first, so that providers' prefix caches serve it:
 * the repository context and the run's shared blocks (the same for every agent of the run), then
 * the role (the same for agents of one role, on every turn). Anthropic caches up to a breakpoint:
 * one at the end of the shared part (an earlier agent's entry at a shorter shared part is found by
 * the provider's look-back), one at the end of the role; the moving one on the newest message is
 * the third (`withMovingCacheBreakpoint`), within the limit of four. Nothing in these changes from
 * call to call.
 */
function systemMessages(
  spec: Pick<AgentSpec<unknown>, 'context' | 'shared' | 'instructions'>,
  toolNames: readonly string[],
  catalogue: readonly DeclaredTool[],
): SystemModelMessage[] {
  const shared = [spec.context, ...(spec.shared ?? [])].filter((text) => text.trim() !== '');
  const others = catalogue.filter((t) => !toolNames.includes(t.name)).map((t) => t.name);
  const tools =
    others.length > 0
      ? `\n\nYour tools: ${toolNames.join(', ')}. The other tools defined (${others.join(', ')}) belong to other ` +
        'agents of the run; calling one is refused.'
      : '';
  return [
    ...shared.map(
      (content, i): SystemModelMessage => ({
        role: 'system',
        content,
        ...(i === shared.length - 1 ? { providerOptions: CACHE_HERE } : {}),
      }),
    ),
    { role: 'system', content: `${spec.instructions}${tools}`, providerOptions: CACHE_HERE },
  ];
}

function notYours(name: string, agent: string, toolNames: readonly string[]): string {
  return `${name} is not one of this agent's tools (${agent} has ${toolNames.join(', ')}); use those.`;
}

function budgetExhausted(
  budget: AgentBudget,
  state: {
    turns: number;
    spent: { input: number; output: number; costUsd: number | null };
    deadline: number | null;
    now: number;
    ledger: UsageLedger;
  },
): { kind: StopKind; message: string } | null {
  if (state.turns >= budget.maxTurns)
    return { kind: 'turns', message: `the turn budget (${budget.maxTurns} model calls) ran out` };
  const tokens = state.spent.input + state.spent.output;
  if (budget.maxTokens && tokens >= budget.maxTokens)
    return { kind: 'tokens', message: `the token budget (${budget.maxTokens}) ran out after ${tokens} tokens` };
  if (budget.maxUsd && state.spent.costUsd !== null && state.spent.costUsd >= budget.maxUsd) {
    return {
      kind: 'usd',
      message: `the cost budget ($${budget.maxUsd}) ran out after $${state.spent.costUsd.toFixed(4)}`,
    };
  }
  if (state.deadline !== null && state.now >= state.deadline)
    return { kind: 'time', message: 'the time budget ran out' };
  if (budget.run?.maxTokens || budget.run?.maxUsd) {
    const run = state.ledger.runTotals();
    const runTokens = run.inputTokens + run.outputTokens;
    if (budget.run.maxTokens && runTokens >= budget.run.maxTokens) {
      return {
        kind: 'run-tokens',
        message: `the run's token budget (${budget.run.maxTokens}) ran out after ${runTokens} tokens`,
      };
    }
    if (budget.run.maxUsd && run.costUsd !== null && run.costUsd >= budget.run.maxUsd) {
      return {
        kind: 'run-usd',
        message: `the run's cost budget ($${budget.run.maxUsd}) ran out after $${run.costUsd.toFixed(4)}`,
      };
    }
  }
  return null;
}

async function checkSubmission<Result>(
  submit: SubmitTool<z.ZodType<Result>>,
  input: unknown,
): Promise<{ ok: true; value: Result } | { ok: false; errors: string[] }> {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { ok: false, errors: ['the input is not valid JSON'] };
    }
  }
  const parsed = submit.schema.safeParse(value);
  if (!parsed.success) return { ok: false, errors: zodProblems(parsed.error).map((p) => `${p.path}: ${p.message}`) };
  const extra = (await submit.check?.(parsed.data)) ?? [];
  return extra.length > 0 ? { ok: false, errors: extra } : { ok: true, value: parsed.data };
}

async function callModel(
  model: Model | null,
  spec: ModelSpec,
  instructions: SystemModelMessage[],
  messages: ModelMessage[],
  tools: ToolSet,
  agent: AgentSpec<unknown>,
  signal: AbortSignal,
): Promise<StepResponse> {
  if (!model) throw new Error('no model and no recorded transcript to replay');
  const { generateText } = await import('ai');
  const result = await generateText({
    model,
    instructions,
    messages: spec.provider === 'anthropic' ? withMovingCacheBreakpoint(messages) : messages,
    tools,
    maxRetries: 0,
    maxOutputTokens: agent.maxOutputTokens ?? 8_192,
    abortSignal: signal,
  });
  const errors = new Map<string, string>();
  for (const part of result.content) if (part.type === 'tool-error') errors.set(part.toolCallId, String(part.error));
  const toolCalls: StepResponse['toolCalls'] = [];
  for (const part of result.content) {
    if (part.type !== 'tool-call') continue;
    const invalid = part.error === undefined ? 'invalid tool call' : errorMessage(part.error);
    const error = errors.get(part.toolCallId) ?? (part.invalid ? invalid : undefined);
    toolCalls.push({
      id: part.toolCallId,
      name: part.toolName,
      input: part.input,
      ...(error !== undefined ? { error } : {}),
    });
  }
  const usage = result.usage;
  const details = usage?.inputTokenDetails;
  return {
    text: result.text,
    toolCalls,
    finishReason: result.finishReason,
    usage: {
      inputTokens: usage?.inputTokens ?? 0,
      outputTokens: usage?.outputTokens ?? 0,
      cacheReadTokens: details?.cacheReadTokens ?? 0,
      cacheWriteTokens: details?.cacheWriteTokens ?? 0,
    },
    // The SDK already answers calls it could not parse; keep only the assistant turn and merge those answers into ours.
    messages: result.response.messages as ModelMessage[],
  };
}

/**
 * Anthropic caches up to a breakpoint: moving one to the newest message each turn lets the next
 * call read the whole conversation so far from the cache instead of paying for it again.
 */
function withMovingCacheBreakpoint(messages: ModelMessage[]): ModelMessage[] {
  const last = messages.at(-1);
  if (!last) return messages;
  const marked = {
    ...last,
    providerOptions: { ...last.providerOptions, anthropic: { cacheControl: { type: 'ephemeral' } } },
  } as ModelMessage;
  return [...messages.slice(0, -1), marked];
}

function replayStep(calls: readonly TranscriptCall[], turn: number, agent: string): StepResponse {
  const call = calls[turn];
  if (!call)
    throw new Error(
      `the recorded transcript of ${agent} has ${calls.length} model calls; the replay needed call ${turn + 1}`,
    );
  const toolCalls = call.response.toolCalls;
  const content: ModelMessage[] = [
    {
      role: 'assistant',
      content: [
        ...(call.response.text ? [{ type: 'text' as const, text: call.response.text }] : []),
        ...toolCalls.map((c) => ({ type: 'tool-call' as const, toolCallId: c.id, toolName: c.name, input: c.input })),
      ],
    },
  ];
  return {
    text: call.response.text,
    toolCalls,
    finishReason: call.response.finishReason,
    usage: call.usage,
    messages: content,
  };
}

/** A tool call's answer as the model gets it: the text, and whether it is an error result. */
interface AnsweredCall {
  id: string;
  name: string;
  output: string;
  isError: boolean;
}

function appendToolResults(messages: ModelMessage[], results: AnsweredCall[]): void {
  const last = messages.at(-1);
  const existing = last?.role === 'tool' ? last : null;
  const answered = new Set(
    existing ? existing.content.filter((p) => p.type === 'tool-result').map((p) => p.toolCallId) : [],
  );
  const parts: ToolResultPart[] = results
    .filter((r) => !answered.has(r.id))
    .map((r) => ({
      type: 'tool-result',
      toolCallId: r.id,
      toolName: r.name,
      output: { type: r.isError ? 'error-text' : 'text', value: r.output },
    }));
  if (existing) existing.content.push(...parts);
  else messages.push({ role: 'tool', content: parts });
}

function recordCall(
  deps: AgentDeps,
  agent: string,
  step: number,
  request: TranscriptCall['request'],
  response: StepResponse,
  results: { id: string; name: string; output: string }[],
  durationMs: number,
  at: number,
): void {
  if (!deps.transcript) return;
  deps.transcript.write({
    type: 'call',
    agent,
    step: step - 1,
    at: new Date(at).toISOString(),
    request,
    response: {
      text: response.text,
      toolCalls: response.toolCalls.map(({ id, name, input }) => ({ id, name, input })),
      finishReason: response.finishReason,
    },
    toolResults: results.map((r) => {
      const { text, truncated } = truncateMiddle(r.output);
      return { id: r.id, name: r.name, output: text, truncated };
    }),
    usage: response.usage,
    durationMs,
  });
}
