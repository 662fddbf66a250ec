export const id = 4533;
export const ids = [4533];
export const modules = {

/***/ 55554:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cn: () => (/* binding */ readCiRun),
/* harmony export */   D2: () => (/* binding */ enableAutoMerge),
/* harmony export */   Fg: () => (/* binding */ readCommitActivity),
/* harmony export */   K: () => (/* binding */ latestCompletedRun),
/* harmony export */   Vj: () => (/* binding */ readPullChecks),
/* harmony export */   aT: () => (/* binding */ markReadyForReview),
/* harmony export */   gM: () => (/* binding */ readJobLog),
/* harmony export */   i5: () => (/* binding */ requestReviewers),
/* harmony export */   to: () => (/* binding */ readCheckRunOutput),
/* harmony export */   xU: () => (/* binding */ listRunJobsWithSteps)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9452);
/* harmony import */ var _write_once_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32192);
/**
 * The repository's CI as ensemble reads it on its pull requests: the checks of a head (with which
 * the base branch requires), the jobs and logs of a failed workflow run, the base branch's latest
 * run of the same workflow, whether anything started on a commit at all; and the few writes that
 * follow a green head, by policy only: ready for review, reviewers, GitHub's own auto-merge.
 *
 * The head's checks come from one GraphQL query: REST has no "required" flag per check, and the
 * base branch's protection and rulesets (which say what is required) need administration access to
 * read. Every failure is a `GitHubApiError` naming the permission the token needs (GraphQL errors
 * included, which GitHub answers with HTTP 200).
 */


const PULL_READ = 'pull-requests: read';
const PULL_WRITE = 'pull-requests: write';
const CHECKS_READ = 'checks: read';
const ACTIONS_READ = 'actions: read';
/** Reading a head's rollup takes all three: the pull request, its check runs, its commit statuses. */
const ROLLUP_READ = `${PULL_READ}, ${CHECKS_READ}, statuses: read`;
/** GitHub merges with the token's rights when auto-merge fires: enabling it needs contents too. */
const AUTO_MERGE_WRITE = `${PULL_WRITE}, contents: write`;
/**
 * The GraphQL documents ensemble sends; the GitHub fake answers exactly these (its own copy in
 * test/support/github-fake-graphql.ts), so change both, after checking the fields against GitHub's schema.
 * The rollup's contexts are read 100 at a time (a matrix and its re-runs make many), up to 1,000.
 */
const PULL_CHECKS_QUERY = `query PullChecks($owner: String!, $repo: String!, $pull: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $pull) {
      id number isDraft state mergeable headRefOid
      autoMergeRequest { mergeMethod }
      commits(last: 1) {
        nodes {
          commit {
            oid
            statusCheckRollup {
              contexts(first: 100, after: $cursor) {
                pageInfo { hasNextPage endCursor }
                nodes {
                  __typename
                  ... on CheckRun {
                    databaseId name status conclusion detailsUrl
                    isRequired(pullRequestNumber: $pull)
                    checkSuite { app { slug } workflowRun { databaseId workflow { name } } }
                  }
                  ... on StatusContext { context state targetUrl isRequired(pullRequestNumber: $pull) }
                }
              }
            }
          }
        }
      }
    }
  }
}`;
/** The most pages of the rollup read (100 contexts each). */
const MAX_ROLLUP_PAGES = 10;
const PULL_STATE_QUERY = `query PullState($id: ID!) {
  node(id: $id) { ... on PullRequest { id isDraft autoMergeRequest { mergeMethod } } }
}`;
const MARK_READY_MUTATION = `mutation MarkReady($id: ID!) {
  markPullRequestReadyForReview(input: { pullRequestId: $id }) { pullRequest { id isDraft } }
}`;
const ENABLE_AUTO_MERGE_MUTATION = `mutation EnableAutoMerge($id: ID!, $mergeMethod: PullRequestMergeMethod!) {
  enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: $mergeMethod }) {
    pullRequest { id autoMergeRequest { mergeMethod } }
  }
}`;
/** A commit status's state as a check's status and conclusion. */
function statusContextState(state) {
    switch (state) {
        case 'SUCCESS':
            return { status: 'completed', conclusion: 'success' };
        case 'FAILURE':
        case 'ERROR':
            return { status: 'completed', conclusion: 'failure' };
        default:
            // PENDING, and EXPECTED: a required context nothing has reported yet.
            return { status: 'pending', conclusion: null };
    }
}
function headCheck(node) {
    if (node.__typename === 'StatusContext') {
        return {
            name: node.context,
            kind: 'status',
            ...statusContextState(node.state),
            required: node.isRequired,
            url: node.targetUrl,
            checkRunId: null,
            workflow: null,
            app: null,
        };
    }
    const run = node.checkSuite?.workflowRun;
    return {
        name: node.name,
        kind: 'check-run',
        status: node.status.toLowerCase(),
        conclusion: node.conclusion === null ? null : node.conclusion.toLowerCase(),
        required: node.isRequired,
        url: node.detailsUrl,
        checkRunId: node.databaseId,
        workflow: run && run.databaseId !== null ? { name: run.workflow.name, runId: run.databaseId } : null,
        app: node.checkSuite?.app?.slug ?? null,
    };
}
/**
 * The newest check of each name, per app and workflow: a re-run job is a new check run with the
 * same name, and the old one stays on the commit; two workflows' jobs of the same name (`test` in
 * CI and in Lint) are two checks. Check runs are ordered by id; GitHub gives one status per context.
 */
