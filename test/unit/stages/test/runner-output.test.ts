import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  classifyTestRun,
  detectTestCommand,
  markAtBase,
  type ParsedTestOutput,
  parseTestOutput,
} from '../../../../src/stages/test/runner-output.ts';
import { countsText } from '../../../../src/stages/test/test-run.ts';
import { normaliseOutput } from '../../../../src/util/text.ts';

function detect(files: Record<string, string>) {
  return detectTestCommand(Object.keys(files), (p) => files[p] ?? null);
}

describe('detectTestCommand', () => {
  test.each([
    ['package.json test script', { 'package.json': '{"scripts":{"test":"vitest run"}}' }, 'npm test'],
    ['pytest.ini', { 'pytest.ini': '[pytest]\n' }, 'pytest'],
    [
      'pyproject.toml [tool.pytest.ini_options]',
      { 'pyproject.toml': '[project]\nname="x"\n\n[tool.pytest.ini_options]\naddopts="-q"\n' },
      'pytest',
    ],
    ['setup.cfg [tool:pytest]', { 'setup.cfg': '[metadata]\nname = x\n[tool:pytest]\ntestpaths = tests\n' }, 'pytest'],
    ['tox.ini [pytest]', { 'tox.ini': '[tox]\nenvlist = py3\n[pytest]\n' }, 'pytest'],
    ['conftest.py', { 'conftest.py': 'import pytest\n' }, 'pytest'],
    ['tests/test_*.py', { 'pkg/__init__.py': '', 'tests/unit/test_core.py': 'def test_x(): pass\n' }, 'pytest'],
    ['go.mod', { 'go.mod': 'module example.com/x\n\ngo 1.22\n', 'main.go': 'package main\n' }, 'go test -v ./...'],
    ['Cargo.toml', { 'Cargo.toml': '[package]\nname = "x"\n', 'src/lib.rs': '' }, 'cargo test --no-fail-fast'],
    ['Makefile test target', { Makefile: 'build:\n\tcc -o x x.c\n\ntest: build\n\t./x --self-test\n' }, 'make test'],
    ['Makefile double-colon target among others', { makefile: '.PHONY: all\nlint test::\n\t./check\n' }, 'make test'],
  ])('%s', (_name, files, command) => {
    expect(detect(files)?.command).toBe(command);
  });

  test('npm placeholder script and a Makefile: make test', () => {
    const placeholder = JSON.stringify({ scripts: { test: 'echo "Error: no test specified" && exit 1' } });
    expect(detect({ 'package.json': placeholder })).toBeNull();
    expect(detect({ 'package.json': placeholder, Makefile: 'test:\n\tnode t.js\n' })).toEqual({
      command: 'make test',
      source: 'Makefile test target',
    });
  });

  test('package.json wins over the others, in the documented order', () => {
    expect(
      detect({ 'package.json': '{"scripts":{"test":"jest"}}', 'pytest.ini': '', 'go.mod': '', Makefile: 'test:\n' })
        ?.command,
    ).toBe('npm test');
    expect(detect({ 'pytest.ini': '', 'go.mod': '', Makefile: 'test:\n' })?.command).toBe('pytest');
    expect(detect({ 'go.mod': '', 'Cargo.toml': '' })?.command).toBe('go test -v ./...');
  });

  test('nothing to run: null', () => {
    expect(detect({ 'README.md': '# x\n' })).toBeNull();
    expect(detect({ 'package.json': '{"scripts":{"build":"tsc"}}' })).toBeNull();
    expect(detect({ 'package.json': 'not json' })).toBeNull();
    expect(detect({ 'pyproject.toml': '[tool.black]\nline-length = 100\n' })).toBeNull();
    expect(detect({ 'setup.cfg': '[flake8]\n' })).toBeNull();
    expect(detect({ 'src/test_helpers.py': '' })).toBeNull(); // not under tests/ nor at the top
    expect(detect({ Makefile: 'build:\n\tcc x.c\ntest := value\ntest-unit:\n\t./t\n' })).toBeNull();
    expect(detect({ Makefile: 'TEST = 1\n#test:\n' })).toBeNull();
  });
});

// Real outputs, captured from the runners (paths shortened, stack frames trimmed).

