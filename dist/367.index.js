export const id = 367;
export const ids = [367];
export const modules = {

/***/ 29367:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Qb: () => (/* binding */ checkSafeOutputs),
  hz: () => (/* binding */ formatRefusals),
  KV: () => (/* binding */ publishProtectedPaths),
  S_: () => (/* binding */ sanitiseText)
});

// UNUSED EXPORTS: DEFAULT_MAX_MENTIONS, MAX_BODY_CHARS, MAX_TITLE_CHARS, defaultPublishProtectedPaths, liveMentions

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./lib/config/instructions.js
var instructions = __webpack_require__(70417);
// EXTERNAL MODULE: ./lib/config/load.js
var load = __webpack_require__(76264);
// EXTERNAL MODULE: ./lib/contracts/config.js
var config = __webpack_require__(41317);
// EXTERNAL MODULE: ./lib/render/markdown.js
var markdown = __webpack_require__(43419);
// EXTERNAL MODULE: ./lib/render/safe.js
var safe = __webpack_require__(85303);
// EXTERNAL MODULE: ./lib/secrets/scan.js
var scan = __webpack_require__(51512);
// EXTERNAL MODULE: ./lib/util/text.js
var util_text = __webpack_require__(28805);
// EXTERNAL MODULE: ./lib/workspace/diff/index.js + 4 modules
var diff = __webpack_require__(75585);
// EXTERNAL MODULE: ./lib/workspace/glob.js
var workspace_glob = __webpack_require__(84659);
// EXTERNAL MODULE: ./lib/workspace/patch.js
var workspace_patch = __webpack_require__(93515);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./lib/publish/policy-exec.js
/**
 * Two rules of the safe-output policy (`policy.ts`) about what a change makes run, or reach,
 * without review, which no path pattern can express:
 *
 * - `lifecycle-script`: a `package.json` (at any depth: workspaces install too) whose added lines
 *   set a script npm, yarn or pnpm runs on install or pack (`preinstall`, `install`,
 *   `postinstall`, `preprepare`, `prepare`, `postprepare`, `prepublish`, `prepack`, `postpack`),
 *   `packageManager` (corepack downloads and runs what it names), or the git hooks of a hook
 *   manager kept in `package.json` (`gitHooks`, and `husky`, `simple-git-hooks`, `lint-staged`,
 *   `pre-commit` with an object or list value). The patch shows only a few lines around a change,
 *   so which object a key is in is read from the hunk: a lifecycle name in an object the hunk
 *   shows is not `scripts` (`dependencies`: there is a package called `install`) passes; in
 *   `scripts`, or in an object that opens before the hunk, it is refused (fail closed). Keys are
 *   read as JSON, escapes (`"post\u0069nstall"`) included. A `package.json` given as a binary
 *   patch, or made by renaming or copying another file without its lines, cannot be read and is
 *   refused.
 * - `symlink`: a symbolic link (git mode 120000; its content is its target) that the patch adds
 *   or changes is refused when its target is absolute, leaves the repository (resolved from the
 *   link's directory, through the links the patches add), is inside `.git`, or lands on a
 *   protected path or a directory all of which is protected (`.github/workflows`); and when the
 *   link is where a protected pattern reaches inside (`.github/workflows` or `.github` ->
 *   anything: its files would be workflows that no pattern sees). A link whose target the patch
 *   does not show (a mode change without content, a binary hunk) is refused. Not seen: links
 *   already in the base commit (the resolution does not follow them), and a link renamed or
 *   copied unchanged (git shows no mode for it, so it is indistinguishable from a file).
 */



