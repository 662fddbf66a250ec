/**
 * Git's C-quoted paths, as its `quote_c_style` writes them in patch headers and reads them in
 * attributes files: `"caf\303\251 \"x\".txt"`. Git quotes a name that holds a byte of 0x80 or
 * above, a control character, `"` or `\`; inside the quotes it writes `\a \b \t \n \v \f \r \" \\`
 * for those characters and exactly three octal digits for every other byte it escapes. The octal
 * bytes of a non-ASCII name are its UTF-8 bytes.
 *
 * `readQuoted` is the one decoder of these paths. It accepts exactly what git's own reader
 * (`unquote_c_style`) accepts and nothing else: an unknown escape (`\x`), fewer than three octal
 * digits (`\17`) or a first octal digit above 3 (`\477`, more than a byte) make the whole name
 * unreadable (`null`), never a guess. Git never writes them, so such a name did not come from git,
 * and a caller checking paths must refuse what it cannot read rather than check a name git might
 * read differently. Bytes that are not valid UTF-8 become U+FFFD (a JavaScript string cannot hold
 * them).
 */

/** The one-letter escapes git writes, and `"` and `\` themselves. */
const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 0x22, '\\': 0x5c };

const UTF8 = new TextDecoder('utf-8');
const ENCODER = new TextEncoder();

/** A decoded quoted path and the index just after its closing quote. */
export interface QuotedPath {
  value: string;
  end: number;
}

/**
 * Reads the C-quoted string that starts at `text[start] === '"'`. Null when there is no opening
 * quote, no closing quote, or an escape git's reader rejects (see the module comment).
 */
export function readQuoted(text: string, start = 0): QuotedPath | null {
  if (text[start] !== '"') return null;
  const bytes: number[] = [];
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') return { value: UTF8.decode(new Uint8Array(bytes)), end: i + 1 };
    if (c !== '\\') {
      // Characters git leaves as they are (any but `"` and `\`), as the UTF-8 bytes they stand for.
      const codePoint = text.codePointAt(i) as number;
      const char = String.fromCodePoint(codePoint);
      bytes.push(...ENCODER.encode(char));
      i += char.length;
      continue;
    }
    const escaped = readEscape(text, i + 1);
    if (!escaped) return null;
    bytes.push(escaped.byte);
    i = escaped.end;
  }
  return null;
}

/** The byte of the escape that starts at `text[at]` (after the backslash); null when git would reject it. */
function readEscape(text: string, at: number): { byte: number; end: number } | null {
  const letter = text[at] ?? '';
  const named = C_ESCAPES[letter];
  if (named !== undefined) return { byte: named, end: at + 1 };
  const octal = /^[0-3][0-7]{2}/.exec(text.slice(at, at + 3));
  if (!octal) return null;
  return { byte: Number.parseInt(octal[0], 8), end: at + 3 };
}

/**
 * `value` C-quoted as git reads it (in an attributes file, a patch header): `"`, `\`, newline and
 * tab by their escapes, other control bytes, DEL and every byte of a non-ASCII character as three
 * octal digits. Always quoted, also when git would leave the name bare.
 */
export function cQuote(value: string): string {
  let out = '"';
  for (const byte of ENCODER.encode(value)) {
    if (byte === 0x22) out += '\\"';
    else if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x0a) out += '\\n';
    else if (byte === 0x09) out += '\\t';
    else if (byte < 0x20 || byte >= 0x7f) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return `${out}"`;
}
