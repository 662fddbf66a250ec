import type { TranscriptCall } from '../src/agent/transcript.ts';
import { requestFromPrompt } from '../src/pipeline/request.ts';
import { runLocalPipeline } from '../src/runtime/local/pipeline.ts';
import type { Reporter } from '../src/stages/context.ts';
import { DEMO_PROMPT, demoScript } from '../test/support/demo-model.ts';
import { anthropicBlocks, openaiBlocks } from '../test/support/prompt-cache.ts';
import {
  type RecordedRequest,
  type ScriptedReply,
  type ScriptedRequest,
  startScriptedModel,
} from '../test/support/scripted-model.ts';
import { firstRequestsOf } from './overhead.ts';
import { attempt, transcriptCalls } from './pipeline.ts';
import { demoRepo } from './repos.ts';

export const CACHE_PRICES = {
  anthropic: { read: 0.1, write: 1.25 },
  openai: { read: 0.1, write: 1 },
} as const;
export type Wire = keyof typeof CACHE_PRICES;
const MODELS: Record<Wire, string> = { anthropic: 'anthropic:claude-sonnet-4-5', openai: 'openai:gpt-5' };

/** Extra turns before each agent's own first move in the long script. */
export const LONG_EXTRA_TURNS = 19;
const READS = ['README.md', 'package.json', 'src/index.js', 'src/slugify.js', 'src/count.js', 'CHANGELOG.md'];

export interface CacheRun {
  wire: Wire;
  script: 'demo' | 'long';
  calls: number;
  /** Calls per agent, fewest and most. */
  turns: { min: number; max: number };
  inputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  cachedShare: number;
  effectiveCost: number;
  sharedPrefix: { agents: SharedPrefixRow[]; share: number };
}

export interface SharedPrefixRow {
  agent: string;
  tokens: number;
  reusedTokens: number;
}

/**
 * The demo's script with `extra` reads before every agent's own moves: the first `extra` turns of
 * each conversation read a file of the demo repository; after them, the demo's script answers the
 * conversation as if those turns had not happened.
 */
export function longScript(extra: number) {
  return (request: ScriptedRequest): ScriptedReply => {
    const turn = request.messages.filter((m) => m.role === 'assistant').length;
    if (turn < extra) {
      return {
        toolCalls: [{ name: 'read_file', args: { path: READS[turn % READS.length] } }],
        usage: { outputTokens: 40 },
      };
    }
    // Each extra turn added an assistant message and its tool results: drop those pairs.
    const [first, ...rest] = request.messages;
    return demoScript({ ...request, messages: [first!, ...rest.slice(extra * 2)] });
  };
}

/** An agent's name from its first request: its role, and the lens or task that tells agents of one role apart. */
function agentOf(request: RecordedRequest): string {
  const system = request.request?.system ?? '';
  const task = request.request?.messages[0]?.text ?? '';
  const role = /You are (?:the |a |an )?([a-z ]+?) (?:agent|step)/.exec(system)?.[1]?.replace(/ /g, '-') ?? 'agent';
  const which = /^Your lens: ([a-z0-9-]+)/.exec(task)?.[1] ?? /\(id ([a-z0-9-]+)\)/.exec(task)?.[1];
  return which ? `${role}:${which}` : role;
}

function tokensOfBlocks(texts: readonly string[]): number {
  return Math.ceil(texts.reduce((n, t) => n + t.length, 0) / 4);
}

/** For each agent's first request, the longest block prefix an earlier request of the run had sent. */
export function sharedPrefixes(requests: readonly RecordedRequest[], wire: Wire): CacheRun['sharedPrefix'] {
  const blocksIn = wire === 'anthropic' ? anthropicBlocks : openaiBlocks;
  const blocksOf = new Map(
    requests.filter((r) => r.request).map((r) => [r, blocksIn(r.body as Record<string, unknown>)] as const),
  );
  const rows: SharedPrefixRow[] = [];
  for (const first of firstRequestsOf(requests)) {
    const blocks = blocksOf.get(first)!;
    let common = 0;
    for (const [earlier, other] of blocksOf) {
      if (earlier.index >= first.index) continue;
      let n = 0;
      while (n < blocks.length && n < other.length && blocks[n]!.text === other[n]!.text) n++;
      common = Math.max(common, n);
    }
    const texts = blocks.map((b) => b.text);
    rows.push({
      agent: agentOf(first),
      tokens: tokensOfBlocks(texts),
      reusedTokens: tokensOfBlocks(texts.slice(0, common)),
    });
  }
  const later = rows.slice(1);
  const total = later.reduce((n, r) => n + r.tokens, 0);
  return { agents: rows, share: total === 0 ? 0 : later.reduce((n, r) => n + r.reusedTokens, 0) / total };
}

const silent: Reporter = { info: () => {}, warn: () => {}, event: () => {} };

export async function cacheRun(wire: Wire, script: CacheRun['script']): Promise<CacheRun> {
  return attempt(`prompt cache, ${script} run on the ${wire} wire`, async () => {
    const server = await startScriptedModel(script === 'demo' ? demoScript : longScript(LONG_EXTRA_TURNS), {
      promptCache: true,
    });
    try {
      const summary = await runLocalPipeline({
        repoDir: demoRepo(),
        request: requestFromPrompt(DEMO_PROMPT),
        model: MODELS[wire],
        baseUrl: wire === 'anthropic' ? server.baseUrlAnthropic : server.baseUrlOpenAI,
        apiKey: 'bench-key',
        reporter: silent,
        env: {},
      });
      if (server.problems.length > 0) throw new Error(`the scripted model rejected requests: ${server.problems[0]}`);
      const failed = summary.tasks.filter((t) => t.status !== 'done');
      if (summary.branch === null || failed.length > 0) throw new Error(`the run failed: ${summary.error ?? 'tasks'}`);
      const calls = transcriptCalls(summary.runDir);
      const sum = (key: keyof TranscriptCall['usage']) => calls.reduce((n, c) => n + c.usage[key], 0);
      const input = sum('inputTokens');
      const read = sum('cacheReadTokens');
      const write = sum('cacheWriteTokens');
      const prices = CACHE_PRICES[wire];
      const perAgent = new Map<string, number>();
      for (const c of calls) perAgent.set(c.agent, (perAgent.get(c.agent) ?? 0) + 1);
      const turns = [...perAgent.values()];
      return {
        wire,
        script,
        calls: calls.length,
        turns: { min: Math.min(...turns), max: Math.max(...turns) },
        inputTokens: input,
        cacheReadTokens: read,
        cacheWriteTokens: write,
        cachedShare: read / input,
        effectiveCost: (input - read - write + prices.read * read + prices.write * write) / input,
        sharedPrefix: sharedPrefixes(server.requests, wire),
      };
    } finally {
      await server.close();
    }
  });
}
