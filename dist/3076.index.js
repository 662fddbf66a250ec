export const id = 3076;
export const ids = [3076];
export const modules = {

/***/ 74889:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CR: () => (/* binding */ toWorkspacePath),
/* harmony export */   ER: () => (/* binding */ PathError),
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   z1: () => (/* binding */ resolveInWorkspace)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);


/** A path an agent asked for that the tools refuse: outside the workspace, through a symlink out, or into `.git`. */
class PathError extends Error {
    name = 'PathError';
}
/** Is `child` the same as or below `parent`? Both absolute and normalised. */
function isInside(parent, child) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(rel));
}
/** The workspace-relative, forward-slash form of an absolute path inside `root` ('.' for the root itself). */
function toWorkspacePath(root, absolute) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(realRoot(root), absolute);
    return rel === '' ? '.' : rel.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
}
function realRoot(root) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(root);
    }
    catch {
        throw new PathError(`the workspace ${root} does not exist`);
    }
}
function lexists(p) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(p);
        return true;
    }
    catch {
        return false;
    }
}
function hasGitSegment(rel) {
    return rel.split(/[\\/]/).some((segment) => segment.toLowerCase() === '.git');
}
/**
 * Resolves a path an agent gave (relative to the workspace, or absolute inside it) to the absolute
 * real path it names, or throws a `PathError` that says why it is refused:
 * - a path that leaves the workspace, lexically (`../x`, `/etc/passwd`) or through a symlink,
 *   whether the symlink is the file itself or any directory on the way;
 * - for a path that does not exist yet, the nearest existing parent is resolved the same way,
 *   and a dangling symlink on the way is refused (writing through it would create its target);
 * - anything inside a `.git` directory (or a worktree's `.git` file): history, config and hooks
 *   are not the agent's to change, and hooks or config would run later outside the sandbox.
 *
 * The check and the later use are not atomic; the tools run one at a time and `write_file`
 * opens with `O_NOFOLLOW`, which closes the race for the last segment.
 */
function resolveInWorkspace(root, userPath, options = {}) {
    if (typeof userPath !== 'string')
        throw new PathError('path must be a string');
    if (userPath.includes('\0'))
        throw new PathError('path must not contain a NUL character');
    const shown = JSON.stringify(userPath);
    const base = realRoot(root);
    const lexicalRoot = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root);
    const trimmed = userPath.trim() === '' ? '.' : userPath;
    let candidate;
    if (node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(trimmed)) {
        const abs = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(trimmed);
        // Accept the workspace spelled either way (e.g. /tmp/x and its real /private/tmp/x).
        if (isInside(base, abs))
            candidate = abs;
        else if (isInside(lexicalRoot, abs))
            candidate = node_path__WEBPACK_IMPORTED_MODULE_1__.join(base, node_path__WEBPACK_IMPORTED_MODULE_1__.relative(lexicalRoot, abs));
        else
            throw new PathError(`path ${shown} is outside the workspace; use a path relative to the repository root`);
    }
    else {
        candidate = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(base, trimmed);
        if (!isInside(base, candidate)) {
            throw new PathError(`path ${shown} leaves the workspace through ".."; use a path inside the repository`);
        }
    }
    if (hasGitSegment(node_path__WEBPACK_IMPORTED_MODULE_1__.relative(base, candidate))) {
        throw new PathError(`path ${shown} is inside .git; the repository's git directory may not be read or changed by tools`);
    }
    // Walk up to the nearest entry that exists (the path itself when it does).
    let existing = candidate;
    const missing = [];
    while (!lexists(existing)) {
        missing.unshift(node_path__WEBPACK_IMPORTED_MODULE_1__.basename(existing));
        const parent = node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(existing);
        if (parent === existing)
            break;
        existing = parent;
    }
    let realExisting;
    try {
        realExisting = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(existing);
    }
    catch {
        // lstat found it but realpath cannot follow it: a dangling symlink (or a loop).
        throw new PathError(`path ${shown} goes through a symlink whose target does not exist; it is refused`);
    }
    const real = missing.length > 0 ? node_path__WEBPACK_IMPORTED_MODULE_1__.join(realExisting, ...missing) : realExisting;
    if (!isInside(base, real)) {
        throw new PathError(`path ${shown} resolves through a symlink to ${real}, outside the workspace; it is refused`);
    }
    if (hasGitSegment(node_path__WEBPACK_IMPORTED_MODULE_1__.relative(base, real))) {
        throw new PathError(`path ${shown} resolves into .git; the repository's git directory may not be read or changed by tools`);
    }
    if (options.mustExist && missing.length > 0) {
        throw new PathError(`${userPath}: no such file or directory`);
    }
    return real;
}


/***/ }),

/***/ 23076:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  qq: () => (/* binding */ COMMAND_BIN_DIR),
  j: () => (/* binding */ probeBubblewrap),
  Nd: () => (/* binding */ requireSandbox),
  Yx: () => (/* binding */ resetBubblewrapProbe),
  y6: () => (/* binding */ runSandboxed)
});

// UNUSED EXPORTS: SandboxUnavailableError, commandView, sandboxEnv, toolchainHomes

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/contracts/config.js
var config = __webpack_require__(41317);
// EXTERNAL MODULE: ./lib/contracts/credential-stores.js
var credential_stores = __webpack_require__(65937);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/workspace/index.js + 2 modules
var lib_workspace = __webpack_require__(30514);
// EXTERNAL MODULE: ./lib/agent/paths.js
var paths = __webpack_require__(74889);
;// CONCATENATED MODULE: ./lib/agent/sandbox-git.js





/**
 * What a sandboxed command sees of git beyond its worktree (sandbox.ts): the git directories the
 * worktree needs, read-only, with every git configuration file in them replaced by a sanitised
 * copy. A worktree's git reads the COMMON `.git/config` of the user's repository, which may hold
 * `remote.origin.url = https://user:token@host/…`, actions/checkout's persisted
 * `http.https://github.com/.extraheader = AUTHORIZATION: basic …`, `credential.*` helpers and
 * `url.<base-with-token>.insteadOf`. The copy keeps everything else, so `git status`, `git diff`
 * and `git log` work inside as they do outside.
 */
/** The git directories of a checkout or worktree (`.git` may be a file naming the real one). */
function gitDirs(workspace) {
    const dotGit = external_node_path_.join(workspace, '.git');
    let stat;
    try {
        stat = (0,external_node_fs_.lstatSync)(dotGit);
    }
    catch {
        return [];
    }
    if (stat.isDirectory())
        return [dotGit];
    if (!stat.isFile())
        return [];
    const dirs = [dotGit];
    const match = /^gitdir:\s*(.+)$/m.exec((0,external_node_fs_.readFileSync)(dotGit, 'utf8'));
    if (match?.[1]) {
        const gitdir = external_node_path_.resolve(workspace, match[1].trim());
        if (isDir(gitdir)) {
            dirs.push(gitdir);
            try {
                const common = external_node_path_.resolve(gitdir, (0,external_node_fs_.readFileSync)(external_node_path_.join(gitdir, 'commondir'), 'utf8').trim());
                if (isDir(common))
                    dirs.push(common);
            }
            catch {
                // not a linked worktree
            }
        }
    }
    return dirs;
}
function isDir(p) {
    try {
        return (0,external_node_fs_.lstatSync)(p).isDirectory();
    }
    catch {
        return false;
    }
}
function isFile(p) {
    try {
        return (0,external_node_fs_.lstatSync)(p).isFile();
    }
    catch {
        return false;
    }
}
/** Submodules' git directories nest (`modules/a/modules/b`): deep enough for real repositories, bounded. */
const MAX_MODULE_DEPTH = 4;
const MAX_CONFIG_FILES = 64;
/**
 * Every git configuration file a command inside could read: the system one (`/etc/gitconfig`,
 * which the sandbox shows with `/etc`), and in each git directory `config`, `config.worktree`
 * and the submodules' `modules/**\/config`. Real paths, without duplicates.
 */
