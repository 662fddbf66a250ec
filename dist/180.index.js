export const id = 180;
export const ids = [180];
export const modules = {

/***/ 12325:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K4: () => (/* binding */ rerunFailedJobs),
/* harmony export */   c4: () => (/* binding */ listRunJobs),
/* harmony export */   j: () => (/* binding */ cancelWorkflowRun),
/* harmony export */   pH: () => (/* binding */ getWorkflowRun),
/* harmony export */   sB: () => (/* binding */ rerunJob),
/* harmony export */   yQ: () => (/* binding */ isRunActive)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9452);
/* harmony import */ var _write_once_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32192);
/**
 * Workflow runs of the repository: read one, cancel it, list its jobs, re-run a job or the failed
 * jobs. `/ensemble stop` cancels ensemble's running run; `/ensemble retry` re-runs a stage's job of
 * its last run, which starts from the artifacts that run left.
 *
 * Every failure is a `GitHubApiError` naming the permission (`actions: read` to read, `actions:
 * write` to cancel and re-run). GitHub's refusals of a re-run say why in a 403 that is not about
 * permissions (the run is still running, or is over a month old), so those get their own advice.
 */


const READ = 'actions: read';
const WRITE = 'actions: write';
/** GET /repos/{owner}/{repo}/actions/runs/{run_id}; null when there is no such run (404). */
async function getWorkflowRun(octokit, repo, runId) {
    try {
        const { data } = await octokit.rest.actions.getWorkflowRun({ owner: repo.owner, repo: repo.repo, run_id: runId });
        return {
            id: data.id,
            // The schema lets status be null; GitHub sets it on every run, and null would say nothing to act on.
            status: data.status ?? 'completed',
            conclusion: data.conclusion ?? null,
            url: data.html_url,
            attempt: data.run_attempt ?? 1,
            path: data.path,
        };
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 404)
            return null;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainGitHubError */ .Pm)(error, { action: `read workflow run ${runId}`, permission: READ });
    }
}
/** Whether a run is still going (not `completed`). */
function isRunActive(run) {
    return run.status !== 'completed';
}
/**
 * POST …/actions/runs/{run_id}/cancel. A run that completed meanwhile (409 "Cannot cancel a
 * workflow run that is completed.") is not an error: returns 'completed'.
 */
async function cancelWorkflowRun(octokit, repo, runId) {
    const operation = { action: `cancel workflow run ${runId}`, permission: WRITE };
    try {
        // A lost answer (5xx, no answer) may hide a cancel that landed: look at the run before asking
        // again. The client's own retries are not used: with an explicit \`request.retries\`,
        // @octokit/plugin-retry retries every error, a 409 or 403 included.
        const { value } = await (0,_write_once_js__WEBPACK_IMPORTED_MODULE_1__/* .writeOnce */ .F)(octokit, {
            operation,
            create: async () => {
                await octokit.rest.actions.cancelWorkflowRun({ owner: repo.owner, repo: repo.repo, run_id: runId });
                return 'cancelled';
            },
            find: async () => {
                const run = await getWorkflowRun(octokit, repo, runId);
                if (!run || isRunActive(run))
                    return null;
                return run.conclusion === 'cancelled' ? 'cancelled' : 'completed';
            },
        });
        return value;
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS && error.status === 409 && /\bcompleted\b/i.test(error.githubMessage)) {
            return 'completed';
        }
        throw error;
    }
}
/** Every job of the run's latest attempt (GET …/actions/runs/{run_id}/jobs?filter=latest, paginated). */
async function listRunJobs(octokit, repo, runId) {
    const jobs = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `list the jobs of workflow run ${runId}`, permission: READ }, () => octokit.paginate(octokit.rest.actions.listJobsForWorkflowRun, {
        owner: repo.owner,
        repo: repo.repo,
        run_id: runId,
        filter: 'latest',
        per_page: 100,
    }));
    return jobs.map((job) => ({ id: job.id, name: job.name, status: job.status, conclusion: job.conclusion ?? null }));
}
/**
 * POST …/actions/jobs/{job_id}/rerun (GitHub re-runs the job and the jobs that depend on it).
 * Sent once: repeated after a lost answer, it would meet the re-run it started ("already running").
 */
async function rerunJob(octokit, repo, jobId) {
    const operation = { action: `re-run job ${jobId}`, permission: WRITE };
    try {
        await octokit.rest.actions.reRunJobForWorkflowRun({ owner: repo.owner, repo: repo.repo, job_id: jobId });
    }
    catch (error) {
        throw explainRerunError(error, operation);
    }
}
/** POST …/actions/runs/{run_id}/rerun-failed-jobs. Sent once, as `rerunJob`. */
async function rerunFailedJobs(octokit, repo, runId) {
    const operation = { action: `re-run the failed jobs of workflow run ${runId}`, permission: WRITE };
    try {
        await octokit.rest.actions.reRunWorkflowFailedJobs({ owner: repo.owner, repo: repo.repo, run_id: runId });
    }
    catch (error) {
        throw explainRerunError(error, operation);
    }
}
/**
 * GitHub refuses a re-run with a 403 that is not about the token: while the run is still running
 * ("This workflow is already running"), and once it is over a month old ("Unable to retry this
 * workflow run because it was created over a month ago"). Anything else is explained as usual.
 */
function explainRerunError(error, operation) {
    const explained = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainGitHubError */ .Pm)(error, operation);
    const said = explained.githubMessage;
    let advice = null;
    if (explained.status === 403 && /already running/i.test(said)) {
        advice =
            `the workflow run is still running (GitHub: 403 ${said}); wait for it to finish, ` +
                'or stop it with `/ensemble stop`, then retry';
    }
    else if (explained.status === 403 && /over a month ago|older than/i.test(said)) {
        advice = `GitHub re-runs only runs less than 30 days old (403 ${said}); start a new run instead`;
    }
    if (advice === null)
        return explained;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS(`could not ${operation.action}: ${advice}`, {
        status: explained.status,
        action: operation.action,
        githubMessage: said,
        cause: error,
    });
}


/***/ }),

