/**
 * One dependency install per workflow run on GitHub: the plan job installs (it does anyway, to
 * fail before any model call), packs what the install left, and the workflow saves it with
 * `actions/cache/save` under the key this module makes; the code legs, the test job and the fix
 * job restore it with `actions/cache/restore` before their stage action starts, and the action
 * uses it (`SavedInstall`, see src/stages/setup.ts) instead of installing again.
 *
 * Why the Actions cache and not an artifact: it is made for this (tar + zstd, a service close to
 * the runners, no 30-day retention or storage quota of artifacts, no limit made for documents),
 * and `actions/cache` is the action every workflow already trusts for it. What it does not give
 * is integrity: any workflow run of the repository on the default branch can write a cache entry
 * under any key that is not taken yet. So the key is content-addressed:
 *
 *   ensemble-setup-v1-<platform>-<inputs>-<content>
 *
 * `inputs` is a digest of what decides the install (the base commit, the setup commands, the
 * lockfiles and package-manager files at the base, the format), `content` the SHA-256 of the
 * packed files themselves. The key reaches the later jobs as the plan job's output, which only
 * the plan job writes; a job uses what it restored only when its own `inputs` digest (from its
 * own checkout and configuration) and the digest of the restored files both match the key.
 * Anything else (no key, a cache miss or eviction, another base or platform, changed lockfiles or
 * commands, altered files) makes the job install itself, and its report says why. Nothing an
 * agent wrote is ever in it: the plan job installs at the base before any agent runs.
 *
 * The files are two plain tar archives (symbolic links and modes kept, as the local copy keeps
 * them): the paths git ignores in the setup worktree, and the setup HOME. Plain, because
 * `actions/cache` compresses the directory with zstd itself.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { InstalledFiles, SavedInstall, SavedInstallUse } from '../../stages/setup.ts';
import type { SetupChoice } from '../../stages/setup-detect.ts';
import { errorMessage } from '../../util/errors.ts';

/** The directory under RUNNER_TEMP the plan job packs into and later jobs restore into (pipeline.yml). */
export const SETUP_CACHE_DIR = 'ensemble-setup';
/** The archives in it: the checkout's ignored paths, and the setup HOME. */
const CHECKOUT_TAR = 'checkout.tar';
const HOME_TAR = 'home.tar';

/** Changes when what is packed, or how, changes: a key of another format is never used. */
const FORMAT = 'ensemble-setup-v1';
const KEY = /^ensemble-setup-v1-([a-z0-9]+-[a-z0-9]+)-([0-9a-f]{32})-([0-9a-f]{64})$/;

/**
 * Files at the top of a repository that decide what an install puts where: manifests, lockfiles,
 * package-manager settings and pinned tool versions of every ecosystem `setup-detect.ts` knows.
 * (The base commit decides them all too; they are named so that the check says what differs.)
 */
export const INSTALL_INPUT_FILES: readonly string[] = [
  'package.json',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'yarn.lock',
  '.yarnrc.yml',
  '.yarnrc',
  'bun.lock',
  'bun.lockb',
  '.npmrc',
  '.nvmrc',
  '.node-version',
  '.tool-versions',
  'pyproject.toml',
  'uv.lock',
  'poetry.lock',
  'Pipfile',
  'Pipfile.lock',
  'requirements.txt',
  'requirements-dev.txt',
  '.python-version',
  'go.mod',
  'go.sum',
  'Cargo.toml',
  'Cargo.lock',
  'rust-toolchain.toml',
  'Gemfile',
  'Gemfile.lock',
  '.ruby-version',
  'Makefile',
  'justfile',
];

/** The runner this job runs on, as the key names it: `linux-x64`. */
export function platformOf(): string {
  return `${process.platform}-${process.arch}`;
}

/**
 * The digest of what decides an install: format, platform, base commit, the setup commands, and
 * each install input file present in `dir` (its name and content).
 */
export async function installInputsDigest(input: {
  dir: string;
  setup: Pick<SetupChoice, 'commands'>;
  baseSha: string;
  platform: string;
}): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`${FORMAT}\0${input.platform}\0${input.baseSha}\0${JSON.stringify(input.setup.commands)}\0`);
  for (const file of INSTALL_INPUT_FILES) {
    const content = await readFile(join(input.dir, file)).catch(() => null);
    if (content) hash.update(`${file}\0${createHash('sha256').update(content).digest('hex')}\0`);
  }
  return hash.digest('hex').slice(0, 32);
}

