export const id = 7752;
export const ids = [7752];
export const modules = {

/***/ 21236:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lw: () => (/* binding */ runFixRound),
/* harmony export */   So: () => (/* binding */ runFixRounds),
/* harmony export */   X_: () => (/* binding */ fixLoopOf)
/* harmony export */ });
/* unused harmony export readFixRounds */
/* harmony import */ var _artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40963);
/* harmony import */ var _contracts_documents_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66811);
/* harmony import */ var _review_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(59039);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99661);
/* harmony import */ var _run_stage_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76593);
/**
 * The review → fix loop: while the review blocks, a fix round (the fix stage), a re-test and a
 * re-review, each in the round's run directory, up to `stages.fix.max-rounds`; a person's
 * instructions (a follow-up run's) start the first round even when nothing blocks. What a loop did
 * is read back from the documents (`fixLoopOf`), so the local run, `ensemble stage publish` and
 * the GitHub publisher all tell the same rounds the same way.
 */





/**
 * Runs fix rounds while the review of the change as it stands blocks, after the rounds the run
 * directory already holds, until `stages.fix.max-rounds` rounds in all; every stop says why.
 */
async function runFixRounds(session, unit, asked = { instructions: null }) {
    const { config } = session.ctx;
    for (let first = true;; first = false) {
        const loop = fixLoopOf(session.runDir, config);
        // A person's instructions are a reason for the first round even when no finding blocks.
        const instructions = first ? asked.instructions : null;
        // `describeFixLoop` decides whether another round is due, and says why not when it is not.
        if (!loop.mayContinue && instructions === null)
            return loop;
        const round = (session.runDir.rounds().at(-1) ?? 0) + 1;
        const spent = budgetSpent(config, spentSoFar(session));
        if (spent)
            return { ...loop, stopped: `${spent}, ${(0,_review_index_js__WEBPACK_IMPORTED_MODULE_2__/* .blockingLeft */ .je)(loop.blocking)}` };
        const problem = await runFixRound(session, unit, { stage: 'fix', round, instructions });
        if (problem)
            return { ...fixLoopOf(session.runDir, config), stopped: `fix round ${round}: ${problem}` };
    }
}
/**
 * One fix round: the fixing agent, then the re-test and the re-review of the change with its fix.
 * Returns why the round could not be completed when that was not the fixing agent's own outcome
 * (which its document tells), else null.
 */
async function runFixRound(_session, unit, fix) {
    const fixed = await unit(fix);
    if (fixed.documents.fix?.status !== 'done')
        return null;
    try {
        const test = await unit({ stage: 'test', round: fix.round });
        if (test.status === 'failed')
            return `the re-test failed: ${test.summary}`;
        await unit({ stage: 'review', round: fix.round });
        return null;
    }
    catch (error) {
        return `the re-test or re-review failed: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}`;
    }
}
/**
 * What the run has spent: this process's ledger, or the documents of the run directory when they
 * tell more (a job on GitHub holds only its own calls; the jobs before it left their usage in
 * their documents).
 */
