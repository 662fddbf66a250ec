export const id = 5012;
export const ids = [5012,963,4759];
export const modules = {

/***/ 91039:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ED: () => (/* binding */ TranscriptWriter),
/* harmony export */   ip: () => (/* binding */ recordedCalls),
/* harmony export */   kU: () => (/* binding */ truncateMiddle),
/* harmony export */   lb: () => (/* binding */ readTranscript)
/* harmony export */ });
/* unused harmony exports TRANSCRIPT_RESULT_CHARS, RecordedToolCall, TranscriptCall, TranscriptEvent */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(80737);



/** Tool results are kept in the transcript up to this many characters (head and tail). */
const TRANSCRIPT_RESULT_CHARS = 4_000;
const RecordedToolCall = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), input: zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J() }).strict();
const TokenUsage = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    inputTokens: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig(),
    outputTokens: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig(),
    cacheReadTokens: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig(),
    cacheWriteTokens: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig(),
})
    .strict();
/** One model call: what was asked (summarised), what came back, what the tools answered. */
const TranscriptCall = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    type: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('call'),
    agent: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    step: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().nonnegative(),
    at: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    request: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ messages: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int(), tools: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()), tokenEstimate: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int() })
        .strict(),
    response: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        text: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        toolCalls: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(RecordedToolCall),
        finishReason: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    })
        .strict(),
    toolResults: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), output: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), truncated: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY() }).strict()),
    usage: TokenUsage,
    durationMs: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig(),
})
    .strict();
const TranscriptEvent = zod__WEBPACK_IMPORTED_MODULE_2__/* .discriminatedUnion */ .gMt('type', [
    zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        type: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('start'),
        agent: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        stage: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        model: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        tools: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()),
        at: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    })
        .strict(),
    TranscriptCall,
    zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        type: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('end'),
        agent: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        status: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        stopReason: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().nullable(),
        turns: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int(),
        at: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    })
        .strict(),
]);
/**
 * Appends transcript events to a JSONL file as they happen, so a crash still leaves the calls made
 * so far. `redact` runs over each line first: transcripts are uploaded as artifacts, which more
 * people can read than the job's log, and a command's output may carry a credential.
 */
class TranscriptWriter {
    file;
    #redact;
    constructor(file, redact = (line) => line) {
        this.file = file;
        this.#redact = redact;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file), { recursive: true });
    }
    write(event) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(this.file, `${this.#redact(JSON.stringify(event))}\n`);
    }
}
// A middle cut, which util/text.ts has no counterpart for: a tool's output keeps its start and its end.
function truncateMiddle(text, max = TRANSCRIPT_RESULT_CHARS) {
    if (text.length <= max)
        return { text, truncated: false };
    const head = Math.floor(max / 2);
    return {
        text: `${text.slice(0, head)}\n[… ${text.length - max} characters ` +
            `omitted …]\n${text.slice(text.length - (max - head))}`,
        truncated: true,
    };
}
/** Reads a transcript back, validating every line; the error names the file and the line. */
function readTranscript(file) {
    const events = [];
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
        if (line.trim() === '')
            return;
        let value;
        try {
            value = JSON.parse(line);
        }
        catch {
            throw new Error(`${file}:${i + 1}: not valid JSON`);
        }
        const parsed = TranscriptEvent.safeParse(value);
        if (!parsed.success)
            throw new Error(`${file}:${i + 1}: not a transcript event (${parsed.error.issues[0]?.message ?? 'invalid'})`);
        events.push(parsed.data);
    });
    return events;
}
/** The model calls of one agent in a transcript, in order: what a replay feeds the loop instead of a model. */
function recordedCalls(events, agent) {
    return events.filter((e) => e.type === 'call' && (agent === undefined || e.agent === agent));
}


/***/ }),

