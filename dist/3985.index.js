export const id = 3985;
export const ids = [3985,5666];
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

/***/ 44698:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runStageJob: () => (/* binding */ runStageJob)
/* harmony export */ });
/* harmony import */ var _agent_transcript_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91039);
/* harmony import */ var _workspace_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(30514);
/* harmony import */ var _fix_loop_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(21236);
/* harmony import */ var _run_stage_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76593);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6660);





/**
 * Reads and validates what the stage needs before any model key is read or any agent runs, then
 * opens a session on the plan's run identity and runs the unit.
 */
async function runStageJob(options) {
    const { runDir, reporter } = options;
    const repoDir = (0,_session_js__WEBPACK_IMPORTED_MODULE_4__.repositoryRoot)(options.repoDir);
    const plan = (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_3__.readPlan)(runDir);
    const { config, loaded } = await (0,_session_js__WEBPACK_IMPORTED_MODULE_4__.loadRunConfig)(repoDir, options.configFile, options.model);
    if (loaded.hash !== plan.run.configHash) {
        const then = plan.run.configHash.slice(0, 12);
        reporter.warn(`the configuration changed since this run was planned (hash ${then} then, ${loaded.hash.slice(0, 12)} now)`);
    }
    const units = options.units.map((unit) => unit.stage === 'plan' ? { stage: 'plan', request: plan.request } : unit);
    const stages = [...new Set(units.map((unit) => unit.stage))];
    if (stages.length !== 1)
        throw new Error(`a stage job runs units of one stage, not of ${stages.join(' and ') || 'none'}`);
    // Every input is validated now; a code task's dependencies are read when it starts, after the
    // tasks before it in the same job have written theirs, and a fix loop's rounds as they come.
    for (const unit of units)
        if (!('loop' in unit))
            (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_3__.readStageInputs)(runDir, unit);
    // A fix round re-tests and re-reviews its fix: those stages' models too.
    const modelStages = stages.includes('fix') ? ['fix', 'test', 'review'] : stages;
    // A replay reads the recorded calls before the stage starts its transcripts afresh, and needs no key.
    const recorded = options.replay
        ? recordedCallsOf(runDir, units.flatMap((u) => ('loop' in u ? [] : (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_3__.unitArtifacts)(config, u))))
        : null;
    const models = (0,_session_js__WEBPACK_IMPORTED_MODULE_4__.openModels)(config, recorded ? [] : [...modelStages], options);
    await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_1__/* .assertRepoContains */ .IA)(repoDir, plan.run.baseSha, options.baseCommitHint);
    const session = await (0,_session_js__WEBPACK_IMPORTED_MODULE_4__/* .openStageSession */ .H)({
        repoDir,
        config,
        run: plan.run,
        runDir,
        session: models,
        reporter,
        commands: options.commands,
        ...(recorded ? { replay: (agent) => recorded.get(agent) ?? [] } : {}),
        savedInstall: options.savedInstall,
    });
    try {
        const outcomes = [];
        let stopReason = null;
        const stopped = options.stopped?.then((reason) => {
            stopReason = reason;
            return reason;
        });
        const runUnit = async (unit) => {
            const outcome = await runUnitUnlessStopped(session, unit, stopped, () => stopReason);
            await options.afterUnit?.(outcome);
            outcomes.push(outcome);
            return outcome;
        };
        for (const unit of units) {
            if ('loop' in unit)
                await (0,_fix_loop_js__WEBPACK_IMPORTED_MODULE_2__/* .runFixRounds */ .So)(session, runUnit, { instructions: unit.instructions ?? null });
            else if (unit.stage === 'fix')
                await (0,_fix_loop_js__WEBPACK_IMPORTED_MODULE_2__/* .runFixRound */ .Lw)(session, runUnit, unit);
            else
                await runUnit(unit);
        }
        return { outcomes, config, setup: (await session.ctx.environment?.report()) ?? null };
    }
    finally {
        await session.close();
    }
}
/** The unit's outcome, or, once the job is asked to stop, the failure it yields (the unit keeps running unseen). */
async function runUnitUnlessStopped(session, unit, stopped, stopReason) {
    const already = stopReason();
    if (already !== null)
        return (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_3__.unitStopped)(session, unit, already);
    if (!stopped)
        return (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_3__.runStage)(session, unit);
    const running = (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_3__.runStage)(session, unit);
    // The unit may still fail after the stop; its rejection must not go unhandled.
    running.catch(() => undefined);
    const first = await Promise.race([running.then((done) => ({ done })), stopped.then((reason) => ({ reason }))]);
    return 'done' in first ? first.done : (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_3__.unitStopped)(session, unit, first.reason);
}
/** Every agent's recorded model calls in the transcripts of `artifacts`; an artifact without one has none. */
function recordedCallsOf(runDir, artifacts) {
    const calls = new Map();
    for (const artifact of artifacts) {
        if (!runDir.hasArtifact(artifact, 'transcript.jsonl'))
            continue;
        for (const call of (0,_agent_transcript_js__WEBPACK_IMPORTED_MODULE_0__/* .recordedCalls */ .ip)((0,_agent_transcript_js__WEBPACK_IMPORTED_MODULE_0__/* .readTranscript */ .lb)(runDir.artifactPath(artifact, 'transcript.jsonl')))) {
            calls.set(call.agent, [...(calls.get(call.agent) ?? []), call]);
        }
    }
    return calls;
}


/***/ }),

/***/ 65666:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ closestMatch)
/* harmony export */ });
/* unused harmony export editDistance */
/** Edit distance (insertions, deletions, substitutions) between two short strings. */
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j];
            row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length];
}
/**
 * The candidate a mistyped word most likely meant: one equal after `normalize`, else the nearest
 * by edit distance when it is close enough to be the likely intent; null when nothing is.
 */
function closestMatch(word, candidates, normalize = (s) => s.toLowerCase()) {
    const target = normalize(word);
    const exact = candidates.find((candidate) => normalize(candidate) === target);
    if (exact)
        return exact;
    let best = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
        const distance = editDistance(target, normalize(candidate));
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best !== null && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}


/***/ })

};
