/**
 * Prompt size per agent turn as the repository grows, and how much of it is cache-stable.
 *
 * For synthetic repositories of 100, 1,000 and 10,000 tracked files, a local run (plan and code)
 * against a scripted model that plans one task at once; the first request of the planning agent
 * and of the coding agent are read back from the scripted server as they arrived on the wire:
 *   context       the first system message: overview + instruction files, identical for every agent of a run
 *   shared        the system messages after it: the request, the plan, the change (as far as the run has
 *                 got), identical for every agent that has them
 *   instructions  the last system message: the role (the same on every turn, and for agents of one role)
 *   task          the first user message
 *   tools         the tool definitions (JSON)
 * Tokens are estimated at 4 characters a token, as the scripted server does for its usage
 * (`prompt_tokens` = ceil(body bytes / 4)). What a prefix cache serves across the agents of a run,
 * from the usage the providers report, is in cache.ts.
 */
import { requestFromPrompt } from '../src/pipeline/request.ts';
import type { RecordedRequest, ScriptedReply, ScriptedRequest } from '../test/support/scripted-model.ts';
import { firstRequestsOf } from './overhead.ts';
import { attempt, measuredRun } from './pipeline.ts';
import { syntheticRepo } from './repos.ts';

export interface RequestShape {
  /** The role (the last system message). */
  instructionsChars: number;
  /** The repository context (the first system message). */
  contextChars: number;
  /** The run's shared blocks between them: the request, the plan, the change. */
  sharedChars: number;
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
  /** (context + shared + instructions) / content */
  stablePrefixShare: number;
  /** (tools + context + shared + instructions) / content: Anthropic's cache prefix starts with the tools. */
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
  // In wire order: the repository context, the run's shared blocks (request, plan, change), the role.
  const system = body.messages.filter((m) => m.role === 'system' || m.role === 'developer').map((m) => text(m.content));
  if (system.length < 2) throw new Error(`expected the context and the role as system messages, got ${system.length}`);
  const user = body.messages.filter((m) => m.role === 'user').map((m) => text(m.content));
  const contextChars = system[0]!.length;
  const sharedChars = system.slice(1, -1).join('').length;
  const instructionsChars = system.at(-1)!.length;
  const taskChars = user.join('').length;
  const toolsChars = JSON.stringify(body.tools ?? []).length;
  const stable = contextChars + sharedChars + instructionsChars;
  const contentChars = stable + taskChars + toolsChars;
  return {
    instructionsChars,
    contextChars,
    sharedChars,
    taskChars,
    toolsChars,
    contentChars,
    wireChars: record.rawBody.length,
    tokensEstimate: Math.ceil(contentChars / 4),
    tokensReported: Math.ceil(Buffer.byteLength(record.rawBody) / 4),
    stablePrefixShare: stable / contentChars,
    stablePrefixWithToolsShare: (toolsChars + stable) / contentChars,
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
    const context = text((plan.body as { messages: WireMessage[] }).messages[0]?.content);
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
