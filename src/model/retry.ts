/**
 * The one place model calls are retried: a `fetch` wrapper handed to the AI SDK providers
 * (`createLanguageModel(spec, { fetch: createRetryingFetch(...) })`).
 *
 * The AI SDK retries on its own too (`maxRetries`, default 2). Both layers together would multiply
 * attempts (6 × 3) and ignore each other's backoff, so callers pass `maxRetries: 0` to
 * `generateText`/`streamText` and let this wrapper decide:
 *
 * - retried: HTTP 408, 409, 429, 5xx (Anthropic's 529 included), connection refused/reset/dropped,
 *   the per-call timeout, and a 2xx whose body is not valid JSON (a truncated proxy response);
 *   `x-should-retry: true|false` from the server overrides the status rule;
 * - waiting: `retry-after-ms`, else `retry-after` (seconds or an HTTP date), else exponential backoff
 *   with jitter; a `retry-after` longer than `maxRetryAfterMs` fails at once with a message saying so;
 * - stopped at once: 401/403 ({@link ModelAuthError}), spend limit or quota ({@link ModelSpendLimitError}),
 *   other 4xx ({@link ModelRequestError} with reason `http`), and the caller's own abort signal (its
 *   abort reason is rethrown unchanged, so budgets and wall-time limits end the call immediately).
 *
 * Non-streaming bodies are read inside the attempt, under its timeout, so a connection dropped halfway
 * through a body is retried like one dropped before the headers. `text/event-stream` responses are
 * handed over as soon as the headers arrive (a stream cannot be replayed); the timeout then covers
 * the wait for the headers only.
 */

import type { Provider } from '../contracts/model-spec.ts';
import {
  ModelAuthError,
  ModelError,
  ModelRequestError,
  type ModelRequestFailure,
  ModelSpendLimitError,
} from './errors.ts';

export interface RetryOptions {
  /** Named in every error message. */
  provider: Provider;
  /** Attempts in all, the first included. Default 6. */
  maxAttempts?: number;
  /** Per-attempt timeout in ms; `0` or `Infinity` disables it. Default 600 000 (10 minutes, like the official SDKs). */
  timeoutMs?: number;
  /** First backoff delay; doubles on each retry. Default 1 000. */
  baseDelayMs?: number;
  /** Backoff ceiling (does not cap `retry-after`). Default 30 000. */
  maxDelayMs?: number;
  /** The longest `retry-after` honoured; a longer one fails at once. Default 120 000. */
  maxRetryAfterMs?: number;
  /** The transport. Default: the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Waits `ms`; must reject when `signal` aborts. Injectable for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Uniform in [0, 1), for jitter. Injectable for tests. */
  random?: () => number;
  /** Clock for HTTP-date `retry-after`. Injectable for tests. */
  now?: () => number;
  /** Called before each wait, for logs and transcripts. */
  onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  provider: Provider;
  /** The attempt that failed (1-based). */
  attempt: number;
  maxAttempts: number;
  /** The wait before the next attempt. */
  delayMs: number;
  /** Whether `delayMs` came from the server (`retry-after`, `retry-after-ms`). */
  fromRetryAfter: boolean;
  reason: 'http' | 'network' | 'timeout' | 'malformed-response';
  status?: number;
  /** One line describing the failure. */
  message: string;
}

export const RETRY_DEFAULTS = {
  maxAttempts: 6,
  timeoutMs: 600_000,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
} as const;

/** Statuses the official Anthropic and OpenAI SDKs retry, plus every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Whether to retry a failed response: as the server's `x-should-retry: true|false` says, else by the status. */
function isRetryableResponse(status: number, shouldRetry: string | null): boolean {
  if (shouldRetry === 'true') return true;
  if (shouldRetry === 'false') return false;
  return isRetryableStatus(status);
}

interface Failure {
  reason: RetryEvent['reason'];
  message: string;
  status?: number;
  retryAfterMs?: number;
  lastError?: unknown;
  responseBody?: string;
}

type FetchInput = Parameters<typeof globalThis.fetch>[0];

type Outcome =
  | { kind: 'response'; response: Response }
  | { kind: 'retry'; failure: Failure }
  | { kind: 'fatal'; error: unknown };

