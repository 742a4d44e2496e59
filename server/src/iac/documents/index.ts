// The documents front end: a YAML or JSON file (Kubernetes manifests, CloudFormation, any config)
// → its parsed documents, each with the range it spans, for rule packs that want the raw parsed
// document as input (Conftest's shape). Multi-document YAML yields one entry per document.
// Never throws: syntax errors become diagnostics and the documents that parsed are kept.
import { parseAllDocuments } from 'yaml';
import { YAML_DOCUMENT_NESTING, yamlTooDeep } from '../yaml-depth';
import type { FrontEndDiagnostic } from '../model';

export interface ParsedDocument {
  /** Position of the document in its file (0 for JSON and single-document YAML). */
  index: number;
  /** The document as plain JSON data (YAML anchors resolved, keys as strings). */
  value: unknown;
  /** UTF-16 offsets of the document's content in the file. */
  start: number;
  end: number;
}

export interface DocumentsResult {
  file: string;
  documents: ParsedDocument[];
  diagnostics: FrontEndDiagnostic[];
}

const DOCUMENT_FILE = /\.(ya?ml|json)$/i;

/** Whether a path is a file this front end reads (`.yaml`, `.yml`, `.json`). */
export function isDocumentFile(path: string): boolean {
  return DOCUMENT_FILE.test(path);
}

/** Caps how many documents of one file become inputs (a generated 50,000-document stream stays bounded). */
const MAX_DOCUMENTS = 1_000;

export function parseDocuments(text: string, file: string): DocumentsResult {
  const out: DocumentsResult = { file, documents: [], diagnostics: [] };
  const deep = yamlTooDeep(text, YAML_DOCUMENT_NESTING);
  if (deep !== undefined) {
    out.diagnostics.push({ file, start: deep, end: deep + 1, severity: 'error', code: 'document-parse', message: `cannot parse: nested more than ${YAML_DOCUMENT_NESTING} levels deep` });
    return out;
  }
  let parsed;
  try {
    // JSON is YAML 1.2; `uniqueKeys: false` keeps the last value like JSON.parse does.
    parsed = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false });
  } catch (err) {
    out.diagnostics.push({ file, start: 0, end: 0, severity: 'error', code: 'document-parse', message: `cannot parse: ${err instanceof Error ? err.message : String(err)}` });
    return out;
  }
  const docs = Array.isArray(parsed) ? parsed : [];
  for (const doc of docs.slice(0, MAX_DOCUMENTS)) {
    const errors = doc.errors ?? [];
    for (const e of errors.slice(0, 3)) {
      const [start, end] = e.pos ?? [0, 0];
      out.diagnostics.push({ file, start, end, severity: 'error', code: 'document-parse', message: e.message.split('\n')[0] });
    }
    if (errors.length > 0 || doc.contents === null) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1_000 });
    } catch (err) {
      out.diagnostics.push({ file, start: doc.range[0], end: doc.range[1], severity: 'error', code: 'document-parse', message: err instanceof Error ? err.message : String(err) });
      continue;
    }
    const range = doc.contents.range ?? doc.range;
    out.documents.push({ index: out.documents.length, value: plainJson(value), start: range[0], end: range[1] });
  }
  if (docs.length > MAX_DOCUMENTS) out.diagnostics.push({ file, start: 0, end: 0, severity: 'warning', code: 'document-limit', message: `only the first ${MAX_DOCUMENTS} documents of ${docs.length} are checked` });
  return out;
}

/** YAML values that JSON has no form for (dates, Maps with non-string keys, binary) as JSON data. */
function plainJson(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainJson);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), plainJson(v)]));
  if (value instanceof Set) return [...value].map(plainJson);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, plainJson(v)]));
  return null;
}
