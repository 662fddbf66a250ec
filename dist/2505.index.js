export const id = 2505;
export const ids = [2505,9133];
export const modules = {

/***/ 7536:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qd: () => (/* binding */ verifyPlanApproval),
/* harmony export */   al: () => (/* binding */ PlanNotApprovedError),
/* harmony export */   e4: () => (/* binding */ APPROVAL_PERMISSION)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9452);
/**
 * The plan-approval gate, checked through the API instead of trusted. A job bound to an
 * environment waits for that environment's required reviewers, but GitHub lets it through at once
 * when there is nobody to wait for: an environment the repository does not have (a misspelt name)
 * is created on the spot without any protection rule, and a private repository on the Free, Pro
 * or Team plan cannot have required reviewers at all. The approve job therefore runs this after
 * GitHub's gate: the environment must exist with required reviewers, and one of them must have
 * approved this very run; anything else stops the run before a coding agent starts.
 */


/** The plan was not approved, or ensemble could not find out: the message says what to configure. */
class PlanNotApprovedError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'PlanNotApprovedError';
}
/** The permission both requests need on a private repository (fine-grained and GitHub App tokens). */
const APPROVAL_PERMISSION = 'actions: read';
/** How to get a real gate, or none on purpose: every refusal of a missing gate ends with it. */
const GATE_CHOICES = 'make the repository public, upgrade the plan, or leave the approval-environment input empty ' +
    'to run without an approval gate, knowingly.';
const NO_REVIEWERS_ADVICE = `Private repositories on the GitHub Free, Pro and Team plans cannot have required reviewers: ${GATE_CHOICES}`;
function configureAdvice(environment) {
    return (`Add required reviewers under Settings → Environments → ${environment} → Required reviewers ` +
        `(or correct the approval-environment input if the name is misspelt). ${NO_REVIEWERS_ADVICE}`);
}
/** The reviewers of the environment's `required_reviewers` rule; an empty list when it has none. */
function requiredReviewers(rules) {
    const names = [];
    for (const rule of rules) {
        if (rule.type !== 'required_reviewers')
            continue;
        for (const entry of rule.reviewers ?? []) {
            const reviewer = entry.reviewer;
            if (!reviewer)
                continue;
            if (entry.type === 'Team' || reviewer.login === undefined) {
                if (reviewer.slug)
                    names.push(`team:${reviewer.slug}`);
            }
            else {
                names.push(reviewer.login);
            }
        }
    }
    return names;
}
/**
 * Checks that `environment` has required reviewers and that one of them approved run `runId` for
 * it; throws `PlanNotApprovedError` (or a `GitHubApiError` naming the permission) otherwise.
 */
