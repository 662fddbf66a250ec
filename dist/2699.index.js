export const id = 2699;
export const ids = [2699,7752];
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

/***/ 21236:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lw: () => (/* binding */ runFixRound),
/* harmony export */   So: () => (/* binding */ runFixRounds),
/* harmony export */   X_: () => (/* binding */ fixLoopOf)
/* harmony export */ });
/* unused harmony export readFixRounds */
/* harmony import */ var _artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40963);
/* harmony import */ var _contracts_documents_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66811);
/* harmony import */ var _review_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(59039);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99661);
/* harmony import */ var _run_stage_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76593);
/**
 * The review → fix loop: while the review blocks, a fix round (the fix stage), a re-test and a
 * re-review, each in the round's run directory, up to `stages.fix.max-rounds`; a person's
 * instructions (a follow-up run's) start the first round even when nothing blocks. What a loop did
 * is read back from the documents (`fixLoopOf`), so the local run, `ensemble stage publish` and
 * the GitHub publisher all tell the same rounds the same way.
 */





/**
 * Runs fix rounds while the review of the change as it stands blocks, after the rounds the run
 * directory already holds, until `stages.fix.max-rounds` rounds in all; every stop says why.
 */
async function runFixRounds(session, unit, asked = { instructions: null }) {
    const { config } = session.ctx;
    for (let first = true;; first = false) {
        const loop = fixLoopOf(session.runDir, config);
        // A person's instructions are a reason for the first round even when no finding blocks.
        const instructions = first ? asked.instructions : null;
        // `describeFixLoop` decides whether another round is due, and says why not when it is not.
        if (!loop.mayContinue && instructions === null)
            return loop;
        const round = (session.runDir.rounds().at(-1) ?? 0) + 1;
        const spent = budgetSpent(config, spentSoFar(session));
        if (spent)
            return { ...loop, stopped: `${spent}, ${(0,_review_index_js__WEBPACK_IMPORTED_MODULE_2__/* .blockingLeft */ .je)(loop.blocking)}` };
        const problem = await runFixRound(session, unit, { stage: 'fix', round, instructions });
        if (problem)
            return { ...fixLoopOf(session.runDir, config), stopped: `fix round ${round}: ${problem}` };
    }
}
/**
 * One fix round: the fixing agent, then the re-test and the re-review of the change with its fix.
 * Returns why the round could not be completed when that was not the fixing agent's own outcome
 * (which its document tells), else null.
 */
async function runFixRound(_session, unit, fix) {
    const fixed = await unit(fix);
    if (fixed.documents.fix?.status !== 'done')
        return null;
    try {
        const test = await unit({ stage: 'test', round: fix.round });
        if (test.status === 'failed')
            return `the re-test failed: ${test.summary}`;
        await unit({ stage: 'review', round: fix.round });
        return null;
    }
    catch (error) {
        return `the re-test or re-review failed: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}`;
    }
}
/**
 * What the run has spent: this process's ledger, or the documents of the run directory when they
 * tell more (a job on GitHub holds only its own calls; the jobs before it left their usage in
 * their documents).
 */
function spentSoFar(session) {
    const ledger = session.ctx.ledger.runTotals();
    const { runDir } = session;
    const plan = (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_4__.readPlan)(runDir);
    const rounds = runDir.rounds();
    // The documents only: the patches beside them may be large and say nothing of usage.
    const present = (kind, artifact) => runDir.hasArtifact(artifact, _contracts_documents_js__WEBPACK_IMPORTED_MODULE_1__.DOCUMENTS[kind].file)
        ? runDir.readDocument(kind, artifact, _contracts_documents_js__WEBPACK_IMPORTED_MODULE_1__.DOCUMENTS[kind].file).usage
        : undefined;
    const usages = [
        plan.usage,
        ...plan.tasks.map((task) => present('task', _artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__.ARTIFACTS.code(task.id))),
        present('docs', _artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__.ARTIFACTS.docs),
        ...[runDir, ...rounds.map((round) => runDir.round(round))].flatMap((dir) => [
            (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_4__.readTest)(dir)?.usage,
            ...dir.reviews().map((review) => review.usage),
        ]),
        ...rounds.map((round) => runDir.fix(round).document.usage),
    ];
    const documents = { tokens: 0, costUsd: 0 };
    for (const usage of usages) {
        if (!usage)
            continue;
        documents.tokens += usage.inputTokens + usage.outputTokens;
        documents.costUsd = documents.costUsd === null || usage.costUsd === null ? null : documents.costUsd + usage.costUsd;
    }
    const fromLedger = { tokens: ledger.inputTokens + ledger.outputTokens, costUsd: ledger.costUsd };
    return documents.tokens > fromLedger.tokens ? documents : fromLedger;
}
/** Why the run may start no other round: its token or cost budget is spent; null while it may. */
function budgetSpent(config, spent) {
    const { tokens, usd } = config.budgets.run;
    const used = spent.tokens;
    if (tokens !== null && used >= tokens)
        return `the run's token budget (${tokens}) is spent (${used} used)`;
    if (usd !== null && spent.costUsd !== null && spent.costUsd >= usd) {
        return `the run's cost budget ($${usd}) is spent ($${spent.costUsd.toFixed(4)} used)`;
    }
    return null;
}
/** The loop as the run directory tells it (`describeFixLoop`). */
function fixLoopOf(runDir, config) {
    return (0,_review_index_js__WEBPACK_IMPORTED_MODULE_2__/* .describeFixLoop */ .NQ)({
        test: (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_4__.readTest)(runDir),
        reviews: (0,_run_stage_js__WEBPACK_IMPORTED_MODULE_4__.readReviews)(runDir),
        rounds: readFixRounds(runDir),
        blockOn: config.review['block-on'],
        maxRounds: config.stages.fix['max-rounds'],
    });
}
/** Every fix round's documents in the run directory, in order. */
function readFixRounds(runDir) {
    return runDir.rounds().map((round) => runDir.fixRound(round));
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

/***/ 30396:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D5: () => (/* binding */ notEnsemblesPull),
/* harmony export */   DS: () => (/* binding */ proseLines),
/* harmony export */   Ss: () => (/* binding */ pullFactsOf),
/* harmony export */   TL: () => (/* binding */ quoted),
/* harmony export */   Tj: () => (/* binding */ decideFollowUp),
/* harmony export */   rD: () => (/* binding */ COMMAND_LINE)
/* harmony export */ });
/* unused harmony exports commandHelp, parseCommand */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(80737);
/* harmony import */ var _contracts_stages_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(10784);
/* harmony import */ var _github_permissions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48859);
/* harmony import */ var _render_marker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19556);
/* harmony import */ var _util_fences_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(68568);
/**
 * What a pull-request event asks of ensemble: a follow-up run (fix, retry, stop) on a pull request
 * ensemble opened, or nothing, and then whether to say why. Pure: no network. The caller checks
 * what needs the API — the author's write access (`checkTriggerPermission`) and whether the pull
 * request is ensemble's (`notEnsemblesPull` on the pull request it reads).
 */





