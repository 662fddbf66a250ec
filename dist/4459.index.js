export const id = 4459;
export const ids = [4459,9133];
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


/***/ }),

/***/ 15498:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zr: () => (/* binding */ packInstall),
/* harmony export */   kI: () => (/* binding */ cachedInstall)
/* harmony export */ });
/* unused harmony exports SETUP_CACHE_DIR, INSTALL_INPUT_FILES, platformOf, installInputsDigest */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(99661);
/**
 * One dependency install per workflow run on GitHub: the plan job installs (it does anyway, to
 * fail before any model call), packs what the install left, and the workflow saves it with
 * `actions/cache/save` under the key this module makes; the code legs, the test job and the fix
 * job restore it with `actions/cache/restore` before their stage action starts, and the action
 * uses it (`SavedInstall`, see src/stages/setup.ts) instead of installing again.
 *
 * Why the Actions cache and not an artifact: it is made for this (tar + zstd, a service close to
 * the runners, no 30-day retention or storage quota of artifacts, no limit made for documents),
 * and `actions/cache` is the action every workflow already trusts for it. What it does not give
 * is integrity: any workflow run of the repository on the default branch can write a cache entry
 * under any key that is not taken yet. So the key is content-addressed:
 *
 *   ensemble-setup-v1-<platform>-<inputs>-<content>
 *
 * `inputs` is a digest of what decides the install (the base commit, the setup commands, the
 * lockfiles and package-manager files at the base, the format), `content` the SHA-256 of the
 * packed files themselves. The key reaches the later jobs as the plan job's output, which only
 * the plan job writes; a job uses what it restored only when its own `inputs` digest (from its
 * own checkout and configuration) and the digest of the restored files both match the key.
 * Anything else (no key, a cache miss or eviction, another base or platform, changed lockfiles or
 * commands, altered files) makes the job install itself, and its report says why. Nothing an
 * agent wrote is ever in it: the plan job installs at the base before any agent runs.
 *
 * The files are two plain tar archives (symbolic links and modes kept, as the local copy keeps
 * them): the paths git ignores in the setup worktree, and the setup HOME. Plain, because
 * `actions/cache` compresses the directory with zstd itself.
 */






/** The directory under RUNNER_TEMP the plan job packs into and later jobs restore into (pipeline.yml). */
const SETUP_CACHE_DIR = 'ensemble-setup';
/** The archives in it: the checkout's ignored paths, and the setup HOME. */
const CHECKOUT_TAR = 'checkout.tar';
const HOME_TAR = 'home.tar';
/** Changes when what is packed, or how, changes: a key of another format is never used. */
const FORMAT = 'ensemble-setup-v1';
const KEY = /^ensemble-setup-v1-([a-z0-9]+-[a-z0-9]+)-([0-9a-f]{32})-([0-9a-f]{64})$/;
/**
 * Files at the top of a repository that decide what an install puts where: manifests, lockfiles,
 * package-manager settings and pinned tool versions of every ecosystem `setup-detect.ts` knows.
 * (The base commit decides them all too; they are named so that the check says what differs.)
 */
const INSTALL_INPUT_FILES = [
    'package.json',
    'package-lock.json',
    'npm-shrinkwrap.json',
    'pnpm-lock.yaml',
    'pnpm-workspace.yaml',
    'yarn.lock',
    '.yarnrc.yml',
    '.yarnrc',
    'bun.lock',
    'bun.lockb',
    '.npmrc',
    '.nvmrc',
    '.node-version',
    '.tool-versions',
    'pyproject.toml',
    'uv.lock',
    'poetry.lock',
    'Pipfile',
    'Pipfile.lock',
    'requirements.txt',
    'requirements-dev.txt',
    '.python-version',
    'go.mod',
    'go.sum',
    'Cargo.toml',
    'Cargo.lock',
    'rust-toolchain.toml',
    'Gemfile',
    'Gemfile.lock',
    '.ruby-version',
    'Makefile',
    'justfile',
];
/** The runner this job runs on, as the key names it: `linux-x64`. */
function platformOf() {
    return `${process.platform}-${process.arch}`;
}
/**
 * The digest of what decides an install: format, platform, base commit, the setup commands, and
 * each install input file present in `dir` (its name and content).
 */
