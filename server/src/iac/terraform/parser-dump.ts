// A compact, readable dump of a Terraform syntax tree: one node per line, indented, with
// [start..end) spans. Used by the parser's checked-in fixture expectations and for debugging.
import type { Body, BodyItem, Expr, Identifier, ParsedFile, Span, TemplatePart } from './ast';

export function dumpTerraformTree(file: ParsedFile): string {
  const out: string[] = [];
  dumpBody(file.body, 0, out);
  for (const c of file.comments) out.push(`comment ${span(c)} ${c.style} ${JSON.stringify(c.text)}`);
  for (const d of file.diagnostics) out.push(`error ${span(d)} ${d.message}`);
  return out.join('\n') + '\n';
}

function span(s: Span): string {
  return `${s.start}..${s.end}`;
}

function ident(id: Identifier): string {
  return `${id.name}@${span(id)}`;
}

function pad(depth: number): string {
  return '  '.repeat(depth);
}

function dumpBody(body: Body, depth: number, out: string[]): void {
  out.push(`${pad(depth)}Body ${span(body)}`);
  for (const item of body.items) dumpItem(item, depth + 1, out);
}

function dumpItem(item: BodyItem, depth: number, out: string[]): void {
  if (item.kind === 'Attribute') {
    const eq = item.equals ? ` =@${span(item.equals)}` : ' (no =)';
    out.push(`${pad(depth)}Attribute ${span(item)} ${ident(item.name)}${eq}`);
    dumpExpr(item.expr, depth + 1, out);
    return;
  }
  const labels = item.labels.map((l) => `${l.quoted ? JSON.stringify(l.value) : l.value}@${span(l)}`).join(' ');
  const open = item.open ? ` {@${span(item.open)}` : ' (no {)';
  const close = item.close ? ` }@${span(item.close)}` : ' (no })';
  out.push(`${pad(depth)}Block ${span(item)} ${ident(item.type)}${labels ? ' ' + labels : ''}${open}${close}`);
  dumpBody(item.body, depth + 1, out);
}

function dumpExpr(e: Expr, depth: number, out: string[]): void {
  const head = `${pad(depth)}${e.kind} ${span(e)}`;
  switch (e.kind) {
    case 'Literal':
      out.push(`${head} ${e.raw}`);
      return;
    case 'Variable':
      out.push(`${head} ${e.name}`);
      return;
    case 'Missing':
    case 'Invalid':
      out.push(head);
      return;
    case 'Template':
      out.push(e.heredoc ? `${head} heredoc ${e.heredoc.indent ? '<<-' : '<<'}${e.heredoc.marker}` : head);
      dumpParts(e.parts, depth + 1, out);
      return;
    case 'GetAttr':
      out.push(`${head} .${ident(e.name)}`);
      dumpExpr(e.object, depth + 1, out);
      return;
    case 'Index':
      out.push(head);
      dumpExpr(e.object, depth + 1, out);
      dumpExpr(e.key, depth + 1, out);
      return;
    case 'Splat':
      out.push(`${head} ${e.full ? 'full' : 'attr'}`);
      dumpExpr(e.object, depth + 1, out);
      dumpExpr(e.each, depth + 1, out);
      return;
    case 'Call':
      out.push(
        `${head} ${ident(e.name)}${e.expandFinal ? ' expand' : ''}${e.close ? ` )@${span(e.close)}` : ' (no ))'}`,
      );
      for (const a of e.args) dumpExpr(a, depth + 1, out);
      return;
    case 'Tuple':
      out.push(head);
      for (const item of e.items) dumpExpr(item, depth + 1, out);
      return;
    case 'Object':
      out.push(head);
      for (const item of e.items) {
        out.push(`${pad(depth + 1)}Item ${span(item)}`);
        dumpExpr(item.key, depth + 2, out);
        dumpExpr(item.value, depth + 2, out);
      }
      return;
    case 'Unary':
      out.push(`${head} ${e.op}`);
      dumpExpr(e.operand, depth + 1, out);
      return;
    case 'Binary':
      out.push(`${head} ${e.op}`);
      dumpExpr(e.left, depth + 1, out);
      dumpExpr(e.right, depth + 1, out);
      return;
    case 'Conditional':
      out.push(head);
      dumpExpr(e.cond, depth + 1, out);
      dumpExpr(e.then, depth + 1, out);
      dumpExpr(e.else, depth + 1, out);
      return;
    case 'For': {
      const vars = (e.keyVar ? ident(e.keyVar) + ', ' : '') + ident(e.valueVar);
      out.push(`${head} ${e.isObject ? 'object' : 'tuple'} ${vars}${e.grouping ? ' grouping' : ''}`);
      dumpExpr(e.collection, depth + 1, out);
      if (e.keyExpr) dumpExpr(e.keyExpr, depth + 1, out);
      dumpExpr(e.valueExpr, depth + 1, out);
      if (e.cond) {
        out.push(`${pad(depth + 1)}if`);
        dumpExpr(e.cond, depth + 2, out);
      }
      return;
    }
    case 'Paren':
      out.push(head);
      dumpExpr(e.expr, depth + 1, out);
      return;
  }
}

