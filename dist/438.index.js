export const id = 438;
export const ids = [438,456];
export const modules = {

/***/ 5232:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ DocsBody),
/* harmony export */   x: () => (/* binding */ DocsDocument)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80737);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60574);


/** What the documentation agent submits; "no-change" with its reason in the summary is a valid outcome. */
const DocsBody = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    status: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['updated', 'no-change', 'failed']),
    summary: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000),
})
    .strict();
const DocsDocument = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .envelope */ .RE)('ensemble.docs/v1', DocsBody.extend({ filesChanged: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoPath */ .UA).max(1_000) }));


/***/ }),

/***/ 88456:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f: () => (/* binding */ DOCUMENTS)
});

// UNUSED EXPORTS: DOCUMENT_NAMES

// EXTERNAL MODULE: ./lib/contracts/docs.js
var docs = __webpack_require__(5232);
// EXTERNAL MODULE: ./lib/contracts/fix.js
var fix = __webpack_require__(25340);
// EXTERNAL MODULE: ./lib/contracts/plan.js
var plan = __webpack_require__(64980);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 1 modules
var schemas = __webpack_require__(80737);
// EXTERNAL MODULE: ./lib/contracts/common.js
var common = __webpack_require__(60574);
;// CONCATENATED MODULE: ./lib/contracts/publish.js


const PublishedCommit = schemas/* object */.Ikc({
    sha: common/* GitSha */.p$,
    stage: schemas/* enum */.k5n(['code', 'test', 'fix', 'docs']),
    taskId: common/* TaskId */.LD.nullable(),
})
    .strict();
const PublishDocument = (0,common/* envelope */.RE)('ensemble.publish/v1', schemas/* object */.Ikc({
    branch: schemas/* string */.YjP().regex(/^ensemble\/[A-Za-z0-9._/-]+$/, 'must be a branch under "ensemble/"'),
    commits: schemas/* array */.YOg(PublishedCommit).max(300),
    prNumber: schemas/* number */.aig().int().positive().nullable(),
    // Shown as a link in summaries and comments: a web URL only, never `javascript:` or `data:`.
    prUrl: schemas/* url */.OZ5({ protocol: /^https?$/, error: 'must be an http(s) URL' }).nullable(),
    reviewId: schemas/* number */.aig().int().positive().nullable(),
    commentId: schemas/* number */.aig().int().positive().nullable(),
})
    .strict());

// EXTERNAL MODULE: ./lib/contracts/review.js
var review = __webpack_require__(88935);
// EXTERNAL MODULE: ./lib/contracts/task.js
var task = __webpack_require__(65090);
// EXTERNAL MODULE: ./lib/contracts/test-report.js
var test_report = __webpack_require__(22402);
;// CONCATENATED MODULE: ./lib/contracts/documents.js







/** Every artifact document ensemble hands from one stage to the next. */
const DOCUMENTS = {
    plan: {
        kind: 'plan',
        version: 1,
        producer: 'plan',
        file: 'plan.json',
        artifact: 'ensemble-plan',
        schema: plan/* PlanDocument */.t3,
    },
    task: {
        kind: 'task',
        version: 1,
        producer: 'code',
        file: 'task.json',
        artifact: 'ensemble-code-<task>',
        schema: task/* TaskDocument */.LR,
    },
    test: {
        kind: 'test',
        version: 1,
        producer: 'test',
        file: 'test.json',
        artifact: 'ensemble-test',
        schema: test_report/* TestDocument */.Wk,
    },
    review: {
        kind: 'review',
        version: 1,
        producer: 'review',
        file: 'review.json',
        artifact: 'ensemble-review-<lens>',
        schema: review/* ReviewDocument */.CA,
    },
    docs: {
        kind: 'docs',
        version: 1,
        producer: 'docs',
        file: 'docs.json',
        artifact: 'ensemble-docs',
        schema: docs/* DocsDocument */.x,
    },
    fix: {
        kind: 'fix',
        version: 1,
        producer: 'fix',
        file: 'fix.json',
        artifact: 'ensemble-fix-<round>',
        schema: fix/* FixDocument */.LL,
    },
    publish: {
        kind: 'publish',
        version: 1,
        producer: 'publish',
        file: 'publish.json',
        artifact: 'ensemble-publish',
        schema: PublishDocument,
    },
};
const DOCUMENT_NAMES = Object.keys(DOCUMENTS);


/***/ }),

/***/ 25340:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LL: () => (/* binding */ FixDocument),
/* harmony export */   m4: () => (/* binding */ FixBody)
/* harmony export */ });
/* unused harmony export FixFinding */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(80737);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60574);
/* harmony import */ var _review_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(88935);
/* harmony import */ var _task_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65090);




/** A finding as the fix agent was given it: enough to say in the PR what a round addressed. */
const FixFinding = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    id: _review_js__WEBPACK_IMPORTED_MODULE_1__/* .FindingId */ .VJ,
    /** The review lens that found it; `human` for a person's review comment or instructions. */
    source: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a lens name or "human"'),
    severity: _review_js__WEBPACK_IMPORTED_MODULE_1__/* .Severity */ .AI,
    path: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoPath */ .UA.nullable(),
    line: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().int().positive().nullable(),
    title: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(300),
})
    .strict();
/** What the fixing agent submits: a coding agent's report (status, summary, commit message). */
const FixBody = _task_js__WEBPACK_IMPORTED_MODULE_2__/* .TaskBody */ .Ep;
/**
 * One fix round: the findings the fix agent was given and what it did about them. `fix.patch`
 * beside it is its change on top of the change it was given (the round before's `change.patch`).
 */
const FixDocument = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .envelope */ .RE)('ensemble.fix/v1', FixBody.extend({
    round: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().int().min(1).max(20),
    findings: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(FixFinding).max(200),
    instructions: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()
        .max(20_000)
        .nullable()
        .default(null)
        .describe("A person's instructions for this round (`ensemble fix --instructions`), if any"),
    ..._task_js__WEBPACK_IMPORTED_MODULE_2__/* .WORK_FIELDS */ .E9,
}));


/***/ }),

/***/ 64980:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yq: () => (/* binding */ PlanBody),
/* harmony export */   t3: () => (/* binding */ PlanDocument)
/* harmony export */ });
/* unused harmony exports MAX_PLAN_TASKS, PlanTask, RequestSnapshot */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80737);
/* harmony import */ var _plan_graph_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18703);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60574);



