export const id = 8198;
export const ids = [8198];
export const modules = {

/***/ 98198:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ runCodeStage),
/* harmony export */   h: () => (/* binding */ unfinishedDependency),
/* harmony export */   taskNotRun: () => (/* binding */ taskNotRun)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var _agent_sandbox_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(23076);
/* harmony import */ var _agent_submit_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4077);
/* harmony import */ var _agent_tools_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(98546);
/* harmony import */ var _contracts_common_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(60574);
/* harmony import */ var _workspace_index_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(30514);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(65225);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(85684);
/* harmony import */ var _setup_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4406);
/* harmony import */ var _work_outcome_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(955);












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
 * or exhausted task still keeps its partial work. The worktree is removed afterwards, always.
 */
async function runCodeStage(ctx, input) {
    const task = input.plan.tasks.find((t) => t.id === input.taskId);
    if (!task) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .StageError */ .Z('code', `task "${input.taskId}" is not in the plan (tasks: ${input.plan.tasks.map((t) => t.id).join(', ')})`);
    }
    await (0,_agent_sandbox_js__WEBPACK_IMPORTED_MODULE_3__/* .requireSandbox */ .Nd)(ctx.commands.isolation);
    const worktree = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_7__/* .createWorktree */ .MV)(ctx.repoDir, ctx.run.baseSha, { prefix: `ensemble-code-${task.id}-` });
    // One HOME for the setup commands and the agent's commands, so caches the setup fills are there.
    const home = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), `ensemble-home-${task.id}-`));
    try {
        // The run's installed dependencies, copied in (installed once per run, not per task).
        const setupProblem = await (0,_setup_js__WEBPACK_IMPORTED_MODULE_10__/* .provisionWorktree */ .V8)(ctx, worktree.dir, home, (detail) => ctx.reporter.event({ stage: 'code', agent: `code:${task.id}`, status: 'progress', detail }));
        if (setupProblem !== null)
            return setupFailed(ctx, task, setupProblem);
        let startTree = ctx.run.baseSha;
        for (const dependency of input.dependencies ?? []) {
            const applied = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_7__/* .applyWithConflictMarkers */ .cz)(worktree.dir, dependency.patch);
            if (!applied.ok) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_9__/* .StageError */ .Z('code', `task "${task.id}" builds on "${dependency.taskId}", whose patch does not apply: ${applied.detail}`);
            }
        }
        if ((input.dependencies ?? []).length > 0)
            startTree = (await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_7__/* .diffAgainstBase */ .CM)(worktree.dir, ctx.run.baseSha)).tree;
        const { outcome, tools } = await (0,_context_js__WEBPACK_IMPORTED_MODULE_8__/* .runStageAgent */ .ZM)(ctx, {
            stage: 'code',
            agent: `code:${task.id}`,
            instructions: INSTRUCTIONS,
            task: taskText(input.plan, task),
            shared: { request: input.plan.request, plan: input.plan },
            tools: (0,_agent_tools_index_js__WEBPACK_IMPORTED_MODULE_5__/* .toolsFor */ .Jr)('code'),
            submit: (0,_agent_submit_js__WEBPACK_IMPORTED_MODULE_4__/* .submitToolFor */ .SN)('code'),
            workspace: worktree.dir,
            commands: { scratchDir: home },
        });
        const diff = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_7__/* .changeAgainstBase */ .ZE)(worktree.dir, startTree);
        const work = (0,_work_outcome_js__WEBPACK_IMPORTED_MODULE_11__/* .workOutcome */ .a)(outcome, diff, {
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
        // A failed clean-up must not cost the task its result: it is reported and the run goes on.
        await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_7__/* .removeWorktree */ .IL)(worktree).catch((error) => ctx.reporter.warn(`could not remove the worktree ${worktree.dir}: ${error.message}`));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(home, { recursive: true, force: true }).catch(() => { });
    }
}
/** A task whose setup commands failed: no agent ran, nothing changed, the report says why. */
function setupFailed(ctx, task, problem) {
    return {
        document: {
            ...taskNotRun(ctx.run, task.id, 'setup failed', `The agent did not start. ${problem}`),
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
        usage: (0,_contracts_common_js__WEBPACK_IMPORTED_MODULE_6__/* .noModelUsage */ .wQ)(),
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
