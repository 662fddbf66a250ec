import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { EnsembleConfigInput } from '../../../src/contracts/config.ts';
import { type ReviewBody, ReviewDocument } from '../../../src/contracts/review.ts';
import { StageError } from '../../../src/stages/errors.ts';
import { lensBrief, reviewInstructions, runReviewStage, runReviewStages } from '../../../src/stages/review.ts';
import { validPlan, validPlanTask, validTestReport } from '../../support/documents.ts';
import { cleanupTemps, createRepo, isolateGit, type TestRepo } from '../../support/git-fixture.ts';
import type { Script, ScriptedModelServer, ScriptedReply, ScriptedRequest } from '../../support/scripted-model.ts';
import { scriptedStageContext } from '../../support/stage-context.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

const servers: ScriptedModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Unchanged lines that keep legacy() out of the diff's context. */
const FILLER = [
  'export function sub(a, b) {',
  '  return a - b;',
  '}',
  '',
  'export function mul(a, b) {',
  '  return a * b;',
  '}',
  '',
];

const BASE_FILES = {
  'README.md': '# calc\n',
  'src/calc.js': [
    'export function add(a, b) {',
    '  return a + b;',
    '}',
    '',
    ...FILLER,
    'export function legacy(x) {',
    '  return x * 2;',
    '}',
    '',
  ].join('\n'),
};

/** The change: `divide` added after line 3 (lines 5-7 of the new file). */
const CHANGED_CALC = [
  'export function add(a, b) {',
  '  return a + b;',
  '}',
  '',
  'export function divide(a, b) {',
  '  return a / b;',
  '}',
  '',
  ...FILLER,
  'export function legacy(x) {',
  '  return x * 2;',
  '}',
  '',
].join('\n');

/** A repository at the base commit, and the change as `git diff` writes it against that commit. */
function fixture(): { repo: TestRepo; baseSha: string; changePatch: string } {
  const repo = createRepo(BASE_FILES);
  const baseSha = repo.head();
  repo.commit({ 'src/calc.js': CHANGED_CALC }, 'change');
  const changePatch = `${repo.git('diff', '--full-index', '--binary', baseSha, 'HEAD')}\n`;
  repo.git('reset', '--hard', '--quiet', baseSha);
  return { repo, baseSha, changePatch };
}

const plan = validPlan({
  tasks: [
    validPlanTask({
      id: 'divide',
      title: 'Add divide',
      acceptanceCriteria: ['divide(a, b) returns a / b', 'division by zero throws'],
      files: ['src/calc.js'],
      reads: [],
    }),
  ],
});

async function stageContext(script: Script, repo: TestRepo, baseSha: string, config: EnsembleConfigInput = {}) {
  const stage = await scriptedStageContext({
    script,
    repoDir: repo.dir,
    baseSha,
    config,
    maxAttempts: 1,
    agentContext: '# Repository\n2 tracked files.',
  });
  servers.push(stage.server);
  return stage;
}

function submit(body: Partial<ReviewBody>): ScriptedReply {
  const review: ReviewBody = {
    verdict: 'approve',
    summary: 'Looked at divide().',
    findings: [],
    criteria: [],
    ...body,
  };
  return { toolCalls: [{ name: 'submit_review', args: review }] };
}

const finding = (overrides: Partial<ReviewBody['findings'][number]>): ReviewBody['findings'][number] => ({
  id: null,
  path: 'src/calc.js',
  line: null,
  endLine: null,
  quote: '',
  severity: 'medium',
  title: 'A finding',
  body: 'Explained.',
  suggestion: null,
  ...overrides,
});

/**
 * The first tool result the model received with request `index` (the OpenAI provider sends error
 * results as `{"error": …}`).
 */
function toolResultText(server: ScriptedModelServer, index: number): string {
  const content = server.requests[index]?.request?.messages.at(-1)?.toolResults[0]?.content ?? '';
  try {
    const parsed = JSON.parse(content) as { error?: unknown };
    return typeof parsed.error === 'string' ? parsed.error : content;
  } catch {
    return content;
  }
}

/** Worktrees the repository still knows besides its own checkout. */
function extraWorktrees(repo: TestRepo): string[] {
  return repo
    .git('worktree', 'list', '--porcelain')
    .split('\n')
    .filter((l) => l.startsWith('worktree ') && l !== `worktree ${repo.dir}`);
}