const NODE_TAP = `TAP version 13
# Subtest: adds
ok 1 - adds
  ---
  duration_ms: 1.846541
  ...
# Subtest: subtracts
not ok 2 - subtracts
  ---
  duration_ms: 1.974237
  location: '/tmp/samp/test/math.test.js:4:1'
  failureType: 'testCodeFailure'
  error: |-
    Expected values to be strictly equal:
    
    -1 !== 0
    
  code: 'ERR_ASSERTION'
  name: 'AssertionError'
  expected: 0
  actual: -1
  operator: 'strictEqual'
  stack: |-
    TestContext.<anonymous> (/tmp/samp/test/math.test.js:4:34)
    Test.runInAsyncScope (node:async_hooks:206:9)
  ...
# Subtest: group
    # Subtest: inner ok
    ok 1 - inner ok
      ---
      duration_ms: 0.309918
      ...
    # Subtest: inner bad
    not ok 2 - inner bad
      ---
      duration_ms: 0.437657
      location: '/tmp/samp/test/math.test.js:7:3'
      failureType: 'testCodeFailure'
      error: 'inner failed'
      code: 'ERR_ASSERTION'
      ...
    1..2
not ok 3 - group
  ---
  duration_ms: 1.148472
  type: 'suite'
  location: '/tmp/samp/test/math.test.js:5:1'
  failureType: 'subtestsFailed'
  error: '1 subtest failed'
  code: 'ERR_TEST_FAILURE'
  ...
1..3
# tests 4
# suites 1
# pass 2
# fail 2
# cancelled 0
# skipped 0
# todo 0
# duration_ms 165.938716
`;

const NODE_SPEC = `✔ adds (1.17142ms)
✖ subtracts (1.573145ms)
▶ group
  ✔ inner ok (0.263169ms)
  ✖ inner bad (0.394906ms)
✖ group (1.191387ms)
ℹ tests 4
ℹ suites 1
ℹ pass 2
ℹ fail 2
ℹ cancelled 0
ℹ skipped 0
ℹ todo 0
ℹ duration_ms 109.632885

✖ failing tests:

test at test/math.test.js:4:1
✖ subtracts (1.573145ms)
  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:
  
  -1 !== 0
  
      at TestContext.<anonymous> (/tmp/samp/test/math.test.js:4:34)
      at async startSubtestAfterBootstrap (node:internal/test_runner/harness:387:3) {
    generatedMessage: true,
    code: 'ERR_ASSERTION',
    actual: -1,
    expected: 0,
    operator: 'strictEqual',
    diff: 'simple'
  }

test at test/math.test.js:7:3
✖ inner bad (0.394906ms)
  AssertionError [ERR_ASSERTION]: inner failed
      at TestContext.<anonymous> (/tmp/samp/test/math.test.js:7:36)
      at async Test.processPendingSubtests (node:internal/test_runner/test:974:7) {
    generatedMessage: false,
    code: 'ERR_ASSERTION',
    actual: false,
    expected: true,
    operator: '==',
    diff: 'simple'
  }
`;

const VITEST = `
 RUN  v5.1.1 /tmp/samp-vt

 ❯ test/math.test.js (3 tests | 2 failed) 13ms
   ✓ adds 2ms
   × subtracts 6ms
   ❯ group (1)
     × inner bad 2ms
 ✓ test/ok.test.js (1 test) 4ms

⎯⎯⎯⎯⎯⎯⎯ Failed Tests 2 ⎯⎯⎯⎯⎯⎯⎯

 FAIL  test/math.test.js > subtracts
AssertionError: expected -1 to be +0 // Object.is equality

- Expected
+ Received

- 0
+ -1

 ❯ test/math.test.js:3:41
      1| import { test, expect, describe } from 'vitest';
      3| test('subtracts', () => { expect(1 - 2).toBe(0); });
       |                                         ^

⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯[1/2]⎯

 FAIL  test/math.test.js > group > inner bad
AssertionError: expected [ 1, 2 ] to deeply equal [ 1, 3 ]

 ❯ test/math.test.js:4:67

⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯[2/2]⎯


 Test Files  1 failed | 1 passed (2)
      Tests  2 failed | 2 passed (4)
   Start at  19:17:25
   Duration  417ms (transform 33%, import 32%, tests 22%, worker 13%)
`;

const JEST = `FAIL test/math.test.js
  math
    ✓ adds (2 ms)
    ✕ subtracts (3 ms)

  ● math › subtracts

    expect(received).toBe(expected) // Object.is equality

    Expected: 0
    Received: -1

      2 | test('adds', () => expect(add(1, 1)).toBe(2));
    > 3 | test('subtracts', () => expect(sub(1, 2)).toBe(0));
        |                                            ^

      at Object.toBe (test/math.test.js:3:44)

PASS test/other.test.js

Test Suites: 1 failed, 1 passed, 2 total
Tests:       1 failed, 3 passed, 4 total
Snapshots:   0 total
Time:        0.512 s
Ran all test suites.
`;

