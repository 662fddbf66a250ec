/**
 * What GitHub does when a job bound to an `environment` is about to start, for the workflow
 * simulator, over the GitHub fake's model (so that the approve action, reading the same
 * environments and run approvals through the API, sees what GitHub would show it):
 *
 * - an environment the repository does not have is created on the spot, without any protection
 *   rule, and the job runs at once;
 * - an environment without required reviewers lets the job run at once;
 * - a private repository on the Free, Pro or Team plan cannot have required reviewers: its
 *   environment's gate passes at once, whatever the environment lists, and records no approval;
 * - only an environment whose required reviewers are enforced asks them: `approvals` says how they
 *   decide (the first reviewer decides, and the decision is recorded as the run's approval).
 */
import { addEnvironment, enforcesRequiredReviewers, type FakeState } from './github-fake-model.ts';
import { UnsupportedConstruct } from './workflow-sim-expressions.ts';

export type ReviewerDecision = 'approve' | 'reject';

/** How GitHub let a job past its environment. */
export type GatePassage = 'created' | 'no-reviewers' | 'not-enforced' | 'approved';

export type EnvironmentGate = { passed: true; how: GatePassage } | { passed: false; error: string };

export function passEnvironmentGate(p: {
  state: FakeState;
  name: string;
  runId: number;
  approvals: Record<string, ReviewerDecision> | undefined;
  where: string;
}): EnvironmentGate {
  const { state, name } = p;
  const existing = state.environments.get(name.toLowerCase());
  if (!existing) {
    addEnvironment(state, name);
    return { passed: true, how: 'created' };
  }
  if (existing.reviewers.length === 0) return { passed: true, how: 'no-reviewers' };
  if (!enforcesRequiredReviewers(state, existing)) return { passed: true, how: 'not-enforced' };

  const decision =
    p.approvals?.[name] ??
    Object.entries(p.approvals ?? {}).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  if (decision === undefined) {
    throw new UnsupportedConstruct(
      `${p.where} is bound to the environment '${name}', whose required reviewers ` +
        `(${existing.reviewers.join(', ')}) the simulator cannot be: pass approvals: { '${name}': 'approve' | 'reject' }`,
    );
  }
  const reviewer = existing.reviewers[0]!;
  state.runApprovals.push({
    runId: p.runId,
    environments: [existing.name],
    state: decision === 'approve' ? 'approved' : 'rejected',
    user: reviewer,
    comment: '',
  });
  if (decision === 'reject') {
    return { passed: false, error: `the deployment to '${existing.name}' was rejected by ${reviewer}` };
  }
  return { passed: true, how: 'approved' };
}
