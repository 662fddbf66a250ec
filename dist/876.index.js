export const id = 876;
export const ids = [876];
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
/* harmony export */   Py: () => (/* binding */ buildCommitSequence)
/* harmony export */ });
/* unused harmony exports ENSEMBLE_AUTHOR, INTEGRATION_MESSAGE, DOCS_MESSAGE, ensembleTrailers */
/* harmony import */ var _plan_graph_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18703);
/* harmony import */ var _workspace_git_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(10297);
/* harmony import */ var _workspace_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(24754);



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
const INTEGRATION_MESSAGE = { withTests: 'Integrate the tasks and add tests', plain: 'Integrate the tasks' };
const DOCS_MESSAGE = 'Update the documentation';
function ensembleTrailers(run, stage, taskId) {
    return {
        'Ensemble-Run': run.runId,
        'Ensemble-Stage': stage,
        ...(taskId ? { 'Ensemble-Task': taskId } : {}),
    };
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
    const git = (0,_workspace_git_js__WEBPACK_IMPORTED_MODULE_0__/* .hardenedGit */ .YW)(input.repoDir);
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
            message: (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_1__/* .withTrailers */ .jX)(subject, trailers),
        });
        head = sha;
    };
    for (const taskId of (0,_plan_graph_js__WEBPACK_IMPORTED_MODULE_2__/* .dependencyOrder */ .g1)(input.plan.tasks)) {
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
            sha = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_1__/* .commitPatch */ .q1)(input.repoDir, {
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
            notes.push(`task ${taskId} is folded into the integration commit: ${error.message.split('\n')[0]}`);
            continue;
        }
        await push(sha, 'code', taskId, subject, trailers);
    }
    const worktree = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_1__/* .createWorktree */ .MV)(input.repoDir, input.run.baseSha, { prefix: 'ensemble-publish-' });
    try {
        if (input.changePatch !== '') {
            const applied = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_1__/* .applyWithConflictMarkers */ .cz)(worktree.dir, input.changePatch);
            if (!applied.ok) {
                throw new PatchApplyError('change.patch', `change.patch does not apply to the base ${input.run.baseSha}: ${applied.detail}`, applied.conflictingFiles.length > 0 ? `conflicts in ${applied.conflictingFiles.join(', ')}` : applied.detail);
            }
        }
        const { tree } = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_1__/* .diffAgainstBase */ .CM)(worktree.dir, input.run.baseSha);
        const subject = input.test?.testsAdded.length ? INTEGRATION_MESSAGE.withTests : INTEGRATION_MESSAGE.plain;
        const trailers = ensembleTrailers(input.run, 'test');
        const integration = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_1__/* .commitTree */ .SC)(input.repoDir, { tree, parentSha: head, message: subject, trailers, author: ENSEMBLE_AUTHOR });
        if (integration)
            await push(integration, 'test', null, subject, trailers);
    }
    finally {
        await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_1__/* .removeWorktree */ .IL)(worktree);
    }
    if (input.docs && input.docs.patch !== '') {
        const trailers = ensembleTrailers(input.run, 'docs');
        let sha;
        try {
            sha = await (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_1__/* .commitPatch */ .q1)(input.repoDir, {
                parentSha: head,
                patch: input.docs.patch,
                message: DOCS_MESSAGE,
                trailers,
                author: ENSEMBLE_AUTHOR,
                ...(input.protectedPaths ? { protectedPaths: input.protectedPaths } : {}),
            });
        }
        catch (error) {
            if (error instanceof _workspace_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ProtectedPathError */ ._o)
                throw error;
            const detail = error.message.split('\n')[0] ?? '';
            throw new PatchApplyError('docs.patch', `docs.patch does not apply on top of change.patch: ${detail}`, detail);
        }
        await push(sha, 'docs', null, DOCS_MESSAGE, trailers);
    }
    return { commits, head, notes };
}


/***/ }),

