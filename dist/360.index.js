export const id = 360;
export const ids = [360];
export const modules = {

/***/ 375:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fq: () => (/* binding */ readIssueState),
/* harmony export */   Jp: () => (/* binding */ findMarkedComment),
/* harmony export */   Zd: () => (/* binding */ upsertMarkedComment),
/* harmony export */   eg: () => (/* binding */ snapshotIssue),
/* harmony export */   jo: () => (/* binding */ addIssueLabel),
/* harmony export */   removeIssueLabel: () => (/* binding */ removeIssueLabel)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9452);
/* harmony import */ var _permissions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48859);
/* harmony import */ var _write_once_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32192);



/**
 * The issue as ensemble reads it, once: title, body and author, and the comments of people with
 * write access, oldest first. Everyone else's comments are left out, so that anyone who can
 * comment cannot steer the agents. Each commenter's role is looked up once; a lookup that fails
 * leaves that person's comments out. Hidden content is stripped later, by `requestFromIssue`.
 */
async function snapshotIssue(octokit, params) {
    const { owner, repo, issue_number } = params;
    const where = `issue #${issue_number} of ${owner}/${repo}`;
    const { data: issue } = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `read ${where}`, permission: 'issues: read' }, () => octokit.rest.issues.get({ owner, repo, issue_number }));
    if (issue.pull_request)
        throw new Error(`#${issue_number} of ${owner}/${repo} is a pull request; ensemble works on issues`);
    const comments = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `read the comments of ${where}`, permission: 'issues: read' }, () => octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 }));
    const canWrite = new Map();
    for (const login of params.writers ?? [])
        canWrite.set(login.toLowerCase(), true);
    const excluded = new Set();
    const kept = [];
    for (const comment of comments) {
        const login = comment.user?.login;
        if (!login)
            continue;
        const key = login.toLowerCase();
        let allowed = canWrite.get(key);
        if (allowed === undefined) {
            if ((0,_permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .isBot */ .w2)(login, comment.user?.type))
                allowed = (0,_permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .isListedBot */ .Jk)(login, params.allowedBots ?? []);
            else {
                try {
                    allowed = (0,_permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .roleCanWrite */ .qO)(await (0,_permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .getRepositoryRole */ .Bd)(octokit, { owner, repo, username: login }));
                }
                catch {
                    allowed = false;
                }
            }
            canWrite.set(key, allowed);
        }
        if (!allowed) {
            excluded.add(login);
            continue;
        }
        kept.push({ author: login, body: comment.body ?? '', createdAt: comment.created_at });
    }
    return {
        number: issue.number,
        title: issue.title,
        body: issue.body ?? null,
        author: issue.user?.login ?? null,
        comments: kept,
        excludedCommenters: [...excluded],
    };
}
/** The issue's state as it is now (never a snapshot). */
async function readIssueState(octokit, params) {
    const { owner, repo, issue_number } = params;
    const { data } = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `read issue #${issue_number} of ${owner}/${repo}`, permission: 'issues: read' }, () => octokit.rest.issues.get({ owner, repo, issue_number }));
    return {
        number: data.number,
        state: data.state === 'closed' ? 'closed' : 'open',
        locked: data.locked === true,
        lockReason: data.active_lock_reason ?? null,
    };
}
/**
 * The comment of the issue carrying `marker` written by a bot (ensemble writes as one), or null.
 * A marker in a person's comment is ignored: anyone who can comment could otherwise plant one and
 * have ensemble edit, or take the place of, their comment.
 */
async function findMarkedComment(octokit, params) {
    const { owner, repo, issue_number, marker } = params;
    const comments = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `read the comments of issue #${issue_number} of ${owner}/${repo}`, permission: 'issues: read' }, () => octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 }));
    const marked = comments.filter((c) => c.body?.includes(marker));
    const found = marked.find((c) => c.user?.type === 'Bot');
    return found ? { id: found.id, url: found.html_url, body: found.body ?? '' } : null;
}
/**
 * Creates the issue comment that carries `marker`, or updates it when it exists: a re-run
 * never adds a second one. A creation whose answer is lost (502, timeout) is looked for before
 * it is tried again.
 */
