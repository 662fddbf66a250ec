export const id = 596;
export const ids = [596];
export const modules = {

/***/ 30219:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  nY: () => (/* reexport */ render_markdown/* GITHUB_BODY_LIMIT */.nY),
  CG: () => (/* reexport */ render_markdown/* STEP_SUMMARY_LIMIT */.CG),
  Bb: () => (/* reexport */ marker/* TRACKING_MARKER */.Bb),
  Bv: () => (/* reexport */ render_markdown/* blocks */.Bv),
  EU: () => (/* reexport */ render_markdown/* fence */.EU),
  Ed: () => (/* reexport */ marker/* findMarker */.Ed),
  iY: () => (/* reexport */ marker/* findingMarker */.iY),
  Gu: () => (/* reexport */ makeCtx),
  LK: () => (/* reexport */ renderDocsMarkdown),
  L9: () => (/* reexport */ renderFixMarkdown),
  P7: () => (/* reexport */ renderInlineComment),
  d$: () => (/* reexport */ renderPlanMarkdown),
  BN: () => (/* reexport */ renderPrBody),
  de: () => (/* reexport */ renderReviewBody),
  AD: () => (/* reexport */ renderReviewMarkdown),
  I3: () => (/* reexport */ renderSetupFailure),
  Is: () => (/* reexport */ renderSetupSummary),
  Th: () => (/* reexport */ renderTaskMarkdown),
  cp: () => (/* reexport */ renderTestMarkdown),
  MH: () => (/* reexport */ renderUsageTable),
  vU: () => (/* reexport */ marker/* reviewMarker */.vU),
  tp: () => (/* reexport */ render_markdown/* table */.tp),
  o4: () => (/* reexport */ render_markdown/* truncateMarkdown */.o4),
  x4: () => (/* reexport */ usageRows)
});

// UNUSED EXPORTS: DEFAULT_HOST, DOCS_STATUS, FIX_STATUS, SEVERITY_BADGE, TASK_STATE, TASK_STATUS, TEST_STATUS, VERDICT_TEXT, closesFence, docsSection, escapeMarkdownInline, exitCell, fenceOpening, findingLocation, finish, fixSection, formatCost, formatCount, formatDuration, inlineCode, languageOf, limitLinks, marker, mermaidId, mermaidLabel, neutraliseDefinitions, neutraliseHtml, neutraliseMentions, neutraliseReferences, neutraliseText, openFenceAtEnd, pipelineGraph, pipelineStages, planGraph, planSection, prMarker, reviewSection, safeBlock, safeInline, splitFences, stripAnsi, stripHidden, testSection, truncationNote, usageTable

// EXTERNAL MODULE: ./lib/render/markdown.js
var render_markdown = __webpack_require__(43419);
// EXTERNAL MODULE: ./lib/render/safe.js
var safe = __webpack_require__(85303);
;// CONCATENATED MODULE: ./lib/render/context.js
/**
 * What every renderer shares: its options and the three ways untrusted text enters a document —
 * as a block, inside a line, or as inline code — all of them neutralised (see `safe.ts`).
 */


function makeCtx(options = {}, baseLevel = 2) {
    const host = options.allowedHost ?? safe/* DEFAULT_HOST */.HX;
    return {
        block: (text) => (0,safe/* safeBlock */.BW)(text, { allowedHost: host }),
        inline: (text) => (0,safe/* safeInline */.H1)(text, { allowedHost: host }),
        code: (text) => (0,render_markdown/* inlineCode */.ti)((0,safe/* neutraliseText */.op)(text, host, 'inline')),
        heading: (level, text) => `${'#'.repeat(Math.min(6, baseLevel + level))} ${text}`,
    };
}
/** The document, ending in one newline, capped at `options.limit` or `fallback`. */
function finish(markdown, options, fallback) {
    return (0,render_markdown/* truncateMarkdown */.o4)(`${markdown.trim()}\n`, options.limit ?? fallback);
}

;// CONCATENATED MODULE: ./lib/render/docs.js


const DOCS_STATUS = {
    updated: '📝 updated',
    'no-change': '➖ no change needed',
    failed: '❌ failed',
};
function docsSection(docs, ctx) {
    return (0,render_markdown/* blocks */.Bv)(`**Status:** ${DOCS_STATUS[docs.status]}`, ctx.block(docs.summary), docs.filesChanged.length > 0 &&
        `**Files changed** (${docs.filesChanged.length}): ${docs.filesChanged.map(ctx.code).join(', ')}`);
}
/** The docs stage's result as a step summary (capped at 1 MiB unless `options.limit` says otherwise). */
function renderDocsMarkdown(docs, options = {}) {
    const ctx = makeCtx(options);
    return finish((0,render_markdown/* blocks */.Bv)(ctx.heading(0, 'Documentation'), docsSection(docs, ctx)), options, render_markdown/* STEP_SUMMARY_LIMIT */.CG);
}

// EXTERNAL MODULE: ./lib/util/text.js
var util_text = __webpack_require__(28805);
;// CONCATENATED MODULE: ./lib/render/fix.js



/** Longest summary of a round shown in the table. */
const SUMMARY_CELL_CHARS = 300;
const FIX_STATUS = {
    done: '✅ done',
    'no-change': '➖ no change',
    failed: '❌ failed',
};
/** What the round's findings came to: fixed by id, left by id, or why nothing was checked. */
function outcomeCell(round, ctx) {
    if (round.test === null)
        return 'not re-tested';
    if (round.rejected !== null)
        return `not taken: ${ctx.inline(round.rejected)}`;
    if (round.reviews.length === 0)
        return 'not re-reviewed';
    const ids = (list) => list.map((id) => ctx.code(id)).join(', ');
    const fixed = round.fixed.length > 0 ? `fixed ${ids(round.fixed)}` : 'fixed none';
    return round.remaining.length > 0 ? `${fixed}; left ${ids(round.remaining)}` : fixed;
}
/** Cost of a round: its fixing agent, its re-test and its re-review; `—` when any is not known. */
function roundCost(round) {
    const usages = [round.document.usage, round.test?.document.usage, ...round.reviews.map((r) => r.usage)];
    let total = 0;
    for (const usage of usages) {
        if (!usage)
            continue;
        if (usage.costUsd === null)
            return null;
        total += usage.costUsd;
    }
    return total;
}
/**
 * The review → fix loop in the PR body: one row per round (the findings it was given, what came of
 * them, the re-test, the cost) and why the loop stopped; null when no round ran.
 */
function fixSection(loop, ctx) {
    if (loop.rounds.length === 0)
        return null;
    const rows = loop.rounds.map((round) => [
        String(round.document.round),
        FIX_STATUS[round.document.status],
        round.document.findings.map((f) => `${ctx.code(f.id)} ${ctx.inline((0,util_text/* clip */.$Q)(f.title, 80))}`).join('<br>') || '—',
        outcomeCell(round, ctx),
        round.test ? ctx.inline(round.test.document.status) : '—',
        (0,render_markdown/* formatCost */.BD)(roundCost(round)),
        ctx.inline((0,util_text/* clip */.$Q)(round.document.summary.trim(), SUMMARY_CELL_CHARS)),
    ]);
    return (0,render_markdown/* blocks */.Bv)((0,render_markdown/* table */.tp)(['Round', 'Fix', 'Findings given', 'Outcome', 'Re-test', 'Cost', 'Summary'], rows, 'rllllrl'), loop.stopped ? `The loop stopped: ${ctx.inline(loop.stopped)}.` : null);
}
/** The fix loop as a step summary: its rounds, or that none was needed. */
function renderFixMarkdown(loop, options = {}) {
    const ctx = makeCtx(options);
    const body = fixSection(loop, ctx) ?? 'No fix round ran: no finding of the review blocks.';
    return finish((0,render_markdown/* blocks */.Bv)(ctx.heading(0, 'Fix rounds'), body), options, render_markdown/* STEP_SUMMARY_LIMIT */.CG);
}

// EXTERNAL MODULE: ./lib/render/marker.js
var marker = __webpack_require__(19556);
;// CONCATENATED MODULE: ./lib/render/mermaid.js


/**
 * A Mermaid node id for `raw`: letters, digits and `_` only, prefixed so that it never is a
 * keyword (`end`, `graph`) or starts like an edge (`o`, `x`); made unique among `taken`.
 */
function mermaidId(raw, taken = new Set(), prefix = 'n_') {
    const base = prefix + (raw.replace(/[^A-Za-z0-9_]/g, '_') || 'x');
    let id = base;
    for (let n = 2; taken.has(id); n++)
        id = `${base}_${n}`;
    taken.add(id);
    return id;
}
/**
 * Text for a quoted label (`id["…"]`): one line, at most `max` characters, with Mermaid's entity
 * codes for the characters that would end the label or be read as markup.
 */
