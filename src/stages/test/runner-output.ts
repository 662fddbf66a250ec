/**
 * What the test stage knows about test runners, without running anything: which command runs a
 * repository's tests (detect), what a run's output says — counts and failing tests, for the
 * common runners (parse) — and what a run's status is (classify).
 */

import { clip, clipExcerpt, formatTimeLimit, stripAnsi } from '../../util/text.ts';

/** A detected test command and why it was chosen. */
export interface DetectedTestCommand {
  command: string;
  /** What it was detected from, for the report ("package.json scripts.test"). */
  source: string;
}

/** npm's placeholder when `npm init` wrote the package: it always fails and tests nothing. */
const NPM_PLACEHOLDER = /no test specified/i;

/** A `test` target in a Makefile: `test:`, `test::`, or `lint test:` (not `test := value`). */
const MAKE_TEST_TARGET = /^(?:[^\s:#=]+[ \t]+)*test(?:[ \t]+[^\s:#=]+)*[ \t]*::?(?!=)/m;

const MAKEFILES = ['GNUmakefile', 'makefile', 'Makefile'];

function isPytestFile(file: string): boolean {
  const name = file.slice(file.lastIndexOf('/') + 1);
  return /^test_.*\.py$/.test(name) || /^[^/]+_test\.py$/.test(name);
}

/**
 * The command that runs the repository's tests, from its files (repository-relative paths and a
 * reader of their contents, null for a missing or unreadable file), in this order:
 * `package.json` `scripts.test` (not npm's "no test specified" placeholder) → `npm test`;
 * pytest configuration (`pytest.ini`, `pyproject.toml` `[tool.pytest…]`, `setup.cfg`
 * `[tool:pytest]`, `tox.ini` `[pytest]`, `conftest.py`) or `test_*.py` files at the top or under
 * `tests/`/`test/` → `pytest`; `go.mod` → `go test -v ./...`; `Cargo.toml` → `cargo test --no-fail-fast`; a Makefile
 * with a `test` target → `make test`. Null when nothing matches.
 */
export function detectTestCommand(
  files: readonly string[],
  read: (path: string) => string | null,
): DetectedTestCommand | null {
  const has = new Set(files);

  if (has.has('package.json')) {
    const script = npmTestScript(read('package.json'));
    if (script !== null && !NPM_PLACEHOLDER.test(script))
      return { command: 'npm test', source: 'package.json scripts.test' };
  }

  const pytest = pytestSource(has, files, read);
  if (pytest) return { command: 'pytest', source: pytest };

  // -v: without it go prints no line for a passing test, so nobody could say how many passed.
  if (has.has('go.mod')) return { command: 'go test -v ./...', source: 'go.mod' };
  // --no-fail-fast: else cargo stops at the first failing test binary, and the others' tests go uncounted.
  if (has.has('Cargo.toml')) return { command: 'cargo test --no-fail-fast', source: 'Cargo.toml' };

  for (const makefile of MAKEFILES) {
    if (!has.has(makefile)) continue;
    const text = read(makefile);
    if (text !== null && MAKE_TEST_TARGET.test(text))
      return { command: 'make test', source: `${makefile} test target` };
  }
  return null;
}

function npmTestScript(text: string | null): string | null {
  if (text === null) return null;
  try {
    const pkg = JSON.parse(text) as { scripts?: Record<string, unknown> } | null;
    const script = pkg?.scripts?.test;
    return typeof script === 'string' && script.trim() !== '' ? script : null;
  } catch {
    return null;
  }
}

function pytestSource(
  has: Set<string>,
  files: readonly string[],
  read: (path: string) => string | null,
): string | null {
  if (has.has('pytest.ini')) return 'pytest.ini';
  if (has.has('pyproject.toml') && /^\[tool\.pytest(?:\.ini_options)?\]/m.test(read('pyproject.toml') ?? ''))
    return 'pyproject.toml [tool.pytest]';
  if (has.has('setup.cfg') && /^\[tool:pytest\]/m.test(read('setup.cfg') ?? '')) return 'setup.cfg [tool:pytest]';
  if (has.has('tox.ini') && /^\[pytest\]/m.test(read('tox.ini') ?? '')) return 'tox.ini [pytest]';
  if (has.has('conftest.py')) return 'conftest.py';
  const testFile = files.find(
    (f) => isPytestFile(f) && (!f.includes('/') || f.startsWith('tests/') || f.startsWith('test/')),
  );
  return testFile ? `Python tests (${testFile})` : null;
}

// ---------------------------------------------------------------------------------------------
// Output parsing

export type TestOutputFormat =
  | 'node-tap'
  | 'node-spec'
  | 'tap'
  | 'vitest'
  | 'jest'
  | 'pytest'
  | 'go'
  | 'cargo'
  | 'mocha'
  | 'ava'
  | 'uvu'
  | 'plain';

export interface ParsedFailure {
  name: string;
  excerpt: string;
}

export interface ParsedTestOutput {
  /** The runner the output was recognised as; null when none. */
  format: TestOutputFormat | null;
  /** null when the output did not say. */
  passed: number | null;
  failed: number | null;
  /** Failing tests by name, in order, without duplicates. */
  failures: ParsedFailure[];
  /**
   * For output no runner's format was recognised in: the part that shows a failure (from the first
   * line that reads like one: `FAIL`, `ERROR:`, `Traceback`, `AssertionError: …`), so that the
   * reason reaches a person even when no test was named. Absent otherwise, and when nothing reads so.
   */
  excerpt?: string;
}

export const MAX_EXCERPT_CHARS = 2_000;
export const MAX_FAILURES = 200;

function lastNumber(text: string, pattern: RegExp): number | null {
  let value: number | null = null;
  for (const m of text.matchAll(pattern)) value = Number(m[1]);
  return value;
}

function sumNumbers(text: string, pattern: RegExp): number | null {
  let total: number | null = null;
  for (const m of text.matchAll(pattern)) total = (total ?? 0) + Number(m[1]);
  return total;
}

class FailureList {
  readonly items: ParsedFailure[] = [];
  readonly #seen = new Set<string>();
  add(name: string, excerpt = ''): void {
    const clean = name.trim();
    if (clean === '' || this.#seen.has(clean) || this.items.length >= MAX_FAILURES) return;
    this.#seen.add(clean);
    this.items.push({ name: clean.slice(0, 1_000), excerpt: clipExcerpt(excerpt, MAX_EXCERPT_CHARS) });
  }
}

/** Lines after `start` while they are blank or indented deeper than `indent`. */
function indentedBlock(lines: readonly string[], start: number, indent: number): string[] {
  const out: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() !== '' && leading(line) <= indent) break;
    out.push(line);
  }
  return out;
}

function leading(line: string): number {
  return line.length - line.trimStart().length;
}

/** Stack frames (`    at fn (file:1:2)`) dropped; the `{` that opens an error's properties on the last frame kept. */
function withoutStack(lines: readonly string[]): string[] {
  return lines.flatMap((line) => {
    const frame = /^(\s+)at .*?( \{)?$/.exec(line);
    if (!frame) return [line];
    return frame[2] ? [`${frame[1]}{`] : [];
  });
}

function dedent(lines: readonly string[]): string {
  const indents = lines.filter((l) => l.trim() !== '').map(leading);
  const min = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(min, leading(l)))).join('\n');
}