/***/ 30396:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D5: () => (/* binding */ notEnsemblesPull),
/* harmony export */   DS: () => (/* binding */ proseLines),
/* harmony export */   TL: () => (/* binding */ quoted),
/* harmony export */   Tj: () => (/* binding */ decideFollowUp),
/* harmony export */   rD: () => (/* binding */ COMMAND_LINE)
/* harmony export */ });
/* unused harmony exports commandHelp, parseCommand */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(80737);
/* harmony import */ var _contracts_stages_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(10784);
/* harmony import */ var _github_permissions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48859);
/* harmony import */ var _render_marker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19556);
/* harmony import */ var _util_fences_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(68568);
/**
 * What a pull-request event asks of ensemble: a follow-up run (fix, retry, stop) on a pull request
 * ensemble opened, or nothing, and then whether to say why. Pure: no network. The caller checks
 * what needs the API — the author's write access (`checkTriggerPermission`) and whether the pull
 * request is ensemble's (`notEnsemblesPull` on the pull request it reads).
 */





const COMMAND = '/ensemble';
/** The commands, in Markdown, one line each. No line starts with the command word, so a reply quoting it is no command. */
function commandHelp() {
    return [
        'ensemble follows these commands, written at the start of a line of a comment or review on its pull request:',
        '- `/ensemble fix [instructions]`: fix the pull request as the rest of the comment says.',
        `- \`/ensemble retry [stage]\`: run a stage again (${_contracts_stages_js__WEBPACK_IMPORTED_MODULE_2__/* .STAGE_NAMES */ .y.join(', ')}); without one, the failed jobs.`,
        '- `/ensemble stop`: stop the run working on this pull request.',
    ].join('\n');
}
/** A word of the author's to quote in a reply: as inline code (no mention, no markup), short. */
function quoted(word) {
    const plain = word.replace(/`/g, '');
    return `\`${plain.length > 40 ? `${plain.slice(0, 39)}…` : plain}\``;
}
/**
 * The indexes of the lines a reader sees as prose: lines in fenced code blocks and
 * block quotes are left out (a command quoted or shown as an example is not given). A quote goes
 * on over the non-blank lines after it, as CommonMark's lazy continuation shows them inside it.
 */
function proseLines(lines) {
    const prose = [];
    let fence = null;
    let quote = false;
    lines.forEach((line, index) => {
        if (fence !== null) {
            if ((0,_util_fences_js__WEBPACK_IMPORTED_MODULE_3__/* .closesFence */ .Tv)(line, fence))
                fence = null;
            return;
        }
        if (line.trim() === '') {
            quote = false;
            return;
        }
        if (/^\s*>/.test(line)) {
            quote = true;
            return;
        }
        if (quote)
            return;
        // GitHub opens a fence indented by up to three spaces too.
        const opening = (0,_util_fences_js__WEBPACK_IMPORTED_MODULE_3__/* .fenceOpening */ .YY)(line.replace(/^ {1,3}/, ''));
        if (opening !== null) {
            fence = opening;
            return;
        }
        prose.push(index);
    });
    return prose;
}
const COMMAND_LINE = /^\s*\/ensemble(?=\s|$)(.*)$/i;
/**
 * The command in a comment or review body: its first line whose first word is `/ensemble` (any
 * case, after any indentation), outside code fences and quotes. Null when there is none; `unknown`
 * (with the reply to give) when the line is no command ensemble knows.
 */
function parseCommand(body) {
    const lines = body.split(/\r?\n/);
    const index = proseLines(lines).find((i) => COMMAND_LINE.test(lines[i]));
    if (index === undefined)
        return null;
    const rest = COMMAND_LINE.exec(lines[index])[1].trim();
    const [word = '', ...args] = rest.split(/\s+/).filter(Boolean);
    const name = word.toLowerCase();
    if (name === 'fix') {
        const instructions = [rest.slice(word.length), ...lines.slice(index + 1)].join('\n').trim();
        return { kind: 'fix', instructions: instructions === '' ? null : instructions };
    }
    if (name === 'retry') {
        const stage = args.length === 1 ? args[0].toLowerCase() : null;
        if (args.length === 0)
            return { kind: 'retry', stage: null };
        if (stage !== null && _contracts_stages_js__WEBPACK_IMPORTED_MODULE_2__/* .STAGE_NAMES */ .y.includes(stage))
            return { kind: 'retry', stage: stage };
        return {
            kind: 'unknown',
            message: `\`/ensemble retry\` takes one stage, one of ${_contracts_stages_js__WEBPACK_IMPORTED_MODULE_2__/* .STAGE_NAMES */ .y.join(', ')}, or none to retry the ` +
                `failed jobs; it got ${args.map(quoted).join(' ')}.`,
        };
    }
    if (name === 'stop') {
        // Strict: a command that ends a run should say exactly that, not something ensemble guesses at.
        if (args.length === 0)
            return { kind: 'stop' };
        return { kind: 'unknown', message: `\`/ensemble stop\` takes nothing after it.\n\n${commandHelp()}` };
    }
    const what = word === '' ? `\`${COMMAND}\` alone is no command.` : `${quoted(word)} is not a command of ensemble.`;
    return { kind: 'unknown', message: `${what}\n\n${commandHelp()}` };
}
const HANDLED_EVENTS = ['pull_request_review', 'pull_request_review_comment', 'issue_comment'];
/** The action of each event that can ask something of ensemble. */
const ACTING = {
    pull_request_review: 'submitted',
    pull_request_review_comment: 'created',
    issue_comment: 'created',
};
const User = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().min(1), type: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP() });
const Id = zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().positive();
const ReviewPayload = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    review: zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
        id: Id,
        user: User,
        body: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().nullable().optional(),
        state: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(),
        html_url: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().nullable().optional(),
    }),
    pull_request: zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({ number: Id }),
});
const ReviewCommentPayload = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    comment: zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
        id: Id,
        user: User,
        body: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(),
        path: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(),
        line: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().nullable().optional(),
        html_url: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().nullable().optional(),
    }),
    pull_request: zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({ number: Id }),
});
const IssueCommentPayload = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    comment: zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({ id: Id, user: User, body: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(), html_url: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().nullable().optional() }),
    issue: zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({ number: Id, pull_request: zod__WEBPACK_IMPORTED_MODULE_4__/* .unknown */ .L5J().optional() }),
});
function parsed(eventName, schema, payload, facts) {
    const result = schema.safeParse(payload);
    if (result.success)
        return { ok: true, facts: facts(result.data) };
    const issue = result.error.issues[0];
    const field = issue.path.map(String).join('.') || 'the payload';
    return {
        ok: false,
        reason: `the ${eventName} event's payload has no usable ${field} (${issue.message}); ensemble cannot tell what it asks`,
    };
}
function factsOf(eventName, payload) {
    if (eventName === 'pull_request_review') {
        return parsed(eventName, ReviewPayload, payload, ({ review, pull_request }) => ({
            pull: pull_request.number,
            author: { login: review.user.login, type: review.user.type },
            body: review.body ?? '',
            source: { kind: 'review', id: review.id, url: review.html_url ?? null },
            place: null,
            reviewId: review.id,
            // Webhooks spell the state in lower case, the REST API in upper case.
            changesRequested: review.state.toLowerCase() === 'changes_requested',
            onPull: true,
        }));
    }
    if (eventName === 'pull_request_review_comment') {
        return parsed(eventName, ReviewCommentPayload, payload, ({ comment, pull_request }) => ({
            pull: pull_request.number,
            author: { login: comment.user.login, type: comment.user.type },
            body: comment.body,
            source: { kind: 'review-comment', id: comment.id, url: comment.html_url ?? null },
            // `line` is null when the comment is outdated: its line is no longer in the diff.
            place: { path: comment.path, line: comment.line ?? null },
            reviewId: null,
            changesRequested: false,
            onPull: true,
        }));
    }
    return parsed(eventName, IssueCommentPayload, payload, ({ comment, issue }) => ({
        pull: issue.number,
        author: { login: comment.user.login, type: comment.user.type },
        body: comment.body,
        source: { kind: 'issue-comment', id: comment.id, url: comment.html_url ?? null },
        place: null,
        reviewId: null,
        changesRequested: false,
        // GitHub sends comments on pull requests as issue comments, with `issue.pull_request` set.
        onPull: issue.pull_request !== undefined && issue.pull_request !== null,
    }));
}
const ignore = (reason, source = null) => ({
    act: false,
    reply: false,
    reason,
    source,
});
/**
 * What an event asks of ensemble. Acts on a command in a new comment or review, or on a review
 * requesting changes (when `requestChanges`); replies only to a person who wrote an `/ensemble`
 * line ensemble does not understand. Write access and the pull request's owner are the caller's.
 */
