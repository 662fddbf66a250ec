export const id = 322;
export const ids = [322,154];
export const modules = {

/***/ 375:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fq: () => (/* binding */ readIssueState),
/* harmony export */   Jp: () => (/* binding */ findMarkedComment),
/* harmony export */   Zd: () => (/* binding */ upsertMarkedComment),
/* harmony export */   eg: () => (/* binding */ snapshotIssue)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9452);
/* harmony import */ var _permissions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48859);
/* harmony import */ var _write_once_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32192);



/**
 * The issue as ensemble reads it, once: title, body and author, and the comments of people with
 * write access, oldest first. Everyone else's comments are left out, so that anyone who can
 * comment cannot steer the agents. Each commenter's role is looked up once; a lookup that fails
 * leaves that person's comments out. Hidden content is stripped later, by `requestFromIssue`.
 */
async function snapshotIssue(octokit, params) {
    const { owner, repo, issue_number } = params;
    const where = `issue #${issue_number} of ${owner}/${repo}`;
    const { data: issue } = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `read ${where}`, permission: 'issues: read' }, () => octokit.rest.issues.get({ owner, repo, issue_number }));
    if (issue.pull_request)
        throw new Error(`#${issue_number} of ${owner}/${repo} is a pull request; ensemble works on issues`);
    const comments = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `read the comments of ${where}`, permission: 'issues: read' }, () => octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 }));
    const canWrite = new Map();
    for (const login of params.writers ?? [])
        canWrite.set(login.toLowerCase(), true);
    const excluded = new Set();
    const kept = [];
    for (const comment of comments) {
        const login = comment.user?.login;
        if (!login)
            continue;
        const key = login.toLowerCase();
        let allowed = canWrite.get(key);
        if (allowed === undefined) {
            if ((0,_permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .isBot */ .w2)(login, comment.user?.type))
                allowed = (0,_permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .isListedBot */ .Jk)(login, params.allowedBots ?? []);
            else {
                try {
                    allowed = (0,_permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .roleCanWrite */ .qO)(await (0,_permissions_js__WEBPACK_IMPORTED_MODULE_1__/* .getRepositoryRole */ .Bd)(octokit, { owner, repo, username: login }));
                }
                catch {
                    allowed = false;
                }
            }
            canWrite.set(key, allowed);
        }
        if (!allowed) {
            excluded.add(login);
            continue;
        }
        kept.push({ author: login, body: comment.body ?? '', createdAt: comment.created_at });
    }
    return {
        number: issue.number,
        title: issue.title,
        body: issue.body ?? null,
        author: issue.user?.login ?? null,
        comments: kept,
        excludedCommenters: [...excluded],
    };
}
/** The issue's state as it is now (never a snapshot). */
async function readIssueState(octokit, params) {
    const { owner, repo, issue_number } = params;
    const { data } = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `read issue #${issue_number} of ${owner}/${repo}`, permission: 'issues: read' }, () => octokit.rest.issues.get({ owner, repo, issue_number }));
    return {
        number: data.number,
        state: data.state === 'closed' ? 'closed' : 'open',
        locked: data.locked === true,
        lockReason: data.active_lock_reason ?? null,
    };
}
/**
 * The comment of the issue carrying `marker` written by a bot (ensemble writes as one), or null.
 * A marker in a person's comment is ignored: anyone who can comment could otherwise plant one and
 * have ensemble edit, or take the place of, their comment.
 */
async function findMarkedComment(octokit, params) {
    const { owner, repo, issue_number, marker } = params;
    const comments = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `read the comments of issue #${issue_number} of ${owner}/${repo}`, permission: 'issues: read' }, () => octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 }));
    const marked = comments.filter((c) => c.body?.includes(marker));
    const found = marked.find((c) => c.user?.type === 'Bot');
    return found ? { id: found.id, url: found.html_url, body: found.body ?? '' } : null;
}
/**
 * Creates the issue comment that carries `marker`, or updates it when it exists: a re-run
 * never adds a second one. A creation whose answer is lost (502, timeout) is looked for before
 * it is tried again.
 */
