export const id = 265;
export const ids = [265];
export const modules = {

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
/* harmony import */ var _render_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(10875);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29367);
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
    stopped: 'ensemble stopped before publishing',
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
            're-run the failed jobs, or the whole run.', outcome.notes.length > 0 && outcome.notes.map((n) => `- ${ctx.inline(n)}`).join('\n'), pr !== null && options.ci, `<sub>Run: ${run}</sub>`);
}
/** The tracking comment: its marker, the outcome, the stage table and the plan (folded). */
function renderTrackingComment(outcome, plan, options) {
    const planMarkdown = plan
        ? (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .renderPlanMarkdown */ .d$)(plan, { allowedHost: options.allowedHost, limit: { unit: 'chars', max: 40_000 } })
        : null;
    // Who approved the plan and what was asked before it, in view: the record of the gates it passed.
    const gate = plan ? (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .renderGateRecord */ .p9)(plan.gate, { allowedHost: options.allowedHost }) : '';
    const markdown = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .blocks */ .Bv)(_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .TRACKING_MARKER */ .Bb, body(outcome, options), gate !== '' && gate.trim(), planMarkdown !== null && `<details>\n<summary>The plan</summary>\n\n${planMarkdown.trim()}\n\n</details>`);
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
    const { status, written, stages, withhold } = finished;
    const { pr, review } = written;
    const notes = withhold ? [...finished.notes, `The tracking comment was not updated: ${withhold}.`] : finished.notes;
    const shown = { status, error: finished.error, branch: written.branch, pr, review, stages, notes };
    const { outcome, comment, summary } = await safeReport(shown, context);
    const commentId = withhold ? null : await updateTrackingComment(comment, context);
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
/* harmony export */   j4: () => (/* binding */ stopSilently),
/* harmony export */   lZ: () => (/* binding */ NOTHING_WRITTEN_NOTE),
/* harmony export */   oG: () => (/* binding */ beforeWriting)
/* harmony export */ });
const silentLog = { info: () => { }, warn: () => { } };
function stop(status, error, notes = []) {
    return { status, error, notes };
}
/** `stop`, writing no tracking comment, for the reason `withhold`. */
function stopSilently(status, error, withhold) {
    return { status, error, notes: [], withhold };
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


/***/ }),

/***/ 17646:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ postGateStoreFailure),
/* harmony export */   postGateTrackingComment: () => (/* binding */ postGateTrackingComment),
/* harmony export */   postPlanTrackingComment: () => (/* binding */ postPlanTrackingComment),
/* harmony export */   postSetupFailureTrackingComment: () => (/* binding */ postSetupFailureTrackingComment)
/* harmony export */ });
/* unused harmony export trackingBody */
/* harmony import */ var _github_issues_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(375);
/* harmony import */ var _render_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10875);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29367);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(68385);
/* harmony import */ var _step_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(82169);





/** The comment: the marker, a link to the run and the plan (`null`: the plan withheld). */
function trackingBody(plan, runUrl, allowedHost) {
    const limit = { unit: 'chars', max: 60_000 };
    const planMarkdown = plan ? (0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderPlanMarkdown */ .d$)(plan, { allowedHost, limit }) : `**Plan:** ${_report_js__WEBPACK_IMPORTED_MODULE_3__/* .WITHHELD */ .iz}.\n`;
    const link = `ensemble is working on this issue: [workflow run](${runUrl}).`;
    // A plan that passed the gates says who approved it and what was asked before it.
    const gate = plan ? (0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderGateRecord */ .p9)(plan.gate, { allowedHost }) : '';
    return [_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .TRACKING_MARKER */ .Bb, link, '', ...(gate === '' ? [] : [gate, '']), planMarkdown].join('\n');
}
/**
 * Creates or updates the tracking comment on `issue` with the plan, sanitised by the safe-output
 * policy; when the policy refuses the plan (a credential or a secret value in it), the comment
 * says the plan is withheld instead. Throws when GitHub refuses the write.
 */