function gitConfigFiles(dirs, systemConfig = '/etc/gitconfig') {
    const found = new Set();
    const add = (file) => {
        if (found.size >= MAX_CONFIG_FILES || !isFile(file))
            return;
        found.add((0,external_node_fs_.realpathSync)(file));
    };
    add(systemConfig);
    const walkModules = (dir, depth) => {
        if (depth > MAX_MODULE_DEPTH)
            return;
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(external_node_path_.join(dir, 'modules'));
        }
        catch {
            return;
        }
        for (const entry of entries) {
            const module = external_node_path_.join(dir, 'modules', entry);
            if (!isDir(module))
                continue;
            add(external_node_path_.join(module, 'config'));
            walkModules(module, depth + 1);
        }
    };
    for (const dir of dirs) {
        if (!isDir(dir))
            continue;
        add(external_node_path_.join(dir, 'config'));
        add(external_node_path_.join(dir, 'config.worktree'));
        walkModules(dir, 1);
    }
    return [...found];
}
/** `scheme://userinfo@`, in a value or a key's subsection (`url.<base>.insteadOf`, `http.<url>.*`). */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^/@\s]*)@/gi;
/** `text` without the user information of its URLs that is a credential (`isCredentialUserInfo`). */
function withoutUserInfo(text) {
    return text.replace(URL_USERINFO, (whole, scheme, userinfo) => (0,lib_workspace/* isCredentialUserInfo */.rQ)(scheme, userinfo) ? scheme : whole);
}
/** Sections whose every key goes: credential helpers and stores, and includes (an included file is not sanitised). */
const DROPPED_SECTIONS = new Set(['credential', 'include', 'includeif']);
/** Key names (the part after the last dot) that carry a credential themselves. */
const DROPPED_KEY_NAME = /extraheader|token|secret|passw|credential|cookie/i;
/** What to change in one configuration: keys to remove whole, values to rewrite without userinfo. */
function sanitisingPlan(entries) {
    const unset = new Set();
    const rewrite = [];
    for (const { key, value } of entries) {
        const section = key.slice(0, key.indexOf('.')).toLowerCase();
        const name = key.slice(key.lastIndexOf('.') + 1);
        if (DROPPED_SECTIONS.has(section) || DROPPED_KEY_NAME.test(name) || withoutUserInfo(key) !== key) {
            unset.add(key);
            continue;
        }
        if (value === null)
            continue;
        const to = withoutUserInfo(value);
        if (to !== value && !rewrite.some((r) => r.key === key && r.from === value))
            rewrite.push({ key, from: value, to });
    }
    return { unset: [...unset], rewrite };
}
function realGit(args) {
    return new Promise((resolve, reject) => {
        // An empty environment: nothing of the orchestrator's git settings (GIT_CONFIG_*) applies to the file read.
        (0,external_node_child_process_.execFile)('git', args, { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/nonexistent' }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => error
            ? reject(new Error(`git ${args.slice(0, 4).join(' ')}: ${String(stderr).trim() || error.message}`))
            : resolve(stdout));
    });
}
async function listConfig(git, file) {
    const out = await git(['config', '--file', file, '--no-includes', '--list', '-z']);
    return out
        .split('\0')
        .filter((entry) => entry !== '')
        .map((entry) => {
        const newline = entry.indexOf('\n');
        return newline < 0
            ? { key: entry, value: null }
            : { key: entry.slice(0, newline), value: entry.slice(newline + 1) };
    });
}
/**
 * `original` without credentials, edited with git itself in `work` (a file of the caller's) so
 * that everything else (sections, comments, values git alone knows how to quote) stays as it was.
 * When git cannot read the file or something is left after the edit, the view is EMPTY: a command
 * then sees no configuration rather than a credential, and the note says why.
 */
async function sanitiseGitConfig(original, work, git = realGit) {
    try {
        await (0,promises_.copyFile)(original, work);
        const plan = sanitisingPlan(await listConfig(git, work));
        if (plan.unset.length > 0 || plan.rewrite.length > 0) {
            for (const key of plan.unset)
                await git(['config', '--file', work, '--unset-all', key]);
            for (const { key, from, to } of plan.rewrite) {
                try {
                    await git(['config', '--file', work, '--fixed-value', '--replace-all', key, to, from]);
                }
                catch {
                    // A git without --fixed-value (before 2.30): the key goes whole.
                    await git(['config', '--file', work, '--unset-all', key]);
                }
            }
            const left = sanitisingPlan(await listConfig(git, work));
            if (left.unset.length > 0 || left.rewrite.length > 0)
                throw new Error('credentials remained after the edit');
        }
        return { content: await (0,promises_.readFile)(work, 'utf8'), note: null };
    }
    catch (error) {
        return {
            content: '',
            note: `${original}: commands see it empty, because its credentials could not be removed ` +
                `(${error instanceof Error ? error.message : String(error)})`,
        };
    }
}
/**
 * The views made so far, by file and what its stat says of its content: an agent runs many
 * commands in one worktree, and each would otherwise start git a few times before it starts.
 */
const views = new Map();
/** {@link sanitiseGitConfig}, made again only when the file changed since the last time. */
function gitConfigView(original, work) {
    let signature;
    try {
        const stat = (0,external_node_fs_.statSync)(original, { bigint: true });
        signature = `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
    }
    catch {
        return sanitiseGitConfig(original, work);
    }
    const known = views.get(original);
    if (known?.signature === signature)
        return known.view;
    const view = sanitiseGitConfig(original, work);
    views.set(original, { signature, view });
    return view;
}

;// CONCATENATED MODULE: ./lib/agent/sandbox.js











/**
 * Runs an agent's shell command away from the orchestrator's credentials (docs/design.md §3.3).
 *
 * Every command starts from an EMPTY environment plus an allow-list (PATH, HOME = a scratch
 * directory, LANG, CI=true, TERM=dumb, PYTHONDONTWRITEBYTECODE=1, the toolchain homes), plus for setup commands (`network`)
 * the proxy and CA variables, plus what the configuration's `sandbox-env` names (`commandView`).
 * Where bubblewrap works (Linux, user namespaces allowed) the command also runs inside it:
 * - `--unshare-all`: no network (only a private loopback), own PID, IPC, UTS, cgroup and user
 *   namespaces; `--share-net` only when the caller asks for `network: true` (setup commands).
 * - own PID namespace and a fresh `/proc`: the orchestrator and the runner are not visible, so
 *   `/proc/<pid>/environ` of any process outside cannot be read. PID 1 inside is bubblewrap's
 *   own init, whose environment is the one bubblewrap was started with: that is why bubblewrap
 *   itself is spawned with the allow-list only, not just given `--clearenv`.
 * - `--die-with-parent`, `--new-session` (no TIOCSTI into the parent's terminal),
 *   `--cap-drop ALL` (matters when the runner is root: with capabilities a command could remount
 *   `/` read-write), and no new privileges: bubblewrap always sets PR_SET_NO_NEW_PRIVS on the
 *   sandboxed process (`NoNewPrivs: 1` in `/proc/self/status`; the tests check it).
 * - the file system is an ALLOW-LIST: a command sees only what it is given, and nothing else of
 *   the host is there at all (not hidden: absent). Onto bubblewrap's empty root go
 *   (`systemMounts`) the system directories read-only (`/usr`, `/bin`, `/sbin`, `/lib*`, `/etc`
 *   minus its secrets (`/etc/shadow`, host SSH keys, …), `/nix`, `/snap`; merged-/usr links
 *   recreated as links) and `/opt` (the hosted runner's tool cache) entry by entry, leaving out an
 *   entry that holds the workspace, the runner or a home directory; fresh `/proc` and `/dev`;
 *   empty `/tmp`, `/run` and `/var/tmp` (no Docker, D-Bus or other host socket, wherever it is).
 *   Then the toolchains outside those directories, read-only (`givenBackMounts`: each PATH
 *   entry's toolchain directory and the toolchain homes, in `/tmp`, the home directory or
 *   elsewhere; CA files and `sandbox-paths`), with credential stores, the Actions runner's files
 *   and temp directory hidden again inside what was given back (`hiddenPaths`); the workspace
 *   and the scratch HOME read-write; and the git directories the worktree needs, read-only (a
 *   command could otherwise plant `core.fsmonitor` or hooks that the orchestrator's own git calls
 *   would run outside the sandbox), with every git configuration file in them and
 *   `/etc/gitconfig` replaced by a copy without credentials (sandbox-git.ts: remote URLs without
 *   their userinfo, no `http.*.extraheader`, `credential.*` or includes). The root itself is
 *   read-only. Not there: the user's home directory and every other one, `/root`, `/var`, `/srv`,
 *   `/mnt`, `/media`, `/sys`, the files of the user's checkout beside its `.git` (an untracked
 *   `.env`), other checkouts. What a linked worktree needs of its repository is the whole common
 *   git directory: every branch's objects and refs, and the other worktrees' index and HEAD.
 *
 * Where bubblewrap is missing or cannot start (some containers forbid user namespaces; probed
 * once per process), the command gets the clean environment only and a warning is logged once
 * (`isolation: 'auto'`, tests), or the run stops (`required`, every run unless `sandbox: none`,
 * which is said once per run in its output).
 * Residual risk in that mode: the command runs as the same user as the orchestrator, so it can
 * read `/proc/$PPID/environ` (the orchestrator's environment AS IT WAS AT EXEC: deleting keys
 * from `process.env` does not erase that block; the model helper scrubs `process.env` anyway, and
 * variables set after start never appear there), reach the network, and write `.git`. It is
 * spawned `detached` (its own session and process group) so that a timeout can kill the group,
 * which does not hide the parent. Prefer runners where bubblewrap works.
 */
/** Commands must run in bubblewrap and it cannot be used here. */
class SandboxUnavailableError extends errors/* UserError */.yo {
    name = 'SandboxUnavailableError';
    constructor(reason) {
        super(`${reason}. ensemble runs repository and agent commands only ` +
            'inside bubblewrap: install it (apt-get install bubblewrap; ' +
            'on Ubuntu 23.10 and later also load an AppArmor profile that lets bwrap alone ' +
            "create user namespaces: ensemble's scripts/install-sandbox.sh does both, or prints the commands), " +
            'or set `sandbox: none` in .github/ensemble.yml to run commands ' +
            'without isolation, where they can read the credentials of the run.');
    }
}
/** Throws {@link SandboxUnavailableError} when `isolation` is `required` and bubblewrap does not work here. */
async function requireSandbox(isolation) {
    if (isolation !== 'required')
        return;
    const found = await probeBubblewrap();
    if (!found.available)
        throw new SandboxUnavailableError(found.reason);
}
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** After the command exits, how long stragglers holding its pipes get before the pipes are closed. */
const PIPE_GRACE_MS = 1_000;
/**
 * Variables a command with the network (a setup command) needs to reach a registry through the
 * runner's proxy and to trust its TLS-intercepting CA, matched case-insensitively. None of them is
 * a credential, except a proxy URL with a user and password in it: that one is withheld.
 */
const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY'];
const CA_VARIABLES = [
    'NODE_EXTRA_CA_CERTS',
    'NODE_USE_SYSTEM_CA',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'REQUESTS_CA_BUNDLE',
    'CURL_CA_BUNDLE',
    'PIP_CERT',
    'GIT_SSL_CAINFO',
    'GIT_SSL_CAPATH',
    'NPM_CONFIG_CAFILE',
    'CARGO_HTTP_CAINFO',
];
/**
 * What a command gets beyond the fixed allow-list: for a setup command (`network`), the proxy and
 * CA variables of the environment and the files they name; for every command, what the
 * configuration's `sandbox-env` and `sandbox-paths` name for it. A name that looks like a
 * credential is refused here too (the configuration refuses it first), so no caller can pass one.
 */
function commandView(options = {}) {
    const network = options.network ?? false;
    const passThrough = options.passThrough;
    const view = { env: {}, paths: [], caFiles: [], notes: [] };
    const byUpper = new Map();
    for (const name of Object.keys(process.env)) {
        const upper = name.toUpperCase();
        byUpper.set(upper, [...(byUpper.get(upper) ?? []), name]);
    }
    const named = new Set([...(passThrough?.env.all ?? []), ...(network ? (passThrough?.env.setup ?? []) : [])]);
    if (network) {
        for (const wanted of [...PROXY_VARIABLES, ...CA_VARIABLES]) {
            for (const name of byUpper.get(wanted) ?? []) {
                const value = process.env[name];
                if (!value)
                    continue;
                if (PROXY_VARIABLES.includes(wanted) && hasUserInfo(value) && !named.has(name)) {
                    view.notes.push(`${name} holds a user and password, which setup commands never get: it was left out ` +
                        `(list ${name} under sandbox-env.setup in .github/ensemble.yml to pass it anyway)`);
                    continue;
                }
                view.env[name] = value;
                if (CA_VARIABLES.includes(wanted)) {
                    for (const file of value.split(external_node_path_.delimiter)) {
                        if (!external_node_path_.isAbsolute(file))
                            continue;
                        view.paths.push(file);
                        view.caFiles.push(file);
                    }
                }
            }
        }
    }
    for (const name of named) {
        const word = (0,config/* credentialWordInName */.kZ)(name);
        if (word)
            throw new errors/* UserError */.yo(`sandbox-env: "${name}" looks like a credential (${word}); commands never get one`);
        const value = process.env[name];
        if (value !== undefined)
            view.env[name] = value;
    }
    for (const entry of [...(passThrough?.paths.all ?? []), ...(network ? (passThrough?.paths.setup ?? []) : [])]) {
        view.paths.push(entry.startsWith('~/') ? external_node_path_.join(external_node_os_.homedir(), entry.slice(2)) : entry);
    }
    return view;
}
function hasUserInfo(value) {
    try {
        const url = new URL(value.includes('://') ? value : `http://${value}`);
        return url.username !== '' || url.password !== '';
    }
    catch {
        return /@/.test(value);
    }
}
/**
 * A directory of the command's HOME that is first on its PATH: the setup puts shims there for
 * what the repository's scripts call by name and the host may lack (pnpm and yarn through
 * corepack or npx), and each worktree's HOME is a copy of the setup's.
 */
const COMMAND_BIN_DIR = '.ensemble/bin';
/** The only variables a command sees: the fixed allow-list, then what `commandView` adds. */
function sandboxEnv(home, extra = {}) {
    const pathEntries = (process.env.PATH ?? '')
        .split(external_node_path_.delimiter)
        .filter((entry) => entry !== '' && external_node_path_.isAbsolute(entry));
    const hostPath = pathEntries.length > 0 ? pathEntries.join(external_node_path_.delimiter) : DEFAULT_PATH;
    return {
        ...extra,
        PATH: `${external_node_path_.join(home, COMMAND_BIN_DIR)}${external_node_path_.delimiter}${hostPath}`,
        HOME: home,
        LANG: process.env.LANG || 'C.UTF-8',
        CI: 'true',
        TERM: 'dumb',
        // Python's bytecode caches (__pycache__/) land beside the sources, where a repository without
        // a .gitignore rule for them would see them committed with the agent's change.
        PYTHONDONTWRITEBYTECODE: '1',
        ...toolchainHomes(),
    };
}
/**
 * Toolchains whose commands on PATH find their files through a home of their own rather than
 * through PATH: rustup's proxies in `~/.cargo/bin` (as on GitHub-hosted runners) read the
 * toolchains under `RUSTUP_HOME` and cargo its registry under `CARGO_HOME`, both by default in the
 * user's home directory, which a command does not see (its HOME is a scratch directory). Each
 * home is passed as the user's environment sets it, or as the tool's default when that directory
 * exists; `givenBackMounts` gives it back read-only and `hiddenPaths` hides the credentials inside.
 */
const TOOLCHAIN_HOMES = [
    { variable: 'RUSTUP_HOME', defaultDir: '.rustup' },
    { variable: 'CARGO_HOME', defaultDir: '.cargo' },
];
function toolchainHomes() {
    const homes = {};
    for (const { variable, defaultDir } of TOOLCHAIN_HOMES) {
        const given = process.env[variable];
        const dir = given && external_node_path_.isAbsolute(given) ? given : external_node_path_.join(external_node_os_.homedir(), defaultDir);
        if (sandbox_isDir(dir))
            homes[variable] = dir;
    }
    return homes;
}
function findOnPath(name) {
    const dirs = (process.env.PATH ?? DEFAULT_PATH).split(external_node_path_.delimiter).filter((d) => external_node_path_.isAbsolute(d));
    for (const dir of dirs) {
        const candidate = external_node_path_.join(dir, name);
        try {
            (0,external_node_fs_.accessSync)(candidate, external_node_fs_.constants.X_OK);
            if ((0,external_node_fs_.statSync)(candidate).isFile())
                return candidate;
        }
        catch {
            // not here
        }
    }
    return null;
}
/** Namespace and privilege flags shared by the probe and every command. */
function isolationFlags(network) {
    return [
        '--unshare-all',
        ...(network ? ['--share-net'] : []),
        '--die-with-parent',
        '--new-session',
        '--cap-drop',
        'ALL',
    ];
}
let probe = null;
let warned = false;
/**
 * What each log (one per run's session) was told already: `sandbox: none` once, and each note
 * once, however many commands follow.
 */
const told = new WeakMap();
function tellOnce(log, message) {
    if (!log)
        return;
    const seen = told.get(log) ?? new Set();
    told.set(log, seen);
    if (seen.has(message))
        return;
    seen.add(message);
    log(message);
}
/**
 * Finds bubblewrap and checks once that it can actually start a sandbox with the flags used
 * (containers often forbid user namespaces or mounting /proc). The result is cached.
 */
function probeBubblewrap() {
    probe ??= (async () => {
        if (process.platform !== 'linux')
            return { available: false, reason: `bubblewrap needs Linux (this is ${process.platform})` };
        const bwrap = findOnPath('bwrap');
        if (!bwrap)
            return { available: false, reason: 'bubblewrap not found' };
        const args = [...isolationFlags(false), ...systemMounts([]).args, '--remount-ro', '/', '--', 'true'];
        return new Promise((resolve) => {
            (0,external_node_child_process_.execFile)(bwrap, args, { env: { PATH: DEFAULT_PATH }, timeout: 15_000 }, (error, _stdout, stderr) => {
                if (!error)
                    resolve({ available: true, path: bwrap });
                else
                    resolve({
                        available: false,
                        reason: `bubblewrap cannot start a sandbox here (${String(stderr).trim() || error.message})`,
                    });
            });
        });
    })();
    return probe;
}
/** Forget the cached probe and the one-time warning (tests; and once the sandbox was set up). */
function resetBubblewrapProbe() {
    probe = null;
    warned = false;
}
function sandbox_isDir(p) {
    try {
        return (0,external_node_fs_.lstatSync)(p).isDirectory();
    }
    catch {
        return false;
    }
}
/**
 * The system directories every command gets read-only: what the distribution's toolchains and
 * libraries need. Where the host has one as a symlink (merged /usr: `/bin -> usr/bin`) it is
 * recreated as that symlink. `/etc` comes whole, minus `ETC_SECRETS`.
 */
const SYSTEM_DIRS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/etc', '/nix', '/snap'];
/**
 * Tool caches (`/opt/hostedtoolcache` on GitHub's runners) and vendors' toolchains: given entry by
 * entry, so that an entry holding a checkout, the Actions runner or a home directory
 * (`/opt/actions-runner/_work/…`) stays out.
 */
const OPT = '/opt';
/** Files in `/etc` that hold secrets of the host rather than configuration a toolchain reads. */
const ETC_SECRETS = [
    '/etc/shadow',
    '/etc/shadow-',
    '/etc/gshadow',
    '/etc/gshadow-',
    '/etc/ssl/private',
    '/etc/krb5.keytab',
    '/etc/NetworkManager/system-connections',
    '/etc/wireguard',
    '/etc/ipsec.secrets',
    '/etc/ppp/chap-secrets',
    '/etc/ppp/pap-secrets',
];
/**
 * The sandbox's root is an empty tmpfs of bubblewrap's; onto it go the system directories
 * read-only, fresh `/proc` and `/dev`, and empty `/tmp`, `/run` and `/var/tmp`. Nothing else of
 * the host: not `/home`, `/root`, `/var` (`/var/run/docker.sock`), `/srv`, `/mnt`, `/media`, other
 * checkouts. `keepOut`: what no entry of `/opt` given whole may hold.
 */
function systemMounts(keepOut) {
    const args = [];
    const shown = [];
    const mount = (dir) => {
        let stat;
        try {
            stat = (0,external_node_fs_.lstatSync)(dir);
        }
        catch {
            return; // not on this host
        }
        if (stat.isSymbolicLink())
            args.push('--symlink', (0,external_node_fs_.readlinkSync)(dir), dir);
        else if (stat.isDirectory()) {
            args.push('--ro-bind', dir, dir);
            shown.push(dir);
        }
    };
    for (const dir of SYSTEM_DIRS)
        mount(dir);
    if (sandbox_isDir(OPT)) {
        if (!keepOut.some((kept) => (0,paths/* isInside */.FK)(OPT, kept)))
            mount(OPT);
        else {
            for (const entry of (0,external_node_fs_.readdirSync)(OPT)) {
                const dir = external_node_path_.join(OPT, entry);
                if (!keepOut.some((kept) => (0,paths/* isInside */.FK)(dir, kept)))
                    mount(dir);
            }
        }
    }
    args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp', '--tmpfs', '/run', '--tmpfs', '/var/tmp');
    // Usually `/var/run -> /run` (and `/var/lock -> /run/lock`): kept as links to the empty /run.
    for (const link of ['/var/run', '/var/lock']) {
        try {
            if ((0,external_node_fs_.lstatSync)(link).isSymbolicLink())
                args.push('--symlink', (0,external_node_fs_.readlinkSync)(link), link);
        }
        catch {
            // absent
        }
    }
    return { args, shown };
}
/**
 * Paths with credentials or host sockets that what the sandbox shows may hold: `/run` (given when
 * listed in `sandbox-paths`: the hide wins), the secrets of `/etc`, Nix's daemon socket under
 * `/nix`, credential stores in the home directory
 * (shown when a toolchain or listed path in it is given back), the Actions runner's files.
 */
function hiddenPaths(toolchains) {
    // Nix's daemon socket is the one host socket a system directory usually holds.
    const hidden = ['/run', ...ETC_SECRETS, ...sshHostKeys(), '/nix/var/nix/daemon-socket'];
    if (sandbox_isDir('/var/run'))
        hidden.push('/var/run'); // usually a symlink to /run
    const home = external_node_os_.homedir();
    for (const rel of credential_stores/* HOME_CREDENTIAL_STORES */.x) {
        hidden.push(external_node_path_.join(home, rel));
    }
    // The Actions runner: its temp directory (event payload, file commands, step scripts) and,
    // next to the Node it starts actions with (<root>/externals/nodeNN/bin/node), its credentials.
    const cargoHome = toolchains['CARGO_HOME'];
    if (cargoHome)
        hidden.push(external_node_path_.join(cargoHome, 'credentials'), external_node_path_.join(cargoHome, 'credentials.toml'));
    if (process.env.RUNNER_TEMP)
        hidden.push(process.env.RUNNER_TEMP);
    const runnerRoot = actionsRunnerRoot();
    if (runnerRoot) {
        for (const name of ['.credentials', '.credentials_rsaparams', '.runner', '.env', '.path', '_diag']) {
            hidden.push(external_node_path_.join(runnerRoot, name));
        }
    }
    return hidden;
}
/** The host's SSH private keys (`/etc/ssh/ssh_host_ed25519_key`; the `.pub` files are public). */
function sshHostKeys() {
    try {
        return (0,external_node_fs_.readdirSync)('/etc/ssh')
            .filter((name) => /^ssh_host_.*_key$/.test(name))
            .map((name) => external_node_path_.join('/etc/ssh', name));
    }
    catch {
        return [];
    }
}
/** The Actions runner's directory when this process is an action it started (`<root>/externals/nodeNN/bin/node`). */
function actionsRunnerRoot() {
    return /[/\\]externals[/\\]node\d+[/\\]bin[/\\]node$/.test(process.execPath)
        ? external_node_path_.resolve(process.execPath, '../../../..')
        : null;
}
function realHome() {
    try {
        return (0,external_node_fs_.realpathSync)(external_node_os_.homedir());
    }
    catch {
        return '/';
    }
}
/**
 * The toolchains and listed paths outside the system directories, given back read-only:
 * - for each directory on PATH and each toolchain home, what holds it (`givenBackRoot`): in the
 *   home directory its top-level directory (`~/.nvm`, `~/.pyenv`, `~/.cargo`, `~/.rustup`,
 *   `~/.asdf`, `~/.local`), elsewhere (`/tmp`, a runner's tool cache outside `/opt`, a project's
 *   `node_modules`) the toolchain's own directory, the one that holds its `bin`: a toolchain's
 *   `bin` finds its `lib` next to it, and shims find what they point to. `/tmp` and the home
 *   directory themselves on PATH are not given back.
 * - each file or directory of `extra` (CA files, `sandbox-paths`) exactly, unless a hidden path
 *   holds it (the hide wins; CA files come back later on their own).
 * Shell histories, other projects and tools' configuration stay out of reach. Credential stores
 * inside what is given back are hidden again by `hiddenPaths` afterwards (later mounts win).
 */
function givenBackMounts(options) {
    const { home, workspace, toolchains, extra, notes, shown, hidden, keepOut } = options;
    const args = [];
    const roots = [];
    const visible = (target) => [...shown, ...roots].some((root) => (0,paths/* isInside */.FK)(root, target));
    const give = (target) => {
        if (visible(target))
            return;
        args.push('--ro-bind', target, target);
        roots.push(target);
    };
    for (const entry of [...(process.env['PATH'] ?? '').split(':'), ...Object.values(toolchains)]) {
        if (!external_node_path_.isAbsolute(entry))
            continue;
        let real;
        try {
            real = (0,external_node_fs_.realpathSync)(entry);
        }
        catch {
            continue;
        }
        // In the workspace: bound read-write anyway.
        if (visible(real) || (0,paths/* isInside */.FK)(workspace, real))
            continue;
        const root = givenBackRoot(real, home, keepOut);
        if (root !== null)
            give(root);
    }
    for (const wanted of extra) {
        let real;
        try {
            real = (0,external_node_fs_.realpathSync)(wanted);
        }
        catch {
            notes.push(`${wanted} does not exist here: commands cannot see it`);
            continue;
        }
        if (hidden.some((dir) => (0,paths/* isInside */.FK)(dir, real)))
            continue;
        give(real);
    }
    return { args, roots };
}
/**
 * What to give back for a PATH entry or toolchain home `real` outside the system directories: in
 * the home directory, its top-level directory (`~/.pyenv`, whose shims point into its versions);
 * elsewhere the toolchain itself, the directory that holds its `bin` (`/tmp/x/node` for
 * `/tmp/x/node/bin`), so that what is next to it (other runs' files, a test suite's temporary
 * directories, other checkouts) stays out of reach. Never a directory that holds what must stay
 * out (`keepOut`: the workspace, the repository's git directories, the home directory, which may
 * sit inside `/tmp`): then the entry alone, deeper, or nothing.
 */
function givenBackRoot(real, home, keepOut) {
    const holdsKept = (dir) => keepOut.some((kept) => (0,paths/* isInside */.FK)(dir, kept));
    if (home !== '/' && (0,paths/* isInside */.FK)(home, real)) {
        if (real === home)
            return null;
        let top = home;
        for (const part of external_node_path_.relative(home, real).split(external_node_path_.sep)) {
            top = external_node_path_.join(top, part);
            if (!holdsKept(top))
                return top;
        }
        return null;
    }
    const prefix = ['bin', '.bin', 'shims'].includes(external_node_path_.basename(real)) ? external_node_path_.dirname(real) : real;
    for (const candidate of [prefix, real]) {
        if (candidate !== '/' && candidate !== '/tmp' && !holdsKept(candidate))
            return candidate;
    }
    return null;
}
/** Real path, or null when absent. */
function realOrNull(p) {
    try {
        return (0,external_node_fs_.realpathSync)(p);
    }
    catch {
        return null;
    }
}
async function bwrapArgs(options) {
    const { command, cwd, workspace, home, network, view, gitView } = options;
    // Read once per command: each is a few stat calls, and every list below needs them.
    const userHome = realHome();
    const toolchains = toolchainHomes();
    const repoGitDirs = gitDirs(workspace).map((dir) => realOrNull(dir) ?? dir);
    const runnerRoot = actionsRunnerRoot();
    const keepOut = [
        workspace,
        home,
        ...repoGitDirs,
        ...(userHome === '/' ? [] : [userHome]),
        ...(runnerRoot ? [runnerRoot] : []),
    ];
    const system = systemMounts(keepOut);
    const args = [...isolationFlags(network), ...system.args];
    const hidden = [
        ...new Set(hiddenPaths(toolchains)
            .map(realOrNull)
            .filter((p) => p !== null)),
    ];
    const givenBack = givenBackMounts({
        home: userHome,
        workspace,
        toolchains,
        extra: view.paths,
        notes: view.notes,
        shown: system.shown,
        hidden,
        keepOut,
    });
    args.push(...givenBack.args);
    const shown = [...system.shown, ...givenBack.roots];
    for (const real of hidden) {
        // Only what the sandbox shows needs hiding: the rest of the host is not there at all.
        if (!shown.some((root) => (0,paths/* isInside */.FK)(root, real)))
            continue;
        if ((0,external_node_fs_.statSync)(real).isDirectory())
            args.push('--tmpfs', real);
        else
            args.push('--ro-bind', '/dev/null', real);
    }
    // A CA certificate is public: one that a hidden directory holds (an action may write it to
    // RUNNER_TEMP, a container mount it under /run) comes back, unless its path names a credential store.
    for (const file of view.caFiles) {
        try {
            const real = (0,external_node_fs_.realpathSync)(file);
            if ((0,external_node_fs_.statSync)(real).isFile() && (0,config/* credentialPathReason */.VJ)(real) === null)
                args.push('--ro-bind', real, real);
        }
        catch {
            // absent: givenBackMounts noted it
        }
    }
    if (network) {
        // DNS: /etc/resolv.conf is often a link out of /etc (into /run with systemd-resolved, /mnt/wsl
        // on WSL): give that one file back.
        const resolv = realOrNull('/etc/resolv.conf');
        if (resolv && !system.shown.some((root) => (0,paths/* isInside */.FK)(root, resolv)))
            args.push('--ro-bind', resolv, resolv);
    }
    // Later mounts win: the workspace and HOME are writable even under a hidden or tmpfs path.
    args.push('--bind', workspace, workspace);
    for (const dir of gitDirs(workspace))
        args.push('--ro-bind', dir, dir);
    // Git's configuration, as commands see it: without credentials (sandbox-git.ts).
    const configs = gitConfigFiles(repoGitDirs);
    for (const [index, file] of configs.entries()) {
        // A copy even of a file without credentials: what the command sees cannot change while it runs.
        const copy = external_node_path_.join(gitView, `config-${index}`);
        const seen = await gitConfigView(file, external_node_path_.join(gitView, `work-${index}`));
        if (seen.note)
            view.notes.push(seen.note);
        await (0,promises_.writeFile)(copy, seen.content);
        args.push('--ro-bind', copy, file);
    }
    args.push('--bind', home, home, '--remount-ro', '/', '--chdir', cwd, '--clearenv');
    for (const [key, value] of Object.entries(sandboxEnv(home, view.env)))
        args.push('--setenv', key, value);
    args.push('--', '/bin/sh', '-c', command);
    return args;
}
/** Keeps the first quarter and the last three quarters of a byte stream. */
class OutputCapture {
    headCap;
    tailCap;
    head = [];
    headBytes = 0;
    tail = [];
    tailBytes = 0;
    total = 0;
    constructor(maxBytes) {
        const max = Math.max(0, Math.floor(maxBytes));
        this.headCap = Math.floor(max / 4);
        this.tailCap = max - this.headCap;
    }
    push(chunk) {
        this.total += chunk.length;
        let rest = chunk;
        if (this.headBytes < this.headCap) {
            const take = Math.min(this.headCap - this.headBytes, rest.length);
            this.head.push(rest.subarray(0, take));
            this.headBytes += take;
            rest = rest.subarray(take);
        }
        if (rest.length === 0 || this.tailCap === 0)
            return;
        this.tail.push(rest);
        this.tailBytes += rest.length;
        while (this.tailBytes > this.tailCap) {
            const first = this.tail[0];
            const excess = this.tailBytes - this.tailCap;
            if (first.length <= excess) {
                this.tail.shift();
                this.tailBytes -= first.length;
            }
            else {
                this.tail[0] = first.subarray(excess);
                this.tailBytes -= excess;
            }
        }
    }
    result() {
        const omitted = this.total - this.headBytes - this.tailBytes;
        const head = Buffer.concat(this.head).toString('utf8');
        const tail = Buffer.concat(this.tail).toString('utf8');
        if (omitted <= 0)
            return { output: head + tail, truncated: false };
        return { output: `${head}\n[… ${omitted} bytes omitted …]\n${tail}`, truncated: true };
    }
}
function killGroup(child) {
    if (child.pid === undefined)
        return;
    try {
        process.kill(-child.pid, 'SIGKILL');
    }
    catch {
        // already gone
    }
}
/**
 * Runs one command with the clean environment, inside bubblewrap where it works. Never throws for
 * the command's own failure.
 */
async function runSandboxed(options) {
    const started = performance.now();
    const cwd = (0,external_node_fs_.realpathSync)(options.cwd);
    const workspace = (0,external_node_fs_.realpathSync)(options.workspace ?? options.cwd);
    if (!(0,paths/* isInside */.FK)(workspace, cwd))
        throw new Error(`the command's directory ${cwd} is outside the workspace ${workspace}`);
    const ownScratch = options.scratchDir === undefined;
    const scratch = ownScratch
        ? await (0,promises_.mkdtemp)(external_node_path_.join(external_node_os_.tmpdir(), 'ensemble-home-'))
        : external_node_path_.resolve(options.scratchDir);
    if (!ownScratch)
        await (0,promises_.mkdir)(scratch, { recursive: true });
    const home = (0,external_node_fs_.realpathSync)(scratch);
    // The sanitised git configuration commands see: a directory of the host, only its files bound inside.
    let gitView = null;
    // Ends the command for the workspace's cached reads (`quiet.ts`); never called for a command run
    // outside bubblewrap, which can leave a process behind that writes the repository later.
    let ended = null;
    try {
        let bwrap = null;
        if (options.isolation !== 'none') {
            const found = await probeBubblewrap();
            if (found.available)
                bwrap = found.path;
            else if (options.isolation === 'required') {
                // Fail closed: without the sandbox a command could read the orchestrator's credentials
                // through /proc/<ppid>/environ and reach the network.
                throw new SandboxUnavailableError(found.reason);
            }
            else if (!warned) {
                warned = true;
                options.log?.(`${found.reason}: commands run without network isolation`);
            }
        }
        else {
            tellOnce(options.log, 'sandbox: none: commands run WITHOUT bubblewrap: they have the network, can write .git and can read ' +
                "this process's environment as it started (/proc/<pid>/environ)");
        }
        const network = options.network ?? false;
        const view = commandView({ network, ...(options.passThrough ? { passThrough: options.passThrough } : {}) });
        const env = sandboxEnv(home, view.env);
        if (bwrap)
            gitView = await (0,promises_.mkdtemp)(external_node_path_.join(external_node_os_.tmpdir(), 'ensemble-gitview-'));
        const args = bwrap
            ? await bwrapArgs({ command: options.command, cwd, workspace, home, network, view, gitView: gitView })
            : null;
        for (const note of view.notes)
            tellOnce(options.log, note);
        // Inside bubblewrap a command writes only its workspace and HOME; outside it, anything.
        const end = (0,lib_workspace/* commandStarted */.R5)(bwrap ? [workspace, home] : null);
        if (bwrap)
            ended = end;
        // Detached: the command leads its own process group (and session), so a timeout kills all of it.
        const child = bwrap
            ? (0,external_node_child_process_.spawn)(bwrap, args, {
                cwd,
                env,
                stdio: ['ignore', 'pipe', 'pipe'],
                detached: true,
            })
            : (0,external_node_child_process_.spawn)('/bin/sh', ['-c', options.command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
        const capture = new OutputCapture(options.maxOutputBytes);
        child.stdout?.on('data', (chunk) => capture.push(chunk));
        child.stderr?.on('data', (chunk) => capture.push(chunk));
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            killGroup(child);
        }, options.timeoutMs);
        const onAbort = () => killGroup(child);
        options.abortSignal?.addEventListener('abort', onAbort, { once: true });
        if (options.abortSignal?.aborted)
            onAbort();
        const { code, signal } = await new Promise((resolve, reject) => {
            let exited = null;
            child.once('error', reject);
            child.once('exit', (exitCode, exitSignal) => {
                exited = { code: exitCode, signal: exitSignal };
                // Background children die with the command (bubblewrap tears its PID namespace down itself).
                killGroup(child);
                // A process that left the group may still hold the pipes: stop waiting for it.
                setTimeout(() => {
                    child.stdout?.destroy();
                    child.stderr?.destroy();
                    resolve(exited);
                }, PIPE_GRACE_MS).unref();
            });
            child.once('close', () => {
                if (exited)
                    resolve(exited);
            });
        }).finally(() => {
            clearTimeout(timer);
            options.abortSignal?.removeEventListener('abort', onAbort);
        });
        const { output, truncated } = capture.result();
        return {
            exitCode: signal || timedOut ? null : code,
            signal,
            timedOut,
            output,
            truncated,
            durationMs: Math.round(performance.now() - started),
            sandboxed: bwrap !== null,
        };
    }
    finally {
        ended?.();
        if (ownScratch)
            await (0,promises_.rm)(scratch, { recursive: true, force: true }).catch(() => { });
        if (gitView)
            await (0,promises_.rm)(gitView, { recursive: true, force: true }).catch(() => { });
    }
}


/***/ }),

