/**
 * What a failed CI check says, as data a fixing agent can be given: the failing part of its log
 * (bounded, cleaned, credentials masked), a signature that recognises the same failure in another
 * run, attempt or head, findings for the fix loop, and whether the base fails the same way.
 *
 * Pure functions: the caller reads the checks and logs (github/checks.ts) and passes text in.
 *
 * Decisions:
 * - The excerpt is the sections of the log that hold an `##[error]` or belong to a failed step;
 *   the passing steps (checkout, setup) are noise an agent would read as a lead. When nothing is
 *   recognised, the log's last lines: the failure is at the end of a job.
 * - Cutting keeps the error lines and grows backwards from each (a test runner's report precedes
 *   `##[error]Process completed with exit code 1.`), then the steps' command echoes; every cut is
 *   announced with the number of lines cut, so the agent never mistakes a cut for the whole log.
 * - Credentials: the log's own `***` stays; known secret values and credential-shaped strings are
 *   redacted, and the finished excerpt is scanned again (every encoding `secrets/scan.ts` reads):
 *   a line that still holds one is withheld whole.
 * - The signature hashes the check, the workflow and the log's failure lines with what changes
 *   between runs (timestamps, durations, ids, temporary paths, ports) normalised and the lines
 *   sorted (parallel runners print in any order); line and column numbers stay, so that another
 *   failing test or assertion is another failure.
 */
import { createHash } from 'node:crypto';
import { RepoPath } from '../contracts/common.ts';
import { Finding, type Severity } from '../contracts/review.ts';
import { describeSecretHit, findSecrets, redactSecrets, secretNeedles } from '../secrets/scan.ts';
import { clip, clipWithNote } from '../util/text.ts';
import { cleanLines, isErrorLine, type LogSection, namesSection, sectionsOf } from './log.ts';

export interface FailedCheckInput {
  /** The check's (an Actions job's) name. */
  check: string;
  /** The workflow's name (GitHub Actions); null otherwise. */
  workflow: string | null;
  /** `.github/workflows/ci.yml`, when known. */
  workflowPath: string | null;
  /** The check's page. */
  url: string | null;
  /** Names of the job's failed steps (Actions); empty otherwise. */
  failedSteps: readonly string[];
  /** The raw job log (Actions) or a check run's output text. */
  log: string | null;
  /** The log's beginning was cut (only its end was read). */
  logTruncated: boolean;
}

export interface CiFailure {
  check: string;
  workflow: string | null;
  url: string | null;
  steps: string[];
  /** What the fixing agent reads: bounded, cleaned, secrets masked. */
  excerpt: string;
  /** Stable id of this failure: the same failure in another run, attempt or head gives the same value. */
  signature: string;
}

/** Lines read from the end of a log in which no failing step was recognised. */
const FALLBACK_LINES = 200;
/** The most a cut marker (`[… 1234567 lines cut …]` and its line break) takes, reserved per possible cut. */
const MARKER_RESERVE = 28;
/** Rescans of the finished excerpt for credentials before it is withheld whole. */
const MAX_RESCANS = 3;

/** The failing part of one check's log, and its signature. */
export function describeFailure(
  input: FailedCheckInput,
  options: { maxChars: number; secrets?: readonly string[] },
): CiFailure {
  const secrets = options.secrets ?? [];
  const base = { check: input.check, workflow: input.workflow, url: input.url, steps: [...input.failedSteps] };
  if (input.log === null || input.log.trim() === '') {
    const where = input.url ? `its page: ${input.url}` : 'no page is known for it';
    const excerpt = `[The log of the check "${input.check}" could not be read (expired, deleted or empty); ${where}.]`;
    return {
      ...base,
      excerpt: bound(excerpt, options.maxChars),
      signature: hashOf(['no-log', input.check, input.workflow ?? '', ...[...input.failedSteps].sort()]),
    };
  }
  const lines = cleanLines(input.log);
  const part = failingPart(lines, input.failedSteps);
  const texts = redactLines(
    part.candidates.map((i) => lines[i] as string),
    secrets,
  );
  const notes = [
    ...(input.logTruncated ? ["[The log's beginning was not read: what follows is from its end.]"] : []),
    ...(part.fallback ? ['[No failed step was recognised in the log: its last lines follow.]'] : []),
  ];
  const budget = options.maxChars - notes.reduce((n, note) => n + note.length + 1, 0);
  const kept = choose(texts, part, budget);
  const body = render(lines, texts, part.candidates, kept);
  const excerpt = withheldCredentials([...notes, body].join('\n'), secrets);
  return {
    ...base,
    excerpt: bound(excerpt, options.maxChars),
    signature: hashOf([input.check, input.workflow ?? '', ...failureLines(texts)]),
  };
}

