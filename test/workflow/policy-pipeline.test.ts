// biome-ignore-all lint/suspicious/noTemplateCurlyInString: workflow expressions (${{ }}) in strings, not JS templates
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { truthy } from '@actions/expressions/result';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { SETUP_CACHE_DIR } from '../../src/runtime/actions/setup-cache.ts';
import { PLAN_JOB_TIMEOUT_MINUTES, PUBLISH_JOB_TIMEOUT_MINUTES } from '../../src/runtime/actions/timeouts.ts';
import { repoRoot } from '../support/node24.ts';
import { CALLER_ALLOWANCES, PIPELINE_ALLOWANCES } from '../support/workflow-policy/allowances.ts';

/**
 * The reusable workflow's wiring, read as GitHub reads it: the `needs` graph, the job
 * conditions evaluated with GitHub's own expression engine (`@actions/expressions`) over the
 * results a run can produce, the matrices, the concurrency key, and the actions each job runs.
 */

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML, shaped by the assertions
type Json = Record<string, any>;
const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');
const pipeline: Json = parse(read('.github/workflows/pipeline.yml'));
const jobs: Record<string, Json> = pipeline.jobs;
const STAGES = ['plan', 'approve', 'code', 'test', 'review', 'docs', 'fix', 'publish'];
const AGENT_STAGES = ['plan', 'code', 'test', 'review', 'docs', 'fix'];

type Result = 'success' | 'failure' | 'cancelled' | 'skipped';
interface RunState {
  inputs?: Json;
  needs?: Record<string, { result: Result; outputs?: Record<string, string> }>;
  github?: Json;
  matrix?: Json;
  /**
   * The result of every job upstream, direct or not: the implicit `success()` of a job is false
   * when any of them did not succeed, even one it does not name (actions/runner#2205).
   */
  upstream?: Record<string, Result>;
  cancelled?: boolean;
}

const DEFAULT_INPUTS = {
  issue: '',
  prompt: '',
  config: '.github/ensemble.yml',
  model: '',
  'base-url': '',
  'runs-on': 'ubuntu-24.04',
  'max-parallel': '4',
  'approval-environment': '',
};

const toData = (value: unknown) => JSON.parse(JSON.stringify(value), data.reviver) as data.Dictionary;
const fromData = (value: data.ExpressionData): unknown => JSON.parse(JSON.stringify(value, data.replacer));

/** Evaluates one expression (without `${{ }}`) as the runner would for a job of this workflow. */
function evaluate(expression: string, state: RunState): data.ExpressionData {
  const needs = state.needs ?? {};
  const upstream = state.upstream ?? Object.fromEntries(Object.entries(needs).map(([id, n]) => [id, n.result]));
  const status = (name: string, value: () => boolean): FunctionDefinition => ({
    name,
    minArgs: 0,
    maxArgs: 0,
    call: () => new data.BooleanData(value()),
  });
  const functions = [
    status('always', () => true),
    status('cancelled', () => state.cancelled === true),
    status('success', () => !state.cancelled && Object.values(upstream).every((result) => result === 'success')),
    status('failure', () => Object.values(upstream).some((result) => result === 'failure')),
  ];
  const context = toData({
    inputs: { ...DEFAULT_INPUTS, ...state.inputs },
    github: { run_id: '1234', event: {}, token: 'ghs_fake', ...state.github },
    needs: Object.fromEntries(
      Object.entries(needs).map(([id, n]) => [id, { result: n.result, outputs: n.outputs ?? {} }]),
    ),
    job: { workflow_repository: 'acme/ensemble', workflow_sha: 'f'.repeat(40) },
    secrets: { 'model-api-key': 'sk-fake' },
    matrix: state.matrix ?? {},
    vars: {},
  });
  const lexed = new Lexer(expression).lex();
  const tree = new Parser(
    lexed.tokens,
    ['inputs', 'github', 'needs', 'job', 'secrets', 'matrix', 'vars'],
    functions,
  ).parse();
  return new Evaluator(tree, context, new Map(functions.map((f) => [f.name, f]))).evaluate();
}

