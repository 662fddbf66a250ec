export const id = 940;
export const ids = [940];
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

/***/ 54673:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $0: () => (/* binding */ PatchApplyError),
/* harmony export */   Py: () => (/* binding */ buildCommitSequence),
/* harmony export */   cu: () => (/* binding */ RUN_TRAILER)
/* harmony export */ });
/* unused harmony exports ENSEMBLE_AUTHOR, INTEGRATION_MESSAGE, DOCS_MESSAGE, ensembleTrailers */
/* harmony import */ var _plan_graph_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(18703);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);
/* harmony import */ var _workspace_git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10297);
/* harmony import */ var _workspace_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1042);
/* harmony import */ var _workspace_worktree_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(47860);





const ENSEMBLE_AUTHOR = { name: 'ensemble', email: 'ensemble@users.noreply.github.com' };
/** A patch of the run that does not apply where it must: the change cannot be published. */
class PatchApplyError extends Error {
    name = 'PatchApplyError';
    /** `change.patch` or `docs.patch`. */
    patch;
    detail;
    constructor(patch, message, detail) {
        super(message);
        this.patch = patch;
        this.detail = detail;
    }
}
const INTEGRATION_MESSAGE = {
    withTests: 'Integrate the tasks and add tests',
    plain: 'Integrate the tasks',
};
const DOCS_MESSAGE = 'Update the documentation';
/** The trailer every commit ensemble makes carries: what tells its commits from a person's. */
const RUN_TRAILER = 'Ensemble-Run';
function ensembleTrailers(run, stage, taskId, round) {
    return {
        [RUN_TRAILER]: run.runId,
        'Ensemble-Stage': stage,
        ...(taskId ? { 'Ensemble-Task': taskId } : {}),
        ...(round ? { 'Ensemble-Round': String(round) } : {}),
    };
}
/** Applies a whole-change patch to the worktree at the base; `PatchApplyError` naming it when it does not apply. */
async function applyOrRefuse(dir, name, patch, run) {
    if (patch === '')
        return;
    const applied = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .applyWithConflictMarkers */ .cz)(dir, patch);
    if (applied.ok)
        return;
    throw new PatchApplyError(name, `${name} does not apply to the base ${run.baseSha}: ${applied.detail}`, applied.conflictingFiles.length > 0 ? `conflicts in ${applied.conflictingFiles.join(', ')}` : applied.detail);
}
/**
 * Makes the run's commits on top of the base SHA as local objects. A task whose patch does not
 * apply on its own (a conflict the testing agent resolved) is folded into the integration commit
 * with a note; `change.patch` must apply to the base and `docs.patch` on top of it, else
 * `PatchApplyError`.
 */
async function buildCommitSequence(input) {
    const notes = [];
    const integrated = new Map((input.test?.integration ?? []).map((r) => [r.taskId, r.result]));
    const patches = new Map(input.tasks.map((t) => [t.document.taskId, t]));
    const commits = [];
    const git = (0,_workspace_git_js__WEBPACK_IMPORTED_MODULE_1__/* .hardenedGit */ .YW)(input.repoDir);
    const treeOf = async (sha) => git.text(['rev-parse', '--verify', `${sha}^{tree}`], { what: `read the tree of ${sha}` });
    let head = input.run.baseSha;
    const push = async (sha, stage, taskId, subject, trailers) => {
        commits.push({
            sha,
            parent: head,
            tree: await treeOf(sha),
            stage,
            taskId,
            subject,
            trailers,
            message: (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .withTrailers */ .jX)(subject, trailers),
        });
        head = sha;
    };
    for (const taskId of (0,_plan_graph_js__WEBPACK_IMPORTED_MODULE_4__/* .dependencyOrder */ .g1)(input.plan.tasks)) {
        const task = patches.get(taskId);
        if (!task)
            continue;
        if (task.document.status !== 'done' || task.patch === '')
            continue;
        const result = integrated.get(taskId);
        if (input.test && result !== 'applied' && result !== 'resolved')
            continue;
        const subject = input.taskMessage ? input.taskMessage(task.document) : task.document.commitMessage;
        const trailers = ensembleTrailers(input.run, 'code', taskId);
        let sha;
        try {
            sha = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .commitPatch */ .q1)(input.repoDir, {
                parentSha: head,
                patch: task.patch,
                message: subject,
                trailers,
                author: ENSEMBLE_AUTHOR,
                ...(input.protectedPaths ? { protectedPaths: input.protectedPaths } : {}),
            });
        }
        catch (error) {
            // A patch whose conflict the testing agent resolved may not apply on its own; its content
            // arrives with the integration commit below.
            notes.push(`task ${taskId} is folded into the integration commit: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error).split('\n')[0]}`);
            continue;
        }
        await push(sha, 'code', taskId, subject, trailers);
    }
    const worktree = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .createWorktree */ .MV)(input.repoDir, input.run.baseSha, { prefix: 'ensemble-publish-' });
    try {
        await applyOrRefuse(worktree.dir, 'change.patch', input.changePatch, input.run);
        const { tree } = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .diffAgainstBase */ .CM)(worktree.dir, input.run.baseSha);
        const subject = input.test?.testsAdded.length ? INTEGRATION_MESSAGE.withTests : INTEGRATION_MESSAGE.plain;
        const trailers = ensembleTrailers(input.run, 'test');
        const integration = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .commitTree */ .SC)(input.repoDir, {
            tree,
            parentSha: head,
            message: subject,
            trailers,
            author: ENSEMBLE_AUTHOR,
        });
        if (integration)
            await push(integration, 'test', null, subject, trailers);
        for (const round of input.rounds ?? []) {
            await (0,_workspace_worktree_js__WEBPACK_IMPORTED_MODULE_3__/* .restoreWorktree */ .yY)(worktree.dir, await treeOf(input.run.baseSha));
            await applyOrRefuse(worktree.dir, `fix round ${round.document.round}'s change.patch`, round.change, input.run);
            const roundTree = (await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .diffAgainstBase */ .CM)(worktree.dir, input.run.baseSha)).tree;
            const roundSubject = round.document.commitMessage;
            const roundTrailers = ensembleTrailers(input.run, 'fix', null, round.document.round);
            const sha = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .commitTree */ .SC)(input.repoDir, {
                tree: roundTree,
                parentSha: head,
                message: roundSubject,
                trailers: roundTrailers,
                author: ENSEMBLE_AUTHOR,
            });
            if (sha)
                await push(sha, 'fix', null, roundSubject, roundTrailers);
        }
    }
    finally {
        await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .removeWorktree */ .IL)(worktree);
    }
    if (input.docs && input.docs.patch !== '') {
        const trailers = ensembleTrailers(input.run, 'docs');
        let sha;
        try {
            sha = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .commitPatch */ .q1)(input.repoDir, {
                parentSha: head,
                patch: input.docs.patch,
                message: DOCS_MESSAGE,
                trailers,
                author: ENSEMBLE_AUTHOR,
                ...(input.protectedPaths ? { protectedPaths: input.protectedPaths } : {}),
            });
        }
        catch (error) {
            if (error instanceof _workspace_index_js__WEBPACK_IMPORTED_MODULE_2__/* .ProtectedPathError */ ._o)
                throw error;
            const detail = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error).split('\n')[0] ?? '';
            throw new PatchApplyError('docs.patch', `docs.patch does not apply on top of change.patch: ${detail}`, detail);
        }
        await push(sha, 'docs', null, DOCS_MESSAGE, trailers);
    }
    return { commits, head, notes };
}