/**
 * Counts and failing tests from a test command's output, for the runners whose summaries are
 * recognisable: node:test (TAP `# pass N` and spec `ℹ pass N`), vitest, jest, pytest, go test,
 * cargo test, mocha, ava, uvu, and a plain `N passed, N failed`. Unknown output gives nulls and no names.
 * Pass the output through `normaliseOutput` first.
 */
export function parseTestOutput(raw: string): ParsedTestOutput {
  const text = stripAnsi(raw).replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const parsed =
    parseCargo(text, lines) ??
    parsePytest(text, lines) ??
    parseGo(text, lines) ??
    parseVitest(text, lines) ??
    parseJest(text, lines) ??
    parseNodeTap(text, lines) ??
    parseTap(text, lines) ??
    parseNodeSpec(text, lines) ??
    parseMocha(text, lines) ??
    parseAva(text, lines) ??
    parseUvu(text, lines);
  return parsed ?? parsePlain(lines);
}

/** What a runner's parser says: the fallback's excerpt is only the fallback's. */
type RunnerOutput = Omit<ParsedTestOutput, 'excerpt'>;

/** cargo's line when a target does not build: ``error: could not compile `calc` (test "more") due to 1 previous error``. */
const CARGO_COMPILE_ERROR = /^error: could not compile `([^`]+)` \(([^)]+)\)/;

function parseCargo(text: string, lines: readonly string[]): RunnerOutput | null {
  const results = /^test result: (?:ok|FAILED)\./m.test(text);
  if (!results && !lines.some((l) => CARGO_COMPILE_ERROR.test(l))) return null;
  const failures = new FailureList();
  // A target that does not compile runs no test: it is one failure, named after the target, whose
  // excerpt is the compiler's errors (printed since the previous `Compiling` or target error).
  let compileErrors = 0;
  let blockStart = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s+Compiling /.test(line)) blockStart = i + 1;
    const m = CARGO_COMPILE_ERROR.exec(line);
    if (!m) continue;
    compileErrors++;
    const block = lines.slice(blockStart, i);
    const first = block.findIndex((l) => /^error(?:\[E\d+\])?: /.test(l));
    const errors = first === -1 ? [] : block.slice(first).filter((l) => !/^For more information about /.test(l));
    failures.add(`${m[1]} (${m[2]})`, errors.join('\n').trim() || line);
    blockStart = i + 1;
  }
  const sections = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    const header = /^---- (.+?) stdout ----$/.exec(lines[i] ?? '');
    if (!header?.[1]) continue;
    const body: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (/^---- .+ stdout ----$/.test(line) || /^failures:$/.test(line) || /^stack backtrace:$/.test(line)) break;
      body.push(line);
    }
    sections.set(header[1], body.join('\n'));
  }
  for (const line of lines) {
    const m = /^test (.+?) \.\.\. FAILED$/.exec(line);
    if (m?.[1]) failures.add(m[1], sections.get(m[1]) ?? '');
  }
  return {
    format: 'cargo',
    passed: sumNumbers(text, /^test result: \w+\. (\d+) passed;/gm) ?? 0,
    failed: (sumNumbers(text, /^test result: \w+\. \d+ passed; (\d+) failed;/gm) ?? 0) + compileErrors,
    failures: failures.items,
  };
}

/** pytest's closing line: `=== 2 failed, 10 passed, 1 error in 0.12s ===`, or the same bare with `-q`. */
const PYTEST_SUMMARY =
  /^(?:=+ )?((?:\d+ (?:failed|passed|skipped|deselected|xfailed|xpassed|errors?|warnings?)(?:, )?)+)(?: in [\d.]+s(?: \([^)]*\))?)(?: =+)?$/m;

function parsePytest(text: string, lines: readonly string[]): RunnerOutput | null {
  const summaries = [...text.matchAll(new RegExp(PYTEST_SUMMARY.source, 'gm'))];
  const noTests = /^=+ no tests ran in [\d.]+s =+$/m.test(text);
  if (summaries.length === 0 && !noTests) return null;
  const summary = summaries.at(-1)?.[1] ?? '';
  const count = (what: RegExp) => {
    const m = what.exec(summary);
    return m ? Number(m[1]) : 0;
  };
  const sections = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    const header = /^_{3,} (.+?) _{3,}$/.exec(lines[i] ?? '');
    if (!header?.[1]) continue;
    const body: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (/^_{3,} .+ _{3,}$/.test(line) || /^={3,}.*={3,}$/.test(line)) break;
      body.push(line);
    }
    // A module that fails to import is reported as `ERROR collecting tests/test_x.py`, named by its path.
    const name = header[1].replace(/^ERROR at (?:setup|teardown) of /, '').replace(/^ERROR collecting /, '');
    sections.set(name, body.join('\n'));
  }
  const failures = new FailureList();
  for (const line of lines) {
    const m = /^(FAILED|ERROR) (\S+)(?: - (.*))?$/.exec(line);
    if (!m?.[2]) continue;
    const id = m[2];
    const key = id.split('::').slice(1).join('.').replace(/\[.*$/, '');
    const param = id.split('::').slice(1).join('.');
    failures.add(id, sections.get(param) ?? sections.get(key) ?? sections.get(id) ?? m[3] ?? '');
  }
  return {
    format: 'pytest',
    passed: count(/(\d+) passed/),
    failed: count(/(\d+) failed/) + count(/(\d+) errors?/),
    failures: failures.items,
  };
}

/** go test's per-package line: `ok  	example.com/m	0.002s`, `FAIL	example.com/m [build failed]`. */
const GO_PACKAGE = /^(ok|FAIL)[ \t]+(\S+)[ \t]+(?:[\d.]+s\b|\(cached\)|\[([^\]\n]+)\])/m;

/**
 * go test: tests are the `--- PASS/FAIL` lines, counted without the parents of subtests (a parent
 * passes or fails with its subtests, as node-tap's are counted). Without `-v` go prints no line for
 * a passing test, only `ok` per package, so the passes are then unknown (null) unless no package
 * ran a test at all. A package that does not build (`[build failed]`, `[setup failed]`) runs no test:
 * it is one failure, named after the package, whose excerpt is the compiler's errors.
 */
function parseGo(text: string, lines: readonly string[]): RunnerOutput | null {
  if (!GO_PACKAGE.test(text) && !/^\s*--- (?:FAIL|PASS): /m.test(text)) return null;
  const failures = new FailureList();
  const results: { name: string; passed: boolean; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)--- (PASS|FAIL): (\S+)/.exec(lines[i] ?? '');
    if (m?.[3]) results.push({ name: m[3], passed: m[2] === 'PASS', line: i });
  }
  const leaves = results.filter((r) => !results.some((o) => o.name.startsWith(`${r.name}/`)));
  const packages = [...text.matchAll(new RegExp(GO_PACKAGE.source, 'gm'))];
  const unbuilt = packages.filter((m) => m[1] === 'FAIL' && m[3] !== undefined);
  for (const pkg of unbuilt) failures.add(pkg[2] ?? '', goBuildErrors(lines, pkg[2] ?? '') || (pkg[0] ?? ''));
  for (const { name, line } of leaves.filter((r) => !r.passed)) {
    const indent = leading(lines[line] ?? '');
    let body = indentedBlock(lines, line + 1, indent).filter((l) => !/^\s*--- (?:PASS|FAIL|SKIP): /.test(l));
    if (body.every((l) => l.trim() === '')) {
      // -v prints a test's log between `=== RUN   Name` and its result.
      let start = line - 1;
      while (start >= 0 && !(lines[start] ?? '').startsWith(`=== RUN   ${name}`)) start--;
      body = start >= 0 ? lines.slice(start + 1, line).filter((l) => !/^=== (?:RUN|PAUSE|CONT|NAME)\s/.test(l)) : [];
    }
    failures.add(name, dedent(body).trim());
  }
  const verbose = /^=== RUN /m.test(text);
  const ranTests = packages.some((m) => m[3] === undefined);
  const passes = leaves.filter((r) => r.passed).length;
  return {
    format: 'go',
    passed: verbose || !ranTests ? passes : null,
    failed: leaves.filter((r) => !r.passed).length + unbuilt.length,
    failures: failures.items,
  };
}

/** The compiler's errors for a package, printed under `# example.com/m [example.com/m.test]`. */
function goBuildErrors(lines: readonly string[], pkg: string): string {
  const header = lines.findIndex((l) => l === `# ${pkg}` || l.startsWith(`# ${pkg} [`));
  if (header === -1) return '';
  const out: string[] = [];
  for (let i = header + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || /^(?:# |ok\s|FAIL\b|PASS\b|\?\s|=== |--- )/.test(line)) break;
    out.push(line);
  }
  return out.join('\n');
}

/**
 * vitest: one `Tests  2 failed | 3 passed (5)` per run (`Tests  no tests` when no file loaded), summed
 * when a command runs vitest more than once. A file that fails to import runs no test and is listed
 * under `Failed Suites N` (as is a suite whose hook failed): each is one failure, named after the file.
 */
function parseVitest(text: string, lines: readonly string[]): RunnerOutput | null {
  const summaries = [...text.matchAll(/^\s*Tests\s+(.+?)\s+\((\d+)\)\s*$/gm)]
    .map((m) => m[1] ?? '')
    .filter((summary) => /\b(?:passed|failed|skipped|todo)\b/.test(summary));
  const noTests = /^\s*Test Files\s/m.test(text) && /^\s*Tests\s+no tests\s*$/m.test(text);
  if (summaries.length === 0 && !noTests) return null;
  const part = (what: string) => {
    let total = 0;
    for (const summary of summaries) total += Number(new RegExp(`(\\d+) ${what}`).exec(summary)?.[1] ?? 0);
    return total;
  };
  const failedSuites = sumNumbers(text, /^⎯+ Failed Suites (\d+) ⎯+$/gm) ?? 0;
  const failures = new FailureList();
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*FAIL\s+(.+?)\s*$/.exec(lines[i] ?? '');
    if (!m?.[1]) continue;
    const body: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (/^\s*FAIL\s/.test(line) || /^⎯{3,}/.test(line) || /^\s*Test Files\s/.test(line)) break;
      body.push(line);
    }
    // `FAIL  broken.test.js [ broken.test.js ]`; with projects ` FAIL   a  a.test.js > t` (the name on a coloured label).
    failures.add(m[1].replace(/\s+\[.*\]$/, '').replace(/\s+/g, ' '), body.join('\n'));
  }
  return {
    format: 'vitest',
    passed: part('passed'),
    failed: part('failed') + failedSuites,
    failures: failures.items,
  };
}

