import { isMap, isNode, isScalar, isSeq, LineCounter, type Node, parseDocument, Scalar } from 'yaml';

/**
 * The project's rules for workflow files (docs/design.md §3 and §7), checked over the YAML itself so
 * that a violation names the file, the line, the job and the step. GitHub's own parser
 * (`@actions/workflow-parser`) checks the syntax; these rules check what it accepts but we do not.
 */
export const RULES = {
  yaml: 'The file is valid YAML.',
  'top-level-permissions': 'The workflow starts from `permissions: {}`; jobs add what they need.',
  'job-permissions': "A job's token has no scope above the job's allowance (a job without an allowance gets none).",
  'forbidden-trigger': 'No `pull_request_target` or `workflow_run` trigger (they run with secrets on text from forks).',
  'expression-in-run':
    // biome-ignore lint/suspicious/noTemplateCurlyInString: workflow expressions, not a JS template
    'No `${{ github.event.* }}`, `${{ github.head_ref }}`, `${{ inputs.* }}`, step or job outputs, `${{ matrix.* }}` or `${{ env.* }}` inside a `run:` script (or an actions/github-script `script:`); values reach scripts through `env:`.',
  'unpinned-action': 'Every action from another repository is pinned to a full 40-character commit SHA.',
  'job-timeout': 'Every job that runs steps sets `timeout-minutes` (a job calling a reusable workflow cannot).',
  'checkout-credentials': 'Every actions/checkout step sets `persist-credentials: false`.',
} as const;

export type RuleId = keyof typeof RULES;

export type PermissionLevel = 'read' | 'write';
/** The scopes a job may have, e.g. `{ contents: 'read', issues: 'write' }`; absent scopes: none. */
export type Allowance = Readonly<Record<string, PermissionLevel>>;
/** Allowance per job id; a job that is not listed may have no scope at all. */
export type Allowances = Readonly<Record<string, Allowance>>;

export interface CheckOptions {
  allowances: Allowances;
  /**
   * Forbidden triggers this file may use after all, each with why it is safe there (a caller whose
   * follow-up reads the CI of ensemble's own branches, never the triggering run's code or artifacts).
   */
  allowedTriggers?: Record<string, string>;
}

export interface PolicyProblem {
  rule: RuleId;
  file: string;
  /** 1-based line of the offending key or value, when known. */
  line: number | null;
  job: string | null;
  /** The step as a person finds it: `step 2 "Check out"`. */
  step: string | null;
  message: string;
}

/** `file:line: [rule] message`, the form a test failure or a CI log shows. */
export function formatProblem(problem: PolicyProblem): string {
  return `${problem.file}${problem.line === null ? '' : `:${problem.line}`}: [${problem.rule}] ${problem.message}`;
}

const FULL_SHA = /^[0-9a-f]{40}$/i;
/** Triggers that run privileged (secrets, a write token) on what someone outside the repository controls. */
const FORBIDDEN_TRIGGERS: Record<string, string> = {
  pull_request_target:
    "runs with the base repository's secrets and a write token for pull requests from forks; use `pull_request` (or `workflow_call` from a trusted caller)",
  workflow_run:
    'runs with secrets and a write token after another workflow, often on artifacts and branch names a fork produced; trigger the work directly instead',
};

