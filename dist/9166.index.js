export const id = 9166;
export const ids = [9166,6583,963];
export const modules = {

/***/ 40963:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ARTIFACTS: () => (/* binding */ ARTIFACTS),
/* harmony export */   artifactOfAgent: () => (/* binding */ artifactOfAgent),
/* harmony export */   producerOfArtifact: () => (/* binding */ producerOfArtifact)
/* harmony export */ });
/* harmony import */ var _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66811);
/**
 * Artifact names, derived from the contracts' document table (`DOCUMENTS[*].artifact`): the same
 * locally (folders of a run directory) and on GitHub (artifacts of a workflow run), so that a
 * downloaded GitHub run is a run directory too.
 */

const fill = (pattern, placeholder, value) => pattern.replace(`<${placeholder}>`, value);
const ARTIFACTS = {
    plan: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.plan.artifact,
    code: (taskId) => fill(_contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.task.artifact, 'task', taskId),
    test: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.test.artifact,
    review: (lens) => fill(_contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.review.artifact, 'lens', lens),
    docs: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.docs.artifact,
    /** A fix round's artifact; the round's re-test and re-review are a run directory inside it. */
    fix: (round) => fill(_contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.fix.artifact, 'round', String(round)),
    /** A follow-up run's trigger and starting state (written before its fix job). */
    followUp: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS['follow-up'].artifact,
    publish: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.publish.artifact,
};
/** `ensemble-code-<task>` → /^ensemble-code-.+$/ */
function patternOf(artifact) {
    const literal = artifact.replace(/<[a-z]+>/, '\u0000').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`^${literal.replace('\u0000', '.+')}$`);
}
const PRODUCERS = Object.values(_contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS).map((d) => ({ pattern: patternOf(d.artifact), producer: d.producer }));
/** The stage that writes an artifact, from its name (`ensemble-code-api` → `code`); null when no stage does. */
function producerOfArtifact(name) {
    return PRODUCERS.find((p) => p.pattern.test(name))?.producer ?? null;
}
/** The artifact an agent's transcript belongs to: `code:api` → `ensemble-code-api`, `plan` → `ensemble-plan`. */
function artifactOfAgent(agent) {
    const [stage, name] = agent.split(':', 2);
    if (stage === 'code' && name)
        return ARTIFACTS.code(name);
    if (stage === 'review' && name)
        return ARTIFACTS.review(name);
    if (stage === 'fix' && name && /^[1-9][0-9]*$/.test(name))
        return ARTIFACTS.fix(Number(name));
    if (stage === 'plan' || stage === 'test' || stage === 'docs')
        return ARTIFACTS[stage];
    throw new Error(`no artifact for agent "${agent}"`);
}


/***/ }),

/***/ 15687:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zE: () => (/* binding */ EnsembleOctokit),
  ry: () => (/* binding */ clientSettings),
  Qi: () => (/* binding */ createOctokit)
});

// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(63251);
;// CONCATENATED MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
// pkg/dist-src/index.js


// pkg/dist-src/version.js
var VERSION = "0.0.0-development";

// pkg/dist-src/wrap-request.js
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}

// pkg/dist-src/generated/triggers-notification-paths.js
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];

// pkg/dist-src/route-matcher.js
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}

// pkg/dist-src/index.js
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck, common) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck = light,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck();
    const events = {};
    const emitter = new Bottleneck.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION;
throttling.triggersNotification = triggersNotification;


// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 12 modules
var dist_src = __webpack_require__(14730);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-request-log/dist-src/index.js + 1 modules
var plugin_request_log_dist_src = __webpack_require__(55077);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var plugin_paginate_rest_dist_bundle = __webpack_require__(93779);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js + 3 modules
var plugin_rest_endpoint_methods_dist_src = __webpack_require__(49210);
;// CONCATENATED MODULE: ./node_modules/@octokit/rest/dist-src/version.js
const version_VERSION = "22.0.1";


;// CONCATENATED MODULE: ./node_modules/@octokit/rest/dist-src/index.js





const Octokit = dist_src/* Octokit */.E.plugin(plugin_request_log_dist_src/* requestLog */.M, plugin_rest_endpoint_methods_dist_src/* legacyRestEndpointMethods */.T, plugin_paginate_rest_dist_bundle/* paginateRest */.ud).defaults(
  {
    userAgent: `octokit-rest.js/${version_VERSION}`
  }
);


;// CONCATENATED MODULE: ./lib/github/octokit.js



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
const EnsembleOctokit = Octokit.plugin(dist_bundle/* retry */.L, throttling);
/**
 * POSTs whose repetition cannot duplicate anything: git objects are content-addressed, labels are a
 * set, and ensemble's GraphQL calls only read review threads or resolve one (`threads.ts`). They
 * are retried as GETs are (5xx, never 4xx); every other POST is sent once.
 */
const REPEATABLE_POSTS = [/\/git\/(?:blobs|trees|commits)$/, /\/issues\/\d+\/labels$/, /\/graphql$/];
const settings = new WeakMap();
/** The timing and log a client was made with (defaults for an Octokit made elsewhere). */
function clientSettings(octokit) {
    return settings.get(octokit) ?? { secondMs: 1000, retries: 3, log: silent };
}
const silent = { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } };
/**
 * GitHub asks integrations to space writes (one per second, content that notifies people one per
 * three). The throttling plugin does that with process-wide limiters; these per-client ones honour
 * `secondMs` so that tests do not sleep.
 */
function spacing(ms) {
    let last = 0;
    let chain = Promise.resolve();
    const limiter = {
        schedule(...args) {
            const [first] = args;
            const rest = typeof first === 'function' ? args : args.slice(1);
            const [fn, ...fnArgs] = rest;
            const run = chain.then(async () => {
                const wait = last + ms - Date.now();
                if (wait > 0)
                    await new Promise((resolve) => setTimeout(resolve, wait));
                last = Date.now();
                return fn(...fnArgs);
            });
            chain = run.catch(() => { });
            return run;
        },
    };
    return { key: () => limiter };
}
function defaultUserAgent(userAgent) {
    const base = userAgent ?? 'ensemble';
    const orchestration = process.env['ACTIONS_ORCHESTRATION_ID']?.trim();
    return orchestration ? `${base} actions_orchestration_id/${orchestration.replace(/[^a-z0-9_.-]/gi, '_')}` : base;
}
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
/**
 * Behind a proxy (self-hosted runners), requests go through `@actions/github`'s proxy-aware fetch,
 * which honours `HTTPS_PROXY` and `NO_PROXY` as every official action does. Loaded on first use.
 */
