export const id = 1900;
export const ids = [1900,4759];
export const modules = {

/***/ 54759:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ContractError: () => (/* binding */ ContractError),
/* harmony export */   jsonPath: () => (/* binding */ jsonPath),
/* harmony export */   parseDocument: () => (/* binding */ parseDocument),
/* harmony export */   parseDocumentText: () => (/* binding */ parseDocumentText),
/* harmony export */   zodProblems: () => (/* binding */ zodProblems)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);
/* harmony import */ var _documents_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66811);


class ContractError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'ContractError';
    artifact;
    producer;
    problems;
    constructor(artifact, producer, problems, hint) {
        super(`${artifact} (written by the ${producer} stage) is not valid:\n` +
            problems.map((p) => `  ${p.path}: ${p.message}`).join('\n') +
            `\n${hint}`);
        this.artifact = artifact;
        this.producer = producer;
        this.problems = problems;
    }
}
/** `$.tasks[0].acceptanceCriteria` from zod's path array. */
function jsonPath(path) {
    let out = '$';
    for (const key of path) {
        if (typeof key === 'number')
            out += `[${key}]`;
        else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
            out += `.${key}`;
        else
            out += `[${JSON.stringify(String(key))}]`;
    }
    return out;
}
function zodProblems(error, limit = 20) {
    const problems = error.issues
        .slice(0, limit)
        .map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
    if (error.issues.length > limit)
        problems.push({ path: '$', message: `and ${error.issues.length - limit} more problems` });
    return problems;
}
const SCHEMA_ID = /^ensemble\.([a-z]+(?:-[a-z]+)*)\/v(\d+)$/;
/** What a JSON value is, in words: `an array`, `null`, or its `typeof`. */
function jsonKind(value) {
    if (Array.isArray(value))
        return 'an array';
    if (value === null)
        return 'null';
    return typeof value;
}
/**
 * Validates an artifact document a stage is about to consume. Checks the `schema` id first so
 * that a document from another stage or another ensemble version gets an error saying exactly
 * that, instead of a list of field mismatches.
 */
function parseDocument(name, value, source = {}) {
    const kind = _documents_js__WEBPACK_IMPORTED_MODULE_1__.DOCUMENTS[name];
    const where = [source.artifact ?? kind.artifact, source.file].filter(Boolean).join(': ');
    const expected = `ensemble.${kind.kind}/v${kind.version}`;
    const fail = (path, message, hint) => {
        throw new ContractError(where, kind.producer, [{ path, message }], hint);
    };
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        fail('$', `expected a JSON object, found ${jsonKind(value)}`, 'Re-run the stage that produced it.');
    }
    const id = value.schema;
    if (typeof id !== 'string') {
        fail('$.schema', `missing schema id; expected "${expected}"`, 'This file was not written by ensemble, or was edited by hand.');
    }
    const match = SCHEMA_ID.exec(id);
    if (!match) {
        fail('$.schema', `"${String(id)}" is not an ensemble schema id; expected "${expected}"`, 'This file was not written by ensemble, or was edited by hand.');
    }
    const [, foundKind, foundVersion] = match;
    if (foundKind !== kind.kind) {
        fail('$.schema', `found a ${foundKind} document ("${id}") where a ${kind.kind} document ("${expected}") belongs`, `Check which artifact was passed in; ${kind.artifact} is written by the ${kind.producer} stage.`);
    }
    const version = Number(foundVersion);
    if (version > kind.version) {
        fail('$.schema', `"${id}" is newer than this ensemble understands (${expected})`, 'Use the same ensemble version for every stage of a run, or update ensemble.');
    }
    if (version < kind.version) {
        fail('$.schema', `"${id}" was written by an older ensemble; this one reads ${expected}`, `Re-run the ${kind.producer} stage with this ensemble version.`);
    }
    const result = kind.schema.safeParse(value);
    if (!result.success) {
        throw new ContractError(where, kind.producer, zodProblems(result.error), `Re-run the ${kind.producer} stage; if it keeps failing, this is a bug in ensemble.`);
    }
    return result.data;
}
/** Parses JSON text first, so that a truncated or corrupt file is reported with its name too. */
function parseDocumentText(name, text, source = {}) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        const kind = _documents_js__WEBPACK_IMPORTED_MODULE_1__.DOCUMENTS[name];
        const where = [source.artifact ?? kind.artifact, source.file].filter(Boolean).join(': ');
        throw new ContractError(where, kind.producer, [{ path: '$', message: `not valid JSON (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)})` }], `The file is corrupt or truncated; re-run the ${kind.producer} stage.`);
    }
    return parseDocument(name, value, source);
}


