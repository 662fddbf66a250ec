import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { INSTALL_SANDBOX, type Machine, type MachineOptions, sandboxMachine } from '../../support/sandbox-machine.ts';

/** Runs the real script on a pretend machine, as the actions and CI do: `bash scripts/install-sandbox.sh`. */
function install(machine: Machine, env: Record<string, string> = {}) {
  const result = spawnSync('bash', [INSTALL_SANDBOX], { env: { ...machine.env, ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ubuntu2404: MachineOptions = { uid: 1001, sudo: 'passwordless', bwrap: 'restricted', restriction: '1' };
const PROBE =
  '--unshare-all --die-with-parent --new-session --cap-drop ALL --ro-bind / / --proc /proc --dev /dev --tmpfs /tmp -- true';

describe('scripts/install-sandbox.sh', () => {
  test('bubblewrap that works is left alone: no package, no profile, no sudo', () => {
    const machine = sandboxMachine({ ...ubuntu2404, bwrap: 'works' });
    const run = install(machine);
    expect(run).toMatchObject({ status: 0, stdout: 'bubblewrap works: nothing to do\n' });
    // The probe is the one src/agent/sandbox.ts starts commands with.
    expect(machine.calls()).toEqual([`bwrap ${PROBE}`]);
    expect(existsSync(join(machine.apparmorDir, 'ensemble-bwrap'))).toBe(false);
  });

  test("AppArmor's restriction is lifted for bwrap alone, with a profile loaded through sudo -n; sysctl is never run", () => {
    const machine = sandboxMachine(ubuntu2404);
    const run = install(machine);
    const profile = join(machine.apparmorDir, 'ensemble-bwrap');
    const bwrap = join(machine.bin, 'bwrap');
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toBe(`loaded the AppArmor profile ensemble-bwrap for ${bwrap} (${profile})\n`);

    const text = readFileSync(profile, 'utf8');
    // Exactly one profile, attached to bwrap's path, allowing user namespaces and nothing else.
    expect(text.match(/^profile .*$/gm)).toEqual([`profile ensemble-bwrap ${bwrap} flags=(unconfined) {`]);
    expect(text).toMatch(/^abi <abi\/4\.0>,$/m);
    expect(text).toMatch(/^ {2}userns,$/m);
    expect(text).toMatch(/^ {2}include if exists <local\/ensemble-bwrap>$/m);
    expect(statSync(profile).mode & 0o777).toBe(0o644);

    const calls = machine.calls();
    expect(calls).toContain(`apparmor_parser -r ${profile}`);
    expect(calls).toContain(`sudo -n ${join(machine.bin, 'apparmor_parser')} -r ${profile}`);
    expect(calls.filter((c) => c.startsWith('sysctl') || c.includes('apparmor_restrict'))).toEqual([]);
    expect(calls.filter((c) => c.startsWith('apt-get'))).toEqual([]);
    // Probed before, and again with the profile loaded.
    expect(calls.filter((c) => c.startsWith('bwrap'))).toHaveLength(2);
  });

  test('a second run changes nothing; a profile already on disk is only loaded again, not rewritten', () => {
    const machine = sandboxMachine(ubuntu2404);
    expect(install(machine).status).toBe(0);
    const profile = join(machine.apparmorDir, 'ensemble-bwrap');
    const written = readFileSync(profile, 'utf8');
    const before = machine.calls().length;

    const again = install(machine);
    expect(again).toMatchObject({ status: 0, stdout: 'bubblewrap works: nothing to do\n' });
    expect(
      machine
        .calls()
        .slice(before)
        .map((c) => c.split(' ')[0]),
    ).toEqual(['bwrap']);
    expect(readFileSync(profile, 'utf8')).toBe(written);

    // After a reboot without AppArmor's service (the profile on disk, not loaded): loaded, not written.
    const fresh = sandboxMachine(ubuntu2404);
    writeFileSync(join(fresh.apparmorDir, 'ensemble-bwrap'), written.replaceAll(machine.root, fresh.root));
    expect(install(fresh).status).toBe(0);
    expect(fresh.calls().filter((c) => c.startsWith('sudo'))).toEqual([
      'sudo -n true',
      `sudo -n ${join(fresh.bin, 'apparmor_parser')} -r ${join(fresh.apparmorDir, 'ensemble-bwrap')}`,
    ]);
  });

  test('as root it needs no sudo', () => {
    const machine = sandboxMachine({ ...ubuntu2404, uid: 0, sudo: 'password' });
    expect(install(machine).status).toBe(0);
    expect(machine.calls().filter((c) => c.startsWith('sudo'))).toEqual([]);
    expect(machine.calls()).toContain(`apparmor_parser -r ${join(machine.apparmorDir, 'ensemble-bwrap')}`);
  });

  test('without passwordless sudo it fails, giving the administrator the commands and the opt-out', () => {
    const machine = sandboxMachine({ ...ubuntu2404, sudo: 'password' });
    const run = install(machine);
    const profile = join(machine.apparmorDir, 'ensemble-bwrap');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('AppArmor restricts unprivileged user namespaces here');
    expect(run.stdout).toContain('it is not root and has no passwordless sudo');
    expect(run.stdout).toContain(`\nsudo tee ${profile} >/dev/null <<'EOF'\n`);
    expect(run.stdout).toContain(`\nprofile ensemble-bwrap ${join(machine.bin, 'bwrap')} flags=(unconfined) {\n`);
    expect(run.stdout).toContain(`\nsudo apparmor_parser -r ${profile}\n`);
    expect(run.stdout).toContain('Do not set kernel.apparmor_restrict_unprivileged_userns=0');
    expect(run.stdout).toContain('set `sandbox: none` in .github/ensemble.yml');
    expect(existsSync(profile)).toBe(false);
    expect(machine.calls().filter((c) => c.startsWith('apparmor_parser') || c.startsWith('sysctl'))).toEqual([]);
  });

  test('the commands an administrator is given, run as they are, load the profile the script writes', () => {
    const machine = sandboxMachine({ ...ubuntu2404, sudo: 'password' });
    const refused = install(machine).stdout;
    const commands = /^sudo tee [\s\S]*?^sudo apparmor_parser -r .*$/m.exec(refused)?.[0];
    expect(commands).toBeDefined();
    // The administrator's sudo works; the machine's stub asks for a password.
    const admin = spawnSync('bash', ['-euo', 'pipefail', '-c', `sudo() { "$@"; }\n${commands}`], {
      env: machine.env,
      encoding: 'utf8',
    });
    expect(admin.status, admin.stderr).toBe(0);
    expect(install(machine)).toMatchObject({ status: 0, stdout: 'bubblewrap works: nothing to do\n' });

    const scripted = sandboxMachine(ubuntu2404);
    expect(install(scripted).status).toBe(0);
    const profile = (m: Machine) => readFileSync(join(m.apparmorDir, 'ensemble-bwrap'), 'utf8').replaceAll(m.root, '');
    expect(profile(machine)).toBe(profile(scripted));
  });

  test('bubblewrap missing: installed with apt-get through sudo -n', () => {
    const machine = sandboxMachine({ ...ubuntu2404, bwrap: 'missing', afterInstall: 'works' });
    const run = install(machine);
    expect(run).toMatchObject({ status: 0, stdout: 'installed bubblewrap\n' });
    expect(machine.calls().filter((c) => c.startsWith('sudo -n env'))).toEqual([
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -qq',
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends bubblewrap',
    ]);
    expect(existsSync(join(machine.apparmorDir, 'ensemble-bwrap'))).toBe(false);
  });

  test('bubblewrap missing on Ubuntu 24.04: installed, then allowed by the profile', () => {
    const machine = sandboxMachine({ ...ubuntu2404, bwrap: 'missing', afterInstall: 'restricted' });
    const run = install(machine);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^installed bubblewrap; loaded the AppArmor profile ensemble-bwrap for /);
  });

  test('bubblewrap missing and no way to install it: the install command and the opt-out', () => {
    const machine = sandboxMachine({ ...ubuntu2404, bwrap: 'missing', sudo: 'password' });
    const run = install(machine);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('bubblewrap is not installed, and this job cannot install it');
    expect(run.stdout).toContain('  sudo apt-get install -y bubblewrap');
    expect(run.stdout).toContain('set `sandbox: none` in .github/ensemble.yml');
    expect(machine.calls().filter((c) => c.startsWith('apt-get'))).toEqual([]);
  });

  test('no apparmor_parser: fails naming the package and the profile commands', () => {
    const machine = sandboxMachine(ubuntu2404);
    const run = install(machine, { ENSEMBLE_APPARMOR_PARSER: join(machine.bin, 'absent') });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('apparmor_parser, which loads a profile that allows them for bwrap, is not installed');
    expect(run.stdout).toContain('  sudo apt-get install -y apparmor, then');
    expect(run.stdout).toContain('set `sandbox: none`');
    expect(existsSync(join(machine.apparmorDir, 'ensemble-bwrap'))).toBe(false);
  });

  test('a profile that cannot be loaded (inside a container) fails with the commands for the host', () => {
    const machine = sandboxMachine({ ...ubuntu2404, parserWorks: false });
    const run = install(machine, { KUBERNETES_SERVICE_HOST: '10.0.0.1' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('loading the AppArmor profile');
    expect(run.stdout).toContain('This job runs inside a container');
    expect(run.stdout).toContain(`\nsudo apparmor_parser -r ${join(machine.apparmorDir, 'ensemble-bwrap')}\n`);
    expect(run.stderr).toContain('Access denied');
  });

  test('user namespaces forbidden without AppArmor (a container): no profile, what the container needs', () => {
    const machine = sandboxMachine({ ...ubuntu2404, bwrap: 'forbidden', restriction: null });
    const run = install(machine, { KUBERNETES_SERVICE_HOST: '10.0.0.1' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('bwrap cannot start a sandbox (bwrap: No permissions to create new namespace');
    expect(run.stdout).toContain('--security-opt seccomp=unconfined');
    expect(run.stdout).toContain('procMount Unmasked');
    expect(run.stdout).toContain('set `sandbox: none`');
    expect(machine.calls().filter((c) => !c.startsWith('bwrap'))).toEqual([]);
  });

  test('the profile does not help: fails after loading it, saying so', () => {
    const machine = sandboxMachine({ ...ubuntu2404, bwrap: 'forbidden' });
    const run = install(machine);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('even with the AppArmor profile');
    expect(run.stdout).toContain('set `sandbox: none`');
  });
});
