export const id = 1399;
export const ids = [1399];
export const modules = {

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

/***/ 15170:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ TASK_ID_PATTERN),
/* harmony export */   v: () => (/* binding */ LENS_NAME)
/* harmony export */ });
/**
 * Task ids appear in artifact names, matrix legs, branch trailers and file names. Apart from the
 * schemas (`TaskId` in common.ts) so that an action's input check does not load zod.
 */
const TASK_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** A review lens's name (`LensName` in config.ts), here for the same reason. */
const LENS_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;


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
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9452);


/** `node:crypto`, loaded when a key is read: every action's input check loads this module, most without a key. */
const crypto = () => process.getBuiltinModule('node:crypto');
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
class AppTokenError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
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
        key = crypto().createPrivateKey({ key: pem, format: 'pem' });
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
    const signature = crypto().sign('sha256', Buffer.from(`${header}.${payload}`), credentials.privateKey.key);
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
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c2)(error) === 404) {
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
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .explainGitHubError */ .Pm)(error, { action: `revoke the installation token of the ${app}`, permission: '' });
            }
        },
    };
}
/** A failed App call, explained: 401 names the credentials, 403 and 422 the permissions. */
function appError(error, action, credentials) {
    const status = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c2)(error);
    const explained = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .explainGitHubError */ .Pm)(error, { action, permission: 'the App permissions' });
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

/***/ 71399:
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
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./lib/runtime/actions/entry-core.js
/**
 * The five calls of `@actions/core` an entry makes before its stage starts (read inputs, mask, log,
 * debug, fail), writing the same workflow commands `@actions/core` writes. `@actions/core` itself
 * loads an HTTP client (1 MB of undici, for OIDC tokens) at import: an entry that fails on a bad
 * input or outside a job must not wait for it. The real module is loaded once the entry's checks
 * pass, for the stage (outputs, summaries, warnings). test/unit/runtime/actions/entry-core.test.ts
 * holds both to the same output.
 */

/** `::<command>::<message>`, the message escaped as the runner unescapes it (as `@actions/core`'s `issueCommand`). */
function issueCommand(command, message) {
    const escaped = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    process.stdout.write(`::${command}::${escaped}${external_node_os_.EOL}`);
}
const entryCore = {
    /** An input as the runner passes it (`INPUT_<NAME>`), trimmed. */
    getInput(name) {
        return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
    },
    setSecret(secret) {
        issueCommand('add-mask', secret);
    },
    info(message) {
        process.stdout.write(message + external_node_os_.EOL);
    },
    debug(message) {
        issueCommand('debug', message);
    },
    /** An error annotation, and the step fails when the process exits. */
    setFailed(message) {
        process.exitCode = 1;
        issueCommand('error', message instanceof Error ? message.toString() : message);
    },
};

// EXTERNAL MODULE: ./lib/contracts/model-spec.js
var model_spec = __webpack_require__(66428);
// EXTERNAL MODULE: ./lib/contracts/task-id.js
var task_id = __webpack_require__(15170);
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
/** Lets through the text `accepts` accepts; `accepted` says what that is. Plain checks: zod is not loaded this early. */
function parseWhere(accepts, accepted) {
    return (raw) => {
        if (!accepts(raw))
            throw new InvalidInput(accepted);
        return raw;
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
    parse: parseWhere((p) => p !== '' && !p.startsWith('/') && !p.split('/').includes('..'), 'a relative path inside the repository, such as .github/ensemble.yml'),
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
    parse: (raw) => {
        if (raw === '')
            return null;
        if (!/^[1-9][0-9]{0,11}$/.test(raw)) {
            throw new InvalidInput("the App's numeric ID, such as 123456 (App settings → General → About → App ID)");
        }
        return Number(raw);
    },
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
/** The plan job's install, for the jobs that would install again (code, test, fix): `setup-cache.ts`. */
const setupKeyInput = {
    description: "The plan job's setup-key output: the Actions cache key of its install, restored into RUNNER_TEMP/ensemble-setup " +
        'by actions/cache/restore before this step. Used only when it matches this job; else (or empty) the job installs.',
    parse: (raw) => {
        if (raw === '')
            return null;
        if (raw.length > 512)
            throw new InvalidInput('a cache key of at most 512 characters (the plan job output setup-key)');
        return raw;
    },
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
                if (!task_id/* TASK_ID_PATTERN */.F.test(raw))
                    throw new InvalidInput('a task id of 1-40 characters a-z, 0-9 and "-"');
                return raw;
            },
        },
        'setup-key': setupKeyInput,
    },
    test: { ...modelInputs, 'setup-key': setupKeyInput },
    review: {
        ...modelInputs,
        lens: {
            description: 'Review lens this leg applies (correctness, tests, security or one from the configuration).',
            default: 'correctness',
            parse: parseWhere((lens) => task_id/* LENS_NAME */.v.test(lens), 'a lens name of a-z, 0-9 and "-", e.g. correctness'),
        },
    },
    docs: { ...modelInputs },
    fix: { ...modelInputs, 'setup-key': setupKeyInput },
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
/**
 * An entry whose stage runs in a job: the job's checks first, then the stage's modules (the model
 * SDKs, the GitHub client, the contracts) are loaded, so that an entry that cannot run fails
 * without waiting for them.
 */
