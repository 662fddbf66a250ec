/**
 * The safe-output policy: what `publish` checks, all or nothing, before it writes anything.
 * A refusal names its rule, where (the patch and file, or the text), and what was found, never
 * the secret itself; `formatRefusals` turns refusals into a message a user can act on.
 *
 * Rules:
 * - `protected-path`: no patch touches a protected path, both sides of a rename included. Paths
 *   are read twice, by `pathsInPatch` and by git (`git apply --numstat`), so that a header one
 *   reader misreads cannot hide a path. Default patterns: `defaultPublishProtectedPaths`, which
 *   covers what runs on the maintainer's or CI's side without review (`DEFAULT_PROTECTED_PATHS`).
 * - `lifecycle-script` / `symlink`: no `package.json` gains a script that runs on install (or the
 *   package manager, or git hooks), no symbolic link leaves the tree, lands on a protected path
 *   or sits where a protected pattern reaches inside (`.github/workflows`); see `policy-exec.ts`.
 *   Always on: no pattern can say this, and an agent has no reason to do either unreviewed.
 * - `unreadable-patch`: a patch whose file names (or binary content) cannot be read cannot be
 *   checked, so it is refused (fail closed).
 * - `patch-size` / `file-count`: the total bytes (UTF-8) of all patches, and the distinct paths
 *   they touch (a rename touches two), stay within `maxPatchBytes` / `maxFiles`.
 * - `binary-size`: one binary hunk that inflates to more than `maxPatchBytes` is refused before it
 *   is inflated (a few kilobytes of patch can hold gigabytes of zeros).
 * - `credential` / `secret-value`: no patch or text holds a credential pattern or one of the
 *   secret values the step was given (see `secrets.ts`).
 * - `mention-flood`: a text with more than `maxMentions` (default 10) distinct live `@mentions`
 *   is refused; below that they are neutralised.
 *
 * What is scanned in a patch: added lines, the new names of added, renamed and copied files, and
 * the new content of binary files (a `literal` hunk decoded in full, the inserted data of a
 * `delta` hunk). Removed and context lines are not: they are in the base commit already, so
 * publishing does not disclose them, and a change that deletes a committed key must be able to.
 * The reverse hunk of a binary patch (the old content) is skipped for the same reason.
 *
 * Sanitising (never a refusal): invisible characters removed (but U+200B, which the renderers
 * insert to neutralise and which hides nothing), links to hosts other than `allowedHost` made
 * inert and `@mentions` neutralised (`render/safe.ts`), titles put on one line and capped at 256
 * characters, bodies capped at 65,536 with a truncation note (`truncateMarkdown`). The texts
 * include rendered documents that carry ensemble's own hidden marker, `<details>` and `Closes #n`,
 * so HTML and closing keywords are left to the renderers (which neutralise every untrusted part
 * with `safeBlock`/`safeInline`); pass model text that did not go through a renderer as
 * `kind: 'raw'` to have all of `safeBlock` applied. Every transform is idempotent on text a
 * renderer produced.
 */
import os from 'node:os';
import { INSTRUCTION_FILES } from '../config/instructions.ts';
import { DEFAULT_CONFIG_PATH } from '../config/load.ts';
import { DEFAULT_PROTECTED_PATHS } from '../contracts/config.ts';
import { truncateMarkdown } from '../render/markdown.ts';
import { limitLinks, neutraliseMentions, neutraliseText, safeBlock, splitFences, stripHidden } from '../render/safe.ts';
import {
  byteNeedles,
  describeSecretHit,
  findSecrets,
  type SecretNeedle,
  type SecretValue,
  secretNeedles,
} from '../secrets/scan.ts';
import { clip } from '../util/text.ts';
import { forwardBinary, splitSections } from '../workspace/diff/index.ts';
import { compileGlob, matchGlobs } from '../workspace/glob.ts';
import { type FileChange, pathsGitReads, pathsInPatch, touchedPaths } from '../workspace/patch.ts';
import { lifecycleFindings, linkFindings, linkInSection, type PatchLink } from './policy-exec.ts';

