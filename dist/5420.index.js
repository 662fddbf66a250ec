export const id = 5420;
export const ids = [5420];
export const modules = {

/***/ 25420:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HB: () => (/* binding */ chooseEnvironment)
/* harmony export */ });
/* unused harmony exports detectSetup, pinnedPackageManager, justRecipe, detectTestCommandWithSetup */
/* harmony import */ var _agent_sandbox_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(23076);
/* harmony import */ var _test_runner_output_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25836);
/**
 * How a repository installs its dependencies and runs its tests, read from its own files
 * (lockfiles, `packageManager`, manifests), without running anything: what `ensemble run` does
 * when `.github/ensemble.yml` has no `setup:`, and what `ensemble validate` explains.
 *
 * Every detected command is a fixed string: nothing read from the repository is put into a
 * command unless it matched a strict pattern first (a version number, a plain file name).
 */


/** A `packageManager` version that may be put in a command: digits, dots and a plain pre-release tag. */
const SAFE_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?$/;
/** A file name that may be put in a command as it is. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/**
 * Every install step the repository's top-level files call for, one per ecosystem, in this
 * order: JavaScript (bun, pnpm, yarn, npm), Python (uv, poetry, pipenv, requirements files,
 * pyproject.toml), Go, Cargo, Bundler; a Makefile or justfile target (`deps`, `setup`, …) only
 * when none of these fits. Empty when nothing needs installing.
 */
function detectSetup({ files, read }) {
    const has = new Set(files);
    const found = [
        javascriptSetup(has, read),
        pythonSetup(has, files, read),
        has.has('go.mod') ? goSetup() : null,
        has.has('Cargo.toml') ? cargoSetup(has) : null,
        has.has('Gemfile') ? bundlerSetup(has) : null,
    ].filter((s) => s !== null);
    if (found.length > 0)
        return found;
    const target = taskRunnerSetup(has, read);
    return target ? [target] : [];
}
function parsePackageJson(text) {
    if (text === null)
        return null;
    try {
        const parsed = JSON.parse(text);
        return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : null;
    }
    catch {
        return null;
    }
}
/** `packageManager: "pnpm@9.1.0+sha512…"` → pnpm 9.1.0; null when absent or not a plain version. */
function pinnedPackageManager(pkg) {
    const field = pkg?.packageManager;
    if (typeof field !== 'string')
        return null;
    const match = /^(npm|pnpm|yarn|bun)@([^+\s]+)(?:\+\S*)?$/.exec(field.trim());
    if (!match || !SAFE_VERSION.test(match[2]))
        return null;
    return { name: match[1], version: match[2] };
}
function hasDependencies(pkg) {
    if (!pkg)
        return false;
    const nonEmpty = (v) => v !== null && typeof v === 'object' && Object.keys(v).length > 0;
    return nonEmpty(pkg.dependencies) || nonEmpty(pkg.devDependencies) || nonEmpty(pkg.optionalDependencies);
}
/**
 * pnpm and yarn through corepack, which runs the version `packageManager` pins and keeps it in
 * its cache under HOME (COREPACK_HOME): setup downloads it with network, and later network-less
 * commands (`pnpm test` through corepack's shims) find it there. Where corepack cannot get the
 * package manager (Node 25 and later do not ship corepack; a registry mirror that serves no
 * signatures makes it refuse every download: "No compatible signature found in package
 * metadata"), npx fetches the pinned version, or the current major's latest, as npm fetches the
 * repository's own dependencies. `--version` asks corepack for the package manager alone, so
 * that an install that fails for its own reasons is not run a second time through npx.
 */