/** One signature for a set of failures, whatever their order. */
export function failuresSignature(failures: readonly CiFailure[]): string {
  return hashOf([...new Set(failures.map((f) => f.signature))].sort());
}

/** `C` and 12 hex digits of the sha256 of the parts. */
function hashOf(parts: readonly string[]): string {
  return `C${createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 12)}`;
}

// ---------------------------------------------------------------------------------------------
// the failing part of the log

interface FailingPart {
  /** Indices of the lines that may be shown, ascending (`##[endgroup]` lines left out). */
  candidates: number[];
  /** Positions in `candidates` to keep first and grow backwards from: error lines, else a section's last line. */
  anchors: number[];
  /** Positions in `candidates` of the selected steps' headers. */
  headers: number[];
  /** No failing step was recognised in an Actions log: the candidates are its last lines. */
  fallback: boolean;
}

function failingPart(lines: readonly string[], failedSteps: readonly string[]): FailingPart {
  const sections = sectionsOf(lines);
  const hasError = (s: LogSection) => lines.slice(s.start, s.end).some(isErrorLine);
  const selected = sections.filter((s) => hasError(s) || failedSteps.some((name) => namesSection(name, s)));
  const isActionsLog = sections.some((s) => s.run !== null);
  // Text that is not an Actions log (a check run's output) is all failure.
  const fallback = selected.length === 0 && isActionsLog;
  let ranges: Array<{ start: number; end: number; header: boolean }>;
  if (selected.length > 0) ranges = selected.map((s) => ({ start: s.start, end: s.end, header: s.run !== null }));
  else if (fallback) ranges = [{ start: Math.max(0, lines.length - FALLBACK_LINES), end: lines.length, header: false }];
  else ranges = [{ start: 0, end: lines.length, header: false }];

  const candidates: number[] = [];
  const anchors: number[] = [];
  const headers: number[] = [];
  for (const range of ranges) {
    let errors = 0;
    for (let i = range.start; i < range.end; i++) {
      const line = lines[i] as string;
      if (line === '##[endgroup]') continue;
      if (i === range.start && range.header) headers.push(candidates.length);
      if (isErrorLine(line)) {
        anchors.push(candidates.length);
        errors++;
      }
      candidates.push(i);
    }
    const last = candidates.length - 1;
    if (errors === 0 && last >= 0 && !headers.includes(last)) anchors.push(last);
  }
  return { candidates, anchors, headers, fallback };
}

/**
 * Each line with the secret values and credential-shaped strings redacted. A multi-line secret (a
 * PEM key) is looked for line by line, as the runner masks it, so that a line count never changes.
 */
function redactLines(texts: readonly string[], secrets: readonly string[]): string[] {
  const values = secrets.flatMap((s) => (s.includes('\n') ? s.split(/\r?\n/).map((l) => l.trim()) : [s]));
  const redacted = redactSecrets(texts.join('\n'), values).split('\n');
  return redacted.length === texts.length ? redacted : texts.map((t) => redactSecrets(t, values));
}

// ---------------------------------------------------------------------------------------------
// the bound

/** Positions of `texts` kept within `budget` characters (cut markers included). */
function choose(texts: readonly string[], part: FailingPart, budget: number): boolean[] {
  const kept = texts.map(() => false);
  const cost = (p: number) => (texts[p] as string).length + 1;
  const total = texts.reduce((n, t) => n + t.length + 1, 0);
  if (total <= budget) return kept.fill(true);

  // The lines kept first: the last error lines that fit, then the headers that fit.
  const must: number[] = [];
  let used = 0;
  const fits = (extra: number, runs: number) => used + extra + (runs + 1) * MARKER_RESERVE <= budget;
  for (const p of [...part.anchors].reverse()) {
    if (!fits(cost(p), must.length + 1)) break;
    must.push(p);
    used += cost(p);
  }
  const anchors = [...must];
  for (const p of part.headers) {
    if (kept[p] || must.includes(p) || !fits(cost(p), must.length + 1)) continue;
    must.push(p);
    used += cost(p);
  }
  for (const p of must) kept[p] = true;
  // Every later line extends a run of kept lines: the markers reserved for `must` cover every cut.
  const reserve = (must.length + 1) * MARKER_RESERVE;
  const take = (p: number) => {
    if (used + cost(p) + reserve > budget) return false;
    kept[p] = true;
    used += cost(p);
    return true;
  };

  // Backwards from each error line, a line each in turn (the last error first), until they meet or run out.
  const next = new Map(anchors.map((p) => [p, p - 1]));
  while (next.size > 0) {
    for (const [anchor, p] of next) {
      if (p < 0 || kept[p] || part.headers.includes(p + 1) || !take(p)) next.delete(anchor);
      else next.set(anchor, p - 1);
    }
  }
  // Then forwards from each header: the step's command echo.
  for (const h of part.headers) {
    if (!kept[h]) continue;
    for (let p = h + 1; p < texts.length && !kept[p] && !part.headers.includes(p); p++) if (!take(p)) break;
  }
  return kept;
}