function mermaidLabel(text, max = 80) {
    const flat = (0,util_text/* clip */.$Q)(text.replace(/\s+/g, ' ').trim(), max);
    return flat.replace(/[#"<>&`]/g, (c) => `#${c.codePointAt(0)};`);
}
const CLASS_DEFS = [
    'classDef ok fill:#dafbe1,stroke:#1a7f37,color:#0b3d1a',
    'classDef fail fill:#ffebe9,stroke:#cf222e,color:#5c0b10',
    'classDef warn fill:#fff8c5,stroke:#9a6700,color:#3b2a00',
    'classDef skip fill:#f6f8fa,stroke:#8c959f,color:#57606a',
    'classDef pending fill:#ffffff,stroke:#8c959f,color:#57606a,stroke-dasharray:4 3',
];
/** `graph TD` of the plan's tasks, an edge from each dependency to its dependent; `states` colours the tasks. */
function planGraph(tasks, states) {
    const taken = new Set();
    const ids = new Map(tasks.map((t) => [t.id, mermaidId(t.id, taken, 't_')]));
    const lines = ['graph TD'];
    for (const task of tasks)
        lines.push(`  ${ids.get(task.id)}["${mermaidLabel(`${task.id}: ${task.title}`)}"]`);
    for (const task of tasks) {
        for (const dep of task.dependsOn) {
            const from = ids.get(dep);
            if (from)
                lines.push(`  ${from} --> ${ids.get(task.id)}`);
        }
    }
    if (states && states.size > 0) {
        lines.push(...CLASS_DEFS.map((d) => `  ${d}`));
        for (const task of tasks) {
            const state = states.get(task.id);
            if (state)
                lines.push(`  class ${ids.get(task.id)} ${state}`);
        }
    }
    return (0,render_markdown/* fence */.EU)(lines.join('\n'), 'mermaid');
}
/** `graph LR` of the run: stages left to right, the nodes of a stage (tasks, lenses) grouped. */
function pipelineGraph(stages) {
    const taken = new Set();
    const lines = ['graph LR'];
    const idsOf = new Map();
    const classes = [];
    const edges = [];
    let previous = null;
    for (const { stage, nodes, after } of stages) {
        if (nodes.length === 0)
            continue;
        const ids = nodes.map((node) => mermaidId(node.key, taken, 's_'));
        const labelled = nodes.map((node, i) => `${ids[i]}["${mermaidLabel(node.label)}"]`);
        if (nodes.length === 1)
            lines.push(`  ${labelled[0]}`);
        else
            lines.push(`  subgraph ${mermaidId(stage, taken, 'g_')} ["${mermaidLabel(stage)}"]`, ...labelled.map((n) => `    ${n}`), '  end');
        for (const [i, node] of nodes.entries())
            classes.push(`  class ${ids[i]} ${node.state}`);
        for (const from of after ?? (previous === null ? [] : [previous])) {
            const fromIds = idsOf.get(from);
            if (fromIds)
                edges.push(`  ${fromIds.join(' & ')} --> ${ids.join(' & ')}`);
        }
        idsOf.set(stage, ids);
        previous = stage;
    }
    lines.push(...edges, ...CLASS_DEFS.map((d) => `  ${d}`), ...classes);
    return (0,render_markdown/* fence */.EU)(lines.join('\n'), 'mermaid');
}

;// CONCATENATED MODULE: ./lib/render/plan.js



const TASK_STATE = {
    done: 'ok',
    failed: 'fail',
    'no-change': 'skip',
    missing: 'pending',
};
/**
 * The plan's sections: summary, the task checklist with criteria and files, the dependency diagram,
 * strategy and risks.
 */
function planSection(plan, ctx, statuses) {
    const checklist = plan.tasks.map((task) => {
        const ticked = statuses?.get(task.id) === 'done' ? 'x' : ' ';
        const lines = [`- [${ticked}] **${ctx.inline(task.title)}** (${ctx.code(task.id)})`];
        lines.push('  - Acceptance criteria:', ...task.acceptanceCriteria.map((c) => `    - ${ctx.inline(c)}`));
        if (task.files.length > 0)
            lines.push(`  - Files: ${task.files.map(ctx.code).join(', ')}`);
        if (task.reads.length > 0)
            lines.push(`  - Reads: ${task.reads.map(ctx.code).join(', ')}`);
        if (task.dependsOn.length > 0)
            lines.push(`  - Depends on: ${task.dependsOn.map(ctx.code).join(', ')}`);
        return lines.join('\n');
    });
    const states = statuses ? new Map([...statuses].map(([id, status]) => [id, TASK_STATE[status]])) : undefined;
    return (0,render_markdown/* blocks */.Bv)(ctx.block(plan.summary), ctx.heading(1, `Tasks (${plan.tasks.length})`), checklist.join('\n'), planGraph(plan.tasks, states), ctx.heading(1, 'Test strategy'), ctx.block(plan.testStrategy), plan.risks.length > 0 && ctx.heading(1, 'Risks'), plan.risks.length > 0 && plan.risks.map((r) => `- ${ctx.inline(r)}`).join('\n'));
}
/** The plan as a step summary: capped at 1 MiB unless `options.limit` says otherwise. */
function renderPlanMarkdown(plan, options = {}) {
    const ctx = makeCtx(options);
    return finish((0,render_markdown/* blocks */.Bv)(ctx.heading(0, 'Plan'), planSection(plan, ctx, options.statuses)), options, render_markdown/* STEP_SUMMARY_LIMIT */.CG);
}

// EXTERNAL MODULE: ./lib/review/findings.js
var findings = __webpack_require__(92696);
// EXTERNAL MODULE: ./lib/contracts/review.js
var review = __webpack_require__(88935);
;// CONCATENATED MODULE: ./lib/render/review.js





const SEVERITY_BADGE = {
    critical: '🟥 critical',
    high: '🔴 high',
    medium: '🟠 medium',
    low: '🟡 low',
    nit: '⚪ nit',
};
const VERDICT_TEXT = {
    'request-changes': '🛑 changes requested',
    comment: '💬 comments',
    approve: '✅ no findings',
};
const LANGUAGES = {
    ts: 'ts',
    tsx: 'tsx',
    mts: 'ts',
    cts: 'ts',
    js: 'js',
    jsx: 'jsx',
    mjs: 'js',
    cjs: 'js',
    py: 'python',
    go: 'go',
    rs: 'rust',
    rb: 'ruby',
    java: 'java',
    kt: 'kotlin',
    cs: 'csharp',
    c: 'c',
    h: 'c',
    cc: 'cpp',
    cpp: 'cpp',
    hpp: 'cpp',
    php: 'php',
    swift: 'swift',
    sh: 'sh',
    bash: 'bash',
    yml: 'yaml',
    yaml: 'yaml',
    json: 'json',
    md: 'markdown',
    css: 'css',
    html: 'html',
    sql: 'sql',
    toml: 'toml',
};
/** The code-block language of a file, by extension; empty when unknown. */
function languageOf(path) {
    const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
    return (ext && LANGUAGES[ext]) ?? '';
}
/** `src/a.ts:12`, `src/a.ts:12-14`, or the path alone when the finding is not on the diff. */
function findingLocation(finding) {
    if (finding.line === null)
        return finding.path;
    return finding.endLine !== null && finding.endLine !== finding.line
        ? `${finding.path}:${finding.line}-${finding.endLine}`
        : `${finding.path}:${finding.line}`;
}
function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}
function headline(outcome) {
    const inline = outcome.findings.filter((f) => f.line !== null).length;
    const blocking = outcome.findings.filter((f) => (0,review/* isAtLeast */.du)(f.severity, outcome.blockOn)).length;
    const parts = [
        `**${plural(outcome.findings.length, 'finding')}** (${inline} ` +
            `on the diff, ${outcome.findings.length - inline} outside it)`,
        `blocking severity: **${outcome.blockOn}**${blocking > 0 ? ` (${blocking} at or above it)` : ''}`,
    ];
    if (outcome.lenses.length > 0)
        parts.push(`lenses: ${outcome.lenses.map((l) => l.lens).join(', ')}`);
    return parts.join(' · ');
}
function findingsTable(findings, ctx) {
    return (0,render_markdown/* table */.tp)(['Severity', 'Finding', 'Location', 'Lenses'], findings.map((f) => [
        SEVERITY_BADGE[f.severity],
        ctx.inline(f.title),
        `${ctx.code(findingLocation(f))}${f.line === null ? ' (outside the diff)' : ''}`,
        ctx.inline(f.lenses.join(', ')),
    ]));
}
function criteriaTable(outcome, ctx) {
    return (0,render_markdown/* table */.tp)(['Met', 'Criterion', 'Evidence', 'Lenses'], outcome.criteria.map((c) => [
        c.met ? '✅' : '❌',
        ctx.inline(c.criterion),
        c.evidence.trim() === '' ? '—' : ctx.inline(c.evidence),
        ctx.inline(c.lenses.join(', ')),
    ]));
}
/** Verdict, findings table, acceptance criteria and each lens's summary. */
function reviewSection(outcome, ctx, options = {}) {
    const met = outcome.criteria.filter((c) => c.met).length;
    return (0,render_markdown/* blocks */.Bv)(`**Verdict:** ${VERDICT_TEXT[outcome.verdict]}`, headline(outcome), outcome.findings.length > 0 && findingsTable(outcome.findings, ctx), outcome.criteria.length > 0 && ctx.heading(1, `Acceptance criteria (${met} of ${outcome.criteria.length} met)`), outcome.criteria.length > 0 && criteriaTable(outcome, ctx), options.summaries !== false && outcome.lenses.length > 0 && ctx.heading(1, 'Lens summaries'), ...(options.summaries !== false
        ? outcome.lenses.map((l) => (0,render_markdown/* blocks */.Bv)(`**${ctx.inline(l.lens)}**`, ctx.block(l.summary)))
        : []));
}
/** The merged review as a step summary (capped at 1 MiB unless `options.limit` says otherwise). */
function renderReviewMarkdown(outcome, options = {}) {
    const ctx = makeCtx(options);
    return finish((0,render_markdown/* blocks */.Bv)(ctx.heading(0, `Review: ${VERDICT_TEXT[outcome.verdict]}`), reviewSection(outcome, ctx)), options, render_markdown/* STEP_SUMMARY_LIMIT */.CG);
}
/** A finding written out in full: heading, location, lenses, body, the quoted code and any suggested replacement. */
function findingDetail(finding, ctx) {
    return (0,render_markdown/* blocks */.Bv)(ctx.heading(2, `${SEVERITY_BADGE[finding.severity]}: ${ctx.inline(finding.title)}`), `${ctx.code(findingLocation(finding))} · ${ctx.inline(finding.lenses.join(', '))}`, ctx.block(finding.body), finding.quote.trim() !== '' && (0,render_markdown/* fence */.EU)(finding.quote, languageOf(finding.path)), finding.suggestion !== null && '**Suggested replacement:**', finding.suggestion !== null && (0,render_markdown/* fence */.EU)(finding.suggestion, languageOf(finding.path)));
}
/**
 * The body of the GitHub review (and `review.md`): verdict, counts, lens summaries, every finding
 * that could not be placed on the diff in full, and the acceptance criteria. Capped at 65,536
 * characters unless `options.limit` says otherwise.
 */
function renderReviewBody(outcome, options = {}) {
    const ctx = makeCtx(options);
    const inline = outcome.findings.filter((f) => f.line !== null);
    const outside = outcome.findings.filter((f) => f.line === null);
    const met = outcome.criteria.filter((c) => c.met).length;
    const markdown = (0,render_markdown/* blocks */.Bv)(options.runId !== undefined && (0,marker/* reviewMarker */.vU)(options.runId, (0,findings/* findingsFingerprint */.Ju)(outcome)), ctx.heading(0, `ensemble review: ${VERDICT_TEXT[outcome.verdict]}`), headline(outcome), ...outcome.lenses.map((l) => (0,render_markdown/* blocks */.Bv)(`**${ctx.inline(l.lens)}**`, ctx.block(l.summary))), options.includeInline === true && inline.length > 0 && ctx.heading(1, `Findings on the diff (${inline.length})`), ...(options.includeInline === true ? inline.map((f) => findingDetail(f, ctx)) : []), outside.length > 0 && ctx.heading(1, `Findings outside the diff (${outside.length})`), outside.length > 0 &&
        'These findings do not point at a line this change added or shows, so they are not inline comments.', ...outside.map((f) => findingDetail(f, ctx)), outcome.criteria.length > 0 && ctx.heading(1, `Acceptance criteria (${met} of ${outcome.criteria.length} met)`), outcome.criteria.length > 0 && criteriaTable(outcome, ctx));
    return finish(markdown, options, render_markdown/* GITHUB_BODY_LIMIT */.nY);
}
/**
 * The body of one inline review comment: severity, title, lenses, body, and a GitHub
 * ```suggestion block when `suggestionApplies`, else the replacement as a plain code block.
 * Capped at 65,536 characters unless `options.limit` says otherwise.
 */
function renderInlineComment(finding, options = {}) {
    const ctx = makeCtx(options);
    const suggestion = options.fileLines === undefined ? null : (0,findings/* suggestionText */._T)(finding, options.fileLines);
    const markdown = (0,render_markdown/* blocks */.Bv)(`**${SEVERITY_BADGE[finding.severity]}: ${ctx.inline(finding.title)}** · ${ctx.inline(finding.lenses.join(', '))}`, ctx.block(finding.body), suggestion !== null && (0,render_markdown/* fence */.EU)(suggestion, 'suggestion'), finding.suggestion !== null && suggestion === null && '**Suggested replacement:**', finding.suggestion !== null && suggestion === null && (0,render_markdown/* fence */.EU)(finding.suggestion, languageOf(finding.path)));
    return finish(markdown, options, render_markdown/* GITHUB_BODY_LIMIT */.nY);
}

;// CONCATENATED MODULE: ./lib/render/usage.js


/** One row per stage, task and lens, in pipeline order. */
function usageRows(run) {
    return [
        ...(run.plan ? [{ stage: 'plan', usage: run.plan.usage }] : []),
        ...(run.tasks ?? []).map((t) => ({ stage: `code · ${t.taskId}`, usage: t.usage })),
        ...(run.test ? [{ stage: 'test', usage: run.test.usage }] : []),
        ...(run.reviews ?? []).map((r) => ({ stage: `review · ${r.lens}`, usage: r.usage })),
        ...(run.docs ? [{ stage: 'docs', usage: run.docs.usage }] : []),
        ...(run.rounds ?? []).flatMap((r) => {
            const round = r.document.round;
            return [
                { stage: `fix · round ${round}`, usage: r.document.usage },
                ...(r.test ? [{ stage: `test · round ${round}`, usage: r.test.document.usage }] : []),
                ...r.reviews.map((review) => ({ stage: `review · ${review.lens} · round ${round}`, usage: review.usage })),
            ];
        }),
    ];
}
/**
 * Tokens, cost and time per stage, with a total row when there is more than one stage. A cost
 * that is not known shows `—`, and so does the total then: never a guess.
 */
function usageTable(rows, ctx = makeCtx()) {
    const cells = (u) => u === null
        ? ['—', '—', '—', '—', '—', '—', '—', '—']
        : [
            u.model === '' ? '—' : ctx.code(u.model),
            (0,render_markdown/* formatCount */.B4)(u.calls),
            (0,render_markdown/* formatCount */.B4)(u.inputTokens),
            (0,render_markdown/* formatCount */.B4)(u.outputTokens),
            (0,render_markdown/* formatCount */.B4)(u.cacheReadTokens),
            (0,render_markdown/* formatCount */.B4)(u.cacheWriteTokens),
            (0,render_markdown/* formatCost */.BD)(u.costUsd),
            (0,render_markdown/* formatDuration */.a3)(u.durationMs),
        ];
    const body = rows.map((r) => [ctx.inline(r.stage), ...cells(r.usage)]);
    const used = rows.map((r) => r.usage).filter((u) => u !== null);
    if (rows.length > 1) {
        const sum = (pick) => used.reduce((total, u) => total + pick(u), 0);
        const cost = used.some((u) => u.costUsd === null) ? null : sum((u) => u.costUsd ?? 0);
        body.push([
            '**Total**',
            '',
            (0,render_markdown/* formatCount */.B4)(sum((u) => u.calls)),
            (0,render_markdown/* formatCount */.B4)(sum((u) => u.inputTokens)),
            (0,render_markdown/* formatCount */.B4)(sum((u) => u.outputTokens)),
            (0,render_markdown/* formatCount */.B4)(sum((u) => u.cacheReadTokens)),
            (0,render_markdown/* formatCount */.B4)(sum((u) => u.cacheWriteTokens)),
            (0,render_markdown/* formatCost */.BD)(cost),
            (0,render_markdown/* formatDuration */.a3)(sum((u) => u.durationMs)),
        ]);
    }
    return (0,render_markdown/* table */.tp)(['Stage', 'Model', 'Calls', 'Input tokens', 'Output tokens', 'Cache read', 'Cache write', 'Cost', 'Duration'], body, 'llrrrrrrr');
}
/** Usage and cost per stage as a step summary (capped at 1 MiB unless `options.limit` says otherwise). */
function renderUsageTable(rows, options = {}) {
    return finish(usageTable(rows, makeCtx(options)), options, render_markdown/* STEP_SUMMARY_LIMIT */.CG);
}

;// CONCATENATED MODULE: ./lib/render/task.js



const TASK_STATUS = {
    done: '✅ done',
    failed: '❌ failed',
    'no-change': '➖ no change',
};
function exitCell(code) {
    if (code === null)
        return '⏱️ killed';
    return code === 0 ? '✅ 0' : `❌ ${code}`;
}
/**
 * One coding task as a step summary: status, summary, commit message, files, commands, usage
 * (capped at 1 MiB by default).
 */
function renderTaskMarkdown(task, options = {}) {
    const ctx = makeCtx(options);
    const planned = options.planTask;
    const commands = (0,render_markdown/* table */.tp)(['Command', 'Exit code'], task.commands.map((c) => [ctx.code(c.command), exitCell(c.exitCode)]));
    const markdown = (0,render_markdown/* blocks */.Bv)(ctx.heading(0, `Task ${ctx.code(task.taskId)}: ${TASK_STATUS[task.status]}`), planned && `**${ctx.inline(planned.title)}**`, planned && ['Acceptance criteria:', ...planned.acceptanceCriteria.map((c) => `- ${ctx.inline(c)}`)].join('\n'), ctx.block(task.summary), task.stopReason !== null && `> [!WARNING]\n> Stopped early: ${ctx.inline(task.stopReason)}`, '**Commit message**', (0,render_markdown/* fence */.EU)(task.commitMessage, 'text'), task.filesChanged.length > 0
        ? `**Files changed** (${task.filesChanged.length}): ${task.filesChanged.map(ctx.code).join(', ')}`
        : '**Files changed:** none', task.commands.length > 0 && `**Commands** (${task.commands.length})`, task.commands.length > 0 && commands, '**Usage**', usageTable([{ stage: `code · ${task.taskId}`, usage: task.usage }], ctx));
    return finish(markdown, options, render_markdown/* STEP_SUMMARY_LIMIT */.CG);
}

;// CONCATENATED MODULE: ./lib/render/test-report.js



const TEST_STATUS = {
    passed: '✅ passed',
    failed: '❌ failed',
    'no-tests': '➖ no tests',
    error: '⚠️ error',
};
const INTEGRATION = {
    applied: '✅ applied',
    resolved: '🔧 resolved',
    conflicted: '❌ conflicted',
    skipped: '⏭️ skipped',
};
function origin(atBase) {
    if (atBase === null)
        return 'not checked at the base';
    return atBase ? 'also fails at the base' : 'introduced by this change';
}
const count = (n) => (n === null ? '—' : String(n));
/** Status table, failures with their output, integration per task and tests added. */
function testSection(test, ctx, options = {}) {
    const level = options.failureHeadingLevel ?? 1;
    const summary = (0,render_markdown/* table */.tp)(['Status', 'Command', 'Exit code', 'Passed', 'Failed', 'Fix attempts'], [
        [
            TEST_STATUS[test.status],
            test.command === null ? '—' : ctx.code(test.command),
            test.exitCode === null ? '—' : exitCell(test.exitCode),
            count(test.passed),
            count(test.failed),
            String(test.fixAttempts),
        ],
    ], 'llrrrr');
    const failures = test.failures.map((f) => (0,render_markdown/* blocks */.Bv)(`**${ctx.inline(f.name)}** — ${origin(f.atBase)}`, f.excerpt.trim() !== '' && (0,render_markdown/* fence */.EU)((0,render_markdown/* stripAnsi */.aJ)(f.excerpt), 'text')));
    const integration = (0,render_markdown/* table */.tp)(['Task', 'Result', 'Conflicting files', 'Detail'], test.integration.map((r) => [
        ctx.code(r.taskId),
        INTEGRATION[r.result],
        r.conflictingFiles.map(ctx.code).join(', '),
        ctx.inline(r.detail),
    ]));
    return (0,render_markdown/* blocks */.Bv)(ctx.block(test.summary), summary, test.failures.length > 0 && ctx.heading(level, `Failures (${test.failures.length})`), ...failures, test.integration.length > 0 && ctx.heading(level, 'Integration'), test.integration.length > 0 && integration, test.testsAdded.length > 0 &&
        `**Tests added** (${test.testsAdded.length}): ${test.testsAdded.map(ctx.code).join(', ')}`);
}
/** The test report as a step summary (capped at 1 MiB unless `options.limit` says otherwise). */
function renderTestMarkdown(test, options = {}) {
    const ctx = makeCtx(options);
    return finish((0,render_markdown/* blocks */.Bv)(ctx.heading(0, `Tests: ${TEST_STATUS[test.status]}`), testSection(test, ctx)), options, render_markdown/* STEP_SUMMARY_LIMIT */.CG);
}

;// CONCATENATED MODULE: ./lib/render/pr.js













/** Longest prompt quoted in the body; the rest is in the plan artifact. */
const PROMPT_QUOTE_CHARS = 2_000;
/** Longest task summary in the tasks table. */
const pr_SUMMARY_CELL_CHARS = 300;
function safeUrl(url) {
    if (!url || !/^https?:\/\/[^\s<>"'`]+$/.test(url))
        return null;
    return url.replace(/\(/g, '%28').replace(/\)/g, '%29');
}
function requestSection(plan, issue, ctx) {
    const request = plan.request;
    const title = request.title.trim() === '' ? '(untitled)' : ctx.inline(request.title);
    if (issue !== null)
        return (0,render_markdown/* blocks */.Bv)(`**${title}** — #${issue}`, `Closes #${issue}`);
    const prompt = ctx
        .block((0,util_text/* clip */.$Q)(request.body.trim(), PROMPT_QUOTE_CHARS))
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    return (0,render_markdown/* blocks */.Bv)(`**${title}** (from a prompt)`, request.body.trim() !== '' && prompt);
}
function tasksTable(plan, results, ctx) {
    return (0,render_markdown/* table */.tp)(['Task', 'Status', 'Files', 'Commands', 'Summary'], plan.tasks.map((planned) => {
        const result = results.get(planned.id);
        if (!result)
            return [`${ctx.code(planned.id)} ${ctx.inline(planned.title)}`, '⏳ no result', '—', '—', '—'];
        const failed = result.commands.filter((c) => c.exitCode !== 0).length;
        return [
            `${ctx.code(planned.id)} ${ctx.inline(planned.title)}`,
            TASK_STATUS[result.status],
            String(result.filesChanged.length),
            result.commands.length === 0 ? '0' : `${result.commands.length}${failed > 0 ? ` (${failed} failed)` : ''}`,
            ctx.inline((0,util_text/* clip */.$Q)(result.summary.trim(), pr_SUMMARY_CELL_CHARS)),
        ];
    }), 'llrrl');
}
const TEST_STATE = {
    passed: 'ok',
    failed: 'fail',
    'no-tests': 'skip',
    error: 'fail',
};
const DOCS_STATE = { updated: 'ok', 'no-change': 'skip', failed: 'fail' };
const VERDICT_STATE = { approve: 'ok', comment: 'warn', 'request-changes': 'fail' };
/** The run as stages with their outcome; a stage without a document is shown as not run. */
function pipelineStages(input) {
    const results = new Map(input.tasks.map((t) => [t.taskId, t]));
    const notRun = (stage) => [{ key: stage, label: `${stage}: not run`, state: 'skip' }];
    const review = input.reviews;
    return [
        { stage: 'plan', nodes: [{ key: 'plan', label: `plan: ${input.plan.tasks.length} tasks`, state: 'ok' }] },
        {
            stage: 'code',
            nodes: input.plan.tasks.map((t) => {
                const status = results.get(t.id)?.status;
                return {
                    key: `code-${t.id}`,
                    label: `${t.id}: ${status ?? 'no result'}`,
                    state: status ? TASK_STATE[status] : 'pending',
                };
            }),
        },
        {
            stage: 'test',
            nodes: input.test
                ? [{ key: 'test', label: `test: ${input.test.status}`, state: TEST_STATE[input.test.status] }]
                : notRun('test'),
        },
        {
            stage: 'review',
            after: ['test'],
            nodes: review && review.lenses.length > 0
                ? review.lenses.map((l) => {
                    const verdict = (0,findings/* verdictFor */.Xb)(review.findings.filter((f) => f.lenses.includes(l.lens)), review.blockOn);
                    return { key: `review-${l.lens}`, label: `${l.lens}: ${verdict}`, state: VERDICT_STATE[verdict] };
                })
                : notRun('review'),
        },
        {
            stage: 'docs',
            after: ['test'],
            nodes: input.docs
                ? [{ key: 'docs', label: `docs: ${input.docs.status}`, state: DOCS_STATE[input.docs.status] }]
                : notRun('docs'),
        },
        ...fixStage(input.fix),
        { stage: 'publish', after: ['review', 'docs'], nodes: [{ key: 'publish', label: 'pull request', state: 'ok' }] },
    ];
}
/** The fix rounds in the diagram, after the review: none when no round ran. */
function fixStage(loop) {
    if (!loop || loop.rounds.length === 0)
        return [];
    const nodes = loop.rounds.map((r) => {
        let state = 'fail';
        if (r.test !== null && r.rejected === null)
            state = r.remaining.length === 0 ? 'ok' : 'warn';
        return { key: `fix-${r.document.round}`, label: `fix round ${r.document.round}: ${r.document.status}`, state };
    });
    return [{ stage: 'fix', after: ['review'], nodes }];
}
/**
 * The pull request body: the hidden marker, what was asked (`Closes #n` for an issue), the plan
 * as a checklist, the tasks, the test results, the review summary, the docs, usage and cost per
 * stage, and a diagram of the run. Capped at 65,536 characters unless `options.limit` says otherwise.
 */
function renderPrBody(input, options = {}) {
    const ctx = makeCtx(options);
    const plan = input.plan;
    const issue = input.issue === undefined ? plan.run.issue : input.issue;
    const results = new Map(input.tasks.map((t) => [t.taskId, t]));
    const statuses = new Map(plan.tasks.map((t) => [t.id, results.get(t.id)?.status ?? 'missing']));
    const runUrl = safeUrl(input.runUrl);
    const runText = `run ${ctx.code(plan.run.runId)}`;
    const runLink = runUrl ? `[${runText}](${runUrl})` : runText;
    const usage = input.usage ??
        usageRows({
            plan,
            tasks: input.tasks,
            test: input.test,
            reviews: input.reviews?.lenses,
            docs: input.docs,
            rounds: input.fix?.rounds,
        });
    const fix = input.fix ? fixSection(input.fix, ctx) : null;
    const markdown = (0,render_markdown/* blocks */.Bv)((0,marker/* prMarker */.xu)(plan.run.runId), `> [!NOTE]\n> Written by ensemble's agents in ${runLink}. ` +
        'Review it like any other change; it is not merged automatically.', ctx.heading(0, 'Request'), requestSection(plan, issue, ctx), ctx.heading(0, 'Plan'), planSection(plan, ctx, statuses), ctx.heading(0, 'Tasks'), tasksTable(plan, results, ctx), ctx.heading(0, input.test ? `Tests: ${TEST_STATUS[input.test.status]}` : 'Tests'), input.test ? testSection(input.test, ctx) : '_The test stage did not run._', ctx.heading(0, input.reviews ? `Review: ${VERDICT_TEXT[input.reviews.verdict]}` : 'Review'), input.reviews ? reviewSection(input.reviews, ctx, { summaries: false }) : '_The review stage did not run._', fix && ctx.heading(0, 'Fix rounds'), fix, ctx.heading(0, input.docs ? `Documentation: ${DOCS_STATUS[input.docs.status]}` : 'Documentation'), input.docs ? docsSection(input.docs, ctx) : '_The docs stage did not run._', ctx.heading(0, 'Usage'), usage.length > 0 ? usageTable(usage, ctx) : '_No model usage recorded._', ctx.heading(0, 'Pipeline'), pipelineGraph(pipelineStages(input)), `---\n<sub>Generated by ensemble · ${runLink}</sub>`);
    return finish(markdown, options, render_markdown/* GITHUB_BODY_LIMIT */.nY);
}

;// CONCATENATED MODULE: ./lib/render/setup.js


/**
 * The step summary of a run whose setup failed: the message's first line, then the rest (the
 * command's output, untrusted) in a fence.
 */
function renderSetupFailure(message, options = {}) {
    const ctx = makeCtx(options);
    const [first = '', ...rest] = message.split('\n');
    const markdown = `## ensemble: setup failed\n\n${ctx.inline(first)}\n\n${(0,render_markdown/* fence */.EU)(rest.join('\n'), 'text')}\n`;
    return finish(markdown, options, render_markdown/* STEP_SUMMARY_LIMIT */.CG);
}
/**
 * The setup and test command a run uses, and why: for the plan job's step summary, so that a
 * maintainer sees what ensemble detected before any code is written. Commands come from the
 * repository's files or configuration: shown as code.
 */
function renderSetupSummary(setup, options = {}) {
    const ctx = makeCtx(options);
    const seconds = Math.round(setup.durationMs / 1000);
    const install = setup.status === 'none'
        ? `nothing to install (${ctx.inline(setup.reason)})`
        : `${setup.commands.map((c) => ctx.code(c)).join(', ')} (${ctx.inline(setup.reason)}): installed in ${seconds} s, ` +
            'before any model call';
    const test = setup.test.command === null
        ? `none found (${ctx.inline(setup.test.reason)})`
        : `${ctx.code(setup.test.command)} (${ctx.inline(setup.test.reason)})`;
    return finish(`### Setup\n\n- **Install:** ${install}\n- **Tests:** ${test}\n`, options, render_markdown/* STEP_SUMMARY_LIMIT */.CG);
}

;// CONCATENATED MODULE: ./lib/render/index.js
















/***/ }),

/***/ 19556:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bb: () => (/* binding */ TRACKING_MARKER),
/* harmony export */   Ed: () => (/* binding */ findMarker),
/* harmony export */   iY: () => (/* binding */ findingMarker),
/* harmony export */   vU: () => (/* binding */ reviewMarker),
/* harmony export */   xL: () => (/* binding */ marker),
/* harmony export */   xu: () => (/* binding */ prMarker)
/* harmony export */ });
/**
 * Hidden markers (`<!-- ensemble:pr run=123-1 -->`) by which a re-run finds the pull request,
 * comment or review it wrote before. Model text can never contain one: safe text breaks every
 * `<!--`. Values are percent-encoded, so they cannot end the comment.
 */