/***/ 93876:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
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
// EXTERNAL MODULE: ./lib/github/octokit.js + 3 modules
var github_octokit = __webpack_require__(15687);
// EXTERNAL MODULE: ./lib/model/keys.js
var keys = __webpack_require__(61261);
// EXTERNAL MODULE: ./lib/contracts/common.js
var common = __webpack_require__(60574);
// EXTERNAL MODULE: ./lib/github/errors.js
var errors = __webpack_require__(9452);
// EXTERNAL MODULE: ./lib/github/issues.js
var issues = __webpack_require__(375);
// EXTERNAL MODULE: ./lib/render/index.js + 10 modules
var lib_render = __webpack_require__(43229);
// EXTERNAL MODULE: ./lib/workspace/commit.js
var commit = __webpack_require__(48656);
// EXTERNAL MODULE: ./lib/workspace/diff/index.js + 4 modules
var diff = __webpack_require__(75585);
// EXTERNAL MODULE: ./lib/workspace/git.js
var workspace_git = __webpack_require__(10297);
// EXTERNAL MODULE: ./lib/workspace/patch.js
var workspace_patch = __webpack_require__(93515);
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
            const message = `${artifact}: ${file} belongs to another run (run ${run.runId} of ${run.repository} at ${run.baseSha.slice(0, 12)}), not to the plan's run ${plan.run.runId} at ${plan.run.baseSha.slice(0, 12)}`;
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
    const firstLine = (text) => text.split('\n')[0] ?? '';
    /** A stage whose artifact is missing or does not validate: reported as failed, with why. */
    const unreadable = (stage, artifact, result) => stages.push({ stage, artifact, state: 'failed', status: result.missing ? 'no artifact' : 'invalid artifact', detail: result.message });
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
            state: document.status === 'failed' ? 'failed' : document.status === 'no-change' ? 'warn' : 'ok',
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
            const counts = test.passed === null && test.failed === null ? '' : ` (${test.passed ?? '?'} passed, ${test.failed ?? '?'} failed)`;
            stages.push({
                stage: 'test',
                artifact: names/* ARTIFACTS */.ym.test,
                state: test.status === 'passed' ? 'ok' : test.status === 'no-tests' ? 'warn' : 'failed',
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
        stages.push({ stage: 'docs', artifact: names/* ARTIFACTS */.ym.docs, state: 'skipped', status: 'disabled', detail: 'stages.docs.enabled is false' });
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
                const message = `${names/* ARTIFACTS */.ym.docs} has no docs.patch, but the docs stage says it updated the docs; re-run the docs job`;
                invalid.push({ artifact: names/* ARTIFACTS */.ym.docs, message });
                stages.push({ stage: 'docs', artifact: names/* ARTIFACTS */.ym.docs, state: 'failed', status: 'invalid artifact', detail: message });
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
    return { plan, tasks, test, changePatch, reviews, docs, stages, invalid };
}

// EXTERNAL MODULE: ./lib/publish/branch.js
var publish_branch = __webpack_require__(77619);
// EXTERNAL MODULE: ./lib/publish/commits.js
var commits = __webpack_require__(54673);
// EXTERNAL MODULE: ./lib/github/write-once.js
var write_once = __webpack_require__(32192);
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
        const { data } = await (0,errors/* githubCall */.Mc)({ action: `upload the content of ${change.path}`, permission: 'contents: write' }, () => octokit.rest.git.createBlob({ owner: repo.owner, repo: repo.repo, content: bytes.toString('base64'), encoding: 'base64' }));
        if (data.sha !== change.newSha) {
            throw new Error(`GitHub stored ${change.path} as blob ${data.sha}, but its content is blob ${change.newSha} here; nothing was published`);
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
        if (data.tree.sha !== want.tree || data.message.replace(/\n+$/, '') !== want.message.replace(/\n+$/, '') || data.parents.length !== 1) {
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
        throw new Error(`the base commit ${baseSha} has tree ${parentTree} on GitHub but ${localBaseTree} in the checkout; nothing was published`);
    }
    let localParentTree = localBaseTree;
    const pushed = [];
    for (const commit of commits) {
        const edits = await treeEdits(octokit, repo, repoDir, localParentTree, commit.tree);
        const { data: tree } = await (0,errors/* githubCall */.Mc)({ action: `create a tree in ${where}`, permission: 'contents: write' }, () => octokit.rest.git.createTree({ owner: repo.owner, repo: repo.repo, base_tree: parentTree, tree: edits }));
        if (tree.sha !== commit.tree) {
            throw new Error(`GitHub built tree ${tree.sha} where the checkout has ${commit.tree} (commit ${commit.sha}); the branch was not updated, nothing was published`);
        }
        const { data: made } = await (0,errors/* githubCall */.Mc)({ action: `create a commit in ${where}`, permission: 'contents: write' }, () => octokit.rest.git.createCommit({ owner: repo.owner, repo: repo.repo, message: commit.message, tree: tree.sha, parents: [parent] }));
        pushed.push({ sha: made.sha, tree: tree.sha });
        parent = made.sha;
        parentTree = tree.sha;
        localParentTree = commit.tree;
    }
    return pushed;
}
/** The commit `refs/heads/<branch>` points at on GitHub, or null when there is no such branch. */
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
        if ((0,errors/* statusOf */.c2)(error) === 422 && /already exists/i.test(error.message))
            return update();
        throw error;
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./lib/config/instructions.js
var instructions = __webpack_require__(70417);
// EXTERNAL MODULE: ./lib/render/markdown.js
var markdown = __webpack_require__(43419);
// EXTERNAL MODULE: ./lib/render/safe.js
var safe = __webpack_require__(85303);
// EXTERNAL MODULE: ./lib/secrets/scan.js
var scan = __webpack_require__(51512);
// EXTERNAL MODULE: ./lib/workspace/glob.js
var workspace_glob = __webpack_require__(84659);
;// CONCATENATED MODULE: ./lib/publish/policy.js
/**
 * The safe-output policy: what `publish` checks, all or nothing, before it writes anything.
 * A refusal names its rule, where (the patch and file, or the text), and what was found, never
 * the secret itself; `formatRefusals` turns refusals into a message a user can act on.
 *
 * Rules:
 * - `protected-path`: no patch touches a protected path, both sides of a rename included. Paths
 *   are read twice, by `pathsInPatch` and by git (`git apply --numstat`), so that a header one
 *   reader misreads cannot hide a path. Default patterns: `defaultPublishProtectedPaths`.
 * - `unreadable-patch`: a patch whose file names (or binary content) cannot be read cannot be
 *   checked, so it is refused (fail closed).
 * - `patch-size` / `file-count`: the total bytes (UTF-8) of all patches, and the distinct paths
 *   they touch (a rename touches two), stay within `maxPatchBytes` / `maxFiles`.
 * - `binary-size`: one binary hunk that inflates to more than `maxPatchBytes` is refused before it
 *   is inflated (a few kilobytes of patch can hold gigabytes of zeros).
 * - `credential` / `secret-value`: no patch or text holds a credential pattern or one of the
 *   secret values the step was given (see `secrets.ts`).
 * - `mention-flood`: a text with more than `maxMentions` (default 10) distinct live `@mentions`
 *   is refused; below that they are neutralised.
 *
 * What is scanned in a patch: added lines, the new names of added, renamed and copied files, and
 * the new content of binary files (a `literal` hunk decoded in full, the inserted data of a
 * `delta` hunk). Removed and context lines are not: they are in the base commit already, so
 * publishing does not disclose them, and a change that deletes a committed key must be able to.
 * The reverse hunk of a binary patch (the old content) is skipped for the same reason.
 *
 * Sanitising (never a refusal): invisible characters removed (but U+200B, which the renderers
 * insert to neutralise and which hides nothing), links to hosts other than `allowedHost` made
 * inert and `@mentions` neutralised (`render/safe.ts`), titles put on one line and capped at 256
 * characters, bodies capped at 65,536 with a truncation note (`truncateMarkdown`). The texts
 * include rendered documents that carry ensemble's own hidden marker, `<details>` and `Closes #n`,
 * so HTML and closing keywords are left to the renderers (which neutralise every untrusted part
 * with `safeBlock`/`safeInline`); pass model text that did not go through a renderer as
 * `kind: 'raw'` to have all of `safeBlock` applied. Every transform is idempotent on text a
 * renderer produced.
 */









const DEFAULT_MAX_MENTIONS = 10;
const MAX_TITLE_CHARS = 256;
const MAX_BODY_CHARS = 65_536;
// ---------------------------------------------------------------------------------------------
// protected paths
/** A repository-relative path as a pattern that matches exactly that path (anchored, glob characters escaped). */
function literalPattern(path) {
    return `/${path
        .replace(/^(?:\.\/)+/, '')
        .replace(/^\/+/, '')
        .replace(/[*?[\\]/g, '\\$&')}`;
}
/**
 * The paths `publish` protects by default: workflows, the ensemble configuration file
 * (`configPath`, repository-relative) and the instruction files agents read (`AGENTS.md` and
 * `CLAUDE.md` at any depth, `.github/copilot-instructions.md`).
 */
function defaultPublishProtectedPaths(configPath = DEFAULT_CONFIG_PATH) {
    return publishProtectedPaths(['.github/workflows/**'], configPath);
}
/**
 * `configured` (the config's `protected-paths`, `.github/workflows/**` unless changed) plus the
 * configuration file and the instruction files, which steer the agents and are always protected.
 */
function publishProtectedPaths(configured, configPath = load/* DEFAULT_CONFIG_PATH */.Bi) {
    return [...new Set([...configured, literalPattern(configPath), ...instructions/* INSTRUCTION_FILES */.XI])];
}
/** The patch's per-file sections (`splitSections`), each with the first change it makes as `pathsInPatch` reads it. */
function sections(patch) {
    return (0,diff/* splitSections */.nO)(patch).map((text) => {
        const change = (0,workspace_patch/* pathsInPatch */.QY)(text)[0] ?? null;
        const usable = change !== null && change.path !== '' && change.oldPath !== '';
        const plusPath = /^\+\+\+ (?:b\/)?([^\t\n]+)/m.exec(text)?.[1];
        const shownPath = usable ? change.path : (plusPath ?? '(a file whose name cannot be read)');
        return { text, change: usable ? change : null, shownPath };
    });
}
/** Secret values and credential patterns in `text`; `at` says where a line is. */
function scanText(text, needles, where, at) {
    const refusals = [];
    for (const hit of (0,scan/* findSecretValues */.sD)(text, needles)) {
        refusals.push({ rule: 'secret-value', where, detail: `${(0,scan/* describeSecretHit */.Fk)(hit)} ${at(hit.line)}` });
    }
    for (const hit of (0,scan/* findCredentials */.gD)(text, needles)) {
        refusals.push({ rule: 'credential', where, detail: `${hit.pattern.name} ${hit.shown} ${at(hit.line)}` });
    }
    return refusals;
}
/** Credentials and secret values in what `section` adds: its new file name, added lines and new binary content. */
function scanSection(section, label, scanner, maxBytes) {
    const where = `${label}: ${section.shownPath}`;
    const refusals = [];
    const change = section.change;
    if (change && change.kind !== 'modified' && change.kind !== 'deleted') {
        refusals.push(...scanText(change.path, scanner.needles, where, () => 'in the file name'));
    }
    const lines = section.text.split('\n');
    let inHunk = false;
    let newLine = 0;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (line.startsWith('@@')) {
            inHunk = true;
            newLine = Number(/^@@ -\d+(?:,\d+)? \+(\d+)/.exec(line)?.[1] ?? 1);
            continue;
        }
        if (!inHunk) {
            if (line.replace(/\r$/, '') === 'GIT binary patch') {
                const content = (0,diff/* forwardBinary */.vA)(lines, i + 1, maxBytes);
                if (content.ok) {
                    // One byte per character; NUL between inserted chunks so that no match spans two of them.
                    const bytes = content.chunks.map((c) => c.toString('latin1')).join('\0');
                    refusals.push(...scanText(bytes, scanner.binaryNeedles, where, () => 'in the new binary content'));
                }
                else if (content.tooLarge !== null) {
                    refusals.push({
                        rule: 'binary-size',
                        where,
                        detail: `a binary hunk inflates to ${content.tooLarge.toLocaleString('en-US')} bytes, more than the limit of ${maxBytes.toLocaleString('en-US')} (limits.max-patch-bytes)`,
                    });
                }
                else {
                    refusals.push({
                        rule: 'unreadable-patch',
                        where,
                        detail: 'the binary patch cannot be decoded, so it cannot be checked for credentials',
                    });
                }
                break;
            }
            continue; // header lines: names were read above
        }
        if (line.startsWith('+')) {
            const lineNo = newLine;
            refusals.push(...scanText(line.slice(1), scanner.needles, where, () => `on line ${lineNo}`));
            newLine++;
        }
        else if (line.startsWith('-') || line.startsWith('\\')) {
            // removed (already in the base) or "\ No newline at end of file"
        }
        else {
            newLine++;
        }
    }
    return refusals;
}
function describeTouch(change, path) {
    if (!change)
        return `touches ${path}`;
    if (change.kind === 'renamed' && change.oldPath === path)
        return `renames ${path} to ${change.path}`;
    if (change.kind === 'renamed')
        return `renames ${change.oldPath} to ${path}`;
    if (change.kind === 'copied' && change.oldPath === path)
        return `copies ${path} to ${change.path}`;
    if (change.kind === 'copied')
        return `copies ${change.oldPath} to ${path}`;
    const verb = { added: 'adds', deleted: 'deletes', modified: 'modifies' };
    return `${verb[change.kind]} ${path}`;
}
// ---------------------------------------------------------------------------------------------
// texts
/** Removes invisible characters except U+200B, which the renderers insert to neutralise constructs (see module comment). */
function stripHiddenKeepingZwsp(text) {
    return text.split('\u200b').map(safe/* stripHidden */.Pz).join('\u200b');
}
/** Distinct live `@mentions` (case-insensitive) outside column-0 fenced code and inline code spans (GitHub notifies neither). */
function liveMentions(text, mode) {
    const prose = mode === 'inline'
        ? [text]
        : (0,safe/* splitFences */.rD)(text)
            .segments.filter((s) => !s.code)
            .map((s) => s.text);
    const names = new Set();
    for (const part of prose) {
        const outsideSpans = part.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, ' ');
        for (const m of outsideSpans.matchAll(/(?<![A-Za-z0-9_])@([A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][A-Za-z0-9_.-]*)?)/g)) {
            names.add(m[1].replace(/\.+$/, '').toLowerCase());
        }
    }
    return [...names];
}
function kindOf(text) {
    return text.kind ?? (/title$/i.test(text.label.trim()) ? 'title' : 'body');
}
function capTitle(text, max) {
    if (text.length <= max)
        return { text, truncated: false };
    let end = max - 1;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        end--;
    return { text: `${text.slice(0, end).trimEnd()}…`, truncated: true };
}
/** A text as `publish` writes it (see the module comment); never refuses. */
function sanitiseText(text, kind, options) {
    const host = options.allowedHost;
    if (kind === 'title') {
        let out = stripHiddenKeepingZwsp(text)
            .replace(/\s*[\r\n]+\s*/g, ' ')
            .trim();
        out = (0,safe/* neutraliseMentions */.yY)((0,safe/* limitLinks */.R_)(out, host, { mode: 'inline' }), { mode: 'inline' });
        return capTitle(out, options.maxTitleChars ?? MAX_TITLE_CHARS);
    }
    const out = kind === 'raw'
        ? (0,safe/* safeBlock */.BW)(text, { allowedHost: host })
        : (0,safe/* neutraliseMentions */.yY)((0,safe/* limitLinks */.R_)(stripHiddenKeepingZwsp(text), host, { mode: 'block' }), { mode: 'block' });
    const max = options.maxBodyChars ?? MAX_BODY_CHARS;
    const capped = (0,markdown/* truncateMarkdown */.o4)(out, { unit: 'chars', max });
    return { text: capped, truncated: capped !== out };
}
// ---------------------------------------------------------------------------------------------
// the check
/**
 * Checks every patch and text against the policy (module comment). All or nothing: either every
 * text, sanitised, or every refusal. Throws only on an invalid protected-path pattern.
 */
