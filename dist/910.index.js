export const id = 910;
export const ids = [910];
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
  f: () => (/* binding */ actionsGitHubLog),
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
    }
    async uploadArtifact(name, dir) {
        const files = listFiles(name, dir);
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
