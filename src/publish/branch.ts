import type { RequestSnapshot } from '../contracts/plan.ts';

/**
 * The branch of a run: `ensemble/issue-<n>`, or for a prompt a slug of its title and the last
 * part of the run id (`ensemble/add-a-flag-1a2b` locally, `ensemble/add-a-flag-4242` on GitHub),
 * the same rule in both runtimes.
 */
export function branchFor(request: Pick<RequestSnapshot, 'issue' | 'title'>, runId: string): string {
  if (request.issue !== null) return `ensemble/issue-${request.issue}`;
  const slug = request.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const suffix =
    runId
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/-+$/, '')
      .split('-')
      .at(-1) || 'run';
  return `ensemble/${slug || 'run'}-${suffix}`;
}