function decideFollowUp(eventName, payload, options) {
    if (!HANDLED_EVENTS.includes(eventName))
        return ignore(`ensemble follows up on ${HANDLED_EVENTS.join(', ')} events, not on "${eventName}"`);
    const event = eventName;
    const action = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({ action: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP() }).safeParse(payload);
    if (!action.success)
        return ignore(`the ${event} event's payload has no action; ensemble cannot tell what happened`);
    // Only a new comment or review runs a command. Replying to every edit would be spam, and an edit
    // can change a command ensemble already acted on: running it again, or a different one, would
    // surprise everyone reading the thread.
    if (action.data.action !== ACTING[event]) {
        return ignore(`the ${event} event "${action.data.action}" runs nothing (edited comments do not run commands: ` +
            'post a new comment)');
    }
    const facts = factsOf(event, payload);
    if (!facts.ok)
        return ignore(facts.reason);
    const { pull, author, body, source } = facts.facts;
    // ensemble's own reviews and comments (a re-review requesting changes, posted with a person's
    // token) carry its markers: they never start a run, or ensemble would answer itself.
    if ((0,_render_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .findMarker */ .Ed)(body) !== null)
        return ignore(`the ${event} on #${pull} was written by ensemble`);
    const onIssue = !facts.facts.onPull;
    const parsedCommand = parseCommand(body);
    // On an issue, only stop and retry concern ensemble's runs; anything else there is a conversation.
    if (onIssue && (parsedCommand === null || parsedCommand.kind === 'unknown'))
        return ignore(`#${pull} is an issue, not a pull request; on an issue ensemble follows only stop and retry`);
    if (parsedCommand === null && !facts.facts.changesRequested)
        return ignore(`the ${event} on #${pull} is not addressed to ensemble: it has no ${COMMAND} line`, source);
    // Replying to a bot can start a loop of bots answering each other: an unlisted bot gets silence.
    if ((0,_github_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .isBot */ .w2)(author.login, author.type) && !(0,_github_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .isListedBot */ .Jk)(author.login, options.allowedBots)) {
        return ignore(`"${author.login}" is a bot; a bot's comments run ensemble only when trigger.allowed-bots lists it`, source);
    }
    // A command ensemble does not understand is answered, even in a review requesting changes:
    // running a fix its author did not ask for in so many words would be a guess.
    if (parsedCommand?.kind === 'unknown')
        return { act: false, reply: true, reason: parsedCommand.message, source };
    if (onIssue && parsedCommand?.kind === 'fix') {
        const reason = `\`${COMMAND} fix\` works on the pull request ensemble opened for #${pull}: comment there ` +
            '(or label the issue again for a new run)';
        return { act: false, reply: true, reason, source };
    }
    let command;
    let via;
    if (parsedCommand !== null) {
        command = parsedCommand;
        via = 'command';
    }
    else {
        if (!options.requestChanges) {
            return ignore(`the review on #${pull} requests changes, but follow-up.request-changes is false: ` +
                `only an ${COMMAND} command starts a run`, source);
        }
        // The review's body is what its author wants changed; its inline comments the caller reads by reviewId.
        const instructions = body.trim();
        command = { kind: 'fix', instructions: instructions === '' ? null : instructions };
        via = 'changes-requested';
    }
    return {
        act: true,
        followUp: {
            event,
            pull,
            onIssue,
            author,
            command,
            via,
            source,
            place: facts.facts.place,
            reviewId: facts.facts.reviewId,
        },
    };
}
/** Null when ensemble opened it (same repository, branch ensemble/…, body with the ensemble:pr marker), else why not. */
function notEnsemblesPull(pull) {
    const which = `#${pull.number}`;
    if (pull.state !== 'open')
        return `pull request ${which} is ${pull.state}; ensemble follows up only on open ones`;
    if (pull.headRepo === null || pull.headRepo.toLowerCase() !== pull.baseRepo.toLowerCase()) {
        return (`pull request ${which} comes from ${pull.headRepo ?? 'a deleted repository'}, not ${pull.baseRepo}; ` +
            'ensemble follows up only on the pull requests it opened from its own branches');
    }
    if (!/^ensemble\/./.test(pull.headRef)) {
        return (`pull request ${which} is on the branch "${pull.headRef}", not an ensemble/… branch; ` +
            'ensemble follows up only on the pull requests it opened');
    }
    const mark = (0,_render_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .findMarker */ .Ed)(pull.body ?? '', 'pr');
    if (mark === null || !mark.fields['run']) {
        return (`pull request ${which} has no ensemble marker in its description (ensemble writes one when it opens a ` +
            'pull request); it follows up only on the pull requests it opened');
    }
    return null;
}


