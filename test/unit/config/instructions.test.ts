import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { discoverInstructionFiles, MAX_INSTRUCTION_BYTES } from '../../../src/config/instructions.ts';

let base: string;
let repo: string;
let outside: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'ensemble-instructions-'));
  repo = join(base, 'repo');
  outside = join(base, 'outside');
  await mkdir(join(repo, '.github'), { recursive: true });
  await mkdir(outside);
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

test('no instruction files', async () => {
  expect(await discoverInstructionFiles(repo)).toEqual([]);
});

test('reads all three in a fixed order, whatever order they were written in', async () => {
  await writeFile(join(repo, '.github', 'copilot-instructions.md'), 'copilot\n');
  await writeFile(join(repo, 'CLAUDE.md'), 'claude\n');
  await writeFile(join(repo, 'AGENTS.md'), 'agents\n');
  expect(await discoverInstructionFiles(repo)).toEqual([
    { path: 'AGENTS.md', content: 'agents\n', truncated: false },
    { path: 'CLAUDE.md', content: 'claude\n', truncated: false },
    { path: '.github/copilot-instructions.md', content: 'copilot\n', truncated: false },
  ]);
});

test('a file over 64 KiB is cut at a character boundary, with a note', async () => {
  // 'é' is two bytes: the 64 KiB limit falls in the middle of one.
  const text = `a${'é'.repeat(MAX_INSTRUCTION_BYTES)}`;
  await writeFile(join(repo, 'AGENTS.md'), text);
  const [file, ...rest] = await discoverInstructionFiles(repo);
  expect(rest).toEqual([]);
  expect(file?.truncated).toBe(true);
  const kept = `a${'é'.repeat((MAX_INSTRUCTION_BYTES - 2) / 2)}`;
  expect(Buffer.byteLength(kept)).toBe(MAX_INSTRUCTION_BYTES - 1);
  expect(file?.content).toBe(
    `${kept}\n\n[ensemble: AGENTS.md is ${Buffer.byteLength(text)} bytes; only the first ${MAX_INSTRUCTION_BYTES} bytes are included]\n`,
  );
});

test('a file of exactly 64 KiB is whole', async () => {
  await writeFile(join(repo, 'CLAUDE.md'), 'x'.repeat(MAX_INSTRUCTION_BYTES));
  expect(await discoverInstructionFiles(repo)).toEqual([
    { path: 'CLAUDE.md', content: 'x'.repeat(MAX_INSTRUCTION_BYTES), truncated: false },
  ]);
});

test('symbolic links that leave the repository are ignored, links inside it are followed', async () => {
  await writeFile(join(outside, 'secret.md'), 'runner secret\n');
  await symlink(join(outside, 'secret.md'), join(repo, 'AGENTS.md'));
  await symlink('../../outside/secret.md', join(repo, '.github', 'copilot-instructions.md'));
  await mkdir(join(repo, 'docs'));
  await writeFile(join(repo, 'docs', 'agents.md'), 'shared instructions\n');
  await symlink('docs/agents.md', join(repo, 'CLAUDE.md'));
  expect(await discoverInstructionFiles(repo)).toEqual([
    { path: 'CLAUDE.md', content: 'shared instructions\n', truncated: false },
  ]);
});

test('a directory that is a link out of the repository is not followed', async () => {
  await rm(join(repo, '.github'), { recursive: true });
  await writeFile(join(outside, 'copilot-instructions.md'), 'runner file\n');
  await symlink(outside, join(repo, '.github'));
  expect(await discoverInstructionFiles(repo)).toEqual([]);
});

test('directories, dangling links and other non-files are skipped', async () => {
  await mkdir(join(repo, 'AGENTS.md'));
  await symlink(join(repo, 'nowhere.md'), join(repo, 'CLAUDE.md'));
  await writeFile(join(repo, '.github', 'copilot-instructions.md'), 'copilot\n');
  expect(await discoverInstructionFiles(repo)).toEqual([
    { path: '.github/copilot-instructions.md', content: 'copilot\n', truncated: false },
  ]);
});
