import { explainGitHubError, githubCall, statusOf } from './errors.ts';
import type { GitHubClient } from './octokit.ts';
import { getRepositoryRole, isBot, isListedBot, roleCanWrite } from './permissions.ts';
import { writeOnce } from './write-once.ts';

/** An issue as ensemble snapshots it: the text a run works on, never read live again. */
export interface IssueFields {
  number: number;
  title: string;
  body: string | null;
  author: string | null;
  comments: { author: string; body: string; createdAt: string }[];
}

export interface SnapshotIssueParams {
  owner: string;
  repo: string;
  issue_number: number;
  /** Logins already known to have write access (the trigger's sender): not looked up again. */
  writers?: Iterable<string>;
  /** Bots whose comments count (the configuration's `trigger.allowed-bots`); other bots' never do. */
  allowedBots?: readonly string[];
}

export interface IssueSnapshotFields extends IssueFields {
  /** Commenters whose comments were left out: no write access, a bot not listed, or a role that could not be read. */
  excludedCommenters: string[];
}

/**
 * The issue as ensemble reads it, once: title, body and author, and the comments of people with
 * write access, oldest first. Everyone else's comments are left out, so that anyone who can
 * comment cannot steer the agents. Each commenter's role is looked up once; a lookup that fails
 * leaves that person's comments out. Hidden content is stripped later, by `requestFromIssue`.
 */
export async function snapshotIssue(octokit: GitHubClient, params: SnapshotIssueParams): Promise<IssueSnapshotFields> {
  const { owner, repo, issue_number } = params;
  const where = `issue #${issue_number} of ${owner}/${repo}`;
  const { data: issue } = await githubCall({ action: `read ${where}`, permission: 'issues: read' }, () =>
    octokit.rest.issues.get({ owner, repo, issue_number }),
  );
  if (issue.pull_request)
    throw new Error(`#${issue_number} of ${owner}/${repo} is a pull request; ensemble works on issues`);
  const comments = await githubCall({ action: `read the comments of ${where}`, permission: 'issues: read' }, () =>
    octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 }),
  );

  const canWrite = new Map<string, boolean>();
  for (const login of params.writers ?? []) canWrite.set(login.toLowerCase(), true);
  const excluded = new Set<string>();
  const kept: IssueFields['comments'] = [];
  for (const comment of comments) {
    const login = comment.user?.login;
    if (!login) continue;
    const key = login.toLowerCase();
    let allowed = canWrite.get(key);
    if (allowed === undefined) {
      if (isBot(login, comment.user?.type)) allowed = isListedBot(login, params.allowedBots ?? []);
      else {
        try {
          allowed = roleCanWrite(await getRepositoryRole(octokit, { owner, repo, username: login }));
        } catch {
          allowed = false;
        }
      }
      canWrite.set(key, allowed);
    }
    if (!allowed) {
      excluded.add(login);
      continue;
    }
    kept.push({ author: login, body: comment.body ?? '', createdAt: comment.created_at });
  }
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? null,
    author: issue.user?.login ?? null,
    comments: kept,
    excludedCommenters: [...excluded],
  };
}

/** Whether an issue still takes ensemble's work: read again by publish just before it writes. */
export interface IssueState {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  /** A locked conversation: ensemble writes nothing to it (only people with write access could comment). */
  locked: boolean;
  /** `active_lock_reason`: `resolved`, `off-topic`, `too heated`, `spam`, or null. */
  lockReason: string | null;
}

/** The issue's state as it is now (never a snapshot). */
export async function readIssueState(
  octokit: GitHubClient,
  params: { owner: string; repo: string; issue_number: number },
): Promise<IssueState> {
  const { owner, repo, issue_number } = params;
  const { data } = await githubCall(
    { action: `read issue #${issue_number} of ${owner}/${repo}`, permission: 'issues: read' },
    () => octokit.rest.issues.get({ owner, repo, issue_number }),
  );
  return {
    number: data.number,
    title: data.title,
    body: data.body ?? null,
    state: data.state === 'closed' ? 'closed' : 'open',
    locked: data.locked === true,
    lockReason: data.active_lock_reason ?? null,
  };
}

export interface MarkedCommentParams {
  owner: string;
  repo: string;
  issue_number: number;
  /** The hidden marker (`<!-- ensemble:tracking -->`) by which the comment is found again. */
  marker: string;
  /** The whole comment; the marker is put first when the body does not contain it. */
  body: string;
  /**
   * The body to write given the comment's body as it is on GitHub (null: there is none yet), read
   * just before the write: what the comment keeps across rewrites (the tracking comment's activity
   * rows) is carried over from it. Default: `body` as given.
   */
  transform?: (previous: string | null) => string;
}

