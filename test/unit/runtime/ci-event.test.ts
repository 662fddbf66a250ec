/**
 * `decideCiEvent`: which `workflow_run` and `check_suite` deliveries concern one of ensemble's pull
 * requests. The payloads are GitHub's (test/fixtures/events/README.md), changed only in what each
 * case is about.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type CiDecision, decideCiEvent } from '../../../src/runtime/actions/ci-event.ts';
import { repoRoot } from '../../support/node24.ts';

// biome-ignore lint/suspicious/noExplicitAny: payloads are JSON the tests reshape freely
type Payload = any;

const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

function fixture(name: string, edit: (p: Payload) => void = () => {}): Payload {
  const payload = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/events', `${name}.json`), 'utf8'));
  edit(payload);
  return payload;
}

const workflowRun = (edit?: (p: Payload) => void) => fixture('workflow_run.completed', edit);
const checkSuite = (edit?: (p: Payload) => void) => fixture('check_suite.completed', edit);

function reasonOf(decision: CiDecision): string {
  if (decision.act) throw new Error(`expected no action, got ${JSON.stringify(decision.event)}`);
  return decision.reason;
}

describe('decideCiEvent: workflow_run', () => {
  test("a failed run on ensemble's branch acts, with the run's id, attempt, pull requests, name and page", () => {
    expect(decideCiEvent('workflow_run', workflowRun())).toEqual({
      act: true,
      event: {
        source: 'workflow_run',
        id: 9012345678,
        attempt: 1,
        headSha: HEAD,
        headBranch: 'ensemble/issue-7',
        conclusion: 'failure',
        pulls: [42],
        name: 'CI',
        url: 'https://github.com/octo-org/widgets/actions/runs/9012345678',
      },
    });
  });

  test('a successful run acts too (a green head may be marked ready), and a re-run carries its attempt', () => {
    const decision = decideCiEvent(
      'workflow_run',
      workflowRun((p) => {
        p.workflow_run.conclusion = 'success';
        p.workflow_run.run_attempt = 2;
        p.workflow_run.previous_attempt_url = `${p.workflow_run.url}/attempts/1`;
      }),
    );
    expect(decision).toMatchObject({ act: true, event: { conclusion: 'success', attempt: 2, id: 9012345678 } });
  });

  test.each(['requested', 'in_progress'])('a run that is %s is not acted on', (action) => {
    const payload = workflowRun((p) => {
      p.action = action;
      p.workflow_run.status = action === 'requested' ? 'queued' : 'in_progress';
      p.workflow_run.conclusion = null;
    });
    expect(reasonOf(decideCiEvent('workflow_run', payload))).toBe('workflow run 9012345678 has not completed');
  });

  test.each(['main', 'feature/ensemble/issue-7', 'ensemble'])('a run on the branch %s is not ensemble’s', (branch) => {
    const payload = workflowRun((p) => {
      p.workflow_run.head_branch = branch;
      p.workflow_run.pull_requests[0].head.ref = branch;
    });
    expect(reasonOf(decideCiEvent('workflow_run', payload))).toMatch(/is not on a branch of ensemble's/);
  });

  test("a run of a fork's pull request is not ensemble's, though the fork's branch is named ensemble/…", () => {
    const payload = workflowRun((p) => {
      p.workflow_run.head_repository = { ...p.workflow_run.head_repository, full_name: 'mallory/widgets', fork: true };
      p.workflow_run.pull_requests = [];
    });
    expect(reasonOf(decideCiEvent('workflow_run', payload))).toMatch(/is not on a branch of ensemble's/);
  });

  test('a run GitHub names no pull request for still acts: the caller finds it by its branch', () => {
    const decision = decideCiEvent(
      'workflow_run',
      workflowRun((p) => {
        p.workflow_run.pull_requests = [];
      }),
    );
    expect(decision).toMatchObject({ act: true, event: { pulls: [], headBranch: 'ensemble/issue-7' } });
  });

  test.each([
    ['null', null],
    // GitHub's own example payload of this event (octokit/webhooks) sends an empty name.
    ['empty', ''],
  ])("a run whose name is %s is named by its id (a follow-up's trigger needs a name)", (_, name) => {
    const decision = decideCiEvent(
      'workflow_run',
      workflowRun((p) => {
        p.workflow_run.name = name;
      }),
    );
    expect(decision).toMatchObject({ act: true, event: { name: 'workflow run 9012345678' } });
  });

  test('a payload without a usable head SHA is refused, naming the field', () => {
    const payload = workflowRun((p) => {
      p.workflow_run.head_sha = 'not-a-sha';
    });
    expect(reasonOf(decideCiEvent('workflow_run', payload))).toMatch(
      /^the workflow_run event's payload has no usable workflow_run\.head_sha \(/,
    );
  });

  test('a payload without its workflow_run object is refused, naming it', () => {
    const payload = workflowRun((p) => {
      delete p.workflow_run;
    });
    expect(reasonOf(decideCiEvent('workflow_run', payload))).toMatch(/has no usable workflow_run \(/);
  });
});

describe('decideCiEvent: check_suite', () => {
  test("a failed check suite on ensemble's branch acts, named by its app, attempt 1 and no page", () => {
    expect(decideCiEvent('check_suite', checkSuite())).toEqual({
      act: true,
      event: {
        source: 'check_suite',
        id: 28517425421,
        attempt: 1,
        headSha: HEAD,
        headBranch: 'ensemble/issue-7',
        conclusion: 'failure',
        pulls: [42],
        name: 'octocoders-linter',
        url: null,
      },
    });
  });

  test('a successful check suite acts', () => {
    const decision = decideCiEvent(
      'check_suite',
      checkSuite((p) => {
        p.check_suite.conclusion = 'success';
      }),
    );
    expect(decision).toMatchObject({ act: true, event: { conclusion: 'success', source: 'check_suite' } });
  });

  test.each(['requested', 'rerequested'])('a check suite %s is not acted on', (action) => {
    const payload = checkSuite((p) => {
      p.action = action;
      p.check_suite.status = 'queued';
      p.check_suite.conclusion = null;
    });
    expect(reasonOf(decideCiEvent('check_suite', payload))).toBe('check suite 28517425421 has not completed');
  });

  test('a check suite on another branch is not ensemble’s', () => {
    const payload = checkSuite((p) => {
      p.check_suite.head_branch = 'main';
    });
    expect(reasonOf(decideCiEvent('check_suite', payload))).toMatch(/is not on a branch of ensemble's/);
  });

  test("a fork's check suite (GitHub sends a null head_branch and no pull requests) is not ensemble's", () => {
    const payload = checkSuite((p) => {
      p.check_suite.head_branch = null;
      p.check_suite.pull_requests = [];
    });
    expect(reasonOf(decideCiEvent('check_suite', payload))).toMatch(/is not on a branch of ensemble's/);
  });

  test('a check suite naming no pull request still acts, with pulls []', () => {
    const decision = decideCiEvent(
      'check_suite',
      checkSuite((p) => {
        p.check_suite.pull_requests = [];
      }),
    );
    expect(decision).toMatchObject({ act: true, event: { pulls: [] } });
  });

  test('a check suite without an app (or its slug) is named by its id', () => {
    for (const app of [null, { id: 29310, slug: '' }]) {
      const decision = decideCiEvent(
        'check_suite',
        checkSuite((p) => {
          p.check_suite.app = app;
        }),
      );
      expect(decision).toMatchObject({ act: true, event: { name: 'check suite 28517425421' } });
    }
  });

  test('a payload whose pull request has no number is refused, naming the field', () => {
    const payload = checkSuite((p) => {
      delete p.check_suite.pull_requests[0].number;
    });
    expect(reasonOf(decideCiEvent('check_suite', payload))).toMatch(
      /^the check_suite event's payload has no usable check_suite\.pull_requests\.0\.number \(/,
    );
  });
});

test('an event that is no CI event is not acted on, whatever its payload', () => {
  expect(reasonOf(decideCiEvent('check_run', checkSuite()))).toBe('a check_run event is no CI event');
  expect(reasonOf(decideCiEvent('pull_request', workflowRun()))).toBe('a pull_request event is no CI event');
});
