import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import {
  commandView,
  probeBubblewrap,
  resetBubblewrapProbe,
  runSandboxed,
  type SandboxOptions,
  type SandboxPassThrough,
  toolchainHomes,
} from '../../../src/agent/sandbox.ts';
import { requireSandboxForTests } from '../../support/sandbox-required.ts';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});
function tempDir(prefix: string): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  temps.push(dir);
  return dir;
}

function workspace(): string {
  const dir = tempDir('ensemble-sandbox-');
  execFileSync('git', ['init', '-q'], { cwd: dir });
  writeFileSync(path.join(dir, 'file.txt'), 'in the workspace\n');
  return dir;
}

function sh(command: string, options: Partial<SandboxOptions> = {}) {
  const cwd = options.cwd ?? workspace();
  return runSandboxed({ command, cwd, timeoutMs: 20_000, maxOutputBytes: 100_000, ...options });
}

const bwrapOnPath = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v bwrap'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const probe = await probeBubblewrap();
const MODES = ['auto', 'none'] as const;

/** A sleep duration no other process uses, to find leftovers by command line. */
function uniqueSleep(): string {
  return String(900_000 + Math.floor(Math.random() * 99_999));
}

/** Host processes whose command line contains `marker`. */
function processesWith(marker: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmdline.includes(marker) && !cmdline.includes('sh -c')) found.push(`${pid}: ${cmdline}`);
    } catch {
      // gone
    }
  }
  return found;
}

test('bubblewrap, when installed, actually starts sandboxes here (the probe result is cached)', async () => {
  if (bwrapOnPath) expect(probe).toEqual({ available: true, path: expect.stringMatching(/bwrap$/) });
  else expect(probe).toEqual({ available: false, reason: 'bubblewrap not found' });
  expect(await probeBubblewrap()).toBe(probe);
});

