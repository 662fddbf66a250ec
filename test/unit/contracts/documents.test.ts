import { describe, expect, test } from 'vitest';
import {
  ContractError,
  DOCUMENT_NAMES,
  DOCUMENTS,
  type DocumentName,
  type DocumentSource,
  documentJsonSchemas,
  jsonPath,
  parseDocument,
  parseDocumentText,
  schemaId,
} from '../../../src/contracts/index.ts';
import { validDocument, validPlan, validPlanTask, validReview, validTask } from '../../support/documents.ts';

/** Runs `fn`, which must throw a ContractError, and returns it. */
function contractError(fn: () => unknown): ContractError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ContractError);
    return error as ContractError;
  }
  throw new Error('expected a ContractError, but nothing was thrown');
}

/** The error for reading `value` as a `name` document. */
function readError(name: DocumentName, value: unknown, source?: DocumentSource): ContractError {
  return contractError(() => parseDocument(name, value, source));
}

/** Parsed JSON that a test reaches into, to break documents and to read JSON Schemas. */
// biome-ignore lint/suspicious/noExplicitAny: tests poke at arbitrary JSON by path; a wrong path fails the test anyway
type Loose = any;

/** A JSON copy of a document with `edit` applied, typed loosely so that tests can break it. */
function broken<T>(doc: T, edit: (doc: Loose) => void): unknown {
  const copy = JSON.parse(JSON.stringify(doc)) as Loose;
  edit(copy);
  return copy;
}

const PRODUCERS: [DocumentName, string, string, string][] = [
  ['plan', 'plan', 'ensemble-plan', 'plan.json'],
  ['task', 'code', 'ensemble-code-<task>', 'task.json'],
  ['test', 'test', 'ensemble-test', 'test.json'],
  ['review', 'review', 'ensemble-review-<lens>', 'review.json'],
  ['docs', 'docs', 'ensemble-docs', 'docs.json'],
  ['fix', 'fix', 'ensemble-fix-<round>', 'fix.json'],
  ['follow-up', 'respond', 'ensemble-follow-up', 'follow-up.json'],
  ['checkpoint', 'plan', 'ensemble-plan', 'checkpoint.json'],
  ['publish', 'publish', 'ensemble-publish', 'publish.json'],
];

describe('document registry', () => {
  test('lists every artifact of the pipeline with its producer, artifact and file', () => {
    expect(DOCUMENT_NAMES).toEqual(PRODUCERS.map(([name]) => name));
    for (const [name, producer, artifact, file] of PRODUCERS) {
      expect(DOCUMENTS[name]).toMatchObject({ kind: name, version: 1, producer, artifact, file });
    }
  });

  test.each(DOCUMENT_NAMES)('the %s example carries its own schema id', (name) => {
    expect(validDocument(name).schema).toBe(schemaId(DOCUMENTS[name].kind, DOCUMENTS[name].version));
  });
});

