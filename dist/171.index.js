export const id = 171;
export const ids = [171];
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
/* harmony import */ var _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66811);
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
    /** A follow-up run's trigger and starting state (written before its fix job). */
    followUp: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCUMENTS */ .f['follow-up'].artifact,
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
     * Fix round `round`'s documents: its fix and patch, and, when it was re-tested, the re-test with
     * the change after it and the re-review. Validated like every document.
     */
    fixRound(round) {
        const { document, patch } = this.fix(round);
        const state = this.round(round);
        const test = state.hasArtifact(_names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.test, 'test.json')
            ? state.readDocument('test', _names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.test, 'test.json')
            : null;
        const change = state.readText(_names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.test, 'change.patch');
        // A re-test that ended in an error did not test the round's change: the change before it stands.
        if (test === null || test.status === 'error' || change === null)
            return { document, patch, test: null, reviews: [] };
        return { document, patch, test: { document: test, change }, reviews: state.reviews() };
    }
    /** Fix round `round`'s fix: `ensemble-fix-<round>/fix.json` and `fix.patch`. */
    fix(round) {
        const name = _names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.fix(round);
        return { document: this.readDocument('fix', name, 'fix.json'), patch: this.readText(name, 'fix.patch') ?? '' };
    }
    /**
     * Every `ensemble-review-<lens>/review.json`, in the order of the artifacts' names. A folder
     * without one is a lens that wrote none (a failed job's download left the folder only).
     */
    reviews() {
        const prefix = _names_js__WEBPACK_IMPORTED_MODULE_5__/* .ARTIFACTS */ .ym.review('');
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

/***/ 39214:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BJ: () => (/* binding */ ArtifactFileMissingError),
/* harmony export */   BU: () => (/* binding */ ArtifactMissingError),
/* harmony export */   dM: () => (/* binding */ ArtifactRefusedError)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);

/** An artifact a stage needs is not in the run. */
class ArtifactMissingError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'ArtifactMissingError';
    artifact;
    producer;
    constructor(artifact, producer, present) {
        const who = producer
            ? `it is uploaded by the ${producer} stage: check that stage's job in this run (did it fail, or was it skipped?)`
            : 'no ensemble stage uploads an artifact of that name';
        super(`artifact ${artifact} was not found in this workflow run; ${who}. ` +
            (present.length > 0 ? `This run has: ${present.join(', ')}.` : 'This run has no artifacts yet.'));
        this.artifact = artifact;
        this.producer = producer;
    }
}
/** An artifact of the run lacks a file its stage writes: made by another ensemble version, or cut short. */
class ArtifactFileMissingError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'ArtifactFileMissingError';
    artifact;
    file;
    constructor(artifact, file, producer, present) {
        super(`artifact ${artifact} has no ${file} (it holds: ${present.join(', ') || 'nothing'}); ` +
            `the ${producer} stage writes it: re-run that stage with this ensemble version.`);
        this.artifact = artifact;
        this.file = file;
    }
}
/**
 * An artifact that is not extracted: larger than the limits on what a download may unpack (a zip
 * that inflates far beyond its size), or holding an entry that is not a plain file inside it.
 */
class ArtifactRefusedError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'ArtifactRefusedError';
    artifact;
    constructor(artifact, why) {
        super(`artifact ${artifact} was not extracted: ${why}`);
        this.artifact = artifact;
    }
}


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

/***/ 29171:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fQ: () => (/* binding */ actionsGitHubLog),
  t: () => (/* binding */ actionsReporter),
  assertNoPersistedCredentials: () => (/* binding */ assertNoPersistedCredentials),
  jobArtifacts: () => (/* binding */ jobArtifacts),
  jobFromEnvironment: () => (/* binding */ jobFromEnvironment),
  jobRunDirectory: () => (/* binding */ jobRunDirectory),
  Qm: () => (/* binding */ runUrlOf)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/artifacts/run-directory.js