/** The kept lines, with every cut announced: `[… 120 lines cut …]`. */
function render(
  lines: readonly string[],
  texts: readonly string[],
  candidates: readonly number[],
  kept: readonly boolean[],
): string {
  // Lines cut between two original indices, not counting `##[endgroup]` lines (never shown).
  const shownBefore: number[] = [0];
  for (const line of lines) shownBefore.push((shownBefore.at(-1) as number) + (line === '##[endgroup]' ? 0 : 1));
  const cut = (from: number, to: number) => {
    const n = (shownBefore[to] as number) - (shownBefore[from] as number);
    return n > 0 ? [`[… ${n} line${n === 1 ? '' : 's'} cut …]`] : [];
  };
  const out: string[] = [];
  let after = 0;
  candidates.forEach((index, p) => {
    if (!kept[p]) return;
    out.push(...cut(after, index), texts[p] as string);
    after = index + 1;
  });
  out.push(...cut(after, lines.length));
  return out.join('\n');
}

/** `text` at most `max` characters, saying so when cut. */
function bound(text: string, max: number): string {
  const note = '\n[… the rest was cut]';
  if (text.length <= max) return text;
  return max < note.length * 2 ? clip(text, max) : clipWithNote(text, max, note);
}

/**
 * The excerpt with every line that still holds a secret value or a credential (in any form the
 * scanner reads: encoded, reversed, split) withheld; the whole excerpt withheld when rescans do
 * not make it clean.
 */
function withheldCredentials(excerpt: string, secrets: readonly string[]): string {
  const needles = secretNeedles(secrets);
  let text = excerpt;
  for (let scan = 0; scan < MAX_RESCANS; scan++) {
    const { secrets: values, credentials } = findSecrets(text, needles);
    if (values.length === 0 && credentials.length === 0) return text;
    const withheld = new Map<number, string>();
    for (const hit of values) withheld.set(hit.line, `[line withheld: it holds ${describeSecretHit(hit)}]`);
    for (const hit of credentials) withheld.set(hit.line, `[line withheld: it holds a ${hit.pattern.name}]`);
    text = text
      .split('\n')
      .map((line, i) => withheld.get(i + 1) ?? line)
      .join('\n');
  }
  const clean = findSecrets(text, needles);
  if (clean.secrets.length === 0 && clean.credentials.length === 0) return text;
  return '[The log excerpt was withheld: it holds credentials that could not be masked.]';
}

// ---------------------------------------------------------------------------------------------
// the signature

/**
 * A line that reports a failure: `##[error]`, vitest/jest `FAIL`/`×`/`●`, pytest `FAILED`/`E  `,
 * `error TS…`, `--- FAIL:`, `panicked`, `SomethingError:`.
 */
const FAILURE_LINE =
  /^##\[error\]|(?:^|\s)(?:FAIL|FAILED|ERROR|ERR!)(?=\s|:|$)|\b\w*(?:Error|Exception)\b:|\berror\b|^\s*(?:E\s{2,}|[●×✕✗✖])|\bpanicked\b|^--- FAIL/;

/** What changes between two runs of the same failure, replaced by a placeholder. */
const VOLATILE: ReadonlyArray<[RegExp, string]> = [
  [/\d{4}-\d{2}-\d{2}[T _]\d{2}[:_]\d{2}[:_]\d{2}(?:[._]\d+)?Z?/g, '<time>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  [
    /(?:\/private)?(?:\/tmp|\/var\/folders|\/home\/runner\/work\/_temp|[A-Za-z]:\\Users\\[^\\\s]+\\AppData\\Local\\Temp)[/\\][^\s'"`:,;)\]]*/g,
    '<tmp>',
  ],
  [/\b(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]):\d+/g, '$1:<port>'],
  [/\b(?=[0-9a-f]*\d)[0-9a-f]{7,}\b/gi, '<hex>'],
  [/\b\d{6,}\b/g, '<id>'],
  [/\b\d+(?:\.\d+)?\s?(?:ms|s|sec|secs|seconds?|m|min|mins|minutes?|h)\b/g, '<duration>'],
];