async function checkSafeOutputs(input, options) {
    const refusals = [];
    const globs = options.protectedPaths.map(workspace_glob/* compileGlob */.SO);
    const needles = (0,scan/* secretNeedles */.h9)(options.secretValues ?? []);
    const scanner = { needles, binaryNeedles: (0,scan/* byteNeedles */.VU)(needles) };
    const allPaths = new Set();
    let patchBytes = 0;
    for (const { label, patch } of input.patches) {
        if (patch === '')
            continue;
        patchBytes += Buffer.byteLength(patch, 'utf8');
        const parts = sections(patch);
        const changes = parts.flatMap((s) => (s.change ? [s.change] : []));
        for (const part of parts) {
            if (!part.change && part.text.startsWith('diff --git ')) {
                refusals.push({
                    rule: 'unreadable-patch',
                    where: `${label}: ${part.shownPath}`,
                    detail: 'the names of a file this patch changes cannot be read, so its paths cannot be checked',
                });
            }
        }
        let gitPaths = [];
        try {
            gitPaths = await (0,workspace_patch/* pathsGitReads */.ks)(options.gitCwd ?? external_node_os_.tmpdir(), patch);
        }
        catch {
            // git's message may quote the patch; it is not repeated.
            refusals.push({ rule: 'unreadable-patch', where: label, detail: 'git cannot read this patch, so its paths cannot be checked' });
        }
        const paths = [...(0,workspace_patch/* touchedPaths */.Pq)(changes), ...gitPaths].filter((p) => p !== '');
        const reported = new Set();
        for (const path of paths) {
            allPaths.add(path);
            if (reported.has(path))
                continue;
            reported.add(path);
            const glob = (0,workspace_glob/* matchGlobs */.jv)(path, globs);
            if (!glob)
                continue;
            const change = changes.find((c) => c.path === path || c.oldPath === path);
            refusals.push({
                rule: 'protected-path',
                where: `${label}: ${path}`,
                detail: `${describeTouch(change, path)}; ${path} is protected by "${glob.pattern}" (protected-paths)`,
            });
        }
        for (const part of parts)
            refusals.push(...scanSection(part, label, scanner, options.maxPatchBytes));
    }
    if (patchBytes > options.maxPatchBytes) {
        const each = input.patches
            .filter((p) => p.patch !== '')
            .map((p) => `${p.label} ${Buffer.byteLength(p.patch, 'utf8').toLocaleString('en-US')}`)
            .join(', ');
        refusals.push({
            rule: 'patch-size',
            where: 'the change',
            detail: `${patchBytes.toLocaleString('en-US')} bytes of patch (${each}), more than the limit of ${options.maxPatchBytes.toLocaleString('en-US')} (limits.max-patch-bytes)`,
        });
    }
    if (allPaths.size > options.maxFiles) {
        refusals.push({
            rule: 'file-count',
            where: 'the change',
            detail: `${allPaths.size.toLocaleString('en-US')} files touched, more than the limit of ${options.maxFiles.toLocaleString('en-US')} (limits.max-files)`,
        });
    }
    const maxMentions = options.maxMentions ?? DEFAULT_MAX_MENTIONS;
    const texts = [];
    for (const entry of input.texts) {
        const kind = kindOf(entry);
        refusals.push(...scanText(entry.text, needles, entry.label, (line) => `on line ${line}`));
        const mentions = liveMentions(stripHiddenKeepingZwsp(entry.text), kind === 'title' ? 'inline' : 'block');
        if (mentions.length > maxMentions) {
            refusals.push({
                rule: 'mention-flood',
                where: entry.label,
                detail: `${mentions.length} distinct @mentions, more than the ${maxMentions} allowed in one text`,
            });
        }
        texts.push({ label: entry.label, ...sanitiseText(entry.text, kind, options) });
    }
    const stats = { patchBytes, files: allPaths.size };
    if (refusals.length > 0)
        return { ok: false, refusals: dedupe(refusals), stats };
    return { ok: true, texts, stats };
}
function dedupe(refusals) {
    const seen = new Set();
    return refusals.filter((r) => {
        const key = `${r.rule}\0${r.where}\0${r.detail}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
// ---------------------------------------------------------------------------------------------
// the message
const HINTS = {
    'protected-path': 'make that change by hand, or remove the pattern from `protected-paths` in the ensemble config',
    'unreadable-patch': 'the artifacts hold the patch; re-run the stage that produced it',
    'patch-size': 'split the request into smaller issues, or raise `limits.max-patch-bytes`',
    'file-count': 'split the request into smaller issues, or raise `limits.max-files`',
    'binary-size': 'add large binary files by hand, or raise `limits.max-patch-bytes`',
    credential: 'remove the credential (and revoke it if it is real); a test should build its canaries at run time',
    'secret-value': "a secret given to the workflow reached the output: revoke it, and check the agents' transcripts",
    'mention-flood': 'the generated text mentions too many people; check the run for prompt injection',
};
/** Control characters shown escaped, so that no line of the message can issue a workflow command. */
function oneLine(text) {
    return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/**
 * The refusals as one message: `publish refused: rule …, in …: …; nothing was written.`, one
 * line per refusal (the first 50), then what to do per rule. Paths and labels are shown on one
 * line and neutralised (mentions, links, HTML), so the message can go into a comment or a log.
 */
function formatRefusals(refusals, options = {}) {
    const host = options.allowedHost ?? 'github.com';
    const max = options.max ?? 50;
    const show = (r) => `rule ${r.rule}, in ${(0,safe/* neutraliseText */.op)(oneLine(r.where), host, 'inline')}: ${(0,safe/* neutraliseText */.op)(oneLine(r.detail), host, 'inline')}`;
    if (refusals.length === 0)
        return 'publish refused nothing.';
    const rules = [...new Set(refusals.map((r) => r.rule))];
    const hints = rules.map((rule) => `- ${rule}: ${HINTS[rule]}`);
    if (refusals.length === 1) {
        return [`publish refused: ${show(refusals[0])}; nothing was written.`, 'What to do:', ...hints].join('\n');
    }
    const lines = refusals.slice(0, max).map((r) => `- ${show(r)}`);
    if (refusals.length > max)
        lines.push(`- … and ${refusals.length - max} more`);
    return [`publish refused (${refusals.length} problems); nothing was written:`, ...lines, 'What to do:', ...hints].join('\n');
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
    const pulls = await (0,errors/* githubCall */.Mc)({ action: `list the pull requests from ${branch} in ${repo.owner}/${repo.repo}`, permission: 'pull-requests: read' }, () => octokit.rest.pulls.list({ owner: repo.owner, repo: repo.repo, state: 'open', head: `${repo.owner}:${branch}`, per_page: 10 }));
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
        operation: { action: `open a pull request from ${fields.branch} into ${fields.base} of ${where}`, permission: 'pull-requests: write' },
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
    await (0,errors/* githubCall */.Mc)({ action: `label pull request #${pull.number} of ${repo.owner}/${repo.repo}`, permission: 'pull-requests: write' }, () => octokit.rest.issues.addLabels({ owner: repo.owner, repo: repo.repo, issue_number: pull.number, labels: [...missing] }));
    return missing;
}

;// CONCATENATED MODULE: ./lib/publish/report.js

const STATE_ICON = { ok: '✅', warn: '⚠️', failed: '❌', skipped: '⏭️' };
const HEADLINE = {
    published: 'ensemble opened a pull request',
    refused: 'ensemble refused to publish this change',
    invalid: 'ensemble could not publish: an artifact is not valid',
    'no-change': 'ensemble has nothing to publish',
    failed: 'ensemble could not finish publishing',
};
function safeUrl(url) {
    return /^https?:\/\/[^\s<>"'`()]+$/.test(url) ? url : null;
}
function body(outcome, options) {
    const ctx = (0,lib_render/* makeCtx */.Gu)({ allowedHost: options.allowedHost });
    const runUrl = safeUrl(options.runUrl);
    const run = runUrl ? `[workflow run](${runUrl})` : 'workflow run';
    const pr = outcome.pr && safeUrl(outcome.pr.url) ? `[#${outcome.pr.number}](${outcome.pr.url})` : outcome.pr ? `#${outcome.pr.number}` : null;
    const lines = [];
    if (pr)
        lines.push(`**Pull request:** ${pr} (${outcome.pr.outcome}) from ${ctx.code(outcome.branch ?? '')}.`);
    else if (outcome.branch)
        lines.push(`**Branch:** ${ctx.code(outcome.branch)} was pushed, but no pull request is open.`);
    if (outcome.review) {
        const review = safeUrl(outcome.review.url) ? `[review](${outcome.review.url})` : 'review';
        const verdict = outcome.review.blocking ? 'changes requested' : 'comments';
        lines.push(`**Review:** ${review}, ${verdict}${outcome.review.outcome === 'unchanged' ? ' (unchanged since the last run, not posted again)' : ''}.`);
    }
    const failed = outcome.stages.filter((s) => s.state === 'failed');
    const rows = outcome.stages.map((s) => [
        ctx.inline(s.stage),
        `${STATE_ICON[s.state]} ${ctx.inline(s.status)}`,
        s.detail.trim() === '' ? '—' : ctx.inline(s.detail.split('\n')[0] ?? ''),
    ]);
    const publishState = outcome.status === 'published' ? 'ok' : 'failed';
    rows.push(['publish', `${STATE_ICON[publishState]} ${outcome.status}`, pr ? `pull request ${pr}` : '—']);
    return (0,lib_render/* blocks */.Bv)(`### ${outcome.status === 'published' ? '✅' : '🛑'} ${HEADLINE[outcome.status]}`, lines.join('\n'), outcome.error !== null && (0,lib_render/* fence */.EU)(outcome.error, 'text'), ctx.heading(2, 'Stages'), (0,lib_render/* table */.tp)(['Stage', 'Result', 'Details'], rows), failed.length > 0 &&
        `What failed: ${failed.map((s) => ctx.inline(s.stage)).join(', ')}. Their logs and artifacts (${failed.map((s) => ctx.code(s.artifact)).join(', ')}) are in the ${run}; re-run the failed jobs, or the whole run.`, outcome.notes.length > 0 && outcome.notes.map((n) => `- ${ctx.inline(n)}`).join('\n'), `<sub>Run: ${run}</sub>`);
}
/** The tracking comment: its marker, the outcome, the stage table and the plan (folded). */
function renderTrackingComment(outcome, plan, options) {
    const planMarkdown = plan ? (0,lib_render/* renderPlanMarkdown */.d$)(plan, { allowedHost: options.allowedHost, limit: { unit: 'chars', max: 40_000 } }) : null;
    const markdown = (0,lib_render/* blocks */.Bv)(lib_render/* TRACKING_MARKER */.Bb, body(outcome, options), planMarkdown !== null && `<details>\n<summary>The plan</summary>\n\n${planMarkdown.trim()}\n\n</details>`);
    return (0,lib_render/* truncateMarkdown */.o4)(`${markdown}\n`, lib_render/* GITHUB_BODY_LIMIT */.nY);
}
/** The step summary of the publish job. */
function renderPublishSummary(outcome, options) {
    return (0,lib_render/* truncateMarkdown */.o4)(`${(0,lib_render/* blocks */.Bv)('## ensemble publish', body(outcome, options))}\n`, lib_render/* STEP_SUMMARY_LIMIT */.CG);
}

// EXTERNAL MODULE: ./lib/review/diff-lines.js
var diff_lines = __webpack_require__(31167);
// EXTERNAL MODULE: ./lib/review/findings.js
var findings = __webpack_require__(92696);
;// CONCATENATED MODULE: ./lib/publish/review.js





/** Body cap that leaves room for the changes-requested note. */
const BODY_LIMIT = { unit: 'chars', max: 64_000 };
const CHANGES_REQUESTED_NOTE = '> [!IMPORTANT]\n> **ensemble requests changes**: a finding reaches the blocking severity (`review.block-on`). ' +
    'GitHub does not let the account that opened a pull request request changes on it, so this review is posted as a comment.';
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
            body: (0,lib_render/* renderInlineComment */.P7)(finding, { ...render, fileLines: (0,diff_lines/* rightSideLines */.Jc)(file) }),
        });
    }
    const body = (0,lib_render/* renderReviewBody */.de)(outcome, { ...render, runId: options.runId, limit: BODY_LIMIT });
    const unplaced = { ...outcome, findings: outcome.findings.map((f) => ({ ...f, line: null, endLine: null })) };
    const unplacedBody = `${marker}\n${(0,lib_render/* renderReviewBody */.de)(unplaced, { ...render, limit: BODY_LIMIT })}`;
    return {
        outcome,
        fingerprint,
        event: (0,findings/* githubReviewEvent */.ke)(outcome.verdict),
        comments,
        texts: { body, commentBody: withNote(body, marker), unplacedBody, unplacedCommentBody: withNote(unplacedBody, marker) },
    };
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
            if (plan.event !== 'REQUEST_CHANGES' || (0,errors/* statusOf */.c2)(error) !== 422 || !OWN_PULL.test(error.message))
                throw error;
            const made = await attempt('COMMENT', commentBody, comments);
            return { ...made, outcome: 'posted', event: 'COMMENT', unplaced };
        }
    };
    try {
        return await post(false);
    }
    catch (error) {
        if (plan.comments.length === 0 || (0,errors/* statusOf */.c2)(error) !== 422 || OWN_PULL.test(error.message))
            throw error;
        if (!PLACEMENT.test(error.message))
            throw error;
        log.warn(`GitHub refused the placement of an inline comment (${error.message}); posting every finding in the review body instead`);
        return post(true);
    }
}

