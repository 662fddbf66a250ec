export const id = 485;
export const ids = [485];
export const modules = {

/***/ 60574:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Js: () => (/* binding */ repoPathProblem),
/* harmony export */   LD: () => (/* binding */ TaskId),
/* harmony export */   P: () => (/* binding */ Sha256Hex),
/* harmony export */   RE: () => (/* binding */ envelope),
/* harmony export */   UA: () => (/* binding */ RepoPath),
/* harmony export */   Ug: () => (/* binding */ NonEmptyText),
/* harmony export */   p$: () => (/* binding */ GitSha),
/* harmony export */   wQ: () => (/* binding */ noModelUsage)
/* harmony export */ });
/* unused harmony exports RunIdentity, Usage, emptyUsage, schemaId */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(80737);

/** Lowercase hex SHA-1 (40) or SHA-256 (64) object name, as git prints it. */
const GitSha = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/, 'must be a full lowercase git commit SHA (40 or 64 hex characters)');
const Sha256Hex = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest (64 lowercase hex characters)');
/**
 * A path inside the repository, as git writes it: relative, forward slashes, no `..` segment.
 * Artifacts come from other jobs, so a path that could escape the checkout is refused here,
 * before any stage touches the file system.
 */
const RepoPath = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .min(1, 'must not be empty')
    .max(4096)
    .superRefine((path, ctx) => {
    const problem = repoPathProblem(path);
    if (problem)
        ctx.addIssue({ code: 'custom', message: problem, input: path });
});
/**
 * Why `path` is not a repository path, or null. One reason per path: `/etc/passwd` is "not
 * relative", not also "has an empty segment". The empty string is left to `RepoPath`'s `min(1)`.
 */
function repoPathProblem(path) {
    if (path === '')
        return null;
    if (path.startsWith('/') || /^[A-Za-z]:/.test(path))
        return 'must be relative to the repository root';
    if (path.includes('\\'))
        return 'must use forward slashes';
    if (path.includes('\0'))
        return 'must not contain NUL';
    const segments = path.split('/');
    if (segments.some((s) => s === '..' || s === '.' || s === ''))
        return 'must not contain empty, "." or ".." segments';
    // Git never tracks a `.git` entry (any case); a path into it could plant hooks or config that run later.
    if (segments.some((s) => s.toLowerCase() === '.git'))
        return 'must not point into a ".git" directory';
    return null;
}
/** Task ids appear in artifact names, matrix legs, branch trailers and file names. */
const TaskId = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1-40 characters of a-z, 0-9 and "-", starting with a letter or digit');
const NonEmptyText = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().trim().min(1, 'must not be empty');
/** Who and what a document belongs to; every artifact of one pipeline run carries the same identity. */
const RunIdentity = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    repository: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, 'must be "owner/name"'),
    runId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(200),
    issue: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().nullable(),
    promptHash: Sha256Hex.nullable(),
    baseSha: GitSha,
    configHash: Sha256Hex,
})
    .strict()
    .refine((r) => (r.issue === null) !== (r.promptHash === null), {
    message: 'exactly one of "issue" and "promptHash" must be set',
    path: ['issue'],
});
const TokenCount = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative();
/** Model usage of the stage that produced a document. `costUsd` is null when no price is known: never a guess. */
const Usage = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    model: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    calls: TokenCount,
    inputTokens: TokenCount,
    outputTokens: TokenCount,
    cacheReadTokens: TokenCount,
    cacheWriteTokens: TokenCount,
    costUsd: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative().nullable(),
    durationMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative(),
})
    .strict();
