// Import handling: which keywords are on (from the output version and `future.keywords` /
// `rego.v1` imports), the import rewriting `opa fmt` does, and the printing of import groups.
import type { Expr, Import, Module, Rule, Term, TermValue } from '../syntax/ast';
import { writeRef } from './terms';
import { MEMBER_2, MEMBER_3, operatorName } from './syntax-text';
import type { FComment, FormatFlags, Writer } from './writer';

function importPath(imp: Import): string[] | undefined {
  const v = imp.path.value;
  const terms = v.type === 'ref' ? v.terms : v.type === 'var' ? [imp.path] : undefined;
  if (!terms) return undefined;
  const out: string[] = [];
  for (const t of terms) {
    if (t.value.type === 'var') out.push(t.value.name);
    else if (t.value.type === 'string') out.push(t.value.value);
    else return undefined;
  }
  return out;
}

export function isRegoV1Import(imp: Import): boolean {
  const p = importPath(imp);
  return !!p && p.length === 2 && p[0] === 'rego' && p[1] === 'v1';
}

function isFutureImport(imp: Import): boolean {
  const p = importPath(imp);
  return !!p && p.length >= 2 && p[0] === 'future';
}

/** `future.keywords` (all) → '*', `future.keywords.x` → 'x'. */
function futureKeyword(imp: Import): string | undefined {
  const p = importPath(imp);
  if (!p || p[0] !== 'future' || p[1] !== 'keywords') return undefined;
  if (p.length === 2) return '*';
  return p.length === 3 ? p[2] : undefined;
}

/** Formatting switches, computed from the output version, the imports and the rule heads. */
export function computeFlags(module: Module, outputV1: boolean): FormatFlags {
  const flags: FormatFlags = { regoV1: outputV1, ifs: outputV1, contains: outputV1, refHeads: false, futureKeywords: [] };
  for (const imp of module.imports) {
    const kw = futureKeyword(imp);
    if (kw && kw !== '*') flags.futureKeywords.push(kw);
    if (isRegoV1Import(imp) || kw === '*') {
      flags.contains = true;
      flags.ifs = true;
    } else if (kw === 'contains') flags.contains = true;
    else if (kw === 'if') flags.ifs = true;
  }
  for (const rule of allRules(module.rules)) {
    const len = rule.head.ref.length;
    if (len > 2 || (len === 2 && rule.head.key && !rule.head.value)) flags.refHeads = true;
  }
  return flags;
}

function allRules(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  for (let r of rules) {
    out.push(r);
    while (r.else) {
      r = r.else;
      out.push(r);
    }
  }
  return out;
}

/**
 * The imports `opa fmt` prints: with `rego.v1` imported, `future.keywords` imports are redundant and
 * dropped; for v0 output, `in`/`every` used without their import get one added.
 */
export function rewriteImports(module: Module, outputV1: boolean, w: Writer): Import[] {
  let imports = module.imports.slice();
  if (imports.some(isRegoV1Import)) return imports.filter((i) => !isFutureImport(i));
  if (outputV1) return imports;
  const used = usedFutureKeywords(module);
  for (const kw of ['in', 'every']) {
    if (!used.has(kw)) continue;
    const covered = imports.some((i) => {
      const f = futureKeyword(i);
      return f === '*' || f === kw || (f === 'every' && kw === 'in');
    });
    if (covered) continue;
    // OPA 1.5 gives the added import its default location: row 1, so it leads the first group.
    const row = 1;
    const at = { start: 0, end: 0 };
    const path: Term = { value: { type: 'ref', terms: ['future', 'keywords', kw].map((s, i) => ({ value: i === 0 ? { type: 'var', name: s } : { type: 'string', value: s }, loc: at })) }, loc: at };
    const imp: Import = { path, loc: at };
    w.posOverride.set(imp, { row, offset: -1, text: '' });
    imports = [...imports, imp];
  }
  return imports;
}

