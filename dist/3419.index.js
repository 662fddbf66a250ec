export const id = 3419;
export const ids = [3419];
export const modules = {

/***/ 43419:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   BD: () => (/* binding */ formatCost),
/* harmony export */   Bv: () => (/* binding */ blocks),
/* harmony export */   CG: () => (/* binding */ STEP_SUMMARY_LIMIT),
/* harmony export */   EU: () => (/* binding */ fence),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   aJ: () => (/* binding */ stripAnsi),
/* harmony export */   nY: () => (/* binding */ GITHUB_BODY_LIMIT),
/* harmony export */   o4: () => (/* binding */ truncateMarkdown),
/* harmony export */   ti: () => (/* binding */ inlineCode),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
/* unused harmony export truncationNote */
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28805);
/* harmony import */ var _safe_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85303);
/**
 * Markdown building blocks shared by the renderers: code fences and spans that their content
 * cannot break, tables, number formats, and the size cap every rendered document respects.
 */


/** GitHub refuses a step summary above 1 MiB. */
const STEP_SUMMARY_LIMIT = { unit: 'bytes', max: 1_048_576 };
/** GitHub's limit on a pull request body, an issue comment and a review (comment) body. */
const GITHUB_BODY_LIMIT = { unit: 'chars', max: 65_536 };
function sizeOf(text, unit) {
    return unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
}
function describeLimit(limit) {
    if (limit.unit === 'bytes' && limit.max % 1_048_576 === 0)
        return `${limit.max / 1_048_576} MiB`;
    return `${formatCount(limit.max)} ${limit.unit === 'bytes' ? 'bytes' : 'characters'}`;
}
/** The note that ends a truncated document. */
function truncationNote(limit) {
    return (`> [!WARNING]\n> **Truncated**: this text was longer than ${describeLimit(limit)} and was cut here; ` +
        "the run's artifacts hold everything.");
}
/** What must be appended to `prefix` to close what it leaves open: a code fence, `<details>` elements. */
function closersFor(prefix) {
    let fence = null;
    let details = 0;
    for (const line of prefix.split('\n')) {
        if (fence !== null) {
            if ((0,_safe_js__WEBPACK_IMPORTED_MODULE_0__/* .closesFence */ .Tv)(line, fence))
                fence = null;
            continue;
        }
        const opening = (0,_safe_js__WEBPACK_IMPORTED_MODULE_0__/* .fenceOpening */ .YY)(line);
        if (opening)
            fence = opening;
        else if (line.startsWith('<details'))
            details++;
        else if (line.startsWith('</details>') && details > 0)
            details--;
    }
    return (fence === null ? '' : `\n${fence}`) + '\n</details>'.repeat(details);
}
/**
 * `markdown` if it fits `limit`, else the longest prefix that fits together with what closes its
 * open code fence and `<details>` and a visible truncation note. Cuts at a line end when one is
 * near, never inside a character. Kept here rather than with the plain-text cuts in util/text.ts:
 * it has to know Markdown (fences, `<details>`) and can count UTF-8 bytes.
 */
function truncateMarkdown(markdown, limit) {
    if (sizeOf(markdown, limit.unit) <= limit.max)
        return markdown;
    const note = `\n\n${truncationNote(limit)}\n`;
    const room = limit.max - sizeOf(note, limit.unit);
    if (room <= 0)
        return note.trim().slice(0, limit.max);
    // Longest prefix that fits `room` (binary search; UTF-8 size grows with length).
    let lo = 0;
    let hi = Math.min(markdown.length, room);
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (sizeOf(markdown.slice(0, mid), limit.unit) <= room)
            lo = mid;
        else
            hi = mid - 1;
    }
    let end = (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .wholeCharEnd */ .vh)(markdown, lo);
    const newline = markdown.lastIndexOf('\n', end - 1);
    if (newline > 0 && end - newline <= 4_096)
        end = newline;
    for (;;) {
        const prefix = markdown.slice(0, end).replace(/\s+$/, '');
        const result = prefix + closersFor(prefix) + note;
        if (sizeOf(result, limit.unit) <= limit.max || end === 0)
            return end === 0 ? note.trim() : result;
        const previous = markdown.lastIndexOf('\n', end - 1);
        end = (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .wholeCharEnd */ .vh)(markdown, previous > 0 ? previous : Math.max(0, end - (sizeOf(result, limit.unit) - limit.max)));
    }
}
// ---------------------------------------------------------------------------------------------
// code
function longestRun(text, char) {
    let longest = 0;
    let current = 0;
    for (const c of text) {
        current = c === char ? current + 1 : 0;
        if (current > longest)
            longest = current;
    }
    return longest;
}
/**
 * A fenced code block at column 0 whose fence is longer than any backtick run in `content`, so
 * nothing in it can close it early. `content` is shown as it is (code is never neutralised).
 */