/**
 * Packs a finished install into `<runnerTemp>/ensemble-setup` for `actions/cache/save`, and
 * returns the key to save it under (the plan job's `setup-key` output).
 */
export async function packInstall(installed: InstalledFiles, runnerTemp: string, baseSha: string): Promise<string> {
  const dir = join(runnerTemp, SETUP_CACHE_DIR);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await tar(['-cf', join(dir, CHECKOUT_TAR), '-C', installed.dir, '--null', '-T', '-'], installed.paths);
  await tar(['-cf', join(dir, HOME_TAR), '-C', installed.home, '.']);
  const platform = platformOf();
  const inputs = await installInputsDigest({ dir: installed.dir, setup: installed.setup, baseSha, platform });
  return `${FORMAT}-${platform}-${inputs}-${await contentDigest(dir)}`;
}

/**
 * The install the plan job saved, as `actions/cache/restore` put it into `<runnerTemp>/ensemble-setup`,
 * under the key the plan job output (`setup-key`; null when it gave none).
 */
export function cachedInstall(key: string | null, runnerTemp: string): SavedInstall {
  const cache = join(runnerTemp, SETUP_CACHE_DIR);
  return {
    async restore(setup, dir, home, baseSha): Promise<SavedInstallUse> {
      if (key === null) {
        return { reused: false, why: 'the job was given no setup-key (only the plan job of pipeline.yml saves one)' };
      }
      const parts = KEY.exec(key);
      if (!parts) return { reused: false, why: `the setup-key \`${key}\` is not one ensemble makes (${FORMAT}-…)` };
      const [, platform, inputs, content] = parts as unknown as [string, string, string, string];
      const here = platformOf();
      if (platform !== here) {
        return { reused: false, why: `the plan job installed on ${platform}, this job runs on ${here}` };
      }
      const expected = await installInputsDigest({ dir, setup, baseSha, platform });
      if (expected !== inputs) {
        return {
          reused: false,
          why:
            'the base commit, the setup commands or the lockfiles differ from the ones the plan job installed ' +
            `from (key \`${key}\`, this job's inputs digest ${expected})`,
        };
      }
      const missing = await firstMissing(cache, [CHECKOUT_TAR, HOME_TAR]);
      if (missing) {
        return {
          reused: false,
          why: `the Actions cache gave nothing for key \`${key}\` (evicted, not saved, or the cache service failed)`,
        };
      }
      const found = await contentDigest(cache);
      if (found !== content) {
        return {
          reused: false,
          why: `the files restored under key \`${key}\` are not the ones the plan job saved (their digest is ${found})`,
        };
      }
      await tar(['-xf', join(cache, CHECKOUT_TAR), '-C', dir]);
      await tar(['-xf', join(cache, HOME_TAR), '-C', home]);
      return { reused: true, key, from: 'the plan job' };
    },
  };
}

async function firstMissing(dir: string, files: readonly string[]): Promise<string | null> {
  for (const file of files) {
    const found = await stat(join(dir, file)).catch(() => null);
    if (!found?.isFile()) return file;
  }
  return null;
}

/** The SHA-256 of both archives, in order. */
async function contentDigest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [CHECKOUT_TAR, HOME_TAR]) hash.update(`${file}\0${await fileDigest(join(dir, file))}\0`);
  return hash.digest('hex');
}

function fileDigest(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * Runs `tar` (GNU tar on Linux runners, bsdtar on macOS; `actions/cache` needs it too) with `paths`
 * NUL-separated on its standard input when given. Our own files, so outside the sandbox.
 */
function tar(args: readonly string[], paths?: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('tar', [...args], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', (error) => reject(new Error(`tar could not start: ${errorMessage(error)}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`tar ${args[0]} exited with ${code}: ${stderr.trim().slice(-500)}`));
    });
    // `tar -x` reads no paths and may exit before its input is closed: the pipe's EPIPE is not
    // a failure (the exit code says how tar did), and unhandled it would end the action.
    child.stdin.on('error', () => {});
    child.stdin.end(paths ? paths.map((p) => `${p}\0`).join('') : '');
  });
}