// ---------------------------------------------------------------------------------------------
// lifecycle scripts
/** Scripts a package manager runs by itself on `install` (of this package or the repository) or `pack`. */
const LIFECYCLE_SCRIPTS = new Map([
    ['preinstall', 'runs on install'],
    ['install', 'runs on install'],
    ['postinstall', 'runs on install'],
    ['preprepare', 'runs on install'],
    ['prepare', 'runs on install'],
    ['postprepare', 'runs on install'],
    ['prepublish', 'runs on install'],
    ['prepack', 'runs on pack, and on installing the repository as a git dependency'],
    ['postpack', 'runs on pack, and on installing the repository as a git dependency'],
]);
/** Keys that do not name packages (no package name has capitals): refused at any depth. */
const RUNNING_KEYS = new Map([
    ['packageManager', 'names the package manager that corepack downloads and runs'],
    ['gitHooks', 'sets git hooks (yorkie) that run on commits'],
]);
/** Hook managers configured in `package.json`; also package names, so refused only with an object or list value. */
const HOOK_MANAGER_KEYS = new Set(['husky', 'simple-git-hooks', 'lint-staged', 'pre-commit']);
/** JSON tokens of one line: strings, punctuation, and any other run (numbers, literals). */
function tokens(text, added) {
    return [...text.matchAll(/"(?:[^"\\]|\\.)*"?|[{}[\]:,]|[^\s{}[\]:,"]+/g)].map((m) => ({ text: m[0], added }));
}
function jsonString(token) {
    try {
        const value = JSON.parse(token);
        return typeof value === 'string' ? value : token;
    }
    catch {
        return token.replace(/^"|"$/g, '');
    }
}
/** What the added lines of one hunk of a `package.json` set that runs without review. */
function hunkFindings(lines) {
    const stream = lines.filter((l) => l.kind !== 'delete').flatMap((l) => tokens(l.text, l.kind === 'add'));
    // Frames the hunk opened; below them, an object that opened before the hunk (unknown).
    const stack = [];
    const findings = [];
    for (let i = 0; i < stream.length; i++) {
        const token = stream[i];
        const next = stream[i + 1];
        if (token.text === '{' || token.text === '[') {
            const before = stream[i - 1];
            const keyToken = before?.text === ':' ? stream[i - 2] : undefined;
            stack.push({ key: keyToken?.text.startsWith('"') ? jsonString(keyToken.text) : null });
            continue;
        }
        if (token.text === '}' || token.text === ']') {
            stack.pop();
            continue;
        }
        if (!token.text.startsWith('"') || next?.text !== ':')
            continue;
        const key = jsonString(token.text);
        const value = stream[i + 2];
        if (!token.added && !value?.added)
            continue;
        const frame = stack.at(-1);
        const lifecycle = LIFECYCLE_SCRIPTS.get(key);
        if (lifecycle && (frame === undefined || frame.key === 'scripts')) {
            const place = frame === undefined ? ' (in an object that opens before the lines shown)' : '';
            findings.push(`sets the "${key}" script${place}, which ${lifecycle}`);
        }
        const running = RUNNING_KEYS.get(key);
        if (running)
            findings.push(`sets "${key}", which ${running}`);
        if (HOOK_MANAGER_KEYS.has(key) && (value?.text === '{' || value?.text === '[')) {
            findings.push(`configures "${key}", whose git hooks run on commits`);
        }
    }
    return findings;
}
function isPackageJson(path) {
    return path !== null && external_node_path_.posix.basename(path).toLowerCase() === 'package.json';
}
/**
 * Why the change `section` (one file's part of a patch) makes to a `package.json` runs code
 * without review; empty when it does not, or is not a `package.json`.
 */
function lifecycleFindings(section, change) {
    if (change.kind === 'deleted' || !isPackageJson(change.path))
        return [];
    const file = (0,diff/* parseUnifiedDiff */.rj)(section)[0];
    if (!file)
        return [];
    if (file.binary)
        return ['is given as a binary patch, so its scripts cannot be checked'];
    if (file.hunks.length === 0 && change.oldPath !== null && !isPackageJson(change.oldPath)) {
        return [`is made from ${change.oldPath} without its lines, so its scripts cannot be checked`];
    }
    return [...new Set(file.hunks.flatMap((h) => hunkFindings(h.lines)))];
}
// ---------------------------------------------------------------------------------------------
// symbolic links
const SYMLINK_MODE = '120000';
/** The link `section` adds or changes, or null when the file it leaves is not a symbolic link. */
function linkInSection(section, change, label) {
    if (change.kind === 'deleted')
        return null;
    const header = section.split(/\n(?=@@|GIT binary patch)/)[0] ?? '';
    const modes = [...header.matchAll(/^(?:new file mode|new mode) (\d+)|^index [0-9a-f]+\.\.[0-9a-f]+ (\d+)/gm)].map((m) => m[1] ?? m[2]);
    if (modes.at(-1) !== SYMLINK_MODE)
        return null;
    const file = (0,diff/* parseUnifiedDiff */.rj)(section)[0];
    if (!file || file.binary)
        return { label, change, target: null, unreadable: 'a binary patch' };
    if (file.hunks.length === 0)
        return { label, change, target: null, unreadable: 'no content' };
    // A link's content is one line; its hunk is the whole file.
    const lines = file.hunks.flatMap((h) => h.lines.filter((l) => l.kind !== 'delete').map((l) => l.text));
    return { label, change, target: lines.join('\n') };
}
/** `dir` as path segments; the root is none. */
function segments(path) {
    return path.split('/').filter((s) => s !== '' && s !== '.');
}
const MAX_HOPS = 40; // Linux's limit on links followed in one lookup
function isAbsoluteTarget(target) {
    return target.startsWith('/') || target.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(target);
}
/**
 * Where `target`, read from the directory of the link at `linkPath`, leads: a repository-relative
 * path ('' for the root), following the links in `links` (by lower-cased path) on the way.
 */