/***/ 28805:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   Ie: () => (/* binding */ formatTimeLimit),
/* harmony export */   Q5: () => (/* binding */ normaliseOutput),
/* harmony export */   RT: () => (/* binding */ tail),
/* harmony export */   aJ: () => (/* binding */ stripAnsi),
/* harmony export */   sr: () => (/* binding */ clipExcerpt),
/* harmony export */   tX: () => (/* binding */ clipWithNote),
/* harmony export */   vh: () => (/* binding */ wholeCharEnd)
/* harmony export */ });
/**
 * Cutting and tidying plain text for reports, prompts and logs: one implementation of each cut.
 *
 * Lengths are JavaScript string lengths (UTF-16 code units), the unit the contracts' `max` limits
 * count, so a clipped field always passes its schema. A cut never splits a surrogate pair.
 *
 * Not here, on purpose: `truncateMarkdown` (render/markdown.ts) closes the code fences and
 * `<details>` it cuts through and counts bytes or characters, so it belongs with the Markdown
 * renderers.
 */
/** The end of the longest prefix of `text` no longer than `end` that does not split a surrogate pair. */
function wholeCharEnd(text, end) {
    const code = text.charCodeAt(end - 1);
    return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}
/** `text` when it has at most `max` characters; else its beginning and `…`, `max` characters in all. */
function clip(text, max) {
    if (text.length <= max)
        return text;
    return `${text.slice(0, wholeCharEnd(text, Math.max(0, max - 1)))}…`;
}
/**
 * `text` cut to at most `max` characters with `note` at the end (saying that the rest was cut),
 * never within a character; `text` itself when it fits.
 */
function clipWithNote(text, max, note) {
    if (text.length <= max)
        return text;
    return `${text.slice(0, wholeCharEnd(text, Math.max(0, max - note.length)))}${note}`;
}
/** `text` without leading blank lines and trailing whitespace, then clipped to `max` characters. */
function clipExcerpt(text, max) {
    return clip(text.replace(/^\s*\n/, '').replace(/\s+$/, ''), max);
}
/**
 * The end of `text`: its last `max` characters after `…`, starting at a line start when one comes
 * within the first 200 of them; `text` itself when it is no longer than `max`.
 */
function tail(text, max) {
    if (text.length <= max)
        return text;
    let start = text.length - max;
    const code = text.charCodeAt(start);
    if (code >= 0xdc00 && code <= 0xdfff)
        start++;
    const cut = text.slice(start);
    const newline = cut.indexOf('\n');
    return `…${newline !== -1 && newline < 200 ? cut.slice(newline) : cut}`;
}
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-_]/g;
/** `text` without ANSI colour and cursor sequences. */
function stripAnsi(text) {
    return text.replace(ANSI, '');
}
/**
 * A command's output as it is parsed and shown: colours removed, line endings normalised, and the
 * `workspaces` directories (with a `file://` in front or not) removed from paths, so that the
 * names in two runs in different worktrees match.
 */
function normaliseOutput(output, workspaces = []) {
    let text = stripAnsi(output).replace(/\r\n?/g, '\n');
    for (const dir of workspaces) {
        if (!dir)
            continue;
        const prefix = `${dir.replace(/\/+$/, '')}/`;
        text = text.split(`file://${prefix}`).join('').split(prefix).join('');
    }
    return text;
}
/**
 * A configured time limit in words: `5 minutes`, `1.5 minutes`, `30 s`. (render/markdown.ts has
 * `formatDuration` for measured durations: `2 min 05 s`.)
 */
function formatTimeLimit(ms) {
    if (ms % 60_000 === 0)
        return `${ms / 60_000} minute${ms === 60_000 ? '' : 's'}`;
    return ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} minutes` : `${Math.round(ms / 1000)} s`;
}


/***/ }),

/***/ 48656:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SC: () => (/* binding */ commitTree),
/* harmony export */   Ub: () => (/* binding */ updateBranch),
/* harmony export */   Uo: () => (/* binding */ headOf),
/* harmony export */   cs: () => (/* binding */ commitsWithoutTrailer),
/* harmony export */   jX: () => (/* binding */ withTrailers),
/* harmony export */   n$: () => (/* binding */ treeWithPatch),
/* harmony export */   rV: () => (/* binding */ writeCommit),
/* harmony export */   u1: () => (/* binding */ branchNameCheck)
/* harmony export */ });
/* unused harmony export commitPatch */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10297);
/* harmony import */ var _memo_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(46115);
/* harmony import */ var _patched_tree_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17911);
/* harmony import */ var _protect_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(47214);
/* harmony import */ var _repo_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(87957);






const TRAILER_KEY = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
/**
 * `message` with `trailers` appended as git trailers: in the message's last paragraph when that
 * already consists of trailers only, else in a new paragraph.
 */
function withTrailers(message, trailers = {}) {
    const body = message.replace(/\r\n/g, '\n').replace(/\s+$/, '');
    if (body.trim() === '')
        throw new Error('a commit message must not be empty');
    const lines = [];
    for (const [key, value] of Object.entries(trailers)) {
        if (!TRAILER_KEY.test(key))
            throw new Error(`trailer key ${JSON.stringify(key)} must be letters, digits and "-"`);
        const flat = value.replace(/\s+/g, ' ').trim();
        if (flat === '')
            throw new Error(`trailer ${key} has an empty value`);
        lines.push(`${key}: ${flat}`);
    }
    if (lines.length === 0)
        return `${body}\n`;
    const paragraphs = body.split(/\n{2,}/);
    const last = paragraphs.length > 1 ? (paragraphs.at(-1) ?? '') : '';
    const lastIsTrailers = last !== '' && last.split('\n').every((line) => /^[A-Za-z0-9][A-Za-z0-9-]*: \S/.test(line));
    return `${body}${lastIsTrailers ? '\n' : '\n\n'}${lines.join('\n')}\n`;
}
/** The environment that makes `git commit-tree` write `author` and `committer`; throws for an unusable identity. */
function identityEnv(author, committer) {
    for (const [role, who] of [
        ['author', author],
        ['committer', committer],
    ]) {
        if (who.name.trim() === '' || who.email.trim() === '' || /[<>\n]/.test(who.name + who.email)) {
            throw new Error(`the commit ${role} needs a name and an e-mail address without "<", ">" or newlines`);
        }
    }
    const env = {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: committer.name,
        GIT_COMMITTER_EMAIL: committer.email,
    };
    if (author.date)
        env.GIT_AUTHOR_DATE = author.date;
    if (committer.date)
        env.GIT_COMMITTER_DATE = committer.date;
    return env;
}
/** Commits' trees read in this process, by repository and commit: what a SHA names never changes. */
const heads = new _memo_js__WEBPACK_IMPORTED_MODULE_5__/* .FactCache */ .p(64);
/** The tree of a commit (`git rev-parse <sha>^{commit}^{tree}`), read once per process. */
function headOf(git, sha) {
    if (!(0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .isFullSha */ .Wf)(sha))
        return Promise.reject(new Error(`cannot commit on ${JSON.stringify(sha)} in ${git.cwd}: not a full commit SHA`));
    return heads.of(`${node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(git.cwd)}\0${sha}`, async () => {
        const tree = await git.text(['rev-parse', '--verify', '--end-of-options', `${sha}^{commit}^{tree}`], {
            what: `read the tree of ${sha}`,
        });
        return { sha, tree };
    });
}
/** Writes one commit object (`git commit-tree`, never signed, no hooks) and returns its SHA. */
function writeCommit(git, commit) {
    const parents = commit.parents.flatMap((sha) => ['-p', sha]);
    return git.text(['commit-tree', '--no-gpg-sign', commit.tree, ...parents, '-F', '-'], {
        env: identityEnv(commit.author, commit.committer ?? commit.author),
        input: commit.message,
        what: `commit tree ${commit.tree} on ${commit.parents[0]} in ${git.cwd}`,
    });
}
/**
 * The tree of `head` plus `patch`, made in `index`, which holds `head`'s tree (and does again
 * afterwards when the patch does not apply). Throws, saying why, when there is no such commit to
 * make: an empty patch (unless `allowEmpty`, then `head`'s tree), a protected path, a patch that
 * does not apply, one that changes nothing. With `made`, that tree known already (this process
 * made it, `knownPatchedTree`): it is checked the same way, and `index` is left as it is.
 */
async function treeWithPatch(git, index, head, patch, options = {}) {
    const what = `commit a patch on ${head.sha} in ${git.cwd}`;
    if (patch.trim() === '') {
        if (!options.allowEmpty)
            throw new Error(`${what}: the patch is empty`);
        return head.tree;
    }
    if (options.protectedPaths)
        await (0,_protect_js__WEBPACK_IMPORTED_MODULE_3__/* .assertNoProtectedPaths */ .I)(patch, options.protectedPaths, `the patch to commit on ${head.sha}`, git.cwd);
    if (options.made !== undefined)
        return changedTree(options.made, head, what, options.allowEmpty);
    const applied = await index.apply(patch);
    if (!applied.ok) {
        await index.read(head.tree);
        const where = applied.conflictingFiles.length ? ` (conflicts in ${applied.conflictingFiles.join(', ')})` : '';
        throw new Error(`${what}: the patch does not apply${where}: ${applied.detail}`);
    }
    return changedTree(await index.write(), head, what, options.allowEmpty);
}
function changedTree(tree, head, what, allowEmpty = false) {
    if (tree === head.tree && !allowEmpty)
        throw new Error(`${what}: the patch changes nothing in that commit's tree`);
    return tree;
}
/**
 * Creates a commit of `parentSha` plus `patch` and returns its SHA, without touching the
 * user's work tree, index, HEAD or branches: the patch is applied in a temporary index
 * (`withScratchIndex`, `git apply --cached`, straight and then 3-way), written with `write-tree`
 * and committed with `commit-tree` (never signed, no hooks). Only objects are added.
 */
async function commitPatch(repoDir, options) {
    const { root } = await repoInfo(repoDir);
    const git = hardenedGit(root);
    const { parentSha } = options;
    const what = `commit a patch on ${parentSha} in ${root}`;
    if (!isFullSha(parentSha))
        throw new Error(`${what}: the parent must be a full commit SHA`);
    const message = withTrailers(options.message, options.trailers);
    const commit = { message, author: options.author, ...(options.committer ? { committer: options.committer } : {}) };
    identityEnv(commit.author, commit.committer ?? commit.author);
    const parentTree = await git.run(['rev-parse', '--verify', '--quiet', `${parentSha}^{tree}`], {
        okCodes: [0, 1, 128],
    });
    if (parentTree.code !== 0)
        throw new Error(`${what}: ${parentSha} is not a commit in that repository`);
    const head = { sha: parentSha, tree: parentTree.stdout.toString('utf8').trim() };
    return withScratchIndex(git, async (index) => {
        await index.read(head.tree);
        const tree = await treeWithPatch(git, index, head, options.patch, options);
        return writeCommit(git, { ...commit, tree, parents: [parentSha] });
    });
}
/**
 * Creates a commit whose tree is exactly `tree` on top of `parentSha` (the diff between them is
 * the commit's change), without touching any work tree, index or branch. Returns null when the
 * tree equals the parent's: there is nothing to commit.
 */
async function commitTree(repoDir, options) {
    const { root } = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_4__/* .repoInfo */ .Lt)(repoDir);
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .hardenedGit */ .YW)(root);
    const what = `commit tree ${options.tree} on ${options.parentSha} in ${root}`;
    const others = options.otherParents ?? [];
    if (![options.parentSha, options.tree, ...others].every(_git_js__WEBPACK_IMPORTED_MODULE_1__/* .isFullSha */ .Wf))
        throw new Error(`${what}: parents and tree must be full SHAs`);
    const parentTree = (await headOf(git, options.parentSha)).tree;
    if (parentTree === options.tree && others.length === 0)
        return null;
    return writeCommit(git, {
        tree: options.tree,
        parents: [options.parentSha, ...others],
        message: withTrailers(options.message, options.trailers),
        author: options.author,
        ...(options.committer ? { committer: options.committer } : {}),
    });
}
/**
 * Points `refs/heads/<branch>` of `repoDir` at commit `sha` (creating it), without touching any
 * work tree. Refuses a name `git check-ref-format --branch` rejects (or one it would expand,
 * like `@{-1}`), and a branch checked out in any worktree of the repository.
 */
async function updateBranch(repoDir, branch, sha, options = {}) {
    const { root } = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_4__/* .repoInfo */ .Lt)(repoDir);
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .hardenedGit */ .YW)(root);
    const bad = () => new Error(`cannot update branch ${JSON.stringify(branch)} in ${root}: not a valid branch name`);
    if (branch === '' || branch.startsWith('-') || branch.includes('@{') || branch.startsWith('refs/'))
        throw bad();
    const ref = `refs/heads/${branch}`;
    const nameChecked = branchNameCheck(git, branch);
    const assertName = (checked) => {
        if (checked.code !== 0 || checked.stdout.toString('utf8').trim() !== branch)
            throw bad();
    };
    // Asked of git only as a full SHA: anything else could read as an option.
    if (!(0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .isFullSha */ .Wf)(sha)) {
        assertName(await nameChecked);
        throw new Error(`cannot update branch ${branch} in ${root}: ${JSON.stringify(sha)} is not a full commit SHA`);
    }
    // The other checks read and change nothing: asked beside the name's; their verdicts in this order.
    const [checked, isCommit, listed, current] = await Promise.all([
        nameChecked,
        options.knownCommit ? true : (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .hasCommit */ .QE)(git, sha),
        // Line-based, not `-z` (git 2.36+): a path with a newline in it is the one thing this misreads.
        git.text(['worktree', 'list', '--porcelain']).catch((error) => ({ error })),
        // An expected SHA is where the caller read the branch; `update-ref` holds it to that.
        options.expectedSha === undefined
            ? git.run(['rev-parse', '--verify', '--quiet', ref], { okCodes: [0, 1, 128] })
            : null,
    ]);
    assertName(checked);
    if (!isCommit)
        throw new Error(`cannot update branch ${branch} in ${root}: ${sha} is not a commit in that repository`);
    if (typeof listed !== 'string')
        throw listed.error;
    let worktree = '';
    for (const field of listed.split('\n')) {
        if (field.startsWith('worktree '))
            worktree = field.slice('worktree '.length);
        else if (field === `branch ${ref}`) {
            throw new Error(`refusing to update branch ${branch} in ${root}: it is checked out in ${worktree}; ` +
                'ensemble never moves a checked-out branch (switch to another branch first)');
        }
    }
    let previousSha = options.expectedSha ?? null;
    if (current)
        previousSha = current.code === 0 ? current.stdout.toString('utf8').trim() : null;
    const args = ['update-ref', '--no-deref', '-m', `ensemble: update ${branch}`, ref, sha];
    if (options.expectedSha !== undefined)
        args.push(options.expectedSha ?? '');
    await git.run(args, { what: `update branch ${branch} in ${root}` });
    return { ref, previousSha };
}
/** `git check-ref-format --branch` of names asked in this process: its verdict on a name never changes. */
const branchNames = new _memo_js__WEBPACK_IMPORTED_MODULE_5__/* .FactCache */ .p(16);
/** What `git check-ref-format --branch <branch>` says (exit code, and the name as it reads it), asked once. */
function branchNameCheck(git, branch) {
    return branchNames.of(branch, () => git.run(['check-ref-format', '--branch', branch], { okCodes: [0, 1, 128] }));
}
/**
 * Where `branch` points now (null when it does not exist) and the commits on it since `base` that
 * carry no `trailerKey` trailer: work that someone else, not ensemble, put on the branch.
 */
async function commitsWithoutTrailer(repoDir, branch, base, trailerKey) {
    const { root } = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_4__/* .repoInfo */ .Lt)(repoDir);
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .hardenedGit */ .YW)(root);
    const ref = `refs/heads/${branch}`;
    const current = await git.run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { okCodes: [0, 1, 128] });
    if (current.code !== 0)
        return { head: null, commits: [] };
    const head = current.stdout.toString('utf8').trim();
    const format = `%H%x00%s%x00%(trailers:key=${trailerKey},valueonly,separator=%x2C)%x00`;
    const listed = await git.run(['log', '-z', `--format=${format}`, `${base}..${head}`], {
        what: `list the commits of ${branch} in ${root}`,
    });
    const fields = listed.stdout.toString('utf8').split('\0');
    const commits = [];
    // Records are sha, subject, trailer values, then the record separator `-z` adds.
    for (let i = 0; i + 2 < fields.length; i += 4) {
        const sha = fields[i].replace(/^\n/, '');
        if (!(0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .isFullSha */ .Wf)(sha))
            continue;
        if (fields[i + 2].trim() === '')
            commits.push({ sha, subject: fields[i + 1] });
    }
    return { head, commits };
}


/***/ }),

/***/ 75585:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  qV: () => (/* reexport */ cQuote),
  vA: () => (/* reexport */ forwardBinary),
  rj: () => (/* reexport */ parseUnifiedDiff),
  zt: () => (/* reexport */ readQuoted),
  nO: () => (/* reexport */ splitSections)
});

// UNUSED EXPORTS: decodeBase85Line, deltaInserts, headerNames, isGitSection

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./lib/workspace/diff/binary-patch.js
/**
 * Git's binary-patch format (`git diff --binary`): after a `GIT binary patch` line, a forward
 * hunk and a reverse hunk, each a `literal <size>` or `delta <size>` line, then base85 data
 * lines, then an empty line. The data is zlib-deflated; inflated, a `literal` is the whole file
 * and a `delta` is git's delta against the other side (a sequence of copy and insert opcodes).
 * Only what the patch itself holds is decoded: the copied parts of a delta come from the old
 * file, which the reader does not have.
 */

const BASE85 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~';
const BASE85_VALUE = new Map([...BASE85].map((c, i) => [c, i]));
/** The byte count a data line's first character gives: `A`-`Z` for 1-26, `a`-`z` for 27-52; -1 otherwise. */
function lineLength(char) {
    if (char >= 65 && char <= 90)
        return char - 64;
    if (char >= 97 && char <= 122)
        return char - 96 + 26;
    return -1;
}
/** One data line of a binary hunk: a length character, then base85 in groups of 5. Throws on a malformed line. */
function decodeBase85Line(line) {
    const length = lineLength(line.charCodeAt(0));
    const data = line.slice(1).replace(/\r$/, '');
    if (length < 0 || data.length !== Math.ceil(length / 4) * 5)
        throw new Error('bad binary line');
    const out = Buffer.alloc((data.length / 5) * 4);
    for (let group = 0; group < data.length / 5; group++) {
        let acc = 0;
        for (let k = 0; k < 5; k++) {
            const value = BASE85_VALUE.get(data[group * 5 + k]);
            if (value === undefined)
                throw new Error('bad base85 character');
            acc = acc * 85 + value;
        }
        if (acc > 0xffffffff)
            throw new Error('base85 group out of range');
        out.writeUInt32BE(acc, group * 4);
    }
    return out.subarray(0, length);
}
/**
 * The data a git delta inserts (the copied parts come from the old file, which the base already
 * holds). Throws on a malformed delta.
 */
function deltaInserts(delta) {
    let i = 0;
    const varint = () => {
        let value = 0;
        let scale = 1;
        for (;;) {
            if (i >= delta.length)
                throw new Error('truncated delta');
            const byte = delta[i++];
            value += (byte & 0x7f) * scale;
            scale *= 128;
            if ((byte & 0x80) === 0)
                return value;
        }
    };
    varint(); // source size
    varint(); // target size
    const inserts = [];
    while (i < delta.length) {
        const op = delta[i++];
        if (op & 0x80) {
            // Copy from the source: one byte per set bit of the offset (bits 0-3) and size (bits 4-6).
            let bytes = 0;
            for (let bit = 0; bit < 7; bit++)
                if (op & (1 << bit))
                    bytes++;
            i += bytes;
            if (i > delta.length)
                throw new Error('truncated delta');
        }
        else if (op !== 0) {
            if (i + op > delta.length)
                throw new Error('truncated delta');
            inserts.push(delta.subarray(i, i + op));
            i += op;
        }
        else {
            throw new Error('invalid delta opcode');
        }
    }
    return inserts;
}
/**
 * The new content of the first (forward) hunk of a `GIT binary patch`, whose `literal`/`delta`
 * line is `lines[start]`; see `BinaryContent`. The reverse hunk (the old content) is not read.
 */
function forwardBinary(lines, start, maxBytes) {
    const header = /^(literal|delta) (\d+)\r?$/.exec(lines[start] ?? '');
    if (!header)
        return { ok: false, tooLarge: null };
    const size = Number(header[2]);
    if (size > maxBytes)
        return { ok: false, tooLarge: size };
    const parts = [];
    try {
        for (let i = start + 1; i < lines.length && lines[i].replace(/\r$/, '') !== ''; i++) {
            parts.push(decodeBase85Line(lines[i]));
        }
        const empty = size === 0 && parts.length === 0;
        const data = Buffer.concat(parts);
        const inflated = empty ? Buffer.alloc(0) : (0,external_node_zlib_.inflateSync)(data, { maxOutputLength: Math.max(size, 1) });
        if (inflated.length !== size)
            return { ok: false, tooLarge: null };
        return { ok: true, chunks: header[1] === 'literal' ? [inflated] : deltaInserts(inflated) };
    }
    catch {
        return { ok: false, tooLarge: null };
    }
}

