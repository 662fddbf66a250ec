import { readFile } from 'node:fs/promises';
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { describeFound, EnsembleConfig } from '../contracts/config.ts';
import { errorMessage } from '../util/errors.ts';
import { ConfigError, type ConfigProblem, closestKey, formatKeyPath } from './errors.ts';
import { configHash } from './hash.ts';

export const DEFAULT_CONFIG_PATH = '.github/ensemble.yml';

/** A configuration file far larger than any real one is refused before it is parsed. */
export const MAX_CONFIG_BYTES = 1_048_576;

export interface LoadedConfig {
  /** The resolved configuration: defaults filled in, per-stage models resolved. */
  config: EnsembleConfig;
  /** The path the configuration was read from (or would have been), as given. */
  file: string;
  /** False when there was no file and `config` is the defaults. */
  exists: boolean;
  /** {@link configHash} of `config`; carried in every artifact's run identity. */
  hash: string;
}

type YamlDocument = ReturnType<typeof parseDocument>;

interface Located {
  /** True when every segment of the path exists in the document. */
  found: boolean;
  /** The key node of the last pair reached (the offending key, or the parent's key when not found). */
  key: Node | null;
  /** The value node reached (the parent when not found). */
  value: Node | null;
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

function resolve(doc: YamlDocument, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

/** Finds the YAML nodes a zod issue path names. */
function locate(doc: YamlDocument, path: readonly PropertyKey[]): Located {
  let value: unknown = doc.contents;
  let key: Node | null = null;
  for (const segment of path) {
    const node = resolve(doc, value);
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(segment));
      if (!pair) return { found: false, key, value: value as Node | null };
      key = (pair.key as Node | null) ?? key;
      value = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      key = null;
      value = node.items[segment];
    } else {
      return { found: false, key, value: value as Node | null };
    }
  }
  return { found: true, key, value: value as Node | null };
}

function startOf(node: Node | null | undefined): number | null {
  const range = node?.range;
  // An empty value (`key:` with nothing after it) has a zero-length range at the colon's end.
  if (!range || range[1] <= range[0]) return null;
  return range[0];
}

function isEmptyValue(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null && startOf(node) === null);
}

type Place = 'key' | 'value';

/** Offset of what a problem is about: the key for unknown keys, the value for wrong values, the parent when missing. */
function offsetFor(doc: YamlDocument, path: readonly PropertyKey[], place: Place): number {
  const at = locate(doc, path);
  // The value comes first only for a wrong value at a path that exists; otherwise the key (or the parent).
  const valueFirst = at.found && place === 'value';
  const candidates = valueFirst ? [at.value, at.key] : [at.key, at.value];
  for (const node of candidates) {
    const start = startOf(node);
    if (start !== null) return start;
  }
  return startOf(doc.contents as Node | null) ?? 0;
}

interface ZodDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
}

function defOf(schema: z.ZodType): ZodDef {
  return (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
}

const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch', 'nonoptional']);

/** Strips defaults, optionality and transforms down to the schema that checks the value. */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** The keys an object schema at `path` allows, for "unknown key" messages. */
function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    if (!current) return [];
    const def = defOf(unwrapSchema(current));
    if (def.type === 'object') current = def.shape?.[String(segment)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return [];
  }
  if (!current) return [];
  const def = defOf(unwrapSchema(current));
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function problemsFromZod(doc: YamlDocument, lines: LineCounter, file: string, error: z.ZodError): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const at = (path: readonly PropertyKey[], place: Place, message: string) => {
    const { line, col } = lines.linePos(offsetFor(doc, path, place));
    problems.push({ file, line, column: col, key: formatKeyPath(path), message });
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeysAt(EnsembleConfig, issue.path);
      for (const key of issue.keys) {
        const suggestion = closestKey(key, allowed);
        const list = allowed.join(', ');
        at(
          [...issue.path, key],
          'key',
          suggestion
            ? `unknown key; did you mean \`${suggestion}\`? Allowed keys: ${list}`
            : `unknown key; allowed keys: ${list}`,
        );
      }
    } else {
      const place: Place = issue.code === 'custom' && issue.params?.['at'] === 'key' ? 'key' : 'value';
      // `key:` with nothing after it is null to YAML, but not what the user thinks they wrote.
      const located = locate(doc, issue.path);
      const empty = located.found && isEmptyValue(located.value);
      at(issue.path, place, empty ? issue.message.replace(/found null$/, 'found an empty value') : issue.message);
    }
  }
  return problems;
}