async function installInputsDigest(input) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256');
    hash.update(`${FORMAT}\0${input.platform}\0${input.baseSha}\0${JSON.stringify(input.setup.commands)}\0`);
    for (const file of INSTALL_INPUT_FILES) {
        const content = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(input.dir, file)).catch(() => null);
        if (content)
            hash.update(`${file}\0${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update(content).digest('hex')}\0`);
    }
    return hash.digest('hex').slice(0, 32);
}
/**
 * Packs a finished install into `<runnerTemp>/ensemble-setup` for `actions/cache/save`, and
 * returns the key to save it under (the plan job's `setup-key` output).
 */
async function packInstall(installed, runnerTemp, baseSha) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(runnerTemp, SETUP_CACHE_DIR);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rm)(dir, { recursive: true, force: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.mkdir)(dir, { recursive: true });
    await tar(['-cf', (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, CHECKOUT_TAR), '-C', installed.dir, '--null', '-T', '-'], installed.paths);
    await tar(['-cf', (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, HOME_TAR), '-C', installed.home, '.']);
    const platform = platformOf();
    const inputs = await installInputsDigest({ dir: installed.dir, setup: installed.setup, baseSha, platform });
    return `${FORMAT}-${platform}-${inputs}-${await contentDigest(dir)}`;
}
/**
 * The install the plan job saved, as `actions/cache/restore` put it into `<runnerTemp>/ensemble-setup`,
 * under the key the plan job output (`setup-key`; null when it gave none).
 */
function cachedInstall(key, runnerTemp) {
    const cache = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(runnerTemp, SETUP_CACHE_DIR);
    return {
        async restore(setup, dir, home, baseSha) {
            if (key === null) {
                return { reused: false, why: 'the job was given no setup-key (only the plan job of pipeline.yml saves one)' };
            }
            const parts = KEY.exec(key);
            if (!parts)
                return { reused: false, why: `the setup-key \`${key}\` is not one ensemble makes (${FORMAT}-…)` };
            const [, platform, inputs, content] = parts;
            const here = platformOf();
            if (platform !== here) {
                return { reused: false, why: `the plan job installed on ${platform}, this job runs on ${here}` };
            }
            const expected = await installInputsDigest({ dir, setup, baseSha, platform });
            if (expected !== inputs) {
                return {
                    reused: false,
                    why: 'the base commit, the setup commands or the lockfiles differ from the ones the plan job installed ' +
                        `from (key \`${key}\`, this job's inputs digest ${expected})`,
                };
            }
            const missing = await firstMissing(cache, [CHECKOUT_TAR, HOME_TAR]);
            if (missing) {
                return {
                    reused: false,
                    why: `the Actions cache gave nothing for key \`${key}\` (evicted, not saved, or the cache service failed)`,
                };
            }
            const found = await contentDigest(cache);
            if (found !== content) {
                return {
                    reused: false,
                    why: `the files restored under key \`${key}\` are not the ones the plan job saved (their digest is ${found})`,
                };
            }
            await tar(['-xf', (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(cache, CHECKOUT_TAR), '-C', dir]);
            await tar(['-xf', (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(cache, HOME_TAR), '-C', home]);
            return { reused: true, key, from: 'the plan job' };
        },
    };
}
async function firstMissing(dir, files) {
    for (const file of files) {
        const found = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.stat)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, file)).catch(() => null);
        if (!found?.isFile())
            return file;
    }
    return null;
}
/** The SHA-256 of both archives, in order. */
async function contentDigest(dir) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256');
    for (const file of [CHECKOUT_TAR, HOME_TAR])
        hash.update(`${file}\0${await fileDigest((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, file))}\0`);
    return hash.digest('hex');
}
function fileDigest(path) {
    return new Promise((resolve, reject) => {
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.createReadStream)(path)
            .on('data', (chunk) => hash.update(chunk))
            .on('error', reject)
            .on('end', () => resolve(hash.digest('hex')));
    });
}
/**
 * Runs `tar` (GNU tar on Linux runners, bsdtar on macOS; `actions/cache` needs it too) with `paths`
 * NUL-separated on its standard input when given. Our own files, so outside the sandbox.
 */