;// CONCATENATED MODULE: ./lib/workspace/diff/quoted-path.js
/**
 * Git's C-quoted paths, as its `quote_c_style` writes them in patch headers and reads them in
 * attributes files: `"caf\303\251 \"x\".txt"`. Git quotes a name that holds a byte of 0x80 or
 * above, a control character, `"` or `\`; inside the quotes it writes `\a \b \t \n \v \f \r \" \\`
 * for those characters and exactly three octal digits for every other byte it escapes. The octal
 * bytes of a non-ASCII name are its UTF-8 bytes.
 *
 * `readQuoted` is the one decoder of these paths. It accepts exactly what git's own reader
 * (`unquote_c_style`) accepts and nothing else: an unknown escape (`\x`), fewer than three octal
 * digits (`\17`) or a first octal digit above 3 (`\477`, more than a byte) make the whole name
 * unreadable (`null`), never a guess. Git never writes them, so such a name did not come from git,
 * and a caller checking paths must refuse what it cannot read rather than check a name git might
 * read differently. Bytes that are not valid UTF-8 become U+FFFD (a JavaScript string cannot hold
 * them).
 */
/** The one-letter escapes git writes, and `"` and `\` themselves. */
const C_ESCAPES = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 0x22, '\\': 0x5c };
const UTF8 = new TextDecoder('utf-8');
const ENCODER = new TextEncoder();
/**
 * Reads the C-quoted string that starts at `text[start] === '"'`. Null when there is no opening
 * quote, no closing quote, or an escape git's reader rejects (see the module comment).
 */
function readQuoted(text, start = 0) {
    if (text[start] !== '"')
        return null;
    const bytes = [];
    let i = start + 1;
    while (i < text.length) {
        const c = text[i];
        if (c === '"')
            return { value: UTF8.decode(new Uint8Array(bytes)), end: i + 1 };
        if (c !== '\\') {
            // Characters git leaves as they are (any but `"` and `\`), as the UTF-8 bytes they stand for.
            const codePoint = text.codePointAt(i);
            const char = String.fromCodePoint(codePoint);
            bytes.push(...ENCODER.encode(char));
            i += char.length;
            continue;
        }
        const escaped = readEscape(text, i + 1);
        if (!escaped)
            return null;
        bytes.push(escaped.byte);
        i = escaped.end;
    }
    return null;
}
/** The byte of the escape that starts at `text[at]` (after the backslash); null when git would reject it. */
function readEscape(text, at) {
    const letter = text[at] ?? '';
    const named = C_ESCAPES[letter];
    if (named !== undefined)
        return { byte: named, end: at + 1 };
    const octal = /^[0-3][0-7]{2}/.exec(text.slice(at, at + 3));
    if (!octal)
        return null;
    return { byte: Number.parseInt(octal[0], 8), end: at + 3 };
}
/**
 * `value` C-quoted as git reads it (in an attributes file, a patch header): `"`, `\`, newline and
 * tab by their escapes, other control bytes, DEL and every byte of a non-ASCII character as three
 * octal digits. Always quoted, also when git would leave the name bare.
 */
function cQuote(value) {
    let out = '"';
    for (const byte of ENCODER.encode(value)) {
        if (byte === 0x22)
            out += '\\"';
        else if (byte === 0x5c)
            out += '\\\\';
        else if (byte === 0x0a)
            out += '\\n';
        else if (byte === 0x09)
            out += '\\t';
        else if (byte < 0x20 || byte >= 0x7f)
            out += `\\${byte.toString(8).padStart(3, '0')}`;
        else
            out += String.fromCharCode(byte);
    }
    return `${out}"`;
}

;// CONCATENATED MODULE: ./lib/workspace/diff/sections.js
/**
 * A patch split into its per-file sections, the way git's own reader finds them: a section starts
 * at a line that begins with `diff --git ` (at the start of the patch or after a `\n`; a `\r` or a
 * Unicode line separator inside a line does not start one). Each section is the exact text from
 * its `diff --git ` line up to the next one, line ending included, so the sections joined give the
 * patch back. Text before the first `diff --git ` line (a plain `diff -u`, a mail header) is a
 * section of its own when it holds more than whitespace.
 */
const MARKER = 'diff --git ';
/** The per-file sections of `patch` (see the module comment); `[]` for an empty or blank patch. */
function splitSections(patch) {
    const starts = patch.startsWith(MARKER) ? [0] : [];
    for (let at = patch.indexOf(`\n${MARKER}`); at !== -1; at = patch.indexOf(`\n${MARKER}`, at + 1))
        starts.push(at + 1);
    const sections = [];
    const preamble = patch.slice(0, starts[0] ?? patch.length);
    if (preamble.trim() !== '')
        sections.push(preamble);
    starts.forEach((start, i) => {
        sections.push(patch.slice(start, starts[i + 1] ?? patch.length));
    });
    return sections;
}
/** Whether `section` is the section of a `diff --git` header (not text before the first one). */
function isGitSection(section) {
    return section.startsWith(MARKER);
}

;// CONCATENATED MODULE: ./lib/workspace/diff/unified-diff.js
/**
 * A unified diff (as `git diff` writes it, or plain `diff -u`), parsed into per file its paths and
 * change kind, whether it is binary, and its hunks with old- and new-side line numbers. This is the
 * one hand-written reader of patch headers: the workspace (`pathsInPatch`), the policy, the
 * review and the prompts all read patches through it. Where it matters for safety, git reads the
 * patch a second time itself (`pathsGitReads`).
 *
 * Names, in a `diff --git` section (the lines up to its first hunk or its binary data):
 * - the `diff --git` line (`headerNames`), then `---`/`+++`, `rename from/to` and `copy from/to`,
 *   each read on its own, as git reads them; a later source overrides an earlier one in the order
 *   `rename`/`copy` lines, `---`/`+++`, header;
 * - `new file mode`, `deleted file mode`, `/dev/null` on either side and `Binary files /dev/null
 *   and …` make the file added or deleted; `copy` lines make it copied; `rename` lines, or an old
 *   and a new name that differ, make it renamed (git applies such a "modification" by writing the
 *   new name and removing the old one);
 * - every `diff --git` section gives one file, also when its names cannot be read; such a name
 *   is `''` (an ambiguous header with nothing else naming the file, a quoted name git's reader
 *   would reject), so that a caller checking paths can refuse it.
 * A `---` line directly followed by a `+++` line outside a header (before the first `diff --git`
 * line, or after a file's hunks) starts a file of its own, as in plain `diff -u` output; git's
 * `apply` reads such a file too.
 *
 * Lenient: never throws; skips what it does not understand (`index` lines, mode lines, the base85
 * data of `GIT binary patch`) and ends a hunk early when it is cut off. Hunk bodies are read by
 * their line counts, so a deleted line that reads `-- x` is never taken for a file header. A
 * trailing `\r` is part of the line ending.
 */


const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/;
function newDraft(git, header) {
    return {
        git,
        header,
        sawMinus: false,
        minus: undefined,
        plus: undefined,
        renameFrom: undefined,
        renameTo: undefined,
        copyFrom: undefined,
        copyTo: undefined,
        renamed: false,
        copied: false,
        created: false,
        removed: false,
        binary: false,
        hunks: [],
    };
}
/** Every file `patch` changes, in order (see the module comment). */
function parseUnifiedDiff(patch) {
    return splitSections(patch).flatMap(parseSection);
}
/** The files of one section: one for a `diff --git` section (more if plain `---`/`+++` files follow its hunks). */
function parseSection(section) {
    const lines = section.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
    const files = [];
    let draft = null;
    const finish = () => {
        const file = draft ? build(draft) : null;
        if (file)
            files.push(file);
        draft = null;
    };
    let i = 0;
    if (isGitSection(section)) {
        draft = newDraft(true, headerNames(lines[0].slice('diff --git '.length)));
        i = 1;
    }
    for (; i < lines.length; i++) {
        const line = lines[i];
        const startsFile = line.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ');
        if (startsFile && (draft === null || draft.sawMinus || draft.hunks.length > 0)) {
            // A plain unified diff (no `diff --git` line): each `---`/`+++` pair starts a file.
            finish();
            draft = newDraft(false, {});
        }
        if (draft === null)
            continue;
        if (HUNK_HEADER.test(line)) {
            i = readHunk(lines, i, draft);
        }
        else if (draft.hunks.length === 0 && readHeaderLine(draft, line) === 'binary data') {
            break; // the rest of the section is base85
        }
    }
    finish();
    return files;
}
/** Reads one line of a file's header into `draft`. */
function readHeaderLine(draft, line) {
    const after = (prefix) => line.slice(prefix.length);
    if (line.startsWith('--- ')) {
        draft.sawMinus = true;
        draft.minus = fileLineName(after('--- '), 'a/');
    }
    else if (line.startsWith('+++ '))
        draft.plus = fileLineName(after('+++ '), 'b/');
    else if (line.startsWith('new file mode'))
        draft.created = true;
    else if (line.startsWith('deleted file mode'))
        draft.removed = true;
    else if (line.startsWith('rename from ')) {
        draft.renamed = true;
        draft.renameFrom = bareName(after('rename from '));
    }
    else if (line.startsWith('rename to ')) {
        draft.renamed = true;
        draft.renameTo = bareName(after('rename to '));
    }
    else if (line.startsWith('copy from ')) {
        draft.copied = true;
        draft.copyFrom = bareName(after('copy from '));
    }
    else if (line.startsWith('copy to ')) {
        draft.copied = true;
        draft.copyTo = bareName(after('copy to '));
    }
    else if (line.startsWith('Binary files ')) {
        draft.binary = true;
        if (line.startsWith('Binary files /dev/null and '))
            draft.created = true;
        if (line.endsWith(' and /dev/null differ'))
            draft.removed = true;
    }
    else if (line === 'GIT binary patch') {
        draft.binary = true;
        return 'binary data';
    }
    return undefined;
}
function readHunk(lines, start, draft) {
    const m = HUNK_HEADER.exec(lines[start]);
    const oldStart = Number(m[1]);
    const oldLines = m[2] === undefined ? 1 : Number(m[2]);
    const newStart = Number(m[3]);
    const newLines = m[4] === undefined ? 1 : Number(m[4]);
    const hunk = { oldStart, oldLines, newStart, newLines, section: m[5].trim(), lines: [] };
    let oldLine = oldStart;
    let newLine = newStart;
    let oldLeft = oldLines;
    let newLeft = newLines;
    let i = start + 1;
    for (; i < lines.length && (oldLeft > 0 || newLeft > 0); i++) {
        const line = lines[i];
        const marker = line[0];
        if (marker === ' ' || (line === '' && i < lines.length - 1 && oldLeft > 0 && newLeft > 0)) {
            // An empty line (not the end of the input) is a context line whose space an editor removed.
            hunk.lines.push({ kind: 'context', text: line.slice(1), oldLine: oldLine++, newLine: newLine++ });
            oldLeft--;
            newLeft--;
        }
        else if (marker === '-' && oldLeft > 0) {
            hunk.lines.push({ kind: 'delete', text: line.slice(1), oldLine: oldLine++, newLine: null });
            oldLeft--;
        }
        else if (marker === '+' && newLeft > 0) {
            hunk.lines.push({ kind: 'add', text: line.slice(1), oldLine: null, newLine: newLine++ });
            newLeft--;
        }
        else if (marker !== '\\') {
            break; // cut off: keep what was read
        }
    }
    while (i < lines.length && lines[i].startsWith('\\'))
        i++; // "\ No newline at end of file"
    draft.hunks.push(hunk);
    return i - 1;
}
/** The first name that was given (a path or `/dev/null`). */
function firstGiven(...names) {
    return names.find((n) => n !== undefined);
}
function statusOf(draft, oldPath, newPath) {
    if (oldPath === null)
        return 'added';
    if (newPath === null)
        return 'deleted';
    if (draft.copied)
        return 'copied';
    if (draft.renamed)
        return 'renamed';
    if (oldPath !== undefined && newPath !== undefined && oldPath !== newPath)
        return 'renamed';
    return 'modified';
}
function build(draft) {
    let oldPath = firstGiven(draft.renameFrom, draft.copyFrom, draft.minus, draft.header.a);
    let newPath = firstGiven(draft.renameTo, draft.copyTo, draft.plus, draft.header.b);
    if (draft.created)
        oldPath = null;
    if (draft.removed)
        newPath = null;
    // A plain `---`/`+++` pair of two /dev/null names changes no file; a `diff --git` section always names one.
    if (oldPath === null && newPath === null && !draft.git)
        return null;
    const status = statusOf(draft, oldPath, newPath);
    const shown = resolveNames(status, oldPath, newPath);
    const added = new Set();
    const context = new Set();
    for (const hunk of draft.hunks) {
        for (const line of hunk.lines) {
            if (line.newLine === null)
                continue;
            (line.kind === 'add' ? added : context).add(line.newLine);
        }
    }
    return { ...shown, status, binary: draft.binary, hunks: draft.hunks, added, context };
}
/** The names as `DiffFile` gives them: an unreadable side is `''`; a modified file has one name on both sides. */
function resolveNames(status, oldPath, newPath) {
    const unread = (name) => (name === undefined ? '' : name);
    if (status === 'added')
        return { path: newPath ?? '', oldPath: null, newPath: unread(newPath) };
    if (status === 'deleted')
        return { path: oldPath ?? '', oldPath: unread(oldPath), newPath: null };
    if (status === 'modified') {
        const path = newPath ?? oldPath ?? '';
        return { path, oldPath: path, newPath: path };
    }
    return { path: newPath ?? '', oldPath: unread(oldPath), newPath: unread(newPath) };
}
/**
 * The two names of a `diff --git` line (after `diff --git `), `a/` and `b/` removed; a name is
 * left out where the line does not say it unambiguously. Git quotes a name with special
 * characters but not one with spaces, so a bare pair is split only where that is unambiguous: two
 * halves `a/NAME b/NAME` (every change but a rename or copy, which names both sides on its own
 * lines), or the only ` b/` in a line that starts with `a/`.
 */
function headerNames(rest) {
    if (rest.startsWith('"')) {
        const first = readQuoted(rest, 0);
        if (!first || rest[first.end] !== ' ')
            return {};
        return { a: stripPrefix(first.value, 'a/'), b: stripPrefix(bareName(rest.slice(first.end + 1)), 'b/') };
    }
    if (rest.endsWith('"')) {
        const open = rest.lastIndexOf(' "');
        const second = open === -1 ? null : readQuoted(rest, open + 1);
        if (second)
            return { a: stripPrefix(rest.slice(0, open), 'a/'), b: stripPrefix(second.value, 'b/') };
    }
    if ((rest.length - 1) % 2 === 0) {
        const half = (rest.length - 1) / 2;
        const a = rest.slice(0, half);
        const b = rest.slice(half + 1);
        if (rest[half] === ' ' && a.startsWith('a/') && b.startsWith('b/') && a.slice(2) === b.slice(2)) {
            return { a: a.slice(2), b: b.slice(2) };
        }
    }
    const split = rest.indexOf(' b/');
    if (split !== -1 && rest.indexOf(' b/', split + 1) === -1 && rest.startsWith('a/')) {
        return { a: rest.slice(2, split), b: rest.slice(split + 3) };
    }
    return {};
}
/**
 * A name on a `rename`/`copy` line, or the second of a header: C-quoted or bare; a bare one may
 * end in the tab git adds after a name with a space. Undefined when a quoted name cannot be read.
 */
function bareName(field) {
    if (field.startsWith('"'))
        return readQuoted(field, 0)?.value;
    return field.replace(/\t$/, '');
}
/**
 * The name of a `---`/`+++` line: C-quoted, or bare up to a tab (the one git writes after a name
 * with a space, or the one before `diff -u`'s timestamp).
 */
function fileLineName(text, prefix) {
    const name = text.startsWith('"') ? readQuoted(text, 0)?.value : text.split('\t', 1)[0];
    if (name === '/dev/null')
        return null;
    return stripPrefix(name, prefix);
}
function stripPrefix(name, prefix) {
    if (name === undefined)
        return undefined;
    return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

;// CONCATENATED MODULE: ./lib/workspace/diff/index.js






/***/ }),

/***/ 12474:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FL: () => (/* binding */ DirtyRepositoryError),
/* harmony export */   YI: () => (/* binding */ describeHits),
/* harmony export */   _o: () => (/* binding */ ProtectedPathError),
/* harmony export */   fA: () => (/* binding */ NotAGitRepositoryError),
/* harmony export */   vq: () => (/* binding */ BaseCommitMissingError)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);

/** A directory that is not inside a git work tree (or is a bare repository). */
class NotAGitRepositoryError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'NotAGitRepositoryError';
    dir;
    constructor(dir, detail = '') {
        super(`${dir} is not a git repository${detail ? ` (${detail})` : ''}; ` +
            'run ensemble in a git checkout, or pass --repo DIR');
        this.dir = dir;
    }
}
/** A repository with uncommitted changes: the pipeline works from a commit, so they would be silently left out. */
class DirtyRepositoryError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'DirtyRepositoryError';
    dir;
    paths;
    constructor(dir, paths) {
        const shown = paths.slice(0, 20).join(', ');
        const more = paths.length > 20 ? ` and ${paths.length - 20} more` : '';
        super(`the repository ${dir} has uncommitted changes (${shown}${more}); commit ` +
            'or stash them first: ensemble works from a commit and would leave them out');
        this.dir = dir;
        this.paths = paths;
    }
}
/** A change that touches a path the configuration protects (`protected-paths`). */
class ProtectedPathError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'ProtectedPathError';
    hits;
    constructor(hits, what = 'the change') {
        super(`${what} touches protected ${hits.length === 1 ? 'path' : 'paths'} ${describeHits(hits)}; ` +
            'protected paths may never be changed by ensemble');
        this.hits = hits;
    }
}
/** `".github/workflows/ci.yml" (protected by ".github/workflows/**")`, comma-separated. */
function describeHits(hits) {
    return hits.map((h) => `${JSON.stringify(h.path)} (protected by ${JSON.stringify(h.pattern)})`).join(', ');
}
/** A repository that lacks a run's base commit: the run was made in another clone, or this one is too shallow. */
class BaseCommitMissingError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'BaseCommitMissingError';
    dir;
    sha;
    constructor(dir, sha, hint, cause) {
        super(`the repository ${dir} does not contain the run's base commit ${sha}: ${hint}`, { cause });
        this.dir = dir;
        this.sha = sha;
    }
}


/***/ }),

/***/ 46426:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ listIgnoredPaths),
/* harmony export */   l: () => (/* binding */ listWorktreeFiles)
/* harmony export */ });
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10297);

/**
 * The files of the worktree at `dir` as git sees them: tracked and untracked files, not what git
 * ignores, as paths relative to `dir`, each once, in git's order
 * (`git ls-files -z --cached --others --exclude-standard --deduplicate`). A tracked file deleted
 * from the work tree is still listed. Runs the hardened git of `worktreeGit` (no repository above
 * `dir` is used); throws a `GitError` when git fails, for example when `dir` is not a repository.
 */
async function listWorktreeFiles(dir, options = {}) {
    const scope = options.under === undefined ? [] : ['--', options.under];
    const list = ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'];
    const what = `list the files of ${dir}`;
    const out = await (0,_git_js__WEBPACK_IMPORTED_MODULE_0__/* .worktreeGit */ .Oi)(dir).run(['--literal-pathspecs', ...list, ...scope], { what });
    return [...new Set((0,_git_js__WEBPACK_IMPORTED_MODULE_0__/* .nulFields */ .R6)(out.stdout))];
}
/**
 * What git ignores in the worktree at `dir` and is there (`node_modules/`, `.venv/`): top-level
 * ignored paths as git reports them (a directory with a trailing `/`), relative to `dir`
 * (`git ls-files -z --others --ignored --exclude-standard --directory`).
 */
async function listIgnoredPaths(dir) {
    const list = ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory'];
    const out = await (0,_git_js__WEBPACK_IMPORTED_MODULE_0__/* .worktreeGit */ .Oi)(dir).run(list, { what: `list the ignored files of ${dir}` });
    return (0,_git_js__WEBPACK_IMPORTED_MODULE_0__/* .nulFields */ .R6)(out.stdout).map((p) => p.replace(/\/$/, ''));
}


/***/ }),

/***/ 10297:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MI: () => (/* binding */ shareConfig),
/* harmony export */   Mn: () => (/* binding */ configValue),
/* harmony export */   Oi: () => (/* binding */ worktreeGit),
/* harmony export */   QE: () => (/* binding */ hasCommit),
/* harmony export */   R6: () => (/* binding */ nulFields),
/* harmony export */   Wf: () => (/* binding */ isFullSha),
/* harmony export */   XS: () => (/* binding */ GitError),
/* harmony export */   Xg: () => (/* binding */ readConfig),
/* harmony export */   YW: () => (/* binding */ hardenedGit),
/* harmony export */   ig: () => (/* binding */ runGitRaw),
/* harmony export */   sR: () => (/* binding */ FIXED_HARDENING)
/* harmony export */ });
/* unused harmony exports gitEnv, driverOverrides, configEnv */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var _quiet_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(80117);




/**
 * The one way `src/workspace/` runs git: the real CLI, arguments as an array (never a shell),
 * with settings that keep a repository's own configuration from running programs.
 *
 * Every workspace git call can follow agent commands, and a command run outside bubblewrap can
 * write the repository's `.git/config` (and a worktree's `.git` file names where that config
 * is). So, like `src/agent/tools/git.ts`, every call overrides the settings that would run a
 * program or reach further than the call needs:
 * - fixed `-c` overrides: no fsmonitor, no assume-unchanged entries (`core.ignoreStat`), no hooks (`core.hooksPath=/dev/null`; `worktree add`
 *   runs `post-checkout`, `update-ref` runs `reference-transaction`), no pager, no colour, no
 *   automatic gc or maintenance, no signing, no submodule recursion, C-quoted paths;
 * - configuration-defined drivers are neutralised: every `filter.<name>.clean|smudge|process`
 *   is overridden with an empty command (git then applies no filter) and `required=false`,
 *   every `merge.<name>.driver` with `false` (a file that uses one conflicts instead of running
 *   a program); diffs are made with plumbing (`diff-tree`) plus `--no-ext-diff --no-textconv`.
 *   The names are read with `git config --list` in the same directory first and passed through
 *   `GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_n`/`GIT_CONFIG_VALUE_n` (a name may contain `=`).
 * - in a worktree, git never looks above its top directory (`worktreeGit`).
 *   Consequence: files under a filter (Git LFS) are checked out, hashed and diffed as their
 *   stored blobs (LFS pointers); that is consistent in both directions, so a patch never shows
 *   a spurious change.
 * - the environment drops the variables that would point git elsewhere (`GIT_DIR`,
 *   `GIT_INDEX_FILE`, ...; a caller sets `GIT_INDEX_FILE` explicitly where it means to), sets
 *   `LC_ALL=C` (stderr is parsed), `GIT_TERMINAL_PROMPT=0`, `GIT_NO_REPLACE_OBJECTS=1` (a
 *   base SHA means its real content) and `GIT_LITERAL_PATHSPECS=1`.
 * Needs git 2.31 or later (`GIT_CONFIG_COUNT`, `rev-parse --path-format`).
 * The user's global and system configuration is honoured (e.g. `safe.directory` set by
 * `actions/checkout`); tests isolate from it through `GIT_CONFIG_GLOBAL`/`GIT_CONFIG_NOSYSTEM`.
 */
