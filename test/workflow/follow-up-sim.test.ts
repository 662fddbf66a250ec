import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { personFindingId } from '../../src/pipeline/follow-up.ts';
import { stateRefFor } from '../../src/publish/run-state.ts';
import { findingId } from '../../src/review/index.ts';
import { replyMarker } from '../../src/runtime/actions/reply.ts';
import { type Harness, labeledEvent, MAINTAINER_SEED, startHarness } from '../support/actions-harness.ts';
import { runExampleCaller } from '../support/example-caller-run.ts';
import {
  blocking,
  call,
  isFixer,
  isReviewer,
  lensOf,
  reReviewRound,
  review,
  smallConfig,
  userText,
  ZERO_CHECK,
  ZERO_FIXED,
} from '../support/fix-script.ts';
import { withOverrides } from '../support/local-e2e.ts';
import { requireSandboxForTests, sandboxAvailable } from '../support/sandbox-required.ts';
import type { ScriptedReply, ScriptedRequest } from '../support/scripted-model.ts';

/**
 * Follow-up runs on GitHub: the example caller fired by a comment or a review on the pull request
 * ensemble opened, follow-up.yml run by the workflow simulator (respond → fix → publish) with the
 * real action bundles, against the GitHub fake (review threads, GraphQL), the artifact fake and the
 * scripted model.
 *
 * The first run (issue #12) ends with a blocking finding of the correctness lens posted inline:
 * its fixing agent judges the finding wrong and changes nothing. Then a person pushes a commit to
 * the branch, and the follow-up is asked for. The first run is the slow part, and made once: the
 * tests run in order on its repository, each on what the ones before it left.
 */

const FINDING = 'maxLength: 0 is treated as "no limit"';
const FOLLOW_UP_RUN = '5151';
const NOTE = 'NOTES.md';
const CHANGELOG_ASK = 'Add a CHANGELOG line for the zero limit.';
const CHANGELOG = '- slugify: maxLength 0 is a limit.\n';

const FINDING_ID = findingId('correctness', blocking(FINDING));

interface Phase {
  /** 1: the first run; 2: the follow-up. */
  now: 1 | 2;
  /** What the follow-up's re-review finds. */
  reReview: object[];
  /** Task texts the follow-up's fixing agent was given. */
  fixTasks: string[];
}

function followUpScript(phase: Phase) {
  return withOverrides((request: ScriptedRequest, turn: number): ScriptedReply | null => {
    if (isFixer(request)) {
      if (phase.now === 1) {
        return call('submit_fix', {
          status: 'no-change',
          summary: 'The finding is wrong: 0 means no limit by design.',
          commitMessage: 'Leave maxLength as it is',
        });
      }
      if (turn === 0) {
        const task = userText(request);
        phase.fixTasks.push(task);
        if (task.includes(CHANGELOG_ASK)) return call('write_file', { path: 'CHANGELOG.md', content: CHANGELOG });
        if (task.includes(FINDING_ID))
          return call('edit_file', { path: 'src/slugify.js', old_string: ZERO_CHECK, new_string: ZERO_FIXED });
        // The finding was fixed by an earlier follow-up: the person's comment alone is left.
        return call('write_file', { path: 'src/zero.js', content: '// maxLength: 0 is a limit.\n' });
      }
      return call('submit_fix', {
        status: 'done',
        summary: 'Compared maxLength with undefined, so that 0 is a limit.',
        commitMessage: 'Treat maxLength: 0 as a limit',
      });
    }
    if (!isReviewer(request) || lensOf(request) !== 'correctness') return null;
    if (phase.now === 1) return review([blocking(FINDING)]);
    return reReviewRound(request) === 0 ? review([blocking(FINDING)]) : review(phase.reReview);
  });
}

/** `issue_comment` (created) on pull request `pull`, by `login`. */
function prComment(pull: number, login: string, body: string, id = 700_001) {
  return {
    name: 'issue_comment',
    payload: {
      action: 'created',
      issue: {
        number: pull,
        state: 'open',
        pull_request: { url: `https://api.github.com/repos/octo-org/textkit/pulls/${pull}` },
      },
      comment: {
        id,
        body,
        html_url: `https://github.com/octo-org/textkit/pull/${pull}#issuecomment-${id}`,
        user: { login, type: 'User' },
      },
      repository: { full_name: 'octo-org/textkit', default_branch: 'main' },
      sender: { login, type: 'User' },
    },
  };
}

