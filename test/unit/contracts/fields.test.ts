import { describe, expect, test } from 'vitest';
import {
  ContractError,
  type DocumentName,
  emptyUsage,
  isAtLeast,
  MAX_PLAN_TASKS,
  parseDocument,
  RepoPath,
  SEVERITY_ORDER,
  type Severity,
  schemaId,
  Usage,
} from '../../../src/contracts/index.ts';
import { findDependencyCycle } from '../../../src/plan/graph.ts';
import {
  validDocs,
  validFinding,
  validPlan,
  validPlanTask,
  validPromptRun,
  validPublish,
  validPublishedCommit,
  validReview,
  validRun,
  validTask,
  validTestReport,
  validUsage,
} from '../../support/documents.ts';

/** `path: message` of every problem found reading `value` as a `name` document; [] when it is valid. */
function problems(name: DocumentName, value: unknown): string[] {
  try {
    parseDocument(name, value);
    return [];
  } catch (error) {
    if (!(error instanceof ContractError)) throw error;
    return error.problems.map((p) => `${p.path}: ${p.message}`);
  }
}

/** A plan whose tasks have these ids and dependencies, in this order. */
function planOf(graph: Record<string, string[]>) {
  return validPlan({
    tasks: Object.entries(graph).map(([id, dependsOn]) => validPlanTask({ id, dependsOn, files: [`src/${id}.ts`] })),
  });
}

describe('plan task graph', () => {
  test('a diamond of dependencies is valid', () => {
    expect(problems('plan', planOf({ base: [], left: ['base'], right: ['base'], top: ['left', 'right'] }))).toEqual([]);
  });

  test('dependencies may name tasks listed later', () => {
    expect(problems('plan', planOf({ ui: ['api'], api: [] }))).toEqual([]);
  });

  test('duplicate task ids are rejected at the second one, naming the first', () => {
    const plan = validPlan({
      tasks: [validPlanTask({ id: 'api' }), validPlanTask({ id: 'ui' }), validPlanTask({ id: 'api' })],
    });
    expect(problems('plan', plan)).toEqual(['$.tasks[2].id: duplicate task id "api" (also tasks[0])']);
  });

  test('a dependency on an unknown task is rejected at its index', () => {
    expect(problems('plan', planOf({ api: [], ui: ['api', 'db'] }))).toEqual([
      '$.tasks[1].dependsOn[1]: unknown task id "db"',
    ]);
  });

  test('a self-dependency is reported once, as such', () => {
    expect(problems('plan', planOf({ api: ['api'] }))).toEqual([
      '$.tasks[0].dependsOn[0]: task "api" depends on itself',
    ]);
  });

  test('a cycle is rejected with the cycle path', () => {
    expect(problems('plan', planOf({ a: ['c'], b: ['a'], c: ['b'], d: [] }))).toEqual([
      '$.tasks: dependency cycle: a -> c -> b -> a',
    ]);
    expect(problems('plan', planOf({ ok: [], x: ['ok', 'y'], y: ['x'] }))).toEqual([
      '$.tasks: dependency cycle: x -> y -> x',
    ]);
  });

  test(`${MAX_PLAN_TASKS} tasks are accepted, one more is rejected`, () => {
    const tasks = (n: number) => Array.from({ length: n }, (_, i) => validPlanTask({ id: `t${i}` }));
    expect(MAX_PLAN_TASKS).toBe(256);
    expect(problems('plan', validPlan({ tasks: tasks(256) }))).toEqual([]);
    expect(problems('plan', validPlan({ tasks: tasks(257) }))).toEqual([
      '$.tasks: Too big: expected array to have <=256 items',
    ]);
  });

  test('a plan needs at least one task', () => {
    expect(problems('plan', validPlan({ tasks: [] }))).toEqual(['$.tasks: a plan needs at least one task']);
  });

  test('findDependencyCycle returns the cycle closed on its first id, or null', () => {
    expect(findDependencyCycle([])).toBeNull();
    expect(
      findDependencyCycle([
        { id: 'a', dependsOn: [] },
        { id: 'b', dependsOn: ['a', 'missing'] },
      ]),
    ).toBeNull();
    expect(
      findDependencyCycle([
        { id: 'a', dependsOn: ['b'] },
        { id: 'b', dependsOn: ['a'] },
      ]),
    ).toEqual(['a', 'b', 'a']);
    expect(findDependencyCycle([{ id: 'a', dependsOn: ['a'] }])).toEqual(['a', 'a']);
  });
});

