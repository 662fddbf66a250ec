import { retry } from '@octokit/plugin-retry';
import { type ThrottlingOptions, throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

/**
 * The Octokit ensemble talks to GitHub with: REST methods and pagination, the retry plugin for
 * server errors and the throttling plugin for rate limits.
 *
 * Retries are careful about writes. GET, PATCH, PUT and DELETE are retried on 5xx and network
 * errors; so are the content-addressed git data writes (blobs, trees, commits), whose repetition
 * is harmless. Any other POST (a comment, a pull request, a review, a ref) is sent once: a 502 may
 * hide a write that landed, so the caller looks for it before writing again (`writeOnce`). A rate
 * limit answer means nothing was written, so every request is retried after the wait GitHub asks
 * for, up to `rateLimitRetries` times and never longer than `maxRateLimitWait` seconds at once.
 */
export const EnsembleOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof EnsembleOctokit>;

export interface GitHubLog {
  debug: (message: string) => void;
  info: (message: string) => void;
  warn: (message: string) => void;
  error: (message: string) => void;
}

export interface CreateOctokitOptions {
  token: string;
  /** The REST API base URL; `GITHUB_API_URL` (set on every runner, GHES included) or `https://api.github.com`. */
  baseUrl?: string;
  userAgent?: string;
  log?: GitHubLog;
  /** Retries of a request that failed with 5xx or a network error; 3 by default. */
  retries?: number;
  /** Retries after a primary or secondary rate limit; 3 by default. */
  rateLimitRetries?: number;
  /** The longest wait, in seconds, for a rate limit to reset; a longer one fails at once. 900 by default. */
  maxRateLimitWait?: number;
  /**
   * Milliseconds per second of waiting: GitHub's `retry-after`, the rate-limit reset, the retry
   * backoff and the spacing of writes all count in seconds scaled by this. 1000 by default;
   * tests make it small.
   */
  secondMs?: number;
}

/**
 * POSTs whose repetition cannot duplicate anything: git objects are content-addressed, labels are a
 * set, and ensemble's GraphQL calls only read review threads or resolve one (`threads.ts`). They
 * are retried as GETs are (5xx, never 4xx); every other POST is sent once.
 */
const REPEATABLE_POSTS = [/\/git\/(?:blobs|trees|commits)$/, /\/issues\/\d+\/labels$/, /\/graphql$/];

export interface ClientSettings {
  secondMs: number;
  retries: number;
  log: GitHubLog;
}

const settings = new WeakMap<object, ClientSettings>();

/** The timing and log a client was made with (defaults for an Octokit made elsewhere). */
export function clientSettings(octokit: object): ClientSettings {
  return settings.get(octokit) ?? { secondMs: 1000, retries: 3, log: silent };
}

const silent: GitHubLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/**
 * GitHub asks integrations to space writes (one per second, content that notifies people one per
 * three). The throttling plugin does that with process-wide limiters; these per-client ones honour
 * `secondMs` so that tests do not sleep.
 */
function spacing(ms: number) {
  let last = 0;
  let chain: Promise<unknown> = Promise.resolve();
  const limiter = {
    schedule(...args: unknown[]) {
      const [first] = args;
      const rest = typeof first === 'function' ? args : args.slice(1);
      const [fn, ...fnArgs] = rest as [(...a: unknown[]) => unknown, ...unknown[]];
      const run = chain.then(async () => {
        const wait = last + ms - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        last = Date.now();
        return fn(...fnArgs);
      });
      chain = run.catch(() => {});
      return run;
    },
  };
  return { key: () => limiter } as unknown as NonNullable<ThrottlingOptions['write']>;
}

function defaultUserAgent(userAgent: string | undefined): string {
  const base = userAgent ?? 'ensemble';
  const orchestration = process.env['ACTIONS_ORCHESTRATION_ID']?.trim();
  return orchestration ? `${base} actions_orchestration_id/${orchestration.replace(/[^a-z0-9_.-]/gi, '_')}` : base;
}

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];

/**
 * Behind a proxy (self-hosted runners), requests go through `@actions/github`'s proxy-aware fetch,
 * which honours `HTTPS_PROXY` and `NO_PROXY` as every official action does. Loaded on first use.
 */
function proxyFetch(): typeof fetch | undefined {
  if (!PROXY_VARIABLES.some((name) => process.env[name])) return undefined;
  let loaded: Promise<typeof fetch> | undefined;
  return async (input, init) => {
    loaded ??= import('@actions/github/lib/utils').then(
      (m) => (m.defaults.request?.fetch as typeof fetch | undefined) ?? fetch,
    );
    return (await loaded)(input, init);
  };
}

export function createOctokit(options: CreateOctokitOptions): GitHubClient {
  if (!options.token)
    throw new Error('no GitHub token: pass the github-token input (by default the workflow token, github.token)');
  const log = options.log ?? silent;
  const second = options.secondMs ?? 1000;
  const rateLimitRetries = options.rateLimitRetries ?? 3;
  const maxWait = options.maxRateLimitWait ?? 900;
  const baseUrl = (options.baseUrl ?? process.env['GITHUB_API_URL'] ?? 'https://api.github.com').replace(/\/+$/, '');

  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const fields = request as unknown as Record<string, unknown>;
      const path = request.url.replace(/\{(\w+)\}/g, (whole, name: string) =>
        fields[name] === undefined ? whole : String(fields[name]),
      );
      const what = `${request.method} ${path}`;
      if (retryCount >= rateLimitRetries) {
        log.warn(`GitHub ${kind} rate limit on ${what}: giving up after ${retryCount} retries`);
        return false;
      }
      if (retryAfter > maxWait) {
        log.warn(
          `GitHub ${kind} rate limit on ${what}: the limit resets ` +
            `in ${retryAfter}s, longer than the ${maxWait}s ensemble waits`,
        );
        return false;
      }
      log.warn(
        `GitHub ${kind} rate limit on ${what}: retry ${retryCount + 1} of ${rateLimitRetries} in ${retryAfter}s`,
      );
      return true;
    };

  const fetchImpl = proxyFetch();
  const octokit = new EnsembleOctokit({
    auth: options.token,
    baseUrl,
    userAgent: defaultUserAgent(options.userAgent),
    log,
    request: fetchImpl ? { fetch: fetchImpl } : {},
    retry: {
      retries: options.retries ?? 3,
      retryAfterBaseValue: second,
      // Rate limits (403, 429) belong to the throttling plugin, which honours GitHub's wait.
      doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
    },
    throttle: {
      retryAfterBaseValue: second,
      fallbackSecondaryRateRetryAfter: 60,
      write: spacing(second),
      notifications: spacing(3 * second),
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
    },
  });
  octokit.hook.before('request', (request) => {
    const path = new URL(request.url, baseUrl).pathname;
    if (request.method === 'POST' && !REPEATABLE_POSTS.some((re) => re.test(path))) {
      request.request = { ...request.request, retries: request.request?.retries ?? 0 };
    }
  });
  settings.set(octokit, { secondMs: second, retries: options.retries ?? 3, log });
  return octokit;
}