/***/ 40963:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ARTIFACTS: () => (/* binding */ ARTIFACTS),
/* harmony export */   artifactOfAgent: () => (/* binding */ artifactOfAgent),
/* harmony export */   producerOfArtifact: () => (/* binding */ producerOfArtifact)
/* harmony export */ });
/* harmony import */ var _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66811);
/**
 * Artifact names, derived from the contracts' document table (`DOCUMENTS[*].artifact`): the same
 * locally (folders of a run directory) and on GitHub (artifacts of a workflow run), so that a
 * downloaded GitHub run is a run directory too.
 */

const fill = (pattern, placeholder, value) => pattern.replace(`<${placeholder}>`, value);
const ARTIFACTS = {
    plan: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.plan.artifact,
    code: (taskId) => fill(_contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.task.artifact, 'task', taskId),
    test: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.test.artifact,
    review: (lens) => fill(_contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.review.artifact, 'lens', lens),
    docs: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.docs.artifact,
    /** A fix round's artifact; the round's re-test and re-review are a run directory inside it. */
    fix: (round) => fill(_contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.fix.artifact, 'round', String(round)),
    /** A follow-up run's trigger and starting state (written before its fix job). */
    followUp: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS['follow-up'].artifact,
    publish: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.publish.artifact,
};
/** `ensemble-code-<task>` → /^ensemble-code-.+$/ */
function patternOf(artifact) {
    const literal = artifact.replace(/<[a-z]+>/, '\u0000').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`^${literal.replace('\u0000', '.+')}$`);
}
const PRODUCERS = Object.values(_contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS).map((d) => ({ pattern: patternOf(d.artifact), producer: d.producer }));
/** The stage that writes an artifact, from its name (`ensemble-code-api` → `code`); null when no stage does. */
function producerOfArtifact(name) {
    return PRODUCERS.find((p) => p.pattern.test(name))?.producer ?? null;
}
/** The artifact an agent's transcript belongs to: `code:api` → `ensemble-code-api`, `plan` → `ensemble-plan`. */
function artifactOfAgent(agent) {
    const [stage, name] = agent.split(':', 2);
    if (stage === 'code' && name)
        return ARTIFACTS.code(name);
    if (stage === 'review' && name)
        return ARTIFACTS.review(name);
    if (stage === 'fix' && name && /^[1-9][0-9]*$/.test(name))
        return ARTIFACTS.fix(Number(name));
    if (stage === 'plan' || stage === 'test' || stage === 'docs')
        return ARTIFACTS[stage];
    throw new Error(`no artifact for agent "${agent}"`);
}


/***/ }),

/***/ 5012:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RunDirectory: () => (/* binding */ RunDirectory)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _agent_transcript_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91039);
/* harmony import */ var _contracts_read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(54759);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(99661);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(40963);






/**
 * A run directory: `<repo>/.ensemble/runs/<run-id>/` with one folder per artifact under
 * `artifacts/`, laid out exactly as the artifacts a GitHub run uploads, so that a downloaded
 * GitHub run is a run directory too. Documents are validated when read back.
 */
