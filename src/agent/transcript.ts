import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** Tool results are kept in the transcript up to this many characters (head and tail). */
export const TRANSCRIPT_RESULT_CHARS = 4_000;

export const RecordedToolCall = z.object({ id: z.string(), name: z.string(), input: z.unknown() }).strict();
export type RecordedToolCall = z.infer<typeof RecordedToolCall>;

const TokenUsage = z
  .object({
    inputTokens: z.number(),
    outputTokens: z.number(),
    cacheReadTokens: z.number(),
    cacheWriteTokens: z.number(),
  })
  .strict();

/** One model call: what was asked (summarised), what came back, what the tools answered. */
export const TranscriptCall = z
  .object({
    type: z.literal('call'),
    agent: z.string(),
    step: z.number().int().nonnegative(),
    at: z.string(),
    request: z
      .object({ messages: z.number().int(), tools: z.array(z.string()), tokenEstimate: z.number().int() })
      .strict(),
    response: z
      .object({
        text: z.string(),
        toolCalls: z.array(RecordedToolCall),
        finishReason: z.string(),
      })
      .strict(),
    toolResults: z.array(
      z.object({ id: z.string(), name: z.string(), output: z.string(), truncated: z.boolean() }).strict(),
    ),
    usage: TokenUsage,
    durationMs: z.number(),
  })
  .strict();
export type TranscriptCall = z.infer<typeof TranscriptCall>;

export const TranscriptEvent = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('start'),
      agent: z.string(),
      stage: z.string(),
      model: z.string(),
      tools: z.array(z.string()),
      at: z.string(),
    })
    .strict(),
  TranscriptCall,
  z
    .object({
      type: z.literal('end'),
      agent: z.string(),
      status: z.string(),
      stopReason: z.string().nullable(),
      turns: z.number().int(),
      at: z.string(),
    })
    .strict(),
]);
export type TranscriptEvent = z.infer<typeof TranscriptEvent>;

/**
 * Appends transcript events to a JSONL file as they happen, so a crash still leaves the calls made
 * so far. `redact` runs over each line first: transcripts are uploaded as artifacts, which more
 * people can read than the job's log, and a command's output may carry a credential.
 */
export class TranscriptWriter {
  readonly file: string;
  readonly #redact: (line: string) => string;
  constructor(file: string, redact: (line: string) => string = (line) => line) {
    this.file = file;
    this.#redact = redact;
    mkdirSync(dirname(file), { recursive: true });
  }
  write(event: TranscriptEvent): void {
    appendFileSync(this.file, `${this.#redact(JSON.stringify(event))}\n`);
  }
}

// A middle cut, which util/text.ts has no counterpart for: a tool's output keeps its start and its end.
export function truncateMiddle(text: string, max = TRANSCRIPT_RESULT_CHARS): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  const head = Math.floor(max / 2);
  return {
    text:
      `${text.slice(0, head)}\n[… ${text.length - max} characters ` +
      `omitted …]\n${text.slice(text.length - (max - head))}`,
    truncated: true,
  };
}

/** Reads a transcript back, validating every line; the error names the file and the line. */
export function readTranscript(file: string): TranscriptEvent[] {
  const events: TranscriptEvent[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
      const parsed = TranscriptEvent.safeParse(value);
      if (!parsed.success)
        throw new Error(`${file}:${i + 1}: not a transcript event (${parsed.error.issues[0]?.message ?? 'invalid'})`);
      events.push(parsed.data);
    });
  return events;
}

/** The model calls of one agent in a transcript, in order: what a replay feeds the loop instead of a model. */
export function recordedCalls(events: readonly TranscriptEvent[], agent?: string): TranscriptCall[] {
  return events.filter((e): e is TranscriptCall => e.type === 'call' && (agent === undefined || e.agent === agent));
}