/** Checks one workflow file's text against every rule; an empty list means it passes. */
export function checkWorkflow(text: string, file: string, options: CheckOptions): PolicyProblem[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const problems: PolicyProblem[] = [];
  const lineOf = (node: unknown): number | null => {
    const range = (node as Node | null | undefined)?.range;
    return range ? lines.linePos(range[0]).line : null;
  };
  const report = (rule: RuleId, node: unknown, job: string | null, step: string | null, message: string) => {
    problems.push({ rule, file, line: lineOf(node), job, step, message });
  };

  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      problems.push({
        rule: 'yaml',
        file,
        line: error.linePos?.[0].line ?? null,
        job: null,
        step: null,
        message: error.message,
      });
    }
    return problems;
  }
  const root = doc.contents;
  if (!isMap(root)) {
    report('yaml', root, null, null, 'the file is not a YAML mapping of workflow keys');
    return problems;
  }

  // Triggers.
  const on = root.items.find((pair) => isScalar(pair.key) && (pair.key.value === 'on' || pair.key.value === true));
  for (const trigger of triggerNodes(on?.value)) {
    const name = isScalar(trigger) ? String(trigger.value) : '';
    if (Object.hasOwn(FORBIDDEN_TRIGGERS, name) && !Object.hasOwn(options.allowedTriggers ?? {}, name)) {
      report('forbidden-trigger', trigger, null, null, `trigger \`${name}\` ${FORBIDDEN_TRIGGERS[name]}`);
    }
  }

  // Top-level permissions.
  const topPermissions = get(root, 'permissions');
  if (topPermissions === undefined) {
    report(
      'top-level-permissions',
      on?.key ?? root,
      null,
      null,
      'no top-level `permissions`: jobs get the default token; add `permissions: {}`',
    );
  } else if (!(isMap(topPermissions) && topPermissions.items.length === 0)) {
    report(
      'top-level-permissions',
      keyNode(root, 'permissions'),
      null,
      null,
      `top-level \`permissions\` is ${describePermissions(topPermissions)}; it must be \`permissions: {}\` (grant scopes per job)`,
    );
  }

  const jobs = get(root, 'jobs');
  if (!isMap(jobs)) return problems;
  for (const pair of jobs.items) {
    const jobId = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const job = pair.value;
    if (!isMap(job)) continue;
    const jobLine = pair.key;
    const callsWorkflow = get(job, 'uses') !== undefined;

    // Permissions within the allowance; a job without `permissions` inherits the top level's.
    const allowance = options.allowances[jobId] ?? {};
    const permissions = get(job, 'permissions') ?? topPermissions;
    if (permissions !== undefined) {
      for (const excess of excessGrants(permissions, allowance)) {
        report(
          'job-permissions',
          excess.node ?? permissions,
          jobId,
          null,
          `job '${jobId}' has ${excess.grant}${get(job, 'permissions') === undefined ? ' (inherited from the top level)' : ''}; its allowance is ${describeAllowance(allowance)}`,
        );
      }
    }

    if (!callsWorkflow && get(job, 'timeout-minutes') === undefined) {
      report('job-timeout', jobLine, jobId, null, `job '${jobId}' has no \`timeout-minutes\` (the default is 6 hours)`);
    }

    const steps = get(job, 'steps');
    if (!isSeq(steps)) continue;
    steps.items.forEach((step, index) => {
      if (!isMap(step)) return;
      const stepName = describeStep(step, index);
      const where = `job '${jobId}' ${stepName}`;
      const uses = scalarString(get(step, 'uses'));
      const usesNode = get(step, 'uses');

      // Untrusted text in scripts.
      const scripts: { node: Node; what: string }[] = [];
      const run = get(step, 'run');
      if (run !== undefined && isScalar(run)) scripts.push({ node: run, what: '`run:` script' });
      if (uses !== null && /^actions\/github-script@/i.test(uses)) {
        const script = get(get(step, 'with'), 'script');
        if (script !== undefined && isScalar(script))
          scripts.push({ node: script, what: 'actions/github-script `script:`' });
      }
      for (const { node, what } of scripts) {
        for (const finding of untrustedExpressions(String((node as { value: unknown }).value ?? ''))) {
          report(
            'expression-in-run',
            node,
            jobId,
            stepName,
            `${where}: its ${what} interpolates \`${finding.expression}\` (${finding.reason}); the text becomes shell code. Pass it through \`env:\` and use "$NAME" instead`,
          );
        }
      }

      if (uses === null) return;
      // Pinned third-party actions. `$/…` (the workflow's own repository at the running commit)
      // and `./…` (the workspace) are pinned by what they are.
      if (!uses.startsWith('./') && !uses.startsWith('$/') && !uses.startsWith('docker://')) {
        const at = uses.lastIndexOf('@');
        const ref = at === -1 ? null : uses.slice(at + 1);
        if (ref === null || !FULL_SHA.test(ref)) {
          report(
            'unpinned-action',
            usesNode,
            jobId,
            stepName,
            `${where} uses \`${uses}\`, ${ref === null ? 'with no version' : `at \`${ref}\``}; pin it to a full 40-character commit SHA (\`${at === -1 ? uses : uses.slice(0, at)}@<sha> # ${ref ?? 'vX.Y.Z'}\`)`,
          );
        }
      }
      // Checkouts leave no token behind.
      if (/^actions\/checkout(@|$)/i.test(uses)) {
        const persist = get(get(step, 'with'), 'persist-credentials');
        const value = isScalar(persist) ? persist.value : undefined;
        if (value !== false && value !== 'false') {
          report(
            'checkout-credentials',
            persist ?? usesNode,
            jobId,
            stepName,
            `${where} checks out without \`persist-credentials: false\`: the token would stay in .git/config for every later step`,
          );
        }
      }
    });
  }
  return problems;
}

function get(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
  if (pair === undefined) return undefined;
  if (isNode(pair.value)) return pair.value;
  // `key:` with no value: present, but null; point at the key.
  const empty = new Scalar(null);
  empty.range = (pair.key as Node).range;
  return empty;
}

function keyNode(map: unknown, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((item) => isScalar(item.key) && item.key.value === key)?.key as Node | undefined;
}

function scalarString(node: unknown): string | null {
  return isScalar(node) && typeof node.value === 'string' ? node.value : null;
}

