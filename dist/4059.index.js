export const id = 4059;
export const ids = [4059];
export const modules = {

/***/ 70299:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ve: () => (/* binding */ carryActivity),
/* harmony export */   iH: () => (/* binding */ splitActivity),
/* harmony export */   iz: () => (/* binding */ composeActivity),
/* harmony export */   kE: () => (/* binding */ upsertActivityRows),
/* harmony export */   rB: () => (/* binding */ activityRows)
/* harmony export */ });
/* unused harmony exports ACTIVITY_KINDS, ACTIVITY_STATES, MAX_ACTIVITY_ROWS, SHOWN_ACTIVITY_ROWS, ACTIVITY_BEGIN, ACTIVITY_END, normaliseActivityRow, renderActivitySection, withActivity */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(80737);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(28805);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43419);
/* harmony import */ var _marker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19556);
/* harmony import */ var _safe_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(85303);
/**
 * The activity section of the tracking comment: what ensemble did after the pull request was
 * opened (CI repairs, waiting for checks, ready for review, conflicts, watching after merge), one
 * row per activity, shown as a table and kept as data in one hidden block that later writes read
 * back (`publish/activity.ts`).
 *
 * Decisions:
 * - The section is always the END of the comment, between a begin and an end marker, and is only
 *   recognised there (the body, trimmed, ends with the end marker). Model text inside a column-0
 *   code fence keeps `<!--` as it is (`safe.ts`), so a plan could spell a whole section; but a
 *   fence is always closed after it, so a forged section is never the comment's end.
 * - The rows are JSON, base64url-encoded, in a marker field: no title can end the HTML comment
 *   early (`-->`), and the policy's sanitising (links, mentions, invisible characters) cannot
 *   alter the data. The data are never more than what the table shows: the caller checks each
 *   row's text against the safe-output policy before it is stored.
 * - Parsing never throws: a missing, cut or corrupt block reads as no rows; a row that does not
 *   parse is dropped. Fields are clipped so that one row cannot crowd out the others.
 * - The whole comment stays within GitHub's 65,536 characters: the oldest rows are dropped first,
 *   and the section always has room for its newest rows (the rest of the body is truncated when
 *   it alone would not leave that room).
 */





