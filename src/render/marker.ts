/**
 * Hidden markers (`<!-- ensemble:pr run=123-1 -->`) by which a re-run finds the pull request,
 * comment or review it wrote before. Model text can never contain one: safe text breaks every
 * `<!--`. Values are percent-encoded, so they cannot end the comment.
 */

export interface Marker {
  /** `pr`, `review`, `tracking`, … */
  kind: string;
  fields: Record<string, string>;
}

const KIND = /^[a-z][a-z0-9-]*$/;

export function marker(kind: string, fields: Record<string, string | number> = {}): string {
  if (!KIND.test(kind)) throw new Error(`invalid marker kind "${kind}"`);
  const parts = Object.entries(fields).map(([key, value]) => {
    if (!KIND.test(key)) throw new Error(`invalid marker field "${key}"`);
    return ` ${key}=${encodeURIComponent(String(value))}`;
  });
  return `<!-- ensemble:${kind}${parts.join('')} -->`;
}

/** The marker of the tracking comment, which the plan posts and the publisher updates. */
export const TRACKING_MARKER = marker('tracking');

/**
 * Beside the tracking marker while a run waits on the issue: what it waits for and the run that
 * waits. The follow-up's `/ensemble stop` leaves a waiting run to the pipeline, which settles it.
 */
export function gateMarker(waitingFor: 'answers' | 'approval', runId: string): string {
  return marker('gate', { waiting: waitingFor, run: runId });
}

/** The marker of the pull request body of a run. */
export function prMarker(runId: string): string {
  return marker('pr', { run: runId });
}

/** The marker of a review body: the run, and the fingerprint of the findings it posted. */
export function reviewMarker(runId: string, fingerprint: string): string {
  return marker('review', { run: runId, findings: fingerprint });
}

/**
 * The marker of an inline review comment: the stable id of the finding it posts, by which a later
 * run or round tells a finding already on the pull request (`review/ledger.ts`).
 */
export function findingMarker(id: string): string {
  return marker('finding', { id });
}

const MARKER = /<!-- ensemble:([a-z][a-z0-9-]*)((?: [a-z][a-z0-9-]*=[^\s>]*)*) -->/g;

/** The first marker in `text` (of `kind`, when given), or null. */
export function findMarker(text: string, kind?: string): Marker | null {
  for (const m of text.matchAll(MARKER)) {
    if (kind !== undefined && m[1] !== kind) continue;
    const fields: Record<string, string> = {};
    for (const pair of m[2]!.trim().split(' ').filter(Boolean)) {
      const at = pair.indexOf('=');
      try {
        fields[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
      } catch {
        fields[pair.slice(0, at)] = pair.slice(at + 1);
      }
    }
    return { kind: m[1]!, fields };
  }
  return null;
}
