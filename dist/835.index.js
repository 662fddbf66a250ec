export const id = 835;
export const ids = [835,37];
export const modules = {

/***/ 4835:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ConfigError: () => (/* reexport */ ConfigError),
  configJsonSchema: () => (/* reexport */ configJsonSchema),
  loadConfig: () => (/* reexport */ loadConfig),
  summarizeConfig: () => (/* reexport */ summarizeConfig)
});

// UNUSED EXPORTS: DEFAULT_CONFIG_PATH, INSTRUCTION_FILES, MAX_CONFIG_BYTES, MAX_INSTRUCTION_BYTES, canonicalJson, closestKey, configHash, defaultLoadedConfig, discoverInstructionFiles, formatKeyPath, formatProblem, parseConfigText, renderConfigReference, unwrapSchema

// EXTERNAL MODULE: ./lib/util/suggest.js
var suggest = __webpack_require__(5666);
;// CONCATENATED MODULE: ./lib/config/errors.js

/** `file:line:column: key: message`, the form editors and terminals make clickable. */
function formatProblem(problem) {
    if (problem.line <= 0)
        return `${problem.file}: ${problem.key ? `${problem.key}: ` : ''}${problem.message}`;
    return `${problem.file}:${problem.line}:${problem.column}: ${problem.key}: ${problem.message}`;
}
/** A configuration that cannot be used; `message` lists every problem, one per line. */
class ConfigError extends Error {
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
    return (0,suggest/* closestMatch */.h)(key, allowed, normalize);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./lib/config/hash.js

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
    return (0,external_node_crypto_.createHash)('sha256').update(canonicalJson(config)).digest('hex');
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./lib/config/instructions.js


/** Instruction files repositories already keep for coding agents, in the order they reach the prompt. */
const INSTRUCTION_FILES = (/* unused pure expression or super */ null && (['AGENTS.md', 'CLAUDE.md', '.github/copilot-instructions.md']));
/** Each file is capped so that one enormous file cannot crowd the rest of the context out. */
const MAX_INSTRUCTION_BYTES = 65_536;
function inside(root, target) {
    const rel = relative(root, target);
    return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
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
    if (!(await stat(path)).isFile())
        return null;
    const handle = await open(path, 'r');
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
    const root = await realpath(repoDir);
    const found = [];
    for (const path of INSTRUCTION_FILES) {
        let target;
        try {
            target = await realpath(join(root, path));
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
            ? `${read.text}\n\n[ensemble: ${path} is ${read.size} bytes; only the first ${MAX_INSTRUCTION_BYTES} bytes are included]\n`
            : read.text;
        found.push({ path, content, truncated });
    }
    return found;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 7 modules
var schemas = __webpack_require__(2311);
// EXTERNAL MODULE: ./lib/model/spec.js
var spec = __webpack_require__(3562);
// EXTERNAL MODULE: ./lib/contracts/review.js
var review = __webpack_require__(8935);
;// CONCATENATED MODULE: ./lib/contracts/config.js



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
    return (issue) => issue.input === undefined ? `required key is missing (expected ${what})` : `expected ${what}, found ${describeFound(issue.input)}`;
}
function config_text(what = 'a string') {
    return schemas/* string */.YjP({ error: expecting(what) });
}
function nonEmptyText(what, max) {
    const error = expecting(what);
    return schemas/* string */.YjP({ error }).trim().min(1, { error }).max(max, { error });
}
function positiveInt(what = 'a positive integer') {
    const error = expecting(what);
    return schemas/* number */.aig({ error }).int({ error }).positive({ error });
}
function intRange(min, max) {
    const error = expecting(`an integer from ${min} to ${max}`);
    return schemas/* number */.aig({ error }).int({ error }).min(min, { error }).max(max, { error });
}
function positiveNumber(what = 'a positive number', max) {
    const error = expecting(what);
    const base = schemas/* number */.aig({ error }).positive({ error });
    return max === undefined ? base : base.max(max, { error });
}
function nonNegativeNumber(what) {
    const error = expecting(what);
    return schemas/* number */.aig({ error }).nonnegative({ error });
}
function bool() {
    return schemas/* boolean */.zMY({ error: expecting('true or false') });
}
function list(item, what, max) {
    const error = expecting(what);
    return schemas/* array */.YOg(item, { error }).max(max, { error: `expected at most ${max} entries` });
}
function section(shape) {
    return schemas/* strictObject */.rej(shape, { error: expecting('a mapping') });
}
/** `provider:model`, checked by the same parser the model registry uses so the message is the same. */
const ModelSpecText = config_text('a model spec such as "anthropic:claude-sonnet-4-5"').superRefine((value, ctx) => {
    try {
        (0,spec/* parseModelSpec */.EG)(value);
    }
    catch (error) {
        ctx.addIssue({ code: 'custom', message: error.message, input: value });
    }
});
const LENS_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;
const LensName = config_text('a lens name').regex(LENS_NAME, {
    error: (issue) => `expected a lens name of 1-40 characters a-z, 0-9 and "-" starting with a letter or digit, found ${describeFound(issue.input)}`,
});
const BaseUrl = config_text('an http(s) URL').refine((value) => {
    try {
        const url = new URL(value);
        return url.protocol === 'http:' || url.protocol === 'https:';
    }
    catch {
        return false;
    }
}, { error: (issue) => `expected an http(s) URL such as "http://localhost:11434/v1", found ${describeFound(issue.input)}` });
/** GitHub's login rule, with the `[bot]` suffix an app's actor carries. */
const BotLogin = config_text('a bot login').regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/, {
    error: (issue) => `expected a GitHub bot login such as "dependabot[bot]", found ${describeFound(issue.input)}`,
});
/** GitHub caps label names at 50 characters. */
const LabelName = nonEmptyText('a label name of 1-50 characters', 50);
const PathPattern = nonEmptyText('a path or glob pattern relative to the repository root', 1_000);
const CONFIG_STAGES = ['plan', 'code', 'test', 'review', 'docs'];
const DEFAULT_MODEL = 'anthropic:claude-sonnet-4-5';
/** GitHub ends a job after 6 hours; a stage cannot usefully be given more. */
const MAX_TIMEOUT_MINUTES = 360;
const STAGE_DEFAULTS = {
    plan: { turns: 40, minutes: 15, what: 'the planning agent' },
    code: { turns: 80, minutes: 30, what: 'each coding agent (one per task)' },
    test: { turns: 60, minutes: 30, what: 'the testing agent' },
    review: { turns: 30, minutes: 15, what: 'each review agent (one per lens)' },
    docs: { turns: 30, minutes: 15, what: 'the documentation agent' },
};
function stageShape(stage) {
    const d = STAGE_DEFAULTS[stage];
    const required = stage === 'plan' || stage === 'code';
    const enabled = required
        ? bool().refine((v) => v, {
            error: `the ${stage} stage cannot be disabled: every run ${stage === 'plan' ? 'starts from a plan' : 'makes its change in the code stage'}`,
        })
        : bool();
    return {
        enabled: enabled
            .default(true)
            .describe(required ? `Must stay \`true\`: the pipeline cannot run without the ${stage} stage.` : `Run the ${stage} stage.`),
        instructions: config_text()
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
    'max-fix-attempts': intRange(0, 10).default(2).describe('Times the testing agent may fix failing tests and re-run them.'),
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
    'base-url': m['base-url'],
}));
const EnsembleConfig = section({
    version: schemas/* literal */.euz(1, {
        error: (issue) => `expected 1 (the only configuration version this ensemble reads), found ${describeFound(issue.input)}`,
    })
        .default(1)
        .describe('Version of this file format.'),
    trigger: section({
        label: LabelName.default('ensemble').describe('Label that starts a run when a maintainer adds it to an issue.'),
        'allowed-bots': list(BotLogin, 'a list of bot logins', 100)
            .default([])
            .describe('Bots that may trigger a run; people need write, maintain or admin permission, bots must be listed here.'),
    })
        .prefault({})
        .describe('Who may start a run, and how.'),
    models: Models.describe('Model of each stage, as `provider:model` (providers: anthropic, openai, openai-compatible).'),
    prices: schemas/* record */.g1P(schemas/* string */.YjP(), ModelPrice, { error: expecting('a mapping of model spec to prices') })
        .superRefine((prices, ctx) => {
        for (const key of Object.keys(prices)) {
            try {
                (0,spec/* parseModelSpec */.EG)(key);
            }
            catch (error) {
                ctx.addIssue({ code: 'custom', path: [key], message: error.message, input: key, params: { at: 'key' } });
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
    })
        .prefault({})
        .describe('Per-stage enablement, instructions and limits.'),
    setup: list(nonEmptyText('a shell command', 10_000), 'a list of shell commands', 50)
        .default([])
        .describe('Shell commands run in the checkout before the agents start, e.g. `npm ci`.'),
    'test-command': nonEmptyText('a shell command, or null to detect it', 10_000)
        .nullable()
        .default(null)
        .describe("Command that runs the repository's tests; null to detect it (package.json, Makefile, pytest, go, cargo)."),
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
        'block-on': schemas/* enum */.k5n(review/* Severity */.AI.options, { error: expecting(`one of ${review/* Severity */.AI.options.join(', ')}`) })
            .default('high')
            .describe('Least severe finding that makes the review request changes.'),
    })
        .prefault({})
        .describe('The review agents.'),
    'protected-paths': list(PathPattern, 'a list of path patterns', 200)
        .default(['.github/workflows/**'])
        .describe('Glob patterns of files the pipeline may never change; a change touching one is refused before publishing.'),
    budgets: section({
        run: Budget.describe('Limits for the whole run.'),
        plan: Budget.describe('Limits for the plan stage.'),
        code: Budget.describe('Limits for each coding task.'),
        test: Budget.describe('Limits for the test stage.'),
        review: Budget.describe('Limits for each review lens.'),
        docs: Budget.describe('Limits for the docs stage.'),
    })
        .prefault({})
        .describe('Token and money budgets; a stage that runs out ends cleanly with what it has.'),
    publish: section({
        draft: bool().default(true).describe('Open the pull request as a draft.'),
        labels: list(LabelName, 'a list of label names', 20).default([]).describe('Labels added to the pull request.'),
    })
        .prefault({})
        .describe('The pull request.'),
    limits: section({
        'max-patch-bytes': positiveInt().default(1_000_000).describe('Largest change, in bytes of patch, that publish accepts.'),
        'max-files': positiveInt().default(300).describe('Most files a change may touch.'),
    })
        .prefault({})
        .describe('Hard limits publish enforces on the change.'),
});
/** The configuration of a repository without `.github/ensemble.yml`. */
function defaultConfig() {
    return EnsembleConfig.parse({});
}

