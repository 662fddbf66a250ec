// biome-ignore-all lint/suspicious/noTemplateCurlyInString: workflow expressions (${{ }}) in strings, not JS templates
import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { DOCUMENTS, type DocumentName } from '../../src/contracts/documents.ts';
import { parseDocumentText } from '../../src/contracts/read.ts';
import { DEMO_ISSUE, type Harness, labeledEvent, startHarness, TOKEN } from '../support/actions-harness.ts';
import { demoScript } from '../support/demo-model.ts';
import { MODEL_KEY, runExampleCaller } from '../support/example-caller-run.ts';
import type { GitHubFakeSeed } from '../support/github-fake.ts';
import { repoRoot } from '../support/node24.ts';
import { skipWithoutSandbox } from '../support/sandbox-required.ts';
import { countingSetupHarness } from '../support/setup-count.ts';
import { type SimulatedRun, simulateWorkflow, UnsupportedConstruct } from '../support/workflow-sim.ts';
import { simulatedCache } from '../support/workflow-sim-cache.ts';
import { evaluateCallerJob } from '../support/workflow-sim-caller.ts';

/**
 * The workflow-level test (issue 5): `.github/workflows/pipeline.yml` itself, run by the workflow
 * simulator as GitHub would run it when the example caller fires — jobs in `needs` order, every
 * `if:` and `${{ }}` evaluated by `@actions/expressions`, the code matrix expanded from the plan
 * job's real output, each stage action run from ensemble's own checkout under Node 24 against the
 * GitHub, artifact and model fakes. One run, with an approval environment, is also the test of one
 * dependency install per run (issue 15): its repository's setup command counts its runs in a file
 * outside every job, and writes a module its tests import from an ignored directory.
 */

const SEED = {
  collaborators: { maintainer: 'maintain' as const, helper: 'triage' as const },
  users: ['maintainer', 'helper', 'renovate[bot]'],
  issues: [DEMO_ISSUE],
};

let harness: Harness | undefined;
/** The harness; `seed` adds to the GitHub fake's (environments, visibility, plan). */
async function start(seed: GitHubFakeSeed = {}): Promise<Harness> {
  harness = await startHarness(demoScript, { ...SEED, ...seed });
  return harness;
}

/** The environment a caller names for the plan approval, with the maintainer as its required reviewer. */
const GATED = { environments: { 'ensemble-approval': { reviewers: ['maintainer'] } } };
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

function artifactDocument<K extends DocumentName>(
  h: Harness,
  kind: K,
  name: string,
  file: string = DOCUMENTS[kind].file,
) {
  const bytes = h.artifacts.files(name).get(file);
  if (!bytes) throw new Error(`${name} has no ${file}`);
  return parseDocumentText(kind, bytes.toString('utf8'), { artifact: name, file });
}

/** The document kind of an artifact, by the artifact names of the contracts (`ensemble-code-<task>` …). */
function documentOf(name: string): DocumentName {
  const kind = (Object.keys(DOCUMENTS) as DocumentName[]).find((k) =>
    new RegExp(`^${DOCUMENTS[k].artifact.replace(/<[^>]+>/g, '[a-z0-9][a-z0-9-]*')}$`).test(name),
  );
  if (!kind) throw new Error(`artifact ${name} is not one ensemble writes`);
  return kind;
}

/** The example caller fired by `event`, then pipeline.yml as it calls it, against the scripted model. */
async function runPipeline(
  h: Harness,
  event: ReturnType<typeof labeledEvent>,
  extra: Record<string, unknown> = {},
  approvals?: Record<string, 'approve' | 'reject'>,
  secrets: Record<string, string> = {},
) {
  return runExampleCaller(h, event, { inputs: extra, secrets, simulate: approvals ? { approvals } : {} });
}

const resultsOf = (run: SimulatedRun) => Object.fromEntries(Object.values(run.jobs).map((job) => [job.id, job.result]));

/** The summary of each leg of a job, by leg name. */
function summaries(run: SimulatedRun, job: string): string[] {
  return (run.jobs[job]?.legs ?? []).map((leg) => leg.steps.map((s) => s.summary).join(''));
}

/** The cache key of the plan job's install. */
const SETUP_KEY = /ensemble-setup-v1-linux-x64-[0-9a-f]{32}-[0-9a-f]{64}/;

