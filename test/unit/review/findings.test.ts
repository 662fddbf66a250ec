import { describe, expect, test } from 'vitest';
import { Finding } from '../../../src/contracts/index.ts';
import { rightSideLines } from '../../../src/review/diff-lines.ts';
import {
  anchorFinding,
  anchorFindings,
  combineReviews,
  findingsFingerprint,
  githubReviewEvent,
  mergeFindings,
  similarTitles,
  suggestionApplies,
  suggestionText,
  verdictFor,
} from '../../../src/review/findings.ts';
import { parseUnifiedDiff } from '../../../src/workspace/diff/index.ts';
import { validCriterion, validFinding, validReview } from '../../support/documents.ts';

/*
 * src/routes/widgets.ts after the change (new-side numbers):
 *   1 import { store } from '../store.ts';        context
 *   2 const PAGE_SIZE = 20;                       added
 *   3                                             context
 *   4 export function list(req) {                 context
 *   5   const page = Number(req.query.page);      added (replaces a deleted `const page = 1;`)
 *   6   if (!page) return [];                     added
 *   7   return store.slice(0, PAGE_SIZE);         context
 *   8 }                                           context
 *   ... lines 9-39 unchanged, not in the diff (line 20 reads `// helpers`)
 *  40 export function count() {                   context
 *  41   if (!page) return [];                     added (a second copy of line 6)
 *  42   return store.length;                      context
 */
const PATCH = `diff --git a/src/routes/widgets.ts b/src/routes/widgets.ts
index 1111111..2222222 100644
--- a/src/routes/widgets.ts
+++ b/src/routes/widgets.ts
@@ -1,6 +1,8 @@
 import { store } from '../store.ts';
+const PAGE_SIZE = 20;
 
 export function list(req) {
-  const page = 1;
+  const page = Number(req.query.page);
+  if (!page) return [];
   return store.slice(0, PAGE_SIZE);
 }
@@ -37,2 +40,3 @@ export function list(req) {
 export function count() {
+  if (!page) return [];
   return store.length;
diff --git a/src/old-name.ts b/src/new-name.ts
similarity index 90%
rename from src/old-name.ts
rename to src/new-name.ts
--- a/src/old-name.ts
+++ b/src/new-name.ts
@@ -1,2 +1,2 @@
-export const name = 'old';
+export const name = 'new';
 export default name;
diff --git a/src/gone.ts b/src/gone.ts
deleted file mode 100644
--- a/src/gone.ts
+++ /dev/null
@@ -1 +0,0 @@
-export const gone = true;
`;
const FILES = parseUnifiedDiff(PATCH);
const WIDGETS = FILES[0]!;

function finding(overrides: Partial<Finding>): Finding {
  return Finding.parse(validFinding({ line: null, endLine: null, suggestion: null, ...overrides }));
}

const placed = (f: Finding) => [f.line, f.endLine];