const KIND = /^[a-z][a-z0-9-]*$/;
function marker(kind, fields = {}) {
    if (!KIND.test(kind))
        throw new Error(`invalid marker kind "${kind}"`);
    const parts = Object.entries(fields).map(([key, value]) => {
        if (!KIND.test(key))
            throw new Error(`invalid marker field "${key}"`);
        return ` ${key}=${encodeURIComponent(String(value))}`;
    });
    return `<!-- ensemble:${kind}${parts.join('')} -->`;
}
/** The marker of the issue's tracking comment, which the plan posts and the publisher updates. */
const TRACKING_MARKER = marker('tracking');
/** The marker of the pull request body of a run. */
function prMarker(runId) {
    return marker('pr', { run: runId });
}
/** The marker of a review body: the run, and the fingerprint of the findings it posted. */
function reviewMarker(runId, fingerprint) {
    return marker('review', { run: runId, findings: fingerprint });
}
/**
 * The marker of an inline review comment: the stable id of the finding it posts, by which a later
 * run or round tells a finding already on the pull request (`review/ledger.ts`).
 */
function findingMarker(id) {
    return marker('finding', { id });
}
const MARKER = /<!-- ensemble:([a-z][a-z0-9-]*)((?: [a-z][a-z0-9-]*=[^\s>]*)*) -->/g;
/** The first marker in `text` (of `kind`, when given), or null. */
function findMarker(text, kind) {
    for (const m of text.matchAll(MARKER)) {
        if (kind !== undefined && m[1] !== kind)
            continue;
        const fields = {};
        for (const pair of m[2].trim().split(' ').filter(Boolean)) {
            const at = pair.indexOf('=');
            try {
                fields[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
            }
            catch {
                fields[pair.slice(0, at)] = pair.slice(at + 1);
            }
        }
        return { kind: m[1], fields };
    }
    return null;
}


/***/ }),