/***/ }),

/***/ 75940:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  choosePublishCredentials: () => (/* binding */ choosePublishCredentials),
  describePublishCredentials: () => (/* binding */ describePublishCredentials),
  runPublishAction: () => (/* binding */ runPublishAction)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/artifacts/names.js
var names = __webpack_require__(40963);
// EXTERNAL MODULE: ./lib/config/load.js
var load = __webpack_require__(76264);
// EXTERNAL MODULE: ./lib/github/app-token.js
var app_token = __webpack_require__(91956);
// EXTERNAL MODULE: ./lib/github/octokit.js + 3 modules
var octokit = __webpack_require__(15687);
// EXTERNAL MODULE: ./lib/model/keys.js
var keys = __webpack_require__(61261);
// EXTERNAL MODULE: ./lib/publish/branch.js
var publish_branch = __webpack_require__(77619);
// EXTERNAL MODULE: ./lib/review/index.js + 2 modules
var lib_review = __webpack_require__(59039);
// EXTERNAL MODULE: ./lib/workspace/diff/index.js + 4 modules
var diff = __webpack_require__(75585);
// EXTERNAL MODULE: ./lib/workspace/git.js
var workspace_git = __webpack_require__(10297);
// EXTERNAL MODULE: ./lib/workspace/patch.js
var workspace_patch = __webpack_require__(93515);
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
    const input = { repoDir, run, plan, tasks, test, changePatch, docs, rounds: (0,lib_review/* testedRounds */.Hj)(fix) };
    const built = await (0,publish_commits/* buildCommitSequence */.Py)(input).catch(patchApplyErrorOrThrow);
    if (built instanceof publish_commits/* PatchApplyError */.$0)
        return { ok: false, stop: patchDoesNotApply(built, run.baseSha) };
    if (built.commits.length === 0) {
        const message = 'nothing was written: the change is empty once applied to the base.';
        return { ok: false, stop: (0,step/* stop */.ds)('no-change', message, built.notes) };
    }
    const prPatch = (await (0,workspace_patch/* diffTrees */.j_)((0,workspace_git/* hardenedGit */.YW)(repoDir), run.baseSha, built.head)).patch;
    return { ok: true, sequence: built, prDiff: (0,diff/* parseUnifiedDiff */.rj)(prPatch) };
}
async function assertCheckoutHasBase(repoDir, baseSha) {
    const found = await (0,workspace_git/* hardenedGit */.YW)(repoDir).run(['cat-file', '-e', `${baseSha}^{commit}`], { okCodes: [0, 1, 128] });
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

// EXTERNAL MODULE: ./lib/render/index.js + 12 modules
var lib_render = __webpack_require__(11341);
// EXTERNAL MODULE: ./lib/github/errors.js
var errors = __webpack_require__(9452);
// EXTERNAL MODULE: ./lib/github/write-once.js
var write_once = __webpack_require__(32192);
// EXTERNAL MODULE: ./lib/review/diff-lines.js
var diff_lines = __webpack_require__(31167);
// EXTERNAL MODULE: ./lib/review/findings.js
var findings = __webpack_require__(92696);
// EXTERNAL MODULE: ./lib/util/errors.js
var util_errors = __webpack_require__(99661);
;// CONCATENATED MODULE: ./lib/publish/review.js






/** Body cap that leaves room for the changes-requested note. */
const BODY_LIMIT = { unit: 'chars', max: 64_000 };
const CHANGES_REQUESTED_NOTE = '> [!IMPORTANT]\n> **ensemble requests changes**: a finding reaches the blocking severity (`review.block-on`). ' +
    'GitHub does not let the account that opened a pull request ' +
    'request changes on it, so this review is posted as a comment.';
function withNote(body, marker) {
    return body.startsWith(marker)
        ? `${marker}\n\n${CHANGES_REQUESTED_NOTE}\n${body.slice(marker.length)}`
        : `${CHANGES_REQUESTED_NOTE}\n\n${body}`;
}
/**
 * Everything the review will post, computed before any write so that each text can pass the
 * safe-output policy first.
 */
function planReview(reviews, prDiff, blockOn, options) {
    const outcome = (0,findings/* combineReviews */.bu)(reviews, prDiff, blockOn);
    const fingerprint = (0,findings/* findingsFingerprint */.Ju)(outcome);
    const marker = (0,lib_render/* reviewMarker */.vU)(options.runId, fingerprint);
    const render = { allowedHost: options.allowedHost };
    const comments = [];
    for (const finding of outcome.findings) {
        if (finding.line === null)
            continue;
        const file = (0,diff_lines/* findDiffFile */.tZ)(prDiff, finding.path);
        if (!file)
            continue;
        const end = finding.endLine ?? finding.line;
        comments.push({
            path: file.path,
            line: end,
            side: 'RIGHT',
            ...(end > finding.line ? { start_line: finding.line, start_side: 'RIGHT' } : {}),
            body: withFindingMarker(finding.id, (0,lib_render/* renderInlineComment */.P7)(finding, { ...render, fileLines: (0,diff_lines/* rightSideLines */.Jc)(file) })),
        });
    }
    const body = (0,lib_render/* renderReviewBody */.de)(outcome, { ...render, runId: options.runId, limit: BODY_LIMIT });
    const unplaced = {
        ...outcome,
        findings: outcome.findings.map((f) => ({ ...f, line: null, endLine: null })),
    };
    const unplacedBody = `${marker}\n${(0,lib_render/* renderReviewBody */.de)(unplaced, { ...render, limit: BODY_LIMIT })}`;
    return {
        outcome,
        fingerprint,
        event: (0,findings/* githubReviewEvent */.ke)(outcome.verdict),
        comments,
        texts: {
            body,
            commentBody: withNote(body, marker),
            unplacedBody,
            unplacedCommentBody: withNote(unplacedBody, marker),
        },
    };
}
/** An inline comment's body, led by the hidden marker of the finding's stable id when it has one. */
function withFindingMarker(id, body) {
    return id === null ? body : `${(0,lib_render/* findingMarker */.iY)(id)}\n${body}`;
}
async function listReviews(octokit, repo, pull) {
    const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
        owner: repo.owner,
        repo: repo.repo,
        pull_number: pull,
        per_page: 100,
    });
    return reviews.map((r) => ({
        id: r.id,
        html_url: r.html_url,
        body: r.body ?? '',
        state: r.state,
        user: r.user ? { type: r.user.type } : null,
    }));
}
/** The latest review carrying an ensemble review marker, with its fingerprint. */
function latestEnsembleReview(reviews) {
    for (let i = reviews.length - 1; i >= 0; i--) {
        // Only a bot's review counts (ensemble reviews as one): a person could paste the marker.
        if (reviews[i].user?.type !== 'Bot')
            continue;
        const found = (0,lib_render/* findMarker */.Ed)(reviews[i].body, 'review');
        if (found)
            return { review: reviews[i], fingerprint: found.fields['findings'] ?? null };
    }
    return null;
}
const OWN_PULL = /own pull request/i;
const PLACEMENT = /line|diff|hunk|path could not be resolved|position/i;
/**
 * Posts the planned review on pull request `pull` at `commitId`, unless the latest ensemble
 * review there already has the same fingerprint. `texts` are the policy's sanitised texts.
 */