const ACTIVITY_KINDS = [
    'ci-rerun',
    'ci-repair',
    'ci-not-started',
    'ci-waiting',
    'ready',
    'conflict',
    'monitor',
    'revert',
];
const ACTIVITY_STATES = ['running', 'done', 'failed', 'stopped', 'skipped', 'note'];
/** Rows kept in the hidden block, newest last. */
const MAX_ACTIVITY_ROWS = 200;
/** Rows shown in the table; older ones are counted. */
const SHOWN_ACTIVITY_ROWS = 30;
const CAPS = { key: 200, title: 300, detail: 2_000, link: 2_000, at: 64 };
/** The room the section always has, whatever the size of the rest of the comment. */
const SECTION_RESERVE = 16_384;
const ACTIVITY_BEGIN = (0,_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .marker */ .xL)('activity-begin');
const ACTIVITY_END = (0,_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .marker */ .xL)('activity-end');
const DATA_KIND = 'activity-rows';
const DATA_VERSION = '1';
const rowSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    key: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().min(1),
    kind: zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(ACTIVITY_KINDS),
    state: zod__WEBPACK_IMPORTED_MODULE_3__/* ["enum"] */ .k5n(ACTIVITY_STATES),
    title: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    detail: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().nullable(),
    link: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().nullable(),
    at: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    costUsd: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().finite().nonnegative().nullable(),
});
const dataSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ rows: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J()) });
/** The row with every field within its cap; no row outgrows the section. */
function normaliseActivityRow(row) {
    const text = (value, max) => (value === null ? null : (0,_util_text_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(value, max));
    return {
        key: row.key.slice(0, CAPS.key),
        kind: row.kind,
        state: row.state,
        title: (0,_util_text_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(row.title.replace(/\s*[\r\n]+\s*/g, ' ').trim(), CAPS.title),
        detail: text(row.detail === null || row.detail.trim() === '' ? null : row.detail.trim(), CAPS.detail),
        link: row.link !== null && safeLink(row.link) ? row.link : null,
        at: row.at.slice(0, CAPS.at),
        costUsd: row.costUsd,
    };
}
function safeLink(url) {
    return url.length <= CAPS.link && /^https?:\/\/[^\s<>"'`()[\]]+$/.test(url);
}
/** The rows upserted by key: a known key keeps its place (updated in place), a new one goes last. */
function upsertActivityRows(rows, added) {
    const out = [...rows];
    for (const row of added) {
        const at = out.findIndex((r) => r.key === row.key);
        if (at >= 0)
            out[at] = row;
        else
            out.push(row);
    }
    return out;
}
function encodeRows(rows) {
    return Buffer.from(JSON.stringify({ rows }), 'utf8').toString('base64url');
}
function decodeRows(data) {
    if (!data || !/^[A-Za-z0-9_-]*$/.test(data))
        return [];
    let json;
    try {
        json = JSON.parse(Buffer.from(data, 'base64url').toString('utf8'));
    }
    catch {
        return [];
    }
    const parsed = dataSchema.safeParse(json);
    if (!parsed.success)
        return [];
    const rows = [];
    for (const candidate of parsed.data.rows.slice(-MAX_ACTIVITY_ROWS)) {
        const row = rowSchema.safeParse(candidate);
        if (row.success)
            rows.push(normaliseActivityRow(row.data));
    }
    return upsertActivityRows([], rows);
}
/**
 * The body split into what precedes the activity section and the section's rows. A body without a
 * section at its end (see the module's decisions) is all `rest`, with no rows.
 */
function splitActivity(body) {
    const trimmed = body.trimEnd();
    if (!trimmed.endsWith(ACTIVITY_END))
        return { rest: body, rows: [] };
    const begin = trimmed.lastIndexOf(ACTIVITY_BEGIN);
    if (begin < 0)
        return { rest: body, rows: [] };
    const section = trimmed.slice(begin);
    const data = (0,_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .findMarker */ .Ed)(section, DATA_KIND);
    const rows = data?.fields['v'] === DATA_VERSION ? decodeRows(data.fields['data']) : [];
    return { rest: `${trimmed.slice(0, begin).trimEnd()}\n`, rows };
}
const STATE_SHOWN = {
    running: '⏳ running',
    done: '✅ done',
    failed: '❌ failed',
    stopped: '🛑 stopped',
    skipped: '⏭️ skipped',
    note: 'ℹ️ note',
};
/**
 * Text in a table cell: one line, no HTML (so no comment can open), pipes escaped once. Invisible
 * characters are removed but U+200B, which the policy inserted to neutralise links and mentions.
 */
function cell(text) {
    const visible = text.split('\u200b').map(_safe_js__WEBPACK_IMPORTED_MODULE_2__/* .stripHidden */ .Pz).join('\u200b');
    const flat = (0,_safe_js__WEBPACK_IMPORTED_MODULE_2__/* .neutraliseHtml */ .Iw)(visible, { mode: 'inline' }).replace(/\s*[\r\n]+\s*/g, ' ');
    // A pipe already escaped (`inlineCode` escapes them) is left as it is: `\\|` would end the cell.
    return flat.replace(/(\\*)\|/g, (whole, slashes) => (slashes.length % 2 === 0 ? `${slashes}\\|` : whole));
}
/** `2024-05-01 12:34 UTC`, or the text as given when it is not a time. */
function when(at) {
    const time = Date.parse(at);
    if (Number.isNaN(time))
        return cell(at) || '—';
    return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
/** The section for `rows` (normalised, newest last): heading, table, and the hidden data. */
function renderActivitySection(rows) {
    const shown = rows.slice(-SHOWN_ACTIVITY_ROWS);
    const hidden = rows.length - shown.length;
    const lines = shown.map((row) => {
        const link = row.link ? ` ([view](${row.link}))` : '';
        const detail = row.detail ? `<br>${cell(row.detail)}` : '';
        return [when(row.at), `${cell(row.title)}${link}${detail}`, STATE_SHOWN[row.state], (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCost */ .BD)(row.costUsd)];
    });
    const costs = rows.filter((r) => r.costUsd !== null).map((r) => r.costUsd);
    const total = costs.reduce((sum, c) => sum + c, 0);
    const earlier = hidden === 1 ? '1 earlier activity is' : `${hidden} earlier activities are`;
    return [
        ACTIVITY_BEGIN,
        '',
        '### After the pull request',
        '',
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['When', 'Activity', 'State', 'Cost'], lines, 'lllr'),
        ...(hidden > 0 ? ['', `_${earlier} not shown._`] : []),
        ...(costs.length > 0 ? ['', `Spent after the pull request: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCost */ .BD)(total)}.`] : []),
        '',
        (0,_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .marker */ .xL)(DATA_KIND, { v: DATA_VERSION, data: encodeRows(rows) }),
        ACTIVITY_END,
    ].join('\n');
}
/**
 * `rest` (a tracking comment without its section) followed by the section for `rows`, within
 * GitHub's body limit: the oldest rows dropped first, the rest truncated only when it alone leaves
 * the section less than its reserve. No rows: `rest` as it is.
 */
function composeActivity(rest, rows) {
    if (rows.length === 0)
        return rest;
    const max = _markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .GITHUB_BODY_LIMIT */ .nY.max;
    const head = rest.trimEnd();
    // `head`, a blank line, the section, a final newline.
    const room = Math.max(max - head.length - 3, SECTION_RESERVE);
    let kept = upsertActivityRows([], rows.map(normaliseActivityRow)).slice(-MAX_ACTIVITY_ROWS);
    let section = renderActivitySection(kept);
    while (kept.length > 1 && section.length > room) {
        kept = kept.slice(1);
        section = renderActivitySection(kept);
    }
    const fits = head.length + section.length + 3 <= max;
    const before = fits ? head : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .truncateMarkdown */ .o4)(head, { unit: 'chars', max: max - section.length - 3 }).trimEnd();
    return `${before}\n\n${section}\n`;
}
/** Rows recorded in a tracking comment body (from the hidden block, not from the visible table). */
function activityRows(body) {
    return splitActivity(body).rows;
}
/** The body with `row` upserted (by key) and the activity section re-rendered; the rest of the body unchanged. */
function withActivity(body, row) {
    const { rest, rows } = splitActivity(body);
    return composeActivity(rest, upsertActivityRows(rows, [normaliseActivityRow(row)]));
}
/**
 * `next` (a freshly rendered tracking body) with the activity section of `previous` carried over.
 * Rows `next` already carries (a body made by `withActivity`) win over `previous`'s of the same
 * key; rows written to `previous` meanwhile are kept. No rows anywhere: `next` as it is.
 */
function carryActivity(previous, next) {
    const carried = previous === null ? [] : splitActivity(previous).rows;
    const { rest, rows } = splitActivity(next);
    if (carried.length === 0 && rows.length === 0)
        return next;
    return composeActivity(rest, upsertActivityRows(carried, rows));
}


/***/ }),