function viaCorepack(tool, npxPackage, args) {
    const corepack = `COREPACK_ENABLE_DOWNLOAD_PROMPT=0 corepack ${tool}`;
    // The repository's own scripts call the package manager by name (`"test": "pnpm build && …"`):
    // a shim in HOME's COMMAND_BIN_DIR, which every command has on PATH, runs the same version
    // from the cache the install filled, without network.
    const bin = `"$HOME/${_agent_sandbox_js__WEBPACK_IMPORTED_MODULE_0__/* .COMMAND_BIN_DIR */ .qq}"`;
    const corepackShim = `COREPACK_ENABLE_DOWNLOAD_PROMPT=0 corepack enable --install-directory ${bin} ${tool}`;
    const npxShim = `mkdir -p ${bin} && printf '#!/bin/sh\\nexec npx --offline --yes ${npxPackage} "$@"\\n' > ${bin}/${tool} && ` +
        `chmod +x ${bin}/${tool}`;
    return (`if command -v corepack >/dev/null 2>&1 && ${corepack} --version >/dev/null 2>&1; ` +
        `then ${corepack} ${args} && ${corepackShim}; else npx --yes ${npxPackage} ${args} && ${npxShim}; fi`);
}
function javascriptSetup(has, read) {
    if (!has.has('package.json'))
        return null;
    const pkg = parsePackageJson(read('package.json'));
    const pin = pinnedPackageManager(pkg);
    const pinned = (name) => (pin?.name === name ? `, ${name} ${pin.version} pinned by packageManager` : '');
    const version = (name) => (pin?.name === name ? pin.version : null);
    if (has.has('bun.lock') || has.has('bun.lockb') || pin?.name === 'bun') {
        const lock = has.has('bun.lock') ? 'bun.lock' : 'bun.lockb';
        const frozen = has.has('bun.lock') || has.has('bun.lockb') ? ' --frozen-lockfile' : '';
        const why = frozen ? `${lock} found` : 'packageManager names bun';
        return { tool: 'bun', commands: [`bun install${frozen}`], reason: why };
    }
    if (has.has('pnpm-lock.yaml') || pin?.name === 'pnpm') {
        const frozen = has.has('pnpm-lock.yaml') ? ' --frozen-lockfile' : '';
        const why = has.has('pnpm-lock.yaml') ? 'pnpm-lock.yaml found' : 'packageManager names pnpm';
        return {
            tool: 'pnpm',
            commands: [viaCorepack('pnpm', `pnpm@${version('pnpm') ?? 'latest'}`, `install${frozen}`)],
            reason: `${why}${pinned('pnpm')}`,
        };
    }
    if (has.has('yarn.lock') || pin?.name === 'yarn') {
        const lock = read('yarn.lock') ?? '';
        const berry = has.has('.yarnrc.yml') || /^__metadata:/m.test(lock) || (pin?.name === 'yarn' && !pin.version.startsWith('1.'));
        const why = has.has('yarn.lock') ? 'yarn.lock found' : 'packageManager names yarn';
        if (berry) {
            const what = has.has('.yarnrc.yml') ? ' with .yarnrc.yml (yarn berry)' : ' (yarn berry)';
            const immutable = has.has('yarn.lock') ? ' --immutable' : '';
            return {
                tool: 'yarn-berry',
                commands: [viaCorepack('yarn', `@yarnpkg/cli-dist@${version('yarn') ?? 'latest'}`, `install${immutable}`)],
                reason: `${why}${what}${pinned('yarn')}`,
            };
        }
        const frozen = has.has('yarn.lock') ? ' --frozen-lockfile' : '';
        return {
            tool: 'yarn',
            commands: [viaCorepack('yarn', `yarn@${version('yarn') ?? '1'}`, `install${frozen} --non-interactive`)],
            reason: `${why} (yarn classic)${pinned('yarn')}`,
        };
    }
    const npmLock = ['package-lock.json', 'npm-shrinkwrap.json'].find((f) => has.has(f));
    if (npmLock)
        return { tool: 'npm', commands: ['npm ci --no-audit --no-fund'], reason: `${npmLock} found` };
    if (hasDependencies(pkg)) {
        // No lockfile to keep: install what package.json asks for without writing one.
        return {
            tool: 'npm',
            commands: ['npm install --no-package-lock --no-audit --no-fund'],
            reason: 'package.json has dependencies and no lockfile',
        };
    }
    return null;
}
// ---------------------------------------------------------------------------------------------
// Python: every install goes into `.venv` in the checkout, so that it travels with the checkout
// and nothing is written outside it; the test command then runs `.venv/bin/python -m pytest`.
const REQUIREMENTS = /^(?:requirements(?:[-_.][A-Za-z0-9_-]+)?|(?:dev|test|tests)[-_]requirements)\.txt$/;
function pythonSetup(has, files, read) {
    if (has.has('uv.lock')) {
        return {
            tool: 'uv',
            // The project itself is not installed: an editable install would point at this checkout,
            // not at each agent's; tests import it from the checkout they run in.
            commands: ['uv sync --frozen --all-extras --no-install-project'],
            reason: 'uv.lock found',
            venv: true,
        };
    }
    if (has.has('poetry.lock')) {
        return {
            tool: 'poetry',
            commands: ['POETRY_VIRTUALENVS_IN_PROJECT=true poetry install --no-interaction --no-root --all-extras'],
            reason: 'poetry.lock found',
            venv: true,
        };
    }
    if (has.has('Pipfile.lock')) {
        return {
            tool: 'pipenv',
            commands: ['PIPENV_VENV_IN_PROJECT=1 pipenv sync --dev'],
            reason: 'Pipfile.lock found',
            venv: true,
        };
    }
    const requirements = files.filter((f) => !f.includes('/') && REQUIREMENTS.test(f) && SAFE_NAME.test(f)).sort();
    const venv = 'python3 -m venv .venv && .venv/bin/python -m pip install --upgrade pip';
    if (requirements.length > 0) {
        const args = requirements.map((f) => `-r ${f}`).join(' ');
        return {
            tool: 'pip',
            commands: [`${venv} && .venv/bin/python -m pip install ${args}`],
            reason: `${requirements.join(', ')} found`,
            venv: true,
        };
    }
    if (has.has('pyproject.toml')) {
        const text = read('pyproject.toml') ?? '';
        if (!/^\[(?:project|build-system)\]/m.test(text))
            return null;
        const extras = optionalDependencyGroups(text).filter((g) => ['dev', 'test', 'tests', 'testing'].includes(g));
        const target = extras.length > 0 ? `'.[${extras.join(',')}]'` : '.';
        const why = extras.length > 0 ? ` (extras ${extras.join(', ')})` : '';
        // pip installs the project to get its dependencies; the project itself is then removed again,
        // as uv and poetry never install it: a copy in .venv is the base's code, and a src-layout
        // project's tests would import it instead of the agent's change (`PYTHONPATH=src` instead).
        const name = projectName(text);
        const uninstall = name ? ` && .venv/bin/python -m pip uninstall -y ${name}` : '';
        return {
            tool: 'pip',
            commands: [`${venv} && .venv/bin/python -m pip install ${target}${uninstall}`],
            reason: `pyproject.toml found${why}${name ? `; ${name} itself is imported from each checkout` : ''}`,
            venv: true,
        };
    }
    return null;
}
/** `[project] name`, when it is a plain distribution name (it goes into a shell command). */
function projectName(pyproject) {
    const section = /^\[project\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(pyproject)?.[1] ?? '';
    const name = /^name\s*=\s*["']([^"']+)["']\s*$/m.exec(section)?.[1] ?? null;
    return name !== null && /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(name) ? name : null;
}
/** The keys of `[project.optional-dependencies]`. */
function optionalDependencyGroups(pyproject) {
    const section = /^\[project\.optional-dependencies\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(pyproject)?.[1] ?? '';
    return [...section.matchAll(/^([A-Za-z0-9_-]+)\s*=/gm)].map((m) => m[1]);
}
// ---------------------------------------------------------------------------------------------
// Go, Cargo, Bundler
function goSetup() {
    // -modcacherw: Go makes its module cache read-only, which no clean-up could then remove.
    return { tool: 'go', commands: ['GOFLAGS=-modcacherw go mod download'], reason: 'go.mod found' };
}
function cargoSetup(has) {
    const locked = has.has('Cargo.lock');
    return {
        tool: 'cargo',
        commands: [locked ? 'cargo fetch --locked' : 'cargo fetch'],
        reason: locked ? 'Cargo.toml and Cargo.lock found' : 'Cargo.toml found',
    };
}
function bundlerSetup(has) {
    // Gems go under HOME (a `~` path Bundler expands when it reads it, so the same setting works
    // in every later HOME the installed result is copied to); the system's gem directory is
    // read-only in the sandbox.
    return {
        tool: 'bundler',
        commands: ["bundle config set --global path '~/.ensemble-gems' && bundle install"],
        reason: has.has('Gemfile.lock') ? 'Gemfile.lock found' : 'Gemfile found',
    };
}
// ---------------------------------------------------------------------------------------------
// Makefile and justfile: only when no package manager fits
const INSTALL_TARGETS = ['deps', 'dependencies', 'install-deps', 'setup', 'bootstrap'];
const MAKEFILES = ['GNUmakefile', 'makefile', 'Makefile'];
const JUSTFILES = ['justfile', 'Justfile', '.justfile'];
/** A rule `name:` (not `name := value`), alone or among other targets. */
function makeTarget(text, name) {
    return new RegExp(`^(?:[^\\s:#=]+[ \\t]+)*${name}(?:[ \\t]+[^\\s:#=]+)*[ \\t]*::?(?!=)`, 'm').test(text);
}
/** A just recipe `name:` or `name arg:` (not `name := value`). */
function justRecipe(text, name) {
    return new RegExp(`^@?${name}(?:[ \\t]+[^:=\\n]*)?:(?!=)`, 'm').test(text);
}
function taskRunnerSetup(has, read) {
    for (const file of MAKEFILES) {
        if (!has.has(file))
            continue;
        const text = read(file) ?? '';
        const target = INSTALL_TARGETS.find((t) => makeTarget(text, t));
        if (target)
            return { tool: 'make', commands: [`make ${target}`], reason: `${file} has a \`${target}\` target` };
    }
    for (const file of JUSTFILES) {
        if (!has.has(file))
            continue;
        const text = read(file) ?? '';
        const recipe = INSTALL_TARGETS.find((t) => justRecipe(text, t));
        if (recipe)
            return { tool: 'just', commands: [`just ${recipe}`], reason: `${file} has a \`${recipe}\` recipe` };
    }
    return null;
}
// ---------------------------------------------------------------------------------------------
// The test command
/** A Python package under src/ (`src/<name>/__init__.py`) and none of that name at the top. */
function isSrcLayout(files) {
    const has = new Set(files);
    return files.some((f) => {
        const m = /^src\/([A-Za-z_][A-Za-z0-9_]*)\/__init__\.py$/.exec(f);
        return m !== null && !has.has(`${m[1]}/__init__.py`);
    });
}
/**
 * The command that runs the repository's tests: `detectTestCommand`'s, run with the virtual
 * environment's Python when the setup makes one (`pytest` alone would not be on PATH), else
 * Bundler's `rspec`/`rake test`, else a justfile's `test` recipe. Null when nothing fits.
 */
function detectTestCommandWithSetup(repo, setup) {
    const { files, read } = repo;
    const found = (0,_test_runner_output_js__WEBPACK_IMPORTED_MODULE_1__/* .detectTestCommand */ .HK)(files, read);
    if (found?.command === 'pytest' && setup.some((s) => s.venv)) {
        // A src layout is importable only installed, or with src/ on the path: the checkout's own.
        if (isSrcLayout(files)) {
            return {
                command: 'PYTHONPATH=src .venv/bin/python -m pytest',
                source: `${found.source}, with the .venv setup makes and the src/ layout's packages`,
            };
        }
        return { command: '.venv/bin/python -m pytest', source: `${found.source}, with the .venv setup makes` };
    }
    if (found)
        return found;
    const has = new Set(files);
    if (has.has('Gemfile')) {
        if (has.has('.rspec') || files.some((f) => f.startsWith('spec/') && f.endsWith('_spec.rb')))
            return { command: 'bundle exec rspec', source: 'Gemfile and spec/ files' };
        const rakefile = read('Rakefile') ?? '';
        if (/TestTask|^\s*task\s*\(?\s*:test\b/m.test(rakefile))
            return { command: 'bundle exec rake test', source: 'Rakefile test task' };
    }
    for (const file of JUSTFILES) {
        if (has.has(file) && justRecipe(read(file) ?? '', 'test'))
            return { command: 'just test', source: `${file} test recipe` };
    }
    return null;
}
/**
 * What a run installs and how it tests, from the configuration and the repository's files: an
 * explicit `setup:` (even one command) replaces detection, as an explicit `test-command` does.
 */
function chooseEnvironment(config, repo) {
    const detected = detectSetup(repo);
    let setup;
    if (config.setup.length > 0) {
        setup = { commands: [...config.setup], source: 'configuration', reason: '`setup` in the configuration', detected };
    }
    else if (detected.length > 0) {
        setup = {
            commands: detected.flatMap((d) => d.commands),
            source: 'detected',
            reason: detected.map((d) => d.reason).join('; '),
            detected,
        };
    }
    else {
        setup = {
            commands: [],
            source: 'none',
            reason: 'no lockfile or manifest that needs an install (package.json dependencies, pyproject.toml, go.mod, …)',
            detected,
        };
    }
    const configured = config['test-command'];
    if (configured) {
        return {
            setup,
            test: { command: configured, source: 'configuration', reason: '`test-command` in the configuration' },
        };
    }
    // A configured setup may make a .venv too, but only a detected one is known to.
    const found = detectTestCommandWithSetup(repo, setup.source === 'detected' ? detected : []);
    const test = found
        ? { command: found.command, source: 'detected', reason: found.source }
        : {
            command: null,
            source: 'none',
            reason: 'none found (package.json `test` script, pytest, go.mod, Cargo.toml, a Makefile or justfile `test`)',
        };
    return { setup, test };
}


/***/ }),

/***/ 25836:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HK: () => (/* binding */ detectTestCommand),
/* harmony export */   J2: () => (/* binding */ MAX_EXCERPT_CHARS),
/* harmony export */   T9: () => (/* binding */ MAX_FAILURES),
/* harmony export */   kL: () => (/* binding */ markAtBase),
/* harmony export */   q_: () => (/* binding */ classifyTestRun),
/* harmony export */   vN: () => (/* binding */ parseTestOutput)
/* harmony export */ });
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28805);
/**
 * What the test stage knows about test runners, without running anything: which command runs a
 * repository's tests (detect), what a run's output says — counts and failing tests, for the
 * common runners (parse) — and what a run's status is (classify).
 */