const COMMAND = '/ensemble';
/** The commands, in Markdown, one line each. No line starts with the command word, so a reply quoting it is no command. */
function commandHelp() {
    return [
        'ensemble follows these commands, written at the start of a line of a comment or review on its pull request:',
        '- `/ensemble fix [instructions]`: fix the pull request as the rest of the comment says.',
        `- \`/ensemble retry [stage]\`: run a stage again (${_contracts_stages_js__WEBPACK_IMPORTED_MODULE_2__/* .STAGE_NAMES */ .y.join(', ')}); without one, the failed jobs.`,
        '- `/ensemble stop`: stop the run working on this pull request.',
    ].join('\n');
}
/** A word of the author's to quote in a reply: as inline code (no mention, no markup), short. */
function quoted(word) {
    const plain = word.replace(/`/g, '');
    return `\`${plain.length > 40 ? `${plain.slice(0, 39)}…` : plain}\``;
}
/**
 * The indexes of the lines a reader sees as prose: lines in fenced code blocks and
 * block quotes are left out (a command quoted or shown as an example is not given). A quote goes
 * on over the non-blank lines after it, as CommonMark's lazy continuation shows them inside it.
 */
function proseLines(lines) {
    const prose = [];
    let fence = null;
    let quote = false;
    lines.forEach((line, index) => {
        if (fence !== null) {
            if ((0,_util_fences_js__WEBPACK_IMPORTED_MODULE_3__/* .closesFence */ .Tv)(line, fence))
                fence = null;
            return;
        }
        if (line.trim() === '') {
            quote = false;
            return;
        }
        if (/^\s*>/.test(line)) {
            quote = true;
            return;
        }
        if (quote)
            return;
        // GitHub opens a fence indented by up to three spaces too.
        const opening = (0,_util_fences_js__WEBPACK_IMPORTED_MODULE_3__/* .fenceOpening */ .YY)(line.replace(/^ {1,3}/, ''));
        if (opening !== null) {
            fence = opening;
            return;
        }
        prose.push(index);
    });
    return prose;
}
const COMMAND_LINE = /^\s*\/ensemble(?=\s|$)(.*)$/i;
/**
 * The command in a comment or review body: its first line whose first word is `/ensemble` (any
 * case, after any indentation), outside code fences and quotes. Null when there is none; `unknown`
 * (with the reply to give) when the line is no command ensemble knows.
 */
function parseCommand(body) {
    const lines = body.split(/\r?\n/);
    const index = proseLines(lines).find((i) => COMMAND_LINE.test(lines[i]));
    if (index === undefined)
        return null;
    const rest = COMMAND_LINE.exec(lines[index])[1].trim();
    const [word = '', ...args] = rest.split(/\s+/).filter(Boolean);
    const name = word.toLowerCase();
    if (name === 'fix') {
        const instructions = [rest.slice(word.length), ...lines.slice(index + 1)].join('\n').trim();
        return { kind: 'fix', instructions: instructions === '' ? null : instructions };
    }
    if (name === 'retry') {
        const stage = args.length === 1 ? args[0].toLowerCase() : null;
        if (args.length === 0)
            return { kind: 'retry', stage: null };
        if (stage !== null && _contracts_stages_js__WEBPACK_IMPORTED_MODULE_2__/* .STAGE_NAMES */ .y.includes(stage))
            return { kind: 'retry', stage: stage };
        return {
            kind: 'unknown',
            message: `\`/ensemble retry\` takes one stage, one of ${_contracts_stages_js__WEBPACK_IMPORTED_MODULE_2__/* .STAGE_NAMES */ .y.join(', ')}, or none to retry the ` +
                `failed jobs; it got ${args.map(quoted).join(' ')}.`,
        };
    }
    if (name === 'stop') {
        // Strict: a command that ends a run should say exactly that, not something ensemble guesses at.
        if (args.length === 0)
            return { kind: 'stop' };
        return { kind: 'unknown', message: `\`/ensemble stop\` takes nothing after it.\n\n${commandHelp()}` };
    }
    const what = word === '' ? `\`${COMMAND}\` alone is no command.` : `${quoted(word)} is not a command of ensemble.`;
    return { kind: 'unknown', message: `${what}\n\n${commandHelp()}` };
}
const HANDLED_EVENTS = ['pull_request_review', 'pull_request_review_comment', 'issue_comment'];
/** The action of each event that can ask something of ensemble. */
const ACTING = {
    pull_request_review: 'submitted',
    pull_request_review_comment: 'created',
    issue_comment: 'created',
};
const User = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().min(1), type: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP() });
const Id = zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().positive();
const ReviewPayload = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    review: zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
        id: Id,
        user: User,
        body: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().nullable().optional(),
        state: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(),
        html_url: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().nullable().optional(),
    }),
    pull_request: zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({ number: Id }),
});
const ReviewCommentPayload = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    comment: zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
        id: Id,
        user: User,
        body: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(),
        path: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(),
        line: zod__WEBPACK_IMPORTED_MODULE_4__/* .number */ .aig().int().nullable().optional(),
        html_url: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().nullable().optional(),
    }),
    pull_request: zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({ number: Id }),
});
const IssueCommentPayload = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({
    comment: zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({ id: Id, user: User, body: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP(), html_url: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().nullable().optional() }),
    issue: zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({ number: Id, pull_request: zod__WEBPACK_IMPORTED_MODULE_4__/* .unknown */ .L5J().optional() }),
});
function parsed(eventName, schema, payload, facts) {
    const result = schema.safeParse(payload);
    if (result.success)
        return { ok: true, facts: facts(result.data) };
    const issue = result.error.issues[0];
    const field = issue.path.map(String).join('.') || 'the payload';
    return {
        ok: false,
        reason: `the ${eventName} event's payload has no usable ${field} (${issue.message}); ensemble cannot tell what it asks`,
    };
}
function factsOf(eventName, payload) {
    if (eventName === 'pull_request_review') {
        return parsed(eventName, ReviewPayload, payload, ({ review, pull_request }) => ({
            pull: pull_request.number,
            author: { login: review.user.login, type: review.user.type },
            body: review.body ?? '',
            source: { kind: 'review', id: review.id, url: review.html_url ?? null },
            place: null,
            reviewId: review.id,
            // Webhooks spell the state in lower case, the REST API in upper case.
            changesRequested: review.state.toLowerCase() === 'changes_requested',
            onPull: true,
        }));
    }
    if (eventName === 'pull_request_review_comment') {
        return parsed(eventName, ReviewCommentPayload, payload, ({ comment, pull_request }) => ({
            pull: pull_request.number,
            author: { login: comment.user.login, type: comment.user.type },
            body: comment.body,
            source: { kind: 'review-comment', id: comment.id, url: comment.html_url ?? null },
            // `line` is null when the comment is outdated: its line is no longer in the diff.
            place: { path: comment.path, line: comment.line ?? null },
            reviewId: null,
            changesRequested: false,
            onPull: true,
        }));
    }
    return parsed(eventName, IssueCommentPayload, payload, ({ comment, issue }) => ({
        pull: issue.number,
        author: { login: comment.user.login, type: comment.user.type },
        body: comment.body,
        source: { kind: 'issue-comment', id: comment.id, url: comment.html_url ?? null },
        place: null,
        reviewId: null,
        changesRequested: false,
        // GitHub sends comments on pull requests as issue comments, with `issue.pull_request` set.
        onPull: issue.pull_request !== undefined && issue.pull_request !== null,
    }));
}
const ignore = (reason, source = null) => ({
    act: false,
    reply: false,
    reason,
    source,
});
/**
 * What an event asks of ensemble. Acts on a command in a new comment or review, or on a review
 * requesting changes (when `requestChanges`); replies only to a person who wrote an `/ensemble`
 * line ensemble does not understand. Write access and the pull request's owner are the caller's.
 */
