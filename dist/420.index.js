export const id = 420;
export const ids = [420];
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
// EXTERNAL MODULE: ./lib/agent/paths.js
var paths = __webpack_require__(74889);
// EXTERNAL MODULE: ./lib/workspace/index.js + 2 modules
var workspace = __webpack_require__(30514);
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
    return text.replace(URL_USERINFO, (whole, scheme, userinfo) => (0,workspace/* isCredentialUserInfo */.rQ)(scheme, userinfo) ? scheme : whole);
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
        if (ownScratch)
            await (0,promises_.rm)(scratch, { recursive: true, force: true }).catch(() => { });
        if (gitView)
            await (0,promises_.rm)(gitView, { recursive: true, force: true }).catch(() => { });
    }
}


/***/ }),

/***/ 25420:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HB: () => (/* binding */ chooseEnvironment)
/* harmony export */ });
/* unused harmony exports detectSetup, pinnedPackageManager, justRecipe, detectTestCommandWithSetup */
/* harmony import */ var _agent_sandbox_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(23076);
/* harmony import */ var _test_runner_output_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25836);
/**
 * How a repository installs its dependencies and runs its tests, read from its own files
 * (lockfiles, `packageManager`, manifests), without running anything: what `ensemble run` does
 * when `.github/ensemble.yml` has no `setup:`, and what `ensemble validate` explains.
 *
 * Every detected command is a fixed string: nothing read from the repository is put into a
 * command unless it matched a strict pattern first (a version number, a plain file name).
 */


/** A `packageManager` version that may be put in a command: digits, dots and a plain pre-release tag. */
const SAFE_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?$/;
/** A file name that may be put in a command as it is. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/**
 * Every install step the repository's top-level files call for, one per ecosystem, in this
 * order: JavaScript (bun, pnpm, yarn, npm), Python (uv, poetry, pipenv, requirements files,
 * pyproject.toml), Go, Cargo, Bundler; a Makefile or justfile target (`deps`, `setup`, …) only
 * when none of these fits. Empty when nothing needs installing.
 */
function detectSetup({ files, read }) {
    const has = new Set(files);
    const found = [
        javascriptSetup(has, read),
        pythonSetup(has, files, read),
        has.has('go.mod') ? goSetup() : null,
        has.has('Cargo.toml') ? cargoSetup(has) : null,
        has.has('Gemfile') ? bundlerSetup(has) : null,
    ].filter((s) => s !== null);
    if (found.length > 0)
        return found;
    const target = taskRunnerSetup(has, read);
    return target ? [target] : [];
}
function parsePackageJson(text) {
    if (text === null)
        return null;
    try {
        const parsed = JSON.parse(text);
        return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : null;
    }
    catch {
        return null;
    }
}
/** `packageManager: "pnpm@9.1.0+sha512…"` → pnpm 9.1.0; null when absent or not a plain version. */
function pinnedPackageManager(pkg) {
    const field = pkg?.packageManager;
    if (typeof field !== 'string')
        return null;
    const match = /^(npm|pnpm|yarn|bun)@([^+\s]+)(?:\+\S*)?$/.exec(field.trim());
    if (!match || !SAFE_VERSION.test(match[2]))
        return null;
    return { name: match[1], version: match[2] };
}
function hasDependencies(pkg) {
    if (!pkg)
        return false;
    const nonEmpty = (v) => v !== null && typeof v === 'object' && Object.keys(v).length > 0;
    return nonEmpty(pkg.dependencies) || nonEmpty(pkg.devDependencies) || nonEmpty(pkg.optionalDependencies);
}
/**
 * pnpm and yarn through corepack, which runs the version `packageManager` pins and keeps it in
 * its cache under HOME (COREPACK_HOME): setup downloads it with network, and later network-less
 * commands (`pnpm test` through corepack's shims) find it there. Where corepack cannot get the
 * package manager (Node 25 and later do not ship corepack; a registry mirror that serves no
 * signatures makes it refuse every download: "No compatible signature found in package
 * metadata"), npx fetches the pinned version, or the current major's latest, as npm fetches the
 * repository's own dependencies. `--version` asks corepack for the package manager alone, so
 * that an install that fails for its own reasons is not run a second time through npx.
 */
