export const id = 6811;
export const ids = [6811];
export const modules = {

/***/ 88869:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ StoredConversation),
/* harmony export */   s: () => (/* binding */ CheckpointDocument)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(80737);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60574);
/* harmony import */ var _gate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37216);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(64980);




/**
 * A run that waits for a person: everything the next run needs to resume from the same point, so
 * that it depends on no artifact of this one. `requestHash` covers the issue's title and body
 * (not its comments, where the answers arrive), `run.configHash` the configuration: a resume from
 * a checkpoint whose request or configuration changed is refused.
 */
const CheckpointDocument = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .envelope */ .RE)('ensemble.checkpoint/v1', zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    waitingFor: zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(['answers', 'approval']),
    /**
     * When the run started waiting: a command or answer written before it was about something
     * else (an earlier plan, earlier questions) and is refused, so nobody approves a plan unseen.
     */
    waitingSince: _gate_js__WEBPACK_IMPORTED_MODULE_1__/* .Timestamp */ .Dc,
    /**
     * `waiting` until a run continues from it (`resumed`), someone stops it (`stopped`), or a
     * new run on the issue takes its place (`replaced`).
     */
    status: zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(['waiting', 'resumed', 'stopped', 'replaced']),
    /** Who settled it and in which run, once it is no longer waiting. */
    settled: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ by: _gate_js__WEBPACK_IMPORTED_MODULE_1__/* .Login */ .az, at: _gate_js__WEBPACK_IMPORTED_MODULE_1__/* .Timestamp */ .Dc, runId: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().min(1).max(200) })
        .strict()
        .nullable(),
    request: _plan_js__WEBPACK_IMPORTED_MODULE_2__/* .RequestSnapshot */ .ap,
    requestHash: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .Sha256Hex */ .P,
    gate: _gate_js__WEBPACK_IMPORTED_MODULE_1__/* .GateRecord */ .NT,
    /** The plan awaiting approval; null while waiting for answers. */
    plan: _plan_js__WEBPACK_IMPORTED_MODULE_2__/* .PlanBody */ .Yq.nullable(),
    /** The planning agent's conversation is stored beside the document (`conversation.json`) when it fits. */
    conversation: zod__WEBPACK_IMPORTED_MODULE_3__/* .boolean */ .zMY(),
})
    .strict()
    .refine((c) => (c.waitingFor === 'approval') === (c.plan !== null), {
    message: 'a checkpoint waiting for approval carries its plan, and one waiting for answers none',
    path: ['plan'],
}));
/**
 * The planning agent's conversation as stored beside a checkpoint (`conversation.json`), read back:
 * user, assistant and tool messages with string or part-list content. The parts are the AI SDK's
 * own and go back to it unchanged; anything else is refused.
 */
const StoredConversation = zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    role: zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(['user', 'assistant', 'tool']),
    // Only the parts a planner's conversation has: no file or image part the SDK would fetch.
    content: zod__WEBPACK_IMPORTED_MODULE_3__/* .union */ .KCZ([
        zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({ type: zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(['text', 'reasoning', 'tool-call', 'tool-result']) })),
    ]),
})
    .loose())
    .max(2_000);


/***/ }),

/***/ 60574:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Js: () => (/* binding */ repoPathProblem),
/* harmony export */   LD: () => (/* binding */ TaskId),
/* harmony export */   P: () => (/* binding */ Sha256Hex),
/* harmony export */   RE: () => (/* binding */ envelope),
/* harmony export */   UA: () => (/* binding */ RepoPath),
/* harmony export */   Ug: () => (/* binding */ NonEmptyText),
/* harmony export */   p$: () => (/* binding */ GitSha),
/* harmony export */   wQ: () => (/* binding */ noModelUsage)
/* harmony export */ });
/* unused harmony exports RunIdentity, Usage, emptyUsage, schemaId */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(80737);
/* harmony import */ var _task_id_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15170);


