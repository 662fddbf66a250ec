/**
 * What ensemble does after the pull request (CI repairs, waiting for checks, ready for review,
 * conflicts, watching after merge, a revert proposed), as rows of the issue's one status surface:
 * the tracking comment. Each activity is one row, updated in place by its key; every rewrite of
 * the comment (`tracking.ts`, `report.ts`) carries the rows over (`carryActivity`).
 *
 * Rows are read back only from the comment ensemble wrote (`findMarkedComment` takes a bot's
 * comment only), so nobody can paste a block into a comment of their own to fake rows or spend.
 * Each row's text passes the safe-output policy before it is stored: what the policy refuses is
 * shown, and stored, as `withheld (<rule>)`, so the hidden data never hold more than the table.
 */
import { createHash } from 'node:crypto';
import { findMarkedComment } from '../github/issues.ts';
import type { GitHubClient } from '../github/octokit.ts';
import {
  type ActivityKind,
  type ActivityRow,
  composeActivity,
  activityRows as rowsOf,
  splitActivity,
  TRACKING_MARKER,
  upsertActivityRows,
} from '../render/index.ts';
import type { SecretValue } from '../secrets/scan.ts';
import type { RemoteRepo } from './git-data.ts';
import { checkSafeOutputs, type SafeOutputsOptions, type TextKind } from './policy.ts';
import { WITHHELD } from './report.ts';
import { type PublishLog, silentLog } from './step.ts';
import { postChecked, textPolicy, why } from './tracking.ts';

export {
  type ActivityKind,
  type ActivityRow,
  type ActivityState,
  activityRows,
  carryActivity,
  withActivity,
} from '../render/activity.ts';

export interface RecordActivityOptions {
  /** The values of the secrets the job was given: none may appear in the comment. */
  secretValues: readonly SecretValue[];
  /** `https://github.com` (`GITHUB_SERVER_URL`): links elsewhere are made inert. */
  serverUrl: string;
  /** Told when a row's text is withheld, and why. */
  log?: PublishLog;
}

/**
 * Reads the issue's tracking comment, upserts the row, writes it back through the safe-output
 * policy. No tracking comment (the issue's run never posted one, or it was deleted): nothing is
 * written, and the row is reported skipped.
 */
export async function recordActivity(
  octokit: GitHubClient,
  repo: RemoteRepo,
  issue: number,
  row: ActivityRow,
  options: RecordActivityOptions,
): Promise<{ url: string } | { skipped: string }> {
  const tracking = await findMarkedComment(octokit, { ...repo, issue_number: issue, marker: TRACKING_MARKER });
  if (!tracking) return { skipped: `no tracking comment on issue #${issue}` };
  const log = options.log ?? silentLog;
  const policy = textPolicy(options.secretValues, new URL(options.serverUrl).host);
  const { rest, rows } = splitActivity(tracking.body);
  // Every row is checked again: the step may know secret values the step that wrote a row did not.
  const shown: ActivityRow[] = [];
  for (const each of upsertActivityRows(rows, [row])) shown.push(await checkedRow(each, policy, issue, log));
  const withheldRest = `${TRACKING_MARKER}\nThe rest of this comment is ${WITHHELD}.\n`;
  const posted = await postChecked(
    { octokit, repo, issue, secretValues: options.secretValues, serverUrl: options.serverUrl, log },
    { body: composeActivity(rest, shown), withheld: composeActivity(withheldRest, shown), what: 'the report' },
  );
  return { url: posted.url };
}

/** The rows of the issue's tracking comment (none when it has no tracking comment of ensemble's). */
export async function readActivity(octokit: GitHubClient, repo: RemoteRepo, issue: number): Promise<ActivityRow[]> {
  const tracking = await findMarkedComment(octokit, { ...repo, issue_number: issue, marker: TRACKING_MARKER });
  return tracking ? rowsOf(tracking.body) : [];
}

/** Spent so far by activities of a kind (sum of costUsd), for budgets that stop repairs. */
export function spentOn(rows: readonly ActivityRow[], kinds: readonly ActivityKind[]): number {
  return rows.filter((r) => kinds.includes(r.kind) && r.costUsd !== null).reduce((sum, r) => sum + r.costUsd!, 0);
}

/**
 * The row as the policy lets it be shown: each text sanitised (links elsewhere inert, mentions
 * neutralised), or `withheld (<rule>)` when refused; a refused link is dropped, a refused key
 * replaced by its hash (it stays the row's identity without holding what was refused).
 */
async function checkedRow(
  row: ActivityRow,
  policy: SafeOutputsOptions,
  issue: number,
  log: PublishLog,
): Promise<ActivityRow> {
  const check = async (label: string, text: string, kind: TextKind) => {
    const checked = await checkSafeOutputs({ patches: [], texts: { text: { label, text, kind } } }, policy);
    if (checked.ok) return { ok: true as const, text: checked.texts.text.text };
    log.warn(`the ${label} is withheld from the tracking comment on issue #${issue}: ${why(checked.refusals)}`);
    return { ok: false as const, text: `withheld (${[...new Set(checked.refusals.map((r) => r.rule))].join(', ')})` };
  };
  const what = `${row.kind} activity`;
  const title = await check(`title of a ${what}`, row.title, 'title');
  const detail = row.detail === null ? null : await check(`detail of a ${what}`, row.detail, 'body');
  const link = row.link === null ? null : await check(`link of a ${what}`, row.link, 'title');
  const key = await check(`key of a ${what}`, row.key, 'title');
  return {
    ...row,
    key: key.ok && key.text === row.key ? row.key : `withheld:${createHash('sha256').update(row.key).digest('hex')}`,
    title: title.text,
    detail: detail === null ? null : detail.text,
    // A link the policy changed (made inert) or refused is not a link any more.
    link: link?.ok && link.text === row.link ? row.link : null,
  };
}
