/**
 * The JavaScript and TypeScript part of the corpus (`test/fixtures/corpus/`, see
 * test/support/corpus.ts): four small real projects, one per package manager and runner kind —
 * npm with uvu, npm with vitest on TypeScript, pnpm with its version pinned by `packageManager`,
 * yarn classic — each run through `ensemble run` with no configuration and one small change in
 * its own style. Their setups fetch devDependencies from the npm registry (as on a user's
 * machine); the cases are skipped, loudly, when the registry cannot be reached.
 */
import { describe, expect, test } from 'vitest';
import { formatSummary } from '../../src/runtime/local/cli-run.ts';
import { type CorpusCase, runCorpusCase } from '../support/corpus.ts';
import { git, registryReachable } from '../support/local-e2e.ts';
import { requireSandboxForTests } from '../support/sandbox-required.ts';

requireSandboxForTests('the JavaScript corpus runs');

const offline = !registryReachable();
if (offline) process.stderr.write('\n⚠️  the npm registry is unreachable: the JavaScript corpus cases are SKIPPED\n');

/**
 * The install ensemble runs for pnpm or yarn: through corepack where it can fetch the package
 * manager, else through npx (this machine's registry mirror serves no signatures corepack accepts).
 */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const viaCorepack = (tool: string, npx: string, args: string) =>
  expect.stringMatching(
    new RegExp(`corepack ${tool} ${literal(args)}( |;).*; else npx --yes ${literal(npx)} ${literal(args)}( |;)`),
  );

interface Expected {
  commands: string[];
  reason: string;
  /** The project's own count at the base plus the tests the change adds. */
  passed: number;
}