/** Lowercase hex SHA-1 (40) or SHA-256 (64) object name, as git prints it. */
const GitSha = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/, 'must be a full lowercase git commit SHA (40 or 64 hex characters)');
const Sha256Hex = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest (64 lowercase hex characters)');
/**
 * A path inside the repository, as git writes it: relative, forward slashes, no `..` segment.
 * Artifacts come from other jobs, so a path that could escape the checkout is refused here,
 * before any stage touches the file system.
 */
const RepoPath = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .min(1, 'must not be empty')
    .max(4096)
    .superRefine((path, ctx) => {
    const problem = repoPathProblem(path);
    if (problem)
        ctx.addIssue({ code: 'custom', message: problem, input: path });
});
/**
 * Why `path` is not a repository path, or null. One reason per path: `/etc/passwd` is "not
 * relative", not also "has an empty segment". The empty string is left to `RepoPath`'s `min(1)`.
 */
function repoPathProblem(path) {
    if (path === '')
        return null;
    if (path.startsWith('/') || /^[A-Za-z]:/.test(path))
        return 'must be relative to the repository root';
    if (path.includes('\\'))
        return 'must use forward slashes';
    if (path.includes('\0'))
        return 'must not contain NUL';
    const segments = path.split('/');
    if (segments.some((s) => s === '..' || s === '.' || s === ''))
        return 'must not contain empty, "." or ".." segments';
    // Git never tracks a `.git` entry (any case); a path into it could plant hooks or config that run later.
    if (segments.some((s) => s.toLowerCase() === '.git'))
        return 'must not point into a ".git" directory';
    return null;
}
/** A task id: {@link TASK_ID_PATTERN}. */
const TaskId = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(_task_id_js__WEBPACK_IMPORTED_MODULE_1__/* .TASK_ID_PATTERN */ .F, 'must be 1-40 characters of a-z, 0-9 and "-", starting with a letter or digit');
const NonEmptyText = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().trim().min(1, 'must not be empty');
/** Who and what a document belongs to; every artifact of one pipeline run carries the same identity. */
const RunIdentity = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    repository: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'must be "owner/name"'),
    runId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(200),
    issue: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().nullable(),
    promptHash: Sha256Hex.nullable(),
    baseSha: GitSha,
    configHash: Sha256Hex,
})
    .strict()
    .refine((r) => (r.issue === null) !== (r.promptHash === null), {
    message: 'exactly one of "issue" and "promptHash" must be set',
    path: ['issue'],
});
const TokenCount = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative();
/** Model usage of the stage that produced a document. `costUsd` is null when no price is known: never a guess. */
const Usage = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    model: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    calls: TokenCount,
    inputTokens: TokenCount,
    outputTokens: TokenCount,
    cacheReadTokens: TokenCount,
    cacheWriteTokens: TokenCount,
    costUsd: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative().nullable(),
    durationMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative(),
})
    .strict();
function emptyUsage(model = '') {
    return {
        model,
        calls: 0,
        inputTokens: 0,
        outputTokens: 0,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        costUsd: null,
        durationMs: 0,
    };
}
/** The usage of work that called no model (publish, a task that never started): it cost nothing. */
function noModelUsage() {
    return { ...emptyUsage(), costUsd: 0 };
}
/** `ensemble.<kind>/v<version>` */
function schemaId(kind, version) {
    return `ensemble.${kind}/v${version}`;
}
/** The envelope every artifact document shares, with the document's own fields beside it. */
function envelope(id, body) {
    const document = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(id),
        run: RunIdentity,
        usage: Usage,
    })
        .extend(body.shape)
        .strict();
    // `.shape` carries the fields only: re-attach the body's own refinements (a plan's task-graph
    // checks). The body's fields sit at the document's root, so their issue paths stay right.
    // The checks are typed against the body's output, which the document's output extends.
    const checks = (body._zod.def.checks ?? []);
    return checks.length > 0 ? document.check(...checks) : document;
}


