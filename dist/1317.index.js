export const id = 1317;
export const ids = [1317];
export const modules = {

/***/ 41317:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kq: () => (/* binding */ describeFound),
/* harmony export */   TO: () => (/* binding */ CONFIG_STAGES),
/* harmony export */   VJ: () => (/* binding */ credentialPathReason),
/* harmony export */   YX: () => (/* binding */ DEFAULT_PROTECTED_PATHS),
/* harmony export */   gj: () => (/* binding */ EnsembleConfig),
/* harmony export */   kZ: () => (/* binding */ credentialWordInName)
/* harmony export */ });
/* unused harmony exports ModelSpecText, LensName, DEFAULT_MODEL, defaultConfig */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(80737);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);
/* harmony import */ var _credential_stores_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(65937);
/* harmony import */ var _model_spec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66428);
/* harmony import */ var _review_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88935);
/* harmony import */ var _stages_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(10784);
/* harmony import */ var _task_id_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(15170);







/*
 * The per-repository configuration, `.github/ensemble.yml`.
 *
 * Keys are kebab-case, as users type them in YAML, and the parsed object keeps them as they are
 * (`config.stages.plan['max-turns']`): one spelling everywhere, so an error path, the JSON Schema
 * an editor uses and the README reference all name the key the user wrote. Every key has a
 * default; an empty or missing file resolves to the same complete object.
 *
 * Messages are written for the person editing the YAML file: each says what was expected and
 * what was found. The loader in `src/config/` adds the file, line and column.
 */
/** How a value found in the YAML file is named in a message. */
function describeFound(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'string') {
        const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
        return JSON.stringify(shown);
    }
    if (typeof value === 'object')
        return 'a mapping';
    return String(value);
}
/** One message for every way a value can be wrong: what was expected, what was found. */
function expecting(what) {
    return (issue) => issue.input === undefined
        ? `required key is missing (expected ${what})`
        : `expected ${what}, found ${describeFound(issue.input)}`;
}
function text(what = 'a string') {
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP({ error: expecting(what) });
}
function nonEmptyText(what, max) {
    const error = expecting(what);
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP({ error }).trim().min(1, { error }).max(max, { error });
}
function positiveInt(what = 'a positive integer') {
    const error = expecting(what);
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig({ error }).int({ error }).positive({ error });
}
function intRange(min, max) {
    const error = expecting(`an integer from ${min} to ${max}`);
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig({ error }).int({ error }).min(min, { error }).max(max, { error });
}
function positiveNumber(what = 'a positive number', max) {
    const error = expecting(what);
    const base = zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig({ error }).positive({ error });
    return max === undefined ? base : base.max(max, { error });
}
function nonNegativeNumber(what) {
    const error = expecting(what);
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig({ error }).nonnegative({ error });
}
function bool() {
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .boolean */ .zMY({ error: expecting('true or false') });
}
function list(item, what, max) {
    const error = expecting(what);
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(item, { error }).max(max, { error: `expected at most ${max} entries` });
}
function section(shape) {
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .strictObject */ .rej(shape, { error: expecting('a mapping') });
}
/** `provider:model`, checked by the same parser the model registry uses so the message is the same. */
const ModelSpecText = text('a model spec such as "anthropic:claude-sonnet-4-5"').superRefine((value, ctx) => {
    try {
        (0,_model_spec_js__WEBPACK_IMPORTED_MODULE_1__/* .parseModelSpec */ .EG)(value);
    }
    catch (error) {
        ctx.addIssue({ code: 'custom', message: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error), input: value });
    }
});
const LensName = text('a lens name')
    .regex(_task_id_js__WEBPACK_IMPORTED_MODULE_4__/* .LENS_NAME */ .v, {
    error: (issue) => 'expected a lens name of 1-40 characters a-z, 0-9 and "-" starting ' +
        `with a letter or digit, found ${describeFound(issue.input)}`,
})
    .refine((name) => !_review_js__WEBPACK_IMPORTED_MODULE_2__/* .EXTERNAL_SOURCES */ .d1.includes(name), {
    error: (issue) => `"${String(issue.input)}" names findings no lens makes in a follow-up run (human: people's review comments; ` +
        "ci: the repository's CI; conflicts: a merge of the base); give the lens another name",
});
const BaseUrl = text('an http(s) URL').refine((value) => {
    try {
        const url = new URL(value);
        return url.protocol === 'http:' || url.protocol === 'https:';
    }
    catch {
        return false;
    }
}, {
    error: (issue) => `expected an http(s) URL such as "http://localhost:11434/v1", found ${describeFound(issue.input)}`,
});
/** GitHub's login rule, with the `[bot]` suffix an app's actor carries. */
const BotLogin = text('a bot login').regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/, {
    error: (issue) => `expected a GitHub bot login such as "dependabot[bot]", found ${describeFound(issue.input)}`,
});
/** GitHub caps label names at 50 characters. */
const LabelName = nonEmptyText('a label name of 1-50 characters', 50);
const PathPattern = nonEmptyText('a path or glob pattern relative to the repository root', 1_000);
/**
 * The default `protected-paths`: what runs on the maintainer's or CI's side without anyone
 * reviewing it first. A pull request ensemble opens (with a `publish-token`, CI runs on it) or a
 * branch a maintainer checks out would otherwise run the agents' code with the repository's
 * secrets or on the maintainer's machine. They are a default, not always protected (unlike the
 * configuration file and the instruction files, which steer the agents themselves), because a
 * repository may want ensemble to maintain one of them (an actions repository its `action.yml`):
 * the user decides, and removes the pattern. The publisher also refuses lifecycle scripts in
 * any `package.json` and symbolic links that leave the tree or land on a protected path
 * (`publish/policy.ts`), which no pattern can express.
 */
