import { describe, expect, test } from 'vitest';
import { CIRCUIT_THRESHOLD, ModelCircuitOpenError, withCircuitBreaker } from '../../../src/model/breaker.ts';
import { ModelAuthError, ModelRequestError, ModelSpendLimitError } from '../../../src/model/errors.ts';
import { createRetryingFetch } from '../../../src/model/retry.ts';

/** A transport answering each request with the next status of `statuses` (the last one repeats), counting requests. */
function transport(statuses: number[]) {
  const seen = { requests: 0 };
  const fetch = (async () => {
    const status = statuses[Math.min(seen.requests, statuses.length - 1)] as number;
    seen.requests++;
    const body = status < 300 ? { ok: true } : { error: { type: 'overloaded_error', message: `status ${status}` } };
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

function breakerOver(statuses: number[]) {
  const { fetch, seen } = transport(statuses);
  const retrying = createRetryingFetch({ provider: 'anthropic', fetch, maxAttempts: 2, sleep: async () => {} });
  return { call: withCircuitBreaker('anthropic', retrying), seen };
}

const post = { method: 'POST', body: '{}' };

describe('the circuit breaker of a model session', () => {
  test('after calls failing in a row, later calls fail at once without reaching the provider', async () => {
    const { call, seen } = breakerOver([503]);
    for (let i = 0; i < CIRCUIT_THRESHOLD; i++) {
      await expect(call('https://api.example/v1/messages', post)).rejects.toBeInstanceOf(ModelRequestError);
    }
    const sent = seen.requests;
    expect(sent).toBe(CIRCUIT_THRESHOLD * 2); // each call made its two attempts
    const error = await call('https://api.example/v1/messages', post).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelCircuitOpenError);
    expect((error as Error).message).toMatch(/3 calls in a row failed .*no more calls to anthropic in this run/);
    expect(seen.requests).toBe(sent);
  });

  test('a spend limit opens it at once: the other agents do not each hit the provider', async () => {
    const seen = { requests: 0 };
    const quota = (async () => {
      seen.requests++;
      const body = {
        error: { type: 'insufficient_quota', code: 'insufficient_quota', message: 'You exceeded your quota' },
      };
      return new Response(JSON.stringify(body), { status: 429, headers: { 'content-type': 'application/json' } });
    }) as typeof globalThis.fetch;
    const call = withCircuitBreaker(
      'openai',
      createRetryingFetch({ provider: 'openai', fetch: quota, sleep: async () => {} }),
    );
    await expect(call('https://api.example/v1/chat/completions', post)).rejects.toBeInstanceOf(ModelSpendLimitError);
    const error = await call('https://api.example/v1/chat/completions', post).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelCircuitOpenError);
    expect((error as Error).message).toContain('the openai account is out of credit or quota');
    expect(seen.requests).toBe(1);
  });

  test('a refused key counts like an outage: three in a row open it', async () => {
    const { call, seen } = breakerOver([401]);
    for (let i = 0; i < CIRCUIT_THRESHOLD; i++)
      await expect(call('https://api.example/v1/messages', post)).rejects.toBeInstanceOf(ModelAuthError);
    await expect(call('https://api.example/v1/messages', post)).rejects.toBeInstanceOf(ModelCircuitOpenError);
    expect(seen.requests).toBe(CIRCUIT_THRESHOLD);
  });

  test('a success in between closes it again, and a rejected request (400) says nothing about the provider', async () => {
    const { call, seen } = breakerOver([503, 503, 503, 503, 200, 400, 503, 503, 503, 503, 200]);
    await expect(call('u', post)).rejects.toBeInstanceOf(ModelRequestError);
    await expect(call('u', post)).rejects.toBeInstanceOf(ModelRequestError);
    expect((await call('u', post)).status).toBe(200);
    await expect(call('u', post)).rejects.toMatchObject({ reason: 'http' });
    await expect(call('u', post)).rejects.toBeInstanceOf(ModelRequestError);
    await expect(call('u', post)).rejects.toBeInstanceOf(ModelRequestError);
    expect((await call('u', post)).status).toBe(200);
    expect(seen.requests).toBe(11);
  });
});
