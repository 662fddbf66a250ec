/**
 * The stage vocabulary every contract shares: the pipeline's stages in order, and which of them
 * run an agent. What each stage reads, writes and yields when it does not run is the pipeline
 * table (`src/pipeline/stages.ts`); this file only names them, so that documents can say which
 * stage produced them without the contracts knowing how stages run.
 */
export const STAGE_NAMES = ['plan', 'code', 'test', 'review', 'docs', 'fix', 'publish'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** The stages that run an agent (publish is deterministic code); each has a model, a budget and a config section. */
export const AGENT_STAGES = ['plan', 'code', 'test', 'review', 'docs', 'fix'] as const satisfies readonly StageName[];
export type AgentStage = (typeof AGENT_STAGES)[number];

export function isAgentStage(stage: string): stage is AgentStage {
  return (AGENT_STAGES as readonly string[]).includes(stage);
}