function proxyFetch() {
    if (!PROXY_VARIABLES.some((name) => process.env[name]))
        return undefined;
    let loaded;
    return async (input, init) => {
        loaded ??= Promise.all(/* import() */[__webpack_require__.e(4119), __webpack_require__.e(2032)]).then(__webpack_require__.bind(__webpack_require__, 22032)).then((m) => m.defaults.request?.fetch ?? fetch);
        return (await loaded)(input, init);
    };
}
function createOctokit(options) {
    if (!options.token)
        throw new Error('no GitHub token: pass the github-token input (by default the workflow token, github.token)');
    const log = options.log ?? silent;
    const second = options.secondMs ?? 1000;
    const rateLimitRetries = options.rateLimitRetries ?? 3;
    const maxWait = options.maxRateLimitWait ?? 900;
    const baseUrl = (options.baseUrl ?? process.env['GITHUB_API_URL'] ?? 'https://api.github.com').replace(/\/+$/, '');
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const fields = request;
        const path = request.url.replace(/\{(\w+)\}/g, (whole, name) => fields[name] === undefined ? whole : String(fields[name]));
        const what = `${request.method} ${path}`;
        if (retryCount >= rateLimitRetries) {
            log.warn(`GitHub ${kind} rate limit on ${what}: giving up after ${retryCount} retries`);
            return false;
        }
        if (retryAfter > maxWait) {
            log.warn(`GitHub ${kind} rate limit on ${what}: the limit resets ` +
                `in ${retryAfter}s, longer than the ${maxWait}s ensemble waits`);
            return false;
        }
        log.warn(`GitHub ${kind} rate limit on ${what}: retry ${retryCount + 1} of ${rateLimitRetries} in ${retryAfter}s`);
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


/***/ }),

/***/ 32192:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ writeOnce),
/* harmony export */   J: () => (/* binding */ isAmbiguousFailure)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9452);
/* harmony import */ var _octokit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15687);


/** A failure after which the write may or may not have landed: a 5xx, or no answer at all. */
function isAmbiguousFailure(error) {
    const status = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error);
    return status === null || status >= 500;
}
/**
 * A non-idempotent write that is never duplicated: when an attempt fails without a clear answer
 * (502, timeout, dropped connection) the write may have landed, so `find` looks for it before
 * the next attempt. A clear refusal (4xx) is not retried.
 */
async function writeOnce(octokit, options) {
    const { secondMs, retries, log } = (0,_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .clientSettings */ .ry)(octokit);
    const attempts = Math.max(1, options.attempts ?? retries + 1);
    for (let attempt = 1;; attempt++) {
        try {
            return { value: await options.create(), recovered: false };
        }
        catch (error) {
            if (!isAmbiguousFailure(error) || attempt >= attempts)
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainGitHubError */ .Pm)(error, options.operation);
            log.warn(`could not ${options.operation.action} (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) ?? 'no answer'}); ` +
                'checking whether it landed before retrying');
            await new Promise((resolve) => setTimeout(resolve, attempt * attempt * secondMs));
            let found;
            try {
                found = await options.find();
            }
            catch (lookup) {
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainGitHubError */ .Pm)(lookup, {
                    ...options.operation,
                    action: `check whether the attempt to ${options.operation.action} landed`,
                });
            }
            if (found !== null)
                return { value: found, recovered: true };
        }
    }
}


/***/ }),

/***/ 29367:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Qb: () => (/* binding */ checkSafeOutputs),
  hz: () => (/* binding */ formatRefusals),
  KV: () => (/* binding */ publishProtectedPaths),
  S_: () => (/* binding */ sanitiseText)
});

// UNUSED EXPORTS: DEFAULT_MAX_MENTIONS, MAX_BODY_CHARS, MAX_TITLE_CHARS, defaultPublishProtectedPaths, liveMentions

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./lib/config/instructions.js
var instructions = __webpack_require__(70417);
// EXTERNAL MODULE: ./lib/config/load.js
var load = __webpack_require__(76264);
// EXTERNAL MODULE: ./lib/contracts/config.js
var config = __webpack_require__(41317);
// EXTERNAL MODULE: ./lib/render/markdown.js
var markdown = __webpack_require__(43419);
// EXTERNAL MODULE: ./lib/render/safe.js
var safe = __webpack_require__(85303);
// EXTERNAL MODULE: ./lib/secrets/scan.js
var scan = __webpack_require__(51512);
// EXTERNAL MODULE: ./lib/util/text.js
var util_text = __webpack_require__(28805);
// EXTERNAL MODULE: ./lib/workspace/diff/index.js + 4 modules
var diff = __webpack_require__(75585);
// EXTERNAL MODULE: ./lib/workspace/glob.js
var workspace_glob = __webpack_require__(84659);
// EXTERNAL MODULE: ./lib/workspace/patch.js
var workspace_patch = __webpack_require__(93515);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./lib/publish/policy-exec.js
/**
 * Two rules of the safe-output policy (`policy.ts`) about what a change makes run, or reach,
 * without review, which no path pattern can express:
 *
 * - `lifecycle-script`: a `package.json` (at any depth: workspaces install too) whose added lines
 *   set a script npm, yarn or pnpm runs on install or pack (`preinstall`, `install`,
 *   `postinstall`, `preprepare`, `prepare`, `postprepare`, `prepublish`, `prepack`, `postpack`),
 *   `packageManager` (corepack downloads and runs what it names), or the git hooks of a hook
 *   manager kept in `package.json` (`gitHooks`, and `husky`, `simple-git-hooks`, `lint-staged`,
 *   `pre-commit` with an object or list value). The patch shows only a few lines around a change,
 *   so which object a key is in is read from the hunk: a lifecycle name in an object the hunk
 *   shows is not `scripts` (`dependencies`: there is a package called `install`) passes; in
 *   `scripts`, or in an object that opens before the hunk, it is refused (fail closed). Keys are
 *   read as JSON, escapes (`"post\u0069nstall"`) included. A `package.json` given as a binary
 *   patch, or made by renaming or copying another file without its lines, cannot be read and is
 *   refused.
 * - `symlink`: a symbolic link (git mode 120000; its content is its target) that the patch adds
 *   or changes is refused when its target is absolute, leaves the repository (resolved from the
 *   link's directory, through the links the patches add), is inside `.git`, or lands on a
 *   protected path or a directory all of which is protected (`.github/workflows`); and when the
 *   link is where a protected pattern reaches inside (`.github/workflows` or `.github` ->
 *   anything: its files would be workflows that no pattern sees). A link whose target the patch
 *   does not show (a mode change without content, a binary hunk) is refused. Not seen: links
 *   already in the base commit (the resolution does not follow them), and a link renamed or
 *   copied unchanged (git shows no mode for it, so it is indistinguishable from a file).
 */



