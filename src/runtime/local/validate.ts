import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ConfigError, loadConfig, summarizeConfig } from '../../config/index.ts';
import type { EnsembleConfig } from '../../contracts/config.ts';
import { chooseEnvironment } from '../../stages/setup-detect.ts';
import { UserError } from '../../util/errors.ts';
import { listWorktreeFiles } from '../../workspace/index.ts';
import type { CliIo, Values } from './cli-io.ts';

/**
 * `ensemble validate`: checks the configuration, prints what it resolves to, and which setup and
 * test command a run would use in this repository, and why (configured, or detected from which file).
 */
export async function validateCommand(values: Values, io: CliIo): Promise<number> {
  const repo = resolve(io.cwd, (values['repo'] as string | undefined) ?? '.');
  const explicit = values['config'] as string | undefined;
  const file = explicit ? resolve(io.cwd, explicit) : resolve(repo, '.github/ensemble.yml');
  // A file the user named must exist; only the conventional location may be absent (defaults).
  if (explicit && !existsSync(file)) throw new UserError(`configuration file ${explicit} not found`);
  try {
    // Positions are shown relative to where the user stands, as compilers do.
    const shown = relative(io.cwd, file);
    const loaded = await loadConfig(file, shown.startsWith('..') ? file : shown);
    io.stdout.write(`${summarizeConfig(loaded)}${await environmentLines(loaded.config, repo)}`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** `setup (a run installs): … — detected: package-lock.json found`, and the same for the test command. */
export async function environmentLines(config: EnsembleConfig, repo: string): Promise<string> {
  const files = await repositoryFiles(repo);
  const { setup, test } = chooseEnvironment(config, { files, read: (p) => readText(repo, p) });
  const how = (source: string, reason: string) => (source === 'detected' ? `detected: ${reason}` : reason);
  const setupText =
    setup.commands.length > 0
      ? `${setup.commands.map((c) => `\`${c}\``).join(' then ')} (${how(setup.source, setup.reason)})`
      : `nothing to install (${setup.reason})`;
  const testText = test.command ? `\`${test.command}\` (${how(test.source, test.reason)})` : `none: ${test.reason}`;
  const lines = [`setup a run uses: ${setupText}`, `test command a run uses: ${testText}`];
  if (setup.source === 'configuration' && setup.detected.length > 0) {
    lines.push(
      `  (detection, replaced by \`setup\`, would have used: ${setup.detected.map((d) => d.reason).join('; ')})`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The repository's files as git sees them; the top-level entries when it is no git checkout. */
async function repositoryFiles(repo: string): Promise<string[]> {
  try {
    return await listWorktreeFiles(repo);
  } catch {
    try {
      return readdirSync(repo);
    } catch {
      return [];
    }
  }
}

function readText(repo: string, file: string): string | null {
  try {
    const full = join(repo, file);
    const stat = lstatSync(full);
    return stat.isFile() && stat.size <= 1_000_000 ? readFileSync(full, 'utf8') : null;
  } catch {
    return null;
  }
}