/** A git command that exited with an unexpected status. */
class GitError extends Error {
    name = 'GitError';
    args;
    cwd;
    exitCode;
    stderr;
    constructor(message, details) {
        super(message);
        this.args = details.args;
        this.cwd = details.cwd;
        this.exitCode = details.exitCode;
        this.stderr = details.stderr;
    }
}
const FIXED_HARDENING = [
    '-c',
    'core.fsmonitor=false',
    // Else every index entry git writes is marked assume-unchanged, and `git add` skips the file's edits.
    '-c',
    'core.ignoreStat=false',
    '-c',
    'core.hooksPath=/dev/null',
    '-c',
    'core.pager=cat',
    '-c',
    'core.quotePath=true',
    '-c',
    'color.ui=false',
    '-c',
    'gc.auto=0',
    '-c',
    'maintenance.auto=false',
    '-c',
    'commit.gpgSign=false',
    '-c',
    'submodule.recurse=false',
    '--no-pager',
];
/** Variables that would make git use another repository, index, object store or work tree than the call names. */
const LOCATION_VARIABLES = [
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_INDEX_FILE',
    'GIT_OBJECT_DIRECTORY',
    'GIT_ALTERNATE_OBJECT_DIRECTORIES',
    'GIT_COMMON_DIR',
    'GIT_NAMESPACE',
    'GIT_PREFIX',
    'GIT_EXTERNAL_DIFF',
    'GIT_DIFF_OPTS',
    'GIT_QUARANTINE_PATH',
];
/** What every git call's environment sets, over the process's. */
const FIXED_ENV = {
    LC_ALL: 'C',
    LANGUAGE: '',
    GIT_TERMINAL_PROMPT: '0',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_LITERAL_PATHSPECS: '1',
};
function gitEnv(extra = {}) {
    return envOf(Object.keys(process.env), extra);
}
/** `gitEnv` for only the variables `keys` of the process's environment. */
function envOf(keys, extra) {
    const env = {};
    for (const key of keys) {
        const value = process.env[key];
        if (value !== undefined && !LOCATION_VARIABLES.includes(key))
            env[key] = value;
    }
    return Object.assign(env, FIXED_ENV, extra);
}
const MAX_STDERR = 20_000;
/** Runs `git <args>` in `cwd` with only the given extra `-c` settings (no driver neutralisation). */
function runGitRaw(cwd, args, options = {}) {
    const okCodes = options.okCodes ?? [0];
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', [...args], {
            cwd,
            env: gitEnv(options.env),
            stdio: ['pipe', 'pipe', 'pipe'],
            timeout: options.timeoutMs ?? 300_000,
        });
        const out = [];
        let stderr = '';
        child.stdout.on('data', (chunk) => out.push(chunk));
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (chunk) => {
            if (stderr.length < MAX_STDERR)
                stderr += chunk;
        });
        child.once('error', (error) => reject(new Error(`could not run git in ${cwd}: ${error.message}`)));
        // A git that exits before reading all of stdin (an error) must not crash the process with EPIPE.
        child.stdin.on('error', () => { });
        child.stdin.end(options.input ?? '');
        child.once('close', (code, signal) => {
            const result = { code, stdout: Buffer.concat(out), stderr: stderr.trim() };
            if (code !== null && okCodes.includes(code))
                return resolve(result);
            const shown = args.filter((a, i) => a !== '-c' && args[i - 1] !== '-c' && a !== '--no-pager').join(' ');
            const why = signal ? `was killed (${signal})` : `exited with ${code}`;
            reject(new GitError(`${options.what ? `${options.what}: ` : ''}git ${shown} ${why} ` +
                `in ${cwd}${result.stderr ? `: ${result.stderr}` : ''}`, {
                args,
                cwd,
                exitCode: code,
                stderr: result.stderr,
            }));
        });
    });
}
const configReads = new Map();
/** The directory and the variables that decide what git reads there (`GIT_*`, where the user's files are). */
function configKey(cwd, env) {
    const decides = (k) => k.startsWith('GIT_') || k === 'HOME' || k === 'XDG_CONFIG_HOME';
    // `gitEnv(env)` of the variables that decide, without copying the rest of the environment.
    const full = envOf(Object.keys(process.env).filter(decides), env);
    const relevant = Object.keys(full)
        .filter(decides)
        .sort()
        .map((k) => `${k}=${full[k]}`);
    return [node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(cwd), ...relevant].join('\0');
}
function statSignature(files) {
    return files
        .map((file) => {
        try {
            const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(file, { bigint: true });
            // A `.git` directory by its identity: git's own calls change its entries all the time.
            return stat.isDirectory() ? `d${stat.ino}` : `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
        }
        catch {
            return '-';
        }
    })
        .join(',');
}
async function listConfig(cwd, env) {
    const listed = await runGitRaw(cwd, [...FIXED_HARDENING, 'config', '--null', '--list', '--show-origin'], {
        env,
        okCodes: [0, 1, 128],
    });
    const sources = new Set([node_path__WEBPACK_IMPORTED_MODULE_2__.join(node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(cwd), '.git')]);
    const entries = [];
    const fields = listed.code === 0 ? nulFields(listed.stdout) : [];
    // Pairs of fields: the origin (`file:<path>`, `command line:`, ...), then `key\nvalue` or a bare `key`.
    for (let i = 0; i + 1 < fields.length; i += 2) {
        const origin = fields[i];
        const entry = fields[i + 1];
        if (origin.startsWith('file:'))
            sources.add(node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(cwd, origin.slice('file:'.length)));
        const newline = entry.indexOf('\n');
        entries.push(newline < 0 ? { key: entry, value: null } : { key: entry.slice(0, newline), value: entry.slice(newline + 1) });
    }
    return configReadOf(entries, [...sources]);
}
/** A reading of `entries` from `sources`, the directory's `.git` first, signed with their stat now. */
function configReadOf(entries, sources) {
    const signature = statSignature(sources);
    // `-` is the signature of a file not there.
    return { entries, sources, signature, ownDotGit: !signature.startsWith('-') };
}
/**
 * Every setting git reads in `cwd` (system, user, repository, worktree, included files, and
 * what the environment passes), in git's order; empty when git cannot read it (not a
 * repository). One `git config --list`, reused while no repository command has run and none of
 * the files it came from changed (`quiet.ts`): the driver overrides of every hardened call, the
 * checkout's credentials, the user's name and the origin remote all come from it.
 */
async function readConfig(cwd, env = {}) {
    return (await configRead(cwd, env)).entries;
}
/** The reading of `cwd`'s configuration, reused while quiet and while none of its files changed. */
function configRead(cwd, env) {
    return (0,_quiet_js__WEBPACK_IMPORTED_MODULE_3__/* .whileQuiet */ .US)(configReads, configKey(cwd, env), cwd, () => listConfig(cwd, env), {
        unchanged: (known) => statSignature(known.sources) === known.signature,
        // What a sandboxed command can write in `cwd` that git reads for it is `cwd/.git`, among the
        // sources, when git found the repository through it (else a new `.git` between `cwd` and the
        // one git found would go unseen). A file an include names might be there too, so a
        // configuration with one is read again.
        survivesSandboxed: (known) => known.ownDotGit && !known.entries.some(({ key }) => INCLUDE_KEY.test(key)),
    });
}
/** `include.path` and `includeIf.<condition>.path`: a file git reads, named by the configuration. */
const INCLUDE_KEY = /^include(?:if\..*)?\.path$/i;
/**
 * Lets the worktree `dir`, just made of the repository checked out at `root`, use `root`'s reading
 * of the configuration when git reads the same files in both: always, unless the configuration
 * has a conditional include (`includeIf.<condition>.path`, whose condition may hold for one and
 * not the other; the entry is listed whether it holds or not) or per-worktree configuration
 * (`extensions.worktreeConfig`). The worktree's own `.git` file stands in for `root`'s `.git` among
 * the sources. One `git config --list` less for every worktree.
 */
async function shareConfig(root, dir) {
    const rootDotGit = node_path__WEBPACK_IMPORTED_MODULE_2__.join(node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(root), '.git');
    const read = await configRead(root, {});
    const perWorktree = read.entries.some(({ key, value }) => /^includeif\./i.test(key) || (/^extensions\.worktreeconfig$/i.test(key) && value !== 'false'));
    if (perWorktree)
        return;
    const sources = [node_path__WEBPACK_IMPORTED_MODULE_2__.join(node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(dir), '.git'), ...read.sources.filter((s) => s !== rootDotGit)];
    const shared = configReadOf(read.entries, sources);
    (0,_quiet_js__WEBPACK_IMPORTED_MODULE_3__/* .keepWhileQuiet */ .rA)(configReads, configKey(dir, worktreeEnv(dir)), dir, shared);
}
/** The value git uses for `key` (its last setting, as `git config <key>` prints it); null when unset. */
function configValue(entries, key) {
    const wanted = key.toLowerCase();
    for (let i = entries.length - 1; i >= 0; i--) {
        const entry = entries[i];
        if (entry.key.toLowerCase() === wanted)
            return entry.value ?? '';
    }
    return null;
}
const DRIVER_KEY = /^(filter|merge)\.(.+)\.(clean|smudge|process|required|driver)$/;
/**
 * The configuration overrides (key, value) that neutralise the program-running drivers
 * configured for `cwd` (see the module comment). Reading the configuration runs no program.
 */
async function driverOverrides(cwd, env = {}) {
    const overrides = new Map();
    for (const { key } of await readConfig(cwd, env)) {
        const match = DRIVER_KEY.exec(key);
        if (!match)
            continue;
        const [, section, name] = match;
        if (section === 'filter') {
            for (const k of ['clean', 'smudge', 'process'])
                overrides.set(`filter.${name}.${k}`, '');
            overrides.set(`filter.${name}.required`, 'false');
        }
        else if (key.endsWith('.driver')) {
            overrides.set(`merge.${name}.driver`, 'false');
        }
    }
    return [...overrides];
}
/**
 * Configuration given through `GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_<n>`/`GIT_CONFIG_VALUE_<n>`
 * (command-line scope, like `-c`, but any key: a driver name may contain `=`), after any the
 * parent environment already passes.
 */
function configEnv(pairs) {
    if (pairs.length === 0)
        return {};
    const existing = Number.parseInt(process.env.GIT_CONFIG_COUNT ?? '0', 10);
    const start = Number.isInteger(existing) && existing > 0 ? existing : 0;
    const env = { GIT_CONFIG_COUNT: String(start + pairs.length) };
    pairs.forEach(([key, value], i) => {
        env[`GIT_CONFIG_KEY_${start + i}`] = key;
        env[`GIT_CONFIG_VALUE_${start + i}`] = value;
    });
    return env;
}
function hardenedGit(cwd, baseEnv = {}) {
    let overrides = null;
    const run = async (args, options = {}) => {
        overrides ??= driverOverrides(cwd, baseEnv).then(configEnv);
        const env = { ...baseEnv, ...(await overrides), ...options.env };
        return runGitRaw(cwd, [...FIXED_HARDENING, ...args], { ...options, env });
    };
    return {
        cwd,
        run,
        text: async (args, options) => (await run(args, options)).stdout.toString('utf8').replace(/\n$/, ''),
    };
}
/**
 * A hardened git for the top directory of a worktree: it never looks above `dir` for a
 * repository (`GIT_CEILING_DIRECTORIES`), so a worktree whose `.git` file a command deleted
 * fails instead of silently using an enclosing repository.
 */
function worktreeGit(dir) {
    return hardenedGit(dir, worktreeEnv(dir));
}
/** What `worktreeGit` adds to the environment: git never looks above `dir`. */
function worktreeEnv(dir) {
    return { GIT_CEILING_DIRECTORIES: node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(dir)) };
}
/** Whether the repository of `git` holds `sha` as a commit (`cat-file -e <sha>^{commit}`); `sha` a full SHA. */
async function hasCommit(git, sha) {
    return (await git.run(['cat-file', '-e', `${sha}^{commit}`], { okCodes: [0, 1, 128] })).code === 0;
}
/** `-z` output split into its NUL-terminated fields. */
function nulFields(output) {
    const fields = output.toString('utf8').split('\0');
    if (fields.at(-1) === '')
        fields.pop();
    return fields;
}
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
function isFullSha(value) {
    return SHA.test(value);
}


/***/ }),

/***/ 84659:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ix: () => (/* binding */ protectedPathHits),
/* harmony export */   Ju: () => (/* binding */ checkProtectedPaths),
/* harmony export */   SO: () => (/* binding */ compileGlob),
/* harmony export */   jv: () => (/* binding */ matchGlobs)
/* harmony export */ });
/* unused harmony exports GlobError, matchProtectedPath */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);

/**
 * Path patterns with `.gitignore` semantics, for `protected-paths`:
 * - `*` matches any run of characters except `/`, `?` one character except `/`, `[abc]`,
 *   `[a-z]` and `[!a]`/`[^a]` one character of a class; `\` escapes the next character.
 * - `**` as a whole segment matches any number of directories: `**\/x` (x at any depth),
 *   `a/**\/b`, `a/**` (everything inside `a`). Other `**` act like `*`.
 * - A pattern with a `/` before its end is anchored at the repository root (a leading `/`
 *   only anchors); one without (`*.pem`, `secrets.env`) matches a name at any depth.
 * - A pattern that matches a directory protects everything inside it (`.github/workflows`
 *   protects `.github/workflows/ci.yml`); a trailing `/` makes a pattern match directories only.
 * - Matching ignores case: a path that differs only in case names the same file on the case-
 *   insensitive file systems of macOS and Windows, and refusing it costs nothing (fail closed).
 * - `!` negation is not supported (a protected-paths list only adds protection): such a pattern
 *   throws, as does an empty one.
 */
class GlobError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'GlobError';
}
const REGEXP_SPECIAL = /[\\^$.*+?()[\]{}|/]/;
function compileGlob(pattern) {
    if (pattern.trim() === '')
        throw new GlobError('an empty path pattern matches nothing; remove it');
    if (pattern.startsWith('!')) {
        throw new GlobError(`path pattern ${JSON.stringify(pattern)}: negation ("!") is not supported in protected paths`);
    }
    let body = pattern;
    const dirOnly = body.endsWith('/') && !body.endsWith('\\/');
    if (dirOnly)
        body = body.replace(/\/+$/, '');
    let anchored = false;
    if (body.startsWith('/')) {
        anchored = true;
        body = body.replace(/^\/+/, '');
    }
    if (body.includes('/'))
        anchored = true;
    if (body === '')
        throw new GlobError(`path pattern ${JSON.stringify(pattern)} names no path`);
    const segments = body.split('/');
    let source = '';
    segments.forEach((segment, i) => {
        const last = i === segments.length - 1;
        if (segment === '**') {
            // `**/` (any leading directories, including none) or a trailing `/**` (anything inside).
            source += last ? '.*' : '(?:[^/]*/)*';
            return;
        }
        source += segmentSource(segment, pattern);
        if (!last)
            source += '/';
    });
    // A trailing `/**` needs at least one character after the slash: `a/**` is what is inside `a`.
    source = source.replace(/\/\.\*$/, '/.+');
    const prefix = anchored ? '' : '(?:.*/)?';
    return { pattern, regexp: new RegExp(`^${prefix}${source}$`, 'is'), dirOnly };
}
function segmentSource(segment, pattern) {
    let out = '';
    for (let i = 0; i < segment.length; i++) {
        const c = segment[i];
        if (c === '\\') {
            const next = segment[i + 1];
            if (next === undefined)
                throw new GlobError(`path pattern ${JSON.stringify(pattern)} ends with a lone "\\"`);
            out += escapeChar(next);
            i++;
        }
        else if (c === '*') {
            while (segment[i + 1] === '*')
                i++;
            out += '[^/]*';
        }
        else if (c === '?') {
            out += '[^/]';
        }
        else if (c === '[') {
            const end = classEnd(segment, i);
            if (end === -1) {
                out += '\\[';
                continue;
            }
            let inner = segment.slice(i + 1, end);
            let negate = false;
            if (inner.startsWith('!') || inner.startsWith('^')) {
                negate = true;
                inner = inner.slice(1);
            }
            const members = inner.replace(/\\(.)/g, '$1').replace(/[\\\]^]/g, '\\$&');
            out += negate ? `[^/${members}]` : `[${members}]`;
            i = end;
        }
        else {
            out += escapeChar(c);
        }
    }
    return out;
}
/**
 * Index of the `]` closing the class opened at `start`, or -1 (then `[` is literal). A `]` right
 * after `[` or `[!` is a member.
 */
function classEnd(segment, start) {
    let i = start + 1;
    if (segment[i] === '!' || segment[i] === '^')
        i++;
    if (segment[i] === ']')
        i++;
    for (; i < segment.length; i++) {
        if (segment[i] === '\\')
            i++;
        else if (segment[i] === ']')
            return i;
    }
    return -1;
}
function escapeChar(c) {
    return REGEXP_SPECIAL.test(c) ? `\\${c}` : c;
}
/** The path itself (as a file) and each of its parent directories, shortest first. */
function candidates(path) {
    const parts = path.split('/');
    const out = [];
    for (let i = 1; i < parts.length; i++)
        out.push({ value: parts.slice(0, i).join('/'), isDir: true });
    out.push({ value: path, isDir: false });
    return out;
}
/** The first glob (in list order) that protects `path`, or null. */
function matchGlobs(path, globs) {
    const normalised = path.replace(/^\/+/, '');
    for (const glob of globs) {
        for (const candidate of candidates(normalised)) {
            if (glob.dirOnly && !candidate.isDir)
                continue;
            if (glob.regexp.test(candidate.value))
                return glob;
        }
    }
    return null;
}
/** The pattern of `patterns` that protects `path`, or null. */
function matchProtectedPath(path, patterns) {
    return matchGlobs(path, patterns.map(compileGlob))?.pattern ?? null;
}
/**
 * The paths among `paths` that a pattern protects, each with the pattern, in input order
 * without duplicates. Pass both sides of a rename (see `touchedPaths`).
 */
function protectedPathHits(paths, patterns) {
    const globs = patterns.map(compileGlob);
    const hits = [];
    const seen = new Set();
    for (const path of paths) {
        if (seen.has(path))
            continue;
        seen.add(path);
        const glob = matchGlobs(path, globs);
        if (glob)
            hits.push({ path, pattern: glob.pattern });
    }
    return hits;
}
/** The offending paths: those among `paths` that a pattern of `patterns` protects. */
function checkProtectedPaths(paths, patterns) {
    return protectedPathHits(paths, patterns).map((hit) => hit.path);
}


/***/ }),

/***/ 32611:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ writeSeedIndex),
/* harmony export */   Kv: () => (/* binding */ rememberIndex),
/* harmony export */   cz: () => (/* binding */ forgetIndex)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);

const seeds = new Map();
function rememberIndex(dir, seed) {
    seeds.set(dir, seed);
}
function forgetIndex(dir) {
    seeds.delete(dir);
}
/** Writes the index of `dir` at `base` to `file`; false when none is known (then read the base tree). */
async function writeSeedIndex(dir, base, file) {
    const seed = seeds.get(dir);
    if (!seed || seed.base !== base)
        return false;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, seed.bytes);
    const seconds = Math.floor(seed.mtimeMs) / 1000;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.utimes)(file, seconds, seconds);
    return true;
}


/***/ }),

/***/ 30514:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _o: () => (/* reexport */ errors/* ProtectedPathError */._o),
  cz: () => (/* reexport */ workspace_patch/* applyWithConflictMarkers */.cz),
  IU: () => (/* reexport */ protect/* assertNoProtectedPaths */.I),
  IA: () => (/* reexport */ repo/* assertRepoContains */.IA),
  ZE: () => (/* reexport */ workspace_patch/* changeAgainstBase */.ZE),
  Ju: () => (/* reexport */ glob/* checkProtectedPaths */.Ju),
  bb: () => (/* reexport */ checkoutCredentials),
  YP: () => (/* reexport */ repo/* cleanHead */.YP),
  R5: () => (/* reexport */ quiet/* commandStarted */.R5),
  SC: () => (/* reexport */ commit/* commitTree */.SC),
  cs: () => (/* reexport */ commit/* commitsWithoutTrailer */.cs),
  Mn: () => (/* reexport */ workspace_git/* configValue */.Mn),
  MV: () => (/* reexport */ worktree/* createWorktree */.MV),
  CM: () => (/* reexport */ workspace_patch/* diffAgainstBase */.CM),
  FZ: () => (/* reexport */ workspace_patch/* diffInIndex */.FZ),
  Hd: () => (/* reexport */ quiet/* duringCommand */.Hd),
  ne: () => (/* reexport */ workspace_patch/* filesAfterChanges */.ne),
  GS: () => (/* reexport */ workspace_patch/* gitListingOf */.GS),
  Li: () => (/* reexport */ worktree/* indexForRun */.Li),
  Ae: () => (/* reexport */ integratePatches),
  rQ: () => (/* reexport */ isCredentialUserInfo),
  Hy: () => (/* reexport */ files/* listIgnoredPaths */.H),
  lb: () => (/* reexport */ files/* listWorktreeFiles */.l),
  rj: () => (/* reexport */ diff/* parseUnifiedDiff */.rj),
  QY: () => (/* reexport */ workspace_patch/* pathsInPatch */.QY),
  D5: () => (/* reexport */ repo/* pinBase */.D5),
  Ix: () => (/* reexport */ glob/* protectedPathHits */.Ix),
  Uy: () => (/* reexport */ protect/* protectedPathsInPatch */.U),
  Xg: () => (/* reexport */ workspace_git/* readConfig */.Xg),
  A$: () => (/* reexport */ workspace_patch/* recordTree */.A$),
  lp: () => (/* reexport */ worktree/* removeLiveWorktrees */.lp),
  KO: () => (/* reexport */ worktree/* removeStaleWorktrees */.KO),
  IL: () => (/* reexport */ worktree/* removeWorktree */.IL),
  yY: () => (/* reexport */ worktree/* restoreWorktree */.yY),
  dT: () => (/* reexport */ worktree/* restoringWorktree */.dT),
  nO: () => (/* reexport */ diff/* splitSections */.nO),
  Pq: () => (/* reexport */ workspace_patch/* touchedPaths */.Pq),
  Ub: () => (/* reexport */ commit/* updateBranch */.Ub),
  jX: () => (/* reexport */ commit/* withTrailers */.jX),
  _u: () => (/* reexport */ worktree/* withWorktree */._u),
  VB: () => (/* reexport */ worktree/* worktreeDirectory */.VB)
});