describe('plan fields', () => {
  test('text fields must not be blank', () => {
    const plan = validPlan({
      summary: ' \n ',
      testStrategy: '',
      tasks: [validPlanTask({ title: '\t', acceptanceCriteria: ['ok', ' '] })],
    });
    expect(problems('plan', plan)).toEqual([
      '$.summary: must not be empty',
      '$.tasks[0].title: must not be empty',
      '$.tasks[0].acceptanceCriteria[1]: must not be empty',
      '$.testStrategy: must not be empty',
    ]);
  });

  test('a task may own no files (e.g. a pure investigation) but its paths must be repository paths', () => {
    expect(problems('plan', validPlan({ tasks: [validPlanTask({ files: [], reads: [] })] }))).toEqual([]);
    expect(
      problems(
        'plan',
        validPlan({ tasks: [validPlanTask({ files: ['src/ok.ts', '/etc/passwd'], reads: ['../secrets'] })] }),
      ),
    ).toEqual([
      '$.tasks[0].files[1]: must be relative to the repository root',
      '$.tasks[0].reads[0]: must not contain empty, "." or ".." segments',
    ]);
  });

  test('the request snapshot is either from an issue or a prompt', () => {
    const plan = validPlan({ request: { ...validPlan().request, source: 'email' as 'issue' } });
    expect(problems('plan', plan)).toEqual(['$.request.source: Invalid option: expected one of "issue"|"prompt"']);
  });
});

describe('task ids', () => {
  test.each(['api', 'a', '0', 'fix-login-2', 'a'.repeat(40), '9lives', 'a-'])('%j is a valid task id', (id) => {
    expect(problems('task', validTask({ taskId: id }))).toEqual([]);
  });

  test.each(['', 'API', 'Api', '-api', 'a_b', 'a b', 'a/b', 'a.b', 'a'.repeat(41), 'ü'])(
    '%j is not a task id',
    (id) => {
      expect(problems('task', validTask({ taskId: id }))).toEqual([
        '$.taskId: must be 1-40 characters of a-z, 0-9 and "-", starting with a letter or digit',
      ]);
    },
  );
});

describe('repository paths', () => {
  test.each([
    'README.md',
    'src/routes/widgets.ts',
    '.github/workflows/ci.yml',
    '.gitignore',
    'docs/.git-keep',
    'a/b c/d.txt',
    '...',
    'x..y/z',
  ])('%j is accepted', (path) => {
    expect(RepoPath.safeParse(path).success).toBe(true);
  });

  test.each([
    ['../x', 'must not contain empty, "." or ".." segments'],
    ['a/../../x', 'must not contain empty, "." or ".." segments'],
    ['./a', 'must not contain empty, "." or ".." segments'],
    ['a//b', 'must not contain empty, "." or ".." segments'],
    ['a/', 'must not contain empty, "." or ".." segments'],
    ['/etc/passwd', 'must be relative to the repository root'],
    ['C:/Windows/win.ini', 'must be relative to the repository root'],
    ['a\\b', 'must use forward slashes'],
    ['a\0b', 'must not contain NUL'],
    ['.git/hooks/pre-commit', 'must not point into a ".git" directory'],
    ['vendor/lib/.GIT/config', 'must not point into a ".git" directory'],
  ])('%j is rejected: %s', (path, message) => {
    expect(problems('docs', validDocs({ filesChanged: ['ok.md', path] }))).toEqual([`$.filesChanged[1]: ${message}`]);
  });

  test('an empty path is rejected as empty, once', () => {
    expect(problems('docs', validDocs({ filesChanged: [''] }))).toEqual(['$.filesChanged[0]: must not be empty']);
  });

  test('overlong paths are rejected', () => {
    expect(RepoPath.safeParse('a'.repeat(4096)).success).toBe(true);
    expect(RepoPath.safeParse('a'.repeat(4097)).success).toBe(false);
  });
});

