export const id = 6646;
export const ids = [6646];
export const modules = {

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

/***/ 86646:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RUN_RESULT_SCHEMA: () => (/* binding */ RUN_RESULT_SCHEMA),
/* harmony export */   RunResult: () => (/* binding */ RunResult)
/* harmony export */ });
/* unused harmony exports RunOutcome, RunStageResult, RunTaskResult, RunTestResult, RunReviewResult, RunDocsResult, RunSetupResult, RunFixRound, RunFixResult, RunGateRound, RunGateResult, RunWaiting */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(80737);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60574);
/* harmony import */ var _gate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37216);
/* harmony import */ var _review_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88935);
/* harmony import */ var _stages_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(10784);
/* harmony import */ var _task_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(65090);
/* harmony import */ var _test_report_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(22402);







/**
 * What `ensemble run --json` prints: the outcome a script can act on, and why. Not an artifact
 * (no stage reads it); versioned like one so that scripts can rely on its shape. The exit code
 * each outcome maps to is `runtime/local/exit-codes.ts`'s.
 */
const RUN_RESULT_SCHEMA = 'ensemble.run-result/v1';
const RunOutcome = zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['green', 'not-green', 'no-branch', 'waiting'])
    .describe('green: everything asked for was done and is green (exit 0); not-green: the run finished but something ' +
    'needs a look, listed in `problems` (exit 3); no-branch: the run failed or made no change (exit 1); ' +
    "waiting: the plan waits for answers to the planning agent's questions or for approval, and nothing " +
    'was coded (exit 4; `waiting` says how to continue)');
const Count = zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().nonnegative().nullable().describe('null when the output did not say');
const Line = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().max(20_000);
const RunStageResult = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    stage: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(_stages_js__WEBPACK_IMPORTED_MODULE_6__/* .STAGE_NAMES */ .y),
    status: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['done', 'failed', 'skipped', 'waiting'])
        .describe('Whether the stage did its job (the pipeline row); waiting: the plan waits for a person'),
    result: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()
        .max(20)
        .describe('What it came to, in one word: passed/failed/error/no-tests (test), approve/comment/blocking ' +
        '(review), updated/no-change (docs), partial (code: a task did not finish), else the status'),
    durationMs: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().nonnegative(),
    tokens: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().nonnegative(),
    costUsd: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().nonnegative().nullable(),
    detail: Line,
})
    .strict();
const RunTaskResult = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    id: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .TaskId */ .LD,
    result: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['integrated', 'not-integrated', 'failed', 'no-change', 'not-run'])
        .describe('integrated: the task is in the change; not-integrated: done, but its patch was left out'),
    status: _task_js__WEBPACK_IMPORTED_MODULE_3__/* .TaskStatus */ .e1.nullable().describe('What the coding agent reported; null when it did not run'),
    integration: _test_report_js__WEBPACK_IMPORTED_MODULE_4__/* .IntegrationResult */ .mK.shape.result.nullable().describe('null when integration did not run'),
    conflictingFiles: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()),
    detail: Line,
})
    .strict();
const RunTestResult = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    status: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['passed', 'failed', 'error', 'no-tests', 'not-run'])
        .describe('not-run: the test stage was switched off or the run stopped before it (see detail)'),
    command: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().nullable(),
    passed: Count,
    failed: Count,
    introduced: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()).describe('Failing tests that pass at the base: the change broke them'),
    atBase: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()).describe('Failing tests that fail at the base already'),
    unchecked: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()).describe('Failing tests not run at the base'),
    fixAttempts: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().nonnegative(),
    detail: Line,
})
    .strict();
const RunReviewResult = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    verdict: _review_js__WEBPACK_IMPORTED_MODULE_2__/* .Verdict */ .Y.nullable().describe('The combined verdict of every lens; null when no review ran'),
    blockOn: _review_js__WEBPACK_IMPORTED_MODULE_2__/* .Severity */ .AI,
    blocking: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().nonnegative().describe('Findings at or above `blockOn`'),
    findings: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().nonnegative(),
    incomplete: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()).describe('Lenses whose agent did not complete'),
    detail: Line,
})
    .strict();
const RunDocsResult = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    status: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['updated', 'no-change', 'failed', 'not-run']),
    detail: Line,
})
    .strict();
const RunSetupResult = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    status: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['done', 'failed', 'none', 'not-run'])
        .describe('done: installed; failed: a command failed and the run stopped before any model call; none: nothing to install'),
    source: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['configuration', 'detected', 'none'])
        .nullable()
        .describe('Whether the commands are `setup` from the configuration or were detected; null when not run'),
    reason: Line.describe('Why these commands: "package-lock.json found", "`setup` in the configuration"'),
    commands: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()),
    testCommand: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().nullable().describe('The test command the run uses, configured or detected'),
    testCommandReason: Line,
    failure: zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
        command: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
        exitCode: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().nullable().describe('null when the command was killed (timeout, signal)'),
        timedOut: zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY(),
        output: Line.describe('The last lines of its output'),
    })
        .strict()
        .nullable(),
    durationMs: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().nonnegative(),
})
    .strict();