var run_directory = __webpack_require__(5012);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./lib/artifacts/names.js
var names = __webpack_require__(40963);
// EXTERNAL MODULE: ./lib/artifacts/store.js
var store = __webpack_require__(39214);
// EXTERNAL MODULE: ./lib/contracts/documents.js + 2 modules
var documents = __webpack_require__(66811);
// EXTERNAL MODULE: ./lib/contracts/read.js
var read = __webpack_require__(54759);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./lib/runtime/actions/zip.js
/**
 * Bounded extraction of an artifact's zip. `@actions/artifact` extracts as it downloads
 * (unzip-stream), writing whatever the archive inflates to: a 64 KiB zip of zeros becomes 64 MiB
 * on disk, and a few more make a runner's disk full. So the store downloads the zip as it is
 * (`skipDecompress`) and extracts it here, where every limit is checked before a byte is written:
 *
 * - the zip itself is at most {@link MAX_ARTIFACT_BYTES} (plus room for headers);
 * - at most {@link MAX_ARTIFACT_ENTRIES} entries;
 * - the sizes the central directory declares add up to at most {@link MAX_ARTIFACT_BYTES};
 * - each entry inflates to exactly its declared size (inflating stops one byte past it, so an
 *   entry that lies about its size is caught without inflating the rest), with its CRC-32;
 * - every entry is a file or directory under the destination: no absolute path, no `..`, no
 *   symbolic link, no encrypted or zip64 entry (the archives `@actions/artifact` writes have none).
 */




/**
 * Most bytes one artifact may unpack to: 32 times the default `limits.max-patch-bytes`. An
 * artifact holds one stage's documents, patches and transcripts (tool results are cut at 4,000
 * characters each), a few megabytes at most; publish refuses a patch over `max-patch-bytes` anyway.
 */
const MAX_ARTIFACT_BYTES = 32 * 1024 * 1024;
/** Most entries one artifact may hold: a stage writes a handful of files, a fix round a few dozen. */
const MAX_ARTIFACT_ENTRIES = 1_000;
const ARTIFACT_LIMITS = { maxBytes: MAX_ARTIFACT_BYTES, maxEntries: MAX_ARTIFACT_ENTRIES };
/** The largest zip worth reading for `limits`: its contents stored, plus headers for every entry. */
function maxZipBytes(limits) {
    return limits.maxBytes + limits.maxEntries * 1024 + 65_536;
}
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
function megabytes(bytes) {
    return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
/** The central directory's entries, with every limit that can be checked without inflating. */
function readDirectory(zip, artifact, limits) {
    const refuse = (why) => new store/* ArtifactRefusedError */.dM(artifact, why);
    let end = -1;
    for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
        if (zip.readUInt32LE(i) === 0x06054b50) {
            end = i;
            break;
        }
    }
    if (end < 0)
        throw refuse('the download is not a zip archive (no end-of-central-directory record)');
    const count = zip.readUInt16LE(end + 10);
    const directorySize = zip.readUInt32LE(end + 12);
    let offset = zip.readUInt32LE(end + 16);
    if (count === 0xffff || offset === 0xffffffff || (end >= 20 && zip.readUInt32LE(end - 20) === 0x07064b50)) {
        throw refuse('it is a zip64 archive, which ensemble never uploads');
    }
    if (count > limits.maxEntries) {
        throw refuse(`it holds ${count} entries, more than the limit of ${limits.maxEntries}`);
    }
    if (offset + directorySize > end)
        throw refuse('its zip is corrupt (the central directory overlaps its end)');
    const entries = [];
    let declared = 0;
    for (let n = 0; n < count; n++) {
        if (offset + 46 > end || zip.readUInt32LE(offset) !== 0x02014b50) {
            throw refuse(`its zip is corrupt (central directory entry ${n} is not where the directory says)`);
        }
        const nameLength = zip.readUInt16LE(offset + 28);
        const entry = {
            flags: zip.readUInt16LE(offset + 8),
            method: zip.readUInt16LE(offset + 10),
            crc: zip.readUInt32LE(offset + 16),
            compressedSize: zip.readUInt32LE(offset + 20),
            size: zip.readUInt32LE(offset + 24),
            localOffset: zip.readUInt32LE(offset + 42),
            mode: zip.readUInt32LE(offset + 38) >>> 16,
            name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
        };
        offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
        declared += entry.size;
        if (declared > limits.maxBytes) {
            throw refuse(`it would unpack to more than ${megabytes(limits.maxBytes)} (the limit on one artifact); ` +
                `its ${count} entries declare ${megabytes(declared)} or more`);
        }
        entries.push(entry);
    }
    return entries;
}
/** `name` as a path under `destDir`, or the reason it may not be written. */
function destination(destDir, name) {
    const clean = name.replace(/\/+$/, '');
    const normal = (0,external_node_path_.normalize)(clean);
    if (clean === '' || clean.includes('\\') || clean.includes('\0') || (0,external_node_path_.isAbsolute)(clean))
        return [name];
    if (normal === '..' || normal.startsWith(`..${external_node_path_.sep}`))
        return [name];
    const path = (0,external_node_path_.join)(destDir, normal);
    if ((0,external_node_path_.relative)(destDir, path).startsWith('..'))
        return [name];
    return path;
}
/**
 * Extracts `zip` (the artifact `artifact`) into `destDir`, checking every limit first (module
 * comment); returns the files written, `/`-separated. Throws `ArtifactRefusedError`, naming the
 * artifact and the limit, before writing anything when the directory breaks a limit, and stops at
 * the first entry that inflates to more than it declared.
 */