async function postReview(octokit, repo, pull, commitId, plan, texts, log = { warn: () => { } }) {
    const where = `pull request #${pull} of ${repo.owner}/${repo.repo}`;
    const before = await listReviews(octokit, repo, pull);
    const latest = latestEnsembleReview(before);
    if (latest && latest.fingerprint === plan.fingerprint) {
        return {
            id: latest.review.id,
            url: latest.review.html_url,
            outcome: 'unchanged',
            event: latest.review.state === 'CHANGES_REQUESTED' ? 'REQUEST_CHANGES' : 'COMMENT',
            unplaced: false,
        };
    }
    const seen = new Set(before.map((r) => r.id));
    const attempt = async (event, body, comments) => {
        const { value } = await (0,write_once/* writeOnce */.F)(octokit, {
            operation: { action: `post the review on ${where}`, permission: 'pull-requests: write' },
            create: async () => {
                const { data } = await octokit.rest.pulls.createReview({
                    owner: repo.owner,
                    repo: repo.repo,
                    pull_number: pull,
                    commit_id: commitId,
                    event,
                    body,
                    ...(comments.length > 0 ? { comments: comments.map((c) => ({ ...c })) } : {}),
                });
                return { id: data.id, url: data.html_url };
            },
            find: async () => {
                const found = (await listReviews(octokit, repo, pull)).find((r) => !seen.has(r.id) && (0,lib_render/* findMarker */.Ed)(r.body, 'review')?.fields['findings'] === plan.fingerprint);
                return found ? { id: found.id, url: found.html_url } : null;
            },
        });
        return value;
    };
    const post = async (unplaced) => {
        const comments = unplaced ? [] : plan.comments;
        const body = unplaced ? texts.unplacedBody : texts.body;
        const commentBody = unplaced ? texts.unplacedCommentBody : texts.commentBody;
        try {
            const made = await attempt(plan.event, body, comments);
            return { ...made, outcome: 'posted', event: plan.event, unplaced };
        }
        catch (error) {
            if (plan.event !== 'REQUEST_CHANGES' || (0,errors/* statusOf */.c2)(error) !== 422 || !OWN_PULL.test((0,util_errors/* errorMessage */.gJ)(error)))
                throw error;
            const made = await attempt('COMMENT', commentBody, comments);
            return { ...made, outcome: 'posted', event: 'COMMENT', unplaced };
        }
    };
    try {
        return await post(false);
    }
    catch (error) {
        const message = (0,util_errors/* errorMessage */.gJ)(error);
        if (plan.comments.length === 0 || (0,errors/* statusOf */.c2)(error) !== 422 || OWN_PULL.test(message))
            throw error;
        if (!PLACEMENT.test(message))
            throw error;
        log.warn(`GitHub refused the placement of an inline comment (${message}); ` +
            'posting every finding in the review body instead');
        return post(true);
    }
}

