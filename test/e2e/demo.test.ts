/**
 * `npm run demo` on a fresh machine: Node and git, no bubblewrap (hidden from PATH here). The demo
 * still makes its branch, and says loudly, before and after the run, that its commands ran
 * without the sandbox; ensemble itself says so too. With ENSEMBLE_REQUIRE_SANDBOX=1 (CI) it does
 * not fall back.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { GIT_TEST_ENV, gitText } from '../support/git-fixture.ts';
import { node24, repoRoot } from '../support/node24.ts';
import { pathWithout } from '../support/sandbox-machine.ts';

const cleanup: string[] = [];
afterEach(() => {
  for (const dir of cleanup.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function demo(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      node24(),
      ['scripts/demo.ts'],
      { cwd: repoRoot, env, encoding: 'utf8', maxBuffer: 20_000_000 },
      (error, stdout, stderr) => {
        let code = 0;
        if (error) code = typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A machine without bubblewrap: every program on PATH but bwrap, git isolated from the user's configuration. */
function freshMachine(extra: Record<string, string> = {}): Record<string, string> {
  const without = pathWithout(['bwrap']);
  cleanup.push(without.root);
  return {
    PATH: without.path,
    HOME: process.env['HOME'] ?? '/tmp',
    GIT_CONFIG_GLOBAL: GIT_TEST_ENV['GIT_CONFIG_GLOBAL'] as string,
    GIT_CONFIG_NOSYSTEM: '1',
    ...extra,
  };
}

/** The copy the demo made (it keeps it for the user to look at): removed after the test. */
function demoRepository(stdout: string): string {
  const repo = /^Repository: (\S+) /m.exec(stdout)?.[1];
  if (!repo) throw new Error(`the demo did not name its repository:\n${stdout}`);
  cleanup.push(dirname(repo));
  return repo;
}

test('without bubblewrap, the demo makes its branch and says loudly that it ran without the sandbox', async () => {
  const { code, stdout, stderr } = await demo(freshMachine());
  const repo = demoRepository(stdout);
  expect(code, `${stdout}\n${stderr}`).toBe(0);

  const branch = /^Commits on (ensemble\/\S+):$/m.exec(stdout)?.[1];
  expect(branch, stdout).toBeDefined();
  expect(gitText(repo, ['branch', '--list', 'ensemble/*', '--format=%(refname:short)'])).toBe(branch);
  expect(gitText(repo, ['log', '--format=%s', `main..${branch}`]).split('\n')).toHaveLength(4);

  // The demo's own warning, before the run and again at the end, where a reader looks.
  const warning = "⚠️  NO SANDBOX: bubblewrap not found. This demo runs the agents' commands and the repository's tests";
  expect(stderr.split(warning)).toHaveLength(3);
  expect(stderr).toContain('WITHOUT isolation (`sandbox: none`)');
  expect(stderr).toContain('bash scripts/install-sandbox.sh');
  // ensemble's own line, as every run with `sandbox: none` prints it.
  expect(stderr).toContain('sandbox: none: commands run WITHOUT bubblewrap');
}, 300_000);

test('without bubblewrap and with ENSEMBLE_REQUIRE_SANDBOX=1 (as in CI), the demo does not fall back', async () => {
  const { code, stdout, stderr } = await demo(freshMachine({ ENSEMBLE_REQUIRE_SANDBOX: '1' }));
  demoRepository(stdout);
  expect(code).toBe(1);
  expect(stderr).not.toContain('NO SANDBOX');
  expect(stdout).toContain('bubblewrap not found. ensemble runs repository and agent commands only inside bubblewrap');
  expect(stderr).toContain('The demo did not produce a branch');
}, 300_000);