/***/ 31167:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jc: () => (/* binding */ rightSideLines),
/* harmony export */   m$: () => (/* binding */ isCommentable),
/* harmony export */   tZ: () => (/* binding */ findDiffFile),
/* harmony export */   ui: () => (/* binding */ hunkOf)
/* harmony export */ });
/** The file of the diff a review finding names: by new path, else by the old path of a rename. */
function findDiffFile(files, path) {
    return files.find((f) => f.path === path) ?? files.find((f) => f.oldPath === path && f.newPath !== null);
}
/** Whether GitHub accepts an inline comment on this new-side line (inside a hunk). */
function isCommentable(file, line) {
    return file.added.has(line) || file.context.has(line);
}
/** The hunk that shows new-side `line`, if any. */
function hunkOf(file, line) {
    return file.hunks.find((h) => h.lines.some((l) => l.newLine === line));
}
/** New-side text of every line the diff shows (added and context), by line number. */
function rightSideLines(file) {
    const lines = new Map();
    for (const hunk of file.hunks) {
        for (const line of hunk.lines)
            if (line.newLine !== null)
                lines.set(line.newLine, line.text);
    }
    return lines;
}


/***/ }),

/***/ 92696:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $M: () => (/* binding */ normaliseLine),
/* harmony export */   B0: () => (/* binding */ isIncompleteReview),
/* harmony export */   Ju: () => (/* binding */ findingsFingerprint),
/* harmony export */   Xb: () => (/* binding */ verdictFor),
/* harmony export */   _T: () => (/* binding */ suggestionText),
/* harmony export */   bu: () => (/* binding */ combineReviews),
/* harmony export */   hl: () => (/* binding */ incompleteSummary),
/* harmony export */   ke: () => (/* binding */ githubReviewEvent),
/* harmony export */   rt: () => (/* binding */ anchorFinding)
/* harmony export */ });
/* unused harmony exports anchorFindings, similarTitles, compareFindings, mergeFindings, suggestionApplies, mergeCriteria */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _contracts_review_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(88935);
/* harmony import */ var _diff_lines_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(31167);
/**
 * Review findings, deterministically: where on the diff each one goes, which ones are the same
 * finding seen by several lenses, and what the review's verdict is. No model, no I/O.
 */



