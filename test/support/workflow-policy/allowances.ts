import type { Allowances } from './check.ts';

/**
 * The GitHub token each job of `.github/workflows/pipeline.yml` may have: docs/security.md, one
 * line per stage. `approve` only reads the environment's protection rules and the run's approvals.
 */
export const PIPELINE_ALLOWANCES: Allowances = {
  plan: { contents: 'read', issues: 'write' },
  approve: { actions: 'read' },
  code: { contents: 'read' },
  test: { contents: 'read' },
  review: { contents: 'read' },
  docs: { contents: 'read' },
  fix: { contents: 'read' },
  // After publishing, it reads whether checks started on the head (check suites, workflow runs).
  publish: { contents: 'write', 'pull-requests': 'write', issues: 'write', checks: 'read', actions: 'read' },
};

/**
 * A caller's job that runs the reusable pipeline grants the most any of its jobs needs (the
 * publisher's); the pipeline narrows it per job.
 */
export const CALLER_ALLOWANCES: Allowances = {
  ensemble: { contents: 'write', issues: 'write', 'pull-requests': 'write', actions: 'read', checks: 'read' },
  'follow-up': {
    contents: 'write',
    issues: 'write',
    'pull-requests': 'write',
    actions: 'write',
    checks: 'read',
    statuses: 'read',
    deployments: 'read',
  },
};

/**
 * `.github/workflows/follow-up.yml`: `respond` reads the pull request and replies, and cancels or
 * re-runs ensemble's own runs and a failed CI job (`actions: write`); it reads CI (checks,
 * statuses, deployments), marks a draft ready, enables GitHub's auto-merge and proposes a revert
 * (`contents: write`: no model runs there and no pull request code is checked out); `fix` and
 * `publish` are the pipeline's.
 */
export const FOLLOW_UP_ALLOWANCES: Allowances = {
  respond: {
    contents: 'write',
    'pull-requests': 'write',
    issues: 'write',
    actions: 'write',
    checks: 'read',
    statuses: 'read',
    deployments: 'read',
  },
  fix: PIPELINE_ALLOWANCES['fix']!,
  publish: PIPELINE_ALLOWANCES['publish']!,
};

/** This repository's own CI: read the code, nothing else. */
export const CI_ALLOWANCES: Allowances = {
  test: { contents: 'read' },
  'check-dist': { contents: 'read' },
};
