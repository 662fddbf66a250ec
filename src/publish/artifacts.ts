/**
 * What `publish` reads: every artifact of the run, downloaded and validated before anything is
 * written. A stage whose artifact is missing (its job failed, was skipped or uploaded nothing) is
 * reported as failed and the rest goes on; an artifact that is present but not valid (not the
 * contract, another run's, a file missing from it) makes the run fail closed.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { ARTIFACTS } from '../artifacts/names.ts';
import type { RunDirectory } from '../artifacts/run-directory.ts';
import {
  ArtifactFileMissingError,
  ArtifactMissingError,
  ArtifactRefusedError,
  type ArtifactStore,
} from '../artifacts/store.ts';
import type { RunIdentity } from '../contracts/common.ts';
import type { EnsembleConfig } from '../contracts/config.ts';
import type { DocsDocument } from '../contracts/docs.ts';
import type { DocumentName, DocumentOf } from '../contracts/documents.ts';
import type { PlanDocument } from '../contracts/plan.ts';
import { ContractError } from '../contracts/read.ts';
import type { ReviewDocument } from '../contracts/review.ts';
import type { TaskDocument } from '../contracts/task.ts';
import type { TestDocument } from '../contracts/test-report.ts';
import { describeFixLoop, EXTERNAL_SOURCES, type FixLoop, type FixRoundDocuments } from '../review/index.ts';

/** `ok`: did what it promised; `warn`: ran, with a result worth a look; `failed`; `skipped`: not run by design. */
export type StageState = 'ok' | 'warn' | 'failed' | 'skipped';

/** The state of a code task's row, by the task's status. */
const TASK_STATE: Record<TaskDocument['status'], StageState> = { done: 'ok', 'no-change': 'warn', failed: 'failed' };

/** The state of the test stage's row, by the test report's status. */
const TEST_STATE: Record<TestDocument['status'], StageState> = {
  passed: 'ok',
  'no-tests': 'warn',
  failed: 'failed',
  error: 'failed',
};

export interface StageReport {
  /** `plan`, `code · api`, `test`, `review · security`, `docs`. */
  stage: string;
  /** The artifact the stage uploads. */
  artifact: string;
  state: StageState;
  /** One line: `done`, `passed (12 tests)`, `no artifact`. */
  status: string;
  /** Why, when it failed. */
  detail: string;
}

export interface PublishArtifacts {
  plan: PlanDocument;
  /** The tasks whose artifacts were read, in plan order. */
  tasks: { document: TaskDocument; patch: string }[];
  test: TestDocument | null;
  /** change.patch; null when the test artifact is missing. */
  changePatch: string | null;
  /** The lenses whose artifacts were read, in the configuration's order. */
  reviews: ReviewDocument[];
  docs: { document: DocsDocument; patch: string } | null;
  /**
   * The review → fix loop after the first pass (`test`, `changePatch`, `reviews`): the rounds of
   * `ensemble-fix-<round>` artifacts, and why it stopped.
   */
  fix: FixLoop;
  stages: StageReport[];
  /** Artifacts present but not valid: nothing may be published. */
  invalid: { artifact: string; message: string }[];
}

/** How `found` differs from the plan's identity, each field with both values. */
export function runDifferences(found: RunIdentity, plan: RunIdentity): string {
  const issue = (n: number | null) => (n === null ? 'no issue' : `issue #${n}`);
  const fields: [string, string, string][] = [
    ['run', found.runId, plan.runId],
    ['repository', found.repository, plan.repository],
    ['issue', issue(found.issue), issue(plan.issue)],
    ['base', found.baseSha.slice(0, 12), plan.baseSha.slice(0, 12)],
    ['prompt', found.promptHash?.slice(0, 12) ?? 'none', plan.promptHash?.slice(0, 12) ?? 'none'],
    ['configuration', found.configHash.slice(0, 12), plan.configHash.slice(0, 12)],
  ];
  const differing = fields.filter(([, a, b]) => a !== b).map(([what, a, b]) => `${what} ${a}, not the plan's ${b}`);
  return differing.join('; ') || 'the identities differ';
}