/** GitHub caps a job output at 1 MB and a matrix at 256 legs; the config's own task limit sits far below. */
const MAX_PLAN_TASKS = 256;
const PlanTask = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .TaskId */ .LD,
    title: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(200),
    description: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000),
    acceptanceCriteria: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(2_000))
        .min(1, 'every task needs at least one acceptance criterion')
        .max(50),
    files: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoPath */ .UA).max(500).describe('Files this task owns: it may create, edit or delete them.'),
    reads: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoPath */ .UA).max(500).default([]).describe('Files this task may read for context.'),
    dependsOn: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .TaskId */ .LD).max(MAX_PLAN_TASKS).default([]),
})
    .strict();
/** What the planning agent submits. */
const PlanBody = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    summary: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000),
    tasks: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(PlanTask).min(1, 'a plan needs at least one task').max(MAX_PLAN_TASKS),
    testStrategy: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000),
    risks: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(2_000)).max(50).default([]),
})
    .strict()
    .superRefine((plan, ctx) => {
    const seen = new Map();
    plan.tasks.forEach((task, i) => {
        const first = seen.get(task.id);
        if (first !== undefined) {
            ctx.addIssue({
                code: 'custom',
                path: ['tasks', i, 'id'],
                message: `duplicate task id "${task.id}" (also tasks[${first}])`,
            });
        }
        else {
            seen.set(task.id, i);
        }
    });
    plan.tasks.forEach((task, i) => {
        task.dependsOn.forEach((dep, j) => {
            if (dep === task.id) {
                ctx.addIssue({
                    code: 'custom',
                    path: ['tasks', i, 'dependsOn', j],
                    message: `task "${task.id}" depends on itself`,
                });
            }
            else if (!seen.has(dep)) {
                ctx.addIssue({ code: 'custom', path: ['tasks', i, 'dependsOn', j], message: `unknown task id "${dep}"` });
            }
        });
    });
    // A self-dependency is already reported above, with a clearer message than "a -> a".
    const cycle = (0,_plan_graph_js__WEBPACK_IMPORTED_MODULE_2__/* .findDependencyCycle */ .F1)(plan.tasks.map((t) => ({ id: t.id, dependsOn: t.dependsOn.filter((dep) => dep !== t.id) })));
    if (cycle) {
        ctx.addIssue({ code: 'custom', path: ['tasks'], message: `dependency cycle: ${cycle.join(' -> ')}` });
    }
});
/**
 * The request the run works on, snapshotted once when the plan is made (hidden content already
 * stripped) so that later stages never read the live issue, which anyone may edit.
 */
const RequestSnapshot = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    source: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['issue', 'prompt']),
    issue: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().positive().nullable(),
    title: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(1_000),
    body: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(262_144),
    author: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    comments: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ author: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), body: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(65_536), createdAt: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() }).strict())
        .max(100)
        .default([]),
    hash: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .Sha256Hex */ .P,
})
    .strict()
    .refine((r) => (r.source === 'issue') === (r.issue !== null), {
    message: 'an issue request needs its issue number, and a prompt request has none',
    path: ['issue'],
});
const PlanDocument = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .envelope */ .RE)('ensemble.plan/v1', PlanBody.extend({ request: RequestSnapshot })).refine((doc) => doc.request.issue === doc.run.issue, { message: 'the request snapshot is of another issue than the run', path: ['request', 'issue'] });


/***/ }),

/***/ 88935:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AI: () => (/* binding */ Severity),
/* harmony export */   B: () => (/* binding */ SEVERITY_ORDER),
/* harmony export */   CA: () => (/* binding */ ReviewDocument),
/* harmony export */   DX: () => (/* binding */ ReviewBody),
/* harmony export */   VJ: () => (/* binding */ FindingId),
/* harmony export */   Y: () => (/* binding */ Verdict),
/* harmony export */   du: () => (/* binding */ isAtLeast)
/* harmony export */ });
/* unused harmony exports Finding, CriterionCheck */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80737);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60574);


const Severity = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['critical', 'high', 'medium', 'low', 'nit']);
/** Most severe first; a finding blocks when it is at least as severe as the configured level. */
const SEVERITY_ORDER = Severity.options;
function isAtLeast(severity, threshold) {
    return SEVERITY_ORDER.indexOf(severity) <= SEVERITY_ORDER.indexOf(threshold);
}
const Verdict = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['approve', 'comment', 'request-changes']);
/**
 * A finding's stable id: the same problem keeps it across fix rounds and runs (a re-review that
 * finds an open finding again reports it with its id), so that a settled finding is never posted
 * again and a round that fixed nothing is recognised.
 */
const FindingId = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^F[0-9a-f]{10}$/, 'must be "F" and 10 lowercase hex digits');
const Finding = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: FindingId.nullable()
        .default(null)
        .describe('The id of an open finding you were given, when this is that finding again; else null'),
    path: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoPath */ .UA,
    line: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
        .int()
        .positive()
        .nullable()
        .describe('Line in the new file; null when the quote maps to no changed line'),
    endLine: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().positive().nullable().default(null),
    quote: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(5_000).describe('The code the finding is about, quoted exactly'),
    severity: Severity,
    title: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(300),
    body: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000),
    suggestion: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(20_000).nullable().default(null).describe('Replacement for the quoted lines, if any'),
})
    .strict()
    .refine((f) => f.endLine === null || (f.line !== null && f.endLine >= f.line), {
    message: 'endLine must be null or at least line',
    path: ['endLine'],
});
const CriterionCheck = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    criterion: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(2_000),
    met: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    evidence: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(5_000),
})
    .strict();
/** What a review agent submits. */
const ReviewBody = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    verdict: Verdict,
    summary: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000),
    findings: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(Finding).max(200),
    criteria: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(CriterionCheck).max(500),
})
    .strict();
const ReviewDocument = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .envelope */ .RE)('ensemble.review/v1', ReviewBody.extend({ lens: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a lens name of a-z, 0-9 and "-"') }));


/***/ }),

/***/ 65090:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ WORK_FIELDS),
/* harmony export */   Ep: () => (/* binding */ TaskBody),
/* harmony export */   LR: () => (/* binding */ TaskDocument),
/* harmony export */   e1: () => (/* binding */ TaskStatus)
/* harmony export */ });
/* unused harmony export CommandRecord */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80737);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60574);