function emptyUsage(model = '') {
    return {
        model,
        calls: 0,
        inputTokens: 0,
        outputTokens: 0,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        costUsd: null,
        durationMs: 0,
    };
}
/** The usage of work that called no model (publish, a task that never started): it cost nothing. */
function noModelUsage() {
    return { ...emptyUsage(), costUsd: 0 };
}
/** `ensemble.<kind>/v<version>` */
function schemaId(kind, version) {
    return `ensemble.${kind}/v${version}`;
}
/** The envelope every artifact document shares, with the document's own fields beside it. */
function envelope(id, body) {
    const document = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(id),
        run: RunIdentity,
        usage: Usage,
    })
        .extend(body.shape)
        .strict();
    // `.shape` carries the fields only: re-attach the body's own refinements (a plan's task-graph
    // checks). The body's fields sit at the document's root, so their issue paths stay right.
    // The checks are typed against the body's output, which the document's output extends.
    const checks = (body._zod.def.checks ?? []);
    return checks.length > 0 ? document.check(...checks) : document;
}


/***/ }),

/***/ 33562:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   An: () => (/* binding */ formatModelSpec),
/* harmony export */   EG: () => (/* binding */ parseModelSpec),
/* harmony export */   xq: () => (/* binding */ PROVIDERS)
/* harmony export */ });
/* unused harmony export ModelSpecError */
const PROVIDERS = ['anthropic', 'openai', 'openai-compatible'];
class ModelSpecError extends Error {
    name = 'ModelSpecError';
}
/**
 * Parses `provider:model`. The model id may itself contain colons (`openai-compatible:qwen3:32b`
 * for Ollama), so only the first colon separates the provider.
 */
function parseModelSpec(text) {
    const trimmed = text.trim();
    const colon = trimmed.indexOf(':');
    if (colon <= 0 || colon === trimmed.length - 1) {
        throw new ModelSpecError(`"${text}" is not a model spec: write provider:model, e.g. anthropic:claude-sonnet-4-5 (providers: ${PROVIDERS.join(', ')})`);
    }
    const provider = trimmed.slice(0, colon);
    const model = trimmed.slice(colon + 1);
    if (!PROVIDERS.includes(provider)) {
        throw new ModelSpecError(`unknown model provider "${provider}" in "${text}": use one of ${PROVIDERS.join(', ')}`);
    }
    if (/\s/.test(model)) {
        throw new ModelSpecError(`model id "${model}" in "${text}" must not contain whitespace`);
    }
    return { provider: provider, model };
}
function formatModelSpec(spec) {
    return `${spec.provider}:${spec.model}`;
}


/***/ }),

/***/ 95909:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCommand: () => (/* binding */ runCommand),
  stageCommand: () => (/* binding */ stageCommand)
});

// UNUSED EXPORTS: formatSummary

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/cli.js
var cli = __webpack_require__(29069);
// EXTERNAL MODULE: ./lib/runtime/request.js
var runtime_request = __webpack_require__(60193);
// EXTERNAL MODULE: ./lib/runtime/local/pipeline.js
var pipeline = __webpack_require__(38532);
;// CONCATENATED MODULE: ./lib/runtime/local/reporter.js
const SYMBOL = { started: '…', progress: '…', finished: '✓', failed: '✗', skipped: '–' };
function label(event) {
    return event.agent && event.agent !== event.stage ? event.agent : event.stage;
}
/** One line per event: for logs, pipes and CI. */
function plainReporter(out, clock = Date.now) {
    const started = new Map();
    return {
        info: (message) => out.write(`${message}\n`),
        warn: (message) => out.write(`warning: ${message}\n`),
        event(event) {
            const key = label(event);
            if (event.status === 'started')
                started.set(key, clock());
            const since = started.get(key);
            const took = event.status !== 'started' && since !== undefined ? ` in ${((clock() - since) / 1000).toFixed(1)} s` : '';
            out.write(`[${key}] ${event.status}${took}${event.detail ? `: ${event.detail.split('\n')[0]}` : ''}\n`);
        },
    };
}
/**
 * Live progress on a terminal: one line per stage and agent, redrawn in place as they start and
 * finish, with elapsed time. Messages print above the block.
 */
