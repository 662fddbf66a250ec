import { describe, expect, test } from 'vitest';
import {
  attribute,
  type CiFailure,
  ciFindings,
  describeFailure,
  type FailedCheckInput,
  failuresSignature,
} from '../../../src/ci/failure.ts';
import { Finding } from '../../../src/contracts/review.ts';
import { findCredentials } from '../../../src/secrets/scan.ts';

// Canaries, built at run time so that no credential-shaped string is in the source.
const TOKEN = ['gh', 'p_', 'R7kQ2mXv9Lw4Tz8Np3Hs'.repeat(2).slice(0, 36)].join('');
const AWS = ['AK', 'IA', 'Z5MPQ7TUWX2YB4CD'].join('');
const SECRET = 'db-Pa55word-only-we-know';

const RED = '\u001b[31m';
const RESET = '\u001b[39m';

/** Lines as GitHub serves a job log: a BOM, each line after an ISO timestamp with 7 fraction digits. */
function actionsLog(lines: readonly string[], startSecond = 0): string {
  const stamp = (i: number) => {
    const t = new Date(Date.UTC(2026, 11, 4, 10, 0, 0) + (startSecond + i) * 1013);
    return t.toISOString().replace(/\.(\d{3})Z$/, (_m, ms: string) => `.${ms}${String(i % 10_000).padStart(4, '0')}Z`);
  };
  return `\uFEFF${lines.map((line, i) => `${stamp(i)} ${line}`).join('\n')}\n`;
}

interface Variant {
  sha: string;
  ms: number;
  tmp: string;
  logStamp: string;
  failing: { name: string; expected: number; received: number; line: number };
}

const RUN1: Variant = {
  sha: '11bd71901bbe5b1630ceea73d27597364c9af683',
  ms: 7,
  tmp: 'tmp-2841-Xa93kd',
  logStamp: '2026-12-04T10_00_41_123Z',
  failing: { name: 'sum > adds two numbers', expected: 4, received: 5, line: 6 },
};

const setUpAndCheckout = (v: Variant) => [
  "Current runner version: '2.321.0'",
  '##[group]Operating System',
  'Ubuntu',
  '22.04.5',
  '##[endgroup]',
  '##[group]Runner Image',
  'Image: ubuntu-22.04',
  'Version: 20241201.1.0',
  '##[endgroup]',
  'Secret source: Actions',
  'Prepare workflow directory',
  `Download action repository 'actions/checkout@v4' (SHA:${v.sha})`,
  'Complete job name: test',
  '##[group]Run actions/checkout@v4',
  'with:',
  '  repository: octo/app',
  '  token: ***',
  '##[endgroup]',
  'Syncing repository: octo/app',
  '##[group]Getting Git version info',
  "Working directory is '/home/runner/work/app/app'",
  '[command]/usr/bin/git version',
  'git version 2.47.1',
  '##[endgroup]',
  `[command]/usr/bin/git -c protocol.version=2 fetch --no-tags --depth=1 origin +${v.sha}:refs/remotes/pull/7/merge`,
];

const setupNode = [
  '##[group]Run actions/setup-node@v4',
  'with:',
  '  node-version: 20',
  '  cache: npm',
  '##[endgroup]',
  'Attempting to download 20...',
  'Acquiring 20.18.1 - x64 from https://github.com/actions/node-versions/releases/download/20.18.1/node.tar.gz',
  '##[group]Environment details',
  'node: v20.18.1',
  '##[endgroup]',
  '##[group]Run npm ci',
  'npm ci',
  'shell: /usr/bin/bash -e {0}',
  '##[endgroup]',
  'added 312 packages, and audited 313 packages in 6s',
];

const vitestFailure = (v: Variant) => [
  ` ${RED}FAIL${RESET}  test/sum.test.ts > ${v.failing.name}`,
  `${RED}AssertionError: expected ${v.failing.received} to be ${v.failing.expected} // Object.is equality${RESET}`,
  '',
  '- Expected',
  '+ Received',
  '',
  `- ${v.failing.expected}`,
  `+ ${v.failing.received}`,
  '',
  ` ❯ test/sum.test.ts:${v.failing.line}:22`,
  `      ${v.failing.line}|     expect(sum(2, 2)).toBe(${v.failing.expected});`,
  `Snapshot written to /tmp/${v.tmp}/sum.snap`,
  '',
  '⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯[1/1]⎯',
  '',
  ' Test Files  1 failed | 1 passed (2)',
  '      Tests  1 failed | 5 passed (6)',
  `   Duration  ${v.ms * 60}ms (transform ${v.ms * 6}ms, setup 0ms, collect ${v.ms * 7}ms, tests ${v.ms}ms)`,
  '',
  '⎯⎯⎯⎯⎯⎯ Unhandled Errors ⎯⎯⎯⎯⎯⎯',
  `Error: ENOENT: no such file or directory, open '/tmp/${v.tmp}/cache-${v.sha.slice(0, 10)}.json'`,
  `npm error A complete log of this run can be found in: /home/runner/.npm/_logs/${v.logStamp}-debug-0.log`,
  '##[error]Process completed with exit code 1.',
];