describe('round trip', () => {
  test.each(DOCUMENT_NAMES)('%s: a valid document survives JSON and validation unchanged', (name) => {
    const doc = validDocument(name);
    const text = JSON.stringify(doc, null, 2);
    expect(parseDocumentText(name, text)).toEqual(doc);
  });

  test.each(DOCUMENT_NAMES)('%s: a run started from a prompt, with no price known, is valid', (name) => {
    const doc = broken(validDocument(name), (d) => {
      d.run.issue = null;
      d.run.promptHash = 'f'.repeat(64);
      d.usage.costUsd = null;
      if ('request' in d) Object.assign(d.request, { source: 'prompt', issue: null, author: null, comments: [] });
    });
    expect(parseDocument(name, doc)).toEqual(doc);
  });

  test("a plan whose request snapshot is of another issue than the run's is refused", () => {
    const doc = broken(validPlan(), (d) => {
      d.request.issue = 7;
    });
    expect(() => parseDocument('plan', doc)).toThrow(
      '$.request.issue: the request snapshot is of another issue than the run',
    );
  });

  test('a prompt request with an issue number is refused', () => {
    const doc = broken(validPlan(), (d) => {
      d.request.source = 'prompt';
    });
    expect(() => parseDocument('plan', doc)).toThrow(
      '$.request.issue: an issue request needs its issue number, and a prompt request has none',
    );
  });

  test('omitted optional fields of a plan come back with their defaults', () => {
    const doc = broken(validPlan(), (d) => {
      delete d.risks;
      delete d.request.comments;
      for (const task of d.tasks) {
        delete task.reads;
        delete task.dependsOn;
      }
    });
    const plan = parseDocumentText('plan', JSON.stringify(doc));
    expect(plan.risks).toEqual([]);
    expect(plan.request.comments).toEqual([]);
    expect(plan.tasks.map((t) => [t.reads, t.dependsOn])).toEqual([
      [[], []],
      [[], []],
    ]);
  });

  test('omitted optional fields of the other documents come back with their defaults', () => {
    const task = parseDocument(
      'task',
      broken(validTask(), (d) => delete d.stopReason),
    );
    expect(task.stopReason).toBeNull();

    const review = parseDocument(
      'review',
      broken(validReview(), (d) => {
        delete d.findings[0].endLine;
        delete d.findings[0].suggestion;
      }),
    );
    expect(review.findings[0]).toMatchObject({ endLine: null, suggestion: null });

    const report = parseDocument(
      'test',
      broken(validDocument('test'), (d) => {
        delete d.testsAdded;
        delete d.integration[0].conflictingFiles;
        delete d.integration[0].detail;
      }),
    );
    expect(report.testsAdded).toEqual([]);
    expect(report.integration[0]).toEqual({ taskId: 'api', result: 'applied', conflictingFiles: [], detail: '' });
  });

  test('the input value is not modified', () => {
    const doc = broken(validPlan(), (d) => delete d.risks);
    const before = JSON.stringify(doc);
    parseDocument('plan', doc);
    expect(JSON.stringify(doc)).toBe(before);
  });
});

describe('schema id', () => {
  test('a review document passed where a plan belongs says so, not a list of field errors', () => {
    const err = readError('plan', validReview());
    expect(err.message).toBe(
      'ensemble-plan (written by the plan stage) is not valid:\n' +
        '  $.schema: found a review document ("ensemble.review/v1") where a plan document ("ensemble.plan/v1") belongs\n' +
        'Check which artifact was passed in; ensemble-plan is written by the plan stage.',
    );
    expect(err.problems).toHaveLength(1);
  });

  test('a plan passed where a task result belongs names the code stage', () => {
    const err = readError('task', validPlan());
    expect(err.message).toContain(
      '$.schema: found a plan document ("ensemble.plan/v1") where a task document ("ensemble.task/v1") belongs',
    );
    expect(err.message).toContain('ensemble-code-<task> is written by the code stage.');
  });

  test('a newer version says it is newer and advises updating', () => {
    const err = readError('plan', { ...validPlan(), schema: 'ensemble.plan/v2', somethingNew: true });
    expect(err.message).toBe(
      'ensemble-plan (written by the plan stage) is not valid:\n' +
        '  $.schema: "ensemble.plan/v2" is newer than this ensemble understands (ensemble.plan/v1)\n' +
        'Use the same ensemble version for every stage of a run, or update ensemble.',
    );
    // The unknown field of the newer version is not reported: the version is the problem.
    expect(err.problems).toEqual([
      { path: '$.schema', message: '"ensemble.plan/v2" is newer than this ensemble understands (ensemble.plan/v1)' },
    ]);
  });

  test('an older version says it is older and advises re-running the producer', () => {
    const err = readError('review', { ...validReview(), schema: 'ensemble.review/v0' });
    expect(err.message).toBe(
      'ensemble-review-<lens> (written by the review stage) is not valid:\n' +
        '  $.schema: "ensemble.review/v0" was written by an older ensemble; this one reads ensemble.review/v1\n' +
        'Re-run the review stage with this ensemble version.',
    );
  });

  test('a multi-digit version is compared as a number', () => {
    expect(readError('plan', { ...validPlan(), schema: 'ensemble.plan/v10' }).message).toContain(
      'is newer than this ensemble understands',
    );
  });

  test.each([
    ['missing', undefined],
    ['a number', 1],
    ['null', null],
  ])('a %s schema id is reported as missing', (_label, id) => {
    const err = readError(
      'docs',
      broken(validDocument('docs'), (d) => {
        if (id === undefined) delete d.schema;
        else d.schema = id;
      }),
    );
    expect(err.message).toBe(
      'ensemble-docs (written by the docs stage) is not valid:\n' +
        '  $.schema: missing schema id; expected "ensemble.docs/v1"\n' +
        'This file was not written by ensemble, or was edited by hand.',
    );
  });

  test.each(['plan', 'ensemble.plan', 'ensemble.plan/1', 'ensemble.plan/v1 ', 'other.plan/v1', 'ensemble.Plan/v1'])(
    'a schema id that is not an ensemble id (%j) is reported with the expected id',
    (id) => {
      const err = readError('plan', { ...validPlan(), schema: id });
      expect(err.problems).toEqual([
        {
          path: '$.schema',
          message: `${JSON.stringify(id)} is not an ensemble schema id; expected "ensemble.plan/v1"`,
        },
      ]);
      expect(err.message).toContain('This file was not written by ensemble, or was edited by hand.');
    },
  );
});