const TaskStatus = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['done', 'failed', 'no-change']);
const CommandRecord = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    command: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).max(10_000),
    exitCode: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nullable().describe('null when the command was killed (timeout or signal)'),
})
    .strict();
/** What a coding agent submits. */
const TaskBody = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    status: TaskStatus,
    summary: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000),
    commitMessage: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(5_000),
})
    .strict();
/** What an agent that changes code leaves besides its report: a task's and a fix round's alike. */
const WORK_FIELDS = {
    filesChanged: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoPath */ .UA).max(10_000),
    commands: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(CommandRecord).max(1_000),
    stopReason: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .max(2_000)
        .nullable()
        .default(null)
        .describe('Why the agent stopped early (budget, error), if it did'),
};
const TaskDocument = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .envelope */ .RE)('ensemble.task/v1', TaskBody.extend({ taskId: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .TaskId */ .LD, ...WORK_FIELDS }));


/***/ }),

/***/ 22402:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wk: () => (/* binding */ TestDocument),
/* harmony export */   lo: () => (/* binding */ TestBody),
/* harmony export */   mK: () => (/* binding */ IntegrationResult)
/* harmony export */ });
/* unused harmony export TestFailure */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80737);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60574);


const IntegrationResult = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    taskId: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .TaskId */ .LD,
    result: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['applied', 'conflicted', 'resolved', 'skipped']),
    conflictingFiles: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoPath */ .UA).default([]),
    detail: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(5_000).default(''),
})
    .strict();
const TestFailure = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    name: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(1_000),
    excerpt: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(10_000),
    atBase: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()
        .nullable()
        .describe('true: also fails at the base SHA; false: the change introduced it; null: not checked'),
})
    .strict();
const Count = zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative().nullable().describe('null when the output did not say');
/** What the testing agent submits. */
const TestBody = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    summary: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000),
    testsAdded: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoPath */ .UA).max(1_000).default([]),
})
    .strict();
const TestDocument = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .envelope */ .RE)('ensemble.test/v1', TestBody.extend({
    status: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['passed', 'failed', 'no-tests', 'error']),
    command: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(10_000).nullable(),
    exitCode: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nullable(),
    passed: Count,
    failed: Count,
    failures: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(TestFailure).max(200),
    integration: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(IntegrationResult).max(256),
    fixAttempts: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
}));


/***/ }),

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

/***/ 15687:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zE: () => (/* binding */ EnsembleOctokit),
  ry: () => (/* binding */ clientSettings),
  Qi: () => (/* binding */ createOctokit)
});

// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(63251);
;// CONCATENATED MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
// pkg/dist-src/index.js


// pkg/dist-src/version.js
var VERSION = "0.0.0-development";

// pkg/dist-src/wrap-request.js
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}

// pkg/dist-src/generated/triggers-notification-paths.js
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];

// pkg/dist-src/route-matcher.js
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}

// pkg/dist-src/index.js
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck, common) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck = light,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck();
    const events = {};
    const emitter = new Bottleneck.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION;
throttling.triggersNotification = triggersNotification;


// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 12 modules
var dist_src = __webpack_require__(14730);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-request-log/dist-src/index.js + 1 modules
var plugin_request_log_dist_src = __webpack_require__(55077);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var plugin_paginate_rest_dist_bundle = __webpack_require__(93779);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js + 3 modules
var plugin_rest_endpoint_methods_dist_src = __webpack_require__(49210);
;// CONCATENATED MODULE: ./node_modules/@octokit/rest/dist-src/version.js
const version_VERSION = "22.0.1";


;// CONCATENATED MODULE: ./node_modules/@octokit/rest/dist-src/index.js





const Octokit = dist_src/* Octokit */.E.plugin(plugin_request_log_dist_src/* requestLog */.M, plugin_rest_endpoint_methods_dist_src/* legacyRestEndpointMethods */.T, plugin_paginate_rest_dist_bundle/* paginateRest */.ud).defaults(
  {
    userAgent: `octokit-rest.js/${version_VERSION}`
  }
);


;// CONCATENATED MODULE: ./lib/github/octokit.js



/**
 * The Octokit ensemble talks to GitHub with: REST methods and pagination, the retry plugin for
 * server errors and the throttling plugin for rate limits.
 *
 * Retries are careful about writes. GET, PATCH, PUT and DELETE are retried on 5xx and network
 * errors; so are the content-addressed git data writes (blobs, trees, commits), whose repetition
 * is harmless. Any other POST (a comment, a pull request, a review, a ref) is sent once: a 502 may
 * hide a write that landed, so the caller looks for it before writing again (`writeOnce`). A rate
 * limit answer means nothing was written, so every request is retried after the wait GitHub asks
 * for, up to `rateLimitRetries` times and never longer than `maxRateLimitWait` seconds at once.
 */
const EnsembleOctokit = Octokit.plugin(dist_bundle/* retry */.L, throttling);
/** POSTs whose repetition cannot duplicate anything: git objects are content-addressed, labels are a set. */
const REPEATABLE_POSTS = [/\/git\/(?:blobs|trees|commits)$/, /\/issues\/\d+\/labels$/];
const settings = new WeakMap();
/** The timing and log a client was made with (defaults for an Octokit made elsewhere). */
function clientSettings(octokit) {
    return settings.get(octokit) ?? { secondMs: 1000, retries: 3, log: silent };
}
const silent = { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } };
/**
 * GitHub asks integrations to space writes (one per second, content that notifies people one per
 * three). The throttling plugin does that with process-wide limiters; these per-client ones honour
 * `secondMs` so that tests do not sleep.
 */
function spacing(ms) {
    let last = 0;
    let chain = Promise.resolve();
    const limiter = {
        schedule(...args) {
            const [first] = args;
            const rest = typeof first === 'function' ? args : args.slice(1);
            const [fn, ...fnArgs] = rest;
            const run = chain.then(async () => {
                const wait = last + ms - Date.now();
                if (wait > 0)
                    await new Promise((resolve) => setTimeout(resolve, wait));
                last = Date.now();
                return fn(...fnArgs);
            });
            chain = run.catch(() => { });
            return run;
        },
    };
    return { key: () => limiter };
}
function defaultUserAgent(userAgent) {
    const base = userAgent ?? 'ensemble';
    const orchestration = process.env['ACTIONS_ORCHESTRATION_ID']?.trim();
    return orchestration ? `${base} actions_orchestration_id/${orchestration.replace(/[^a-z0-9_.-]/gi, '_')}` : base;
}
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
/**
 * Behind a proxy (self-hosted runners), requests go through `@actions/github`'s proxy-aware fetch,
 * which honours `HTTPS_PROXY` and `NO_PROXY` as every official action does. Loaded on first use.
 */
