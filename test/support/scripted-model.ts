/**
 * Scripted model server: a loopback HTTP server that speaks the two wire formats ensemble's
 * providers use, driven by a script instead of a model.
 *
 * - OpenAI Chat Completions, `POST /v1/chat/completions` (providers `openai` and `openai-compatible`):
 *   `tools`, `tool_calls`, `finish_reason`, `usage` with `prompt_tokens_details.cached_tokens`;
 *   JSON or SSE (`stream: true`, final usage chunk when `stream_options.include_usage`).
 * - Anthropic Messages, `POST /v1/messages`: `tool_use` blocks, `stop_reason`, `usage` with
 *   `cache_read_input_tokens` / `cache_creation_input_tokens`; JSON or SSE events.
 *
 * Requests are checked the way the real APIs check them (required fields, roles, tool-call/result
 * pairing, tool definitions, `cache_control` limits, the `anthropic-version` header, the key when
 * `apiKey` is set) and rejected with a 400/401 in the provider's error format, so a client that builds
 * a wrong request fails its test instead of passing against a lenient fake. Such rejections are also
 * listed in `problems`, which a test can assert empty.
 *
 * The script is a list of replies, consumed one per valid request (retries included), or a function
 * of the normalised request. A reply is neutral (text, tool calls, usage) and rendered into whichever
 * format was called; a reply can instead inject a fault.
 *
 * It never stands in for a real model outside tests and the demo (docs/design.md §7).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type CacheUsage, isRecord, PromptCache } from './prompt-cache.ts';

export type WireFormat = 'openai' | 'anthropic';

/** The wire format of each endpoint the server answers. */
const ENDPOINT_FORMAT = new Map<string, WireFormat>([
  ['/v1/chat/completions', 'openai'],
  ['/v1/messages', 'anthropic'],
]);

export interface ScriptedToolCall {
  name: string;
  /** Tool input; rendered as JSON (`function.arguments` for OpenAI, `input` for Anthropic). */
  args?: unknown;
  /** OpenAI only: the exact `function.arguments` string, e.g. truncated JSON. */
  rawArgs?: string;
  /** Defaults to `call_<n>` (OpenAI) / `toolu_<n>` (Anthropic). */
  id?: string;
}

/**
 * Token counts of the reply. `inputTokens` is the whole prompt, cached parts included (as the ledger
 * counts it): rendered as OpenAI `prompt_tokens`, and as Anthropic
 * `input_tokens = inputTokens - cacheReadTokens - cacheWriteTokens`. Omitted counts are estimated
 * from the request and reply sizes (4 characters per token).
 */
export interface ScriptedUsage {
  inputTokens?: number;
  outputTokens?: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
}

export type ScriptedFault =
  /** 429 in the provider's format, with `retry-after` (seconds or an HTTP date) and/or `retry-after-ms`. */
  | { kind: 'rate-limit'; retryAfter?: number | string; retryAfterMs?: number }
  /** 500 by default; 502, 503, 529 (Anthropic overloaded) … */
  | { kind: 'server-error'; status?: number }
  /** Destroys the socket: before any response, or after `afterBytes` bytes of the normal reply. */
  | { kind: 'drop'; afterBytes?: number }
  /** 200 with a JSON content type and a truncated body. */
  | { kind: 'malformed-json' }
  /** 401 with the provider's invalid-key error. */
  | { kind: 'auth' }
  /** OpenAI 429 `insufficient_quota`; Anthropic 400 "credit balance is too low". */
  | { kind: 'spend-limit' }
  /** A tool call to a tool the request did not define. */
  | { kind: 'unknown-tool'; name?: string; args?: unknown }
  /** A tool call whose input does not match the tool's schema (`rawArgs`: OpenAI raw argument text). */
  | { kind: 'invalid-tool-args'; tool?: string; args?: unknown; rawArgs?: string }
  /** Any status and body, verbatim. */
  | { kind: 'http'; status: number; body?: unknown; headers?: Record<string, string> };

export interface ScriptedReply {
  text?: string;
  toolCalls?: ScriptedToolCall[];
  usage?: ScriptedUsage;
  /** Default: `tool-calls` when there are tool calls, else `stop`. */
  finish?: 'stop' | 'tool-calls' | 'length';
  /** Wait before answering (a slow model; with a client timeout, a hung one). */
  delayMs?: number;
  fault?: ScriptedFault;
}

export interface NormalToolCall {
  id: string;
  name: string;
  /** Parsed arguments; the raw string when OpenAI arguments are not JSON. */
  args: unknown;
}

export interface NormalToolResult {
  id: string;
  /** The result's text (text parts joined). */
  content: string;
  isError: boolean;
}

export interface NormalMessage {
  role: 'user' | 'assistant' | 'tool';
  text: string;
  toolCalls: NormalToolCall[];
  toolResults: NormalToolResult[];
}

export interface NormalTool {
  name: string;
  description: string | undefined;
  /** JSON Schema of the input. */
  parameters: unknown;
}

