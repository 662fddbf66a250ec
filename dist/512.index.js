export const id = 512;
export const ids = [512];
export const modules = {

/***/ 77619:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ branchFor)
/* harmony export */ });
/**
 * The branch of a run: `ensemble/issue-<n>`, or for a prompt a slug of its title and the last
 * part of the run id (`ensemble/add-a-flag-1a2b` locally, `ensemble/add-a-flag-4242` on GitHub),
 * the same rule in both runtimes.
 */
function branchFor(request, runId) {
    if (request.issue !== null)
        return `ensemble/issue-${request.issue}`;
    const slug = request.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40)
        .replace(/-+$/, '');
    const suffix = runId
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/-+$/, '')
        .split('-')
        .at(-1) || 'run';
    return `ensemble/${slug || 'run'}-${suffix}`;
}


/***/ }),

/***/ 68385:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iz: () => (/* binding */ WITHHELD),
/* harmony export */   qv: () => (/* binding */ NOTHING_WRITTEN),
/* harmony export */   z8: () => (/* binding */ report)
/* harmony export */ });
/* unused harmony exports renderTrackingComment, renderPublishSummary */
/* harmony import */ var _contracts_common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60574);
/* harmony import */ var _github_issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(375);
/* harmony import */ var _render_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(30219);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29367);
/**
 * What `publish` tells people: the tracking comment on the issue (the plan action's comment,
 * updated to the outcome) and the step summary. Both say what happened (the pull request, or why
 * nothing was written), show every stage's result, and for what failed, where its artifacts are.
 * `report` is the last step of `publishToGitHub`: it writes the comment and returns the result.
 */




const STATE_ICON = { ok: '✅', warn: '⚠️', failed: '❌', skipped: '⏭️' };
const HEADLINE = {
    published: 'ensemble opened a pull request',
    refused: 'ensemble refused to publish this change',
    invalid: 'ensemble could not publish: an artifact is not valid',
    'no-change': 'ensemble has nothing to publish',
    stopped: 'ensemble stopped before publishing',
    failed: 'ensemble could not finish publishing',
};
function safeUrl(url) {
    return /^https?:\/\/[^\s<>"'`()]+$/.test(url) ? url : null;
}
/** The pull request in Markdown: a link when its URL is safe, else its number; `null` when there is none. */
function pullRequestRef(pr) {
    if (!pr)
        return null;
    return safeUrl(pr.url) ? `[#${pr.number}](${pr.url})` : `#${pr.number}`;
}
function body(outcome, options) {
    const ctx = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .makeCtx */ .Gu)({ allowedHost: options.allowedHost });
    const runUrl = safeUrl(options.runUrl);
    const run = runUrl ? `[workflow run](${runUrl})` : 'workflow run';
    const pr = pullRequestRef(outcome.pr);
    const lines = [];
    if (pr)
        lines.push(`**Pull request:** ${pr} (${outcome.pr.outcome}) from ${ctx.code(outcome.branch ?? '')}.`);
    else if (outcome.branch)
        lines.push(`**Branch:** ${ctx.code(outcome.branch)} was pushed, but no pull request is open.`);
    if (outcome.review) {
        const review = safeUrl(outcome.review.url) ? `[review](${outcome.review.url})` : 'review';
        const verdict = outcome.review.blocking ? 'changes requested' : 'comments';
        const again = outcome.review.outcome === 'unchanged' ? ' (unchanged since the last run, not posted again)' : '';
        lines.push(`**Review:** ${review}, ${verdict}${again}.`);
    }
    const failed = outcome.stages.filter((s) => s.state === 'failed');
    const rows = outcome.stages.map((s) => [
        ctx.inline(s.stage),
        `${STATE_ICON[s.state]} ${ctx.inline(s.status)}`,
        s.detail.trim() === '' ? '—' : ctx.inline(s.detail.split('\n')[0] ?? ''),
    ]);
    const publishState = outcome.status === 'published' ? 'ok' : 'failed';
    rows.push(['publish', `${STATE_ICON[publishState]} ${outcome.status}`, pr ? `pull request ${pr}` : '—']);
    return (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .blocks */ .Bv)(`### ${outcome.status === 'published' ? '✅' : '🛑'} ${HEADLINE[outcome.status]}`, lines.join('\n'), outcome.error !== null && (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .fence */ .EU)(outcome.error, 'text'), ctx.heading(2, 'Stages'), (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .table */ .tp)(['Stage', 'Result', 'Details'], rows), failed.length > 0 &&
        `What failed: ${failed.map((s) => ctx.inline(s.stage)).join(', ')}. ` +
            `Their logs and artifacts (${failed.map((s) => ctx.code(s.artifact)).join(', ')}) are in the ${run}; ` +
            're-run the failed jobs, or the whole run.', outcome.notes.length > 0 && outcome.notes.map((n) => `- ${ctx.inline(n)}`).join('\n'), pr !== null && options.ci, `<sub>Run: ${run}</sub>`);
}
/** The tracking comment: its marker, the outcome, the stage table and the plan (folded). */
function renderTrackingComment(outcome, plan, options) {
    const planMarkdown = plan
        ? (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .renderPlanMarkdown */ .d$)(plan, { allowedHost: options.allowedHost, limit: { unit: 'chars', max: 40_000 } })
        : null;
    const markdown = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .blocks */ .Bv)(_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .TRACKING_MARKER */ .Bb, body(outcome, options), planMarkdown !== null && `<details>\n<summary>The plan</summary>\n\n${planMarkdown.trim()}\n\n</details>`);
    return (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .truncateMarkdown */ .o4)(`${markdown}\n`, _render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .GITHUB_BODY_LIMIT */ .nY);
}
/** The step summary of the publish job. */
function renderPublishSummary(outcome, options) {
    return (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .truncateMarkdown */ .o4)(`${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .blocks */ .Bv)('## ensemble publish', body(outcome, options))}\n`, _render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .STEP_SUMMARY_LIMIT */ .CG);
}
const NOTHING_WRITTEN = {
    branch: null,
    commits: [],
    pr: null,
    review: null,
    reviewId: null,
    notes: [],
};
/**
 * Tells people how the publish ended: updates the tracking comment (for an issue; a failure to
 * is a warning, not an error) and returns the result, with the step summary and the
 * `ensemble-publish` document.
 */