function decideFollowUp(eventName, payload, options) {
    if (!HANDLED_EVENTS.includes(eventName))
        return ignore(`ensemble follows up on ${HANDLED_EVENTS.join(', ')} events, not on "${eventName}"`);
    const event = eventName;
    const action = zod__WEBPACK_IMPORTED_MODULE_4__/* .object */ .Ikc({ action: zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP() }).safeParse(payload);
    if (!action.success)
        return ignore(`the ${event} event's payload has no action; ensemble cannot tell what happened`);
    // Only a new comment or review runs a command. Replying to every edit would be spam, and an edit
    // can change a command ensemble already acted on: running it again, or a different one, would
    // surprise everyone reading the thread.
    if (action.data.action !== ACTING[event]) {
        return ignore(`the ${event} event "${action.data.action}" runs nothing (edited comments do not run commands: ` +
            'post a new comment)');
    }
    const facts = factsOf(event, payload);
    if (!facts.ok)
        return ignore(facts.reason);
    const { pull, author, body, source } = facts.facts;
    // ensemble's own reviews and comments (a re-review requesting changes, posted with a person's
    // token) carry its markers: they never start a run, or ensemble would answer itself.
    if ((0,_render_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .findMarker */ .Ed)(body) !== null)
        return ignore(`the ${event} on #${pull} was written by ensemble`);
    const onIssue = !facts.facts.onPull;
    const parsedCommand = parseCommand(body);
    // On an issue, only stop and retry concern ensemble's runs; anything else there is a conversation.
    if (onIssue && (parsedCommand === null || parsedCommand.kind === 'unknown'))
        return ignore(`#${pull} is an issue, not a pull request; on an issue ensemble follows only stop and retry`);
    if (parsedCommand === null && !facts.facts.changesRequested)
        return ignore(`the ${event} on #${pull} is not addressed to ensemble: it has no ${COMMAND} line`, source);
    // Replying to a bot can start a loop of bots answering each other: an unlisted bot gets silence.
    if ((0,_github_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .isBot */ .w2)(author.login, author.type) && !(0,_github_permissions_js__WEBPACK_IMPORTED_MODULE_0__/* .isListedBot */ .Jk)(author.login, options.allowedBots)) {
        return ignore(`"${author.login}" is a bot; a bot's comments run ensemble only when trigger.allowed-bots lists it`, source);
    }
    // A command ensemble does not understand is answered, even in a review requesting changes:
    // running a fix its author did not ask for in so many words would be a guess.
    if (parsedCommand?.kind === 'unknown')
        return { act: false, reply: true, reason: parsedCommand.message, source };
    if (onIssue && parsedCommand?.kind === 'fix') {
        const reason = `\`${COMMAND} fix\` works on the pull request ensemble opened for #${pull}: comment there ` +
            '(or label the issue again for a new run)';
        return { act: false, reply: true, reason, source };
    }
    let command;
    let via;
    if (parsedCommand !== null) {
        command = parsedCommand;
        via = 'command';
    }
    else {
        if (!options.requestChanges) {
            return ignore(`the review on #${pull} requests changes, but follow-up.request-changes is false: ` +
                `only an ${COMMAND} command starts a run`, source);
        }
        // The review's body is what its author wants changed; its inline comments the caller reads by reviewId.
        const instructions = body.trim();
        command = { kind: 'fix', instructions: instructions === '' ? null : instructions };
        via = 'changes-requested';
    }
    return {
        act: true,
        followUp: {
            event,
            pull,
            onIssue,
            author,
            command,
            via,
            source,
            place: facts.facts.place,
            reviewId: facts.facts.reviewId,
        },
    };
}
/** The facts `notEnsemblesPull` reads, from a REST pull request. */
function pullFactsOf(pull) {
    return {
        number: pull.number,
        state: pull.state,
        headRef: pull.head.ref,
        headRepo: pull.head.repo?.full_name ?? null,
        baseRepo: pull.base.repo.full_name,
        body: pull.body,
    };
}
/** Null when ensemble opened it (same repository, branch ensemble/…, body with the ensemble:pr marker), else why not. */
function notEnsemblesPull(pull) {
    const which = `#${pull.number}`;
    if (pull.state !== 'open')
        return `pull request ${which} is ${pull.state}; ensemble follows up only on open ones`;
    if (pull.headRepo === null || pull.headRepo.toLowerCase() !== pull.baseRepo.toLowerCase()) {
        return (`pull request ${which} comes from ${pull.headRepo ?? 'a deleted repository'}, not ${pull.baseRepo}; ` +
            'ensemble follows up only on the pull requests it opened from its own branches');
    }
    if (!/^ensemble\/./.test(pull.headRef)) {
        return (`pull request ${which} is on the branch "${pull.headRef}", not an ensemble/… branch; ` +
            'ensemble follows up only on the pull requests it opened');
    }
    const mark = (0,_render_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .findMarker */ .Ed)(pull.body ?? '', 'pr');
    if (mark === null || !mark.fields['run']) {
        return (`pull request ${which} has no ensemble marker in its description (ensemble writes one when it opens a ` +
            'pull request); it follows up only on the pull requests it opened');
    }
    return null;
}


/***/ }),

/***/ 2699:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MAX_OUTPUT_BYTES: () => (/* binding */ MAX_OUTPUT_BYTES),
  SetupFailedError: () => (/* binding */ SetupFailedError),
  configThatCanWait: () => (/* binding */ configThatCanWait),
  openActionsRun: () => (/* binding */ openActionsRun),
  planMatrix: () => (/* binding */ planMatrix),
  prepareRun: () => (/* binding */ prepareRun),
  reportPlan: () => (/* binding */ reportPlan),
  reportSetupFailure: () => (/* binding */ reportSetupFailure),
  runPlanAction: () => (/* binding */ runPlanAction),
  setUpBeforePlanning: () => (/* binding */ setUpBeforePlanning)
});

