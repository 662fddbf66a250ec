export const id = 314;
export const ids = [314];
export const modules = {

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
        loaded ??= Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(32)]).then(__webpack_require__.bind(__webpack_require__, 22032)).then((m) => m.defaults.request?.fetch ?? fetch);
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

/***/ 77619:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ branchFor)
/* harmony export */ });
/**
 * The branch of a run: `ensemble/issue-<n>`, or for a prompt a slug of its title and the last
 * part of the run id (`ensemble/add-a-flag-1a2b` locally, `ensemble/add-a-flag-4242` on GitHub),
 * the same rule in both runtimes.
 */
function branchFor(request, runId) {
    if (request.issue !== null)
        return `ensemble/issue-${request.issue}`;
    const slug = request.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40)
        .replace(/-+$/, '');
    const suffix = runId
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/-+$/, '')
        .split('-')
        .at(-1) || 'run';
    return `ensemble/${slug || 'run'}-${suffix}`;
}


/***/ }),

/***/ 18334:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aw: () => (/* binding */ checkRunOutputs),
/* harmony export */   cM: () => (/* binding */ publishPolicy),
/* harmony export */   hM: () => (/* binding */ checkPolicy)
/* harmony export */ });
/* harmony import */ var _review_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59039);
/* harmony import */ var _workspace_git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10297);
/* harmony import */ var _workspace_patch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(93515);
/* harmony import */ var _compose_texts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(72442);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(29367);
/* harmony import */ var _step_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(82169);
/**
 * Step 5 of `publishToGitHub`: the safe-output policy (`policy.ts`) on everything that will be
 * written, before anything is: every text publish composed, the model's own texts as it wrote
 * them (for mention floods and credentials, before any renderer), `change.patch`, `docs.patch`,
 * and what each task commit discloses (the branch's history keeps them).
 */






/**
 * The policy every publisher applies, from the configuration and the credentials the run knows
 * (the secrets it was given and those of the checkout): the GitHub publisher and the local one.
 */
function publishPolicy(config, options) {
    return {
        protectedPaths: (0,_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .publishProtectedPaths */ .KV)(config['protected-paths'], options.configPath),
        maxPatchBytes: config.limits['max-patch-bytes'],
        maxFiles: config.limits['max-files'],
        secretValues: options.secretValues,
        allowedHost: options.allowedHost,
        gitCwd: options.repoDir,
    };
}
async function checkPolicy(options) {
    const checked = await checkRunOutputs({ ...options, texts: (0,_compose_texts_js__WEBPACK_IMPORTED_MODULE_3__/* .keyedTexts */ .hP)(options.texts) });
    if (!checked.ok)
        return { ok: false, refusals: checked.refusals, stop: (0,_step_js__WEBPACK_IMPORTED_MODULE_5__/* .stop */ .ds)('refused', checked.message) };
    return { ok: true, texts: (0,_compose_texts_js__WEBPACK_IMPORTED_MODULE_3__/* .mapTexts */ .zO)(options.texts, (_, key) => checked.texts[key]) };
}
/**
 * The policy on everything a publish leaves behind, for either publisher: `texts` (what it will
 * write, by key), the model's own texts as it wrote them, `change.patch`, each re-tested fix
 * round's change, `docs.patch`, and what each task commit of `sequence` discloses.
 */
