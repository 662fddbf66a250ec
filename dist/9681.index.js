export const id = 9681;
export const ids = [9681,1900,4759];
export const modules = {

/***/ 54759:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ContractError: () => (/* binding */ ContractError),
/* harmony export */   jsonPath: () => (/* binding */ jsonPath),
/* harmony export */   parseDocument: () => (/* binding */ parseDocument),
/* harmony export */   parseDocumentText: () => (/* binding */ parseDocumentText),
/* harmony export */   zodProblems: () => (/* binding */ zodProblems)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);
/* harmony import */ var _documents_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66811);


class ContractError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'ContractError';
    artifact;
    producer;
    problems;
    constructor(artifact, producer, problems, hint) {
        super(`${artifact} (written by the ${producer} stage) is not valid:\n` +
            problems.map((p) => `  ${p.path}: ${p.message}`).join('\n') +
            `\n${hint}`);
        this.artifact = artifact;
        this.producer = producer;
        this.problems = problems;
    }
}
/** `$.tasks[0].acceptanceCriteria` from zod's path array. */
function jsonPath(path) {
    let out = '$';
    for (const key of path) {
        if (typeof key === 'number')
            out += `[${key}]`;
        else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
            out += `.${key}`;
        else
            out += `[${JSON.stringify(String(key))}]`;
    }
    return out;
}
function zodProblems(error, limit = 20) {
    const problems = error.issues
        .slice(0, limit)
        .map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
    if (error.issues.length > limit)
        problems.push({ path: '$', message: `and ${error.issues.length - limit} more problems` });
    return problems;
}
const SCHEMA_ID = /^ensemble\.([a-z]+(?:-[a-z]+)*)\/v(\d+)$/;
/** What a JSON value is, in words: `an array`, `null`, or its `typeof`. */
function jsonKind(value) {
    if (Array.isArray(value))
        return 'an array';
    if (value === null)
        return 'null';
    return typeof value;
}
/**
 * Validates an artifact document a stage is about to consume. Checks the `schema` id first so
 * that a document from another stage or another ensemble version gets an error saying exactly
 * that, instead of a list of field mismatches.
 */
function parseDocument(name, value, source = {}) {
    const kind = _documents_js__WEBPACK_IMPORTED_MODULE_1__.DOCUMENTS[name];
    const where = [source.artifact ?? kind.artifact, source.file].filter(Boolean).join(': ');
    const expected = `ensemble.${kind.kind}/v${kind.version}`;
    const fail = (path, message, hint) => {
        throw new ContractError(where, kind.producer, [{ path, message }], hint);
    };
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        fail('$', `expected a JSON object, found ${jsonKind(value)}`, 'Re-run the stage that produced it.');
    }
    const id = value.schema;
    if (typeof id !== 'string') {
        fail('$.schema', `missing schema id; expected "${expected}"`, 'This file was not written by ensemble, or was edited by hand.');
    }
    const match = SCHEMA_ID.exec(id);
    if (!match) {
        fail('$.schema', `"${String(id)}" is not an ensemble schema id; expected "${expected}"`, 'This file was not written by ensemble, or was edited by hand.');
    }
    const [, foundKind, foundVersion] = match;
    if (foundKind !== kind.kind) {
        fail('$.schema', `found a ${foundKind} document ("${id}") where a ${kind.kind} document ("${expected}") belongs`, `Check which artifact was passed in; ${kind.artifact} is written by the ${kind.producer} stage.`);
    }
    const version = Number(foundVersion);
    if (version > kind.version) {
        fail('$.schema', `"${id}" is newer than this ensemble understands (${expected})`, 'Use the same ensemble version for every stage of a run, or update ensemble.');
    }
    if (version < kind.version) {
        fail('$.schema', `"${id}" was written by an older ensemble; this one reads ${expected}`, `Re-run the ${kind.producer} stage with this ensemble version.`);
    }
    const result = kind.schema.safeParse(value);
    if (!result.success) {
        throw new ContractError(where, kind.producer, zodProblems(result.error), `Re-run the ${kind.producer} stage; if it keeps failing, this is a bug in ensemble.`);
    }
    return result.data;
}
/** Parses JSON text first, so that a truncated or corrupt file is reported with its name too. */
function parseDocumentText(name, text, source = {}) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        const kind = _documents_js__WEBPACK_IMPORTED_MODULE_1__.DOCUMENTS[name];
        const where = [source.artifact ?? kind.artifact, source.file].filter(Boolean).join(': ');
        throw new ContractError(where, kind.producer, [{ path: '$', message: `not valid JSON (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)})` }], `The file is corrupt or truncated; re-run the ${kind.producer} stage.`);
    }
    return parseDocument(name, value, source);
}


/***/ }),

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

/***/ 73434:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X2: () => (/* binding */ findModelError),
/* harmony export */   jc: () => (/* binding */ ModelRequestError),
/* harmony export */   me: () => (/* binding */ ModelError),
/* harmony export */   tG: () => (/* binding */ ModelSpendLimitError),
/* harmony export */   uJ: () => (/* binding */ ModelConfigError),
/* harmony export */   y3: () => (/* binding */ ModelAuthError)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);

/**
 * Base class of every error the model layer throws on purpose. The tool loop tells them apart with
 * `instanceof` (or {@link findModelError} when something wrapped them):
 *
 * - {@link ModelConfigError}: missing key or base URL; fix the configuration, never retried.
 * - {@link ModelAuthError}: HTTP 401/403; the key is wrong or lacks access, never retried.
 * - {@link ModelSpendLimitError}: quota, credit balance or spend limit exhausted, never retried.
 * - {@link ModelRequestError}: anything else that failed at the HTTP level, after the retries the
 *   error allows (`attempts` says how many were made).
 *
 * The first three are for the user to fix, and carry the user-error marker (`src/errors.ts`).
 */
class ModelError extends Error {
    name = 'ModelError';
    provider;
    constructor(provider, message) {
        super(message);
        this.provider = provider;
    }
}
/** The configuration cannot work: no API key, no base URL for `openai-compatible`, a bad URL. */
class ModelConfigError extends ModelError {
    name = 'ModelConfigError';
    [_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .USER_ERROR */ .v] = true;
}
/** The provider rejected the credentials (HTTP 401 or 403). Retrying cannot help. */
class ModelAuthError extends ModelError {
    name = 'ModelAuthError';
    [_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .USER_ERROR */ .v] = true;
    status;
    constructor(provider, status, detail) {
        super(provider, `authentication failed for ${provider} ` +
            `(HTTP ${status}${detail ? ` ${detail}` : ''}): check the API key; not retried`);
        this.status = status;
    }
}
/** The account is out of money or quota (OpenAI `insufficient_quota`, Anthropic credit balance or billing errors). */
class ModelSpendLimitError extends ModelError {
    name = 'ModelSpendLimitError';
    [_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .USER_ERROR */ .v] = true;
    status;
    constructor(provider, status, detail) {
        super(provider, `spend limit reached for ${provider} (HTTP ${status}${detail ? ` ${detail}` : ''}): ` +
            'not retried; raise the limit or add credit');
        this.status = status;
    }
}
class ModelRequestError extends ModelError {
    name = 'ModelRequestError';
    reason;
    /** HTTP status of the last attempt, when there was a response. */
    status;
    /** Attempts made, the first included. */
    attempts;
    /**
     * The last low-level error (a fetch `TypeError`, a timeout). Deliberately not `cause`: the AI SDK
     * re-wraps any error whose `cause` chain holds a network error code, which would hide this class.
     */
    lastError;
    /** Body of the last error response (truncated to 4 000 characters), e.g. to spot "prompt is too long". */
    responseBody;
    constructor(provider, message, details) {
        super(provider, message);
        this.reason = details.reason;
        this.status = details.status;
        this.attempts = details.attempts;
        this.lastError = details.lastError;
        this.responseBody = details.responseBody?.slice(0, 4000);
    }
}
/** The first {@link ModelError} in `error` or its `cause` chain (the AI SDK may wrap errors), else undefined. */
function findModelError(error) {
    const seen = new Set();
    let current = error;
    while (current instanceof Error && !seen.has(current)) {
        if (current instanceof ModelError)
            return current;
        seen.add(current);
        current = current.cause;
    }
    return undefined;
}


/***/ }),

/***/ 30396:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D5: () => (/* binding */ notEnsemblesPull),
/* harmony export */   DS: () => (/* binding */ proseLines),
/* harmony export */   Ss: () => (/* binding */ pullFactsOf),
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
/** The facts `notEnsemblesPull` reads, from a REST pull request. */
function pullFactsOf(pull) {
    return {
        number: pull.number,
        state: pull.state,
        headRef: pull.head.ref,
        headRepo: pull.head.repo?.full_name ?? null,
        baseRepo: pull.base.repo.full_name,
        body: pull.body,
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
async function replyTo(octokit, repo, issue, source, text, outcome = 'refused', 
/** Further markers the reply carries (a stop's `REPAIRS_STOPPED`). */
markers = []) {
    if (issue <= 0)
        return;
    const mark = replyMarker(source);
    const link = source.url ? `[your ${source.kind.replace('-', ' ')}](${source.url})` : 'your request';
    const said = outcome === 'acted' ? `ensemble, as ${link} asked: ${text}.` : `ensemble did not act on ${link}: ${text}.`;
    const body = [mark, ...markers, said].join('\n');
    await (0,_github_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .upsertMarkedComment */ .Zd)(octokit, { ...repo, issue_number: issue, marker: mark, body });
}


/***/ }),

/***/ 81800:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prepareFix: () => (/* binding */ prepareFix),
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
// EXTERNAL MODULE: ./lib/contracts/review.js
var review = __webpack_require__(88935);
// EXTERNAL MODULE: ./lib/review/index.js + 2 modules
var lib_review = __webpack_require__(59039);
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
    runDir.writeDocument(names.ARTIFACTS.plan, 'plan.json', { ...state.plan, ...carried });
    runDir.writeTest({ document: { ...state.test, ...carried }, patch: start.change });
    const ledger = threadLedger(start.threads, start.canWrite);
    const reviews = state.reviews.map((review) => openFindingsOf(review, ledger, carried));
    const people = personFindings(start, ledger);
    if (people.findings.length > 0)
        reviews.push(personReview(people.findings, start.blockOn, carried));
    if (start.ci) {
        const count = start.ci.findings.length === 1 ? 'One check' : `${start.ci.findings.length} checks`;
        const summary = `${count} of the repository's CI failed on the pull request's head.`;
        reviews.push(externalReview(lib_review/* CI_SOURCE */.lp, start.ci.findings, summary, start.blockOn, carried));
    }
    if (start.merge) {
        const summary = `Merging ${start.merge.merge.base} into the pull request left conflict markers to resolve.`;
        reviews.push(externalReview(lib_review/* CONFLICT_SOURCE */.vV, start.merge.findings, summary, start.blockOn, carried));
    }
    runDir.writeReviews(reviews);
    const threads = [...ensembleThreads(reviews, ledger), ...people.threads];
    const document = {
        schema: 'ensemble.follow-up/v1',
        ...carried,
        pull: start.pull,
        trigger: start.trigger,
        instructions: start.instructions,
        threads,
        ci: start.ci ? fittedRepair(start.ci.repair) : null,
        merge: start.merge?.merge ?? null,
        continues: { runId: state.plan.run.runId, stateCommit: state.commit },
    };
    runDir.writeDocument(names.ARTIFACTS.followUp, 'follow-up.json', document);
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
    return `F${(0,external_node_crypto_.createHash)('sha256').update(`${lib_review/* PERSON_SOURCE */.aW}\u0000${threadId}`).digest('hex').slice(0, 10)}`;
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
        lens: lib_review/* PERSON_SOURCE */.aW,
        verdict: (0,lib_review/* verdictFor */.Xb)(findings, blockOn),
        summary: `${count} by people with write access, still unresolved on the pull request.`,
        findings,
        criteria: [],
    };
}
/**
 * Findings no lens made (failed checks, merge conflicts) as a review of their own: each at the
 * blocking severity, so that the fix loop takes a round for them, and re-judged by the first lens
 * after it (as people's are).
 */
function externalReview(lens, findings, summary, blockOn, carried) {
    const blocking = findings.map((finding) => ({ ...finding, severity: blockOn }));
    return {
        schema: 'ensemble.review/v1',
        ...carried,
        lens,
        verdict: (0,lib_review/* verdictFor */.Xb)(blocking, blockOn),
        summary,
        findings: blocking,
        criteria: [],
    };
}
/** The most failed checks `CiRepair.checks` names, and the longest name it takes. */
const MAX_REPAIR_CHECKS = 50;
const MAX_CHECK_NAME = 200;
/**
 * The repair as the document holds it: a wide matrix can fail in more checks than it names (each
 * stays a finding of the ci review; the signature covers them all), and a check's name can be long.
 */
function fittedRepair(repair) {
    return { ...repair, checks: repair.checks.slice(0, MAX_REPAIR_CHECKS).map((name) => (0,util_text/* clip */.$Q)(name, MAX_CHECK_NAME)) };
}
/**
 * How many blocking findings are open on the pull request: the stored reviews' findings whose
 * thread is not resolved, and the unresolved threads people with write access opened.
 */
function openBlockingCount(reviews, threads, canWrite, blockOn) {
    const ledger = threadLedger(threads, canWrite);
    const ensembles = reviews
        .flatMap((review) => review.findings)
        .filter((f) => (f.id === null || !ledger.byFinding.get(f.id)?.isResolved) && (0,review/* isAtLeast */.du)(f.severity, blockOn));
    const people = ledger.people.filter((t) => {
        const author = t.comments[0]?.author;
        return !t.isResolved && author !== undefined && author !== '' && canWrite(author);
    });
    return ensembles.length + people.length;
}

// EXTERNAL MODULE: ./lib/publish/activity.js
var activity = __webpack_require__(16898);
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
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 1 modules
var schemas = __webpack_require__(80737);
;// CONCATENATED MODULE: ./lib/workspace/merge.js
/** Merges `theirs` into `ours` (commits); the tree and every conflicted path with its kinds. */
async function mergeTrees(git, ours, theirs) {
    const what = `merge ${theirs} into ${ours}`;
    const result = await git.run(['merge-tree', '--write-tree', '-z', ours, theirs], { what, okCodes: [0, 1] });
    const fields = result.stdout.toString().split('\0');
    const tree = fields[0] ?? '';
    if (!/^[0-9a-f]{40,64}$/.test(tree))
        throw new Error(`${what}: git merge-tree gave no tree (${tree.slice(0, 80)})`);
    // Conflicted entries ("<mode> <oid> <stage>\t<path>") up to an empty field, then the messages:
    // "<number of paths>", the paths, "<type>", "<message>".
    const end = fields.indexOf('', 1);
    const conflicted = new Set(fields.slice(1, end === -1 ? 1 : end).map((entry) => entry.slice(entry.indexOf('\t') + 1)));
    const kinds = new Map([...conflicted].map((path) => [path, new Set()]));
    let at = end === -1 ? fields.length : end + 1;
    while (at < fields.length) {
        const count = Number(fields[at]);
        if (!Number.isInteger(count) || count <= 0)
            break;
        const paths = fields.slice(at + 1, at + 1 + count);
        const type = fields[at + 1 + count] ?? '';
        at += count + 3;
        const kind = /^CONFLICT \((.+)\)$/.exec(type)?.[1];
        if (kind === undefined)
            continue;
        for (const path of paths)
            kinds.get(path)?.add(kind);
    }
    return {
        tree,
        conflicts: [...kinds].map(([path, found]) => ({ path, kinds: [...found].sort() })),
    };
}
/** Whether the merge left only conflicts whose markers a person (or an agent) can resolve in the text. */
function resolvableInText(conflict) {
    return conflict.kinds.length > 0 && conflict.kinds.every((kind) => kind === 'contents');
}