/** A job's `if:` as GitHub runs it: `${{ }}` optional, `success() &&` implied without a status function. */
function jobRuns(jobId: string, state: RunState): boolean {
  const condition = jobs[jobId]!['if'];
  if (condition === undefined) return truthy(evaluate('success()', state));
  let expression = String(condition).trim();
  const wrapped = /^\$\{\{([\s\S]*)\}\}$/.exec(expression);
  if (wrapped) expression = wrapped[1]!.trim();
  if (!/\b(always|success|failure|cancelled)\s*\(/.test(expression)) expression = `success() && (${expression})`;
  return truthy(evaluate(expression, state));
}

/** A string with `${{ }}` parts, as the runner renders it. */
function render(template: string, state: RunState): unknown {
  const whole = /^\$\{\{([\s\S]*)\}\}$/.exec(template.trim());
  if (whole) return fromData(evaluate(whole[1]!, state));
  return template.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) =>
    evaluate(expression, state).coerceString(),
  );
}

const PLAN_OUTPUTS = {
  outcome: 'planned',
  matrix:
    '{"include":[{"task":"api","title":"API","timeout-minutes":75},{"task":"ui","title":"UI","timeout-minutes":45}]}',
  'task-count': '2',
  'base-sha': 'a'.repeat(40),
  timeouts: '{"test":45,"review":30,"docs":35,"fix":165}',
  'setup-key': `ensemble-setup-v1-linux-x64-${'b'.repeat(32)}-${'c'.repeat(64)}`,
};
const needsOf = (jobId: string) => [jobs[jobId]!['needs'] ?? []].flat() as string[];
/** The run state a job sees after every stage before it ended with `results` (default: success, approve skipped). */
function stateAfter(
  jobId: string,
  results: Partial<Record<string, Result>> = {},
  planOutputs: Record<string, string> = PLAN_OUTPUTS,
): RunState {
  const resultOf = (id: string): Result => results[id] ?? (id === 'approve' ? 'skipped' : 'success');
  const upstream: Record<string, Result> = {};
  const visit = (id: string) => {
    for (const need of needsOf(id)) {
      upstream[need] = resultOf(need);
      visit(need);
    }
  };
  visit(jobId);
  const needs = Object.fromEntries(
    needsOf(jobId).map((id) => [id, { result: resultOf(id), outputs: id === 'plan' ? planOutputs : {} }]),
  );
  return { needs, upstream };
}

describe('the workflow_call interface (issue 5)', () => {
  test('declares the inputs, with their types and defaults', () => {
    const inputs: Json = pipeline.on.workflow_call.inputs;
    expect(
      Object.fromEntries(
        Object.entries(inputs).map(([name, input]) => [name, [input.type, input.default, input.required ?? false]]),
      ),
    ).toEqual({
      issue: ['string', '', false],
      prompt: ['string', '', false],
      config: ['string', '.github/ensemble.yml', false],
      model: ['string', '', false],
      'base-url': ['string', '', false],
      'runs-on': ['string', 'ubuntu-24.04', false],
      // A string: a dispatch input passed on is text, which a number input refuses (actions/runner#2848).
      'max-parallel': ['string', '4', false],
      'approval-environment': ['string', '', false],
    });
  });

  test('needs the model key and takes an optional publish token or GitHub App', () => {
    const secrets: Json = pipeline.on.workflow_call.secrets;
    expect(Object.fromEntries(Object.entries(secrets).map(([name, s]) => [name, s.required]))).toEqual({
      'model-api-key': true,
      'publish-token': false,
      'publish-app-id': false,
      'publish-app-private-key': false,
    });
  });

  test('outputs the pull request the publish job reports', () => {
    const outputs: Json = pipeline.on.workflow_call.outputs;
    for (const [name, output] of Object.entries(outputs)) {
      expect(output.value).toBe(`\${{ jobs.publish.outputs.${name} }}`);
      expect(Object.keys(jobs['publish']!['outputs'])).toContain(name);
    }
    expect(Object.keys(outputs).sort()).toEqual(['branch', 'pr-number', 'pr-url']);
  });
});