const DEFAULT_PROTECTED_PATHS = [
    // GitHub Actions: workflows, and the local and composite actions they run (`uses: ./path`).
    '.github/workflows/**',
    '.github/actions/**',
    'action.yml',
    'action.yaml',
    // Who must review a change.
    '/CODEOWNERS',
    '/.github/CODEOWNERS',
    '/docs/CODEOWNERS',
    // Package-manager settings: registries, tokens, plugins and code run on install.
    '.npmrc',
    '.yarnrc',
    '.yarnrc.yml',
    '.yarn/plugins/**',
    '.yarn/releases/**',
    '.pnpmfile.cjs',
    'binding.gyp',
    'pip.conf',
    '.pypirc',
    'uv.toml',
    '.cargo/config',
    '.cargo/config.toml',
    '.gitmodules',
    // Git hooks and hook managers: they run on the maintainer's commits.
    '.husky/**',
    '.githooks/**',
    'lefthook.*',
    '.lefthook.*',
    'lefthook-local.*',
    '.lefthook-local.*',
    '.lefthook/**',
    '.pre-commit-config.yaml',
    '.simple-git-hooks.*',
    '.lintstagedrc*',
    'lint-staged.config.*',
    // Development environments that run commands when opened.
    '.devcontainer/**',
    '.devcontainer.json',
    '.gitpod.yml',
    '.vscode/tasks.json',
    '.vscode/settings.json',
    // Other CI systems.
    '.gitlab-ci.yml',
    '.gitlab/**',
    '.circleci/**',
    '.travis.yml',
    'azure-pipelines.yml',
    '.azure-pipelines/**',
    '.buildkite/**',
    'Jenkinsfile',
    'bitbucket-pipelines.yml',
    '.drone.yml',
    '.woodpecker.yml',
    '.woodpecker/**',
    'appveyor.yml',
    '.appveyor.yml',
    '.cirrus.yml',
];
// --- what the command sandbox passes through (`sandbox-env`, `sandbox-paths`) ---
/**
 * Words that make a variable name look like a credential, matched anywhere in the name,
 * case-insensitively (`AUTH` not as the start of `AUTHOR`, so `GIT_AUTHOR_NAME` passes).
 */
