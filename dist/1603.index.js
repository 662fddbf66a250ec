export const id = 1603;
export const ids = [1603];
export const modules = {

/***/ 1603:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runAllAction: () => (/* binding */ runAllAction)
/* harmony export */ });
/* harmony import */ var _pipeline_environment_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96283);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2699);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17522);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(87752);
/* harmony import */ var _stages_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(64459);





/**
 * A view of `core` for one stage of the all-in-one job: the stage's outputs stay internal (only
 * publish's become the job's), and a stage that fails is recorded so that the next stages still
 * run and the publisher still writes its report; the job fails at the end, naming each failure.
 */
function stageCore(core, stage, failures, passOutputs) {
    return {
        ...core,
        summary: core.summary,
        setOutput: (name, value) => {
            if (passOutputs)
                core.setOutput(name, value);
        },
        setFailed: (message) => {
            failures.push(`${stage}: ${message instanceof Error ? message.message : message}`);
        },
    };
}
/**
 * The root `action.yml`: the whole pipeline in one job, for users who prefer one job to
 * isolation and parallelism. It is the local pipeline's scheduler (`runPipeline`) with GitHub's
 * hooks: each unit's artifacts are uploaded and reported as the stage actions report them, and
 * the publisher is the GitHub publisher, which also reports a run that stopped early.
 */
async function runAllAction(settings, deps) {
    const failures = [];
    const { loadRunConfig, openModels } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6660));
    const { runPipeline } = await __webpack_require__.e(/* import() */ 975).then(__webpack_require__.bind(__webpack_require__, 20975));
    const { AGENT_STAGES } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 10784));
    const { stagesToRun } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 23435));
    const model = settings.model ? `${settings.model.provider}:${settings.model.model}` : null;
    const { loaded, config: fileConfig } = await loadRunConfig(deps.job.workspace, settings.config, model);
    const withCore = (stage, pass = false) => ({ ...deps, core: stageCore(deps.core, stage, failures, pass) });
    // Without a request there is nothing to do: a refusal is the job's failure.
    const prepared = await (0,_plan_js__WEBPACK_IMPORTED_MODULE_1__.prepareRun)(settings, deps, fileConfig);
    // No comment continues this job: the planner does not ask, and a plan that must be approved is refused.
    const config = (0,_plan_js__WEBPACK_IMPORTED_MODULE_1__.configThatCanWait)(fileConfig, prepared.request, 'all-in-one', deps.core);
    // Once the request is known to be allowed (nothing is installed for a refused one), before any stage.
    await (0,_stages_js__WEBPACK_IMPORTED_MODULE_4__.setUpSandbox)(deps, config);
    // Every stage's key is read now, once; then credentials leave the environment for the whole job.
    const stages = stagesToRun(config);
    const modelOptions = { model, baseUrl: settings.baseUrl, apiKey: settings.apiKey, env: deps.env };
    const models = openModels(config, AGENT_STAGES.filter((s) => stages.has(s)), modelOptions);
    deps = { ...deps, session: models };
    const session = await (0,_plan_js__WEBPACK_IMPORTED_MODULE_1__.openActionsRun)(deps, { request: prepared.request, loaded, config, session: models });
    let result;
    try {
        result = await runPipeline(session, {
            request: prepared.request,
            stages,
            maxParallel: 4,
            around: (0,_stages_js__WEBPACK_IMPORTED_MODULE_4__.sharedCommandStop)(deps.core),
            afterUnit: async (outcome) => {
                await (0,_stages_js__WEBPACK_IMPORTED_MODULE_4__.uploadOutcome)(deps, outcome);
                const stageDeps = withCore(outcome.stage);
                if (outcome.stage === 'plan')
                    await (0,_plan_js__WEBPACK_IMPORTED_MODULE_1__.reportPlan)(stageDeps, prepared, outcome, config);
                else
                    await (0,_report_js__WEBPACK_IMPORTED_MODULE_3__.reportStage)(stageDeps.core, { stage: outcome.stage, outcomes: [outcome], config, runDir: deps.runDir });
            },
            publisher: {
                reportsStoppedRuns: true,
                publish: async () => {
                    const before = failures.length;
                    const { config, issue, githubToken, draft, appId, appPrivateKey } = settings;
                    const publishSettings = { config, issue, githubToken, draft, appId, appPrivateKey };
                    await (0,_publish_js__WEBPACK_IMPORTED_MODULE_2__.runPublishAction)(publishSettings, withCore('publish', true));
                    const ok = failures.length === before;
                    return { ok, summary: ok ? 'published' : (failures.at(-1) ?? 'not published') };
                },
            },
        });
    }
    finally {
        await session.close();
    }
    if (result.stopped !== null)
        failures.unshift(`the run stopped: ${result.stopped}`);
    // A setup that failed stopped the run before the plan, so no stage and no publisher reports it:
    // the step summary and the tracking comment say what ran, how it ended and what it printed.
    if (result.setup?.status === 'failed')
        await (0,_plan_js__WEBPACK_IMPORTED_MODULE_1__.reportSetupFailure)(deps, prepared, (0,_pipeline_environment_js__WEBPACK_IMPORTED_MODULE_0__/* .setupStopMessage */ .J)(result.setup));
    if (failures.length > 0)
        deps.core.setFailed(`these stages failed:\n${failures.map((f) => `- ${f}`).join('\n')}`);
}


/***/ })

};
