/**
 * The safe-output policy as `dist/publish.js` enforces it: each refusal leaves nothing written on
 * GitHub (no blob, tree, commit, ref, pull request or review) but the tracking comment, which
 * says what was refused and why; the step fails with the same message.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  createScenario,
  defaultReviews,
  defaultTasks,
  errorsOf,
  finding,
  type PublishRun,
  runPublish,
  type Scenario,
  type ScenarioSpec,
  TOKEN,
  trackingComments,
  writes,
} from '../support/publish-fixtures.ts';

const scenarios: Scenario[] = [];
afterEach(async () => {
  await Promise.all(scenarios.splice(0).map((s) => s.close()));
});

async function publish(
  spec: ScenarioSpec,
  env: Record<string, string> = {},
): Promise<{ scenario: Scenario; run: PublishRun }> {
  const scenario = await createScenario(spec);
  scenarios.push(scenario);
  return { scenario, run: await runPublish(scenario, { env }) };
}

/** Nothing on GitHub changed but the tracking comment; the step failed with `message`, which the comment repeats. */
function expectOnlyTheComment(scenario: Scenario, run: PublishRun, message: string | RegExp): string {
  const { github } = scenario;
  expect(run.exitCode, run.stdout).not.toBe(0);
  const error = errorsOf(run).join('\n');
  if (typeof message === 'string') expect(error).toContain(message);
  else expect(error).toMatch(message);
  expect(writes(github)).toEqual(['PATCH issues/update-comment']);
  expect([...github.state.refs.keys()]).toEqual(['refs/heads/main']);
  expect(github.state.pulls.size).toBe(0);
  expect(github.state.reviews).toEqual([]);
  const comments = trackingComments(github);
  expect(comments).toHaveLength(1);
  expect(comments[0]!.body).toContain('🛑');
  expect(run.outputs['pr-number']).toBeUndefined();
  expect(github.problems).toEqual([]);
  expect(scenario.artifacts.problems).toEqual([]);
  return comments[0]!.body;
}