function newestOfEachName(checks) {
    const byName = new Map();
    for (const check of checks) {
        const key = [check.kind, check.app ?? '', check.workflow?.name ?? '', check.name].join('\u0000');
        const seen = byName.get(key);
        if (!seen || (check.checkRunId ?? 0) > (seen.checkRunId ?? 0))
            byName.set(key, check);
    }
    return [...byName.values()];
}
/** The head's checks and state (one GraphQL query). */
async function readPullChecks(octokit, repo, pull) {
    const operation = { action: `read the checks of pull request #${pull}`, permission: ROLLUP_READ };
    const page = (cursor) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)(operation, () => octokit.graphql(PULL_CHECKS_QUERY, { owner: repo.owner, repo: repo.repo, pull, cursor }));
    const answer = await page(null);
    const pr = answer.repository?.pullRequest;
    // GitHub answers a missing pull request with a NOT_FOUND error (thrown above); a null without one
    // is a token that cannot see it.
    if (!pr) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS(`could not ${operation.action}: GitHub returned no pull request #${pull} in ${repo.owner}/${repo.repo}; ` +
            `the token needs ${ROLLUP_READ}`, { status: 200, action: operation.action, githubMessage: 'no pull request', cause: undefined });
    }
    const head = pr.commits.nodes[0]?.commit;
    // A commit nothing reported on has no rollup at all.
    const all = [...(head?.statusCheckRollup?.contexts.nodes ?? [])];
    let more = head?.statusCheckRollup?.contexts.pageInfo ?? null;
    for (let pages = 1; more?.hasNextPage && more.endCursor && pages < MAX_ROLLUP_PAGES; pages++) {
        const next = (await page(more.endCursor)).repository?.pullRequest?.commits.nodes[0]?.commit;
        // The head moved between pages: what was read is of the old head; the next event reads the new one.
        if (next?.oid !== head?.oid)
            break;
        all.push(...(next?.statusCheckRollup?.contexts.nodes ?? []));
        more = next?.statusCheckRollup?.contexts.pageInfo ?? null;
    }
    const nodes = all.filter((node) => node !== null);
    return {
        nodeId: pr.id,
        number: pr.number,
        state: pr.state,
        isDraft: pr.isDraft,
        headSha: head?.oid ?? pr.headRefOid,
        mergeable: pr.mergeable,
        autoMerge: pr.autoMergeRequest ? { method: pr.autoMergeRequest.mergeMethod } : null,
        checks: newestOfEachName(nodes.filter((node) => node.__typename === 'CheckRun' || node.__typename === 'StatusContext').map(headCheck)),
    };
}
/** The jobs of a workflow run's latest attempt, with their steps. */
async function listRunJobsWithSteps(octokit, repo, runId) {
    const jobs = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `list the jobs of workflow run ${runId}`, permission: ACTIONS_READ }, () => octokit.paginate(octokit.rest.actions.listJobsForWorkflowRun, {
        owner: repo.owner,
        repo: repo.repo,
        run_id: runId,
        filter: 'latest',
        per_page: 100,
    }));
    return jobs.map((job) => ({
        id: job.id,
        name: job.name,
        status: job.status,
        conclusion: job.conclusion ?? null,
        url: job.html_url ?? null,
        runAttempt: job.run_attempt ?? 1,
        steps: (job.steps ?? []).map((step) => ({
            number: step.number,
            name: step.name,
            status: step.status,
            conclusion: step.conclusion ?? null,
        })),
    }));
}
/**
 * A job's log, at most `maxBytes` of its end (the failure is at the end); null when GitHub no
 * longer has it (expired or deleted).
 *
 * GitHub answers with a redirect to a short-lived URL on its log storage. The redirect is not
 * followed by the client: the token must not travel to that host, and the log is streamed there,
 * keeping only its last `maxBytes` (a log may be many megabytes).
 */