describe('anchorFinding', () => {
  test('a one-line quote maps to its added line; endLine stays null', () => {
    expect(placed(anchorFinding(finding({ quote: 'const page = Number(req.query.page);' }), FILES))).toEqual([5, null]);
  });

  test('a multi-line quote maps to a range, across a deleted line', () => {
    const quote = 'export function list(req) {\n  const page = Number(req.query.page);\n  if (!page) return [];';
    expect(placed(anchorFinding(finding({ quote }), FILES))).toEqual([4, 6]);
  });

  test('indentation and inner whitespace do not matter; blank lines around the quote are ignored', () => {
    const quote = '\n\t\tconst   page =\tNumber(req.query.page);\n        if (!page) return [];\n\n';
    expect(placed(anchorFinding(finding({ quote }), FILES))).toEqual([5, 6]);
  });

  test('a quote of part of a line is found; a partial run must match whole lines in between', () => {
    expect(placed(anchorFinding(finding({ quote: 'Number(req.query.page)' }), FILES))).toEqual([5, null]);
    expect(placed(anchorFinding(finding({ quote: 'page = Number(req.query.page);\n  if (!page)' }), FILES))).toEqual([
      5, 6,
    ]);
    expect(placed(anchorFinding(finding({ quote: 'Number(req.query.page);\nsomething else\nreturn' }), FILES))).toEqual(
      [null, null],
    );
  });

  test('a quote that is only in the unchanged part of the file, outside every hunk, is not placed', () => {
    expect(placed(anchorFinding(finding({ quote: '// helpers', line: 20 }), FILES))).toEqual([null, null]);
  });

  test('a quote of a deleted line is not placed, even with a line given', () => {
    expect(placed(anchorFinding(finding({ quote: 'const page = 1;', line: 5 }), FILES))).toEqual([null, null]);
    expect(
      placed(anchorFinding(finding({ path: 'src/gone.ts', quote: 'export const gone = true;', line: 1 }), FILES)),
    ).toEqual([null, null]);
  });

  test('a quote found twice goes to the copy nearest the finding’s line, else to the first', () => {
    const quote = 'if (!page) return [];';
    expect(placed(anchorFinding(finding({ quote }), FILES))).toEqual([6, null]);
    expect(placed(anchorFinding(finding({ quote, line: 38 }), FILES))).toEqual([41, null]);
    expect(placed(anchorFinding(finding({ quote, line: 7 }), FILES))).toEqual([6, null]);
  });

  test('a run with an added line wins over a run of context lines, however near the latter is', () => {
    const patch = `--- a/x.ts
+++ b/x.ts
@@ -1,3 +1,4 @@
 retry();
 a();
+retry();
 b();
`;
    const files = parseUnifiedDiff(patch);
    expect(placed(anchorFinding(finding({ path: 'x.ts', quote: 'retry();', line: 1 }), files))).toEqual([3, null]);
    // With no added copy, a context line in the diff is still a place GitHub accepts.
    expect(placed(anchorFinding(finding({ path: 'x.ts', quote: 'a();' }), files))).toEqual([2, null]);
  });

  test('quotes copied with diff markers or read_file line numbers are understood', () => {
    expect(
      placed(anchorFinding(finding({ quote: '-  const page = 1;\n+  const page = Number(req.query.page);' }), FILES)),
    ).toEqual([5, null]);
    expect(
      placed(
        anchorFinding(
          finding({ quote: ' 5\t  const page = Number(req.query.page);\n 6\t  if (!page) return [];' }),
          FILES,
        ),
      ),
    ).toEqual([5, 6]);
  });

  test('without a quote, a line inside a hunk is kept; one outside is not; a range must stay in one hunk', () => {
    expect(placed(anchorFinding(finding({ quote: '', line: 6 }), FILES))).toEqual([6, null]);
    expect(placed(anchorFinding(finding({ quote: '  ', line: 4, endLine: 7 }), FILES))).toEqual([4, 7]);
    expect(placed(anchorFinding(finding({ quote: '', line: 20 }), FILES))).toEqual([null, null]);
    expect(placed(anchorFinding(finding({ quote: '', line: 7, endLine: 41 }), FILES))).toEqual([7, null]);
    expect(placed(anchorFinding(finding({ quote: '', line: null }), FILES))).toEqual([null, null]);
  });

  test('a renamed file is found by its old path and the finding moves to the new path; unknown paths are not placed', () => {
    const moved = anchorFinding(finding({ path: 'src/old-name.ts', quote: "export const name = 'new';" }), FILES);
    expect([moved.path, moved.line]).toEqual(['src/new-name.ts', 1]);
    expect(placed(anchorFinding(finding({ path: 'src/elsewhere.ts', quote: 'if (!page) return [];' }), FILES))).toEqual(
      [null, null],
    );
  });

  test('the result is a valid finding and the rest of it is unchanged', () => {
    const before = finding({ quote: 'if (!page) return [];', line: 39, endLine: 39, title: 'Early return' });
    const after = anchorFinding(before, FILES);
    expect(Finding.parse(after)).toEqual(after);
    expect({ ...after, line: before.line, endLine: before.endLine }).toEqual(before);
  });

  test('anchorFindings splits inline findings from those for the review body', () => {
    const { inline, body } = anchorFindings(
      [finding({ quote: 'PAGE_SIZE = 20' }), finding({ quote: '// helpers' })],
      FILES,
    );
    expect(inline.map((f) => f.line)).toEqual([2]);
    expect(body.map((f) => f.quote)).toEqual(['// helpers']);
  });
});

