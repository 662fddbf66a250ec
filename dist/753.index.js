export const id = 753;
export const ids = [753];
export const modules = {

/***/ 26401:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KV: () => (/* binding */ publishProtectedPaths),
/* harmony export */   Qb: () => (/* binding */ checkSafeOutputs),
/* harmony export */   hz: () => (/* binding */ formatRefusals)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_MENTIONS, MAX_TITLE_CHARS, MAX_BODY_CHARS, defaultPublishProtectedPaths, liveMentions, sanitiseText */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var _config_instructions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70417);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76264);
/* harmony import */ var _render_markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(43419);
/* harmony import */ var _render_safe_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(85303);
/* harmony import */ var _secrets_scan_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(51512);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(28805);
/* harmony import */ var _workspace_diff_index_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(75585);
/* harmony import */ var _workspace_glob_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(84659);
/* harmony import */ var _workspace_patch_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(93515);
/**
 * The safe-output policy: what `publish` checks, all or nothing, before it writes anything.
 * A refusal names its rule, where (the patch and file, or the text), and what was found, never
 * the secret itself; `formatRefusals` turns refusals into a message a user can act on.
 *
 * Rules:
 * - `protected-path`: no patch touches a protected path, both sides of a rename included. Paths
 *   are read twice, by `pathsInPatch` and by git (`git apply --numstat`), so that a header one
 *   reader misreads cannot hide a path. Default patterns: `defaultPublishProtectedPaths`.
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
 * The paths `publish` protects by default: workflows, the ensemble configuration file
 * (`configPath`, repository-relative) and the instruction files agents read (`AGENTS.md` and
 * `CLAUDE.md` at any depth, `.github/copilot-instructions.md`).
 */
function defaultPublishProtectedPaths(configPath = DEFAULT_CONFIG_PATH) {
    return publishProtectedPaths(['.github/workflows/**'], configPath);
}
/**
 * `configured` (the config's `protected-paths`, `.github/workflows/**` unless changed) plus the
 * configuration file and the instruction files, which steer the agents and are always protected.
 */
