export const id = 5314;
export const ids = [5314];
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

/***/ 18334:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aw: () => (/* binding */ checkRunOutputs),
/* harmony export */   cM: () => (/* binding */ publishPolicy),
/* harmony export */   hM: () => (/* binding */ checkPolicy)
/* harmony export */ });
/* harmony import */ var _review_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59039);
/* harmony import */ var _workspace_git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10297);
/* harmony import */ var _workspace_patch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(93515);
/* harmony import */ var _compose_texts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(72442);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(29367);
/* harmony import */ var _step_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(82169);
/**
 * Step 5 of `publishToGitHub`: the safe-output policy (`policy.ts`) on everything that will be
 * written, before anything is: every text publish composed, the model's own texts as it wrote
 * them (for mention floods and credentials, before any renderer), `change.patch`, `docs.patch`,
 * and what each task commit discloses (the branch's history keeps them).
 */






/**
 * The policy every publisher applies, from the configuration and the credentials the run knows
 * (the secrets it was given and those of the checkout): the GitHub publisher and the local one.
 */
function publishPolicy(config, options) {
    return {
        protectedPaths: (0,_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .publishProtectedPaths */ .KV)(config['protected-paths'], options.configPath),
        maxPatchBytes: config.limits['max-patch-bytes'],
        maxFiles: config.limits['max-files'],
        secretValues: options.secretValues,
        allowedHost: options.allowedHost,
        gitCwd: options.repoDir,
    };
}
async function checkPolicy(options) {
    const checked = await checkRunOutputs({ ...options, texts: (0,_compose_texts_js__WEBPACK_IMPORTED_MODULE_3__/* .keyedTexts */ .hP)(options.texts) });
    if (!checked.ok)
        return { ok: false, refusals: checked.refusals, stop: (0,_step_js__WEBPACK_IMPORTED_MODULE_5__/* .stop */ .ds)('refused', checked.message) };
    return { ok: true, texts: (0,_compose_texts_js__WEBPACK_IMPORTED_MODULE_3__/* .mapTexts */ .zO)(options.texts, (_, key) => checked.texts[key]) };
}
/**
 * The policy on everything a publish leaves behind, for either publisher: `texts` (what it will
 * write, by key), the model's own texts as it wrote them, `change.patch`, each re-tested fix
 * round's change, `docs.patch`, and what each task commit of `sequence` discloses.
 */
async function checkRunOutputs(options) {
    const { artifacts, policy } = options;
    // The task commits stay in the branch's history: what each discloses is checked too (beside the
    // rest). Their size and file count are the change's, already checked.
    const historyChecked = taskCommitPatches(options).then((patches) => (0,_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .checkSafeOutputs */ .Qb)({ patches, texts: {} }, policy));
    historyChecked.catch(() => { }); // awaited below, after the rest
    const checked = await (0,_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .checkSafeOutputs */ .Qb)({
        patches: [
            { label: 'change.patch', patch: options.changePatch },
            ...(0,_review_index_js__WEBPACK_IMPORTED_MODULE_0__/* .testedRounds */ .Hj)(artifacts.fix).map((r) => ({
                label: `change.patch of fix round ${r.document.round}`,
                patch: r.change,
            })),
            { label: 'docs.patch', patch: artifacts.docs?.patch ?? '' },
        ],
        texts: { ...options.texts, ...modelTexts(artifacts) },
    }, policy);
    const history = await historyChecked;
    const refusals = [
        ...(checked.ok ? [] : checked.refusals),
        ...(history.ok ? [] : history.refusals.filter((r) => r.rule !== 'patch-size' && r.rule !== 'file-count')),
    ];
    if (refusals.length > 0 || !checked.ok) {
        return { ok: false, refusals, message: (0,_policy_js__WEBPACK_IMPORTED_MODULE_4__/* .formatRefusals */ .hz)(refusals, { allowedHost: policy.allowedHost }) };
    }
    return { ok: true, texts: Object.fromEntries(Object.entries(checked.texts).map(([k, v]) => [k, v.text])) };
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
    const git = (0,_workspace_git_js__WEBPACK_IMPORTED_MODULE_1__/* .hardenedGit */ .YW)(options.repoDir);
    const taskCommits = options.sequence.commits.filter((c) => c.stage === 'code');
    return Promise.all(taskCommits.map(async (c) => {
        // Of the trees: the same diff as of the commits, and the one `warmCommitSequence` may have made.
        const { patch, changes } = await (0,_workspace_patch_js__WEBPACK_IMPORTED_MODULE_2__/* .diffTrees */ .j_)(git, c.parentTree, c.tree);
        return { label: `commit of task ${c.taskId}`, patch, changes };
    }));
}


