import type { z } from 'zod';
import type { CommandRecord } from '../../contracts/task.ts';
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
}

/** What tools share during one agent run. */
export interface ToolContext {
  /** Absolute path of the workspace (the checkout or worktree); every path is confined to it. */
  workspace: string;
  /** `run_command` appends one record per command, in order, for the stage's report. */
  commands: CommandRecord[];
  /** Workspace-relative paths that `write_file` and `edit_file` changed. */
  filesWritten: Set<string>;
  command: CommandSettings;
}

export function createToolContext(workspace: string, command: CommandSettings = {}): ToolContext {
  return { workspace, commands: [], filesWritten: new Set(), command };
}

/**
 * A tool, independent of any model SDK: the loop adapts it. `execute` receives input already
 * validated by `inputSchema` and returns the text the model sees. Call it through `executeTool`,
 * which validates and turns every failure into an `Error: …` result.
 */
export interface Tool<Schema extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  inputSchema: Schema;
  execute(input: z.output<Schema>, ctx: ToolContext): Promise<string>;
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
 * Never throws: invalid input and any failure come back as text starting with `Error:`, which
 * the loop returns to the model as the tool result.
 */
export async function executeTool(tool: Tool, rawInput: unknown, ctx: ToolContext): Promise<string> {
  let input = rawInput ?? {};
  if (typeof input === 'string') {
    try {
      input = input.trim() === '' ? {} : JSON.parse(input);
    } catch {
      return `Error: the input for ${tool.name} is not valid JSON`;
    }
  }
  const parsed = tool.inputSchema.safeParse(input);
  if (!parsed.success) return `Error: invalid input for ${tool.name}:\n${formatIssues(parsed.error)}`;
  try {
    return await tool.execute(parsed.data, ctx);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `Error: ${message}`;
  }
}

/** `executeTool` by name, for the loop: an unknown name is an `Error:` result listing the tools that exist. */
export async function runTool(tools: readonly Tool[], name: string, rawInput: unknown, ctx: ToolContext): Promise<string> {
  const tool = tools.find((t) => t.name === name);
  if (!tool) return `Error: there is no tool named "${name}"; the tools are: ${tools.map((t) => t.name).join(', ')}`;
  return executeTool(tool, rawInput, ctx);
}