export function createRetryingFetch(options: RetryOptions): typeof globalThis.fetch {
  const provider = options.provider;
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? RETRY_DEFAULTS.maxAttempts));
  const timeoutMs = options.timeoutMs ?? RETRY_DEFAULTS.timeoutMs;
  const baseDelayMs = options.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? RETRY_DEFAULTS.maxRetryAfterMs;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;

  async function attemptOnce(
    input: FetchInput,
    init: RequestInit | undefined,
    callerSignal: AbortSignal | undefined,
  ): Promise<Outcome> {
    const baseFetch = options.fetch ?? globalThis.fetch;
    const controller = new AbortController();
    let timedOut = false;
    const timer =
      timeoutMs > 0 && Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            timedOut = true;
            controller.abort(new DOMException(`per-call timeout of ${timeoutMs} ms exceeded`, 'TimeoutError'));
          }, timeoutMs)
        : undefined;
    const signal = callerSignal ? AbortSignal.any([callerSignal, controller.signal]) : controller.signal;
    try {
      const request = input instanceof Request ? input.clone() : input;
      const response = await baseFetch(request, { ...init, signal });
      if (response.ok && isEventStream(response)) return { kind: 'response', response };
      const body = new Uint8Array(await response.arrayBuffer());
      return classify(response, body);
    } catch (error) {
      if (callerSignal?.aborted) return { kind: 'fatal', error: callerSignal.reason ?? error };
      if (timedOut) {
        return {
          kind: 'retry',
          failure: {
            reason: 'timeout',
            message: `no complete response within the per-call timeout of ${timeoutMs} ms`,
            lastError: error,
          },
        };
      }
      if (isNetworkError(error)) {
        return {
          kind: 'retry',
          failure: { reason: 'network', message: `connection error (${describeError(error)})`, lastError: error },
        };
      }
      return { kind: 'fatal', error };
    } finally {
      clearTimeout(timer);
    }
  }

  function classify(response: Response, body: Uint8Array): Outcome {
    const status = response.status;
    const text = new TextDecoder().decode(body);
    if (response.ok) {
      if (text.trim() !== '' && !isJson(text)) {
        return {
          kind: 'retry',
          failure: {
            reason: 'malformed-response',
            status,
            message: `HTTP ${status} body is not valid JSON (${snippet(text)})`,
            responseBody: text,
          },
        };
      }
      const headers = new Headers(response.headers);
      headers.delete('content-encoding');
      headers.delete('content-length');
      return { kind: 'response', response: new Response(body, { status, statusText: response.statusText, headers }) };
    }
    const info = parseErrorBody(text);
    const detail = describeHttp(status, info, text);
    if (isSpendLimit(status, info)) return { kind: 'fatal', error: new ModelSpendLimitError(provider, status, detail) };
    if (status === 401 || status === 403) return { kind: 'fatal', error: new ModelAuthError(provider, status, detail) };
    if (!isRetryableResponse(status, response.headers.get('x-should-retry'))) {
      return {
        kind: 'fatal',
        error: new ModelRequestError(provider, `${provider} request failed: HTTP ${status} ${detail} (not retried)`, {
          reason: 'http',
          status,
          attempts: 1,
          responseBody: text,
        }),
      };
    }
    return {
      kind: 'retry',
      failure: {
        reason: 'http',
        status,
        message: `HTTP ${status} ${detail}`,
        retryAfterMs: parseRetryAfter(response.headers, now()),
        responseBody: text,
      },
    };
  }

  function exhausted(failure: Failure, attempts: number): ModelRequestError {
    const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
    const reason: ModelRequestFailure = failure.reason === 'http' ? 'http-retries-exhausted' : failure.reason;
    const message =
      failure.reason === 'timeout'
        ? `${provider} request timed out after ${tries}: ${failure.message}`
        : `${provider} request failed after ${tries}: ${failure.message}`;
    return new ModelRequestError(provider, message, {
      reason,
      status: failure.status,
      attempts,
      lastError: failure.lastError,
      responseBody: failure.responseBody,
    });
  }

  return async function retryingFetch(input: FetchInput, init?: RequestInit): Promise<Response> {
    const callerSignal = init?.signal ?? (input instanceof Request ? input.signal : undefined) ?? undefined;
    // A streamed request body cannot be sent twice.
    const attemptsAllowed = isReplayable(init?.body) ? maxAttempts : 1;
    for (let attempt = 1; ; attempt++) {
      if (callerSignal?.aborted) throw callerSignal.reason;
      const outcome = await attemptOnce(input, init, callerSignal);
      if (outcome.kind === 'response') return outcome.response;
      if (outcome.kind === 'fatal') {
        const error = outcome.error;
        if (error instanceof ModelRequestError && error.attempts !== attempt) {
          throw new ModelRequestError(provider, error.message, {
            reason: error.reason,
            status: error.status,
            attempts: attempt,
            responseBody: error.responseBody,
          });
        }
        throw error;
      }
      const failure = outcome.failure;
      if (attempt >= attemptsAllowed) throw exhausted(failure, attempt);
      let delayMs: number;
      const fromRetryAfter = failure.retryAfterMs !== undefined;
      if (failure.retryAfterMs !== undefined) {
        if (failure.retryAfterMs > maxRetryAfterMs) {
          throw new ModelRequestError(
            provider,
            `${provider} asked to retry after ${seconds(failure.retryAfterMs)} s (${failure.message}), ` +
              `longer than the ${seconds(maxRetryAfterMs)} s this run waits; not retried`,
            {
              reason: 'retry-after-too-long',
              status: failure.status,
              attempts: attempt,
              responseBody: failure.responseBody,
            },
          );
        }
        delayMs = failure.retryAfterMs;
      } else {
        delayMs = Math.round(Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * (1 - 0.25 * random()));
      }
      options.onRetry?.({
        provider,
        attempt,
        maxAttempts: attemptsAllowed,
        delayMs,
        fromRetryAfter,
        reason: failure.reason,
        ...(failure.status !== undefined && { status: failure.status }),
        message: failure.message,
      });
      await sleep(delayMs, callerSignal);
    }
  };
}

