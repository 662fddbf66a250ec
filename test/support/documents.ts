/**
 * Valid example artifact documents, one factory per kind, for tests that need a document to
 * start from. Every factory returns a fresh object in its parsed form (defaults filled in), so
 * `parseDocument(name, validX())` deep-equals `validX()`. Overrides replace top-level fields;
 * build nested values with the smaller factories (`validRun`, `validPlanTask`, `validFinding`, ...).
 */
import type {
  CheckpointDocument,
  CommandRecord,
  CriterionCheck,
  DocsDocument,
  DocumentName,
  DocumentOf,
  Finding,
  FixDocument,
  FollowUpDocument,
  IntegrationResult,
  PlanDocument,
  PlanTask,
  PublishDocument,
  PublishedCommit,
  Question,
  RequestSnapshot,
  ReviewDocument,
  RunIdentity,
  TaskDocument,
  TestDocument,
  TestFailure,
  Usage,
} from '../../src/contracts/index.ts';

export const BASE_SHA = '5f3c2a9e1d7b4c6a8e0f2b4d6c8a0e2f4b6d8c0a';
export const CONFIG_HASH = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
export const PROMPT_HASH = 'ab12cd34ab12cd34ab12cd34ab12cd34ab12cd34ab12cd34ab12cd34ab12cd34';
export const REQUEST_HASH = '0f1e2d3c4b5a69780f1e2d3c4b5a69780f1e2d3c4b5a69780f1e2d3c4b5a6978';
export const COMMIT_SHAS = [
  '1111111111111111111111111111111111111111',
  '2222222222222222222222222222222222222222',
] as const;

/** A run started from issue #42 of `octo-org/widgets`. */
export function validRun(overrides: Partial<RunIdentity> = {}): RunIdentity {
  return {
    repository: 'octo-org/widgets',
    runId: '9876543210-1',
    issue: 42,
    promptHash: null,
    baseSha: BASE_SHA,
    configHash: CONFIG_HASH,
    ...overrides,
  };
}

/** The same run, started from a prompt instead of an issue. */
export function validPromptRun(overrides: Partial<RunIdentity> = {}): RunIdentity {
  return validRun({ issue: null, promptHash: PROMPT_HASH, ...overrides });
}

export function validUsage(overrides: Partial<Usage> = {}): Usage {
  return {
    model: 'anthropic:claude-sonnet-4-5',
    calls: 3,
    inputTokens: 12_000,
    outputTokens: 1_500,
    cacheReadTokens: 8_000,
    cacheWriteTokens: 2_000,
    costUsd: 0.0615,
    durationMs: 41_250,
    ...overrides,
  };
}

function envelope<N extends DocumentName>(name: N) {
  return { schema: `ensemble.${name}/v1` as DocumentOf<N>['schema'], run: validRun(), usage: validUsage() };
}

// ---------------------------------------------------------------------------------------------
// plan

export function validPlanTask(overrides: Partial<PlanTask> = {}): PlanTask {
  return {
    id: 'api',
    title: 'Add the /widgets endpoint',
    description: 'Serve GET /widgets from the in-memory store, paginated by `?page=`.',
    acceptanceCriteria: ['GET /widgets returns 200 with a JSON array', 'page size is 20'],
    files: ['src/routes/widgets.ts'],
    reads: ['src/store.ts'],
    dependsOn: [],
    ...overrides,
  };
}

export function validRequest(overrides: Partial<RequestSnapshot> = {}): RequestSnapshot {
  return {
    source: 'issue',
    issue: 42,
    title: 'List widgets over HTTP',
    body: 'We need an endpoint that lists widgets, with docs.',
    author: 'octocat',
    comments: [{ author: 'hubot', body: 'Please paginate.', createdAt: '2025-01-02T03:04:05Z' }],
    omittedComments: 0,
    hash: REQUEST_HASH,
    ...overrides,
  };
}