/***/ }),

/***/ 73434:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X2: () => (/* binding */ findModelError),
/* harmony export */   jc: () => (/* binding */ ModelRequestError),
/* harmony export */   me: () => (/* binding */ ModelError),
/* harmony export */   tG: () => (/* binding */ ModelSpendLimitError),
/* harmony export */   uJ: () => (/* binding */ ModelConfigError),
/* harmony export */   y3: () => (/* binding */ ModelAuthError)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);

/**
 * Base class of every error the model layer throws on purpose. The tool loop tells them apart with
 * `instanceof` (or {@link findModelError} when something wrapped them):
 *
 * - {@link ModelConfigError}: missing key or base URL; fix the configuration, never retried.
 * - {@link ModelAuthError}: HTTP 401/403; the key is wrong or lacks access, never retried.
 * - {@link ModelSpendLimitError}: quota, credit balance or spend limit exhausted, never retried.
 * - {@link ModelRequestError}: anything else that failed at the HTTP level, after the retries the
 *   error allows (`attempts` says how many were made).
 *
 * The first three are for the user to fix, and carry the user-error marker (`src/errors.ts`).
 */
class ModelError extends Error {
    name = 'ModelError';
    provider;
    constructor(provider, message) {
        super(message);
        this.provider = provider;
    }
}
/** The configuration cannot work: no API key, no base URL for `openai-compatible`, a bad URL. */
class ModelConfigError extends ModelError {
    name = 'ModelConfigError';
    [_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .USER_ERROR */ .v] = true;
}
/** The provider rejected the credentials (HTTP 401 or 403). Retrying cannot help. */
class ModelAuthError extends ModelError {
    name = 'ModelAuthError';
    [_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .USER_ERROR */ .v] = true;
    status;
    constructor(provider, status, detail) {
        super(provider, `authentication failed for ${provider} ` +
            `(HTTP ${status}${detail ? ` ${detail}` : ''}): check the API key; not retried`);
        this.status = status;
    }
}
/** The account is out of money or quota (OpenAI `insufficient_quota`, Anthropic credit balance or billing errors). */
class ModelSpendLimitError extends ModelError {
    name = 'ModelSpendLimitError';
    [_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .USER_ERROR */ .v] = true;
    status;
    constructor(provider, status, detail) {
        super(provider, `spend limit reached for ${provider} (HTTP ${status}${detail ? ` ${detail}` : ''}): ` +
            'not retried; raise the limit or add credit');
        this.status = status;
    }
}
class ModelRequestError extends ModelError {
    name = 'ModelRequestError';
    reason;
    /** HTTP status of the last attempt, when there was a response. */
    status;
    /** Attempts made, the first included. */
    attempts;
    /**
     * The last low-level error (a fetch `TypeError`, a timeout). Deliberately not `cause`: the AI SDK
     * re-wraps any error whose `cause` chain holds a network error code, which would hide this class.
     */
    lastError;
    /** Body of the last error response (truncated to 4 000 characters), e.g. to spot "prompt is too long". */
    responseBody;
    constructor(provider, message, details) {
        super(provider, message);
        this.reason = details.reason;
        this.status = details.status;
        this.attempts = details.attempts;
        this.lastError = details.lastError;
        this.responseBody = details.responseBody?.slice(0, 4000);
    }
}
/** The first {@link ModelError} in `error` or its `cause` chain (the AI SDK may wrap errors), else undefined. */
function findModelError(error) {
    const seen = new Set();
    let current = error;
    while (current instanceof Error && !seen.has(current)) {
        if (current instanceof ModelError)
            return current;
        seen.add(current);
        current = current.cause;
    }
    return undefined;
}


/***/ })

};