/***/ }),

/***/ 56988:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Am: () => (/* binding */ findReply),
/* harmony export */   u7: () => (/* binding */ replyTo)
/* harmony export */ });
/* unused harmony export replyMarker */
/* harmony import */ var _github_issues_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(375);
/* harmony import */ var _render_marker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19556);
/**
 * ensemble's reply to one comment or review that asked something of it: why it did not act, or
 * what it did. One reply per request, found again by its marker, so that the same event delivered
 * twice (or a re-run of the job) updates the reply instead of adding another.
 */


/** The marker of ensemble's reply to one comment or review. */
function replyMarker(source) {
    return (0,_render_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .marker */ .xL)('reply', { to: `${source.kind}-${source.id}` });
}
/** ensemble's reply to `source` on issue or pull request `issue`, or null when it has not replied. */
function findReply(octokit, repo, issue, source) {
    return (0,_github_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .findMarkedComment */ .Jp)(octokit, { ...repo, issue_number: issue, marker: replyMarker(source) });
}
/**
 * Says on the issue or pull request why ensemble does not act (`refused`) or what it did
 * (`acted`), once per comment or review that asked.
 */
async function replyTo(octokit, repo, issue, source, text, outcome = 'refused') {
    if (issue <= 0)
        return;
    const mark = replyMarker(source);
    const link = source.url ? `[your ${source.kind.replace('-', ' ')}](${source.url})` : 'your request';
    const said = outcome === 'acted' ? `ensemble, as ${link} asked: ${text}.` : `ensemble did not act on ${link}: ${text}.`;
    await (0,_github_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .upsertMarkedComment */ .Zd)(octokit, { ...repo, issue_number: issue, marker: mark, body: `${mark}\n${said}` });
}


/***/ }),

/***/ 62180:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runRespondAction: () => (/* binding */ runRespondAction)
});

// EXTERNAL MODULE: ./lib/github/issues.js
var issues = __webpack_require__(375);
// EXTERNAL MODULE: ./lib/github/octokit.js + 3 modules
var github_octokit = __webpack_require__(15687);
// EXTERNAL MODULE: ./lib/github/permissions.js
var permissions = __webpack_require__(48859);
// EXTERNAL MODULE: ./lib/github/runs.js
var github_runs = __webpack_require__(12325);
// EXTERNAL MODULE: ./lib/github/threads.js
var github_threads = __webpack_require__(11090);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./lib/artifacts/names.js
var names = __webpack_require__(40963);
// EXTERNAL MODULE: ./lib/contracts/common.js
var common = __webpack_require__(60574);
// EXTERNAL MODULE: ./lib/review/index.js + 2 modules
var review = __webpack_require__(59039);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/util/text.js
var util_text = __webpack_require__(28805);
;// CONCATENATED MODULE: ./lib/pipeline/follow-up.js
/**
 * A follow-up run on a pull request ensemble opened: a fix asked for in a review or a comment. It
 * is a run whose first pass is the pull request as it stands, so that the one fix loop
 * (`fix-loop.ts`) and the one publisher serve it too:
 *
 * - the plan and the test report are the stored state of the run that made the pull request
 *   (`refs/ensemble/state/…`), carried over under this run's identity, with no usage (this run
 *   has spent nothing yet, and its budget is its own);
 * - `change.patch` runs from the base to the pull request's head, people's commits included: the
 *   fix builds on them;
 * - the reviews are the open findings, and GitHub's review threads say which are open: a finding
 *   ensemble posted whose thread someone resolved is settled; a finding in a thread still open, or
 *   one that was never placed in a thread, is open. Each unresolved thread a person with write
 *   access opened is a finding of its own (source `human`), at the blocking severity.
 */






/** A follow-up cannot start from what the pull request and its stored state hold. */
class FollowUpError extends errors/* UserError */.yo {
    name = 'FollowUpError';
}
/** The longest body a finding may have (`Finding.body`): a long thread is cut, saying so. */
const MAX_FINDING_BODY = 20_000;
/** The most of a thread's replies read into a person's finding. */
const MAX_REPLIES = 10;
/**
 * Writes the follow-up run's first pass into `runDir` (plan, test report with `change.patch`,
 * reviews of the open findings) and its `follow-up.json`; returns the document.
 */