/***/ 14059:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  nY: () => (/* reexport */ render_markdown/* GITHUB_BODY_LIMIT */.nY),
  CG: () => (/* reexport */ render_markdown/* STEP_SUMMARY_LIMIT */.CG),
  Bb: () => (/* reexport */ marker/* TRACKING_MARKER */.Bb),
  rB: () => (/* reexport */ activity/* activityRows */.rB),
  Bv: () => (/* reexport */ render_markdown/* blocks */.Bv),
  Ve: () => (/* reexport */ activity/* carryActivity */.Ve),
  iz: () => (/* reexport */ activity/* composeActivity */.iz),
  EU: () => (/* reexport */ render_markdown/* fence */.EU),
  Ed: () => (/* reexport */ marker/* findMarker */.Ed),
  iY: () => (/* reexport */ marker/* findingMarker */.iY),
  kD: () => (/* reexport */ marker/* gateMarker */.kD),
  Gu: () => (/* reexport */ context/* makeCtx */.G),
  LK: () => (/* reexport */ renderDocsMarkdown),
  L9: () => (/* reexport */ renderFixMarkdown),
  p9: () => (/* reexport */ renderGateRecord),
  P7: () => (/* reexport */ renderInlineComment),
  d$: () => (/* reexport */ renderPlanMarkdown),
  BN: () => (/* reexport */ renderPrBody),
  de: () => (/* reexport */ renderReviewBody),
  AD: () => (/* reexport */ renderReviewMarkdown),
  xq: () => (/* reexport */ renderSettledGate),
  I3: () => (/* reexport */ setup/* renderSetupFailure */.I3),
  Is: () => (/* reexport */ setup/* renderSetupSummary */.Is),
  Th: () => (/* reexport */ renderTaskMarkdown),
  cp: () => (/* reexport */ renderTestMarkdown),
  MH: () => (/* reexport */ renderUsageTable),
  N1: () => (/* reexport */ renderWaitingGate),
  vU: () => (/* reexport */ marker/* reviewMarker */.vU),
  iH: () => (/* reexport */ activity/* splitActivity */.iH),
  tp: () => (/* reexport */ render_markdown/* table */.tp),
  o4: () => (/* reexport */ render_markdown/* truncateMarkdown */.o4),
  kE: () => (/* reexport */ activity/* upsertActivityRows */.kE),
  x4: () => (/* reexport */ usageRows)
});

