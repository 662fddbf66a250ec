import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { buildContextPrefix, repositoryOverview } from '../agent/prompt.ts';
import type { CommandSettings } from '../agent/tools/index.ts';
import type { RunDirectory } from '../artifacts/run-directory.ts';
import { discoverInstructionFiles } from '../config/instructions.ts';
import { DEFAULT_CONFIG_PATH, type LoadedConfig, loadConfig } from '../config/load.ts';
import type { RunIdentity } from '../contracts/common.ts';
import type { ConfigStage, EnsembleConfig } from '../contracts/config.ts';
import { parseModelSpec } from '../contracts/model-spec.ts';
import type { RequestSnapshot } from '../contracts/plan.ts';
import { UsageLedger } from '../model/ledger.ts';
import { PriceTable, priceOverridesFromConfig } from '../model/prices.ts';
import type { RetryOptions } from '../model/retry.ts';
import { type ModelSession, openModelSession } from '../model/session.ts';
import { redactSecrets, redactValues } from '../secrets/scan.ts';
import { modelSpecFor, type Reporter, type StageContext, type TranscriptPort } from '../stages/context.ts';
import { runEnvironment, type SavedInstall } from '../stages/setup.ts';
import { UserError } from '../util/errors.ts';
import {
  checkoutCredentials,
  createWorktree,
  listWorktreeFiles,
  pinBase,
  removeWorktree,
  type Worktree,
} from '../workspace/index.ts';
import { newRunIdentity } from './identity.ts';

export interface ModelOptions {
  /** `provider:model` for every stage, over the configuration's. */
  model?: string | null;
  baseUrl?: string | null;
  apiKey?: string | null;
  env?: Record<string, string | undefined>;
  retry?: Omit<RetryOptions, 'provider'>;
  /** A session opened earlier for every stage that will run (the all-in-one job): keys are read once. */
  session?: ModelSession;
}

export interface RunConfig {
  loaded: LoadedConfig;
  /** The configuration with the command line's model applied. */
  config: EnsembleConfig;
}

/**
 * The top level of the git checkout that contains `dir` (found on disk, without starting git:
 * nothing may run before the model keys have left the environment), or `dir` when there is none.
 */
export function repositoryRoot(dir: string): string {
  let current = resolve(dir);
  for (;;) {
    if (existsSync(join(current, '.git'))) return current;
    const parent = dirname(current);
    if (parent === current) return resolve(dir);
    current = parent;
  }
}

/** The configuration file: the one the user named (relative to the repository), else the conventional location. */
function configPath(repoDir: string, configFile: string | null | undefined): string {
  if (!configFile) return join(repoDir, '.github/ensemble.yml');
  return isAbsolute(configFile) ? configFile : resolve(repoDir, configFile);
}

/** Reads the configuration (a file the user named must exist) and applies `--model`. */
export async function loadRunConfig(
  repoDir: string,
  configFile: string | null | undefined,
  model: string | null | undefined,
): Promise<RunConfig> {
  const file = configPath(repoDir, configFile);
  // A file the user named must exist; the conventional location may be absent (defaults).
  if (configFile && configFile !== DEFAULT_CONFIG_PATH && !existsSync(file))
    throw new UserError(`configuration file ${file} not found`);
  const loaded = await loadConfig(file, relative(process.cwd(), file) || file);
  const config = structuredClone(loaded.config);
  if (model) {
    const spec = parseModelSpec(model);
    for (const stage of ['default', 'plan', 'code', 'test', 'review', 'docs', 'fix'] as const)
      config.models[stage] = `${spec.provider}:${spec.model}`;
  }
  return { loaded, config };
}

/** What a stage runs with: its context, the run directory its artifacts go to, a worktree at the base. */
export interface StageSession {
  ctx: StageContext;
  runDir: RunDirectory;
  /** A worktree at the base SHA: the read-only view the planning agent works in. */
  base: Worktree;
  /** The fix round this session runs in; 0 for the run's first pass. */
  round: number;
  /**
   * The session of fix round `round`: its re-test and re-review write into the round's run
   * directory (`RunDirectory.round`), with their transcripts there, and count their own usage.
   */
  inRound(round: number): StageSession;
  /**
   * Every credential this process held and every one the checkout holds, by name: blanked in
   * transcripts and in what agents are shown, and refused by the publishers' policy.
   */
  secretValues: readonly { name: string; value: string }[];
  close(): Promise<void>;
}

/**
 * Opens the model session for `stages`, which reads the keys and then removes every credential
 * from the environment. Call before any child process that an agent controls can start.
 */
