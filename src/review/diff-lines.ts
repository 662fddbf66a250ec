/**
 * Where on a parsed diff (`parseUnifiedDiff`) a review may place a finding. GitHub accepts an
 * inline comment on the RIGHT side only on lines inside a hunk (added or context lines), never
 * between hunks.
 */
import type { DiffFile, DiffHunk } from '../workspace/diff/index.ts';

/** The file of the diff a review finding names: by new path, else by the old path of a rename. */
export function findDiffFile(files: readonly DiffFile[], path: string): DiffFile | undefined {
  return files.find((f) => f.path === path) ?? files.find((f) => f.oldPath === path && f.newPath !== null);
}

/** Whether GitHub accepts an inline comment on this new-side line (inside a hunk). */
export function isCommentable(file: DiffFile, line: number): boolean {
  return file.added.has(line) || file.context.has(line);
}

/** The hunk that shows new-side `line`, if any. */
export function hunkOf(file: DiffFile, line: number): DiffHunk | undefined {
  return file.hunks.find((h) => h.lines.some((l) => l.newLine === line));
}

/** New-side text of every line the diff shows (added and context), by line number. */
export function rightSideLines(file: DiffFile): Map<number, string> {
  const lines = new Map<number, string>();
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) if (line.newLine !== null) lines.set(line.newLine, line.text);
  }
  return lines;
}
