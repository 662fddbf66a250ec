/**
 * Two rules of the safe-output policy (`policy.ts`) about what a change makes run, or reach,
 * without review, which no path pattern can express:
 *
 * - `lifecycle-script`: a `package.json` (at any depth: workspaces install too) whose added lines
 *   set a script npm, yarn or pnpm runs on install or pack (`preinstall`, `install`,
 *   `postinstall`, `preprepare`, `prepare`, `postprepare`, `prepublish`, `prepack`, `postpack`),
 *   `packageManager` (corepack downloads and runs what it names), or the git hooks of a hook
 *   manager kept in `package.json` (`gitHooks`, and `husky`, `simple-git-hooks`, `lint-staged`,
 *   `pre-commit` with an object or list value). The patch shows only a few lines around a change,
 *   so which object a key is in is read from the hunk: a lifecycle name in an object the hunk
 *   shows is not `scripts` (`dependencies`: there is a package called `install`) passes; in
 *   `scripts`, or in an object that opens before the hunk, it is refused (fail closed). Keys are
 *   read as JSON, escapes (`"post\u0069nstall"`) included. A `package.json` given as a binary
 *   patch, or made by renaming or copying another file without its lines, cannot be read and is
 *   refused.
 * - `symlink`: a symbolic link (git mode 120000; its content is its target) that the patch adds
 *   or changes is refused when its target is absolute, leaves the repository (resolved from the
 *   link's directory, through the links the patches add), is inside `.git`, or lands on a
 *   protected path or a directory all of which is protected (`.github/workflows`); and when the
 *   link is where a protected pattern reaches inside (`.github/workflows` or `.github` ->
 *   anything: its files would be workflows that no pattern sees). A link whose target the patch
 *   does not show (a mode change without content, a binary hunk) is refused. Not seen: links
 *   already in the base commit (the resolution does not follow them), and a link renamed or
 *   copied unchanged (git shows no mode for it, so it is indistinguishable from a file).
 */
import { posix } from 'node:path';
import { type DiffFile, parseUnifiedDiff } from '../workspace/diff/index.ts';
import { type CompiledGlob, compileGlob, matchGlobs } from '../workspace/glob.ts';
import type { FileChange } from '../workspace/patch.ts';

// ---------------------------------------------------------------------------------------------
// lifecycle scripts

/** Scripts a package manager runs by itself on `install` (of this package or the repository) or `pack`. */
const LIFECYCLE_SCRIPTS = new Map<string, string>([
  ['preinstall', 'runs on install'],
  ['install', 'runs on install'],
  ['postinstall', 'runs on install'],
  ['preprepare', 'runs on install'],
  ['prepare', 'runs on install'],
  ['postprepare', 'runs on install'],
  ['prepublish', 'runs on install'],
  ['prepack', 'runs on pack, and on installing the repository as a git dependency'],
  ['postpack', 'runs on pack, and on installing the repository as a git dependency'],
]);

/** Keys that do not name packages (no package name has capitals): refused at any depth. */
const RUNNING_KEYS = new Map<string, string>([
  ['packageManager', 'names the package manager that corepack downloads and runs'],
  ['gitHooks', 'sets git hooks (yorkie) that run on commits'],
]);

/** Hook managers configured in `package.json`; also package names, so refused only with an object or list value. */
const HOOK_MANAGER_KEYS = new Set(['husky', 'simple-git-hooks', 'lint-staged', 'pre-commit']);

interface Token {
  text: string;
  added: boolean;
}

/** JSON tokens of one line: strings, punctuation, and any other run (numbers, literals). */
function tokens(text: string, added: boolean): Token[] {
  return [...text.matchAll(/"(?:[^"\\]|\\.)*"?|[{}[\]:,]|[^\s{}[\]:,"]+/g)].map((m) => ({ text: m[0], added }));
}

function jsonString(token: string): string {
  try {
    const value: unknown = JSON.parse(token);
    return typeof value === 'string' ? value : token;
  } catch {
    return token.replace(/^"|"$/g, '');
  }
}

/** An open object or list in the hunk, by the key whose value it is (null: the root, or in a list). */
interface Frame {
  key: string | null;
}

