// `data "aws_iam_policy_document"`: the rendered `json` / `minified_json`, and for the model a
// partially known rendering when some inputs are unknown (statements keep their known actions,
// unknown leaves become `{"$unknown": …}`), so policies can still read what is known.
import type { ModelValue } from '../../model';
import { PolicyDocumentError, renderIamPolicyDocument, renderIamPolicyDocumentMinified } from '../iam-policy-document';
import { isObject, Unknown, type Value, type ValueObject } from '../values';

export function renderPolicyAttributes(config: ValueObject, address: string): { json: Value; minified: Value; error?: string } {
  try {
    return { json: renderIamPolicyDocument(config, address), minified: renderIamPolicyDocumentMinified(config, address) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const unknown = (attr: string) => new Unknown(`${address}.${attr}`, [], `the policy document is invalid: ${message}`);
    return { json: unknown('json'), minified: unknown('minified_json'), error: err instanceof PolicyDocumentError ? message : `internal error: ${message}` };
  }
}

/** The document with unknown leaves standing in as `{"$unknown": expr}`; undefined if it cannot render. */
export function partialPolicyDocument(config: ValueObject, address: string): ModelValue | undefined {
  const tokens = new Map<string, Unknown>();
  const substitute = (v: Value): Value => {
    if (v instanceof Unknown) {
      const token = `\u0000palisade-unknown-${tokens.size}\u0000`;
      tokens.set(token, v);
      return token;
    }
    if (Array.isArray(v)) return v.map(substitute);
    if (isObject(v)) {
      const out: ValueObject = {};
      for (const k in v) out[k] = substitute(v[k]);
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
  const restore = (v: unknown): ModelValue => {
    if (typeof v === 'string') {
      const u = tokens.get(v);
      return u ? { $unknown: u.expr } : v;
    }
    if (Array.isArray(v)) return v.map(restore);
    if (v !== null && typeof v === 'object') {
      const out: { [k: string]: ModelValue } = {};
      for (const [k, x] of Object.entries(v)) out[tokens.has(k) ? `$unknown:${tokens.get(k)!.expr}` : k] = restore(x);
      return out;
    }
    return v as ModelValue;
  };
  try {
    return restore(JSON.parse(json));
  } catch {
    return undefined;
  }
}