// ---------------------------------------------------------------------------------------------
// anchoring
/** Whitespace-insensitive form of one line: runs of whitespace collapse, ends are trimmed. */
function normaliseLine(line) {
    return line.replace(/\s+/g, ' ').trim();
}
/** The quote's lines, normalised, without leading and trailing blank lines. */
function quoteLines(quote) {
    const lines = quote.split(/\r?\n/).map(normaliseLine);
    while (lines.length > 0 && lines[0] === '')
        lines.shift();
    while (lines.length > 0 && lines[lines.length - 1] === '')
        lines.pop();
    return lines;
}
/**
 * Ways a model writes a quote besides copying the code: with the diff's `+`/`-`/` ` markers
 * (deleted lines dropped, they are not in the new file), or with the `read_file` tool's
 * `<number>\t` prefixes. Tried in this order; the first form that matches anywhere wins.
 */
function quoteForms(quote) {
    const raw = quote.split(/\r?\n/);
    const forms = [quoteLines(quote)];
    const body = raw.filter((l) => l.trim() !== '');
    if (body.length > 0 && body.every((l) => /^[+ -]/.test(l)) && body.some((l) => /^[+-]/.test(l))) {
        forms.push(quoteLines(raw
            .filter((l) => !l.startsWith('-'))
            .map((l) => l.slice(1))
            .join('\n')));
    }
    if (body.length > 0 && body.every((l) => /^\s*\d+\t/.test(l))) {
        forms.push(quoteLines(raw.map((l) => l.replace(/^\s*\d+\t/, '')).join('\n')));
    }
    return forms.filter((f) => f.length > 0);
}
/** A partial first or last line must still say something: at least this many characters. */
const MIN_PARTIAL = 3;
/**
 * Whether `quote` matches the run of `rows` starting at `start`: null when not, else whether it
 * matched whole lines. A quote may begin inside its first line and end inside its last (a
 * one-line quote may be any part of its line); the lines between must match whole.
 */
function matchAt(rows, start, quote) {
    let exact = true;
    for (let j = 0; j < quote.length; j++) {
        const want = quote[j];
        const have = normaliseLine(rows[start + j].text);
        if (have === want)
            continue;
        exact = false;
        if (want.length < MIN_PARTIAL)
            return null;
        if (matchesPart(have, want, j, quote.length))
            continue;
        return null;
    }
    return { exact };
}
/**
 * Whether line `j` of a quote of `count` lines matches part of the diff line `have`: any part for a
 * one-line quote, its end for the first line, its start for the last; a line between never does.
 */
function matchesPart(have, want, j, count) {
    if (count === 1)
        return have.includes(want);
    if (j === 0)
        return have.endsWith(want);
    if (j === count - 1)
        return have.startsWith(want);
    return false;
}
/** How far the run `line`..`endLine` is from the line a finding names: 0 when none is named or the run covers it. */
function distanceFrom(named, line, endLine) {
    if (named === null)
        return 0;
    if (named < line)
        return line - named;
    return Math.max(0, named - endLine);
}
/** Lower is better: runs with added lines, then whole-line matches, then nearest the model's line, then first. */
function better(a, b) {
    if (a.hasAdded !== b.hasAdded)
        return a.hasAdded;
    if (a.exact !== b.exact)
        return a.exact;
    if (a.distance !== b.distance)
        return a.distance < b.distance;
    return a.line < b.line;
}
/**
 * Places a finding on the new side of the diff. The quote is searched, line by line with
 * whitespace normalised, as a contiguous run of the new-side lines one hunk shows (added and
 * context lines; deleted lines are not in the new file, so a run may span them). Runs that
 * contain an added line win over runs of context only; among equals the one nearest the
 * finding's own `line` (when given) wins, else the first. A finding without a quote keeps its
 * `line`/`endLine` when they are inside one hunk. Anything else is unanchored: `line` and
 * `endLine` null, for the review body. The path of a renamed file becomes its new path.
 */
function anchorFinding(finding, files) {
    const unanchored = { ...finding, line: null, endLine: null };
    const file = (0,_diff_lines_js__WEBPACK_IMPORTED_MODULE_2__/* .findDiffFile */ .tZ)(files, finding.path);
    if (!file)
        return unanchored;
    const placed = (line, endLine) => ({
        ...finding,
        path: file.path,
        line,
        endLine: endLine > line ? endLine : null,
    });
    const forms = quoteForms(finding.quote);
    if (forms.length === 0) {
        const line = finding.line;
        if (line === null || !(0,_diff_lines_js__WEBPACK_IMPORTED_MODULE_2__/* .isCommentable */ .m$)(file, line))
            return unanchored;
        const end = finding.endLine;
        const hunk = (0,_diff_lines_js__WEBPACK_IMPORTED_MODULE_2__/* .hunkOf */ .ui)(file, line);
        const sameHunk = end !== null && end > line && hunk?.lines.some((l) => l.newLine === end);
        return placed(line, sameHunk ? end : line);
    }
    for (const quote of forms) {
        let best = null;
        for (const hunk of file.hunks) {
            const rows = hunk.lines.filter((l) => l.kind !== 'delete');
            for (let start = 0; start + quote.length <= rows.length; start++) {
                const match = matchAt(rows, start, quote);
                if (!match)
                    continue;
                const run = rows.slice(start, start + quote.length);
                const line = run[0].newLine;
                const endLine = run[run.length - 1].newLine;
                const candidate = {
                    line,
                    endLine,
                    hasAdded: run.some((r) => r.kind === 'add'),
                    exact: match.exact,
                    distance: distanceFrom(finding.line, line, endLine),
                };
                if (best === null || better(candidate, best))
                    best = candidate;
            }
        }
        if (best)
            return placed(best.line, best.endLine);
    }
    return unanchored;
}
/** Anchors every finding: `inline` ones have a line on the diff, `body` ones go in the review body. */
function anchorFindings(findings, files) {
    const inline = [];
    const body = [];
    for (const finding of findings) {
        const anchored = { ...finding, ...anchorFinding(finding, files) };
        (anchored.line === null ? body : inline).push(anchored);
    }
    return { inline, body };
}
const SEVERITY_RANK = new Map(_contracts_review_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITY_ORDER */ .B.map((s, i) => [s, i]));
const rank = (s) => SEVERITY_RANK.get(s);
function titleWords(title) {
    return title
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w !== '');
}
/**
 * Titles are similar when equal ignoring case and punctuation, when one contains the other, or
 * share half their words.
 */
function similarTitles(a, b) {
    const wa = titleWords(a);
    const wb = titleWords(b);
    const ja = wa.join(' ');
    const jb = wb.join(' ');
    if (ja === jb)
        return true;
    if (ja !== '' && jb !== '' && (` ${ja} `.includes(` ${jb} `) || ` ${jb} `.includes(` ${ja} `)))
        return true;
    const sa = new Set(wa);
    const sb = new Set(wb);
    const common = [...sa].filter((w) => sb.has(w)).length;
    const union = new Set([...sa, ...sb]).size;
    return union > 0 && common / union >= 0.5;
}
/** Line ranges overlap; two unplaced findings "overlap" when they quote the same code. */
function sameSpot(a, b) {
    if (a.path !== b.path)
        return false;
    if (a.line === null || b.line === null) {
        return a.line === null && b.line === null && quoteLines(a.quote).join('\n') === quoteLines(b.quote).join('\n');
    }
    return a.line <= (b.endLine ?? b.line) && b.line <= (a.endLine ?? a.line);
}
/** Most severe first, then path, then line (unplaced last), then title. */
function compareFindings(a, b) {
    return (rank(a.severity) - rank(b.severity) ||
        compareText(a.path, b.path) ||
        (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) ||
        compareText(a.title, b.title));
}
function compareText(a, b) {
    if (a < b)
        return -1;
    if (a > b)
        return 1;
    return 0;
}
/**
 * Merges the findings of several lenses. Two findings are the same when they are on the same
 * path, their lines overlap and their titles are similar; the most severe one is kept whole (the
 * first of equals) and the lenses of all are listed. Sorted by `compareFindings`.
 */
function mergeFindings(reviews) {
    const groups = [];
    for (const review of reviews) {
        for (const finding of review.findings) {
            const group = groups.find((g) => g.members.some((m) => sameSpot(m, finding) && similarTitles(m.title, finding.title)));
            if (!group) {
                groups.push({ kept: finding, members: [finding], lenses: new Set([review.lens]) });
                continue;
            }
            group.members.push(finding);
            group.lenses.add(review.lens);
            if (rank(finding.severity) < rank(group.kept.severity))
                group.kept = finding;
        }
    }
    return groups.map((g) => ({ ...g.kept, lenses: [...g.lenses].sort(compareText) })).sort(compareFindings);
}
// ---------------------------------------------------------------------------------------------
// verdict
/** `request-changes` when a finding reaches `blockOn`, `comment` when there are findings, else `approve`. */
function verdictFor(findings, blockOn) {
    if (findings.some((f) => (0,_contracts_review_js__WEBPACK_IMPORTED_MODULE_1__/* .isAtLeast */ .du)(f.severity, blockOn)))
        return 'request-changes';
    return findings.length > 0 ? 'comment' : 'approve';
}
/** The event the publisher posts. ensemble never approves a pull request: `approve` is posted as a comment. */
function githubReviewEvent(verdict) {
    return verdict === 'request-changes' ? 'REQUEST_CHANGES' : 'COMMENT';
}
function lineAt(lines, n) {
    return Array.isArray(lines) ? lines[n - 1] : lines.get(n);
}
/**
 * Whether a GitHub ```suggestion block may be offered: the finding has a suggestion and an
 * anchored range whose lines are all known, the quote (when there is one) covers those lines
 * whole — a suggestion replaces whole lines, so a quote of part of a line would lose the rest —
 * and the suggestion changes something.
 */
function suggestionApplies(finding, fileLines) {
    if (finding.suggestion === null || finding.line === null)
        return false;
    const current = [];
    for (let n = finding.line; n <= (finding.endLine ?? finding.line); n++) {
        const text = lineAt(fileLines, n);
        if (text === undefined)
            return false;
        current.push(text);
    }
    const normalised = current.map(normaliseLine);
    const covered = quoteForms(finding.quote).some((form) => form.join('\n') === normalised.join('\n'));
    if (finding.quote.trim() !== '' && !covered)
        return false;
    return finding.suggestion.replace(/\r?\n$/, '') !== current.join('\n');
}
function indentOf(lines) {
    const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)[0]);
    return indents.reduce((shortest, i) => (i.length < shortest.length ? i : shortest), indents[0] ?? '');
}
/**
 * The text of the ```suggestion block for a finding, or null when `suggestionApplies` says no.
 * A model often quotes and rewrites code without its indentation: when both the quote and the
 * suggestion start at column 0 but the lines in the file are indented, the suggestion is
 * indented like the file's first line.
 */