// EXTERNAL MODULE: ./lib/secrets/scan.js
var secrets_scan = __webpack_require__(51512);
;// CONCATENATED MODULE: ./lib/ci/log.js
/**
 * Reading a GitHub Actions job log (or a check run's output text) as lines and steps.
 *
 * The raw job log GitHub serves: each line starts with an ISO timestamp and a space, may carry
 * ANSI colours, and holds the runner's workflow commands: a step starts with
 * `##[group]Run <command or action>` (its command echo, up to the next `##[endgroup]`), actions
 * open groups of their own inside a step (`##[group]Getting Git version info`), errors are
 * `##[error]…`. What comes before the first step is the runner's set-up, and the post steps start
 * with `Post job cleanup.`. Text that is not in this format (a check run's output) reads as one
 * section without a header.
 */

/** Longest line kept, in characters: a minified bundle or a base64 blob on one line is not read further. */
const MAX_LINE = 1_000;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z ?/;
const STEP_HEADER = /^##\[group\]Run (.*)$/;
const POST_STEPS = /^Post job cleanup\.$/;
/** The log's lines without timestamps, ANSI codes, carriage returns and the BOM; each at most `MAX_LINE`. */
function cleanLines(log) {
    return (0,util_text/* stripAnsi */.aJ)(log.replace(/^\uFEFF/, ''))
        .replace(/\r\n?/g, '\n')
        .replace(/\n+$/, '')
        .split('\n')
        .map((line) => {
        const text = line.replace(TIMESTAMP, '');
        return text.length > MAX_LINE ? `${text.slice(0, MAX_LINE)} [… line cut at ${MAX_LINE} characters]` : text;
    });
}
/** The log's sections, in order, covering every line. */
function sectionsOf(lines) {
    const sections = [];
    let current = { run: null, start: 0, end: 0 };
    lines.forEach((line, i) => {
        const step = STEP_HEADER.exec(line);
        if (!step && !POST_STEPS.test(line))
            return;
        current.end = i;
        if (current.end > current.start)
            sections.push(current);
        current = { run: step ? step[1].trim() : null, start: i, end: i };
    });
    current.end = lines.length;
    if (current.end > current.start)
        sections.push(current);
    return sections;
}
function isErrorLine(line) {
    return line.startsWith('##[error]');
}
/**
 * Whether a failed step's name names this section. A step without a `name:` is called after its
 * header (`Run npm test`, `Run actions/setup-node@v4`; a multi-line script by its first line); a
 * named step (`name: Unit tests`) cannot be matched to its header reliably, and is found by its
 * `##[error]` lines instead.
 */
function namesSection(stepName, section) {
    if (section.run === null)
        return false;
    const first = (stepName.split('\n')[0] ?? '').trim();
    return first === `Run ${section.run}` || first === section.run;
}

;// CONCATENATED MODULE: ./lib/ci/failure.js
/**
 * What a failed CI check says, as data a fixing agent can be given: the failing part of its log
 * (bounded, cleaned, credentials masked), a signature that recognises the same failure in another
 * run, attempt or head, findings for the fix loop, and whether the base fails the same way.
 *
 * Pure functions: the caller reads the checks and logs (github/checks.ts) and passes text in.
 *
 * Decisions:
 * - The excerpt is the sections of the log that hold an `##[error]` or belong to a failed step;
 *   the passing steps (checkout, setup) are noise an agent would read as a lead. When nothing is
 *   recognised, the log's last lines: the failure is at the end of a job.
 * - Cutting keeps the error lines and grows backwards from each (a test runner's report precedes
 *   `##[error]Process completed with exit code 1.`), then the steps' command echoes; every cut is
 *   announced with the number of lines cut, so the agent never mistakes a cut for the whole log.
 * - Credentials: the log's own `***` stays; known secret values and credential-shaped strings are
 *   redacted, and the finished excerpt is scanned again (every encoding `secrets/scan.ts` reads):
 *   a line that still holds one is withheld whole.
 * - The signature hashes the check, the workflow and the log's failure lines with what changes
 *   between runs (timestamps, durations, ids, temporary paths, ports) normalised and the lines
 *   sorted (parallel runners print in any order); line and column numbers stay, so that another
 *   failing test or assertion is another failure.
 */






/** Lines read from the end of a log in which no failing step was recognised. */
const FALLBACK_LINES = 200;
/** The most a cut marker (`[… 1234567 lines cut …]` and its line break) takes, reserved per possible cut. */
const MARKER_RESERVE = 28;
/** Rescans of the finished excerpt for credentials before it is withheld whole. */
const MAX_RESCANS = 3;
/** The failing part of one check's log, and its signature. */
function describeFailure(input, options) {
    const secrets = options.secrets ?? [];
    const base = { check: input.check, workflow: input.workflow, url: input.url, steps: [...input.failedSteps] };
    if (input.log === null || input.log.trim() === '') {
        const where = input.url ? `its page: ${input.url}` : 'no page is known for it';
        const excerpt = `[The log of the check "${input.check}" could not be read (expired, deleted or empty); ${where}.]`;
        return {
            ...base,
            excerpt: bound(excerpt, options.maxChars),
            signature: hashOf(['no-log', input.check, input.workflow ?? '', ...[...input.failedSteps].sort()]),
        };
    }
    const lines = cleanLines(input.log);
    const part = failingPart(lines, input.failedSteps);
    const texts = redactLines(part.candidates.map((i) => lines[i]), secrets);
    const notes = [
        ...(input.logTruncated ? ["[The log's beginning was not read: what follows is from its end.]"] : []),
        ...(part.fallback ? ['[No failed step was recognised in the log: its last lines follow.]'] : []),
    ];
    const budget = options.maxChars - notes.reduce((n, note) => n + note.length + 1, 0);
    const kept = choose(texts, part, budget);
    const body = render(lines, texts, part.candidates, kept);
    const excerpt = withheldCredentials([...notes, body].join('\n'), secrets);
    return {
        ...base,
        excerpt: bound(excerpt, options.maxChars),
        signature: hashOf([input.check, input.workflow ?? '', ...failureLines(texts)]),
    };
}
/** One signature for a set of failures, whatever their order. */
function failuresSignature(failures) {
    return hashOf([...new Set(failures.map((f) => f.signature))].sort());
}
/** `C` and 12 hex digits of the sha256 of the parts. */
function hashOf(parts) {
    return `C${(0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 12)}`;
}
function failingPart(lines, failedSteps) {
    const sections = sectionsOf(lines);
    const hasError = (s) => lines.slice(s.start, s.end).some(isErrorLine);
    const selected = sections.filter((s) => hasError(s) || failedSteps.some((name) => namesSection(name, s)));
    const isActionsLog = sections.some((s) => s.run !== null);
    // Text that is not an Actions log (a check run's output) is all failure.
    const fallback = selected.length === 0 && isActionsLog;
    let ranges;
    if (selected.length > 0)
        ranges = selected.map((s) => ({ start: s.start, end: s.end, header: s.run !== null }));
    else if (fallback)
        ranges = [{ start: Math.max(0, lines.length - FALLBACK_LINES), end: lines.length, header: false }];
    else
        ranges = [{ start: 0, end: lines.length, header: false }];
    const candidates = [];
    const anchors = [];
    const headers = [];
    for (const range of ranges) {
        let errors = 0;
        for (let i = range.start; i < range.end; i++) {
            const line = lines[i];
            if (line === '##[endgroup]')
                continue;
            if (i === range.start && range.header)
                headers.push(candidates.length);
            if (isErrorLine(line)) {
                anchors.push(candidates.length);
                errors++;
            }
            candidates.push(i);
        }
        const last = candidates.length - 1;
        if (errors === 0 && last >= 0 && !headers.includes(last))
            anchors.push(last);
    }
    return { candidates, anchors, headers, fallback };
}
/**
 * Each line with the secret values and credential-shaped strings redacted. A multi-line secret (a
 * PEM key) is looked for line by line, as the runner masks it, so that a line count never changes.
 */
function redactLines(texts, secrets) {
    const values = secrets.flatMap((s) => (s.includes('\n') ? s.split(/\r?\n/).map((l) => l.trim()) : [s]));
    const redacted = (0,secrets_scan/* redactSecrets */.fp)(texts.join('\n'), values).split('\n');
    return redacted.length === texts.length ? redacted : texts.map((t) => (0,secrets_scan/* redactSecrets */.fp)(t, values));
}
// ---------------------------------------------------------------------------------------------
// the bound
/** Positions of `texts` kept within `budget` characters (cut markers included). */
function choose(texts, part, budget) {
    const kept = texts.map(() => false);
    const cost = (p) => texts[p].length + 1;
    const total = texts.reduce((n, t) => n + t.length + 1, 0);
    if (total <= budget)
        return kept.fill(true);
    // The lines kept first: the last error lines that fit, then the headers that fit.
    const must = [];
    let used = 0;
    const fits = (extra, runs) => used + extra + (runs + 1) * MARKER_RESERVE <= budget;
    for (const p of [...part.anchors].reverse()) {
        if (!fits(cost(p), must.length + 1))
            break;
        must.push(p);
        used += cost(p);
    }
    const anchors = [...must];
    for (const p of part.headers) {
        if (kept[p] || must.includes(p) || !fits(cost(p), must.length + 1))
            continue;
        must.push(p);
        used += cost(p);
    }
    for (const p of must)
        kept[p] = true;
    // Every later line extends a run of kept lines: the markers reserved for `must` cover every cut.
    const reserve = (must.length + 1) * MARKER_RESERVE;
    const take = (p) => {
        if (used + cost(p) + reserve > budget)
            return false;
        kept[p] = true;
        used += cost(p);
        return true;
    };
    // Backwards from each error line, a line each in turn (the last error first), until they meet or run out.
    const next = new Map(anchors.map((p) => [p, p - 1]));
    while (next.size > 0) {
        for (const [anchor, p] of next) {
            if (p < 0 || kept[p] || part.headers.includes(p + 1) || !take(p))
                next.delete(anchor);
            else
                next.set(anchor, p - 1);
        }
    }
    // Then forwards from each header: the step's command echo.
    for (const h of part.headers) {
        if (!kept[h])
            continue;
        for (let p = h + 1; p < texts.length && !kept[p] && !part.headers.includes(p); p++)
            if (!take(p))
                break;
    }
    return kept;
}
/** The kept lines, with every cut announced: `[… 120 lines cut …]`. */
function render(lines, texts, candidates, kept) {
    // Lines cut between two original indices, not counting `##[endgroup]` lines (never shown).
    const shownBefore = [0];
    for (const line of lines)
        shownBefore.push(shownBefore.at(-1) + (line === '##[endgroup]' ? 0 : 1));
    const cut = (from, to) => {
        const n = shownBefore[to] - shownBefore[from];
        return n > 0 ? [`[… ${n} line${n === 1 ? '' : 's'} cut …]`] : [];
    };
    const out = [];
    let after = 0;
    candidates.forEach((index, p) => {
        if (!kept[p])
            return;
        out.push(...cut(after, index), texts[p]);
        after = index + 1;
    });
    out.push(...cut(after, lines.length));
    return out.join('\n');
}
/** `text` at most `max` characters, saying so when cut. */
function bound(text, max) {
    const note = '\n[… the rest was cut]';
    if (text.length <= max)
        return text;
    return max < note.length * 2 ? (0,util_text/* clip */.$Q)(text, max) : (0,util_text/* clipWithNote */.tX)(text, max, note);
}
/**
 * The excerpt with every line that still holds a secret value or a credential (in any form the
 * scanner reads: encoded, reversed, split) withheld; the whole excerpt withheld when rescans do
 * not make it clean.
 */
function withheldCredentials(excerpt, secrets) {
    const needles = (0,secrets_scan/* secretNeedles */.h9)(secrets);
    let text = excerpt;
    for (let scan = 0; scan < MAX_RESCANS; scan++) {
        const { secrets: values, credentials } = (0,secrets_scan/* findSecrets */.dL)(text, needles);
        if (values.length === 0 && credentials.length === 0)
            return text;
        const withheld = new Map();
        for (const hit of values)
            withheld.set(hit.line, `[line withheld: it holds ${(0,secrets_scan/* describeSecretHit */.Fk)(hit)}]`);
        for (const hit of credentials)
            withheld.set(hit.line, `[line withheld: it holds a ${hit.pattern.name}]`);
        text = text
            .split('\n')
            .map((line, i) => withheld.get(i + 1) ?? line)
            .join('\n');
    }
    const clean = (0,secrets_scan/* findSecrets */.dL)(text, needles);
    if (clean.secrets.length === 0 && clean.credentials.length === 0)
        return text;
    return '[The log excerpt was withheld: it holds credentials that could not be masked.]';
}
// ---------------------------------------------------------------------------------------------
// the signature
/**
 * A line that reports a failure: `##[error]`, vitest/jest `FAIL`/`×`/`●`, pytest `FAILED`/`E  `,
 * `error TS…`, `--- FAIL:`, `panicked`, `SomethingError:`.
 */
