/**
 * The artifact port: how stages' documents travel between jobs. The Actions runtime implements
 * it over `@actions/artifact` (`runtime/actions/artifacts.ts`); a run directory
 * (`run-directory.ts`) is where every runtime reads and writes the files themselves.
 */
import type { DocumentName, DocumentOf, Producer } from '../contracts/documents.ts';
import { UserError } from '../util/errors.ts';

export interface UploadedArtifact {
  name: string;
  /** The artifact's id in the run (as in the REST API and the run page's download links). */
  id: number;
  /** Bytes of the zip. */
  size: number;
  /** `sha256` hex digest of the zip, as the client computed it. */
  digest: string | undefined;
  /** Files uploaded, relative to the directory, `/`-separated, sorted. */
  files: string[];
  /** Ids of the artifacts of the same name from this run that the upload replaced (a job re-run). */
  replaced: number[];
}

export interface DownloadedArtifact {
  name: string;
  id: number;
  size: number;
  /** Where the files were extracted. */
  dir: string;
}

/** The artifact port: upload and download by name, within one workflow run. */
export interface ArtifactStore {
  /**
   * Uploads every file under `dir` (nested paths kept) as artifact `name`, replacing one of that
   * name from this run.
   */
  uploadArtifact(name: string, dir: string): Promise<UploadedArtifact>;
  /** Finds artifact `name` in this run and extracts it into `destDir` (created when missing). */
  downloadArtifact(name: string, destDir: string): Promise<DownloadedArtifact>;
  /** Downloads artifact `name` into `destDir` and returns its `file`, validated as a `kind` document. */
  downloadDocument<N extends DocumentName>(
    kind: N,
    name: string,
    file: string,
    destDir: string,
  ): Promise<DocumentOf<N>>;
}

/** An artifact a stage needs is not in the run. */
export class ArtifactMissingError extends UserError {
  override name = 'ArtifactMissingError';
  readonly artifact: string;
  readonly producer: Producer | null;
  constructor(artifact: string, producer: Producer | null, present: readonly string[]) {
    const who = producer
      ? `it is uploaded by the ${producer} stage: check that stage's job in this run (did it fail, or was it skipped?)`
      : 'no ensemble stage uploads an artifact of that name';
    super(
      `artifact ${artifact} was not found in this workflow run; ${who}. ` +
        (present.length > 0 ? `This run has: ${present.join(', ')}.` : 'This run has no artifacts yet.'),
    );
    this.artifact = artifact;
    this.producer = producer;
  }
}

/** An artifact of the run lacks a file its stage writes: made by another ensemble version, or cut short. */
export class ArtifactFileMissingError extends UserError {
  override name = 'ArtifactFileMissingError';
  readonly artifact: string;
  readonly file: string;
  constructor(artifact: string, file: string, producer: Producer, present: readonly string[]) {
    super(
      `artifact ${artifact} has no ${file} (it holds: ${present.join(', ') || 'nothing'}); ` +
        `the ${producer} stage writes it: re-run that stage with this ensemble version.`,
    );
    this.artifact = artifact;
    this.file = file;
  }
}

/**
 * An artifact that is not extracted: larger than the limits on what a download may unpack (a zip
 * that inflates far beyond its size), or holding an entry that is not a plain file inside it.
 */
export class ArtifactRefusedError extends UserError {
  override name = 'ArtifactRefusedError';
  readonly artifact: string;
  constructor(artifact: string, why: string) {
    super(`artifact ${artifact} was not extracted: ${why}`);
    this.artifact = artifact;
  }
}
