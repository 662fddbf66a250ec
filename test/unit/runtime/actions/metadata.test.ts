import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { NoOperationTraceWriter } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { ACTION_ENTRIES } from '../../../../src/runtime/actions/entries.ts';
import { ACTION_INPUTS } from '../../../../src/runtime/actions/inputs.ts';
import { actionFile, renderActionYaml } from '../../../../src/runtime/actions/metadata.ts';
import { repoRoot } from '../../../support/node24.ts';

describe.each(ACTION_ENTRIES)('%s action.yml', (entry) => {
  const file = join(repoRoot, actionFile(entry));
  const text = readFileSync(file, 'utf8');

  test('is what `npm run build` renders from the input declarations', () => {
    expect(text, `${actionFile(entry)} is stale: run npm run build`).toBe(renderActionYaml(entry));
  });

  test("parses with GitHub's action parser without errors", () => {
    const result = parseAction({ name: actionFile(entry), content: text }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(result.value).toBeDefined();
  });

  test('runs on node24, its main exists, and every input and output has a description', () => {
    const doc = parse(text);
    expect(doc.runs.using).toBe('node24');
    expect(existsSync(resolve(dirname(file), doc.runs.main)), doc.runs.main).toBe(true);
    expect(Object.keys(doc.inputs)).toEqual(Object.keys(ACTION_INPUTS[entry]));
    for (const section of ['inputs', 'outputs']) {
      for (const [name, def] of Object.entries(doc[section] as Record<string, { description?: string }>)) {
        expect(def.description, `${section}.${name}`).toMatch(/\S{3,}/);
      }
    }
  });
});

test('the stage actions share the model inputs, and github-token defaults to the job token', () => {
  for (const entry of ['plan', 'code', 'test', 'review', 'docs'] as const) {
    const doc = parse(readFileSync(join(repoRoot, actionFile(entry)), 'utf8'));
    expect(Object.keys(doc.inputs)).toEqual(
      expect.arrayContaining(['model', 'base-url', 'api-key', 'config', 'github-token']),
    );
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression as action.yml holds it
    expect(doc.inputs['github-token'].default).toBe('${{ github.token }}');
    expect(doc.inputs.config.default).toBe('.github/ensemble.yml');
  }
  const plan = parse(readFileSync(join(repoRoot, 'actions/plan/action.yml'), 'utf8'));
  expect(Object.keys(plan.outputs)).toEqual([
    'outcome',
    'matrix',
    'task-count',
    'base-sha',
    'lenses',
    'timeouts',
    'setup-key',
  ]);
  const publish = parse(readFileSync(join(repoRoot, 'actions/publish/action.yml'), 'utf8'));
  expect(publish.inputs.draft.default).toBe('true');
  expect(Object.keys(publish.outputs)).toEqual(['pr-number', 'pr-url', 'branch', 'checks']);
});
