export const id = 991;
export const ids = [991,356];
export const modules = {

/***/ 6547:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T3: () => (/* binding */ requestFromIssue),
/* harmony export */   mK: () => (/* binding */ requestFromPrompt),
/* harmony export */   zm: () => (/* binding */ requestFromIssueFile)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(80737);
/* harmony import */ var _agent_prompt_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66847);
/* harmony import */ var _config_hash_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68992);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99661);





function snapshot(fields) {
    const clean = {
        ...fields,
        title: (0,_agent_prompt_js__WEBPACK_IMPORTED_MODULE_1__/* .stripHiddenContent */ .wG)(fields.title).trim(),
        body: (0,_agent_prompt_js__WEBPACK_IMPORTED_MODULE_1__/* .stripHiddenContent */ .wG)(fields.body).trim(),
        comments: fields.comments.map((c) => ({ ...c, body: (0,_agent_prompt_js__WEBPACK_IMPORTED_MODULE_1__/* .stripHiddenContent */ .wG)(c.body).trim() })),
    };
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update((0,_config_hash_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalJson */ .d)(clean)).digest('hex');
    return { ...clean, hash };
}
/** The request of a run started from a prompt; hidden content is stripped before anything sees it. */
function requestFromPrompt(prompt, title) {
    const text = prompt.trim();
    if (text === '')
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('the prompt is empty: say what to build');
    const firstLine = title ?? (0,_agent_prompt_js__WEBPACK_IMPORTED_MODULE_1__/* .stripHiddenContent */ .wG)(text).split('\n')[0]?.trim() ?? '';
    return snapshot({
        source: 'prompt',
        issue: null,
        title: firstLine.length > 120 ? `${firstLine.slice(0, 117)}...` : firstLine,
        body: text,
        author: null,
        comments: [],
    });
}
/** The snapshot of an issue, taken once; later stages read this, never the live issue. */
function requestFromIssue(issue) {
    return snapshot({
        source: 'issue',
        issue: issue.number,
        title: issue.title,
        body: issue.body ?? '',
        author: issue.author,
        comments: issue.comments.slice(0, 100),
    });
}
/** `gh issue view N --json number,title,body,author,comments`, or GitHub's REST issue shape. */
const IssueJson = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    number: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().positive().optional(),
    title: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().min(1, 'the issue needs a title'),
    body: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().nullable().optional(),
    author: zod__WEBPACK_IMPORTED_MODULE_4__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP() }), zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP()])
        .nullable()
        .optional(),
    user: zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP() }).nullable().optional(),
    comments: zod__WEBPACK_IMPORTED_MODULE_4__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
        author: zod__WEBPACK_IMPORTED_MODULE_4__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP() }), zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP()])
            .nullable()
            .optional(),
        user: zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP() }).nullable().optional(),
        body: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(),
        createdAt: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().optional(),
        created_at: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().optional(),
    }))
        .optional(),
});
const login = (who) => typeof who === 'string' ? who : (who?.login ?? null);
/**
 * An issue written to a file: JSON as `gh issue view --json` or the REST API gives it, or
 * Markdown whose first `# ` heading is the title. A file without an issue number is a prompt.
 */
function requestFromIssueFile(text, file) {
    const trimmed = text.trim();
    if (trimmed === '')
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${file} is empty: write the issue as Markdown (a "# Title" line, then the body) or as JSON`);
    if (trimmed.startsWith('{')) {
        let value;
        try {
            value = JSON.parse(trimmed);
        }
        catch (error) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${file} is not valid JSON: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}`);
        }
        const parsed = IssueJson.safeParse(value);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw new Error(`${file}: ${issue?.path.join('.') || 'issue'}: ${issue?.message}; expected ` +
                `the shape of \`gh issue view N --json number,title,body,author,comments\``);
        }
        const issue = parsed.data;
        const comments = (issue.comments ?? []).map((c) => ({
            author: login(c.author) ?? login(c.user) ?? 'unknown',
            body: c.body,
            createdAt: c.createdAt ?? c.created_at ?? '',
        }));
        if (issue.number === undefined)
            return requestFromPrompt(`${issue.title}\n\n${issue.body ?? ''}`);
        return requestFromIssue({
            number: issue.number,
            title: issue.title,
            body: issue.body ?? '',
            author: login(issue.author) ?? login(issue.user),
            comments,
        });
    }
    const heading = /^#\s+(.+)$/m.exec(trimmed);
    if (!heading)
        return requestFromPrompt(trimmed);
    const body = trimmed.replace(heading[0], '').trim();
    return requestFromPrompt(body || heading[1], heading[1].trim());
}


/***/ }),

