import {
  accessSync,
  chmodSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './node24.ts';

/** The script every runtime uses to make bubblewrap usable. */
export const INSTALL_SANDBOX = join(repoRoot, 'scripts/install-sandbox.sh');

/**
 * How the pretend machine's bubblewrap behaves: `works`; `restricted` (AppArmor refuses its user
 * namespaces until a profile for it is loaded, as on Ubuntu 24.04); `forbidden` (user namespaces
 * refused whatever AppArmor says, as in a default container).
 */
export type BwrapMode = 'works' | 'restricted' | 'forbidden';

export interface MachineOptions {
  /** What `id -u` prints. */
  uid: number;
  /** Whether `sudo -n` runs its command or asks for a password (and fails, as `-n` does). */
  sudo: 'passwordless' | 'password';
  /** `missing`: no bwrap until apt-get installs one, which then behaves as `afterInstall`. */
  bwrap: BwrapMode | 'missing';
  afterInstall?: BwrapMode;
  /** The content of kernel.apparmor_restrict_unprivileged_userns; null: the file is absent. */
  restriction: '0' | '1' | null;
  /** Whether `apparmor_parser -r` succeeds. */
  parserWorks?: boolean;
}

export interface Machine {
  /** The temporary directory holding everything below. */
  root: string;
  /** The only directory on PATH: stubs and the few real tools the script uses. */
  bin: string;
  apparmorDir: string;
  restrictionFile: string;
  /** The environment to run the script with. */
  env: Record<string, string>;
  /** Every stub call so far, one `name arg…` per line. */
  calls(): string[];
}

/** The real tools the script and the stubs need, linked into the stub directory. */
const REAL_TOOLS = ['bash', 'cat', 'cmp', 'cp', 'env', 'install', 'mktemp', 'readlink', 'rm', 'tee', 'true'];

function realTool(name: string): string {
  for (const dir of ['/usr/bin', '/bin']) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  throw new Error(`the sandbox-machine fixture needs ${name} in /usr/bin or /bin`);
}

function stub(bin: string, name: string, body: string): void {
  writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
  chmodSync(join(bin, name), 0o755);
}

/**
 * A pretend runner for scripts/install-sandbox.sh: stub `id`, `sudo`, `apt-get`, `apparmor_parser`,
 * `bwrap` and `sysctl` that record their arguments and act out the machine's state (installing
 * bwrap, loading a profile), with the /proc switch and the AppArmor directory moved into a
 * temporary directory through the script's ENSEMBLE_* variables.
 */
export function sandboxMachine(options: MachineOptions): Machine {
  const root = mkdtempSync(join(tmpdir(), 'ensemble-sandbox-machine-'));
  const bin = join(root, 'bin');
  const state = join(root, 'state');
  const apparmorDir = join(root, 'apparmor.d');
  for (const dir of [bin, state, apparmorDir]) mkdirSync(dir);
  for (const tool of REAL_TOOLS) symlinkSync(realTool(tool), join(bin, tool));
  const restrictionFile = join(root, 'apparmor_restrict_unprivileged_userns');
  if (options.restriction !== null) writeFileSync(restrictionFile, `${options.restriction}\n`);
  const callLog = join(root, 'calls.log');
  writeFileSync(callLog, '');
  const record = (name: string) => `printf '%s\\n' "${name} $*" >> '${callLog}'`;

  stub(bin, 'id', `[ "$1" = -u ] && echo ${options.uid}`);
  stub(
    bin,
    'sudo',
    options.sudo === 'passwordless'
      ? `${record('sudo')}\n[ "$1" = -n ] && shift\nexec "$@"`
      : `${record('sudo')}\necho 'sudo: a password is required' >&2\nexit 1`,
  );
  stub(bin, 'sysctl', `${record('sysctl')}\nexit 0`);
  // bwrap reads its behaviour from the state, so that apt-get can install it and a profile can allow it.
  const bwrapStub = [
    record('bwrap'),
    `mode=$(cat '${state}/bwrap-mode')`,
    '[ "$mode" = works ] && exit 0',
    `[ "$mode" = restricted ] && [ -f '${state}/profile-loaded' ] && exit 0`,
    '[ "$mode" = restricted ] && { echo "bwrap: setting up uid map: Permission denied" >&2; exit 1; }',
    'echo "bwrap: No permissions to create new namespace, likely because the kernel does not allow it" >&2',
    'exit 1',
  ].join('\n');
  const installBwrap = (mode: BwrapMode) => {
    writeFileSync(join(state, 'bwrap-mode'), mode);
    stub(bin, 'bwrap', bwrapStub);
  };
  if (options.bwrap !== 'missing') installBwrap(options.bwrap);
  else writeFileSync(join(state, 'bwrap-stub'), `#!/bin/sh\n${bwrapStub}\n`, { mode: 0o755 });
  stub(
    bin,
    'apt-get',
    [
      record('apt-get'),
      '[ "$1" = update ] && exit 0',
      `echo '${options.afterInstall ?? 'works'}' > '${state}/bwrap-mode'`,
      `cp '${state}/bwrap-stub' '${bin}/bwrap'`,
    ].join('\n'),
  );
  stub(
    bin,
    'apparmor_parser',
    options.parserWorks === false
      ? `${record('apparmor_parser')}\necho 'apparmor_parser: Access denied. You need policy admin privileges' >&2\nexit 1`
      : `${record('apparmor_parser')}\n[ "$1" = -r ] && cp "$2" '${state}/profile-loaded'`,
  );

  return {
    root,
    bin,
    apparmorDir,
    restrictionFile,
    env: { PATH: bin, ENSEMBLE_USERNS_RESTRICTION: restrictionFile, ENSEMBLE_APPARMOR_DIR: apparmorDir },
    calls: () => readFileSync(callLog, 'utf8').split('\n').filter(Boolean),
  };
}

/**
 * A PATH with every program of `pathValue` except `hidden`, as on a machine where they are not
 * installed: one directory of symbolic links to everything else (the first of each name, as PATH
 * finds it). The caller removes `root`.
 */
export function pathWithout(
  hidden: readonly string[],
  pathValue = process.env['PATH'] ?? '',
): { root: string; path: string } {
  const root = mkdtempSync(join(tmpdir(), 'ensemble-path-without-'));
  const bin = join(root, 'bin');
  mkdirSync(bin);
  const seen = new Set(hidden);
  for (const dir of pathValue.split(':')) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (seen.has(name)) continue;
      try {
        accessSync(join(dir, name), constants.X_OK);
      } catch {
        continue;
      }
      seen.add(name);
      symlinkSync(join(dir, name), join(bin, name));
    }
  }
  return { root, path: bin };
}