/***/ }),

/***/ 54673:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $0: () => (/* binding */ PatchApplyError),
/* harmony export */   ID: () => (/* binding */ ENSEMBLE_AUTHOR),
/* harmony export */   Mg: () => (/* binding */ UnresolvedConflictError),
/* harmony export */   Py: () => (/* binding */ buildCommitSequence),
/* harmony export */   Rn: () => (/* binding */ buildFollowUpCommits),
/* harmony export */   cb: () => (/* binding */ warmCommitSequence),
/* harmony export */   cu: () => (/* binding */ RUN_TRAILER),
/* harmony export */   gR: () => (/* binding */ buildMergeCommit)
/* harmony export */ });
/* unused harmony exports INTEGRATION_MESSAGE, DOCS_MESSAGE, ensembleTrailers, conflictMarkersIn */
/* harmony import */ var _plan_graph_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(18703);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);
/* harmony import */ var _workspace_commit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48656);
/* harmony import */ var _workspace_git_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(10297);
/* harmony import */ var _workspace_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(30514);
/* harmony import */ var _workspace_patch_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(93515);
/* harmony import */ var _workspace_patched_tree_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17911);







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
/** Why a whole-change patch does not apply where it must: `PatchApplyError` naming it. */
function applyError(name, run, applied) {
    return new PatchApplyError(name, `${name} does not apply to the base ${run.baseSha}: ${applied.detail}`, applied.conflictingFiles.length > 0 ? `conflicts in ${applied.conflictingFiles.join(', ')}` : applied.detail);
}
/** Commits `tree` on `parent` as ensemble, with the trailers: one `git commit-tree`. */
function commitAs(git, tree, parent, subject, trailers) {
    return (0,_workspace_commit_js__WEBPACK_IMPORTED_MODULE_1__/* .writeCommit */ .rV)(git, {
        tree,
        parents: [parent],
        message: (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_3__/* .withTrailers */ .jX)(subject, trailers),
        author: ENSEMBLE_AUTHOR,
    });
}
/**
 * One fix round's commit on `parent`: its tree is the base plus the round's `change.patch`. Null
 * when the tree is the parent's.
 */
async function commitRound(git, run, parent, round) {
    const applied = await (0,_workspace_patched_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .patchedTree */ .Af)(git, run.baseSha, round.change);
    if (!applied.ok)
        throw applyError(`fix round ${round.document.round}'s change.patch`, run, applied);
    if (applied.tree === parent.tree)
        return null;
    const subject = round.document.commitMessage;
    const trailers = ensembleTrailers(run, 'fix', null, round.document.round);
    const sha = await commitAs(git, applied.tree, parent.sha, subject, trailers);
    return { sha, tree: applied.tree, subject, trailers };
}
/**
 * A follow-up run's commits: one per re-tested fix round, on the pull request's head `headSha`
 * (people's commits on it stay; nothing is rewritten). Each round's tree is the base plus its
 * `change.patch`, which runs from the base to the head with the round's fix.
 */