function tar(args, paths) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('tar', [...args], { stdio: ['pipe', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d) => {
            stderr += d.toString();
        });
        child.on('error', (error) => reject(new Error(`tar could not start: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(error)}`)));
        child.on('close', (code) => {
            if (code === 0)
                resolve();
            else
                reject(new Error(`tar ${args[0]} exited with ${code}: ${stderr.trim().slice(-500)}`));
        });
        // `tar -x` reads no paths and may exit before its input is closed: the pipe's EPIPE is not
        // a failure (the exit code says how tar did), and unhandled it would end the action.
        child.stdin.on('error', () => { });
        child.stdin.end(paths ? paths.map((p) => `${p}\0`).join('') : '');
    });
}


/***/ }),

/***/ 64459:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BASE_COMMIT_HINT: () => (/* binding */ BASE_COMMIT_HINT),
  runCodeAction: () => (/* binding */ runCodeAction),
  runDocsAction: () => (/* binding */ runDocsAction),
  runFixAction: () => (/* binding */ runFixAction),
  runReviewAction: () => (/* binding */ runReviewAction),
  runTestAction: () => (/* binding */ runTestAction),
  setUpSandbox: () => (/* binding */ setUpSandbox),
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
// EXTERNAL MODULE: ./lib/contracts/documents.js + 2 modules
var documents = __webpack_require__(66811);
// EXTERNAL MODULE: ./lib/plan/graph.js
var graph = __webpack_require__(18703);
// EXTERNAL MODULE: ./lib/render/setup.js
var render_setup = __webpack_require__(61441);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/runtime/actions/environment.js
var environment = __webpack_require__(69133);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./lib/agent/sandbox.js + 1 modules
var sandbox = __webpack_require__(23076);
;// CONCATENATED MODULE: ./lib/runtime/actions/log.js

/**
 * Writes text that came from outside (an issue, a model, a test's output) to the job log so that
 * no line of it can act as a workflow command (`::set-output`, `::add-mask`, `::stop-commands`):
 * the runner ignores commands between `::stop-commands::<token>` and `::<token>::`, and the
 * token is random, so the text cannot end the block itself.
 */
function logUntrusted(core, text) {
    const token = (0,external_node_crypto_.randomBytes)(16).toString('hex');
    core.info(`::stop-commands::${token}`);
    core.info(text);
    core.info(`::${token}::`);
}

;// CONCATENATED MODULE: ./lib/runtime/actions/sandbox-setup.js
/**
 * Makes the command sandbox usable before a job's stage work starts (the code, test and all-in-one
 * actions), so that a runner without it fails at once with what to do, not after the plan was
 * downloaded and a model was paid. What "usable" takes is defined once, in
 * `scripts/install-sandbox.sh` (install bubblewrap; on Ubuntu 23.10+ load an AppArmor profile that
 * lets bwrap alone create user namespaces; never the global sysctl): this runs it, shipped with
 * the action, only when bubblewrap does not already work.
 */







/** The script, relative to the action's repository root (the parent of `dist/`). */
const INSTALL_SANDBOX_SCRIPT = 'scripts/install-sandbox.sh';
/** apt-get and a package's scripts can take a while; a hung `sudo` must not hold the job. */
const SCRIPT_TIMEOUT_MS = 10 * 60_000;
/** The sandbox is required and could not be made to work here; the message says what to do. */
class SandboxSetupError extends errors/* UserError */.yo {
    name = 'SandboxSetupError';
}
const OPT_OUT = 'or set `sandbox: none` in .github/ensemble.yml to run agent, setup and test commands without isolation, ' +
    'knowingly: they can then read the credentials of the run and reach the network';
/**
 * When the configuration requires the sandbox (`sandbox: bubblewrap`, the default) and bubblewrap
 * does not work, runs the install script and probes again; throws {@link SandboxSetupError} with
 * the script's instructions when it still does not work. Logs one line saying what it did.
 */