function suggestionText(finding, fileLines) {
    if (!suggestionApplies(finding, fileLines) || finding.suggestion === null || finding.line === null)
        return null;
    const suggestion = finding.suggestion.replace(/\r\n?/g, '\n').replace(/\n$/, '');
    const current = [];
    for (let n = finding.line; n <= (finding.endLine ?? finding.line); n++)
        current.push(lineAt(fileLines, n) ?? '');
    const target = indentOf(current);
    const lines = suggestion.split('\n');
    if (target === '' || indentOf(lines) !== '' || indentOf(finding.quote.split(/\r?\n/)) !== '')
        return suggestion;
    return lines.map((l) => (l.trim() === '' ? l : target + l)).join('\n');
}
/** Anchors every lens's findings on the diff, merges them and derives the verdict from `blockOn`. */
function combineReviews(reviews, files, blockOn) {
    const findings = mergeFindings(reviews.map((r) => ({ lens: r.lens, findings: r.findings.map((f) => anchorFinding(f, files)) })));
    return {
        verdict: verdictFor(findings, blockOn),
        blockOn,
        findings,
        criteria: mergeCriteria(reviews),
        lenses: reviews.map((r) => ({ lens: r.lens, verdict: r.verdict, summary: r.summary, usage: r.usage ?? null })),
    };
}
function mergeCriteria(reviews) {
    const byText = new Map();
    for (const review of reviews) {
        for (const check of review.criteria) {
            const key = normaliseLine(check.criterion).toLowerCase();
            const seen = byText.get(key);
            if (!seen) {
                byText.set(key, {
                    criterion: check.criterion,
                    met: check.met,
                    evidence: check.evidence,
                    lenses: [review.lens],
                });
                continue;
            }
            if (!seen.lenses.includes(review.lens))
                seen.lenses.push(review.lens);
            // An unmet verdict and its evidence win; otherwise keep the first evidence there is.
            if (seen.met && !check.met)
                Object.assign(seen, { met: false, evidence: check.evidence || seen.evidence });
            else if (seen.evidence === '' && check.met === seen.met)
                seen.evidence = check.evidence;
        }
    }
    return [...byText.values()].map((c) => ({ ...c, lenses: [...c.lenses].sort(compareText) }));
}
/**
 * A digest of what a review would post (placement, severity and text of every finding, and the
 * verdict): a re-run posts a new review only when this changed.
 */
function findingsFingerprint(outcome) {
    const canonical = outcome.findings.map((f) => [f.path, f.line, f.endLine, f.severity, f.title, f.body, f.suggestion]);
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(JSON.stringify([outcome.verdict, canonical]))
        .digest('hex')
        .slice(0, 16);
}
/** How the summary of a lens whose agent failed begins (`failedLensReview`); `isIncompleteReview` reads it back. */
const incompleteSummary = (lens) => `The ${lens} review did not complete`;
/**
 * Whether a review is the one written for a lens whose agent did not complete. The review
 * contract (v1) has no field for it, so the summary's opening, `incompleteSummary`, says it.
 */
function isIncompleteReview(review) {
    return review.findings.length === 0 && review.summary.startsWith(incompleteSummary(review.lens));
}


/***/ }),

/***/ 59039:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  aW: () => (/* reexport */ PERSON_SOURCE),
  rt: () => (/* reexport */ findings/* anchorFinding */.rt),
  Ur: () => (/* reexport */ blockingFindings),
  je: () => (/* reexport */ blockingLeft),
  bu: () => (/* reexport */ findings/* combineReviews */.bu),
  NQ: () => (/* reexport */ describeFixLoop),
  A9: () => (/* reexport */ finalState),
  tZ: () => (/* reexport */ diff_lines/* findDiffFile */.tZ),
  TC: () => (/* reexport */ fixLoopDetail),
  Nf: () => (/* reexport */ identifyFindings),
  hl: () => (/* reexport */ findings/* incompleteSummary */.hl),
  B0: () => (/* reexport */ findings/* isIncompleteReview */.B0),
  Lo: () => (/* reexport */ lensOpenFindings),
  $M: () => (/* reexport */ findings/* normaliseLine */.$M),
  FV: () => (/* reexport */ reviewFindings),
  Hj: () => (/* reexport */ testedRounds),
  Xb: () => (/* reexport */ findings/* verdictFor */.Xb),
  Dr: () => (/* reexport */ whyNotTaken)
});

// UNUSED EXPORTS: anchorFindings, compareFindings, findingId, findingsFingerprint, githubReviewEvent, hunkOf, isCommentable, mergeCriteria, mergeFindings, rightSideLines, settledByRound, similarTitles, suggestionApplies, suggestionText

// EXTERNAL MODULE: ./lib/review/diff-lines.js
var diff_lines = __webpack_require__(31167);
// EXTERNAL MODULE: ./lib/review/findings.js
var findings = __webpack_require__(92696);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./lib/contracts/review.js
var review = __webpack_require__(88935);
;// CONCATENATED MODULE: ./lib/review/ledger.js
/**
 * The findings ledger of a run, deterministically: each finding's stable id, which findings of a
 * review block, and what a fix round settled. The ledger is the documents themselves (each fix
 * round's findings and the review after it), so it cannot drift from what happened. No model, no I/O.
 */



/**
 * A new finding's id: from its source (lens), file, title and quote, so the same finding made again
 * in another run gets the same id, and two different findings practically never share one.
 */
function findingId(source, finding) {
    const key = [source, finding.path, (0,findings/* normaliseLine */.$M)(finding.title).toLowerCase(), (0,findings/* normaliseLine */.$M)(finding.quote)];
    return `F${(0,external_node_crypto_.createHash)('sha256').update(key.join('\u0000')).digest('hex').slice(0, 10)}`;
}
/**
 * Gives every finding of a lens's review its id: a finding the re-review reports again with the id
 * of one of its open findings keeps it; any other id a model wrote is not trusted and replaced.
 * Two findings that end up with one id keep only the first.
 */
function identifyFindings(source, findings, open = new Set()) {
    const seen = new Set();
    const identified = [];
    for (const finding of findings) {
        const id = finding.id !== null && open.has(finding.id) ? finding.id : findingId(source, finding);
        if (seen.has(id))
            continue;
        seen.add(id);
        identified.push({ ...finding, id });
    }
    return identified;
}
/** The source of a finding a person made (a review comment on the pull request), as a lens name. */
const PERSON_SOURCE = 'human';
/**
 * The open findings a re-review through `lens` is given: its own, and for the first configured lens
 * also those people made, so that a person's review comment is judged again like a lens's finding
 * (no lens of that name runs).
 */
function lensOpenFindings(findings, lens, lenses) {
    return findings.filter((f) => f.source === lens || (f.source === PERSON_SOURCE && lens === lenses[0]));
}
/**
 * The findings of review documents with their ids: those ensemble gave them when the review was
 * made (documents written before ids existed get the id their content gives).
 */
function reviewFindings(reviews) {
    return reviews.flatMap((review) => review.findings.map((finding) => ({
        source: review.lens,
        finding: { ...finding, id: finding.id ?? findingId(review.lens, finding) },
    })));
}
/** Every finding of the reviews at or above `blockOn`, with its lens, in the reviews' order. */
function blockingFindings(reviews, blockOn) {
    return reviewFindings(reviews).filter(({ finding }) => (0,review/* isAtLeast */.du)(finding.severity, blockOn));
}
/** What a fix round settled: the findings it was given that the review after it no longer reports, and those left. */
function settledByRound(given, after) {
    const still = new Set(after.map((f) => f.finding.id));
    return {
        fixed: given.filter((f) => !still.has(f.id)).map((f) => f.id),
        remaining: given.filter((f) => still.has(f.id)).map((f) => f.id),
    };
}

;// CONCATENATED MODULE: ./lib/review/fix-rounds.js


/**
 * The loop as its documents tell it. A stop the documents cannot show (the run's budget, a stopped
 * job) is named as what it can only be.
 */
function describeFixLoop(input) {
    let blocking = blockingFindings(input.reviews, input.blockOn);
    let standing = input.test?.status ?? null;
    const rounds = input.rounds.map((round) => {
        const none = { fixed: [], remaining: [] };
        if (round.test === null)
            return { ...round, rejected: null, ...none };
        const rejected = whyNotTaken(standing, round.test.document.status);
        if (rejected !== null)
            return { ...round, rejected, ...none };
        standing = round.test.document.status;
        if (round.reviews.length === 0)
            return { ...round, rejected: null, ...none };
        blocking = blockingFindings(round.reviews, input.blockOn);
        return { ...round, rejected: null, ...settledByRound(round.document.findings, blocking) };
    });
    const last = rounds.at(-1);
    const lastWentWell = !last ||
        (last.test !== null && last.rejected === null && last.fixed.length > 0 && !last.reviews.some(findings/* isIncompleteReview */.B0));
    const mayContinue = blocking.length > 0 && rounds.length < input.maxRounds && lastWentWell;
    return {
        rounds,
        stopped: whyTheLoopStopped(rounds, blocking.length, input.maxRounds),
        blocking: blocking.length,
        mayContinue,
    };
}
/**
 * Why a re-tested round's change is not taken over the change it started from (whose test status
 * is `before`), or null when it is: a fix may not trade passing tests for failing ones.
 */
function whyNotTaken(before, after) {
    if (after === 'error')
        return 'its re-test could not run the tests';
    if (after === 'failed' && before === 'passed')
        return 'its re-test failed where the change before it passed';
    return null;
}
function whyTheLoopStopped(rounds, blocking, max) {
    const last = rounds.at(-1);
    if (!last)
        return null;
    const round = last.document.round;
    const left = blockingLeft(blocking);
    if (last.document.status !== 'done') {
        const why = last.document.stopReason ?? last.document.summary.split('\n')[0];
        return `fix round ${round} ${last.document.status}: ${why}`;
    }
    if (last.test === null)
        return `fix round ${round} was not re-tested, ${left}`;
    if (last.rejected !== null)
        return `fix round ${round} was not taken (${last.rejected}), ${left}`;
    if (last.reviews.length === 0)
        return `fix round ${round} was not re-reviewed`;
    const incomplete = last.reviews.filter(findings/* isIncompleteReview */.B0).map((r) => r.lens);
    if (incomplete.length > 0)
        return `the re-review of round ${round} did not complete (${incomplete.join(', ')})`;
    if (blocking === 0)
        return 'no blocking finding is left';
    if (last.fixed.length === 0) {
        return `fix round ${round} settled none of its ${last.document.findings.length} findings, ${left}`;
    }
    if (rounds.length >= max)
        return `the limit of ${max} fix rounds (stages.fix.max-rounds) was reached, ${left}`;
    return `the loop ended after round ${round}, ${left}: the run's budget was spent or the run was stopped`;
}
/** The change as it stands: the last re-tested round's, else the first pass's. */
function finalState(first, loop) {
    const last = loop.rounds.filter((r) => r.test !== null && r.rejected === null).at(-1);
    if (!last?.test)
        return first;
    return { test: last.test.document, change: last.test.change, reviews: last.reviews };
}
/** The rounds that were re-tested and taken, each with the change after it: the commits a publisher makes. */
function testedRounds(loop) {
    return loop.rounds.flatMap((r) => r.test && r.rejected === null ? [{ document: r.document, change: r.test.change }] : []);
}
/** `round 1: 2 of 3 fixed; round 2: failed; stopped: …`, for the run table. */
function fixLoopDetail(loop) {
    const rounds = loop.rounds.map((r) => {
        if (r.test === null)
            return `round ${r.document.round}: ${r.document.status}`;
        if (r.rejected !== null)
            return `round ${r.document.round}: not taken`;
        return `round ${r.document.round}: ${r.fixed.length} of ${r.document.findings.length} fixed`;
    });
    return [...rounds, `stopped: ${loop.stopped ?? 'no round was needed'}`].join('; ');
}
/** `1 blocking finding left`, `2 blocking findings left`. */
function blockingLeft(count) {
    return `${count} blocking finding${count === 1 ? '' : 's'} left`;
}