/***/ 47604:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MAX_OUTPUT_BYTES: () => (/* binding */ MAX_OUTPUT_BYTES),
  openActionsRun: () => (/* binding */ openActionsRun),
  planMatrix: () => (/* binding */ planMatrix),
  prepareRun: () => (/* binding */ prepareRun),
  reportPlan: () => (/* binding */ reportPlan),
  runPlanAction: () => (/* binding */ runPlanAction)
});

// EXTERNAL MODULE: ./lib/pipeline/request.js
var request = __webpack_require__(6547);
// EXTERNAL MODULE: ./lib/pipeline/run-stage.js + 16 modules
var run_stage = __webpack_require__(12183);
// EXTERNAL MODULE: ./lib/pipeline/session.js + 5 modules
var pipeline_session = __webpack_require__(19108);
// EXTERNAL MODULE: ./lib/plan/graph.js
var graph = __webpack_require__(18703);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/runtime/actions/environment.js + 1 modules
var environment = __webpack_require__(24910);
// EXTERNAL MODULE: ./lib/runtime/actions/report.js
var report = __webpack_require__(87752);
// EXTERNAL MODULE: ./lib/runtime/actions/stages.js + 1 modules
var stages = __webpack_require__(40988);
;// CONCATENATED MODULE: ./lib/runtime/actions/timeouts.js

/** Minutes a job needs besides its stage's own limit. */
const JOB_MARGIN_MINUTES = 15;
/** The plan job's fixed limit in pipeline.yml (it reads the configuration, so cannot follow it). */
const PLAN_JOB_TIMEOUT_MINUTES = 60;
/** GitHub ends a job on a GitHub-hosted runner after 6 hours, whatever `timeout-minutes` says. */
const HOSTED_JOB_LIMIT_MINUTES = 360;
/** The publish job's fixed limit in pipeline.yml: no agent, a bounded number of API calls. */
const PUBLISH_JOB_TIMEOUT_MINUTES = 15;
const limit = (minutes) => Math.min(HOSTED_JOB_LIMIT_MINUTES, Math.ceil(minutes + JOB_MARGIN_MINUTES));
/** The `timeouts` output of the plan job: each later single job's limit in minutes. */
function jobTimeouts(config) {
    return {
        test: limit(config.stages.test['timeout-minutes']),
        review: limit(config.stages.review['timeout-minutes']),
        docs: limit(config.stages.docs['timeout-minutes']),
    };
}
/**
 * A code leg's limit: its tasks run one after another, each up to the code stage's limit.
 * `overHostedLimit` says that the tasks' limits add up to more than a hosted job may run.
 */
function codeLegTimeout(config, tasks) {
    const wanted = tasks * config.stages.code['timeout-minutes'] + JOB_MARGIN_MINUTES;
    return { minutes: limit(wanted - JOB_MARGIN_MINUTES), overHostedLimit: wanted > HOSTED_JOB_LIMIT_MINUTES };
}
/** The plan job's limit is fixed; a configured plan limit that does not fit in it is refused before planning. */
function assertPlanFitsItsJob(config, configPath) {
    const allowed = PLAN_JOB_TIMEOUT_MINUTES - JOB_MARGIN_MINUTES;
    const configured = config.stages.plan['timeout-minutes'];
    if (configured > allowed) {
        throw new errors/* UserError */.yo(`${configPath}: stages.plan.timeout-minutes is ${configured}, but the reusable workflow's plan job ` +
            `stops after ${PLAN_JOB_TIMEOUT_MINUTES} minutes (${JOB_MARGIN_MINUTES} of them for checkout and ` +
            `artifacts): set it to at most ${allowed}`);
    }
}

;// CONCATENATED MODULE: ./lib/runtime/actions/trigger.js

class TriggerError extends errors/* UserError */.yo {
    name = 'TriggerError';
}
/**
 * Decides from the event and the action's inputs what the run works on, refusing every other
 * event with a message that names it. The issue number comes from the payload or from the
 * validated `issue` input, never from text anyone can edit.
 */