function extractZip(zip, destDir, artifact, limits = ARTIFACT_LIMITS) {
    const refuse = (why) => new store/* ArtifactRefusedError */.dM(artifact, why);
    if (zip.length > maxZipBytes(limits)) {
        throw refuse(`its zip is ${megabytes(zip.length)}, more than the limit of ${megabytes(limits.maxBytes)}`);
    }
    const entries = readDirectory(zip, artifact, limits);
    const planned = [];
    for (const entry of entries) {
        const path = destination(destDir, entry.name);
        if (typeof path !== 'string')
            throw refuse(`its entry ${JSON.stringify(entry.name)} is not a path inside it`);
        const type = entry.mode & S_IFMT;
        const directory = entry.name.endsWith('/') || type === S_IFDIR;
        if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
            throw refuse(`its entry ${JSON.stringify(entry.name)} is not a regular file (a symbolic link or device)`);
        }
        if (entry.flags & 0x1)
            throw refuse(`its entry ${JSON.stringify(entry.name)} is encrypted`);
        if (!directory && entry.method !== 0 && entry.method !== 8) {
            throw refuse(`its entry ${JSON.stringify(entry.name)} uses compression method ${entry.method}`);
        }
        planned.push({ entry, path, directory });
    }
    (0,external_node_fs_.mkdirSync)(destDir, { recursive: true });
    const files = [];
    for (const { entry, path, directory } of planned) {
        if (directory) {
            (0,external_node_fs_.mkdirSync)(path, { recursive: true });
            continue;
        }
        const local = entry.localOffset;
        if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) {
            throw refuse(`its zip is corrupt (the local header of ${JSON.stringify(entry.name)} is missing)`);
        }
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        if (start + entry.compressedSize > zip.length) {
            throw refuse(`its zip is corrupt (${JSON.stringify(entry.name)} runs past its end)`);
        }
        const data = zip.subarray(start, start + entry.compressedSize);
        let contents;
        if (entry.method === 0)
            contents = data;
        else {
            try {
                // One byte past the declared size is enough to know that the entry lied about it.
                contents = (0,external_node_zlib_.inflateRawSync)(data, { maxOutputLength: entry.size + 1 });
            }
            catch (error) {
                if (error.code !== 'ERR_BUFFER_TOO_LARGE') {
                    throw refuse(`its entry ${JSON.stringify(entry.name)} does not inflate: ${error.message}`);
                }
                contents = Buffer.alloc(entry.size + 1);
            }
        }
        if (contents.length > entry.size) {
            throw refuse(`its entry ${JSON.stringify(entry.name)} inflates to more than the ${entry.size} bytes it declares ` +
                '(a zip bomb, or a corrupt zip)');
        }
        if (contents.length < entry.size) {
            throw refuse(`its entry ${JSON.stringify(entry.name)} is shorter than it declares (a corrupt zip)`);
        }
        if ((0,external_node_zlib_.crc32)(contents) >>> 0 !== entry.crc) {
            throw refuse(`its entry ${JSON.stringify(entry.name)} does not match its CRC-32 (a corrupt zip)`);
        }
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
        (0,external_node_fs_.writeFileSync)(path, contents);
        files.push((0,external_node_path_.relative)(destDir, path).split(external_node_path_.sep).join('/'));
    }
    return files;
}