function resolveLink(linkPath, target, links) {
    if (isAbsoluteTarget(target))
        return { problem: 'is an absolute path, outside the repository' };
    const dir = segments(linkPath).slice(0, -1);
    // A backslash separates too where the checkout is on Windows.
    let pending = target.split(/[\\/]/);
    let hops = 0;
    while (pending.length > 0) {
        const part = pending.shift();
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (dir.length === 0)
                return { problem: 'leaves the repository' };
            dir.pop();
            continue;
        }
        dir.push(part);
        const next = links.get(dir.join('/').toLowerCase());
        if (next === undefined)
            continue;
        if (++hops > MAX_HOPS)
            return { problem: 'goes round a loop of symbolic links' };
        if (isAbsoluteTarget(next))
            return { problem: `leads through ${dir.join('/')} to an absolute path` };
        dir.pop();
        pending = [...next.split(/[\\/]/), ...pending];
    }
    return { path: dir.join('/') };
}
/** One path segment against one pattern segment, as `compileGlob` matches it. */
const segmentGlobs = new Map();
function segmentMatches(patternSegment, segment) {
    let glob = segmentGlobs.get(patternSegment);
    if (!glob) {
        glob = (0,workspace_glob/* compileGlob */.SO)(`/${patternSegment}`);
        segmentGlobs.set(patternSegment, glob);
    }
    return glob.regexp.test(segment);
}
/**
 * `pattern` from `p` (`**` matching any number of segments) consumes all of `path` from `q`, or
 * matches a parent of it.
 */
function prefixMatch(pattern, p, path, q) {
    if (q === path.length)
        return true; // the path is, or is on the way to, what the rest of the pattern matches
    if (p === pattern.length)
        return true; // a parent of the path matches: the path is inside
    const segment = pattern[p];
    if (segment === '**')
        return prefixMatch(pattern, p + 1, path, q) || prefixMatch(pattern, p, path, q + 1);
    return segmentMatches(segment, path[q]) && prefixMatch(pattern, p + 1, path, q + 1);
}
/**
 * Whether the pattern of `glob` matches `path`, or something inside it through the path's own
 * segments: a link at such a path puts files where the pattern protects them without the pattern
 * seeing them (`.github/workflows` for `.github/workflows/**`, `.github` too). A pattern that
 * matches a name at any depth (`action.yml`) matches the linked file where it really is as well,
 * so it does not count.
 */
function patternReaches(path, glob) {
    let body = glob.pattern.replace(/\/+$/, '');
    const anchored = body.startsWith('/') || body.includes('/');
    body = body.replace(/^\/+/, '');
    let parts = body.split('/');
    const target = segments(path);
    if (!anchored || parts[0] === '**') {
        parts = parts.filter((_, i) => i > 0 || parts[0] !== '**');
        // Only a match that uses the path's own segments counts.
        for (let start = 0; start < target.length; start++) {
            if (prefixMatch(parts, 0, target, start))
                return true;
        }
        return false;
    }
    return prefixMatch(parts, 0, target, 0);
}
function describeLink(link) {
    const { change } = link;
    const shown = link.target === null ? '' : ` -> ${link.target}`;
    if (change.kind === 'added')
        return `adds the symbolic link ${change.path}${shown}`;
    if (change.kind === 'renamed')
        return `renames ${change.oldPath} to the symbolic link ${change.path}${shown}`;
    if (change.kind === 'copied')
        return `copies ${change.oldPath} to the symbolic link ${change.path}${shown}`;
    return `makes ${change.path} a symbolic link${shown}`;
}
/**
 * The links among `links` that are refused (module comment). `globs` are the protected paths.
 * Each link is resolved through the links of its own patch and through those of all the patches.
 */
