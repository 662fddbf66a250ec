import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { allJsonSchemas } from '../../src/cli.ts';
import { renderConfigReference } from '../../src/config/index.ts';
import { renderExitCodeTable } from '../../src/runtime/local/exit-codes.ts';
import { repoRoot } from '../support/node24.ts';

test('schemas/ holds exactly the JSON Schemas the contracts generate (npm run schemas)', async () => {
  const schemas = await allJsonSchemas();
  const dir = join(repoRoot, 'schemas');
  expect(readdirSync(dir).sort()).toEqual(
    Object.keys(schemas)
      .map((n) => `${n}.schema.json`)
      .sort(),
  );
  for (const [name, schema] of Object.entries(schemas)) {
    expect(
      readFileSync(join(dir, `${name}.schema.json`), 'utf8'),
      `schemas/${name}.schema.json is stale: run npm run schemas`,
    ).toBe(`${JSON.stringify(schema, null, 2)}\n`);
  }
});

test("the README's configuration reference matches the configuration schema", () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const match = /<!-- config-reference:start -->\n([\s\S]*?)<!-- config-reference:end -->/.exec(readme);
  expect(match, 'README.md lacks the config-reference markers').not.toBeNull();
  expect(match?.[1], 'README config reference is stale: run npm run schemas').toBe(renderConfigReference());
});

test("the README's exit codes are the CLI's", () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const match = /<!-- exit-codes:start -->\n([\s\S]*?)<!-- exit-codes:end -->/.exec(readme);
  expect(match, 'README.md lacks the exit-codes markers').not.toBeNull();
  expect(match?.[1], 'README exit codes are stale: run npm run schemas').toBe(renderExitCodeTable());
});
