export const id = 111;
export const ids = [111];
export const modules = {

/***/ 60574:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Js: () => (/* binding */ repoPathProblem),
/* harmony export */   LD: () => (/* binding */ TaskId),
/* harmony export */   P: () => (/* binding */ Sha256Hex),
/* harmony export */   RE: () => (/* binding */ envelope),
/* harmony export */   UA: () => (/* binding */ RepoPath),
/* harmony export */   Ug: () => (/* binding */ NonEmptyText),
/* harmony export */   p$: () => (/* binding */ GitSha),
/* harmony export */   wQ: () => (/* binding */ noModelUsage)
/* harmony export */ });
/* unused harmony exports RunIdentity, Usage, emptyUsage, schemaId */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(80737);

/** Lowercase hex SHA-1 (40) or SHA-256 (64) object name, as git prints it. */
const GitSha = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/, 'must be a full lowercase git commit SHA (40 or 64 hex characters)');
const Sha256Hex = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest (64 lowercase hex characters)');
/**
 * A path inside the repository, as git writes it: relative, forward slashes, no `..` segment.
 * Artifacts come from other jobs, so a path that could escape the checkout is refused here,
 * before any stage touches the file system.
 */
const RepoPath = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .min(1, 'must not be empty')
    .max(4096)
    .superRefine((path, ctx) => {
    const problem = repoPathProblem(path);
    if (problem)
        ctx.addIssue({ code: 'custom', message: problem, input: path });
});
/**
 * Why `path` is not a repository path, or null. One reason per path: `/etc/passwd` is "not
 * relative", not also "has an empty segment". The empty string is left to `RepoPath`'s `min(1)`.
 */
function repoPathProblem(path) {
    if (path === '')
        return null;
    if (path.startsWith('/') || /^[A-Za-z]:/.test(path))
        return 'must be relative to the repository root';
    if (path.includes('\\'))
        return 'must use forward slashes';
    if (path.includes('\0'))
        return 'must not contain NUL';
    const segments = path.split('/');
    if (segments.some((s) => s === '..' || s === '.' || s === ''))
        return 'must not contain empty, "." or ".." segments';
    // Git never tracks a `.git` entry (any case); a path into it could plant hooks or config that run later.
    if (segments.some((s) => s.toLowerCase() === '.git'))
        return 'must not point into a ".git" directory';
    return null;
}
/** Task ids appear in artifact names, matrix legs, branch trailers and file names. */
const TaskId = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1-40 characters of a-z, 0-9 and "-", starting with a letter or digit');
const NonEmptyText = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().trim().min(1, 'must not be empty');
/** Who and what a document belongs to; every artifact of one pipeline run carries the same identity. */
const RunIdentity = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    repository: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'must be "owner/name"'),
    runId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(200),
    issue: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().nullable(),
    promptHash: Sha256Hex.nullable(),
    baseSha: GitSha,
    configHash: Sha256Hex,
})
    .strict()
    .refine((r) => (r.issue === null) !== (r.promptHash === null), {
    message: 'exactly one of "issue" and "promptHash" must be set',
    path: ['issue'],
});
const TokenCount = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative();
/** Model usage of the stage that produced a document. `costUsd` is null when no price is known: never a guess. */
const Usage = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    model: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    calls: TokenCount,
    inputTokens: TokenCount,
    outputTokens: TokenCount,
    cacheReadTokens: TokenCount,
    cacheWriteTokens: TokenCount,
    costUsd: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative().nullable(),
    durationMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative(),
})
    .strict();
function emptyUsage(model = '') {
    return {
        model,
        calls: 0,
        inputTokens: 0,
        outputTokens: 0,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        costUsd: null,
        durationMs: 0,
    };
}
/** The usage of work that called no model (publish, a task that never started): it cost nothing. */
function noModelUsage() {
    return { ...emptyUsage(), costUsd: 0 };
}
/** `ensemble.<kind>/v<version>` */
function schemaId(kind, version) {
    return `ensemble.${kind}/v${version}`;
}
/** The envelope every artifact document shares, with the document's own fields beside it. */
function envelope(id, body) {
    const document = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(id),
        run: RunIdentity,
        usage: Usage,
    })
        .extend(body.shape)
        .strict();
    // `.shape` carries the fields only: re-attach the body's own refinements (a plan's task-graph
    // checks). The body's fields sit at the document's root, so their issue paths stay right.
    // The checks are typed against the body's output, which the document's output extends.
    const checks = (body._zod.def.checks ?? []);
    return checks.length > 0 ? document.check(...checks) : document;
}


/***/ }),

/***/ 66428:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   An: () => (/* binding */ formatModelSpec),
/* harmony export */   EG: () => (/* binding */ parseModelSpec),
/* harmony export */   xq: () => (/* binding */ PROVIDERS)
/* harmony export */ });
/* unused harmony export ModelSpecError */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);

const PROVIDERS = ['anthropic', 'openai', 'openai-compatible'];
class ModelSpecError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'ModelSpecError';
}
/**
 * Parses `provider:model`. The model id may itself contain colons (`openai-compatible:qwen3:32b`
 * for Ollama), so only the first colon separates the provider.
 */