describe('not an object', () => {
  test.each([
    ['an array', [validPlan()]],
    ['null', null],
    ['string', 'ensemble.plan/v1'],
    ['number', 42],
    ['boolean', true],
    ['undefined', undefined],
  ])('a document that is %s is rejected with what was found', (found, value) => {
    const err = readError('plan', value);
    expect(err.message).toBe(
      `ensemble-plan (written by the plan stage) is not valid:\n  $: expected a JSON object, found ${found}\nRe-run the stage that produced it.`,
    );
  });
});

describe('JSON text', () => {
  test('truncated JSON names the artifact, the file and the producer', () => {
    const text = JSON.stringify(validTask()).slice(0, 50);
    const source = { artifact: 'ensemble-code-api', file: 'artifacts/ensemble-code-api/task.json' };
    const err = contractError(() => parseDocumentText('task', text, source));
    expect(err.message).toMatch(
      /^ensemble-code-api: artifacts\/ensemble-code-api\/task\.json \(written by the code stage\) is not valid:\n {2}\$: not valid JSON \(.+\)\nThe file is corrupt or truncated; re-run the code stage\.$/,
    );
    expect(err.artifact).toBe('ensemble-code-api: artifacts/ensemble-code-api/task.json');
    expect(err.producer).toBe('code');
  });

  test.each(['', '   ', 'not json', '{"schema": "ensemble.plan/v1",}'])('%j is not valid JSON', (text) => {
    const err = contractError(() => parseDocumentText('plan', text));
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]?.path).toBe('$');
    expect(err.problems[0]?.message).toMatch(/^not valid JSON \(.+\)$/);
  });

  test('valid JSON text is then checked like a value', () => {
    expect(contractError(() => parseDocumentText('plan', JSON.stringify(validReview()))).message).toContain(
      'found a review document ("ensemble.review/v1") where a plan document ("ensemble.plan/v1") belongs',
    );
    expect(contractError(() => parseDocumentText('plan', 'null')).message).toContain(
      '$: expected a JSON object, found null',
    );
  });
});

