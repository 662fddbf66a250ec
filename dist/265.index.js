export const id = 265;
export const ids = [265];
export const modules = {

/***/ 17646:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   postPlanTrackingComment: () => (/* binding */ postPlanTrackingComment)
/* harmony export */ });
/* unused harmony export trackingBody */
/* harmony import */ var _github_issues_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(375);
/* harmony import */ var _render_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11341);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(26401);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(68385);
/* harmony import */ var _step_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(82169);





/** The comment: the marker, a link to the run and the plan (`null`: the plan withheld). */
function trackingBody(plan, runUrl, allowedHost) {
    const limit = { unit: 'chars', max: 60_000 };
    const planMarkdown = plan ? (0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderPlanMarkdown */ .d$)(plan, { allowedHost, limit }) : `**Plan:** ${_report_js__WEBPACK_IMPORTED_MODULE_3__/* .WITHHELD */ .iz}.\n`;
    const link = `ensemble is working on this issue: [workflow run](${runUrl}).`;
    return [_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .TRACKING_MARKER */ .Bb, link, '', planMarkdown].join('\n');
}
/**
 * Creates or updates the tracking comment on `issue` with the plan, sanitised by the safe-output
 * policy; when the policy refuses the plan (a credential or a secret value in it), the comment
 * says the plan is withheld instead. Throws when GitHub refuses the write.
 */
async function postPlanTrackingComment(options) {
    const { octokit, repo, issue, plan, runUrl } = options;
    const allowedHost = new URL(options.serverUrl).host;
    const policy = textPolicy(options.secretValues, allowedHost);
    const text = trackingBody(plan, runUrl, allowedHost);
    const texts = { comment: { label: 'tracking comment', text, kind: 'body' } };
    const checked = await (0,_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .checkSafeOutputs */ .Qb)({ patches: [], texts }, policy);
    if (!checked.ok) {
        const log = options.log ?? _step_js__WEBPACK_IMPORTED_MODULE_4__/* .silentLog */ .aB;
        log.warn(`the plan is withheld from the tracking comment on issue #${issue}: ${why(checked.refusals)}`);
    }
    const body = checked.ok ? checked.texts.comment.text : trackingBody(null, runUrl, allowedHost);
    const params = { owner: repo.owner, repo: repo.repo, issue_number: issue, marker: _render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .TRACKING_MARKER */ .Bb, body };
    const posted = await (0,_github_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .upsertMarkedComment */ .Zd)(octokit, params);
    return { ...posted, body, planWithheld: !checked.ok };
}
/** The safe-output policy for a text alone: no patch is checked here. */
function textPolicy(secretValues, allowedHost) {
    return { protectedPaths: [], maxPatchBytes: 0, maxFiles: 0, secretValues, allowedHost };
}
/** The refusals by rule and what was found (a credential masked, a secret by its name). */
function why(refusals) {
    return refusals.map((r) => `${r.rule} (${r.detail})`).join('; ');
}


/***/ })

};
