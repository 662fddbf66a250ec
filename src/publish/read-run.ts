/**
 * Step 1 of `publishToGitHub`: the run's artifacts, and whether they can be published at all:
 * the plan must be of the workflow run and the issue that started this publish (and every other
 * artifact of the plan's run: `artifacts.ts`), every artifact present must be valid and of this
 * repository, and the test stage must have left a change that is not empty.
 */
import type { RunDirectory } from '../artifacts/run-directory.ts';
import type { ArtifactStore } from '../artifacts/store.ts';
import type { EnsembleConfig } from '../contracts/config.ts';
import { type PublishArtifacts, readPublishArtifacts } from './artifacts.ts';
import type { RemoteRepo } from './git-data.ts';
import { type PublishStop, type StepResult, stop, stopSilently } from './step.ts';

/** What started this publish: its workflow run (`GITHUB_RUN_ID`) and issue (null: a run from a prompt). */
export interface ExpectedRun {
  runId: string;
  issue: number | null;
}

export interface ReadRunOptions {
  artifacts: ArtifactStore;
  /** Where artifacts are downloaded. */
  runDir: RunDirectory;
  config: EnsembleConfig;
  /** The repository this job publishes to. */
  repo: RemoteRepo;
  /** The run and issue this publish was started for; every artifact must be theirs. */
  expected: ExpectedRun;
}

/** The artifacts (always: the report shows every stage), and the change to publish or why there is none. */
export type RunRead = { artifacts: PublishArtifacts } & StepResult<{ changePatch: string }>;

/** Reads every artifact; throws only when the plan cannot be read. */
export async function readRun(options: ReadRunOptions): Promise<RunRead> {
  const { repo } = options;
  const artifacts = await readPublishArtifacts(options.artifacts, options.runDir, options.config);
  const { run } = artifacts.plan;
  const foreign = foreignPlan(run, options.expected);
  if (foreign !== null) return { artifacts, ok: false, stop: foreign };
  const invalid = [...artifacts.invalid];
  if (run.repository.toLowerCase() !== `${repo.owner}/${repo.repo}`.toLowerCase()) {
    const message = `the plan is of ${run.repository}, but this job publishes to ${repo.owner}/${repo.repo}`;
    invalid.push({ artifact: 'ensemble-plan', message });
  }
  if (invalid.length > 0) return { artifacts, ok: false, stop: invalidArtifacts(invalid) };
  const { changePatch } = artifacts;
  if (changePatch === null) return { artifacts, ok: false, stop: stop('no-change', NO_TEST_ARTIFACT) };
  if (changePatch.trim() === '') return { artifacts, ok: false, stop: emptyChange(artifacts) };
  return { artifacts, ok: true, changePatch };
}

function issueName(issue: number | null): string {
  return issue === null ? 'no issue (a run from a prompt)' : `issue #${issue}`;
}

/**
 * The stop when the plan is not of the run and issue this publish was started for. Every other
 * artifact is checked against the plan, so this covers them all. Nothing is written, not even the
 * tracking comment: on the plan's issue it would be a write the trigger did not ask for.
 */
function foreignPlan(run: { runId: string; issue: number | null }, expected: ExpectedRun): PublishStop | null {
  const differences: string[] = [];
  if (run.issue !== expected.issue) {
    differences.push(
      `it is for ${issueName(run.issue)}, but this publish was started for ${issueName(expected.issue)}`,
    );
  }
  if (run.runId !== expected.runId) {
    differences.push(`it is of workflow run ${run.runId}, but this publish runs in workflow run ${expected.runId}`);
  }
  if (differences.length === 0) return null;
  const message =
    `nothing was written: ensemble-plan (plan.json) is not this run's: ${differences.join('; ')}. ` +
    'Every artifact must carry the identity of the run and issue that started the publish; ' +
    "check the workflow's jobs and their inputs.";
  return stopSilently('invalid', message, 'the artifacts are not of the issue and run that started this publish');
}

function invalidArtifacts(invalid: PublishArtifacts['invalid']): PublishStop {
  const which = invalid.length === 1 ? 'an artifact is' : `${invalid.length} artifacts are`;
  const message = [
    `nothing was written: ${which} not valid, and ensemble publishes only from a complete, valid run.`,
    ...invalid.map((i) => `- ${i.message}`),
    'Re-run the jobs that produced them.',
  ];
  return stop('invalid', message.join('\n'));
}

const NO_TEST_ARTIFACT =
  'nothing was written: the test stage uploaded no ensemble-test artifact, so there is no integrated change to ' +
  'publish. See the test job of this run.';

function emptyChange(artifacts: PublishArtifacts): PublishStop {
  const done = artifacts.tasks.filter((t) => t.document.status === 'done').length;
  const tasks = `${done} of ${artifacts.plan.tasks.length} tasks finished`;
  const why = `the run changed nothing (change.patch is empty; ${tasks})`;
  return stop('no-change', `nothing was written: ${why}. See the code jobs of this run.`);
}
