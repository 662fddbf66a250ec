export const id = 16;
export const ids = [16];
export const modules = {

/***/ 87752:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ reportStage)
/* harmony export */ });
/* harmony import */ var _artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40963);
/* harmony import */ var _pipeline_fix_loop_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21236);
/* harmony import */ var _pipeline_run_stage_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8636);
/* harmony import */ var _render_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(10875);
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
        const change = (0,_pipeline_run_stage_js__WEBPACK_IMPORTED_MODULE_2__/* .stateOfRound */ .NK)(report.runDir, round).readText(_artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__/* .ARTIFACTS */ .ym.test, 'change.patch') ?? '';
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


/***/ }),

/***/ 64459:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BASE_COMMIT_HINT: () => (/* binding */ BASE_COMMIT_HINT),
  runCodeAction: () => (/* binding */ runCodeAction),
  runDocsAction: () => (/* binding */ runDocsAction),
  runFixAction: () => (/* binding */ runFixAction),
  runReviewAction: () => (/* binding */ runReviewAction),
  runTestAction: () => (/* binding */ runTestAction),
  setUpSandbox: () => (/* binding */ setUpSandbox),
  sharedCommandStop: () => (/* binding */ sharedCommandStop),
  uploadOutcome: () => (/* binding */ uploadOutcome),
  withCommandsStopped: () => (/* binding */ withCommandsStopped)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./lib/artifacts/names.js
var names = __webpack_require__(40963);
// EXTERNAL MODULE: ./lib/artifacts/store.js
var store = __webpack_require__(39214);
// EXTERNAL MODULE: ./lib/contracts/documents.js + 2 modules
var documents = __webpack_require__(66811);
// EXTERNAL MODULE: ./lib/pipeline/run-stage.js + 14 modules
var run_stage = __webpack_require__(8636);
// EXTERNAL MODULE: ./lib/pipeline/session.js + 6 modules
var session = __webpack_require__(6660);
// EXTERNAL MODULE: ./lib/pipeline/stage-job.js
var stage_job = __webpack_require__(44698);
// EXTERNAL MODULE: ./lib/plan/graph.js
var graph = __webpack_require__(18703);
// EXTERNAL MODULE: ./lib/review/index.js + 2 modules
var review = __webpack_require__(59039);
// EXTERNAL MODULE: ./lib/stages/code.js
var code = __webpack_require__(98198);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/runtime/actions/environment.js + 2 modules
var environment = __webpack_require__(29171);
// EXTERNAL MODULE: ./lib/runtime/actions/report.js
var report = __webpack_require__(87752);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./lib/agent/sandbox.js + 1 modules
var sandbox = __webpack_require__(23076);
;// CONCATENATED MODULE: ./lib/runtime/actions/log.js

/**
 * Writes text that came from outside (an issue, a model, a test's output) to the job log so that
 * no line of it can act as a workflow command (`::set-output`, `::add-mask`, `::stop-commands`):
 * the runner ignores commands between `::stop-commands::<token>` and `::<token>::`, and the
 * token is random, so the text cannot end the block itself.
 */
function logUntrusted(core, text) {
    const token = (0,external_node_crypto_.randomBytes)(16).toString('hex');
    core.info(`::stop-commands::${token}`);
    core.info(text);
    core.info(`::${token}::`);
}

;// CONCATENATED MODULE: ./lib/runtime/actions/sandbox-setup.js
/**
 * Makes the command sandbox usable before a job's stage work starts (the code, test and all-in-one
 * actions), so that a runner without it fails at once with what to do, not after the plan was
 * downloaded and a model was paid. What "usable" takes is defined once, in
 * `scripts/install-sandbox.sh` (install bubblewrap; on Ubuntu 23.10+ load an AppArmor profile that
 * lets bwrap alone create user namespaces; never the global sysctl): this runs it, shipped with
 * the action, only when bubblewrap does not already work.
 */







/** The script, relative to the action's repository root (the parent of `dist/`). */
const INSTALL_SANDBOX_SCRIPT = 'scripts/install-sandbox.sh';
/** apt-get and a package's scripts can take a while; a hung `sudo` must not hold the job. */
const SCRIPT_TIMEOUT_MS = 10 * 60_000;
/** The sandbox is required and could not be made to work here; the message says what to do. */
class SandboxSetupError extends errors/* UserError */.yo {
    name = 'SandboxSetupError';
}
const OPT_OUT = 'or set `sandbox: none` in .github/ensemble.yml to run agent, setup and test commands without isolation, ' +
    'knowingly: they can then read the credentials of the run and reach the network';
/**
 * When the configuration requires the sandbox (`sandbox: bubblewrap`, the default) and bubblewrap
 * does not work, runs the install script and probes again; throws {@link SandboxSetupError} with
 * the script's instructions when it still does not work. Logs one line saying what it did.
 */