function prepareFollowUpRun(runDir, start) {
    const { run, state } = start;
    if (state.test === null) {
        throw new FollowUpError(`the run that made pull request #${start.pull.number} left no test report (stages.test was off), and a ` +
            'fix round is re-tested against it: switch the test stage on and start a new run on the issue');
    }
    const carried = { run, usage: (0,common/* noModelUsage */.wQ)() };
    runDir.writeDocument(names/* ARTIFACTS */.ym.plan, 'plan.json', { ...state.plan, ...carried });
    runDir.writeTest({ document: { ...state.test, ...carried }, patch: start.change });
    const ledger = threadLedger(start.threads, start.canWrite);
    const reviews = state.reviews.map((review) => openFindingsOf(review, ledger, carried));
    const people = personFindings(start, ledger);
    if (people.findings.length > 0)
        reviews.push(personReview(people.findings, start.blockOn, carried));
    runDir.writeReviews(reviews);
    const threads = [...ensembleThreads(reviews, ledger), ...people.threads];
    const document = {
        schema: 'ensemble.follow-up/v1',
        ...carried,
        pull: start.pull,
        trigger: start.trigger,
        instructions: start.instructions,
        threads,
        continues: { runId: state.plan.run.runId, stateCommit: state.commit },
    };
    runDir.writeDocument(names/* ARTIFACTS */.ym.followUp, 'follow-up.json', document);
    return document;
}
function threadLedger(threads, canWrite) {
    const byFinding = new Map();
    const people = [];
    for (const thread of threads) {
        const root = thread.comments[0];
        if (!root)
            continue;
        // A marker counts only in a thread a bot (ensemble posts as one, with GITHUB_TOKEN or an App) or
        // a writer (a publish token's person) opened: anyone else could paste one to claim a finding.
        const trusted = root.authorType === 'Bot' || canWrite(root.author);
        // The first thread of a finding is the one ensemble posted (it posts each finding once): a later
        // one is a copy of its marker, which anyone who may comment can paste, and must not reopen it.
        if (thread.findingId === null || !trusted)
            people.push(thread);
        else if (!byFinding.has(thread.findingId))
            byFinding.set(thread.findingId, thread);
    }
    return { byFinding, people };
}
/** A lens's review with only the findings still open: those whose thread was resolved are settled. */
function openFindingsOf(review, ledger, carried) {
    const findings = review.findings.filter((f) => f.id === null || !ledger.byFinding.get(f.id)?.isResolved);
    return { ...review, ...carried, findings };
}
function ensembleThreads(reviews, ledger) {
    const threads = [];
    for (const review of reviews) {
        for (const finding of review.findings) {
            const thread = finding.id === null ? undefined : ledger.byFinding.get(finding.id);
            const root = thread?.comments[0];
            if (!thread || !root || finding.id === null)
                continue;
            threads.push({
                findingId: finding.id,
                threadId: thread.id,
                commentId: root.id,
                by: 'ensemble',
                author: null,
                path: finding.path,
                line: thread.line,
            });
        }
    }
    return threads;
}
/** A person's finding's id: stable for the thread, so each round and run names it the same. */
function personFindingId(threadId) {
    return `F${(0,external_node_crypto_.createHash)('sha256').update(`${review/* PERSON_SOURCE */.aW}\u0000${threadId}`).digest('hex').slice(0, 10)}`;
}
/**
 * The unresolved threads people with write access opened, as findings. Only the author, the text
 * and the place go into them; replies by people without write access are left out.
 */
function personFindings(start, ledger) {
    const findings = [];
    const threads = [];
    for (const thread of ledger.people) {
        const root = thread.comments[0];
        if (!root || thread.isResolved || !root.author || !start.canWrite(root.author))
            continue;
        const id = personFindingId(thread.id);
        const said = thread.comments
            .filter((c) => c.author !== '' && start.canWrite(c.author))
            .slice(0, MAX_REPLIES + 1)
            .map((c) => `@${c.author} wrote:\n${c.body.trim()}`);
        findings.push({
            id,
            path: thread.path,
            line: thread.line,
            endLine: null,
            quote: '',
            severity: start.blockOn,
            title: titleOf(root.body, root.author),
            body: (0,util_text/* clipWithNote */.tX)(said.join('\n\n'), MAX_FINDING_BODY, '\n[cut here: the thread goes on]'),
            suggestion: null,
        });
        threads.push({
            findingId: id,
            threadId: thread.id,
            commentId: root.id,
            by: 'person',
            author: root.author,
            path: thread.path,
            line: thread.line,
        });
    }
    return { findings, threads };
}
/** The first line of prose: a fenced block (a suggested change) is code, not what the comment asks. */
function titleOf(body, author) {
    let fenced = false;
    const first = body
        .split('\n')
        .map((line) => line.trim())
        .find((line) => {
        if (line.startsWith('```'))
            fenced = !fenced;
        else if (!fenced && line !== '')
            return true;
        return false;
    });
    const title = first ?? `Review comment by @${author}`;
    return title.length > 300 ? `${title.slice(0, 297)}...` : title;
}
function personReview(findings, blockOn, carried) {
    const count = findings.length === 1 ? 'One review comment' : `${findings.length} review comments`;
    return {
        schema: 'ensemble.review/v1',
        ...carried,
        lens: review/* PERSON_SOURCE */.aW,
        verdict: (0,review/* verdictFor */.Xb)(findings, blockOn),
        summary: `${count} by people with write access, still unresolved on the pull request.`,
        findings,
        criteria: [],
    };
}

// EXTERNAL MODULE: ./lib/publish/follow-up.js
var follow_up = __webpack_require__(57298);
// EXTERNAL MODULE: ./lib/publish/run-state.js
var run_state = __webpack_require__(75570);
// EXTERNAL MODULE: ./lib/publish/tracking.js
var tracking = __webpack_require__(17646);
// EXTERNAL MODULE: ./lib/render/marker.js
var marker = __webpack_require__(19556);
// EXTERNAL MODULE: ./lib/workspace/git.js
var workspace_git = __webpack_require__(10297);
// EXTERNAL MODULE: ./lib/workspace/patch.js
var patch = __webpack_require__(93515);
// EXTERNAL MODULE: ./lib/runtime/actions/environment.js + 2 modules
var environment = __webpack_require__(29171);
// EXTERNAL MODULE: ./lib/runtime/actions/follow-up-event.js
var follow_up_event = __webpack_require__(30396);
// EXTERNAL MODULE: ./lib/runtime/actions/publish.js + 8 modules
var publish = __webpack_require__(95143);
// EXTERNAL MODULE: ./lib/runtime/actions/reply.js
var reply = __webpack_require__(56988);
;// CONCATENATED MODULE: ./lib/runtime/actions/run-control.js
/**
 * `/ensemble stop` and `/ensemble retry [stage]`: ensemble's own workflow runs for an issue or a
 * pull request, found through what ensemble wrote there (the issue's tracking comment links the
 * pipeline's run; each follow-up comment on the pull request names its run), then cancelled or
 * re-run through the Actions API. GitHub re-runs a job together with every job that needs it, from
 * the run's artifacts, so `retry review` re-reviews, fixes and publishes again.
 */




