/**
 * Step 2 of `publishToGitHub`: where the pull request goes. The repository's default branch is
 * its base, and ensemble's branch must not be it: ensemble never writes to the default branch.
 */
import { githubCall } from '../github/errors.ts';
import type { GitHubClient } from '../github/octokit.ts';
import type { RemoteRepo } from './git-data.ts';
import { type StepResult, stop } from './step.ts';

export interface CheckTargetOptions {
  octokit: GitHubClient;
  repo: RemoteRepo;
  /** ensemble's branch for the run (`branchFor`). */
  branch: string;
}

/** The default branch, or `refused` when it is ensemble's branch. Reads, never writes. */
export async function checkTarget(options: CheckTargetOptions): Promise<StepResult<{ defaultBranch: string }>> {
  const { octokit, repo, branch } = options;
  const where = `${repo.owner}/${repo.repo}`;
  const { data } = await githubCall({ action: `read ${where}`, permission: 'contents: read' }, () =>
    octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo }),
  );
  if (branch === data.default_branch) {
    const why = `the branch ${branch} is the default branch of ${where}, and ensemble never writes to it`;
    return { ok: false, stop: stop('refused', `nothing was written: ${why}.`) };
  }
  return { ok: true, defaultBranch: data.default_branch };
}
