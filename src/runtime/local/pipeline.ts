import { basename } from 'node:path';
import type { CommandSettings } from '../../agent/tools/index.ts';
import { RunDirectory } from '../../artifacts/run-directory.ts';
import type { PlanDocument, RequestSnapshot } from '../../contracts/plan.ts';
import type { ReviewDocument, Severity } from '../../contracts/review.ts';
import type { RunResult } from '../../contracts/run-result.ts';
import { AGENT_STAGES, type StageName } from '../../contracts/stages.ts';
import { newRunId } from '../../pipeline/identity.ts';
import type { TaskResult } from '../../pipeline/run-stage.ts';
import { readChange, readReviews, readTest } from '../../pipeline/run-stage.ts';
import { type PipelineResult, type Publisher, runPipeline } from '../../pipeline/schedule.ts';
import {
  loadRunConfig,
  type ModelOptions,
  openModels,
  openRunSession,
  repositoryRoot,
  type StageSession,
} from '../../pipeline/session.ts';
import { stagesToRun } from '../../pipeline/stages.ts';
import { branchFor } from '../../publish/branch.ts';
import { warmCommitSequence } from '../../publish/commits.ts';
import { combineReviews, isIncompleteReview } from '../../review/index.ts';
import type { Reporter } from '../../stages/context.ts';
import { errorMessage } from '../../util/errors.ts';
import { branchNameCheck } from '../../workspace/commit.ts';
import { hardenedGit } from '../../workspace/git.ts';
import {
  type ConfigEntry,
  cleanHead,
  configValue,
  duringCommand,
  parseUnifiedDiff,
  readConfig,
  removeStaleWorktrees,
} from '../../workspace/index.ts';
import type { AnswersFile } from './answers-file.ts';
import { LocalGates } from './gates.ts';
import { localPolicy, publishLocal } from './publish.ts';
import { type RunFacts, runResult } from './run-result.ts';
import type { GateTerminal } from './terminal.ts';

/** What `ensemble run` reports: the run's outcome and why (`runResult`). */
export type LocalRunSummary = RunResult;

export interface LocalRunOptions extends ModelOptions {
  repoDir: string;
  request: RequestSnapshot;
  /** Configuration file; default `<repo>/.github/ensemble.yml`. */
  configFile?: string | null;
  maxParallel?: number;
  /** Stages to run; plan and code always run. Default: all that the configuration enables. */
  stages?: readonly StageName[];
  reporter: Reporter;
  commands?: CommandSettings;
  /** Told the run directory as soon as it exists (the CLI names it when the run is interrupted). */
  started?(runDir: string): void;
  /** Answers to the planning agent's questions, given ahead (`--answers FILE`). */
  answers?: AnswersFile | null;
  /** The plan is approved before it is made (`--approve`). */
  approve?: boolean;
  /**
   * The person at the terminal, asked the questions the answers file leaves open and for the
   * plan's approval; null or absent: the run never blocks on input and ends waiting instead.
   */
  terminal?: GateTerminal | null;
}

/** Who answers and approves at this checkout: git's `user.name`, else `local`. */
function personName(config: readonly ConfigEntry[]): string {
  const name = (configValue(config, 'user.name') ?? '').trim().slice(0, 100);
  return name === '' ? 'local' : name;
}

