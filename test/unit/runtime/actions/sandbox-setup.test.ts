import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import type { BubblewrapProbe } from '../../../../src/agent/sandbox.ts';
import { requireSandbox, resetBubblewrapProbe } from '../../../../src/agent/sandbox.ts';
import { ARTIFACTS } from '../../../../src/artifacts/names.ts';
import { RunDirectory } from '../../../../src/artifacts/run-directory.ts';
import type { ArtifactStore } from '../../../../src/artifacts/store.ts';
import type { ActionsCore, ActionsJob } from '../../../../src/runtime/actions/environment.ts';
import { parseActionSettings } from '../../../../src/runtime/actions/inputs.ts';
import {
  actionsSandboxSetup,
  ensureSandbox,
  installScriptPath,
  runInstallScript,
  type SandboxSetupDeps,
  SandboxSetupError,
  type ScriptRun,
  scriptEnv,
} from '../../../../src/runtime/actions/sandbox-setup.ts';
import { runCodeAction, runTestAction } from '../../../../src/runtime/actions/stages.ts';
import { isUserError } from '../../../../src/util/errors.ts';
import { repoRoot } from '../../../support/node24.ts';
import { INSTALL_SANDBOX, sandboxMachine } from '../../../support/sandbox-machine.ts';

const works: BubblewrapProbe = { available: true, path: '/usr/bin/bwrap' };
const refused: BubblewrapProbe = {
  available: false,
  reason: 'bubblewrap cannot start a sandbox here (bwrap: setting up uid map: Permission denied)',
};

/** Injected probe answers (in order) and script result; records what ran and what was logged. */
function fakeSetup(probes: BubblewrapProbe[], script: ScriptRun | null = null) {
  const seen = { probes: 0, scripts: 0, info: [] as string[], detail: [] as string[] };
  const deps: SandboxSetupDeps = {
    probe: async () => {
      const answer = probes[seen.probes++];
      if (!answer) throw new Error('probed more often than expected');
      return answer;
    },
    runScript: async () => {
      seen.scripts++;
      if (!script) throw new Error('the script ran, and it should not have');
      return script;
    },
    info: (m) => seen.info.push(m),
    detail: (t) => seen.detail.push(t),
  };
  return { deps, seen };
}

const ADMIN_MESSAGE =
  'ensemble cannot use bubblewrap, its command sandbox, on this runner: AppArmor restricts unprivileged user ' +
  'namespaces here, and this job cannot load a profile that allows them for bwrap.\n' +
  'sudo apparmor_parser -r /etc/apparmor.d/ensemble-bwrap\n' +
  'Or set `sandbox: none` in .github/ensemble.yml …';

describe('ensureSandbox', () => {
  test('`sandbox: none`: nothing probed, nothing run', async () => {
    const { deps, seen } = fakeSetup([]);
    await expect(ensureSandbox({ sandbox: 'none' }, deps)).resolves.toBe('not required');
    expect(seen).toMatchObject({ probes: 0, scripts: 0 });
    expect(seen.info).toEqual([
      'sandbox: none in the configuration: commands run without bubblewrap, nothing to set up',
    ]);
  });

  test('bubblewrap works: the script does not run; one line says so', async () => {
    const { deps, seen } = fakeSetup([works]);
    await expect(ensureSandbox({ sandbox: 'bubblewrap' }, deps)).resolves.toBe('already works');
    expect(seen).toMatchObject({ probes: 1, scripts: 0 });
    expect(seen.info).toEqual(['bubblewrap works (/usr/bin/bwrap): nothing to set up']);
  });

  test('bubblewrap refused: the script runs, the probe confirms, one line says what was done', async () => {
    const outcome = 'loaded the AppArmor profile ensemble-bwrap for /usr/bin/bwrap (/etc/apparmor.d/ensemble-bwrap)';
    const { deps, seen } = fakeSetup([refused, works], {
      exitCode: 0,
      stdout: `${outcome}\n`,
      stderr: 'writing /etc/apparmor.d/ensemble-bwrap\n',
    });
    await expect(ensureSandbox({ sandbox: 'bubblewrap' }, deps)).resolves.toBe('set up');
    expect(seen).toMatchObject({ probes: 2, scripts: 1 });
    expect(seen.info).toEqual([`sandbox set up: ${outcome} (before: ${refused.reason})`]);
    expect(seen.detail).toEqual(['writing /etc/apparmor.d/ensemble-bwrap']);
  });

  test("the script fails: a user error with the script's instructions, as they are", async () => {
    const { deps, seen } = fakeSetup([refused], { exitCode: 1, stdout: `${ADMIN_MESSAGE}\n`, stderr: '' });
    const setup = ensureSandbox({ sandbox: 'bubblewrap' }, deps);
    await expect(setup).rejects.toBeInstanceOf(SandboxSetupError);
    const error = await setup.catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toBe(ADMIN_MESSAGE);
    expect(seen.info).toEqual([]);
  });

  test('the script fails without a word (killed): the error still says what to do', async () => {
    const { deps } = fakeSetup([refused], { exitCode: null, stdout: '', stderr: 'spawn bash ENOENT' });
    await expect(ensureSandbox({ sandbox: 'bubblewrap' }, deps)).rejects.toThrow(
      /scripts\/install-sandbox\.sh failed \(exit none\).*Permission denied.*`sandbox: none`/s,
    );
  });

  test('the script succeeds but bubblewrap still does not work: a user error, not a silent pass', async () => {
    const { deps } = fakeSetup([refused, refused], { exitCode: 0, stdout: 'installed bubblewrap\n', stderr: '' });
    await expect(ensureSandbox({ sandbox: 'bubblewrap' }, deps)).rejects.toThrow(
      /reported "installed bubblewrap", yet bubblewrap cannot start a sandbox.*`sandbox: none`/s,
    );
  });
});

