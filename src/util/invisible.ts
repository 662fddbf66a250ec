/**
 * Characters a reader does not see but a model (or a tool reading the raw text) does: what both
 * the prompts (`agent/prompt.ts`) and every text ensemble writes to GitHub (`render/safe.ts`)
 * remove. One definition, so that what goes in and what comes out agree.
 *
 * Removed: every default-ignorable code point (Unicode's `Default_Ignorable_Code_Point`: zero-width
 * spaces and joiners, bidirectional controls and marks, the soft hyphen, Hangul fillers, variation
 * selectors U+FE00–U+FE0F and U+E0100–U+E01EF, tag characters U+E0000–U+E007F, …) and the
 * interlinear annotation controls U+FFF9–U+FFFB, which hide the annotation between them. Tag
 * characters spell ASCII invisibly, and a run of variation selectors after any character spells a
 * byte each: both carry whole hidden sentences.
 *
 * Kept, because emoji need them and they can carry no more than a bit per visible emoji:
 * - one U+FE0E or U+FE0F (text or emoji presentation) directly after an emoji character (`❤️`,
 *   the keycap `1️⃣`); a second one, or one after anything else, is removed;
 * - a zero-width joiner between two emoji (`👩‍💻`, `❤️‍🔥`); anywhere else it is removed;
 * - the tag sequences of the three subdivision flags in the emoji standard (England, Scotland,
 *   Wales); any other tag character is removed, so a black flag followed by tags shows as 🏴.
 *
 * Trade-off: scripts that use U+200C (zero-width non-joiner, Persian, Indic) or the Mongolian
 * free variation selectors lose them; the text stays readable.
 */
// England, Scotland and Wales: U+1F3F4, the tags of `gbeng`, `gbsct` or `gbwls`, the cancel tag.
const SUBDIVISION_FLAG =
  String.raw`\u{1F3F4}\u{E0067}\u{E0062}` +
  String.raw`(?:\u{E0065}\u{E006E}\u{E0067}|\u{E0073}\u{E0063}\u{E0074}|\u{E0077}\u{E006C}\u{E0073})\u{E007F}`;
// An emoji, with one presentation selector and a joiner to the next emoji if they follow it.
const EMOJI = String.raw`\p{Emoji}[\uFE0E\uFE0F]?(?:\u200D(?=\p{Emoji}))?`;
// What is kept (captured), else what is removed.
const INVISIBLE = new RegExp(
  String.raw`(${SUBDIVISION_FLAG}|${EMOJI})|[\p{Default_Ignorable_Code_Point}\uFFF9-\uFFFB]`,
  'gu',
);

/** `text` without the characters a reader does not see (module comment). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, (_whole: string, kept: string | undefined) => kept ?? '');
}
