// Hover: find the innermost meaningful expression at an offset (a reference, a call, or the whole
// attribute value), evaluate it in the scope of its block, and explain where the value came from.
import type { Attribute, Block, Body, Expr, ParsedFile, TemplatePart } from '../ast';
import type { ValueDescription } from '../api';
import { Unknown, type Value } from '../values';
import { evaluate } from './expressions';
import type { ModuleInstance } from './module-instance';
import { moduleScope, sourceOf, withBindings, type Scope } from './scope';
import { modelValue } from './model-builder';

const contains = (s: { start: number; end: number }, offset: number) => s.start <= offset && offset <= s.end;

export function describeAt(inst: ModuleInstance, file: ParsedFile, offset: number): ValueDescription | undefined {
  const block = file.body.items.find((i): i is Block => i.kind === 'Block' && contains(i, offset));
  if (!block) return undefined;
  const ctx = inst.ctx;
  ctx.quiet = true;
  try {
    let scope = blockScope(inst, file, block);
    if (block.type.name === 'locals' || block.type.name === 'variable' || block.type.name === 'output') scope = moduleScope(inst, file);
    const found = findAttribute(block.body, offset, scope);
    if (!found) return undefined;
    const expr = pickExpression(found.attr.expr, offset, found.scope);
    const value = evaluate(expr.expr, expr.scope);
    return {
      range: { file: ctx.rel(file.path), start: expr.expr.start, end: expr.expr.end },
      expr: sourceOf(expr.scope, expr.expr),
      value: modelValue(value),
      origin: originLines(inst, expr.expr, expr.scope, value),
    };
  } finally {
    ctx.quiet = false;
  }
}

/** The scope of a top-level block's first instance (count.index / each.* as evaluated). */
function blockScope(inst: ModuleInstance, file: ParsedFile, block: Block): Scope {
  const labels = block.labels.map((l) => l.value);
  if ((block.type.name === 'resource' || block.type.name === 'data') && labels.length >= 2) {
    const r = inst.resourceResult(block.type.name === 'data' ? 'data' : 'managed', `${labels[0]}.${labels[1]}`);
    if (r && !(r instanceof Unknown) && r.decl.block === block && r.instances[0]) return r.instances[0].scope;
  }
  if (block.type.name === 'module' && labels[0]) {
    const call = inst.callResult(labels[0]);
    if (call && call.decl.block === block && call.instances[0]) return call.instances[0].scope;
  }
  return moduleScope(inst, file);
}

/** The innermost attribute at the offset, entering nested and dynamic blocks. */
function findAttribute(body: Body, offset: number, scope: Scope): { attr: Attribute; scope: Scope } | undefined {
  for (const item of body.items) {
    if (!contains(item, offset)) continue;
    if (item.kind === 'Attribute') return { attr: item, scope };
    let inner = scope;
    if (item.type.name === 'dynamic' && item.labels[0]) {
      const iterAttr = item.body.items.find((i): i is Attribute => i.kind === 'Attribute' && i.name.name === 'iterator');
      const name = iterAttr?.expr.kind === 'Variable' ? iterAttr.expr.name : item.labels[0].value;
      const why = 'the dynamic block iterator differs per generated block';
      inner = withBindings(scope, { [name]: { key: new Unknown(`${name}.key`, [], why), value: new Unknown(`${name}.value`, [], why) } });
    }
    return findAttribute(item.body, offset, inner);
  }
  return undefined;
}

function isTraversal(e: Expr): boolean {
  let x: Expr = e;
  while (x.kind === 'GetAttr' || x.kind === 'Index' || x.kind === 'Splat') x = x.object;
  return x.kind === 'Variable' && e.kind !== 'Variable';
}

/** Sub-expressions with the names they bind (for expressions bind their variables). */
function children(e: Expr): { expr: Expr; binds?: string[] }[] {
  switch (e.kind) {
    case 'GetAttr': return [{ expr: e.object }];
    case 'Index': return [{ expr: e.object }, { expr: e.key }];
    case 'Splat': return [{ expr: e.object }];
    case 'Call': return e.args.map((a) => ({ expr: a }));
    case 'Tuple': return e.items.map((a) => ({ expr: a }));
    case 'Object': return e.items.flatMap((i) => [{ expr: i.key }, { expr: i.value }]);
    case 'Unary': return [{ expr: e.operand }];
    case 'Binary': return [{ expr: e.left }, { expr: e.right }];
    case 'Conditional': return [{ expr: e.cond }, { expr: e.then }, { expr: e.else }];
    case 'Paren': return [{ expr: e.expr }];
    case 'For': {
      const binds = [e.valueVar.name, ...(e.keyVar ? [e.keyVar.name] : [])];
      return [{ expr: e.collection }, ...[e.keyExpr, e.valueExpr, e.cond].filter((x): x is Expr => !!x).map((x) => ({ expr: x, binds }))];
    }
    case 'Template': return templateChildren(e.parts);
    default: return [];
  }
}

