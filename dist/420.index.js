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
/* harmony export */   cs: () => (/* binding */ commitsWithoutTrailer),
/* harmony export */   jX: () => (/* binding */ withTrailers),
/* harmony export */   q1: () => (/* binding */ commitPatch)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(10297);
/* harmony import */ var _protect_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(47214);
/* harmony import */ var _repo_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(87957);






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
/**
 * Creates a commit of `parentSha` plus `patch` and returns its SHA, without touching the
 * user's work tree, index, HEAD or branches: the patch is applied in a temporary index
 * (`GIT_INDEX_FILE`, `git apply --cached`, straight and then 3-way), written with `write-tree`
 * and committed with `commit-tree` (never signed, no hooks). Only objects are added.
 */
async function commitPatch(repoDir, options) {
    const { root } = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_5__/* .repoInfo */ .Lt)(repoDir);
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_3__/* .hardenedGit */ .YW)(root);
    const { parentSha, patch } = options;
    const what = `commit a patch on ${parentSha} in ${root}`;
    if (!(0,_git_js__WEBPACK_IMPORTED_MODULE_3__/* .isFullSha */ .Wf)(parentSha))
        throw new Error(`${what}: the parent must be a full commit SHA`);
    const message = withTrailers(options.message, options.trailers);
    const env = identityEnv(options.author, options.committer ?? options.author);
    const parentTree = await git.run(['rev-parse', '--verify', '--quiet', `${parentSha}^{tree}`], {
        okCodes: [0, 1, 128],
    });
    if (parentTree.code !== 0)
        throw new Error(`${what}: ${parentSha} is not a commit in that repository`);
    const empty = patch.trim() === '';
    if (empty && !options.allowEmpty)
        throw new Error(`${what}: the patch is empty`);
    if (!empty && options.protectedPaths) {
        await (0,_protect_js__WEBPACK_IMPORTED_MODULE_4__/* .assertNoProtectedPaths */ .I)(patch, options.protectedPaths, `the patch to commit on ${parentSha}`, root);
    }
    const tmp = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir(), 'ensemble-commit-'));
    try {
        const indexEnv = { GIT_INDEX_FILE: node_path__WEBPACK_IMPORTED_MODULE_2__.join(tmp, 'index') };
        await git.run(['read-tree', '--end-of-options', parentSha], { env: indexEnv, what });
        if (!empty) {
            const input = Buffer.from(patch, 'utf8');
            const plain = await git.run(['apply', '--cached', '--whitespace=nowarn'], {
                env: indexEnv,
                input,
                okCodes: [0, 1, 128],
            });
            if (plain.code !== 0) {
                const merged = await git.run(['apply', '--cached', '--3way', '--whitespace=nowarn'], {
                    env: indexEnv,
                    input,
                    okCodes: [0, 1, 128],
                });
                if (merged.code !== 0) {
                    const conflicts = await unmergedIn(git.cwd, indexEnv.GIT_INDEX_FILE);
                    const where = conflicts.length ? ` (conflicts in ${conflicts.join(', ')})` : '';
                    throw new Error(`${what}: the patch does not apply${where}: ${merged.stderr || plain.stderr}`);
                }
            }
        }
        const tree = await git.text(['write-tree'], { env: indexEnv, what });
        if (tree === parentTree.stdout.toString('utf8').trim() && !options.allowEmpty) {
            throw new Error(`${what}: the patch changes nothing in that commit's tree`);
        }
        return await git.text(['commit-tree', '--no-gpg-sign', tree, '-p', parentSha, '-F', '-'], {
            env,
            input: message,
            what,
        });
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(tmp, { recursive: true, force: true });
    }
}
/**
 * Creates a commit whose tree is exactly `tree` on top of `parentSha` (the diff between them is
 * the commit's change), without touching any work tree, index or branch. Returns null when the
 * tree equals the parent's: there is nothing to commit.
 */