async function upsertMarkedComment(octokit, params) {
    const { owner, repo, issue_number, marker } = params;
    if (!marker)
        throw new Error('upsertMarkedComment needs a marker to find the comment again');
    const body = params.body.includes(marker) ? params.body : `${marker}\n${params.body}`;
    const where = `issue #${issue_number} of ${owner}/${repo}`;
    const write = { permission: 'issues: write' };
    const update = async (existing) => {
        if (existing.body === body)
            return { id: existing.id, url: existing.url, outcome: 'unchanged' };
        const { data } = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `update the ensemble comment on ${where}`, ...write }, () => octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body }));
        return { id: data.id, url: data.html_url, outcome: 'updated' };
    };
    const existing = await findMarkedComment(octokit, params);
    if (existing)
        return update(existing);
    const { value, recovered } = await (0,_write_once_js__WEBPACK_IMPORTED_MODULE_2__/* .writeOnce */ .F)(octokit, {
        operation: { action: `comment on ${where}`, ...write },
        create: async () => {
            const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number, body });
            return { id: data.id, url: data.html_url, body: data.body ?? body };
        },
        find: () => findMarkedComment(octokit, params),
    });
    if (recovered) {
        const again = await update(value);
        return { ...again, outcome: 'created' };
    }
    return { id: value.id, url: value.url, outcome: 'created' };
}


/***/ }),

/***/ 48859:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bd: () => (/* binding */ getRepositoryRole),
/* harmony export */   Jk: () => (/* binding */ isListedBot),
/* harmony export */   Tp: () => (/* binding */ TRIGGER_ROLES),
/* harmony export */   qB: () => (/* binding */ checkTriggerPermission),
/* harmony export */   qO: () => (/* binding */ roleCanWrite),
/* harmony export */   w2: () => (/* binding */ isBot)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9452);

/** Repository roles that may start a run. */
const TRIGGER_ROLES = ['write', 'maintain', 'admin'];
/**
 * Whether a role can write. The five built-in roles decide by name (`maintain` maps to the legacy
 * `write`, `triage` to `read`); a custom repository role decides by the base permission GitHub
 * reports for it.
 */
function roleCanWrite(role) {
    if (['read', 'triage', 'write', 'maintain', 'admin', 'none'].includes(role.roleName))
        return TRIGGER_ROLES.includes(role.roleName);
    return role.permission === 'write' || role.permission === 'admin';
}
/** `GET /repos/{owner}/{repo}/collaborators/{username}/permission`. */
async function getRepositoryRole(octokit, params) {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel(params);
    return { roleName: data.role_name, permission: data.permission };
}
const isBot = (login, type) => type === 'Bot' || /\[bot\]$/i.test(login);
const botName = (login) => login.toLowerCase().replace(/\[bot\]$/, '');
/** Whether `login` is one of `allowed` (`dependabot` and `dependabot[bot]` name the same bot). */
function isListedBot(login, allowed) {
    return allowed.some((entry) => botName(entry) === botName(login));
}
/**
 * May `username` start a run? People need the write, maintain or admin role, looked up through
 * the API; bots must be listed in the configuration. Any failure to find out refuses the run.
 */
async function checkTriggerPermission(octokit, params) {
    const { owner, repo, username } = params;
    const where = `${owner}/${repo}`;
    if (!username)
        return { ok: false, reason: 'the event has no sender; ensemble runs only when it knows who started it' };
    if (isBot(username, params.senderType)) {
        if (isListedBot(username, params.allowedBots ?? []))
            return { ok: true, login: username, role: 'listed bot' };
        return {
            ok: false,
            reason: `"${username}" is a bot; a bot may start ensemble only ` +
                'when trigger.allowed-bots in .github/ensemble.yml lists it',
        };
    }
    let role;
    try {
        role = await getRepositoryRole(octokit, { owner, repo, username });
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 404) {
            return { ok: false, reason: `"${username}" is not a user GitHub knows on ${where}; refusing to run` };
        }
        const explained = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainGitHubError */ .Pm)(error, {
            action: `check the repository role of "${username}" on ${where}`,
            permission: 'metadata: read',
        });
        return {
            ok: false,
            reason: `${explained.message}. Refusing to run, as ensemble does when it cannot tell who started it`,
        };
    }
    if (roleCanWrite(role))
        return { ok: true, login: username, role: role.roleName };
    const has = role.roleName === 'none' ? 'no access to' : `the "${role.roleName}" role on`;
    return {
        ok: false,
        reason: `"${username}" has ${has} ${where}; starting ensemble needs the write, maintain ` +
            'or admin role. Ask a maintainer to add the label or dispatch the workflow',
    };
}