function usedFutureKeywords(module: Module): Set<string> {
  const used = new Set<string>();
  const visitValue = (v: TermValue): void => {
    switch (v.type) {
      case 'ref': v.terms.forEach((t) => visitValue(t.value)); break;
      case 'array': case 'set': v.items.forEach((t) => visitValue(t.value)); break;
      case 'object': v.items.forEach(([k, x]) => { visitValue(k.value); visitValue(x.value); }); break;
      case 'call':
        if ([MEMBER_2, MEMBER_3].includes(operatorName(v.operator))) used.add('in');
        v.args.forEach((t) => visitValue(t.value));
        break;
      case 'arraycomprehension': case 'setcomprehension': visitValue(v.term.value); v.body.forEach(visitExpr); break;
      case 'objectcomprehension': visitValue(v.key.value); visitValue(v.value.value); v.body.forEach(visitExpr); break;
      default:
    }
  };
  const visitExpr = (e: Expr): void => {
    const t = e.terms;
    if (!('kind' in t)) visitValue(t.value);
    else if (t.kind === 'every') { used.add('every'); visitValue(t.domain.value); t.body.forEach(visitExpr); }
    else if (t.kind === 'some') t.symbols.forEach((s) => visitValue(s.value));
    else {
      if ([MEMBER_2, MEMBER_3].includes(operatorName(t.operator))) used.add('in');
      t.args.forEach((a) => visitValue(a.value));
    }
    e.with.forEach((x) => { visitValue(x.target.value); visitValue(x.value.value); });
  };
  for (const r of allRules(module.rules)) {
    r.body.forEach(visitExpr);
    if (r.head.value) visitValue(r.head.value.value);
    if (r.head.key) visitValue(r.head.key.value);
  }
  return used;
}

/** Import groups (separated by blank lines in the source), each sorted; same-line comments kept. */
export function writeImports(w: Writer, imports: Import[]): void {
  const trailing = new Map<Import, FComment>();
  const leftovers: FComment[] = [];
  const rows = imports.map((i) => w.pos(i).row);
  for (const c of w.comments) {
    const at = rows.indexOf(c.row);
    const imp = at < 0 ? undefined : imports[at];
    if (imp) trailing.set(imp, c);
    else leftovers.push(c);
  }
  w.comments = leftovers;
  for (const group of groupImports(w, imports)) {
    w.insertComments(w.pos(group[0]));
    group.sort(compareImports);
    for (const imp of group) {
      w.startLine();
      writeImport(w, imp);
      const c = trailing.get(imp);
      if (c) w.write(' #' + c.text);
      w.endLine();
    }
    w.blankLine();
  }
}

function groupImports(w: Writer, imports: Import[]): Import[][] {
  if (imports.length === 0) return [];
  const groups: Import[][] = [];
  let group: Import[] = [imports[0]];
  for (const imp of imports.slice(1)) {
    const last = group[group.length - 1];
    if (w.pos(imp).row - w.pos(last).row > 1) {
      groups.push(group);
      group = [];
    }
    group.push(imp);
  }
  groups.push(group);
  return groups;
}

function writeImport(w: Writer, imp: Import): void {
  w.write('import ');
  const saved = w.comments;
  const savedFlags = { ...w.flags };
  w.comments = [];
  // Keywords inside `future.keywords.x` are never bracketed.
  if (futureKeyword(imp)) Object.assign(w.flags, { regoV1: false, futureKeywords: [] });
  try {
    const v = imp.path.value;
    if (v.type === 'ref') writeRef(w, v.terms);
    else if (v.type === 'var') w.write(v.name);
  } finally {
    w.comments = saved;
    Object.assign(w.flags, savedFlags);
  }
  if (imp.alias) w.write(' as ' + imp.alias);
}

/** OPA's import order: by path (term by term: vars before refs, strings before vars), then alias. */
function compareImports(a: Import, b: Import): number {
  const pa = termKeys(a.path);
  const pb = termKeys(b.path);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i][0] !== pb[i][0]) return pa[i][0] - pb[i][0];
    if (pa[i][1] !== pb[i][1]) return pa[i][1] < pb[i][1] ? -1 : 1;
  }
  if (pa.length !== pb.length) return pa.length - pb.length;
  const x = a.alias ?? '';
  const y = b.alias ?? '';
  return x === y ? 0 : x < y ? -1 : 1;
}

function termKeys(t: Term): [number, string][] {
  const v = t.value;
  const terms = v.type === 'ref' ? v.terms : [t];
  return terms.map((x) => (x.value.type === 'string' ? [3, x.value.value] : x.value.type === 'var' ? [4, x.value.name] : [9, '']));
}