async function commitTree(repoDir, options) {
    const { root } = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_5__/* .repoInfo */ .Lt)(repoDir);
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_3__/* .hardenedGit */ .YW)(root);
    const what = `commit tree ${options.tree} on ${options.parentSha} in ${root}`;
    const others = options.otherParents ?? [];
    if (![options.parentSha, options.tree, ...others].every(_git_js__WEBPACK_IMPORTED_MODULE_3__/* .isFullSha */ .Wf))
        throw new Error(`${what}: parents and tree must be full SHAs`);
    const parentTree = await git.text(['rev-parse', '--verify', `${options.parentSha}^{tree}`], { what });
    if (parentTree === options.tree && others.length === 0)
        return null;
    const env = identityEnv(options.author, options.committer ?? options.author);
    const parents = [options.parentSha, ...others].flatMap((sha) => ['-p', sha]);
    return git.text(['commit-tree', '--no-gpg-sign', options.tree, ...parents, '-F', '-'], {
        env,
        input: withTrailers(options.message, options.trailers),
        what,
    });
}
async function unmergedIn(root, indexFile) {
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_3__/* .hardenedGit */ .YW)(root);
    const out = await git.run(['ls-files', '-u', '-z'], { env: { GIT_INDEX_FILE: indexFile }, okCodes: [0, 1, 128] });
    return [...new Set((0,_git_js__WEBPACK_IMPORTED_MODULE_3__/* .nulFields */ .R6)(out.stdout).map((e) => e.slice(e.indexOf('\t') + 1)))].sort();
}
/**
 * Points `refs/heads/<branch>` of `repoDir` at commit `sha` (creating it), without touching any
 * work tree. Refuses a name `git check-ref-format --branch` rejects (or one it would expand,
 * like `@{-1}`), and a branch checked out in any worktree of the repository.
 */
async function updateBranch(repoDir, branch, sha, options = {}) {
    const { root } = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_5__/* .repoInfo */ .Lt)(repoDir);
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_3__/* .hardenedGit */ .YW)(root);
    const bad = () => new Error(`cannot update branch ${JSON.stringify(branch)} in ${root}: not a valid branch name`);
    if (branch === '' || branch.startsWith('-') || branch.includes('@{') || branch.startsWith('refs/'))
        throw bad();
    const checked = await git.run(['check-ref-format', '--branch', branch], { okCodes: [0, 1, 128] });
    if (checked.code !== 0 || checked.stdout.toString('utf8').trim() !== branch)
        throw bad();
    const ref = `refs/heads/${branch}`;
    if (!(0,_git_js__WEBPACK_IMPORTED_MODULE_3__/* .isFullSha */ .Wf)(sha))
        throw new Error(`cannot update branch ${branch} in ${root}: ${JSON.stringify(sha)} is not a full commit SHA`);
    const isCommit = await git.run(['cat-file', '-e', `${sha}^{commit}`], { okCodes: [0, 1, 128] });
    if (isCommit.code !== 0)
        throw new Error(`cannot update branch ${branch} in ${root}: ${sha} is not a commit in that repository`);
    // Line-based, not `-z` (git 2.36+): a path with a newline in it is the one thing this misreads.
    const listed = (await git.text(['worktree', 'list', '--porcelain'])).split('\n');
    let worktree = '';
    for (const field of listed) {
        if (field.startsWith('worktree '))
            worktree = field.slice('worktree '.length);
        else if (field === `branch ${ref}`) {
            throw new Error(`refusing to update branch ${branch} in ${root}: it is checked out in ${worktree}; ` +
                'ensemble never moves a checked-out branch (switch to another branch first)');
        }
    }
    const current = await git.run(['rev-parse', '--verify', '--quiet', ref], { okCodes: [0, 1, 128] });
    const previousSha = current.code === 0 ? current.stdout.toString('utf8').trim() : null;
    const args = ['update-ref', '--no-deref', '-m', `ensemble: update ${branch}`, ref, sha];
    if (options.expectedSha !== undefined)
        args.push(options.expectedSha ?? '');
    await git.run(args, { what: `update branch ${branch} in ${root}` });
    return { ref, previousSha };
}
/**
 * Where `branch` points now (null when it does not exist) and the commits on it since `base` that
 * carry no `trailerKey` trailer: work that someone else, not ensemble, put on the branch.
 */
