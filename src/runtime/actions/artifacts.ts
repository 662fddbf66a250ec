/**
 * Artifacts on GitHub Actions: the `ArtifactStore` port over the real `@actions/artifact` client
 * (docs/design.md §1, issue 5 "Artifacts"). Our actions upload and download their own artifacts, so a
 * user's workflow has no upload or download steps to get wrong.
 *
 * - Names are `ARTIFACTS` (`src/artifacts/names.ts`), and an artifact's files are laid out as in a
 *   run directory's `artifacts/<name>/`, so a downloaded GitHub run is a run directory too.
 * - Uploads replace an artifact of the same name from the current run: the results service refuses
 *   a second artifact with a name (409 "an artifact with this name already exists on the workflow
 *   run"), and a re-run of a failed job must be able to upload again. So: list → delete → upload.
 * - Downloads find the artifact by name in the current run, fetch its zip as it is, check its digest,
 *   and extract it within limits (`zip.ts`: a zip bomb is refused before it is inflated); documents
 *   are validated against their contract before a stage uses them. An upload over the same limits
 *   is refused by the stage that made it.
 *
 * Credentials. The client reads `ACTIONS_RUNTIME_TOKEN` and `ACTIONS_RESULTS_URL` from
 * `process.env` and nowhere else (it has no option to pass them). But the model-key scrubber
 * (`scrubCredentials` in `src/model/keys.ts`) deletes the runtime token from `process.env` before
 * any agent command starts, so that nothing the agents run can inherit it. The store therefore takes
 * both values explicitly, captured before scrubbing (`artifactCredentials(kept)`), and puts them into
 * `process.env` only for the duration of each client call, restoring the previous state afterwards,
 * even when the call fails. This keeps the window small and is safe because the artifact client
 * starts no child processes; agent commands start from an allow-listed environment in any case, so a
 * command that happened to start during a call would still not receive the token. Overlapping calls
 * with the same credentials share one window; a call with different credentials waits for it to close.
 *
 * The client (and its Azure and Octokit dependencies) is imported lazily, on the first call: an
 * action that never touches artifacts, or fails before it does, does not pay for loading it. So are
 * the contracts, at the first download: the job's checks (`artifactCredentials`) come before them.
 */
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import type * as ArtifactModule from '@actions/artifact';
import {
  ArtifactFileMissingError,
  ArtifactMissingError,
  ArtifactRefusedError,
  type ArtifactStore,
  type DownloadedArtifact,
  type UploadedArtifact,
} from '../../artifacts/store.ts';
import type { DocumentName, DocumentOf, Producer } from '../../contracts/documents.ts';
import { UserError } from '../../util/errors.ts';
import { ARTIFACT_LIMITS, extractZip, maxZipBytes, type ZipLimits } from './zip.ts';

/**
 * Days GitHub keeps ensemble's artifacts: GitHub's own windows for finishing a run late. A job waiting for an
 * environment's approval waits up to 30 days, and failed jobs can be re-run up to 30 days after the run; either
 * then downloads the artifacts of the jobs before it (the publisher needs `ensemble-plan`), so they must outlive
 * both. The repository's retention setting caps it (see {@link artifactRetention}).
 */
export const DEFAULT_RETENTION_DAYS = 30;

/** Where a repository's (or its organization's) maximum artifact retention is set. */
export const RETENTION_SETTING =
  'Settings → Actions → General → Artifact and log retention (of the repository, or of its organization)';

/** Where the store's retention notes go: the job's log on Actions. */
export interface RetentionLog {
  info(message: string): void;
  warning(message: string): void;
}

export interface ArtifactCredentials {
  /** `ACTIONS_RUNTIME_TOKEN` of the job. */
  runtimeToken: string;
  /** `ACTIONS_RESULTS_URL` of the job. */
  resultsUrl: string;
}

export interface ActionsArtifactStoreOptions extends ArtifactCredentials {
  /** Days to keep uploads; defaults to {@link DEFAULT_RETENTION_DAYS}. */
  retentionDays?: number;
  /**
   * The repository's maximum retention as the runner gives it (`GITHUB_RETENTION_DAYS`), which caps
   * `retentionDays`; undefined when the runner gives none.
   */
  repositoryRetentionDays?: string | undefined;
  /** Told, at the first upload, when artifacts are kept less than {@link DEFAULT_RETENTION_DAYS}. */
  log?: RetentionLog;
  /** What one artifact may unpack to; {@link ARTIFACT_LIMITS} by default. */
  limits?: ZipLimits;
}