function parseModelSpec(text) {
    const trimmed = text.trim();
    const colon = trimmed.indexOf(':');
    if (colon <= 0 || colon === trimmed.length - 1) {
        throw new ModelSpecError(`"${text}" is not a model spec: write provider:model, e.g. ` +
            `anthropic:claude-sonnet-4-5 (providers: ${PROVIDERS.join(', ')})`);
    }
    const provider = trimmed.slice(0, colon);
    const model = trimmed.slice(colon + 1);
    if (!PROVIDERS.includes(provider)) {
        throw new ModelSpecError(`unknown model provider "${provider}" in "${text}": use one of ${PROVIDERS.join(', ')}`);
    }
    if (/\s/.test(model)) {
        throw new ModelSpecError(`model id "${model}" in "${text}" must not contain whitespace`);
    }
    return { provider: provider, model };
}
function formatModelSpec(spec) {
    return `${spec.provider}:${spec.model}`;
}


/***/ }),

/***/ 91956:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PD: () => (/* binding */ AppTokenError),
/* harmony export */   fT: () => (/* binding */ parseAppPrivateKey),
/* harmony export */   iZ: () => (/* binding */ mintInstallationToken),
/* harmony export */   xk: () => (/* binding */ appJwt),
/* harmony export */   xv: () => (/* binding */ PUBLISH_APP_PERMISSIONS_TEXT),
/* harmony export */   zw: () => (/* binding */ PUBLISH_APP_PERMISSIONS)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99661);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9452);
/**
 * A GitHub App installation token, made by the step that uses it.
 *
 * Why here and not in a separate step: a pull request opened with the workflow's GITHUB_TOKEN
 * starts no workflow, so the repository's CI never runs on it. An App's installation token does,
 * but it cannot be made in the caller and handed to a reusable workflow's job (job outputs that
 * hold a secret are dropped), `actions/create-github-app-token` revokes its token when its own job
 * ends, and installation tokens last an hour. So the publisher signs the App's JWT itself, asks
 * GitHub for a token restricted to this repository and to what publishing needs, and revokes it
 * when it is done, whether publishing succeeded or not.
 */



/**
 * What the publisher writes with: commits, refs and the branch (contents), the pull request and its
 * review (pull requests), labels and the tracking comment (issues). Metadata is granted to every
 * installation; it is named so that the token surely has it (the publisher reads the repository).
 */
const PUBLISH_APP_PERMISSIONS = {
    contents: 'write',
    pull_requests: 'write',
    issues: 'write',
    metadata: 'read',
};
/** How the App settings page names the permissions publishing needs, for error messages and docs. */
const PUBLISH_APP_PERMISSIONS_TEXT = '"Contents", "Pull requests" and "Issues" set to "Read and write"';
class AppTokenError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo {
    name = 'AppTokenError';
}
/**
 * Reads an App's private key: the `.pem` file GitHub generated for it, as a secret holds it. A key
 * pasted on one line with literal `\n` (some secret stores keep it so) is accepted too. Throws an
 * error whose message says what was expected, never any part of the value.
 */
function parseAppPrivateKey(text) {
    let pem = text.trim().replace(/\r\n/g, '\n');
    if (!pem.includes('\n') && pem.includes('\\n'))
        pem = pem.replace(/\\n/g, '\n');
    const whole = 'the whole .pem file GitHub generated for the App (Private keys → Generate), BEGIN and END lines included';
    if (!/^-----BEGIN [A-Z ]+-----\n/.test(pem))
        throw new Error(`a PEM private key: ${whole}`);
    if (/^-----BEGIN (?:RSA )?PUBLIC KEY-----/.test(pem) || /^-----BEGIN CERTIFICATE-----/.test(pem)) {
        throw new Error(`the App's private key, not a public key or certificate: ${whole}`);
    }
    if (/^-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(pem) || /Proc-Type: 4,ENCRYPTED/.test(pem)) {
        throw new Error(`an unencrypted private key (this one needs a passphrase): ${whole}`);
    }
    let key;
    try {
        key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)({ key: pem, format: 'pem' });
    }
    catch {
        throw new Error(`a PEM private key that can be read (this one is damaged or cut short): ${whole}`);
    }
    if (key.asymmetricKeyType !== 'rsa') {
        throw new Error(`an RSA private key (GitHub Apps sign with RS256; this is an ${key.asymmetricKeyType} key): ${whole}`);
    }
    return { key, pem };
}
const base64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
/**
 * The JWT that authenticates as the App: RS256, issued 60 seconds in the past (GitHub's advice, for
 * a runner clock a little ahead of GitHub's) and expiring 9 minutes from now (GitHub refuses more
 * than 10 minutes after `iat`).
 */
function appJwt(credentials, now) {
    const seconds = Math.floor(now.getTime() / 1000);
    const header = base64url({ alg: 'RS256', typ: 'JWT' });
    const payload = base64url({ iat: seconds - 60, exp: seconds + 9 * 60, iss: credentials.appId });
    const signature = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.sign)('sha256', Buffer.from(`${header}.${payload}`), credentials.privateKey.key);
    return `${header}.${payload}.${signature.toString('base64url')}`;
}
/**
 * Makes an installation token of the App for `repo` alone, with {@link PUBLISH_APP_PERMISSIONS}:
 * `GET /repos/{owner}/{repo}/installation` with the App's JWT, then
 * `POST /app/installations/{id}/access_tokens`. Errors say which credential or setting to fix.
 */