function resolveTrigger(eventName, payload, inputs, triggerLabel) {
    const sender = { login: payload.sender?.login ?? '', type: payload.sender?.type ?? 'User' };
    if (sender.login === '')
        throw new TriggerError(`the ${eventName} event has no sender; refusing to run without knowing who triggered it`);
    if (eventName === 'issues') {
        if (payload.action !== 'labeled') {
            throw new TriggerError(`the issues event "${payload.action ?? 'unknown'}" does not start ` +
                `ensemble: only "labeled" with the label "${triggerLabel}" does`);
        }
        if (payload.label?.name !== triggerLabel) {
            throw new TriggerError(`the label "${payload.label?.name ?? ''}" is not ensemble's trigger label ` +
                `"${triggerLabel}" (set trigger.label in the configuration to change it)`);
        }
        const issue = payload.issue?.number;
        if (!Number.isInteger(issue) || issue <= 0)
            throw new TriggerError('the issues event carries no issue number');
        if (payload.issue?.pull_request)
            throw new TriggerError('the label was added to a pull request, not an issue; ensemble works on issues');
        return { kind: 'issue', issue: issue, sender, event: eventName };
    }
    if (eventName === 'workflow_dispatch' || eventName === 'workflow_call') {
        if (inputs.issue !== null)
            return { kind: 'issue', issue: inputs.issue, sender, event: eventName };
        if (inputs.prompt !== null)
            return { kind: 'prompt', prompt: inputs.prompt, sender, event: eventName };
        throw new TriggerError(`a ${eventName} run needs the input "issue" (an issue number) or "prompt" (what to build)`);
    }
    throw new TriggerError(`ensemble does not run on the "${eventName}" event: trigger it by labelling ` +
        `an issue "${triggerLabel}" (issues: labeled) or with workflow_dispatch`);
}

;// CONCATENATED MODULE: ./lib/runtime/actions/plan.js










/** GitHub's limit on one job output is 1 MB; the matrix stays far below it (at most 256 short entries). */
const MAX_OUTPUT_BYTES = 1_000_000;
/**
 * `{"include":[{"task":"<id>","title":"…","timeout-minutes":75}]}` for
 * `strategy.matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}`: one leg per group of tasks linked
 * by dependencies, named by its first task; the code action runs the whole group in dependency
 * order (independent tasks are groups of one), so the leg's time limit covers every task of it.
 * `warnings` name the legs whose tasks may need more than a hosted job can run.
 */
function planMatrix(plan, config) {
    const titles = new Map(plan.tasks.map((t) => [t.id, t.title]));
    const warnings = [];
    const include = (0,graph/* dependencyGroups */.m0)(plan.tasks)
        .slice(0, 256)
        .map((group) => {
        const first = group[0];
        const then = group.length > 1 ? ` (then ${group.slice(1).join(', ')})` : '';
        const timeout = codeLegTimeout(config, group.length);
        if (timeout.overHostedLimit) {
            warnings.push(`the code leg of ${group.join(' → ')} runs ${group.length} tasks of up to ` +
                `${config.stages.code['timeout-minutes']} minutes each, more than the ${HOSTED_JOB_LIMIT_MINUTES} ` +
                'minutes GitHub lets a hosted job run: its last tasks may be cut off');
        }
        return { task: first, title: `${titles.get(first)?.slice(0, 200)}${then}`, 'timeout-minutes': timeout.minutes };
    });
    const json = JSON.stringify({ include });
    if (Buffer.byteLength(json) > MAX_OUTPUT_BYTES)
        throw new Error(`the task matrix is ${Buffer.byteLength(json)} bytes, over GitHub's output limit`);
    return { json, warnings };
}
const MISSING_TOKEN = 
// biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression a user writes
'the github-token input is empty: pass ${{ github.token }} ' +
    '(the default) or a token with contents: read and issues: write';
/** The issue's title and body as the `issues` event recorded them when the label was added. */
function labelledIssueText(payload, number) {
    const issue = payload['issue'];
    if (!issue || issue.number !== number || typeof issue.title !== 'string')
        return null;
    return { title: issue.title, body: typeof issue.body === 'string' ? issue.body : '' };
}
/**
 * Checks the event and who triggered it, and snapshots the request: before any model call, so a
 * refusal costs nothing. The snapshot is the only copy of the issue later stages read.
 */