function proxyFetch() {
    if (!PROXY_VARIABLES.some((name) => process.env[name]))
        return undefined;
    let loaded;
    return async (input, init) => {
        loaded ??= Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(651)]).then(__webpack_require__.bind(__webpack_require__, 22032)).then((m) => m.defaults.request?.fetch ?? fetch);
        return (await loaded)(input, init);
    };
}
function createOctokit(options) {
    if (!options.token)
        throw new Error('no GitHub token: pass the github-token input (by default the workflow token, github.token)');
    const log = options.log ?? silent;
    const second = options.secondMs ?? 1000;
    const rateLimitRetries = options.rateLimitRetries ?? 3;
    const maxWait = options.maxRateLimitWait ?? 900;
    const baseUrl = (options.baseUrl ?? process.env['GITHUB_API_URL'] ?? 'https://api.github.com').replace(/\/+$/, '');
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const fields = request;
        const path = request.url.replace(/\{(\w+)\}/g, (whole, name) => fields[name] === undefined ? whole : String(fields[name]));
        const what = `${request.method} ${path}`;
        if (retryCount >= rateLimitRetries) {
            log.warn(`GitHub ${kind} rate limit on ${what}: giving up after ${retryCount} retries`);
            return false;
        }
        if (retryAfter > maxWait) {
            log.warn(`GitHub ${kind} rate limit on ${what}: the limit resets ` +
                `in ${retryAfter}s, longer than the ${maxWait}s ensemble waits`);
            return false;
        }
        log.warn(`GitHub ${kind} rate limit on ${what}: retry ${retryCount + 1} of ${rateLimitRetries} in ${retryAfter}s`);
        return true;
    };
    const fetchImpl = proxyFetch();
    const octokit = new EnsembleOctokit({
        auth: options.token,
        baseUrl,
        userAgent: defaultUserAgent(options.userAgent),
        log,
        request: fetchImpl ? { fetch: fetchImpl } : {},
        retry: {
            retries: options.retries ?? 3,
            retryAfterBaseValue: second,
            // Rate limits (403, 429) belong to the throttling plugin, which honours GitHub's wait.
            doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
        },
        throttle: {
            retryAfterBaseValue: second,
            fallbackSecondaryRateRetryAfter: 60,
            write: spacing(second),
            notifications: spacing(3 * second),
            onRateLimit: onLimit('primary'),
            onSecondaryRateLimit: onLimit('secondary'),
        },
    });
    octokit.hook.before('request', (request) => {
        const path = new URL(request.url, baseUrl).pathname;
        if (request.method === 'POST' && !REPEATABLE_POSTS.some((re) => re.test(path))) {
            request.request = { ...request.request, retries: request.request?.retries ?? 0 };
        }
    });
    settings.set(octokit, { secondMs: second, retries: options.retries ?? 3, log });
    return octokit;
}


/***/ }),

/***/ 18703:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F1: () => (/* binding */ findDependencyCycle),
/* harmony export */   O6: () => (/* binding */ reaches),
/* harmony export */   g0: () => (/* binding */ dependencyWaves),
/* harmony export */   g1: () => (/* binding */ dependencyOrder),
/* harmony export */   m0: () => (/* binding */ dependencyGroups),
/* harmony export */   wh: () => (/* binding */ integrationSequence)
/* harmony export */ });
/**
 * The plan's task graph: every walk over `dependsOn` lives here (ordering, waves, groups, cycles,
 * reachability), so that the plan contract, the planner's checks, the integration order and both
 * runtimes' schedulers agree on one reading of it.
 */
/**
 * The plan's tasks in waves: each wave holds the tasks whose dependencies are all in earlier
 * waves, in plan order. The plan contract already refuses cycles and unknown ids.
 */
function dependencyWaves(tasks) {
    const done = new Set();
    const waves = [];
    let remaining = [...tasks];
    while (remaining.length > 0) {
        const wave = remaining.filter((t) => t.dependsOn.every((d) => done.has(d)));
        if (wave.length === 0)
            throw new Error(`the plan's dependencies cannot be ordered: ${remaining.map((t) => t.id).join(', ')}`);
        waves.push(wave.map((t) => t.id));
        for (const t of wave)
            done.add(t.id);
        remaining = remaining.filter((t) => !done.has(t.id));
    }
    return waves;
}
/** Every task id in an order where dependencies come first. */
function dependencyOrder(tasks) {
    return dependencyWaves(tasks).flat();
}
/**
 * The plan's tasks grouped by dependency: two tasks are in one group when a chain of
 * `dependsOn` links them. Each group lists its tasks in dependency order; groups come in plan
 * order. On GitHub each group is one matrix leg, so a task always starts from the patches of the
 * tasks it depends on.
 */
function dependencyGroups(tasks) {
    const parent = new Map(tasks.map((t) => [t.id, t.id]));
    const find = (id) => {
        let root = id;
        while (parent.get(root) !== root)
            root = parent.get(root) ?? root;
        parent.set(id, root);
        return root;
    };
    for (const task of tasks) {
        for (const dep of task.dependsOn)
            if (parent.has(dep))
                parent.set(find(task.id), find(dep));
    }
    const groups = new Map();
    for (const id of dependencyOrder(tasks)) {
        const root = find(id);
        groups.set(root, [...(groups.get(root) ?? []), id]);
    }
    const first = new Map(tasks.map((t, i) => [t.id, i]));
    return [...groups.values()].sort((a, b) => Math.min(...a.map((id) => first.get(id))) - Math.min(...b.map((id) => first.get(id))));
}
/** Finds the first dependency cycle, as a list of ids that closes on its first element. */
function findDependencyCycle(tasks) {
    const deps = new Map(tasks.map((t) => [t.id, t.dependsOn]));
    const state = new Map();
    const stack = [];
    const visit = (id) => {
        if (state.get(id) === 'done')
            return null;
        if (state.get(id) === 'visiting')
            return [...stack.slice(stack.indexOf(id)), id];
        state.set(id, 'visiting');
        stack.push(id);
        for (const dep of deps.get(id) ?? []) {
            if (!deps.has(dep))
                continue;
            const cycle = visit(dep);
            if (cycle)
                return cycle;
        }
        stack.pop();
        state.set(id, 'done');
        return null;
    };
    for (const t of tasks) {
        const cycle = visit(t.id);
        if (cycle)
            return cycle;
    }
    return null;
}
/** Whether `from` depends on `to`, directly or through other tasks. */
function reaches(tasks, from, to) {
    const dependsOn = new Map(tasks.map((t) => [t.id, t.dependsOn]));
    const seen = new Set();
    const walk = (id) => {
        if (seen.has(id))
            return false;
        seen.add(id);
        return (dependsOn.get(id) ?? []).some((d) => d === to || walk(d));
    };
    return walk(from);
}
/**
 * The order in which task patches are integrated: plan order, each task as soon as every task it
 * depends on is in, so a dependent task follows its dependencies as closely as the plan allows.
 * Dependencies outside the list and on the task itself are ignored; a cycle (which a valid plan
 * cannot have) is broken at the first task in plan order.
 */