async function mintInstallationToken(options) {
    const { credentials, repo } = options;
    const where = `${repo.owner}/${repo.repo}`;
    const app = `GitHub App ${credentials.appId}`;
    const jwtClient = options.client(appJwt(credentials, options.now()));
    let installationId;
    try {
        const { data } = await jwtClient.rest.apps.getRepoInstallation(repo);
        installationId = data.id;
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .statusOf */ .c2)(error) === 404) {
            throw new AppTokenError(`the ${app} is not installed on ${where}: install it on the repository (the App's page → Install App, ` +
                `or Settings → GitHub Apps → Configure → Repository access), or leave app-id and app-private-key empty`, { cause: error });
        }
        throw appError(error, `find the installation of the ${app} on ${where}`, credentials);
    }
    let data;
    try {
        ({ data } = await jwtClient.rest.apps.createInstallationAccessToken({
            installation_id: installationId,
            repositories: [repo.repo],
            permissions: PUBLISH_APP_PERMISSIONS,
        }));
    }
    catch (error) {
        throw appError(error, `make an installation token of the ${app} for ${where}`, credentials);
    }
    const { token } = data;
    options.onToken?.(token);
    let revoked = false;
    return {
        token,
        installationId,
        expiresAt: data.expires_at,
        permissions: Object.fromEntries(Object.entries(data.permissions ?? {}).filter((entry) => entry[1] !== undefined)),
        async revoke() {
            if (revoked)
                return;
            revoked = true;
            try {
                await options.client(token).rest.apps.revokeInstallationAccessToken();
            }
            catch (error) {
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .explainGitHubError */ .Pm)(error, { action: `revoke the installation token of the ${app}`, permission: '' });
            }
        },
    };
}
/** A failed App call, explained: 401 names the credentials, 403 and 422 the permissions. */
function appError(error, action, credentials) {
    const status = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .statusOf */ .c2)(error);
    const explained = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .explainGitHubError */ .Pm)(error, { action, permission: 'the App permissions' });
    const said = `${status} ${explained.githubMessage}`;
    if (status === 401) {
        return new AppTokenError(`could not ${action}: GitHub rejected the App's credentials (${said}). Check that app-id (${credentials.appId}) ` +
            "is the App's ID (its settings page, General → About → App ID) and that app-private-key is a private key " +
            'of that same App (General → Private keys), not revoked; a runner clock more than a minute off also causes this', { cause: error });
    }
    if ((status === 403 && !/rate limit/i.test(explained.githubMessage)) || status === 422) {
        return new AppTokenError(`could not ${action}: GitHub refused (${said}). The App must be granted ${PUBLISH_APP_PERMISSIONS_TEXT} ` +
            '(App settings → Permissions & events → Repository permissions), and the installation must accept the ' +
            'new permissions (Settings → GitHub Apps → Configure) and include this repository', { cause: error });
    }
    return explained;
}


/***/ }),

/***/ 9452:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mc: () => (/* binding */ githubCall),
/* harmony export */   OS: () => (/* binding */ GitHubApiError),
/* harmony export */   Pm: () => (/* binding */ explainGitHubError),
/* harmony export */   c2: () => (/* binding */ statusOf)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);
/**
 * Errors from GitHub turned into sentences a user can act on: what ensemble was doing, what
 * GitHub said, and what to change (the token's permission, a repository setting, a re-run).
 */

class GitHubApiError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'GitHubApiError';
    /** The HTTP status, or null when GitHub could not be reached. */
    status;
    action;
    /** GitHub's own message. */
    githubMessage;
    constructor(message, fields) {
        super(message, { cause: fields.cause });
        this.status = fields.status;
        this.action = fields.action;
        this.githubMessage = fields.githubMessage;
    }
}
/**
 * The `errors` of a GraphQL answer (`GraphqlResponseError` of @octokit/graphql), or null for any
 * other error. GitHub sends them with HTTP 200: the request was answered, and refused.
 */
