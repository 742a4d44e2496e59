// OPA's CheckTypes (the statically certain part: builtin arguments of the wrong type, and `=` /
// `==` between values of different types — "match error") and CheckDeprecatedBuiltins (always on
// for Rego v1 modules).
import { lookupBuiltin as getBuiltin, type BuiltinType } from './signatures';
import type { Rule, Term } from '../syntax/ast';
import { ruleCalls } from './calls';
import { clauses, type ErrorSink, operatorName, refText } from './model';
import { clauseLocals, declaredVars, type Resolved, type ResolvedModule } from './resolve';
import { buildRuleTree, isGroundPath, pathText } from './tree';
import { argTypesDetails, matchDetails } from './types-details';
import { type DataTypes, fits, overlaps, staticType, type TypeEnv } from './typing';

const UNIFICATION = new Set(['eq', 'assign', 'equal']);
const ANY: BuiltinType = { kind: 'any' };

/** Types of complete rules whose every clause has a constant value of one known type. */
export function ruleTypes(modules: ResolvedModule[]): { data: DataTypes; types: Map<string, BuiltinType | undefined> } {
  const types = new Map<string, BuiltinType | undefined>();
  buildRuleTree(modules).depthFirst((node) => {
    if (node.values.length === 0) return;
    let type: BuiltinType | undefined;
    let known = true;
    for (const r of node.values) {
      for (const c of clauses<Rule>(r.rule)) {
        const h = c.head;
        if (h.args?.length || h.key || !h.value || !isGroundPath(r.path)) known = false;
        const t = h.value ? staticType(h.value) : undefined;
        if (!t || (type && JSON.stringify(type) !== JSON.stringify(t))) known = false;
        type = t;
      }
    }
    if (known && type) types.set(pathText(node.values[0].path), type);
  });
  return { data: (ref: Term[]) => types.get(refText(ref)), types };
}

/** One rule's type errors. Reads the rule, builtins and the statically known rule types. */
export function typesOfRule(data: DataTypes, r: Resolved, errs: ErrorSink): void {
  for (const c of clauses(r.rule)) {
    const env: TypeEnv = new Map();
    // A name redeclared in a nested scope may hold another type there: leave it untyped.
    const nested = new Set([...clauseLocals(c)].filter((n) => !declaredVars(c.body).has(n)));
    const bind = (name: string, t: BuiltinType) => {
      if (!env.has(name) && !nested.has(name)) env.set(name, t);
    };
    for (const call of ruleCalls(c)) {
      const name = operatorName(call.operator);
      if (!name) continue;
      if (UNIFICATION.has(name) && call.args.length === 2) {
        const [a, b] = call.args;
        const ta = staticType(a, env, data);
        const tb = staticType(b, env, data);
        if (ta && tb && !overlaps(ta, tb)) {
          errs.add('rego_type_error', 'match error', r.m, call.loc, matchDetails(a, b, env));
          continue;
        }
        // A var unified with something of unknown type is bound, as `any`.
        if (a.value.type === 'var') bind(a.value.name, tb ?? ANY);
        if (b.value.type === 'var') bind(b.value.name, ta ?? ANY);
        continue;
      }
      const b = name.startsWith('data.') ? undefined : getBuiltin(name);
      if (!b) continue;
      let bad = false;
      call.args.forEach((arg, i) => {
        const want = i < b.args.length ? b.args[i].type : b.variadic ?? (i === b.args.length ? b.result.type : undefined);
        if (!fits(staticType(arg, env, data), want)) bad = true;
      });
      if (bad) {
        errs.add('rego_type_error', `${name}: invalid argument(s)`, r.m, call.loc, argTypesDetails(b, call.args, call.generated, env));
        continue;
      }
      const out = !call.generated && !b.variadic && call.args.length === b.args.length + 1 ? call.args[b.args.length] : undefined;
      if (out?.value.type === 'var') bind(out.value.name, b.result.type);
    }
  }
}

/** One rule's calls of deprecated builtins. Reads only the rule. */
export function deprecatedBuiltinsOfRule(r: Resolved, errs: ErrorSink): void {
  for (const c of clauses(r.rule)) {
    for (const call of ruleCalls(c)) {
      const name = operatorName(call.operator);
      if (name && !name.startsWith('data.') && getBuiltin(name)?.deprecated) {
        errs.add('rego_type_error', `deprecated built-in function calls in expression: ${name}`, r.m, call.loc);
      }
    }
  }
}