// UNUSED EXPORTS: BaseCommitMissingError, DirtyRepositoryError, GitError, GlobError, NotAGitRepositoryError, assertCleanRepo, cQuote, commitPatch, compileGlob, dirtyPaths, isClean, matchProtectedPath, pathsGitReads, readQuoted, repoInfo, snapshotWorktree, unmergedPaths

// EXTERNAL MODULE: ./lib/workspace/commit.js
var commit = __webpack_require__(48656);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/contracts/config.js
var config = __webpack_require__(41317);
// EXTERNAL MODULE: ./lib/workspace/git.js
var workspace_git = __webpack_require__(10297);
;// CONCATENATED MODULE: ./lib/workspace/credentials.js
/**
 * The credentials a checkout holds outside its tracked files: what git would send to a remote
 * (passwords and tokens in remote URLs, `http.*.extraheader`, credential-named settings) and
 * the values of credential-named variables in untracked `.env` files at the top of the
 * repository. They are not the run's secrets, but a command or an agent that finds one must not
 * carry it into a prompt, a transcript, a commit or a pull request: the session blanks them in
 * what agents are shown and in transcripts, and the publishers refuse a change or text that holds
 * one (`publish/policy.ts`, as secret values).
 *
 * Values shorter than 8 characters are left out, as the policy leaves out secret values that short:
 * they would match ordinary text.
 */




const MIN_LENGTH = 8;
const URL_KEY = /^(remote\..+\.(url|pushurl)|submodule\..+\.url|url\..+\.(insteadof|pushinsteadof))$/i;
const EXTRAHEADER_KEY = /^http(\..+)?\.extraheader$/i;
/** `.env`, `.env.local`, `.env.production`; not the examples people commit on purpose. */
const ENV_FILE = /^\.env(\.[\w.-]+)?$/;
const ENV_EXAMPLE = /\.(example|sample|template|dist|defaults?)$/i;
/** Every credential the checkout at `repoDir` holds outside its tracked files, each once. */
async function checkoutCredentials(repoDir) {
    const found = [...(await gitConfigCredentials(repoDir)), ...(await envFileCredentials(repoDir))];
    const seen = new Set();
    return found.filter((c) => c.value.length >= MIN_LENGTH && !seen.has(c.value) && seen.add(c.value));
}
/** From the configuration git reads in `repoDir` (the repository's, the user's and the system's). */
async function gitConfigCredentials(repoDir) {
    const found = [];
    for (const { key, value } of await (0,workspace_git/* readConfig */.Xg)(repoDir)) {
        if (value === null)
            continue;
        if (URL_KEY.test(key))
            found.push(...urlCredentials(key, value));
        else if (EXTRAHEADER_KEY.test(key))
            found.push(...headerCredentials(key, value));
        else if (isCredentialSetting(key))
            found.push({ name: key, value: value.trim() });
    }
    return found;
}
/** Settings whose names say credential but whose values are programs or paths, not secrets. */
const NOT_A_SECRET = /(helper|signingkey|sslkey|sslcert|sslcainfo|sslcapath|file|path|command)$/i;
/** `github.token`, `hub.password`: a setting named like a credential that holds one. */
function isCredentialSetting(key) {
    const last = key.split('.').pop() ?? '';
    return (0,config/* credentialWordInName */.kZ)(last) !== null && !NOT_A_SECRET.test(last);
}
/**
 * Whether the user information of a `scheme://userinfo@` URL is a credential: when it holds a
 * password (`user:token@`), and over HTTP(S) and FTP (`git+https://` too) always (`https://ghp_…@github.com`: a token
 * as the user name). `ssh://git@host` keeps its user, which is no secret and which SSH needs.
 * The one rule for the checkout's credentials here and the sandbox's cleaned git configuration.
 */
function isCredentialUserInfo(scheme, userinfo) {
    return userinfo.includes(':') || /(^|[^a-z])(https?|ftps?):\/\/$/i.test(scheme);
}
/** The password (or the token used as a user name) of a URL with user information. */
function urlCredentials(key, url) {
    const match = /^([a-z][a-z0-9+.-]*:\/\/)([^@/]+)@/i.exec(url.trim());
    const userinfo = match?.[2];
    if (!match || !userinfo || !isCredentialUserInfo(match[1], userinfo))
        return [];
    const colon = userinfo.indexOf(':');
    const decode = (s) => {
        try {
            return decodeURIComponent(s);
        }
        catch {
            return s;
        }
    };
    // `https://<token>@github.com/…`: a user name alone, over HTTP, is how a token is given.
    if (colon < 0)
        return [{ name: `${key} user`, value: decode(userinfo) }];
    const password = userinfo.slice(colon + 1);
    const found = [{ name: `${key} password`, value: decode(password) }];
    if (decode(password) !== password)
        found.push({ name: `${key} password (URL-encoded)`, value: password });
    return found;
}
/**
 * An `Authorization`-style header: its credential (after `basic`, `bearer` or `token`), and for
 * basic authentication the decoded `user:password` and the password (actions/checkout persists
 * `AUTHORIZATION: basic base64(x-access-token:<token>)`).
 */
function headerCredentials(key, header) {
    const value = header.slice(header.indexOf(':') + 1).trim();
    const scheme = /^(basic|bearer|token)\s+(\S+)/i.exec(value);
    if (!scheme)
        return value ? [{ name: key, value }] : [];
    const credential = scheme[2];
    const found = [{ name: `${key} ${scheme[1].toLowerCase()} credential`, value: credential }];
    if (scheme[1].toLowerCase() === 'basic') {
        const decoded = Buffer.from(credential, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon >= 0) {
            found.push({ name: `${key} basic user:password`, value: decoded });
            found.push({ name: `${key} basic password`, value: decoded.slice(colon + 1) });
        }
    }
    return found;
}
/** Credential-named variables of the untracked `.env` files at the top of `repoDir`. */
async function envFileCredentials(repoDir) {
    let names;
    try {
        names = (await (0,promises_.readdir)(repoDir)).filter((n) => ENV_FILE.test(n) && !ENV_EXAMPLE.test(n));
    }
    catch {
        return [];
    }
    if (names.length === 0)
        return [];
    const tracked = await (0,workspace_git/* hardenedGit */.YW)(repoDir).run(['ls-files', '-z', '--', ...names], { okCodes: [0, 128] });
    const trackedNames = new Set(tracked.code === 0 ? (0,workspace_git/* nulFields */.R6)(tracked.stdout) : []);
    const found = [];
    for (const name of names.filter((n) => !trackedNames.has(n))) {
        let text;
        try {
            text = await (0,promises_.readFile)(external_node_path_.join(repoDir, name), 'utf8');
        }
        catch {
            continue; // a directory, or unreadable: nothing a command could read either
        }
        found.push(...envCredentials(name, text));
    }
    return found;
}
/** `KEY=value` lines (`export`, quotes and a trailing comment allowed) whose name is a credential's. */
function envCredentials(file, text) {
    const found = [];
    for (const line of text.split(/\r?\n/)) {
        const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
        if (!m || !(0,config/* credentialWordInName */.kZ)(m[1]))
            continue;
        let value = m[2].trim();
        const quoted = /^(["'])(.*?)\1(\s+#.*)?$/.exec(value);
        value = quoted ? quoted[2] : value.replace(/\s+#.*$/, '');
        if (value)
            found.push({ name: `${file} ${m[1]}`, value });
    }
    return found;
}

// EXTERNAL MODULE: ./lib/workspace/diff/index.js + 4 modules
var diff = __webpack_require__(75585);
// EXTERNAL MODULE: ./lib/workspace/errors.js
var errors = __webpack_require__(12474);
// EXTERNAL MODULE: ./lib/workspace/files.js
var files = __webpack_require__(46426);
// EXTERNAL MODULE: ./lib/workspace/glob.js
var glob = __webpack_require__(84659);
// EXTERNAL MODULE: ./lib/util/text.js
var util_text = __webpack_require__(28805);
// EXTERNAL MODULE: ./lib/workspace/patch.js
var workspace_patch = __webpack_require__(93515);
// EXTERNAL MODULE: ./lib/workspace/repo.js
var repo = __webpack_require__(87957);
// EXTERNAL MODULE: ./lib/workspace/worktree.js
var worktree = __webpack_require__(47860);
;// CONCATENATED MODULE: ./lib/workspace/integrate.js







const MAX_DETAIL = 4_000;
/**
 * Applies the task patches, in dependency order, onto `baseSha`, each one straight or with a
 * 3-way merge (see `applyWithConflictMarkers`). Never throws for a task's patch; each gets a
 * result:
 * - `applied`;
 * - `skipped` with detail `no change` for an empty patch;
 * - `skipped` with the protected paths named, before anything is applied, for a patch that
 *   touches a path `protectedPaths` matches (either side of a rename, from both this module's
 *   parser and git's own reading of the patch). It is refused rather than thrown so that the
 *   other tasks still integrate and the test report names the refusal per task; the publisher
 *   checks the final change again and refuses to write anything protected;
 * - `skipped` with git's message for a patch git cannot read;
 * - `conflicted` with the conflicting files (unmerged index entries, else the files git named)
 *   and git's message: that attempt is undone, so the tree stays at the previous good state
 *   and later tasks still integrate.
 * The caller marks a conflict `resolved` after its resolution step.
 */
async function integratePatches(repoDir, baseSha, patches, options) {
    if (!(0,workspace_git/* isFullSha */.Wf)(baseSha))
        throw new Error(`cannot integrate in ${repoDir}: base ${JSON.stringify(baseSha)} is not a full commit SHA`);
    const { protectedPaths } = options;
    if (options.worktreeDir) {
        const dir = options.worktreeDir;
        return integrateIn({ dir, baseSha, patches, protectedPaths, fresh: options.fresh === true });
    }
    return (0,worktree/* withWorktree */._u)(repoDir, baseSha, (dir) => integrateIn({ dir, baseSha, patches, protectedPaths, fresh: true }));
}
async function integrateIn(input) {
    const { dir, baseSha, patches, protectedPaths, fresh } = input;
    const git = (0,workspace_git/* worktreeGit */.Oi)(dir);
    if (!fresh)
        await assertCleanAtBase(git, baseSha);
    // The tree to go back to when a patch conflicts, recorded only then (`beforeMerge`).
    let goodTree = null;
    // A fresh worktree's index is as git wrote it: nothing to refresh.
    let refreshed = fresh;
    const applied = [];
    const results = [];
    for (const { taskId, patch } of patches) {
        if (patch.trim() === '') {
            results.push({ taskId, result: 'skipped', conflictingFiles: [], detail: 'no change' });
            continue;
        }
        let paths;
        try {
            paths = await (0,workspace_patch/* pathsReadTwice */.rb)(patch);
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            results.push({
                taskId,
                result: 'skipped',
                conflictingFiles: [],
                detail: (0,util_text/* clip */.$Q)(`the patch of task ${taskId} is not a patch git can read: ${message}`, MAX_DETAIL),
            });
            continue;
        }
        if (paths.includes('')) {
            results.push({
                taskId,
                result: 'skipped',
                conflictingFiles: [],
                detail: `the patch of task ${taskId} has a file section whose paths cannot be read`,
            });
            continue;
        }
        const hits = (0,glob/* protectedPathHits */.Ix)(paths, protectedPaths);
        if (hits.length > 0) {
            results.push({
                taskId,
                result: 'skipped',
                conflictingFiles: [],
                detail: (0,util_text/* clip */.$Q)(`refused: the patch of task ${taskId} touches ` +
                    `protected ${hits.length === 1 ? 'path' : 'paths'} ${(0,errors/* describeHits */.YI)(hits)}`, MAX_DETAIL),
            });
            continue;
        }
        // The index is refreshed once: after that only `apply --index` writes the worktree.
        const outcome = await (0,workspace_patch/* applyWithConflictMarkers */.cz)(dir, patch, {
            refresh: !refreshed,
            beforeMerge: async () => {
                goodTree = await git.text(['write-tree'], { what: `record the integrated tree before task ${taskId}` });
            },
        });
        refreshed = true;
        if (outcome.ok) {
            applied.push(taskId);
            results.push({
                taskId,
                result: 'applied',
                conflictingFiles: [],
                detail: outcome.method === '3way' ? 'applied with a 3-way merge' : '',
            });
            continue;
        }
        if (goodTree === null)
            throw new Error(`integrating task ${taskId}: the tree before its patch was not recorded`);
        await restore(dir, goodTree, taskId);
        const onto = applied.length > 0 ? `the base with ${applied.join(', ')} applied` : 'the base';
        results.push({
            taskId,
            result: 'conflicted',
            conflictingFiles: outcome.conflictingFiles,
            detail: (0,util_text/* clip */.$Q)(`the patch of task ${taskId} conflicts with ${onto} ` +
                `in ${outcome.conflictingFiles.join(', ')}; git said: ${outcome.detail}`, MAX_DETAIL),
        });
    }
    // In a fresh worktree only `apply --index` (and an undone attempt's `read-tree -u`) wrote the files,
    // the index with them: it holds the integrated tree.
    const { patch, changes, tree } = fresh
        ? await (0,workspace_patch/* diffTrees */.j_)(git, baseSha, await git.text(['write-tree'], { what: `record the integrated tree in ${dir}` }))
        : await (0,workspace_patch/* diffAgainstBase */.CM)(dir, baseSha);
    return { results, patch, changes, tree, indexed: fresh };
}
async function assertCleanAtBase(git, baseSha) {
    const { head, dirty } = await (0,repo/* headAndChanges */.Hn)(git);
    if (head === baseSha && dirty.length === 0)
        return;
    throw new Error(`cannot integrate in ${git.cwd}: the worktree must be clean and at the base ${baseSha} ` +
        `(HEAD is ${head}${dirty.length ? `; changed: ${dirty.slice(0, 10).join(', ')}` : ''})`);
}
/** Puts index and work tree back to `tree` after a failed attempt, and checks that they are. */
async function restore(dir, tree, taskId) {
    const git = (0,workspace_git/* worktreeGit */.Oi)(dir);
    const what = `undo the attempt of task ${taskId} in ${dir}`;
    await git.run(['read-tree', '--reset', '-u', tree], { what });
    const now = await git.text(['write-tree'], { what });
    const files = await git.run(['diff-files', '--quiet'], { okCodes: [0, 1], what });
    const others = await git.text(['ls-files', '--others', '--exclude-standard'], { what });
    if (now !== tree || files.code !== 0 || others !== '') {
        throw new Error(`${what}: the worktree did not return to the previous state (tree ${now}, expected ${tree})`);
    }
}

// EXTERNAL MODULE: ./lib/workspace/protect.js
var protect = __webpack_require__(47214);
// EXTERNAL MODULE: ./lib/workspace/quiet.js
var quiet = __webpack_require__(80117);
;// CONCATENATED MODULE: ./lib/workspace/index.js















/***/ }),

/***/ 46115:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ FactCache)
/* harmony export */ });
/**
 * Promises of what never changes once known, such as what an object SHA names in a repository
 * (a commit's tree, a tree plus a patch, the diff of two trees), kept by key: callers asking the
 * same share the first one's promise; a promise that fails is dropped, so the next caller asks
 * again; beyond `max` entries the oldest go.
 */
class FactCache {
    entries = new Map();
    max;
    constructor(max) {
        this.max = max;
    }
    /** The promise kept under `key`, if any. */
    get(key) {
        return this.entries.get(key);
    }
    /** The promise kept under `key`, else `make()`'s, kept. */
    of(key, make) {
        return this.get(key) ?? this.set(key, make());
    }
    /** Keeps `value` under `key` (the newest), and returns it. */
    set(key, value) {
        this.entries.delete(key);
        this.entries.set(key, value);
        while (this.entries.size > this.max)
            this.entries.delete(this.entries.keys().next().value);
        value.catch(() => {
            if (this.entries.get(key) === value)
                this.entries.delete(key);
        });
        return value;
    }
}


/***/ }),

/***/ 93515:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A$: () => (/* binding */ recordTree),
/* harmony export */   CM: () => (/* binding */ diffAgainstBase),
/* harmony export */   E8: () => (/* binding */ withTempDir),
/* harmony export */   FZ: () => (/* binding */ diffInIndex),
/* harmony export */   GS: () => (/* binding */ gitListingOf),
/* harmony export */   LO: () => (/* binding */ applyInTurn),
/* harmony export */   Pq: () => (/* binding */ touchedPaths),
/* harmony export */   QY: () => (/* binding */ pathsInPatch),
/* harmony export */   ZE: () => (/* binding */ changeAgainstBase),
/* harmony export */   cz: () => (/* binding */ applyWithConflictMarkers),
/* harmony export */   j_: () => (/* binding */ diffTrees),
/* harmony export */   kP: () => (/* binding */ patchKey),
/* harmony export */   ks: () => (/* binding */ pathsGitReads),
/* harmony export */   ne: () => (/* binding */ filesAfterChanges),
/* harmony export */   rb: () => (/* binding */ pathsReadTwice)
/* harmony export */ });
/* unused harmony exports pathsFromStderr, unmergedPaths */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var _diff_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(75585);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(10297);
/* harmony import */ var _index_seed_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(32611);
/* harmony import */ var _memo_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(46115);
/* harmony import */ var _worktree_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(47860);









/**
 * Options of every patch-producing diff: plumbing (no external diff, textconv, colour or config
 * prefixes), fixed prefixes.
 */
const DIFF_OPTIONS = [
    '-r',
    '-M',
    '--full-index',
    '--no-ext-diff',
    '--no-textconv',
    '--no-color',
    '--no-relative',
    '--src-prefix=a/',
    '--dst-prefix=b/',
];
/**
 * The files of a checkout that held `files` once `changes` are made to it (a deletion and a
 * rename's source go, an addition, a copy and a rename's target come), in git's order: what
 * `listWorktreeFiles` lists for a fresh checkout of the changed tree.
 */
function filesAfterChanges(files, changes) {
    const after = new Set(files);
    for (const change of changes) {
        if (change.kind === 'deleted')
            after.delete(change.path);
        else {
            if (change.kind === 'renamed' && change.oldPath !== null)
                after.delete(change.oldPath);
            after.add(change.path);
        }
    }
    // Git's order is the bytes' order: each path's bytes made once, not at every comparison.
    return [...after]
        .map((p) => ({ p, bytes: Buffer.from(p) }))
        .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
        .map(({ p }) => p);
}
/** Runs `fn` with a fresh temporary directory, removed afterwards. */
async function withTempDir(prefix, fn) {
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_3__.join(node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir(), prefix));
    try {
        return await fn(dir);
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
    }
}
/**
 * The change in `worktreeDir` against `baseSha` (any commit or tree): every file git does not
 * ignore, new, modified, deleted and renamed ones, binary ones as `GIT binary patch`. The work
 * tree is recorded through a temporary index (`GIT_INDEX_FILE`) seeded from the base, so the
 * worktree's own index, HEAD and any commits a command made are neither used nor changed.
 */
async function diffAgainstBase(worktreeDir, baseSha) {
    return diffTrees((0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .worktreeGit */ .Oi)(worktreeDir), baseSha, await recordTree(worktreeDir, baseSha));
}
/**
 * The change in `worktreeDir` against `baseSha`, recorded in the worktree's own index (`git add
 * --all` there), which then holds the tree: for a worktree whose index only ensemble's git wrote.
 * A command inside bubblewrap cannot write it (the git directories are read-only there); one
 * outside could have set flags in it that hide a file's change from `git add`, so
 * `diffAgainstBase` is the one to use then. One difference from `diffAgainstBase`, whose
 * temporary index starts from the base: a file the index tracks stays, even where a `.gitignore`
 * the change added now matches it (a file one task added under another task's new ignore rule).
 */
async function diffInIndex(worktreeDir, baseSha) {
    const tree = await (0,_worktree_js__WEBPACK_IMPORTED_MODULE_7__/* .snapshotWorktree */ .e6)(worktreeDir);
    return { ...(await diffTrees((0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .worktreeGit */ .Oi)(worktreeDir), baseSha, tree)), indexed: true };
}
/** The tree the files of `worktreeDir` are recorded as, as `diffAgainstBase` records them, without the diff. */
async function recordTree(worktreeDir, baseSha) {
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .worktreeGit */ .Oi)(worktreeDir);
    return recorded(git, worktreeDir, baseSha, (env, what) => git.text(['write-tree'], { env, what }));
}
/**
 * The change in `worktreeDir` against `baseSha`, exactly as `diffAgainstBase` gives it, without
 * the tree: the recorded index is diffed against the base directly (`diff-index --cached`, whose
 * output is `diff-tree`'s for the same two trees), one git process less. For a caller that needs
 * only the patch and the files.
 */
async function changeAgainstBase(worktreeDir, baseSha) {
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .worktreeGit */ .Oi)(worktreeDir);
    return recorded(git, worktreeDir, baseSha, async (env, what) => {
        const args = ['diff-index', '--cached', '-z', '--raw', '-p', '--binary', ...DIFF_OPTIONS, baseSha];
        const out = (await git.run(args, { env, what })).stdout;
        const { changes, patchStart } = parseRaw(out);
        if (changes.length === 0)
            return { patch: '', changes };
        const bytes = out.subarray(patchStart);
        if (isUtf8(bytes))
            return { patch: listedByGit(bytes.toString('utf8'), changes), changes };
        // Not UTF-8: made as binary patches where needed, from the trees (`asText`) of this same recording.
        const { tree: _tree, ...change } = await diffTrees(git, baseSha, await git.text(['write-tree'], { env, what }));
        return change;
    });
}
/**
 * Records every file git does not ignore in `worktreeDir` in a temporary index seeded from the
 * base (the worktree's own index, HEAD and commits are neither used nor changed) and returns what
 * `use` makes of that index.
 */