const PYTEST = `============================= test session starts ==============================
platform linux -- Python 3.11.7, pytest-9.0.3, pluggy-1.6.0
rootdir: /tmp/samp-py
collected 4 items

tests/test_math.py .FFE                                                  [100%]

==================================== ERRORS ====================================
__________________________ ERROR at setup of test_err __________________________
file /tmp/samp-py/tests/test_math.py, line 11
  def test_err(undefined_fixture):
E       fixture 'undefined_fixture' not found

/tmp/samp-py/tests/test_math.py:11
=================================== FAILURES ===================================
___________________________________ test_sub ___________________________________

    def test_sub():
>       assert 1 - 2 == 0
E       assert (1 - 2) == 0

tests/test_math.py:5: AssertionError
_____________________________ TestGroup.test_inner _____________________________

self = <test_math.TestGroup object at 0x7fd63b92d490>

    def test_inner(self):
>       assert [1, 2] == [1, 3]
E       assert [1, 2] == [1, 3]

tests/test_math.py:9: AssertionError
=========================== short test summary info ============================
FAILED tests/test_math.py::test_sub - assert (1 - 2) == 0
FAILED tests/test_math.py::TestGroup::test_inner - assert [1, 2] == [1, 3]
ERROR tests/test_math.py::test_err
===================== 2 failed, 1 passed, 1 error in 1.18s =====================
`;

const GO = `--- FAIL: TestSub (0.00s)
    math_test.go:12: Sub(1, 2) = -1, want 0
FAIL
FAIL	example.com/calc	0.002s
ok  	example.com/calc/strutil	0.001s
ok  	example.com/calc/internal	(cached)
?   	example.com/calc/cmd	[no test files]
FAIL
`;

const GO_VERBOSE = `=== RUN   TestAdd
--- PASS: TestAdd (0.00s)
=== RUN   TestSub
    math_test.go:12: Sub(1, 2) = -1, want 0
--- FAIL: TestSub (0.00s)
=== RUN   TestTable
=== RUN   TestTable/zero
=== RUN   TestTable/one
    math_test.go:20: got 2, want 1
--- FAIL: TestTable (0.00s)
    --- PASS: TestTable/zero (0.00s)
    --- FAIL: TestTable/one (0.00s)
FAIL
FAIL	example.com/calc	0.003s
FAIL
`;

const CARGO = `   Compiling samp-rs v0.1.0 (/tmp/samp-rs)
    Finished \`test\` profile [unoptimized + debuginfo] target(s) in 1.15s
     Running unittests src/lib.rs (target/debug/deps/samp_rs-2afc333699ce74fb)

running 2 tests
test tests::adds ... ok
test tests::subtracts ... FAILED

failures:

---- tests::subtracts stdout ----

thread 'tests::subtracts' (13387) panicked at src/lib.rs:8:22:
assertion \`left == right\` failed
  left: -1
 right: 0
note: run with \`RUST_BACKTRACE=1\` environment variable to display a backtrace


failures:
    tests::subtracts

test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.10s

     Running tests/it.rs (target/debug/deps/it-0b0e6a3c5d9b1f2e)

running 3 tests
test a ... ok
test b ... ok
test c ... ok

test result: ok. 3 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

error: test failed, to rerun pass \`--lib\`
`;

const MOCHA = `

  math
    ✔ adds
    1) subtracts


  1 passing (5ms)
  1 failing

  1) math
       subtracts:

      AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:

-1 !== 0

      + expected - actual

      -1
      +0
      
      at Context.<anonymous> (test/math.test.js:6:12)
      at process.processImmediate (node:internal/timers:483:21)



`;