;// CONCATENATED MODULE: ./lib/config/load.js





const DEFAULT_CONFIG_PATH = '.github/ensemble.yml';
/** A configuration file far larger than any real one is refused before it is parsed. */
const MAX_CONFIG_BYTES = 1_048_576;
function keyText(key) {
    if ((0,dist/* isScalar */.jn)(key))
        return String(key.value);
    return String(key);
}
function resolve(doc, node) {
    return (0,dist/* isAlias */.Vj)(node) ? node.resolve(doc) : node;
}
/** Finds the YAML nodes a zod issue path names. */
function locate(doc, path) {
    let value = doc.contents;
    let key = null;
    for (const segment of path) {
        const node = resolve(doc, value);
        if ((0,dist/* isMap */.jh)(node)) {
            const pair = node.items.find((p) => keyText(p.key) === String(segment));
            if (!pair)
                return { found: false, key, value: value };
            key = pair.key ?? key;
            value = pair.value;
        }
        else if ((0,dist/* isSeq */.oP)(node) && typeof segment === 'number' && segment < node.items.length) {
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
    return node === null || ((0,dist/* isScalar */.jn)(node) && node.value === null && startOf(node) === null);
}
/** Offset of what a problem is about: the key for unknown keys, the value for wrong values, the parent when missing. */
function offsetFor(doc, path, place) {
    const at = locate(doc, path);
    const candidates = !at.found ? [at.key, at.value] : place === 'key' ? [at.key, at.value] : [at.value, at.key];
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
        problems.push({ file, line, column: col, key: formatKeyPath(path), message });
    };
    for (const issue of error.issues) {
        if (issue.code === 'unrecognized_keys') {
            const allowed = allowedKeysAt(EnsembleConfig, issue.path);
            for (const key of issue.keys) {
                const suggestion = closestKey(key, allowed);
                const list = allowed.join(', ');
                at([...issue.path, key], 'key', suggestion ? `unknown key; did you mean \`${suggestion}\`? Allowed keys: ${list}` : `unknown key; allowed keys: ${list}`);
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
        throw new ConfigError([
            { file, line: 0, column: 0, key: '', message: `the file is larger than ${MAX_CONFIG_BYTES} bytes; this is not a configuration` },
        ]);
    }
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0)
        throw new ConfigError(syntaxProblems(doc, lines, file));
    let value;
    try {
        value = doc.toJS({ maxAliasCount: 100 });
    }
    catch (error) {
        throw new ConfigError([{ file, line: 1, column: 1, key: '(yaml)', message: `invalid YAML: ${error.message}` }]);
    }
    // An empty file, or one holding only comments or `null`, means "all defaults".
    if (value === null || value === undefined)
        value = {};
    if (typeof value !== 'object' || Array.isArray(value)) {
        const { line, col } = lines.linePos(startOf(doc.contents) ?? 0);
        throw new ConfigError([
            {
                file,
                line,
                column: col,
                key: '(root)',
                message: `expected a mapping of settings (key: value lines), found ${describeFound(value)}`,
            },
        ]);
    }
    const result = EnsembleConfig.safeParse(value);
    if (!result.success) {
        throw new ConfigError(unique(problemsFromZod(doc, lines, file, result.error)).sort(byPosition));
    }
    return { config: result.data, file, exists: true, hash: configHash(result.data) };
}
/** The configuration of a repository without a file. */
function defaultLoadedConfig(file = DEFAULT_CONFIG_PATH) {
    const config = EnsembleConfig.parse({});
    return { config, file, exists: false, hash: configHash(config) };
}
/**
 * Reads and validates a configuration file; a missing file gives the defaults with `exists: false`.
 * The caller decides which checkout it reads from (the default branch, never the change being made).
 * `shownAs` is the name messages use (a path relative to where the user stands).
 */
async function loadConfig(path = DEFAULT_CONFIG_PATH, shownAs = path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return defaultLoadedConfig(shownAs);
        const reason = code === 'EISDIR' ? 'it is a directory, not a file' : error.message;
        throw new ConfigError([{ file: shownAs, line: 0, column: 0, key: '', message: `cannot read the configuration: ${reason}` }]);
    }
    return parseConfigText(text, shownAs);
}

// EXTERNAL MODULE: ./lib/contracts/json-schema.js + 6 modules
var json_schema = __webpack_require__(1037);
;// CONCATENATED MODULE: ./lib/config/reference.js



/** What `parseModelSpec` accepts, as a pattern editors can check while the user types. */
const MODEL_SPEC_PATTERN = `^(?:${spec/* PROVIDERS */.xq.join('|')}):\\S+$`;
/**
 * JSON Schema (draft 2020-12) of `.github/ensemble.yml`, for editors (`# yaml-language-server:
 * $schema=...`). It describes what a user may write: every key is optional.
 */
function configJsonSchema() {
    const schema = (0,json_schema/* toJsonSchema */.P)(EnsembleConfig, 'config', 'ensemble configuration (.github/ensemble.yml)');
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
            return schema.items.type === 'string' && !schema.items.enum ? 'list of strings' : `list of ${describeType(schema.items)}`;
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
/** What `ensemble validate` prints for a valid configuration: the resolved values a user would check. */
function summarizeConfig(loaded) {
    const { config } = loaded;
    const lines = [];
    lines.push(loaded.exists ? `config: ${loaded.file}` : `config: defaults (${loaded.file} not found)`);
    const bots = config.trigger['allowed-bots'];
    lines.push(`trigger: label "${config.trigger.label}"; bots allowed: ${bots.length ? bots.join(', ') : 'none'}`);
    lines.push('models:');
    const width = Math.max(...CONFIG_STAGES.map((s) => s.length));
    for (const stage of CONFIG_STAGES)
        lines.push(`  ${stage.padEnd(width)}  ${config.models[stage]}`);
    if (config.models['base-url'] !== null)
        lines.push(`  base URL: ${config.models['base-url']}`);
    const enabled = CONFIG_STAGES.filter((s) => config.stages[s].enabled);
    const disabled = CONFIG_STAGES.filter((s) => !config.stages[s].enabled);
    lines.push(`stages: ${enabled.join(', ')}${disabled.length ? ` (disabled: ${disabled.join(', ')})` : ''}`);
    lines.push(`max tasks: ${config.stages.plan['max-tasks']}`);
    lines.push(`setup: ${config.setup.length ? config.setup.join(' && ') : 'none'}`);
    lines.push(`test command: ${config['test-command'] ?? 'detected'}`);
    lines.push(`review: lenses ${config.review.lenses.join(', ')}; blocks on ${config.review['block-on']} or more severe`);
    lines.push(`protected paths: ${config['protected-paths'].length ? config['protected-paths'].join(', ') : 'none'}`);
    const budgets = ['run', ...CONFIG_STAGES]
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

/***/ 574:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LD: () => (/* binding */ TaskId),
/* harmony export */   P: () => (/* binding */ Sha256Hex),
/* harmony export */   RE: () => (/* binding */ envelope),
/* harmony export */   UA: () => (/* binding */ RepoPath),
/* harmony export */   Ug: () => (/* binding */ NonEmptyText),
/* harmony export */   p$: () => (/* binding */ GitSha)
/* harmony export */ });
/* unused harmony exports repoPathProblem, RunIdentity, Usage, emptyUsage, schemaId */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2311);

