/**
 * The checkpoint of a waiting run (`refs/ensemble/checkpoints/issue-<n>`), written, read and settled
 * through the Git Data API of the OpenAPI-checked GitHub fake.
 */
import type { ModelMessage } from 'ai';
import { afterEach, describe, expect, test } from 'vitest';
import { createOctokit, type GitHubClient } from '../../../src/github/octokit.ts';
import {
  CheckpointError,
  checkpointRefFor,
  readCheckpoint,
  settleCheckpoint,
  writeCheckpoint,
} from '../../../src/publish/checkpoint-store.ts';
import type { SafeOutputsOptions } from '../../../src/publish/policy.ts';
import { validCheckpoint, validPlan, validRun } from '../../support/documents.ts';
import { type GitHubFake, startGitHubFake } from '../../support/github-fake.ts';

const REPO = { owner: 'octo-org', repo: 'demo' };
/** The issue of `validRun()`. */
const ISSUE = 42;
const REF = 'refs/ensemble/checkpoints/issue-42';
/** A secret the publish step was given, built at run time. */
const SECRET = `sk-${'checkpointsecret'.repeat(2)}`;
const POLICY: SafeOutputsOptions = {
  protectedPaths: [],
  maxPatchBytes: 1_000_000,
  maxFiles: 300,
  allowedHost: 'github.com',
  secretValues: [{ name: 'MODEL_API_KEY', value: SECRET }],
};

/** A planner's conversation as the AI SDK gives it: a request, a tool call and its result. */
const MESSAGES: ModelMessage[] = [
  { role: 'user', content: 'Add paging to GET /widgets.' },
  {
    role: 'assistant',
    content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'read_file', input: { path: 'src/routes/widgets.ts' } }],
  },
  {
    role: 'tool',
    content: [
      {
        type: 'tool-result',
        toolCallId: 'c1',
        toolName: 'read_file',
        output: { type: 'text', value: 'export function list() { return all(); }' },
      },
    ],
  },
];
/** As the plan step writes it (`JSON.stringify`, unindented). */
const CONVERSATION = JSON.stringify(MESSAGES);
const RESUMED = { status: 'resumed', by: 'maya', at: '2026-12-06T09:30:00.000Z', runId: '9876543299-1' } as const;

const fakes: GitHubFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function setup() {
  const fake = await startGitHubFake();
  fakes.push(fake);
  const octokit = createOctokit({ token: 'test-token', baseUrl: fake.url, secondMs: 1 });
  return { fake, octokit };
}

/** The files of the commit `sha` in the fake, path → text. */
function filesOf(fake: GitHubFake, sha: string): Map<string, string> {
  const { git } = fake.state;
  const files = git.flatten(git.commits.get(sha)!.tree);
  return new Map([...files].map(([path, entry]) => [path, git.blobs.get(entry.sha)!.toString('utf8')]));
}

const writes = (fake: GitHubFake, from = 0) => fake.requests.slice(from).filter((r) => r.method !== 'GET');

/** Someone pushed `files` to the ref by hand, on top of what it points at. */
async function pushByHand(fake: GitHubFake, octokit: GitHubClient, files: Record<string, string>): Promise<string> {
  const head = fake.state.refs.get(REF);
  const tree = await octokit.rest.git.createTree({
    ...REPO,
    ...(head ? { base_tree: fake.state.git.commits.get(head)!.tree } : {}),
    tree: Object.entries(files).map(([path, content]) => ({
      path,
      mode: '100644' as const,
      type: 'blob' as const,
      content,
    })),
  });
  const commit = await octokit.rest.git.createCommit({
    ...REPO,
    message: 'by hand',
    tree: tree.data.sha,
    parents: head ? [head] : [],
  });
  fake.state.refs.set(REF, commit.data.sha);
  return commit.data.sha;
}