describe('parseTestOutput', () => {
  const names = (parsed: ParsedTestOutput) => parsed.failures.map((f) => f.name);

  test('node:test TAP (Node 20 default when not on a terminal)', () => {
    const parsed = parseTestOutput(NODE_TAP);
    expect(parsed).toMatchObject({ format: 'node-tap', passed: 2, failed: 2 });
    expect(names(parsed)).toEqual(['subtracts', 'inner bad']); // not the suite that failed because of its subtest
    expect(parsed.failures[0]?.excerpt).toContain('-1 !== 0');
    expect(parsed.failures[1]?.excerpt).toContain("error: 'inner failed'");
  });

  test('node:test spec (Node 24 default)', () => {
    const parsed = parseTestOutput(NODE_SPEC);
    expect(parsed).toMatchObject({ format: 'node-spec', passed: 2, failed: 2 });
    expect(names(parsed)).toEqual(['subtracts', 'inner bad']);
    expect(parsed.failures[0]?.excerpt).toContain('-1 !== 0');
    expect(parsed.failures[0]?.excerpt).not.toContain('at TestContext');
  });

  test('vitest', () => {
    const parsed = parseTestOutput(VITEST);
    expect(parsed).toMatchObject({ format: 'vitest', passed: 2, failed: 2 });
    expect(names(parsed)).toEqual(['test/math.test.js > subtracts', 'test/math.test.js > group > inner bad']);
    expect(parsed.failures[0]?.excerpt).toContain('expected -1 to be +0');
  });

  test('vitest with colours, as a terminal would get them', () => {
    const coloured =
      ' \u001b[31m❯\u001b[39m x\n \u001b[1m\u001b[41m FAIL \u001b[49m\u001b[22m a.test.ts > t\nboom\n      Tests  \u001b[1m\u001b[31m1 failed\u001b[39m\u001b[22m\u001b[2m | \u001b[22m\u001b[1m\u001b[32m4 passed\u001b[39m\u001b[22m\u001b[90m (5)\u001b[39m\n';
    expect(parseTestOutput(coloured)).toMatchObject({
      format: 'vitest',
      passed: 4,
      failed: 1,
      failures: [{ name: 'a.test.ts > t' }],
    });
  });

  test('jest', () => {
    const parsed = parseTestOutput(JEST);
    expect(parsed).toMatchObject({ format: 'jest', passed: 3, failed: 1 });
    expect(names(parsed)).toEqual(['math › subtracts']);
    expect(parsed.failures[0]?.excerpt).toContain('Received: -1');
  });

  test('pytest (failures and errors count as failed)', () => {
    const parsed = parseTestOutput(PYTEST);
    expect(parsed).toMatchObject({ format: 'pytest', passed: 1, failed: 3 });
    expect(names(parsed)).toEqual([
      'tests/test_math.py::test_sub',
      'tests/test_math.py::TestGroup::test_inner',
      'tests/test_math.py::test_err',
    ]);
    expect(parsed.failures[0]?.excerpt).toContain('assert (1 - 2) == 0');
    expect(parsed.failures[1]?.excerpt).toContain('assert [1, 2] == [1, 3]');
    expect(parsed.failures[2]?.excerpt).toContain("fixture 'undefined_fixture' not found");
  });

  test('pytest -q and a passing run', () => {
    expect(parseTestOutput('..\n2 passed in 0.01s\n')).toMatchObject({ format: 'pytest', passed: 2, failed: 0 });
    expect(
      parseTestOutput(
        'collected 0 items\n\n============================ no tests ran in 0.01s =============================\n',
      ),
    ).toMatchObject({ format: 'pytest', passed: 0, failed: 0 });
  });

  test('go test: failed tests without -v (passes unknown), all tests with -v', () => {
    const plain = parseTestOutput(GO);
    expect(plain).toMatchObject({ format: 'go', passed: null, failed: 1 });
    expect(names(plain)).toEqual(['TestSub']);
    expect(plain.failures[0]?.excerpt).toBe('math_test.go:12: Sub(1, 2) = -1, want 0');

    const verbose = parseTestOutput(GO_VERBOSE);
    expect(verbose).toMatchObject({ format: 'go', passed: 2, failed: 2 }); // TestTable counts as its subtests
    expect(names(verbose)).toEqual(['TestSub', 'TestTable/one']);
    expect(verbose.failures[0]?.excerpt).toContain('Sub(1, 2) = -1, want 0');
  });

  test('go build failure', () => {
    const parsed = parseTestOutput(
      '# example.com/calc\n./math.go:3:9: undefined: foo\nFAIL\texample.com/calc [build failed]\nFAIL\n',
    );
    expect(parsed).toMatchObject({
      format: 'go',
      passed: 0,
      failed: 1,
      failures: [{ name: 'example.com/calc', excerpt: './math.go:3:9: undefined: foo' }],
    });
  });

  test('cargo test: results summed over targets', () => {
    const parsed = parseTestOutput(CARGO);
    expect(parsed).toMatchObject({ format: 'cargo', passed: 4, failed: 1 });
    expect(names(parsed)).toEqual(['tests::subtracts']);
    expect(parsed.failures[0]?.excerpt).toContain('left: -1');
  });

  test('mocha', () => {
    const parsed = parseTestOutput(MOCHA);
    expect(parsed).toMatchObject({ format: 'mocha', passed: 1, failed: 1 });
    expect(names(parsed)).toEqual(['math subtracts']);
    expect(parsed.failures[0]?.excerpt).toContain('Expected values to be strictly equal');
  });

  test('a plain "N passed, N failed" line', () => {
    expect(parseTestOutput('running checks\n7 passed, 2 failed\n')).toMatchObject({
      format: 'plain',
      passed: 7,
      failed: 2,
    });
    // Only what the output states: it did not say how many failed.
    expect(parseTestOutput('Ran 12 tests: 12 passed\n')).toMatchObject({ format: 'plain', passed: 12, failed: null });
  });

  test('unknown output: nulls', () => {
    const none = { format: null, passed: null, failed: null, failures: [] };
    expect(parseTestOutput('OK\n')).toEqual(none);
    expect(parseTestOutput('')).toEqual(none);
  });

  test('names match across worktrees once the worktree prefix is removed', () => {
    const at = (dir: string) =>
      `# Subtest: ${dir}/test/c.test.js\nnot ok 1 - ${dir}/test/c.test.js\n  ---\n  error: 'test failed'\n  ...\n# pass 0\n# fail 1\n`;
    const change = parseTestOutput(normaliseOutput(at('/tmp/ensemble-test-abc'), ['/tmp/ensemble-test-abc']));
    const base = parseTestOutput(normaliseOutput(at('/tmp/ensemble-test-base-xyz'), ['/tmp/ensemble-test-base-xyz/']));
    expect(change.failures[0]?.name).toBe('test/c.test.js');
    expect(base.failures[0]?.name).toBe('test/c.test.js');
  });
});