/** Lowercase hex SHA-1 (40) or SHA-256 (64) object name, as git prints it. */
const GitSha = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/, 'must be a full lowercase git commit SHA (40 or 64 hex characters)');
const Sha256Hex = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest (64 lowercase hex characters)');
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

/***/ 1037:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  documentJsonSchemas: () => (/* binding */ documentJsonSchemas),
  P: () => (/* binding */ toJsonSchema)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/core/json-schema-processors.js
var json_schema_processors = __webpack_require__(8439);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 7 modules
var schemas = __webpack_require__(2311);
// EXTERNAL MODULE: ./lib/contracts/common.js
var common = __webpack_require__(574);
;// CONCATENATED MODULE: ./lib/contracts/docs.js


/** What the documentation agent submits; "no-change" with its reason in the summary is a valid outcome. */
const DocsBody = schemas/* object */.Ikc({
    status: schemas/* enum */.k5n(['updated', 'no-change', 'failed']),
    summary: common/* NonEmptyText */.Ug.max(20_000),
})
    .strict();
const DocsDocument = (0,common/* envelope */.RE)('ensemble.docs/v1', DocsBody.extend({ filesChanged: schemas/* array */.YOg(common/* RepoPath */.UA).max(1_000) }));

;// CONCATENATED MODULE: ./lib/contracts/plan.js