/***/ }),

/***/ 11090:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nK: () => (/* binding */ replyToReviewComment),
/* harmony export */   s0: () => (/* binding */ listReviewThreads),
/* harmony export */   zq: () => (/* binding */ resolveReviewThread)
/* harmony export */ });
/* harmony import */ var _octokit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15687);
/**
 * The review threads of a pull request: read with their resolved state, answered, resolved.
 * GitHub's own thread state is the ledger of findings on a follow-up run, so these read it live.
 *
 * REST serves review comments but not the thread they belong to nor whether it is resolved; both
 * come from GraphQL. Replies go through REST, which takes the REST id of the thread's root comment.
 * Errors propagate as Octokit throws them (`RequestError`, or `GraphqlResponseError` for a GraphQL
 * answer carrying `errors`); the caller wraps them with `explainGitHubError`.
 */

/** The GraphQL documents ensemble sends; the GitHub fake answers exactly these (its own copy), so change both. */
const REVIEW_THREADS_QUERY = `query ReviewThreads($owner: String!, $repo: String!, $pull: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $pull) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id
          isResolved
          isOutdated
          path
          line
          comments(first: 100) {
            nodes { databaseId author { login } body createdAt }
          }
        }
      }
    }
  }
}`;
const RESOLVE_REVIEW_THREAD_MUTATION = `mutation ResolveReviewThread($threadId: ID!) {
  resolveReviewThread(input: { threadId: $threadId }) {
    thread { id isResolved }
  }
}`;
/** Every review thread of the pull request (GraphQL `reviewThreads`, paginated 100 at a time; first 100 comments each). */
async function listReviewThreads(octokit, repo, pull) {
    const threads = [];
    let cursor = null;
    for (;;) {
        const page = await octokit.graphql(REVIEW_THREADS_QUERY, {
            owner: repo.owner,
            repo: repo.repo,
            pull,
            cursor,
            // A GraphQL request is a POST, which the client sends once; this one only reads, so retry it as a GET.
            request: { retries: (0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .clientSettings */ .ry)(octokit).retries },
        });
        // GitHub answers a missing repository or pull request with an error, which octokit throws;
        // a null here is an answer without one (a token that cannot see it), said as plainly.
        const connection = page.repository?.pullRequest?.reviewThreads;
        if (!connection)
            throw new Error(`GitHub returned no pull request #${pull} in ${repo.owner}/${repo.repo}`);
        for (const node of connection.nodes) {
            threads.push({
                id: node.id,
                isResolved: node.isResolved,
                isOutdated: node.isOutdated,
                path: node.path,
                line: node.isOutdated ? null : (node.line ?? null),
                comments: node.comments.nodes.map((comment) => ({
                    id: comment.databaseId ?? 0,
                    author: comment.author?.login ?? '',
                    body: comment.body,
                    createdAt: comment.createdAt,
                })),
            });
        }
        if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor)
            return threads;
        cursor = connection.pageInfo.endCursor;
    }
}
/**
 * Replies in the thread of review comment `commentId` (REST
 * `POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies`). `commentId`
 * is the thread's root comment: GitHub does not take replies to replies.
 */