;// CONCATENATED MODULE: ./lib/review/index.js






/***/ }),

/***/ 51512:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fk: () => (/* binding */ describeSecretHit),
/* harmony export */   VU: () => (/* binding */ byteNeedles),
/* harmony export */   dL: () => (/* binding */ findSecrets),
/* harmony export */   fp: () => (/* binding */ redactSecrets),
/* harmony export */   h9: () => (/* binding */ secretNeedles),
/* harmony export */   se: () => (/* binding */ redactValues)
/* harmony export */ });
/* unused harmony exports CREDENTIAL_PATTERNS, maskSecret, withoutInvisible, findCredentials, MIN_SECRET_LENGTH, findSecretValues */
/**
 * Credential detection for the safe-output policy (`policy.ts`): well-known token patterns and
 * the exact values of the secrets the step was given.
 *
 * Decisions:
 * - Nothing found is ever echoed. A pattern match is shown masked, its first 4 characters (the
 *   public prefix: `ghp_`, `sk-a`, `AKIA`) and its length; a private key block by its header line
 *   (which holds no key material). A secret value is shown by the secret's name (or its position
 *   among the values given) and its length only: its first characters are part of the secret.
 *   A match in a decoded form is shown the same way (decoded), its description naming the form:
 *   `hex-encoded GitHub token ghp_…(40 chars)`.
 * - Text is scanned as given and once more with invisible format characters (`\p{Cf}`:
 *   zero-width spaces and joiners, bidirectional controls, soft hyphens, BOM) removed, so that a
 *   token split by an invisible character, which still reads as the token, is found.
 * - Each of those is also read in the forms a reviewer would not recognise as a token (`views`),
 *   and patterns and secret values are looked for in each:
 *   - hex: runs of at least 8 hex-encoded bytes (16 digits, either case), contiguous or one byte
 *     at a time with `\x`, `0x` or `\u00` prefixes and up to two spaces, tabs, colons or commas
 *     between bytes (`67 68`, `67:68`, `0x67, 0x68`, `\x67\x68`), decoded in place as UTF-8 at
 *     both digit alignments (a run can start one digit early: `a` + `6768…`). Shorter runs are
 *     left alone: 8 bytes is the shortest secret value looked for. A git SHA or a sha256 digest
 *     decodes to random bytes, which hold no token, so ordinary hex is not refused;
 *   - URL encoding: runs of `%XX` decoded in place as UTF-8 (`%20` in a link decodes to a space);
 *   - reversed: the text read backwards;
 *   - split across string literals: lines (joined first where a line ends with `\`) holding
 *     quoted literals (`"…"`, `'…'`, `` `…` ``), consecutive ones in a run, read as the contents
 *     of all their literals concatenated (`"ghp_ab" +` / `"cd…"`, Python's implicit
 *     concatenation, an array of pieces);
 *   - split across lines: a run of consecutive non-blank lines read as one, each trimmed, without
 *     a leading comment or quote marker (`#`, `//`, `*`, `--`, `;`, `>`) and without a trailing
 *     `\` (a token wrapped in a text file, a comment or a quote).
 *   Decodings are applied to the joined runs too (a hex string cut into literals), but not to
 *   each other's output. Every view is built in one pass and keeps the text's line breaks (decoded
 *   line breaks become spaces), so the cost stays linear in the text's size. A match is reported
 *   on the line it starts on; one in a decoded joined run, on the run's first line. A match that
 *   overlaps one found in an earlier view (the text as given comes first) is not reported again.
 * - OpenAI keys: the brief's `sk-(proj-)?[A-Za-z0-9_-]{20,}` also matches kebab-case names that
 *   follow an `sk-` (`sk-some-long-kebab-case-name`) and the tail of words like `disk-…`. A match
 *   must therefore start a token (no letter, digit, `_` or `-` before it) and hold at least one
 *   digit or capital letter, which every real key (random base62/base64url) does. `sk-ant-` is
 *   reported as an Anthropic key only, never also as an OpenAI key.
 * - AWS access key ids are whole tokens of exactly 20 characters; a longer run of capitals and
 *   digits is not one. GitHub tokens are matched wherever they occur: their prefix and length make
 *   a false match unlikely.
 * - Secret values: values shorter than 8 characters are ignored (they would match ordinary text,
 *   and GitHub does not mask them reliably either). Each value is looked for as given, trimmed,
 *   line by line for a multi-line value (a PEM key, as the Actions runner masks it), JSON-escaped
 *   (as `JSON.stringify` writes it, also with `/` and non-ASCII characters escaped), and in its
 *   base64 and base64url encodings at each of the three byte alignments it can have inside a
 *   longer encoded string (the encodings the Actions runner also masks); and each of these in
 *   every view above (hex, URL-encoded, reversed, split). No scanner catches a determined encoder
 *   (compression, encryption, a custom alphabet): these checks are a backstop for accidents and
 *   for the encodings a reviewer reads past, not the sandbox.
 */
const CREDENTIAL_PATTERNS = [
    { id: 'github-token', name: 'GitHub token', regexp: /gh[pousr]_[A-Za-z0-9]{36,}/g },
    { id: 'github-pat', name: 'GitHub fine-grained personal access token', regexp: /github_pat_[A-Za-z0-9_]{22,}/g },
    { id: 'anthropic-key', name: 'Anthropic API key', regexp: /(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{20,}/g },
    {
        id: 'openai-key',
        name: 'OpenAI API key',
        regexp: /(?<![A-Za-z0-9_-])sk-(?!ant-)(?:proj-)?[A-Za-z0-9_-]{20,}/g,
        plausible: (match) => /[A-Z0-9]/.test(match.replace(/^sk-(?:proj-)?/, '')),
    },
    {
        id: 'aws-access-key-id',
        name: 'AWS access key id',
        regexp: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![0-9A-Z])/g,
    },
    {
        id: 'jwt',
        name: 'JSON web token (e.g. an Actions runtime or OIDC token)',
        regexp: /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}/g,
    },
    {
        id: 'private-key',
        name: 'private key block',
        regexp: /-----BEGIN (?:(?:RSA|EC|OPENSSH|DSA|PGP|ENCRYPTED) )?PRIVATE KEY(?: BLOCK)?-----/g,
        showMatch: true,
    },
];
/** `ghp_…(40 chars)`: the first 4 characters and the length, never the rest. */
function maskSecret(value) {
    const chars = [...value];
    return `${chars.slice(0, 4).join('')}…(${chars.length} chars)`;
}
/** Invisible format characters (zero-width, bidirectional controls, soft hyphen, BOM) removed. */
function withoutInvisible(text) {
    return text.replace(/\p{Cf}/gu, '');
}
/** The 1-based line of an index in `text`: a binary search over its line breaks, built once. */
function lineIndex(text) {
    const breaks = [];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
        breaks.push(i);
    const lineOf = (index) => {
        let lo = 0;
        let hi = breaks.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (breaks[mid] < index)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo + 1;
    };
    return { lineOf, lines: breaks.length + 1 };
}
/** The text itself and, when it differs, the text without invisible characters. */
function views(text) {
    const visible = withoutInvisible(text);
    return visible === text ? [text] : [text, visible];
}
/** Hex-encoded bytes: see the module's decisions. At least 8 bytes; `\x`, `0x`, `\u00` prefixes. */
const HEX_RUN = /(?:\\x|0x|\\u00)?[0-9A-Fa-f]{2}(?:[ \t:,]{0,2}(?:\\x|0x|\\u00)?[0-9A-Fa-f]{2}){7,}/g;
const HEX_DECORATION = /\\x|0x|\\u00|[ \t:,]/g;
const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
/** Decoded bytes as text that adds no line break (so the view's lines stay the text's lines). */
function decodedText(bytes) {
    return bytes.toString('utf8').replace(/[\r\n]/g, ' ');
}
/** `text` with every hex run decoded in place, its digits read from `alignment` (0 or 1). */
function hexDecoded(text, alignment) {
    return text.replace(HEX_RUN, (run) => {
        const digits = run.replace(HEX_DECORATION, '').slice(alignment);
        return decodedText(Buffer.from(digits.slice(0, digits.length - (digits.length % 2)), 'hex'));
    });
}
/** `text` with every run of `%XX` decoded in place. */
function percentDecoded(text) {
    return text.replace(PERCENT_RUN, (run) => decodedText(Buffer.from(run.replace(/%/g, ''), 'hex')));
}
/** A quoted string literal's contents (double, single or backtick quotes; escapes kept as written). */
const LITERAL = /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\\n]|\\.)*)`/g;
/**
 * Runs of consecutive `lines` that `take` gives pieces of text for, each run's pieces concatenated
 * and placed on the run's first line (the other lines of the run left empty, so that the line
 * count stays). Null when no run joins two or more pieces (unless `always`): there is nothing
 * the text as given does not already show.
 */
function joinRuns(lines, take, always = false) {
    const out = lines.map(() => '');
    // Each piece: the line its run is placed on, its offset within the run, the line it came from.
    const placed = [];
    let joinedSome = false;
    let runStart = -1;
    let pieces = [];
    let runLength = 0;
    const flush = () => {
        if (runStart === -1)
            return;
        if (pieces.length > 1)
            joinedSome = true;
        out[runStart] = pieces.join('');
        runStart = -1;
        pieces = [];
        runLength = 0;
    };
    lines.forEach((line, i) => {
        const taken = take(line);
        if (taken === null) {
            flush();
            return;
        }
        if (runStart === -1)
            runStart = i;
        for (const piece of taken) {
            placed.push([runStart, runLength, i + 1]);
            pieces.push(piece);
            runLength += piece.length;
        }
    });
    flush();
    if (!joinedSome && !always)
        return null;
    const lineOffsets = [];
    let offset = 0;
    for (const line of out) {
        lineOffsets.push(offset);
        offset += line.length + 1;
    }
    return {
        text: out.join('\n'),
        starts: placed.map(([at, within]) => lineOffsets[at] + within),
        lines: placed.map(([, , from]) => from),
    };
}
/** Lines ending with `\` joined with the next (as C, shell and Python continue a line), the line count kept. */
function continued(lines) {
    const out = [...lines];
    for (let i = out.length - 2; i >= 0; i--) {
        const line = out[i];
        if (!line.endsWith('\\'))
            continue;
        out[i] = line.slice(0, -1) + out[i + 1];
        out[i + 1] = '';
    }
    return out;
}
/** The text with the contents of quoted literals on consecutive lines concatenated (null: nothing to join). */
function literalsJoined(text) {
    if (!/["'`]/.test(text))
        return null;
    const original = text.split('\n');
    const lines = continued(original);
    const anyContinued = lines.some((line, i) => line !== original[i]);
    const literals = (line) => {
        const pieces = [...line.matchAll(LITERAL)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
        return pieces.length > 0 ? pieces : null;
    };
    return joinRuns(lines, literals, anyContinued);
}
/** A line comment's or quote's marker at the start of a line: `#`, `//`, ` * `, `--`, `;`, `>`. */
const LINE_MARKER = /^(?:#+|\/\/+|\/?\*+|--|;+|>+)\s*/;
/** The text with each run of consecutive non-blank lines read as one (null: a single line). */
function linesJoined(text) {
    if (!text.includes('\n'))
        return null;
    return joinRuns(text.split('\n'), (line) => {
        const trimmed = line.trim().replace(LINE_MARKER, '').replace(/\\$/, '');
        return trimmed === '' ? null : [trimmed];
    });
}
/** `text` backwards, by UTF-16 code unit (natively: a string split into characters is slow at megabytes). */
function reversed(text) {
    return Buffer.from(text, 'utf16le').reverse().swap16().toString('utf16le');
}
/**
 * The views of `text` (module's decisions): the text itself first (and without invisible
 * characters), then its decoded and joined forms.
 */
function viewsOf(text) {
    const plain = views(text).map((t) => ({ text: t, prefix: null, suffix: null, reversed: false }));
    const bases = [];
    for (const { text: t } of plain) {
        bases.push({ text: t, suffix: null });
        const literals = literalsJoined(t);
        if (literals !== null)
            bases.push({ text: literals.text, suffix: 'split across string literals', joined: literals });
        const lines = linesJoined(t);
        if (lines !== null)
            bases.push({ text: lines.text, suffix: 'split across lines', joined: lines });
    }
    const out = [...plain];
    for (const { text: t, suffix, joined } of bases) {
        if (joined)
            out.push({ text: t, prefix: null, suffix, reversed: false, pieces: joined });
        out.push({ text: reversed(t), prefix: 'reversed', suffix, reversed: true });
        HEX_RUN.lastIndex = 0;
        if (HEX_RUN.test(t)) {
            for (const alignment of [0, 1]) {
                out.push({ text: hexDecoded(t, alignment), prefix: 'hex-encoded', suffix, reversed: false });
            }
        }
        if (/%[0-9A-Fa-f]{2}/.test(t))
            out.push({ text: percentDecoded(t), prefix: 'URL-encoded', suffix, reversed: false });
    }
    return out;
}
/** The index of the last of `sorted` that is at most `value` (0 when none is). */
function lastAtMost(sorted, value) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] <= value)
            lo = mid + 1;
        else
            hi = mid;
    }
    return Math.max(lo - 1, 0);
}
/** Finds the line of matches in one view: in a reversed view, counted from the end. */
function lineFinder(view) {
    let index = null;
    const { pieces } = view;
    if (pieces)
        return (at) => pieces.lines[lastAtMost(pieces.starts, at)];
    return (at, length) => {
        index ??= lineIndex(view.text);
        if (!view.reversed)
            return index.lineOf(at);
        return index.lines - index.lineOf(at + Math.max(length, 1) - 1) + 1;
    };
}
/** The view's `Found`; null for the text as given. */
function foundIn(view) {
    if (view.prefix === null && view.suffix === null)
        return null;
    return {
        ...(view.prefix === null ? {} : { decoded: view.prefix }),
        ...(view.suffix === null ? {} : { joined: view.suffix }),
    };
}
/** True when `match` overlaps one of `earlier` (found in a view scanned before: reported, or left out). */
function alreadyFound(match, earlier) {
    for (const p of earlier)
        if (match.includes(p) || p.includes(match))
            return true;
    return false;
}
/**
 * The credential-pattern matches in `text` and its views (module's decisions), once each. A match
 * that contains one of `known` (a secret value, found then by `findSecretValues`) is left out: it is
 * reported as that secret, not a second time as a pattern.
 */