/***/ }),

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

/***/ 66811:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DOCUMENTS: () => (/* binding */ DOCUMENTS),
  DOCUMENT_NAMES: () => (/* binding */ DOCUMENT_NAMES)
});

// EXTERNAL MODULE: ./lib/contracts/checkpoint.js
var checkpoint = __webpack_require__(88869);
// EXTERNAL MODULE: ./lib/contracts/docs.js
var docs = __webpack_require__(5232);
// EXTERNAL MODULE: ./lib/contracts/fix.js
var fix = __webpack_require__(25340);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 1 modules
var schemas = __webpack_require__(80737);
// EXTERNAL MODULE: ./lib/contracts/common.js
var common = __webpack_require__(60574);
// EXTERNAL MODULE: ./lib/contracts/review.js
var review = __webpack_require__(88935);
;// CONCATENATED MODULE: ./lib/contracts/follow-up.js



/**
 * A review thread on the pull request that a follow-up run's fix round was given: the finding it
 * is, where to reply, and whose it is. ensemble resolves its own threads once a re-review no
 * longer reports them; a person's thread is answered and left for that person to resolve.
 */
const FollowUpThread = schemas/* object */.Ikc({
    findingId: review/* FindingId */.VJ,
    /** GraphQL node id of the thread (for `resolveReviewThread`). */
    threadId: schemas/* string */.YjP().min(1).max(200),
    /** REST id of the thread's root comment (replies go to it). */
    commentId: schemas/* number */.aig().int().positive(),
    by: schemas/* enum */.k5n(['ensemble', 'person']),
    /** The login of the person who opened the thread; null for ensemble's. */
    author: schemas/* string */.YjP().max(100).nullable(),
    path: common/* RepoPath */.UA,
    line: schemas/* number */.aig().int().positive().nullable(),
})
    .strict();
/** A repair of the repository's CI on ensemble's pull request: what failed on which head, and the attempt. */
const CiRepair = schemas/* object */.Ikc({
    /** The head whose checks failed (`pull.headSha`). */
    headSha: common/* GitSha */.p$,
    /** The failed checks being repaired, by name. */
    checks: schemas/* array */.YOg(schemas/* string */.YjP().min(1).max(200)).min(1).max(50),
    /** The failures' signature (`ci/failure.ts`): the same failure of the same head is repaired once. */
    signature: schemas/* string */.YjP().regex(/^C[0-9a-f]{12}$/),
    /** This repair's number on the pull request, and the most `ci.max-attempts` allows. */
    attempt: schemas/* number */.aig().int().positive(),
    maxAttempts: schemas/* number */.aig().int().positive(),
})
    .strict();
/**
 * A merge of the base branch into ensemble's branch, after the base moved and the pull request no
 * longer merged cleanly: the run's base is the base branch's new commit, its change the merge with
 * conflict markers in `conflicts`, which the fix round resolves; the publisher pushes one merge
 * commit (parents: the head, then `baseSha`). Never a rebase: people's commits stay as they are.
 */
const BaseMerge = schemas/* object */.Ikc({
    /** The base branch's name and the commit of it that is merged. */
    base: schemas/* string */.YjP().min(1).max(255),
    baseSha: common/* GitSha */.p$,
    /** Files the merge left conflict markers in. */
    conflicts: schemas/* array */.YOg(common/* RepoPath */.UA).min(1).max(200),
})
    .strict();
/**
 * A follow-up run on a pull request ensemble opened: what started it and the state it starts from.
 * The respond action writes it with the run's first-pass documents (the stored plan and test
 * report, the open findings as reviews, `change.patch` from the base to the pull request's head);
 * the fix job takes its instructions from it, and the publisher pushes onto `pull.headSha` only.
 */