async function report(finished, context) {
    const { status, written, stages, withhold } = finished;
    const { pr, review } = written;
    const notes = withhold ? [...finished.notes, `The tracking comment was not updated: ${withhold}.`] : finished.notes;
    const shown = { status, error: finished.error, branch: written.branch, pr, review, stages, notes };
    const { outcome, comment, summary } = await safeReport(shown, context);
    const commentId = withhold ? null : await updateTrackingComment(comment, context);
    const document = {
        schema: 'ensemble.publish/v1',
        run: context.plan.run,
        usage: (0,_contracts_common_js__WEBPACK_IMPORTED_MODULE_0__/* .noModelUsage */ .wQ)(),
        branch: context.branch,
        commits: written.commits,
        prNumber: written.pr?.number ?? null,
        prUrl: written.pr?.url ?? null,
        reviewId: written.reviewId,
        commentId,
    };
    const warnings = stages.filter((s) => s.state === 'failed').map(stageWarning);
    const { prBody, reviewBody } = finished.bodies;
    return { status, error: outcome.error, document, outcome, summary, prBody, reviewBody, warnings };
}
function stageWarning(stage) {
    if (!stage.detail)
        return `${stage.stage}: ${stage.status}`;
    return `${stage.stage}: ${stage.status} (${stage.detail.split('\n')[0]})`;
}
/** The tracking comment's id, or null when there is no issue or it could not be updated. */
async function updateTrackingComment(body, context) {
    const { issue } = context.plan.run;
    if (issue === null)
        return null;
    const { owner, repo } = context.repo;
    try {
        const params = { owner, repo, issue_number: issue, marker: _render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .TRACKING_MARKER */ .Bb, body };
        const upserted = await (0,_github_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .upsertMarkedComment */ .Zd)(context.octokit, params);
        return upserted.id;
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        context.log.warn(`the tracking comment on issue #${issue} could not be updated: ${message}`);
        return null;
    }
}
const WITHHELD = 'withheld: it contains a credential or a secret value; see the run';
/** Whether `text` passes the policy's checks on texts (credentials, secret values, mention floods). */
async function passesTextPolicy(text, policy) {
    const texts = { report: { label: 'report', text, kind: 'body' } };
    const checked = await (0,_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .checkSafeOutputs */ .Qb)({ patches: [], texts }, policy);
    return checked.ok;
}
/**
 * The report (tracking comment and step summary) with every stage detail and note withheld when
 * it would otherwise carry a credential or a secret value (a task's stop reason quoting one, say),
 * and without the plan when even that is not enough: the report is written even when the policy
 * refused everything else, so it is checked too. The error message is ensemble's own (a refusal
 * names a credential by its kind and masked prefix, a secret by its name and length), so it is
 * left out of the check: a refusal of a private key block names its header line.
 */
async function safeReport(outcome, context) {
    const render = (o, p) => ({
        outcome: o,
        comment: renderTrackingComment(o, p, context),
        summary: renderPublishSummary(o, context),
    });
    const clean = async (o, p) => {
        const shown = render({ ...o, error: null }, p);
        return passesTextPolicy(`${shown.comment}\n${shown.summary}`, context.policy);
    };
    const { plan } = context;
    if (await clean(outcome, plan))
        return render(outcome, plan);
    const redacted = {
        ...outcome,
        stages: outcome.stages.map((s) => ({ ...s, detail: s.detail === '' ? '' : WITHHELD })),
        notes: outcome.notes.length > 0 ? [WITHHELD] : [],
    };
    return render(redacted, (await clean(redacted, plan)) ? plan : null);
}


