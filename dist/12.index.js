export const id = 12;
export const ids = [12];
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

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G4: () => (/* binding */ producerOfArtifact),
/* harmony export */   nc: () => (/* binding */ artifactOfAgent),
/* harmony export */   ym: () => (/* binding */ ARTIFACTS)
/* harmony export */ });
/* harmony import */ var _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88456);
/**
 * Artifact names, derived from the contracts' document table (`DOCUMENTS[*].artifact`): the same
 * locally (folders of a run directory) and on GitHub (artifacts of a workflow run), so that a
 * downloaded GitHub run is a run directory too.
 */

const fill = (pattern, placeholder, value) => pattern.replace(`<${placeholder}>`, value);
const ARTIFACTS = {
    plan: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCUMENTS */ .f.plan.artifact,
    code: (taskId) => fill(_contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCUMENTS */ .f.task.artifact, 'task', taskId),
    test: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCUMENTS */ .f.test.artifact,
    review: (lens) => fill(_contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCUMENTS */ .f.review.artifact, 'lens', lens),
    docs: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCUMENTS */ .f.docs.artifact,
    /** A fix round's artifact; the round's re-test and re-review are a run directory inside it. */
    fix: (round) => fill(_contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCUMENTS */ .f.fix.artifact, 'round', String(round)),
    publish: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCUMENTS */ .f.publish.artifact,
};
/** `ensemble-code-<task>` → /^ensemble-code-.+$/ */
function patternOf(artifact) {
    const literal = artifact.replace(/<[a-z]+>/, '\u0000').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`^${literal.replace('\u0000', '.+')}$`);
}
const PRODUCERS = Object.values(_contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCUMENTS */ .f).map((d) => ({ pattern: patternOf(d.artifact), producer: d.producer }));
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
/* harmony export */   d: () => (/* binding */ RunDirectory)
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
        return RunDirectory.at((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, 'artifacts', _names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.fix(round)));
    }
    /** The fix rounds this run directory holds a fix document for, in order (1, 2, …). */
    rounds() {
        const prefix = _names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.fix(0).slice(0, -1);
        return this.artifacts()
            .filter((name) => name.startsWith(prefix) && /^[1-9][0-9]*$/.test(name.slice(prefix.length)))
            .map((name) => Number(name.slice(prefix.length)))
            .filter((round) => this.hasArtifact(_names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.fix(round), 'fix.json'))
            .sort((a, b) => a - b);
    }
    /**
     * Fix round `round`'s documents: its fix and patch, and, when it was re-tested without an error,
     * the re-test with the change after it and the re-review. Validated like every document.
     */
    fixRound(round) {
        const name = _names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.fix(round);
        const document = this.readDocument('fix', name, 'fix.json');
        const patch = this.readText(name, 'fix.patch') ?? '';
        const state = this.round(round);
        const test = state.hasArtifact(_names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.test, 'test.json')
            ? state.readDocument('test', _names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.test, 'test.json')
            : null;
        const change = state.readText(_names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.test, 'change.patch');
        // A re-test that ended in an error did not test the round's change: the change before it stands.
        if (test === null || test.status === 'error' || change === null)
            return { document, patch, test: null, reviews: [] };
        const prefix = _names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.review('');
        const reviews = state
            .artifacts()
            .filter((artifact) => artifact.startsWith(prefix))
            .map((artifact) => state.readDocument('review', artifact, 'review.json'));
        return { document, patch, test: { document: test, change }, reviews };
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
        const name = _names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.code(result.document.taskId);
        return [this.writeDocument(name, 'task.json', result.document), this.writeText(name, 'task.patch', result.patch)];
    }
    /** The test stage's result: `ensemble-test/test.json` and the integrated `change.patch`. */
    writeTest(result) {
        return [
            this.writeDocument(_names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.test, 'test.json', result.document),
            this.writeText(_names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.test, 'change.patch', result.patch),
        ];
    }
    /** A fix round's result: `ensemble-fix-<round>/fix.json` and `fix.patch`. */
    writeFix(result) {
        const name = _names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.fix(result.document.round);
        return [this.writeDocument(name, 'fix.json', result.document), this.writeText(name, 'fix.patch', result.patch)];
    }
    /** One `ensemble-review-<lens>/review.json` per lens. */
    writeReviews(reviews) {
        return reviews.map((review) => this.writeDocument(_names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.review(review.lens), 'review.json', review));
    }
    /** The docs stage's result: `ensemble-docs/docs.json` and `docs.patch`. */
    writeDocs(result) {
        return [
            this.writeDocument(_names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.docs, 'docs.json', result.document),
            this.writeText(_names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.docs, 'docs.patch', result.patch),
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
            this.writeDocument(_names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.publish, 'publish.json', published.document),
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
        return (0,_contracts_read_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDocumentText */ .gk)(kind, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'), { artifact: name, file: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(this.dir, path) });
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
        return new _agent_transcript_js__WEBPACK_IMPORTED_MODULE_2__/* .TranscriptWriter */ .ED((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.artifactDir((0,_names_js__WEBPACK_IMPORTED_MODULE_5__/* .artifactOfAgent */ .nc)(agent)), 'transcript.jsonl'), redact);
    }
}


/***/ }),

