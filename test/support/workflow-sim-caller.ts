/**
 * The calling side of a reusable workflow, for the workflow simulator: one job of a caller
 * (`example-caller.yml`, `examples/ensemble.yml`) evaluated for a triggering event — whether it
 * runs (`if:`), which workflow it calls, and the `with:`, `secrets:` and `permissions:` it passes,
 * which `simulateWorkflow` then takes as `callerInputs`, `secrets` and `callerPermissions`.
 */
import { readFileSync } from 'node:fs';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse } from 'yaml';
import { asText, condition, render, UnsupportedConstruct } from './workflow-sim-expressions.ts';

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML
type Json = Record<string, any>;

export interface CallerJob {
  /** The job's `if:` held for this event. */
  runs: boolean;
  /** The called workflow, as written (`./.github/workflows/pipeline.yml`). */
  uses: string;
  with: Record<string, unknown>;
  secrets: Record<string, string>;
  permissions: Record<string, string>;
}

/** The events of a workflow's `on:`, in any of its three forms: one name, a list, or a map. */
function triggersOf(on: Json[string]): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on;
  return Object.keys(on);
}

export function evaluateCallerJob(options: {
  callerFile: string;
  job: string;
  event: { name: string; payload: Record<string, unknown> };
  /** The caller repository's secrets. */
  secrets: Record<string, string>;
  /** `workflow_dispatch` inputs; empty for other events. */
  dispatchInputs?: Record<string, string>;
  vars?: Record<string, string>;
}): CallerJob {
  const text = readFileSync(options.callerFile, 'utf8');
  const parsed = parseWorkflow({ name: options.callerFile, content: text }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (errors.length > 0)
    throw new Error(`${options.callerFile} does not parse with @actions/workflow-parser:\n${errors.join('\n')}`);
  const workflow: Json = parse(text);
  const triggers = triggersOf(workflow['on']);
  if (!triggers.includes(options.event.name))
    throw new Error(`${options.callerFile} is not triggered by ${options.event.name}`);
  const job: Json | undefined = workflow['jobs']?.[options.job];
  if (job === undefined) throw new Error(`${options.callerFile} has no job '${options.job}'`);
  if (typeof job['uses'] !== 'string')
    throw new UnsupportedConstruct(`${options.callerFile} job '${options.job}' does not call a reusable workflow`);
  for (const key of Object.keys(job)) {
    if (!['name', 'if', 'uses', 'with', 'secrets', 'permissions', 'needs'].includes(key)) {
      throw new UnsupportedConstruct(
        `${options.callerFile} job '${options.job}': the key '${key}' is not supported by the simulator`,
      );
    }
  }
  const payload = options.event.payload;
  const repository = (payload['repository'] as Json | undefined)?.['full_name'] ?? 'octo-org/textkit';
  const contexts = {
    github: {
      event_name: options.event.name,
      event: payload,
      repository,
      repository_owner: String(repository).split('/')[0],
      run_id: '4242',
    },
    inputs: options.event.name === 'workflow_dispatch' ? (options.dispatchInputs ?? {}) : {},
    vars: options.vars ?? {},
    needs: {},
    matrix: {},
    strategy: {},
    secrets: options.secrets,
  };
  const where = `${options.callerFile} job '${options.job}'`;
  const status = { success: () => true, failure: () => false, cancelled: () => false };
  const runs = condition(job['if'], { scope: 'caller-if', contexts, status, where: `${where} if` });
  const withs = render(job['with'] ?? {}, { scope: 'caller-with', contexts, where: `${where} with` }) as Record<
    string,
    unknown
  >;
  let secrets: Record<string, string>;
  if (job['secrets'] === 'inherit') secrets = { ...options.secrets };
  else {
    const rendered = render(job['secrets'] ?? {}, {
      scope: 'caller-secrets',
      contexts,
      where: `${where} secrets`,
    }) as Record<string, unknown>;
    secrets = Object.fromEntries(Object.entries(rendered).map(([k, v]) => [k, asText(v)]));
  }
  return { runs, uses: job['uses'], with: withs, secrets, permissions: job['permissions'] ?? {} };
}
