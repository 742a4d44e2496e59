// JSON values → the expression nodes the HCL parser produces, so the evaluator reads a `.tf.json`
// attribute exactly as it reads the same attribute written in native syntax. Three readings, as
// Terraform's JSON syntax defines them per argument:
// - `template`: strings are string templates (`"${var.x}"`); objects and arrays hold more of the same;
// - `literal`: strings are taken as they are (variable defaults, module `source`, `terraform` settings);
// - `expression`: strings hold a bare expression (`depends_on`, `provider`, a variable's `type`).
// Every node's span points into the JSON text, so source maps and hovers land on the JSON.
import type { Expr, ObjectItem, ParseDiagnostic, Span, TemplateExpr } from '../ast';
import type { JsonNode } from '../../json-reader';
import { parseTerraformExpression, parseTerraformTemplate } from '../parser';

export type ValueMode = 'template' | 'literal' | 'expression';

export class ValueReader {
  readonly diagnostics: ParseDiagnostic[] = [];

  constructor(private readonly text: string) {}

  /** The expression a JSON value stands for under `mode` (object members and array items keep the mode). */
  expr(node: JsonNode, mode: ValueMode): Expr {
    switch (node.kind) {
      case 'string':
        return this.string(node, mode);
      case 'number':
        return { kind: 'Literal', value: node.value, raw: this.text.slice(node.start, node.end), start: node.start, end: node.end };
      case 'boolean':
        return { kind: 'Literal', value: node.value, raw: node.value ? 'true' : 'false', start: node.start, end: node.end };
      case 'null':
        return { kind: 'Literal', value: null, raw: 'null', start: node.start, end: node.end };
      case 'array':
        return { kind: 'Tuple', items: node.items.map((item) => this.expr(item, mode)), start: node.start, end: node.end };
      case 'object': {
        const items: ObjectItem[] = node.members.map((m) => {
          const keyNode: JsonNode = { kind: 'string', value: m.key, start: m.keyStart, end: m.keyEnd };
          // Keys are read as values are: templates, literal text, or bare expressions (module `providers`).
          const key = this.string(keyNode, mode);
          const value = this.expr(m.value, mode);
          return { key, value, start: m.keyStart, end: value.end };
        });
        return { kind: 'Object', items, start: node.start, end: node.end };
      }
    }
  }

  /** A JSON string token (quotes included in `node`'s span) read under `mode`. */
  string(node: JsonNode & { kind: 'string' }, mode: ValueMode): Expr {
    if (mode === 'expression') return this.parsed(node, (src) => {
      const r = parseTerraformExpression(src);
      return { node: r.expr, diagnostics: r.diagnostics };
    });
    if (mode === 'literal' || !(node.value.includes('${') || node.value.includes('%{'))) return literalTemplate(node);
    const template = this.parsed(node, (src) => {
      const r = parseTerraformTemplate(src);
      return { node: r.template, diagnostics: r.diagnostics };
    });
    // `"${expr}"` alone is the expression's value itself (Terraform's rule for JSON strings): keep
    // the expression, as native syntax writes it, so unknowns and references read the same.
    const only = template.kind === 'Template' && template.parts.length === 1 ? template.parts[0] : undefined;
    return only?.kind === 'TemplateInterpolation' && !only.stripLeft && !only.stripRight ? only.expr : template;
  }

  /** Parses the decoded string with `parse`, then moves every span from the decoded text onto the JSON text. */
  private parsed(node: JsonNode & { kind: 'string' }, parse: (src: string) => { node: Expr; diagnostics: ParseDiagnostic[] }): Expr {
    const offsets = decodedOffsets(this.text, node.start, node.end);
    const result = parse(node.value);
    const at = (i: number) => offsets[Math.max(0, Math.min(i, offsets.length - 1))];
    remapSpans(result.node, at);
    for (const d of result.diagnostics) this.diagnostics.push({ ...d, start: at(d.start), end: at(d.end) });
    if (result.node.kind === 'Template') {
      // The whole JSON string, quotes included, is the template (as a quoted template in native syntax).
      result.node.start = node.start;
      result.node.end = node.end;
    }
    return result.node;
  }
}

/** A template of one literal part: the string exactly as JSON decodes it. */
export function literalTemplate(node: { value: string; start: number; end: number }): TemplateExpr {
  return {
    kind: 'Template',
    parts: [{ kind: 'TemplateLiteral', value: node.value, start: node.start + 1, end: Math.max(node.start + 1, node.end - 1) }],
    start: node.start,
    end: node.end,
  };
}

/**
 * For the JSON string token at [start, end) of `text`, the text offset of every UTF-16 index of its
 * decoded value (plus one past the end): escapes such as `\"` or `\u00e9` take more room in the text.
 */
export function decodedOffsets(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  const last = Math.max(start + 1, end - 1);
  let i = start + 1;
  while (i < last) {
    out.push(i);
    if (text.charCodeAt(i) === 0x5c) i += text[i + 1] === 'u' ? 6 : 2;
    else i++;
  }
  out.push(Math.min(i, last));
  return out;
}

/** Rewrites every `start`/`end` in a freshly parsed tree (each node once, even when shared). */
function remapSpans(root: object, at: (offset: number) => number): void {
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const node = value as Partial<Span> & Record<string, unknown>;
    if (typeof node.start === 'number' && typeof node.end === 'number') {
      node.start = at(node.start);
      node.end = at(node.end);
    }
    for (const key of Object.keys(node)) if (key !== 'start' && key !== 'end') visit(node[key]);
  };
  visit(root);
}
