export const id = 6583;
export const ids = [6583,963];
export const modules = {

/***/ 40963:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ARTIFACTS: () => (/* binding */ ARTIFACTS),
/* harmony export */   artifactOfAgent: () => (/* binding */ artifactOfAgent),
/* harmony export */   producerOfArtifact: () => (/* binding */ producerOfArtifact)
/* harmony export */ });
/* harmony import */ var _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66811);
/**
 * Artifact names, derived from the contracts' document table (`DOCUMENTS[*].artifact`): the same
 * locally (folders of a run directory) and on GitHub (artifacts of a workflow run), so that a
 * downloaded GitHub run is a run directory too.
 */

const fill = (pattern, placeholder, value) => pattern.replace(`<${placeholder}>`, value);
const ARTIFACTS = {
    plan: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.plan.artifact,
    code: (taskId) => fill(_contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.task.artifact, 'task', taskId),
    test: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.test.artifact,
    review: (lens) => fill(_contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.review.artifact, 'lens', lens),
    docs: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.docs.artifact,
    /** A fix round's artifact; the round's re-test and re-review are a run directory inside it. */
    fix: (round) => fill(_contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.fix.artifact, 'round', String(round)),
    /** A follow-up run's trigger and starting state (written before its fix job). */
    followUp: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS['follow-up'].artifact,
    publish: _contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS.publish.artifact,
};
/** `ensemble-code-<task>` → /^ensemble-code-.+$/ */
function patternOf(artifact) {
    const literal = artifact.replace(/<[a-z]+>/, '\u0000').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`^${literal.replace('\u0000', '.+')}$`);
}
const PRODUCERS = Object.values(_contracts_documents_js__WEBPACK_IMPORTED_MODULE_0__.DOCUMENTS).map((d) => ({ pattern: patternOf(d.artifact), producer: d.producer }));
/** The stage that writes an artifact, from its name (`ensemble-code-api` → `code`); null when no stage does. */
function producerOfArtifact(name) {
    return PRODUCERS.find((p) => p.pattern.test(name))?.producer ?? null;
}
/** The artifact an agent's transcript belongs to: `code:api` → `ensemble-code-api`, `plan` → `ensemble-plan`. */
function artifactOfAgent(agent) {
    const [stage, name] = agent.split(':', 2);
    if (stage === 'code' && name)
        return ARTIFACTS.code(name);
    if (stage === 'review' && name)
        return ARTIFACTS.review(name);
    if (stage === 'fix' && name && /^[1-9][0-9]*$/.test(name))
        return ARTIFACTS.fix(Number(name));
    if (stage === 'plan' || stage === 'test' || stage === 'docs')
        return ARTIFACTS[stage];
    throw new Error(`no artifact for agent "${agent}"`);
}


/***/ }),

/***/ 39491:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ makeCtx),
/* harmony export */   O: () => (/* binding */ finish)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43419);
/* harmony import */ var _safe_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(85303);
/**
 * What every renderer shares: its options and the three ways untrusted text enters a document —
 * as a block, inside a line, or as inline code — all of them neutralised (see `safe.ts`).
 */


function makeCtx(options = {}, baseLevel = 2) {
    const host = options.allowedHost ?? _safe_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_HOST */ .HX;
    return {
        block: (text) => (0,_safe_js__WEBPACK_IMPORTED_MODULE_1__/* .safeBlock */ .BW)(text, { allowedHost: host }),
        inline: (text) => (0,_safe_js__WEBPACK_IMPORTED_MODULE_1__/* .safeInline */ .H1)(text, { allowedHost: host }),
        code: (text) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineCode */ .ti)((0,_safe_js__WEBPACK_IMPORTED_MODULE_1__/* .neutraliseText */ .op)(text, host, 'inline')),
        heading: (level, text) => `${'#'.repeat(Math.min(6, baseLevel + level))} ${text}`,
    };
}
/** The document, ending in one newline, capped at `options.limit` or `fallback`. */
function finish(markdown, options, fallback) {
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .truncateMarkdown */ .o4)(`${markdown.trim()}\n`, options.limit ?? fallback);
}


/***/ }),

/***/ 61441:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I3: () => (/* binding */ renderSetupFailure),
/* harmony export */   Is: () => (/* binding */ renderSetupSummary),
/* harmony export */   op: () => (/* binding */ renderSetupOrigin)
/* harmony export */ });
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(39491);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(43419);


/**
 * The step summary of a run whose setup failed: the message's first line, then the rest (the
 * command's output, untrusted) in a fence.
 */
function renderSetupFailure(message, options = {}) {
    const ctx = (0,_context_js__WEBPACK_IMPORTED_MODULE_0__/* .makeCtx */ .G)(options);
    const [first = '', ...rest] = message.split('\n');
    const markdown = `## ensemble: setup failed\n\n${ctx.inline(first)}\n\n${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .fence */ .EU)(rest.join('\n'), 'text')}\n`;
    return (0,_context_js__WEBPACK_IMPORTED_MODULE_0__/* .finish */ .O)(markdown, options, _markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .STEP_SUMMARY_LIMIT */ .CG);
}
/**
 * The setup and test command a run uses, and why: for the plan job's step summary, so that a
 * maintainer sees what ensemble detected before any code is written. Commands come from the
 * repository's files or configuration: shown as code.
 */
function renderSetupSummary(setup, options = {}) {
    const ctx = (0,_context_js__WEBPACK_IMPORTED_MODULE_0__/* .makeCtx */ .G)(options);
    const seconds = Math.round(setup.durationMs / 1000);
    const install = setup.status === 'none'
        ? `nothing to install (${ctx.inline(setup.reason)})`
        : `${setup.commands.map((c) => ctx.code(c)).join(', ')} (${ctx.inline(setup.reason)}): installed in ${seconds} s, ` +
            'before any model call';
    const test = setup.test.command === null
        ? `none found (${ctx.inline(setup.test.reason)})`
        : `${ctx.code(setup.test.command)} (${ctx.inline(setup.test.reason)})`;
    return (0,_context_js__WEBPACK_IMPORTED_MODULE_0__/* .finish */ .O)(`### Setup\n\n- **Install:** ${install}\n- **Tests:** ${test}\n`, options, _markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .STEP_SUMMARY_LIMIT */ .CG);
}
/**
 * One line of a stage job's step summary saying how the job got its dependencies: reused from the
 * plan job (with the cache key), or installed here and why no saved install served. Empty when
 * nothing was installed (nothing to install, or a failed setup, which the stage reports itself).
 */
function renderSetupOrigin(setup, options = {}) {
    if (setup.status !== 'done')
        return '';
    const ctx = (0,_context_js__WEBPACK_IMPORTED_MODULE_0__/* .makeCtx */ .G)(options);
    const saved = setup.saved;
    if (saved?.reused)
        return `**Setup:** reused from ${saved.from} (key ${ctx.code(saved.key)}); nothing installed here.\n`;
    const seconds = Math.round(setup.durationMs / 1000);
    const why = saved ? ` (no reusable install: ${ctx.inline(saved.why)})` : '';
    return `**Setup:** installed in this job in ${seconds} s${why}.\n`;
}


/***/ })

};