async function buildFollowUpCommits(input) {
    const git = (0,_workspace_git_js__WEBPACK_IMPORTED_MODULE_2__/* .hardenedGit */ .YW)(input.repoDir);
    const commits = [];
    let head = await (0,_workspace_commit_js__WEBPACK_IMPORTED_MODULE_1__/* .headOf */ .Uo)(git, input.headSha);
    for (const round of input.rounds) {
        const made = await commitRound(git, input.run, head, round);
        if (!made)
            continue;
        const { sha, tree, subject, trailers } = made;
        const message = (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_3__/* .withTrailers */ .jX)(subject, trailers);
        commits.push({
            sha,
            parent: head.sha,
            tree,
            parentTree: head.tree,
            stage: 'fix',
            taskId: null,
            subject,
            trailers,
            message,
        });
        head = { sha, tree };
    }
    return { commits, head: head.sha, notes: [] };
}
/** A merge that still has conflict markers in files it conflicted in: it cannot be published. */
class UnresolvedConflictError extends Error {
    name = 'UnresolvedConflictError';
    files;
    constructor(files) {
        super(`conflict markers are left in ${files.join(', ')}`);
        this.files = files;
    }
}
/**
 * A base merge's commit: ONE merge commit on the pull request's head `headSha`, second parent the
 * base's commit `merge.baseSha` (the run's base), whose tree is the base plus the last re-tested
 * round's `change.patch` (the merge as the fix round resolved it). No commit when no round was
 * taken; `UnresolvedConflictError` when a conflicted file still holds conflict markers.
 */
async function buildMergeCommit(input) {
    const chain = await buildFollowUpCommits(input);
    const last = chain.commits.at(-1);
    if (last === undefined)
        return chain;
    const left = await conflictMarkersIn(input.repoDir, last.tree, input.merge.conflicts);
    if (left.length > 0)
        throw new UnresolvedConflictError(left);
    const { merge } = input;
    const subject = `Merge ${merge.base} into ${input.branch}\n\n` +
        `${merge.base} moved to ${merge.baseSha.slice(0, 12)}; ensemble resolved the conflicts in ` +
        `${merge.conflicts.join(', ')} and re-tested the result.`;
    const trailers = ensembleTrailers(input.run, 'fix');
    const sha = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_3__/* .commitTree */ .SC)(input.repoDir, {
        tree: last.tree,
        parentSha: input.headSha,
        otherParents: [merge.baseSha],
        message: subject,
        trailers,
        author: ENSEMBLE_AUTHOR,
    });
    const commit = {
        sha: sha,
        parent: input.headSha,
        otherParents: [merge.baseSha],
        tree: last.tree,
        parentTree: (await (0,_workspace_commit_js__WEBPACK_IMPORTED_MODULE_1__/* .headOf */ .Uo)((0,_workspace_git_js__WEBPACK_IMPORTED_MODULE_2__/* .hardenedGit */ .YW)(input.repoDir), input.headSha)).tree,
        stage: 'fix',
        taskId: null,
        subject,
        trailers,
        message: (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_3__/* .withTrailers */ .jX)(subject, trailers),
    };
    return { commits: [commit], head: commit.sha, notes: [] };
}
/** The files among `paths` whose blob in `tree` still has a conflict marker line. */
async function conflictMarkersIn(repoDir, tree, paths) {
    if (paths.length === 0)
        return [];
    const git = (0,_workspace_git_js__WEBPACK_IMPORTED_MODULE_2__/* .hardenedGit */ .YW)(repoDir);
    const found = await git.run(['grep', '-l', '-I', '-E', '^(<{7}|>{7})( |$)', tree, '--', ...paths], {
        what: `look for conflict markers in ${tree}`,
        okCodes: [0, 1],
    });
    // `git grep` names each file as `<tree>:<path>`.
    return found.stdout
        .toString()
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(line.indexOf(':') + 1));
}
/** The tree of `head` plus `docs.patch`; `PatchApplyError` when it does not apply or changes nothing. */
async function docsTree(git, head, patch, protectedPaths) {
    if (protectedPaths)
        await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_3__/* .assertNoProtectedPaths */ .IU)(patch, protectedPaths, `the patch to commit on ${head.sha}`, git.cwd);
    const what = `commit a patch on ${head.sha} in ${git.cwd}`;
    let problem;
    try {
        if (patch.trim() === '')
            problem = `${what}: the patch is empty`;
        else {
            const applied = await (0,_workspace_patched_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .patchedTree */ .Af)(git, head.tree, patch);
            if (applied.ok && applied.tree !== head.tree)
                return applied.tree;
            if (applied.ok)
                problem = `${what}: the patch changes nothing in that commit's tree`;
            else {
                const where = applied.conflictingFiles.length ? ` (conflicts in ${applied.conflictingFiles.join(', ')})` : '';
                problem = `${what}: the patch does not apply${where}: ${applied.detail}`;
            }
        }
    }
    catch (error) {
        problem = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error);
    }
    const detail = problem.split('\n')[0] ?? '';
    throw new PatchApplyError('docs.patch', `docs.patch does not apply on top of change.patch: ${detail}`, detail);
}
/**
 * The tree of `head` plus a task's patch when this process made it already (`warmCommitSequence`),
 * kept by the tree before the patch. Null when not, or when the patch did not apply there.
 */