describe('least privilege (docs/design.md §3)', () => {
  test('starts from permissions: {} and gives each job exactly its stage’s scopes', () => {
    expect(pipeline.permissions).toEqual({});
    expect(Object.keys(jobs).sort()).toEqual([...STAGES].sort());
    for (const id of STAGES) expect([id, jobs[id]!['permissions']]).toEqual([id, PIPELINE_ALLOWANCES[id]]);
  });

  test('what the callers grant covers every job (GitHub refuses a called job asking for more)', () => {
    const granted = CALLER_ALLOWANCES['ensemble']!;
    for (const file of ['examples/ensemble.yml', '.github/workflows/example-caller.yml']) {
      expect(parse(read(file)).jobs.ensemble.permissions).toEqual(granted);
    }
    const rank = { read: 1, write: 2 } as const;
    for (const [id, job] of Object.entries(jobs)) {
      for (const [scope, level] of Object.entries(job['permissions'] as Record<string, 'read' | 'write'>)) {
        expect(
          rank[granted[scope] ?? 'read'] >= rank[level] && granted[scope] !== undefined,
          `${id}: ${scope}: ${level}`,
        ).toBe(true);
      }
    }
  });

  test('only agent stages get the model key; publish gets the publish token, else GITHUB_TOKEN', () => {
    for (const id of STAGES) {
      const withs = (jobs[id]!['steps'] as Json[]).map((step) => step['with'] ?? {});
      const keyed = withs.some((w) => w['api-key'] === '${{ secrets.model-api-key }}');
      expect([id, keyed]).toEqual([id, AGENT_STAGES.includes(id)]);
      expect(JSON.stringify(withs).includes('model-api-key')).toBe(AGENT_STAGES.includes(id));
    }
    const publish = (jobs['publish']!['steps'] as Json[]).at(-1)!;
    expect(render(publish['with']['github-token'], {})).toBe('ghs_fake');
    // The App's credentials reach the publish step only, which makes its own token of the App.
    expect([publish['with']['app-id'], publish['with']['app-private-key']]).toEqual([
      '${{ secrets.publish-app-id }}',
      '${{ secrets.publish-app-private-key }}',
    ]);
    for (const id of STAGES.filter((stage) => stage !== 'publish')) {
      expect([id, JSON.stringify(jobs[id]).includes('publish-app')]).toEqual([id, false]);
    }
    expect(evaluate("secrets['publish-token'] || github.token", {}).coerceString()).toBe('ghs_fake');
  });

  test("every job has a time limit: fixed for plan, approve and publish, the configuration's for the rest", () => {
    const limits = Object.fromEntries(
      STAGES.map((id) => {
        const limit = jobs[id]!['timeout-minutes'];
        const state = { ...stateAfter(id), matrix: { task: 'api', 'timeout-minutes': 75 } };
        return [id, typeof limit === 'number' ? limit : render(String(limit), state)];
      }),
    );
    expect(limits).toEqual({
      plan: PLAN_JOB_TIMEOUT_MINUTES,
      approve: 5,
      // A code leg's own limit, from the plan's matrix; the others from the plan's `timeouts` output.
      code: 75,
      test: 45,
      review: 30,
      docs: 35,
      fix: 165,
      publish: PUBLISH_JOB_TIMEOUT_MINUTES,
    });
    expect(jobs['plan']!['outputs']['timeouts']).toBe('${{ steps.plan.outputs.timeouts }}');
  });

  test('no job runs a script; none sets a kernel setting', () => {
    const runs = Object.entries(jobs).flatMap(([id, job]) =>
      (job['steps'] as Json[]).filter((s) => 'run' in s).map((s) => [id, s['run']]),
    );
    expect(runs.map(([id]) => id)).toEqual([]);
    for (const [, script] of runs) expect(script).not.toContain('${{');
    expect(read('.github/workflows/pipeline.yml')).not.toMatch(/sysctl/);
  });

  test('runs-on takes one label or a JSON array of labels', () => {
    for (const id of STAGES) {
      const runsOn = String(jobs[id]!['runs-on']);
      expect(render(runsOn, { inputs: { 'runs-on': 'ubuntu-24.04' } }), id).toBe('ubuntu-24.04');
      expect(render(runsOn, { inputs: { 'runs-on': '["self-hosted","linux"]' } }), id).toEqual([
        'self-hosted',
        'linux',
      ]);
    }
  });
});