describe('run identity', () => {
  test('a run has exactly one of an issue number and a prompt hash', () => {
    expect(problems('task', validTask({ run: validRun() }))).toEqual([]);
    expect(problems('task', validTask({ run: validPromptRun() }))).toEqual([]);
    const message = '$.run.issue: exactly one of "issue" and "promptHash" must be set';
    expect(problems('task', validTask({ run: validRun({ issue: null, promptHash: null }) }))).toEqual([message]);
    expect(problems('task', validTask({ run: validPromptRun({ issue: 7 }) }))).toEqual([message]);
  });

  test('each field is checked', () => {
    const run = {
      repository: 'widgets',
      runId: '',
      issue: 0,
      promptHash: null,
      baseSha: 'ABCDEF'.padEnd(40, '0'),
      configHash: 'abc',
    };
    expect(problems('task', validTask({ run }))).toEqual([
      '$.run.repository: must be "owner/name"',
      '$.run.runId: Too small: expected string to have >=1 characters',
      '$.run.issue: Too small: expected number to be >0',
      '$.run.baseSha: must be a full lowercase git commit SHA (40 or 64 hex characters)',
      '$.run.configHash: must be a SHA-256 hex digest (64 lowercase hex characters)',
    ]);
  });

  test('SHA-256 repositories have 64-character base SHAs', () => {
    expect(problems('task', validTask({ run: validRun({ baseSha: 'e'.repeat(64) }) }))).toEqual([]);
    expect(problems('task', validTask({ run: validRun({ baseSha: 'e'.repeat(50) }) }))).toHaveLength(1);
  });

  test('the run identity is required', () => {
    const { run: _run, ...doc } = validTask();
    expect(problems('task', doc)).toEqual(['$.run: Invalid input: expected object, received undefined']);
  });
});

describe('usage', () => {
  test('costUsd may be null when no price is known', () => {
    expect(problems('review', validReview({ usage: validUsage({ costUsd: null }) }))).toEqual([]);
  });

  test('an empty usage (a stage that made no model call) is valid', () => {
    expect(Usage.parse(emptyUsage())).toEqual(emptyUsage());
    expect(emptyUsage('openai/gpt-5')).toMatchObject({ model: 'openai/gpt-5', calls: 0, costUsd: null });
    expect(problems('publish', validPublish({ usage: emptyUsage() }))).toEqual([]);
  });

  test('negative or fractional token counts and negative costs are rejected', () => {
    const usage = validUsage({
      inputTokens: -1,
      outputTokens: 1.5,
      cacheReadTokens: -3,
      costUsd: -0.01,
      durationMs: -5,
    });
    expect(problems('review', validReview({ usage }))).toEqual([
      '$.usage.inputTokens: Too small: expected number to be >=0',
      '$.usage.outputTokens: Invalid input: expected int, received number',
      '$.usage.cacheReadTokens: Too small: expected number to be >=0',
      '$.usage.costUsd: Too small: expected number to be >=0',
      '$.usage.durationMs: Too small: expected number to be >=0',
    ]);
  });
});

describe('task result', () => {
  test.each(['done', 'failed', 'no-change'])('status %j is accepted', (status) => {
    expect(problems('task', validTask({ status: status as 'done' }))).toEqual([]);
  });

  test('a killed command has a null exit code; a fractional one is rejected', () => {
    expect(problems('task', validTask({ commands: [{ command: 'npm test', exitCode: null }] }))).toEqual([]);
    expect(problems('task', validTask({ commands: [{ command: '', exitCode: 0 }] }))).toEqual([
      '$.commands[0].command: Too small: expected string to have >=1 characters',
    ]);
  });

  test('text is stored trimmed', () => {
    expect(parseDocument('task', validTask({ summary: '  Added the route.\n' })).summary).toBe('Added the route.');
  });
});

describe('test report', () => {
  test('counts may be unknown (null) but never negative', () => {
    expect(problems('test', validTestReport({ passed: null, failed: null, command: null, exitCode: null }))).toEqual(
      [],
    );
    expect(problems('test', validTestReport({ passed: -1, fixAttempts: -1 }))).toEqual([
      '$.passed: Too small: expected number to be >=0',
      '$.fixAttempts: Too small: expected number to be >=0',
    ]);
  });

  test('integration results name a task and one of the known outcomes', () => {
    const report = validTestReport({
      integration: [{ taskId: 'API', result: 'merged' as 'applied', conflictingFiles: ['../x'], detail: '' }],
    });
    expect(problems('test', report)).toEqual([
      '$.integration[0].taskId: must be 1-40 characters of a-z, 0-9 and "-", starting with a letter or digit',
      '$.integration[0].result: Invalid option: expected one of "applied"|"conflicted"|"resolved"|"skipped"',
      '$.integration[0].conflictingFiles[0]: must not contain empty, "." or ".." segments',
    ]);
  });
});