/** Output captured from real runs; test/fixtures/runner-output/README.md says how each was made. */
function fixture(name: string): string {
  return readFileSync(new URL(`../../../fixtures/runner-output/${name}`, import.meta.url), 'utf8');
}

describe('parseTestOutput on captured runs', () => {
  test.each([
    ['node-test-24-spec-load-error.txt', 'node-spec', 'broken.test.js'],
    ['node-test-24-tap-load-error.txt', 'node-tap', 'broken.test.js'],
    ['node-test-20-spec-load-error.txt', 'node-spec', '/tmp/nt/broken.test.js'],
    ['node-test-20-tap-load-error.txt', 'node-tap', '/tmp/nt/broken.test.js'],
  ])('node:test file that fails to load (%s): its error is the excerpt, not "test failed"', (file, format, name) => {
    const parsed = parseTestOutput(fixture(file));
    expect(parsed).toMatchObject({ format, passed: 1, failed: 1 });
    expect(parsed.failures.map((f) => f.name)).toEqual([name]);
    const excerpt = parsed.failures[0]?.excerpt ?? '';
    expect(excerpt).toContain('ReferenceError: require is not defined in ES module scope');
    expect(excerpt).toContain("const x = require('fs');");
    expect(excerpt).not.toContain('test failed');
    expect(excerpt).not.toMatch(/^\s+at |Node\.js v\d+/m);
  });

  test('jest run twice in one command: both runs count, and the failing second run is not "0 failed"', () => {
    const parsed = parseTestOutput(fixture('jest-30-two-runs.txt'));
    expect(parsed).toMatchObject({ format: 'jest', passed: 2, failed: 1 });
    expect(parsed.failures.map((f) => f.name)).toEqual(['multiplies']);
    expect(parsed.failures[0]?.excerpt).toContain('Expected: 5\nReceived: 4');
  });

  test('node-tap TAP output without `# pass` lines: tests are counted, not assertions', () => {
    const parsed = parseTestOutput(fixture('tap-21-tap-reporter-one-failing.txt'));
    // The run's own `# { total: 4, pass: 3, fail: 1 }` counts assertions; the tests are `adds` and `multiplies`.
    expect(parsed).toMatchObject({ format: 'tap', passed: 1, failed: 1 });
    expect(parsed.failures.map((f) => f.name)).toEqual(['multiplies']);
    expect(parsed.failures[0]?.excerpt).toMatch(/^not ok 1 - should be equal\n/);
    expect(parsed.failures[0]?.excerpt).toMatch(/-5\n\s+\+4/);
  });

  test("ava summary followed by the next command's output (64 lines) is still found", () => {
    const output = fixture('ava-6-passed-then-tsc.txt');
    const parsed = parseTestOutput(output);
    expect(parsed).toMatchObject({ format: 'ava', passed: 3, failed: 0, failures: [] });
    const status = classifyTestRun('npm test', { exitCode: 0, timedOut: false, output }, parsed, 60_000).status;
    expect(status).toBe('passed');
  });

  test('ava failure with a long diff: passes counted from the ✔ lines, the diff is the excerpt', () => {
    const parsed = parseTestOutput(fixture('ava-6-failing-diff.txt'));
    expect(parsed).toMatchObject({ format: 'ava', passed: 3, failed: 1 });
    expect(parsed.failures.map((f) => f.name)).toEqual(['builds the config']);
    expect(parsed.failures[0]?.excerpt).toContain("-   key7: 7,\n+   key7: 'seven',");
  });

  test('uvu: failed is Total minus Passed (uvu never prints it), skipped in neither; each FAIL is named', () => {
    const parsed = parseTestOutput(fixture('uvu-0.3-failing-and-skipped.txt'));
    expect(parsed).toMatchObject({ format: 'uvu', passed: 3, failed: 2 });
    expect(parsed.failures.map((f) => f.name)).toEqual(['add > adds negatives', 'divides']);
    expect(parsed.failures[0]?.excerpt).toBe(
      'Expected values to be strictly equal:  (is)\n\n    ++-3    (Expected)\n    ---2    (Actual)',
    );
    expect(parsed.failures[1]?.excerpt).toContain('six over two  (is)');
  });

  test('uvu run twice in one command: both summaries count', () => {
    const once = fixture('uvu-0.3-failing-and-skipped.txt');
    expect(parseTestOutput(`${once}\n${once}`)).toMatchObject({ format: 'uvu', passed: 6, failed: 4 });
  });

  test.each(['pytest-q-collection-error.txt', 'pytest-default-collection-error.txt'])(
    'pytest module that fails to import (%s) is a failure whose excerpt is the import error',
    (file) => {
      const output = fixture(file);
      const parsed = parseTestOutput(output);
      expect(parsed).toMatchObject({ format: 'pytest', passed: 0, failed: 1 });
      expect(parsed.failures.map((f) => f.name)).toEqual(['test_broken.py']);
      expect(parsed.failures[0]?.excerpt).toContain("ModuleNotFoundError: No module named 'not_a_real_module'");
      expect(classifyTestRun('pytest', { exitCode: 2, timedOut: false, output }, parsed, 60_000).status).toBe('failed');
    },
  );
});

