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
/* harmony export */   EnsembleOctokit: () => (/* reexport safe */ _octokit_js__WEBPACK_IMPORTED_MODULE_4__.zE),
/* harmony export */   GitHubApiError: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_2__.OS),
/* harmony export */   PUBLISH_APP_PERMISSIONS: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.zw),
/* harmony export */   PUBLISH_APP_PERMISSIONS_TEXT: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.xv),
/* harmony export */   PlanNotApprovedError: () => (/* reexport safe */ _approval_js__WEBPACK_IMPORTED_MODULE_1__.al),
/* harmony export */   TRIGGER_ROLES: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_5__.Tp),
/* harmony export */   appJwt: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.xk),
/* harmony export */   checkTriggerPermission: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_5__.qB),
/* harmony export */   clientSettings: () => (/* reexport safe */ _octokit_js__WEBPACK_IMPORTED_MODULE_4__.ry),
/* harmony export */   createOctokit: () => (/* reexport safe */ _octokit_js__WEBPACK_IMPORTED_MODULE_4__.Qi),
/* harmony export */   explainGitHubError: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_2__.Pm),
/* harmony export */   findMarkedComment: () => (/* reexport safe */ _issues_js__WEBPACK_IMPORTED_MODULE_3__.Jp),
/* harmony export */   getRepositoryRole: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_5__.Bd),
/* harmony export */   githubCall: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_2__.Mc),
/* harmony export */   isAmbiguousFailure: () => (/* reexport safe */ _write_once_js__WEBPACK_IMPORTED_MODULE_6__.J),
/* harmony export */   isBot: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_5__.w2),
/* harmony export */   isListedBot: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_5__.Jk),
/* harmony export */   mintInstallationToken: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.iZ),
/* harmony export */   parseAppPrivateKey: () => (/* reexport safe */ _app_token_js__WEBPACK_IMPORTED_MODULE_0__.fT),
/* harmony export */   roleCanWrite: () => (/* reexport safe */ _permissions_js__WEBPACK_IMPORTED_MODULE_5__.qO),
/* harmony export */   snapshotIssue: () => (/* reexport safe */ _issues_js__WEBPACK_IMPORTED_MODULE_3__.eg),
/* harmony export */   statusOf: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_2__.c2),
/* harmony export */   upsertMarkedComment: () => (/* reexport safe */ _issues_js__WEBPACK_IMPORTED_MODULE_3__.Zd),
/* harmony export */   verifyPlanApproval: () => (/* reexport safe */ _approval_js__WEBPACK_IMPORTED_MODULE_1__.Qd),
/* harmony export */   writeOnce: () => (/* reexport safe */ _write_once_js__WEBPACK_IMPORTED_MODULE_6__.F)
/* harmony export */ });
/* harmony import */ var _app_token_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91956);
/* harmony import */ var _approval_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7536);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9452);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(375);
/* harmony import */ var _octokit_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(15687);
/* harmony import */ var _permissions_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(48859);
/* harmony import */ var _write_once_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(32192);









/***/ })

};
