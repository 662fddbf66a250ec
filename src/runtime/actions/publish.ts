import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS } from '../../artifacts/names.ts';
import { DEFAULT_CONFIG_PATH, loadConfig } from '../../config/load.ts';
import { createOctokit } from '../../github/octokit.ts';
import { scrubCredentials } from '../../model/keys.ts';
import { publishToGitHub } from '../../publish/github.ts';
import type { SecretValue } from '../../secrets/scan.ts';
import { errorMessage, UserError } from '../../util/errors.ts';
import type { ActionSettings } from './inputs.ts';
import { type ActionDeps, withCommandsStopped } from './stages.ts';

/**
 * `actions/publish`: reads every artifact of the run, checks the change and every text against
 * the safe-output policy, then commits through the Git Data API, opens or updates the pull
 * request, posts the review and updates the tracking comment (`src/publish/github.ts`). Uploads
 * `ensemble-publish` (publish.json, the PR body and review as rendered), sets the outputs
 * `pr-number`, `pr-url` and `branch`, and writes the step summary. The step fails whenever the
 * pull request is not open and up to date: a refusal, an invalid artifact, nothing to publish,
 * or a write GitHub refused (the message says what to change).
 */
export async function runPublishAction(settings: ActionSettings<'publish'>, deps: ActionDeps): Promise<void> {
  const { core, job } = deps;
  // Every credential the step was given is captured (the policy looks for their values in every
  // text and patch) and leaves the environment before git runs; the artifact store captured its
  // own when the job was read, and an all-in-one job's model session the ones it removed.
  const captured: Record<string, string> = { ...deps.session?.removedCredentials, ...scrubCredentials(deps.env) };
  const token = settings.githubToken ?? captured['GITHUB_TOKEN'] ?? captured['GH_TOKEN'];
  if (!token) {
    throw new Error(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not a JS template
      'the github-token input is empty: pass ${{ github.token }} (the default) ' +
        'with contents, pull-requests and issues write, or a GitHub App token',
    );
  }
  const secretValues: SecretValue[] = [
    { name: 'github-token', value: token },
    ...Object.entries(captured)
      .filter(([, value]) => value !== token)
      .map(([name, value]) => ({ name, value })),
  ];

  // The configuration of the checkout at the plan's base, which is the default branch's. The
  // default path may be absent (every key has a default); a path the workflow names must exist.
  const configFile = join(job.workspace, settings.config);
  if (!existsSync(configFile) && settings.config !== DEFAULT_CONFIG_PATH) {
    throw new UserError(`configuration file ${settings.config} not found in the checkout (the config input)`);
  }
  const loaded = await loadConfig(configFile, settings.config);
  const config = loaded.config;

  const { owner, repo } = job.repository;
  const runUrl = `${job.serverUrl}/${owner}/${repo}/actions/runs/${job.runId}`;
  const warnings: string[] = [];
  const octokit = createOctokit({
    token,
    baseUrl: job.apiUrl,
    log: {
      debug: () => {},
      info: (m) => core.info(m),
      warn: (m) => core.info(`warning: ${m}`),
      error: (m) => core.info(`error: ${m}`),
    },
  });

  const result = await withCommandsStopped(core, async () => {
    const published = await publishToGitHub({
      octokit,
      repo: { owner, repo },
      repoDir: job.workspace,
      artifacts: deps.artifacts,
      runDir: deps.runDir,
      config,
      configPath: settings.config,
      draft: settings.draft,
      secretValues,
      serverUrl: job.serverUrl,
      runUrl,
      log: {
        info: (m) => core.info(m),
        warn: (m) => {
          core.info(`warning: ${m}`);
          warnings.push(m);
        },
      },
    });
    if (loaded.hash !== published.document.run.configHash) {
      warnings.push(
        'the configuration changed since this run was planned ' +
          `(hash ${published.document.run.configHash.slice(0, 12)} then, ${loaded.hash.slice(0, 12)} now); ` +
          'publish used the current one',
      );
    }
    return published;
  });

  deps.runDir.writeDocument(ARTIFACTS.publish, 'publish.json', result.document);
  if (result.prBody !== null) deps.runDir.writeText(ARTIFACTS.publish, 'pr.md', result.prBody);
  if (result.reviewBody !== null) deps.runDir.writeText(ARTIFACTS.publish, 'review.md', result.reviewBody);

  const { outcome } = result;
  if (outcome.branch) core.setOutput('branch', outcome.branch);
  if (outcome.pr) {
    core.setOutput('pr-number', String(outcome.pr.number));
    core.setOutput('pr-url', outcome.pr.url);
  }
  core.summary.addRaw(result.summary, true);
  await core.summary.write();

  let uploadError: string | null = null;
  try {
    await deps.artifacts.uploadArtifact(ARTIFACTS.publish, deps.runDir.artifactDir(ARTIFACTS.publish));
  } catch (error) {
    uploadError = `the ${ARTIFACTS.publish} artifact could not be uploaded: ${errorMessage(error)}`;
  }

  for (const warning of [...warnings, ...result.warnings]) core.warning(warning.replace(/[\r\n]+/g, ' '));
  if (result.status !== 'published') {
    core.setFailed(`ensemble publish: ${result.error ?? result.status}${uploadError ? `\n${uploadError}` : ''}`);
  } else if (uploadError) {
    core.setFailed(`ensemble publish: the pull request is published, but ${uploadError}`);
  }
}
