/**
 * Prompt-cache accounting for the scripted model server: the usage a provider would return for a
 * request, given every request it saw before, following each provider's documented rules. Tokens
 * are estimated at 4 characters a token, as everywhere in the scripted server.
 *
 * Anthropic Messages (docs: "Prompt caching"):
 * - The prompt is the sequence of blocks tools → system → messages; `cache_control` marks a
 *   breakpoint (the fake server refuses more than four).
 * - A request writes a cache entry for the prefix up to each breakpoint whose prefix reaches the
 *   minimum cacheable length (1,024 tokens, the Sonnet and Opus figure).
 * - A request reads the longest entry found at a breakpoint or, looking back, at one of the 20
 *   block boundaries up to it. Entries exist only where an earlier request put a breakpoint.
 * - Usage: `cache_read_input_tokens` = that prefix; `cache_creation_input_tokens` = from there to
 *   the last breakpoint written; `input_tokens` = the rest.
 * - An entry can be read once the response that wrote it has begun, not before: requests sent
 *   side by side do not read each other's entries.
 *
 * OpenAI Chat Completions (docs: "Prompt caching"): automatic for prompts of 1,024 tokens or more;
 * `cached_tokens` is the longest prefix an earlier prompt had, in steps of 128 tokens from 1,024.
 * The prompt is taken as the tool definitions, then the messages in order: the docs say tools are
 * part of the cached prefix without saying where they sit, and putting them first is the stricter
 * reading (a prompt whose tools changed shares nothing).
 *
 * Entries are kept per model and never expire: the runs measured are minutes long, under the
 * five-minute lifetime each read renews.
 */
import { createHash } from 'node:crypto';

export type CacheWire = 'openai' | 'anthropic';

export interface CacheUsage {
  /** The whole prompt, cached parts included (the ledger's `inputTokens`). */
  inputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

/** One prompt's accounting, and the step that makes its writes readable (when its response begins). */
export interface CacheAccount {
  usage: CacheUsage;
  commit(): void;
}

export const ANTHROPIC_MIN_CACHEABLE_TOKENS = 1024;
export const ANTHROPIC_LOOKBACK_BLOCKS = 20;
export const OPENAI_MIN_CACHED_TOKENS = 1024;
export const OPENAI_CACHE_STEP_TOKENS = 128;
const CHARS_PER_TOKEN = 4;

/** A block of a prompt in cache order: its text as the cache sees it, and whether a breakpoint ends it. */
export interface PromptBlock {
  text: string;
  breakpoint: boolean;
}

/** A JSON object (not an array, not null). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A block without its `cache_control`: moving a breakpoint does not change what is cached. */
function blockText(prefix: string, value: unknown): PromptBlock {
  if (!isRecord(value)) return { text: `${prefix}${JSON.stringify(value)}`, breakpoint: false };
  const { cache_control, ...rest } = value;
  return { text: `${prefix}${JSON.stringify(rest)}`, breakpoint: cache_control !== undefined };
}

/** The blocks of an Anthropic Messages body, in the order the cache reads them. */
export function anthropicBlocks(body: Record<string, unknown>): PromptBlock[] {
  const blocks: PromptBlock[] = [];
  for (const tool of Array.isArray(body['tools']) ? body['tools'] : []) blocks.push(blockText('tool:', tool));
  const system = body['system'];
  if (typeof system === 'string') blocks.push({ text: `system:${system}`, breakpoint: false });
  else if (Array.isArray(system)) for (const block of system) blocks.push(blockText('system:', block));
  for (const message of Array.isArray(body['messages']) ? body['messages'] : []) {
    if (!isRecord(message)) continue;
    const role = String(message['role']);
    const content = message['content'];
    if (typeof content === 'string') blocks.push({ text: `${role}:${content}`, breakpoint: false });
    else if (Array.isArray(content)) for (const block of content) blocks.push(blockText(`${role}:`, block));
  }
  return blocks;
}

/** The parts of an OpenAI Chat Completions prompt in order: each tool definition, then each message. */
export function openaiBlocks(body: Record<string, unknown>): PromptBlock[] {
  const tools = Array.isArray(body['tools']) ? body['tools'] : [];
  const messages = Array.isArray(body['messages']) ? body['messages'] : [];
  return [...tools.map((t) => `tool:${JSON.stringify(t)}`), ...messages.map((m) => JSON.stringify(m))].map((text) => ({
    text,
    breakpoint: false,
  }));
}

/** The prompt of an OpenAI Chat Completions body as one string: tools, then messages. */
export function openaiPrompt(body: Record<string, unknown>): string {
  return openaiBlocks(body)
    .map((b) => b.text)
    .join('\n');
}

const tokensOf = (chars: number) => Math.ceil(chars / CHARS_PER_TOKEN);

/** The accounting of one server: a cache per model, shared by both wires' requests to it. */
export class PromptCache {
  /** model → prefix keys of the entries readable now. */
  readonly #entries = new Map<string, Set<string>>();

