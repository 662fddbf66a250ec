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
 * A second figure, per bundle whose job does real work: the time from spawn to its first useful request,
 * the moment its first request reaches a loopback service, with valid credentials this time (the
 * artifact fake of test/support/artifact-fake.ts, `ACTIONS_RESULTS_URL` and a runtime token it grants; a
 * recorder as `GITHUB_API_URL`). The child is killed as the request arrives. What "first useful" is
 * differs per entry and is written in {@link FIRST_USE}: a stage job's first artifact download, the plan
 * and all-in-one jobs' permission check of who triggered them, the first-party start's `CreateArtifact`.
 * It is load + checks + loading the stage + the stage's work before that request (code, test and fix read
 * the configuration and check the sandbox first).
 *
 * Only wall times from spawn are timed; the temporary files are written before the clock starts.
 * Targets are run round-robin (one run of each, then the next round), so that drift of the machine
 * spreads over all of them alike.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startArtifactFake } from '../test/support/artifact-fake.ts';
import { runnerStep } from '../test/support/runner.ts';
import { median, p90 } from './stats.ts';

/** Valid inputs per entry, as test/contract/action-entries.test.ts uses them. */
export const VALID_INPUTS: Record<string, Record<string, string>> = {
  plan: { model: 'anthropic:claude-sonnet-4-5', issue: '12' },
  code: { model: 'openai:gpt-5', task: 'api-endpoint' },
  test: { model: 'openai-compatible:qwen3-coder', 'base-url': 'http://127.0.0.1:11434/v1' },
  review: { lens: 'security' },
  docs: {},
  fix: {},
  publish: { draft: 'false' },
  all: { prompt: 'Add a --json flag to the CLI' },
};

export const ENTRIES = ['plan', 'code', 'test', 'review', 'docs', 'fix', 'publish', 'all'] as const;

type Service = 'artifacts' | 'github';

/** The first request of an entry's useful work: where it goes, what it is, and why it is the first. */
export interface FirstUse {
  service: Service;
  /** `METHOD /path` of the request, as a pattern. */
  request: RegExp;
  /** What the entry does before it and with it, for the table. */
  what: string;
}

const DOWNLOAD = /^POST \/twirp\/github\.actions\.results\.api\.v1\.ArtifactService\/ListArtifacts$/;
const PERMISSION = /^GET \/repos\/octo-org\/octo-repo\/collaborators\/octocat\/permission$/;

/** Each entry's first useful request (src/runtime/actions/*.ts), in a job that may run. */
export const FIRST_USE: Record<(typeof ENTRIES)[number], FirstUse> = {
  plan: { service: 'github', request: PERMISSION, what: 'config; who triggered it (GitHub)' },
  code: { service: 'artifacts', request: DOWNLOAD, what: 'config, sandbox; download ensemble-plan' },
  test: { service: 'artifacts', request: DOWNLOAD, what: 'config, sandbox; download ensemble-plan' },
  review: { service: 'artifacts', request: DOWNLOAD, what: 'download ensemble-plan' },
  docs: { service: 'artifacts', request: DOWNLOAD, what: 'download ensemble-plan' },
  fix: { service: 'artifacts', request: DOWNLOAD, what: 'config, sandbox; download ensemble-plan' },
  publish: { service: 'artifacts', request: DOWNLOAD, what: 'config, checkout; download ensemble-follow-up' },
  all: { service: 'github', request: PERMISSION, what: 'config; who triggered it (GitHub)' },
};

/** The first-party start's first request: `CreateArtifact` of the upload. */
const FIRST_PARTY_USE: FirstUse = {
  service: 'artifacts',
  request: /^POST \/twirp\/github\.actions\.results\.api\.v1\.ArtifactService\/CreateArtifact$/,
  what: 'inputs, files; create the artifact',
};

/** Who the runs' `workflow_dispatch` event says triggered them: the plan and all-in-one jobs check it first. */
const EVENT = { sender: { login: 'octocat', type: 'User' } };

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
 * The runner environment of one step (test/support/runner.ts `runnerStep`); `inDir` prepares the
 * step's directory and returns inputs that name what it put there.
 */