const CREDENTIAL_NAME_WORDS = [
    ['TOKEN', /TOKEN/i],
    ['SECRET', /SECRET/i],
    ['KEY', /KEY/i],
    ['PASSWORD', /PASSWORD|PASSWD|PASSPHRASE/i],
    ['AUTH', /AUTH(?!OR)/i],
    ['CREDENTIAL', /CREDENTIAL/i],
    ['PRIVATE', /PRIVATE/i],
    ['COOKIE', /COOKIE/i],
    ['SESSION', /SESSION/i],
    ['PAT', /(^|_)PAT(_|$)/i],
];
/** The credential word a variable name contains (`TOKEN` for `NPM_TOKEN`), or null. */
function credentialWordInName(name) {
    return CREDENTIAL_NAME_WORDS.find(([, pattern]) => pattern.test(name))?.[0] ?? null;
}
/** Where credentials are stored, as path components: never given to a command, even when listed. */
const CREDENTIAL_STORES = new Set(_credential_stores_js__WEBPACK_IMPORTED_MODULE_5__/* .HOME_CREDENTIAL_STORES */ .x);
const CREDENTIAL_PATH_WORD = /token|secret|passw|credential|private|(^|[^a-z])(keys?|auth)([^a-z]|$)/i;
/** Why a path looks like it holds credentials, or null. */
function credentialPathReason(value) {
    const parts = value.split('/').filter(Boolean);
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        const two = `${part}/${parts[i + 1] ?? ''}`;
        if (CREDENTIAL_STORES.has(part) || CREDENTIAL_STORES.has(two))
            return `\`${part}\` is a credential store`;
        const word = CREDENTIAL_PATH_WORD.exec(part);
        if (word)
            return `\`${part}\` contains "${word[0].replace(/[^a-z]/gi, '')}"`;
    }
    return null;
}
/** Variables every command gets anyway, or must not get from the host. */
const FIXED_VARIABLES = {
    PATH: 'every command already gets PATH',
    HOME: 'HOME is always a scratch directory, so that nothing in your home directory is read or written',
};
const VariableName = text('an environment variable name').superRefine((name, ctx) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        ctx.addIssue({
            code: 'custom',
            input: name,
            message: `expected an environment variable name (letters, digits and "_"), found ${describeFound(name)}`,
        });
        return;
    }
    const fixed = FIXED_VARIABLES[name.toUpperCase()];
    if (fixed) {
        ctx.addIssue({ code: 'custom', input: name, message: `"${name}" cannot be passed: ${fixed}; remove it` });
        return;
    }
    const word = credentialWordInName(name);
    if (word)
        ctx.addIssue({
            code: 'custom',
            input: name,
            message: `"${name}" looks like a credential (its name contains ${word}), and commands never get credentials: ` +
                'remove it. A command that needs a token (a private registry) must run outside ensemble, e.g. as a ' +
                'workflow step before it; if the name matched by accident and the value is no credential, copy it to a ' +
                `name without ${word} and pass that name`,
        });
});
const ReadOnlyPath = nonEmptyText('an absolute path or one starting with ~/', 4_096).superRefine((value, ctx) => {
    if (!value.startsWith('/') && !value.startsWith('~/')) {
        ctx.addIssue({
            code: 'custom',
            input: value,
            message: `expected an absolute path or one starting with ~/, found ${describeFound(value)}`,
        });
        return;
    }
    if (value.replace(/\/+$/, '') === '' || value.replace(/\/+$/, '') === '~') {
        ctx.addIssue({
            code: 'custom',
            input: value,
            message: `"${value}" would give commands the whole ${value.startsWith('~') ? 'home directory' : 'file system'}: name the directories they need`,
        });
        return;
    }
    const reason = credentialPathReason(value);
    if (reason)
        ctx.addIssue({
            code: 'custom',
            input: value,
            message: `"${value}" looks like it holds credentials (${reason}), and commands never get credentials: remove it ` +
                '(credential stores stay hidden from every command, even inside a listed directory)',
        });
});
function passThrough(item, what, given) {
    return section({
        setup: list(item, what, 100).default([]).describe(`${given} \`setup\` commands only (they also have the network).`),
        all: list(item, what, 100)
            .default([])
            .describe(`${given} every command: setup, the repository's tests and the agents' commands.`),
    }).prefault({});
}
const SandboxEnv = passThrough(VariableName, 'a list of environment variable names', 'Variables passed to').describe('Environment variables passed from the environment ensemble runs in to sandboxed commands, by name (a ' +
    'variable that is not set is left out). Names that look like credentials (containing TOKEN, SECRET, KEY, ' +
    'PASSWORD, AUTH, CREDENTIAL, …) are refused. Setup commands get the proxy and CA variables ' +
    '(`HTTPS_PROXY`, `NO_PROXY`, `NODE_EXTRA_CA_CERTS`, `SSL_CERT_FILE`, …) without being listed here.');