const FAILURE_LINE = /^##\[error\]|(?:^|\s)(?:FAIL|FAILED|ERROR|ERR!)(?=\s|:|$)|\b\w*(?:Error|Exception)\b:|\berror\b|^\s*(?:E\s{2,}|[●×✕✗✖])|\bpanicked\b|^--- FAIL/;
/** What changes between two runs of the same failure, replaced by a placeholder. */
const VOLATILE = [
    [/\d{4}-\d{2}-\d{2}[T _]\d{2}[:_]\d{2}[:_]\d{2}(?:[._]\d+)?Z?/g, '<time>'],
    [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
    [
        /(?:\/private)?(?:\/tmp|\/var\/folders|\/home\/runner\/work\/_temp|[A-Za-z]:\\Users\\[^\\\s]+\\AppData\\Local\\Temp)[/\\][^\s'"`:,;)\]]*/g,
        '<tmp>',
    ],
    [/\b(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]):\d+/g, '$1:<port>'],
    [/\b(?=[0-9a-f]*\d)[0-9a-f]{7,}\b/gi, '<hex>'],
    [/\b\d{6,}\b/g, '<id>'],
    [/\b\d+(?:\.\d+)?\s?(?:ms|s|sec|secs|seconds?|m|min|mins|minutes?|h)\b/g, '<duration>'],
];
function normaliseFailureLine(line) {
    let out = line;
    for (const [pattern, placeholder] of VOLATILE)
        out = out.replace(pattern, placeholder);
    return out.replace(/\s+/g, ' ').trim();
}
/** The normalised failure lines of the failing part, sorted and once each; its last lines when none reads as one. */
function failureLines(texts) {
    let picked = texts.filter((t) => FAILURE_LINE.test(t));
    if (picked.length === 0)
        picked = texts.filter((t) => t.trim() !== '').slice(-20);
    return [...new Set(picked.map(normaliseFailureLine))].sort();
}
// ---------------------------------------------------------------------------------------------
// findings and attribution
const MAX_BODY = 20_000;
/** One finding per failed check, for the fixing agent; ids are given later by the review ledger. */
function ciFindings(failures, options) {
    const changed = options.changedPaths.filter(isRepoPath);
    return failures.map((failure) => {
        const workflowPath = failure.workflow === null ? undefined : options.workflowPaths.get(failure.workflow);
        const path = mentionedPath(failure.excerpt, changed) ??
            (workflowPath !== undefined && isRepoPath(workflowPath) ? workflowPath : undefined) ??
            changed[0] ??
            '.github/workflows';
        const name = failure.workflow === null ? failure.check : `${failure.workflow} / ${failure.check}`;
        return review/* Finding */.wI.parse({
            id: null,
            path,
            line: null,
            endLine: null,
            quote: '',
            severity: options.severity,
            title: (0,util_text/* clip */.$Q)(`CI: ${name} failed`, 300),
            body: findingBody(failure),
            suggestion: null,
        });
    });
}
function isRepoPath(path) {
    return common/* RepoPath */.UA.safeParse(path).success;
}
/**
 * The changed path the excerpt mentions (as a whole path, or the end of a longer one: logs print
 * `/home/runner/work/repo/repo/src/a.ts`); the longest of them, so `src/a.ts` wins over `a.ts`.
 */
function mentionedPath(excerpt, paths) {
    let best;
    for (const path of paths) {
        const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        if (!new RegExp(`(?<![A-Za-z0-9_.-])${escaped}(?![A-Za-z0-9_-])`).test(excerpt))
            continue;
        if (best === undefined || path.length > best.length)
            best = path;
    }
    return best;
}
function findingBody(failure) {
    const name = failure.workflow === null ? `"${failure.check}"` : `"${failure.check}" of "${failure.workflow}"`;
    const head = [
        `The CI check ${name} failed.`,
        failure.steps.length > 0 ? `Failed steps: ${failure.steps.join(', ')}` : null,
        failure.url ? `Check: ${failure.url}` : null,
        '',
        'The log:',
    ]
        .filter((line) => line !== null)
        .join('\n');
    // A fence longer than any run of backticks in the log, so the log cannot close it.
    const longest = Math.max(2, ...[...failure.excerpt.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const room = MAX_BODY - head.length - 2 * fence.length - 3;
    const excerpt = (0,util_text/* clipWithNote */.tX)(failure.excerpt, room, '\n[… the rest of the excerpt was cut]');
    return (0,util_text/* clipWithNote */.tX)(`${head}\n${fence}\n${excerpt}\n${fence}`, MAX_BODY, '…');
}
/** Base conclusions under which the check passed, and under which it failed as on the head. */
const PASSED = new Set(['success', 'neutral']);
const FAILED = new Set(['failure', 'timed_out', 'startup_failure']);
/**
 * Whether the base fails the same way: a failure of the head is the change's only when the base's
 * latest run of the same check passed; when the base failed too it is not the change's; when the
 * base never ran it (or was cancelled, skipped) nobody knows.
 */
function attribute(headFailed, base) {
    const out = { change: [], alsoOnBase: [], unknown: [] };
    for (const check of new Set(headFailed)) {
        const conclusion = base.get(check)?.toLowerCase() ?? null;
        if (conclusion !== null && PASSED.has(conclusion))
            out.change.push(check);
        else if (conclusion !== null && FAILED.has(conclusion))
            out.alsoOnBase.push(check);
        else
            out.unknown.push(check);
    }
    return out;
}

// EXTERNAL MODULE: ./lib/github/checks.js
var github_checks = __webpack_require__(55554);
// EXTERNAL MODULE: ./lib/github/errors.js
var github_errors = __webpack_require__(9452);
// EXTERNAL MODULE: ./lib/runtime/actions/environment.js
var environment = __webpack_require__(69133);
// EXTERNAL MODULE: ./lib/runtime/actions/follow-up-event.js
var follow_up_event = __webpack_require__(30396);
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
    return followUpCommentsIn(await pullComments(octokit, repo, pull));
}
/** The comments of an issue or pull request, oldest first. */
async function pullComments(octokit, repo, pull) {
    return octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: pull, per_page: 100 });
}
/** The follow-up comments among `comments`. */
function followUpCommentsIn(comments) {
    return comments.flatMap((comment) => {
        // Only a bot's comment counts (ensemble comments as one): a person could paste the marker.
        if (comment.user?.type !== 'Bot')
            return [];
        const body = comment.body ?? '';
        const found = (0,marker/* findMarker */.Ed)(body, 'follow-up');
        if (!found?.fields['run'])
            return [];
        const done = body.includes(follow_up/* FOLLOW_UP_DONE */.FE);
        const { head, failures, merged } = found.fields;
        const work = head
            ? { headSha: head, ...(failures ? { signature: failures } : {}), ...(merged ? { merged } : {}) }
            : null;
        return [{ run: found.fields['run'], source: found.fields['source'] ?? '', done, url: comment.html_url, work }];
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
            const mark = (0,follow_up/* followUpMarkerOf */.SN)(comment.run, comment.source, comment.work);
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

;// CONCATENATED MODULE: ./lib/runtime/actions/ci-watch.js
/**
 * ensemble on its pull request once the repository's CI has spoken (`workflow_run` and
 * `check_suite` events, `ci-event.ts`): the follow-up's respond job reads the pull request's checks
 * as they stand and
 *
 * - when a check it waits for failed: re-runs the failed jobs once (a flaky failure is not
 *   "fixed"), asks whether the base fails the same way (then it is not the change's, and nothing is
 *   repaired), reads the failing steps' logs, and prepares a fix run with the failures as findings
 *   — at most `ci.max-attempts` on the pull request and `ci.max-attempts-per-head` per head, never
 *   the same failure of the same head twice, never after `/ensemble stop` until `/ensemble fix`;
 * - when every check it waits for passed and no blocking finding is open: marks the draft ready,
 *   requests the configured reviews and enables GitHub's auto-merge, as configured (never merges).
 *
 * Each step is a row of the issue's tracking comment (`publish/activity.ts`). Logs are untrusted
 * text: they reach the fixing agent as findings, inside untrusted blocks, with credentials masked.
 */










/** The most of a job's log read: its end, where the failure is. */
const LOG_BYTES = 2_000_000;
/** What the fixing agent reads of one failed check (its finding's body is cut at 4,000 characters). */
const EXCERPT_CHARS = 3_500;
/** In ensemble's reply to `/ensemble stop` on a pull request: no CI repair until `/ensemble fix`. */
const REPAIRS_STOPPED = (0,marker/* marker */.xL)('repairs-stopped');
const ci_watch_FAILED = new Set(['failure', 'timed_out', 'startup_failure']);
const ci_watch_PASSED = new Set(['success', 'neutral', 'skipped']);
/** The most failed checks one repair takes (the rest wait for the next, once these pass). */
const MAX_REPAIRED_CHECKS = 50;
/** Reads what CI says of ensemble's pull request and decides (module comment). */
async function watchCi(ctx) {
    const { octokit, event } = ctx;
    const repo = ctx.deps.job.repository;
    const pull = await pullOfEvent(octokit, repo, event);
    if (pull === null)
        return { mode: 'none', why: `no open pull request of ensemble's has the head ${ci_watch_short(event)}` };
    const notOurs = (0,follow_up_event/* notEnsemblesPull */.D5)(pull.facts);
    if (notOurs !== null)
        return { mode: 'none', why: notOurs };
    if (pull.head.sha !== event.headSha) {
        return { mode: 'none', why: `the pull request's head moved on from ${ci_watch_short(event)}; its own checks will report` };
    }
    const checks = await (0,github_checks/* readPullChecks */.Vj)(octokit, repo, pull.number);
    const waitedFor = checksWaitedFor(checks.checks, ctx.config.ci);
    const failing = waitedFor.filter((c) => c.conclusion !== null && ci_watch_FAILED.has(c.conclusion));
    const issue = issueOf(pull.head.ref);
    if (failing.length === 0) {
        if (waitedFor.some((c) => c.status !== 'completed')) {
            return { mode: 'none', why: 'checks are still running on the head; the last of them to end decides' };
        }
        // Cancelled, stale or waiting for approval is not green: nothing follows until they run and pass.
        const unsettled = waitedFor.filter((c) => !ci_watch_PASSED.has(c.conclusion ?? ''));
        if (unsettled.length > 0) {
            const names = unsettled.map((c) => `${c.name} (${c.conclusion})`).join(', ');
            return { mode: 'none', why: `no check failed, but not every one passed: ${names}` };
        }
        return whenGreen(ctx, pull, checks, issue);
    }
    return whenFailed(ctx, pull, failing, issue);
}
/**
 * The checks ensemble waits for: not ignored, and required by the base branch when
 * `ci.checks` is `required` and the base requires any (every check when it requires none).
 */
function checksWaitedFor(checks, ci) {
    // Whether the base requires any is the base's to say, before `ci.ignore`: ignoring the required
    // checks must not turn every optional one into a check to repair.
    const required = checks.filter((c) => c.required);
    const chosen = ci.checks === 'all' || required.length === 0 ? checks : required;
    return chosen.filter((c) => !ci.ignore.includes(c.name));
}
async function whenFailed(ctx, pull, failing, issue) {
    const { octokit, config } = ctx;
    const repo = ctx.deps.job.repository;
    const names = failing.map((c) => c.name);
    const head = pull.head.sha;
    if (!config.ci.repair)
        return { mode: 'none', why: `${names.join(', ')} failed; ci.repair is off` };
    const comments = await pullComments(octokit, repo, pull.number);
    if (repairsStopped(comments)) {
        return {
            mode: 'none',
            why: 'CI repairs on this pull request were stopped with /ensemble stop; /ensemble fix resumes',
        };
    }
    // Several failed jobs are often of one workflow run: each run, and its base's jobs, are read once.
    const runOf = once((id) => (0,github_checks/* readCiRun */.Cn)(octokit, repo, id));
    const rerun = await rerunOnce(ctx, failing, issue, runOf);
    if (rerun !== null)
        return { mode: 'none', why: rerun };
    const { change, alsoOnBase } = await attributed(octokit, repo, failing, pull.base.ref, runOf);
    if (change.length === 0) {
        await ctx.record(issue, {
            key: `ci-base:${head}`,
            kind: 'ci-repair',
            state: 'skipped',
            title: `Not repaired: ${alsoOnBase.map((c) => c.name).join(', ')} fails on ${pull.base.ref} too`,
            detail: `The latest run on \`${pull.base.ref}\` failed the same way, so the failure is not this change's.`,
            link: failing[0]?.url ?? null,
            at: now(ctx),
            costUsd: null,
        });
        return { mode: 'none', why: `${names.join(', ')} failed on ${pull.base.ref} as well: not this change's failure` };
    }
    change.splice(MAX_REPAIRED_CHECKS);
    const failures = await describeFailures(octokit, repo, change);
    const signature = failuresSignature(failures);
    const earlier = followUpCommentsIn(comments).flatMap((c) => c.work?.signature === undefined ? [] : [{ ...c, work: c.work }]);
    const same = earlier.find((c) => c.work.headSha === head && c.work.signature === signature);
    if (same)
        return { mode: 'none', why: `this failure of ${head.slice(0, 12)} was taken up already (${same.url})` };
    // The attempt cap, then what the repairs spent: either stops them, and a person takes it from here.
    // The budget is read (from the tracking comment) only when the cap has not stopped the repair.
    const cap = capReached(config.ci, earlier, head);
    const limit = cap === null
        ? { key: `ci-budget:${head}`, why: await budgetSpent(ctx, issue) }
        : { key: `ci-cap:${head}`, why: cap };
    if (limit.why !== null) {
        await ctx.record(issue, {
            key: limit.key,
            kind: 'ci-repair',
            state: 'stopped',
            title: `No more CI repairs: ${limit.why}`,
            detail: `${change.map((c) => c.name).join(', ')} failed on ${head.slice(0, 12)}; a person takes it from here.`,
            link: change[0]?.url ?? null,
            at: now(ctx),
            costUsd: null,
        });
        return { mode: 'none', why: limit.why };
    }
    const attempt = earlier.length + 1;
    const repair = {
        headSha: head,
        checks: change.map((c) => c.name),
        signature,
        attempt,
        maxAttempts: config.ci['max-attempts'],
    };
    const row = {
        key: `ci-repair:${head}:${signature}`,
        kind: 'ci-repair',
        state: 'running',
        title: `CI repair ${attempt}/${repair.maxAttempts}: ${repair.checks.join(', ')} failed on ${head.slice(0, 12)}`,
        detail: null,
        link: runUrl(ctx),
        at: now(ctx),
        costUsd: null,
    };
    const workflowPaths = await workflowPathsOf(octokit, repo, change);
    return { mode: 'repair', pull, repair: { repair, failures, workflowPaths, row, issue } };
}
/** The findings of a repair, for `prepareFix`. */
function repairFindings(plan, changedPaths, config) {
    return ciFindings(plan.failures, {
        severity: config.review['block-on'],
        changedPaths,
        workflowPaths: plan.workflowPaths,
    });
}
/**
 * Re-runs the failed jobs of each failing workflow run in its first attempt, once, when
 * `ci.rerun-failed` is on: what it did, or null when nothing was re-run (and a repair may follow).
 */
async function rerunOnce(ctx, failing, issue, runOf) {
    if (!ctx.config.ci['rerun-failed'])
        return null;
    const repo = ctx.deps.job.repository;
    const runIds = [...new Set(failing.flatMap((c) => (c.workflow ? [c.workflow.runId] : [])))];
    const rerun = [];
    for (const id of runIds) {
        const run = await runOf(id);
        if (run === null || run.attempt > 1)
            continue;
        try {
            await (0,github_runs/* rerunFailedJobs */.K4)(ctx.octokit, repo, id);
        }
        catch (error) {
            // A re-run another delivery of this event started already: GitHub says the run is running.
            // Any other refusal means no re-run comes: the failure is taken as it is, and repaired.
            const running = error instanceof github_errors/* GitHubApiError */.OS && error.status === 403 && /already running/i.test(error.message);
            if (!running) {
                ctx.deps.core.warning(`the failed jobs of ${run.name} (${id}) were not re-run: ${(0,errors/* errorMessage */.gJ)(error)}`);
                continue;
            }
        }
        rerun.push(run.name);
        await ctx.record(issue, {
            key: `ci-rerun:${id}`,
            kind: 'ci-rerun',
            state: 'running',
            title: `Re-running the failed jobs of ${run.name} once, before any repair`,
            detail: 'A failure that passes on a re-run is flaky, and is not "fixed".',
            link: run.url,
            at: now(ctx),
            costUsd: null,
        });
    }
    return rerun.length === 0 ? null : `re-running the failed jobs of ${rerun.join(', ')} once before any repair`;
}
/** The failing checks split by whether the base's latest run of the same workflow failed the same check. */
async function attributed(octokit, repo, failing, base, runOf) {
    // The jobs of the base's latest run of the workflow a failed run is of; null when it has none.
    const baseJobsOf = once(async (runId) => {
        const run = await runOf(runId);
        if (run === null)
            return undefined;
        const query = { workflowId: run.workflowId, branch: base, excludeRunId: run.id, event: 'push' };
        const latest = await (0,github_checks/* latestCompletedRun */.K)(octokit, repo, query);
        return latest === null ? null : (0,github_checks/* listRunJobsWithSteps */.xU)(octokit, repo, latest.id);
    });
    const onBase = new Map();
    for (const check of failing) {
        if (!check.workflow)
            continue;
        const jobs = await baseJobsOf(check.workflow.runId);
        if (jobs === undefined)
            continue;
        onBase.set(check.name, jobs?.find((j) => j.name === check.name)?.conclusion ?? null);
    }
    const split = attribute(failing.map((c) => c.name), onBase);
    const also = new Set(split.alsoOnBase);
    return {
        change: failing.filter((c) => !also.has(c.name)),
        alsoOnBase: failing.filter((c) => also.has(c.name)),
    };
}
/** Each failed check as the fixing agent reads it: the failing steps of its log, or its output. */
async function describeFailures(octokit, repo, failing) {
    const failures = [];
    const jobsOf = new Map();
    for (const check of failing) {
        let log = null;
        let logTruncated = false;
        let failedSteps = [];
        if (check.workflow) {
            const runId = check.workflow.runId;
            if (!jobsOf.has(runId))
                jobsOf.set(runId, await (0,github_checks/* listRunJobsWithSteps */.xU)(octokit, repo, runId));
            const job = jobsOf.get(runId).find((j) => j.name === check.name);
            if (job) {
                failedSteps = job.steps.filter((s) => s.conclusion !== null && ci_watch_FAILED.has(s.conclusion)).map((s) => s.name);
                const read = await (0,github_checks/* readJobLog */.gM)(octokit, repo, job.id, { maxBytes: LOG_BYTES });
                log = read?.text ?? null;
                logTruncated = read?.truncated ?? false;
            }
        }
        else if (check.checkRunId !== null) {
            const output = await (0,github_checks/* readCheckRunOutput */.to)(octokit, repo, check.checkRunId);
            log = [output.title, output.summary, output.text].filter(Boolean).join('\n\n') || null;
        }
        failures.push(describeFailure({
            check: check.name,
            workflow: check.workflow?.name ?? null,
            workflowPath: null,
            url: check.url,
            failedSteps,
            log,
            logTruncated,
        }, { maxChars: EXCERPT_CHARS }));
    }
    return failures;
}
/** Workflow name → its file, for the findings' paths. */
async function workflowPathsOf(octokit, repo, failing) {
    const paths = new Map();
    for (const check of failing) {
        if (!check.workflow || paths.has(check.workflow.name))
            continue;
        const { data } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: check.workflow.runId });
        if (data.path)
            paths.set(check.workflow.name, data.path.replace(/@.*$/, ''));
    }
    return paths;
}
/**
 * Why the repairs' spending stops another, or null: what the pull request's CI repairs cost so far
 * (the tracking comment's rows) against `budgets.run.usd`, the most one run may spend.
 */
async function budgetSpent(ctx, issue) {
    const limit = ctx.config.budgets.run.usd;
    if (limit === null || issue === null)
        return null;
    const spent = (0,activity/* spentOn */.g2)(await ctx.rows(issue), ['ci-repair']);
    if (spent < limit)
        return null;
    return `the CI repairs of this pull request spent $${spent.toFixed(2)}, budgets.run.usd ($${limit.toFixed(2)}) or more`;
}
/** Why no more repairs may be made, or null. */
function capReached(ci, earlier, head) {
    if (earlier.length >= ci['max-attempts']) {
        return `ci.max-attempts (${ci['max-attempts']}) repairs were made on this pull request`;
    }
    const ofHead = earlier.filter((c) => c.work.headSha === head).length;
    if (ofHead >= ci['max-attempts-per-head']) {
        return `ci.max-attempts-per-head (${ci['max-attempts-per-head']}) repairs were made of ${head.slice(0, 12)}`;
    }
    return null;
}
/**
 * Whether `/ensemble stop` stopped the repairs: ensemble's reply to the newest stop on the pull
 * request is newer than its newest follow-up comment a person asked for (`/ensemble fix` resumes).
 */
function repairsStopped(comments) {
    let stopped = false;
    for (const comment of comments) {
        if (comment.user?.type !== 'Bot')
            continue;
        const body = comment.body ?? '';
        if (body.includes(REPAIRS_STOPPED))
            stopped = true;
        else if ((0,marker/* findMarker */.Ed)(body, 'follow-up') !== null && (0,marker/* findMarker */.Ed)(body, 'follow-up')?.fields['head'] === undefined) {
            stopped = false;
        }
    }
    return stopped;
}
/** Every check passed: ready for review, reviewers and auto-merge, as configured. */
async function whenGreen(ctx, pull, checks, issue) {
    const { octokit, config } = ctx;
    const ci = config.ci;
    const repo = ctx.deps.job.repository;
    const done = [];
    // A re-run that passed: the failure was flaky.
    await settleReruns(ctx, checks, issue);
    const wanted = ci['ready-for-review'] || ci.reviewers.length > 0 || ci['auto-merge'] !== 'off';
    if (!wanted)
        return { mode: 'none', why: 'every check passed; nothing is configured to follow (ci.ready-for-review)' };
    if (repairsStopped(await pullComments(octokit, repo, pull.number))) {
        return { mode: 'none', why: 'every check passed, but ensemble was stopped on this pull request (/ensemble stop)' };
    }
    const blocking = await ctx.openBlockingFindings(pull);
    if (blocking > 0) {
        const what = blocking === 1 ? 'a blocking finding is' : `${blocking} blocking findings are`;
        return { mode: 'none', why: `every check passed, but ${what} still open` };
    }
    // What the row says is the state reached, not what this run changed, so that a later event on
    // the same head writes the same row again (and nothing twice).
    let draft = checks.isDraft;
    if (ci['ready-for-review']) {
        if (draft)
            await (0,github_checks/* markReadyForReview */.aT)(octokit, checks.nodeId);
        draft = false;
        done.push('ready for review');
    }
    if (ci.reviewers.length > 0 && !draft) {
        await (0,github_checks/* requestReviewers */.i5)(octokit, repo, pull.number, ci.reviewers);
        done.push(`review requested from ${ci.reviewers.map((r) => `@${r}`).join(', ')}`);
    }
    if (ci['auto-merge'] !== 'off' && !draft) {
        const method = ci['auto-merge'].toUpperCase();
        try {
            await (0,github_checks/* enableAutoMerge */.D2)(octokit, checks.nodeId, method);
            done.push(`GitHub's auto-merge (${ci['auto-merge']}) enabled: GitHub merges once branch protection is met`);
        }
        catch (error) {
            // GitHub refuses it where nothing is left to wait for (no required check or review): ensemble
            // never merges in its place.
            if (!(error instanceof github_errors/* GitHubApiError */.OS))
                throw error;
            done.push(`GitHub's auto-merge not enabled (${error.message}); merging stays a person's act`);
        }
    }
    if (done.length === 0)
        return { mode: 'none', why: 'every check passed; the pull request is a draft (ci.ready-for-review is off)' };
    await ctx.record(issue, {
        key: `ready:${checks.headSha}`,
        kind: 'ready',
        state: 'done',
        title: `Every check passed on ${checks.headSha.slice(0, 12)}: ${done.join('; ')}`,
        detail: null,
        link: pull.html_url,
        at: now(ctx),
        costUsd: null,
    });
    return { mode: 'none', why: `every check passed: ${done.join('; ')}` };
}
async function settleReruns(ctx, checks, issue) {
    const runIds = [...new Set(checks.checks.flatMap((c) => (c.workflow ? [c.workflow.runId] : [])))];
    // Only runs ensemble re-ran (their row says so): a run a person re-ran is not called flaky.
    const rerunByEnsemble = new Set((await ctx.rows(issue)).filter((r) => r.kind === 'ci-rerun').map((r) => r.key));
    for (const id of runIds) {
        if (!rerunByEnsemble.has(`ci-rerun:${id}`))
            continue;
        const run = await (0,github_checks/* readCiRun */.Cn)(ctx.octokit, ctx.deps.job.repository, id);
        if (run === null || run.attempt < 2 || run.conclusion !== 'success')
            continue;
        await ctx.record(issue, {
            key: `ci-rerun:${id}`,
            kind: 'ci-rerun',
            state: 'done',
            title: `${run.name} passed when its failed jobs ran again: a flaky failure, not repaired`,
            detail: null,
            link: run.url,
            at: now(ctx),
            costUsd: null,
        });
    }
}
/** The open pull request the event is about: the one GitHub names, or the one whose head branch it is. */
async function pullOfEvent(octokit, repo, event) {
    let number = event.pulls[0];
    if (number === undefined) {
        const { data } = await octokit.rest.pulls.list({
            ...repo,
            state: 'open',
            head: `${repo.owner}:${event.headBranch}`,
            per_page: 10,
        });
        number = data[0]?.number;
    }
    if (number === undefined)
        return null;
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number });
    return {
        number: data.number,
        html_url: data.html_url,
        state: data.state,
        draft: data.draft ?? false,
        head: { ref: data.head.ref, sha: data.head.sha },
        base: { ref: data.base.ref },
        facts: (0,follow_up_event/* pullFactsOf */.Ss)(data),
    };
}
/** The issue of an `ensemble/issue-<n>` branch: its tracking comment shows the rows. */
function issueOf(branch) {
    const found = Number(/^ensemble\/issue-(\d+)$/.exec(branch)?.[1] ?? 0);
    return found > 0 ? found : null;
}
function ci_watch_short(event) {
    return event.headSha.slice(0, 12);
}
function now(ctx) {
    return ctx.now().toISOString();
}
function runUrl(ctx) {
    const { job } = ctx.deps;
    return (0,environment.runUrlOf)(job);
}
/** `recordActivity` bound to the action's client and policy; a failure to write a row is logged, not fatal. */
function activityRecorder(octokit, deps) {
    return async (issue, row) => {
        if (issue === null)
            return;
        try {
            const written = await (0,activity/* recordActivity */.L1)(octokit, deps.job.repository, issue, row, {
                secretValues: [],
                serverUrl: deps.job.serverUrl,
            });
            if ('skipped' in written)
                deps.core.info(`tracking comment row ${row.key}: ${written.skipped}`);
        }
        catch (error) {
            deps.core.warning(`could not write the tracking comment row ${row.key}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    };
}
/** `read`, called at most once per key: later calls share the first call's promise. */
function once(read) {
    const started = new Map();
    return (key) => {
        let found = started.get(key);
        if (found === undefined) {
            found = read(key);
            started.set(key, found);
        }
        return found;
    };
}

;// CONCATENATED MODULE: ./lib/runtime/actions/base-watch.js
/**
 * ensemble on its pull requests when their base branch moves (`push` to the base): a pull request
 * that no longer merges cleanly gets the base merged into its branch — never a rebase over commits
 * people pushed. The respond job merges as objects only (`workspace/merge.ts`) and, when every
 * conflict is one of contents, prepares a fix run whose change is the merge with its conflict
 * markers, one finding per conflicted file; the fix round resolves them, the re-test checks the
 * result, and the publisher pushes one merge commit. Conflicts no text edit resolves (a file
 * deleted on one side, a binary file) are named in the tracking comment, and nothing is pushed.
 *
 * One pull request per run (the fix job works on one): others that conflict are taken by the
 * next push, or now with `/ensemble fix` on them. A (head, base) pair is merged once.
 */






const PushPayload = schemas/* object */.Ikc({
    ref: schemas/* string */.YjP(),
    after: schemas/* string */.YjP().regex(/^[0-9a-f]{40}$/),
    deleted: schemas/* boolean */.zMY().optional(),
});
/** How often, and how long apart, `mergeable` is read again while GitHub computes it. */
const MERGEABLE_TRIES = 5;
const MERGEABLE_WAIT_MS = 3_000;
/** Reads the pull requests into the pushed branch, and prepares the merge of the first that conflicts (module comment). */
async function watchBase(ctx) {
    const { octokit, deps } = ctx;
    const repo = deps.job.repository;
    const push = PushPayload.safeParse(deps.job.eventPayload);
    if (!push.success)
        return { mode: 'none', why: "the push event's payload has no usable ref and after" };
    const branch = /^refs\/heads\/(.+)$/.exec(push.data.ref)?.[1];
    if (branch === undefined || push.data.deleted)
        return { mode: 'none', why: `${push.data.ref} is no branch that moved` };
    if (branch.startsWith('ensemble/'))
        return { mode: 'none', why: `a push to ensemble's own branch ${branch}` };
    const baseSha = push.data.after;
    const pulls = await ensemblePullsInto(octokit, repo, branch);
    if (pulls.length === 0)
        return { mode: 'none', why: `no open pull request of ensemble's is based on ${branch}` };
    const git = (0,workspace_git/* hardenedGit */.YW)(deps.job.workspace);
    if (!(await (0,workspace_git/* hasCommit */.QE)(git, baseSha))) {
        return {
            mode: 'none',
            why: `${branch}'s new commit ${baseSha.slice(0, 12)} is not in the checkout; re-run this job`,
        };
    }
    const skipped = [];
    for (const pull of pulls) {
        const mergeable = await mergeableOf(ctx, pull.number);
        if (mergeable !== false) {
            skipped.push(`#${pull.number} ${mergeable === null ? 'has no mergeability from GitHub yet' : 'merges cleanly'}`);
            continue;
        }
        const issue = issueOf(pull.head.ref);
        const comments = await pullComments(octokit, repo, pull.number);
        if (repairsStopped(comments)) {
            skipped.push(`#${pull.number}: ensemble was stopped there (/ensemble stop)`);
            continue;
        }
        const earlier = followUpCommentsIn(comments);
        const done = earlier.find((c) => c.work?.headSha === pull.head.sha && c.work.merged === baseSha);
        if (done) {
            skipped.push(`#${pull.number}: this merge was taken up already (${done.url})`);
            continue;
        }
        const merged = await mergeTrees(git, pull.head.sha, baseSha);
        const row = conflictRow(ctx, pull, branch, baseSha, merged);
        const stuck = merged.conflicts.filter((c) => !resolvableInText(c));
        if (merged.conflicts.length === 0 || stuck.length > 0) {
            // Said in its row; the next pull request that conflicts is not held up behind it.
            if (stuck.length > 0)
                await ctx.record(issue, row);
            skipped.push(stuck.length > 0
                ? `#${pull.number} conflicts with ${branch} where no text edit resolves it: ${describe(stuck)}`
                : `#${pull.number}: GitHub says it conflicts, but git merges it cleanly; nothing to resolve`);
            continue;
        }
        const merge = { base: branch, baseSha, conflicts: merged.conflicts.map((c) => c.path) };
        return { mode: 'merge', pull, merge, tree: merged.tree, row, issue };
    }
    return { mode: 'none', why: skipped.join('; ') };
}
/** The findings of a base merge: one per conflicted file, at its first conflict marker. */
async function conflictFindings(git, tree, merge, severity) {
    const findings = [];
    for (const path of merge.conflicts) {
        const text = (await git.run(['cat-file', 'blob', `${tree}:${path}`], { okCodes: [0, 128] })).stdout.toString();
        const index = text.split('\n').findIndex((line) => /^<{7}( |$)/.test(line));
        findings.push({
            id: null,
            path,
            line: index === -1 ? null : index + 1,
            endLine: null,
            quote: '',
            severity,
            title: `Merge conflict with ${merge.base} in ${path}`,
            body: `Merging ${merge.base} (${merge.baseSha.slice(0, 12)}) into the pull request conflicts in ${path}. ` +
                'Resolve every conflict marker (<<<<<<<, =======, >>>>>>>) so that the file keeps what both sides ' +
                `meant: the pull request's change, and what ${merge.base} changed since the pull request branched off. ` +
                'Change nothing else.',
            suggestion: null,
        });
    }
    return findings;
}
async function ensemblePullsInto(octokit, repo, base) {
    const pulls = await octokit.paginate(octokit.rest.pulls.list, { ...repo, state: 'open', base, per_page: 100 });
    return pulls
        .filter((pull) => (0,follow_up_event/* notEnsemblesPull */.D5)((0,follow_up_event/* pullFactsOf */.Ss)(pull)) === null)
        .map((pull) => ({
        number: pull.number,
        html_url: pull.html_url,
        state: pull.state,
        head: { ref: pull.head.ref, sha: pull.head.sha },
    }));
}
/** `mergeable` of a pull request: GitHub computes it after a push, and answers null until it has. */
async function mergeableOf(ctx, pull) {
    for (let i = 0; i < MERGEABLE_TRIES; i++) {
        const { data } = await ctx.octokit.rest.pulls.get({ ...ctx.deps.job.repository, pull_number: pull });
        if (data.mergeable !== null && data.mergeable !== undefined)
            return data.mergeable;
        if (i < MERGEABLE_TRIES - 1)
            await ctx.sleep(MERGEABLE_WAIT_MS);
    }
    return null;
}
function conflictRow(ctx, pull, base, baseSha, merged) {
    const stuck = merged.conflicts.filter((c) => !resolvableInText(c));
    const title = stuck.length > 0
        ? `${base} moved to ${baseSha.slice(0, 12)}; the merge conflicts where ensemble cannot resolve it`
        : `Merging ${base} (${baseSha.slice(0, 12)}): resolving conflicts in ${merged.conflicts.length} file(s)`;
    return {
        key: `conflict:${pull.head.sha}:${baseSha}`,
        kind: 'conflict',
        state: stuck.length > 0 ? 'failed' : 'running',
        title,
        detail: stuck.length > 0
            ? `Conflicts: ${describe(merged.conflicts)}. Merge ${base} by hand (never a rebase over people's commits).`
            : `Conflicts in ${merged.conflicts.map((c) => c.path).join(', ')}.`,
        link: pull.html_url,
        at: ctx.now().toISOString(),
        costUsd: null,
    };
}
function describe(conflicts) {
    return conflicts.map((c) => `${c.path} (${c.kinds.join(', ') || 'conflict'})`).join(', ');
}

;// CONCATENATED MODULE: ./lib/runtime/actions/ci-event.js
/**
 * What a CI event asks of ensemble: a `workflow_run` or `check_suite` that completed on one of
 * ensemble's branches is a reason to look at that pull request's checks (a failure to repair, or a
 * green head to mark ready); anything else is not ensemble's. Pure: no network. The caller reads
 * the pull request and its checks, and decides from what they say now rather than from the event
 * alone (GitHub keeps one queued run per concurrency group, so an event may stand for others).
 */

const Sha = schemas/* string */.YjP().regex(/^[0-9a-f]{40}$/);
const Pulls = schemas/* array */.YOg(schemas/* object */.Ikc({ number: schemas/* number */.aig().int().positive() })).default([]);
const Repository = schemas/* object */.Ikc({ full_name: schemas/* string */.YjP() });
const WorkflowRunPayload = schemas/* object */.Ikc({
    action: schemas/* string */.YjP(),
    workflow_run: schemas/* object */.Ikc({
        id: schemas/* number */.aig().int().positive(),
        name: schemas/* string */.YjP().nullable().optional(),
        head_branch: schemas/* string */.YjP().nullable(),
        head_sha: Sha,
        status: schemas/* string */.YjP().nullable(),
        conclusion: schemas/* string */.YjP().nullable(),
        run_attempt: schemas/* number */.aig().int().positive().optional(),
        html_url: schemas/* string */.YjP().optional(),
        pull_requests: Pulls,
        head_repository: Repository.nullable().optional(),
    }),
    repository: Repository,
});
const CheckSuitePayload = schemas/* object */.Ikc({
    action: schemas/* string */.YjP(),
    check_suite: schemas/* object */.Ikc({
        id: schemas/* number */.aig().int().positive(),
        head_branch: schemas/* string */.YjP().nullable(),
        head_sha: Sha,
        status: schemas/* string */.YjP().nullable(),
        conclusion: schemas/* string */.YjP().nullable(),
        app: schemas/* object */.Ikc({ slug: schemas/* string */.YjP().optional() }).nullable().optional(),
        pull_requests: Pulls,
        url: schemas/* string */.YjP().optional(),
    }),
    repository: Repository,
});
/** Branches ensemble publishes: anything else is someone else's pull request. */
const ENSEMBLE_BRANCH = /^ensemble\/[A-Za-z0-9._/-]+$/;
/** Decides whether a `workflow_run` or `check_suite` event concerns one of ensemble's pull requests. */
function decideCiEvent(eventName, payload) {
    if (eventName === 'workflow_run') {
        const parsed = WorkflowRunPayload.safeParse(payload);
        if (!parsed.success)
            return unreadable(eventName, parsed.error);
        const { action, workflow_run: run, repository } = parsed.data;
        const fromFork = run.head_repository != null && run.head_repository.full_name !== repository.full_name;
        return decided(action, run.status, run.head_branch, fromFork, {
            source: 'workflow_run',
            id: run.id,
            attempt: run.run_attempt ?? 1,
            headSha: run.head_sha,
            conclusion: run.conclusion ?? '',
            pulls: run.pull_requests.map((p) => p.number),
            // `||`: GitHub's example payload has an empty name, and a follow-up's trigger needs one.
            name: run.name || `workflow run ${run.id}`,
            url: run.html_url ?? null,
        });
    }
    if (eventName === 'check_suite') {
        const parsed = CheckSuitePayload.safeParse(payload);
        if (!parsed.success)
            return unreadable(eventName, parsed.error);
        const { action, check_suite: suite } = parsed.data;
        return decided(action, suite.status, suite.head_branch, false, {
            source: 'check_suite',
            id: suite.id,
            attempt: 1,
            headSha: suite.head_sha,
            conclusion: suite.conclusion ?? '',
            pulls: suite.pull_requests.map((p) => p.number),
            name: suite.app?.slug || `check suite ${suite.id}`,
            url: null,
        });
    }
    return { act: false, reason: `a ${eventName} event is no CI event` };
}
function decided(action, status, branch, fromFork, event) {
    const what = `${event.source.replace('_', ' ')} ${event.id}`;
    if (action !== 'completed' || status !== 'completed')
        return { act: false, reason: `${what} has not completed` };
    if (branch === null || !ENSEMBLE_BRANCH.test(branch) || fromFork) {
        return { act: false, reason: `${what} is not on a branch of ensemble's (ensemble/…) in this repository` };
    }
    return { act: true, event: { ...event, headBranch: branch } };
}
function unreadable(eventName, error) {
    const issue = error.issues[0];
    const field = issue.path.map(String).join('.') || 'the payload';
    return { act: false, reason: `the ${eventName} event's payload has no usable ${field} (${issue.message})` };
}

;// CONCATENATED MODULE: ./lib/ci/attribution.js
/**
 * Whether a failure on the default branch after a merge is the merged change's: the judgement
 * behind a revert ensemble proposes (never makes). Pure: the caller reads the runs, logs and
 * deployments and passes what it found; the answer holds every condition with its evidence, so
 * the revert's description and the note of a failure that is not the change's say the same thing.
 *
 * All three conditions are required:
 * - passed before: the same workflow passed on the pull request's head, and its last run on the
 *   default branch before the merge passed on the merge's first parent or earlier (a deployment:
 *   the previous deployment to the environment succeeded and was of the first parent);
 * - fails after: this run (deployment) of the merge commit failed;
 * - touches what changed: the failing jobs' logs name a file the pull request changed (a
 *   deployment: the merge was the only change between the two deployments).
 */
const attribution_PASSED = new Set(['success']);
const attribution_FAILED = new Set(['failure', 'timed_out', 'startup_failure']);
/**
 * The changed paths an excerpt names, as a whole path or as the end of a longer one (logs print
 * `/home/runner/work/repo/repo/src/a.ts`), each once, in the order of `paths`.
 */
function mentionedPaths(excerpts, paths) {
    const text = excerpts.join('\n');
    return [...new Set(paths)].filter((path) => {
        if (path === '')
            return false;
        const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        return new RegExp(`(?<![A-Za-z0-9_.-])${escaped}(?![A-Za-z0-9_-])`).test(text);
    });
}
function shortSha(sha) {
    return sha.slice(0, 12);
}
function verdict(conditions, mentioned) {
    const order = [
        ['passedBefore', 'it did not pass before the merge'],
        ['failsAfter', 'the merge commit did not fail'],
        ['touchesChange', 'the failure does not touch what the pull request changed'],
    ];
    const failed = order.find(([key]) => !conditions[key].met);
    const reason = failed ? `${failed[1]}: ${conditions[failed[0]].evidence}` : null;
    return { attributable: failed === undefined, ...conditions, mentioned, reason };
}
/** A workflow run of the merge commit that failed, judged (module comment). */
function attributeWorkflowFailure(input) {
    const { after, onHead, onBase } = input;
    const headPassed = onHead !== null && attribution_PASSED.has(onHead.conclusion ?? '');
    const basePassed = onBase !== null && attribution_PASSED.has(onBase.conclusion ?? '') && input.baseIsBeforeMerge;
    const headText = onHead === null
        ? 'no completed run on the pull request'
        : `on the pull request's head \`${shortSha(onHead.sha)}\`: ${onHead.conclusion ?? 'no conclusion'} (${onHead.url})`;
    let baseText;
    if (onBase === null)
        baseText = 'no earlier completed run on the default branch';
    else {
        const where = input.baseIsBeforeMerge
            ? `before the merge (\`${shortSha(onBase.sha)}\`, the merge's first parent \`${shortSha(input.firstParent)}\` or earlier)`
            : `on \`${shortSha(onBase.sha)}\`, which is not the merge's first parent \`${shortSha(input.firstParent)}\` nor one of its ancestors`;
        baseText = `on the default branch ${where}: ${onBase.conclusion ?? 'no conclusion'} (${onBase.url})`;
    }
    const failed = after.conclusion !== null && attribution_FAILED.has(after.conclusion);
    const jobs = after.failedJobs.length > 0 ? after.failedJobs.map((j) => `\`${j}\``).join(', ') : 'no job named';
    const mentioned = mentionedPaths(input.excerpts, input.changedFiles);
    const touches = mentioned.length > 0
        ? `the failing jobs' logs name ${mentioned.map((p) => `\`${p}\``).join(', ')}, changed by the pull request`
        : `the failing jobs' logs name none of the ${input.changedFiles.length} files the pull request changed`;
    return verdict({
        passedBefore: { met: headPassed && basePassed, evidence: `${headText}; ${baseText}` },
        failsAfter: {
            met: failed,
            evidence: `the run of the merge commit \`${shortSha(after.sha)}\`: ${after.conclusion ?? 'no conclusion'}; failed jobs: ${jobs} (${after.url})`,
        },
        touchesChange: { met: mentioned.length > 0, evidence: touches },
    }, mentioned);
}
/** A deployment of the merge commit that failed, judged against the previous one to the environment. */
function attributeDeploymentFailure(input) {
    const { after, previous } = input;
    const previousPassed = previous !== null && previous.state === 'success';
    const ofParent = previous !== null && previous.sha === input.firstParent;
    const failed = after.state === 'failure' || after.state === 'error';
    const where = (d) => `deployment ${d.id} of \`${shortSha(d.sha)}\` to \`${d.environment}\`: ${d.state ?? 'no status'}${d.url ? ` (${d.url})` : ''}`;
    const previousText = previous === null ? `no earlier deployment to \`${after.environment}\`` : where(previous);
    return verdict({
        passedBefore: {
            met: previousPassed && ofParent,
            evidence: previous === null || ofParent
                ? `the previous ${previousText}`
                : `the previous ${previousText}, which is not of the merge's first parent \`${shortSha(input.firstParent)}\``,
        },
        failsAfter: { met: failed, evidence: `the ${where(after)}` },
        touchesChange: {
            met: ofParent,
            evidence: ofParent
                ? `the previous deployment was of the merge's first parent \`${shortSha(input.firstParent)}\`: the merge is the only change deployed`
                : `the previous deployment was not of the merge's first parent \`${shortSha(input.firstParent)}\`: more than the merge was deployed`,
        },
    }, []);
}

// EXTERNAL MODULE: ./lib/github/write-once.js
var write_once = __webpack_require__(32192);
// EXTERNAL MODULE: ./lib/render/safe.js
var safe = __webpack_require__(85303);
// EXTERNAL MODULE: ./lib/workspace/commit.js
var commit = __webpack_require__(48656);
// EXTERNAL MODULE: ./lib/publish/commits.js
var commits = __webpack_require__(54673);
// EXTERNAL MODULE: ./lib/publish/git-data.js
var git_data = __webpack_require__(46912);
// EXTERNAL MODULE: ./lib/publish/policy.js + 1 modules
var publish_policy = __webpack_require__(29367);
// EXTERNAL MODULE: ./lib/publish/pull-request.js
var pull_request = __webpack_require__(98868);
;// CONCATENATED MODULE: ./lib/publish/revert.js
/**
 * The revert ensemble proposes when a merged change of its own broke the default branch: a draft
 * pull request from `ensemble/revert-<pr>` holding one commit that undoes the merge, and a comment
 * on the issue with the diagnosis. Never a merge, never a push to the default branch: a person
 * reviews the revert, or closes it when the failure is not the change's.
 *
 * - The commit is made locally, in no work tree: its parent is the merge commit C and its tree is
 *   C's first parent's. That is exactly what `git revert --no-commit [-m 1] C` leaves on top of C
 *   (a three-way merge of C and its first parent over C gives the first parent), so no checkout,
 *   index or branch of the repository is touched, and the same commit content comes out on every
 *   run. It is recreated on GitHub with `pushCommits`.
 * - Whether it still applies: the revert is merged, in objects only (`git merge-tree`), into the
 *   default branch as it stands; a conflict (a later commit changed the same lines) opens no pull
 *   request, and the comment says so: a person reverts by hand.
 * - Idempotent: a branch that holds the same revert (same parent, tree and message) is reused;
 *   one that holds anything else is left alone and said so. The open pull request of the branch
 *   is updated; one a person closed is not reopened. The comment is upserted by its marker.
 * - Every text (title, body, comment, commit message) goes through the safe-output policy; a
 *   refused one is written without the log excerpt, or not at all.
 */











/** The branch of the revert of pull request `pull`. */
function revertBranch(pull) {
    return `ensemble/revert-${pull}`;
}
/** The marker of the monitor's comment about pull request `pull`: one comment per pull request, updated. */
function monitorMarker(pull) {
    return (0,marker/* marker */.xL)('monitor', { pr: pull });
}
/** The local revert commit of `mergeSha` on itself (module comment), with its tree and message. */
async function makeRevertCommit(repoDir, input) {
    const git = (0,workspace_git/* hardenedGit */.YW)(repoDir);
    const c = input.pull.mergeSha;
    if (!(0,workspace_git/* isFullSha */.Wf)(c))
        throw new Error(`the merge commit must be a full SHA, got ${JSON.stringify(c)}`);
    const parents = (await git.text(['rev-list', '--parents', '-n', '1', c], { what: `read the parents of ${c}` }))
        .split(' ')
        .slice(1);
    const first = parents[0];
    if (first === undefined)
        throw new Error(`${c} has no parent: a root commit cannot be reverted`);
    const tree = await git.text(['rev-parse', '--verify', `${first}^{tree}`], { what: `read the tree of ${first}` });
    const message = revertMessage(input.pull, parents.length > 1, input.reason);
    const trailers = { [commits/* RUN_TRAILER */.cu]: input.runId, 'Ensemble-Stage': 'monitor' };
    // A fixed date: the same revert gives the same commit on every run.
    const identity = { ...commits/* ENSEMBLE_AUTHOR */.ID, date: '1970-01-01T00:00:00Z' };
    const sha = await (0,commit/* commitTree */.SC)(repoDir, { tree, parentSha: c, message, trailers, author: identity });
    if (sha === null)
        throw new Error(`${c} changes nothing: there is nothing to revert`);
    const full = await git.text(['log', '-1', '--format=%B', sha], { what: `read the message of ${sha}` });
    return { sha, tree, parent: c, message: full, merge: parents.length > 1 };
}
function revertMessage(pull, merge, reason) {
    const kind = merge ? 'merge commit' : 'commit';
    const title = pull.title.replace(/\s+/g, ' ').trim();
    return [
        `Revert "${title}"`,
        '',
        `This reverts #${pull.number} (${kind} ${pull.mergeSha}): ${reason.replace(/\s+/g, ' ').trim()}`,
        '',
        'Proposed by ensemble after the merge; ensemble never merges it.',
    ].join('\n');
}
/**
 * Whether the revert merges cleanly into `head` (the default branch now): the conflicting files,
 * or an empty list. Objects only; nothing checked out.
 */
async function revertConflicts(repoDir, head, revert) {
    const git = (0,workspace_git/* hardenedGit */.YW)(repoDir);
    const merged = await git.run(['merge-tree', '--write-tree', '--name-only', '--no-messages', '-z', '--end-of-options', head, revert], { okCodes: [0, 1], what: `merge the revert ${revert} into ${head}` });
    if (merged.code === 0)
        return [];
    // The tree's SHA, then the conflicted paths.
    return [...new Set((0,workspace_git/* nulFields */.R6)(merged.stdout).slice(1))].filter(Boolean).sort();
}
/** Opens (or updates) the draft revert and comments on the issue (module comment). */
async function proposeRevert(options) {
    const { octokit, repo, pull } = options;
    const branch = revertBranch(pull.number);
    const local = await makeRevertCommit(options.repoDir, {
        pull,
        reason: options.texts.reason,
        runId: options.runId,
    });
    const texts = await checkedTexts(options, local.message);
    if ('refusals' in texts)
        return { kind: 'refused', refusals: texts.refusals };
    const comment = (body) => postComment(options, body, texts.comment);
    const current = await (0,git_data/* branchHead */.P)(octokit, repo, options.defaultBranch);
    if (current !== null && current !== pull.mergeSha && (await (0,workspace_git/* hasCommit */.QE)((0,workspace_git/* hardenedGit */.YW)(options.repoDir), current))) {
        const files = await revertConflicts(options.repoDir, current, local.sha);
        if (files.length > 0) {
            const list = files.map((f) => `\`${(0,safe/* safeInline */.H1)(f).replace(/`/g, "'")}\``).join(', ');
            const said = `**No revert pull request was opened**: reverting #${pull.number} conflicts with what \`${options.defaultBranch}\` holds now (${list}). Revert it by hand if the failure is the change's.`;
            return { kind: 'conflicts', files, comment: await comment(`${said}\n\n${texts.comment}`) };
        }
    }
    const existing = await (0,git_data/* branchHead */.P)(octokit, repo, branch);
    let branchOutcome = 'reused';
    let head = existing;
    if (existing !== null && !(await sameRevert(octokit, repo, existing, local))) {
        const said = `**No revert pull request was written**: the branch \`${branch}\` exists and holds another commit (\`${existing.slice(0, 12)}\`), which ensemble leaves as it is. Delete the branch for ensemble to propose its revert again.`;
        return { kind: 'branch-taken', head: existing, comment: await comment(`${said}\n\n${texts.comment}`) };
    }
    const closed = await closedRevertPull(octokit, repo, branch);
    if (closed !== null) {
        const said = `The revert pull request #${closed.number} was closed; ensemble does not reopen it.`;
        return { kind: 'closed', pull: closed, comment: await comment(`${said}\n\n${texts.comment}`) };
    }
    if (existing === null) {
        const [pushed] = await (0,git_data/* pushCommits */.r9)(octokit, repo, options.repoDir, pull.mergeSha, [
            { sha: local.sha, tree: local.tree, parent: local.parent, message: local.message },
        ]);
        head = pushed.sha;
        await createBranch(octokit, repo, branch, head);
        branchOutcome = 'created';
    }
    const opened = await (0,pull_request/* upsertPullRequest */._b)(octokit, repo, {
        branch,
        base: options.defaultBranch,
        title: texts.title,
        body: texts.body,
        draft: true,
    });
    const link = `**A draft revert is open: #${opened.number}** (${opened.url}). ensemble never merges it.`;
    return {
        kind: 'opened',
        pull: { number: opened.number, url: opened.url },
        outcome: opened.outcome,
        branch: branchOutcome,
        commit: head,
        comment: await comment(`${link}\n\n${texts.comment}`),
    };
}
/** Whether the branch's head is this revert: parent C, the same tree and message. */
async function sameRevert(octokit, repo, head, local) {
    const { data } = await (0,github_errors/* githubCall */.Mc)({ action: `read commit ${head}`, permission: 'contents: read' }, () => octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: head }));
    // Another event on the same merge (another workflow, a re-run) makes the same revert with another
    // diagnosis and run in its message: the same tree on the same parent, with ensemble's subject and stage.
    const subject = (text) => text.split('\n')[0];
    return (data.tree.sha === local.tree &&
        data.parents.length === 1 &&
        data.parents[0]?.sha === local.parent &&
        subject(data.message) === subject(local.message) &&
        /\nEnsemble-Stage: monitor\s*$/.test(data.message));
}
/** A closed (not open) pull request from the branch, or null. */
async function closedRevertPull(octokit, repo, branch) {
    const { data } = await (0,github_errors/* githubCall */.Mc)({ action: `list the pull requests from ${branch}`, permission: 'pull-requests: read' }, () => octokit.rest.pulls.list({
        owner: repo.owner,
        repo: repo.repo,
        state: 'all',
        head: `${repo.owner}:${branch}`,
        per_page: 10,
    }));
    if (data.some((p) => p.state === 'open'))
        return null;
    const closed = data[0];
    return closed ? { number: closed.number, url: closed.html_url } : null;
}
/** Creates `refs/heads/<branch>` at `sha`; a creation whose answer was lost is found again. */
async function createBranch(octokit, repo, branch, sha) {
    try {
        await (0,write_once/* writeOnce */.F)(octokit, {
            operation: { action: `create branch ${branch}`, permission: 'contents: write' },
            create: async () => {
                await octokit.rest.git.createRef({ owner: repo.owner, repo: repo.repo, ref: `refs/heads/${branch}`, sha });
                return sha;
            },
            find: async () => ((await (0,git_data/* branchHead */.P)(octokit, repo, branch)) === sha ? sha : null),
        });
    }
    catch (error) {
        // Made meanwhile by another delivery of the same event, with the same commit: nothing to do.
        if ((0,github_errors/* statusOf */.c2)(error) === 422 && (await (0,git_data/* branchHead */.P)(octokit, repo, branch)) === sha)
            return;
        throw error;
    }
}
/** The safe-output policy for texts alone: no patch is checked here. */
function textPolicy(options) {
    return {
        protectedPaths: [],
        maxPatchBytes: 0,
        maxFiles: 0,
        secretValues: options.secretValues,
        allowedHost: new URL(options.serverUrl).host,
    };
}
/** The texts through the policy: with the excerpt, else without it, else the refusals. */
async function checkedTexts(options, commitMessage) {
    const policy = textPolicy(options);
    let refusals = [];
    for (const diagnosis of [options.texts.diagnosis, options.texts.diagnosisWithoutExcerpt]) {
        const composed = composeTexts(options, diagnosis);
        const checked = await (0,publish_policy/* checkSafeOutputs */.Qb)({
            patches: [],
            texts: {
                title: { label: 'revert title', text: composed.title, kind: 'title' },
                body: { label: 'revert pull request body', text: composed.body, kind: 'body' },
                comment: { label: 'monitor comment', text: composed.comment, kind: 'body' },
                message: { label: 'revert commit message', text: commitMessage, kind: 'body' },
            },
        }, policy);
        if (checked.ok) {
            return { title: checked.texts.title.text, body: checked.texts.body.text, comment: checked.texts.comment.text };
        }
        refusals = checked.refusals;
    }
    return { refusals };
}
function composeTexts(options, diagnosis) {
    const { pull } = options;
    const title = `Revert "${pull.title.replace(/\s+/g, ' ').trim()}"`;
    const body = [
        `This draft reverts #${pull.number} (merge commit \`${pull.mergeSha}\`), which ensemble opened and which was merged: ` +
            `after the merge, the default branch \`${options.defaultBranch}\` fails, and the failure is attributed to that change.`,
        '',
        diagnosis,
        '',
        "ensemble never merges this: review it, or close it if the failure is not the change's.",
        '',
        `Proposed by [this workflow run](${options.runUrl}).`,
    ].join('\n');
    const comment = [
        `### ensemble: #${pull.number} broke \`${options.defaultBranch}\` after it was merged`,
        '',
        diagnosis,
        '',
        `ensemble never reverts by itself. [Workflow run](${options.runUrl}).`,
    ].join('\n');
    return { title, body, comment };
}
/**
 * Upserts the monitor's comment about the pull request (its marker first); its URL. `body` is
 * checked again as a whole (what it says before the checked diagnosis names branches and files);
 * when refused, `fallback` (checked already) is posted.
 */