export type PolicyRule =
  | 'protected-path'
  | 'lifecycle-script'
  | 'symlink'
  | 'unreadable-patch'
  | 'patch-size'
  | 'file-count'
  | 'binary-size'
  | 'credential'
  | 'secret-value'
  | 'mention-flood';

export interface Refusal {
  rule: PolicyRule;
  /**
   * The patch's label and the file (`task api: src/x.ts`), the text's label, or `the change` for
   * totals. Raw: see `formatRefusals`.
   */
  where: string;
  /** What was found; a credential masked, a secret value by its name and length only. */
  detail: string;
}

export interface PatchInput {
  /** `task api`, `tests`, `docs`. */
  label: string;
  patch: string;
  /**
   * The patch's files as git listed them when it made the patch here (`diffTrees`' `--raw` part):
   * git's reading of its paths, so it is not asked to read them again (`pathsGitReads`).
   */
  changes?: readonly FileChange[];
}

/**
 * `title`: one line, links and mentions neutralised everywhere, capped at 256 characters.
 * `body`: Markdown, column-0 code fences kept, capped at 65,536 characters.
 * `raw`: a body of model text no renderer has seen: all of `safeBlock` (HTML, references too).
 * Default: `title` when the label ends in "title", else `body`.
 */
export type TextKind = 'title' | 'body' | 'raw';

export interface TextInput {
  /** The text's name in a refusal: `PR title`, `review finding 3 body`, `commit message of task api`. */
  label: string;
  text: string;
  kind?: TextKind;
}

/**
 * `texts` by a key of the caller's choosing: the result holds each text, sanitised, under the
 * same key. The label is only the text's name in a refusal.
 */
export interface SafeOutputsInput<K extends string = string> {
  patches: readonly PatchInput[];
  texts: Readonly<Record<K, TextInput>>;
}

export interface SafeOutputsOptions {
  /** Patterns (`.gitignore`-style) of paths no patch may touch; see `publishProtectedPaths`. */
  protectedPaths: readonly string[];
  /** `limits.max-patch-bytes`. */
  maxPatchBytes: number;
  /** `limits.max-files`. */
  maxFiles: number;
  /** The exact values of the secrets the step was given; values shorter than 8 characters are ignored. */
  secretValues?: readonly SecretValue[];
  /** The repository's host (`github.com`); links elsewhere are made inert. */
  allowedHost: string | readonly string[];
  /** More distinct `@mentions` than this in one text is refused. Default 10. */
  maxMentions?: number;
  /** Default 256. */
  maxTitleChars?: number;
  /** Default 65,536. */
  maxBodyChars?: number;
  /** Where git reads the patches (`git apply --numstat`, which writes nothing); default the temporary directory. */
  gitCwd?: string;
}

export interface SanitisedText {
  label: string;
  text: string;
  /** The text was longer than its cap and was cut. */
  truncated: boolean;
}

export interface SafeOutputsStats {
  /** Total UTF-8 bytes of all patches. */
  patchBytes: number;
  /** Distinct paths the patches touch. */
  files: number;
}

export type SafeOutputsResult<K extends string = string> =
  | { ok: true; texts: Record<K, SanitisedText>; stats: SafeOutputsStats }
  | { ok: false; refusals: Refusal[]; stats: SafeOutputsStats };

export const DEFAULT_MAX_MENTIONS = 10;
export const MAX_TITLE_CHARS = 256;
export const MAX_BODY_CHARS = 65_536;

// ---------------------------------------------------------------------------------------------
// protected paths

/** A repository-relative path as a pattern that matches exactly that path (anchored, glob characters escaped). */
function literalPattern(path: string): string {
  return `/${path
    .replace(/^(?:\.\/)+/, '')
    .replace(/^\/+/, '')
    .replace(/[*?[\\]/g, '\\$&')}`;
}

/**
 * The paths `publish` protects by default: the config's default `protected-paths`
 * (`DEFAULT_PROTECTED_PATHS`: workflows, actions and whatever else runs without review), the
 * ensemble configuration file (`configPath`, repository-relative) and the instruction files agents
 * read (`AGENTS.md` and `CLAUDE.md` at any depth, `.github/copilot-instructions.md`).
 */
