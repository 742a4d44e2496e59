// Call targets: OPA's RewriteWithValues validation (`with` must target input, data or a function)
// and CheckUndefinedFuncs (unknown functions, arity mismatches against builtins and rules).
import { lookupBuiltin as getBuiltin } from './signatures';
import type { Term } from '../syntax/ast';
import { ruleCalls, type CallSite } from './calls';
import { clauses, type ErrorSink, operatorName, refText, walkExprs } from './model';
import { clauseLocals, type Resolved } from './resolve';
import { constantKey, findNode, type RuleNode } from './tree';
import { argTypesDetails } from './types-details';

/** Operators the parser produces that OPA declares as builtins but the evaluator handles itself. */
const OPERATOR_ARITY: Record<string, number> = { eq: 2, assign: 2 };

export function builtinArity(name: string): number | undefined {
  if (name in OPERATOR_ARITY) return OPERATOR_ARITY[name];
  const b = getBuiltin(name);
  if (!b) return undefined;
  return b.variadic ? undefined : b.args.length;
}

function isBuiltinName(name: string | undefined): boolean {
  return !!name && (name in OPERATOR_ARITY || !!getBuiltin(name));
}

function refHead(t: Term): string | undefined {
  const v = t.value;
  if (v.type === 'var') return v.name;
  if (v.type === 'ref' && v.terms[0]?.value.type === 'var') return v.terms[0].value.name;
  return undefined;
}

function dataRef(t: Term): Term[] | undefined {
  const v = t.value;
  return v.type === 'ref' && v.terms[0]?.value.type === 'var' && v.terms[0].value.name === 'data' ? v.terms : undefined;
}

/** One rule's `with` target errors. Reads the rule and, for `data` targets, the rule tree. */
export function withTargetsOfRule(root: RuleNode, r: Resolved, errs: ErrorSink): void {
  for (const c of clauses(r.rule)) {
    const locals = clauseLocals(c);
    walkExprs(c.body, (e) => {
      for (const w of e.with) {
        const message = withTargetError(root, w.target, locals);
        if (message) {
          errs.add(message.code, message.text, r.m, w.target.loc);
          break;
        }
      }
    });
  }
}

function withTargetError(root: RuleNode, target: Term, locals: Set<string>): { code: 'rego_compile_error' | 'rego_type_error'; text: string } | undefined {
  const data = dataRef(target);
  if (data) {
    let node = root;
    for (let i = 1; i < data.length - 1; i++) {
      const key = constantKey(data[i]);
      const child = key === undefined ? undefined : node.child(key);
      if (!child) break;
      if (child.values.length > 0) return { code: 'rego_compile_error', text: 'with keyword cannot partially replace virtual document(s)' };
      node = child;
    }
    return undefined;
  }
  if (refHead(target) === 'input') return undefined;
  const name = operatorName(target);
  if (isBuiltinName(name) && !(name && locals.has(name))) {
    const b = getBuiltin(operatorName(target) as string);
    if (b?.relation) return { code: 'rego_compile_error', text: 'with keyword replacing built-in function: target must not be a relation' };
    return undefined;
  }
  return { code: 'rego_type_error', text: 'with keyword target must reference existing input, data, or a function' };
}

/** One rule's unknown functions and arity mismatches. Reads the rule, builtins and the rule tree. */
export function undefinedFunctionsOfRule(root: RuleNode, r: Resolved, errs: ErrorSink): void {
  for (const c of clauses(r.rule)) {
    const locals = clauseLocals(c);
    for (const call of ruleCalls(c)) {
      const op = operatorName(call.operator);
      // A local named like a builtin shadows it: OPA renames the operator and finds no function.
      const e = op && locals.has(op) ? { message: `undefined function ${op}`, details: undefined } : arityError(root, call);
      if (e) errs.add('rego_type_error', e.message, r.m, call.loc, e.details);
    }
  }
}

/** OPA's arity for a call target: builtin arity, a rule's argument count, or undefined if unknown. */
export function calleeArity(root: RuleNode, operator: Term): number | undefined {
  const name = operatorName(operator);
  if (name !== undefined && !name.startsWith('data.')) {
    const a = builtinArity(name);
    if (a !== undefined) return a;
    if (getBuiltin(name)?.variadic) return -1;
  }
  const data = dataRef(operator);
  if (!data) return undefined;
  const { node, rest } = findNode(root, data);
  if (!node || rest.length > 0 || node.values.length === 0) return undefined;
  return node.values[0].rule.head.args?.length ?? 0;
}

function arityError(root: RuleNode, call: CallSite): { message: string; details?: unknown } | undefined {
  const arity = calleeArity(root, call.operator);
  const name = call.operator.value.type === 'ref' ? refText(call.operator.value.terms) : (operatorName(call.operator) ?? '');
  if (arity === undefined) return { message: `undefined function ${name}` };
  if (arity < 0) return undefined;
  const n = call.args.length;
  const ok = call.generated ? n === arity : n === arity || n === arity + 1;
  if (ok) return undefined;
  const b = name.startsWith('data.') ? undefined : getBuiltin(name);
  if (b) return { message: `${name}: arity mismatch`, details: argTypesDetails(b, call.args, call.generated, undefined, false) };
  const got = n;
  return { message: `function ${name} has arity ${arity}, got ${got} argument${got === 1 ? '' : 's'}` };
}
