export const id = 996;
export const ids = [996];
export const modules = {

/***/ 96283:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ setupStopMessage),
/* harmony export */   z: () => (/* binding */ prepareEnvironment)
/* harmony export */ });
/* harmony import */ var _stages_setup_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4406);
/**
 * The run's dependency install, before any model call: a setup that fails stops the run while
 * nothing has been spent, and says which command failed, how, and its last lines.
 */

/** The setup's report, or null when the session has no environment (a context built by hand). */
async function prepareEnvironment(session) {
    const environment = session.ctx.environment;
    if (!environment)
        return null;
    const report = await environment.prepare();
    const { reporter } = session.ctx;
    if (report.status === 'done')
        reporter.info(`setup: installed (${report.choice.reason})`);
    if (report.status === 'none')
        reporter.info(`setup: nothing to install (${report.choice.reason})`);
    return report;
}
/** Why the run stopped, for the terminal and `--json`'s `error`: the command, its exit, its last lines. */
function setupStopMessage(report) {
    const failure = report.failure;
    if (!failure)
        return '';
    const from = report.choice.source === 'detected' ? `detected: ${report.choice.reason}` : '`setup` in the configuration';
    return (`setup failed before any model call: \`${failure.command}\` (${from}) ${failure.how}. ` +
        `${(0,_stages_setup_js__WEBPACK_IMPORTED_MODULE_0__/* .setupAdvice */ .OT)(report)}\nLast lines of its output:\n${failure.outputTail}`);
}


/***/ }),

/***/ 6547:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T3: () => (/* binding */ requestFromIssue),
/* harmony export */   mK: () => (/* binding */ requestFromPrompt),
/* harmony export */   zm: () => (/* binding */ requestFromIssueFile)
/* harmony export */ });
/* unused harmony exports REQUEST_BOUNDS, boundedComments */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(80737);
/* harmony import */ var _agent_prompt_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66847);
/* harmony import */ var _config_hash_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68992);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99661);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(28805);






/**
 * Markdown as a reader sees it on GitHub (`visibleMarkdown`), with a last line saying what was
 * hidden when anything was: the model learns that the author hid something (a reason for
 * suspicion, not an instruction), and so does whoever reads the request in the plan.
 */
function visibleText(text) {
    const { text: visible, removed } = (0,_agent_prompt_js__WEBPACK_IMPORTED_MODULE_1__/* .visibleMarkdown */ .u6)(text);
    const trimmed = visible.trim();
    if (removed.length === 0)
        return trimmed;
    const note = `[ensemble removed what GitHub does not show from this text: ${removed.join(', ')}]`;
    return trimmed === '' ? note : `${trimmed}\n\n${note}`;
}
// A title is plain text on GitHub, not Markdown: only invisible characters and comments go.
function snapshot(fields) {
    const clean = {
        ...fields,
        title: (0,_agent_prompt_js__WEBPACK_IMPORTED_MODULE_1__/* .stripHiddenContent */ .wG)(fields.title).trim(),
        body: visibleText(fields.body),
        comments: fields.comments.map((c) => ({ ...c, body: visibleText(c.body) })),
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
        omittedComments: 0,
    });
}
/**
 * How much of an issue a request holds. Every agent reads the request, so a long discussion would
 * be paid for in every prompt (and could crowd out the task): the body is cut at
 * `MAX_REQUEST_BODY_CHARS`, each comment at `MAX_COMMENT_CHARS`, and the comments kept are the most
 * recent that fit in `MAX_COMMENTS` and `MAX_COMMENTS_CHARS` together: the latest word of the
 * maintainers usually refines what the issue asked.
 */
