import { explainGitHubError, statusOf } from './errors.ts';
import type { GitHubClient } from './octokit.ts';

/** Repository roles that may start a run. */
export const TRIGGER_ROLES: readonly string[] = ['write', 'maintain', 'admin'];

export interface RepositoryRole {
  /** `read`, `triage`, `write`, `maintain`, `admin`, a custom role's name, or `none`. */
  roleName: string;
  /** GitHub's legacy level the role maps to: `admin`, `write`, `read` or `none`. */
  permission: string;
}

/**
 * Whether a role can write. The five built-in roles decide by name (`maintain` maps to the legacy
 * `write`, `triage` to `read`); a custom repository role decides by the base permission GitHub
 * reports for it.
 */
export function roleCanWrite(role: RepositoryRole): boolean {
  if (['read', 'triage', 'write', 'maintain', 'admin', 'none'].includes(role.roleName))
    return TRIGGER_ROLES.includes(role.roleName);
  return role.permission === 'write' || role.permission === 'admin';
}

/** `GET /repos/{owner}/{repo}/collaborators/{username}/permission`. */
export async function getRepositoryRole(
  octokit: GitHubClient,
  params: { owner: string; repo: string; username: string },
): Promise<RepositoryRole> {
  const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel(params);
  return { roleName: data.role_name, permission: data.permission };
}

export const isBot = (login: string, type?: string | null) => type === 'Bot' || /\[bot\]$/i.test(login);

const botName = (login: string) => login.toLowerCase().replace(/\[bot\]$/, '');

/** Whether `login` is one of `allowed` (`dependabot` and `dependabot[bot]` name the same bot). */
export function isListedBot(login: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => botName(entry) === botName(login));
}

export type TriggerPermission = { ok: true; login: string; role: string } | { ok: false; reason: string };

export interface TriggerPermissionParams {
  owner: string;
  repo: string;
  /** The event's sender: who added the label or dispatched the workflow. */
  username: string;
  /** The sender's account type from the event payload (`User`, `Bot`, `Organization`). */
  senderType?: string | null;
  /** The configuration's `trigger.allowed-bots`. */
  allowedBots?: readonly string[];
}

/**
 * May `username` start a run? People need the write, maintain or admin role, looked up through
 * the API; bots must be listed in the configuration. Any failure to find out refuses the run.
 */
export async function checkTriggerPermission(
  octokit: GitHubClient,
  params: TriggerPermissionParams,
): Promise<TriggerPermission> {
  const { owner, repo, username } = params;
  const where = `${owner}/${repo}`;
  if (!username)
    return { ok: false, reason: 'the event has no sender; ensemble runs only when it knows who started it' };
  if (isBot(username, params.senderType)) {
    if (isListedBot(username, params.allowedBots ?? [])) return { ok: true, login: username, role: 'listed bot' };
    return {
      ok: false,
      reason:
        `"${username}" is a bot; a bot may start ensemble only ` +
        'when trigger.allowed-bots in .github/ensemble.yml lists it',
    };
  }
  let role: RepositoryRole;
  try {
    role = await getRepositoryRole(octokit, { owner, repo, username });
  } catch (error) {
    if (statusOf(error) === 404) {
      return { ok: false, reason: `"${username}" is not a user GitHub knows on ${where}; refusing to run` };
    }
    const explained = explainGitHubError(error, {
      action: `check the repository role of "${username}" on ${where}`,
      permission: 'metadata: read',
    });
    return {
      ok: false,
      reason: `${explained.message}. Refusing to run, as ensemble does when it cannot tell who started it`,
    };
  }
  if (roleCanWrite(role)) return { ok: true, login: username, role: role.roleName };
  const has = role.roleName === 'none' ? 'no access to' : `the "${role.roleName}" role on`;
  return {
    ok: false,
    reason:
      `"${username}" has ${has} ${where}; starting ensemble needs the write, maintain ` +
      'or admin role. Ask a maintainer to add the label or dispatch the workflow',
  };
}
