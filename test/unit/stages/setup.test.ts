import { existsSync, mkdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runSandboxed } from '../../../src/agent/sandbox.ts';
import { EnsembleConfig } from '../../../src/contracts/config.ts';
import {
  runEnvironment,
  runSetupCommands,
  type SavedInstall,
  SETUP_RETRY_DELAYS_MS,
} from '../../../src/stages/setup.ts';
import { validRun } from '../../support/documents.ts';
import { cleanupTemps, createRepo, gitText, isolateGit, tempDir } from '../../support/git-fixture.ts';

beforeAll(isolateGit);
afterAll(cleanupTemps);

/** A setup that installs a program into node_modules (with a relative .bin link) and a pinned tool into HOME. */
function installing(counter: string): string[] {
  return [
    'mkdir -p node_modules/.bin node_modules/tool',
    "printf '#!/bin/sh\\necho tool-ran\\n' > node_modules/tool/cli.sh && chmod +x node_modules/tool/cli.sh",
    'ln -s ../tool/cli.sh node_modules/.bin/tool',
    'mkdir -p "$HOME/.cache/pm" && echo pinned > "$HOME/.cache/pm/v9"',
    `echo ran >> ${counter} && echo stray > stray.txt`,
  ];
}

function environmentFor(setup: string[], saved?: SavedInstall, chooseIn?: (repoDir: string) => string) {
  const repo = createRepo({ '.gitignore': 'node_modules/\n', 'README.md': '# x\n' });
  const messages: string[] = [];
  const ctx = {
    config: EnsembleConfig.parse({ setup }),
    run: validRun({ baseSha: repo.head() }),
    repoDir: repo.dir,
    commands: { isolation: 'none' as const },
    reporter: { info: (m: string) => messages.push(m), warn: (m: string) => messages.push(m), event: () => {} },
  };
  const options = { ...(saved ? { saved } : {}), ...(chooseIn ? { chooseIn: chooseIn(repo.dir) } : {}) };
  return { repo, environment: runEnvironment(ctx, options), messages };
}

const run = (command: string, cwd: string, home: string) =>
  runSandboxed({ command, cwd, scratchDir: home, timeoutMs: 20_000, maxOutputBytes: 10_000, isolation: 'none' });