async function postComment(options, body, fallback) {
    const checked = await (0,publish_policy/* checkSafeOutputs */.Qb)({ patches: [], texts: { comment: { label: 'monitor comment', text: body, kind: 'body' } } }, textPolicy(options));
    const mark = monitorMarker(options.pull.number);
    const posted = await (0,issues/* upsertMarkedComment */.Zd)(options.octokit, {
        owner: options.repo.owner,
        repo: options.repo.repo,
        issue_number: options.commentOn,
        marker: mark,
        body: `${mark}\n${checked.ok ? checked.texts.comment.text : fallback}`,
    });
    return posted.url;
}

;// CONCATENATED MODULE: ./lib/runtime/actions/monitor.js
/**
 * ensemble after its pull request is merged: the respond job, on a `workflow_run` that completed
 * on the default branch or a `deployment_status`, judges the merge commit C.
 *
 * - Only C itself is judged, and only when an ensemble pull request was merged as C within
 *   `monitor.window-hours`: a later commit, a person's pull request, an old merge are not ensemble's
 *   to judge.
 * - A success is a row of the issue's tracking comment. A failure is attributed to the merged
 *   change only when it passed before the merge, fails after it, and touches what it changed
 *   (`ci/attribution.ts`), each with its evidence; then ensemble opens a draft revert pull request
 *   and comments on the issue (`publish/revert.ts`). It never merges, never pushes to the default
 *   branch, never reverts by itself. A failure it cannot attribute is a note, and nothing more.
 *
 * Logs are untrusted: they reach GitHub as a bounded, credential-masked excerpt inside a fence,
 * through the safe-output policy.
 */








