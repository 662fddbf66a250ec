import { describe, expect, test } from 'vitest';
import { findModelError, ModelAuthError, ModelRequestError, ModelSpendLimitError } from '../../../src/model/errors.ts';
import { createRetryingFetch, parseRetryAfter, type RetryEvent, type RetryOptions } from '../../../src/model/retry.ts';
import { startScriptedModel } from '../../support/scripted-model.ts';

type Answer = Response | Error | ((init: RequestInit | undefined) => Response | Promise<Response>);

/** A transport that answers from a list and counts calls; a sleep that records the delays asked for. */
function harness(answers: Answer[], options: Partial<RetryOptions> = {}) {
  const calls: (RequestInit | undefined)[] = [];
  const sleeps: number[] = [];
  const events: RetryEvent[] = [];
  const fetch = createRetryingFetch({
    provider: 'anthropic',
    fetch: async (_input, init) => {
      calls.push(init);
      const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!;
      if (answer instanceof Error) throw answer;
      if (typeof answer === 'function') return answer(init);
      return answer.clone();
    },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
    onRetry: (event) => events.push(event),
    ...options,
  });
  const call = () => fetch('https://api.example/v1/messages', { method: 'POST', body: '{"x":1}' });
  return { fetch, call, calls, sleeps, events };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const ok = () => json(200, { ok: true });
const anthropicError = (status: number, type: string, message: string, headers: Record<string, string> = {}) =>
  json(status, { type: 'error', error: { type, message } }, headers);
const openaiError = (status: number, type: string, code: string | null, message: string) =>
  json(status, { error: { message, type, param: null, code } });
const socketClosed = () =>
  new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
const refused = () =>
  new TypeError('fetch failed', {
    cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
  });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('createRetryingFetch: what is retried', () => {
  test.each([
    ['429', () => anthropicError(429, 'rate_limit_error', 'slow down')],
    ['500', () => anthropicError(500, 'api_error', 'Internal server error')],
    ['503', () => json(503, { error: { message: 'unavailable' } })],
    ['529 overloaded', () => anthropicError(529, 'overloaded_error', 'Overloaded')],
    ['408', () => json(408, {})],
  ])('%s is retried until it succeeds', async (_name, failure) => {
    const h = harness([failure(), failure(), ok()]);
    const response = await h.call();
    expect(await response.json()).toEqual({ ok: true });
    expect(h.calls).toHaveLength(3);
    expect(h.events.map((e) => e.reason)).toEqual(['http', 'http']);
  });

  test.each([
    ['a dropped socket', socketClosed],
    ['a refused connection', refused],
  ])('%s is retried', async (_name, error) => {
    const h = harness([error(), ok()]);
    expect((await h.call()).status).toBe(200);
    expect(h.calls).toHaveLength(2);
    expect(h.events[0]).toMatchObject({ reason: 'network', attempt: 1 });
    expect(h.events[0]!.message).toMatch(/connection error \(fetch failed: (other side closed|connect ECONNREFUSED)/);
  });

  test('a 2xx body that is not JSON is retried, then reported', async () => {
    const truncated = () =>
      new Response('{"id": "msg_1", "content": [', { status: 200, headers: { 'content-type': 'application/json' } });
    const h = harness([truncated()], { maxAttempts: 3 });
    const error = await rejection(h.call());
    expect(error).toBeInstanceOf(ModelRequestError);
    expect(error).toMatchObject({ reason: 'malformed-response', attempts: 3, status: 200 });
    expect((error as Error).message).toBe(
      'anthropic request failed after 3 attempts: HTTP 200 body is not valid JSON ({"id": "msg_1", "content": [)',
    );
  });

  test('attempts are bounded, and the error says how many were made and what failed last', async () => {
    const h = harness([anthropicError(500, 'api_error', 'Internal server error')], { maxAttempts: 4 });
    const error = await rejection(h.call());
    expect(h.calls).toHaveLength(4);
    expect(error).toBeInstanceOf(ModelRequestError);
    expect(error).toMatchObject({ reason: 'http-retries-exhausted', status: 500, attempts: 4, provider: 'anthropic' });
    expect((error as Error).message).toBe(
      'anthropic request failed after 4 attempts: HTTP 500 api_error: Internal server error',
    );
  });

  test('x-should-retry from the server overrides the status rule', async () => {
    const h1 = harness([anthropicError(500, 'api_error', 'do not', { 'x-should-retry': 'false' })]);
    expect(await rejection(h1.call())).toMatchObject({ reason: 'http', attempts: 1 });
    expect(h1.calls).toHaveLength(1);
    const h2 = harness([anthropicError(400, 'invalid_request_error', 'try again', { 'x-should-retry': 'true' }), ok()]);
    expect((await h2.call()).status).toBe(200);
    expect(h2.calls).toHaveLength(2);
  });
});

describe('createRetryingFetch: backoff and retry-after', () => {
  test('without retry-after: exponential backoff from baseDelayMs, capped at maxDelayMs, with jitter', async () => {
    const failure = anthropicError(500, 'api_error', 'boom');
    const h = harness([failure, failure, failure, failure, failure, ok()], { baseDelayMs: 1000, maxDelayMs: 5000 });
    await h.call();
    expect(h.sleeps).toEqual([1000, 2000, 4000, 5000, 5000]);

    const jittered = harness([failure, failure, ok()], { baseDelayMs: 1000, random: () => 0.5 });
    await jittered.call();
    // Jitter takes up to a quarter off each delay, so concurrent clients do not retry in step.
    expect(jittered.sleeps).toEqual([875, 1750]);
  });

  test('retry-after in seconds is honoured exactly', async () => {
    const h = harness([anthropicError(429, 'rate_limit_error', 'slow down', { 'retry-after': '7' }), ok()]);
    await h.call();
    expect(h.sleeps).toEqual([7000]);
    expect(h.events[0]).toMatchObject({ fromRetryAfter: true, status: 429, delayMs: 7000 });
  });

  test('retry-after-ms wins over retry-after', async () => {
    const h = harness([
      anthropicError(429, 'rate_limit_error', 'slow down', { 'retry-after': '7', 'retry-after-ms': '1500.5' }),
      ok(),
    ]);
    await h.call();
    expect(h.sleeps).toEqual([1501]);
  });

  test('retry-after as an HTTP date waits until that date', async () => {
    const now = Date.parse('2026-11-21T12:00:00Z');
    const h = harness(
      [anthropicError(503, 'api_error', 'later', { 'retry-after': 'Sat, 21 Nov 2026 12:00:30 GMT' }), ok()],
      {
        now: () => now,
      },
    );
    await h.call();
    expect(h.sleeps).toEqual([30_000]);
  });

  test('a retry-after longer than maxRetryAfterMs fails at once, saying so', async () => {
    const h = harness([anthropicError(429, 'rate_limit_error', 'daily limit', { 'retry-after': '3600' })], {
      maxRetryAfterMs: 60_000,
    });
    const error = await rejection(h.call());
    expect(h.calls).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
    expect(error).toMatchObject({ reason: 'retry-after-too-long', status: 429, attempts: 1 });
    expect((error as Error).message).toBe(
      'anthropic asked to retry after 3600 s (HTTP 429 rate_limit_error: daily limit), longer than the 60 s this run waits; not retried',
    );
  });

  test('parseRetryAfter ignores values it cannot read', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }), 0)).toBeUndefined();
    expect(parseRetryAfter(new Headers({ 'retry-after': '-3' }), 0)).toBeUndefined();
    expect(parseRetryAfter(new Headers({ 'retry-after': '0.5' }), 0)).toBe(500);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Thu, 01 Jan 1970 00:00:00 GMT' }), 10_000)).toBe(0);
    expect(parseRetryAfter(new Headers(), 0)).toBeUndefined();
  });
});