async function integratedTree(git, head, patch) {
    const known = (0,_workspace_patched_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .knownPatchedTree */ .FP)(git, head.tree, patch);
    const made = await known?.catch(() => null);
    return made?.ok ? made.tree : null;
}
/** The tasks that get a commit of their own, in commit order: done, with a change (the test stage may still leave one out). */
function committedTasks(plan, tasks) {
    const byId = new Map(tasks.map((t) => [t.document.taskId, t]));
    return (0,_plan_graph_js__WEBPACK_IMPORTED_MODULE_6__/* .dependencyOrder */ .g1)(plan.tasks).flatMap((id) => {
        const task = byId.get(id);
        return task && task.document.status === 'done' && task.patch !== '' ? [task] : [];
    });
}
/**
 * Asks git ahead what `buildCommitSequence` will ask it about the task commits and
 * `checkRunOutputs` about what they disclose, where none of it depends on the later stages:
 * the base's tree, each task's tree on the one before, the diff between them. Run while the
 * repository's commands run (`duringCommand`): it reads objects, no worktree, and only fills
 * caches (`headOf`, `patchedTree`, `diffTrees`) that the publish finds filled.
 */
async function warmCommitSequence(input) {
    const git = (0,_workspace_git_js__WEBPACK_IMPORTED_MODULE_2__/* .hardenedGit */ .YW)(input.repoDir);
    let tree = (await (0,_workspace_commit_js__WEBPACK_IMPORTED_MODULE_1__/* .headOf */ .Uo)(git, input.run.baseSha)).tree;
    for (const task of committedTasks(input.plan, input.tasks)) {
        const made = await (0,_workspace_patched_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .patchedTree */ .Af)(git, tree, task.patch);
        // A patch that does not apply here is one the test stage resolves: the publish folds it.
        if (!made.ok)
            return;
        await (0,_workspace_patch_js__WEBPACK_IMPORTED_MODULE_4__/* .diffTrees */ .j_)(git, tree, made.tree);
        tree = made.tree;
    }
}
/**
 * Makes the run's commits on top of the base SHA as local objects. A task whose patch does not
 * apply on its own (a conflict the testing agent resolved) is folded into the integration commit
 * with a note; `change.patch` must apply to the base and `docs.patch` on top of it, else
 * `PatchApplyError`. The task commits are made one after the other in one temporary index; the
 * integration, round and docs trees are "tree plus patch" (`patchedTree`), which the review and
 * docs stages of the same process have made already.
 */
