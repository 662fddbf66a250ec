import { afterEach, describe, expect, test } from 'vitest';
import { type Script, type ScriptedModelServer, startScriptedModel } from '../../support/scripted-model.ts';

const servers: ScriptedModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(script: Script = [{ text: 'ok' }], options: { apiKey?: string } = {}) {
  const server = await startScriptedModel(script, options);
  servers.push(server);
  return server;
}

/** Wire JSON, inspected field by field in the assertions. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are arbitrary JSON checked by toMatchObject
type Wire = Record<string, any>;

const ANTHROPIC_HEADERS = { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', 'x-api-key': 'k' };
const OPENAI_HEADERS = { 'content-type': 'application/json', authorization: 'Bearer k' };

async function post(
  server: ScriptedModelServer,
  format: 'openai' | 'anthropic',
  body: unknown,
  headers?: Record<string, string>,
) {
  const url = format === 'openai' ? `${server.baseUrlOpenAI}/chat/completions` : `${server.baseUrlAnthropic}/messages`;
  const response = await fetch(url, {
    method: 'POST',
    headers: headers ?? (format === 'openai' ? OPENAI_HEADERS : ANTHROPIC_HEADERS),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as Wire };
}

const openaiTools = [
  {
    type: 'function',
    function: {
      name: 'read_file',
      description: 'Read a file',
      parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
    },
  },
];
const anthropicTools = [
  {
    name: 'read_file',
    description: 'Read a file',
    input_schema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
  },
];

describe('OpenAI Chat Completions format', () => {
  test('renders a neutral reply: text, tool calls, finish_reason, usage with cached tokens', async () => {
    const server = await start([
      {
        text: 'Let me look.',
        toolCalls: [{ name: 'read_file', args: { path: 'a.txt' }, id: 'call_x' }],
        usage: { inputTokens: 120, outputTokens: 9, cacheReadTokens: 100 },
      },
    ]);
    const res = await post(server, 'openai', {
      model: 'gpt-4.1',
      messages: [{ role: 'user', content: 'hi' }],
      tools: openaiTools,
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4.1',
      choices: [
        {
          index: 0,
          finish_reason: 'tool_calls',
          message: {
            role: 'assistant',
            content: 'Let me look.',
            tool_calls: [
              { id: 'call_x', type: 'function', function: { name: 'read_file', arguments: '{"path":"a.txt"}' } },
            ],
          },
        },
      ],
      usage: {
        prompt_tokens: 120,
        completion_tokens: 9,
        total_tokens: 129,
        prompt_tokens_details: { cached_tokens: 100 },
      },
    });
  });

  test('streams SSE chunks, with a usage chunk only when stream_options.include_usage', async () => {
    const server = await start([
      { text: 'Hello there', usage: { inputTokens: 5, outputTokens: 2 } },
      { toolCalls: [{ name: 'read_file', args: { path: 'a.txt' } }] },
    ]);
    const withUsage = await post(server, 'openai', {
      model: 'm',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(withUsage.headers.get('content-type')).toBe('text/event-stream');
    const chunks = withUsage.text
      .split('\n\n')
      .filter(Boolean)
      .map((line) => line.replace(/^data: /, ''));
    expect(chunks.at(-1)).toBe('[DONE]');
    const parsed = chunks.slice(0, -1).map((c) => JSON.parse(c));
    expect(parsed.map((c) => c.choices[0]?.delta?.content ?? '').join('')).toBe('Hello there');
    expect(parsed.at(-1).usage).toMatchObject({ prompt_tokens: 5, completion_tokens: 2 });
    expect(parsed.at(-2).choices[0].finish_reason).toBe('stop');

    const noUsage = await post(server, 'openai', {
      model: 'm',
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
      tools: openaiTools,
    });
    const parsed2 = noUsage.text
      .split('\n\n')
      .filter((l) => l && l !== 'data: [DONE]')
      .map((l) => JSON.parse(l.replace(/^data: /, '')));
    expect(parsed2.some((c) => c.usage)).toBe(false);
    const args = parsed2
      .flatMap((c) => c.choices[0]?.delta?.tool_calls ?? [])
      .map((t: Wire) => t.function.arguments ?? '')
      .join('');
    expect(JSON.parse(args)).toEqual({ path: 'a.txt' });
  });

  test.each([
    [{ messages: [{ role: 'user', content: 'hi' }] }, /you must provide a model parameter/],
    [{ model: 'm' }, /Missing required parameter: 'messages'/],
    [{ model: 'm', messages: [] }, /empty array/],
    [{ model: 'm', messages: [{ role: 'robot', content: 'hi' }] }, /Supported values are/],
    [
      { model: 'm', messages: [{ role: 'user', content: 'hi' }], stream_options: { include_usage: true } },
      /only allowed when 'stream' is enabled/,
    ],
    [
      {
        model: 'm',
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'tool', tool_call_id: 'call_1', content: 'orphan' },
        ],
      },
      /must be a response to a preceding message with 'tool_calls'/,
    ],
    [
      {
        model: 'm',
        messages: [
          { role: 'user', content: 'hi' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'read_file', arguments: '{}' } }],
          },
          { role: 'user', content: 'no tool result in between' },
        ],
      },
      /did not have response messages: call_1/,
    ],
    [
      {
        model: 'm',
        messages: [{ role: 'user', content: 'hi' }],
        tools: [{ type: 'function', function: { name: 'read file' } }],
      },
      /does not match pattern/,
    ],
    [
      {
        model: 'm',
        messages: [{ role: 'user', content: 'hi' }],
        tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'string' } } }],
      },
      /schema must be a JSON Schema of 'type: "object"'/,
    ],
  ])('rejects a malformed request with a 400 in OpenAI error format (%#)', async (body, message) => {
    const server = await start();
    const res = await post(server, 'openai', body);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ type: 'invalid_request_error', message: expect.stringMatching(message) });
    expect(server.problems).toHaveLength(1);
    expect(server.remaining()).toBe(1); // a rejected request consumes no reply
  });
});

describe('Anthropic Messages format', () => {
  const valid = { model: 'claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] };

  test('renders tool_use blocks, stop_reason and usage with the cache fields', async () => {
    const server = await start([
      {
        text: 'Reading.',
        toolCalls: [{ name: 'read_file', args: { path: 'a.txt' } }],
        usage: { inputTokens: 1000, outputTokens: 30, cacheReadTokens: 700, cacheWriteTokens: 200 },
      },
    ]);
    const res = await post(server, 'anthropic', { ...valid, tools: anthropicTools });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [
        { type: 'text', text: 'Reading.' },
        { type: 'tool_use', id: expect.stringMatching(/^toolu_/), name: 'read_file', input: { path: 'a.txt' } },
      ],
      stop_reason: 'tool_use',
      // input_tokens excludes the cached parts, as Anthropic reports it.
      usage: { input_tokens: 100, cache_read_input_tokens: 700, cache_creation_input_tokens: 200, output_tokens: 30 },
    });
  });

  test('streams the Messages event sequence', async () => {
    const server = await start([
      {
        text: 'Hi!',
        toolCalls: [{ name: 'read_file', args: { path: 'b' } }],
        usage: { inputTokens: 10, outputTokens: 4 },
      },
    ]);
    const res = await post(server, 'anthropic', { ...valid, stream: true, tools: anthropicTools });
    const events = res.text
      .split('\n\n')
      .filter(Boolean)
      .map((block) => {
        const [eventLine, dataLine] = block.split('\n');
        return { event: eventLine!.replace('event: ', ''), data: JSON.parse(dataLine!.replace('data: ', '')) };
      });
    expect(events.map((e) => e.event)).toEqual([
      'message_start',
      'content_block_start',
      ...Array(3).fill('content_block_delta'),
      'content_block_stop',
      'content_block_start',
      ...events.filter((e) => e.event === 'content_block_delta' && e.data.index === 1).map(() => 'content_block_delta'),
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(events.every((e) => e.data.type === e.event)).toBe(true);
    expect(events.find((e) => e.event === 'message_delta')!.data).toMatchObject({
      delta: { stop_reason: 'tool_use' },
      usage: { output_tokens: 4 },
    });
    const json = events
      .filter((e) => e.data.delta?.type === 'input_json_delta')
      .map((e) => e.data.delta.partial_json)
      .join('');
    expect(JSON.parse(json)).toEqual({ path: 'b' });
  });

  test('requires the anthropic-version header', async () => {
    const server = await start();
    const res = await post(server, 'anthropic', valid, { 'content-type': 'application/json', 'x-api-key': 'k' });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'anthropic-version: header is required' },
    });
  });

  const toolUseTurn = {
    role: 'assistant',
    content: [{ type: 'tool_use', id: 'toolu_1', name: 'read_file', input: { path: 'a' } }],
  };
  test.each([
    [{ ...valid, max_tokens: undefined }, /max_tokens: Field required/],
    [{ ...valid, model: undefined }, /model: Field required/],
    [{ ...valid, messages: [{ role: 'system', content: 'x' }] }, /role: Input should be 'user' or 'assistant'/],
    [
      { ...valid, messages: [{ role: 'user', content: [{ type: 'text', text: '' }] }] },
      /text content blocks must be non-empty/,
    ],
    [
      {
        ...valid,
        messages: [{ role: 'user', content: 'hi' }, toolUseTurn, { role: 'user', content: 'forgot the result' }],
      },
      /`tool_use` ids were found without `tool_result` blocks immediately after: toolu_1/,
    ],
    [
      {
        ...valid,
        messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_9', content: 'x' }] }],
      },
      /unexpected `tool_use_id` found in `tool_result` blocks: toolu_9/,
    ],
    [
      {
        ...valid,
        messages: [
          { role: 'user', content: 'hi' },
          toolUseTurn,
          {
            role: 'user',
            content: [
              { type: 'text', text: 'first' },
              { type: 'tool_result', tool_use_id: 'toolu_1', content: 'x' },
            ],
          },
        ],
      },
      /`tool_result` blocks must come first/,
    ],
    [
      { ...valid, tools: [{ name: 'read_file', input_schema: { type: 'string' } }] },
      /input_schema.type: Input should be 'object'/,
    ],
    [{ ...valid, tools: [{ name: 'read_file' }] }, /input_schema: Field required/],
    [
      {
        ...valid,
        system: Array.from({ length: 5 }, (_, i) => ({
          type: 'text',
          text: `part ${i}`,
          cache_control: { type: 'ephemeral' },
        })),
      },
      /A maximum of 4 blocks with cache_control may be provided. Found 5/,
    ],
  ])('rejects a malformed request with a 400 in Anthropic error format (%#)', async (body, message) => {
    const server = await start();
    const res = await post(server, 'anthropic', body);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error', message: expect.stringMatching(message) },
    });
    expect(server.problems).toEqual([expect.stringMatching(message)]);
  });

  test('accepts a well-formed tool round trip and normalises it', async () => {
    const server = await start();
    const res = await post(server, 'anthropic', {
      ...valid,
      system: [{ type: 'text', text: 'be careful', cache_control: { type: 'ephemeral' } }],
      tools: anthropicTools,
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: [{ type: 'text', text: 'reading' }, toolUseTurn.content[0]] },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'toolu_1',
              content: [{ type: 'text', text: 'alpha' }],
              is_error: false,
            },
          ],
        },
      ],
    });
    expect(res.status).toBe(200);
    expect(server.requests[0]!.request).toMatchObject({
      format: 'anthropic',
      system: 'be careful',
      tools: [{ name: 'read_file', description: 'Read a file' }],
      messages: [
        { role: 'user', text: 'hi' },
        { role: 'assistant', text: 'reading', toolCalls: [{ id: 'toolu_1', name: 'read_file', args: { path: 'a' } }] },
        { role: 'tool', toolResults: [{ id: 'toolu_1', content: 'alpha', isError: false }] },
      ],
    });
  });
});

describe('server behaviour', () => {
  test('records every request, raw and parsed, with the status it got', async () => {
    const server = await start([{ fault: { kind: 'server-error' } }, { text: 'ok' }]);
    const body = { model: 'gpt-4.1', messages: [{ role: 'user', content: 'hello' }] };
    expect((await post(server, 'openai', body)).status).toBe(500);
    expect((await post(server, 'openai', body)).status).toBe(200);
    expect(server.requests.map((r) => [r.index, r.status, r.replyIndex, r.format, r.path])).toEqual([
      [0, 500, 0, 'openai', '/v1/chat/completions'],
      [1, 200, 1, 'openai', '/v1/chat/completions'],
    ]);
    expect(server.requests[0]!.rawBody).toBe(JSON.stringify(body));
    expect(server.requests[0]!.body).toEqual(body);
    expect(server.requests[0]!.request!.messages).toEqual([
      { role: 'user', text: 'hello', toolCalls: [], toolResults: [] },
    ]);
  });

  test('a function script sees the normalised request (both formats) and its index', async () => {
    const seen: string[] = [];
    const server = await start((request, index) => {
      seen.push(`${index}:${request.format}:${request.messages.at(-1)!.text}`);
      return { text: `echo ${request.messages.at(-1)!.text}` };
    });
    const a = await post(server, 'openai', { model: 'm', messages: [{ role: 'user', content: 'one' }] });
    const b = await post(server, 'anthropic', {
      model: 'c',
      max_tokens: 5,
      messages: [{ role: 'user', content: 'two' }],
    });
    expect(a.json.choices[0].message.content).toBe('echo one');
    expect(b.json.content).toEqual([{ type: 'text', text: 'echo two' }]);
    expect(seen).toEqual(['0:openai:one', '1:anthropic:two']);
  });

  test('an exhausted script is a loud, non-retryable 400', async () => {
    const server = await start([{ text: 'only one' }]);
    await post(server, 'openai', { model: 'm', messages: [{ role: 'user', content: 'a' }] });
    const res = await post(server, 'openai', { model: 'm', messages: [{ role: 'user', content: 'b' }] });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/script is exhausted \(1 replies\)/);
    expect(server.problems).toHaveLength(1);
  });

  test('checks the key when one is configured', async () => {
    const server = await start([{ text: 'ok' }, { text: 'ok' }], { apiKey: 'right' });
    const body = { model: 'm', messages: [{ role: 'user', content: 'a' }] };
    const wrong = await post(server, 'openai', body, {
      'content-type': 'application/json',
      authorization: 'Bearer wrong',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.message).toBe('Incorrect API key provided.');
    const missing = await post(
      server,
      'anthropic',
      { ...body, max_tokens: 5 },
      { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
    );
    expect(missing.status).toBe(401);
    expect(missing.json).toEqual({
      type: 'error',
      error: { type: 'authentication_error', message: 'x-api-key header is required' },
    });
    const ok = await post(
      server,
      'anthropic',
      { ...body, max_tokens: 5 },
      { ...ANTHROPIC_HEADERS, 'x-api-key': 'right' },
    );
    expect(ok.status).toBe(200);
  });

  test.each([
    ['openai', { 'retry-after': '2', 'retry-after-ms': '1500' }],
    ['anthropic', { 'retry-after': 'Sat, 21 Nov 2026 12:00:30 GMT' }],
  ] as const)('rate-limit fault (%s) carries its retry-after headers', async (format, expected) => {
    const retry =
      format === 'openai' ? { retryAfter: 2, retryAfterMs: 1500 } : { retryAfter: 'Sat, 21 Nov 2026 12:00:30 GMT' };
    const server = await start([{ fault: { kind: 'rate-limit', ...retry } }]);
    const res = await post(server, format, { model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'a' }] });
    expect(res.status).toBe(429);
    for (const [name, value] of Object.entries(expected)) expect(res.headers.get(name)).toBe(value);
  });

  test('drop destroys the connection; malformed-json sends a truncated body; delay waits', async () => {
    const server = await start([
      { fault: { kind: 'drop' } },
      { fault: { kind: 'malformed-json' } },
      { delayMs: 150, text: 'slow' },
    ]);
    const body = { model: 'm', messages: [{ role: 'user', content: 'a' }] };
    await expect(post(server, 'openai', body)).rejects.toThrow(/fetch failed/);
    const malformed = await post(server, 'openai', body);
    expect(malformed.status).toBe(200);
    expect(malformed.json).toBeUndefined();
    const started = Date.now();
    const slow = await post(server, 'openai', body);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(slow.json.choices[0].message.content).toBe('slow');
    expect(server.requests.map((r) => r.status)).toEqual(['dropped', 200, 200]);
  });

  test('unknown paths are a 404 listed in problems', async () => {
    const server = await start();
    const res = await fetch(`${server.url}/v1/responses`, { method: 'POST', headers: OPENAI_HEADERS, body: '{}' });
    expect(res.status).toBe(404);
    expect(server.problems[0]).toMatch(/unknown path \/v1\/responses/);
  });

  test('listens on loopback only', async () => {
    const server = await start();
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });
});
