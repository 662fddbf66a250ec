export const id = 4968;
export const ids = [4968];
export const modules = {

/***/ 44968:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  D: () => (/* binding */ runCodeStage),
  taskNotRun: () => (/* binding */ taskNotRun),
  h: () => (/* binding */ unfinishedDependency)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/agent/sandbox.js + 1 modules
var sandbox = __webpack_require__(23076);
// EXTERNAL MODULE: ./lib/agent/submit.js
var agent_submit = __webpack_require__(4077);
// EXTERNAL MODULE: ./lib/agent/tools/index.js + 4 modules
var agent_tools = __webpack_require__(98546);
// EXTERNAL MODULE: ./lib/contracts/common.js
var common = __webpack_require__(60574);
// EXTERNAL MODULE: ./lib/workspace/index.js + 2 modules
var workspace = __webpack_require__(30514);
;// CONCATENATED MODULE: ./lib/stages/change-ahead.js

/** How long a model call must have been out before a diff is made ahead of its reply. */
const AHEAD_AFTER_MS = 25;
/** The diffs made ahead by every agent of this process, one after the other. */
let lane = Promise.resolve();
/** `from`: the tree the change is taken against, known once the worktree is made. */
function changeAhead(dir, from) {
    let ahead = null;
    let waiting = null;
    const diff = async () => (0,workspace/* changeAgainstBase */.ZE)(dir, await from());
    const queue = (writes) => {
        const made = { writes, started: false, cancelled: false, change: Promise.resolve(null) };
        made.change = lane.then(async () => {
            if (made.cancelled)
                return null;
            made.started = true;
            return diff().catch(() => null);
        });
        lane = made.change;
        ahead = made;
    };
    const stopWaiting = () => {
        if (waiting)
            clearTimeout(waiting.timer);
        waiting = null;
    };
    const settle = async () => {
        stopWaiting();
        if (!ahead)
            return;
        if (!ahead.started)
            ahead.cancelled = true;
        await ahead.change;
    };
    return {
        afterTools(tools) {
            const { writes } = tools;
            if (writes === 0 || ahead?.writes === writes || waiting?.writes === writes)
                return;
            stopWaiting();
            const timer = setTimeout(() => {
                waiting = null;
                queue(writes);
            }, AHEAD_AFTER_MS);
            waiting = { timer, writes };
        },
        settle,
        async change(tools) {
            stopWaiting();
            const current = ahead?.writes === tools.writes && !ahead.cancelled ? await ahead.change : null;
            await settle();
            return current ?? diff();
        },
    };
}

// EXTERNAL MODULE: ./lib/stages/context.js + 2 modules
var context = __webpack_require__(65225);
// EXTERNAL MODULE: ./lib/stages/errors.js
var errors = __webpack_require__(85684);
// EXTERNAL MODULE: ./lib/stages/setup.js
var setup = __webpack_require__(4406);
// EXTERNAL MODULE: ./lib/stages/work-outcome.js
var work_outcome = __webpack_require__(955);
;// CONCATENATED MODULE: ./lib/stages/code.js













const INSTRUCTIONS = `You are a coding agent of ensemble, a pipeline of AI coding agents.
You implement one task of a plan, alone, in your own copy of the repository. Other agents implement the other tasks at the same time; a testing agent integrates everyone's work afterwards.

How to work:
- Read the code you change before you change it (list_files, read_file, search).
- Change only the files your task owns, unless the task cannot be done otherwise; never touch files another task owns.
- Edit with edit_file (one exact, unique occurrence) or write_file (whole files).
- Run the relevant tests and checks with run_command. Commands run without network access and without credentials; dependencies are already installed or must be vendored.
- Keep the change minimal and in the repository's style; add or update tests for behaviour you change.
- Finish with submit_task: status done (the criteria are met), no-change (nothing needed changing, say why) or failed (say what blocked you); a summary of what you changed and why; a commit message (an imperative subject line of at most 72 characters, then a blank line and details if useful). Your file changes are collected from the workspace; you do not commit.`;
function taskText(plan, task) {
    const others = plan.tasks
        .filter((t) => t.id !== task.id)
        .map((t) => `- ${t.id}: ${t.title} (owns ${t.files.join(', ') || 'nothing listed'})`);
    return [
        `Your task: ${task.title} (id ${task.id})`,
        task.description,
        `Acceptance criteria:\n${task.acceptanceCriteria.map((c) => `- ${c}`).join('\n')}`,
        `Files you own: ${task.files.join(', ') || 'none listed'}`,
        task.reads.length ? `Files to read for context: ${task.reads.join(', ')}` : '',
        others.length ? `Other tasks (do not do their work):\n${others.join('\n')}` : '',
        'The request and the whole plan are above, for context.',
    ]
        .filter(Boolean)
        .join('\n\n');
}
/**
 * Runs one coding agent in its own worktree at the plan's base SHA and turns whatever the
 * workspace holds at the end into the task's patch, whether the agent finished or not: a failed
 * or exhausted task still keeps its partial work. The worktree is made while the agent's first
 * model call is in flight (its tools wait for it), and removed afterwards, always.
 */
async function runCodeStage(ctx, input) {
    const task = input.plan.tasks.find((t) => t.id === input.taskId);
    if (!task) {
        throw new errors/* StageError */.Z('code', `task "${input.taskId}" is not in the plan (tasks: ${input.plan.tasks.map((t) => t.id).join(', ')})`);
    }
    await (0,sandbox/* requireSandbox */.Nd)(ctx.commands.isolation);
    const dir = await (0,workspace/* worktreeDirectory */.VB)({ prefix: `ensemble-code-${task.id}-` });
    // One HOME for the setup commands and the agent's commands, so caches the setup fills are there.
    const home = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), `ensemble-home-${task.id}-`));
    const preparing = prepareWorkspace(ctx, { task, dir, home, dependencies: input.dependencies ?? [] });
    // Settled below, whatever happens; until then the agent's tools wait on it (and see it fail).
    preparing.catch(() => { });
    const ahead = changeAhead(dir, async () => (await preparing).startTree);
    try {
        const ready = preparing.then(({ setupProblem }) => {
            if (setupProblem !== null)
                throw new Error(setupProblem);
        });
        ready.catch(() => { });
        const { outcome, tools } = await (0,context/* runStageAgent */.ZM)(ctx, {
            stage: 'code',
            agent: `code:${task.id}`,
            instructions: INSTRUCTIONS,
            task: taskText(input.plan, task),
            shared: { request: input.plan.request, plan: input.plan },
            tools: (0,agent_tools/* toolsFor */.Jr)('code'),
            submit: (0,agent_submit/* submitToolFor */.SN)('code'),
            workspace: dir,
            commands: { scratchDir: home },
            ready,
            afterTools: (tools) => ahead.afterTools(tools),
            beforeTools: () => ahead.settle(),
        });
        const { setupProblem } = await preparing;
        if (setupProblem !== null)
            return setupFailed(ctx, task, setupProblem);
        const diff = await ahead.change(tools);
        const work = (0,work_outcome/* workOutcome */.a)(outcome, diff, {
            protectedPaths: ctx.config['protected-paths'],
            what: 'change',
            patchFile: 'task.patch',
            fallbackMessage: `Partial work on ${task.title}`,
        });
        const document = {
            schema: 'ensemble.task/v1',
            run: ctx.run,
            usage: ctx.ledger.toUsage('code', `code:${task.id}`),
            taskId: task.id,
            ...work,
            commands: tools.commands,
        };
        return { document, patch: diff.patch };
    }
    finally {
        await ahead.settle();
        // A failed clean-up must not cost the task its result: it is reported and the run goes on.
        const made = await preparing.then((prepared) => prepared.worktree, () => null);
        if (made) {
            await (0,workspace/* removeWorktree */.IL)(made).catch((error) => ctx.reporter.warn(`could not remove the worktree ${made.dir}: ${error.message}`));
        }
        else
            await (0,promises_.rm)(dir, { recursive: true, force: true }).catch(() => { });
        await (0,promises_.rm)(home, { recursive: true, force: true }).catch(() => { });
    }
}
/** The task's worktree in `dir`: checked out at the base, then filled (`intoWorktree`); removed again if that fails. */
async function prepareWorkspace(ctx, options) {
    const { task, dir, home, dependencies } = options;
    const worktree = await (0,workspace/* createWorktree */.MV)(ctx.repoDir, ctx.run.baseSha, { dir });
    try {
        return await intoWorktree(ctx, worktree, { task, home, dependencies });
    }
    catch (error) {
        // The caller never sees this worktree: it goes here.
        await (0,workspace/* removeWorktree */.IL)(worktree).catch(() => { });
        throw error;
    }
}
/**
 * Gives the task's worktree the run's installed dependencies (copied in: installed once per run,
 * not per task), then the patches of the tasks it depends on.
 */
