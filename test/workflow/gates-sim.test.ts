import { afterEach, describe, expect, test } from 'vitest';
import { checkpointRefFor } from '../../src/publish/checkpoint-store.ts';
import { type Harness, labeledEvent, MAINTAINER_SEED, startHarness } from '../support/actions-harness.ts';
import { PLAN } from '../support/demo-model.ts';
import { runExampleCaller } from '../support/example-caller-run.ts';
import { call, smallConfig } from '../support/fix-script.ts';
import { withOverrides } from '../support/local-e2e.ts';
import { requireSandboxForTests } from '../support/sandbox-required.ts';
import type { ScriptedRequest } from '../support/scripted-model.ts';

/**
 * The gates on GitHub: the example caller fired by a label and then by people's comments on the
 * issue, pipeline.yml run by the workflow simulator with the real action bundles, against the
 * GitHub fake, the artifact fake and the scripted model. Every workflow run has only its own
 * artifacts (as on GitHub once the first run's expired): each run that continues a wait does so
 * from the checkpoint stored under refs/ensemble/checkpoints/ alone.
 */

const ISSUE = 12;
const VAGUE = 'Make the slugs shorter, and count sentences too.';
const QUESTION = 'How many characters may a slug have at most?';
const ANSWER = 'At most 40 characters, cut at a whole word.';
const REVISION = 'Do the sentence counting in its own task, after the slug change.';
const LABEL = 'ensemble:needs-info';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The text of the newest user message: what the planner was just told. */
const lastUserText = (request: ScriptedRequest) =>
  request.messages.filter((m) => m.role === 'user' && m.text.trim() !== '').at(-1)?.text ?? '';

interface Planner {
  /** Each planner request's newest user message, in order. */
  told: string[];
  /** How many earlier messages each planner request carried (a resumed planner carries its conversation). */
  carried: number[];
}

/**
 * The demo, except the planner: a fresh one reads slugify.js and asks how long a slug may be; told
 * the answer, it plans the demo's tasks with the answer's limit in the summary; asked to revise, it
 * says so in the summary.
 */
function gateScript(planner: Planner) {
  return withOverrides((request, turn) => {
    if (!request.system.includes('You are the planning agent')) return null;
    const told = lastUserText(request);
    planner.told.push(told);
    planner.carried.push(request.messages.length);
    if (told.includes('Your questions were answered')) {
      const limit = /At most (\d+) characters/.exec(told)?.[1] ?? 'no';
      return call('submit_plan', { ...PLAN, summary: `Cut slugs at ${limit} characters; count sentences.` });
    }
    if (told.includes('asked for a revised plan')) {
      // The answer is not in the revision's message: only in the conversation this planner continues.
      const earlier = request.messages.map((m) => m.text).join('\n');
      const limit = /At most (\d+) characters/.exec(earlier)?.[1] ?? 'no';
      const [slug, count] = PLAN.tasks;
      const revised = { ...PLAN, summary: `Revised: cut slugs at ${limit} characters; sentences after the slugs.` };
      return call('submit_plan', { ...revised, tasks: [slug, { ...count, dependsOn: [slug?.id] }] });
    }
    if (turn === 0) return call('read_file', { path: 'src/slugify.js' });
    return call('ask_questions', {
      findings: 'slugify() in src/slugify.js has no length limit; nothing counts sentences yet.',
      questions: [
        { id: 'max-length', question: QUESTION, why: 'The cut and its tests depend on it.', options: ['40', '80'] },
      ],
    });
  });
}

/** A person's new comment on the issue: in the fake, and as the `issue_comment` event it sends. */
function comment(h: Harness, login: string, body: string) {
  const id = h.github.state.nextId();
  const at = new Date().toISOString();
  h.github.state.comments.push({ id, issue: ISSUE, author: login, body, createdAt: at, updatedAt: at });
  const labels = (h.github.state.issues.get(ISSUE)?.labels ?? []).map((name) => ({ name }));
  return {
    name: 'issue_comment',
    payload: {
      action: 'created',
      issue: { number: ISSUE, state: 'open', labels },
      comment: {
        id,
        body,
        created_at: at,
        html_url: `https://github.com/octo-org/textkit/issues/${ISSUE}#issuecomment-${id}`,
        user: { login, type: 'User' },
        author_association: login === 'visitor' ? 'NONE' : 'COLLABORATOR',
      },
      repository: { full_name: 'octo-org/textkit', default_branch: 'main' },
      sender: { login, type: 'User' },
    },
  };
}

