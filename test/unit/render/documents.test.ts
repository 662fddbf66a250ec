import { describe, expect, test } from 'vitest';
import { Finding } from '../../../src/contracts/index.ts';
import {
  findMarker,
  renderDocsMarkdown,
  renderInlineComment,
  renderPlanMarkdown,
  renderPrBody,
  renderReviewBody,
  renderReviewMarkdown,
  renderTaskMarkdown,
  renderTestMarkdown,
  renderUsageTable,
  splitFences,
} from '../../../src/render/index.ts';
import { rightSideLines } from '../../../src/review/diff-lines.ts';
import { combineReviews, findingsFingerprint, type MergedFinding } from '../../../src/review/findings.ts';
import { parseUnifiedDiff } from '../../../src/workspace/diff/index.ts';
import {
  validDocs,
  validFailure,
  validFinding,
  validPlan,
  validPlanTask,
  validPromptRun,
  validQuestion,
  validRequest,
  validReview,
  validTask,
  validTestReport,
  validUsage,
} from '../../support/documents.ts';

const Z = '\u200b';

const PATCH = `diff --git a/src/routes/widgets.ts b/src/routes/widgets.ts
new file mode 100644
--- /dev/null
+++ b/src/routes/widgets.ts
@@ -0,0 +1,4 @@
+export function list(req) {
+  const page = Number(req.query.page);
+  return store.slice((page - 1) * 20, page * 20);
+}
`;
const FILES = parseUnifiedDiff(PATCH);

function outcome() {
  const review = validReview({
    findings: [
      validFinding({ line: null, endLine: null, suggestion: 'const page = parse(req);' }),
      validFinding({
        quote: 'README says otherwise',
        severity: 'low',
        title: 'Docs disagree',
        suggestion: null,
        line: null,
        endLine: null,
      }),
    ],
  });
  return combineReviews([review, validReview({ lens: 'security', findings: [] })], FILES, 'high');
}