// EXTERNAL MODULE: ./lib/artifacts/names.js
var names = __webpack_require__(40963);
// EXTERNAL MODULE: ./lib/pipeline/environment.js
var environment = __webpack_require__(96283);
// EXTERNAL MODULE: ./lib/pipeline/gates.js
var gates = __webpack_require__(34446);
// EXTERNAL MODULE: ./lib/pipeline/request.js
var request = __webpack_require__(6547);
// EXTERNAL MODULE: ./lib/pipeline/run-stage.js + 15 modules
var run_stage = __webpack_require__(76593);
// EXTERNAL MODULE: ./lib/pipeline/session.js + 6 modules
var pipeline_session = __webpack_require__(6660);
// EXTERNAL MODULE: ./lib/plan/graph.js
var graph = __webpack_require__(18703);
// EXTERNAL MODULE: ./lib/render/index.js + 10 modules
var render = __webpack_require__(14059);
// EXTERNAL MODULE: ./lib/stages/setup.js
var stages_setup = __webpack_require__(4406);
// EXTERNAL MODULE: ./lib/util/errors.js
var errors = __webpack_require__(99661);
// EXTERNAL MODULE: ./lib/runtime/actions/environment.js
var actions_environment = __webpack_require__(69133);
// EXTERNAL MODULE: ./lib/contracts/gate.js
var gate = __webpack_require__(37216);
// EXTERNAL MODULE: ./lib/publish/tracking.js
var tracking = __webpack_require__(17646);
// EXTERNAL MODULE: ./lib/render/marker.js
var marker = __webpack_require__(19556);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 1 modules
var schemas = __webpack_require__(80737);
// EXTERNAL MODULE: ./lib/github/permissions.js
var permissions = __webpack_require__(48859);
// EXTERNAL MODULE: ./lib/runtime/actions/follow-up-event.js
var follow_up_event = __webpack_require__(30396);
;// CONCATENATED MODULE: ./lib/runtime/actions/gate-event.js
/**
 * What a comment on an issue asks of a run that waits there (`pipeline/gates.ts`): answers to the
 * planner's questions, the approval or a revision of its plan, or to stop. Pure: no network. The
 * plan action checks what needs the API: the author's write access, the stored checkpoint, and
 * that the issue and the configuration are as the checkpoint saw them.
 */




/** The commands on an issue where ensemble waits, in Markdown; no line starts with the command word. */
function gateCommandHelp() {
    return [
        'On an issue where ensemble waits, people with write access can write, at the start of a line of a comment:',
        '- `/ensemble answer <answers>`: answer its questions (while it waits for answers, any comment of theirs ' +
            'counts as an answer too).',
        '- `/ensemble approve`: code exactly the plan it posted.',
        '- `/ensemble revise <what to change>`: plan again with these instructions, and post the new plan.',
        '- `/ensemble stop`: abandon what it waits on (label the issue again to start over).',
    ].join('\n');
}
/**
 * The gate command in a comment: the first `/ensemble` line outside code and quotes. `answer` and
 * `revise` take the rest of the line and every line after it. A comment with no command line is an
 * answer by comment. `null`: an `/ensemble` command that is not the gates' (fix, retry: the
 * follow-up's); `unknown`: a command line ensemble does not know, with the reply to give.
 */
function parseGateCommand(body) {
    const lines = body.split(/\r?\n/);
    const index = (0,follow_up_event/* proseLines */.DS)(lines).find((i) => follow_up_event/* COMMAND_LINE */.rD.test(lines[i]));
    if (index === undefined)
        return { kind: 'answer', text: body.trim(), via: 'comment' };
    const rest = follow_up_event/* COMMAND_LINE */.rD.exec(lines[index])[1]?.trim() ?? '';
    const word = rest.split(/\s+/)[0] ?? '';
    const name = word.toLowerCase();
    const after = [rest.slice(word.length), ...lines.slice(index + 1)].join('\n').trim();
    if (name === 'fix' || name === 'retry')
        return null;
    if (name === 'answer' || name === 'revise') {
        if (after === '') {
            const what = name === 'answer' ? 'your answers' : 'what to change in the plan';
            return { kind: 'unknown', message: `\`/ensemble ${name}\` needs ${what} after it.\n\n${gateCommandHelp()}` };
        }
        return name === 'answer'
            ? { kind: 'answer', text: after, via: 'command' }
            : { kind: 'revise', instructions: after };
    }
    if (name === 'approve' || name === 'stop') {
        // Strict, as the follow-up's stop: a command that starts coding or ends a run says exactly that.
        if (after !== '')
            return { kind: 'unknown', message: `\`/ensemble ${name}\` takes nothing after it.\n\n${gateCommandHelp()}` };
        return { kind: name };
    }
    const what = word === '' ? '`/ensemble` alone is no command.' : `${(0,follow_up_event/* quoted */.TL)(word)} is not a command of ensemble.`;
    return { kind: 'unknown', message: `${what}\n\n${gateCommandHelp()}` };
}
const IssueCommentPayload = schemas/* object */.Ikc({
    action: schemas/* string */.YjP(),
    comment: schemas/* object */.Ikc({
        id: schemas/* number */.aig().int().positive(),
        user: schemas/* object */.Ikc({ login: schemas/* string */.YjP().min(1), type: schemas/* string */.YjP() }),
        body: schemas/* string */.YjP(),
        created_at: schemas/* string */.YjP(),
        html_url: schemas/* string */.YjP().nullable().optional(),
    }),
    issue: schemas/* object */.Ikc({ number: schemas/* number */.aig().int().positive(), pull_request: schemas/* unknown */.L5J().optional() }),
});
const ignore = (reason) => ({ act: false, reply: false, reason, commentId: null });
/**
 * What a new comment on an issue asks of a waiting run, before any API call. Silent on what is
 * not addressed to ensemble (edits, pull requests, its own comments, unlisted bots); replies only
 * to an `/ensemble` line it cannot follow.
 */