async function intoWorktree(ctx, worktree, options) {
    const { task, home, dependencies } = options;
    const setupProblem = await (0,setup/* provisionWorktree */.V8)(ctx, worktree.dir, home, (detail) => ctx.reporter.event({ stage: 'code', agent: `code:${task.id}`, status: 'progress', detail }));
    if (setupProblem !== null)
        return { worktree, setupProblem, startTree: ctx.run.baseSha };
    for (const dependency of dependencies) {
        const applied = await (0,workspace/* applyWithConflictMarkers */.cz)(worktree.dir, dependency.patch);
        if (!applied.ok) {
            throw new errors/* StageError */.Z('code', `task "${task.id}" builds on "${dependency.taskId}", whose patch does not apply: ${applied.detail}`);
        }
    }
    const startTree = dependencies.length > 0 ? await (0,workspace/* recordTree */.A$)(worktree.dir, ctx.run.baseSha) : ctx.run.baseSha;
    return { worktree, setupProblem: null, startTree };
}
/**
 * A task whose setup failed: its agent's first model call may have been made (the setup ran while
 * it was out), but no tool ran and nothing changed; the report says why.
 */
function setupFailed(ctx, task, problem) {
    return {
        document: {
            ...taskNotRun(ctx.run, task.id, 'setup failed', `The agent did not start work: its setup failed. ${problem}`),
            usage: ctx.ledger.toUsage('code', `code:${task.id}`),
        },
        patch: '',
    };
}
/**
 * The report of a task that did not run (a failed dependency, setup, or a job that uploaded
 * nothing): failed, no change.
 */