describe('the needs graph', () => {
  test('plan → [approve] → code → test → review and docs in parallel → fix → publish, which needs every stage', () => {
    const needs = Object.fromEntries(STAGES.map((id) => [id, [jobs[id]!['needs'] ?? []].flat()]));
    expect(needs).toEqual({
      plan: [],
      approve: ['plan'],
      code: ['plan', 'approve'],
      test: ['plan', 'code'],
      review: ['plan', 'test'],
      docs: ['plan', 'test'],
      fix: ['plan', 'test', 'review'],
      publish: ['plan', 'approve', 'code', 'test', 'review', 'docs', 'fix'],
    });
  });

  test('fix runs after the review, also when a lens failed; not when the tests failed or the run was cancelled', () => {
    expect(jobRuns('fix', stateAfter('fix'))).toBe(true);
    expect(jobRuns('fix', stateAfter('fix', { review: 'failure' }))).toBe(true);
    expect(jobRuns('fix', stateAfter('fix', { test: 'failure', review: 'skipped' }))).toBe(false);
    expect(jobRuns('fix', stateAfter('fix', { review: 'skipped' }))).toBe(false);
    expect(jobRuns('fix', { ...stateAfter('fix'), cancelled: true })).toBe(false);
  });

  test('publish runs whatever the stages did, with an explicit check that the plan succeeded, but not after a cancel', () => {
    expect(jobs['publish']!['if']).not.toMatch(/always\(\)/);
    expect(jobs['publish']!['if']).toMatch(/needs\.plan\.result == 'success'/);
    expect(jobRuns('publish', { ...stateAfter('publish'), cancelled: true })).toBe(false);
    expect(jobRuns('publish', stateAfter('publish', { code: 'cancelled', test: 'skipped' }))).toBe(true);
  });

  const failures: [string, Partial<Record<string, Result>>][] = [
    ['every stage succeeded', {}],
    ['a code leg failed', { code: 'failure', test: 'skipped', review: 'skipped', docs: 'skipped', fix: 'skipped' }],
    ['the tests failed', { test: 'failure', review: 'skipped', docs: 'skipped', fix: 'skipped' }],
    ['a review lens failed', { review: 'failure' }],
    ['docs failed', { docs: 'failure' }],
    ['a fix round failed', { fix: 'failure' }],
    [
      'the plan was rejected',
      { approve: 'failure', code: 'skipped', test: 'skipped', review: 'skipped', docs: 'skipped', fix: 'skipped' },
    ],
    ['the plan had no tasks', { code: 'skipped', test: 'skipped', review: 'skipped', docs: 'skipped', fix: 'skipped' }],
  ];
  test.each(failures)('publish still reports when %s', (_, results) => {
    expect(jobRuns('publish', stateAfter('publish', results))).toBe(true);
  });

  test.each(['failure', 'cancelled', 'skipped'] as Result[])(
    'publish does not run when the plan ended %s',
    (result) => {
      expect(jobRuns('publish', stateAfter('publish', { plan: result }))).toBe(false);
    },
  );

  test('a plan job that waits or stopped leaves publish to store its checkpoint; one that was ignored, nothing', () => {
    const waitedWith = (outcome: string) => ({
      ...stateAfter(
        'publish',
        { code: 'skipped', test: 'skipped', review: 'skipped', docs: 'skipped', fix: 'skipped' },
        {
          ...PLAN_OUTPUTS,
          outcome,
          'task-count': '0',
          matrix: '{"include":[]}',
        },
      ),
    });
    expect(jobRuns('publish', waitedWith('waiting'))).toBe(true);
    expect(jobRuns('publish', waitedWith('stopped'))).toBe(true);
    expect(jobRuns('publish', waitedWith('ignored'))).toBe(false);
    const environment = { inputs: { 'approval-environment': 'ensemble' } };
    for (const outcome of ['waiting', 'stopped', 'ignored']) {
      const state = stateAfter('approve', {}, { ...PLAN_OUTPUTS, outcome, 'task-count': '0' });
      expect(jobRuns('approve', { ...state, ...environment }), outcome).toBe(false);
      expect(jobRuns('code', stateAfter('code', {}, { ...PLAN_OUTPUTS, outcome, 'task-count': '0' })), outcome).toBe(
        false,
      );
    }
  });

  test('approve runs only when an environment is named, after a successful plan', () => {
    expect(jobRuns('approve', stateAfter('approve'))).toBe(false);
    expect(jobRuns('approve', { ...stateAfter('approve'), inputs: { 'approval-environment': 'ensemble' } })).toBe(true);
    expect(
      jobRuns('approve', {
        ...stateAfter('approve', { plan: 'failure' }),
        inputs: { 'approval-environment': 'ensemble' },
      }),
    ).toBe(false);
    expect(render(jobs['approve']!['environment'], { inputs: { 'approval-environment': 'ensemble' } })).toBe(
      'ensemble',
    );
  });

  test('code runs after the approval, or without one; never after a rejection, a failed plan, zero tasks or a cancel', () => {
    expect(jobRuns('code', stateAfter('code', { approve: 'skipped' }))).toBe(true);
    expect(jobRuns('code', stateAfter('code', { approve: 'success' }))).toBe(true);
    expect(jobRuns('code', stateAfter('code', { approve: 'failure' }))).toBe(false);
    expect(jobRuns('code', stateAfter('code', { approve: 'cancelled' }))).toBe(false);
    expect(jobRuns('code', stateAfter('code', { plan: 'failure', approve: 'skipped' }))).toBe(false);
    expect(jobRuns('code', stateAfter('code', {}, { ...PLAN_OUTPUTS, 'task-count': '0' }))).toBe(false);
    expect(jobRuns('code', { ...stateAfter('code'), cancelled: true })).toBe(false);
  });

  test('test runs after the code legs, also when one failed or timed out (it reports that task), but not when skipped or the run was cancelled', () => {
    expect(jobRuns('test', stateAfter('test'))).toBe(true);
    expect(jobRuns('test', stateAfter('test', { code: 'failure' }))).toBe(true);
    // A leg that ran past its time limit ends `cancelled` although the run is not: a failed leg.
    expect(jobRuns('test', stateAfter('test', { code: 'cancelled' }))).toBe(true);
    expect(jobRuns('test', stateAfter('test', { code: 'skipped' }))).toBe(false);
    expect(jobRuns('test', stateAfter('test', { plan: 'failure' }))).toBe(false);
    expect(jobRuns('test', { ...stateAfter('test'), cancelled: true })).toBe(false);
  });

  test.each(['review', 'docs'])('%s runs only after its stages succeeded, and not once the run is cancelled', (id) => {
    expect(jobRuns(id, stateAfter(id))).toBe(true);
    const previous = 'test';
    expect(jobRuns(id, stateAfter(id, { [previous]: 'failure' }))).toBe(false);
    expect(jobRuns(id, stateAfter(id, { [previous]: 'skipped' }))).toBe(false);
    expect(jobRuns(id, { ...stateAfter(id), cancelled: true })).toBe(false);
  });
});