// ---------------------------------------------------------------------------------------------
// lifecycle scripts
/** Scripts a package manager runs by itself on `install` (of this package or the repository) or `pack`. */
const LIFECYCLE_SCRIPTS = new Map([
    ['preinstall', 'runs on install'],
    ['install', 'runs on install'],
    ['postinstall', 'runs on install'],
    ['preprepare', 'runs on install'],
    ['prepare', 'runs on install'],
    ['postprepare', 'runs on install'],
    ['prepublish', 'runs on install'],
    ['prepack', 'runs on pack, and on installing the repository as a git dependency'],
    ['postpack', 'runs on pack, and on installing the repository as a git dependency'],
]);
/** Keys that do not name packages (no package name has capitals): refused at any depth. */
const RUNNING_KEYS = new Map([
    ['packageManager', 'names the package manager that corepack downloads and runs'],
    ['gitHooks', 'sets git hooks (yorkie) that run on commits'],
]);
/** Hook managers configured in `package.json`; also package names, so refused only with an object or list value. */
const HOOK_MANAGER_KEYS = new Set(['husky', 'simple-git-hooks', 'lint-staged', 'pre-commit']);
/** JSON tokens of one line: strings, punctuation, and any other run (numbers, literals). */
function tokens(text, added) {
    return [...text.matchAll(/"(?:[^"\\]|\\.)*"?|[{}[\]:,]|[^\s{}[\]:,"]+/g)].map((m) => ({ text: m[0], added }));
}
function jsonString(token) {
    try {
        const value = JSON.parse(token);
        return typeof value === 'string' ? value : token;
    }
    catch {
        return token.replace(/^"|"$/g, '');
    }
}
/** What the added lines of one hunk of a `package.json` set that runs without review. */
function hunkFindings(lines) {
    const stream = lines.filter((l) => l.kind !== 'delete').flatMap((l) => tokens(l.text, l.kind === 'add'));
    // Frames the hunk opened; below them, an object that opened before the hunk (unknown).
    const stack = [];
    const findings = [];
    for (let i = 0; i < stream.length; i++) {
        const token = stream[i];
        const next = stream[i + 1];
        if (token.text === '{' || token.text === '[') {
            const before = stream[i - 1];
            const keyToken = before?.text === ':' ? stream[i - 2] : undefined;
            stack.push({ key: keyToken?.text.startsWith('"') ? jsonString(keyToken.text) : null });
            continue;
        }
        if (token.text === '}' || token.text === ']') {
            stack.pop();
            continue;
        }
        if (!token.text.startsWith('"') || next?.text !== ':')
            continue;
        const key = jsonString(token.text);
        const value = stream[i + 2];
        if (!token.added && !value?.added)
            continue;
        const frame = stack.at(-1);
        const lifecycle = LIFECYCLE_SCRIPTS.get(key);
        if (lifecycle && (frame === undefined || frame.key === 'scripts')) {
            const place = frame === undefined ? ' (in an object that opens before the lines shown)' : '';
            findings.push(`sets the "${key}" script${place}, which ${lifecycle}`);
        }
        const running = RUNNING_KEYS.get(key);
        if (running)
            findings.push(`sets "${key}", which ${running}`);
        if (HOOK_MANAGER_KEYS.has(key) && (value?.text === '{' || value?.text === '[')) {
            findings.push(`configures "${key}", whose git hooks run on commits`);
        }
    }
    return findings;
}
function isPackageJson(path) {
    return path !== null && external_node_path_.posix.basename(path).toLowerCase() === 'package.json';
}
/**
 * Why the change `section` (one file's part of a patch) makes to a `package.json` runs code
 * without review; empty when it does not, or is not a `package.json`.
 */
function lifecycleFindings(section, change) {
    if (change.kind === 'deleted' || !isPackageJson(change.path))
        return [];
    const file = (0,diff/* parseUnifiedDiff */.rj)(section)[0];
    if (!file)
        return [];
    if (file.binary)
        return ['is given as a binary patch, so its scripts cannot be checked'];
    if (file.hunks.length === 0 && change.oldPath !== null && !isPackageJson(change.oldPath)) {
        return [`is made from ${change.oldPath} without its lines, so its scripts cannot be checked`];
    }
    return [...new Set(file.hunks.flatMap((h) => hunkFindings(h.lines)))];
}
// ---------------------------------------------------------------------------------------------
// symbolic links
const SYMLINK_MODE = '120000';
/** The link `section` adds or changes, or null when the file it leaves is not a symbolic link. */
function linkInSection(section, change, label) {
    if (change.kind === 'deleted')
        return null;
    const header = section.split(/\n(?=@@|GIT binary patch)/)[0] ?? '';
    const modes = [...header.matchAll(/^(?:new file mode|new mode) (\d+)|^index [0-9a-f]+\.\.[0-9a-f]+ (\d+)/gm)].map((m) => m[1] ?? m[2]);
    if (modes.at(-1) !== SYMLINK_MODE)
        return null;
    const file = (0,diff/* parseUnifiedDiff */.rj)(section)[0];
    if (!file || file.binary)
        return { label, change, target: null, unreadable: 'a binary patch' };
    if (file.hunks.length === 0)
        return { label, change, target: null, unreadable: 'no content' };
    // A link's content is one line; its hunk is the whole file.
    const lines = file.hunks.flatMap((h) => h.lines.filter((l) => l.kind !== 'delete').map((l) => l.text));
    return { label, change, target: lines.join('\n') };
}
/** `dir` as path segments; the root is none. */
function segments(path) {
    return path.split('/').filter((s) => s !== '' && s !== '.');
}
const MAX_HOPS = 40; // Linux's limit on links followed in one lookup
function isAbsoluteTarget(target) {
    return target.startsWith('/') || target.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(target);
}
/**
 * Where `target`, read from the directory of the link at `linkPath`, leads: a repository-relative
 * path ('' for the root), following the links in `links` (by lower-cased path) on the way.
 */
