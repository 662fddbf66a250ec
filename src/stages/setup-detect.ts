/**
 * How a repository installs its dependencies and runs its tests, read from its own files
 * (lockfiles, `packageManager`, manifests), without running anything: what `ensemble run` does
 * when `.github/ensemble.yml` has no `setup:`, and what `ensemble validate` explains.
 *
 * Every detected command is a fixed string: nothing read from the repository is put into a
 * command unless it matched a strict pattern first (a version number, a plain file name).
 */
import { COMMAND_BIN_DIR } from '../agent/sandbox.ts';
import { type DetectedTestCommand, detectTestCommand } from './test/runner-output.ts';

/** One ecosystem's install step, and why it was chosen. */
export interface DetectedSetup {
  tool: SetupTool;
  commands: string[];
  /** What it was detected from, for people: "package-lock.json found". */
  reason: string;
  /** The install puts a virtual environment in `.venv`: tests run with `.venv/bin/python`. */
  venv?: boolean;
}

export type SetupTool =
  | 'npm'
  | 'pnpm'
  | 'yarn'
  | 'yarn-berry'
  | 'bun'
  | 'uv'
  | 'poetry'
  | 'pipenv'
  | 'pip'
  | 'go'
  | 'cargo'
  | 'bundler'
  | 'make'
  | 'just';

/** Repository-relative paths, and a reader of a file's text (null when missing or unreadable). */
export type RepoFiles = { files: readonly string[]; read: (path: string) => string | null };

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
export function detectSetup({ files, read }: RepoFiles): DetectedSetup[] {
  const has = new Set(files);
  const found = [
    javascriptSetup(has, read),
    pythonSetup(has, files, read),
    has.has('go.mod') ? goSetup() : null,
    has.has('Cargo.toml') ? cargoSetup(has) : null,
    has.has('Gemfile') ? bundlerSetup(has) : null,
  ].filter((s): s is DetectedSetup => s !== null);
  if (found.length > 0) return found;
  const target = taskRunnerSetup(has, read);
  return target ? [target] : [];
}

// ---------------------------------------------------------------------------------------------
// JavaScript

interface PackageJson {
  packageManager?: unknown;
  dependencies?: unknown;
  devDependencies?: unknown;
  optionalDependencies?: unknown;
  workspaces?: unknown;
}

function parsePackageJson(text: string | null): PackageJson | null {
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as PackageJson) : null;
  } catch {
    return null;
  }
}

/** `packageManager: "pnpm@9.1.0+sha512…"` → pnpm 9.1.0; null when absent or not a plain version. */
export function pinnedPackageManager(pkg: PackageJson | null): { name: string; version: string } | null {
  const field = pkg?.packageManager;
  if (typeof field !== 'string') return null;
  const match = /^(npm|pnpm|yarn|bun)@([^+\s]+)(?:\+\S*)?$/.exec(field.trim());
  if (!match || !SAFE_VERSION.test(match[2] as string)) return null;
  return { name: match[1] as string, version: match[2] as string };
}

