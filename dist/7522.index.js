export const id = 7522;
export const ids = [7522,8025];
export const modules = {

/***/ 16898:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EX: () => (/* binding */ readActivity),
/* harmony export */   L1: () => (/* binding */ recordActivity),
/* harmony export */   g2: () => (/* binding */ spentOn)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _github_issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(375);
/* harmony import */ var _render_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14059);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29367);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(68385);
/* harmony import */ var _step_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(82169);
/* harmony import */ var _tracking_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(17646);
/* harmony import */ var _render_activity_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(70299);
/**
 * What ensemble does after the pull request (CI repairs, waiting for checks, ready for review,
 * conflicts, watching after merge, a revert proposed), as rows of the issue's one status surface:
 * the tracking comment. Each activity is one row, updated in place by its key; every rewrite of
 * the comment (`tracking.ts`, `report.ts`) carries the rows over (`carryActivity`).
 *
 * Rows are read back only from the comment ensemble wrote (`findMarkedComment` takes a bot's
 * comment only), so nobody can paste a block into a comment of their own to fake rows or spend.
 * Each row's text passes the safe-output policy before it is stored: what the policy refuses is
 * shown, and stored, as `withheld (<rule>)`, so the hidden data never hold more than the table.
 */








/**
 * Reads the issue's tracking comment, upserts the row, writes it back through the safe-output
 * policy. No tracking comment (the issue's run never posted one, or it was deleted): nothing is
 * written, and the row is reported skipped.
 */
async function recordActivity(octokit, repo, issue, row, options) {
    const tracking = await (0,_github_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .findMarkedComment */ .Jp)(octokit, { ...repo, issue_number: issue, marker: _render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .TRACKING_MARKER */ .Bb });
    if (!tracking)
        return { skipped: `no tracking comment on issue #${issue}` };
    const log = options.log ?? _step_js__WEBPACK_IMPORTED_MODULE_5__/* .silentLog */ .aB;
    const policy = (0,_tracking_js__WEBPACK_IMPORTED_MODULE_6__/* .textPolicy */ .Iv)(options.secretValues, new URL(options.serverUrl).host);
    const { rest, rows } = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .splitActivity */ .iH)(tracking.body);
    // Every row is checked again: the step may know secret values the step that wrote a row did not.
    const shown = [];
    for (const each of (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .upsertActivityRows */ .kE)(rows, [row]))
        shown.push(await checkedRow(each, policy, issue, log));
    const withheldRest = `${_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .TRACKING_MARKER */ .Bb}\nThe rest of this comment is ${_report_js__WEBPACK_IMPORTED_MODULE_4__/* .WITHHELD */ .iz}.\n`;
    const posted = await (0,_tracking_js__WEBPACK_IMPORTED_MODULE_6__/* .postChecked */ .i8)({ octokit, repo, issue, secretValues: options.secretValues, serverUrl: options.serverUrl, log }, { body: (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .composeActivity */ .iz)(rest, shown), withheld: (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .composeActivity */ .iz)(withheldRest, shown), what: 'the report' });
    return { url: posted.url };
}
/** The rows of the issue's tracking comment (none when it has no tracking comment of ensemble's). */
async function readActivity(octokit, repo, issue) {
    const tracking = await (0,_github_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .findMarkedComment */ .Jp)(octokit, { ...repo, issue_number: issue, marker: _render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .TRACKING_MARKER */ .Bb });
    return tracking ? (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .activityRows */ .rB)(tracking.body) : [];
}
/** Spent so far by activities of a kind (sum of costUsd), for budgets that stop repairs. */
function spentOn(rows, kinds) {
    return rows.filter((r) => kinds.includes(r.kind) && r.costUsd !== null).reduce((sum, r) => sum + r.costUsd, 0);
}
/**
 * The row as the policy lets it be shown: each text sanitised (links elsewhere inert, mentions
 * neutralised), or `withheld (<rule>)` when refused; a refused link is dropped, a refused key
 * replaced by its hash (it stays the row's identity without holding what was refused).
 */
async function checkedRow(row, policy, issue, log) {
    const check = async (label, text, kind) => {
        const checked = await (0,_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .checkSafeOutputs */ .Qb)({ patches: [], texts: { text: { label, text, kind } } }, policy);
        if (checked.ok)
            return { ok: true, text: checked.texts.text.text };
        log.warn(`the ${label} is withheld from the tracking comment on issue #${issue}: ${(0,_tracking_js__WEBPACK_IMPORTED_MODULE_6__/* .why */ .d8)(checked.refusals)}`);
        return { ok: false, text: `withheld (${[...new Set(checked.refusals.map((r) => r.rule))].join(', ')})` };
    };
    const what = `${row.kind} activity`;
    const title = await check(`title of a ${what}`, row.title, 'title');
    const detail = row.detail === null ? null : await check(`detail of a ${what}`, row.detail, 'body');
    const link = row.link === null ? null : await check(`link of a ${what}`, row.link, 'title');
    const key = await check(`key of a ${what}`, row.key, 'title');
    return {
        ...row,
        key: key.ok && key.text === row.key ? row.key : `withheld:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(row.key).digest('hex')}`,
        title: title.text,
        detail: detail === null ? null : detail.text,
        // A link the policy changed (made inert) or refused is not a link any more.
        link: link?.ok && link.text === row.link ? row.link : null,
    };
}


/***/ }),

/***/ 63196:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ readPublishArtifacts)
/* harmony export */ });
/* unused harmony export runDifferences */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40963);
/* harmony import */ var _artifacts_store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(39214);
/* harmony import */ var _contracts_read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(54759);
/* harmony import */ var _review_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(59039);
/**
 * What `publish` reads: every artifact of the run, downloaded and validated before anything is
 * written. A stage whose artifact is missing (its job failed, was skipped or uploaded nothing) is
 * reported as failed and the rest goes on; an artifact that is present but not valid (not the
 * contract, another run's, a file missing from it) makes the run fail closed.
 */





/** The state of a code task's row, by the task's status. */
const TASK_STATE = { done: 'ok', 'no-change': 'warn', failed: 'failed' };
/** The state of the test stage's row, by the test report's status. */
const TEST_STATE = {
    passed: 'ok',
    'no-tests': 'warn',
    failed: 'failed',
    error: 'failed',
};
/** How `found` differs from the plan's identity, each field with both values. */
function runDifferences(found, plan) {
    const issue = (n) => (n === null ? 'no issue' : `issue #${n}`);
    const fields = [
        ['run', found.runId, plan.runId],
        ['repository', found.repository, plan.repository],
        ['issue', issue(found.issue), issue(plan.issue)],
        ['base', found.baseSha.slice(0, 12), plan.baseSha.slice(0, 12)],
        ['prompt', found.promptHash?.slice(0, 12) ?? 'none', plan.promptHash?.slice(0, 12) ?? 'none'],
        ['configuration', found.configHash.slice(0, 12), plan.configHash.slice(0, 12)],
    ];
    const differing = fields.filter(([, a, b]) => a !== b).map(([what, a, b]) => `${what} ${a}, not the plan's ${b}`);
    return differing.join('; ') || 'the identities differ';
}
function sameRun(a, b) {
    return (a.repository === b.repository &&
        a.runId === b.runId &&
        a.issue === b.issue &&
        a.promptHash === b.promptHash &&
        a.baseSha === b.baseSha &&
        a.configHash === b.configHash);
}
/**
 * Reads every artifact the configuration says the run has: the plan (which must be there and
 * valid, or this throws), one `ensemble-code-<task>` per planned task, `ensemble-test` with
 * `change.patch`, one `ensemble-review-<lens>` per configured lens, and `ensemble-docs`.
 */
async function readPublishArtifacts(store, runDir, config, options = {}) {
    // A follow-up run has no code or docs jobs; its first pass is the pull request as it stands, and
    // its reviews are the open findings: a lens with none has no review, people's comments one of their own.
    const followUp = options.followUp === true;
    const plan = await store.downloadDocument('plan', _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.plan, 'plan.json', runDir.artifactDir(_artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.plan));
    const stages = [
        {
            stage: 'plan',
            artifact: _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.plan,
            state: 'ok',
            status: `${plan.tasks.length} task${plan.tasks.length === 1 ? '' : 's'}`,
            detail: '',
        },
    ];
    const invalid = [];
    /** A document and the text files beside it; `texts` that must exist when `required(doc)`. */
    const read = async (kind, artifact, file, texts) => {
        const dir = runDir.artifactDir(artifact);
        for (const name of texts)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(runDir.artifactPath(artifact, name), { force: true });
        let document;
        try {
            document = await store.downloadDocument(kind, artifact, file, dir);
        }
        catch (error) {
            if (error instanceof _artifacts_store_js__WEBPACK_IMPORTED_MODULE_2__/* .ArtifactMissingError */ .BU)
                return { ok: false, missing: true, message: error.message };
            const invalidArtifact = error instanceof _contracts_read_js__WEBPACK_IMPORTED_MODULE_3__.ContractError ||
                error instanceof _artifacts_store_js__WEBPACK_IMPORTED_MODULE_2__/* .ArtifactFileMissingError */ .BJ ||
                error instanceof _artifacts_store_js__WEBPACK_IMPORTED_MODULE_2__/* .ArtifactRefusedError */ .dM;
            if (invalidArtifact) {
                invalid.push({ artifact, message: error.message });
                return { ok: false, missing: false, message: error.message };
            }
            throw error;
        }
        const run = document.run;
        if (!sameRun(run, plan.run)) {
            const message = `${artifact}: ${file} belongs to another run than the plan's: ${runDifferences(run, plan.run)}`;
            invalid.push({ artifact, message });
            return { ok: false, missing: false, message };
        }
        const found = new Map();
        for (const name of texts) {
            const path = runDir.artifactPath(artifact, name);
            found.set(name, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8') : null);
        }
        return { ok: true, value: { document, texts: found } };
    };
    /** A stage whose artifact is missing or does not validate: reported as failed, with why. */
    const unreadable = (stage, artifact, result) => stages.push({
        stage,
        artifact,
        state: 'failed',
        status: result.missing ? 'no artifact' : 'invalid artifact',
        detail: result.message,
    });
    // Code: one artifact per planned task.
    const tasks = [];
    for (const planned of followUp ? [] : plan.tasks) {
        const artifact = _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.code(planned.id);
        const stage = `code · ${planned.id}`;
        const result = await read('task', artifact, 'task.json', ['task.patch']);
        if (!result.ok) {
            unreadable(stage, artifact, result);
            continue;
        }
        const document = result.value.document;
        if (document.taskId !== planned.id) {
            const message = `${artifact}: task.json is the result of task "${document.taskId}", not "${planned.id}"`;
            invalid.push({ artifact, message });
            stages.push({ stage, artifact, state: 'failed', status: 'invalid artifact', detail: message });
            continue;
        }
        const patch = result.value.texts.get('task.patch') ?? null;
        if (patch === null && document.status === 'done') {
            const message = `${artifact} has no task.patch, but the task says it is done; re-run the task's code job`;
            invalid.push({ artifact, message });
            stages.push({ stage, artifact, state: 'failed', status: 'invalid artifact', detail: message });
            continue;
        }
        tasks.push({ document, patch: patch ?? '' });
        stages.push({
            stage,
            artifact,
            state: TASK_STATE[document.status],
            status: document.status,
            detail: document.status === 'failed' ? firstLine(document.stopReason ?? document.summary) : '',
        });
    }
    // Test: the integrated change (only change.patch when the test stage is off).
    let test = null;
    let changePatch = null;
    const testFailed = (status, message) => stages.push({ stage: 'test', artifact: _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.test, state: 'failed', status, detail: message });
    if (!config.stages.test.enabled) {
        const path = runDir.artifactPath(_artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.test, 'change.patch');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(path, { force: true });
        try {
            await store.downloadArtifact(_artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.test, runDir.artifactDir(_artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.test));
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path)) {
                changePatch = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
                stages.push({
                    stage: 'test',
                    artifact: _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.test,
                    state: 'skipped',
                    status: 'disabled',
                    detail: 'the patches were integrated without tests',
                });
            }
            else {
                const message = `${_artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.test} has no change.patch; re-run the test job`;
                invalid.push({ artifact: _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.test, message });
                testFailed('invalid artifact', message);
            }
        }
        catch (error) {
            if (error instanceof _artifacts_store_js__WEBPACK_IMPORTED_MODULE_2__/* .ArtifactRefusedError */ .dM) {
                invalid.push({ artifact: _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.test, message: error.message });
                testFailed('invalid artifact', error.message);
            }
            else if (error instanceof _artifacts_store_js__WEBPACK_IMPORTED_MODULE_2__/* .ArtifactMissingError */ .BU)
                testFailed('no artifact', error.message);
            else
                throw error;
        }
    }
    else {
        const result = await read('test', _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.test, 'test.json', ['change.patch']);
        if (!result.ok) {
            testFailed(result.missing ? 'no artifact' : 'invalid artifact', result.message);
        }
        else if (result.value.texts.get('change.patch') == null) {
            const message = `${_artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.test} has no change.patch; re-run the test job`;
            invalid.push({ artifact: _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.test, message });
            testFailed('invalid artifact', message);
        }
        else {
            test = result.value.document;
            changePatch = result.value.texts.get('change.patch') ?? '';
            const counts = test.passed === null && test.failed === null
                ? ''
                : ` (${test.passed ?? '?'} passed, ${test.failed ?? '?'} failed)`;
            stages.push({
                stage: 'test',
                artifact: _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.test,
                state: TEST_STATE[test.status],
                status: `${test.status}${counts}`,
                detail: test.status === 'passed' ? '' : firstLine(test.summary),
            });
        }
    }
    // Review: one artifact per configured lens.
    const reviews = [];
    for (const lens of followUp ? [...config.review.lenses, ..._review_index_js__WEBPACK_IMPORTED_MODULE_4__.EXTERNAL_SOURCES] : config.review.lenses) {
        const artifact = _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.review(lens);
        const stage = `review · ${lens}`;
        if (!config.stages.review.enabled) {
            stages.push({ stage, artifact, state: 'skipped', status: 'disabled', detail: 'stages.review.enabled is false' });
            continue;
        }
        const result = await read('review', artifact, 'review.json', []);
        if (!result.ok && followUp && result.missing)
            continue;
        if (!result.ok) {
            unreadable(stage, artifact, result);
            continue;
        }
        const document = result.value.document;
        if (document.lens !== lens) {
            const message = `${artifact}: review.json is the review of lens "${document.lens}", not "${lens}"`;
            invalid.push({ artifact, message });
            stages.push({ stage, artifact, state: 'failed', status: 'invalid artifact', detail: message });
            continue;
        }
        reviews.push(document);
        stages.push({ stage, artifact, state: 'ok', status: document.verdict, detail: '' });
    }
    // Docs.
    let docs = null;
    if (followUp) {
        // No docs job: the pull request's documentation is as it stands.
    }
    else if (!config.stages.docs.enabled) {
        stages.push({
            stage: 'docs',
            artifact: _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.docs,
            state: 'skipped',
            status: 'disabled',
            detail: 'stages.docs.enabled is false',
        });
    }
    else {
        const result = await read('docs', _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.docs, 'docs.json', ['docs.patch']);
        if (!result.ok) {
            unreadable('docs', _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.docs, result);
        }
        else {
            const document = result.value.document;
            const patch = result.value.texts.get('docs.patch') ?? null;
            if (patch === null && document.status === 'updated') {
                const message = `${_artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.docs} has no docs.patch, but the docs stage says it updated the docs; ` + 're-run the docs job';
                invalid.push({ artifact: _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.docs, message });
                stages.push({
                    stage: 'docs',
                    artifact: _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.docs,
                    state: 'failed',
                    status: 'invalid artifact',
                    detail: message,
                });
            }
            else {
                docs = { document, patch: patch ?? '' };
                stages.push({
                    stage: 'docs',
                    artifact: _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.docs,
                    state: document.status === 'failed' ? 'failed' : 'ok',
                    status: document.status,
                    detail: document.status === 'failed' ? firstLine(document.summary) : '',
                });
            }
        }
    }
    // Fix rounds: ensemble-fix-1, -2, … as long as they are there.
    const rounds = [];
    for (let round = 1; config.stages.fix.enabled && round <= config.stages.fix['max-rounds']; round++) {
        const artifact = _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.fix(round);
        const result = await read('fix', artifact, 'fix.json', ['fix.patch']);
        if (!result.ok) {
            // The first missing round is where the loop ended; a round that is there but not valid is not published.
            if (!result.missing)
                unreadable(`fix · round ${round}`, artifact, result);
            break;
        }
        try {
            const documents = runDir.fixRound(round);
            const inRound = [documents.test?.document, ...documents.reviews].filter((d) => d !== undefined);
            if (inRound.some((d) => !sameRun(d.run, plan.run))) {
                const message = `${artifact}: its re-test or re-review belongs to another run than the plan's (${plan.run.runId})`;
                invalid.push({ artifact, message });
                unreadable(`fix · round ${round}`, artifact, { missing: false, message });
                break;
            }
            rounds.push(documents);
        }
        catch (error) {
            if (!(error instanceof _contracts_read_js__WEBPACK_IMPORTED_MODULE_3__.ContractError))
                throw error;
            invalid.push({ artifact, message: error.message });
            unreadable(`fix · round ${round}`, artifact, { missing: false, message: error.message });
            break;
        }
    }
    const fix = (0,_review_index_js__WEBPACK_IMPORTED_MODULE_4__/* .describeFixLoop */ .NQ)({
        test,
        reviews,
        rounds,
        blockOn: config.review['block-on'],
        maxRounds: config.stages.fix['max-rounds'],
    });
    // The loop in the stage table (and so in the tracking comment): a row per round, then why it stopped.
    for (const round of fix.rounds) {
        const failed = round.document.status === 'failed';
        stages.push({
            stage: `fix · round ${round.document.round}`,
            artifact: _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.fix(round.document.round),
            state: failed || round.test === null || round.rejected !== null ? 'failed' : 'ok',
            status: round.document.status,
            detail: roundDetail(round),
        });
    }
    if (fix.stopped !== null) {
        const rounds = `${fix.rounds.length} round${fix.rounds.length === 1 ? '' : 's'}`;
        stages.push({ stage: 'fix', artifact: _artifacts_names_js__WEBPACK_IMPORTED_MODULE_1__.ARTIFACTS.fix(1), state: 'ok', status: rounds, detail: fix.stopped });
    }
    return { plan, tasks, test, changePatch, reviews, docs, fix, stages, invalid };
}
/** A fix round's row: what it came to, in a line. */
function roundDetail(round) {
    if (round.document.status === 'failed')
        return firstLine(round.document.stopReason ?? round.document.summary);
    if (round.test === null)
        return 'not re-tested';
    if (round.rejected !== null)
        return `not taken: ${round.rejected}`;
    const given = round.document.findings.length;
    return `fixed ${round.fixed.length} of ${given} finding${given === 1 ? '' : 's'}; re-test ${round.test.document.status}`;
}
function firstLine(text) {
    return text.split('\n')[0] ?? '';
}


