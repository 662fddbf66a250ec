export const id = 483;
export const ids = [483];
export const modules = {

/***/ 48483:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   APPROVAL_PERMISSION: () => (/* reexport safe */ _approval_js__WEBPACK_IMPORTED_MODULE_1__.e4),
/* harmony export */   AppTokenError: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.PD),
/* harmony export */   EnsembleOctokit: () => (/* reexport safe */ _octokit_js__WEBPACK_IMPORTED_MODULE_4__.zE),
/* harmony export */   GitHubApiError: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_2__.OS),
/* harmony export */   PUBLISH_APP_PERMISSIONS: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.zw),
/* harmony export */   PUBLISH_APP_PERMISSIONS_TEXT: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.xv),
/* harmony export */   PlanNotApprovedError: () => (/* reexport safe */ _approval_js__WEBPACK_IMPORTED_MODULE_1__.al),
/* harmony export */   TRIGGER_ROLES: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_5__.Tp),
/* harmony export */   appJwt: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.xk),
/* harmony export */   cancelWorkflowRun: () => (/* reexport safe */ _runs_js__WEBPACK_IMPORTED_MODULE_6__.j),
/* harmony export */   checkTriggerPermission: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_5__.qB),
/* harmony export */   clientSettings: () => (/* reexport safe */ _octokit_js__WEBPACK_IMPORTED_MODULE_4__.ry),
/* harmony export */   createOctokit: () => (/* reexport safe */ _octokit_js__WEBPACK_IMPORTED_MODULE_4__.Qi),
/* harmony export */   explainGitHubError: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_2__.Pm),
/* harmony export */   findMarkedComment: () => (/* reexport safe */ _issues_js__WEBPACK_IMPORTED_MODULE_3__.Jp),
/* harmony export */   getRepositoryRole: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_5__.Bd),
/* harmony export */   getWorkflowRun: () => (/* reexport safe */ _runs_js__WEBPACK_IMPORTED_MODULE_6__.pH),
/* harmony export */   githubCall: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_2__.Mc),
/* harmony export */   isAmbiguousFailure: () => (/* reexport safe */ _write_once_js__WEBPACK_IMPORTED_MODULE_8__.J),
/* harmony export */   isBot: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_5__.w2),
/* harmony export */   isListedBot: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_5__.Jk),
/* harmony export */   isRunActive: () => (/* reexport safe */ _runs_js__WEBPACK_IMPORTED_MODULE_6__.yQ),
/* harmony export */   listReviewThreads: () => (/* reexport safe */ _threads_js__WEBPACK_IMPORTED_MODULE_7__.s0),
/* harmony export */   listRunJobs: () => (/* reexport safe */ _runs_js__WEBPACK_IMPORTED_MODULE_6__.c4),
/* harmony export */   mintInstallationToken: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.iZ),
/* harmony export */   parseAppPrivateKey: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.fT),
/* harmony export */   replyToReviewComment: () => (/* reexport safe */ _threads_js__WEBPACK_IMPORTED_MODULE_7__.nK),
/* harmony export */   rerunFailedJobs: () => (/* reexport safe */ _runs_js__WEBPACK_IMPORTED_MODULE_6__.K4),
/* harmony export */   rerunJob: () => (/* reexport safe */ _runs_js__WEBPACK_IMPORTED_MODULE_6__.sB),
/* harmony export */   resolveReviewThread: () => (/* reexport safe */ _threads_js__WEBPACK_IMPORTED_MODULE_7__.zq),
/* harmony export */   roleCanWrite: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_5__.qO),
/* harmony export */   snapshotIssue: () => (/* reexport safe */ _issues_js__WEBPACK_IMPORTED_MODULE_3__.eg),
/* harmony export */   statusOf: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_2__.c2),
/* harmony export */   upsertMarkedComment: () => (/* reexport safe */ _issues_js__WEBPACK_IMPORTED_MODULE_3__.Zd),
/* harmony export */   verifyPlanApproval: () => (/* reexport safe */ _approval_js__WEBPACK_IMPORTED_MODULE_1__.Qd),
/* harmony export */   writeOnce: () => (/* reexport safe */ _write_once_js__WEBPACK_IMPORTED_MODULE_8__.F)
/* harmony export */ });
/* harmony import */ var _app_token_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91956);
/* harmony import */ var _approval_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7536);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9452);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(375);
/* harmony import */ var _octokit_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(15687);
/* harmony import */ var _permissions_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(48859);
/* harmony import */ var _runs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(12325);
/* harmony import */ var _threads_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(11090);
/* harmony import */ var _write_once_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(32192);











/***/ }),

/***/ 375:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fq: () => (/* binding */ readIssueState),
/* harmony export */   Jp: () => (/* binding */ findMarkedComment),
/* harmony export */   Zd: () => (/* binding */ upsertMarkedComment),
/* harmony export */   eg: () => (/* binding */ snapshotIssue)
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
    const body = params.body.includes(marker) ? params.body : `${marker}\n${params.body}`;
    const where = `issue #${issue_number} of ${owner}/${repo}`;
    const write = { permission: 'issues: write' };
    const update = async (existing) => {
        if (existing.body === body)
            return { id: existing.id, url: existing.url, outcome: 'unchanged' };
        const { data } = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `update the ensemble comment on ${where}`, ...write }, () => octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body }));
        return { id: data.id, url: data.html_url, outcome: 'updated' };
    };
    const existing = await findMarkedComment(octokit, params);
    if (existing)
        return update(existing);
    const { value, recovered } = await (0,_write_once_js__WEBPACK_IMPORTED_MODULE_2__/* .writeOnce */ .F)(octokit, {
        operation: { action: `comment on ${where}`, ...write },
        create: async () => {
            const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number, body });
            return { id: data.id, url: data.html_url, body: data.body ?? body };
        },
        find: () => findMarkedComment(octokit, params),
    });
    if (recovered) {
        const again = await update(value);
        return { ...again, outcome: 'created' };
    }
    return { id: value.id, url: value.url, outcome: 'created' };
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

