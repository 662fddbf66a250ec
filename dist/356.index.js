export const id = 356;
export const ids = [356];
export const modules = {

/***/ 39214:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ ArtifactFileMissingError),
/* harmony export */   U: () => (/* binding */ ArtifactMissingError)
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


/***/ }),

/***/ 24910:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  t: () => (/* binding */ actionsReporter),
  assertNoPersistedCredentials: () => (/* binding */ assertNoPersistedCredentials),
  jobArtifacts: () => (/* binding */ jobArtifacts),
  jobFromEnvironment: () => (/* binding */ jobFromEnvironment),
  jobRunDirectory: () => (/* binding */ jobRunDirectory)
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
// EXTERNAL MODULE: ./lib/artifacts/names.js
var names = __webpack_require__(40963);
// EXTERNAL MODULE: ./lib/artifacts/store.js
var store = __webpack_require__(39214);
// EXTERNAL MODULE: ./lib/contracts/documents.js + 1 modules
var documents = __webpack_require__(88456);
// EXTERNAL MODULE: ./lib/contracts/read.js
var read = __webpack_require__(54759);
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
 * - Downloads find the artifact by name in the current run, check its digest, and documents are
 *   validated against their contract before a stage uses them.
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







/** Days GitHub keeps ensemble's artifacts: long enough to inspect or re-run a stage, short enough to cost little. */
const DEFAULT_RETENTION_DAYS = 7;
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
    retentionDays;
    credentials;
    constructor(options) {
        if (!options.runtimeToken)
            throw new Error('ActionsArtifactStore: runtimeToken is required');
        if (!options.resultsUrl)
            throw new Error('ActionsArtifactStore: resultsUrl is required');
        const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
        if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 90) {
            throw new Error(`ActionsArtifactStore: retentionDays must be a whole number of days from 1 to 90, got ${retentionDays}`);
        }
        this.credentials = { runtimeToken: options.runtimeToken, resultsUrl: options.resultsUrl };
        this.retentionDays = retentionDays;
    }
    async uploadArtifact(name, dir) {
        const files = listFiles(name, dir);
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
            throw new store/* ArtifactFileMissingError */.B(name, file, producer, listFiles(name, destDir, false));
        return (0,read/* parseDocumentText */.gk)(kind, (0,external_node_fs_.readFileSync)(path, 'utf8'), { artifact: name, file });
    }
    download(name, destDir, producer) {
        return this.call(`downloading artifact ${name}`, async (client) => {
            // listArtifacts, not getArtifact: the latter also prints a warning annotation for a missing artifact.
            const { artifacts } = await client.listArtifacts({ latest: true });
            const artifact = artifacts.find((a) => a.name === name);
            if (!artifact)
                throw new store/* ArtifactMissingError */.U(name, producer, [...new Set(artifacts.map((a) => a.name))].sort());
            const { downloadPath, digestMismatch } = await client.downloadArtifact(artifact.id, {
                path: destDir,
                ...(artifact.digest ? { expectedHash: artifact.digest } : {}),
            });
            if (digestMismatch) {
                throw new Error('the downloaded zip does not match the digest recorded at upload ' +
                    `(${artifact.digest}); it was corrupted in transit. Re-run the job.`);
            }
            return { name, id: artifact.id, size: artifact.size, dir: downloadPath ?? destDir };
        });
    }
    /** Runs `fn` with a client and the credentials in the environment; errors name what was being done. */
    async call(what, fn) {
        const module = await loadArtifactModule();
        try {
            return await withCredentials(this.credentials, () => fn(new module.DefaultArtifactClient()));
        }
        catch (error) {
            if (error instanceof store/* ArtifactMissingError */.U)
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
/** The artifact store, with the job's artifact credentials captured before credentials leave the environment. */
function jobArtifacts(env) {
    return new ActionsArtifactStore(artifactCredentials({}, env));
}
/**
 * Refuses a checkout that keeps a token in its git configuration (`actions/checkout` without
 * `persist-credentials: false`): agents' commands can read the checkout, so the token would be
 * theirs. Only the repository's own config is read; nothing is run in it.
 */
function assertNoPersistedCredentials(workspace) {
    let found = '';
    try {
        found = (0,external_node_child_process_.execFileSync)('git', ['config', '--local', '--name-only', '--get-regexp', '^http\\..*extraheader$'], {
            cwd: workspace,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
            env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
        });
    }
    catch {
        return; // exit 1: no such setting (or not a repository, which the stage reports itself)
    }
    if (found.trim() !== '') {
        throw new errors/* UserError */.yo('the checkout keeps a GitHub token in .git/config (actions/checkout persists credentials by default); ' +
            'agents could read it. Check out with `persist-credentials: false`.');
    }
}
/** Stage progress as log lines. */
function actionsReporter(core) {
    return {
        info: (message) => core.info(message),
        warn: (message) => core.warning(message),
        event: (event) => core.info(`[${event.agent ?? event.stage}] ${event.status}${event.detail ? `: ${event.detail.split('\n')[0]}` : ''}`),
    };
}


/***/ }),

