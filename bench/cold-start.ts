/**
 * Cold start of the committed bundles under Node 24, against bare `node -e 0`.
 *
 * Each action entry runs the way the Actions runner runs it and the way
 * test/support/runner.ts `runActionBundle` does (same environment: PATH only from the parent,
 * runner variables, file-command files in a fresh temporary directory, `INPUT_<NAME>`), with
 * valid inputs and no artifact service: the bundle loads, masks, parses and validates its inputs,
 * then fails fast at "cannot use GitHub artifacts". So the time is load + input parsing; nothing
 * talks to a network. `dist/cli.js --help` loads the CLI and prints its usage.
 *
 * For comparison, a first-party action of similar purpose, built from the same toolkit: the start of
 * actions/upload-artifact (bench/upload-artifact-start.js), bundled with this repository's ncc and
 * node_modules, run in the same environment with valid inputs until its artifact client fails for the
 * missing ACTIONS_RUNTIME_TOKEN. The bundle is built before the clock starts and kept in the temporary
 * directory under a hash of its sources (entry, lockfile), so only the first bench on a machine waits for it.
 *
 * Only the wall time from spawn to exit is timed; the temporary files are written before the
 * clock starts. Targets are run round-robin (one run of each, then the next round), so that
 * drift of the machine spreads over all of them alike.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, p90 } from './stats.ts';

/** Valid inputs per entry, as test/contract/action-entries.test.ts uses them. */
export const VALID_INPUTS: Record<string, Record<string, string>> = {
  plan: { model: 'anthropic:claude-sonnet-4-5', issue: '12' },
  code: { model: 'openai:gpt-5', task: 'api-endpoint' },
  test: { model: 'openai-compatible:qwen3-coder', 'base-url': 'http://127.0.0.1:11434/v1' },
  review: { lens: 'security' },
  docs: {},
  publish: { draft: 'false' },
  all: { prompt: 'Add a --json flag to the CLI' },
};

export const ENTRIES = ['plan', 'code', 'test', 'review', 'docs', 'publish', 'all'] as const;

/** The label of the first-party comparison row. */
export const FIRST_PARTY = 'first-party: upload-artifact start';

/** upload-artifact's inputs as its action.yml defaults them, with a file to upload (`path`, in the step's directory). */
const UPLOAD_ARTIFACT_INPUTS = {
  name: 'ensemble-plan',
  'if-no-files-found': 'warn',
  'retention-days': '',
  'compression-level': '6',
  overwrite: 'false',
  'include-hidden-files': 'false',
};

interface Target {
  name: string;
  args: string[];
  /** Environment (built fresh per run for action entries: new file-command files). */
  env: () => { env: Record<string, string>; cleanup: () => void; cwd: string };
  /** What a valid run prints: a check that the run got as far as it should. */
  check: (run: { code: number | null; stdout: string; stderr: string }) => string | null;
}

/**
 * The runner environment of test/support/runner.ts `runActionMain`, for one step; `inDir` prepares the
 * step's directory and returns inputs that name what it put there.
 */