async function commitsWithoutTrailer(repoDir, branch, base, trailerKey) {
    const { root } = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_5__/* .repoInfo */ .Lt)(repoDir);
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_3__/* .hardenedGit */ .YW)(root);
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
        if (!(0,_git_js__WEBPACK_IMPORTED_MODULE_3__/* .isFullSha */ .Wf)(sha))
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
/* harmony export */   Oi: () => (/* binding */ worktreeGit),
/* harmony export */   R6: () => (/* binding */ nulFields),
/* harmony export */   Wf: () => (/* binding */ isFullSha),
/* harmony export */   XS: () => (/* binding */ GitError),
/* harmony export */   YW: () => (/* binding */ hardenedGit),
/* harmony export */   sR: () => (/* binding */ FIXED_HARDENING)
/* harmony export */ });
/* unused harmony exports gitEnv, runGitRaw, driverOverrides, configEnv */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);


/**
 * The one way `src/workspace/` runs git: the real CLI, arguments as an array (never a shell),
 * with settings that keep a repository's own configuration from running programs.
 *
 * Every workspace git call can follow agent commands, and a command run outside bubblewrap can
 * write the repository's `.git/config` (and a worktree's `.git` file names where that config
 * is). So, like `src/agent/tools/git.ts`, every call overrides the settings that would run a
 * program or reach further than the call needs:
 * - fixed `-c` overrides: no fsmonitor, no hooks (`core.hooksPath=/dev/null`; `worktree add`
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
function gitEnv(extra = {}) {
    const env = {};
    for (const [key, value] of Object.entries(process.env)) {
        if (value !== undefined && !LOCATION_VARIABLES.includes(key))
            env[key] = value;
    }
    Object.assign(env, {
        LC_ALL: 'C',
        LANGUAGE: '',
        GIT_TERMINAL_PROMPT: '0',
        GIT_NO_REPLACE_OBJECTS: '1',
        GIT_LITERAL_PATHSPECS: '1',
    });
    return Object.assign(env, extra);
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
const DRIVER_KEY = /^(filter|merge)\.(.+)\.(clean|smudge|process|required|driver)$/;
/**
 * The configuration overrides (key, value) that neutralise the program-running drivers
 * configured for `cwd` (see the module comment). Reading the configuration runs no program.
 */
async function driverOverrides(cwd, env = {}) {
    const listed = await runGitRaw(cwd, [...FIXED_HARDENING, 'config', '--null', '--list'], {
        env,
        okCodes: [0, 1, 128],
    });
    if (listed.code !== 0)
        return [];
    const overrides = new Map();
    for (const entry of listed.stdout.toString('utf8').split('\0')) {
        const key = entry.split('\n', 1)[0] ?? '';
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
    return hardenedGit(dir, { GIT_CEILING_DIRECTORIES: node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(dir)) });
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

/***/ 30514:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _o: () => (/* reexport */ errors/* ProtectedPathError */._o),
  cz: () => (/* reexport */ workspace_patch/* applyWithConflictMarkers */.cz),
  gv: () => (/* reexport */ repo/* assertCleanRepo */.gv),
  IA: () => (/* reexport */ repo/* assertRepoContains */.IA),
  Ju: () => (/* reexport */ glob/* checkProtectedPaths */.Ju),
  bb: () => (/* reexport */ checkoutCredentials),
  q1: () => (/* reexport */ commit/* commitPatch */.q1),
  SC: () => (/* reexport */ commit/* commitTree */.SC),
  cs: () => (/* reexport */ commit/* commitsWithoutTrailer */.cs),
  MV: () => (/* reexport */ worktree/* createWorktree */.MV),
  CM: () => (/* reexport */ workspace_patch/* diffAgainstBase */.CM),
  Ae: () => (/* reexport */ integratePatches),
  rQ: () => (/* reexport */ isCredentialUserInfo),
  Hy: () => (/* reexport */ files/* listIgnoredPaths */.H),
  lb: () => (/* reexport */ files/* listWorktreeFiles */.l),
  rj: () => (/* reexport */ diff/* parseUnifiedDiff */.rj),
  QY: () => (/* reexport */ workspace_patch/* pathsInPatch */.QY),
  D5: () => (/* reexport */ repo/* pinBase */.D5),
  Ix: () => (/* reexport */ glob/* protectedPathHits */.Ix),
  Uy: () => (/* reexport */ protect/* protectedPathsInPatch */.U),
  lp: () => (/* reexport */ worktree/* removeLiveWorktrees */.lp),
  KO: () => (/* reexport */ worktree/* removeStaleWorktrees */.KO),
  IL: () => (/* reexport */ worktree/* removeWorktree */.IL),
  dT: () => (/* reexport */ worktree/* restoringWorktree */.dT),
  nO: () => (/* reexport */ diff/* splitSections */.nO),
  Pq: () => (/* reexport */ workspace_patch/* touchedPaths */.Pq),
  Ub: () => (/* reexport */ commit/* updateBranch */.Ub),
  jX: () => (/* reexport */ commit/* withTrailers */.jX),
  _u: () => (/* reexport */ worktree/* withWorktree */._u)
});

