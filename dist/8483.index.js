export const id = 8483;
export const ids = [8483];
export const modules = {

/***/ 7536:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qd: () => (/* binding */ verifyPlanApproval),
/* harmony export */   al: () => (/* binding */ PlanNotApprovedError),
/* harmony export */   e4: () => (/* binding */ APPROVAL_PERMISSION)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9452);
/**
 * The plan-approval gate, checked through the API instead of trusted. A job bound to an
 * environment waits for that environment's required reviewers, but GitHub lets it through at once
 * when there is nobody to wait for: an environment the repository does not have (a misspelt name)
 * is created on the spot without any protection rule, and a private repository on the Free, Pro
 * or Team plan cannot have required reviewers at all. The approve job therefore runs this after
 * GitHub's gate: the environment must exist with required reviewers, and one of them must have
 * approved this very run; anything else stops the run before a coding agent starts.
 */


/** The plan was not approved, or ensemble could not find out: the message says what to configure. */
class PlanNotApprovedError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'PlanNotApprovedError';
}
/** The permission both requests need on a private repository (fine-grained and GitHub App tokens). */
const APPROVAL_PERMISSION = 'actions: read';
/** How to get a real gate, or none on purpose: every refusal of a missing gate ends with it. */
const GATE_CHOICES = 'make the repository public, upgrade the plan, or leave the approval-environment input empty ' +
    'to run without an approval gate, knowingly.';
const NO_REVIEWERS_ADVICE = `Private repositories on the GitHub Free, Pro and Team plans cannot have required reviewers: ${GATE_CHOICES}`;
function configureAdvice(environment) {
    return (`Add required reviewers under Settings → Environments → ${environment} → Required reviewers ` +
        `(or correct the approval-environment input if the name is misspelt). ${NO_REVIEWERS_ADVICE}`);
}
/** The reviewers of the environment's `required_reviewers` rule; an empty list when it has none. */
function requiredReviewers(rules) {
    const names = [];
    for (const rule of rules) {
        if (rule.type !== 'required_reviewers')
            continue;
        for (const entry of rule.reviewers ?? []) {
            const reviewer = entry.reviewer;
            if (!reviewer)
                continue;
            if (entry.type === 'Team' || reviewer.login === undefined) {
                if (reviewer.slug)
                    names.push(`team:${reviewer.slug}`);
            }
            else {
                names.push(reviewer.login);
            }
        }
    }
    return names;
}
/**
 * Checks that `environment` has required reviewers and that one of them approved run `runId` for
 * it; throws `PlanNotApprovedError` (or a `GitHubApiError` naming the permission) otherwise.
 */
