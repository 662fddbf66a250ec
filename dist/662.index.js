export const id = 662;
export const ids = [662];
export const modules = {

/***/ 70774:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xL: () => (/* reexport */ errors/* ConfigError */.xL),
  configJsonSchema: () => (/* reexport */ configJsonSchema),
  Z9: () => (/* reexport */ load/* loadConfig */.Z9),
  gj: () => (/* reexport */ summarizeConfig)
});

// UNUSED EXPORTS: DEFAULT_CONFIG_PATH, INSTRUCTION_FILES, MAX_CONFIG_BYTES, MAX_INSTRUCTION_BYTES, canonicalJson, closestKey, configHash, defaultLoadedConfig, discoverInstructionFiles, formatKeyPath, formatProblem, parseConfigText, renderConfigReference, unwrapSchema

// EXTERNAL MODULE: ./lib/config/errors.js
var errors = __webpack_require__(28159);
// EXTERNAL MODULE: ./lib/config/hash.js
var hash = __webpack_require__(68992);
// EXTERNAL MODULE: ./lib/config/instructions.js
var instructions = __webpack_require__(70417);
// EXTERNAL MODULE: ./lib/config/load.js
var load = __webpack_require__(76264);
// EXTERNAL MODULE: ./lib/contracts/config.js
var contracts_config = __webpack_require__(41317);
// EXTERNAL MODULE: ./lib/contracts/json-schema.js
var json_schema = __webpack_require__(33141);
// EXTERNAL MODULE: ./lib/contracts/model-spec.js
var model_spec = __webpack_require__(66428);
;// CONCATENATED MODULE: ./lib/config/reference.js



/** What `parseModelSpec` accepts, as a pattern editors can check while the user types. */
const MODEL_SPEC_PATTERN = `^(?:${model_spec/* PROVIDERS */.xq.join('|')}):\\S+$`;
/**
 * JSON Schema (draft 2020-12) of `.github/ensemble.yml`, for editors (`# yaml-language-server:
 * $schema=...`). It describes what a user may write: every key is optional.
 */
function configJsonSchema() {
    const schema = (0,json_schema.toJsonSchema)(contracts_config/* EnsembleConfig */.gj, 'config', 'ensemble configuration (.github/ensemble.yml)');
    // Model specs are checked by a refinement, which JSON Schema cannot carry; a pattern says the same to an editor.
    const models = schema.properties?.['models']?.properties ?? {};
    for (const property of Object.values(models)) {
        if (property.type === 'string')
            property['pattern'] = MODEL_SPEC_PATTERN;
    }
    const prices = schema.properties?.['prices'];
    if (prices)
        prices.propertyNames = { type: 'string', pattern: MODEL_SPEC_PATTERN };
    return schema;
}
const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;
function describeType(schema) {
    if (schema.anyOf) {
        const parts = schema.anyOf.map(describeType);
        return parts.join(' or ');
    }
    if (Array.isArray(schema.type))
        return schema.type.map((type) => describeType({ ...schema, type })).join(' or ');
    if ('const' in schema)
        return `\`${JSON.stringify(schema['const'])}\``;
    if (schema.enum)
        return `one of ${schema.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
    switch (schema.type) {
        case 'null':
            return '`null`';
        case 'boolean':
            return 'boolean';
        case 'string':
            return 'string';
        case 'integer':
        case 'number': {
            const bounds = [];
            if (typeof schema['exclusiveMinimum'] === 'number')
                bounds.push(`> ${schema['exclusiveMinimum']}`);
            if (typeof schema['minimum'] === 'number')
                bounds.push(`≥ ${schema['minimum']}`);
            if (typeof schema['maximum'] === 'number' && schema['maximum'] < SAFE_INTEGER)
                bounds.push(`≤ ${schema['maximum']}`);
            return bounds.length ? `${schema.type} ${bounds.join(', ')}` : schema.type;
        }
        case 'array':
            if (!schema.items)
                return 'list';
            return schema.items.type === 'string' && !schema.items.enum
                ? 'list of strings'
                : `list of ${describeType(schema.items)}`;
        case 'object':
            return 'mapping';
        default:
            return 'any';
    }
}
function describeDefault(schema, required) {
    if (required)
        return 'required';
    if (!('default' in schema))
        return '—';
    const value = schema['default'];
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
        return '—';
    return `\`${JSON.stringify(value)}\``;
}
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
function collect(schema, prefix, required, rows) {
    if (prefix) {
        rows.push({
            key: prefix,
            type: describeType(schema),
            default: describeDefault(schema, required),
            description: schema.description ?? '',
        });
    }
    if (schema.properties) {
        for (const [name, child] of Object.entries(schema.properties)) {
            collect(child, prefix ? `${prefix}.${name}` : name, schema.required?.includes(name) ?? false, rows);
        }
    }
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        collect(schema.additionalProperties, `${prefix}.<provider:model>`, false, rows);
    }
}
/**
 * The configuration reference for the README: one row per key (sections included), with its
 * type, default and description, generated from the schema so it cannot drift from the code.
 */