/** A request in neutral form, whichever format carried it. */
export interface ScriptedRequest {
  format: WireFormat;
  model: string;
  stream: boolean;
  /** System / developer instructions, joined with blank lines. */
  system: string;
  /** The conversation without the system part; consecutive OpenAI `tool` messages are merged into one. */
  messages: NormalMessage[];
  tools: NormalTool[];
  maxTokens: number | undefined;
  /** The parsed JSON body, as sent. */
  body: Record<string, unknown>;
}

export type Script =
  | ScriptedReply[]
  | ((request: ScriptedRequest, index: number) => ScriptedReply | Promise<ScriptedReply>);

export interface RecordedRequest {
  /** Arrival order, from 0. */
  index: number;
  format: WireFormat | undefined;
  method: string;
  path: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  rawBody: string;
  /** Parsed JSON, when the body was JSON. */
  body: unknown;
  /** Set when the request passed validation. */
  request: ScriptedRequest | undefined;
  /** Index of the script entry that answered, when one did. */
  replyIndex: number | undefined;
  /** HTTP status sent, or `dropped`; undefined while in flight. */
  status: number | 'dropped' | undefined;
  /** Why the server rejected the request, when it did. */
  error: string | undefined;
}

export interface ScriptedModelOptions {
  /**
   * When set, requests must carry this key (`Authorization: Bearer` for OpenAI; `x-api-key` or
   * Bearer for Anthropic).
   */
  apiKey?: string;
  /**
   * Account for prompt caching as the providers do (`prompt-cache.ts`): a reply whose usage does not
   * give `inputTokens` reports the prompt's size and what of it was read from or written to the cache.
   */
  promptCache?: boolean;
}

export interface ScriptedModelServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `<url>/v1`: the base URL for `openai` and `openai-compatible`. */
  baseUrlOpenAI: string;
  /** `<url>/v1`: the base URL for `anthropic` (the provider appends `/messages`). */
  baseUrlAnthropic: string;
  /** Every request received, in order, faulted and rejected ones included. */
  requests: RecordedRequest[];
  /** Requests the server rejected (validation, exhausted script, unknown path), as messages. */
  problems: string[];
  /** Script entries not used yet (list scripts; 0 for a function script). */
  remaining(): number;
  close(): Promise<void>;
}