/***/ 87752:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ reportStage)
/* harmony export */ });
/* harmony import */ var _artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40963);
/* harmony import */ var _render_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(43229);
/* harmony import */ var _review_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17740);
/* harmony import */ var _workspace_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1042);
/**
 * What a stage's job tells GitHub once the stage ran: its outputs, its step summary and, when it
 * did not do what it promises, the step's failure. The stage actions and the all-in-one job report
 * through the same function, so a stage reads the same on GitHub however it was scheduled.
 */




/** Sets the stage's outputs, writes its step summary and fails the step when the stage failed. */
async function reportStage(core, report) {
    // A review or docs stage with nothing to do made no document; a skipped task or an integration
    // without tests did, and is reported like any other.
    const nothingMade = report.outcomes.every((o) => o.status === 'skipped' && o.artifacts.length === 0);
    const rendered = report.outcomes.length > 0 && nothingMade ? skippedReport(report) : REPORTERS[report.stage](report);
    const { outputs, markdown, failure } = rendered;
    for (const [name, value] of Object.entries(outputs))
        core.setOutput(name, value);
    core.summary.addRaw(markdown, true);
    await core.summary.write();
    if (failure)
        core.setFailed(failure);
}
const OUTPUT_OF = {
    plan: 'matrix',
    code: 'status',
    test: 'status',
    review: 'verdict',
    docs: 'status',
};
/** A stage that by rule had nothing to do (switched off, an empty change): an empty output, no artifact. */
function skippedReport(report) {
    const reason = report.outcomes.map((o) => o.summary).join('; ');
    return { outputs: { [OUTPUT_OF[report.stage]]: '' }, markdown: `Skipped: ${reason}.`, failure: null };
}
const REPORTERS = {
    plan: (report) => {
        const plan = report.outcomes[0]?.documents.plan;
        if (!plan)
            return { outputs: {}, markdown: 'No plan was made.', failure: 'the plan stage made no plan' };
        return {
            outputs: {},
            markdown: `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderPlanMarkdown */ .d$)(plan)}\n${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderUsageTable */ .MH)([{ stage: 'plan', usage: plan.usage }])}`,
            failure: null,
        };
    },
    code: (report) => {
        const tasks = report.outcomes.flatMap((o) => (o.documents.task ? [o.documents.task] : []));
        const failed = tasks.filter((t) => t.status === 'failed');
        const usage = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderUsageTable */ .MH)(tasks.map((task) => ({ stage: `code · ${task.taskId}`, usage: task.usage })));
        return {
            outputs: { status: codeStatus(tasks.map((t) => t.status)) },
            markdown: `${tasks.map((task) => (0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderTaskMarkdown */ .Th)(task)).join('\n')}\n${usage}`,
            failure: failed.length > 0
                ? failed.map((t) => `task ${t.taskId} failed: ${t.stopReason ?? t.summary}`).join('\n')
                : null,
        };
    },
    test: (report) => {
        const test = report.outcomes[0]?.documents.test;
        if (!test)
            return { outputs: { status: '' }, markdown: 'The test stage made no report.', failure: 'no test report' };
        return {
            outputs: {
                status: test.status,
                passed: test.passed === null ? '' : String(test.passed),
                failed: test.failed === null ? '' : String(test.failed),
            },
            markdown: `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderTestMarkdown */ .cp)(test)}\n${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderUsageTable */ .MH)([{ stage: 'test', usage: test.usage }])}`,
            failure: test.status === 'error' ? `the tests could not run: ${firstLine(test.summary)}` : null,
        };
    },
    review: (report) => {
        const reviews = report.outcomes.flatMap((o) => o.documents.reviews ?? []);
        const change = report.runDir.readText(_artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__/* .ARTIFACTS */ .ym.test, 'change.patch') ?? '';
        const outcome = (0,_review_index_js__WEBPACK_IMPORTED_MODULE_2__/* .combineReviews */ .bu)(reviews, (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_3__/* .parseUnifiedDiff */ .rj)(change), report.config.review['block-on']);
        const usage = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderUsageTable */ .MH)(reviews.map((r) => ({ stage: `review · ${r.lens}`, usage: r.usage })));
        const failed = report.outcomes.filter((o) => o.status === 'failed');
        return {
            outputs: { verdict: reviews.length === 1 ? (reviews[0]?.verdict ?? '') : outcome.verdict },
            markdown: `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderReviewMarkdown */ .AD)(outcome)}\n${usage}`,
            failure: failed.length > 0 ? `the review did not complete: ${failed.map((o) => o.summary).join('; ')}` : null,
        };
    },
    docs: (report) => {
        const docs = report.outcomes[0]?.documents.docs;
        if (!docs)
            return { outputs: { status: '' }, markdown: 'The docs stage made no report.', failure: 'no docs report' };
        return {
            outputs: { status: docs.status },
            markdown: `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderDocsMarkdown */ .LK)(docs)}\n${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderUsageTable */ .MH)([{ stage: 'docs', usage: docs.usage }])}`,
            failure: docs.status === 'failed' ? `the docs stage failed: ${firstLine(docs.summary)}` : null,
        };
    },
};
function codeStatus(statuses) {
    if (statuses.includes('failed'))
        return 'failed';
    if (statuses.includes('done'))
        return 'done';
    return 'no-change';
}
function firstLine(text) {
    return text.split('\n')[0] ?? '';
}