// UNUSED EXPORTS: ACTIVITY_BEGIN, ACTIVITY_END, ACTIVITY_KINDS, ACTIVITY_STATES, DEFAULT_HOST, DOCS_STATUS, FIX_STATUS, MAX_ACTIVITY_ROWS, SEVERITY_BADGE, SHOWN_ACTIVITY_ROWS, TASK_STATE, TASK_STATUS, TEST_STATUS, VERDICT_TEXT, closesFence, docsSection, escapeMarkdownInline, exitCell, fenceOpening, findingLocation, finish, fixSection, formatCost, formatCount, formatDuration, formatTime, gateRecordSection, hasGateContent, inlineCode, languageOf, limitLinks, marker, mermaidId, mermaidLabel, neutraliseDefinitions, neutraliseHtml, neutraliseMentions, neutraliseReferences, neutraliseText, normaliseActivityRow, openFenceAtEnd, pipelineGraph, pipelineStages, planGraph, planSection, prMarker, renderActivitySection, renderSetupOrigin, reviewSection, safeBlock, safeInline, splitFences, stripAnsi, stripHidden, testSection, truncationNote, usageTable, withActivity

// EXTERNAL MODULE: ./lib/render/activity.js
var activity = __webpack_require__(70299);
// EXTERNAL MODULE: ./lib/render/context.js
var context = __webpack_require__(39491);
// EXTERNAL MODULE: ./lib/render/markdown.js
var render_markdown = __webpack_require__(43419);
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
    const ctx = (0,context/* makeCtx */.G)(options);
    return (0,context/* finish */.O)((0,render_markdown/* blocks */.Bv)(ctx.heading(0, 'Documentation'), docsSection(docs, ctx)), options, render_markdown/* STEP_SUMMARY_LIMIT */.CG);
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
    const ctx = (0,context/* makeCtx */.G)(options);
    const body = fixSection(loop, ctx) ?? 'No fix round ran: no finding of the review blocks.';
    return (0,context/* finish */.O)((0,render_markdown/* blocks */.Bv)(ctx.heading(0, 'Fix rounds'), body), options, render_markdown/* STEP_SUMMARY_LIMIT */.CG);
}

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
    const ctx = (0,context/* makeCtx */.G)(options);
    return (0,context/* finish */.O)((0,render_markdown/* blocks */.Bv)(ctx.heading(0, 'Plan'), planSection(plan, ctx, options.statuses)), options, render_markdown/* STEP_SUMMARY_LIMIT */.CG);
}

;// CONCATENATED MODULE: ./lib/render/gate.js




/** Longest answer or revision request quoted; the rest stays in the issue comment it came from. */
const QUOTE_CHARS = 2_000;
/** Longest planner's findings shown with its questions; the rest is in the checkpoint. */
const FINDINGS_CHARS = 8_000;
function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}
/** `2026-12-05 10:00 UTC`; the text as it is when it is not a time. */
function formatTime(iso) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime()))
        return iso;
    return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
/** A person: `@login` (mention neutralised), or who answered at the terminal (`local`: no name). */
function person(by, ctx, local = by === 'local') {
    if (!local)
        return ctx.inline(`@${by}`);
    return by === 'local' ? 'someone at the terminal' : `${ctx.inline(by)} at the terminal`;
}
/** Untrusted text as a block quote, cut at `QUOTE_CHARS`. */
function quote(text, ctx) {
    const trimmed = text.trim();
    if (trimmed === '')
        return '> _(empty)_';
    const cut = trimmed.length > QUOTE_CHARS ? `${(0,util_text/* clip */.$Q)(trimmed, QUOTE_CHARS)}\n\n(cut here)` : trimmed;
    return ctx
        .block(cut)
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
}
/** The numbered questions, each with why it matters and the options the planner sees. */
function questionList(questions, ctx) {
    return questions
        .map((q, i) => {
        const lines = [`${i + 1}. **${ctx.inline(q.question)}** (${ctx.code(q.id)})`, `   - Why: ${ctx.inline(q.why)}`];
        if (q.options.length > 0)
            lines.push('   - Options:', ...q.options.map((o) => `     - ${ctx.inline(o)}`));
        return lines.join('\n');
    })
        .join('\n');
}
const VIA = {
    comment: ' in a comment',
    command: ' with `/ensemble answer`',
    local: '',
};
/** A round: its questions, then each answer quoted under who gave it, how and when. */
function roundSection(round, index, ctx) {
    const answers = round.answers.map((a) => {
        const who = person(a.by, ctx, a.via === 'local');
        return (0,render_markdown/* blocks */.Bv)(`${who} answered${VIA[a.via]}, ${formatTime(a.at)}:`, quote(a.text, ctx));
    });
    return (0,render_markdown/* blocks */.Bv)(`**Round ${index + 1}**, asked ${formatTime(round.askedAt)}:`, questionList(round.questions, ctx), answers.length > 0 ? (0,render_markdown/* blocks */.Bv)(...answers) : '_Not answered._');
}
function revisionSection(revision, ctx) {
    return (0,render_markdown/* blocks */.Bv)(`${person(revision.by, ctx)} asked for a revision, ${formatTime(revision.at)}:`, quote(revision.instructions, ctx));
}
function approvalLine(record, ctx) {
    const approval = record.approval;
    if (!approval)
        return null;
    const how = approval.via === 'local' ? '' : ' via comment';
    const who = person(approval.by, ctx, approval.via === 'local');
    return `✅ **Plan approved by ${who}**${how} at ${formatTime(approval.at)}.`;
}
/** Whether the record has anything to show: a question, a revision or an approval. */
function hasGateContent(record) {
    return !!record && (record.rounds.length > 0 || record.revisions.length > 0 || record.approval !== null);
}
/** `Questions and approval`, `Questions, revisions and approval`, `Approval`, …: what the record holds. */
function recordTitle(record) {
    const parts = [
        record.rounds.length > 0 && 'questions',
        record.revisions.length > 0 && 'revisions',
        record.approval !== null && 'approval',
    ].filter((p) => typeof p === 'string');
    const text = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
    return text.charAt(0).toUpperCase() + text.slice(1);
}
/**
 * The gates of a plan as a section under `ctx.heading(0, …)`: the approval (who, how, when), the
 * rounds of questions with their answers, the revisions asked, and the checkpoint resumed from;
 * null when the record holds no question, revision or approval.
 */