/***/ }),

/***/ 68025:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kp: () => (/* binding */ writeCheckpoint),
/* harmony export */   a2: () => (/* binding */ settleCheckpoint),
/* harmony export */   readCheckpoint: () => (/* binding */ readCheckpoint)
/* harmony export */ });
/* unused harmony exports CheckpointError, checkpointRefFor */
/* harmony import */ var _contracts_checkpoint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88869);
/* harmony import */ var _contracts_read_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54759);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99661);
/* harmony import */ var _ref_store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(75150);




/** The stored checkpoint of an issue is unusable: the message says how to start over. */
class CheckpointError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo {
    name = 'CheckpointError';
}
/** `refs/ensemble/checkpoints/issue-7` for issue #7. */
function checkpointRefFor(issue) {
    return `refs/ensemble/checkpoints/issue-${issue}`;
}
const CHECKPOINT = 'checkpoint.json';
const CONVERSATION = 'conversation.json';
/**
 * Stores the checkpoint of `issue` (and the planner's conversation, as the plan step wrote it) as a
 * new commit and points the ref at it; the commit, or why not (the policy refused a file: then
 * nothing is written). The same files again write nothing.
 */
async function writeCheckpoint(octokit, repo, issue, input, policy) {
    // A checkpoint that would not read back strands the issue: never store one.
    const valid = _contracts_checkpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointDocument */ .s.safeParse(input.checkpoint);
    if (!valid.success) {
        const problems = (0,_ref_store_js__WEBPACK_IMPORTED_MODULE_3__/* .problemsLine */ .xX)((0,_contracts_read_js__WEBPACK_IMPORTED_MODULE_1__.zodProblems)(valid.error));
        throw new Error(`the checkpoint of issue #${issue} to store is not valid (${problems}): this is a bug in ensemble`);
    }
    const { checkpoint, conversation } = input;
    const files = new Map([[CHECKPOINT, `${JSON.stringify(checkpoint, null, 2)}\n`]]);
    if (conversation !== null)
        files.set(CONVERSATION, conversation);
    const settled = checkpoint.settled
        ? `settled: ${checkpoint.status} by ${checkpoint.settled.by} in run ${checkpoint.settled.runId}\n`
        : '';
    const message = `ensemble checkpoint of issue #${issue}: ${checkpoint.status}, waiting for ${checkpoint.waitingFor}\n\n` +
        `run: ${checkpoint.run.runId}\n${settled}`;
    const what = `the checkpoint of issue #${issue}`;
    return (0,_ref_store_js__WEBPACK_IMPORTED_MODULE_3__/* .storeFiles */ .Tr)(octokit, repo, { ref: checkpointRefFor(issue), files, message, what, label: 'stored checkpoint' }, policy);
}
/**
 * The stored checkpoint of `issue`; null when it has none. A `checkpoint.json` that is missing or
 * does not validate throws `CheckpointError` naming it; a conversation that does not read back is
 * left out, with why (the resumed planner then starts from its findings).
 */
async function readCheckpoint(octokit, repo, issue) {
    const ref = checkpointRefFor(issue);
    const stored = await (0,_ref_store_js__WEBPACK_IMPORTED_MODULE_3__/* .readStoredFiles */ .DX)(octokit, repo, ref);
    if (stored === null)
        return null;
    const { commit, files } = stored;
    const where = `${ref} (commit ${commit})`;
    const recover = `To start over, label issue #${issue} for ensemble again (trigger.label): the new run plans from the issue; ` +
        `or delete the ref (git push origin --delete ${ref})`;
    const text = files.get(CHECKPOINT);
    if (text === undefined)
        throw new CheckpointError(`${where} holds no ${CHECKPOINT}. ${recover}`);
    let checkpoint;
    try {
        checkpoint = (0,_contracts_read_js__WEBPACK_IMPORTED_MODULE_1__.parseDocumentText)('checkpoint', text, { artifact: ref, file: CHECKPOINT });
    }
    catch (error) {
        throw new CheckpointError(`${where} holds an invalid ${CHECKPOINT} (${(0,_ref_store_js__WEBPACK_IMPORTED_MODULE_3__/* .storedProblems */ .M4)(error)}). ${recover}`);
    }
    // A checkpoint moved from another issue's ref would resume another request here.
    if (checkpoint.run.issue !== issue) {
        throw new CheckpointError(`${where} holds a ${CHECKPOINT} of ${whose(checkpoint.run.issue)}, ` + `not of issue #${issue}. ${recover}`);
    }
    return { commit, checkpoint, ...conversationOf(`${CONVERSATION} of ${where}`, checkpoint, files.get(CONVERSATION)) };
}
function conversationOf(where, checkpoint, text) {
    const without = (problem) => ({ conversation: null, conversationProblem: problem });
    if (text === undefined)
        return without(checkpoint.conversation ? `${where} is missing, though ${CHECKPOINT} says it was kept` : null);
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        return without(`${where} is not valid JSON (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)})`);
    }
    const parsed = _contracts_checkpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .StoredConversation */ .B.safeParse(value);
    if (!parsed.success) {
        const problems = (0,_ref_store_js__WEBPACK_IMPORTED_MODULE_3__/* .problemsLine */ .xX)((0,_contracts_read_js__WEBPACK_IMPORTED_MODULE_1__.zodProblems)(parsed.error, 5));
        return without(`${where} is not a conversation (${problems})`);
    }
    return { conversation: parsed.data, conversationProblem: null };
}
/**
 * Marks the stored checkpoint resumed or stopped, as a new commit on top with the same conversation
 * file; the commit, or why not (the policy refused a file). The same settlement again writes nothing.
 */
async function settleCheckpoint(octokit, repo, issue, stored, settled, policy) {
    // The conversation file as it was stored, byte for byte (also one that does not read back).
    const files = await (0,_ref_store_js__WEBPACK_IMPORTED_MODULE_3__/* .filesOfCommit */ .oV)(octokit, repo, checkpointRefFor(issue), stored.commit);
    const checkpoint = {
        ...stored.checkpoint,
        status: settled.status,
        settled: { by: settled.by, at: settled.at, runId: settled.runId },
    };
    return writeCheckpoint(octokit, repo, issue, { checkpoint, conversation: files.get(CONVERSATION) ?? null }, policy);
}
/** Whose a checkpoint is, as a message names it. */
function whose(issue) {
    return issue === null ? 'a prompt' : `issue #${issue}`;
}


/***/ }),

/***/ 57298:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FE: () => (/* binding */ FOLLOW_UP_DONE),
/* harmony export */   SN: () => (/* binding */ followUpMarkerOf),
/* harmony export */   Tg: () => (/* binding */ followUpAsked),
/* harmony export */   Ui: () => (/* binding */ followUpCommentBody),
/* harmony export */   VS: () => (/* binding */ readFollowUp),
/* harmony export */   uk: () => (/* binding */ publishFollowUp),
/* harmony export */   xH: () => (/* binding */ followUpMarker)
/* harmony export */ });
/* harmony import */ var _artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40963);
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9452);
/* harmony import */ var _github_issues_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(375);
/* harmony import */ var _github_threads_js__WEBPACK_IMPORTED_MODULE_20__ = __webpack_require__(11090);
/* harmony import */ var _render_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14059);
/* harmony import */ var _render_marker_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(19556);
/* harmony import */ var _review_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(59039);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(99661);
/* harmony import */ var _workspace_commit_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(48656);
/* harmony import */ var _workspace_git_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(10297);
/* harmony import */ var _workspace_index_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(30514);
/* harmony import */ var _workspace_patch_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(93515);
/* harmony import */ var _artifacts_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(63196);
/* harmony import */ var _check_policy_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(18334);
/* harmony import */ var _commits_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(54673);
/* harmony import */ var _git_data_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(46912);
/* harmony import */ var _lock_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(67912);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(29367);
/* harmony import */ var _review_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(68735);
/* harmony import */ var _run_state_js__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(75570);
/* harmony import */ var _step_js__WEBPACK_IMPORTED_MODULE_19__ = __webpack_require__(82169);
/**
 * The publisher of a follow-up run (`pipeline/follow-up.ts`): onto the pull request ensemble
 * opened, never a new one. In order:
 *
 * 1. Read the run's artifacts (the follow-up document, the carried plan and test report, the open
 *    findings, the fix rounds) and take the branch's publish lock.
 * 2. Make one commit per re-tested fix round on the head the run started from, so that people's
 *    commits stay (`buildFollowUpCommits`); render the re-review (only findings not already in a
 *    thread get an inline comment), the thread replies and the pull request comment.
 * 3. Run the safe-output policy on every text and on each round's own fix (a person's commits
 *    are theirs, not ensemble's output).
 * 4. Write: the commits, the branch moved forward only (a branch that moved since the run started
 *    is left alone, and the comment says so); the re-review; a reply in each thread the rounds
 *    settled, resolving ensemble's own (a person's thread is left for that person); the stored
 *    state; the follow-up comment.
 *
 * Every write is idempotent: a re-run finds its commits (`matchingRemoteChain`), its review (the
 * fingerprint), its replies (their marker) and its comment (its marker), and adds none twice.
 */





















/** The follow-up run's documents, as the publisher reads them. */
async function readFollowUp(store, runDir) {
    const dir = runDir.artifactDir(_artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__.ARTIFACTS.followUp);
    return store.downloadDocument('follow-up', _artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__.ARTIFACTS.followUp, 'follow-up.json', dir);
}
/** Publishes a follow-up run (module comment); never throws once the documents are read. */
async function publishFollowUp(options, followUp) {
    const { octokit, repo, config, runUrl } = options;
    const log = options.log ?? _step_js__WEBPACK_IMPORTED_MODULE_19__/* .silentLog */ .aB;
    const artifacts = await (0,_artifacts_js__WEBPACK_IMPORTED_MODULE_11__/* .readPublishArtifacts */ .h)(options.artifacts, options.runDir, config, { followUp: true });
    const foreign = [artifacts.plan.run.runId, followUp.run.runId].find((id) => id !== options.runId);
    if (foreign !== undefined || artifacts.invalid.length > 0) {
        const why = artifacts.invalid.map((i) => i.message);
        if (foreign !== undefined)
            why.push(`the artifacts are of workflow run ${foreign}, not of ${options.runId}`);
        return failed('refused', `nothing was written: ${why.join('; ')}`);
    }
    const branch = followUp.pull.branch;
    const timing = { ..._lock_js__WEBPACK_IMPORTED_MODULE_15__/* .DEFAULT_LOCK_TIMING */ .ju, ...options.lockTiming };
    const baseSha = artifacts.plan.run.baseSha;
    const acquired = await (0,_lock_js__WEBPACK_IMPORTED_MODULE_15__/* .acquirePublishLock */ .DN)({ octokit, repo, branch, holder: runUrl, baseSha, timing, log });
    if (!acquired.ok) {
        const why = `another publish (${acquired.holder}) holds ${acquired.ref}; re-run this job once it ended`;
        return tellStopped(options, followUp, 'stopped', why);
    }
    try {
        return await publishLocked(options, followUp, artifacts, log);
    }
    catch (error) {
        // A GitHub error half-way: the comment says so instead of "working on it" (what was pushed stays).
        const why = `${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .gJ)(error)}. What was written before it stays; see the workflow run's publish job`;
        return tellStopped(options, followUp, 'failed', why, 'the publish did not finish');
    }
    finally {
        const warning = await acquired.lock.release();
        if (warning)
            log.warn(warning);
    }
}
function failed(status, error) {
    return { status, error, document: null, comment: null, written: [] };
}
/**
 * Nothing is published: the follow-up comment (which said "working on it") says why, so that the
 * person who asked is not left waiting. Fixed text and the policy's own refusals only.
 */
async function tellStopped(options, followUp, status, why, heading = 'nothing was pushed') {
    const error = `nothing was written: ${why}`;
    const body = followUpCommentBody(followUpMarker(followUp), 'done', heading, [
        `[Workflow run](${options.runUrl}): ${why}`,
    ]);
    const outcome = await postComment(options, followUp, body);
    return { status, error, document: null, comment: body, written: [`comment: ${outcome}`] };
}
async function publishLocked(options, followUp, artifacts, log) {
    const { octokit, repo, config, repoDir } = options;
    const { pull } = followUp;
    const blockOn = config.review['block-on'];
    const allowedHost = new URL(options.serverUrl).host;
    const policy = (0,_check_policy_js__WEBPACK_IMPORTED_MODULE_12__/* .publishPolicy */ .cM)(config, { ...options, allowedHost });
    // 1. The pull request must still be open and on ensemble's branch.
    const { data: current } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .githubCall */ .Mc)({ action: `read pull request #${pull.number}`, permission: 'pull-requests: read' }, () => octokit.rest.pulls.get({ ...repo, pull_number: pull.number }));
    if (current.state !== 'open') {
        return tellStopped(options, followUp, 'stopped', `pull request #${pull.number} was closed while the fix ran`);
    }
    if (current.head.ref !== pull.branch) {
        const why = `pull request #${pull.number} is now on ${current.head.ref}, not ${pull.branch}`;
        return tellStopped(options, followUp, 'stopped', why);
    }
    // 2. The commits, the re-review, the replies and the comment, made before anything is written.
    const loop = artifacts.fix;
    const rounds = (0,_review_index_js__WEBPACK_IMPORTED_MODULE_5__/* .testedRounds */ .Hj)(loop);
    const { run } = artifacts.plan;
    let sequence;
    try {
        sequence =
            followUp.merge === null
                ? await (0,_commits_js__WEBPACK_IMPORTED_MODULE_13__/* .buildFollowUpCommits */ .Rn)({ repoDir, run, headSha: pull.headSha, rounds })
                : await (0,_commits_js__WEBPACK_IMPORTED_MODULE_13__/* .buildMergeCommit */ .gR)({
                    repoDir,
                    run,
                    headSha: pull.headSha,
                    branch: pull.branch,
                    merge: followUp.merge,
                    rounds,
                });
    }
    catch (error) {
        if (!(error instanceof _commits_js__WEBPACK_IMPORTED_MODULE_13__/* .UnresolvedConflictError */ .Mg))
            throw error;
        const why = `the merge of ${followUp.merge?.base} was not pushed: ${error.message}. Merge it by hand ` +
            `(\`git merge ${followUp.merge?.base}\` on ${pull.branch}) or ask again with \`/ensemble fix\``;
        return tellStopped(options, followUp, 'failed', why, 'the conflicts are not resolved');
    }
    const first = { test: artifacts.test, change: artifacts.changePatch ?? '', reviews: artifacts.reviews };
    const standing = (0,_review_index_js__WEBPACK_IMPORTED_MODULE_5__/* .finalState */ .A9)(first, loop);
    const threads = await (0,_github_threads_js__WEBPACK_IMPORTED_MODULE_20__/* .listReviewThreads */ .s0)(octokit, repo, pull.number);
    // A finding is on the pull request when ensemble's thread of it is: one the respond job trusted,
    // or one a bot opened (ensemble posts as one). A marker a person pasted posts nothing.
    const posted = new Set([
        ...followUp.threads.filter((t) => t.by === 'ensemble').map((t) => t.findingId),
        ...threads
            .filter((t) => t.comments[0]?.authorType === 'Bot')
            .flatMap((t) => (0,_render_marker_js__WEBPACK_IMPORTED_MODULE_4__/* .findMarker */ .Ed)(t.comments[0]?.body ?? '', 'finding')?.fields['id'] ?? []),
    ]);
    // The re-review posts only findings the pull request does not have yet (a finding already in a
    // thread lives there, and the comment's table says whether it was settled); none new, no review.
    const fresh = standing.reviews
        .filter((r) => config.review.lenses.includes(r.lens))
        .map((r) => ({ ...r, findings: r.findings.filter((f) => f.id === null || !posted.has(f.id)) }));
    let review = null;
    if (sequence.commits.length > 0 && fresh.some((r) => r.findings.length > 0)) {
        const git = (0,_workspace_git_js__WEBPACK_IMPORTED_MODULE_8__/* .hardenedGit */ .YW)(repoDir);
        const prDiff = (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_9__/* .parseUnifiedDiff */ .rj)((await (0,_workspace_patch_js__WEBPACK_IMPORTED_MODULE_10__/* .diffTrees */ .j_)(git, run.baseSha, sequence.head)).patch);
        review = (0,_review_js__WEBPACK_IMPORTED_MODULE_17__/* .planReview */ .Kp)(fresh, prDiff, config.review['block-on'], { runId: run.runId, allowedHost });
    }
    const replies = threadReplies(followUp, loop, sequence);
    // A round was due (a finding blocked, or a person gave instructions), but the fix job left none.
    const missing = loop.rounds.length === 0 && (followUp.instructions !== null || (0,_review_index_js__WEBPACK_IMPORTED_MODULE_5__/* .blockingFindings */ .Ur)(first.reviews, blockOn).length > 0)
        ? 'The fix job left no fix round: it failed or was cancelled before its first round ended. See the workflow run.'
        : null;
    const comment = followUpComment(followUp, loop, sequence, options.runUrl, allowedHost, missing);
    // The comment of a publish that found the branch moved: its commits were made here, never pushed.
    const unpushed = followUpComment(followUp, loop, { commits: [] }, options.runUrl, allowedHost, missing);
    // 3. The policy: each round's own fix, and every text.
    const texts = {
        comment: { label: 'follow-up comment', text: comment, kind: 'body' },
        'comment-unpushed': { label: 'follow-up comment', text: unpushed, kind: 'body' },
    };
    sequence.commits.forEach((c, i) => {
        texts[`commit-${i}`] = { label: `commit message of fix round ${i + 1}`, text: c.subject, kind: 'body' };
    });
    if (review) {
        texts['review'] = { label: 'review body', text: review.texts.body, kind: 'body' };
        texts['review-comment'] = { label: 'review body', text: review.texts.commentBody, kind: 'body' };
        texts['review-unplaced'] = { label: 'review body', text: review.texts.unplacedBody, kind: 'body' };
        texts['review-unplaced-comment'] = {
            label: 'review body',
            text: review.texts.unplacedCommentBody,
            kind: 'body',
        };
        review.comments.forEach((c, i) => {
            texts[`inline-${i}`] = { label: `review comment ${i + 1}`, text: c.body, kind: 'body' };
        });
    }
    replies.forEach((r, i) => {
        texts[`reply-${i}`] = { label: `reply to thread of ${r.thread.findingId}`, text: r.body, kind: 'body' };
    });
    const patches = loop.rounds
        .filter((r) => rounds.some((t) => t.document.round === r.document.round))
        .map((r) => ({ label: `fix.patch of fix round ${r.document.round}`, patch: r.patch }));
    const checked = await (0,_policy_js__WEBPACK_IMPORTED_MODULE_16__/* .checkSafeOutputs */ .Qb)({ patches, texts }, policy);
    if (!checked.ok) {
        const why = `the safe-output policy refused what the fix would publish:\n${(0,_policy_js__WEBPACK_IMPORTED_MODULE_16__/* .formatRefusals */ .hz)(checked.refusals, { allowedHost })}`;
        return tellStopped(options, followUp, 'refused', why);
    }
    const safe = (key) => checked.texts[key]?.text ?? '';
    // 4. The writes, in order.
    const written = [];
    const head = await pushOntoHead(options, pull, sequence, safe);
    if ('moved' in head) {
        // The comment of the attempt that did publish stays as it is.
        if (head.published)
            return { ...failed('stopped', head.moved), written: [head.moved] };
        const body = `${safe('comment-unpushed')}\n\n> [!WARNING]\n> ${head.moved}`;
        const note = await postComment(options, followUp, body);
        return { ...failed('stopped', head.moved), comment: body, written: [`comment: ${note}`] };
    }
    written.push(...head.lines);
    // The texts name the commits as they were made here; on GitHub they have their own SHAs.
    const onGitHub = (text) => sequence.commits.reduce((out, c, i) => out.replaceAll(c.sha.slice(0, 12), (head.remote[i] ?? c.sha).slice(0, 12)), text);
    if (review) {
        const reviewTexts = {
            body: safe('review'),
            commentBody: safe('review-comment'),
            unplacedBody: safe('review-unplaced'),
            unplacedCommentBody: safe('review-unplaced-comment'),
        };
        const comments = review.comments.map((c, i) => ({ ...c, body: safe(`inline-${i}`) }));
        const made = await (0,_review_js__WEBPACK_IMPORTED_MODULE_17__/* .postReview */ .Xc)(octokit, repo, pull.number, head.sha, { ...review, comments }, reviewTexts, log);
        written.push(`re-review: ${made.outcome} (${made.event})`);
    }
    for (const [i, reply] of replies.entries()) {
        try {
            written.push(await answerThread(octokit, repo, pull.number, reply, onGitHub(safe(`reply-${i}`)), threads));
        }
        catch (error) {
            // One thread GitHub would not take an answer in does not stop the others, or the comment.
            written.push(`thread of ${reply.thread.findingId}: not answered (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .gJ)(error)})`);
        }
    }
    if (sequence.commits.length > 0) {
        const state = { plan: artifacts.plan, test: standing.test, reviews: [...standing.reviews] };
        const lenses = { ...state, reviews: state.reviews.filter((r) => config.review.lenses.includes(r.lens)) };
        try {
            const stored = await (0,_run_state_js__WEBPACK_IMPORTED_MODULE_18__/* .writeRunState */ .e3)(octokit, repo, pull.branch, lenses, policy);
            written.push('refused' in stored ? `state not stored: ${stored.refused}` : `state: ${stored.commit}`);
        }
        catch (error) {
            written.push(`state not stored: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .gJ)(error)}`);
        }
    }
    const commented = await postComment(options, followUp, onGitHub(safe('comment')));
    written.push(`comment: ${commented}`);
    if (missing !== null)
        return { ...failed('failed', missing), comment: onGitHub(safe('comment')), written };
    const status = sequence.commits.length > 0 ? 'published' : 'nothing-to-push';
    const document = {
        schema: 'ensemble.publish/v1',
        run,
        usage: artifacts.plan.usage,
        branch: pull.branch,
        commits: sequence.commits.map((c, i) => ({ sha: head.remote[i] ?? c.sha, stage: 'fix', taskId: null })),
        prNumber: pull.number,
        prUrl: pull.url,
        reviewId: null,
        commentId: null,
    };
    return { status, error: null, document, comment: onGitHub(safe('comment')), written, costUsd: (0,_review_index_js__WEBPACK_IMPORTED_MODULE_5__/* .fixLoopCost */ .Hg)(loop) };
}
/**
 * Pushes the round commits onto the head the run started from and moves the branch forward (never
 * a force-push). A re-run whose commits are already there changes nothing; a branch someone moved
 * since the run started is left as it is.
 */