/** Two tasks: `api`, then `docs` which depends on it. */
export function validPlan(overrides: Partial<PlanDocument> = {}): PlanDocument {
  return {
    ...envelope('plan'),
    summary: 'Add a paginated /widgets endpoint and document it.',
    tasks: [
      validPlanTask(),
      validPlanTask({
        id: 'docs',
        title: 'Document the endpoint',
        description: 'Describe GET /widgets in the API reference.',
        acceptanceCriteria: ['docs/api.md lists GET /widgets with an example'],
        files: ['docs/api.md'],
        reads: ['src/routes/widgets.ts'],
        dependsOn: ['api'],
      }),
    ],
    testStrategy: 'Unit-test the route handler; run `npm test`.',
    risks: ['Pagination may break existing clients that expect every widget.'],
    request: validRequest(),
    gate: null,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// checkpoint

/** One question, with why it matters and the options the planner sees. */
export function validQuestion(overrides: Partial<Question> = {}): Question {
  return {
    id: 'page-size',
    question: 'How many widgets should one page of GET /widgets hold by default?',
    why: 'The handler and its tests are written around the default page size.',
    options: ['20', '50', '100'],
    ...overrides,
  };
}

/** A run waiting for answers to one question, asked at the base. */
export function validCheckpoint(overrides: Partial<CheckpointDocument> = {}): CheckpointDocument {
  return {
    ...envelope('checkpoint'),
    waitingFor: 'answers',
    waitingSince: '2026-12-05T10:00:00.000Z',
    status: 'waiting',
    settled: null,
    request: validRequest(),
    requestHash: REQUEST_HASH,
    gate: {
      rounds: [
        {
          askedAt: '2026-12-05T10:00:00.000Z',
          findings: 'Widgets are listed in src/routes/widgets.ts without paging.',
          questions: [validQuestion()],
          answers: [],
        },
      ],
      revisions: [],
      approval: null,
      resumedFrom: null,
    },
    plan: null,
    conversation: true,
    ...overrides,
  };
}

export function validCommand(overrides: Partial<CommandRecord> = {}): CommandRecord {
  return { command: 'npm test', exitCode: 0, ...overrides };
}

export function validTask(overrides: Partial<TaskDocument> = {}): TaskDocument {
  return {
    ...envelope('task'),
    status: 'done',
    summary: 'Added the /widgets route with pagination.',
    commitMessage: 'feat(api): list widgets at GET /widgets',
    taskId: 'api',
    filesChanged: ['src/routes/widgets.ts', 'src/routes/index.ts'],
    commands: [
      validCommand({ command: 'npm run lint', exitCode: 0 }),
      validCommand({ command: 'npm test', exitCode: 1 }),
    ],
    stopReason: null,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// test report

export function validIntegration(overrides: Partial<IntegrationResult> = {}): IntegrationResult {
  return { taskId: 'api', result: 'applied', conflictingFiles: [], detail: '', ...overrides };
}

export function validFailure(overrides: Partial<TestFailure> = {}): TestFailure {
  return {
    name: 'widgets > paginates',
    excerpt: 'AssertionError: expected 21 to be 20',
    atBase: false,
    ...overrides,
  };
}

export function validTestReport(overrides: Partial<TestDocument> = {}): TestDocument {
  return {
    ...envelope('test'),
    summary: 'Integrated both tasks; one new test fails.',
    testsAdded: ['test/widgets.test.ts'],
    status: 'failed',
    command: 'npm test',
    exitCode: 1,
    passed: 41,
    failed: 1,
    failures: [validFailure()],
    integration: [
      validIntegration(),
      validIntegration({
        taskId: 'docs',
        result: 'resolved',
        conflictingFiles: ['docs/api.md'],
        detail: 'kept both sections',
      }),
    ],
    fixAttempts: 1,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// review

export function validFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: null,
    path: 'src/routes/widgets.ts',
    line: 12,
    endLine: 14,
    quote: 'const page = Number(req.query.page);',
    severity: 'high',
    title: 'Unvalidated page number',
    body: '`Number("abc")` is NaN, which makes the slice return every widget.',
    suggestion: 'const page = Math.max(1, Number.parseInt(String(req.query.page ?? 1), 10) || 1);',
    ...overrides,
  };
}

export function validCriterion(overrides: Partial<CriterionCheck> = {}): CriterionCheck {
  return { criterion: 'page size is 20', met: true, evidence: 'PAGE_SIZE = 20 in src/routes/widgets.ts', ...overrides };
}

export function validReview(overrides: Partial<ReviewDocument> = {}): ReviewDocument {
  return {
    ...envelope('review'),
    verdict: 'request-changes',
    summary: 'The endpoint works, but the page parameter is not validated.',
    findings: [
      validFinding(),
      validFinding({ line: null, endLine: null, severity: 'nit', title: 'Naming', suggestion: null }),
    ],
    criteria: [validCriterion(), validCriterion({ criterion: 'GET /widgets returns 200', met: false, evidence: '' })],
    lens: 'correctness',
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// docs

export function validDocs(overrides: Partial<DocsDocument> = {}): DocsDocument {
  return {
    ...envelope('docs'),
    status: 'updated',
    summary: 'Documented GET /widgets in docs/api.md.',
    filesChanged: ['docs/api.md', 'README.md'],
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// fix

export function validFix(overrides: Partial<FixDocument> = {}): FixDocument {
  return {
    ...envelope('fix'),
    round: 1,
    status: 'done',
    summary: 'F0123456789: validated the page number before using it.',
    commitMessage: 'Validate the page number',
    findings: [
      {
        id: 'F0123456789',
        source: 'correctness',
        severity: 'high',
        path: 'src/routes/widgets.ts',
        line: 12,
        title: 'page is not validated',
      },
    ],
    instructions: null,
    filesChanged: ['src/routes/widgets.ts'],
    commands: [validCommand()],
    stopReason: null,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// follow-up

export function validFollowUp(overrides: Partial<FollowUpDocument> = {}): FollowUpDocument {
  return {
    ...envelope('follow-up'),
    pull: {
      number: 7,
      branch: 'ensemble/issue-42',
      headSha: COMMIT_SHAS[1],
      url: 'https://github.com/octo-org/widgets/pull/7',
    },
    trigger: {
      event: 'issue_comment',
      author: 'maintainer',
      via: 'command',
      source: { kind: 'issue-comment', id: 3_003 },
    },
    instructions: 'Keep the public API as it is.',
    threads: [
      {
        findingId: 'F0123456789',
        threadId: 'PRRT_kwDOthread1',
        commentId: 4_004,
        by: 'ensemble',
        author: null,
        path: 'src/routes/widgets.ts',
        line: 12,
      },
    ],
    ci: null,
    merge: null,
    continues: { runId: '8123456789-1', stateCommit: COMMIT_SHAS[0] },
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// publish

export function validPublishedCommit(overrides: Partial<PublishedCommit> = {}): PublishedCommit {
  return { sha: COMMIT_SHAS[0], stage: 'code', taskId: 'api', ...overrides };
}

export function validPublish(overrides: Partial<PublishDocument> = {}): PublishDocument {
  return {
    ...envelope('publish'),
    branch: 'ensemble/issue-42',
    commits: [validPublishedCommit(), validPublishedCommit({ sha: COMMIT_SHAS[1], stage: 'docs', taskId: null })],
    prNumber: 7,
    prUrl: 'https://github.com/octo-org/widgets/pull/7',
    reviewId: 1_001,
    commentId: 2_002,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------

type Factories = { [N in DocumentName]: (overrides?: Partial<DocumentOf<N>>) => DocumentOf<N> };

/** The factory for each document name in `DOCUMENTS`. */
export const VALID_DOCUMENTS: Factories = {
  plan: validPlan,
  task: validTask,
  test: validTestReport,
  review: validReview,
  'follow-up': validFollowUp,
  checkpoint: validCheckpoint,
  docs: validDocs,
  fix: validFix,
  publish: validPublish,
};

/** A valid document of any kind, by its `DOCUMENTS` name. */
export function validDocument<N extends DocumentName>(name: N, overrides: Partial<DocumentOf<N>> = {}): DocumentOf<N> {
  const factory = VALID_DOCUMENTS[name] as (overrides?: Partial<DocumentOf<N>>) => DocumentOf<N>;
  return factory(overrides);
}