function spentSoFar(session) {
    const ledger = session.ctx.ledger.runTotals();
    const { runDir } = session;
    const plan = (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_4__.readPlan)(runDir);
    const rounds = runDir.rounds();
    // The documents only: the patches beside them may be large and say nothing of usage.
    const present = (kind, artifact) => runDir.hasArtifact(artifact, _contracts_documents_js__WEBPACK_IMPORTED_MODULE_1__.DOCUMENTS[kind].file)
        ? runDir.readDocument(kind, artifact, _contracts_documents_js__WEBPACK_IMPORTED_MODULE_1__.DOCUMENTS[kind].file).usage
        : undefined;
    const usages = [
        plan.usage,
        ...plan.tasks.map((task) => present('task', _artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__.ARTIFACTS.code(task.id))),
        present('docs', _artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__.ARTIFACTS.docs),
        ...[runDir, ...rounds.map((round) => runDir.round(round))].flatMap((dir) => [
            (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_4__.readTest)(dir)?.usage,
            ...dir.reviews().map((review) => review.usage),
        ]),
        ...rounds.map((round) => runDir.fix(round).document.usage),
    ];
    const documents = { tokens: 0, costUsd: 0 };
    for (const usage of usages) {
        if (!usage)
            continue;
        documents.tokens += usage.inputTokens + usage.outputTokens;
        documents.costUsd = documents.costUsd === null || usage.costUsd === null ? null : documents.costUsd + usage.costUsd;
    }
    const fromLedger = { tokens: ledger.inputTokens + ledger.outputTokens, costUsd: ledger.costUsd };
    return documents.tokens > fromLedger.tokens ? documents : fromLedger;
}
/** Why the run may start no other round: its token or cost budget is spent; null while it may. */
function budgetSpent(config, spent) {
    const { tokens, usd } = config.budgets.run;
    const used = spent.tokens;
    if (tokens !== null && used >= tokens)
        return `the run's token budget (${tokens}) is spent (${used} used)`;
    if (usd !== null && spent.costUsd !== null && spent.costUsd >= usd) {
        return `the run's cost budget ($${usd}) is spent ($${spent.costUsd.toFixed(4)} used)`;
    }
    return null;
}
/** The loop as the run directory tells it (`describeFixLoop`). */
function fixLoopOf(runDir, config) {
    return (0,_review_index_js__WEBPACK_IMPORTED_MODULE_2__/* .describeFixLoop */ .NQ)({
        test: (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_4__.readTest)(runDir),
        reviews: (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_4__.readReviews)(runDir),
        rounds: readFixRounds(runDir),
        blockOn: config.review['block-on'],
        maxRounds: config.stages.fix['max-rounds'],
    });
}
/** Every fix round's documents in the run directory, in order. */
function readFixRounds(runDir) {
    return runDir.rounds().map((round) => runDir.fixRound(round));
}


/***/ }),

/***/ 87752:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   reportStage: () => (/* binding */ reportStage)
/* harmony export */ });
/* harmony import */ var _artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40963);
/* harmony import */ var _pipeline_fix_loop_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21236);
/* harmony import */ var _pipeline_run_stage_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76593);
/* harmony import */ var _render_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14059);
/* harmony import */ var _review_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(59039);
/* harmony import */ var _workspace_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(30514);
/**
 * What a stage's job tells GitHub once the stage ran: its outputs, its step summary and, when it
 * did not do what it promises, the step's failure. The stage actions and the all-in-one job report
 * through the same function, so a stage reads the same on GitHub however it was scheduled.
 */