;// CONCATENATED MODULE: ./lib/publish/github.js
















const silent = { info: () => { }, warn: () => { } };
/** Model text checked for mention floods and credentials as written by the model, before any renderer. */
function modelTexts(inputs) {
    const texts = [{ label: 'plan summary', text: inputs.plan.summary, kind: 'raw' }];
    for (const task of inputs.tasks)
        texts.push({ label: `summary of task ${task.document.taskId}`, text: task.document.summary, kind: 'raw' });
    if (inputs.test)
        texts.push({ label: 'test summary', text: inputs.test.summary, kind: 'raw' });
    for (const review of inputs.reviews) {
        texts.push({ label: `${review.lens} review summary`, text: review.summary, kind: 'raw' });
        review.findings.forEach((f, i) => {
            texts.push({ label: `${review.lens} finding ${i + 1} title`, text: f.title, kind: 'raw' });
            texts.push({ label: `${review.lens} finding ${i + 1} body`, text: f.body, kind: 'raw' });
        });
    }
    if (inputs.docs)
        texts.push({ label: 'docs summary', text: inputs.docs.document.summary, kind: 'raw' });
    return texts;
}
/** The change a commit makes, for the policy (what the branch's history discloses). */
async function commitDiff(repoDir, parent, sha) {
    return (await (0,workspace_patch/* diffTrees */.j_)((0,workspace_git/* hardenedGit */.YW)(repoDir), parent, sha)).patch;
}
/**
 * The report (tracking comment and step summary) with every stage detail and note withheld when
 * it would otherwise carry a credential or a secret value (a task's stop reason quoting one, say),
 * and without the plan when even that is not enough: the report is written even when the policy
 * refused everything else, so it is checked too. The error message is ensemble's own (a refusal
 * names a credential by its kind and masked prefix, a secret by its name and length), so it is
 * left out of the check: a refusal of a private key block names its header line.
 */