describe('review', () => {
  test('a finding spanning one line may have endLine equal to line', () => {
    expect(problems('review', validReview({ findings: [validFinding({ line: 5, endLine: 5 })] }))).toEqual([]);
  });

  test('a finding with only a quote (no line) is valid', () => {
    expect(problems('review', validReview({ findings: [validFinding({ line: null, endLine: null })] }))).toEqual([]);
  });

  test('endLine before line is rejected', () => {
    expect(
      problems('review', validReview({ findings: [validFinding(), validFinding({ line: 10, endLine: 9 })] })),
    ).toEqual(['$.findings[1].endLine: endLine must be null or at least line']);
  });

  test('endLine without line is rejected', () => {
    expect(problems('review', validReview({ findings: [validFinding({ line: null, endLine: 3 })] }))).toEqual([
      '$.findings[0].endLine: endLine must be null or at least line',
    ]);
  });

  test('line numbers start at 1', () => {
    expect(problems('review', validReview({ findings: [validFinding({ line: 0, endLine: null })] }))).toEqual([
      '$.findings[0].line: Too small: expected number to be >0',
    ]);
  });

  test('verdict, severity and lens are checked', () => {
    const review = validReview({
      verdict: 'reject' as 'approve',
      findings: [validFinding({ severity: 'blocker' as 'high' })],
      lens: 'Security Lens',
    });
    expect(problems('review', review)).toEqual([
      '$.verdict: Invalid option: expected one of "approve"|"comment"|"request-changes"',
      '$.findings[0].severity: Invalid option: expected one of "critical"|"high"|"medium"|"low"|"nit"',
      '$.lens: must be a lens name of a-z, 0-9 and "-"',
    ]);
  });

  test('severities are ordered from most to least severe', () => {
    expect(SEVERITY_ORDER).toEqual(['critical', 'high', 'medium', 'low', 'nit']);
  });

  test.each([
    ['critical', 'high', true],
    ['high', 'high', true],
    ['medium', 'high', false],
    ['nit', 'critical', false],
    ['critical', 'nit', true],
    ['low', 'medium', false],
    ['medium', 'low', true],
    ['nit', 'nit', true],
  ] as [Severity, Severity, boolean][])('isAtLeast(%s, %s) is %s', (severity, threshold, expected) => {
    expect(isAtLeast(severity, threshold)).toBe(expected);
  });
});

describe('docs result', () => {
  test.each(['updated', 'no-change', 'failed'])('status %j is accepted', (status) => {
    expect(problems('docs', validDocs({ status: status as 'updated', filesChanged: [] }))).toEqual([]);
  });

  test('an unknown status is rejected', () => {
    expect(problems('docs', validDocs({ status: 'done' as 'updated' }))).toEqual([
      '$.status: Invalid option: expected one of "updated"|"no-change"|"failed"',
    ]);
  });
});

describe('publish result', () => {
  test('a run that opened no pull request has nulls', () => {
    expect(
      problems('publish', validPublish({ prNumber: null, prUrl: null, reviewId: null, commentId: null, commits: [] })),
    ).toEqual([]);
  });

  test.each(['https://github.com/o/r/pull/1', 'http://ghe.internal/o/r/pull/1'])(
    '%j is a pull request URL',
    (prUrl) => {
      expect(problems('publish', validPublish({ prUrl }))).toEqual([]);
    },
  );

  test.each(['javascript:alert(1)', 'data:text/html,<b>hi</b>', 'ftp://example.com/pr', 'not a url'])(
    '%j is not a pull request URL',
    (prUrl) => {
      expect(problems('publish', validPublish({ prUrl }))).toEqual(['$.prUrl: must be an http(s) URL']);
    },
  );

  test('the branch is under ensemble/', () => {
    expect(problems('publish', validPublish({ branch: 'main' }))).toEqual([
      '$.branch: must be a branch under "ensemble/"',
    ]);
    expect(problems('publish', validPublish({ branch: 'ensemble/' }))).toEqual([
      '$.branch: must be a branch under "ensemble/"',
    ]);
  });

  test('commits carry full SHAs and their stage', () => {
    const commits = [validPublishedCommit({ sha: 'abc1234' }), validPublishedCommit({ stage: 'review' as 'code' })];
    expect(problems('publish', validPublish({ commits }))).toEqual([
      '$.commits[0].sha: must be a full lowercase git commit SHA (40 or 64 hex characters)',
      '$.commits[1].stage: Invalid option: expected one of "code"|"test"|"fix"|"docs"',
    ]);
  });

  test('ids are positive integers', () => {
    expect(problems('publish', validPublish({ prNumber: 0, reviewId: 1.5 }))).toEqual([
      '$.prNumber: Too small: expected number to be >0',
      '$.reviewId: Invalid input: expected int, received number',
    ]);
  });
});

test('schemaId formats ensemble.<kind>/v<version>', () => {
  expect(schemaId('plan', 1)).toBe('ensemble.plan/v1');
  expect(schemaId('review', 12)).toBe('ensemble.review/v12');
});