async function checkRunOutputs(options) {
    const { artifacts, policy } = options;
    const checked = await (0,_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .checkSafeOutputs */ .Qb)({
        patches: [
            { label: 'change.patch', patch: options.changePatch },
            ...(0,_review_index_js__WEBPACK_IMPORTED_MODULE_0__/* .testedRounds */ .Hj)(artifacts.fix).map((r) => ({
                label: `change.patch of fix round ${r.document.round}`,
                patch: r.change,
            })),
            { label: 'docs.patch', patch: artifacts.docs?.patch ?? '' },
        ],
        texts: { ...options.texts, ...modelTexts(artifacts) },
    }, policy);
    // The task commits stay in the branch's history: what each discloses is checked too. Their
    // size and file count are the change's, already checked.
    const history = await (0,_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .checkSafeOutputs */ .Qb)({ patches: await taskCommitPatches(options), texts: {} }, policy);
    const refusals = [
        ...(checked.ok ? [] : checked.refusals),
        ...(history.ok ? [] : history.refusals.filter((r) => r.rule !== 'patch-size' && r.rule !== 'file-count')),
    ];
    if (refusals.length > 0 || !checked.ok) {
        return { ok: false, refusals, message: (0,_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .formatRefusals */ .hz)(refusals, { allowedHost: policy.allowedHost }) };
    }
    return { ok: true, texts: Object.fromEntries(Object.entries(checked.texts).map(([k, v]) => [k, v.text])) };
}
/** Model text checked for mention floods and credentials as written by the model, before any renderer. */
function modelTexts(artifacts) {
    const texts = [{ label: 'plan summary', text: artifacts.plan.summary, kind: 'raw' }];
    for (const task of artifacts.tasks) {
        texts.push({ label: `summary of task ${task.document.taskId}`, text: task.document.summary, kind: 'raw' });
    }
    if (artifacts.test)
        texts.push({ label: 'test summary', text: artifacts.test.summary, kind: 'raw' });
    for (const review of artifacts.reviews) {
        texts.push({ label: `${review.lens} review summary`, text: review.summary, kind: 'raw' });
        review.findings.forEach((f, i) => {
            texts.push({ label: `${review.lens} finding ${i + 1} title`, text: f.title, kind: 'raw' });
            texts.push({ label: `${review.lens} finding ${i + 1} body`, text: f.body, kind: 'raw' });
        });
    }
    for (const round of artifacts.fix.rounds) {
        const n = round.document.round;
        texts.push({ label: `fix round ${n} summary`, text: round.document.summary, kind: 'raw' });
        if (round.test)
            texts.push({ label: `fix round ${n} test summary`, text: round.test.document.summary, kind: 'raw' });
        for (const review of round.reviews) {
            texts.push({ label: `fix round ${n} ${review.lens} review summary`, text: review.summary, kind: 'raw' });
            review.findings.forEach((f, i) => {
                texts.push({ label: `fix round ${n} ${review.lens} finding ${i + 1} title`, text: f.title, kind: 'raw' });
                texts.push({ label: `fix round ${n} ${review.lens} finding ${i + 1} body`, text: f.body, kind: 'raw' });
            });
        }
    }
    if (artifacts.docs)
        texts.push({ label: 'docs summary', text: artifacts.docs.document.summary, kind: 'raw' });
    // Checked, never written: the keys only keep them apart from the written texts' keys.
    return Object.fromEntries(texts.map((text, i) => [`model ${i}`, text]));
}
/** The change each task commit makes (what the branch's history discloses). */
async function taskCommitPatches(options) {
    const git = (0,_workspace_git_js__WEBPACK_IMPORTED_MODULE_1__/* .hardenedGit */ .YW)(options.repoDir);
    const taskCommits = options.sequence.commits.filter((c) => c.stage === 'code');
    return Promise.all(taskCommits.map(async (c) => {
        const { patch } = await (0,_workspace_patch_js__WEBPACK_IMPORTED_MODULE_2__/* .diffTrees */ .j_)(git, c.parent, c.sha);
        return { label: `commit of task ${c.taskId}`, patch };
    }));
}


/***/ }),

/***/ 54673:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $0: () => (/* binding */ PatchApplyError),
/* harmony export */   Py: () => (/* binding */ buildCommitSequence),
/* harmony export */   Rn: () => (/* binding */ buildFollowUpCommits),
/* harmony export */   cu: () => (/* binding */ RUN_TRAILER)
/* harmony export */ });
/* unused harmony exports ENSEMBLE_AUTHOR, INTEGRATION_MESSAGE, DOCS_MESSAGE, ensembleTrailers */
/* harmony import */ var _plan_graph_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(18703);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);
/* harmony import */ var _workspace_git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10297);
/* harmony import */ var _workspace_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(30514);
/* harmony import */ var _workspace_worktree_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(47860);