async function safeReport(outcome, plan, check, options) {
    const render = (o, p) => ({
        outcome: o,
        comment: renderTrackingComment(o, p, options),
        summary: renderPublishSummary(o, options),
    });
    const clean = async (o, p) => {
        const shown = render({ ...o, error: null }, p);
        return (await check(`${shown.comment}\n${shown.summary}`)).ok;
    };
    if (await clean(outcome, plan))
        return render(outcome, plan);
    const withheld = 'withheld: it contains a credential or a secret value; see the run';
    const redacted = {
        ...outcome,
        stages: outcome.stages.map((s) => ({ ...s, detail: s.detail === '' ? '' : withheld })),
        notes: outcome.notes.length > 0 ? [withheld] : [],
    };
    return render(redacted, (await clean(redacted, plan)) ? plan : null);
}
async function publishToGitHub(options) {
    const log = options.log ?? silent;
    const { octokit, repo, config } = options;
    const host = new URL(options.serverUrl).host;
    const report = { runUrl: options.runUrl, allowedHost: host };
    const inputs = await readPublishArtifacts(options.artifacts, options.runDir, config);
    const { plan } = inputs;
    const run = plan.run;
    const branch = (0,publish_branch/* branchFor */.y)(plan.request, run.runId);
    const stages = inputs.stages;
    const notes = [];
    const published = {
        commits: [],
        branch: null,
        reviewId: null,
        commentId: null,
    };
    let pr = null;
    let reviewOutcome = null;
    let prBody = null;
    let reviewBody = null;
    const policy = {
        protectedPaths: publishProtectedPaths(config['protected-paths'], options.configPath),
        maxPatchBytes: config.limits['max-patch-bytes'],
        maxFiles: config.limits['max-files'],
        secretValues: options.secretValues,
        allowedHost: host,
        gitCwd: options.repoDir,
    };
    const finish = async (status, error) => {
        const { outcome, comment, summary } = await safeReport({ status, error, branch: published.branch, pr, review: reviewOutcome, stages, notes }, plan, (text) => checkSafeOutputs({ patches: [], texts: [{ label: 'report', text, kind: 'body' }] }, policy), report);
        if (run.issue !== null) {
            try {
                const upserted = await (0,issues/* upsertMarkedComment */.Zd)(octokit, {
                    owner: repo.owner,
                    repo: repo.repo,
                    issue_number: run.issue,
                    marker: lib_render/* TRACKING_MARKER */.Bb,
                    body: comment,
                });
                published.commentId = upserted.id;
            }
            catch (commentError) {
                log.warn(`the tracking comment on issue #${run.issue} could not be updated: ${commentError.message}`);
            }
        }
        const document = {
            schema: 'ensemble.publish/v1',
            run,
            usage: (0,common/* noModelUsage */.wQ)(),
            branch,
            commits: published.commits,
            prNumber: pr?.number ?? null,
            prUrl: pr?.url ?? null,
            reviewId: published.reviewId,
            commentId: published.commentId,
        };
        const warnings = stages
            .filter((s) => s.state === 'failed')
            .map((s) => `${s.stage}: ${s.status}${s.detail ? ` (${s.detail.split('\n')[0]})` : ''}`);
        return { status, error: outcome.error, document, outcome, summary, prBody, reviewBody, warnings };
    };
    // The artifacts must be this repository's, complete where present, and hold a change.
    if (run.repository.toLowerCase() !== `${repo.owner}/${repo.repo}`.toLowerCase()) {
        inputs.invalid.push({
            artifact: 'ensemble-plan',
            message: `the plan is of ${run.repository}, but this job publishes to ${repo.owner}/${repo.repo}`,
        });
    }
    if (inputs.invalid.length > 0) {
        const lines = inputs.invalid.map((i) => `- ${i.message}`);
        return finish('invalid', `nothing was written: ${inputs.invalid.length === 1 ? 'an artifact is' : `${inputs.invalid.length} artifacts are`} not valid, and ensemble publishes only from a complete, valid run.\n${lines.join('\n')}\nRe-run the jobs that produced them.`);
    }
    if (inputs.changePatch === null) {
        return finish('no-change', 'nothing was written: the test stage uploaded no ensemble-test artifact, so there is no integrated change to publish. See the test job of this run.');
    }
    if (inputs.changePatch.trim() === '') {
        const done = inputs.tasks.filter((t) => t.document.status === 'done').length;
        return finish('no-change', `nothing was written: the run changed nothing (change.patch is empty; ${done} of ${plan.tasks.length} tasks finished). See the code jobs of this run.`);
    }
    const changePatch = inputs.changePatch;
    // From here on an unexpected error is reported in the tracking comment too.
    const publishChange = async () => {
        const { data: repository } = await (0,errors/* githubCall */.Mc)({ action: `read ${repo.owner}/${repo.repo}`, permission: 'contents: read' }, () => octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo }));
        const defaultBranch = repository.default_branch;
        if (branch === defaultBranch) {
            return finish('refused', `nothing was written: the branch ${branch} is the default branch of ${repo.owner}/${repo.repo}, and ensemble never writes to it.`);
        }
        const hasBase = await (0,workspace_git/* hardenedGit */.YW)(options.repoDir).run(['cat-file', '-e', `${run.baseSha}^{commit}`], { okCodes: [0, 1, 128] });
        if (hasBase.code !== 0) {
            throw new Error(`the checkout in ${options.repoDir} does not contain the plan's base commit ${run.baseSha}: check the repository out at the plan job's base-sha output (actions/checkout with ref: \${{ needs.plan.outputs.base-sha }}) before publish`);
        }
        // The commits, made locally: this is also where every patch must apply.
        let sequence;
        try {
            sequence = await (0,commits/* buildCommitSequence */.Py)({
                repoDir: options.repoDir,
                run,
                plan,
                tasks: inputs.tasks,
                test: inputs.test,
                changePatch,
                docs: inputs.docs,
            });
        }
        catch (error) {
            if (!(error instanceof commits/* PatchApplyError */.$0))
                throw error;
            return finish('refused', `publish refused: ${error.patch} does not apply ${error.patch === 'change.patch' ? `to the plan's base ${run.baseSha}` : 'on top of change.patch'} (${error.detail.split('\n')[0]}); nothing was written.\nRe-run the ${error.patch === 'change.patch' ? 'test' : 'docs'} job of this run.`);
        }
        notes.push(...sequence.notes);
        if (sequence.commits.length === 0) {
            return finish('no-change', 'nothing was written: the change is empty once applied to the base.');
        }
        // The pull request's diff, on which the review is placed.
        const prPatch = (await (0,workspace_patch/* diffTrees */.j_)((0,workspace_git/* hardenedGit */.YW)(options.repoDir), run.baseSha, sequence.head)).patch;
        const prDiff = (0,diff/* parseUnifiedDiff */.rj)(prPatch);
        const review = inputs.reviews.length > 0
            ? planReview(inputs.reviews, prDiff, config.review['block-on'], { runId: run.runId, allowedHost: host })
            : null;
        const title = plan.request.title.trim() === '' ? `ensemble run ${run.runId}` : plan.request.title;
        const tasks = inputs.tasks.map((t) => t.document);
        prBody = (0,lib_render/* renderPrBody */.BN)({
            plan,
            tasks,
            test: inputs.test,
            reviews: review?.outcome ?? null,
            docs: inputs.docs?.document ?? null,
            runUrl: options.runUrl,
            issue: run.issue,
        }, { allowedHost: host });
        reviewBody = review?.texts.body ?? null;
        // Every text that will be written, and every patch, through the policy.
        const texts = [
            { label: 'PR title', text: title, kind: 'title' },
            { label: 'PR body', text: prBody, kind: 'body' },
        ];
        const taskCommits = sequence.commits.filter((c) => c.stage === 'code');
        for (const commit of taskCommits)
            texts.push({ label: `commit message of task ${commit.taskId}`, text: commit.subject, kind: 'raw' });
        if (review) {
            texts.push({ label: 'review body', text: review.texts.body, kind: 'body' });
            texts.push({ label: 'review body (as a comment)', text: review.texts.commentBody, kind: 'body' });
            texts.push({ label: 'review body (all findings)', text: review.texts.unplacedBody, kind: 'body' });
            texts.push({ label: 'review body (all findings, as a comment)', text: review.texts.unplacedCommentBody, kind: 'body' });
            review.comments.forEach((c, i) => {
                texts.push({ label: `review comment ${i + 1} (${c.path}:${c.line})`, text: c.body, kind: 'body' });
            });
        }
        const written = texts.length;
        texts.push(...modelTexts(inputs));
        const checked = await checkSafeOutputs({
            patches: [
                { label: 'change.patch', patch: changePatch },
                { label: 'docs.patch', patch: inputs.docs?.patch ?? '' },
            ],
            texts,
        }, policy);
        // The task commits stay in the branch's history: what each discloses is checked too.
        const history = await checkSafeOutputs({
            patches: await Promise.all(taskCommits.map(async (c) => ({
                label: `commit of task ${c.taskId}`,
                patch: await commitDiff(options.repoDir, c.parent, c.sha),
            }))),
            texts: [],
        }, policy);
        const refusals = [
            ...(checked.ok ? [] : checked.refusals),
            ...(history.ok ? [] : history.refusals.filter((r) => r.rule !== 'patch-size' && r.rule !== 'file-count')),
        ];
        if (refusals.length > 0 || !checked.ok) {
            return finish('refused', formatRefusals(refusals, { allowedHost: host }));
        }
        const safe = new Map(checked.texts.slice(0, written).map((t) => [t.label, t]));
        const text = (label) => {
            const found = safe.get(label);
            if (!found)
                throw new Error(`internal error: the policy returned no text "${label}"`);
            return found.text;
        };
        prBody = text('PR body');
        const messages = new Map(taskCommits.map((c) => [c.sha, text(`commit message of task ${c.taskId}`)]));
        const localCommits = sequence.commits.map((c) => ({
            sha: c.sha,
            tree: c.tree,
            parent: c.parent,
            message: (0,commit/* withTrailers */.jX)(messages.get(c.sha) ?? c.subject, c.trailers),
        }));
        // Writes, from here on.
        try {
            const current = await branchHead(octokit, repo, branch);
            const reused = current === null ? null : await matchingRemoteChain(octokit, repo, current, run.baseSha, localCommits);
            const remote = reused ?? (await pushCommits(octokit, repo, options.repoDir, run.baseSha, localCommits));
            const head = remote[remote.length - 1].sha;
            const moved = await setBranch(octokit, repo, branch, head);
            published.branch = branch;
            published.commits = sequence.commits.map((c, i) => ({ sha: remote[i].sha, stage: c.stage, taskId: c.taskId }));
            log.info(`branch ${branch}: ${moved} at ${head} (${remote.length} commits${reused ? ', unchanged since the last run' : ''})`);
            const pull = await upsertPullRequest(octokit, repo, {
                branch,
                base: defaultBranch,
                title: text('PR title'),
                body: prBody,
                draft: options.draft && config.publish.draft,
            });
            pr = { number: pull.number, url: pull.url, outcome: pull.outcome };
            log.info(`pull request #${pull.number}: ${pull.outcome} (${pull.url})`);
            if (config.publish.labels.length > 0)
                await addLabels(octokit, repo, pull, config.publish.labels);
            if (review) {
                const reviewTexts = {
                    body: text('review body'),
                    commentBody: text('review body (as a comment)'),
                    unplacedBody: text('review body (all findings)'),
                    unplacedCommentBody: text('review body (all findings, as a comment)'),
                };
                const comments = review.comments.map((c, i) => ({ ...c, body: text(`review comment ${i + 1} (${c.path}:${c.line})`) }));
                const posted = await postReview(octokit, repo, pull.number, head, { ...review, comments }, reviewTexts, log);
                published.reviewId = posted.id;
                reviewOutcome = { url: posted.url, outcome: posted.outcome, event: posted.event, blocking: review.event === 'REQUEST_CHANGES' };
                if (posted.unplaced)
                    notes.push('GitHub refused the placement of the inline comments; every finding is in the review body.');
                log.info(`review: ${posted.outcome} (${posted.event})`);
            }
        }
        catch (error) {
            const message = error.message;
            const done = published.branch
                ? pr
                    ? `The branch ${branch} and pull request #${pr.number} were updated before this failed.`
                    : `The branch ${branch} was pushed before this failed; no pull request was opened.`
                : 'No branch, pull request or review was written.';
            return finish('failed', `${message}\n${done}`);
        }
        return finish('published', null);
    };
    try {
        return await publishChange();
    }
    catch (error) {
        return finish('failed', `${error.message}\nNo branch, pull request or review was written.`);
    }
}

