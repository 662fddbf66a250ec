import { open, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

/** Instruction files repositories already keep for coding agents, in the order they reach the prompt. */
export const INSTRUCTION_FILES = ['AGENTS.md', 'CLAUDE.md', '.github/copilot-instructions.md'] as const;

/** Each file is capped so that one enormous file cannot crowd the rest of the context out. */
export const MAX_INSTRUCTION_BYTES = 65_536;

export interface InstructionFile {
  /** Repository-relative path, as in {@link INSTRUCTION_FILES}. */
  path: string;
  /** UTF-8 text; when truncated, the first {@link MAX_INSTRUCTION_BYTES} bytes and a note saying so. */
  content: string;
  truncated: boolean;
}

function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** Cuts a buffer at `limit` bytes without splitting a UTF-8 character. */
function utf8Prefix(buffer: Buffer, limit: number): string {
  let end = Math.min(limit, buffer.length);
  if (end < buffer.length) {
    // Step back over continuation bytes (10xxxxxx) to the start of the character that straddles the limit.
    while (end > 0 && ((buffer[end] ?? 0) & 0xc0) === 0x80) end--;
  }
  return buffer.subarray(0, end).toString('utf8');
}

async function readCapped(path: string, limit: number): Promise<{ text: string; size: number } | null> {
  // Checked before opening: opening a FIFO would wait for a writer forever.
  if (!(await stat(path)).isFile()) return null;
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return null;
    const buffer = Buffer.alloc(Math.min(stat.size, limit) + 4);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { text: utf8Prefix(buffer.subarray(0, bytesRead), limit), size: Math.max(stat.size, bytesRead) };
  } finally {
    await handle.close();
  }
}

/**
 * Reads the instruction files present in a checkout, in the fixed order of
 * {@link INSTRUCTION_FILES}. Only regular files count; a symbolic link is followed only when it
 * stays inside the repository, so a checkout cannot pull in a file from elsewhere on the runner.
 */
export async function discoverInstructionFiles(repoDir: string): Promise<InstructionFile[]> {
  const root = await realpath(repoDir);
  const found: InstructionFile[] = [];
  for (const path of INSTRUCTION_FILES) {
    let target: string;
    try {
      target = await realpath(join(root, path));
    } catch {
      continue; // absent, or a dangling link
    }
    if (!inside(root, target)) continue;
    let read: { text: string; size: number } | null;
    try {
      read = await readCapped(target, MAX_INSTRUCTION_BYTES);
    } catch {
      continue; // unreadable: a directory that cannot be opened, a permission error
    }
    if (!read) continue;
    const truncated = read.size > MAX_INSTRUCTION_BYTES;
    const content = truncated
      ? `${read.text}\n\n[ensemble: ${path} is ${read.size} bytes; ` +
        `only the first ${MAX_INSTRUCTION_BYTES} bytes are included]\n`
      : read.text;
    found.push({ path, content, truncated });
  }
  return found;
}