// UNUSED EXPORTS: BaseCommitMissingError, DirtyRepositoryError, GitError, GlobError, NotAGitRepositoryError, assertNoProtectedPaths, cQuote, compileGlob, dirtyPaths, isClean, matchProtectedPath, pathsGitReads, readQuoted, repoInfo, restoreWorktree, snapshotWorktree, unmergedPaths

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
    const git = (0,workspace_git/* hardenedGit */.YW)(repoDir);
    const listed = await git.run(['config', '--null', '--list'], { okCodes: [0, 1, 128] });
    if (listed.code !== 0)
        return [];
    const found = [];
    for (const entry of (0,workspace_git/* nulFields */.R6)(listed.stdout)) {
        const newline = entry.indexOf('\n');
        if (newline < 0)
            continue;
        const key = entry.slice(0, newline);
        const value = entry.slice(newline + 1);
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
    if (options.worktreeDir)
        return integrateIn(options.worktreeDir, baseSha, patches, options.protectedPaths);
    return (0,worktree/* withWorktree */._u)(repoDir, baseSha, (dir) => integrateIn(dir, baseSha, patches, options.protectedPaths));
}
async function integrateIn(dir, baseSha, patches, protectedPaths) {
    const git = (0,workspace_git/* worktreeGit */.Oi)(dir);
    const head = await git.text(['rev-parse', '--verify', 'HEAD']);
    const dirty = await (0,repo/* dirtyPaths */.Xb)(dir);
    if (head !== baseSha || dirty.length > 0) {
        throw new Error(`cannot integrate in ${dir}: the worktree must be clean and at the base ${baseSha} ` +
            `(HEAD is ${head}${dirty.length ? `; changed: ${dirty.slice(0, 10).join(', ')}` : ''})`);
    }
    let goodTree = await git.text(['rev-parse', '--verify', `${baseSha}^{tree}`]);
    const applied = [];
    const results = [];
    for (const { taskId, patch } of patches) {
        if (patch.trim() === '') {
            results.push({ taskId, result: 'skipped', conflictingFiles: [], detail: 'no change' });
            continue;
        }
        let paths;
        try {
            paths = [...(0,workspace_patch/* touchedPaths */.Pq)((0,workspace_patch/* pathsInPatch */.QY)(patch)), ...(await (0,workspace_patch/* pathsGitReads */.ks)(dir, patch))];
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
        const outcome = await (0,workspace_patch/* applyWithConflictMarkers */.cz)(dir, patch);
        if (outcome.ok) {
            goodTree = await git.text(['write-tree'], { what: `record the integrated tree after task ${taskId}` });
            applied.push(taskId);
            results.push({
                taskId,
                result: 'applied',
                conflictingFiles: [],
                detail: outcome.method === '3way' ? 'applied with a 3-way merge' : '',
            });
            continue;
        }
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
    const { patch, changes, tree } = await (0,workspace_patch/* diffAgainstBase */.CM)(dir, baseSha);
    return { results, patch, changes, tree };
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
;// CONCATENATED MODULE: ./lib/workspace/index.js














/***/ }),

/***/ 93515:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CM: () => (/* binding */ diffAgainstBase),
/* harmony export */   Pq: () => (/* binding */ touchedPaths),
/* harmony export */   QY: () => (/* binding */ pathsInPatch),
/* harmony export */   cz: () => (/* binding */ applyWithConflictMarkers),
/* harmony export */   j_: () => (/* binding */ diffTrees),
/* harmony export */   ks: () => (/* binding */ pathsGitReads)
/* harmony export */ });
/* unused harmony export unmergedPaths */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var _diff_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(75585);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(10297);





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
async function withTempDir(prefix, fn) {
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir(), prefix));
    try {
        return await fn(dir);
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
    }
}
/**
 * The change in `worktreeDir` against `baseSha` (any commit or tree): every file git does not
 * ignore, new, modified, deleted and renamed ones, binary ones as `GIT binary patch`. The work
 * tree is recorded through a temporary index (`GIT_INDEX_FILE`) seeded from the base, so the
 * worktree's own index, HEAD and any commits a command made are neither used nor changed.
 */