export interface MarkedComment {
  id: number;
  url: string;
  /** `created`: a new comment; `updated`: an existing one changed; `unchanged`: it already said this. */
  outcome: 'created' | 'updated' | 'unchanged';
  /** The comment's body as written (or as it already was). */
  body: string;
}

interface CommentData {
  id: number;
  html_url: string;
  body?: string | undefined;
  user: { type?: string } | null;
}

/**
 * The comment of the issue carrying `marker` written by a bot (ensemble writes as one), or null.
 * A marker in a person's comment is ignored: anyone who can comment could otherwise plant one and
 * have ensemble edit, or take the place of, their comment.
 */
export async function findMarkedComment(
  octokit: GitHubClient,
  params: Omit<MarkedCommentParams, 'body'>,
): Promise<{ id: number; url: string; body: string } | null> {
  const { owner, repo, issue_number, marker } = params;
  const comments: CommentData[] = await githubCall(
    { action: `read the comments of issue #${issue_number} of ${owner}/${repo}`, permission: 'issues: read' },
    () => octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 }),
  );
  const marked = comments.filter((c) => c.body?.includes(marker));
  const found = marked.find((c) => c.user?.type === 'Bot');
  return found ? { id: found.id, url: found.html_url, body: found.body ?? '' } : null;
}

/**
 * Creates the issue comment that carries `marker`, or updates it when it exists: a re-run
 * never adds a second one. A creation whose answer is lost (502, timeout) is looked for before
 * it is tried again.
 */
export async function upsertMarkedComment(octokit: GitHubClient, params: MarkedCommentParams): Promise<MarkedComment> {
  const { owner, repo, issue_number, marker } = params;
  if (!marker) throw new Error('upsertMarkedComment needs a marker to find the comment again');
  const bodyFor = (previous: string | null): string => {
    const body = params.transform ? params.transform(previous) : params.body;
    return body.includes(marker) ? body : `${marker}\n${body}`;
  };
  const where = `issue #${issue_number} of ${owner}/${repo}`;
  const write = { permission: 'issues: write' };

  const update = async (existing: { id: number; url: string; body: string }): Promise<MarkedComment> => {
    const body = bodyFor(existing.body);
    if (existing.body === body) return { id: existing.id, url: existing.url, outcome: 'unchanged', body };
    const { data } = await githubCall({ action: `update the ensemble comment on ${where}`, ...write }, () =>
      octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body }),
    );
    return { id: data.id, url: data.html_url, outcome: 'updated', body };
  };

  const existing = await findMarkedComment(octokit, params);
  if (existing) return update(existing);
  const body = bodyFor(null);
  const { value, recovered } = await writeOnce(octokit, {
    operation: { action: `comment on ${where}`, ...write },
    create: async () => {
      const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number, body });
      return { id: data.id, url: data.html_url, body: data.body ?? body };
    },
    find: () => findMarkedComment(octokit, params),
  });
  // The comment found again is the one written: the transform is not applied to its own output.
  if (recovered && value.body !== body) {
    const again = await update(value);
    return { ...again, outcome: 'created' };
  }
  return { id: value.id, url: value.url, outcome: 'created', body: value.body };
}

export interface IssueLabelParams {
  owner: string;
  repo: string;
  issue_number: number;
  label: string;
}

/** Adds `label` to the issue (GitHub creates a label the repository lacks); adding it twice is harmless. */
export async function addIssueLabel(octokit: GitHubClient, params: IssueLabelParams): Promise<void> {
  const { owner, repo, issue_number, label } = params;
  await githubCall(
    { action: `add the label "${label}" to issue #${issue_number} of ${owner}/${repo}`, permission: 'issues: write' },
    () => octokit.rest.issues.addLabels({ owner, repo, issue_number, labels: [label] }),
  );
}

/**
 * Removes `label` from the issue; whether it was there. GitHub answers 404 for a label the issue
 * does not carry (someone removed it already, or a re-run removes it again): that is no error.
 */
export async function removeIssueLabel(octokit: GitHubClient, params: IssueLabelParams): Promise<boolean> {
  const { owner, repo, issue_number, label } = params;
  try {
    await octokit.rest.issues.removeLabel({ owner, repo, issue_number, name: label });
    return true;
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw explainGitHubError(error, {
      action: `remove the label "${label}" from issue #${issue_number} of ${owner}/${repo}`,
      permission: 'issues: write',
    });
  }
}