function integrationSequence(tasks) {
    const ids = tasks.map((t) => t.id);
    const deps = new Map(tasks.map((t) => [t.id, t.dependsOn.filter((d) => d !== t.id && ids.includes(d))]));
    const done = new Set();
    const order = [];
    while (order.length < ids.length) {
        const ready = ids.find((id) => !done.has(id) && (deps.get(id) ?? []).every((d) => done.has(d)));
        const next = ready ?? ids.find((id) => !done.has(id));
        if (next === undefined)
            break;
        done.add(next);
        order.push(next);
    }
    return order;
}


/***/ }),

/***/ 43419:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   BD: () => (/* binding */ formatCost),
/* harmony export */   Bv: () => (/* binding */ blocks),
/* harmony export */   CG: () => (/* binding */ STEP_SUMMARY_LIMIT),
/* harmony export */   EU: () => (/* binding */ fence),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   aJ: () => (/* binding */ stripAnsi),
/* harmony export */   nY: () => (/* binding */ GITHUB_BODY_LIMIT),
/* harmony export */   o4: () => (/* binding */ truncateMarkdown),
/* harmony export */   ti: () => (/* binding */ inlineCode),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
/* unused harmony export truncationNote */
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28805);
/* harmony import */ var _safe_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85303);
/**
 * Markdown building blocks shared by the renderers: code fences and spans that their content
 * cannot break, tables, number formats, and the size cap every rendered document respects.
 */


/** GitHub refuses a step summary above 1 MiB. */
const STEP_SUMMARY_LIMIT = { unit: 'bytes', max: 1_048_576 };
/** GitHub's limit on a pull request body, an issue comment and a review (comment) body. */
const GITHUB_BODY_LIMIT = { unit: 'chars', max: 65_536 };
function sizeOf(text, unit) {
    return unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
}
function describeLimit(limit) {
    if (limit.unit === 'bytes' && limit.max % 1_048_576 === 0)
        return `${limit.max / 1_048_576} MiB`;
    return `${formatCount(limit.max)} ${limit.unit === 'bytes' ? 'bytes' : 'characters'}`;
}
/** The note that ends a truncated document. */
function truncationNote(limit) {
    return (`> [!WARNING]\n> **Truncated**: this text was longer than ${describeLimit(limit)} and was cut here; ` +
        "the run's artifacts hold everything.");
}
/** What must be appended to `prefix` to close what it leaves open: a code fence, `<details>` elements. */
function closersFor(prefix) {
    let fence = null;
    let details = 0;
    for (const line of prefix.split('\n')) {
        if (fence !== null) {
            if ((0,_safe_js__WEBPACK_IMPORTED_MODULE_0__/* .closesFence */ .Tv)(line, fence))
                fence = null;
            continue;
        }
        const opening = (0,_safe_js__WEBPACK_IMPORTED_MODULE_0__/* .fenceOpening */ .YY)(line);
        if (opening)
            fence = opening;
        else if (line.startsWith('<details'))
            details++;
        else if (line.startsWith('</details>') && details > 0)
            details--;
    }
    return (fence === null ? '' : `\n${fence}`) + '\n</details>'.repeat(details);
}
/**
 * `markdown` if it fits `limit`, else the longest prefix that fits together with what closes its
 * open code fence and `<details>` and a visible truncation note. Cuts at a line end when one is
 * near, never inside a character. Kept here rather than with the plain-text cuts in util/text.ts:
 * it has to know Markdown (fences, `<details>`) and can count UTF-8 bytes.
 */
function truncateMarkdown(markdown, limit) {
    if (sizeOf(markdown, limit.unit) <= limit.max)
        return markdown;
    const note = `\n\n${truncationNote(limit)}\n`;
    const room = limit.max - sizeOf(note, limit.unit);
    if (room <= 0)
        return note.trim().slice(0, limit.max);
    // Longest prefix that fits `room` (binary search; UTF-8 size grows with length).
    let lo = 0;
    let hi = Math.min(markdown.length, room);
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (sizeOf(markdown.slice(0, mid), limit.unit) <= room)
            lo = mid;
        else
            hi = mid - 1;
    }
    let end = (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .wholeCharEnd */ .vh)(markdown, lo);
    const newline = markdown.lastIndexOf('\n', end - 1);
    if (newline > 0 && end - newline <= 4_096)
        end = newline;
    for (;;) {
        const prefix = markdown.slice(0, end).replace(/\s+$/, '');
        const result = prefix + closersFor(prefix) + note;
        if (sizeOf(result, limit.unit) <= limit.max || end === 0)
            return end === 0 ? note.trim() : result;
        const previous = markdown.lastIndexOf('\n', end - 1);
        end = (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .wholeCharEnd */ .vh)(markdown, previous > 0 ? previous : Math.max(0, end - (sizeOf(result, limit.unit) - limit.max)));
    }
}
// ---------------------------------------------------------------------------------------------
// code
function longestRun(text, char) {
    let longest = 0;
    let current = 0;
    for (const c of text) {
        current = c === char ? current + 1 : 0;
        if (current > longest)
            longest = current;
    }
    return longest;
}
/**
 * A fenced code block at column 0 whose fence is longer than any backtick run in `content`, so
 * nothing in it can close it early. `content` is shown as it is (code is never neutralised).
 */
