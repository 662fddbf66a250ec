// biome-ignore-all lint/suspicious/noTemplateCurlyInString: workflow expressions (${{ }}) in strings, not JS templates
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { type Harness, labeledEvent, startHarness } from '../support/actions-harness.ts';
import { demoScript } from '../support/demo-model.ts';
import type { GitHubFakeSeed } from '../support/github-fake.ts';
import { repoRoot } from '../support/node24.ts';
import { simulateWorkflow } from '../support/workflow-sim.ts';
import { condition, evaluateExpression, render, UnsupportedConstruct } from '../support/workflow-sim-expressions.ts';
import { expandMatrix } from '../support/workflow-sim-matrix.ts';

/**
 * The workflow simulator's own semantics, on fixture workflows that run only bash and
 * actions/checkout (no model): if it got GitHub's rules wrong, the pipeline test would prove
 * nothing.
 */

let harness: Harness | undefined;
async function start(seed: GitHubFakeSeed = {}): Promise<Harness> {
  harness = await startHarness(demoScript, seed);
  return harness;
}
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function fixture(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ensemble-sim-fixture-')), 'fixture.yml');
  writeFileSync(file, text);
  return file;
}

describe('matrix expansion, as GitHub documents it', () => {
  test('include extends the combinations whose original values it keeps, or becomes one of its own', () => {
    const legs = expandMatrix(
      {
        fruit: ['apple', 'pear'],
        animal: ['cat', 'dog'],
        include: [
          { color: 'green' },
          { color: 'pink', animal: 'cat' },
          { fruit: 'apple', shape: 'circle' },
          { fruit: 'banana' },
          { fruit: 'banana', animal: 'cat' },
        ],
      },
      'matrix',
    );
    expect(legs).toEqual([
      { fruit: 'apple', animal: 'cat', color: 'pink', shape: 'circle' },
      { fruit: 'apple', animal: 'dog', color: 'green', shape: 'circle' },
      { fruit: 'pear', animal: 'cat', color: 'pink' },
      { fruit: 'pear', animal: 'dog', color: 'green' },
      { fruit: 'banana' },
      { fruit: 'banana', animal: 'cat' },
    ]);
  });

  test('exclude removes every combination a partial entry matches', () => {
    const legs = expandMatrix(
      {
        os: ['macos-latest', 'windows-latest'],
        version: [12, 14, 16],
        environment: ['staging', 'production'],
        exclude: [
          { os: 'macos-latest', version: 12, environment: 'production' },
          { os: 'windows-latest', version: 16 },
        ],
      },
      'matrix',
    );
    expect(legs).toHaveLength(9);
    expect(legs).not.toContainEqual({ os: 'windows-latest', version: 16, environment: 'staging' });
  });

  test('an include-only matrix (the plan output) has one leg per entry; an empty one fails', () => {
    expect(expandMatrix({ include: [{ task: 'a' }, { task: 'b' }] }, 'm')).toEqual([{ task: 'a' }, { task: 'b' }]);
    expect(() => expandMatrix({ include: [] }, 'm')).toThrow('the matrix has no legs');
    expect(() => expandMatrix({ lens: [] }, 'm')).toThrow("matrix vector 'lens' does not contain any values");
  });
});

