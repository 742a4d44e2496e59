// The first compiler stages: duplicate imports, names that shadow the root documents (`input`,
// `data`), and — with the resolution stage — arguments named like a root document and, in strict
// mode, imports nothing uses.
import type { Import, Rule, Term } from '../syntax/ast';
import { type CheckedModule, clauses, type ErrorSink, isV1Compatible, exprCall, isAssignExpr, refText, StageErrors, walkExprs, walkTerms } from './model';
import type { ResolvedModule } from './resolve';

const ROOTS = new Set(['input', 'data']);

function importPath(imp: Import): Term[] {
  const v = imp.path.value;
  return v.type === 'ref' ? v.terms : [imp.path];
}

/** The name an import binds: its alias, else the last path element. */
function importName(imp: Import): string {
  if (imp.alias) return imp.alias;
  const path = importPath(imp);
  const last = path[path.length - 1].value;
  return last.type === 'string' ? last.value : last.type === 'var' ? last.name : '';
}

function importText(imp: Import): string {
  return `import ${refText(importPath(imp))}${imp.alias ? ` as ${imp.alias}` : ''}`;
}

export function checkDuplicateImports(modules: CheckedModule[], strict: boolean, errs: StageErrors): void {
  for (const m of modules) {
    if (!strict && !isV1Compatible(m)) continue;
    const seen = new Map<string, Import>();
    for (const imp of m.module.imports) {
      const name = importName(imp);
      const first = seen.get(name);
      if (first) errs.add('rego_compile_error', `import must not shadow ${importText(first)}`, m, imp.loc);
      else seen.set(name, imp);
    }
  }
}

/** Rules named `input`/`data`, and `input := …` / `data := …` anywhere in a body. */
/** Rules of a module named `input`/`data` (reported before any body's assignments). */
export function keywordRuleNames(m: CheckedModule, errs: ErrorSink): void {
  for (const rule of m.module.rules) {
    for (const c of clauses(rule)) {
      const head = c.head.ref[0];
      if (head?.value.type === 'var' && ROOTS.has(head.value.name)) {
        errs.add('rego_compile_error', `rules must not shadow ${head.value.name} (use a different rule name)`, m, c.loc);
      }
    }
  }
}

/** `input := …` / `data := …` in one rule's bodies. Reads only the (source) rule. */
export function keywordVarsOfRule(m: CheckedModule, rule: Rule, errs: ErrorSink): void {
  for (const c of clauses(rule)) {
    walkExprs(c.body, (e) => {
      if (!isAssignExpr(e)) return;
      const lhs = exprCall(e)?.args[0];
      const name = lhs && (lhs.value.type === 'var' ? lhs.value.name : lhs.value.type === 'ref' && lhs.value.terms.length === 1 && lhs.value.terms[0].value.type === 'var' ? lhs.value.terms[0].value.name : undefined);
      if (name && ROOTS.has(name)) errs.add('rego_compile_error', `variables must not shadow ${name} (use a different variable name)`, m, e.loc);
    });
  }
}

function argShadowsRoot(args: Term[]): string | undefined {
  let found: string | undefined;
  for (const a of args) {
    walkTerms(a, (t) => {
      if (found) return false;
      const v = t.value;
      if (v.type === 'set' || v.type === 'call' || v.type === 'templatestring' || v.type.endsWith('comprehension')) return false;
      if (v.type === 'ref' && v.terms.length === 1 && v.terms[0].value.type === 'var' && ROOTS.has(v.terms[0].value.name)) found = v.terms[0].value.name;
      if (v.type === 'var' && ROOTS.has(v.name)) found = v.name;
      if (v.type === 'object') {
        v.items.forEach(([, x]) => walkTerms(x, () => undefined));
      }
      return true;
    });
  }
  return found;
}

/** The resolution stage's error: arguments named like a root document. */
export function checkArgShadowing(modules: ResolvedModule[], errs: StageErrors): void {
  for (const rm of modules) {
    for (const rule of rm.m.module.rules) {
      for (const c of clauses<Rule>(rule)) {
        const root = argShadowsRoot(c.head.args ?? []);
        if (root) errs.add('rego_compile_error', `args must not shadow ${root} (use a different variable name)`, rm.m, c.loc);
      }
    }
  }
}

/** Strict mode: imports no name in the module uses (`future.keywords` and `rego.v1` excepted). */
export function checkUnusedImports(modules: ResolvedModule[], errs: StageErrors): void {
  for (const rm of modules) {
    for (const imp of rm.m.module.imports) {
      const head = importPath(imp)[0]?.value;
      if (head?.type === 'var' && (head.name === 'future' || head.name === 'rego')) continue;
      if (!rm.usedImports.has(imp)) errs.add('rego_compile_error', `${importText(imp)} unused`, rm.m, imp.loc);
    }
  }
}
