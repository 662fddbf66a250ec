/**
 * The Actions artifact store, with the real `@actions/artifact` client against the loopback
 * artifact service fake (Twirp results service + Azure block-blob storage).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ARTIFACTS, producerOfArtifact } from '../../../../src/artifacts/names.ts';
import { ArtifactMissingError, ArtifactRefusedError } from '../../../../src/artifacts/store.ts';
import { ContractError } from '../../../../src/contracts/read.ts';
import { scrubCredentials } from '../../../../src/model/keys.ts';
import {
  ActionsArtifactStore,
  artifactCredentials,
  artifactRetention,
  DEFAULT_RETENTION_DAYS,
} from '../../../../src/runtime/actions/artifacts.ts';
import { jobArtifacts } from '../../../../src/runtime/actions/environment.ts';
import { type ArtifactFake, startArtifactFake } from '../../../support/artifact-fake.ts';
import { validPlan, validTask } from '../../../support/documents.ts';
import { cleanupTemps, tempDir } from '../../../support/git-fixture.ts';
import { buildZip, uploadRawArtifact } from '../../../support/raw-artifact.ts';

const VARIABLES = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'] as const;

let fake: ArtifactFake;
let saved: Record<string, string | undefined>;
let savedRetention: string | undefined;

beforeAll(async () => {
  fake = await startArtifactFake();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  // Each test starts from an environment without artifact credentials, as after scrubbing.
  saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of VARIABLES) delete process.env[name];
  // The client caps retention by the runner's GITHUB_RETENTION_DAYS itself: tests set it when they mean to.
  savedRetention = process.env['GITHUB_RETENTION_DAYS'];
  delete process.env['GITHUB_RETENTION_DAYS'];
  fake.problems.length = 0;
});
afterEach(() => {
  expect(fake.problems).toEqual([]);
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  if (savedRetention === undefined) delete process.env['GITHUB_RETENTION_DAYS'];
  else process.env['GITHUB_RETENTION_DAYS'] = savedRetention;
  cleanupTemps();
});

function store(token = fake.runtimeToken): ActionsArtifactStore {
  return new ActionsArtifactStore({ runtimeToken: token, resultsUrl: fake.url });
}

function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [file, contents] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), contents);
  }
}

function readTree(dir: string, files: string[]): Record<string, Buffer> {
  return Object.fromEntries(files.map((file) => [file, readFileSync(join(dir, file))]));
}

let counter = 0;
/** A name unique to the test, since the fake's run is shared by the file. */
function unique(base: string): string {
  return `${base}-${++counter}`;
}