/***/ }),

/***/ 19512:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  choosePublishCredentials: () => (/* binding */ choosePublishCredentials),
  describePublishCredentials: () => (/* binding */ describePublishCredentials),
  runPublishAction: () => (/* binding */ runPublishAction),
  triggeringIssue: () => (/* binding */ triggeringIssue)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/artifacts/names.js
var names = __webpack_require__(40963);
// EXTERNAL MODULE: ./lib/artifacts/store.js
var store = __webpack_require__(39214);
// EXTERNAL MODULE: ./lib/config/load.js
var load = __webpack_require__(76264);
// EXTERNAL MODULE: ./lib/github/app-token.js
var app_token = __webpack_require__(91956);
// EXTERNAL MODULE: ./lib/github/octokit.js + 3 modules
var octokit = __webpack_require__(15687);
// EXTERNAL MODULE: ./lib/model/keys.js
var keys = __webpack_require__(61261);
;// CONCATENATED MODULE: ./lib/publish/ci-note.js
/**
 * Whether the repository's own CI starts on the pull request, by who published it, for the
 * tracking comment: GitHub starts no workflow for what `GITHUB_TOKEN` pushes or opens, and starts
 * them, secrets included, for an App's or a person's token. Either way the reader learns what
 * applies and what to do (ensemble's docs/github-setup.md, "CI on ensemble's branches").
 */