function decideGateComment(payload, options) {
    const parsed = IssueCommentPayload.safeParse(payload);
    if (!parsed.success) {
        const field = parsed.error.issues[0]?.path.map(String).join('.') ?? '';
        const what = field === '' ? 'is no object' : `has no usable ${field}`;
        return ignore(`the issue_comment event's payload ${what}; ensemble cannot tell what it asks`);
    }
    const { action, comment, issue } = parsed.data;
    // An edit could change an answer or a command ensemble already acted on: only new comments count.
    if (action !== 'created')
        return ignore(`the issue_comment event "${action}" runs nothing: post a new comment`);
    if (issue.pull_request !== undefined && issue.pull_request !== null)
        return ignore(`#${issue.number} is a pull request: its comments are the follow-up's`);
    if ((0,marker/* findMarker */.Ed)(comment.body) !== null)
        return ignore(`the comment on #${issue.number} was written by ensemble`);
    const author = { login: comment.user.login, type: comment.user.type };
    if ((0,permissions/* isBot */.w2)(author.login, author.type) && !(0,permissions/* isListedBot */.Jk)(author.login, options.allowedBots))
        return ignore(`"${author.login}" is a bot; a bot's comments count only when trigger.allowed-bots lists it`);
    const command = parseGateCommand(comment.body);
    if (command === null)
        return ignore(`the comment on #${issue.number} is a command of the follow-up, not the gates'`);
    if (command.kind === 'unknown')
        return { act: false, reply: true, reason: command.message, commentId: comment.id };
    if (command.kind === 'answer' && command.text === '')
        return ignore(`the comment on #${issue.number} is empty`);
    return {
        act: true,
        comment: {
            issue: issue.number,
            author,
            command,
            comment: { id: comment.id, createdAt: comment.created_at, url: comment.html_url ?? null },
        },
    };
}

// EXTERNAL MODULE: ./lib/runtime/actions/reply.js
var reply = __webpack_require__(56988);
;// CONCATENATED MODULE: ./lib/runtime/actions/plan-gate.js








/**
 * Decides what an `issue_comment` event asks of a waiting run, with every check that needs the
 * API, and says no where it must. `token` writes the replies.
 */
async function startFromComment(deps, input) {
    const { job } = deps;
    const { config } = input;
    const decision = decideGateComment(job.eventPayload, { allowedBots: config.trigger['allowed-bots'] });
    const github = await Promise.all(/* import() */[__webpack_require__.e(4533), __webpack_require__.e(8483)]).then(__webpack_require__.bind(__webpack_require__, 48483));
    const octokit = github.createOctokit({ token: input.token, baseUrl: job.apiUrl });
    const repo = { owner: job.repository.owner, repo: job.repository.repo };
    const issueOfPayload = job.eventPayload['issue']?.number ?? 0;
    if (!decision.act) {
        if (decision.reply && decision.commentId !== null) {
            const source = { kind: 'issue-comment', id: decision.commentId, url: null };
            await (0,reply/* replyTo */.u7)(octokit, repo, issueOfPayload, source, decision.reason);
        }
        return { kind: 'nothing', why: decision.reason };
    }
    const asked = decision.comment;
    const source = { kind: 'issue-comment', id: asked.comment.id, url: asked.comment.url };
    // A plain comment is an answer only where answers are awaited; anywhere else it is conversation.
    const plain = asked.command.kind === 'answer' && asked.command.via === 'comment';
    const refuse = async (why) => {
        if (!plain)
            await (0,reply/* replyTo */.u7)(octokit, repo, asked.issue, source, why);
        return { kind: 'nothing', why };
    };
    const permission = await github.checkTriggerPermission(octokit, {
        ...repo,
        username: asked.author.login,
        senderType: asked.author.type,
        allowedBots: config.trigger['allowed-bots'],
    });
    if (!permission.ok)
        return refuse(permission.reason);
    const { readCheckpoint } = await __webpack_require__.e(/* import() */ 8025).then(__webpack_require__.bind(__webpack_require__, 68025));
    let stored;
    try {
        stored = await readCheckpoint(octokit, repo, asked.issue);
    }
    catch (error) {
        // A checkpoint that cannot be read is said even to a plain comment: it was meant as an answer.
        if (!(error instanceof errors/* UserError */.yo))
            throw error;
        await (0,reply/* replyTo */.u7)(octokit, repo, asked.issue, source, error.message);
        return { kind: 'nothing', why: error.message };
    }
    // Stop on an issue where nothing waits is the follow-up's: it stops the runs in progress and replies.
    if (asked.command.kind === 'stop' && stored?.checkpoint.status !== 'waiting')
        return { kind: 'nothing', why: `nothing waits on #${asked.issue}; stopping runs in progress is the follow-up's` };
    if (stored === null) {
        return refuse(`nothing of ensemble's waits on #${asked.issue}: it has no questions or plan pending there ` +
            `(label the issue "${config.trigger.label}" to start a run)`);
    }
    const { checkpoint } = stored;
    if (plain && (checkpoint.status !== 'waiting' || checkpoint.waitingFor !== 'answers'))
        return { kind: 'nothing', why: `#${asked.issue} waits for no answers; the comment is conversation` };
    // The issue as it reads now: its text must be the one the checkpoint saw. Its comments, each
    // author's role looked up, are read only where answers are collected from them.
    const where = { ...repo, issue_number: asked.issue };
    const issue = asked.command.kind === 'answer'
        ? await github.snapshotIssue(octokit, {
            ...where,
            allowedBots: config.trigger['allowed-bots'],
            writers: [asked.author.login],
        })
        : { ...(await github.readIssueState(octokit, where)), author: null, comments: [] };
    const current = (0,request/* requestFromIssue */.T3)(issue);
    const problem = (0,gates/* resumeProblem */.VI)(checkpoint, {
        kind: asked.command.kind,
        issue: asked.issue,
        requestHash: (0,gates/* requestTextHash */.vx)(current),
        configHash: input.loaded.hash,
        writtenAt: asked.comment.createdAt,
    });
    if (problem !== null) {
        // Said to the author of a plain answer too: they answered a question ensemble asked.
        await (0,reply/* replyTo */.u7)(octokit, repo, asked.issue, source, problem);
        return { kind: 'nothing', why: problem };
    }
    // What people see is what continues: the tracking comment names the run whose wait it shows. A
    // stored checkpoint of another run (the newer one's publish failed to store its own) is refused.
    const shown = await (0,tracking/* waitShownOnIssue */.Tg)(octokit, repo, asked.issue);
    if (asked.command.kind !== 'stop' && shown !== checkpoint.run.runId) {
        const why = `the tracking comment on #${asked.issue} shows ${shown ? `run ${shown}'s wait` : 'no wait'}, but the stored ` +
            `checkpoint is run ${checkpoint.run.runId}'s; ensemble continues only what people were shown: label the ` +
            'issue again to start over';
        await (0,reply/* replyTo */.u7)(octokit, repo, asked.issue, source, why);
        return { kind: 'nothing', why };
    }
    const prepared = { request: checkpoint.request, octokit, token: input.token };
    const origin = { runId: checkpoint.run.runId, commit: stored.commit };
    const now = new Date().toISOString();
    const by = asked.author.login;
    switch (asked.command.kind) {
        case 'stop':
            return {
                kind: 'stop',
                checkpoint: { ...checkpoint, status: 'stopped', settled: { by, at: now, runId: job.runId } },
                prepared,
            };
        case 'approve':
            return {
                kind: 'continue',
                gate: { kind: 'approve', checkpoint, origin, approval: { by, at: now, via: 'comment' } },
                prepared,
            };
        case 'revise':
            return {
                kind: 'continue',
                gate: {
                    kind: 'revise',
                    checkpoint,
                    origin,
                    conversation: stored.conversation,
                    revision: { by, at: now, instructions: asked.command.instructions.slice(0, gate/* MAX_PERSON_TEXT */.Te) },
                },
                prepared,
            };
        case 'answer': {
            const answers = answersSince(checkpoint, issue.comments, asked);
            return {
                kind: 'continue',
                gate: { kind: 'answers', checkpoint, origin, conversation: stored.conversation, answers },
                prepared,
            };
        }
    }
}
/**
 * The answers to the last round: every comment by someone with write access since the questions
 * were asked (`comments` holds only theirs) that is an answer, and the comment that started this
 * run. Several people may answer before a run starts, and GitHub keeps only the newest of the
 * runs waiting in one concurrency group: collecting them all loses none.
 */