describe('matrices and concurrency', () => {
  test("code fans out over the plan's matrix, without fail-fast, at most max-parallel at a time", () => {
    const strategy = jobs['code']!['strategy'];
    expect(strategy['fail-fast']).toBe(false);
    const state = { ...stateAfter('code'), inputs: { 'max-parallel': 3 } };
    expect(render(strategy['max-parallel'], state)).toBe(3);
    expect(render(strategy.matrix, state)).toEqual(JSON.parse(PLAN_OUTPUTS.matrix));
    expect(render(jobs['code']!['name'], { ...state, matrix: { task: 'api' } })).toBe('code (api)');
  });

  test("review runs one leg per lens: the plan's lenses, else correctness, tests and security", () => {
    const strategy = jobs['review']!['strategy'];
    expect(strategy['fail-fast']).toBe(false);
    expect(render(strategy.matrix.lens, stateAfter('review'))).toEqual(['correctness', 'tests', 'security']);
    const custom = stateAfter('review', {}, { ...PLAN_OUTPUTS, lenses: '["security","performance"]' });
    expect(render(strategy.matrix.lens, custom)).toEqual(['security', 'performance']);
    expect(jobs['plan']!['outputs']['lenses']).toBe('${{ steps.plan.outputs.lenses }}');
  });

  test('one run per issue at a time, never cancelled half-way; prompt-only runs keyed on their run', () => {
    const { group, 'cancel-in-progress': cancel } = pipeline.concurrency;
    expect(cancel).toBe(false);
    expect(render(group, { inputs: { issue: '12' } })).toBe('ensemble-pipeline-12');
    expect(render(group, { github: { event: { issue: { number: 12 } } } })).toBe('ensemble-pipeline-12');
    expect(render(group, { inputs: { prompt: 'Add a --json flag' } })).toBe('ensemble-pipeline-run-1234');
  });
});