export function defaultPublishProtectedPaths(configPath: string = DEFAULT_CONFIG_PATH): string[] {
  return publishProtectedPaths(DEFAULT_PROTECTED_PATHS, configPath);
}

/**
 * `configured` (the config's `protected-paths`, `DEFAULT_PROTECTED_PATHS` unless changed) plus the
 * configuration file and the instruction files, which steer the agents and are always protected.
 */
export function publishProtectedPaths(
  configured: readonly string[],
  configPath: string = DEFAULT_CONFIG_PATH,
): string[] {
  return [...new Set([...configured, literalPattern(configPath), ...INSTRUCTION_FILES])];
}

// ---------------------------------------------------------------------------------------------
// reading patches

interface Section {
  text: string;
  /** The change this section makes, or null when its names cannot be read. */
  change: FileChange | null;
  /** The path shown to the user. */
  shownPath: string;
}

/** The patch's per-file sections (`splitSections`), each with the first change it makes as `pathsInPatch` reads it. */
function sections(patch: string): Section[] {
  return splitSections(patch).map((text) => {
    const change = pathsInPatch(text)[0] ?? null;
    const usable = change !== null && change.path !== '' && change.oldPath !== '';
    const plusPath = /^\+\+\+ (?:b\/)?([^\t\n]+)/m.exec(text)?.[1];
    const shownPath = usable ? change.path : (plusPath ?? '(a file whose name cannot be read)');
    return { text, change: usable ? change : null, shownPath };
  });
}

// ---------------------------------------------------------------------------------------------
// scanning

interface Scanner {
  /** The secret values' needles, for text. */
  needles: readonly SecretNeedle[];
  /** The same, for binary content read as Latin-1. */
  binaryNeedles: readonly SecretNeedle[];
}

/** Secret values and credential patterns in `text`; `at` says where a line is. */
function scanText(
  text: string,
  needles: readonly SecretNeedle[],
  where: string,
  at: (line: number) => string,
): Refusal[] {
  const refusals: Refusal[] = [];
  const found = findSecrets(text, needles);
  for (const hit of found.secrets) {
    refusals.push({ rule: 'secret-value', where, detail: `${describeSecretHit(hit)} ${at(hit.line)}` });
  }
  for (const hit of found.credentials) {
    refusals.push({ rule: 'credential', where, detail: `${hit.pattern.name} ${hit.shown} ${at(hit.line)}` });
  }
  return refusals;
}

/** Credentials and secret values in what `section` adds: its new file name, added lines and new binary content. */
function scanSection(section: Section, label: string, scanner: Scanner, maxBytes: number): Refusal[] {
  const where = `${label}: ${section.shownPath}`;
  const refusals: Refusal[] = [];
  const change = section.change;
  if (change && change.kind !== 'modified' && change.kind !== 'deleted') {
    refusals.push(...scanText(change.path, scanner.needles, where, () => 'in the file name'));
  }
  const lines = section.text.split('\n');
  let inHunk = false;
  let newLine = 0;
  // Consecutive added lines are scanned as one text, so that a secret split across them is found.
  let added: { first: number; lines: string[] } = { first: 0, lines: [] };
  const flushAdded = () => {
    const { first } = added;
    refusals.push(...scanText(added.lines.join('\n'), scanner.needles, where, (n) => `on line ${first + n - 1}`));
    added = { first: 0, lines: [] };
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line.startsWith('+') && added.lines.length > 0) flushAdded();
    if (line.startsWith('@@')) {
      inHunk = true;
      newLine = Number(/^@@ -\d+(?:,\d+)? \+(\d+)/.exec(line)?.[1] ?? 1);
      continue;
    }
    if (!inHunk) {
      if (line.replace(/\r$/, '') === 'GIT binary patch') {
        const content = forwardBinary(lines, i + 1, maxBytes);
        if (content.ok) {
          // One byte per character; NUL between inserted chunks so that no match spans two of them.
          const bytes = content.chunks.map((c) => c.toString('latin1')).join('\0');
          refusals.push(...scanText(bytes, scanner.binaryNeedles, where, () => 'in the new binary content'));
        } else if (content.tooLarge !== null) {
          refusals.push({
            rule: 'binary-size',
            where,
            detail:
              `a binary hunk inflates to ${content.tooLarge.toLocaleString('en-US')} bytes, more ` +
              `than the limit of ${maxBytes.toLocaleString('en-US')} (limits.max-patch-bytes)`,
          });
        } else {
          refusals.push({
            rule: 'unreadable-patch',
            where,
            detail: 'the binary patch cannot be decoded, so it cannot be checked for credentials',
          });
        }
        break;
      }
      continue; // header lines: names were read above
    }
    if (line.startsWith('+')) {
      if (added.lines.length === 0) added.first = newLine;
      added.lines.push(line.slice(1));
      newLine++;
    } else if (line.startsWith('-') || line.startsWith('\\')) {
      // removed (already in the base) or "\ No newline at end of file"
    } else {
      newLine++;
    }
  }
  if (added.lines.length > 0) flushAdded();
  return refusals;
}