function findCredentials(text, known = []) {
    return credentialsIn(viewsOf(text), known);
}
function credentialsIn(views, known) {
    const hits = [];
    const seen = new Set();
    // Matches of each pattern in the views scanned before the current one.
    const earlier = new Map();
    for (const view of views) {
        const lineOf = lineFinder(view);
        const found = foundIn(view);
        const matched = [];
        for (const pattern of CREDENTIAL_PATTERNS) {
            const before = earlier.get(pattern.id);
            for (const m of view.text.matchAll(pattern.regexp)) {
                if (pattern.plausible && !pattern.plausible(m[0]))
                    continue;
                if (known.some((n) => m[0].includes(n.needle)))
                    continue;
                if (found !== null && before && alreadyFound(m[0], before))
                    continue;
                matched.push([pattern.id, m[0]]);
                const shown = pattern.showMatch ? m[0] : maskSecret(m[0]);
                const line = lineOf(m.index, m[0].length);
                const key = `${pattern.id}\0${shown}\0${line}`;
                if (seen.has(key))
                    continue;
                seen.add(key);
                if (found === null) {
                    hits.push({ pattern, shown, line });
                }
                else {
                    const name = [found.decoded, pattern.name, found.joined].filter((w) => w !== undefined).join(' ');
                    hits.push({ pattern: { ...pattern, name }, shown, line, ...found });
                }
            }
        }
        for (const [id, match] of matched)
            earlier.set(id, (earlier.get(id) ?? new Set()).add(match));
    }
    return hits;
}
/** Values shorter than this are not looked for. */
const MIN_SECRET_LENGTH = 8;
/** `text` as a JSON string holds it, without the quotes: as given, `/` escaped, non-ASCII escaped, or both. */
function jsonEscapes(text) {
    const escaped = JSON.stringify(text).slice(1, -1);
    const slashes = escaped.replace(/\//g, '\\/');
    const ascii = (t) => t.replace(/[^\x00-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return [escaped, slashes, ascii(escaped), ascii(slashes)];
}
/**
 * The base64 characters that depend on `bytes` only, when they sit at byte offset `offset` (0–2) of
 * an encoded string.
 */
function base64Core(bytes, offset, encoding) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString(encoding);
    const first = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    return encoded.slice(first, end);
}
/** Every string whose presence reveals one of `values` (see the module's decisions). */
function secretNeedles(values) {
    const needles = [];
    const seen = new Set();
    values.forEach((entry, i) => {
        const { name, value } = typeof entry === 'string' ? { name: null, value: entry } : entry;
        if (typeof value !== 'string')
            return;
        const secret = name ? `secret ${JSON.stringify(name)}` : `secret #${i + 1} given to this step`;
        const length = [...value].length;
        const add = (needle, form) => {
            if (needle.length < MIN_SECRET_LENGTH || seen.has(needle))
                return;
            seen.add(needle);
            needles.push({ secret, length, needle, form });
        };
        const plain = [value, value.trim()];
        add(value, 'value');
        add(value.trim(), 'value');
        for (const line of value.split(/\r?\n/)) {
            const trimmed = line.trim();
            if (trimmed !== value.trim())
                add(trimmed, 'line of the value');
        }
        for (const escaped of jsonEscapes(value.trim()))
            if (escaped !== value.trim())
                add(escaped, 'JSON-escaped');
        for (const text of plain) {
            if (text.length < MIN_SECRET_LENGTH)
                continue;
            const bytes = Buffer.from(text, 'utf8');
            for (const offset of [0, 1, 2]) {
                add(base64Core(bytes, offset, 'base64'), 'base64');
                add(base64Core(bytes, offset, 'base64url'), 'base64url');
            }
        }
    });
    return needles;
}
/** The same needles for content read as Latin-1 (one character per byte: binary files). */
function byteNeedles(needles) {
    return needles.map((n) => ({ ...n, needle: Buffer.from(n.needle, 'utf8').toString('latin1') }));
}
/**
 * Occurrences of the needles in `text` and its views (module's decisions), once per secret, form
 * and line; a needle found in one view is not reported again from a later one.
 */
function findSecretValues(text, needles) {
    return needles.length === 0 ? [] : secretValuesIn(viewsOf(text), needles);
}
/**
 * Both scans of `text` over one reading of its views (a dozen decoded and joined copies of the
 * text): the secret values, and the credential patterns that are not one of them.
 */
function findSecrets(text, needles) {
    const views = viewsOf(text);
    const secrets = needles.length === 0 ? [] : secretValuesIn(views, needles);
    return { secrets, credentials: credentialsIn(views, needles) };
}
function secretValuesIn(views, needles) {
    const hits = [];
    const seen = new Set();
    // Needles found in the views scanned before the current one.
    const earlier = new Set();
    for (const view of views) {
        const lineOf = lineFinder(view);
        const found = foundIn(view);
        const matched = [];
        for (const needle of needles) {
            if (found !== null && earlier.has(needle))
                continue;
            const t = view.text;
            for (let at = t.indexOf(needle.needle); at !== -1; at = t.indexOf(needle.needle, at + 1)) {
                matched.push(needle);
                const line = lineOf(at, needle.needle.length);
                const key = `${needle.secret}\0${needle.form}\0${line}`;
                if (seen.has(key))
                    continue;
                seen.add(key);
                hits.push({ needle, line, ...found });
            }
        }
        for (const needle of matched)
            earlier.add(needle);
    }
    return hits;
}
/** Each form of a secret value, in the words of a hit's description. */
const FORM_WORDS = {
    value: 'the value',
    'line of the value': 'a line of the value',
    'JSON-escaped': 'the JSON-escaped value',
    base64: 'the base64-encoded value',
    base64url: 'the base64url-encoded value',
};
/** How a secret-value hit is described, without any of the secret's characters. */
function describeSecretHit(hit) {
    const { secret, length, form } = hit.needle;
    // `the value` → `the hex-encoded value`; `… (27 characters) split across lines`
    const words = hit.decoded ? FORM_WORDS[form].replace(/^(the|a) /, `$1 ${hit.decoded} `) : FORM_WORDS[form];
    const described = `${words} of ${secret} (${length} characters)`;
    return hit.joined ? `${described} ${hit.joined}` : described;
}
/**
 * `text` with every known secret value and every credential-shaped string replaced by
 * `[redacted …]`: for what ensemble writes to files a user may share (transcripts), where a
 * command's output could carry one.
 */
function redactSecrets(text, values) {
    let out = redactValues(text, values);
    for (const pattern of CREDENTIAL_PATTERNS) {
        out = out.replace(new RegExp(pattern.regexp.source, 'g'), (match) => pattern.showMatch ? match : `[redacted ${pattern.id}]`);
    }
    return out;
}
/** `text` with every one of `values` (8 characters or more) blanked; credential patterns are left as they are. */
function redactValues(text, values) {
    let out = text;
    for (const value of values) {
        if (value.length >= MIN_SECRET_LENGTH)
            out = out.split(value).join('[redacted secret]');
    }
    return out;
}


/***/ })

};