const SandboxPaths = passThrough(ReadOnlyPath, 'a list of absolute paths', 'Paths shown read-only to').describe('Files and directories (absolute, or starting with `~/`) shown read-only to sandboxed commands, which ' +
    'otherwise see only the system directories (`/usr`, `/etc`, `/opt`, …), the toolchains and the worktree ' +
    '(not `/tmp`, the home directory or `/var`). Directories on PATH need no entry. Credential ' +
    'stores (`~/.npmrc`, `~/.ssh`, …) are refused, and stay hidden even inside a listed directory.');
/** The stages with a section under `stages:`, a model and a budget: the agent stages. */
const CONFIG_STAGES = _stages_js__WEBPACK_IMPORTED_MODULE_6__.AGENT_STAGES;
const DEFAULT_MODEL = 'anthropic:claude-sonnet-4-5';
/** GitHub ends a job after 6 hours; a stage cannot usefully be given more. */
const MAX_TIMEOUT_MINUTES = 360;
const STAGE_DEFAULTS = {
    plan: { turns: 40, minutes: 15, what: 'the planning agent' },
    code: { turns: 80, minutes: 30, what: 'each coding agent (one per task)' },
    test: { turns: 60, minutes: 30, what: 'the testing agent' },
    review: { turns: 30, minutes: 15, what: 'each review agent (one per lens)' },
    docs: { turns: 30, minutes: 15, what: 'the documentation agent' },
    fix: { turns: 60, minutes: 30, what: 'the fixing agent (one per fix round)' },
};
function stageShape(stage) {
    const d = STAGE_DEFAULTS[stage];
    const required = stage === 'plan' || stage === 'code';
    const enabled = required
        ? bool().refine((v) => v, {
            error: `the ${stage} stage cannot be disabled: every ` +
                `run ${stage === 'plan' ? 'starts from a plan' : 'makes its change in the code stage'}`,
        })
        : bool();
    return {
        enabled: enabled
            .default(true)
            .describe(required
            ? `Must stay \`true\`: the pipeline cannot run without the ${stage} stage.`
            : `Run the ${stage} stage.`),
        instructions: text()
            .max(65_536, { error: 'expected at most 65536 characters of instructions' })
            .default('')
            .describe(`Extra instructions for ${d.what}, added to its prompt after the repository's instruction files.`),
        'max-turns': positiveInt().default(d.turns).describe(`Model calls ${d.what} may make before it must submit.`),
        'timeout-minutes': positiveNumber(`a positive number of minutes, at most ${MAX_TIMEOUT_MINUTES}`, MAX_TIMEOUT_MINUTES)
            .default(d.minutes)
            .describe(`Wall-clock limit for ${d.what}.`),
    };
}
const PlanStage = section({
    ...stageShape('plan'),
    'max-tasks': intRange(1, 256)
        .default(6)
        .describe('Most tasks a plan may have; each runs as one coding job (GitHub allows 256 matrix legs).'),
}).prefault({});
const TestStage = section({
    ...stageShape('test'),
    'max-fix-attempts': intRange(0, 10)
        .default(2)
        .describe('Times the testing agent may fix failing tests and re-run them.'),
}).prefault({});
const FixStage = section({
    ...stageShape('fix'),
    'max-rounds': intRange(0, 10)
        .default(2)
        .describe('Fix rounds after a review that blocks: each fixes the blocking findings, then tests and reviews again. ' +
        'The loop also stops when no blocking finding is left, when a round fixes nothing, or when the budget ' +
        'is spent; 0 publishes the first review as it is.'),
}).prefault({});
const Budget = section({
    tokens: positiveInt('a positive integer number of tokens, or null for no limit')
        .nullable()
        .default(null)
        .describe('Input plus output tokens; null for no limit.'),
    usd: positiveNumber('a positive number of US dollars, or null for no limit')
        .nullable()
        .default(null)
        .describe('Cost in US dollars, from the price table; null for no limit.'),
}).prefault({});
const ModelPrice = section({
    input: nonNegativeNumber('a price in USD per million input tokens').describe('USD per million input tokens.'),
    output: nonNegativeNumber('a price in USD per million output tokens').describe('USD per million output tokens.'),
    'cache-read': nonNegativeNumber('a price in USD per million cached input tokens, or null')
        .nullable()
        .default(null)
        .describe('USD per million tokens read from the prompt cache; null when the provider does not bill them separately.'),
    'cache-write': nonNegativeNumber('a price in USD per million cache-write tokens, or null')
        .nullable()
        .default(null)
        .describe('USD per million tokens written to the prompt cache; null when the provider does not bill them separately.'),
}).describe('Prices of one model.');
const Models = section({
    default: ModelSpecText.default(DEFAULT_MODEL).describe('Model of every stage that does not name its own, as `provider:model`.'),
    plan: ModelSpecText.optional().describe('Model of the planning agent; `models.default` when omitted.'),
    code: ModelSpecText.optional().describe('Model of the coding agents; `models.default` when omitted.'),
    test: ModelSpecText.optional().describe('Model of the testing agent; `models.default` when omitted.'),
    review: ModelSpecText.optional().describe('Model of the review agents; `models.default` when omitted.'),
    docs: ModelSpecText.optional().describe('Model of the documentation agent; `models.default` when omitted.'),
    fix: ModelSpecText.optional().describe('Model of the fixing agent; `models.code` when omitted.'),
    'base-url': BaseUrl.nullable()
        .default(null)
        .describe("Endpoint for the `openai-compatible` provider (vLLM, Ollama, a gateway); null for the provider's own."),
})
    .prefault({})
    // Resolved here so that every consumer, and the config hash, sees the model each stage really uses.
    .transform((m) => ({
    default: m.default,
    plan: m.plan ?? m.default,
    code: m.code ?? m.default,
    test: m.test ?? m.default,
    review: m.review ?? m.default,
    docs: m.docs ?? m.default,
    // Fixing is coding: the coding agents' model unless the fixing agent names its own.
    fix: m.fix ?? m.code ?? m.default,
    'base-url': m['base-url'],
}));
const EnsembleConfig = section({
    version: zod__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz(1, {
        error: (issue) => `expected 1 (the only configuration version this ensemble reads), found ${describeFound(issue.input)}`,
    })
        .default(1)
        .describe('Version of this file format.'),
    trigger: section({
        label: LabelName.default('ensemble').describe('Label that starts a run when a maintainer adds it to an issue.'),
        'allowed-bots': list(BotLogin, 'a list of bot logins', 100)
            .default([])
            .describe('Bots that may trigger a run; people need write, maintain or admin permission, bots must be listed here.'),
        'request-changes': bool()
            .default(true)
            .describe('Whether a "Request changes" review on a pull request ensemble opened, by someone with write access, ' +
            'starts a fix run without a command (`/ensemble fix` always does).'),
    })
        .prefault({})
        .describe('Who may start a run, and how.'),
    gates: section({
        questions: zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(['never', 'when-unclear', 'always'], { error: expecting('one of never, when-unclear, always') })
            .default('when-unclear')
            .describe('Whether the planning agent may ask before it plans: `never`; `when-unclear` (it asks only what it ' +
            'cannot find out from the repository); `always` (it asks when unclear, and every plan then waits ' +
            'for approval as with `approval: comment`).'),
        approval: zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(['none', 'comment'], { error: expecting('one of none, comment') })
            .default('none')
            .describe('Whether a plan waits for approval in the issue before any code is written: `comment` posts it and ' +
            'waits for `/ensemble approve`, `/ensemble revise <instructions>` or `/ensemble stop` by someone ' +
            'with write access. The `approval-environment` input of the workflow is a second, separate gate.'),
        'needs-info-label': LabelName.default('ensemble:needs-info').describe('Label added to an issue while ensemble waits for answers to its questions, and removed when it resumes.'),
        'max-question-rounds': intRange(1, 5)
            .default(2)
            .describe('Rounds of questions the planning agent may ask in one request; after the last it must plan.'),
    })
        .prefault({})
        .describe('Where a run stops and waits for a person: questions before the plan, and approval of the plan.'),
    models: Models.describe('Model of each stage, as `provider:model` (providers: anthropic, openai, openai-compatible).'),
    prices: zod__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), ModelPrice, { error: expecting('a mapping of model spec to prices') })
        .superRefine((prices, ctx) => {
        for (const key of Object.keys(prices)) {
            try {
                (0,_model_spec_js__WEBPACK_IMPORTED_MODULE_1__/* .parseModelSpec */ .EG)(key);
            }
            catch (error) {
                ctx.addIssue({
                    code: 'custom',
                    path: [key],
                    message: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error),
                    input: key,
                    params: { at: 'key' },
                });
            }
        }
        // Keys are checked even when a price inside is wrong, so that one run reports both.
    }, { when: () => true })
        .default({})
        .describe('Prices of models that ensemble has no price for, keyed by `provider:model`, in USD per million tokens.'),
    stages: section({
        plan: PlanStage.describe('The planning agent.'),
        code: section(stageShape('code')).prefault({}).describe('The coding agents, one per task.'),
        test: TestStage.describe('The testing agent.'),
        review: section(stageShape('review')).prefault({}).describe('The review agents, one per lens.'),
        docs: section(stageShape('docs')).prefault({}).describe('The documentation agent.'),
        fix: FixStage.describe('The fixing agent: rounds of fix, test and review while the review blocks.'),
    })
        .prefault({})
        .describe('Per-stage enablement, instructions and limits.'),
    setup: list(nonEmptyText('a shell command', 10_000), 'a list of shell commands', 50)
        .default([])
        .describe('Shell commands that install the dependencies, e.g. `npm ci`: run once per run, at the base, with network; ' +
        'they replace detection (from package-lock.json, pnpm-lock.yaml, yarn.lock, uv.lock, go.mod, …). ' +
        'Empty: detected; `ensemble validate` shows what.'),
    'test-command': nonEmptyText('a shell command, or null to detect it', 10_000)
        .nullable()
        .default(null)
        .describe("Command that runs the repository's tests; null to detect it (package.json, pytest, go, cargo, Bundler, " +
        'Makefile, justfile).'),
    docs: section({
        paths: list(PathPattern, 'a list of path patterns', 200)
            .default(['README.md', 'docs/**', 'CHANGELOG.md'])
            .describe('Files the documentation agent may change.'),
    })
        .prefault({})
        .describe('The documentation agent.'),
    review: section({
        lenses: list(LensName, 'a list of lens names', 16)
            .min(1, { error: 'expected at least one lens; to skip review set stages.review.enabled: false' })
            .superRefine((lenses, ctx) => {
            const seen = new Map();
            lenses.forEach((lens, i) => {
                const first = seen.get(lens);
                if (first === undefined)
                    seen.set(lens, i);
                else
                    ctx.addIssue({
                        code: 'custom',
                        path: [i],
                        input: lens,
                        message: `duplicate lens "${lens}" (first at review.lenses[${first}])`,
                    });
            });
        })
            .default(['correctness', 'tests', 'security'])
            .describe('Review lenses; each runs as its own review agent.'),
        'block-on': zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(_review_js__WEBPACK_IMPORTED_MODULE_2__/* .Severity */ .AI.options, { error: expecting(`one of ${_review_js__WEBPACK_IMPORTED_MODULE_2__/* .Severity */ .AI.options.join(', ')}`) })
            .default('high')
            .describe('Least severe finding that makes the review request changes.'),
    })
        .prefault({})
        .describe('The review agents.'),
    sandbox: zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(['bubblewrap', 'none'], { error: expecting('one of bubblewrap, none') })
        .default('bubblewrap')
        .describe('How agent, setup and test commands are isolated. `bubblewrap` (no network, own PID namespace, no ' +
        'credentials) is required: without it the run stops. `none` runs them without isolation, where they ' +
        'can read the credentials of the run; only for trusted repositories on machines without bubblewrap.'),
    'sandbox-env': SandboxEnv,
    'sandbox-paths': SandboxPaths,
    'protected-paths': list(PathPattern, 'a list of path patterns', 200)
        .default([...DEFAULT_PROTECTED_PATHS])
        .describe('Glob patterns of files the pipeline may never change; a change touching one is ' +
        'refused before publishing. The default protects what runs without review on your or ' +
        "CI's side (workflows and actions, CODEOWNERS, package-manager settings, git hooks, dev " +
        'containers, other CI systems). The list replaces the default: start from the default ' +
        'and remove only what ensemble may change (a workflow it changes runs with your secrets).'),
    budgets: section({
        run: Budget.describe('Limits for the whole run.'),
        plan: Budget.describe('Limits for the plan stage.'),
        code: Budget.describe('Limits for each coding task.'),
        test: Budget.describe('Limits for the test stage.'),
        review: Budget.describe('Limits for each review lens.'),
        docs: Budget.describe('Limits for the docs stage.'),
        fix: Budget.describe("Limits for each fix round's fixing agent."),
    })
        .prefault({})
        .describe('Token and money budgets; a stage that runs out ends cleanly with what it has.'),
    publish: section({
        draft: bool().default(true).describe('Open the pull request as a draft.'),
        labels: list(LabelName, 'a list of label names', 20).default([]).describe('Labels added to the pull request.'),
    })
        .prefault({})
        .describe('The pull request.'),
    ci: section({
        repair: bool()
            .default(true)
            .describe("Whether a failed check of the repository's CI on a pull request ensemble opened starts a repair: a fix " +
            "run given the failing steps' logs, re-tested in the sandbox before it is pushed."),
        checks: zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(['required', 'all'], { error: expecting('one of required, all') })
            .default('required')
            .describe('Which failed checks start a repair and must pass before the pull request counts as green: `required` ' +
            "(those the base branch's protection or rulesets require; every check when it requires none) or `all`."),
        ignore: list(nonEmptyText('a check name', 200), 'a list of check names', 100)
            .default([])
            .describe('Checks ensemble never repairs and never waits for, by name (the job or status context name).'),
        'max-attempts': intRange(0, 10)
            .default(3)
            .describe('Repairs ensemble makes on one pull request, over all its heads; 0 never repairs.'),
        'max-attempts-per-head': intRange(1, 5)
            .default(1)
            .describe('Repairs ensemble makes of one head commit (the same failure of one head is never repaired twice).'),
        'rerun-failed': bool()
            .default(true)
            .describe('Whether the failed jobs of a GitHub Actions workflow run are re-run once before any repair, so that a ' +
            'flaky failure is not "fixed".'),
        'wait-for-checks-minutes': intRange(0, 30)
            .default(3)
            .describe('Minutes publish waits for checks to start on the head it pushed before it reports that none did (and ' +
            'why: a push with GITHUB_TOKEN, workflow runs awaiting approval); 0 does not wait.'),
        'ready-for-review': bool()
            .default(false)
            .describe('Whether ensemble marks its draft pull request ready for review once every check it waits for passed ' +
            'and no blocking finding is open.'),
        reviewers: list(nonEmptyText('a GitHub login or org/team', 100), 'a list of logins and org/team names', 15)
            .default([])
            .describe('People (`login`) and teams (`org/team`) whose review is requested when the pull request is marked ready.'),
        'auto-merge': zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(['off', 'merge', 'squash', 'rebase'], { error: expecting('one of off, merge, squash, rebase') })
            .default('off')
            .describe("Whether ensemble enables GitHub's auto-merge, with this merge method, when it marks the pull request " +
            'ready: GitHub merges once branch protection is satisfied (reviews included). ensemble never merges.'),
    })
        .prefault({})
        .describe("The repository's CI on ensemble's pull requests: repairs, and what happens when it is green."),
    monitor: section({
        enabled: bool()
            .default(true)
            .describe('Whether ensemble watches the default branch after one of its pull requests is merged: when the merge ' +
            "commit's checks (or a deployment of it) fail because of the change, it opens a draft revert pull " +
            'request and says why on the issue. It never reverts by itself.'),
        'window-hours': intRange(1, 720)
            .default(24)
            .describe('Hours after the merge during which a check or deployment of the merge commit is judged.'),
    })
        .prefault({})
        .describe("Watching the default branch after ensemble's pull request is merged."),
    limits: section({
        'max-patch-bytes': positiveInt()
            .default(1_000_000)
            .describe('Largest change, in bytes of patch, that publish accepts.'),
        'max-files': positiveInt().default(300).describe('Most files a change may touch.'),
    })
        .prefault({})
        .describe('Hard limits publish enforces on the change.'),
});
/** The configuration of a repository without `.github/ensemble.yml`. */
function defaultConfig() {
    return EnsembleConfig.parse({});
}


