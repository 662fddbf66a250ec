/**
 * Credential detection for the safe-output policy (`policy.ts`): well-known token patterns and
 * the exact values of the secrets the step was given.
 *
 * Decisions:
 * - Nothing found is ever echoed. A pattern match is shown masked, its first 4 characters (the
 *   public prefix: `ghp_`, `sk-a`, `AKIA`) and its length; a private key block by its header line
 *   (which holds no key material). A secret value is shown by the secret's name (or its position
 *   among the values given) and its length only: its first characters are part of the secret.
 *   A match in a decoded form is shown the same way (decoded), its description naming the form:
 *   `hex-encoded GitHub token ghp_…(40 chars)`.
 * - Text is scanned as given and once more with invisible format characters (`\p{Cf}`:
 *   zero-width spaces and joiners, bidirectional controls, soft hyphens, BOM) removed, so that a
 *   token split by an invisible character, which still reads as the token, is found.
 * - Each of those is also read in the forms a reviewer would not recognise as a token (`views`),
 *   and patterns and secret values are looked for in each:
 *   - hex: runs of at least 8 hex-encoded bytes (16 digits, either case), contiguous or one byte
 *     at a time with `\x`, `0x` or `\u00` prefixes and up to two spaces, tabs, colons or commas
 *     between bytes (`67 68`, `67:68`, `0x67, 0x68`, `\x67\x68`), decoded in place as UTF-8 at
 *     both digit alignments (a run can start one digit early: `a` + `6768…`). Shorter runs are
 *     left alone: 8 bytes is the shortest secret value looked for. A git SHA or a sha256 digest
 *     decodes to random bytes, which hold no token, so ordinary hex is not refused;
 *   - URL encoding: runs of `%XX` decoded in place as UTF-8 (`%20` in a link decodes to a space);
 *   - reversed: the text read backwards;
 *   - split across string literals: lines (joined first where a line ends with `\`) holding
 *     quoted literals (`"…"`, `'…'`, `` `…` ``), consecutive ones in a run, read as the contents
 *     of all their literals concatenated (`"ghp_ab" +` / `"cd…"`, Python's implicit
 *     concatenation, an array of pieces);
 *   - split across lines: a run of consecutive non-blank lines read as one, each trimmed, without
 *     a leading comment or quote marker (`#`, `//`, `*`, `--`, `;`, `>`) and without a trailing
 *     `\` (a token wrapped in a text file, a comment or a quote).
 *   Decodings are applied to the joined runs too (a hex string cut into literals), but not to
 *   each other's output. Every view is built in one pass and keeps the text's line breaks (decoded
 *   line breaks become spaces), so the cost stays linear in the text's size. A match is reported
 *   on the line it starts on; one in a decoded joined run, on the run's first line. A match that
 *   overlaps one found in an earlier view (the text as given comes first) is not reported again.
 * - OpenAI keys: the brief's `sk-(proj-)?[A-Za-z0-9_-]{20,}` also matches kebab-case names that
 *   follow an `sk-` (`sk-some-long-kebab-case-name`) and the tail of words like `disk-…`. A match
 *   must therefore start a token (no letter, digit, `_` or `-` before it) and hold at least one
 *   digit or capital letter, which every real key (random base62/base64url) does. `sk-ant-` is
 *   reported as an Anthropic key only, never also as an OpenAI key.
 * - AWS access key ids are whole tokens of exactly 20 characters; a longer run of capitals and
 *   digits is not one. GitHub tokens are matched wherever they occur: their prefix and length make
 *   a false match unlikely.
 * - Secret values: values shorter than 8 characters are ignored (they would match ordinary text,
 *   and GitHub does not mask them reliably either). Each value is looked for as given, trimmed,
 *   line by line for a multi-line value (a PEM key, as the Actions runner masks it), JSON-escaped
 *   (as `JSON.stringify` writes it, also with `/` and non-ASCII characters escaped), and in its
 *   base64 and base64url encodings at each of the three byte alignments it can have inside a
 *   longer encoded string (the encodings the Actions runner also masks); and each of these in
 *   every view above (hex, URL-encoded, reversed, split). No scanner catches a determined encoder
 *   (compression, encryption, a custom alphabet): these checks are a backstop for accidents and
 *   for the encodings a reviewer reads past, not the sandbox.
 */