async function ensureSandbox(config, deps) {
    if (config.sandbox === 'none') {
        deps.info('sandbox: none in the configuration: commands run without bubblewrap, nothing to set up');
        return 'not required';
    }
    const before = await deps.probe();
    if (before.available) {
        deps.info(`bubblewrap works (${before.path}): nothing to set up`);
        return 'already works';
    }
    const run = await deps.runScript();
    if (run.stderr.trim())
        deps.detail(run.stderr.trimEnd());
    const outcome = run.stdout.trim();
    if (run.exitCode !== 0) {
        throw new SandboxSetupError(outcome ||
            `${INSTALL_SANDBOX_SCRIPT} failed (exit ${run.exitCode ?? 'none'}) without saying why (its output is ` +
                `above) after ${before.reason}; install bubblewrap and let it create user namespaces, ${OPT_OUT}`);
    }
    const after = await deps.probe();
    if (!after.available) {
        throw new SandboxSetupError(`${INSTALL_SANDBOX_SCRIPT} reported "${outcome}", yet ${after.reason}. Make bubblewrap work on ` +
            `this runner (run the script by hand to see why it does not), ${OPT_OUT}.`);
    }
    deps.info(`sandbox set up: ${outcome} (before: ${before.reason})`);
    return 'set up';
}
/**
 * The script shipped with the running code: the nearest `scripts/install-sandbox.sh` above the
 * module, which in the bundle is `dist/`'s parent, the action's repository root (the runner
 * fetches the whole repository for `uses:`).
 */
function installScriptPath(moduleUrl = import.meta.url) {
    let dir = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(moduleUrl));
    for (;;) {
        const candidate = (0,external_node_path_.join)(dir, INSTALL_SANDBOX_SCRIPT);
        if ((0,external_node_fs_.existsSync)(candidate))
            return candidate;
        const parent = (0,external_node_path_.dirname)(dir);
        if (parent === dir)
            throw new Error(`${INSTALL_SANDBOX_SCRIPT} not found above ${(0,external_node_url_.fileURLToPath)(moduleUrl)}: the action is incomplete`);
        dir = parent;
    }
}
/**
 * The script's environment: what finding programs and running apt-get need, nothing else. The
 * job's environment still holds the model keys and tokens at this point; none of them reaches the
 * script, sudo or a package's maintainer scripts.
 */
function scriptEnv(env) {
    const kept = { DEBIAN_FRONTEND: 'noninteractive' };
    for (const name of ['PATH', 'HOME', 'LANG', 'TMPDIR']) {
        const value = env[name];
        if (value)
            kept[name] = value;
    }
    return kept;
}
/** Runs the script with bash; never throws for its failure. */
function runInstallScript(script, env) {
    return new Promise((resolve) => {
        (0,external_node_child_process_.execFile)('bash', [script], { env, timeout: SCRIPT_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
            if (!error)
                return resolve({ exitCode: 0, stdout, stderr });
            const exitCode = typeof error.code === 'number' ? error.code : null;
            // Not started (no bash) or killed: the reason goes where the tools' output goes.
            const why = exitCode === null ? `${stderr}\n${error.message}` : stderr;
            resolve({ exitCode, stdout, stderr: why });
        });
    });
}
/** The production dependencies on Actions: the real probe, the shipped script, the job log. */
function actionsSandboxSetup(core, env) {
    return {
        probe: () => {
            // The probe is cached per process: forget a failure, so that commands see the working sandbox.
            (0,sandbox/* resetBubblewrapProbe */.Yx)();
            return (0,sandbox/* probeBubblewrap */.j)();
        },
        runScript: () => runInstallScript(installScriptPath(), scriptEnv(env)),
        info: (message) => core.info(message),
        detail: (text) => logUntrusted(core, text),
    };
}

;// CONCATENATED MODULE: ./lib/runtime/actions/stop.js
/**
 * The runner's request to stop a step. When a job is cancelled, or runs past its
 * `timeout-minutes`, the runner sends the step's process SIGINT, then SIGTERM 7.5 seconds later,
 * then kills it. The first signal is the stage's cue to write what its unfinished units yield and
 * upload it with their partial transcripts; a second one ends the process at once.
 */
const STOP_REASON = 'stopped before it finished: the job was cancelled or ran past its time limit (timeout-minutes)';
function listenForStop(target = process) {
    let heard = false;
    let settle = () => undefined;
    const stopped = new Promise((resolve) => {
        settle = resolve;
    });
    const onSignal = (signal) => {
        if (heard)
            target.exit(signal === 'SIGINT' ? 130 : 143);
        heard = true;
        settle(STOP_REASON);
    };
    target.on('SIGINT', onSignal);
    target.on('SIGTERM', onSignal);
    return { stopped };
}

