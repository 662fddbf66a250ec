// Writes the JSON Schemas of every artifact document, of the configuration and of `ensemble run
// --json` to schemas/, and the configuration reference and the exit codes into README.md between
// their markers. `--check` fails instead when
// the committed files differ (the unit tests check the same).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allJsonSchemas } from '../src/cli.ts';
import { renderConfigReference } from '../src/config/index.ts';
import { renderExitCodeTable } from '../src/runtime/local/exit-codes.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'schemas');
const readmeFile = join(root, 'README.md');
const readme = readFileSync(readmeFile, 'utf8');
const markers = /(<!-- config-reference:start -->\n)[\s\S]*?(<!-- config-reference:end -->)/;
if (!markers.test(readme)) throw new Error('README.md lacks the <!-- config-reference:start/end --> markers');
const exitCodeMarkers = /(<!-- exit-codes:start -->\n)[\s\S]*?(<!-- exit-codes:end -->)/;
if (!exitCodeMarkers.test(readme)) throw new Error('README.md lacks the <!-- exit-codes:start/end --> markers');
const wantedReadme = readme
  .replace(markers, (_, start: string, end: string) => `${start}${renderConfigReference()}${end}`)
  .replace(exitCodeMarkers, (_, start: string, end: string) => `${start}${renderExitCodeTable()}${end}`);
const wanted = new Map(
  Object.entries(await allJsonSchemas()).map(([name, schema]) => [
    `${name}.schema.json`,
    `${JSON.stringify(schema, null, 2)}\n`,
  ]),
);

if (process.argv.includes('--check')) {
  const stale = [...wanted].filter(([file, text]) => {
    try {
      return readFileSync(join(dir, file), 'utf8') !== text;
    } catch {
      return true;
    }
  });
  if (wantedReadme !== readme) stale.push(['README.md (configuration reference or exit codes)', '']);
  if (stale.length > 0) {
    console.error(`schemas/ is stale: ${stale.map(([f]) => f).join(', ')}. Run \`npm run schemas\` and commit.`);
    process.exit(1);
  }
} else {
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(dir)) if (!wanted.has(file)) rmSync(join(dir, file));
  for (const [file, text] of wanted) writeFileSync(join(dir, file), text);
  writeFileSync(readmeFile, wantedReadme);
  console.log(`wrote ${wanted.size} schemas to schemas/`);
}
