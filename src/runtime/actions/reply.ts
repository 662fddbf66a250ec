/**
 * ensemble's reply to one comment or review that asked something of it: why it did not act, or
 * what it did. One reply per request, found again by its marker, so that the same event delivered
 * twice (or a re-run of the job) updates the reply instead of adding another.
 */
import { findMarkedComment, upsertMarkedComment } from '../../github/issues.ts';
import type { GitHubClient } from '../../github/octokit.ts';
import { marker } from '../../render/marker.ts';

/** The comment, review or review comment a reply answers. */
export interface ReplySource {
  kind: 'issue-comment' | 'review' | 'review-comment';
  id: number;
  url: string | null;
}

/** The marker of ensemble's reply to one comment or review. */
export function replyMarker(source: Pick<ReplySource, 'kind' | 'id'>): string {
  return marker('reply', { to: `${source.kind}-${source.id}` });
}

/** ensemble's reply to `source` on issue or pull request `issue`, or null when it has not replied. */
export function findReply(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
  issue: number,
  source: Pick<ReplySource, 'kind' | 'id'>,
) {
  return findMarkedComment(octokit, { ...repo, issue_number: issue, marker: replyMarker(source) });
}

/**
 * Says on the issue or pull request why ensemble does not act (`refused`) or what it did
 * (`acted`), once per comment or review that asked.
 */
export async function replyTo(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
  issue: number,
  source: ReplySource,
  text: string,
  outcome: 'refused' | 'acted' = 'refused',
  /** Further markers the reply carries (a stop's `REPAIRS_STOPPED`). */
  markers: readonly string[] = [],
): Promise<void> {
  if (issue <= 0) return;
  const mark = replyMarker(source);
  const link = source.url ? `[your ${source.kind.replace('-', ' ')}](${source.url})` : 'your request';
  const said =
    outcome === 'acted' ? `ensemble, as ${link} asked: ${text}.` : `ensemble did not act on ${link}: ${text}.`;
  const body = [mark, ...markers, said].join('\n');
  await upsertMarkedComment(octokit, { ...repo, issue_number: issue, marker: mark, body });
}
