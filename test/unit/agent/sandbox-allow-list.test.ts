/**
 * The sandbox shows a command only what it is given (sandbox.ts): the worktree, the system
 * directories and toolchains read-only, a private /tmp and HOME, and the repository's git
 * directories with their configuration stripped of credentials. Everything else of the host is
 * absent, wherever it is: these tests put what must stay out where a sandbox that hid a list of
 * paths (`/run`, `/tmp`, the home directory) would have shown it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runSandboxed, type SandboxOptions, toolchainHomes } from '../../../src/agent/sandbox.ts';
import { sanitiseGitConfig, sanitisingPlan } from '../../../src/agent/sandbox-git.ts';
import { requireSandboxForTests } from '../../support/sandbox-required.ts';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Under the test run's own temporary directory (in /tmp). */
function tempDir(prefix: string): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  temps.push(dir);
  return dir;
}

/**
 * A directory of the host outside /tmp, /run and the home directory: /var/tmp (world-writable on
 * every Linux), where a list of hidden paths left things visible. Removed after the file.
 */
function outsideDir(prefix: string): string {
  const dir = realpathSync(mkdtempSync(path.join('/var/tmp', prefix)));
  temps.push(dir);
  return dir;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=t@e', '-c', 'user.name=t', ...args], { cwd, encoding: 'utf8' });
}

/** A repository with one commit, and a linked worktree of it in the test's temporary directory. */
function repositoryWithWorktree(parent: string): { main: string; tree: string } {
  const main = path.join(parent, 'main');
  mkdirSync(main);
  git(main, 'init', '-q');
  writeFileSync(path.join(main, 'tracked.txt'), 'tracked\n');
  git(main, 'add', 'tracked.txt');
  git(main, 'commit', '-q', '-m', 'base');
  const tree = path.join(tempDir('ensemble-worktrees-'), 'task');
  git(main, 'worktree', 'add', '-q', tree);
  return { main, tree };
}

function sh(command: string, options: Partial<SandboxOptions> & { cwd: string }) {
  return runSandboxed({ command, timeoutMs: 20_000, maxOutputBytes: 100_000, isolation: 'auto', ...options });
}

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