function graphqlErrorsOf(error) {
    const e = error;
    return e?.name === 'GraphqlResponseError' && Array.isArray(e.errors) ? e.errors : null;
}
/** The HTTP status of an Octokit error, or null for a network error; 200 for a GraphQL answer with errors. */
function statusOf(error) {
    if (graphqlErrorsOf(error))
        return 200;
    const status = error?.status;
    return typeof status === 'number' && status >= 100 && status < 600 ? status : null;
}
function githubMessage(error) {
    const graphqlErrors = graphqlErrorsOf(error);
    if (graphqlErrors) {
        const said = graphqlErrors.map((item) => (typeof item.message === 'string' ? item.message : '')).filter(Boolean);
        return said.length > 0 ? said.join('; ') : 'a GraphQL error without a message';
    }
    const e = error;
    const data = e?.response?.data;
    const base = typeof data?.message === 'string' ? data.message : (e?.message ?? String(error));
    const details = (data?.errors ?? [])
        .map((item) => {
        if (typeof item === 'string')
            return item;
        const detail = item;
        return detail.message ?? [detail.resource, detail.field, detail.code].filter(Boolean).join(' ');
    })
        .filter((text) => text !== '');
    return details.length > 0 ? `${base}: ${details.join('; ')}` : base;
}
function isRateLimit(error) {
    const e = error;
    return e?.response?.headers?.['x-ratelimit-remaining'] === '0' || /\brate limit\b/i.test(githubMessage(error));
}
/** Wraps any error of a GitHub call into a `GitHubApiError` whose message says what to do. */
function explainGitHubError(error, operation) {
    if (error instanceof GitHubApiError)
        return error;
    const status = statusOf(error);
    const said = githubMessage(error);
    const head = `could not ${operation.action}`;
    const graphqlErrors = graphqlErrorsOf(error);
    const graphqlTypes = new Set((graphqlErrors ?? []).map((item) => item.type));
    let advice;
    if (graphqlErrors) {
        // GitHub's GraphQL API says what went wrong in each error's `type`, not in the HTTP status.
        if (graphqlTypes.has('RATE_LIMITED')) {
            advice =
                `GitHub's GraphQL rate limit was exceeded (${said}); ` +
                    're-run the job later, or use a GitHub App token, which has a higher limit';
        }
        else if (graphqlTypes.has('FORBIDDEN') || graphqlTypes.has('INSUFFICIENT_SCOPES')) {
            advice =
                `the token lacks a permission (GraphQL: ${said}); give the job \`permissions: ` +
                    `{ ${operation.permission} }\`, or pass a token that has ${operation.permission}`;
        }
        else if (graphqlTypes.has('NOT_FOUND')) {
            advice = `GitHub's GraphQL API found no such thing (${said}): it does not exist, or the token cannot see it`;
        }
        else {
            advice = `GitHub's GraphQL API refused the request (${said})`;
        }
    }
    else if (status === null) {
        advice =
            `GitHub could not be reached (${said}); ` + "check the runner's network and proxy settings, then re-run the job";
    }
    else if (status === 401) {
        advice = `GitHub rejected the token (401 ${said}); pass a valid token in the github-token input`;
    }
    else if ((status === 403 || status === 429) && isRateLimit(error)) {
        advice =
            `GitHub's rate limit was exceeded and the retries ran out (${status} ${said}); ` +
                're-run the job later, or use a GitHub App token, which has a higher limit';
    }
    else if (status === 403 && /not permitted to create or approve pull requests/i.test(said)) {
        advice =
            `${status} ${said}: enable "Allow GitHub Actions to create and ` +
                `approve pull requests" under the repository's (or organization's) ` +
                'Settings → Actions → General → Workflow permissions, or publish as a GitHub App (the secrets ' +
                'publish-app-id and publish-app-private-key) or with a personal access token (publish-token)';
    }
    else if ((status === 403 || status === 422) && /refusing to allow .*workflow/i.test(said)) {
        advice =
            `${status} ${said}: changing files under .github/workflows needs a token with the workflows permission ` +
                '(a personal access token with the workflow scope, in publish-token and without a GitHub App: the ' +
                'token publish makes of an App has only contents, pull requests and issues); GITHUB_TOKEN can never do it';
    }
    else if (status === 422 && /protected branch/i.test(said)) {
        advice =
            `${status} ${said}: branch protection or a ruleset forbids ` +
                "this update; exempt the branch or the token's app from the rule";
    }
    else if (status === 422 && /not a fast forward|reference already exists/i.test(said)) {
        advice = `${status} ${said}: the branch moved while ensemble was writing; re-run the job`;
    }
    else if (status === 403) {
        advice =
            `the token lacks a permission (403 ${said}); give the job \`permissions: ` +
                `{ ${operation.permission} }\`, or pass a token that has ${operation.permission}`;
    }
    else if (status === 404) {
        advice =
            `GitHub answered 404 ${said}: it does not exist, or the ` +
                `token cannot see it; the token needs ${operation.permission}`;
    }
    else if (status === 409) {
        advice = `GitHub answered 409 ${said}: the repository changed meanwhile (or is empty); re-run the job`;
    }
    else if (status === 422) {
        advice = `GitHub refused the request (422 ${said})`;
    }
    else if (status >= 500) {
        advice =
            `GitHub answered ${status} ${said} and the retries ran out; GitHub ` +
                'may be degraded (https://www.githubstatus.com), re-run the job later';
    }
    else {
        advice = `GitHub answered ${status} ${said}`;
    }
    return new GitHubApiError(`${head}: ${advice}`, {
        status,
        action: operation.action,
        githubMessage: said,
        cause: error,
    });
}
/** Runs one GitHub call, turning its failure into a `GitHubApiError` naming the operation. */
async function githubCall(operation, call) {
    try {
        return await call();
    }
    catch (error) {
        throw explainGitHubError(error, operation);
    }
}


/***/ }),

/***/ 66111:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runActionEntry: () => (/* binding */ runActionEntry)
});

