/**
 * Extracts the operations ensemble calls from GitHub's published OpenAPI description into the
 * committed fixture `test/fixtures/github-openapi.json`, which the GitHub REST fake
 * (`test/support/github-fake.ts`) checks every request against.
 *
 *   npm install --prefix /tmp/openapi @octokit/openapi   # ~400 MB: never a dependency
 *   node scripts/extract-openapi.ts /tmp/openapi/node_modules/@octokit/openapi/generated/api.github.com.json
 *
 * Kept: each operation's id, summary, documentation URL, parameters, request body schema and JSON
 * response schemas with their headers, plus every component they reference (transitively).
 * Dropped, to keep the fixture small and readable: descriptions, examples and vendor extensions.
 * Nothing else is rewritten, so the fixture says what GitHub says.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The operations ensemble uses, by GitHub's operation id. Add one here, then re-run. */
export const OPERATIONS = [
  'repos/get',
  'repos/get-branch',
  'repos/get-collaborator-permission-level',
  'users/get-by-username',
  'issues/get',
  'issues/list-comments',
  'issues/create-comment',
  'issues/update-comment',
  'issues/add-labels',
  'issues/remove-label',
  'git/get-ref',
  'git/create-ref',
  'git/update-ref',
  'git/delete-ref',
  'git/create-commit',
  'git/get-commit',
  'git/create-tree',
  'git/get-tree',
  'git/create-blob',
  'git/get-blob',
  'pulls/list',
  'pulls/create',
  'pulls/get',
  'pulls/update',
  'pulls/list-reviews',
  'pulls/create-review',
  'pulls/list-review-comments',
  'pulls/create-reply-for-review-comment',
  'repos/get-environment',
  'actions/get-reviews-for-run',
  'actions/get-workflow-run',
  'actions/list-workflow-runs-for-repo',
  'actions/cancel-workflow-run',
  'actions/list-jobs-for-workflow-run',
  'actions/re-run-job-for-workflow-run',
  'actions/re-run-workflow-failed-jobs',
  'actions/list-workflow-runs',
  'actions/download-job-logs-for-workflow-run',
  'checks/get',
  'checks/list-suites-for-ref',
  'pulls/list-requested-reviewers',
  'pulls/list-files',
  'repos/list-pull-requests-associated-with-commit',
  'pulls/request-reviewers',
  'repos/list-deployments',
  'repos/list-deployment-statuses',
  'apps/get-repo-installation',
  'apps/create-installation-access-token',
  'apps/revoke-installation-access-token',
] as const;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Schema keywords whose value is a schema, a list of schemas, or a map of schemas. */
const SCHEMA_ONE = ['items', 'not', 'additionalProperties'];
const SCHEMA_LIST = ['oneOf', 'anyOf', 'allOf'];
const SCHEMA_MAP = ['properties', 'patternProperties'];
const DROPPED_SCHEMA_KEYS = new Set(['description', 'example', 'examples', 'title', 'externalDocs']);

function cleanSchema(schema: Json): Json {
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED_SCHEMA_KEYS.has(key) || key.startsWith('x-')) continue;
    if (SCHEMA_ONE.includes(key)) out[key] = cleanSchema(value);
    else if (SCHEMA_LIST.includes(key) && Array.isArray(value)) out[key] = value.map(cleanSchema);
    else if (SCHEMA_MAP.includes(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, cleanSchema(sub)]));
    } else out[key] = value;
  }
  return out;
}

function cleanParameter(parameter: Json): Json {
  if (!isObject(parameter) || typeof parameter.$ref === 'string') return parameter;
  const { name, in: where, required, schema } = parameter;
  const out: JsonObject = { name: name ?? null, in: where ?? null };
  if (required !== undefined) out.required = required;
  if (schema !== undefined) out.schema = cleanSchema(schema);
  return out;
}

