// The start of a first-party action, for the cold-start bench (bench/cold-start.ts bundles it with this
// repository's ncc and toolkit): actions/upload-artifact's src/upload/index.ts, upload-artifact.ts,
// input-helper.ts and shared/upload-artifact.ts, as far as a job without an artifact service gets.
// Same modules at load (@actions/core, @actions/github, @actions/artifact and its default client), same
// inputs read and checked, same client call, failing where the client looks for ACTIONS_RUNTIME_TOKEN.
// One part is lighter than the real action: the files are found with fs.statSync, not @actions/glob
// (not a dependency here), so the real action loads more than this.
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import artifact, { ArtifactNotFoundError } from '@actions/artifact';
import * as core from '@actions/core';
import * as github from '@actions/github';

const NoFileOptions = { warn: 'warn', error: 'error', ignore: 'ignore' };

function getInputs() {
  const name = core.getInput('name');
  const path = core.getInput('path', { required: true });
  const overwrite = core.getBooleanInput('overwrite');
  const ifNoFilesFound = core.getInput('if-no-files-found');
  const noFileBehavior = NoFileOptions[ifNoFilesFound];
  if (!noFileBehavior) {
    core.setFailed(
      `Unrecognized if-no-files-found input. Provided: ${ifNoFilesFound}. Available options: ${Object.keys(NoFileOptions)}`,
    );
  }
  const inputs = { artifactName: name, searchPath: path, ifNoFilesFound: noFileBehavior, overwrite };
  const retentionDays = core.getInput('retention-days');
  if (retentionDays) {
    inputs.retentionDays = parseInt(retentionDays, 10);
    if (Number.isNaN(inputs.retentionDays)) core.setFailed('Invalid retention-days');
  }
  const compressionLevel = core.getInput('compression-level');
  if (compressionLevel) {
    inputs.compressionLevel = parseInt(compressionLevel, 10);
    if (Number.isNaN(inputs.compressionLevel)) core.setFailed('Invalid compression-level');
    if (inputs.compressionLevel < 0 || inputs.compressionLevel > 9) {
      core.setFailed('Invalid compression-level. Valid values are 0-9');
    }
  }
  return inputs;
}

/** upload-artifact's shared/search.ts globs the path; one file here. */
function findFilesToUpload(searchPath) {
  if (!existsSync(searchPath) || !statSync(searchPath).isFile()) return { filesToUpload: [], rootDirectory: '' };
  return { filesToUpload: [searchPath], rootDirectory: dirname(searchPath) };
}

async function deleteArtifactIfExists(artifactName) {
  try {
    await artifact.deleteArtifact(artifactName);
  } catch (error) {
    if (error instanceof ArtifactNotFoundError) {
      core.debug(`Skipping deletion of '${artifactName}', it does not exist`);
      return;
    }
    core.debug(`Unable to delete artifact: ${error.message}`);
  }
}

async function run() {
  const inputs = getInputs();
  const searchResult = findFilesToUpload(inputs.searchPath);
  if (searchResult.filesToUpload.length === 0) {
    core.setFailed(`No files were found with the provided path: ${inputs.searchPath}. No artifacts will be uploaded.`);
    return;
  }
  core.info(`With the provided path, there will be ${searchResult.filesToUpload.length} file uploaded`);
  if (inputs.overwrite) await deleteArtifactIfExists(inputs.artifactName);
  const options = {};
  if (inputs.retentionDays) options.retentionDays = inputs.retentionDays;
  if (typeof inputs.compressionLevel !== 'undefined') options.compressionLevel = inputs.compressionLevel;
  const upload = await artifact.uploadArtifact(
    inputs.artifactName,
    searchResult.filesToUpload,
    searchResult.rootDirectory,
    options,
  );
  const repository = github.context.repo;
  core.setOutput('artifact-id', upload.id);
  core.setOutput(
    'artifact-url',
    `${github.context.serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${github.context.runId}/artifacts/${upload.id}`,
  );
}

run().catch((error) => {
  core.setFailed(error.message);
});