const monitor_FAILED = new Set(['failure', 'timed_out', 'startup_failure']);
const monitor_LOG_BYTES = 2_000_000;
const monitor_EXCERPT_CHARS = 3_000;
/** Judges the merge commit of the event (module comment); why it did what it did. */
async function watchAfterMerge(ctx) {
    if (!ctx.config.monitor.enabled)
        return { why: 'monitor.enabled is off' };
    const event = readMergeEvent(ctx.eventName, ctx.payload, ctx.defaultBranch);
    if ('why' in event)
        return event;
    const found = await mergedEnsemblePull(ctx, event.sha);
    if ('why' in found)
        return found;
    const pull = found.pull;
    const issue = issueOf(pull.headRef);
    const outcome = event.kind === 'workflow' ? event.run.conclusion : event.deployment.state;
    const what = describeEvent(event);
    if (outcome === 'success') {
        await ctx.record(issue, {
            key: `monitor:${pull.number}`,
            kind: 'monitor',
            state: 'done',
            title: `Checks on ${ctx.defaultBranch} passed after #${pull.number} merged`,
            detail: `${what} of the merge commit \`${monitor_short(event.sha)}\` passed.`,
            link: event.kind === 'workflow' ? event.run.url : event.deployment.url,
            at: ctx.now().toISOString(),
            costUsd: null,
        });
        return { why: `${what} passed on the merge commit of #${pull.number}` };
    }
    const failed = event.kind === 'workflow' ? monitor_FAILED.has(outcome ?? '') : outcome === 'failure' || outcome === 'error';
    if (!failed)
        return { why: `${what} ended ${outcome ?? 'without a conclusion'}: neither a pass nor a failure` };
    const judged = event.kind === 'workflow' ? await judgeWorkflow(ctx, event, pull) : await judgeDeployment(ctx, event);
    if (!judged.attribution.attributable) {
        await ctx.record(issue, {
            key: `monitor:${pull.number}:${event.sha}`,
            kind: 'monitor',
            state: 'note',
            title: `${what} failed on ${ctx.defaultBranch} after #${pull.number} merged; not attributed to it`,
            detail: `No revert proposed: ${judged.attribution.reason}`,
            link: judged.link,
            at: ctx.now().toISOString(),
            costUsd: null,
        });
        return { why: `not attributed to #${pull.number}: ${judged.attribution.reason}` };
    }
    const partial = await notWholeChange(ctx.workspace, pull.mergeSha, judged.changedFiles);
    if (partial !== null) {
        await ctx.record(issue, {
            key: `monitor:${pull.number}:${event.sha}`,
            kind: 'monitor',
            state: 'note',
            title: `${what} failed on ${ctx.defaultBranch} after #${pull.number} merged; no revert proposed`,
            detail: partial,
            link: judged.link,
            at: ctx.now().toISOString(),
            costUsd: null,
        });
        return { why: partial };
    }
    const outcomeOfRevert = await proposeRevert({
        octokit: ctx.octokit,
        repo: ctx.repo,
        repoDir: ctx.workspace,
        defaultBranch: ctx.defaultBranch,
        pull: { number: pull.number, title: pull.title, url: pull.url, mergeSha: pull.mergeSha },
        commentOn: issue ?? pull.number,
        texts: diagnosisTexts(what, event.sha, judged),
        runId: runIdOf(ctx.runUrl),
        runUrl: ctx.runUrl,
        serverUrl: ctx.serverUrl,
        secretValues: ctx.secretValues ?? [],
    });
    const row = revertRow(ctx, pull, outcomeOfRevert);
    await ctx.record(issue, row);
    return { why: row.title };
}
// ---------------------------------------------------------------------------------------------
// the event
/** The merge commit and what the event says of it, or why the event is not one the monitor judges. */
function readMergeEvent(eventName, payload, defaultBranch) {
    const p = (payload ?? {});
    if (eventName === 'workflow_run') {
        const run = (p.workflow_run ?? {});
        if (p.action !== 'completed')
            return { why: `a workflow_run ${String(p.action)}: only a completed run is judged` };
        if (run.head_branch !== defaultBranch) {
            return { why: `the workflow run is on ${String(run.head_branch)}, not the default branch ${defaultBranch}` };
        }
        if (typeof run.head_sha !== 'string' || typeof run.id !== 'number' || typeof run.workflow_id !== 'number') {
            return { why: 'the workflow_run event has no run id, workflow id or head SHA' };
        }
        return {
            kind: 'workflow',
            sha: run.head_sha,
            run: {
                id: run.id,
                workflowId: run.workflow_id,
                name: typeof run.name === 'string' ? run.name : `workflow ${run.workflow_id}`,
                url: typeof run.html_url === 'string' ? run.html_url : '',
                conclusion: typeof run.conclusion === 'string' ? run.conclusion : null,
            },
        };
    }
    if (eventName === 'deployment_status') {
        const deployment = (p.deployment ?? {});
        const status = (p.deployment_status ?? {});
        const state = typeof status.state === 'string' ? status.state : null;
        if (state !== 'failure' && state !== 'error' && state !== 'success') {
            return { why: `a deployment status ${String(state)}: only success, failure and error are judged` };
        }
        if (typeof deployment.sha !== 'string' || typeof deployment.id !== 'number') {
            return { why: 'the deployment_status event has no deployment id or SHA' };
        }
        const url = [status.log_url, status.target_url].find((u) => typeof u === 'string' && u !== '');
        return {
            kind: 'deployment',
            sha: deployment.sha,
            deployment: {
                id: deployment.id,
                sha: deployment.sha,
                environment: String(deployment.environment ?? status.environment ?? ''),
                state,
                url: url ?? null,
            },
        };
    }
    return { why: `the monitor judges workflow_run and deployment_status events, not ${eventName}` };
}
function describeEvent(event) {
    return event.kind === 'workflow'
        ? `The workflow "${event.run.name}"`
        : `The deployment to ${event.deployment.environment}`;
}
// ---------------------------------------------------------------------------------------------
// the pull request merged as C
/** The ensemble pull request merged as `sha` within the window, or why there is none to judge. */
async function mergedEnsemblePull(ctx, sha) {
    const { owner, repo } = ctx.repo;
    const pulls = await (0,github_errors/* githubCall */.Mc)({ action: `list the pull requests of commit ${monitor_short(sha)}`, permission: 'pull-requests: read, contents: read' }, () => ctx.octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: sha, per_page: 100 }));
    const merged = pulls.data.find((p) => p.merged_at !== null && p.merge_commit_sha === sha);
    if (!merged)
        return { why: `no pull request was merged as ${monitor_short(sha)}: only a merge commit itself is judged` };
    const ours = merged.head.ref.startsWith('ensemble/') &&
        !merged.head.ref.startsWith('ensemble/revert-') &&
        merged.head.repo?.full_name === merged.base.repo.full_name &&
        merged.base.ref === ctx.defaultBranch &&
        // ensemble's marker in the description, as for every pull request it follows up on.
        Boolean((0,marker/* findMarker */.Ed)(merged.body ?? '', 'pr')?.fields['run']);
    if (!ours)
        return { why: `#${merged.number}, merged as ${monitor_short(sha)}, is not a pull request ensemble opened` };
    const mergedAt = merged.merged_at;
    const hours = ctx.config.monitor['window-hours'];
    const age = ctx.now().getTime() - new Date(mergedAt).getTime();
    if (age > hours * 3_600_000) {
        return { why: `#${merged.number} was merged at ${mergedAt}, more than monitor.window-hours (${hours}) ago` };
    }
    return {
        pull: {
            number: merged.number,
            title: merged.title,
            url: merged.html_url,
            headRef: merged.head.ref,
            headSha: merged.head.sha,
            mergeSha: sha,
            mergedAt,
        },
    };
}
async function judgeWorkflow(ctx, event, pull) {
    const { octokit, repo } = ctx;
    const firstParent = await firstParentOf(ctx.workspace, event.sha);
    const jobs = await (0,github_checks/* listRunJobsWithSteps */.xU)(octokit, repo, event.run.id);
    const failedJobs = jobs.filter((j) => j.conclusion !== null && monitor_FAILED.has(j.conclusion));
    const failures = [];
    for (const job of failedJobs) {
        const read = await (0,github_checks/* readJobLog */.gM)(octokit, repo, job.id, { maxBytes: monitor_LOG_BYTES });
        failures.push(describeFailure({
            check: job.name,
            workflow: event.run.name,
            workflowPath: null,
            url: job.url,
            failedSteps: job.steps.filter((s) => s.conclusion !== null && monitor_FAILED.has(s.conclusion)).map((s) => s.name),
            log: read?.text ?? null,
            logTruncated: read?.truncated ?? false,
        }, { maxChars: monitor_EXCERPT_CHARS, secrets: (ctx.secretValues ?? []).map(secretText) }));
    }
    const workflowId = event.run.workflowId;
    const onHead = await (0,github_checks/* latestCompletedRun */.K)(octokit, repo, {
        workflowId,
        branch: pull.headRef,
        keep: (run) => run.headSha === pull.headSha,
    });
    // The default branch's own runs (`push`): a fork's pull request from a branch of that name is none.
    const onBase = await (0,github_checks/* latestCompletedRun */.K)(octokit, repo, {
        workflowId,
        branch: ctx.defaultBranch,
        excludeRunId: event.run.id,
        event: 'push',
        keep: (run) => run.headSha !== event.sha,
    });
    const baseIsBeforeMerge = onBase !== null && firstParent !== null && (await isAncestor(ctx.workspace, onBase.headSha, firstParent));
    const changedFiles = await pullFiles(octokit, repo, pull.number);
    const fact = (run) => run === null ? null : { url: run.url, sha: run.headSha, conclusion: run.conclusion };
    const attribution = attributeWorkflowFailure({
        after: {
            url: event.run.url,
            sha: event.sha,
            conclusion: event.run.conclusion,
            failedJobs: failedJobs.map((j) => j.name),
        },
        onHead: fact(onHead),
        onBase: fact(onBase),
        baseIsBeforeMerge,
        firstParent: firstParent ?? '(unknown)',
        excerpts: failures.map((f) => f.excerpt),
        changedFiles,
    });
    return { attribution, link: event.run.url, failures, changedFiles };
}
/**
 * Why reverting the one commit C would not revert the pull request, or null: a commit with one
 * parent is a squash merge (the whole change) or the last commit of a rebase merge (only part of
 * it), told apart by whether it changes the pull request's files.
 */
