// biome-ignore-all lint/suspicious/noTemplateCurlyInString: workflow expressions (${{ }}) in strings, not JS templates
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import type { FileReference } from '@actions/workflow-parser/workflows/file-reference';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../support/node24.ts';
import {
  CALLER_ALLOWANCES,
  CI_ALLOWANCES,
  FOLLOW_UP_ALLOWANCES,
  PIPELINE_ALLOWANCES,
} from '../support/workflow-policy/allowances.ts';
import { type Allowances, checkWorkflow, formatProblem } from '../support/workflow-policy/check.ts';

/** Every workflow of the repository, with the allowance of each of its jobs. */
const ALLOWANCES_BY_FILE: Record<string, Allowances> = {
  '.github/workflows/ci.yml': CI_ALLOWANCES,
  '.github/workflows/check-dist.yml': CI_ALLOWANCES,
  '.github/workflows/pipeline.yml': PIPELINE_ALLOWANCES,
  '.github/workflows/follow-up.yml': FOLLOW_UP_ALLOWANCES,
  '.github/workflows/example-caller.yml': CALLER_ALLOWANCES,
  'examples/ensemble.yml': CALLER_ALLOWANCES,
};

/**
 * The callers start ensemble's follow-up on `workflow_run`: its respond job reads the CI of
 * ensemble's own branches through the API (a fork's branch of the same name is refused), and no
 * job downloads the triggering run's artifacts or checks out its code.
 */
const CALLER_TRIGGERS = {
  workflow_run: "ensemble's follow-up reads the CI of its own branches; never the triggering run's code or artifacts",
};
const TRIGGERS_BY_FILE: Record<string, Record<string, string>> = {
  '.github/workflows/example-caller.yml': CALLER_TRIGGERS,
  'examples/ensemble.yml': CALLER_TRIGGERS,
};

const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');

/**
 * Every workflow file: all of .github/workflows, and the YAML files in examples/ that have jobs
 * (not a sample configuration).
 */
const workflows = [
  ...readdirSync(join(repoRoot, '.github/workflows')).map((f) => `.github/workflows/${f}`),
  ...readdirSync(join(repoRoot, 'examples'))
    .map((f) => `examples/${f}`)
    .filter((f) => /\.ya?ml$/.test(f) && (parse(read(f)) as { jobs?: unknown } | null)?.jobs !== undefined),
].filter((f) => /\.ya?ml$/.test(f));

const actionFiles = ['action.yml', ...readdirSync(join(repoRoot, 'actions')).map((d) => `actions/${d}/action.yml`)];

/**
 * Resolves the reusable workflows our callers name to this checkout's pipeline.yml, so that
 * GitHub's converter checks each caller's `with:` and `secrets:` against the inputs and secrets
 * the pipeline declares (`OWNER/ensemble/…@RELEASE_SHA` in the example is this repository).
 */
const localProvider = {
  async getFileContent(ref: FileReference) {
    const remote = 'repository' in ref;
    if (remote && !(ref.owner === 'OWNER' && ref.repository === 'ensemble'))
      throw new Error(`unexpected remote workflow ${ref.owner}/${ref.repository}`);
    return { name: ref.path, content: read(ref.path) };
  },
};

test('the repository has the workflows this test knows the allowances of, and no others', () => {
  expect(workflows.sort()).toEqual(Object.keys(ALLOWANCES_BY_FILE).sort());
});

describe.each(workflows)('%s', (file) => {
  test("parses and converts with GitHub's workflow parser without errors (called workflows included)", async () => {
    const result = parseWorkflow({ name: file, content: read(file) }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(result.value).toBeDefined();
    const template = await convertWorkflowTemplate(result.context, result.value!, localProvider, {
      fetchReusableWorkflowDepth: 1,
    });
    expect((template.errors ?? []).map((e) => e.Message)).toEqual([]);
    expect(template.jobs.length).toBeGreaterThan(0);
  });

  test("passes the project's workflow policy", () => {
    const problems = checkWorkflow(read(file), file, {
      allowances: ALLOWANCES_BY_FILE[file] ?? {},
      allowedTriggers: TRIGGERS_BY_FILE[file] ?? {},
    });
    expect(problems.map(formatProblem)).toEqual([]);
  });
});

test("the converter does check a caller against the pipeline's inputs (the check above can fail)", async () => {
  const caller = read('.github/workflows/example-caller.yml').replace(
    'prompt: ${{ inputs.prompt }}',
    'promt: ${{ inputs.prompt }}',
  );
  const result = parseWorkflow({ name: 'caller.yml', content: caller }, new NoOperationTraceWriter());
  const template = await convertWorkflowTemplate(result.context, result.value!, localProvider, {
    fetchReusableWorkflowDepth: 1,
  });
  expect(
    [...(template.errors ?? []).map((e) => e.Message), ...result.context.errors.getErrors().map((e) => e.message)].join(
      '\n',
    ),
  ).toMatch(/promt/);
});

test.each(actionFiles)("%s parses with GitHub's action parser without errors", (file) => {
  const result = parseAction({ name: file, content: read(file) }, new NoOperationTraceWriter());
  expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  expect(result.value).toBeDefined();
});

test('a broken action file does report errors (the check above can fail)', () => {
  const result = parseAction(
    { name: 'action.yml', content: 'name: x\nruns:\n  using: node24\n  mian: index.js\n' },
    new NoOperationTraceWriter(),
  );
  expect(result.context.errors.getErrors().length).toBeGreaterThan(0);
});
