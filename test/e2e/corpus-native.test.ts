/**
 * The corpus of real repositories outside JavaScript (`test/fixtures/corpus/`, see
 * `test/support/corpus.ts`): three Python projects, two Go modules and a Rust crate, each given
 * one small change in its own style by a scripted model, with no `.github/ensemble.yml`.
 * Each case asserts what ensemble detected (setup and test command), that the reported counts
 * are the project's own (its count at the base plus the tests the change adds), the outcome,
 * and that neither the branch nor the user's checkout holds anything else.
 *
 * None of them needs a download: these machines reach neither PyPI, the Go proxy nor crates.io.
 * A case whose toolchain is missing here is skipped with a message saying which.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { formatSummary } from '../../src/runtime/local/cli-run.ts';
import { type CorpusCase, runCorpusCase } from '../support/corpus.ts';
import { git } from '../support/local-e2e.ts';
import { requireSandboxForTests } from '../support/sandbox-required.ts';

const TIMEOUT = 240_000;

/** Whether `command args` runs here; else the reason a case is skipped, printed once. */
function toolchain(what: string, command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    process.stderr.write(
      `\n⚠️  ${what} (\`${command} ${args.join(' ')}\`) does not run here: its corpus case is SKIPPED\n`,
    );
    return false;
  }
}

const hasPytest = toolchain('pytest', 'python3', ['-m', 'pytest', '--version']);
const hasGo = toolchain('Go', 'go', ['version']);
const hasCargo = toolchain('Cargo', 'cargo', ['--version']);