/** The step of a job that runs its stage action (`$/actions/<id>`). */
const stageStep = (id: string): Json => (jobs[id]!['steps'] as Json[]).find((s) => s['uses'] === `$/actions/${id}`)!;
const CACHE_SAVE = 'actions/cache/save@27d5ce7f107fe9357f9df03efb73ab90386fccae';
const CACHE_RESTORE = 'actions/cache/restore@27d5ce7f107fe9357f9df03efb73ab90386fccae';
/** The jobs that would install the repository's dependencies again: they restore the plan job's install. */
const INSTALLING = ['code', 'test', 'fix'];

describe('the actions each job runs', () => {
  const stageSteps = STAGES.filter((id) => id !== 'approve');
  const checkoutSha = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1';

  test.each(stageSteps)(
    "%s checks out the repository, then runs its stage action from this workflow's own commit ($/)",
    (id) => {
      const steps = jobs[id]!['steps'] as Json[];
      // No run: scripts, and no second checkout: `$/` needs no token, so a private ensemble works.
      // Besides them only the install's cache: saved after the plan, restored before code, test and fix.
      let expected = [checkoutSha, `$/actions/${id}`];
      if (id === 'plan') expected = [...expected, CACHE_SAVE];
      if (INSTALLING.includes(id)) expected = [checkoutSha, CACHE_RESTORE, `$/actions/${id}`];
      expect(steps.map((s) => s['uses'])).toEqual(expected);
      const [repo, stage] = [steps[0]!, stageStep(id)];
      expect(repo['uses']).toBe(checkoutSha);
      // The plan reads the configuration from, and pins its base on, the default branch; every
      // later job works on exactly that commit.
      expect(repo['with']).toEqual({
        ref: id === 'plan' ? '${{ github.event.repository.default_branch }}' : '${{ needs.plan.outputs.base-sha }}',
        'persist-credentials': false,
      });
      const event = { repository: { default_branch: 'main' } };
      expect(render(repo['with']['ref'], { ...stateAfter(id), github: { event } })).toBe(
        id === 'plan' ? 'main' : PLAN_OUTPUTS['base-sha'],
      );
      expect(stage['uses']).toBe(`$/actions/${id}`);
      expect(stage['id']).toBe(id);
    },
  );

  test("approve checks out nothing and checks the approval of its environment with this workflow's action", () => {
    const steps = jobs['approve']!['steps'] as Json[];
    expect(steps.map((s) => s['uses'])).toEqual(['$/actions/approve']);
    // The action checks the very environment GitHub gated the job on.
    expect(steps[0]!['with']).toEqual({ environment: '${{ inputs.approval-environment }}' });
    expect(jobs['approve']!['environment']).toBe('${{ inputs.approval-environment }}');
    const action: Json = parse(read('actions/approve/action.yml'));
    expect(Object.keys(action['inputs'])).toEqual(['environment', 'github-token']);
  });

  test.each(stageSteps)('%s passes only inputs its action declares, and every required one', (id) => {
    const action: Json = parse(read(`actions/${id}/action.yml`));
    const given = Object.keys(stageStep(id)['with'] ?? {});
    const declared = Object.keys(action['inputs']);
    expect(given.filter((name) => !declared.includes(name))).toEqual([]);
    const required = Object.entries(action['inputs'] as Json)
      .filter(([, input]) => input.required && input.default === undefined)
      .map(([name]) => name);
    expect(required.filter((name) => !given.includes(name))).toEqual([]);
  });

  test("job outputs name outputs the stage actions declare (lenses: the plan's config lenses, reserved)", () => {
    for (const id of ['plan', 'publish']) {
      const declared = Object.keys(parse(read(`actions/${id}/action.yml`)).outputs);
      for (const [name, value] of Object.entries(jobs[id]!['outputs'] as Record<string, string>)) {
        expect(value).toBe(`\${{ steps.${id}.outputs.${name} }}`);
        if (name !== 'lenses') expect(declared).toContain(name);
      }
    }
    expect(Object.keys(jobs['plan']!['outputs'])).toEqual([
      'outcome',
      'matrix',
      'task-count',
      'base-sha',
      'lenses',
      'timeouts',
      'setup-key',
    ]);
  });

  test('the install is saved once, by the plan job, and restored by the jobs that would install again', () => {
    const path = `\${{ runner.temp }}/${SETUP_CACHE_DIR}`;
    const save = (jobs['plan']!['steps'] as Json[]).find((s) => s['uses'] === CACHE_SAVE)!;
    // Only when the plan action packed one, under the key it made (content-addressed: setup-cache.ts).
    expect(save['if']).toBe("${{ steps.plan.outputs.setup-key != '' }}");
    expect(save['with']).toEqual({ path, key: '${{ steps.plan.outputs.setup-key }}' });
    for (const id of STAGES) {
      const steps = jobs[id]!['steps'] as Json[];
      const restore = steps.find((s) => s['uses'] === CACHE_RESTORE);
      if (!INSTALLING.includes(id)) {
        expect(restore, id).toBeUndefined();
        continue;
      }
      // Exact key only (no restore-keys): an older install never stands in for this run's.
      expect(restore!['if']).toBe("${{ needs.plan.outputs.setup-key != '' }}");
      expect(restore!['with']).toEqual({ path, key: '${{ needs.plan.outputs.setup-key }}' });
      expect(steps.indexOf(restore!)).toBeLessThan(steps.indexOf(stageStep(id)));
      // The action checks what was restored against the key it was given.
      expect(render(stageStep(id)['with']['setup-key'], stateAfter(id))).toBe(PLAN_OUTPUTS['setup-key']);
    }
  });

  test('the stage inputs reach the actions (model, base URL, configuration, task, lens)', () => {
    const state = {
      ...stateAfter('code'),
      inputs: { model: 'openai:gpt-5', 'base-url': 'https://llm.example.com/v1', config: 'ci/ensemble.yml' },
      matrix: { task: 'api', lens: 'security' },
    };
    const withOf = (id: string) => stageStep(id)['with'] as Record<string, string>;
    for (const id of AGENT_STAGES) {
      expect(render(withOf(id)['model']!, state)).toBe('openai:gpt-5');
      expect(render(withOf(id)['base-url']!, state)).toBe('https://llm.example.com/v1');
      expect(render(withOf(id)['config']!, state)).toBe('ci/ensemble.yml');
      expect(render(withOf(id)['api-key']!, state)).toBe('sk-fake');
    }
    expect(render(withOf('code')['task']!, state)).toBe('api');
    expect(render(withOf('review')['lens']!, state)).toBe('security');
    expect(withOf('plan')).toMatchObject({ issue: '${{ inputs.issue }}', prompt: '${{ inputs.prompt }}' });
  });
});