function viaCorepack(tool, npxPackage, args) {
    const corepack = `COREPACK_ENABLE_DOWNLOAD_PROMPT=0 corepack ${tool}`;
    // The repository's own scripts call the package manager by name (`"test": "pnpm build && …"`):
    // a shim in HOME's COMMAND_BIN_DIR, which every command has on PATH, runs the same version
    // from the cache the install filled, without network.
    const bin = `"$HOME/${_agent_sandbox_js__WEBPACK_IMPORTED_MODULE_0__/* .COMMAND_BIN_DIR */ .qq}"`;
    const corepackShim = `COREPACK_ENABLE_DOWNLOAD_PROMPT=0 corepack enable --install-directory ${bin} ${tool}`;
    const npxShim = `mkdir -p ${bin} && printf '#!/bin/sh\\nexec npx --offline --yes ${npxPackage} "$@"\\n' > ${bin}/${tool} && ` +
        `chmod +x ${bin}/${tool}`;
    return (`if command -v corepack >/dev/null 2>&1 && ${corepack} --version >/dev/null 2>&1; ` +
        `then ${corepack} ${args} && ${corepackShim}; else npx --yes ${npxPackage} ${args} && ${npxShim}; fi`);
}
function javascriptSetup(has, read) {
    if (!has.has('package.json'))
        return null;
    const pkg = parsePackageJson(read('package.json'));
    const pin = pinnedPackageManager(pkg);
    const pinned = (name) => (pin?.name === name ? `, ${name} ${pin.version} pinned by packageManager` : '');
    const version = (name) => (pin?.name === name ? pin.version : null);
    if (has.has('bun.lock') || has.has('bun.lockb') || pin?.name === 'bun') {
        const lock = has.has('bun.lock') ? 'bun.lock' : 'bun.lockb';
        const frozen = has.has('bun.lock') || has.has('bun.lockb') ? ' --frozen-lockfile' : '';
        const why = frozen ? `${lock} found` : 'packageManager names bun';
        return { tool: 'bun', commands: [`bun install${frozen}`], reason: why };
    }
    if (has.has('pnpm-lock.yaml') || pin?.name === 'pnpm') {
        const frozen = has.has('pnpm-lock.yaml') ? ' --frozen-lockfile' : '';
        const why = has.has('pnpm-lock.yaml') ? 'pnpm-lock.yaml found' : 'packageManager names pnpm';
        return {
            tool: 'pnpm',
            commands: [viaCorepack('pnpm', `pnpm@${version('pnpm') ?? 'latest'}`, `install${frozen}`)],
            reason: `${why}${pinned('pnpm')}`,
        };
    }
    if (has.has('yarn.lock') || pin?.name === 'yarn') {
        const lock = read('yarn.lock') ?? '';
        const berry = has.has('.yarnrc.yml') || /^__metadata:/m.test(lock) || (pin?.name === 'yarn' && !pin.version.startsWith('1.'));
        const why = has.has('yarn.lock') ? 'yarn.lock found' : 'packageManager names yarn';
        if (berry) {
            const what = has.has('.yarnrc.yml') ? ' with .yarnrc.yml (yarn berry)' : ' (yarn berry)';
            const immutable = has.has('yarn.lock') ? ' --immutable' : '';
            return {
                tool: 'yarn-berry',
                commands: [viaCorepack('yarn', `@yarnpkg/cli-dist@${version('yarn') ?? 'latest'}`, `install${immutable}`)],
                reason: `${why}${what}${pinned('yarn')}`,
            };
        }
        const frozen = has.has('yarn.lock') ? ' --frozen-lockfile' : '';
        return {
            tool: 'yarn',
            commands: [viaCorepack('yarn', `yarn@${version('yarn') ?? '1'}`, `install${frozen} --non-interactive`)],
            reason: `${why} (yarn classic)${pinned('yarn')}`,
        };
    }
    const npmLock = ['package-lock.json', 'npm-shrinkwrap.json'].find((f) => has.has(f));
    if (npmLock)
        return { tool: 'npm', commands: ['npm ci --no-audit --no-fund'], reason: `${npmLock} found` };
    if (hasDependencies(pkg)) {
        // No lockfile to keep: install what package.json asks for without writing one.
        return {
            tool: 'npm',
            commands: ['npm install --no-package-lock --no-audit --no-fund'],
            reason: 'package.json has dependencies and no lockfile',
        };
    }
    return null;
}
// ---------------------------------------------------------------------------------------------
// Python: every install goes into `.venv` in the checkout, so that it travels with the checkout
// and nothing is written outside it; the test command then runs `.venv/bin/python -m pytest`.
const REQUIREMENTS = /^(?:requirements(?:[-_.][A-Za-z0-9_-]+)?|(?:dev|test|tests)[-_]requirements)\.txt$/;
function pythonSetup(has, files, read) {
    if (has.has('uv.lock')) {
        return {
            tool: 'uv',
            // The project itself is not installed: an editable install would point at this checkout,
            // not at each agent's; tests import it from the checkout they run in.
            commands: ['uv sync --frozen --all-extras --no-install-project'],
            reason: 'uv.lock found',
            venv: true,
        };
    }
    if (has.has('poetry.lock')) {
        return {
            tool: 'poetry',
            commands: ['POETRY_VIRTUALENVS_IN_PROJECT=true poetry install --no-interaction --no-root --all-extras'],
            reason: 'poetry.lock found',
            venv: true,
        };
    }
    if (has.has('Pipfile.lock')) {
        return {
            tool: 'pipenv',
            commands: ['PIPENV_VENV_IN_PROJECT=1 pipenv sync --dev'],
            reason: 'Pipfile.lock found',
            venv: true,
        };
    }
    const requirements = files.filter((f) => !f.includes('/') && REQUIREMENTS.test(f) && SAFE_NAME.test(f)).sort();
    const venv = 'python3 -m venv .venv && .venv/bin/python -m pip install --upgrade pip';
    if (requirements.length > 0) {
        const args = requirements.map((f) => `-r ${f}`).join(' ');
        return {
            tool: 'pip',
            commands: [`${venv} && .venv/bin/python -m pip install ${args}`],
            reason: `${requirements.join(', ')} found`,
            venv: true,
        };
    }
    if (has.has('pyproject.toml')) {
        const text = read('pyproject.toml') ?? '';
        if (!/^\[(?:project|build-system)\]/m.test(text))
            return null;
        const extras = optionalDependencyGroups(text).filter((g) => ['dev', 'test', 'tests', 'testing'].includes(g));
        const target = extras.length > 0 ? `'.[${extras.join(',')}]'` : '.';
        const why = extras.length > 0 ? ` (extras ${extras.join(', ')})` : '';
        // pip installs the project to get its dependencies; the project itself is then removed again,
        // as uv and poetry never install it: a copy in .venv is the base's code, and a src-layout
        // project's tests would import it instead of the agent's change (`PYTHONPATH=src` instead).
        const name = projectName(text);
        const uninstall = name ? ` && .venv/bin/python -m pip uninstall -y ${name}` : '';
        return {
            tool: 'pip',
            commands: [`${venv} && .venv/bin/python -m pip install ${target}${uninstall}`],
            reason: `pyproject.toml found${why}${name ? `; ${name} itself is imported from each checkout` : ''}`,
            venv: true,
        };
    }
    return null;
}
/** `[project] name`, when it is a plain distribution name (it goes into a shell command). */
function projectName(pyproject) {
    const section = /^\[project\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(pyproject)?.[1] ?? '';
    const name = /^name\s*=\s*["']([^"']+)["']\s*$/m.exec(section)?.[1] ?? null;
    return name !== null && /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(name) ? name : null;
}
/** The keys of `[project.optional-dependencies]`. */
function optionalDependencyGroups(pyproject) {
    const section = /^\[project\.optional-dependencies\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(pyproject)?.[1] ?? '';
    return [...section.matchAll(/^([A-Za-z0-9_-]+)\s*=/gm)].map((m) => m[1]);
}
// ---------------------------------------------------------------------------------------------
// Go, Cargo, Bundler
function goSetup() {
    // -modcacherw: Go makes its module cache read-only, which no clean-up could then remove.
    return { tool: 'go', commands: ['GOFLAGS=-modcacherw go mod download'], reason: 'go.mod found' };
}
function cargoSetup(has) {
    const locked = has.has('Cargo.lock');
    return {
        tool: 'cargo',
        commands: [locked ? 'cargo fetch --locked' : 'cargo fetch'],
        reason: locked ? 'Cargo.toml and Cargo.lock found' : 'Cargo.toml found',
    };
}
function bundlerSetup(has) {
    // Gems go under HOME (a `~` path Bundler expands when it reads it, so the same setting works
    // in every later HOME the installed result is copied to); the system's gem directory is
    // read-only in the sandbox.
    return {
        tool: 'bundler',
        commands: ["bundle config set --global path '~/.ensemble-gems' && bundle install"],
        reason: has.has('Gemfile.lock') ? 'Gemfile.lock found' : 'Gemfile found',
    };
}
// ---------------------------------------------------------------------------------------------
// Makefile and justfile: only when no package manager fits
const INSTALL_TARGETS = ['deps', 'dependencies', 'install-deps', 'setup', 'bootstrap'];
const MAKEFILES = ['GNUmakefile', 'makefile', 'Makefile'];
const JUSTFILES = ['justfile', 'Justfile', '.justfile'];
/** A rule `name:` (not `name := value`), alone or among other targets. */
function makeTarget(text, name) {
    return new RegExp(`^(?:[^\\s:#=]+[ \\t]+)*${name}(?:[ \\t]+[^\\s:#=]+)*[ \\t]*::?(?!=)`, 'm').test(text);
}
/** A just recipe `name:` or `name arg:` (not `name := value`). */
function justRecipe(text, name) {
    return new RegExp(`^@?${name}(?:[ \\t]+[^:=\\n]*)?:(?!=)`, 'm').test(text);
}
function taskRunnerSetup(has, read) {
    for (const file of MAKEFILES) {
        if (!has.has(file))
            continue;
        const text = read(file) ?? '';
        const target = INSTALL_TARGETS.find((t) => makeTarget(text, t));
        if (target)
            return { tool: 'make', commands: [`make ${target}`], reason: `${file} has a \`${target}\` target` };
    }
    for (const file of JUSTFILES) {
        if (!has.has(file))
            continue;
        const text = read(file) ?? '';
        const recipe = INSTALL_TARGETS.find((t) => justRecipe(text, t));
        if (recipe)
            return { tool: 'just', commands: [`just ${recipe}`], reason: `${file} has a \`${recipe}\` recipe` };
    }
    return null;
}
// ---------------------------------------------------------------------------------------------
// The test command
/** A Python package under src/ (`src/<name>/__init__.py`) and none of that name at the top. */
function isSrcLayout(files) {
    const has = new Set(files);
    return files.some((f) => {
        const m = /^src\/([A-Za-z_][A-Za-z0-9_]*)\/__init__\.py$/.exec(f);
        return m !== null && !has.has(`${m[1]}/__init__.py`);
    });
}
/**
 * The command that runs the repository's tests: `detectTestCommand`'s, run with the virtual
 * environment's Python when the setup makes one (`pytest` alone would not be on PATH), else
 * Bundler's `rspec`/`rake test`, else a justfile's `test` recipe. Null when nothing fits.
 */
function detectTestCommandWithSetup(repo, setup) {
    const { files, read } = repo;
    const found = (0,_test_runner_output_js__WEBPACK_IMPORTED_MODULE_1__/* .detectTestCommand */ .HK)(files, read);
    if (found?.command === 'pytest' && setup.some((s) => s.venv)) {
        // A src layout is importable only installed, or with src/ on the path: the checkout's own.
        if (isSrcLayout(files)) {
            return {
                command: 'PYTHONPATH=src .venv/bin/python -m pytest',
                source: `${found.source}, with the .venv setup makes and the src/ layout's packages`,
            };
        }
        return { command: '.venv/bin/python -m pytest', source: `${found.source}, with the .venv setup makes` };
    }
    if (found)
        return found;
    const has = new Set(files);
    if (has.has('Gemfile')) {
        if (has.has('.rspec') || files.some((f) => f.startsWith('spec/') && f.endsWith('_spec.rb')))
            return { command: 'bundle exec rspec', source: 'Gemfile and spec/ files' };
        const rakefile = read('Rakefile') ?? '';
        if (/TestTask|^\s*task\s*\(?\s*:test\b/m.test(rakefile))
            return { command: 'bundle exec rake test', source: 'Rakefile test task' };
    }
    for (const file of JUSTFILES) {
        if (has.has(file) && justRecipe(read(file) ?? '', 'test'))
            return { command: 'just test', source: `${file} test recipe` };
    }
    return null;
}
/**
 * What a run installs and how it tests, from the configuration and the repository's files: an
 * explicit `setup:` (even one command) replaces detection, as an explicit `test-command` does.
 */
function chooseEnvironment(config, repo) {
    const detected = detectSetup(repo);
    let setup;
    if (config.setup.length > 0) {
        setup = { commands: [...config.setup], source: 'configuration', reason: '`setup` in the configuration', detected };
    }
    else if (detected.length > 0) {
        setup = {
            commands: detected.flatMap((d) => d.commands),
            source: 'detected',
            reason: detected.map((d) => d.reason).join('; '),
            detected,
        };
    }
    else {
        setup = {
            commands: [],
            source: 'none',
            reason: 'no lockfile or manifest that needs an install (package.json dependencies, pyproject.toml, go.mod, …)',
            detected,
        };
    }
    const configured = config['test-command'];
    if (configured) {
        return {
            setup,
            test: { command: configured, source: 'configuration', reason: '`test-command` in the configuration' },
        };
    }
    // A configured setup may make a .venv too, but only a detected one is known to.
    const found = detectTestCommandWithSetup(repo, setup.source === 'detected' ? detected : []);
    const test = found
        ? { command: found.command, source: 'detected', reason: found.source }
        : {
            command: null,
            source: 'none',
            reason: 'none found (package.json `test` script, pytest, go.mod, Cargo.toml, a Makefile or justfile `test`)',
        };
    return { setup, test };
}


/***/ }),

/***/ 25836:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HK: () => (/* binding */ detectTestCommand),
/* harmony export */   J2: () => (/* binding */ MAX_EXCERPT_CHARS),
/* harmony export */   T9: () => (/* binding */ MAX_FAILURES),
/* harmony export */   kL: () => (/* binding */ markAtBase),
/* harmony export */   q_: () => (/* binding */ classifyTestRun),
/* harmony export */   vN: () => (/* binding */ parseTestOutput)
/* harmony export */ });
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28805);
/**
 * What the test stage knows about test runners, without running anything: which command runs a
 * repository's tests (detect), what a run's output says — counts and failing tests, for the
 * common runners (parse) — and what a run's status is (classify).
 */