export interface CredentialPattern {
  /** Stable id, e.g. `github-token`. */
  id: string;
  /** What a user is told was found, e.g. `GitHub token`. */
  name: string;
  regexp: RegExp;
  /** Extra check on a match (beyond the regular expression); true when absent. */
  plausible?: (match: string) => boolean;
  /** Show the match itself instead of a masked form (it holds no secret: a PEM header line). */
  showMatch?: boolean;
}

export const CREDENTIAL_PATTERNS: readonly CredentialPattern[] = [
  { id: 'github-token', name: 'GitHub token', regexp: /gh[pousr]_[A-Za-z0-9]{36,}/g },
  { id: 'github-pat', name: 'GitHub fine-grained personal access token', regexp: /github_pat_[A-Za-z0-9_]{22,}/g },
  { id: 'anthropic-key', name: 'Anthropic API key', regexp: /(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{20,}/g },
  {
    id: 'openai-key',
    name: 'OpenAI API key',
    regexp: /(?<![A-Za-z0-9_-])sk-(?!ant-)(?:proj-)?[A-Za-z0-9_-]{20,}/g,
    plausible: (match) => /[A-Z0-9]/.test(match.replace(/^sk-(?:proj-)?/, '')),
  },
  {
    id: 'aws-access-key-id',
    name: 'AWS access key id',
    regexp: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![0-9A-Z])/g,
  },
  {
    id: 'jwt',
    name: 'JSON web token (e.g. an Actions runtime or OIDC token)',
    regexp: /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}/g,
  },
  {
    id: 'private-key',
    name: 'private key block',
    regexp: /-----BEGIN (?:(?:RSA|EC|OPENSSH|DSA|PGP|ENCRYPTED) )?PRIVATE KEY(?: BLOCK)?-----/g,
    showMatch: true,
  },
];

/** `ghp_…(40 chars)`: the first 4 characters and the length, never the rest. */
export function maskSecret(value: string): string {
  const chars = [...value];
  return `${chars.slice(0, 4).join('')}…(${chars.length} chars)`;
}

/** Invisible format characters (zero-width, bidirectional controls, soft hyphen, BOM) removed. */
export function withoutInvisible(text: string): string {
  return text.replace(/\p{Cf}/gu, '');
}

/** The 1-based line of an index in `text`: a binary search over its line breaks, built once. */
function lineIndex(text: string): { lineOf: (index: number) => number; lines: number } {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) breaks.push(i);
  const lineOf = (index: number) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((breaks[mid] as number) < index) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  return { lineOf, lines: breaks.length + 1 };
}

/** The text itself and, when it differs, the text without invisible characters. */
function views(text: string): string[] {
  const visible = withoutInvisible(text);
  return visible === text ? [text] : [text, visible];
}

// ---------------------------------------------------------------------------------------------
// views: the forms a text is read in (see the module's decisions)

/** One form of the scanned text. Every view keeps the text's line breaks (see `lineOfMatch`). */
interface View {
  text: string;
  /** How it was decoded, before the pattern's name: `hex-encoded`; null when not decoded. */
  prefix: string | null;
  /** How it was joined, after the pattern's name: `split across lines`; null when not joined. */
  suffix: string | null;
  /** The text read backwards (its line numbers count from the end). */
  reversed: boolean;
  /** A joined view as built: where each piece came from (a decoded joined view reports a run's first line). */
  pieces?: Pick<Joined, 'starts' | 'lines'>;
}

/** Hex-encoded bytes: see the module's decisions. At least 8 bytes; `\x`, `0x`, `\u00` prefixes. */
const HEX_RUN = /(?:\\x|0x|\\u00)?[0-9A-Fa-f]{2}(?:[ \t:,]{0,2}(?:\\x|0x|\\u00)?[0-9A-Fa-f]{2}){7,}/g;
const HEX_DECORATION = /\\x|0x|\\u00|[ \t:,]/g;
const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

/** Decoded bytes as text that adds no line break (so the view's lines stay the text's lines). */
function decodedText(bytes: Buffer): string {
  return bytes.toString('utf8').replace(/[\r\n]/g, ' ');
}