async function replyToReviewComment(octokit, repo, pull, commentId, body) {
    const { data } = await octokit.rest.pulls.createReplyForReviewComment({
        owner: repo.owner,
        repo: repo.repo,
        pull_number: pull,
        comment_id: commentId,
        body,
    });
    return { id: data.id, url: data.html_url };
}
/** Resolves a thread (GraphQL mutation `resolveReviewThread`); resolving a resolved thread is not an error. */
async function resolveReviewThread(octokit, threadId) {
    // Resolving twice does no harm, so a lost answer (a 5xx after the write landed) is retried like a GET.
    await octokit.graphql(RESOLVE_REVIEW_THREAD_MUTATION, {
        threadId,
        request: { retries: (0,_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .clientSettings */ .ry)(octokit).retries },
    });
}


/***/ }),

/***/ 75570:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e3: () => (/* binding */ writeRunState),
/* harmony export */   xz: () => (/* binding */ readRunState)
/* harmony export */ });
/* unused harmony exports RunStateError, stateRefFor, stateFiles */
/* harmony import */ var _contracts_read_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54759);
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9452);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99661);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29367);




/** The stored state of a run's branch is unusable: the follow-up says what to do. */
class RunStateError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo {
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
 * Writes `state` as a new state commit of `branch` and points the ref at it. Returns null when it
 * was written, else why not (the policy refused a document): the pull request stands, but a
 * follow-up run will say that this run left no state.
 */
async function writeRunState(octokit, repo, branch, state, policy) {
    const files = stateFiles(state);
    const texts = Object.fromEntries([...files].map(([path, text]) => [path, { label: `stored state ${path}`, text, kind: 'raw' }]));
    const checked = await (0,_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .checkSafeOutputs */ .Qb)({ patches: [], texts }, policy);
    if (!checked.ok)
        return { refused: (0,_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .formatRefusals */ .hz)(checked.refusals, { allowedHost: policy.allowedHost }) };
    const { owner, repo: name } = repo;
    const ref = stateRefFor(branch);
    const write = { permission: 'contents: write' };
    const where = `${owner}/${name}`;
    const previous = await stateCommitOf(octokit, repo, ref);
    const tree = [];
    for (const [path, content] of files) {
        const { data } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .githubCall */ .Mc)({ action: `store the run's ${path} in ${where}`, ...write }, () => octokit.rest.git.createBlob({ owner, repo: name, content, encoding: 'utf-8' }));
        tree.push({ path, mode: '100644', type: 'blob', sha: data.sha });
    }
    const { data: madeTree } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .githubCall */ .Mc)({ action: `store the run's state in ${where}`, ...write }, () => octokit.rest.git.createTree({ owner, repo: name, tree }));
    if (previous !== null) {
        const { data: last } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .githubCall */ .Mc)({ action: `read ${ref} of ${where}`, ...write }, () => octokit.rest.git.getCommit({ owner, repo: name, commit_sha: previous }));
        // The same documents again (a re-run of the publish): the ref stays where it is.
        if (last.tree.sha === madeTree.sha)
            return { commit: previous };
    }
    const message = `ensemble run state of ${branch}\n\nrun: ${state.plan.run.runId}\n`;
    const { data: commit } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .githubCall */ .Mc)({ action: `store the run's state in ${where}`, ...write }, () => octokit.rest.git.createCommit({
        owner,
        repo: name,
        message,
        tree: madeTree.sha,
        parents: previous === null ? [] : [previous],
    }));
    await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .githubCall */ .Mc)({ action: `point ${ref} of ${where} at the run's state`, ...write }, async () => {
        if (previous === null)
            await octokit.rest.git.createRef({ owner, repo: name, ref, sha: commit.sha });
        else
            await octokit.rest.git.updateRef({ owner, repo: name, ref: ref.slice(5), sha: commit.sha, force: true });
    });
    return { commit: commit.sha };
}
async function stateCommitOf(octokit, repo, ref) {
    try {
        const { data } = await octokit.rest.git.getRef({ owner: repo.owner, repo: repo.repo, ref: ref.slice(5) });
        return data.object.sha;
    }
    catch (error) {
        if ((0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOf */ .c2)(error) === 404)
            return null;
        throw (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .explainGitHubError */ .Pm)(error, {
            action: `read ${ref} of ${repo.owner}/${repo.repo}`,
            permission: 'contents: read',
        });
    }
}
/**
 * The stored state of `branch`, validated document by document; null when the branch has none.
 * A document that does not validate throws `RunStateError` naming it.
 */