async function readJobLog(octokit, repo, jobId, options) {
    const operation = { action: `read the log of job ${jobId}`, permission: ACTIONS_READ };
    let location;
    try {
        const answer = await octokit.rest.actions.downloadJobLogsForWorkflowRun({
            owner: repo.owner,
            repo: repo.repo,
            job_id: jobId,
            request: { redirect: 'manual' },
        });
        location = answer.headers.location;
    }
    catch (error) {
        const status = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error);
        if (status === 404 || status === 410)
            return null;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainGitHubError */ .Pm)(error, operation);
    }
    if (!location) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS(`could not ${operation.action}: GitHub answered without the log's location`, {
            status: 302,
            action: operation.action,
            githubMessage: 'no Location header',
            cause: undefined,
        });
    }
    // The fetch the client was made with (the proxy-aware one behind a proxy), without its credentials.
    const configured = octokit.request.endpoint.DEFAULTS.request?.fetch;
    const fetchImpl = configured ?? fetch;
    let response;
    try {
        response = await fetchImpl(location, { redirect: 'follow' });
    }
    catch (error) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainGitHubError */ .Pm)(error, operation);
    }
    if (response.status === 404 || response.status === 410)
        return null;
    if (!response.ok || !response.body) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS(`could not ${operation.action}: GitHub's log storage answered ${response.status}; re-run the job later`, { status: response.status, action: operation.action, githubMessage: response.statusText, cause: undefined });
    }
    return tailOf(response.body, Math.max(0, options.maxBytes));
}
/** The last `maxBytes` of a stream, cut at a character boundary, and whether anything was cut. */
async function tailOf(body, maxBytes) {
    let kept = [];
    let keptBytes = 0;
    let total = 0;
    for await (const chunk of body) {
        const buffer = Buffer.from(chunk);
        total += buffer.length;
        kept.push(buffer);
        keptBytes += buffer.length;
        // Drop whole chunks that lie entirely before the tail; the last cut is made at the end.
        while (kept.length > 1 && keptBytes - kept[0].length >= maxBytes) {
            keptBytes -= kept[0].length;
            kept = kept.slice(1);
        }
    }
    let tail = Buffer.concat(kept);
    if (tail.length > maxBytes)
        tail = tail.subarray(tail.length - maxBytes);
    // A cut inside a UTF-8 sequence leaves continuation bytes (10xxxxxx) at the start: skip them.
    let start = 0;
    if (total > tail.length) {
        while (start < tail.length && start < 3 && (tail[start] & 0xc0) === 0x80)
            start++;
    }
    return { text: tail.subarray(start).toString('utf8'), truncated: total > maxBytes };
}
/** A workflow run as the REST API gives it, in the shape ensemble reads. */
function ciRun(run) {
    return {
        id: run.id,
        name: run.name ?? '',
        workflowId: run.workflow_id,
        headSha: run.head_sha,
        headBranch: run.head_branch,
        event: run.event,
        // The schema lets status be null; GitHub sets it on every run.
        status: run.status ?? 'completed',
        conclusion: run.conclusion ?? null,
        attempt: run.run_attempt ?? 1,
        url: run.html_url,
    };
}
/** A workflow run by id, in the shape above; null when there is none. */
async function readCiRun(octokit, repo, runId) {
    try {
        const { data } = await octokit.rest.actions.getWorkflowRun({ owner: repo.owner, repo: repo.repo, run_id: runId });
        return ciRun(data);
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 404)
            return null;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainGitHubError */ .Pm)(error, { action: `read workflow run ${runId}`, permission: ACTIONS_READ });
    }
}
/**
 * The newest completed run of a workflow on a branch (not `excludeRunId`, and one `keep` accepts;
 * of `event` alone when given: `push` leaves out a fork's pull request whose branch has the same
 * name), among the newest 100, or null.
 */