/** What the added lines of one hunk of a `package.json` set that runs without review. */
function hunkFindings(lines: DiffFile['hunks'][number]['lines']): string[] {
  const stream = lines.filter((l) => l.kind !== 'delete').flatMap((l) => tokens(l.text, l.kind === 'add'));
  // Frames the hunk opened; below them, an object that opened before the hunk (unknown).
  const stack: Frame[] = [];
  const findings: string[] = [];
  for (let i = 0; i < stream.length; i++) {
    const token = stream[i] as Token;
    const next = stream[i + 1];
    if (token.text === '{' || token.text === '[') {
      const before = stream[i - 1];
      const keyToken = before?.text === ':' ? stream[i - 2] : undefined;
      stack.push({ key: keyToken?.text.startsWith('"') ? jsonString(keyToken.text) : null });
      continue;
    }
    if (token.text === '}' || token.text === ']') {
      stack.pop();
      continue;
    }
    if (!token.text.startsWith('"') || next?.text !== ':') continue;
    const key = jsonString(token.text);
    const value = stream[i + 2];
    if (!token.added && !value?.added) continue;
    const frame = stack.at(-1);
    const lifecycle = LIFECYCLE_SCRIPTS.get(key);
    if (lifecycle && (frame === undefined || frame.key === 'scripts')) {
      const place = frame === undefined ? ' (in an object that opens before the lines shown)' : '';
      findings.push(`sets the "${key}" script${place}, which ${lifecycle}`);
    }
    const running = RUNNING_KEYS.get(key);
    if (running) findings.push(`sets "${key}", which ${running}`);
    if (HOOK_MANAGER_KEYS.has(key) && (value?.text === '{' || value?.text === '[')) {
      findings.push(`configures "${key}", whose git hooks run on commits`);
    }
  }
  return findings;
}

function isPackageJson(path: string | null): boolean {
  return path !== null && posix.basename(path).toLowerCase() === 'package.json';
}

/**
 * Why the change `section` (one file's part of a patch) makes to a `package.json` runs code
 * without review; empty when it does not, or is not a `package.json`.
 */
export function lifecycleFindings(section: string, change: FileChange): string[] {
  if (change.kind === 'deleted' || !isPackageJson(change.path)) return [];
  const file = parseUnifiedDiff(section)[0];
  if (!file) return [];
  if (file.binary) return ['is given as a binary patch, so its scripts cannot be checked'];
  if (file.hunks.length === 0 && change.oldPath !== null && !isPackageJson(change.oldPath)) {
    return [`is made from ${change.oldPath} without its lines, so its scripts cannot be checked`];
  }
  return [...new Set(file.hunks.flatMap((h) => hunkFindings(h.lines)))];
}

// ---------------------------------------------------------------------------------------------
// symbolic links

const SYMLINK_MODE = '120000';

/** A symbolic link a patch adds or changes. */
export interface PatchLink {
  /** The patch's label. */
  label: string;
  change: FileChange;
  /** The target; null when the patch does not show it. */
  target: string | null;
  /** Why the target is not shown. */
  unreadable?: string;
}

/** The link `section` adds or changes, or null when the file it leaves is not a symbolic link. */
export function linkInSection(section: string, change: FileChange, label: string): PatchLink | null {
  if (change.kind === 'deleted') return null;
  const header = section.split(/\n(?=@@|GIT binary patch)/)[0] ?? '';
  const modes = [...header.matchAll(/^(?:new file mode|new mode) (\d+)|^index [0-9a-f]+\.\.[0-9a-f]+ (\d+)/gm)].map(
    (m) => m[1] ?? m[2],
  );
  if (modes.at(-1) !== SYMLINK_MODE) return null;
  const file = parseUnifiedDiff(section)[0];
  if (!file || file.binary) return { label, change, target: null, unreadable: 'a binary patch' };
  if (file.hunks.length === 0) return { label, change, target: null, unreadable: 'no content' };
  // A link's content is one line; its hunk is the whole file.
  const lines = file.hunks.flatMap((h) => h.lines.filter((l) => l.kind !== 'delete').map((l) => l.text));
  return { label, change, target: lines.join('\n') };
}

/** `dir` as path segments; the root is none. */
function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '' && s !== '.');
}

type Resolved = { path: string } | { problem: string };

const MAX_HOPS = 40; // Linux's limit on links followed in one lookup

function isAbsoluteTarget(target: string): boolean {
  return target.startsWith('/') || target.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(target);
}

/**
 * Where `target`, read from the directory of the link at `linkPath`, leads: a repository-relative
 * path ('' for the root), following the links in `links` (by lower-cased path) on the way.
 */
function resolveLink(linkPath: string, target: string, links: ReadonlyMap<string, string>): Resolved {
  if (isAbsoluteTarget(target)) return { problem: 'is an absolute path, outside the repository' };
  const dir = segments(linkPath).slice(0, -1);
  // A backslash separates too where the checkout is on Windows.
  let pending = target.split(/[\\/]/);
  let hops = 0;
  while (pending.length > 0) {
    const part = pending.shift() as string;
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (dir.length === 0) return { problem: 'leaves the repository' };
      dir.pop();
      continue;
    }
    dir.push(part);
    const next = links.get(dir.join('/').toLowerCase());
    if (next === undefined) continue;
    if (++hops > MAX_HOPS) return { problem: 'goes round a loop of symbolic links' };
    if (isAbsoluteTarget(next)) return { problem: `leads through ${dir.join('/')} to an absolute path` };
    dir.pop();
    pending = [...next.split(/[\\/]/), ...pending];
  }
  return { path: dir.join('/') };
}

