/**
 * The plan job's install, packed for the Actions cache and checked by each later job before use
 * (src/runtime/actions/setup-cache.ts): used only when it was made from the same base, setup
 * commands, lockfiles and platform, and its files are the ones packed; otherwise the reason.
 */
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  cachedInstall,
  packInstall,
  platformOf,
  SETUP_CACHE_DIR,
} from '../../../../src/runtime/actions/setup-cache.ts';
import type { SetupChoice } from '../../../../src/stages/setup-detect.ts';

const BASE = 'a'.repeat(40);
const SETUP: SetupChoice = {
  commands: ['npm ci'],
  reason: 'package-lock.json found',
  source: 'detected',
} as SetupChoice;
const LOCK = '{"lockfileVersion":3}\n';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** A checkout at the base with a lockfile, as the install left it, and the setup HOME; packed into a runner temp. */
async function packed() {
  const dir = temp('ensemble-installed-');
  writeFileSync(join(dir, 'package-lock.json'), LOCK);
  mkdirSync(join(dir, 'node_modules/left-pad'), { recursive: true });
  writeFileSync(join(dir, 'node_modules/left-pad/index.js'), 'module.exports = 1;\n');
  mkdirSync(join(dir, 'node_modules/.bin'));
  symlinkSync('../left-pad/index.js', join(dir, 'node_modules/.bin/left-pad'));
  const home = temp('ensemble-installed-home-');
  mkdirSync(join(home, '.npm'));
  writeFileSync(join(home, '.npm/cache-entry'), 'cached\n');
  const runnerTemp = temp('ensemble-runner-temp-');
  const key = await packInstall({ setup: SETUP, dir, paths: ['node_modules'], home }, runnerTemp, BASE);
  return { key, runnerTemp };
}

/** A later job: its own checkout at the base (the lockfile only), a fresh HOME, and the cache restored into its temp. */
function laterJob(runnerTemp: string, lock = LOCK) {
  const dir = temp('ensemble-job-checkout-');
  writeFileSync(join(dir, 'package-lock.json'), lock);
  const home = temp('ensemble-job-home-');
  const jobTemp = temp('ensemble-job-temp-');
  cpSync(join(runnerTemp, SETUP_CACHE_DIR), join(jobTemp, SETUP_CACHE_DIR), { recursive: true });
  return { dir, home, jobTemp };
}

describe('the plan job install in the Actions cache', () => {
  test('a job with the same base, commands, lockfiles and platform gets the files and HOME, links kept', async () => {
    const { key, runnerTemp } = await packed();
    expect(key).toMatch(new RegExp(`^ensemble-setup-v1-${platformOf()}-[0-9a-f]{32}-[0-9a-f]{64}$`));
    const job = laterJob(runnerTemp);
    const use = await cachedInstall(key, job.jobTemp).restore(SETUP, job.dir, job.home, BASE);
    expect(use).toEqual({ reused: true, key, from: 'the plan job' });
    expect(readFileSync(join(job.dir, 'node_modules/left-pad/index.js'), 'utf8')).toBe('module.exports = 1;\n');
    expect(readlinkSync(join(job.dir, 'node_modules/.bin/left-pad'))).toBe('../left-pad/index.js');
    expect(readFileSync(join(job.home, '.npm/cache-entry'), 'utf8')).toBe('cached\n');
  });

  const changes: [string, { lock?: string; setup?: SetupChoice; base?: string }][] = [
    ['a changed lockfile', { lock: '{"lockfileVersion":3,"packages":{}}\n' }],
    ['other setup commands', { setup: { ...SETUP, commands: ['npm install'] } }],
    ['another base commit', { base: 'b'.repeat(40) }],
  ];
  test.each(changes)('%s: not used, and the reason names what decides an install', async (_, change) => {
    const { key, runnerTemp } = await packed();
    const job = laterJob(runnerTemp, change.lock);
    const use = await cachedInstall(key, job.jobTemp).restore(
      change.setup ?? SETUP,
      job.dir,
      job.home,
      change.base ?? BASE,
    );
    expect(use.reused).toBe(false);
    expect(use).toMatchObject({
      why: expect.stringContaining('the base commit, the setup commands or the lockfiles differ from the ones'),
    });
  });

  test('files that are not the packed ones (altered, or written by someone else under the key) are not used', async () => {
    const { key, runnerTemp } = await packed();
    const job = laterJob(runnerTemp);
    appendFileSync(join(job.jobTemp, SETUP_CACHE_DIR, 'checkout.tar'), 'x');
    const use = await cachedInstall(key, job.jobTemp).restore(SETUP, job.dir, job.home, BASE);
    expect(use).toMatchObject({ reused: false, why: expect.stringContaining('are not the ones the plan job saved') });
  });

  test('no key, a cache miss, a key of another platform or another format: each says why', async () => {
    const { key, runnerTemp } = await packed();
    const job = laterJob(runnerTemp);
    const empty = temp('ensemble-empty-temp-');
    const why = async (k: string | null, at = job.jobTemp) => {
      const use = await cachedInstall(k, at).restore(SETUP, job.dir, job.home, BASE);
      return use.reused ? 'reused' : use.why;
    };
    expect(await why(null)).toContain('the job was given no setup-key');
    expect(await why(key, empty)).toContain(`the Actions cache gave nothing for key \`${key}\``);
    const other = key.replace(platformOf(), platformOf() === 'linux-x64' ? 'linux-arm64' : 'linux-x64');
    expect(await why(other)).toMatch(/^the plan job installed on linux-(arm64|x64), this job runs on /);
    expect(await why('npm-deps-1234')).toContain('is not one ensemble makes');
  });
});