describe('expressions', () => {
  const status = { success: () => true, failure: () => false, cancelled: () => false };
  test('a whole ${{ }} keeps its type; a template becomes text; if: implies success()', () => {
    const env = {
      scope: 'job-strategy' as const,
      where: 'test',
      contexts: { inputs: { n: 3 }, needs: { plan: { outputs: { m: '[1,2]' } } } },
    };
    expect(render('${{ fromJSON(needs.plan.outputs.m) }}', env)).toEqual([1, 2]);
    expect(render('n=${{ inputs.n }}, m=${{ needs.plan.outputs.m }}', env)).toBe('n=3, m=[1,2]');
    expect(render("${{ format('{0}}}', 'x') }}", env)).toBe('x}');
    expect(condition("inputs.n == 3 && 'x'", { ...env, scope: 'job-if', status })).toBe(true);
    expect(condition('inputs.n == 3', { ...env, scope: 'job-if', status: { ...status, success: () => false } })).toBe(
      false,
    );
    expect(
      condition('always() && inputs.n == 3', { ...env, scope: 'job-if', status: { ...status, success: () => false } }),
    ).toBe(true);
  });

  test('an unknown function, a context the key may not use, or a status function outside if: is refused', () => {
    const env = { scope: 'job-strategy' as const, where: "job 'x' strategy", contexts: {} };
    expect(() => evaluateExpression("hashFiles('**')", env)).toThrow(UnsupportedConstruct);
    expect(() => evaluateExpression('steps.a.outputs.b', env)).toThrow(
      /Unrecognized named-value: 'steps' \(this key may use only/,
    );
    expect(() => evaluateExpression('success()', env)).toThrow(/status functions may only be used in `if:`/);
  });
});

describe('a simulated run', () => {
  test('outputs, GITHUB_ENV, continue-on-error, needs, matrix legs from outputs, fail-fast, always() and failure()', async () => {
    const h = await start();
    const file = fixture(`name: semantics
on:
  workflow_call:
    inputs:
      flavour:
        type: string
        default: vanilla
    secrets:
      token:
        required: true
permissions: {}
env:
  GREETING: hello
jobs:
  first:
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    outputs:
      colour: \${{ steps.pick.outputs.colour }}
      leaked: \${{ steps.pick.outputs.leaked }}
      list: \${{ steps.pick.outputs.list }}
    steps:
      - id: pick
        env:
          FLAVOUR: \${{ inputs.flavour }}
          TOKEN: \${{ secrets.token }}
        run: |
          echo "colour=green-$FLAVOUR" >> "$GITHUB_OUTPUT"
          echo "leaked=key:$TOKEN" >> "$GITHUB_OUTPUT"
          echo 'list=["a","b"]' >> "$GITHUB_OUTPUT"
          echo "FROM_ENV_FILE=set-by-pick" >> "$GITHUB_ENV"
      - run: test "$FROM_ENV_FILE" = set-by-pick && test "$GREETING" = hello
      - id: broken
        continue-on-error: true
        run: exit 3
      - id: after
        if: steps.broken.outcome == 'failure' && steps.broken.conclusion == 'success'
        run: echo after
  fan:
    name: fan \${{ matrix.item }}
    needs: first
    if: needs.first.outputs.colour == 'green-mint'
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    strategy:
      max-parallel: 1
      matrix:
        item: \${{ fromJSON(needs.first.outputs.list) }}
        n: [1, 2]
        exclude:
          - item: b
            n: 2
        include:
          - item: c
    steps:
      - env:
          ITEM: \${{ matrix.item }}
        run: test "$ITEM" != b
  after-fan:
    needs: fan
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    steps:
      - run: echo never
  report:
    needs: [first, after-fan]
    if: always()
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    steps:
      - run: echo reported
      - if: failure()
        run: echo not reached
`);
    const run = await simulateWorkflow({
      workflowFile: file,
      callerInputs: { flavour: 'mint' },
      secrets: { token: 'canary-secret-value' },
      event: labeledEvent(12, 'maintainer'),
      harness: h,
      ensembleRepoDir: repoRoot,
    });
    const log = run.log();
    expect(Object.fromEntries(Object.values(run.jobs).map((j) => [j.id, j.result])), log).toEqual({
      first: 'success',
      fan: 'failure',
      'after-fan': 'skipped',
      report: 'success',
    });
    const first = run.jobs['first']!;
    expect(first.legs[0]!.steps.map((s) => [s.id, s.outcome, s.conclusion])).toEqual([
      ['pick', 'success', 'success'],
      [null, 'success', 'success'],
      ['broken', 'failure', 'success'],
      ['after', 'success', 'success'],
    ]);
    // A job output holding a secret is dropped, as GitHub drops it.
    expect(first.outputs).toEqual({ colour: 'green-mint', list: '["a","b"]' });
    expect(first.legs[0]!.redactedOutputs).toEqual(['leaked']);
    // Legs a×1, a×2, b×1 (b×2 excluded), then c; b fails, fail-fast cancels c, not yet started.
    expect(run.jobs['fan']!.legs.map((l) => [l.name, l.result])).toEqual([
      ['fan a', 'success'],
      ['fan a', 'success'],
      ['fan b', 'failure'],
      ['fan c', 'cancelled'],
    ]);
    expect(run.jobs['report']!.legs[0]!.steps.map((s) => s.conclusion)).toEqual(['success', 'skipped']);
    expect(run.jobs['report']!.started).toBeGreaterThan(run.jobs['after-fan']!.finished);
  });

  test('actions/checkout: a shallow clone with the token included from RUNNER_TEMP (v6+) unless persist-credentials is false', async () => {
    const h = await start();
    const file = fixture(`on: workflow_call
permissions: {}
jobs:
  checkout:
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    steps:
      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1
      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1
        with:
          path: full
          persist-credentials: false
          fetch-depth: 0
`);
    const run = await simulateWorkflow({
      workflowFile: file,
      callerInputs: {},
      secrets: {},
      event: labeledEvent(12, 'maintainer'),
      harness: h,
      ensembleRepoDir: repoRoot,
    });
    expect(run.jobs['checkout']!.result, run.log()).toBe('success');
    const workspace = run.jobs['checkout']!.legs[0]!.workspace;
    const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
    // Not in .git/config itself, but in the file it includes, as checkout v6+ writes it.
    expect(readFileSync(join(workspace, '.git/config'), 'utf8')).not.toContain('extraheader');
    expect(git(workspace, 'config', '--includes', '--get', 'http.https://github.com/.extraheader')).toMatch(
      /^AUTHORIZATION: basic /,
    );
    expect(git(workspace, 'config', '--local', '--get-regexp', '^includeif\\.')).toContain(
      run.jobs['checkout']!.legs[0]!.runnerTemp,
    );
    expect(git(workspace, 'rev-parse', '--is-shallow-repository')).toBe('true');
    expect(git(workspace, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(git(workspace, 'rev-parse', 'HEAD')).toBe(h.baseSha);
    expect(git(workspace, 'remote', 'get-url', 'origin')).toBe('https://github.com/octo-org/textkit');
    expect(readFileSync(join(workspace, 'full/.git/config'), 'utf8')).not.toContain('extraheader');
    expect(git(join(workspace, 'full'), 'rev-parse', '--is-shallow-repository')).toBe('false');
  });

  test('a job asking for more than the caller grants is refused', async () => {
    const h = await start();
    const file = fixture(`on: workflow_call
permissions: {}
jobs:
  gate:
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    permissions:
      contents: write
    steps:
      - run: echo gated
`);
    await expect(
      simulateWorkflow({
        workflowFile: file,
        callerInputs: {},
        secrets: {},
        event: labeledEvent(12, 'maintainer'),
        harness: h,
        ensembleRepoDir: repoRoot,
        callerPermissions: { contents: 'read' },
      }),
    ).rejects.toThrow("The nested job 'gate' is requesting 'contents: write', but is only allowed 'contents: read'");
  });

  describe("an environment's gate, as GitHub keeps it", () => {
    const gated = () =>
      fixture(`on: workflow_call
permissions: {}
jobs:
  gate:
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    environment: production
    steps:
      - run: echo gated
`);
    const simulate = (h: Harness, approvals?: Record<string, 'approve' | 'reject'>) =>
      simulateWorkflow({
        workflowFile: gated(),
        callerInputs: {},
        secrets: {},
        event: labeledEvent(12, 'maintainer'),
        harness: h,
        ensembleRepoDir: repoRoot,
        ...(approvals ? { approvals } : {}),
      });

    test('an environment the repository lacks is created without rules, and the job runs at once', async () => {
      const h = await start();
      const run = await simulate(h);
      const leg = run.jobs['gate']!.legs[0]!;
      expect([leg.result, leg.environmentGate, leg.steps[0]!.stdout]).toEqual(['success', 'created', 'gated\n']);
      expect(h.github.state.environments.get('production')).toMatchObject({ name: 'production', reviewers: [] });
      expect(h.github.state.runApprovals).toEqual([]);
    });

    test('required reviewers are asked: without approvals the simulator cannot be them; their decision is recorded', async () => {
      const seed = { environments: { production: { reviewers: ['maintainer'] } } };
      let h = await start(seed);
      await expect(simulate(h)).rejects.toThrow(
        "bound to the environment 'production', whose required reviewers (maintainer) the simulator cannot be",
      );
      await harness?.close();
      h = await start(seed);
      const approved = await simulate(h, { production: 'approve' });
      expect(approved.jobs['gate']!.legs[0]!.environmentGate).toBe('approved');
      expect(approved.jobs['gate']!.legs[0]!.steps[0]!.stdout).toBe('gated\n');
      expect(h.github.state.runApprovals).toEqual([
        { runId: 4242, environments: ['production'], state: 'approved', user: 'maintainer', comment: '' },
      ]);
      await harness?.close();
      h = await start(seed);
      const rejected = await simulate(h, { production: 'reject' });
      expect(rejected.jobs['gate']!.result).toBe('failure');
      expect(rejected.jobs['gate']!.legs[0]!.error).toBe("the deployment to 'production' was rejected by maintainer");
      expect(rejected.jobs['gate']!.legs[0]!.steps).toEqual([]);
    });

    test.each([
      ['free', 'not-enforced'],
      ['team', 'not-enforced'],
      ['enterprise', 'approved'],
    ] as const)('a private repository on the %s plan: its reviewers are %s', async (plan, how) => {
      const h = await start({ private: true, plan, environments: { production: { reviewers: ['maintainer'] } } });
      const run = await simulate(h, { production: 'approve' });
      expect(run.jobs['gate']!.legs[0]!.environmentGate).toBe(how);
      expect(h.github.state.runApprovals.length).toBe(how === 'approved' ? 1 : 0);
    });
  });

  test('a number input refuses text, and a job past its time limit ends cancelled with no later step', async () => {
    const h = await start();
    const file = fixture(`on:
  workflow_call:
    inputs:
      legs:
        type: number
        default: 2
permissions: {}
jobs:
  slow:
    runs-on: ubuntu-24.04
    timeout-minutes: 1
    steps:
      - run: sleep 30
      - run: echo never
  after:
    needs: slow
    if: \${{ !cancelled() && needs.slow.result == 'cancelled' }}
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    steps:
      - run: echo the slow job was cancelled
`);
    const options = {
      workflowFile: file,
      secrets: {},
      event: labeledEvent(12, 'maintainer'),
      harness: h,
      ensembleRepoDir: repoRoot,
    };
    // A dispatch input is text, also when it reads as a number (actions/runner#2848).
    await expect(simulateWorkflow({ ...options, callerInputs: { legs: '4' } })).rejects.toThrow(
      "input 'legs': Unexpected value '4'",
    );
    const run = await simulateWorkflow({ ...options, callerInputs: { legs: 4 }, minuteMs: { slow: 500 } });
    const slow = run.jobs['slow']!;
    expect(slow.result).toBe('cancelled');
    expect(slow.legs[0]!.steps.map((step) => step.outcome)).toEqual(['cancelled']);
    expect(run.jobs['after']!.legs[0]!.steps[0]!.stdout).toBe('the slow job was cancelled\n');
    expect(run.result).toBe('failure');
  });

  test('a stage action refuses a checkout that keeps the token where checkout v6+ puts it, before it reads anything', async () => {
    const h = await start();
    const file = fixture(`on: workflow_call
permissions: {}
jobs:
  code:
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    steps:
      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1
      - uses: $/actions/code
        with:
          task: t1
`);
    const run = await simulateWorkflow({
      workflowFile: file,
      callerInputs: {},
      secrets: {},
      event: labeledEvent(12, 'maintainer'),
      harness: h,
      ensembleRepoDir: repoRoot,
    });
    const code = run.jobs['code']!;
    expect(code.result, run.log()).toBe('failure');
    expect(code.legs[0]!.steps[1]!.stdout).toContain('Check out with `persist-credentials: false`');
    expect(h.artifacts.problems).toEqual([]);
    expect(h.model.requests).toHaveLength(0);
  });
});