function dumpParts(parts: TemplatePart[], depth: number, out: string[]): void {
  for (const part of parts) {
    const head = `${pad(depth)}${part.kind} ${span(part)}`;
    switch (part.kind) {
      case 'TemplateLiteral':
        out.push(`${head} ${JSON.stringify(part.value)}`);
        break;
      case 'TemplateInterpolation':
        out.push(`${head}${part.stripLeft ? ' ~left' : ''}${part.stripRight ? ' ~right' : ''}`);
        dumpExpr(part.expr, depth + 1, out);
        break;
      case 'TemplateIf':
        out.push(head);
        dumpExpr(part.cond, depth + 1, out);
        out.push(`${pad(depth + 1)}then`);
        dumpParts(part.then, depth + 2, out);
        if (part.else) {
          out.push(`${pad(depth + 1)}else`);
          dumpParts(part.else, depth + 2, out);
        }
        break;
      case 'TemplateFor':
        out.push(`${head} ${part.keyVar ? ident(part.keyVar) + ', ' : ''}${ident(part.valueVar)}`);
        dumpExpr(part.collection, depth + 1, out);
        out.push(`${pad(depth + 1)}body`);
        dumpParts(part.body, depth + 2, out);
        break;
    }
  }
}

/**
 * Checks the span invariants of a tree: every node lies within the file, has start <= end, and
 * lies within its parent node. Returns a description of each violation (empty when sane).
 */
export function spanProblems(file: ParsedFile): string[] {
  const problems: string[] = [];
  const len = file.text.length;
  const visit = (node: Record<string, unknown>, parent: Span, path: string): void => {
    const s = node as unknown as Span;
    if (!(s.start >= 0 && s.start <= s.end && s.end <= len)) problems.push(`${path}: bad span ${span(s)} (file length ${len})`);
    else if (s.start < parent.start || s.end > parent.end) problems.push(`${path}: ${span(s)} outside parent ${span(parent)}`);
    for (const key of Object.keys(node)) {
      const v = node[key];
      if (Array.isArray(v)) {
        v.forEach((child, i) => {
          if (child && typeof child === 'object' && typeof child.start === 'number') visit(child, s, `${path}.${key}[${i}]`);
        });
      } else if (v && typeof v === 'object' && typeof (v as Span).start === 'number') {
        visit(v as Record<string, unknown>, s, `${path}.${key}`);
      }
    }
  };
  visit(file.body as unknown as Record<string, unknown>, { start: 0, end: len }, 'body');
  for (const c of file.comments) if (!(c.start >= 0 && c.start < c.end && c.end <= len)) problems.push(`comment ${span(c)} out of range`);
  for (const d of file.diagnostics) if (!(d.start >= 0 && d.start <= d.end && d.end <= len)) problems.push(`diagnostic ${span(d)} out of range: ${d.message}`);
  return problems;
}