const RunFixRound = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    round: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().positive(),
    status: _task_js__WEBPACK_IMPORTED_MODULE_3__/* .TaskStatus */ .e1.describe('What the fixing agent reported: done, no-change or failed'),
    taken: zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY().describe('Whether the change now includes the round (re-tested, and the tests not made worse)'),
    given: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()).describe('The ids of the findings the round was given'),
    fixed: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()).describe('Of those, the ones its re-review no longer reports'),
    remaining: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()).describe('Of those, the ones its re-review still reports'),
    test: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['passed', 'failed', 'no-tests', 'error'])
        .nullable()
        .describe('The re-test; null when the round was not re-tested'),
    detail: Line,
})
    .strict();
const RunFixResult = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    rounds: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(RunFixRound),
    stopped: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().nullable().describe('Why the loop stopped; null when no round was needed'),
})
    .strict();
const RunGateRound = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    asked: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()).describe("The ids of the planning agent's questions, in order"),
    answered: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), via: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['file', 'terminal']) }).strict())
        .describe('The questions answered, and where from: the `--answers` file or the terminal'),
    unanswered: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()).describe('The questions nobody answered (the planner plans without them)'),
    unmatched: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP())
        .describe('Keys of the `--answers` file that match no question of this round; given to the planner as such'),
})
    .strict();
const RunGateResult = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    rounds: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(RunGateRound).describe("Rounds of the planning agent's questions, the last one possibly waiting"),
    revisions: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().nonnegative().describe('Times the plan was made again on request, at the prompt'),
    approval: zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({ by: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), ahead: zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY().describe('given with `--approve`, before the plan was made') })
        .strict()
        .nullable()
        .describe('Who approved the plan; null when no approval was needed or given'),
})
    .strict();
const RunWaiting = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    waitingFor: zod__WEBPACK_IMPORTED_MODULE_5__/* ["enum"] */ .k5n(['answers', 'approval']),
    questions: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(_gate_js__WEBPACK_IMPORTED_MODULE_1__/* .Question */ .vN)
        .describe("The planning agent's questions left unanswered (its last round); empty when waiting for approval"),
    plan: zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
        summary: Line,
        tasks: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({ id: _common_js__WEBPACK_IMPORTED_MODULE_0__/* .TaskId */ .LD, title: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP() }).strict()),
    })
        .strict()
        .nullable()
        .describe('The plan that waits for approval; null when waiting for answers'),
    checkpoint: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().describe('The checkpoint document: the questions or the plan, in full'),
    answersFile: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()
        .nullable()
        .describe('A file to fill in and pass with `--answers`: every question asked so far, with the answers given; ' +
        'null when no question was asked'),
    next: Line.describe('How to continue: what to run, with which options'),
})
    .strict();
const RunResult = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    schema: zod__WEBPACK_IMPORTED_MODULE_5__/* .literal */ .euz(RUN_RESULT_SCHEMA),
    outcome: RunOutcome,
    exitCode: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().min(0).max(255).describe('The exit code of `ensemble run` (0, 1, 3 or 4)'),
    verdict: Line.describe('One line: the outcome and what the exit code means'),
    problems: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(Line).describe('Everything that is not green, one line each; empty when green'),
    runId: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
    runDir: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
    branch: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().nullable(),
    prFile: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().nullable(),
    reviewFile: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().nullable(),
    /** Why the run made no branch, when it made none. */
    error: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().nullable(),
    setup: RunSetupResult.describe('The dependency install, once per run before any model call'),
    stages: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(RunStageResult),
    tasks: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(RunTaskResult),
    test: RunTestResult,
    review: RunReviewResult,
    docs: RunDocsResult,
    fix: RunFixResult.describe('The review → fix rounds after the first review, as the PR body shows them'),
    gate: RunGateResult.describe("The planning agent's questions and their answers, revisions and the approval"),
    waiting: RunWaiting.nullable().describe('What the run waits for and how to continue; null unless `waiting`'),
})
    .strict();


/***/ }),

/***/ 10784:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AGENT_STAGES: () => (/* binding */ AGENT_STAGES),
/* harmony export */   y: () => (/* binding */ STAGE_NAMES)
/* harmony export */ });
/* unused harmony export isAgentStage */
/**
 * The stage vocabulary every contract shares: the pipeline's stages in order, and which of them
 * run an agent. What each stage reads, writes and yields when it does not run is the pipeline
 * table (`src/pipeline/stages.ts`); this file only names them, so that documents can say which
 * stage produced them without the contracts knowing how stages run.
 */
const STAGE_NAMES = ['plan', 'code', 'test', 'review', 'docs', 'fix', 'publish'];
/** The stages that run an agent (publish is deterministic code); each has a model, a budget and a config section. */
const AGENT_STAGES = ['plan', 'code', 'test', 'review', 'docs', 'fix'];
function isAgentStage(stage) {
    return AGENT_STAGES.includes(stage);
}


/***/ }),

/***/ 15170:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ TASK_ID_PATTERN),
/* harmony export */   v: () => (/* binding */ LENS_NAME)
/* harmony export */ });
/**
 * Task ids appear in artifact names, matrix legs, branch trailers and file names. Apart from the
 * schemas (`TaskId` in common.ts) so that an action's input check does not load zod.
 */
const TASK_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** A review lens's name (`LensName` in config.ts), here for the same reason. */
const LENS_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;


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


/***/ })

};
