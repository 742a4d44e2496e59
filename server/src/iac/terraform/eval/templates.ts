// String templates: interpolation and `%{if}` / `%{for}` directives, in quoted strings and heredocs.
import type { TemplateExpr, TemplatePart } from '../ast';
import { Unknown, type Value } from '../values';
import { toBoolValue, toStringValue, typeName } from './convert';
import { evaluate, iterationPairs, unknownFrom } from './expressions';
import { looksLikeJson, PartialJson, partialJsonFromTemplate } from './json-template';
import { evalError, sourceOf, withBindings, type Scope } from './scope';

export function evaluateTemplate(expr: TemplateExpr, scope: Scope): Value {
  // A template that is exactly one interpolation yields the value itself, not its string form.
  if (expr.parts.length === 1 && expr.parts[0].kind === 'TemplateInterpolation' && !expr.heredoc) {
    return evaluate(expr.parts[0].expr, scope);
  }
  const unknowns: Value[] = [];
  // Interpolated values are kept only for JSON text, the one case that reads them again.
  const interpolated = expr.parts.length > 1 && looksLikeJson(expr) ? new Map<TemplatePart, Value>() : undefined;
  // For JSON text, the literals and interpolations it renders, with each `%{if}` of a known
  // condition replaced by its branch: a policy template's optional KMS statement
  // (`%{ if kms_key_arn != "" ~}`) must not hide the rest of the document.
  const rendered: RenderedParts | undefined = interpolated ? { parts: [], simple: true } : undefined;
  const text = renderParts(expr.parts, scope, unknowns, interpolated, rendered);
  if (unknowns.length > 0 && text !== undefined && interpolated && rendered?.simple) {
    const unknown = unknownFrom(scope, expr, unknowns);
    // JSON text keeps its structure: only the interpolated leaves are unknown.
    const document = partialJsonFromTemplate(rendered.parts, interpolated, (p) => sourceOf(scope, p));
    return document ? new PartialJson(unknown.expr, unknown.refs, unknown.reason, document) : unknown;
  }
  if (unknowns.length > 0 || text === undefined) return unknownFrom(scope, expr, unknowns);
  return text;
}

/** The literal and interpolation parts a template rendered; `simple` is false once a `%{for}` or an unknown `%{if}` was met. */
interface RenderedParts {
  parts: TemplatePart[];
  simple: boolean;
}

/**
 * Render parts to a string; Unknown pieces are collected in `unknowns` (result then meaningless).
 * `interpolated`, when given, receives the value of each interpolation among `parts` and the
 * branches of known `%{if}`s; `rendered` the parts in the order they render.
 */
function renderParts(
  parts: TemplatePart[],
  scope: Scope,
  unknowns: Value[],
  interpolated?: Map<TemplatePart, Value>,
  rendered?: RenderedParts,
): string | undefined {
  let out = '';
  let failed = false;
  // Indexed: a for…of allocates an iterator result per step in V8's baseline tier.
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    switch (part.kind) {
      case 'TemplateLiteral':
        // The parser has already applied `~` strip markers and heredoc indentation to literals.
        out += part.value;
        rendered?.parts.push(part);
        break;
      case 'TemplateInterpolation': {
        const v = evaluate(part.expr, scope);
        interpolated?.set(part, v);
        rendered?.parts.push(part);
        if (v instanceof Unknown) {
          unknowns.push(v);
          break;
        }
        const s = v === null ? undefined : toStringValue(v);
        if (s === undefined) {
          evalError(scope, part.expr, 'tf-template-value',
            v === null ? 'a template cannot include a null value' : `a template cannot include a ${typeName(v)}; string required`);
          failed = true;
          break;
        }
        out += s;
        break;
      }
      case 'TemplateIf': {
        const c = evaluate(part.cond, scope);
        if (c instanceof Unknown) {
          unknowns.push(c);
          if (rendered) rendered.simple = false;
          break;
        }
        const b = toBoolValue(c);
        if (b === undefined) {
          evalError(scope, part.cond, 'tf-type', `the %{if} condition must be a bool, got ${typeName(c)}`);
          failed = true;
          break;
        }
        const branch = b ? part.then : part.else ?? [];
        const s = renderParts(branch, scope, unknowns, interpolated, rendered);
        if (s === undefined) failed = true;
        else out += s;
        break;
      }
      case 'TemplateFor': {
        // Its body's parts render once per element, each in its own scope: not read back as JSON.
        if (rendered) rendered.simple = false;
        const coll = evaluate(part.collection, scope);
        if (coll instanceof Unknown) {
          unknowns.push(coll);
          break;
        }
        const pairs = coll === null ? undefined : iterationPairs(coll);
        if (!pairs) {
          evalError(scope, part.collection, 'tf-type', `%{for} cannot iterate over a ${typeName(coll)}`);
          failed = true;
          break;
        }
        for (const [k, v] of pairs) {
          const names: Record<string, Value> = { [part.valueVar.name]: v };
          if (part.keyVar) names[part.keyVar.name] = k;
          const s = renderParts(part.body, withBindings(scope, names), unknowns);
          if (s === undefined) failed = true;
          else out += s;
        }
        break;
      }
    }
  }
  return failed ? undefined : out;
}