function inJob(load) {
    return async (settings, loadCore, env) => {
        const job = await checkJob(env);
        const [run, core] = await Promise.all([load(), loadCore()]);
        await run(settings, await deps(job, core, env));
    };
}
/** What each entry does with its settings, each loaded only when that entry runs. */
const STAGES = {
    plan: inJob(async () => (await Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(8815), __webpack_require__.e(4101), __webpack_require__.e(6811), __webpack_require__.e(5420), __webpack_require__.e(9039), __webpack_require__.e(9006), __webpack_require__.e(1317), __webpack_require__.e(982), __webpack_require__.e(3076), __webpack_require__.e(9241), __webpack_require__.e(3419), __webpack_require__.e(6593), __webpack_require__.e(4059), __webpack_require__.e(9166), __webpack_require__.e(6660), __webpack_require__.e(4459), __webpack_require__.e(1954), __webpack_require__.e(2699)]).then(__webpack_require__.bind(__webpack_require__, 2699))).runPlanAction),
    code: inJob(async () => (await Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(6811), __webpack_require__.e(1317), __webpack_require__.e(982), __webpack_require__.e(3076), __webpack_require__.e(3419), __webpack_require__.e(4459), __webpack_require__.e(6583)]).then(__webpack_require__.bind(__webpack_require__, 64459))).runCodeAction),
    test: inJob(async () => (await Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(6811), __webpack_require__.e(1317), __webpack_require__.e(982), __webpack_require__.e(3076), __webpack_require__.e(3419), __webpack_require__.e(4459), __webpack_require__.e(6583)]).then(__webpack_require__.bind(__webpack_require__, 64459))).runTestAction),
    review: inJob(async () => (await Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(6811), __webpack_require__.e(1317), __webpack_require__.e(982), __webpack_require__.e(3076), __webpack_require__.e(3419), __webpack_require__.e(4459), __webpack_require__.e(6583)]).then(__webpack_require__.bind(__webpack_require__, 64459))).runReviewAction),
    docs: inJob(async () => (await Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(6811), __webpack_require__.e(1317), __webpack_require__.e(982), __webpack_require__.e(3076), __webpack_require__.e(3419), __webpack_require__.e(4459), __webpack_require__.e(6583)]).then(__webpack_require__.bind(__webpack_require__, 64459))).runDocsAction),
    fix: inJob(async () => (await Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(6811), __webpack_require__.e(1317), __webpack_require__.e(982), __webpack_require__.e(3076), __webpack_require__.e(3419), __webpack_require__.e(4459), __webpack_require__.e(6583)]).then(__webpack_require__.bind(__webpack_require__, 64459))).runFixAction),
    publish: inJob(async () => (await Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(8815), __webpack_require__.e(4101), __webpack_require__.e(6811), __webpack_require__.e(9039), __webpack_require__.e(1317), __webpack_require__.e(982), __webpack_require__.e(3076), __webpack_require__.e(9241), __webpack_require__.e(3419), __webpack_require__.e(4059), __webpack_require__.e(9166), __webpack_require__.e(4459), __webpack_require__.e(5314), __webpack_require__.e(1954), __webpack_require__.e(4533), __webpack_require__.e(7522), __webpack_require__.e(1900)]).then(__webpack_require__.bind(__webpack_require__, 17522))).runPublishAction),
    approve: async (settings, loadCore, env) => (await Promise.all(/* import() */[__webpack_require__.e(4101), __webpack_require__.e(982), __webpack_require__.e(3419), __webpack_require__.e(2505)]).then(__webpack_require__.bind(__webpack_require__, 20765))).runApproveAction(settings, await loadCore(), env),
    respond: inJob(async () => (await Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(8815), __webpack_require__.e(4101), __webpack_require__.e(6811), __webpack_require__.e(9039), __webpack_require__.e(1317), __webpack_require__.e(982), __webpack_require__.e(3076), __webpack_require__.e(9241), __webpack_require__.e(3419), __webpack_require__.e(4059), __webpack_require__.e(9166), __webpack_require__.e(4459), __webpack_require__.e(5314), __webpack_require__.e(1954), __webpack_require__.e(4533), __webpack_require__.e(7522), __webpack_require__.e(9681)]).then(__webpack_require__.bind(__webpack_require__, 81800))).runRespondAction),
    all: inJob(async () => (await Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(8815), __webpack_require__.e(4101), __webpack_require__.e(6811), __webpack_require__.e(5420), __webpack_require__.e(9039), __webpack_require__.e(9006), __webpack_require__.e(1317), __webpack_require__.e(982), __webpack_require__.e(3076), __webpack_require__.e(9241), __webpack_require__.e(3419), __webpack_require__.e(6593), __webpack_require__.e(4059), __webpack_require__.e(9166), __webpack_require__.e(6660), __webpack_require__.e(4459), __webpack_require__.e(5314), __webpack_require__.e(1954), __webpack_require__.e(4533), __webpack_require__.e(7522), __webpack_require__.e(2699), __webpack_require__.e(1603)]).then(__webpack_require__.bind(__webpack_require__, 1603))).runAllAction),
};
/**
 * The checks a job must pass before its stage loads, cheapest first: the runner's variables, the
 * artifact service, then a checkout that keeps a token (`git config`).
 */
