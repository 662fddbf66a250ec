import type { z } from 'zod';
import { errorMessage, UserError } from '../util/errors.ts';
import { DOCUMENTS, type DocumentName, type DocumentOf } from './documents.ts';

/** Where a document came from, for the error message. */
export interface DocumentSource {
  /** Artifact name, e.g. `ensemble-code-api`. Defaults to the kind's artifact pattern. */
  artifact?: string;
  /** File path as the user would find it, e.g. `.ensemble/runs/<id>/artifacts/ensemble-plan/plan.json`. */
  file?: string;
}

export class ContractError extends UserError {
  override name = 'ContractError';
  readonly artifact: string;
  readonly producer: string;
  readonly problems: readonly { path: string; message: string }[];
  constructor(
    artifact: string,
    producer: string,
    problems: readonly { path: string; message: string }[],
    hint: string,
  ) {
    super(
      `${artifact} (written by the ${producer} stage) is not valid:\n` +
        problems.map((p) => `  ${p.path}: ${p.message}`).join('\n') +
        `\n${hint}`,
    );
    this.artifact = artifact;
    this.producer = producer;
    this.problems = problems;
  }
}

/** `$.tasks[0].acceptanceCriteria` from zod's path array. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

export function zodProblems(error: z.ZodError, limit = 20): { path: string; message: string }[] {
  const problems = error.issues
    .slice(0, limit)
    .map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
  if (error.issues.length > limit)
    problems.push({ path: '$', message: `and ${error.issues.length - limit} more problems` });
  return problems;
}

const SCHEMA_ID = /^ensemble\.([a-z]+(?:-[a-z]+)*)\/v(\d+)$/;

/** What a JSON value is, in words: `an array`, `null`, or its `typeof`. */
function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value;
}

/**
 * Validates an artifact document a stage is about to consume. Checks the `schema` id first so
 * that a document from another stage or another ensemble version gets an error saying exactly
 * that, instead of a list of field mismatches.
 */
export function parseDocument<N extends DocumentName>(
  name: N,
  value: unknown,
  source: DocumentSource = {},
): DocumentOf<N> {
  const kind = DOCUMENTS[name];
  const where = [source.artifact ?? kind.artifact, source.file].filter(Boolean).join(': ');
  const expected = `ensemble.${kind.kind}/v${kind.version}`;
  const fail = (path: string, message: string, hint: string): never => {
    throw new ContractError(where, kind.producer, [{ path, message }], hint);
  };

  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail('$', `expected a JSON object, found ${jsonKind(value)}`, 'Re-run the stage that produced it.');
  }
  const id = (value as { schema?: unknown }).schema;
  if (typeof id !== 'string') {
    fail(
      '$.schema',
      `missing schema id; expected "${expected}"`,
      'This file was not written by ensemble, or was edited by hand.',
    );
  }
  const match = SCHEMA_ID.exec(id as string);
  if (!match) {
    fail(
      '$.schema',
      `"${String(id)}" is not an ensemble schema id; expected "${expected}"`,
      'This file was not written by ensemble, or was edited by hand.',
    );
  }
  const [, foundKind, foundVersion] = match as RegExpExecArray;
  if (foundKind !== kind.kind) {
    fail(
      '$.schema',
      `found a ${foundKind} document ("${id}") where a ${kind.kind} document ("${expected}") belongs`,
      `Check which artifact was passed in; ${kind.artifact} is written by the ${kind.producer} stage.`,
    );
  }
  const version = Number(foundVersion);
  if (version > kind.version) {
    fail(
      '$.schema',
      `"${id}" is newer than this ensemble understands (${expected})`,
      'Use the same ensemble version for every stage of a run, or update ensemble.',
    );
  }
  if (version < kind.version) {
    fail(
      '$.schema',
      `"${id}" was written by an older ensemble; this one reads ${expected}`,
      `Re-run the ${kind.producer} stage with this ensemble version.`,
    );
  }

  const result = kind.schema.safeParse(value);
  if (!result.success) {
    throw new ContractError(
      where,
      kind.producer,
      zodProblems(result.error),
      `Re-run the ${kind.producer} stage; if it keeps failing, this is a bug in ensemble.`,
    );
  }
  return result.data as DocumentOf<N>;
}

/** Parses JSON text first, so that a truncated or corrupt file is reported with its name too. */
export function parseDocumentText<N extends DocumentName>(
  name: N,
  text: string,
  source: DocumentSource = {},
): DocumentOf<N> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const kind = DOCUMENTS[name];
    const where = [source.artifact ?? kind.artifact, source.file].filter(Boolean).join(': ');
    throw new ContractError(
      where,
      kind.producer,
      [{ path: '$', message: `not valid JSON (${errorMessage(error)})` }],
      `The file is corrupt or truncated; re-run the ${kind.producer} stage.`,
    );
  }
  return parseDocument(name, value, source);
}