;// CONCATENATED MODULE: ./lib/publish/compose-texts.js



function composeTexts(options) {
    const { artifacts, change, allowedHost } = options;
    const { plan, docs } = artifacts;
    // The PR tells the change as it stands: after the last re-tested fix round, if any.
    const first = { test: artifacts.test, change: artifacts.changePatch ?? '', reviews: artifacts.reviews };
    const { test, reviews } = (0,lib_review/* finalState */.A9)(first, artifacts.fix);
    const { run } = plan;
    const placement = { runId: run.runId, allowedHost };
    const review = reviews.length > 0 ? planReview(reviews, change.prDiff, options.blockOn, placement) : null;
    const title = plan.request.title.trim() === '' ? `ensemble run ${run.runId}` : plan.request.title;
    const prBody = (0,lib_render/* renderPrBody */.BN)({
        plan,
        tasks: artifacts.tasks.map((t) => t.document),
        test,
        reviews: review?.outcome ?? null,
        docs: docs?.document ?? null,
        fix: artifacts.fix,
        runUrl: options.runUrl,
        issue: run.issue,
    }, { allowedHost });
    // The messages a model wrote: each task's, and each fix round's.
    const modelCommits = change.sequence.commits.filter((c) => c.stage === 'code' || c.stage === 'fix');
    return {
        prTitle: { label: 'PR title', text: title, kind: 'title' },
        prBody: { label: 'PR body', text: prBody, kind: 'body' },
        commitMessages: modelCommits.map((c) => ({
            sha: c.sha,
            message: { label: commitLabel(c), text: c.subject, kind: 'raw' },
        })),
        review: review && reviewTexts(review),
    };
}
function commitLabel(commit) {
    if (commit.stage === 'fix')
        return `commit message of fix round ${commit.trailers['Ensemble-Round'] ?? ''}`;
    return `commit message of task ${commit.taskId}`;
}
function reviewTexts(review) {
    const body = (label, text) => ({ label, text, kind: 'body' });
    return {
        fingerprint: review.fingerprint,
        event: review.event,
        body: body('review body', review.texts.body),
        commentBody: body('review body (as a comment)', review.texts.commentBody),
        unplacedBody: body('review body (all findings)', review.texts.unplacedBody),
        unplacedCommentBody: body('review body (all findings, as a comment)', review.texts.unplacedCommentBody),
        comments: review.comments.map((c, i) => {
            const label = `review comment ${i + 1} (${c.path}:${c.line})`;
            return { ...c, body: body(label, c.body) };
        }),
    };
}
/**
 * `texts` with `f` applied to each text, in a fixed order (title, body, commit messages, review
 * bodies, inline comments). `key` names each text uniquely within `texts`: the key the policy
 * returns it under.
 */
function mapTexts(texts, f) {
    const { review } = texts;
    return {
        prTitle: f(texts.prTitle, 'prTitle'),
        prBody: f(texts.prBody, 'prBody'),
        commitMessages: texts.commitMessages.map((c, i) => ({ sha: c.sha, message: f(c.message, `commit ${i}`) })),
        review: review && {
            fingerprint: review.fingerprint,
            event: review.event,
            body: f(review.body, 'reviewBody'),
            commentBody: f(review.commentBody, 'reviewCommentBody'),
            unplacedBody: f(review.unplacedBody, 'reviewUnplacedBody'),
            unplacedCommentBody: f(review.unplacedCommentBody, 'reviewUnplacedCommentBody'),
            comments: review.comments.map((c, i) => ({ ...c, body: f(c.body, `comment ${i}`) })),
        },
    };
}
/** Every text of `texts` by its `mapTexts` key, in the same order. */
function keyedTexts(texts) {
    const keyed = {};
    mapTexts(texts, (text, key) => {
        keyed[key] = text;
    });
    return keyed;
}

// EXTERNAL MODULE: ./lib/publish/policy.js
var publish_policy = __webpack_require__(26401);
;// CONCATENATED MODULE: ./lib/publish/check-policy.js
/**
 * Step 5 of `publishToGitHub`: the safe-output policy (`policy.ts`) on everything that will be
 * written, before anything is: every text publish composed, the model's own texts as it wrote
 * them (for mention floods and credentials, before any renderer), `change.patch`, `docs.patch`,
 * and what each task commit discloses (the branch's history keeps them).
 */