async function readRunState(octokit, repo, branch) {
    const { owner, repo: name } = repo;
    const ref = stateRefFor(branch);
    const read = { permission: 'contents: read' };
    const commit = await stateCommitOf(octokit, repo, ref);
    if (commit === null)
        return null;
    const { data: made } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .githubCall */ .Mc)({ action: `read ${ref} of ${owner}/${name}`, ...read }, () => octokit.rest.git.getCommit({ owner, repo: name, commit_sha: commit }));
    const { data: tree } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .githubCall */ .Mc)({ action: `read ${ref} of ${owner}/${name}`, ...read }, () => octokit.rest.git.getTree({ owner, repo: name, tree_sha: made.tree.sha, recursive: 'true' }));
    const texts = new Map();
    for (const entry of tree.tree) {
        if (entry.type !== 'blob' || !entry.path || !entry.sha)
            continue;
        const sha = entry.sha;
        const { data } = await (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .githubCall */ .Mc)({ action: `read ${entry.path} of ${ref}`, ...read }, () => octokit.rest.git.getBlob({ owner, repo: name, file_sha: sha }));
        texts.set(entry.path, Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8'));
    }
    const parse = (kind, path) => {
        try {
            return (0,_contracts_read_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDocumentText */ .gk)(kind, texts.get(path), { artifact: ref, file: path });
        }
        catch (error) {
            throw new RunStateError(`${ref} (commit ${commit}) holds an invalid ${path}: ${error.message}. ` +
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

/***/ 8154:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JI: () => (/* binding */ assertPlanFitsItsJob),
/* harmony export */   b8: () => (/* binding */ codeLegTimeout),
/* harmony export */   iM: () => (/* binding */ HOSTED_JOB_LIMIT_MINUTES),
/* harmony export */   u: () => (/* binding */ jobTimeouts),
/* harmony export */   uF: () => (/* binding */ PUBLISH_JOB_TIMEOUT_MINUTES)
/* harmony export */ });
/* unused harmony exports JOB_MARGIN_MINUTES, PLAN_JOB_TIMEOUT_MINUTES, fixRoundMinutes */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99661);

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
        fix: limit(config.stages.fix['max-rounds'] * fixRoundMinutes(config)),
    };
}
/** One fix round's longest run: the fixing agent, then the re-test, then the re-review. */
function fixRoundMinutes(config) {
    const { fix, test, review } = config.stages;
    return fix['timeout-minutes'] + test['timeout-minutes'] + review['timeout-minutes'];
}
/**
 * A code leg's limit: its tasks run one after another, each up to the code stage's limit.
 * `overHostedLimit` says that the tasks' limits add up to more than a hosted job may run.
 */
function codeLegTimeout(config, tasks) {
    const stageMinutes = tasks * config.stages.code['timeout-minutes'];
    return {
        minutes: limit(stageMinutes),
        overHostedLimit: stageMinutes + JOB_MARGIN_MINUTES > HOSTED_JOB_LIMIT_MINUTES,
    };
}
/** The plan job's limit is fixed; a configured plan limit that does not fit in it is refused before planning. */
function assertPlanFitsItsJob(config, configPath) {
    const allowed = PLAN_JOB_TIMEOUT_MINUTES - JOB_MARGIN_MINUTES;
    const configured = config.stages.plan['timeout-minutes'];
    if (configured > allowed) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${configPath}: stages.plan.timeout-minutes is ${configured}, but the reusable workflow's plan job ` +
            `stops after ${PLAN_JOB_TIMEOUT_MINUTES} minutes (${JOB_MARGIN_MINUTES} of them for checkout and ` +
            `artifacts): set it to at most ${allowed}`);
    }
}


/***/ })

};