describe('writeCheckpoint and readCheckpoint', () => {
  test('the ref is named after the issue', () => {
    expect(checkpointRefFor(ISSUE)).toBe(REF);
    expect(checkpointRefFor(7)).toBe('refs/ensemble/checkpoints/issue-7');
  });

  test('a checkpoint with its conversation reads back as written, the conversation byte for byte', async () => {
    const { fake, octokit } = await setup();
    const written = await writeCheckpoint(
      octokit,
      REPO,
      ISSUE,
      { checkpoint: validCheckpoint(), conversation: CONVERSATION },
      POLICY,
    );
    const commit = (written as { commit: string }).commit;
    expect(fake.state.refs.get(REF)).toBe(commit);
    const made = fake.state.git.commits.get(commit)!;
    expect(made.parents).toEqual([]);
    expect(made.message).toContain('issue #42');
    expect(made.message).toContain('waiting for answers');
    expect(made.message).toContain(`run: ${validRun().runId}`);
    const files = filesOf(fake, commit);
    expect([...files.keys()].sort()).toEqual(['checkpoint.json', 'conversation.json']);
    expect(files.get('conversation.json')).toBe(CONVERSATION);
    expect(files.get('checkpoint.json')).toBe(`${JSON.stringify(validCheckpoint(), null, 2)}\n`);

    expect(await readCheckpoint(octokit, REPO, ISSUE)).toEqual({
      commit,
      checkpoint: validCheckpoint(),
      conversation: MESSAGES,
      conversationProblem: null,
    });
    expect(fake.problems).toEqual([]);
  });

  test('a plan waiting for approval without its conversation (too large to keep): checkpoint.json alone', async () => {
    const { fake, octokit } = await setup();
    const { summary, tasks, testStrategy, risks } = validPlan();
    const plan = { summary, tasks, testStrategy, risks };
    const checkpoint = validCheckpoint({ waitingFor: 'approval', plan, conversation: false });
    const written = (await writeCheckpoint(octokit, REPO, ISSUE, { checkpoint, conversation: null }, POLICY)) as {
      commit: string;
    };
    expect([...filesOf(fake, written.commit).keys()]).toEqual(['checkpoint.json']);
    expect(fake.state.git.commits.get(written.commit)!.message).toContain('waiting for approval');
    expect(await readCheckpoint(octokit, REPO, ISSUE)).toEqual({
      commit: written.commit,
      checkpoint,
      conversation: null,
      conversationProblem: null,
    });
  });

  test('the same checkpoint again (a re-run of the publish) writes nothing: the ref stays where it is', async () => {
    const { fake, octokit } = await setup();
    const input = { checkpoint: validCheckpoint(), conversation: CONVERSATION };
    const first = await writeCheckpoint(octokit, REPO, ISSUE, input, POLICY);
    const requests = fake.requests.length;
    expect(await writeCheckpoint(octokit, REPO, ISSUE, input, POLICY)).toEqual(first);
    expect(writes(fake, requests)).toEqual([]);
    expect(fake.state.refs.get(REF)).toBe((first as { commit: string }).commit);
  });

  test('a checkpoint of the next round is a new commit on top of the last', async () => {
    const { fake, octokit } = await setup();
    const first = (await writeCheckpoint(
      octokit,
      REPO,
      ISSUE,
      { checkpoint: validCheckpoint(), conversation: CONVERSATION },
      POLICY,
    )) as { commit: string };
    const next = validCheckpoint({ run: validRun({ runId: '9876543300-1' }), conversation: false });
    const second = (await writeCheckpoint(octokit, REPO, ISSUE, { checkpoint: next, conversation: null }, POLICY)) as {
      commit: string;
    };
    expect(fake.state.git.commits.get(second.commit)!.parents).toEqual([first.commit]);
    // The earlier round's conversation is not carried into the new checkpoint.
    expect(filesOf(fake, second.commit).has('conversation.json')).toBe(false);
    expect((await readCheckpoint(octokit, REPO, ISSUE))?.checkpoint).toEqual(next);
  });

  test("a checkpoint or conversation holding one of the step's secrets is refused, and nothing is written", async () => {
    const { fake, octokit } = await setup();
    const leaking = validCheckpoint({ request: { ...validCheckpoint().request, body: `The key is ${SECRET}.` } });
    const refused = await writeCheckpoint(octokit, REPO, ISSUE, { checkpoint: leaking, conversation: null }, POLICY);
    expect(refused).toEqual({ refused: expect.stringContaining('MODEL_API_KEY') });
    expect((refused as { refused: string }).refused).toContain('stored checkpoint checkpoint.json');
    expect((refused as { refused: string }).refused).not.toContain(SECRET);

    const said = JSON.stringify([{ role: 'user', content: `use ${SECRET}` }]);
    const conversation = await writeCheckpoint(
      octokit,
      REPO,
      ISSUE,
      { checkpoint: validCheckpoint(), conversation: said },
      POLICY,
    );
    expect((conversation as { refused: string }).refused).toContain('stored checkpoint conversation.json');
    expect(fake.state.refs.has(REF)).toBe(false);
    expect(writes(fake)).toEqual([]);
  });

  test('a checkpoint that would not read back is never stored (a bug): it throws, and nothing is written', async () => {
    const { fake, octokit } = await setup();
    // Waiting for approval without the plan to approve.
    const broken = validCheckpoint({ waitingFor: 'approval', plan: null });
    await expect(
      writeCheckpoint(octokit, REPO, ISSUE, { checkpoint: broken, conversation: null }, POLICY),
    ).rejects.toThrow(
      /^the checkpoint of issue #42 to store is not valid \(\$\.plan: .*\): this is a bug in ensemble$/,
    );
    expect(writes(fake)).toEqual([]);
  });

  test('an issue without a checkpoint reads as null', async () => {
    const { octokit } = await setup();
    expect(await readCheckpoint(octokit, REPO, ISSUE)).toBeNull();
  });

  test('a checkpoint.json that does not validate: CheckpointError naming the ref, the commit, the file and the way out', async () => {
    const { fake, octokit } = await setup();
    await writeCheckpoint(octokit, REPO, ISSUE, { checkpoint: validCheckpoint(), conversation: CONVERSATION }, POLICY);
    const commit = await pushByHand(fake, octokit, {
      'checkpoint.json': JSON.stringify({ ...validCheckpoint(), status: 'sleeping' }),
    });
    const error = await readCheckpoint(octokit, REPO, ISSUE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckpointError);
    const message = (error as Error).message;
    expect(message).toMatch(
      new RegExp(`^${REF} \\(commit ${commit}\\) holds an invalid checkpoint\\.json \\(\\$\\.status: `),
    );
    expect(message).toContain('label issue #42 for ensemble again');
    expect(message).toContain(`git push origin --delete ${REF}`);
    // Re-running the plan stage cannot mend a stored checkpoint: the message does not say to.
    expect(message).not.toMatch(/re-run the plan stage/i);
  });

  test('a checkpoint.json that is not JSON, or missing: CheckpointError naming it', async () => {
    const { fake, octokit } = await setup();
    const truncated = await pushByHand(fake, octokit, { 'checkpoint.json': '{"schema": "ensemble.checkp' });
    await expect(readCheckpoint(octokit, REPO, ISSUE)).rejects.toThrow(
      new RegExp(`^${REF} \\(commit ${truncated}\\) holds an invalid checkpoint\\.json \\(\\$: not valid JSON`),
    );

    fake.state.refs.delete(REF);
    const without = await pushByHand(fake, octokit, { 'conversation.json': CONVERSATION });
    await expect(readCheckpoint(octokit, REPO, ISSUE)).rejects.toThrow(
      new RegExp(`^${REF} \\(commit ${without}\\) holds no checkpoint\\.json\\. To start over`),
    );
  });

  test("another issue's checkpoint under this issue's ref is refused: it would resume another request", async () => {
    const { fake, octokit } = await setup();
    const other = validCheckpoint({ run: validRun({ issue: 7 }) });
    const commit = await pushByHand(fake, octokit, { 'checkpoint.json': JSON.stringify(other) });
    await expect(readCheckpoint(octokit, REPO, ISSUE)).rejects.toThrow(
      new RegExp(`^${REF} \\(commit ${commit}\\) holds a checkpoint\\.json of issue #7, not of issue #42\\.`),
    );
  });

  test('a conversation that does not read back is left out, with why: the checkpoint still reads', async () => {
    const { fake, octokit } = await setup();
    await writeCheckpoint(octokit, REPO, ISSUE, { checkpoint: validCheckpoint(), conversation: CONVERSATION }, POLICY);

    const truncated = await pushByHand(fake, octokit, { 'conversation.json': CONVERSATION.slice(0, 40) });
    const cut = await readCheckpoint(octokit, REPO, ISSUE);
    expect(cut).toMatchObject({ commit: truncated, checkpoint: validCheckpoint(), conversation: null });
    expect(cut?.conversationProblem).toMatch(
      new RegExp(`^conversation\\.json of ${REF} \\(commit ${truncated}\\) is not valid JSON \\(`),
    );

    const odd = await pushByHand(fake, octokit, { 'conversation.json': JSON.stringify([{ role: 'system' }]) });
    const wrong = await readCheckpoint(octokit, REPO, ISSUE);
    expect(wrong).toMatchObject({ commit: odd, conversation: null });
    expect(wrong?.conversationProblem).toMatch(
      new RegExp(`^conversation\\.json of ${REF} \\(commit ${odd}\\) is not a conversation \\(\\$\\[0\\]\\.role: `),
    );
  });

  test('a conversation that was kept but is missing is named as missing', async () => {
    const { fake, octokit } = await setup();
    // The checkpoint says the conversation was kept; the file never arrived.
    const commit = await pushByHand(fake, octokit, { 'checkpoint.json': JSON.stringify(validCheckpoint()) });
    expect(await readCheckpoint(octokit, REPO, ISSUE)).toEqual({
      commit,
      checkpoint: validCheckpoint(),
      conversation: null,
      conversationProblem: `conversation.json of ${REF} (commit ${commit}) is missing, though checkpoint.json says it was kept`,
    });
  });
});