async function checkPolicy(options) {
    const { texts, artifacts, policy } = options;
    const checked = await (0,publish_policy/* checkSafeOutputs */.Qb)({
        patches: [
            { label: 'change.patch', patch: options.changePatch },
            ...(0,lib_review/* testedRounds */.Hj)(artifacts.fix).map((r) => ({
                label: `change.patch of fix round ${r.document.round}`,
                patch: r.change,
            })),
            { label: 'docs.patch', patch: artifacts.docs?.patch ?? '' },
        ],
        texts: { ...keyedTexts(texts), ...modelTexts(artifacts) },
    }, policy);
    // The task commits stay in the branch's history: what each discloses is checked too. Their
    // size and file count are the change's, already checked.
    const history = await (0,publish_policy/* checkSafeOutputs */.Qb)({ patches: await taskCommitPatches(options), texts: {} }, policy);
    const refusals = [
        ...(checked.ok ? [] : checked.refusals),
        ...(history.ok ? [] : history.refusals.filter((r) => r.rule !== 'patch-size' && r.rule !== 'file-count')),
    ];
    if (refusals.length > 0 || !checked.ok) {
        const message = (0,publish_policy/* formatRefusals */.hz)(refusals, { allowedHost: policy.allowedHost });
        return { ok: false, refusals, stop: (0,step/* stop */.ds)('refused', message) };
    }
    return { ok: true, texts: mapTexts(texts, (_, key) => checked.texts[key].text) };
}
/** Model text checked for mention floods and credentials as written by the model, before any renderer. */
function modelTexts(artifacts) {
    const texts = [{ label: 'plan summary', text: artifacts.plan.summary, kind: 'raw' }];
    for (const task of artifacts.tasks) {
        texts.push({ label: `summary of task ${task.document.taskId}`, text: task.document.summary, kind: 'raw' });
    }
    if (artifacts.test)
        texts.push({ label: 'test summary', text: artifacts.test.summary, kind: 'raw' });
    for (const review of artifacts.reviews) {
        texts.push({ label: `${review.lens} review summary`, text: review.summary, kind: 'raw' });
        review.findings.forEach((f, i) => {
            texts.push({ label: `${review.lens} finding ${i + 1} title`, text: f.title, kind: 'raw' });
            texts.push({ label: `${review.lens} finding ${i + 1} body`, text: f.body, kind: 'raw' });
        });
    }
    for (const round of artifacts.fix.rounds) {
        const n = round.document.round;
        texts.push({ label: `fix round ${n} summary`, text: round.document.summary, kind: 'raw' });
        if (round.test)
            texts.push({ label: `fix round ${n} test summary`, text: round.test.document.summary, kind: 'raw' });
        for (const review of round.reviews) {
            texts.push({ label: `fix round ${n} ${review.lens} review summary`, text: review.summary, kind: 'raw' });
            review.findings.forEach((f, i) => {
                texts.push({ label: `fix round ${n} ${review.lens} finding ${i + 1} title`, text: f.title, kind: 'raw' });
                texts.push({ label: `fix round ${n} ${review.lens} finding ${i + 1} body`, text: f.body, kind: 'raw' });
            });
        }
    }
    if (artifacts.docs)
        texts.push({ label: 'docs summary', text: artifacts.docs.document.summary, kind: 'raw' });
    // Checked, never written: the keys only keep them apart from the written texts' keys.
    return Object.fromEntries(texts.map((text, i) => [`model ${i}`, text]));
}
/** The change each task commit makes (what the branch's history discloses). */
async function taskCommitPatches(options) {
    const git = (0,workspace_git/* hardenedGit */.YW)(options.repoDir);
    const taskCommits = options.sequence.commits.filter((c) => c.stage === 'code');
    return Promise.all(taskCommits.map(async (c) => {
        const { patch } = await (0,workspace_patch/* diffTrees */.j_)(git, c.parent, c.sha);
        return { label: `commit of task ${c.taskId}`, patch };
    }));
}