// UNUSED EXPORTS: StageNotImplementedError, runActionWith

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 1 modules
var schemas = __webpack_require__(80737);
// EXTERNAL MODULE: ./lib/contracts/common.js
var common = __webpack_require__(60574);
// EXTERNAL MODULE: ./lib/contracts/model-spec.js
var model_spec = __webpack_require__(66428);
// EXTERNAL MODULE: ./lib/github/app-token.js
var app_token = __webpack_require__(91956);
;// CONCATENATED MODULE: ./lib/runtime/actions/inputs.js





class InputError extends errors/* UserError */.yo {
    name = 'InputError';
}
/** Thrown by a parser: the entry turns it into "Input 'x' …" with the value received. */
class InvalidInput extends Error {
}
const optionalText = (raw) => (raw === '' ? null : raw);
function parseWith(schema, accepted) {
    return (raw) => {
        const result = schema.safeParse(raw);
        if (!result.success)
            throw new InvalidInput(accepted);
        return result.data;
    };
}
const modelInput = {
    description: 'Model for every agent of this stage, as provider:model (anthropic:claude-sonnet-4-5, ' +
        'openai:gpt-5, openai-compatible:qwen3-coder). Empty: the model from the configuration file.',
    parse: (raw) => {
        if (raw === '')
            return null;
        try {
            return (0,model_spec/* parseModelSpec */.EG)(raw);
        }
        catch (error) {
            throw new InvalidInput((0,errors/* errorMessage */.gJ)(error));
        }
    },
};
const baseUrlInput = {
    description: 'Base URL of the model API, for openai-compatible servers ' +
        '(vLLM, Ollama) or a gateway. Empty: the provider default.',
    parse: (raw) => {
        if (raw === '')
            return null;
        let url;
        try {
            url = new URL(raw);
        }
        catch {
            throw new InvalidInput('an http(s) URL such as https://llm.example.com/v1');
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
            throw new InvalidInput('an http(s) URL such as https://llm.example.com/v1');
        if (url.username || url.password)
            throw new InvalidInput('a URL without credentials in it (pass the key as api-key)');
        return raw.replace(/\/+$/, '');
    },
};
const apiKeyInput = {
    description: 'Model API key. Empty: ENSEMBLE_API_KEY, then the provider variable (ANTHROPIC_API_KEY, OPENAI_API_KEY).',
    secret: true,
    parse: optionalText,
};
const configInput = {
    description: 'Path of the ensemble configuration file in the repository, read from the default branch.',
    default: '.github/ensemble.yml',
    parse: parseWith(schemas/* string */.YjP()
        .min(1)
        .refine((p) => !p.startsWith('/') && !p.split('/').includes('..')), 'a relative path inside the repository, such as .github/ensemble.yml'),
};
const githubTokenInput = {
    description: 'Token for the GitHub API. Stage jobs need only read access; ' +
        'publish needs contents, pull-requests and issues write.',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression the runner evaluates, not a JS template
    default: '${{ github.token }}',
    required: false,
    secret: true,
    parse: optionalText,
};
const modelInputs = {
    model: modelInput,
    'base-url': baseUrlInput,
    'api-key': apiKeyInput,
    config: configInput,
    'github-token': githubTokenInput,
};
const issueInput = {
    description: 'Issue number to work on (workflow_dispatch). Empty: the issue of the triggering event.',
    parse: (raw) => {
        if (raw === '')
            return null;
        if (!/^[1-9][0-9]{0,9}$/.test(raw))
            throw new InvalidInput('a positive whole number such as 42');
        return Number(raw);
    },
};
const promptInput = {
    description: 'What to build, when there is no issue (workflow_dispatch).',
    parse: (raw) => {
        if (raw === '')
            return null;
        if (raw.length > 65_536)
            throw new InvalidInput('a prompt of at most 65536 characters');
        return raw;
    },
};
const draftInput = {
    description: 'Open the pull request as a draft.',
    default: 'true',
    parse: (raw) => {
        // The same spellings as @actions/core getBooleanInput (YAML 1.2 core schema booleans).
        if (['true', 'True', 'TRUE'].includes(raw))
            return true;
        if (['false', 'False', 'FALSE'].includes(raw))
            return false;
        throw new InvalidInput('true or false');
    },
};
const appIdInput = {
    description: 'ID of a GitHub App to publish as (the App settings page, General → About → App ID), with app-private-key: ' +
        "publish makes a token of the App for this repository, so that the pull request starts the repository's " +
        'workflows (one opened with GITHUB_TOKEN does not), and revokes it when done. The App needs Contents, ' +
        'Pull requests and Issues: Read and write. Empty: github-token.',
    parse: parseWith(schemas/* union */.KCZ([
        schemas/* literal */.euz('').transform(() => null),
        schemas/* string */.YjP()
            .regex(/^[1-9][0-9]{0,11}$/)
            .transform(Number),
    ]), "the App's numeric ID, such as 123456 (App settings → General → About → App ID)"),
};
const appPrivateKeyInput = {
    description: 'Private key of the GitHub App named by app-id: the whole .pem file GitHub generated for it. Empty: github-token.',
    secret: true,
    parse: (raw) => {
        if (raw === '')
            return null;
        try {
            return (0,app_token/* parseAppPrivateKey */.fT)(raw);
        }
        catch (error) {
            throw new InvalidInput((0,errors/* errorMessage */.gJ)(error));
        }
    },
};
/** The inputs of the publisher; the App's credentials take precedence over github-token (`runPublishAction`). */
const publishInputs = {
    config: configInput,
    issue: {
        ...issueInput,
        description: "The issue the run works on: the plan's `issue` input (workflow_dispatch). Empty: the issue of the " +
            'triggering event, or none. Publish refuses artifacts of any other issue or workflow run.',
    },
    'github-token': githubTokenInput,
    'app-id': appIdInput,
    'app-private-key': appPrivateKeyInput,
    draft: draftInput,
};
const environmentInput = {
    description: 'GitHub environment whose required reviewers approve the plan (the job must be bound to it with ' +
        '`environment:`). The step fails unless the environment has required reviewers and one of them ' +
        'approved this run.',
    required: true,
    parse: (raw) => {
        // GitHub's own limit on an environment name.
        if (raw.length > 255)
            throw new InvalidInput('an environment name of at most 255 characters');
        return raw;
    },
};
const approvalTokenInput = {
    ...githubTokenInput,
    description: "Token for the GitHub API: it reads the environment's protection rules and this run's approvals " +
        '(`actions: read` on a private repository).',
};
const ACTION_INPUTS = {
    plan: { ...modelInputs, issue: issueInput, prompt: promptInput },
    code: {
        ...modelInputs,
        task: {
            description: 'Id of the plan task this matrix leg implements (from the plan job output `matrix`).',
            required: true,
            parse: (raw) => {
                if (raw === '')
                    throw new InvalidInput('a task id from the plan, e.g. "api-endpoint"');
                const result = common/* TaskId */.LD.safeParse(raw);
                if (!result.success)
                    throw new InvalidInput('a task id of 1-40 characters a-z, 0-9 and "-"');
                return result.data;
            },
        },
    },
    test: { ...modelInputs },
    review: {
        ...modelInputs,
        lens: {
            description: 'Review lens this leg applies (correctness, tests, security or one from the configuration).',
            default: 'correctness',
            parse: parseWith(schemas/* string */.YjP().regex(/^[a-z0-9][a-z0-9-]{0,39}$/), 'a lens name of a-z, 0-9 and "-", e.g. correctness'),
        },
    },
    docs: { ...modelInputs },
    fix: { ...modelInputs },
    publish: publishInputs,
    approve: { environment: environmentInput, 'github-token': approvalTokenInput },
    respond: {
        config: configInput,
        'github-token': {
            ...githubTokenInput,
            description: 'Token for the GitHub API: it reads the pull request, its review threads and the stored run state, and ' +
                'replies when ensemble does not act (pull-requests: write, issues: write, contents: read).',
        },
    },
    all: {
        ...modelInputs,
        issue: issueInput,
        prompt: promptInput,
        draft: draftInput,
        'app-id': appIdInput,
        'app-private-key': appPrivateKeyInput,
    },
};
const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
/**
 * Reads and validates every input of an action at once, as `actions/checkout` does, so that a
 * typo fails the step before any work starts. `read` is `core.getInput` in the runner.
 */
function parseActionSettings(entry, read) {
    const specs = ACTION_INPUTS[entry];
    const settings = {};
    const problems = [];
    for (const [name, spec] of Object.entries(specs)) {
        let raw = read(name).trim();
        if (raw === '' && spec.default !== undefined && !spec.default.startsWith('${{'))
            raw = spec.default;
        if (raw === '' && spec.required) {
            problems.push(`Input '${name}' is required: ${spec.description}`);
            continue;
        }
        try {
            settings[camel(name)] = spec.parse(raw);
        }
        catch (error) {
            if (!(error instanceof InvalidInput))
                throw error;
            if (spec.secret) {
                problems.push(`Input '${name}' has an invalid value (not shown: it is a secret): expected ${error.message}.`);
                continue;
            }
            // Never echo credentials written into a URL (`https://user:secret@host`): the value is not masked yet.
            const unmasked = raw.replace(/(\/\/)[^/@\s]*@/, '$1***@');
            const shown = unmasked.length > 80 ? `${unmasked.slice(0, 77)}...` : unmasked;
            problems.push(`Input '${name}' has an invalid value ${JSON.stringify(shown)}: expected ${error.message}.`);
        }
    }
    if (entry === 'plan' || entry === 'all') {
        if (settings['issue'] !== null && settings['prompt'] !== null && problems.length === 0) {
            problems.push("Inputs 'issue' and 'prompt' were both given: pass one of them, or neither to use the triggering issue.");
        }
    }
    if ('app-id' in specs &&
        problems.length === 0 &&
        (settings['appId'] === null) !== (settings['appPrivateKey'] === null)) {
        const [given, missing] = settings['appId'] === null ? ['app-private-key', 'app-id'] : ['app-id', 'app-private-key'];
        problems.push(`Input '${given}' was given without '${missing}': a GitHub App needs both (in the reusable workflow, the ` +
            'secrets publish-app-id and publish-app-private-key), or leave both empty to publish with github-token.');
    }
    if (problems.length > 0)
        throw new InputError(problems.join('\n'));
    return settings;
}
/**
 * The values to mask before anything is parsed or logged: every secret input as given, and each
 * line of a multi-line one on its own, because the runner masks the log line by line and a
 * multi-line secret never matches one line (a PEM key). Boundary lines hold no key material.
 */
function secretInputValues(entry, read) {
    const values = new Set();
    for (const [name, spec] of Object.entries(ACTION_INPUTS[entry])) {
        if (!spec.secret)
            continue;
        const raw = read(name).trim();
        if (raw === '')
            continue;
        values.add(raw);
        for (const line of raw.split(/\r?\n|\\n/)) {
            const part = line.trim();
            if (part.length >= 8 && !part.startsWith('-----'))
                values.add(part);
        }
    }
    return [...values];
}

;// CONCATENATED MODULE: ./lib/runtime/actions/run.js



class StageNotImplementedError extends (/* unused pure expression or super */ null && (Error)) {
    name = 'StageNotImplementedError';
}
/** What each entry does with its settings, each loaded only when that entry runs. */
const STAGES = {
    plan: async (settings, core, env) => (await Promise.all(/* import() */[__webpack_require__.e(867), __webpack_require__.e(101), __webpack_require__.e(535), __webpack_require__.e(811), __webpack_require__.e(312), __webpack_require__.e(420), __webpack_require__.e(171), __webpack_require__.e(419), __webpack_require__.e(746), __webpack_require__.e(676), __webpack_require__.e(16), __webpack_require__.e(369), __webpack_require__.e(699)]).then(__webpack_require__.bind(__webpack_require__, 2699))).runPlanAction(settings, await deps(core, env)),
    code: async (settings, core, env) => (await Promise.all(/* import() */[__webpack_require__.e(867), __webpack_require__.e(535), __webpack_require__.e(811), __webpack_require__.e(312), __webpack_require__.e(420), __webpack_require__.e(171), __webpack_require__.e(419), __webpack_require__.e(746), __webpack_require__.e(16)]).then(__webpack_require__.bind(__webpack_require__, 64459))).runCodeAction(settings, await deps(core, env)),
    test: async (settings, core, env) => (await Promise.all(/* import() */[__webpack_require__.e(867), __webpack_require__.e(535), __webpack_require__.e(811), __webpack_require__.e(312), __webpack_require__.e(420), __webpack_require__.e(171), __webpack_require__.e(419), __webpack_require__.e(746), __webpack_require__.e(16)]).then(__webpack_require__.bind(__webpack_require__, 64459))).runTestAction(settings, await deps(core, env)),
    review: async (settings, core, env) => (await Promise.all(/* import() */[__webpack_require__.e(867), __webpack_require__.e(535), __webpack_require__.e(811), __webpack_require__.e(312), __webpack_require__.e(420), __webpack_require__.e(171), __webpack_require__.e(419), __webpack_require__.e(746), __webpack_require__.e(16)]).then(__webpack_require__.bind(__webpack_require__, 64459))).runReviewAction(settings, await deps(core, env)),
    docs: async (settings, core, env) => (await Promise.all(/* import() */[__webpack_require__.e(867), __webpack_require__.e(535), __webpack_require__.e(811), __webpack_require__.e(312), __webpack_require__.e(420), __webpack_require__.e(171), __webpack_require__.e(419), __webpack_require__.e(746), __webpack_require__.e(16)]).then(__webpack_require__.bind(__webpack_require__, 64459))).runDocsAction(settings, await deps(core, env)),
    fix: async (settings, core, env) => (await Promise.all(/* import() */[__webpack_require__.e(867), __webpack_require__.e(535), __webpack_require__.e(811), __webpack_require__.e(312), __webpack_require__.e(420), __webpack_require__.e(171), __webpack_require__.e(419), __webpack_require__.e(746), __webpack_require__.e(16)]).then(__webpack_require__.bind(__webpack_require__, 64459))).runFixAction(settings, await deps(core, env)),
    publish: async (settings, core, env) => (await Promise.all(/* import() */[__webpack_require__.e(867), __webpack_require__.e(101), __webpack_require__.e(535), __webpack_require__.e(811), __webpack_require__.e(312), __webpack_require__.e(420), __webpack_require__.e(171), __webpack_require__.e(419), __webpack_require__.e(746), __webpack_require__.e(676), __webpack_require__.e(16), __webpack_require__.e(369), __webpack_require__.e(314), __webpack_require__.e(533), __webpack_require__.e(522)]).then(__webpack_require__.bind(__webpack_require__, 17522))).runPublishAction(settings, await deps(core, env)),
    approve: async (settings, core, env) => (await Promise.all(/* import() */[__webpack_require__.e(101), __webpack_require__.e(811), __webpack_require__.e(171), __webpack_require__.e(419), __webpack_require__.e(753)]).then(__webpack_require__.bind(__webpack_require__, 20765))).runApproveAction(settings, core, env),
    respond: async (settings, core, env) => (await Promise.all(/* import() */[__webpack_require__.e(867), __webpack_require__.e(101), __webpack_require__.e(535), __webpack_require__.e(811), __webpack_require__.e(312), __webpack_require__.e(420), __webpack_require__.e(171), __webpack_require__.e(419), __webpack_require__.e(746), __webpack_require__.e(676), __webpack_require__.e(16), __webpack_require__.e(369), __webpack_require__.e(314), __webpack_require__.e(533), __webpack_require__.e(522), __webpack_require__.e(800)]).then(__webpack_require__.bind(__webpack_require__, 81800))).runRespondAction(settings, await deps(core, env)),
    all: async (settings, core, env) => (await Promise.all(/* import() */[__webpack_require__.e(867), __webpack_require__.e(101), __webpack_require__.e(535), __webpack_require__.e(811), __webpack_require__.e(312), __webpack_require__.e(420), __webpack_require__.e(171), __webpack_require__.e(419), __webpack_require__.e(746), __webpack_require__.e(676), __webpack_require__.e(16), __webpack_require__.e(369), __webpack_require__.e(314), __webpack_require__.e(533), __webpack_require__.e(522), __webpack_require__.e(699), __webpack_require__.e(603)]).then(__webpack_require__.bind(__webpack_require__, 1603))).runAllAction(settings, await deps(core, env)),
};
/**
 * The job, its run directory and the artifact store; the artifact credentials are captured here,
 * before any stage scrubs the environment.
 */
async function deps(core, env) {
    const { assertNoPersistedCredentials, jobArtifacts, jobFromEnvironment, jobRunDirectory } = await Promise.all(/* import() */[__webpack_require__.e(811), __webpack_require__.e(171), __webpack_require__.e(377)]).then(__webpack_require__.bind(__webpack_require__, 29171));
    const job = jobFromEnvironment(env, (path) => JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8')));
    assertNoPersistedCredentials(job.workspace);
    return { core, job, artifacts: jobArtifacts(env, core), runDir: jobRunDirectory(job), env };
}
/**
 * Added to an unexpected error's message; its stack trace goes to the debug log. "Unless": some
 * user mistakes are still thrown as plain errors, and their message does say what to fix.
 */
const UNEXPECTED = 'This error was not expected. Unless the message says what to fix, it is a bug in ensemble: ' +
    'please report it with this log (re-run the job with debug logging enabled to log its stack trace).';
/**
 * Runs one action entry: secrets are masked, inputs parsed and validated, then the stage
 * runs. Any failure fails the step with a message (never a silent success). Told apart here, once,
 * by type: a user error fails with its message, which says what to fix; anything else is a bug,
 * failed with a note asking to report it and its stack trace in the debug log.
 */
async function runActionWith(entry, core, env = process.env) {
    try {
        const read = (name) => core.getInput(name);
        // Masked first: an invalid input's message, or anything parsing logs, cannot show a secret.
        for (const secret of secretInputValues(entry, read))
            core.setSecret(secret);
        const settings = parseActionSettings(entry, read);
        await STAGES[entry](settings, core, env);
    }
    catch (error) {
        if (error instanceof InputError) {
            core.setFailed(`ensemble ${entry}: invalid input.\n${error.message}`);
        }
        else if ((0,errors/* isUserError */.iU)(error)) {
            core.setFailed(`ensemble ${entry}: ${error.message}`);
        }
        else {
            core.debug(error instanceof Error && error.stack ? error.stack : String(error));
            core.setFailed(`ensemble ${entry}: ${(0,errors/* errorMessage */.gJ)(error)}\n${UNEXPECTED}`);
        }
    }
}
async function runActionEntry(entry) {
    const core = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(659)]).then(__webpack_require__.bind(__webpack_require__, 91659));
    await runActionWith(entry, core);
}


