/**
 * The pull request from ensemble's branch: found by its head (`owner:branch`) and updated, or
 * created (draft by default, base the default branch). A creation whose answer was lost (502,
 * timeout) is looked for before it is tried again, so a re-run or a retry never opens a second
 * one. Labels come from the configuration (`publish.labels`).
 */
import { githubCall } from '../github/errors.ts';
import type { GitHubClient } from '../github/octokit.ts';
import { writeOnce } from '../github/write-once.ts';
import type { RemoteRepo } from './git-data.ts';

export interface PullRequestRef {
  number: number;
  url: string;
  title: string;
  body: string;
  labels: string[];
  draft: boolean;
}

export interface UpsertedPullRequest extends PullRequestRef {
  outcome: 'created' | 'updated' | 'unchanged';
}

interface PullData {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  draft?: boolean;
  labels: { name?: string }[];
}

function toRef(data: PullData): PullRequestRef {
  return {
    number: data.number,
    url: data.html_url,
    title: data.title,
    body: data.body ?? '',
    labels: data.labels.map((l) => l.name ?? '').filter((n) => n !== ''),
    draft: data.draft === true,
  };
}

/** The open pull request whose head is `branch` of this repository, or null. */
export async function findOpenPullRequest(
  octokit: GitHubClient,
  repo: RemoteRepo,
  branch: string,
): Promise<PullRequestRef | null> {
  const pulls = await githubCall(
    {
      action: `list the pull requests from ${branch} in ${repo.owner}/${repo.repo}`,
      permission: 'pull-requests: read',
    },
    () =>
      octokit.rest.pulls.list({
        owner: repo.owner,
        repo: repo.repo,
        state: 'open',
        head: `${repo.owner}:${branch}`,
        per_page: 10,
      }),
  );
  const found = pulls.data[0];
  return found ? toRef(found) : null;
}

export interface PullRequestFields {
  branch: string;
  /** The default branch. */
  base: string;
  title: string;
  body: string;
  draft: boolean;
}

/** Updates the open pull request from `fields.branch` (title and body) or creates it. */
export async function upsertPullRequest(
  octokit: GitHubClient,
  repo: RemoteRepo,
  fields: PullRequestFields,
): Promise<UpsertedPullRequest> {
  const where = `${repo.owner}/${repo.repo}`;
  const existing = await findOpenPullRequest(octokit, repo, fields.branch);
  if (existing) {
    if (existing.title === fields.title && existing.body === fields.body) return { ...existing, outcome: 'unchanged' };
    const { data } = await githubCall(
      { action: `update pull request #${existing.number} of ${where}`, permission: 'pull-requests: write' },
      () =>
        octokit.rest.pulls.update({
          owner: repo.owner,
          repo: repo.repo,
          pull_number: existing.number,
          title: fields.title,
          body: fields.body,
        }),
    );
    return { ...toRef(data), outcome: 'updated' };
  }
  const { value, recovered } = await writeOnce(octokit, {
    operation: {
      action: `open a pull request from ${fields.branch} into ${fields.base} of ${where}`,
      permission: 'pull-requests: write',
    },
    create: async () => {
      const { data } = await octokit.rest.pulls.create({
        owner: repo.owner,
        repo: repo.repo,
        head: fields.branch,
        base: fields.base,
        title: fields.title,
        body: fields.body,
        draft: fields.draft,
      });
      return toRef(data);
    },
    find: () => findOpenPullRequest(octokit, repo, fields.branch),
  });
  if (recovered && (value.title !== fields.title || value.body !== fields.body)) {
    const { data } = await githubCall(
      { action: `update pull request #${value.number} of ${where}`, permission: 'pull-requests: write' },
      () =>
        octokit.rest.pulls.update({
          owner: repo.owner,
          repo: repo.repo,
          pull_number: value.number,
          title: fields.title,
          body: fields.body,
        }),
    );
    return { ...toRef(data), outcome: 'created' };
  }
  return { ...value, outcome: 'created' };
}

/** Adds the labels the pull request does not have yet (labels are a set: repeating the call is harmless). */
export async function addLabels(
  octokit: GitHubClient,
  repo: RemoteRepo,
  pull: PullRequestRef,
  labels: readonly string[],
): Promise<string[]> {
  const have = new Set(pull.labels.map((l) => l.toLowerCase()));
  const missing = labels.filter((l) => !have.has(l.toLowerCase()));
  if (missing.length === 0) return [];
  await githubCall(
    { action: `label pull request #${pull.number} of ${repo.owner}/${repo.repo}`, permission: 'pull-requests: write' },
    () =>
      octokit.rest.issues.addLabels({
        owner: repo.owner,
        repo: repo.repo,
        issue_number: pull.number,
        labels: [...missing],
      }),
  );
  return missing;
}
