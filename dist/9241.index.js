export const id = 9241;
export const ids = [9241];
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

/***/ 61261:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q8: () => (/* binding */ scrubCredentials),
/* harmony export */   Wr: () => (/* binding */ credentialsIn),
/* harmony export */   kv: () => (/* binding */ resolveApiKey)
/* harmony export */ });
/* unused harmony export isCredentialName */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73434);
/**
 * Model API keys: where they come from, and making sure nothing else can read them.
 *
 * docs/design.md §3.3 "secrets are absent, not hidden": the model key lives in the orchestrating
 * process's memory only. The intended order at start-up is
 *
 * ```ts
 * const { apiKey } = resolveApiKey(spec.provider, { explicit: core.getInput('api-key'), env: process.env });
 * const kept = scrubCredentials(process.env); // before any child process starts
 * // `kept` holds what the runtime's own clients still need (ACTIONS_RUNTIME_TOKEN for artifacts,
 * // GITHUB_TOKEN for publish)
 * ```
 *
 * Every command an agent runs also starts from an allow-listed environment, so scrubbing is the
 * second wall, not the only one: it protects against a child spawned without the allow-list (a git
 * hook, a library that shells out) inheriting `process.env`.
 *
 * Caveat for the sandbox: on Linux, `/proc/<pid>/environ` shows the environment the process was
 * *started* with; deleting from `process.env` does not change it. A child that can read the
 * orchestrator's `/proc` entry (same user, same PID namespace) still sees the original values, which
 * is why commands run in their own PID namespace (bubblewrap) where available.
 */

const PROVIDER_VARIABLE = {
    anthropic: 'ANTHROPIC_API_KEY',
    openai: 'OPENAI_API_KEY',
    'openai-compatible': 'OPENAI_API_KEY',
};
/**
 * The API key for `provider`: the explicit input or flag, else `ENSEMBLE_API_KEY`, else the provider's
 * usual variable (`ANTHROPIC_API_KEY`; `OPENAI_API_KEY` for `openai` and `openai-compatible`).
 * Throws {@link ModelConfigError} naming every place it looked when `anthropic` or `openai` has none.
 */
function resolveApiKey(provider, options = {}) {
    const env = options.env ?? process.env;
    const explicit = clean(options.explicit);
    if (explicit)
        return { apiKey: explicit, source: 'input' };
    const ensemble = clean(env['ENSEMBLE_API_KEY']);
    if (ensemble)
        return { apiKey: ensemble, source: 'ENSEMBLE_API_KEY' };
    const variable = PROVIDER_VARIABLE[provider];
    const usual = clean(env[variable]);
    if (usual)
        return { apiKey: usual, source: variable };
    if (provider === 'openai-compatible')
        return { apiKey: undefined, source: 'none' };
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelConfigError */ .uJ(provider, `no API key for ${provider}: pass the api-key input (CLI: --api-key), or set ENSEMBLE_API_KEY or ${variable}`);
}
function clean(value) {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
}
/**
 * Whether an environment variable name holds a credential. Names are compared upper-cased with `-`
 * read as `_`, because Actions passes inputs as `INPUT_<NAME>` with the input's hyphens kept
 * (`INPUT_API-KEY`, `INPUT_GITHUB-TOKEN`, `INPUT_MODEL-API-KEY`).
 *
 * Matches `*_API_KEY`, `*_TOKEN`, `ACTIONS_*TOKEN*` (runtime and OIDC request tokens), `*_SECRET*`,
 * `*_PASSWORD` and `*_PRIVATE_KEY`; `GH_TOKEN` and `GITHUB_TOKEN` are among the `*_TOKEN`.
 */
function isCredentialName(name) {
    const n = name.toUpperCase().replaceAll('-', '_');
    return (/(^|_)API_KEY$/.test(n) ||
        /(^|_)TOKEN$/.test(n) ||
        /^ACTIONS_.*TOKEN/.test(n) ||
        /(^|_)SECRET/.test(n) ||
        /(^|_)PASSWORD$/.test(n) ||
        /(^|_)PRIVATE_KEY$/.test(n));
}
/**
 * Deletes every credential variable ({@link isCredentialName}) from `env` and returns what it removed,
 * name → value. Call it right after {@link resolveApiKey} and before any child process starts. The
 * returned map is for the runtime's own in-process clients (the artifact client needs
 * `ACTIONS_RUNTIME_TOKEN`, publish needs the GitHub token): keep it in memory, never put it back into
 * an environment, never log it.
 */