describe('field errors', () => {
  test('name the artifact, the JSON path and the producer', () => {
    const plan = validPlan({
      tasks: [validPlanTask({ id: 'api' }), validPlanTask({ id: 'ui', acceptanceCriteria: [] })],
    });
    const err = readError('plan', plan);
    expect(err.message).toBe(
      'ensemble-plan (written by the plan stage) is not valid:\n' +
        '  $.tasks[1].acceptanceCriteria: every task needs at least one acceptance criterion\n' +
        'Re-run the plan stage; if it keeps failing, this is a bug in ensemble.',
    );
    expect(err.name).toBe('ContractError');
    expect(err).toBeInstanceOf(Error);
    expect(err.artifact).toBe('ensemble-plan');
    expect(err.producer).toBe('plan');
    expect(err.problems).toEqual([
      { path: '$.tasks[1].acceptanceCriteria', message: 'every task needs at least one acceptance criterion' },
    ]);
  });

  test.each(PRODUCERS)('a bad %s document is blamed on the %s stage and its artifact', (name, producer, artifact) => {
    const err = readError(
      name,
      broken(validDocument(name), (d) => {
        d.run.baseSha = 'HEAD';
      }),
    );
    expect(err.message).toBe(
      `${artifact} (written by the ${producer} stage) is not valid:\n` +
        '  $.run.baseSha: must be a full lowercase git commit SHA (40 or 64 hex characters)\n' +
        `Re-run the ${producer} stage; if it keeps failing, this is a bug in ensemble.`,
    );
  });

  test('a custom artifact name and file appear in the message', () => {
    const source = { artifact: 'ensemble-code-api', file: '.ensemble/runs/42/artifacts/ensemble-code-api/task.json' };
    const err = readError('task', { ...validTask(), status: 'finished' }, source);
    expect(err.message).toBe(
      'ensemble-code-api: .ensemble/runs/42/artifacts/ensemble-code-api/task.json (written by the code stage) is not valid:\n' +
        '  $.status: Invalid option: expected one of "done"|"failed"|"no-change"\n' +
        'Re-run the code stage; if it keeps failing, this is a bug in ensemble.',
    );
  });

  test('a file alone follows the default artifact name; an artifact alone stands alone', () => {
    expect(readError('review', null, { file: 'review.json' }).message).toMatch(
      /^ensemble-review-<lens>: review\.json \(written by the review stage\)/,
    );
    expect(readError('review', null, { artifact: 'ensemble-review-security' }).message).toMatch(
      /^ensemble-review-security \(written by the review stage\)/,
    );
    // The schema-id errors use the source too.
    expect(readError('review', validPlan(), { artifact: 'ensemble-review-security' }).artifact).toBe(
      'ensemble-review-security',
    );
  });

  test('every problem is listed, each on its own line with its path', () => {
    const doc = broken(validTask(), (d) => {
      d.summary = '   ';
      d.filesChanged = ['src/ok.ts', '../outside.ts'];
      d.commands[1].exitCode = 1.5;
      delete d.commitMessage;
    });
    const err = readError('task', doc);
    expect(err.problems).toEqual([
      { path: '$.summary', message: 'must not be empty' },
      { path: '$.commitMessage', message: 'Invalid input: expected string, received undefined' },
      { path: '$.filesChanged[1]', message: 'must not contain empty, "." or ".." segments' },
      { path: '$.commands[1].exitCode', message: 'Invalid input: expected int, received number' },
    ]);
    for (const p of err.problems) expect(err.message).toContain(`\n  ${p.path}: ${p.message}\n`);
  });

  test('more than twenty problems are cut off with a count', () => {
    const tasks = Array.from({ length: 30 }, (_, i) => validPlanTask({ id: `t${i}`, title: '' }));
    const err = readError('plan', validPlan({ tasks }));
    expect(err.problems).toHaveLength(21);
    expect(err.problems[0]).toEqual({ path: '$.tasks[0].title', message: 'must not be empty' });
    expect(err.problems[19]).toEqual({ path: '$.tasks[19].title', message: 'must not be empty' });
    expect(err.problems[20]).toEqual({ path: '$', message: 'and 10 more problems' });
  });

  test.each(DOCUMENT_NAMES)('%s: an unknown top-level key is rejected', (name) => {
    const err = readError(name, { ...validDocument(name), extra: 1 });
    expect(err.problems).toEqual([{ path: '$', message: 'Unrecognized key: "extra"' }]);
  });

  test.each([
    ['run', (d: Loose) => (d.run.branch = 'main'), '$.run', 'branch'],
    ['usage', (d: Loose) => (d.usage.price = 1), '$.usage', 'price'],
    ['a task', (d: Loose) => (d.tasks[1].owner = 'me'), '$.tasks[1]', 'owner'],
    ['the request', (d: Loose) => (d.request.labels = []), '$.request', 'labels'],
    ['a request comment', (d: Loose) => (d.request.comments[0].id = 3), '$.request.comments[0]', 'id'],
  ])('an unknown key in %s is rejected at its path', (_label, edit, path, key) => {
    expect(readError('plan', broken(validPlan(), edit)).problems).toEqual([
      { path, message: `Unrecognized key: "${key}"` },
    ]);
  });

  test('the plan checks its task graph when read as a whole document', () => {
    const plan = validPlan({ tasks: [validPlanTask({ id: 'api' }), validPlanTask({ id: 'api', dependsOn: ['db'] })] });
    const err = readError('plan', plan);
    expect(err.problems).toEqual([
      { path: '$.tasks[1].id', message: 'duplicate task id "api" (also tasks[0])' },
      { path: '$.tasks[1].dependsOn[0]', message: 'unknown task id "db"' },
    ]);
  });
});