export interface ArtifactRetention {
  /** Days to ask for. */
  days: number;
  /** Whether the repository's maximum lowered the days asked for. */
  capped: boolean;
  /** Info lines for the log (a cap, an unreadable `GITHUB_RETENTION_DAYS`). */
  notes: string[];
  /** Set when artifacts are kept less than the approval and re-run window: what may fail and what to change. */
  warning: string | null;
}

/**
 * The retention to ask for: `requested`, capped by the repository's maximum. The client caps too (it reads
 * `GITHUB_RETENTION_DAYS` from `process.env` and logs a generic warning), but we cap here, explicitly, so the
 * days sent are the days we report, and so the warning can say what a short retention breaks and where to change it.
 */
export function artifactRetention(requested: number, repositoryRetentionDays: string | undefined): ArtifactRetention {
  const notes: string[] = [];
  let days = requested;
  let capped = false;
  if (repositoryRetentionDays !== undefined && repositoryRetentionDays.trim() !== '') {
    const maximum = Number(repositoryRetentionDays.trim());
    if (!Number.isInteger(maximum) || maximum < 1) {
      notes.push(
        `GITHUB_RETENTION_DAYS=${JSON.stringify(repositoryRetentionDays)} is not a number of days; ` +
          `artifacts are uploaded with a retention of ${requested} days.`,
      );
    } else if (maximum < requested) {
      days = maximum;
      capped = true;
      notes.push(
        `Artifacts are kept ${maximum} days, the repository's maximum (GITHUB_RETENTION_DAYS), ` +
          `instead of ${requested}.`,
      );
    }
  }
  const warning =
    days < DEFAULT_RETENTION_DAYS
      ? `ensemble's artifacts are kept only ${days} day${days === 1 ? '' : 's'}` +
        `${capped ? " (the repository's artifact retention)" : ''}, but GitHub lets a job wait ` +
        `${DEFAULT_RETENTION_DAYS} days for an environment approval and lets failed jobs be re-run for ` +
        `${DEFAULT_RETENTION_DAYS} days: an approval or re-run after ${days} day${days === 1 ? '' : 's'} ` +
        `will fail because the artifacts it needs (ensemble-plan) are gone. To avoid this, set ${RETENTION_SETTING} ` +
        `to ${DEFAULT_RETENTION_DAYS} days or more.`
      : null;
  return { days, capped, notes, warning };
}

/**
 * The artifact credentials of the job, from the variables `scrubCredentials` removed (`kept`) or,
 * before scrubbing, from the environment. Throws naming what is missing: outside a GitHub Actions job
 * step (or in a `run:` step, which does not get the runtime token) there are none.
 */
export function artifactCredentials(
  kept: Record<string, string | undefined>,
  env: Record<string, string | undefined> = process.env,
): ArtifactCredentials {
  const runtimeToken = kept['ACTIONS_RUNTIME_TOKEN'] ?? env['ACTIONS_RUNTIME_TOKEN'];
  const resultsUrl = kept['ACTIONS_RESULTS_URL'] ?? env['ACTIONS_RESULTS_URL'];
  const missing = [runtimeToken ? null : 'ACTIONS_RUNTIME_TOKEN', resultsUrl ? null : 'ACTIONS_RESULTS_URL'].filter(
    Boolean,
  );
  if (missing.length > 0) {
    throw new UserError(
      `cannot use GitHub artifacts: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set. ` +
        'The runner sets them for JavaScript actions only; run ' +
        'ensemble through its actions (uses: …), not from a run: step, ' +
        'or use `ensemble run` outside GitHub Actions.',
    );
  }
  return { runtimeToken: runtimeToken as string, resultsUrl: resultsUrl as string };
}

let loading: Promise<typeof ArtifactModule> | undefined;

/** `@actions/artifact`, imported on first use. */
function loadArtifactModule(): Promise<typeof ArtifactModule> {
  loading ??= import('@actions/artifact');
  return loading;
}

let contracts: ReturnType<typeof importContracts> | undefined;

/** The document table and reader, and the artifacts' names, imported at the first download (once). */
function loadContracts(): ReturnType<typeof importContracts> {
  contracts ??= importContracts();
  return contracts;
}

async function importContracts() {
  const [{ producerOfArtifact }, { DOCUMENTS }, { parseDocumentText }] = await Promise.all([
    import('../../artifacts/names.ts'),
    import('../../contracts/documents.ts'),
    import('../../contracts/read.ts'),
  ]);
  return { producerOfArtifact, DOCUMENTS, parseDocumentText };
}