async function checkJob(env) {
    const [{ artifactCredentials }, { assertNoPersistedCredentials, jobFromEnvironment }] = await Promise.all([
        __webpack_require__.e(/* import() */ 982).then(__webpack_require__.bind(__webpack_require__, 50982)),
        Promise.all(/* import() */[__webpack_require__.e(982), __webpack_require__.e(9133)]).then(__webpack_require__.bind(__webpack_require__, 69133)),
    ]);
    const job = jobFromEnvironment(env, (path) => JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8')));
    artifactCredentials({}, env);
    assertNoPersistedCredentials(job.workspace);
    return job;
}
/**
 * The job, its run directory and the artifact store; the artifact credentials are captured here,
 * before any stage scrubs the environment.
 */
async function deps(job, core, env) {
    const { jobArtifacts, jobRunDirectory } = await Promise.all(/* import() */[__webpack_require__.e(982), __webpack_require__.e(9133)]).then(__webpack_require__.bind(__webpack_require__, 69133));
    return { core, job, artifacts: jobArtifacts(env, core), runDir: await jobRunDirectory(job), env };
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
 * failed with a note asking to report it and its stack trace in the debug log. `loadCore` gives
 * the stage its whole `@actions/core`, once the job's checks passed; `core` itself by default.
 */
async function runActionWith(entry, core, env = process.env, loadCore = async () => core) {
    try {
        const read = (name) => core.getInput(name);
        // Masked first: an invalid input's message, or anything parsing logs, cannot show a secret.
        for (const secret of secretInputValues(entry, read))
            core.setSecret(secret);
        const settings = parseActionSettings(entry, read);
        await STAGES[entry](settings, loadCore, env);
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
    await runActionWith(entry, entryCore, process.env, () => Promise.all(/* import() */[__webpack_require__.e(4119), __webpack_require__.e(1659)]).then(__webpack_require__.bind(__webpack_require__, 91659)));
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