async function verifyPlanApproval(octokit, params) {
    const { owner, repo, runId } = params;
    const where = `${owner}/${repo}`;
    const asked = params.environment;
    let environment;
    try {
        environment = (await octokit.rest.repos.getEnvironment({ owner, repo, environment_name: asked })).data;
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c2)(error) === 404) {
            throw new PlanNotApprovedError(`the approval environment "${asked}" does not exist in ${where}, or the token cannot see it ` +
                '(GitHub answered 404), so nobody approved the plan: GitHub runs a job bound to an environment ' +
                'that is missing, or has no required reviewers, at once. ' +
                `${configureAdvice(asked)}`, { cause: error });
        }
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .explainGitHubError */ .Pm)(error, {
            action: `read the approval environment "${asked}" of ${where}`,
            permission: APPROVAL_PERMISSION,
        });
    }
    const name = environment.name;
    const rules = (environment.protection_rules ?? []);
    const reviewers = requiredReviewers(rules);
    if (reviewers.length === 0) {
        const others = rules.map((rule) => rule.type).filter((type) => type !== 'required_reviewers');
        const has = others.length > 0 ? `only the protection rules ${others.join(', ')}` : 'no protection rule';
        throw new PlanNotApprovedError(`the approval environment "${name}" of ${where} has no required reviewers (${has}), so nobody ` +
            'approved the plan: GitHub runs a job bound to it at once, and creates an environment that a ' +
            'workflow names but the repository lacks (a misspelt name) without any rule. ' +
            `${configureAdvice(name)}`);
    }
    let reviews;
    try {
        reviews = (await octokit.rest.actions.getReviewsForRun({ owner, repo, run_id: runId })).data;
    }
    catch (error) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .explainGitHubError */ .Pm)(error, {
            action: `read the approvals of run ${runId} in ${where}`,
            permission: APPROVAL_PERMISSION,
        });
    }
    const forThis = reviews.filter((review) => review.environments.some((env) => env.id === environment.id || env.name?.toLowerCase() === name.toLowerCase()));
    const rejectedBy = forThis.filter((review) => review.state === 'rejected').map((review) => review.user.login);
    if (rejectedBy.length > 0) {
        throw new PlanNotApprovedError(`the plan was rejected: ${rejectedBy.join(', ')} rejected run ${runId} for the approval environment ` +
            `"${name}". Start a new run to ask the reviewers again.`);
    }
    const approvedBy = forThis.filter((review) => review.state === 'approved').map((review) => review.user.login);
    if (approvedBy.length === 0) {
        throw new PlanNotApprovedError(`nobody approved the plan: run ${runId} has no approval for the environment "${name}", although it ` +
            `lists required reviewers (${reviewers.join(', ')}). GitHub let the job through without asking them: ` +
            'it does not enforce required reviewers on a private repository on the Free, Pro or Team plan ' +
            `(or an administrator bypassed the protection rules). If that is this repository: ${GATE_CHOICES}`);
    }
    return { environment: name, reviewers, approvedBy: [...new Set(approvedBy)] };
}


/***/ }),