function fence(content, info = '') {
    const ticks = '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
    const body = content.replace(/\r\n?/g, '\n').replace(/\n$/, '');
    return `${ticks}${info}\n${body}\n${ticks}`;
}
/** An inline code span on one line that its content cannot close (pipes escaped for tables). */
function inlineCode(text) {
    const flat = (0,_safe_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdownInline */ .E4)(text);
    const ticks = '`'.repeat(longestRun(flat, '`') + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
    return `${ticks}${pad}${flat}${pad}${ticks}`;
}
/** ANSI colour and cursor sequences, which test output is full of. */
// Unlike util/text.ts's stripAnsi, removes OSC sequences whole (links, titles) and keeps other 2-byte escapes.
function stripAnsi(text) {
    return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\u001b\][^\u0007]*\u0007/g, '');
}
// ---------------------------------------------------------------------------------------------
// tables and numbers
/** A GitHub table; cells must already be inline-safe. `align` per column: `l` (default) or `r`. */
function table(header, rows, align = '') {
    const line = (cells) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
    const rule = `|${header.map((_, i) => (align[i] === 'r' ? '---:' : '---')).join('|')}|`;
    return [line(header), rule, ...rows.map(line)].join('\n');
}
/** `12,345`, independent of the machine's locale. */
function formatCount(n) {
    return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
/** `$0.0123`, or `—` when the cost is not known. */
function formatCost(usd) {
    return usd === null ? '—' : `$${usd.toFixed(4)}`;
}
/** `850 ms`, `41.3 s`, `2 min 05 s`, `1 h 02 min`. */
function formatDuration(ms) {
    if (ms < 1_000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(ms / 1_000).toFixed(1)} s`;
    const seconds = Math.round(ms / 1_000);
    if (seconds < 3_600)
        return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
    const minutes = Math.round(seconds / 60);
    return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
/** Joins blocks with one blank line, dropping empty ones. */
function blocks(...parts) {
    return parts.filter((p) => typeof p === 'string' && p.trim() !== '').join('\n\n');
}


/***/ }),

/***/ 85303:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BW: () => (/* binding */ safeBlock),
/* harmony export */   E4: () => (/* binding */ escapeMarkdownInline),
/* harmony export */   H1: () => (/* binding */ safeInline),
/* harmony export */   HX: () => (/* binding */ DEFAULT_HOST),
/* harmony export */   Pz: () => (/* binding */ stripHidden),
/* harmony export */   R_: () => (/* binding */ limitLinks),
/* harmony export */   Tv: () => (/* binding */ closesFence),
/* harmony export */   YY: () => (/* binding */ fenceOpening),
/* harmony export */   op: () => (/* binding */ neutraliseText),
/* harmony export */   rD: () => (/* binding */ splitFences),
/* harmony export */   yY: () => (/* binding */ neutraliseMentions)
/* harmony export */ });
/* unused harmony exports openFenceAtEnd, neutraliseHtml, neutraliseReferences */
/**
 * Safe text: what model-written (and issue-written) text must go through before it reaches a
 * pull request, a comment or a step summary. It must not notify anyone, link anywhere but the
 * repository's host, close or cross-reference other issues, hide content, or break the document
 * around it.
 *
 * Decisions:
 * - Neutralising inserts a zero-width space (U+200B) at the point that breaks the construct
 *   (`@\u200Bname`, `https\u200B://`, `<\u200Bdetails>`): the text reads the same, works in any
 *   context (inside or outside code spans, tables, lists) and cannot be undone by surrounding
 *   markup, which wrapping in backticks can.
 * - Fenced code blocks that open at column 0 are left untouched: GitHub renders neither mentions,
 *   links nor HTML inside them, so code (an `@Override`, a URL in a test) keeps its exact bytes.
 *   A fence at column 0 is a fence to GitHub whatever precedes it, once HTML is neutralised; an
 *   unclosed fence is closed at the end of the text so that it cannot swallow what follows.
 * - Inline code spans ARE neutralised: where a span starts and ends depends on the whole block
 *   around it, and a span this code believed in but GitHub did not would let a mention through.
 *   Inside a span the inserted character is invisible.
 * - Email addresses (`a@b.com`) are not mentions to GitHub and are left alone: an `@` preceded
 *   by a letter, digit or `_` is never touched.
 * - Links: any URL with an authority (`scheme://host`, `//host`, and `http:host` which browsers
 *   resolve like `http://host`) and any `www.` autolink whose host is not the allowed host,
 *   exactly, is made inert. A host is only accepted when it is plain (`[a-z0-9.-]`, optional
 *   port): anything with `@`, `\`, `%` or entities is treated as foreign.
 * - Character references (`&#58;`, `&colon;`) are broken so that a URL cannot be spelt through
 *   them; raw HTML (`<tag`, `</`, `<!--`, `<?`) is broken so that no tag, comment or autolink
 *   survives; closing keywords (`Fixes #1`) and cross-repository references (`o/r#1`) are broken
 *   so that merging the pull request closes, and the text notifies, only what ensemble wrote itself.
 * - Bidirectional controls and zero-width characters already in the text are removed first.
 */
const ZWSP = '\u200b';
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
/** The fence that opens at this line (column 0 only), or null. */
function fenceOpening(line) {
    const m = FENCE_OPEN.exec(line.replace(/\r$/, ''));
    if (!m)
        return null;
    const fence = m[1];
    if (fence[0] === '`' && m[2].includes('`'))
        return null; // a backtick fence's info string has no backtick
    return fence;
}
/** Whether `line` closes a block opened by `fence` (CommonMark: up to 3 spaces, same character, at least as long). */
function closesFence(line, fence) {
    const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line.replace(/\r$/, ''));
    return m !== null && m[1][0] === fence[0] && m[1].length >= fence.length;
}
/** Splits text into prose and column-0 fenced code blocks (fence lines belong to the code segment). */
function splitFences(text) {
    const segments = [];
    let open = null;
    let start = 0;
    let chunkStart = 0;
    while (start <= text.length) {
        const nl = text.indexOf('\n', start);
        const end = nl === -1 ? text.length : nl + 1;
        const line = text.slice(start, nl === -1 ? text.length : nl);
        if (open === null) {
            const fence = fenceOpening(line);
            if (fence) {
                if (start > chunkStart)
                    segments.push({ code: false, text: text.slice(chunkStart, start) });
                chunkStart = start;
                open = fence;
            }
        }
        else if (closesFence(line, open)) {
            segments.push({ code: true, text: text.slice(chunkStart, end) });
            chunkStart = end;
            open = null;
        }
        if (nl === -1)
            break;
        start = end;
    }
    if (chunkStart < text.length)
        segments.push({ code: open !== null, text: text.slice(chunkStart) });
    return { segments, open };
}
/** Applies `transform` to prose only, leaving column-0 fenced code blocks as they are. */
function outsideFences(text, transform) {
    return splitFences(text)
        .segments.map((s) => (s.code ? s.text : transform(s.text)))
        .join('');
}
/** The fence a text leaves open at its end (column-0 fences), or null. */
function openFenceAtEnd(text) {
    return splitFences(text).open;
}
function apply(text, options, transform) {
    return options?.mode === 'inline' ? transform(text) : outsideFences(text, transform);
}
/** `@user` and `@org/team` become `@\u200Buser`; `a@b.com` stays. */
function neutraliseMentions(text, options) {
    return apply(text, options, (prose) => prose.replace(/(?<![A-Za-z0-9_])@(?=[A-Za-z0-9])/g, `@${ZWSP}`));
}
/** Breaks `<tag`, `</`, `<!--`, `<?` and `<scheme:` so that no raw HTML, comment or autolink is rendered. */
function neutraliseHtml(text, options) {
    return apply(text, options, (prose) => prose.replace(/<(?=[A-Za-z!/?\t])/g, `<${ZWSP}`).replace(/&(?=#?[A-Za-z0-9]+;)/g, `&${ZWSP}`));
}
const CLOSING_KEYWORD = /(?<![A-Za-z0-9_])(close[sd]?|fix(?:e[sd])?|resolve[sd]?)(?=:?[ \t]+(?:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)?#\d|:?[ \t]+https?:)/gi;
/** `Fixes #1` no longer closes #1; `other/repo#1` no longer cross-references (and notifies) another repository. */
function neutraliseReferences(text, options) {
    return apply(text, options, (prose) => prose.replace(CLOSING_KEYWORD, `$1${ZWSP}`).replace(/(?<=[A-Za-z0-9_.-]\/[A-Za-z0-9_.-]+)#(?=\d)/g, `#${ZWSP}`));
}
const SPECIAL_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'ftp']);
// Where the authority of a URL ends, for the purpose of deciding whether it is plain.
const AUTHORITY = /^[^\s/?#<>()[\]"'`]*/;
const PLAIN_HOST = /^([a-z0-9-]+\.)*[a-z0-9-]+\.?(:\d+)?$/;
function hostAllowed(authority, allowed) {
    const trimmed = authority.replace(/[.,:;!*_~]+$/, '').toLowerCase();
    if (!PLAIN_HOST.test(trimmed))
        return false;
    const host = trimmed.replace(/:\d+$/, '').replace(/\.$/, '');
    return allowed.includes(host);
}
/**
 * Links to any host but `allowedHost` (exactly; pass several for a GitHub Enterprise host and its
 * API) are made inert: the scheme or the `//` is broken, so the text stays readable but neither
 * GitHub's autolinker nor a browser follows it. Links on the allowed host, relative links,
 * `mailto:` and emails are kept.
 */
function limitLinks(text, allowedHost, options) {
    const allowed = (typeof allowedHost === 'string' ? [allowedHost] : [...allowedHost]).map((h) => h.toLowerCase());
    return apply(text, options, (prose) => {
        // scheme:[//]authority — for special schemes the slashes are optional (browsers add them),
        // and a backslash may stand for a slash or escape the colon.
        let out = prose.replace(/(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*)(\\?:)([\\/]*)/g, (whole, scheme, colon, slashes, offset, all) => {
            if (!SPECIAL_SCHEMES.has(scheme.toLowerCase()) && slashes.length < 2)
                return whole;
            const authority = AUTHORITY.exec(all.slice(offset + whole.length))[0];
            if (authority === '' || hostAllowed(authority, allowed))
                return whole;
            return `${scheme}${ZWSP}${colon}${slashes}`;
        });
        // Protocol-relative `//host` (a link destination resolves it to another site).
        out = out.replace(/(?<![A-Za-z0-9+.:\\/-])([\\/])(?=[\\/])/g, (whole, first, offset, all) => {
            const rest = all.slice(offset + 1).replace(/^[\\/]+/, '');
            const authority = AUTHORITY.exec(rest)[0];
            if (authority === '' || hostAllowed(authority, allowed))
                return whole;
            return `${first}${ZWSP}`;
        });
        // GFM's `www.` autolinks.
        out = out.replace(/(?<![A-Za-z0-9-])(www)(?=\\?\.)/gi, (whole, www, offset, all) => {
            const authority = AUTHORITY.exec(all.slice(offset))[0].replace(/\\\./g, '.');
            if (hostAllowed(authority, allowed) || hostAllowed(authority.replace(/^www\./i, ''), allowed))
                return whole;
            return `${www}${ZWSP}`;
        });
        return out;
    });
}
/** Bidirectional controls and zero-width characters (not the joiner emoji need) hide or reorder text. */
function stripHidden(text) {
    return text.replace(/[\u200b\u200c\u2060\ufeff\u202a-\u202e\u2066-\u2069\u061c\u200e\u200f]/g, '');
}
/** Table cells and one-line contexts: newlines become spaces, pipes are escaped. */
function escapeMarkdownInline(text) {
    return text.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
}
const DEFAULT_HOST = 'github.com';
/** Every neutralisation, in `block` mode (column-0 fences kept) or `inline` mode (nothing kept); no escaping. */
function neutraliseText(text, allowedHost, mode) {
    let out = stripHidden(text);
    out = neutraliseHtml(out, { mode });
    out = limitLinks(out, allowedHost, { mode });
    out = neutraliseMentions(out, { mode });
    return neutraliseReferences(out, { mode });
}
/**
 * Untrusted text placed as its own block (paragraphs at column 0, between blank lines): every
 * neutralisation outside column-0 fenced code, and an unclosed fence closed at the end.
 */
function safeBlock(text, options = {}) {
    const out = neutraliseText(text.replace(/\r\n?/g, '\n'), options.allowedHost ?? DEFAULT_HOST, 'block').replace(/\n+$/, '');
    const open = openFenceAtEnd(out);
    return open === null ? out : `${out}\n${open}`;
}
/** Untrusted text placed inside a line (a table cell, a list item, a heading): on one line, all neutralised. */
function safeInline(text, options = {}) {
    return escapeMarkdownInline(neutraliseText(text, options.allowedHost ?? DEFAULT_HOST, 'inline')).trim();
}


/***/ }),

/***/ 20765:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runApproveAction: () => (/* binding */ runApproveAction)
/* harmony export */ });
/* harmony import */ var _github_approval_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7536);
/* harmony import */ var _github_octokit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15687);
/* harmony import */ var _render_markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(43419);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99661);
/* harmony import */ var _environment_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(24910);