function templateChildren(parts: TemplatePart[]): { expr: Expr; binds?: string[] }[] {
  const out: { expr: Expr; binds?: string[] }[] = [];
  for (const p of parts) {
    if (p.kind === 'TemplateInterpolation') out.push({ expr: p.expr });
    else if (p.kind === 'TemplateIf') out.push({ expr: p.cond }, ...templateChildren(p.then), ...templateChildren(p.else ?? []));
    else if (p.kind === 'TemplateFor') {
      const binds = [p.valueVar.name, ...(p.keyVar ? [p.keyVar.name] : [])];
      out.push({ expr: p.collection }, ...templateChildren(p.body).map((c) => ({ expr: c.expr, binds: [...binds, ...(c.binds ?? [])] })));
    }
  }
  return out;
}

function pickExpression(top: Expr, offset: number, scope: Scope): { expr: Expr; scope: Scope } {
  let best = { expr: top, scope };
  let e = top;
  let s = scope;
  for (;;) {
    if (isTraversal(e) || (e.kind === 'Variable' && s.bindings.has(e.name))) {
      // A reference: the whole chain, unless the offset is inside one of its index keys.
      const key = indexKeyAt(e, offset);
      if (!key) return { expr: e, scope: s };
      e = key;
      best = { expr: e, scope: s };
      continue;
    }
    if (e.kind === 'Call') best = { expr: e, scope: s };
    const next = children(e).find((c) => contains(c.expr, offset) && c.expr.end > c.expr.start);
    if (!next) return best;
    if (next.binds) {
      const why = 'a for-expression variable differs per element';
      s = withBindings(s, Object.fromEntries(next.binds.map((n) => [n, new Unknown(n, [], why)])));
    }
    e = next.expr;
  }
}

function indexKeyAt(e: Expr, offset: number): Expr | undefined {
  for (let x: Expr = e; x.kind === 'GetAttr' || x.kind === 'Index' || x.kind === 'Splat'; x = x.object) {
    if (x.kind === 'Index' && contains(x.key, offset) && x.key.kind !== 'Literal' && x.key.kind !== 'Template') return x.key;
  }
  return undefined;
}

function rootAndFirst(e: Expr): { root: string; first?: string; second?: string } | undefined {
  const names: string[] = [];
  let x: Expr = e;
  while (x.kind === 'GetAttr' || x.kind === 'Index' || x.kind === 'Splat') {
    if (x.kind === 'GetAttr') names.unshift(x.name.name);
    else names.length = 0; // only the names after the root and before the first index matter
    x = x.object;
  }
  if (x.kind !== 'Variable') return undefined;
  return { root: x.name, first: names[0], second: names[1] };
}

function show(v: Value): string {
  return JSON.stringify(modelValue(v));
}

/** Provenance of one reference, or undefined for expressions that are not references. */
function referenceOrigin(inst: ModuleInstance, e: Expr, scope: Scope): string | undefined {
  const ctx = inst.ctx;
  const r = rootAndFirst(e);
  if (!r || !r.first || scope.bindings.has(r.root)) return undefined;
  const where = (file: ParsedFile, offset: number) => ctx.location(file, offset);
  if (r.root === 'var') {
    const resolved = inst.resolvedVariable(r.first);
    if (!resolved) return `variable "${r.first}" is not declared`;
    const origin = resolved.origin[0] ?? '';
    if (origin.startsWith('unknown:')) return origin;
    return `\`var.${r.first}\` = ${show(resolved.value)} from ${origin}`;
  }
  if (r.root === 'local') {
    const decl = inst.decls.locals.get(r.first);
    if (!decl) return `local "${r.first}" is not declared`;
    return `\`local.${r.first}\` = ${show(inst.local(r.first) ?? null)} defined in ${where(decl.file, decl.attr.start)}`;
  }
  if (r.root === 'module') {
    const call = inst.callResult(r.first);
    if (!call) return undefined;
    const child = call.instances[0]?.child;
    const out = r.second && child?.decls.outputs.get(r.second);
    if (!child || !out) return `module.${r.first} is not evaluated: ${call.opaqueReason ?? 'no such output'}`;
    return `output \`${r.second}\` of ${child.address} defined in ${where(out.file, out.block.start)}`;
  }
  const isData = r.root === 'data';
  const type = isData ? r.first : r.root;
  const name = isData ? r.second : r.first;
  if (!name || !(isData ? inst.decls.data : inst.decls.resources).has(`${type}.${name}`)) return undefined;
  const decl = (isData ? inst.decls.data : inst.decls.resources).get(`${type}.${name}`)!;
  return `${isData ? 'data.' : ''}${type}.${name} declared in ${where(decl.file, decl.block.start)}`;
}

function originLines(inst: ModuleInstance, expr: Expr, scope: Scope, value: Value): string[] {
  const lines: string[] = [];
  const push = (l: string | undefined) => {
    if (l && !lines.includes(l)) lines.push(l);
  };
  if (value instanceof Unknown && value.reason) push(`unknown: ${value.reason}`);
  const own = referenceOrigin(inst, expr, scope);
  if (own) push(own);
  else {
    // Explain the references the expression is built from.
    const visit = (e: Expr, s: Scope) => {
      if (isTraversal(e)) {
        push(referenceOrigin(inst, e, s));
        return;
      }
      for (const c of children(e)) visit(c.expr, c.binds ? withBindings(s, Object.fromEntries(c.binds.map((n) => [n, null]))) : s);
    };
    visit(expr, scope);
  }
  return lines;
}