function gateRecordSection(record, ctx) {
    if (!hasGateContent(record))
        return null;
    const resumed = record.resumedFrom
        ? `ensemble resumed from the checkpoint that run ${ctx.code(record.resumedFrom.runId)} left ` +
            `(${ctx.code(record.resumedFrom.commit.slice(0, 12))}).`
        : null;
    return (0,render_markdown/* blocks */.Bv)(ctx.heading(0, recordTitle(record)), approvalLine(record, ctx), record.rounds.length > 0 && ctx.heading(1, 'Questions and answers'), ...record.rounds.map((round, i) => roundSection(round, i, ctx)), record.revisions.length > 0 && ctx.heading(1, 'Revisions asked'), ...record.revisions.map((revision) => revisionSection(revision, ctx)), resumed);
}
/**
 * The gates of a plan for the pull request body or the tracking comment (see `gateRecordSection`):
 * an empty string when the record holds nothing. Capped at 65,536 characters unless `options.limit`
 * says otherwise.
 */
function renderGateRecord(record, options = {}) {
    const section = gateRecordSection(record, (0,context/* makeCtx */.G)(options));
    return section === null ? '' : (0,context/* finish */.O)(section, options, render_markdown/* GITHUB_BODY_LIMIT */.nY);
}
// ---------------------------------------------------------------------------------------------
// a run that waits
const STOP_ANSWERS = '`/ensemble stop` abandons this request: ensemble will not plan it.';
const KEEP_REQUEST = "Leave the issue's title and description as they are while ensemble waits: if they change, it cannot " +
    'continue from here.';