/***/ 5232:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ DocsBody),
/* harmony export */   x: () => (/* binding */ DocsDocument)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80737);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60574);


/** What the documentation agent submits; "no-change" with its reason in the summary is a valid outcome. */
const DocsBody = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    status: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['updated', 'no-change', 'failed']),
    summary: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000),
})
    .strict();
const DocsDocument = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .envelope */ .RE)('ensemble.docs/v1', DocsBody.extend({ filesChanged: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoPath */ .UA).max(1_000) }));


/***/ }),

/***/ 88456:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f: () => (/* binding */ DOCUMENTS)
});

// UNUSED EXPORTS: DOCUMENT_NAMES

// EXTERNAL MODULE: ./lib/contracts/docs.js
var docs = __webpack_require__(5232);
// EXTERNAL MODULE: ./lib/contracts/fix.js
var fix = __webpack_require__(25340);
// EXTERNAL MODULE: ./lib/contracts/plan.js
var plan = __webpack_require__(64980);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 1 modules
var schemas = __webpack_require__(80737);
// EXTERNAL MODULE: ./lib/contracts/common.js
var common = __webpack_require__(60574);
;// CONCATENATED MODULE: ./lib/contracts/publish.js


const PublishedCommit = schemas/* object */.Ikc({
    sha: common/* GitSha */.p$,
    stage: schemas/* enum */.k5n(['code', 'test', 'fix', 'docs']),
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
var review = __webpack_require__(88935);
// EXTERNAL MODULE: ./lib/contracts/task.js
var task = __webpack_require__(65090);
// EXTERNAL MODULE: ./lib/contracts/test-report.js
var test_report = __webpack_require__(22402);
;// CONCATENATED MODULE: ./lib/contracts/documents.js







/** Every artifact document ensemble hands from one stage to the next. */
const DOCUMENTS = {
    plan: {
        kind: 'plan',
        version: 1,
        producer: 'plan',
        file: 'plan.json',
        artifact: 'ensemble-plan',
        schema: plan/* PlanDocument */.t3,
    },
    task: {
        kind: 'task',
        version: 1,
        producer: 'code',
        file: 'task.json',
        artifact: 'ensemble-code-<task>',
        schema: task/* TaskDocument */.LR,
    },
    test: {
        kind: 'test',
        version: 1,
        producer: 'test',
        file: 'test.json',
        artifact: 'ensemble-test',
        schema: test_report/* TestDocument */.Wk,
    },
    review: {
        kind: 'review',
        version: 1,
        producer: 'review',
        file: 'review.json',
        artifact: 'ensemble-review-<lens>',
        schema: review/* ReviewDocument */.CA,
    },
    docs: {
        kind: 'docs',
        version: 1,
        producer: 'docs',
        file: 'docs.json',
        artifact: 'ensemble-docs',
        schema: docs/* DocsDocument */.x,
    },
    fix: {
        kind: 'fix',
        version: 1,
        producer: 'fix',
        file: 'fix.json',
        artifact: 'ensemble-fix-<round>',
        schema: fix/* FixDocument */.LL,
    },
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


/***/ }),

/***/ 25340:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LL: () => (/* binding */ FixDocument),
/* harmony export */   m4: () => (/* binding */ FixBody)
/* harmony export */ });
/* unused harmony export FixFinding */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(80737);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60574);
/* harmony import */ var _review_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(88935);
/* harmony import */ var _task_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65090);




