// `data "aws_iam_policy_document"`: the rendered `json` / `minified_json`; when some inputs are
// unknown, a PartialJson: unknown to evaluation, but the model (of the data source and of every
// attribute that reads `.json`) shows the document with only those leaves unknown, so policies can
// still read what is known (statements keep their known actions and principals), also through
// documents merged from other partially known documents.
import { PolicyDocumentError, renderIamPolicyDocument, renderIamPolicyDocumentMinified } from '../iam-policy-document';
import { isObject, Unknown, type Value, type ValueObject } from '../values';
import { PartialJson } from './json-template';

export function renderPolicyAttributes(config: ValueObject, address: string): { json: Value; minified: Value; error?: string } {
  let json: Value;
  let minified: Value;
  try {
    json = renderIamPolicyDocument(config, address);
    minified = renderIamPolicyDocumentMinified(config, address);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const unknown = (attr: string) => new Unknown(`${address}.${attr}`, [], `the policy document is invalid: ${message}`);
    return { json: unknown('json'), minified: unknown('minified_json'), error: err instanceof PolicyDocumentError ? message : `internal error: ${message}` };
  }
  // Unknown inputs (typically a computed ARN in `resources`): the document is still known around
  // them, and travels as such to whatever reads `.json` (a bucket policy's `policy`, a module input).
  if (json instanceof Unknown) {
    const document = partialPolicyValue(config, address);
    if (document !== undefined) {
      json = new PartialJson(json.expr, json.refs, json.reason, document);
      if (minified instanceof Unknown) minified = new PartialJson(minified.expr, minified.refs, minified.reason, document);
    }
  }
  return { json, minified };
}

/** The statement arguments that are lists of strings (sets, for the provider). */
const SET_ATTRIBUTES = new Set(['actions', 'not_actions', 'resources', 'not_resources', 'identifiers', 'values']);

/**
 * The document rendered with each unknown input standing in as a token, parsed back with the
 * tokens restored as those unknowns (an unknown map key becomes `$unknown:<expr>`, as the model
 * writes it); undefined if it cannot render.
 */
export function partialPolicyValue(config: ValueObject, address: string): ValueObject | undefined {
  // A wholly unknown list of merged documents (`source_policy_documents = concat(..., cond ? [..]
  // : [])`) is not a list the renderer can read: as a token it merged nothing, and the document
  // looked known without the statements the sources add. Overrides may replace this document's
  // own statements by Sid, so nothing is known for sure; sources cannot (own statements are merged
  // after them), so the document keeps its own statements beside an unknown standing for theirs.
  const wholeUnknown = (v: Value | undefined): v is Unknown => v instanceof Unknown && !(v instanceof PartialJson);
  if (wholeUnknown(config.override_policy_documents)) return undefined;
  const unknownSources = wholeUnknown(config.source_policy_documents) ? config.source_policy_documents : undefined;
  if (unknownSources) config = { ...config, source_policy_documents: [] };
  const tokens = new Map<string, Unknown>();
  const substitute = (v: Value, key?: string): Value => {
    // A merged document (`source_policy_documents = [data.aws_iam_policy_document.x.json]`, or a
    // partially known `jsonencode`) is itself partially known: merge its known statements, its
    // unknown leaves standing in as tokens too.
    if (v instanceof PartialJson) return JSON.stringify(substitute(v.document as Value));
    if (v instanceof Unknown) {
      const token = `\u0000palisade-unknown-${tokens.size}\u0000`;
      tokens.set(token, v);
      // A whole unknown list (`resources = var.arns`) stands in as a list of one token: as a bare
      // string the renderer, which reads lists only, dropped it, and the statement lost its
      // Resource, Action or principal identifiers rather than showing them unknown.
      return key !== undefined && SET_ATTRIBUTES.has(key) ? [token] : token;
    }
    if (Array.isArray(v)) return v.map((x) => substitute(x));
    if (isObject(v)) {
      const out: ValueObject = {};
      for (const k in v) out[k] = substitute(v[k], k);
      return out;
    }
    return v;
  };
  let json: Value;
  try {
    json = renderIamPolicyDocument(substitute(config) as ValueObject, address);
  } catch {
    return undefined;
  }
  if (typeof json !== 'string') return undefined;
  const restore = (v: unknown): Value => {
    if (typeof v === 'string') return tokens.get(v) ?? v;
    if (Array.isArray(v)) return v.map(restore);
    if (v !== null && typeof v === 'object') {
      const out: ValueObject = {};
      for (const [k, x] of Object.entries(v)) out[tokens.has(k) ? `$unknown:${tokens.get(k)!.expr}` : k] = restore(x);
      return out;
    }
    return v as Value;
  };
  try {
    const document = restore(JSON.parse(json));
    if (!isObject(document)) return undefined;
    if (unknownSources) {
      const own = document.Statement;
      document.Statement = [unknownSources, ...(Array.isArray(own) ? own : own === undefined ? [] : [own])];
    }
    return document;
  } catch {
    return undefined;
  }
}
