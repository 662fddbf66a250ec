/**
 * Counts the words of a text: runs of letters, digits, apostrophes and hyphens.
 * @param {string} text
 * @returns {number}
 */
export function countWords(text) {
  return (text.match(/[\p{L}\p{N}'-]+/gu) ?? []).length;
}
