/**
 * A patch split into its per-file sections, the way git's own reader finds them: a section starts
 * at a line that begins with `diff --git ` (at the start of the patch or after a `\n`; a `\r` or a
 * Unicode line separator inside a line does not start one). Each section is the exact text from
 * its `diff --git ` line up to the next one, line ending included, so the sections joined give the
 * patch back. Text before the first `diff --git ` line (a plain `diff -u`, a mail header) is a
 * section of its own when it holds more than whitespace.
 */

const MARKER = 'diff --git ';

/** The per-file sections of `patch` (see the module comment); `[]` for an empty or blank patch. */
export function splitSections(patch: string): string[] {
  const starts: number[] = patch.startsWith(MARKER) ? [0] : [];
  for (let at = patch.indexOf(`\n${MARKER}`); at !== -1; at = patch.indexOf(`\n${MARKER}`, at + 1)) starts.push(at + 1);
  const sections: string[] = [];
  const preamble = patch.slice(0, starts[0] ?? patch.length);
  if (preamble.trim() !== '') sections.push(preamble);
  starts.forEach((start, i) => {
    sections.push(patch.slice(start, starts[i + 1] ?? patch.length));
  });
  return sections;
}

/** Whether `section` is the section of a `diff --git` header (not text before the first one). */
export function isGitSection(section: string): boolean {
  return section.startsWith(MARKER);
}