/***/ }),

/***/ 65937:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ HOME_CREDENTIAL_STORES)
/* harmony export */ });
/**
 * Where credentials are kept in a home directory, relative to it: the sandbox hides each of them
 * from every command, and the configuration refuses to pass any of them through
 * (`sandbox-paths`). One list, so that the two can never disagree.
 */
const HOME_CREDENTIAL_STORES = [
    '.ssh',
    '.aws',
    '.azure',
    '.kube',
    '.docker',
    '.gnupg',
    '.netrc',
    '.git-credentials',
    '.npmrc',
    '.yarnrc.yml',
    '.pypirc',
    '.gem/credentials',
    '.cargo/credentials',
    '.cargo/credentials.toml',
    '.config/gh',
    '.config/hub',
    '.config/gcloud',
    '.config/git/credentials',
];


/***/ }),

/***/ 10784:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AGENT_STAGES: () => (/* binding */ AGENT_STAGES),
/* harmony export */   y: () => (/* binding */ STAGE_NAMES)
/* harmony export */ });
/* unused harmony export isAgentStage */
/**
 * The stage vocabulary every contract shares: the pipeline's stages in order, and which of them
 * run an agent. What each stage reads, writes and yields when it does not run is the pipeline
 * table (`src/pipeline/stages.ts`); this file only names them, so that documents can say which
 * stage produced them without the contracts knowing how stages run.
 */
const STAGE_NAMES = ['plan', 'code', 'test', 'review', 'docs', 'fix', 'publish'];
/** The stages that run an agent (publish is deterministic code); each has a model, a budget and a config section. */
const AGENT_STAGES = ['plan', 'code', 'test', 'review', 'docs', 'fix'];
function isAgentStage(stage) {
    return AGENT_STAGES.includes(stage);
}


/***/ })

};
