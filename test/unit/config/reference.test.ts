import { describe, expect, test } from 'vitest';
import { configJsonSchema, parseConfigText, renderConfigReference } from '../../../src/config/index.ts';
import { defaultConfig } from '../../../src/contracts/config.ts';

/**
 * Every key path of a resolved configuration, sections included (`stages`, `stages.plan`,
 * `stages.plan.max-turns`...).
 */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...keyPaths(child, path)];
  });
}

describe('config reference', () => {
  const reference = renderConfigReference();
  const rows = reference.trimEnd().split('\n').slice(2);
  const keys = rows.map((row) => /^\| `([^`]+)` \|/.exec(row)?.[1]);

  test('is a markdown table with a header', () => {
    expect(reference.startsWith('| key | type | default | description |\n| --- | --- | --- | --- |\n')).toBe(true);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(6);
  });

  test('has one row for every key of the configuration, and nothing else', () => {
    const expected = [
      ...keyPaths(defaultConfig()),
      'prices.<provider:model>',
      'prices.<provider:model>.input',
      'prices.<provider:model>.output',
      'prices.<provider:model>.cache-read',
      'prices.<provider:model>.cache-write',
    ];
    expect([...keys].sort()).toEqual([...expected].sort());
  });

  test('every key has a type, a default and a description', () => {
    for (const row of rows) {
      const [, key, type, def, description] = row.split(/(?<!\\)\|/).map((cell) => cell.trim());
      expect(type, key).not.toBe('');
      expect(def, key).not.toBe('');
      expect(description, key).not.toBe('');
    }
  });

  test('shows types, defaults and constraints', () => {
    expect(reference).toContain(
      '| `stages.plan.max-tasks` | integer ≥ 1, ≤ 256 | `6` | Most tasks a plan may have; each runs as one coding job (GitHub allows 256 matrix legs). |',
    );
    expect(reference).toContain('| `review.block-on` | one of `critical`, `high`, `medium`, `low`, `nit` | `"high"` |');
    expect(reference).toContain(
      '| `protected-paths` | list of strings | `[".github/workflows/**",".github/actions/**",',
    );
    expect(reference).toContain('| `budgets.run.usd` | number > 0 or `null` | `null` |');
    expect(reference).toContain('| `prices.<provider:model>.input` | number ≥ 0 | required |');
  });
});

describe('config JSON Schema', () => {
  const schema = configJsonSchema() as {
    $id: string;
    $schema: string;
    additionalProperties: boolean;
    properties: Record<
      string,
      { properties?: Record<string, Record<string, unknown>>; propertyNames?: Record<string, unknown> }
    >;
  };

  test('is draft 2020-12, closed, and names every top-level key', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://ensemble.dev/schemas/config.schema.json');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(Object.keys(defaultConfig()));
  });

  test('model specs carry a pattern that accepts what the loader accepts', () => {
    const pattern = new RegExp(String(schema.properties['models']?.properties?.['review']?.['pattern']));
    expect(pattern.test('openai-compatible:qwen3:32b')).toBe(true);
    expect(pattern.test('gemini:pro')).toBe(false);
    expect(() => parseConfigText('models: {review: "openai-compatible:qwen3:32b"}')).not.toThrow();
    expect(schema.properties['prices']?.propertyNames?.['pattern']).toBe(pattern.source);
  });
});
