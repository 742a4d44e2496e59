// Input variables: values from terraform.tfvars, *.auto.tfvars and extra var files (later wins,
// as on Terraform's command line), defaults, nullability and type conversion, with provenance.
// A default that is literal data is resolved once per declaration and shared by later runs
// (`literalDefaults`: why that is exact is there).
import type { Attribute, Block, Expr, ParsedFile } from '../ast';
import { isObject, Unknown, type Value } from '../values';
import { attributesOf, headerSpan, type BlockDecl } from './decls';
import { evaluate } from './expressions';
import { constantScope, type ModuleEnv, type Scope } from './scope';
import { convertToType, parseTypeConstraint } from './types';
import type { UnitContext } from './unit';

/** A value given for a variable from outside the module, and where it came from. */
export interface GivenValue {
  value: Value;
  /** Provenance line, e.g. "terraform.tfvars:3". */
  origin: string;
  /** Where to report a conversion error. */
  file: ParsedFile;
  expr: Expr;
}

export interface ResolvedVariable {
  value: Value;
  /** Provenance lines for hovers, most specific first. */
  origin: string[];
}

function location(ctx: UnitContext, file: ParsedFile, offset: number): string {
  return ctx.location(file, offset);
}

/** Variable values from the root module's tfvars files, in Terraform's precedence order. */
export function loadVarFiles(ctx: UnitContext, env: ModuleEnv): Map<string, GivenValue> {
  const names = (ctx.listDir(env.dir) ?? []).slice().sort();
  const paths: string[] = [];
  for (const n of ['terraform.tfvars', 'terraform.tfvars.json']) if (names.includes(n)) paths.push(`${env.dir}/${n}`);
  for (const n of names) if (n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')) paths.push(`${env.dir}/${n}`);
  for (const p of ctx.options.varFiles ?? []) paths.push(p);
  const out = new Map<string, GivenValue>();
  for (const path of paths) {
    const file = ctx.parse(path);
    if (!file) {
      ctx.report(path, { start: 0, end: 0 }, 'error', 'tf-var-file-missing', `variable file ${ctx.rel(path)} cannot be read`);
      continue;
    }
    const scope: Scope = constantScope(env, file);
    for (const item of file.body.items) {
      if (item.kind === 'Block') {
        ctx.report(path, item.type, 'error', 'tf-var-file-block', 'a variable file may only contain attributes (name = value)');
        continue;
      }
      const name = item.name.name;
      if (!env.decls.variables.has(name)) {
        ctx.report(path, item.name, 'warning', 'tf-undeclared-variable',
          `value for undeclared variable "${name}" (no variable "${name}" block in this module)`);
        continue;
      }
      out.set(name, { value: evaluate(item.expr, scope), origin: location(ctx, file, item.name.start), file, expr: item.expr });
    }
  }
  return out;
}

/**
 * Defaults that are literal data, converted to the variable's type, by declaration block. Such a
 * value depends on the declaration's text alone (literal default and `nullable`; the type is read
 * from its text, types.ts), parse trees are shared by every run that reads the same text (unit.ts)
 * and values are never mutated: a module's defaults are evaluated and converted once, not once per
 * instance, unit and fix re-scan. Kept only when resolving reported nothing (not even muted), so
 * taking the value reports nothing either, as resolving again would; and only when no object sits
 * in a list: such an object may be marked as a resource's nested block (computed.ts, the one
 * side table keyed by value objects), which must not carry over to another instance or run.
 */
const literalDefaults = new WeakMap<Block, Value>();

function hasObjectInList(v: Value): boolean {
  if (Array.isArray(v)) return v.some((item) => isObject(item) || hasObjectInList(item));
  if (isObject(v)) {
    for (const k in v) if (hasObjectInList(v[k])) return true;
  }
  return false;
}

/** Numbers, bools, null, strings without interpolation, and tuples and objects of them. */
function isLiteralData(e: Expr): boolean {
  switch (e.kind) {
    case 'Literal':
      return true;
    case 'Template':
      return e.parts.every((p) => p.kind === 'TemplateLiteral');
    case 'Paren':
      return isLiteralData(e.expr);
    case 'Unary':
      return isLiteralData(e.operand);
    case 'Tuple':
      return e.items.every(isLiteralData);
    case 'Object':
      return e.items.every((i) => (i.key.kind === 'Variable' || (i.key.kind === 'Template' && isLiteralData(i.key))) && isLiteralData(i.value));
    default:
      return false;
  }
}

/** Final value of one declared variable given an optional outside value. */
export function resolveVariable(env: ModuleEnv, decl: BlockDecl, given: GivenValue | undefined): ResolvedVariable {
  const ctx = env.ctx;
  const name = decl.block.labels[0]?.value ?? '';
  const attrs = attributesOf(decl.block);
  const defaultAttr: Attribute | undefined = attrs.get('default');
  if (given === undefined && defaultAttr && literalDefaults.has(decl.block)) {
    return { value: literalDefaults.get(decl.block)!, origin: [`default in ${location(ctx, decl.file, defaultAttr.start)}`] };
  }
  const reportsBefore = ctx.reportCalls;
  const scope: Scope = constantScope(env, decl.file);
  const nullableAttr = attrs.get('nullable');
  const nullable = nullableAttr ? evaluate(nullableAttr.expr, scope) !== false : true;
  const typeAttr = attrs.get('type');
  const type = typeAttr ? parseTypeConstraint(typeAttr.expr, evaluate, scope) : undefined;

  let value: Value;
  let origin: string;
  let reportAt: { file: ParsedFile; expr: Expr } | undefined;
  if (given && !(given.value === null && !nullable && defaultAttr)) {
    value = given.value;
    origin = given.origin;
    reportAt = given;
  } else if (defaultAttr) {
    value = evaluate(defaultAttr.expr, scope);
    origin = `default in ${location(ctx, decl.file, defaultAttr.start)}`;
    reportAt = { file: decl.file, expr: defaultAttr.expr };
  } else {
    const reason = `variable \`${name}\` has no value`;
    return { value: new Unknown(`var.${name}`, [], reason), origin: [`unknown: ${reason}`] };
  }
  if (type && reportAt) {
    const converted = convertToType(value, type);
    if (converted.ok) value = converted.value;
    else {
      const message = `invalid value for variable "${name}": ${converted.message}`;
      ctx.report(reportAt.file.path, reportAt.expr, 'error', 'tf-variable-type', message);
      value = new Unknown(`var.${name}`, [], message);
    }
  }
  if (value === null && !nullable) {
    ctx.report(decl.file.path, headerSpan(decl.block), 'error', 'tf-variable-null', `variable "${name}" is not nullable but its value is null`);
  }
  if (given === undefined && defaultAttr && ctx.reportCalls === reportsBefore && isLiteralData(defaultAttr.expr) && (!nullableAttr || isLiteralData(nullableAttr.expr)) && !hasObjectInList(value)) {
    literalDefaults.set(decl.block, value);
  }
  return { value, origin: [origin] };
}