async function buildCommitSequence(input) {
    const notes = [];
    const integrated = new Map((input.test?.integration ?? []).map((r) => [r.taskId, r.result]));
    const commits = [];
    const git = (0,_workspace_git_js__WEBPACK_IMPORTED_MODULE_2__/* .hardenedGit */ .YW)(input.repoDir);
    let head = await (0,_workspace_commit_js__WEBPACK_IMPORTED_MODULE_1__/* .headOf */ .Uo)(git, input.run.baseSha);
    const push = (made, stage, taskId, subject, trailers) => {
        const message = (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_3__/* .withTrailers */ .jX)(subject, trailers);
        const commit = { sha: made.sha, parent: head.sha, tree: made.tree, parentTree: head.tree, stage, taskId };
        commits.push({ ...commit, subject, trailers, message });
        head = made;
    };
    await (0,_workspace_patched_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .withScratchIndex */ .LC)(git, async (index) => {
        // The tree the index holds: a task whose tree is known already leaves it as it was.
        let indexHolds = null;
        for (const task of committedTasks(input.plan, input.tasks)) {
            const taskId = task.document.taskId;
            const result = integrated.get(taskId);
            if (input.test && result !== 'applied' && result !== 'resolved')
                continue;
            const subject = input.taskMessage ? input.taskMessage(task.document) : task.document.commitMessage;
            const trailers = ensembleTrailers(input.run, 'code', taskId);
            let tree;
            try {
                const made = await integratedTree(git, head, task.patch);
                if (made === null && indexHolds !== head.tree) {
                    await index.read(head.tree);
                    indexHolds = head.tree;
                }
                const known = made === null ? {} : { made };
                tree = await (0,_workspace_commit_js__WEBPACK_IMPORTED_MODULE_1__/* .treeWithPatch */ .n$)(git, index, head, task.patch, { protectedPaths: input.protectedPaths, ...known });
                if (made === null)
                    indexHolds = tree;
            }
            catch (error) {
                // A patch whose conflict the testing agent resolved may not apply on its own; its content
                // arrives with the integration commit below.
                notes.push(`task ${taskId} is folded into the integration commit: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error).split('\n')[0]}`);
                continue;
            }
            push({ sha: await commitAs(git, tree, head.sha, subject, trailers), tree }, 'code', taskId, subject, trailers);
        }
    });
    const change = await (0,_workspace_patched_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .patchedTree */ .Af)(git, input.run.baseSha, input.changePatch);
    if (!change.ok)
        throw applyError('change.patch', input.run, change);
    if (change.tree !== head.tree) {
        const subject = input.test?.testsAdded.length ? INTEGRATION_MESSAGE.withTests : INTEGRATION_MESSAGE.plain;
        const trailers = ensembleTrailers(input.run, 'test');
        const sha = await commitAs(git, change.tree, head.sha, subject, trailers);
        push({ sha, tree: change.tree }, 'test', null, subject, trailers);
    }
    for (const round of input.rounds ?? []) {
        const made = await commitRound(git, input.run, head, round);
        if (made)
            push(made, 'fix', null, made.subject, made.trailers);
    }
    if (input.docs && input.docs.patch !== '') {
        const trailers = ensembleTrailers(input.run, 'docs');
        const tree = await docsTree(git, head, input.docs.patch, input.protectedPaths);
        push({ sha: await commitAs(git, tree, head.sha, DOCS_MESSAGE, trailers), tree }, 'docs', null, DOCS_MESSAGE, trailers);
    }
    return { commits, head: head.sha, notes };
}


/***/ }),

/***/ 72442:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hP: () => (/* binding */ keyedTexts),
/* harmony export */   tA: () => (/* binding */ composeTexts),
/* harmony export */   zO: () => (/* binding */ mapTexts)
/* harmony export */ });
/* harmony import */ var _render_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14059);
/* harmony import */ var _review_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59039);
/* harmony import */ var _review_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68735);



function composeTexts(options) {
    const { artifacts, change, allowedHost } = options;
    const { plan, docs } = artifacts;
    // The PR tells the change as it stands: after the last re-tested fix round, if any.
    const first = { test: artifacts.test, change: artifacts.changePatch ?? '', reviews: artifacts.reviews };
    const { test, reviews } = (0,_review_index_js__WEBPACK_IMPORTED_MODULE_1__/* .finalState */ .A9)(first, artifacts.fix);
    const { run } = plan;
    const placement = { runId: run.runId, allowedHost };
    const review = reviews.length > 0 ? (0,_review_js__WEBPACK_IMPORTED_MODULE_2__/* .planReview */ .Kp)(reviews, change.prDiff, options.blockOn, placement) : null;
    const title = plan.request.title.trim() === '' ? `ensemble run ${run.runId}` : plan.request.title;
    const prBody = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_0__/* .renderPrBody */ .BN)({
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


/***/ }),