describe('parseTestOutput on captured runs of vitest, mocha, go test and cargo test', () => {
  const names = (parsed: ParsedTestOutput) => parsed.failures.map((f) => f.name);
  const run = (file: string, dir: string) => parseTestOutput(normaliseOutput(fixture(file), [dir]));

  test('vitest: a file that fails to import is a failure, counted with the failed tests', () => {
    const parsed = run('vitest-4-failing-and-broken.txt', '/tmp/hp-runners/vt');
    expect(parsed).toMatchObject({ format: 'vitest', passed: 3, failed: 3 });
    expect(names(parsed)).toEqual(['broken.test.js', 'math.test.js > subtracts', 'math.test.js > group > inner bad']);
    expect(parsed.failures[0]?.excerpt).toContain("Error: Cannot find module './does-not-exist.js'");
    expect(parsed.failures[2]?.excerpt).toContain('-   3,\n+   2,');
  });

  test('vitest: only a file that fails to import ("Tests  no tests") is one failure, not unrecognised output', () => {
    const parsed = run('vitest-4-only-broken.txt', '/tmp/hp-runners/vt-broken');
    expect(parsed).toMatchObject({ format: 'vitest', passed: 0, failed: 1 });
    expect(names(parsed)).toEqual(['broken.test.js']);
    expect(parsed.failures[0]?.excerpt).toContain("Error: Cannot find module './does-not-exist.js'");
  });

  test('vitest run twice in one command (one project, then the other): both runs count', () => {
    const parsed = run('vitest-4-projects-two-runs.txt', '/tmp/hp-runners/vt-proj');
    expect(parsed).toMatchObject({ format: 'vitest', passed: 3, failed: 1 });
    expect(names(parsed)).toEqual(['a a.test.js > a fails']); // the project's name, then the test's
    expect(parsed.failures[0]?.excerpt).toContain('Expected: "right"\nReceived: "left"');
  });

  test('mocha: pending tests are not passes; each excerpt keeps the diff printed at column 0', () => {
    const parsed = run('mocha-11-pass-fail-pending.txt', '/tmp/hp-runners/mo');
    expect(parsed).toMatchObject({ format: 'mocha', passed: 2, failed: 2 });
    expect(names(parsed)).toEqual(['math subtracts', 'math nested compares objects']);
    expect(parsed.failures[0]?.excerpt).toContain('-1 !== 0');
    expect(parsed.failures[1]?.excerpt).toContain('+     2\n-     3');
    expect(parsed.failures[1]?.excerpt).not.toMatch(/^\s+at /m);
  });

  test('mocha: a test file that fails to load (nothing runs) is a failure named after the file', () => {
    const parsed = run('mocha-11-load-error.txt', '/tmp/hp-runners/mo-load');
    expect(parsed).toMatchObject({ format: 'mocha', passed: 0, failed: 1 });
    expect(names(parsed)).toEqual(['test/broken.test.js']);
    expect(parsed.failures[0]?.excerpt).toContain("Error: Cannot find module './does-not-exist'");
    expect(parsed.failures[0]?.excerpt).not.toMatch(/^\s+at /m);
  });

  test('mocha: a failing "before all" hook is the failure; the tests it guarded are not counted', () => {
    const parsed = run('mocha-11-before-hook.txt', '/tmp/hp-runners/mo-hook');
    expect(parsed).toMatchObject({ format: 'mocha', passed: 1, failed: 1 });
    expect(names(parsed)).toEqual(['database "before all" hook for "reads"']);
    expect(parsed.failures[0]?.excerpt).toBe('Error: connect ECONNREFUSED 127.0.0.1:5432');
  });

  test('go test without -v: passes unknown, failed tests and a package that does not build are failures', () => {
    const parsed = run('go-1.19-build-and-test-failures.txt', '/tmp/hp-runners/gop');
    // Without -v go prints no passing test, only `ok` per package: a count of packages is not a count of tests.
    expect(parsed).toMatchObject({ format: 'go', passed: null, failed: 3 });
    expect(names(parsed)).toEqual(['example.com/gop/broken', 'TestSub', 'TestTable/neg']);
    expect(parsed.failures[0]?.excerpt).toBe('broken/broken_test.go:6:18: undefined: undefinedValue');
    expect(parsed.failures[2]?.excerpt).toBe('calc_test.go:21: Sub(1, 2) = 3, want -1');
  });

  test('go test -v: tests counted without the parents of subtests; the build failure is kept', () => {
    const parsed = run('go-1.19-verbose.txt', '/tmp/hp-runners/gop');
    expect(parsed).toMatchObject({ format: 'go', passed: 4, failed: 3 });
    expect(names(parsed)).toEqual(['example.com/gop/broken', 'TestSub', 'TestTable/neg']);
    expect(parsed.failures[0]?.excerpt).toBe('broken/broken_test.go:6:18: undefined: undefinedValue');
    expect(parsed.failures[1]?.excerpt).toBe('calc_test.go:13: Sub(3, 1) = 4, want 2');
  });

  test('cargo test: unit tests, two integration test binaries and doctests are summed', () => {
    const parsed = run('cargo-1.95-passing-targets-and-doctests.txt', '/tmp/hp-runners/rs');
    expect(parsed).toMatchObject({ format: 'cargo', passed: 7, failed: 0, failures: [] });
  });

  test('cargo test --no-fail-fast: failures in the unit tests and a doctest, each with its panic', () => {
    const parsed = run('cargo-1.95-no-fail-fast-failures.txt', '/tmp/hp-runners/rs');
    expect(parsed).toMatchObject({ format: 'cargo', passed: 5, failed: 2 });
    expect(names(parsed)).toEqual(['tests::subtracts', 'src/lib.rs - sub (line 10)']);
    expect(parsed.failures[0]?.excerpt).toContain('left: 3\n right: -1');
    expect(parsed.failures[1]?.excerpt).toContain('left: 4\n right: 2');
  });

  test('cargo test that does not compile: a failure named after the target, with the compiler error', () => {
    const parsed = run('cargo-1.95-compile-error.txt', '/tmp/hp-runners/rs');
    expect(parsed).toMatchObject({ format: 'cargo', passed: 0, failed: 1 });
    expect(names(parsed)).toEqual(['calc (test "more")']);
    expect(parsed.failures[0]?.excerpt).toContain('error[E0425]: cannot find function `mul` in crate `calc`');
    expect(parsed.failures[0]?.excerpt).toContain('--> tests/more.rs:4:38');
  });
});

