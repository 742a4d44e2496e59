// String templates: interpolation and `%{if}` / `%{for}` directives, in quoted strings and heredocs.
import { soleInterpolation, type TemplateExpr, type TemplatePart } from '../ast';
import { Unknown, type Value } from '../values';
import { toBoolValue, toStringValue, typeName } from './convert';
import { evaluate, iterationPairs, unknownFrom } from './expressions';
import { looksLikeJson, PartialJson, partialJsonFromTemplate } from './json-template';
import { evalError, sourceOf, withBindings, type Scope } from './scope';

export function evaluateTemplate(expr: TemplateExpr, scope: Scope): Value {
  // A template that is exactly one interpolation yields the value itself, not its string form.
  const sole = soleInterpolation(expr);
  if (sole) return evaluate(sole, scope);
  const unknowns: Value[] = [];
  // Interpolated values are kept only for the two cases that read them again: JSON text, and an
  // instance of an expanded block (or a `for` element) whose text names its iteration values.
  const json = expr.parts.length > 1 && looksLikeJson(expr);
  const iterating = !json && expr.parts.length > 1 && inIteration(scope);
  const interpolated = json || iterating ? new Map<TemplatePart, Value>() : undefined;
  // For JSON text, the literals and interpolations it renders, with each `%{if}` of a known
  // condition replaced by its branch: a policy template's optional KMS statement
  // (`%{ if kms_key_arn != "" ~}`) must not hide the rest of the document.
  const rendered: RenderedParts | undefined = json ? { parts: [], simple: true } : undefined;
  const text = renderParts(expr.parts, scope, unknowns, interpolated, rendered);
  if (unknowns.length > 0 && text !== undefined && interpolated && (!json || rendered?.simple)) {
    const unknown = unknownFrom(scope, expr, unknowns);
    if (!json || !rendered) return withIterationValues(unknown, expr, scope, interpolated);
    // JSON text keeps its structure: only the interpolated leaves are unknown.
    const document = partialJsonFromTemplate(rendered.parts, interpolated, (p) => sourceOf(scope, p));
    return document ? new PartialJson(unknown.expr, unknown.refs, unknown.reason, document) : unknown;
  }
  if (unknowns.length > 0 || text === undefined) return unknownFrom(scope, expr, unknowns);
  return text;
}

function inIteration(scope: Scope): boolean {
  return scope.each !== undefined || scope.countIndex !== undefined || scope.bindings.size > 0;
}

/** `each`, `count` and the names a `for` binds. */
function iterationNames(scope: Scope): Set<string> {
  const names = new Set<string>(scope.bindings.keys());
  if (scope.each !== undefined) names.add('each');
  if (scope.countIndex !== undefined) names.add('count');
  return names;
}

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_-]*/g;

/**
 * The unknown text of one instance, with the interpolations that read its iteration values
 * (`each.value`, `var.names[count.index]`, a `for` element) replaced by their known scalar values:
 * every instance of `"arn:${data.aws_partition.current.partition}:iam::aws:policy/${each.value}"`
 * would otherwise carry the same text, and a rule could not tell which policy it names.
 * Interpolations of module-wide names (`var.x`, `local.y`) keep their source, as everywhere else.
 */
function withIterationValues(unknown: Unknown, expr: TemplateExpr, scope: Scope, values: Map<TemplatePart, Value>): Unknown {
  const names = iterationNames(scope);
  const source = scope.file.text;
  let text = '';
  let at = expr.start;
  for (const part of expr.parts) {
    if (part.kind !== 'TemplateInterpolation' || part.stripLeft || part.stripRight) continue;
    const v = values.get(part);
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') continue;
    if (!readsAny(source.slice(part.expr.start, part.expr.end), names)) continue;
    text += source.slice(at, part.start) + escapeLiteral(toStringValue(v) ?? '', expr.heredoc !== undefined);
    at = part.end;
  }
  if (at === expr.start) return unknown;
  return new InstanceText(text + source.slice(at, expr.end), unknown.refs, unknown.reason);
}

/** An unknown template whose text shows its instance's iteration values (kept by `evaluate`). */
export class InstanceText extends Unknown {}

/** Whether the expression text uses one of the names as a root (not as an attribute: `x.each`). */
function readsAny(text: string, names: ReadonlySet<string>): boolean {
  IDENTIFIER.lastIndex = 0;
  for (let m = IDENTIFIER.exec(text); m !== null; m = IDENTIFIER.exec(text)) {
    if (names.has(m[0]) && (m.index === 0 || text[m.index - 1] !== '.')) return true;
  }
  return false;
}

/** A value written back as template literal text, so the unknown text still reads as source. */
function escapeLiteral(value: string, heredoc: boolean): string {
  const text = value.replace(/\$\{/g, '$$${').replace(/%\{/g, '%%{');
  if (heredoc) return text;
  return text.replace(/[\\"\n\r\t]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : '\\' + c));
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
