export const id = 1954;
export const ids = [1954,5666];
export const modules = {

/***/ 375:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fq: () => (/* binding */ readIssueState),
/* harmony export */   Jp: () => (/* binding */ findMarkedComment),
/* harmony export */   Zd: () => (/* binding */ upsertMarkedComment),
/* harmony export */   eg: () => (/* binding */ snapshotIssue),
/* harmony export */   jo: () => (/* binding */ addIssueLabel),
/* harmony export */   removeIssueLabel: () => (/* binding */ removeIssueLabel)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9452);
/* harmony import */ var _permissions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48859);
/* harmony import */ var _write_once_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32192);



/**
 * The issue as ensemble reads it, once: title, body and author, and the comments of people with
 * write access, oldest first. Everyone else's comments are left out, so that anyone who can
 * comment cannot steer the agents. Each commenter's role is looked up once; a lookup that fails
 * leaves that person's comments out. Hidden content is stripped later, by `requestFromIssue`.
 */
async function snapshotIssue(octokit, params) {
    const { owner, repo, issue_number } = params;
    const where = `issue #${issue_number} of ${owner}/${repo}`;
    const { data: issue } = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `read ${where}`, permission: 'issues: read' }, () => octokit.rest.issues.get({ owner, repo, issue_number }));
    if (issue.pull_request)
        throw new Error(`#${issue_number} of ${owner}/${repo} is a pull request; ensemble works on issues`);
    const comments = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `read the comments of ${where}`, permission: 'issues: read' }, () => octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 }));
    const canWrite = new Map();
    for (const login of params.writers ?? [])
        canWrite.set(login.toLowerCase(), true);
    const excluded = new Set();
    const kept = [];
    for (const comment of comments) {
        const login = comment.user?.login;
        if (!login)
            continue;
        const key = login.toLowerCase();
        let allowed = canWrite.get(key);
        if (allowed === undefined) {
            if ((0,_permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .isBot */ .w2)(login, comment.user?.type))
                allowed = (0,_permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .isListedBot */ .Jk)(login, params.allowedBots ?? []);
            else {
                try {
                    allowed = (0,_permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .roleCanWrite */ .qO)(await (0,_permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .getRepositoryRole */ .Bd)(octokit, { owner, repo, username: login }));
                }
                catch {
                    allowed = false;
                }
            }
            canWrite.set(key, allowed);
        }
        if (!allowed) {
            excluded.add(login);
            continue;
        }
        kept.push({ author: login, body: comment.body ?? '', createdAt: comment.created_at });
    }
    return {
        number: issue.number,
        title: issue.title,
        body: issue.body ?? null,
        author: issue.user?.login ?? null,
        comments: kept,
        excludedCommenters: [...excluded],
    };
}
/** The issue's state as it is now (never a snapshot). */
async function readIssueState(octokit, params) {
    const { owner, repo, issue_number } = params;
    const { data } = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `read issue #${issue_number} of ${owner}/${repo}`, permission: 'issues: read' }, () => octokit.rest.issues.get({ owner, repo, issue_number }));
    return {
        number: data.number,
        title: data.title,
        body: data.body ?? null,
        state: data.state === 'closed' ? 'closed' : 'open',
        locked: data.locked === true,
        lockReason: data.active_lock_reason ?? null,
    };
}
/**
 * The comment of the issue carrying `marker` written by a bot (ensemble writes as one), or null.
 * A marker in a person's comment is ignored: anyone who can comment could otherwise plant one and
 * have ensemble edit, or take the place of, their comment.
 */
async function findMarkedComment(octokit, params) {
    const { owner, repo, issue_number, marker } = params;
    const comments = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `read the comments of issue #${issue_number} of ${owner}/${repo}`, permission: 'issues: read' }, () => octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 }));
    const marked = comments.filter((c) => c.body?.includes(marker));
    const found = marked.find((c) => c.user?.type === 'Bot');
    return found ? { id: found.id, url: found.html_url, body: found.body ?? '' } : null;
}
/**
 * Creates the issue comment that carries `marker`, or updates it when it exists: a re-run
 * never adds a second one. A creation whose answer is lost (502, timeout) is looked for before
 * it is tried again.
 */
