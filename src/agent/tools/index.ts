import type { AgentStage } from '../../contracts/stages.ts';
import { runCommandTool } from './command.ts';
import { editFileTool, listFilesTool, readFileTool, searchTool, writeFileTool } from './files.ts';
import type { Tool } from './types.ts';

export type { AgentStage } from '../../contracts/stages.ts';
export { DEFAULT_COMMAND_OUTPUT_BYTES, DEFAULT_COMMAND_TIMEOUT_MS, runCommandTool } from './command.ts';
export {
  editFileTool,
  LIST_MAX_ENTRIES,
  listFilesTool,
  READ_MAX_CHARS,
  READ_MAX_FILE_BYTES,
  READ_MAX_LINE_CHARS,
  READ_MAX_LINES,
  readFileTool,
  SEARCH_MAX_LINE_CHARS,
  SEARCH_MAX_MATCHES,
  searchTool,
  writeFileTool,
} from './files.ts';
export {
  type CommandSettings,
  createToolContext,
  defineTool,
  executeTool,
  runTool,
  type Tool,
  type ToolContext,
  type ToolResult,
  toolResultText,
} from './types.ts';

export const readOnlyTools: readonly Tool[] = [listFilesTool, readFileTool, searchTool];
export const writeTools: readonly Tool[] = [writeFileTool, editFileTool];
export const commandTools: readonly Tool[] = [runCommandTool];

/** The tools of a stage, per docs/design.md §6 (the stage adds its submit tool). */
export function toolsFor(stage: AgentStage): Tool[] {
  switch (stage) {
    case 'plan':
    case 'review':
      return [...readOnlyTools];
    case 'docs':
      return [...readOnlyTools, ...writeTools];
    case 'code':
    case 'test':
    case 'fix':
      return [...readOnlyTools, ...writeTools, ...commandTools];
  }
}