;// CONCATENATED MODULE: ./lib/runtime/actions/stages.js
/**
 * The stage actions' jobs (`actions/code`, `test`, `review`, `docs`): download what the stage
 * reads, run it through the one stage runner (`runStageJob`), upload each unit's artifacts as soon
 * as they exist, then set the outputs and the step summary (`report.ts`).
 */















/**
 * Before any stage work of a job whose commands run in the sandbox: makes bubblewrap usable when
 * the configuration requires it, or fails the job with what an administrator must do.
 */
async function setUpSandbox(deps, config) {
    await ensureSandbox(config, deps.sandboxSetup ?? actionsSandboxSetup(deps.core, deps.env));
}
/** {@link setUpSandbox} for a stage job, which reads the configuration itself later: read here for `sandbox`. */
async function setUpStageSandbox(settings, deps) {
    const { config } = await (0,session.loadRunConfig)((0,session/* repositoryRoot */.Hn)(deps.job.workspace), settings.config, null);
    await setUpSandbox(deps, config);
}
/** What a checkout needs to hold the plan's base commit on GitHub. */
const BASE_COMMIT_HINT = "check the repository out at the plan job's base-sha output " +
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression a user writes
    '(actions/checkout with ref: ${{ needs.plan.outputs.base-sha }})';
/**
 * Runs `work` with workflow commands switched off: everything a stage logs (model text, test
 * output, file names from the repository) is inert. Outputs, summaries and the step's failure
 * are written after commands are on again.
 */
async function withCommandsStopped(core, work) {
    const token = (0,external_node_crypto_.randomBytes)(16).toString('hex');
    core.info(`::stop-commands::${token}`);
    try {
        return await work();
    }
    finally {
        core.info(`::${token}::`);
    }
}
/**
 * `withCommandsStopped` for units that overlap (the all-in-one job runs tasks, lenses and docs side
 * by side): one window, opened by the first unit to start and closed by the last to end, so that
 * no unit's output is live while another is still running.
 */
function sharedCommandStop(core) {
    let running = 0;
    let token = '';
    return async (work) => {
        if (running++ === 0) {
            token = (0,external_node_crypto_.randomBytes)(16).toString('hex');
            core.info(`::stop-commands::${token}`);
        }
        try {
            return await work();
        }
        finally {
            if (--running === 0)
                core.info(`::${token}::`);
        }
    };
}
/** The stage job's options from the action's settings: one shape for every stage. */
function jobOptions(settings, deps) {
    // A cancelled or timed-out job still uploads what its units yield (see stop.ts); the handlers
    // live as long as the step's process, which ends with the step.
    const stop = deps.stop ?? listenForStop();
    return {
        model: settings.model ? `${settings.model.provider}:${settings.model.model}` : null,
        baseUrl: settings.baseUrl,
        apiKey: settings.apiKey,
        configFile: settings.config,
        env: deps.env,
        ...(deps.session ? { session: deps.session } : {}),
        runDir: deps.runDir,
        repoDir: deps.job.workspace,
        reporter: (0,environment/* actionsReporter */.t)(deps.core),
        baseCommitHint: BASE_COMMIT_HINT,
        // The partial work of a failed unit is uploaded too: nothing is lost.
        afterUnit: (outcome) => uploadOutcome(deps, outcome),
        stopped: stop.stopped,
    };
}
/** Uploads the artifacts a unit wrote, as soon as it wrote them. */
async function uploadOutcome(deps, outcome) {
    for (const name of outcome.artifacts)
        await deps.artifacts.uploadArtifact(name, deps.runDir.artifactDir(name));
}
async function download(deps, name) {
    await deps.artifacts.downloadArtifact(name, deps.runDir.artifactDir(name));
}
/**
 * `actions/code`: one matrix leg. It runs the task and every task linked to it by dependencies
 * (its group), in dependency order, so that each starts from the patches it builds on.
 */
async function runCodeAction(settings, deps) {
    await setUpStageSandbox(settings, deps);
    await download(deps, names/* ARTIFACTS */.ym.plan);
    const plan = (0,run_stage/* readPlan */.m3)(deps.runDir);
    const group = (0,graph/* dependencyGroups */.m0)(plan.tasks).find((g) => g.includes(settings.task));
    if (!group) {
        throw new errors/* UserError */.yo(`task "${settings.task}" is not in the plan (tasks: ${plan.tasks.map((t) => t.id).join(', ')})`);
    }
    const units = group.map((taskId) => ({ stage: 'code', taskId }));
    const { outcomes, config } = await withCommandsStopped(deps.core, () => (0,stage_job/* runStageJob */.d)({ ...jobOptions(settings, deps), units }));
    await (0,report/* reportStage */.p)(deps.core, { stage: 'code', outcomes, config, runDir: deps.runDir });
}
/** `actions/test`: integrate every task's patch, test, add tests. */
async function runTestAction(settings, deps) {
    await setUpStageSandbox(settings, deps);
    await download(deps, names/* ARTIFACTS */.ym.plan);
    const plan = (0,run_stage/* readPlan */.m3)(deps.runDir);
    for (const task of plan.tasks)
        await downloadTask(deps, plan.run, task.id);
    const { outcomes, config } = await withCommandsStopped(deps.core, () => (0,stage_job/* runStageJob */.d)({ ...jobOptions(settings, deps), units: [{ stage: 'test' }] }));
    await (0,report/* reportStage */.p)(deps.core, { stage: 'test', outcomes, config, runDir: deps.runDir });
}
/**
 * A task's artifact; a leg that uploaded none (cancelled, or killed before its first upload)
 * makes the task count as failed, with the reason. Any other error is the step's.
 */