/** One path segment against one pattern segment, as `compileGlob` matches it. */
const segmentGlobs = new Map<string, CompiledGlob>();
function segmentMatches(patternSegment: string, segment: string): boolean {
  let glob = segmentGlobs.get(patternSegment);
  if (!glob) {
    glob = compileGlob(`/${patternSegment}`);
    segmentGlobs.set(patternSegment, glob);
  }
  return glob.regexp.test(segment);
}

/**
 * `pattern` from `p` (`**` matching any number of segments) consumes all of `path` from `q`, or
 * matches a parent of it.
 */
function prefixMatch(pattern: readonly string[], p: number, path: readonly string[], q: number): boolean {
  if (q === path.length) return true; // the path is, or is on the way to, what the rest of the pattern matches
  if (p === pattern.length) return true; // a parent of the path matches: the path is inside
  const segment = pattern[p] as string;
  if (segment === '**') return prefixMatch(pattern, p + 1, path, q) || prefixMatch(pattern, p, path, q + 1);
  return segmentMatches(segment, path[q] as string) && prefixMatch(pattern, p + 1, path, q + 1);
}

/**
 * Whether the pattern of `glob` matches `path`, or something inside it through the path's own
 * segments: a link at such a path puts files where the pattern protects them without the pattern
 * seeing them (`.github/workflows` for `.github/workflows/**`, `.github` too). A pattern that
 * matches a name at any depth (`action.yml`) matches the linked file where it really is as well,
 * so it does not count.
 */
export function patternReaches(path: string, glob: CompiledGlob): boolean {
  let body = glob.pattern.replace(/\/+$/, '');
  const anchored = body.startsWith('/') || body.includes('/');
  body = body.replace(/^\/+/, '');
  let parts = body.split('/');
  const target = segments(path);
  if (!anchored || parts[0] === '**') {
    parts = parts.filter((_, i) => i > 0 || parts[0] !== '**');
    // Only a match that uses the path's own segments counts.
    for (let start = 0; start < target.length; start++) {
      if (prefixMatch(parts, 0, target, start)) return true;
    }
    return false;
  }
  return prefixMatch(parts, 0, target, 0);
}

function describeLink(link: PatchLink): string {
  const { change } = link;
  const shown = link.target === null ? '' : ` -> ${link.target}`;
  if (change.kind === 'added') return `adds the symbolic link ${change.path}${shown}`;
  if (change.kind === 'renamed') return `renames ${change.oldPath} to the symbolic link ${change.path}${shown}`;
  if (change.kind === 'copied') return `copies ${change.oldPath} to the symbolic link ${change.path}${shown}`;
  return `makes ${change.path} a symbolic link${shown}`;
}

export interface LinkFinding {
  label: string;
  path: string;
  detail: string;
}

/**
 * The links among `links` that are refused (module comment). `globs` are the protected paths.
 * Each link is resolved through the links of its own patch and through those of all the patches.
 */
export function linkFindings(links: readonly PatchLink[], globs: readonly CompiledGlob[]): LinkFinding[] {
  const keyed = (list: readonly PatchLink[]) =>
    new Map(list.flatMap((l) => (l.target === null ? [] : [[l.change.path.toLowerCase(), l.target] as const])));
  const all = keyed(links);
  const findings: LinkFinding[] = [];
  for (const link of links) {
    const found = (detail: string) =>
      findings.push({ label: link.label, path: link.change.path, detail: `${describeLink(link)}; ${detail}` });
    // A link on a protected path itself is the `protected-path` rule's.
    const atLink = matchGlobs(link.change.path, globs)
      ? undefined
      : globs.find((g) => patternReaches(link.change.path, g));
    if (atLink) {
      found(`a link there puts files where "${atLink.pattern}" protects them (protected-paths)`);
    }
    if (link.target === null) {
      found(`the patch does not show its target (${link.unreadable}), so it cannot be checked`);
      continue;
    }
    const own = keyed(links.filter((l) => l.label === link.label));
    for (const map of [own, new Map([...all, ...own])]) {
      const resolved = resolveLink(link.change.path, link.target, map);
      if ('problem' in resolved) {
        found(`its target ${resolved.problem}`);
        break;
      }
      const where = resolved.path === '' ? 'the repository root' : resolved.path;
      if (segments(resolved.path)[0]?.toLowerCase() === '.git') {
        found(`its target ${where} is inside .git`);
        break;
      }
      // The target, or a directory everything in which is protected (a name no pattern names on purpose).
      const glob = matchGlobs(resolved.path, globs) ?? matchGlobs(`${resolved.path}/\u0000`, globs);
      if (glob) {
        found(`its target ${where} is protected by "${glob.pattern}" (protected-paths)`);
        break;
      }
    }
  }
  return findings;
}
