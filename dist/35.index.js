export const id = 35;
export const ids = [35,4646];
export const modules = {

/***/ 28159:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K7: () => (/* binding */ formatKeyPath),
/* harmony export */   bi: () => (/* binding */ closestKey),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* unused harmony export formatProblem */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);
/* harmony import */ var _util_suggest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65666);


/** `file:line:column: key: message`, the form editors and terminals make clickable. */
function formatProblem(problem) {
    if (problem.line <= 0)
        return `${problem.file}: ${problem.key ? `${problem.key}: ` : ''}${problem.message}`;
    return `${problem.file}:${problem.line}:${problem.column}: ${problem.key}: ${problem.message}`;
}
/** A configuration that cannot be used; `message` lists every problem, one per line. */
class ConfigError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'ConfigError';
    problems;
    constructor(problems) {
        super(problems.map(formatProblem).join('\n'));
        this.problems = problems;
    }
}
/** `stages.plan.max-turns`, `review.lenses[1]`, `prices["openai:gpt-4.1"].input`; `(root)` for the empty path. */
function formatKeyPath(path) {
    let out = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            out += `[${segment}]`;
        else if (typeof segment === 'string' && /^[A-Za-z0-9_-]+$/.test(segment))
            out += out ? `.${segment}` : segment;
        else
            out += `[${JSON.stringify(String(segment))}]`;
    }
    return out || '(root)';
}
const normalize = (key) => key.toLowerCase().replace(/[-_\s]/g, '');
/** The allowed key a misspelt one most likely meant, also across case styles (`protectedPaths`, `protected_paths`). */
function closestKey(key, allowed) {
    return (0,_util_suggest_js__WEBPACK_IMPORTED_MODULE_1__/* .closestMatch */ .h)(key, allowed, normalize);
}


/***/ }),

/***/ 68992:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ canonicalJson),
/* harmony export */   r: () => (/* binding */ configHash)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);

/** JSON with object keys sorted at every depth (arrays keep their order), so equal values give equal text. */
function canonicalJson(value) {
    return JSON.stringify(sortKeys(value));
}
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (value !== null && typeof value === 'object') {
        const out = {};
        for (const key of Object.keys(value).sort()) {
            const item = value[key];
            if (item !== undefined)
                out[key] = sortKeys(item);
        }
        return out;
    }
    return value;
}
/**
 * SHA-256 (hex) of the resolved configuration's canonical JSON. Key order, comments, quoting and
 * spelled-out defaults in the YAML do not change it; any effective value does.
 */
function configHash(config) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(canonicalJson(config)).digest('hex');
}


/***/ }),

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

/***/ 70417:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fq: () => (/* binding */ discoverInstructionFiles),
/* harmony export */   XI: () => (/* binding */ INSTRUCTION_FILES)
/* harmony export */ });
/* unused harmony export MAX_INSTRUCTION_BYTES */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);


/** Instruction files repositories already keep for coding agents, in the order they reach the prompt. */
const INSTRUCTION_FILES = ['AGENTS.md', 'CLAUDE.md', '.github/copilot-instructions.md'];
/** Each file is capped so that one enormous file cannot crowd the rest of the context out. */
const MAX_INSTRUCTION_BYTES = 65_536;
function inside(root, target) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, target);
    return rel !== '' && !rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && rel !== '..' && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel);
}
/** Cuts a buffer at `limit` bytes without splitting a UTF-8 character. */
function utf8Prefix(buffer, limit) {
    let end = Math.min(limit, buffer.length);
    if (end < buffer.length) {
        // Step back over continuation bytes (10xxxxxx) to the start of the character that straddles the limit.
        while (end > 0 && ((buffer[end] ?? 0) & 0xc0) === 0x80)
            end--;
    }
    return buffer.subarray(0, end).toString('utf8');
}
async function readCapped(path, limit) {
    // Checked before opening: opening a FIFO would wait for a writer forever.
    if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path)).isFile())
        return null;
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(path, 'r');
    try {
        const stat = await handle.stat();
        if (!stat.isFile())
            return null;
        const buffer = Buffer.alloc(Math.min(stat.size, limit) + 4);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return { text: utf8Prefix(buffer.subarray(0, bytesRead), limit), size: Math.max(stat.size, bytesRead) };
    }
    finally {
        await handle.close();
    }
}
/**
 * Reads the instruction files present in a checkout, in the fixed order of
 * {@link INSTRUCTION_FILES}. Only regular files count; a symbolic link is followed only when it
 * stays inside the repository, so a checkout cannot pull in a file from elsewhere on the runner.
 */