async function upsertMarkedComment(octokit, params) {
    const { owner, repo, issue_number, marker } = params;
    if (!marker)
        throw new Error('upsertMarkedComment needs a marker to find the comment again');
    const bodyFor = (previous) => {
        const body = params.transform ? params.transform(previous) : params.body;
        return body.includes(marker) ? body : `${marker}\n${body}`;
    };
    const where = `issue #${issue_number} of ${owner}/${repo}`;
    const write = { permission: 'issues: write' };
    const update = async (existing) => {
        const body = bodyFor(existing.body);
        if (existing.body === body)
            return { id: existing.id, url: existing.url, outcome: 'unchanged', body };
        const { data } = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `update the ensemble comment on ${where}`, ...write }, () => octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body }));
        return { id: data.id, url: data.html_url, outcome: 'updated', body };
    };
    const existing = await findMarkedComment(octokit, params);
    if (existing)
        return update(existing);
    const body = bodyFor(null);
    const { value, recovered } = await (0,_write_once_js__WEBPACK_IMPORTED_MODULE_2__/* .writeOnce */ .F)(octokit, {
        operation: { action: `comment on ${where}`, ...write },
        create: async () => {
            const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number, body });
            return { id: data.id, url: data.html_url, body: data.body ?? body };
        },
        find: () => findMarkedComment(octokit, params),
    });
    // The comment found again is the one written: the transform is not applied to its own output.
    if (recovered && value.body !== body) {
        const again = await update(value);
        return { ...again, outcome: 'created' };
    }
    return { id: value.id, url: value.url, outcome: 'created', body: value.body };
}
/** Adds `label` to the issue (GitHub creates a label the repository lacks); adding it twice is harmless. */
async function addIssueLabel(octokit, params) {
    const { owner, repo, issue_number, label } = params;
    await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `add the label "${label}" to issue #${issue_number} of ${owner}/${repo}`, permission: 'issues: write' }, () => octokit.rest.issues.addLabels({ owner, repo, issue_number, labels: [label] }));
}
/**
 * Removes `label` from the issue; whether it was there. GitHub answers 404 for a label the issue
 * does not carry (someone removed it already, or a re-run removes it again): that is no error.
 */
async function removeIssueLabel(octokit, params) {
    const { owner, repo, issue_number, label } = params;
    try {
        await octokit.rest.issues.removeLabel({ owner, repo, issue_number, name: label });
        return true;
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 404)
            return false;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainGitHubError */ .Pm)(error, {
            action: `remove the label "${label}" from issue #${issue_number} of ${owner}/${repo}`,
            permission: 'issues: write',
        });
    }
}


/***/ }),

/***/ 48859:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bd: () => (/* binding */ getRepositoryRole),
/* harmony export */   Jk: () => (/* binding */ isListedBot),
/* harmony export */   Tp: () => (/* binding */ TRIGGER_ROLES),
/* harmony export */   qB: () => (/* binding */ checkTriggerPermission),
/* harmony export */   qO: () => (/* binding */ roleCanWrite),
/* harmony export */   w2: () => (/* binding */ isBot)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9452);

/** Repository roles that may start a run. */
const TRIGGER_ROLES = ['write', 'maintain', 'admin'];
/**
 * Whether a role can write. The five built-in roles decide by name (`maintain` maps to the legacy
 * `write`, `triage` to `read`); a custom repository role decides by the base permission GitHub
 * reports for it.
 */
function roleCanWrite(role) {
    if (['read', 'triage', 'write', 'maintain', 'admin', 'none'].includes(role.roleName))
        return TRIGGER_ROLES.includes(role.roleName);
    return role.permission === 'write' || role.permission === 'admin';
}
/** `GET /repos/{owner}/{repo}/collaborators/{username}/permission`. */
async function getRepositoryRole(octokit, params) {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel(params);
    return { roleName: data.role_name, permission: data.permission };
}
const isBot = (login, type) => type === 'Bot' || /\[bot\]$/i.test(login);
const botName = (login) => login.toLowerCase().replace(/\[bot\]$/, '');
/** Whether `login` is one of `allowed` (`dependabot` and `dependabot[bot]` name the same bot). */
function isListedBot(login, allowed) {
    return allowed.some((entry) => botName(entry) === botName(login));
}
/**
 * May `username` start a run? People need the write, maintain or admin role, looked up through
 * the API; bots must be listed in the configuration. Any failure to find out refuses the run.
 */
async function checkTriggerPermission(octokit, params) {
    const { owner, repo, username } = params;
    const where = `${owner}/${repo}`;
    if (!username)
        return { ok: false, reason: 'the event has no sender; ensemble runs only when it knows who started it' };
    if (isBot(username, params.senderType)) {
        if (isListedBot(username, params.allowedBots ?? []))
            return { ok: true, login: username, role: 'listed bot' };
        return {
            ok: false,
            reason: `"${username}" is a bot; a bot may start ensemble only ` +
                'when trigger.allowed-bots in .github/ensemble.yml lists it',
        };
    }
    let role;
    try {
        role = await getRepositoryRole(octokit, { owner, repo, username });
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 404) {
            return { ok: false, reason: `"${username}" is not a user GitHub knows on ${where}; refusing to run` };
        }
        const explained = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainGitHubError */ .Pm)(error, {
            action: `check the repository role of "${username}" on ${where}`,
            permission: 'metadata: read',
        });
        return {
            ok: false,
            reason: `${explained.message}. Refusing to run, as ensemble does when it cannot tell who started it`,
        };
    }
    if (roleCanWrite(role))
        return { ok: true, login: username, role: role.roleName };
    const has = role.roleName === 'none' ? 'no access to' : `the "${role.roleName}" role on`;
    return {
        ok: false,
        reason: `"${username}" has ${has} ${where}; starting ensemble needs the write, maintain ` +
            'or admin role. Ask a maintainer to add the label or dispatch the workflow',
    };
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
/* harmony import */ var _render_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14059);
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
        // The activity rows written after the pull request (CI repairs, …) are kept across this rewrite.
        const transform = (previous) => (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .carryActivity */ .Ve)(previous, body);
        const params = { owner, repo, issue_number: issue, marker: _render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .TRACKING_MARKER */ .Bb, body, transform };
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