async function prepareRun(settings, deps, config) {
    const { core, job } = deps;
    const inputs = { issue: settings.issue, prompt: settings.prompt };
    const trigger = resolveTrigger(job.eventName, job.eventPayload, inputs, config.trigger.label);
    const token = settings.githubToken ?? deps.env['GITHUB_TOKEN'];
    if (!token)
        throw new errors/* UserError */.yo(MISSING_TOKEN);
    const github = await Promise.all(/* import() */[__webpack_require__.e(101), __webpack_require__.e(375), __webpack_require__.e(483)]).then(__webpack_require__.bind(__webpack_require__, 48483));
    const octokit = github.createOctokit({ token, baseUrl: job.apiUrl });
    const { owner, repo } = job.repository;
    const permission = await github.checkTriggerPermission(octokit, {
        owner,
        repo,
        username: trigger.sender.login,
        senderType: trigger.sender.type,
        allowedBots: config.trigger['allowed-bots'],
    });
    if (!permission.ok)
        throw new TriggerError(permission.reason);
    if (trigger.kind !== 'issue')
        return { request: (0,request/* requestFromPrompt */.mK)(trigger.prompt), octokit, token };
    const issue = await github.snapshotIssue(octokit, { owner, repo, issue_number: trigger.issue });
    // The maintainer approved the issue as it read when they added the label: the event carries
    // that text. An edit made since (by its author, say) is not what was approved, so it is not used.
    const labelled = labelledIssueText(job.eventPayload, trigger.issue);
    if (labelled && (labelled.title !== issue.title || labelled.body !== (issue.body ?? ''))) {
        core.warning(`issue #${trigger.issue} was edited after it was labelled; ensemble works on the text as it was labelled`);
        Object.assign(issue, labelled);
    }
    return { request: (0,request/* requestFromIssue */.T3)(issue), octokit, token };
}
/** Opens the run on the job's checkout: its id is the workflow run's, its base the checkout's HEAD. */
function openActionsRun(deps, input) {
    const { job } = deps;
    return (0,pipeline_session/* openRunSession */.Ic)({
        repoDir: job.workspace,
        repository: `${job.repository.owner}/${job.repository.repo}`,
        runId: job.runId,
        request: input.request,
        loaded: input.loaded,
        config: input.config,
        runDir: deps.runDir,
        session: input.session,
        reporter: (0,environment/* actionsReporter */.t)(deps.core),
    });
}
/**
 * After the plan: the matrix outputs the reusable workflow's jobs fan out on, the step summary,
 * and the tracking comment on the issue.
 */
async function reportPlan(deps, prepared, outcome, config) {
    const { core, job } = deps;
    const plan = outcome.documents.plan;
    const matrix = planMatrix(plan, config);
    for (const warning of matrix.warnings)
        core.warning(warning);
    core.setOutput('matrix', matrix.json);
    core.setOutput('timeouts', JSON.stringify(jobTimeouts(config)));
    core.setOutput('task-count', String(plan.tasks.length));
    core.setOutput('base-sha', plan.run.baseSha);
    core.setOutput('lenses', JSON.stringify(config.review.lenses));
    await (0,report/* reportStage */.p)(core, { stage: 'plan', outcomes: [outcome], config, runDir: deps.runDir });
    if (plan.request.issue === null)
        return;
    const { owner, repo } = job.repository;
    const { postPlanTrackingComment } = await Promise.all(/* import() */[__webpack_require__.e(101), __webpack_require__.e(375), __webpack_require__.e(753), __webpack_require__.e(646)]).then(__webpack_require__.bind(__webpack_require__, 17646));
    await postPlanTrackingComment({
        octokit: prepared.octokit,
        repo: { owner, repo },
        issue: plan.request.issue,
        plan,
        runUrl: `${job.serverUrl}/${owner}/${repo}/actions/runs/${job.runId}`,
        secretValues: [
            { name: 'github-token', value: prepared.token },
            ...Object.entries(deps.session?.removedCredentials ?? {}).map(([name, value]) => ({ name, value })),
        ],
        serverUrl: job.serverUrl,
        log: { info: (m) => deps.core.info(m), warn: (m) => deps.core.warning(m) },
    });
}
/**
 * `actions/plan`: checks the event and who triggered it, snapshots the request, plans, uploads
 * `ensemble-plan`, sets the matrix outputs and upserts the tracking comment.
 */
async function runPlanAction(settings, deps) {
    const model = settings.model ? `${settings.model.provider}:${settings.model.model}` : null;
    const { loaded, config } = await (0,pipeline_session.loadRunConfig)(deps.job.workspace, settings.config, model);
    assertPlanFitsItsJob(config, loaded.file);
    const prepared = await prepareRun(settings, deps, config);
    // Keys are read, then every credential leaves the environment, before any agent starts.
    const models = (0,pipeline_session.openModels)(config, ['plan'], {
        model,
        baseUrl: settings.baseUrl,
        apiKey: settings.apiKey,
        env: deps.env,
        ...(deps.session ? { session: deps.session } : {}),
    });
    const session = await openActionsRun(deps, { request: prepared.request, loaded, config, session: models });
    let outcome;
    try {
        outcome = await (0,stages.withCommandsStopped)(deps.core, () => (0,run_stage/* runStage */.Si)(session, { stage: 'plan', request: prepared.request }));
    }
    finally {
        await session.close();
    }
    await (0,stages.uploadOutcome)(deps, outcome);
    await reportPlan({ ...deps, session: models }, prepared, outcome, config);
}