/** npm's placeholder when `npm init` wrote the package: it always fails and tests nothing. */
const NPM_PLACEHOLDER = /no test specified/i;
/** A `test` target in a Makefile: `test:`, `test::`, or `lint test:` (not `test := value`). */
const MAKE_TEST_TARGET = /^(?:[^\s:#=]+[ \t]+)*test(?:[ \t]+[^\s:#=]+)*[ \t]*::?(?!=)/m;
const MAKEFILES = ['GNUmakefile', 'makefile', 'Makefile'];
function isPytestFile(file) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    return /^test_.*\.py$/.test(name) || /^[^/]+_test\.py$/.test(name);
}
/**
 * The command that runs the repository's tests, from its files (repository-relative paths and a
 * reader of their contents, null for a missing or unreadable file), in this order:
 * `package.json` `scripts.test` (not npm's "no test specified" placeholder) → `npm test`;
 * pytest configuration (`pytest.ini`, `pyproject.toml` `[tool.pytest…]`, `setup.cfg`
 * `[tool:pytest]`, `tox.ini` `[pytest]`, `conftest.py`) or `test_*.py` files at the top or under
 * `tests/`/`test/` → `pytest`; `go.mod` → `go test -v ./...`; `Cargo.toml` → `cargo test --no-fail-fast`; a Makefile
 * with a `test` target → `make test`. Null when nothing matches.
 */
function detectTestCommand(files, read) {
    const has = new Set(files);
    if (has.has('package.json')) {
        const script = npmTestScript(read('package.json'));
        if (script !== null && !NPM_PLACEHOLDER.test(script))
            return { command: 'npm test', source: 'package.json scripts.test' };
    }
    const pytest = pytestSource(has, files, read);
    if (pytest)
        return { command: 'pytest', source: pytest };
    // -v: without it go prints no line for a passing test, so nobody could say how many passed.
    if (has.has('go.mod'))
        return { command: 'go test -v ./...', source: 'go.mod' };
    // --no-fail-fast: else cargo stops at the first failing test binary, and the others' tests go uncounted.
    if (has.has('Cargo.toml'))
        return { command: 'cargo test --no-fail-fast', source: 'Cargo.toml' };
    for (const makefile of MAKEFILES) {
        if (!has.has(makefile))
            continue;
        const text = read(makefile);
        if (text !== null && MAKE_TEST_TARGET.test(text))
            return { command: 'make test', source: `${makefile} test target` };
    }
    return null;
}
function npmTestScript(text) {
    if (text === null)
        return null;
    try {
        const pkg = JSON.parse(text);
        const script = pkg?.scripts?.test;
        return typeof script === 'string' && script.trim() !== '' ? script : null;
    }
    catch {
        return null;
    }
}
function pytestSource(has, files, read) {
    if (has.has('pytest.ini'))
        return 'pytest.ini';
    if (has.has('pyproject.toml') && /^\[tool\.pytest(?:\.ini_options)?\]/m.test(read('pyproject.toml') ?? ''))
        return 'pyproject.toml [tool.pytest]';
    if (has.has('setup.cfg') && /^\[tool:pytest\]/m.test(read('setup.cfg') ?? ''))
        return 'setup.cfg [tool:pytest]';
    if (has.has('tox.ini') && /^\[pytest\]/m.test(read('tox.ini') ?? ''))
        return 'tox.ini [pytest]';
    if (has.has('conftest.py'))
        return 'conftest.py';
    const testFile = files.find((f) => isPytestFile(f) && (!f.includes('/') || f.startsWith('tests/') || f.startsWith('test/')));
    return testFile ? `Python tests (${testFile})` : null;
}
const MAX_EXCERPT_CHARS = 2_000;
const MAX_FAILURES = 200;
function lastNumber(text, pattern) {
    let value = null;
    for (const m of text.matchAll(pattern))
        value = Number(m[1]);
    return value;
}
function sumNumbers(text, pattern) {
    let total = null;
    for (const m of text.matchAll(pattern))
        total = (total ?? 0) + Number(m[1]);
    return total;
}
class FailureList {
    items = [];
    #seen = new Set();
    add(name, excerpt = '') {
        const clean = name.trim();
        if (clean === '' || this.#seen.has(clean) || this.items.length >= MAX_FAILURES)
            return;
        this.#seen.add(clean);
        this.items.push({ name: clean.slice(0, 1_000), excerpt: (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .clipExcerpt */ .sr)(excerpt, MAX_EXCERPT_CHARS) });
    }
}
/** Lines after `start` while they are blank or indented deeper than `indent`. */
function indentedBlock(lines, start, indent) {
    const out = [];
    for (let i = start; i < lines.length; i++) {
        const line = lines[i] ?? '';
        if (line.trim() !== '' && leading(line) <= indent)
            break;
        out.push(line);
    }
    return out;
}
function leading(line) {
    return line.length - line.trimStart().length;
}
/** Stack frames (`    at fn (file:1:2)`) dropped; the `{` that opens an error's properties on the last frame kept. */
function withoutStack(lines) {
    return lines.flatMap((line) => {
        const frame = /^(\s+)at .*?( \{)?$/.exec(line);
        if (!frame)
            return [line];
        return frame[2] ? [`${frame[1]}{`] : [];
    });
}
function dedent(lines) {
    const indents = lines.filter((l) => l.trim() !== '').map(leading);
    const min = indents.length > 0 ? Math.min(...indents) : 0;
    return lines.map((l) => l.slice(Math.min(min, leading(l)))).join('\n');
}
/**
 * Counts and failing tests from a test command's output, for the runners whose summaries are
 * recognisable: node:test (TAP `# pass N` and spec `ℹ pass N`), vitest, jest, pytest, go test,
 * cargo test, mocha, ava, uvu, and a plain `N passed, N failed`. Unknown output gives nulls and no names.
 * Pass the output through `normaliseOutput` first.
 */
function parseTestOutput(raw) {
    const text = (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .stripAnsi */ .aJ)(raw).replace(/\r\n?/g, '\n');
    const lines = text.split('\n');
    const parsed = parseCargo(text, lines) ??
        parsePytest(text, lines) ??
        parseGo(text, lines) ??
        parseVitest(text, lines) ??
        parseJest(text, lines) ??
        parseNodeTap(text, lines) ??
        parseTap(text, lines) ??
        parseNodeSpec(text, lines) ??
        parseMocha(text, lines) ??
        parseAva(text, lines) ??
        parseUvu(text, lines);
    return parsed ?? parsePlain(lines);
}
/** cargo's line when a target does not build: ``error: could not compile `calc` (test "more") due to 1 previous error``. */
const CARGO_COMPILE_ERROR = /^error: could not compile `([^`]+)` \(([^)]+)\)/;
function parseCargo(text, lines) {
    const results = /^test result: (?:ok|FAILED)\./m.test(text);
    if (!results && !lines.some((l) => CARGO_COMPILE_ERROR.test(l)))
        return null;
    const failures = new FailureList();
    // A target that does not compile runs no test: it is one failure, named after the target, whose
    // excerpt is the compiler's errors (printed since the previous `Compiling` or target error).
    let compileErrors = 0;
    let blockStart = 0;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i] ?? '';
        if (/^\s+Compiling /.test(line))
            blockStart = i + 1;
        const m = CARGO_COMPILE_ERROR.exec(line);
        if (!m)
            continue;
        compileErrors++;
        const block = lines.slice(blockStart, i);
        const first = block.findIndex((l) => /^error(?:\[E\d+\])?: /.test(l));
        const errors = first === -1 ? [] : block.slice(first).filter((l) => !/^For more information about /.test(l));
        failures.add(`${m[1]} (${m[2]})`, errors.join('\n').trim() || line);
        blockStart = i + 1;
    }
    const sections = new Map();
    for (let i = 0; i < lines.length; i++) {
        const header = /^---- (.+?) stdout ----$/.exec(lines[i] ?? '');
        if (!header?.[1])
            continue;
        const body = [];
        for (let j = i + 1; j < lines.length; j++) {
            const line = lines[j] ?? '';
            if (/^---- .+ stdout ----$/.test(line) || /^failures:$/.test(line) || /^stack backtrace:$/.test(line))
                break;
            body.push(line);
        }
        sections.set(header[1], body.join('\n'));
    }
    for (const line of lines) {
        const m = /^test (.+?) \.\.\. FAILED$/.exec(line);
        if (m?.[1])
            failures.add(m[1], sections.get(m[1]) ?? '');
    }
    return {
        format: 'cargo',
        passed: sumNumbers(text, /^test result: \w+\. (\d+) passed;/gm) ?? 0,
        failed: (sumNumbers(text, /^test result: \w+\. \d+ passed; (\d+) failed;/gm) ?? 0) + compileErrors,
        failures: failures.items,
    };
}
/** pytest's closing line: `=== 2 failed, 10 passed, 1 error in 0.12s ===`, or the same bare with `-q`. */
const PYTEST_SUMMARY = /^(?:=+ )?((?:\d+ (?:failed|passed|skipped|deselected|xfailed|xpassed|errors?|warnings?)(?:, )?)+)(?: in [\d.]+s(?: \([^)]*\))?)(?: =+)?$/m;
function parsePytest(text, lines) {
    const summaries = [...text.matchAll(new RegExp(PYTEST_SUMMARY.source, 'gm'))];
    const noTests = /^=+ no tests ran in [\d.]+s =+$/m.test(text);
    if (summaries.length === 0 && !noTests)
        return null;
    const summary = summaries.at(-1)?.[1] ?? '';
    const count = (what) => {
        const m = what.exec(summary);
        return m ? Number(m[1]) : 0;
    };
    const sections = new Map();
    for (let i = 0; i < lines.length; i++) {
        const header = /^_{3,} (.+?) _{3,}$/.exec(lines[i] ?? '');
        if (!header?.[1])
            continue;
        const body = [];
        for (let j = i + 1; j < lines.length; j++) {
            const line = lines[j] ?? '';
            if (/^_{3,} .+ _{3,}$/.test(line) || /^={3,}.*={3,}$/.test(line))
                break;
            body.push(line);
        }
        // A module that fails to import is reported as `ERROR collecting tests/test_x.py`, named by its path.
        const name = header[1].replace(/^ERROR at (?:setup|teardown) of /, '').replace(/^ERROR collecting /, '');
        sections.set(name, body.join('\n'));
    }
    const failures = new FailureList();
    for (const line of lines) {
        const m = /^(FAILED|ERROR) (\S+)(?: - (.*))?$/.exec(line);
        if (!m?.[2])
            continue;
        const id = m[2];
        const key = id.split('::').slice(1).join('.').replace(/\[.*$/, '');
        const param = id.split('::').slice(1).join('.');
        failures.add(id, sections.get(param) ?? sections.get(key) ?? sections.get(id) ?? m[3] ?? '');
    }
    return {
        format: 'pytest',
        passed: count(/(\d+) passed/),
        failed: count(/(\d+) failed/) + count(/(\d+) errors?/),
        failures: failures.items,
    };
}
/** go test's per-package line: `ok  	example.com/m	0.002s`, `FAIL	example.com/m [build failed]`. */
const GO_PACKAGE = /^(ok|FAIL)[ \t]+(\S+)[ \t]+(?:[\d.]+s\b|\(cached\)|\[([^\]\n]+)\])/m;
/**
 * go test: tests are the `--- PASS/FAIL` lines, counted without the parents of subtests (a parent
 * passes or fails with its subtests, as node-tap's are counted). Without `-v` go prints no line for
 * a passing test, only `ok` per package, so the passes are then unknown (null) unless no package
 * ran a test at all. A package that does not build (`[build failed]`, `[setup failed]`) runs no test:
 * it is one failure, named after the package, whose excerpt is the compiler's errors.
 */
function parseGo(text, lines) {
    if (!GO_PACKAGE.test(text) && !/^\s*--- (?:FAIL|PASS): /m.test(text))
        return null;
    const failures = new FailureList();
    const results = [];
    for (let i = 0; i < lines.length; i++) {
        const m = /^(\s*)--- (PASS|FAIL): (\S+)/.exec(lines[i] ?? '');
        if (m?.[3])
            results.push({ name: m[3], passed: m[2] === 'PASS', line: i });
    }
    const leaves = results.filter((r) => !results.some((o) => o.name.startsWith(`${r.name}/`)));
    const packages = [...text.matchAll(new RegExp(GO_PACKAGE.source, 'gm'))];
    const unbuilt = packages.filter((m) => m[1] === 'FAIL' && m[3] !== undefined);
    for (const pkg of unbuilt)
        failures.add(pkg[2] ?? '', goBuildErrors(lines, pkg[2] ?? '') || (pkg[0] ?? ''));
    for (const { name, line } of leaves.filter((r) => !r.passed)) {
        const indent = leading(lines[line] ?? '');
        let body = indentedBlock(lines, line + 1, indent).filter((l) => !/^\s*--- (?:PASS|FAIL|SKIP): /.test(l));
        if (body.every((l) => l.trim() === '')) {
            // -v prints a test's log between `=== RUN   Name` and its result.
            let start = line - 1;
            while (start >= 0 && !(lines[start] ?? '').startsWith(`=== RUN   ${name}`))
                start--;
            body = start >= 0 ? lines.slice(start + 1, line).filter((l) => !/^=== (?:RUN|PAUSE|CONT|NAME)\s/.test(l)) : [];
        }
        failures.add(name, dedent(body).trim());
    }
    const verbose = /^=== RUN /m.test(text);
    const ranTests = packages.some((m) => m[3] === undefined);
    const passes = leaves.filter((r) => r.passed).length;
    return {
        format: 'go',
        passed: verbose || !ranTests ? passes : null,
        failed: leaves.filter((r) => !r.passed).length + unbuilt.length,
        failures: failures.items,
    };
}
/** The compiler's errors for a package, printed under `# example.com/m [example.com/m.test]`. */
function goBuildErrors(lines, pkg) {
    const header = lines.findIndex((l) => l === `# ${pkg}` || l.startsWith(`# ${pkg} [`));
    if (header === -1)
        return '';
    const out = [];
    for (let i = header + 1; i < lines.length; i++) {
        const line = lines[i] ?? '';
        if (line.trim() === '' || /^(?:# |ok\s|FAIL\b|PASS\b|\?\s|=== |--- )/.test(line))
            break;
        out.push(line);
    }
    return out.join('\n');
}
/**
 * vitest: one `Tests  2 failed | 3 passed (5)` per run (`Tests  no tests` when no file loaded), summed
 * when a command runs vitest more than once. A file that fails to import runs no test and is listed
 * under `Failed Suites N` (as is a suite whose hook failed): each is one failure, named after the file.
 */
function parseVitest(text, lines) {
    const summaries = [...text.matchAll(/^\s*Tests\s+(.+?)\s+\((\d+)\)\s*$/gm)]
        .map((m) => m[1] ?? '')
        .filter((summary) => /\b(?:passed|failed|skipped|todo)\b/.test(summary));
    const noTests = /^\s*Test Files\s/m.test(text) && /^\s*Tests\s+no tests\s*$/m.test(text);
    if (summaries.length === 0 && !noTests)
        return null;
    const part = (what) => {
        let total = 0;
        for (const summary of summaries)
            total += Number(new RegExp(`(\\d+) ${what}`).exec(summary)?.[1] ?? 0);
        return total;
    };
    const failedSuites = sumNumbers(text, /^⎯+ Failed Suites (\d+) ⎯+$/gm) ?? 0;
    const failures = new FailureList();
    for (let i = 0; i < lines.length; i++) {
        const m = /^\s*FAIL\s+(.+?)\s*$/.exec(lines[i] ?? '');
        if (!m?.[1])
            continue;
        const body = [];
        for (let j = i + 1; j < lines.length; j++) {
            const line = lines[j] ?? '';
            if (/^\s*FAIL\s/.test(line) || /^⎯{3,}/.test(line) || /^\s*Test Files\s/.test(line))
                break;
            body.push(line);
        }
        // `FAIL  broken.test.js [ broken.test.js ]`; with projects ` FAIL   a  a.test.js > t` (the name on a coloured label).
        failures.add(m[1].replace(/\s+\[.*\]$/, '').replace(/\s+/g, ' '), body.join('\n'));
    }
    return {
        format: 'vitest',
        passed: part('passed'),
        failed: part('failed') + failedSuites,
        failures: failures.items,
    };
}
function parseJest(text, lines) {
    // One summary per run; a command that runs jest twice (`jest && jest --ci`, a script per
    // project) prints several, and each run's tests count.
    const summaries = [...text.matchAll(/^Tests:\s+(.*\d+ total)\s*$/gm)].map((m) => m[1] ?? '');
    if (summaries.length === 0)
        return null;
    const part = (what) => {
        let total = 0;
        for (const summary of summaries)
            total += Number(new RegExp(`(\\d+) ${what}`).exec(summary)?.[1] ?? 0);
        return total;
    };
    const failures = new FailureList();
    for (let i = 0; i < lines.length; i++) {
        const m = /^(\s*)● (.+)$/.exec(lines[i] ?? '');
        if (!m?.[2] || m[2].startsWith('Console'))
            continue;
        failures.add(m[2], dedent(indentedBlock(lines, i + 1, (m[1] ?? '').length)));
    }
    return { format: 'jest', passed: part('passed'), failed: part('failed'), failures: failures.items };
}
function parseNodeTap(text, lines) {
    if (!/^# pass \d+$/m.test(text) || !/^# fail \d+$/m.test(text))
        return null;
    const failures = new FailureList();
    for (let i = 0; i < lines.length; i++) {
        const m = /^(\s*)not ok \d+ - (.*?)(?: # (?:SKIP|TODO).*)?$/.exec(lines[i] ?? '');
        if (!m?.[2])
            continue;
        const indent = (m[1] ?? '').length;
        const yaml = indentedBlock(lines, i + 1, indent);
        const body = yaml.join('\n');
        // A suite that failed because a subtest did is named by its subtests.
        if (/failureType: 'subtestsFailed'/.test(body))
            continue;
        const name = m[2].replace(/\\#/g, '#');
        failures.add(name, tapFileOutput(lines, name, body) ?? tapError(yaml));
    }
    return {
        format: 'node-tap',
        passed: lastNumber(text, /^# pass (\d+)$/gm),
        failed: lastNumber(text, /^# fail (\d+)$/gm),
        failures: failures.items,
    };
}
/**
 * node:test runs each file in a child process; a file that fails outside any test (it throws while
 * loading: a syntax error, `require` in an ES module) is reported as a test named after the file
 * whose only error is 'test failed'. The real error is what the child printed to stderr, which the
 * TAP reporter writes as `# ` comments just before the file's `# Subtest:` line.
 */
function tapFileOutput(lines, name, yaml) {
    if (!/^\s*error: 'test failed'$/m.test(yaml))
        return null;
    const subtest = lines.indexOf(`# Subtest: ${name}`);
    const printed = [];
    for (let i = subtest - 1; i >= 0; i--) {
        const m = /^# (.*)$/.exec(lines[i] ?? '');
        if (!m || /^Subtest: /.test(m[1] ?? ''))
            break;
        printed.unshift(m[1] ?? '');
    }
    return childError(printed);
}
/** A child process's stderr without stack frames and Node's closing `Node.js v24.0.0` line; null when empty. */
function childError(printed) {
    const kept = withoutStack(printed).filter((l) => !/^Node\.js v\d+/.test(l));
    const text = dedent(kept).trim();
    return text === '' ? null : text;
}
/** The `error:` (and location) of a TAP YAML diagnostic block. */
function tapError(yaml) {
    const out = [];
    for (let i = 0; i < yaml.length; i++) {
        const line = yaml[i] ?? '';
        const m = /^(\s*)(error|location|expected|actual): ?(.*)$/.exec(line);
        if (!m)
            continue;
        const [, indent = '', key, value = ''] = m;
        if (value === '|-' || value === '|' || value === '>-') {
            const block = indentedBlock(yaml, i + 1, indent.length);
            out.push(`${key}:\n${dedent(block)}`);
        }
        else {
            out.push(`${key}: ${value}`);
        }
    }
    return out.join('\n');
}
/**
 * node-tap (`tap`, whose output off a terminal is TAP 14): every file and every `t.test` is a
 * subtest (`# Subtest: name` … `ok N - name`) and every assertion a test point. Its closing
 * `# { total: 4, pass: 3, fail: 1 }` counts assertions; the counts here are tests, the subtests
 * with no subtests inside (a file with only top-level assertions is one test), because a test is
 * what a user names and what fails or passes as a whole.
 */
function parseTap(text, lines) {
    if (!/^TAP version \d+$/m.test(text) || !/^(?:not )?ok \d+/m.test(text))
        return null;
    const open = [];
    const failures = new FailureList();
    let passed = 0;
    let failed = 0;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i] ?? '';
        if (/^\s*# Subtest: /.test(line)) {
            const parent = open.at(-1);
            if (parent)
                parent.hasSubtests = true;
            open.push({ indent: leading(line), start: i, hasSubtests: false });
            continue;
        }
        const point = /^(\s*)(not )?ok \d+(?: - (.*?))?(?: # .*)?$/.exec(line);
        const subtest = open.at(-1);
        if (!point || subtest?.indent !== (point[1] ?? '').length)
            continue;
        open.pop();
        if (subtest.hasSubtests || / # (?:SKIP|TODO)\b/i.test(line))
            continue;
        if (!point[2]) {
            passed++;
            continue;
        }
        failed++;
        const body = lines.slice(subtest.start + 1, i);
        const firstFailure = body.findIndex((l) => /^\s*not ok \d+/.test(l));
        failures.add(point[3] ?? '', dedent(body.slice(Math.max(firstFailure, 0))).trim());
    }
    return { format: 'tap', passed, failed, failures: failures.items };
}
/**
 * The spec reporter's counterpart of `tapFileOutput`: it prints a file's stderr as is, just before
 * the file's result line (`✖ broken.test.js (12ms)`), after the previous result and its details.
 */
function specFileOutput(lines, result, excerpt) {
    if (excerpt.trim() !== "'test failed'")
        return null;
    const at = lines.indexOf(`✖ ${result}`);
    const printed = [];
    for (let i = at - 1; i >= 0; i--) {
        const line = lines[i] ?? '';
        if (/^\s*[✔✖ℹ▶﹣]/.test(line))
            break;
        printed.unshift(line);
    }
    // Lines indented under the previous result are its details, not this file's output.
    const start = printed.findIndex((l) => l.trim() !== '' && leading(l) === 0);
    return start === -1 ? null : childError(printed.slice(start));
}
function parseNodeSpec(text, lines) {
    if (!/^ℹ pass \d+$/m.test(text) || !/^ℹ fail \d+$/m.test(text))
        return null;
    const failures = new FailureList();
    const section = lines.findIndex((l) => /^✖ failing tests:$/.test(l));
    const strip = (name) => name.replace(/ \([\d.]+m?s\)$/, '');
    if (section !== -1) {
        for (let i = section + 1; i < lines.length; i++) {
            const m = /^(\s*)✖ (.+)$/.exec(lines[i] ?? '');
            if (!m?.[2])
                continue;
            const excerpt = dedent(withoutStack(indentedBlock(lines, i + 1, (m[1] ?? '').length)));
            failures.add(strip(m[2]), specFileOutput(lines, m[2], excerpt) ?? excerpt);
        }
    }
    else {
        for (let i = 0; i < lines.length; i++) {
            const m = /^(\s*)✖ (.+)$/.exec(lines[i] ?? '');
            if (m?.[2])
                failures.add(strip(m[2]), dedent(indentedBlock(lines, i + 1, (m[1] ?? '').length)));
        }
    }
    return {
        format: 'node-spec',
        passed: lastNumber(text, /^ℹ pass (\d+)$/gm),
        failed: lastNumber(text, /^ℹ fail (\d+)$/gm),
        failures: failures.items,
    };
}
/**
 * mocha: `N passing` / `N failing` (pending tests are neither), then each failure numbered, its
 * title over several lines, and its error, whose diff mocha prints partly at column 0. A file that
 * fails to load stops mocha before any test with `Exception during run:`: one failure, named
 * after the file.
 */
function parseMocha(text, lines) {
    const passing = lastNumber(text, /^\s+(\d+) passing\b/gm);
    if (passing === null)
        return mochaException(lines);
    const failing = lastNumber(text, /^\s+(\d+) failing\b/gm) ?? 0;
    const failures = new FailureList();
    const start = lines.findIndex((l) => /^\s+\d+ failing\b/.test(l));
    if (start !== -1) {
        for (let i = start + 1; i < lines.length; i++) {
            const m = /^(\s*)\d+\) (.+)$/.exec(lines[i] ?? '');
            if (!m?.[2])
                continue;
            const indent = m[1] ?? '';
            const title = [m[2]];
            let j = i + 1;
            while (!title.at(-1)?.endsWith(':') && j < lines.length && (lines[j] ?? '').trim() !== '') {
                title.push((lines[j] ?? '').trim());
                j++;
            }
            const name = title.join(' ').replace(/:$/, '');
            let end = j;
            while (end < lines.length && !new RegExp(`^${indent}\\d+\\) `).test(lines[end] ?? ''))
                end++;
            failures.add(name, outdent(withoutStack(lines.slice(j, end))).trim());
            i = end - 1;
        }
    }
    return { format: 'mocha', passed: passing, failed: failing, failures: failures.items };
}
/** Lines less indented by the first non-blank line's indent (lines with less keep what they have). */
function outdent(lines) {
    const first = lines.find((l) => l.trim() !== '');
    const indent = first === undefined ? 0 : leading(first);
    return lines.map((l) => l.slice(Math.min(indent, leading(l)))).join('\n');
}
function mochaException(lines) {
    const at = lines.findIndex((l) => /^\s*Exception during run: /.test(l));
    if (at === -1)
        return null;
    const body = [(lines[at] ?? '').replace(/^\s*Exception during run: /, ''), ...lines.slice(at + 1)];
    const requiredFrom = body.indexOf('Require stack:');
    const frame = body
        .map((l) => /^\s+at (?:.*\()?([^\s()]+?):\d+:\d+\)?$/.exec(l)?.[1])
        .find((f) => f !== undefined && !f.startsWith('node:') && !f.includes('/node_modules/'));
    const requirer = requiredFrom === -1 ? undefined : /^- (.+)$/.exec(body[requiredFrom + 1] ?? '')?.[1];
    const failures = new FailureList();
    failures.add(requirer ?? frame ?? 'mocha', dedent(withoutStack(body)).trim());
    return { format: 'mocha', passed: 0, failed: 1, failures: failures.items };
}
/**
 * AVA's summary (`  3 tests passed`, `  1 test failed`) sits wherever the run ended, often followed
 * by the next command's output. With a failure AVA 6 prints only the failed count: the passes are
 * then its `✔` lines. Each failure's details follow a `─` rule, headed by the test's name.
 */
function parseAva(text, lines) {
    const failedCount = lastNumber(text, /^ {2}(\d+) tests? failed$/gm);
    const passedCount = lastNumber(text, /^ {2}(\d+) tests? passed$/gm);
    if (failedCount === null && passedCount === null)
        return null;
    const marks = lines.filter((l) => /^\s+✔ /.test(l)).length;
    const failures = new FailureList();
    const rule = lines.indexOf('  ─');
    for (const line of lines) {
        const m = /^\s+✘ (?:\[fail\]: )?(.+?)(?: Error thrown in test)?$/.exec(line);
        if (!m?.[1])
            continue;
        const header = rule === -1 ? -1 : lines.indexOf(`  ${m[1]}`, rule);
        const body = [];
        for (let i = header + 1; header !== -1 && i < lines.length && lines[i] !== '  ─'; i++)
            body.push(lines[i] ?? '');
        failures.add(m[1], dedent(body).trim());
    }
    return { format: 'ava', passed: passedCount ?? marks, failed: failedCount ?? 0, failures: failures.items };
}
/**
 * uvu's summary (`  Total:     5`, `  Passed:    3`, `  Skipped:   1`) counts the tests it ran and
 * those that passed; it never prints the failed ones: they are the difference (skipped tests are in
 * neither). A command that runs uvu twice prints two summaries, summed. Each failure is headed
 * `   FAIL  suite  "name"` (`   FAIL  "name"` outside a suite), its message and diff indented below.
 */
function parseUvu(text, lines) {
    const total = sumNumbers(text, /^ {2}Total: +(\d+)$/gm);
    const passed = sumNumbers(text, /^ {2}Passed: +(\d+)$/gm);
    if (total === null || passed === null || !/^ {2}Skipped: +\d+$/m.test(text))
        return null;
    const failures = new FailureList();
    lines.forEach((line, i) => {
        const m = /^(\s+)FAIL {2}(?:(.+?) {2})?"(.*)"$/.exec(line);
        if (!m)
            return;
        const name = m[2] ? `${m[2]} > ${m[3]}` : m[3];
        failures.add(name, dedent(withoutStack(indentedBlock(lines, i + 1, m[1].length))).trim());
    });
    return { format: 'uvu', passed, failed: Math.max(total - passed, 0), failures: failures.items };
}
/** A line that reads like a failure in output of no known format. */
const FAILURE_LINE = /^\s*(?:FAIL(?:ED)?|ERROR|not ok)\b|^Traceback \(most recent call last\)|^\s*(?:\w+\.)*\w*(?:Error|Exception)\b(?: \[\w+\])?:|panicked at /;
/**
 * The runner-agnostic fallback: counts only as the output states them (`7 passed, 2 failed`, near
 * its end), each on its own, never one inferred from the other, since a script that printed `2
 * passed` and then threw has not said that nothing failed; and the failing part of the output.
 */
function parsePlain(lines) {
    const end = lines.slice(-50).join('\n');
    const passed = lastNumber(end, /\b(\d+) (?:tests? )?passed\b/gi);
    const failed = lastNumber(end, /\b(\d+) (?:tests? )?failed\b/gi);
    const first = lines.findIndex((l) => FAILURE_LINE.test(l));
    const excerpt = first === -1 ? '' : (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .clipExcerpt */ .sr)(withoutStack(lines.slice(first)).join('\n'), MAX_EXCERPT_CHARS);
    const format = passed === null && failed === null ? null : 'plain';
    return { format, passed, failed, failures: [], ...(excerpt ? { excerpt } : {}) };
}
/** The status of one run of the test command from its exit, its output and what the output said. */
function classifyTestRun(command, run, parsed, timeoutMs) {
    if (run.timedOut) {
        return {
            status: 'error',
            problem: `\`${command}\` did not finish within ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .formatTimeLimit */ .Ie)(timeoutMs)} ` +
                "(the test stage's timeout-minutes) and was stopped",
            notRunnable: false,
        };
    }
    if (run.exitCode === null) {
        return {
            status: 'error',
            problem: `\`${command}\` was killed${run.signal ? ` by ${run.signal}` : ''}`,
            notRunnable: false,
        };
    }
    if ((run.exitCode === 127 || run.exitCode === 126) && parsed.format === null) {
        const what = run.exitCode === 126 ? 'is not executable' : 'was not found';
        const said = lastMeaningfulLine(run.output);
        return {
            status: 'error',
            problem: `\`${command}\` could not run: a program it starts ${what} ` +
                `(exit ${run.exitCode}${said ? `: ${said}` : ''})`,
            notRunnable: true,
        };
    }
    if (run.exitCode === 0) {
        if (parsed.passed === 0 && parsed.failed === 0)
            return { status: 'no-tests', problem: `\`${command}\` ran no tests`, notRunnable: false };
        return { status: 'passed', problem: null, notRunnable: false };
    }
    if (parsed.format === 'pytest' && run.exitCode === 5) {
        return { status: 'no-tests', problem: `\`${command}\` collected no tests`, notRunnable: false };
    }
    return { status: 'failed', problem: null, notRunnable: false };
}
function lastMeaningfulLine(output) {
    const lines = (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .stripAnsi */ .aJ)(output)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    return (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(lines.at(-1) ?? '', 300);
}
/**
 * Whether each failure also fails at the base: null when the base was not checked or its run
 * cannot say (the command could not run there, or it failed without naming tests); false when
 * the base passed; else by name. A failure named after the command itself (the output named no
 * tests) counts as failing at the base when the base run failed at all.
 */
function markAtBase(failures, base, command) {
    return failures.map((failure) => {
        if (!base || base.notRunnable)
            return null;
        if (base.status === 'passed' || base.status === 'no-tests')
            return false;
        if (failure.name === command)
            return true;
        if (base.parsed.failures.length === 0)
            return null;
        return base.parsed.failures.some((b) => b.name === failure.name);
    });
}


/***/ })

};
