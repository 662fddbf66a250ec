import type { CommandSettings } from '../../src/agent/tools/index.ts';
import { EnsembleConfig, type EnsembleConfigInput } from '../../src/contracts/config.ts';
import { parseModelSpec } from '../../src/contracts/model-spec.ts';
import { UsageLedger } from '../../src/model/ledger.ts';
import { createLanguageModel } from '../../src/model/providers.ts';
import { createRetryingFetch } from '../../src/model/retry.ts';
import type { StageContext, StageEvent } from '../../src/stages/context.ts';
import { validRun } from './documents.ts';
import { type Script, type ScriptedModelServer, startScriptedModel } from './scripted-model.ts';

export interface ScriptedStage {
  ctx: StageContext;
  server: ScriptedModelServer;
  events: StageEvent[];
  /** `info: …` and `warn: …` lines, in order. */
  messages: string[];
  warnings: string[];
}

/**
 * A stage context whose every agent talks to the scripted model through the real OpenAI
 * provider, for the stage tests. The caller closes `server`.
 */
export async function scriptedStageContext(options: {
  script: Script;
  repoDir: string;
  baseSha: string;
  config?: EnsembleConfigInput;
  agentContext?: string;
  commands?: CommandSettings;
  /** Model call attempts (retries included); default 6. */
  maxAttempts?: number;
}): Promise<ScriptedStage> {
  const server = await startScriptedModel(options.script);
  const spec = parseModelSpec('openai:gpt-5');
  const model = await createLanguageModel(spec, {
    apiKey: 'test-key',
    baseUrl: server.baseUrlOpenAI,
    fetch: createRetryingFetch({
      provider: spec.provider,
      sleep: async () => {},
      ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    }),
  });
  const events: StageEvent[] = [];
  const messages: string[] = [];
  const warnings: string[] = [];
  const ctx: StageContext = {
    config: EnsembleConfig.parse({ models: { default: 'openai:gpt-5' }, ...options.config }),
    run: validRun({ baseSha: options.baseSha }),
    repoDir: options.repoDir,
    ledger: new UsageLedger(),
    model: async () => model,
    agentContext: options.agentContext ?? '# Repository\nA small test repository.',
    transcripts: { writer: () => undefined },
    reporter: {
      info: (m) => messages.push(`info: ${m}`),
      warn: (m) => {
        messages.push(`warn: ${m}`);
        warnings.push(m);
      },
      event: (e) => events.push(e),
    },
    commands: options.commands ?? { isolation: 'none' },
  };
  return { ctx, server, events, messages, warnings };
}