/** `text` with every hex run decoded in place, its digits read from `alignment` (0 or 1). */
function hexDecoded(text: string, alignment: 0 | 1): string {
  return text.replace(HEX_RUN, (run) => {
    const digits = run.replace(HEX_DECORATION, '').slice(alignment);
    return decodedText(Buffer.from(digits.slice(0, digits.length - (digits.length % 2)), 'hex'));
  });
}

/** `text` with every run of `%XX` decoded in place. */
function percentDecoded(text: string): string {
  return text.replace(PERCENT_RUN, (run) => decodedText(Buffer.from(run.replace(/%/g, ''), 'hex')));
}

/** A quoted string literal's contents (double, single or backtick quotes; escapes kept as written). */
const LITERAL = /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\\n]|\\.)*)`/g;

/** A joined text, and where each of its pieces came from. */
interface Joined {
  text: string;
  /** Offsets in `text` where a piece starts, ascending. */
  starts: number[];
  /** The 1-based line each piece came from. */
  lines: number[];
}

/**
 * Runs of consecutive `lines` that `take` gives pieces of text for, each run's pieces concatenated
 * and placed on the run's first line (the other lines of the run left empty, so that the line
 * count stays). Null when no run joins two or more pieces (unless `always`): there is nothing
 * the text as given does not already show.
 */
function joinRuns(lines: readonly string[], take: (line: string) => string[] | null, always = false): Joined | null {
  const out: string[] = lines.map(() => '');
  // Each piece: the line its run is placed on, its offset within the run, the line it came from.
  const placed: Array<[number, number, number]> = [];
  let joinedSome = false;
  let runStart = -1;
  let pieces: string[] = [];
  let runLength = 0;
  const flush = () => {
    if (runStart === -1) return;
    if (pieces.length > 1) joinedSome = true;
    out[runStart] = pieces.join('');
    runStart = -1;
    pieces = [];
    runLength = 0;
  };
  lines.forEach((line, i) => {
    const taken = take(line);
    if (taken === null) {
      flush();
      return;
    }
    if (runStart === -1) runStart = i;
    for (const piece of taken) {
      placed.push([runStart, runLength, i + 1]);
      pieces.push(piece);
      runLength += piece.length;
    }
  });
  flush();
  if (!joinedSome && !always) return null;
  const lineOffsets: number[] = [];
  let offset = 0;
  for (const line of out) {
    lineOffsets.push(offset);
    offset += line.length + 1;
  }
  return {
    text: out.join('\n'),
    starts: placed.map(([at, within]) => (lineOffsets[at] as number) + within),
    lines: placed.map(([, , from]) => from),
  };
}

/** Lines ending with `\` joined with the next (as C, shell and Python continue a line), the line count kept. */
function continued(lines: readonly string[]): string[] {
  const out = [...lines];
  for (let i = out.length - 2; i >= 0; i--) {
    const line = out[i] as string;
    if (!line.endsWith('\\')) continue;
    out[i] = line.slice(0, -1) + out[i + 1];
    out[i + 1] = '';
  }
  return out;
}

/** The text with the contents of quoted literals on consecutive lines concatenated (null: nothing to join). */
function literalsJoined(text: string): Joined | null {
  if (!/["'`]/.test(text)) return null;
  const original = text.split('\n');
  const lines = continued(original);
  const anyContinued = lines.some((line, i) => line !== original[i]);
  const literals = (line: string) => {
    const pieces = [...line.matchAll(LITERAL)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
    return pieces.length > 0 ? pieces : null;
  };
  return joinRuns(lines, literals, anyContinued);
}

