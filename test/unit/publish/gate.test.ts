/**
 * What publish writes for a run that waits (`publishGate`) or went on (`settleWaitingCheckpoint`):
 * the checkpoint under `refs/ensemble/checkpoints/issue-<n>`, the needs-info label and the tracking
 * comment, through the OpenAPI-checked GitHub fake.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ARTIFACTS } from '../../../src/artifacts/names.ts';
import { RunDirectory } from '../../../src/artifacts/run-directory.ts';
import type { CheckpointDocument } from '../../../src/contracts/checkpoint.ts';
import { defaultConfig } from '../../../src/contracts/config.ts';
import { createOctokit, type GitHubClient } from '../../../src/github/octokit.ts';
import { readCheckpoint, writeCheckpoint } from '../../../src/publish/checkpoint-store.ts';
import { type GatePublishOptions, publishGate, settleWaitingCheckpoint } from '../../../src/publish/gate.ts';
import type { SafeOutputsOptions } from '../../../src/publish/policy.ts';
import { TRACKING_MARKER } from '../../../src/render/marker.ts';
import { validCheckpoint, validPlan, validRun } from '../../support/documents.ts';
import { type GitHubFake, startGitHubFake } from '../../support/github-fake.ts';

const REPO = { owner: 'octo-org', repo: 'widgets' };
const ISSUE = 42;
const REF = 'refs/ensemble/checkpoints/issue-42';
const LABEL = 'ensemble:needs-info';
/** The run of `validCheckpoint()`. */
const RUN_ID = validRun().runId;
/** A secret the publish step was given, built at run time. */
const SECRET = `sk-${'gatesecretvalue'.repeat(2)}`;
const SECRETS = [{ name: 'MODEL_API_KEY', value: SECRET }];
const POLICY: SafeOutputsOptions = {
  protectedPaths: [],
  maxPatchBytes: 1_000_000,
  maxFiles: 300,
  allowedHost: 'github.com',
  secretValues: SECRETS,
};
const CONVERSATION = JSON.stringify([{ role: 'user', content: 'Add paging to GET /widgets.' }]);

const fakes: GitHubFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function setup(options: { labels?: string[]; conversation?: string } = {}) {
  const fake = await startGitHubFake({
    ...REPO,
    labels: [LABEL],
    issues: [{ number: ISSUE, title: 'List widgets over HTTP', author: 'octocat', labels: options.labels ?? [] }],
  });
  fakes.push(fake);
  const octokit = createOctokit({ token: 'test-token', baseUrl: fake.url, secondMs: 1 });
  const runDir = RunDirectory.at(mkdtempSync(join(tmpdir(), 'ensemble-gate-run-')));
  if (options.conversation !== undefined) {
    const dir = runDir.artifactDir(ARTIFACTS.plan);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'conversation.json'), options.conversation);
  }
  const publish: GatePublishOptions = {
    octokit,
    repo: REPO,
    repoDir: mkdtempSync(join(tmpdir(), 'ensemble-gate-repo-')),
    runDir,
    config: defaultConfig(),
    configPath: '.github/ensemble.yml',
    secretValues: SECRETS,
    serverUrl: 'https://github.com',
    runUrl: `https://github.com/octo-org/widgets/actions/runs/${RUN_ID.split('-')[0]}`,
    runId: RUN_ID,
  };
  return { fake, octokit, publish };
}

const labelsOf = (fake: GitHubFake) => fake.state.issues.get(ISSUE)!.labels;
const writes = (fake: GitHubFake, from = 0) => fake.requests.slice(from).filter((r) => r.method !== 'GET');
/** The issue's tracking comment (ensemble's), or undefined. */
const tracking = (fake: GitHubFake) =>
  fake.state.comments.find((c) => c.issue === ISSUE && c.body.includes(TRACKING_MARKER))?.body;

function approvalCheckpoint(overrides: Partial<CheckpointDocument> = {}): CheckpointDocument {
  const { summary, tasks, testStrategy, risks } = validPlan();
  return validCheckpoint({ waitingFor: 'approval', plan: { summary, tasks, testStrategy, risks }, ...overrides });
}

async function store(octokit: GitHubClient, checkpoint: CheckpointDocument) {
  return (await writeCheckpoint(octokit, REPO, ISSUE, { checkpoint, conversation: null }, POLICY)) as {
    commit: string;
  };
}