export class ActionsArtifactStore implements ArtifactStore {
  /** The days each upload asks for, after the repository's cap. */
  readonly retentionDays: number;
  readonly retention: ArtifactRetention;
  private readonly credentials: ArtifactCredentials;
  private readonly log: RetentionLog | undefined;
  private readonly limits: ZipLimits;
  private retentionLogged = false;

  constructor(options: ActionsArtifactStoreOptions) {
    if (!options.runtimeToken) throw new Error('ActionsArtifactStore: runtimeToken is required');
    if (!options.resultsUrl) throw new Error('ActionsArtifactStore: resultsUrl is required');
    const requested = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
    if (!Number.isInteger(requested) || requested < 1 || requested > 90) {
      throw new Error(
        `ActionsArtifactStore: retentionDays must be a whole number of days from 1 to 90, got ${requested}`,
      );
    }
    this.credentials = { runtimeToken: options.runtimeToken, resultsUrl: options.resultsUrl };
    this.retention = artifactRetention(requested, options.repositoryRetentionDays);
    this.retentionDays = this.retention.days;
    this.log = options.log;
    this.limits = options.limits ?? ARTIFACT_LIMITS;
  }

  async uploadArtifact(name: string, dir: string): Promise<UploadedArtifact> {
    const files = listFiles(name, dir);
    // Refused here, where the stage that made it is named, rather than by every job that downloads it.
    const bytes = files.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
    if (files.length > this.limits.maxEntries || bytes > this.limits.maxBytes) {
      throw new Error(
        `cannot upload artifact ${name}: ${files.length} files of ${bytes} bytes, more than a download ` +
          `extracts (${this.limits.maxEntries} files, ${this.limits.maxBytes} bytes)`,
      );
    }
    this.logRetention();
    return this.call(`uploading artifact ${name}`, async (client) => {
      // A job re-run finds its earlier attempt's artifact: the service would refuse the name, so delete it first.
      const { artifacts } = await client.listArtifacts();
      const replaced = artifacts.filter((a) => a.name === name).map((a) => a.id);
      for (let i = 0; i < replaced.length; i++) await client.deleteArtifact(name);
      const result = await client.uploadArtifact(
        name,
        files.map((file) => join(dir, file)),
        dir,
        { retentionDays: this.retentionDays },
      );
      if (result.id === undefined) throw new Error('the artifact service returned no artifact id');
      return { name, id: result.id, size: result.size ?? 0, digest: result.digest, files, replaced };
    });
  }

  async downloadArtifact(name: string, destDir: string): Promise<DownloadedArtifact> {
    const { producerOfArtifact } = await loadContracts();
    return this.download(name, destDir, producerOfArtifact(name));
  }

  async downloadDocument<N extends DocumentName>(
    kind: N,
    name: string,
    file: string,
    destDir: string,
  ): Promise<DocumentOf<N>> {
    const { DOCUMENTS, parseDocumentText, producerOfArtifact } = await loadContracts();
    const producer = DOCUMENTS[kind].producer;
    const path = safeJoin(destDir, file);
    // A stale copy from an earlier download must not stand in for a file the artifact lacks.
    rmSync(path, { force: true });
    await this.download(name, destDir, producerOfArtifact(name) ?? producer);
    if (!existsSync(path)) throw new ArtifactFileMissingError(name, file, producer, listFiles(name, destDir, false));
    return parseDocumentText(kind, readFileSync(path, 'utf8'), { artifact: name, file });
  }