async function ensureSandbox(config, deps) {
    if (config.sandbox === 'none') {
        deps.info('sandbox: none in the configuration: commands run without bubblewrap, nothing to set up');
        return 'not required';
    }
    const before = await deps.probe();
    if (before.available) {
        deps.info(`bubblewrap works (${before.path}): nothing to set up`);
        return 'already works';
    }
    const run = await deps.runScript();
    if (run.stderr.trim())
        deps.detail(run.stderr.trimEnd());
    const outcome = run.stdout.trim();
    if (run.exitCode !== 0) {
        throw new SandboxSetupError(outcome ||
            `${INSTALL_SANDBOX_SCRIPT} failed (exit ${run.exitCode ?? 'none'}) without saying why (its output is ` +
                `above) after ${before.reason}; install bubblewrap and let it create user namespaces, ${OPT_OUT}`);
    }
    const after = await deps.probe();
    if (!after.available) {
        throw new SandboxSetupError(`${INSTALL_SANDBOX_SCRIPT} reported "${outcome}", yet ${after.reason}. Make bubblewrap work on ` +
            `this runner (run the script by hand to see why it does not), ${OPT_OUT}.`);
    }
    deps.info(`sandbox set up: ${outcome} (before: ${before.reason})`);
    return 'set up';
}
/**
 * The script shipped with the running code: the nearest `scripts/install-sandbox.sh` above the
 * module, which in the bundle is `dist/`'s parent, the action's repository root (the runner
 * fetches the whole repository for `uses:`).
 */
function installScriptPath(moduleUrl = import.meta.url) {
    let dir = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(moduleUrl));
    for (;;) {
        const candidate = (0,external_node_path_.join)(dir, INSTALL_SANDBOX_SCRIPT);
        if ((0,external_node_fs_.existsSync)(candidate))
            return candidate;
        const parent = (0,external_node_path_.dirname)(dir);
        if (parent === dir)
            throw new Error(`${INSTALL_SANDBOX_SCRIPT} not found above ${(0,external_node_url_.fileURLToPath)(moduleUrl)}: the action is incomplete`);
        dir = parent;
    }
}
/**
 * The script's environment: what finding programs and running apt-get need, nothing else. The
 * job's environment still holds the model keys and tokens at this point; none of them reaches the
 * script, sudo or a package's maintainer scripts.
 */
function scriptEnv(env) {
    const kept = { DEBIAN_FRONTEND: 'noninteractive' };
    for (const name of ['PATH', 'HOME', 'LANG', 'TMPDIR']) {
        const value = env[name];
        if (value)
            kept[name] = value;
    }
    return kept;
}
/** Runs the script with bash; never throws for its failure. */
function runInstallScript(script, env) {
    return new Promise((resolve) => {
        (0,external_node_child_process_.execFile)('bash', [script], { env, timeout: SCRIPT_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
            if (!error)
                return resolve({ exitCode: 0, stdout, stderr });
            const exitCode = typeof error.code === 'number' ? error.code : null;
            // Not started (no bash) or killed: the reason goes where the tools' output goes.
            const why = exitCode === null ? `${stderr}\n${error.message}` : stderr;
            resolve({ exitCode, stdout, stderr: why });
        });
    });
}
/** The production dependencies on Actions: the real probe, the shipped script, the job log. */
function actionsSandboxSetup(core, env) {
    return {
        probe: () => {
            // The probe is cached per process: forget a failure, so that commands see the working sandbox.
            (0,sandbox/* resetBubblewrapProbe */.Yx)();
            return (0,sandbox/* probeBubblewrap */.j)();
        },
        runScript: () => runInstallScript(installScriptPath(), scriptEnv(env)),
        info: (message) => core.info(message),
        detail: (text) => logUntrusted(core, text),
    };
}

// EXTERNAL MODULE: ./lib/runtime/actions/setup-cache.js
var setup_cache = __webpack_require__(15498);
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











/**
 * Before any stage work of a job whose commands run in the sandbox: makes bubblewrap usable when
 * the configuration requires it, or fails the job with what an administrator must do.
 */
async function setUpSandbox(deps, config) {
    await ensureSandbox(config, deps.sandboxSetup ?? actionsSandboxSetup(deps.core, deps.env));
}
/** {@link setUpSandbox} for a stage job, which reads the configuration itself later: read here for `sandbox`. */
async function setUpStageSandbox(settings, deps) {
    await setUpSandbox(deps, await stageConfig(settings, deps));
}
async function stageConfig(settings, deps) {
    const { loadRunConfig, repositoryRoot } = await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(5420), __webpack_require__.e(9006), __webpack_require__.e(9241), __webpack_require__.e(6660), __webpack_require__.e(5666)]).then(__webpack_require__.bind(__webpack_require__, 6660));
    return (await loadRunConfig(repositoryRoot(deps.job.workspace), settings.config, null)).config;
}
/**
 * The stage runner and its report (the agents, the model SDK, the workspace, the renderers): loaded
 * once the job's inputs are downloaded, so that its first download does not wait for them.
 */