function resolveLink(linkPath, target, links) {
    if (isAbsoluteTarget(target))
        return { problem: 'is an absolute path, outside the repository' };
    const dir = segments(linkPath).slice(0, -1);
    // A backslash separates too where the checkout is on Windows.
    let pending = target.split(/[\\/]/);
    let hops = 0;
    while (pending.length > 0) {
        const part = pending.shift();
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (dir.length === 0)
                return { problem: 'leaves the repository' };
            dir.pop();
            continue;
        }
        dir.push(part);
        const next = links.get(dir.join('/').toLowerCase());
        if (next === undefined)
            continue;
        if (++hops > MAX_HOPS)
            return { problem: 'goes round a loop of symbolic links' };
        if (isAbsoluteTarget(next))
            return { problem: `leads through ${dir.join('/')} to an absolute path` };
        dir.pop();
        pending = [...next.split(/[\\/]/), ...pending];
    }
    return { path: dir.join('/') };
}
/** One path segment against one pattern segment, as `compileGlob` matches it. */
const segmentGlobs = new Map();
function segmentMatches(patternSegment, segment) {
    let glob = segmentGlobs.get(patternSegment);
    if (!glob) {
        glob = (0,workspace_glob/* compileGlob */.SO)(`/${patternSegment}`);
        segmentGlobs.set(patternSegment, glob);
    }
    return glob.regexp.test(segment);
}
/**
 * `pattern` from `p` (`**` matching any number of segments) consumes all of `path` from `q`, or
 * matches a parent of it.
 */
function prefixMatch(pattern, p, path, q) {
    if (q === path.length)
        return true; // the path is, or is on the way to, what the rest of the pattern matches
    if (p === pattern.length)
        return true; // a parent of the path matches: the path is inside
    const segment = pattern[p];
    if (segment === '**')
        return prefixMatch(pattern, p + 1, path, q) || prefixMatch(pattern, p, path, q + 1);
    return segmentMatches(segment, path[q]) && prefixMatch(pattern, p + 1, path, q + 1);
}
/**
 * Whether the pattern of `glob` matches `path`, or something inside it through the path's own
 * segments: a link at such a path puts files where the pattern protects them without the pattern
 * seeing them (`.github/workflows` for `.github/workflows/**`, `.github` too). A pattern that
 * matches a name at any depth (`action.yml`) matches the linked file where it really is as well,
 * so it does not count.
 */
function patternReaches(path, glob) {
    let body = glob.pattern.replace(/\/+$/, '');
    const anchored = body.startsWith('/') || body.includes('/');
    body = body.replace(/^\/+/, '');
    let parts = body.split('/');
    const target = segments(path);
    if (!anchored || parts[0] === '**') {
        parts = parts.filter((_, i) => i > 0 || parts[0] !== '**');
        // Only a match that uses the path's own segments counts.
        for (let start = 0; start < target.length; start++) {
            if (prefixMatch(parts, 0, target, start))
                return true;
        }
        return false;
    }
    return prefixMatch(parts, 0, target, 0);
}
function describeLink(link) {
    const { change } = link;
    const shown = link.target === null ? '' : ` -> ${link.target}`;
    if (change.kind === 'added')
        return `adds the symbolic link ${change.path}${shown}`;
    if (change.kind === 'renamed')
        return `renames ${change.oldPath} to the symbolic link ${change.path}${shown}`;
    if (change.kind === 'copied')
        return `copies ${change.oldPath} to the symbolic link ${change.path}${shown}`;
    return `makes ${change.path} a symbolic link${shown}`;
}
/**
 * The links among `links` that are refused (module comment). `globs` are the protected paths.
 * Each link is resolved through the links of its own patch and through those of all the patches.
 */
