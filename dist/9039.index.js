export const id = 9039;
export const ids = [9039];
export const modules = {

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
  lp: () => (/* reexport */ review/* CI_SOURCE */.lp),
  vV: () => (/* reexport */ review/* CONFLICT_SOURCE */.vV),
  EXTERNAL_SOURCES: () => (/* reexport */ review/* EXTERNAL_SOURCES */.d1),
  aW: () => (/* reexport */ review/* PERSON_SOURCE */.aW),
  rt: () => (/* reexport */ findings/* anchorFinding */.rt),
  Ur: () => (/* reexport */ blockingFindings),
  je: () => (/* reexport */ blockingLeft),
  bu: () => (/* reexport */ findings/* combineReviews */.bu),
  NQ: () => (/* reexport */ describeFixLoop),
  A9: () => (/* reexport */ finalState),
  tZ: () => (/* reexport */ diff_lines/* findDiffFile */.tZ),
  Hg: () => (/* reexport */ fixLoopCost),
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

/**
 * The open findings a re-review through `lens` is given: its own, and for the first configured lens
 * also those people and CI made, so that a person's review comment or a failed check is judged again
 * like a lens's finding (no lens of that name runs).
 */
function lensOpenFindings(findings, lens, lenses) {
    return findings.filter((f) => f.source === lens || (review/* EXTERNAL_SOURCES */.d1.includes(f.source) && lens === lenses[0]));
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
/** What the rounds' agents cost (fix, re-test, re-review), in USD; null when any of it has no price. */
function fixLoopCost(loop) {
    let total = 0;
    for (const round of loop.rounds) {
        const usages = [round.document.usage, round.test?.document.usage, ...round.reviews.map((r) => r.usage)];
        for (const usage of usages) {
            if (usage === undefined)
                continue;
            if (usage.costUsd === null)
                return null;
            total += usage.costUsd;
        }
    }
    return total;
}

;// CONCATENATED MODULE: ./lib/review/index.js






/***/ })

};