const ENSEMBLE_AUTHOR = { name: 'ensemble', email: 'ensemble@users.noreply.github.com' };
/** A patch of the run that does not apply where it must: the change cannot be published. */
class PatchApplyError extends Error {
    name = 'PatchApplyError';
    /** `change.patch` or `docs.patch`. */
    patch;
    detail;
    constructor(patch, message, detail) {
        super(message);
        this.patch = patch;
        this.detail = detail;
    }
}
const INTEGRATION_MESSAGE = {
    withTests: 'Integrate the tasks and add tests',
    plain: 'Integrate the tasks',
};
const DOCS_MESSAGE = 'Update the documentation';
/** The trailer every commit ensemble makes carries: what tells its commits from a person's. */
const RUN_TRAILER = 'Ensemble-Run';
function ensembleTrailers(run, stage, taskId, round) {
    return {
        [RUN_TRAILER]: run.runId,
        'Ensemble-Stage': stage,
        ...(taskId ? { 'Ensemble-Task': taskId } : {}),
        ...(round ? { 'Ensemble-Round': String(round) } : {}),
    };
}
/** Applies a whole-change patch to the worktree at the base; `PatchApplyError` naming it when it does not apply. */
async function applyOrRefuse(dir, name, patch, run) {
    if (patch === '')
        return;
    const applied = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .applyWithConflictMarkers */ .cz)(dir, patch);
    if (applied.ok)
        return;
    throw new PatchApplyError(name, `${name} does not apply to the base ${run.baseSha}: ${applied.detail}`, applied.conflictingFiles.length > 0 ? `conflicts in ${applied.conflictingFiles.join(', ')}` : applied.detail);
}
/**
 * One fix round's commit on `parent`: its tree is the base plus the round's `change.patch`, made
 * in `worktreeDir` (a worktree at the base, restored first). Null when the tree is the parent's.
 */
async function commitRound(repoDir, worktreeDir, run, parent, round) {
    const git = (0,_workspace_git_js__WEBPACK_IMPORTED_MODULE_1__/* .hardenedGit */ .YW)(repoDir);
    await (0,_workspace_worktree_js__WEBPACK_IMPORTED_MODULE_3__/* .restoreWorktree */ .yY)(worktreeDir, await git.text(['rev-parse', '--verify', `${run.baseSha}^{tree}`]));
    await applyOrRefuse(worktreeDir, `fix round ${round.document.round}'s change.patch`, round.change, run);
    const tree = (await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .diffAgainstBase */ .CM)(worktreeDir, run.baseSha)).tree;
    const subject = round.document.commitMessage;
    const trailers = ensembleTrailers(run, 'fix', null, round.document.round);
    const sha = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .commitTree */ .SC)(repoDir, {
        tree,
        parentSha: parent,
        message: subject,
        trailers,
        author: ENSEMBLE_AUTHOR,
    });
    return sha ? { sha, subject, trailers } : null;
}
/**
 * A follow-up run's commits: one per re-tested fix round, on the pull request's head `headSha`
 * (people's commits on it stay; nothing is rewritten). Each round's tree is the base plus its
 * `change.patch`, which runs from the base to the head with the round's fix.
 */
async function buildFollowUpCommits(input) {
    const git = (0,_workspace_git_js__WEBPACK_IMPORTED_MODULE_1__/* .hardenedGit */ .YW)(input.repoDir);
    const commits = [];
    let head = input.headSha;
    const worktree = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .createWorktree */ .MV)(input.repoDir, input.run.baseSha, { prefix: 'ensemble-publish-' });
    try {
        for (const round of input.rounds) {
            const made = await commitRound(input.repoDir, worktree.dir, input.run, head, round);
            if (!made)
                continue;
            const tree = await git.text(['rev-parse', '--verify', `${made.sha}^{tree}`]);
            const message = (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .withTrailers */ .jX)(made.subject, made.trailers);
            commits.push({ ...made, parent: head, tree, stage: 'fix', taskId: null, message });
            head = made.sha;
        }
    }
    finally {
        await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .removeWorktree */ .IL)(worktree);
    }
    return { commits, head, notes: [] };
}
/**
 * Makes the run's commits on top of the base SHA as local objects. A task whose patch does not
 * apply on its own (a conflict the testing agent resolved) is folded into the integration commit
 * with a note; `change.patch` must apply to the base and `docs.patch` on top of it, else
 * `PatchApplyError`.
 */