describe('createRetryingFetch: what stops at once', () => {
  test.each([
    [
      401,
      anthropicError(401, 'authentication_error', 'invalid x-api-key'),
      'authentication failed for anthropic (HTTP 401 authentication_error: invalid x-api-key): check the API key; not retried',
    ],
    [
      403,
      anthropicError(403, 'permission_error', 'Your API key does not have permission to use the specified resource.'),
      /^authentication failed for anthropic \(HTTP 403 permission_error: .*\): check the API key; not retried$/,
    ],
  ])('HTTP %i is an authentication error, not retried', async (_status, response, message) => {
    const h = harness([response, ok()]);
    const error = await rejection(h.call());
    expect(error).toBeInstanceOf(ModelAuthError);
    expect((error as Error).message).toMatch(message);
    expect(h.calls).toHaveLength(1);
  });

  test.each([
    [
      'OpenAI insufficient_quota (429)',
      openaiError(
        429,
        'insufficient_quota',
        'insufficient_quota',
        'You exceeded your current quota, please check your plan and billing details.',
      ),
    ],
    [
      'Anthropic credit balance (400)',
      anthropicError(
        400,
        'invalid_request_error',
        'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
      ),
    ],
    ['Anthropic billing_error (402)', anthropicError(402, 'billing_error', 'Payment required')],
    [
      'Anthropic workspace usage limits (400)',
      anthropicError(
        400,
        'invalid_request_error',
        'You have reached your specified workspace API usage limits. You will regain access on 2026-12-01 at 00:00 UTC.',
      ),
    ],
  ])('%s is a spend limit, not retried', async (_name, response) => {
    const h = harness([response, ok()]);
    const error = await rejection(h.call());
    expect(error).toBeInstanceOf(ModelSpendLimitError);
    expect((error as Error).message).toMatch(
      /^spend limit reached for anthropic \(HTTP \d+ .*\): not retried; raise the limit or add credit$/,
    );
    expect(h.calls).toHaveLength(1);
  });

  test('an OpenAI rate limit is not mistaken for a spend limit', async () => {
    const h = harness([
      openaiError(429, 'requests', 'rate_limit_exceeded', 'Rate limit reached for gpt-4.1 on requests per min (RPM)'),
      ok(),
    ]);
    expect((await h.call()).status).toBe(200);
  });

  test('another 4xx is reported with the provider message and not retried', async () => {
    const h = harness([
      anthropicError(400, 'invalid_request_error', 'prompt is too long: 250000 tokens > 200000 maximum'),
    ]);
    const error = await rejection(h.call());
    expect(error).toBeInstanceOf(ModelRequestError);
    expect(error).toMatchObject({ reason: 'http', status: 400, attempts: 1 });
    expect((error as Error).message).toBe(
      'anthropic request failed: HTTP 400 invalid_request_error: prompt is too long: 250000 tokens > 200000 maximum (not retried)',
    );
    expect((error as ModelRequestError).responseBody).toContain('prompt is too long');
  });

  test("the caller's abort ends the call at once with the caller's reason, even while waiting to retry", async () => {
    const controller = new AbortController();
    const reason = new Error('stage wall-time budget exhausted');
    const h = harness([anthropicError(500, 'api_error', 'boom'), ok()], {
      sleep: async () => {
        controller.abort(reason);
        throw reason;
      },
    });
    const error = await rejection(
      h.fetch('https://api.example/v1/messages', { method: 'POST', body: '{}', signal: controller.signal }),
    );
    expect(error).toBe(reason);
    expect(h.calls).toHaveLength(1);
  });

  test('an already aborted signal makes no request', async () => {
    const h = harness([ok()]);
    const reason = new Error('cancelled');
    const error = await rejection(
      h.fetch('https://api.example/v1/messages', { method: 'POST', body: '{}', signal: AbortSignal.abort(reason) }),
    );
    expect(error).toBe(reason);
    expect(h.calls).toHaveLength(0);
  });

  test('a request whose body is a stream is tried once (it cannot be sent twice)', async () => {
    const h = harness([anthropicError(500, 'api_error', 'boom'), ok()]);
    const body = new ReadableStream({ start: (c) => c.close() });
    const error = await rejection(
      h.fetch('https://api.example/v1/messages', { method: 'POST', body, duplex: 'half' } as RequestInit),
    );
    expect(error).toMatchObject({ reason: 'http-retries-exhausted', attempts: 1 });
    expect((error as Error).message).toBe('anthropic request failed after 1 attempt: HTTP 500 api_error: boom');
  });

  test('findModelError finds the typed error under a wrapper', () => {
    const auth = new ModelAuthError('openai', 401, 'invalid_api_key');
    expect(findModelError(new Error('outer', { cause: auth }))).toBe(auth);
    expect(findModelError(new Error('plain'))).toBeUndefined();
  });
});