async function postPlanTrackingComment(options) {
    const allowedHost = new URL(options.serverUrl).host;
    return postChecked(options, {
        body: trackingBody(options.plan, options.runUrl, allowedHost),
        withheld: trackingBody(null, options.runUrl, allowedHost),
        what: 'the plan',
    });
}
/**
 * The tracking comment of a run whose setup failed before the plan: the failed command, how it
 * ended and its last lines (untrusted, fenced), under the same policy; the output is withheld
 * when the policy refuses it.
 */
async function postSetupFailureTrackingComment(options) {
    const allowedHost = new URL(options.serverUrl).host;
    const run = `[workflow run](${options.runUrl})`;
    const head = `${_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .TRACKING_MARKER */ .Bb}\nensemble stopped before planning, with nothing spent: ${run}.\n`;
    return postChecked(options, {
        body: `${head}\n${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderSetupFailure */ .I3)(options.message, { allowedHost })}`,
        withheld: `${head}\n## ensemble: setup failed\n\nThe setup's output is ${_report_js__WEBPACK_IMPORTED_MODULE_3__/* .WITHHELD */ .iz}.\n`,
        what: "the setup's output",
    });
}
/**
 * The tracking comment of a run that waits on the issue (its questions, or its plan to approve,
 * and the commands that continue it), or of one whose wait was stopped: `checkpoint.status`
 * says which. The planner's text goes through the same policy as a plan's.
 */
async function postGateTrackingComment(options) {
    const { checkpoint } = options;
    const allowedHost = new URL(options.serverUrl).host;
    const limit = { unit: 'chars', max: 60_000 };
    const run = `[workflow run](${options.runUrl})`;
    if (checkpoint.status === 'waiting') {
        const head = [_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .TRACKING_MARKER */ .Bb, (0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .gateMarker */ .kD)(checkpoint.waitingFor, checkpoint.run.runId)].join('\n');
        const line = `ensemble waits on this issue, with no code written: ${run}.`;
        const rendered = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderWaitingGate */ .N1)(checkpoint, { allowedHost, limit, label: options.label });
        const what = checkpoint.waitingFor === 'answers' ? 'The questions are' : 'The plan is';
        return postChecked(options, {
            body: [head, line, '', rendered].join('\n'),
            withheld: [head, line, '', `${what} ${_report_js__WEBPACK_IMPORTED_MODULE_3__/* .WITHHELD */ .iz}.`, ''].join('\n'),
            what: checkpoint.waitingFor === 'answers' ? "the planner's questions" : 'the plan',
        });
    }
    const settled = checkpoint.settled ?? { by: 'someone', at: new Date().toISOString(), runId: '' };
    const status = checkpoint.status === 'stopped' ? 'stopped' : 'resumed';
    const body = [_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .TRACKING_MARKER */ .Bb, (0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderSettledGate */ .xq)(checkpoint, { ...settled, status }, { allowedHost, limit })];
    return postChecked(options, { body: body.join('\n'), withheld: body.join('\n'), what: 'the settled gate' });
}
/**
 * The tracking comment of a run whose checkpoint could not be stored: it shows no wait (so no
 * command continues an older one) and says why, and how to start over.
 */
async function postGateStoreFailure(options) {
    const head = `${_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .TRACKING_MARKER */ .Bb}\nensemble stopped before coding: [workflow run](${options.runUrl}).\n`;
    return postChecked(options, {
        body: `${head}\n${options.message.replace(/[<>]/g, '')}\n`,
        withheld: `${head}\nensemble could not store what it needs to continue. Label the issue again to start over.\n`,
        what: 'why the checkpoint was not stored',
    });
}
/** Upserts `body` when the policy lets it through, else `withheld`, saying so in the log. */
async function postChecked(options, texts) {
    const { octokit, repo, issue } = options;
    const policy = textPolicy(options.secretValues, new URL(options.serverUrl).host);
    const checked = await (0,_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .checkSafeOutputs */ .Qb)({ patches: [], texts: { comment: { label: 'tracking comment', text: texts.body, kind: 'body' } } }, policy);
    if (!checked.ok) {
        const log = options.log ?? _step_js__WEBPACK_IMPORTED_MODULE_4__/* .silentLog */ .aB;
        log.warn(`${texts.what} is withheld from the tracking comment on issue #${issue}: ${why(checked.refusals)}`);
    }
    const body = checked.ok ? checked.texts.comment.text : texts.withheld;
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