async function diffAgainstBase(worktreeDir, baseSha) {
    if (!(0,_git_js__WEBPACK_IMPORTED_MODULE_4__/* .isFullSha */ .Wf)(baseSha))
        throw new Error(`cannot diff ${worktreeDir}: base ${JSON.stringify(baseSha)} is not a full commit or tree SHA`);
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_4__/* .worktreeGit */ .Oi)(worktreeDir);
    const tree = await withTempDir('ensemble-index-', async (tmp) => {
        const env = { GIT_INDEX_FILE: node_path__WEBPACK_IMPORTED_MODULE_2__.join(tmp, 'index') };
        const what = `record the work tree of ${worktreeDir}`;
        await git.run(['read-tree', '--end-of-options', baseSha], {
            env,
            what: `read the base ${baseSha} in ${worktreeDir}`,
        });
        await git.run(['add', '--all'], { env, what });
        return git.text(['write-tree'], { env, what });
    });
    return diffTrees(git, baseSha, tree);
}
/** The patch and the changes from tree-ish `from` to tree-ish `to`, in the repository of `git`. */
async function diffTrees(git, from, to) {
    const what = `diff ${from} against ${to} in ${git.cwd}`;
    const changes = parseNameStatus((0,_git_js__WEBPACK_IMPORTED_MODULE_4__/* .nulFields */ .R6)((await git.run(['diff-tree', '-z', '--name-status', ...DIFF_OPTIONS, from, to], { what })).stdout));
    if (changes.length === 0)
        return { patch: '', changes, tree: to };
    const bytes = (await git.run(['diff-tree', '-p', '--binary', ...DIFF_OPTIONS, from, to], { what })).stdout;
    return { patch: await asText(git, from, to, bytes, changes), changes, tree: to };
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
    const sections = (0,_diff_index_js__WEBPACK_IMPORTED_MODULE_3__/* .splitSections */ .nO)(bytes.toString('latin1')).map((s) => Buffer.from(s, 'latin1'));
    const offending = sections.length === changes.length
        ? changes.filter((_, i) => !isUtf8(sections[i]))
        : changes; /* cannot pair: all of them */
    const paths = [...new Set(offending.flatMap((c) => (c.oldPath ? [c.oldPath, c.path] : [c.path])))];
    return withTempDir('ensemble-attrs-', async (tmp) => {
        const attributes = node_path__WEBPACK_IMPORTED_MODULE_2__.join(tmp, 'attributes');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(attributes, paths.map((p) => `${(0,_diff_index_js__WEBPACK_IMPORTED_MODULE_3__/* .cQuote */ .qV)(`/${escapeWildmatch(p)}`)} -diff\n`).join(''));
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
    return (0,_diff_index_js__WEBPACK_IMPORTED_MODULE_3__/* .parseUnifiedDiff */ .rj)(patch).map(asChange);
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
function pathsFromStderr(stderr) {
    const out = new Set();
    for (const line of stderr.split('\n')) {
        for (const pattern of STDERR_PATH_PATTERNS) {
            const m = pattern.exec(line.trim());
            if (m?.[1]) {
                const p = m[1].startsWith('"') ? ((0,_diff_index_js__WEBPACK_IMPORTED_MODULE_3__/* .readQuoted */ .zt)(m[1])?.value ?? m[1]) : m[1];
                out.add(p);
                break;
            }
        }
    }
    return [...out];
}
/** Paths in conflict in the index of the work tree (`git ls-files -u`). */
async function unmergedPaths(worktreeDir) {
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_4__/* .worktreeGit */ .Oi)(worktreeDir);
    const out = new Set();
    for (const entry of (0,_git_js__WEBPACK_IMPORTED_MODULE_4__/* .nulFields */ .R6)((await git.run(['ls-files', '-u', '-z'])).stdout)) {
        const tab = entry.indexOf('\t');
        if (tab !== -1)
            out.add(entry.slice(tab + 1));
    }
    return [...out].sort();
}
/**
 * Applies `patch` to the work tree and index of `worktreeDir`: straight (`git apply --index`)
 * first, then with a 3-way merge (`git apply --3way`), which uses the blobs the patch names
 * (`--full-index`) and leaves conflict markers in the files it cannot merge. On failure the
 * work tree is left as git left it, so an agent can resolve the markers; `diffAgainstBase`
 * then gives the resolved change. The index keeps the unmerged entries (`git status` shows
 * them); `diffAgainstBase` does not read the index.
 */
async function applyWithConflictMarkers(worktreeDir, patch) {
    if (patch.trim() === '')
        return { ok: true, method: 'none', conflictingFiles: [], detail: '' };
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_4__/* .worktreeGit */ .Oi)(worktreeDir);
    const input = Buffer.from(patch, 'utf8');
    // Stat information a command left stale makes `--index` report "does not match index".
    await git.run(['update-index', '-q', '--refresh'], { okCodes: [0, 1] });
    const plain = await git.run(['apply', '--index', '--whitespace=nowarn'], { input, okCodes: [0, 1, 128] });
    if (plain.code === 0)
        return { ok: true, method: 'plain', conflictingFiles: [], detail: '' };
    const merged = await git.run(['apply', '--3way', '--whitespace=nowarn'], { input, okCodes: [0, 1, 128] });
    if (merged.code === 0)
        return { ok: true, method: '3way', conflictingFiles: [], detail: '' };
    let files = await unmergedPaths(worktreeDir);
    if (files.length === 0)
        files = pathsFromStderr(merged.stderr);
    if (files.length === 0)
        files = touchedPaths(pathsInPatch(patch)).filter((p) => p !== '');
    return { ok: false, method: 'none', conflictingFiles: files.sort(), detail: merged.stderr || plain.stderr };
}
/**
 * The paths git itself reads in `patch` (`git apply --numstat -z`), both sides of a rename; throws
 * when git cannot read the patch.
 */
async function pathsGitReads(dir, patch) {
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_4__/* .hardenedGit */ .YW)(dir);
    const out = await git.run(['apply', '--numstat', '-z'], {
        input: Buffer.from(patch, 'utf8'),
        what: 'read the patch',
    });
    const fields = (0,_git_js__WEBPACK_IMPORTED_MODULE_4__/* .nulFields */ .R6)(out.stdout);
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

/***/ 47214:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ assertNoProtectedPaths),
/* harmony export */   U: () => (/* binding */ protectedPathsInPatch)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12474);
/* harmony import */ var _glob_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(84659);
/* harmony import */ var _patch_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(93515);