/***/ 68735:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kp: () => (/* binding */ planReview),
/* harmony export */   Xc: () => (/* binding */ postReview)
/* harmony export */ });
/* unused harmony export CHANGES_REQUESTED_NOTE */
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9452);
/* harmony import */ var _github_write_once_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32192);
/* harmony import */ var _render_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14059);
/* harmony import */ var _review_diff_lines_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(31167);
/* harmony import */ var _review_findings_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92696);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(99661);






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
    const outcome = (0,_review_findings_js__WEBPACK_IMPORTED_MODULE_3__/* .combineReviews */ .bu)(reviews, prDiff, blockOn);
    const fingerprint = (0,_review_findings_js__WEBPACK_IMPORTED_MODULE_3__/* .findingsFingerprint */ .Ju)(outcome);
    const marker = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .reviewMarker */ .vU)(options.runId, fingerprint);
    const render = { allowedHost: options.allowedHost };
    const comments = [];
    for (const finding of outcome.findings) {
        if (finding.line === null)
            continue;
        const file = (0,_review_diff_lines_js__WEBPACK_IMPORTED_MODULE_5__/* .findDiffFile */ .tZ)(prDiff, finding.path);
        if (!file)
            continue;
        const end = finding.endLine ?? finding.line;
        comments.push({
            path: file.path,
            line: end,
            side: 'RIGHT',
            ...(end > finding.line ? { start_line: finding.line, start_side: 'RIGHT' } : {}),
            body: withFindingMarker(finding.id, (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .renderInlineComment */ .P7)(finding, { ...render, fileLines: (0,_review_diff_lines_js__WEBPACK_IMPORTED_MODULE_5__/* .rightSideLines */ .Jc)(file) })),
        });
    }
    const body = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .renderReviewBody */ .de)(outcome, { ...render, runId: options.runId, limit: BODY_LIMIT });
    const unplaced = {
        ...outcome,
        findings: outcome.findings.map((f) => ({ ...f, line: null, endLine: null })),
    };
    const unplacedBody = `${marker}\n${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .renderReviewBody */ .de)(unplaced, { ...render, limit: BODY_LIMIT })}`;
    return {
        outcome,
        fingerprint,
        event: (0,_review_findings_js__WEBPACK_IMPORTED_MODULE_3__/* .githubReviewEvent */ .ke)(outcome.verdict),
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
    return id === null ? body : `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .findingMarker */ .iY)(id)}\n${body}`;
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
        const found = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .findMarker */ .Ed)(reviews[i].body, 'review');
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
        const { value } = await (0,_github_write_once_js__WEBPACK_IMPORTED_MODULE_1__/* .writeOnce */ .F)(octokit, {
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
                const found = (await listReviews(octokit, repo, pull)).find((r) => !seen.has(r.id) && (0,_render_index_js__WEBPACK_IMPORTED_MODULE_2__/* .findMarker */ .Ed)(r.body, 'review')?.fields['findings'] === plan.fingerprint);
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
            if (plan.event !== 'REQUEST_CHANGES' || (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) !== 422 || !OWN_PULL.test((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)))
                throw error;
            const made = await attempt('COMMENT', commentBody, comments);
            return { ...made, outcome: 'posted', event: 'COMMENT', unplaced };
        }
    };
    try {
        return await post(false);
    }
    catch (error) {
        const message = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error);
        if (plan.comments.length === 0 || (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) !== 422 || OWN_PULL.test(message))
            throw error;
        if (!PLACEMENT.test(message))
            throw error;
        log.warn(`GitHub refused the placement of an inline comment (${message}); ` +
            'posting every finding in the review body instead');
        return post(true);
    }
}


/***/ })

};