/** A finding as the fix agent was given it: enough to say in the PR what a round addressed. */
const FixFinding = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    id: _review_js__WEBPACK_IMPORTED_MODULE_1__/* .FindingId */ .VJ,
    /** The review lens that found it; `human` for a person's review comment or instructions. */
    source: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a lens name or "human"'),
    severity: _review_js__WEBPACK_IMPORTED_MODULE_1__/* .Severity */ .AI,
    path: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoPath */ .UA.nullable(),
    line: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().int().positive().nullable(),
    title: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(300),
})
    .strict();
/** What the fix agent submits: the same shape as a coding agent's report. */
const FixBody = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    status: _task_js__WEBPACK_IMPORTED_MODULE_2__/* .TaskStatus */ .e1,
    summary: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000),
    commitMessage: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(5_000),
})
    .strict();
/**
 * One fix round: the findings the fix agent was given and what it did about them. `fix.patch`
 * beside it is its change on top of the change it was given (the round before's `change.patch`).
 */
const FixDocument = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .envelope */ .RE)('ensemble.fix/v1', FixBody.extend({
    round: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().int().min(1).max(20),
    findings: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(FixFinding).max(200),
    instructions: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()
        .max(20_000)
        .nullable()
        .default(null)
        .describe("A person's instructions for this round (`ensemble fix --instructions`), if any"),
    filesChanged: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoPath */ .UA).max(10_000),
    commands: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(_task_js__WEBPACK_IMPORTED_MODULE_2__/* .CommandRecord */ .hT).max(1_000),
    stopReason: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()
        .max(2_000)
        .nullable()
        .default(null)
        .describe('Why the agent stopped early (budget, error), if it did'),
}));


/***/ }),

/***/ 64980:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yq: () => (/* binding */ PlanBody),
/* harmony export */   t3: () => (/* binding */ PlanDocument)
/* harmony export */ });
/* unused harmony exports MAX_PLAN_TASKS, PlanTask, RequestSnapshot */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80737);
/* harmony import */ var _plan_graph_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18703);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60574);



/** GitHub caps a job output at 1 MB and a matrix at 256 legs; the config's own task limit sits far below. */
const MAX_PLAN_TASKS = 256;
const PlanTask = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .TaskId */ .LD,
    title: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(200),
    description: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000),
    acceptanceCriteria: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(2_000))
        .min(1, 'every task needs at least one acceptance criterion')
        .max(50),
    files: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoPath */ .UA).max(500).describe('Files this task owns: it may create, edit or delete them.'),
    reads: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoPath */ .UA).max(500).default([]).describe('Files this task may read for context.'),
    dependsOn: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .TaskId */ .LD).max(MAX_PLAN_TASKS).default([]),
})
    .strict();
