/**
 * The plan-approval gate, checked through the API instead of trusted. A job bound to an
 * environment waits for that environment's required reviewers, but GitHub lets it through at once
 * when there is nobody to wait for: an environment the repository does not have (a misspelt name)
 * is created on the spot without any protection rule, and a private repository on the Free, Pro
 * or Team plan cannot have required reviewers at all. The approve job therefore runs this after
 * GitHub's gate: the environment must exist with required reviewers, and one of them must have
 * approved this very run; anything else stops the run before a coding agent starts.
 */
import { UserError } from '../util/errors.ts';
import { explainGitHubError, statusOf } from './errors.ts';
import type { GitHubClient } from './octokit.ts';

/** The plan was not approved, or ensemble could not find out: the message says what to configure. */
export class PlanNotApprovedError extends UserError {
  override name = 'PlanNotApprovedError';
}

export interface PlanApprovalParams {
  owner: string;
  repo: string;
  /** `github.run_id`: the run whose approvals count (a reusable workflow's jobs share the caller's). */
  runId: number;
  /** The `approval-environment` input, as the workflow spelt it. */
  environment: string;
}

export interface PlanApproval {
  /** The environment's name as GitHub spells it. */
  environment: string;
  /** Its required reviewers: user logins, and teams as `team:<slug>`. */
  reviewers: string[];
  /** Who approved this run for the environment (logins), in GitHub's order. */
  approvedBy: string[];
}

/** The permission both requests need on a private repository (fine-grained and GitHub App tokens). */
export const APPROVAL_PERMISSION = 'actions: read';

/** How to get a real gate, or none on purpose: every refusal of a missing gate ends with it. */
const GATE_CHOICES =
  'make the repository public, upgrade the plan, or leave the approval-environment input empty ' +
  'to run without an approval gate, knowingly.';

const NO_REVIEWERS_ADVICE = `Private repositories on the GitHub Free, Pro and Team plans cannot have required reviewers: ${GATE_CHOICES}`;

function configureAdvice(environment: string): string {
  return (
    `Add required reviewers under Settings → Environments → ${environment} → Required reviewers ` +
    `(or correct the approval-environment input if the name is misspelt). ${NO_REVIEWERS_ADVICE}`
  );
}

interface ReviewerEntry {
  type?: string;
  reviewer?: { login?: string; slug?: string } | null;
}

/** The reviewers of the environment's `required_reviewers` rule; an empty list when it has none. */
function requiredReviewers(rules: readonly { type: string; reviewers?: ReviewerEntry[] }[]): string[] {
  const names: string[] = [];
  for (const rule of rules) {
    if (rule.type !== 'required_reviewers') continue;
    for (const entry of rule.reviewers ?? []) {
      const reviewer = entry.reviewer;
      if (!reviewer) continue;
      if (entry.type === 'Team' || reviewer.login === undefined) {
        if (reviewer.slug) names.push(`team:${reviewer.slug}`);
      } else {
        names.push(reviewer.login);
      }
    }
  }
  return names;
}

/**
 * Checks that `environment` has required reviewers and that one of them approved run `runId` for
 * it; throws `PlanNotApprovedError` (or a `GitHubApiError` naming the permission) otherwise.
 */
export async function verifyPlanApproval(octokit: GitHubClient, params: PlanApprovalParams): Promise<PlanApproval> {
  const { owner, repo, runId } = params;
  const where = `${owner}/${repo}`;
  const asked = params.environment;

  let environment: Awaited<ReturnType<GitHubClient['rest']['repos']['getEnvironment']>>['data'];
  try {
    environment = (await octokit.rest.repos.getEnvironment({ owner, repo, environment_name: asked })).data;
  } catch (error) {
    if (statusOf(error) === 404) {
      throw new PlanNotApprovedError(
        `the approval environment "${asked}" does not exist in ${where}, or the token cannot see it ` +
          '(GitHub answered 404), so nobody approved the plan: GitHub runs a job bound to an environment ' +
          'that is missing, or has no required reviewers, at once. ' +
          `${configureAdvice(asked)}`,
        { cause: error },
      );
    }
    throw explainGitHubError(error, {
      action: `read the approval environment "${asked}" of ${where}`,
      permission: APPROVAL_PERMISSION,
    });
  }

  const name = environment.name;
  const rules = (environment.protection_rules ?? []) as { type: string; reviewers?: ReviewerEntry[] }[];
  const reviewers = requiredReviewers(rules);
  if (reviewers.length === 0) {
    const others = rules.map((rule) => rule.type).filter((type) => type !== 'required_reviewers');
    const has = others.length > 0 ? `only the protection rules ${others.join(', ')}` : 'no protection rule';
    throw new PlanNotApprovedError(
      `the approval environment "${name}" of ${where} has no required reviewers (${has}), so nobody ` +
        'approved the plan: GitHub runs a job bound to it at once, and creates an environment that a ' +
        'workflow names but the repository lacks (a misspelt name) without any rule. ' +
        `${configureAdvice(name)}`,
    );
  }

  let reviews: Awaited<ReturnType<GitHubClient['rest']['actions']['getReviewsForRun']>>['data'];
  try {
    reviews = (await octokit.rest.actions.getReviewsForRun({ owner, repo, run_id: runId })).data;
  } catch (error) {
    throw explainGitHubError(error, {
      action: `read the approvals of run ${runId} in ${where}`,
      permission: APPROVAL_PERMISSION,
    });
  }
  const forThis = reviews.filter((review) =>
    review.environments.some((env) => env.id === environment.id || env.name?.toLowerCase() === name.toLowerCase()),
  );
  const rejectedBy = forThis.filter((review) => review.state === 'rejected').map((review) => review.user.login);
  if (rejectedBy.length > 0) {
    throw new PlanNotApprovedError(
      `the plan was rejected: ${rejectedBy.join(', ')} rejected run ${runId} for the approval environment ` +
        `"${name}". Start a new run to ask the reviewers again.`,
    );
  }
  const approvedBy = forThis.filter((review) => review.state === 'approved').map((review) => review.user.login);
  if (approvedBy.length === 0) {
    throw new PlanNotApprovedError(
      `nobody approved the plan: run ${runId} has no approval for the environment "${name}", although it ` +
        `lists required reviewers (${reviewers.join(', ')}). GitHub let the job through without asking them: ` +
        'it does not enforce required reviewers on a private repository on the Free, Pro or Team plan ' +
        `(or an administrator bypassed the protection rules). If that is this repository: ${GATE_CHOICES}`,
    );
  }
  return { environment: name, reviewers, approvedBy: [...new Set(approvedBy)] };
}
