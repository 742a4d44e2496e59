// JSON written as a Terraform string (heredoc or quoted) that interpolates: the text is read with
// each interpolation standing in as a marker, so the JSON structure stays readable when some
// interpolations are unknown. Two uses: the source map of any JSON string attribute (every key
// and element placed, interpolations included), and the partially known value of JSON text (or
// of `jsonencode(...)`) whose interpolated leaves are unknown: only those leaves become unknown.
import type { SourceMapNode, SourceRange } from '../../model';
import type { TemplateExpr, TemplateInterpolation, TemplateLiteral, TemplatePart } from '../ast';
import { literalOffsets, readJsonSpans, type JsonSpanNode } from '../json-spans';
import { collectRefs, containsUnknown, isObject, Unknown, type Value, type ValueObject } from '../values';
import { toStringValue } from './convert';

type SimplePart = TemplateLiteral | TemplateInterpolation;

/**
 * JSON text (a heredoc, a quoted string, `jsonencode(...)`, `templatefile(...)`) that is unknown
 * as a string because some leaves are unknown, while its structure is known. Evaluation treats it
 * as the unknown it is; the model shows `document`, the decoded JSON with only those leaves
 * unknown, so a rule still sees `"Principal": "*"` next to `"Resource": {"$unknown": …}`, or a
 * container's `"privileged": true` next to an unknown `"image"` (docs/model.md).
 */
export class PartialJson extends Unknown {
  constructor(expr: string, refs: readonly string[], reason: string | undefined, readonly document: ValueObject | Value[]) {
    super(expr, refs, reason);
  }

  /** The same value labelled with another expression's text. */
  relabel(expr: string): PartialJson {
    return new PartialJson(expr, this.refs, this.reason, this.document);
  }
}

/** `jsonencode(x)` of an object or list holding unknowns, as a PartialJson. */
export function partialJsonencode(arg: Value, callText: string): PartialJson | undefined {
  if (!(isObject(arg) || Array.isArray(arg)) || !containsUnknown(arg)) return undefined;
  return new PartialJson(callText, [...collectRefs(arg)], firstUnknownReason(arg), arg);
}

function firstUnknownReason(v: Value): string | undefined {
  if (v instanceof Unknown) return v.reason;
  const children = Array.isArray(v) ? v : isObject(v) ? Object.values(v) : [];
  for (const c of children) {
    const r = firstUnknownReason(c);
    if (r !== undefined) return r;
  }
  return undefined;
}

/** Private-use characters: valid inside a JSON string, never typed in a policy. */
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const MARKER = /\uE000(\d+)\uE001/g;

/** The parts when the template has only literals and interpolations (no %{if}/%{for}). */
function simpleParts(expr: TemplateExpr): SimplePart[] | undefined {
  for (const p of expr.parts) if (p.kind !== 'TemplateLiteral' && p.kind !== 'TemplateInterpolation') return undefined;
  return expr.parts as SimplePart[];
}

/** Whether the first literal text of the template opens a JSON object or array. */
export function looksLikeJson(expr: TemplateExpr): boolean {
  const first = expr.parts[0];
  if (first?.kind !== 'TemplateLiteral') return false;
  const t = first.value;
  let i = 0;
  while (i < t.length && (t[i] === ' ' || t[i] === '\n' || t[i] === '\r' || t[i] === '\t')) i++;
  return t[i] === '{' || t[i] === '[';
}

/** Tracks whether the JSON text written so far ends inside a string literal. */
class StringState {
  inString = false;
  feed(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (this.inString) {
        if (c === '\\') i++;
        else if (c === '"') this.inString = false;
      } else if (c === '"') this.inString = true;
    }
  }
  /** A marker for interpolation `n`: bare inside a string, a whole string outside one. */
  marker(n: number): string {
    const m = `${MARK_OPEN}${n}${MARK_CLOSE}`;
    return this.inString ? m : `"${m}"`;
  }
}

/**
 * Source map fields/items of a JSON template, in file offsets; undefined when it is not a
 * well-formed JSON object or array once each interpolation is read as a placeholder.
 */