/** What the planning agent submits. */
const PlanBody = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    summary: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000),
    tasks: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(PlanTask).min(1, 'a plan needs at least one task').max(MAX_PLAN_TASKS),
    testStrategy: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000),
    risks: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(2_000)).max(50).default([]),
})
    .strict()
    .superRefine((plan, ctx) => {
    const seen = new Map();
    plan.tasks.forEach((task, i) => {
        const first = seen.get(task.id);
        if (first !== undefined) {
            ctx.addIssue({
                code: 'custom',
                path: ['tasks', i, 'id'],
                message: `duplicate task id "${task.id}" (also tasks[${first}])`,
            });
        }
        else {
            seen.set(task.id, i);
        }
    });
    plan.tasks.forEach((task, i) => {
        task.dependsOn.forEach((dep, j) => {
            if (dep === task.id) {
                ctx.addIssue({
                    code: 'custom',
                    path: ['tasks', i, 'dependsOn', j],
                    message: `task "${task.id}" depends on itself`,
                });
            }
            else if (!seen.has(dep)) {
                ctx.addIssue({ code: 'custom', path: ['tasks', i, 'dependsOn', j], message: `unknown task id "${dep}"` });
            }
        });
    });
    // A self-dependency is already reported above, with a clearer message than "a -> a".
    const cycle = (0,_plan_graph_js__WEBPACK_IMPORTED_MODULE_2__/* .findDependencyCycle */ .F1)(plan.tasks.map((t) => ({ id: t.id, dependsOn: t.dependsOn.filter((dep) => dep !== t.id) })));
    if (cycle) {
        ctx.addIssue({ code: 'custom', path: ['tasks'], message: `dependency cycle: ${cycle.join(' -> ')}` });
    }
});
/**
 * The request the run works on, snapshotted once when the plan is made (hidden content already
 * stripped) so that later stages never read the live issue, which anyone may edit.
 */
const RequestSnapshot = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    source: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['issue', 'prompt']),
    issue: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().positive().nullable(),
    title: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(1_000),
    body: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(262_144),
    author: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    comments: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ author: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), body: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(65_536), createdAt: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() }).strict())
        .max(100)
        .default([]),
    hash: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .Sha256Hex */ .P,
})
    .strict()
    .refine((r) => (r.source === 'issue') === (r.issue !== null), {
    message: 'an issue request needs its issue number, and a prompt request has none',
    path: ['issue'],
});
const PlanDocument = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .envelope */ .RE)('ensemble.plan/v1', PlanBody.extend({ request: RequestSnapshot })).refine((doc) => doc.request.issue === doc.run.issue, { message: 'the request snapshot is of another issue than the run', path: ['request', 'issue'] });


/***/ }),

/***/ 54759:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GT: () => (/* binding */ zodProblems),
/* harmony export */   Vl: () => (/* binding */ ContractError),
/* harmony export */   gk: () => (/* binding */ parseDocumentText)
/* harmony export */ });
/* unused harmony exports jsonPath, parseDocument */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);
/* harmony import */ var _documents_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(88456);


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
const SCHEMA_ID = /^ensemble\.([a-z]+)\/v(\d+)$/;
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
    const kind = _documents_js__WEBPACK_IMPORTED_MODULE_1__/* .DOCUMENTS */ .f[name];
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
        const kind = _documents_js__WEBPACK_IMPORTED_MODULE_1__/* .DOCUMENTS */ .f[name];
        const where = [source.artifact ?? kind.artifact, source.file].filter(Boolean).join(': ');
        throw new ContractError(where, kind.producer, [{ path: '$', message: `not valid JSON (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)})` }], `The file is corrupt or truncated; re-run the ${kind.producer} stage.`);
    }
    return parseDocument(name, value, source);
}


/***/ }),

/***/ 88935:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AI: () => (/* binding */ Severity),
/* harmony export */   B: () => (/* binding */ SEVERITY_ORDER),
/* harmony export */   CA: () => (/* binding */ ReviewDocument),
/* harmony export */   DX: () => (/* binding */ ReviewBody),
/* harmony export */   VJ: () => (/* binding */ FindingId),
/* harmony export */   Y: () => (/* binding */ Verdict),
/* harmony export */   du: () => (/* binding */ isAtLeast)
/* harmony export */ });
/* unused harmony exports Finding, CriterionCheck */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80737);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60574);