export function normaliseFailureLine(line: string): string {
  let out = line;
  for (const [pattern, placeholder] of VOLATILE) out = out.replace(pattern, placeholder);
  return out.replace(/\s+/g, ' ').trim();
}

/** The normalised failure lines of the failing part, sorted and once each; its last lines when none reads as one. */
function failureLines(texts: readonly string[]): string[] {
  let picked = texts.filter((t) => FAILURE_LINE.test(t));
  if (picked.length === 0) picked = texts.filter((t) => t.trim() !== '').slice(-20);
  return [...new Set(picked.map(normaliseFailureLine))].sort();
}

// ---------------------------------------------------------------------------------------------
// findings and attribution

const MAX_BODY = 20_000;

/** One finding per failed check, for the fixing agent; ids are given later by the review ledger. */
export function ciFindings(
  failures: readonly CiFailure[],
  options: { severity: Severity; changedPaths: readonly string[]; workflowPaths: ReadonlyMap<string, string> },
): Finding[] {
  const changed = options.changedPaths.filter(isRepoPath);
  return failures.map((failure) => {
    const workflowPath = failure.workflow === null ? undefined : options.workflowPaths.get(failure.workflow);
    const path =
      mentionedPath(failure.excerpt, changed) ??
      (workflowPath !== undefined && isRepoPath(workflowPath) ? workflowPath : undefined) ??
      changed[0] ??
      '.github/workflows';
    const name = failure.workflow === null ? failure.check : `${failure.workflow} / ${failure.check}`;
    return Finding.parse({
      id: null,
      path,
      line: null,
      endLine: null,
      quote: '',
      severity: options.severity,
      title: clip(`CI: ${name} failed`, 300),
      body: findingBody(failure),
      suggestion: null,
    });
  });
}

function isRepoPath(path: string): boolean {
  return RepoPath.safeParse(path).success;
}

/**
 * The changed path the excerpt mentions (as a whole path, or the end of a longer one: logs print
 * `/home/runner/work/repo/repo/src/a.ts`); the longest of them, so `src/a.ts` wins over `a.ts`.
 */
function mentionedPath(excerpt: string, paths: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const path of paths) {
    const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (!new RegExp(`(?<![A-Za-z0-9_.-])${escaped}(?![A-Za-z0-9_-])`).test(excerpt)) continue;
    if (best === undefined || path.length > best.length) best = path;
  }
  return best;
}

function findingBody(failure: CiFailure): string {
  const name = failure.workflow === null ? `"${failure.check}"` : `"${failure.check}" of "${failure.workflow}"`;
  const head = [
    `The CI check ${name} failed.`,
    failure.steps.length > 0 ? `Failed steps: ${failure.steps.join(', ')}` : null,
    failure.url ? `Check: ${failure.url}` : null,
    '',
    'The log:',
  ]
    .filter((line) => line !== null)
    .join('\n');
  // A fence longer than any run of backticks in the log, so the log cannot close it.
  const longest = Math.max(2, ...[...failure.excerpt.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const room = MAX_BODY - head.length - 2 * fence.length - 3;
  const excerpt = clipWithNote(failure.excerpt, room, '\n[… the rest of the excerpt was cut]');
  return clipWithNote(`${head}\n${fence}\n${excerpt}\n${fence}`, MAX_BODY, '…');
}

/** Base conclusions under which the check passed, and under which it failed as on the head. */
const PASSED = new Set(['success', 'neutral']);
const FAILED = new Set(['failure', 'timed_out', 'startup_failure']);

/**
 * Whether the base fails the same way: a failure of the head is the change's only when the base's
 * latest run of the same check passed; when the base failed too it is not the change's; when the
 * base never ran it (or was cancelled, skipped) nobody knows.
 */
export function attribute(
  headFailed: readonly string[],
  base: ReadonlyMap<string, string | null>,
): { change: string[]; alsoOnBase: string[]; unknown: string[] } {
  const out = { change: [] as string[], alsoOnBase: [] as string[], unknown: [] as string[] };
  for (const check of new Set(headFailed)) {
    const conclusion = base.get(check)?.toLowerCase() ?? null;
    if (conclusion !== null && PASSED.has(conclusion)) out.change.push(check);
    else if (conclusion !== null && FAILED.has(conclusion)) out.alsoOnBase.push(check);
    else out.unknown.push(check);
  }
  return out;
}