async function recorded(git, worktreeDir, baseSha, use) {
    if (!(0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .isFullSha */ .Wf)(baseSha))
        throw new Error(`cannot diff ${worktreeDir}: base ${JSON.stringify(baseSha)} is not a full commit or tree SHA`);
    return withTempDir('ensemble-index-', async (tmp) => {
        const env = { GIT_INDEX_FILE: node_path__WEBPACK_IMPORTED_MODULE_3__.join(tmp, 'index') };
        const what = `record the work tree of ${worktreeDir}`;
        if (!(await (0,_index_seed_js__WEBPACK_IMPORTED_MODULE_6__/* .writeSeedIndex */ .D)(node_path__WEBPACK_IMPORTED_MODULE_3__.resolve(worktreeDir), baseSha, env.GIT_INDEX_FILE))) {
            await git.run(['read-tree', '--end-of-options', baseSha], {
                env,
                what: `read the base ${baseSha} in ${worktreeDir}`,
            });
        }
        // Stat information decides which files are hashed again: all of it, whatever the configuration says.
        await git.run(['-c', 'core.trustctime=true', '-c', 'core.checkStat=default', 'add', '--all'], { env, what });
        return use(env, what);
    });
}
/**
 * The patch and the changes from tree-ish `from` to tree-ish `to`, in the repository of `git`:
 * one `diff-tree --raw -p -z`, whose output is the changes (`:modes shas status\0path\0[path\0]`),
 * a NUL, then the patch exactly as `diff-tree -p` prints it.
 */
function diffTrees(git, from, to) {
    // Two object SHAs always give the same diff: made once per process.
    if ((0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .isFullSha */ .Wf)(from) && (0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .isFullSha */ .Wf)(to))
        return diffs.of(`${node_path__WEBPACK_IMPORTED_MODULE_3__.resolve(git.cwd)}\0${from}\0${to}`, () => diffOf(git, from, to));
    return diffOf(git, from, to);
}
/** Diffs of two object SHAs made in this process (`diffTrees`); a few are kept, patches can be large. */
const diffs = new _memo_js__WEBPACK_IMPORTED_MODULE_8__/* .FactCache */ .p(16);
async function diffOf(git, from, to) {
    const what = `diff ${from} against ${to} in ${git.cwd}`;
    const out = (await git.run(['diff-tree', '-z', '--raw', '-p', '--binary', ...DIFF_OPTIONS, from, to], { what }))
        .stdout;
    const { changes, patchStart } = parseRaw(out);
    if (changes.length === 0)
        return { patch: '', changes, tree: to };
    const bytes = out.subarray(patchStart);
    return { patch: listedByGit(await asText(git, from, to, bytes, changes), changes), changes, tree: to };
}
/**
 * Git's own listing of the files of the patches it made in this process (their `--raw` part), by
 * the patch's bytes: a second reading of the same patch (`pathsGitReads`) is that listing, with no
 * `git apply --numstat`. A few are kept; object and patch bytes name content, so none goes stale.
 */
const gitListings = new _memo_js__WEBPACK_IMPORTED_MODULE_8__/* .FactCache */ .p(64);
/** A patch's key in caches of what a patch gives: the SHA-256 of its text. */
function patchKey(patch) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(patch).digest('hex');
}
/** Git's own listing of the files of `patch`, when git made it in this process (`diffTrees`). */
function gitListingOf(patch) {
    return gitListings.get(patchKey(patch));
}
/** Remembers `changes` as git's listing of `patch`, which git just made; returns the patch. */
function listedByGit(patch, changes) {
    gitListings.set(patchKey(patch), Promise.resolve(changes));
    return patch;
}
/** The changes of `--raw -z` records at the start of `out`, and where the patch after them starts. */
function parseRaw(out) {
    const fields = [];
    let pos = 0;
    const field = () => {
        const end = out.indexOf(0, pos);
        const text = out.toString('utf8', pos, end < 0 ? out.length : end);
        pos = end < 0 ? out.length : end + 1;
        return text;
    };
    while (pos < out.length && out[pos] === 0x3a /* ':' */) {
        const header = field();
        const status = header.slice(header.lastIndexOf(' ') + 1);
        fields.push(status, field());
        if (status.startsWith('R') || status.startsWith('C'))
            fields.push(field());
    }
    // The NUL between the records and the patch.
    if (out[pos] === 0)
        pos++;
    return { changes: parseNameStatus(fields), patchStart: pos };
}
const UTF8 = new TextDecoder('utf-8', { fatal: true });
function isUtf8(bytes) {
    try {
        UTF8.decode(bytes);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * The patch as a string that writes back to the same bytes. A text file that is not UTF-8
 * (Latin-1 source, say) makes git print raw bytes; those files' diffs are made again as
 * binary patches (a temporary attributes file with `-diff`), which are ASCII.
 */
async function asText(git, from, to, bytes, changes) {
    if (isUtf8(bytes))
        return bytes.toString('utf8');
    // Latin-1 maps each byte to one character and back, so the split is a split of the bytes.
    const sections = (0,_diff_index_js__WEBPACK_IMPORTED_MODULE_4__/* .splitSections */ .nO)(bytes.toString('latin1')).map((s) => Buffer.from(s, 'latin1'));
    const offending = sections.length === changes.length
        ? changes.filter((_, i) => !isUtf8(sections[i]))
        : changes; /* cannot pair: all of them */
    const paths = [...new Set(offending.flatMap((c) => (c.oldPath ? [c.oldPath, c.path] : [c.path])))];
    return withTempDir('ensemble-attrs-', async (tmp) => {
        const attributes = node_path__WEBPACK_IMPORTED_MODULE_3__.join(tmp, 'attributes');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(attributes, paths.map((p) => `${(0,_diff_index_js__WEBPACK_IMPORTED_MODULE_4__/* .cQuote */ .qV)(`/${escapeWildmatch(p)}`)} -diff\n`).join(''));
        const again = (await git.run(['-c', `core.attributesFile=${attributes}`, 'diff-tree', '-p', '--binary', ...DIFF_OPTIONS, from, to], {
            what: `diff ${from} against ${to} in ${git.cwd}`,
        })).stdout;
        if (!isUtf8(again)) {
            throw new Error(`the change in ${git.cwd} cannot be written as a text patch: ${paths.join(', ')} ` +
                'are not UTF-8 and a .gitattributes "diff" setting keeps them text');
        }
        return again.toString('utf8');
    });
}
function escapeWildmatch(p) {
    return p.replace(/[*?[\\]/g, '\\$&');
}
/** The change of a `--name-status` letter other than R and C; any letter not listed (M, T) is `modified`. */
const NAME_STATUS_KIND = { A: 'added', D: 'deleted' };
/** `git diff-tree -z --name-status -M` output as changes. */
function parseNameStatus(fields) {
    const changes = [];
    for (let i = 0; i < fields.length; i++) {
        const status = fields[i] ?? '';
        const letter = status[0];
        if (letter === 'R' || letter === 'C') {
            const oldPath = fields[++i] ?? '';
            const newPath = fields[++i] ?? '';
            changes.push({ kind: letter === 'R' ? 'renamed' : 'copied', path: newPath, oldPath });
        }
        else {
            const p = fields[++i] ?? '';
            const kind = NAME_STATUS_KIND[letter ?? ''] ?? 'modified';
            changes.push({ kind, path: p, oldPath: null });
        }
    }
    return changes;
}
/** Every path a change touches: the file, and the source of a rename (which the rename deletes). */
function touchedPaths(changes) {
    const out = new Set();
    for (const change of changes) {
        if (change.kind === 'renamed' && change.oldPath)
            out.add(change.oldPath);
        out.add(change.path);
    }
    return [...out];
}
// ---------------------------------------------------------------------------------------------
// Reading patches
/**
 * The files a git patch changes, as `parseUnifiedDiff` reads them: per file its kind, its path
 * after the change (before it, for a deletion) and the source of a rename or copy. C-quoted paths,
 * binary sections and plain `---`/`+++` files included. A file whose names cannot be read has the
 * path (or source) `''`, so that a caller checking paths can refuse it.
 */
function pathsInPatch(patch) {
    return (0,_diff_index_js__WEBPACK_IMPORTED_MODULE_4__/* .parseUnifiedDiff */ .rj)(patch).map(asChange);
}
function asChange(file) {
    if (file.status === 'renamed' || file.status === 'copied') {
        return { kind: file.status, path: file.path, oldPath: file.oldPath ?? '' };
    }
    return { kind: file.status, path: file.path, oldPath: null };
}
const STDERR_PATH_PATTERNS = [
    /^error: patch failed: (.+):\d+$/,
    /^error: (.+): patch does not apply$/,
    /^error: (.+): already exists in (?:index|working directory)$/,
    /^error: (.+): does not exist in index$/,
    /^error: (.+): does not match index$/,
    /^error: (.+): No such file or directory$/,
    /^error: (.+): wrong type$/,
];
/** The paths git names in the errors of a `git apply` that failed. */
function pathsFromStderr(stderr) {
    const out = new Set();
    for (const line of stderr.split('\n')) {
        for (const pattern of STDERR_PATH_PATTERNS) {
            const m = pattern.exec(line.trim());
            if (m?.[1]) {
                const p = m[1].startsWith('"') ? ((0,_diff_index_js__WEBPACK_IMPORTED_MODULE_4__/* .readQuoted */ .zt)(m[1])?.value ?? m[1]) : m[1];
                out.add(p);
                break;
            }
        }
    }
    return [...out];
}
/** Paths in conflict in the index of the work tree (`git ls-files -u`). */
async function unmergedPaths(worktreeDir) {
    return unmergedIn(worktreeGit(worktreeDir), {});
}
/** Paths in conflict in the index `env` names (`GIT_INDEX_FILE`), else the work tree's. */
async function unmergedIn(git, env) {
    const out = new Set();
    for (const entry of (0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .nulFields */ .R6)((await git.run(['ls-files', '-u', '-z'], { env, okCodes: [0, 1, 128] })).stdout)) {
        const tab = entry.indexOf('\t');
        if (tab !== -1)
            out.add(entry.slice(tab + 1));
    }
    return [...out].sort();
}
/**
 * `patch` applied straight, then with a 3-way merge; when neither applies, the files in conflict:
 * the index's unmerged entries, else the ones git names, else every file the patch touches.
 */
async function applyInTurn(git, patch, turns) {
    if (patch.trim() === '')
        return { ok: true, method: 'none', conflictingFiles: [], detail: '' };
    const input = Buffer.from(patch, 'utf8');
    const env = turns.env ?? {};
    const okCodes = [0, 1, 128];
    const plain = await git.run(['apply', ...turns.straight, '--whitespace=nowarn'], { env, input, okCodes });
    if (plain.code === 0)
        return { ok: true, method: 'plain', conflictingFiles: [], detail: '' };
    await turns.beforeMerge?.();
    const merged = await git.run(['apply', ...turns.merged, '--whitespace=nowarn'], { env, input, okCodes });
    if (merged.code === 0)
        return { ok: true, method: '3way', conflictingFiles: [], detail: '' };
    let files = await unmergedIn(git, env);
    if (files.length === 0)
        files = pathsFromStderr(merged.stderr);
    if (files.length === 0)
        files = touchedPaths(pathsInPatch(patch)).filter((p) => p !== '');
    return { ok: false, method: 'none', conflictingFiles: files.sort(), detail: merged.stderr || plain.stderr };
}
/**
 * Applies `patch` to the work tree and index of `worktreeDir`: straight (`git apply --index`)
 * first, then with a 3-way merge (`git apply --3way`), which uses the blobs the patch names
 * (`--full-index`) and leaves conflict markers in the files it cannot merge. On failure the
 * work tree is left as git left it, so an agent can resolve the markers; `diffAgainstBase`
 * then gives the resolved change. The index keeps the unmerged entries (`git status` shows
 * them); `diffAgainstBase` does not read the index.
 */
async function applyWithConflictMarkers(worktreeDir, patch, options = {}) {
    if (patch.trim() === '')
        return { ok: true, method: 'none', conflictingFiles: [], detail: '' };
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .worktreeGit */ .Oi)(worktreeDir);
    // Stat information a command left stale makes `--index` report "does not match index".
    if (options.refresh !== false)
        await git.run(['update-index', '-q', '--refresh'], { okCodes: [0, 1] });
    return applyInTurn(git, patch, {
        straight: ['--index'],
        merged: ['--3way'],
        ...(options.beforeMerge ? { beforeMerge: options.beforeMerge } : {}),
    });
}
/**
 * Every path `patch` touches, both sides of a rename, as this module's parser reads it and as git
 * itself does (`pathsGitReads`), so that a header one reader misreads cannot hide a path; '' for a
 * file section whose paths the parser cannot read. Git reads it in `cwd`, by default the temporary
 * directory: reading a patch needs no repository, and that directory's configuration is read once.
 * Throws when git cannot read the patch.
 */
async function pathsReadTwice(patch, cwd = node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir()) {
    return [...touchedPaths(pathsInPatch(patch)), ...(await pathsGitReads(cwd, patch))];
}
/**
 * The paths git itself reads in `patch` (`git apply --numstat -z`), both sides of a rename; throws
 * when git cannot read the patch. A patch git made in this process is read from its own listing.
 */
async function pathsGitReads(dir, patch) {
    const listed = await gitListingOf(patch);
    if (listed)
        return touchedPaths(listed);
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .hardenedGit */ .YW)(dir);
    const out = await git.run(['apply', '--numstat', '-z'], {
        input: Buffer.from(patch, 'utf8'),
        what: 'read the patch',
    });
    const fields = (0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .nulFields */ .R6)(out.stdout);
    const paths = [];
    for (let i = 0; i < fields.length; i++) {
        const field = fields[i] ?? '';
        // `added\tdeleted\tpath`, or for a rename or copy `added\tdeleted\t` followed by the two paths as fields.
        const parts = field.split('\t');
        const p = parts.slice(2).join('\t');
        if (p === '') {
            paths.push(fields[i + 1] ?? '', fields[i + 2] ?? '');
            i += 2;
        }
        else {
            paths.push(p);
        }
    }
    return paths.filter((p) => p !== '');
}


/***/ }),

/***/ 17911:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Af: () => (/* binding */ patchedTree),
/* harmony export */   FP: () => (/* binding */ knownPatchedTree),
/* harmony export */   LC: () => (/* binding */ withScratchIndex),
/* harmony export */   VU: () => (/* binding */ rememberPatchedTree)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10297);
/* harmony import */ var _memo_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46115);
/* harmony import */ var _patch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(93515);




/** Runs `work` with a fresh temporary index of the repository of `git`, removed afterwards. */
function withScratchIndex(git, work) {
    return (0,_patch_js__WEBPACK_IMPORTED_MODULE_2__/* .withTempDir */ .E8)('ensemble-index-', (tmp) => {
        const env = { GIT_INDEX_FILE: node_path__WEBPACK_IMPORTED_MODULE_0__.join(tmp, 'index') };
        const what = `build a tree in ${git.cwd}`;
        return work({
            async read(treeish) {
                await git.run(['read-tree', '--end-of-options', treeish], { env, what: `read ${treeish} in ${git.cwd}` });
            },
            apply: (patch) => (0,_patch_js__WEBPACK_IMPORTED_MODULE_2__/* .applyInTurn */ .LO)(git, patch, { straight: ['--cached'], merged: ['--cached', '--3way'], env }),
            write: () => git.text(['write-tree'], { env, what }),
        });
    });
}
/**
 * Trees already made in this process, by repository, starting tree-ish and patch: review and docs
 * both work on "base + change.patch" at the same time, and publish commits that tree again.
 * Object SHAs name content, so a remembered tree never goes stale; a few are kept. A git that
 * failed to run (not a patch that does not apply) is not remembered.
 */
const made = new _memo_js__WEBPACK_IMPORTED_MODULE_3__/* .FactCache */ .p(32);
function madeKey(git, from, patch) {
    return `${node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(git.cwd)}\0${from}\0${(0,_patch_js__WEBPACK_IMPORTED_MODULE_2__/* .patchKey */ .kP)(patch)}`;
}
/**
 * The tree of tree-ish `from` plus `patch` in the repository of `git` (`withScratchIndex`), made
 * once per process for the same repository, `from` and patch.
 */
function patchedTree(git, from, patch) {
    return made.of(madeKey(git, from, patch), () => withScratchIndex(git, async (index) => {
        await index.read(from);
        const applied = await index.apply(patch);
        if (!applied.ok)
            return { ok: false, conflictingFiles: applied.conflictingFiles, detail: applied.detail };
        return { ok: true, tree: await index.write() };
    }));
}
/** The tree of `from` plus `patch` when this process made or learnt it already (`patchedTree`); else undefined. */
function knownPatchedTree(git, from, patch) {
    return made.get(madeKey(git, from, patch));
}
/**
 * Records that `patch` applied to tree `from` gives tree `tree`, for a later `patchedTree`: only
 * for a patch that is `git diff-tree --full-index --binary` of exactly those two trees.
 */
function rememberPatchedTree(git, from, patch, tree) {
    if (!(0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .isFullSha */ .Wf)(from) || !(0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .isFullSha */ .Wf)(tree))
        return;
    made.set(madeKey(git, from, patch), Promise.resolve({ ok: true, tree }));
}


/***/ }),

/***/ 47214:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ assertNoProtectedPaths),
/* harmony export */   U: () => (/* binding */ protectedPathsInPatch)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12474);
/* harmony import */ var _glob_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(84659);
/* harmony import */ var _patch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(93515);



/**
 * The protected paths `patch` touches: both sides of renames, read by this module's parser
 * and by git itself (`git apply --numstat`), so that a header the parser misreads cannot hide
 * a path. Throws when git cannot read the patch.
 */
async function protectedPathsInPatch(patch, patterns, cwd) {
    if (patch.trim() === '' || patterns.length === 0)
        return [];
    const paths = (await (0,_patch_js__WEBPACK_IMPORTED_MODULE_2__/* .pathsReadTwice */ .rb)(patch, cwd)).filter((p) => p !== '');
    return (0,_glob_js__WEBPACK_IMPORTED_MODULE_1__/* .protectedPathHits */ .Ix)(paths, patterns);
}
/** Throws `ProtectedPathError`, naming each path and its pattern, when `patch` touches a protected path. */
async function assertNoProtectedPaths(patch, patterns, what = 'the change', cwd) {
    const hits = await protectedPathsInPatch(patch, patterns, cwd);
    if (hits.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProtectedPathError */ ._o(hits, what);
}


/***/ }),

/***/ 80117:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hd: () => (/* binding */ duringCommand),
/* harmony export */   R5: () => (/* binding */ commandStarted),
/* harmony export */   US: () => (/* binding */ whileQuiet),
/* harmony export */   rA: () => (/* binding */ keepWhileQuiet)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/**
 * Reads of a repository that only a repository command can change, made once and reused while no
 * command could have changed them. Between ensemble's own git calls a repository's configuration
 * and the place of its git directory change only when something else writes them: an agent's
 * command, a test run, a setup command (all started through `runSandboxed`, which reports each
 * here with what it can write: inside bubblewrap only its workspace and HOME, the git directories
 * read-only), or a person. So a read of a directory is reused only while no command that can
 * write that directory has started since it was made and none is running, and while the files it
 * came from are as they were (`unchanged`: their stat, for what a person or another program
 * writes meanwhile). Otherwise it is made again, as every call made it before.
 *
 * A read may say it also survives a sandboxed command that ended (`survivesSandboxed`): one whose
 * only way to change it is through files `unchanged` checks. Inside bubblewrap a command writes
 * its workspace and a HOME of its own, nothing else, and is gone when it ends; of what git reads
 * for a directory's configuration, only the directory's `.git` file lies there, mounted read-only
 * (`agent/sandbox.ts`), and `unchanged` compares its stat, change time included, which no command
 * can set back. A read made while such a command ran is not kept past it.
 */

let started = 0;
const commands = [];
/**
 * Reports a repository command starting, with the directories it can write (its workspace and
 * HOME inside bubblewrap; null when it can write anything); call the returned function once it has
 * ended. Reads of a directory it can write are made afresh from then on.
 */
function commandStarted(writable = null) {
    const command = { seq: ++started, writable: writable?.map((d) => node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(d)) ?? null, running: true };
    commands.push(command);
    // After the caller's spawn of the command: each git the work starts holds this process while it forks.
    for (const start of waiting.splice(0))
        setImmediate(start);
    return () => {
        command.running = false;
    };
}
/**
 * Whether a command that started after `mark`, or one still running, could have written `dir`;
 * with `sandboxedEnded` false, a sandboxed command that has ended does not count.
 */
function touched(dir, mark, sandboxedEnded = true) {
    const target = node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(dir);
    return commands.some((c) => (c.seq > mark || c.running) &&
        (sandboxedEnded || c.running || c.writable === null) &&
        (c.writable === null || c.writable.some((w) => target === w || target.startsWith(`${w}${node_path__WEBPACK_IMPORTED_MODULE_0__.sep}`))));
}
/** Work waiting for a command to run (`duringCommand`). */
const waiting = [];
/**
 * Runs `work` once a repository command is running (at once when one runs now): git work that
 * reads no worktree (objects: a commit's tree, a tree plus a patch, the diff of two trees) done
 * in time the run waits anyway. Its failure is ignored: such work only fills caches, whose users
 * ask git themselves when they find nothing. The returned function drops it if it has not started.
 */
function duringCommand(work) {
    let dropped = false;
    const start = () => {
        if (!dropped)
            void work().catch(() => { });
        dropped = true;
    };
    if (commands.some((c) => c.running))
        setImmediate(start);
    else
        waiting.push(start);
    return () => {
        dropped = true;
        const at = waiting.indexOf(start);
        if (at >= 0)
            waiting.splice(at, 1);
    };
}
/**
 * Keeps `value` as the read of `dir` under `key`, made now (a read known another way: the same
 * files read for another directory); not when a command that can write `dir` runs.
 */
function keepWhileQuiet(cache, key, dir, value) {
    if (touched(dir, started))
        return;
    cache.set(key, { mark: started, value: Promise.resolve(value), settled: { value, quiet: true } });
}
/**
 * The read of `dir` under `key` made earlier, when no command that can write `dir` has started
 * since it began and none runs now (or only sandboxed ones it survives, now ended), and
 * `unchanged` says its sources are as they were; else `read()` again (kept for the next call
 * only when no such command runs while it starts). A read that fails is not kept.
 */
