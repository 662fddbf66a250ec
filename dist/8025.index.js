export const id = 8025;
export const ids = [8025];
export const modules = {

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


/***/ })

};
