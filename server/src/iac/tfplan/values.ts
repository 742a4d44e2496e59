// Plan/state values → model values shaped like the HCL front end's (docs/model.md): null members
// left out (an unset attribute is absent), IAM policy JSON strings parsed, and `after_unknown`
// leaves turned into `{"$unknown": …}`.
import type { ModelReference, ModelValue } from '../model';

/** A JSON value from the plan as the model shows it. */
export function toModelValue(value: unknown): ModelValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return parsedPolicy(value) ?? value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toModelValue);
  if (typeof value === 'object') {
    const out: { [key: string]: ModelValue } = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== null && v !== undefined) out[k] = toModelValue(v);
    return out;
  }
  return null;
}

/** Like the HCL front end: a string holding a JSON object with `Statement` is the parsed object. */
function parsedPolicy(text: string): ModelValue | undefined {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') || !text.includes('Statement')) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && 'Statement' in parsed) return toModelValue(parsed);
  } catch {
    // Not JSON: the string stays a string.
  }
  return undefined;
}

/** True when an `after_unknown` mask marks anything unknown. */
export function hasUnknown(mask: unknown): boolean {
  if (mask === true) return true;
  if (Array.isArray(mask)) return mask.some(hasUnknown);
  if (mask && typeof mask === 'object') return Object.values(mask).some(hasUnknown);
  return false;
}

/** `value` with every leaf that `mask` marks `true` replaced by `{"$unknown": describe(path)}`. */
export function overlayUnknown(value: ModelValue | undefined, mask: unknown, describe: (path: (string | number)[]) => string, path: (string | number)[] = []): ModelValue | undefined {
  if (mask === true) return { $unknown: describe(path) };
  if (!hasUnknown(mask)) return value;
  if (Array.isArray(mask)) {
    const items = Array.isArray(value) ? value.slice() : [];
    mask.forEach((m, i) => {
      const next = overlayUnknown(items[i], m, describe, [...path, i]);
      items[i] = next === undefined ? null : next;
    });
    return items;
  }
  const base = value && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {};
  for (const [key, m] of Object.entries(mask as Record<string, unknown>)) {
    const next = overlayUnknown(base[key], m, describe, [...path, key]);
    if (next !== undefined) base[key] = next;
  }
  return base;
}

const SKIPPED_ROOTS = new Set(['var', 'local', 'each', 'count', 'path', 'terraform', 'self']);

/**
 * One reference string from a plan's configuration (`aws_s3_bucket.logs.id`, `data.x.y`,
 * `module.m.out`, `aws_x.y[0].arn`) as a model reference, or undefined for variables, locals, ….
 */
export function parseReference(text: string, modulePrefix: string, path: (string | number)[]): ModelReference | undefined {
  const root = text.split(/[.[]/, 1)[0];
  if (SKIPPED_ROOTS.has(root)) return undefined;
  const prefix = modulePrefix ? `${modulePrefix}.` : '';
  const moduleRef = /^module\.([\w-]+)((?:\[[^\]]*\])?)(?:\.([\w-]+))?/.exec(text);
  if (moduleRef) return withAttribute({ path, target: `${prefix}module.${moduleRef[1]}${moduleRef[2]}` }, moduleRef[3]);
  const resourceRef = /^(data\.)?([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)((?:\[[^\]]*\])?)(?:\.([\w-]+))?/.exec(text);
  if (!resourceRef) return undefined;
  return withAttribute({ path, target: `${prefix}${resourceRef[1] ?? ''}${resourceRef[2]}.${resourceRef[3]}${resourceRef[4]}` }, resourceRef[5]);
}

function withAttribute(ref: ModelReference, attribute: string | undefined): ModelReference {
  return attribute ? { ...ref, attribute } : ref;
}

/**
 * The references of a configuration `expressions` object, by path. Terraform lists both
 * `aws_x.y.id` and `aws_x.y` for one traversal; the whole-object one is dropped then.
 */
export function referencesOfExpressions(expressions: unknown, modulePrefix: string): ModelReference[] {
  const out: ModelReference[] = [];
  const visit = (node: unknown, path: (string | number)[]): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, [...path, i]));
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (Array.isArray(record.references) || 'constant_value' in record) {
      const refs = (Array.isArray(record.references) ? record.references : []).filter((r): r is string => typeof r === 'string');
      const parsed = refs.map((r) => parseReference(r, modulePrefix, path)).filter((r): r is ModelReference => r !== undefined);
      const withAttr = new Set(parsed.filter((r) => r.attribute).map((r) => r.target));
      const seen = new Set<string>();
      for (const r of parsed) {
        const key = `${r.target}|${r.attribute ?? ''}`;
        if ((!r.attribute && withAttr.has(r.target)) || seen.has(key)) continue;
        seen.add(key);
        out.push(r);
      }
      return;
    }
    // A nested block written as one object (older formats), else an object of expressions.
    for (const [key, value] of Object.entries(record)) visit(value, [...path, key]);
  };
  if (expressions && typeof expressions === 'object' && !Array.isArray(expressions)) {
    for (const [key, value] of Object.entries(expressions as Record<string, unknown>)) visit(value, [key]);
  }
  return out;
}