const FollowUpDocument = (0,common/* envelope */.RE)('ensemble.follow-up/v1', schemas/* object */.Ikc({
    pull: schemas/* object */.Ikc({
        number: schemas/* number */.aig().int().positive(),
        branch: schemas/* string */.YjP().regex(/^ensemble\/[A-Za-z0-9._/-]+$/, 'must be a branch under "ensemble/"'),
        /** The head the run builds on: people's commits on it are kept, never rewritten. */
        headSha: common/* GitSha */.p$,
        url: schemas/* url */.OZ5({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    })
        .strict(),
    trigger: schemas/* object */.Ikc({
        event: schemas/* enum */.k5n([
            'push',
            'pull_request_review',
            'pull_request_review_comment',
            'issue_comment',
            'workflow_run',
            'check_suite',
            'local',
        ]),
        /** Who asked, as GitHub names them; for a CI repair, the app whose check failed. */
        author: schemas/* string */.YjP().min(1).max(100),
        via: schemas/* enum */.k5n(['changes-requested', 'command', 'ci', 'conflict', 'local']),
        /**
         * Where ensemble answers: the comment or review that asked; for a CI repair, the failed
         * workflow run or check suite (one repair per run).
         */
        source: schemas/* object */.Ikc({
            kind: schemas/* enum */.k5n([
                'issue-comment',
                'review',
                'review-comment',
                'workflow-run',
                'check-suite',
                'base-push',
                'local',
            ]),
            id: schemas/* number */.aig().int().nonnegative(),
        })
            .strict(),
    })
        .strict(),
    /** A person's instructions (the command's text or the review's body); untrusted. */
    instructions: schemas/* string */.YjP().max(20_000).nullable(),
    threads: schemas/* array */.YOg(FollowUpThread).max(500),
    /** For a repair of the repository's CI: what failed, and which attempt this is. */
    ci: CiRepair.nullable().default(null),
    /** For a merge of the base branch that conflicted: what is merged, and where it conflicts. */
    merge: BaseMerge.nullable().default(null),
    /** The run whose stored state this one continues (`refs/ensemble/state/…`). */
    continues: schemas/* object */.Ikc({
        runId: schemas/* string */.YjP().min(1).max(200),
        stateCommit: common/* GitSha */.p$,
    })
        .strict(),
})
    .strict());

// EXTERNAL MODULE: ./lib/contracts/plan.js
var plan = __webpack_require__(64980);
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
    'follow-up': {
        kind: 'follow-up',
        version: 1,
        // Written by the respond job of a follow-up run; the fix and publish jobs read it.
        producer: 'respond',
        file: 'follow-up.json',
        artifact: 'ensemble-follow-up',
        schema: FollowUpDocument,
    },
    checkpoint: {
        kind: 'checkpoint',
        version: 1,
        // Written by the plan job of a run that waits for a person; publish stores it under refs/ensemble/.
        producer: 'plan',
        file: 'checkpoint.json',
        artifact: 'ensemble-plan',
        schema: checkpoint/* CheckpointDocument */.s,
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

/***/ 37216:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dc: () => (/* binding */ Timestamp),
/* harmony export */   NT: () => (/* binding */ GateRecord),
/* harmony export */   Te: () => (/* binding */ MAX_PERSON_TEXT),
/* harmony export */   WB: () => (/* binding */ QuestionsBody),
/* harmony export */   az: () => (/* binding */ Login),
/* harmony export */   gZ: () => (/* binding */ MAX_REVISIONS),
/* harmony export */   mn: () => (/* binding */ MAX_ANSWERS_PER_ROUND),
/* harmony export */   vN: () => (/* binding */ Question)
/* harmony export */ });
/* unused harmony exports QuestionId, Answer, QuestionRound, Approval, Revision */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80737);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(64377);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60574);
/**
 * The gates where a run waits for a person: the planning agent's questions, and the approval of a
 * plan. A waiting run leaves a checkpoint (`CheckpointDocument`, `checkpoint.ts`) that the next
 * run, started by a person's answer or command, reads, verifies and resumes from.
 */