function cleanContent(content: Json | undefined): Json | undefined {
  if (!isObject(content)) return undefined;
  const out: JsonObject = {};
  for (const [type, media] of Object.entries(content)) {
    if (isObject(media) && media.schema !== undefined) out[type] = { schema: cleanSchema(media.schema) };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function cleanHeaders(headers: Json | undefined): Json | undefined {
  if (!isObject(headers)) return undefined;
  const out: JsonObject = {};
  for (const [name, header] of Object.entries(headers)) {
    if (!isObject(header)) continue;
    out[name] = typeof header.$ref === 'string' ? { $ref: header.$ref } : { schema: cleanSchema(header.schema ?? {}) };
  }
  return out;
}

function cleanResponse(response: Json): Json {
  if (!isObject(response) || typeof response.$ref === 'string') return response;
  const out: JsonObject = { description: response.description ?? '' };
  const headers = cleanHeaders(response.headers);
  if (headers) out.headers = headers;
  const content = cleanContent(response.content);
  if (content) out.content = content;
  return out;
}

function cleanOperation(operation: JsonObject, pathParameters: Json[]): JsonObject {
  const out: JsonObject = { operationId: operation.operationId ?? null, summary: operation.summary ?? null };
  const docs = isObject(operation.externalDocs) ? operation.externalDocs.url : undefined;
  if (typeof docs === 'string') out.documentation = docs;
  const parameters = [...pathParameters, ...(Array.isArray(operation.parameters) ? operation.parameters : [])];
  if (parameters.length > 0) out.parameters = parameters.map(cleanParameter);
  if (isObject(operation.requestBody)) {
    const body = operation.requestBody;
    const content = cleanContent(body.content);
    out.requestBody = { required: body.required ?? false, ...(content ? { content } : {}) };
  }
  if (isObject(operation.responses)) {
    out.responses = Object.fromEntries(
      Object.entries(operation.responses).map(([status, response]) => [status, cleanResponse(response)]),
    );
  }
  return out;
}

/** Every `$ref` reachable from `value`, resolved against the whole description's components. */
function collectRefs(
  value: Json,
  spec: JsonObject,
  seen: Set<string>,
  clean: (kind: string, value: Json) => Json,
): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, spec, seen, clean);
    return;
  }
  if (!isObject(value)) return;
  const ref = value.$ref;
  if (typeof ref === 'string' && !seen.has(ref)) {
    const match = /^#\/components\/([^/]+)\/(.+)$/.exec(ref);
    if (!match) throw new Error(`unsupported $ref ${ref}: only local #/components/… references are resolved`);
    seen.add(ref);
    const components = spec.components;
    const group = isObject(components) ? components[match[1]!] : undefined;
    const target = isObject(group) ? group[match[2]!] : undefined;
    if (target === undefined) throw new Error(`dangling $ref ${ref}`);
    collectRefs(clean(match[1]!, target), spec, seen, clean);
  }
  for (const [key, sub] of Object.entries(value)) if (key !== '$ref') collectRefs(sub, spec, seen, clean);
}

const CLEANERS: Record<string, (value: Json) => Json> = {
  schemas: cleanSchema,
  parameters: cleanParameter,
  responses: cleanResponse,
  headers: (header) => (isObject(header) ? { schema: cleanSchema(header.schema ?? {}) } : header),
};

function cleanComponent(kind: string, value: Json): Json {
  const cleaner = CLEANERS[kind];
  if (!cleaner) throw new Error(`unsupported component kind ${kind}`);
  return cleaner(value);
}

export function extract(spec: JsonObject, operationIds: readonly string[] = OPERATIONS): JsonObject {
  const paths: JsonObject = {};
  const found = new Set<string>();
  const specPaths = isObject(spec.paths) ? spec.paths : {};
  for (const [path, item] of Object.entries(specPaths)) {
    if (!isObject(item)) continue;
    const pathParameters = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const operation = item[method];
      if (
        !isObject(operation) ||
        typeof operation.operationId !== 'string' ||
        !operationIds.includes(operation.operationId)
      )
        continue;
      found.add(operation.operationId);
      const entry = (isObject(paths[path]) ? paths[path] : {}) as JsonObject;
      entry[method] = cleanOperation(operation, pathParameters);
      paths[path] = entry;
    }
  }
  const missing = operationIds.filter((id) => !found.has(id));
  if (missing.length > 0) throw new Error(`operations not in the description: ${missing.join(', ')}`);

  const refs = new Set<string>();
  collectRefs(paths, spec, refs, cleanComponent);
  const components: Record<string, JsonObject> = {};
  for (const ref of [...refs].sort()) {
    const [, , kind, name] = ref.split('/') as [string, string, string, string];
    const group = (spec.components as JsonObject)[kind] as JsonObject;
    components[kind] ??= {};
    components[kind][name] = cleanComponent(kind, group[name]!);
  }
  const info = isObject(spec.info) ? spec.info : {};
  return {
    openapi: spec.openapi ?? null,
    info: {
      title: info.title ?? null,
      version: info.version ?? null,
      'x-extracted': `by scripts/extract-openapi.ts: ${operationIds.length} operations ensemble uses, without descriptions and examples`,
    },
    servers: spec.servers ?? [],
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
  };
}

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'github-openapi.json');

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const source = process.argv[2];
  if (!source) {
    console.error(
      'usage: node scripts/extract-openapi.ts <api.github.com.json>\n' +
        '  (npm install --prefix /tmp/openapi @octokit/openapi; the file is generated/api.github.com.json)',
    );
    process.exit(2);
  }
  const spec = JSON.parse(readFileSync(source, 'utf8')) as JsonObject;
  const fixture = extract(spec);
  writeFileSync(FIXTURE, `${JSON.stringify(fixture, null, 1)}\n`);
  const components = fixture.components as Record<string, JsonObject>;
  const counts = Object.entries(components).map(([kind, group]) => `${Object.keys(group).length} ${kind}`);
  console.log(`wrote ${FIXTURE}: ${OPERATIONS.length} operations, ${counts.join(', ')}`);
}