function publishProtectedPaths(configured, configPath = _config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_CONFIG_PATH */ .Bi) {
    return [...new Set([...configured, literalPattern(configPath), ..._config_instructions_js__WEBPACK_IMPORTED_MODULE_1__/* .INSTRUCTION_FILES */ .XI])];
}
/** The patch's per-file sections (`splitSections`), each with the first change it makes as `pathsInPatch` reads it. */
function sections(patch) {
    return (0,_workspace_diff_index_js__WEBPACK_IMPORTED_MODULE_6__/* .splitSections */ .nO)(patch).map((text) => {
        const change = (0,_workspace_patch_js__WEBPACK_IMPORTED_MODULE_8__/* .pathsInPatch */ .QY)(text)[0] ?? null;
        const usable = change !== null && change.path !== '' && change.oldPath !== '';
        const plusPath = /^\+\+\+ (?:b\/)?([^\t\n]+)/m.exec(text)?.[1];
        const shownPath = usable ? change.path : (plusPath ?? '(a file whose name cannot be read)');
        return { text, change: usable ? change : null, shownPath };
    });
}
/** Secret values and credential patterns in `text`; `at` says where a line is. */
function scanText(text, needles, where, at) {
    const refusals = [];
    for (const hit of (0,_secrets_scan_js__WEBPACK_IMPORTED_MODULE_5__/* .findSecretValues */ .sD)(text, needles)) {
        refusals.push({ rule: 'secret-value', where, detail: `${(0,_secrets_scan_js__WEBPACK_IMPORTED_MODULE_5__/* .describeSecretHit */ .Fk)(hit)} ${at(hit.line)}` });
    }
    for (const hit of (0,_secrets_scan_js__WEBPACK_IMPORTED_MODULE_5__/* .findCredentials */ .gD)(text, needles)) {
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
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (line.startsWith('@@')) {
            inHunk = true;
            newLine = Number(/^@@ -\d+(?:,\d+)? \+(\d+)/.exec(line)?.[1] ?? 1);
            continue;
        }
        if (!inHunk) {
            if (line.replace(/\r$/, '') === 'GIT binary patch') {
                const content = (0,_workspace_diff_index_js__WEBPACK_IMPORTED_MODULE_6__/* .forwardBinary */ .vA)(lines, i + 1, maxBytes);
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
            const lineNo = newLine;
            refusals.push(...scanText(line.slice(1), scanner.needles, where, () => `on line ${lineNo}`));
            newLine++;
        }
        else if (line.startsWith('-') || line.startsWith('\\')) {
            // removed (already in the base) or "\ No newline at end of file"
        }
        else {
            newLine++;
        }
    }
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
    return text.split('\u200b').map(_render_safe_js__WEBPACK_IMPORTED_MODULE_4__/* .stripHidden */ .Pz).join('\u200b');
}
/**
 * Distinct live `@mentions` (case-insensitive) outside column-0 fenced code and inline code spans
 * (GitHub notifies neither).
 */
function liveMentions(text, mode) {
    const prose = mode === 'inline'
        ? [text]
        : (0,_render_safe_js__WEBPACK_IMPORTED_MODULE_4__/* .splitFences */ .rD)(text)
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
    return { text: `${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_9__/* .clip */ .$Q)(text, max).slice(0, -1).trimEnd()}…`, truncated: true };
}
/** A text as `publish` writes it (see the module comment); never refuses. */
function sanitiseText(text, kind, options) {
    const host = options.allowedHost;
    if (kind === 'title') {
        let out = stripHiddenKeepingZwsp(text)
            .replace(/\s*[\r\n]+\s*/g, ' ')
            .trim();
        out = (0,_render_safe_js__WEBPACK_IMPORTED_MODULE_4__/* .neutraliseMentions */ .yY)((0,_render_safe_js__WEBPACK_IMPORTED_MODULE_4__/* .limitLinks */ .R_)(out, host, { mode: 'inline' }), { mode: 'inline' });
        return capTitle(out, options.maxTitleChars ?? MAX_TITLE_CHARS);
    }
    const out = kind === 'raw'
        ? (0,_render_safe_js__WEBPACK_IMPORTED_MODULE_4__/* .safeBlock */ .BW)(text, { allowedHost: host })
        : (0,_render_safe_js__WEBPACK_IMPORTED_MODULE_4__/* .neutraliseMentions */ .yY)((0,_render_safe_js__WEBPACK_IMPORTED_MODULE_4__/* .limitLinks */ .R_)(stripHiddenKeepingZwsp(text), host, { mode: 'block' }), { mode: 'block' });
    const max = options.maxBodyChars ?? MAX_BODY_CHARS;
    const capped = (0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .truncateMarkdown */ .o4)(out, { unit: 'chars', max });
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
    const globs = options.protectedPaths.map(_workspace_glob_js__WEBPACK_IMPORTED_MODULE_7__/* .compileGlob */ .SO);
    const needles = (0,_secrets_scan_js__WEBPACK_IMPORTED_MODULE_5__/* .secretNeedles */ .h9)(options.secretValues ?? []);
    const scanner = { needles, binaryNeedles: (0,_secrets_scan_js__WEBPACK_IMPORTED_MODULE_5__/* .byteNeedles */ .VU)(needles) };
    const allPaths = new Set();
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
        }
        let gitPaths = [];
        try {
            gitPaths = await (0,_workspace_patch_js__WEBPACK_IMPORTED_MODULE_8__/* .pathsGitReads */ .ks)(options.gitCwd ?? node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir(), patch);
        }
        catch {
            // git's message may quote the patch; it is not repeated.
            refusals.push({
                rule: 'unreadable-patch',
                where: label,
                detail: 'git cannot read this patch, so its paths cannot be checked',
            });
        }
        const paths = [...(0,_workspace_patch_js__WEBPACK_IMPORTED_MODULE_8__/* .touchedPaths */ .Pq)(changes), ...gitPaths].filter((p) => p !== '');
        const reported = new Set();
        for (const path of paths) {
            allPaths.add(path);
            if (reported.has(path))
                continue;
            reported.add(path);
            const glob = (0,_workspace_glob_js__WEBPACK_IMPORTED_MODULE_7__/* .matchGlobs */ .jv)(path, globs);
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
    const show = (r) => `rule ${r.rule}, in ${(0,_render_safe_js__WEBPACK_IMPORTED_MODULE_4__/* .neutraliseText */ .op)(oneLine(r.where), host, 'inline')}: ` +
        `${(0,_render_safe_js__WEBPACK_IMPORTED_MODULE_4__/* .neutraliseText */ .op)(oneLine(r.detail), host, 'inline')}`;
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


/***/ }),

/***/ 68385:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iz: () => (/* binding */ WITHHELD),
/* harmony export */   qv: () => (/* binding */ NOTHING_WRITTEN),
/* harmony export */   z8: () => (/* binding */ report)
/* harmony export */ });
/* unused harmony exports renderTrackingComment, renderPublishSummary */
/* harmony import */ var _contracts_common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60574);
/* harmony import */ var _github_issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(375);
/* harmony import */ var _render_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(11341);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(26401);
/**
 * What `publish` tells people: the tracking comment on the issue (the plan action's comment,
 * updated to the outcome) and the step summary. Both say what happened (the pull request, or why
 * nothing was written), show every stage's result, and for what failed, where its artifacts are.
 * `report` is the last step of `publishToGitHub`: it writes the comment and returns the result.
 */