;// CONCATENATED MODULE: ./lib/runtime/actions/artifacts.js
/**
 * Artifacts on GitHub Actions: the `ArtifactStore` port over the real `@actions/artifact` client
 * (docs/design.md §1, issue 5 "Artifacts"). Our actions upload and download their own artifacts, so a
 * user's workflow has no upload or download steps to get wrong.
 *
 * - Names are `ARTIFACTS` (`src/artifacts/names.ts`), and an artifact's files are laid out as in a
 *   run directory's `artifacts/<name>/`, so a downloaded GitHub run is a run directory too.
 * - Uploads replace an artifact of the same name from the current run: the results service refuses
 *   a second artifact with a name (409 "an artifact with this name already exists on the workflow
 *   run"), and a re-run of a failed job must be able to upload again. So: list → delete → upload.
 * - Downloads find the artifact by name in the current run, fetch its zip as it is, check its digest,
 *   and extract it within limits (`zip.ts`: a zip bomb is refused before it is inflated); documents
 *   are validated against their contract before a stage uses them. An upload over the same limits
 *   is refused by the stage that made it.
 *
 * Credentials. The client reads `ACTIONS_RUNTIME_TOKEN` and `ACTIONS_RESULTS_URL` from
 * `process.env` and nowhere else (it has no option to pass them). But the model-key scrubber
 * (`scrubCredentials` in `src/model/keys.ts`) deletes the runtime token from `process.env` before
 * any agent command starts, so that nothing the agents run can inherit it. The store therefore takes
 * both values explicitly, captured before scrubbing (`artifactCredentials(kept)`), and puts them into
 * `process.env` only for the duration of each client call, restoring the previous state afterwards,
 * even when the call fails. This keeps the window small and is safe because the artifact client
 * starts no child processes; agent commands start from an allow-listed environment in any case, so a
 * command that happened to start during a call would still not receive the token. Overlapping calls
 * with the same credentials share one window; a call with different credentials waits for it to close.
 *
 * The client (and its Azure and Octokit dependencies) is imported lazily, on the first call: an
 * action that never touches artifacts, or fails before it does, does not pay for loading it.
 */









/**
 * Days GitHub keeps ensemble's artifacts: GitHub's own windows for finishing a run late. A job waiting for an
 * environment's approval waits up to 30 days, and failed jobs can be re-run up to 30 days after the run; either
 * then downloads the artifacts of the jobs before it (the publisher needs `ensemble-plan`), so they must outlive
 * both. The repository's retention setting caps it (see {@link artifactRetention}).
 */
const DEFAULT_RETENTION_DAYS = 30;
/** Where a repository's (or its organization's) maximum artifact retention is set. */
const RETENTION_SETTING = 'Settings → Actions → General → Artifact and log retention (of the repository, or of its organization)';
/**
 * The retention to ask for: `requested`, capped by the repository's maximum. The client caps too (it reads
 * `GITHUB_RETENTION_DAYS` from `process.env` and logs a generic warning), but we cap here, explicitly, so the
 * days sent are the days we report, and so the warning can say what a short retention breaks and where to change it.
 */
function artifactRetention(requested, repositoryRetentionDays) {
    const notes = [];
    let days = requested;
    let capped = false;
    if (repositoryRetentionDays !== undefined && repositoryRetentionDays.trim() !== '') {
        const maximum = Number(repositoryRetentionDays.trim());
        if (!Number.isInteger(maximum) || maximum < 1) {
            notes.push(`GITHUB_RETENTION_DAYS=${JSON.stringify(repositoryRetentionDays)} is not a number of days; ` +
                `artifacts are uploaded with a retention of ${requested} days.`);
        }
        else if (maximum < requested) {
            days = maximum;
            capped = true;
            notes.push(`Artifacts are kept ${maximum} days, the repository's maximum (GITHUB_RETENTION_DAYS), ` +
                `instead of ${requested}.`);
        }
    }
    const warning = days < DEFAULT_RETENTION_DAYS
        ? `ensemble's artifacts are kept only ${days} day${days === 1 ? '' : 's'}` +
            `${capped ? " (the repository's artifact retention)" : ''}, but GitHub lets a job wait ` +
            `${DEFAULT_RETENTION_DAYS} days for an environment approval and lets failed jobs be re-run for ` +
            `${DEFAULT_RETENTION_DAYS} days: an approval or re-run after ${days} day${days === 1 ? '' : 's'} ` +
            `will fail because the artifacts it needs (ensemble-plan) are gone. To avoid this, set ${RETENTION_SETTING} ` +
            `to ${DEFAULT_RETENTION_DAYS} days or more.`
        : null;
    return { days, capped, notes, warning };
}
/**
 * The artifact credentials of the job, from the variables `scrubCredentials` removed (`kept`) or,
 * before scrubbing, from the environment. Throws naming what is missing: outside a GitHub Actions job
 * step (or in a `run:` step, which does not get the runtime token) there are none.
 */