describe('jsonPath', () => {
  test.each([
    [[], '$'],
    [['tasks', 1, 'acceptanceCriteria'], '$.tasks[1].acceptanceCriteria'],
    [['findings', 0, 'endLine'], '$.findings[0].endLine'],
    [['a-b'], '$["a-b"]'],
    [['with space', 2], '$["with space"][2]'],
    [['1abc'], '$["1abc"]'],
    [['$ok', '_also'], '$.$ok._also'],
    [['quote"d'], '$["quote\\"d"]'],
  ] as [PropertyKey[], string][])('%j -> %s', (path, expected) => {
    expect(jsonPath(path)).toBe(expected);
  });
});

describe('JSON Schema export', () => {
  const schemas = documentJsonSchemas();

  test('has one schema per document', () => {
    expect(Object.keys(schemas)).toEqual(DOCUMENT_NAMES);
  });

  test.each(DOCUMENT_NAMES)('%s: a draft 2020-12 object schema with $id, title and a const schema id', (name) => {
    const schema = schemas[name] as Loose;
    const { kind, version, file, artifact } = DOCUMENTS[name];
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`https://ensemble.dev/schemas/${name}.schema.json`);
    expect(schema.title).toBe(`ensemble.${kind}/v${version} (${file} in ${artifact})`);
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.schema).toEqual({ type: 'string', const: `ensemble.${kind}/v${version}` });
    expect(schema.required).toEqual(expect.arrayContaining(['schema', 'run', 'usage']));
    // Every required field is a declared property, and every field of the example is declared.
    for (const key of schema.required) expect(schema.properties).toHaveProperty(key);
    for (const key of Object.keys(validDocument(name))) expect(schema.properties).toHaveProperty([key]);
    // Plain JSON: it survives serialisation unchanged.
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  test('the run identity and usage are strict and fully required', () => {
    const run = (schemas.plan as Loose).properties.run;
    expect(run.additionalProperties).toBe(false);
    expect(run.required).toEqual(['repository', 'runId', 'issue', 'promptHash', 'baseSha', 'configHash']);
    const usage = (schemas.task as Loose).properties.usage;
    expect(usage.required).toEqual([
      'model',
      'calls',
      'inputTokens',
      'outputTokens',
      'cacheReadTokens',
      'cacheWriteTokens',
      'costUsd',
      'durationMs',
    ]);
    expect(usage.properties.costUsd.anyOf).toEqual(expect.arrayContaining([{ type: 'null' }]));
  });

  test('fields with defaults are optional for the writer; the others are required', () => {
    const plan = schemas.plan as Loose;
    expect(plan.required).toEqual(expect.arrayContaining(['summary', 'tasks', 'testStrategy', 'request']));
    expect(plan.required).not.toContain('risks');
    const task = plan.properties.tasks.items;
    expect(task.required).toEqual(['id', 'title', 'description', 'acceptanceCriteria', 'files']);
    expect(task.properties.id.pattern).toBe('^[a-z0-9][a-z0-9-]{0,39}$');
    expect(plan.properties.tasks.maxItems).toBe(256);
    expect((schemas.task as Loose).required).toEqual(
      expect.arrayContaining(['status', 'summary', 'commitMessage', 'taskId', 'filesChanged', 'commands']),
    );
    expect((schemas.task as Loose).required).not.toContain('stopReason');
    expect((schemas.review as Loose).properties.findings.items.properties.severity.enum).toEqual([
      'critical',
      'high',
      'medium',
      'low',
      'nit',
    ]);
    expect((schemas.publish as Loose).required).toEqual(
      expect.arrayContaining(['branch', 'commits', 'prNumber', 'prUrl', 'reviewId', 'commentId']),
    );
  });
});