const RUN_LINK = /\/actions\/runs\/(\d+)/g;
/** ensemble's follow-up comments on pull request `pull`, oldest first. */
async function followUpComments(octokit, repo, pull) {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        ...repo,
        issue_number: pull,
        per_page: 100,
    });
    return comments.flatMap((comment) => {
        // Only a bot's comment counts (ensemble comments as one): a person could paste the marker.
        if (comment.user?.type !== 'Bot')
            return [];
        const body = comment.body ?? '';
        const found = (0,marker/* findMarker */.Ed)(body, 'follow-up');
        if (!found?.fields['run'])
            return [];
        const done = body.includes(follow_up/* FOLLOW_UP_DONE */.FE);
        return [{ run: found.fields['run'], source: found.fields['source'] ?? '', done, url: comment.html_url }];
    });
}
/**
 * ensemble's workflow runs for the target, newest first, without the current run: those the
 * tracking comment links and the follow-up comments name that are of the current run's workflow
 * file (a link to some other run, written in the issue and quoted in the plan, is not ensemble's).
 */
async function ensembleRuns(octokit, repo, target, current) {
    const ours = await (0,github_runs/* getWorkflowRun */.pH)(octokit, repo, Number(current));
    const runs = [];
    for (const id of await runIdsFor(octokit, repo, target, current)) {
        const run = await (0,github_runs/* getWorkflowRun */.pH)(octokit, repo, id);
        if (run !== null && (ours === null || run.path === ours.path))
            runs.push(run);
    }
    return runs;
}
/** The ids of the runs named for the target, newest first, without `exclude` (the current run). */
async function runIdsFor(octokit, repo, target, exclude) {
    const ids = new Set();
    if (target.issue !== null) {
        const tracking = await (0,issues/* findMarkedComment */.Jp)(octokit, { ...repo, issue_number: target.issue, marker: marker/* TRACKING_MARKER */.Bb });
        for (const match of tracking?.body.matchAll(RUN_LINK) ?? [])
            ids.add(Number(match[1]));
    }
    if (target.pull !== null) {
        for (const { run } of await followUpComments(octokit, repo, target.pull)) {
            if (/^\d+$/.test(run))
                ids.add(Number(run));
        }
    }
    ids.delete(Number(exclude));
    // Run ids grow with time on GitHub: the highest is the newest.
    return [...ids].sort((a, b) => b - a);
}
/**
 * Cancels every one of the runs that is still going, and turns the "working on it" comment of each
 * stopped follow-up into what happened (its publish job, cancelled too, will not); says what it
 * did, for the reply.
 */
async function stopRuns(octokit, repo, runs, asked) {
    const stopped = [];
    for (const run of runs) {
        if (!(0,github_runs/* isRunActive */.yQ)(run))
            continue;
        if ((await (0,github_runs/* cancelWorkflowRun */.j)(octokit, repo, run.id)) === 'cancelled')
            stopped.push(run);
    }
    if (stopped.length === 0)
        return "nothing of ensemble's was running here, so nothing was stopped";
    if (asked.pull !== null) {
        for (const comment of await followUpComments(octokit, repo, asked.pull)) {
            const run = stopped.find((r) => String(r.id) === comment.run);
            if (comment.done || run === undefined)
                continue;
            const mark = (0,follow_up/* followUpMarkerOf */.SN)(comment.run, comment.source);
            const body = (0,follow_up/* followUpCommentBody */.Ui)(mark, 'done', 'stopped', [
                `@${asked.by} stopped [the workflow run](${run.url}) with \`/ensemble stop\`; nothing more is pushed ` +
                    'from it. Ask again with `/ensemble fix`.',
            ]);
            await (0,issues/* upsertMarkedComment */.Zd)(octokit, { ...repo, issue_number: asked.pull, marker: mark, body });
        }
    }
    const links = stopped.map((run) => `[workflow run ${run.id}](${run.url})`);
    return `stopped ${links.join(', ')}: its jobs are cancelled, and nothing more is published from it`;
}
/**
 * Re-runs the newest run's jobs of `stage` (its failed leg when one failed, else its first), or
 * every failed job when no stage is named; says what it did, for the reply.
 */
async function retryRun(octokit, repo, runs, stage) {
    const run = runs[0];
    if (run === undefined)
        return 'ensemble has no workflow run here to retry';
    const { id } = run;
    const link = `[workflow run ${id}](${run.url})`;
    if ((0,github_runs/* isRunActive */.yQ)(run))
        return `${link} is still running: retry it once it ended, or stop it with \`/ensemble stop\``;
    const jobs = await (0,github_runs/* listRunJobs */.c4)(octokit, repo, id);
    const failed = (job) => job.conclusion === 'failure' || job.conclusion === 'cancelled';
    if (stage === null) {
        if (!jobs.some(failed))
            return `nothing failed in ${link}; name a stage to run it again`;
        await (0,github_runs/* rerunFailedJobs */.K4)(octokit, repo, id);
        return `re-running the failed jobs of ${link} (${jobs
            .filter(failed)
            .map((j) => j.name)
            .join(', ')})`;
    }
    const ofStage = jobs.filter((job) => job.name === stage || job.name.startsWith(`${stage} (`));
    const job = ofStage.find(failed) ?? ofStage[0];
    if (!job) {
        const names = jobs.map((j) => j.name).join(', ') || 'none';
        return `${link} has no ${stage} job (its jobs: ${names})`;
    }
    await (0,github_runs/* rerunJob */.sB)(octokit, repo, job.id);
    return `re-running ${job.name} of ${link}, and every job after it, from the run's artifacts`;
}

// EXTERNAL MODULE: ./lib/runtime/actions/timeouts.js
var timeouts = __webpack_require__(8154);
;// CONCATENATED MODULE: ./lib/runtime/actions/respond.js
/**
 * `actions/respond`: the first job of a follow-up run, started by a review or a comment on a pull
 * request. It decides what was asked (`follow-up-event.ts`), of whom, on which pull request, and
 * either says no (a reply that says why, or nothing where a reply would be spam: see
 * docs/github-setup.md "Follow-up runs") or prepares the fix job's run: the stored state of the
 * run that made the pull request, the change up to the pull request's head, and the open findings
 * read back from its review threads (`pipeline/follow-up.ts`). No model runs here.
 *
 * Outputs: `mode` (`fix`, or `none` when nothing is to be done), `pull`, `base-sha`, `head-sha`
 * and `timeouts` (the fix job's limit).
 */




