/** The most of one person's text (an answer, revision instructions) a gate keeps; longer text is cut. */
const MAX_PERSON_TEXT = 20_000;
/** Answers one round of questions keeps. */
const MAX_ANSWERS_PER_ROUND = 50;
/** Revisions one request takes. */
const MAX_REVISIONS = 20;
/** A GitHub login, or `local` for a person at the terminal. */
const Login = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).max(100);
const Timestamp = zod__WEBPACK_IMPORTED_MODULE_2__/* .datetime */ .w$({ offset: true });
const QuestionId = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1-40 characters of a-z, 0-9 and "-", starting with a letter or digit');
const Question = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: QuestionId.describe('A short kebab-case id, e.g. "units".'),
    question: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(2_000).describe('The question, specific enough to answer in a sentence or two.'),
    why: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(2_000).describe('Why the answer matters: what the plan would do differently.'),
    options: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(500))
        .max(10)
        .default([])
        .describe('The answers you see, when you can name them (empty when it is open).'),
})
    .strict();
/** What the planning agent submits instead of a plan when the request is unclear. */
const QuestionsBody = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    findings: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000).describe('What you learned from the repository so far (where the change goes, how it fits): kept for when you plan.'),
    questions: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(Question).min(1, 'ask at least one question').max(10, 'ask at most 10 questions'),
})
    .strict()
    .superRefine((body, ctx) => {
    const seen = new Set();
    body.questions.forEach((q, i) => {
        if (seen.has(q.id))
            ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id "${q.id}"` });
        seen.add(q.id);
    });
});
/** A person's answer: a comment on the issue, `/ensemble answer …`, or the terminal. Untrusted text. */
const Answer = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    by: Login,
    at: Timestamp,
    text: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(MAX_PERSON_TEXT),
    via: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['comment', 'command', 'local']),
    /** The issue comment, when it came from one. */
    commentId: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().positive().nullable(),
})
    .strict();
/** One round of questions and the answers that came back (none yet while the run waits). */
const QuestionRound = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    askedAt: Timestamp,
    findings: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(20_000),
    questions: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(Question).min(1).max(10),
    answers: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(Answer).max(MAX_ANSWERS_PER_ROUND),
})
    .strict();
/** Who approved the plan, and how. */
const Approval = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    by: Login,
    at: Timestamp,
    via: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['comment', 'local']),
})
    .strict();
/** A `/ensemble revise …` request: the plan was made again with these instructions. */
const Revision = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ by: Login, at: Timestamp, instructions: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(MAX_PERSON_TEXT) }).strict();
/** What the gates did before this plan: carried in the plan document, shown in the pull request. */
const GateRecord = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    rounds: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(QuestionRound).max(10).default([]),
    revisions: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(Revision).max(MAX_REVISIONS).default([]),
    approval: Approval.nullable().default(null),
    /** The checkpoint this run resumed from (`refs/ensemble/checkpoints/…`); null when it waited on none. */
    resumedFrom: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ runId: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).max(200), commit: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .GitSha */ .p$ })
        .strict()
        .nullable()
        .default(null),
})
    .strict();


/***/ }),

/***/ 64980:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yq: () => (/* binding */ PlanBody),
/* harmony export */   ap: () => (/* binding */ RequestSnapshot),
/* harmony export */   t3: () => (/* binding */ PlanDocument)
/* harmony export */ });
/* unused harmony exports MAX_PLAN_TASKS, PlanTask */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(80737);
/* harmony import */ var _plan_graph_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(18703);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60574);
/* harmony import */ var _gate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37216);




/** GitHub caps a job output at 1 MB and a matrix at 256 legs; the config's own task limit sits far below. */
const MAX_PLAN_TASKS = 256;
const PlanTask = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    id: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .TaskId */ .LD,
    title: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(200),
    description: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000),
    acceptanceCriteria: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(2_000))
        .min(1, 'every task needs at least one acceptance criterion')
        .max(50),
    files: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoPath */ .UA).max(500).describe('Files this task owns: it may create, edit or delete them.'),
    reads: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .RepoPath */ .UA).max(500).default([]).describe('Files this task may read for context.'),
    dependsOn: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .TaskId */ .LD).max(MAX_PLAN_TASKS).default([]),
})
    .strict();
/** What the planning agent submits. */
const PlanBody = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    summary: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000),
    tasks: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(PlanTask).min(1, 'a plan needs at least one task').max(MAX_PLAN_TASKS),
    testStrategy: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(20_000),
    risks: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(_common_js__WEBPACK_IMPORTED_MODULE_0__/* .NonEmptyText */ .Ug.max(2_000)).max(50).default([]),
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
    const cycle = (0,_plan_graph_js__WEBPACK_IMPORTED_MODULE_3__/* .findDependencyCycle */ .F1)(plan.tasks.map((t) => ({ id: t.id, dependsOn: t.dependsOn.filter((dep) => dep !== t.id) })));
    if (cycle) {
        ctx.addIssue({ code: 'custom', path: ['tasks'], message: `dependency cycle: ${cycle.join(' -> ')}` });
    }
});
/**
 * The request the run works on, snapshotted once when the plan is made (hidden content already
 * stripped) so that later stages never read the live issue, which anyone may edit.
 */
const RequestSnapshot = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    source: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['issue', 'prompt']),
    issue: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().positive().nullable(),
    title: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().max(1_000),
    body: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().max(262_144),
    author: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().nullable(),
    comments: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ author: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), body: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().max(65_536), createdAt: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() }).strict())
        .max(100)
        .default([]),
    /**
     * Comments of the issue left out to keep the request within its bounds (`boundedComments`):
     * the oldest ones. Their count, so that every reader can say that some were.
     */
    omittedComments: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().nonnegative().default(0),
    hash: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .Sha256Hex */ .P,
})
    .strict()
    .refine((r) => (r.source === 'issue') === (r.issue !== null), {
    message: 'an issue request needs its issue number, and a prompt request has none',
    path: ['issue'],
});
const PlanDocument = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .envelope */ .RE)('ensemble.plan/v1', PlanBody.extend({
    request: RequestSnapshot,
    /** The questions asked and answered, revisions and the approval before this plan; null: no gate waited. */
    gate: _gate_js__WEBPACK_IMPORTED_MODULE_1__/* .GateRecord */ .NT.nullable().default(null),
})).refine((doc) => doc.request.issue === doc.run.issue, {
    message: 'the request snapshot is of another issue than the run',
    path: ['request', 'issue'],
});


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
/* harmony export */   aW: () => (/* binding */ PERSON_SOURCE),
/* harmony export */   d1: () => (/* binding */ EXTERNAL_SOURCES),
/* harmony export */   du: () => (/* binding */ isAtLeast),
/* harmony export */   lp: () => (/* binding */ CI_SOURCE),
/* harmony export */   vV: () => (/* binding */ CONFLICT_SOURCE),
/* harmony export */   wI: () => (/* binding */ Finding)
/* harmony export */ });
/* unused harmony export CriterionCheck */
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
/** The source of a finding a person made (a review comment on the pull request), as a lens name. */
const PERSON_SOURCE = 'human';
/** The source of a finding the repository's CI made (a failed check on the pull request), as a lens name. */
const CI_SOURCE = 'ci';
/** The source of the findings of a merge of the base branch that conflicted, as a lens name. */
const CONFLICT_SOURCE = 'conflicts';
/**
 * Sources of findings no review lens makes: a follow-up run's first pass carries them in reviews of
 * their own, so no configured lens may take these names.
 */
const EXTERNAL_SOURCES = [PERSON_SOURCE, CI_SOURCE, CONFLICT_SOURCE];
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


/***/ })

};