function describeTouch(change: FileChange | undefined, path: string): string {
  if (!change) return `touches ${path}`;
  if (change.kind === 'renamed' && change.oldPath === path) return `renames ${path} to ${change.path}`;
  if (change.kind === 'renamed') return `renames ${change.oldPath} to ${path}`;
  if (change.kind === 'copied' && change.oldPath === path) return `copies ${path} to ${change.path}`;
  if (change.kind === 'copied') return `copies ${change.oldPath} to ${path}`;
  const verb = { added: 'adds', deleted: 'deletes', modified: 'modifies' } as const;
  return `${verb[change.kind]} ${path}`;
}

// ---------------------------------------------------------------------------------------------
// texts

/**
 * Removes invisible characters except U+200B, which the renderers insert to neutralise constructs
 * (see module comment).
 */
function stripHiddenKeepingZwsp(text: string): string {
  return text.split('\u200b').map(stripHidden).join('\u200b');
}

/**
 * Distinct live `@mentions` (case-insensitive) outside column-0 fenced code and inline code spans
 * (GitHub notifies neither).
 */
export function liveMentions(text: string, mode: 'block' | 'inline'): string[] {
  const prose =
    mode === 'inline'
      ? [text]
      : splitFences(text)
          .segments.filter((s) => !s.code)
          .map((s) => s.text);
  const names = new Set<string>();
  for (const part of prose) {
    const outsideSpans = part.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, ' ');
    for (const m of outsideSpans.matchAll(
      /(?<![A-Za-z0-9_])@([A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][A-Za-z0-9_.-]*)?)/g,
    )) {
      names.add((m[1] as string).replace(/\.+$/, '').toLowerCase());
    }
  }
  return [...names];
}

function kindOf(text: TextInput): TextKind {
  return text.kind ?? (/title$/i.test(text.label.trim()) ? 'title' : 'body');
}

// `clip`, but a title drops the whitespace the cut leaves before its `…`.
function capTitle(text: string, max: number): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  return { text: `${clip(text, max).slice(0, -1).trimEnd()}…`, truncated: true };
}

/** A text as `publish` writes it (see the module comment); never refuses. */
export function sanitiseText(
  text: string,
  kind: TextKind,
  options: { allowedHost: string | readonly string[]; maxTitleChars?: number; maxBodyChars?: number },
): { text: string; truncated: boolean } {
  const host = options.allowedHost;
  if (kind === 'title') {
    let out = stripHiddenKeepingZwsp(text)
      .replace(/\s*[\r\n]+\s*/g, ' ')
      .trim();
    out = neutraliseMentions(limitLinks(out, host, { mode: 'inline' }), { mode: 'inline' });
    return capTitle(out, options.maxTitleChars ?? MAX_TITLE_CHARS);
  }
  const out =
    kind === 'raw'
      ? safeBlock(text, { allowedHost: host })
      : neutraliseMentions(limitLinks(stripHiddenKeepingZwsp(text), host, { mode: 'block' }), { mode: 'block' });
  const max = options.maxBodyChars ?? MAX_BODY_CHARS;
  const capped = truncateMarkdown(out, { unit: 'chars', max });
  return { text: capped, truncated: capped !== out };
}