async function upsertMarkedComment(octokit, params) {
    const { owner, repo, issue_number, marker } = params;
    if (!marker)
        throw new Error('upsertMarkedComment needs a marker to find the comment again');
    const body = params.body.includes(marker) ? params.body : `${marker}\n${params.body}`;
    const where = `issue #${issue_number} of ${owner}/${repo}`;
    const write = { permission: 'issues: write' };
    const update = async (existing) => {
        if (existing.body === body)
            return { id: existing.id, url: existing.url, outcome: 'unchanged' };
        const { data } = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `update the ensemble comment on ${where}`, ...write }, () => octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body }));
        return { id: data.id, url: data.html_url, outcome: 'updated' };
    };
    const existing = await findMarkedComment(octokit, params);
    if (existing)
        return update(existing);
    const { value, recovered } = await (0,_write_once_js__WEBPACK_IMPORTED_MODULE_2__/* .writeOnce */ .F)(octokit, {
        operation: { action: `comment on ${where}`, ...write },
        create: async () => {
            const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number, body });
            return { id: data.id, url: data.html_url, body: data.body ?? body };
        },
        find: () => findMarkedComment(octokit, params),
    });
    if (recovered) {
        const again = await update(value);
        return { ...again, outcome: 'created' };
    }
    return { id: value.id, url: value.url, outcome: 'created' };
}
/** Adds `label` to the issue (GitHub creates a label the repository lacks); adding it twice is harmless. */
async function addIssueLabel(octokit, params) {
    const { owner, repo, issue_number, label } = params;
    await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `add the label "${label}" to issue #${issue_number} of ${owner}/${repo}`, permission: 'issues: write' }, () => octokit.rest.issues.addLabels({ owner, repo, issue_number, labels: [label] }));
}
/**
 * Removes `label` from the issue; whether it was there. GitHub answers 404 for a label the issue
 * does not carry (someone removed it already, or a re-run removes it again): that is no error.
 */
async function removeIssueLabel(octokit, params) {
    const { owner, repo, issue_number, label } = params;
    try {
        await octokit.rest.issues.removeLabel({ owner, repo, issue_number, name: label });
        return true;
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 404)
            return false;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainGitHubError */ .Pm)(error, {
            action: `remove the label "${label}" from issue #${issue_number} of ${owner}/${repo}`,
            permission: 'issues: write',
        });
    }
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

/***/ 48859:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bd: () => (/* binding */ getRepositoryRole),
/* harmony export */   Jk: () => (/* binding */ isListedBot),
/* harmony export */   Tp: () => (/* binding */ TRIGGER_ROLES),
/* harmony export */   qB: () => (/* binding */ checkTriggerPermission),
/* harmony export */   qO: () => (/* binding */ roleCanWrite),
/* harmony export */   w2: () => (/* binding */ isBot)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9452);

/** Repository roles that may start a run. */
const TRIGGER_ROLES = ['write', 'maintain', 'admin'];
/**
 * Whether a role can write. The five built-in roles decide by name (`maintain` maps to the legacy
 * `write`, `triage` to `read`); a custom repository role decides by the base permission GitHub
 * reports for it.
 */
function roleCanWrite(role) {
    if (['read', 'triage', 'write', 'maintain', 'admin', 'none'].includes(role.roleName))
        return TRIGGER_ROLES.includes(role.roleName);
    return role.permission === 'write' || role.permission === 'admin';
}
/** `GET /repos/{owner}/{repo}/collaborators/{username}/permission`. */
async function getRepositoryRole(octokit, params) {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel(params);
    return { roleName: data.role_name, permission: data.permission };
}
const isBot = (login, type) => type === 'Bot' || /\[bot\]$/i.test(login);
const botName = (login) => login.toLowerCase().replace(/\[bot\]$/, '');
/** Whether `login` is one of `allowed` (`dependabot` and `dependabot[bot]` name the same bot). */
function isListedBot(login, allowed) {
    return allowed.some((entry) => botName(entry) === botName(login));
}
/**
 * May `username` start a run? People need the write, maintain or admin role, looked up through
 * the API; bots must be listed in the configuration. Any failure to find out refuses the run.
 */
