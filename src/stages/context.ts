import { toolCatalogue } from '../agent/catalogue.ts';
import type { AgentBudget, AgentOutcome, AgentSpec } from '../agent/loop.ts';
import { runAgent } from '../agent/loop.ts';
import type { SubmitTool } from '../agent/submit.ts';
import { type CommandSettings, createToolContext, type Tool, type ToolContext } from '../agent/tools/index.ts';
import type { TranscriptCall, TranscriptWriter } from '../agent/transcript.ts';
import type { RunIdentity } from '../contracts/common.ts';
import type { ConfigStage, EnsembleConfig } from '../contracts/config.ts';
import { type ModelSpec, parseModelSpec } from '../contracts/model-spec.ts';
import type { UsageLedger } from '../model/ledger.ts';
import type { Model } from '../model/providers.ts';
import { type SharedParts, sharedBlocks } from './prompt-parts.ts';
import type { WorktreeEnvironment } from './setup.ts';

/** Progress a person watches: the local CLI draws it live, the Actions runtime logs it. */
export interface Reporter {
  info(message: string): void;
  warn(message: string): void;
  /** A stage or one of its agents started, took a turn, finished or failed. */
  event(event: StageEvent): void;
}

export interface StageEvent {
  stage: ConfigStage | 'publish';
  /** The agent within the stage: a task id, a lens. */
  agent?: string;
  status: 'started' | 'progress' | 'finished' | 'failed' | 'skipped';
  detail?: string;
}

/** Where each agent's transcript goes, and where a replay reads one from. */
export interface TranscriptPort {
  writer(agent: string): TranscriptWriter | undefined;
  /** Recorded calls to replay instead of calling a model (tests, `ensemble stage --replay`). */
  replay?(agent: string): readonly TranscriptCall[] | undefined;
}

/** What every stage runs with; the local and the Actions runtimes build it differently. */
export interface StageContext {
  config: EnsembleConfig;
  run: RunIdentity;
  /** The user's repository: worktrees are made from it, the base SHA is in it. */
  repoDir: string;
  ledger: UsageLedger;
  /** The model of a stage; null when the stage replays transcripts. */
  model(stage: ConfigStage): Promise<Model | null>;
  /** The cache-stable context every agent of the run starts with (overview, instruction files). */
  agentContext: string;
  /**
   * The files of the run's base checkout as `listWorktreeFiles` lists them (the session's base
   * worktree, which nothing writes); absent in a context built without a session.
   */
  baseFiles?: readonly string[];
  transcripts: TranscriptPort;
  reporter: Reporter;
  /** How agents' commands run (sandbox, limits). */
  commands: CommandSettings;
  /**
   * The dependencies installed once for the run, given to each worktree (`setup.ts`). Absent in a
   * context built without a session: each worktree then runs the setup itself.
   */
  environment?: WorktreeEnvironment;
  /**
   * Blanks the credentials this process held and those of the checkout (`workspace/credentials.ts`)
   * in what agents are shown: a command that prints one does not hand it to the model.
   */
  redact?: (text: string) => string;
}

export function modelSpecFor(config: EnsembleConfig, stage: ConfigStage): ModelSpec {
  return parseModelSpec(config.models[stage] ?? config.models.default);
}

/** The limits of one agent of `stage`, from the configuration. */
export function budgetFor(config: EnsembleConfig, stage: ConfigStage): AgentBudget {
  const stageConfig = config.stages[stage];
  const budget = config.budgets[stage];
  return {
    maxTurns: stageConfig['max-turns'],
    timeoutMs: stageConfig['timeout-minutes'] * 60_000,
    maxTokens: budget.tokens,
    maxUsd: budget.usd,
    run: { maxTokens: config.budgets.run.tokens, maxUsd: config.budgets.run.usd },
  };
}

export interface StageAgent<Result> {
  stage: ConfigStage;
  /** e.g. `code:api`, `review:security`. */
  agent: string;
  instructions: string;
  task: string;
  tools: readonly Tool[];
  submit: SubmitTool<import('zod').ZodType<Result>> | readonly SubmitTool<import('zod').ZodType<Result>>[];
  /** The conversation of an earlier run of this agent that this one continues (`AgentSpec.resume`). */
  resume?: readonly import('ai').ModelMessage[];
  /**
   * What the run's agents share, sent before the role in the same bytes for each (`sharedBlocks`):
   * the request; the plan once there is one; the change for agents that work on one.
   */
  shared: SharedParts;
  /** The directory the agent works in (a worktree, or a read-only checkout). */
  workspace: string;
  /** Overrides of the run's command settings for this agent (e.g. a HOME shared with setup). */
  commands?: CommandSettings;
  /** The workspace still being made while the first model call is in flight (`ToolContext.ready`). */
  ready?: Promise<void>;
  /** The workspace's files, when nothing writes it while the agent works (`ToolContext.listed`). */
  listed?: readonly string[];
  /** Called after each turn's tools ran, as the next model call starts (`AgentDeps.afterTools`). */
  afterTools?: (tools: ToolContext) => void;
  /** Awaited before each turn's tools run (`AgentDeps.beforeTools`). */
  beforeTools?: () => Promise<void>;
}

/**
 * Runs one agent of a stage with the run's model, ledger, transcripts, budgets and the extra
 * instructions the configuration gives the stage. Returns the outcome and the tool context
 * (commands run, files written) for the stage's report.
 */
export async function runStageAgent<Result>(
  ctx: StageContext,
  agent: StageAgent<Result>,
): Promise<{ outcome: AgentOutcome<Result>; tools: ToolContext }> {
  const spec: AgentSpec<Result> = {
    stage: agent.stage,
    agent: agent.agent,
    instructions: withConfiguredInstructions(agent.instructions, ctx.config.stages[agent.stage].instructions),
    context: ctx.agentContext,
    shared: sharedBlocks(agent.shared),
    task: agent.task,
    tools: agent.tools,
    // The planner's own tools: see `catalogue.ts`.
    ...(agent.stage === 'plan' ? {} : { catalogue: toolCatalogue() }),
    submit: agent.submit,
    ...(agent.resume ? { resume: agent.resume } : {}),
    budget: budgetFor(ctx.config, agent.stage),
  };
  const tools = createToolContext(agent.workspace, { ...ctx.commands, ...agent.commands });
  if (agent.ready) tools.ready = agent.ready;
  if (agent.listed) tools.listed = agent.listed;
  const { afterTools, beforeTools } = agent;
  const replay = ctx.transcripts.replay?.(agent.agent);
  ctx.reporter.event({ stage: agent.stage, agent: agent.agent, status: 'started' });
  const outcome = await runAgent(spec, {
    spec: modelSpecFor(ctx.config, agent.stage),
    model: replay ? null : await ctx.model(agent.stage),
    ledger: ctx.ledger,
    tools,
    transcript: ctx.transcripts.writer(agent.agent),
    replay,
    ...(ctx.redact ? { redact: ctx.redact } : {}),
    ...(afterTools ? { afterTools: () => afterTools(tools) } : {}),
    ...(beforeTools ? { beforeTools } : {}),
  });
  ctx.reporter.event({
    stage: agent.stage,
    agent: agent.agent,
    status: outcome.status === 'submitted' ? 'finished' : 'failed',
    detail: outcome.stop?.message ?? `${outcome.turns} turns`,
  });
  return { outcome, tools };
}

function withConfiguredInstructions(instructions: string, extra: string): string {
  return extra.trim()
    ? `${instructions}\n\nAdditional instructions from the repository's ensemble configuration:\n${extra.trim()}`
    : instructions;
}