async function pushOntoHead(options, pull, sequence, safe) {
    const { octokit, repo, repoDir } = options;
    const local = sequence.commits.map((c, i) => ({
        sha: c.sha,
        tree: c.tree,
        parent: c.parent,
        ...(c.otherParents ? { otherParents: c.otherParents } : {}),
        message: (0,_workspace_commit_js__WEBPACK_IMPORTED_MODULE_7__/* .withTrailers */ .jX)(safe(`commit-${i}`), c.trailers),
    }));
    const now = await (0,_git_data_js__WEBPACK_IMPORTED_MODULE_14__/* .branchHead */ .P)(octokit, repo, pull.branch);
    if (now === null)
        return { moved: `the branch ${pull.branch} was deleted while the fix ran; nothing was pushed` };
    if (local.length === 0)
        return { sha: now, remote: [], lines: ['no commit: no fix round was taken'] };
    if (now !== pull.headSha) {
        const reused = await (0,_git_data_js__WEBPACK_IMPORTED_MODULE_14__/* .matchingRemoteChain */ .bF)(octokit, repo, now, pull.headSha, local);
        if (reused)
            return { sha: now, remote: reused.map((c) => c.sha), lines: [`branch unchanged at ${now}`] };
        // An earlier attempt of this very run pushed other fix commits (its fix job was re-run): what it
        // published stands, and its comment says so; this attempt pushes nothing over it.
        const { data: top } = await octokit.rest.git.getCommit({ ...repo, commit_sha: now });
        if (top.message.includes(`${_commits_js__WEBPACK_IMPORTED_MODULE_13__/* .RUN_TRAILER */ .cu}: ${options.runId}\n`)) {
            return {
                moved: `an earlier attempt of this workflow run pushed ${now.slice(0, 12)}; this attempt pushed nothing`,
                published: true,
            };
        }
        return {
            moved: `the branch ${pull.branch} moved from ${pull.headSha.slice(0, 12)} to ${now.slice(0, 12)} while the fix ` +
                'ran, so its commits were not pushed (ensemble never rewrites commits it did not make). ' +
                'Ask again with `/ensemble fix` to fix on top of the new head',
        };
    }
    const remote = await (0,_git_data_js__WEBPACK_IMPORTED_MODULE_14__/* .pushCommits */ .r9)(octokit, repo, repoDir, pull.headSha, local);
    const sha = remote[remote.length - 1].sha;
    try {
        await octokit.rest.git.updateRef({ ...repo, ref: `heads/${pull.branch}`, sha, force: false });
    }
    catch (error) {
        if ((0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c2)(error) === 422) {
            return {
                moved: `the branch ${pull.branch} moved while the fix was pushed; nothing was moved (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .gJ)(error)})`,
            };
        }
        throw error;
    }
    return {
        sha,
        remote: remote.map((c) => c.sha),
        lines: [`branch ${pull.branch}: ${remote.length} commits at ${sha}`],
    };
}
/** A reply for each thread whose finding a taken round settled. */
function threadReplies(followUp, loop, sequence) {
    const replies = [];
    const taken = loop.rounds.filter((r) => r.test !== null && r.rejected === null);
    for (const thread of followUp.threads) {
        const round = taken.find((r) => r.fixed.includes(thread.findingId));
        if (!round)
            continue;
        const commit = sequence.commits.find((c) => c.trailers['Ensemble-Round'] === String(round.document.round));
        if (!commit)
            continue;
        const mark = (0,_render_marker_js__WEBPACK_IMPORTED_MODULE_4__/* .marker */ .xL)('reply', { run: followUp.run.runId, finding: thread.findingId });
        const where = `fix round ${round.document.round} (${commit.sha.slice(0, 12)})`;
        const body = thread.by === 'ensemble'
            ? `${mark}\nSettled by ${where}: the re-review no longer reports this finding.`
            : `${mark}\nAddressed by ${where}: the re-review no longer finds this. Please check it and resolve the ` +
                'thread if you agree; ensemble leaves threads people opened for them to resolve.';
        replies.push({ thread, body, resolve: thread.by === 'ensemble', mark });
    }
    return replies;
}
/** Replies in a thread (unless this run already did) and resolves it when it is ensemble's. */
async function answerThread(octokit, repo, pull, reply, body, threads) {
    const thread = threads.find((t) => t.id === reply.thread.threadId);
    // A thread deleted while the fix ran has nobody to answer.
    if (!thread)
        return `thread of ${reply.thread.findingId}: gone, not answered`;
    const replied = thread.comments.some((c) => c.body.includes(reply.mark));
    if (!replied)
        await (0,_github_threads_js__WEBPACK_IMPORTED_MODULE_20__/* .replyToReviewComment */ .nK)(octokit, repo, pull, reply.thread.commentId, body);
    let resolved = '';
    if (reply.resolve && !thread.isResolved) {
        await (0,_github_threads_js__WEBPACK_IMPORTED_MODULE_20__/* .resolveReviewThread */ .zq)(octokit, reply.thread.threadId);
        resolved = ', resolved';
    }
    return `thread of ${reply.thread.findingId}: ${replied ? 'already answered' : 'answered'}${resolved}`;
}
/** The follow-up comment on the pull request: who asked, the rounds, what was pushed. */
function followUpComment(followUp, loop, sequence, runUrl, allowedHost, missing) {
    const asked = followUpAsked(followUp);
    const taken = (0,_review_index_js__WEBPACK_IMPORTED_MODULE_5__/* .testedRounds */ .Hj)(loop).length;
    const pushed = sequence.commits.length === 0
        ? `Nothing was pushed${taken === 0 ? ': no fix round was taken' : ''}.`
        : `Pushed ${sequence.commits.length === 1 ? 'one commit' : `${sequence.commits.length} commits`} onto ` +
            `${followUp.pull.headSha.slice(0, 12)}: ${sequence.commits.map((c) => c.sha.slice(0, 12)).join(', ')}.`;
    return followUpCommentBody(followUpMarker(followUp), 'done', asked, [
        `[Workflow run](${runUrl}) · started from ${followUp.pull.headSha.slice(0, 12)}`,
        missing ?? (0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderFixMarkdown */ .L9)(loop, { allowedHost }),
        pushed,
    ]);
}
/** In the follow-up comment once the publish wrote it: the run's request was answered (not only acknowledged). */
const FOLLOW_UP_DONE = (0,_render_marker_js__WEBPACK_IMPORTED_MODULE_4__/* .marker */ .xL)('follow-up-done');
/**
 * The marker of a follow-up's comment: its run, and the comment or review that asked, by which a
 * re-run (or a second delivery of the same event) finds that the request was answered.
 */
function followUpMarker(followUp) {
    const { kind, id } = followUp.trigger.source;
    return followUpMarkerOf(followUp.run.runId, `${kind}-${id}`, markedWork(followUp));
}
function markedWork(followUp) {
    if (followUp.ci !== null)
        return { headSha: followUp.ci.headSha, signature: followUp.ci.signature };
    if (followUp.merge !== null)
        return { headSha: followUp.pull.headSha, merged: followUp.merge.baseSha };
    return null;
}
/** {@link followUpMarker} from its fields, as a follow-up comment's marker names them. */
function followUpMarkerOf(run, source, work = null) {
    const fields = { run, source };
    if (work !== null)
        fields['head'] = work.headSha;
    if (work?.signature !== undefined)
        fields['failures'] = work.signature;
    if (work?.merged !== undefined)
        fields['merged'] = work.merged;
    return (0,_render_marker_js__WEBPACK_IMPORTED_MODULE_4__/* .marker */ .xL)('follow-up', fields);
}
/** Who or what asked for a follow-up, as its comment's heading says it. */
function followUpAsked(followUp) {
    const { trigger, ci, merge } = followUp;
    // Check names, branch names and paths are other people's text: inline code, never markup or mentions.
    const code = (words) => words.map(inlineCode).join(', ');
    if (merge !== null) {
        return `merging ${code([merge.base])} (${merge.baseSha.slice(0, 12)}), which conflicts in ${code(merge.conflicts)}`;
    }
    if (ci !== null) {
        return `CI repair ${ci.attempt}/${ci.maxAttempts}: ${code(ci.checks)} failed on ${ci.headSha.slice(0, 12)}`;
    }
    if (trigger.via === 'changes-requested')
        return `a "Request changes" review by @${trigger.author}`;
    return `\`/ensemble fix\` by @${trigger.author}`;
}
/**
 * A follow-up comment, in the one shape every job writes it: the marker, whether the request is
 * answered (`done`: the publish, a stop or a refusal wrote it) or under way, a heading, the text.
 */
function followUpCommentBody(mark, state, heading, paragraphs) {
    return [
        mark,
        ...(state === 'done' ? [FOLLOW_UP_DONE] : []),
        `### ensemble follow-up: ${heading}`,
        ...paragraphs,
    ].join('\n\n');
}
async function postComment(options, followUp, body) {
    const mark = followUpMarker(followUp);
    const made = await (0,_github_issues_js__WEBPACK_IMPORTED_MODULE_2__/* .upsertMarkedComment */ .Zd)(options.octokit, {
        ...options.repo,
        issue_number: followUp.pull.number,
        marker: mark,
        body,
    });
    return made.outcome;
}
/** A word as inline code that nothing in it can end: no backticks, one line, at most 80 characters. */
function inlineCode(word) {
    const plain = word.replace(/[`\r\n]/g, ' ').trim();
    return `\`${plain.length > 80 ? `${plain.slice(0, 79)}…` : plain}\``;
}


/***/ }),

/***/ 46912:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C5: () => (/* binding */ foreignCommitsOnBranch),
/* harmony export */   P: () => (/* binding */ branchHead),
/* harmony export */   bF: () => (/* binding */ matchingRemoteChain),
/* harmony export */   r9: () => (/* binding */ pushCommits),
/* harmony export */   xh: () => (/* binding */ setBranch)
/* harmony export */ });
/* unused harmony exports inlineText, treeEdits, remoteTreeOf */
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9452);
/* harmony import */ var _github_write_once_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32192);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99661);
/* harmony import */ var _workspace_git_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(10297);
/**
 * Commits through GitHub's Git Data API: the commits `buildCommitSequence` made locally are
 * recreated on GitHub, tree by tree, so that no git credentials ever reach the disk and nothing
 * is pushed from a shell.
 *
 * - Each tree is built on its parent commit's tree (`base_tree`) with only the entries that
 *   differ: text files inline (`content`), binary files (and large or non-UTF-8 text) as blobs
 *   sent base64, deletions as `sha: null`, modes kept (executables, symbolic links, submodules).
 *   GitHub hashes trees as git does, so the tree it returns must be the local tree: a mismatch
 *   stops the publish before any ref moves.
 * - Commits are created without an author or committer, so GitHub signs them (Verified) as the
 *   token's identity; the trailers in the message name the run, stage and task.
 * - Blobs, trees and commits are content-addressed: creating one twice is harmless, which is why
 *   the client retries them. Refs are not: the branch is read first, then created or
 *   force-updated, and a creation whose answer was lost is looked for before it is tried again.
 */




/** Inline `content` up to this size; larger files go as blobs. */
const MAX_INLINE_BYTES = 512 * 1024;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** Text GitHub can take inline: valid UTF-8 without NUL, not too large. */
function inlineText(bytes) {
    if (bytes.length > MAX_INLINE_BYTES || bytes.includes(0))
        return null;
    try {
        return UTF8.decode(bytes);
    }
    catch {
        return null;
    }
}
const MODES = new Set(['100644', '100755', '160000', '120000']);
/** `git diff-tree -r -z --raw --no-renames from to`. */
async function rawChanges(repoDir, from, to) {
    const git = (0,_workspace_git_js__WEBPACK_IMPORTED_MODULE_3__/* .hardenedGit */ .YW)(repoDir);
    const out = await git.run(['diff-tree', '-r', '-z', '--raw', '--no-renames', '--no-ext-diff', '--full-index', from, to], {
        what: `list the files that differ between ${from} and ${to}`,
    });
    const fields = (0,_workspace_git_js__WEBPACK_IMPORTED_MODULE_3__/* .nulFields */ .R6)(out.stdout);
    const changes = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
        const meta = /^:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*$/.exec(fields[i] ?? '');
        if (!meta)
            throw new Error(`unexpected git diff-tree output: ${JSON.stringify(fields[i])}`);
        changes.push({
            oldMode: meta[1],
            newMode: meta[2],
            oldSha: meta[3],
            newSha: meta[4],
            status: meta[5],
            path: fields[i + 1] ?? '',
        });
    }
    return changes;
}
/** A blob's bytes from the local repository. */
async function blobBytes(repoDir, sha) {
    return (await (0,_workspace_git_js__WEBPACK_IMPORTED_MODULE_3__/* .hardenedGit */ .YW)(repoDir).run(['cat-file', 'blob', sha], { what: `read blob ${sha}` })).stdout;
}
/**
 * The tree entries that turn the local tree `from` into `to`, for `POST /git/trees` on
 * `base_tree` = the remote copy of `from`. Blobs that cannot go inline are created first.
 */