async function notWholeChange(workspace, mergeSha, changedFiles) {
    if (changedFiles === null)
        return null;
    const git = (0,workspace_git/* hardenedGit */.YW)(workspace);
    const parents = (await git.text(['rev-list', '--parents', '-n', '1', mergeSha])).split(' ').slice(1);
    if (parents.length !== 1)
        return null;
    const touched = new Set((await git.text(['diff', '--name-only', '--no-renames', `${mergeSha}^`, mergeSha])).split('\n').filter(Boolean));
    const missing = changedFiles.filter((path) => !touched.has(path));
    if (missing.length === 0)
        return null;
    return (`the pull request was merged by rebase (${mergeSha.slice(0, 12)} does not change ${missing.slice(0, 5).join(', ')}), ` +
        'so reverting that one commit would keep most of the change: revert its commits by hand');
}
async function judgeDeployment(ctx, event) {
    const { octokit, repo } = ctx;
    const firstParent = await firstParentOf(ctx.workspace, event.sha);
    const previous = await previousDeployment(octokit, repo, event.deployment);
    const attribution = attributeDeploymentFailure({
        after: event.deployment,
        previous,
        firstParent: firstParent ?? '(unknown)',
    });
    return { attribution, link: event.deployment.url, failures: [], changedFiles: null };
}
/** The newest deployment to the same environment made before `after`, with its newest status. */
async function previousDeployment(octokit, repo, after) {
    const read = { action: `list the deployments to ${after.environment}`, permission: 'deployments: read' };
    const { data } = await (0,github_errors/* githubCall */.Mc)(read, () => octokit.rest.repos.listDeployments({ ...repo, environment: after.environment, per_page: 100 }));
    const previous = data.filter((d) => d.id < after.id).sort((a, b) => b.id - a.id)[0];
    if (!previous)
        return null;
    const statuses = await (0,github_errors/* githubCall */.Mc)(read, () => octokit.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: previous.id, per_page: 1 }));
    const status = statuses.data[0];
    return {
        id: previous.id,
        sha: previous.sha,
        environment: previous.environment,
        state: status?.state ?? null,
        url: status?.log_url || status?.target_url || null,
    };
}
async function pullFiles(octokit, repo, pull) {
    const files = await (0,github_errors/* githubCall */.Mc)({ action: `list the files of pull request #${pull}`, permission: 'pull-requests: read' }, () => octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: pull, per_page: 100 }));
    return files.flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename]));
}
async function firstParentOf(repoDir, sha) {
    const out = await (0,workspace_git/* hardenedGit */.YW)(repoDir).run(['rev-parse', '--verify', '--quiet', `${sha}^1^{commit}`], {
        okCodes: [0, 1, 128],
    });
    return out.code === 0 ? out.stdout.toString('utf8').trim() : null;
}
async function isAncestor(repoDir, ancestor, of) {
    const out = await (0,workspace_git/* hardenedGit */.YW)(repoDir).run(['merge-base', '--is-ancestor', ancestor, of], { okCodes: [0, 1, 128] });
    return out.code === 0;
}
function secretText(value) {
    return typeof value === 'string' ? value : value.value;
}
// ---------------------------------------------------------------------------------------------
// texts and rows
/** The diagnosis with its evidence, for the revert pull request and the issue comment. */
function diagnosisTexts(what, sha, judged) {
    const a = judged.attribution;
    const lines = [
        `**Diagnosis:** ${what} failed on the merge commit \`${sha}\`, and the failure is attributed to the merged change:`,
        '',
        `- **Passed before the merge:** ${a.passedBefore.evidence}.`,
        `- **Fails after it:** ${a.failsAfter.evidence}.`,
        `- **Touches what changed:** ${a.touchesChange.evidence}.`,
    ];
    const withoutExcerpt = lines.join('\n');
    const failure = judged.failures.find((f) => a.mentioned.some((path) => f.excerpt.includes(path))) ?? judged.failures[0];
    let diagnosis = withoutExcerpt;
    if (failure) {
        const longest = Math.max(2, ...[...failure.excerpt.matchAll(/`+/g)].map((m) => m[0].length));
        const fence = '`'.repeat(longest + 1);
        diagnosis = [
            withoutExcerpt,
            '',
            `The log of \`${failure.check.replace(/`/g, "'")}\` (an excerpt, credentials masked):`,
            '',
            `${fence}text`,
            failure.excerpt,
            fence,
        ].join('\n');
    }
    const reason = `${what} failed after the merge; it passed before, and its log names ${a.mentioned.length > 0 ? a.mentioned.join(', ') : 'the deployed change'}.`;
    return { diagnosis, diagnosisWithoutExcerpt: withoutExcerpt, reason };
}
function revertRow(ctx, pull, outcome) {
    const base = { key: `revert:${pull.number}`, kind: 'revert', at: ctx.now().toISOString(), costUsd: null };
    switch (outcome.kind) {
        case 'opened':
            return {
                ...base,
                state: 'done',
                title: `Draft revert #${outcome.pull.number} of #${pull.number}: it broke ${ctx.defaultBranch} after the merge`,
                detail: "ensemble never merges it: review it, or close it if the failure is not the change's.",
                link: outcome.pull.url,
            };
        case 'conflicts':
            return {
                ...base,
                state: 'skipped',
                title: `#${pull.number} broke ${ctx.defaultBranch}, but its revert conflicts with ${ctx.defaultBranch} now: no pull request`,
                detail: `Conflicts in ${outcome.files.join(', ')}; revert it by hand.`,
                link: outcome.comment,
            };
        case 'branch-taken':
            return {
                ...base,
                state: 'skipped',
                title: `#${pull.number} broke ${ctx.defaultBranch}; the branch of its revert holds another commit, left as it is`,
                detail: null,
                link: outcome.comment,
            };
        case 'closed':
            return {
                ...base,
                state: 'skipped',
                title: `#${pull.number} broke ${ctx.defaultBranch}; its revert #${outcome.pull.number} was closed and is not reopened`,
                detail: null,
                link: outcome.pull.url,
            };
        case 'refused':
            return {
                ...base,
                state: 'failed',
                title: `#${pull.number} broke ${ctx.defaultBranch}; the revert was not written: the safe-output policy refused it`,
                detail: outcome.refusals.map((r) => `${r.rule} (${r.where})`).join('; '),
                link: null,
            };
    }
}
/** The run id of `…/actions/runs/<id>`. */
function runIdOf(runUrl) {
    return /\/actions\/runs\/(\d+)/.exec(runUrl)?.[1] ?? 'unknown';
}
function monitor_short(sha) {
    return sha.slice(0, 12);
}

// EXTERNAL MODULE: ./lib/runtime/actions/publish.js + 8 modules
var publish = __webpack_require__(17522);
// EXTERNAL MODULE: ./lib/runtime/actions/reply.js
var reply = __webpack_require__(56988);
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
    const octokit = (0,github_octokit/* createOctokit */.Qi)({ token: settings.githubToken, baseUrl: job.apiUrl, log: (0,environment.actionsGitHubLog)(core) });
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
    await acknowledge(octokit, job.repository, followUp, (0,environment.runUrlOf)(job));
    core.setOutput('pull', String(followUp.pull.number));
    core.setOutput('base-sha', followUp.run.baseSha);
    // The default branch's commit whose configuration this job read: the fix job reads the same one.
    core.setOutput('config-sha', await (0,workspace_git/* hardenedGit */.YW)(job.workspace).text(['rev-parse', 'HEAD'], { what: 'read HEAD' }));
    core.setOutput('head-sha', followUp.pull.headSha);
    core.setOutput('timeouts', JSON.stringify((0,timeouts/* jobTimeouts */.u)(config.config)));
    const given = followUp.threads.length === 1 ? '1 open review thread' : `${followUp.threads.length} open review threads`;
    core.summary.addRaw(`## ensemble follow-up on #${followUp.pull.number}\n\n` +
        `A fix run (${(0,follow_up/* followUpAsked */.Tg)(followUp)}), on the head ` +
        `${followUp.pull.headSha.slice(0, 12)}, with ${given} and ${followUp.instructions ? '' : 'no '}instructions.\n`, true);
    await core.summary.write();
}
async function respond(octokit, loaded, deps) {
    const { config } = loaded;
    const { job } = deps;
    const repo = job.repository;
    if (afterMerge(job.eventName, job.eventPayload))
        return respondAfterMerge(octokit, config, deps);
    if (job.eventName === 'workflow_run' || job.eventName === 'check_suite')
        return respondToCi(octokit, loaded, deps);
    if (job.eventName === 'push')
        return respondToPush(octokit, loaded, deps);
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
    const notOurs = (0,follow_up_event/* notEnsemblesPull */.D5)((0,follow_up_event/* pullFactsOf */.Ss)(pull));
    // A "Request changes" review on someone else's pull request was not addressed to ensemble: no reply.
    if (notOurs !== null)
        return event.via === 'changes-requested' ? { mode: 'none', why: notOurs } : refuse(notOurs);
    const denied = await mayAsk();
    if (denied !== null)
        return refuse(denied);
    if (event.command.kind !== 'fix') {
        return controlRuns(octokit, repo, event, { issue: issueOf(pull.head.ref), pull: pull.number }, job.runId);
    }
    const answered = await answeredAlready(octokit, repo, event);
    // A re-run of this workflow run resumes an answer it had not finished; any other answer stands.
    if (answered !== null && (answered.run !== job.runId || answered.done)) {
        return { mode: 'none', why: `this request was answered already by workflow run ${answered.run} (${answered.url})` };
    }
    const asked = instructionsOf(event, job.eventPayload);
    const instructions = asked === null
        ? null
        : (0,util_text/* clipWithNote */.tX)(asked, MAX_INSTRUCTIONS, '\n[cut here: the rest was longer than ensemble reads]');
    const prepared = await prepareFix(octokit, loaded, deps, {
        pull,
        trigger: {
            event: event.event,
            author: event.author.login,
            via: event.via,
            source: { kind: event.source.kind, id: event.source.id },
        },
        instructions,
        ci: null,
    });
    return 'refused' in prepared ? refuse(prepared.refused) : { mode: 'fix', followUp: prepared.followUp };
}
/**
 * Prepares a fix run of `pull` in the run directory: the stored state of the run that made it, the
 * change from its base to its head, its open review threads, and what asked (a person, or CI with
 * its failed checks as findings). A reason to refuse when the pull request cannot be fixed from
 * what it holds; thrown when the checkout is not what the workflow gives.
 */