const STATE_ICON = { ok: '✅', warn: '⚠️', failed: '❌', skipped: '⏭️' };
const HEADLINE = {
    published: 'ensemble opened a pull request',
    refused: 'ensemble refused to publish this change',
    invalid: 'ensemble could not publish: an artifact is not valid',
    'no-change': 'ensemble has nothing to publish',
    failed: 'ensemble could not finish publishing',
};
function safeUrl(url) {
    return /^https?:\/\/[^\s<>"'`()]+$/.test(url) ? url : null;
}
/** The pull request in Markdown: a link when its URL is safe, else its number; `null` when there is none. */
function pullRequestRef(pr) {
    if (!pr)
        return null;
    return safeUrl(pr.url) ? `[#${pr.number}](${pr.url})` : `#${pr.number}`;
}
function body(outcome, options) {
    const ctx = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .makeCtx */ .Gu)({ allowedHost: options.allowedHost });
    const runUrl = safeUrl(options.runUrl);
    const run = runUrl ? `[workflow run](${runUrl})` : 'workflow run';
    const pr = pullRequestRef(outcome.pr);
    const lines = [];
    if (pr)
        lines.push(`**Pull request:** ${pr} (${outcome.pr.outcome}) from ${ctx.code(outcome.branch ?? '')}.`);
    else if (outcome.branch)
        lines.push(`**Branch:** ${ctx.code(outcome.branch)} was pushed, but no pull request is open.`);
    if (outcome.review) {
        const review = safeUrl(outcome.review.url) ? `[review](${outcome.review.url})` : 'review';
        const verdict = outcome.review.blocking ? 'changes requested' : 'comments';
        const again = outcome.review.outcome === 'unchanged' ? ' (unchanged since the last run, not posted again)' : '';
        lines.push(`**Review:** ${review}, ${verdict}${again}.`);
    }
    const failed = outcome.stages.filter((s) => s.state === 'failed');
    const rows = outcome.stages.map((s) => [
        ctx.inline(s.stage),
        `${STATE_ICON[s.state]} ${ctx.inline(s.status)}`,
        s.detail.trim() === '' ? '—' : ctx.inline(s.detail.split('\n')[0] ?? ''),
    ]);
    const publishState = outcome.status === 'published' ? 'ok' : 'failed';
    rows.push(['publish', `${STATE_ICON[publishState]} ${outcome.status}`, pr ? `pull request ${pr}` : '—']);
    return (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .blocks */ .Bv)(`### ${outcome.status === 'published' ? '✅' : '🛑'} ${HEADLINE[outcome.status]}`, lines.join('\n'), outcome.error !== null && (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .fence */ .EU)(outcome.error, 'text'), ctx.heading(2, 'Stages'), (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .table */ .tp)(['Stage', 'Result', 'Details'], rows), failed.length > 0 &&
        `What failed: ${failed.map((s) => ctx.inline(s.stage)).join(', ')}. ` +
            `Their logs and artifacts (${failed.map((s) => ctx.code(s.artifact)).join(', ')}) are in the ${run}; ` +
            're-run the failed jobs, or the whole run.', outcome.notes.length > 0 && outcome.notes.map((n) => `- ${ctx.inline(n)}`).join('\n'), `<sub>Run: ${run}</sub>`);
}
/** The tracking comment: its marker, the outcome, the stage table and the plan (folded). */
function renderTrackingComment(outcome, plan, options) {
    const planMarkdown = plan
        ? (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .renderPlanMarkdown */ .d$)(plan, { allowedHost: options.allowedHost, limit: { unit: 'chars', max: 40_000 } })
        : null;
    const markdown = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .blocks */ .Bv)(_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .TRACKING_MARKER */ .Bb, body(outcome, options), planMarkdown !== null && `<details>\n<summary>The plan</summary>\n\n${planMarkdown.trim()}\n\n</details>`);
    return (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .truncateMarkdown */ .o4)(`${markdown}\n`, _render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .GITHUB_BODY_LIMIT */ .nY);
}
/** The step summary of the publish job. */
function renderPublishSummary(outcome, options) {
    return (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .truncateMarkdown */ .o4)(`${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .blocks */ .Bv)('## ensemble publish', body(outcome, options))}\n`, _render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .STEP_SUMMARY_LIMIT */ .CG);
}
const NOTHING_WRITTEN = {
    branch: null,
    commits: [],
    pr: null,
    review: null,
    reviewId: null,
    notes: [],
};
/**
 * Tells people how the publish ended: updates the tracking comment (for an issue; a failure to
 * is a warning, not an error) and returns the result, with the step summary and the
 * `ensemble-publish` document.
 */