describe('parseTestOutput on runners it does not know', () => {
  test('python unittest: counts unknown, the failing part of the output kept', () => {
    const parsed = parseTestOutput(fixture('unknown-python-unittest.txt'));
    expect(parsed).toMatchObject({ format: null, passed: null, failed: null, failures: [] });
    expect(parsed.excerpt).toMatch(/^ERROR: test_div/);
    expect(parsed.excerpt).toContain('ZeroDivisionError: division by zero');
    expect(parsed.excerpt).toContain('AssertionError: 2 != 3');
  });

  test('a script that prints "2 passed" then throws: failures unknown, not 0; the error is the excerpt', () => {
    const parsed = parseTestOutput(fixture('unknown-node-script-crash.txt'));
    expect(parsed).toMatchObject({ format: 'plain', passed: 2, failed: null, failures: [] });
    expect(parsed.excerpt).toContain(
      'AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n\n90 !== 91',
    );
    expect(parsed.excerpt).not.toMatch(/^\s+at /m);
  });
});

describe('countsText', () => {
  test('a count the output did not state is "?", not 0', () => {
    expect(countsText({ passed: 3, failed: 1 })).toBe('3 passed, 1 failed');
    expect(countsText(parseTestOutput(fixture('go-1.19-build-and-test-failures.txt')))).toBe('? passed, 3 failed');
    expect(countsText(parseTestOutput(fixture('unknown-node-script-crash.txt')))).toBe('2 passed, ? failed');
    expect(countsText({ passed: null, failed: null })).toBeNull();
  });
});