/** GitHub caps a job output at 1 MB and a matrix at 256 legs; the config's own task limit sits far below. */
const MAX_PLAN_TASKS = 256;
const PlanTask = schemas/* object */.Ikc({
    id: common/* TaskId */.LD,
    title: common/* NonEmptyText */.Ug.max(200),
    description: common/* NonEmptyText */.Ug.max(20_000),
    acceptanceCriteria: schemas/* array */.YOg(common/* NonEmptyText */.Ug.max(2_000)).min(1, 'every task needs at least one acceptance criterion').max(50),
    files: schemas/* array */.YOg(common/* RepoPath */.UA).max(500).describe('Files this task owns: it may create, edit or delete them.'),
    reads: schemas/* array */.YOg(common/* RepoPath */.UA).max(500).default([]).describe('Files this task may read for context.'),
    dependsOn: schemas/* array */.YOg(common/* TaskId */.LD).max(MAX_PLAN_TASKS).default([]),
})
    .strict();
/** Finds the first dependency cycle, as a list of ids that closes on its first element. */
function findDependencyCycle(tasks) {
    const deps = new Map(tasks.map((t) => [t.id, t.dependsOn]));
    const state = new Map();
    const stack = [];
    const visit = (id) => {
        if (state.get(id) === 'done')
            return null;
        if (state.get(id) === 'visiting')
            return [...stack.slice(stack.indexOf(id)), id];
        state.set(id, 'visiting');
        stack.push(id);
        for (const dep of deps.get(id) ?? []) {
            if (!deps.has(dep))
                continue;
            const cycle = visit(dep);
            if (cycle)
                return cycle;
        }
        stack.pop();
        state.set(id, 'done');
        return null;
    };
    for (const t of tasks) {
        const cycle = visit(t.id);
        if (cycle)
            return cycle;
    }
    return null;
}
/** What the planning agent submits. */
const PlanBody = schemas/* object */.Ikc({
    summary: common/* NonEmptyText */.Ug.max(20_000),
    tasks: schemas/* array */.YOg(PlanTask).min(1, 'a plan needs at least one task').max(MAX_PLAN_TASKS),
    testStrategy: common/* NonEmptyText */.Ug.max(20_000),
    risks: schemas/* array */.YOg(common/* NonEmptyText */.Ug.max(2_000)).max(50).default([]),
})
    .strict()
    .superRefine((plan, ctx) => {
    const seen = new Map();
    plan.tasks.forEach((task, i) => {
        const first = seen.get(task.id);
        if (first !== undefined) {
            ctx.addIssue({ code: 'custom', path: ['tasks', i, 'id'], message: `duplicate task id "${task.id}" (also tasks[${first}])` });
        }
        else {
            seen.set(task.id, i);
        }
    });
    plan.tasks.forEach((task, i) => {
        task.dependsOn.forEach((dep, j) => {
            if (dep === task.id) {
                ctx.addIssue({ code: 'custom', path: ['tasks', i, 'dependsOn', j], message: `task "${task.id}" depends on itself` });
            }
            else if (!seen.has(dep)) {
                ctx.addIssue({ code: 'custom', path: ['tasks', i, 'dependsOn', j], message: `unknown task id "${dep}"` });
            }
        });
    });
    // A self-dependency is already reported above, with a clearer message than "a -> a".
    const cycle = findDependencyCycle(plan.tasks.map((t) => ({ id: t.id, dependsOn: t.dependsOn.filter((dep) => dep !== t.id) })));
    if (cycle) {
        ctx.addIssue({ code: 'custom', path: ['tasks'], message: `dependency cycle: ${cycle.join(' -> ')}` });
    }
});
/**
 * The request the run works on, snapshotted once when the plan is made (hidden content already
 * stripped) so that later stages never read the live issue, which anyone may edit.
 */
