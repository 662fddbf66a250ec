export const id = 5298;
export const ids = [5298,975];
export const modules = {

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

/***/ 86646:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RUN_RESULT_SCHEMA: () => (/* binding */ RUN_RESULT_SCHEMA),
/* harmony export */   RunResult: () => (/* binding */ RunResult)
/* harmony export */ });
/* unused harmony exports RunOutcome, RunStageResult, RunTaskResult, RunTestResult, RunReviewResult, RunDocsResult, RunSetupResult, RunFixRound, RunFixResult, RunGateRound, RunGateResult, RunWaiting */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(80737);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60574);
/* harmony import */ var _gate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37216);
/* harmony import */ var _review_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88935);
/* harmony import */ var _stages_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(10784);
/* harmony import */ var _task_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(65090);
/* harmony import */ var _test_report_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(22402);







/**
 * What `ensemble run --json` prints: the outcome a script can act on, and why. Not an artifact
 * (no stage reads it); versioned like one so that scripts can rely on its shape. The exit code
 * each outcome maps to is `runtime/local/exit-codes.ts`'s.
 */
const RUN_RESULT_SCHEMA = 'ensemble.run-result/v1';
const RunOutcome = zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['green', 'not-green', 'no-branch', 'waiting'])
    .describe('green: everything asked for was done and is green (exit 0); not-green: the run finished but something ' +
    'needs a look, listed in `problems` (exit 3); no-branch: the run failed or made no change (exit 1); ' +
    "waiting: the plan waits for answers to the planning agent's questions or for approval, and nothing " +
    'was coded (exit 4; `waiting` says how to continue)');
const Count = zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().nonnegative().nullable().describe('null when the output did not say');
const Line = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().max(20_000);
const RunStageResult = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    stage: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(_stages_js__WEBPACK_IMPORTED_MODULE_6__/* .STAGE_NAMES */ .y),
    status: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['done', 'failed', 'skipped', 'waiting'])
        .describe('Whether the stage did its job (the pipeline row); waiting: the plan waits for a person'),
    result: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()
        .max(20)
        .describe('What it came to, in one word: passed/failed/error/no-tests (test), approve/comment/blocking ' +
        '(review), updated/no-change (docs), partial (code: a task did not finish), else the status'),
    durationMs: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().nonnegative(),
    tokens: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().nonnegative(),
    costUsd: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().nonnegative().nullable(),
    detail: Line,
})
    .strict();
const RunTaskResult = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    id: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .TaskId */ .LD,
    result: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['integrated', 'not-integrated', 'failed', 'no-change', 'not-run'])
        .describe('integrated: the task is in the change; not-integrated: done, but its patch was left out'),
    status: _task_js__WEBPACK_IMPORTED_MODULE_3__/* .TaskStatus */ .e1.nullable().describe('What the coding agent reported; null when it did not run'),
    integration: _test_report_js__WEBPACK_IMPORTED_MODULE_4__/* .IntegrationResult */ .mK.shape.result.nullable().describe('null when integration did not run'),
    conflictingFiles: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()),
    detail: Line,
})
    .strict();
const RunTestResult = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    status: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['passed', 'failed', 'error', 'no-tests', 'not-run'])
        .describe('not-run: the test stage was switched off or the run stopped before it (see detail)'),
    command: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().nullable(),
    passed: Count,
    failed: Count,
    introduced: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()).describe('Failing tests that pass at the base: the change broke them'),
    atBase: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()).describe('Failing tests that fail at the base already'),
    unchecked: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()).describe('Failing tests not run at the base'),
    fixAttempts: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().nonnegative(),
    detail: Line,
})
    .strict();
const RunReviewResult = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    verdict: _review_js__WEBPACK_IMPORTED_MODULE_2__/* .Verdict */ .Y.nullable().describe('The combined verdict of every lens; null when no review ran'),
    blockOn: _review_js__WEBPACK_IMPORTED_MODULE_2__/* .Severity */ .AI,
    blocking: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().nonnegative().describe('Findings at or above `blockOn`'),
    findings: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().nonnegative(),
    incomplete: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()).describe('Lenses whose agent did not complete'),
    detail: Line,
})
    .strict();
const RunDocsResult = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    status: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['updated', 'no-change', 'failed', 'not-run']),
    detail: Line,
})
    .strict();
const RunSetupResult = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    status: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['done', 'failed', 'none', 'not-run'])
        .describe('done: installed; failed: a command failed and the run stopped before any model call; none: nothing to install'),
    source: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['configuration', 'detected', 'none'])
        .nullable()
        .describe('Whether the commands are `setup` from the configuration or were detected; null when not run'),
    reason: Line.describe('Why these commands: "package-lock.json found", "`setup` in the configuration"'),
    commands: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()),
    testCommand: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().nullable().describe('The test command the run uses, configured or detected'),
    testCommandReason: Line,
    failure: zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
        command: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
        exitCode: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().nullable().describe('null when the command was killed (timeout, signal)'),
        timedOut: zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY(),
        output: Line.describe('The last lines of its output'),
    })
        .strict()
        .nullable(),
    durationMs: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().nonnegative(),
})
    .strict();
const RunFixRound = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    round: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().positive(),
    status: _task_js__WEBPACK_IMPORTED_MODULE_3__/* .TaskStatus */ .e1.describe('What the fixing agent reported: done, no-change or failed'),
    taken: zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY().describe('Whether the change now includes the round (re-tested, and the tests not made worse)'),
    given: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()).describe('The ids of the findings the round was given'),
    fixed: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()).describe('Of those, the ones its re-review no longer reports'),
    remaining: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()).describe('Of those, the ones its re-review still reports'),
    test: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['passed', 'failed', 'no-tests', 'error'])
        .nullable()
        .describe('The re-test; null when the round was not re-tested'),
    detail: Line,
})
    .strict();
const RunFixResult = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    rounds: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(RunFixRound),
    stopped: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().nullable().describe('Why the loop stopped; null when no round was needed'),
})
    .strict();
const RunGateRound = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    asked: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()).describe("The ids of the planning agent's questions, in order"),
    answered: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), via: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['file', 'terminal']) }).strict())
        .describe('The questions answered, and where from: the `--answers` file or the terminal'),
    unanswered: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()).describe('The questions nobody answered (the planner plans without them)'),
    unmatched: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP())
        .describe('Keys of the `--answers` file that match no question of this round; given to the planner as such'),
})
    .strict();
const RunGateResult = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    rounds: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(RunGateRound).describe("Rounds of the planning agent's questions, the last one possibly waiting"),
    revisions: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().nonnegative().describe('Times the plan was made again on request, at the prompt'),
    approval: zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({ by: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), ahead: zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY().describe('given with `--approve`, before the plan was made') })
        .strict()
        .nullable()
        .describe('Who approved the plan; null when no approval was needed or given'),
})
    .strict();
const RunWaiting = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    waitingFor: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['answers', 'approval']),
    questions: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(_gate_js__WEBPACK_IMPORTED_MODULE_1__/* .Question */ .vN)
        .describe("The planning agent's questions left unanswered (its last round); empty when waiting for approval"),
    plan: zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
        summary: Line,
        tasks: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({ id: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .TaskId */ .LD, title: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP() }).strict()),
    })
        .strict()
        .nullable()
        .describe('The plan that waits for approval; null when waiting for answers'),
    checkpoint: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().describe('The checkpoint document: the questions or the plan, in full'),
    answersFile: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()
        .nullable()
        .describe('A file to fill in and pass with `--answers`: every question asked so far, with the answers given; ' +
        'null when no question was asked'),
    next: Line.describe('How to continue: what to run, with which options'),
})
    .strict();
const RunResult = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    schema: zod__WEBPACK_IMPORTED_MODULE_5__/* .literal */ .euz(RUN_RESULT_SCHEMA),
    outcome: RunOutcome,
    exitCode: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().min(0).max(255).describe('The exit code of `ensemble run` (0, 1, 3 or 4)'),
    verdict: Line.describe('One line: the outcome and what the exit code means'),
    problems: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(Line).describe('Everything that is not green, one line each; empty when green'),
    runId: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
    runDir: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
    branch: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().nullable(),
    prFile: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().nullable(),
    reviewFile: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().nullable(),
    /** Why the run made no branch, when it made none. */
    error: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().nullable(),
    setup: RunSetupResult.describe('The dependency install, once per run before any model call'),
    stages: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(RunStageResult),
    tasks: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(RunTaskResult),
    test: RunTestResult,
    review: RunReviewResult,
    docs: RunDocsResult,
    fix: RunFixResult.describe('The review → fix rounds after the first review, as the PR body shows them'),
    gate: RunGateResult.describe("The planning agent's questions and their answers, revisions and the approval"),
    waiting: RunWaiting.nullable().describe('What the run waits for and how to continue; null unless `waiting`'),
})
    .strict();


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


/***/ }),

/***/ 9452:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mc: () => (/* binding */ githubCall),
/* harmony export */   OS: () => (/* binding */ GitHubApiError),
/* harmony export */   Pm: () => (/* binding */ explainGitHubError),
/* harmony export */   c2: () => (/* binding */ statusOf)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);
/**
 * Errors from GitHub turned into sentences a user can act on: what ensemble was doing, what
 * GitHub said, and what to change (the token's permission, a repository setting, a re-run).
 */

class GitHubApiError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'GitHubApiError';
    /** The HTTP status, or null when GitHub could not be reached. */
    status;
    action;
    /** GitHub's own message. */
    githubMessage;
    constructor(message, fields) {
        super(message, { cause: fields.cause });
        this.status = fields.status;
        this.action = fields.action;
        this.githubMessage = fields.githubMessage;
    }
}
/**
 * The `errors` of a GraphQL answer (`GraphqlResponseError` of @octokit/graphql), or null for any
 * other error. GitHub sends them with HTTP 200: the request was answered, and refused.
 */
function graphqlErrorsOf(error) {
    const e = error;
    return e?.name === 'GraphqlResponseError' && Array.isArray(e.errors) ? e.errors : null;
}
/** The HTTP status of an Octokit error, or null for a network error; 200 for a GraphQL answer with errors. */
function statusOf(error) {
    if (graphqlErrorsOf(error))
        return 200;
    const status = error?.status;
    return typeof status === 'number' && status >= 100 && status < 600 ? status : null;
}
function githubMessage(error) {
    const graphqlErrors = graphqlErrorsOf(error);
    if (graphqlErrors) {
        const said = graphqlErrors.map((item) => (typeof item.message === 'string' ? item.message : '')).filter(Boolean);
        return said.length > 0 ? said.join('; ') : 'a GraphQL error without a message';
    }
    const e = error;
    const data = e?.response?.data;
    const base = typeof data?.message === 'string' ? data.message : (e?.message ?? String(error));
    const details = (data?.errors ?? [])
        .map((item) => {
        if (typeof item === 'string')
            return item;
        const detail = item;
        return detail.message ?? [detail.resource, detail.field, detail.code].filter(Boolean).join(' ');
    })
        .filter((text) => text !== '');
    return details.length > 0 ? `${base}: ${details.join('; ')}` : base;
}
function isRateLimit(error) {
    const e = error;
    return e?.response?.headers?.['x-ratelimit-remaining'] === '0' || /\brate limit\b/i.test(githubMessage(error));
}
/** Wraps any error of a GitHub call into a `GitHubApiError` whose message says what to do. */
function explainGitHubError(error, operation) {
    if (error instanceof GitHubApiError)
        return error;
    const status = statusOf(error);
    const said = githubMessage(error);
    const head = `could not ${operation.action}`;
    const graphqlErrors = graphqlErrorsOf(error);
    const graphqlTypes = new Set((graphqlErrors ?? []).map((item) => item.type));
    let advice;
    if (graphqlErrors) {
        // GitHub's GraphQL API says what went wrong in each error's `type`, not in the HTTP status.
        if (graphqlTypes.has('RATE_LIMITED')) {
            advice =
                `GitHub's GraphQL rate limit was exceeded (${said}); ` +
                    're-run the job later, or use a GitHub App token, which has a higher limit';
        }
        else if (graphqlTypes.has('FORBIDDEN') || graphqlTypes.has('INSUFFICIENT_SCOPES')) {
            advice =
                `the token lacks a permission (GraphQL: ${said}); give the job \`permissions: ` +
                    `{ ${operation.permission} }\`, or pass a token that has ${operation.permission}`;
        }
        else if (graphqlTypes.has('NOT_FOUND')) {
            advice = `GitHub's GraphQL API found no such thing (${said}): it does not exist, or the token cannot see it`;
        }
        else {
            advice = `GitHub's GraphQL API refused the request (${said})`;
        }
    }
    else if (status === null) {
        advice =
            `GitHub could not be reached (${said}); ` + "check the runner's network and proxy settings, then re-run the job";
    }
    else if (status === 401) {
        advice = `GitHub rejected the token (401 ${said}); pass a valid token in the github-token input`;
    }
    else if ((status === 403 || status === 429) && isRateLimit(error)) {
        advice =
            `GitHub's rate limit was exceeded and the retries ran out (${status} ${said}); ` +
                're-run the job later, or use a GitHub App token, which has a higher limit';
    }
    else if (status === 403 && /not permitted to create or approve pull requests/i.test(said)) {
        advice =
            `${status} ${said}: enable "Allow GitHub Actions to create and ` +
                `approve pull requests" under the repository's (or organization's) ` +
                'Settings → Actions → General → Workflow permissions, or publish as a GitHub App (the secrets ' +
                'publish-app-id and publish-app-private-key) or with a personal access token (publish-token)';
    }
    else if ((status === 403 || status === 422) && /refusing to allow .*workflow/i.test(said)) {
        advice =
            `${status} ${said}: changing files under .github/workflows needs a token with the workflows permission ` +
                '(a personal access token with the workflow scope, in publish-token and without a GitHub App: the ' +
                'token publish makes of an App has only contents, pull requests and issues); GITHUB_TOKEN can never do it';
    }
    else if (status === 422 && /protected branch/i.test(said)) {
        advice =
            `${status} ${said}: branch protection or a ruleset forbids ` +
                "this update; exempt the branch or the token's app from the rule";
    }
    else if (status === 422 && /not a fast forward|reference already exists/i.test(said)) {
        advice = `${status} ${said}: the branch moved while ensemble was writing; re-run the job`;
    }
    else if (status === 403) {
        advice =
            `the token lacks a permission (403 ${said}); give the job \`permissions: ` +
                `{ ${operation.permission} }\`, or pass a token that has ${operation.permission}`;
    }
    else if (status === 404) {
        advice =
            `GitHub answered 404 ${said}: it does not exist, or the ` +
                `token cannot see it; the token needs ${operation.permission}`;
    }
    else if (status === 409) {
        advice = `GitHub answered 409 ${said}: the repository changed meanwhile (or is empty); re-run the job`;
    }
    else if (status === 422) {
        advice = `GitHub refused the request (422 ${said})`;
    }
    else if (status >= 500) {
        advice =
            `GitHub answered ${status} ${said} and the retries ran out; GitHub ` +
                'may be degraded (https://www.githubstatus.com), re-run the job later';
    }
    else {
        advice = `GitHub answered ${status} ${said}`;
    }
    return new GitHubApiError(`${head}: ${advice}`, {
        status,
        action: operation.action,
        githubMessage: said,
        cause: error,
    });
}
/** Runs one GitHub call, turning its failure into a `GitHubApiError` naming the operation. */
async function githubCall(operation, call) {
    try {
        return await call();
    }
    catch (error) {
        throw explainGitHubError(error, operation);
    }
}