function artifactCredentials(kept, env = process.env) {
    const runtimeToken = kept['ACTIONS_RUNTIME_TOKEN'] ?? env['ACTIONS_RUNTIME_TOKEN'];
    const resultsUrl = kept['ACTIONS_RESULTS_URL'] ?? env['ACTIONS_RESULTS_URL'];
    const missing = [runtimeToken ? null : 'ACTIONS_RUNTIME_TOKEN', resultsUrl ? null : 'ACTIONS_RESULTS_URL'].filter(Boolean);
    if (missing.length > 0) {
        throw new errors/* UserError */.yo(`cannot use GitHub artifacts: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set. ` +
            'The runner sets them for JavaScript actions only; run ' +
            'ensemble through its actions (uses: …), not from a run: step, ' +
            'or use `ensemble run` outside GitHub Actions.');
    }
    return { runtimeToken: runtimeToken, resultsUrl: resultsUrl };
}
let loading;
/** `@actions/artifact`, imported on first use. */
function loadArtifactModule() {
    loading ??= Promise.all(/* import() */[__webpack_require__.e(101), __webpack_require__.e(119), __webpack_require__.e(659), __webpack_require__.e(32), __webpack_require__.e(281)]).then(__webpack_require__.bind(__webpack_require__, 51281));
    return loading;
}
class ActionsArtifactStore {
    /** The days each upload asks for, after the repository's cap. */
    retentionDays;
    retention;
    credentials;
    log;
    limits;
    retentionLogged = false;
    constructor(options) {
        if (!options.runtimeToken)
            throw new Error('ActionsArtifactStore: runtimeToken is required');
        if (!options.resultsUrl)
            throw new Error('ActionsArtifactStore: resultsUrl is required');
        const requested = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
        if (!Number.isInteger(requested) || requested < 1 || requested > 90) {
            throw new Error(`ActionsArtifactStore: retentionDays must be a whole number of days from 1 to 90, got ${requested}`);
        }
        this.credentials = { runtimeToken: options.runtimeToken, resultsUrl: options.resultsUrl };
        this.retention = artifactRetention(requested, options.repositoryRetentionDays);
        this.retentionDays = this.retention.days;
        this.log = options.log;
        this.limits = options.limits ?? ARTIFACT_LIMITS;
    }
    async uploadArtifact(name, dir) {
        const files = listFiles(name, dir);
        // Refused here, where the stage that made it is named, rather than by every job that downloads it.
        const bytes = files.reduce((sum, file) => sum + (0,external_node_fs_.statSync)((0,external_node_path_.join)(dir, file)).size, 0);
        if (files.length > this.limits.maxEntries || bytes > this.limits.maxBytes) {
            throw new Error(`cannot upload artifact ${name}: ${files.length} files of ${bytes} bytes, more than a download ` +
                `extracts (${this.limits.maxEntries} files, ${this.limits.maxBytes} bytes)`);
        }
        this.logRetention();
        return this.call(`uploading artifact ${name}`, async (client) => {
            // A job re-run finds its earlier attempt's artifact: the service would refuse the name, so delete it first.
            const { artifacts } = await client.listArtifacts();
            const replaced = artifacts.filter((a) => a.name === name).map((a) => a.id);
            for (let i = 0; i < replaced.length; i++)
                await client.deleteArtifact(name);
            const result = await client.uploadArtifact(name, files.map((file) => (0,external_node_path_.join)(dir, file)), dir, { retentionDays: this.retentionDays });
            if (result.id === undefined)
                throw new Error('the artifact service returned no artifact id');
            return { name, id: result.id, size: result.size ?? 0, digest: result.digest, files, replaced };
        });
    }
    downloadArtifact(name, destDir) {
        return this.download(name, destDir, (0,names/* producerOfArtifact */.G4)(name));
    }
    async downloadDocument(kind, name, file, destDir) {
        const producer = documents/* DOCUMENTS */.f[kind].producer;
        const path = safeJoin(destDir, file);
        // A stale copy from an earlier download must not stand in for a file the artifact lacks.
        (0,external_node_fs_.rmSync)(path, { force: true });
        await this.download(name, destDir, (0,names/* producerOfArtifact */.G4)(name) ?? producer);
        if (!(0,external_node_fs_.existsSync)(path))
            throw new store/* ArtifactFileMissingError */.BJ(name, file, producer, listFiles(name, destDir, false));
        return (0,read/* parseDocumentText */.gk)(kind, (0,external_node_fs_.readFileSync)(path, 'utf8'), { artifact: name, file });
    }
    download(name, destDir, producer) {
        return this.call(`downloading artifact ${name}`, async (client) => {
            // listArtifacts, not getArtifact: the latter also prints a warning annotation for a missing artifact.
            const { artifacts } = await client.listArtifacts({ latest: true });
            const artifact = artifacts.find((a) => a.name === name);
            if (!artifact)
                throw new store/* ArtifactMissingError */.BU(name, producer, [...new Set(artifacts.map((a) => a.name))].sort());
            const limit = maxZipBytes(this.limits);
            if (artifact.size > limit) {
                throw new store/* ArtifactRefusedError */.dM(name, `its zip is ${artifact.size} bytes, more than the limit of ${limit}`);
            }
            // The zip as it is, never extracted by the client (which would inflate whatever it holds).
            const scratch = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'ensemble-artifact-'));
            try {
                const { digestMismatch } = await client.downloadArtifact(artifact.id, {
                    path: scratch,
                    skipDecompress: true,
                    ...(artifact.digest ? { expectedHash: artifact.digest } : {}),
                });
                if (digestMismatch) {
                    throw new Error('the downloaded zip does not match the digest recorded at upload ' +
                        `(${artifact.digest}); it was corrupted in transit. Re-run the job.`);
                }
                const saved = (0,external_node_fs_.readdirSync)(scratch);
                if (saved.length !== 1)
                    throw new Error(`the artifact service sent ${saved.length} files, not one zip`);
                const zipPath = (0,external_node_path_.join)(scratch, saved[0]);
                const size = (0,external_node_fs_.statSync)(zipPath).size;
                if (size > limit)
                    throw new store/* ArtifactRefusedError */.dM(name, `its zip is ${size} bytes, more than the limit of ${limit}`);
                extractZip((0,external_node_fs_.readFileSync)(zipPath), destDir, name, this.limits);
            }
            finally {
                (0,external_node_fs_.rmSync)(scratch, { recursive: true, force: true });
            }
            return { name, id: artifact.id, size: artifact.size, dir: destDir };
        });
    }
    /** Once per store (one per job), at its first upload: a job that only downloads keeps nothing. */
    logRetention() {
        if (this.retentionLogged || !this.log)
            return;
        this.retentionLogged = true;
        for (const note of this.retention.notes)
            this.log.info(note);
        if (this.retention.warning)
            this.log.warning(this.retention.warning);
    }
    /** Runs `fn` with a client and the credentials in the environment; errors name what was being done. */
    async call(what, fn) {
        const module = await loadArtifactModule();
        try {
            return await withCredentials(this.credentials, () => fn(new module.DefaultArtifactClient()));
        }
        catch (error) {
            if (error instanceof store/* ArtifactMissingError */.BU || error instanceof store/* ArtifactRefusedError */.dM)
                throw error;
            const message = error instanceof Error ? error.message : String(error);
            throw new Error(`${what}: ${message}`, { cause: error });
        }
    }
}
let artifacts_open = null;
async function withCredentials(credentials, fn) {
    while (artifacts_open && (artifacts_open.token !== credentials.runtimeToken || artifacts_open.url !== credentials.resultsUrl))
        await artifacts_open.closed;
    if (!artifacts_open) {
        let close = () => { };
        const closed = new Promise((resolve) => {
            close = resolve;
        });
        artifacts_open = {
            token: credentials.runtimeToken,
            url: credentials.resultsUrl,
            users: 0,
            previous: { token: process.env['ACTIONS_RUNTIME_TOKEN'], url: process.env['ACTIONS_RESULTS_URL'] },
            closed,
            close,
        };
        process.env['ACTIONS_RUNTIME_TOKEN'] = credentials.runtimeToken;
        process.env['ACTIONS_RESULTS_URL'] = credentials.resultsUrl;
    }
    const window = artifacts_open;
    window.users++;
    try {
        return await fn();
    }
    finally {
        window.users--;
        if (window.users === 0) {
            restore('ACTIONS_RUNTIME_TOKEN', window.previous.token);
            restore('ACTIONS_RESULTS_URL', window.previous.url);
            artifacts_open = null;
            window.close();
        }
    }
}
function restore(name, value) {
    if (value === undefined)
        delete process.env[name];
    else
        process.env[name] = value;
}
// ---------------------------------------------------------------------------------------------
// Files
/**
 * Files under `dir`, relative and `/`-separated, sorted. Symbolic links are refused rather than
 * followed (the client would upload their targets, which may lie outside the directory); an empty
 * directory is an error when uploading, since a stage that promised an artifact must not upload nothing.
 */