async function treeEdits(octokit, repo, repoDir, from, to) {
    const edits = [];
    for (const change of await rawChanges(repoDir, from, to)) {
        if (change.status === 'D') {
            const mode = change.oldMode;
            edits.push({ path: change.path, mode, type: mode === '160000' ? 'commit' : 'blob', sha: null });
            continue;
        }
        if (!MODES.has(change.newMode))
            throw new Error(`${change.path} has mode ${change.newMode}, which ensemble cannot publish`);
        const mode = change.newMode;
        if (mode === '160000') {
            edits.push({ path: change.path, mode, type: 'commit', sha: change.newSha });
            continue;
        }
        if (change.oldSha === change.newSha) {
            // A mode change: the blob is already in the parent's tree on GitHub.
            edits.push({ path: change.path, mode, type: 'blob', sha: change.newSha });
            continue;
        }
        const bytes = await blobBytes(repoDir, change.newSha);
        const text = inlineText(bytes);
        if (text !== null) {
            edits.push({ path: change.path, mode, type: 'blob', content: text });
            continue;
        }
        const { data } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `upload the content of ${change.path}`, permission: 'contents: write' }, () => octokit.rest.git.createBlob({
            owner: repo.owner,
            repo: repo.repo,
            content: bytes.toString('base64'),
            encoding: 'base64',
        }));
        if (data.sha !== change.newSha) {
            throw new Error(`GitHub stored ${change.path} as blob ${data.sha}, but its ` +
                `content is blob ${change.newSha} here; nothing was published`);
        }
        edits.push({ path: change.path, mode, type: 'blob', sha: data.sha });
    }
    return edits;
}
/** The tree of a commit on GitHub. */
async function remoteTreeOf(octokit, repo, sha) {
    const { data } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `read commit ${sha} of ${repo.owner}/${repo.repo}`, permission: 'contents: read' }, () => octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: sha }));
    return data.tree.sha;
}
/**
 * The commits on the branch's current head, newest last, when they are exactly `commits` (same
 * trees and messages, on the same base): a re-run with the same artifacts keeps the branch as it
 * is. Null otherwise.
 */
async function matchingRemoteChain(octokit, repo, head, baseSha, commits) {
    const chain = [];
    let sha = head;
    for (let i = commits.length - 1; i >= 0; i--) {
        let data;
        try {
            ({ data } = await octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: sha }));
        }
        catch (error) {
            if ((0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 404)
                return null;
            throw error;
        }
        const want = commits[i];
        const others = want.otherParents ?? [];
        if (data.tree.sha !== want.tree ||
            data.message.replace(/\n+$/, '') !== want.message.replace(/\n+$/, '') ||
            data.parents.length !== 1 + others.length ||
            others.some((sha, i) => data.parents[i + 1]?.sha !== sha)) {
            return null;
        }
        chain.unshift({ sha: data.sha, tree: data.tree.sha });
        sha = data.parents[0].sha;
    }
    return sha === baseSha ? chain : null;
}
/**
 * Recreates `commits` (a chain on `baseSha`) on GitHub and returns their SHAs there. The base
 * commit must be on GitHub with the same tree as here.
 */
async function pushCommits(octokit, repo, repoDir, baseSha, commits) {
    const where = `${repo.owner}/${repo.repo}`;
    const localBaseTree = await (0,_workspace_git_js__WEBPACK_IMPORTED_MODULE_3__/* .hardenedGit */ .YW)(repoDir).text(['rev-parse', '--verify', `${baseSha}^{tree}`], {
        what: `read the base ${baseSha}`,
    });
    let parent = baseSha;
    let parentTree = await remoteTreeOf(octokit, repo, baseSha);
    if (parentTree !== localBaseTree) {
        throw new Error(`the base commit ${baseSha} has tree ${parentTree} on GitHub ` +
            `but ${localBaseTree} in the checkout; nothing was published`);
    }
    let localParentTree = localBaseTree;
    const pushed = [];
    for (const commit of commits) {
        const edits = await treeEdits(octokit, repo, repoDir, localParentTree, commit.tree);
        const { data: tree } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `create a tree in ${where}`, permission: 'contents: write' }, () => octokit.rest.git.createTree({ owner: repo.owner, repo: repo.repo, base_tree: parentTree, tree: edits }));
        if (tree.sha !== commit.tree) {
            throw new Error(`GitHub built tree ${tree.sha} where the checkout has ${commit.tree} ` +
                `(commit ${commit.sha}); the branch was not updated, nothing was published`);
        }
        const { data: made } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `create a commit in ${where}`, permission: 'contents: write' }, () => octokit.rest.git.createCommit({
            owner: repo.owner,
            repo: repo.repo,
            message: commit.message,
            tree: tree.sha,
            parents: [parent, ...(commit.otherParents ?? [])],
        }));
        pushed.push({ sha: made.sha, tree: tree.sha });
        parent = made.sha;
        parentTree = tree.sha;
        localParentTree = commit.tree;
    }
    return pushed;
}
/** How far back along the branch, and along the base's history, the check looks. */
const FOREIGN_WALK_LIMIT = 100;
/**
 * The commits on the remote branch at `head`, back to the run's base, that do not carry
 * ensemble's run trailer: a person's commits, which a re-run must never move the branch away
 * from. The walk follows first parents from `head` until `baseSha`. A commit without the trailer
 * that is in the base's own history (an earlier run was made at an older base) ends the walk.
 * When the walk cannot decide within its limit, it throws, so that the branch is left alone.
 */
async function foreignCommitsOnBranch(octokit, repo, head, baseSha, trailer) {
    const read = async (sha) => (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `read commit ${sha} of ${repo.owner}/${repo.repo}`, permission: 'contents: read' }, () => octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: sha }));
    let baseHistory = null;
    const inBaseHistory = async (sha) => {
        if (baseHistory === null) {
            baseHistory = new Set();
            let at = baseSha;
            for (let i = 0; at && i < FOREIGN_WALK_LIMIT; i++) {
                baseHistory.add(at);
                at = (await read(at)).data.parents[0]?.sha;
            }
        }
        return baseHistory.has(sha);
    };
    const marked = new RegExp(`^${trailer}: `, 'm');
    const foreign = [];
    let sha = head;
    for (let i = 0; sha && sha !== baseSha; i++) {
        if (i >= FOREIGN_WALK_LIMIT) {
            throw new Error(`branch ${head.slice(0, 12)}…: could not tell within ${FOREIGN_WALK_LIMIT} commits whether it holds ` +
                "commits ensemble did not make, so it was left as it is; delete the branch (it is ensemble's) to publish");
        }
        const { data } = await read(sha);
        if (!marked.test(data.message)) {
            if (await inBaseHistory(sha))
                break;
            foreign.push({ sha, subject: data.message.split('\n')[0] ?? '' });
        }
        sha = data.parents[0]?.sha;
    }
    return foreign;
}
async function branchHead(octokit, repo, branch) {
    try {
        const { data } = await octokit.rest.git.getRef({ owner: repo.owner, repo: repo.repo, ref: `heads/${branch}` });
        return data.object.sha;
    }
    catch (error) {
        if ((0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 404)
            return null;
        throw (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainGitHubError */ .Pm)(error, {
            action: `read branch ${branch} of ${repo.owner}/${repo.repo}`,
            permission: 'contents: read',
        });
    }
}
/**
 * Points branch `branch` at `sha`: created when it does not exist, force-updated when it does
 * (the branch belongs to ensemble; a re-run replaces its commits).
 */
async function setBranch(octokit, repo, branch, sha) {
    const where = `${repo.owner}/${repo.repo}`;
    const operation = { action: `push branch ${branch} to ${where}`, permission: 'contents: write' };
    const update = async () => {
        await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)(operation, () => octokit.rest.git.updateRef({ owner: repo.owner, repo: repo.repo, ref: `heads/${branch}`, sha, force: true }));
        return 'updated';
    };
    const current = await branchHead(octokit, repo, branch);
    if (current === sha)
        return 'unchanged';
    if (current !== null)
        return update();
    try {
        await (0,_github_write_once_js__WEBPACK_IMPORTED_MODULE_1__/* .writeOnce */ .F)(octokit, {
            operation,
            create: async () => {
                await octokit.rest.git.createRef({ owner: repo.owner, repo: repo.repo, ref: `refs/heads/${branch}`, sha });
                return sha;
            },
            find: async () => ((await branchHead(octokit, repo, branch)) === sha ? sha : null),
        });
        return 'created';
    }
    catch (error) {
        // Made meanwhile (a concurrent run, or a first attempt whose answer was lost and then moved).
        if ((0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 422 && /already exists/i.test((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)))
            return update();
        throw error;
    }
}


/***/ }),

/***/ 67912:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DN: () => (/* binding */ acquirePublishLock),
/* harmony export */   ju: () => (/* binding */ DEFAULT_LOCK_TIMING)
/* harmony export */ });
/* unused harmony exports DEFAULT_LOCK_STALE_AFTER_MS, lockRefFor */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9452);
/**
 * One publish at a time per issue, whatever the workflows' concurrency says: two runs of the
 * reusable workflow for one issue (a re-run of publish while a newer run publishes, two callers
 * with different concurrency groups) otherwise both find no review and no tracking comment, and
 * both create one.
 *
 * The lock is a ref, `refs/ensemble/locks/<issue-N | run-ID>`, created with the Git refs API, which
 * answers 422 "Reference already exists" to every creator but one: GitHub makes the choice
 * atomically. It points at a commit of its own (the base's tree, no parent, in no branch) whose
 * message names the holder and whose date is when it was taken. A publish that finds it taken
 * polls until `waitMs` has passed, then stops, saying who holds it. A lock older than the publish
 * job's time limit belongs to a job that was killed before it could release it: it is taken over
 * with a child commit of the stale one and a fast-forward-only update, so that of two publishes
 * taking over at once, one wins. The holder releases it (deletes the ref) when it is done,
 * whatever happened, unless another took it over meanwhile.
 */


/** The publish job's limit in the reusable workflow (`PUBLISH_JOB_TIMEOUT_MINUTES`): no publish holds a lock longer. */
const DEFAULT_LOCK_STALE_AFTER_MS = 15 * 60_000;
const DEFAULT_LOCK_TIMING = {
    staleAfterMs: DEFAULT_LOCK_STALE_AFTER_MS,
    waitMs: 120_000,
    pollMs: 5_000,
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
/** `refs/ensemble/locks/issue-7` for `ensemble/issue-7`. */
function lockRefFor(branch) {
    return `refs/ensemble/locks/${branch.replace(/^ensemble\//, '').replace(/\//g, '-')}`;
}
const HOLDER_LINE = /^holder: (.+)$/m;
/**
 * The lock commit's message. The token makes each publish's commit its own, also for two attempts
 * of one job in the same second: a lock whose commit is ours is one we took (a creation whose
 * answer was lost), never another publish's.
 */
function lockMessage(holder) {
    return `ensemble publish lock\n\nholder: ${holder}\ntoken: ${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(12).toString('hex')}\n`;
}
/** Takes the lock, waiting for it while another publish holds it (module comment). */
async function acquirePublishLock(options) {
    const { octokit, repo, holder, timing, log } = options;
    const { owner, repo: name } = repo;
    const ref = lockRefFor(options.branch);
    const short = ref.slice('refs/'.length);
    const where = `${owner}/${name}`;
    const write = { permission: 'contents: write' };
    const { data: base } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .githubCall */ .Mc)({ action: `read commit ${options.baseSha} of ${where}`, ...write }, () => octokit.rest.git.getCommit({ owner, repo: name, commit_sha: options.baseSha }));
    const lockCommit = async (parents) => {
        const { data } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .githubCall */ .Mc)({ action: `make the publish lock's commit in ${where}`, ...write }, () => octokit.rest.git.createCommit({ owner, repo: name, tree: base.tree.sha, parents, message: lockMessage(holder) }));
        return data.sha;
    };
    const current = async () => {
        try {
            const { data } = await octokit.rest.git.getRef({ owner, repo: name, ref: short });
            const { data: commit } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .githubCall */ .Mc)({ action: `read the publish lock ${ref} of ${where}`, ...write }, () => octokit.rest.git.getCommit({ owner, repo: name, commit_sha: data.object.sha }));
            const by = HOLDER_LINE.exec(commit.message)?.[1] ?? 'an unknown holder';
            return { sha: data.object.sha, holder: by, at: new Date(commit.author.date) };
        }
        catch (error) {
            if ((0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c2)(error) === 404)
                return null;
            throw error;
        }
    };
    let mine = await lockCommit([]);
    const held = (notes) => ({ ok: true, lock: heldLock(options, ref, () => mine, notes) });
    const deadline = timing.now().getTime() + timing.waitMs;
    let waiting = false;
    for (;;) {
        try {
            await octokit.rest.git.createRef({ owner, repo: name, ref, sha: mine });
            return held([]);
        }
        catch (error) {
            if ((0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c2)(error) !== 422)
                throw (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .explainGitHubError */ .Pm)(error, { action: `take the publish lock ${ref}`, ...write });
        }
        const found = await current();
        if (found === null)
            continue; // released between the two calls
        // Our own creation, whose answer was lost and retried.
        if (found.sha === mine)
            return held([]);
        const age = timing.now().getTime() - found.at.getTime();
        if (age > timing.staleAfterMs) {
            const child = await lockCommit([found.sha]);
            try {
                await octokit.rest.git.updateRef({ owner, repo: name, ref: short, sha: child, force: false });
                mine = child;
                const minutes = Math.round(age / 60_000);
                const note = `took over the publish lock ${ref} of ${found.holder}, taken ${found.at.toISOString()} ` +
                    `(${minutes} minutes ago, longer than a publish job may run): that job was stopped before it released it`;
                log.warn(note);
                return held([note]);
            }
            catch (error) {
                // Another publish took it over first, or it was released: look again.
                if ((0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c2)(error) !== 422)
                    throw error;
                continue;
            }
        }
        if (timing.now().getTime() >= deadline) {
            return { ok: false, ref, holder: found.holder, since: found.at.toISOString() };
        }
        if (!waiting)
            log.info(`another publish (${found.holder}) holds ${ref}; waiting for it`);
        waiting = true;
        await timing.sleep(timing.pollMs);
    }
}
function heldLock(options, ref, sha, notes) {
    const { octokit, repo } = options;
    const short = ref.slice('refs/'.length);
    return {
        ref,
        notes,
        async release() {
            try {
                const { data } = await octokit.rest.git.getRef({ owner: repo.owner, repo: repo.repo, ref: short });
                if (data.object.sha !== sha()) {
                    return `the publish lock ${ref} was taken over by another publish before this one released it`;
                }
                await octokit.rest.git.deleteRef({ owner: repo.owner, repo: repo.repo, ref: short });
                return null;
            }
            catch (error) {
                if ((0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c2)(error) === 404)
                    return null;
                const message = error instanceof Error ? error.message : String(error);
                return (`the publish lock ${ref} could not be released (${message}); the next publish for this issue ` +
                    `takes it over once it is ${Math.round(options.timing.staleAfterMs / 60_000)} minutes old, or delete it`);
            }
        },
    };
}


/***/ }),

/***/ 98868:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nl: () => (/* binding */ addLabels),
/* harmony export */   _b: () => (/* binding */ upsertPullRequest)
/* harmony export */ });
/* unused harmony export findOpenPullRequest */
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9452);
/* harmony import */ var _github_write_once_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32192);
/**
 * The pull request from ensemble's branch: found by its head (`owner:branch`) and updated, or
 * created (draft by default, base the default branch). A creation whose answer was lost (502,
 * timeout) is looked for before it is tried again, so a re-run or a retry never opens a second
 * one. Labels come from the configuration (`publish.labels`).
 */


function toRef(data) {
    return {
        number: data.number,
        url: data.html_url,
        title: data.title,
        body: data.body ?? '',
        labels: data.labels.map((l) => l.name ?? '').filter((n) => n !== ''),
        draft: data.draft === true,
    };
}
/** The open pull request whose head is `branch` of this repository, or null. */
async function findOpenPullRequest(octokit, repo, branch) {
    const pulls = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({
        action: `list the pull requests from ${branch} in ${repo.owner}/${repo.repo}`,
        permission: 'pull-requests: read',
    }, () => octokit.rest.pulls.list({
        owner: repo.owner,
        repo: repo.repo,
        state: 'open',
        head: `${repo.owner}:${branch}`,
        per_page: 10,
    }));
    const found = pulls.data[0];
    return found ? toRef(found) : null;
}
/** Updates the open pull request from `fields.branch` (title and body) or creates it. */
async function upsertPullRequest(octokit, repo, fields) {
    const where = `${repo.owner}/${repo.repo}`;
    const existing = await findOpenPullRequest(octokit, repo, fields.branch);
    if (existing) {
        if (existing.title === fields.title && existing.body === fields.body)
            return { ...existing, outcome: 'unchanged' };
        const { data } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `update pull request #${existing.number} of ${where}`, permission: 'pull-requests: write' }, () => octokit.rest.pulls.update({
            owner: repo.owner,
            repo: repo.repo,
            pull_number: existing.number,
            title: fields.title,
            body: fields.body,
        }));
        return { ...toRef(data), outcome: 'updated' };
    }
    const { value, recovered } = await (0,_github_write_once_js__WEBPACK_IMPORTED_MODULE_1__/* .writeOnce */ .F)(octokit, {
        operation: {
            action: `open a pull request from ${fields.branch} into ${fields.base} of ${where}`,
            permission: 'pull-requests: write',
        },
        create: async () => {
            const { data } = await octokit.rest.pulls.create({
                owner: repo.owner,
                repo: repo.repo,
                head: fields.branch,
                base: fields.base,
                title: fields.title,
                body: fields.body,
                draft: fields.draft,
            });
            return toRef(data);
        },
        find: () => findOpenPullRequest(octokit, repo, fields.branch),
    });
    if (recovered && (value.title !== fields.title || value.body !== fields.body)) {
        const { data } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `update pull request #${value.number} of ${where}`, permission: 'pull-requests: write' }, () => octokit.rest.pulls.update({
            owner: repo.owner,
            repo: repo.repo,
            pull_number: value.number,
            title: fields.title,
            body: fields.body,
        }));
        return { ...toRef(data), outcome: 'created' };
    }
    return { ...value, outcome: 'created' };
}
/** Adds the labels the pull request does not have yet (labels are a set: repeating the call is harmless). */
async function addLabels(octokit, repo, pull, labels) {
    const have = new Set(pull.labels.map((l) => l.toLowerCase()));
    const missing = labels.filter((l) => !have.has(l.toLowerCase()));
    if (missing.length === 0)
        return [];
    await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `label pull request #${pull.number} of ${repo.owner}/${repo.repo}`, permission: 'pull-requests: write' }, () => octokit.rest.issues.addLabels({
        owner: repo.owner,
        repo: repo.repo,
        issue_number: pull.number,
        labels: [...missing],
    }));
    return missing;
}


/***/ }),

