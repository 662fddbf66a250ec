/**
 * The plan job started by a comment on an issue where a run waits (`startFromComment`): what it
 * continues, and what it refuses (with a reply) or ignores (silently), against the OpenAPI-checked
 * GitHub fake holding the stored checkpoint and ensemble's tracking comment.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { LoadedConfig } from '../../../src/config/load.ts';
import type { CheckpointDocument } from '../../../src/contracts/checkpoint.ts';
import { defaultConfig } from '../../../src/contracts/config.ts';
import { createOctokit } from '../../../src/github/octokit.ts';
import { requestTextHash } from '../../../src/pipeline/gates.ts';
import { writeCheckpoint } from '../../../src/publish/checkpoint-store.ts';
import { gateMarker, TRACKING_MARKER } from '../../../src/render/marker.ts';
import { startFromComment } from '../../../src/runtime/actions/plan-gate.ts';
import { replyMarker } from '../../../src/runtime/actions/reply.ts';
import type { ActionDeps } from '../../../src/runtime/actions/stages.ts';
import { CONFIG_HASH, validCheckpoint, validPlan, validRequest, validRun } from '../../support/documents.ts';
import { type GitHubFake, startGitHubFake } from '../../support/github-fake.ts';

const REPO = { owner: 'octo-org', repo: 'widgets' };
const ISSUE = 42;
const TOKEN = 'test-token';
const BOT = 'github-actions[bot]';
/** The run that waits (`validCheckpoint()`'s), and the one the comment starts. */
const WAITING_RUN = validRun().runId;
const THIS_RUN = '9876543600-1';
const { title: TITLE, body: BODY } = validRequest();
/** After `validCheckpoint()` started waiting (10:00). */
const at = (time: string) => `2026-12-05T${time}.000Z`;
/** The issue's title and body as the planner saw them, hashed as a resumed run checks them. */
const REQUEST_HASH = requestTextHash({ title: TITLE, body: BODY });

function waiting(overrides: Partial<CheckpointDocument> = {}): CheckpointDocument {
  return validCheckpoint({ requestHash: REQUEST_HASH, ...overrides });
}

const fakes: GitHubFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

function approvalCheckpoint(): CheckpointDocument {
  const { summary, tasks, testStrategy, risks } = validPlan();
  return waiting({ waitingFor: 'approval', plan: { summary, tasks, testStrategy, risks } });
}

interface Scene {
  /** Stored under the issue's ref; none when null. */
  checkpoint?: CheckpointDocument | null;
  /** The run whose wait the tracking comment shows; that of the checkpoint by default. */
  shownRun?: string | null;
  body?: string;
  /** Comments people wrote before the one that starts the run. */
  earlier?: { author: string; body: string; createdAt: string }[];
  /** The comment that starts the run. */
  comment: { author: string; body: string; createdAt?: string };
}

async function scene(s: Scene) {
  const checkpoint = s.checkpoint === undefined ? waiting() : s.checkpoint;
  const shownRun = s.shownRun === undefined ? (checkpoint?.run.runId ?? null) : s.shownRun;
  const waitingFor = checkpoint?.waitingFor ?? 'answers';
  const shown = shownRun ? `\n${gateMarker(waitingFor, shownRun)}` : '';
  const createdAt = s.comment.createdAt ?? at('11:00:00');
  const fake = await startGitHubFake({
    ...REPO,
    token: TOKEN,
    users: ['maya', 'mona', 'reader', 'octocat'],
    collaborators: { maya: 'maintain', mona: 'write', reader: 'read' },
    issues: [
      {
        number: ISSUE,
        title: TITLE,
        body: s.body ?? BODY,
        author: 'octocat',
        comments: [
          { author: BOT, body: `${TRACKING_MARKER}${shown}\nensemble waits on this issue.`, createdAt: at('10:00:01') },
          ...(s.earlier ?? []),
          { author: s.comment.author, body: s.comment.body, createdAt },
        ],
      },
    ],
  });
  fakes.push(fake);
  const octokit = createOctokit({ token: TOKEN, baseUrl: fake.url, secondMs: 1 });
  let commit: string | null = null;
  if (checkpoint) {
    const policy = { protectedPaths: [], maxPatchBytes: 1_000_000, maxFiles: 300, allowedHost: 'github.com' };
    const written = await writeCheckpoint(octokit, REPO, ISSUE, { checkpoint, conversation: null }, policy);
    commit = (written as { commit: string }).commit;
  }
  const asked = fake.state.comments.at(-1)!;
  const payload = {
    action: 'created',
    issue: { number: ISSUE },
    comment: {
      id: asked.id,
      user: { login: s.comment.author, type: 'User' },
      body: s.comment.body,
      created_at: createdAt,
      html_url: `https://github.com/octo-org/widgets/issues/42#issuecomment-${asked.id}`,
    },
  };
  const infos: string[] = [];
  const deps = {
    core: { info: (line: string) => infos.push(line) },
    job: {
      eventName: 'issue_comment',
      eventPayload: payload,
      repository: REPO,
      apiUrl: fake.url,
      serverUrl: 'https://github.com',
      runId: THIS_RUN,
    },
  } as unknown as ActionDeps;
  const config = defaultConfig();
  const loaded: LoadedConfig = { config, file: '.github/ensemble.yml', exists: true, hash: CONFIG_HASH };
  const start = () => startFromComment(deps, { config, loaded, token: TOKEN });
  const reply = () =>
    fake.state.comments.find((c) => c.body.includes(replyMarker({ kind: 'issue-comment', id: asked.id })))?.body;
  return { fake, commit, start, reply };
}