/** Whether PyPI answers (pip's own configuration, which may name a local index, left out). */
function pypiAnswers(): boolean {
  if (!hasPytest) return false;
  try {
    const args = ['-m', 'pip', '--isolated', 'index', 'versions', 'setuptools', '--retries', '0', '--timeout', '5'];
    execFileSync('python3', [...args, '--index-url', 'https://pypi.org/simple'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

const pypiReachable = pypiAnswers();

const six: CorpusCase = {
  name: 'six',
  prompt: 'Add a PY313 flag to six, true on Python 3.13 and later, like PY34.',
  task: {
    id: 't1',
    title: 'Add six.PY313',
    description: 'A PY313 constant next to PY34, with a test.',
    acceptanceCriteria: ['six.PY313 is true exactly on Python 3.13 and later', 'test_six.py tests it'],
    files: ['six.py', 'test_six.py'],
  },
  edits: [
    {
      name: 'edit_file',
      args: {
        path: 'six.py',
        old_string: 'PY34 = sys.version_info[0:2] >= (3, 4)\n',
        new_string: 'PY34 = sys.version_info[0:2] >= (3, 4)\nPY313 = sys.version_info[0:2] >= (3, 13)\n',
      },
    },
    {
      name: 'edit_file',
      args: {
        path: 'test_six.py',
        old_string: 'def test_python_2_unicode_compatible():\n',
        new_string:
          'def test_py313():\n    assert six.PY313 == (sys.version_info[0:2] >= (3, 13))\n\n\n' +
          'def test_python_2_unicode_compatible():\n',
      },
    },
  ],
  check: 'python3 -m pytest -q test_six.py -k py3',
  commitMessage: 'Add six.PY313',
};

const xmltodict: CorpusCase = {
  name: 'xmltodict',
  prompt: 'Add xmltodict.parse_file(path, **kwargs): parse the XML file at a path, with the options of parse.',
  task: {
    id: 't1',
    title: 'Add parse_file',
    description: 'parse_file opens the file in binary mode and hands it to parse with the same keyword arguments.',
    acceptanceCriteria: ['parse_file(path) equals parse of the file', "parse's options work", 'a test covers it'],
    files: ['xmltodict.py', 'tests/test_xmltodict.py'],
  },
  edits: [
    {
      name: 'edit_file',
      args: {
        path: 'xmltodict.py',
        old_string: 'def unparse(input_dict,',
        new_string:
          'def parse_file(path, **kwargs):\n' +
          '    """Parse the XML file at `path`; keyword arguments are those of `parse`."""\n' +
          "    with open(path, 'rb') as f:\n" +
          '        return parse(f, **kwargs)\n\n\n' +
          'def unparse(input_dict,',
      },
    },
    {
      name: 'edit_file',
      args: {
        path: 'tests/test_xmltodict.py',
        old_string: 'from xmltodict import parse, ParsingInterrupted\n',
        new_string: 'from xmltodict import parse, parse_file, ParsingInterrupted\n',
      },
    },
    {
      name: 'edit_file',
      args: {
        path: 'tests/test_xmltodict.py',
        old_string: 'def test_simple():\n',
        new_string:
          'def test_parse_file(tmp_path):\n' +
          "    path = tmp_path / 'a.xml'\n" +
          '    path.write_bytes(b\'<a x="1">data</a>\')\n' +
          "    assert parse_file(path) == {'a': {'@x': '1', '#text': 'data'}}\n" +
          "    assert parse_file(path, xml_attribs=False) == {'a': 'data'}\n\n\n" +
          'def test_simple():\n',
      },
    },
  ],
  check: '.venv/bin/python -m pytest -q tests/test_xmltodict.py',
  commitMessage: 'Add parse_file',
};

const appdirs: CorpusCase = {
  name: 'appdirs',
  prompt: "Give appdirs.AppDirs a repr that shows its arguments, so that logging one says which app's dirs it is.",
  task: {
    id: 't1',
    title: 'Add AppDirs.__repr__',
    description: 'repr(AppDirs(...)) names the class and the five constructor arguments, with a test.',
    acceptanceCriteria: [
      "repr(AppDirs('MyApp', 'MyCompany', version='1.0')) shows all five arguments",
      'a test covers it',
    ],
    files: ['appdirs.py', 'test/test_api.py'],
  },
  edits: [
    {
      name: 'edit_file',
      args: {
        path: 'appdirs.py',
        old_string: '        self.multipath = multipath\n\n    @property\n    def user_data_dir(self):\n',
        new_string:
          '        self.multipath = multipath\n\n' +
          '    def __repr__(self):\n' +
          '        return "%s(appname=%r, appauthor=%r, version=%r, roaming=%r, multipath=%r)" % (\n' +
          '            self.__class__.__name__, self.appname, self.appauthor, self.version,\n' +
          '            self.roaming, self.multipath)\n\n' +
          '    @property\n    def user_data_dir(self):\n',
      },
    },
    {
      name: 'edit_file',
      args: {
        path: 'test/test_api.py',
        old_string: '        self.assertIsInstance(dirs.user_log_dir, STRING_TYPE)\n',
        new_string:
          '        self.assertIsInstance(dirs.user_log_dir, STRING_TYPE)\n\n' +
          '    def test_repr(self):\n' +
          "        dirs = appdirs.AppDirs('MyApp', 'MyCompany', version='1.0')\n" +
          '        self.assertEqual(\n' +
          '            repr(dirs),\n' +
          "            \"AppDirs(appname='MyApp', appauthor='MyCompany', version='1.0', \"\n" +
          '            "roaming=False, multipath=False)")\n',
      },
    },
  ],
  check: 'python3 -m pytest -q test/test_api.py',
  commitMessage: 'Add AppDirs.__repr__',
};

const wordwrap: CorpusCase = {
  name: 'go-wordwrap',
  prompt: 'Add WrapLines(s, lim) to go-wordwrap: the lines WrapString makes, as a slice.',
  task: {
    id: 't1',
    title: 'Add WrapLines',
    description: 'WrapLines splits the result of WrapString into its lines.',
    acceptanceCriteria: ['WrapLines("foo bar baz", 4) is ["foo", "bar", "baz"]', 'a test covers it'],
    files: ['wordwrap.go', 'wordwrap_test.go'],
  },
  edits: [
    {
      name: 'edit_file',
      args: {
        path: 'wordwrap.go',
        old_string: 'import (\n\t"bytes"\n\t"unicode"\n)\n\nconst nbsp = 0xA0\n',
        new_string:
          'import (\n\t"bytes"\n\t"strings"\n\t"unicode"\n)\n\nconst nbsp = 0xA0\n\n' +
          '// WrapLines wraps the given string within lim width in characters, as\n' +
          '// WrapString does, and returns the lines without their line breaks.\n' +
          'func WrapLines(s string, lim uint) []string {\n' +
          '\treturn strings.Split(WrapString(s, lim), "\\n")\n' +
          '}\n',
      },
    },
    {
      name: 'edit_file',
      args: {
        path: 'wordwrap_test.go',
        old_string: 'func TestWrapString(t *testing.T) {\n',
        new_string:
          'func TestWrapLines(t *testing.T) {\n' +
          '\tactual := strings.Join(WrapLines("foo bar baz", 4), "|")\n' +
          '\tif actual != "foo|bar|baz" {\n' +
          '\t\tt.Fatalf("Expected foo|bar|baz, got %s", actual)\n' +
          '\t}\n' +
          '}\n\n' +
          'func TestWrapString(t *testing.T) {\n',
      },
    },
  ],
  check: 'go test ./...',
  commitMessage: 'Add WrapLines',
};

const humanize: CorpusCase = {
  name: 'go-humanize',
  prompt: 'humanize.Ordinal(-1) gives "-1th": negative numbers should get the suffix of their absolute value ("-1st").',
  task: {
    id: 't1',
    title: 'Fix Ordinal for negative numbers',
    description: 'Ordinal picks the suffix from the absolute value, so -1 is "-1st" and -11 is "-11th".',
    acceptanceCriteria: [
      'Ordinal(-1) is "-1st", Ordinal(-12) is "-12th", Ordinal(-123) is "-123rd"',
      'a test covers it',
    ],
    files: ['ordinals.go', 'ordinals_test.go'],
  },
  edits: [
    {
      name: 'edit_file',
      args: {
        path: 'ordinals.go',
        old_string:
          '// Ordinal(3) -> 3rd\nfunc Ordinal(x int) string {\n\tsuffix := "th"\n\tswitch x % 10 {\n' +
          '\tcase 1:\n\t\tif x%100 != 11 {\n\t\t\tsuffix = "st"\n\t\t}\n' +
          '\tcase 2:\n\t\tif x%100 != 12 {\n\t\t\tsuffix = "nd"\n\t\t}\n' +
          '\tcase 3:\n\t\tif x%100 != 13 {\n',
        new_string:
          '// Ordinal(3) -> 3rd\n// Ordinal(-1) -> -1st\nfunc Ordinal(x int) string {\n\tsuffix := "th"\n' +
          '\tn := x\n\tif n < 0 {\n\t\tn = -n\n\t}\n\tswitch n % 10 {\n' +
          '\tcase 1:\n\t\tif n%100 != 11 {\n\t\t\tsuffix = "st"\n\t\t}\n' +
          '\tcase 2:\n\t\tif n%100 != 12 {\n\t\t\tsuffix = "nd"\n\t\t}\n' +
          '\tcase 3:\n\t\tif n%100 != 13 {\n',
      },
    },
    {
      name: 'edit_file',
      args: {
        path: 'ordinals_test.go',
        old_string: '\t\t{"213", Ordinal(213), "213th"},\n\t}.validate(t)\n}\n',
        new_string:
          '\t\t{"213", Ordinal(213), "213th"},\n\t}.validate(t)\n}\n\n' +
          'func TestNegativeOrdinals(t *testing.T) {\n' +
          '\ttestList{\n' +
          '\t\t{"-1", Ordinal(-1), "-1st"},\n' +
          '\t\t{"-2", Ordinal(-2), "-2nd"},\n' +
          '\t\t{"-3", Ordinal(-3), "-3rd"},\n' +
          '\t\t{"-11", Ordinal(-11), "-11th"},\n' +
          '\t\t{"-12", Ordinal(-12), "-12th"},\n' +
          '\t\t{"-123", Ordinal(-123), "-123rd"},\n' +
          '\t}.validate(t)\n' +
          '}\n',
      },
    },
  ],
  check: 'go test ./...',
  commitMessage: 'Give negative numbers the ordinal suffix of their absolute value',
};

const heck: CorpusCase = {
  name: 'heck',
  prompt: 'Add heck::is_snake_case(s): whether a string is already in snake case.',
  task: {
    id: 't1',
    title: 'Add is_snake_case',
    description: 'is_snake_case(s) is true when converting s to snake case leaves it unchanged.',
    acceptanceCriteria: ['is_snake_case("snake_case") is true', 'is_snake_case("CamelCase") is false'],
    files: ['src/snake.rs', 'src/lib.rs'],
  },
  edits: [
    {
      name: 'edit_file',
      args: {
        path: 'src/snake.rs',
        old_string: 'impl ToSnakeCase for str {\n',
        new_string:
          '/// Whether the string is in snake case already: converting it changes nothing.\n' +
          '///\n' +
          '/// ```rust\n' +
          '/// assert!(heck::is_snake_case("we_carry_a_new_world"));\n' +
          '/// assert!(!heck::is_snake_case("WeCarryANewWorld"));\n' +
          '/// ```\n' +
          'pub fn is_snake_case(s: &str) -> bool {\n' +
          '    s.to_snake_case() == s\n' +
          '}\n\n' +
          'impl ToSnakeCase for str {\n',
      },
    },
    {
      name: 'edit_file',
      args: {
        path: 'src/snake.rs',
        old_string: '    t!(test25: "ABcDE" => "a_bc_de");\n}\n',
        new_string:
          '    t!(test25: "ABcDE" => "a_bc_de");\n\n' +
          '    #[test]\n' +
          '    fn is_snake_case() {\n' +
          '        assert!(super::is_snake_case("snake_case"));\n' +
          '        assert!(super::is_snake_case("field_name11"));\n' +
          '        assert!(!super::is_snake_case("CamelCase"));\n' +
          '        assert!(!super::is_snake_case("kebab-case"));\n' +
          '    }\n' +
          '}\n',
      },
    },
    {
      name: 'edit_file',
      args: {
        path: 'src/lib.rs',
        old_string: 'pub use snake::{AsSnakeCase, AsSnakeCase as AsSnekCase, ToSnakeCase, ToSnekCase};\n',
        new_string:
          'pub use snake::{is_snake_case, AsSnakeCase, AsSnakeCase as AsSnekCase, ToSnakeCase, ToSnekCase};\n',
      },
    },
  ],
  check: 'cargo test --lib',
  commitMessage: 'Add is_snake_case',
};

/** Runs `c` and checks what every case shares: green, the change on the branch, nothing else anywhere. */
async function runGreen(c: CorpusCase, changed: string[]) {
  const started = Date.now();
  const result = await runCorpusCase(c);
  const { code, stderr, summary, server, repo, status } = result;
  process.stderr.write(`corpus ${c.name}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  expect(server.problems).toEqual([]);
  expect(code, summary ? formatSummary(summary) : stderr).toBe(0);
  expect(summary?.outcome, summary ? formatSummary(summary) : stderr).toBe('green');
  const branch = summary!.branch!;
  expect(git(repo, 'diff', '--name-only', 'main', branch).split('\n').filter(Boolean).sort()).toEqual(
    [...changed].sort(),
  );
  // Nothing built or installed reaches the branch: no .venv, __pycache__, target/ or Cargo.lock.
  const tracked = git(repo, 'ls-tree', '-r', '--name-only', branch);
  expect(tracked).not.toMatch(/(^|\/)(\.venv|__pycache__|target|\.pytest_cache)\//m);
  expect(tracked).not.toMatch(/^Cargo\.lock$/m);
  expect(status).toBe('');
  return summary!;
}

describe('ensemble run on real Python, Go and Rust projects, with no configuration', () => {
  requireSandboxForTests('the corpus runs');

  test.skipIf(!hasPytest)(
    'six (Python, setup.py only): nothing to install, pytest from setup.cfg, its own counts plus one',
    async () => {
      const summary = await runGreen(six, ['six.py', 'test_six.py']);
      // setup.py alone names no dependency to install, and detection never runs setup.py.
      expect(summary.setup).toMatchObject({
        status: 'none',
        source: 'none',
        commands: [],
        testCommand: 'pytest',
        testCommandReason: 'setup.cfg [tool:pytest]',
        failure: null,
      });
      // `python3 -m pytest` at the base: "198 passed, 2 skipped" (the two skipped need Python 2
      // or tkinter); ensemble counts the passed ones. The change adds test_py313.
      expect(summary.test).toMatchObject({ status: 'passed', command: 'pytest', passed: 198 + 1, failed: 0 });
      expect(formatSummary(summary)).toContain('setup:   nothing to install');
    },
    TIMEOUT,
  );

  test.skipIf(!hasPytest)(
    'appdirs (Python, setup.py, unittest tests under test/): nothing to install, pytest, its own counts plus one',
    async () => {
      const summary = await runGreen(appdirs, ['appdirs.py', 'test/test_api.py']);
      // Neither setup.py, setup.cfg (bdist_wheel only) nor tox.ini names anything to install, and
      // nothing configures pytest: its test files are what says the project runs under pytest.
      expect(summary.setup).toMatchObject({
        status: 'none',
        source: 'none',
        commands: [],
        testCommand: 'pytest',
        testCommandReason: 'Python tests (test/test_api.py)',
        failure: null,
      });
      // `pytest` at the base: "3 passed" (the unittest.TestCase methods of test/test_api.py,
      // collected by pytest; upstream runs them with `python -m unittest discover`). The change
      // adds test_repr.
      expect(summary.test).toMatchObject({ status: 'passed', command: 'pytest', passed: 3 + 1, failed: 0 });
      expect(formatSummary(summary)).toContain('setup:   nothing to install');
    },
    TIMEOUT,
  );

  // Detection installs a pyproject.toml project with pip into .venv, which needs the project's
  // build backend (setuptools here) from PyPI. Where PyPI is reachable the run is green; where it
  // is not (these machines), the setup must fail as it does, truthfully and before any model call.
  test.skipIf(!hasPytest)(
    `xmltodict (Python, pyproject.toml): a .venv with its test extras; ${
      pypiReachable ? 'pytest from it, its own counts plus one' : 'PyPI unreachable: the setup fails, said so'
    }`,
    async () => {
      const install =
        "python3 -m venv .venv && .venv/bin/python -m pip install --upgrade pip && .venv/bin/python -m pip install '.[test]'" +
        ' && .venv/bin/python -m pip uninstall -y xmltodict';
      const detected = {
        source: 'detected',
        reason: 'pyproject.toml found (extras test); xmltodict itself is imported from each checkout',
        commands: [install],
        testCommand: '.venv/bin/python -m pytest',
      };
      if (!pypiReachable) {
        const started = Date.now();
        const { code, summary, server, status } = await runCorpusCase(xmltodict);
        process.stderr.write(
          `corpus xmltodict (setup without PyPI): ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
        );
        expect(server.requests).toHaveLength(0);
        expect(code).toBe(1);
        expect(summary).toMatchObject({ outcome: 'no-branch', branch: null });
        expect(summary?.setup).toMatchObject({
          ...detected,
          status: 'failed',
          failure: { command: install, exitCode: 1, timedOut: false },
        });
        expect(summary?.setup.failure?.output).toContain('No matching distribution found for setuptools');
        expect(formatSummary(summary!)).toContain(`setup:   FAILED: \`${install}\` (exit 1;`);
        expect(status).toBe('');
        return;
      }
      const summary = await runGreen(xmltodict, ['xmltodict.py', 'tests/test_xmltodict.py']);
      expect(summary.setup).toMatchObject({ ...detected, status: 'done', failure: null });
      // `python3 -m pytest` at the base: "119 passed". The change adds test_parse_file.
      expect(summary.test).toMatchObject({ status: 'passed', passed: 119 + 1, failed: 0 });
    },
    TIMEOUT,
  );

  test.skipIf(!hasGo)(
    'go-wordwrap (Go, standard library only): go mod download, go test -v, its own counts plus one',
    async () => {
      const summary = await runGreen(wordwrap, ['wordwrap.go', 'wordwrap_test.go']);
      expect(summary.setup).toMatchObject({
        status: 'done',
        source: 'detected',
        reason: 'go.mod found',
        commands: ['GOFLAGS=-modcacherw go mod download'],
        testCommand: 'go test -v ./...',
        failure: null,
      });
      // `go test -v ./...` at the base prints one `--- PASS: TestWrapString`: ensemble counts
      // test functions (a table of cases inside one is one test). The change adds TestWrapLines.
      expect(summary.test).toMatchObject({ status: 'passed', passed: 1 + 1, failed: 0 });
    },
    TIMEOUT,
  );

  test.skipIf(!hasGo)(
    'go-humanize (Go, two packages, standard library only): go test -v, subtests counted, its own counts plus one',
    async () => {
      const summary = await runGreen(humanize, ['ordinals.go', 'ordinals_test.go']);
      expect(summary.setup).toMatchObject({
        status: 'done',
        source: 'detected',
        reason: 'go.mod found',
        commands: ['GOFLAGS=-modcacherw go mod download'],
        testCommand: 'go test -v ./...',
        failure: null,
      });
      // `go test -v ./...` at the base: 29 `--- PASS` test functions in the root package and 4 in
      // english/, plus FuzzComma, whose 10 seed inputs each print their own `--- PASS:
      // FuzzComma/seed#N` subtest: ensemble counts those 10 leaves in its place (29 + 10 + 4).
      // The change adds TestNegativeOrdinals.
      expect(summary.test).toMatchObject({ status: 'passed', passed: 29 + 10 + 4 + 1, failed: 0 });
    },
    TIMEOUT,
  );

  test.skipIf(!hasCargo)(
    'heck (Rust, no dependencies): cargo fetch, cargo test, unit tests and doctests counted',
    async () => {
      const summary = await runGreen(heck, ['src/lib.rs', 'src/snake.rs']);
      // heck keeps no Cargo.lock (its .gitignore names it).
      expect(summary.setup).toMatchObject({
        status: 'done',
        source: 'detected',
        reason: 'Cargo.toml found',
        commands: ['cargo fetch'],
        testCommand: 'cargo test --no-fail-fast',
        failure: null,
      });
      // `cargo test` at the base: "112 passed" (unit tests, src/lib.rs) and "16 passed"
      // (Doc-tests heck); ensemble sums every `test result:` line. The change adds one unit
      // test and one doctest.
      expect(summary.test).toMatchObject({ status: 'passed', passed: 112 + 16 + 2, failed: 0 });
    },
    TIMEOUT,
  );
});