async function report(finished, context) {
    const { status, written, stages, notes } = finished;
    const { pr, review } = written;
    const shown = { status, error: finished.error, branch: written.branch, pr, review, stages, notes };
    const { outcome, comment, summary } = await safeReport(shown, context);
    const commentId = await updateTrackingComment(comment, context);
    const document = {
        schema: 'ensemble.publish/v1',
        run: context.plan.run,
        usage: (0,_contracts_common_js__WEBPACK_IMPORTED_MODULE_0__/* .noModelUsage */ .wQ)(),
        branch: context.branch,
        commits: written.commits,
        prNumber: written.pr?.number ?? null,
        prUrl: written.pr?.url ?? null,
        reviewId: written.reviewId,
        commentId,
    };
    const warnings = stages.filter((s) => s.state === 'failed').map(stageWarning);
    const { prBody, reviewBody } = finished.bodies;
    return { status, error: outcome.error, document, outcome, summary, prBody, reviewBody, warnings };
}
function stageWarning(stage) {
    if (!stage.detail)
        return `${stage.stage}: ${stage.status}`;
    return `${stage.stage}: ${stage.status} (${stage.detail.split('\n')[0]})`;
}
/** The tracking comment's id, or null when there is no issue or it could not be updated. */
async function updateTrackingComment(body, context) {
    const { issue } = context.plan.run;
    if (issue === null)
        return null;
    const { owner, repo } = context.repo;
    try {
        const params = { owner, repo, issue_number: issue, marker: _render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .TRACKING_MARKER */ .Bb, body };
        const upserted = await (0,_github_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .upsertMarkedComment */ .Zd)(context.octokit, params);
        return upserted.id;
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        context.log.warn(`the tracking comment on issue #${issue} could not be updated: ${message}`);
        return null;
    }
}
const WITHHELD = 'withheld: it contains a credential or a secret value; see the run';
/** Whether `text` passes the policy's checks on texts (credentials, secret values, mention floods). */
async function passesTextPolicy(text, policy) {
    const texts = { report: { label: 'report', text, kind: 'body' } };
    const checked = await (0,_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .checkSafeOutputs */ .Qb)({ patches: [], texts }, policy);
    return checked.ok;
}
/**
 * The report (tracking comment and step summary) with every stage detail and note withheld when
 * it would otherwise carry a credential or a secret value (a task's stop reason quoting one, say),
 * and without the plan when even that is not enough: the report is written even when the policy
 * refused everything else, so it is checked too. The error message is ensemble's own (a refusal
 * names a credential by its kind and masked prefix, a secret by its name and length), so it is
 * left out of the check: a refusal of a private key block names its header line.
 */
async function safeReport(outcome, context) {
    const render = (o, p) => ({
        outcome: o,
        comment: renderTrackingComment(o, p, context),
        summary: renderPublishSummary(o, context),
    });
    const clean = async (o, p) => {
        const shown = render({ ...o, error: null }, p);
        return passesTextPolicy(`${shown.comment}\n${shown.summary}`, context.policy);
    };
    const { plan } = context;
    if (await clean(outcome, plan))
        return render(outcome, plan);
    const redacted = {
        ...outcome,
        stages: outcome.stages.map((s) => ({ ...s, detail: s.detail === '' ? '' : WITHHELD })),
        notes: outcome.notes.length > 0 ? [WITHHELD] : [],
    };
    return render(redacted, (await clean(redacted, plan)) ? plan : null);
}


/***/ }),

/***/ 82169:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aB: () => (/* binding */ silentLog),
/* harmony export */   ds: () => (/* binding */ stop),
/* harmony export */   lZ: () => (/* binding */ NOTHING_WRITTEN_NOTE),
/* harmony export */   oG: () => (/* binding */ beforeWriting)
/* harmony export */ });
const silentLog = { info: () => { }, warn: () => { } };
function stop(status, error, notes = []) {
    return { status, error, notes };
}
const NOTHING_WRITTEN_NOTE = 'No branch, pull request or review was written.';
/**
 * Runs a step that comes before any write; an error it throws (an unexpected one: a step returns
 * the stops it expects) stops the publish as `failed`, with nothing written.
 */
async function beforeWriting(step) {
    try {
        return await step();
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, stop: stop('failed', `${message}\n${NOTHING_WRITTEN_NOTE}`) };
    }
}


/***/ })

};