const RequestSnapshot = schemas/* object */.Ikc({
    source: schemas/* enum */.k5n(['issue', 'prompt']),
    issue: schemas/* number */.aig().int().positive().nullable(),
    title: schemas/* string */.YjP().max(1_000),
    body: schemas/* string */.YjP().max(262_144),
    author: schemas/* string */.YjP().nullable(),
    comments: schemas/* array */.YOg(schemas/* object */.Ikc({ author: schemas/* string */.YjP(), body: schemas/* string */.YjP().max(65_536), createdAt: schemas/* string */.YjP() }).strict())
        .max(100)
        .default([]),
    hash: common/* Sha256Hex */.P,
})
    .strict()
    .refine((r) => (r.source === 'issue') === (r.issue !== null), {
    message: 'an issue request needs its issue number, and a prompt request has none',
    path: ['issue'],
});
const PlanDocument = (0,common/* envelope */.RE)('ensemble.plan/v1', PlanBody.extend({ request: RequestSnapshot })).refine((doc) => doc.request.issue === doc.run.issue, { message: 'the request snapshot is of another issue than the run', path: ['request', 'issue'] });

;// CONCATENATED MODULE: ./lib/contracts/publish.js


const PublishedCommit = schemas/* object */.Ikc({
    sha: common/* GitSha */.p$,
    stage: schemas/* enum */.k5n(['code', 'test', 'docs']),
    taskId: common/* TaskId */.LD.nullable(),
})
    .strict();