/***/ 75150:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DX: () => (/* binding */ readStoredFiles),
/* harmony export */   M4: () => (/* binding */ storedProblems),
/* harmony export */   Tr: () => (/* binding */ storeFiles),
/* harmony export */   oV: () => (/* binding */ filesOfCommit),
/* harmony export */   xX: () => (/* binding */ problemsLine)
/* harmony export */ });
/* unused harmony export refCommit */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _contracts_read_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54759);
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9452);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99661);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(29367);
/**
 * Documents kept in the repository itself, outside any branch: a ref under `refs/ensemble/` points
 * at a commit whose tree holds them, each write a commit on top of the last, so that a later run
 * reads them after the run's artifacts have expired and the history of what was stored is kept.
 * The run's state (`run-state.ts`) and the checkpoints of waiting runs (`checkpoint-store.ts`) are
 * stored this way, written through the Git Data API.
 *
 * What is written is checked by the safe-output policy first, like every text ensemble publishes;
 * what is read is text only, validated by the caller.
 */





/**
 * Writes `files` as a new commit on top of the one `ref` points at (a first commit when the ref
 * does not exist) and points the ref at it; the commit, or why not (the policy refused a file,
 * and nothing was written). The same files again write nothing: the ref's commit is returned.
 */
async function storeFiles(octokit, repo, write, policy) {
    const { ref, files } = write;
    const texts = Object.fromEntries([...files].map(([path, text]) => [path, { label: `${write.label} ${path}`, text, kind: 'raw' }]));
    // The files are git objects no one is notified of: @-words in them (a decorator or a JSDoc tag
    // in a finding's code, unfenced in JSON) are no mention flood. Secrets and credentials still refuse.
    const checked = await (0,_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .checkSafeOutputs */ .Qb)({ patches: [], texts }, { ...policy, maxMentions: Number.POSITIVE_INFINITY });
    if (!checked.ok)
        return { refused: (0,_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .formatRefusals */ .hz)(checked.refusals, { allowedHost: policy.allowedHost }) };
    const { owner, repo: name } = repo;
    const where = `${owner}/${name}`;
    const store = { action: `store ${write.what} in ${where}`, permission: 'contents: write' };
    const previous = await refCommit(octokit, repo, ref);
    // The same files again (a re-run of the publish): the ref stays where it is, nothing is written.
    if (previous !== null && (await sameFiles(octokit, repo, ref, previous, files)))
        return { commit: previous };
    // The files inline in the tree (they are UTF-8 text): one call, no blob per file.
    const tree = [...files].map(([path, content]) => ({ path, mode: '100644', type: 'blob', content }));
    const { data: madeTree } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .githubCall */ .Mc)(store, () => octokit.rest.git.createTree({ owner, repo: name, tree }));
    const { data: commit } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .githubCall */ .Mc)(store, () => octokit.rest.git.createCommit({
        owner,
        repo: name,
        message: write.message,
        tree: madeTree.sha,
        parents: previous === null ? [] : [previous],
    }));
    await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .githubCall */ .Mc)({ action: `point ${ref} of ${where} at ${write.what}`, permission: 'contents: write' }, async () => {
        if (previous === null)
            await octokit.rest.git.createRef({ owner, repo: name, ref, sha: commit.sha });
        else
            await octokit.rest.git.updateRef({ owner, repo: name, ref: ref.slice(5), sha: commit.sha, force: true });
    });
    return { commit: commit.sha };
}
/** The commit `ref` points at; null when the ref does not exist. */
async function refCommit(octokit, repo, ref) {
    try {
        const { data } = await octokit.rest.git.getRef({ owner: repo.owner, repo: repo.repo, ref: ref.slice(5) });
        return data.object.sha;
    }
    catch (error) {
        if ((0,_github_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .statusOf */ .c2)(error) === 404)
            return null;
        throw (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .explainGitHubError */ .Pm)(error, {
            action: `read ${ref} of ${repo.owner}/${repo.repo}`,
            permission: 'contents: read',
        });
    }
}
/** The files of the commit `ref` points at; null when the ref does not exist. */
async function readStoredFiles(octokit, repo, ref) {
    const commit = await refCommit(octokit, repo, ref);
    if (commit === null)
        return null;
    return { commit, files: await filesOfCommit(octokit, repo, ref, commit) };
}
/** The files of `commit` (one that `ref` points or pointed at, named in errors). */
async function filesOfCommit(octokit, repo, ref, commit) {
    const files = new Map();
    for (const [path, sha] of await blobsOf(octokit, repo, ref, commit)) {
        const { data } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .githubCall */ .Mc)({ action: `read ${path} of ${ref}`, permission: 'contents: read' }, () => octokit.rest.git.getBlob({ owner: repo.owner, repo: repo.repo, file_sha: sha }));
        files.set(path, Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8'));
    }
    return files;
}
/** The files of `commit` by blob SHA, path → SHA, read without their contents. */
async function blobsOf(octokit, repo, ref, commit) {
    const { owner, repo: name } = repo;
    const read = { action: `read ${ref} of ${owner}/${name}`, permission: 'contents: read' };
    const { data: made } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .githubCall */ .Mc)(read, () => octokit.rest.git.getCommit({ owner, repo: name, commit_sha: commit }));
    const { data: tree } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .githubCall */ .Mc)(read, () => octokit.rest.git.getTree({ owner, repo: name, tree_sha: made.tree.sha, recursive: 'true' }));
    const blobs = new Map();
    for (const entry of tree.tree)
        if (entry.type === 'blob' && entry.path && entry.sha)
            blobs.set(entry.path, entry.sha);
    return blobs;
}
/** The SHA git gives a blob of `text`. */
function blobSha(text) {
    const body = Buffer.from(text, 'utf8');
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1')
        .update(Buffer.concat([Buffer.from(`blob ${body.length}\0`), body]))
        .digest('hex');
}
/** Whether `commit` holds exactly `files` (paths and contents), compared by blob SHA. */
async function sameFiles(octokit, repo, ref, commit, files) {
    const stored = await blobsOf(octokit, repo, ref, commit);
    return stored.size === files.size && [...files].every(([path, text]) => stored.get(path) === blobSha(text));
}
/**
 * What is wrong with a stored document that did not validate, as one line: the problems only. The
 * contract's own hint (re-run the stage that wrote it) cannot mend a stored document.
 */
function storedProblems(error) {
    return error instanceof _contracts_read_js__WEBPACK_IMPORTED_MODULE_1__.ContractError ? problemsLine(error.problems) : (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error);
}
/** `$.status: Invalid option; $.plan: …`. */
function problemsLine(problems) {
    return problems.map((p) => `${p.path}: ${p.message}`).join('; ');
}


/***/ }),

/***/ 75570:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D4: () => (/* binding */ RunStateError),
/* harmony export */   e3: () => (/* binding */ writeRunState),
/* harmony export */   xz: () => (/* binding */ readRunState)
/* harmony export */ });
/* unused harmony exports stateRefFor, stateFiles */
/* harmony import */ var _contracts_read_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54759);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99661);
/* harmony import */ var _ref_store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(75150);



/** The stored state of a run's branch is unusable: the follow-up says what to do. */
class RunStateError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo {
    name = 'RunStateError';
}
/** `refs/ensemble/state/issue-7` for `ensemble/issue-7`. */
function stateRefFor(branch) {
    return `refs/ensemble/state/${branch.replace(/^ensemble\//, '').replace(/\//g, '-')}`;
}
const PLAN = 'plan.json';
const TEST = 'test.json';
const REVIEW_DIR = 'reviews';
/** The files of a state commit: path → text. */
function stateFiles(state) {
    const files = new Map([[PLAN, `${JSON.stringify(state.plan, null, 2)}\n`]]);
    if (state.test)
        files.set(TEST, `${JSON.stringify(state.test, null, 2)}\n`);
    for (const review of state.reviews) {
        files.set(`${REVIEW_DIR}/${review.lens}.json`, `${JSON.stringify(review, null, 2)}\n`);
    }
    return files;
}
/**
 * Writes `state` as a new state commit of `branch` and points the ref at it; the commit, or why
 * not (the policy refused a document): the pull request stands, but a follow-up run will say that
 * this run left no state. The same documents again write nothing.
 */
async function writeRunState(octokit, repo, branch, state, policy) {
    return (0,_ref_store_js__WEBPACK_IMPORTED_MODULE_2__/* .storeFiles */ .Tr)(octokit, repo, {
        ref: stateRefFor(branch),
        files: stateFiles(state),
        message: `ensemble run state of ${branch}\n\nrun: ${state.plan.run.runId}\n`,
        what: "the run's state",
        label: 'stored state',
    }, policy);
}
/**
 * The stored state of `branch`, validated document by document; null when the branch has none.
 * A document that does not validate throws `RunStateError` naming it.
 */
async function readRunState(octokit, repo, branch) {
    const ref = stateRefFor(branch);
    const stored = await (0,_ref_store_js__WEBPACK_IMPORTED_MODULE_2__/* .readStoredFiles */ .DX)(octokit, repo, ref);
    if (stored === null)
        return null;
    const { commit, files: texts } = stored;
    const parse = (kind, path) => {
        try {
            return (0,_contracts_read_js__WEBPACK_IMPORTED_MODULE_0__.parseDocumentText)(kind, texts.get(path), { artifact: ref, file: path });
        }
        catch (error) {
            throw new RunStateError(`${ref} (commit ${commit}) holds an invalid ${path} (${(0,_ref_store_js__WEBPACK_IMPORTED_MODULE_2__/* .storedProblems */ .M4)(error)}). ` +
                'Delete the ref to start over: a follow-up run then needs a new run on the issue');
        }
    };
    if (!texts.has(PLAN))
        throw new RunStateError(`${ref} (commit ${commit}) holds no ${PLAN}`);
    const reviews = [...texts.keys()]
        .filter((path) => path.startsWith(`${REVIEW_DIR}/`) && path.endsWith('.json'))
        .sort()
        .map((path) => parse('review', path));
    return {
        commit,
        state: { plan: parse('plan', PLAN), test: texts.has(TEST) ? parse('test', TEST) : null, reviews },
    };
}


/***/ }),

/***/ 17522:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  choosePublishCredentials: () => (/* binding */ choosePublishCredentials),
  describePublishCredentials: () => (/* binding */ describePublishCredentials),
  loadCheckoutConfig: () => (/* binding */ loadCheckoutConfig),
  runPublishAction: () => (/* binding */ runPublishAction),
  triggeringIssue: () => (/* binding */ triggeringIssue)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./lib/artifacts/names.js
var names = __webpack_require__(40963);
// EXTERNAL MODULE: ./lib/artifacts/store.js
var store = __webpack_require__(39214);
// EXTERNAL MODULE: ./lib/config/load.js
var load = __webpack_require__(76264);
// EXTERNAL MODULE: ./lib/github/app-token.js
var app_token = __webpack_require__(91956);
// EXTERNAL MODULE: ./lib/github/checks.js
var github_checks = __webpack_require__(55554);
// EXTERNAL MODULE: ./lib/github/octokit.js + 3 modules
var octokit = __webpack_require__(15687);
// EXTERNAL MODULE: ./lib/model/keys.js
var keys = __webpack_require__(61261);
// EXTERNAL MODULE: ./lib/publish/activity.js
var activity = __webpack_require__(16898);
// EXTERNAL MODULE: ./lib/render/index.js + 10 modules
var render = __webpack_require__(14059);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
;// CONCATENATED MODULE: ./lib/publish/checks-started.js


const DEFAULT_POLL_SECONDS = 15;
const DOCS = 'ensemble\'s docs/github-setup.md, section "CI on ensemble\'s branches"';
/**
 * Events of a workflow run that a commit on the default branch gets from its CI. ensemble's own run
 * (an `issues`, `issue_comment` or `workflow_dispatch` event) usually has the base as its head
 * commit, and must not pass for the repository's CI.
 */
const CI_EVENTS = new Set(['push', 'pull_request', 'pull_request_target', 'merge_group']);
/** The Actions app's check suites are workflow runs, judged by their event instead. */
const ACTIONS_APP = 'github-actions';
const checks_started_short = (sha) => sha.slice(0, 12);
function isActionRequired(run) {
    return run.conclusion === 'action_required' || run.status === 'action_required';
}
/**
 * What the head's activity shows: runs waiting for approval, else what started, else nothing.
 * Waiting runs come first even beside running ones: they never run without a person, and their
 * checks would be missing from the pull request.
 */
function judgeHead(activity) {
    const waiting = activity.workflowRuns.filter(isActionRequired);
    if (waiting.length > 0)
        return { kind: 'action-required', runs: waiting.map((r) => ({ name: r.name, url: r.url })) };
    const runs = activity.workflowRuns.length;
    // GitHub makes an empty `queued`/`requested` suite for every installed app that listens to
    // check suites, whether or not it ever runs anything: only a suite with check runs started.
    const suites = activity.suites.filter((s) => s.checkRuns > 0).length;
    if (runs > 0 || suites > 0)
        return { kind: 'started', suites, workflowRuns: runs };
    return null;
}
/** Whether the default branch's commit shows CI of its own (not ensemble's run, not empty suites). */
function baseHasCi(activity) {
    if (activity.workflowRuns.some((run) => CI_EVENTS.has(run.event)))
        return true;
    return activity.suites.some((suite) => suite.app !== ACTIONS_APP && suite.checkRuns > 0);
}
/**
 * Reads the head's checks every `pollSeconds` until one started, runs wait for approval, or
 * `minutes` have passed; then, when none started, reads the base once to tell why. Never throws for
 * a read GitHub refused: the result is `not-checked` with the reason (the publish stays published).
 */