describe('createRetryingFetch: per-call timeout (against the scripted server)', () => {
  test('a reply slower than the timeout is abandoned and retried; the next, fast one is used', async () => {
    const server = await startScriptedModel([{ delayMs: 2_000, text: 'too late' }, { text: 'in time' }]);
    try {
      const events: RetryEvent[] = [];
      const fetch = createRetryingFetch({
        provider: 'openai',
        timeoutMs: 150,
        sleep: async () => {},
        onRetry: (e) => events.push(e),
      });
      const started = Date.now();
      const response = await fetch(`${server.baseUrlOpenAI}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'hi' }] }),
      });
      const body = (await response.json()) as { choices: { message: { content: string } }[] };
      expect(body.choices[0]!.message.content).toBe('in time');
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(events).toEqual([expect.objectContaining({ reason: 'timeout', attempt: 1 })]);
      expect(events[0]!.message).toBe('no complete response within the per-call timeout of 150 ms');
      expect(server.requests).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  test('timeouts on every attempt end in a ModelRequestError that says so', async () => {
    const server = await startScriptedModel([{ delayMs: 1_000 }, { delayMs: 1_000 }]);
    try {
      const fetch = createRetryingFetch({ provider: 'openai', timeoutMs: 100, maxAttempts: 2, sleep: async () => {} });
      const error = await rejection(
        fetch(`${server.baseUrlOpenAI}/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'hi' }] }),
        }),
      );
      expect(error).toMatchObject({ reason: 'timeout', attempts: 2 });
      expect((error as Error).message).toBe(
        'openai request timed out after 2 attempts: no complete response within the per-call timeout of 100 ms',
      );
    } finally {
      await server.close();
    }
  });

  test('a body cut off halfway is retried like a dropped connection', async () => {
    const server = await startScriptedModel([
      { text: 'x'.repeat(2_000), fault: { kind: 'drop', afterBytes: 100 } },
      { text: 'whole' },
    ]);
    try {
      const events: RetryEvent[] = [];
      const fetch = createRetryingFetch({ provider: 'openai', sleep: async () => {}, onRetry: (e) => events.push(e) });
      const response = await fetch(`${server.baseUrlOpenAI}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'hi' }] }),
      });
      const body = (await response.json()) as { choices: { message: { content: string } }[] };
      expect(body.choices[0]!.message.content).toBe('whole');
      expect(events.map((e) => e.reason)).toEqual(['network']);
    } finally {
      await server.close();
    }
  });
});