function runnerEnv(
  inputs: Record<string, string>,
  inDir: (dir: string) => Record<string, string> = () => ({}),
): { env: Record<string, string>; cleanup: () => void; cwd: string } {
  const temp = mkdtempSync(join(tmpdir(), 'ensemble-bench-runner-'));
  const files = {
    output: join(temp, 'github_output'),
    summary: join(temp, 'step_summary'),
    state: join(temp, 'github_state'),
    env: join(temp, 'github_env'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const eventPath = join(temp, 'event.json');
  writeFileSync(eventPath, '{}');
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKSPACE: temp,
    RUNNER_TEMP: temp,
  };
  for (const [name, value] of Object.entries({ ...inputs, ...inDir(temp) }))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return { env, cwd: temp, cleanup: () => rmSync(temp, { recursive: true, force: true }) };
}

/**
 * The first-party comparison bundle: bench/upload-artifact-start.js bundled by this repository's ncc, as
 * upload-artifact bundles its own; built once per version of its sources.
 */
export function buildFirstParty(root: string): string {
  const entry = join(root, 'bench', 'upload-artifact-start.js');
  const hash = createHash('sha256');
  for (const file of [entry, join(root, 'package-lock.json')]) hash.update(readFileSync(file));
  const out = join(tmpdir(), `ensemble-bench-upload-artifact-${hash.digest('hex').slice(0, 16)}`);
  const bundle = join(out, 'index.js');
  if (existsSync(bundle)) return bundle;
  const building = mkdtempSync(`${out}-building-`);
  execFileSync(
    join(root, 'node_modules', '.bin', 'ncc'),
    ['build', entry, '--out', building, '--quiet', '--no-cache', '--target', 'es2022'],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  rmSync(out, { recursive: true, force: true });
  renameSync(building, out);
  return bundle;
}

function targets(root: string, firstParty: string): Target[] {
  const list: Target[] = [
    {
      name: 'node -e 0',
      args: ['-e', '0'],
      env: () => runnerEnv({}),
      check: (r) => (r.code === 0 ? null : `exit ${r.code}`),
    },
  ];
  for (const entry of ENTRIES) {
    list.push({
      name: `dist/${entry}.js`,
      args: [join(root, 'dist', `${entry}.js`)],
      env: () => runnerEnv({ 'github-token': 'ghs_faketokenfaketoken', ...VALID_INPUTS[entry] }),
      check: (r) =>
        r.code !== 0 && r.stdout.includes(`::error::ensemble ${entry}: cannot use GitHub artifacts`)
          ? null
          : `expected the missing-artifact-service failure, got exit ${r.code}: ${(r.stdout + r.stderr).trim().split('\n').slice(-2).join(' | ')}`,
    });
  }
  list.push({
    name: FIRST_PARTY,
    args: [firstParty],
    env: () =>
      runnerEnv(UPLOAD_ARTIFACT_INPUTS, (dir) => {
        writeFileSync(join(dir, 'plan.json'), '{}\n');
        return { path: join(dir, 'plan.json') };
      }),
    check: (r) =>
      r.code !== 0 && r.stdout.includes('::error::Unable to get the ACTIONS_RUNTIME_TOKEN env variable')
        ? null
        : `expected the missing-runtime-token failure, got exit ${r.code}: ${(r.stdout + r.stderr).trim().split('\n').slice(-2).join(' | ')}`,
  });
  list.push({
    name: 'dist/cli.js --help',
    args: [join(root, 'dist', 'cli.js'), '--help'],
    env: () => runnerEnv({}),
    check: (r) => (r.code === 0 && /usage/i.test(r.stdout + r.stderr) ? null : `exit ${r.code}, no usage text`),
  });
  return list;
}

function runOnce(node: string, target: Target): Promise<{ ms: number; problem: string | null }> {
  const { env, cwd, cleanup } = target.env();
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    const started = performance.now();
    const child = spawn(node, target.args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      cleanup();
      resolve({ ms, problem: target.check({ code, stdout, stderr }) });
    });
  });
}

export interface ColdStartRow {
  target: string;
  runs: number;
  medianMs: number;
  p90Ms: number;
  /** Median of this target over the median of bare node. */
  ratioToNode: number;
  /** Median minus bare node's median: what the bundle itself adds. */
  addedMs: number;
  samplesMs: number[];
}

export async function benchColdStart(options: {
  node: string;
  root: string;
  runs: number;
  warmups: number;
}): Promise<ColdStartRow[]> {
  const list = targets(options.root, buildFirstParty(options.root));
  const samples = new Map<string, number[]>(list.map((t) => [t.name, []]));
  for (let round = 0; round < options.warmups + options.runs; round++) {
    for (const target of list) {
      const { ms, problem } = await runOnce(options.node, target);
      if (problem) throw new Error(`cold start: ${target.name} did not run as expected: ${problem}`);
      if (round >= options.warmups) samples.get(target.name)!.push(ms);
    }
  }
  const base = median(samples.get('node -e 0')!);
  return list.map((t) => {
    const s = samples.get(t.name)!;
    const m = median(s);
    return {
      target: t.name,
      runs: s.length,
      medianMs: m,
      p90Ms: p90(s),
      ratioToNode: m / base,
      addedMs: m - base,
      samplesMs: s.map((v) => Math.round(v * 10) / 10),
    };
  });
}
