/**
 * The artifact service fake itself: it must refuse what the real service refuses, or tests of the
 * artifact store could pass against it while failing on GitHub.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type ArtifactFake, readZip, startArtifactFake } from '../../support/artifact-fake.ts';

const SERVICE = 'twirp/github.actions.results.api.v1.ArtifactService';

let fake: ArtifactFake;
beforeAll(async () => {
  fake = await startArtifactFake({ workflowRunBackendId: 'run-1', workflowJobRunBackendId: 'job-1' });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.problems.length = 0;
});

async function rpc(method: string, body: unknown, token: string | null = fake.runtimeToken) {
  const response = await fetch(`${fake.url}${SERVICE}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const ids = { workflow_run_backend_id: 'run-1', workflow_job_run_backend_id: 'job-1' };

describe('artifact service fake', () => {
  test('the runtime token is a JWT whose scp claim grants Actions.Results:<run>:<job>', () => {
    const payload = JSON.parse(
      Buffer.from(fake.runtimeToken.split('.')[1] as string, 'base64url').toString('utf8'),
    ) as { scp: string };
    expect(payload.scp.split(' ')).toContain('Actions.Results:run-1:job-1');
    expect(fake.env).toEqual({ ACTIONS_RESULTS_URL: fake.url, ACTIONS_RUNTIME_TOKEN: fake.runtimeToken });
  });

  test('refuses calls without a token it issued, and ids the token does not grant', async () => {
    expect(await rpc('ListArtifacts', ids, null)).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
    expect(await rpc('ListArtifacts', ids, 'a.b.c')).toMatchObject({ status: 401 });
    const other = fake.tokenFor({ run: 'run-2' });
    expect(await rpc('ListArtifacts', ids, other)).toMatchObject({ status: 403, body: { code: 'permission_denied' } });
    expect(fake.problems).toHaveLength(3);
  });

  test('refuses unknown fields, wrong types, invalid names and unknown methods', async () => {
    expect((await rpc('ListArtifacts', { ...ids, nameFilter: 'x' })).status).toBe(400);
    expect((await rpc('FinalizeArtifact', { ...ids, name: 'x', size: 1.5 })).status).toBe(400);
    expect((await rpc('CreateArtifact', { ...ids, name: 'a/b', version: 7 })).body).toMatchObject({
      code: 'invalid_argument',
    });
    expect((await rpc('CreateArtifact', { ...ids, name: 'ok', version: 7, expires_at: 'tomorrow' })).status).toBe(400);
    expect((await rpc('UploadArtifact', ids)).body).toMatchObject({ code: 'bad_route' });
    expect(fake.problems).toHaveLength(5);
  });

  test('a single-PUT upload, finalize with size and hash checked, list, signed download, delete', async () => {
    const zip = Buffer.from(
      'UEsDBBQAAAAIAPGbdV2GphA2BwAAAAUAAAAFAAAAYS50eHTLSM3JyQcAUEsBAhQDFAAAAAgA8Zt1XYamEDYHAAAABQAAAAUAAAAAAAAAAAAAAIABAAAAAGEudHh0UEsFBgAAAAABAAEAMwAAACoAAAAAAA==',
      'base64',
    );
    expect(readZip(zip).get('a.txt')?.toString()).toBe('hello');

    const created = await rpc('CreateArtifact', { ...ids, name: 'single', version: 7, mime_type: 'application/zip' });
    expect(created).toMatchObject({ status: 200, body: { ok: true } });
    const uploadUrl = created.body['signed_upload_url'] as string;
    expect(new URL(uploadUrl).searchParams.get('sp')).toBe('cw');

    const unsigned = new URL(uploadUrl);
    unsigned.searchParams.set('sig', 'forged');
    const forged = await fetch(unsigned, {
      method: 'PUT',
      headers: { 'x-ms-version': '2025-01-05', 'x-ms-blob-type': 'BlockBlob' },
      body: zip,
    });
    expect(forged.status).toBe(403);

    const put = await fetch(uploadUrl, {
      method: 'PUT',
      headers: {
        'x-ms-version': '2025-01-05',
        'x-ms-blob-type': 'BlockBlob',
        'x-ms-blob-content-type': 'application/zip',
      },
      body: zip,
    });
    expect(put.status).toBe(201);

    expect((await rpc('FinalizeArtifact', { ...ids, name: 'single', size: String(zip.length + 1) })).status).toBe(400);
    expect(
      (await rpc('FinalizeArtifact', { ...ids, name: 'single', size: String(zip.length), hash: 'sha256:00' })).status,
    ).toBe(400);
    expect(fake.problems).toHaveLength(3);
    fake.problems.length = 0;
    const finalized = await rpc('FinalizeArtifact', { ...ids, name: 'single', size: String(zip.length) });
    expect(finalized).toMatchObject({ status: 200, body: { ok: true, artifact_id: expect.stringMatching(/^\d+$/) } });

    const listed = await rpc('ListArtifacts', { ...ids, name_filter: 'single' }, fake.tokenFor());
    expect(listed.body['artifacts']).toEqual([
      expect.objectContaining({
        name: 'single',
        database_id: finalized.body['artifact_id'],
        size: String(zip.length),
        ...ids,
      }),
    ]);

    const duplicate = await rpc('CreateArtifact', { ...ids, name: 'single', version: 7 });
    expect(duplicate).toMatchObject({ status: 409, body: { code: 'already_exists' } });
    fake.problems.length = 0;

    const signed = await rpc('GetSignedArtifactURL', { ...ids, name: 'single' });
    const download = await fetch(signed.body['signed_url'] as string);
    expect(download.headers.get('content-type')).toBe('application/zip');
    expect(Buffer.from(await download.arrayBuffer()).equals(zip)).toBe(true);
    expect(fake.files('single').get('a.txt')?.toString()).toBe('hello');

    expect(await rpc('DeleteArtifact', { ...ids, name: 'single' })).toMatchObject({ status: 200, body: { ok: true } });
    expect(await rpc('DeleteArtifact', { ...ids, name: 'single' })).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
    expect((await fetch(signed.body['signed_url'] as string)).status).toBe(404);
    fake.problems.length = 0;
    expect(fake.find('single')).toBeUndefined();
  });

  test('finalizing what was never uploaded is a problem', async () => {
    await rpc('CreateArtifact', { ...ids, name: 'never', version: 7 });
    expect(await rpc('FinalizeArtifact', { ...ids, name: 'never', size: '0' })).toMatchObject({ status: 412 });
    expect(fake.problems).toEqual([expect.stringContaining('has no committed blob')]);
  });
});