/***/ 48483:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   APPROVAL_PERMISSION: () => (/* reexport safe */ _approval_js__WEBPACK_IMPORTED_MODULE_1__.e4),
/* harmony export */   AppTokenError: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.PD),
/* harmony export */   EnsembleOctokit: () => (/* reexport safe */ _octokit_js__WEBPACK_IMPORTED_MODULE_5__.zE),
/* harmony export */   GitHubApiError: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_3__.OS),
/* harmony export */   PUBLISH_APP_PERMISSIONS: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.zw),
/* harmony export */   PUBLISH_APP_PERMISSIONS_TEXT: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.xv),
/* harmony export */   PlanNotApprovedError: () => (/* reexport safe */ _approval_js__WEBPACK_IMPORTED_MODULE_1__.al),
/* harmony export */   TRIGGER_ROLES: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_6__.Tp),
/* harmony export */   appJwt: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.xk),
/* harmony export */   cancelWorkflowRun: () => (/* reexport safe */ _runs_js__WEBPACK_IMPORTED_MODULE_7__.j),
/* harmony export */   checkTriggerPermission: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_6__.qB),
/* harmony export */   clientSettings: () => (/* reexport safe */ _octokit_js__WEBPACK_IMPORTED_MODULE_5__.ry),
/* harmony export */   createOctokit: () => (/* reexport safe */ _octokit_js__WEBPACK_IMPORTED_MODULE_5__.Qi),
/* harmony export */   enableAutoMerge: () => (/* reexport safe */ _checks_js__WEBPACK_IMPORTED_MODULE_2__.D2),
/* harmony export */   explainGitHubError: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_3__.Pm),
/* harmony export */   findMarkedComment: () => (/* reexport safe */ _issues_js__WEBPACK_IMPORTED_MODULE_4__.Jp),
/* harmony export */   getRepositoryRole: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_6__.Bd),
/* harmony export */   getWorkflowRun: () => (/* reexport safe */ _runs_js__WEBPACK_IMPORTED_MODULE_7__.pH),
/* harmony export */   githubCall: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_3__.Mc),
/* harmony export */   isAmbiguousFailure: () => (/* reexport safe */ _write_once_js__WEBPACK_IMPORTED_MODULE_9__.J),
/* harmony export */   isBot: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_6__.w2),
/* harmony export */   isListedBot: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_6__.Jk),
/* harmony export */   isRunActive: () => (/* reexport safe */ _runs_js__WEBPACK_IMPORTED_MODULE_7__.yQ),
/* harmony export */   latestCompletedRun: () => (/* reexport safe */ _checks_js__WEBPACK_IMPORTED_MODULE_2__.K),
/* harmony export */   listReviewThreads: () => (/* reexport safe */ _threads_js__WEBPACK_IMPORTED_MODULE_8__.s0),
/* harmony export */   listRunJobs: () => (/* reexport safe */ _runs_js__WEBPACK_IMPORTED_MODULE_7__.c4),
/* harmony export */   listRunJobsWithSteps: () => (/* reexport safe */ _checks_js__WEBPACK_IMPORTED_MODULE_2__.xU),
/* harmony export */   markReadyForReview: () => (/* reexport safe */ _checks_js__WEBPACK_IMPORTED_MODULE_2__.aT),
/* harmony export */   mintInstallationToken: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.iZ),
/* harmony export */   parseAppPrivateKey: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.fT),
/* harmony export */   readCheckRunOutput: () => (/* reexport safe */ _checks_js__WEBPACK_IMPORTED_MODULE_2__.to),
/* harmony export */   readCiRun: () => (/* reexport safe */ _checks_js__WEBPACK_IMPORTED_MODULE_2__.Cn),
/* harmony export */   readCommitActivity: () => (/* reexport safe */ _checks_js__WEBPACK_IMPORTED_MODULE_2__.Fg),
/* harmony export */   readIssueState: () => (/* reexport safe */ _issues_js__WEBPACK_IMPORTED_MODULE_4__.Fq),
/* harmony export */   readJobLog: () => (/* reexport safe */ _checks_js__WEBPACK_IMPORTED_MODULE_2__.gM),
/* harmony export */   readPullChecks: () => (/* reexport safe */ _checks_js__WEBPACK_IMPORTED_MODULE_2__.Vj),
/* harmony export */   replyToReviewComment: () => (/* reexport safe */ _threads_js__WEBPACK_IMPORTED_MODULE_8__.nK),
/* harmony export */   requestReviewers: () => (/* reexport safe */ _checks_js__WEBPACK_IMPORTED_MODULE_2__.i5),
/* harmony export */   rerunFailedJobs: () => (/* reexport safe */ _runs_js__WEBPACK_IMPORTED_MODULE_7__.K4),
/* harmony export */   rerunJob: () => (/* reexport safe */ _runs_js__WEBPACK_IMPORTED_MODULE_7__.sB),
/* harmony export */   resolveReviewThread: () => (/* reexport safe */ _threads_js__WEBPACK_IMPORTED_MODULE_8__.zq),
/* harmony export */   roleCanWrite: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_6__.qO),
/* harmony export */   snapshotIssue: () => (/* reexport safe */ _issues_js__WEBPACK_IMPORTED_MODULE_4__.eg),
/* harmony export */   statusOf: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_3__.c2),
/* harmony export */   upsertMarkedComment: () => (/* reexport safe */ _issues_js__WEBPACK_IMPORTED_MODULE_4__.Zd),
/* harmony export */   verifyPlanApproval: () => (/* reexport safe */ _approval_js__WEBPACK_IMPORTED_MODULE_1__.Qd),
/* harmony export */   writeOnce: () => (/* reexport safe */ _write_once_js__WEBPACK_IMPORTED_MODULE_9__.F)
/* harmony export */ });
/* harmony import */ var _app_token_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91956);
/* harmony import */ var _approval_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7536);
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(55554);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9452);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(375);
/* harmony import */ var _octokit_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(15687);
/* harmony import */ var _permissions_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(48859);
/* harmony import */ var _runs_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(12325);
/* harmony import */ var _threads_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(11090);
/* harmony import */ var _write_once_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(32192);












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


/***/ })

};