async function verifyPlanApproval(octokit, params) {
    const { owner, repo, runId } = params;
    const where = `${owner}/${repo}`;
    const asked = params.environment;
    let environment;
    try {
        environment = (await octokit.rest.repos.getEnvironment({ owner, repo, environment_name: asked })).data;
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c2)(error) === 404) {
            throw new PlanNotApprovedError(`the approval environment "${asked}" does not exist in ${where}, or the token cannot see it ` +
                '(GitHub answered 404), so nobody approved the plan: GitHub runs a job bound to an environment ' +
                'that is missing, or has no required reviewers, at once. ' +
                `${configureAdvice(asked)}`, { cause: error });
        }
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .explainGitHubError */ .Pm)(error, {
            action: `read the approval environment "${asked}" of ${where}`,
            permission: APPROVAL_PERMISSION,
        });
    }
    const name = environment.name;
    const rules = (environment.protection_rules ?? []);
    const reviewers = requiredReviewers(rules);
    if (reviewers.length === 0) {
        const others = rules.map((rule) => rule.type).filter((type) => type !== 'required_reviewers');
        const has = others.length > 0 ? `only the protection rules ${others.join(', ')}` : 'no protection rule';
        throw new PlanNotApprovedError(`the approval environment "${name}" of ${where} has no required reviewers (${has}), so nobody ` +
            'approved the plan: GitHub runs a job bound to it at once, and creates an environment that a ' +
            'workflow names but the repository lacks (a misspelt name) without any rule. ' +
            `${configureAdvice(name)}`);
    }
    let reviews;
    try {
        reviews = (await octokit.rest.actions.getReviewsForRun({ owner, repo, run_id: runId })).data;
    }
    catch (error) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .explainGitHubError */ .Pm)(error, {
            action: `read the approvals of run ${runId} in ${where}`,
            permission: APPROVAL_PERMISSION,
        });
    }
    const forThis = reviews.filter((review) => review.environments.some((env) => env.id === environment.id || env.name?.toLowerCase() === name.toLowerCase()));
    const rejectedBy = forThis.filter((review) => review.state === 'rejected').map((review) => review.user.login);
    if (rejectedBy.length > 0) {
        throw new PlanNotApprovedError(`the plan was rejected: ${rejectedBy.join(', ')} rejected run ${runId} for the approval environment ` +
            `"${name}". Start a new run to ask the reviewers again.`);
    }
    const approvedBy = forThis.filter((review) => review.state === 'approved').map((review) => review.user.login);
    if (approvedBy.length === 0) {
        throw new PlanNotApprovedError(`nobody approved the plan: run ${runId} has no approval for the environment "${name}", although it ` +
            `lists required reviewers (${reviewers.join(', ')}). GitHub let the job through without asking them: ` +
            'it does not enforce required reviewers on a private repository on the Free, Pro or Team plan ' +
            `(or an administrator bypassed the protection rules). If that is this repository: ${GATE_CHOICES}`);
    }
    return { environment: name, reviewers, approvedBy: [...new Set(approvedBy)] };
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

/***/ 20765:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runApproveAction: () => (/* binding */ runApproveAction)
/* harmony export */ });
/* harmony import */ var _github_approval_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7536);
/* harmony import */ var _github_octokit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15687);
/* harmony import */ var _render_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(43419);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99661);
/* harmony import */ var _environment_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(69133);





const MISSING_TOKEN = 
// biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression a user writes
'the github-token input is empty: pass ${{ github.token }} (the default) with actions: read';
/**
 * `actions/approve`: the approve job's only step after the ensemble checkout, run once GitHub's
 * environment gate let the job start. It checks through the API that the environment has required
 * reviewers and that one of them approved this run (`github/approval.ts`), reports who did in the
 * log, the step summary and the `approved-by` output, and fails the step (so no code job starts)
 * otherwise, with the summary saying why.
 */
async function runApproveAction(settings, core, env) {
    // The event is not needed: the repository and the run come from the runner's variables.
    const job = (0,_environment_js__WEBPACK_IMPORTED_MODULE_4__.jobFromEnvironment)(env, () => ({}));
    const token = settings.githubToken;
    if (!token)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(MISSING_TOKEN);
    const runId = Number(job.runId);
    if (!Number.isSafeInteger(runId) || runId <= 0)
        throw new Error(`GITHUB_RUN_ID is not a run id: "${job.runId}"`);
    const { owner, repo } = job.repository;
    const octokit = (0,_github_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .createOctokit */ .Qi)({
        token,
        baseUrl: job.apiUrl,
        log: (0,_environment_js__WEBPACK_IMPORTED_MODULE_4__.actionsGitHubLog)(core),
    });
    let approval;
    try {
        approval = await (0,_github_approval_js__WEBPACK_IMPORTED_MODULE_0__/* .verifyPlanApproval */ .Qd)(octokit, { owner, repo, runId, environment: settings.environment });
    }
    catch (error) {
        // The step fails with the message (run.ts); the summary keeps it where the run's page shows it.
        if (error instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo) {
            core.summary.addRaw(`### Plan not approved\n\nNo coding agent starts: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}\n`, true);
            await core.summary.write();
        }
        throw error;
    }
    const by = approval.approvedBy.join(', ');
    // Logins are GitHub's (letters, digits, hyphens, `[bot]`): safe in the log and in Markdown.
    core.info(`The plan was approved for the environment "${approval.environment}" by ${by}.`);
    core.setOutput('approved-by', by);
    core.summary.addRaw(`### Plan approved\n\nApproved for the environment ${(0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineCode */ .ti)(approval.environment)} by ` +
        `${approval.approvedBy.map((login) => `**${login}**`).join(', ')} ` +
        `(required reviewers: ${approval.reviewers.join(', ')}).\n`, true);
    await core.summary.write();
}