const PublishDocument = (0,common/* envelope */.RE)('ensemble.publish/v1', schemas/* object */.Ikc({
    branch: schemas/* string */.YjP().regex(/^ensemble\/[A-Za-z0-9._/-]+$/, 'must be a branch under "ensemble/"'),
    commits: schemas/* array */.YOg(PublishedCommit).max(300),
    prNumber: schemas/* number */.aig().int().positive().nullable(),
    // Shown as a link in summaries and comments: a web URL only, never `javascript:` or `data:`.
    prUrl: schemas/* url */.OZ5({ protocol: /^https?$/, error: 'must be an http(s) URL' }).nullable(),
    reviewId: schemas/* number */.aig().int().positive().nullable(),
    commentId: schemas/* number */.aig().int().positive().nullable(),
})
    .strict());

// EXTERNAL MODULE: ./lib/contracts/review.js
var review = __webpack_require__(8935);
;// CONCATENATED MODULE: ./lib/contracts/task.js


const TaskStatus = schemas/* enum */.k5n(['done', 'failed', 'no-change']);
const CommandRecord = schemas/* object */.Ikc({
    command: schemas/* string */.YjP().min(1).max(10_000),
    exitCode: schemas/* number */.aig().int().nullable().describe('null when the command was killed (timeout or signal)'),
})
    .strict();
