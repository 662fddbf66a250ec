export const id = 505;
export const ids = [505];
export const modules = {

/***/ 20765:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runApproveAction: () => (/* binding */ runApproveAction)
/* harmony export */ });
/* harmony import */ var _github_approval_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7536);
/* harmony import */ var _github_octokit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15687);
/* harmony import */ var _render_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(43419);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99661);
/* harmony import */ var _environment_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(29171);





const MISSING_TOKEN = 
// biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression a user writes
'the github-token input is empty: pass ${{ github.token }} (the default) with actions: read';
/**
 * `actions/approve`: the approve job's only step after the ensemble checkout, run once GitHub's
 * environment gate let the job start. It checks through the API that the environment has required
 * reviewers and that one of them approved this run (`github/approval.ts`), reports who did in the
 * log, the step summary and the `approved-by` output, and fails the step (so no code job starts)
 * otherwise, with the summary saying why.
 */
async function runApproveAction(settings, core, env) {
    // The event is not needed: the repository and the run come from the runner's variables.
    const job = (0,_environment_js__WEBPACK_IMPORTED_MODULE_4__.jobFromEnvironment)(env, () => ({}));
    const token = settings.githubToken;
    if (!token)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(MISSING_TOKEN);
    const runId = Number(job.runId);
    if (!Number.isSafeInteger(runId) || runId <= 0)
        throw new Error(`GITHUB_RUN_ID is not a run id: "${job.runId}"`);
    const { owner, repo } = job.repository;
    const octokit = (0,_github_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .createOctokit */ .Qi)({
        token,
        baseUrl: job.apiUrl,
        log: (0,_environment_js__WEBPACK_IMPORTED_MODULE_4__/* .actionsGitHubLog */ .f)(core),
    });
    let approval;
    try {
        approval = await (0,_github_approval_js__WEBPACK_IMPORTED_MODULE_0__/* .verifyPlanApproval */ .Qd)(octokit, { owner, repo, runId, environment: settings.environment });
    }
    catch (error) {
        // The step fails with the message (run.ts); the summary keeps it where the run's page shows it.
        if (error instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo) {
            core.summary.addRaw(`### Plan not approved\n\nNo coding agent starts: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}\n`, true);
            await core.summary.write();
        }
        throw error;
    }
    const by = approval.approvedBy.join(', ');
    // Logins are GitHub's (letters, digits, hyphens, `[bot]`): safe in the log and in Markdown.
    core.info(`The plan was approved for the environment "${approval.environment}" by ${by}.`);
    core.setOutput('approved-by', by);
    core.summary.addRaw(`### Plan approved\n\nApproved for the environment ${(0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineCode */ .ti)(approval.environment)} by ` +
        `${approval.approvedBy.map((login) => `**${login}**`).join(', ')} ` +
        `(required reviewers: ${approval.reviewers.join(', ')}).\n`, true);
    await core.summary.write();
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


/***/ })

};
