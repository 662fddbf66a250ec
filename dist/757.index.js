export const id = 757;
export const ids = [757];
export const modules = {

/***/ 28805:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   Ie: () => (/* binding */ formatTimeLimit),
/* harmony export */   Q5: () => (/* binding */ normaliseOutput),
/* harmony export */   RT: () => (/* binding */ tail),
/* harmony export */   aJ: () => (/* binding */ stripAnsi),
/* harmony export */   sr: () => (/* binding */ clipExcerpt),
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


/***/ })

};