function fence(content, info = '') {
    const ticks = '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
    const body = content.replace(/\r\n?/g, '\n').replace(/\n$/, '');
    return `${ticks}${info}\n${body}\n${ticks}`;
}
/** An inline code span on one line that its content cannot close (pipes escaped for tables). */
function inlineCode(text) {
    const flat = (0,_safe_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdownInline */ .E4)(text);
    const ticks = '`'.repeat(longestRun(flat, '`') + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
    return `${ticks}${pad}${flat}${pad}${ticks}`;
}
/** ANSI colour and cursor sequences, which test output is full of. */
// Unlike util/text.ts's stripAnsi, removes OSC sequences whole (links, titles) and keeps other 2-byte escapes.
function stripAnsi(text) {
    return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\u001b\][^\u0007]*\u0007/g, '');
}
// ---------------------------------------------------------------------------------------------
// tables and numbers
/** A GitHub table; cells must already be inline-safe. `align` per column: `l` (default) or `r`. */
function table(header, rows, align = '') {
    const line = (cells) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
    const rule = `|${header.map((_, i) => (align[i] === 'r' ? '---:' : '---')).join('|')}|`;
    return [line(header), rule, ...rows.map(line)].join('\n');
}
/** `12,345`, independent of the machine's locale. */
function formatCount(n) {
    return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
/** `$0.0123`, or `—` when the cost is not known. */
function formatCost(usd) {
    return usd === null ? '—' : `$${usd.toFixed(4)}`;
}
/** `850 ms`, `41.3 s`, `2 min 05 s`, `1 h 02 min`. */
function formatDuration(ms) {
    if (ms < 1_000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(ms / 1_000).toFixed(1)} s`;
    const seconds = Math.round(ms / 1_000);
    if (seconds < 3_600)
        return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
    const minutes = Math.round(seconds / 60);
    return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
/** Joins blocks with one blank line, dropping empty ones. */
function blocks(...parts) {
    return parts.filter((p) => typeof p === 'string' && p.trim() !== '').join('\n\n');
}


/***/ }),

/***/ 85303:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BW: () => (/* binding */ safeBlock),
/* harmony export */   E4: () => (/* binding */ escapeMarkdownInline),
/* harmony export */   H1: () => (/* binding */ safeInline),
/* harmony export */   HX: () => (/* binding */ DEFAULT_HOST),
/* harmony export */   Iw: () => (/* binding */ neutraliseHtml),
/* harmony export */   Pz: () => (/* binding */ stripHidden),
/* harmony export */   R_: () => (/* binding */ limitLinks),
/* harmony export */   Tv: () => (/* reexport safe */ _util_fences_js__WEBPACK_IMPORTED_MODULE_1__.Tv),
/* harmony export */   YY: () => (/* reexport safe */ _util_fences_js__WEBPACK_IMPORTED_MODULE_1__.YY),
/* harmony export */   op: () => (/* binding */ neutraliseText),
/* harmony export */   rD: () => (/* reexport safe */ _util_fences_js__WEBPACK_IMPORTED_MODULE_1__.rD),
/* harmony export */   yY: () => (/* binding */ neutraliseMentions)
/* harmony export */ });
/* unused harmony exports openFenceAtEnd, neutraliseReferences, neutraliseDefinitions */
/* harmony import */ var _util_fences_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(68568);
/* harmony import */ var _util_invisible_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90331);
/**
 * Safe text: what model-written (and issue-written) text must go through before it reaches a
 * pull request, a comment or a step summary. It must not notify anyone, link anywhere but the
 * repository's host, close or cross-reference other issues, hide content, or break the document
 * around it.
 *
 * Decisions:
 * - Neutralising inserts a zero-width space (U+200B) at the point that breaks the construct
 *   (`@\u200Bname`, `https\u200B://`, `<\u200Bdetails>`): the text reads the same, works in any
 *   context (inside or outside code spans, tables, lists) and cannot be undone by surrounding
 *   markup, which wrapping in backticks can.
 * - Fenced code blocks that open at column 0 are left untouched: GitHub renders neither mentions,
 *   links nor HTML inside them, so code (an `@Override`, a URL in a test) keeps its exact bytes.
 *   A fence at column 0 is a fence to GitHub whatever precedes it, once HTML is neutralised; an
 *   unclosed fence is closed at the end of the text so that it cannot swallow what follows.
 * - Inline code spans ARE neutralised: where a span starts and ends depends on the whole block
 *   around it, and a span this code believed in but GitHub did not would let a mention through.
 *   Inside a span the inserted character is invisible.
 * - Email addresses (`a@b.com`) are not mentions to GitHub and are left alone: an `@` preceded
 *   by a letter, digit or `_` is never touched.
 * - Links: any URL with an authority (`scheme://host`, `//host`, and `http:host` which browsers
 *   resolve like `http://host`) and any `www.` autolink whose host is not the allowed host,
 *   exactly, is made inert. A host is only accepted when it is plain (`[a-z0-9.-]`, optional
 *   port): anything with `@`, `\`, `%` or entities is treated as foreign.
 * - Character references (`&#58;`, `&colon;`) are broken so that a URL cannot be spelt through
 *   them; raw HTML (`<tag`, `</`, `<!--`, `<?`) is broken so that no tag, comment or autolink
 *   survives; closing keywords (`Fixes #1`) and cross-repository references (`o/r#1`) are broken
 *   so that merging the pull request closes, and the text notifies, only what ensemble wrote itself.
 * - Link reference definitions (`[label]: url "title"`, and the `[//]: # (comment)` idiom built on
 *   them) render as nothing: `]:` is broken (`]\u200B:`), so the line shows as the text it is.
 *   GFM footnote definitions (`[^1]: text`) are broken the same way and show as plain text.
 * - Invisible characters already in the text are removed first (`util/invisible.ts`: zero-width
 *   and bidirectional controls, variation-selector runs and tag characters, which spell whole
 *   sentences invisibly; one emoji presentation selector after an emoji and the joiner between
 *   two emoji are kept). Link titles and image alt text are left: GitHub shows them on hover.
 */


const ZWSP = '\u200b';
// ---------------------------------------------------------------------------------------------
// column-0 fenced code blocks
// Fences are parsed in `util/fences.ts`, which the prompts (`agent/prompt.ts`) share.

/** Applies `transform` to prose only, leaving column-0 fenced code blocks as they are. */
function outsideFences(text, transform) {
    return (0,_util_fences_js__WEBPACK_IMPORTED_MODULE_1__/* .splitFences */ .rD)(text)
        .segments.map((s) => (s.code ? s.text : transform(s.text)))
        .join('');
}
/** The fence a text leaves open at its end (column-0 fences), or null. */
function openFenceAtEnd(text) {
    return (0,_util_fences_js__WEBPACK_IMPORTED_MODULE_1__/* .splitFences */ .rD)(text).open;
}
function apply(text, options, transform) {
    return options?.mode === 'inline' ? transform(text) : outsideFences(text, transform);
}
/** `@user` and `@org/team` become `@\u200Buser`; `a@b.com` stays. */
function neutraliseMentions(text, options) {
    return apply(text, options, (prose) => prose.replace(/(?<![A-Za-z0-9_])@(?=[A-Za-z0-9])/g, `@${ZWSP}`));
}
/** Breaks `<tag`, `</`, `<!--`, `<?` and `<scheme:` so that no raw HTML, comment or autolink is rendered. */
function neutraliseHtml(text, options) {
    return apply(text, options, (prose) => prose.replace(/<(?=[A-Za-z!/?\t])/g, `<${ZWSP}`).replace(/&(?=#?[A-Za-z0-9]+;)/g, `&${ZWSP}`));
}
const CLOSING_KEYWORD = /(?<![A-Za-z0-9_])(close[sd]?|fix(?:e[sd])?|resolve[sd]?)(?=:?[ \t]+(?:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)?#\d|:?[ \t]+https?:)/gi;
/** `Fixes #1` no longer closes #1; `other/repo#1` no longer cross-references (and notifies) another repository. */
function neutraliseReferences(text, options) {
    return apply(text, options, (prose) => prose.replace(CLOSING_KEYWORD, `$1${ZWSP}`).replace(/(?<=[A-Za-z0-9_.-]\/[A-Za-z0-9_.-]+)#(?=\d)/g, `#${ZWSP}`));
}
const SPECIAL_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'ftp']);
// Where the authority of a URL ends, for the purpose of deciding whether it is plain.
const AUTHORITY = /^[^\s/?#<>()[\]"'`]*/;
const PLAIN_HOST = /^([a-z0-9-]+\.)*[a-z0-9-]+\.?(:\d+)?$/;
function hostAllowed(authority, allowed) {
    const trimmed = authority.replace(/[.,:;!*_~]+$/, '').toLowerCase();
    if (!PLAIN_HOST.test(trimmed))
        return false;
    const host = trimmed.replace(/:\d+$/, '').replace(/\.$/, '');
    return allowed.includes(host);
}
/**
 * Links to any host but `allowedHost` (exactly; pass several for a GitHub Enterprise host and its
 * API) are made inert: the scheme or the `//` is broken, so the text stays readable but neither
 * GitHub's autolinker nor a browser follows it. Links on the allowed host, relative links,
 * `mailto:` and emails are kept.
 */
function limitLinks(text, allowedHost, options) {
    const allowed = (typeof allowedHost === 'string' ? [allowedHost] : [...allowedHost]).map((h) => h.toLowerCase());
    return apply(text, options, (prose) => {
        // scheme:[//]authority — for special schemes the slashes are optional (browsers add them),
        // and a backslash may stand for a slash or escape the colon.
        let out = prose.replace(/(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*)(\\?:)([\\/]*)/g, (whole, scheme, colon, slashes, offset, all) => {
            if (!SPECIAL_SCHEMES.has(scheme.toLowerCase()) && slashes.length < 2)
                return whole;
            const authority = AUTHORITY.exec(all.slice(offset + whole.length))[0];
            if (authority === '' || hostAllowed(authority, allowed))
                return whole;
            return `${scheme}${ZWSP}${colon}${slashes}`;
        });
        // Protocol-relative `//host` (a link destination resolves it to another site).
        out = out.replace(/(?<![A-Za-z0-9+.:\\/-])([\\/])(?=[\\/])/g, (whole, first, offset, all) => {
            const rest = all.slice(offset + 1).replace(/^[\\/]+/, '');
            const authority = AUTHORITY.exec(rest)[0];
            if (authority === '' || hostAllowed(authority, allowed))
                return whole;
            return `${first}${ZWSP}`;
        });
        // GFM's `www.` autolinks.
        out = out.replace(/(?<![A-Za-z0-9-])(www)(?=\\?\.)/gi, (whole, www, offset, all) => {
            const authority = AUTHORITY.exec(all.slice(offset))[0].replace(/\\\./g, '.');
            if (hostAllowed(authority, allowed) || hostAllowed(authority.replace(/^www\./i, ''), allowed))
                return whole;
            return `${www}${ZWSP}`;
        });
        return out;
    });
}
/**
 * Removes what hides or reorders text: zero-width and bidirectional controls, tag characters,
 * variation-selector runs (`util/invisible.ts`; what emoji need is kept).
 */
function stripHidden(text) {
    return (0,_util_invisible_js__WEBPACK_IMPORTED_MODULE_0__/* .stripInvisible */ ._)(text);
}
/** `[label]: url` (a link reference definition, rendered as nothing) becomes `[label]\u200B: url`, which shows. */
function neutraliseDefinitions(text, options) {
    return apply(text, options, (prose) => prose.replace(/\](?=:)/g, `]${ZWSP}`));
}
/** Table cells and one-line contexts: newlines become spaces, pipes are escaped. */
function escapeMarkdownInline(text) {
    return text.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
}
const DEFAULT_HOST = 'github.com';
/** Every neutralisation, in `block` mode (column-0 fences kept) or `inline` mode (nothing kept); no escaping. */
function neutraliseText(text, allowedHost, mode) {
    let out = stripHidden(text);
    out = neutraliseHtml(out, { mode });
    out = limitLinks(out, allowedHost, { mode });
    out = neutraliseMentions(out, { mode });
    out = neutraliseDefinitions(out, { mode });
    return neutraliseReferences(out, { mode });
}
/**
 * Untrusted text placed as its own block (paragraphs at column 0, between blank lines): every
 * neutralisation outside column-0 fenced code, and an unclosed fence closed at the end.
 */
function safeBlock(text, options = {}) {
    const out = neutraliseText(text.replace(/\r\n?/g, '\n'), options.allowedHost ?? DEFAULT_HOST, 'block').replace(/\n+$/, '');
    const open = openFenceAtEnd(out);
    return open === null ? out : `${out}\n${open}`;
}
/** Untrusted text placed inside a line (a table cell, a list item, a heading): on one line, all neutralised. */
function safeInline(text, options = {}) {
    return escapeMarkdownInline(neutraliseText(text, options.allowedHost ?? DEFAULT_HOST, 'inline')).trim();
}


/***/ }),

/***/ 68568:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tv: () => (/* binding */ closesFence),
/* harmony export */   YY: () => (/* binding */ fenceOpening),
/* harmony export */   rD: () => (/* binding */ splitFences)
/* harmony export */ });
/**
 * Column-0 fenced code blocks (CommonMark), which GitHub shows verbatim: both the prompts, which
 * keep what a reader sees, and the renderers, which neutralise only prose, leave them as they are.
 */
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
/** The fence that opens at this line (column 0 only), or null. */
function fenceOpening(line) {
    const m = FENCE_OPEN.exec(line.replace(/\r$/, ''));
    if (!m)
        return null;
    const fence = m[1];
    if (fence[0] === '`' && m[2].includes('`'))
        return null; // a backtick fence's info string has no backtick
    return fence;
}
/** Whether `line` closes a block opened by `fence` (CommonMark: up to 3 spaces, same character, at least as long). */
function closesFence(line, fence) {
    const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line.replace(/\r$/, ''));
    return m !== null && m[1][0] === fence[0] && m[1].length >= fence.length;
}
/** Splits text into prose and column-0 fenced code blocks (fence lines belong to the code segment). */
function splitFences(text) {
    const segments = [];
    let open = null;
    let start = 0;
    let chunkStart = 0;
    while (start <= text.length) {
        const nl = text.indexOf('\n', start);
        const end = nl === -1 ? text.length : nl + 1;
        const line = text.slice(start, nl === -1 ? text.length : nl);
        if (open === null) {
            const fence = fenceOpening(line);
            if (fence) {
                if (start > chunkStart)
                    segments.push({ code: false, text: text.slice(chunkStart, start) });
                chunkStart = start;
                open = fence;
            }
        }
        else if (closesFence(line, open)) {
            segments.push({ code: true, text: text.slice(chunkStart, end) });
            chunkStart = end;
            open = null;
        }
        if (nl === -1)
            break;
        start = end;
    }
    if (chunkStart < text.length)
        segments.push({ code: open !== null, text: text.slice(chunkStart) });
    return { segments, open };
}


/***/ }),

