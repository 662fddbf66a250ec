/**
 * `dist/publish.js` with a GitHub App's credentials (app-id, app-private-key): it makes its own
 * installation token in the step, writes everything with it (so the pull request starts the
 * repository's workflows, which one opened with GITHUB_TOKEN does not), and revokes it at the end,
 * also when publishing failed. Neither the key nor the token is ever printed.
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { forbidden } from '../support/github-fake.ts';
import {
  errorsOf,
  ISSUE,
  type PublishRun,
  runPublish,
  scenarioPerTest,
  TOKEN,
  trackingComments,
} from '../support/publish-fixtures.ts';

/** Made per run: no key material in the sources. */
const KEYS = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PEM = KEYS.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const APP_ID = 4711;
const APP = { id: APP_ID, publicKey: KEYS.publicKey, slug: 'ensemble-publisher' };
const APP_INPUTS = { 'app-id': String(APP_ID), 'app-private-key': PEM };
const BRANCH = `ensemble/issue-${ISSUE}`;

/** A scenario closed after each test. */
const scenario = scenarioPerTest();

/** The step's output as the runner would show it: everything but the `::add-mask::` commands themselves. */
function shown(run: PublishRun): string {
  const stdout = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  return [stdout, run.stderr, run.files.summary, run.files.output, run.files.env, run.files.state].join('\n');
}

const masked = (run: PublishRun) =>
  run.stdout
    .split('\n')
    .filter((line) => line.startsWith('::add-mask::'))
    .map((line) => line.slice('::add-mask::'.length));

/** Neither the key (any line of it) nor `token` appears in what the step showed; both were masked first. */
function expectNothingLeaked(run: PublishRun, token: string | null) {
  const output = shown(run);
  const keyLines = PEM.trim().split('\n').slice(1, -1);
  for (const line of keyLines) expect(output).not.toContain(line);
  expect(masked(run)).toEqual(expect.arrayContaining(keyLines));
  if (token) {
    expect(output).not.toContain(token);
    expect(output).not.toContain(token.slice(4));
    expect(masked(run)).toContain(token);
  }
}

describe('publish as a GitHub App', () => {
  test('opens the pull request, commits and comments with an installation token it made, then revokes it', async () => {
    // The repository forbids GITHUB_TOKEN to open pull requests: only the App's token can.
    const s = await scenario({ seed: { apps: [APP], actionsCanCreatePullRequests: false } });
    const run = await runPublish(s, { inputs: APP_INPUTS });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(errorsOf(run)).toEqual([]);

    const { github } = s;
    expect(github.state.installationTokens).toHaveLength(1);
    const minted = github.state.installationTokens[0]!;
    expect(minted).toMatchObject({
      appId: APP_ID,
      repositories: ['textkit'],
      permissions: { contents: 'write', pull_requests: 'write', issues: 'write', metadata: 'read' },
      revoked: true,
    });

    // The App's JWT found the installation and made the token; every other write used the token. The
    // job's own token (github-token) only reads whether CI started: the App's token has no `checks`.
    const ciReads = new Set(['checks/list-suites-for-ref', 'actions/list-workflow-runs-for-repo']);
    const calls = github.requests
      .filter((r) => !ciReads.has(r.operation ?? ''))
      .map((r) => [r.operation, r.auth, r.token === minted.token]);
    expect(calls.slice(0, 2)).toEqual([
      ['apps/get-repo-installation', 'app', false],
      ['apps/create-installation-access-token', 'app', false],
    ]);
    expect(calls.at(-1)).toEqual(['apps/revoke-installation-access-token', 'installation', true]);
    expect(calls.slice(2).filter(([, auth, used]) => auth !== 'installation' || !used)).toEqual([]);
    const withInput = github.requests.filter((r) => r.token === TOKEN);
    expect(withInput.length).toBeGreaterThan(0);
    expect(withInput.filter((r) => !ciReads.has(r.operation ?? '') || r.method !== 'GET')).toEqual([]);
    for (const operation of ['git/create-commit', 'git/create-ref', 'pulls/create', 'pulls/create-review']) {
      expect(github.calls(operation).map((r) => r.token === minted.token)).toContain(true);
    }
    expect(github.calls('issues/update-comment').every((r) => r.token === minted.token)).toBe(true);

    // GitHub attributes the writes to the App's bot.
    const pull = [...github.state.pulls.values()][0]!;
    expect(pull).toMatchObject({ head: BRANCH, author: 'ensemble-publisher[bot]', state: 'open' });
    expect(github.state.reviews.map((r) => r.author)).toEqual(['ensemble-publisher[bot]']);
    expect(trackingComments(github)[0]!.body).toContain('ensemble opened a pull request');
    // An App's pushes start the repository's workflows, secrets included: the comment says so.
    expect(trackingComments(github)[0]!.body).toContain(
      "**CI:** published with a GitHub App, so this repository's `push` and `pull_request` workflows run",
    );
    expect(run.outputs['pr-number']).toBe(String(pull.number));

    // The log says what was used, never the value.
    expect(run.stdout).toContain(
      'publishing as GitHub App 4711 (app-id and app-private-key are set, and take precedence over github-token)',
    );
    expect(run.stdout).toMatch(
      /made an installation token of GitHub App 4711 \(installation \d+\) for octo-org\/textkit only/,
    );
    expect(run.stdout).toContain('revoked the installation token');
    expectNothingLeaked(run, minted.token);
    expect(github.problems).toEqual([]);
  }, 120_000);

  test('a publish that fails still revokes the token, and the error says what GitHub refused', async () => {
    const s = await scenario({ seed: { apps: [APP] } });
    s.github.fail('git/create-tree', forbidden());
    const run = await runPublish(s, { inputs: APP_INPUTS });
    expect(run.exitCode).not.toBe(0);
    expect(errorsOf(run).join('\n')).toContain('Resource not accessible by integration');
    const minted = s.github.state.installationTokens[0]!;
    expect(minted.revoked).toBe(true);
    expect(s.github.requests.at(-1)).toMatchObject({
      operation: 'apps/revoke-installation-access-token',
      status: 204,
      token: minted.token,
    });
    expectNothingLeaked(run, minted.token);
    expect(s.github.problems).toEqual([]);
  }, 120_000);

  test('an App not installed on the repository fails the step before anything is written, saying so', async () => {
    const s = await scenario({ seed: { apps: [{ ...APP, installed: false }] } });
    const run = await runPublish(s, { inputs: APP_INPUTS });
    expect(run.exitCode).not.toBe(0);
    expect(errorsOf(run)).toEqual([
      expect.stringMatching(/^ensemble publish: the GitHub App 4711 is not installed on octo-org\/textkit: install it/),
    ]);
    expect(s.github.requests.map((r) => r.operation)).toEqual(['apps/get-repo-installation']);
    expectNothingLeaked(run, null);
  }, 120_000);

  test('without app inputs, publish uses github-token as before: no App call, every request with the token', async () => {
    const s = await scenario({ seed: { apps: [APP] } });
    const run = await runPublish(s);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(s.github.requests.every((r) => r.token === TOKEN && r.auth === 'token')).toBe(true);
    expect(s.github.state.installationTokens).toEqual([]);
    expect([...s.github.state.pulls.values()][0]!.author).toBe('github-actions[bot]');
    expect(run.stdout).toContain('publishing with the github-token input, an installation token');
    expect(s.github.problems).toEqual([]);
  }, 120_000);
});