/***/ }),

/***/ 40988:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BASE_COMMIT_HINT: () => (/* binding */ BASE_COMMIT_HINT),
  runCodeAction: () => (/* binding */ runCodeAction),
  runDocsAction: () => (/* binding */ runDocsAction),
  runReviewAction: () => (/* binding */ runReviewAction),
  runTestAction: () => (/* binding */ runTestAction),
  sharedCommandStop: () => (/* binding */ sharedCommandStop),
  uploadOutcome: () => (/* binding */ uploadOutcome),
  withCommandsStopped: () => (/* binding */ withCommandsStopped)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./lib/artifacts/names.js
var names = __webpack_require__(40963);
// EXTERNAL MODULE: ./lib/artifacts/store.js
var store = __webpack_require__(39214);
// EXTERNAL MODULE: ./lib/pipeline/run-stage.js + 16 modules
var run_stage = __webpack_require__(12183);
// EXTERNAL MODULE: ./lib/pipeline/stage-job.js
var stage_job = __webpack_require__(44698);
// EXTERNAL MODULE: ./lib/plan/graph.js
var graph = __webpack_require__(18703);
// EXTERNAL MODULE: ./lib/stages/code.js
var code = __webpack_require__(98198);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/runtime/actions/environment.js + 1 modules
var environment = __webpack_require__(24910);
// EXTERNAL MODULE: ./lib/runtime/actions/report.js
var report = __webpack_require__(87752);
;// CONCATENATED MODULE: ./lib/runtime/actions/stop.js
/**
 * The runner's request to stop a step. When a job is cancelled, or runs past its
 * `timeout-minutes`, the runner sends the step's process SIGINT, then SIGTERM 7.5 seconds later,
 * then kills it. The first signal is the stage's cue to write what its unfinished units yield and
 * upload it with their partial transcripts; a second one ends the process at once.
 */