function scrubCredentials(env = process.env) {
    const removed = credentialsIn(env);
    for (const name of Object.keys(env))
        if (isCredentialName(name))
            delete env[name];
    return removed;
}
/** The credential variables ({@link isCredentialName}) of `env`, name → value, left where they are. */
function credentialsIn(env) {
    const found = {};
    for (const [name, value] of Object.entries(env))
        if (isCredentialName(name) && value !== undefined)
            found[name] = value;
    return found;
}


/***/ }),

/***/ 51512:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fk: () => (/* binding */ describeSecretHit),
/* harmony export */   VU: () => (/* binding */ byteNeedles),
/* harmony export */   dL: () => (/* binding */ findSecrets),
/* harmony export */   fp: () => (/* binding */ redactSecrets),
/* harmony export */   h9: () => (/* binding */ secretNeedles),
/* harmony export */   se: () => (/* binding */ redactValues)
/* harmony export */ });
/* unused harmony exports CREDENTIAL_PATTERNS, maskSecret, withoutInvisible, findCredentials, MIN_SECRET_LENGTH, findSecretValues */
/**
 * Credential detection for the safe-output policy (`policy.ts`): well-known token patterns and
 * the exact values of the secrets the step was given.
 *
 * Decisions:
 * - Nothing found is ever echoed. A pattern match is shown masked, its first 4 characters (the
 *   public prefix: `ghp_`, `sk-a`, `AKIA`) and its length; a private key block by its header line
 *   (which holds no key material). A secret value is shown by the secret's name (or its position
 *   among the values given) and its length only: its first characters are part of the secret.
 *   A match in a decoded form is shown the same way (decoded), its description naming the form:
 *   `hex-encoded GitHub token ghp_…(40 chars)`.
 * - Text is scanned as given and once more with invisible format characters (`\p{Cf}`:
 *   zero-width spaces and joiners, bidirectional controls, soft hyphens, BOM) removed, so that a
 *   token split by an invisible character, which still reads as the token, is found.
 * - Each of those is also read in the forms a reviewer would not recognise as a token (`views`),
 *   and patterns and secret values are looked for in each:
 *   - hex: runs of at least 8 hex-encoded bytes (16 digits, either case), contiguous or one byte
 *     at a time with `\x`, `0x` or `\u00` prefixes and up to two spaces, tabs, colons or commas
 *     between bytes (`67 68`, `67:68`, `0x67, 0x68`, `\x67\x68`), decoded in place as UTF-8 at
 *     both digit alignments (a run can start one digit early: `a` + `6768…`). Shorter runs are
 *     left alone: 8 bytes is the shortest secret value looked for. A git SHA or a sha256 digest
 *     decodes to random bytes, which hold no token, so ordinary hex is not refused;
 *   - URL encoding: runs of `%XX` decoded in place as UTF-8 (`%20` in a link decodes to a space);
 *   - reversed: the text read backwards;
 *   - split across string literals: lines (joined first where a line ends with `\`) holding
 *     quoted literals (`"…"`, `'…'`, `` `…` ``), consecutive ones in a run, read as the contents
 *     of all their literals concatenated (`"ghp_ab" +` / `"cd…"`, Python's implicit
 *     concatenation, an array of pieces);
 *   - split across lines: a run of consecutive non-blank lines read as one, each trimmed, without
 *     a leading comment or quote marker (`#`, `//`, `*`, `--`, `;`, `>`) and without a trailing
 *     `\` (a token wrapped in a text file, a comment or a quote).
 *   Decodings are applied to the joined runs too (a hex string cut into literals), but not to
 *   each other's output. Every view is built in one pass and keeps the text's line breaks (decoded
 *   line breaks become spaces), so the cost stays linear in the text's size. A match is reported
 *   on the line it starts on; one in a decoded joined run, on the run's first line. A match that
 *   overlaps one found in an earlier view (the text as given comes first) is not reported again.
 * - OpenAI keys: the brief's `sk-(proj-)?[A-Za-z0-9_-]{20,}` also matches kebab-case names that
 *   follow an `sk-` (`sk-some-long-kebab-case-name`) and the tail of words like `disk-…`. A match
 *   must therefore start a token (no letter, digit, `_` or `-` before it) and hold at least one
 *   digit or capital letter, which every real key (random base62/base64url) does. `sk-ant-` is
 *   reported as an Anthropic key only, never also as an OpenAI key.
 * - AWS access key ids are whole tokens of exactly 20 characters; a longer run of capitals and
 *   digits is not one. GitHub tokens are matched wherever they occur: their prefix and length make
 *   a false match unlikely.
 * - Secret values: values shorter than 8 characters are ignored (they would match ordinary text,
 *   and GitHub does not mask them reliably either). Each value is looked for as given, trimmed,
 *   line by line for a multi-line value (a PEM key, as the Actions runner masks it), JSON-escaped
 *   (as `JSON.stringify` writes it, also with `/` and non-ASCII characters escaped), and in its
 *   base64 and base64url encodings at each of the three byte alignments it can have inside a
 *   longer encoded string (the encodings the Actions runner also masks); and each of these in
 *   every view above (hex, URL-encoded, reversed, split). No scanner catches a determined encoder
 *   (compression, encryption, a custom alphabet): these checks are a backstop for accidents and
 *   for the encodings a reviewer reads past, not the sandbox.
 */