async function checkTriggerPermission(octokit, params) {
    const { owner, repo, username } = params;
    const where = `${owner}/${repo}`;
    if (!username)
        return { ok: false, reason: 'the event has no sender; ensemble runs only when it knows who started it' };
    if (isBot(username, params.senderType)) {
        if (isListedBot(username, params.allowedBots ?? []))
            return { ok: true, login: username, role: 'listed bot' };
        return {
            ok: false,
            reason: `"${username}" is a bot; a bot may start ensemble only ` +
                'when trigger.allowed-bots in .github/ensemble.yml lists it',
        };
    }
    let role;
    try {
        role = await getRepositoryRole(octokit, { owner, repo, username });
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 404) {
            return { ok: false, reason: `"${username}" is not a user GitHub knows on ${where}; refusing to run` };
        }
        const explained = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainGitHubError */ .Pm)(error, {
            action: `check the repository role of "${username}" on ${where}`,
            permission: 'metadata: read',
        });
        return {
            ok: false,
            reason: `${explained.message}. Refusing to run, as ensemble does when it cannot tell who started it`,
        };
    }
    if (roleCanWrite(role))
        return { ok: true, login: username, role: role.roleName };
    const has = role.roleName === 'none' ? 'no access to' : `the "${role.roleName}" role on`;
    return {
        ok: false,
        reason: `"${username}" has ${has} ${where}; starting ensemble needs the write, maintain ` +
            'or admin role. Ask a maintainer to add the label or dispatch the workflow',
    };
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

/***/ 8154:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JI: () => (/* binding */ assertPlanFitsItsJob),
/* harmony export */   b8: () => (/* binding */ codeLegTimeout),
/* harmony export */   iM: () => (/* binding */ HOSTED_JOB_LIMIT_MINUTES),
/* harmony export */   u: () => (/* binding */ jobTimeouts),
/* harmony export */   uF: () => (/* binding */ PUBLISH_JOB_TIMEOUT_MINUTES)
/* harmony export */ });
/* unused harmony exports JOB_MARGIN_MINUTES, PLAN_JOB_TIMEOUT_MINUTES, fixRoundMinutes */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);

/** Minutes a job needs besides its stage's own limit. */
const JOB_MARGIN_MINUTES = 15;
/** The plan job's fixed limit in pipeline.yml (it reads the configuration, so cannot follow it). */
const PLAN_JOB_TIMEOUT_MINUTES = 60;
/** GitHub ends a job on a GitHub-hosted runner after 6 hours, whatever `timeout-minutes` says. */
const HOSTED_JOB_LIMIT_MINUTES = 360;
/** The publish job's fixed limit in pipeline.yml: no agent, a bounded number of API calls. */
const PUBLISH_JOB_TIMEOUT_MINUTES = 15;
const limit = (minutes) => Math.min(HOSTED_JOB_LIMIT_MINUTES, Math.ceil(minutes + JOB_MARGIN_MINUTES));
/** The `timeouts` output of the plan job: each later single job's limit in minutes. */
function jobTimeouts(config) {
    return {
        test: limit(config.stages.test['timeout-minutes']),
        review: limit(config.stages.review['timeout-minutes']),
        docs: limit(config.stages.docs['timeout-minutes']),
        fix: limit(config.stages.fix['max-rounds'] * fixRoundMinutes(config)),
    };
}
/** One fix round's longest run: the fixing agent, then the re-test, then the re-review. */
function fixRoundMinutes(config) {
    const { fix, test, review } = config.stages;
    return fix['timeout-minutes'] + test['timeout-minutes'] + review['timeout-minutes'];
}
/**
 * A code leg's limit: its tasks run one after another, each up to the code stage's limit.
 * `overHostedLimit` says that the tasks' limits add up to more than a hosted job may run.
 */
function codeLegTimeout(config, tasks) {
    const stageMinutes = tasks * config.stages.code['timeout-minutes'];
    return {
        minutes: limit(stageMinutes),
        overHostedLimit: stageMinutes + JOB_MARGIN_MINUTES > HOSTED_JOB_LIMIT_MINUTES,
    };
}
/** The plan job's limit is fixed; a configured plan limit that does not fit in it is refused before planning. */
function assertPlanFitsItsJob(config, configPath) {
    const allowed = PLAN_JOB_TIMEOUT_MINUTES - JOB_MARGIN_MINUTES;
    const configured = config.stages.plan['timeout-minutes'];
    if (configured > allowed) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${configPath}: stages.plan.timeout-minutes is ${configured}, but the reusable workflow's plan job ` +
            `stops after ${PLAN_JOB_TIMEOUT_MINUTES} minutes (${JOB_MARGIN_MINUTES} of them for checkout and ` +
            `artifacts): set it to at most ${allowed}`);
    }
}


/***/ })

};