  private download(name: string, destDir: string, producer: Producer | null): Promise<DownloadedArtifact> {
    return this.call(`downloading artifact ${name}`, async (client) => {
      // listArtifacts, not getArtifact: the latter also prints a warning annotation for a missing artifact.
      const { artifacts } = await client.listArtifacts({ latest: true });
      const artifact = artifacts.find((a) => a.name === name);
      if (!artifact) throw new ArtifactMissingError(name, producer, [...new Set(artifacts.map((a) => a.name))].sort());
      const limit = maxZipBytes(this.limits);
      if (artifact.size > limit) {
        throw new ArtifactRefusedError(name, `its zip is ${artifact.size} bytes, more than the limit of ${limit}`);
      }
      // The zip as it is, never extracted by the client (which would inflate whatever it holds).
      const scratch = mkdtempSync(join(tmpdir(), 'ensemble-artifact-'));
      try {
        const { digestMismatch } = await client.downloadArtifact(artifact.id, {
          path: scratch,
          skipDecompress: true,
          ...(artifact.digest ? { expectedHash: artifact.digest } : {}),
        });
        if (digestMismatch) {
          throw new Error(
            'the downloaded zip does not match the digest recorded at upload ' +
              `(${artifact.digest}); it was corrupted in transit. Re-run the job.`,
          );
        }
        const saved = readdirSync(scratch);
        if (saved.length !== 1) throw new Error(`the artifact service sent ${saved.length} files, not one zip`);
        const zipPath = join(scratch, saved[0]!);
        const size = statSync(zipPath).size;
        if (size > limit)
          throw new ArtifactRefusedError(name, `its zip is ${size} bytes, more than the limit of ${limit}`);
        extractZip(readFileSync(zipPath), destDir, name, this.limits);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
      return { name, id: artifact.id, size: artifact.size, dir: destDir };
    });
  }

  /** Once per store (one per job), at its first upload: a job that only downloads keeps nothing. */
  private logRetention(): void {
    if (this.retentionLogged || !this.log) return;
    this.retentionLogged = true;
    for (const note of this.retention.notes) this.log.info(note);
    if (this.retention.warning) this.log.warning(this.retention.warning);
  }

  /** Runs `fn` with a client and the credentials in the environment; errors name what was being done. */
  private async call<T>(what: string, fn: (client: ArtifactModule.ArtifactClient) => Promise<T>): Promise<T> {
    const module = await loadArtifactModule();
    try {
      return await withCredentials(this.credentials, () => fn(new module.DefaultArtifactClient()));
    } catch (error) {
      if (error instanceof ArtifactMissingError || error instanceof ArtifactRefusedError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${what}: ${message}`, { cause: error });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Credentials window

interface Window {
  token: string;
  url: string;
  users: number;
  previous: { token: string | undefined; url: string | undefined };
  closed: Promise<void>;
  close: () => void;
}

let open: Window | null = null;

async function withCredentials<T>(credentials: ArtifactCredentials, fn: () => Promise<T>): Promise<T> {
  while (open && (open.token !== credentials.runtimeToken || open.url !== credentials.resultsUrl)) await open.closed;
  if (!open) {
    let close = () => {};
    const closed = new Promise<void>((resolve) => {
      close = resolve;
    });
    open = {
      token: credentials.runtimeToken,
      url: credentials.resultsUrl,
      users: 0,
      previous: { token: process.env['ACTIONS_RUNTIME_TOKEN'], url: process.env['ACTIONS_RESULTS_URL'] },
      closed,
      close,
    };
    process.env['ACTIONS_RUNTIME_TOKEN'] = credentials.runtimeToken;
    process.env['ACTIONS_RESULTS_URL'] = credentials.resultsUrl;
  }
  const window = open;
  window.users++;
  try {
    return await fn();
  } finally {
    window.users--;
    if (window.users === 0) {
      restore('ACTIONS_RUNTIME_TOKEN', window.previous.token);
      restore('ACTIONS_RESULTS_URL', window.previous.url);
      open = null;
      window.close();
    }
  }
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

// ---------------------------------------------------------------------------------------------
// Files

/**
 * Files under `dir`, relative and `/`-separated, sorted. Symbolic links are refused rather than
 * followed (the client would upload their targets, which may lie outside the directory); an empty
 * directory is an error when uploading, since a stage that promised an artifact must not upload nothing.
 */
function listFiles(name: string, dir: string, forUpload = true): string[] {
  if (!existsSync(dir) || !lstatSync(dir).isDirectory()) {
    if (!forUpload) return [];
    throw new Error(`cannot upload artifact ${name}: ${dir} is not a directory`);
  }
  const files: string[] = [];
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) files.push(rel);
      else if (forUpload)
        throw new Error(
          `cannot upload artifact ${name}: ${rel} is not a regular file (symbolic links are not followed)`,
        );
    }
  };
  walk('');
  if (forUpload && files.length === 0) throw new Error(`cannot upload artifact ${name}: ${dir} holds no files`);
  return files.sort();
}

function safeJoin(dir: string, file: string): string {
  const normal = normalize(file);
  if (!file || isAbsolute(file) || normal === '..' || normal.startsWith(`..${sep}`)) {
    throw new Error(`artifact file ${JSON.stringify(file)} must be a relative path inside the artifact`);
  }
  const path = join(dir, normal);
  if (relative(dir, path).startsWith('..'))
    throw new Error(`artifact file ${JSON.stringify(file)} is outside the artifact`);
  return path;
}