describe('mergeFindings', () => {
  const a = finding({
    path: 'src/a.ts',
    line: 10,
    endLine: 12,
    severity: 'medium',
    title: 'Unvalidated page number',
    body: 'from correctness',
  });
  const b = finding({
    path: 'src/a.ts',
    line: 12,
    severity: 'high',
    title: 'Page number is unvalidated',
    body: 'from security',
  });

  test('the same finding from two lenses becomes one: the most severe kept whole, lenses joined', () => {
    const merged = mergeFindings([
      { lens: 'security', findings: [b] },
      { lens: 'correctness', findings: [a] },
    ]);
    expect(merged).toEqual([{ ...b, lenses: ['correctness', 'security'] }]);
  });

  test('different titles, other lines or other paths stay separate', () => {
    const merged = mergeFindings([
      { lens: 'correctness', findings: [a] },
      {
        lens: 'tests',
        findings: [
          { ...a, title: 'Missing test for page 0' },
          { ...a, line: 13, endLine: null },
          { ...a, path: 'src/b.ts' },
        ],
      },
    ]);
    expect(merged).toHaveLength(4);
  });

  test('unplaced findings merge when they quote the same code', () => {
    const u = finding({ path: 'src/a.ts', quote: 'x = 1', title: 'Magic number' });
    const merged = mergeFindings([
      { lens: 'correctness', findings: [u] },
      {
        lens: 'tests',
        findings: [
          { ...u, quote: '  x  =  1 ', severity: 'critical' },
          { ...u, quote: 'y = 2' },
        ],
      },
    ]);
    expect(merged.map((f) => [f.quote, f.severity, f.lenses])).toEqual([
      ['  x  =  1 ', 'critical', ['correctness', 'tests']],
      ['y = 2', 'high', ['tests']],
    ]);
  });

  test('sorted by severity, then path, then line with unplaced last', () => {
    const merged = mergeFindings([
      {
        lens: 'l',
        findings: [
          finding({ path: 'b.ts', line: 1, severity: 'low', title: 'one' }),
          finding({ path: 'a.ts', line: null, severity: 'low', title: 'two' }),
          finding({ path: 'a.ts', line: 9, severity: 'low', title: 'three' }),
          finding({ path: 'z.ts', line: 3, severity: 'critical', title: 'four' }),
          finding({ path: 'a.ts', line: 2, severity: 'nit', title: 'five' }),
        ],
      },
    ]);
    expect(merged.map((f) => f.title)).toEqual(['four', 'three', 'two', 'one', 'five']);
  });

  test('similarTitles', () => {
    expect(similarTitles('SQL injection in query()', 'sql injection in query')).toBe(true);
    expect(similarTitles('Null check missing', 'Null check missing for user')).toBe(true);
    expect(similarTitles('Unvalidated page number', 'Missing test for pagination')).toBe(false);
  });
});

describe('verdict', () => {
  test('request-changes at or above the blocking severity, comment below it, approve without findings', () => {
    expect(verdictFor([{ severity: 'high' }], 'high')).toBe('request-changes');
    expect(verdictFor([{ severity: 'critical' }, { severity: 'nit' }], 'high')).toBe('request-changes');
    expect(verdictFor([{ severity: 'medium' }], 'high')).toBe('comment');
    expect(verdictFor([{ severity: 'nit' }], 'nit')).toBe('request-changes');
    expect(verdictFor([{ severity: 'high' }], 'critical')).toBe('comment');
    expect(verdictFor([], 'nit')).toBe('approve');
  });

  test('the publisher never approves: approve is posted as a comment', () => {
    expect(githubReviewEvent('request-changes')).toBe('REQUEST_CHANGES');
    expect(githubReviewEvent('comment')).toBe('COMMENT');
    expect(githubReviewEvent('approve')).toBe('COMMENT');
  });
});

