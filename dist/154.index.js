export const id = 154;
export const ids = [154];
export const modules = {

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


/***/ })

};
