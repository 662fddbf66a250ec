// biome-ignore-all lint/suspicious/noTemplateCurlyInString: workflow expressions (${{ }}) in strings, not JS templates
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../support/node24.ts';
import { PIPELINE_ALLOWANCES } from '../support/workflow-policy/allowances.ts';
import {
  checkWorkflow,
  formatProblem,
  type PolicyProblem,
  RULES,
  type RuleId,
  untrustedExpressions,
} from '../support/workflow-policy/check.ts';

const fixtures = join(repoRoot, 'test/fixtures/workflows');
const options = { allowances: PIPELINE_ALLOWANCES };

function checkFixture(name: string): PolicyProblem[] {
  return checkWorkflow(readFileSync(join(fixtures, name), 'utf8'), `test/fixtures/workflows/${name}`, options);
}

/** A workflow with one job, otherwise passing every rule; `job` is the job's body. */
function oneJob(job: string, head = 'on: push\npermissions: {}\n'): string {
  return `${head}jobs:\n  code:\n${job
    .split('\n')
    .map((line) => (line ? `    ${line}` : line))
    .join('\n')}\n`;
}

const SHA = '3d3c42e5aac5ba805825da76410c181273ba90b1';
const okJob = `runs-on: ubuntu-24.04
timeout-minutes: 5
permissions:
  contents: read
steps:
  - uses: actions/checkout@${SHA}
    with:
      persist-credentials: false`;

const rulesOf = (problems: PolicyProblem[]) => [...new Set(problems.map((p) => p.rule))].sort();

describe('every rule has a failing fixture that a real workflow could be', () => {
  const fixtureRules = (Object.keys(RULES) as RuleId[]).filter((rule) => rule !== 'yaml');
  const cases = [
    ...fixtureRules.map((rule) => [rule, `${rule}.yml`]),
    ['forbidden-trigger', 'forbidden-trigger-workflow-run.yml'],
  ];

  test.each(cases)('%s: %s is flagged with that rule and no other', (rule, file) => {
    expect(existsSync(join(fixtures, file)), `missing fixture test/fixtures/workflows/${file}`).toBe(true);
    const problems = checkFixture(file);
    expect(problems.length, problems.map(formatProblem).join('\n')).toBeGreaterThan(0);
    expect(rulesOf(problems)).toEqual([rule]);
  });

  test.each(cases)("%s: %s is valid for GitHub's workflow parser (only our policy rejects it)", (_rule, file) => {
    const result = parseWorkflow(
      { name: file, content: readFileSync(join(fixtures, file), 'utf8') },
      new NoOperationTraceWriter(),
    );
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  });
});