const STOP_REASON = 'stopped before it finished: the job was cancelled or ran past its time limit (timeout-minutes)';
function listenForStop(target = process) {
    let heard = false;
    let settle = () => undefined;
    const stopped = new Promise((resolve) => {
        settle = resolve;
    });
    const onSignal = (signal) => {
        if (heard)
            target.exit(signal === 'SIGINT' ? 130 : 143);
        heard = true;
        settle(STOP_REASON);
    };
    target.on('SIGINT', onSignal);
    target.on('SIGTERM', onSignal);
    return { stopped };
}

;// CONCATENATED MODULE: ./lib/runtime/actions/stages.js
/**
 * The stage actions' jobs (`actions/code`, `test`, `review`, `docs`): download what the stage
 * reads, run it through the one stage runner (`runStageJob`), upload each unit's artifacts as soon
 * as they exist, then set the outputs and the step summary (`report.ts`).
 */











/** What a checkout needs to hold the plan's base commit on GitHub. */
const BASE_COMMIT_HINT = "check the repository out at the plan job's base-sha output " +
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression a user writes
    '(actions/checkout with ref: ${{ needs.plan.outputs.base-sha }})';
/**
 * Runs `work` with workflow commands switched off: everything a stage logs (model text, test
 * output, file names from the repository) is inert. Outputs, summaries and the step's failure
 * are written after commands are on again.
 */
async function withCommandsStopped(core, work) {
    const token = (0,external_node_crypto_.randomBytes)(16).toString('hex');
    core.info(`::stop-commands::${token}`);
    try {
        return await work();
    }
    finally {
        core.info(`::${token}::`);
    }
}
/**
 * `withCommandsStopped` for units that overlap (the all-in-one job runs tasks, lenses and docs side
 * by side): one window, opened by the first unit to start and closed by the last to end, so that
 * no unit's output is live while another is still running.
 */
function sharedCommandStop(core) {
    let running = 0;
    let token = '';
    return async (work) => {
        if (running++ === 0) {
            token = (0,external_node_crypto_.randomBytes)(16).toString('hex');
            core.info(`::stop-commands::${token}`);
        }
        try {
            return await work();
        }
        finally {
            if (--running === 0)
                core.info(`::${token}::`);
        }
    };
}
/** The stage job's options from the action's settings: one shape for every stage. */
function jobOptions(settings, deps) {
    // A cancelled or timed-out job still uploads what its units yield (see stop.ts); the handlers
    // live as long as the step's process, which ends with the step.
    const stop = deps.stop ?? listenForStop();
    return {
        model: settings.model ? `${settings.model.provider}:${settings.model.model}` : null,
        baseUrl: settings.baseUrl,
        apiKey: settings.apiKey,
        configFile: settings.config,
        env: deps.env,
        ...(deps.session ? { session: deps.session } : {}),
        runDir: deps.runDir,
        repoDir: deps.job.workspace,
        reporter: (0,environment/* actionsReporter */.t)(deps.core),
        baseCommitHint: BASE_COMMIT_HINT,
        // The partial work of a failed unit is uploaded too: nothing is lost.
        afterUnit: (outcome) => uploadOutcome(deps, outcome),
        stopped: stop.stopped,
    };
}
/** Uploads the artifacts a unit wrote, as soon as it wrote them. */
async function uploadOutcome(deps, outcome) {
    for (const name of outcome.artifacts)
        await deps.artifacts.uploadArtifact(name, deps.runDir.artifactDir(name));
}
async function download(deps, name) {
    await deps.artifacts.downloadArtifact(name, deps.runDir.artifactDir(name));
}
/**
 * `actions/code`: one matrix leg. It runs the task and every task linked to it by dependencies
 * (its group), in dependency order, so that each starts from the patches it builds on.
 */
