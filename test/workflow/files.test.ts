import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { expect, test } from 'vitest';
import { repoRoot } from '../support/node24.ts';

const workflows = [
  ...readdirSync(join(repoRoot, '.github/workflows')).map((f) => `.github/workflows/${f}`),
  'examples/ensemble.yml',
].filter((f) => /\.ya?ml$/.test(f));

test.each(workflows)("%s parses with GitHub's workflow parser without errors", (file) => {
  const result = parseWorkflow(
    { name: file, content: readFileSync(join(repoRoot, file), 'utf8') },
    new NoOperationTraceWriter(),
  );
  expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  expect(result.value).toBeDefined();
});

test('a broken workflow does report errors (the check above can fail)', () => {
  const result = parseWorkflow(
    { name: 'bad.yml', content: 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    stepz: []\n' },
    new NoOperationTraceWriter(),
  );
  expect(result.context.errors.getErrors().length).toBeGreaterThan(0);
});