describe('top-level-permissions', () => {
  test('names the missing block', () => {
    const [problem] = checkFixture('top-level-permissions.yml');
    expect(problem).toMatchObject({ rule: 'top-level-permissions', line: 4 });
    expect(problem!.message).toContain('add `permissions: {}`');
  });

  test.each([
    ['permissions: read-all', '`read-all`'],
    ['permissions:\n  contents: read', '{"contents":"read"}'],
    ['permissions:', 'empty'],
  ])('rejects %j', (block, shown) => {
    const problems = checkWorkflow(oneJob(okJob, `on: push\n${block}\n`), 'w.yml', options).filter(
      (p) => p.rule === 'top-level-permissions',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain(shown);
    expect(problems[0]!.line).toBe(2);
  });

  test('accepts permissions: {} and the same in block style', () => {
    expect(checkWorkflow(oneJob(okJob), 'w.yml', options)).toEqual([]);
  });
});

describe('job-permissions', () => {
  test('flags each scope above the allowance, naming the job, the grant and the allowance', () => {
    const problems = checkFixture('job-permissions.yml');
    expect(problems.map((p) => [p.job, p.line, p.message])).toEqual([
      ['code', 11, "job 'code' has `contents: write`; its allowance is contents: read"],
      ['code', 12, "job 'code' has `id-token: write`; its allowance is contents: read"],
    ]);
  });

  test('a job not in the allowances may have no scope at all; `none` is always fine', () => {
    const workflow = oneJob(okJob)
      .replace('  code:', '  deploy:')
      .replace('contents: read', 'contents: read\n      actions: none');
    const problems = checkWorkflow(workflow, 'w.yml', options);
    expect(problems.map((p) => p.message)).toEqual([
      "job 'deploy' has `contents: read`; its allowance is no scope at all",
    ]);
  });

  test('read-all and write-all exceed any allowance; inherited top-level grants count', () => {
    const own = checkWorkflow(
      oneJob(okJob.replace('permissions:\n  contents: read', 'permissions: read-all')),
      'w.yml',
      options,
    );
    expect(own.map((p) => p.message)).toEqual([
      "job 'code' has `permissions: read-all` (every scope at read); its allowance is contents: read",
    ]);
    const inherited = checkWorkflow(
      oneJob(okJob.replace('permissions:\n  contents: read\n', ''), 'on: push\npermissions:\n  contents: write\n'),
      'w.yml',
      options,
    );
    expect(inherited.map((p) => `${p.rule} ${p.message}`)).toEqual([
      'top-level-permissions top-level `permissions` is `{"contents":"write"}`; it must be `permissions: {}` (grant scopes per job)',
      "job-permissions job 'code' has `contents: write` (inherited from the top level); its allowance is contents: read",
    ]);
  });

  test('a job within its allowance passes (lower levels included)', () => {
    const workflow = oneJob(okJob.replace('contents: read', 'contents: read\n  issues: read')).replace(
      '  code:',
      '  publish:',
    );
    expect(checkWorkflow(workflow, 'w.yml', options)).toEqual([]);
  });
});

describe('forbidden-trigger', () => {
  test.each([
    ['on: pull_request_target', 'pull_request_target'],
    ['on: [push, workflow_run]', 'workflow_run'],
    ['on:\n  push:\n  pull_request_target:\n    types: [opened]', 'pull_request_target'],
  ])('%j', (on, trigger) => {
    const problems = checkWorkflow(oneJob(okJob, `${on}\npermissions: {}\n`), 'w.yml', options);
    expect(problems.map((p) => p.rule)).toEqual(['forbidden-trigger']);
    expect(problems[0]!.message).toContain(`\`${trigger}\``);
  });

  test('ordinary triggers pass', () => {
    const on = 'on:\n  push:\n  pull_request:\n  issues:\n    types: [labeled]\n  workflow_dispatch:\n  workflow_call:';
    expect(checkWorkflow(oneJob(okJob, `${on}\npermissions: {}\n`), 'w.yml', options)).toEqual([]);
  });
});

describe('expression-in-run', () => {
  test('flags event text, inputs, step outputs and job outputs, naming the job and the step', () => {
    const problems = checkFixture('expression-in-run.yml');
    expect(problems.map((p) => [p.job, p.step, p.line])).toEqual([
      ['plan', 'step 1 "Event text"', 21],
      ['plan', 'step 2 "Input"', 23],
      ['plan', 'step 4 "Step output"', 30],
      ['code', 'step 1 "Job output"', 39],
    ]);
    expect(problems[0]!.message).toBe(
      'job \'plan\' step 1 "Event text": its `run:` script interpolates `${{ github.event.issue.title }}` (github.event.issue: text of the triggering event); the text becomes shell code. Pass it through `env:` and use "$NAME" instead',
    );
    expect(problems[1]!.message).toContain('`${{ inputs.prompt }}` (inputs.prompt: an input of the workflow)');
    expect(problems[2]!.message).toContain('(steps.plan.outputs: a step output)');
    expect(problems[3]!.message).toContain("`${{ needs.plan.outputs['matrix'] }}` (needs.plan.outputs: a job output)");
  });

  test.each([
    "github['event']['issue']['body']",
    'GITHUB.EVENT.comment.body',
    'github . event . pull_request . title',
    'toJSON(github)',
    'github.head_ref',
    "format('{0}', inputs.prompt)",
    'inputs',
    'needs.*.outputs.matrix',
    'steps.plan',
    'fromJSON(needs.plan.outputs.matrix).include',
    'matrix.title',
    'env.TITLE',
  ])('untrusted: ${{ %s }}', (expression) => {
    expect(untrustedExpressions(`echo "\${{ ${expression} }}"`)).toHaveLength(1);
  });

  test.each([
    'github.event_name',
    'github.run_id',
    'github.repository',
    "'github.event.issue.title'",
    "contains('inputs.x', 'x')",
    'needs.plan.result',
    'steps.plan.outcome',
    'runner.temp',
    'secrets.TOKEN',
    "hashFiles('**/package-lock.json')",
  ])('not flagged: ${{ %s }}', (expression) => {
    expect(untrustedExpressions(`echo "\${{ ${expression} }}"`)).toEqual([]);
  });

  test('a script of actions/github-script is checked like run:', () => {
    const job = okJob.replace(
      '      persist-credentials: false',
      `      persist-credentials: false
  - uses: actions/github-script@${SHA}
    with:
      script: core.info("\${{ github.event.issue.title }}")`,
    );
    const problems = checkWorkflow(oneJob(job), 'w.yml', options);
    expect(problems.map((p) => p.rule)).toEqual(['expression-in-run']);
    expect(problems[0]!.message).toContain('actions/github-script `script:`');
  });
});

describe('unpinned-action', () => {
  test('flags a tag but not local actions or docker images', () => {
    const problems = checkFixture('unpinned-action.yml');
    expect(problems.map((p) => [p.step, p.line, p.message])).toEqual([
      [
        'step 2 "actions/setup-node@v4"',
        15,
        'job \'test\' step 2 "actions/setup-node@v4" uses `actions/setup-node@v4`, at `v4`; pin it to a full 40-character commit SHA (`actions/setup-node@<sha> # v4`)',
      ],
    ]);
  });

  test.each([
    ['actions/cache', 'with no version'],
    ['owner/repo/path@main', 'at `main`'],
    [`actions/cache@${SHA.slice(0, 7)}`, `at \`${SHA.slice(0, 7)}\``],
  ])('%s: %s', (uses, shown) => {
    const problems = checkWorkflow(oneJob(`${okJob}\n  - uses: ${uses}`), 'w.yml', options);
    expect(problems.map((p) => p.rule)).toEqual(['unpinned-action']);
    expect(problems[0]!.message).toContain(shown);
  });

  test('a sub-path action at a full SHA passes', () => {
    expect(checkWorkflow(oneJob(`${okJob}\n  - uses: github/codeql-action/init@${SHA}`), 'w.yml', options)).toEqual([]);
  });
});

describe('job-timeout', () => {
  test('flags a job with steps and no timeout-minutes', () => {
    expect(checkFixture('job-timeout.yml').map((p) => [p.job, p.line, p.message])).toEqual([
      ['test', 6, "job 'test' has no `timeout-minutes` (the default is 6 hours)"],
    ]);
  });

  test('a job calling a reusable workflow is exempt (GitHub does not accept timeout-minutes there)', () => {
    const workflow = `on: workflow_dispatch
permissions: {}
jobs:
  ensemble:
    uses: ./.github/workflows/pipeline.yml
    permissions:
      contents: write
    secrets:
      model-api-key: \${{ secrets.KEY }}
`;
    expect(checkWorkflow(workflow, 'w.yml', { allowances: { ensemble: { contents: 'write' } } })).toEqual([]);
  });
});

describe('checkout-credentials', () => {
  test('flags a checkout without persist-credentials', () => {
    expect(checkFixture('checkout-credentials.yml').map((p) => [p.step, p.line])).toEqual([
      ['step 1 "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1"', 13],
    ]);
  });

  test.each([
    ['true', 1],
    ["'true'", 1],
    ["'false'", 0],
    ['false', 0],
  ])('persist-credentials: %s gives %i problem(s)', (value, count) => {
    const problems = checkWorkflow(
      oneJob(okJob.replace('persist-credentials: false', `persist-credentials: ${value}`)),
      'w.yml',
      options,
    );
    expect(problems.filter((p) => p.rule === 'checkout-credentials')).toHaveLength(count);
  });
});

test('a file that is not YAML is one problem, with its line', () => {
  const problems = checkWorkflow('on: push\njobs:\n  x: [\n', 'bad.yml', options);
  expect(problems.map((p) => p.rule)).toEqual(['yaml']);
  expect(formatProblem(problems[0]!)).toMatch(/^bad\.yml:\d+: \[yaml\] /);
});