describe('runEnvironment', () => {
  test('installs once, then gives each worktree and HOME its own copy, links kept relative', async () => {
    const counter = join(tempDir(), 'runs');
    const { repo, environment } = environmentFor(installing(counter));
    const [a, b, homeA, homeB] = [tempDir(), tempDir(), tempDir(), tempDir()];

    const report = await environment.prepare();
    expect(report).toMatchObject({ status: 'done', failure: null, choice: { source: 'configuration' } });
    expect(await environment.provision(a, homeA)).toBeNull();
    expect(await environment.provision(b, homeB)).toBeNull();
    expect(await environment.prepare()).toBe(report);
    // One install for the run, however many worktrees.
    expect(readFileSync(counter, 'utf8')).toBe('ran\n');

    expect(readlinkSync(join(a, 'node_modules/.bin/tool'))).toBe('../tool/cli.sh');
    const result = await run('node_modules/.bin/tool && cat "$HOME/.cache/pm/v9"', a, homeA);
    expect(result.output).toBe('tool-ran\npinned\n');
    // What the setup wrote outside ignored paths is not part of the environment.
    expect(existsSync(join(a, 'stray.txt'))).toBe(false);

    // A copy: what one task's commands change in node_modules, another task does not see.
    writeFileSync(join(a, 'node_modules/tool/cli.sh'), '#!/bin/sh\necho tampered\n');
    expect((await run('node_modules/.bin/tool', b, homeB)).output).toBe('tool-ran\n');

    await environment.close();
    expect(gitText(repo.dir, ['worktree', 'list'])).not.toContain('ensemble-setup-');
  });

  test('a failed setup: the command, its exit code and last lines, for every worktree; it runs once', async () => {
    const counter = join(tempDir(), 'runs');
    const { environment } = environmentFor([
      'true',
      `echo ran >> ${counter}; echo resolving; echo "npm error could not resolve left-pad" >&2; exit 7`,
      'echo never',
    ]);
    const report = await environment.prepare();
    expect(report.status).toBe('failed');
    expect(report.failure).toMatchObject({ exitCode: 7, timedOut: false, how: 'exited with 7' });
    expect(report.failure?.command).toContain('exit 7');
    expect(report.failure?.outputTail).toContain('npm error could not resolve left-pad');
    const problem = await environment.provision(tempDir(), tempDir());
    expect(problem).toContain('exited with 7:\n');
    expect(problem).toContain('could not resolve left-pad');
    expect(await environment.provision(tempDir(), tempDir())).toBe(problem);
    expect(readFileSync(counter, 'utf8')).toBe('ran\n');
    await environment.close();
  });

  test("chosen in the run's base checkout: a worktree of the setup's own is made only to install in", async () => {
    const worktrees = (repoDir: string) => gitText(repoDir, ['worktree', 'list']).split('\n').length;
    // The user's checkout is clean and at the base: it stands in for the session's base worktree.
    const nothing = environmentFor([], undefined, (repoDir) => {
      // No worktree can be made in this repository: `.git/worktrees` is a file.
      writeFileSync(join(repoDir, '.git', 'worktrees'), '');
      return repoDir;
    });
    expect(await nothing.environment.prepare()).toMatchObject({ status: 'none', failure: null });
    await nothing.environment.close();

    const installs = environmentFor(['mkdir -p node_modules && echo x > node_modules/x'], undefined, (d) => d);
    expect((await installs.environment.prepare()).status).toBe('done');
    expect(worktrees(installs.repo.dir)).toBe(2);
    await installs.environment.close();
    expect(worktrees(installs.repo.dir)).toBe(1);
  });

  test('without setup or anything to detect: nothing to install, worktrees untouched', async () => {
    const { environment } = environmentFor([]);
    expect((await environment.prepare()).status).toBe('none');
    const dir = tempDir();
    expect(await environment.provision(dir, tempDir())).toBeNull();
    await environment.close();
  });
});

describe("runEnvironment with a saved install (the plan job's, on GitHub)", () => {
  test('one that fits is given to every worktree and nothing is installed; the report names its key', async () => {
    const counter = join(tempDir(), 'runs');
    const saved: SavedInstall = {
      restore: async (setup, dir, home) => {
        expect(setup.commands).toEqual(installing(counter));
        mkdirSync(join(dir, 'node_modules/saved'), { recursive: true });
        writeFileSync(join(dir, 'node_modules/saved/index.js'), 'saved\n');
        writeFileSync(join(home, '.saved-home'), 'home\n');
        return { reused: true, key: 'ensemble-setup-v1-k', from: 'the plan job' };
      },
    };
    const { environment, messages } = environmentFor(installing(counter), saved);
    const report = await environment.prepare();
    expect(report).toMatchObject({ status: 'done', saved: { reused: true, key: 'ensemble-setup-v1-k' } });
    const [dir, home] = [tempDir(), tempDir()];
    expect(await environment.provision(dir, home)).toBeNull();
    expect(readFileSync(join(dir, 'node_modules/saved/index.js'), 'utf8')).toBe('saved\n');
    expect(readFileSync(join(home, '.saved-home'), 'utf8')).toBe('home\n');
    expect(existsSync(counter)).toBe(false);
    expect(messages).toContain('setup: reused from the plan job (key ensemble-setup-v1-k); nothing installed here');
    expect(await environment.report()).toBe(report);
    await environment.close();
  });

  test.each([
    ['does not fit', async () => ({ reused: false as const, why: 'the lockfiles differ' }), 'the lockfiles differ'],
    [
      'fails half-way',
      async () => {
        throw new Error('tar exited with 2');
      },
      'restoring it failed: tar exited with 2',
    ],
  ])('one that %s: the commands run in a clean worktree, and the report says why', async (_, verdict, why) => {
    const counter = join(tempDir(), 'runs');
    const saved: SavedInstall = {
      restore: async (_setup, dir) => {
        mkdirSync(join(dir, 'node_modules/half-written'), { recursive: true });
        return verdict();
      },
    };
    const { environment, messages } = environmentFor(installing(counter), saved);
    expect(await environment.prepare()).toMatchObject({ status: 'done', saved: { reused: false, why } });
    expect(readFileSync(counter, 'utf8')).toBe('ran\n');
    const dir = tempDir();
    expect(await environment.provision(dir, tempDir())).toBeNull();
    expect(existsSync(join(dir, 'node_modules/tool/cli.sh'))).toBe(true);
    expect(existsSync(join(dir, 'node_modules/half-written'))).toBe(false);
    expect(messages).toContain(`setup: no reusable install (${why}); installing here`);
    await environment.close();
  });
});