async function stageRunner() {
    const [{ readPlan }, { runStageJob }, { reportStage }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(5420), __webpack_require__.e(9039), __webpack_require__.e(9006), __webpack_require__.e(6593)]).then(__webpack_require__.bind(__webpack_require__, 76593)),
        Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(5420), __webpack_require__.e(9039), __webpack_require__.e(9006), __webpack_require__.e(9241), __webpack_require__.e(6593), __webpack_require__.e(6660), __webpack_require__.e(3985)]).then(__webpack_require__.bind(__webpack_require__, 44698)),
        Promise.all(/* import() */[__webpack_require__.e(5420), __webpack_require__.e(9039), __webpack_require__.e(9006), __webpack_require__.e(6593), __webpack_require__.e(4059), __webpack_require__.e(7752)]).then(__webpack_require__.bind(__webpack_require__, 87752)),
    ]);
    return { readPlan, runStageJob, reportStage };
}
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
    // The jobs that install (code, test, fix) start from the plan job's install when it fits (setup-cache.ts).
    const saved = 'setupKey' in settings ? { savedInstall: (0,setup_cache/* cachedInstall */.kI)(settings.setupKey, deps.job.runnerTemp) } : {};
    return {
        ...saved,
        model: settings.model ? `${settings.model.provider}:${settings.model.model}` : null,
        baseUrl: settings.baseUrl,
        apiKey: settings.apiKey,
        configFile: settings.config,
        env: deps.env,
        ...(deps.session ? { session: deps.session } : {}),
        runDir: deps.runDir,
        repoDir: deps.job.workspace,
        reporter: (0,environment.actionsReporter)(deps.core),
        baseCommitHint: BASE_COMMIT_HINT,
        // The partial work of a failed unit is uploaded too: nothing is lost.
        afterUnit: (outcome) => uploadOutcome(deps, outcome),
        stopped: stop.stopped,
    };
}
/** The step summary's line on where the job's dependencies came from (reused, or installed and why). */
async function reportSetup(core, setup) {
    const line = setup ? (0,render_setup/* renderSetupOrigin */.op)(setup) : '';
    if (!line)
        return;
    core.summary.addRaw(line, true);
    await core.summary.write();
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
    await setUpStageSandbox(settings, deps);
    await download(deps, names.ARTIFACTS.plan);
    const { readPlan, runStageJob, reportStage } = await stageRunner();
    const plan = readPlan(deps.runDir);
    const group = (0,graph/* dependencyGroups */.m0)(plan.tasks).find((g) => g.includes(settings.task));
    if (!group) {
        throw new errors/* UserError */.yo(`task "${settings.task}" is not in the plan (tasks: ${plan.tasks.map((t) => t.id).join(', ')})`);
    }
    const units = group.map((taskId) => ({ stage: 'code', taskId }));
    const { outcomes, config, setup } = await withCommandsStopped(deps.core, () => runStageJob({ ...jobOptions(settings, deps), units }));
    await reportStage(deps.core, { stage: 'code', outcomes, config, runDir: deps.runDir });
    await reportSetup(deps.core, setup);
}
/** `actions/test`: integrate every task's patch, test, add tests. */
async function runTestAction(settings, deps) {
    await setUpStageSandbox(settings, deps);
    await download(deps, names.ARTIFACTS.plan);
    const { readPlan, runStageJob, reportStage } = await stageRunner();
    const plan = readPlan(deps.runDir);
    for (const task of plan.tasks)
        await downloadTask(deps, plan.run, task.id);
    const { outcomes, config, setup } = await withCommandsStopped(deps.core, () => runStageJob({ ...jobOptions(settings, deps), units: [{ stage: 'test' }] }));
    await reportStage(deps.core, { stage: 'test', outcomes, config, runDir: deps.runDir });
    await reportSetup(deps.core, setup);
}
/**
 * A task's artifact; a leg that uploaded none (cancelled, or killed before its first upload)
 * makes the task count as failed, with the reason. Any other error is the step's.
 */