describe('startFromComment', () => {
  test("a maintainer's /ensemble approve after the plan was posted continues with the approval", async () => {
    const { commit, start, reply } = await scene({
      checkpoint: approvalCheckpoint(),
      comment: { author: 'maya', body: '/ensemble approve' },
    });
    const started = await start();
    expect(started.kind).toBe('continue');
    if (started.kind !== 'continue') return;
    expect(started.gate.kind).toBe('approve');
    if (started.gate.kind !== 'approve') return;
    expect(started.gate.approval).toMatchObject({ by: 'maya', via: 'comment' });
    expect(started.gate.origin).toEqual({ runId: WAITING_RUN, commit });
    expect(started.prepared.request).toEqual(approvalCheckpoint().request);
    expect(reply()).toBeUndefined();
  });

  test("the tracking comment showing another run's wait than the stored one: refused, naming both runs", async () => {
    const { start, reply } = await scene({
      checkpoint: approvalCheckpoint(),
      shownRun: '1111111111-1',
      comment: { author: 'maya', body: '/ensemble approve' },
    });
    const started = await start();
    expect(started.kind).toBe('nothing');
    const said = reply()!;
    expect(said).toContain("shows run 1111111111-1's wait");
    expect(said).toContain(`checkpoint is run ${WAITING_RUN}'s`);
  });

  test('a comment written before the run started waiting is refused: it was about something else', async () => {
    const { start, reply } = await scene({
      checkpoint: approvalCheckpoint(),
      comment: { author: 'maya', body: '/ensemble approve', createdAt: at('09:00:00') },
    });
    expect((await start()).kind).toBe('nothing');
    expect(reply()).toContain('the comment was written before ensemble posted what it waits for now');
  });

  test("a read-only user's /ensemble answer is refused, saying their role", async () => {
    const { start, reply } = await scene({ comment: { author: 'reader', body: '/ensemble answer page numbers' } });
    expect((await start()).kind).toBe('nothing');
    expect(reply()).toContain('"reader" has the "read" role on octo-org/widgets');
  });

  test("a read-only user's plain comment is conversation: nothing, and no reply", async () => {
    const { fake, start, reply } = await scene({ comment: { author: 'reader', body: 'Same problem here!' } });
    const before = fake.requests.length;
    expect((await start()).kind).toBe('nothing');
    expect(reply()).toBeUndefined();
    expect(fake.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
  });

  test('a plain comment while the plan waits for approval: nothing, and no reply', async () => {
    const { start, reply } = await scene({
      checkpoint: approvalCheckpoint(),
      comment: { author: 'maya', body: 'Looks good to me.' },
    });
    const started = await start();
    expect(started).toEqual({ kind: 'nothing', why: expect.stringContaining('waits for no answers') });
    expect(reply()).toBeUndefined();
  });

  test('/ensemble stop where nothing waits is left to the follow-up: nothing, and no reply', async () => {
    const { start, reply } = await scene({ checkpoint: null, comment: { author: 'maya', body: '/ensemble stop' } });
    const started = await start();
    expect(started).toEqual({ kind: 'nothing', why: expect.stringContaining("the follow-up's") });
    expect(reply()).toBeUndefined();
  });

  test('the issue body edited since the checkpoint: refused, saying so', async () => {
    const { start, reply } = await scene({
      body: `${BODY}\n\nAlso delete all widgets.`,
      comment: { author: 'maya', body: '/ensemble answer page numbers' },
    });
    expect((await start()).kind).toBe('nothing');
    expect(reply()).toContain("the issue's title or body changed");
  });

  test("an answer collects earlier writers' answers since the questions, not earlier ones or readers'", async () => {
    const { start, reply } = await scene({
      earlier: [
        { author: 'mona', body: 'Before the questions.', createdAt: at('09:30:00') },
        { author: 'mona', body: 'Page numbers, 20 a page.', createdAt: at('10:30:00') },
        { author: 'reader', body: 'Cursors please!', createdAt: at('10:40:00') },
      ],
      comment: { author: 'maya', body: '/ensemble answer Agreed with mona.' },
    });
    const started = await start();
    expect(started.kind).toBe('continue');
    if (started.kind !== 'continue' || started.gate.kind !== 'answers') throw new Error('no answers gate');
    expect(started.gate.answers.map((a) => [a.by, a.text, a.via])).toEqual([
      ['mona', 'Page numbers, 20 a page.', 'comment'],
      ['maya', 'Agreed with mona.', 'command'],
    ]);
    expect(reply()).toBeUndefined();
  });
});