describe('pipeline.yml, run by the workflow simulator', () => {
  test('A labeled issue by a maintainer runs plan → code ×2 → test → review → docs through the workflow-level test, with every artifact validated', async (context) => {
    skipWithoutSandbox(context, 'a run of pipeline.yml whose code and test jobs run commands');
    const h = await start();
    const event = labeledEvent(12, 'maintainer');

    // The example caller, as GitHub evaluates it for the label event.
    const caller = evaluateCallerJob({
      callerFile: join(repoRoot, '.github/workflows/example-caller.yml'),
      job: 'ensemble',
      event,
      secrets: { ANTHROPIC_API_KEY: MODEL_KEY },
    });
    expect(caller.runs).toBe(true);
    expect(caller.uses).toBe('./.github/workflows/pipeline.yml');
    expect(caller.with['issue']).toBe(12);

    const run = await simulateWorkflow({
      workflowFile: '.github/workflows/pipeline.yml',
      // The caller's inputs; the model endpoint is the scripted model (as a caller behind a gateway sets base-url).
      callerInputs: { ...caller.with, 'base-url': h.model.baseUrlAnthropic },
      secrets: caller.secrets,
      callerPermissions: caller.permissions,
      event,
      harness: h,
      ensembleRepoDir: repoRoot,
    });
    const log = run.log();

    expect(run.inputs).toMatchObject({
      issue: '12',
      prompt: '',
      config: '.github/ensemble.yml',
      'max-parallel': '4',
      'approval-environment': '',
    });
    expect(run.concurrency).toEqual({ group: 'ensemble-pipeline-12', cancelInProgress: false });

    // Jobs in needs order: each starts after every job it needs has finished.
    expect(run.order[0]).toBe('plan');
    for (const job of Object.values(run.jobs)) {
      for (const need of job.needs)
        expect(run.jobs[need]!.finished, `${job.id} after ${need}`).toBeLessThan(job.started);
    }
    const results = Object.fromEntries(Object.values(run.jobs).map((job) => [job.id, job.result]));
    expect(results, log).toMatchObject({
      plan: 'success',
      approve: 'skipped',
      code: 'success',
      test: 'success',
      review: 'success',
      docs: 'success',
      // The demo's review does not block: the fix job runs and makes no round.
      fix: 'success',
    });
    expect(run.jobs['approve']!.ran).toBe(false);

    // The plan job's real outputs drove the matrices.
    const plan = run.jobs['plan']!;
    expect(plan.outputs).toMatchObject({
      'task-count': '2',
      'base-sha': h.baseSha,
      lenses: '["correctness","tests","security"]',
    });
    expect(JSON.parse(plan.outputs['matrix']!)).toEqual({
      include: [
        { task: 'slugify-max-length', title: 'Add a maxLength option to slugify', 'timeout-minutes': 45 },
        { task: 'count-sentences', title: 'Add countSentences', 'timeout-minutes': 45 },
      ],
    });
    // Each later job's limit follows the configuration (default stage limits plus 15 minutes).
    expect(JSON.parse(plan.outputs['timeouts']!)).toEqual({ test: 45, review: 30, docs: 30, fix: 165 });
    expect(run.jobs['test']!.legs[0]!.timeoutMinutes).toBe(45);
    expect(run.jobs['code']!.legs.map((leg) => leg.timeoutMinutes)).toEqual([45, 45]);
    const code = run.jobs['code']!;
    expect(code.strategy).toEqual({ failFast: false, maxParallel: 4 });
    expect(code.legs.map((leg) => [leg.name, leg.matrix['task'], leg.result])).toEqual([
      ['code (slugify-max-length)', 'slugify-max-length', 'success'],
      ['code (count-sentences)', 'count-sentences', 'success'],
    ]);
    expect(code.legs.map((leg) => leg.steps.at(-1)!.outputs)).toEqual([{ status: 'done' }, { status: 'done' }]);
    expect(run.jobs['review']!.legs.map((leg) => [leg.name, leg.result, leg.steps.at(-1)!.outputs['verdict']])).toEqual(
      [
        ['review (correctness)', 'success', 'comment'],
        ['review (tests)', 'success', 'approve'],
        ['review (security)', 'success', 'approve'],
      ],
    );
    expect(run.jobs['test']!.legs[0]!.steps.at(-1)!.outputs).toEqual({ status: 'passed', passed: '8', failed: '0' });
    expect(run.jobs['docs']!.legs[0]!.steps.at(-1)!.outputs).toEqual({ status: 'updated' });

    // Every job ran as declared: its runner label, timeout, and the three steps with the stage action last.
    for (const job of Object.values(run.jobs).filter((j) => j.ran)) {
      for (const leg of job.legs) {
        expect(leg.runsOn).toBe('ubuntu-24.04');
        expect(leg.timeoutMinutes).toBeGreaterThan(0);
        // The demo repository installs nothing: no install is saved or restored (the setup command's tests below).
        const cache = leg.steps.filter((step) => step.kind === 'cache');
        expect(cache.map((step) => step.conclusion)).toEqual(cache.map(() => 'skipped'));
        expect(
          leg.steps.filter((step) => step.kind !== 'cache').map((step) => [step.kind, step.conclusion]),
          `${leg.name}\n${log}`,
        ).toEqual([
          // The caller's repository; the action itself comes from the workflow's repository ($/).
          ['checkout', 'success'],
          ['action', 'success'],
        ]);
        const stage = leg.steps.find((step) => step.kind === 'action')!;
        expect(stage.uses).toBe(`$/actions/${job.id}`);
        // `${{ github.token }}`, the action's default, reached the action.
        expect(stage.inputs['github-token']).toBe(TOKEN);
        if (job.id !== 'publish') expect(stage.inputs['api-key']).toBe(MODEL_KEY);
      }
    }
    expect(run.jobs['plan']!.legs[0]!.steps[0]!.stdout).toContain(`at ${h.baseSha}`);
    // persist-credentials: false on every checkout: no token is left in any .git/config.
    for (const leg of Object.values(run.jobs).flatMap((job) => job.legs)) {
      expect(readFileSync(join(leg.workspace, '.git/config'), 'utf8')).not.toContain('extraheader');
    }

    // Publish opened one draft pull request from the issue's branch, reviewed it and updated the tracking comment.
    const publish = run.jobs['publish']!;
    expect(publish.result, log).toBe('success');
    const published = publish.legs[0]!.steps[1]!.outputs;
    expect(published).toMatchObject({ branch: 'ensemble/issue-12', 'pr-number': expect.stringMatching(/^\d+$/) });
    const pulls = [...h.github.state.pulls.values()];
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toMatchObject({ draft: true, head: 'ensemble/issue-12', base: 'main' });
    expect(h.github.state.reviews).toHaveLength(1);
    const tracking = h.github.state.comments.filter((c) => c.body.includes('<!-- ensemble:tracking -->'));
    expect(tracking).toHaveLength(1);
    expect(tracking[0]!.body).toContain(`#${published['pr-number']}`);

    // Every artifact in the artifact service validates against its contract.
    const names = h.artifacts.artifacts.map((a) => a.name).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        'ensemble-code-count-sentences',
        'ensemble-code-slugify-max-length',
        'ensemble-docs',
        'ensemble-plan',
        'ensemble-review-correctness',
        'ensemble-review-security',
        'ensemble-review-tests',
        'ensemble-test',
      ]),
    );
    for (const name of names) expect(() => artifactDocument(h, documentOf(name), name), name).not.toThrow();
    expect(artifactDocument(h, 'plan', 'ensemble-plan', 'plan.json').request).toMatchObject({
      source: 'issue',
      issue: 12,
      author: 'maintainer',
    });

    // The model key reached the model, and only through the api-key input.
    expect(h.model.requests.length).toBeGreaterThan(0);
    expect(
      h.model.requests.every(
        (r) => r.headers['x-api-key'] === MODEL_KEY || r.headers['authorization'] === `Bearer ${MODEL_KEY}`,
      ),
    ).toBe(true);
    expect(h.github.problems).toEqual([]);
    expect(h.artifacts.problems).toEqual([]);
    expect(h.model.problems).toEqual([]);
  }, 600_000);

  test('a label by a triage-only user fails the plan job; nothing after it runs, publish included, and no model is called', async () => {
    const h = await start();
    const run = await runPipeline(h, labeledEvent(12, 'helper'));
    expect(resultsOf(run), run.log()).toEqual({
      plan: 'failure',
      approve: 'skipped',
      code: 'skipped',
      test: 'skipped',
      review: 'skipped',
      docs: 'skipped',
      fix: 'skipped',
      publish: 'skipped',
    });
    expect(run.jobs['plan']!.legs[0]!.steps[1]!.stdout).toContain('"helper" has the "triage" role on octo-org/textkit');
    expect(run.result).toBe('failure');
    expect(run.outputs).toEqual({ 'pr-number': '', 'pr-url': '', branch: '' });
    expect(h.model.requests).toHaveLength(0);
    expect(h.artifacts.artifacts).toHaveLength(0);
  });

  test('with an approval environment, a rejected plan starts no coding agent and publish still reports', async () => {
    const h = await start(GATED);
    const run = await runPipeline(
      h,
      labeledEvent(12, 'maintainer'),
      { 'approval-environment': 'ensemble-approval' },
      { 'ensemble-approval': 'reject' },
    );
    expect(resultsOf(run), run.log()).toMatchObject({
      plan: 'success',
      approve: 'failure',
      code: 'skipped',
      test: 'skipped',
      review: 'skipped',
      docs: 'skipped',
    });
    expect(run.jobs['approve']!.legs[0]!.environment).toBe('ensemble-approval');
    expect(run.jobs['publish']!.ran).toBe(true);
    const names = h.artifacts.artifacts.map((a) => a.name);
    expect(names).toContain('ensemble-plan');
    expect(names.filter((name) => /^ensemble-(code|test|review|docs)/.test(name))).toEqual([]);
  }, 300_000);

  test('with a GitHub App in the publish-app-id and publish-app-private-key secrets, publish writes with a token of the App, then revokes it', async () => {
    // The short path to publish (plan, a rejected approval, publish's report): the App's wiring, not the stages.
    const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = keys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const h = await start({ ...GATED, apps: [{ id: 4711, publicKey: keys.publicKey, slug: 'ensemble-publisher' }] });
    const run = await runPipeline(
      h,
      labeledEvent(12, 'maintainer'),
      { 'approval-environment': 'ensemble-approval' },
      { 'ensemble-approval': 'reject' },
      { 'publish-app-id': '4711', 'publish-app-private-key': pem },
    );
    const publish = run.jobs['publish']!;
    const step = publish.legs[0]!.steps.at(-1)!;
    expect(step.inputs['app-id']).toBe('4711');
    expect(step.stdout).toContain('publishing as GitHub App 4711');
    // The run stopped at the approval: publish reports it and fails, as without an App.
    expect(publish.result, run.log()).toBe('failure');
    expect(step.stdout).toContain('::error::ensemble publish: nothing was written');

    const [minted, ...others] = h.github.state.installationTokens;
    expect(others).toEqual([]);
    expect(minted).toMatchObject({ appId: 4711, repositories: ['textkit'], revoked: true });
    // Publish reported the rejected run in the tracking comment with the App's token; plan used GITHUB_TOKEN.
    const publishCalls = h.github.requests.slice(h.github.requests.findIndex((r) => r.auth === 'app'));
    expect(publishCalls.map((r) => r.operation)).toContain('issues/update-comment');
    expect(publishCalls.filter((r) => r.auth !== 'app').every((r) => r.token === minted!.token)).toBe(true);
    expect(publishCalls.at(-1)!.operation).toBe('apps/revoke-installation-access-token');
    expect(h.github.problems).toEqual([]);
  });

  // One whole run (the slow part) for two tests: its approval, and its one dependency install (issue 15).
  describe('with an approval environment, approved by its reviewer, on a repository with a setup command', () => {
    let h: Harness;
    let runs: () => number;
    let run: SimulatedRun;
    beforeAll(async () => {
      // No sandbox: the setup command counts its runs in a file outside every job.
      ({ h, runs } = await countingSetupHarness({ ...SEED, ...GATED }));
      run = await runExampleCaller(h, labeledEvent(12, 'maintainer'), {
        inputs: { 'approval-environment': 'ensemble-approval' },
        simulate: { approvals: { 'ensemble-approval': 'approve' }, cache: simulatedCache() },
      });
    }, 600_000);
    afterAll(async () => {
      await h?.close();
    });

    test('the approve job names them before any coding agent starts', () => {
      expect(resultsOf(run), run.log()).toMatchObject({
        plan: 'success',
        approve: 'success',
        code: 'success',
        test: 'success',
        review: 'success',
        docs: 'success',
      });
      const approve = run.jobs['approve']!.legs[0]!;
      expect(approve.environmentGate).toBe('approved');
      expect(approve.steps.map((step) => [step.kind, step.uses, step.conclusion])).toEqual([
        ['action', '$/actions/approve', 'success'],
      ]);
      expect(approve.steps[0]!.stdout).toContain(
        'The plan was approved for the environment "ensemble-approval" by maintainer.',
      );
      expect(approve.steps[0]!.summary).toContain('by **maintainer**');
      expect(approve.outputs).toEqual({});
      expect(run.jobs['approve']!.finished).toBeLessThan(run.jobs['code']!.started);
      expect(h.github.problems).toEqual([]);
    });

    test('the plan job installs once; code and test reuse it, and a job whose install does not match installs itself and says why', async () => {
      const log = run.log();
      expect(run.jobs['plan']?.result, log).toBe('success');
      expect(
        run.jobs['code']?.legs.map((l) => l.result),
        log,
      ).toEqual(['success', 'success']);
      expect(run.jobs['test']?.result, log).toBe('success');

      // The setup command ran once in the whole run: in the plan job.
      expect(runs()).toBe(1);
      const key = run.jobs['plan']?.outputs['setup-key'] ?? '';
      expect(key).toMatch(SETUP_KEY);
      expect(run.cache.events.filter((e) => e.kind === 'save')).toEqual([{ kind: 'save', key, hit: true }]);
      // Both code legs, the test job and the fix job restored it.
      const restores = run.cache.events.filter((e) => e.kind === 'restore');
      expect(restores).toEqual(Array.from({ length: 4 }, () => ({ kind: 'restore', key, hit: true })));

      // Each job says where its install came from.
      for (const summary of [...summaries(run, 'code'), ...summaries(run, 'test')])
        expect(summary).toContain(`**Setup:** reused from the plan job (key \`${key}\`); nothing installed here.`);
      // The tests import the installed module: they passed at the base and after the change.
      const report = artifactDocument(h, 'test', 'ensemble-test');
      expect(report.status, JSON.stringify(report)).toBe('passed');

      // The test job again, as the real bundle, with what the cache holds under the key in its RUNNER_TEMP.
      const entry = [...run.cache.entries.values()][0]!;
      const testJob = async (inputs: Record<string, string>, alter?: (dir: string) => void) => {
        const temp = mkdtempSync(join(tmpdir(), 'ensemble-runner-temp-'));
        cpSync(entry.dir, join(temp, 'ensemble-setup'), { recursive: true });
        alter?.(join(temp, 'ensemble-setup'));
        const job = await h.runJob('test', { 'setup-key': key, ...inputs }, { env: { RUNNER_TEMP: temp } });
        expect(job.exitCode, job.stdout).toBe(0);
        expect(artifactDocument(h, 'test', 'ensemble-test').status).toBe('passed');
        return job.files.summary;
      };
      // Other bytes under the plan job's key (an entry someone else wrote): the key's digest does not match.
      const tampered = await testJob({}, (dir) => appendFileSync(join(dir, 'home.tar'), 'tampered'));
      expect(tampered).toMatch(
        /\*\*Setup:\*\* installed in this job in \d+ s \(no reusable install: the files restored/,
      );
      expect(tampered).toContain('are not the ones the plan job saved');
      expect(runs()).toBe(2);
      // Another setup command than the one the plan job installed with.
      const changed = await testJob({ config: '.github/ensemble-other.yml' });
      expect(changed).toContain(
        '(no reusable install: the base commit, the setup commands or the lockfiles differ from the ones the plan job installed from',
      );
      expect(runs()).toBe(3);
    });
  });

  // GitHub's own gate fails open in these two cases: the approve job starts at once, and only its
  // check through the API keeps the coding agents from starting.
  test.each([
    [
      'a misspelt environment the repository does not have',
      {},
      'created',
      'the approval environment "ensemble-approval" of octo-org/textkit has no required reviewers',
    ],
    [
      'a private repository on the Free plan, whose environment lists reviewers GitHub does not enforce',
      { ...GATED, private: true, plan: 'free' as const },
      'not-enforced',
      'nobody approved the plan: run 4242 has no approval for the environment "ensemble-approval"',
    ],
  ])(
    'with %s, no code job runs and the approve job says why',
    async (_case, seed, gate, message) => {
      const h = await start(seed);
      const run = await runPipeline(
        h,
        labeledEvent(12, 'maintainer'),
        { 'approval-environment': 'ensemble-approval' },
        // What a reviewer would say, were they asked: GitHub does not ask them.
        { 'ensemble-approval': 'approve' },
      );
      expect(resultsOf(run), run.log()).toMatchObject({
        plan: 'success',
        approve: 'failure',
        code: 'skipped',
        test: 'skipped',
        review: 'skipped',
        docs: 'skipped',
      });
      const approve = run.jobs['approve']!.legs[0]!;
      expect(approve.environmentGate).toBe(gate);
      expect(h.github.state.runApprovals).toEqual([]);
      const check = approve.steps.at(-1)!;
      expect(check.uses).toBe('$/actions/approve');
      expect(check.stdout).toContain(`::error::ensemble approve: ${message}`);
      expect(check.summary).toContain('### Plan not approved');
      expect(run.log()).toContain(message);
      expect(run.jobs['publish']!.ran).toBe(true);
      const names = h.artifacts.artifacts.map((a) => a.name);
      expect(names.filter((name) => /^ensemble-(code|test|review|docs)/.test(name))).toEqual([]);
      expect(h.github.problems).toEqual([]);
    },
    300_000,
  );

  test('a construct the simulator does not implement fails the run with a message, never a skip', async () => {
    const h = await start();
    const dir = mkdtempSync(join(tmpdir(), 'ensemble-sim-fixture-'));
    const fixture = (name: string, jobs: string) => {
      const file = join(dir, name);
      writeFileSync(
        file,
        `name: fixture\non:\n  workflow_call:\n    inputs:\n      issue:\n        type: string\n        default: ""\npermissions: {}\njobs:\n${jobs}`,
      );
      return file;
    };
    const simulate = (file: string) =>
      simulateWorkflow({
        workflowFile: file,
        callerInputs: {},
        secrets: {},
        event: labeledEvent(12, 'maintainer'),
        harness: h,
        ensembleRepoDir: repoRoot,
      });

    const hashFiles = fixture(
      'hash-files.yml',
      `  build:\n    runs-on: ubuntu-24.04\n    timeout-minutes: 5\n    steps:\n      - uses: $/actions/plan\n        with:\n          config: \${{ hashFiles('**/package-lock.json') }}\n`,
    );
    const error = await simulate(hashFiles).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedConstruct);
    expect((error as Error).message).toMatch(
      /job 'build' step 1 with\.config: the expression `hashFiles\('\*\*\/package-lock\.json'\)` cannot be evaluated: Unrecognized function/,
    );

    const container = fixture(
      'container.yml',
      `  build:\n    runs-on: ubuntu-24.04\n    timeout-minutes: 5\n    container: node:24\n    steps:\n      - run: echo hi\n`,
    );
    await expect(simulate(container)).rejects.toThrow(
      "job 'build': the key 'container' is not supported by the simulator",
    );

    const thirdParty = fixture(
      'third-party.yml',
      `  build:\n    runs-on: ubuntu-24.04\n    timeout-minutes: 5\n    steps:\n      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020\n`,
    );
    await expect(simulate(thirdParty)).rejects.toThrow(
      "uses 'actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020': the simulator runs actions/checkout@<sha>, actions/cache/save|restore@<sha>, local actions (./…) and self-repository actions ($/…) only",
    );

    const interpolated = fixture(
      'interpolated.yml',
      `  build:\n    runs-on: ubuntu-24.04\n    timeout-minutes: 5\n    steps:\n      - run: echo "\${{ inputs.issue }}"\n`,
    );
    await expect(simulate(interpolated)).rejects.toThrow('a run: script with ${{ }} is not supported');

    // Nothing ran: no model call, no artifact.
    expect(h.model.requests).toHaveLength(0);
    expect(h.artifacts.artifacts).toHaveLength(0);
  });
});