async function expectGreen(c: CorpusCase, expected: Expected) {
  const started = Date.now();
  const { code, summary, stderr, status, repo, server } = await runCorpusCase(c);
  process.stderr.write(`corpus ${c.name}: ${Math.round((Date.now() - started) / 1000)} s\n`);
  expect(server.problems).toEqual([]);
  expect(summary, stderr).not.toBeNull();
  expect(summary?.setup, stderr).toMatchObject({
    status: 'done',
    source: 'detected',
    commands: expected.commands,
    reason: expected.reason,
    testCommand: 'npm test',
    failure: null,
  });
  expect(summary?.test, stderr).toMatchObject({ status: 'passed', passed: expected.passed, failed: 0 });
  expect(code, stderr).toBe(0);
  expect(summary?.outcome).toBe('green');
  expect(formatSummary(summary!)).toContain(`(${expected.reason})`);
  // The branch holds the change (every file it touched) and nothing the install or the build made.
  const files = git(repo, 'ls-tree', '-r', '--name-only', summary!.branch!).split('\n');
  for (const edit of c.edits) expect(files).toContain(edit.args.path);
  expect(files.filter((f) => /(^|\/)(node_modules|dist)\//.test(f))).toEqual([]);
  const diff = git(repo, 'diff', '--name-only', 'main', summary!.branch!).trim().split('\n').sort();
  expect(diff).toEqual([...new Set(c.edits.map((e) => e.args.path))].sort());
  expect(status).toBe('');
}

const dequal: CorpusCase = {
  name: 'dequal',
  // `uvu -r esm`: the esm loader does not load on Node 22 and later (SyntaxError at the base).
  node: 'system',
  prompt: 'dequal/lite says two different URL objects are equal: compare URLs by their href.',
  task: {
    id: 't1',
    title: 'Compare URL instances by href in dequal/lite',
    description: 'URL objects have no own enumerable keys, so any two compared equal; compare their href.',
    acceptanceCriteria: ['dequal/lite tells URLs with different hrefs apart', 'a uvu suite covers it'],
    files: ['src/lite.js', 'test/lite.js'],
  },
  edits: [
    {
      name: 'edit_file',
      args: {
        path: 'src/lite.js',
        old_string: '\t\tif (ctor === RegExp) return foo.toString() === bar.toString();\n',
        new_string:
          '\t\tif (ctor === RegExp) return foo.toString() === bar.toString();\n' +
          '\t\tif (ctor === URL) return foo.href === bar.href;\n',
      },
    },
    {
      name: 'edit_file',
      args: {
        path: 'test/lite.js',
        old_string: 'kitchen.run();\n',
        new_string:
          "kitchen.run();\n\n// ---\n\nconst url = suite('URL');\n\nurl('URL', () => {\n" +
          "\tsame(new URL('https://example.com/a?b=1'), new URL('https://example.com/a?b=1'));\n" +
          "\tdifferent(new URL('https://example.com/a'), new URL('https://example.com/b'));\n" +
          '});\n\nurl.run();\n',
      },
    },
  ],
  check: 'npm test',
  commitMessage: 'Compare URL instances by href in dequal/lite',
};

const deferredPromise: CorpusCase = {
  name: 'deferred-promise',
  prompt: 'Add an `isSettled` getter to DeferredPromise, true once it is fulfilled or rejected.',
  task: {
    id: 't1',
    title: 'Add DeferredPromise#isSettled',
    description: 'A getter that is false while the promise is pending and true once it settled.',
    acceptanceCriteria: ['isSettled is false while pending', 'isSettled is true once resolved'],
    files: ['src/deferred-promise.ts', 'test/deferred-promise/is-settled.test.ts'],
  },
  edits: [
    {
      name: 'edit_file',
      args: {
        path: 'src/deferred-promise.ts',
        old_string: '  public get rejectionReason() {\n',
        new_string:
          "  public get isSettled(): boolean {\n    return this.#executor.state !== 'pending'\n  }\n\n" +
          '  public get rejectionReason() {\n',
      },
    },
    {
      name: 'write_file',
      args: {
        path: 'test/deferred-promise/is-settled.test.ts',
        content:
          "import { DeferredPromise } from '../../src/deferred-promise'\n\n" +
          "it('is not settled while pending', () => {\n" +
          '  const promise = new DeferredPromise<number>()\n' +
          '  expect(promise.isSettled).toBe(false)\n' +
          '})\n\n' +
          "it('is settled once resolved', async () => {\n" +
          '  const promise = new DeferredPromise<number>()\n' +
          '  promise.resolve(123)\n' +
          '  await promise\n' +
          '  expect(promise.isSettled).toBe(true)\n' +
          '})\n',
      },
    },
  ],
  check: 'npm test',
  commitMessage: 'Add DeferredPromise#isSettled',
};

const devalue: CorpusCase = {
  name: 'devalue',
  prompt: 'devalue.parse should say clearly when it is given something that is not a string.',
  task: {
    id: 't1',
    title: 'Reject non-string input in parse',
    description: 'parse throws "Invalid input" when the serialized value is not a string.',
    acceptanceCriteria: ['parse(42) throws Invalid input', 'a uvu test covers it'],
    files: ['src/parse.js', 'test/test.js'],
  },
  edits: [
    {
      name: 'edit_file',
      args: {
        path: 'src/parse.js',
        old_string: 'export function parse(serialized, revivers) {\n',
        new_string:
          'export function parse(serialized, revivers) {\n' +
          "\tif (typeof serialized !== 'string') throw new Error('Invalid input');\n",
      },
    },
    {
      name: 'edit_file',
      args: {
        path: 'test/test.js',
        old_string: '\n\teval(serialized);\n});\n\nuvu.test.run();\n',
        new_string:
          "\n\teval(serialized);\n});\n\nuvu.test('parse throws for input that is not a string', () => {\n" +
          '\tassert.throws(() => parse(/** @type {any} */ (42)), /Invalid input/);\n});\n\nuvu.test.run();\n',
      },
    },
  ],
  check: 'npm test',
  commitMessage: 'Reject non-string input in parse',
};

const klona: CorpusCase = {
  name: 'klona',
  // `uvu -r esm`: the esm loader does not load on Node 22 and later (SyntaxError at the base).
  node: 'system',
  prompt: 'klona/lite returns the same Set instead of a copy: clone Sets in the lite mode too.',
  task: {
    id: 't1',
    title: 'Clone Sets in klona/lite',
    description: 'klona/lite copies a Set and its values deeply, as the default mode does.',
    acceptanceCriteria: ['klona/lite passes the shared Set suite'],
    files: ['src/lite.js', 'test/lite.js'],
  },
  edits: [
    {
      name: 'edit_file',
      args: {
        path: 'src/lite.js',
        old_string: "\tif (str === '[object Date]') {\n",
        new_string:
          "\tif (str === '[object Set]') {\n\t\ttmp = new Set;\n" +
          '\t\tx.forEach(function (val) {\n\t\t\ttmp.add(klona(val));\n\t\t});\n\t\treturn tmp;\n\t}\n\n' +
          "\tif (str === '[object Date]') {\n",
      },
    },
    {
      name: 'edit_file',
      args: {
        path: 'test/lite.js',
        old_string: 'suites.Arrays(klona);\n',
        new_string: 'suites.Arrays(klona);\nsuites.Sets(klona);\n',
      },
    },
  ],
  check: 'npm test',
  commitMessage: 'Clone Sets in klona/lite',
};

describe('ensemble run on real JavaScript and TypeScript projects, with no configuration', () => {
  test.skipIf(offline)(
    'dequal (npm, uvu): npm ci, and the uvu counts',
    async () => {
      // 44: `npm test` (uvu) at the base prints "Total: 44 / Passed: 44" (test/index.js and test/lite.js).
      await expectGreen(dequal, {
        commands: ['npm ci --no-audit --no-fund'],
        reason: 'package-lock.json found',
        passed: 44 + 1,
      });
    },
    240_000,
  );

  test.skipIf(offline)(
    'deferred-promise (npm, vitest on TypeScript): npm ci, and the vitest counts',
    async () => {
      // 41: `npm test` (vitest) at the base prints "Tests 41 passed (41)" over 11 files.
      await expectGreen(deferredPromise, {
        commands: ['npm ci --no-audit --no-fund'],
        reason: 'package-lock.json found',
        passed: 41 + 2,
      });
    },
    240_000,
  );

  test.skipIf(offline)(
    'devalue (pnpm pinned by packageManager, uvu): pnpm install --frozen-lockfile, and the uvu counts',
    async () => {
      // 234: `npm test` (uvu) at the base prints "Total: 234 / Passed: 234" (fixtures × uneval/stringify/parse).
      await expectGreen(devalue, {
        commands: [viaCorepack('pnpm', 'pnpm@8.5.1', 'install --frozen-lockfile')],
        reason: 'pnpm-lock.yaml found, pnpm 8.5.1 pinned by packageManager',
        passed: 234 + 1,
      });
    },
    240_000,
  );

  test.skipIf(offline)(
    'klona (yarn classic, uvu): yarn install --frozen-lockfile, and the uvu counts',
    async () => {
      // 137: `npm test` (uvu) at the base prints "Total: 137 / Passed: 137"; the Set suite adds its 2 tests.
      await expectGreen(klona, {
        commands: [viaCorepack('yarn', 'yarn@1', 'install --frozen-lockfile --non-interactive')],
        reason: 'yarn.lock found (yarn classic)',
        passed: 137 + 2,
      });
    },
    240_000,
  );
});