// EXTERNAL MODULE: ./lib/artifacts/store.js
var artifacts_store = __webpack_require__(39214);
// EXTERNAL MODULE: ./lib/contracts/read.js
var contracts_read = __webpack_require__(54759);
;// CONCATENATED MODULE: ./lib/publish/artifacts.js
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
async function readPublishArtifacts(store, runDir, config) {
    const plan = await store.downloadDocument('plan', names/* ARTIFACTS */.ym.plan, 'plan.json', runDir.artifactDir(names/* ARTIFACTS */.ym.plan));
    const stages = [
        {
            stage: 'plan',
            artifact: names/* ARTIFACTS */.ym.plan,
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
            (0,external_node_fs_.rmSync)(runDir.artifactPath(artifact, name), { force: true });
        let document;
        try {
            document = await store.downloadDocument(kind, artifact, file, dir);
        }
        catch (error) {
            if (error instanceof artifacts_store/* ArtifactMissingError */.U)
                return { ok: false, missing: true, message: error.message };
            if (error instanceof contracts_read/* ContractError */.Vl || error instanceof artifacts_store/* ArtifactFileMissingError */.B) {
                invalid.push({ artifact, message: error.message });
                return { ok: false, missing: false, message: error.message };
            }
            throw error;
        }
        const run = document.run;
        if (!sameRun(run, plan.run)) {
            const message = `${artifact}: ${file} belongs to another run (run ${run.runId} of ${run.repository} ` +
                `at ${run.baseSha.slice(0, 12)}), not to the plan's run ${plan.run.runId} ` +
                `at ${plan.run.baseSha.slice(0, 12)}`;
            invalid.push({ artifact, message });
            return { ok: false, missing: false, message };
        }
        const found = new Map();
        for (const name of texts) {
            const path = runDir.artifactPath(artifact, name);
            found.set(name, (0,external_node_fs_.existsSync)(path) ? (0,external_node_fs_.readFileSync)(path, 'utf8') : null);
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
    for (const planned of plan.tasks) {
        const artifact = names/* ARTIFACTS */.ym.code(planned.id);
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
    const testFailed = (status, message) => stages.push({ stage: 'test', artifact: names/* ARTIFACTS */.ym.test, state: 'failed', status, detail: message });
    if (!config.stages.test.enabled) {
        const path = runDir.artifactPath(names/* ARTIFACTS */.ym.test, 'change.patch');
        (0,external_node_fs_.rmSync)(path, { force: true });
        try {
            await store.downloadArtifact(names/* ARTIFACTS */.ym.test, runDir.artifactDir(names/* ARTIFACTS */.ym.test));
            if ((0,external_node_fs_.existsSync)(path)) {
                changePatch = (0,external_node_fs_.readFileSync)(path, 'utf8');
                stages.push({
                    stage: 'test',
                    artifact: names/* ARTIFACTS */.ym.test,
                    state: 'skipped',
                    status: 'disabled',
                    detail: 'the patches were integrated without tests',
                });
            }
            else {
                const message = `${names/* ARTIFACTS */.ym.test} has no change.patch; re-run the test job`;
                invalid.push({ artifact: names/* ARTIFACTS */.ym.test, message });
                testFailed('invalid artifact', message);
            }
        }
        catch (error) {
            if (!(error instanceof artifacts_store/* ArtifactMissingError */.U))
                throw error;
            testFailed('no artifact', error.message);
        }
    }
    else {
        const result = await read('test', names/* ARTIFACTS */.ym.test, 'test.json', ['change.patch']);
        if (!result.ok) {
            testFailed(result.missing ? 'no artifact' : 'invalid artifact', result.message);
        }
        else if (result.value.texts.get('change.patch') == null) {
            const message = `${names/* ARTIFACTS */.ym.test} has no change.patch; re-run the test job`;
            invalid.push({ artifact: names/* ARTIFACTS */.ym.test, message });
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
                artifact: names/* ARTIFACTS */.ym.test,
                state: TEST_STATE[test.status],
                status: `${test.status}${counts}`,
                detail: test.status === 'passed' ? '' : firstLine(test.summary),
            });
        }
    }
    // Review: one artifact per configured lens.
    const reviews = [];
    for (const lens of config.review.lenses) {
        const artifact = names/* ARTIFACTS */.ym.review(lens);
        const stage = `review · ${lens}`;
        if (!config.stages.review.enabled) {
            stages.push({ stage, artifact, state: 'skipped', status: 'disabled', detail: 'stages.review.enabled is false' });
            continue;
        }
        const result = await read('review', artifact, 'review.json', []);
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
    if (!config.stages.docs.enabled) {
        stages.push({
            stage: 'docs',
            artifact: names/* ARTIFACTS */.ym.docs,
            state: 'skipped',
            status: 'disabled',
            detail: 'stages.docs.enabled is false',
        });
    }
    else {
        const result = await read('docs', names/* ARTIFACTS */.ym.docs, 'docs.json', ['docs.patch']);
        if (!result.ok) {
            unreadable('docs', names/* ARTIFACTS */.ym.docs, result);
        }
        else {
            const document = result.value.document;
            const patch = result.value.texts.get('docs.patch') ?? null;
            if (patch === null && document.status === 'updated') {
                const message = `${names/* ARTIFACTS */.ym.docs} has no docs.patch, but the docs stage says it updated the docs; ` + 're-run the docs job';
                invalid.push({ artifact: names/* ARTIFACTS */.ym.docs, message });
                stages.push({
                    stage: 'docs',
                    artifact: names/* ARTIFACTS */.ym.docs,
                    state: 'failed',
                    status: 'invalid artifact',
                    detail: message,
                });
            }
            else {
                docs = { document, patch: patch ?? '' };
                stages.push({
                    stage: 'docs',
                    artifact: names/* ARTIFACTS */.ym.docs,
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
        const artifact = names/* ARTIFACTS */.ym.fix(round);
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
            if (!(error instanceof contracts_read/* ContractError */.Vl))
                throw error;
            invalid.push({ artifact, message: error.message });
            unreadable(`fix · round ${round}`, artifact, { missing: false, message: error.message });
            break;
        }
    }
    const fix = (0,lib_review/* describeFixLoop */.NQ)({
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
            artifact: names/* ARTIFACTS */.ym.fix(round.document.round),
            state: failed || round.test === null || round.rejected !== null ? 'failed' : 'ok',
            status: round.document.status,
            detail: roundDetail(round),
        });
    }
    if (fix.stopped !== null) {
        const rounds = `${fix.rounds.length} round${fix.rounds.length === 1 ? '' : 's'}`;
        stages.push({ stage: 'fix', artifact: names/* ARTIFACTS */.ym.fix(1), state: 'ok', status: rounds, detail: fix.stopped });
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

;// CONCATENATED MODULE: ./lib/publish/read-run.js


/** Reads every artifact; throws only when the plan cannot be read. */
async function readRun(options) {
    const { repo } = options;
    const artifacts = await readPublishArtifacts(options.artifacts, options.runDir, options.config);
    const { run } = artifacts.plan;
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
;// CONCATENATED MODULE: ./lib/publish/target.js
/**
 * Step 2 of `publishToGitHub`: where the pull request goes. The repository's default branch is
 * its base, and ensemble's branch must not be it: ensemble never writes to the default branch.
 */


/** The default branch, or `refused` when it is ensemble's branch. Reads, never writes. */
async function checkTarget(options) {
    const { octokit, repo, branch } = options;
    const where = `${repo.owner}/${repo.repo}`;
    const { data } = await (0,errors/* githubCall */.Mc)({ action: `read ${where}`, permission: 'contents: read' }, () => octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo }));
    if (branch === data.default_branch) {
        const why = `the branch ${branch} is the default branch of ${where}, and ensemble never writes to it`;
        return { ok: false, stop: (0,step/* stop */.ds)('refused', `nothing was written: ${why}.`) };
    }
    return { ok: true, defaultBranch: data.default_branch };
}

// EXTERNAL MODULE: ./lib/workspace/commit.js
var commit = __webpack_require__(48656);
;// CONCATENATED MODULE: ./lib/publish/git-data.js
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
    const git = (0,workspace_git/* hardenedGit */.YW)(repoDir);
    const out = await git.run(['diff-tree', '-r', '-z', '--raw', '--no-renames', '--no-ext-diff', '--full-index', from, to], {
        what: `list the files that differ between ${from} and ${to}`,
    });
    const fields = (0,workspace_git/* nulFields */.R6)(out.stdout);
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
    return (await (0,workspace_git/* hardenedGit */.YW)(repoDir).run(['cat-file', 'blob', sha], { what: `read blob ${sha}` })).stdout;
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
        const { data } = await (0,errors/* githubCall */.Mc)({ action: `upload the content of ${change.path}`, permission: 'contents: write' }, () => octokit.rest.git.createBlob({
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
    const { data } = await (0,errors/* githubCall */.Mc)({ action: `read commit ${sha} of ${repo.owner}/${repo.repo}`, permission: 'contents: read' }, () => octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: sha }));
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
            if ((0,errors/* statusOf */.c2)(error) === 404)
                return null;
            throw error;
        }
        const want = commits[i];
        if (data.tree.sha !== want.tree ||
            data.message.replace(/\n+$/, '') !== want.message.replace(/\n+$/, '') ||
            data.parents.length !== 1) {
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
    const localBaseTree = await (0,workspace_git/* hardenedGit */.YW)(repoDir).text(['rev-parse', '--verify', `${baseSha}^{tree}`], {
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
        const { data: tree } = await (0,errors/* githubCall */.Mc)({ action: `create a tree in ${where}`, permission: 'contents: write' }, () => octokit.rest.git.createTree({ owner: repo.owner, repo: repo.repo, base_tree: parentTree, tree: edits }));
        if (tree.sha !== commit.tree) {
            throw new Error(`GitHub built tree ${tree.sha} where the checkout has ${commit.tree} ` +
                `(commit ${commit.sha}); the branch was not updated, nothing was published`);
        }
        const { data: made } = await (0,errors/* githubCall */.Mc)({ action: `create a commit in ${where}`, permission: 'contents: write' }, () => octokit.rest.git.createCommit({
            owner: repo.owner,
            repo: repo.repo,
            message: commit.message,
            tree: tree.sha,
            parents: [parent],
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
    const read = async (sha) => (0,errors/* githubCall */.Mc)({ action: `read commit ${sha} of ${repo.owner}/${repo.repo}`, permission: 'contents: read' }, () => octokit.rest.git.getCommit({ owner: repo.owner, repo: repo.repo, commit_sha: sha }));
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
        if ((0,errors/* statusOf */.c2)(error) === 404)
            return null;
        throw (0,errors/* explainGitHubError */.Pm)(error, {
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
        await (0,errors/* githubCall */.Mc)(operation, () => octokit.rest.git.updateRef({ owner: repo.owner, repo: repo.repo, ref: `heads/${branch}`, sha, force: true }));
        return 'updated';
    };
    const current = await branchHead(octokit, repo, branch);
    if (current === sha)
        return 'unchanged';
    if (current !== null)
        return update();
    try {
        await (0,write_once/* writeOnce */.F)(octokit, {
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
        if ((0,errors/* statusOf */.c2)(error) === 422 && /already exists/i.test((0,util_errors/* errorMessage */.gJ)(error)))
            return update();
        throw error;
    }
}

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
    const pulls = await (0,errors/* githubCall */.Mc)({
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
        const { data } = await (0,errors/* githubCall */.Mc)({ action: `update pull request #${existing.number} of ${where}`, permission: 'pull-requests: write' }, () => octokit.rest.pulls.update({
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
        const { data } = await (0,errors/* githubCall */.Mc)({ action: `update pull request #${value.number} of ${where}`, permission: 'pull-requests: write' }, () => octokit.rest.pulls.update({
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
    await (0,errors/* githubCall */.Mc)({ action: `label pull request #${pull.number} of ${repo.owner}/${repo.repo}`, permission: 'pull-requests: write' }, () => octokit.rest.issues.addLabels({
        owner: repo.owner,
        repo: repo.repo,
        issue_number: pull.number,
        labels: [...missing],
    }));
    return missing;
}

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
    const current = await branchHead(octokit, repo, branch);
    const reused = current === null ? null : await matchingRemoteChain(octokit, repo, current, baseSha, local);
    // A person's commits on ensemble's branch are never moved away from: the branch is left as it is.
    if (current !== null && reused === null) {
        const foreign = await foreignCommitsOnBranch(octokit, repo, current, baseSha, publish_commits/* RUN_TRAILER */.cu);
        if (foreign.length > 0)
            throw new ForeignCommitsError(branch, foreign);
    }
    const remote = reused ?? (await pushCommits(octokit, repo, options.repoDir, baseSha, local));
    const head = remote[remote.length - 1].sha;
    const moved = await setBranch(octokit, repo, branch, head);
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
    const posted = await postReview(octokit, repo, pull, head, review, review, log);
    log.info(`review: ${posted.outcome} (${posted.event})`);
    const blocking = review.event === 'REQUEST_CHANGES';
    return {
        reviewId: posted.id,
        review: { url: posted.url, outcome: posted.outcome, event: posted.event, blocking },
        notes: posted.unplaced ? [UNPLACED] : [],
    };
}

;// CONCATENATED MODULE: ./lib/publish/github.js










/** The policy every text and patch goes through, from the configuration and the step's secrets. */
function policyOf(options, allowedHost) {
    const { config } = options;
    return {
        protectedPaths: (0,publish_policy/* publishProtectedPaths */.KV)(config['protected-paths'], options.configPath),
        maxPatchBytes: config.limits['max-patch-bytes'],
        maxFiles: config.limits['max-files'],
        secretValues: options.secretValues,
        allowedHost,
        gitCwd: options.repoDir,
    };
}
function nothingYet(stages) {
    return { stages, notes: [], bodies: { prBody: null, reviewBody: null }, written: report/* NOTHING_WRITTEN */.qv };
}
/** `progress` ended by `stop`, with the stop's notes after those so far. */
function stopped(progress, stop) {
    return { ...progress, status: stop.status, error: stop.error, notes: [...progress.notes, ...stop.notes] };
}
/**
 * Publishes the run (module comment). Never throws once the plan is read: every outcome, a
 * GitHub error included, is reported in the tracking comment and returned.
 */
async function publishToGitHub(options) {
    const { octokit, repo, config, repoDir, runUrl } = options;
    const allowedHost = new URL(options.serverUrl).host;
    const policy = policyOf(options, allowedHost);
    const log = options.log ?? step/* silentLog */.aB;
    const read = await readRun({ artifacts: options.artifacts, runDir: options.runDir, config, repo });
    const { artifacts } = read;
    const { plan } = artifacts;
    const branch = (0,publish_branch/* branchFor */.y)(plan.request, plan.run.runId);
    const context = { octokit, repo, plan, branch, policy, runUrl, allowedHost, log };
    const start = nothingYet(artifacts.stages);
    if (!read.ok)
        return (0,report/* report */.z8)(stopped(start, read.stop), context);
    const { changePatch } = read;
    const target = await (0,step/* beforeWriting */.oG)(() => checkTarget({ octokit, repo, branch }));
    if (!target.ok)
        return (0,report/* report */.z8)(stopped(start, target.stop), context);
    const change = await (0,step/* beforeWriting */.oG)(() => buildChange({ repoDir, artifacts, changePatch }));
    if (!change.ok)
        return (0,report/* report */.z8)(stopped(start, change.stop), context);
    const { sequence } = change;
    const built = { ...start, notes: sequence.notes };
    const blockOn = config.review['block-on'];
    const composed = await (0,step/* beforeWriting */.oG)(() => ({
        ok: true,
        texts: composeTexts({ artifacts, change, blockOn, runUrl, allowedHost }),
    }));
    if (!composed.ok)
        return (0,report/* report */.z8)(stopped(built, composed.stop), context);
    const { texts } = composed;
    const bodies = { prBody: texts.prBody.text, reviewBody: texts.review?.body.text ?? null };
    const rendered = { ...built, bodies };
    const checked = await (0,step/* beforeWriting */.oG)(() => checkPolicy({ texts, artifacts, changePatch, sequence, repoDir, policy }));
    if (!checked.ok)
        return (0,report/* report */.z8)(stopped(rendered, checked.stop), context);
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
    const notes = [...built.notes, ...written.notes];
    const sanitisedBodies = { ...bodies, prBody: checked.texts.prBody };
    return (0,report/* report */.z8)({ ...rendered, status, error, notes, bodies: sanitisedBodies, written }, context);
}

// EXTERNAL MODULE: ./lib/runtime/actions/environment.js + 1 modules
var environment = __webpack_require__(24910);
// EXTERNAL MODULE: ./lib/runtime/actions/stages.js + 3 modules
var stages = __webpack_require__(64459);
;// CONCATENATED MODULE: ./lib/runtime/actions/publish.js











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
    throw new util_errors/* UserError */.yo(
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
        throw new util_errors/* UserError */.yo(`configuration file ${settings.config} not found in the checkout (the config input)`);
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
    ];
    let result;
    try {
        result = await (0,stages.withCommandsStopped)(core, async () => {
            const published = await publishToGitHub({
                octokit: client(token),
                repo: { owner, repo },
                repoDir: job.workspace,
                artifacts: deps.artifacts,
                runDir: deps.runDir,
                config,
                configPath: settings.config,
                draft: settings.draft,
                secretValues,
                serverUrl: job.serverUrl,
                runUrl,
                log: {
                    info: (m) => core.info(m),
                    warn: (m) => {
                        core.info(`warning: ${m}`);
                        warnings.push(m);
                    },
                },
            });
            if (loaded.hash !== published.document.run.configHash) {
                warnings.push('the configuration changed since this run was planned ' +
                    `(hash ${published.document.run.configHash.slice(0, 12)} then, ${loaded.hash.slice(0, 12)} now); ` +
                    'publish used the current one');
            }
            return published;
        });
    }
    finally {
        // Also when publishing failed: the token is of no use after this step, and must not outlive it.
        if (installation) {
            try {
                await installation.revoke();
                core.info('revoked the installation token');
            }
            catch (error) {
                core.warning(`${(0,util_errors/* errorMessage */.gJ)(error).replace(/[\r\n]+/g, ' ')}; the token stays valid until ${installation.expiresAt}`);
            }
        }
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
        uploadError = `the ${names/* ARTIFACTS */.ym.publish} artifact could not be uploaded: ${(0,util_errors/* errorMessage */.gJ)(error)}`;
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


/***/ })

};