/** Sets the stage's outputs, writes its step summary and fails the step when the stage failed. */
async function reportStage(core, report) {
    // A review or docs stage with nothing to do made no document; a skipped task or an integration
    // without tests did, and is reported like any other.
    const nothingMade = report.outcomes.every((o) => o.status === 'skipped' && o.artifacts.length === 0);
    const rendered = report.outcomes.length > 0 && nothingMade ? skippedReport(report) : REPORTERS[report.stage](report);
    const { outputs, markdown, failure } = rendered;
    for (const [name, value] of Object.entries(outputs))
        core.setOutput(name, value);
    core.summary.addRaw(markdown, true);
    await core.summary.write();
    if (failure)
        core.setFailed(failure);
}
const OUTPUT_OF = {
    plan: 'matrix',
    code: 'status',
    test: 'status',
    review: 'verdict',
    docs: 'status',
    fix: 'rounds',
};
/** A stage that by rule had nothing to do (switched off, an empty change): an empty output, no artifact. */
function skippedReport(report) {
    const reason = report.outcomes.map((o) => o.summary).join('; ');
    return { outputs: { [OUTPUT_OF[report.stage]]: '' }, markdown: `Skipped: ${reason}.`, failure: null };
}
const REPORTERS = {
    fix: fixReport,
    plan: (report) => {
        const { plan, checkpoint } = report.outcomes[0]?.documents ?? {};
        // A run that waits for a person: what it waits for and how to continue, as the tracking comment says.
        if (checkpoint) {
            const label = checkpoint.waitingFor === 'answers' ? report.config.gates['needs-info-label'] : null;
            return {
                outputs: {},
                markdown: [
                    (0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderWaitingGate */ .N1)(checkpoint, { label }),
                    (0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderUsageTable */ .MH)([{ stage: 'plan', usage: checkpoint.usage }]),
                ].join('\n'),
                failure: null,
            };
        }
        if (!plan)
            return { outputs: {}, markdown: 'No plan was made.', failure: 'the plan stage made no plan' };
        return {
            outputs: {},
            markdown: `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderPlanMarkdown */ .d$)(plan)}\n${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderUsageTable */ .MH)([{ stage: 'plan', usage: plan.usage }])}`,
            failure: null,
        };
    },
    code: (report) => {
        const tasks = report.outcomes.flatMap((o) => (o.documents.task ? [o.documents.task] : []));
        const failed = tasks.filter((t) => t.status === 'failed');
        const usage = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderUsageTable */ .MH)(tasks.map((task) => ({ stage: `code · ${task.taskId}`, usage: task.usage })));
        return {
            outputs: { status: codeStatus(tasks.map((t) => t.status)) },
            markdown: `${tasks.map((task) => (0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderTaskMarkdown */ .Th)(task)).join('\n')}\n${usage}`,
            failure: failed.length > 0
                ? failed.map((t) => `task ${t.taskId} failed: ${t.stopReason ?? t.summary}`).join('\n')
                : null,
        };
    },
    test: (report) => {
        const test = report.outcomes[0]?.documents.test;
        if (!test)
            return { outputs: { status: '' }, markdown: 'The test stage made no report.', failure: 'no test report' };
        return {
            outputs: {
                status: test.status,
                passed: test.passed === null ? '' : String(test.passed),
                failed: test.failed === null ? '' : String(test.failed),
            },
            markdown: `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderTestMarkdown */ .cp)(test)}\n${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderUsageTable */ .MH)([{ stage: 'test', usage: test.usage }])}`,
            failure: test.status === 'error' ? `the tests could not run: ${firstLine(test.summary)}` : null,
        };
    },
    review: (report) => {
        const reviews = report.outcomes.flatMap((o) => o.documents.reviews ?? []);
        // A re-review's findings are placed on its own round's change.
        const round = report.outcomes[0]?.round ?? 0;
        const change = (0,_pipeline_run_stage_js__WEBPACK_IMPORTED_MODULE_2__.stateOfRound)(report.runDir, round).readText(_artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__.ARTIFACTS.test, 'change.patch') ?? '';
        const outcome = (0,_review_index_js__WEBPACK_IMPORTED_MODULE_4__/* .combineReviews */ .bu)(reviews, (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_5__/* .parseUnifiedDiff */ .rj)(change), report.config.review['block-on']);
        const usage = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderUsageTable */ .MH)(reviews.map((r) => ({ stage: `review · ${r.lens}`, usage: r.usage })));
        const failed = report.outcomes.filter((o) => o.status === 'failed');
        return {
            outputs: { verdict: reviews.length === 1 ? (reviews[0]?.verdict ?? '') : outcome.verdict },
            markdown: `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderReviewMarkdown */ .AD)(outcome)}\n${usage}`,
            failure: failed.length > 0 ? `the review did not complete: ${failed.map((o) => o.summary).join('; ')}` : null,
        };
    },
    docs: (report) => {
        const docs = report.outcomes[0]?.documents.docs;
        if (!docs)
            return { outputs: { status: '' }, markdown: 'The docs stage made no report.', failure: 'no docs report' };
        return {
            outputs: { status: docs.status },
            markdown: `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderDocsMarkdown */ .LK)(docs)}\n${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderUsageTable */ .MH)([{ stage: 'docs', usage: docs.usage }])}`,
            failure: docs.status === 'failed' ? `the docs stage failed: ${firstLine(docs.summary)}` : null,
        };
    },
};
/** The fix job: the loop as the run directory tells it, and its failure when a round could not be completed. */
function fixReport(report) {
    const loop = (0,_pipeline_fix_loop_js__WEBPACK_IMPORTED_MODULE_1__/* .fixLoopOf */ .X_)(report.runDir, report.config);
    const failed = loop.rounds.filter((r) => r.document.status === 'failed');
    const usage = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderUsageTable */ .MH)((0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .usageRows */ .x4)({ rounds: loop.rounds }));
    const { blocking } = loop;
    return {
        outputs: { rounds: String(loop.rounds.length), blocking: String(blocking), stopped: loop.stopped ?? '' },
        markdown: `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderFixMarkdown */ .L9)(loop)}\n${usage}`,
        failure: failed.length > 0
            ? failed
                .map((r) => `fix round ${r.document.round} failed: ${r.document.stopReason ?? r.document.summary}`)
                .join('\n')
            : null,
    };
}
function codeStatus(statuses) {
    if (statuses.includes('failed'))
        return 'failed';
    if (statuses.includes('done'))
        return 'done';
    return 'no-change';
}
function firstLine(text) {
    return text.split('\n')[0] ?? '';
}


/***/ })

};