describe('only what a command is given, inside bubblewrap', () => {
  requireSandboxForTests('the bubblewrap tests');

  test('a host UNIX socket outside /run, /tmp and the home directory cannot be reached', async () => {
    const socketPath = path.join(outsideDir('ensemble-socket-'), 'daemon.sock');
    let connections = 0;
    const server = net.createServer((socket) => {
      connections += 1;
      socket.end();
    });
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    // The Node that runs this test, on PATH: a toolchain the sandbox gives back.
    const env = withEnv({ PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` });
    const connect =
      `node -e "const s = require('net').connect(process.argv[1]); ` +
      `s.on('connect', () => { console.log('connected'); s.end(); }); ` +
      `s.on('error', (e) => console.log('refused ' + e.code))" ${socketPath}`;
    try {
      const cwd = tempDir('ensemble-sandbox-');
      const outside = await sh(connect, { cwd, isolation: 'none' });
      expect(outside.output).toBe('connected\n');
      expect(connections).toBe(1);

      const inside = await sh(connect, { cwd });
      expect(inside.sandboxed).toBe(true);
      expect(inside.output).toBe('refused ENOENT\n');
      expect(connections).toBe(1);
      // Setup commands have the network, and still not the host's sockets.
      const setup = await sh(connect, { cwd, network: true });
      expect(setup.output).toBe('refused ENOENT\n');
      expect(connections).toBe(1);
    } finally {
      env.restore();
      server.close();
    }
  });

  test("of the user's repository only its git directory: not its files, its .env, or a checkout next to it", async () => {
    const parent = outsideDir('ensemble-checkouts-');
    const { main, tree } = repositoryWithWorktree(parent);
    writeFileSync(path.join(main, '.env'), 'API_KEY=env-canary\n');
    const sibling = path.join(parent, 'other-project');
    mkdirSync(sibling);
    writeFileSync(path.join(sibling, 'notes.txt'), 'sibling-canary\n');

    const result = await sh(
      [
        `cat ${main}/.env ${main}/tracked.txt ${sibling}/notes.txt 2>/dev/null`,
        `ls -A ${parent} ${main}`,
        'git log --format=%s',
        'echo x > new.txt && git status --porcelain',
      ].join('; '),
      { cwd: tree },
    );
    expect(result.sandboxed).toBe(true);
    expect(result.output).not.toMatch(/canary|tracked\n/);
    // The git directory the worktree needs is there; the checkout's files and the sibling are not.
    expect(result.output).toBe(`${parent}:\nmain\n\n${main}:\n.git\nbase\n?? new.txt\n`);
  });

  test("the repository's .git/config is seen without credentials; git status and log still work", async () => {
    const { main, tree } = repositoryWithWorktree(tempDir('ensemble-repo-'));
    const config = path.join(main, '.git', 'config');
    git(main, 'remote', 'add', 'origin', 'https://x:SECRET-remote@host.test/r.git');
    git(main, 'config', 'remote.origin.pushurl', 'https://SECRET-push@host.test/r.git');
    git(main, 'remote', 'add', 'upstream', 'git@host.test:owner/r.git');
    git(main, 'config', 'http.https://host.test/.extraheader', 'AUTHORIZATION: basic SECRET-header');
    git(main, 'config', 'http.extraHeader', 'AUTHORIZATION: bearer SECRET-header2');
    git(main, 'config', 'credential.helper', 'store --file /x/SECRET-helper');
    git(main, 'config', 'url.https://u:SECRET-insteadof@host.test/.insteadOf', 'https://host.test/');
    git(main, 'config', 'include.path', '/elsewhere/SECRET-include.gitconfig');
    git(main, 'config', 'includeIf.gitdir:/x/.path', '/elsewhere/SECRET-includeif.gitconfig');
    git(main, 'config', 'http.proxy', 'http://proxyuser:SECRET-proxy@proxy.test:3128');
    git(main, 'config', 'user.name', 'Kept Name');
    const before = readFileSync(config, 'utf8');

    const result = await sh(
      [
        'git config --list --show-origin',
        'cat "$(git rev-parse --git-common-dir)/config"',
        'echo "url=$(git config remote.origin.url) push=$(git config remote.origin.pushurl)"',
        'git log --format=%s',
        'echo x > new.txt && git status --porcelain && git diff --stat HEAD',
      ].join('; '),
      { cwd: tree },
    );
    expect(result.sandboxed).toBe(true);
    expect(result.output).not.toContain('SECRET');
    expect(result.output).toContain('url=https://host.test/r.git push=https://host.test/r.git\n');
    expect(result.output).toContain('remote.upstream.url=git@host.test:owner/r.git\n');
    expect(result.output).toContain('user.name=Kept Name\n');
    expect(result.output).toContain('http.proxy=http://proxy.test:3128\n');
    expect(result.output).toMatch(/\nbase\n\?\? new\.txt\n$/);
    // The user's own file is untouched: the sandbox binds a copy over it.
    expect(readFileSync(config, 'utf8')).toBe(before);
  });

  test('a checkout of its own (actions/checkout): its persisted token is not in the .git/config a command reads', async () => {
    const ws = tempDir('ensemble-checkout-');
    git(ws, 'init', '-q');
    git(ws, 'commit', '-q', '--allow-empty', '-m', 'checked out');
    git(ws, 'config', 'http.https://github.com/.extraheader', 'AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46U0VDUkVU');
    git(ws, 'remote', 'add', 'origin', 'https://x-access-token:ghs_SECRET@github.com/o/r');
    const result = await sh('cat .git/config; git remote -v; git log --format=%s', { cwd: ws });
    expect(result.output).not.toMatch(/SECRET|eC1hY2Nlc3M|ghs_/);
    expect(result.output).toContain('origin\thttps://github.com/o/r (fetch)\n');
    expect(result.output).toMatch(/checked out\n$/);
  });

  test("the user's home and other homes are not there, beyond the toolchains given back", async () => {
    const realHome = realpathSync(os.homedir());
    const env = withEnv({ HOME: tempDir('ensemble-otherhome-') });
    try {
      // What a command may see of a home directory: the directories that hold a toolchain on PATH.
      const toolchainDirs = [...(process.env.PATH ?? '').split(':'), ...Object.values(toolchainHomes())]
        .filter((entry) => path.isAbsolute(entry))
        .flatMap((entry) => {
          try {
            return [realpathSync(entry)];
          } catch {
            return [];
          }
        });
      const leadsToToolchain = (dir: string) =>
        toolchainDirs.some((entry) => entry === dir || entry.startsWith(`${dir}/`) || dir.startsWith(`${entry}/`));
      const homes = [...new Set([realHome, '/root', ...listed('/home').map((name) => path.join('/home', name))])];
      const result = await sh(homes.map((dir) => `echo "== ${dir}"; ls -A ${dir} 2>/dev/null`).join('; '), {
        cwd: tempDir('ensemble-sandbox-'),
      });
      expect(result.sandboxed).toBe(true);
      const shown = new Map<string, string[]>();
      let current = '';
      for (const line of result.output.split('\n').filter(Boolean)) {
        if (line.startsWith('== ')) {
          current = line.slice(3);
          shown.set(current, []);
        } else shown.get(current)?.push(line);
      }
      // The test sees something in at least one of them outside (the real home is never empty here).
      expect(homes.flatMap(listed).length).toBeGreaterThan(0);
      for (const dir of homes) {
        const unexpected = (shown.get(dir) ?? []).filter((name) => !leadsToToolchain(path.join(dir, name)));
        expect({ dir, unexpected }).toEqual({ dir, unexpected: [] });
      }
    } finally {
      env.restore();
    }
  });
});

function listed(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

describe('the sanitised git configuration', () => {
  test('removes credential keys and userinfo, keeps the rest', () => {
    expect(
      sanitisingPlan([
        { key: 'core.bare', value: 'false' },
        { key: 'remote.origin.url', value: 'https://u:p@h/r.git' },
        { key: 'remote.origin.url', value: 'https://u:p@h/r.git' },
        { key: 'remote.fork.url', value: 'ssh://git@h/r.git' },
        { key: 'remote.ftp.url', value: 'ssh://git:hunter2@h/r.git' },
        { key: 'remote.tok.url', value: 'https://ghp_abc@h/r.git' },
        { key: 'remote.scp.url', value: 'git@h:o/r.git' },
        { key: 'http.https://h/.extraheader', value: 'AUTHORIZATION: x' },
        { key: 'credential.https://h.username', value: 'me' },
        { key: 'url.https://t@h/.insteadof', value: 'https://h/' },
        { key: 'include.path', value: '../x' },
        { key: 'includeif.onbranch:main.path', value: 'y' },
        { key: 'github.token', value: 'abc' },
        { key: 'core.fsmonitor', value: null },
      ]),
    ).toEqual({
      unset: [
        'http.https://h/.extraheader',
        'credential.https://h.username',
        'url.https://t@h/.insteadof',
        'include.path',
        'includeif.onbranch:main.path',
        'github.token',
      ],
      rewrite: [
        { key: 'remote.origin.url', from: 'https://u:p@h/r.git', to: 'https://h/r.git' },
        { key: 'remote.ftp.url', from: 'ssh://git:hunter2@h/r.git', to: 'ssh://h/r.git' },
        { key: 'remote.tok.url', from: 'https://ghp_abc@h/r.git', to: 'https://h/r.git' },
      ],
    });
  });

  test('a configuration git cannot read is seen empty, with a note saying why', async () => {
    const dir = tempDir('ensemble-gitconfig-');
    const original = path.join(dir, 'config');
    writeFileSync(original, '[remote "origin"]\n\turl = https://x:SECRET@h/r.git\n[broken\n');
    const seen = await sanitiseGitConfig(original, path.join(dir, 'work'));
    expect(seen.content).toBe('');
    expect(seen.note).toMatch(
      new RegExp(`^${original}: commands see it empty, because its credentials could not be removed`),
    );
  });
});
