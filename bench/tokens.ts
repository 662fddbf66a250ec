/**
 * Prompt size per agent turn as the repository grows, and how much of it is cache-stable.
 *
 * For synthetic repositories of 100, 1,000 and 10,000 tracked files, a local run (plan and code)
 * against a scripted model that plans one task at once; the first request of the planning agent
 * and of the coding agent are read back from the scripted server as they arrived on the wire:
 *   instructions  the role's system message (stable across the agent's turns, same for agents of one role)
 *   context       the second system message: overview + instruction files, identical for every agent of a run
 *   task          the first user message (the request, the task)
 *   tools         the tool definitions (JSON)
 * Tokens are estimated at 4 characters a token, as the scripted server does for its usage
 * (`prompt_tokens` = ceil(body bytes / 4)).
 *
 * The cross-agent figure comes from the demo run of the overhead benchmark: for each agent's
 * first request, the longest prefix of its messages (in wire order: system, system, user) that an
 * earlier agent of the same run already sent, i.e. what a provider's prefix cache could serve.
 */
import { requestFromPrompt } from '../src/pipeline/request.ts';
import type { RecordedRequest, ScriptedReply, ScriptedRequest } from '../test/support/scripted-model.ts';
import { firstRequestsOf } from './overhead.ts';
import { attempt, measuredRun } from './pipeline.ts';
import { syntheticRepo } from './repos.ts';
import { commonPrefix } from './stats.ts';

export interface RequestShape {
  instructionsChars: number;
  contextChars: number;
  taskChars: number;
  toolsChars: number;
  /** instructions + context + task + tools */
  contentChars: number;
  /** The whole JSON body as sent. */
  wireChars: number;
  /** contentChars / 4 */
  tokensEstimate: number;
  /** What the scripted server reported as prompt tokens (wire bytes / 4). */
  tokensReported: number;
  /** (instructions + context) / content */
  stablePrefixShare: number;
  /** (tools + instructions + context) / content: the Anthropic cache breakpoint covers tools too. */
  stablePrefixWithToolsShare: number;
}

export interface TokensRow {
  files: number;
  overviewFirstLine: string;
  plan: RequestShape;
  code: RequestShape;
  /** Wall time of the plan and code stages (worktrees grow with the repository). */
  planStageMs: number;
  codeStageMs: number;
  repoSetupMs: number;
}

interface WireMessage {
  role: string;
  content: unknown;
}

function text(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (typeof p?.text === 'string' ? p.text : '')).join('');
  return '';
}

export function shapeOf(record: RecordedRequest): RequestShape {
  const body = record.body as { messages: WireMessage[]; tools?: unknown[] };
  const system = body.messages.filter((m) => m.role === 'system' || m.role === 'developer').map((m) => text(m.content));
  if (system.length !== 2)
    throw new Error(`expected two system messages (instructions, context), got ${system.length}`);
  const user = body.messages.filter((m) => m.role === 'user').map((m) => text(m.content));
  const instructionsChars = system[0]!.length;
  const contextChars = system[1]!.length;
  const taskChars = user.join('').length;
  const toolsChars = JSON.stringify(body.tools ?? []).length;
  const contentChars = instructionsChars + contextChars + taskChars + toolsChars;
  return {
    instructionsChars,
    contextChars,
    taskChars,
    toolsChars,
    contentChars,
    wireChars: record.rawBody.length,
    tokensEstimate: Math.ceil(contentChars / 4),
    tokensReported: Math.ceil(Buffer.byteLength(record.rawBody) / 4),
    stablePrefixShare: (instructionsChars + contextChars) / contentChars,
    stablePrefixWithToolsShare: (toolsChars + instructionsChars + contextChars) / contentChars,
  };
}

const PROMPT = 'Add a NOTES.md file at the top of the repository that lists the main folders and what they hold.';

const call = (name: string, args: unknown): ScriptedReply => ({
  toolCalls: [{ name, args }],
  usage: { outputTokens: 50 },
});