describe('publishGate', () => {
  test('a run waiting for answers: checkpoint stored with its conversation, label added, questions shown', async () => {
    const { fake, octokit, publish } = await setup({ conversation: CONVERSATION });
    const published = await publishGate(publish, validCheckpoint());
    expect(published.status).toBe('waiting');
    expect(published.error).toBeNull();
    const stored = await readCheckpoint(octokit, REPO, ISSUE);
    expect(stored?.checkpoint).toEqual(validCheckpoint());
    expect(stored?.conversation).toEqual(JSON.parse(CONVERSATION));
    expect(labelsOf(fake)).toContain(LABEL);
    const body = tracking(fake)!;
    expect(body).toContain(`<!-- ensemble:gate waiting=answers run=${RUN_ID} -->`);
    expect(body).toContain(validCheckpoint().gate.rounds[0]!.questions[0]!.question);
    expect(published.written.join('\n')).toContain(`label ${LABEL} on #42`);
    expect(fake.problems).toEqual([]);
  });

  test('a plan waiting for approval takes the label off and shows the approval wait', async () => {
    const { fake, octokit, publish } = await setup({ labels: [LABEL] });
    const published = await publishGate(publish, approvalCheckpoint());
    expect(published.status).toBe('waiting');
    expect((await readCheckpoint(octokit, REPO, ISSUE))?.checkpoint.waitingFor).toBe('approval');
    expect(labelsOf(fake)).not.toContain(LABEL);
    expect(tracking(fake)).toContain(`<!-- ensemble:gate waiting=approval run=${RUN_ID} -->`);
  });

  test("another run's checkpoint is refused, and nothing is written", async () => {
    const { fake, publish } = await setup();
    const published = await publishGate({ ...publish, runId: '1111111111-1' }, validCheckpoint());
    expect(published.status).toBe('refused');
    expect(published.error).toContain(`workflow run ${RUN_ID}, not of 1111111111-1`);
    expect(writes(fake)).toEqual([]);
  });

  test("a re-run after this run's wait was settled does not bring it back", async () => {
    const { fake, octokit, publish } = await setup();
    const settled = validCheckpoint({
      status: 'resumed',
      settled: { by: 'maya', at: '2026-12-06T09:30:00.000Z', runId: '9876543299-1' },
    });
    const { commit } = await store(octokit, settled);
    const before = fake.requests.length;
    const published = await publishGate(publish, validCheckpoint());
    expect(published.status).toBe('refused');
    expect(published.error).toContain('settled since (resumed)');
    expect(writes(fake, before)).toEqual([]);
    expect(fake.state.refs.get(REF)).toBe(commit);
    expect((await readCheckpoint(octokit, REPO, ISSUE))?.checkpoint.status).toBe('resumed');
  });

  test("a newer run's waiting checkpoint is not replaced by an older run's", async () => {
    const { fake, octokit, publish } = await setup();
    const newer = validCheckpoint({
      run: validRun({ runId: '9876543300-1' }),
      waitingSince: '2026-12-05T11:00:00.000Z',
      conversation: false,
    });
    const { commit } = await store(octokit, newer);
    const before = fake.requests.length;
    const published = await publishGate(publish, validCheckpoint());
    expect(published.status).toBe('refused');
    expect(published.error).toContain('a newer run (9876543300-1) waits on the issue');
    expect(writes(fake, before)).toEqual([]);
    expect(fake.state.refs.get(REF)).toBe(commit);
  });

  test('a conversation holding a secret is left out: the checkpoint is stored without it, and says so', async () => {
    const { fake, octokit, publish } = await setup({
      conversation: JSON.stringify([{ role: 'user', content: `use ${SECRET}` }]),
    });
    const published = await publishGate(publish, validCheckpoint());
    expect(published.status).toBe('waiting');
    expect(published.written.join('\n')).toContain("the planner's conversation was not stored");
    const stored = await readCheckpoint(octokit, REPO, ISSUE);
    expect(stored?.checkpoint.conversation).toBe(false);
    expect(stored?.conversation).toBeNull();
    const files = fake.state.git.flatten(fake.state.git.commits.get(stored!.commit)!.tree);
    expect([...files.keys()]).toEqual(['checkpoint.json']);
    expect(tracking(fake)).toContain('ensemble:gate waiting=answers');
  });

  test('a checkpoint holding a secret is refused: nothing stored, no label, and the tracking comment shows no wait', async () => {
    const { fake, publish } = await setup({ labels: [LABEL] });
    const leaking = validCheckpoint({ request: { ...validCheckpoint().request, body: `The key is ${SECRET}.` } });
    const published = await publishGate(publish, leaking);
    expect(published.status).toBe('refused');
    expect(published.error).toContain('ensemble could not store what it needs to continue');
    expect(fake.state.refs.has(REF)).toBe(false);
    const body = tracking(fake)!;
    expect(body).toContain('ensemble could not store what it needs to continue');
    expect(body).not.toContain('ensemble:gate');
    expect(body).not.toContain(SECRET);
    // Nothing waits, so no answers are wanted: the label comes off.
    expect(labelsOf(fake)).not.toContain(LABEL);
  });

  test('a stopped checkpoint settles the waiting one as stopped, takes the label off and says stopped', async () => {
    const { fake, octokit, publish } = await setup({ labels: [LABEL] });
    const { commit } = await store(octokit, validCheckpoint());
    const stopRun = '9876543400-1';
    const settled = { by: 'maya', at: '2026-12-06T09:30:00.000Z', runId: stopRun };
    const stopped = validCheckpoint({ status: 'stopped', settled });
    const published = await publishGate({ ...publish, runId: stopRun }, stopped);
    expect(published.status).toBe('stopped');
    const stored = await readCheckpoint(octokit, REPO, ISSUE);
    expect(stored?.commit).not.toBe(commit);
    expect(stored?.checkpoint).toEqual(stopped);
    expect(labelsOf(fake)).not.toContain(LABEL);
    const body = tracking(fake)!;
    expect(body).toContain('ensemble stopped');
    expect(body).toContain('Stopped by');
    expect(body).not.toContain('ensemble:gate');
    expect(published.written.join('\n')).toContain('settled as stopped');
  });
});