describe('suggestions', () => {
  const lines = rightSideLines(WIDGETS);
  const anchored = (overrides: Partial<Finding>) => anchorFinding(finding(overrides), FILES);

  test('offered only with a suggestion and an anchored range', () => {
    expect(
      suggestionApplies(
        anchored({ quote: 'const page = Number(req.query.page);', suggestion: 'const page = 1;' }),
        lines,
      ),
    ).toBe(true);
    expect(suggestionApplies(anchored({ quote: 'const page = Number(req.query.page);' }), lines)).toBe(false);
    expect(suggestionApplies(anchored({ quote: '// helpers', suggestion: '// utilities' }), lines)).toBe(false);
  });

  test('not when the quote is part of a line (the rest would be lost), nor when it changes nothing, nor on lines not known', () => {
    expect(suggestionApplies(anchored({ quote: 'Number(req.query.page)', suggestion: 'parse(req)' }), lines)).toBe(
      false,
    );
    expect(
      suggestionApplies(anchored({ quote: 'if (!page) return [];', suggestion: '  if (!page) return [];\n' }), lines),
    ).toBe(false);
    expect(suggestionApplies(finding({ line: 30, quote: '', suggestion: 'x' }), lines)).toBe(false);
  });

  test('the new file as an array of lines works too; a multi-line range must be whole', () => {
    const file = ['a', 'b', 'c'];
    expect(suggestionApplies(finding({ line: 2, endLine: 3, quote: 'b\nc', suggestion: 'bc' }), file)).toBe(true);
    expect(suggestionApplies(finding({ line: 2, endLine: 4, quote: '', suggestion: 'bc' }), file)).toBe(false);
  });

  test('suggestionText indents an unindented suggestion like the lines it replaces', () => {
    const f = anchored({
      quote: 'const page = Number(req.query.page);\nif (!page) return [];',
      suggestion: 'const page = parse(req);\nif (page === null) return [];',
    });
    expect(suggestionText(f, lines)).toBe('  const page = parse(req);\n  if (page === null) return [];');
    const indented = anchored({ quote: '  const page = Number(req.query.page);', suggestion: '    const page = 2;' });
    expect(suggestionText(indented, lines)).toBe('    const page = 2;');
    expect(suggestionText(anchored({ quote: 'Number(req.query.page)', suggestion: 'x' }), lines)).toBeNull();
  });
});

describe('combineReviews', () => {
  test('anchors, merges, derives the verdict from the blocking severity and merges criteria', () => {
    const correctness = validReview({
      lens: 'correctness',
      verdict: 'approve', // what the model said does not decide the verdict
      findings: [finding({ quote: 'if (!page) return [];', severity: 'medium', title: 'Early return hides errors' })],
      criteria: [validCriterion({ criterion: 'page size is 20', met: true, evidence: 'PAGE_SIZE' })],
    });
    const security = validReview({
      lens: 'security',
      findings: [finding({ quote: 'if (!page) return [];', severity: 'low', title: 'early return hides errors' })],
      criteria: [validCriterion({ criterion: 'Page size is 20 ', met: false, evidence: 'not enforced' })],
    });
    const outcome = combineReviews([correctness, security], FILES, 'medium');
    expect(outcome.verdict).toBe('request-changes');
    expect(outcome.findings.map((f) => [f.line, f.severity, f.lenses])).toEqual([
      [6, 'medium', ['correctness', 'security']],
    ]);
    expect(outcome.criteria).toEqual([
      { criterion: 'page size is 20', met: false, evidence: 'not enforced', lenses: ['correctness', 'security'] },
    ]);
    expect(outcome.lenses.map((l) => [l.lens, l.verdict])).toEqual([
      ['correctness', 'approve'],
      ['security', 'request-changes'],
    ]);
    expect(combineReviews([correctness], FILES, 'high').verdict).toBe('comment');
    expect(combineReviews([{ ...correctness, findings: [] }], FILES, 'nit').verdict).toBe('approve');
  });

  test('the fingerprint changes with what would be posted, and only then', () => {
    const outcome = combineReviews([validReview({ findings: [finding({ quote: 'PAGE_SIZE = 20' })] })], FILES, 'high');
    const again = combineReviews([validReview({ findings: [finding({ quote: 'PAGE_SIZE = 20' })] })], FILES, 'high');
    expect(findingsFingerprint(outcome)).toMatch(/^[0-9a-f]{16}$/);
    expect(findingsFingerprint(again)).toBe(findingsFingerprint(outcome));
    const changed = { ...outcome, findings: outcome.findings.map((f) => ({ ...f, body: `${f.body} More.` })) };
    expect(findingsFingerprint(changed)).not.toBe(findingsFingerprint(outcome));
  });
});