/**
 * The protected paths `patch` touches: both sides of renames, read by this module's parser
 * and by git itself (`git apply --numstat`), so that a header the parser misreads cannot hide
 * a path. Throws when git cannot read the patch.
 */
async function protectedPathsInPatch(patch, patterns, cwd = node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir()) {
    if (patch.trim() === '' || patterns.length === 0)
        return [];
    const paths = [...(0,_patch_js__WEBPACK_IMPORTED_MODULE_3__/* .touchedPaths */ .Pq)((0,_patch_js__WEBPACK_IMPORTED_MODULE_3__/* .pathsInPatch */ .QY)(patch)), ...(await (0,_patch_js__WEBPACK_IMPORTED_MODULE_3__/* .pathsGitReads */ .ks)(cwd, patch))].filter((p) => p !== '');
    return (0,_glob_js__WEBPACK_IMPORTED_MODULE_2__/* .protectedPathHits */ .Ix)(paths, patterns);
}
/** Throws `ProtectedPathError`, naming each path and its pattern, when `patch` touches a protected path. */
async function assertNoProtectedPaths(patch, patterns, what = 'the change', cwd) {
    const hits = await protectedPathsInPatch(patch, patterns, cwd);
    if (hits.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProtectedPathError */ ._o(hits, what);
}


/***/ }),