describe('settleWaitingCheckpoint', () => {
  const input = { issue: ISSUE, runId: '9876543500-1', by: 'maya' };

  test('a run that resumed from the stored commit settles it as resumed, and the label comes off', async () => {
    const { fake, octokit, publish } = await setup({ labels: [LABEL] });
    const { commit } = await store(octokit, validCheckpoint());
    const said = await settleWaitingCheckpoint(publish, { ...input, resumedFrom: commit });
    expect(said).toBe('checkpoint of #42 settled as resumed by run 9876543500-1');
    const stored = await readCheckpoint(octokit, REPO, ISSUE);
    expect(stored?.checkpoint.status).toBe('resumed');
    expect(stored?.checkpoint.settled).toMatchObject({ by: 'maya', runId: '9876543500-1' });
    expect(labelsOf(fake)).not.toContain(LABEL);
  });

  test('a run that did not resume from it (a new run, or from another commit) settles it as replaced', async () => {
    for (const resumedFrom of [null, 'f'.repeat(40)]) {
      const { octokit, publish } = await setup();
      await store(octokit, validCheckpoint());
      expect(await settleWaitingCheckpoint(publish, { ...input, resumedFrom })).toContain('settled as replaced');
      expect((await readCheckpoint(octokit, REPO, ISSUE))?.checkpoint.status).toBe('replaced');
    }
  });

  test('nothing waiting: null, and nothing is written', async () => {
    const { fake, octokit, publish } = await setup({ labels: [LABEL] });
    expect(await settleWaitingCheckpoint(publish, { ...input, resumedFrom: null })).toBeNull();
    expect(writes(fake)).toEqual([]);
    expect(labelsOf(fake)).toContain(LABEL);
    const settled = validCheckpoint({
      status: 'stopped',
      settled: { by: 'maya', runId: input.runId, at: '2026-12-06T09:30:00.000Z' },
    });
    const { commit } = await store(octokit, settled);
    const before = fake.requests.length;
    expect(await settleWaitingCheckpoint(publish, { ...input, resumedFrom: commit })).toBeNull();
    expect(writes(fake, before)).toEqual([]);
    expect(fake.state.refs.get(REF)).toBe(commit);
  });
});