function sameRun(a: RunIdentity, b: RunIdentity): boolean {
  return (
    a.repository === b.repository &&
    a.runId === b.runId &&
    a.issue === b.issue &&
    a.promptHash === b.promptHash &&
    a.baseSha === b.baseSha &&
    a.configHash === b.configHash
  );
}

type Read<T> =
  | { ok: true; value: T }
  | { ok: false; missing: true; message: string }
  | { ok: false; missing: false; message: string };

/**
 * Reads every artifact the configuration says the run has: the plan (which must be there and
 * valid, or this throws), one `ensemble-code-<task>` per planned task, `ensemble-test` with
 * `change.patch`, one `ensemble-review-<lens>` per configured lens, and `ensemble-docs`.
 */
export async function readPublishArtifacts(
  store: ArtifactStore,
  runDir: RunDirectory,
  config: EnsembleConfig,
  options: { followUp?: boolean } = {},
): Promise<PublishArtifacts> {
  // A follow-up run has no code or docs jobs; its first pass is the pull request as it stands, and
  // its reviews are the open findings: a lens with none has no review, people's comments one of their own.
  const followUp = options.followUp === true;
  const plan = await store.downloadDocument('plan', ARTIFACTS.plan, 'plan.json', runDir.artifactDir(ARTIFACTS.plan));
  const stages: StageReport[] = [
    {
      stage: 'plan',
      artifact: ARTIFACTS.plan,
      state: 'ok',
      status: `${plan.tasks.length} task${plan.tasks.length === 1 ? '' : 's'}`,
      detail: '',
    },
  ];
  const invalid: PublishArtifacts['invalid'] = [];

  /** A document and the text files beside it; `texts` that must exist when `required(doc)`. */
  const read = async <N extends DocumentName>(
    kind: N,
    artifact: string,
    file: string,
    texts: readonly string[],
  ): Promise<Read<{ document: DocumentOf<N>; texts: Map<string, string | null> }>> => {
    const dir = runDir.artifactDir(artifact);
    for (const name of texts) rmSync(runDir.artifactPath(artifact, name), { force: true });
    let document: DocumentOf<N>;
    try {
      document = await store.downloadDocument(kind, artifact, file, dir);
    } catch (error) {
      if (error instanceof ArtifactMissingError) return { ok: false, missing: true, message: error.message };
      const invalidArtifact =
        error instanceof ContractError ||
        error instanceof ArtifactFileMissingError ||
        error instanceof ArtifactRefusedError;
      if (invalidArtifact) {
        invalid.push({ artifact, message: error.message });
        return { ok: false, missing: false, message: error.message };
      }
      throw error;
    }
    const run = (document as { run: RunIdentity }).run;
    if (!sameRun(run, plan.run)) {
      const message = `${artifact}: ${file} belongs to another run than the plan's: ${runDifferences(run, plan.run)}`;
      invalid.push({ artifact, message });
      return { ok: false, missing: false, message };
    }
    const found = new Map<string, string | null>();
    for (const name of texts) {
      const path = runDir.artifactPath(artifact, name);
      found.set(name, existsSync(path) ? readFileSync(path, 'utf8') : null);
    }
    return { ok: true, value: { document, texts: found } };
  };
  /** A stage whose artifact is missing or does not validate: reported as failed, with why. */
  const unreadable = (stage: string, artifact: string, result: { missing: boolean; message: string }) =>
    stages.push({
      stage,
      artifact,
      state: 'failed',
      status: result.missing ? 'no artifact' : 'invalid artifact',
      detail: result.message,
    });

  // Code: one artifact per planned task.
  const tasks: PublishArtifacts['tasks'] = [];
  for (const planned of followUp ? [] : plan.tasks) {
    const artifact = ARTIFACTS.code(planned.id);
    const stage = `code · ${planned.id}`;
    const result = await read('task', artifact, 'task.json', ['task.patch']);
    if (!result.ok) {
      unreadable(stage, artifact, result);
      continue;
    }
    const document = result.value.document;
    if (document.taskId !== planned.id) {
      const message = `${artifact}: task.json is the result of task "${document.taskId}", not "${planned.id}"`;
      invalid.push({ artifact, message });
      stages.push({ stage, artifact, state: 'failed', status: 'invalid artifact', detail: message });
      continue;
    }
    const patch = result.value.texts.get('task.patch') ?? null;
    if (patch === null && document.status === 'done') {
      const message = `${artifact} has no task.patch, but the task says it is done; re-run the task's code job`;
      invalid.push({ artifact, message });
      stages.push({ stage, artifact, state: 'failed', status: 'invalid artifact', detail: message });
      continue;
    }
    tasks.push({ document, patch: patch ?? '' });
    stages.push({
      stage,
      artifact,
      state: TASK_STATE[document.status],
      status: document.status,
      detail: document.status === 'failed' ? firstLine(document.stopReason ?? document.summary) : '',
    });
  }

  // Test: the integrated change (only change.patch when the test stage is off).
  let test: TestDocument | null = null;
  let changePatch: string | null = null;
  const testFailed = (status: string, message: string) =>
    stages.push({ stage: 'test', artifact: ARTIFACTS.test, state: 'failed', status, detail: message });
  if (!config.stages.test.enabled) {
    const path = runDir.artifactPath(ARTIFACTS.test, 'change.patch');
    rmSync(path, { force: true });
    try {
      await store.downloadArtifact(ARTIFACTS.test, runDir.artifactDir(ARTIFACTS.test));
      if (existsSync(path)) {
        changePatch = readFileSync(path, 'utf8');
        stages.push({
          stage: 'test',
          artifact: ARTIFACTS.test,
          state: 'skipped',
          status: 'disabled',
          detail: 'the patches were integrated without tests',
        });
      } else {
        const message = `${ARTIFACTS.test} has no change.patch; re-run the test job`;
        invalid.push({ artifact: ARTIFACTS.test, message });
        testFailed('invalid artifact', message);
      }
    } catch (error) {
      if (error instanceof ArtifactRefusedError) {
        invalid.push({ artifact: ARTIFACTS.test, message: error.message });
        testFailed('invalid artifact', error.message);
      } else if (error instanceof ArtifactMissingError) testFailed('no artifact', error.message);
      else throw error;
    }
  } else {
    const result = await read('test', ARTIFACTS.test, 'test.json', ['change.patch']);
    if (!result.ok) {
      testFailed(result.missing ? 'no artifact' : 'invalid artifact', result.message);
    } else if (result.value.texts.get('change.patch') == null) {
      const message = `${ARTIFACTS.test} has no change.patch; re-run the test job`;
      invalid.push({ artifact: ARTIFACTS.test, message });
      testFailed('invalid artifact', message);
    } else {
      test = result.value.document;
      changePatch = result.value.texts.get('change.patch') ?? '';
      const counts =
        test.passed === null && test.failed === null
          ? ''
          : ` (${test.passed ?? '?'} passed, ${test.failed ?? '?'} failed)`;
      stages.push({
        stage: 'test',
        artifact: ARTIFACTS.test,
        state: TEST_STATE[test.status],
        status: `${test.status}${counts}`,
        detail: test.status === 'passed' ? '' : firstLine(test.summary),
      });
    }
  }

  // Review: one artifact per configured lens.
  const reviews: ReviewDocument[] = [];
  for (const lens of followUp ? [...config.review.lenses, ...EXTERNAL_SOURCES] : config.review.lenses) {
    const artifact = ARTIFACTS.review(lens);
    const stage = `review · ${lens}`;
    if (!config.stages.review.enabled) {
      stages.push({ stage, artifact, state: 'skipped', status: 'disabled', detail: 'stages.review.enabled is false' });
      continue;
    }
    const result = await read('review', artifact, 'review.json', []);
    if (!result.ok && followUp && result.missing) continue;
    if (!result.ok) {
      unreadable(stage, artifact, result);
      continue;
    }
    const document = result.value.document;
    if (document.lens !== lens) {
      const message = `${artifact}: review.json is the review of lens "${document.lens}", not "${lens}"`;
      invalid.push({ artifact, message });
      stages.push({ stage, artifact, state: 'failed', status: 'invalid artifact', detail: message });
      continue;
    }
    reviews.push(document);
    stages.push({ stage, artifact, state: 'ok', status: document.verdict, detail: '' });
  }

  // Docs.
  let docs: PublishArtifacts['docs'] = null;
  if (followUp) {
    // No docs job: the pull request's documentation is as it stands.
  } else if (!config.stages.docs.enabled) {
    stages.push({
      stage: 'docs',
      artifact: ARTIFACTS.docs,
      state: 'skipped',
      status: 'disabled',
      detail: 'stages.docs.enabled is false',
    });
  } else {
    const result = await read('docs', ARTIFACTS.docs, 'docs.json', ['docs.patch']);
    if (!result.ok) {
      unreadable('docs', ARTIFACTS.docs, result);
    } else {
      const document = result.value.document;
      const patch = result.value.texts.get('docs.patch') ?? null;
      if (patch === null && document.status === 'updated') {
        const message =
          `${ARTIFACTS.docs} has no docs.patch, but the docs stage says it updated the docs; ` + 're-run the docs job';
        invalid.push({ artifact: ARTIFACTS.docs, message });
        stages.push({
          stage: 'docs',
          artifact: ARTIFACTS.docs,
          state: 'failed',
          status: 'invalid artifact',
          detail: message,
        });
      } else {
        docs = { document, patch: patch ?? '' };
        stages.push({
          stage: 'docs',
          artifact: ARTIFACTS.docs,
          state: document.status === 'failed' ? 'failed' : 'ok',
          status: document.status,
          detail: document.status === 'failed' ? firstLine(document.summary) : '',
        });
      }
    }
  }

  // Fix rounds: ensemble-fix-1, -2, … as long as they are there.
  const rounds: FixRoundDocuments[] = [];
  for (let round = 1; config.stages.fix.enabled && round <= config.stages.fix['max-rounds']; round++) {
    const artifact = ARTIFACTS.fix(round);
    const result = await read('fix', artifact, 'fix.json', ['fix.patch']);
    if (!result.ok) {
      // The first missing round is where the loop ended; a round that is there but not valid is not published.
      if (!result.missing) unreadable(`fix · round ${round}`, artifact, result);
      break;
    }
    try {
      const documents = runDir.fixRound(round);
      const inRound = [documents.test?.document, ...documents.reviews].filter((d) => d !== undefined);
      if (inRound.some((d) => !sameRun(d.run, plan.run))) {
        const message = `${artifact}: its re-test or re-review belongs to another run than the plan's (${plan.run.runId})`;
        invalid.push({ artifact, message });
        unreadable(`fix · round ${round}`, artifact, { missing: false, message });
        break;
      }
      rounds.push(documents);
    } catch (error) {
      if (!(error instanceof ContractError)) throw error;
      invalid.push({ artifact, message: error.message });
      unreadable(`fix · round ${round}`, artifact, { missing: false, message: error.message });
      break;
    }
  }
  const fix = describeFixLoop({
    test,
    reviews,
    rounds,
    blockOn: config.review['block-on'],
    maxRounds: config.stages.fix['max-rounds'],
  });
  // The loop in the stage table (and so in the tracking comment): a row per round, then why it stopped.
  for (const round of fix.rounds) {
    const failed = round.document.status === 'failed';
    stages.push({
      stage: `fix · round ${round.document.round}`,
      artifact: ARTIFACTS.fix(round.document.round),
      state: failed || round.test === null || round.rejected !== null ? 'failed' : 'ok',
      status: round.document.status,
      detail: roundDetail(round),
    });
  }
  if (fix.stopped !== null) {
    const rounds = `${fix.rounds.length} round${fix.rounds.length === 1 ? '' : 's'}`;
    stages.push({ stage: 'fix', artifact: ARTIFACTS.fix(1), state: 'ok', status: rounds, detail: fix.stopped });
  }

  return { plan, tasks, test, changePatch, reviews, docs, fix, stages, invalid };
}

/** A fix round's row: what it came to, in a line. */
function roundDetail(round: FixLoop['rounds'][number]): string {
  if (round.document.status === 'failed') return firstLine(round.document.stopReason ?? round.document.summary);
  if (round.test === null) return 'not re-tested';
  if (round.rejected !== null) return `not taken: ${round.rejected}`;
  const given = round.document.findings.length;
  return `fixed ${round.fixed.length} of ${given} finding${given === 1 ? '' : 's'}; re-test ${round.test.document.status}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}