function listFiles(name, dir, forUpload = true) {
    if (!(0,external_node_fs_.existsSync)(dir) || !(0,external_node_fs_.lstatSync)(dir).isDirectory()) {
        if (!forUpload)
            return [];
        throw new Error(`cannot upload artifact ${name}: ${dir} is not a directory`);
    }
    const files = [];
    const walk = (sub) => {
        for (const entry of (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(dir, sub), { withFileTypes: true })) {
            const rel = sub ? `${sub}/${entry.name}` : entry.name;
            if (entry.isDirectory())
                walk(rel);
            else if (entry.isFile())
                files.push(rel);
            else if (forUpload)
                throw new Error(`cannot upload artifact ${name}: ${rel} is not a regular file (symbolic links are not followed)`);
        }
    };
    walk('');
    if (forUpload && files.length === 0)
        throw new Error(`cannot upload artifact ${name}: ${dir} holds no files`);
    return files.sort();
}
function safeJoin(dir, file) {
    const normal = (0,external_node_path_.normalize)(file);
    if (!file || (0,external_node_path_.isAbsolute)(file) || normal === '..' || normal.startsWith(`..${external_node_path_.sep}`)) {
        throw new Error(`artifact file ${JSON.stringify(file)} must be a relative path inside the artifact`);
    }
    const path = (0,external_node_path_.join)(dir, normal);
    if ((0,external_node_path_.relative)(dir, path).startsWith('..'))
        throw new Error(`artifact file ${JSON.stringify(file)} is outside the artifact`);
    return path;
}

