import { verifyPlanApproval } from '../../github/approval.ts';
import { createOctokit } from '../../github/octokit.ts';
import { inlineCode } from '../../render/markdown.ts';
import { errorMessage, UserError } from '../../util/errors.ts';
import { type ActionsCore, actionsGitHubLog, jobFromEnvironment } from './environment.ts';
import type { ActionSettings } from './inputs.ts';

const MISSING_TOKEN =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression a user writes
  'the github-token input is empty: pass ${{ github.token }} (the default) with actions: read';

/**
 * `actions/approve`: the approve job's only step after the ensemble checkout, run once GitHub's
 * environment gate let the job start. It checks through the API that the environment has required
 * reviewers and that one of them approved this run (`github/approval.ts`), reports who did in the
 * log, the step summary and the `approved-by` output, and fails the step (so no code job starts)
 * otherwise, with the summary saying why.
 */
export async function runApproveAction(
  settings: ActionSettings<'approve'>,
  core: ActionsCore,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  // The event is not needed: the repository and the run come from the runner's variables.
  const job = jobFromEnvironment(env, () => ({}));
  const token = settings.githubToken;
  if (!token) throw new UserError(MISSING_TOKEN);
  const runId = Number(job.runId);
  if (!Number.isSafeInteger(runId) || runId <= 0) throw new Error(`GITHUB_RUN_ID is not a run id: "${job.runId}"`);
  const { owner, repo } = job.repository;
  const octokit = createOctokit({
    token,
    baseUrl: job.apiUrl,
    log: actionsGitHubLog(core),
  });

  let approval: Awaited<ReturnType<typeof verifyPlanApproval>>;
  try {
    approval = await verifyPlanApproval(octokit, { owner, repo, runId, environment: settings.environment });
  } catch (error) {
    // The step fails with the message (run.ts); the summary keeps it where the run's page shows it.
    if (error instanceof UserError) {
      core.summary.addRaw(`### Plan not approved\n\nNo coding agent starts: ${errorMessage(error)}\n`, true);
      await core.summary.write();
    }
    throw error;
  }

  const by = approval.approvedBy.join(', ');
  // Logins are GitHub's (letters, digits, hyphens, `[bot]`): safe in the log and in Markdown.
  core.info(`The plan was approved for the environment "${approval.environment}" by ${by}.`);
  core.setOutput('approved-by', by);
  core.summary.addRaw(
    `### Plan approved\n\nApproved for the environment ${inlineCode(approval.environment)} by ` +
      `${approval.approvedBy.map((login) => `**${login}**`).join(', ')} ` +
      `(required reviewers: ${approval.reviewers.join(', ')}).\n`,
    true,
  );
  await core.summary.write();
}
