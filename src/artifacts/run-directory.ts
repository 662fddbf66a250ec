import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { TranscriptWriter } from '../agent/transcript.ts';
import type { DocsDocument } from '../contracts/docs.ts';
import type { DocumentName, DocumentOf } from '../contracts/documents.ts';
import type { FixDocument } from '../contracts/fix.ts';
import type { PublishDocument } from '../contracts/publish.ts';
import { parseDocumentText } from '../contracts/read.ts';
import type { ReviewDocument } from '../contracts/review.ts';
import type { TaskDocument } from '../contracts/task.ts';
import type { TestDocument } from '../contracts/test-report.ts';
import { UserError } from '../util/errors.ts';
import { ARTIFACTS, artifactOfAgent } from './names.ts';

/**
 * A run directory: `<repo>/.ensemble/runs/<run-id>/` with one folder per artifact under
 * `artifacts/`, laid out exactly as the artifacts a GitHub run uploads, so that a downloaded
 * GitHub run is a run directory too. Documents are validated when read back.
 */
export class RunDirectory {
  readonly dir: string;
  readonly runId: string;

  private constructor(dir: string) {
    this.dir = dir;
    this.runId = basename(dir);
  }

  /** Creates `<repo>/.ensemble/runs/<runId>/`; `.ensemble/` ignores itself so the repository stays clean. */
  static create(repoDir: string, runId: string): RunDirectory {
    const root = join(repoDir, '.ensemble');
    mkdirSync(join(root, 'runs', runId, 'artifacts'), { recursive: true });
    const ignore = join(root, '.gitignore');
    if (!existsSync(ignore))
      writeFileSync(ignore, '# ensemble run directories: artifacts, transcripts, PR drafts\n*\n');
    return new RunDirectory(join(root, 'runs', runId));
  }

  /** A run directory at any path (the Actions runtime keeps one under RUNNER_TEMP). */
  static at(dir: string): RunDirectory {
    mkdirSync(join(dir, 'artifacts'), { recursive: true });
    return new RunDirectory(resolve(dir));
  }

  /** Opens an existing run directory: one made by `ensemble run`, or a GitHub run's downloaded artifacts. */
  static open(dir: string): RunDirectory {
    const full = resolve(dir);
    if (!existsSync(full)) throw new UserError(`run directory ${dir} does not exist`);
    if (!existsSync(join(full, 'artifacts'))) {
      throw new UserError(
        `${dir} is not a run directory: it has no artifacts/ folder ` +
          '(expected artifacts/ensemble-plan/plan.json and the rest)',
      );
    }
    return new RunDirectory(full);
  }

  /**
   * Fix round `round`'s view: the run directory inside its artifact (`ensemble-fix-<round>/`),
   * where the round's re-test and re-review write their artifacts as a run's first pass writes its
   * own. A GitHub job uploads the round as one artifact; the first pass's artifacts stay untouched.
   */
  round(round: number): RunDirectory {
    return RunDirectory.at(join(this.dir, 'artifacts', ARTIFACTS.fix(round)));
  }

  /** The fix rounds this run directory holds a fix document for, in order (1, 2, …). */
  rounds(): number[] {
    const prefix = ARTIFACTS.fix(0).slice(0, -1);
    return this.artifacts()
      .filter((name) => name.startsWith(prefix) && /^[1-9][0-9]*$/.test(name.slice(prefix.length)))
      .map((name) => Number(name.slice(prefix.length)))
      .filter((round) => this.hasArtifact(ARTIFACTS.fix(round), 'fix.json'))
      .sort((a, b) => a - b);
  }

  /**
   * Fix round `round`'s documents: its fix and patch, and, when it was re-tested, the re-test with
   * the change after it and the re-review. Validated like every document.
   */
  fixRound(round: number): {
    document: FixDocument;
    patch: string;
    test: { document: TestDocument; change: string } | null;
    reviews: ReviewDocument[];
  } {
    const { document, patch } = this.fix(round);
    const state = this.round(round);
    const test = state.hasArtifact(ARTIFACTS.test, 'test.json')
      ? state.readDocument('test', ARTIFACTS.test, 'test.json')
      : null;
    const change = state.readText(ARTIFACTS.test, 'change.patch');
    // A re-test that ended in an error did not test the round's change: the change before it stands.
    if (test === null || test.status === 'error' || change === null)
      return { document, patch, test: null, reviews: [] };
    return { document, patch, test: { document: test, change }, reviews: state.reviews() };
  }

  /** Fix round `round`'s fix: `ensemble-fix-<round>/fix.json` and `fix.patch`. */
  fix(round: number): { document: FixDocument; patch: string } {
    const name = ARTIFACTS.fix(round);
    return { document: this.readDocument('fix', name, 'fix.json'), patch: this.readText(name, 'fix.patch') ?? '' };
  }