/***/ 17646:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iv: () => (/* binding */ textPolicy),
/* harmony export */   Tg: () => (/* binding */ waitShownOnIssue),
/* harmony export */   d8: () => (/* binding */ why),
/* harmony export */   i8: () => (/* binding */ postChecked),
/* harmony export */   postGateTrackingComment: () => (/* binding */ postGateTrackingComment),
/* harmony export */   postPlanTrackingComment: () => (/* binding */ postPlanTrackingComment),
/* harmony export */   postSetupFailureTrackingComment: () => (/* binding */ postSetupFailureTrackingComment),
/* harmony export */   py: () => (/* binding */ postGateStoreFailure)
/* harmony export */ });
/* unused harmony export trackingBody */
/* harmony import */ var _github_issues_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(375);
/* harmony import */ var _render_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14059);
/* harmony import */ var _render_marker_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(19556);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29367);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(68385);
/* harmony import */ var _step_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(82169);






/** The comment: the marker, a link to the run and the plan (`null`: the plan withheld). */
function trackingBody(plan, runUrl, allowedHost) {
    const limit = { unit: 'chars', max: 60_000 };
    const planMarkdown = plan ? (0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderPlanMarkdown */ .d$)(plan, { allowedHost, limit }) : `**Plan:** ${_report_js__WEBPACK_IMPORTED_MODULE_4__/* .WITHHELD */ .iz}.\n`;
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
        withheld: `${head}\n## ensemble: setup failed\n\nThe setup's output is ${_report_js__WEBPACK_IMPORTED_MODULE_4__/* .WITHHELD */ .iz}.\n`,
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
            withheld: [head, line, '', `${what} ${_report_js__WEBPACK_IMPORTED_MODULE_4__/* .WITHHELD */ .iz}.`, ''].join('\n'),
            what: checkpoint.waitingFor === 'answers' ? "the planner's questions" : 'the plan',
        });
    }
    const settled = checkpoint.settled ?? { by: 'someone', at: new Date().toISOString(), runId: '' };
    const status = checkpoint.status === 'stopped' ? 'stopped' : 'resumed';
    const body = [_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .TRACKING_MARKER */ .Bb, (0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderSettledGate */ .xq)(checkpoint, { ...settled, status }, { allowedHost, limit })];
    return postChecked(options, { body: body.join('\n'), withheld: body.join('\n'), what: 'the settled gate' });
}
/**
 * The run whose wait the issue's tracking comment shows (its `gateMarker`), or null when it shows
 * none: what people were shown, which a command may continue.
 */
async function waitShownOnIssue(octokit, repo, issue) {
    const tracking = await (0,_github_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .findMarkedComment */ .Jp)(octokit, { ...repo, issue_number: issue, marker: _render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .TRACKING_MARKER */ .Bb });
    return (tracking && (0,_render_marker_js__WEBPACK_IMPORTED_MODULE_2__/* .findMarker */ .Ed)(tracking.body, 'gate')?.fields['run']) || null;
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
/**
 * Upserts `body` when the policy lets it through, else `withheld`, saying so in the log. The
 * activity rows of the comment it replaces are carried over (`carryActivity`): they record what
 * happened after the pull request, which no re-render knows of.
 */
async function postChecked(options, texts) {
    const { octokit, repo, issue } = options;
    const policy = textPolicy(options.secretValues, new URL(options.serverUrl).host);
    const checked = await (0,_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .checkSafeOutputs */ .Qb)({ patches: [], texts: { comment: { label: 'tracking comment', text: texts.body, kind: 'body' } } }, policy);
    if (!checked.ok) {
        const log = options.log ?? _step_js__WEBPACK_IMPORTED_MODULE_5__/* .silentLog */ .aB;
        log.warn(`${texts.what} is withheld from the tracking comment on issue #${issue}: ${why(checked.refusals)}`);
    }
    const body = checked.ok ? checked.texts.comment.text : texts.withheld;
    const transform = (previous) => (0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .carryActivity */ .Ve)(previous, body);
    const params = { owner: repo.owner, repo: repo.repo, issue_number: issue, marker: _render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .TRACKING_MARKER */ .Bb, body, transform };
    const posted = await (0,_github_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .upsertMarkedComment */ .Zd)(octokit, params);
    return { ...posted, planWithheld: !checked.ok };
}
/** The safe-output policy for a text alone: no patch is checked here. */
function textPolicy(secretValues, allowedHost) {
    return { protectedPaths: [], maxPatchBytes: 0, maxFiles: 0, secretValues, allowedHost };
}
/** The refusals by rule and what was found (a credential masked, a secret by its name). */
function why(refusals) {
    return refusals.map((r) => `${r.rule} (${r.detail})`).join('; ');
}


/***/ }),