async function prepareFix(octokit, loaded, deps, request) {
    const { config } = loaded;
    const { job } = deps;
    const repo = job.repository;
    const { pull } = request;
    const branch = pull.head.ref;
    let stored;
    try {
        stored = await (0,run_state/* readRunState */.xz)(octokit, repo, branch);
    }
    catch (error) {
        if (error instanceof run_state/* RunStateError */.D4)
            return { refused: error.message };
        throw error;
    }
    if (stored === null) {
        return {
            refused: `the run that made this pull request left no stored state (refs/ensemble/state for ${branch}), so there ` +
                'is nothing a fix can start from. Label the issue again to start a new run',
        };
    }
    const git = (0,workspace_git/* hardenedGit */.YW)(job.workspace);
    const headSha = pull.head.sha;
    if (!(await (0,workspace_git/* hasCommit */.QE)(git, headSha))) {
        throw new errors/* UserError */.yo(`the pull request's head ${headSha} is not in the checkout: check it out with fetch-depth: 0 ` +
            '(the reusable workflow does), or the branch moved while this job started; re-run it');
    }
    const merge = request.merge ?? null;
    const baseSha = merge?.merge.baseSha ??
        (await git.text(['merge-base', 'HEAD', headSha], { what: 'find the base of the pull request' })).trim();
    const diff = await (0,patch/* diffTrees */.j_)(git, baseSha, merge?.tree ?? headSha);
    const change = diff.patch;
    const threads = await (0,github_threads/* listReviewThreads */.s0)(octokit, repo, pull.number);
    const writers = await writersAmong(octokit, repo, threads, config);
    try {
        const followUp = prepareFollowUpRun(deps.runDir, {
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
            trigger: request.trigger,
            instructions: request.instructions,
            threads: threads.map(threadOnPull),
            canWrite: (login) => writers.has(login),
            blockOn: config.review['block-on'],
            ci: request.ci?.(diff.changes.map((c) => c.path)) ?? null,
            merge: merge === null ? null : { merge: merge.merge, findings: merge.findings },
        });
        return { followUp };
    }
    catch (error) {
        if (error instanceof FollowUpError)
            return { refused: error.message };
        throw error;
    }
}
/**
 * A CI event on one of ensemble's pull requests (`ci-watch.ts`): a repair prepared as a fix run,
 * or nothing (a re-run, a failure that is the base's, a green head marked ready, …).
 */
