export const id = 910;
export const ids = [910];
export const modules = {

/***/ 21679:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BU: () => (/* binding */ ArtifactMissingError),
/* harmony export */   Pe: () => (/* binding */ artifactCredentials),
/* harmony export */   jE: () => (/* binding */ ActionsArtifactStore)
/* harmony export */ });
/* unused harmony exports DEFAULT_RETENTION_DAYS, producerOfArtifact */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _contracts_documents_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88456);
/* harmony import */ var _contracts_read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(54759);
/**
 * Artifacts on GitHub Actions: the `ArtifactStore` port over the real `@actions/artifact` client
 * (DESIGN.md §1, issue 5 "Artifacts"). Our actions upload and download their own artifacts, so a
 * user's workflow has no upload or download steps to get wrong.
 *
 * - Names are the local runtime's (`ARTIFACTS` in `../local/run-dir.ts`), and an artifact's files are
 *   laid out as in a run directory's `artifacts/<name>/`, so a downloaded GitHub run is a run
 *   directory too.
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
        throw new Error(`cannot use GitHub artifacts: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set. ` +
            'The runner sets them for JavaScript actions only; run ensemble through its actions (uses: …), not from a run: step, ' +
            'or use `ensemble run` outside GitHub Actions.');
    }
    return { runtimeToken: runtimeToken, resultsUrl: resultsUrl };
}
/** The stage that writes an artifact, from its name (`ensemble-code-api` → `code`); null when no stage does. */
function producerOfArtifact(name) {
    if (name === 'ensemble-plan')
        return 'plan';
    if (name.startsWith('ensemble-code-'))
        return 'code';
    if (name === 'ensemble-test')
        return 'test';
    if (name.startsWith('ensemble-review-'))
        return 'review';
    if (name === 'ensemble-docs')
        return 'docs';
    if (name === 'ensemble-publish')
        return 'publish';
    return null;
}
/** An artifact a stage needs is not in the run. */
class ArtifactMissingError extends Error {
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
            const result = await client.uploadArtifact(name, files.map((file) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, file)), dir, { retentionDays: this.retentionDays });
            if (result.id === undefined)
                throw new Error('the artifact service returned no artifact id');
            return { name, id: result.id, size: result.size ?? 0, digest: result.digest, files, replaced };
        });
    }
    downloadArtifact(name, destDir) {
        return this.download(name, destDir, producerOfArtifact(name));
    }
    async downloadDocument(kind, name, file, destDir) {
        const producer = _contracts_documents_js__WEBPACK_IMPORTED_MODULE_2__/* .DOCUMENTS */ .f[kind].producer;
        const path = safeJoin(destDir, file);
        // A stale copy from an earlier download must not stand in for a file the artifact lacks.
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(path, { force: true });
        await this.download(name, destDir, producerOfArtifact(name) ?? producer);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path)) {
            const present = listFiles(name, destDir, false);
            throw new Error(`artifact ${name} has no ${file} (it holds: ${present.join(', ') || 'nothing'}); ` +
                `the ${producer} stage writes it: re-run that stage with this ensemble version.`);
        }
        return (0,_contracts_read_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDocumentText */ .gk)(kind, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'), { artifact: name, file });
    }
    download(name, destDir, producer) {
        return this.call(`downloading artifact ${name}`, async (client) => {
            // listArtifacts, not getArtifact: the latter also prints a warning annotation for a missing artifact.
            const { artifacts } = await client.listArtifacts({ latest: true });
            const artifact = artifacts.find((a) => a.name === name);
            if (!artifact)
                throw new ArtifactMissingError(name, producer, [...new Set(artifacts.map((a) => a.name))].sort());
            const { downloadPath, digestMismatch } = await client.downloadArtifact(artifact.id, {
                path: destDir,
                ...(artifact.digest ? { expectedHash: artifact.digest } : {}),
            });
            if (digestMismatch) {
                throw new Error(`the downloaded zip does not match the digest recorded at upload (${artifact.digest}); it was corrupted in transit. Re-run the job.`);
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
            if (error instanceof ArtifactMissingError)
                throw error;
            const message = error instanceof Error ? error.message : String(error);
            throw new Error(`${what}: ${message}`, { cause: error });
        }
    }
}
let open = null;
async function withCredentials(credentials, fn) {
    while (open && (open.token !== credentials.runtimeToken || open.url !== credentials.resultsUrl))
        await open.closed;
    if (!open) {
        let close = () => { };
        const closed = new Promise((resolve) => {
            close = resolve;
        });
        open = {
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
    const window = open;
    window.users++;
    try {
        return await fn();
    }
    finally {
        window.users--;
        if (window.users === 0) {
            restore('ACTIONS_RUNTIME_TOKEN', window.previous.token);
            restore('ACTIONS_RESULTS_URL', window.previous.url);
            open = null;
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
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir).isDirectory()) {
        if (!forUpload)
            return [];
        throw new Error(`cannot upload artifact ${name}: ${dir} is not a directory`);
    }
    const files = [];
    const walk = (sub) => {
        for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, sub), { withFileTypes: true })) {
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
    const normal = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.normalize)(file);
    if (!file || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(file) || normal === '..' || normal.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`)) {
        throw new Error(`artifact file ${JSON.stringify(file)} must be a relative path inside the artifact`);
    }
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, normal);
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(dir, path).startsWith('..'))
        throw new Error(`artifact file ${JSON.stringify(file)} is outside the artifact`);
    return path;
}


/***/ }),

/***/ 69133:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   assertNoPersistedCredentials: () => (/* binding */ assertNoPersistedCredentials),
/* harmony export */   jobArtifacts: () => (/* binding */ jobArtifacts),
/* harmony export */   jobFromEnvironment: () => (/* binding */ jobFromEnvironment),
/* harmony export */   jobRunDirectory: () => (/* binding */ jobRunDirectory),
/* harmony export */   t: () => (/* binding */ actionsReporter)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _local_run_dir_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58887);
/* harmony import */ var _artifacts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(21679);




function jobFromEnvironment(env, readEvent) {
    const required = (name) => {
        const value = env[name];
        if (!value)
            throw new Error(`${name} is not set: ensemble's actions run inside a GitHub Actions job (uses: …/actions/<stage>)`);
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
    return _local_run_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .RunDirectory */ .dK.at((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(job.runnerTemp, 'ensemble', job.runId));
}
/** The artifact store, with the job's artifact credentials captured before credentials leave the environment. */
function jobArtifacts(env) {
    return new _artifacts_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionsArtifactStore */ .jE((0,_artifacts_js__WEBPACK_IMPORTED_MODULE_3__/* .artifactCredentials */ .Pe)({}, env));
}
/**
 * Refuses a checkout that keeps a token in its git configuration (`actions/checkout` without
 * `persist-credentials: false`): agents' commands can read the checkout, so the token would be
 * theirs. Only the repository's own config is read; nothing is run in it.
 */
function assertNoPersistedCredentials(workspace) {
    let found = '';
    try {
        found = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('git', ['config', '--local', '--name-only', '--get-regexp', '^http\\..*extraheader$'], {
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
        throw new Error('the checkout keeps a GitHub token in .git/config (actions/checkout persists credentials by default); ' +
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

/***/ 83941:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runCodeAction: () => (/* binding */ runCodeAction),
/* harmony export */   runDocsAction: () => (/* binding */ runDocsAction),
/* harmony export */   runReviewAction: () => (/* binding */ runReviewAction),
/* harmony export */   runTestAction: () => (/* binding */ runTestAction),
/* harmony export */   withCommandsStopped: () => (/* binding */ withCommandsStopped)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _render_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(43229);
/* harmony import */ var _review_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17740);
/* harmony import */ var _stages_code_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(98198);
/* harmony import */ var _local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(58887);
/* harmony import */ var _local_stage_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(16986);
/* harmony import */ var _local_waves_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(47090);
/* harmony import */ var _artifacts_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(21679);
/* harmony import */ var _environment_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(69133);









/**
 * Runs `work` with workflow commands switched off: everything a stage logs (model text, test
 * output, file names from the repository) is inert. Outputs, summaries and the step's failure
 * are written after commands are on again.
 */
async function withCommandsStopped(core, work) {
    const token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex');
    core.info(`::stop-commands::${token}`);
    try {
        return await work();
    }
    finally {
        core.info(`::${token}::`);
    }
}
function modelOptions(settings, deps) {
    return {
        model: settings.model ? `${settings.model.provider}:${settings.model.model}` : null,
        baseUrl: settings.baseUrl,
        apiKey: settings.apiKey,
        configFile: settings.config,
        env: deps.env,
        ...(deps.session ? { session: deps.session } : {}),
        runDir: deps.runDir.dir,
        repoDir: deps.job.workspace,
        reporter: (0,_environment_js__WEBPACK_IMPORTED_MODULE_7__/* .actionsReporter */ .t)(deps.core),
    };
}
async function download(deps, name) {
    await deps.artifacts.downloadArtifact(name, deps.runDir.artifactDir(name));
}
/** A stage the configuration switched off: an empty output and a line in the summary, no artifact. */
async function skipped(core, output, reason) {
    core.setOutput(output, '');
    core.info(reason);
    await summarise(core, `Skipped: ${reason}.`);
}
async function summarise(core, markdown) {
    core.summary.addRaw(markdown, true);
    await core.summary.write();
}
/**
 * `actions/code`: one matrix leg. It runs the task and every task linked to it by dependencies
 * (its group), in dependency order, so that each starts from the patches it builds on.
 */
async function runCodeAction(settings, deps) {
    await download(deps, _local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACTS */ .ym.plan);
    const plan = deps.runDir.readDocument('plan', _local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACTS */ .ym.plan, 'plan.json');
    const group = (0,_local_waves_js__WEBPACK_IMPORTED_MODULE_8__/* .dependencyGroups */ .m0)(plan.tasks).find((g) => g.includes(settings.task));
    if (!group)
        throw new Error(`task "${settings.task}" is not in the plan (tasks: ${plan.tasks.map((t) => t.id).join(', ')})`);
    const tasks = [];
    for (const taskId of group) {
        const result = await withCommandsStopped(deps.core, () => (0,_local_stage_js__WEBPACK_IMPORTED_MODULE_5__/* .runSingleStage */ .Y)({ ...modelOptions(settings, deps), stage: 'code', taskId }));
        // The partial work of a failed task is uploaded too: nothing is lost.
        await deps.artifacts.uploadArtifact(_local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACTS */ .ym.code(taskId), deps.runDir.artifactDir(_local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACTS */ .ym.code(taskId)));
        tasks.push(result.documents.task);
    }
    const failed = tasks.filter((t) => t.status === 'failed');
    deps.core.setOutput('status', failed.length > 0 ? 'failed' : tasks.some((t) => t.status === 'done') ? 'done' : 'no-change');
    await summarise(deps.core, `${tasks.map((task) => (0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderTaskMarkdown */ .Th)(task)).join('\n')}\n${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderUsageTable */ .MH)(tasks.map((task) => ({ stage: `code · ${task.taskId}`, usage: task.usage })))}`);
    if (failed.length > 0)
        deps.core.setFailed(failed.map((t) => `task ${t.taskId} failed: ${t.stopReason ?? t.summary}`).join('\n'));
}
/** `actions/test`: integrate every task's patch, test, add tests. */
async function runTestAction(settings, deps) {
    await download(deps, _local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACTS */ .ym.plan);
    const plan = deps.runDir.readDocument('plan', _local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACTS */ .ym.plan, 'plan.json');
    for (const task of plan.tasks) {
        try {
            await download(deps, _local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACTS */ .ym.code(task.id));
        }
        catch (error) {
            // Only a leg that uploaded nothing makes a task count as failed; any other error is the step's.
            if (!(error instanceof _artifacts_js__WEBPACK_IMPORTED_MODULE_6__/* .ArtifactMissingError */ .BU))
                throw error;
            deps.core.warning(`task ${task.id}: ${error.message}`);
            deps.runDir.writeDocument(_local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACTS */ .ym.code(task.id), 'task.json', (0,_stages_code_js__WEBPACK_IMPORTED_MODULE_3__/* .taskNotRun */ .OD)(plan.run, task.id, 'missing artifact', `The task's job uploaded no result: ${error.message}`));
            deps.runDir.writeText(_local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACTS */ .ym.code(task.id), 'task.patch', '');
        }
    }
    const result = await withCommandsStopped(deps.core, () => (0,_local_stage_js__WEBPACK_IMPORTED_MODULE_5__/* .runSingleStage */ .Y)({ ...modelOptions(settings, deps), stage: 'test' }));
    await deps.artifacts.uploadArtifact(_local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACTS */ .ym.test, deps.runDir.artifactDir(_local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACTS */ .ym.test));
    const test = result.documents.test;
    deps.core.setOutput('status', test.status);
    deps.core.setOutput('passed', test.passed === null ? '' : String(test.passed));
    deps.core.setOutput('failed', test.failed === null ? '' : String(test.failed));
    await summarise(deps.core, `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderTestMarkdown */ .cp)(test)}\n${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderUsageTable */ .MH)([{ stage: 'test', usage: test.usage }])}`);
    if (test.status === 'error')
        deps.core.setFailed(`the tests could not run: ${test.summary.split('\n')[0]}`);
}
/** `actions/review`: one lens. */
async function runReviewAction(settings, deps) {
    await download(deps, _local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACTS */ .ym.plan);
    await download(deps, _local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACTS */ .ym.test);
    const result = await withCommandsStopped(deps.core, () => (0,_local_stage_js__WEBPACK_IMPORTED_MODULE_5__/* .runSingleStage */ .Y)({ ...modelOptions(settings, deps), stage: 'review', lens: settings.lens }));
    await deps.artifacts.uploadArtifact(_local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACTS */ .ym.review(settings.lens), deps.runDir.artifactDir(_local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACTS */ .ym.review(settings.lens)));
    const reviews = result.documents.reviews ?? [];
    const review = reviews[0];
    deps.core.setOutput('verdict', review.verdict);
    const change = deps.runDir.readText(_local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACTS */ .ym.test, 'change.patch') ?? '';
    const outcome = (0,_review_index_js__WEBPACK_IMPORTED_MODULE_2__/* .combineReviews */ .bu)(reviews, (0,_review_index_js__WEBPACK_IMPORTED_MODULE_2__/* .parseUnifiedDiff */ .rj)(change), result.config.review['block-on']);
    await summarise(deps.core, `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderReviewMarkdown */ .AD)(outcome)}\n${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderUsageTable */ .MH)([{ stage: `review · ${review.lens}`, usage: review.usage }])}`);
}
/** `actions/docs`. */
async function runDocsAction(settings, deps) {
    await download(deps, _local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACTS */ .ym.plan);
    await download(deps, _local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACTS */ .ym.test);
    const result = await withCommandsStopped(deps.core, () => (0,_local_stage_js__WEBPACK_IMPORTED_MODULE_5__/* .runSingleStage */ .Y)({ ...modelOptions(settings, deps), stage: 'docs' }));
    const docs = result.documents.docs;
    if (!docs)
        return skipped(deps.core, 'status', result.summary);
    await deps.artifacts.uploadArtifact(_local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACTS */ .ym.docs, deps.runDir.artifactDir(_local_run_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .ARTIFACTS */ .ym.docs));
    deps.core.setOutput('status', docs.status);
    await summarise(deps.core, `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderDocsMarkdown */ .LK)(docs)}\n${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderUsageTable */ .MH)([{ stage: 'docs', usage: docs.usage }])}`);
    if (docs.status === 'failed')
        deps.core.setFailed(`the docs stage failed: ${docs.summary.split('\n')[0]}`);
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