function script(request: ScriptedRequest): ScriptedReply {
  const turn = request.messages.filter((m) => m.role === 'assistant').length;
  if (request.system.includes('You are the planning agent')) {
    return call('submit_plan', {
      summary: 'One task: write NOTES.md.',
      tasks: [
        {
          id: 'notes',
          title: 'Add NOTES.md',
          description: 'Create NOTES.md at the top level listing the main folders and what they hold.',
          acceptanceCriteria: ['NOTES.md exists and names every top-level folder'],
          files: ['NOTES.md'],
          reads: [],
          dependsOn: [],
        },
      ],
      testStrategy: 'None needed: documentation only.',
      risks: [],
    });
  }
  if (request.system.includes('You are a coding agent')) {
    return turn === 0
      ? call('write_file', {
          path: 'NOTES.md',
          content: '# Notes\n\nsrc, test, docs, packages, scripts, examples, tools, vendor.\n',
        })
      : call('submit_task', { status: 'done', summary: 'Added NOTES.md.', commitMessage: 'Add NOTES.md' });
  }
  return { text: 'The bench script does not know this agent.' };
}

export async function benchTokens(sizes: readonly number[]): Promise<TokensRow[]> {
  const rows: TokensRow[] = [];
  for (const files of sizes) {
    const setupStarted = performance.now();
    const repoDir = syntheticRepo(files);
    const repoSetupMs = performance.now() - setupStarted;
    const { run, plan, code } = await attempt(`tokens, ${files} files`, async () => {
      const run = await measuredRun({ repoDir, request: requestFromPrompt(PROMPT), script, stages: ['plan', 'code'] });
      await run.server.close();
      const firsts = firstRequestsOf(run.server.requests);
      const plan = firsts.find((r) => r.request?.system.includes('You are the planning agent'));
      const code = firsts.find((r) => r.request?.system.includes('You are a coding agent'));
      if (!plan || !code)
        throw new Error(`the run did not reach the planning and coding agents (${run.summary.error})`);
      return { run, plan, code };
    });
    const context = text((plan.body as { messages: WireMessage[] }).messages[1]?.content);
    const stage = (name: string) => run.summary.stages.find((s) => s.stage === name)?.durationMs ?? Number.NaN;
    rows.push({
      files,
      overviewFirstLine: /^\d+ tracked files/m.exec(context)?.[0] ?? '?',
      plan: shapeOf(plan),
      code: shapeOf(code),
      planStageMs: stage('plan'),
      codeStageMs: stage('code'),
      repoSetupMs,
    });
  }
  return rows;
}

export interface PrefixReuse {
  agents: { agent: string; chars: number; contextChars: number; reusedPrefixChars: number }[];
  /** Whether the context system message is byte-identical across every agent's first request. */
  contextIdentical: boolean;
  /** Sum of reused prefixes over the sum of first-request message characters. */
  reusedShare: number;
  /** Sum of context characters over the sum of first-request message characters. */
  contextShare: number;
}

/** The suffix that tells apart agents of one kind: `:lens` for a reviewer, else `:task` for a coder, else nothing. */
function qualifier(lens: string | undefined, task: string | undefined): string {
  if (lens) return `:${lens}`;
  if (task) return `:${task}`;
  return '';
}

/** What a prefix cache could reuse between the first requests of the agents of one run. */
export function prefixReuse(firstRequests: readonly RecordedRequest[]): PrefixReuse {
  const serialised = firstRequests.map((r) => JSON.stringify((r.body as { messages: unknown[] }).messages));
  const contexts = firstRequests.map((r) => text((r.body as { messages: WireMessage[] }).messages[1]?.content));
  const agents = firstRequests.map((r, k) => {
    const system = r.request?.system ?? '';
    const agent =
      /You are (?:the |a |an )?([a-z ]+?) (?:agent|step)/.exec(system)?.[1]?.replace(/ /g, '-') ?? `agent-${k}`;
    const lens = /Your lens: ([a-z0-9-]+)/.exec(system)?.[1];
    const task = /\(id ([a-z0-9-]+)\)/.exec(r.request?.messages[0]?.text ?? '')?.[1];
    let reused = 0;
    for (let j = 0; j < k; j++) reused = Math.max(reused, commonPrefix(serialised[k]!, serialised[j]!));
    return {
      agent: `${agent}${qualifier(lens, task)}`,
      chars: serialised[k]!.length,
      contextChars: contexts[k]!.length,
      reusedPrefixChars: reused,
    };
  });
  const total = agents.reduce((s, a) => s + a.chars, 0);
  return {
    agents,
    contextIdentical: contexts.every((c) => c === contexts[0]),
    reusedShare: agents.reduce((s, a) => s + a.reusedPrefixChars, 0) / total,
    contextShare: agents.reduce((s, a) => s + a.contextChars, 0) / total,
  };
}