const MISSING_TOKEN = 
// biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression a user writes
'the github-token input is empty: pass ${{ github.token }} (the default) with actions: read';
/**
 * `actions/approve`: the approve job's only step after the ensemble checkout, run once GitHub's
 * environment gate let the job start. It checks through the API that the environment has required
 * reviewers and that one of them approved this run (`github/approval.ts`), reports who did in the
 * log, the step summary and the `approved-by` output, and fails the step (so no code job starts)
 * otherwise, with the summary saying why.
 */
async function runApproveAction(settings, core, env) {
    // The event is not needed: the repository and the run come from the runner's variables.
    const job = (0,_environment_js__WEBPACK_IMPORTED_MODULE_4__.jobFromEnvironment)(env, () => ({}));
    const token = settings.githubToken;
    if (!token)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(MISSING_TOKEN);
    const runId = Number(job.runId);
    if (!Number.isSafeInteger(runId) || runId <= 0)
        throw new Error(`GITHUB_RUN_ID is not a run id: "${job.runId}"`);
    const { owner, repo } = job.repository;
    const octokit = (0,_github_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .createOctokit */ .Qi)({
        token,
        baseUrl: job.apiUrl,
        log: (0,_environment_js__WEBPACK_IMPORTED_MODULE_4__/* .actionsGitHubLog */ .f)(core),
    });
    let approval;
    try {
        approval = await (0,_github_approval_js__WEBPACK_IMPORTED_MODULE_0__/* .verifyPlanApproval */ .Qd)(octokit, { owner, repo, runId, environment: settings.environment });
    }
    catch (error) {
        // The step fails with the message (run.ts); the summary keeps it where the run's page shows it.
        if (error instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo) {
            core.summary.addRaw(`### Plan not approved\n\nNo coding agent starts: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}\n`, true);
            await core.summary.write();
        }
        throw error;
    }
    const by = approval.approvedBy.join(', ');
    // Logins are GitHub's (letters, digits, hyphens, `[bot]`): safe in the log and in Markdown.
    core.info(`The plan was approved for the environment "${approval.environment}" by ${by}.`);
    core.setOutput('approved-by', by);
    core.summary.addRaw(`### Plan approved\n\nApproved for the environment ${(0,_render_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineCode */ .ti)(approval.environment)} by ` +
        `${approval.approvedBy.map((login) => `**${login}**`).join(', ')} ` +
        `(required reviewers: ${approval.reviewers.join(', ')}).\n`, true);
    await core.summary.write();
}