const Severity = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['critical', 'high', 'medium', 'low', 'nit']);
/** Most severe first; a finding blocks when it is at least as severe as the configured level. */
const SEVERITY_ORDER = Severity.options;
function isAtLeast(severity, threshold) {
    return SEVERITY_ORDER.indexOf(severity) <= SEVERITY_ORDER.indexOf(threshold);
}
const Verdict = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['approve', 'comment', 'request-changes']);
/**
 * A finding's stable id: the same problem keeps it across fix rounds and runs (a re-review that
 * finds an open finding again reports it with its id), so that a settled finding is never posted
 * again and a round that fixed nothing is recognised.
 */
const FindingId = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^F[0-9a-f]{10}$/, 'must be "F" and 10 lowercase hex digits');
const Finding = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: FindingId.nullable()
        .default(null)
        .describe('The id of an open finding you were given, when this is that finding again; else null'),
    path: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoPath */ .UA,
    line: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
        .int()
        .positive()
        .nullable()
        .describe('Line in the new file; null when the quote maps to no changed line'),
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

/***/ 65090:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ep: () => (/* binding */ TaskBody),
/* harmony export */   LR: () => (/* binding */ TaskDocument),
/* harmony export */   e1: () => (/* binding */ TaskStatus),
/* harmony export */   hT: () => (/* binding */ CommandRecord)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80737);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60574);


const TaskStatus = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['done', 'failed', 'no-change']);
const CommandRecord = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    command: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).max(10_000),
    exitCode: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nullable().describe('null when the command was killed (timeout or signal)'),
})
    .strict();
/** What a coding agent submits. */
const TaskBody = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    status: TaskStatus,
    summary: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000),
    commitMessage: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(5_000),
})
    .strict();
const TaskDocument = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .envelope */ .RE)('ensemble.task/v1', TaskBody.extend({
    taskId: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .TaskId */ .LD,
    filesChanged: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoPath */ .UA).max(10_000),
    commands: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(CommandRecord).max(1_000),
    stopReason: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .max(2_000)
        .nullable()
        .default(null)
        .describe('Why the agent stopped early (budget, error), if it did'),
}));


/***/ }),

/***/ 22402:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wk: () => (/* binding */ TestDocument),
/* harmony export */   lo: () => (/* binding */ TestBody),
/* harmony export */   mK: () => (/* binding */ IntegrationResult)
/* harmony export */ });
/* unused harmony export TestFailure */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80737);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60574);


const IntegrationResult = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    taskId: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .TaskId */ .LD,
    result: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['applied', 'conflicted', 'resolved', 'skipped']),
    conflictingFiles: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoPath */ .UA).default([]),
    detail: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(5_000).default(''),
})
    .strict();
const TestFailure = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    name: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(1_000),
    excerpt: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(10_000),
    atBase: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()
        .nullable()
        .describe('true: also fails at the base SHA; false: the change introduced it; null: not checked'),
})
    .strict();
const Count = zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative().nullable().describe('null when the output did not say');
/** What the testing agent submits. */
const TestBody = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    summary: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000),
    testsAdded: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoPath */ .UA).max(1_000).default([]),
})
    .strict();
const TestDocument = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .envelope */ .RE)('ensemble.test/v1', TestBody.extend({
    status: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['passed', 'failed', 'no-tests', 'error']),
    command: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(10_000).nullable(),
    exitCode: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nullable(),
    passed: Count,
    failed: Count,
    failures: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(TestFailure).max(200),
    integration: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(IntegrationResult).max(256),
    fixAttempts: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
}));


/***/ }),