function renderConfigReference() {
    const rows = [];
    collect(configJsonSchema(), '', false, rows);
    const lines = ['| key | type | default | description |', '| --- | --- | --- | --- |'];
    for (const row of rows) {
        lines.push(`| \`${row.key}\` | ${cell(row.type)} | ${cell(row.default)} | ${cell(row.description)} |`);
    }
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./lib/config/summary.js

function budgetText(budget) {
    const parts = [];
    if (budget.tokens !== null)
        parts.push(`${budget.tokens} tokens`);
    if (budget.usd !== null)
        parts.push(`$${Number.isInteger(budget.usd * 100) ? budget.usd.toFixed(2) : budget.usd}`);
    return parts.length ? parts.join(', ') : null;
}
/** The sandbox line, when the configuration changes what commands see (the default says nothing). */
function sandboxText(config) {
    const parts = [];
    if (config.sandbox === 'none')
        parts.push('none: commands run WITHOUT isolation');
    const lists = [
        ['variables to every command', config['sandbox-env'].all],
        ['variables to setup', config['sandbox-env'].setup],
        ['read-only paths to every command', config['sandbox-paths'].all],
        ['read-only paths to setup', config['sandbox-paths'].setup],
    ];
    for (const [what, names] of lists)
        if (names.length > 0)
            parts.push(`${what}: ${names.join(', ')}`);
    return parts.length > 0 ? `sandbox: ${parts.join('; ')}` : null;
}
/** What `ensemble validate` prints for a valid configuration: the resolved values a user would check. */
function summarizeConfig(loaded) {
    const { config } = loaded;
    const lines = [];
    lines.push(loaded.exists ? `config: ${loaded.file}` : `config: defaults (${loaded.file} not found)`);
    const bots = config.trigger['allowed-bots'];
    lines.push(`trigger: label "${config.trigger.label}"; bots allowed: ${bots.length ? bots.join(', ') : 'none'}`);
    lines.push('models:');
    const width = Math.max(...contracts_config/* CONFIG_STAGES */.TO.map((s) => s.length));
    for (const stage of contracts_config/* CONFIG_STAGES */.TO)
        lines.push(`  ${stage.padEnd(width)}  ${config.models[stage]}`);
    if (config.models['base-url'] !== null)
        lines.push(`  base URL: ${config.models['base-url']}`);
    const enabled = contracts_config/* CONFIG_STAGES */.TO.filter((s) => config.stages[s].enabled);
    const disabled = contracts_config/* CONFIG_STAGES */.TO.filter((s) => !config.stages[s].enabled);
    lines.push(`stages: ${enabled.join(', ')}${disabled.length ? ` (disabled: ${disabled.join(', ')})` : ''}`);
    lines.push(`max tasks: ${config.stages.plan['max-tasks']}`);
    lines.push(`setup: ${config.setup.length ? config.setup.join(' && ') : 'none'}`);
    lines.push(`test command: ${config['test-command'] ?? 'detected'}`);
    lines.push(`review: lenses ${config.review.lenses.join(', ')}; blocks on ${config.review['block-on']} or more severe`);
    const rounds = config.stages.fix['max-rounds'];
    lines.push(config.stages.fix.enabled && rounds > 0
        ? `fix: up to ${rounds} round${rounds === 1 ? '' : 's'} while the review blocks`
        : 'fix: no fix rounds');
    lines.push(`protected paths: ${config['protected-paths'].length ? config['protected-paths'].join(', ') : 'none'}`);
    // A list of one's own replaces the default one: say what that leaves unprotected.
    const dropped = contracts_config/* DEFAULT_PROTECTED_PATHS */.YX.filter((p) => !config['protected-paths'].includes(p));
    if (dropped.length > 0) {
        lines.push(`  not protected, although protected by default (add them back unless you mean it): ${dropped.join(', ')}`);
    }
    const sandbox = sandboxText(config);
    if (sandbox)
        lines.push(sandbox);
    const budgets = ['run', ...contracts_config/* CONFIG_STAGES */.TO]
        .map((scope) => {
        const text = budgetText(config.budgets[scope]);
        return text ? `${scope} ${text}` : null;
    })
        .filter((text) => text !== null);
    lines.push(`budgets: ${budgets.length ? budgets.join('; ') : 'unlimited'}`);
    lines.push(`hash: ${loaded.hash}`);
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./lib/config/index.js








/***/ }),

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

/***/ 33141:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   documentJsonSchemas: () => (/* binding */ documentJsonSchemas),
/* harmony export */   toJsonSchema: () => (/* binding */ toJsonSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98439);
/* harmony import */ var _documents_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66811);


const SCHEMA_BASE = 'https://ensemble.dev/schemas';
/**
 * JSON Schema (draft 2020-12) of a zod schema, for editors and other tools; refinements are not
 * expressible and are left out.
 */
function toJsonSchema(schema, id, title) {
    const json = zod__WEBPACK_IMPORTED_MODULE_1__/* .toJSONSchema */ .bl(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
    const { $schema, ...rest } = json;
    return { $schema, $id: `${SCHEMA_BASE}/${id}.schema.json`, title, ...rest };
}
function documentJsonSchemas() {
    const out = {};
    for (const name of Object.keys(_documents_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCUMENTS */ .f)) {
        const kind = _documents_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCUMENTS */ .f[name];
        out[name] = toJsonSchema(kind.schema, name, `ensemble.${kind.kind}/v${kind.version} (${kind.file} in ${kind.artifact})`);
    }
    return out;
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


/***/ })

};