/***/ }),

/***/ 96283:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ setupStopMessage),
/* harmony export */   z: () => (/* binding */ prepareEnvironment)
/* harmony export */ });
/* harmony import */ var _stages_setup_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4406);
/**
 * The run's dependency install, before any model call: a setup that fails stops the run while
 * nothing has been spent, and says which command failed, how, and its last lines.
 */

/** The setup's report, or null when the session has no environment (a context built by hand). */
async function prepareEnvironment(session) {
    const environment = session.ctx.environment;
    if (!environment)
        return null;
    const report = await environment.prepare();
    const { reporter } = session.ctx;
    if (report.status === 'done')
        reporter.info(`setup: installed (${report.choice.reason})`);
    if (report.status === 'none')
        reporter.info(`setup: nothing to install (${report.choice.reason})`);
    return report;
}
/** Why the run stopped, for the terminal and `--json`'s `error`: the command, its exit, its last lines. */
function setupStopMessage(report) {
    const failure = report.failure;
    if (!failure)
        return '';
    const from = report.choice.source === 'detected' ? `detected: ${report.choice.reason}` : '`setup` in the configuration';
    return (`setup failed before any model call: \`${failure.command}\` (${from}) ${failure.how}. ` +
        `${(0,_stages_setup_js__WEBPACK_IMPORTED_MODULE_0__/* .setupAdvice */ .OT)(report)}\nLast lines of its output:\n${failure.outputTail}`);
}


/***/ }),

/***/ 21236:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lw: () => (/* binding */ runFixRound),
/* harmony export */   So: () => (/* binding */ runFixRounds),
/* harmony export */   X_: () => (/* binding */ fixLoopOf)
/* harmony export */ });
/* unused harmony export readFixRounds */
/* harmony import */ var _artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40963);
/* harmony import */ var _contracts_documents_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66811);
/* harmony import */ var _review_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(59039);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99661);
/* harmony import */ var _run_stage_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76593);
/**
 * The review → fix loop: while the review blocks, a fix round (the fix stage), a re-test and a
 * re-review, each in the round's run directory, up to `stages.fix.max-rounds`; a person's
 * instructions (a follow-up run's) start the first round even when nothing blocks. What a loop did
 * is read back from the documents (`fixLoopOf`), so the local run, `ensemble stage publish` and
 * the GitHub publisher all tell the same rounds the same way.
 */





/**
 * Runs fix rounds while the review of the change as it stands blocks, after the rounds the run
 * directory already holds, until `stages.fix.max-rounds` rounds in all; every stop says why.
 */
async function runFixRounds(session, unit, asked = { instructions: null }) {
    const { config } = session.ctx;
    for (let first = true;; first = false) {
        const loop = fixLoopOf(session.runDir, config);
        // A person's instructions are a reason for the first round even when no finding blocks.
        const instructions = first ? asked.instructions : null;
        // `describeFixLoop` decides whether another round is due, and says why not when it is not.
        if (!loop.mayContinue && instructions === null)
            return loop;
        const round = (session.runDir.rounds().at(-1) ?? 0) + 1;
        const spent = budgetSpent(config, spentSoFar(session));
        if (spent)
            return { ...loop, stopped: `${spent}, ${(0,_review_index_js__WEBPACK_IMPORTED_MODULE_2__/* .blockingLeft */ .je)(loop.blocking)}` };
        const problem = await runFixRound(session, unit, { stage: 'fix', round, instructions });
        if (problem)
            return { ...fixLoopOf(session.runDir, config), stopped: `fix round ${round}: ${problem}` };
    }
}
/**
 * One fix round: the fixing agent, then the re-test and the re-review of the change with its fix.
 * Returns why the round could not be completed when that was not the fixing agent's own outcome
 * (which its document tells), else null.
 */
async function runFixRound(_session, unit, fix) {
    const fixed = await unit(fix);
    if (fixed.documents.fix?.status !== 'done')
        return null;
    try {
        const test = await unit({ stage: 'test', round: fix.round });
        if (test.status === 'failed')
            return `the re-test failed: ${test.summary}`;
        await unit({ stage: 'review', round: fix.round });
        return null;
    }
    catch (error) {
        return `the re-test or re-review failed: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}`;
    }
}
/**
 * What the run has spent: this process's ledger, or the documents of the run directory when they
 * tell more (a job on GitHub holds only its own calls; the jobs before it left their usage in
 * their documents).
 */
function spentSoFar(session) {
    const ledger = session.ctx.ledger.runTotals();
    const { runDir } = session;
    const plan = (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_4__.readPlan)(runDir);
    const rounds = runDir.rounds();
    // The documents only: the patches beside them may be large and say nothing of usage.
    const present = (kind, artifact) => runDir.hasArtifact(artifact, _contracts_documents_js__WEBPACK_IMPORTED_MODULE_1__.DOCUMENTS[kind].file)
        ? runDir.readDocument(kind, artifact, _contracts_documents_js__WEBPACK_IMPORTED_MODULE_1__.DOCUMENTS[kind].file).usage
        : undefined;
    const usages = [
        plan.usage,
        ...plan.tasks.map((task) => present('task', _artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__.ARTIFACTS.code(task.id))),
        present('docs', _artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__.ARTIFACTS.docs),
        ...[runDir, ...rounds.map((round) => runDir.round(round))].flatMap((dir) => [
            (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_4__.readTest)(dir)?.usage,
            ...dir.reviews().map((review) => review.usage),
        ]),
        ...rounds.map((round) => runDir.fix(round).document.usage),
    ];
    const documents = { tokens: 0, costUsd: 0 };
    for (const usage of usages) {
        if (!usage)
            continue;
        documents.tokens += usage.inputTokens + usage.outputTokens;
        documents.costUsd = documents.costUsd === null || usage.costUsd === null ? null : documents.costUsd + usage.costUsd;
    }
    const fromLedger = { tokens: ledger.inputTokens + ledger.outputTokens, costUsd: ledger.costUsd };
    return documents.tokens > fromLedger.tokens ? documents : fromLedger;
}
/** Why the run may start no other round: its token or cost budget is spent; null while it may. */
function budgetSpent(config, spent) {
    const { tokens, usd } = config.budgets.run;
    const used = spent.tokens;
    if (tokens !== null && used >= tokens)
        return `the run's token budget (${tokens}) is spent (${used} used)`;
    if (usd !== null && spent.costUsd !== null && spent.costUsd >= usd) {
        return `the run's cost budget ($${usd}) is spent ($${spent.costUsd.toFixed(4)} used)`;
    }
    return null;
}
/** The loop as the run directory tells it (`describeFixLoop`). */
function fixLoopOf(runDir, config) {
    return (0,_review_index_js__WEBPACK_IMPORTED_MODULE_2__/* .describeFixLoop */ .NQ)({
        test: (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_4__.readTest)(runDir),
        reviews: (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_4__.readReviews)(runDir),
        rounds: readFixRounds(runDir),
        blockOn: config.review['block-on'],
        maxRounds: config.stages.fix['max-rounds'],
    });
}
/** Every fix round's documents in the run directory, in order. */
function readFixRounds(runDir) {
    return runDir.rounds().map((round) => runDir.fixRound(round));
}


/***/ }),

/***/ 6547:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T3: () => (/* binding */ requestFromIssue),
/* harmony export */   mK: () => (/* binding */ requestFromPrompt),
/* harmony export */   zm: () => (/* binding */ requestFromIssueFile)
/* harmony export */ });
/* unused harmony exports REQUEST_BOUNDS, boundedComments */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(80737);
/* harmony import */ var _agent_prompt_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66847);
/* harmony import */ var _config_hash_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68992);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99661);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(28805);






/**
 * Markdown as a reader sees it on GitHub (`visibleMarkdown`), with a last line saying what was
 * hidden when anything was: the model learns that the author hid something (a reason for
 * suspicion, not an instruction), and so does whoever reads the request in the plan.
 */
function visibleText(text) {
    const { text: visible, removed } = (0,_agent_prompt_js__WEBPACK_IMPORTED_MODULE_1__/* .visibleMarkdown */ .u6)(text);
    const trimmed = visible.trim();
    if (removed.length === 0)
        return trimmed;
    const note = `[ensemble removed what GitHub does not show from this text: ${removed.join(', ')}]`;
    return trimmed === '' ? note : `${trimmed}\n\n${note}`;
}
// A title is plain text on GitHub, not Markdown: only invisible characters and comments go.
function snapshot(fields) {
    const clean = {
        ...fields,
        title: (0,_agent_prompt_js__WEBPACK_IMPORTED_MODULE_1__/* .stripHiddenContent */ .wG)(fields.title).trim(),
        body: visibleText(fields.body),
        comments: fields.comments.map((c) => ({ ...c, body: visibleText(c.body) })),
    };
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update((0,_config_hash_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalJson */ .d)(clean)).digest('hex');
    return { ...clean, hash };
}
/** The request of a run started from a prompt; hidden content is stripped before anything sees it. */
function requestFromPrompt(prompt, title) {
    const text = prompt.trim();
    if (text === '')
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('the prompt is empty: say what to build');
    const firstLine = title ?? (0,_agent_prompt_js__WEBPACK_IMPORTED_MODULE_1__/* .stripHiddenContent */ .wG)(text).split('\n')[0]?.trim() ?? '';
    return snapshot({
        source: 'prompt',
        issue: null,
        title: firstLine.length > 120 ? `${firstLine.slice(0, 117)}...` : firstLine,
        body: text,
        author: null,
        comments: [],
        omittedComments: 0,
    });
}
/**
 * How much of an issue a request holds. Every agent reads the request, so a long discussion would
 * be paid for in every prompt (and could crowd out the task): the body is cut at
 * `MAX_REQUEST_BODY_CHARS`, each comment at `MAX_COMMENT_CHARS`, and the comments kept are the most
 * recent that fit in `MAX_COMMENTS` and `MAX_COMMENTS_CHARS` together: the latest word of the
 * maintainers usually refines what the issue asked.
 */
const REQUEST_BOUNDS = {
    MAX_REQUEST_BODY_CHARS: 60_000,
    MAX_COMMENT_CHARS: 8_000,
    MAX_COMMENTS: 30,
    MAX_COMMENTS_CHARS: 40_000,
};
/** The most recent comments within `REQUEST_BOUNDS`, oldest first, each cut to its bound; and how many were left out. */
function boundedComments(comments) {
    const kept = [];
    let chars = 0;
    for (const comment of [...comments].reverse()) {
        const body = cutText(comment.body, REQUEST_BOUNDS.MAX_COMMENT_CHARS);
        if (kept.length >= REQUEST_BOUNDS.MAX_COMMENTS || chars + body.length > REQUEST_BOUNDS.MAX_COMMENTS_CHARS)
            break;
        kept.unshift({ ...comment, body });
        chars += body.length;
    }
    return { kept, omitted: comments.length - kept.length };
}
/** `text` cut at `max` characters, saying how much was cut. */
function cutText(text, max) {
    if (text.length <= max)
        return text;
    return `${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(text, max)}\n[ensemble left out the remaining ${text.length - max} characters]`;
}
/** The snapshot of an issue, taken once; later stages read this, never the live issue. */
function requestFromIssue(issue) {
    const { kept, omitted } = boundedComments(issue.comments);
    return snapshot({
        source: 'issue',
        issue: issue.number,
        title: issue.title,
        body: cutText(issue.body ?? '', REQUEST_BOUNDS.MAX_REQUEST_BODY_CHARS),
        author: issue.author,
        comments: kept,
        omittedComments: omitted,
    });
}
/** `gh issue view N --json number,title,body,author,comments`, or GitHub's REST issue shape. */
const IssueJson = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    number: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().positive().optional(),
    title: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1, 'the issue needs a title'),
    body: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().nullable().optional(),
    author: zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP() }), zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()])
        .nullable()
        .optional(),
    user: zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP() }).nullable().optional(),
    comments: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
        author: zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP() }), zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()])
            .nullable()
            .optional(),
        user: zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP() }).nullable().optional(),
        body: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
        createdAt: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().optional(),
        created_at: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().optional(),
    }))
        .optional(),
});
const login = (who) => typeof who === 'string' ? who : (who?.login ?? null);
/**
 * An issue written to a file: JSON as `gh issue view --json` or the REST API gives it, or
 * Markdown whose first `# ` heading is the title. A file without an issue number is a prompt.
 */
function requestFromIssueFile(text, file) {
    const trimmed = text.trim();
    if (trimmed === '')
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${file} is empty: write the issue as Markdown (a "# Title" line, then the body) or as JSON`);
    if (trimmed.startsWith('{')) {
        let value;
        try {
            value = JSON.parse(trimmed);
        }
        catch (error) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${file} is not valid JSON: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}`);
        }
        const parsed = IssueJson.safeParse(value);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw new Error(`${file}: ${issue?.path.join('.') || 'issue'}: ${issue?.message}; expected ` +
                `the shape of \`gh issue view N --json number,title,body,author,comments\``);
        }
        const issue = parsed.data;
        const comments = (issue.comments ?? []).map((c) => ({
            author: login(c.author) ?? login(c.user) ?? 'unknown',
            body: c.body,
            createdAt: c.createdAt ?? c.created_at ?? '',
        }));
        if (issue.number === undefined)
            return requestFromPrompt(`${issue.title}\n\n${issue.body ?? ''}`);
        return requestFromIssue({
            number: issue.number,
            title: issue.title,
            body: issue.body ?? '',
            author: login(issue.author) ?? login(issue.user),
            comments,
        });
    }
    const heading = /^#\s+(.+)$/m.exec(trimmed);
    if (!heading)
        return requestFromPrompt(trimmed);
    const body = trimmed.replace(heading[0], '').trim();
    return requestFromPrompt(body || heading[1], heading[1].trim());
}


/***/ }),

/***/ 20975:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPipeline: () => (/* binding */ runPipeline)
});