const REQUEST_BOUNDS = {
    MAX_REQUEST_BODY_CHARS: 60_000,
    MAX_COMMENT_CHARS: 8_000,
    MAX_COMMENTS: 30,
    MAX_COMMENTS_CHARS: 40_000,
};
/** The most recent comments within `REQUEST_BOUNDS`, oldest first, each cut to its bound; and how many were left out. */
function boundedComments(comments) {
    const kept = [];
    let chars = 0;
    for (const comment of [...comments].reverse()) {
        const body = cutText(comment.body, REQUEST_BOUNDS.MAX_COMMENT_CHARS);
        if (kept.length >= REQUEST_BOUNDS.MAX_COMMENTS || chars + body.length > REQUEST_BOUNDS.MAX_COMMENTS_CHARS)
            break;
        kept.unshift({ ...comment, body });
        chars += body.length;
    }
    return { kept, omitted: comments.length - kept.length };
}
/** `text` cut at `max` characters, saying how much was cut. */
function cutText(text, max) {
    if (text.length <= max)
        return text;
    return `${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(text, max)}\n[ensemble left out the remaining ${text.length - max} characters]`;
}
/** The snapshot of an issue, taken once; later stages read this, never the live issue. */
function requestFromIssue(issue) {
    const { kept, omitted } = boundedComments(issue.comments);
    return snapshot({
        source: 'issue',
        issue: issue.number,
        title: issue.title,
        body: cutText(issue.body ?? '', REQUEST_BOUNDS.MAX_REQUEST_BODY_CHARS),
        author: issue.author,
        comments: kept,
        omittedComments: omitted,
    });
}
/** `gh issue view N --json number,title,body,author,comments`, or GitHub's REST issue shape. */
const IssueJson = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    number: zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig().int().positive().optional(),
    title: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1, 'the issue needs a title'),
    body: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().nullable().optional(),
    author: zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP() }), zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()])
        .nullable()
        .optional(),
    user: zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP() }).nullable().optional(),
    comments: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
        author: zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP() }), zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()])
            .nullable()
            .optional(),
        user: zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP() }).nullable().optional(),
        body: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
        createdAt: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().optional(),
        created_at: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().optional(),
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

/***/ 40996:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MAX_OUTPUT_BYTES: () => (/* binding */ MAX_OUTPUT_BYTES),
  SetupFailedError: () => (/* binding */ SetupFailedError),
  openActionsRun: () => (/* binding */ openActionsRun),
  planMatrix: () => (/* binding */ planMatrix),
  prepareRun: () => (/* binding */ prepareRun),
  reportPlan: () => (/* binding */ reportPlan),
  reportSetupFailure: () => (/* binding */ reportSetupFailure),
  runPlanAction: () => (/* binding */ runPlanAction),
  setUpBeforePlanning: () => (/* binding */ setUpBeforePlanning)
});

// EXTERNAL MODULE: ./lib/pipeline/environment.js
var environment = __webpack_require__(96283);
// EXTERNAL MODULE: ./lib/pipeline/request.js
var request = __webpack_require__(6547);
// EXTERNAL MODULE: ./lib/pipeline/run-stage.js + 14 modules
var run_stage = __webpack_require__(8636);
// EXTERNAL MODULE: ./lib/pipeline/session.js + 6 modules
var pipeline_session = __webpack_require__(6660);
// EXTERNAL MODULE: ./lib/plan/graph.js
var graph = __webpack_require__(18703);
// EXTERNAL MODULE: ./lib/render/index.js + 11 modules
var render = __webpack_require__(30219);
// EXTERNAL MODULE: ./lib/stages/setup.js
var stages_setup = __webpack_require__(4406);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/runtime/actions/environment.js + 2 modules
var actions_environment = __webpack_require__(29171);
// EXTERNAL MODULE: ./lib/runtime/actions/report.js
var report = __webpack_require__(87752);
// EXTERNAL MODULE: ./lib/runtime/actions/stages.js + 3 modules
var stages = __webpack_require__(64459);
// EXTERNAL MODULE: ./lib/runtime/actions/timeouts.js
var timeouts = __webpack_require__(8154);
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
        const timeout = (0,timeouts/* codeLegTimeout */.b8)(config, group.length);
        if (timeout.overHostedLimit) {
            warnings.push(`the code leg of ${group.join(' → ')} runs ${group.length} tasks of up to ` +
                `${config.stages.code['timeout-minutes']} minutes each, more than the ${timeouts/* HOSTED_JOB_LIMIT_MINUTES */.iM} ` +
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
    const github = await Promise.all(/* import() */[__webpack_require__.e(101), __webpack_require__.e(608), __webpack_require__.e(483)]).then(__webpack_require__.bind(__webpack_require__, 48483));
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
        reporter: (0,actions_environment/* actionsReporter */.t)(deps.core),
    });
}
/**
 * After the plan: the matrix outputs the reusable workflow's jobs fan out on, the step summary,
 * and the tracking comment on the issue.
 */