/***/ 87957:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D5: () => (/* binding */ pinBase),
/* harmony export */   IA: () => (/* binding */ assertRepoContains),
/* harmony export */   Lt: () => (/* binding */ repoInfo),
/* harmony export */   Xb: () => (/* binding */ dirtyPaths),
/* harmony export */   gv: () => (/* binding */ assertCleanRepo)
/* harmony export */ });
/* unused harmony export isClean */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12474);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10297);


/** Where the repository containing `dir` is; throws `NotAGitRepositoryError` for a non-git or bare directory. */
async function repoInfo(dir) {
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .hardenedGit */ .YW)(dir);
    let lines;
    try {
        lines = (await git.text([
            'rev-parse',
            '--path-format=absolute',
            '--is-bare-repository',
            '--show-toplevel',
            '--git-dir',
            '--git-common-dir',
        ], {
            okCodes: [0],
        })).split('\n');
    }
    catch (error) {
        if (error instanceof _git_js__WEBPACK_IMPORTED_MODULE_1__/* .GitError */ .XS)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotAGitRepositoryError */ .fA(dir, /not a git repository/i.test(error.stderr) ? '' : error.stderr);
        // A directory that does not exist: spawn fails with ENOENT for cwd.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotAGitRepositoryError */ .fA(dir, error instanceof Error ? error.message : String(error));
    }
    if (lines[0] === 'true')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotAGitRepositoryError */ .fA(dir, 'it is a bare repository, without a work tree');
    const [, root, gitDir, commonDir] = lines;
    if (!root || !gitDir || !commonDir)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NotAGitRepositoryError */ .fA(dir, 'it has no work tree');
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
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .hardenedGit */ .YW)(repoDir);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .BaseCommitMissingError */ .vq(repoDir, sha, hint, error);
    }
}
/**
 * The paths `git status` reports as changed in `repoDir` (staged, unstaged, untracked unless
 * excluded; renames as `old -> new`).
 */
async function dirtyPaths(repoDir, options = {}) {
    await repoInfo(repoDir);
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .hardenedGit */ .YW)(repoDir);
    const untracked = options.includeUntracked === false ? 'no' : 'all';
    const fields = (0,_git_js__WEBPACK_IMPORTED_MODULE_1__/* .nulFields */ .R6)((await git.run(['status', '--porcelain=v1', '-z', `--untracked-files=${untracked}`])).stdout);
    const paths = [];
    for (let i = 0; i < fields.length; i++) {
        const entry = fields[i] ?? '';
        const status = entry.slice(0, 2);
        const path = entry.slice(3);
        // A rename or copy is followed by its source path as the next field.
        if (status.includes('R') || status.includes('C'))
            paths.push(`${fields[++i] ?? ''} -> ${path}`);
        else
            paths.push(path);
    }
    return paths;
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DirtyRepositoryError */ .FL(repoDir, paths);
}


/***/ }),

/***/ 47860:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IL: () => (/* binding */ removeWorktree),
/* harmony export */   KO: () => (/* binding */ removeStaleWorktrees),
/* harmony export */   MV: () => (/* binding */ createWorktree),
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
/* harmony import */ var _repo_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(87957);







/**
 * `git worktree add`, `remove` and `prune` of one repository, one at a time: a `prune` that runs
 * while another task's `add` is half done deletes that worktree's administrative files ("failed
 * to read .git/worktrees/…/commondir"). Parallel tasks of one run share the repository.
 */
const worktreeLocks = new Map();
function exclusive(root, work) {
    const previous = worktreeLocks.get(root) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => { });
    worktreeLocks.set(root, settled);
    void settled.then(() => {
        if (worktreeLocks.get(root) === settled)
            worktreeLocks.delete(root);
    });
    return next;
}
/**
 * Creates a detached worktree of `repoDir` at `baseSha` in a fresh temporary directory. The
 * user's checkout, index and branches are not touched (only `.git/worktrees/<name>` is added).
 */