describe('upload and download', () => {
  test('a code artifact (task.json, task.patch, transcript.jsonl) comes back byte-identical', async () => {
    const name = ARTIFACTS.code(unique('api'));
    const src = tempDir();
    const files = {
      'task.json': `${JSON.stringify(validTask(), null, 2)}\n`,
      'task.patch': 'diff --git a/src/a.ts b/src/a.ts\n--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1 +1 @@\n-old\n+new ✓\n',
      'transcript.jsonl': `${JSON.stringify({ turn: 1, text: 'héllo' })}\n${JSON.stringify({ turn: 2 })}\n`,
      'logs/nested/run.txt': 'nested files keep their relative path\n',
    };
    writeTree(src, files);

    const uploaded = await store().uploadArtifact(name, src);
    expect(uploaded).toMatchObject({ name, files: Object.keys(files).sort(), replaced: [] });
    expect(uploaded.size).toBeGreaterThan(0);

    const stored = fake.find(name);
    expect(stored?.id).toBe(uploaded.id);
    expect(stored?.size).toBe(uploaded.size);
    expect(stored?.digest).toBe(`sha256:${uploaded.digest}`);
    expect(stored?.contentType).toBe('application/zip');
    // Retention: the approval and re-run window, sent as expires_at.
    const days = ((stored?.expiresAt?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(DEFAULT_RETENTION_DAYS - 1);
    expect(days).toBeLessThanOrEqual(DEFAULT_RETENTION_DAYS);
    expect([...fake.files(name).keys()].sort()).toEqual(Object.keys(files).sort());

    // The protocol the real client spoke: list (replace check), create, blocks, commit, finalize.
    const calls = fake.requests.filter((r) => r.index >= fake.requests.length - 20).map((r) => r.rpc ?? r.blob);
    const tail = calls.slice(calls.lastIndexOf('ListArtifacts'));
    expect(tail[0]).toBe('ListArtifacts');
    expect(tail.slice(1, 3)).toEqual(['CreateArtifact', 'stage-block']);
    expect(tail.slice(-2)).toEqual(['commit-block-list', 'FinalizeArtifact']);

    const dest = tempDir();
    const downloaded = await store().downloadArtifact(name, join(dest, name));
    expect(downloaded).toMatchObject({ name, id: uploaded.id, size: uploaded.size, dir: join(dest, name) });
    const original = readTree(src, Object.keys(files));
    expect(readTree(join(dest, name), Object.keys(files))).toEqual(original);
  });

  test('binary files survive the zip and a multi-block upload unchanged', async () => {
    const name = unique('ensemble-binary');
    const src = tempDir();
    const small = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    // Random bytes do not compress: above the client's 8 MiB block size, so two blocks are staged.
    const large = randomBytes(9 * 1024 * 1024);
    writeTree(src, { 'bytes.bin': small, 'data/large.bin': large });
    const first = fake.requests.length;
    await store().uploadArtifact(name, src);
    expect(fake.requests.slice(first).filter((r) => r.blob === 'stage-block')).toHaveLength(2);
    const dest = tempDir();
    await store().downloadArtifact(name, dest);
    expect(readFileSync(join(dest, 'bytes.bin')).equals(small)).toBe(true);
    expect(readFileSync(join(dest, 'data/large.bin')).equals(large)).toBe(true);
  });

  test('a valid document is downloaded, validated and returned', async () => {
    const name = ARTIFACTS.plan;
    const src = tempDir();
    writeTree(src, { 'plan.json': JSON.stringify(validPlan()) });
    await store().uploadArtifact(name, src);
    const plan = await store().downloadDocument('plan', name, 'plan.json', tempDir());
    expect(plan).toEqual(validPlan());
  });
});

/** Days from now to the expiry the service was asked for. */
function daysKept(name: string): number {
  const expiresAt = fake.find(name)?.expiresAt;
  if (!expiresAt) throw new Error(`artifact ${name} was uploaded without expires_at`);
  return (expiresAt.getTime() - Date.now()) / 86_400_000;
}

function recordingLog() {
  const lines = { info: [] as string[], warning: [] as string[] };
  return { lines, log: { info: (m: string) => lines.info.push(m), warning: (m: string) => lines.warning.push(m) } };
}

describe('retention: artifacts outlive a late approval or re-run', () => {
  test('a job keeps its artifacts 30 days by default, with nothing to warn about', async () => {
    const { lines, log } = recordingLog();
    const name = unique('ensemble-plan');
    const src = tempDir();
    writeTree(src, { 'plan.json': JSON.stringify(validPlan()) });
    await jobArtifacts({ ...fake.env }, log).uploadArtifact(name, src);
    // An environment approval may wait 30 days, and failed jobs may be re-run for 30 days.
    expect(daysKept(name)).toBeGreaterThan(29.9);
    expect(daysKept(name)).toBeLessThanOrEqual(30);
    expect(lines).toEqual({ info: [], warning: [] });
  });

  test('a repository retention of 10 days caps it, and the warning says what fails and what to change', async () => {
    const { lines, log } = recordingLog();
    const env = { ...fake.env, GITHUB_RETENTION_DAYS: '10' };
    process.env['GITHUB_RETENTION_DAYS'] = '10'; // as the runner sets it, where the client reads it
    const store = jobArtifacts(env, log);
    const name = unique('ensemble-plan');
    const src = tempDir();
    writeTree(src, { 'plan.json': JSON.stringify(validPlan()) });
    await store.uploadArtifact(name, src);
    expect(daysKept(name)).toBeGreaterThan(9.9);
    expect(daysKept(name)).toBeLessThanOrEqual(10);
    expect(lines.info).toEqual([
      "Artifacts are kept 10 days, the repository's maximum (GITHUB_RETENTION_DAYS), instead of 30.",
    ]);
    expect(lines.warning).toHaveLength(1);
    const warning = lines.warning[0];
    expect(warning).toMatch(/kept only 10 days \(the repository's artifact retention\)/);
    expect(warning).toMatch(/an approval or re-run after 10 days will fail/);
    expect(warning).toContain('ensemble-plan');
    expect(warning).toContain('Settings → Actions → General → Artifact and log retention');
    expect(warning).toContain('to 30 days or more');

    // Once per job: a second upload says nothing more.
    const other = unique('ensemble-docs');
    await store.uploadArtifact(other, src);
    expect(daysKept(other)).toBeLessThanOrEqual(10);
    expect(lines.warning).toHaveLength(1);
  });

  test.each([
    { requested: 30, max: undefined, days: 30, capped: false, warns: false },
    { requested: 30, max: '90', days: 30, capped: false, warns: false },
    { requested: 30, max: '30', days: 30, capped: false, warns: false },
    { requested: 30, max: '1', days: 1, capped: true, warns: true },
    { requested: 30, max: 'ninety', days: 30, capped: false, warns: false },
    { requested: 5, max: undefined, days: 5, capped: false, warns: true },
  ])('artifactRetention($requested, $max) asks for $days days', ({ requested, max, days, capped, warns }) => {
    const retention = artifactRetention(requested, max);
    expect(retention).toMatchObject({ days, capped });
    expect(retention.warning !== null).toBe(warns);
    if (max === 'ninety') expect(retention.notes[0]).toMatch(/GITHUB_RETENTION_DAYS="ninety" is not a number of days/);
    if (days === 1) expect(retention.warning).toMatch(/kept only 1 day \(/);
  });
});

describe('re-runs replace their artifact', () => {
  test('the fake refuses a second artifact with the same name, as the service does', async () => {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const name = unique('ensemble-dup');
    const src = tempDir();
    writeTree(src, { 'a.txt': 'a' });
    Object.assign(process.env, fake.env);
    const client = new DefaultArtifactClient();
    await client.uploadArtifact(name, [join(src, 'a.txt')], src);
    await expect(client.uploadArtifact(name, [join(src, 'a.txt')], src)).rejects.toThrow(
      /409.*an artifact with this name already exists on the workflow run/,
    );
    expect(fake.problems).toHaveLength(1);
    fake.problems.length = 0;
  });

  test('uploading the same name again, from a re-run of the job, leaves exactly one artifact with the new files', async () => {
    const name = ARTIFACTS.code(unique('api'));
    const first = tempDir();
    writeTree(first, { 'task.json': '{"attempt":1}', 'old-only.txt': 'from attempt 1' });
    const before = await store().uploadArtifact(name, first);

    const rerun = store(fake.tokenFor()); // the re-run is another job of the same run
    const second = tempDir();
    writeTree(second, { 'task.json': '{"attempt":2}' });
    const after = await rerun.uploadArtifact(name, second);

    expect(after.replaced).toEqual([before.id]);
    const same = fake.artifacts.filter((a) => a.name === name && a.workflowRunBackendId === fake.workflowRunBackendId);
    expect(same.map((a) => a.id)).toEqual([after.id]);
    expect(fake.deleted.map((a) => a.id)).toContain(before.id);

    const dest = tempDir();
    await store().downloadArtifact(name, dest);
    expect(readFileSync(join(dest, 'task.json'), 'utf8')).toBe('{"attempt":2}');
    expect([...fake.files(name).keys()]).toEqual(['task.json']);
  });
});

describe('missing and invalid artifacts', () => {
  test('a missing artifact is named, with the stage that should have uploaded it', async () => {
    const name = ARTIFACTS.code('never-uploaded');
    const error = await store()
      .downloadArtifact(name, tempDir())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArtifactMissingError);
    expect((error as ArtifactMissingError).artifact).toBe(name);
    expect((error as Error).message).toMatch(
      /artifact ensemble-code-never-uploaded was not found in this workflow run/,
    );
    expect((error as Error).message).toMatch(/uploaded by the code stage/);
    expect((error as Error).message).toMatch(/This run has: ensemble-/);
  });

  test('artifacts of another run are not visible', async () => {
    const other = store(fake.tokenFor({ run: 'another-run' }));
    await expect(other.downloadDocument('plan', ARTIFACTS.plan, 'plan.json', tempDir())).rejects.toThrow(
      /artifact ensemble-plan was not found in this workflow run; it is uploaded by the plan stage.*no artifacts yet/,
    );
  });

  test('a document with an older schema version is refused with its artifact name, file and producer', async () => {
    const name = ARTIFACTS.review(unique('old'));
    const src = tempDir();
    writeTree(src, { 'plan.json': JSON.stringify({ ...validPlan(), schema: 'ensemble.plan/v0' }) });
    await store().uploadArtifact(name, src);
    const error = await store()
      .downloadDocument('plan', name, 'plan.json', tempDir())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).artifact).toBe(`${name}: plan.json`);
    expect((error as Error).message).toContain(`${name}: plan.json (written by the plan stage) is not valid`);
    expect((error as Error).message).toContain('$.schema: "ensemble.plan/v0" was written by an older ensemble');
  });

  test('a document file absent from its artifact is named, with what the artifact holds', async () => {
    const name = ARTIFACTS.code(unique('nofile'));
    const src = tempDir();
    writeTree(src, { 'task.patch': '', 'transcript.jsonl': '{}\n' });
    await store().uploadArtifact(name, src);
    const dest = tempDir();
    writeFileSync(join(dest, 'task.json'), JSON.stringify(validTask())); // stale copy must not be used
    await expect(store().downloadDocument('task', name, 'task.json', dest)).rejects.toThrow(
      new RegExp(
        `artifact ${name} has no task.json \\(it holds: task.patch, transcript.jsonl\\); the code stage writes it`,
      ),
    );
  });

  test('refuses to upload an empty directory or a symbolic link', async () => {
    const empty = tempDir();
    await expect(store().uploadArtifact('ensemble-empty', empty)).rejects.toThrow(
      /cannot upload artifact ensemble-empty: .* holds no files/,
    );
    const withLink = tempDir();
    writeTree(withLink, { 'task.json': '{}' });
    symlinkSync('/etc/hostname', join(withLink, 'leak'));
    await expect(store().uploadArtifact('ensemble-link', withLink)).rejects.toThrow(/leak is not a regular file/);
    expect(fake.find('ensemble-empty')).toBeUndefined();
    expect(fake.find('ensemble-link')).toBeUndefined();
  });

  test('producerOfArtifact maps every artifact name of the run directory to its stage', () => {
    expect(producerOfArtifact(ARTIFACTS.plan)).toBe('plan');
    expect(producerOfArtifact(ARTIFACTS.code('api'))).toBe('code');
    expect(producerOfArtifact(ARTIFACTS.test)).toBe('test');
    expect(producerOfArtifact(ARTIFACTS.review('security'))).toBe('review');
    expect(producerOfArtifact(ARTIFACTS.docs)).toBe('docs');
    expect(producerOfArtifact(ARTIFACTS.publish)).toBe('publish');
    expect(producerOfArtifact('something-else')).toBeNull();
  });
});

describe('credentials', () => {
  test('the token and URL are in the environment only during a call, including a failing one', async () => {
    const name = unique('ensemble-env');
    const src = tempDir();
    writeTree(src, { 'a.txt': 'a' });
    const s = store();
    await s.uploadArtifact(name, src);
    for (const variable of VARIABLES) expect(process.env[variable]).toBeUndefined();
    await s.downloadArtifact(name, tempDir());
    for (const variable of VARIABLES) expect(process.env[variable]).toBeUndefined();
    await expect(s.downloadArtifact(unique('ensemble-absent'), tempDir())).rejects.toThrow(ArtifactMissingError);
    for (const variable of VARIABLES) expect(process.env[variable]).toBeUndefined();
    // They did reach the service: every Twirp call carried the store's token.
    const twirp = fake.requests.filter((r) => r.rpc);
    expect(twirp.length).toBeGreaterThan(0);
    expect(twirp.at(-1)?.headers['authorization']).toBe(`Bearer ${fake.runtimeToken}`);
  });

  test('overlapping calls share the window; values set before are restored afterwards', async () => {
    process.env['ACTIONS_RESULTS_URL'] = 'https://results.example.invalid/';
    const name = unique('ensemble-overlap');
    const src = tempDir();
    writeTree(src, { 'a.txt': 'a' });
    await store().uploadArtifact(name, src);
    const other = store(fake.tokenFor());
    await Promise.all([
      store().downloadArtifact(name, tempDir()),
      other.downloadArtifact(name, tempDir()),
      store().downloadArtifact(name, tempDir()),
    ]);
    expect(process.env['ACTIONS_RESULTS_URL']).toBe('https://results.example.invalid/');
    expect(process.env['ACTIONS_RUNTIME_TOKEN']).toBeUndefined();
  });

  test('credentials captured by scrubCredentials drive the store after the environment is scrubbed', async () => {
    const env: Record<string, string | undefined> = { ...fake.env, PATH: '/usr/bin' };
    const kept = scrubCredentials(env);
    expect(env['ACTIONS_RUNTIME_TOKEN']).toBeUndefined();
    const credentials = artifactCredentials(kept, env);
    expect(credentials).toEqual({ runtimeToken: fake.runtimeToken, resultsUrl: fake.url });
    const name = unique('ensemble-scrubbed');
    const src = tempDir();
    writeTree(src, { 'a.txt': 'a' });
    await new ActionsArtifactStore(credentials).uploadArtifact(name, src);
    expect(fake.find(name)).toBeDefined();
  });

  test('missing credentials are named', () => {
    expect(() => artifactCredentials({}, {})).toThrow(/ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set/);
    expect(() => artifactCredentials({ ACTIONS_RUNTIME_TOKEN: 't' }, {})).toThrow(/ACTIONS_RESULTS_URL is not set/);
    expect(() => new ActionsArtifactStore({ runtimeToken: 't', resultsUrl: 'http://x/', retentionDays: 0 })).toThrow(
      /retentionDays/,
    );
  });

  test('the client is loaded lazily: no value import of @actions/artifact', () => {
    const source = readFileSync(new URL('../../../../src/runtime/actions/artifacts.ts', import.meta.url), 'utf8');
    expect(source).toMatch(/import\('@actions\/artifact'\)/);
    expect(source).not.toMatch(/^import (?!type )[^;]*'@actions\/artifact'/m);
  });
});

describe('bounded extraction: a download unpacks at most what an artifact may hold', () => {
  const MiB = 1024 * 1024;

  /** Bytes under `dir`, every file counted. */
  function bytesUnder(dir: string): number {
    let total = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
    }
    return total;
  }

  test('a 64 KiB zip inflating to 64 MiB is refused, naming the artifact, before anything is written', async () => {
    const name = ARTIFACTS.review(unique('bomb'));
    const zip = buildZip([{ name: 'review.json', contents: Buffer.alloc(64 * MiB) }]);
    expect(zip.length).toBeLessThan(128 * 1024);
    await uploadRawArtifact(fake, name, zip);
    const dest = tempDir();
    const download = store().downloadArtifact(name, dest);
    await expect(download).rejects.toThrow(ArtifactRefusedError);
    await expect(download).rejects.toThrow(
      new RegExp(`^artifact ${name} was not extracted: it would unpack to more than 32\\.0 MiB`),
    );
    expect(bytesUnder(dest)).toBe(0);
  });

  test('an entry that declares 100 bytes and inflates to 64 MiB stops one byte past what it declared', async () => {
    const name = ARTIFACTS.code(unique('liar'));
    const zip = buildZip([
      { name: 'task.json', contents: Buffer.from('{}') },
      { name: 'transcript.jsonl', contents: Buffer.alloc(64 * MiB, 0x61), declaredSize: 100 },
    ]);
    await uploadRawArtifact(fake, name, zip);
    const dest = tempDir();
    await expect(store().downloadArtifact(name, dest)).rejects.toThrow(
      `artifact ${name} was not extracted: its entry "transcript.jsonl" inflates to more than the 100 bytes it declares`,
    );
    expect(bytesUnder(dest)).toBeLessThan(1024);
  });

  test('too many entries, a path out of the artifact, or a symbolic link are refused', async () => {
    const many = ARTIFACTS.code(unique('many'));
    const entries = Array.from({ length: 1_001 }, (_, i) => ({ name: `f${i}`, contents: Buffer.from('x') }));
    await uploadRawArtifact(fake, many, buildZip(entries));
    await expect(store().downloadArtifact(many, tempDir())).rejects.toThrow(
      'it holds 1001 entries, more than the limit of 1000',
    );

    const outside = ARTIFACTS.code(unique('escape'));
    await uploadRawArtifact(fake, outside, buildZip([{ name: '../outside.txt', contents: Buffer.from('x') }]));
    const dest = tempDir();
    await expect(store().downloadArtifact(outside, join(dest, 'in'))).rejects.toThrow(
      'its entry "../outside.txt" is not a path inside it',
    );
    expect(existsSync(join(dest, 'outside.txt'))).toBe(false);

    const link = ARTIFACTS.code(unique('link'));
    await uploadRawArtifact(
      fake,
      link,
      buildZip([{ name: 'leak', contents: Buffer.from('/etc/passwd'), mode: 0o120777 }]),
    );
    await expect(store().downloadArtifact(link, tempDir())).rejects.toThrow(/"leak" is not a regular file/);
  });

  test('an upload larger than a download would extract is refused by the stage that makes it', async () => {
    const small = new ActionsArtifactStore({
      runtimeToken: fake.runtimeToken,
      resultsUrl: fake.url,
      limits: { maxBytes: 1_000, maxEntries: 10 },
    });
    const src = tempDir();
    writeTree(src, { 'transcript.jsonl': Buffer.alloc(2_000, 0x61) });
    const name = ARTIFACTS.code(unique('big'));
    await expect(small.uploadArtifact(name, src)).rejects.toThrow(
      `cannot upload artifact ${name}: 1 files of 2000 bytes, more than a download extracts (10 files, 1000 bytes)`,
    );
    expect(fake.find(name)).toBeUndefined();
  });
});