/** `owner/name` from the origin remote's URL (as `git remote get-url origin` rewrites it), else `local/<directory>`. */
function repositoryName(repoDir: string, config: readonly ConfigEntry[]): string {
  const url = remoteUrl(config, 'origin') ?? '';
  const match = /[/:]([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(url.trim());
  if (match) return `${match[1]}/${match[2]}`;
  return `local/${basename(repoDir).replace(/[^A-Za-z0-9_.-]/g, '-') || 'repo'}`;
}

/**
 * The first URL of `remote`, with the longest matching `url.<base>.insteadOf` prefix rewritten
 * (what `git remote get-url` prints); null when the remote has none.
 */
function remoteUrl(config: readonly ConfigEntry[], remote: string): string | null {
  const url = config.find((e) => e.key === `remote.${remote}.url` && e.value !== null)?.value;
  if (url === undefined || url === null) return null;
  let best: { from: string; to: string } | null = null;
  for (const { key, value } of config) {
    const match = /^url\.(.*)\.insteadof$/i.exec(key);
    if (!match || value === null || !url.startsWith(value)) continue;
    if (!best || value.length > best.from.length) best = { from: value, to: match[1] as string };
  }
  return best ? best.to + url.slice(best.from.length) : url;
}

/**
 * `ensemble run`: the whole pipeline in this process on a local checkout (`runPipeline`), then the
 * local publish onto a branch of the user's repository. Every artifact is written to the run
 * directory as soon as it exists, so a failure leaves everything made so far where the user can
 * find it.
 */
export async function runLocalPipeline(options: LocalRunOptions): Promise<RunResult> {
  // A subdirectory of a checkout means the checkout: its configuration, its run directory.
  const repoDir = repositoryRoot(options.repoDir);
  // The configuration is read before any child process starts: it names the models whose keys
  // must be read, after which every credential leaves the environment.
  const { loaded, config } = await loadRunConfig(repoDir, options.configFile, options.model);
  const stages = stagesToRun(config, options.stages);
  const models = openModels(
    config,
    AGENT_STAGES.filter((s) => stages.has(s)),
    options,
  );

  const head = await cleanHead(repoDir, { includeUntracked: false });
  // A run that was killed (no `finally` ran) left its worktrees registered in this repository.
  for (const dir of await removeStaleWorktrees(repoDir))
    options.reporter.info(`removed the worktree ${dir}, left by an ensemble run that was killed`);
  // Read before any command runs: the one reading the hardened git calls make anyway.
  const gitConfig = await readConfig(repoDir);
  const runId = newRunId();
  const runDir = RunDirectory.create(repoDir, runId);
  options.started?.(runDir.dir);
  const blockOn = config.review['block-on'];
  const facts: RunFacts = {
    runId,
    runDir: runDir.dir,
    stages,
    rows: [],
    planTasks: [],
    tasks: [],
    test: null,
    review: null,
    blockOn,
    docs: null,
    changeEmpty: true,
    branch: null,
    prFile: null,
    reviewFile: null,
    error: null,
  };
  let session: StageSession;
  let publisher: LocalBranchPublisher | undefined;
  try {
    session = await openRunSession({
      repoDir,
      repository: repositoryName(repoDir, gitConfig),
      baseSha: head,
      runId,
      request: options.request,
      loaded,
      config,
      runDir,
      session: models,
      reporter: options.reporter,
      commands: options.commands,
    });
  } catch (error) {
    return runResult({ ...facts, error: errorMessage(error) });
  }
  try {
    publisher = new LocalBranchPublisher(repoDir, loaded.file, session, options.reporter);
    const gates = new LocalGates({
      person: personName(gitConfig),
      answers: options.answers ?? null,
      approve: options.approve === true,
      terminal: options.terminal ?? null,
      runDir,
      reporter: options.reporter,
    });
    const result = await runPipeline(session, {
      request: options.request,
      gate: gates.firstGate(),
      onWait: (checkpoint, conversation) => gates.onWait(checkpoint, conversation),
      stages,
      maxParallel: options.maxParallel ?? 4,
      publisher,
    });
    const gated = gates.outcome(result);
    if (options.answers && gated.gate.rounds.length === 0 && (result.plan || result.waiting)) {
      options.reporter.info(`the planning agent asked no questions: ${options.answers.file} was not used`);
    }
    const change = result.test?.patch ?? '';
    return runResult({
      ...facts,
      rows: result.rows,
      setup: result.setup ?? null,
      fix: result.fix,
      planTasks: result.plan?.tasks.map((t) => t.id) ?? [],
      tasks: result.tasks.map((t) => t.document),
      test: result.test?.document ?? null,
      review: combinedReview(result.reviews, change, blockOn),
      docs: result.docs?.document ?? null,
      changeEmpty: change.trim() === '',
      prFile: publisher.files?.prFile ?? null,
      reviewFile: publisher.files?.reviewFile ?? null,
      branch: result.published ? publisher.branch : null,
      error: result.published ? null : whyNoBranch(result, stages),
      gate: gated.gate,
      waiting: gated.waiting,
      stopped: gated.stopped,
    });
  } catch (error) {
    return runResult({ ...facts, error: errorMessage(error) });
  } finally {
    // A run that ends before its publish leaves no warm-up waiting for a later command.
    publisher?.dropWarmUp();
    await session.close();
  }
}

/** The lenses' reviews combined as the publisher posts them, with the lenses whose agent did not complete. */
function combinedReview(reviews: readonly ReviewDocument[], change: string, blockOn: Severity): RunFacts['review'] {
  if (reviews.length === 0) return null;
  const combined = combineReviews(reviews, parseUnifiedDiff(change), blockOn);
  return {
    verdict: combined.verdict,
    blockOn,
    findings: combined.findings,
    incomplete: reviews.filter(isIncompleteReview).map((r) => r.lens),
  };
}

function whyNoBranch(result: PipelineResult, stages: ReadonlySet<StageName>): string | null {
  if (result.stopped !== null) return result.stopped;
  // Waiting for a person (or stopped by one): the gates' outcome says why (`runResult`).
  if (result.waiting !== null) return null;
  // No branch by request: the outcome is decided by what ran (`runResult`).
  if (!stages.has('publish')) return null;
  return 'the run changed nothing: no task produced a change, so no branch was made';
}

/** The local publisher: commits the run's work onto a branch of the user's repository (`publishLocal`). */
class LocalBranchPublisher implements Publisher {
  readonly reportsStoppedRuns = false;
  branch: string | null = null;
  files: { prFile: string; reviewFile: string | null } | null = null;

  private readonly repoDir: string;
  private readonly configFile: string;
  private readonly session: StageSession;
  private readonly reporter: Reporter;
  /** Drops the warm-up (`prepare`) if it has not started yet: at the publish, or at the run's end. */
  dropWarmUp: () => void = () => {};

  constructor(repoDir: string, configFile: string, session: StageSession, reporter: Reporter) {
    this.repoDir = repoDir;
    this.configFile = configFile;
    this.session = session;
    this.reporter = reporter;
  }

  /** While the test stage's commands run: the task commits' trees and diffs, and the branch name's check. */
  prepare(plan: PlanDocument, tasks: readonly TaskResult[]): void {
    const { repoDir } = this;
    const { run } = this.session.ctx;
    this.dropWarmUp = duringCommand(async () => {
      await branchNameCheck(hardenedGit(repoDir), branchFor(plan.request, plan.run.runId));
      await warmCommitSequence({ repoDir, run, plan, tasks });
    });
  }

  async publish(result: PipelineResult): Promise<{ ok: boolean; summary: string }> {
    this.dropWarmUp();
    const { config, run } = this.session.ctx;
    const plan = result.plan as PlanDocument;
    const published = await publishLocal({
      repoDir: this.repoDir,
      run,
      plan,
      tasks: result.tasks,
      // The first pass, and the fix loop after it: the commits and the PR tell both.
      test: readTest(this.session.runDir),
      changePatch: result.test === null ? '' : readChange(this.session.runDir),
      docs: result.docs,
      reviews: readReviews(this.session.runDir, config.review.lenses),
      fix: result.fix,
      blockOn: config.review['block-on'],
      policy: localPolicy(config, {
        repoDir: this.repoDir,
        configFile: this.configFile,
        secretValues: this.session.secretValues,
      }),
      branch: branchFor(plan.request, run.runId),
    });
    for (const note of published.notes) this.reporter.info(note);
    this.files = this.session.runDir.writePublished(published);
    const commits = published.document.commits.length;
    if (commits === 0) return { ok: false, summary: 'nothing to commit: no task produced a change' };
    this.branch = published.document.branch;
    return { ok: true, summary: `branch ${published.document.branch}, ${commits} commits` };
  }
}