describe('runSetupCommands after a passing network failure', () => {
  /** A setup command that prints `failing` output and fails on its first `failures` runs, counted in a file outside the checkout. */
  function flaky(failures: number, failing: string): { command: string; counter: string } {
    const counter = join(tempDir(), 'attempts');
    const command =
      `n=$(cat ${counter} 2>/dev/null || echo 0); n=$((n+1)); echo $n > ${counter}; ` +
      `if [ $n -le ${failures} ]; then printf '%s\\n' ${JSON.stringify(failing)}; exit 1; fi; echo installed`;
    return { command, counter };
  }

  async function setup(command: string) {
    const repo = createRepo({ 'README.md': '# x\n' });
    const waits: number[] = [];
    const progress: string[] = [];
    const failure = await runSetupCommands({ commands: { isolation: 'none' } }, repo.dir, [command], {
      timeoutMs: 20_000,
      home: tempDir(),
      progress: (m) => progress.push(m),
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    return { failure, waits, progress };
  }

  const E503 = 'npm ERR! code E503\nnpm ERR! 503 Service Unavailable - GET https://registry.npmjs.org/left-pad';

  test('a registry 503 is tried again, and the setup succeeds', async () => {
    const { command, counter } = flaky(2, E503);
    const { failure, waits, progress } = await setup(command);
    expect(failure).toBeNull();
    expect(readFileSync(counter, 'utf8').trim()).toBe('3');
    expect(waits).toEqual([...SETUP_RETRY_DELAYS_MS]);
    expect(progress.filter((m) => m.includes('trying again'))).toHaveLength(2);
    expect(progress[1]).toContain('(E503)');
  });

  test('a failure that is not the network is not tried again', async () => {
    const { command, counter } = flaky(
      5,
      'npm ERR! code E404\nnpm ERR! 404 Not Found - GET https://registry.npmjs.org/no-such-package',
    );
    const { failure, waits } = await setup(command);
    expect(failure).toMatchObject({ exitCode: 1, how: 'exited with 1' });
    expect(readFileSync(counter, 'utf8').trim()).toBe('1');
    expect(waits).toEqual([]);
  });

  test('a network that keeps failing ends the setup, saying it was tried again', async () => {
    const { command, counter } = flaky(10, 'fatal: unable to access: Could not resolve host: github.com');
    const { failure, waits } = await setup(command);
    expect(readFileSync(counter, 'utf8').trim()).toBe(String(SETUP_RETRY_DELAYS_MS.length + 1));
    expect(waits).toHaveLength(SETUP_RETRY_DELAYS_MS.length);
    expect(failure?.how).toBe('exited with 1 (after 3 attempts: the network kept failing)');
    expect(failure?.outputTail).toContain('Could not resolve host');
  });
});