;// CONCATENATED MODULE: ./lib/runtime/actions/environment.js





/** The page of the job's workflow run on GitHub. */
function runUrlOf(job) {
    return `${job.serverUrl}/${job.repository.owner}/${job.repository.repo}/actions/runs/${job.runId}`;
}
function jobFromEnvironment(env, readEvent) {
    const required = (name) => {
        const value = env[name];
        if (!value) {
            const where = "ensemble's actions run inside a GitHub Actions job (uses: …/actions/<stage>)";
            throw new errors/* UserError */.yo(`${name} is not set: ${where}`);
        }
        return value;
    };
    const [owner, repo] = required('GITHUB_REPOSITORY').split('/');
    return {
        workspace: required('GITHUB_WORKSPACE'),
        runnerTemp: required('RUNNER_TEMP'),
        eventName: required('GITHUB_EVENT_NAME'),
        eventPayload: env['GITHUB_EVENT_PATH'] ? readEvent(env['GITHUB_EVENT_PATH']) : {},
        repository: { owner, repo },
        runId: required('GITHUB_RUN_ID'),
        serverUrl: env['GITHUB_SERVER_URL'] ?? 'https://github.com',
        apiUrl: env['GITHUB_API_URL'] ?? 'https://api.github.com',
    };
}
/**
 * The run directory of a job: the artifacts this stage downloads and uploads, laid out exactly
 * as a local run's, so the stage code is the same in both runtimes.
 */
function jobRunDirectory(job) {
    return run_directory/* RunDirectory */.d.at((0,external_node_path_.join)(job.runnerTemp, 'ensemble', job.runId));
}
/**
 * The artifact store, with the job's artifact credentials captured before credentials leave the environment,
 * keeping uploads as long as the repository allows up to the approval and re-run window (`log` hears when less).
 */
function jobArtifacts(env, log) {
    return new ActionsArtifactStore({
        ...artifactCredentials({}, env),
        repositoryRetentionDays: env['GITHUB_RETENTION_DAYS'],
        ...(log ? { log } : {}),
    });
}
/** The header `actions/checkout` persists the token as: `http.<server>/.extraheader = AUTHORIZATION: basic …`. */
const TOKEN_HEADER_KEY = '^http\\..*\\.extraheader$';
/**
 * The file name `actions/checkout` v6 and later give the persisted token: `$RUNNER_TEMP/git-credentials-<uuid>.config`
 * (`/github/runner_temp/…` as seen from a container), pulled into `.git/config` by `includeIf "gitdir:…"` entries.
 */