async function waitForChecks(deps, options) {
    const { headSha, baseSha, minutes } = options;
    if (minutes <= 0) {
        return { kind: 'not-checked', why: 'ci.wait-for-checks-minutes is 0, so publish does not wait for checks' };
    }
    const pollMs = Math.max(1, options.pollSeconds ?? DEFAULT_POLL_SECONDS) * 1000;
    const started = deps.now();
    const deadline = started + minutes * 60_000;
    const readHead = async () => {
        try {
            return judgeHead(await deps.readActivity(headSha));
        }
        catch (error) {
            return { kind: 'not-checked', why: `the checks of ${checks_started_short(headSha)} could not be read: ${(0,errors/* errorMessage */.gJ)(error)}` };
        }
    };
    const first = await readHead();
    if (first)
        return first;
    // The base first: a repository that runs no CI on it has nothing to wait for (and no runner
    // minutes are spent waiting); one that does is waited for, up to the deadline.
    let base;
    try {
        base = await deps.readActivity(baseSha);
    }
    catch (error) {
        return {
            kind: 'not-checked',
            why: `no check had started on ${checks_started_short(headSha)}, and the checks of the base ${checks_started_short(baseSha)} could not be ` +
                `read to tell whether any will: ${(0,errors/* errorMessage */.gJ)(error)}`,
        };
    }
    if (!baseHasCi(base))
        return { kind: 'none', cause: 'no-ci', waitedMinutes: 0 };
    // The clock ends the wait; the count of reads bounds it too, should the clock stall or go back.
    const maxReads = Math.ceil((minutes * 60_000) / pollMs) + 1;
    for (let reads = 2;; reads++) {
        const left = deadline - deps.now();
        if (left <= 0 || reads > maxReads)
            break;
        await deps.sleep(Math.min(pollMs, left));
        const seen = await readHead();
        if (seen)
            return seen;
    }
    const waitedMinutes = minutes;
    if (options.publisher.kind === 'token' && options.publisher.prefix === 'ghs_') {
        return { kind: 'none', cause: 'github-token', waitedMinutes };
    }
    return { kind: 'none', cause: 'unknown', waitedMinutes };
}
const minutesText = (n) => `${n} minute${n === 1 ? '' : 's'}`;
/** A web URL that can be a link as it is; anything else is shown as text only. */
function safeUrl(url) {
    return /^https?:\/\/[^\s<>"'`()[\]]+$/.test(url) ? url : null;
}
/**
 * One Markdown paragraph for the tracking comment or the pull request saying what the check
 * found and what to do; null when there is nothing to say (checks started).
 */
function checksStartedNote(result, options) {
    const ctx = (0,render/* makeCtx */.Gu)();
    const head = ctx.code(checks_started_short(options.headSha));
    switch (result.kind) {
        case 'started':
            return null;
        case 'action-required': {
            const runs = result.runs.map((run) => {
                const name = ctx.inline(run.name);
                const url = safeUrl(run.url);
                // Brackets escaped, so that a name cannot close the link text and start a link of its own.
                return url ? `[${name.replace(/[[\]]/g, '\\$&')}](${url})` : name;
            });
            const count = result.runs.length === 1 ? '1 workflow run' : `${result.runs.length} workflow runs`;
            return (`**CI:** ${count} on ${head} wait${result.runs.length === 1 ? 's' : ''} for approval: ${runs.join(', ')}. ` +
                'GitHub runs none of them until someone with write access approves them: "Approve and run" under ' +
                '"Workflow(s) awaiting approval" on the pull request, or on each run\'s page in the Actions tab. To have ' +
                "them start without approval, change the repository's Settings → Actions → General → " +
                `"Approval for running fork pull request workflows from contributors" (${DOCS}).`);
        }
        case 'none':
            return noneNote(result.cause, head, result.waitedMinutes);
        case 'not-checked':
            return `**CI:** ensemble did not find out whether checks started on ${head}: ${ctx.inline(result.why)}.`;
    }
}
function noneNote(cause, head, minutes) {
    const none = `**CI:** no check started on ${head} within ${minutesText(minutes)}`;
    if (cause === 'no-ci') {
        return (`${none}, and none ran on the default branch's commit it is based on either: this repository runs no ` +
            'checks on its default branch, so there is nothing to wait for and nothing to do.');
    }
    if (cause === 'github-token') {
        return (`${none}, although the default branch runs checks. It was pushed with an installation token, the ` +
            "workflow run's `GITHUB_TOKEN` unless it was an App's, and GitHub starts no workflow for what " +
            '`GITHUB_TOKEN` pushes: CI runs once someone pushes to the branch. To have CI run on every ensemble pull ' +
            'request, give the reusable workflow the secrets `publish-app-id` and `publish-app-private-key` (a ' +
            `GitHub App, preferred) or \`publish-token\` (${DOCS}).`);
    }
    return (`${none}, although the default branch runs checks, and the token publish used is not one that GitHub ` +
        "ignores. Check the repository's workflows: their `on:` triggers (`push`, `pull_request`), branch " +
        'filters that leave out `ensemble/*` branches, and whether Actions is disabled (Settings → Actions → ' +
        `General) (${DOCS}).`);
}
/**
 * One line of plain text for the tracking comment's activity record (the caller neutralises it):
 * what the check found, short. Unlike the note, also for checks that started.
 */
function checksStartedActivity(result, options) {
    const head = checks_started_short(options.headSha);
    switch (result.kind) {
        case 'started': {
            const parts = [
                result.workflowRuns > 0 && `${result.workflowRuns} workflow run${result.workflowRuns === 1 ? '' : 's'}`,
                result.suites > 0 && `${result.suites} check suite${result.suites === 1 ? '' : 's'} with check runs`,
            ].filter(Boolean);
            return `checks started on ${head} (${parts.join(', ')})`;
        }
        case 'action-required':
            return `workflow runs on ${head} wait for approval: ${result.runs.map((r) => r.name).join(', ')}`;
        case 'none': {
            const why = {
                'no-ci': 'the repository runs no checks on its default branch',
                'github-token': 'pushed with GITHUB_TOKEN, which starts no workflow',
                unknown: "check the workflows' triggers and branch filters",
            }[result.cause];
            return `no check started on ${head} within ${minutesText(result.waitedMinutes)}: ${why}`;
        }
        case 'not-checked':
            return `checks on ${head} not checked: ${result.why}`;
    }
}

;// CONCATENATED MODULE: ./lib/publish/ci-note.js
/**
 * Whether the repository's own CI starts on the pull request, by who published it, for the
 * tracking comment: GitHub starts no workflow for what `GITHUB_TOKEN` pushes or opens, and starts
 * them, secrets included, for an App's or a person's token. Either way the reader learns what
 * applies and what to do (ensemble's docs/github-setup.md, "CI on ensemble's branches").
 */
const ci_note_DOCS = 'ensemble\'s docs/github-setup.md, section "CI on ensemble\'s branches"';
/** One Markdown paragraph for the tracking comment, naming the case that applies. */
function ciNote(publisher) {
    if (publisher.kind === 'token' && publisher.prefix === 'ghs_') {
        return ("**CI:** published with an installation token. When it is the workflow run's `GITHUB_TOKEN` (the default), " +
            "GitHub starts none of this repository's workflows on the pull request: CI runs once someone pushes to it. " +
            'To have CI run on every ensemble pull request, publish with a GitHub App, and keep the jobs that hold ' +
            `secrets away from unreviewed branches (${ci_note_DOCS}).`);
    }
    const who = publisher.kind === 'app' ? 'a GitHub App' : "a person's token";
    return (`**CI:** published with ${who}, so this repository's \`push\` and \`pull_request\` workflows run on the ` +
        "pull request with the repository's secrets, on code no person has reviewed yet. Jobs that hold secrets " +
        `should wait for a reviewer (an environment with required reviewers) or skip \`ensemble/*\` branches (${ci_note_DOCS}).`);
}
/** The publisher of a token, by its prefix alone. */
function tokenPublisher(token) {
    const prefix = /^(gh[pousr]_|github_pat_)/.exec(token)?.[1] ?? '';
    return { kind: 'token', prefix };
}

// EXTERNAL MODULE: ./lib/publish/follow-up.js
var follow_up = __webpack_require__(57298);
// EXTERNAL MODULE: ./lib/github/issues.js
var issues = __webpack_require__(375);
// EXTERNAL MODULE: ./lib/publish/check-policy.js
var check_policy = __webpack_require__(18334);
// EXTERNAL MODULE: ./lib/publish/checkpoint-store.js
var checkpoint_store = __webpack_require__(68025);
// EXTERNAL MODULE: ./lib/publish/step.js
var step = __webpack_require__(82169);
// EXTERNAL MODULE: ./lib/publish/tracking.js
var publish_tracking = __webpack_require__(17646);
;// CONCATENATED MODULE: ./lib/publish/gate.js
/**
 * What publish writes for the gates (`pipeline/gates.ts`): a run that waits stores its checkpoint
 * under `refs/ensemble/checkpoints/issue-<n>` (so that the run a person's answer starts can
 * continue from it after every artifact of this one expired) and labels the issue while it waits
 * for answers; a stopped wait is settled there and said in the tracking comment; and a run that
 * went on to code settles the checkpoint it continued (or replaced), so that no later command
 * resumes it a second time.
 */









/**
 * Publishes a waiting or stopped checkpoint of this run (the plan job's `checkpoint.json`); never
 * throws for a refusal.
 */
async function publishGate(options, checkpoint) {
    const { octokit, repo, config } = options;
    const issue = checkpoint.request.issue;
    const written = [];
    if (issue === null)
        return refused('a run from a prompt has no issue to wait on', written);
    const waitsIn = checkpoint.status === 'stopped' ? checkpoint.settled?.runId : checkpoint.run.runId;
    if (waitsIn !== options.runId) {
        return refused(`the checkpoint is of workflow run ${waitsIn ?? 'unknown'}, not of ${options.runId}`, written);
    }
    const policy = (0,check_policy/* publishPolicy */.cM)(config, { ...options, allowedHost: new URL(options.serverUrl).host });
    const label = config.gates['needs-info-label'];
    const tracking = {
        octokit,
        repo,
        issue,
        runUrl: options.runUrl,
        secretValues: options.secretValues,
        serverUrl: options.serverUrl,
        label,
        ...(options.log ? { log: options.log } : {}),
    };
    if (checkpoint.status === 'stopped') {
        const stored = await (0,checkpoint_store.readCheckpoint)(octokit, repo, issue);
        if (stored !== null && stored.checkpoint.status === 'waiting' && checkpoint.settled) {
            const settled = await (0,checkpoint_store/* settleCheckpoint */.a2)(octokit, repo, issue, stored, { status: 'stopped', ...checkpoint.settled }, policy);
            if ('refused' in settled)
                return refused(`the stopped checkpoint was not stored: ${settled.refused}`, written);
            written.push(`checkpoint of #${issue} settled as stopped (${settled.commit.slice(0, 12)})`);
        }
        await (0,issues.removeIssueLabel)(octokit, { ...repo, issue_number: issue, label });
        await (0,publish_tracking.postGateTrackingComment)({ ...tracking, checkpoint });
        written.push(`tracking comment on #${issue}: stopped by @${checkpoint.settled?.by ?? 'someone'}`);
        return { status: 'stopped', written, error: null };
    }
    // A re-run of this job must not bring back a wait that was settled since, or replace a newer one.
    const current = await (0,checkpoint_store.readCheckpoint)(octokit, repo, issue);
    const outdated = current !== null && supersedes(current.checkpoint, checkpoint);
    if (outdated)
        return refused(`${outdated}; nothing was stored`, written);
    const conversationFile = (0,external_node_path_.join)(options.runDir.artifactDir(names.ARTIFACTS.plan), 'conversation.json');
    const conversation = (0,external_node_fs_.existsSync)(conversationFile) ? (0,external_node_fs_.readFileSync)(conversationFile, 'utf8') : null;
    let stored = await (0,checkpoint_store/* writeCheckpoint */.Kp)(octokit, repo, issue, { checkpoint, conversation }, policy);
    if ('refused' in stored && conversation !== null) {
        // The conversation holds what the planner read; without it the run still continues, from the findings.
        const without = { checkpoint: { ...checkpoint, conversation: false }, conversation: null };
        const retried = await (0,checkpoint_store/* writeCheckpoint */.Kp)(octokit, repo, issue, without, policy);
        if (!('refused' in retried))
            written.push(`the planner's conversation was not stored: ${stored.refused}`);
        stored = retried;
    }
    if ('refused' in stored) {
        const why = `ensemble could not store what it needs to continue: ${stored.refused}`;
        // Nothing waits now: no answers are wanted, and the tracking comment shows no wait to continue.
        await (0,issues.removeIssueLabel)(octokit, { ...repo, issue_number: issue, label });
        await (0,publish_tracking/* postGateStoreFailure */.py)({ ...tracking, message: `${why}. Label the issue again to start over.` });
        return refused(why, written);
    }
    written.push(`checkpoint of #${issue} stored (${stored.commit.slice(0, 12)}), waiting for ${checkpoint.waitingFor}`);
    // The label says "answers wanted"; a plan that waits for approval wants none.
    if (checkpoint.waitingFor === 'answers') {
        await (0,issues/* addIssueLabel */.jo)(octokit, { ...repo, issue_number: issue, label });
        written.push(`label ${label} on #${issue}`);
    }
    else {
        await (0,issues.removeIssueLabel)(octokit, { ...repo, issue_number: issue, label });
    }
    await (0,publish_tracking.postGateTrackingComment)({ ...tracking, checkpoint });
    written.push(`tracking comment on #${issue}: waiting for ${checkpoint.waitingFor}`);
    return { status: 'waiting', written, error: null };
}
/** Why `stored` is not to be overwritten by `mine`: it is mine, settled since, or a newer run's wait; else null. */
function supersedes(stored, mine) {
    if (stored.run.runId === mine.run.runId) {
        return stored.status === 'waiting' ? null : `this run's wait was settled since (${stored.status})`;
    }
    if (Date.parse(stored.waitingSince) > Date.parse(mine.waitingSince)) {
        return `a newer run (${stored.run.runId}) waits on the issue`;
    }
    return null;
}
function refused(error, written) {
    return { status: 'refused', written, error };
}
/**
 * After a run on `issue` that did not wait: the issue's checkpoint, when one still waits, is
 * settled as continued by this run (it resumed from it, or a new run replaced it), and the label
 * comes off. Best effort: the pull request stands either way, and a failure is logged.
 */
async function settleWaitingCheckpoint(options, input) {
    const { octokit, repo, config } = options;
    const log = options.log ?? step/* silentLog */.aB;
    try {
        const stored = await (0,checkpoint_store.readCheckpoint)(octokit, repo, input.issue);
        if (stored === null || stored.checkpoint.status !== 'waiting')
            return null;
        const policy = (0,check_policy/* publishPolicy */.cM)(config, { ...options, allowedHost: new URL(options.serverUrl).host });
        // Continued from it, or a new run (a label added again) that took its place.
        const status = input.resumedFrom === stored.commit ? 'resumed' : 'replaced';
        const settled = { status, by: input.by, at: new Date().toISOString(), runId: input.runId };
        const done = await (0,checkpoint_store/* settleCheckpoint */.a2)(octokit, repo, input.issue, stored, settled, policy);
        if ('refused' in done) {
            log.warn(`the checkpoint of #${input.issue} was not settled: ${done.refused}`);
            return null;
        }
        await (0,issues.removeIssueLabel)(octokit, { ...repo, issue_number: input.issue, label: config.gates['needs-info-label'] });
        return `checkpoint of #${input.issue} settled as ${status} by run ${input.runId}`;
    }
    catch (error) {
        log.warn(`the checkpoint of #${input.issue} was not settled: ${(0,errors/* errorMessage */.gJ)(error)}`);
        return null;
    }
}

// EXTERNAL MODULE: ./lib/review/index.js + 2 modules
var review = __webpack_require__(59039);
// EXTERNAL MODULE: ./lib/publish/branch.js
var publish_branch = __webpack_require__(77619);
// EXTERNAL MODULE: ./lib/workspace/diff/index.js + 4 modules
var diff = __webpack_require__(75585);
// EXTERNAL MODULE: ./lib/workspace/git.js
var git = __webpack_require__(10297);
// EXTERNAL MODULE: ./lib/workspace/patch.js
var patch = __webpack_require__(93515);
// EXTERNAL MODULE: ./lib/publish/commits.js
var publish_commits = __webpack_require__(54673);
;// CONCATENATED MODULE: ./lib/publish/build-change.js
/**
 * Step 3 of `publishToGitHub`: the run's commits, made locally on the plan's base (`commits.ts`),
 * which is also where every patch must apply, and the pull request's diff (base → the last
 * commit), on which the review is placed.
 */






/**
 * The commits and the pull request's diff; `refused` when a patch does not apply, `no-change`
 * when nothing is left to commit. Throws when the checkout lacks the plan's base commit.
 */
async function buildChange(options) {
    const { repoDir, artifacts, changePatch } = options;
    const { plan, tasks, test, docs, fix } = artifacts;
    const { run } = plan;
    await assertCheckoutHasBase(repoDir, run.baseSha);
    const input = { repoDir, run, plan, tasks, test, changePatch, docs, rounds: (0,review/* testedRounds */.Hj)(fix) };
    const built = await (0,publish_commits/* buildCommitSequence */.Py)(input).catch(patchApplyErrorOrThrow);
    if (built instanceof publish_commits/* PatchApplyError */.$0)
        return { ok: false, stop: patchDoesNotApply(built, run.baseSha) };
    if (built.commits.length === 0) {
        const message = 'nothing was written: the change is empty once applied to the base.';
        return { ok: false, stop: (0,step/* stop */.ds)('no-change', message, built.notes) };
    }
    const prPatch = (await (0,patch/* diffTrees */.j_)((0,git/* hardenedGit */.YW)(repoDir), run.baseSha, built.head)).patch;
    return { ok: true, sequence: built, prDiff: (0,diff/* parseUnifiedDiff */.rj)(prPatch) };
}
async function assertCheckoutHasBase(repoDir, baseSha) {
    if (await (0,git/* hasCommit */.QE)((0,git/* hardenedGit */.YW)(repoDir), baseSha))
        return;
    throw new Error(`the checkout in ${repoDir} does not contain the plan's base commit ${baseSha}: check the repository out at the ` +
        `plan job's base-sha output (actions/checkout with ref: \${{ needs.plan.outputs.base-sha }}) before publish`);
}
/** A patch that does not apply is an outcome; any other error is not. */
function patchApplyErrorOrThrow(error) {
    if (error instanceof publish_commits/* PatchApplyError */.$0)
        return error;
    throw error;
}
function patchDoesNotApply(error, baseSha) {
    const onChange = error.patch !== 'docs.patch';
    const where = onChange ? `to the plan's base ${baseSha}` : 'on top of change.patch';
    let job = 'docs';
    if (onChange)
        job = error.patch === 'change.patch' ? 'test' : 'fix';
    const why = error.detail.split('\n')[0];
    const refused = `publish refused: ${error.patch} does not apply ${where} (${why}); nothing was written.`;
    return (0,step/* stop */.ds)('refused', `${refused}\nRe-run the ${job} job of this run.`);
}

// EXTERNAL MODULE: ./lib/publish/compose-texts.js
var compose_texts = __webpack_require__(72442);
// EXTERNAL MODULE: ./lib/publish/lock.js
var publish_lock = __webpack_require__(67912);
// EXTERNAL MODULE: ./lib/publish/artifacts.js
var publish_artifacts = __webpack_require__(63196);
;// CONCATENATED MODULE: ./lib/publish/read-run.js


/** Reads every artifact; throws only when the plan cannot be read. */
async function readRun(options) {
    const { repo } = options;
    const artifacts = await (0,publish_artifacts/* readPublishArtifacts */.h)(options.artifacts, options.runDir, options.config);
    const { run } = artifacts.plan;
    const foreign = foreignPlan(run, options.expected);
    if (foreign !== null)
        return { artifacts, ok: false, stop: foreign };
    const invalid = [...artifacts.invalid];
    if (run.repository.toLowerCase() !== `${repo.owner}/${repo.repo}`.toLowerCase()) {
        const message = `the plan is of ${run.repository}, but this job publishes to ${repo.owner}/${repo.repo}`;
        invalid.push({ artifact: 'ensemble-plan', message });
    }
    if (invalid.length > 0)
        return { artifacts, ok: false, stop: invalidArtifacts(invalid) };
    const { changePatch } = artifacts;
    if (changePatch === null)
        return { artifacts, ok: false, stop: (0,step/* stop */.ds)('no-change', NO_TEST_ARTIFACT) };
    if (changePatch.trim() === '')
        return { artifacts, ok: false, stop: emptyChange(artifacts) };
    return { artifacts, ok: true, changePatch };
}
function issueName(issue) {
    return issue === null ? 'no issue (a run from a prompt)' : `issue #${issue}`;
}
/**
 * The stop when the plan is not of the run and issue this publish was started for. Every other
 * artifact is checked against the plan, so this covers them all. Nothing is written, not even the
 * tracking comment: on the plan's issue it would be a write the trigger did not ask for.
 */
function foreignPlan(run, expected) {
    const differences = [];
    if (run.issue !== expected.issue) {
        differences.push(`it is for ${issueName(run.issue)}, but this publish was started for ${issueName(expected.issue)}`);
    }
    if (run.runId !== expected.runId) {
        differences.push(`it is of workflow run ${run.runId}, but this publish runs in workflow run ${expected.runId}`);
    }
    if (differences.length === 0)
        return null;
    const message = `nothing was written: ensemble-plan (plan.json) is not this run's: ${differences.join('; ')}. ` +
        'Every artifact must carry the identity of the run and issue that started the publish; ' +
        "check the workflow's jobs and their inputs.";
    return (0,step/* stopSilently */.j4)('invalid', message, 'the artifacts are not of the issue and run that started this publish');
}
function invalidArtifacts(invalid) {
    const which = invalid.length === 1 ? 'an artifact is' : `${invalid.length} artifacts are`;
    const message = [
        `nothing was written: ${which} not valid, and ensemble publishes only from a complete, valid run.`,
        ...invalid.map((i) => `- ${i.message}`),
        'Re-run the jobs that produced them.',
    ];
    return (0,step/* stop */.ds)('invalid', message.join('\n'));
}
const NO_TEST_ARTIFACT = 'nothing was written: the test stage uploaded no ensemble-test artifact, so there is no integrated change to ' +
    'publish. See the test job of this run.';
function emptyChange(artifacts) {
    const done = artifacts.tasks.filter((t) => t.document.status === 'done').length;
    const tasks = `${done} of ${artifacts.plan.tasks.length} tasks finished`;
    const why = `the run changed nothing (change.patch is empty; ${tasks})`;
    return (0,step/* stop */.ds)('no-change', `nothing was written: ${why}. See the code jobs of this run.`);
}

// EXTERNAL MODULE: ./lib/publish/report.js
var report = __webpack_require__(68385);
// EXTERNAL MODULE: ./lib/publish/run-state.js
var run_state = __webpack_require__(75570);
// EXTERNAL MODULE: ./lib/github/errors.js
var github_errors = __webpack_require__(9452);
;// CONCATENATED MODULE: ./lib/publish/target.js
/**
 * Step 2 of `publishToGitHub`: where the pull request goes. The repository's default branch is
 * its base, and ensemble's branch must not be it: ensemble never writes to the default branch.
 */


/** The default branch, or `refused` when it is ensemble's branch. Reads, never writes. */
async function checkTarget(options) {
    const { octokit, repo, branch } = options;
    const where = `${repo.owner}/${repo.repo}`;
    const { data } = await (0,github_errors/* githubCall */.Mc)({ action: `read ${where}`, permission: 'contents: read' }, () => octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo }));
    if (branch === data.default_branch) {
        const why = `the branch ${branch} is the default branch of ${where}, and ensemble never writes to it`;
        return { ok: false, stop: (0,step/* stop */.ds)('refused', `nothing was written: ${why}.`) };
    }
    return { ok: true, defaultBranch: data.default_branch };
}