async function discoverInstructionFiles(repoDir) {
    const root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(repoDir);
    const found = [];
    for (const path of INSTRUCTION_FILES) {
        let target;
        try {
            target = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, path));
        }
        catch {
            continue; // absent, or a dangling link
        }
        if (!inside(root, target))
            continue;
        let read;
        try {
            read = await readCapped(target, MAX_INSTRUCTION_BYTES);
        }
        catch {
            continue; // unreadable: a directory that cannot be opened, a permission error
        }
        if (!read)
            continue;
        const truncated = read.size > MAX_INSTRUCTION_BYTES;
        const content = truncated
            ? `${read.text}\n\n[ensemble: ${path} is ${read.size} bytes; ` +
                `only the first ${MAX_INSTRUCTION_BYTES} bytes are included]\n`
            : read.text;
        found.push({ path, content, truncated });
    }
    return found;
}


/***/ }),

/***/ 76264:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bi: () => (/* binding */ DEFAULT_CONFIG_PATH),
/* harmony export */   Z9: () => (/* binding */ loadConfig)
/* harmony export */ });
/* unused harmony exports MAX_CONFIG_BYTES, unwrapSchema, parseConfigText, defaultLoadedConfig */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);
/* harmony import */ var _contracts_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41317);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99661);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(28159);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(68992);






const DEFAULT_CONFIG_PATH = '.github/ensemble.yml';
/** A configuration file far larger than any real one is refused before it is parsed. */
const MAX_CONFIG_BYTES = 1_048_576;
function keyText(key) {
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(key))
        return String(key.value);
    return String(key);
}
function resolve(doc, node) {
    return (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isAlias */ .Vj)(node) ? node.resolve(doc) : node;
}
/** Finds the YAML nodes a zod issue path names. */
function locate(doc, path) {
    let value = doc.contents;
    let key = null;
    for (const segment of path) {
        const node = resolve(doc, value);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(node)) {
            const pair = node.items.find((p) => keyText(p.key) === String(segment));
            if (!pair)
                return { found: false, key, value: value };
            key = pair.key ?? key;
            value = pair.value;
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(node) && typeof segment === 'number' && segment < node.items.length) {
            key = null;
            value = node.items[segment];
        }
        else {
            return { found: false, key, value: value };
        }
    }
    return { found: true, key, value: value };
}
function startOf(node) {
    const range = node?.range;
    // An empty value (`key:` with nothing after it) has a zero-length range at the colon's end.
    if (!range || range[1] <= range[0])
        return null;
    return range[0];
}
function isEmptyValue(node) {
    return node === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(node) && node.value === null && startOf(node) === null);
}
/** Offset of what a problem is about: the key for unknown keys, the value for wrong values, the parent when missing. */
function offsetFor(doc, path, place) {
    const at = locate(doc, path);
    // The value comes first only for a wrong value at a path that exists; otherwise the key (or the parent).
    const valueFirst = at.found && place === 'value';
    const candidates = valueFirst ? [at.value, at.key] : [at.key, at.value];
    for (const node of candidates) {
        const start = startOf(node);
        if (start !== null)
            return start;
    }
    return startOf(doc.contents) ?? 0;
}
function defOf(schema) {
    return schema._zod.def;
}
const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch', 'nonoptional']);
/** Strips defaults, optionality and transforms down to the schema that checks the value. */
function unwrapSchema(schema) {
    let current = schema;
    for (;;) {
        const def = defOf(current);
        if (WRAPPERS.has(def.type) && def.innerType)
            current = def.innerType;
        else if (def.type === 'pipe' && def.in)
            current = def.in;
        else
            return current;
    }
}
/** The keys an object schema at `path` allows, for "unknown key" messages. */
function allowedKeysAt(schema, path) {
    let current = schema;
    for (const segment of path) {
        if (!current)
            return [];
        const def = defOf(unwrapSchema(current));
        if (def.type === 'object')
            current = def.shape?.[String(segment)];
        else if (def.type === 'array')
            current = def.element;
        else if (def.type === 'record')
            current = def.valueType;
        else
            return [];
    }
    if (!current)
        return [];
    const def = defOf(unwrapSchema(current));
    return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}
