/**
 * Artifact names, derived from the contracts' document table (`DOCUMENTS[*].artifact`): the same
 * locally (folders of a run directory) and on GitHub (artifacts of a workflow run), so that a
 * downloaded GitHub run is a run directory too.
 */
import { DOCUMENTS, type Producer } from '../contracts/documents.ts';

const fill = (pattern: string, placeholder: string, value: string) => pattern.replace(`<${placeholder}>`, value);

export const ARTIFACTS = {
  plan: DOCUMENTS.plan.artifact,
  code: (taskId: string) => fill(DOCUMENTS.task.artifact, 'task', taskId),
  test: DOCUMENTS.test.artifact,
  review: (lens: string) => fill(DOCUMENTS.review.artifact, 'lens', lens),
  docs: DOCUMENTS.docs.artifact,
  /** A fix round's artifact; the round's re-test and re-review are a run directory inside it. */
  fix: (round: number) => fill(DOCUMENTS.fix.artifact, 'round', String(round)),
  /** A follow-up run's trigger and starting state (written before its fix job). */
  followUp: DOCUMENTS['follow-up'].artifact,
  publish: DOCUMENTS.publish.artifact,
} as const;

/** `ensemble-code-<task>` → /^ensemble-code-.+$/ */
function patternOf(artifact: string): RegExp {
  const literal = artifact.replace(/<[a-z]+>/, '\u0000').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${literal.replace('\u0000', '.+')}$`);
}

const PRODUCERS = Object.values(DOCUMENTS).map((d) => ({ pattern: patternOf(d.artifact), producer: d.producer }));

/** The stage that writes an artifact, from its name (`ensemble-code-api` → `code`); null when no stage does. */
export function producerOfArtifact(name: string): Producer | null {
  return PRODUCERS.find((p) => p.pattern.test(name))?.producer ?? null;
}

/** The artifact an agent's transcript belongs to: `code:api` → `ensemble-code-api`, `plan` → `ensemble-plan`. */
export function artifactOfAgent(agent: string): string {
  const [stage, name] = agent.split(':', 2) as [string, string | undefined];
  if (stage === 'code' && name) return ARTIFACTS.code(name);
  if (stage === 'review' && name) return ARTIFACTS.review(name);
  if (stage === 'fix' && name && /^[1-9][0-9]*$/.test(name)) return ARTIFACTS.fix(Number(name));
  if (stage === 'plan' || stage === 'test' || stage === 'docs') return ARTIFACTS[stage];
  throw new Error(`no artifact for agent "${agent}"`);
}