async function createWorktree(repoDir, baseSha, options = {}) {
    const { root } = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_6__/* .repoInfo */ .Lt)(repoDir);
    if (!(0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .isFullSha */ .Wf)(baseSha))
        throw new Error(`cannot create a worktree of ${root}: base ${JSON.stringify(baseSha)} is not a full commit SHA`);
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .hardenedGit */ .YW)(root);
    const exists = await git.run(['cat-file', '-e', `${baseSha}^{commit}`], { okCodes: [0, 1, 128] });
    if (exists.code !== 0)
        throw new Error(`cannot create a worktree of ${root}: base ${baseSha} is not a commit in that repository`);
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_4__.join(options.tmpDir ?? node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir(), options.prefix ?? 'ensemble-worktree-')));
    // Known before git knows it: an interruption while git adds it still removes it. The owner file
    // lets a later run remove it when this process is killed (`removeStaleWorktrees`).
    liveWorktrees.set(dir, root);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(ownerFile(dir), `${process.pid}\n`);
    await exclusive(root, async () => {
        try {
            await git.run(['worktree', 'add', '--detach', '--quiet', dir, baseSha], {
                what: `create a worktree of ${root} at ${baseSha}`,
            });
        }
        catch (error) {
            await forceRemove(dir);
            await git.run(['worktree', 'prune'], { okCodes: [0, 1, 128] });
            liveWorktrees.delete(dir);
            throw error;
        }
    });
    return { dir, repoDir: root, baseSha };
}
/** The worktrees this process made and has not removed yet, by directory, with their repository. */
const liveWorktrees = new Map();
/**
 * Removes every worktree this process made and has not removed yet: for a process that is being
 * interrupted (SIGINT), whose pending `finally` blocks will never run. It first lets the worktree
 * commands in flight finish (up to `waitMs`), so that none registers a worktree after the cleanup.
 * Returns the directories removed; a failure to remove one is skipped, not thrown.
 */
async function removeLiveWorktrees(waitMs = 5_000) {
    const inFlight = Promise.allSettled([...worktreeLocks.values()]);
    await Promise.race([inFlight, new Promise((resolve) => setTimeout(resolve, waitMs).unref())]);
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
    const { root } = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_6__/* .repoInfo */ .Lt)(repoDir);
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .hardenedGit */ .YW)(root);
    const listed = await git.run(['worktree', 'list', '--porcelain', '-z'], { okCodes: [0, 128] });
    if (listed.code !== 0)
        return [];
    const dirs = (0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .nulFields */ .R6)(listed.stdout)
        .filter((field) => field.startsWith('worktree '))
        .map((field) => field.slice('worktree '.length));
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
 * Removes a worktree made by `createWorktree`: `git worktree remove --force --force`, then the
 * directory itself whatever state the commands left it in, then `git worktree prune`. Run from
 * the main repository, so a worktree whose `.git` file was damaged is still removed.
 */
async function removeWorktree(worktree) {
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .hardenedGit */ .YW)(worktree.repoDir);
    const { removed, pruned } = await exclusive(worktree.repoDir, async () => {
        const removed = await git.run(['worktree', 'remove', '--force', '--force', worktree.dir], { okCodes: [0, 1, 128] });
        await forceRemove(worktree.dir);
        const pruned = await git.run(['worktree', 'prune'], { okCodes: [0, 1, 128] });
        liveWorktrees.delete(worktree.dir);
        return { removed, pruned };
    });
    if (pruned.code !== 0) {
        throw new Error(`could not prune the worktree ${worktree.dir} of ${worktree.repoDir}: ` +
            `${pruned.stderr || removed.stderr || `git exited with ${pruned.code}`}`);
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
    await git.run(['add', '--all'], { what: `record the work tree of ${dir}` });
    return git.text(['write-tree'], { what: `record the work tree of ${dir}` });
}
/** Puts a worktree back to a recorded tree; untracked files that are not ignored go too. */
async function restoreWorktree(dir, tree) {
    const git = (0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .worktreeGit */ .Oi)(dir);
    const what = `restore the work tree of ${dir}`;
    await git.run(['read-tree', '--reset', '-u', tree], { what });
    await git.run(['clean', '-f', '-d', '-q'], { what });
}
/**
 * Runs `fn` and then puts the worktree back the way it was before, also when `fn` throws: what
 * `fn` wrote outside ignored paths is undone (ignored paths such as node_modules keep it).
 */
async function restoringWorktree(dir, fn) {
    const before = await snapshotWorktree(dir);
    try {
        return await fn();
    }
    finally {
        await restoreWorktree(dir, before);
    }
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