async function downloadTask(deps, run, taskId) {
    try {
        await download(deps, names.ARTIFACTS.code(taskId));
    }
    catch (error) {
        if (!(error instanceof store/* ArtifactMissingError */.BU))
            throw error;
        deps.core.warning(`task ${taskId}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        const reason = `The task's job uploaded no result: ${(0,errors/* errorMessage */.gJ)(error)}`;
        const { taskNotRun } = await Promise.all(/* import() */[__webpack_require__.e(5420), __webpack_require__.e(9006), __webpack_require__.e(4968)]).then(__webpack_require__.bind(__webpack_require__, 44968));
        deps.runDir.writeTask({ document: taskNotRun(run, taskId, 'missing artifact', reason), patch: '' });
    }
}
/** `actions/review`: one lens. */
async function runReviewAction(settings, deps) {
    await download(deps, names.ARTIFACTS.plan);
    await download(deps, names.ARTIFACTS.test);
    const { runStageJob, reportStage } = await stageRunner();
    const { outcomes, config } = await withCommandsStopped(deps.core, () => runStageJob({ ...jobOptions(settings, deps), units: [{ stage: 'review', lenses: [settings.lens] }] }));
    await reportStage(deps.core, { stage: 'review', outcomes, config, runDir: deps.runDir });
}
/** `actions/docs`. */
async function runDocsAction(settings, deps) {
    await download(deps, names.ARTIFACTS.plan);
    await download(deps, names.ARTIFACTS.test);
    const { runStageJob, reportStage } = await stageRunner();
    const { outcomes, config } = await withCommandsStopped(deps.core, () => runStageJob({ ...jobOptions(settings, deps), units: [{ stage: 'docs' }] }));
    await reportStage(deps.core, { stage: 'docs', outcomes, config, runDir: deps.runDir });
}
/** The follow-up run's document when this is one (`ensemble-follow-up`), else null. */
async function downloadFollowUp(deps) {
    try {
        await download(deps, names.ARTIFACTS.followUp);
    }
    catch (error) {
        if (error instanceof store/* ArtifactMissingError */.BU)
            return null;
        throw error;
    }
    return deps.runDir.readDocument('follow-up', names.ARTIFACTS.followUp, documents.DOCUMENTS['follow-up'].file);
}
/**
 * `actions/fix`: the review → fix loop, in one job. It reads the plan, the test stage's change and
 * every lens's review, and runs fix rounds while the review blocks; each round (its fix, re-test
 * and re-review) is uploaded as `ensemble-fix-<round>` as it is written. A lens whose job uploaded
 * no review counts as no finding: the loop fixes what the reviews that exist found.
 */
async function runFixAction(settings, deps) {
    // Read once: the sandbox is set up from it, and it names the lenses.
    const config = await stageConfig(settings, deps);
    await setUpSandbox(deps, config);
    await download(deps, names.ARTIFACTS.plan);
    await download(deps, names.ARTIFACTS.test);
    const followUp = await downloadFollowUp(deps);
    const { EXTERNAL_SOURCES } = await __webpack_require__.e(/* import() */ 9039).then(__webpack_require__.bind(__webpack_require__, 59039));
    // A follow-up run's open findings include people's review comments and failed checks, in reviews of their own.
    const lenses = followUp ? [...config.review.lenses, ...EXTERNAL_SOURCES] : config.review.lenses;
    for (const lens of lenses) {
        try {
            await download(deps, names.ARTIFACTS.review(lens));
        }
        catch (error) {
            if (!(error instanceof store/* ArtifactMissingError */.BU))
                throw error;
            // A follow-up's lens with no open finding has no review, and people's review only when they commented.
            if (!followUp)
                deps.core.warning(`review lens ${lens}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    const instructions = followUp?.instructions ?? null;
    const { runStageJob, reportStage } = await stageRunner();
    const { outcomes, setup } = await withCommandsStopped(deps.core, () => runStageJob({ ...jobOptions(settings, deps), units: [{ stage: 'fix', loop: true, instructions }] }));
    await reportStage(deps.core, { stage: 'fix', outcomes, config, runDir: deps.runDir });
    await reportSetup(deps.core, setup);
}


/***/ })

};