export async function startScriptedModel(
  script: Script,
  options: ScriptedModelOptions = {},
): Promise<ScriptedModelServer> {
  const requests: RecordedRequest[] = [];
  const problems: string[] = [];
  const sockets = new Set<Socket>();
  let replyCount = 0;
  let idCounter = 0;
  const nextId = (prefix: string) => `${prefix}${(++idCounter).toString().padStart(4, '0')}`;
  const promptCache = options.promptCache ? new PromptCache() : null;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      problems.push(`scripted model crashed: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'scripted model crashed', type: 'server_error' } }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const format = ENDPOINT_FORMAT.get(path);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const record: RecordedRequest = {
      index: requests.length,
      format,
      method: req.method ?? '',
      path,
      headers,
      rawBody,
      body: undefined,
      request: undefined,
      replyIndex: undefined,
      status: undefined,
      error: undefined,
    };
    requests.push(record);
    const send = (status: number, body: unknown, extraHeaders: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...extraHeaders });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const reject = (
      status: number,
      message: string,
      kind = status === 401 ? 'authentication_error' : 'invalid_request_error',
    ) => {
      record.error = message;
      problems.push(`${req.method} ${path}: ${message}`);
      send(status, format === 'anthropic' ? anthropicError(kind, message) : openaiError(message, kind));
    };

    if (!format)
      return reject(
        404,
        `unknown path ${path}: the scripted model serves POST /v1/chat/completions and POST /v1/messages`,
        'not_found_error',
      );
    if (req.method !== 'POST') return reject(405, `${req.method} is not allowed on ${path}: use POST`);

    const authProblem = checkAuth(format, headers, options.apiKey);
    if (authProblem) return reject(401, authProblem);
    if (format === 'anthropic' && !headers['anthropic-version'])
      return reject(400, 'anthropic-version: header is required');
    if (!(headers['content-type'] ?? '').includes('application/json'))
      return reject(400, 'content-type must be application/json');

    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      return reject(400, 'the request body is not valid JSON');
    }
    record.body = body;
    if (!isRecord(body)) return reject(400, 'the request body must be a JSON object');
    const invalid = format === 'openai' ? validateOpenAI(body) : validateAnthropic(body);
    if (invalid) return reject(400, invalid);
    const request = format === 'openai' ? normaliseOpenAI(body) : normaliseAnthropic(body);
    record.request = request;
    // Accounted on arrival, readable by later requests once this one's response begins.
    const cacheAccount = promptCache?.account(format, body);

    const replyIndex = replyCount;
    let reply: ScriptedReply | undefined;
    if (typeof script === 'function') {
      try {
        reply = await script(request, replyIndex);
      } catch (error) {
        return reject(400, `the script function threw: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else {
      reply = script[replyIndex];
      if (!reply)
        return reject(
          400,
          `scripted model: the script is exhausted (${script.length} replies) at request #${record.index}`,
        );
    }
    replyCount++;
    record.replyIndex = replyIndex;

    const delayMs = reply.delayMs;
    if (delayMs) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (res.destroyed || req.socket.destroyed) {
        record.status = 'dropped';
        return;
      }
    }
    const fault = reply.fault;
    if (fault) {
      switch (fault.kind) {
        case 'rate-limit': {
          const h: Record<string, string> = {};
          if (fault.retryAfter !== undefined) h['retry-after'] = String(fault.retryAfter);
          if (fault.retryAfterMs !== undefined) h['retry-after-ms'] = String(fault.retryAfterMs);
          return send(
            429,
            format === 'anthropic'
              ? anthropicError(
                  'rate_limit_error',
                  'This request would exceed the rate limit for your organization. Please try again later.',
                )
              : openaiError(
                  'Rate limit reached for requests. Please try again later.',
                  'requests',
                  'rate_limit_exceeded',
                ),
            h,
          );
        }
        case 'server-error': {
          const status = fault.status ?? 500;
          return send(
            status,
            format === 'anthropic'
              ? anthropicError(
                  status === 529 ? 'overloaded_error' : 'api_error',
                  status === 529 ? 'Overloaded' : 'Internal server error',
                )
              : openaiError('The server had an error while processing your request. Sorry about that!', 'server_error'),
          );
        }
        case 'drop':
          if (fault.afterBytes === undefined) {
            record.status = 'dropped';
            req.socket.destroy();
            return;
          }
          break; // rendered below, then cut
        case 'malformed-json':
          return send(200, '{"id": "truncated", "choices": [{"index": 0, "message": {"role": "assist');
        case 'auth':
          return send(
            401,
            format === 'anthropic'
              ? anthropicError('authentication_error', 'invalid x-api-key')
              : openaiError(
                  'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
                  'invalid_request_error',
                  'invalid_api_key',
                ),
          );
        case 'spend-limit':
          return format === 'anthropic'
            ? send(
                400,
                anthropicError(
                  'invalid_request_error',
                  'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
                ),
              )
            : send(
                429,
                openaiError(
                  'You exceeded your current quota, please check your plan and billing details.',
                  'insufficient_quota',
                  'insufficient_quota',
                ),
              );
        case 'unknown-tool':
          reply = { ...reply, toolCalls: [{ name: fault.name ?? 'no_such_tool', args: fault.args ?? {} }] };
          break;
        case 'invalid-tool-args': {
          const name = fault.tool ?? request.tools[0]?.name ?? 'no_tools_defined';
          reply = {
            ...reply,
            toolCalls: [
              {
                name,
                args: fault.args ?? { unexpected: true },
                ...(fault.rawArgs !== undefined && { rawArgs: fault.rawArgs }),
              },
            ],
          };
          break;
        }
        case 'http':
          return send(fault.status, fault.body ?? '', fault.headers);
      }
    }

    const rendered = render(format, request, reply, rawBody, nextId, cacheAccount?.usage);
    cacheAccount?.commit();
    record.status = 200;
    if (fault?.kind === 'drop' && fault.afterBytes !== undefined) {
      res.writeHead(200, { 'content-type': rendered.contentType });
      res.write(rendered.body.slice(0, fault.afterBytes));
      record.status = 'dropped';
      // Let the partial body reach the client, then cut the connection.
      setTimeout(() => req.socket.destroy(), 20);
      return;
    }
    res.writeHead(200, { 'content-type': rendered.contentType, 'cache-control': 'no-cache' });
    res.end(rendered.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    baseUrlOpenAI: `${url}/v1`,
    baseUrlAnthropic: `${url}/v1`,
    requests,
    problems,
    remaining: () => (typeof script === 'function' ? 0 : Math.max(0, script.length - replyCount)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering

interface Rendered {
  contentType: string;
  body: string;
}

function render(
  format: WireFormat,
  request: ScriptedRequest,
  reply: ScriptedReply,
  rawBody: string,
  nextId: (prefix: string) => string,
  cached?: CacheUsage,
): Rendered {
  const toolCalls = (reply.toolCalls ?? []).map((call) => ({
    id: call.id ?? nextId(format === 'openai' ? 'call_' : 'toolu_'),
    name: call.name,
    args: call.args ?? {},
    rawArgs: call.rawArgs,
  }));
  const text = reply.text ?? '';
  const finish = reply.finish ?? (toolCalls.length > 0 ? 'tool-calls' : 'stop');
  const outputChars =
    text.length + toolCalls.reduce((n, c) => n + (c.rawArgs ?? JSON.stringify(c.args)).length + c.name.length, 0);
  // The cache's accounting stands unless the reply gives the prompt's size itself.
  const accounted = reply.usage?.inputTokens === undefined ? cached : undefined;
  const usage = {
    inputTokens: reply.usage?.inputTokens ?? accounted?.inputTokens ?? Math.ceil(rawBody.length / 4),
    outputTokens: reply.usage?.outputTokens ?? Math.max(1, Math.ceil(outputChars / 4)),
    cacheReadTokens: reply.usage?.cacheReadTokens ?? accounted?.cacheReadTokens ?? 0,
    cacheWriteTokens: reply.usage?.cacheWriteTokens ?? accounted?.cacheWriteTokens ?? 0,
  };
  if (usage.cacheReadTokens + usage.cacheWriteTokens > usage.inputTokens) {
    throw new Error(`scripted usage: cacheReadTokens + cacheWriteTokens exceed inputTokens (${JSON.stringify(usage)})`);
  }
  const common = { text, toolCalls, finish, usage };
  if (format === 'openai')
    return request.stream ? openaiStream(request, common, nextId) : openaiJson(request, common, nextId);
  return request.stream ? anthropicStream(request, common, nextId) : anthropicJson(request, common, nextId);
}

interface Common {
  text: string;
  toolCalls: { id: string; name: string; args: unknown; rawArgs: string | undefined }[];
  finish: 'stop' | 'tool-calls' | 'length';
  usage: Required<ScriptedUsage>;
}

const OPENAI_FINISH = { stop: 'stop', 'tool-calls': 'tool_calls', length: 'length' } as const;
const ANTHROPIC_STOP = { stop: 'end_turn', 'tool-calls': 'tool_use', length: 'max_tokens' } as const;

function openaiUsage(u: Required<ScriptedUsage>) {
  return {
    prompt_tokens: u.inputTokens,
    completion_tokens: u.outputTokens,
    total_tokens: u.inputTokens + u.outputTokens,
    prompt_tokens_details: {
      cached_tokens: u.cacheReadTokens,
      ...(u.cacheWriteTokens > 0 && { cache_write_tokens: u.cacheWriteTokens }),
    },
    completion_tokens_details: { reasoning_tokens: 0 },
  };
}

function openaiJson(request: ScriptedRequest, c: Common, nextId: (prefix: string) => string): Rendered {
  const body = {
    id: nextId('chatcmpl-'),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: c.text === '' ? null : c.text,
          refusal: null,
          ...(c.toolCalls.length > 0 && {
            tool_calls: c.toolCalls.map((t) => ({
              id: t.id,
              type: 'function',
              function: { name: t.name, arguments: t.rawArgs ?? JSON.stringify(t.args) },
            })),
          }),
        },
        logprobs: null,
        finish_reason: OPENAI_FINISH[c.finish],
      },
    ],
    usage: openaiUsage(c.usage),
  };
  return { contentType: 'application/json', body: JSON.stringify(body) };
}