export function openModels(
  config: EnsembleConfig,
  stages: readonly ConfigStage[],
  options: ModelOptions,
): ModelSession {
  if (options.session) return options.session;
  const baseUrl = options.baseUrl ?? config.models['base-url'];
  return openModelSession(
    stages.map((s) => modelSpecFor(config, s)),
    {
      apiKey: options.apiKey ?? null,
      baseUrl: baseUrl ?? null,
      ...(options.env ? { env: options.env } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
    },
  );
}

/**
 * The stage context of a run, in either runtime: the ledger, the models, the shared agent context
 * (read from a worktree at the base SHA), transcripts into the run directory with every credential
 * this process held blanked, and the command sandbox. Close it to remove the base worktree.
 */
export async function openStageSession(input: {
  repoDir: string;
  config: EnsembleConfig;
  run: RunIdentity;
  runDir: RunDirectory;
  session: ModelSession;
  reporter: Reporter;
  commands?: CommandSettings | undefined;
  /** Recorded model calls to replay instead of calling a model (`ensemble stage --replay`). */
  replay?: TranscriptPort['replay'];
  /** An install made by an earlier job of the run, tried before the setup commands (`runEnvironment`). */
  savedInstall?: SavedInstall | undefined;
}): Promise<StageSession> {
  // Transcripts hold command output: every credential this process held, and every one the
  // checkout holds (remote URLs, extra headers, untracked .env files), is blanked in them and in
  // what agents are shown.
  const secretValues = [
    ...Object.entries(input.session.removedCredentials).map(([name, value]) => ({ name, value })),
    ...(await checkoutCredentials(input.repoDir)),
  ];
  const secrets = secretValues.map((s) => s.value);
  const redact = (line: string) => redactSecrets(line, secrets);
  const base = await createWorktree(input.repoDir, input.run.baseSha, { prefix: 'ensemble-base-' });
  const transcriptsIn = (runDir: RunDirectory): TranscriptPort => ({
    writer: (agent) => runDir.transcript(agent, redact),
    ...(input.replay ? { replay: input.replay } : {}),
  });
  try {
    // Listed once: the overview, the setup's choice and the planner's list_files all read this checkout.
    const baseFiles = await listWorktreeFiles(base.dir);
    const ctx: StageContext = {
      config: input.config,
      run: input.run,
      repoDir: input.repoDir,
      ledger: new UsageLedger(new PriceTable(priceOverridesFromConfig(input.config.prices))),
      model: (stage) => input.session.model(modelSpecFor(input.config, stage)),
      agentContext: buildContextPrefix({
        overview: repositoryOverview(baseFiles),
        instructionFiles: await discoverInstructionFiles(base.dir),
      }),
      baseFiles,
      transcripts: transcriptsIn(input.runDir),
      reporter: input.reporter,
      redact: (text) => redactValues(text, secrets),
      commands: {
        // Fail closed: commands run only in bubblewrap unless the configuration says `sandbox: none`.
        isolation: input.config.sandbox === 'none' ? 'none' : 'required',
        passThrough: { env: input.config['sandbox-env'], paths: input.config['sandbox-paths'] },
        ...input.commands,
        log: input.commands?.log ?? ((m) => input.reporter.warn(m)),
      },
    };
    // Installed at most once, when first needed: before the plan (`prepareEnvironment`), or by
    // the first worktree of a stage job.
    const environment = runEnvironment(ctx, {
      chooseIn: base.dir,
      ...(input.savedInstall ? { saved: input.savedInstall } : {}),
    });
    ctx.environment = environment;
    const close = async () => {
      await environment.close();
      await removeWorktree(base);
    };
    const inRound = (round: number): StageSession => {
      const runDir = round === 0 ? input.runDir : input.runDir.round(round);
      const roundCtx = { ...ctx, ledger: ctx.ledger.forRound(round), transcripts: transcriptsIn(runDir) };
      return { ctx: roundCtx, runDir, base, round, inRound, secretValues, close };
    };
    return { ctx, runDir: input.runDir, base, round: 0, inRound, secretValues, close };
  } catch (error) {
    await removeWorktree(base);
    throw error;
  }
}

/**
 * Starts a run: pins the base commit (HEAD of `repoDir`), makes the run identity every document
 * will carry, and opens the stage session on it. The local pipeline, the plan job and the
 * all-in-one job all start here.
 */
export async function openRunSession(input: {
  repoDir: string;
  repository: string;
  runId: string;
  request: RequestSnapshot;
  loaded: LoadedConfig;
  config: EnsembleConfig;
  runDir: RunDirectory;
  session: ModelSession;
  reporter: Reporter;
  commands?: CommandSettings | undefined;
  /** HEAD's commit when the caller read it already (`cleanHead`); else pinned here. */
  baseSha?: string;
}): Promise<StageSession> {
  const baseSha = input.baseSha || (await pinBase(input.repoDir));
  const run = newRunIdentity({
    repository: input.repository,
    runId: input.runId,
    request: input.request,
    baseSha,
    configHash: input.loaded.hash,
  });
  return openStageSession({ ...input, run });
}