function linkFindings(links, globs) {
    const keyed = (list) => new Map(list.flatMap((l) => (l.target === null ? [] : [[l.change.path.toLowerCase(), l.target]])));
    const all = keyed(links);
    const findings = [];
    for (const link of links) {
        const found = (detail) => findings.push({ label: link.label, path: link.change.path, detail: `${describeLink(link)}; ${detail}` });
        // A link on a protected path itself is the `protected-path` rule's.
        const atLink = (0,workspace_glob/* matchGlobs */.jv)(link.change.path, globs)
            ? undefined
            : globs.find((g) => patternReaches(link.change.path, g));
        if (atLink) {
            found(`a link there puts files where "${atLink.pattern}" protects them (protected-paths)`);
        }
        if (link.target === null) {
            found(`the patch does not show its target (${link.unreadable}), so it cannot be checked`);
            continue;
        }
        const own = keyed(links.filter((l) => l.label === link.label));
        for (const map of [own, new Map([...all, ...own])]) {
            const resolved = resolveLink(link.change.path, link.target, map);
            if ('problem' in resolved) {
                found(`its target ${resolved.problem}`);
                break;
            }
            const where = resolved.path === '' ? 'the repository root' : resolved.path;
            if (segments(resolved.path)[0]?.toLowerCase() === '.git') {
                found(`its target ${where} is inside .git`);
                break;
            }
            // The target, or a directory everything in which is protected (a name no pattern names on purpose).
            const glob = (0,workspace_glob/* matchGlobs */.jv)(resolved.path, globs) ?? (0,workspace_glob/* matchGlobs */.jv)(`${resolved.path}/\u0000`, globs);
            if (glob) {
                found(`its target ${where} is protected by "${glob.pattern}" (protected-paths)`);
                break;
            }
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./lib/publish/policy.js
/**
 * The safe-output policy: what `publish` checks, all or nothing, before it writes anything.
 * A refusal names its rule, where (the patch and file, or the text), and what was found, never
 * the secret itself; `formatRefusals` turns refusals into a message a user can act on.
 *
 * Rules:
 * - `protected-path`: no patch touches a protected path, both sides of a rename included. Paths
 *   are read twice, by `pathsInPatch` and by git (`git apply --numstat`), so that a header one
 *   reader misreads cannot hide a path. Default patterns: `defaultPublishProtectedPaths`, which
 *   covers what runs on the maintainer's or CI's side without review (`DEFAULT_PROTECTED_PATHS`).
 * - `lifecycle-script` / `symlink`: no `package.json` gains a script that runs on install (or the
 *   package manager, or git hooks), no symbolic link leaves the tree, lands on a protected path
 *   or sits where a protected pattern reaches inside (`.github/workflows`); see `policy-exec.ts`.
 *   Always on: no pattern can say this, and an agent has no reason to do either unreviewed.
 * - `unreadable-patch`: a patch whose file names (or binary content) cannot be read cannot be
 *   checked, so it is refused (fail closed).
 * - `patch-size` / `file-count`: the total bytes (UTF-8) of all patches, and the distinct paths
 *   they touch (a rename touches two), stay within `maxPatchBytes` / `maxFiles`.
 * - `binary-size`: one binary hunk that inflates to more than `maxPatchBytes` is refused before it
 *   is inflated (a few kilobytes of patch can hold gigabytes of zeros).
 * - `credential` / `secret-value`: no patch or text holds a credential pattern or one of the
 *   secret values the step was given (see `secrets.ts`).
 * - `mention-flood`: a text with more than `maxMentions` (default 10) distinct live `@mentions`
 *   is refused; below that they are neutralised.
 *
 * What is scanned in a patch: added lines, the new names of added, renamed and copied files, and
 * the new content of binary files (a `literal` hunk decoded in full, the inserted data of a
 * `delta` hunk). Removed and context lines are not: they are in the base commit already, so
 * publishing does not disclose them, and a change that deletes a committed key must be able to.
 * The reverse hunk of a binary patch (the old content) is skipped for the same reason.
 *
 * Sanitising (never a refusal): invisible characters removed (but U+200B, which the renderers
 * insert to neutralise and which hides nothing), links to hosts other than `allowedHost` made
 * inert and `@mentions` neutralised (`render/safe.ts`), titles put on one line and capped at 256
 * characters, bodies capped at 65,536 with a truncation note (`truncateMarkdown`). The texts
 * include rendered documents that carry ensemble's own hidden marker, `<details>` and `Closes #n`,
 * so HTML and closing keywords are left to the renderers (which neutralise every untrusted part
 * with `safeBlock`/`safeInline`); pass model text that did not go through a renderer as
 * `kind: 'raw'` to have all of `safeBlock` applied. Every transform is idempotent on text a
 * renderer produced.
 */












const DEFAULT_MAX_MENTIONS = 10;
const MAX_TITLE_CHARS = 256;
const MAX_BODY_CHARS = 65_536;
// ---------------------------------------------------------------------------------------------
// protected paths
/** A repository-relative path as a pattern that matches exactly that path (anchored, glob characters escaped). */
function literalPattern(path) {
    return `/${path
        .replace(/^(?:\.\/)+/, '')
        .replace(/^\/+/, '')
        .replace(/[*?[\\]/g, '\\$&')}`;
}
/**
 * The paths `publish` protects by default: the config's default `protected-paths`
 * (`DEFAULT_PROTECTED_PATHS`: workflows, actions and whatever else runs without review), the
 * ensemble configuration file (`configPath`, repository-relative) and the instruction files agents
 * read (`AGENTS.md` and `CLAUDE.md` at any depth, `.github/copilot-instructions.md`).
 */
function defaultPublishProtectedPaths(configPath = DEFAULT_CONFIG_PATH) {
    return publishProtectedPaths(DEFAULT_PROTECTED_PATHS, configPath);
}
/**
 * `configured` (the config's `protected-paths`, `DEFAULT_PROTECTED_PATHS` unless changed) plus the
 * configuration file and the instruction files, which steer the agents and are always protected.
 */
function publishProtectedPaths(configured, configPath = load/* DEFAULT_CONFIG_PATH */.Bi) {
    return [...new Set([...configured, literalPattern(configPath), ...instructions/* INSTRUCTION_FILES */.XI])];
}
/** The patch's per-file sections (`splitSections`), each with the first change it makes as `pathsInPatch` reads it. */
function sections(patch) {
    return (0,diff/* splitSections */.nO)(patch).map((text) => {
        const change = (0,workspace_patch/* pathsInPatch */.QY)(text)[0] ?? null;
        const usable = change !== null && change.path !== '' && change.oldPath !== '';
        const plusPath = /^\+\+\+ (?:b\/)?([^\t\n]+)/m.exec(text)?.[1];
        const shownPath = usable ? change.path : (plusPath ?? '(a file whose name cannot be read)');
        return { text, change: usable ? change : null, shownPath };
    });
}
/** Secret values and credential patterns in `text`; `at` says where a line is. */
function scanText(text, needles, where, at) {
    const refusals = [];
    const found = (0,scan/* findSecrets */.dL)(text, needles);
    for (const hit of found.secrets) {
        refusals.push({ rule: 'secret-value', where, detail: `${(0,scan/* describeSecretHit */.Fk)(hit)} ${at(hit.line)}` });
    }
    for (const hit of found.credentials) {
        refusals.push({ rule: 'credential', where, detail: `${hit.pattern.name} ${hit.shown} ${at(hit.line)}` });
    }
    return refusals;
}
/** Credentials and secret values in what `section` adds: its new file name, added lines and new binary content. */
function scanSection(section, label, scanner, maxBytes) {
    const where = `${label}: ${section.shownPath}`;
    const refusals = [];
    const change = section.change;
    if (change && change.kind !== 'modified' && change.kind !== 'deleted') {
        refusals.push(...scanText(change.path, scanner.needles, where, () => 'in the file name'));
    }
    const lines = section.text.split('\n');
    let inHunk = false;
    let newLine = 0;
    // Consecutive added lines are scanned as one text, so that a secret split across them is found.
    let added = { first: 0, lines: [] };
    const flushAdded = () => {
        const { first } = added;
        refusals.push(...scanText(added.lines.join('\n'), scanner.needles, where, (n) => `on line ${first + n - 1}`));
        added = { first: 0, lines: [] };
    };
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (!line.startsWith('+') && added.lines.length > 0)
            flushAdded();
        if (line.startsWith('@@')) {
            inHunk = true;
            newLine = Number(/^@@ -\d+(?:,\d+)? \+(\d+)/.exec(line)?.[1] ?? 1);
            continue;
        }
        if (!inHunk) {
            if (line.replace(/\r$/, '') === 'GIT binary patch') {
                const content = (0,diff/* forwardBinary */.vA)(lines, i + 1, maxBytes);
                if (content.ok) {
                    // One byte per character; NUL between inserted chunks so that no match spans two of them.
                    const bytes = content.chunks.map((c) => c.toString('latin1')).join('\0');
                    refusals.push(...scanText(bytes, scanner.binaryNeedles, where, () => 'in the new binary content'));
                }
                else if (content.tooLarge !== null) {
                    refusals.push({
                        rule: 'binary-size',
                        where,
                        detail: `a binary hunk inflates to ${content.tooLarge.toLocaleString('en-US')} bytes, more ` +
                            `than the limit of ${maxBytes.toLocaleString('en-US')} (limits.max-patch-bytes)`,
                    });
                }
                else {
                    refusals.push({
                        rule: 'unreadable-patch',
                        where,
                        detail: 'the binary patch cannot be decoded, so it cannot be checked for credentials',
                    });
                }
                break;
            }
            continue; // header lines: names were read above
        }
        if (line.startsWith('+')) {
            if (added.lines.length === 0)
                added.first = newLine;
            added.lines.push(line.slice(1));
            newLine++;
        }
        else if (line.startsWith('-') || line.startsWith('\\')) {
            // removed (already in the base) or "\ No newline at end of file"
        }
        else {
            newLine++;
        }
    }
    if (added.lines.length > 0)
        flushAdded();
    return refusals;
}
function describeTouch(change, path) {
    if (!change)
        return `touches ${path}`;
    if (change.kind === 'renamed' && change.oldPath === path)
        return `renames ${path} to ${change.path}`;
    if (change.kind === 'renamed')
        return `renames ${change.oldPath} to ${path}`;
    if (change.kind === 'copied' && change.oldPath === path)
        return `copies ${path} to ${change.path}`;
    if (change.kind === 'copied')
        return `copies ${change.oldPath} to ${path}`;
    const verb = { added: 'adds', deleted: 'deletes', modified: 'modifies' };
    return `${verb[change.kind]} ${path}`;
}
// ---------------------------------------------------------------------------------------------
// texts
/**
 * Removes invisible characters except U+200B, which the renderers insert to neutralise constructs
 * (see module comment).
 */
function stripHiddenKeepingZwsp(text) {
    return text.split('\u200b').map(safe/* stripHidden */.Pz).join('\u200b');
}
/**
 * Distinct live `@mentions` (case-insensitive) outside column-0 fenced code and inline code spans
 * (GitHub notifies neither).
 */
function liveMentions(text, mode) {
    const prose = mode === 'inline'
        ? [text]
        : (0,safe/* splitFences */.rD)(text)
            .segments.filter((s) => !s.code)
            .map((s) => s.text);
    const names = new Set();
    for (const part of prose) {
        const outsideSpans = part.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, ' ');
        for (const m of outsideSpans.matchAll(/(?<![A-Za-z0-9_])@([A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][A-Za-z0-9_.-]*)?)/g)) {
            names.add(m[1].replace(/\.+$/, '').toLowerCase());
        }
    }
    return [...names];
}
function kindOf(text) {
    return text.kind ?? (/title$/i.test(text.label.trim()) ? 'title' : 'body');
}
// `clip`, but a title drops the whitespace the cut leaves before its `…`.
function capTitle(text, max) {
    if (text.length <= max)
        return { text, truncated: false };
    return { text: `${(0,util_text/* clip */.$Q)(text, max).slice(0, -1).trimEnd()}…`, truncated: true };
}
/** A text as `publish` writes it (see the module comment); never refuses. */
function sanitiseText(text, kind, options) {
    const host = options.allowedHost;
    if (kind === 'title') {
        let out = stripHiddenKeepingZwsp(text)
            .replace(/\s*[\r\n]+\s*/g, ' ')
            .trim();
        out = (0,safe/* neutraliseMentions */.yY)((0,safe/* limitLinks */.R_)(out, host, { mode: 'inline' }), { mode: 'inline' });
        return capTitle(out, options.maxTitleChars ?? MAX_TITLE_CHARS);
    }
    const out = kind === 'raw'
        ? (0,safe/* safeBlock */.BW)(text, { allowedHost: host })
        : (0,safe/* neutraliseMentions */.yY)((0,safe/* limitLinks */.R_)(stripHiddenKeepingZwsp(text), host, { mode: 'block' }), { mode: 'block' });
    const max = options.maxBodyChars ?? MAX_BODY_CHARS;
    const capped = (0,markdown/* truncateMarkdown */.o4)(out, { unit: 'chars', max });
    return { text: capped, truncated: capped !== out };
}
// ---------------------------------------------------------------------------------------------
// the check
/**
 * Checks every patch and text against the policy (module comment). All or nothing: either every
 * text, sanitised, under its key, or every refusal. Throws only on an invalid protected-path pattern.
 */
