// JSON Schemas that a module's METADATA declares for `input` (OPA's `schemas:` annotation):
//   # METADATA
//   # schemas:
//   #   - input: schema.my_input          → <schema dir>/my_input.json (schema.a.b → a/b.json)
//   #   - input.user: {"type": "object"}  → an inline schema for a sub-path
//   #   - input: ./schemas/input.json     → a path relative to the .rego file (Palisade extension)
// The schema dir is OPA's `--schema` convention: a `schemas/` (or `schema/`) folder in the .rego
// file's directory or any parent up to the workspace folder. Files are read through the host the
// caller gives (open buffers or disk) and parsed per text. Completion and document links read here.
import type { Annotation } from '../rego/index';
import { dirOf, isInside, joinPath } from './paths';
import { isPathPrefix, type ParsedFile } from './rego-workspace';

export type JsonSchema = Record<string, unknown>;

export interface SchemaDecl {
  /** The annotated path: `input` or `input.a.b` (also `data.x`, which completion ignores). */
  target: string;
  /** The reference as written (`schema.input`, `./x.json`); absent for inline schemas. */
  ref?: string;
  inline?: JsonSchema;
  /** Where the reference is written in the document (for links). */
  refLoc?: { start: number; end: number };
}

const SCHEMA_DIRS = ['schemas', 'schema'];

/** Declarations of the package annotations and of the rule at `offset` (when given). */
export function schemaDecls(doc: ParsedFile, offset?: number): SchemaDecl[] {
  const module = doc.module;
  if (!module) return [];
  const ruleIndex = offset === undefined ? -2 : module.rules.findIndex((r) => r.loc.start <= offset && offset <= r.loc.end);
  // The rule's own declarations first: they win over the package's for the same path.
  const applying = module.annotations.filter((a) => offset === undefined || a.target === ruleIndex || a.target === -1);
  applying.sort((a, b) => (a.target === -1 ? 1 : 0) - (b.target === -1 ? 1 : 0));
  return applying.flatMap((a) => declsOf(a, doc.text));
}

/**
 * Declarations other files of the tree make for `doc`'s package: their package-scoped
 * annotations when they are the same package, `subpackages`-scoped ones of enclosing packages.
 */
export function inheritedSchemaDecls(doc: ParsedFile, files: ParsedFile[]): { file: ParsedFile; decl: SchemaDecl }[] {
  const out: { file: ParsedFile; decl: SchemaDecl }[] = [];
  for (const file of files) {
    if (file.path === doc.path || !file.module || !doc.pkg) continue;
    for (const a of file.module.annotations) {
      if (a.target !== -1) continue;
      const applies = (a.scope === 'package' && file.pkg === doc.pkg) || (a.scope === 'subpackages' && isPathPrefix(file.pkg, doc.pkg));
      if (applies) for (const decl of declsOf(a, file.text)) out.push({ file, decl });
    }
  }
  return out;
}

function declsOf(a: Annotation, text: string): SchemaDecl[] {
  if (!Array.isArray(a.fields.schemas)) return [];
  const out: SchemaDecl[] = [];
  for (const entry of a.fields.schemas) {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) continue;
    for (const [target, value] of Object.entries(entry as Record<string, unknown>)) {
      if (typeof value === 'string') out.push({ target, ref: value.trim(), refLoc: locate(text, a, value.trim()) });
      else if (value && typeof value === 'object' && !Array.isArray(value)) out.push({ target, inline: value as JsonSchema });
    }
  }
  return out;
}

/** The span of `ref` inside the annotation's comment block. */
function locate(text: string, a: Annotation, ref: string): { start: number; end: number } | undefined {
  const at = text.slice(a.loc.start, a.loc.end).indexOf(ref);
  return at < 0 ? undefined : { start: a.loc.start + at, end: a.loc.start + at + ref.length };
}

/**
 * The file a reference names, or undefined when none exists. `exists` asks the host;
 * `root` bounds the upward search for the schema dir (the workspace folder).
 */
export function resolveSchemaFile(ref: string, docPath: string, root: string | undefined, exists: (path: string) => boolean): string | undefined {
  const docDir = dirOf(docPath);
  if (/\.json$/i.test(ref) && !ref.startsWith('schema.') && !ref.startsWith('schema[')) {
    const path = joinPath(docDir, ref);
    return exists(path) ? path : undefined;
  }
  const segments = schemaRefSegments(ref);
  if (!segments) return undefined;
  const rel = segments.join('/') + '.json';
  for (let dir = docDir; ; dir = dirOf(dir)) {
    for (const name of SCHEMA_DIRS) {
      const path = joinPath(joinPath(dir, name), rel);
      if (exists(path)) return path;
    }
    if (!root || dir === root || !isInside(dir, root) || dirOf(dir) === dir) return undefined;
  }
}