function byPosition(a: ConfigProblem, b: ConfigProblem): number {
  return a.line - b.line || a.column - b.column;
}

function unique(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const id = `${p.line}:${p.column}:${p.key}:${p.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

const YAML_MESSAGES: Record<string, string> = {
  MULTIPLE_DOCS: 'the file holds more than one YAML document (a second `---`); ensemble reads only one',
  DUPLICATE_KEY: 'this key appears twice in the same mapping; keep one',
  TAB_AS_INDENT: 'tabs are not allowed as indentation in YAML; indent with spaces',
};

function syntaxProblems(doc: YamlDocument, lines: LineCounter, file: string): ConfigProblem[] {
  return doc.errors.map((error) => {
    const { line, col } = lines.linePos(error.pos[0]);
    const message = YAML_MESSAGES[error.code] ?? `invalid YAML: ${error.message.split('\n')[0]}`;
    return { file, line, column: col, key: '(yaml)', message };
  });
}

/**
 * Parses and validates the text of a configuration file. `file` is the name the messages use.
 * Throws {@link ConfigError} listing every problem with its line and column.
 */
export function parseConfigText(text: string, file: string = DEFAULT_CONFIG_PATH): LoadedConfig {
  if (Buffer.byteLength(text, 'utf8') > MAX_CONFIG_BYTES) {
    throw new ConfigError([
      {
        file,
        line: 0,
        column: 0,
        key: '',
        message: `the file is larger than ${MAX_CONFIG_BYTES} bytes; this is not a configuration`,
      },
    ]);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) throw new ConfigError(syntaxProblems(doc, lines, file));

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ConfigError([
      { file, line: 1, column: 1, key: '(yaml)', message: `invalid YAML: ${errorMessage(error)}` },
    ]);
  }
  // An empty file, or one holding only comments or `null`, means "all defaults".
  if (value === null || value === undefined) value = {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    const { line, col } = lines.linePos(startOf(doc.contents as Node | null) ?? 0);
    throw new ConfigError([
      {
        file,
        line,
        column: col,
        key: '(root)',
        message: `expected a mapping of settings (key: value lines), found ${describeFound(value)}`,
      },
    ]);
  }

  const result = EnsembleConfig.safeParse(value);
  if (!result.success) {
    throw new ConfigError(unique(problemsFromZod(doc, lines, file, result.error)).sort(byPosition));
  }
  return { config: result.data, file, exists: true, hash: configHash(result.data) };
}

/** The configuration of a repository without a file. */
export function defaultLoadedConfig(file: string = DEFAULT_CONFIG_PATH): LoadedConfig {
  const config = EnsembleConfig.parse({});
  return { config, file, exists: false, hash: configHash(config) };
}

/**
 * Reads and validates a configuration file; a missing file gives the defaults with `exists: false`.
 * The caller decides which checkout it reads from (the default branch, never the change being made).
 * `shownAs` is the name messages use (a path relative to where the user stands).
 */
export async function loadConfig(path: string = DEFAULT_CONFIG_PATH, shownAs: string = path): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return defaultLoadedConfig(shownAs);
    const reason = code === 'EISDIR' ? 'it is a directory, not a file' : errorMessage(error);
    throw new ConfigError([
      { file: shownAs, line: 0, column: 0, key: '', message: `cannot read the configuration: ${reason}` },
    ]);
  }
  return parseConfigText(text, shownAs);
}