function waitingForAnswers(checkpoint, options, ctx) {
    const rounds = checkpoint.gate.rounds;
    const last = rounds.at(-1);
    if (!last)
        throw new Error('a checkpoint waiting for answers has no round of questions');
    const earlier = rounds.slice(0, -1);
    const findings = last.findings.trim();
    const count = last.questions.length;
    return (0,render_markdown/* blocks */.Bv)(ctx.heading(0, 'ensemble has questions before it plans'), `**Waiting for:** answers to ${plural(count, 'question')}`, 'The request leaves open what the repository cannot settle, so ensemble asks before it plans. ' +
        'No code has been written.' +
        (rounds.length > 1 ? ` This is round ${rounds.length} of questions.` : ''), findings !== '' &&
        (0,render_markdown/* blocks */.Bv)('<details>\n<summary>What the planner found so far</summary>', ctx.block((0,util_text/* clip */.$Q)(findings, FINDINGS_CHARS)), '</details>'), ctx.heading(1, count === 1 ? 'Question' : 'Questions'), questionList(last.questions, ctx), earlier.length > 0 &&
        (0,render_markdown/* blocks */.Bv)(`<details>\n<summary>Earlier questions and answers (${plural(earlier.length, 'round')})</summary>`, ...earlier.map((round, i) => roundSection(round, i, ctx)), '</details>'), revisionsBlock(checkpoint, ctx), ctx.heading(1, 'How to continue'), [
        '- **Answer in a comment on this issue**, in your own words; numbering your answers like the questions ' +
            'helps. Anyone with write access can answer, and every comment of theirs while ensemble waits counts ' +
            'as an answer. Or write `/ensemble answer <your answers>`.',
        `- ${STOP_ANSWERS}`,
        options.label !== null &&
            `- The label ${ctx.code(options.label)} is on this issue while ensemble waits for answers.`,
        `- ${KEEP_REQUEST}`,
    ]
        .filter((line) => typeof line === 'string')
        .join('\n'));
}
/** Revisions asked before, when there were any. */
function revisionsBlock(checkpoint, ctx) {
    const revisions = checkpoint.gate.revisions;
    if (revisions.length === 0)
        return null;
    return (0,render_markdown/* blocks */.Bv)(ctx.heading(1, 'Revisions asked'), ...revisions.map((r) => revisionSection(r, ctx)));
}
function waitingForApproval(checkpoint, options, ctx) {
    const plan = checkpoint.plan;
    if (!plan)
        throw new Error('a checkpoint waiting for approval has no plan');
    const rounds = checkpoint.gate.rounds;
    // The plan's own headings one level below "Plan".
    const planCtx = (0,context/* makeCtx */.G)(options, 3);
    return (0,render_markdown/* blocks */.Bv)(ctx.heading(0, 'The plan waits for approval'), '**Waiting for:** approval of the plan', 'No code has been written: ensemble codes this plan once someone with write access approves it.', ctx.heading(1, 'Plan'), planSection(plan, planCtx), rounds.length > 0 &&
        (0,render_markdown/* blocks */.Bv)(`<details>\n<summary>Questions and answers before this plan (${plural(rounds.length, 'round')})</summary>`, ...rounds.map((round, i) => roundSection(round, i, ctx)), '</details>'), revisionsBlock(checkpoint, ctx), ctx.heading(1, 'How to continue'), 'Only people with write access can continue. Write one of these in a comment on this issue:', [
        '- `/ensemble approve`: ensemble codes exactly this plan.',
        '- `/ensemble revise <what to change>`: ensemble plans again with your instructions; the new plan waits ' +
            'for approval too.',
        '- `/ensemble stop`: abandons this plan; ensemble will not code it.',
    ].join('\n'), KEEP_REQUEST);
}
/**
 * The Markdown of a run that waits (the tracking comment's content; the caller adds its marker):
 * one bold line saying what it waits for, then the last round of questions with the planner's
 * findings and the earlier rounds with their answers, or the plan awaiting approval, and the
 * exact commands that continue or stop it. Capped at 65,536 characters unless `options.limit` says
 * otherwise.
 */
function renderWaitingGate(checkpoint, options) {
    const ctx = (0,context/* makeCtx */.G)(options);
    const body = checkpoint.waitingFor === 'answers'
        ? waitingForAnswers(checkpoint, options, ctx)
        : waitingForApproval(checkpoint, options, ctx);
    const run = ctx.code(checkpoint.run.runId);
    const footer = `<sub>ensemble run ${run} waits here; the next run continues from its checkpoint.</sub>`;
    return (0,context/* finish */.O)((0,render_markdown/* blocks */.Bv)(body, stageTable(checkpoint, ctx), `---\n${footer}`), options, render_markdown/* GITHUB_BODY_LIMIT */.nY);
}
/** Where the pipeline stands while it waits: the plan step waits, nothing after it started. */
function stageTable(checkpoint, ctx) {
    const questions = checkpoint.gate.rounds.at(-1)?.questions.length ?? 0;
    const waits = checkpoint.waitingFor === 'answers'
        ? `⏸️ waiting for answers to ${plural(questions, 'question')}`
        : '⏸️ waiting for approval of the plan';
    return (0,render_markdown/* blocks */.Bv)(ctx.heading(1, 'Stages'), (0,render_markdown/* table */.tp)(['Stage', 'Status'], [
        ['plan', waits],
        ['code · test · review · docs', 'not started'],
        ['publish', 'no pull request yet: the checkpoint is kept for the next run'],
    ]));
}
// ---------------------------------------------------------------------------------------------
// a checkpoint no longer waiting
/**
 * What a checkpoint came to: stopped by someone (nothing more happens until the issue is labelled
 * again), or resumed by someone's answer or command in another run. What it waited on (the
 * questions and answers, the plan) stays below, collapsed.
 */
