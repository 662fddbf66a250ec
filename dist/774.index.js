export const id = 774;
export const ids = [774];
export const modules = {

/***/ 774:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ConfigError: () => (/* reexport */ errors/* ConfigError */.xL),
  configJsonSchema: () => (/* reexport */ configJsonSchema),
  loadConfig: () => (/* reexport */ load/* loadConfig */.Z9),
  summarizeConfig: () => (/* reexport */ summarizeConfig)
});

// UNUSED EXPORTS: DEFAULT_CONFIG_PATH, INSTRUCTION_FILES, MAX_CONFIG_BYTES, MAX_INSTRUCTION_BYTES, canonicalJson, closestKey, configHash, defaultLoadedConfig, discoverInstructionFiles, formatKeyPath, formatProblem, parseConfigText, renderConfigReference, unwrapSchema

// EXTERNAL MODULE: ./lib/config/errors.js
var errors = __webpack_require__(8159);
// EXTERNAL MODULE: ./lib/config/hash.js
var hash = __webpack_require__(8992);
// EXTERNAL MODULE: ./lib/config/instructions.js
var instructions = __webpack_require__(417);
// EXTERNAL MODULE: ./lib/config/load.js
var load = __webpack_require__(6264);
// EXTERNAL MODULE: ./lib/contracts/config.js
var contracts_config = __webpack_require__(1317);
// EXTERNAL MODULE: ./lib/contracts/json-schema.js
var json_schema = __webpack_require__(3141);
// EXTERNAL MODULE: ./lib/model/spec.js
var spec = __webpack_require__(3562);
;// CONCATENATED MODULE: ./lib/config/reference.js



/** What `parseModelSpec` accepts, as a pattern editors can check while the user types. */
const MODEL_SPEC_PATTERN = `^(?:${spec/* PROVIDERS */.xq.join('|')}):\\S+$`;
/**
 * JSON Schema (draft 2020-12) of `.github/ensemble.yml`, for editors (`# yaml-language-server:
 * $schema=...`). It describes what a user may write: every key is optional.
 */
function configJsonSchema() {
    const schema = (0,json_schema/* toJsonSchema */.P)(contracts_config/* EnsembleConfig */.gj, 'config', 'ensemble configuration (.github/ensemble.yml)');
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
    lines.push(`protected paths: ${config['protected-paths'].length ? config['protected-paths'].join(', ') : 'none'}`);
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

/***/ 3141:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ toJsonSchema),
/* harmony export */   documentJsonSchemas: () => (/* binding */ documentJsonSchemas)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8439);
/* harmony import */ var _documents_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8456);


const SCHEMA_BASE = 'https://ensemble.dev/schemas';
/** JSON Schema (draft 2020-12) of a zod schema, for editors and other tools; refinements are not expressible and are left out. */
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


/***/ })

};
