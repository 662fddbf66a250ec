import { EnsembleConfig } from '../contracts/config.ts';
import { toJsonSchema } from '../contracts/json-schema.ts';
import { PROVIDERS } from '../contracts/model-spec.ts';

type JsonSchema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  required?: string[];
  description?: string;
};

/** What `parseModelSpec` accepts, as a pattern editors can check while the user types. */
const MODEL_SPEC_PATTERN = `^(?:${PROVIDERS.join('|')}):\\S+$`;

/**
 * JSON Schema (draft 2020-12) of `.github/ensemble.yml`, for editors (`# yaml-language-server:
 * $schema=...`). It describes what a user may write: every key is optional.
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(EnsembleConfig, 'config', 'ensemble configuration (.github/ensemble.yml)') as JsonSchema;
  // Model specs are checked by a refinement, which JSON Schema cannot carry; a pattern says the same to an editor.
  const models = schema.properties?.['models']?.properties ?? {};
  for (const property of Object.values(models)) {
    if (property.type === 'string') property['pattern'] = MODEL_SPEC_PATTERN;
  }
  const prices = schema.properties?.['prices'];
  if (prices) prices.propertyNames = { type: 'string', pattern: MODEL_SPEC_PATTERN };
  return schema;
}

const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;

function describeType(schema: JsonSchema): string {
  if (schema.anyOf) {
    const parts = schema.anyOf.map(describeType);
    return parts.join(' or ');
  }
  if (Array.isArray(schema.type)) return schema.type.map((type) => describeType({ ...schema, type })).join(' or ');
  if ('const' in schema) return `\`${JSON.stringify(schema['const'])}\``;
  if (schema.enum) return `one of ${schema.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  switch (schema.type) {
    case 'null':
      return '`null`';
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    case 'integer':
    case 'number': {
      const bounds: string[] = [];
      if (typeof schema['exclusiveMinimum'] === 'number') bounds.push(`> ${schema['exclusiveMinimum']}`);
      if (typeof schema['minimum'] === 'number') bounds.push(`≥ ${schema['minimum']}`);
      if (typeof schema['maximum'] === 'number' && schema['maximum'] < SAFE_INTEGER)
        bounds.push(`≤ ${schema['maximum']}`);
      return bounds.length ? `${schema.type} ${bounds.join(', ')}` : schema.type;
    }
    case 'array':
      if (!schema.items) return 'list';
      return schema.items.type === 'string' && !schema.items.enum
        ? 'list of strings'
        : `list of ${describeType(schema.items)}`;
    case 'object':
      return 'mapping';
    default:
      return 'any';
  }
}

function describeDefault(schema: JsonSchema, required: boolean): string {
  if (required) return 'required';
  if (!('default' in schema)) return '—';
  const value = schema['default'];
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return '—';
  return `\`${JSON.stringify(value)}\``;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

interface Row {
  key: string;
  type: string;
  default: string;
  description: string;
}

function collect(schema: JsonSchema, prefix: string, required: boolean, rows: Row[]): void {
  if (prefix) {
    rows.push({
      key: prefix,
      type: describeType(schema),
      default: describeDefault(schema, required),
      description: schema.description ?? '',
    });
  }
  if (schema.properties) {
    for (const [name, child] of Object.entries(schema.properties)) {
      collect(child, prefix ? `${prefix}.${name}` : name, schema.required?.includes(name) ?? false, rows);
    }
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    collect(schema.additionalProperties, `${prefix}.<provider:model>`, false, rows);
  }
}

/**
 * The configuration reference for the README: one row per key (sections included), with its
 * type, default and description, generated from the schema so it cannot drift from the code.
 */
export function renderConfigReference(): string {
  const rows: Row[] = [];
  collect(configJsonSchema() as JsonSchema, '', false, rows);
  const lines = ['| key | type | default | description |', '| --- | --- | --- | --- |'];
  for (const row of rows) {
    lines.push(`| \`${row.key}\` | ${cell(row.type)} | ${cell(row.default)} | ${cell(row.description)} |`);
  }
  return `${lines.join('\n')}\n`;
}