async function downloadTask(deps, run, taskId) {
    try {
        await download(deps, names/* ARTIFACTS */.ym.code(taskId));
    }
    catch (error) {
        if (!(error instanceof store/* ArtifactMissingError */.BU))
            throw error;
        deps.core.warning(`task ${taskId}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        const reason = `The task's job uploaded no result: ${(0,errors/* errorMessage */.gJ)(error)}`;
        deps.runDir.writeTask({ document: (0,code/* taskNotRun */.OD)(run, taskId, 'missing artifact', reason), patch: '' });
    }
}
/** `actions/review`: one lens. */
async function runReviewAction(settings, deps) {
    await download(deps, names/* ARTIFACTS */.ym.plan);
    await download(deps, names/* ARTIFACTS */.ym.test);
    const { outcomes, config } = await withCommandsStopped(deps.core, () => (0,stage_job/* runStageJob */.d)({ ...jobOptions(settings, deps), units: [{ stage: 'review', lenses: [settings.lens] }] }));
    await (0,report/* reportStage */.p)(deps.core, { stage: 'review', outcomes, config, runDir: deps.runDir });
}
/** `actions/docs`. */
async function runDocsAction(settings, deps) {
    await download(deps, names/* ARTIFACTS */.ym.plan);
    await download(deps, names/* ARTIFACTS */.ym.test);
    const { outcomes, config } = await withCommandsStopped(deps.core, () => (0,stage_job/* runStageJob */.d)({ ...jobOptions(settings, deps), units: [{ stage: 'docs' }] }));
    await (0,report/* reportStage */.p)(deps.core, { stage: 'docs', outcomes, config, runDir: deps.runDir });
}
/** The follow-up run's document when this is one (`ensemble-follow-up`), else null. */
async function downloadFollowUp(deps) {
    try {
        await download(deps, names/* ARTIFACTS */.ym.followUp);
    }
    catch (error) {
        if (error instanceof store/* ArtifactMissingError */.BU)
            return null;
        throw error;
    }
    return deps.runDir.readDocument('follow-up', names/* ARTIFACTS */.ym.followUp, documents/* DOCUMENTS */.f['follow-up'].file);
}
/**
 * `actions/fix`: the review → fix loop, in one job. It reads the plan, the test stage's change and
 * every lens's review, and runs fix rounds while the review blocks; each round (its fix, re-test
 * and re-review) is uploaded as `ensemble-fix-<round>` as it is written. A lens whose job uploaded
 * no review counts as no finding: the loop fixes what the reviews that exist found.
 */
async function runFixAction(settings, deps) {
    await setUpStageSandbox(settings, deps);
    await download(deps, names/* ARTIFACTS */.ym.plan);
    await download(deps, names/* ARTIFACTS */.ym.test);
    const { config } = await (0,session.loadRunConfig)((0,session/* repositoryRoot */.Hn)(deps.job.workspace), settings.config, null);
    const followUp = await downloadFollowUp(deps);
    // A follow-up run's open findings include people's review comments and failed checks, in reviews of their own.
    const lenses = followUp ? [...config.review.lenses, ...review/* EXTERNAL_SOURCES */.d1] : config.review.lenses;
    for (const lens of lenses) {
        try {
            await download(deps, names/* ARTIFACTS */.ym.review(lens));
        }
        catch (error) {
            if (!(error instanceof store/* ArtifactMissingError */.BU))
                throw error;
            // A follow-up's lens with no open finding has no review, and people's review only when they commented.
            if (!followUp)
                deps.core.warning(`review lens ${lens}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    const instructions = followUp?.instructions ?? null;
    const { outcomes } = await withCommandsStopped(deps.core, () => (0,stage_job/* runStageJob */.d)({ ...jobOptions(settings, deps), units: [{ stage: 'fix', loop: true, instructions }] }));
    await (0,report/* reportStage */.p)(deps.core, { stage: 'fix', outcomes, config, runDir: deps.runDir });
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