function linkFindings(links, globs) {
    const keyed = (list) => new Map(list.flatMap((l) => (l.target === null ? [] : [[l.change.path.toLowerCase(), l.target]])));
    const all = keyed(links);
    const findings = [];
    for (const link of links) {
        const found = (detail) => findings.push({ label: link.label, path: link.change.path, detail: `${describeLink(link)}; ${detail}` });
        // A link on a protected path itself is the `protected-path` rule's.
        const atLink = (0,workspace_glob/* matchGlobs */.jv)(link.change.path, globs)
            ? undefined
            : globs.find((g) => patternReaches(link.change.path, g));
        if (atLink) {
            found(`a link there puts files where "${atLink.pattern}" protects them (protected-paths)`);
        }
        if (link.target === null) {
            found(`the patch does not show its target (${link.unreadable}), so it cannot be checked`);
            continue;
        }
        const own = keyed(links.filter((l) => l.label === link.label));
        for (const map of [own, new Map([...all, ...own])]) {
            const resolved = resolveLink(link.change.path, link.target, map);
            if ('problem' in resolved) {
                found(`its target ${resolved.problem}`);
                break;
            }
            const where = resolved.path === '' ? 'the repository root' : resolved.path;
            if (segments(resolved.path)[0]?.toLowerCase() === '.git') {
                found(`its target ${where} is inside .git`);
                break;
            }
            // The target, or a directory everything in which is protected (a name no pattern names on purpose).
            const glob = (0,workspace_glob/* matchGlobs */.jv)(resolved.path, globs) ?? (0,workspace_glob/* matchGlobs */.jv)(`${resolved.path}/\u0000`, globs);
            if (glob) {
                found(`its target ${where} is protected by "${glob.pattern}" (protected-paths)`);
                break;
            }
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./lib/publish/policy.js
/**
 * The safe-output policy: what `publish` checks, all or nothing, before it writes anything.
 * A refusal names its rule, where (the patch and file, or the text), and what was found, never
 * the secret itself; `formatRefusals` turns refusals into a message a user can act on.
 *
 * Rules:
 * - `protected-path`: no patch touches a protected path, both sides of a rename included. Paths
 *   are read twice, by `pathsInPatch` and by git (`git apply --numstat`), so that a header one
 *   reader misreads cannot hide a path. Default patterns: `defaultPublishProtectedPaths`, which
 *   covers what runs on the maintainer's or CI's side without review (`DEFAULT_PROTECTED_PATHS`).
 * - `lifecycle-script` / `symlink`: no `package.json` gains a script that runs on install (or the
 *   package manager, or git hooks), no symbolic link leaves the tree, lands on a protected path
 *   or sits where a protected pattern reaches inside (`.github/workflows`); see `policy-exec.ts`.
 *   Always on: no pattern can say this, and an agent has no reason to do either unreviewed.
 * - `unreadable-patch`: a patch whose file names (or binary content) cannot be read cannot be
 *   checked, so it is refused (fail closed).
 * - `patch-size` / `file-count`: the total bytes (UTF-8) of all patches, and the distinct paths
 *   they touch (a rename touches two), stay within `maxPatchBytes` / `maxFiles`.
 * - `binary-size`: one binary hunk that inflates to more than `maxPatchBytes` is refused before it
 *   is inflated (a few kilobytes of patch can hold gigabytes of zeros).
 * - `credential` / `secret-value`: no patch or text holds a credential pattern or one of the
 *   secret values the step was given (see `secrets.ts`).
 * - `mention-flood`: a text with more than `maxMentions` (default 10) distinct live `@mentions`
 *   is refused; below that they are neutralised.
 *
 * What is scanned in a patch: added lines, the new names of added, renamed and copied files, and
 * the new content of binary files (a `literal` hunk decoded in full, the inserted data of a
 * `delta` hunk). Removed and context lines are not: they are in the base commit already, so
 * publishing does not disclose them, and a change that deletes a committed key must be able to.
 * The reverse hunk of a binary patch (the old content) is skipped for the same reason.
 *
 * Sanitising (never a refusal): invisible characters removed (but U+200B, which the renderers
 * insert to neutralise and which hides nothing), links to hosts other than `allowedHost` made
 * inert and `@mentions` neutralised (`render/safe.ts`), titles put on one line and capped at 256
 * characters, bodies capped at 65,536 with a truncation note (`truncateMarkdown`). The texts
 * include rendered documents that carry ensemble's own hidden marker, `<details>` and `Closes #n`,
 * so HTML and closing keywords are left to the renderers (which neutralise every untrusted part
 * with `safeBlock`/`safeInline`); pass model text that did not go through a renderer as
 * `kind: 'raw'` to have all of `safeBlock` applied. Every transform is idempotent on text a
 * renderer produced.
 */












const DEFAULT_MAX_MENTIONS = 10;
const MAX_TITLE_CHARS = 256;
const MAX_BODY_CHARS = 65_536;
// ---------------------------------------------------------------------------------------------
// protected paths
/** A repository-relative path as a pattern that matches exactly that path (anchored, glob characters escaped). */
function literalPattern(path) {
    return `/${path
        .replace(/^(?:\.\/)+/, '')
        .replace(/^\/+/, '')
        .replace(/[*?[\\]/g, '\\$&')}`;
}
/**
 * The paths `publish` protects by default: the config's default `protected-paths`
 * (`DEFAULT_PROTECTED_PATHS`: workflows, actions and whatever else runs without review), the
 * ensemble configuration file (`configPath`, repository-relative) and the instruction files agents
 * read (`AGENTS.md` and `CLAUDE.md` at any depth, `.github/copilot-instructions.md`).
 */
function defaultPublishProtectedPaths(configPath = DEFAULT_CONFIG_PATH) {
    return publishProtectedPaths(DEFAULT_PROTECTED_PATHS, configPath);
}
/**
 * `configured` (the config's `protected-paths`, `DEFAULT_PROTECTED_PATHS` unless changed) plus the
 * configuration file and the instruction files, which steer the agents and are always protected.
 */
function publishProtectedPaths(configured, configPath = load/* DEFAULT_CONFIG_PATH */.Bi) {
    return [...new Set([...configured, literalPattern(configPath), ...instructions/* INSTRUCTION_FILES */.XI])];
}
/** The patch's per-file sections (`splitSections`), each with the first change it makes as `pathsInPatch` reads it. */
function sections(patch) {
    return (0,diff/* splitSections */.nO)(patch).map((text) => {
        const change = (0,workspace_patch/* pathsInPatch */.QY)(text)[0] ?? null;
        const usable = change !== null && change.path !== '' && change.oldPath !== '';
        const plusPath = /^\+\+\+ (?:b\/)?([^\t\n]+)/m.exec(text)?.[1];
        const shownPath = usable ? change.path : (plusPath ?? '(a file whose name cannot be read)');
        return { text, change: usable ? change : null, shownPath };
    });
}
/** Secret values and credential patterns in `text`; `at` says where a line is. */
function scanText(text, needles, where, at) {
    const refusals = [];
    const found = (0,scan/* findSecrets */.dL)(text, needles);
    for (const hit of found.secrets) {
        refusals.push({ rule: 'secret-value', where, detail: `${(0,scan/* describeSecretHit */.Fk)(hit)} ${at(hit.line)}` });
    }
    for (const hit of found.credentials) {
        refusals.push({ rule: 'credential', where, detail: `${hit.pattern.name} ${hit.shown} ${at(hit.line)}` });
    }
    return refusals;
}
/** Credentials and secret values in what `section` adds: its new file name, added lines and new binary content. */
function scanSection(section, label, scanner, maxBytes) {
    const where = `${label}: ${section.shownPath}`;
    const refusals = [];
    const change = section.change;
    if (change && change.kind !== 'modified' && change.kind !== 'deleted') {
        refusals.push(...scanText(change.path, scanner.needles, where, () => 'in the file name'));
    }
    const lines = section.text.split('\n');
    let inHunk = false;
    let newLine = 0;
    // Consecutive added lines are scanned as one text, so that a secret split across them is found.
    let added = { first: 0, lines: [] };
    const flushAdded = () => {
        const { first } = added;
        refusals.push(...scanText(added.lines.join('\n'), scanner.needles, where, (n) => `on line ${first + n - 1}`));
        added = { first: 0, lines: [] };
    };
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (!line.startsWith('+') && added.lines.length > 0)
            flushAdded();
        if (line.startsWith('@@')) {
            inHunk = true;
            newLine = Number(/^@@ -\d+(?:,\d+)? \+(\d+)/.exec(line)?.[1] ?? 1);
            continue;
        }
        if (!inHunk) {
            if (line.replace(/\r$/, '') === 'GIT binary patch') {
                const content = (0,diff/* forwardBinary */.vA)(lines, i + 1, maxBytes);
                if (content.ok) {
                    // One byte per character; NUL between inserted chunks so that no match spans two of them.
                    const bytes = content.chunks.map((c) => c.toString('latin1')).join('\0');
                    refusals.push(...scanText(bytes, scanner.binaryNeedles, where, () => 'in the new binary content'));
                }
                else if (content.tooLarge !== null) {
                    refusals.push({
                        rule: 'binary-size',
                        where,
                        detail: `a binary hunk inflates to ${content.tooLarge.toLocaleString('en-US')} bytes, more ` +
                            `than the limit of ${maxBytes.toLocaleString('en-US')} (limits.max-patch-bytes)`,
                    });
                }
                else {
                    refusals.push({
                        rule: 'unreadable-patch',
                        where,
                        detail: 'the binary patch cannot be decoded, so it cannot be checked for credentials',
                    });
                }
                break;
            }
            continue; // header lines: names were read above
        }
        if (line.startsWith('+')) {
            if (added.lines.length === 0)
                added.first = newLine;
            added.lines.push(line.slice(1));
            newLine++;
        }
        else if (line.startsWith('-') || line.startsWith('\\')) {
            // removed (already in the base) or "\ No newline at end of file"
        }
        else {
            newLine++;
        }
    }
    if (added.lines.length > 0)
        flushAdded();
    return refusals;
}
function describeTouch(change, path) {
    if (!change)
        return `touches ${path}`;
    if (change.kind === 'renamed' && change.oldPath === path)
        return `renames ${path} to ${change.path}`;
    if (change.kind === 'renamed')
        return `renames ${change.oldPath} to ${path}`;
    if (change.kind === 'copied' && change.oldPath === path)
        return `copies ${path} to ${change.path}`;
    if (change.kind === 'copied')
        return `copies ${change.oldPath} to ${path}`;
    const verb = { added: 'adds', deleted: 'deletes', modified: 'modifies' };
    return `${verb[change.kind]} ${path}`;
}
// ---------------------------------------------------------------------------------------------
// texts
/**
 * Removes invisible characters except U+200B, which the renderers insert to neutralise constructs
 * (see module comment).
 */
function stripHiddenKeepingZwsp(text) {
    return text.split('\u200b').map(safe/* stripHidden */.Pz).join('\u200b');
}
/**
 * Distinct live `@mentions` (case-insensitive) outside column-0 fenced code and inline code spans
 * (GitHub notifies neither).
 */
function liveMentions(text, mode) {
    const prose = mode === 'inline'
        ? [text]
        : (0,safe/* splitFences */.rD)(text)
            .segments.filter((s) => !s.code)
            .map((s) => s.text);
    const names = new Set();
    for (const part of prose) {
        const outsideSpans = part.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, ' ');
        for (const m of outsideSpans.matchAll(/(?<![A-Za-z0-9_])@([A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][A-Za-z0-9_.-]*)?)/g)) {
            names.add(m[1].replace(/\.+$/, '').toLowerCase());
        }
    }
    return [...names];
}
function kindOf(text) {
    return text.kind ?? (/title$/i.test(text.label.trim()) ? 'title' : 'body');
}
// `clip`, but a title drops the whitespace the cut leaves before its `…`.
function capTitle(text, max) {
    if (text.length <= max)
        return { text, truncated: false };
    return { text: `${(0,util_text/* clip */.$Q)(text, max).slice(0, -1).trimEnd()}…`, truncated: true };
}
/** A text as `publish` writes it (see the module comment); never refuses. */
function sanitiseText(text, kind, options) {
    const host = options.allowedHost;
    if (kind === 'title') {
        let out = stripHiddenKeepingZwsp(text)
            .replace(/\s*[\r\n]+\s*/g, ' ')
            .trim();
        out = (0,safe/* neutraliseMentions */.yY)((0,safe/* limitLinks */.R_)(out, host, { mode: 'inline' }), { mode: 'inline' });
        return capTitle(out, options.maxTitleChars ?? MAX_TITLE_CHARS);
    }
    const out = kind === 'raw'
        ? (0,safe/* safeBlock */.BW)(text, { allowedHost: host })
        : (0,safe/* neutraliseMentions */.yY)((0,safe/* limitLinks */.R_)(stripHiddenKeepingZwsp(text), host, { mode: 'block' }), { mode: 'block' });
    const max = options.maxBodyChars ?? MAX_BODY_CHARS;
    const capped = (0,markdown/* truncateMarkdown */.o4)(out, { unit: 'chars', max });
    return { text: capped, truncated: capped !== out };
}
// ---------------------------------------------------------------------------------------------
// the check
/**
 * Checks every patch and text against the policy (module comment). All or nothing: either every
 * text, sanitised, under its key, or every refusal. Throws only on an invalid protected-path pattern.
 */