async function buildCommitSequence(input) {
    const notes = [];
    const integrated = new Map((input.test?.integration ?? []).map((r) => [r.taskId, r.result]));
    const patches = new Map(input.tasks.map((t) => [t.document.taskId, t]));
    const commits = [];
    const git = (0,_workspace_git_js__WEBPACK_IMPORTED_MODULE_1__/* .hardenedGit */ .YW)(input.repoDir);
    const treeOf = async (sha) => git.text(['rev-parse', '--verify', `${sha}^{tree}`], { what: `read the tree of ${sha}` });
    let head = input.run.baseSha;
    const push = async (sha, stage, taskId, subject, trailers) => {
        commits.push({
            sha,
            parent: head,
            tree: await treeOf(sha),
            stage,
            taskId,
            subject,
            trailers,
            message: (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .withTrailers */ .jX)(subject, trailers),
        });
        head = sha;
    };
    for (const taskId of (0,_plan_graph_js__WEBPACK_IMPORTED_MODULE_4__/* .dependencyOrder */ .g1)(input.plan.tasks)) {
        const task = patches.get(taskId);
        if (!task)
            continue;
        if (task.document.status !== 'done' || task.patch === '')
            continue;
        const result = integrated.get(taskId);
        if (input.test && result !== 'applied' && result !== 'resolved')
            continue;
        const subject = input.taskMessage ? input.taskMessage(task.document) : task.document.commitMessage;
        const trailers = ensembleTrailers(input.run, 'code', taskId);
        let sha;
        try {
            sha = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .commitPatch */ .q1)(input.repoDir, {
                parentSha: head,
                patch: task.patch,
                message: subject,
                trailers,
                author: ENSEMBLE_AUTHOR,
                ...(input.protectedPaths ? { protectedPaths: input.protectedPaths } : {}),
            });
        }
        catch (error) {
            // A patch whose conflict the testing agent resolved may not apply on its own; its content
            // arrives with the integration commit below.
            notes.push(`task ${taskId} is folded into the integration commit: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error).split('\n')[0]}`);
            continue;
        }
        await push(sha, 'code', taskId, subject, trailers);
    }
    const worktree = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .createWorktree */ .MV)(input.repoDir, input.run.baseSha, { prefix: 'ensemble-publish-' });
    try {
        await applyOrRefuse(worktree.dir, 'change.patch', input.changePatch, input.run);
        const { tree } = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .diffAgainstBase */ .CM)(worktree.dir, input.run.baseSha);
        const subject = input.test?.testsAdded.length ? INTEGRATION_MESSAGE.withTests : INTEGRATION_MESSAGE.plain;
        const trailers = ensembleTrailers(input.run, 'test');
        const integration = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .commitTree */ .SC)(input.repoDir, {
            tree,
            parentSha: head,
            message: subject,
            trailers,
            author: ENSEMBLE_AUTHOR,
        });
        if (integration)
            await push(integration, 'test', null, subject, trailers);
        for (const round of input.rounds ?? []) {
            const made = await commitRound(input.repoDir, worktree.dir, input.run, head, round);
            if (made)
                await push(made.sha, 'fix', null, made.subject, made.trailers);
        }
    }
    finally {
        await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .removeWorktree */ .IL)(worktree);
    }
    if (input.docs && input.docs.patch !== '') {
        const trailers = ensembleTrailers(input.run, 'docs');
        let sha;
        try {
            sha = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .commitPatch */ .q1)(input.repoDir, {
                parentSha: head,
                patch: input.docs.patch,
                message: DOCS_MESSAGE,
                trailers,
                author: ENSEMBLE_AUTHOR,
                ...(input.protectedPaths ? { protectedPaths: input.protectedPaths } : {}),
            });
        }
        catch (error) {
            if (error instanceof _workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .ProtectedPathError */ ._o)
                throw error;
            const detail = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error).split('\n')[0] ?? '';
            throw new PatchApplyError('docs.patch', `docs.patch does not apply on top of change.patch: ${detail}`, detail);
        }
        await push(sha, 'docs', null, DOCS_MESSAGE, trailers);
    }
    return { commits, head, notes };
}