describe('publish refuses, writing nothing but the tracking comment', () => {
  test('a change to a protected path (a workflow)', async () => {
    const tasks = defaultTasks();
    tasks[1]!.files['.github/workflows/ci.yml'] = 'on: push\njobs: {}\n';
    const { scenario, run } = await publish({ tasks });
    const comment = expectOnlyTheComment(scenario, run, 'rule protected-path');
    expect(errorsOf(run).join('\n')).toContain(
      '.github/workflows/ci.yml is protected by ".github/workflows/**" (protected-paths)',
    );
    expect(comment).toContain('ensemble refused to publish this change');
    expect(comment).toContain('.github/workflows/ci.yml');
  }, 60_000);

  test('a change larger than limits.max-patch-bytes, touching more than limits.max-files', async () => {
    const { scenario, run } = await publish({
      baseFiles: { '.github/ensemble.yml': 'limits:\n  max-patch-bytes: 1000\n  max-files: 2\n' },
    });
    expectOnlyTheComment(scenario, run, 'rule patch-size');
    const error = errorsOf(run).join('\n');
    expect(error).toMatch(
      /bytes of patch \(change\.patch [\d,]+, docs\.patch [\d,]+\), more than the limit of 1,000 \(limits\.max-patch-bytes\)/,
    );
    expect(error).toContain('files touched, more than the limit of 2 (limits.max-files)');
  }, 60_000);

  // Canaries are built at run time: no credential-shaped literal in the sources.
  const families: [string, string][] = [
    ['GitHub token', `ghp_${'a1B2c3D4e5'.repeat(4)}`],
    ['GitHub fine-grained personal access token', `github_pat_${'11ABCDEFG0'.repeat(3)}_${'xYz9'.repeat(15)}`],
    ['Anthropic API key', `sk-ant-api03-${'Ab3dEf6hIj'.repeat(4)}`],
    ['OpenAI API key', `sk-proj-${'Q1w2E3r4T5'.repeat(4)}`],
    ['AWS access key id', `AKIA${'Q2W3E4R5T6Y7U8I9'}`],
    [
      'private key block',
      `-----BEGIN ${'RSA PRIVATE'} KEY-----\n${'MIIEowIBAAKCAQEA'.repeat(4)}\n-----END RSA PRIVATE KEY-----`,
    ],
  ];
  test.each(families)(
    'a credential in the change: %s',
    async (name, canary) => {
      const { scenario, run } = await publish({
        tests: { 'test/canary.test.js': `export const canary = \`${canary}\`;\n` },
      });
      expectOnlyTheComment(scenario, run, 'rule credential');
      const error = errorsOf(run).join('\n');
      expect(error).toContain(`in change.patch: test/canary.test.js: ${name}`);
      const secretPart = canary.includes('PRIVATE KEY') ? 'MIIEowIBAAKCAQEA' : canary.slice(6);
      expect(run.stdout).not.toContain(secretPart);
      expect(trackingComments(scenario.github)[0]!.body).not.toContain(secretPart);
    },
    60_000,
  );

  test("the exact value of a secret the step was given, in a finding's text", async () => {
    const secret = `canary-${'7f3a9c2e'.repeat(3)}`;
    const reviews = defaultReviews();
    reviews['security'] = {
      verdict: 'comment',
      summary: 'One thing.',
      findings: [
        finding({
          severity: 'low',
          title: 'A key in the log',
          body: `The service is called with ${secret} in the URL.`,
          suggestion: null,
        }),
      ],
      criteria: [],
    };
    const { scenario, run } = await publish({ reviews }, { CANARY_API_KEY: secret });
    expectOnlyTheComment(scenario, run, 'rule secret-value');
    expect(errorsOf(run).join('\n')).toContain(`the value of secret "CANARY_API_KEY" (${secret.length} characters)`);
    expect(run.stdout).not.toContain(secret);
    expect(trackingComments(scenario.github)[0]!.body).not.toContain(secret);
  }, 60_000);

  test("the step's own GitHub token, in a task's summary", async () => {
    const { scenario, run } = await publish({
      mutate: (dir) => {
        const file = join(dir, 'ensemble-code-count-sentences', 'task.json');
        const task = JSON.parse(readFileSync(file, 'utf8'));
        writeFileSync(file, JSON.stringify({ ...task, summary: `Done; the API answered with token ${TOKEN} once.` }));
      },
    });
    expectOnlyTheComment(scenario, run, 'secret "github-token"');
    // Only the runner's mask command names it.
    expect(run.stdout.split('\n').filter((l) => l.includes(TOKEN.slice(4)))).toEqual([`::add-mask::${TOKEN}`]);
    expect(trackingComments(scenario.github)[0]!.body).not.toContain(TOKEN.slice(4));
  }, 60_000);

  test('an @mention flood in a commit message', async () => {
    const tasks = defaultTasks();
    const people = Array.from({ length: 12 }, (_, i) => `@user${i}`).join(' ');
    tasks[1]!.commitMessage = `Add countSentences\n\ncc ${people}`;
    const { scenario, run } = await publish({ tasks });
    expectOnlyTheComment(
      scenario,
      run,
      /rule mention-flood, in commit message of task count-sentences: 12 distinct @\u200b?mentions/,
    );
    // The tracking comment does not notify them either.
    expect(trackingComments(scenario.github)[0]!.body).not.toMatch(/(?<![\w\u200b])@user\d/);
  }, 60_000);

  test('a change.patch that does not apply to the base', async () => {
    const { scenario, run } = await publish({
      mutate: (dir) => {
        const file = join(dir, 'ensemble-test', 'change.patch');
        const patch = readFileSync(file, 'utf8');
        expect(patch).toContain('\n export function countWords(text) {\n');
        writeFileSync(
          file,
          patch.replace('\n export function countWords(text) {\n', '\n export function countWordz(text) {\n'),
        );
      },
    });
    expectOnlyTheComment(scenario, run, "publish refused: change.patch does not apply to the plan's base");
  }, 60_000);

  test('an artifact that is not valid: the run fails closed', async () => {
    const { scenario, run } = await publish({
      mutate: (dir) => {
        const file = join(dir, 'ensemble-review-tests', 'review.json');
        const review = JSON.parse(readFileSync(file, 'utf8'));
        writeFileSync(file, JSON.stringify({ ...review, verdict: 'lgtm' }));
      },
    });
    const comment = expectOnlyTheComment(
      scenario,
      run,
      'ensemble-review-tests: review.json (written by the review stage) is not valid',
    );
    expect(comment).toContain('an artifact is not valid');
    expect(comment).toContain('| review · tests | ❌ invalid artifact |');
  }, 60_000);

  test('no usable change: the test job uploaded nothing, so there is nothing to publish', async () => {
    const { scenario, run } = await publish({ omit: ['ensemble-test'] });
    const comment = expectOnlyTheComment(
      scenario,
      run,
      'the test stage uploaded no ensemble-test artifact, so there is no integrated change to publish',
    );
    expect(comment).toContain('ensemble has nothing to publish');
    expect(comment).toContain('| test | ❌ no artifact |');
    expect(comment).toContain('`ensemble-test`');
    expect(comment).toContain(`[workflow run](https://github.com/octo-org/textkit/actions/runs/4242)`);
  }, 60_000);
});