function answersSince(checkpoint, comments, asked) {
    const askedAt = Date.parse(checkpoint.gate.rounds.at(-1)?.askedAt ?? '');
    const answers = [];
    const seen = new Set();
    const add = (author, text, createdAt, via, commentId) => {
        const key = `${author}\n${createdAt}\n${text}`;
        if (seen.has(key) || answers.length >= gate/* MAX_ANSWERS_PER_ROUND */.mn)
            return;
        seen.add(key);
        answers.push({ by: author, at: createdAt, text: text.slice(0, gate/* MAX_PERSON_TEXT */.Te), via, commentId });
    };
    // The comment that started the run first: it is the one with its id known.
    if (asked.command.kind === 'answer') {
        const { text, via } = asked.command;
        add(asked.author.login, text, asked.comment.createdAt, via, asked.comment.id);
    }
    for (const comment of comments) {
        if (!(Date.parse(comment.createdAt) > askedAt) || (0,marker/* findMarker */.Ed)(comment.body) !== null)
            continue;
        const command = parseGateCommand(comment.body);
        if (command?.kind !== 'answer' || command.text === '')
            continue;
        add(comment.author, command.text, comment.createdAt, command.via, null);
    }
    return answers.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

// EXTERNAL MODULE: ./lib/runtime/actions/report.js
var report = __webpack_require__(87752);
// EXTERNAL MODULE: ./lib/runtime/actions/setup-cache.js
var setup_cache = __webpack_require__(15498);
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
    const github = await Promise.all(/* import() */[__webpack_require__.e(4533), __webpack_require__.e(8483)]).then(__webpack_require__.bind(__webpack_require__, 48483));
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
    return (0,pipeline_session/* openRunSession */.I)({
        repoDir: job.workspace,
        repository: `${job.repository.owner}/${job.repository.repo}`,
        runId: job.runId,
        request: input.request,
        loaded: input.loaded,
        config: input.config,
        runDir: deps.runDir,
        session: input.session,
        reporter: (0,actions_environment.actionsReporter)(deps.core),
    });
}
/**
 * The outputs the reusable workflow's jobs fan out on. Only a plan has tasks: a run that waits,
 * stopped or had nothing to do outputs none, so no code job starts, and `outcome` tells publish
 * whether it has a checkpoint to store (`waiting`, `stopped`) or nothing to do (`ignored`).
 */
function setPlanOutputs(deps, config, result) {
    const { core } = deps;
    const matrix = result.plan ? planMatrix(result.plan, config) : { json: '{"include":[]}', warnings: [] };
    for (const warning of matrix.warnings)
        core.warning(warning);
    core.setOutput('outcome', result.outcome);
    core.setOutput('matrix', matrix.json);
    core.setOutput('timeouts', JSON.stringify((0,timeouts/* jobTimeouts */.u)(config)));
    core.setOutput('task-count', String(result.plan?.tasks.length ?? 0));
    if (result.baseSha)
        core.setOutput('base-sha', result.baseSha);
    core.setOutput('lenses', JSON.stringify(config.review.lenses));
}
/**
 * After the plan step: the outputs, the step summary, and the tracking comment on the issue: the
 * plan, or what the run waits for (the questions, or the plan to approve) and how to continue.
 */
async function reportPlan(deps, prepared, outcome, config) {
    const { checkpoint } = outcome.documents;
    if (checkpoint) {
        setPlanOutputs(deps, config, { outcome: 'waiting', plan: null, baseSha: checkpoint.run.baseSha });
        await (0,report.reportStage)(deps.core, { stage: 'plan', outcomes: [outcome], config, runDir: deps.runDir });
        if (checkpoint.request.issue === null)
            return;
        const { postGateTrackingComment } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 17646));
        await postGateTrackingComment({
            ...trackingTarget(deps, prepared, checkpoint.request.issue),
            checkpoint,
            label: config.gates['needs-info-label'],
        });
        return;
    }
    const plan = outcome.documents.plan;
    setPlanOutputs(deps, config, { outcome: 'planned', plan, baseSha: plan.run.baseSha });
    await (0,report.reportStage)(deps.core, { stage: 'plan', outcomes: [outcome], config, runDir: deps.runDir });
    if (plan.request.issue === null)
        return;
    const { postPlanTrackingComment } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 17646));
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
        runUrl: (0,actions_environment.runUrlOf)(job),
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
 * plan. Once there is a plan, the install is packed for the code, test and fix jobs, which reuse it
 * (`saveInstall`, setup-cache.ts): one install per run. A repository with nothing to install costs
 * nothing here.
 */
async function setUpBeforePlanning(deps, prepared, session, config) {
    const { setup } = await (0,stages_setup/* environmentChoice */.tu)(session.ctx, session.base.dir, session.ctx.baseFiles);
    if (setup.commands.length > 0)
        await (0,stages.setUpSandbox)(deps, config);
    const report = await (0,stages.withCommandsStopped)(deps.core, () => (0,environment/* prepareEnvironment */.z)(session));
    if (report?.status !== 'failed')
        return report;
    await reportSetupFailure(deps, prepared, (0,environment/* setupStopMessage */.J)(report));
    throw new SetupFailedError((0,environment/* setupStopMessage */.J)(report));
}
/**
 * Packs the plan job's install for the later jobs (`setup-cache.ts`); its cache key, or '' when
 * nothing was installed. A failure to pack costs the run only the reuse: the later jobs install.
 */
