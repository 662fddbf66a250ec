/**
 * Column-0 fenced code blocks (CommonMark), which GitHub shows verbatim: both the prompts, which
 * keep what a reader sees, and the renderers, which neutralise only prose, leave them as they are.
 */

export interface Segment {
  code: boolean;
  text: string;
}

const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;

/** The fence that opens at this line (column 0 only), or null. */
export function fenceOpening(line: string): string | null {
  const m = FENCE_OPEN.exec(line.replace(/\r$/, ''));
  if (!m) return null;
  const fence = m[1]!;
  if (fence[0] === '`' && m[2]!.includes('`')) return null; // a backtick fence's info string has no backtick
  return fence;
}

/** Whether `line` closes a block opened by `fence` (CommonMark: up to 3 spaces, same character, at least as long). */
export function closesFence(line: string, fence: string): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line.replace(/\r$/, ''));
  return m !== null && m[1]![0] === fence[0] && m[1]!.length >= fence.length;
}

/** Splits text into prose and column-0 fenced code blocks (fence lines belong to the code segment). */
export function splitFences(text: string): { segments: Segment[]; open: string | null } {
  const segments: Segment[] = [];
  let open: string | null = null;
  let start = 0;
  let chunkStart = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl + 1;
    const line = text.slice(start, nl === -1 ? text.length : nl);
    if (open === null) {
      const fence = fenceOpening(line);
      if (fence) {
        if (start > chunkStart) segments.push({ code: false, text: text.slice(chunkStart, start) });
        chunkStart = start;
        open = fence;
      }
    } else if (closesFence(line, open)) {
      segments.push({ code: true, text: text.slice(chunkStart, end) });
      chunkStart = end;
      open = null;
    }
    if (nl === -1) break;
    start = end;
  }
  if (chunkStart < text.length) segments.push({ code: open !== null, text: text.slice(chunkStart) });
  return { segments, open };
}