async function checkSafeOutputs(input, options) {
    const refusals = [];
    const globs = options.protectedPaths.map(workspace_glob/* compileGlob */.SO);
    const needles = (0,scan/* secretNeedles */.h9)(options.secretValues ?? []);
    const scanner = { needles, binaryNeedles: (0,scan/* byteNeedles */.VU)(needles) };
    const allPaths = new Set();
    const links = [];
    let patchBytes = 0;
    // git's reading of each patch, asked for all of them at once; null where git cannot read it.
    const gitCwd = options.gitCwd ?? external_node_os_.tmpdir();
    const gitReads = input.patches.map(({ patch, changes }) => {
        if (patch === '')
            return Promise.resolve([]);
        if (changes)
            return Promise.resolve((0,workspace_patch/* touchedPaths */.Pq)(changes));
        return (0,workspace_patch/* pathsGitReads */.ks)(gitCwd, patch).catch(() => null);
    });
    for (const [i, { label, patch }] of input.patches.entries()) {
        if (patch === '')
            continue;
        patchBytes += Buffer.byteLength(patch, 'utf8');
        const parts = sections(patch);
        const changes = parts.flatMap((s) => (s.change ? [s.change] : []));
        for (const part of parts) {
            if (!part.change && part.text.startsWith('diff --git ')) {
                refusals.push({
                    rule: 'unreadable-patch',
                    where: `${label}: ${part.shownPath}`,
                    detail: 'the names of a file this patch changes cannot be read, so its paths cannot be checked',
                });
            }
            if (!part.change)
                continue;
            for (const finding of lifecycleFindings(part.text, part.change)) {
                refusals.push({
                    rule: 'lifecycle-script',
                    where: `${label}: ${part.shownPath}`,
                    detail: `${part.shownPath} ${finding}`,
                });
            }
            const link = linkInSection(part.text, part.change, label);
            if (link)
                links.push(link);
        }
        const read = await gitReads[i];
        const gitPaths = read ?? [];
        if (read === null) {
            // git's message may quote the patch; it is not repeated.
            refusals.push({
                rule: 'unreadable-patch',
                where: label,
                detail: 'git cannot read this patch, so its paths cannot be checked',
            });
        }
        const paths = [...(0,workspace_patch/* touchedPaths */.Pq)(changes), ...gitPaths].filter((p) => p !== '');
        const reported = new Set();
        for (const path of paths) {
            allPaths.add(path);
            if (reported.has(path))
                continue;
            reported.add(path);
            const glob = (0,workspace_glob/* matchGlobs */.jv)(path, globs);
            if (!glob)
                continue;
            const change = changes.find((c) => c.path === path || c.oldPath === path);
            refusals.push({
                rule: 'protected-path',
                where: `${label}: ${path}`,
                detail: `${describeTouch(change, path)}; ${path} is protected by "${glob.pattern}" (protected-paths)`,
            });
        }
        for (const part of parts)
            refusals.push(...scanSection(part, label, scanner, options.maxPatchBytes));
    }
    for (const found of linkFindings(links, globs)) {
        refusals.push({ rule: 'symlink', where: `${found.label}: ${found.path}`, detail: found.detail });
    }
    if (patchBytes > options.maxPatchBytes) {
        const each = input.patches
            .filter((p) => p.patch !== '')
            .map((p) => `${p.label} ${Buffer.byteLength(p.patch, 'utf8').toLocaleString('en-US')}`)
            .join(', ');
        refusals.push({
            rule: 'patch-size',
            where: 'the change',
            detail: `${patchBytes.toLocaleString('en-US')} bytes of patch (${each}), more than the ` +
                `limit of ${options.maxPatchBytes.toLocaleString('en-US')} (limits.max-patch-bytes)`,
        });
    }
    if (allPaths.size > options.maxFiles) {
        refusals.push({
            rule: 'file-count',
            where: 'the change',
            detail: `${allPaths.size.toLocaleString('en-US')} files touched, more than the ` +
                `limit of ${options.maxFiles.toLocaleString('en-US')} (limits.max-files)`,
        });
    }
    const maxMentions = options.maxMentions ?? DEFAULT_MAX_MENTIONS;
    const texts = {};
    for (const key of Object.keys(input.texts)) {
        const entry = input.texts[key];
        const kind = kindOf(entry);
        refusals.push(...scanText(entry.text, needles, entry.label, (line) => `on line ${line}`));
        const mentions = liveMentions(stripHiddenKeepingZwsp(entry.text), kind === 'title' ? 'inline' : 'block');
        if (mentions.length > maxMentions) {
            refusals.push({
                rule: 'mention-flood',
                where: entry.label,
                detail: `${mentions.length} distinct @mentions, more than the ${maxMentions} allowed in one text`,
            });
        }
        texts[key] = { label: entry.label, ...sanitiseText(entry.text, kind, options) };
    }
    const stats = { patchBytes, files: allPaths.size };
    if (refusals.length > 0)
        return { ok: false, refusals: dedupe(refusals), stats };
    return { ok: true, texts, stats };
}
function dedupe(refusals) {
    const seen = new Set();
    return refusals.filter((r) => {
        const key = `${r.rule}\0${r.where}\0${r.detail}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
// ---------------------------------------------------------------------------------------------
// the message
const HINTS = {
    'protected-path': 'make that change by hand, or remove the pattern from `protected-paths` in the ensemble config',
    'lifecycle-script': "install scripts, the package manager and git hooks run on the maintainer's and CI's machines before " +
        'anyone reviews them: make that change by hand',
    symlink: 'a symbolic link must stay in the repository and off protected paths: make it a regular file, or ' +
        'make that change by hand',
    'unreadable-patch': 'the artifacts hold the patch; re-run the stage that produced it',
    'patch-size': 'split the request into smaller issues, or raise `limits.max-patch-bytes`',
    'file-count': 'split the request into smaller issues, or raise `limits.max-files`',
    'binary-size': 'add large binary files by hand, or raise `limits.max-patch-bytes`',
    credential: 'remove the credential (and revoke it if it is real); a test should build its canaries at run time',
    'secret-value': "a secret given to the workflow reached the output: revoke it, and check the agents' transcripts",
    'mention-flood': 'the generated text mentions too many people; check the run for prompt injection',
};
/** Control characters shown escaped, so that no line of the message can issue a workflow command. */
function oneLine(text) {
    return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/**
 * The refusals as one message: `publish refused: rule …, in …: …; nothing was written.`, one
 * line per refusal (the first 50), then what to do per rule. Paths and labels are shown on one
 * line and neutralised (mentions, links, HTML), so the message can go into a comment or a log.
 */
function formatRefusals(refusals, options = {}) {
    const host = options.allowedHost ?? 'github.com';
    const max = options.max ?? 50;
    const show = (r) => `rule ${r.rule}, in ${(0,safe/* neutraliseText */.op)(oneLine(r.where), host, 'inline')}: ` +
        `${(0,safe/* neutraliseText */.op)(oneLine(r.detail), host, 'inline')}`;
    if (refusals.length === 0)
        return 'publish refused nothing.';
    const rules = [...new Set(refusals.map((r) => r.rule))];
    const hints = rules.map((rule) => `- ${rule}: ${HINTS[rule]}`);
    if (refusals.length === 1) {
        return [`publish refused: ${show(refusals[0])}; nothing was written.`, 'What to do:', ...hints].join('\n');
    }
    const lines = refusals.slice(0, max).map((r) => `- ${show(r)}`);
    if (refusals.length > max)
        lines.push(`- … and ${refusals.length - max} more`);
    return [
        `publish refused (${refusals.length} problems); nothing was written:`,
        ...lines,
        'What to do:',
        ...hints,
    ].join('\n');
}


/***/ }),

/***/ 82169:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aB: () => (/* binding */ silentLog),
/* harmony export */   ds: () => (/* binding */ stop),
/* harmony export */   j4: () => (/* binding */ stopSilently),
/* harmony export */   lZ: () => (/* binding */ NOTHING_WRITTEN_NOTE),
/* harmony export */   oG: () => (/* binding */ beforeWriting)
/* harmony export */ });
const silentLog = { info: () => { }, warn: () => { } };
function stop(status, error, notes = []) {
    return { status, error, notes };
}
/** `stop`, writing no tracking comment, for the reason `withhold`. */
function stopSilently(status, error, withhold) {
    return { status, error, notes: [], withhold };
}
const NOTHING_WRITTEN_NOTE = 'No branch, pull request or review was written.';
/**
 * Runs a step that comes before any write; an error it throws (an unexpected one: a step returns
 * the stops it expects) stops the publish as `failed`, with nothing written.
 */
async function beforeWriting(step) {
    try {
        return await step();
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, stop: stop('failed', `${message}\n${NOTHING_WRITTEN_NOTE}`) };
    }
}


/***/ }),

/***/ 39491:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ makeCtx),
/* harmony export */   O: () => (/* binding */ finish)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43419);
/* harmony import */ var _safe_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(85303);
/**
 * What every renderer shares: its options and the three ways untrusted text enters a document —
 * as a block, inside a line, or as inline code — all of them neutralised (see `safe.ts`).
 */


function makeCtx(options = {}, baseLevel = 2) {
    const host = options.allowedHost ?? _safe_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_HOST */ .HX;
    return {
        block: (text) => (0,_safe_js__WEBPACK_IMPORTED_MODULE_1__/* .safeBlock */ .BW)(text, { allowedHost: host }),
        inline: (text) => (0,_safe_js__WEBPACK_IMPORTED_MODULE_1__/* .safeInline */ .H1)(text, { allowedHost: host }),
        code: (text) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineCode */ .ti)((0,_safe_js__WEBPACK_IMPORTED_MODULE_1__/* .neutraliseText */ .op)(text, host, 'inline')),
        heading: (level, text) => `${'#'.repeat(Math.min(6, baseLevel + level))} ${text}`,
    };
}
/** The document, ending in one newline, capped at `options.limit` or `fallback`. */
function finish(markdown, options, fallback) {
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .truncateMarkdown */ .o4)(`${markdown.trim()}\n`, options.limit ?? fallback);
}


/***/ }),

/***/ 61441:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I3: () => (/* binding */ renderSetupFailure),
/* harmony export */   Is: () => (/* binding */ renderSetupSummary),
/* harmony export */   op: () => (/* binding */ renderSetupOrigin)
/* harmony export */ });
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(39491);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(43419);


/**
 * The step summary of a run whose setup failed: the message's first line, then the rest (the
 * command's output, untrusted) in a fence.
 */
function renderSetupFailure(message, options = {}) {
    const ctx = (0,_context_js__WEBPACK_IMPORTED_MODULE_0__/* .makeCtx */ .G)(options);
    const [first = '', ...rest] = message.split('\n');
    const markdown = `## ensemble: setup failed\n\n${ctx.inline(first)}\n\n${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .fence */ .EU)(rest.join('\n'), 'text')}\n`;
    return (0,_context_js__WEBPACK_IMPORTED_MODULE_0__/* .finish */ .O)(markdown, options, _markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .STEP_SUMMARY_LIMIT */ .CG);
}
/**
 * The setup and test command a run uses, and why: for the plan job's step summary, so that a
 * maintainer sees what ensemble detected before any code is written. Commands come from the
 * repository's files or configuration: shown as code.
 */
function renderSetupSummary(setup, options = {}) {
    const ctx = (0,_context_js__WEBPACK_IMPORTED_MODULE_0__/* .makeCtx */ .G)(options);
    const seconds = Math.round(setup.durationMs / 1000);
    const install = setup.status === 'none'
        ? `nothing to install (${ctx.inline(setup.reason)})`
        : `${setup.commands.map((c) => ctx.code(c)).join(', ')} (${ctx.inline(setup.reason)}): installed in ${seconds} s, ` +
            'before any model call';
    const test = setup.test.command === null
        ? `none found (${ctx.inline(setup.test.reason)})`
        : `${ctx.code(setup.test.command)} (${ctx.inline(setup.test.reason)})`;
    return (0,_context_js__WEBPACK_IMPORTED_MODULE_0__/* .finish */ .O)(`### Setup\n\n- **Install:** ${install}\n- **Tests:** ${test}\n`, options, _markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .STEP_SUMMARY_LIMIT */ .CG);
}
/**
 * One line of a stage job's step summary saying how the job got its dependencies: reused from the
 * plan job (with the cache key), or installed here and why no saved install served. Empty when
 * nothing was installed (nothing to install, or a failed setup, which the stage reports itself).
 */
function renderSetupOrigin(setup, options = {}) {
    if (setup.status !== 'done')
        return '';
    const ctx = (0,_context_js__WEBPACK_IMPORTED_MODULE_0__/* .makeCtx */ .G)(options);
    const saved = setup.saved;
    if (saved?.reused)
        return `**Setup:** reused from ${saved.from} (key ${ctx.code(saved.key)}); nothing installed here.\n`;
    const seconds = Math.round(setup.durationMs / 1000);
    const why = saved ? ` (no reusable install: ${ctx.inline(saved.why)})` : '';
    return `**Setup:** installed in this job in ${seconds} s${why}.\n`;
}


/***/ })

};