async function saveInstall(deps, session) {
    const installed = await session.ctx.environment?.installed();
    if (!installed)
        return '';
    try {
        const key = await (0,setup_cache/* packInstall */.Zr)(installed, deps.job.runnerTemp, session.ctx.run.baseSha);
        deps.core.info(`setup: packed for the code, test and fix jobs (cache key ${key})`);
        return key;
    }
    catch (error) {
        deps.core.warning(`setup: the install could not be packed for the later jobs, which install again: ${(0,errors/* errorMessage */.gJ)(error)}`);
        return '';
    }
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
    const { postSetupFailureTrackingComment } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 17646));
    await postSetupFailureTrackingComment({ ...trackingTarget(deps, prepared, prepared.request.issue), message });
}
/**
 * `actions/plan`: checks the event and who triggered it, snapshots the request (or, on a comment
 * where a run waits, reads and verifies its checkpoint: `plan-gate.ts`), plans or continues the
 * plan, uploads `ensemble-plan`, sets the outputs and upserts the tracking comment.
 */
async function runPlanAction(settings, deps) {
    const model = settings.model ? `${settings.model.provider}:${settings.model.model}` : null;
    const { loaded, config } = await (0,pipeline_session.loadRunConfig)(deps.job.workspace, settings.config, model);
    (0,timeouts/* assertPlanFitsItsJob */.JI)(config, loaded.file);
    let prepared;
    let gate = { kind: 'fresh' };
    if (deps.job.eventName === 'issue_comment') {
        const token = settings.githubToken ?? deps.env['GITHUB_TOKEN'];
        if (!token)
            throw new errors/* UserError */.yo(MISSING_TOKEN);
        const start = await startFromComment(deps, { config, loaded, token });
        if (start.kind === 'nothing')
            return reportNothing(deps, config, start.why);
        if (start.kind === 'stop')
            return reportStopped(deps, config, start.checkpoint);
        prepared = start.prepared;
        gate = start.gate;
    }
    else {
        prepared = await prepareRun(settings, deps, config);
    }
    if (gate.kind === 'answers') {
        // No answers are wanted any more once a run continues; a comment meanwhile starts nothing.
        const { removeIssueLabel } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 375));
        const { owner, repo } = deps.job.repository;
        const issue = prepared.request.issue;
        await removeIssueLabel(prepared.octokit, {
            owner,
            repo,
            issue_number: issue,
            label: config.gates['needs-info-label'],
        });
    }
    const runConfig = configThatCanWait(config, prepared.request, 'workflow', deps.core);
    // Keys are read, then every credential leaves the environment, before any agent starts.
    const models = (0,pipeline_session.openModels)(runConfig, ['plan'], {
        model,
        baseUrl: settings.baseUrl,
        apiKey: settings.apiKey,
        env: deps.env,
        ...(deps.session ? { session: deps.session } : {}),
    });
    const session = await openActionsRun(deps, {
        request: prepared.request,
        loaded,
        config: runConfig,
        session: models,
    });
    let outcome;
    let setup = null;
    let setupKey = '';
    try {
        // An approval codes the posted plan with no model call. It installs here too (once, for every
        // later job) when the plan's base is this checkout's; else the code jobs install at the plan's base.
        if (gate.kind !== 'approve' || gate.checkpoint.run.baseSha === session.ctx.run.baseSha) {
            setup = await setUpBeforePlanning({ ...deps, session: models }, prepared, session, runConfig);
        }
        const unit = { stage: 'plan', request: prepared.request, gate };
        outcome = await (0,stages.withCommandsStopped)(deps.core, () => (0,run_stage.runStage)(session, unit));
        // Only a plan is coded: a run that waits saves nothing (the run that continues it installs).
        if (outcome.documents.plan)
            setupKey = await saveInstall(deps, session);
    }
    finally {
        await session.close();
    }
    deps.core.setOutput('setup-key', setupKey);
    await (0,stages.uploadOutcome)(deps, outcome);
    await reportPlan({ ...deps, session: models }, prepared, outcome, config);
    if (setup && setup.status !== 'failed') {
        const { choice, test } = setup;
        const summary = { ...choice, status: setup.status, durationMs: setup.durationMs, test };
        deps.core.summary.addRaw((0,render/* renderSetupSummary */.Is)(summary), true);
        await deps.core.summary.write();
    }
}
/**
 * The configuration as a run on GitHub can follow it. A run waits in its issue, where a person's
 * comment continues it: a run from a prompt has no issue, and the all-in-one job is started by no
 * comment. There the planner may not ask (it plans with what it has), and a configuration that
 * wants every plan approved is refused: coding an unapproved plan would ignore it.
 */
function configThatCanWait(config, request, runtime, core) {
    if (runtime === 'workflow' && request.issue !== null)
        return config;
    const where = runtime === 'all-in-one'
        ? 'the all-in-one action, which no comment can continue'
        : 'a run from a prompt, which has no issue to wait in';
    if ((0,gates/* approvalRequired */.V9)(config)) {
        throw new errors/* UserError */.yo('gates.approval: comment (or gates.questions: always) makes every plan wait for approval in its issue, ' +
            `which ${where} cannot do: run on an issue with the reusable workflow (pipeline.yml), or set ` +
            'gates.approval: none and gates.questions: when-unclear');
    }
    if (config.gates.questions === 'never')
        return config;
    core.info(`the planning agent does not ask questions here: this is ${where}`);
    return { ...config, gates: { ...config.gates, questions: 'never' } };
}
/** A comment that asks nothing of a waiting run: no job after this one runs. */
async function reportNothing(deps, config, why) {
    setPlanOutputs(deps, config, { outcome: 'ignored', plan: null, baseSha: null });
    deps.core.info(`ensemble does nothing: ${why}`);
    deps.core.summary.addRaw(`## ensemble\n\nNothing to do: ${why}\n`, true);
    await deps.core.summary.write();
}
/**
 * `/ensemble stop` on a waiting run: the stopped checkpoint goes to publish (`ensemble-plan`),
 * which stores it, takes the label off and says so in the tracking comment.
 */
async function reportStopped(deps, config, checkpoint) {
    deps.runDir.writeDocument(names.ARTIFACTS.plan, 'checkpoint.json', checkpoint);
    await deps.artifacts.uploadArtifact(names.ARTIFACTS.plan, deps.runDir.artifactDir(names.ARTIFACTS.plan));
    setPlanOutputs(deps, config, { outcome: 'stopped', plan: null, baseSha: null });
    const by = checkpoint.settled?.by ?? 'someone';
    const said = `## ensemble\n\n@${by} asked to stop the wait on this issue; the publish job settles it.\n`;
    deps.core.summary.addRaw(said, true);
    await deps.core.summary.write();
}


/***/ }),

/***/ 56988:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Am: () => (/* binding */ findReply),
/* harmony export */   u7: () => (/* binding */ replyTo)
/* harmony export */ });
/* unused harmony export replyMarker */
/* harmony import */ var _github_issues_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(375);
/* harmony import */ var _render_marker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19556);
/**
 * ensemble's reply to one comment or review that asked something of it: why it did not act, or
 * what it did. One reply per request, found again by its marker, so that the same event delivered
 * twice (or a re-run of the job) updates the reply instead of adding another.
 */


