import { stringify } from 'yaml';
import type { ActionEntry } from './entries.ts';
import { ACTION_INPUTS, type InputSpec } from './inputs.ts';

interface ActionMetadata {
  name: string;
  description: string;
  outputs: Record<string, string>;
}

const PUBLISH_OUTPUTS = {
  'pr-number': 'Number of the pull request opened or updated.',
  'pr-url': 'URL of the pull request.',
  branch: 'Branch the change was pushed to (ensemble/issue-<n> or ensemble/run-<id>).',
  checks:
    "Whether the repository's checks started on the pull request's head within ci.wait-for-checks-minutes: " +
    'started, action-required (workflow runs wait for approval), none (the step summary says why) or ' +
    'not-checked (not waited for, or GitHub could not be read). Empty when no pull request was published.',
};

export const ACTION_METADATA: Record<ActionEntry, ActionMetadata> = {
  plan: {
    name: 'ensemble plan',
    description:
      'Checks who triggered the run, snapshots the issue and splits it into tasks, or asks questions, or continues ' +
      'a run that waited for a person (artifact ensemble-plan).',
    outputs: {
      outcome:
        'planned (code from the plan), waiting (questions, or a plan to approve: publish stores the checkpoint), ' +
        'stopped (a wait stopped with /ensemble stop) or ignored (the comment asked nothing of a waiting run).',
      matrix:
        'JSON matrix of the tasks, {"include":[{"task":"<id>","title":"...","timeout-minutes":45}]}, ' +
        'for strategy.matrix with fromJSON; each leg runs a group of dependent tasks within its time limit.',
      'task-count': 'Number of tasks in the plan; 0 when the run does not code.',
      'base-sha': 'Commit every task patch is made against.',
      lenses: 'JSON array of the review lenses from the configuration, for the review matrix.',
      timeouts:
        'JSON object of the later jobs\' time limits in minutes from the configuration, {"test":45,"review":30,"docs":30,"fix":165}.',
      'setup-key':
        "Actions cache key of the install the plan job made and packed into RUNNER_TEMP/ensemble-setup, for the later jobs' " +
        'actions/cache steps and setup-key inputs; empty when nothing was installed or saved.',
    },
  },
  code: {
    name: 'ensemble code',
    description:
      'Implements one plan task in a sandbox and uploads its patch and transcript (artifact ensemble-code-<task>).',
    outputs: { status: 'Task result: done, failed or no-change.' },
  },
  test: {
    name: 'ensemble test',
    description:
      "Integrates the task patches, runs the repository's tests, adds missing ones (artifact ensemble-test).",
    outputs: {
      status: 'Test result: passed, failed, no-tests or error.',
      passed: 'Number of passing tests, when the output says.',
      failed: 'Number of failing tests, when the output says.',
    },
  },
  review: {
    name: 'ensemble review',
    description: 'Reviews the integrated change through one lens against the plan (artifact ensemble-review-<lens>).',
    outputs: { verdict: 'Review verdict: approve, comment or request-changes.' },
  },
  docs: {
    name: 'ensemble docs',
    description: 'Updates documentation affected by the change (artifact ensemble-docs).',
    outputs: { status: 'Docs result: updated, no-change or failed.' },
  },
  fix: {
    name: 'ensemble fix',
    description:
      'While the review blocks, fixes its findings, re-tests and re-reviews, up to stages.fix.max-rounds rounds ' +
      '(one artifact ensemble-fix-<round> per round).',
    outputs: {
      rounds: 'Number of fix rounds the run holds.',
      blocking: 'Number of blocking findings left after the last round.',
      stopped: 'Why the loop stopped; empty when no round was needed.',
    },
  },
  publish: {
    name: 'ensemble publish',
    description:
      'Checks every artifact against the safe-output policy, then opens one pull request and posts the review.',
    outputs: PUBLISH_OUTPUTS,
  },
  approve: {
    name: 'ensemble approve',
    description:
      "Fails unless the job's environment has required reviewers and one of them approved this run " +
      "(GitHub's own gate lets a job through when there is nobody to ask).",
    outputs: { 'approved-by': 'Logins of the reviewers who approved this run, comma-separated.' },
  },
  respond: {
    name: 'ensemble respond',
    description:
      'Reads a review or comment on a pull request ensemble opened and prepares a follow-up fix run ' +
      '(or replies why not): the stored state of the run, the change up to the head, the open review threads.',
    outputs: {
      mode: 'fix when the fix job is to run; none when nothing is to be done.',
      pull: 'Number of the pull request.',
      'base-sha': 'The commit the change is measured from.',
      'config-sha': "The default branch's commit whose configuration applies (check it out in the fix job).",
      'head-sha': "The pull request's head the fix builds on (check it out in the publish job).",
      timeouts: 'Time limits of the later jobs in minutes, as JSON ({"fix":…}).',
    },
  },
  all: {
    name: 'ensemble',
    description: 'Runs the whole ensemble pipeline (plan, code, test, review, docs, fix, publish) in one job.',
    outputs: PUBLISH_OUTPUTS,
  },
};

/** Where each action.yml lives, relative to the repository root. */
export function actionFile(entry: ActionEntry): string {
  return entry === 'all' ? 'action.yml' : `actions/${entry}/action.yml`;
}

/** The action.yml of an entry, rendered from the same declarations the entry parses its inputs with. */
export function renderActionYaml(entry: ActionEntry): string {
  const meta = ACTION_METADATA[entry];
  const inputs: Record<string, Record<string, unknown>> = {};
  for (const [name, spec] of Object.entries(ACTION_INPUTS[entry] as Record<string, InputSpec>)) {
    inputs[name] = {
      description: spec.description,
      required: spec.required ?? false,
      ...(spec.default !== undefined ? { default: spec.default } : {}),
    };
  }
  const outputs = Object.fromEntries(
    Object.entries(meta.outputs).map(([name, description]) => [name, { description }]),
  );
  const main = entry === 'all' ? 'dist/all.js' : `../../dist/${entry}.js`;
  const doc = {
    name: meta.name,
    description: meta.description,
    author: 'ensemble',
    branding: { icon: 'users', color: 'purple' },
    inputs,
    outputs,
    runs: { using: 'node24', main },
  };
  const header = '# Generated by `npm run build` from src/runtime/actions/; do not edit.\n';
  return `${header}${stringify(doc, { lineWidth: 0 })}`;
}