/***/ }),

/***/ 72442:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hP: () => (/* binding */ keyedTexts),
/* harmony export */   tA: () => (/* binding */ composeTexts),
/* harmony export */   zO: () => (/* binding */ mapTexts)
/* harmony export */ });
/* harmony import */ var _render_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10875);
/* harmony import */ var _review_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59039);
/* harmony import */ var _review_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68735);



function composeTexts(options) {
    const { artifacts, change, allowedHost } = options;
    const { plan, docs } = artifacts;
    // The PR tells the change as it stands: after the last re-tested fix round, if any.
    const first = { test: artifacts.test, change: artifacts.changePatch ?? '', reviews: artifacts.reviews };
    const { test, reviews } = (0,_review_index_js__WEBPACK_IMPORTED_MODULE_1__/* .finalState */ .A9)(first, artifacts.fix);
    const { run } = plan;
    const placement = { runId: run.runId, allowedHost };
    const review = reviews.length > 0 ? (0,_review_js__WEBPACK_IMPORTED_MODULE_2__/* .planReview */ .Kp)(reviews, change.prDiff, options.blockOn, placement) : null;
    const title = plan.request.title.trim() === '' ? `ensemble run ${run.runId}` : plan.request.title;
    const prBody = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_0__/* .renderPrBody */ .BN)({
        plan,
        tasks: artifacts.tasks.map((t) => t.document),
        test,
        reviews: review?.outcome ?? null,
        docs: docs?.document ?? null,
        fix: artifacts.fix,
        runUrl: options.runUrl,
        issue: run.issue,
    }, { allowedHost });
    // The messages a model wrote: each task's, and each fix round's.
    const modelCommits = change.sequence.commits.filter((c) => c.stage === 'code' || c.stage === 'fix');
    return {
        prTitle: { label: 'PR title', text: title, kind: 'title' },
        prBody: { label: 'PR body', text: prBody, kind: 'body' },
        commitMessages: modelCommits.map((c) => ({
            sha: c.sha,
            message: { label: commitLabel(c), text: c.subject, kind: 'raw' },
        })),
        review: review && reviewTexts(review),
    };
}
function commitLabel(commit) {
    if (commit.stage === 'fix')
        return `commit message of fix round ${commit.trailers['Ensemble-Round'] ?? ''}`;
    return `commit message of task ${commit.taskId}`;
}
function reviewTexts(review) {
    const body = (label, text) => ({ label, text, kind: 'body' });
    return {
        fingerprint: review.fingerprint,
        event: review.event,
        body: body('review body', review.texts.body),
        commentBody: body('review body (as a comment)', review.texts.commentBody),
        unplacedBody: body('review body (all findings)', review.texts.unplacedBody),
        unplacedCommentBody: body('review body (all findings, as a comment)', review.texts.unplacedCommentBody),
        comments: review.comments.map((c, i) => {
            const label = `review comment ${i + 1} (${c.path}:${c.line})`;
            return { ...c, body: body(label, c.body) };
        }),
    };
}
/**
 * `texts` with `f` applied to each text, in a fixed order (title, body, commit messages, review
 * bodies, inline comments). `key` names each text uniquely within `texts`: the key the policy
 * returns it under.
 */