/** A `npm test` job: checkout, setup-node, npm ci pass; vitest fails one test. */
function vitestJob(v: Variant, report: readonly string[] = []): string {
  return actionsLog([
    ...setUpAndCheckout(v),
    ...setupNode,
    '##[group]Run npm test',
    'npm test',
    'shell: /usr/bin/bash -e {0}',
    '##[endgroup]',
    '',
    '> app@1.0.0 test',
    '> vitest run',
    '',
    ` RUN  v2.1.8 /home/runner/work/app/app`,
    '',
    ` ✓ test/format.test.ts (4 tests) ${v.ms - 4}ms`,
    ` ❯ test/sum.test.ts (2 tests | 1 failed) ${v.ms}ms`,
    `   ${RED}×${RESET} ${v.failing.name} ${v.ms - 2}ms`,
    ...report,
    '',
    '⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯',
    '',
    ...vitestFailure(v),
    'Post job cleanup.',
    '[command]/usr/bin/git version',
    'Cleaning up orphan processes',
  ]);
}

const input = (log: string | null, over: Partial<FailedCheckInput> = {}): FailedCheckInput => ({
  check: 'test',
  workflow: 'CI',
  workflowPath: '.github/workflows/ci.yml',
  url: 'https://github.com/octo/app/actions/runs/12345678901/job/34567890123',
  failedSteps: ['Run npm test'],
  log,
  logTruncated: false,
  ...over,
});

const PASSING_NOISE = [
  'Syncing repository',
  'Getting Git version info',
  'Attempting to download',
  'added 312 packages',
];