function renderSettledGate(checkpoint, settled, options = {}) {
    const ctx = (0,context/* makeCtx */.G)(options);
    const who = person(settled.by, ctx);
    const when = formatTime(settled.at);
    const run = ctx.code(settled.runId);
    const answers = checkpoint.waitingFor === 'answers';
    const head = settled.status === 'stopped'
        ? (0,render_markdown/* blocks */.Bv)(ctx.heading(0, 'ensemble stopped'), `**Stopped by ${who}** at ${when}: ensemble will not continue this ${answers ? 'request' : 'plan'}. ` +
            'Label the issue again to start over.')
        : (0,render_markdown/* blocks */.Bv)(ctx.heading(0, 'ensemble continues'), `**Resumed by ${who}** at ${when}: run ${run} continues from here` +
            (answers ? ', planning with the answers.' : ', from the plan that waited.'));
    const rounds = checkpoint.gate.rounds;
    const waited = (0,render_markdown/* blocks */.Bv)(...rounds.map((round, i) => roundSection(round, i, ctx)), ...checkpoint.gate.revisions.map((r) => revisionSection(r, ctx)), checkpoint.plan && (0,render_markdown/* blocks */.Bv)(ctx.heading(1, 'Plan'), planSection(checkpoint.plan, (0,context/* makeCtx */.G)(options, 3))));
    const summary = answers ? `What ensemble asked (${plural(rounds.length, 'round')})` : 'The plan that waited';
    return (0,context/* finish */.O)((0,render_markdown/* blocks */.Bv)(head, waited !== '' && (0,render_markdown/* blocks */.Bv)(`<details>\n<summary>${summary}</summary>`, waited, '</details>')), options, render_markdown/* GITHUB_BODY_LIMIT */.nY);
}