function mapTexts(texts, f) {
    const { review } = texts;
    return {
        prTitle: f(texts.prTitle, 'prTitle'),
        prBody: f(texts.prBody, 'prBody'),
        commitMessages: texts.commitMessages.map((c, i) => ({ sha: c.sha, message: f(c.message, `commit ${i}`) })),
        review: review && {
            fingerprint: review.fingerprint,
            event: review.event,
            body: f(review.body, 'reviewBody'),
            commentBody: f(review.commentBody, 'reviewCommentBody'),
            unplacedBody: f(review.unplacedBody, 'reviewUnplacedBody'),
            unplacedCommentBody: f(review.unplacedCommentBody, 'reviewUnplacedCommentBody'),
            comments: review.comments.map((c, i) => ({ ...c, body: f(c.body, `comment ${i}`) })),
        },
    };
}
/** Every text of `texts` by its `mapTexts` key, in the same order. */
function keyedTexts(texts) {
    const keyed = {};
    mapTexts(texts, (text, key) => {
        keyed[key] = text;
    });
    return keyed;
}


/***/ }),

/***/ 68735:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kp: () => (/* binding */ planReview),
/* harmony export */   Xc: () => (/* binding */ postReview)
/* harmony export */ });
/* unused harmony export CHANGES_REQUESTED_NOTE */
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9452);
/* harmony import */ var _github_write_once_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32192);
/* harmony import */ var _render_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(10875);
/* harmony import */ var _review_diff_lines_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(31167);
/* harmony import */ var _review_findings_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92696);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(99661);






/** Body cap that leaves room for the changes-requested note. */
const BODY_LIMIT = { unit: 'chars', max: 64_000 };
const CHANGES_REQUESTED_NOTE = '> [!IMPORTANT]\n> **ensemble requests changes**: a finding reaches the blocking severity (`review.block-on`). ' +
    'GitHub does not let the account that opened a pull request ' +
    'request changes on it, so this review is posted as a comment.';
function withNote(body, marker) {
    return body.startsWith(marker)
        ? `${marker}\n\n${CHANGES_REQUESTED_NOTE}\n${body.slice(marker.length)}`
        : `${CHANGES_REQUESTED_NOTE}\n\n${body}`;
}
/**
 * Everything the review will post, computed before any write so that each text can pass the
 * safe-output policy first.
 */
function planReview(reviews, prDiff, blockOn, options) {
    const outcome = (0,_review_findings_js__WEBPACK_IMPORTED_MODULE_3__/* .combineReviews */ .bu)(reviews, prDiff, blockOn);
    const fingerprint = (0,_review_findings_js__WEBPACK_IMPORTED_MODULE_3__/* .findingsFingerprint */ .Ju)(outcome);
    const marker = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .reviewMarker */ .vU)(options.runId, fingerprint);
    const render = { allowedHost: options.allowedHost };
    const comments = [];
    for (const finding of outcome.findings) {
        if (finding.line === null)
            continue;
        const file = (0,_review_diff_lines_js__WEBPACK_IMPORTED_MODULE_5__/* .findDiffFile */ .tZ)(prDiff, finding.path);
        if (!file)
            continue;
        const end = finding.endLine ?? finding.line;
        comments.push({
            path: file.path,
            line: end,
            side: 'RIGHT',
            ...(end > finding.line ? { start_line: finding.line, start_side: 'RIGHT' } : {}),
            body: withFindingMarker(finding.id, (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .renderInlineComment */ .P7)(finding, { ...render, fileLines: (0,_review_diff_lines_js__WEBPACK_IMPORTED_MODULE_5__/* .rightSideLines */ .Jc)(file) })),
        });
    }
    const body = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .renderReviewBody */ .de)(outcome, { ...render, runId: options.runId, limit: BODY_LIMIT });
    const unplaced = {
        ...outcome,
        findings: outcome.findings.map((f) => ({ ...f, line: null, endLine: null })),
    };
    const unplacedBody = `${marker}\n${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .renderReviewBody */ .de)(unplaced, { ...render, limit: BODY_LIMIT })}`;
    return {
        outcome,
        fingerprint,
        event: (0,_review_findings_js__WEBPACK_IMPORTED_MODULE_3__/* .githubReviewEvent */ .ke)(outcome.verdict),
        comments,
        texts: {
            body,
            commentBody: withNote(body, marker),
            unplacedBody,
            unplacedCommentBody: withNote(unplacedBody, marker),
        },
    };
}
/** An inline comment's body, led by the hidden marker of the finding's stable id when it has one. */
function withFindingMarker(id, body) {
    return id === null ? body : `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .findingMarker */ .iY)(id)}\n${body}`;
}
async function listReviews(octokit, repo, pull) {
    const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
        owner: repo.owner,
        repo: repo.repo,
        pull_number: pull,
        per_page: 100,
    });
    return reviews.map((r) => ({
        id: r.id,
        html_url: r.html_url,
        body: r.body ?? '',
        state: r.state,
        user: r.user ? { type: r.user.type } : null,
    }));
}
/** The latest review carrying an ensemble review marker, with its fingerprint. */
function latestEnsembleReview(reviews) {
    for (let i = reviews.length - 1; i >= 0; i--) {
        // Only a bot's review counts (ensemble reviews as one): a person could paste the marker.
        if (reviews[i].user?.type !== 'Bot')
            continue;
        const found = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .findMarker */ .Ed)(reviews[i].body, 'review');
        if (found)
            return { review: reviews[i], fingerprint: found.fields['findings'] ?? null };
    }
    return null;
}
const OWN_PULL = /own pull request/i;
const PLACEMENT = /line|diff|hunk|path could not be resolved|position/i;
/**
 * Posts the planned review on pull request `pull` at `commitId`, unless the latest ensemble
 * review there already has the same fingerprint. `texts` are the policy's sanitised texts.
 */