describe.each(MODES)('isolation=%s', (isolation) => {
  const sandboxed = isolation === 'auto';
  if (sandboxed) requireSandboxForTests('the bubblewrap tests');

  test('the environment is exactly the allow-list, with HOME a writable scratch directory', async () => {
    const scratch = tempDir('ensemble-home-');
    const result = await sh('env; touch "$HOME/written" && echo home-ok', { isolation, scratchDir: scratch });
    expect(result.sandboxed).toBe(sandboxed);
    expect(result.exitCode).toBe(0);
    const vars = Object.fromEntries(
      result.output
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    // PWD, SHLVL and _ are set by the shell itself.
    expect(
      Object.keys(vars)
        .filter((key) => !['PWD', 'SHLVL', '_', 'OLDPWD'].includes(key))
        .sort(),
    ).toEqual(
      ['CI', 'HOME', 'LANG', 'PATH', 'PYTHONDONTWRITEBYTECODE', 'TERM', ...Object.keys(toolchainHomes())].sort(),
    );
    expect(vars).toMatchObject({ CI: 'true', TERM: 'dumb', HOME: scratch });
    // First on PATH: the shims the setup leaves in HOME (pnpm, yarn), then the host's PATH.
    expect(vars['PATH']?.split(':')[0]).toBe(path.join(scratch, '.ensemble/bin'));
    expect(result.output).toContain('home-ok');
    expect(existsSync(path.join(scratch, 'written'))).toBe(true);
  });

  test('secret canary: env and /proc/{self,1,$PPID}/environ never show the parent environment', async () => {
    process.env.ANTHROPIC_API_KEY = 'canary-anthropic-sbx';
    process.env.GITHUB_TOKEN = 'canary-github-sbx';
    try {
      // Inside bubblewrap every process it can see is checked. Without it (the explicit `sandbox: none`
      // opt-out) other processes of the same user are visible by design, e.g. other test workers.
      const everyProcess = isolation === 'none' ? '' : '; cat /proc/*/environ 2>/dev/null';
      const result = await sh(
        `env; for p in self 1 $PPID; do echo "== $p"; cat /proc/$p/environ | tr "\\0" "\\n"; done${everyProcess}`,
        {
          isolation,
        },
      );
      expect(result.output).toContain('== 1');
      expect(result.output).not.toContain('canary');
    } finally {
      delete process.env.ANTHROPIC_API_KEY;
      delete process.env.GITHUB_TOKEN;
    }
  });

  test('a timeout kills the whole process group, background children included', async () => {
    const marker = uniqueSleep();
    const started = Date.now();
    const result = await sh(`sleep ${marker} & sh -c 'sleep ${marker}'; echo never`, { isolation, timeoutMs: 700 });
    expect(result).toMatchObject({ timedOut: true, exitCode: null, signal: 'SIGKILL' });
    expect(result.output).not.toContain('never');
    expect(Date.now() - started).toBeLessThan(5_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(processesWith(`sleep ${marker}`)).toEqual([]);
  });

  test('background children do not outlive a command that exits', async () => {
    const marker = uniqueSleep();
    const started = Date.now();
    const result = await sh(`sleep ${marker} > /dev/null 2>&1 & echo started`, { isolation });
    expect(result).toMatchObject({ exitCode: 0, timedOut: false });
    expect(Date.now() - started).toBeLessThan(5_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(processesWith(`sleep ${marker}`)).toEqual([]);
  });

  test('aborting kills the command', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    const result = await sh('sleep 30', { isolation, abortSignal: controller.signal });
    expect(result).toMatchObject({ exitCode: null, timedOut: false, signal: 'SIGKILL' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('long output keeps its head and tail with a marker', async () => {
    const result = await sh(`printf 'BEGIN'; head -c 100000 /dev/zero | tr '\\0' a; echo; echo END`, {
      isolation,
      maxOutputBytes: 1_000,
    });
    expect(result.exitCode).toBe(0);
    expect(result.truncated).toBe(true);
    // 5 + 100,000 + 1 + 4 bytes; 250 kept at the head and 750 at the tail.
    expect(result.output).toMatch(/^BEGINa{245}\n\[… 99010 bytes omitted …\]\na{745}\nEND\n$/);
    const short = await sh('echo out; sleep 0.1; echo err >&2', { isolation, maxOutputBytes: 1_000 });
    expect(short).toMatchObject({ output: 'out\nerr\n', truncated: false });
  });

  test('Python leaves no __pycache__ in the workspace for a change to pick up', async () => {
    const ws = workspace();
    writeFileSync(path.join(ws, 'helper.py'), 'VALUE = 1\n');
    const result = await sh('python3 -c "import helper; print(helper.VALUE)"', { isolation, cwd: ws });
    expect(result.output.trim(), result.output).toBe('1');
    expect(existsSync(path.join(ws, '__pycache__'))).toBe(false);
  });

  test('the workspace is writable', async () => {
    const ws = workspace();
    const result = await sh('echo changed > file.txt && mkdir -p new && echo x > new/y', { isolation, cwd: ws });
    expect(result.exitCode).toBe(0);
    expect(readFileSync(path.join(ws, 'file.txt'), 'utf8')).toBe('changed\n');
    expect(readFileSync(path.join(ws, 'new/y'), 'utf8')).toBe('x\n');
  });
});

describe('inside bubblewrap', () => {
  requireSandboxForTests('the bubblewrap tests');
  test('no network: a loopback port the test listens on is unreachable inside, reachable outside', async () => {
    let connections = 0;
    const server = net.createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const connect = `bash -c 'echo hello > /dev/tcp/127.0.0.1/${port}' && echo connected`;
    try {
      const outside = await sh(connect, { isolation: 'none' });
      expect(outside).toMatchObject({ exitCode: 0, sandboxed: false });
      expect(outside.output).toContain('connected');
      expect(connections).toBe(1);

      const inside = await sh(connect, { isolation: 'auto' });
      expect(inside.sandboxed).toBe(true);
      expect(inside.exitCode).not.toBe(0);
      expect(inside.output).not.toContain('connected');
      expect(connections).toBe(1);

      const shared = await sh(connect, { isolation: 'auto', network: true });
      expect(shared.output).toContain('connected');
      expect(connections).toBe(2);
    } finally {
      server.close();
    }
  });

  test('the rest of the file system is read-only, .git included; /tmp and /run are empty', async () => {
    const ws = workspace();
    const hostTmp = tempDir('ensemble-hostfile-');
    writeFileSync(path.join(hostTmp, 'visible'), 'x');
    const probeFile = `/usr/ensemble-sandbox-probe-${process.pid}`;
    const result = await sh(
      [
        `touch ${probeFile} && echo usr-writable`,
        'echo "[core]" >> .git/config && echo git-writable',
        `ls ${hostTmp} 2>/dev/null && echo host-tmp-visible`,
        'ls -A /run',
        'touch /tmp/mine && echo tmp-ok',
        'echo done',
      ].join('; '),
      { cwd: ws },
    );
    expect(result.sandboxed).toBe(true);
    expect(result.output).toMatch(/Read-only file system/);
    expect(result.output).not.toMatch(/usr-writable|git-writable|host-tmp-visible/);
    expect(result.output).toMatch(/tmp-ok\ndone\n$/);
    expect(existsSync(probeFile)).toBe(false);
    expect(readFileSync(path.join(ws, '.git/config'), 'utf8')).not.toMatch(/\[core\]\n$/);
  });

  test('a linked worktree: git works read-only inside, its git directory outside cannot be changed', async () => {
    const main = workspace();
    execFileSync('git', ['-c', 'user.email=t@e', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'base'], {
      cwd: main,
    });
    const tree = path.join(tempDir('ensemble-worktrees-'), 'task');
    execFileSync('git', ['worktree', 'add', '-q', tree], { cwd: main });
    const result = await sh(
      'git log --format=%s; echo x > new.txt && git status --porcelain; echo pwned > "$(git rev-parse --git-common-dir)/config" || echo config-read-only',
      {
        cwd: tree,
      },
    );
    expect(result.output).toMatch(/^base\n\?\? new\.txt\n/);
    expect(result.output).toContain('config-read-only');
    expect(readFileSync(path.join(main, '.git/config'), 'utf8')).not.toContain('pwned');
  });

  test('no privileges: NoNewPrivs set, no capabilities, cannot remount / read-write', async () => {
    const marker = `/ensemble-remount-probe-${process.pid}`;
    const result = await sh(
      `grep -E '^(NoNewPrivs|CapEff)' /proc/self/status; mount -o remount,bind,rw / 2>/dev/null; touch ${marker} 2>/dev/null && echo escaped; echo pid=$$`,
    );
    expect(result.output).toMatch(/NoNewPrivs:\s+1/);
    expect(result.output).toMatch(/CapEff:\s+0+\n/);
    expect(result.output).not.toContain('escaped');
    expect(existsSync(marker)).toBe(false);
    // Own PID namespace: the shell is a small PID, and the test process is not visible.
    expect(result.output).toMatch(/pid=[0-9]\n/);
    const pids = await sh(`test -e /proc/${process.pid} && echo visible || echo hidden`);
    expect(pids.output).toBe('hidden\n');
  });

  test('secret canary across processes: an orchestrator started WITH the secret in its environment does not leak it', async () => {
    // A child Node process stands in for the orchestrator: the canary is in its environment from
    // exec on, so it sits in /proc/<pid>/environ, which deleting from process.env cannot erase.
    const sandboxUrl = pathToFileURL(fileURLToPath(new URL('../../../src/agent/sandbox.ts', import.meta.url))).href;
    const ws = workspace();
    const script = `
      const { runSandboxed } = await import(${JSON.stringify(sandboxUrl)});
      const out = {};
      for (const isolation of ['auto', 'none']) {
        const r = await runSandboxed({ command: 'cat /proc/$PPID/environ; cat /proc/1/environ; env', cwd: ${JSON.stringify(ws)}, timeoutMs: 20000, maxOutputBytes: 100000, isolation });
        out[isolation] = r.output;
      }
      process.stdout.write(JSON.stringify(out));`;
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ['--input-type=module', '-e', script],
        {
          env: { ...process.env, ANTHROPIC_API_KEY: 'canary-exec-env', GITHUB_TOKEN: 'canary-exec-env' },
          encoding: 'utf8',
        },
        (error, out) => (error ? reject(error) : resolve(out)),
      ),
    );
    const outputs = JSON.parse(stdout) as { auto: string; none: string };
    expect(outputs.auto).not.toContain('canary');
    // Without bubblewrap the same user can read the parent's exec-time environment: the
    // residual risk sandbox.ts documents, and proof that this test can see a leak.
    expect(outputs.none).toContain('canary-exec-env');
  });
});

describe('bubblewrap unavailable', () => {
  const savedPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = savedPath;
    resetBubblewrapProbe();
  });

  test('missing: runs with the clean environment and logs once', async () => {
    const cwd = workspace();
    process.env.PATH = tempDir('ensemble-emptypath-');
    resetBubblewrapProbe();
    const logs: string[] = [];
    const first = await sh('echo hi', { cwd, log: (m) => logs.push(m) });
    const second = await sh('echo again', { cwd, log: (m) => logs.push(m) });
    expect(first).toMatchObject({ exitCode: 0, output: 'hi\n', sandboxed: false });
    expect(second.sandboxed).toBe(false);
    expect(logs).toEqual(['bubblewrap not found: commands run without network isolation']);
  });

  test('present but unusable (user namespaces forbidden): falls back with the reason', async () => {
    const bin = tempDir('ensemble-fakebwrap-');
    mkdirSync(bin, { recursive: true });
    writeFileSync(
      path.join(bin, 'bwrap'),
      '#!/bin/sh\necho "bwrap: No permissions to create new namespace" >&2\nexit 1\n',
    );
    chmodSync(path.join(bin, 'bwrap'), 0o755);
    const cwd = workspace();
    process.env.PATH = `${bin}:/usr/bin:/bin`;
    resetBubblewrapProbe();
    const logs: string[] = [];
    const result = await sh('echo hi', { cwd, log: (m) => logs.push(m) });
    expect(result).toMatchObject({ exitCode: 0, sandboxed: false });
    expect(await probeBubblewrap()).toEqual({
      available: false,
      reason: 'bubblewrap cannot start a sandbox here (bwrap: No permissions to create new namespace)',
    });
    expect(logs).toEqual([
      'bubblewrap cannot start a sandbox here (bwrap: No permissions to create new namespace): commands run without network isolation',
    ]);
  });
});

/** Sets variables of this process for one test; `restore` puts back what was there. */
function withEnv(vars: Record<string, string>): { restore(): void } {
  const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  Object.assign(process.env, vars);
  return {
    restore() {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
}

/** A toolchain laid out as installers do: `bin/` on PATH, its files in `lib/` next to it. */
function toolchainIn(parent: string, name: string): string {
  const prefix = path.join(parent, name);
  mkdirSync(path.join(prefix, 'bin'), { recursive: true });
  mkdirSync(path.join(prefix, 'lib'), { recursive: true });
  writeFileSync(path.join(prefix, 'lib', 'impl.sh'), `echo "${name} from its lib"\n`);
  writeFileSync(path.join(prefix, 'bin', name), '#!/bin/sh\nexec sh "$(dirname "$0")/../lib/impl.sh"\n');
  chmodSync(path.join(prefix, 'bin', name), 0o755);
  return prefix;
}

const PROXY_AND_CA = (caFile: string) => ({
  HTTPS_PROXY: 'http://proxy.test:3128',
  http_proxy: 'http://proxy.test:3128',
  no_proxy: 'localhost,.internal.test',
  NODE_EXTRA_CA_CERTS: caFile,
  SSL_CERT_FILE: caFile,
  REQUESTS_CA_BUNDLE: caFile,
  PIP_CERT: caFile,
});

describe("the user's toolchain and network settings, inside bubblewrap", () => {
  requireSandboxForTests('the bubblewrap tests');
  const savedPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = savedPath;
  });

  test('a toolchain whose PATH entry is under /tmp runs inside, read-only; the rest of /tmp stays hidden', async () => {
    // As `npm run` or a setup action puts node_modules/.bin or a downloaded Node under /tmp on PATH.
    const prefix = toolchainIn(tempDir('ensemble-toolchain-'), 'mytool');
    const other = tempDir('ensemble-other-');
    writeFileSync(path.join(other, 'private.txt'), 'x');
    process.env.PATH = `${path.join(prefix, 'bin')}:${savedPath}`;
    const result = await sh(
      `mytool; ls ${other} 2>/dev/null || echo other-hidden; touch ${prefix}/lib/x 2>/dev/null || echo tool-read-only`,
    );
    expect(result.sandboxed).toBe(true);
    expect(result.output).toBe('mytool from its lib\nother-hidden\ntool-read-only\n');
  });

  test('a home directory inside /tmp stays empty when a toolchain next to it is given back', async () => {
    const root = tempDir('ensemble-machine-');
    mkdirSync(path.join(root, 'home'));
    writeFileSync(path.join(root, 'home', '.bash_history'), 'history-canary\n');
    const prefix = toolchainIn(root, 'nexttool');
    const env = withEnv({ HOME: path.join(root, 'home'), PATH: `${path.join(prefix, 'bin')}:${savedPath}` });
    try {
      const result = await sh(`nexttool; cat ${root}/home/.bash_history 2>/dev/null || echo history-hidden`);
      expect(result.output).toBe('nexttool from its lib\nhistory-hidden\n');
    } finally {
      env.restore();
    }
  });

  test('setup commands get the proxy and CA variables and the CA file; other commands get neither', async () => {
    const caFile = path.join(tempDir('ensemble-ca-'), 'corporate-ca.pem');
    writeFileSync(caFile, 'FAKE CORPORATE CA\n');
    const env = withEnv(PROXY_AND_CA(caFile));
    try {
      const show = 'env | sort; cat "$NODE_EXTRA_CA_CERTS" 2>/dev/null; cat "$SSL_CERT_FILE" 2>/dev/null';
      const setup = await sh(show, { network: true });
      expect(setup.output).toContain('HTTPS_PROXY=http://proxy.test:3128\n');
      expect(setup.output).toContain('http_proxy=http://proxy.test:3128\n');
      expect(setup.output).toContain('no_proxy=localhost,.internal.test\n');
      for (const name of ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'REQUESTS_CA_BUNDLE', 'PIP_CERT'])
        expect(setup.output).toContain(`${name}=${caFile}\n`);
      expect(setup.output).toContain('FAKE CORPORATE CA\nFAKE CORPORATE CA\n');

      const agent = await sh(`env; cat ${caFile} 2>/dev/null`);
      expect(agent.exitCode).not.toBe(0);
      expect(agent.output).not.toMatch(/proxy|CA_CERTS|SSL_CERT|FAKE CORPORATE CA/i);
    } finally {
      env.restore();
    }
  });

  test("a CA file in a hidden directory (the runner's temp) comes back for setup; the rest stays hidden", async () => {
    const home = tempDir('ensemble-runnerhome-');
    const prefix = toolchainIn(path.join(home, 'actions-runner'), 'runnertool');
    const runnerTemp = path.join(home, 'actions-runner', '_temp');
    mkdirSync(runnerTemp);
    writeFileSync(path.join(runnerTemp, 'ca.pem'), 'RUNNER CA\n');
    writeFileSync(path.join(runnerTemp, 'event.json'), '{"secret": "event-canary"}\n');
    const env = withEnv({
      HOME: home,
      RUNNER_TEMP: runnerTemp,
      NODE_EXTRA_CA_CERTS: path.join(runnerTemp, 'ca.pem'),
      PATH: `${path.join(prefix, 'bin')}:${savedPath}`,
    });
    try {
      const result = await sh(
        `runnertool; cat "$NODE_EXTRA_CA_CERTS"; cat ${runnerTemp}/event.json || echo event-hidden`,
        {
          network: true,
        },
      );
      expect(result.output).toMatch(/^runnertool from its lib\nRUNNER CA\n(cat: [^\n]*\n)?event-hidden\n$/);
    } finally {
      env.restore();
    }
  });

  test('sandbox-env and sandbox-paths: `all` reaches every command, `setup` only setup commands', async () => {
    const shared = tempDir('ensemble-shared-');
    writeFileSync(path.join(shared, 'settings.txt'), 'shared settings\n');
    const setupOnly = tempDir('ensemble-setup-only-');
    writeFileSync(path.join(setupOnly, 'mirror.txt'), 'registry mirror\n');
    const passThrough: SandboxPassThrough = {
      env: { all: ['ENSEMBLE_TEST_FOR_ALL'], setup: ['ENSEMBLE_TEST_FOR_SETUP', 'ENSEMBLE_TEST_NOT_SET'] },
      paths: { all: [shared], setup: [path.join(setupOnly, 'mirror.txt')] },
    };
    const env = withEnv({ ENSEMBLE_TEST_FOR_ALL: 'everyone', ENSEMBLE_TEST_FOR_SETUP: 'installers' });
    try {
      const show = `env | grep ^ENSEMBLE_TEST_ | sort; cat ${shared}/settings.txt ${setupOnly}/mirror.txt 2>/dev/null`;
      const agent = await sh(show, { passThrough });
      expect(agent.output).toBe('ENSEMBLE_TEST_FOR_ALL=everyone\nshared settings\n');
      const setup = await sh(show, { passThrough, network: true });
      expect(setup.output).toBe(
        'ENSEMBLE_TEST_FOR_ALL=everyone\nENSEMBLE_TEST_FOR_SETUP=installers\nshared settings\nregistry mirror\n',
      );
    } finally {
      env.restore();
    }
  });

  test('credential stores stay hidden inside a listed directory: ~/.npmrc and ~/.ssh of a home given back', async () => {
    const home = tempDir('ensemble-fakehome-');
    writeFileSync(path.join(home, '.npmrc'), '//registry.npmjs.org/:_authToken=npm_canary\n');
    mkdirSync(path.join(home, '.ssh'));
    writeFileSync(path.join(home, '.ssh', 'id_ed25519'), 'ssh-canary\n');
    writeFileSync(path.join(home, 'notes.txt'), 'ordinary file\n');
    const env = withEnv({ HOME: home });
    try {
      const result = await sh(`cat ${home}/notes.txt; cat ${home}/.npmrc; ls -A ${home}/.ssh; echo end`, {
        passThrough: { env: { all: [], setup: [] }, paths: { all: ['~/'], setup: [] } },
      });
      // A hidden file is unreadable (/dev/null bound over it, without device access); a hidden directory is empty.
      expect(result.output).toMatch(/^ordinary file\n(cat: [^\n]*\.npmrc: Permission denied\n)?end\n$/);
      expect(result.output).not.toMatch(/canary|id_ed25519/);
    } finally {
      env.restore();
    }
  });
});

describe.each(MODES)('what reaches a command, isolation=%s', (isolation) => {
  if (isolation === 'auto') requireSandboxForTests('the bubblewrap tests');

  test('a proxy URL with a password is withheld from setup, with a note, unless the configuration names it', async () => {
    const env = withEnv({ HTTPS_PROXY: 'http://user:hunter2@proxy.test:3128', NO_PROXY: 'localhost' });
    try {
      const logs: string[] = [];
      const withheld = await sh('env', { isolation, network: true, log: (m) => logs.push(m) });
      expect(withheld.output).not.toContain('hunter2');
      expect(withheld.output).toContain('NO_PROXY=localhost');
      expect(logs).toContainEqual(
        'HTTPS_PROXY holds a user and password, which setup commands never get: it was left out ' +
          '(list HTTPS_PROXY under sandbox-env.setup in .github/ensemble.yml to pass it anyway)',
      );
      const named = await sh('env', {
        isolation,
        network: true,
        passThrough: { env: { all: [], setup: ['HTTPS_PROXY'] }, paths: { all: [], setup: [] } },
      });
      expect(named.output).toContain('HTTPS_PROXY=http://user:hunter2@proxy.test:3128');
    } finally {
      env.restore();
    }
  });
});

test('a credential-looking name never reaches a command, even when a caller passes it', () => {
  expect(() =>
    commandView({ passThrough: { env: { all: ['NPM_TOKEN'], setup: [] }, paths: { all: [], setup: [] } } }),
  ).toThrow('sandbox-env: "NPM_TOKEN" looks like a credential (TOKEN); commands never get one');
});

test('sandbox: none says once per run (per log) that commands run without bubblewrap', async () => {
  const logs: string[] = [];
  const log = (m: string) => logs.push(m);
  await sh('true', { isolation: 'none', log });
  await sh('true', { isolation: 'none', log });
  expect(logs).toEqual([
    expect.stringMatching(/^sandbox: none: commands run WITHOUT bubblewrap: they have the network/),
  ]);
  const nextRun: string[] = [];
  await sh('true', { isolation: 'none', log: (m) => nextRun.push(m) });
  expect(nextRun).toHaveLength(1);
});