/***/ }),

/***/ 69133:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionsGitHubLog: () => (/* binding */ actionsGitHubLog),
/* harmony export */   actionsReporter: () => (/* binding */ actionsReporter),
/* harmony export */   assertNoPersistedCredentials: () => (/* binding */ assertNoPersistedCredentials),
/* harmony export */   jobArtifacts: () => (/* binding */ jobArtifacts),
/* harmony export */   jobFromEnvironment: () => (/* binding */ jobFromEnvironment),
/* harmony export */   jobRunDirectory: () => (/* binding */ jobRunDirectory),
/* harmony export */   runUrlOf: () => (/* binding */ runUrlOf)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99661);
/* harmony import */ var _artifacts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50982);



/** The page of the job's workflow run on GitHub. */
function runUrlOf(job) {
    return `${job.serverUrl}/${job.repository.owner}/${job.repository.repo}/actions/runs/${job.runId}`;
}
function jobFromEnvironment(env, readEvent) {
    const required = (name) => {
        const value = env[name];
        if (!value) {
            const where = "ensemble's actions run inside a GitHub Actions job (uses: …/actions/<stage>)";
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${name} is not set: ${where}`);
        }
        return value;
    };
    const [owner, repo] = required('GITHUB_REPOSITORY').split('/');
    return {
        workspace: required('GITHUB_WORKSPACE'),
        runnerTemp: required('RUNNER_TEMP'),
        eventName: required('GITHUB_EVENT_NAME'),
        eventPayload: env['GITHUB_EVENT_PATH'] ? readEvent(env['GITHUB_EVENT_PATH']) : {},
        repository: { owner, repo },
        runId: required('GITHUB_RUN_ID'),
        serverUrl: env['GITHUB_SERVER_URL'] ?? 'https://github.com',
        apiUrl: env['GITHUB_API_URL'] ?? 'https://api.github.com',
    };
}
/**
 * The run directory of a job: the artifacts this stage downloads and uploads, laid out exactly
 * as a local run's, so the stage code is the same in both runtimes. Loaded here, not with this
 * module: it brings the contracts, which the job's checks before the stage do not need.
 */
async function jobRunDirectory(job) {
    const { RunDirectory } = await Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(6811), __webpack_require__.e(5012)]).then(__webpack_require__.bind(__webpack_require__, 5012));
    return RunDirectory.at((0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(job.runnerTemp, 'ensemble', job.runId));
}
/**
 * The artifact store, with the job's artifact credentials captured before credentials leave the environment,
 * keeping uploads as long as the repository allows up to the approval and re-run window (`log` hears when less).
 */
function jobArtifacts(env, log) {
    return new _artifacts_js__WEBPACK_IMPORTED_MODULE_2__.ActionsArtifactStore({
        ...(0,_artifacts_js__WEBPACK_IMPORTED_MODULE_2__.artifactCredentials)({}, env),
        repositoryRetentionDays: env['GITHUB_RETENTION_DAYS'],
        ...(log ? { log } : {}),
    });
}
/** The header `actions/checkout` persists the token as: `http.<server>/.extraheader = AUTHORIZATION: basic …`. */
const TOKEN_HEADER_KEY = '^http\\..*\\.extraheader$';
/**
 * The file name `actions/checkout` v6 and later give the persisted token: `$RUNNER_TEMP/git-credentials-<uuid>.config`
 * (`/github/runner_temp/…` as seen from a container), pulled into `.git/config` by `includeIf "gitdir:…"` entries.
 */
const CHECKOUT_CREDENTIALS_FILE = /(?:^|[/\\])git-credentials-[0-9a-f-]+\.config$/i;
/** The repository's own config files, as `--show-origin` names them. */
const REPOSITORY_CONFIG = /(?:^|[/\\])\.git[/\\](?:worktrees[/\\][^/\\]+[/\\])?config(?:\.worktree)?$/;
/**
 * Refuses a checkout that keeps a token in its git configuration (`actions/checkout` without
 * `persist-credentials: false`): agents' commands can read the checkout, so the token would be
 * theirs. Only the repository's configuration is read (with `git config`, nothing else is run in it).
 *
 * Two layouts. Before v6, checkout wrote the header into `.git/config`. From v6 it writes it to a file under
 * `RUNNER_TEMP` and adds `includeIf "gitdir:<workspace>/.git".path` (and `…/.git/worktrees/*` and the container
 * paths) to `.git/config`; `git config --local` does not follow includes. So:
 *
 * 1. the repository's configuration is read as git reads it here, includes followed and `includeIf` conditions
 *    evaluated for this repository (system and global configuration left out: they are not the checkout's);
 * 2. every include entry pointing at checkout's credentials file is read too, whatever its condition: the
 *    `worktrees/*` entry applies in the worktrees agents work in, though not in the checkout itself.
 */
function assertNoPersistedCredentials(workspace) {
    const found = tokenHeaderOrigins(workspace, ['--includes']);
    for (const path of includedCredentialFiles(workspace)) {
        if (tokenHeaderOrigins(workspace, ['--file', path]).length > 0)
            found.push(path);
    }
    if (found.length === 0)
        return;
    const elsewhere = [
        ...new Set(found.filter((file) => !REPOSITORY_CONFIG.test(file)).map((file) => (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(workspace, file))),
    ];
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('the checkout keeps a GitHub token in .git/config (actions/checkout persists credentials by default); ' +
        'agents could read it. Check out with `persist-credentials: false`.' +
        (elsewhere.length > 0 ? ` The token is in ${elsewhere.join(', ')}, which .git/config includes.` : ''));
}
/** The config files (as git names them) that set a token header, reading the sources `source` selects. */
function tokenHeaderOrigins(workspace, source) {
    const out = readConfig(workspace, [
        ...source,
        '--show-origin',
        '-z',
        '--name-only',
        '--get-regexp',
        TOKEN_HEADER_KEY,
    ]);
    const fields = out.split('\0');
    const origins = [];
    for (let i = 0; i + 1 < fields.length; i += 2)
        origins.push(fields[i].replace(/^file:/, ''));
    return origins;
}
/** Files named like checkout's credentials file that an `include.path` or `includeIf.<condition>.path` names. */
function includedCredentialFiles(workspace) {
    const out = readConfig(workspace, [
        '--includes',
        '--show-origin',
        '-z',
        '--get-regexp',
        '^include(if\\..*)?\\.path$',
    ]);
    const fields = out.split('\0');
    const files = new Set();
    for (let i = 0; i + 1 < fields.length; i += 2) {
        const origin = fields[i].replace(/^file:/, '');
        const entry = fields[i + 1]; // `<key>\n<value>`
        const value = entry.slice(entry.indexOf('\n') + 1);
        if (!CHECKOUT_CREDENTIALS_FILE.test(value))
            continue;
        // As git resolves an include: relative to the file that names it. A path that does not exist here (a
        // container's /github/runner_temp/…) is read as nothing.
        files.add((0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(value) ? value : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(workspace, (0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(origin), value));
    }
    return [...files];
}
/**
 * `node:child_process`, loaded at the first `git config` rather than with this module: an entry whose
 * earlier checks fail does not load it.
 */
const childProcess = () => process.getBuiltinModule('node:child_process');
/**
 * `git config <args>` in the workspace with a clean environment and no system or global configuration; '' when
 * nothing matches (exit 1) or the workspace is not a repository (which the stage reports itself).
 */
function readConfig(workspace, args) {
    try {
        return childProcess().execFileSync('git', ['config', ...args], {
            cwd: workspace,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
            env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
        });
    }
    catch {
        return '';
    }
}
/**
 * The GitHub client's own messages (retries, rate limits) as plain job log lines: they are about
 * the API, not about the user's change, so they never become annotations.
 */
function actionsGitHubLog(core) {
    return {
        debug: () => { },
        info: (message) => core.info(message),
        warn: (message) => core.info(`warning: ${message}`),
        error: (message) => core.info(`error: ${message}`),
    };
}
/** Stage progress as log lines. */
function actionsReporter(core) {
    return {
        info: (message) => core.info(message),
        warn: (message) => core.warning(message),
        event: (event) => core.info(`[${event.agent ?? event.stage}] ${event.status}${event.detail ? `: ${event.detail.split('\n')[0]}` : ''}`),
    };
}


/***/ }),

/***/ 28805:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   Ie: () => (/* binding */ formatTimeLimit),
/* harmony export */   Q5: () => (/* binding */ normaliseOutput),
/* harmony export */   RT: () => (/* binding */ tail),
/* harmony export */   aJ: () => (/* binding */ stripAnsi),
/* harmony export */   sr: () => (/* binding */ clipExcerpt),
/* harmony export */   tX: () => (/* binding */ clipWithNote),
/* harmony export */   vh: () => (/* binding */ wholeCharEnd)
/* harmony export */ });
/**
 * Cutting and tidying plain text for reports, prompts and logs: one implementation of each cut.
 *
 * Lengths are JavaScript string lengths (UTF-16 code units), the unit the contracts' `max` limits
 * count, so a clipped field always passes its schema. A cut never splits a surrogate pair.
 *
 * Not here, on purpose: `truncateMarkdown` (render/markdown.ts) closes the code fences and
 * `<details>` it cuts through and counts bytes or characters, so it belongs with the Markdown
 * renderers.
 */
/** The end of the longest prefix of `text` no longer than `end` that does not split a surrogate pair. */
function wholeCharEnd(text, end) {
    const code = text.charCodeAt(end - 1);
    return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}
/** `text` when it has at most `max` characters; else its beginning and `…`, `max` characters in all. */
function clip(text, max) {
    if (text.length <= max)
        return text;
    return `${text.slice(0, wholeCharEnd(text, Math.max(0, max - 1)))}…`;
}
/**
 * `text` cut to at most `max` characters with `note` at the end (saying that the rest was cut),
 * never within a character; `text` itself when it fits.
 */
function clipWithNote(text, max, note) {
    if (text.length <= max)
        return text;
    return `${text.slice(0, wholeCharEnd(text, Math.max(0, max - note.length)))}${note}`;
}
/** `text` without leading blank lines and trailing whitespace, then clipped to `max` characters. */
function clipExcerpt(text, max) {
    return clip(text.replace(/^\s*\n/, '').replace(/\s+$/, ''), max);
}
/**
 * The end of `text`: its last `max` characters after `…`, starting at a line start when one comes
 * within the first 200 of them; `text` itself when it is no longer than `max`.
 */
function tail(text, max) {
    if (text.length <= max)
        return text;
    let start = text.length - max;
    const code = text.charCodeAt(start);
    if (code >= 0xdc00 && code <= 0xdfff)
        start++;
    const cut = text.slice(start);
    const newline = cut.indexOf('\n');
    return `…${newline !== -1 && newline < 200 ? cut.slice(newline) : cut}`;
}
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-_]/g;
/** `text` without ANSI colour and cursor sequences. */
function stripAnsi(text) {
    return text.replace(ANSI, '');
}
/**
 * A command's output as it is parsed and shown: colours removed, line endings normalised, and the
 * `workspaces` directories (with a `file://` in front or not) removed from paths, so that the
 * names in two runs in different worktrees match.
 */
function normaliseOutput(output, workspaces = []) {
    let text = stripAnsi(output).replace(/\r\n?/g, '\n');
    for (const dir of workspaces) {
        if (!dir)
            continue;
        const prefix = `${dir.replace(/\/+$/, '')}/`;
        text = text.split(`file://${prefix}`).join('').split(prefix).join('');
    }
    return text;
}
/**
 * A configured time limit in words: `5 minutes`, `1.5 minutes`, `30 s`. (render/markdown.ts has
 * `formatDuration` for measured durations: `2 min 05 s`.)
 */
function formatTimeLimit(ms) {
    if (ms % 60_000 === 0)
        return `${ms / 60_000} minute${ms === 60_000 ? '' : 's'}`;
    return ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} minutes` : `${Math.round(ms / 1000)} s`;
}


/***/ })

};
