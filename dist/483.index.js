export const id = 483;
export const ids = [483];
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


/***/ })

};
