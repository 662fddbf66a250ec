/**
 * Credential detection for the safe-output policy (`policy.ts`): well-known token patterns and
 * the exact values of the secrets the step was given.
 *
 * Decisions:
 * - Nothing found is ever echoed. A pattern match is shown masked, its first 4 characters (the
 *   public prefix: `ghp_`, `sk-a`, `AKIA`) and its length; a private key block by its header line
 *   (which holds no key material). A secret value is shown by the secret's name (or its position
 *   among the values given) and its length only: its first characters are part of the secret.
 * - Text is scanned as given and once more with invisible format characters (`\p{Cf}`:
 *   zero-width spaces and joiners, bidirectional controls, soft hyphens, BOM) removed, so that a
 *   token split by an invisible character, which still reads as the token, is found.
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
 *   line by line for a multi-line value (a PEM key, as the Actions runner masks it), and in its
 *   base64 and base64url encodings at each of the three byte alignments it can have inside a
 *   longer encoded string (the encodings the Actions runner also masks). Other encodings (hex,
 *   URL- or JSON-escaping, reversed text) are not looked for: no scanner catches a determined
 *   encoder, and these checks are a backstop for accidents, not the sandbox.
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

/** The 1-based line of `index` in `text`. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The text itself and, when it differs, the text without invisible characters. */
function views(text: string): string[] {
  const visible = withoutInvisible(text);
  return visible === text ? [text] : [text, visible];
}

export interface CredentialHit {
  pattern: CredentialPattern;
  /** What is shown: the masked match (or a PEM header line). */
  shown: string;
  /** 1-based line in the scanned text. */
  line: number;
}

/**
 * The credential-pattern matches in `text` (and in `text` without invisible characters), once
 * each. A match that contains one of `known` (a secret value, found then by `findSecretValues`)
 * is left out: it is reported as that secret, not a second time as a pattern.
 */
export function findCredentials(text: string, known: readonly SecretNeedle[] = []): CredentialHit[] {
  const hits: CredentialHit[] = [];
  const seen = new Set<string>();
  for (const view of views(text)) {
    for (const pattern of CREDENTIAL_PATTERNS) {
      for (const m of view.matchAll(pattern.regexp)) {
        if (pattern.plausible && !pattern.plausible(m[0])) continue;
        if (known.some((n) => m[0].includes(n.needle))) continue;
        const shown = pattern.showMatch ? m[0] : maskSecret(m[0]);
        const line = lineAt(view, m.index);
        const key = `${pattern.id}\0${shown}\0${line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push({ pattern, shown, line });
      }
    }
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
  form: 'value' | 'line of the value' | 'base64' | 'base64url';
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

export interface SecretHit {
  needle: SecretNeedle;
  /** 1-based line in the scanned text. */
  line: number;
}

/**
 * Occurrences of the needles in `text` (and in `text` without invisible characters), once per
 * secret, form and line.
 */
export function findSecretValues(text: string, needles: readonly SecretNeedle[]): SecretHit[] {
  const hits: SecretHit[] = [];
  const seen = new Set<string>();
  if (needles.length === 0) return hits;
  for (const view of views(text)) {
    for (const needle of needles) {
      for (let at = view.indexOf(needle.needle); at !== -1; at = view.indexOf(needle.needle, at + 1)) {
        const line = lineAt(view, at);
        const key = `${needle.secret}\0${needle.form}\0${line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push({ needle, line });
      }
    }
  }
  return hits;
}

/** Each form of a secret value, in the words of a hit's description. */
const FORM_WORDS: Record<SecretNeedle['form'], string> = {
  value: 'the value',
  'line of the value': 'a line of the value',
  base64: 'the base64-encoded value',
  base64url: 'the base64url-encoded value',
};

/** How a secret-value hit is described, without any of the secret's characters. */
export function describeSecretHit(hit: SecretHit): string {
  const { secret, length, form } = hit.needle;
  return `${FORM_WORDS[form]} of ${secret} (${length} characters)`;
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