/***/ }),

/***/ 99661:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   iU: () => (/* binding */ isUserError),
/* harmony export */   v: () => (/* binding */ USER_ERROR),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/**
 * Errors a user fixes versus bugs, told apart by type, never by message.
 *
 * A user error is a mistake the user fixes (the configuration, an input, an artifact that is
 * missing or not the contract, a runner without bubblewrap, an event ensemble refuses); its
 * message says what to change, and the entries (`runtime/actions/run.ts`, `cli.ts`) print it as
 * it is. Any other error reaching an entry is unexpected: a bug, reported with a note asking to
 * report it.
 *
 * Errors carry a marker symbol rather than relying on `instanceof` alone (vercel/ai's pattern):
 * `Symbol.for` is shared by every copy of this module, so an error thrown by another bundle or
 * module instance is still recognised, and a class with another base (the model errors) can carry
 * the marker as a field.
 */
/** The marker every user error carries, set to `true`. */
const USER_ERROR = Symbol.for('ensemble.user-error');
/** A mistake the user fixes; its message says what to change. Extend it, or throw it as it is. */
class UserError extends Error {
    [USER_ERROR] = true;
    name = 'UserError';
    /** Is `error` a user error: a {@link UserError}, or any error carrying the {@link USER_ERROR} marker? */
    static isInstance(error) {
        return error instanceof Error && error[USER_ERROR] === true;
    }
}
/** {@link UserError.isInstance}, as a function. */
function isUserError(error) {
    return UserError.isInstance(error);
}
/** The message of anything thrown: an error's message, or the value as text. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    const message = error?.message;
    return typeof message === 'string' ? message : String(error);
}


/***/ })

};