export function jsonTemplateNode(expr: TemplateExpr, fileText: string, file: string): Pick<SourceMapNode, 'fields' | 'items'> | undefined {
  const parts = simpleParts(expr);
  if (!parts || !looksLikeJson(expr)) return undefined;
  let text = '';
  const offsets: number[] = [];
  const state = new StringState();
  for (const part of parts) {
    if (part.kind === 'TemplateLiteral') {
      const local = literalOffsets(fileText.slice(part.start, part.end), part.value);
      if (!local) return undefined;
      for (let i = 0; i < part.value.length; i++) offsets.push(part.start + local[i]);
      text += part.value;
      state.feed(part.value);
    } else {
      const m = state.marker(offsets.length);
      // Every placeholder character stands for the interpolation; the last one for its end.
      for (let i = 0; i < m.length; i++) offsets.push(i === m.length - 1 ? part.end - 1 : part.start);
      text += m;
    }
  }
  const spans = readJsonSpans(text);
  if (!spans || (!spans.members && !spans.items)) return undefined;
  const at = (i: number) => offsets[i];
  // A quoted HCL string writes a JSON quote as `\"`: the range starts at the backslash.
  const startAt = (i: number) => (fileText[at(i) - 1] === '\\' && text[i] === '"' ? at(i) - 1 : at(i));
  const range = (start: number, end: number): SourceRange => ({ file, start: startAt(start), end: at(end - 1) + 1 });
  const convert = (node: JsonSpanNode): SourceMapNode => {
    const out: SourceMapNode = { range: range(node.start, node.end), valueRange: range(node.start, node.end) };
    if (node.items) out.items = node.items.map(convert);
    if (node.members) {
      out.fields = {};
      for (const [key, m] of node.members) {
        out.fields[key] = { ...convert(m.value), range: range(m.start, m.value.end), nameRange: range(m.keyStart, m.keyEnd) };
      }
    }
    return out;
  };
  const root = convert(spans);
  return root.fields ? { fields: root.fields } : { items: root.items };
}

/**
 * The JSON a template renders when some interpolations are unknown: the text read with known
 * interpolations in place and unknown ones as placeholders; a string holding a placeholder
 * becomes an Unknown (its text with the interpolation's source), everything else is known.
 * `rendered` is the template's parts as they render (known `%{if}`s replaced by their branch,
 * templates.ts); `values` holds each interpolation's evaluated value; undefined when the template
 * is not such JSON (not an object or array once read, a directive left, an unknown object key).
 */
export function partialJsonFromTemplate(
  rendered: readonly TemplatePart[],
  values: ReadonlyMap<TemplatePart, Value>,
  sourceOf: (part: TemplatePart) => string,
): ValueObject | Value[] | undefined {
  for (const p of rendered) if (p.kind !== 'TemplateLiteral' && p.kind !== 'TemplateInterpolation') return undefined;
  const parts = rendered as readonly SimplePart[];
  let text = '';
  const unknowns: { source: string; value: Unknown }[] = [];
  const state = new StringState();
  for (const part of parts) {
    if (part.kind === 'TemplateLiteral') {
      text += part.value;
      state.feed(part.value);
      continue;
    }
    const v = values.get(part);
    if (v === undefined) return undefined;
    if (v instanceof Unknown) {
      text += state.marker(unknowns.length);
      unknowns.push({ source: sourceOf(part), value: v });
      continue;
    }
    // Known values are spliced in as Terraform would: raw text, whatever it contains.
    const s = v === null ? undefined : toStringValue(v);
    if (s === undefined) return undefined;
    text += s;
    state.feed(s);
  }
  if (unknowns.length === 0) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object') return undefined;
  let bad = false;
  const restore = (v: unknown): Value => {
    if (typeof v === 'string') return v.includes(MARK_OPEN) ? unknownLeaf(v, unknowns) : v;
    if (Array.isArray(v)) return v.map(restore);
    if (v !== null && typeof v === 'object') {
      const out: ValueObject = {};
      for (const [k, x] of Object.entries(v)) {
        if (k.includes(MARK_OPEN)) bad = true;
        out[k] = restore(x);
      }
      return out;
    }
    return v as Value;
  };
  const doc = restore(parsed);
  return bad || !(isObject(doc) || Array.isArray(doc)) ? undefined : doc;
}

/** A JSON string holding placeholders: the one unknown itself, or an unknown string built on it. */
function unknownLeaf(s: string, unknowns: { source: string; value: Unknown }[]): Value {
  const whole = /^\uE000(\d+)\uE001$/.exec(s);
  if (whole) return unknowns[Number(whole[1])]?.value ?? new Unknown(s);
  const used: Unknown[] = [];
  const expr = s.replace(MARKER, (_, n: string) => {
    const u = unknowns[Number(n)];
    if (!u) return '';
    used.push(u.value);
    return u.source;
  });
  const refs = new Set<string>();
  for (const u of used) collectRefs(u, refs);
  return new Unknown(expr, [...refs], used[0]?.reason);
}