function parseJest(text: string, lines: readonly string[]): RunnerOutput | null {
  // One summary per run; a command that runs jest twice (`jest && jest --ci`, a script per
  // project) prints several, and each run's tests count.
  const summaries = [...text.matchAll(/^Tests:\s+(.*\d+ total)\s*$/gm)].map((m) => m[1] ?? '');
  if (summaries.length === 0) return null;
  const part = (what: string) => {
    let total = 0;
    for (const summary of summaries) total += Number(new RegExp(`(\\d+) ${what}`).exec(summary)?.[1] ?? 0);
    return total;
  };
  const failures = new FailureList();
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)● (.+)$/.exec(lines[i] ?? '');
    if (!m?.[2] || m[2].startsWith('Console')) continue;
    failures.add(m[2], dedent(indentedBlock(lines, i + 1, (m[1] ?? '').length)));
  }
  return { format: 'jest', passed: part('passed'), failed: part('failed'), failures: failures.items };
}

function parseNodeTap(text: string, lines: readonly string[]): RunnerOutput | null {
  if (!/^# pass \d+$/m.test(text) || !/^# fail \d+$/m.test(text)) return null;
  const failures = new FailureList();
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)not ok \d+ - (.*?)(?: # (?:SKIP|TODO).*)?$/.exec(lines[i] ?? '');
    if (!m?.[2]) continue;
    const indent = (m[1] ?? '').length;
    const yaml = indentedBlock(lines, i + 1, indent);
    const body = yaml.join('\n');
    // A suite that failed because a subtest did is named by its subtests.
    if (/failureType: 'subtestsFailed'/.test(body)) continue;
    const name = m[2].replace(/\\#/g, '#');
    failures.add(name, tapFileOutput(lines, name, body) ?? tapError(yaml));
  }
  return {
    format: 'node-tap',
    passed: lastNumber(text, /^# pass (\d+)$/gm),
    failed: lastNumber(text, /^# fail (\d+)$/gm),
    failures: failures.items,
  };
}

/**
 * node:test runs each file in a child process; a file that fails outside any test (it throws while
 * loading: a syntax error, `require` in an ES module) is reported as a test named after the file
 * whose only error is 'test failed'. The real error is what the child printed to stderr, which the
 * TAP reporter writes as `# ` comments just before the file's `# Subtest:` line.
 */
function tapFileOutput(lines: readonly string[], name: string, yaml: string): string | null {
  if (!/^\s*error: 'test failed'$/m.test(yaml)) return null;
  const subtest = lines.indexOf(`# Subtest: ${name}`);
  const printed: string[] = [];
  for (let i = subtest - 1; i >= 0; i--) {
    const m = /^# (.*)$/.exec(lines[i] ?? '');
    if (!m || /^Subtest: /.test(m[1] ?? '')) break;
    printed.unshift(m[1] ?? '');
  }
  return childError(printed);
}

/** A child process's stderr without stack frames and Node's closing `Node.js v24.0.0` line; null when empty. */
function childError(printed: readonly string[]): string | null {
  const kept = withoutStack(printed).filter((l) => !/^Node\.js v\d+/.test(l));
  const text = dedent(kept).trim();
  return text === '' ? null : text;
}

/** The `error:` (and location) of a TAP YAML diagnostic block. */
function tapError(yaml: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < yaml.length; i++) {
    const line = yaml[i] ?? '';
    const m = /^(\s*)(error|location|expected|actual): ?(.*)$/.exec(line);
    if (!m) continue;
    const [, indent = '', key, value = ''] = m;
    if (value === '|-' || value === '|' || value === '>-') {
      const block = indentedBlock(yaml, i + 1, indent.length);
      out.push(`${key}:\n${dedent(block)}`);
    } else {
      out.push(`${key}: ${value}`);
    }
  }
  return out.join('\n');
}

/**
 * node-tap (`tap`, whose output off a terminal is TAP 14): every file and every `t.test` is a
 * subtest (`# Subtest: name` … `ok N - name`) and every assertion a test point. Its closing
 * `# { total: 4, pass: 3, fail: 1 }` counts assertions; the counts here are tests, the subtests
 * with no subtests inside (a file with only top-level assertions is one test), because a test is
 * what a user names and what fails or passes as a whole.
 */
function parseTap(text: string, lines: readonly string[]): RunnerOutput | null {
  if (!/^TAP version \d+$/m.test(text) || !/^(?:not )?ok \d+/m.test(text)) return null;
  const open: { indent: number; start: number; hasSubtests: boolean }[] = [];
  const failures = new FailureList();
  let passed = 0;
  let failed = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s*# Subtest: /.test(line)) {
      const parent = open.at(-1);
      if (parent) parent.hasSubtests = true;
      open.push({ indent: leading(line), start: i, hasSubtests: false });
      continue;
    }
    const point = /^(\s*)(not )?ok \d+(?: - (.*?))?(?: # .*)?$/.exec(line);
    const subtest = open.at(-1);
    if (!point || subtest?.indent !== (point[1] ?? '').length) continue;
    open.pop();
    if (subtest.hasSubtests || / # (?:SKIP|TODO)\b/i.test(line)) continue;
    if (!point[2]) {
      passed++;
      continue;
    }
    failed++;
    const body = lines.slice(subtest.start + 1, i);
    const firstFailure = body.findIndex((l) => /^\s*not ok \d+/.test(l));
    failures.add(point[3] ?? '', dedent(body.slice(Math.max(firstFailure, 0))).trim());
  }
  return { format: 'tap', passed, failed, failures: failures.items };
}

/**
 * The spec reporter's counterpart of `tapFileOutput`: it prints a file's stderr as is, just before
 * the file's result line (`✖ broken.test.js (12ms)`), after the previous result and its details.
 */
function specFileOutput(lines: readonly string[], result: string, excerpt: string): string | null {
  if (excerpt.trim() !== "'test failed'") return null;
  const at = lines.indexOf(`✖ ${result}`);
  const printed: string[] = [];
  for (let i = at - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (/^\s*[✔✖ℹ▶﹣]/.test(line)) break;
    printed.unshift(line);
  }
  // Lines indented under the previous result are its details, not this file's output.
  const start = printed.findIndex((l) => l.trim() !== '' && leading(l) === 0);
  return start === -1 ? null : childError(printed.slice(start));
}

function parseNodeSpec(text: string, lines: readonly string[]): RunnerOutput | null {
  if (!/^ℹ pass \d+$/m.test(text) || !/^ℹ fail \d+$/m.test(text)) return null;
  const failures = new FailureList();
  const section = lines.findIndex((l) => /^✖ failing tests:$/.test(l));
  const strip = (name: string) => name.replace(/ \([\d.]+m?s\)$/, '');
  if (section !== -1) {
    for (let i = section + 1; i < lines.length; i++) {
      const m = /^(\s*)✖ (.+)$/.exec(lines[i] ?? '');
      if (!m?.[2]) continue;
      const excerpt = dedent(withoutStack(indentedBlock(lines, i + 1, (m[1] ?? '').length)));
      failures.add(strip(m[2]), specFileOutput(lines, m[2], excerpt) ?? excerpt);
    }
  } else {
    for (let i = 0; i < lines.length; i++) {
      const m = /^(\s*)✖ (.+)$/.exec(lines[i] ?? '');
      if (m?.[2]) failures.add(strip(m[2]), dedent(indentedBlock(lines, i + 1, (m[1] ?? '').length)));
    }
  }
  return {
    format: 'node-spec',
    passed: lastNumber(text, /^ℹ pass (\d+)$/gm),
    failed: lastNumber(text, /^ℹ fail (\d+)$/gm),
    failures: failures.items,
  };
}

/**
 * mocha: `N passing` / `N failing` (pending tests are neither), then each failure numbered, its
 * title over several lines, and its error, whose diff mocha prints partly at column 0. A file that
 * fails to load stops mocha before any test with `Exception during run:`: one failure, named
 * after the file.
 */
function parseMocha(text: string, lines: readonly string[]): RunnerOutput | null {
  const passing = lastNumber(text, /^\s+(\d+) passing\b/gm);
  if (passing === null) return mochaException(lines);
  const failing = lastNumber(text, /^\s+(\d+) failing\b/gm) ?? 0;
  const failures = new FailureList();
  const start = lines.findIndex((l) => /^\s+\d+ failing\b/.test(l));
  if (start !== -1) {
    for (let i = start + 1; i < lines.length; i++) {
      const m = /^(\s*)\d+\) (.+)$/.exec(lines[i] ?? '');
      if (!m?.[2]) continue;
      const indent = m[1] ?? '';
      const title = [m[2]];
      let j = i + 1;
      while (!title.at(-1)?.endsWith(':') && j < lines.length && (lines[j] ?? '').trim() !== '') {
        title.push((lines[j] ?? '').trim());
        j++;
      }
      const name = title.join(' ').replace(/:$/, '');
      let end = j;
      while (end < lines.length && !new RegExp(`^${indent}\\d+\\) `).test(lines[end] ?? '')) end++;
      failures.add(name, outdent(withoutStack(lines.slice(j, end))).trim());
      i = end - 1;
    }
  }
  return { format: 'mocha', passed: passing, failed: failing, failures: failures.items };
}

/** Lines less indented by the first non-blank line's indent (lines with less keep what they have). */
function outdent(lines: readonly string[]): string {
  const first = lines.find((l) => l.trim() !== '');
  const indent = first === undefined ? 0 : leading(first);
  return lines.map((l) => l.slice(Math.min(indent, leading(l)))).join('\n');
}

function mochaException(lines: readonly string[]): RunnerOutput | null {
  const at = lines.findIndex((l) => /^\s*Exception during run: /.test(l));
  if (at === -1) return null;
  const body = [(lines[at] ?? '').replace(/^\s*Exception during run: /, ''), ...lines.slice(at + 1)];
  const requiredFrom = body.indexOf('Require stack:');
  const frame = body
    .map((l) => /^\s+at (?:.*\()?([^\s()]+?):\d+:\d+\)?$/.exec(l)?.[1])
    .find((f) => f !== undefined && !f.startsWith('node:') && !f.includes('/node_modules/'));
  const requirer = requiredFrom === -1 ? undefined : /^- (.+)$/.exec(body[requiredFrom + 1] ?? '')?.[1];
  const failures = new FailureList();
  failures.add(requirer ?? frame ?? 'mocha', dedent(withoutStack(body)).trim());
  return { format: 'mocha', passed: 0, failed: 1, failures: failures.items };
}

/**
 * AVA's summary (`  3 tests passed`, `  1 test failed`) sits wherever the run ended, often followed
 * by the next command's output. With a failure AVA 6 prints only the failed count: the passes are
 * then its `✔` lines. Each failure's details follow a `─` rule, headed by the test's name.
 */
function parseAva(text: string, lines: readonly string[]): RunnerOutput | null {
  const failedCount = lastNumber(text, /^ {2}(\d+) tests? failed$/gm);
  const passedCount = lastNumber(text, /^ {2}(\d+) tests? passed$/gm);
  if (failedCount === null && passedCount === null) return null;
  const marks = lines.filter((l) => /^\s+✔ /.test(l)).length;
  const failures = new FailureList();
  const rule = lines.indexOf('  ─');
  for (const line of lines) {
    const m = /^\s+✘ (?:\[fail\]: )?(.+?)(?: Error thrown in test)?$/.exec(line);
    if (!m?.[1]) continue;
    const header = rule === -1 ? -1 : lines.indexOf(`  ${m[1]}`, rule);
    const body: string[] = [];
    for (let i = header + 1; header !== -1 && i < lines.length && lines[i] !== '  ─'; i++) body.push(lines[i] ?? '');
    failures.add(m[1], dedent(body).trim());
  }
  return { format: 'ava', passed: passedCount ?? marks, failed: failedCount ?? 0, failures: failures.items };
}

/**
 * uvu's summary (`  Total:     5`, `  Passed:    3`, `  Skipped:   1`) counts the tests it ran and
 * those that passed; it never prints the failed ones: they are the difference (skipped tests are in
 * neither). A command that runs uvu twice prints two summaries, summed. Each failure is headed
 * `   FAIL  suite  "name"` (`   FAIL  "name"` outside a suite), its message and diff indented below.
 */
function parseUvu(text: string, lines: readonly string[]): RunnerOutput | null {
  const total = sumNumbers(text, /^ {2}Total: +(\d+)$/gm);
  const passed = sumNumbers(text, /^ {2}Passed: +(\d+)$/gm);
  if (total === null || passed === null || !/^ {2}Skipped: +\d+$/m.test(text)) return null;
  const failures = new FailureList();
  lines.forEach((line, i) => {
    const m = /^(\s+)FAIL {2}(?:(.+?) {2})?"(.*)"$/.exec(line);
    if (!m) return;
    const name = m[2] ? `${m[2]} > ${m[3]}` : (m[3] as string);
    failures.add(name, dedent(withoutStack(indentedBlock(lines, i + 1, (m[1] as string).length))).trim());
  });
  return { format: 'uvu', passed, failed: Math.max(total - passed, 0), failures: failures.items };
}

/** A line that reads like a failure in output of no known format. */
const FAILURE_LINE =
  /^\s*(?:FAIL(?:ED)?|ERROR|not ok)\b|^Traceback \(most recent call last\)|^\s*(?:\w+\.)*\w*(?:Error|Exception)\b(?: \[\w+\])?:|panicked at /;

/**
 * The runner-agnostic fallback: counts only as the output states them (`7 passed, 2 failed`, near
 * its end), each on its own, never one inferred from the other, since a script that printed `2
 * passed` and then threw has not said that nothing failed; and the failing part of the output.
 */
function parsePlain(lines: readonly string[]): ParsedTestOutput {
  const end = lines.slice(-50).join('\n');
  const passed = lastNumber(end, /\b(\d+) (?:tests? )?passed\b/gi);
  const failed = lastNumber(end, /\b(\d+) (?:tests? )?failed\b/gi);
  const first = lines.findIndex((l) => FAILURE_LINE.test(l));
  const excerpt = first === -1 ? '' : clipExcerpt(withoutStack(lines.slice(first)).join('\n'), MAX_EXCERPT_CHARS);
  const format = passed === null && failed === null ? null : 'plain';
  return { format, passed, failed, failures: [], ...(excerpt ? { excerpt } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Status

export type TestRunStatus = 'passed' | 'failed' | 'no-tests' | 'error';

export interface ClassifiedRun {
  status: TestRunStatus;
  /** Why the run is `error` or `no-tests`, in a sentence; null otherwise. */
  problem: string | null;
  /** True when the command itself could not start (not found, not executable): a fix round cannot help. */
  notRunnable: boolean;
}

/** The status of one run of the test command from its exit, its output and what the output said. */
export function classifyTestRun(
  command: string,
  run: { exitCode: number | null; timedOut: boolean; signal?: string | null; output: string },
  parsed: ParsedTestOutput,
  timeoutMs: number,
): ClassifiedRun {
  if (run.timedOut) {
    return {
      status: 'error',
      problem:
        `\`${command}\` did not finish within ${formatTimeLimit(timeoutMs)} ` +
        "(the test stage's timeout-minutes) and was stopped",
      notRunnable: false,
    };
  }
  if (run.exitCode === null) {
    return {
      status: 'error',
      problem: `\`${command}\` was killed${run.signal ? ` by ${run.signal}` : ''}`,
      notRunnable: false,
    };
  }
  if ((run.exitCode === 127 || run.exitCode === 126) && parsed.format === null) {
    const what = run.exitCode === 126 ? 'is not executable' : 'was not found';
    const said = lastMeaningfulLine(run.output);
    return {
      status: 'error',
      problem:
        `\`${command}\` could not run: a program it starts ${what} ` +
        `(exit ${run.exitCode}${said ? `: ${said}` : ''})`,
      notRunnable: true,
    };
  }
  if (run.exitCode === 0) {
    if (parsed.passed === 0 && parsed.failed === 0)
      return { status: 'no-tests', problem: `\`${command}\` ran no tests`, notRunnable: false };
    return { status: 'passed', problem: null, notRunnable: false };
  }
  if (parsed.format === 'pytest' && run.exitCode === 5) {
    return { status: 'no-tests', problem: `\`${command}\` collected no tests`, notRunnable: false };
  }
  return { status: 'failed', problem: null, notRunnable: false };
}

function lastMeaningfulLine(output: string): string {
  const lines = stripAnsi(output)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return clip(lines.at(-1) ?? '', 300);
}

/**
 * Whether each failure also fails at the base: null when the base was not checked or its run
 * cannot say (the command could not run there, or it failed without naming tests); false when
 * the base passed; else by name. A failure named after the command itself (the output named no
 * tests) counts as failing at the base when the base run failed at all.
 */
export function markAtBase(
  failures: readonly ParsedFailure[],
  base: (Pick<ClassifiedRun, 'status' | 'notRunnable'> & { parsed: Pick<ParsedTestOutput, 'failures'> }) | null,
  command: string,
): (boolean | null)[] {
  return failures.map((failure) => {
    if (!base || base.notRunnable) return null;
    if (base.status === 'passed' || base.status === 'no-tests') return false;
    if (failure.name === command) return true;
    if (base.parsed.failures.length === 0) return null;
    return base.parsed.failures.some((b) => b.name === failure.name);
  });
}