async function respondToCi(octokit, loaded, deps) {
    const { job } = deps;
    const decision = decideCiEvent(job.eventName, job.eventPayload);
    if (!decision.act)
        return { mode: 'none', why: decision.reason };
    const { event } = decision;
    const record = activityRecorder(octokit, deps);
    const answer = await watchCi({
        octokit,
        config: loaded.config,
        deps,
        event,
        record,
        now: () => new Date(),
        rows: async (issue) => (issue === null ? [] : (0,activity/* readActivity */.EX)(octokit, job.repository, issue)),
        openBlockingFindings: (pull) => openBlockingOn(octokit, loaded.config, deps, pull),
    });
    if (answer.mode === 'none')
        return answer;
    const source = { kind: event.source === 'workflow_run' ? 'workflow-run' : 'check-suite', id: event.id };
    const answered = (await followUpComments(octokit, job.repository, answer.pull.number)).find((c) => c.source === `${source.kind}-${source.id}`);
    if (answered !== undefined && (answered.run !== job.runId || answered.done)) {
        return { mode: 'none', why: `this failure was taken up already by workflow run ${answered.run} (${answered.url})` };
    }
    const { repair } = answer;
    const prepared = await prepareFix(octokit, loaded, deps, {
        pull: answer.pull,
        trigger: { event: event.source, author: event.name.slice(0, 100), via: 'ci', source },
        instructions: null,
        ci: (changedPaths) => ({ repair: repair.repair, findings: repairFindings(repair, changedPaths, loaded.config) }),
    });
    if ('refused' in prepared) {
        await record(repair.issue, { ...repair.row, state: 'failed', detail: prepared.refused });
        return { mode: 'none', why: prepared.refused };
    }
    await record(repair.issue, repair.row);
    return { mode: 'fix', followUp: prepared.followUp };
}
/** Whether an event is about the default branch after a merge: a deployment, or CI on the default branch. */
function afterMerge(eventName, payload) {
    if (eventName === 'deployment_status')
        return true;
    if (eventName !== 'workflow_run')
        return false;
    const run = payload['workflow_run'];
    const repository = payload['repository'];
    // A fork's run on a branch it named `main` is no run of the default branch.
    return (typeof run?.head_branch === 'string' &&
        run.head_branch === repository?.default_branch &&
        run.event === 'push' &&
        run.head_repository?.full_name === repository?.full_name);
}
/** CI or a deployment on the default branch (`monitor.ts`): a merged pull request of ensemble's watched. */
async function respondAfterMerge(octokit, config, deps) {
    const { job } = deps;
    const repository = job.eventPayload['repository'];
    const { why } = await watchAfterMerge({
        octokit,
        config,
        repo: job.repository,
        eventName: job.eventName,
        payload: job.eventPayload,
        defaultBranch: repository?.default_branch ?? 'main',
        workspace: job.workspace,
        runUrl: (0,environment.runUrlOf)(job),
        serverUrl: job.serverUrl,
        now: () => new Date(),
        record: activityRecorder(octokit, deps),
    });
    return { mode: 'none', why };
}
/**
 * A push to a base branch (`base-watch.ts`): the merge of the base into the first of ensemble's pull
 * requests that no longer merges cleanly, prepared as a fix run; or nothing, and why.
 */
async function respondToPush(octokit, loaded, deps) {
    const record = activityRecorder(octokit, deps);
    const answer = await watchBase({
        octokit,
        config: loaded.config,
        deps,
        record,
        now: () => new Date(),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
    if (answer.mode === 'none')
        return answer;
    const { merge, tree } = answer;
    const git = (0,workspace_git/* hardenedGit */.YW)(deps.job.workspace);
    const findings = await conflictFindings(git, tree, merge, loaded.config.review['block-on']);
    const prepared = await prepareFix(octokit, loaded, deps, {
        pull: answer.pull,
        trigger: {
            event: 'push',
            author: pusherOf(deps.job.eventPayload),
            via: 'conflict',
            source: { kind: 'base-push', id: Number(deps.job.runId.split('-')[0]) || 0 },
        },
        instructions: null,
        ci: null,
        merge: { merge, tree, findings },
    });
    if ('refused' in prepared) {
        await record(answer.issue, { ...answer.row, state: 'failed', detail: prepared.refused });
        return { mode: 'none', why: prepared.refused };
    }
    await record(answer.issue, answer.row);
    return { mode: 'fix', followUp: prepared.followUp };
}
/** Who pushed to the base, as the push event names them. */
function pusherOf(payload) {
    const pusher = payload['pusher'];
    return typeof pusher?.name === 'string' && pusher.name !== '' ? pusher.name.slice(0, 100) : 'a push';
}
/** The blocking findings open on the pull request: of its stored reviews, those whose thread is open, and people's. */
async function openBlockingOn(octokit, config, deps, pull) {
    const repo = deps.job.repository;
    const stored = await (0,run_state/* readRunState */.xz)(octokit, repo, pull.head.ref);
    const threads = await (0,github_threads/* listReviewThreads */.s0)(octokit, repo, pull.number);
    const writers = await writersAmong(octokit, repo, threads, config);
    return openBlockingCount(stored?.state.reviews ?? [], threads.map(threadOnPull), (login) => writers.has(login), config.review['block-on']);
}
/**
 * The follow-up comment, first saying that the fix is under way and where; the publish job
 * replaces it with what came of it. `/ensemble stop` finds the run by it.
 */
async function acknowledge(octokit, repo, followUp, runUrl) {
    const mark = (0,follow_up/* followUpMarker */.xH)(followUp);
    const threads = followUp.threads.length === 1 ? '1 open review thread' : `${followUp.threads.length} open review threads`;
    const body = (0,follow_up/* followUpCommentBody */.Ui)(mark, 'working', (0,follow_up/* followUpAsked */.Tg)(followUp), [
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
    // A stop on a pull request also stops CI repairs there, until someone asks for a fix again.
    const stopsRepairs = event.command.kind === 'stop' && target.pull !== null;
    const text = stopsRepairs ? `${said}. CI repairs on this pull request stay stopped until \`/ensemble fix\`` : said;
    await (0,reply/* replyTo */.u7)(octokit, repo, event.pull, event.source, text, 'acted', stopsRepairs ? [REPAIRS_STOPPED] : []);
    return { mode: 'none', why: said };
}
/** A review thread as the follow-up reads it: ensemble's finding id from its root comment's marker. */
function threadOnPull(t) {
    return {
        id: t.id,
        findingId: (0,marker/* findMarker */.Ed)(t.comments[0]?.body ?? '', 'finding')?.fields['id'] ?? null,
        isResolved: t.isResolved,
        path: t.path,
        line: t.line,
        comments: t.comments,
    };
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