async function runCodeAction(settings, deps) {
    await download(deps, names/* ARTIFACTS */.ym.plan);
    const plan = (0,run_stage/* readPlan */.m3)(deps.runDir);
    const group = (0,graph/* dependencyGroups */.m0)(plan.tasks).find((g) => g.includes(settings.task));
    if (!group) {
        throw new errors/* UserError */.yo(`task "${settings.task}" is not in the plan (tasks: ${plan.tasks.map((t) => t.id).join(', ')})`);
    }
    const units = group.map((taskId) => ({ stage: 'code', taskId }));
    const { outcomes, config } = await withCommandsStopped(deps.core, () => (0,stage_job/* runStageJob */.d)({ ...jobOptions(settings, deps), units }));
    await (0,report/* reportStage */.p)(deps.core, { stage: 'code', outcomes, config, runDir: deps.runDir });
}
/** `actions/test`: integrate every task's patch, test, add tests. */
async function runTestAction(settings, deps) {
    await download(deps, names/* ARTIFACTS */.ym.plan);
    const plan = (0,run_stage/* readPlan */.m3)(deps.runDir);
    for (const task of plan.tasks)
        await downloadTask(deps, plan.run, task.id);
    const { outcomes, config } = await withCommandsStopped(deps.core, () => (0,stage_job/* runStageJob */.d)({ ...jobOptions(settings, deps), units: [{ stage: 'test' }] }));
    await (0,report/* reportStage */.p)(deps.core, { stage: 'test', outcomes, config, runDir: deps.runDir });
}
/**
 * A task's artifact; a leg that uploaded none (cancelled, or killed before its first upload)
 * makes the task count as failed, with the reason. Any other error is the step's.
 */
async function downloadTask(deps, run, taskId) {
    try {
        await download(deps, names/* ARTIFACTS */.ym.code(taskId));
    }
    catch (error) {
        if (!(error instanceof store/* ArtifactMissingError */.U))
            throw error;
        deps.core.warning(`task ${taskId}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        const reason = `The task's job uploaded no result: ${(0,errors/* errorMessage */.gJ)(error)}`;
        deps.runDir.writeTask({ document: (0,code/* taskNotRun */.OD)(run, taskId, 'missing artifact', reason), patch: '' });
    }
}
/** `actions/review`: one lens. */
async function runReviewAction(settings, deps) {
    await download(deps, names/* ARTIFACTS */.ym.plan);
    await download(deps, names/* ARTIFACTS */.ym.test);
    const { outcomes, config } = await withCommandsStopped(deps.core, () => (0,stage_job/* runStageJob */.d)({ ...jobOptions(settings, deps), units: [{ stage: 'review', lenses: [settings.lens] }] }));
    await (0,report/* reportStage */.p)(deps.core, { stage: 'review', outcomes, config, runDir: deps.runDir });
}
/** `actions/docs`. */
async function runDocsAction(settings, deps) {
    await download(deps, names/* ARTIFACTS */.ym.plan);
    await download(deps, names/* ARTIFACTS */.ym.test);
    const { outcomes, config } = await withCommandsStopped(deps.core, () => (0,stage_job/* runStageJob */.d)({ ...jobOptions(settings, deps), units: [{ stage: 'docs' }] }));
    await (0,report/* reportStage */.p)(deps.core, { stage: 'docs', outcomes, config, runDir: deps.runDir });
}


/***/ }),

/***/ 65666:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ closestMatch)
/* harmony export */ });
/* unused harmony export editDistance */
/** Edit distance (insertions, deletions, substitutions) between two short strings. */
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j];
            row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length];
}
/**
 * The candidate a mistyped word most likely meant: one equal after `normalize`, else the nearest
 * by edit distance when it is close enough to be the likely intent; null when nothing is.
 */
function closestMatch(word, candidates, normalize = (s) => s.toLowerCase()) {
    const target = normalize(word);
    const exact = candidates.find((candidate) => normalize(candidate) === target);
    if (exact)
        return exact;
    let best = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
        const distance = editDistance(target, normalize(candidate));
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best !== null && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}


/***/ })

};