/** `retry-after-ms` (milliseconds), else `retry-after` (seconds, or an HTTP date relative to `nowMs`). */
export function parseRetryAfter(headers: Headers, nowMs: number): number | undefined {
  const ms = headers.get('retry-after-ms')?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Math.ceil(Number(ms));
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  // An HTTP date ("Sat, 21 Nov 2026 12:00:30 GMT"); Date.parse alone would read "-3" as a year.
  const date = /[a-z]{3}/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

interface ErrorInfo {
  type?: string;
  code?: string;
  message: string;
}

/**
 * Reads both error shapes: OpenAI `{error:{message,type,code}}` and Anthropic
 * `{type:'error',error:{type,message}}`.
 */
function parseErrorBody(text: string): ErrorInfo {
  try {
    const data = JSON.parse(text) as unknown;
    const error = isRecord(data) && isRecord(data['error']) ? data['error'] : undefined;
    if (error) {
      const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
      return { type: str(error['type']), code: str(error['code']), message: str(error['message']) ?? '' };
    }
    if (isRecord(data) && typeof data['message'] === 'string') return { message: data['message'] };
  } catch {
    // not JSON: a proxy's HTML page or plain text
  }
  return { message: '' };
}

function describeHttp(status: number, info: ErrorInfo, text: string): string {
  const kind = [info.type, info.code].filter((v, i, all) => v && all.indexOf(v) === i).join('/');
  const message = info.message || (text.trim() ? snippet(text) : '');
  const parts = [kind, message].filter(Boolean).join(': ');
  return parts || (status >= 500 ? 'server error' : 'no error details');
}

/**
 * OpenAI: `insufficient_quota` (429). Anthropic: "Your credit balance is too low…" (400),
 * `billing_error` (402), workspace "usage limits" (400). Gateways: 402 Payment Required.
 * A plain 429 rate limit is not a spend limit: it is retried.
 */
/** What a provider's error message says when the account is out of credit or over its spend limit. */
const SPEND_LIMIT_MESSAGE =
  /credit balance|billing|spend(ing)? limit|usage limits|exceeded your current quota|insufficient[ _]quota/i;

function isSpendLimit(status: number, info: ErrorInfo): boolean {
  const kind = `${info.type ?? ''} ${info.code ?? ''}`.toLowerCase();
  if (/insufficient_quota|billing|credit/.test(kind)) return true;
  if (status === 402) return true;
  if (status === 400 || status === 403 || status === 429) return SPEND_LIMIT_MESSAGE.test(info.message);
  return false;
}

function isEventStream(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').toLowerCase().includes('text/event-stream');
}

function isReplayable(body: RequestInit['body']): boolean {
  return (
    body == null ||
    typeof body === 'string' ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    body instanceof Blob ||
    body instanceof URLSearchParams ||
    body instanceof FormData
  );
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * undici reports transport failures as `TypeError('fetch failed')` (or 'terminated' mid-body) with
 * the cause chained.
 */
function isNetworkError(error: unknown): boolean {
  if (error instanceof ModelError) return false;
  if (error instanceof TypeError && /fetch failed|terminated|network/i.test(error.message)) return true;
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  }
  return false;
}

function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    parts.push(typeof code === 'string' ? `${e.message} [${code}]` : e.message);
  }
  return parts.join(': ') || String(error);
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Not `clip`: the body is flattened to one line, and `max` counts the characters kept before the `…`.
function snippet(text: string, max = 200): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