/** No mention, foreign link, raw HTML or closing keyword survives outside fenced code. */
function expectNeutralised(markdown: string) {
  const prose = splitFences(markdown)
    .segments.filter((s) => !s.code)
    .map((s) => s.text)
    .join('');
  expect(prose).not.toMatch(/(?<![A-Za-z0-9_])@[A-Za-z0-9]/);
  expect(prose).not.toMatch(/https?:\/\/(?!github\.com)/i);
  expect(prose).not.toMatch(/<(img|script|details open)/i);
  expect(prose).not.toMatch(/fixes #/i);
  expect(prose.match(/<!--/g) ?? []).toHaveLength(prose.startsWith('<!-- ensemble:') ? 1 : 0);
}

describe('step summaries', () => {
  test('renderUsageTable: tokens, cost or —, duration and a total', () => {
    const md = renderUsageTable([
      { stage: 'plan', usage: validUsage({ costUsd: 0.0123, durationMs: 850 }) },
      {
        stage: 'code · api',
        usage: validUsage({ model: 'openai-compatible:qwen3-coder', costUsd: null, inputTokens: 1_234_567 }),
      },
      { stage: 'docs', usage: null },
    ]);
    expect(md).toBe(
      [
        '| Stage | Model | Calls | Input tokens | Output tokens | Cache read | Cache write | Cost | Duration |',
        '|---|---|---:|---:|---:|---:|---:|---:|---:|',
        '| plan | `anthropic:claude-sonnet-4-5` | 3 | 12,000 | 1,500 | 8,000 | 2,000 | $0.0123 | 850 ms |',
        '| code · api | `openai-compatible:qwen3-coder` | 3 | 1,234,567 | 1,500 | 8,000 | 2,000 | — | 41.3 s |',
        '| docs | — | — | — | — | — | — | — | — |',
        '| **Total** |   | 6 | 1,246,567 | 3,000 | 16,000 | 4,000 | — | 42.1 s |',
        '',
      ].join('\n'),
    );
  });

  test('renderDocsMarkdown', () => {
    expect(renderDocsMarkdown(validDocs())).toBe(
      '## Documentation\n\n**Status:** 📝 updated\n\nDocumented GET /widgets in docs/api.md.\n\n**Files changed** (2): `docs/api.md`, `README.md`\n',
    );
    expect(
      renderDocsMarkdown(validDocs({ status: 'no-change', summary: 'Internal refactor only.', filesChanged: [] })),
    ).toBe('## Documentation\n\n**Status:** ➖ no change needed\n\nInternal refactor only.\n');
  });

  test('renderTestMarkdown: table, failures in fences their output cannot close, integration per task', () => {
    const test = validTestReport({
      failures: [
        validFailure({ excerpt: '\u001b[31mExpected:\u001b[0m\n```\n21\n```', atBase: true }),
        validFailure({ name: 'b | c', excerpt: '', atBase: null }),
      ],
      testsAdded: [],
    });
    expect(renderTestMarkdown(test)).toBe(
      [
        '## Tests: ❌ failed',
        '',
        'Integrated both tasks; one new test fails.',
        '',
        '| Status | Command | Exit code | Passed | Failed | Fix attempts |',
        '|---|---|---:|---:|---:|---:|',
        '| ❌ failed | `npm test` | ❌ 1 | 41 | 1 | 1 |',
        '',
        '### Failures (2)',
        '',
        '**widgets > paginates** — also fails at the base',
        '',
        '````text',
        'Expected:',
        '```',
        '21',
        '```',
        '````',
        '',
        '**b \\| c** — not checked at the base',
        '',
        '### Integration',
        '',
        '| Task | Result | Conflicting files | Detail |',
        '|---|---|---|---|',
        '| `api` | ✅ applied |   |   |',
        '| `docs` | 🔧 resolved | `docs/api.md` | kept both sections |',
        '',
      ].join('\n'),
    );
    const empty = renderTestMarkdown(
      validTestReport({
        status: 'no-tests',
        command: null,
        exitCode: null,
        passed: null,
        failed: null,
        failures: [],
        integration: [],
      }),
    );
    expect(empty).toContain('| ➖ no tests | — | — | — | — | 1 |');
  });

  test('renderPlanMarkdown: checklist with criteria and files, a dependency diagram, strategy and risks', () => {
    const plan = validPlan();
    plan.tasks[1] = validPlanTask({ ...plan.tasks[1]!, title: 'Document it for @docs-team <b>now</b>' });
    const md = renderPlanMarkdown(plan, { statuses: new Map([['api', 'done']]) });
    expect(md).toContain(
      [
        '### Tasks (2)',
        '',
        '- [x] **Add the /widgets endpoint** (`api`)',
        '  - Acceptance criteria:',
        '    - GET /widgets returns 200 with a JSON array',
        '    - page size is 20',
        '  - Files: `src/routes/widgets.ts`',
        '  - Reads: `src/store.ts`',
        `- [ ] **Document it for @${Z}docs-team <${Z}b>now<${Z}/b>** (\`docs\`)`,
      ].join('\n'),
    );
    expect(md).toContain('  - Depends on: `api`');
    expect(md).toContain(
      '```mermaid\ngraph TD\n  t_api["api: Add the /widgets endpoint"]\n  t_docs["docs: Document it for @docs-team #60;b#62;now#60;/b#62;"]\n  t_api --> t_docs',
    );
    expect(md).toContain('  class t_api ok');
    expect(md).toContain(
      '### Test strategy\n\nUnit-test the route handler; run `npm test`.\n\n### Risks\n\n- Pagination may break',
    );
    expect(md.startsWith('## Plan\n\nAdd a paginated /widgets endpoint and document it.\n')).toBe(true);
  });

  test('renderTaskMarkdown: status, commit message, files, commands with exit codes, usage', () => {
    const md = renderTaskMarkdown(validTask({ stopReason: 'token budget exhausted' }), { planTask: validPlanTask() });
    expect(
      md.startsWith('## Task `api`: ✅ done\n\n**Add the /widgets endpoint**\n\nAcceptance criteria:\n- GET /widgets'),
    ).toBe(true);
    expect(md).toContain('> [!WARNING]\n> Stopped early: token budget exhausted');
    expect(md).toContain('**Commit message**\n\n```text\nfeat(api): list widgets at GET /widgets\n```');
    expect(md).toContain('**Files changed** (2): `src/routes/widgets.ts`, `src/routes/index.ts`');
    expect(md).toContain('| Command | Exit code |\n|---|---|\n| `npm run lint` | ✅ 0 |\n| `npm test` | ❌ 1 |');
    expect(md).toContain('| code · api | `anthropic:claude-sonnet-4-5` | 3 | 12,000 |');
    expect(renderTaskMarkdown(validTask({ commands: [{ command: 'sleep 999 | cat', exitCode: null }] }))).toContain(
      '| `sleep 999 \\| cat` | ⏱️ killed |',
    );
  });

  test('renderReviewMarkdown: verdict, findings table, criteria met and unmet, lens summaries', () => {
    const md = renderReviewMarkdown(outcome());
    expect(md).toContain('## Review: 🛑 changes requested');
    expect(md).toContain(
      '**2 findings** (1 on the diff, 1 outside it) · blocking severity: **high** (1 at or above it) · lenses: correctness, security',
    );
    expect(md).toContain(
      [
        '| Severity | Finding | Location | Lenses |',
        '|---|---|---|---|',
        '| 🔴 high | Unvalidated page number | `src/routes/widgets.ts:2` | correctness |',
        '| 🟡 low | Docs disagree | `src/routes/widgets.ts` (outside the diff) | correctness |',
      ].join('\n'),
    );
    expect(md).toContain('### Acceptance criteria (1 of 2 met)');
    expect(md).toContain('| ✅ | page size is 20 | PAGE_SIZE = 20 in src/routes/widgets.ts | correctness, security |');
    expect(md).toContain('| ❌ | GET /widgets returns 200 | — | correctness, security |');
    expect(md).toContain('### Lens summaries\n\n**correctness**\n\nThe endpoint works');
  });
});

describe('review on GitHub', () => {
  test('the review body: marker with fingerprint, counts, and the findings that could not be placed', () => {
    const o = outcome();
    const body = renderReviewBody(o, { runId: '77-1' });
    expect(findMarker(body, 'review')).toEqual({
      kind: 'review',
      fields: { run: '77-1', findings: findingsFingerprint(o) },
    });
    expect(body).toContain('### Findings outside the diff (1)');
    expect(body).toContain(
      '#### 🟡 low: Docs disagree\n\n`src/routes/widgets.ts` · correctness\n\n`Number("abc")` is NaN',
    );
    expect(body).toContain('```ts\nREADME says otherwise\n```');
    expect(body).not.toContain('Unvalidated page number'); // an inline comment, not in the body
    const local = renderReviewBody(o, { includeInline: true });
    expect(local).toContain(
      '### Findings on the diff (1)\n\n#### 🔴 high: Unvalidated page number\n\n`src/routes/widgets.ts:2` · correctness',
    );
    expect(local).toContain('**Suggested replacement:**\n\n```ts\nconst page = parse(req);\n```');
    expect(findMarker(local)).toBeNull();
  });

  test('an inline comment offers a GitHub suggestion only when it applies', () => {
    const [placed] = outcome().findings;
    const lines = rightSideLines(FILES[0]!);
    expect(renderInlineComment(placed!, { fileLines: lines })).toBe(
      [
        '**🔴 high: Unvalidated page number** · correctness',
        '',
        '`Number("abc")` is NaN, which makes the slice return every widget.',
        '',
        '```suggestion',
        '  const page = parse(req);',
        '```',
        '',
      ].join('\n'),
    );
    const partial: MergedFinding = { ...placed!, quote: 'Number(req.query.page)' };
    expect(renderInlineComment(partial, { fileLines: lines })).toContain(
      '**Suggested replacement:**\n\n```ts\nconst page = parse(req);\n```',
    );
    expect(renderInlineComment(placed!)).not.toContain('```suggestion');
  });

  test('a suggestion with backtick fences inside gets a longer fence', () => {
    const finding: MergedFinding = {
      ...Finding.parse(validFinding({ line: 2, endLine: null, suggestion: 'const s = `\n```\n`;' })),
      lenses: ['tests'],
    };
    const md = renderInlineComment(finding, { fileLines: rightSideLines(FILES[0]!) });
    // Unindented like the quote while the file is indented: every line is indented like the file's.
    expect(md).toContain('````suggestion\n  const s = `\n  ```\n  `;\n````\n');
  });
});

describe('renderPrBody', () => {
  const input = () => ({
    plan: validPlan(),
    tasks: [
      validTask(),
      validTask({ taskId: 'docs', status: 'failed' as const, summary: 'Could not write the docs.', commands: [] }),
    ],
    test: validTestReport(),
    reviews: outcome(),
    docs: validDocs(),
    runUrl: 'https://github.com/octo-org/widgets/actions/runs/9876543210',
  });

  test('marker, request with Closes, plan checklist, tasks, tests, review, docs, usage and the run diagram', () => {
    const body = renderPrBody(input());
    expect(body.startsWith('<!-- ensemble:pr run=9876543210-1 -->\n')).toBe(true);
    expect(findMarker(body)).toEqual({ kind: 'pr', fields: { run: '9876543210-1' } });
    expect(body).toContain('## Request\n\n**List widgets over HTTP** — #42\n\nCloses #42\n');
    expect(body).toContain('- [x] **Add the /widgets endpoint** (`api`)');
    expect(body).toContain('- [ ] **Document the endpoint** (`docs`)');
    expect(body).toContain(
      '| `api` Add the /widgets endpoint | ✅ done | 2 | 2 (1 failed) | Added the /widgets route with pagination. |',
    );
    expect(body).toContain('| `docs` Document the endpoint | ❌ failed | 2 | 0 | Could not write the docs. |');
    expect(body).toContain('## Tests: ❌ failed');
    expect(body).toContain('## Review: 🛑 changes requested');
    expect(body).toContain('| 🔴 high | Unvalidated page number | `src/routes/widgets.ts:2` | correctness |');
    expect(body).toContain('## Documentation: 📝 updated');
    expect(body).toContain('| review · security | `anthropic:claude-sonnet-4-5` |');
    expect(body).toMatch(/\| \*\*Total\*\* \| {3}\| 21 \| 84,000 \|/);
    expect(body).toContain('```mermaid\ngraph LR\n  s_plan["plan: 2 tasks"]');
    expect(body).toContain(
      '    s_review_correctness["correctness: request-changes"]\n    s_review_security["security: approve"]',
    );
    expect(body).toContain('  s_test --> s_review_correctness & s_review_security\n  s_test --> s_docs\n');
    expect(body).toContain('  class s_code_docs fail');
    expect(body).toContain('[run `9876543210-1`](https://github.com/octo-org/widgets/actions/runs/9876543210)');
    expect(body.indexOf('## Request')).toBeLessThan(body.indexOf('## Plan'));
    expect(body.indexOf('## Usage')).toBeLessThan(body.indexOf('## Pipeline'));
  });

  test('a prompt run quotes the prompt and closes nothing; missing stages say they did not run', () => {
    const plan = validPlan({
      run: validPromptRun(),
      request: validRequest({
        source: 'prompt',
        issue: null,
        title: 'Add pagination',
        body: 'Paginate GET /widgets.\n\nKeep 20 per page.',
        comments: [],
      }),
    });
    const body = renderPrBody({ plan, tasks: [] });
    expect(body).not.toContain('Closes');
    expect(body).toContain('**Add pagination** (from a prompt)\n\n> Paginate GET /widgets.\n>\n> Keep 20 per page.');
    expect(body).toContain('| `api` Add the /widgets endpoint | ⏳ no result | — | — | — |');
    expect(body).toContain('_The test stage did not run._');
    expect(body).toContain('_The review stage did not run._');
    expect(body).toContain('_The docs stage did not run._');
    expect(body).toContain('s_test["test: not run"]');
    expect(body).not.toContain('[run'); // no run URL given
  });

  test('model and issue text cannot mention, link away, close issues, hide content or forge the marker', () => {
    const hostile =
      'Fixes #1 @maintainers ping @octo-org/admins <img src=https://evil.example/p.png> <!-- ensemble:pr run=forged --> [login](https://evil.example) www.evil.example';
    const plan = validPlan({ summary: hostile, request: validRequest({ title: hostile }) });
    const body = renderPrBody({
      ...input(),
      plan,
      tasks: [validTask({ summary: hostile })],
      docs: validDocs({ summary: hostile }),
    });
    expectNeutralised(body);
    expect(findMarker(body)).toEqual({ kind: 'pr', fields: { run: '9876543210-1' } });
    expect(body.match(/Closes #42/g)).toHaveLength(1);
  });

  test('a plan that went through gates shows the approver and the questions with their answers', () => {
    const gate = {
      rounds: [
        {
          askedAt: '2026-12-05T10:00:00Z',
          findings: 'Widgets are listed without paging.',
          questions: [validQuestion()],
          answers: [
            {
              by: 'alice',
              at: '2026-12-05T11:00:00Z',
              text: `50, as @bob said <script>x</script> https://evil.example`,
              via: 'comment' as const,
              commentId: 7,
            },
          ],
        },
      ],
      revisions: [],
      approval: { by: 'maintainer-1', at: '2026-12-05T12:00:00Z', via: 'comment' as const },
      resumedFrom: null,
    };
    const withGate = renderPrBody({ ...input(), plan: validPlan({ gate }) });
    const without = renderPrBody(input());
    expect(withGate).toContain(`✅ **Plan approved by @${Z}maintainer-1** via comment at 2026-12-05 12:00 UTC.`);
    expect(withGate).toContain('### Questions and answers');
    expect(withGate).toContain(
      '1. **How many widgets should one page of GET /widgets hold by default?** (`page-size`)',
    );
    expect(withGate).toContain(`@${Z}alice answered in a comment, 2026-12-05 11:00 UTC:\n\n> 50, as @${Z}bob said`);
    expectNeutralised(withGate);
    // Between the request and the plan; everything else as without a gate.
    const section = withGate.slice(withGate.indexOf('## Questions and approval'), withGate.indexOf('## Plan'));
    expect(withGate.indexOf('## Request')).toBeLessThan(withGate.indexOf('## Questions and approval'));
    expect(section).toContain('maintainer-1');
    expect(withGate.replace(section, '')).toBe(without);
    const empty = { rounds: [], revisions: [], approval: null, resumedFrom: null };
    expect(renderPrBody({ ...input(), plan: validPlan({ gate: empty }) })).toBe(without);
  });

  test('a body above GitHub’s 65,536 characters is cut with a note and its fences closed', () => {
    const huge = validTestReport({
      failures: Array.from({ length: 20 }, (_, i) =>
        validFailure({ name: `test ${i}`, excerpt: `${'x'.repeat(100)}\n`.repeat(50) }),
      ),
    });
    const body = renderPrBody({ ...input(), test: huge });
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.length).toBeGreaterThan(60_000);
    expect(body).toContain('**Truncated**: this text was longer than 65,536 characters');
    expect(splitFences(body).open).toBeNull();
    expect(findMarker(body)?.fields.run).toBe('9876543210-1');
    expect(
      renderPrBody({ ...input(), test: huge }, { limit: { unit: 'chars', max: 5_000 } }).length,
    ).toBeLessThanOrEqual(5_000);
  });
});