/***/ 11090:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nK: () => (/* binding */ replyToReviewComment),
/* harmony export */   s0: () => (/* binding */ listReviewThreads),
/* harmony export */   zq: () => (/* binding */ resolveReviewThread)
/* harmony export */ });
/** The GraphQL documents ensemble sends; the GitHub fake answers exactly these (its own copy), so change both. */
const REVIEW_THREADS_QUERY = `query ReviewThreads($owner: String!, $repo: String!, $pull: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $pull) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id
          isResolved
          isOutdated
          path
          line
          comments(first: 100) {
            nodes { databaseId author { __typename login } body createdAt }
          }
        }
      }
    }
  }
}`;
const RESOLVE_REVIEW_THREAD_MUTATION = `mutation ResolveReviewThread($threadId: ID!) {
  resolveReviewThread(input: { threadId: $threadId }) {
    thread { id isResolved }
  }
}`;
/** Every review thread of the pull request (GraphQL `reviewThreads`, paginated 100 at a time; first 100 comments each). */
async function listReviewThreads(octokit, repo, pull) {
    const threads = [];
    let cursor = null;
    for (;;) {
        const page = await octokit.graphql(REVIEW_THREADS_QUERY, {
            owner: repo.owner,
            repo: repo.repo,
            pull,
            cursor,
        });
        // GitHub answers a missing repository or pull request with an error, which octokit throws;
        // a null here is an answer without one (a token that cannot see it), said as plainly.
        const connection = page.repository?.pullRequest?.reviewThreads;
        if (!connection)
            throw new Error(`GitHub returned no pull request #${pull} in ${repo.owner}/${repo.repo}`);
        for (const node of connection.nodes) {
            threads.push({
                id: node.id,
                isResolved: node.isResolved,
                isOutdated: node.isOutdated,
                path: node.path,
                line: node.isOutdated ? null : (node.line ?? null),
                comments: node.comments.nodes.map((comment) => ({
                    id: comment.databaseId ?? 0,
                    author: comment.author?.login ?? '',
                    authorType: comment.author?.__typename ?? '',
                    body: comment.body,
                    createdAt: comment.createdAt,
                })),
            });
        }
        if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor)
            return threads;
        cursor = connection.pageInfo.endCursor;
    }
}
/**
 * Replies in the thread of review comment `commentId` (REST
 * `POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies`). `commentId`
 * is the thread's root comment: GitHub does not take replies to replies.
 */
async function replyToReviewComment(octokit, repo, pull, commentId, body) {
    const { data } = await octokit.rest.pulls.createReplyForReviewComment({
        owner: repo.owner,
        repo: repo.repo,
        pull_number: pull,
        comment_id: commentId,
        body,
    });
    return { id: data.id, url: data.html_url };
}
/** Resolves a thread (GraphQL mutation `resolveReviewThread`); resolving a resolved thread is not an error. */
async function resolveReviewThread(octokit, threadId) {
    // Resolving twice does no harm, so a lost answer (a 5xx after the write landed) is retried like a
    // GET (the client's REPEATABLE_POSTS).
    await octokit.graphql(RESOLVE_REVIEW_THREAD_MUTATION, { threadId });
}


/***/ }),

/***/ 32192:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ writeOnce),
/* harmony export */   J: () => (/* binding */ isAmbiguousFailure)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9452);
/* harmony import */ var _octokit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15687);


/** A failure after which the write may or may not have landed: a 5xx, or no answer at all. */
function isAmbiguousFailure(error) {
    const status = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error);
    return status === null || status >= 500;
}
/**
 * A non-idempotent write that is never duplicated: when an attempt fails without a clear answer
 * (502, timeout, dropped connection) the write may have landed, so `find` looks for it before
 * the next attempt. A clear refusal (4xx) is not retried.
 */
async function writeOnce(octokit, options) {
    const { secondMs, retries, log } = (0,_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .clientSettings */ .ry)(octokit);
    const attempts = Math.max(1, options.attempts ?? retries + 1);
    for (let attempt = 1;; attempt++) {
        try {
            return { value: await options.create(), recovered: false };
        }
        catch (error) {
            if (!isAmbiguousFailure(error) || attempt >= attempts)
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainGitHubError */ .Pm)(error, options.operation);
            log.warn(`could not ${options.operation.action} (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) ?? 'no answer'}); ` +
                'checking whether it landed before retrying');
            await new Promise((resolve) => setTimeout(resolve, attempt * attempt * secondMs));
            let found;
            try {
                found = await options.find();
            }
            catch (lookup) {
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainGitHubError */ .Pm)(lookup, {
                    ...options.operation,
                    action: `check whether the attempt to ${options.operation.action} landed`,
                });
            }
            if (found !== null)
                return { value: found, recovered: true };
        }
    }
}


/***/ })

};