function hasDependencies(pkg: PackageJson | null): boolean {
  if (!pkg) return false;
  const nonEmpty = (v: unknown) => v !== null && typeof v === 'object' && Object.keys(v).length > 0;
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
function viaCorepack(tool: 'pnpm' | 'yarn', npxPackage: string, args: string): string {
  const corepack = `COREPACK_ENABLE_DOWNLOAD_PROMPT=0 corepack ${tool}`;
  // The repository's own scripts call the package manager by name (`"test": "pnpm build && …"`):
  // a shim in HOME's COMMAND_BIN_DIR, which every command has on PATH, runs the same version
  // from the cache the install filled, without network.
  const bin = `"$HOME/${COMMAND_BIN_DIR}"`;
  const corepackShim = `COREPACK_ENABLE_DOWNLOAD_PROMPT=0 corepack enable --install-directory ${bin} ${tool}`;
  const npxShim =
    `mkdir -p ${bin} && printf '#!/bin/sh\\nexec npx --offline --yes ${npxPackage} "$@"\\n' > ${bin}/${tool} && ` +
    `chmod +x ${bin}/${tool}`;
  return (
    `if command -v corepack >/dev/null 2>&1 && ${corepack} --version >/dev/null 2>&1; ` +
    `then ${corepack} ${args} && ${corepackShim}; else npx --yes ${npxPackage} ${args} && ${npxShim}; fi`
  );
}

function javascriptSetup(has: Set<string>, read: RepoFiles['read']): DetectedSetup | null {
  if (!has.has('package.json')) return null;
  const pkg = parsePackageJson(read('package.json'));
  const pin = pinnedPackageManager(pkg);
  const pinned = (name: string) => (pin?.name === name ? `, ${name} ${pin.version} pinned by packageManager` : '');
  const version = (name: string) => (pin?.name === name ? pin.version : null);

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
    const berry =
      has.has('.yarnrc.yml') || /^__metadata:/m.test(lock) || (pin?.name === 'yarn' && !pin.version.startsWith('1.'));
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
  if (npmLock) return { tool: 'npm', commands: ['npm ci --no-audit --no-fund'], reason: `${npmLock} found` };
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

function pythonSetup(has: Set<string>, files: readonly string[], read: RepoFiles['read']): DetectedSetup | null {
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
    if (!/^\[(?:project|build-system)\]/m.test(text)) return null;
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
function projectName(pyproject: string): string | null {
  const section = /^\[project\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(pyproject)?.[1] ?? '';
  const name = /^name\s*=\s*["']([^"']+)["']\s*$/m.exec(section)?.[1] ?? null;
  return name !== null && /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(name) ? name : null;
}

/** The keys of `[project.optional-dependencies]`. */
function optionalDependencyGroups(pyproject: string): string[] {
  const section = /^\[project\.optional-dependencies\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(pyproject)?.[1] ?? '';
  return [...section.matchAll(/^([A-Za-z0-9_-]+)\s*=/gm)].map((m) => m[1] as string);
}

// ---------------------------------------------------------------------------------------------
// Go, Cargo, Bundler

function goSetup(): DetectedSetup {
  // -modcacherw: Go makes its module cache read-only, which no clean-up could then remove.
  return { tool: 'go', commands: ['GOFLAGS=-modcacherw go mod download'], reason: 'go.mod found' };
}

function cargoSetup(has: Set<string>): DetectedSetup {
  const locked = has.has('Cargo.lock');
  return {
    tool: 'cargo',
    commands: [locked ? 'cargo fetch --locked' : 'cargo fetch'],
    reason: locked ? 'Cargo.toml and Cargo.lock found' : 'Cargo.toml found',
  };
}

function bundlerSetup(has: Set<string>): DetectedSetup {
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
function makeTarget(text: string, name: string): boolean {
  return new RegExp(`^(?:[^\\s:#=]+[ \\t]+)*${name}(?:[ \\t]+[^\\s:#=]+)*[ \\t]*::?(?!=)`, 'm').test(text);
}

/** A just recipe `name:` or `name arg:` (not `name := value`). */
export function justRecipe(text: string, name: string): boolean {
  return new RegExp(`^@?${name}(?:[ \\t]+[^:=\\n]*)?:(?!=)`, 'm').test(text);
}

function taskRunnerSetup(has: Set<string>, read: RepoFiles['read']): DetectedSetup | null {
  for (const file of MAKEFILES) {
    if (!has.has(file)) continue;
    const text = read(file) ?? '';
    const target = INSTALL_TARGETS.find((t) => makeTarget(text, t));
    if (target) return { tool: 'make', commands: [`make ${target}`], reason: `${file} has a \`${target}\` target` };
  }
  for (const file of JUSTFILES) {
    if (!has.has(file)) continue;
    const text = read(file) ?? '';
    const recipe = INSTALL_TARGETS.find((t) => justRecipe(text, t));
    if (recipe) return { tool: 'just', commands: [`just ${recipe}`], reason: `${file} has a \`${recipe}\` recipe` };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The test command

/** A Python package under src/ (`src/<name>/__init__.py`) and none of that name at the top. */
function isSrcLayout(files: readonly string[]): boolean {
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
export function detectTestCommandWithSetup(
  repo: RepoFiles,
  setup: readonly Pick<DetectedSetup, 'venv'>[],
): DetectedTestCommand | null {
  const { files, read } = repo;
  const found = detectTestCommand(files, read);
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
  if (found) return found;
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

// ---------------------------------------------------------------------------------------------
// Configuration over detection

/** The setup a run will use: the configuration's `setup:`, else what was detected; and why. */
export interface SetupChoice {
  commands: string[];
  source: 'configuration' | 'detected' | 'none';
  /** For people: "`setup` in the configuration", "package-lock.json found; go.mod found". */
  reason: string;
  /** The detections, also when the configuration replaced them (validate shows both). */
  detected: DetectedSetup[];
}

/** The test command a run will use: the configuration's `test-command`, else the detected one. */
export interface TestChoice {
  command: string | null;
  source: 'configuration' | 'detected' | 'none';
  reason: string;
}

/**
 * What a run installs and how it tests, from the configuration and the repository's files: an
 * explicit `setup:` (even one command) replaces detection, as an explicit `test-command` does.
 */
export function chooseEnvironment(
  config: { setup: readonly string[]; 'test-command': string | null },
  repo: RepoFiles,
): { setup: SetupChoice; test: TestChoice } {
  const detected = detectSetup(repo);
  let setup: SetupChoice;
  if (config.setup.length > 0) {
    setup = { commands: [...config.setup], source: 'configuration', reason: '`setup` in the configuration', detected };
  } else if (detected.length > 0) {
    setup = {
      commands: detected.flatMap((d) => d.commands),
      source: 'detected',
      reason: detected.map((d) => d.reason).join('; '),
      detected,
    };
  } else {
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
  const test: TestChoice = found
    ? { command: found.command, source: 'detected', reason: found.source }
    : {
        command: null,
        source: 'none',
        reason: 'none found (package.json `test` script, pytest, go.mod, Cargo.toml, a Makefile or justfile `test`)',
      };
  return { setup, test };
}