// ---------------------------------------------------------------------------------------------
// the check

/**
 * Checks every patch and text against the policy (module comment). All or nothing: either every
 * text, sanitised, under its key, or every refusal. Throws only on an invalid protected-path pattern.
 */
export async function checkSafeOutputs<K extends string>(
  input: SafeOutputsInput<K>,
  options: SafeOutputsOptions,
): Promise<SafeOutputsResult<K>> {
  const refusals: Refusal[] = [];
  const globs = options.protectedPaths.map(compileGlob);
  const needles = secretNeedles(options.secretValues ?? []);
  const scanner: Scanner = { needles, binaryNeedles: byteNeedles(needles) };
  const allPaths = new Set<string>();
  const links: PatchLink[] = [];
  let patchBytes = 0;
  // git's reading of each patch, asked for all of them at once; null where git cannot read it.
  const gitCwd = options.gitCwd ?? os.tmpdir();
  const gitReads = input.patches.map(({ patch, changes }) => {
    if (patch === '') return Promise.resolve([]);
    if (changes) return Promise.resolve(touchedPaths(changes));
    return pathsGitReads(gitCwd, patch).catch(() => null);
  });

  for (const [i, { label, patch }] of input.patches.entries()) {
    if (patch === '') continue;
    patchBytes += Buffer.byteLength(patch, 'utf8');
    const parts = sections(patch);
    const changes = parts.flatMap((s) => (s.change ? [s.change] : []));
    for (const part of parts) {
      if (!part.change && part.text.startsWith('diff --git ')) {
        refusals.push({
          rule: 'unreadable-patch',
          where: `${label}: ${part.shownPath}`,
          detail: 'the names of a file this patch changes cannot be read, so its paths cannot be checked',
        });
      }
      if (!part.change) continue;
      for (const finding of lifecycleFindings(part.text, part.change)) {
        refusals.push({
          rule: 'lifecycle-script',
          where: `${label}: ${part.shownPath}`,
          detail: `${part.shownPath} ${finding}`,
        });
      }
      const link = linkInSection(part.text, part.change, label);
      if (link) links.push(link);
    }
    const read = await gitReads[i];
    const gitPaths = read ?? [];
    if (read === null) {
      // git's message may quote the patch; it is not repeated.
      refusals.push({
        rule: 'unreadable-patch',
        where: label,
        detail: 'git cannot read this patch, so its paths cannot be checked',
      });
    }
    const paths = [...touchedPaths(changes), ...gitPaths].filter((p) => p !== '');
    const reported = new Set<string>();
    for (const path of paths) {
      allPaths.add(path);
      if (reported.has(path)) continue;
      reported.add(path);
      const glob = matchGlobs(path, globs);
      if (!glob) continue;
      const change = changes.find((c) => c.path === path || c.oldPath === path);
      refusals.push({
        rule: 'protected-path',
        where: `${label}: ${path}`,
        detail: `${describeTouch(change, path)}; ${path} is protected by "${glob.pattern}" (protected-paths)`,
      });
    }
    for (const part of parts) refusals.push(...scanSection(part, label, scanner, options.maxPatchBytes));
  }
  for (const found of linkFindings(links, globs)) {
    refusals.push({ rule: 'symlink', where: `${found.label}: ${found.path}`, detail: found.detail });
  }

  if (patchBytes > options.maxPatchBytes) {
    const each = input.patches
      .filter((p) => p.patch !== '')
      .map((p) => `${p.label} ${Buffer.byteLength(p.patch, 'utf8').toLocaleString('en-US')}`)
      .join(', ');
    refusals.push({
      rule: 'patch-size',
      where: 'the change',
      detail:
        `${patchBytes.toLocaleString('en-US')} bytes of patch (${each}), more than the ` +
        `limit of ${options.maxPatchBytes.toLocaleString('en-US')} (limits.max-patch-bytes)`,
    });
  }
  if (allPaths.size > options.maxFiles) {
    refusals.push({
      rule: 'file-count',
      where: 'the change',
      detail:
        `${allPaths.size.toLocaleString('en-US')} files touched, more than the ` +
        `limit of ${options.maxFiles.toLocaleString('en-US')} (limits.max-files)`,
    });
  }

  const maxMentions = options.maxMentions ?? DEFAULT_MAX_MENTIONS;
  const texts = {} as Record<K, SanitisedText>;
  for (const key of Object.keys(input.texts) as K[]) {
    const entry = input.texts[key];
    const kind = kindOf(entry);
    refusals.push(...scanText(entry.text, needles, entry.label, (line) => `on line ${line}`));
    const mentions = liveMentions(stripHiddenKeepingZwsp(entry.text), kind === 'title' ? 'inline' : 'block');
    if (mentions.length > maxMentions) {
      refusals.push({
        rule: 'mention-flood',
        where: entry.label,
        detail: `${mentions.length} distinct @mentions, more than the ${maxMentions} allowed in one text`,
      });
    }
    texts[key] = { label: entry.label, ...sanitiseText(entry.text, kind, options) };
  }

  const stats = { patchBytes, files: allPaths.size };
  if (refusals.length > 0) return { ok: false, refusals: dedupe(refusals), stats };
  return { ok: true, texts, stats };
}

