/**
 * `strategy.matrix` expanded into legs as GitHub expands it: the cartesian product of the
 * vectors, minus `exclude`, then `include` (an entry extends every combination whose original
 * values it does not overwrite, or else becomes a combination of its own).
 */
import { isDeepStrictEqual } from 'node:util';
import { ExpressionFailure } from './workflow-sim-expressions.ts';

export type MatrixLeg = Record<string, unknown>;

/** GitHub's limit on the legs of one matrix. */
export const MAX_MATRIX_LEGS = 256;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The legs of a rendered matrix (`where` names it in messages). */
export function expandMatrix(matrix: unknown, where: string): MatrixLeg[] {
  if (!isObject(matrix))
    throw new ExpressionFailure(`${where}: the matrix is ${JSON.stringify(matrix)}, not a mapping`);
  const vectors: [string, unknown[]][] = [];
  let include: unknown[] = [];
  let exclude: unknown[] = [];
  for (const [key, value] of Object.entries(matrix)) {
    if (key === 'include' || key === 'exclude') {
      if (!Array.isArray(value))
        throw new ExpressionFailure(`${where}: matrix ${key} is ${JSON.stringify(value)}, not a sequence`);
      if (key === 'include') include = value;
      else exclude = value;
    } else {
      if (!Array.isArray(value))
        throw new ExpressionFailure(`${where}: matrix vector '${key}' is ${JSON.stringify(value)}, not a sequence`);
      if (value.length === 0)
        throw new ExpressionFailure(`${where}: matrix vector '${key}' does not contain any values`);
      vectors.push([key, value]);
    }
  }

  let legs: MatrixLeg[] = vectors.length === 0 ? [] : [{}];
  for (const [key, values] of vectors) legs = legs.flatMap((leg) => values.map((value) => ({ ...leg, [key]: value })));
  const vectorKeys = new Set(vectors.map(([key]) => key));

  for (const entry of exclude) {
    if (!isObject(entry))
      throw new ExpressionFailure(`${where}: matrix exclude entry ${JSON.stringify(entry)} is not a mapping`);
    for (const key of Object.keys(entry)) {
      if (!vectorKeys.has(key))
        throw new ExpressionFailure(`${where}: matrix exclude key '${key}' does not match any key within the matrix`);
    }
    legs = legs.filter((leg) => !Object.entries(entry).every(([key, value]) => isDeepStrictEqual(leg[key], value)));
  }

  const originals = legs.map((leg) => ({ ...leg }));
  const extra: MatrixLeg[] = [];
  for (const entry of include) {
    if (!isObject(entry))
      throw new ExpressionFailure(`${where}: matrix include entry ${JSON.stringify(entry)} is not a mapping`);
    let added = false;
    legs.forEach((leg, i) => {
      const original = originals[i]!;
      const overwrites = Object.entries(entry).some(
        ([key, value]) => key in original && !isDeepStrictEqual(original[key], value),
      );
      if (!overwrites) {
        Object.assign(leg, entry);
        added = true;
      }
    });
    if (!added) extra.push({ ...entry });
  }
  legs.push(...extra);

  if (legs.length === 0) throw new ExpressionFailure(`${where}: the matrix has no legs (${JSON.stringify(matrix)})`);
  if (legs.length > MAX_MATRIX_LEGS) {
    throw new ExpressionFailure(
      `${where}: the matrix has ${legs.length} legs; GitHub allows at most ${MAX_MATRIX_LEGS}`,
    );
  }
  return legs;
}

/** The leg's default name, as GitHub shows it: `job (value, value)`. */
export function defaultLegName(jobId: string, leg: MatrixLeg): string {
  const values = Object.values(leg).map((value) =>
    isObject(value) || Array.isArray(value) ? JSON.stringify(value) : String(value),
  );
  return values.length === 0 ? jobId : `${jobId} (${values.join(', ')})`;
}