  /**
   * Every `ensemble-review-<lens>/review.json`, in the order of the artifacts' names. A folder
   * without one is a lens that wrote none (a failed job's download left the folder only).
   */
  reviews(): ReviewDocument[] {
    const prefix = ARTIFACTS.review('');
    return this.artifacts()
      .filter((name) => name.startsWith(prefix) && this.hasArtifact(name, 'review.json'))
      .map((name) => this.readDocument('review', name, 'review.json'));
  }

  artifactDir(name: string): string {
    const dir = join(this.dir, 'artifacts', name);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  artifactPath(name: string, file: string): string {
    return join(this.dir, 'artifacts', name, file);
  }

  writeDocument(name: string, file: string, document: unknown): string {
    const path = join(this.artifactDir(name), file);
    writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
    return path;
  }

  writeText(name: string, file: string, text: string): string {
    const path = join(this.artifactDir(name), file);
    writeFileSync(path, text);
    return path;
  }

  /** A task's result: `ensemble-code-<task>/task.json` and `task.patch`. Returns the files written. */
  writeTask(result: { document: TaskDocument; patch: string }): string[] {
    const name = ARTIFACTS.code(result.document.taskId);
    return [this.writeDocument(name, 'task.json', result.document), this.writeText(name, 'task.patch', result.patch)];
  }

  /** The test stage's result: `ensemble-test/test.json` and the integrated `change.patch`. */
  writeTest(result: { document: TestDocument; patch: string }): string[] {
    return [
      this.writeDocument(ARTIFACTS.test, 'test.json', result.document),
      this.writeText(ARTIFACTS.test, 'change.patch', result.patch),
    ];
  }

  /** A fix round's result: `ensemble-fix-<round>/fix.json` and `fix.patch`. */
  writeFix(result: { document: FixDocument; patch: string }): string[] {
    const name = ARTIFACTS.fix(result.document.round);
    return [this.writeDocument(name, 'fix.json', result.document), this.writeText(name, 'fix.patch', result.patch)];
  }

  /** One `ensemble-review-<lens>/review.json` per lens. */
  writeReviews(reviews: readonly ReviewDocument[]): string[] {
    return reviews.map((review) => this.writeDocument(ARTIFACTS.review(review.lens), 'review.json', review));
  }

  /** The docs stage's result: `ensemble-docs/docs.json` and `docs.patch`. */
  writeDocs(result: { document: DocsDocument; patch: string }): string[] {
    return [
      this.writeDocument(ARTIFACTS.docs, 'docs.json', result.document),
      this.writeText(ARTIFACTS.docs, 'docs.patch', result.patch),
    ];
  }

  /**
   * The local publisher's result: `ensemble-publish/publish.json`, and `pr.md` and `review.md`
   * beside the artifacts.
   */
  writePublished(published: { document: PublishDocument; prBody: string; reviewBody: string | null }): {
    written: string[];
    prFile: string;
    reviewFile: string | null;
  } {
    const prFile = this.writeRunFile('pr.md', published.prBody);
    const reviewFile = published.reviewBody ? this.writeRunFile('review.md', published.reviewBody) : null;
    const written = [
      this.writeDocument(ARTIFACTS.publish, 'publish.json', published.document),
      prFile,
      ...(reviewFile ? [reviewFile] : []),
    ];
    return { written, prFile, reviewFile };
  }

  /** A file beside the artifacts (`pr.md`, `review.md`, `summary.json`). */
  writeRunFile(file: string, text: string): string {
    const path = join(this.dir, file);
    writeFileSync(path, text);
    return path;
  }

  hasArtifact(name: string, file: string): boolean {
    return existsSync(this.artifactPath(name, file));
  }

  /** Reads and validates a document; the error names the artifact, the file, the JSON path and the producer. */
  readDocument<N extends DocumentName>(kind: N, name: string, file: string): DocumentOf<N> {
    const path = this.artifactPath(name, file);
    if (!existsSync(path))
      throw new UserError(
        `${relative(process.cwd(), path) || path} is missing: the run directory has no ${name} artifact`,
      );
    return parseDocumentText(kind, readFileSync(path, 'utf8'), { artifact: name, file: relative(this.dir, path) });
  }

  readText(name: string, file: string): string | null {
    const path = this.artifactPath(name, file);
    return existsSync(path) ? readFileSync(path, 'utf8') : null;
  }

  /** Artifact names present, sorted. */
  artifacts(): string[] {
    const dir = join(this.dir, 'artifacts');
    return existsSync(dir) ? readdirSync(dir).sort() : [];
  }

  /** Starts an artifact's transcript afresh: a re-run of its stage must not mix with the earlier attempt. */
  resetTranscript(name: string): void {
    rmSync(join(this.dir, 'artifacts', name, 'transcript.jsonl'), { force: true });
  }

  transcript(agent: string, redact?: (line: string) => string): TranscriptWriter {
    return new TranscriptWriter(join(this.artifactDir(artifactOfAgent(agent)), 'transcript.jsonl'), redact);
  }
}
