/**
 * The repository's CI as the tests of ensemble's CI watch play it: a workflow, and the
 * `workflow_run` (completed) event GitHub sends for one of the GitHub fake's runs.
 */
import type { Harness } from './actions-harness.ts';
import { workflowRunShape } from './github-fake-actions.ts';

/** The repository's CI workflow, as `addWorkflowRun` seeds its runs. */
export const CI_WORKFLOW = { name: 'CI', path: '.github/workflows/ci.yml', event: 'pull_request' };

/** `workflow_run` completed for run `id` of the fake, as GitHub sends it, naming pull request `pull`. */
export function workflowRunEvent(h: Harness, id: number, pull: number) {
  const run = h.github.workflowRun(id)!;
  return {
    name: 'workflow_run',
    payload: {
      action: 'completed',
      workflow_run: {
        id,
        name: run.name,
        workflow_id: workflowRunShape(h.github.state, run).workflow_id,
        head_branch: run.headBranch,
        head_sha: run.headSha,
        event: run.event,
        status: 'completed',
        conclusion: run.conclusion,
        run_attempt: run.runAttempt,
        html_url: run.htmlUrl,
        pull_requests: [{ number: pull }],
        head_repository: { full_name: 'octo-org/textkit' },
      },
      repository: { full_name: 'octo-org/textkit', default_branch: 'main' },
      sender: { login: 'github-actions[bot]', type: 'Bot' },
    },
  };
}