async function latestCompletedRun(octokit, repo, query) {
    const operation = {
        action: `list the completed runs of workflow ${query.workflowId} on ${query.branch}`,
        permission: ACTIONS_READ,
    };
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)(operation, async () => {
        // Newest first, as GitHub lists them: the first page almost always has the answer.
        const pages = octokit.paginate.iterator(octokit.rest.actions.listWorkflowRuns, {
            owner: repo.owner,
            repo: repo.repo,
            workflow_id: query.workflowId,
            branch: query.branch,
            status: 'completed',
            ...(query.event === undefined ? {} : { event: query.event }),
            per_page: 30,
        });
        let read = 0;
        for await (const page of pages) {
            for (const run of page.data) {
                const fact = ciRun(run);
                if (fact.id !== query.excludeRunId && (query.keep?.(fact) ?? true))
                    return fact;
            }
            read += page.data.length;
            if (read >= MAX_RUNS_READ)
                break;
        }
        return null;
    });
}
/** The most runs `latestCompletedRun` looks through, newest first. */
const MAX_RUNS_READ = 100;
/** A check run's output (title, summary, text), for failures outside GitHub Actions. */
async function readCheckRunOutput(octokit, repo, checkRunId) {
    const { data } = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `read check run ${checkRunId}`, permission: CHECKS_READ }, () => octokit.rest.checks.get({ owner: repo.owner, repo: repo.repo, check_run_id: checkRunId }));
    return { title: data.output.title ?? null, summary: data.output.summary ?? null, text: data.output.text ?? null };
}
/** What started on `sha`: check suites (with check runs) and workflow runs. */
async function readCommitActivity(octokit, repo, sha) {
    const short = sha.slice(0, 12);
    const suites = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `list the check suites of ${short}`, permission: CHECKS_READ }, () => octokit.paginate(octokit.rest.checks.listSuitesForRef, {
        owner: repo.owner,
        repo: repo.repo,
        ref: sha,
        per_page: 100,
    }));
    const runs = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)({ action: `list the workflow runs of ${short}`, permission: ACTIONS_READ }, () => octokit.paginate(octokit.rest.actions.listWorkflowRunsForRepo, {
        owner: repo.owner,
        repo: repo.repo,
        head_sha: sha,
        per_page: 100,
    }));
    return {
        suites: suites.map((suite) => ({
            id: suite.id,
            app: suite.app?.slug ?? null,
            status: suite.status ?? 'queued',
            conclusion: suite.conclusion ?? null,
            checkRuns: suite.latest_check_runs_count,
        })),
        workflowRuns: runs.map(ciRun),
    };
}
/** The draft and auto-merge state of a pull request by node id; throws when there is none. */
async function readPullState(octokit, pullNodeId, operation) {
    const answer = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)(operation, () => octokit.graphql(PULL_STATE_QUERY, { id: pullNodeId }));
    const node = answer.node;
    if (!node || node.isDraft === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS(`could not ${operation.action}: ${pullNodeId} is not a pull request GitHub knows`, {
            status: 200,
            action: operation.action,
            githubMessage: 'not a pull request',
            cause: undefined,
        });
    }
    return { isDraft: node.isDraft, autoMerge: node.autoMergeRequest?.mergeMethod ?? null };
}
/** Marks a draft pull request ready for review (GraphQL `markPullRequestReadyForReview`); idempotent. */
async function markReadyForReview(octokit, pullNodeId) {
    const operation = { action: 'mark the pull request ready for review', permission: PULL_WRITE };
    // Read first: the mutation is for drafts, and one that is ready has nothing to change.
    const state = await readPullState(octokit, pullNodeId, { ...operation, permission: PULL_READ });
    if (!state.isDraft)
        return;
    await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)(operation, () => octokit.graphql(MARK_READY_MUTATION, { id: pullNodeId }));
}
/** Requests reviews of people and teams (`org/team`) not yet requested or reviewed; idempotent. */
async function requestReviewers(octokit, repo, pull, reviewers) {
    const lower = (name) => name.toLowerCase();
    const people = reviewers.filter((name) => !name.includes('/'));
    const teams = reviewers.filter((name) => name.includes('/')).map((name) => name.slice(name.indexOf('/') + 1));
    if (people.length === 0 && teams.length === 0)
        return;
    const read = { action: `read the reviewers of pull request #${pull}`, permission: PULL_READ };
    const current = async () => {
        const params = { owner: repo.owner, repo: repo.repo, pull_number: pull };
        const { data: requested } = await octokit.rest.pulls.listRequestedReviewers(params);
        const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, { ...params, per_page: 100 });
        return {
            people: new Set([
                ...requested.users.map((user) => lower(user.login)),
                ...reviews.map((review) => lower(review.user?.login ?? '')),
            ]),
            teams: new Set(requested.teams.map((team) => lower(team.slug))),
        };
    };
    const before = await (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubCall */ .Mc)(read, current);
    const wantedPeople = [...new Set(people.filter((login) => !before.people.has(lower(login))))];
    const wantedTeams = [...new Set(teams.filter((slug) => !before.teams.has(lower(slug))))];
    if (wantedPeople.length === 0 && wantedTeams.length === 0)
        return;
    const operation = { action: `request reviews on pull request #${pull}`, permission: PULL_WRITE };
    try {
        await (0,_write_once_js__WEBPACK_IMPORTED_MODULE_1__/* .writeOnce */ .F)(octokit, {
            operation,
            create: async () => {
                await octokit.rest.pulls.requestReviewers({
                    owner: repo.owner,
                    repo: repo.repo,
                    pull_number: pull,
                    ...(wantedPeople.length > 0 ? { reviewers: wantedPeople } : {}),
                    ...(wantedTeams.length > 0 ? { team_reviewers: wantedTeams } : {}),
                });
                return true;
            },
            find: async () => {
                const after = await current();
                const landed = wantedPeople.every((login) => after.people.has(lower(login))) &&
                    wantedTeams.every((slug) => after.teams.has(lower(slug)));
                return landed ? true : null;
            },
        });
    }
    catch (error) {
        const explained = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainGitHubError */ .Pm)(error, operation);
        if (explained.status === 422 && /collaborator|author/i.test(explained.githubMessage)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS(`could not ${operation.action}: GitHub refused the reviewers ${[...wantedPeople, ...wantedTeams.map((t) => `team ${t}`)].join(', ')} ` +
                `(422 ${explained.githubMessage}); list in the ci.reviewers setting only collaborators of the repository ` +
                "(people with access, not the pull request's author) and teams (`org/team`) that have access to it", { status: 422, action: operation.action, githubMessage: explained.githubMessage, cause: error });
        }
        throw explained;
    }
}
/** Enables GitHub's auto-merge with `method` (GraphQL `enablePullRequestAutoMerge`); idempotent. */
async function enableAutoMerge(octokit, pullNodeId, method) {
    const operation = { action: `enable auto-merge (${method.toLowerCase()})`, permission: AUTO_MERGE_WRITE };
    const state = await readPullState(octokit, pullNodeId, { ...operation, permission: PULL_READ });
    if (state.autoMerge === method)
        return;
    try {
        await octokit.graphql(ENABLE_AUTO_MERGE_MUTATION, { id: pullNodeId, mergeMethod: method });
    }
    catch (error) {
        throw explainAutoMergeError(error, operation);
    }
}
/** GitHub's refusals of auto-merge that are about the repository or the pull request, not the token. */
function explainAutoMergeError(error, operation) {
    const explained = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainGitHubError */ .Pm)(error, operation);
    const said = explained.githubMessage;
    let advice = null;
    if (/auto.?merge is not allowed/i.test(said)) {
        advice =
            `the repository does not allow auto-merge (GitHub: ${said}); enable "Allow auto-merge" under the ` +
                "repository's Settings → General, or set ci.auto-merge to off";
    }
    else if (/clean status/i.test(said)) {
        advice =
            `nothing is left for auto-merge to wait for (GitHub: ${said}): the pull request can be merged as it ` +
                'is; require a check or a review on the base branch for auto-merge to wait on, or merge it yourself';
    }
    else if (/draft|not in the correct state/i.test(said)) {
        advice = `GitHub refused (${said}): a draft pull request must be marked ready for review first`;
    }
    else if (/protected branch rules not configured/i.test(said)) {
        advice = `GitHub refused (${said}): auto-merge needs branch protection or a ruleset on the base branch`;
    }
    if (advice === null)
        return explained;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS(`could not ${operation.action}: ${advice}`, {
        status: explained.status,
        action: operation.action,
        githubMessage: said,
        cause: error,
    });
}


/***/ }),

/***/ 11090:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nK: () => (/* binding */ replyToReviewComment),
/* harmony export */   s0: () => (/* binding */ listReviewThreads),
/* harmony export */   zq: () => (/* binding */ resolveReviewThread)
/* harmony export */ });
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
            nodes { databaseId author { __typename login } body createdAt }
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
                    authorType: comment.author?.__typename ?? '',
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
    // Resolving twice does no harm, so a lost answer (a 5xx after the write landed) is retried like a
    // GET (the client's REPEATABLE_POSTS).
    await octokit.graphql(RESOLVE_REVIEW_THREAD_MUTATION, { threadId });
}


/***/ })

};