/** What a coding agent submits. */
const TaskBody = schemas/* object */.Ikc({
    status: TaskStatus,
    summary: common/* NonEmptyText */.Ug.max(20_000),
    commitMessage: common/* NonEmptyText */.Ug.max(5_000),
})
    .strict();
const TaskDocument = (0,common/* envelope */.RE)('ensemble.task/v1', TaskBody.extend({
    taskId: common/* TaskId */.LD,
    filesChanged: schemas/* array */.YOg(common/* RepoPath */.UA).max(10_000),
    commands: schemas/* array */.YOg(CommandRecord).max(1_000),
    stopReason: schemas/* string */.YjP().max(2_000).nullable().default(null).describe('Why the agent stopped early (budget, error), if it did'),
}));

;// CONCATENATED MODULE: ./lib/contracts/test-report.js


const IntegrationResult = schemas/* object */.Ikc({
    taskId: common/* TaskId */.LD,
    result: schemas/* enum */.k5n(['applied', 'conflicted', 'resolved', 'skipped']),
    conflictingFiles: schemas/* array */.YOg(common/* RepoPath */.UA).default([]),
    detail: schemas/* string */.YjP().max(5_000).default(''),
})
    .strict();
const TestFailure = schemas/* object */.Ikc({
    name: common/* NonEmptyText */.Ug.max(1_000),
    excerpt: schemas/* string */.YjP().max(10_000),
    atBase: schemas/* boolean */.zMY().nullable().describe('true: also fails at the base SHA; false: the change introduced it; null: not checked'),
})
    .strict();
const Count = schemas/* number */.aig().int().nonnegative().nullable().describe('null when the output did not say');
/** What the testing agent submits. */
const TestBody = schemas/* object */.Ikc({
    summary: common/* NonEmptyText */.Ug.max(20_000),
    testsAdded: schemas/* array */.YOg(common/* RepoPath */.UA).max(1_000).default([]),
})
    .strict();
const TestDocument = (0,common/* envelope */.RE)('ensemble.test/v1', TestBody.extend({
    status: schemas/* enum */.k5n(['passed', 'failed', 'no-tests', 'error']),
    command: schemas/* string */.YjP().max(10_000).nullable(),
    exitCode: schemas/* number */.aig().int().nullable(),
    passed: Count,
    failed: Count,
    failures: schemas/* array */.YOg(TestFailure).max(200),
    integration: schemas/* array */.YOg(IntegrationResult).max(256),
    fixAttempts: schemas/* number */.aig().int().nonnegative(),
}));

;// CONCATENATED MODULE: ./lib/contracts/documents.js