/***/ }),

/***/ 28805:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   Ie: () => (/* binding */ formatTimeLimit),
/* harmony export */   Q5: () => (/* binding */ normaliseOutput),
/* harmony export */   RT: () => (/* binding */ tail),
/* harmony export */   aJ: () => (/* binding */ stripAnsi),
/* harmony export */   sr: () => (/* binding */ clipExcerpt),
/* harmony export */   vh: () => (/* binding */ wholeCharEnd)
/* harmony export */ });
/**
 * Cutting and tidying plain text for reports, prompts and logs: one implementation of each cut.
 *
 * Lengths are JavaScript string lengths (UTF-16 code units), the unit the contracts' `max` limits
 * count, so a clipped field always passes its schema. A cut never splits a surrogate pair.
 *
 * Not here, on purpose: `truncateMarkdown` (render/markdown.ts) closes the code fences and
 * `<details>` it cuts through and counts bytes or characters, so it belongs with the Markdown
 * renderers.
 */
/** The end of the longest prefix of `text` no longer than `end` that does not split a surrogate pair. */
function wholeCharEnd(text, end) {
    const code = text.charCodeAt(end - 1);
    return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}
/** `text` when it has at most `max` characters; else its beginning and `…`, `max` characters in all. */
function clip(text, max) {
    if (text.length <= max)
        return text;
    return `${text.slice(0, wholeCharEnd(text, Math.max(0, max - 1)))}…`;
}
/** `text` without leading blank lines and trailing whitespace, then clipped to `max` characters. */
function clipExcerpt(text, max) {
    return clip(text.replace(/^\s*\n/, '').replace(/\s+$/, ''), max);
}
/**
 * The end of `text`: its last `max` characters after `…`, starting at a line start when one comes
 * within the first 200 of them; `text` itself when it is no longer than `max`.
 */
function tail(text, max) {
    if (text.length <= max)
        return text;
    let start = text.length - max;
    const code = text.charCodeAt(start);
    if (code >= 0xdc00 && code <= 0xdfff)
        start++;
    const cut = text.slice(start);
    const newline = cut.indexOf('\n');
    return `…${newline !== -1 && newline < 200 ? cut.slice(newline) : cut}`;
}
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-_]/g;
/** `text` without ANSI colour and cursor sequences. */
function stripAnsi(text) {
    return text.replace(ANSI, '');
}
/**
 * A command's output as it is parsed and shown: colours removed, line endings normalised, and the
 * `workspaces` directories (with a `file://` in front or not) removed from paths, so that the
 * names in two runs in different worktrees match.
 */
function normaliseOutput(output, workspaces = []) {
    let text = stripAnsi(output).replace(/\r\n?/g, '\n');
    for (const dir of workspaces) {
        if (!dir)
            continue;
        const prefix = `${dir.replace(/\/+$/, '')}/`;
        text = text.split(`file://${prefix}`).join('').split(prefix).join('');
    }
    return text;
}
/**
 * A configured time limit in words: `5 minutes`, `1.5 minutes`, `30 s`. (render/markdown.ts has
 * `formatDuration` for measured durations: `2 min 05 s`.)
 */
function formatTimeLimit(ms) {
    if (ms % 60_000 === 0)
        return `${ms / 60_000} minute${ms === 60_000 ? '' : 's'}`;
    return ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} minutes` : `${Math.round(ms / 1000)} s`;
}


/***/ })

};