// EXTERNAL MODULE: ./lib/workspace/commit.js
var commit = __webpack_require__(48656);
// EXTERNAL MODULE: ./lib/publish/git-data.js
var git_data = __webpack_require__(46912);
// EXTERNAL MODULE: ./lib/publish/pull-request.js
var pull_request = __webpack_require__(98868);
// EXTERNAL MODULE: ./lib/publish/review.js
var publish_review = __webpack_require__(68735);
;// CONCATENATED MODULE: ./lib/publish/write-to-github.js







const UNPLACED = 'GitHub refused the placement of the inline comments; every finding is in the review body.';
/** Writes, in order; never throws: a failed write is the result's `error`. */
async function writeToGitHub(options) {
    const pushed = await attempt(() => pushBranch(options));
    if (!pushed.ok)
        return failedAfter(report/* NOTHING_WRITTEN */.qv, pushed.error);
    const onBranch = { ...report/* NOTHING_WRITTEN */.qv, branch: options.branch, commits: pushed.value.commits };
    const pull = await attempt(() => openPullRequest(options));
    if (!pull.ok)
        return failedAfter(onBranch, pull.error);
    const { number, url, outcome } = pull.value;
    const withPull = { ...onBranch, pr: { number, url, outcome } };
    const labelled = await attempt(() => labelPullRequest(options, pull.value));
    if (!labelled.ok)
        return failedAfter(withPull, labelled.error);
    const review = options.texts.review;
    if (!review)
        return { written: withPull, error: null };
    const posted = await attempt(() => postTheReview(options, review, number, pushed.value.head));
    if (!posted.ok)
        return failedAfter(withPull, posted.error);
    return { written: { ...withPull, ...posted.value }, error: null };
}
async function attempt(write) {
    try {
        return { ok: true, value: await write() };
    }
    catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
}
function failedAfter(written, error) {
    return { written, error: `${error}\n${whatWasWritten(written)}` };
}
function whatWasWritten(written) {
    if (written.branch === null)
        return step/* NOTHING_WRITTEN_NOTE */.lZ;
    const { branch, pr } = written;
    if (pr === null)
        return `The branch ${branch} was pushed before this failed; no pull request was opened.`;
    return `The branch ${branch} and pull request #${pr.number} were updated before this failed.`;
}
/** ensemble's branch holds commits it did not make: nothing is pushed, and the message names them. */
class ForeignCommitsError extends Error {
    name = 'ForeignCommitsError';
    constructor(branch, commits) {
        const listed = commits.map((c) => `${c.sha.slice(0, 12)} ${JSON.stringify(c.subject)}`).join(', ');
        const count = commits.length === 1 ? '1 commit' : `${commits.length} commits`;
        super(`branch ${branch} holds ${count} that ensemble did not make (${listed}), so it was left as it is and ` +
            "this run's commits were not pushed. To publish this run, move that work to a branch of its own " +
            `and delete ${branch}, then re-run the publish job.`);
    }
}
/** The commits on GitHub (those of an earlier run when they are the same) and the branch at the last one. */
async function pushBranch(options) {
    const { octokit, repo, branch, sequence, log } = options;
    const { baseSha } = options.run;
    const messages = new Map(options.texts.commitMessages.map((c) => [c.sha, c.message]));
    const local = sequence.commits.map((c) => ({
        sha: c.sha,
        tree: c.tree,
        parent: c.parent,
        message: (0,commit/* withTrailers */.jX)(messages.get(c.sha) ?? c.subject, c.trailers),
    }));
    const current = await (0,git_data/* branchHead */.P)(octokit, repo, branch);
    const reused = current === null ? null : await (0,git_data/* matchingRemoteChain */.bF)(octokit, repo, current, baseSha, local);
    // A person's commits on ensemble's branch are never moved away from: the branch is left as it is.
    if (current !== null && reused === null) {
        const foreign = await (0,git_data/* foreignCommitsOnBranch */.C5)(octokit, repo, current, baseSha, publish_commits/* RUN_TRAILER */.cu);
        if (foreign.length > 0)
            throw new ForeignCommitsError(branch, foreign);
    }
    const remote = reused ?? (await (0,git_data/* pushCommits */.r9)(octokit, repo, options.repoDir, baseSha, local));
    const head = remote[remote.length - 1].sha;
    const moved = await (0,git_data/* setBranch */.xh)(octokit, repo, branch, head);
    const unchanged = reused ? ', unchanged since the last run' : '';
    log.info(`branch ${branch}: ${moved} at ${head} (${remote.length} commits${unchanged})`);
    const commits = sequence.commits.map((c, i) => ({ sha: remote[i].sha, stage: c.stage, taskId: c.taskId }));
    return { head, commits };
}
async function openPullRequest(options) {
    const { octokit, repo, branch, texts } = options;
    const pull = await (0,pull_request/* upsertPullRequest */._b)(octokit, repo, {
        branch,
        base: options.defaultBranch,
        title: texts.prTitle,
        body: texts.prBody,
        draft: options.draft,
    });
    options.log.info(`pull request #${pull.number}: ${pull.outcome} (${pull.url})`);
    return pull;
}
async function labelPullRequest(options, pull) {
    if (options.labels.length > 0)
        await (0,pull_request/* addLabels */.Nl)(options.octokit, options.repo, pull, options.labels);
}
async function postTheReview(options, review, pull, head) {
    const { octokit, repo, log } = options;
    const posted = await (0,publish_review/* postReview */.Xc)(octokit, repo, pull, head, review, review, log);
    log.info(`review: ${posted.outcome} (${posted.event})`);
    const blocking = review.event === 'REQUEST_CHANGES';
    return {
        reviewId: posted.id,
        review: { url: posted.url, outcome: posted.outcome, event: posted.event, blocking },
        notes: posted.unplaced ? [UNPLACED] : [],
    };
}

;// CONCATENATED MODULE: ./lib/publish/github.js















function nothingYet(stages) {
    return { stages, notes: [], bodies: { prBody: null, reviewBody: null }, written: report/* NOTHING_WRITTEN */.qv };
}
/** `progress` ended by `stop`, with the stop's notes after those so far. */
function stopped(progress, stop) {
    const notes = [...progress.notes, ...stop.notes];
    return { ...progress, status: stop.status, error: stop.error, notes, withhold: stop.withhold };
}
/** Why nothing is published to an issue that was closed or locked while the run was under way. */
function issueGone(state) {
    const issue = `issue #${state.number}`;
    if (state.locked) {
        const reason = state.lockReason ? ` (${state.lockReason})` : '';
        const why = `${issue} was locked${reason} while this run was under way`;
        return (0,step/* stopSilently */.j4)('stopped', `nothing was written: ${why}, and ensemble writes nothing to a locked conversation. ` +
            'Unlock it and re-run the publish job to publish this run.', `${issue} is locked`);
    }
    if (state.state === 'closed') {
        return (0,step/* stop */.ds)('stopped', `nothing was written: ${issue} was closed while this run was under way, and ensemble publishes only ` +
            'for an open issue. Reopen it and re-run the publish job to publish this run.');
    }
    return null;
}
/**
 * Publishes the run (module comment). Never throws once the plan is read: every outcome, a
 * GitHub error included, is reported in the tracking comment and returned.
 */
async function publishToGitHub(options) {
    const { octokit, repo, config, runUrl } = options;
    const allowedHost = new URL(options.serverUrl).host;
    // The local publisher's policy too: from the configuration and the step's secrets.
    const policy = (0,check_policy/* publishPolicy */.cM)(config, { ...options, allowedHost });
    const log = options.log ?? step/* silentLog */.aB;
    const read = await readRun({
        artifacts: options.artifacts,
        runDir: options.runDir,
        config,
        repo,
        expected: options.expected,
    });
    const { artifacts } = read;
    const { plan } = artifacts;
    const branch = (0,publish_branch/* branchFor */.y)(plan.request, plan.run.runId);
    const ci = options.publisher ? ciNote(options.publisher) : null;
    const context = { octokit, repo, plan, branch, policy, runUrl, allowedHost, log, ci };
    const start = nothingYet(artifacts.stages);
    if (!read.ok && read.stop.withhold)
        return (0,report/* report */.z8)(stopped(start, read.stop), context);
    const timing = { ...publish_lock/* DEFAULT_LOCK_TIMING */.ju, ...options.lockTiming };
    const lockOptions = { octokit, repo, branch, holder: runUrl, baseSha: plan.run.baseSha, timing, log };
    let acquired;
    try {
        acquired = await (0,publish_lock/* acquirePublishLock */.DN)(lockOptions);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // Not contention but an error (a token without contents: write, say): the comment says what to fix.
        return (0,report/* report */.z8)(stopped(start, (0,step/* stop */.ds)('failed', `${message}\n${step/* NOTHING_WRITTEN_NOTE */.lZ}`)), context);
    }
    if (!acquired.ok) {
        const busy = (0,step/* stopSilently */.j4)('stopped', `nothing was written: another publish (${acquired.holder}) has been writing to ${branch} and its issue ` +
            `since ${acquired.since} (it holds ${acquired.ref}). Re-run this publish job once it has finished.`, 'another publish is writing to this issue');
        return (0,report/* report */.z8)(stopped(start, busy), context);
    }
    const { lock } = acquired;
    try {
        const begun = { ...start, notes: lock.notes };
        return await publishLocked(options, { read, context, start: begun, policy, allowedHost, log });
    }
    finally {
        const warning = await lock.release();
        if (warning)
            log.warn(warning);
    }
}
/**
 * Keeps the published change's state for follow-up runs on its pull request (`run-state.ts`);
 * returns a note when it could not, which leaves the pull request as it is but tells the user that
 * `/ensemble fix` and a "Request changes" review will have nothing to start from.
 */
async function storeRunState(options, artifacts, branch, policy) {
    const first = { test: artifacts.test, change: artifacts.changePatch ?? '', reviews: artifacts.reviews };
    const { test, reviews } = (0,review/* finalState */.A9)(first, artifacts.fix);
    const state = { plan: artifacts.plan, test, reviews: [...reviews] };
    const unusable = 'follow-up runs on this pull request (/ensemble fix, a "Request changes" review) cannot start';
    try {
        const stored = await (0,run_state/* writeRunState */.e3)(options.octokit, options.repo, branch, state, policy);
        if ('refused' in stored)
            return `the run's state was not stored, so ${unusable}: ${stored.refused}`;
        return null;
    }
    catch (error) {
        return `the run's state was not stored (${(0,errors/* errorMessage */.gJ)(error)}), so ${unusable}`;
    }
}
/** The rest of the publish, holding the issue's lock. */
async function publishLocked(options, held) {
    const { octokit, repo, config, repoDir, runUrl } = options;
    const { read, context, start, policy, allowedHost, log } = held;
    const { artifacts } = read;
    const { plan } = artifacts;
    const { branch } = context;
    // Read once, just before the first write (the pull request's, or the tracking comment's).
    let issueState = null;
    const stateOfIssue = () => {
        const issue = plan.run.issue;
        issueState ??= issue === null ? Promise.resolve(null) : (0,issues/* readIssueState */.Fq)(octokit, { ...repo, issue_number: issue });
        return issueState;
    };
    /** Reports a stop before any write; on a locked issue without the tracking comment. */
    const finish = async (finished) => {
        if (finished.withhold)
            return (0,report/* report */.z8)(finished, context);
        let state;
        try {
            state = await stateOfIssue();
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            return (0,report/* report */.z8)({ ...finished, withhold: `the issue's state could not be read (${message})` }, context);
        }
        const gone = state === null ? null : issueGone(state);
        return (0,report/* report */.z8)({ ...finished, withhold: gone?.withhold }, context);
    };
    if (!read.ok)
        return finish(stopped(start, read.stop));
    const { changePatch } = read;
    const target = await (0,step/* beforeWriting */.oG)(() => checkTarget({ octokit, repo, branch }));
    if (!target.ok)
        return finish(stopped(start, target.stop));
    const change = await (0,step/* beforeWriting */.oG)(() => buildChange({ repoDir, artifacts, changePatch }));
    if (!change.ok)
        return finish(stopped(start, change.stop));
    const { sequence } = change;
    const built = { ...start, notes: [...start.notes, ...sequence.notes] };
    const blockOn = config.review['block-on'];
    const composed = await (0,step/* beforeWriting */.oG)(() => ({
        ok: true,
        texts: (0,compose_texts/* composeTexts */.tA)({ artifacts, change, blockOn, runUrl, allowedHost }),
    }));
    if (!composed.ok)
        return finish(stopped(built, composed.stop));
    const { texts } = composed;
    const bodies = { prBody: texts.prBody.text, reviewBody: texts.review?.body.text ?? null };
    const rendered = { ...built, bodies };
    const checked = await (0,step/* beforeWriting */.oG)(() => (0,check_policy/* checkPolicy */.hM)({ texts, artifacts, changePatch, sequence, repoDir, policy }));
    if (!checked.ok)
        return finish(stopped(rendered, checked.stop));
    const open = await (0,step/* beforeWriting */.oG)(async () => {
        const state = await stateOfIssue();
        const gone = state === null ? null : issueGone(state);
        return gone === null ? { ok: true } : { ok: false, stop: gone };
    });
    if (!open.ok) {
        // Closed: the comment says why nothing was published. Locked, or unknown: nothing is written.
        const known = open.stop.status === 'stopped' || open.stop.withhold !== undefined;
        const why = known ? open.stop : { ...open.stop, withhold: "the issue's state could not be read" };
        return (0,report/* report */.z8)(stopped(rendered, why), context);
    }
    const { written, error } = await writeToGitHub({
        octokit,
        repo,
        repoDir,
        run: plan.run,
        branch,
        defaultBranch: target.defaultBranch,
        sequence,
        texts: checked.texts,
        draft: options.draft && config.publish.draft,
        labels: config.publish.labels,
        log,
    });
    const status = error === null ? 'published' : 'failed';
    const stored = error === null ? await storeRunState(options, artifacts, branch, policy) : null;
    const notes = [...built.notes, ...written.notes, ...(stored ? [stored] : [])];
    const sanitisedBodies = { ...bodies, prBody: checked.texts.prBody };
    return (0,report/* report */.z8)({ ...rendered, status, error, notes, bodies: sanitisedBodies, written }, context);
}

// EXTERNAL MODULE: ./lib/workspace/index.js + 2 modules
var workspace = __webpack_require__(30514);
// EXTERNAL MODULE: ./lib/runtime/actions/environment.js
var environment = __webpack_require__(69133);
// EXTERNAL MODULE: ./lib/runtime/actions/stages.js + 3 modules
var stages = __webpack_require__(64459);
// EXTERNAL MODULE: ./lib/runtime/actions/timeouts.js
var timeouts = __webpack_require__(8154);
;// CONCATENATED MODULE: ./lib/runtime/actions/publish.js





















/**
 * The configuration file `path` of the checkout in `workspace`. The default path may be absent
 * (every key has a default); a path the workflow names must exist.
 */
async function loadCheckoutConfig(workspace, path) {
    const file = (0,external_node_path_.join)(workspace, path);
    if (!(0,external_node_fs_.existsSync)(file) && path !== load/* DEFAULT_CONFIG_PATH */.Bi) {
        throw new errors/* UserError */.yo(`configuration file ${path} not found in the checkout (the config input)`);
    }
    return (0,load/* loadConfig */.Z9)(file, path);
}
/**
 * The issue this publish is for, as the plan decided it (`resolveTrigger`): the `issue` input,
 * else the issue of an `issues` event, else none (a run from a prompt). Never from the artifacts:
 * they are checked against it.
 */
function triggeringIssue(input, job) {
    if (input !== null)
        return input;
    if (job.eventName !== 'issues')
        return null;
    const number = job.eventPayload['issue']?.number;
    return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : null;
}
/**
 * The App's credentials when both app inputs are set (they take precedence: a token of the App is
 * what makes the pull request start the repository's workflows), else the github-token input (in
 * the reusable workflow, publish-token or else github.token), else a token in the step's
 * environment. `credentials` are the variables captured from the environment.
 */
function choosePublishCredentials(settings, credentials) {
    if (settings.appId !== null && settings.appPrivateKey !== null) {
        return { kind: 'app', app: { appId: settings.appId, privateKey: settings.appPrivateKey } };
    }
    if (settings.githubToken)
        return { kind: 'token', token: settings.githubToken, source: 'github-token' };
    for (const source of ['GITHUB_TOKEN', 'GH_TOKEN']) {
        const token = credentials[source];
        if (token)
            return { kind: 'token', token, source };
    }
    throw new errors/* UserError */.yo(
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not a JS template
    'the github-token input is empty: pass ${{ github.token }} (the default) with contents, pull-requests and ' +
        'issues write, a personal access token, or a GitHub App in app-id and app-private-key');
}
/** What kind of token a token is, by GitHub's prefixes; never any other part of it. */
function tokenKind(token) {
    if (token.startsWith('ghp_'))
        return 'a personal access token';
    if (token.startsWith('github_pat_'))
        return 'a fine-grained personal access token';
    if (token.startsWith('ghs_'))
        return "an installation token: the workflow's GITHUB_TOKEN, or a GitHub App's";
    if (token.startsWith('gho_') || token.startsWith('ghu_'))
        return "a user's OAuth token";
    return 'a token of a kind ensemble does not recognise';
}
/** The log line saying which credential publish uses (never its value), and what follows from it. */
function describePublishCredentials(credentials) {
    if (credentials.kind === 'app') {
        return (`publishing as GitHub App ${credentials.app.appId} (app-id and app-private-key are set, and take ` +
            'precedence over github-token), with an installation token made for this step');
    }
    const where = credentials.source === 'github-token' ? 'the github-token input' : `${credentials.source} from the environment`;
    const line = `publishing with ${where}, ${tokenKind(credentials.token)}`;
    if (!credentials.token.startsWith('ghs_'))
        return line;
    return (`${line}. If it is GITHUB_TOKEN, the pull request starts none of the repository's workflows (CI); to have ` +
        "them run, set app-id and app-private-key (the reusable workflow's secrets publish-app-id and " +
        'publish-app-private-key)');
}
/**
 * `actions/publish`: reads every artifact of the run, checks the change and every text against
 * the safe-output policy, then commits through the Git Data API, opens or updates the pull
 * request, posts the review and updates the tracking comment (`src/publish/github.ts`). Uploads
 * `ensemble-publish` (publish.json, the PR body and review as rendered), sets the outputs
 * `pr-number`, `pr-url` and `branch`, and writes the step summary. The step fails whenever the
 * pull request is not open and up to date: a refusal, an invalid artifact, nothing to publish,
 * or a write GitHub refused (the message says what to change).
 *
 * With app-id and app-private-key, every call is made with an installation token of the App,
 * made here and revoked at the end whatever happened (`src/github/app-token.ts`).
 */