function terminalReporter(out, clock = Date.now) {
    const rows = new Map();
    let drawn = 0;
    const render = () => {
        const lines = [...rows].map(([key, row]) => {
            const seconds = (((row.ended ?? clock()) - row.started) / 1000).toFixed(1);
            const detail = row.detail ? `  ${row.detail.split('\n')[0]?.slice(0, 80)}` : '';
            // A line wider than the terminal wraps, and the cursor-up redraw would then overwrite the wrong lines.
            return `  ${SYMBOL[row.status]} ${key.padEnd(24)} ${seconds.padStart(6)} s${detail}`.slice(0, Math.max(20, (out.columns ?? 80) - 1));
        });
        out.write(`${drawn > 0 ? `\x1b[${drawn}A` : ''}${lines.map((l) => `\x1b[2K${l}\n`).join('')}`);
        drawn = lines.length;
    };
    const above = (text) => {
        out.write(`${drawn > 0 ? `\x1b[${drawn}A\x1b[J` : ''}${text}\n`);
        drawn = 0;
        render();
    };
    const timer = setInterval(render, 500);
    timer.unref();
    return {
        info: (message) => above(message),
        warn: (message) => above(`warning: ${message}`),
        event(event) {
            const key = label(event);
            const row = rows.get(key);
            if (event.status === 'started' || !row) {
                const ended = event.status === 'started' || event.status === 'progress' ? null : clock();
                rows.set(key, { status: event.status, started: clock(), ended, detail: event.detail ?? '' });
            }
            else {
                row.status = event.status;
                row.detail = event.detail ?? row.detail;
                if (event.status !== 'progress')
                    row.ended = clock();
            }
            render();
        },
        stop() {
            clearInterval(timer);
            render();
        },
    };
}

// EXTERNAL MODULE: ./lib/runtime/local/stage.js
var local_stage = __webpack_require__(16986);
;// CONCATENATED MODULE: ./lib/runtime/local/cli-run.js







const str = (v) => (typeof v === 'string' ? v : undefined);
function parseStages(text) {
    if (text === undefined)
        return undefined;
    const names = text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    const unknown = names.filter((n) => !pipeline/* PIPELINE_STAGES */.L2.includes(n));
    if (unknown.length > 0 || names.length === 0) {
        throw new cli/* UsageError */.e(`--stages: unknown stage ${unknown.map((u) => `"${u}"`).join(', ') || '(none given)'}; choose from ${pipeline/* PIPELINE_STAGES */.L2.join(', ')}`);
    }
    return names;
}
function parseMaxParallel(text) {
    if (text === undefined)
        return 4;
    if (!/^[1-9][0-9]?$/.test(text))
        throw new cli/* UsageError */.e(`--max-parallel: expected a whole number from 1 to 99, got "${text}"`);
    return Number(text);
}
/** Progress goes to stderr, live on a terminal and as plain lines otherwise; stdout keeps the summary. */
function reporterFor(io, json) {
    const stderr = io.stderr;
    if (!json && stderr.isTTY) {
        const live = terminalReporter(stderr);
        return { reporter: live, stop: () => live.stop() };
    }
    return { reporter: plainReporter(stderr), stop: () => { } };
}
const money = (usd) => (usd === null ? '—' : `$${usd.toFixed(4)}`);
function formatSummary(summary) {
    const lines = [`run directory: ${summary.runDir}`];
    lines.push(summary.branch ? `branch:        ${summary.branch}` : `branch:        none (${summary.error ?? 'no change'})`);
    if (summary.prFile)
        lines.push(`PR body:       ${summary.prFile}`);
    if (summary.reviewFile)
        lines.push(`review:        ${summary.reviewFile}`);
    lines.push('', `${'stage'.padEnd(10)} ${'status'.padEnd(8)} ${'time'.padStart(8)} ${'tokens'.padStart(10)} ${'cost'.padStart(10)}`);
    for (const row of summary.stages) {
        lines.push(`${row.stage.padEnd(10)} ${row.status.padEnd(8)} ${`${(row.durationMs / 1000).toFixed(1)} s`.padStart(8)} ${String(row.tokens).padStart(10)} ${money(row.costUsd).padStart(10)}`);
    }
    if (summary.tasks.length > 0)
        lines.push('', `tasks: ${summary.tasks.map((t) => `${t.id} ${t.status}`).join(', ')}`);
    if (!summary.ok && summary.error)
        lines.push('', `The run did not produce a branch: ${summary.error}`);
    return `${lines.join('\n')}\n`;
}
/** `ensemble run`: exit 0 when a branch was produced, 1 when the run failed, 2 for usage errors. */
async function runCommand(values, io) {
    const prompt = str(values['prompt']);
    const issueFile = str(values['issue-file']);
    if ((prompt === undefined) === (issueFile === undefined))
        throw new cli/* UsageError */.e('give exactly one of --prompt TEXT and --issue-file FILE');
    const repoDir = (0,external_node_path_.resolve)(io.cwd, str(values['repo']) ?? '.');
    if (!(0,external_node_fs_.existsSync)(repoDir))
        throw new cli/* UsageError */.e(`--repo: ${repoDir} does not exist`);
    let request;
    if (issueFile !== undefined) {
        const file = (0,external_node_path_.resolve)(io.cwd, issueFile);
        if (!(0,external_node_fs_.existsSync)(file))
            throw new cli/* UsageError */.e(`--issue-file: ${issueFile} not found`);
        request = (0,runtime_request/* requestFromIssueFile */.zm)((0,external_node_fs_.readFileSync)(file, 'utf8'), issueFile);
    }
    else {
        request = (0,runtime_request/* requestFromPrompt */.mK)(prompt);
    }
    const json = values['json'] === true;
    const { reporter, stop } = reporterFor(io, json);
    let summary;
    try {
        summary = await (0,pipeline/* runLocalPipeline */.fm)({
            repoDir,
            request,
            model: str(values['model']) ?? null,
            baseUrl: str(values['base-url']) ?? null,
            apiKey: str(values['api-key']) ?? null,
            // Relative to where the user stands, as `ensemble validate --config` reads it.
            configFile: values['config'] ? (0,external_node_path_.resolve)(io.cwd, str(values['config'])) : null,
            maxParallel: parseMaxParallel(str(values['max-parallel'])),
            ...(values['stages'] !== undefined ? { stages: parseStages(str(values['stages'])) } : {}),
            reporter,
            env: io.env,
        });
    }
    finally {
        stop();
    }
    io.stdout.write(json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
    return summary.ok ? 0 : 1;
}
/** `ensemble stage <name> --run DIR`. */
async function stageCommand(values, stage, io) {
    if (!pipeline/* PIPELINE_STAGES */.L2.includes(stage)) {
        throw new cli/* UsageError */.e(`unknown stage "${stage}"; choose one of ${pipeline/* PIPELINE_STAGES */.L2.join(', ')}`);
    }
    const runDir = str(values['run']);
    if (!runDir)
        throw new cli/* UsageError */.e('--run DIR is required: the run directory to take the artifacts from');
    const { reporter, stop } = reporterFor(io, false);
    try {
        const result = await (0,local_stage/* runSingleStage */.Y)({
            stage: stage,
            runDir: (0,external_node_path_.resolve)(io.cwd, runDir),
            repoDir: (0,external_node_path_.resolve)(io.cwd, str(values['repo']) ?? '.'),
            taskId: str(values['task']) ?? null,
            model: str(values['model']) ?? null,
            baseUrl: str(values['base-url']) ?? null,
            apiKey: str(values['api-key']) ?? null,
            configFile: values['config'] ? (0,external_node_path_.resolve)(io.cwd, str(values['config'])) : null,
            reporter,
            env: io.env,
        });
        io.stdout.write(`${result.stage}: ${result.summary}\n${result.written.map((f) => `  wrote ${f}`).join('\n')}\n`);
        return result.ok ? 0 : 1;
    }
    finally {
        stop();
    }
}


/***/ }),

/***/ 60193:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T3: () => (/* binding */ requestFromIssue),
/* harmony export */   mK: () => (/* binding */ requestFromPrompt),
/* harmony export */   zm: () => (/* binding */ requestFromIssueFile)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(80737);
/* harmony import */ var _agent_prompt_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66847);
/* harmony import */ var _config_hash_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68992);




function snapshot(fields) {
    const clean = {
        ...fields,
        title: (0,_agent_prompt_js__WEBPACK_IMPORTED_MODULE_1__/* .stripHiddenContent */ .wG)(fields.title).trim(),
        body: (0,_agent_prompt_js__WEBPACK_IMPORTED_MODULE_1__/* .stripHiddenContent */ .wG)(fields.body).trim(),
        comments: fields.comments.map((c) => ({ ...c, body: (0,_agent_prompt_js__WEBPACK_IMPORTED_MODULE_1__/* .stripHiddenContent */ .wG)(c.body).trim() })),
    };
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update((0,_config_hash_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalJson */ .d)(clean)).digest('hex');
    return { ...clean, hash };
}
/** The request of a run started from a prompt; hidden content is stripped before anything sees it. */
function requestFromPrompt(prompt, title) {
    const text = prompt.trim();
    if (text === '')
        throw new Error('the prompt is empty: say what to build');
    const firstLine = title ?? (0,_agent_prompt_js__WEBPACK_IMPORTED_MODULE_1__/* .stripHiddenContent */ .wG)(text).split('\n')[0]?.trim() ?? '';
    return snapshot({
        source: 'prompt',
        issue: null,
        title: firstLine.length > 120 ? `${firstLine.slice(0, 117)}...` : firstLine,
        body: text,
        author: null,
        comments: [],
    });
}
/** The snapshot of an issue, taken once; later stages read this, never the live issue. */
function requestFromIssue(issue) {
    return snapshot({
        source: 'issue',
        issue: issue.number,
        title: issue.title,
        body: issue.body ?? '',
        author: issue.author,
        comments: issue.comments.slice(0, 100),
    });
}
/** `gh issue view N --json number,title,body,author,comments`, or GitHub's REST issue shape. */
const IssueJson = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    number: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().int().positive().optional(),
    title: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().min(1, 'the issue needs a title'),
    body: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().nullable().optional(),
    author: zod__WEBPACK_IMPORTED_MODULE_3__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP() }), zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()])
        .nullable()
        .optional(),
    user: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP() }).nullable().optional(),
    comments: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
        author: zod__WEBPACK_IMPORTED_MODULE_3__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP() }), zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP()])
            .nullable()
            .optional(),
        user: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP() }).nullable().optional(),
        body: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
        createdAt: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(),
        created_at: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(),
    }))
        .optional(),
});
const login = (who) => (typeof who === 'string' ? who : (who?.login ?? null));
/**
 * An issue written to a file: JSON as `gh issue view --json` or the REST API gives it, or
 * Markdown whose first `# ` heading is the title. A file without an issue number is a prompt.
 */
function requestFromIssueFile(text, file) {
    const trimmed = text.trim();
    if (trimmed === '')
        throw new Error(`${file} is empty: write the issue as Markdown (a "# Title" line, then the body) or as JSON`);
    if (trimmed.startsWith('{')) {
        let value;
        try {
            value = JSON.parse(trimmed);
        }
        catch (error) {
            throw new Error(`${file} is not valid JSON: ${error.message}`);
        }
        const parsed = IssueJson.safeParse(value);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw new Error(`${file}: ${issue?.path.join('.') || 'issue'}: ${issue?.message}; expected the shape of \`gh issue view N --json number,title,body,author,comments\``);
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


/***/ })

};