const CREDENTIAL_PATTERNS = [
    { id: 'github-token', name: 'GitHub token', regexp: /gh[pousr]_[A-Za-z0-9]{36,}/g },
    { id: 'github-pat', name: 'GitHub fine-grained personal access token', regexp: /github_pat_[A-Za-z0-9_]{22,}/g },
    { id: 'anthropic-key', name: 'Anthropic API key', regexp: /(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{20,}/g },
    {
        id: 'openai-key',
        name: 'OpenAI API key',
        regexp: /(?<![A-Za-z0-9_-])sk-(?!ant-)(?:proj-)?[A-Za-z0-9_-]{20,}/g,
        plausible: (match) => /[A-Z0-9]/.test(match.replace(/^sk-(?:proj-)?/, '')),
    },
    {
        id: 'aws-access-key-id',
        name: 'AWS access key id',
        regexp: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![0-9A-Z])/g,
    },
    {
        id: 'jwt',
        name: 'JSON web token (e.g. an Actions runtime or OIDC token)',
        regexp: /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}/g,
    },
    {
        id: 'private-key',
        name: 'private key block',
        regexp: /-----BEGIN (?:(?:RSA|EC|OPENSSH|DSA|PGP|ENCRYPTED) )?PRIVATE KEY(?: BLOCK)?-----/g,
        showMatch: true,
    },
];
/** `ghp_…(40 chars)`: the first 4 characters and the length, never the rest. */
function maskSecret(value) {
    const chars = [...value];
    return `${chars.slice(0, 4).join('')}…(${chars.length} chars)`;
}
/** Invisible format characters (zero-width, bidirectional controls, soft hyphen, BOM) removed. */
function withoutInvisible(text) {
    return text.replace(/\p{Cf}/gu, '');
}
/** The 1-based line of an index in `text`: a binary search over its line breaks, built once. */
function lineIndex(text) {
    const breaks = [];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
        breaks.push(i);
    const lineOf = (index) => {
        let lo = 0;
        let hi = breaks.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (breaks[mid] < index)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo + 1;
    };
    return { lineOf, lines: breaks.length + 1 };
}
/** The text itself and, when it differs, the text without invisible characters. */
function views(text) {
    const visible = withoutInvisible(text);
    return visible === text ? [text] : [text, visible];
}
/** Hex-encoded bytes: see the module's decisions. At least 8 bytes; `\x`, `0x`, `\u00` prefixes. */
const HEX_RUN = /(?:\\x|0x|\\u00)?[0-9A-Fa-f]{2}(?:[ \t:,]{0,2}(?:\\x|0x|\\u00)?[0-9A-Fa-f]{2}){7,}/g;
const HEX_DECORATION = /\\x|0x|\\u00|[ \t:,]/g;
const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
/** Decoded bytes as text that adds no line break (so the view's lines stay the text's lines). */
function decodedText(bytes) {
    return bytes.toString('utf8').replace(/[\r\n]/g, ' ');
}
/** `text` with every hex run decoded in place, its digits read from `alignment` (0 or 1). */
function hexDecoded(text, alignment) {
    return text.replace(HEX_RUN, (run) => {
        const digits = run.replace(HEX_DECORATION, '').slice(alignment);
        return decodedText(Buffer.from(digits.slice(0, digits.length - (digits.length % 2)), 'hex'));
    });
}
/** `text` with every run of `%XX` decoded in place. */
function percentDecoded(text) {
    return text.replace(PERCENT_RUN, (run) => decodedText(Buffer.from(run.replace(/%/g, ''), 'hex')));
}
/** A quoted string literal's contents (double, single or backtick quotes; escapes kept as written). */
const LITERAL = /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\\n]|\\.)*)`/g;
/**
 * Runs of consecutive `lines` that `take` gives pieces of text for, each run's pieces concatenated
 * and placed on the run's first line (the other lines of the run left empty, so that the line
 * count stays). Null when no run joins two or more pieces (unless `always`): there is nothing
 * the text as given does not already show.
 */
function joinRuns(lines, take, always = false) {
    const out = lines.map(() => '');
    // Each piece: the line its run is placed on, its offset within the run, the line it came from.
    const placed = [];
    let joinedSome = false;
    let runStart = -1;
    let pieces = [];
    let runLength = 0;
    const flush = () => {
        if (runStart === -1)
            return;
        if (pieces.length > 1)
            joinedSome = true;
        out[runStart] = pieces.join('');
        runStart = -1;
        pieces = [];
        runLength = 0;
    };
    lines.forEach((line, i) => {
        const taken = take(line);
        if (taken === null) {
            flush();
            return;
        }
        if (runStart === -1)
            runStart = i;
        for (const piece of taken) {
            placed.push([runStart, runLength, i + 1]);
            pieces.push(piece);
            runLength += piece.length;
        }
    });
    flush();
    if (!joinedSome && !always)
        return null;
    const lineOffsets = [];
    let offset = 0;
    for (const line of out) {
        lineOffsets.push(offset);
        offset += line.length + 1;
    }
    return {
        text: out.join('\n'),
        starts: placed.map(([at, within]) => lineOffsets[at] + within),
        lines: placed.map(([, , from]) => from),
    };
}
/** Lines ending with `\` joined with the next (as C, shell and Python continue a line), the line count kept. */
function continued(lines) {
    const out = [...lines];
    for (let i = out.length - 2; i >= 0; i--) {
        const line = out[i];
        if (!line.endsWith('\\'))
            continue;
        out[i] = line.slice(0, -1) + out[i + 1];
        out[i + 1] = '';
    }
    return out;
}
/** The text with the contents of quoted literals on consecutive lines concatenated (null: nothing to join). */
function literalsJoined(text) {
    if (!/["'`]/.test(text))
        return null;
    const original = text.split('\n');
    const lines = continued(original);
    const anyContinued = lines.some((line, i) => line !== original[i]);
    const literals = (line) => {
        const pieces = [...line.matchAll(LITERAL)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
        return pieces.length > 0 ? pieces : null;
    };
    return joinRuns(lines, literals, anyContinued);
}
/** A line comment's or quote's marker at the start of a line: `#`, `//`, ` * `, `--`, `;`, `>`. */
const LINE_MARKER = /^(?:#+|\/\/+|\/?\*+|--|;+|>+)\s*/;
/** The text with each run of consecutive non-blank lines read as one (null: a single line). */
function linesJoined(text) {
    if (!text.includes('\n'))
        return null;
    return joinRuns(text.split('\n'), (line) => {
        const trimmed = line.trim().replace(LINE_MARKER, '').replace(/\\$/, '');
        return trimmed === '' ? null : [trimmed];
    });
}
/** `text` backwards, by UTF-16 code unit (natively: a string split into characters is slow at megabytes). */
function reversed(text) {
    return Buffer.from(text, 'utf16le').reverse().swap16().toString('utf16le');
}
/**
 * The views of `text` (module's decisions): the text itself first (and without invisible
 * characters), then its decoded and joined forms.
 */
function viewsOf(text) {
    const plain = views(text).map((t) => ({ text: t, prefix: null, suffix: null, reversed: false }));
    const bases = [];
    for (const { text: t } of plain) {
        bases.push({ text: t, suffix: null });
        const literals = literalsJoined(t);
        if (literals !== null)
            bases.push({ text: literals.text, suffix: 'split across string literals', joined: literals });
        const lines = linesJoined(t);
        if (lines !== null)
            bases.push({ text: lines.text, suffix: 'split across lines', joined: lines });
    }
    const out = [...plain];
    for (const { text: t, suffix, joined } of bases) {
        if (joined)
            out.push({ text: t, prefix: null, suffix, reversed: false, pieces: joined });
        out.push({ text: reversed(t), prefix: 'reversed', suffix, reversed: true });
        HEX_RUN.lastIndex = 0;
        if (HEX_RUN.test(t)) {
            for (const alignment of [0, 1]) {
                out.push({ text: hexDecoded(t, alignment), prefix: 'hex-encoded', suffix, reversed: false });
            }
        }
        if (/%[0-9A-Fa-f]{2}/.test(t))
            out.push({ text: percentDecoded(t), prefix: 'URL-encoded', suffix, reversed: false });
    }
    return out;
}
/** The index of the last of `sorted` that is at most `value` (0 when none is). */
function lastAtMost(sorted, value) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] <= value)
            lo = mid + 1;
        else
            hi = mid;
    }
    return Math.max(lo - 1, 0);
}
/** Finds the line of matches in one view: in a reversed view, counted from the end. */
function lineFinder(view) {
    let index = null;
    const { pieces } = view;
    if (pieces)
        return (at) => pieces.lines[lastAtMost(pieces.starts, at)];
    return (at, length) => {
        index ??= lineIndex(view.text);
        if (!view.reversed)
            return index.lineOf(at);
        return index.lines - index.lineOf(at + Math.max(length, 1) - 1) + 1;
    };
}
/** The view's `Found`; null for the text as given. */
function foundIn(view) {
    if (view.prefix === null && view.suffix === null)
        return null;
    return {
        ...(view.prefix === null ? {} : { decoded: view.prefix }),
        ...(view.suffix === null ? {} : { joined: view.suffix }),
    };
}
/** True when `match` overlaps one of `earlier` (found in a view scanned before: reported, or left out). */
function alreadyFound(match, earlier) {
    for (const p of earlier)
        if (match.includes(p) || p.includes(match))
            return true;
    return false;
}
/**
 * The credential-pattern matches in `text` and its views (module's decisions), once each. A match
 * that contains one of `known` (a secret value, found then by `findSecretValues`) is left out: it is
 * reported as that secret, not a second time as a pattern.
 */