async function checkSafeOutputs(input, options) {
    const refusals = [];
    const globs = options.protectedPaths.map(workspace_glob/* compileGlob */.SO);
    const needles = (0,scan/* secretNeedles */.h9)(options.secretValues ?? []);
    const scanner = { needles, binaryNeedles: (0,scan/* byteNeedles */.VU)(needles) };
    const allPaths = new Set();
    const links = [];
    let patchBytes = 0;
    for (const { label, patch } of input.patches) {
        if (patch === '')
            continue;
        patchBytes += Buffer.byteLength(patch, 'utf8');
        const parts = sections(patch);
        const changes = parts.flatMap((s) => (s.change ? [s.change] : []));
        for (const part of parts) {
            if (!part.change && part.text.startsWith('diff --git ')) {
                refusals.push({
                    rule: 'unreadable-patch',
                    where: `${label}: ${part.shownPath}`,
                    detail: 'the names of a file this patch changes cannot be read, so its paths cannot be checked',
                });
            }
            if (!part.change)
                continue;
            for (const finding of lifecycleFindings(part.text, part.change)) {
                refusals.push({
                    rule: 'lifecycle-script',
                    where: `${label}: ${part.shownPath}`,
                    detail: `${part.shownPath} ${finding}`,
                });
            }
            const link = linkInSection(part.text, part.change, label);
            if (link)
                links.push(link);
        }
        let gitPaths = [];
        try {
            gitPaths = await (0,workspace_patch/* pathsGitReads */.ks)(options.gitCwd ?? external_node_os_.tmpdir(), patch);
        }
        catch {
            // git's message may quote the patch; it is not repeated.
            refusals.push({
                rule: 'unreadable-patch',
                where: label,
                detail: 'git cannot read this patch, so its paths cannot be checked',
            });
        }
        const paths = [...(0,workspace_patch/* touchedPaths */.Pq)(changes), ...gitPaths].filter((p) => p !== '');
        const reported = new Set();
        for (const path of paths) {
            allPaths.add(path);
            if (reported.has(path))
                continue;
            reported.add(path);
            const glob = (0,workspace_glob/* matchGlobs */.jv)(path, globs);
            if (!glob)
                continue;
            const change = changes.find((c) => c.path === path || c.oldPath === path);
            refusals.push({
                rule: 'protected-path',
                where: `${label}: ${path}`,
                detail: `${describeTouch(change, path)}; ${path} is protected by "${glob.pattern}" (protected-paths)`,
            });
        }
        for (const part of parts)
            refusals.push(...scanSection(part, label, scanner, options.maxPatchBytes));
    }
    for (const found of linkFindings(links, globs)) {
        refusals.push({ rule: 'symlink', where: `${found.label}: ${found.path}`, detail: found.detail });
    }
    if (patchBytes > options.maxPatchBytes) {
        const each = input.patches
            .filter((p) => p.patch !== '')
            .map((p) => `${p.label} ${Buffer.byteLength(p.patch, 'utf8').toLocaleString('en-US')}`)
            .join(', ');
        refusals.push({
            rule: 'patch-size',
            where: 'the change',
            detail: `${patchBytes.toLocaleString('en-US')} bytes of patch (${each}), more than the ` +
                `limit of ${options.maxPatchBytes.toLocaleString('en-US')} (limits.max-patch-bytes)`,
        });
    }
    if (allPaths.size > options.maxFiles) {
        refusals.push({
            rule: 'file-count',
            where: 'the change',
            detail: `${allPaths.size.toLocaleString('en-US')} files touched, more than the ` +
                `limit of ${options.maxFiles.toLocaleString('en-US')} (limits.max-files)`,
        });
    }
    const maxMentions = options.maxMentions ?? DEFAULT_MAX_MENTIONS;
    const texts = {};
    for (const key of Object.keys(input.texts)) {
        const entry = input.texts[key];
        const kind = kindOf(entry);
        refusals.push(...scanText(entry.text, needles, entry.label, (line) => `on line ${line}`));
        const mentions = liveMentions(stripHiddenKeepingZwsp(entry.text), kind === 'title' ? 'inline' : 'block');
        if (mentions.length > maxMentions) {
            refusals.push({
                rule: 'mention-flood',
                where: entry.label,
                detail: `${mentions.length} distinct @mentions, more than the ${maxMentions} allowed in one text`,
            });
        }
        texts[key] = { label: entry.label, ...sanitiseText(entry.text, kind, options) };
    }
    const stats = { patchBytes, files: allPaths.size };
    if (refusals.length > 0)
        return { ok: false, refusals: dedupe(refusals), stats };
    return { ok: true, texts, stats };
}
function dedupe(refusals) {
    const seen = new Set();
    return refusals.filter((r) => {
        const key = `${r.rule}\0${r.where}\0${r.detail}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
// ---------------------------------------------------------------------------------------------
// the message
const HINTS = {
    'protected-path': 'make that change by hand, or remove the pattern from `protected-paths` in the ensemble config',
    'lifecycle-script': "install scripts, the package manager and git hooks run on the maintainer's and CI's machines before " +
        'anyone reviews them: make that change by hand',
    symlink: 'a symbolic link must stay in the repository and off protected paths: make it a regular file, or ' +
        'make that change by hand',
    'unreadable-patch': 'the artifacts hold the patch; re-run the stage that produced it',
    'patch-size': 'split the request into smaller issues, or raise `limits.max-patch-bytes`',
    'file-count': 'split the request into smaller issues, or raise `limits.max-files`',
    'binary-size': 'add large binary files by hand, or raise `limits.max-patch-bytes`',
    credential: 'remove the credential (and revoke it if it is real); a test should build its canaries at run time',
    'secret-value': "a secret given to the workflow reached the output: revoke it, and check the agents' transcripts",
    'mention-flood': 'the generated text mentions too many people; check the run for prompt injection',
};
/** Control characters shown escaped, so that no line of the message can issue a workflow command. */
function oneLine(text) {
    return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/**
 * The refusals as one message: `publish refused: rule …, in …: …; nothing was written.`, one
 * line per refusal (the first 50), then what to do per rule. Paths and labels are shown on one
 * line and neutralised (mentions, links, HTML), so the message can go into a comment or a log.
 */
function formatRefusals(refusals, options = {}) {
    const host = options.allowedHost ?? 'github.com';
    const max = options.max ?? 50;
    const show = (r) => `rule ${r.rule}, in ${(0,safe/* neutraliseText */.op)(oneLine(r.where), host, 'inline')}: ` +
        `${(0,safe/* neutraliseText */.op)(oneLine(r.detail), host, 'inline')}`;
    if (refusals.length === 0)
        return 'publish refused nothing.';
    const rules = [...new Set(refusals.map((r) => r.rule))];
    const hints = rules.map((rule) => `- ${rule}: ${HINTS[rule]}`);
    if (refusals.length === 1) {
        return [`publish refused: ${show(refusals[0])}; nothing was written.`, 'What to do:', ...hints].join('\n');
    }
    const lines = refusals.slice(0, max).map((r) => `- ${show(r)}`);
    if (refusals.length > max)
        lines.push(`- … and ${refusals.length - max} more`);
    return [
        `publish refused (${refusals.length} problems); nothing was written:`,
        ...lines,
        'What to do:',
        ...hints,
    ].join('\n');
}


/***/ })

};
