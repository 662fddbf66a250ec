import { z } from 'zod';
import { DOCUMENTS, type DocumentName } from './documents.ts';

const SCHEMA_BASE = 'https://ensemble.dev/schemas';

/**
 * JSON Schema (draft 2020-12) of a zod schema, for editors and other tools; refinements are not
 * expressible and are left out.
 */
export function toJsonSchema(schema: z.ZodType, id: string, title: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = json;
  return { $schema, $id: `${SCHEMA_BASE}/${id}.schema.json`, title, ...rest };
}

export function documentJsonSchemas(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(DOCUMENTS) as DocumentName[]) {
    const kind = DOCUMENTS[name];
    out[name] = toJsonSchema(
      kind.schema,
      name,
      `ensemble.${kind.kind}/v${kind.version} (${kind.file} in ${kind.artifact})`,
    );
  }
  return out;
}