function whileQuiet(cache, key, dir, read, options = {}) {
    const known = cache.get(key);
    if (known && reusable(known, dir, options))
        return known.value;
    const value = read();
    if (touched(dir, started)) {
        cache.delete(key);
        return value;
    }
    const memo = { mark: started, value };
    cache.set(key, memo);
    value.then((v) => {
        memo.settled = { value: v, quiet: !touched(dir, memo.mark) };
    }, () => {
        if (cache.get(key) === memo)
            cache.delete(key);
    });
    return value;
}
function reusable(known, dir, options) {
    const { unchanged = () => true, survivesSandboxed } = options;
    if (!touched(dir, known.mark))
        return !known.settled || unchanged(known.settled.value);
    // A read made while a command ran may have seen the command's writes half done.
    if (!known.settled?.quiet || !survivesSandboxed?.(known.settled.value))
        return false;
    return !touched(dir, known.mark, false) && unchanged(known.settled.value);
}


/***/ }),

/***/ 87957:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D5: () => (/* binding */ pinBase),
/* harmony export */   Hn: () => (/* binding */ headAndChanges),
/* harmony export */   IA: () => (/* binding */ assertRepoContains),
/* harmony export */   Lt: () => (/* binding */ repoInfo),
/* harmony export */   YP: () => (/* binding */ cleanHead)
/* harmony export */ });
/* unused harmony exports dirtyPaths, isClean, assertCleanRepo */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(12474);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(10297);
/* harmony import */ var _quiet_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(80117);





const repoInfos = new Map();
/**
 * What says where the repository of `dir` is: `dir` itself and the `.git` at the top, a directory
 * (whose contents git's own calls change all the time) by its identity, a file (a worktree's
 * `gitdir:` line) by its stat.
 */
function placeSignature(dir, root) {
    return [dir, node_path__WEBPACK_IMPORTED_MODULE_1__.join(root, '.git')]
        .map((p) => {
        try {
            const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(p, { bigint: true });
            return stat.isDirectory() ? `d${stat.ino}` : `${stat.ino}:${stat.mtimeNs}:${stat.ctimeNs}`;
        }
        catch {
            return '-';
        }
    })
        .join(',');
}
/**
 * Where the repository containing `dir` is; throws `NotAGitRepositoryError` for a non-git or bare
 * directory. Asked of git once and reused while no repository command has run and neither `dir`
 * nor the `.git` at the top changed (`quiet.ts`).
 */
async function repoInfo(dir) {
    const key = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(dir);
    const { signature: _, ...info } = await (0,_quiet_js__WEBPACK_IMPORTED_MODULE_4__/* .whileQuiet */ .US)(repoInfos, key, key, async () => {
        const found = await askRepoInfo(dir);
        return { ...found, signature: placeSignature(key, found.root) };
    }, { unchanged: (known) => placeSignature(key, known.root) === known.signature });
    return info;
}
async function askRepoInfo(dir) {
    let lines;
    try {
        // The fixed hardening only: rev-parse runs no filter or merge driver, so none needs neutralising.
        const out = await (0,_git_js__WEBPACK_IMPORTED_MODULE_3__/* .runGitRaw */ .ig)(dir, [
            ..._git_js__WEBPACK_IMPORTED_MODULE_3__/* .FIXED_HARDENING */ .sR,
            'rev-parse',
            '--path-format=absolute',
            '--is-bare-repository',
            '--show-toplevel',
            '--git-dir',
            '--git-common-dir',
        ]);
        lines = out.stdout.toString('utf8').replace(/\n$/, '').split('\n');
    }
    catch (error) {
        if (error instanceof _git_js__WEBPACK_IMPORTED_MODULE_3__/* .GitError */ .XS)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NotAGitRepositoryError */ .fA(dir, /not a git repository/i.test(error.stderr) ? '' : error.stderr);
        // A directory that does not exist: spawn fails with ENOENT for cwd.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NotAGitRepositoryError */ .fA(dir, error instanceof Error ? error.message : String(error));
    }
    if (lines[0] === 'true')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NotAGitRepositoryError */ .fA(dir, 'it is a bare repository, without a work tree');
    const [, root, gitDir, commonDir] = lines;
    if (!root || !gitDir || !commonDir)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NotAGitRepositoryError */ .fA(dir, 'it has no work tree');
    return { root, gitDir, commonDir };
}
/**
 * The full SHA of the commit `ref` names in `repoDir` (default `HEAD`): the base every task
 * patch is made against. Throws `NotAGitRepositoryError`, or an error naming the ref.
 */
async function pinBase(repoDir, ref = 'HEAD') {
    await repoInfo(repoDir);
    if (ref === '' || ref.startsWith('-'))
        throw new Error(`cannot pin the base of ${repoDir}: ${JSON.stringify(ref)} is not a ref`);
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_3__/* .hardenedGit */ .YW)(repoDir);
    const out = await git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
        okCodes: [0, 1, 128],
    });
    const sha = out.stdout.toString('utf8').trim();
    if (out.code !== 0 || sha === '') {
        const hint = ref === 'HEAD' ? ' (a repository without commits? commit something first)' : '';
        throw new Error(`cannot pin the base of ${repoDir}: ${JSON.stringify(ref)} does not name a commit${hint}`);
    }
    return sha;
}
/**
 * Throws `BaseCommitMissingError` (with git's own error as its cause) unless `repoDir` holds commit
 * `sha`: the one question every stage after the plan asks of its checkout. `hint` says how to get
 * a checkout that has it, in the caller's terms.
 */
async function assertRepoContains(repoDir, sha, hint) {
    try {
        await pinBase(repoDir, sha);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .BaseCommitMissingError */ .vq(repoDir, sha, hint, error);
    }
}
/**
 * The paths `git status` reports as changed in `repoDir` (staged, unstaged, untracked unless
 * excluded; renames as `old -> new`).
 */
async function dirtyPaths(repoDir, options = {}) {
    await repoInfo(repoDir);
    return (await headAndChanges(hardenedGit(repoDir), options)).dirty;
}
/** In `status --porcelain=v2` entries: the fields before the path, by the entry's kind (`?` and `!`: 1). */
const FIELDS_BEFORE_PATH = { '1': 8, '2': 9, u: 10 };
/**
 * The commit HEAD is at ('' without commits) and the paths that differ from it (`dirtyPaths`),
 * from one `git status --porcelain=v2 --branch`.
 */
async function headAndChanges(git, options = {}) {
    const untracked = options.includeUntracked === false ? 'no' : 'all';
    const out = await git.run(['status', '--porcelain=v2', '-z', '--branch', `--untracked-files=${untracked}`]);
    let head = '';
    const dirty = [];
    const fields = (0,_git_js__WEBPACK_IMPORTED_MODULE_3__/* .nulFields */ .R6)(out.stdout);
    for (let i = 0; i < fields.length; i++) {
        const field = fields[i];
        if (field.startsWith('# branch.oid ')) {
            const oid = field.slice('# branch.oid '.length);
            head = oid === '(initial)' ? '' : oid;
        }
        else if (!field.startsWith('#')) {
            // `1 XY … path`, `u XY … path`, `? path`, `! path`; `2 XY … path` is followed by its source path.
            const parts = field.split(' ');
            const kind = parts[0] ?? '';
            const path = parts.slice(FIELDS_BEFORE_PATH[kind] ?? 1).join(' ');
            dirty.push(kind === '2' ? `${fields[++i] ?? ''} -> ${path}` : path);
        }
    }
    return { head, dirty };
}
/**
 * `assertCleanRepo`, and the full SHA of the commit HEAD is at ('' without commits: `pinBase`
 * says why), from one git process.
 */
async function cleanHead(repoDir, options = {}) {
    await repoInfo(repoDir);
    const { head, dirty } = await headAndChanges((0,_git_js__WEBPACK_IMPORTED_MODULE_3__/* .hardenedGit */ .YW)(repoDir), options);
    if (dirty.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DirtyRepositoryError */ .FL(repoDir, dirty);
    return (0,_git_js__WEBPACK_IMPORTED_MODULE_3__/* .isFullSha */ .Wf)(head) ? head : '';
}
async function isClean(repoDir, options = {}) {
    return (await dirtyPaths(repoDir, options)).length === 0;
}
/**
 * Throws `NotAGitRepositoryError` or `DirtyRepositoryError` (listing the paths) unless `repoDir` is
 * a clean git work tree.
 */
async function assertCleanRepo(repoDir, options = {}) {
    const paths = await dirtyPaths(repoDir, options);
    if (paths.length > 0)
        throw new DirtyRepositoryError(repoDir, paths);
}


/***/ }),

/***/ 47860:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IL: () => (/* binding */ removeWorktree),
/* harmony export */   KO: () => (/* binding */ removeStaleWorktrees),
/* harmony export */   Li: () => (/* binding */ indexForRun),
/* harmony export */   MV: () => (/* binding */ createWorktree),
/* harmony export */   VB: () => (/* binding */ worktreeDirectory),
/* harmony export */   _u: () => (/* binding */ withWorktree),
/* harmony export */   dT: () => (/* binding */ restoringWorktree),
/* harmony export */   e6: () => (/* binding */ snapshotWorktree),
/* harmony export */   lp: () => (/* binding */ removeLiveWorktrees),
/* harmony export */   yY: () => (/* binding */ restoreWorktree)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(10297);
/* harmony import */ var _index_seed_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(32611);
/* harmony import */ var _repo_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(87957);








/** A new empty temporary directory for a worktree (its real path), as `createWorktree` makes one. */
async function worktreeDirectory(options = {}) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_4__.join(options.tmpDir ?? node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir(), options.prefix ?? 'ensemble-worktree-')));
}
/**
 * Worktrees are registered and unregistered the way `git worktree add` and `remove` do it, but
 * with the administrative directory (`.git/worktrees/<name>`: `gitdir`, `commondir`, `HEAD`)
 * written whole elsewhere in `.git` and renamed into place, and renamed out again to remove it.
 * So no git reading the worktrees (`worktree list`, `add`, `prune`, another task's) ever sees one
 * half made or half deleted, and parallel tasks of one run create and remove their worktrees side
 * by side, without a lock: `git worktree add` takes none and fails on another `add`'s half-made
 * directory ("failed to read .git/worktrees/…/commondir"), and `prune` deletes it.
 */
/** Creations and removals in flight: what an interrupted process waits for before it cleans up. */
const inFlight = new Set();
function tracked(work) {
    const settled = work.catch(() => { });
    inFlight.add(settled);
    void settled.then(() => inFlight.delete(settled));
    return work;
}
/** The `.git` file of a worktree names its administrative directory; `gitdir` there names that file. */
async function register(commonDir, dir, baseSha) {
    const worktrees = node_path__WEBPACK_IMPORTED_MODULE_4__.join(commonDir, 'worktrees');
    // Failures are the rename's to report: a concurrent prune can delete it as it is made.
    const makeWorktrees = () => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(worktrees, { recursive: true }).catch(() => { });
    await makeWorktrees();
    const staging = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_4__.join(commonDir, 'ensemble-worktree-'));
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_4__.join(staging, 'commondir'), '../..\n');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_4__.join(staging, 'gitdir'), `${node_path__WEBPACK_IMPORTED_MODULE_4__.join(dir, '.git')}\n`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_4__.join(staging, 'HEAD'), `${baseSha}\n`);
        const name = node_path__WEBPACK_IMPORTED_MODULE_4__.basename(dir);
        for (let n = 0, suffix = 0;; n++) {
            const admin = node_path__WEBPACK_IMPORTED_MODULE_4__.join(worktrees, suffix === 0 ? name : `${name}${suffix}`);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_4__.join(dir, '.git'), `gitdir: ${admin}\n`);
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(staging, admin);
                return admin;
            }
            catch (error) {
                const code = error.code;
                if (n >= 100)
                    throw error;
                // `worktrees/` gone: a `git worktree prune` deletes it when it is empty. Made again, same name.
                if (code === 'ENOENT')
                    await makeWorktrees();
                // A name taken (a directory there that is not empty): the next one, as git numbers them.
                else if (code === 'EEXIST' || code === 'ENOTEMPTY')
                    suffix++;
                else
                    throw error;
            }
        }
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(staging, { recursive: true, force: true });
    }
}
/** The worktrees registered in the repository whose shared git directory is `commonDir`: administrative directory and work tree. */
async function registered(commonDir) {
    const worktrees = node_path__WEBPACK_IMPORTED_MODULE_4__.join(commonDir, 'worktrees');
    const names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(worktrees).catch(() => []);
    const found = [];
    for (const name of names) {
        const admin = node_path__WEBPACK_IMPORTED_MODULE_4__.join(worktrees, name);
        const gitdir = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_4__.join(admin, 'gitdir'), 'utf8').catch(() => '')).trim();
        if (gitdir !== '')
            found.push({ admin, dir: node_path__WEBPACK_IMPORTED_MODULE_4__.dirname(node_path__WEBPACK_IMPORTED_MODULE_4__.resolve(admin, gitdir)) });
    }
    return found;
}
/** Unregisters the worktree at `dir` (whatever its `.git` file says now): its administrative directory goes. */
async function unregister(commonDir, dir) {
    for (const worktree of await registered(commonDir)) {
        if (worktree.dir !== dir)
            continue;
        const trash = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_4__.join(commonDir, 'ensemble-removed-'));
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(worktree.admin, node_path__WEBPACK_IMPORTED_MODULE_4__.join(trash, 'admin')).catch((error) => {
                // Gone already: a `git worktree prune` took it once the directory was removed.
                if (error.code !== 'ENOENT')
                    throw error;
            });
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(trash, { recursive: true, force: true });
        }
    }
}
/**
 * Creates a detached worktree of `repoDir` at `baseSha` in a fresh temporary directory. The
 * user's checkout, index and branches are not touched (only `.git/worktrees/<name>` is added).
 */
function createWorktree(repoDir, baseSha, options = {}) {
    return tracked(addWorktree(repoDir, baseSha, options));
}
async function addWorktree(repoDir, baseSha, options) {
    const { root, commonDir } = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_7__/* .repoInfo */ .Lt)(repoDir);
    if (!(0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .isFullSha */ .Wf)(baseSha))
        throw new Error(`cannot create a worktree of ${root}: base ${JSON.stringify(baseSha)} is not a full commit SHA`);
    const tree = options.tree ?? baseSha;
    if (!(0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .isFullSha */ .Wf)(tree))
        throw new Error(`cannot create a worktree of ${root}: tree ${JSON.stringify(tree)} is not a full SHA`);
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .hardenedGit */ .YW)(root);
    const dir = options.dir ?? (await worktreeDirectory(options));
    // Known before git knows it: an interruption while it is made still removes it. The owner file
    // lets a later run remove it when this process is killed (`removeStaleWorktrees`).
    liveWorktrees.set(dir, root);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(ownerFile(dir), `${process.pid}\n`);
    try {
        const admin = await register(commonDir, dir, baseSha);
        // The index and the files, as `git worktree add` checks them out (`reset --hard`); no hook runs.
        // One index file, whole (no split index): it is kept as the seed of the worktree's diffs (`index-seed.ts`).
        await git.run(['-C', dir, '-c', 'core.splitIndex=false', 'read-tree', '--reset', '-u', tree], {
            what: `create a worktree of ${root} at ${tree}`,
        });
        commonDirs.set(dir, commonDir);
        await (0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .shareConfig */ .MI)(root, dir);
        const index = node_path__WEBPACK_IMPORTED_MODULE_4__.join(admin, 'index');
        const [bytes, stats] = await Promise.all([(0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(index), (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(index)]);
        (0,_index_seed_js__WEBPACK_IMPORTED_MODULE_6__/* .rememberIndex */ .Kv)(dir, { base: tree, bytes, mtimeMs: stats.mtimeMs });
    }
    catch (error) {
        await unregister(commonDir, dir).catch(() => { });
        await forceRemove(dir);
        liveWorktrees.delete(dir);
        // Asked only now: checking out a base that is not a commit fails less clearly.
        if (!(await (0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .hasCommit */ .QE)(git, baseSha)))
            throw new Error(`cannot create a worktree of ${root}: base ${baseSha} is not a commit in that repository`);
        throw error;
    }
    return { dir, repoDir: root, baseSha };
}
/** The worktrees this process made and has not removed yet, by directory, with their repository. */
const liveWorktrees = new Map();
/** The shared git directory of each worktree this process made (where its administrative directory is). */
const commonDirs = new Map();
/**
 * Removes every worktree this process made and has not removed yet: for a process that is being
 * interrupted (SIGINT), whose pending `finally` blocks will never run. It first lets the worktree
 * commands in flight finish (up to `waitMs`), so that none registers a worktree after the cleanup.
 * Returns the directories removed; a failure to remove one is skipped, not thrown.
 */
async function removeLiveWorktrees(waitMs = 5_000) {
    const pending = Promise.allSettled([...inFlight]);
    await Promise.race([pending, new Promise((resolve) => setTimeout(resolve, waitMs).unref())]);
    const removed = [];
    for (const [dir, root] of liveWorktrees) {
        const git = (...args) => (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)('git', ['-C', root, ...args], { stdio: 'ignore', env: { PATH: process.env['PATH'] ?? '' } });
        git('worktree', 'remove', '--force', '--force', dir);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(dir, { recursive: true, force: true });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(ownerFile(dir), { force: true });
        git('worktree', 'prune');
        liveWorktrees.delete(dir);
        removed.push(dir);
    }
    return removed;
}
/** Beside each worktree's directory: the id of the process that made it. */
const ownerFile = (dir) => `${dir}.owner`;
/** Whether process `pid` runs (on this machine: worktrees live in its temporary directory). */
function isRunning(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        // EPERM: it runs, as another user.
        return error.code === 'EPERM';
    }
}
/**
 * Removes the worktrees of `repoDir` that an ensemble process made and could not remove because
 * it was killed (SIGKILL, a crash, a closed terminal): those whose owner file names a process that
 * no longer runs. A worktree without an owner file (made by someone else, or by an older version)
 * is never touched. Returns the directories removed.
 */
async function removeStaleWorktrees(repoDir) {
    const { root, commonDir } = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_7__/* .repoInfo */ .Lt)(repoDir);
    const dirs = (await registered(commonDir)).map((worktree) => worktree.dir);
    const removed = [];
    for (const dir of dirs) {
        if (dir === root || liveWorktrees.has(dir))
            continue;
        const owner = Number.parseInt(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(ownerFile(dir), 'utf8').catch(() => ''), 10);
        if (!Number.isInteger(owner) || owner <= 0 || isRunning(owner))
            continue;
        await removeWorktree({ dir, repoDir: root, baseSha: '' });
        removed.push(dir);
    }
    return removed;
}
/**
 * Removes a worktree made by `createWorktree`, as `git worktree remove --force --force` does: the
 * directory, whatever state the commands left it in, then its administrative directory, found
 * from the repository's side, so a worktree whose `.git` file was damaged is still removed.
 */
function removeWorktree(worktree) {
    return tracked(dropWorktree(worktree));
}
async function dropWorktree(worktree) {
    // Known for the worktrees this process made; asked of git for the others (`removeStaleWorktrees`).
    const commonDir = commonDirs.get(worktree.dir) ?? (await (0,_repo_js__WEBPACK_IMPORTED_MODULE_7__/* .repoInfo */ .Lt)(worktree.repoDir)).commonDir;
    try {
        await forceRemove(worktree.dir);
    }
    finally {
        await unregister(commonDir, worktree.dir);
        liveWorktrees.delete(worktree.dir);
        commonDirs.delete(worktree.dir);
        (0,_index_seed_js__WEBPACK_IMPORTED_MODULE_6__/* .forgetIndex */ .cz)(worktree.dir);
    }
}
/**
 * Runs `fn` in a fresh detached worktree of `repoDir` at `baseSha` and always removes the
 * worktree afterwards, also when `fn` throws (then `fn`'s error is the one thrown).
 */
async function withWorktree(repoDir, baseSha, fn, options) {
    const worktree = await createWorktree(repoDir, baseSha, options);
    let result;
    try {
        result = await fn(worktree.dir);
    }
    catch (error) {
        await removeWorktree(worktree).catch(() => { });
        throw error;
    }
    await removeWorktree(worktree);
    return result;
}
/** Records every file of a worktree (tracked or not, not ignored) as a tree, to restore it later. */
async function snapshotWorktree(dir) {
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .worktreeGit */ .Oi)(dir);
    const what = `record the work tree of ${dir}`;
    // Stat information decides which files are hashed again: all of it, whatever the configuration says.
    await git.run(['-c', 'core.trustctime=true', '-c', 'core.checkStat=default', 'add', '--all'], { what });
    return git.text(['write-tree'], { what });
}
/**
 * Puts a worktree back to a recorded tree; untracked files that are not ignored go too, a nested
 * git repository among them (`-f -f`): left, the next recording would take it in as a submodule.
 */
async function restoreWorktree(dir, tree) {
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .worktreeGit */ .Oi)(dir);
    const what = `restore the work tree of ${dir}`;
    await git.run(['read-tree', '--reset', '-u', tree], { what });
    await git.run(['clean', '-f', '-f', '-d', '-q'], { what });
}
/**
 * Runs `fn` and then puts the worktree back the way it was before, also when `fn` throws: what
 * `fn` wrote outside ignored paths is undone (ignored paths such as node_modules keep it). The
 * worktree's index holds its files while `fn` runs (`indexForRun`).
 */
async function restoringWorktree(dir, fn) {
    const before = await indexForRun(dir);
    try {
        return await fn();
    }
    finally {
        await restoreWorktree(dir, before);
    }
}
/**
 * Makes the worktree's index hold its files, for a command about to run there (a test command may
 * ask git what is tracked), and returns the tree to put back after it (`restoreWorktree`).
 * `recorded`: the tree the files were recorded as just before, read into the index (unless it holds
 * it already) instead of recording the files again.
 */
async function indexForRun(dir, recorded) {
    if (recorded === undefined)
        return snapshotWorktree(dir);
    if (!recorded.indexed) {
        // Without `-u`: the files stay; entries whose content is unchanged keep their stat information.
        await (0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .worktreeGit */ .Oi)(dir).run(['read-tree', '--reset', recorded.tree], { what: `record the work tree of ${dir}` });
    }
    return recorded.tree;
}
/** `rm -rf`, also through directories a command made unreadable or unwritable. */
async function forceRemove(dir) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(ownerFile(dir), { force: true });
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(dir, { recursive: true, force: true, maxRetries: 2 });
    }
    catch {
        await makeWritable(dir);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(dir, { recursive: true, force: true, maxRetries: 2 });
    }
}
async function makeWritable(dir) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.chmod)(dir, 0o700).catch(() => { });
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
        if (entry.isDirectory())
            await makeWritable(node_path__WEBPACK_IMPORTED_MODULE_4__.join(dir, entry.name));
    }
}


/***/ })

};
