export const id = 9133;
export const ids = [9133];
export const modules = {

/***/ 69133:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionsGitHubLog: () => (/* binding */ actionsGitHubLog),
/* harmony export */   actionsReporter: () => (/* binding */ actionsReporter),
/* harmony export */   assertNoPersistedCredentials: () => (/* binding */ assertNoPersistedCredentials),
/* harmony export */   jobArtifacts: () => (/* binding */ jobArtifacts),
/* harmony export */   jobFromEnvironment: () => (/* binding */ jobFromEnvironment),
/* harmony export */   jobRunDirectory: () => (/* binding */ jobRunDirectory),
/* harmony export */   runUrlOf: () => (/* binding */ runUrlOf)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99661);
/* harmony import */ var _artifacts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50982);



/** The page of the job's workflow run on GitHub. */
function runUrlOf(job) {
    return `${job.serverUrl}/${job.repository.owner}/${job.repository.repo}/actions/runs/${job.runId}`;
}
function jobFromEnvironment(env, readEvent) {
    const required = (name) => {
        const value = env[name];
        if (!value) {
            const where = "ensemble's actions run inside a GitHub Actions job (uses: …/actions/<stage>)";
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${name} is not set: ${where}`);
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
 * as a local run's, so the stage code is the same in both runtimes. Loaded here, not with this
 * module: it brings the contracts, which the job's checks before the stage do not need.
 */
async function jobRunDirectory(job) {
    const { RunDirectory } = await Promise.all(/* import() */[__webpack_require__.e(4377), __webpack_require__.e(6811), __webpack_require__.e(5012)]).then(__webpack_require__.bind(__webpack_require__, 5012));
    return RunDirectory.at((0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(job.runnerTemp, 'ensemble', job.runId));
}
/**
 * The artifact store, with the job's artifact credentials captured before credentials leave the environment,
 * keeping uploads as long as the repository allows up to the approval and re-run window (`log` hears when less).
 */
function jobArtifacts(env, log) {
    return new _artifacts_js__WEBPACK_IMPORTED_MODULE_2__.ActionsArtifactStore({
        ...(0,_artifacts_js__WEBPACK_IMPORTED_MODULE_2__.artifactCredentials)({}, env),
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
        ...new Set(found.filter((file) => !REPOSITORY_CONFIG.test(file)).map((file) => (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(workspace, file))),
    ];
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('the checkout keeps a GitHub token in .git/config (actions/checkout persists credentials by default); ' +
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
        files.add((0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(value) ? value : (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(workspace, (0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(origin), value));
    }
    return [...files];
}
/**
 * `node:child_process`, loaded at the first `git config` rather than with this module: an entry whose
 * earlier checks fail does not load it.
 */
const childProcess = () => process.getBuiltinModule('node:child_process');
/**
 * `git config <args>` in the workspace with a clean environment and no system or global configuration; '' when
 * nothing matches (exit 1) or the workspace is not a repository (which the stage reports itself).
 */
function readConfig(workspace, args) {
    try {
        return childProcess().execFileSync('git', ['config', ...args], {
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