const CHECKOUT_CREDENTIALS_FILE = /(?:^|[/\\])git-credentials-[0-9a-f-]+\.config$/i;
/** The repository's own config files, as `--show-origin` names them. */
const REPOSITORY_CONFIG = /(?:^|[/\\])\.git[/\\](?:worktrees[/\\][^/\\]+[/\\])?config(?:\.worktree)?$/;
/**
 * Refuses a checkout that keeps a token in its git configuration (`actions/checkout` without
 * `persist-credentials: false`): agents' commands can read the checkout, so the token would be
 * theirs. Only the repository's configuration is read (with `git config`, nothing else is run in it).
 *
 * Two layouts. Before v6, checkout wrote the header into `.git/config`. From v6 it writes it to a file under
 * `RUNNER_TEMP` and adds `includeIf "gitdir:<workspace>/.git".path` (and `…/.git/worktrees/*` and the container
 * paths) to `.git/config`; `git config --local` does not follow includes. So:
 *
 * 1. the repository's configuration is read as git reads it here, includes followed and `includeIf` conditions
 *    evaluated for this repository (system and global configuration left out: they are not the checkout's);
 * 2. every include entry pointing at checkout's credentials file is read too, whatever its condition: the
 *    `worktrees/*` entry applies in the worktrees agents work in, though not in the checkout itself.
 */
function assertNoPersistedCredentials(workspace) {
    const found = tokenHeaderOrigins(workspace, ['--includes']);
    for (const path of includedCredentialFiles(workspace)) {
        if (tokenHeaderOrigins(workspace, ['--file', path]).length > 0)
            found.push(path);
    }
    if (found.length === 0)
        return;
    const elsewhere = [
        ...new Set(found.filter((file) => !REPOSITORY_CONFIG.test(file)).map((file) => (0,external_node_path_.resolve)(workspace, file))),
    ];
    throw new errors/* UserError */.yo('the checkout keeps a GitHub token in .git/config (actions/checkout persists credentials by default); ' +
        'agents could read it. Check out with `persist-credentials: false`.' +
        (elsewhere.length > 0 ? ` The token is in ${elsewhere.join(', ')}, which .git/config includes.` : ''));
}
/** The config files (as git names them) that set a token header, reading the sources `source` selects. */
function tokenHeaderOrigins(workspace, source) {
    const out = readConfig(workspace, [
        ...source,
        '--show-origin',
        '-z',
        '--name-only',
        '--get-regexp',
        TOKEN_HEADER_KEY,
    ]);
    const fields = out.split('\0');
    const origins = [];
    for (let i = 0; i + 1 < fields.length; i += 2)
        origins.push(fields[i].replace(/^file:/, ''));
    return origins;
}
/** Files named like checkout's credentials file that an `include.path` or `includeIf.<condition>.path` names. */
function includedCredentialFiles(workspace) {
    const out = readConfig(workspace, [
        '--includes',
        '--show-origin',
        '-z',
        '--get-regexp',
        '^include(if\\..*)?\\.path$',
    ]);
    const fields = out.split('\0');
    const files = new Set();
    for (let i = 0; i + 1 < fields.length; i += 2) {
        const origin = fields[i].replace(/^file:/, '');
        const entry = fields[i + 1]; // `<key>\n<value>`
        const value = entry.slice(entry.indexOf('\n') + 1);
        if (!CHECKOUT_CREDENTIALS_FILE.test(value))
            continue;
        // As git resolves an include: relative to the file that names it. A path that does not exist here (a
        // container's /github/runner_temp/…) is read as nothing.
        files.add((0,external_node_path_.isAbsolute)(value) ? value : (0,external_node_path_.resolve)(workspace, (0,external_node_path_.dirname)(origin), value));
    }
    return [...files];
}
/**
 * `git config <args>` in the workspace with a clean environment and no system or global configuration; '' when
 * nothing matches (exit 1) or the workspace is not a repository (which the stage reports itself).
 */
function readConfig(workspace, args) {
    try {
        return (0,external_node_child_process_.execFileSync)('git', ['config', ...args], {
            cwd: workspace,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
            env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
        });
    }
    catch {
        return '';
    }
}
/**
 * The GitHub client's own messages (retries, rate limits) as plain job log lines: they are about
 * the API, not about the user's change, so they never become annotations.
 */
function actionsGitHubLog(core) {
    return {
        debug: () => { },
        info: (message) => core.info(message),
        warn: (message) => core.info(`warning: ${message}`),
        error: (message) => core.info(`error: ${message}`),
    };
}
/** Stage progress as log lines. */
function actionsReporter(core) {
    return {
        info: (message) => core.info(message),
        warn: (message) => core.warning(message),
        event: (event) => core.info(`[${event.agent ?? event.stage}] ${event.status}${event.detail ? `: ${event.detail.split('\n')[0]}` : ''}`),
    };
}


/***/ })

};