// EXTERNAL MODULE: ./lib/util/errors.js
var util_errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/runtime/actions/stages.js
var stages = __webpack_require__(83941);
;// CONCATENATED MODULE: ./lib/runtime/actions/publish.js









/**
 * `actions/publish`: reads every artifact of the run, checks the change and every text against
 * the safe-output policy, then commits through the Git Data API, opens or updates the pull
 * request, posts the review and updates the tracking comment (`src/publish/github.ts`). Uploads
 * `ensemble-publish` (publish.json, the PR body and review as rendered), sets the outputs
 * `pr-number`, `pr-url` and `branch`, and writes the step summary. The step fails whenever the
 * pull request is not open and up to date: a refusal, an invalid artifact, nothing to publish,
 * or a write GitHub refused (the message says what to change).
 */
async function runPublishAction(settings, deps) {
    const { core, job } = deps;
    // Every credential the step was given is captured (the policy looks for their values in every
    // text and patch) and leaves the environment before git runs; the artifact store captured its
    // own when the job was read, and an all-in-one job's model session the ones it removed.
    const captured = { ...deps.session?.removedCredentials, ...(0,keys/* scrubCredentials */.Q8)(deps.env) };
    const token = settings.githubToken ?? captured['GITHUB_TOKEN'] ?? captured['GH_TOKEN'];
    if (!token) {
        throw new Error(
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not a JS template
        'the github-token input is empty: pass ${{ github.token }} (the default) with contents, pull-requests and issues write, or a GitHub App token');
    }
    const secretValues = [
        { name: 'github-token', value: token },
        ...Object.entries(captured)
            .filter(([, value]) => value !== token)
            .map(([name, value]) => ({ name, value })),
    ];
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
    const octokit = (0,github_octokit/* createOctokit */.Qi)({
        token,
        baseUrl: job.apiUrl,
        log: { debug: () => { }, info: (m) => core.info(m), warn: (m) => core.info(`warning: ${m}`), error: (m) => core.info(`error: ${m}`) },
    });
    const result = await (0,stages.withCommandsStopped)(core, async () => {
        const published = await publishToGitHub({
            octokit,
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
            warnings.push(`the configuration changed since this run was planned (hash ${published.document.run.configHash.slice(0, 12)} then, ${loaded.hash.slice(0, 12)} now); publish used the current one`);
        }
        return published;
    });
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
        uploadError = `the ${names/* ARTIFACTS */.ym.publish} artifact could not be uploaded: ${error.message}`;
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
