/**
 * The tools every agent that works on a plan is shown: the same definitions, in the same order, for
 * the coding agents, the testing agent, the reviewers, the documentation agent and the fixer.
 * Providers cache a prompt by its prefix, and the tool definitions come first in it (Anthropic:
 * tools, then system, then messages), so a tool list that changed with the role would make what
 * these agents share (repository, request, plan, change) uncacheable across roles. What an agent
 * may call is narrower: the loop runs only the agent's own tools and refuses the others with a
 * message naming what it has (`loop.ts`), and its role text says the same.
 *
 * The planner keeps its own short list: it is the first agent of a run and shares only the
 * repository context and the request with the others, while the plan's two ways to finish are
 * the longest definitions there are; carried by every later call of every agent, they would cost
 * more than that one agent's cache miss saves.
 */
import { z } from 'zod';
import { SUBMIT_TOOLS, type SubmitTool } from './submit.ts';
import { commandTools, readOnlyTools, type Tool, writeTools } from './tools/index.ts';

/** A tool as the model is shown it: name, description and the JSON Schema of its input. */
export interface DeclaredTool {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
}

const declared = new WeakMap<z.ZodType, Record<string, unknown>>();

/** The JSON Schema a zod schema is declared with, computed once per schema (it is the same on every call). */
export function declaredSchema(schema: z.ZodType): Record<string, unknown> {
  let json = declared.get(schema);
  if (!json) {
    // Without `$schema`: the same URL in every definition tells the model nothing.
    const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    json = rest as Record<string, unknown>;
    declared.set(schema, json);
  }
  return json;
}

/** Tools and submit tools as the model is shown them, in the order given. */
export function declareTools(
  tools: readonly Pick<Tool, 'name' | 'description' | 'inputSchema'>[],
  submits: readonly Pick<SubmitTool, 'name' | 'description' | 'schema'>[],
): DeclaredTool[] {
  return [
    ...tools.map((t) => ({ name: t.name, description: t.description, inputSchema: declaredSchema(t.inputSchema) })),
    ...submits.map((s) => ({ name: s.name, description: s.description, inputSchema: declaredSchema(s.schema) })),
  ];
}

let catalogue: readonly DeclaredTool[] | undefined;

/** The tool list of the agents after planning: the working tools, then each way to finish, in a fixed order. */
export function toolCatalogue(): readonly DeclaredTool[] {
  catalogue ??= declareTools(
    [...readOnlyTools, ...writeTools, ...commandTools],
    [SUBMIT_TOOLS.code, SUBMIT_TOOLS.test, SUBMIT_TOOLS.review, SUBMIT_TOOLS.docs, SUBMIT_TOOLS.fix],
  );
  return catalogue;
}

export class ToolNotInCatalogueError extends Error {
  override name = 'ToolNotInCatalogueError';
}

/**
 * Checks that an agent's own tools are the catalogue's, by name and by what the model is told
 * (description and schema): the model is shown the catalogue's definitions, so a tool that
 * differed from them would run with an input the model was never described.
 */
export function assertInCatalogue(
  tools: readonly Pick<Tool, 'name' | 'description' | 'inputSchema'>[],
  submits: readonly Pick<SubmitTool, 'name' | 'description' | 'schema'>[],
  list: readonly DeclaredTool[],
): void {
  const byName = new Map(list.map((t) => [t.name, t]));
  for (const { name, description, inputSchema } of declareTools(tools, submits)) {
    const entry = byName.get(name);
    if (!entry) throw new ToolNotInCatalogueError(`the tool ${name} is not in the run's tool catalogue`);
    const sameSchema =
      entry.inputSchema === inputSchema || JSON.stringify(entry.inputSchema) === JSON.stringify(inputSchema);
    if (entry.description !== description || !sameSchema)
      throw new ToolNotInCatalogueError(`the tool ${name} differs from the catalogue's definition of it`);
  }
}