async function postReview(octokit, repo, pull, commitId, plan, texts, log = { warn: () => { } }) {
    const where = `pull request #${pull} of ${repo.owner}/${repo.repo}`;
    const before = await listReviews(octokit, repo, pull);
    const latest = latestEnsembleReview(before);
    if (latest && latest.fingerprint === plan.fingerprint) {
        return {
            id: latest.review.id,
            url: latest.review.html_url,
            outcome: 'unchanged',
            event: latest.review.state === 'CHANGES_REQUESTED' ? 'REQUEST_CHANGES' : 'COMMENT',
            unplaced: false,
        };
    }
    const seen = new Set(before.map((r) => r.id));
    const attempt = async (event, body, comments) => {
        const { value } = await (0,_github_write_once_js__WEBPACK_IMPORTED_MODULE_1__/* .writeOnce */ .F)(octokit, {
            operation: { action: `post the review on ${where}`, permission: 'pull-requests: write' },
            create: async () => {
                const { data } = await octokit.rest.pulls.createReview({
                    owner: repo.owner,
                    repo: repo.repo,
                    pull_number: pull,
                    commit_id: commitId,
                    event,
                    body,
                    ...(comments.length > 0 ? { comments: comments.map((c) => ({ ...c })) } : {}),
                });
                return { id: data.id, url: data.html_url };
            },
            find: async () => {
                const found = (await listReviews(octokit, repo, pull)).find((r) => !seen.has(r.id) && (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .findMarker */ .Ed)(r.body, 'review')?.fields['findings'] === plan.fingerprint);
                return found ? { id: found.id, url: found.html_url } : null;
            },
        });
        return value;
    };
    const post = async (unplaced) => {
        const comments = unplaced ? [] : plan.comments;
        const body = unplaced ? texts.unplacedBody : texts.body;
        const commentBody = unplaced ? texts.unplacedCommentBody : texts.commentBody;
        try {
            const made = await attempt(plan.event, body, comments);
            return { ...made, outcome: 'posted', event: plan.event, unplaced };
        }
        catch (error) {
            if (plan.event !== 'REQUEST_CHANGES' || (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) !== 422 || !OWN_PULL.test((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)))
                throw error;
            const made = await attempt('COMMENT', commentBody, comments);
            return { ...made, outcome: 'posted', event: 'COMMENT', unplaced };
        }
    };
    try {
        return await post(false);
    }
    catch (error) {
        const message = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error);
        if (plan.comments.length === 0 || (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) !== 422 || OWN_PULL.test(message))
            throw error;
        if (!PLACEMENT.test(message))
            throw error;
        log.warn(`GitHub refused the placement of an inline comment (${message}); ` +
            'posting every finding in the review body instead');
        return post(true);
    }
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


/***/ })

};