const DOCS = 'ensemble\'s docs/github-setup.md, section "CI on ensemble\'s branches"';
/** One Markdown paragraph for the tracking comment, naming the case that applies. */
function ciNote(publisher) {
    if (publisher.kind === 'token' && publisher.prefix === 'ghs_') {
        return ("**CI:** published with an installation token. When it is the workflow run's `GITHUB_TOKEN` (the default), " +
            "GitHub starts none of this repository's workflows on the pull request: CI runs once someone pushes to it. " +
            'To have CI run on every ensemble pull request, publish with a GitHub App, and keep the jobs that hold ' +
            `secrets away from unreviewed branches (${DOCS}).`);
    }
    const who = publisher.kind === 'app' ? 'a GitHub App' : "a person's token";
    return (`**CI:** published with ${who}, so this repository's \`push\` and \`pull_request\` workflows run on the ` +
        "pull request with the repository's secrets, on code no person has reviewed yet. Jobs that hold secrets " +
        `should wait for a reviewer (an environment with required reviewers) or skip \`ensemble/*\` branches (${DOCS}).`);
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
// EXTERNAL MODULE: ./lib/review/index.js + 2 modules
var review = __webpack_require__(59039);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
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
// EXTERNAL MODULE: ./lib/publish/step.js
var step = __webpack_require__(82169);
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
    const found = await (0,git/* hardenedGit */.YW)(repoDir).run(['cat-file', '-e', `${baseSha}^{commit}`], { okCodes: [0, 1, 128] });
    if (found.code === 0)
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

// EXTERNAL MODULE: ./lib/publish/check-policy.js
var check_policy = __webpack_require__(18334);
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
// EXTERNAL MODULE: ./lib/github/write-once.js
var write_once = __webpack_require__(32192);
;// CONCATENATED MODULE: ./lib/publish/pull-request.js
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
    const pulls = await (0,github_errors/* githubCall */.Mc)({
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
        const { data } = await (0,github_errors/* githubCall */.Mc)({ action: `update pull request #${existing.number} of ${where}`, permission: 'pull-requests: write' }, () => octokit.rest.pulls.update({
            owner: repo.owner,
            repo: repo.repo,
            pull_number: existing.number,
            title: fields.title,
            body: fields.body,
        }));
        return { ...toRef(data), outcome: 'updated' };
    }
    const { value, recovered } = await (0,write_once/* writeOnce */.F)(octokit, {
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
        const { data } = await (0,github_errors/* githubCall */.Mc)({ action: `update pull request #${value.number} of ${where}`, permission: 'pull-requests: write' }, () => octokit.rest.pulls.update({
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
    await (0,github_errors/* githubCall */.Mc)({ action: `label pull request #${pull.number} of ${repo.owner}/${repo.repo}`, permission: 'pull-requests: write' }, () => octokit.rest.issues.addLabels({
        owner: repo.owner,
        repo: repo.repo,
        issue_number: pull.number,
        labels: [...missing],
    }));
    return missing;
}

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
    const pull = await upsertPullRequest(octokit, repo, {
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
        await addLabels(options.octokit, options.repo, pull, options.labels);
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
// EXTERNAL MODULE: ./lib/runtime/actions/environment.js + 2 modules
var environment = __webpack_require__(29171);
// EXTERNAL MODULE: ./lib/runtime/actions/stages.js + 3 modules
var stages = __webpack_require__(64459);
// EXTERNAL MODULE: ./lib/runtime/actions/timeouts.js
var timeouts = __webpack_require__(8154);
;// CONCATENATED MODULE: ./lib/runtime/actions/publish.js
















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
async function runPublishAction(settings, deps) {
    const { core, job } = deps;
    // Every credential the step was given is captured (the policy looks for their values in every
    // text and patch) and leaves the environment before git runs; the artifact store captured its
    // own when the job was read, and an all-in-one job's model session the ones it removed.
    const captured = { ...deps.session?.removedCredentials, ...(0,keys/* scrubCredentials */.Q8)(deps.env) };
    const credentials = choosePublishCredentials(settings, captured);
    // The configuration of the checkout at the plan's base, which is the default branch's. The
    // default path may be absent (every key has a default); a path the workflow names must exist.
    const configFile = (0,external_node_path_.join)(job.workspace, settings.config);
    if (!(0,external_node_fs_.existsSync)(configFile) && settings.config !== load/* DEFAULT_CONFIG_PATH */.Bi) {
        throw new errors/* UserError */.yo(`configuration file ${settings.config} not found in the checkout (the config input)`);
    }
    const loaded = await (0,load/* loadConfig */.Z9)(configFile, settings.config);
    const config = loaded.config;
    const { owner, repo } = job.repository;
    const runUrl = `${job.serverUrl}/${owner}/${repo}/actions/runs/${job.runId}`;
    const warnings = [];
    const client = (token) => (0,octokit/* createOctokit */.Qi)({
        token,
        baseUrl: job.apiUrl,
        log: (0,environment/* actionsGitHubLog */.f)(core),
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
    // A follow-up run (its respond job wrote ensemble-follow-up) publishes onto its pull request.
    const followUp = await followUpOf(deps);
    let result = null;
    try {
        if (followUp !== null) {
            await (0,stages.withCommandsStopped)(core, () => publishFollowUpRun(deps, followUp, { ...common, runId: job.runId }));
        }
        else {
            result = await (0,stages.withCommandsStopped)(core, async () => {
                const published = await publishToGitHub({
                    ...common,
                    publisher: credentials.kind === 'app' ? { kind: 'app' } : tokenPublisher(credentials.token),
                    draft: settings.draft,
                    expected: { runId: job.runId, issue: triggeringIssue(settings.issue, job) },
                });
                if (loaded.hash !== published.document.run.configHash) {
                    warnings.push('the configuration changed since this run was planned ' +
                        `(hash ${published.document.run.configHash.slice(0, 12)} then, ${loaded.hash.slice(0, 12)} now); ` +
                        'publish used the current one');
                }
                return published;
            });
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
    deps.runDir.writeDocument(names/* ARTIFACTS */.ym.publish, 'publish.json', result.document);
    if (result.prBody !== null)
        deps.runDir.writeText(names/* ARTIFACTS */.ym.publish, 'pr.md', result.prBody);
    if (result.reviewBody !== null)
        deps.runDir.writeText(names/* ARTIFACTS */.ym.publish, 'review.md', result.reviewBody);
    const { outcome } = result;
    if (outcome.branch)
        core.setOutput('branch', outcome.branch);
    if (outcome.pr) {
        core.setOutput('pr-number', String(outcome.pr.number));
        core.setOutput('pr-url', outcome.pr.url);
    }
    core.summary.addRaw(result.summary, true);
    await core.summary.write();
    let uploadError = null;
    try {
        await deps.artifacts.uploadArtifact(names/* ARTIFACTS */.ym.publish, deps.runDir.artifactDir(names/* ARTIFACTS */.ym.publish));
    }
    catch (error) {
        uploadError = `the ${names/* ARTIFACTS */.ym.publish} artifact could not be uploaded: ${(0,errors/* errorMessage */.gJ)(error)}`;
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
/** Publishes a follow-up run onto its pull request, with the step's outputs and summary. */
async function publishFollowUpRun(deps, followUp, options) {
    const { core } = deps;
    const result = await (0,follow_up/* publishFollowUp */.uk)(options, followUp);
    if (result.document)
        deps.runDir.writeDocument(names/* ARTIFACTS */.ym.publish, 'publish.json', result.document);
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
        await deps.artifacts.uploadArtifact(names/* ARTIFACTS */.ym.publish, deps.runDir.artifactDir(names/* ARTIFACTS */.ym.publish));
    }
    if (result.status !== 'published' && result.status !== 'nothing-to-push') {
        core.setFailed(`ensemble publish: ${result.error ?? result.status}`);
    }
}


/***/ })

};