/** A line comment's or quote's marker at the start of a line: `#`, `//`, ` * `, `--`, `;`, `>`. */
const LINE_MARKER = /^(?:#+|\/\/+|\/?\*+|--|;+|>+)\s*/;

/** The text with each run of consecutive non-blank lines read as one (null: a single line). */
function linesJoined(text: string): Joined | null {
  if (!text.includes('\n')) return null;
  return joinRuns(text.split('\n'), (line) => {
    const trimmed = line.trim().replace(LINE_MARKER, '').replace(/\\$/, '');
    return trimmed === '' ? null : [trimmed];
  });
}

/** `text` backwards, by UTF-16 code unit (natively: a string split into characters is slow at megabytes). */
function reversed(text: string): string {
  return Buffer.from(text, 'utf16le').reverse().swap16().toString('utf16le');
}

/**
 * The views of `text` (module's decisions): the text itself first (and without invisible
 * characters), then its decoded and joined forms.
 */
function viewsOf(text: string): View[] {
  const plain: View[] = views(text).map((t) => ({ text: t, prefix: null, suffix: null, reversed: false }));
  const bases: Array<{ text: string; suffix: string | null; joined?: Joined }> = [];
  for (const { text: t } of plain) {
    bases.push({ text: t, suffix: null });
    const literals = literalsJoined(t);
    if (literals !== null)
      bases.push({ text: literals.text, suffix: 'split across string literals', joined: literals });
    const lines = linesJoined(t);
    if (lines !== null) bases.push({ text: lines.text, suffix: 'split across lines', joined: lines });
  }
  const out: View[] = [...plain];
  for (const { text: t, suffix, joined } of bases) {
    if (joined) out.push({ text: t, prefix: null, suffix, reversed: false, pieces: joined });
    out.push({ text: reversed(t), prefix: 'reversed', suffix, reversed: true });
    HEX_RUN.lastIndex = 0;
    if (HEX_RUN.test(t)) {
      for (const alignment of [0, 1] as const) {
        out.push({ text: hexDecoded(t, alignment), prefix: 'hex-encoded', suffix, reversed: false });
      }
    }
    if (/%[0-9A-Fa-f]{2}/.test(t))
      out.push({ text: percentDecoded(t), prefix: 'URL-encoded', suffix, reversed: false });
  }
  return out;
}

/** The index of the last of `sorted` that is at most `value` (0 when none is). */
function lastAtMost(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(lo - 1, 0);
}

/** Finds the line of matches in one view: in a reversed view, counted from the end. */
function lineFinder(view: View): (index: number, length: number) => number {
  let index: ReturnType<typeof lineIndex> | null = null;
  const { pieces } = view;
  if (pieces) return (at) => pieces.lines[lastAtMost(pieces.starts, at)] as number;
  return (at, length) => {
    index ??= lineIndex(view.text);
    if (!view.reversed) return index.lineOf(at);
    return index.lines - index.lineOf(at + Math.max(length, 1) - 1) + 1;
  };
}

/** Where a find came from when not from the text as given: `{ decoded: 'hex-encoded' }`. */
interface Found {
  /** How the view was decoded: `hex-encoded`, `URL-encoded`, `reversed`. */
  decoded?: string;
  /** How it was joined: `split across string literals`, `split across lines`. */
  joined?: string;
}

/** The view's `Found`; null for the text as given. */
function foundIn(view: View): Found | null {
  if (view.prefix === null && view.suffix === null) return null;
  return {
    ...(view.prefix === null ? {} : { decoded: view.prefix }),
    ...(view.suffix === null ? {} : { joined: view.suffix }),
  };
}

/** True when `match` overlaps one of `earlier` (found in a view scanned before: reported, or left out). */
function alreadyFound(match: string, earlier: ReadonlySet<string>): boolean {
  for (const p of earlier) if (match.includes(p) || p.includes(match)) return true;
  return false;
}

export interface CredentialHit extends Found {
  /** The pattern; its `name` says the form when the match was decoded: `hex-encoded GitHub token`. */
  pattern: CredentialPattern;
  /** What is shown: the masked match (or a PEM header line). */
  shown: string;
  /** 1-based line in the scanned text. */
  line: number;
}

/**
 * The credential-pattern matches in `text` and its views (module's decisions), once each. A match
 * that contains one of `known` (a secret value, found then by `findSecretValues`) is left out: it is
 * reported as that secret, not a second time as a pattern.
 */
export function findCredentials(text: string, known: readonly SecretNeedle[] = []): CredentialHit[] {
  return credentialsIn(viewsOf(text), known);
}

function credentialsIn(views: readonly View[], known: readonly SecretNeedle[]): CredentialHit[] {
  const hits: CredentialHit[] = [];
  const seen = new Set<string>();
  // Matches of each pattern in the views scanned before the current one.
  const earlier = new Map<string, Set<string>>();
  for (const view of views) {
    const lineOf = lineFinder(view);
    const found = foundIn(view);
    const matched: Array<[string, string]> = [];
    for (const pattern of CREDENTIAL_PATTERNS) {
      const before = earlier.get(pattern.id);
      for (const m of view.text.matchAll(pattern.regexp)) {
        if (pattern.plausible && !pattern.plausible(m[0])) continue;
        if (known.some((n) => m[0].includes(n.needle))) continue;
        if (found !== null && before && alreadyFound(m[0], before)) continue;
        matched.push([pattern.id, m[0]]);
        const shown = pattern.showMatch ? m[0] : maskSecret(m[0]);
        const line = lineOf(m.index, m[0].length);
        const key = `${pattern.id}\0${shown}\0${line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (found === null) {
          hits.push({ pattern, shown, line });
        } else {
          const name = [found.decoded, pattern.name, found.joined].filter((w) => w !== undefined).join(' ');
          hits.push({ pattern: { ...pattern, name }, shown, line, ...found });
        }
      }
    }
    for (const [id, match] of matched) earlier.set(id, (earlier.get(id) ?? new Set<string>()).add(match));
  }
  return hits;
}

// ---------------------------------------------------------------------------------------------
// exact secret values

/** A secret the step was given: its value, and its name when the caller knows it. */
export type SecretValue = string | { name: string; value: string };

/** Values shorter than this are not looked for. */
export const MIN_SECRET_LENGTH = 8;

export interface SecretNeedle {
  /** How the secret is named to the user: `secret "GITHUB_TOKEN"` or `secret #2 given to this step`. */
  secret: string;
  /** Length of the secret's value, in characters. */
  length: number;
  /** The string looked for. */
  needle: string;
  form: 'value' | 'line of the value' | 'JSON-escaped' | 'base64' | 'base64url';
}

/** `text` as a JSON string holds it, without the quotes: as given, `/` escaped, non-ASCII escaped, or both. */
function jsonEscapes(text: string): string[] {
  const escaped = JSON.stringify(text).slice(1, -1);
  const slashes = escaped.replace(/\//g, '\\/');
  const ascii = (t: string) => t.replace(/[^\x00-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [escaped, slashes, ascii(escaped), ascii(slashes)];
}

/**
 * The base64 characters that depend on `bytes` only, when they sit at byte offset `offset` (0–2) of
 * an encoded string.
 */
function base64Core(bytes: Buffer, offset: number, encoding: 'base64' | 'base64url'): string {
  const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString(encoding);
  const first = Math.ceil((offset * 8) / 6);
  const end = Math.floor(((offset + bytes.length) * 8) / 6);
  return encoded.slice(first, end);
}

/** Every string whose presence reveals one of `values` (see the module's decisions). */
export function secretNeedles(values: readonly SecretValue[]): SecretNeedle[] {
  const needles: SecretNeedle[] = [];
  const seen = new Set<string>();
  values.forEach((entry, i) => {
    const { name, value } = typeof entry === 'string' ? { name: null, value: entry } : entry;
    if (typeof value !== 'string') return;
    const secret = name ? `secret ${JSON.stringify(name)}` : `secret #${i + 1} given to this step`;
    const length = [...value].length;
    const add = (needle: string, form: SecretNeedle['form']) => {
      if (needle.length < MIN_SECRET_LENGTH || seen.has(needle)) return;
      seen.add(needle);
      needles.push({ secret, length, needle, form });
    };
    const plain = [value, value.trim()];
    add(value, 'value');
    add(value.trim(), 'value');
    for (const line of value.split(/\r?\n/)) {
      const trimmed = line.trim();
      if (trimmed !== value.trim()) add(trimmed, 'line of the value');
    }
    for (const escaped of jsonEscapes(value.trim())) if (escaped !== value.trim()) add(escaped, 'JSON-escaped');
    for (const text of plain) {
      if (text.length < MIN_SECRET_LENGTH) continue;
      const bytes = Buffer.from(text, 'utf8');
      for (const offset of [0, 1, 2]) {
        add(base64Core(bytes, offset, 'base64'), 'base64');
        add(base64Core(bytes, offset, 'base64url'), 'base64url');
      }
    }
  });
  return needles;
}

/** The same needles for content read as Latin-1 (one character per byte: binary files). */
export function byteNeedles(needles: readonly SecretNeedle[]): SecretNeedle[] {
  return needles.map((n) => ({ ...n, needle: Buffer.from(n.needle, 'utf8').toString('latin1') }));
}

export interface SecretHit extends Found {
  needle: SecretNeedle;
  /** 1-based line in the scanned text. */
  line: number;
}

/**
 * Occurrences of the needles in `text` and its views (module's decisions), once per secret, form
 * and line; a needle found in one view is not reported again from a later one.
 */
export function findSecretValues(text: string, needles: readonly SecretNeedle[]): SecretHit[] {
  return needles.length === 0 ? [] : secretValuesIn(viewsOf(text), needles);
}

/**
 * Both scans of `text` over one reading of its views (a dozen decoded and joined copies of the
 * text): the secret values, and the credential patterns that are not one of them.
 */
export function findSecrets(
  text: string,
  needles: readonly SecretNeedle[],
): { secrets: SecretHit[]; credentials: CredentialHit[] } {
  const views = viewsOf(text);
  const secrets = needles.length === 0 ? [] : secretValuesIn(views, needles);
  return { secrets, credentials: credentialsIn(views, needles) };
}

function secretValuesIn(views: readonly View[], needles: readonly SecretNeedle[]): SecretHit[] {
  const hits: SecretHit[] = [];
  const seen = new Set<string>();
  // Needles found in the views scanned before the current one.
  const earlier = new Set<SecretNeedle>();
  for (const view of views) {
    const lineOf = lineFinder(view);
    const found = foundIn(view);
    const matched: SecretNeedle[] = [];
    for (const needle of needles) {
      if (found !== null && earlier.has(needle)) continue;
      const t = view.text;
      for (let at = t.indexOf(needle.needle); at !== -1; at = t.indexOf(needle.needle, at + 1)) {
        matched.push(needle);
        const line = lineOf(at, needle.needle.length);
        const key = `${needle.secret}\0${needle.form}\0${line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push({ needle, line, ...found });
      }
    }
    for (const needle of matched) earlier.add(needle);
  }
  return hits;
}

/** Each form of a secret value, in the words of a hit's description. */
const FORM_WORDS: Record<SecretNeedle['form'], string> = {
  value: 'the value',
  'line of the value': 'a line of the value',
  'JSON-escaped': 'the JSON-escaped value',
  base64: 'the base64-encoded value',
  base64url: 'the base64url-encoded value',
};

/** How a secret-value hit is described, without any of the secret's characters. */
export function describeSecretHit(hit: SecretHit): string {
  const { secret, length, form } = hit.needle;
  // `the value` → `the hex-encoded value`; `… (27 characters) split across lines`
  const words = hit.decoded ? FORM_WORDS[form].replace(/^(the|a) /, `$1 ${hit.decoded} `) : FORM_WORDS[form];
  const described = `${words} of ${secret} (${length} characters)`;
  return hit.joined ? `${described} ${hit.joined}` : described;
}

/**
 * `text` with every known secret value and every credential-shaped string replaced by
 * `[redacted …]`: for what ensemble writes to files a user may share (transcripts), where a
 * command's output could carry one.
 */
export function redactSecrets(text: string, values: readonly string[]): string {
  let out = redactValues(text, values);
  for (const pattern of CREDENTIAL_PATTERNS) {
    out = out.replace(new RegExp(pattern.regexp.source, 'g'), (match) =>
      pattern.showMatch ? match : `[redacted ${pattern.id}]`,
    );
  }
  return out;
}

/** `text` with every one of `values` (8 characters or more) blanked; credential patterns are left as they are. */
export function redactValues(text: string, values: readonly string[]): string {
  let out = text;
  for (const value of values) {
    if (value.length >= MIN_SECRET_LENGTH) out = out.split(value).join('[redacted secret]');
  }
  return out;
}