/** Every artifact document ensemble hands from one stage to the next. */
const DOCUMENTS = {
    plan: { kind: 'plan', version: 1, producer: 'plan', file: 'plan.json', artifact: 'ensemble-plan', schema: PlanDocument },
    task: { kind: 'task', version: 1, producer: 'code', file: 'task.json', artifact: 'ensemble-code-<task>', schema: TaskDocument },
    test: { kind: 'test', version: 1, producer: 'test', file: 'test.json', artifact: 'ensemble-test', schema: TestDocument },
    review: {
        kind: 'review',
        version: 1,
        producer: 'review',
        file: 'review.json',
        artifact: 'ensemble-review-<lens>',
        schema: review/* ReviewDocument */.CA,
    },
    docs: { kind: 'docs', version: 1, producer: 'docs', file: 'docs.json', artifact: 'ensemble-docs', schema: DocsDocument },
    publish: {
        kind: 'publish',
        version: 1,
        producer: 'publish',
        file: 'publish.json',
        artifact: 'ensemble-publish',
        schema: PublishDocument,
    },
};
const DOCUMENT_NAMES = Object.keys(DOCUMENTS);

;// CONCATENATED MODULE: ./lib/contracts/json-schema.js


const SCHEMA_BASE = 'https://ensemble.dev/schemas';
/** JSON Schema (draft 2020-12) of a zod schema, for editors and other tools; refinements are not expressible and are left out. */
function toJsonSchema(schema, id, title) {
    const json = json_schema_processors/* toJSONSchema */.bl(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
    const { $schema, ...rest } = json;
    return { $schema, $id: `${SCHEMA_BASE}/${id}.schema.json`, title, ...rest };
}
function documentJsonSchemas() {
    const out = {};
    for (const name of Object.keys(DOCUMENTS)) {
        const kind = DOCUMENTS[name];
        out[name] = toJsonSchema(kind.schema, name, `ensemble.${kind.kind}/v${kind.version} (${kind.file} in ${kind.artifact})`);
    }
    return out;
}


/***/ }),

/***/ 8935:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AI: () => (/* binding */ Severity),
/* harmony export */   CA: () => (/* binding */ ReviewDocument)
/* harmony export */ });
/* unused harmony exports SEVERITY_ORDER, isAtLeast, Verdict, Finding, CriterionCheck, ReviewBody */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2311);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(574);


const Severity = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['critical', 'high', 'medium', 'low', 'nit']);
/** Most severe first; a finding blocks when it is at least as severe as the configured level. */
const SEVERITY_ORDER = Severity.options;
function isAtLeast(severity, threshold) {
    return SEVERITY_ORDER.indexOf(severity) <= SEVERITY_ORDER.indexOf(threshold);
}
const Verdict = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['approve', 'comment', 'request-changes']);
const Finding = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    path: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoPath */ .UA,
    line: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().positive().nullable().describe('Line in the new file; null when the quote maps to no changed line'),
    endLine: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().positive().nullable().default(null),
    quote: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(5_000).describe('The code the finding is about, quoted exactly'),
    severity: Severity,
    title: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(300),
    body: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000),
    suggestion: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(20_000).nullable().default(null).describe('Replacement for the quoted lines, if any'),
})
    .strict()
    .refine((f) => f.endLine === null || (f.line !== null && f.endLine >= f.line), {
    message: 'endLine must be null or at least line',
    path: ['endLine'],
});
const CriterionCheck = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    criterion: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(2_000),
    met: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    evidence: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(5_000),
})
    .strict();
/** What a review agent submits. */
const ReviewBody = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    verdict: Verdict,
    summary: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000),
    findings: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(Finding).max(200),
    criteria: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(CriterionCheck).max(500),
})
    .strict();
const ReviewDocument = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .envelope */ .RE)('ensemble.review/v1', ReviewBody.extend({ lens: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a lens name of a-z, 0-9 and "-"') }));


/***/ }),

/***/ 3562:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EG: () => (/* binding */ parseModelSpec),
/* harmony export */   xq: () => (/* binding */ PROVIDERS)
/* harmony export */ });
/* unused harmony exports ModelSpecError, formatModelSpec */
const PROVIDERS = ['anthropic', 'openai', 'openai-compatible'];
class ModelSpecError extends Error {
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
        throw new ModelSpecError(`"${text}" is not a model spec: write provider:model, e.g. anthropic:claude-sonnet-4-5 (providers: ${PROVIDERS.join(', ')})`);
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