/***/ 18703:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F1: () => (/* binding */ findDependencyCycle),
/* harmony export */   O6: () => (/* binding */ reaches),
/* harmony export */   g0: () => (/* binding */ dependencyWaves),
/* harmony export */   g1: () => (/* binding */ dependencyOrder),
/* harmony export */   m0: () => (/* binding */ dependencyGroups),
/* harmony export */   wh: () => (/* binding */ integrationSequence)
/* harmony export */ });
/**
 * The plan's task graph: every walk over `dependsOn` lives here (ordering, waves, groups, cycles,
 * reachability), so that the plan contract, the planner's checks, the integration order and both
 * runtimes' schedulers agree on one reading of it.
 */
/**
 * The plan's tasks in waves: each wave holds the tasks whose dependencies are all in earlier
 * waves, in plan order. The plan contract already refuses cycles and unknown ids.
 */
function dependencyWaves(tasks) {
    const done = new Set();
    const waves = [];
    let remaining = [...tasks];
    while (remaining.length > 0) {
        const wave = remaining.filter((t) => t.dependsOn.every((d) => done.has(d)));
        if (wave.length === 0)
            throw new Error(`the plan's dependencies cannot be ordered: ${remaining.map((t) => t.id).join(', ')}`);
        waves.push(wave.map((t) => t.id));
        for (const t of wave)
            done.add(t.id);
        remaining = remaining.filter((t) => !done.has(t.id));
    }
    return waves;
}
/** Every task id in an order where dependencies come first. */
function dependencyOrder(tasks) {
    return dependencyWaves(tasks).flat();
}
/**
 * The plan's tasks grouped by dependency: two tasks are in one group when a chain of
 * `dependsOn` links them. Each group lists its tasks in dependency order; groups come in plan
 * order. On GitHub each group is one matrix leg, so a task always starts from the patches of the
 * tasks it depends on.
 */
function dependencyGroups(tasks) {
    const parent = new Map(tasks.map((t) => [t.id, t.id]));
    const find = (id) => {
        let root = id;
        while (parent.get(root) !== root)
            root = parent.get(root) ?? root;
        parent.set(id, root);
        return root;
    };
    for (const task of tasks) {
        for (const dep of task.dependsOn)
            if (parent.has(dep))
                parent.set(find(task.id), find(dep));
    }
    const groups = new Map();
    for (const id of dependencyOrder(tasks)) {
        const root = find(id);
        groups.set(root, [...(groups.get(root) ?? []), id]);
    }
    const first = new Map(tasks.map((t, i) => [t.id, i]));
    return [...groups.values()].sort((a, b) => Math.min(...a.map((id) => first.get(id))) - Math.min(...b.map((id) => first.get(id))));
}
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
/** Whether `from` depends on `to`, directly or through other tasks. */
function reaches(tasks, from, to) {
    const dependsOn = new Map(tasks.map((t) => [t.id, t.dependsOn]));
    const seen = new Set();
    const walk = (id) => {
        if (seen.has(id))
            return false;
        seen.add(id);
        return (dependsOn.get(id) ?? []).some((d) => d === to || walk(d));
    };
    return walk(from);
}
/**
 * The order in which task patches are integrated: plan order, each task as soon as every task it
 * depends on is in, so a dependent task follows its dependencies as closely as the plan allows.
 * Dependencies outside the list and on the task itself are ignored; a cycle (which a valid plan
 * cannot have) is broken at the first task in plan order.
 */
function integrationSequence(tasks) {
    const ids = tasks.map((t) => t.id);
    const deps = new Map(tasks.map((t) => [t.id, t.dependsOn.filter((d) => d !== t.id && ids.includes(d))]));
    const done = new Set();
    const order = [];
    while (order.length < ids.length) {
        const ready = ids.find((id) => !done.has(id) && (deps.get(id) ?? []).every((d) => done.has(d)));
        const next = ready ?? ids.find((id) => !done.has(id));
        if (next === undefined)
            break;
        done.add(next);
        order.push(next);
    }
    return order;
}


/***/ })

};