class RunDirectory {
    dir;
    runId;
    constructor(dir) {
        this.dir = dir;
        this.runId = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(dir);
    }
    /** Creates `<repo>/.ensemble/runs/<runId>/`; `.ensemble/` ignores itself so the repository stays clean. */
    static create(repoDir, runId) {
        const root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(repoDir, '.ensemble');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, 'runs', runId, 'artifacts'), { recursive: true });
        const ignore = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, '.gitignore');
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(ignore))
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(ignore, '# ensemble run directories: artifacts, transcripts, PR drafts\n*\n');
        return new RunDirectory((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, 'runs', runId));
    }
    /** A run directory at any path (the Actions runtime keeps one under RUNNER_TEMP). */
    static at(dir) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'artifacts'), { recursive: true });
        return new RunDirectory((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(dir));
    }
    /** Opens an existing run directory: one made by `ensemble run`, or a GitHub run's downloaded artifacts. */
    static open(dir) {
        const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(dir);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(full))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`run directory ${dir} does not exist`);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(full, 'artifacts'))) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${dir} is not a run directory: it has no artifacts/ folder ` +
                '(expected artifacts/ensemble-plan/plan.json and the rest)');
        }
        return new RunDirectory(full);
    }
    /**
     * Fix round `round`'s view: the run directory inside its artifact (`ensemble-fix-<round>/`),
     * where the round's re-test and re-review write their artifacts as a run's first pass writes its
     * own. A GitHub job uploads the round as one artifact; the first pass's artifacts stay untouched.
     */
    round(round) {
        return RunDirectory.at((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, 'artifacts', _names_js__WEBPACK_IMPORTED_MODULE_5__.ARTIFACTS.fix(round)));
    }
    /** The fix rounds this run directory holds a fix document for, in order (1, 2, …). */
    rounds() {
        const prefix = _names_js__WEBPACK_IMPORTED_MODULE_5__.ARTIFACTS.fix(0).slice(0, -1);
        return this.artifacts()
            .filter((name) => name.startsWith(prefix) && /^[1-9][0-9]*$/.test(name.slice(prefix.length)))
            .map((name) => Number(name.slice(prefix.length)))
            .filter((round) => this.hasArtifact(_names_js__WEBPACK_IMPORTED_MODULE_5__.ARTIFACTS.fix(round), 'fix.json'))
            .sort((a, b) => a - b);
    }
    /**
     * Fix round `round`'s documents: its fix and patch, and, when it was re-tested, the re-test with
     * the change after it and the re-review. Validated like every document.
     */
    fixRound(round) {
        const { document, patch } = this.fix(round);
        const state = this.round(round);
        const test = state.hasArtifact(_names_js__WEBPACK_IMPORTED_MODULE_5__.ARTIFACTS.test, 'test.json')
            ? state.readDocument('test', _names_js__WEBPACK_IMPORTED_MODULE_5__.ARTIFACTS.test, 'test.json')
            : null;
        const change = state.readText(_names_js__WEBPACK_IMPORTED_MODULE_5__.ARTIFACTS.test, 'change.patch');
        // A re-test that ended in an error did not test the round's change: the change before it stands.
        if (test === null || test.status === 'error' || change === null)
            return { document, patch, test: null, reviews: [] };
        return { document, patch, test: { document: test, change }, reviews: state.reviews() };
    }
    /** Fix round `round`'s fix: `ensemble-fix-<round>/fix.json` and `fix.patch`. */
    fix(round) {
        const name = _names_js__WEBPACK_IMPORTED_MODULE_5__.ARTIFACTS.fix(round);
        return { document: this.readDocument('fix', name, 'fix.json'), patch: this.readText(name, 'fix.patch') ?? '' };
    }
    /**
     * Every `ensemble-review-<lens>/review.json`, in the order of the artifacts' names. A folder
     * without one is a lens that wrote none (a failed job's download left the folder only).
     */
    reviews() {
        const prefix = _names_js__WEBPACK_IMPORTED_MODULE_5__.ARTIFACTS.review('');
        return this.artifacts()
            .filter((name) => name.startsWith(prefix) && this.hasArtifact(name, 'review.json'))
            .map((name) => this.readDocument('review', name, 'review.json'));
    }
    artifactDir(name) {
        const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, 'artifacts', name);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true });
        return dir;
    }
    artifactPath(name, file) {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, 'artifacts', name, file);
    }
    writeDocument(name, file, document) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.artifactDir(name), file);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, `${JSON.stringify(document, null, 2)}\n`);
        return path;
    }
    writeText(name, file, text) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.artifactDir(name), file);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, text);
        return path;
    }
    /** A task's result: `ensemble-code-<task>/task.json` and `task.patch`. Returns the files written. */
    writeTask(result) {
        const name = _names_js__WEBPACK_IMPORTED_MODULE_5__.ARTIFACTS.code(result.document.taskId);
        return [this.writeDocument(name, 'task.json', result.document), this.writeText(name, 'task.patch', result.patch)];
    }
    /** The test stage's result: `ensemble-test/test.json` and the integrated `change.patch`. */
    writeTest(result) {
        return [
            this.writeDocument(_names_js__WEBPACK_IMPORTED_MODULE_5__.ARTIFACTS.test, 'test.json', result.document),
            this.writeText(_names_js__WEBPACK_IMPORTED_MODULE_5__.ARTIFACTS.test, 'change.patch', result.patch),
        ];
    }
    /** A fix round's result: `ensemble-fix-<round>/fix.json` and `fix.patch`. */
    writeFix(result) {
        const name = _names_js__WEBPACK_IMPORTED_MODULE_5__.ARTIFACTS.fix(result.document.round);
        return [this.writeDocument(name, 'fix.json', result.document), this.writeText(name, 'fix.patch', result.patch)];
    }
    /** One `ensemble-review-<lens>/review.json` per lens. */
    writeReviews(reviews) {
        return reviews.map((review) => this.writeDocument(_names_js__WEBPACK_IMPORTED_MODULE_5__.ARTIFACTS.review(review.lens), 'review.json', review));
    }
    /** The docs stage's result: `ensemble-docs/docs.json` and `docs.patch`. */
    writeDocs(result) {
        return [
            this.writeDocument(_names_js__WEBPACK_IMPORTED_MODULE_5__.ARTIFACTS.docs, 'docs.json', result.document),
            this.writeText(_names_js__WEBPACK_IMPORTED_MODULE_5__.ARTIFACTS.docs, 'docs.patch', result.patch),
        ];
    }
    /**
     * The local publisher's result: `ensemble-publish/publish.json`, and `pr.md` and `review.md`
     * beside the artifacts.
     */
    writePublished(published) {
        const prFile = this.writeRunFile('pr.md', published.prBody);
        const reviewFile = published.reviewBody ? this.writeRunFile('review.md', published.reviewBody) : null;
        const written = [
            this.writeDocument(_names_js__WEBPACK_IMPORTED_MODULE_5__.ARTIFACTS.publish, 'publish.json', published.document),
            prFile,
            ...(reviewFile ? [reviewFile] : []),
        ];
        return { written, prFile, reviewFile };
    }
    /** A file beside the artifacts (`pr.md`, `review.md`, `summary.json`). */
    writeRunFile(file, text) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, file);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, text);
        return path;
    }
    hasArtifact(name, file) {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(this.artifactPath(name, file));
    }
    /** Reads and validates a document; the error names the artifact, the file, the JSON path and the producer. */
    readDocument(kind, name, file) {
        const path = this.artifactPath(name, file);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(process.cwd(), path) || path} is missing: the run directory has no ${name} artifact`);
        return (0,_contracts_read_js__WEBPACK_IMPORTED_MODULE_3__.parseDocumentText)(kind, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'), { artifact: name, file: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(this.dir, path) });
    }
    readText(name, file) {
        const path = this.artifactPath(name, file);
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8') : null;
    }
    /** Artifact names present, sorted. */
    artifacts() {
        const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, 'artifacts');
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir).sort() : [];
    }
    /** Starts an artifact's transcript afresh: a re-run of its stage must not mix with the earlier attempt. */
    resetTranscript(name) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, 'artifacts', name, 'transcript.jsonl'), { force: true });
    }
    transcript(agent, redact) {
        return new _agent_transcript_js__WEBPACK_IMPORTED_MODULE_2__/* .TranscriptWriter */ .ED((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.artifactDir((0,_names_js__WEBPACK_IMPORTED_MODULE_5__.artifactOfAgent)(agent)), 'transcript.jsonl'), redact);
    }
}


/***/ }),

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


/***/ })

};
