export const id = 975;
export const ids = [975];
export const modules = {

/***/ 20975:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPipeline: () => (/* binding */ runPipeline)
});

// EXTERNAL MODULE: ./lib/plan/graph.js
var graph = __webpack_require__(18703);
// EXTERNAL MODULE: ./lib/review/index.js + 2 modules
var review = __webpack_require__(59039);
;// CONCATENATED MODULE: ./lib/util/concurrency.js
/** Runs `work` over `items` with at most `limit` at once, keeping results in input order. */
async function mapWithLimit(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await work(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}

// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/pipeline/environment.js
var environment = __webpack_require__(96283);
// EXTERNAL MODULE: ./lib/pipeline/fix-loop.js
var fix_loop = __webpack_require__(21236);
// EXTERNAL MODULE: ./lib/pipeline/run-stage.js + 15 modules
var run_stage = __webpack_require__(76593);
// EXTERNAL MODULE: ./lib/pipeline/stages.js
var stages = __webpack_require__(23435);
;// CONCATENATED MODULE: ./lib/pipeline/schedule.js








/** A stage whose failure ends the run (the table's `fatal`), or a run with no finished task. */
class RunStopped extends Error {
}
/**
 * Runs the pipeline in `session`. Never throws for a stage's failure: the result says which stage
 * failed and why (`stopped`, the rows), and every artifact made so far is in the run directory.
 */
async function runPipeline(session, options) {
    const result = {
        rows: [],
        plan: null,
        tasks: [],
        test: null,
        reviews: [],
        fix: { rounds: [], stopped: null },
        docs: null,
        stopped: null,
        waiting: null,
        published: false,
    };
    const run = stepRunner(session, options, result.rows);
    try {
        // Installed before any model call: a failed setup stops the run with nothing spent.
        result.setup = await (0,environment/* prepareEnvironment */.z)(session);
        if (result.setup?.status === 'failed')
            throw new RunStopped((0,environment/* setupStopMessage */.J)(result.setup));
        const planned = await planStep(session, run, options);
        if (planned.waiting) {
            result.waiting = planned.waiting;
            return result;
        }
        result.plan = planned.plan;
        result.tasks = await codeStep(session, run, result.plan, options.maxParallel);
        options.publisher?.prepare?.(result.plan, result.tasks);
        result.test = await testStep(session, run, options.stages.has('test'));
        const [reviews, docs] = await Promise.all([
            reviewStep(run, options.stages, result.test.patch),
            docsStep(session, run, options.stages, result.test.patch),
        ]);
        result.reviews = reviews;
        result.docs = docs;
        if (options.stages.has('fix') && options.stages.has('review'))
            await fixStep(session, run, result);
    }
    catch (error) {
        if (!(error instanceof RunStopped))
            throw error;
        result.stopped = error.message;
        if (result.plan && result.tasks.length === 0)
            result.tasks = readTasks(session, result.plan);
    }
    try {
        await publishStep(run, options, result);
    }
    catch (error) {
        if (!(error instanceof RunStopped))
            throw error;
        result.stopped = error.message;
    }
    return result;
}
// ---------------------------------------------------------------------------------------------
// Steps
/**
 * The plan, or the checkpoint the plan step waits on. A person's reply through `onWait` (the
 * terminal) continues the step in this run, from the planner's conversation.
 */
async function planStep(session, run, options) {
    let gate = options.gate ?? { kind: 'fresh' };
    for (;;) {
        const unit = { stage: 'plan', request: options.request, gate };
        const [planned] = await run('plan', async (u) => [await u(unit)]);
        const checkpoint = planned?.documents.checkpoint;
        if (!checkpoint)
            return { plan: planned?.documents.plan, waiting: null };
        const next = options.onWait ? await options.onWait(checkpoint, (0,run_stage.readConversation)(session.runDir)) : null;
        if (next === null)
            return { plan: null, waiting: checkpoint };
        gate = next;
    }
}
/** Every task, wave by wave; the run stops when no task finished. */
async function codeStep(session, run, plan, maxParallel) {
    const outcomes = await run('code', async (unit) => {
        const done = [];
        for (const wave of (0,graph/* dependencyWaves */.g0)(plan.tasks)) {
            done.push(...(await mapWithLimit(wave, maxParallel, (taskId) => unit({ stage: 'code', taskId }))));
        }
        return done;
    });
    if (outcomes.every((o) => o.status !== 'done')) {
        const reasons = outcomes.map((o) => `${o.documents.task?.taskId} (${stopReason(o)})`);
        throw new RunStopped(`every task failed: ${reasons.join('; ')}`);
    }
    return readTasks(session, plan);
}
function stopReason(outcome) {
    const task = outcome.documents.task;
    return task?.stopReason ?? task?.summary ?? outcome.summary;
}
function readTasks(session, plan) {
    return plan.tasks
        .filter((task) => session.runDir.hasArtifact(stages/* PIPELINE */.Jj.code.artifact(task.id), 'task.json'))
        .map((task) => (0,run_stage.readTask)(session.runDir, task.id));
}
/** Tests, or with the test stage off a plain integration (no row: nothing was tested). */
async function testStep(session, run, runTests) {
    const unit = { stage: 'test', runTests };
    const [outcome] = runTests ? await run('test', async (u) => [await u(unit)]) : [await run.untimed(unit)];
    return { document: outcome?.documents.test, patch: (0,run_stage.readChange)(session.runDir) };
}
async function reviewStep(run, stages, change) {
    if (!stages.has('review') || change.trim() === '')
        return [];
    const [outcome] = await run('review', async (unit) => [await unit({ stage: 'review' })]);
    return outcome?.documents.reviews ?? [];
}
async function docsStep(session, run, stages, change) {
    if (!stages.has('docs') || change.trim() === '')
        return null;
    const [outcome] = await run('docs', async (unit) => [await unit({ stage: 'docs' })]);
    return outcome?.documents.docs ? (0,run_stage.readDocs)(session.runDir) : null;
}
/**
 * The review → fix loop: while the review blocks, a fix round, a re-test and a re-review, up to
 * `stages.fix.max-rounds`. It stops early when no blocking finding is left, when a round fixed
 * none of its findings, when a round or its re-test or re-review did not complete, or when the
 * run's budget is spent. The result's test and reviews become the last tested round's.
 */
async function fixStep(session, run, result) {
    const { config } = session.ctx;
    if (result.test === null || (0,review/* blockingFindings */.Ur)(result.reviews, config.review['block-on']).length === 0)
        return;
    const before = session.ctx.ledger.runTotals();
    await run.timed('fix', async () => {
        result.fix = await (0,fix_loop/* runFixRounds */.So)(session, run.untimed);
        const first = result.test;
        const final = (0,review/* finalState */.A9)({ test: first.document, change: first.patch, reviews: result.reviews }, result.fix);
        result.test = { document: final.test, patch: final.change };
        result.reviews = [...final.reviews];
        const status = result.fix.rounds.some((r) => r.test !== null) ? 'done' : 'failed';
        return { status, detail: (0,review/* fixLoopDetail */.TC)(result.fix) };
    }, () => usageSince(before, session.ctx.ledger.runTotals()));
}
async function publishStep(run, options, result) {
    const { publisher } = options;
    if (!publisher || !options.stages.has('publish') || result.plan === null)
        return;
    if (result.stopped !== null && !publisher.reportsStoppedRuns)
        return;
    await run.timed('publish', async () => {
        const published = await publisher.publish(result);
        result.published = published.ok;
        return { status: published.ok ? 'done' : 'failed', detail: published.summary };
    });
}
function stepRunner(session, options, rows) {
    const { ctx } = session;
    const around = options.around ?? ((work) => work());
    const unit = async (u) => {
        const outcome = await around(() => (0,run_stage.runStage)(session, u));
        await options.afterUnit?.(outcome);
        return outcome;
    };
    const timed = async (stage, work, given) => {
        const started = Date.now();
        // What this row spent: a stage can have several rows (the plan step again, after a person's
        // answers at the terminal), and each row counts only its own calls.
        const before = ctx.ledger.totals(stage);
        const usage = given ?? (() => usageSince(before, ctx.ledger.totals(stage)));
        ctx.reporter.event({ stage, status: 'started' });
        const row = (status, detail) => {
            const { tokens, costUsd } = usage();
            return { stage, status, durationMs: Date.now() - started, tokens, costUsd, detail };
        };
        try {
            const { status, detail } = await work();
            rows.push(row(status, detail));
            ctx.reporter.event({ stage, status: status === 'failed' ? 'failed' : 'finished', detail });
        }
        catch (error) {
            rows.push(row('failed', (0,errors/* errorMessage */.gJ)(error)));
            ctx.reporter.event({ stage, status: 'failed', detail: (0,errors/* errorMessage */.gJ)(error) });
            if (stages/* PIPELINE */.Jj[stage].fatal)
                throw new RunStopped((0,errors/* errorMessage */.gJ)(error));
            ctx.reporter.warn(`the ${stage} stage failed: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    };
    const run = (async (stage, work) => {
        let outcomes = [];
        await timed(stage, async () => {
            outcomes = await work(unit);
            return { status: rowStatus(outcomes), detail: outcomes.map((o) => o.summary).join('; ') };
        });
        return outcomes;
    });
    run.untimed = unit;
    run.timed = timed;
    return run;
}
/** A stage failed when none of its units did what it promises. */
function rowStatus(outcomes) {
    if (outcomes.some((o) => o.status === 'waiting'))
        return 'waiting';
    if (outcomes.some((o) => o.status === 'done'))
        return 'done';
    if (outcomes.some((o) => o.status === 'failed'))
        return 'failed';
    return 'skipped';
}
function usageSince(before, now) {
    const tokens = now.inputTokens + now.outputTokens - before.inputTokens - before.outputTokens;
    if (now.costUsd === null || before.costUsd === null)
        return { tokens, costUsd: null };
    return { tokens, costUsd: Math.round((now.costUsd - before.costUsd) * 1e6) / 1e6 };
}


/***/ })

};