/***/ 90331:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ stripInvisible)
/* harmony export */ });
/**
 * Characters a reader does not see but a model (or a tool reading the raw text) does: what both
 * the prompts (`agent/prompt.ts`) and every text ensemble writes to GitHub (`render/safe.ts`)
 * remove. One definition, so that what goes in and what comes out agree.
 *
 * Removed: every default-ignorable code point (Unicode's `Default_Ignorable_Code_Point`: zero-width
 * spaces and joiners, bidirectional controls and marks, the soft hyphen, Hangul fillers, variation
 * selectors U+FE00–U+FE0F and U+E0100–U+E01EF, tag characters U+E0000–U+E007F, …) and the
 * interlinear annotation controls U+FFF9–U+FFFB, which hide the annotation between them. Tag
 * characters spell ASCII invisibly, and a run of variation selectors after any character spells a
 * byte each: both carry whole hidden sentences.
 *
 * Kept, because emoji need them and they can carry no more than a bit per visible emoji:
 * - one U+FE0E or U+FE0F (text or emoji presentation) directly after an emoji character (`❤️`,
 *   the keycap `1️⃣`); a second one, or one after anything else, is removed;
 * - a zero-width joiner between two emoji (`👩‍💻`, `❤️‍🔥`); anywhere else it is removed;
 * - the tag sequences of the three subdivision flags in the emoji standard (England, Scotland,
 *   Wales); any other tag character is removed, so a black flag followed by tags shows as 🏴.
 *
 * Trade-off: scripts that use U+200C (zero-width non-joiner, Persian, Indic) or the Mongolian
 * free variation selectors lose them; the text stays readable.
 */
// England, Scotland and Wales: U+1F3F4, the tags of `gbeng`, `gbsct` or `gbwls`, the cancel tag.
const SUBDIVISION_FLAG = String.raw `\u{1F3F4}\u{E0067}\u{E0062}` +
    String.raw `(?:\u{E0065}\u{E006E}\u{E0067}|\u{E0073}\u{E0063}\u{E0074}|\u{E0077}\u{E006C}\u{E0073})\u{E007F}`;
// An emoji, with one presentation selector and a joiner to the next emoji if they follow it.
const EMOJI = String.raw `\p{Emoji}[\uFE0E\uFE0F]?(?:\u200D(?=\p{Emoji}))?`;
// What is kept (captured), else what is removed.
const INVISIBLE = new RegExp(String.raw `(${SUBDIVISION_FLAG}|${EMOJI})|[\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB]`, 'gu');
/** `text` without the characters a reader does not see (module comment). */
function stripInvisible(text) {
    return text.replace(INVISIBLE, (_whole, kept) => kept ?? '');
}


/***/ })

};