/** Runs the respond job (module comment). */
async function runRespondAction(settings, deps) {
    const { core, job } = deps;
    const config = await (0,publish.loadCheckoutConfig)(job.workspace, settings.config);
    const octokit = (0,github_octokit/* createOctokit */.Qi)({ token: settings.githubToken, baseUrl: job.apiUrl, log: (0,environment/* actionsGitHubLog */.f)(core) });
    const answer = await respond(octokit, config, deps);
    core.setOutput('mode', answer.mode);
    if (answer.mode === 'none') {
        core.info(`ensemble does nothing: ${answer.why}`);
        core.summary.addRaw(`## ensemble follow-up\n\nNothing to do: ${answer.why}\n`, true);
        await core.summary.write();
        return;
    }
    const { followUp } = answer;
    for (const name of deps.runDir.artifacts()) {
        await deps.artifacts.uploadArtifact(name, deps.runDir.artifactDir(name));
    }
    // Only once the fix job has what it needs: a "working on it" that no job follows would stay so.
    await acknowledge(octokit, job.repository, followUp, `${job.serverUrl}/${job.repository.owner}/${job.repository.repo}/actions/runs/${job.runId}`);
    core.setOutput('pull', String(followUp.pull.number));
    core.setOutput('base-sha', followUp.run.baseSha);
    // The default branch's commit whose configuration this job read: the fix job reads the same one.
    core.setOutput('config-sha', await (0,workspace_git/* hardenedGit */.YW)(job.workspace).text(['rev-parse', 'HEAD'], { what: 'read HEAD' }));
    core.setOutput('head-sha', followUp.pull.headSha);
    core.setOutput('timeouts', JSON.stringify((0,timeouts/* jobTimeouts */.u)(config.config)));
    const given = followUp.threads.length === 1 ? '1 open review thread' : `${followUp.threads.length} open review threads`;
    core.summary.addRaw(`## ensemble follow-up on #${followUp.pull.number}\n\n` +
        `A fix run, asked for by @${followUp.trigger.author} (${followUp.trigger.via}), on the head ` +
        `${followUp.pull.headSha.slice(0, 12)}, with ${given} and ${followUp.instructions ? '' : 'no '}instructions.\n`, true);
    await core.summary.write();
}
async function respond(octokit, loaded, deps) {
    const { config } = loaded;
    const { job } = deps;
    const repo = job.repository;
    const decision = (0,follow_up_event/* decideFollowUp */.Tj)(job.eventName, job.eventPayload, {
        requestChanges: config.trigger['request-changes'],
        allowedBots: config.trigger['allowed-bots'],
    });
    if (!decision.act) {
        if (decision.reply && decision.source) {
            await (0,reply/* replyTo */.u7)(octokit, repo, pullOfPayload(job.eventPayload), decision.source, decision.reason);
        }
        return { mode: 'none', why: decision.reason };
    }
    const event = decision.followUp;
    const refuse = async (why) => {
        await (0,reply/* replyTo */.u7)(octokit, repo, event.pull, event.source, why);
        return { mode: 'none', why };
    };
    const mayAsk = async () => {
        const permission = await (0,permissions/* checkTriggerPermission */.qB)(octokit, {
            ...repo,
            username: event.author.login,
            senderType: event.author.type,
            allowedBots: config.trigger['allowed-bots'],
        });
        return permission.ok ? null : permission.reason;
    };
    if (event.onIssue) {
        const denied = await mayAsk();
        if (denied !== null)
            return refuse(denied);
        return controlRuns(octokit, repo, event, { issue: event.pull, pull: null }, job.runId);
    }
    const { data: pull } = await octokit.rest.pulls.get({ ...repo, pull_number: event.pull });
    const notOurs = (0,follow_up_event/* notEnsemblesPull */.D5)({
        number: pull.number,
        state: pull.state,
        headRef: pull.head.ref,
        headRepo: pull.head.repo?.full_name ?? null,
        baseRepo: pull.base.repo.full_name,
        body: pull.body,
    });
    // A "Request changes" review on someone else's pull request was not addressed to ensemble: no reply.
    if (notOurs !== null)
        return event.via === 'changes-requested' ? { mode: 'none', why: notOurs } : refuse(notOurs);
    const denied = await mayAsk();
    if (denied !== null)
        return refuse(denied);
    if (event.command.kind !== 'fix') {
        const issue = /^ensemble\/issue-(\d+)$/.exec(pull.head.ref)?.[1];
        return controlRuns(octokit, repo, event, { issue: issue ? Number(issue) : null, pull: pull.number }, job.runId);
    }
    const answered = await answeredAlready(octokit, repo, event);
    // A re-run of this workflow run resumes an answer it had not finished; any other answer stands.
    if (answered !== null && (answered.run !== job.runId || answered.done)) {
        return { mode: 'none', why: `this request was answered already by workflow run ${answered.run} (${answered.url})` };
    }
    const branch = pull.head.ref;
    let stored;
    try {
        stored = await (0,run_state/* readRunState */.xz)(octokit, repo, branch);
    }
    catch (error) {
        if (error instanceof run_state/* RunStateError */.D4)
            return refuse(error.message);
        throw error;
    }
    if (stored === null) {
        return refuse(`the run that made this pull request left no stored state (refs/ensemble/state for ${branch}), so there is ` +
            'nothing a fix can start from. Label the issue again to start a new run');
    }
    const git = (0,workspace_git/* hardenedGit */.YW)(job.workspace);
    const headSha = pull.head.sha;
    const present = await git.run(['cat-file', '-e', `${headSha}^{commit}`], {
        what: 'find the head',
        okCodes: [0, 1, 128],
    });
    if (present.code !== 0) {
        throw new errors/* UserError */.yo(`the pull request's head ${headSha} is not in the checkout: check it out with fetch-depth: 0 ` +
            '(the reusable workflow does), or the branch moved while this job started; re-run it');
    }
    const baseSha = (await git.text(['merge-base', 'HEAD', headSha], { what: 'find the base of the pull request' })).trim();
    const change = (await (0,patch/* diffTrees */.j_)(git, baseSha, headSha)).patch;
    const threads = await (0,github_threads/* listReviewThreads */.s0)(octokit, repo, event.pull);
    const writers = await writersAmong(octokit, repo, threads, config);
    const asked = instructionsOf(event, job.eventPayload);
    const instructions = asked === null
        ? null
        : (0,util_text/* clipWithNote */.tX)(asked, MAX_INSTRUCTIONS, '\n[cut here: the rest was longer than ensemble reads]');
    let followUp;
    try {
        followUp = prepareFollowUpRun(deps.runDir, {
            run: {
                repository: `${repo.owner}/${repo.repo}`,
                runId: job.runId,
                issue: stored.state.plan.run.issue,
                promptHash: stored.state.plan.run.promptHash,
                baseSha,
                configHash: loaded.hash,
            },
            state: { commit: stored.commit, ...stored.state },
            change,
            pull: { number: pull.number, branch, headSha, url: pull.html_url },
            trigger: {
                event: event.event,
                author: event.author.login,
                via: event.via,
                source: { kind: event.source.kind, id: event.source.id },
            },
            instructions,
            threads: threads.map((t) => ({
                id: t.id,
                findingId: (0,marker/* findMarker */.Ed)(t.comments[0]?.body ?? '', 'finding')?.fields['id'] ?? null,
                isResolved: t.isResolved,
                path: t.path,
                line: t.line,
                comments: t.comments,
            })),
            canWrite: (login) => writers.has(login),
            blockOn: config.review['block-on'],
        });
    }
    catch (error) {
        if (error instanceof FollowUpError)
            return refuse(error.message);
        throw error;
    }
    return { mode: 'fix', followUp };
}
/**
 * The follow-up comment, first saying that the fix is under way and where; the publish job
 * replaces it with what came of it. `/ensemble stop` finds the run by it.
 */