/***/ }),

/***/ 87752:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ reportStage)
/* harmony export */ });
/* harmony import */ var _artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40963);
/* harmony import */ var _render_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(43229);
/* harmony import */ var _review_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17740);
/* harmony import */ var _workspace_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1042);
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
};
/** A stage that by rule had nothing to do (switched off, an empty change): an empty output, no artifact. */
function skippedReport(report) {
    const reason = report.outcomes.map((o) => o.summary).join('; ');
    return { outputs: { [OUTPUT_OF[report.stage]]: '' }, markdown: `Skipped: ${reason}.`, failure: null };
}
const REPORTERS = {
    plan: (report) => {
        const plan = report.outcomes[0]?.documents.plan;
        if (!plan)
            return { outputs: {}, markdown: 'No plan was made.', failure: 'the plan stage made no plan' };
        return {
            outputs: {},
            markdown: `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderPlanMarkdown */ .d$)(plan)}\n${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderUsageTable */ .MH)([{ stage: 'plan', usage: plan.usage }])}`,
            failure: null,
        };
    },
    code: (report) => {
        const tasks = report.outcomes.flatMap((o) => (o.documents.task ? [o.documents.task] : []));
        const failed = tasks.filter((t) => t.status === 'failed');
        const usage = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderUsageTable */ .MH)(tasks.map((task) => ({ stage: `code · ${task.taskId}`, usage: task.usage })));
        return {
            outputs: { status: codeStatus(tasks.map((t) => t.status)) },
            markdown: `${tasks.map((task) => (0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderTaskMarkdown */ .Th)(task)).join('\n')}\n${usage}`,
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
            markdown: `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderTestMarkdown */ .cp)(test)}\n${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderUsageTable */ .MH)([{ stage: 'test', usage: test.usage }])}`,
            failure: test.status === 'error' ? `the tests could not run: ${firstLine(test.summary)}` : null,
        };
    },
    review: (report) => {
        const reviews = report.outcomes.flatMap((o) => o.documents.reviews ?? []);
        const change = report.runDir.readText(_artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__/* .ARTIFACTS */ .ym.test, 'change.patch') ?? '';
        const outcome = (0,_review_index_js__WEBPACK_IMPORTED_MODULE_2__/* .combineReviews */ .bu)(reviews, (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_3__/* .parseUnifiedDiff */ .rj)(change), report.config.review['block-on']);
        const usage = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderUsageTable */ .MH)(reviews.map((r) => ({ stage: `review · ${r.lens}`, usage: r.usage })));
        const failed = report.outcomes.filter((o) => o.status === 'failed');
        return {
            outputs: { verdict: reviews.length === 1 ? (reviews[0]?.verdict ?? '') : outcome.verdict },
            markdown: `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderReviewMarkdown */ .AD)(outcome)}\n${usage}`,
            failure: failed.length > 0 ? `the review did not complete: ${failed.map((o) => o.summary).join('; ')}` : null,
        };
    },
    docs: (report) => {
        const docs = report.outcomes[0]?.documents.docs;
        if (!docs)
            return { outputs: { status: '' }, markdown: 'The docs stage made no report.', failure: 'no docs report' };
        return {
            outputs: { status: docs.status },
            markdown: `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderDocsMarkdown */ .LK)(docs)}\n${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderUsageTable */ .MH)([{ stage: 'docs', usage: docs.usage }])}`,
            failure: docs.status === 'failed' ? `the docs stage failed: ${firstLine(docs.summary)}` : null,
        };
    },
};
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

/***/ 40988:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BASE_COMMIT_HINT: () => (/* binding */ BASE_COMMIT_HINT),
  runCodeAction: () => (/* binding */ runCodeAction),
  runDocsAction: () => (/* binding */ runDocsAction),
  runReviewAction: () => (/* binding */ runReviewAction),
  runTestAction: () => (/* binding */ runTestAction),
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
// EXTERNAL MODULE: ./lib/pipeline/run-stage.js + 16 modules
var run_stage = __webpack_require__(12183);
// EXTERNAL MODULE: ./lib/pipeline/stage-job.js
var stage_job = __webpack_require__(44698);
// EXTERNAL MODULE: ./lib/plan/graph.js
var graph = __webpack_require__(18703);
// EXTERNAL MODULE: ./lib/stages/code.js
var code = __webpack_require__(98198);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/runtime/actions/environment.js + 1 modules
var environment = __webpack_require__(24910);
// EXTERNAL MODULE: ./lib/runtime/actions/report.js
var report = __webpack_require__(87752);
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
        if (!(error instanceof store/* ArtifactMissingError */.U))
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