describe('classifyTestRun', () => {
  const run = (exitCode: number | null, output = '', timedOut = false) => ({
    exitCode,
    timedOut,
    signal: null,
    output,
  });
  const classify = (r: ReturnType<typeof run>, command = 'npm test') =>
    classifyTestRun(command, r, parseTestOutput(r.output), 1_800_000);

  test('exit codes', () => {
    expect(classify(run(0, NODE_SPEC.replace('ℹ fail 2', 'ℹ fail 0')))).toMatchObject({
      status: 'passed',
      problem: null,
    });
    expect(classify(run(1, NODE_SPEC))).toMatchObject({ status: 'failed', notRunnable: false });
    expect(classify(run(1, 'weird'))).toMatchObject({ status: 'failed' });
  });

  test('a command that does not exist is an error that says so', () => {
    const result = classify(run(127, '/bin/sh: 1: does-not-exist: not found\n'), 'does-not-exist');
    expect(result).toMatchObject({ status: 'error', notRunnable: true });
    expect(result.problem).toBe(
      '`does-not-exist` could not run: a program it starts was not found (exit 127: /bin/sh: 1: does-not-exist: not found)',
    );
    expect(classify(run(126, 'sh: ./t.sh: Permission denied'), './t.sh').problem).toContain('is not executable');
  });

  test('timeouts, kills and runs with no tests', () => {
    expect(classify(run(null, '', true))).toMatchObject({
      status: 'error',
      problem: "`npm test` did not finish within 30 minutes (the test stage's timeout-minutes) and was stopped",
    });
    expect(classify(run(null))).toMatchObject({ status: 'error', problem: '`npm test` was killed' });
    expect(classify(run(0, '# tests 0\n# pass 0\n# fail 0\n'))).toMatchObject({ status: 'no-tests' });
    expect(classify(run(5, '==== no tests ran in 0.01s ====\n'), 'pytest')).toMatchObject({ status: 'no-tests' });
  });
});

describe('markAtBase', () => {
  const failures = [
    { name: 'sub', excerpt: '' },
    { name: 'legacy', excerpt: '' },
  ];
  const base = (status: 'passed' | 'failed', names: string[], notRunnable = false) => ({
    status,
    notRunnable,
    parsed: { failures: names.map((name) => ({ name, excerpt: '' })) },
  });

  test('by name when the base fails; false when it passes; null when unknown', () => {
    expect(markAtBase(failures, base('failed', ['legacy']), 'npm test')).toEqual([false, true]);
    expect(markAtBase(failures, base('passed', []), 'npm test')).toEqual([false, false]);
    expect(markAtBase(failures, null, 'npm test')).toEqual([null, null]);
    expect(markAtBase(failures, base('failed', [], true), 'npm test')).toEqual([null, null]);
    expect(markAtBase(failures, base('failed', []), 'npm test')).toEqual([null, null]);
    expect(markAtBase([{ name: 'npm test', excerpt: '' }], base('failed', []), 'npm test')).toEqual([true]);
  });
});