// EXTERNAL MODULE: ./lib/render/marker.js
var marker = __webpack_require__(19556);
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
function review_plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}
function headline(outcome) {
    const inline = outcome.findings.filter((f) => f.line !== null).length;
    const blocking = outcome.findings.filter((f) => (0,review/* isAtLeast */.du)(f.severity, outcome.blockOn)).length;
    const parts = [
        `**${review_plural(outcome.findings.length, 'finding')}** (${inline} ` +
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
    const ctx = (0,context/* makeCtx */.G)(options);
    return (0,context/* finish */.O)((0,render_markdown/* blocks */.Bv)(ctx.heading(0, `Review: ${VERDICT_TEXT[outcome.verdict]}`), reviewSection(outcome, ctx)), options, render_markdown/* STEP_SUMMARY_LIMIT */.CG);
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
    const ctx = (0,context/* makeCtx */.G)(options);
    const inline = outcome.findings.filter((f) => f.line !== null);
    const outside = outcome.findings.filter((f) => f.line === null);
    const met = outcome.criteria.filter((c) => c.met).length;
    const markdown = (0,render_markdown/* blocks */.Bv)(options.runId !== undefined && (0,marker/* reviewMarker */.vU)(options.runId, (0,findings/* findingsFingerprint */.Ju)(outcome)), ctx.heading(0, `ensemble review: ${VERDICT_TEXT[outcome.verdict]}`), headline(outcome), ...outcome.lenses.map((l) => (0,render_markdown/* blocks */.Bv)(`**${ctx.inline(l.lens)}**`, ctx.block(l.summary))), options.includeInline === true && inline.length > 0 && ctx.heading(1, `Findings on the diff (${inline.length})`), ...(options.includeInline === true ? inline.map((f) => findingDetail(f, ctx)) : []), outside.length > 0 && ctx.heading(1, `Findings outside the diff (${outside.length})`), outside.length > 0 &&
        'These findings do not point at a line this change added or shows, so they are not inline comments.', ...outside.map((f) => findingDetail(f, ctx)), outcome.criteria.length > 0 && ctx.heading(1, `Acceptance criteria (${met} of ${outcome.criteria.length} met)`), outcome.criteria.length > 0 && criteriaTable(outcome, ctx));
    return (0,context/* finish */.O)(markdown, options, render_markdown/* GITHUB_BODY_LIMIT */.nY);
}
/**
 * The body of one inline review comment: severity, title, lenses, body, and a GitHub
 * ```suggestion block when `suggestionApplies`, else the replacement as a plain code block.
 * Capped at 65,536 characters unless `options.limit` says otherwise.
 */
function renderInlineComment(finding, options = {}) {
    const ctx = (0,context/* makeCtx */.G)(options);
    const suggestion = options.fileLines === undefined ? null : (0,findings/* suggestionText */._T)(finding, options.fileLines);
    const markdown = (0,render_markdown/* blocks */.Bv)(`**${SEVERITY_BADGE[finding.severity]}: ${ctx.inline(finding.title)}** · ${ctx.inline(finding.lenses.join(', '))}`, ctx.block(finding.body), suggestion !== null && (0,render_markdown/* fence */.EU)(suggestion, 'suggestion'), finding.suggestion !== null && suggestion === null && '**Suggested replacement:**', finding.suggestion !== null && suggestion === null && (0,render_markdown/* fence */.EU)(finding.suggestion, languageOf(finding.path)));
    return (0,context/* finish */.O)(markdown, options, render_markdown/* GITHUB_BODY_LIMIT */.nY);
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
function usageTable(rows, ctx = (0,context/* makeCtx */.G)()) {
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
    return (0,context/* finish */.O)(usageTable(rows, (0,context/* makeCtx */.G)(options)), options, render_markdown/* STEP_SUMMARY_LIMIT */.CG);
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
    const ctx = (0,context/* makeCtx */.G)(options);
    const planned = options.planTask;
    const commands = (0,render_markdown/* table */.tp)(['Command', 'Exit code'], task.commands.map((c) => [ctx.code(c.command), exitCell(c.exitCode)]));
    const markdown = (0,render_markdown/* blocks */.Bv)(ctx.heading(0, `Task ${ctx.code(task.taskId)}: ${TASK_STATUS[task.status]}`), planned && `**${ctx.inline(planned.title)}**`, planned && ['Acceptance criteria:', ...planned.acceptanceCriteria.map((c) => `- ${ctx.inline(c)}`)].join('\n'), ctx.block(task.summary), task.stopReason !== null && `> [!WARNING]\n> Stopped early: ${ctx.inline(task.stopReason)}`, '**Commit message**', (0,render_markdown/* fence */.EU)(task.commitMessage, 'text'), task.filesChanged.length > 0
        ? `**Files changed** (${task.filesChanged.length}): ${task.filesChanged.map(ctx.code).join(', ')}`
        : '**Files changed:** none', task.commands.length > 0 && `**Commands** (${task.commands.length})`, task.commands.length > 0 && commands, '**Usage**', usageTable([{ stage: `code · ${task.taskId}`, usage: task.usage }], ctx));
    return (0,context/* finish */.O)(markdown, options, render_markdown/* STEP_SUMMARY_LIMIT */.CG);
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
    const ctx = (0,context/* makeCtx */.G)(options);
    return (0,context/* finish */.O)((0,render_markdown/* blocks */.Bv)(ctx.heading(0, `Tests: ${TEST_STATUS[test.status]}`), testSection(test, ctx)), options, render_markdown/* STEP_SUMMARY_LIMIT */.CG);
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
 * The pull request body: the hidden marker, what was asked (`Closes #n` for an issue), the
 * questions, answers, revisions and approval before the plan (when a gate waited), the plan
 * as a checklist, the tasks, the test results, the review summary, the docs, usage and cost per
 * stage, and a diagram of the run. Capped at 65,536 characters unless `options.limit` says otherwise.
 */
function renderPrBody(input, options = {}) {
    const ctx = (0,context/* makeCtx */.G)(options);
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
        'Review it like any other change; it is not merged automatically.', ctx.heading(0, 'Request'), requestSection(plan, issue, ctx), gateRecordSection(plan.gate, ctx), ctx.heading(0, 'Plan'), planSection(plan, ctx, statuses), ctx.heading(0, 'Tasks'), tasksTable(plan, results, ctx), ctx.heading(0, input.test ? `Tests: ${TEST_STATUS[input.test.status]}` : 'Tests'), input.test ? testSection(input.test, ctx) : '_The test stage did not run._', ctx.heading(0, input.reviews ? `Review: ${VERDICT_TEXT[input.reviews.verdict]}` : 'Review'), input.reviews ? reviewSection(input.reviews, ctx, { summaries: false }) : '_The review stage did not run._', fix && ctx.heading(0, 'Fix rounds'), fix, ctx.heading(0, input.docs ? `Documentation: ${DOCS_STATUS[input.docs.status]}` : 'Documentation'), input.docs ? docsSection(input.docs, ctx) : '_The docs stage did not run._', ctx.heading(0, 'Usage'), usage.length > 0 ? usageTable(usage, ctx) : '_No model usage recorded._', ctx.heading(0, 'Pipeline'), pipelineGraph(pipelineStages(input)), `---\n<sub>Generated by ensemble · ${runLink}</sub>`);
    return (0,context/* finish */.O)(markdown, options, render_markdown/* GITHUB_BODY_LIMIT */.nY);
}

// EXTERNAL MODULE: ./lib/render/safe.js
var safe = __webpack_require__(85303);
// EXTERNAL MODULE: ./lib/render/setup.js
var setup = __webpack_require__(61441);
;// CONCATENATED MODULE: ./lib/render/index.js


















/***/ }),

/***/ 19556:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bb: () => (/* binding */ TRACKING_MARKER),
/* harmony export */   Ed: () => (/* binding */ findMarker),
/* harmony export */   iY: () => (/* binding */ findingMarker),
/* harmony export */   kD: () => (/* binding */ gateMarker),
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
/**
 * Beside the tracking marker while a run waits on the issue: what it waits for and the run that
 * waits. The follow-up's `/ensemble stop` leaves a waiting run to the pipeline, which settles it.
 */
function gateMarker(waitingFor, runId) {
    return marker('gate', { waiting: waitingFor, run: runId });
}
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


/***/ })

};