function taskNotRun(run, taskId, reason, summary = `The task did not run (${reason}).`) {
    return {
        schema: 'ensemble.task/v1',
        run,
        usage: (0,common/* noModelUsage */.wQ)(),
        taskId,
        status: 'failed',
        summary,
        commitMessage: `Task ${taskId}`,
        filesChanged: [],
        commands: [],
        stopReason: reason,
    };
}
/** The first dependency of `task` that did not finish (done, or nothing to change), if any. */
function unfinishedDependency(task, statusOf) {
    return task.dependsOn.find((d) => {
        const status = statusOf(d);
        return status !== 'done' && status !== 'no-change';
    });
}


/***/ }),

/***/ 85684:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ StageError)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);

/** A stage could not produce what it promised; the message says why and what to do. */
class StageError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'StageError';
    stage;
    constructor(stage, message) {
        super(`${stage} stage: ${message}`);
        this.stage = stage;
    }
}


/***/ }),

/***/ 955:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ workOutcome)
/* harmony export */ });
/* harmony import */ var _workspace_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(30514);

/**
 * What an agent's work in its worktree came to, for the agents that change code (a coding task, a
 * fix round): the status it submitted, unless its change touches a protected path (failed, with
 * the paths named) or is empty (no-change); why it stopped early, if it did; its summary and
 * commit message, or what stands for them when it stopped before submitting; the files it changed.
 */
function workOutcome(outcome, diff, options) {
    const submitted = outcome.result;
    const left = diff.patch ? `Its partial change is in ${options.patchFile}.` : 'It changed nothing.';
    const record = {
        summary: submitted?.summary ??
            `The agent stopped before submitting (${outcome.stop?.message ?? 'no reason given'}). ${left}`,
        commitMessage: submitted?.commitMessage ?? options.fallbackMessage,
        filesChanged: diff.changes.map((c) => c.path),
    };
    const protectedHits = (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_0__/* .protectedPathHits */ .Ix)((0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_0__/* .touchedPaths */ .Pq)(diff.changes), options.protectedPaths);
    if (protectedHits.length > 0) {
        const hits = protectedHits.map((h) => `"${h.path}" (protected by "${h.pattern}")`);
        const stopReason = `refused: the ${options.what} touches protected path ${hits.join(', ')}`;
        return { ...record, status: 'failed', stopReason };
    }
    const stopReason = outcome.stop ? `${outcome.stop.kind}: ${outcome.stop.message}` : null;
    const status = submitted?.status ?? 'failed';
    return { ...record, status: status === 'done' && diff.patch === '' ? 'no-change' : status, stopReason };
}


/***/ })

};
