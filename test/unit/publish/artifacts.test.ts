/**
 * How `publish` classifies what reading an artifact threw: by the error's type, never by its
 * name or message. The store is an in-memory double; each case makes the `api` task's read throw.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ARTIFACTS, producerOfArtifact } from '../../../src/artifacts/names.ts';
import { RunDirectory } from '../../../src/artifacts/run-directory.ts';
import { ArtifactFileMissingError, ArtifactMissingError, type ArtifactStore } from '../../../src/artifacts/store.ts';
import { defaultConfig } from '../../../src/contracts/config.ts';
import { ContractError } from '../../../src/contracts/read.ts';
import { readPublishArtifacts } from '../../../src/publish/artifacts.ts';
import { validPlan, validTask } from '../../support/documents.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A run with the plan and the `docs` task's artifact; reading the `api` task's artifact throws `failure`. */
function storeWhere(failure: unknown): ArtifactStore {
  const missing = (name: string) => new ArtifactMissingError(name, producerOfArtifact(name), [ARTIFACTS.plan]);
  return {
    uploadArtifact: () => Promise.reject(new Error('not used')),
    downloadArtifact: (name) => Promise.reject(missing(name)),
    downloadDocument: (async (kind: string, name: string) => {
      if (kind === 'plan') return validPlan();
      if (name === ARTIFACTS.code('docs')) return validTask({ taskId: 'docs', status: 'failed', summary: 'gave up' });
      if (name === ARTIFACTS.code('api')) throw failure;
      throw missing(name);
    }) as ArtifactStore['downloadDocument'],
  };
}

function read(failure: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'ensemble-publish-read-'));
  dirs.push(dir);
  return readPublishArtifacts(storeWhere(failure), RunDirectory.at(dir), defaultConfig());
}

const problems = [{ path: '$.status', message: 'bad' }];
const contractError = new ContractError(`${ARTIFACTS.code('api')}: task.json`, 'code', problems, 'hint');
const fileMissing = new ArtifactFileMissingError(ARTIFACTS.code('api'), 'task.json', 'code', ['task.patch']);

describe('reading the artifacts for publish', () => {
  test.each([
    ['a document that is not the contract', contractError],
    ['an artifact without its document file', fileMissing],
  ])('%s makes the artifact invalid: the run fails closed', async (_name, error) => {
    const artifacts = await read(error);
    expect(artifacts.invalid).toEqual([{ artifact: ARTIFACTS.code('api'), message: error.message }]);
    expect(artifacts.stages.find((s) => s.stage === 'code · api')).toMatchObject({
      state: 'failed',
      status: 'invalid artifact',
      detail: error.message,
    });
  });

  test('a missing artifact is a failed stage, not an invalid artifact', async () => {
    const artifacts = await read(new ArtifactMissingError(ARTIFACTS.code('api'), 'code', []));
    expect(artifacts.invalid).toEqual([]);
    const api = artifacts.stages.find((s) => s.stage === 'code · api');
    expect(api).toMatchObject({ state: 'failed', status: 'no artifact' });
  });

  test('any other error propagates, even with the name or message of one it classifies', async () => {
    const lookalike = new Error(`artifact ${ARTIFACTS.code('api')} has no task.json (it holds: nothing)`);
    await expect(read(lookalike)).rejects.toBe(lookalike);
    const named = Object.assign(new Error('the disk is full'), { name: 'ContractError' });
    await expect(read(named)).rejects.toBe(named);
  });
});