describe('settleCheckpoint', () => {
  test('a settled checkpoint is a new commit on top, with the same conversation file; the same again writes nothing', async () => {
    const { fake, octokit } = await setup();
    const input = { checkpoint: validCheckpoint(), conversation: CONVERSATION };
    const first = (await writeCheckpoint(octokit, REPO, ISSUE, input, POLICY)) as { commit: string };
    const stored = (await readCheckpoint(octokit, REPO, ISSUE))!;

    const settled = (await settleCheckpoint(octokit, REPO, ISSUE, stored, RESUMED, POLICY)) as { commit: string };
    expect(settled.commit).not.toBe(first.commit);
    expect(fake.state.refs.get(REF)).toBe(settled.commit);
    const made = fake.state.git.commits.get(settled.commit)!;
    // The waiting checkpoint stays in the history.
    expect(made.parents).toEqual([first.commit]);
    expect(made.message).toContain('resumed');
    expect(made.message).toContain(`run: ${validRun().runId}`);
    expect(made.message).toContain(`settled: resumed by maya in run ${RESUMED.runId}`);
    expect(filesOf(fake, settled.commit).get('conversation.json')).toBe(CONVERSATION);
    expect(await readCheckpoint(octokit, REPO, ISSUE)).toEqual({
      commit: settled.commit,
      checkpoint: {
        ...validCheckpoint(),
        status: 'resumed',
        settled: { by: 'maya', at: RESUMED.at, runId: RESUMED.runId },
      },
      conversation: MESSAGES,
      conversationProblem: null,
    });

    // A re-run of the resuming job settles it again: nothing is written.
    const requests = fake.requests.length;
    expect(await settleCheckpoint(octokit, REPO, ISSUE, stored, RESUMED, POLICY)).toEqual(settled);
    expect(writes(fake, requests)).toEqual([]);
  });

  test('a conversation file that does not read back is kept as it was, byte for byte', async () => {
    const { fake, octokit } = await setup();
    await pushByHand(fake, octokit, {
      'checkpoint.json': JSON.stringify(validCheckpoint()),
      'conversation.json': '[{"role": "sys',
    });
    const stored = (await readCheckpoint(octokit, REPO, ISSUE))!;
    expect(stored.conversation).toBeNull();
    const stopped = { ...RESUMED, status: 'stopped' as const };
    const settled = (await settleCheckpoint(octokit, REPO, ISSUE, stored, stopped, POLICY)) as { commit: string };
    expect(filesOf(fake, settled.commit).get('conversation.json')).toBe('[{"role": "sys');
    expect((await readCheckpoint(octokit, REPO, ISSUE))?.checkpoint.status).toBe('stopped');
  });

  test('a settlement that would not validate (a time that is not one) is never stored', async () => {
    const { fake, octokit } = await setup();
    await writeCheckpoint(octokit, REPO, ISSUE, { checkpoint: validCheckpoint(), conversation: null }, POLICY);
    const stored = (await readCheckpoint(octokit, REPO, ISSUE))!;
    const requests = fake.requests.length;
    await expect(
      settleCheckpoint(octokit, REPO, ISSUE, stored, { ...RESUMED, at: 'yesterday' }, POLICY),
    ).rejects.toThrow(/\$\.settled\.at: /);
    expect(writes(fake, requests)).toEqual([]);
    expect(fake.state.refs.get(REF)).toBe(stored.commit);
  });
});