function findCredentials(text, known = []) {
    return credentialsIn(viewsOf(text), known);
}
function credentialsIn(views, known) {
    const hits = [];
    const seen = new Set();
    // Matches of each pattern in the views scanned before the current one.
    const earlier = new Map();
    for (const view of views) {
        const lineOf = lineFinder(view);
        const found = foundIn(view);
        const matched = [];
        for (const pattern of CREDENTIAL_PATTERNS) {
            const before = earlier.get(pattern.id);
            for (const m of view.text.matchAll(pattern.regexp)) {
                if (pattern.plausible && !pattern.plausible(m[0]))
                    continue;
                if (known.some((n) => m[0].includes(n.needle)))
                    continue;
                if (found !== null && before && alreadyFound(m[0], before))
                    continue;
                matched.push([pattern.id, m[0]]);
                const shown = pattern.showMatch ? m[0] : maskSecret(m[0]);
                const line = lineOf(m.index, m[0].length);
                const key = `${pattern.id}\0${shown}\0${line}`;
                if (seen.has(key))
                    continue;
                seen.add(key);
                if (found === null) {
                    hits.push({ pattern, shown, line });
                }
                else {
                    const name = [found.decoded, pattern.name, found.joined].filter((w) => w !== undefined).join(' ');
                    hits.push({ pattern: { ...pattern, name }, shown, line, ...found });
                }
            }
        }
        for (const [id, match] of matched)
            earlier.set(id, (earlier.get(id) ?? new Set()).add(match));
    }
    return hits;
}
/** Values shorter than this are not looked for. */
const MIN_SECRET_LENGTH = 8;
/** `text` as a JSON string holds it, without the quotes: as given, `/` escaped, non-ASCII escaped, or both. */
function jsonEscapes(text) {
    const escaped = JSON.stringify(text).slice(1, -1);
    const slashes = escaped.replace(/\//g, '\\/');
    const ascii = (t) => t.replace(/[^\x00-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return [escaped, slashes, ascii(escaped), ascii(slashes)];
}
/**
 * The base64 characters that depend on `bytes` only, when they sit at byte offset `offset` (0–2) of
 * an encoded string.
 */
function base64Core(bytes, offset, encoding) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString(encoding);
    const first = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    return encoded.slice(first, end);
}
/** Every string whose presence reveals one of `values` (see the module's decisions). */
function secretNeedles(values) {
    const needles = [];
    const seen = new Set();
    values.forEach((entry, i) => {
        const { name, value } = typeof entry === 'string' ? { name: null, value: entry } : entry;
        if (typeof value !== 'string')
            return;
        const secret = name ? `secret ${JSON.stringify(name)}` : `secret #${i + 1} given to this step`;
        const length = [...value].length;
        const add = (needle, form) => {
            if (needle.length < MIN_SECRET_LENGTH || seen.has(needle))
                return;
            seen.add(needle);
            needles.push({ secret, length, needle, form });
        };
        const plain = [value, value.trim()];
        add(value, 'value');
        add(value.trim(), 'value');
        for (const line of value.split(/\r?\n/)) {
            const trimmed = line.trim();
            if (trimmed !== value.trim())
                add(trimmed, 'line of the value');
        }
        for (const escaped of jsonEscapes(value.trim()))
            if (escaped !== value.trim())
                add(escaped, 'JSON-escaped');
        for (const text of plain) {
            if (text.length < MIN_SECRET_LENGTH)
                continue;
            const bytes = Buffer.from(text, 'utf8');
            for (const offset of [0, 1, 2]) {
                add(base64Core(bytes, offset, 'base64'), 'base64');
                add(base64Core(bytes, offset, 'base64url'), 'base64url');
            }
        }
    });
    return needles;
}
/** The same needles for content read as Latin-1 (one character per byte: binary files). */
function byteNeedles(needles) {
    return needles.map((n) => ({ ...n, needle: Buffer.from(n.needle, 'utf8').toString('latin1') }));
}
/**
 * Occurrences of the needles in `text` and its views (module's decisions), once per secret, form
 * and line; a needle found in one view is not reported again from a later one.
 */
function findSecretValues(text, needles) {
    return needles.length === 0 ? [] : secretValuesIn(viewsOf(text), needles);
}
/**
 * Both scans of `text` over one reading of its views (a dozen decoded and joined copies of the
 * text): the secret values, and the credential patterns that are not one of them.
 */
function findSecrets(text, needles) {
    const views = viewsOf(text);
    const secrets = needles.length === 0 ? [] : secretValuesIn(views, needles);
    return { secrets, credentials: credentialsIn(views, needles) };
}
function secretValuesIn(views, needles) {
    const hits = [];
    const seen = new Set();
    // Needles found in the views scanned before the current one.
    const earlier = new Set();
    for (const view of views) {
        const lineOf = lineFinder(view);
        const found = foundIn(view);
        const matched = [];
        for (const needle of needles) {
            if (found !== null && earlier.has(needle))
                continue;
            const t = view.text;
            for (let at = t.indexOf(needle.needle); at !== -1; at = t.indexOf(needle.needle, at + 1)) {
                matched.push(needle);
                const line = lineOf(at, needle.needle.length);
                const key = `${needle.secret}\0${needle.form}\0${line}`;
                if (seen.has(key))
                    continue;
                seen.add(key);
                hits.push({ needle, line, ...found });
            }
        }
        for (const needle of matched)
            earlier.add(needle);
    }
    return hits;
}
/** Each form of a secret value, in the words of a hit's description. */
const FORM_WORDS = {
    value: 'the value',
    'line of the value': 'a line of the value',
    'JSON-escaped': 'the JSON-escaped value',
    base64: 'the base64-encoded value',
    base64url: 'the base64url-encoded value',
};
/** How a secret-value hit is described, without any of the secret's characters. */
function describeSecretHit(hit) {
    const { secret, length, form } = hit.needle;
    // `the value` → `the hex-encoded value`; `… (27 characters) split across lines`
    const words = hit.decoded ? FORM_WORDS[form].replace(/^(the|a) /, `$1 ${hit.decoded} `) : FORM_WORDS[form];
    const described = `${words} of ${secret} (${length} characters)`;
    return hit.joined ? `${described} ${hit.joined}` : described;
}
/**
 * `text` with every known secret value and every credential-shaped string replaced by
 * `[redacted …]`: for what ensemble writes to files a user may share (transcripts), where a
 * command's output could carry one.
 */
function redactSecrets(text, values) {
    let out = redactValues(text, values);
    for (const pattern of CREDENTIAL_PATTERNS) {
        out = out.replace(new RegExp(pattern.regexp.source, 'g'), (match) => pattern.showMatch ? match : `[redacted ${pattern.id}]`);
    }
    return out;
}
/** `text` with every one of `values` (8 characters or more) blanked; credential patterns are left as they are. */
function redactValues(text, values) {
    let out = text;
    for (const value of values) {
        if (value.length >= MIN_SECRET_LENGTH)
            out = out.split(value).join('[redacted secret]');
    }
    return out;
}


/***/ })

};
