/**
 * A small validator for the OpenAPI 3.0 schema dialect of GitHub's description, as far as the
 * committed fixture uses it: `type`, `properties`, `required`, `enum`, `items`, `oneOf` /
 * `anyOf` / `allOf`, `nullable`, `additionalProperties`, `pattern`, `minimum` / `maximum`,
 * `minLength` / `maxLength`, `minItems` / `maxItems`, local `$ref`s, and `format` loosely
 * (`date-time`, `uri`, `email`, `int64`, `repo.nwo`). An unknown keyword fails loudly, so that a
 * fixture extended with a construct this file cannot check is noticed instead of passed.
 */

// biome-ignore lint/suspicious/noExplicitAny: JSON schemas are arbitrary JSON
export type Schema = Record<string, any>;

export interface ValidateOptions {
  /** Resolves `#/components/...` references. */
  resolve: (ref: string) => Schema;
  /**
   * Treat an object schema that lists `properties` and says nothing of `additionalProperties` as
   * closed. GitHub ignores unknown fields in request bodies, which hides a misspelt field: the fake
   * reports them instead.
   */
  closedObjects?: boolean;
}

const KNOWN = new Set([
  'type',
  'properties',
  'required',
  'enum',
  'items',
  'oneOf',
  'anyOf',
  'allOf',
  'nullable',
  'additionalProperties',
  'pattern',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'format',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'discriminator',
  '$ref',
]);

const FORMATS: Record<string, (value: unknown) => boolean> = {
  'date-time': (v) =>
    typeof v !== 'string' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(v),
  date: (v) => typeof v !== 'string' || /^\d{4}-\d{2}-\d{2}$/.test(v),
  uri: (v) => {
    if (typeof v !== 'string') return true;
    try {
      new URL(v);
      return true;
    } catch {
      return false;
    }
  },
  email: (v) => typeof v !== 'string' || /^[^@\s]+@[^@\s]+$/.test(v),
  int64: (v) => typeof v !== 'number' || Number.isSafeInteger(v),
  int32: (v) => typeof v !== 'number' || (Number.isInteger(v) && Math.abs(v) < 2 ** 31),
  'repo.nwo': (v) => typeof v !== 'string' || /^[^/\s]+\/[^/\s]+$/.test(v),
};

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? `a string ("${value.slice(0, 37)}...")` : `"${value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    default:
      throw new Error(`unsupported schema type ${type}`);
  }
}

const at = (path: string) => path || 'the value';

/** Every way `value` breaks `schema`, as `path: reason` lines; empty when it conforms. */
export function validate(schema: Schema, value: unknown, options: ValidateOptions, path = ''): string[] {
  if (schema.$ref !== undefined) {
    // OpenAPI 3.0: a $ref's siblings are ignored.
    return validate(options.resolve(schema.$ref as string), value, options, path);
  }
  for (const key of Object.keys(schema)) {
    if (!KNOWN.has(key))
      throw new Error(`${at(path)}: the fake's validator does not support the schema keyword "${key}"`);
  }
  if (value === null && schema.nullable === true) return [];
  const errors: string[] = [];

  if (schema.allOf) for (const sub of schema.allOf as Schema[]) errors.push(...validate(sub, value, options, path));
  if (schema.anyOf) {
    const results = (schema.anyOf as Schema[]).map((sub) => validate(sub, value, options, path));
    if (!results.some((r) => r.length === 0)) errors.push(...alternatives('anyOf', results, value, path));
  }
  if (schema.oneOf) {
    const results = (schema.oneOf as Schema[]).map((sub) => validate(sub, value, options, path));
    const passing = results.filter((r) => r.length === 0).length;
    if (passing === 0) errors.push(...alternatives('oneOf', results, value, path));
    else if (passing > 1) errors.push(`${at(path)}: matches ${passing} alternatives of a oneOf, expected exactly one`);
  }

  if (schema.type !== undefined) {
    const type = schema.type as string;
    if (!typeMatches(type, value)) {
      errors.push(
        `${at(path)}: expected ${type === 'integer' || type === 'array' || type === 'object' ? 'an' : 'a'} ${type}, found ${describeValue(value)}`,
      );
      return errors;
    }
  } else if (value === null && !schema.oneOf && !schema.anyOf && !schema.allOf && schema.enum === undefined) {
    // An untyped schema without `nullable` still rejects null in OpenAPI 3.0.
    errors.push(`${at(path)}: null is not allowed here`);
    return errors;
  }

  if (schema.enum !== undefined && !(schema.enum as unknown[]).some((option) => option === value)) {
    const options = (schema.enum as unknown[]).map((o) => JSON.stringify(o)).join(', ');
    errors.push(`${at(path)}: expected one of ${options}, found ${describeValue(value)}`);
  }
  if (schema.format !== undefined) {
    const check = FORMATS[schema.format as string];
    if (check && !check(value)) errors.push(`${at(path)}: ${describeValue(value)} is not a valid ${schema.format}`);
  }

  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) {
      errors.push(`${at(path)}: shorter than ${schema.minLength} characters`);
    }
    if (schema.maxLength !== undefined && value.length > schema.maxLength) {
      errors.push(`${at(path)}: longer than ${schema.maxLength} characters`);
    }
    if (schema.pattern !== undefined && !new RegExp(schema.pattern as string, 'u').test(value)) {
      errors.push(`${at(path)}: ${describeValue(value)} does not match /${schema.pattern}/`);
    }
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      errors.push(`${at(path)}: ${value} is below the minimum ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum)
      errors.push(`${at(path)}: ${value} is above the maximum ${schema.maximum}`);
  }

  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      errors.push(`${at(path)}: needs at least ${schema.minItems} item(s), found ${value.length}`);
    }
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      errors.push(`${at(path)}: allows at most ${schema.maxItems} item(s), found ${value.length}`);
    }
    if (schema.items) {
      for (const [i, item] of value.entries())
        errors.push(...validate(schema.items as Schema, item, options, `${path}[${i}]`));
    }
  }

  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const child = (key: string) => (path ? `${path}.${key}` : key);
    for (const key of (schema.required ?? []) as string[]) {
      if (!(key in record) || record[key] === undefined) errors.push(`${child(key)}: required, missing`);
    }
    for (const [key, item] of Object.entries(record)) {
      if (item === undefined) continue;
      const declared = properties[key];
      if (declared) {
        errors.push(...validate(declared, item, options, child(key)));
        continue;
      }
      const additional = schema.additionalProperties;
      if (additional === false) errors.push(`${child(key)}: not a field of this object`);
      else if (typeof additional === 'object' && additional !== null)
        errors.push(...validate(additional as Schema, item, options, child(key)));
      else if (additional === undefined && options.closedObjects && schema.properties) {
        const known = Object.keys(properties);
        errors.push(`${child(key)}: not a field of this object (GitHub would ignore it; known: ${known.join(', ')})`);
      }
    }
  }
  return errors;
}

function alternatives(keyword: string, results: string[][], value: unknown, path: string): string[] {
  if (results.length === 1) return results[0]!;
  const reasons = results.map((r, i) => `#${i + 1}: ${r[0] ?? 'ok'}${r.length > 1 ? ` (+${r.length - 1} more)` : ''}`);
  return [`${at(path)}: ${describeValue(value)} matches none of the ${keyword} alternatives (${reasons.join('; ')})`];
}