describe('the excerpt of a failed check', () => {
  test('a failing vitest run: the failing test and its assertion, without the passing steps or log decoration', () => {
    const { excerpt } = describeFailure(input(vitestJob(RUN1)), { maxChars: 8_000 });
    expect(excerpt).toContain('FAIL  test/sum.test.ts > sum > adds two numbers');
    expect(excerpt).toContain('AssertionError: expected 5 to be 4 // Object.is equality');
    expect(excerpt).toContain('##[error]Process completed with exit code 1.');
    expect(excerpt).toContain('##[group]Run npm test');
    for (const noise of PASSING_NOISE) expect(excerpt).not.toContain(noise);
    expect(excerpt).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(excerpt).not.toContain('\u001b');
    expect(excerpt).not.toContain('\uFEFF');
    expect(excerpt).not.toContain('##[endgroup]');
  });

  test('a pytest failure: the failing test, its assertion and the summary line', () => {
    const log = actionsLog([
      ...setUpAndCheckout(RUN1),
      '##[group]Run actions/setup-python@v5',
      'with:',
      "  python-version: '3.12'",
      '##[endgroup]',
      'Installed versions',
      'Successfully set up CPython (3.12.8)',
      '##[group]Run pytest -q',
      'pytest -q',
      'shell: /usr/bin/bash -e {0}',
      '##[endgroup]',
      'tests/test_parse.py ..F..                                                [100%]',
      '=================================== FAILURES ===================================',
      '_______________________________ test_parse_date ________________________________',
      '',
      '    def test_parse_date():',
      '>       assert parse_date("2024-02-30") is None',
      'E       AssertionError: assert datetime.date(2024, 3, 1) is None',
      "E        +  where datetime.date(2024, 3, 1) = parse_date('2024-02-30')",
      '',
      'tests/test_parse.py:14: AssertionError',
      '=========================== short test summary info ============================',
      'FAILED tests/test_parse.py::test_parse_date - AssertionError: assert datetime.date(2024, 3, 1) is None',
      '========================= 1 failed, 4 passed in 0.12s ==========================',
      '##[error]Process completed with exit code 1.',
    ]);
    const { excerpt } = describeFailure(input(log, { failedSteps: ['Run pytest -q'] }), { maxChars: 8_000 });
    expect(excerpt).toContain('FAILED tests/test_parse.py::test_parse_date');
    expect(excerpt).toContain('E       AssertionError: assert datetime.date(2024, 3, 1) is None');
    expect(excerpt).not.toContain('Successfully set up CPython');
    expect(excerpt).not.toContain('Syncing repository');
  });

  test('a failing `uses:` action: its error under its header, not the steps before it', () => {
    const log = actionsLog([
      ...setUpAndCheckout(RUN1),
      '##[group]Run actions/setup-node@v4',
      'with:',
      '  node-version: 20',
      '  cache: npm',
      '##[endgroup]',
      'Found in cache @ /opt/hostedtoolcache/node/20.18.1/x64',
      '##[error]Dependencies lock file is not found in /home/runner/work/app/app. Supported file patterns: ' +
        'package-lock.json,npm-shrinkwrap.json,yarn.lock',
      'Post job cleanup.',
      'Cleaning up orphan processes',
    ]);
    const { excerpt, steps } = describeFailure(input(log, { failedSteps: ['Run actions/setup-node@v4'] }), {
      maxChars: 4_000,
    });
    expect(excerpt).toContain('##[group]Run actions/setup-node@v4');
    expect(excerpt).toContain('Dependencies lock file is not found');
    expect(excerpt).not.toContain('Syncing repository');
    expect(excerpt).not.toContain('Cleaning up orphan processes');
    expect(steps).toEqual(['Run actions/setup-node@v4']);
  });

  test('a failed step without an error line is found by its name; a log with neither gives its last lines', () => {
    const lines = [
      ...setUpAndCheckout(RUN1),
      '##[group]Run ./scripts/check.sh',
      './scripts/check.sh',
      '##[endgroup]',
      'checking generated files',
      'src/generated.ts is stale: run `npm run generate`',
    ];
    const byName = describeFailure(input(actionsLog(lines), { failedSteps: ['Run ./scripts/check.sh'] }), {
      maxChars: 4_000,
    });
    expect(byName.excerpt).toContain('src/generated.ts is stale');
    expect(byName.excerpt).not.toContain('Syncing repository');
    expect(byName.excerpt).not.toContain('No failed step was recognised');

    const unnamed = describeFailure(input(actionsLog(lines), { failedSteps: ['Check generated files'] }), {
      maxChars: 4_000,
    });
    expect(unnamed.excerpt).toContain('No failed step was recognised in the log: its last lines follow.');
    expect(unnamed.excerpt).toContain('src/generated.ts is stale');
  });

  test('a long failing step is cut in the middle, the cut announced; the command, report and error stay', () => {
    const chatter = Array.from({ length: 400 }, (_, i) => ` ✓ test/many-${i}.test.ts (3 tests) 4ms`);
    const maxChars = 2_500;
    const { excerpt } = describeFailure(input(vitestJob(RUN1, chatter)), { maxChars });
    expect(excerpt.length).toBeLessThanOrEqual(maxChars);
    expect(excerpt).toMatch(/\[… \d+ lines cut …\]/);
    expect(excerpt).toContain('##[group]Run npm test');
    expect(excerpt).toContain('FAIL  test/sum.test.ts > sum > adds two numbers');
    expect(excerpt).toContain('AssertionError: expected 5 to be 4');
    expect(excerpt.trimEnd().split('\n').at(-1)).toMatch(/^\[… \d+ lines? cut …\]$|exit code 1/);
    expect(excerpt).toContain('##[error]Process completed with exit code 1.');
    // What was cut is the passing tests' chatter, and the cut says how much: the two add up.
    const shown = chatter.filter((line) => excerpt.includes(line)).length;
    expect(shown).toBeLessThan(chatter.length);
  });

  test('a 5 MB log read from its end: bounded, the unread beginning said, the failure kept', () => {
    const filler = 'building module graph: resolving imports of src/components/widget-0000.tsx ... ok';
    const many = Math.ceil((5 * 1024 * 1024) / (filler.length + 30));
    const lines = Array.from({ length: many }, (_, i) => filler.replace('0000', String(i)));
    // Read from the end: the log starts inside the failing step, its header and the steps before it unread.
    const log = actionsLog(['ding module graph: partial line', ...lines, ...vitestFailure(RUN1)]);
    expect(log.length).toBeGreaterThan(5 * 1024 * 1024);
    const started = Date.now();
    const { excerpt } = describeFailure(input(log, { logTruncated: true }), { maxChars: 6_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(excerpt.length).toBeLessThanOrEqual(6_000);
    expect(excerpt.split('\n')[0]).toBe("[The log's beginning was not read: what follows is from its end.]");
    expect(excerpt).toMatch(/\[… \d{5,} lines cut …\]/);
    expect(excerpt).toContain('FAIL  test/sum.test.ts > sum > adds two numbers');
    expect(excerpt).toContain('AssertionError: expected 5 to be 4');
    expect(excerpt).toContain('##[error]Process completed with exit code 1.');
  });

  test('no credential survives: tokens, AWS keys and the given secrets are masked, GitHub’s *** kept', () => {
    const log = actionsLog([
      ...setUpAndCheckout(RUN1),
      '##[group]Run npm run deploy:check',
      'npm run deploy:check',
      'env:',
      '  NPM_TOKEN: ***',
      '##[endgroup]',
      `curl -H "Authorization: token ${TOKEN}" https://api.github.com/repos/octo/app`,
      `Error: AWS rejected the key ${AWS}: InvalidClientTokenId`,
      `connecting to postgres://app:${SECRET}@db:5432/app failed`,
      `token as hex: ${Buffer.from(TOKEN).toString('hex')}`,
      '##[error]Process completed with exit code 1.',
    ]);
    const { excerpt } = describeFailure(input(log, { failedSteps: ['Run npm run deploy:check'] }), {
      maxChars: 8_000,
      secrets: [SECRET],
    });
    expect(excerpt).not.toContain(TOKEN);
    expect(excerpt).not.toContain(AWS);
    expect(excerpt).not.toContain(SECRET);
    expect(findCredentials(excerpt)).toEqual([]);
    expect(excerpt).toContain('NPM_TOKEN: ***');
    expect(excerpt).toContain('InvalidClientTokenId');
    expect(excerpt).toContain('##[error]Process completed with exit code 1.');
  });

  test('a log that could not be read says so, naming the check and its page', () => {
    for (const log of [null, '', '  \n']) {
      const { excerpt } = describeFailure(input(log), { maxChars: 1_000 });
      expect(excerpt).toContain('could not be read');
      expect(excerpt).toContain('"test"');
      expect(excerpt).toContain('https://github.com/octo/app/actions/runs/12345678901/job/34567890123');
    }
  });

  test("a check run's output text (not an Actions log) is shown as it is", () => {
    const log = 'Lint found 2 problems\nsrc/a.ts:3:5  error  x is unused  no-unused-vars\nsrc/b.ts:9:1  warning  y';
    const { excerpt } = describeFailure(input(log, { workflow: null, failedSteps: [] }), { maxChars: 1_000 });
    expect(excerpt).toBe(log);
  });
});

describe('the signature of a failure', () => {
  const RUN2: Variant = {
    sha: '8e5e7e5ab8b370d6c329ec480221332ada57f0ab',
    ms: 13,
    tmp: 'tmp-9917-Qw71pz',
    logStamp: '2027-01-09T18_22_05_907Z',
    failing: RUN1.failing,
  };
  const sig = (v: Variant, over: Partial<FailedCheckInput> = {}, startSecond = 0) =>
    describeFailure(
      input(vitestJob(v).replace(/2026-12-04T10/g, startSecond ? '2027-01-09T18' : '2026-12-04T10'), over),
      { maxChars: 4_000 },
    ).signature;

  test('two runs differing only in timestamps, durations, ids and temporary paths have one signature', () => {
    expect(sig(RUN1)).toMatch(/^C[0-9a-f]{12}$/);
    expect(sig(RUN2, {}, 1)).toBe(sig(RUN1));
  });

  test('another failing test, another assertion or another check is another failure', () => {
    const other = sig({ ...RUN1, failing: { ...RUN1.failing, name: 'sum > adds negative numbers' } });
    const assertion = sig({ ...RUN1, failing: { ...RUN1.failing, received: 3 } });
    expect(new Set([sig(RUN1), other, assertion]).size).toBe(3);
    expect(sig(RUN1, { check: 'test (node 22)' })).not.toBe(sig(RUN1));
  });

  test('the signature of a set of failures does not depend on their order, and differs for another set', () => {
    const a = describeFailure(input(vitestJob(RUN1)), { maxChars: 2_000 });
    const b = describeFailure(input(null, { check: 'lint' }), { maxChars: 2_000 });
    const c = describeFailure(input(null, { check: 'build' }), { maxChars: 2_000 });
    expect(failuresSignature([a, b])).toBe(failuresSignature([b, a]));
    expect(failuresSignature([a, b])).toMatch(/^C[0-9a-f]{12}$/);
    expect(failuresSignature([a, b])).not.toBe(failuresSignature([a, c]));
    expect(failuresSignature([a])).not.toBe(failuresSignature([a, b]));
  });
});

describe('attribution against the base', () => {
  test('a head failure is the change’s only when the base passed; a base failure is not; no base run is unknown', () => {
    const base = new Map<string, string | null>([
      ['test', 'success'],
      ['lint', 'failure'],
      ['e2e', null],
      ['build', 'timed_out'],
      ['docs', 'cancelled'],
    ]);
    expect(attribute(['test', 'lint', 'e2e', 'build', 'docs', 'never-seen'], base)).toEqual({
      change: ['test'],
      alsoOnBase: ['lint', 'build'],
      unknown: ['e2e', 'docs', 'never-seen'],
    });
  });
});

describe('findings for the fixing agent', () => {
  const failure = (over: Partial<CiFailure> = {}): CiFailure => ({
    check: 'test',
    workflow: 'CI',
    url: 'https://github.com/octo/app/actions/runs/1/job/2',
    steps: ['Run npm test'],
    excerpt: 'FAIL  test/sum.test.ts > sum > adds\n ❯ /home/runner/work/app/app/src/sum.ts:3:10\n##[error]exit 1',
    signature: 'C0123456789ab',
    ...over,
  });
  const workflowPaths = new Map([['CI', '.github/workflows/ci.yml']]);
  const findings = (f: CiFailure, changedPaths: readonly string[]) =>
    ciFindings([f], { severity: 'high', changedPaths, workflowPaths });

  test('each finding parses, names the check and carries the steps, the page and the excerpt', () => {
    const [finding] = findings(failure(), ['src/sum.ts']);
    expect(Finding.parse(finding)).toEqual(finding);
    expect(finding).toMatchObject({ id: null, line: null, quote: '', severity: 'high', title: 'CI: CI / test failed' });
    expect(finding?.body).toContain('Run npm test');
    expect(finding?.body).toContain('https://github.com/octo/app/actions/runs/1/job/2');
    expect(finding?.body).toContain('FAIL  test/sum.test.ts > sum > adds');
    const [statusFinding] = findings(failure({ workflow: null, url: null, steps: [] }), []);
    expect(statusFinding?.title).toBe('CI: test failed');
  });

  test('the path is the longest changed path the excerpt mentions, else the workflow file, else a changed path', () => {
    expect(findings(failure(), ['README.md', 'sum.ts', 'src/sum.ts'])[0]?.path).toBe('src/sum.ts');
    expect(findings(failure(), ['README.md', 'test/sum.test.ts'])[0]?.path).toBe('test/sum.test.ts');
    expect(findings(failure(), ['README.md', 'lib/other.ts'])[0]?.path).toBe('.github/workflows/ci.yml');
    expect(findings(failure({ workflow: 'Other' }), ['README.md'])[0]?.path).toBe('README.md');
    // Paths that are not repository paths are never used: the finding must parse.
    expect(findings(failure({ workflow: null }), ['/etc/passwd', '../x'])[0]?.path).toBe('.github/workflows');
  });

  test('a huge excerpt and a long name still make a finding that parses', () => {
    const big = describeFailure(
      input(
        vitestJob(
          RUN1,
          Array.from({ length: 3_000 }, (_, i) => `line ${i} ${'`'.repeat(3)}`),
        ),
      ),
      {
        maxChars: 100_000,
      },
    );
    const [finding] = ciFindings([{ ...big, check: 'x'.repeat(400) }], {
      severity: 'medium',
      changedPaths: [],
      workflowPaths,
    });
    expect(() => Finding.parse(finding)).not.toThrow();
    expect(finding?.body.length).toBeLessThanOrEqual(20_000);
    expect(finding?.title.length).toBeLessThanOrEqual(300);
    // The log's backticks cannot close the fence the excerpt is in.
    expect(finding?.body).toMatch(/^````$/m);
  });
});
