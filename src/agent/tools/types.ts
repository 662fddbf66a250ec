import type { z } from 'zod';
import type { CommandRecord } from '../../contracts/task.ts';
import { errorMessage } from '../../util/errors.ts';
import type { SandboxOptions } from '../sandbox.ts';

/** How `run_command` runs commands; every field has a default. */
export interface CommandSettings {
  /** Default and maximum per-command timeout (the model may ask for less, never more). Default 10 minutes. */
  timeoutMs?: number;
  /** Output kept per command, head and tail. Default 20,000 bytes. */
  maxOutputBytes?: number;
  /** HOME for commands; kept between commands when given (caches), a fresh directory per command otherwise. */
  scratchDir?: string;
  /** Receives the one-time warning when bubblewrap is unavailable. */
  log?: (message: string) => void;
  /** 'none' runs without bubblewrap even where it works (tests only). */
  isolation?: SandboxOptions['isolation'];
  /** Aborting kills a running command (the stage's wall-time budget). */
  abortSignal?: AbortSignal;
  /** The configuration's `sandbox-env` and `sandbox-paths`. */
  passThrough?: SandboxOptions['passThrough'];
}

/** What tools share during one agent run. */
export interface ToolContext {
  /** Absolute path of the workspace (the checkout or worktree); every path is confined to it. */
  workspace: string;
  /** `run_command` appends one record per command, in order, for the stage's report. */
  commands: CommandRecord[];
  /** Workspace-relative paths that `write_file` and `edit_file` changed. */
  filesWritten: Set<string>;
  /** Calls so far of tools that may change the workspace (all but `Tool.readOnly` ones), failed ones included. */
  writes: number;
  command: CommandSettings;
  /**
   * The workspace still being made (a worktree checked out while the agent's first model call is
   * in flight): the loop runs no tool before it settles, and ends the agent when it fails.
   */
  ready?: Promise<void>;
  /**
   * The workspace's files as `listWorktreeFiles` lists them, given when nothing writes the
   * workspace while the agent works (the planning agent's base checkout): `list_files` then filters
   * them instead of asking git.
   */
  listed?: readonly string[];
}

export function createToolContext(workspace: string, command: CommandSettings = {}): ToolContext {
  return { workspace, commands: [], filesWritten: new Set(), writes: 0, command };
}

/**
 * A tool, independent of any model SDK: the loop adapts it. `execute` receives input already
 * validated by `inputSchema` and returns the text the model sees; a failure is thrown, with a
 * message the model can act on. Call it through `executeTool`, which validates and turns every
 * failure into a failed {@link ToolResult}.
 */
export interface Tool<Schema extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  inputSchema: Schema;
  /** It only reads the workspace. Calls of every other tool count in `ToolContext.writes`. */
  readOnly?: boolean;
  execute(input: z.output<Schema>, ctx: ToolContext): Promise<string>;
}

/**
 * What a tool call gave: the tool's text, or why the call failed. Failure is this flag, never the
 * text: a tool's text may start with anything, `Error:` included.
 */
export type ToolResult = { ok: true; text: string } | { ok: false; error: string };

/** The text the model is shown for a result: the tool's text, or `Error: <why>` for a failed call. */
export function toolResultText(result: ToolResult): string {
  return result.ok ? result.text : `Error: ${result.error}`;
}

/** Declares a tool with its input type inferred from the schema. */
export function defineTool<Schema extends z.ZodType>(tool: Tool<Schema>): Tool<Schema> {
  return tool;
}

function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
      return `- ${where}: ${issue.message}`;
    })
    .join('\n');
}

/**
 * Validates raw model input (an object, or a JSON string) against the tool's schema and runs it.
 * Never throws: invalid input and any failure come back as a failed result, which the loop
 * returns to the model as an error.
 */
export async function executeTool(tool: Tool, rawInput: unknown, ctx: ToolContext): Promise<ToolResult> {
  let input = rawInput ?? {};
  if (typeof input === 'string') {
    try {
      input = input.trim() === '' ? {} : JSON.parse(input);
    } catch {
      return { ok: false, error: `the input for ${tool.name} is not valid JSON` };
    }
  }
  const parsed = tool.inputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: `invalid input for ${tool.name}:\n${formatIssues(parsed.error)}` };
  // Counted before it runs: a call that fails may have written part of its work.
  if (!tool.readOnly) ctx.writes++;
  try {
    return { ok: true, text: await tool.execute(parsed.data, ctx) };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

/** `executeTool` by name, for the loop: an unknown name is a failed result listing the tools that exist. */
export async function runTool(
  tools: readonly Tool[],
  // The name the model called, which may be any text.
  name: string,
  rawInput: unknown,
  ctx: ToolContext,
): Promise<ToolResult> {
  const tool = tools.find((t) => t.name === name);
  if (tool) return executeTool(tool, rawInput, ctx);
  const names = tools.map((t) => t.name).join(', ');
  return { ok: false, error: `there is no tool named "${name}"; the tools are: ${names}` };
}