function triggerNodes(on: unknown): unknown[] {
  if (isScalar(on)) return [on];
  if (isSeq(on)) return on.items;
  if (isMap(on)) return on.items.map((pair) => pair.key);
  return [];
}

function describeStep(step: unknown, index: number): string {
  const name = scalarString(get(step, 'name')) ?? scalarString(get(step, 'id')) ?? scalarString(get(step, 'uses'));
  return name === null ? `step ${index + 1}` : `step ${index + 1} "${name}"`;
}

function describePermissions(node: Node): string {
  if (isScalar(node)) return node.value === null ? 'empty' : `\`${String(node.value)}\``;
  if (isMap(node)) return `\`${JSON.stringify(node.toJSON())}\``;
  return 'not a mapping';
}

function describeAllowance(allowance: Allowance): string {
  const entries = Object.entries(allowance);
  return entries.length === 0 ? 'no scope at all' : entries.map(([scope, level]) => `${scope}: ${level}`).join(', ');
}

const LEVEL_RANK: Record<string, number> = { none: 0, read: 1, write: 2 };

/** Every grant of `permissions` above `allowance`, with the node to point at. */
function excessGrants(permissions: Node, allowance: Allowance): { grant: string; node: Node | null }[] {
  if (isScalar(permissions)) {
    const value = permissions.value;
    if (value === 'read-all' || value === 'write-all') {
      // Every scope at that level, present and future: no allowance covers it.
      return [{ grant: `\`permissions: ${value}\` (every scope at ${value.slice(0, -4)})`, node: permissions }];
    }
    return [{ grant: `\`permissions: ${String(value)}\`, which GitHub does not define`, node: permissions }];
  }
  if (!isMap(permissions)) return [{ grant: 'permissions that are not a mapping', node: permissions }];
  const excess: { grant: string; node: Node | null }[] = [];
  for (const pair of permissions.items) {
    const scope = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const level = isScalar(pair.value) ? String(pair.value.value) : String(pair.value);
    const rank = LEVEL_RANK[level];
    const allowed = allowance[scope];
    if (rank === undefined) {
      excess.push({ grant: `\`${scope}: ${level}\`, a level GitHub does not define`, node: pair.value as Node });
    } else if (rank > (allowed === undefined ? 0 : LEVEL_RANK[allowed]!)) {
      excess.push({ grant: `\`${scope}: ${level}\``, node: pair.value as Node });
    }
  }
  return excess;
}

export interface UntrustedExpression {
  /** The whole `${{ … }}` as written. */
  expression: string;
  /** Which reference made it untrusted. */
  reason: string;
}

/**
 * The `${{ }}` expressions of a script that reference text a script must not be built from:
 * the triggering event (`github.event`, `github.head_ref`, the whole `github` context), the
 * workflow's inputs, step and job outputs (in ensemble, model output), matrix values (the
 * pipeline's matrices come from the plan) and `env` (set from any of these). Property and index
 * syntax are both recognised (`github['event']`), case-insensitively, outside string literals.
 */
export function untrustedExpressions(script: string): UntrustedExpression[] {
  const found: UntrustedExpression[] = [];
  for (const match of script.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
    const reason = untrustedReference(match[1]!);
    if (reason !== null) found.push({ expression: match[0].replace(/\s+/g, ' '), reason });
  }
  return found;
}

function untrustedReference(body: string): string | null {
  const normalised = body
    .replace(/\[\s*'((?:[^']|'')*)'\s*\]/g, (_, name: string) => `.${name.replace(/''/g, "'")}`)
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/\s*\.\s*/g, '.')
    .toLowerCase();
  for (const match of normalised.matchAll(/(?<![\w.'-])([a-z_][\w-]*)((?:\.(?:[a-z_][\w-]*|\*))*)(\s*\()?/g)) {
    if (match[3] !== undefined) continue; // a function name
    const [context, first, second] = [match[1]!, ...match[2]!.split('.').slice(1)];
    const chain = [context, first, second].filter((part) => part !== undefined).join('.');
    switch (context) {
      case 'github':
        if (first === undefined) return 'the whole github context, event included';
        if (first === 'event') return `${chain}: text of the triggering event`;
        if (first === 'head_ref') return 'github.head_ref: a branch name anyone opening a pull request chooses';
        break;
      case 'inputs':
        return `${chain}: an input of the workflow`;
      case 'steps':
      case 'needs':
        if (second === undefined || second === 'outputs' || second === '*') {
          return `${chain}: ${context === 'steps' ? 'a step' : 'a job'} output`;
        }
        break;
      case 'matrix':
        return `${chain}: a matrix value (ensemble's matrices are built from the plan)`;
      case 'env':
        return `${chain}: an environment variable, possibly set from the event or an output`;
    }
  }
  return null;
}