/** npm's placeholder when `npm init` wrote the package: it always fails and tests nothing. */
const NPM_PLACEHOLDER = /no test specified/i;
/** A `test` target in a Makefile: `test:`, `test::`, or `lint test:` (not `test := value`). */
const MAKE_TEST_TARGET = /^(?:[^\s:#=]+[ \t]+)*test(?:[ \t]+[^\s:#=]+)*[ \t]*::?(?!=)/m;
const MAKEFILES = ['GNUmakefile', 'makefile', 'Makefile'];
function isPytestFile(file) {
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
function detectTestCommand(files, read) {
    const has = new Set(files);
    if (has.has('package.json')) {
        const script = npmTestScript(read('package.json'));
        if (script !== null && !NPM_PLACEHOLDER.test(script))
            return { command: 'npm test', source: 'package.json scripts.test' };
    }
    const pytest = pytestSource(has, files, read);
    if (pytest)
        return { command: 'pytest', source: pytest };
    // -v: without it go prints no line for a passing test, so nobody could say how many passed.
    if (has.has('go.mod'))
        return { command: 'go test -v ./...', source: 'go.mod' };
    // --no-fail-fast: else cargo stops at the first failing test binary, and the others' tests go uncounted.
    if (has.has('Cargo.toml'))
        return { command: 'cargo test --no-fail-fast', source: 'Cargo.toml' };
    for (const makefile of MAKEFILES) {
        if (!has.has(makefile))
            continue;
        const text = read(makefile);
        if (text !== null && MAKE_TEST_TARGET.test(text))
            return { command: 'make test', source: `${makefile} test target` };
    }
    return null;
}
function npmTestScript(text) {
    if (text === null)
        return null;
    try {
        const pkg = JSON.parse(text);
        const script = pkg?.scripts?.test;
        return typeof script === 'string' && script.trim() !== '' ? script : null;
    }
    catch {
        return null;
    }
}
function pytestSource(has, files, read) {
    if (has.has('pytest.ini'))
        return 'pytest.ini';
    if (has.has('pyproject.toml') && /^\[tool\.pytest(?:\.ini_options)?\]/m.test(read('pyproject.toml') ?? ''))
        return 'pyproject.toml [tool.pytest]';
    if (has.has('setup.cfg') && /^\[tool:pytest\]/m.test(read('setup.cfg') ?? ''))
        return 'setup.cfg [tool:pytest]';
    if (has.has('tox.ini') && /^\[pytest\]/m.test(read('tox.ini') ?? ''))
        return 'tox.ini [pytest]';
    if (has.has('conftest.py'))
        return 'conftest.py';
    const testFile = files.find((f) => isPytestFile(f) && (!f.includes('/') || f.startsWith('tests/') || f.startsWith('test/')));
    return testFile ? `Python tests (${testFile})` : null;
}
const MAX_EXCERPT_CHARS = 2_000;
const MAX_FAILURES = 200;
function lastNumber(text, pattern) {
    let value = null;
    for (const m of text.matchAll(pattern))
        value = Number(m[1]);
    return value;
}
function sumNumbers(text, pattern) {
    let total = null;
    for (const m of text.matchAll(pattern))
        total = (total ?? 0) + Number(m[1]);
    return total;
}
class FailureList {
    items = [];
    #seen = new Set();
    add(name, excerpt = '') {
        const clean = name.trim();
        if (clean === '' || this.#seen.has(clean) || this.items.length >= MAX_FAILURES)
            return;
        this.#seen.add(clean);
        this.items.push({ name: clean.slice(0, 1_000), excerpt: (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .clipExcerpt */ .sr)(excerpt, MAX_EXCERPT_CHARS) });
    }
}
/** Lines after `start` while they are blank or indented deeper than `indent`. */
function indentedBlock(lines, start, indent) {
    const out = [];
    for (let i = start; i < lines.length; i++) {
        const line = lines[i] ?? '';
        if (line.trim() !== '' && leading(line) <= indent)
            break;
        out.push(line);
    }
    return out;
}
function leading(line) {
    return line.length - line.trimStart().length;
}
/** Stack frames (`    at fn (file:1:2)`) dropped; the `{` that opens an error's properties on the last frame kept. */
function withoutStack(lines) {
    return lines.flatMap((line) => {
        const frame = /^(\s+)at .*?( \{)?$/.exec(line);
        if (!frame)
            return [line];
        return frame[2] ? [`${frame[1]}{`] : [];
    });
}
function dedent(lines) {
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
function parseTestOutput(raw) {
    const text = (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .stripAnsi */ .aJ)(raw).replace(/\r\n?/g, '\n');
    const lines = text.split('\n');
    const parsed = parseCargo(text, lines) ??
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
/** cargo's line when a target does not build: ``error: could not compile `calc` (test "more") due to 1 previous error``. */
const CARGO_COMPILE_ERROR = /^error: could not compile `([^`]+)` \(([^)]+)\)/;
function parseCargo(text, lines) {
    const results = /^test result: (?:ok|FAILED)\./m.test(text);
    if (!results && !lines.some((l) => CARGO_COMPILE_ERROR.test(l)))
        return null;
    const failures = new FailureList();
    // A target that does not compile runs no test: it is one failure, named after the target, whose
    // excerpt is the compiler's errors (printed since the previous `Compiling` or target error).
    let compileErrors = 0;
    let blockStart = 0;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i] ?? '';
        if (/^\s+Compiling /.test(line))
            blockStart = i + 1;
        const m = CARGO_COMPILE_ERROR.exec(line);
        if (!m)
            continue;
        compileErrors++;
        const block = lines.slice(blockStart, i);
        const first = block.findIndex((l) => /^error(?:\[E\d+\])?: /.test(l));
        const errors = first === -1 ? [] : block.slice(first).filter((l) => !/^For more information about /.test(l));
        failures.add(`${m[1]} (${m[2]})`, errors.join('\n').trim() || line);
        blockStart = i + 1;
    }
    const sections = new Map();
    for (let i = 0; i < lines.length; i++) {
        const header = /^---- (.+?) stdout ----$/.exec(lines[i] ?? '');
        if (!header?.[1])
            continue;
        const body = [];
        for (let j = i + 1; j < lines.length; j++) {
            const line = lines[j] ?? '';
            if (/^---- .+ stdout ----$/.test(line) || /^failures:$/.test(line) || /^stack backtrace:$/.test(line))
                break;
            body.push(line);
        }
        sections.set(header[1], body.join('\n'));
    }
    for (const line of lines) {
        const m = /^test (.+?) \.\.\. FAILED$/.exec(line);
        if (m?.[1])
            failures.add(m[1], sections.get(m[1]) ?? '');
    }
    return {
        format: 'cargo',
        passed: sumNumbers(text, /^test result: \w+\. (\d+) passed;/gm) ?? 0,
        failed: (sumNumbers(text, /^test result: \w+\. \d+ passed; (\d+) failed;/gm) ?? 0) + compileErrors,
        failures: failures.items,
    };
}
/** pytest's closing line: `=== 2 failed, 10 passed, 1 error in 0.12s ===`, or the same bare with `-q`. */
const PYTEST_SUMMARY = /^(?:=+ )?((?:\d+ (?:failed|passed|skipped|deselected|xfailed|xpassed|errors?|warnings?)(?:, )?)+)(?: in [\d.]+s(?: \([^)]*\))?)(?: =+)?$/m;
function parsePytest(text, lines) {
    const summaries = [...text.matchAll(new RegExp(PYTEST_SUMMARY.source, 'gm'))];
    const noTests = /^=+ no tests ran in [\d.]+s =+$/m.test(text);
    if (summaries.length === 0 && !noTests)
        return null;
    const summary = summaries.at(-1)?.[1] ?? '';
    const count = (what) => {
        const m = what.exec(summary);
        return m ? Number(m[1]) : 0;
    };
    const sections = new Map();
    for (let i = 0; i < lines.length; i++) {
        const header = /^_{3,} (.+?) _{3,}$/.exec(lines[i] ?? '');
        if (!header?.[1])
            continue;
        const body = [];
        for (let j = i + 1; j < lines.length; j++) {
            const line = lines[j] ?? '';
            if (/^_{3,} .+ _{3,}$/.test(line) || /^={3,}.*={3,}$/.test(line))
                break;
            body.push(line);
        }
        // A module that fails to import is reported as `ERROR collecting tests/test_x.py`, named by its path.
        const name = header[1].replace(/^ERROR at (?:setup|teardown) of /, '').replace(/^ERROR collecting /, '');
        sections.set(name, body.join('\n'));
    }
    const failures = new FailureList();
    for (const line of lines) {
        const m = /^(FAILED|ERROR) (\S+)(?: - (.*))?$/.exec(line);
        if (!m?.[2])
            continue;
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
function parseGo(text, lines) {
    if (!GO_PACKAGE.test(text) && !/^\s*--- (?:FAIL|PASS): /m.test(text))
        return null;
    const failures = new FailureList();
    const results = [];
    for (let i = 0; i < lines.length; i++) {
        const m = /^(\s*)--- (PASS|FAIL): (\S+)/.exec(lines[i] ?? '');
        if (m?.[3])
            results.push({ name: m[3], passed: m[2] === 'PASS', line: i });
    }
    const leaves = results.filter((r) => !results.some((o) => o.name.startsWith(`${r.name}/`)));
    const packages = [...text.matchAll(new RegExp(GO_PACKAGE.source, 'gm'))];
    const unbuilt = packages.filter((m) => m[1] === 'FAIL' && m[3] !== undefined);
    for (const pkg of unbuilt)
        failures.add(pkg[2] ?? '', goBuildErrors(lines, pkg[2] ?? '') || (pkg[0] ?? ''));
    for (const { name, line } of leaves.filter((r) => !r.passed)) {
        const indent = leading(lines[line] ?? '');
        let body = indentedBlock(lines, line + 1, indent).filter((l) => !/^\s*--- (?:PASS|FAIL|SKIP): /.test(l));
        if (body.every((l) => l.trim() === '')) {
            // -v prints a test's log between `=== RUN   Name` and its result.
            let start = line - 1;
            while (start >= 0 && !(lines[start] ?? '').startsWith(`=== RUN   ${name}`))
                start--;
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
function goBuildErrors(lines, pkg) {
    const header = lines.findIndex((l) => l === `# ${pkg}` || l.startsWith(`# ${pkg} [`));
    if (header === -1)
        return '';
    const out = [];
    for (let i = header + 1; i < lines.length; i++) {
        const line = lines[i] ?? '';
        if (line.trim() === '' || /^(?:# |ok\s|FAIL\b|PASS\b|\?\s|=== |--- )/.test(line))
            break;
        out.push(line);
    }
    return out.join('\n');
}
/**
 * vitest: one `Tests  2 failed | 3 passed (5)` per run (`Tests  no tests` when no file loaded), summed
 * when a command runs vitest more than once. A file that fails to import runs no test and is listed
 * under `Failed Suites N` (as is a suite whose hook failed): each is one failure, named after the file.
 */
function parseVitest(text, lines) {
    const summaries = [...text.matchAll(/^\s*Tests\s+(.+?)\s+\((\d+)\)\s*$/gm)]
        .map((m) => m[1] ?? '')
        .filter((summary) => /\b(?:passed|failed|skipped|todo)\b/.test(summary));
    const noTests = /^\s*Test Files\s/m.test(text) && /^\s*Tests\s+no tests\s*$/m.test(text);
    if (summaries.length === 0 && !noTests)
        return null;
    const part = (what) => {
        let total = 0;
        for (const summary of summaries)
            total += Number(new RegExp(`(\\d+) ${what}`).exec(summary)?.[1] ?? 0);
        return total;
    };
    const failedSuites = sumNumbers(text, /^⎯+ Failed Suites (\d+) ⎯+$/gm) ?? 0;
    const failures = new FailureList();
    for (let i = 0; i < lines.length; i++) {
        const m = /^\s*FAIL\s+(.+?)\s*$/.exec(lines[i] ?? '');
        if (!m?.[1])
            continue;
        const body = [];
        for (let j = i + 1; j < lines.length; j++) {
            const line = lines[j] ?? '';
            if (/^\s*FAIL\s/.test(line) || /^⎯{3,}/.test(line) || /^\s*Test Files\s/.test(line))
                break;
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
function parseJest(text, lines) {
    // One summary per run; a command that runs jest twice (`jest && jest --ci`, a script per
    // project) prints several, and each run's tests count.
    const summaries = [...text.matchAll(/^Tests:\s+(.*\d+ total)\s*$/gm)].map((m) => m[1] ?? '');
    if (summaries.length === 0)
        return null;
    const part = (what) => {
        let total = 0;
        for (const summary of summaries)
            total += Number(new RegExp(`(\\d+) ${what}`).exec(summary)?.[1] ?? 0);
        return total;
    };
    const failures = new FailureList();
    for (let i = 0; i < lines.length; i++) {
        const m = /^(\s*)● (.+)$/.exec(lines[i] ?? '');
        if (!m?.[2] || m[2].startsWith('Console'))
            continue;
        failures.add(m[2], dedent(indentedBlock(lines, i + 1, (m[1] ?? '').length)));
    }
    return { format: 'jest', passed: part('passed'), failed: part('failed'), failures: failures.items };
}
function parseNodeTap(text, lines) {
    if (!/^# pass \d+$/m.test(text) || !/^# fail \d+$/m.test(text))
        return null;
    const failures = new FailureList();
    for (let i = 0; i < lines.length; i++) {
        const m = /^(\s*)not ok \d+ - (.*?)(?: # (?:SKIP|TODO).*)?$/.exec(lines[i] ?? '');
        if (!m?.[2])
            continue;
        const indent = (m[1] ?? '').length;
        const yaml = indentedBlock(lines, i + 1, indent);
        const body = yaml.join('\n');
        // A suite that failed because a subtest did is named by its subtests.
        if (/failureType: 'subtestsFailed'/.test(body))
            continue;
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
function tapFileOutput(lines, name, yaml) {
    if (!/^\s*error: 'test failed'$/m.test(yaml))
        return null;
    const subtest = lines.indexOf(`# Subtest: ${name}`);
    const printed = [];
    for (let i = subtest - 1; i >= 0; i--) {
        const m = /^# (.*)$/.exec(lines[i] ?? '');
        if (!m || /^Subtest: /.test(m[1] ?? ''))
            break;
        printed.unshift(m[1] ?? '');
    }
    return childError(printed);
}
/** A child process's stderr without stack frames and Node's closing `Node.js v24.0.0` line; null when empty. */
function childError(printed) {
    const kept = withoutStack(printed).filter((l) => !/^Node\.js v\d+/.test(l));
    const text = dedent(kept).trim();
    return text === '' ? null : text;
}
/** The `error:` (and location) of a TAP YAML diagnostic block. */
function tapError(yaml) {
    const out = [];
    for (let i = 0; i < yaml.length; i++) {
        const line = yaml[i] ?? '';
        const m = /^(\s*)(error|location|expected|actual): ?(.*)$/.exec(line);
        if (!m)
            continue;
        const [, indent = '', key, value = ''] = m;
        if (value === '|-' || value === '|' || value === '>-') {
            const block = indentedBlock(yaml, i + 1, indent.length);
            out.push(`${key}:\n${dedent(block)}`);
        }
        else {
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
function parseTap(text, lines) {
    if (!/^TAP version \d+$/m.test(text) || !/^(?:not )?ok \d+/m.test(text))
        return null;
    const open = [];
    const failures = new FailureList();
    let passed = 0;
    let failed = 0;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i] ?? '';
        if (/^\s*# Subtest: /.test(line)) {
            const parent = open.at(-1);
            if (parent)
                parent.hasSubtests = true;
            open.push({ indent: leading(line), start: i, hasSubtests: false });
            continue;
        }
        const point = /^(\s*)(not )?ok \d+(?: - (.*?))?(?: # .*)?$/.exec(line);
        const subtest = open.at(-1);
        if (!point || subtest?.indent !== (point[1] ?? '').length)
            continue;
        open.pop();
        if (subtest.hasSubtests || / # (?:SKIP|TODO)\b/i.test(line))
            continue;
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
function specFileOutput(lines, result, excerpt) {
    if (excerpt.trim() !== "'test failed'")
        return null;
    const at = lines.indexOf(`✖ ${result}`);
    const printed = [];
    for (let i = at - 1; i >= 0; i--) {
        const line = lines[i] ?? '';
        if (/^\s*[✔✖ℹ▶﹣]/.test(line))
            break;
        printed.unshift(line);
    }
    // Lines indented under the previous result are its details, not this file's output.
    const start = printed.findIndex((l) => l.trim() !== '' && leading(l) === 0);
    return start === -1 ? null : childError(printed.slice(start));
}
function parseNodeSpec(text, lines) {
    if (!/^ℹ pass \d+$/m.test(text) || !/^ℹ fail \d+$/m.test(text))
        return null;
    const failures = new FailureList();
    const section = lines.findIndex((l) => /^✖ failing tests:$/.test(l));
    const strip = (name) => name.replace(/ \([\d.]+m?s\)$/, '');
    if (section !== -1) {
        for (let i = section + 1; i < lines.length; i++) {
            const m = /^(\s*)✖ (.+)$/.exec(lines[i] ?? '');
            if (!m?.[2])
                continue;
            const excerpt = dedent(withoutStack(indentedBlock(lines, i + 1, (m[1] ?? '').length)));
            failures.add(strip(m[2]), specFileOutput(lines, m[2], excerpt) ?? excerpt);
        }
    }
    else {
        for (let i = 0; i < lines.length; i++) {
            const m = /^(\s*)✖ (.+)$/.exec(lines[i] ?? '');
            if (m?.[2])
                failures.add(strip(m[2]), dedent(indentedBlock(lines, i + 1, (m[1] ?? '').length)));
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
function parseMocha(text, lines) {
    const passing = lastNumber(text, /^\s+(\d+) passing\b/gm);
    if (passing === null)
        return mochaException(lines);
    const failing = lastNumber(text, /^\s+(\d+) failing\b/gm) ?? 0;
    const failures = new FailureList();
    const start = lines.findIndex((l) => /^\s+\d+ failing\b/.test(l));
    if (start !== -1) {
        for (let i = start + 1; i < lines.length; i++) {
            const m = /^(\s*)\d+\) (.+)$/.exec(lines[i] ?? '');
            if (!m?.[2])
                continue;
            const indent = m[1] ?? '';
            const title = [m[2]];
            let j = i + 1;
            while (!title.at(-1)?.endsWith(':') && j < lines.length && (lines[j] ?? '').trim() !== '') {
                title.push((lines[j] ?? '').trim());
                j++;
            }
            const name = title.join(' ').replace(/:$/, '');
            let end = j;
            while (end < lines.length && !new RegExp(`^${indent}\\d+\\) `).test(lines[end] ?? ''))
                end++;
            failures.add(name, outdent(withoutStack(lines.slice(j, end))).trim());
            i = end - 1;
        }
    }
    return { format: 'mocha', passed: passing, failed: failing, failures: failures.items };
}
/** Lines less indented by the first non-blank line's indent (lines with less keep what they have). */
function outdent(lines) {
    const first = lines.find((l) => l.trim() !== '');
    const indent = first === undefined ? 0 : leading(first);
    return lines.map((l) => l.slice(Math.min(indent, leading(l)))).join('\n');
}
function mochaException(lines) {
    const at = lines.findIndex((l) => /^\s*Exception during run: /.test(l));
    if (at === -1)
        return null;
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
function parseAva(text, lines) {
    const failedCount = lastNumber(text, /^ {2}(\d+) tests? failed$/gm);
    const passedCount = lastNumber(text, /^ {2}(\d+) tests? passed$/gm);
    if (failedCount === null && passedCount === null)
        return null;
    const marks = lines.filter((l) => /^\s+✔ /.test(l)).length;
    const failures = new FailureList();
    const rule = lines.indexOf('  ─');
    for (const line of lines) {
        const m = /^\s+✘ (?:\[fail\]: )?(.+?)(?: Error thrown in test)?$/.exec(line);
        if (!m?.[1])
            continue;
        const header = rule === -1 ? -1 : lines.indexOf(`  ${m[1]}`, rule);
        const body = [];
        for (let i = header + 1; header !== -1 && i < lines.length && lines[i] !== '  ─'; i++)
            body.push(lines[i] ?? '');
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
function parseUvu(text, lines) {
    const total = sumNumbers(text, /^ {2}Total: +(\d+)$/gm);
    const passed = sumNumbers(text, /^ {2}Passed: +(\d+)$/gm);
    if (total === null || passed === null || !/^ {2}Skipped: +\d+$/m.test(text))
        return null;
    const failures = new FailureList();
    lines.forEach((line, i) => {
        const m = /^(\s+)FAIL {2}(?:(.+?) {2})?"(.*)"$/.exec(line);
        if (!m)
            return;
        const name = m[2] ? `${m[2]} > ${m[3]}` : m[3];
        failures.add(name, dedent(withoutStack(indentedBlock(lines, i + 1, m[1].length))).trim());
    });
    return { format: 'uvu', passed, failed: Math.max(total - passed, 0), failures: failures.items };
}
/** A line that reads like a failure in output of no known format. */
const FAILURE_LINE = /^\s*(?:FAIL(?:ED)?|ERROR|not ok)\b|^Traceback \(most recent call last\)|^\s*(?:\w+\.)*\w*(?:Error|Exception)\b(?: \[\w+\])?:|panicked at /;
/**
 * The runner-agnostic fallback: counts only as the output states them (`7 passed, 2 failed`, near
 * its end), each on its own, never one inferred from the other, since a script that printed `2
 * passed` and then threw has not said that nothing failed; and the failing part of the output.
 */
function parsePlain(lines) {
    const end = lines.slice(-50).join('\n');
    const passed = lastNumber(end, /\b(\d+) (?:tests? )?passed\b/gi);
    const failed = lastNumber(end, /\b(\d+) (?:tests? )?failed\b/gi);
    const first = lines.findIndex((l) => FAILURE_LINE.test(l));
    const excerpt = first === -1 ? '' : (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .clipExcerpt */ .sr)(withoutStack(lines.slice(first)).join('\n'), MAX_EXCERPT_CHARS);
    const format = passed === null && failed === null ? null : 'plain';
    return { format, passed, failed, failures: [], ...(excerpt ? { excerpt } : {}) };
}
/** The status of one run of the test command from its exit, its output and what the output said. */
function classifyTestRun(command, run, parsed, timeoutMs) {
    if (run.timedOut) {
        return {
            status: 'error',
            problem: `\`${command}\` did not finish within ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .formatTimeLimit */ .Ie)(timeoutMs)} ` +
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
            problem: `\`${command}\` could not run: a program it starts ${what} ` +
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
function lastMeaningfulLine(output) {
    const lines = (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .stripAnsi */ .aJ)(output)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    return (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(lines.at(-1) ?? '', 300);
}
/**
 * Whether each failure also fails at the base: null when the base was not checked or its run
 * cannot say (the command could not run there, or it failed without naming tests); false when
 * the base passed; else by name. A failure named after the command itself (the output named no
 * tests) counts as failing at the base when the base run failed at all.
 */
function markAtBase(failures, base, command) {
    return failures.map((failure) => {
        if (!base || base.notRunnable)
            return null;
        if (base.status === 'passed' || base.status === 'no-tests')
            return false;
        if (failure.name === command)
            return true;
        if (base.parsed.failures.length === 0)
            return null;
        return base.parsed.failures.some((b) => b.name === failure.name);
    });
}


/***/ })

};