async function runPublishAction(settings, deps, 
/** The clock and GitHub reads of the wait for checks (`waitForChecks`); real ones when absent. */
checksDeps = {}) {
    const { core, job } = deps;
    // Every credential the step was given is captured (the policy looks for their values in every
    // text and patch) and leaves the environment before git runs; the artifact store captured its
    // own when the job was read, and an all-in-one job's model session the ones it removed.
    const captured = { ...deps.session?.removedCredentials, ...(0,keys/* scrubCredentials */.Q8)(deps.env) };
    const credentials = choosePublishCredentials(settings, captured);
    // The configuration of the checkout at the plan's base, which is the default branch's.
    const loaded = await loadCheckoutConfig(job.workspace, settings.config);
    const config = loaded.config;
    const { owner, repo } = job.repository;
    const runUrl = (0,environment.runUrlOf)(job);
    const warnings = [];
    const client = (token) => (0,octokit/* createOctokit */.Qi)({
        token,
        baseUrl: job.apiUrl,
        log: (0,environment.actionsGitHubLog)(core),
    });
    core.info(describePublishCredentials(credentials));
    // Made before workflow commands stop, so that the token is masked (`setSecret` is a command).
    let installation = null;
    if (credentials.kind === 'app') {
        installation = await (0,app_token/* mintInstallationToken */.iZ)({
            credentials: credentials.app,
            repo: { owner, repo },
            client,
            now: () => new Date(),
            onToken: (token) => core.setSecret(token),
        });
        const granted = Object.entries(installation.permissions).map(([name, level]) => `${name}: ${level}`);
        core.info(`made an installation token of GitHub App ${credentials.app.appId} (installation ${installation.installationId}) ` +
            `for ${owner}/${repo} only, with ${granted.join(', ')}; it expires at ${installation.expiresAt} and is ` +
            'revoked when publish ends');
    }
    const token = installation?.token ?? (credentials.kind === 'token' ? credentials.token : '');
    const given = [
        ...(installation ? [{ name: 'the GitHub App installation token', value: installation.token }] : []),
        ...(settings.appPrivateKey ? [{ name: 'app-private-key', value: settings.appPrivateKey.pem }] : []),
        ...(settings.githubToken ? [{ name: 'github-token', value: settings.githubToken }] : []),
        ...(credentials.kind === 'token' && credentials.source !== 'github-token'
            ? [{ name: credentials.source, value: credentials.token }]
            : []),
    ];
    const known = new Set(given.map((secret) => (typeof secret === 'string' ? secret : secret.value)));
    const secretValues = [
        ...given,
        ...Object.entries(captured)
            .filter(([, value]) => !known.has(value))
            .map(([name, value]) => ({ name, value })),
        // A self-hosted runner's checkout may hold credentials of its own (remote URLs, extra headers).
        ...(await (0,workspace/* checkoutCredentials */.bb)(job.workspace)).filter((c) => !known.has(c.value)),
    ];
    // What both publishers are given: the repository, the run's artifacts and the policy's inputs.
    const common = {
        octokit: client(token),
        repo: { owner, repo },
        repoDir: job.workspace,
        artifacts: deps.artifacts,
        runDir: deps.runDir,
        config,
        configPath: settings.config,
        secretValues,
        serverUrl: job.serverUrl,
        runUrl,
        lockTiming: { staleAfterMs: timeouts/* PUBLISH_JOB_TIMEOUT_MINUTES */.uF * 60_000 },
        log: {
            info: (m) => core.info(m),
            warn: (m) => {
                core.info(`warning: ${m}`);
                warnings.push(m);
            },
        },
    };
    // A follow-up run (its respond job wrote ensemble-follow-up) publishes onto its pull request; a
    // run whose plan step waits (or whose wait was stopped) stores its checkpoint.
    const followUp = await followUpOf(deps);
    const checkpoint = followUp === null ? await checkpointOf(deps) : null;
    let result = null;
    let checks = null;
    const publisher = credentials.kind === 'app' ? { kind: 'app' } : tokenPublisher(credentials.token);
    const checksReader = {
        // The job's own token reads the checks (`checks: read`, `actions: read`): an App's token is
        // made with only what publishing writes.
        octokit: settings.githubToken ? client(settings.githubToken) : common.octokit,
        repo: common.repo,
        publisher,
        minutes: config.ci['wait-for-checks-minutes'],
        deps: checksDeps,
        log: (line) => core.info(line),
    };
    try {
        if (followUp !== null) {
            await (0,stages.withCommandsStopped)(core, () => publishFollowUpRun(deps, followUp, { ...common, runId: job.runId }, checksReader));
        }
        else if (checkpoint !== null) {
            await (0,stages.withCommandsStopped)(core, () => publishGateRun(deps, checkpoint, { ...common, runId: job.runId }));
        }
        else {
            result = await (0,stages.withCommandsStopped)(core, async () => {
                const published = await publishToGitHub({
                    ...common,
                    publisher,
                    draft: settings.draft,
                    expected: { runId: job.runId, issue: triggeringIssue(settings.issue, job) },
                });
                const issue = published.document.run.issue;
                if (issue !== null) {
                    const by = deps.env['GITHUB_ACTOR'] || 'ensemble';
                    const resumedFrom = resumedCheckpointOf(deps);
                    const settled = await settleWaitingCheckpoint(common, { issue, runId: job.runId, by, resumedFrom });
                    if (settled)
                        core.info(settled);
                }
                if (loaded.hash !== published.document.run.configHash) {
                    warnings.push('the configuration changed since this run was planned ' +
                        `(hash ${published.document.run.configHash.slice(0, 12)} then, ${loaded.hash.slice(0, 12)} now); ` +
                        'publish used the current one');
                }
                return published;
            });
            // While the token is still valid (an App's is revoked below), and with commands off: run names are
            // the repository's text.
            const published = result;
            checks = await (0,stages.withCommandsStopped)(core, () => checksOfPublished(published, checksReader));
            await recordChecksStarted(core, common, {
                issue: published.document.run.issue,
                headSha: published.document.commits.at(-1)?.sha,
                prUrl: published.outcome.pr?.url ?? null,
            }, checks);
        }
    }
    finally {
        // Also when publishing failed: the token is of no use after this step, and must not outlive it.
        if (installation) {
            try {
                await installation.revoke();
                core.info('revoked the installation token');
            }
            catch (error) {
                core.warning(`${(0,errors/* errorMessage */.gJ)(error).replace(/[\r\n]+/g, ' ')}; the token stays valid until ${installation.expiresAt}`);
            }
        }
    }
    if (result === null) {
        for (const warning of warnings)
            core.warning(warning.replace(/[\r\n]+/g, ' '));
        return;
    }
    deps.runDir.writeDocument(names.ARTIFACTS.publish, 'publish.json', result.document);
    if (result.prBody !== null)
        deps.runDir.writeText(names.ARTIFACTS.publish, 'pr.md', result.prBody);
    if (result.reviewBody !== null)
        deps.runDir.writeText(names.ARTIFACTS.publish, 'review.md', result.reviewBody);
    const { outcome } = result;
    if (outcome.branch)
        core.setOutput('branch', outcome.branch);
    if (outcome.pr) {
        core.setOutput('pr-number', String(outcome.pr.number));
        core.setOutput('pr-url', outcome.pr.url);
    }
    core.summary.addRaw(result.summary, true);
    if (checks !== null) {
        core.setOutput('checks', checks.kind);
        const headSha = result.document.commits.at(-1)?.sha ?? '';
        const note = checksStartedNote(checks, { headSha });
        // A wait switched off (ci.wait-for-checks-minutes: 0) is the user's choice, not news for the summary.
        if (note !== null && config.ci['wait-for-checks-minutes'] > 0)
            core.summary.addRaw(`\n${note}\n`, true);
    }
    await core.summary.write();
    let uploadError = null;
    try {
        await deps.artifacts.uploadArtifact(names.ARTIFACTS.publish, deps.runDir.artifactDir(names.ARTIFACTS.publish));
    }
    catch (error) {
        uploadError = `the ${names.ARTIFACTS.publish} artifact could not be uploaded: ${(0,errors/* errorMessage */.gJ)(error)}`;
    }
    for (const warning of [...warnings, ...result.warnings])
        core.warning(warning.replace(/[\r\n]+/g, ' '));
    if (result.status !== 'published') {
        core.setFailed(`ensemble publish: ${result.error ?? result.status}${uploadError ? `\n${uploadError}` : ''}`);
    }
    else if (uploadError) {
        core.setFailed(`ensemble publish: the pull request is published, but ${uploadError}`);
    }
}
async function checksOfPublished(published, options) {
    if (published.status !== 'published' || published.outcome.pr === null)
        return null;
    return checksOnHead(published.document.commits.at(-1)?.sha, published.document.run.baseSha, options);
}
/** `waitForChecks` on a pushed head, never throwing: what it found, logged. */
async function checksOnHead(headSha, baseSha, options) {
    const { octokit, repo, minutes, log } = options;
    let checks;
    if (headSha === undefined) {
        checks = { kind: 'not-checked', why: 'publish pushed no commit whose checks could be read' };
    }
    else if (minutes <= 0) {
        checks = { kind: 'not-checked', why: 'ci.wait-for-checks-minutes is 0, so publish does not wait for checks' };
    }
    else {
        log(`waiting up to ${minutes} minutes for checks to start on ${headSha.slice(0, 12)} (ci.wait-for-checks-minutes)`);
        const deps = {
            readActivity: (sha) => (0,github_checks/* readCommitActivity */.Fg)(octokit, repo, sha),
            sleep: (ms) => (0,promises_.setTimeout)(ms),
            now: () => Date.now(),
            ...options.deps,
        };
        try {
            checks = await waitForChecks(deps, { headSha, baseSha, publisher: options.publisher, minutes });
        }
        catch (error) {
            // The pull request is published: whatever went wrong here is reported, not a failed step.
            checks = { kind: 'not-checked', why: `the wait for checks failed: ${(0,errors/* errorMessage */.gJ)(error)}` };
        }
    }
    log(`checks on the pull request's head: ${checksStartedActivity(checks, { headSha: headSha ?? '' })}`);
    return checks;
}
/**
 * What the wait for checks found, as a row of the issue's tracking comment: checks that started,
 * or none (and why, with the setting that fixes it). Nothing for a repository without CI.
 */
async function recordChecksStarted(core, common, pushed, checks) {
    const { issue, headSha } = pushed;
    if (checks === null || issue === null || headSha === undefined)
        return;
    if (checks.kind === 'none' && checks.cause === 'no-ci')
        return;
    if (checks.kind === 'not-checked' && /wait-for-checks-minutes is 0/.test(checks.why))
        return;
    const started = checks.kind === 'started';
    try {
        await (0,activity/* recordActivity */.L1)(common.octokit, common.repo, issue, {
            key: `checks:${headSha}`,
            kind: started ? 'ci-waiting' : 'ci-not-started',
            state: started ? 'done' : 'note',
            title: checksStartedActivity(checks, { headSha }),
            detail: checksStartedNote(checks, { headSha }),
            link: pushed.prUrl,
            at: new Date().toISOString(),
            costUsd: null,
        }, { secretValues: common.secretValues, serverUrl: common.serverUrl });
    }
    catch (error) {
        core.warning(`could not write whether checks started to the tracking comment: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
/** The follow-up document when this publish is a follow-up run's (`ensemble-follow-up`), else null. */
async function followUpOf(deps) {
    try {
        return await (0,follow_up/* readFollowUp */.VS)(deps.artifacts, deps.runDir);
    }
    catch (error) {
        if (error instanceof store/* ArtifactMissingError */.BU)
            return null;
        throw error;
    }
}
/** The stored checkpoint this run's plan continued from (`plan.gate.resumedFrom`), when it continued one. */
function resumedCheckpointOf(deps) {
    try {
        return deps.runDir.readDocument('plan', names.ARTIFACTS.plan, 'plan.json').gate?.resumedFrom?.commit ?? null;
    }
    catch {
        return null;
    }
}
/**
 * The plan job's checkpoint when this run waits or its wait was stopped
 * (`ensemble-plan/checkpoint.json`), else null.
 */
async function checkpointOf(deps) {
    try {
        return await deps.artifacts.downloadDocument('checkpoint', names.ARTIFACTS.plan, 'checkpoint.json', deps.runDir.artifactDir(names.ARTIFACTS.plan));
    }
    catch (error) {
        // No plan artifact is the normal publish's to report; a plan artifact without a checkpoint is a plan.
        if (error instanceof store/* ArtifactMissingError */.BU || error instanceof store/* ArtifactFileMissingError */.BJ)
            return null;
        throw error;
    }
}
/** Stores a waiting or stopped checkpoint, with the step's summary; the step fails when it could not. */
async function publishGateRun(deps, checkpoint, options) {
    const { core } = deps;
    const result = await publishGate(options, checkpoint);
    const lines = result.written.map((line) => `- ${line}`).join('\n');
    const what = checkpoint.waitingFor === 'answers' ? 'answers to its questions' : 'approval of its plan';
    const titles = { waiting: `waits for ${what}`, stopped: 'stopped', refused: 'refused' };
    const title = titles[result.status];
    const summary = [`## ensemble ${title}`, result.error ? `> ${result.error}` : '', lines];
    core.summary.addRaw(summary.filter(Boolean).join('\n\n'), true);
    await core.summary.write();
    if (result.status === 'refused')
        core.setFailed(`ensemble publish: ${result.error}`);
}
/** Publishes a follow-up run onto its pull request, with the step's outputs and summary. */
async function publishFollowUpRun(deps, followUp, options, checksReader) {
    const { core } = deps;
    const result = await (0,follow_up/* publishFollowUp */.uk)(options, followUp);
    // What it pushed gets CI only when the token it pushed with starts workflows: read whether it did.
    const headSha = result.status === 'published' ? result.document?.commits.at(-1)?.sha : undefined;
    const checks = headSha === undefined ? null : await checksOnHead(headSha, followUp.run.baseSha, checksReader);
    if (checks !== null) {
        core.setOutput('checks', checks.kind);
        const pushed = { issue: followUp.run.issue, headSha, prUrl: followUp.pull.url };
        await recordChecksStarted(core, options, pushed, checks);
    }
    if (result.document)
        deps.runDir.writeDocument(names.ARTIFACTS.publish, 'publish.json', result.document);
    core.setOutput('branch', followUp.pull.branch);
    core.setOutput('pr-number', String(followUp.pull.number));
    core.setOutput('pr-url', followUp.pull.url);
    const lines = result.written.map((line) => `- ${line}`).join('\n');
    const summary = [
        `## ensemble follow-up on #${followUp.pull.number}: ${result.status}`,
        result.error ? `> ${result.error.replace(/\n/g, '\n> ')}` : '',
        lines,
        result.comment ?? '',
    ];
    core.summary.addRaw(summary.filter(Boolean).join('\n\n'), true);
    await core.summary.write();
    if (result.document) {
        await deps.artifacts.uploadArtifact(names.ARTIFACTS.publish, deps.runDir.artifactDir(names.ARTIFACTS.publish));
    }
    await recordFollowUpRow(deps, options, followUp, result, checks);
    if (result.status !== 'published' && result.status !== 'nothing-to-push') {
        core.setFailed(`ensemble publish: ${result.error ?? result.status}`);
    }
}
/**
 * The row of a CI repair or a base merge in the issue's tracking comment (the respond job wrote it
 * as running): what came of it, and what its rounds cost.
 */
async function recordFollowUpRow(deps, options, followUp, result, checks) {
    const row = followUpRow(followUp);
    const issue = followUp.run.issue;
    if (row === null || issue === null)
        return;
    const pushed = result.status === 'published';
    const error = result.error === null ? '' : `: ${result.error.split('\n')[0]}`;
    try {
        await (0,activity/* recordActivity */.L1)(options.octokit, options.repo, issue, {
            ...row,
            kind: followUp.ci !== null ? 'ci-repair' : 'conflict',
            state: pushed ? 'done' : 'failed',
            detail: pushed ? pushedDetail(row.done, checks, result) : `nothing pushed (${result.status}${error})`,
            link: options.runUrl,
            at: new Date().toISOString(),
            costUsd: result.costUsd ?? null,
        }, { secretValues: options.secretValues, serverUrl: options.serverUrl });
    }
    catch (error) {
        deps.core.warning(`could not write the tracking comment's row of this follow-up: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
/** What a pushed follow-up's row says: what it pushed, and whether CI started on it. */
function pushedDetail(done, checks, result) {
    const headSha = result.document?.commits.at(-1)?.sha ?? '';
    if (checks === null || (checks.kind === 'none' && checks.cause === 'no-ci'))
        return done;
    return `${done}; ${checksStartedActivity(checks, { headSha })}`;
}
/** The key and title the respond job gave the row, and what a pushed result says. */
function followUpRow(followUp) {
    const { ci, merge } = followUp;
    if (ci !== null) {
        return {
            key: `ci-repair:${ci.headSha}:${ci.signature}`,
            title: `CI repair ${ci.attempt}/${ci.maxAttempts}: ${ci.checks.join(', ')} failed on ${ci.headSha.slice(0, 12)}`,
            done: 'repair pushed onto the pull request',
        };
    }
    if (merge !== null) {
        return {
            key: `conflict:${followUp.pull.headSha}:${merge.baseSha}`,
            title: `Merged ${merge.base} (${merge.baseSha.slice(0, 12)}): conflicts in ${merge.conflicts.length} file(s)`,
            done: `conflicts resolved in ${merge.conflicts.join(', ')}, re-tested, and pushed as a merge commit`,
        };
    }
    return null;
}


/***/ })

};