/** The marker of ensemble's reply to one comment or review. */
function replyMarker(source) {
    return (0,_render_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .marker */ .xL)('reply', { to: `${source.kind}-${source.id}` });
}
/** ensemble's reply to `source` on issue or pull request `issue`, or null when it has not replied. */
function findReply(octokit, repo, issue, source) {
    return (0,_github_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .findMarkedComment */ .Jp)(octokit, { ...repo, issue_number: issue, marker: replyMarker(source) });
}
/**
 * Says on the issue or pull request why ensemble does not act (`refused`) or what it did
 * (`acted`), once per comment or review that asked.
 */
async function replyTo(octokit, repo, issue, source, text, outcome = 'refused', 
/** Further markers the reply carries (a stop's `REPAIRS_STOPPED`). */
markers = []) {
    if (issue <= 0)
        return;
    const mark = replyMarker(source);
    const link = source.url ? `[your ${source.kind.replace('-', ' ')}](${source.url})` : 'your request';
    const said = outcome === 'acted' ? `ensemble, as ${link} asked: ${text}.` : `ensemble did not act on ${link}: ${text}.`;
    const body = [mark, ...markers, said].join('\n');
    await (0,_github_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .upsertMarkedComment */ .Zd)(octokit, { ...repo, issue_number: issue, marker: mark, body });
}


/***/ }),

/***/ 87752:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   reportStage: () => (/* binding */ reportStage)
/* harmony export */ });
/* harmony import */ var _artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40963);
/* harmony import */ var _pipeline_fix_loop_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21236);
/* harmony import */ var _pipeline_run_stage_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76593);
/* harmony import */ var _render_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14059);
/* harmony import */ var _review_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(59039);
/* harmony import */ var _workspace_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(30514);
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
    fix: 'rounds',
};
/** A stage that by rule had nothing to do (switched off, an empty change): an empty output, no artifact. */
function skippedReport(report) {
    const reason = report.outcomes.map((o) => o.summary).join('; ');
    return { outputs: { [OUTPUT_OF[report.stage]]: '' }, markdown: `Skipped: ${reason}.`, failure: null };
}
const REPORTERS = {
    fix: fixReport,
    plan: (report) => {
        const { plan, checkpoint } = report.outcomes[0]?.documents ?? {};
        // A run that waits for a person: what it waits for and how to continue, as the tracking comment says.
        if (checkpoint) {
            const label = checkpoint.waitingFor === 'answers' ? report.config.gates['needs-info-label'] : null;
            return {
                outputs: {},
                markdown: [
                    (0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderWaitingGate */ .N1)(checkpoint, { label }),
                    (0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderUsageTable */ .MH)([{ stage: 'plan', usage: checkpoint.usage }]),
                ].join('\n'),
                failure: null,
            };
        }
        if (!plan)
            return { outputs: {}, markdown: 'No plan was made.', failure: 'the plan stage made no plan' };
        return {
            outputs: {},
            markdown: `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderPlanMarkdown */ .d$)(plan)}\n${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderUsageTable */ .MH)([{ stage: 'plan', usage: plan.usage }])}`,
            failure: null,
        };
    },
    code: (report) => {
        const tasks = report.outcomes.flatMap((o) => (o.documents.task ? [o.documents.task] : []));
        const failed = tasks.filter((t) => t.status === 'failed');
        const usage = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderUsageTable */ .MH)(tasks.map((task) => ({ stage: `code · ${task.taskId}`, usage: task.usage })));
        return {
            outputs: { status: codeStatus(tasks.map((t) => t.status)) },
            markdown: `${tasks.map((task) => (0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderTaskMarkdown */ .Th)(task)).join('\n')}\n${usage}`,
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
            markdown: `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderTestMarkdown */ .cp)(test)}\n${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderUsageTable */ .MH)([{ stage: 'test', usage: test.usage }])}`,
            failure: test.status === 'error' ? `the tests could not run: ${firstLine(test.summary)}` : null,
        };
    },
    review: (report) => {
        const reviews = report.outcomes.flatMap((o) => o.documents.reviews ?? []);
        // A re-review's findings are placed on its own round's change.
        const round = report.outcomes[0]?.round ?? 0;
        const change = (0,_pipeline_run_stage_js__WEBPACK_IMPORTED_MODULE_2__.stateOfRound)(report.runDir, round).readText(_artifacts_names_js__WEBPACK_IMPORTED_MODULE_0__.ARTIFACTS.test, 'change.patch') ?? '';
        const outcome = (0,_review_index_js__WEBPACK_IMPORTED_MODULE_4__/* .combineReviews */ .bu)(reviews, (0,_workspace_index_js__WEBPACK_IMPORTED_MODULE_5__/* .parseUnifiedDiff */ .rj)(change), report.config.review['block-on']);
        const usage = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderUsageTable */ .MH)(reviews.map((r) => ({ stage: `review · ${r.lens}`, usage: r.usage })));
        const failed = report.outcomes.filter((o) => o.status === 'failed');
        return {
            outputs: { verdict: reviews.length === 1 ? (reviews[0]?.verdict ?? '') : outcome.verdict },
            markdown: `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderReviewMarkdown */ .AD)(outcome)}\n${usage}`,
            failure: failed.length > 0 ? `the review did not complete: ${failed.map((o) => o.summary).join('; ')}` : null,
        };
    },
    docs: (report) => {
        const docs = report.outcomes[0]?.documents.docs;
        if (!docs)
            return { outputs: { status: '' }, markdown: 'The docs stage made no report.', failure: 'no docs report' };
        return {
            outputs: { status: docs.status },
            markdown: `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderDocsMarkdown */ .LK)(docs)}\n${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderUsageTable */ .MH)([{ stage: 'docs', usage: docs.usage }])}`,
            failure: docs.status === 'failed' ? `the docs stage failed: ${firstLine(docs.summary)}` : null,
        };
    },
};
/** The fix job: the loop as the run directory tells it, and its failure when a round could not be completed. */
function fixReport(report) {
    const loop = (0,_pipeline_fix_loop_js__WEBPACK_IMPORTED_MODULE_1__/* .fixLoopOf */ .X_)(report.runDir, report.config);
    const failed = loop.rounds.filter((r) => r.document.status === 'failed');
    const usage = (0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderUsageTable */ .MH)((0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .usageRows */ .x4)({ rounds: loop.rounds }));
    const { blocking } = loop;
    return {
        outputs: { rounds: String(loop.rounds.length), blocking: String(blocking), stopped: loop.stopped ?? '' },
        markdown: `${(0,_render_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderFixMarkdown */ .L9)(loop)}\n${usage}`,
        failure: failed.length > 0
            ? failed
                .map((r) => `fix round ${r.document.round} failed: ${r.document.stopReason ?? r.document.summary}`)
                .join('\n')
            : null,
    };
}
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


/***/ })

};