describe('runReviewStage', () => {
  test('anchors a finding that quotes an added line; one quoting code outside the diff keeps line null', async () => {
    const { repo, baseSha, changePatch } = fixture();
    const { ctx, server } = await stageContext(
      [
        { toolCalls: [{ name: 'read_file', args: { path: 'src/calc.js' } }] },
        submit({
          verdict: 'approve',
          findings: [
            // The model's line number is wrong: the quote decides.
            finding({ quote: '  return a / b;', line: 40, severity: 'high', title: 'Division by zero is not handled' }),
            finding({ quote: 'return x * 2;', line: 10, severity: 'low', title: 'legacy() is untested' }),
          ],
          criteria: [
            { criterion: 'DIVIDE(a, b) returns a / b', met: true, evidence: 'src/calc.js:6' },
            { criterion: 'division by zero throws', met: false, evidence: 'returns Infinity' },
          ],
        }),
      ],
      repo,
      baseSha,
    );
    const review = await runReviewStage(ctx, { plan, test: validTestReport(), changePatch, lens: 'correctness' });

    expect(server.problems).toEqual([]);
    expect(ReviewDocument.parse(review)).toEqual(review);
    expect(review).toMatchObject({ schema: 'ensemble.review/v1', lens: 'correctness', run: { baseSha } });
    expect(review.findings.map((f) => [f.title, f.line, f.endLine])).toEqual([
      ['Division by zero is not handled', 6, null],
      ['legacy() is untested', null, null],
    ]);
    // The model said approve; a high finding with block-on high requests changes.
    expect(review.verdict).toBe('request-changes');
    // Criterion text that differs only in case takes the plan's text, so lenses merge.
    expect(review.criteria.map((c) => c.criterion)).toEqual(['divide(a, b) returns a / b', 'division by zero throws']);
    expect(review.usage).toMatchObject({ calls: 2, model: 'openai:gpt-5' });

    // The agent read the new version of the file in its worktree, which is gone afterwards.
    expect(toolResultText(server, 1)).toContain('export function divide(a, b)');
    expect(extraWorktrees(repo)).toEqual([]);

    // What the agent was given: its lens, the criteria, the test report, the diff and the request.
    const first = server.requests[0]?.request;
    const task = first?.messages[0]?.text ?? '';
    expect(task).toMatch(/^Your lens: correctness\.\n\nYour lens, correctness: /);
    expect(task).toContain('Status: failed; `npm test` exited with 1');
    expect(task).toContain('widgets > paginates (introduced by the change)');
    // The request, the plan and the change: in the part the run's agents share, before the role.
    const shared = first?.system.slice(0, first.system.indexOf('You are a review agent')) ?? '';
    expect(shared).toContain('- division by zero throws');
    expect(shared).toContain('+  return a / b;');
    expect(shared).toContain('src/calc.js (modified, +4 -0)');
    expect(shared).toContain('<untrusted source="issue #42">');
    expect(shared).toContain('Title: List widgets over HTTP');
    expect(shared).toContain('Comment by @hubot (2025-01-02T03:04:05Z):\nPlease paginate.');
    expect(first?.system).toContain('Your tools: list_files, read_file, search, submit_review.');
  });

  test.each([
    ['medium', 'high', 'comment'],
    ['high', 'high', 'request-changes'],
    ['critical', 'high', 'request-changes'],
    ['low', 'low', 'request-changes'],
    ['nit', 'low', 'comment'],
  ] as const)('a %s finding with block-on %s gives %s, whatever the model says', async (severity, blockOn, verdict) => {
    const { repo, baseSha, changePatch } = fixture();
    const { ctx } = await stageContext(
      [submit({ verdict: 'approve', findings: [finding({ quote: 'return a / b;', severity, title: 'x' })] })],
      repo,
      baseSha,
      { review: { 'block-on': blockOn } },
    );
    const review = await runReviewStage(ctx, { plan, test: null, changePatch, lens: 'correctness' });
    expect(review.verdict).toBe(verdict);
  });

  test('no findings: approve, even when the model asked for changes', async () => {
    const { repo, baseSha, changePatch } = fixture();
    const { ctx, server } = await stageContext([submit({ verdict: 'request-changes' })], repo, baseSha);
    const review = await runReviewStage(ctx, { plan, test: null, changePatch, lens: 'tests' });
    expect(review.verdict).toBe('approve');
    expect(server.requests[0]?.request?.messages[0]?.text).toContain('No test report: the test stage did not run.');
    expect(server.requests[0]?.request?.messages[0]?.text).toContain('Your lens, tests');
  });

  test('a finding without a quote, or on a file that does not exist, goes back to the model to fix', async () => {
    const { repo, baseSha, changePatch } = fixture();
    const { ctx, server } = await stageContext(
      [
        submit({
          findings: [
            finding({ quote: '  ', title: 'No quote' }),
            finding({ path: 'src/nope.js', quote: 'x = 1', title: 'Elsewhere' }),
          ],
        }),
        submit({ findings: [finding({ quote: 'return a / b;', title: 'Fixed' })] }),
      ],
      repo,
      baseSha,
    );
    const review = await runReviewStage(ctx, { plan, test: null, changePatch, lens: 'correctness' });
    const rejection = toolResultText(server, 1);
    expect(rejection).toContain('Error: the submission is not valid');
    expect(rejection).toContain('findings[0] ("No quote"): quote is empty');
    expect(rejection).toContain(
      'findings[1] ("Elsewhere"): src/nope.js is neither in the change nor in the repository',
    );
    expect(review.findings.map((f) => [f.title, f.line])).toEqual([['Fixed', 6]]);
  });

  test('an agent that does not submit fails the single lens loudly, and its worktree is removed', async () => {
    const { repo, baseSha, changePatch } = fixture();
    const { ctx } = await stageContext([{ fault: { kind: 'auth' } }], repo, baseSha);
    const run = runReviewStage(ctx, { plan, test: null, changePatch, lens: 'security' });
    await expect(run).rejects.toThrow(StageError);
    await expect(run).rejects.toThrow(/the security review agent did not submit a review \(model-error: /);
    expect(extraWorktrees(repo)).toEqual([]);
  });

  test('an empty change, or one that does not apply to the base, is refused before any model call', async () => {
    const { repo, baseSha } = fixture();
    const { ctx, server } = await stageContext([], repo, baseSha);
    await expect(runReviewStage(ctx, { plan, test: null, changePatch: '', lens: 'correctness' })).rejects.toThrow(
      'review stage: the change is empty',
    );
    const foreign =
      'diff --git a/src/calc.js b/src/calc.js\n--- a/src/calc.js\n+++ b/src/calc.js\n@@ -1,1 +1,1 @@\n-not there\n+x\n';
    await expect(runReviewStage(ctx, { plan, test: null, changePatch: foreign, lens: 'correctness' })).rejects.toThrow(
      /does not apply to the base commit .*src\/calc\.js/,
    );
    expect(server.requests).toEqual([]);
    expect(extraWorktrees(repo)).toEqual([]);
  });
});

describe('runReviewStages', () => {
  /** Routes each request to its lens's own script by the lens named in the instructions. */
  function byLens(scripts: Record<string, ScriptedReply[]>): Script {
    const used: Record<string, number> = {};
    return (request: ScriptedRequest) => {
      const lens = /Your lens: ([a-z0-9-]+)\./.exec(request.messages[0]?.text ?? '')?.[1] ?? '?';
      const index = used[lens] ?? 0;
      used[lens] = index + 1;
      const reply = scripts[lens]?.[index];
      if (!reply) throw new Error(`no reply ${index} for lens ${lens}`);
      return reply;
    };
  }

  test('three lenses run in parallel; one failing on a model fault leaves the other two intact', async () => {
    const { repo, baseSha, changePatch } = fixture();
    const { ctx, server, warnings, events } = await stageContext(
      byLens({
        correctness: [
          { toolCalls: [{ name: 'read_file', args: { path: 'src/calc.js' } }], delayMs: 50 },
          submit({
            summary: 'Correctness looked.',
            findings: [finding({ quote: 'return a / b;', severity: 'high', title: 'Zero' })],
          }),
        ],
        tests: [
          submit({
            summary: 'Tests looked.',
            findings: [finding({ quote: 'return a / b;', severity: 'low', title: 'No test' })],
          }),
        ],
        security: [{ fault: { kind: 'server-error', status: 500 } }],
      }),
      repo,
      baseSha,
    );
    const reviews = await runReviewStages(ctx, { plan, test: validTestReport(), changePatch });

    expect(reviews.map((r) => r.lens)).toEqual(['correctness', 'tests', 'security']);
    for (const review of reviews) expect(ReviewDocument.parse(review)).toEqual(review);
    const [correctness, tests, security] = reviews;
    expect(correctness).toMatchObject({ verdict: 'request-changes', summary: 'Correctness looked.' });
    expect(correctness?.findings.map((f) => [f.title, f.line])).toEqual([['Zero', 6]]);
    expect(correctness?.usage.calls).toBe(2);
    expect(tests).toMatchObject({ verdict: 'comment', summary: 'Tests looked.' });
    expect(tests?.usage.calls).toBe(1);
    expect(security).toMatchObject({ verdict: 'comment', findings: [], criteria: [] });
    expect(security?.summary).toMatch(
      /^The security review did not complete.*did not submit a review \(model-error: /s,
    );
    expect(warnings).toEqual([expect.stringContaining('review lens security failed')]);
    expect(events.filter((e) => e.status === 'failed').map((e) => e.agent)).toEqual(['review:security']);

    // Parallel: every lens's first request arrived before the slow correctness lens got its second.
    const lensOf = (i: number) =>
      /Your lens: ([a-z0-9-]+)\./.exec(server.requests[i]?.request?.messages[0]?.text ?? '')?.[1];
    expect(new Set([lensOf(0), lensOf(1), lensOf(2)])).toEqual(new Set(['correctness', 'tests', 'security']));
    // Every lens has the same role, which names all the lenses so that each stays in its lane; the
    // lens and its focus open the task. The same role lets the reviewers share it in the prompt cache.
    const systems = new Set(
      server.requests.filter((r) => r.request?.messages.length === 1).map((r) => r.request?.system),
    );
    expect(systems.size).toBe(1);
    expect([...systems][0]).toContain('reviewed through 3 lenses (correctness, tests, security), each by its own');
    expect(server.requests.find((r) => lensOf(r.index) === 'tests')?.request?.messages[0]?.text).toContain(
      'a test that cannot fail is a defect',
    );
    expect(extraWorktrees(repo)).toEqual([]);
  });

  test('a custom lens gets generic instructions; when every lens fails the stage fails, naming each reason', async () => {
    const { repo, baseSha, changePatch } = fixture();
    const { ctx, server } = await stageContext(
      byLens({ performance: [{ fault: { kind: 'auth' } }], 'api-design': [{ fault: { kind: 'auth' } }] }),
      repo,
      baseSha,
      { review: { lenses: ['performance', 'api-design'] } },
    );
    const run = runReviewStages(ctx, { plan, test: null, changePatch });
    await expect(run).rejects.toThrow(/every review lens failed:\nperformance: .*\napi-design: /s);
    expect(server.requests[0]?.request?.messages[0]?.text).toMatch(
      /Your lens, (performance|api-design): review the change for problems of the kind/,
    );
    expect(extraWorktrees(repo)).toEqual([]);
  });
});

describe('review instructions', () => {
  test('lens instructions: built-in lenses have their own focus', () => {
    expect(lensBrief('security')).toContain('injection');
    expect(lensBrief('tests')).toContain('a test that cannot fail is a defect');
    expect(lensBrief('correctness')).toContain('off-by-one');
    expect(reviewInstructions(['correctness'])).not.toContain('off-by-one');
  });
});

describe('a lens whose agent did not complete', () => {
  test('is told apart from every review an agent wrote, also one that uses the same words', async () => {
    const { UsageLedger } = await import('../../../src/model/ledger.ts');
    const { failedLensReview } = await import('../../../src/stages/review.ts');
    const { isIncompleteReview } = await import('../../../src/review/index.ts');
    const { validRun } = await import('../../support/documents.ts');
    const ctx = { run: validRun(), ledger: new UsageLedger() } as unknown as Parameters<typeof failedLensReview>[0];
    const failed = failedLensReview(ctx, 'security', 'the model refused every call');
    expect(ReviewDocument.parse(failed)).toEqual(failed);
    expect(isIncompleteReview(failed)).toBe(true);
    // An agent's own review that happens to open with the same sentence, about another lens or with findings.
    expect(isIncompleteReview({ ...failed, lens: 'tests' })).toBe(false);
    const finding = {
      id: null,
      path: 'src/a.ts',
      line: 1,
      endLine: null,
      quote: 'x',
      severity: 'low' as const,
      title: 't',
      body: 'b',
      suggestion: null,
    };
    expect(isIncompleteReview({ ...failed, findings: [finding] })).toBe(false);
  });
});