function dedupe(refusals: readonly Refusal[]): Refusal[] {
  const seen = new Set<string>();
  return refusals.filter((r) => {
    const key = `${r.rule}\0${r.where}\0${r.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// the message

const HINTS: Record<PolicyRule, string> = {
  'protected-path': 'make that change by hand, or remove the pattern from `protected-paths` in the ensemble config',
  'lifecycle-script':
    "install scripts, the package manager and git hooks run on the maintainer's and CI's machines before " +
    'anyone reviews them: make that change by hand',
  symlink:
    'a symbolic link must stay in the repository and off protected paths: make it a regular file, or ' +
    'make that change by hand',
  'unreadable-patch': 'the artifacts hold the patch; re-run the stage that produced it',
  'patch-size': 'split the request into smaller issues, or raise `limits.max-patch-bytes`',
  'file-count': 'split the request into smaller issues, or raise `limits.max-files`',
  'binary-size': 'add large binary files by hand, or raise `limits.max-patch-bytes`',
  credential: 'remove the credential (and revoke it if it is real); a test should build its canaries at run time',
  'secret-value': "a secret given to the workflow reached the output: revoke it, and check the agents' transcripts",
  'mention-flood': 'the generated text mentions too many people; check the run for prompt injection',
};

/** Control characters shown escaped, so that no line of the message can issue a workflow command. */
function oneLine(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The refusals as one message: `publish refused: rule …, in …: …; nothing was written.`, one
 * line per refusal (the first 50), then what to do per rule. Paths and labels are shown on one
 * line and neutralised (mentions, links, HTML), so the message can go into a comment or a log.
 */
export function formatRefusals(
  refusals: readonly Refusal[],
  options: { allowedHost?: string | readonly string[]; max?: number } = {},
): string {
  const host = options.allowedHost ?? 'github.com';
  const max = options.max ?? 50;
  const show = (r: Refusal) =>
    `rule ${r.rule}, in ${neutraliseText(oneLine(r.where), host, 'inline')}: ` +
    `${neutraliseText(oneLine(r.detail), host, 'inline')}`;
  if (refusals.length === 0) return 'publish refused nothing.';
  const rules = [...new Set(refusals.map((r) => r.rule))];
  const hints = rules.map((rule) => `- ${rule}: ${HINTS[rule]}`);
  if (refusals.length === 1) {
    return [`publish refused: ${show(refusals[0] as Refusal)}; nothing was written.`, 'What to do:', ...hints].join(
      '\n',
    );
  }
  const lines = refusals.slice(0, max).map((r) => `- ${show(r)}`);
  if (refusals.length > max) lines.push(`- … and ${refusals.length - max} more`);
  return [
    `publish refused (${refusals.length} problems); nothing was written:`,
    ...lines,
    'What to do:',
    ...hints,
  ].join('\n');
}