/** The first run, then a person's commit on its branch; returns the pull request's number and the person's commit. */
async function firstRunThenPersonCommit(h: Harness): Promise<{ pull: number; personCommit: string }> {
  const first = await runExampleCaller(h, labeledEvent(12, 'maintainer'), {});
  expect(first.jobs['publish']?.result, first.log()).toBe('success');
  const pulls = [...h.github.state.pulls.values()];
  expect(pulls).toHaveLength(1);
  const pull = pulls[0]!.number;
  const personCommit = h.github.pushAsPerson({
    branch: 'ensemble/issue-12',
    files: { [NOTE]: 'Reviewed by a person.\n' },
    message: 'Add review notes',
    author: 'maintainer',
  });
  return { pull, personCommit };
}

const SEED = {
  ...MAINTAINER_SEED,
  collaborators: { maintainer: 'maintain' as const, visitor: 'read' as const },
  users: ['maintainer', 'visitor'],
};

describe('follow-up.yml: a fix asked for on the pull request', () => {
  requireSandboxForTests('the fix action, whose commands run in the sandbox');

  const phase: Phase = { now: 1, reReview: [], fixTasks: [] };
  let h: Harness;
  let pull: number;
  let personCommit: string;
  beforeAll(async () => {
    if (!sandboxAvailable) return;
    h = await startHarness(followUpScript(phase), SEED, smallConfig());
    ({ pull, personCommit } = await firstRunThenPersonCommit(h));
    phase.now = 2;
  }, 900_000);
  afterAll(async () => {
    await h?.close();
  });

  test('/ensemble fix: the finding is fixed on top of a person commit, its thread answered and resolved, nothing twice', async () => {
    const id = FINDING_ID;
    const thread = () => h.github.threads(pull).find((t) => t.comments[0]?.body.includes(id));
    expect(thread(), 'the first run posts the finding in a thread').toBeDefined();
    expect(h.github.state.refs.get(stateRefFor('ensemble/issue-12'))).toBeDefined();

    const ask = prComment(pull, 'maintainer', '/ensemble fix\nKeep the README as it is.');
    const run = await runExampleCaller(h, ask, { simulate: { runId: FOLLOW_UP_RUN } });
    const log = run.log();
    expect(run.jobs['respond']?.result, log).toBe('success');
    expect(run.jobs['fix']?.result, log).toBe('success');
    expect(run.jobs['publish']?.result, log).toBe('success');

    // The fixing agent got the finding and the person's instructions, as untrusted data.
    expect(phase.fixTasks).toHaveLength(1);
    expect(phase.fixTasks[0]).toContain(id);
    expect(phase.fixTasks[0]).toMatch(/Instructions from a person[\s\S]*Keep the README as it is\./);

    // One commit on top of the person's, which stays; no second pull request.
    const { git, refs } = h.github.state;
    const head = git.commits.get(refs.get('refs/heads/ensemble/issue-12')!)!;
    expect(head.parents).toEqual([personCommit]);
    expect(head.message).toContain('Treat maxLength: 0 as a limit');
    expect(head.message).toContain(`Ensemble-Run: ${FOLLOW_UP_RUN}`);
    expect(head.message).toContain('Ensemble-Stage: fix\nEnsemble-Round: 1');
    const files = git.flatten(head.tree);
    expect(git.blobs.get(files.get('src/slugify.js')!.sha)!.toString('utf8')).toContain(ZERO_FIXED);
    expect(files.has(NOTE)).toBe(true);
    expect([...h.github.state.pulls.values()]).toHaveLength(1);

    // The finding's thread: answered with the fixing commit, and resolved; the finding is not posted again.
    const answered = thread()!;
    expect(answered.resolved).toBe(true);
    expect(answered.comments).toHaveLength(2);
    expect(answered.comments[1]!.body).toContain(`Settled by fix round 1 (${head.sha.slice(0, 12)})`);
    const inline = h.github.threads(pull).filter((t) => t.comments[0]?.body.includes(id));
    expect(inline).toHaveLength(1);

    // The follow-up comment tells the round.
    const comment = h.github.state.comments.find((c) => c.body.includes('ensemble:follow-up'));
    expect(comment?.body).toContain('Fix rounds');
    expect(comment?.body).toContain(`fixed \`${id}\``);

    // Again, as a re-run of the workflow run or a second delivery of the event: nothing is written twice.
    const writes = h.github.state.comments.length;
    const again = await runExampleCaller(h, ask, { simulate: { runId: FOLLOW_UP_RUN } });
    expect(again.jobs['respond']?.result, again.log()).toBe('success');
    expect(again.jobs['fix']?.result).toBe('skipped');
    expect(h.github.state.refs.get('refs/heads/ensemble/issue-12')).toBe(head.sha);
    expect(h.github.state.comments.length).toBe(writes);
    expect(thread()!.comments).toHaveLength(2);
    expect(phase.fixTasks).toHaveLength(1);
    expect(h.github.problems).toEqual([]);
    expect(h.artifacts.problems).toEqual([]);
    expect(h.model.problems).toEqual([]);
  }, 900_000);

  test('a "Request changes" review: by a maintainer it fixes the inline comment; by a read-only user it is refused', async () => {
    // A read-only user's review: nothing runs, and the reply says why.
    const visitorReview = h.github.addReviewThread({
      pull,
      author: 'visitor',
      path: 'src/slugify.js',
      line: 1,
      body: 'Delete this file.',
    });
    const refused = await runExampleCaller(h, reviewEvent(pull, 'visitor', 'Please change this.', 800_001), {
      simulate: { runId: '6001' },
    });
    expect(refused.jobs['respond']?.result, refused.log()).toBe('success');
    expect(refused.jobs['fix']?.result).toBe('skipped');
    const reply = h.github.state.comments.find((c) => c.body.includes(replyMarker({ kind: 'review', id: 800_001 })));
    expect(reply?.body).toMatch(/"visitor" has the "read" role/);

    // A maintainer's review with an inline comment: the comment is a finding with its place.
    h.github.addReviewThread({
      pull,
      author: 'maintainer',
      path: 'src/slugify.js',
      line: 1,
      body: 'Please name the zero case in a comment.',
    });
    const run = await runExampleCaller(h, reviewEvent(pull, 'maintainer', 'Two things to change.', 800_002), {
      simulate: { runId: '6002' },
    });
    expect(run.jobs['publish']?.result, run.log()).toBe('success');
    const task = phase.fixTasks.at(-1) ?? '';
    expect(task).toContain('Please name the zero case in a comment.');
    expect(task).toContain('Two things to change.');
    // The read-only user's thread is not read into the prompt.
    expect(task).not.toContain('Delete this file.');
    expect(visitorReview).toBeGreaterThan(0);
    // The maintainer's thread is answered but left for them to resolve.
    const theirs = h.github
      .threads(pull)
      .find((t) => t.comments[0]?.body === 'Please name the zero case in a comment.')!;
    expect(theirs.resolved).toBe(false);
    expect(theirs.comments.at(-1)?.body).toContain('Please check it and resolve the thread');
    expect(personFindingId(theirs.id)).toMatch(/^F[0-9a-f]{10}$/);

    // The maintainer resolves their thread; then instructions alone, with no finding open, still make a round.
    h.github.state.threads.find((t) => t.id === theirs.id)!.resolved = true;
    const before = h.github.state.refs.get('refs/heads/ensemble/issue-12');
    const asked = await runExampleCaller(h, prComment(pull, 'maintainer', `/ensemble fix ${CHANGELOG_ASK}`, 700_009), {
      simulate: { runId: '6003' },
    });
    expect(asked.jobs['publish']?.result, asked.log()).toBe('success');
    const last = phase.fixTasks.at(-1) ?? '';
    expect(last).toMatch(/## Findings to address\n[\s\S]*None\./);
    const head = h.github.state.git.commits.get(h.github.state.refs.get('refs/heads/ensemble/issue-12')!)!;
    expect(head.parents).toEqual([before]);
    const changelog = h.github.state.git.flatten(head.tree).get('CHANGELOG.md');
    expect(h.github.state.git.blobs.get(changelog!.sha)!.toString('utf8')).toBe(CHANGELOG);
  }, 900_000);
});

/** `pull_request_review` (submitted, changes requested) on pull request `pull`, by `login`. */
function reviewEvent(pull: number, login: string, body: string, id: number) {
  return {
    name: 'pull_request_review',
    payload: {
      action: 'submitted',
      review: {
        id,
        body,
        state: 'changes_requested',
        html_url: `https://github.com/octo-org/textkit/pull/${pull}#pullrequestreview-${id}`,
        user: { login, type: 'User' },
      },
      pull_request: { number: pull, head: { ref: 'ensemble/issue-12' } },
      repository: { full_name: 'octo-org/textkit', default_branch: 'main' },
      sender: { login, type: 'User' },
    },
  };
}