function openaiStream(request: ScriptedRequest, c: Common, nextId: (prefix: string) => string): Rendered {
  const id = nextId('chatcmpl-');
  const created = Math.floor(Date.now() / 1000);
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: request.model, choices, ...extra })}\n\n`;
  let out = chunk([{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }]);
  for (const piece of pieces(c.text))
    out += chunk([{ index: 0, delta: { content: piece }, logprobs: null, finish_reason: null }]);
  c.toolCalls.forEach((t, index) => {
    out += chunk([
      {
        index: 0,
        delta: { tool_calls: [{ index, id: t.id, type: 'function', function: { name: t.name, arguments: '' } }] },
        finish_reason: null,
      },
    ]);
    for (const piece of pieces(t.rawArgs ?? JSON.stringify(t.args))) {
      out += chunk([
        { index: 0, delta: { tool_calls: [{ index, function: { arguments: piece } }] }, finish_reason: null },
      ]);
    }
  });
  out += chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: OPENAI_FINISH[c.finish] }]);
  const streamOptions = request.body['stream_options'];
  if (isRecord(streamOptions) && streamOptions['include_usage'] === true)
    out += chunk([], { usage: openaiUsage(c.usage) });
  out += 'data: [DONE]\n\n';
  return { contentType: 'text/event-stream', body: out };
}

function anthropicUsage(u: Required<ScriptedUsage>) {
  return {
    input_tokens: u.inputTokens - u.cacheReadTokens - u.cacheWriteTokens,
    cache_creation_input_tokens: u.cacheWriteTokens,
    cache_read_input_tokens: u.cacheReadTokens,
    output_tokens: u.outputTokens,
  };
}

function anthropicJson(request: ScriptedRequest, c: Common, nextId: (prefix: string) => string): Rendered {
  const content: unknown[] = [];
  if (c.text !== '') content.push({ type: 'text', text: c.text });
  for (const t of c.toolCalls) content.push({ type: 'tool_use', id: t.id, name: t.name, input: t.args });
  const body = {
    id: nextId('msg_'),
    type: 'message',
    role: 'assistant',
    model: request.model,
    content,
    stop_reason: ANTHROPIC_STOP[c.finish],
    stop_sequence: null,
    usage: anthropicUsage(c.usage),
  };
  return { contentType: 'application/json', body: JSON.stringify(body) };
}

function anthropicStream(request: ScriptedRequest, c: Common, nextId: (prefix: string) => string): Rendered {
  const event = (type: string, data: Record<string, unknown>) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  const usage = anthropicUsage(c.usage);
  let out = event('message_start', {
    message: {
      id: nextId('msg_'),
      type: 'message',
      role: 'assistant',
      model: request.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { ...usage, output_tokens: 1 },
    },
  });
  let index = 0;
  if (c.text !== '') {
    out += event('content_block_start', { index, content_block: { type: 'text', text: '' } });
    for (const piece of pieces(c.text))
      out += event('content_block_delta', { index, delta: { type: 'text_delta', text: piece } });
    out += event('content_block_stop', { index });
    index++;
  }
  for (const t of c.toolCalls) {
    out += event('content_block_start', {
      index,
      content_block: { type: 'tool_use', id: t.id, name: t.name, input: {} },
    });
    for (const piece of pieces(t.rawArgs ?? JSON.stringify(t.args))) {
      out += event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: piece } });
    }
    out += event('content_block_stop', { index });
    index++;
  }
  out += event('message_delta', {
    delta: { stop_reason: ANTHROPIC_STOP[c.finish], stop_sequence: null },
    usage: { output_tokens: usage.output_tokens },
  });
  out += event('message_stop', {});
  return { contentType: 'text/event-stream', body: out };
}

/** Splits text into a few chunks, as a streaming server would. */
function pieces(text: string): string[] {
  if (text === '') return [];
  const size = Math.max(1, Math.ceil(text.length / 3));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function openaiError(message: string, type: string, code: string | null = null, param: string | null = null) {
  return { error: { message, type, param, code } };
}

function anthropicError(type: string, message: string) {
  return { type: 'error', error: { type, message } };
}

// ---------------------------------------------------------------------------------------------
// Validation: what the real APIs refuse, with their kind of message.

function checkAuth(
  format: WireFormat,
  headers: Record<string, string>,
  apiKey: string | undefined,
): string | undefined {
  if (apiKey === undefined) return undefined;
  const bearer = /^Bearer (.+)$/.exec(headers['authorization'] ?? '')?.[1];
  if (format === 'openai') {
    if (!bearer)
      return "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth.";
    return bearer === apiKey ? undefined : 'Incorrect API key provided.';
  }
  const key = headers['x-api-key'] ?? bearer;
  if (!key) return 'x-api-key header is required';
  return key === apiKey ? undefined : 'invalid x-api-key';
}

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

function validateOpenAI(body: Record<string, unknown>): string | undefined {
  if (typeof body['model'] !== 'string' || body['model'] === '') return 'you must provide a model parameter';
  const messages = body['messages'];
  if (!Array.isArray(messages)) return "Missing required parameter: 'messages'.";
  if (messages.length === 0)
    return "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.";
  if (body['stream_options'] !== undefined && body['stream'] !== true) {
    return "The 'stream_options' parameter is only allowed when 'stream' is enabled.";
  }
  for (const key of ['max_tokens', 'max_completion_tokens'] as const) {
    const v = body[key];
    if (v !== undefined && v !== null && !(Number.isInteger(v) && (v as number) > 0))
      return `Invalid '${key}': expected a positive integer.`;
  }
  const tools = body['tools'];
  const names = new Set<string>();
  if (tools !== undefined) {
    if (!Array.isArray(tools)) return "Invalid 'tools': expected an array.";
    for (const [i, tool] of tools.entries()) {
      if (!isRecord(tool) || tool['type'] !== 'function' || !isRecord(tool['function'])) {
        return `Invalid 'tools[${i}]': expected an object with type "function" and a "function" object.`;
      }
      const fn = tool['function'];
      if (typeof fn['name'] !== 'string' || !TOOL_NAME.test(fn['name'])) {
        return `Invalid 'tools[${i}].function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`;
      }
      if (names.has(fn['name'])) return `Invalid 'tools': duplicate function name '${fn['name']}'.`;
      names.add(fn['name']);
      if (fn['parameters'] !== undefined && (!isRecord(fn['parameters']) || fn['parameters']['type'] !== 'object')) {
        return `Invalid schema for function '${fn['name']}': schema must be a JSON Schema of 'type: "object"'.`;
      }
    }
  }
  let pending: Set<string> | undefined; // tool_call ids awaiting their tool message
  for (const [i, message] of messages.entries()) {
    if (!isRecord(message)) return `Invalid 'messages[${i}]': expected an object.`;
    const role = message['role'];
    if (pending && pending.size > 0 && role !== 'tool') {
      return `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...pending].join(', ')}`;
    }
    switch (role) {
      case 'system':
      case 'developer':
      case 'user':
        if (!isTextContent(message['content']))
          return `Invalid 'messages[${i}].content': expected a string or an array of content parts.`;
        pending = undefined;
        break;
      case 'assistant': {
        const calls = message['tool_calls'];
        const content = message['content'];
        if (calls === undefined && (content === undefined || content === null)) {
          return `Invalid 'messages[${i}]': an assistant message needs 'content' or 'tool_calls'.`;
        }
        if (content !== undefined && content !== null && !isTextContent(content))
          return `Invalid 'messages[${i}].content'.`;
        pending = new Set();
        if (calls !== undefined) {
          if (!Array.isArray(calls) || calls.length === 0)
            return `Invalid 'messages[${i}].tool_calls': expected a non-empty array.`;
          for (const [j, call] of calls.entries()) {
            if (
              !isRecord(call) ||
              typeof call['id'] !== 'string' ||
              call['type'] !== 'function' ||
              !isRecord(call['function']) ||
              typeof call['function']['name'] !== 'string' ||
              typeof call['function']['arguments'] !== 'string'
            ) {
              return `Invalid 'messages[${i}].tool_calls[${j}]': expected {id, type: "function", function: {name, arguments: string}}.`;
            }
            pending.add(call['id']);
          }
        }
        break;
      }
      case 'tool': {
        const id = message['tool_call_id'];
        if (typeof id !== 'string')
          return `Missing parameter 'tool_call_id': messages with role 'tool' must have a 'tool_call_id'.`;
        if (!pending?.has(id)) {
          return `Invalid parameter: messages with role 'tool' must be a response to a preceding message with 'tool_calls' (messages[${i}], tool_call_id ${id}).`;
        }
        pending.delete(id);
        if (!isTextContent(message['content']))
          return `Invalid 'messages[${i}].content': expected a string or an array of text parts.`;
        break;
      }
      default:
        return `Invalid value: '${String(role)}'. Supported values are: 'system', 'assistant', 'user', 'tool', and 'developer'. (messages[${i}].role)`;
    }
  }
  if (pending && pending.size > 0) {
    return `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...pending].join(', ')}`;
  }
  return undefined;
}