async function acknowledge(octokit, repo, followUp, runUrl) {
    const mark = (0,follow_up/* followUpMarker */.xH)(followUp);
    const threads = followUp.threads.length === 1 ? '1 open review thread' : `${followUp.threads.length} open review threads`;
    const body = (0,follow_up/* followUpCommentBody */.Ui)(mark, 'working', `asked by @${followUp.trigger.author}`, [
        `Working on it in [this workflow run](${runUrl}): fix rounds on ${followUp.pull.headSha.slice(0, 12)}, ` +
            `given ${threads}${followUp.instructions ? ' and the instructions' : ''}. ` +
            'This comment says what came of it when the run ends; `/ensemble stop` stops it.',
    ]);
    await (0,issues/* upsertMarkedComment */.Zd)(octokit, { ...repo, issue_number: followUp.pull.number, marker: mark, body });
}
/** Stops or retries ensemble's runs for the target, and says what it did in a reply. */
async function controlRuns(octokit, repo, event, target, currentRun) {
    // The same comment delivered again (or this job re-run): it was answered; stopping or re-running
    // again would act twice on one request.
    const replied = await (0,reply/* findReply */.Am)(octokit, repo, event.pull, event.source);
    if (replied !== null)
        return { mode: 'none', why: `this request was answered already (${replied.url})` };
    const runs = await ensembleRuns(octokit, repo, target, currentRun);
    const said = event.command.kind === 'retry'
        ? await retryRun(octokit, repo, runs, event.command.stage)
        : await stopRuns(octokit, repo, runs, { pull: target.pull, by: event.author.login });
    // A stop on an issue where a run waits for a person, with nothing running: the pipeline's own
    // run settles the wait and says so in the tracking comment; a reply here would only contradict it.
    if (event.onIssue &&
        event.command.kind === 'stop' &&
        !runs.some(github_runs/* isRunActive */.yQ) &&
        (await (0,tracking/* waitShownOnIssue */.Tg)(octokit, repo, event.pull)) !== null)
        return { mode: 'none', why: "nothing runs here, and the wait on the issue is the pipeline run's to settle" };
    await (0,reply/* replyTo */.u7)(octokit, repo, event.pull, event.source, said, 'acted');
    return { mode: 'none', why: said };
}
/** The most of a person's instructions a follow-up keeps (`FollowUpDocument.instructions`). */
const MAX_INSTRUCTIONS = 20_000;
/** A fix's instructions: the command's text, or a "Request changes" review's body (untrusted, as every comment). */
function instructionsOf(event, payload) {
    if (event.command.kind !== 'fix')
        return null;
    if (event.command.instructions !== null || event.via !== 'changes-requested')
        return event.command.instructions;
    const body = payload['review']?.body;
    return typeof body === 'string' && body.trim() !== '' ? body.trim() : null;
}
/** The authors of the threads who have write access (each looked up once). */
async function writersAmong(octokit, repo, threads, config) {
    const authors = new Map(threads.flatMap((t) => t.comments.filter((c) => c.author !== '').map((c) => [c.author, c.authorType])));
    const writers = new Set();
    for (const [login, type] of authors) {
        // A bot counts only when trigger.allowed-bots lists it, as for starting a run.
        const permission = await (0,permissions/* checkTriggerPermission */.qB)(octokit, {
            ...repo,
            username: login,
            senderType: type,
            allowedBots: config.trigger['allowed-bots'],
        });
        if (permission.ok)
            writers.add(login);
    }
    return writers;
}
function pullOfPayload(payload) {
    const pull = payload['pull_request'];
    const issue = payload['issue'];
    return pull?.number ?? issue?.number ?? 0;
}
/**
 * The follow-up comment of an earlier run that answered the same comment or review (a re-run of
 * this workflow run, or the same event delivered twice), or null: a request makes one fix.
 */
async function answeredAlready(octokit, repo, event) {
    const source = `${event.source.kind}-${event.source.id}`;
    return (await followUpComments(octokit, repo, event.pull)).find((c) => c.source === source) ?? null;
}


/***/ })

};