const SEED = {
  ...MAINTAINER_SEED,
  collaborators: { maintainer: 'maintain' as const, visitor: 'read' as const },
  users: ['maintainer', 'visitor'],
  issues: [{ number: ISSUE, title: 'Shorter slugs', body: VAGUE, author: 'maintainer', comments: [] }],
};

const tracking = (h: Harness) => h.github.state.comments.find((c) => c.body.includes('ensemble:tracking'))?.body ?? '';
const replies = (h: Harness) => h.github.state.comments.filter((c) => c.body.includes('ensemble:reply'));
const labels = (h: Harness) => h.github.state.issues.get(ISSUE)?.labels ?? [];
const blobText = (h: Harness, commit: string, path: string) => {
  const { git } = h.github.state;
  const entry = git.flatten(git.commits.get(commit)!.tree).get(path);
  return entry ? git.blobs.get(entry.sha)!.toString('utf8') : null;
};
const storedCheckpoint = (h: Harness) => {
  const commit = h.github.state.refs.get(checkpointRefFor(ISSUE));
  return commit ? JSON.parse(blobText(h, commit, 'checkpoint.json') ?? 'null') : null;
};

describe('pipeline.yml: questions, answers and approval in the issue', () => {
  requireSandboxForTests('the code and test actions, whose commands run in the sandbox');

  test('a vague issue waits with questions; a writer answers, the plan waits for approval, is revised and approved', async () => {
    const planner: Planner = { told: [], carried: [] };
    const h = await startHarness(gateScript(planner), SEED, smallConfig('gates:\n  approval: comment\n'));
    harness = h;

    // The label: the planner asks. No code, no branch; the questions, the label and a checkpoint.
    const asked = await runExampleCaller(h, labeledEvent(ISSUE, 'maintainer'), { simulate: { runId: '7001' } });
    expect(asked.jobs['plan']?.result, asked.log()).toBe('success');
    expect(asked.jobs['code']?.result).toBe('skipped');
    expect(asked.jobs['publish']?.result, asked.log()).toBe('success');
    expect(h.github.state.pulls.size).toBe(0);
    expect([...h.github.state.refs.keys()].filter((ref) => ref.startsWith('refs/heads/ensemble/'))).toEqual([]);
    expect(labels(h)).toContain(LABEL);
    expect(tracking(h)).toContain(QUESTION);
    expect(tracking(h)).toContain('/ensemble answer');
    expect(storedCheckpoint(h)).toMatchObject({ status: 'waiting', waitingFor: 'answers' });

    // A read-only user's answer: refused with the reason; nothing runs after the plan job.
    const before = planner.told.length;
    const visitor = await runExampleCaller(h, comment(h, 'visitor', '/ensemble answer 200 characters'), {
      simulate: { runId: '7002' },
    });
    expect(visitor.jobs['plan']?.result, visitor.log()).toBe('success');
    expect(visitor.jobs['publish']?.result).toBe('skipped');
    expect(replies(h).at(-1)?.body).toMatch(/"visitor" has the "read" role/);
    expect(planner.told.length).toBe(before);

    // A maintainer answers in a plain comment: the planner continues its conversation with the answer,
    // and the plan waits for approval. The label comes off: no answers are wanted any more.
    const answered = await runExampleCaller(h, comment(h, 'maintainer', ANSWER), { simulate: { runId: '7003' } });
    expect(answered.jobs['plan']?.result, answered.log()).toBe('success');
    expect(answered.jobs['code']?.result).toBe('skipped');
    const toldAnswer = planner.told.at(-1)!;
    expect(toldAnswer).toMatch(/<untrusted source="answer by @maintainer">[\s\S]*At most 40 characters/);
    // The resumed planner started from its earlier conversation (request, read_file and its result, ask_questions).
    expect(planner.carried.at(-1)).toBeGreaterThanOrEqual(5);
    expect(labels(h)).not.toContain(LABEL);
    expect(tracking(h)).toContain('Cut slugs at 40 characters');
    expect(tracking(h)).toContain('/ensemble approve');
    expect(storedCheckpoint(h)).toMatchObject({ status: 'waiting', waitingFor: 'approval' });

    // Revise: the planner gets the instructions, and the new plan waits in place of the old.
    const revised = await runExampleCaller(h, comment(h, 'maintainer', `/ensemble revise ${REVISION}`), {
      simulate: { runId: '7004' },
    });
    expect(revised.jobs['plan']?.result, revised.log()).toBe('success');
    expect(planner.told.at(-1)).toMatch(/revision asked by @maintainer[\s\S]*in its own task/);
    expect(tracking(h)).toContain('Revised: cut slugs at 40 characters; sentences after the slugs.');

    // The issue's body changes: an approval is refused, saying why, and nothing is coded.
    const issue = h.github.state.issues.get(ISSUE)!;
    issue.body = `${VAGUE} Also make it fast.`;
    const refused = await runExampleCaller(h, comment(h, 'maintainer', '/ensemble approve'), {
      simulate: { runId: '7005' },
    });
    expect(refused.jobs['code']?.result, refused.log()).toBe('skipped');
    expect(replies(h).at(-1)?.body).toMatch(/title or body changed since ensemble posted its plan/);

    // The body as it was: the approval codes exactly the posted plan, with no planning call.
    issue.body = VAGUE;
    const calls = planner.told.length;
    const approved = await runExampleCaller(h, comment(h, 'maintainer', '/ensemble approve'), {
      simulate: { runId: '7006' },
    });
    expect(approved.jobs['publish']?.result, approved.log()).toBe('success');
    expect(planner.told.length).toBe(calls);
    const [pull] = [...h.github.state.pulls.values()];
    // The plan coded is the one posted, and it reflects the answer.
    expect(pull?.body).toContain('Revised: cut slugs at 40 characters; sentences after the slugs.');
    expect(pull?.body).toMatch(/approved by @\u200B?maintainer/i);
    expect(pull?.body).toContain('At most 40 characters');
    expect(storedCheckpoint(h)).toMatchObject({ status: 'resumed', settled: { runId: '7006' } });
    // The tracking comment's final report names the approver too.
    expect(tracking(h)).toMatch(/Plan approved by @\u200B?maintainer/);

    // A second approval finds nothing waiting, and says so.
    await runExampleCaller(h, comment(h, 'maintainer', '/ensemble approve'), { simulate: { runId: '7007' } });
    expect(replies(h).at(-1)?.body).toMatch(/already continued/);
    expect(h.github.state.pulls.size).toBe(1);
    expect(h.github.problems).toEqual([]);
    expect(h.artifacts.problems).toEqual([]);
    expect(h.model.problems).toEqual([]);
  }, 900_000);

  test('stop abandons the questions; a changed configuration and a stopped wait are refused', async () => {
    const planner: Planner = { told: [], carried: [] };
    const h = await startHarness(gateScript(planner), SEED, smallConfig());
    harness = h;
    const asked = await runExampleCaller(h, labeledEvent(ISSUE, 'maintainer'), { simulate: { runId: '7101' } });
    expect(asked.jobs['publish']?.result, asked.log()).toBe('success');
    expect(labels(h)).toContain(LABEL);

    // The configuration on the default branch changes: the answer is refused, saying why.
    h.github.pushAsPerson({
      branch: 'main',
      files: { '.github/ensemble.yml': 'review:\n  lenses: [security]\nstages:\n  docs:\n    enabled: false\n' },
      message: 'Review for security',
      author: 'maintainer',
    });
    const changed = await runExampleCaller(h, comment(h, 'maintainer', ANSWER), { simulate: { runId: '7102' } });
    expect(changed.jobs['publish']?.result, changed.log()).toBe('skipped');
    expect(replies(h).at(-1)?.body).toMatch(/the configuration changed since ensemble posted its questions/);

    // Stop: the checkpoint is settled, the label comes off, and the tracking comment says who stopped it.
    const stop = await runExampleCaller(h, comment(h, 'maintainer', '/ensemble stop'), {
      job: 'ensemble',
      simulate: { runId: '7103' },
    });
    expect(stop.jobs['publish']?.result, stop.log()).toBe('success');
    expect(storedCheckpoint(h)).toMatchObject({ status: 'stopped', settled: { by: 'maintainer', runId: '7103' } });
    expect(labels(h)).not.toContain(LABEL);
    expect(tracking(h)).toMatch(/Stopped by @\u200B?maintainer/i);

    // An answer after the stop: refused, and the planner is not called.
    const calls = planner.told.length;
    await runExampleCaller(h, comment(h, 'maintainer', '/ensemble answer 40'), { simulate: { runId: '7104' } });
    expect(replies(h).at(-1)?.body).toMatch(/was stopped by @maintainer/);
    expect(planner.told.length).toBe(calls);
    expect(h.github.state.pulls.size).toBe(0);
    expect(h.github.problems).toEqual([]);
  }, 600_000);
});