async function reportPlan(deps, prepared, outcome, config) {
    const { core } = deps;
    const plan = outcome.documents.plan;
    const matrix = planMatrix(plan, config);
    for (const warning of matrix.warnings)
        core.warning(warning);
    core.setOutput('matrix', matrix.json);
    core.setOutput('timeouts', JSON.stringify((0,timeouts/* jobTimeouts */.u)(config)));
    core.setOutput('task-count', String(plan.tasks.length));
    core.setOutput('base-sha', plan.run.baseSha);
    core.setOutput('lenses', JSON.stringify(config.review.lenses));
    await (0,report/* reportStage */.p)(core, { stage: 'plan', outcomes: [outcome], config, runDir: deps.runDir });
    if (plan.request.issue === null)
        return;
    const { postPlanTrackingComment } = await Promise.all(/* import() */[__webpack_require__.e(101), __webpack_require__.e(676), __webpack_require__.e(646)]).then(__webpack_require__.bind(__webpack_require__, 17646));
    await postPlanTrackingComment({ ...trackingTarget(deps, prepared, plan.request.issue), plan });
}
/** Where the plan job's tracking comment goes, and what it must never contain (the job's secrets). */
function trackingTarget(deps, prepared, issue) {
    const { core, job } = deps;
    const { owner, repo } = job.repository;
    return {
        octokit: prepared.octokit,
        repo: { owner, repo },
        issue,
        runUrl: `${job.serverUrl}/${owner}/${repo}/actions/runs/${job.runId}`,
        secretValues: [
            { name: 'github-token', value: prepared.token },
            ...Object.entries(deps.session?.removedCredentials ?? {}).map(([name, value]) => ({ name, value })),
        ],
        serverUrl: job.serverUrl,
        log: { info: (m) => core.info(m), warn: (m) => core.warning(m) },
    };
}
/**
 * The run's setup, before any model call: what the detection or the configuration installs runs
 * once here, in the sandbox, so that a repository whose install fails learns it with nothing
 * spent, in the step summary and the tracking comment, instead of from every code job after the
 * plan. The install itself is not kept: each code and test job installs again (one install per
 * run on GitHub is the cost issue's). A repository with nothing to install costs nothing here.
 */
async function setUpBeforePlanning(deps, prepared, session, config) {
    const { setup } = await (0,stages_setup/* environmentChoice */.tu)(session.ctx, session.base.dir);
    if (setup.commands.length > 0)
        await (0,stages.setUpSandbox)(deps, config);
    const report = await (0,stages.withCommandsStopped)(deps.core, () => (0,environment/* prepareEnvironment */.z)(session));
    if (report?.status !== 'failed')
        return report;
    await reportSetupFailure(deps, prepared, (0,environment/* setupStopMessage */.J)(report));
    throw new SetupFailedError((0,environment/* setupStopMessage */.J)(report));
}
/** The setup failed before any model call; the message says which command, how, and its last lines. */
class SetupFailedError extends errors/* UserError */.yo {
    name = 'SetupFailedError';
}
/** A failed setup in the step summary and, for an issue, the tracking comment: the run's only report. */
async function reportSetupFailure(deps, prepared, message) {
    deps.core.summary.addRaw((0,render/* renderSetupFailure */.I3)(message), true);
    await deps.core.summary.write();
    if (prepared.request.issue === null)
        return;
    const { postSetupFailureTrackingComment } = await Promise.all(/* import() */[__webpack_require__.e(101), __webpack_require__.e(676), __webpack_require__.e(646)]).then(__webpack_require__.bind(__webpack_require__, 17646));
    await postSetupFailureTrackingComment({ ...trackingTarget(deps, prepared, prepared.request.issue), message });
}
/**
 * `actions/plan`: checks the event and who triggered it, snapshots the request, plans, uploads
 * `ensemble-plan`, sets the matrix outputs and upserts the tracking comment.
 */
async function runPlanAction(settings, deps) {
    const model = settings.model ? `${settings.model.provider}:${settings.model.model}` : null;
    const { loaded, config } = await (0,pipeline_session.loadRunConfig)(deps.job.workspace, settings.config, model);
    (0,timeouts/* assertPlanFitsItsJob */.JI)(config, loaded.file);
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
    let setup;
    try {
        setup = await setUpBeforePlanning({ ...deps, session: models }, prepared, session, config);
        outcome = await (0,stages.withCommandsStopped)(deps.core, () => (0,run_stage/* runStage */.Si)(session, { stage: 'plan', request: prepared.request }));
    }
    finally {
        await session.close();
    }
    await (0,stages.uploadOutcome)(deps, outcome);
    await reportPlan({ ...deps, session: models }, prepared, outcome, config);
    if (setup && setup.status !== 'failed') {
        const { choice, test } = setup;
        const summary = { ...choice, status: setup.status, durationMs: setup.durationMs, test };
        deps.core.summary.addRaw((0,render/* renderSetupSummary */.Is)(summary), true);
        await deps.core.summary.write();
    }
}


/***/ })

};