const ANTHROPIC_BLOCKS = new Set([
  'text',
  'image',
  'document',
  'tool_use',
  'tool_result',
  'thinking',
  'redacted_thinking',
  'search_result',
]);

function validateAnthropic(body: Record<string, unknown>): string | undefined {
  if (typeof body['model'] !== 'string' || body['model'] === '') return 'model: Field required';
  const maxTokens = body['max_tokens'];
  if (maxTokens === undefined) return 'max_tokens: Field required';
  if (!Number.isInteger(maxTokens) || (maxTokens as number) < 1)
    return 'max_tokens: Input should be a valid integer greater than or equal to 1';
  const messages = body['messages'];
  if (!Array.isArray(messages)) return 'messages: Field required';
  if (messages.length === 0) return 'messages: at least one message is required';
  let cacheControls = 0;
  const countCache = (block: unknown, where: string): string | undefined => {
    if (!isRecord(block) || block['cache_control'] === undefined) return undefined;
    const cc = block['cache_control'];
    if (!isRecord(cc) || cc['type'] !== 'ephemeral') return `${where}.cache_control: type must be "ephemeral"`;
    if (cc['ttl'] !== undefined && cc['ttl'] !== '5m' && cc['ttl'] !== '1h')
      return `${where}.cache_control.ttl: must be "5m" or "1h"`;
    cacheControls++;
    return undefined;
  };
  const system = body['system'];
  if (system !== undefined) {
    if (Array.isArray(system)) {
      for (const [i, block] of system.entries()) {
        if (!isRecord(block) || block['type'] !== 'text' || typeof block['text'] !== 'string')
          return `system.${i}: expected a text block`;
        if (block['text'] === '') return `system.${i}: text content blocks must be non-empty`;
        const problem = countCache(block, `system.${i}`);
        if (problem) return problem;
      }
    } else if (typeof system !== 'string') {
      return 'system: Input should be a valid string or a list of text blocks';
    }
  }
  const tools = body['tools'];
  const names = new Set<string>();
  if (tools !== undefined) {
    if (!Array.isArray(tools)) return 'tools: Input should be a valid list';
    for (const [i, tool] of tools.entries()) {
      if (!isRecord(tool)) return `tools.${i}: Input should be an object`;
      const custom = tool['type'] === undefined || tool['type'] === 'custom';
      if (typeof tool['name'] !== 'string' || !/^[a-zA-Z0-9_-]{1,128}$/.test(tool['name'])) {
        return `tools.${i}.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'`;
      }
      if (names.has(tool['name'])) return `tools: Tool names must be unique (${tool['name']})`;
      names.add(tool['name']);
      if (custom) {
        const schema = tool['input_schema'];
        if (!isRecord(schema)) return `tools.${i}.custom.input_schema: Field required`;
        if (schema['type'] !== 'object') return `tools.${i}.custom.input_schema.type: Input should be 'object'`;
      }
      const problem = countCache(tool, `tools.${i}`);
      if (problem) return problem;
    }
  }
  let previousToolUses: Set<string> = new Set();
  for (const [i, message] of messages.entries()) {
    if (!isRecord(message)) return `messages.${i}: Input should be an object`;
    const role = message['role'];
    if (role !== 'user' && role !== 'assistant') return `messages.${i}.role: Input should be 'user' or 'assistant'`;
    const content = message['content'];
    const blocks: Record<string, unknown>[] = [];
    if (typeof content === 'string') {
      if (content === '' && !(role === 'assistant' && i === messages.length - 1)) {
        return `messages.${i}: all messages must have non-empty content except for the optional final assistant message`;
      }
    } else if (Array.isArray(content)) {
      if (content.length === 0 && !(role === 'assistant' && i === messages.length - 1)) {
        return `messages.${i}: all messages must have non-empty content except for the optional final assistant message`;
      }
      for (const [j, block] of content.entries()) {
        if (!isRecord(block) || typeof block['type'] !== 'string')
          return `messages.${i}.content.${j}: Input should be a content block`;
        if (!ANTHROPIC_BLOCKS.has(block['type']))
          return `messages.${i}.content.${j}.type: unknown content block type '${block['type']}'`;
        if (block['type'] === 'text' && (typeof block['text'] !== 'string' || block['text'] === '')) {
          return `messages.${i}.content.${j}.text: text content blocks must be non-empty`;
        }
        if (block['type'] === 'tool_use') {
          if (role !== 'assistant')
            return `messages.${i}.content.${j}: tool_use blocks are only allowed in assistant messages`;
          if (typeof block['id'] !== 'string' || typeof block['name'] !== 'string' || !isRecord(block['input'])) {
            return `messages.${i}.content.${j}.tool_use: id, name and an object input are required`;
          }
        }
        if (block['type'] === 'tool_result') {
          if (role !== 'user')
            return `messages.${i}.content.${j}: tool_result blocks are only allowed in user messages`;
          if (typeof block['tool_use_id'] !== 'string') return `messages.${i}.content.${j}.tool_use_id: Field required`;
        }
        const problem = countCache(block, `messages.${i}.content.${j}`);
        if (problem) return problem;
        blocks.push(block);
      }
    } else {
      return `messages.${i}.content: Input should be a valid string or a list of content blocks`;
    }
    const firstOther = blocks.findIndex((b) => b['type'] !== 'tool_result');
    if (firstOther !== -1 && blocks.slice(firstOther).some((b) => b['type'] === 'tool_result')) {
      return `messages.${i}.content: \`tool_result\` blocks must come first in the content array, before any other block`;
    }
    const results = blocks.filter((b) => b['type'] === 'tool_result').map((b) => b['tool_use_id'] as string);
    const unexpected = results.filter((id) => !previousToolUses.has(id));
    if (unexpected.length > 0) {
      return `messages.${i}.content: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${unexpected.join(', ')}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`;
    }
    const missing = [...previousToolUses].filter((id) => !results.includes(id));
    if (missing.length > 0) {
      return `messages.${i - 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
    }
    previousToolUses = new Set(blocks.filter((b) => b['type'] === 'tool_use').map((b) => b['id'] as string));
  }
  if (previousToolUses.size > 0 && (messages.at(-1) as Record<string, unknown>)['role'] === 'assistant') {
    // A conversation may end on assistant tool_use only as a prefill; real clients never send that.
    return `messages.${messages.length - 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${[...previousToolUses].join(', ')}`;
  }
  if (cacheControls > 4) return `A maximum of 4 blocks with cache_control may be provided. Found ${cacheControls}.`;
  return undefined;
}

function isTextContent(content: unknown): boolean {
  if (typeof content === 'string') return true;
  return Array.isArray(content) && content.every((part) => isRecord(part) && typeof part['type'] === 'string');
}

// ---------------------------------------------------------------------------------------------
// Normalisation

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((p): p is Record<string, unknown> => isRecord(p) && p['type'] === 'text' && typeof p['text'] === 'string')
    .map((p) => p['text'] as string)
    .join('\n');
}

function parseArgs(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function normaliseOpenAI(body: Record<string, unknown>): ScriptedRequest {
  const system: string[] = [];
  const messages: NormalMessage[] = [];
  for (const m of body['messages'] as Record<string, unknown>[]) {
    const role = m['role'];
    if (role === 'system' || role === 'developer') {
      system.push(textOf(m['content']));
    } else if (role === 'user') {
      messages.push({ role: 'user', text: textOf(m['content']), toolCalls: [], toolResults: [] });
    } else if (role === 'assistant') {
      const calls = (m['tool_calls'] as Record<string, unknown>[] | undefined) ?? [];
      messages.push({
        role: 'assistant',
        text: textOf(m['content']),
        toolCalls: calls.map((c) => {
          const fn = c['function'] as Record<string, unknown>;
          return { id: c['id'] as string, name: fn['name'] as string, args: parseArgs(fn['arguments'] as string) };
        }),
        toolResults: [],
      });
    } else if (role === 'tool') {
      const result = { id: m['tool_call_id'] as string, content: textOf(m['content']), isError: false };
      const last = messages.at(-1);
      if (last?.role === 'tool') last.toolResults.push(result);
      else messages.push({ role: 'tool', text: '', toolCalls: [], toolResults: [result] });
    }
  }
  const tools = ((body['tools'] as Record<string, unknown>[] | undefined) ?? []).map((t) => {
    const fn = t['function'] as Record<string, unknown>;
    return {
      name: fn['name'] as string,
      description: fn['description'] as string | undefined,
      parameters: fn['parameters'],
    };
  });
  const maxTokens = (body['max_completion_tokens'] ?? body['max_tokens']) as number | undefined;
  return {
    format: 'openai',
    model: body['model'] as string,
    stream: body['stream'] === true,
    system: system.join('\n\n'),
    messages,
    tools,
    maxTokens: maxTokens ?? undefined,
    body,
  };
}

function normaliseAnthropic(body: Record<string, unknown>): ScriptedRequest {
  const system = body['system'];
  const messages: NormalMessage[] = [];
  for (const m of body['messages'] as Record<string, unknown>[]) {
    const content = m['content'];
    const blocks =
      typeof content === 'string' ? [{ type: 'text', text: content }] : (content as Record<string, unknown>[]);
    const text = textOf(blocks);
    if (m['role'] === 'assistant') {
      messages.push({
        role: 'assistant',
        text,
        toolCalls: blocks
          .filter((b) => b['type'] === 'tool_use')
          .map((b) => ({ id: b['id'] as string, name: b['name'] as string, args: b['input'] })),
        toolResults: [],
      });
      continue;
    }
    const results = blocks
      .filter((b) => b['type'] === 'tool_result')
      .map((b) => ({ id: b['tool_use_id'] as string, content: textOf(b['content']), isError: b['is_error'] === true }));
    if (results.length > 0) messages.push({ role: 'tool', text: '', toolCalls: [], toolResults: results });
    if (text !== '' || results.length === 0) messages.push({ role: 'user', text, toolCalls: [], toolResults: [] });
  }
  const tools = ((body['tools'] as Record<string, unknown>[] | undefined) ?? []).map((t) => ({
    name: t['name'] as string,
    description: t['description'] as string | undefined,
    parameters: t['input_schema'],
  }));
  return {
    format: 'anthropic',
    model: body['model'] as string,
    stream: body['stream'] === true,
    system: typeof system === 'string' ? system : textOf(system),
    messages,
    tools,
    maxTokens: body['max_tokens'] as number,
    body,
  };
}

// ---------------------------------------------------------------------------------------------

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

// ---------------------------------------------------------------------------------------------
// A planning agent that asks before it plans (the gates)

/** An `<untrusted source="…">` block of a prompt: where its text came from, and the text. */
export interface UntrustedBlock {
  source: string;
  text: string;
}

/** The untrusted blocks in `text` (ensemble's `untrustedBlock` format: the source, a warning line, the text). */
export function untrustedBlocks(text: string): UntrustedBlock[] {
  const blocks: UntrustedBlock[] = [];
  for (const match of text.matchAll(/<untrusted source="([^"]*)">\n[^\n]*\n([\s\S]*?)\n<\/untrusted>/g)) {
    blocks.push({ source: match[1] ?? '', text: match[2] ?? '' });
  }
  return blocks;
}

export interface AskingPlannerScript {
  /** The input of each round of `ask_questions` (`{ findings, questions }`), asked in turn while answers come back. */
  rounds: unknown[];
  /** What the planner does when it plans (e.g. the demo's planner). */
  plan(request: ScriptedRequest): ScriptedReply;
  /** What it does when a person asks for a revised plan (an `revision asked by @…` block); default `plan`. */
  revise?(request: ScriptedRequest, instructions: string): ScriptedReply;
}

/**
 * A planning agent that asks before it plans. While `ask_questions` is offered and rounds are
 * left, it asks the first round at its first turn, and the next round whenever the last message
 * of its conversation brings answers (`answer by @…` blocks); otherwise it plans (`plan`), or
 * revises when the last message asks for a revision.
 */
export function askingPlanner(script: AskingPlannerScript): (request: ScriptedRequest) => ScriptedReply {
  return (request) => {
    const last = request.messages.at(-1);
    const blocks = last?.role === 'user' ? untrustedBlocks(last.text) : [];
    const revision = blocks.find((b) => b.source.startsWith('revision asked by'));
    if (revision) return script.revise?.(request, revision.text) ?? script.plan(request);
    const mayAsk = request.tools.some((t) => t.name === 'ask_questions');
    const asked = request.messages.flatMap((m) => m.toolCalls).filter((c) => c.name === 'ask_questions').length;
    const firstTurn = !request.messages.some((m) => m.role === 'assistant');
    const answered = blocks.some((b) => b.source.startsWith('answer by'));
    if (mayAsk && asked < script.rounds.length && (asked === 0 ? firstTurn : answered)) {
      return { toolCalls: [{ name: 'ask_questions', args: script.rounds[asked] }] };
    }
    return script.plan(request);
  };
}
