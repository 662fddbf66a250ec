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
    publish: { config: configInput, 'github-token': githubTokenInput, draft: draftInput },
    all: { ...modelInputs, issue: issueInput, prompt: promptInput, draft: draftInput },
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
    if (problems.length > 0)
        throw new InputError(problems.join('\n'));
    return settings;
}

;// CONCATENATED MODULE: ./lib/runtime/actions/run.js



class StageNotImplementedError extends (/* unused pure expression or super */ null && (Error)) {
    name = 'StageNotImplementedError';
}
/** What each entry does with its settings, each loaded only when that entry runs. */
const STAGES = {
    plan: async (settings, core, env) => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(535), __webpack_require__.e(785), __webpack_require__.e(539), __webpack_require__.e(910), __webpack_require__.e(991)]).then(__webpack_require__.bind(__webpack_require__, 47604))).runPlanAction(settings, await deps(core, env)),
    code: async (settings, core, env) => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(535), __webpack_require__.e(785), __webpack_require__.e(539), __webpack_require__.e(910), __webpack_require__.e(356)]).then(__webpack_require__.bind(__webpack_require__, 40988))).runCodeAction(settings, await deps(core, env)),
    test: async (settings, core, env) => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(535), __webpack_require__.e(785), __webpack_require__.e(539), __webpack_require__.e(910), __webpack_require__.e(356)]).then(__webpack_require__.bind(__webpack_require__, 40988))).runTestAction(settings, await deps(core, env)),
    review: async (settings, core, env) => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(535), __webpack_require__.e(785), __webpack_require__.e(539), __webpack_require__.e(910), __webpack_require__.e(356)]).then(__webpack_require__.bind(__webpack_require__, 40988))).runReviewAction(settings, await deps(core, env)),
    docs: async (settings, core, env) => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(535), __webpack_require__.e(785), __webpack_require__.e(539), __webpack_require__.e(910), __webpack_require__.e(356)]).then(__webpack_require__.bind(__webpack_require__, 40988))).runDocsAction(settings, await deps(core, env)),
    publish: async (settings, core, env) => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(535), __webpack_require__.e(101), __webpack_require__.e(785), __webpack_require__.e(539), __webpack_require__.e(910), __webpack_require__.e(375), __webpack_require__.e(753), __webpack_require__.e(743)]).then(__webpack_require__.bind(__webpack_require__, 75940))).runPublishAction(settings, await deps(core, env)),
    all: async (settings, core, env) => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(535), __webpack_require__.e(101), __webpack_require__.e(785), __webpack_require__.e(539), __webpack_require__.e(910), __webpack_require__.e(375), __webpack_require__.e(753), __webpack_require__.e(743), __webpack_require__.e(603)]).then(__webpack_require__.bind(__webpack_require__, 1603))).runAllAction(settings, await deps(core, env)),
};
/**
 * The job, its run directory and the artifact store; the artifact credentials are captured here,
 * before any stage scrubs the environment.
 */
async function deps(core, env) {
    const { assertNoPersistedCredentials, jobArtifacts, jobFromEnvironment, jobRunDirectory } = await Promise.all(/* import() */[__webpack_require__.e(910), __webpack_require__.e(12)]).then(__webpack_require__.bind(__webpack_require__, 24910));
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
 * Runs one action entry: inputs are parsed and validated first, secrets masked, then the stage
 * runs. Any failure fails the step with a message (never a silent success). Told apart here, once,
 * by type: a user error fails with its message, which says what to fix; anything else is a bug,
 * failed with a note asking to report it and its stack trace in the debug log.
 */
async function runActionWith(entry, core, env = process.env) {
    try {
        const settings = parseActionSettings(entry, (name) => core.getInput(name));
        for (const secret of [
            settings.apiKey,
            settings.githubToken,
        ]) {
            if (secret)
                core.setSecret(secret);
        }
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