function runnerEnv(
  inputs: Record<string, string>,
  inDir: (dir: string) => Record<string, string> = () => ({}),
  extraEnv: Record<string, string> = {},
): { env: Record<string, string>; cleanup: () => void; cwd: string } {
  const { temp, env } = runnerStep((dir) => ({ ...inputs, ...inDir(dir) }), {
    env: extraEnv,
    event: { name: 'workflow_dispatch', payload: EVENT },
    prefix: 'ensemble-bench-runner-',
  });
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

/** upload-artifact's step: its inputs, and the file it uploads in the step's directory. */
function firstPartyEnv(extraEnv: Record<string, string> = {}) {
  return runnerEnv(
    UPLOAD_ARTIFACT_INPUTS,
    (dir) => {
      writeFileSync(join(dir, 'plan.json'), '{}\n');
      return { path: join(dir, 'plan.json') };
    },
    extraEnv,
  );
}

const entryInputs = (entry: (typeof ENTRIES)[number]) => ({
  'github-token': 'ghs_faketokenfaketoken',
  ...VALID_INPUTS[entry],
});

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
      env: () => runnerEnv(entryInputs(entry)),
      check: (r) =>
        r.code !== 0 && r.stdout.includes(`::error::ensemble ${entry}: cannot use GitHub artifacts`)
          ? null
          : `expected the missing-artifact-service failure, got exit ${r.code}: ${(r.stdout + r.stderr).trim().split('\n').slice(-2).join(' | ')}`,
    });
  }
  list.push({
    name: FIRST_PARTY,
    args: [firstParty],
    env: () => firstPartyEnv(),
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

/** A target timed to its first useful request; named as its row of {@link targets}. */
interface FirstUseTarget {
  name: string;
  args: string[];
  /** The runner environment, given the services' variables. */
  env: (services: Record<string, string>) => { env: Record<string, string>; cleanup: () => void; cwd: string };
  use: FirstUse;
}

function firstUseTargets(root: string, firstParty: string): FirstUseTarget[] {
  return [
    ...ENTRIES.map((entry) => ({
      name: `dist/${entry}.js`,
      args: [join(root, 'dist', `${entry}.js`)],
      env: (services: Record<string, string>) => runnerEnv(entryInputs(entry), undefined, services),
      use: FIRST_USE[entry],
    })),
    { name: FIRST_PARTY, args: [firstParty], env: firstPartyEnv, use: FIRST_PARTY_USE },
  ];
}

/** A request as it reached one of the loopback services. */
interface Arrival {
  service: Service;
  /** `METHOD /path`. */
  request: string;
  /** performance.now() as its headers arrived. */
  at: number;
}

interface Services {
  /** `ACTIONS_RESULTS_URL`, `ACTIONS_RUNTIME_TOKEN` and `GITHUB_API_URL` of a job that may run. */
  env: Record<string, string>;
  /** Calls `then` with the next request to arrive at either service (once; later ones are dropped). */
  onNext(then: (arrival: Arrival) => void): void;
  close(): Promise<void>;
}

/** The artifact fake, and a GitHub API that records requests and answers none of them usefully. */
async function startServices(): Promise<Services> {
  let waiting: ((arrival: Arrival) => void) | null = null;
  const arrive = (service: Service) => (method: string, path: string) => {
    const at = performance.now();
    const then = waiting;
    waiting = null;
    then?.({ service, request: `${method} ${path}`, at });
  };
  const artifacts = await startArtifactFake({ onRequest: arrive('artifacts') });
  const github = createServer((req, res) => {
    arrive('github')(req.method ?? '', (req.url ?? '/').split('?')[0] as string);
    res.writeHead(503, { 'content-type': 'application/json' }).end('{"message":"cold-start bench"}');
  });
  await new Promise<void>((resolve) => github.listen(0, '127.0.0.1', resolve));
  const { port } = github.address() as AddressInfo;
  return {
    env: { ...artifacts.env, GITHUB_API_URL: `http://127.0.0.1:${port}` },
    onNext: (then) => {
      waiting = then;
    },
    close: async () => {
      github.closeAllConnections();
      await Promise.all([artifacts.close(), new Promise((resolve) => github.close(resolve))]);
    },
  };
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

/** Spawn to the first request's arrival; the child is killed then, before the service answers it. */
function runToFirstUse(
  node: string,
  target: FirstUseTarget,
  services: Services,
): Promise<{ ms: number; problem: string | null }> {
  const { env, cwd, cleanup } = target.env(services.env);
  return new Promise((resolve) => {
    let output = '';
    let first: Arrival | null = null;
    const started = performance.now();
    const child = spawn(node, target.args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    services.onNext((arrival) => {
      first = arrival;
      child.kill('SIGKILL');
    });
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      cleanup();
      const arrival = first as Arrival | null;
      if (!arrival) {
        const last = output.trim().split('\n').slice(-2).join(' | ');
        resolve({ ms: Number.NaN, problem: `no request before it ended (exit ${code}): ${last}` });
      } else if (arrival.service !== target.use.service || !target.use.request.test(arrival.request)) {
        resolve({ ms: Number.NaN, problem: `first request ${arrival.request} to ${arrival.service}` });
      } else {
        resolve({ ms: arrival.at - started, problem: null });
      }
    });
  });
}

/** Median, p90 and the ratio to bare node's exit time of one target's samples. */
interface Figure {
  runs: number;
  medianMs: number;
  p90Ms: number;
  /** Median of this target over the median of bare node. */
  ratioToNode: number;
  /** Median minus bare node's median: what the bundle itself adds. */
  addedMs: number;
  samplesMs: number[];
}

export interface ColdStartRow extends Figure {
  target: string;
  /** Spawn to the first useful request (`what`, from {@link FIRST_USE}), for the targets that make one. */
  firstUse?: Figure & { what: string; request: string };
}

function figure(samples: number[], base: number): Figure {
  const m = median(samples);
  return {
    runs: samples.length,
    medianMs: m,
    p90Ms: p90(samples),
    ratioToNode: m / base,
    addedMs: m - base,
    samplesMs: samples.map((v) => Math.round(v * 10) / 10),
  };
}

export async function benchColdStart(options: {
  node: string;
  root: string;
  runs: number;
  warmups: number;
}): Promise<ColdStartRow[]> {
  const firstParty = buildFirstParty(options.root);
  const list = targets(options.root, firstParty);
  const toFirstUse = firstUseTargets(options.root, firstParty);
  const samples = new Map<string, number[]>(list.map((t) => [t.name, []]));
  const firstUseSamples = new Map<string, number[]>(toFirstUse.map((t) => [t.name, []]));
  const services = await startServices();
  try {
    for (let round = 0; round < options.warmups + options.runs; round++) {
      for (const target of list) {
        const { ms, problem } = await runOnce(options.node, target);
        if (problem) throw new Error(`cold start: ${target.name} did not run as expected: ${problem}`);
        if (round >= options.warmups) samples.get(target.name)!.push(ms);
      }
      for (const target of toFirstUse) {
        const { ms, problem } = await runToFirstUse(options.node, target, services);
        if (problem) throw new Error(`cold start to first use: ${target.name} did not run as expected: ${problem}`);
        if (round >= options.warmups) firstUseSamples.get(target.name)!.push(ms);
      }
    }
  } finally {
    await services.close();
  }
  const base = median(samples.get('node -e 0')!);
  return list.map((t) => {
    const use = toFirstUse.find((u) => u.name === t.name);
    return {
      target: t.name,
      ...figure(samples.get(t.name)!, base),
      ...(use && {
        firstUse: {
          ...figure(firstUseSamples.get(t.name)!, base),
          what: use.use.what,
          request: `${use.use.service}: ${use.use.request.source}`,
        },
      }),
    };
  });
}