/***/ 8154:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JI: () => (/* binding */ assertPlanFitsItsJob),
/* harmony export */   b8: () => (/* binding */ codeLegTimeout),
/* harmony export */   iM: () => (/* binding */ HOSTED_JOB_LIMIT_MINUTES),
/* harmony export */   u: () => (/* binding */ jobTimeouts),
/* harmony export */   uF: () => (/* binding */ PUBLISH_JOB_TIMEOUT_MINUTES)
/* harmony export */ });
/* unused harmony exports JOB_MARGIN_MINUTES, PLAN_JOB_TIMEOUT_MINUTES, fixRoundMinutes */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);

/** Minutes a job needs besides its stage's own limit. */
const JOB_MARGIN_MINUTES = 15;
/** The plan job's fixed limit in pipeline.yml (it reads the configuration, so cannot follow it). */
const PLAN_JOB_TIMEOUT_MINUTES = 60;
/** GitHub ends a job on a GitHub-hosted runner after 6 hours, whatever `timeout-minutes` says. */
const HOSTED_JOB_LIMIT_MINUTES = 360;
/** The publish job's fixed limit in pipeline.yml: no agent, a bounded number of API calls. */
const PUBLISH_JOB_TIMEOUT_MINUTES = 15;
const limit = (minutes) => Math.min(HOSTED_JOB_LIMIT_MINUTES, Math.ceil(minutes + JOB_MARGIN_MINUTES));
/** The `timeouts` output of the plan job: each later single job's limit in minutes. */
function jobTimeouts(config) {
    return {
        test: limit(config.stages.test['timeout-minutes']),
        review: limit(config.stages.review['timeout-minutes']),
        docs: limit(config.stages.docs['timeout-minutes']),
        fix: limit(config.stages.fix['max-rounds'] * fixRoundMinutes(config)),
    };
}
/** One fix round's longest run: the fixing agent, then the re-test, then the re-review. */
function fixRoundMinutes(config) {
    const { fix, test, review } = config.stages;
    return fix['timeout-minutes'] + test['timeout-minutes'] + review['timeout-minutes'];
}
/**
 * A code leg's limit: its tasks run one after another, each up to the code stage's limit.
 * `overHostedLimit` says that the tasks' limits add up to more than a hosted job may run.
 */
function codeLegTimeout(config, tasks) {
    const stageMinutes = tasks * config.stages.code['timeout-minutes'];
    return {
        minutes: limit(stageMinutes),
        overHostedLimit: stageMinutes + JOB_MARGIN_MINUTES > HOSTED_JOB_LIMIT_MINUTES,
    };
}
/** The plan job's limit is fixed; a configured plan limit that does not fit in it is refused before planning. */
function assertPlanFitsItsJob(config, configPath) {
    const allowed = PLAN_JOB_TIMEOUT_MINUTES - JOB_MARGIN_MINUTES;
    const configured = config.stages.plan['timeout-minutes'];
    if (configured > allowed) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${configPath}: stages.plan.timeout-minutes is ${configured}, but the reusable workflow's plan job ` +
            `stops after ${PLAN_JOB_TIMEOUT_MINUTES} minutes (${JOB_MARGIN_MINUTES} of them for checkout and ` +
            `artifacts): set it to at most ${allowed}`);
    }
}


/***/ }),

/***/ 65666:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ closestMatch)
/* harmony export */ });
/* unused harmony export editDistance */
/** Edit distance (insertions, deletions, substitutions) between two short strings. */
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j];
            row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length];
}
/**
 * The candidate a mistyped word most likely meant: one equal after `normalize`, else the nearest
 * by edit distance when it is close enough to be the likely intent; null when nothing is.
 */
function closestMatch(word, candidates, normalize = (s) => s.toLowerCase()) {
    const target = normalize(word);
    const exact = candidates.find((candidate) => normalize(candidate) === target);
    if (exact)
        return exact;
    let best = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
        const distance = editDistance(target, normalize(candidate));
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best !== null && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}


/***/ })

};
