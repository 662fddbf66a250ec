/**
 * Artifacts the real client would never make: a zip built by hand (a zip bomb, an entry that lies
 * about its size, a symbolic link) uploaded to the artifact fake through the service's own
 * protocol (`CreateArtifact`, a block-blob `PUT` to the signed URL, `FinalizeArtifact`), as any
 * step holding the job's runtime token could.
 */
import { createHash, randomUUID } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import type { ArtifactFake } from './artifact-fake.ts';

export interface RawZipEntry {
  name: string;
  /** The entry's contents before compression. */
  contents: Buffer;
  /** The uncompressed size the headers declare; the true size by default. */
  declaredSize?: number;
  /** Unix mode in the external attributes; a regular file (0o100644) by default. */
  mode?: number;
}

/** A zip of deflated entries, with a central directory, as archiver writes one. */
export function buildZip(entries: readonly RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = deflateRawSync(entry.contents, { level: 9 });
    const size = entry.declaredSize ?? entry.contents.length;
    const crc = crc32(entry.contents) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((entry.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Uploads `zip` as artifact `name` of the fake's default run, from a job of its own. */
export async function uploadRawArtifact(fake: ArtifactFake, name: string, zip: Buffer): Promise<void> {
  const job = randomUUID();
  const token = fake.tokenFor({ job });
  const ids = { workflow_run_backend_id: fake.workflowRunBackendId, workflow_job_run_backend_id: job };
  const twirp = async (method: string, body: object) => {
    const response = await fetch(`${fake.url}twirp/github.actions.results.api.v1.ArtifactService/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${method}: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  };
  const created = await twirp('CreateArtifact', { ...ids, name, version: 4, mime_type: 'application/zip' });
  const put = await fetch(String(created['signed_upload_url']), {
    method: 'PUT',
    headers: {
      'x-ms-version': '2025-01-05',
      'x-ms-blob-type': 'BlockBlob',
      'x-ms-blob-content-type': 'application/zip',
    },
    body: zip,
  });
  if (!put.ok) throw new Error(`blob upload: ${put.status} ${await put.text()}`);
  const hash = `sha256:${createHash('sha256').update(zip).digest('hex')}`;
  await twirp('FinalizeArtifact', { ...ids, name, size: String(zip.length), hash });
}