  account(wire: CacheWire, body: Record<string, unknown>): CacheAccount {
    const model = `${wire}:${String(body['model'])}`;
    let entries = this.#entries.get(model);
    if (!entries) {
      entries = new Set();
      this.#entries.set(model, entries);
    }
    return wire === 'anthropic' ? anthropicAccount(entries, anthropicBlocks(body)) : openaiAccount(entries, body);
  }
}

function chain(texts: readonly string[]): string[] {
  const keys: string[] = [];
  let previous = '';
  for (const text of texts) {
    previous = createHash('sha256').update(previous).update('\0').update(text).digest('hex');
    keys.push(previous);
  }
  return keys;
}

function anthropicAccount(entries: Set<string>, blocks: readonly PromptBlock[]): CacheAccount {
  const keys = chain(blocks.map((b) => b.text));
  const ends: number[] = []; // tokens up to and including block i
  let chars = 0;
  for (const block of blocks) {
    chars += block.text.length;
    ends.push(tokensOf(chars));
  }
  const total = ends.at(-1) ?? 0;
  const breakpoints = blocks.flatMap((b, i) => (b.breakpoint ? [i] : []));

  let read = 0;
  for (const b of breakpoints) {
    for (let j = b; j >= 0 && j > b - ANTHROPIC_LOOKBACK_BLOCKS; j--) {
      if (entries.has(keys[j]!)) {
        read = Math.max(read, ends[j]!);
        break;
      }
    }
  }
  const writes = breakpoints.filter((b) => ends[b]! >= ANTHROPIC_MIN_CACHEABLE_TOKENS && ends[b]! > read);
  const lastWrite = writes.at(-1);
  const written = lastWrite === undefined ? 0 : ends[lastWrite]! - read;
  return {
    usage: { inputTokens: total, cacheReadTokens: read, cacheWriteTokens: written },
    commit: () => {
      for (const b of writes) entries.add(keys[b]!);
    },
  };
}

function openaiAccount(entries: Set<string>, body: Record<string, unknown>): CacheAccount {
  const prompt = openaiPrompt(body);
  const total = tokensOf(prompt.length);
  const step = OPENAI_CACHE_STEP_TOKENS * CHARS_PER_TOKEN;
  const chunks: string[] = [];
  for (let at = 0; at + step <= prompt.length; at += step) chunks.push(prompt.slice(at, at + step));
  const keys = chain(chunks);
  let cachedChunks = 0;
  while (cachedChunks < keys.length && entries.has(keys[cachedChunks]!)) cachedChunks++;
  const cached = cachedChunks * OPENAI_CACHE_STEP_TOKENS;
  const eligible = total >= OPENAI_MIN_CACHED_TOKENS;
  return {
    usage: {
      inputTokens: total,
      cacheReadTokens: eligible && cached >= OPENAI_MIN_CACHED_TOKENS ? cached : 0,
      cacheWriteTokens: 0,
    },
    commit: () => {
      if (!eligible) return;
      for (const key of keys) entries.add(key);
    },
  };
}