describe('the production pieces', () => {
  const savedPath = process.env['PATH'];
  afterEach(() => {
    process.env['PATH'] = savedPath;
    resetBubblewrapProbe();
  });

  test("the script is found next to the bundle (dist/'s parent) and next to the sources", () => {
    expect(installScriptPath(pathToFileURL(join(repoRoot, 'dist/index.js')).href)).toBe(INSTALL_SANDBOX);
    expect(installScriptPath()).toBe(INSTALL_SANDBOX);
    const elsewhere = pathToFileURL(join(mkdtempSync(join(tmpdir(), 'ensemble-noscript-')), 'dist/x.js')).href;
    expect(() => installScriptPath(elsewhere)).toThrow(/scripts\/install-sandbox\.sh not found above/);
  });

  test("the script gets no credential from the job's environment", () => {
    const env = scriptEnv({
      PATH: '/usr/bin:/bin',
      HOME: '/home/runner',
      ANTHROPIC_API_KEY: 'sk-ant-secret',
      GITHUB_TOKEN: 'ghs_secret',
      ACTIONS_RUNTIME_TOKEN: 'runtime-secret',
      INPUT_API_KEY: 'sk-secret',
    });
    expect(env).toEqual({ PATH: '/usr/bin:/bin', HOME: '/home/runner', DEBIAN_FRONTEND: 'noninteractive' });
  });

  test('the real script and the real probe on a pretend Ubuntu 24.04: refused, set up, then usable by commands', async () => {
    const machine = sandboxMachine({ uid: 1001, sudo: 'passwordless', bwrap: 'restricted', restriction: '1' });
    process.env['PATH'] = machine.bin;
    const info: string[] = [];
    const production = actionsSandboxSetup({ info: (m) => info.push(m) }, process.env);
    // The production probe with the script run against the pretend machine's files.
    const deps: SandboxSetupDeps = { ...production, runScript: () => runInstallScript(INSTALL_SANDBOX, machine.env) };
    // A failure cached by an earlier probe in this process must not outlive the setup.
    await expect(requireSandbox('required')).rejects.toThrow(/Permission denied/);

    await expect(ensureSandbox({ sandbox: 'bubblewrap' }, deps)).resolves.toBe('set up');
    // One line says what was done; the tools' output before it is inert (workflow commands stopped).
    expect(info.at(-1)).toMatch(
      /^sandbox set up: loaded the AppArmor profile ensemble-bwrap for .*Permission denied\)\)$/,
    );
    expect(info.slice(0, -1)).toEqual([
      expect.stringMatching(/^::stop-commands::\w+$/),
      expect.stringContaining('loading '),
      expect.stringMatching(/^::\w+::$/),
    ]);
    await expect(requireSandbox('required')).resolves.toBeUndefined();
  });

  test("the real script's refusal becomes the error's message", async () => {
    const machine = sandboxMachine({ uid: 1001, sudo: 'password', bwrap: 'missing', restriction: '1' });
    const run = await runInstallScript(INSTALL_SANDBOX, machine.env);
    expect(run.exitCode).toBe(1);
    const { deps } = fakeSetup([{ available: false, reason: 'bubblewrap not found' }], run);
    await expect(ensureSandbox({ sandbox: 'bubblewrap' }, deps)).rejects.toThrow(
      /^ensemble cannot use bubblewrap.*sudo apt-get install -y bubblewrap.*`sandbox: none`/s,
    );
  });
});

describe('the code and test actions set the sandbox up before any stage work', () => {
  const noArtifacts: ArtifactStore = {
    uploadArtifact: () => Promise.reject(new Error('no upload expected')),
    downloadArtifact: (name) => Promise.reject(new Error(`downloaded ${name}`)),
    downloadDocument: (_kind, name) => Promise.reject(new Error(`downloaded ${name}`)),
  };

  function actionDeps(configText: string | null, sandboxSetup: SandboxSetupDeps) {
    const workspace = mkdtempSync(join(tmpdir(), 'ensemble-sandbox-action-'));
    if (configText !== null) {
      mkdirSync(join(workspace, '.github'));
      writeFileSync(join(workspace, '.github/ensemble.yml'), configText);
    }
    const core = { info: () => {}, warning: () => {} } as unknown as ActionsCore;
    const job = { workspace } as ActionsJob;
    return {
      core,
      job,
      artifacts: noArtifacts,
      runDir: RunDirectory.at(join(workspace, 'run')),
      env: {},
      sandboxSetup,
    };
  }
  const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';

  test.each([
    [
      'code',
      (deps: ReturnType<typeof actionDeps>) => runCodeAction(parseActionSettings('code', inputs({ task: 't' })), deps),
    ],
    ['test', (deps: ReturnType<typeof actionDeps>) => runTestAction(parseActionSettings('test', inputs({})), deps)],
  ])('%s: a runner where it cannot be set up fails before the plan is downloaded', async (_entry, run) => {
    const { deps: refusing } = fakeSetup([refused], { exitCode: 1, stdout: ADMIN_MESSAGE, stderr: '' });
    await expect(run(actionDeps(null, refusing))).rejects.toThrow(ADMIN_MESSAGE);

    // With `sandbox: none` nothing is set up, and the stage goes on to its first download.
    const { deps: none, seen } = fakeSetup([]);
    await expect(run(actionDeps('sandbox: none\n', none))).rejects.toThrow(`downloaded ${ARTIFACTS.plan}`);
    expect(seen.probes).toBe(0);
  });
});