/** `schema.a.b` / `schema["a-b"].c` → ['a', 'b'] / ['a-b', 'c']; undefined when not a schema ref. */
export function schemaRefSegments(ref: string): string[] | undefined {
  if (!/^schema(\.|\[)/.test(ref)) return undefined;
  const segments: string[] = [];
  const re = /\.([A-Za-z_][\w-]*)|\[\s*"((?:[^"\\]|\\.)*)"\s*\]/y;
  re.lastIndex = 'schema'.length;
  while (re.lastIndex < ref.length) {
    const m = re.exec(ref);
    if (!m) return undefined;
    segments.push(m[1] ?? m[2]);
  }
  return segments.length > 0 ? segments : undefined;
}

const parsedSchemas = new Map<string, { text: string; schema?: JsonSchema }>();

/** A schema file's JSON, parsed once per text; undefined when it is not a JSON object. */
export function parseSchema(path: string, text: string): JsonSchema | undefined {
  const hit = parsedSchemas.get(path);
  if (hit && hit.text === text) return hit.schema;
  let schema: JsonSchema | undefined;
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) schema = v as JsonSchema;
  } catch {
    schema = undefined;
  }
  if (parsedSchemas.size > 64) parsedSchemas.clear();
  parsedSchemas.set(path, { text, schema });
  return schema;
}

/** Follows a local `$ref` (`#/definitions/x`, `#/$defs/x`) within the schema document. */
function deref(schema: JsonSchema, root: JsonSchema, depth = 0): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#') || depth > 16) return schema;
  let at: unknown = root;
  for (const part of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  }
  return at && typeof at === 'object' && !Array.isArray(at) ? deref(at as JsonSchema, root, depth + 1) : schema;
}

/** The schema and its `allOf`/`anyOf`/`oneOf` alternatives, dereferenced. */
function variants(schema: JsonSchema, root: JsonSchema): JsonSchema[] {
  const s = deref(schema, root);
  const out = [s];
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = s[key];
    if (Array.isArray(list)) for (const x of list) if (x && typeof x === 'object') out.push(...variants(x as JsonSchema, root));
  }
  return out;
}

/** The sub-schema at `segments` (property names, `[]` for array items or object values). */
export function schemaAt(schema: JsonSchema, segments: string[], root: JsonSchema = schema): JsonSchema | undefined {
  let current: JsonSchema[] = [schema];
  for (const seg of segments) {
    const next: JsonSchema[] = [];
    for (const v of current.flatMap((c) => variants(c, root))) {
      if (seg === '[]') {
        if (v.items && typeof v.items === 'object' && !Array.isArray(v.items)) next.push(v.items as JsonSchema);
        if (v.additionalProperties && typeof v.additionalProperties === 'object') next.push(v.additionalProperties as JsonSchema);
      } else {
        const props = v.properties as Record<string, JsonSchema> | undefined;
        if (props && typeof props[seg] === 'object') next.push(props[seg]);
      }
    }
    if (next.length === 0) return undefined;
    current = next;
  }
  return current.length === 1 ? current[0] : { allOf: current };
}

export interface SchemaProperty {
  name: string;
  type?: string;
  description?: string;
}

/** The properties a (sub-)schema declares, merged over its alternatives. */
export function schemaProperties(schema: JsonSchema, root: JsonSchema): SchemaProperty[] {
  const out = new Map<string, SchemaProperty>();
  for (const v of variants(schema, root)) {
    const props = v.properties;
    if (!props || typeof props !== 'object') continue;
    for (const [name, raw] of Object.entries(props as Record<string, unknown>)) {
      if (out.has(name) || !raw || typeof raw !== 'object') continue;
      const p = deref(raw as JsonSchema, root);
      const type = Array.isArray(p.type) ? p.type.join(' | ') : typeof p.type === 'string' ? p.type : undefined;
      const description = typeof p.description === 'string' ? p.description : typeof p.title === 'string' ? p.title : undefined;
      out.set(name, { name, type, description });
    }
  }
  return [...out.values()];
}
