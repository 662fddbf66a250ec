/**
 * Text a reader does not see but a model does, as an attacker writes it into an issue or makes a
 * model write it into what ensemble publishes.
 */

/** `text` spelt in tag characters (U+E0000 + ASCII): invisible, read by models as the ASCII. */
export const tagged = (text: string): string =>
  [...text].map((c) => String.fromCodePoint(0xe0000 + c.codePointAt(0)!)).join('');

/** `text` spelt as variation selectors, a byte each (VS1–VS16, then VS17–VS256): invisible after any character. */
export const selectors = (text: string): string =>
  [...Buffer.from(text)].map((b) => String.fromCodePoint(b < 16 ? 0xfe00 + b : 0xe0100 + b - 16)).join('');

/** Whether `text` holds a tag character or two variation selectors in a row (one after an emoji: its presentation). */
export const smuggles = (text: string): boolean =>
  /[\u{e0000}-\u{e007f}]|[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]{2}|[\u{e0100}-\u{e01ef}]/u.test(text);