// EXTERNAL MODULE: ./lib/plan/graph.js
var graph = __webpack_require__(18703);
// EXTERNAL MODULE: ./lib/review/index.js + 2 modules
var review = __webpack_require__(59039);
;// CONCATENATED MODULE: ./lib/util/concurrency.js
/** Runs `work` over `items` with at most `limit` at once, keeping results in input order. */
async function mapWithLimit(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await work(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}

// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/pipeline/environment.js
var environment = __webpack_require__(96283);
// EXTERNAL MODULE: ./lib/pipeline/fix-loop.js
var fix_loop = __webpack_require__(21236);
// EXTERNAL MODULE: ./lib/pipeline/run-stage.js + 15 modules
var run_stage = __webpack_require__(76593);
// EXTERNAL MODULE: ./lib/pipeline/stages.js
var stages = __webpack_require__(23435);
;// CONCATENATED MODULE: ./lib/pipeline/schedule.js








/** A stage whose failure ends the run (the table's `fatal`), or a run with no finished task. */
class RunStopped extends Error {
}
/**
 * Runs the pipeline in `session`. Never throws for a stage's failure: the result says which stage
 * failed and why (`stopped`, the rows), and every artifact made so far is in the run directory.
 */
async function runPipeline(session, options) {
    const result = {
        rows: [],
        plan: null,
        tasks: [],
        test: null,
        reviews: [],
        fix: { rounds: [], stopped: null },
        docs: null,
        stopped: null,
        waiting: null,
        published: false,
    };
    const run = stepRunner(session, options, result.rows);
    try {
        // Installed before any model call: a failed setup stops the run with nothing spent.
        result.setup = await (0,environment/* prepareEnvironment */.z)(session);
        if (result.setup?.status === 'failed')
            throw new RunStopped((0,environment/* setupStopMessage */.J)(result.setup));
        const planned = await planStep(session, run, options);
        if (planned.waiting) {
            result.waiting = planned.waiting;
            return result;
        }
        result.plan = planned.plan;
        result.tasks = await codeStep(session, run, result.plan, options.maxParallel);
        options.publisher?.prepare?.(result.plan, result.tasks);
        result.test = await testStep(session, run, options.stages.has('test'));
        const [reviews, docs] = await Promise.all([
            reviewStep(run, options.stages, result.test.patch),
            docsStep(session, run, options.stages, result.test.patch),
        ]);
        result.reviews = reviews;
        result.docs = docs;
        if (options.stages.has('fix') && options.stages.has('review'))
            await fixStep(session, run, result);
    }
    catch (error) {
        if (!(error instanceof RunStopped))
            throw error;
        result.stopped = error.message;
        if (result.plan && result.tasks.length === 0)
            result.tasks = readTasks(session, result.plan);
    }
    try {
        await publishStep(run, options, result);
    }
    catch (error) {
        if (!(error instanceof RunStopped))
            throw error;
        result.stopped = error.message;
    }
    return result;
}
// ---------------------------------------------------------------------------------------------
// Steps
/**
 * The plan, or the checkpoint the plan step waits on. A person's reply through `onWait` (the
 * terminal) continues the step in this run, from the planner's conversation.
 */
async function planStep(session, run, options) {
    let gate = options.gate ?? { kind: 'fresh' };
    for (;;) {
        const unit = { stage: 'plan', request: options.request, gate };
        const [planned] = await run('plan', async (u) => [await u(unit)]);
        const checkpoint = planned?.documents.checkpoint;
        if (!checkpoint)
            return { plan: planned?.documents.plan, waiting: null };
        const next = options.onWait ? await options.onWait(checkpoint, (0,run_stage.readConversation)(session.runDir)) : null;
        if (next === null)
            return { plan: null, waiting: checkpoint };
        gate = next;
    }
}
/** Every task, wave by wave; the run stops when no task finished. */
async function codeStep(session, run, plan, maxParallel) {
    const outcomes = await run('code', async (unit) => {
        const done = [];
        for (const wave of (0,graph/* dependencyWaves */.g0)(plan.tasks)) {
            done.push(...(await mapWithLimit(wave, maxParallel, (taskId) => unit({ stage: 'code', taskId }))));
        }
        return done;
    });
    if (outcomes.every((o) => o.status !== 'done')) {
        const reasons = outcomes.map((o) => `${o.documents.task?.taskId} (${stopReason(o)})`);
        throw new RunStopped(`every task failed: ${reasons.join('; ')}`);
    }
    return readTasks(session, plan);
}
function stopReason(outcome) {
    const task = outcome.documents.task;
    return task?.stopReason ?? task?.summary ?? outcome.summary;
}
function readTasks(session, plan) {
    return plan.tasks
        .filter((task) => session.runDir.hasArtifact(stages/* PIPELINE */.Jj.code.artifact(task.id), 'task.json'))
        .map((task) => (0,run_stage.readTask)(session.runDir, task.id));
}
/** Tests, or with the test stage off a plain integration (no row: nothing was tested). */
async function testStep(session, run, runTests) {
    const unit = { stage: 'test', runTests };
    const [outcome] = runTests ? await run('test', async (u) => [await u(unit)]) : [await run.untimed(unit)];
    return { document: outcome?.documents.test, patch: (0,run_stage.readChange)(session.runDir) };
}
async function reviewStep(run, stages, change) {
    if (!stages.has('review') || change.trim() === '')
        return [];
    const [outcome] = await run('review', async (unit) => [await unit({ stage: 'review' })]);
    return outcome?.documents.reviews ?? [];
}
async function docsStep(session, run, stages, change) {
    if (!stages.has('docs') || change.trim() === '')
        return null;
    const [outcome] = await run('docs', async (unit) => [await unit({ stage: 'docs' })]);
    return outcome?.documents.docs ? (0,run_stage.readDocs)(session.runDir) : null;
}
/**
 * The review → fix loop: while the review blocks, a fix round, a re-test and a re-review, up to
 * `stages.fix.max-rounds`. It stops early when no blocking finding is left, when a round fixed
 * none of its findings, when a round or its re-test or re-review did not complete, or when the
 * run's budget is spent. The result's test and reviews become the last tested round's.
 */
async function fixStep(session, run, result) {
    const { config } = session.ctx;
    if (result.test === null || (0,review/* blockingFindings */.Ur)(result.reviews, config.review['block-on']).length === 0)
        return;
    const before = session.ctx.ledger.runTotals();
    await run.timed('fix', async () => {
        result.fix = await (0,fix_loop/* runFixRounds */.So)(session, run.untimed);
        const first = result.test;
        const final = (0,review/* finalState */.A9)({ test: first.document, change: first.patch, reviews: result.reviews }, result.fix);
        result.test = { document: final.test, patch: final.change };
        result.reviews = [...final.reviews];
        const status = result.fix.rounds.some((r) => r.test !== null) ? 'done' : 'failed';
        return { status, detail: (0,review/* fixLoopDetail */.TC)(result.fix) };
    }, () => usageSince(before, session.ctx.ledger.runTotals()));
}
async function publishStep(run, options, result) {
    const { publisher } = options;
    if (!publisher || !options.stages.has('publish') || result.plan === null)
        return;
    if (result.stopped !== null && !publisher.reportsStoppedRuns)
        return;
    await run.timed('publish', async () => {
        const published = await publisher.publish(result);
        result.published = published.ok;
        return { status: published.ok ? 'done' : 'failed', detail: published.summary };
    });
}
function stepRunner(session, options, rows) {
    const { ctx } = session;
    const around = options.around ?? ((work) => work());
    const unit = async (u) => {
        const outcome = await around(() => (0,run_stage.runStage)(session, u));
        await options.afterUnit?.(outcome);
        return outcome;
    };
    const timed = async (stage, work, given) => {
        const started = Date.now();
        // What this row spent: a stage can have several rows (the plan step again, after a person's
        // answers at the terminal), and each row counts only its own calls.
        const before = ctx.ledger.totals(stage);
        const usage = given ?? (() => usageSince(before, ctx.ledger.totals(stage)));
        ctx.reporter.event({ stage, status: 'started' });
        const row = (status, detail) => {
            const { tokens, costUsd } = usage();
            return { stage, status, durationMs: Date.now() - started, tokens, costUsd, detail };
        };
        try {
            const { status, detail } = await work();
            rows.push(row(status, detail));
            ctx.reporter.event({ stage, status: status === 'failed' ? 'failed' : 'finished', detail });
        }
        catch (error) {
            rows.push(row('failed', (0,errors/* errorMessage */.gJ)(error)));
            ctx.reporter.event({ stage, status: 'failed', detail: (0,errors/* errorMessage */.gJ)(error) });
            if (stages/* PIPELINE */.Jj[stage].fatal)
                throw new RunStopped((0,errors/* errorMessage */.gJ)(error));
            ctx.reporter.warn(`the ${stage} stage failed: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    };
    const run = (async (stage, work) => {
        let outcomes = [];
        await timed(stage, async () => {
            outcomes = await work(unit);
            return { status: rowStatus(outcomes), detail: outcomes.map((o) => o.summary).join('; ') };
        });
        return outcomes;
    });
    run.untimed = unit;
    run.timed = timed;
    return run;
}
/** A stage failed when none of its units did what it promises. */
function rowStatus(outcomes) {
    if (outcomes.some((o) => o.status === 'waiting'))
        return 'waiting';
    if (outcomes.some((o) => o.status === 'done'))
        return 'done';
    if (outcomes.some((o) => o.status === 'failed'))
        return 'failed';
    return 'skipped';
}
function usageSince(before, now) {
    const tokens = now.inputTokens + now.outputTokens - before.inputTokens - before.outputTokens;
    if (now.costUsd === null || before.costUsd === null)
        return { tokens, costUsd: null };
    return { tokens, costUsd: Math.round((now.costUsd - before.costUsd) * 1e6) / 1e6 };
}


/***/ }),

/***/ 44698:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runStageJob: () => (/* binding */ runStageJob)
/* harmony export */ });
/* harmony import */ var _agent_transcript_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91039);
/* harmony import */ var _workspace_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(30514);
/* harmony import */ var _fix_loop_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(21236);
/* harmony import */ var _run_stage_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76593);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6660);





/**
 * Reads and validates what the stage needs before any model key is read or any agent runs, then
 * opens a session on the plan's run identity and runs the unit.
 */
async function runStageJob(options) {
    const { runDir, reporter } = options;
    const repoDir = (0,_session_js__WEBPACK_IMPORTED_MODULE_4__.repositoryRoot)(options.repoDir);
    const plan = (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_3__.readPlan)(runDir);
    const { config, loaded } = await (0,_session_js__WEBPACK_IMPORTED_MODULE_4__.loadRunConfig)(repoDir, options.configFile, options.model);
    if (loaded.hash !== plan.run.configHash) {
        const then = plan.run.configHash.slice(0, 12);
        reporter.warn(`the configuration changed since this run was planned (hash ${then} then, ${loaded.hash.slice(0, 12)} now)`);
    }
    const units = options.units.map((unit) => unit.stage === 'plan' ? { stage: 'plan', request: plan.request } : unit);
    const stages = [...new Set(units.map((unit) => unit.stage))];
    if (stages.length !== 1)
        throw new Error(`a stage job runs units of one stage, not of ${stages.join(' and ') || 'none'}`);
    // Every input is validated now; a code task's dependencies are read when it starts, after the
    // tasks before it in the same job have written theirs, and a fix loop's rounds as they come.
    for (const unit of units)
        if (!('loop' in unit))
            (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_3__.readStageInputs)(runDir, unit);
    // A fix round re-tests and re-reviews its fix: those stages' models too.
    const modelStages = stages.includes('fix') ? ['fix', 'test', 'review'] : stages;
    // A replay reads the recorded calls before the stage starts its transcripts afresh, and needs no key.
    const recorded = options.replay
        ? recordedCallsOf(runDir, units.flatMap((u) => ('loop' in u ? [] : (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_3__.unitArtifacts)(config, u))))
        : null;
    const models = (0,_session_js__WEBPACK_IMPORTED_MODULE_4__.openModels)(config, recorded ? [] : [...modelStages], options);
    await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_1__/* .assertRepoContains */ .IA)(repoDir, plan.run.baseSha, options.baseCommitHint);
    const session = await (0,_session_js__WEBPACK_IMPORTED_MODULE_4__/* .openStageSession */ .H)({
        repoDir,
        config,
        run: plan.run,
        runDir,
        session: models,
        reporter,
        commands: options.commands,
        ...(recorded ? { replay: (agent) => recorded.get(agent) ?? [] } : {}),
        savedInstall: options.savedInstall,
    });
    try {
        const outcomes = [];
        let stopReason = null;
        const stopped = options.stopped?.then((reason) => {
            stopReason = reason;
            return reason;
        });
        const runUnit = async (unit) => {
            const outcome = await runUnitUnlessStopped(session, unit, stopped, () => stopReason);
            await options.afterUnit?.(outcome);
            outcomes.push(outcome);
            return outcome;
        };
        for (const unit of units) {
            if ('loop' in unit)
                await (0,_fix_loop_js__WEBPACK_IMPORTED_MODULE_2__/* .runFixRounds */ .So)(session, runUnit, { instructions: unit.instructions ?? null });
            else if (unit.stage === 'fix')
                await (0,_fix_loop_js__WEBPACK_IMPORTED_MODULE_2__/* .runFixRound */ .Lw)(session, runUnit, unit);
            else
                await runUnit(unit);
        }
        return { outcomes, config, setup: (await session.ctx.environment?.report()) ?? null };
    }
    finally {
        await session.close();
    }
}
/** The unit's outcome, or, once the job is asked to stop, the failure it yields (the unit keeps running unseen). */
async function runUnitUnlessStopped(session, unit, stopped, stopReason) {
    const already = stopReason();
    if (already !== null)
        return (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_3__.unitStopped)(session, unit, already);
    if (!stopped)
        return (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_3__.runStage)(session, unit);
    const running = (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_3__.runStage)(session, unit);
    // The unit may still fail after the stop; its rejection must not go unhandled.
    running.catch(() => undefined);
    const first = await Promise.race([running.then((done) => ({ done })), stopped.then((reason) => ({ reason }))]);
    return 'done' in first ? first.done : (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_3__.unitStopped)(session, unit, first.reason);
}
/** Every agent's recorded model calls in the transcripts of `artifacts`; an artifact without one has none. */
function recordedCallsOf(runDir, artifacts) {
    const calls = new Map();
    for (const artifact of artifacts) {
        if (!runDir.hasArtifact(artifact, 'transcript.jsonl'))
            continue;
        for (const call of (0,_agent_transcript_js__WEBPACK_IMPORTED_MODULE_0__/* .recordedCalls */ .ip)((0,_agent_transcript_js__WEBPACK_IMPORTED_MODULE_0__/* .readTranscript */ .lb)(runDir.artifactPath(artifact, 'transcript.jsonl')))) {
            calls.set(call.agent, [...(calls.get(call.agent) ?? []), call]);
        }
    }
    return calls;
}


/***/ }),

/***/ 93511:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fixCommand: () => (/* binding */ fixCommand),
  runCommand: () => (/* binding */ runCommand),
  stageCommand: () => (/* binding */ stageCommand)
});

// UNUSED EXPORTS: formatSummary, interruptedMessage

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/artifacts/names.js
var names = __webpack_require__(40963);
// EXTERNAL MODULE: ./lib/artifacts/run-directory.js
var run_directory = __webpack_require__(5012);
// EXTERNAL MODULE: ./lib/pipeline/fix-loop.js
var fix_loop = __webpack_require__(21236);
// EXTERNAL MODULE: ./lib/pipeline/request.js
var pipeline_request = __webpack_require__(6547);
// EXTERNAL MODULE: ./lib/pipeline/run-stage.js + 15 modules
var run_stage = __webpack_require__(76593);
// EXTERNAL MODULE: ./lib/pipeline/session.js + 6 modules
var pipeline_session = __webpack_require__(6660);
// EXTERNAL MODULE: ./lib/pipeline/stage-job.js
var stage_job = __webpack_require__(44698);
// EXTERNAL MODULE: ./lib/pipeline/stages.js
var pipeline_stages = __webpack_require__(23435);
// EXTERNAL MODULE: ./lib/review/index.js + 2 modules
var lib_review = __webpack_require__(59039);
// EXTERNAL MODULE: ./lib/util/text.js
var util_text = __webpack_require__(28805);
// EXTERNAL MODULE: ./lib/workspace/index.js + 2 modules
var workspace = __webpack_require__(30514);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/runtime/local/cli-io.js
var cli_io = __webpack_require__(33291);
;// CONCATENATED MODULE: ./lib/runtime/local/answers-file.js
/**
 * `ensemble run --answers FILE`: answers to the planning agent's questions, given before it asks.
 * A `.json`, `.yml` or `.yaml` file is a mapping of question id to answer text; any other file is
 * plain text, which answers the first round of questions as a whole. The file is read and checked
 * before the run starts, so that a mistake in it costs no model call.
 */






/** Longest answer kept (an `Answer`'s text is at most 20,000 characters, with the `[id] ` before it). */
const MAX_ANSWER_CHARS = 19_000;
const MAPPING_EXTENSIONS = new Set(['.json', '.yml', '.yaml']);
/** Reads and checks an answers file; every mistake is a `UsageError` naming the file and how to fix it. */
function readAnswersFile(path, shown) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new cli_io/* UsageError */.e(`--answers: cannot read ${shown}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    if (text.trim() === '') {
        throw new cli_io/* UsageError */.e(`--answers: ${shown} is empty: write the answers in it (a YAML or JSON mapping of question id to answer, ` +
            'or plain text), or leave the option out');
    }
    const extension = (0,external_node_path_.extname)(path).toLowerCase();
    if (!MAPPING_EXTENSIONS.has(extension)) {
        const answer = text.trim();
        if (answer.length > MAX_ANSWER_CHARS)
            throw tooLong(shown, null, answer.length);
        return { file: shown, kind: 'text', text: answer };
    }
    const format = extension === '.json' ? 'JSON' : 'YAML';
    let parsed;
    try {
        parsed = extension === '.json' ? JSON.parse(text) : (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        throw new cli_io/* UsageError */.e(`--answers: ${shown} is not valid ${format}: ${(0,errors/* errorMessage */.gJ)(error).split('\n')[0]}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        const got = Array.isArray(parsed) ? 'a list' : `a ${parsed === null ? 'null' : typeof parsed}`;
        throw new cli_io/* UsageError */.e(`--answers: ${shown} must be a ${format} mapping of question id to answer text (got ${got}), ` +
            'e.g. `units: "metric"`; for one answer to every question, use a file that is not .json, .yml or .yaml');
    }
    const answers = new Map();
    for (const [id, value] of Object.entries(parsed)) {
        // An empty value leaves the question unanswered (as in the file a waiting run writes).
        if (value === null || value === undefined)
            continue;
        if (typeof value !== 'string') {
            const got = Array.isArray(value) ? 'a list' : `a ${typeof value}`;
            throw new cli_io/* UsageError */.e(`--answers: ${shown}: the answer to "${id}" is ${got}, not text; write it as a quoted string ` +
                `(${id}: "${typeof value === 'object' ? '…' : String(value)}")`);
        }
        const answer = value.trim();
        if (answer === '')
            continue;
        if (answer.length > MAX_ANSWER_CHARS)
            throw tooLong(shown, id, answer.length);
        answers.set(id, answer);
    }
    if (answers.size === 0) {
        throw new cli_io/* UsageError */.e(`--answers: ${shown} answers nothing: every answer in it is empty; fill in at least one`);
    }
    return { file: shown, kind: 'mapping', answers };
}
function tooLong(shown, id, length) {
    const which = id === null ? 'the answer' : `the answer to "${id}"`;
    return new cli_io/* UsageError */.e(`--answers: ${shown}: ${which} is ${length} characters long; keep each answer under ${MAX_ANSWER_CHARS}`);
}
/**
 * The file's answers to `questions`; none (`answered` empty) when it says nothing to them: none of
 * their ids is in the mapping, or the plain text answered an earlier round. A mapping answers each
 * question whose id it has. Its other keys not given yet go to the planner too, in one answer that
 * says they match no question: a planner run again may name its questions differently, and the
 * answers may still tell it what it needs.
 */
function answersFromFile(file, questions, use) {
    const none = { answered: [], byId: new Map(), other: null, unmatched: [] };
    if (file.kind === 'text') {
        if (use.textUsed)
            return none;
        use.textUsed = true;
        return { ...none, answered: questions.map((q) => q.id), other: file.text };
    }
    const asked = new Set(questions.map((q) => q.id));
    const answered = questions.filter((q) => file.answers.has(q.id)).map((q) => q.id);
    const unmatched = [...file.answers.keys()].filter((id) => !asked.has(id));
    if (answered.length === 0)
        return { ...none, unmatched };
    const byId = new Map(answered.map((id) => [id, `[${id}] ${file.answers.get(id)}`]));
    const passOn = unmatched.filter((id) => !use.given.has(id));
    for (const id of [...answered, ...passOn])
        use.given.add(id);
    const lines = passOn.map((id) => `[${id}] ${file.answers.get(id)}`);
    const other = passOn.length === 0
        ? null
        : (0,util_text/* clip */.$Q)('These answers were given under ids that match none of your questions; use them where they help:\n' +
            lines.join('\n'), MAX_ANSWER_CHARS);
    return { answered, byId, other, unmatched };
}

// EXTERNAL MODULE: ./lib/runtime/local/exit-codes.js
var exit_codes = __webpack_require__(28665);
// EXTERNAL MODULE: ./lib/contracts/stages.js
var contracts_stages = __webpack_require__(10784);
// EXTERNAL MODULE: ./lib/pipeline/identity.js
var identity = __webpack_require__(77918);
// EXTERNAL MODULE: ./lib/pipeline/schedule.js + 1 modules
var schedule = __webpack_require__(20975);
// EXTERNAL MODULE: ./lib/publish/branch.js
var branch = __webpack_require__(77619);
// EXTERNAL MODULE: ./lib/publish/commits.js
var publish_commits = __webpack_require__(54673);
// EXTERNAL MODULE: ./lib/workspace/commit.js
var commit = __webpack_require__(48656);
// EXTERNAL MODULE: ./lib/workspace/git.js
var git = __webpack_require__(10297);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(80481);
;// CONCATENATED MODULE: ./lib/runtime/local/terminal.js
/**
 * A person at the terminal, for the questions and the approval `ensemble run` asks while it runs.
 * The gates (`gates.ts`) talk through `GateTerminal`; the CLI gives them `lineTerminal` over its
 * stdin and stdout, the tests a scripted one.
 */

/**
 * The terminal over a line stream: one answer per line. `hold` pauses the live progress display
 * for an exchange. Lines typed before a prompt are kept for it (a pasted block of answers, or
 * input piped in ahead). readline runs without terminal mode, so Ctrl-C still reaches the
 * process's handler, which cleans up the worktrees.
 */
function lineTerminal(input, output, hold = { pause() { }, resume() { } }) {
    let reader = null;
    let lines = null;
    const io = {
        write: (text) => {
            output.write(text);
        },
        async readLine(prompt) {
            output.write(prompt);
            if (lines === null) {
                // Opened on the first question only: a run that asks nothing never touches its input.
                reader = (0,external_node_readline_.createInterface)({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
                lines = reader[Symbol.asyncIterator]();
            }
            const next = await lines.next();
            return next.done ? null : next.value;
        },
    };
    return {
        async converse(talk) {
            hold.pause();
            try {
                return await talk(io);
            }
            finally {
                hold.resume();
            }
        },
        close() {
            reader?.close();
        },
    };
}
/** Control characters removed from text a model wrote before it is shown on a terminal (no escape sequences). */
function printable(text) {
    return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

;// CONCATENATED MODULE: ./lib/runtime/local/gates.js





/** The revisions a gate record holds at most (`GateRecord`). */
const MAX_REVISIONS = 20;
class LocalGates {
    options;
    now;
    rounds = [];
    /** The answer given to each question id (from the file or typed), for the answers file of a waiting run. */
    given = new Map();
    fileUse = { textUsed: false, given: new Set() };
    approvedAhead;
    revisions = 0;
    stopped = null;
    constructor(options) {
        this.options = options;
        this.now = options.now ?? (() => new Date());
        this.approvedAhead = options.approve ? this.approval() : null;
    }
    /** How the plan step starts: a fresh plan, approved ahead with `--approve`. */
    firstGate() {
        return { kind: 'fresh', preApproved: this.approvedAhead };
    }
    /** The scheduler's `onWait`: the gate to continue with, or null to end the run (waiting, or stopped). */
    async onWait(checkpoint, conversation) {
        const origin = { runId: checkpoint.run.runId, commit: null };
        if (checkpoint.waitingFor === 'answers') {
            const answers = await this.answer(checkpoint);
            if (answers.length === 0)
                return null;
            return { kind: 'answers', checkpoint, origin, conversation, answers, preApproved: this.approvedAhead };
        }
        const { terminal } = this.options;
        if (terminal === null || checkpoint.plan === null)
            return null;
        const where = this.options.runDir.artifactPath(names.ARTIFACTS.plan, 'checkpoint.json');
        const revisable = this.revisions < MAX_REVISIONS;
        const choice = await terminal.converse((io) => askApproval(io, checkpoint.plan, where, revisable));
        switch (choice.kind) {
            case 'approve':
                return { kind: 'approve', checkpoint, origin, approval: this.approval() };
            case 'revise': {
                this.revisions++;
                const revision = { by: this.options.person, at: this.now().toISOString(), instructions: choice.instructions };
                return { kind: 'revise', checkpoint, origin, conversation, revision };
            }
            case 'stop':
                this.stop(checkpoint);
                return null;
            case 'end':
                return null;
        }
    }
    /** The answers to the last round of `checkpoint`: from the file, then typed; none leaves the run waiting. */
    async answer(checkpoint) {
        const questions = checkpoint.gate.rounds.at(-1)?.questions ?? [];
        const round = { asked: questions.map((q) => q.id), answered: [], unanswered: [], unmatched: [] };
        this.rounds.push(round);
        const byId = new Map();
        let other = null;
        const file = this.options.answers;
        if (file !== null) {
            const fromFile = answersFromFile(file, questions, this.fileUse);
            round.unmatched = fromFile.unmatched;
            other = fromFile.other;
            for (const id of fromFile.answered) {
                round.answered.push({ id, via: 'file' });
                if (file.kind === 'mapping')
                    this.given.set(id, file.answers.get(id));
            }
            for (const [id, text] of fromFile.byId)
                byId.set(id, text);
            if (fromFile.answered.length > 0) {
                this.options.reporter.info(`answered ${fromFile.answered.length} of ${questions.length} of the planning agent's questions ` +
                    `from ${file.file}`);
            }
        }
        const open = questions.filter((q) => !round.answered.some((a) => a.id === q.id));
        const { terminal } = this.options;
        if (open.length > 0 && terminal !== null) {
            const typed = await terminal.converse((io) => askQuestions(io, open, questions.length - open.length));
            for (const [id, text] of typed) {
                round.answered.push({ id, via: 'terminal' });
                this.given.set(id, text);
                byId.set(id, `[${id}] ${text}`);
            }
        }
        round.answered.sort((a, b) => round.asked.indexOf(a.id) - round.asked.indexOf(b.id));
        round.unanswered = round.asked.filter((id) => !round.answered.some((a) => a.id === id));
        // In the order asked, then what the file said beyond the questions.
        const texts = [...questions.flatMap((q) => byId.get(q.id) ?? []), ...(other === null ? [] : [other])];
        if (texts.length > 0 && round.unanswered.length > 0) {
            this.options.reporter.warn(`no answer to ${round.unanswered.join(', ')}: the planning agent plans without ` +
                (round.unanswered.length === 1 ? 'it' : 'them'));
        }
        const at = this.now().toISOString();
        return texts.map((text) => ({ by: this.options.person, at, text, via: 'local', commentId: null }));
    }
    approval() {
        return { by: this.options.person, at: this.now().toISOString(), via: 'local' };
    }
    /** The person stopped the run at the prompt: the checkpoint says so, and the run ends without a plan. */
    stop(checkpoint) {
        const at = this.now().toISOString();
        const stopped = {
            ...checkpoint,
            status: 'stopped',
            settled: { by: this.options.person, at, runId: checkpoint.run.runId },
        };
        this.options.runDir.writeDocument(names.ARTIFACTS.plan, 'checkpoint.json', stopped);
        this.stopped =
            `stopped at the approval prompt by ${this.options.person}: ` + 'the plan was not approved, so nothing was coded';
    }
    /** What the gates did, once the pipeline has returned: its plan, or the checkpoint it waits on. */
    outcome(final) {
        const approval = final.plan?.gate?.approval ?? null;
        const gate = {
            rounds: this.rounds,
            revisions: this.revisions,
            approval: approval ? { by: approval.by, ahead: this.approvedAhead !== null } : null,
        };
        if (this.stopped !== null || final.waiting === null)
            return { gate, waiting: null, stopped: this.stopped };
        return { gate, waiting: this.waiting(final.waiting), stopped: null };
    }
    waiting(checkpoint) {
        const where = this.options.runDir.artifactPath(names.ARTIFACTS.plan, 'checkpoint.json');
        const answersFile = checkpoint.gate.rounds.length > 0 ? this.writeAnswersTemplate(checkpoint) : null;
        const orTerminal = this.options.terminal === null ? '; or run it in a terminal, without --json, to answer at the prompt' : '';
        if (checkpoint.waitingFor === 'answers') {
            return {
                waitingFor: 'answers',
                questions: checkpoint.gate.rounds.at(-1)?.questions ?? [],
                plan: null,
                checkpoint: where,
                answersFile,
                next: `write the answers in ${answersFile}, then run the same \`ensemble run\` command again with ` +
                    `\`--answers ${answersFile}\` (in place of any --answers given)${orTerminal}`,
            };
        }
        const plan = checkpoint.plan;
        const withAnswers = answersFile ? ` --answers ${answersFile}` : '';
        const atPrompt = this.options.terminal === null
            ? '; or run it in a terminal, without --json, to approve, revise or stop at the prompt'
            : '';
        return {
            waitingFor: 'approval',
            questions: [],
            plan: { summary: (0,util_text/* clip */.$Q)(plan.summary, 2_000), tasks: plan.tasks.map((t) => ({ id: t.id, title: t.title })) },
            checkpoint: where,
            answersFile,
            next: `read the plan in ${where}; to go ahead, run the same \`ensemble run\` command again with ` +
                `\`--approve${withAnswers}\`: the planning agent plans anew and that plan is coded without waiting, ` +
                `so it may differ from this one${atPrompt}`,
        };
    }
    /**
     * `answers.yml` in the run directory: every question asked so far with the answer given to it,
     * to fill in and pass with `--answers` when the run is started again.
     */
    writeAnswersTemplate(checkpoint) {
        const lines = [
            `# Answers to the planning agent's questions (ensemble run ${this.options.runDir.runId}).`,
            '# Write each answer after its id, then run the same `ensemble run` command again with',
            '# --answers <this file>. A question left empty stays unanswered.',
        ];
        if (this.fileUse.textUsed && this.options.answers) {
            lines.push(`# The first round was answered with the whole text of ${this.options.answers.file}.`);
        }
        const written = new Set();
        checkpoint.gate.rounds.forEach((round, i) => {
            lines.push('', `# Round ${i + 1}`);
            for (const q of round.questions) {
                if (written.has(q.id))
                    continue;
                written.add(q.id);
                lines.push('', ...comment(q.question), ...comment(`why: ${q.why}`));
                if (q.options.length > 0)
                    lines.push(...comment(`options: ${q.options.join(' | ')}`));
                lines.push((0,dist/* stringify */.As)({ [q.id]: this.given.get(q.id) ?? '' }, { lineWidth: 0 }).trimEnd());
            }
        });
        return this.options.runDir.writeRunFile('answers.yml', `${lines.join('\n')}\n`);
    }
}
const comment = (text) => printable(text)
    .split(/[\n\u0085\u2028\u2029]/)
    .map((line) => `# ${line}`);
/** `text` indented under a numbered line. */
const indented = (text, indent) => printable(text).replace(/\n/g, `\n${indent}`);
/**
 * Asks each question, one line per answer: a number picks one of the options, an empty line skips
 * the question, the end of input (Ctrl-D) skips the rest. Returns the answers typed, by id.
 */
async function askQuestions(io, questions, answeredFromFile) {
    const count = questions.length === 1 ? '1 question' : `${questions.length} questions`;
    const more = answeredFromFile > 0 ? ` more (the answers file answered ${answeredFromFile})` : '';
    io.write(`\nThe planning agent asks ${count}${more} before it plans.\n` +
        'Answer each on one line (a number picks an option); an empty line skips a question, Ctrl-D skips the rest.\n');
    const typed = new Map();
    for (const [i, q] of questions.entries()) {
        io.write(`\n${i + 1}. [${q.id}] ${indented(q.question, '   ')}\n   why: ${indented(q.why, '   ')}\n`);
        q.options.forEach((option, j) => {
            io.write(`   ${j + 1}) ${indented(option, '      ')}\n`);
        });
        const line = await io.readLine('> ');
        if (line === null)
            break;
        const answer = line.trim();
        if (answer === '')
            continue;
        const picked = /^[0-9]+$/.test(answer) ? q.options[Number(answer) - 1] : undefined;
        typed.set(q.id, (0,util_text/* clip */.$Q)(picked ?? answer, MAX_ANSWER_CHARS));
    }
    return typed;
}
/** Shows the plan and asks for approval; `r` asks what should change (one line). */
async function askApproval(io, plan, where, revisable = true) {
    io.write(describePlan(plan, where));
    for (;;) {
        const line = await io.readLine('Approve this plan? [y]es, [r]evise, [s]top: ');
        if (line === null)
            return { kind: 'end' };
        const word = line.trim().toLowerCase();
        if (word === 'y' || word === 'yes')
            return { kind: 'approve' };
        if (word === 's' || word === 'stop')
            return { kind: 'stop' };
        if (word === 'r' || word === 'revise') {
            if (!revisable) {
                io.write(`The plan was revised ${MAX_REVISIONS} times already: approve it or stop.\n`);
                continue;
            }
            const instructions = await io.readLine('What should change? (one line): ');
            if (instructions === null)
                return { kind: 'end' };
            if (instructions.trim() !== '')
                return { kind: 'revise', instructions: (0,util_text/* clip */.$Q)(instructions.trim(), MAX_ANSWER_CHARS) };
            io.write('Nothing to change was given.\n');
            continue;
        }
        io.write('Type y to approve the plan, r to have it made again with your changes, or s to stop the run.\n');
    }
}
function describePlan(plan, where) {
    const width = Math.max(...plan.tasks.map((t) => t.id.length));
    const tasks = plan.tasks.map((t, i) => {
        const after = t.dependsOn.length > 0 ? ` (after ${t.dependsOn.join(', ')})` : '';
        return `    ${i + 1}. ${t.id.padEnd(width)}  ${printable(t.title)}${after}`;
    });
    const risks = plan.risks.slice(0, 5).map((r) => `    - ${indented((0,util_text/* clip */.$Q)(r, 300), '      ')}`);
    return [
        '',
        `The plan waits for your approval before any code is written (in full: ${where}):`,
        '',
        `  ${indented((0,util_text/* clip */.$Q)(plan.summary, 1_500), '  ')}`,
        '',
        '  tasks:',
        ...tasks,
        ...(risks.length > 0 ? ['  risks:', ...risks] : []),
        '',
        '',
    ].join('\n');
}

// EXTERNAL MODULE: ./lib/contracts/common.js
var common = __webpack_require__(60574);
// EXTERNAL MODULE: ./lib/model/keys.js
var keys = __webpack_require__(61261);
// EXTERNAL MODULE: ./lib/publish/check-policy.js
var check_policy = __webpack_require__(18334);
// EXTERNAL MODULE: ./lib/publish/policy.js + 1 modules
var publish_policy = __webpack_require__(29367);
// EXTERNAL MODULE: ./lib/render/index.js + 10 modules
var render = __webpack_require__(14059);
;// CONCATENATED MODULE: ./lib/runtime/local/publish.js















/** The safe-output policy refused what the run would have put on its branch: the branch was left as it was. */
class PublishRefusedError extends errors/* UserError */.yo {
    name = 'PublishRefusedError';
    constructor(branch, policyMessage) {
        super(`nothing was committed to ${branch}: ${policyMessage}\nThe run's work is in its run directory; after ` +
            "fixing what is refused, run `ensemble stage publish --run <this run's directory>`");
    }
}
/**
 * The local publisher: commits the run's work onto branch `branch` of the user's repository
 * without touching their work tree, index or current branch: one commit per task, one for
 * integration and tests, one for docs, each with trailers naming the run, stage and task. The
 * branch then holds exactly base + change.patch + docs.patch. The same safe-output policy as on
 * GitHub decides first (`checkRunOutputs`): a refused change, text or commit message leaves the
 * branch as it was.
 */
async function publishLocal(input) {
    const { policy } = input;
    // Commit messages are the model's words: sanitised as the GitHub publisher writes them.
    const message = (text) => (0,publish_policy/* sanitiseText */.S_)(text, 'raw', policy).text;
    const sequence = await (0,publish_commits/* buildCommitSequence */.Py)({
        repoDir: input.repoDir,
        run: input.run,
        plan: input.plan,
        tasks: input.tasks,
        test: input.test,
        changePatch: input.changePatch,
        rounds: (0,lib_review/* testedRounds */.Hj)(input.fix).map((r) => ({
            document: { round: r.document.round, commitMessage: message(r.document.commitMessage) },
            change: r.change,
        })),
        docs: input.docs,
        taskMessage: (task) => message(task.commitMessage),
    });
    const final = (0,lib_review/* finalState */.A9)({ test: input.test, change: input.changePatch, reviews: input.reviews }, input.fix);
    const notes = sequence.notes;
    const commits = sequence.commits.map((c) => ({ sha: c.sha, stage: c.stage, taskId: c.taskId }));
    const review = final.reviews.length > 0 ? (0,lib_review/* combineReviews */.bu)(final.reviews, (0,workspace/* parseUnifiedDiff */.rj)(final.change), input.blockOn) : null;
    const rendered = renderTexts(input, final, review);
    const branch = commits.length > 0 ? input.branch : null;
    const checked = await (0,check_policy/* checkRunOutputs */.Aw)({
        artifacts: input,
        changePatch: input.changePatch,
        sequence,
        repoDir: input.repoDir,
        policy,
        texts: policyTexts(rendered, sequence),
    });
    if (!checked.ok)
        throw new PublishRefusedError(input.branch, checked.message);
    if (branch)
        await moveBranchOverOwnWorkOnly(input.repoDir, branch, input.run.baseSha, sequence.head);
    const document = {
        schema: 'ensemble.publish/v1',
        run: input.run,
        usage: (0,common/* noModelUsage */.wQ)(),
        branch: branch ?? input.branch,
        commits,
        prNumber: null,
        prUrl: null,
        reviewId: null,
        commentId: null,
    };
    const prBody = checked.texts['prBody'];
    const reviewBody = rendered.reviewBody === null ? null : checked.texts['reviewBody'];
    return { document, prBody, reviewBody, review, notes };
}
/** The PR body and review a GitHub publish of the run would post. */
function renderTexts(input, final, review) {
    const tasks = input.tasks.map((t) => t.document);
    const prBody = (0,render/* renderPrBody */.BN)({
        plan: input.plan,
        tasks,
        test: final.test,
        reviews: review,
        docs: input.docs?.document ?? null,
        fix: input.fix,
        usage: (0,render/* usageRows */.x4)({
            plan: input.plan,
            tasks,
            test: input.test,
            reviews: input.reviews,
            docs: input.docs?.document ?? null,
            rounds: input.fix.rounds,
        }),
        issue: input.run.issue,
    });
    const reviewBody = review ? (0,render/* renderReviewBody */.de)(review, { runId: input.run.runId, includeInline: true }) : null;
    return { prBody, reviewBody };
}
/** What the policy checks of the local publish's own texts: the PR body, the review and the commit messages. */
function policyTexts(rendered, sequence) {
    const texts = { prBody: { label: 'PR body', text: rendered.prBody, kind: 'body' } };
    if (rendered.reviewBody !== null)
        texts['reviewBody'] = { label: 'review', text: rendered.reviewBody, kind: 'body' };
    sequence.commits.forEach((c, i) => {
        texts[`commit ${i}`] = { label: `commit message of ${c.stage} commit ${c.sha.slice(0, 12)}`, text: c.message };
    });
    return texts;
}
/**
 * `ensemble stage publish`: the local publish of a run directory's artifacts, onto the run's
 * branch (`publishLocal`); the PR body and review go beside the artifacts.
 */
async function publishRunDirectory(options) {
    const { runDir } = options;
    const repoDir = (0,pipeline_session.repositoryRoot)(options.repoDir);
    const plan = (0,run_stage.readPlan)(runDir);
    const { config, loaded } = await (0,pipeline_session.loadRunConfig)(repoDir, options.configFile, null);
    const tasks = plan.tasks.map((task) => (0,run_stage.readTask)(runDir, task.id));
    const test = (0,run_stage.readTest)(runDir);
    const changePatch = (0,run_stage.readChange)(runDir);
    const reviews = (0,run_stage.readReviews)(runDir, config.review.lenses);
    const fix = (0,fix_loop/* fixLoopOf */.X_)(runDir, config);
    await (0,workspace/* assertRepoContains */.IA)(repoDir, plan.run.baseSha, 'pass --repo with the repository the run was made in');
    const published = await publishLocal({
        repoDir,
        run: plan.run,
        plan,
        tasks,
        test,
        changePatch,
        docs: (0,run_stage.readDocs)(runDir),
        reviews,
        fix,
        blockOn: config.review['block-on'],
        policy: localPolicy(config, {
            repoDir,
            configFile: loaded.file,
            secretValues: [
                // The CLI's own publish starts no agent: the variables stay, and are looked for.
                ...Object.entries((0,keys/* credentialsIn */.Wr)(process.env)).map(([name, value]) => ({ name, value })),
                ...(await (0,workspace/* checkoutCredentials */.bb)(repoDir)),
            ],
        }),
        branch: (0,branch/* branchFor */.y)(plan.request, plan.run.runId),
    });
    for (const note of published.notes)
        options.reporter.info(note);
    const { written } = runDir.writePublished(published);
    const commits = published.document.commits.length;
    return { ok: commits > 0, summary: `branch ${published.document.branch}, ${commits} commits`, written };
}
/** The run's branch holds commits ensemble did not make: they are left where they are. */
class OthersCommitsOnBranchError extends errors/* UserError */.yo {
    constructor(branch, commits, runHead) {
        const listed = commits.map((c) => `${c.sha.slice(0, 12)} ${JSON.stringify(c.subject)}`).join(', ');
        const count = commits.length === 1 ? '1 commit' : `${commits.length} commits`;
        super(`branch ${branch} holds ${count} that ensemble did not make (${listed}), so it was left as it is. ` +
            `This run's commits end at ${runHead.slice(0, 12)}: to publish them on ${branch}, move your work ` +
            `to a branch of its own first (git branch -m ${branch} <new name>), then run ` +
            "`ensemble stage publish --run <this run's directory>`");
    }
}
/**
 * Points the run's branch at `head`, unless the branch holds commits without ensemble's
 * `Ensemble-Run` trailer since the base: a person's commits on a branch ensemble made before are
 * never moved away silently. The update is made only if the branch has not moved since it was read.
 */
async function moveBranchOverOwnWorkOnly(repoDir, branch, base, head) {
    const existing = await (0,workspace/* commitsWithoutTrailer */.cs)(repoDir, branch, base, publish_commits/* RUN_TRAILER */.cu);
    if (existing.commits.length > 0)
        throw new OthersCommitsOnBranchError(branch, existing.commits, head);
    await (0,workspace/* updateBranch */.Ub)(repoDir, branch, head, { expectedSha: existing.head, knownCommit: true });
}
/**
 * The GitHub publisher's policy for a local branch: links are judged as on github.com (the PR
 * body and review files are what a publish there would post).
 */
function localPolicy(config, options) {
    const configPath = external_node_path_.relative(options.repoDir, external_node_path_.resolve(options.configFile));
    return (0,check_policy/* publishPolicy */.cM)(config, { ...options, configPath, allowedHost: 'github.com' });
}

// EXTERNAL MODULE: ./lib/contracts/review.js
var contracts_review = __webpack_require__(88935);
// EXTERNAL MODULE: ./lib/contracts/run-result.js
var run_result = __webpack_require__(86646);
// EXTERNAL MODULE: ./lib/stages/test/test-run.js
var test_run = __webpack_require__(1714);
;// CONCATENATED MODULE: ./lib/runtime/local/run-result.js





const NO_GATE = { rounds: [], revisions: 0, approval: null };
const run_result_names = (list, max = 5) => list.length > max ? `${list.slice(0, max).join(', ')} and ${list.length - max} more` : list.join(', ');
/**
 * The outcome of a local run, its exit code and every reason it is not green. The pipeline's
 * own statuses say whether each stage did its job (a test stage that ran failing tests did); this
 * says whether the result can be taken as it is.
 */
function runResult(facts) {
    const waiting = facts.waiting ?? null;
    const tasks = taskResults(facts);
    const test = testResult(facts);
    const review = reviewResult(facts);
    const docs = docsResult(facts);
    const problems = [
        ...(waiting ? [waitingProblem(waiting)] : []),
        ...testProblems(test),
        ...tasks
            .filter((t) => t.result === 'failed' || t.result === 'not-run' || t.result === 'not-integrated')
            .map((t) => `task ${t.id} ${t.result === 'not-integrated' ? 'not integrated' : t.result}: ${t.detail}`),
        ...reviewProblems(review, facts.rows),
        ...(docs.status === 'failed' ? [`docs ${docs.detail}`] : []),
    ];
    const publishAsked = facts.stages.has('publish');
    let outcome;
    let error = facts.stopped ?? facts.error;
    if (waiting)
        error = `the run waits for ${waiting.waitingFor === 'answers' ? 'answers' : 'approval of the plan'}`;
    if (error === null && publishAsked && facts.branch === null)
        error = 'the publish stage made no branch';
    if (error === null && !publishAsked && facts.changeEmpty)
        error = 'the run changed nothing';
    if (waiting)
        outcome = 'waiting';
    else if (error !== null)
        outcome = 'no-branch';
    else
        outcome = problems.length > 0 ? 'not-green' : 'green';
    const exitCode = exit_codes/* EXIT_CODE */.F3[outcome];
    return {
        schema: run_result.RUN_RESULT_SCHEMA,
        outcome,
        exitCode,
        verdict: verdictLine(outcome, exitCode, facts, error, problems),
        problems,
        runId: facts.runId,
        runDir: facts.runDir,
        branch: facts.branch,
        prFile: facts.prFile,
        reviewFile: facts.reviewFile,
        error,
        setup: setupResult(facts.setup ?? null),
        stages: facts.rows.map((row, i) => {
            const result = stageResult(row, { tasks, test, review, docs });
            // The plan step a person stopped at the prompt: the last plan row.
            const stoppedHere = facts.stopped && row.stage === 'plan' && !facts.rows.slice(i + 1).some((r) => r.stage === 'plan');
            return stoppedHere ? { ...result, result: 'stopped' } : result;
        }),
        tasks,
        test,
        review,
        docs,
        fix: fixResult(facts.fix),
        gate: facts.gate ?? NO_GATE,
        waiting,
    };
}
/** What the run waits for, as one problem: the questions' ids, or the plan's size. */
function waitingProblem(waiting) {
    if (waiting.waitingFor === 'answers') {
        const n = waiting.questions.length;
        return (`the planning agent asked ${n === 1 ? '1 question' : `${n} questions`} and waits for the answers: ` +
            run_result_names(waiting.questions.map((q) => q.id), 10));
    }
    const n = waiting.plan?.tasks.length ?? 0;
    return `the plan (${n === 1 ? '1 task' : `${n} tasks`}) waits for approval`;
}
function fixResult(loop) {
    if (!loop)
        return { rounds: [], stopped: null };
    const rounds = loop.rounds.map((r) => {
        const taken = r.test !== null && r.rejected === null;
        let detail = r.document.stopReason ?? `${r.fixed.length} of ${r.document.findings.length} fixed`;
        if (r.rejected !== null)
            detail = `not taken: ${r.rejected}`;
        return {
            round: r.document.round,
            status: r.document.status,
            taken,
            given: r.document.findings.map((f) => f.id),
            fixed: r.fixed,
            remaining: r.remaining,
            test: r.test?.document.status ?? null,
            detail: (0,util_text/* clip */.$Q)(detail, 300),
        };
    });
    return { rounds, stopped: loop.stopped };
}
function setupResult(report) {
    if (!report) {
        return {
            status: 'not-run',
            source: null,
            reason: 'the run stopped before the setup',
            commands: [],
            testCommand: null,
            testCommandReason: '',
            failure: null,
            durationMs: 0,
        };
    }
    const { failure } = report;
    return {
        status: report.status,
        source: report.choice.source,
        reason: (0,util_text/* clip */.$Q)(report.choice.reason, 2_000),
        commands: report.choice.commands,
        testCommand: report.test.command,
        testCommandReason: (0,util_text/* clip */.$Q)(report.test.reason, 2_000),
        failure: failure
            ? { command: failure.command, exitCode: failure.exitCode, timedOut: failure.timedOut, output: failure.outputTail }
            : null,
        durationMs: report.durationMs,
    };
}
function verdictLine(outcome, exitCode, facts, error, problems) {
    if (outcome === 'waiting' && facts.waiting) {
        const why = problems[0] ?? '';
        return (0,util_text/* clip */.$Q)(`WAITING (exit ${exitCode}): no branch: ${why}; nothing was coded. To continue: ${facts.waiting.next}`, 2_000);
    }
    if (outcome === 'no-branch' && facts.stopped)
        return (0,util_text/* clip */.$Q)(`STOPPED (exit ${exitCode}): no branch: ${oneLine(facts.stopped)}`, 2_000);
    if (outcome === 'no-branch')
        return (0,util_text/* clip */.$Q)(`FAILED (exit ${exitCode}): no branch: ${oneLine(error ?? '')}`, 2_000);
    const why = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const made = facts.branch
        ? `branch ${facts.branch} made`
        : `no branch, as --stages left out publish (make it with: ensemble stage publish --run ${facts.runDir})`;
    if (outcome === 'not-green') {
        const listed = problems.length > 3 ? [...problems.slice(0, 3), `${problems.length - 3} more`] : problems;
        return (0,util_text/* clip */.$Q)(`NOT GREEN (exit ${exitCode}): ${made}, but ${why}: ${listed.join('; ')}`, 2_000);
    }
    return `green (exit ${exitCode}): ${made}; every stage asked for succeeded`;
}
function taskResults(facts) {
    const integration = new Map((facts.test?.integration ?? []).map((r) => [r.taskId, r]));
    return facts.planTasks.map((id) => {
        const task = facts.tasks.find((t) => t.taskId === id);
        const row = integration.get(id);
        const base = {
            id,
            status: task?.status ?? null,
            integration: row?.result ?? null,
            conflictingFiles: row?.conflictingFiles ?? [],
        };
        if (!task)
            return { ...base, result: 'not-run', detail: 'the run stopped before this task ran' };
        if (task.status === 'failed') {
            return { ...base, result: 'failed', detail: (0,util_text/* clip */.$Q)(task.stopReason ?? oneLine(task.summary), 300) };
        }
        if (task.status === 'no-change')
            return { ...base, result: 'no-change', detail: (0,util_text/* clip */.$Q)(oneLine(task.summary), 300) };
        if (row?.result === 'applied' || row?.result === 'resolved') {
            const how = row.result === 'resolved' ? 'integrated after resolving a conflict: ' : '';
            return { ...base, result: 'integrated', detail: (0,util_text/* clip */.$Q)(`${how}${oneLine(task.summary)}`, 300) };
        }
        if (!row)
            return { ...base, result: 'not-integrated', detail: 'the run stopped before integration' };
        const files = row.conflictingFiles.length > 0 ? ` in ${run_result_names(row.conflictingFiles)}` : '';
        const detail = row.result === 'conflicted' ? `its patch conflicts${files}` : row.detail || row.result;
        return { ...base, result: 'not-integrated', detail: (0,util_text/* clip */.$Q)(oneLine(detail), 300) };
    });
}
function testResult(facts) {
    const { test } = facts;
    const empty = {
        command: null,
        passed: null,
        failed: null,
        introduced: [],
        atBase: [],
        unchecked: [],
        fixAttempts: 0,
    };
    if (!facts.stages.has('test')) {
        return { ...empty, status: 'not-run', command: test?.command ?? null, detail: 'the test stage is switched off' };
    }
    if (!test) {
        const why = facts.waiting ? 'the run waits at the plan: nothing was coded' : 'the run stopped before the tests';
        return { ...empty, status: 'not-run', detail: why };
    }
    const failing = (atBase) => test.failures.filter((f) => f.atBase === atBase).map((f) => f.name);
    const result = {
        status: test.status,
        command: test.command,
        passed: test.passed,
        failed: test.failed,
        introduced: failing(false),
        atBase: failing(true),
        unchecked: failing(null),
        fixAttempts: test.fixAttempts,
    };
    return { ...result, detail: testDetail(result, test.summary) };
}
function testDetail(test, summary) {
    const counts = (0,test_run/* countsText */.WN)(test) ?? '';
    const rounds = test.fixAttempts > 0 ? ` after ${test.fixAttempts} fix round${test.fixAttempts === 1 ? '' : 's'}` : '';
    switch (test.status) {
        case 'passed':
            return `passed${counts ? `: ${counts}` : ''}${rounds}`;
        case 'failed': {
            const which = [
                test.introduced.length > 0 ? `broken by the change: ${run_result_names(test.introduced)}` : '',
                test.atBase.length > 0 ? `failing at the base already: ${run_result_names(test.atBase)}` : '',
                test.unchecked.length > 0 ? `not checked at the base: ${run_result_names(test.unchecked)}` : '',
            ].filter(Boolean);
            return `failed${counts ? `: ${counts}` : ''}${rounds}${which.length > 0 ? ` (${which.join('; ')})` : ''}`;
        }
        case 'no-tests':
            return test.command === null
                ? 'no test command configured or detected: nothing was tested'
                : `\`${test.command}\` ran no tests`;
        case 'error':
            return `the tests could not run: ${(0,util_text/* clip */.$Q)(oneLine(summary), 300)}`;
        default:
            return test.status;
    }
}
function testProblems(test) {
    if (test.status === 'failed')
        return [`tests ${test.detail}`];
    if (test.status === 'error')
        return [test.detail];
    // No test command is a property of the repository, not of the change; a command that ran none is suspect.
    if (test.status === 'no-tests' && test.command !== null)
        return [`tests: ${test.detail}`];
    return [];
}
function reviewResult(facts) {
    const { review, blockOn } = facts;
    if (!review) {
        const why = facts.stages.has('review') ? 'no review ran' : 'the review stage is switched off';
        return { verdict: null, blockOn, blocking: 0, findings: 0, incomplete: [], detail: why };
    }
    const blocking = review.findings.filter((f) => (0,contracts_review/* isAtLeast */.du)(f.severity, review.blockOn)).length;
    const parts = [`${review.verdict}: ${review.findings.length} finding${review.findings.length === 1 ? '' : 's'}`];
    if (blocking > 0)
        parts.push(`${blocking} at or above ${review.blockOn}`);
    if (review.incomplete.length > 0)
        parts.push(`did not complete: ${review.incomplete.join(', ')}`);
    return {
        verdict: review.verdict,
        blockOn: review.blockOn,
        blocking,
        findings: review.findings.length,
        incomplete: [...review.incomplete],
        detail: parts.join('; '),
    };
}
function reviewProblems(review, rows) {
    const problems = [];
    if (review.verdict === 'request-changes') {
        problems.push(`the review requests changes: ${review.blocking} finding(s) at or above ${review.blockOn}`);
    }
    if (review.incomplete.length > 0)
        problems.push(`review did not complete for: ${review.incomplete.join(', ')}`);
    const row = rows.find((r) => r.stage === 'review');
    if (row?.status === 'failed' && review.verdict === null)
        problems.push(`the review failed: ${oneLine(row.detail)}`);
    return problems;
}
function docsResult(facts) {
    if (facts.docs) {
        return { status: facts.docs.status, detail: `${facts.docs.status}: ${(0,util_text/* clip */.$Q)(oneLine(facts.docs.summary), 300)}` };
    }
    const row = facts.rows.find((r) => r.stage === 'docs');
    if (row?.status === 'failed')
        return { status: 'failed', detail: `failed: ${oneLine(row.detail)}` };
    return { status: 'not-run', detail: row?.detail || (facts.stages.has('docs') ? 'no docs ran' : 'switched off') };
}
/** The table's one-word result of a stage: what it came to, where its status only says it did its job. */
function stageResult(row, found) {
    // A plan step that ended waiting for a person (the scheduler's row says "skipped": it counts no unit as waiting).
    if (row.stage === 'plan' && (row.status === 'skipped' || row.status === 'waiting')) {
        return { ...row, status: 'waiting', result: 'waiting' };
    }
    let result = row.status;
    if (row.status !== 'failed') {
        if (row.stage === 'code' && found.tasks.some((t) => t.result === 'failed' || t.result === 'not-run'))
            result = 'partial';
        if (row.stage === 'test' && found.test.status !== 'not-run')
            result = found.test.status;
        if (row.stage === 'review' && found.review.verdict !== null) {
            result = found.review.verdict === 'request-changes' ? 'blocking' : found.review.verdict;
            if (found.review.incomplete.length > 0 && result !== 'blocking')
                result = 'partial';
        }
        if (row.stage === 'docs' && found.docs.status !== 'not-run')
            result = found.docs.status;
    }
    return { ...row, result };
}
const oneLine = (text) => text.replace(/\s+/g, ' ').trim();

;// CONCATENATED MODULE: ./lib/runtime/local/pipeline.js


















/** Who answers and approves at this checkout: git's `user.name`, else `local`. */
function personName(config) {
    const name = ((0,workspace/* configValue */.Mn)(config, 'user.name') ?? '').trim().slice(0, 100);
    return name === '' ? 'local' : name;
}
/** `owner/name` from the origin remote's URL (as `git remote get-url origin` rewrites it), else `local/<directory>`. */
function repositoryName(repoDir, config) {
    const url = remoteUrl(config, 'origin') ?? '';
    const match = /[/:]([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(url.trim());
    if (match)
        return `${match[1]}/${match[2]}`;
    return `local/${(0,external_node_path_.basename)(repoDir).replace(/[^A-Za-z0-9_.-]/g, '-') || 'repo'}`;
}
/**
 * The first URL of `remote`, with the longest matching `url.<base>.insteadOf` prefix rewritten
 * (what `git remote get-url` prints); null when the remote has none.
 */
function remoteUrl(config, remote) {
    const url = config.find((e) => e.key === `remote.${remote}.url` && e.value !== null)?.value;
    if (url === undefined || url === null)
        return null;
    let best = null;
    for (const { key, value } of config) {
        const match = /^url\.(.*)\.insteadof$/i.exec(key);
        if (!match || value === null || !url.startsWith(value))
            continue;
        if (!best || value.length > best.from.length)
            best = { from: value, to: match[1] };
    }
    return best ? best.to + url.slice(best.from.length) : url;
}
/**
 * `ensemble run`: the whole pipeline in this process on a local checkout (`runPipeline`), then the
 * local publish onto a branch of the user's repository. Every artifact is written to the run
 * directory as soon as it exists, so a failure leaves everything made so far where the user can
 * find it.
 */
async function runLocalPipeline(options) {
    // A subdirectory of a checkout means the checkout: its configuration, its run directory.
    const repoDir = (0,pipeline_session.repositoryRoot)(options.repoDir);
    // The configuration is read before any child process starts: it names the models whose keys
    // must be read, after which every credential leaves the environment.
    const { loaded, config } = await (0,pipeline_session.loadRunConfig)(repoDir, options.configFile, options.model);
    const stages = (0,pipeline_stages.stagesToRun)(config, options.stages);
    const models = (0,pipeline_session.openModels)(config, contracts_stages.AGENT_STAGES.filter((s) => stages.has(s)), options);
    const head = await (0,workspace/* cleanHead */.YP)(repoDir, { includeUntracked: false });
    // A run that was killed (no `finally` ran) left its worktrees registered in this repository.
    for (const dir of await (0,workspace/* removeStaleWorktrees */.KO)(repoDir))
        options.reporter.info(`removed the worktree ${dir}, left by an ensemble run that was killed`);
    // Read before any command runs: the one reading the hardened git calls make anyway.
    const gitConfig = await (0,workspace/* readConfig */.Xg)(repoDir);
    const runId = (0,identity/* newRunId */.F)();
    const runDir = run_directory.RunDirectory.create(repoDir, runId);
    options.started?.(runDir.dir);
    const blockOn = config.review['block-on'];
    const facts = {
        runId,
        runDir: runDir.dir,
        stages,
        rows: [],
        planTasks: [],
        tasks: [],
        test: null,
        review: null,
        blockOn,
        docs: null,
        changeEmpty: true,
        branch: null,
        prFile: null,
        reviewFile: null,
        error: null,
    };
    let session;
    let publisher;
    try {
        session = await (0,pipeline_session/* openRunSession */.I)({
            repoDir,
            repository: repositoryName(repoDir, gitConfig),
            baseSha: head,
            runId,
            request: options.request,
            loaded,
            config,
            runDir,
            session: models,
            reporter: options.reporter,
            commands: options.commands,
        });
    }
    catch (error) {
        return runResult({ ...facts, error: (0,errors/* errorMessage */.gJ)(error) });
    }
    try {
        publisher = new LocalBranchPublisher(repoDir, loaded.file, session, options.reporter);
        const gates = new LocalGates({
            person: personName(gitConfig),
            answers: options.answers ?? null,
            approve: options.approve === true,
            terminal: options.terminal ?? null,
            runDir,
            reporter: options.reporter,
        });
        const result = await (0,schedule.runPipeline)(session, {
            request: options.request,
            gate: gates.firstGate(),
            onWait: (checkpoint, conversation) => gates.onWait(checkpoint, conversation),
            stages,
            maxParallel: options.maxParallel ?? 4,
            publisher,
        });
        const gated = gates.outcome(result);
        if (options.answers && gated.gate.rounds.length === 0 && (result.plan || result.waiting)) {
            options.reporter.info(`the planning agent asked no questions: ${options.answers.file} was not used`);
        }
        const change = result.test?.patch ?? '';
        return runResult({
            ...facts,
            rows: result.rows,
            setup: result.setup ?? null,
            fix: result.fix,
            planTasks: result.plan?.tasks.map((t) => t.id) ?? [],
            tasks: result.tasks.map((t) => t.document),
            test: result.test?.document ?? null,
            review: combinedReview(result.reviews, change, blockOn),
            docs: result.docs?.document ?? null,
            changeEmpty: change.trim() === '',
            prFile: publisher.files?.prFile ?? null,
            reviewFile: publisher.files?.reviewFile ?? null,
            branch: result.published ? publisher.branch : null,
            error: result.published ? null : whyNoBranch(result, stages),
            gate: gated.gate,
            waiting: gated.waiting,
            stopped: gated.stopped,
        });
    }
    catch (error) {
        return runResult({ ...facts, error: (0,errors/* errorMessage */.gJ)(error) });
    }
    finally {
        // A run that ends before its publish leaves no warm-up waiting for a later command.
        publisher?.dropWarmUp();
        await session.close();
    }
}
/** The lenses' reviews combined as the publisher posts them, with the lenses whose agent did not complete. */
function combinedReview(reviews, change, blockOn) {
    if (reviews.length === 0)
        return null;
    const combined = (0,lib_review/* combineReviews */.bu)(reviews, (0,workspace/* parseUnifiedDiff */.rj)(change), blockOn);
    return {
        verdict: combined.verdict,
        blockOn,
        findings: combined.findings,
        incomplete: reviews.filter(lib_review/* isIncompleteReview */.B0).map((r) => r.lens),
    };
}
function whyNoBranch(result, stages) {
    if (result.stopped !== null)
        return result.stopped;
    // Waiting for a person (or stopped by one): the gates' outcome says why (`runResult`).
    if (result.waiting !== null)
        return null;
    // No branch by request: the outcome is decided by what ran (`runResult`).
    if (!stages.has('publish'))
        return null;
    return 'the run changed nothing: no task produced a change, so no branch was made';
}
/** The local publisher: commits the run's work onto a branch of the user's repository (`publishLocal`). */
class LocalBranchPublisher {
    reportsStoppedRuns = false;
    branch = null;
    files = null;
    repoDir;
    configFile;
    session;
    reporter;
    /** Drops the warm-up (`prepare`) if it has not started yet: at the publish, or at the run's end. */
    dropWarmUp = () => { };
    constructor(repoDir, configFile, session, reporter) {
        this.repoDir = repoDir;
        this.configFile = configFile;
        this.session = session;
        this.reporter = reporter;
    }
    /** While the test stage's commands run: the task commits' trees and diffs, and the branch name's check. */
    prepare(plan, tasks) {
        const { repoDir } = this;
        const { run } = this.session.ctx;
        this.dropWarmUp = (0,workspace/* duringCommand */.Hd)(async () => {
            await (0,commit/* branchNameCheck */.u1)((0,git/* hardenedGit */.YW)(repoDir), (0,branch/* branchFor */.y)(plan.request, plan.run.runId));
            await (0,publish_commits/* warmCommitSequence */.cb)({ repoDir, run, plan, tasks });
        });
    }
    async publish(result) {
        this.dropWarmUp();
        const { config, run } = this.session.ctx;
        const plan = result.plan;
        const published = await publishLocal({
            repoDir: this.repoDir,
            run,
            plan,
            tasks: result.tasks,
            // The first pass, and the fix loop after it: the commits and the PR tell both.
            test: (0,run_stage.readTest)(this.session.runDir),
            changePatch: result.test === null ? '' : (0,run_stage.readChange)(this.session.runDir),
            docs: result.docs,
            reviews: (0,run_stage.readReviews)(this.session.runDir, config.review.lenses),
            fix: result.fix,
            blockOn: config.review['block-on'],
            policy: localPolicy(config, {
                repoDir: this.repoDir,
                configFile: this.configFile,
                secretValues: this.session.secretValues,
            }),
            branch: (0,branch/* branchFor */.y)(plan.request, run.runId),
        });
        for (const note of published.notes)
            this.reporter.info(note);
        this.files = this.session.runDir.writePublished(published);
        const commits = published.document.commits.length;
        if (commits === 0)
            return { ok: false, summary: 'nothing to commit: no task produced a change' };
        this.branch = published.document.branch;
        return { ok: true, summary: `branch ${published.document.branch}, ${commits} commits` };
    }
}

;// CONCATENATED MODULE: ./lib/runtime/local/reporter.js
const SYMBOL = {
    started: '…',
    progress: '…',
    finished: '✓',
    failed: '✗',
    skipped: '–',
};
function label(event) {
    return event.agent && event.agent !== event.stage ? event.agent : event.stage;
}
/** One line per event: for logs, pipes and CI. */
function plainReporter(out, clock = Date.now) {
    const started = new Map();
    return {
        info: (message) => out.write(`${message}\n`),
        warn: (message) => out.write(`warning: ${message}\n`),
        event(event) {
            const key = label(event);
            if (event.status === 'started')
                started.set(key, clock());
            const since = started.get(key);
            const took = event.status !== 'started' && since !== undefined ? ` in ${((clock() - since) / 1000).toFixed(1)} s` : '';
            out.write(`[${key}] ${event.status}${took}${event.detail ? `: ${event.detail.split('\n')[0]}` : ''}\n`);
        },
    };
}
/**
 * Live progress on a terminal: one line per stage and agent, redrawn in place as they start and
 * finish, with elapsed time. Messages print above the block. `pause` stops the redraws while a
 * person is asked something (a redraw would move the cursor into the questions); `resume` draws
 * the block again below what was written meanwhile.
 */
function terminalReporter(out, clock = Date.now) {
    const rows = new Map();
    let drawn = 0;
    const render = () => {
        const lines = [...rows].map(([key, row]) => {
            const seconds = (((row.ended ?? clock()) - row.started) / 1000).toFixed(1);
            const detail = row.detail ? `  ${row.detail.split('\n')[0]?.slice(0, 80)}` : '';
            // A line wider than the terminal wraps, and the cursor-up redraw would then overwrite the wrong lines.
            return `  ${SYMBOL[row.status]} ${key.padEnd(24)} ${seconds.padStart(6)} s${detail}`.slice(0, Math.max(20, (out.columns ?? 80) - 1));
        });
        out.write(`${drawn > 0 ? `\x1b[${drawn}A` : ''}${lines.map((l) => `\x1b[2K${l}\n`).join('')}`);
        drawn = lines.length;
    };
    const above = (text) => {
        out.write(`${drawn > 0 ? `\x1b[${drawn}A\x1b[J` : ''}${text}\n`);
        drawn = 0;
        render();
    };
    let paused = false;
    let timer = setInterval(render, 500);
    timer.unref();
    const draw = () => {
        if (!paused)
            render();
    };
    return {
        info: (message) => (paused ? out.write(`${message}\n`) : above(message)),
        warn: (message) => (paused ? out.write(`warning: ${message}\n`) : above(`warning: ${message}`)),
        event(event) {
            const key = label(event);
            const row = rows.get(key);
            if (event.status === 'started' || !row) {
                const ended = event.status === 'started' || event.status === 'progress' ? null : clock();
                rows.set(key, { status: event.status, started: clock(), ended, detail: event.detail ?? '' });
            }
            else {
                row.status = event.status;
                row.detail = event.detail ?? row.detail;
                if (event.status !== 'progress')
                    row.ended = clock();
            }
            draw();
        },
        stop() {
            clearInterval(timer);
            paused = false;
            render();
        },
        pause() {
            if (paused)
                return;
            paused = true;
            clearInterval(timer);
            // What is written next goes below the block, which stays as it was last drawn.
            drawn = 0;
        },
        resume() {
            if (!paused)
                return;
            paused = false;
            render();
            timer = setInterval(render, 500);
            timer.unref();
        },
    };
}

;// CONCATENATED MODULE: ./lib/runtime/local/cli-run.js




















const str = (v) => (typeof v === 'string' ? v : undefined);
function parseStages(text) {
    if (text === undefined)
        return undefined;
    const names = text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    const unknown = names.filter((n) => !(0,pipeline_stages/* isStageName */._H)(n));
    if (unknown.length > 0 || names.length === 0) {
        throw new cli_io/* UsageError */.e(`--stages: unknown stage ${unknown.map((u) => `"${u}"`).join(', ') || '(none given)'}; ` +
            `choose from ${pipeline_stages/* PIPELINE_STAGES */.L2.join(', ')}`);
    }
    return names;
}
function parseMaxParallel(text) {
    if (text === undefined)
        return 4;
    if (!/^[1-9][0-9]?$/.test(text))
        throw new cli_io/* UsageError */.e(`--max-parallel: expected a whole number from 1 to 99, got "${text}"`);
    return Number(text);
}
/** Progress goes to stderr, live on a terminal and as plain lines otherwise; stdout keeps the summary. */
function reporterFor(io, json) {
    const { stderr } = io;
    if (!json && stderr.isTTY) {
        const live = terminalReporter(stderr);
        return { reporter: live, stop: () => live.stop(), pause: () => live.pause(), resume: () => live.resume() };
    }
    return { reporter: plainReporter(stderr), stop: () => { }, pause: () => { }, resume: () => { } };
}
/** `--answers FILE`, read and checked before the run starts; null without the option. */
function answersOption(values, io) {
    if (values['answers'] === undefined)
        return null;
    const file = str(values['answers']) ?? '';
    if (file.trim() === '')
        throw new cli_io/* UsageError */.e('--answers: give the file with the answers (--answers FILE)');
    return readAnswersFile((0,external_node_path_.resolve)(io.cwd, file), file);
}
/**
 * Whether a person can be asked at this terminal: stdin and stdout are terminals and the output
 * is not `--json` (a script reads it). Checked in this order, so that a `--json` run or one whose
 * output goes to a pipe never opens stdin.
 */
function isInteractive(io, json) {
    return !json && io.stdout.isTTY === true && io.stdin?.isTTY === true;
}
const money = (usd) => (usd === null ? '—' : `$${usd.toFixed(4)}`);
/** The run as a person reads it: where things are, the stage table, each task, the tests, the review, the verdict. */
function formatSummary(result) {
    const lines = [`run directory: ${result.runDir}`];
    lines.push(result.branch ? `branch:        ${result.branch}` : `branch:        none (${result.error ?? 'not asked for'})`);
    if (result.prFile)
        lines.push(`PR body:       ${result.prFile}`);
    if (result.reviewFile)
        lines.push(`review:        ${result.reviewFile}`);
    lines.push('', `${'stage'.padEnd(10)} ${'result'.padEnd(9)} ${'time'.padStart(8)} ${'tokens'.padStart(10)} ${'cost'.padStart(10)}  detail`);
    for (const row of result.stages) {
        const time = `${(row.durationMs / 1000).toFixed(1)} s`;
        lines.push([
            row.stage.padEnd(10),
            // What the stage came to (tests failed, a blocking review), not only that it ran.
            row.result.padEnd(9),
            time.padStart(8),
            String(row.tokens).padStart(10),
            money(row.costUsd).padStart(10),
            ` ${(0,util_text/* clip */.$Q)(row.detail.replace(/\s+/g, ' '), 100)}`,
        ].join(' '));
    }
    if (result.tasks.length > 0) {
        const width = Math.max(...result.tasks.map((t) => t.id.length));
        lines.push('', 'tasks:');
        for (const task of result.tasks) {
            lines.push(`  ${task.id.padEnd(width)}  ${task.result.padEnd(14)}  ${(0,util_text/* clip */.$Q)(task.detail, 100)}`);
        }
    }
    lines.push('', `setup:   ${setupLine(result.setup)}`);
    lines.push(`tests:   ${result.test.status === 'not-run' ? `not run: ${result.test.detail}` : result.test.detail}`, `review:  ${result.review.detail}`, `docs:    ${result.docs.detail}`);
    if (result.fix.rounds.length > 0) {
        const rounds = result.fix.rounds.map((r) => `round ${r.round} ${r.taken ? 'taken' : 'not taken'} (${r.detail})`);
        lines.push(`fix:     ${rounds.join('; ')}; stopped: ${result.fix.stopped ?? 'no round was needed'}`);
    }
    lines.push(...gateLines(result));
    if (result.waiting)
        lines.push(...waitingLines(result.waiting));
    else if (result.problems.length > 0)
        lines.push('', 'not green:', ...result.problems.map((p) => `  - ${p}`));
    lines.push('', result.verdict);
    return `${lines.join('\n')}\n`;
}
/** The rounds of questions (who answered which, what stayed open), the revisions and the approval. */
function gateLines(result) {
    const { gate } = result;
    const lines = gate.rounds.map((round, i) => {
        const answered = round.answered.map((a) => `${a.id} (${a.via === 'file' ? 'answers file' : 'typed'})`);
        const parts = [answered.length > 0 ? `answered ${answered.join(', ')}` : 'no answer'];
        if (round.unanswered.length > 0 && round.answered.length > 0)
            parts.push(`unanswered ${round.unanswered.join(', ')}`);
        if (round.unmatched.length > 0)
            parts.push(`in the answers file but not asked: ${round.unmatched.join(', ')}`);
        return `  round ${i + 1}: asked ${round.asked.join(', ')}; ${parts.join('; ')}`;
    });
    if (gate.revisions > 0)
        lines.push(`  plan revised ${gate.revisions === 1 ? 'once' : `${gate.revisions} times`}`);
    if (gate.approval)
        lines.push(`  plan approved by ${gate.approval.by}${gate.approval.ahead ? ' (--approve)' : ''}`);
    return lines.length > 0 ? ['', 'gates:', ...lines] : [];
}
/** What the run waits for, in full: the questions with why and options, or the plan; and how to go on. */
function waitingLines(waiting) {
    const lines = ['', waiting.waitingFor === 'answers' ? 'waiting for answers:' : 'waiting for approval of the plan:'];
    waiting.questions.forEach((q, i) => {
        lines.push(`  ${i + 1}. [${q.id}] ${cli_run_oneLine(q.question)}`, `     why: ${cli_run_oneLine(q.why)}`);
        if (q.options.length > 0)
            lines.push(`     options: ${q.options.map(cli_run_oneLine).join(' | ')}`);
    });
    if (waiting.plan) {
        lines.push(`  ${(0,util_text/* clip */.$Q)(cli_run_oneLine(waiting.plan.summary), 300)}`);
        for (const task of waiting.plan.tasks)
            lines.push(`  - ${task.id}: ${cli_run_oneLine(task.title)}`);
    }
    if (waiting.answersFile)
        lines.push(`  answers file: ${waiting.answersFile}`);
    lines.push(`  checkpoint:   ${waiting.checkpoint}`, `  to continue:  ${waiting.next}`);
    return lines;
}
/** Model-written text on one line, without control characters. */
const cli_run_oneLine = (text) => printable(text).replace(/\s+/g, ' ').trim();
function setupLine(setup) {
    if (setup.status === 'not-run')
        return `not run: ${setup.reason}`;
    if (setup.status === 'none')
        return `nothing to install (${setup.reason})`;
    const commands = setup.commands.map((c) => `\`${(0,util_text/* clip */.$Q)(c, 80)}\``).join(', ');
    if (setup.status === 'done')
        return `${commands} (${setup.reason})`;
    const failure = setup.failure;
    const exit = failure?.timedOut ? 'timed out' : `exit ${failure?.exitCode ?? 'killed'}`;
    const lines = (failure?.output ?? '')
        .split('\n')
        .slice(-10)
        .map((l) => `           ${l}`);
    return [`FAILED: \`${failure?.command ?? ''}\` (${exit}; ${setup.reason})`, ...lines].join('\n');
}
/** `ensemble run`: the exit code says the outcome (`exit-codes.ts`); the summary or `--json` says why. */
async function runCommand(values, io) {
    const prompt = str(values['prompt']);
    const issueFile = str(values['issue-file']);
    if ((prompt === undefined) === (issueFile === undefined))
        throw new cli_io/* UsageError */.e('give exactly one of --prompt TEXT and --issue-file FILE');
    const repoDir = (0,external_node_path_.resolve)(io.cwd, str(values['repo']) ?? '.');
    if (!(0,external_node_fs_.existsSync)(repoDir))
        throw new cli_io/* UsageError */.e(`--repo: ${repoDir} does not exist`);
    let request;
    if (issueFile !== undefined) {
        const file = (0,external_node_path_.resolve)(io.cwd, issueFile);
        if (!(0,external_node_fs_.existsSync)(file))
            throw new cli_io/* UsageError */.e(`--issue-file: ${issueFile} not found`);
        request = (0,pipeline_request/* requestFromIssueFile */.zm)((0,external_node_fs_.readFileSync)(file, 'utf8'), issueFile);
    }
    else {
        request = (0,pipeline_request/* requestFromPrompt */.mK)(prompt);
    }
    const json = values['json'] === true;
    const answers = answersOption(values, io);
    const progress = reporterFor(io, json);
    const { reporter, stop } = progress;
    const terminal = isInteractive(io, json) && io.stdin
        ? lineTerminal(io.stdin, io.stdout, { pause: progress.pause, resume: progress.resume })
        : null;
    // Ctrl-C (or a kill) would end the process before any `finally` removes the agents' worktrees
    // from the user's repository: they are removed here, and the user is told what is kept.
    let runDir = null;
    const onInterrupt = async (signal) => {
        stop();
        const removed = await (0,workspace/* removeLiveWorktrees */.lp)();
        io.stderr.write(interruptedMessage(signal, runDir, removed.length));
        process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', onInterrupt);
    process.once('SIGTERM', onInterrupt);
    let result;
    try {
        result = await runLocalPipeline({
            started: (dir) => {
                runDir = dir;
            },
            repoDir,
            request,
            model: str(values['model']) ?? null,
            baseUrl: str(values['base-url']) ?? null,
            apiKey: str(values['api-key']) ?? null,
            // Relative to where the user stands, as `ensemble validate --config` reads it.
            configFile: values['config'] ? (0,external_node_path_.resolve)(io.cwd, str(values['config'])) : null,
            maxParallel: parseMaxParallel(str(values['max-parallel'])),
            ...(values['stages'] !== undefined ? { stages: parseStages(str(values['stages'])) } : {}),
            reporter,
            env: io.env,
            answers,
            approve: values['approve'] === true,
            terminal,
        });
    }
    finally {
        process.off('SIGINT', onInterrupt);
        process.off('SIGTERM', onInterrupt);
        terminal?.close();
        stop();
    }
    io.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : formatSummary(result));
    return result.exitCode;
}
/** What an interrupted `ensemble run` says: what it cleaned up, what it kept, how to go on. */
function interruptedMessage(signal, runDir, worktreesRemoved) {
    const removed = worktreesRemoved === 1 ? '1 worktree' : `${worktreesRemoved} worktrees`;
    const lines = [
        ``,
        `ensemble: interrupted (${signal}): removed the ${removed} the run had made; nothing was published.`,
    ];
    if (runDir === null)
        return `${lines.join('\n')}\n`;
    lines.push(`The run directory is kept, with every artifact made so far: ${runDir}`);
    const next = firstStageToRun(runDir);
    lines.push(next === null
        ? 'Start again with ensemble run: the run had not planned yet.'
        : `Continue with: ensemble stage ${next} --run ${runDir}, then each later stage, ` +
            `and ensemble stage publish --run ${runDir} to make the branch.`);
    return `${lines.join('\n')}\n`;
}
/** The first stage whose documents the run directory lacks (`code --task <id>` for a task); null before a plan. */
function firstStageToRun(dir) {
    let runDir;
    try {
        runDir = run_directory.RunDirectory.open(dir);
    }
    catch {
        return null;
    }
    if (!runDir.hasArtifact(names.ARTIFACTS.plan, 'plan.json'))
        return null;
    const plan = (0,run_stage.readPlan)(runDir);
    const task = plan.tasks.find((t) => !runDir.hasArtifact(names.ARTIFACTS.code(t.id), 'task.json'));
    if (task)
        return `code --task ${task.id}`;
    if (!runDir.hasArtifact(names.ARTIFACTS.test, 'test.json'))
        return 'test';
    return 'review';
}
/** `ensemble stage <name> --run DIR`: one stage again, from the run directory's artifacts (`runStageJob`). */
async function stageCommand(values, stage, io) {
    if (!(0,pipeline_stages/* isStageName */._H)(stage)) {
        throw new cli_io/* UsageError */.e(`unknown stage "${stage}"; choose one of ${pipeline_stages/* PIPELINE_STAGES */.L2.join(', ')}`);
    }
    const runDirArg = str(values['run']);
    if (!runDirArg)
        throw new cli_io/* UsageError */.e('--run DIR is required: the run directory to take the artifacts from');
    const runDir = run_directory.RunDirectory.open((0,external_node_path_.resolve)(io.cwd, runDirArg));
    const repoDir = (0,external_node_path_.resolve)(io.cwd, str(values['repo']) ?? '.');
    const configFile = values['config'] ? (0,external_node_path_.resolve)(io.cwd, str(values['config'])) : null;
    const { reporter, stop } = reporterFor(io, false);
    try {
        if (stage === 'publish') {
            const published = await publishRunDirectory({ runDir, repoDir, configFile, reporter });
            io.stdout.write(`publish: ${published.summary}\n${published.written.map((f) => `  wrote ${f}`).join('\n')}\n`);
            return published.ok ? 0 : 1;
        }
        const { outcomes } = await (0,stage_job.runStageJob)({
            units: [stageUnit(stage, { task: str(values['task']), lens: str(values['lens']), runDir, values })],
            replay: values['replay'] === true,
            runDir,
            repoDir,
            model: str(values['model']) ?? null,
            baseUrl: str(values['base-url']) ?? null,
            apiKey: str(values['api-key']) ?? null,
            configFile,
            reporter,
            env: io.env,
            baseCommitHint: 'pass --repo with the repository the run was made in',
        });
        if (outcomes.length === 0)
            return 1;
        for (const outcome of outcomes) {
            io.stdout.write(`${outcome.stage}: ${outcome.summary}\n${outcome.written.map((f) => `  wrote ${f}`).join('\n')}\n`);
        }
        return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
    }
    finally {
        stop();
    }
}
/**
 * The unit `ensemble stage` runs: a code re-run names its task; a review may name one lens; a fix
 * is the run's next round (with its re-test and re-review), with a person's instructions if given.
 */
function stageUnit(stage, options) {
    const { task, lens } = options;
    const instructions = str(options.values['instructions']);
    if (task !== undefined && stage !== 'code')
        throw new cli_io/* UsageError */.e('--task is for the code stage only');
    if (lens !== undefined && stage !== 'review')
        throw new cli_io/* UsageError */.e('--lens is for the review stage only');
    if (instructions !== undefined && stage !== 'fix')
        throw new cli_io/* UsageError */.e('--instructions is for the fix stage only');
    if (stage === 'fix')
        return nextFixRound(options.runDir, instructions);
    if (stage === 'review')
        return lens === undefined ? { stage } : { stage, lenses: [lens] };
    if (stage !== 'code')
        return { stage };
    if (!task)
        throw new cli_io/* UsageError */.e('ensemble stage code needs --task ID: the task to run again');
    return { stage: 'code', taskId: task };
}
/** The run's next fix round: after the rounds its directory holds, on the change as it stands. */
function nextFixRound(runDir, instructions) {
    if (instructions !== undefined && instructions.trim() === '') {
        throw new cli_io/* UsageError */.e('--instructions: give the instructions as text, or leave the option out');
    }
    const round = (runDir.rounds().at(-1) ?? 0) + 1;
    return { stage: 'fix', round, ...(instructions ? { instructions } : {}) };
}
/**
 * `ensemble fix --run DIR [--instructions TEXT]`: one fix round on a local run (the fixing agent on
 * the change as it stands, its re-test and re-review), then the run's branch again, with the
 * round's commit on it. Exit 0 when the round leaves nothing blocking and the tests pass, 3 when
 * something still needs a look, 1 when the round could not be completed.
 */
async function fixCommand(values, io) {
    const runDir = run_directory.RunDirectory.open((0,external_node_path_.resolve)(io.cwd, str(values['run'])));
    const roundsBefore = runDir.rounds().length;
    const stageExit = await stageCommand(values, 'fix', io);
    // Nothing blocked and no instructions were given: no round was made, and nothing needs one.
    if (stageExit === 0 && runDir.rounds().length === roundsBefore)
        return exit_codes/* EXIT_CODE */.F3.green;
    const repoDir = (0,external_node_path_.resolve)(io.cwd, str(values['repo']) ?? '.');
    const configFile = values['config'] ? (0,external_node_path_.resolve)(io.cwd, str(values['config'])) : null;
    const { config } = await (0,pipeline_session.loadRunConfig)((0,pipeline_session.repositoryRoot)(repoDir), configFile, null);
    const loop = (0,fix_loop/* fixLoopOf */.X_)(runDir, config);
    const last = loop.rounds.at(-1);
    io.stdout.write(`fix: ${(0,lib_review/* fixLoopDetail */.TC)(loop)}\n`);
    if (!last || last.test === null || stageExit !== 0)
        return exit_codes/* EXIT_CODE */.F3['no-branch'];
    const { reporter, stop } = reporterFor(io, false);
    try {
        const published = await publishRunDirectory({ runDir, repoDir, configFile, reporter });
        io.stdout.write(`publish: ${published.summary}\n`);
        if (!published.ok)
            return exit_codes/* EXIT_CODE */.F3['no-branch'];
    }
    finally {
        stop();
    }
    const green = loop.blocking === 0 && last.test.document.status !== 'failed' && last.test.document.status !== 'error';
    return green ? exit_codes/* EXIT_CODE */.F3.green : exit_codes/* EXIT_CODE */.F3['not-green'];
}


/***/ })

};