function problemsFromZod(doc, lines, file, error) {
    const problems = [];
    const at = (path, place, message) => {
        const { line, col } = lines.linePos(offsetFor(doc, path, place));
        problems.push({ file, line, column: col, key: (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .formatKeyPath */ .K7)(path), message });
    };
    for (const issue of error.issues) {
        if (issue.code === 'unrecognized_keys') {
            const allowed = allowedKeysAt(_contracts_config_js__WEBPACK_IMPORTED_MODULE_2__/* .EnsembleConfig */ .gj, issue.path);
            for (const key of issue.keys) {
                const suggestion = (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .closestKey */ .bi)(key, allowed);
                const list = allowed.join(', ');
                at([...issue.path, key], 'key', suggestion
                    ? `unknown key; did you mean \`${suggestion}\`? Allowed keys: ${list}`
                    : `unknown key; allowed keys: ${list}`);
            }
        }
        else {
            const place = issue.code === 'custom' && issue.params?.['at'] === 'key' ? 'key' : 'value';
            // `key:` with nothing after it is null to YAML, but not what the user thinks they wrote.
            const located = locate(doc, issue.path);
            const empty = located.found && isEmptyValue(located.value);
            at(issue.path, place, empty ? issue.message.replace(/found null$/, 'found an empty value') : issue.message);
        }
    }
    return problems;
}
function byPosition(a, b) {
    return a.line - b.line || a.column - b.column;
}
function unique(problems) {
    const seen = new Set();
    return problems.filter((p) => {
        const id = `${p.line}:${p.column}:${p.key}:${p.message}`;
        if (seen.has(id))
            return false;
        seen.add(id);
        return true;
    });
}
const YAML_MESSAGES = {
    MULTIPLE_DOCS: 'the file holds more than one YAML document (a second `---`); ensemble reads only one',
    DUPLICATE_KEY: 'this key appears twice in the same mapping; keep one',
    TAB_AS_INDENT: 'tabs are not allowed as indentation in YAML; indent with spaces',
};
function syntaxProblems(doc, lines, file) {
    return doc.errors.map((error) => {
        const { line, col } = lines.linePos(error.pos[0]);
        const message = YAML_MESSAGES[error.code] ?? `invalid YAML: ${error.message.split('\n')[0]}`;
        return { file, line, column: col, key: '(yaml)', message };
    });
}
/**
 * Parses and validates the text of a configuration file. `file` is the name the messages use.
 * Throws {@link ConfigError} listing every problem with its line and column.
 */
function parseConfigText(text, file = DEFAULT_CONFIG_PATH) {
    if (Buffer.byteLength(text, 'utf8') > MAX_CONFIG_BYTES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL([
            {
                file,
                line: 0,
                column: 0,
                key: '',
                message: `the file is larger than ${MAX_CONFIG_BYTES} bytes; this is not a configuration`,
            },
        ]);
    }
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL(syntaxProblems(doc, lines, file));
    let value;
    try {
        value = doc.toJS({ maxAliasCount: 100 });
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL([
            { file, line: 1, column: 1, key: '(yaml)', message: `invalid YAML: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}` },
        ]);
    }
    // An empty file, or one holding only comments or `null`, means "all defaults".
    if (value === null || value === undefined)
        value = {};
    if (typeof value !== 'object' || Array.isArray(value)) {
        const { line, col } = lines.linePos(startOf(doc.contents) ?? 0);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL([
            {
                file,
                line,
                column: col,
                key: '(root)',
                message: `expected a mapping of settings (key: value lines), found ${(0,_contracts_config_js__WEBPACK_IMPORTED_MODULE_2__/* .describeFound */ .Kq)(value)}`,
            },
        ]);
    }
    const result = _contracts_config_js__WEBPACK_IMPORTED_MODULE_2__/* .EnsembleConfig */ .gj.safeParse(value);
    if (!result.success) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL(unique(problemsFromZod(doc, lines, file, result.error)).sort(byPosition));
    }
    return { config: result.data, file, exists: true, hash: (0,_hash_js__WEBPACK_IMPORTED_MODULE_5__/* .configHash */ .r)(result.data) };
}
/** The configuration of a repository without a file. */
function defaultLoadedConfig(file = DEFAULT_CONFIG_PATH) {
    const config = _contracts_config_js__WEBPACK_IMPORTED_MODULE_2__/* .EnsembleConfig */ .gj.parse({});
    return { config, file, exists: false, hash: (0,_hash_js__WEBPACK_IMPORTED_MODULE_5__/* .configHash */ .r)(config) };
}
/**
 * Reads and validates a configuration file; a missing file gives the defaults with `exists: false`.
 * The caller decides which checkout it reads from (the default branch, never the change being made).
 * `shownAs` is the name messages use (a path relative to where the user stands).
 */
async function loadConfig(path = DEFAULT_CONFIG_PATH, shownAs = path) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return defaultLoadedConfig(shownAs);
        const reason = code === 'EISDIR' ? 'it is a directory, not a file' : (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL([
            { file: shownAs, line: 0, column: 0, key: '', message: `cannot read the configuration: ${reason}` },
        ]);
    }
    return parseConfigText(text, shownAs);
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
    for (const name of Object.keys(_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS)) {
        const kind = _documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS[name];
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


/***/ })

};
