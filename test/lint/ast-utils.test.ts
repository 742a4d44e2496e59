// walkTerm: every term once, parents before children, left to right; no recursion per operator.
// Found by the session-13 mutation sweep: a 250,000-term chain (`1 + 1 + …`, which Rego and OPA
// accept) overflowed the call stack in the linter, and the editor lost every diagnostic of the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Linter } from '../../server/src/lint';
import { exprTopTerms, isCallExpr, isEvery, isSome, walkTerm } from '../../server/src/lint/ast-utils';
import { parseModule } from '../../server/src/rego/syntax';
import type { Expr, Term } from '../../server/src/rego/syntax/ast';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/corpora';

function valueOf(rule: number, text: string): Term {
  const module = parseModule(text).module!;
  return module.rules[rule].head.value!;
}

const label = (t: Term): string => {
  const v = t.value as { type: string; name?: string; value?: unknown };
  return v.type === 'var' ? v.name! : v.type === 'number' || v.type === 'string' ? String(v.value) : v.type;
};

/** The recursive walk walkTerm replaced, as the reference for its order. */
function recursiveWalk(t: Term, visit: (t: Term) => void): void {
  visit(t);
  const v = t.value;
  const sub = (x: Term) => recursiveWalk(x, visit);
  const body = (es: Expr[]) => es.forEach((e) => recursiveExprWalk(e, visit));
  if (v.type === 'ref') v.terms.forEach(sub);
  else if (v.type === 'array' || v.type === 'set') v.items.forEach(sub);
  else if (v.type === 'object') v.items.forEach(([k, x]) => (sub(k), sub(x)));
  else if (v.type === 'arraycomprehension' || v.type === 'setcomprehension') (sub(v.term), body(v.body));
  else if (v.type === 'objectcomprehension') (sub(v.key), sub(v.value), body(v.body));
  else if (v.type === 'call') (sub(v.operator), v.args.forEach(sub));
  else if (v.type === 'templatestring') v.parts.forEach((p) => typeof p !== 'string' && sub(p));
}

/** walkExprTerms as it was, on the recursive walk. */
function recursiveExprWalk(e: Expr, visit: (t: Term) => void): void {
  const sub = (x: Term) => recursiveWalk(x, visit);
  const t = e.terms;
  if (isCallExpr(t)) (sub(t.operator), t.args.forEach(sub));
  else if (isSome(t)) t.symbols.forEach(sub);
  else if (isEvery(t)) (t.key && sub(t.key), sub(t.value), sub(t.domain));
  else sub(t);
  if (isEvery(e.terms)) e.terms.body.forEach((x) => recursiveExprWalk(x, visit));
  for (const w of e.with) (sub(w.target), sub(w.value));
}

test('walkTerm visits what the recursive walk visited, in the same order (the built-in library)', () => {
  const dir = join(REPO_ROOT, 'policies', 'lib');
  let terms = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.rego'))) {
    const module = parseModule(readFileSync(join(dir, name), 'utf8')).module!;
    for (const rule of module.rules) {
      const roots = [...(rule.head.value ? [rule.head.value] : []), ...rule.body.flatMap(exprTopTerms)];
      for (const root of roots) {
        const now: Term[] = [];
        const before: Term[] = [];
        walkTerm(root, (t) => now.push(t));
        recursiveWalk(root, (t) => before.push(t));
        assert.deepEqual(now.map(label), before.map(label), name);
        assert.ok(now.every((t, i) => t === before[i]), name);
        terms += now.length;
      }
    }
  }
  assert.ok(terms > 1000, `${terms} terms compared`);
  const seen: string[] = [];
  walkTerm(valueOf(0, 'package t\n\nx := [f(a, {"k": b}), e.g[h]]\n'), (t) => seen.push(label(t)));
  assert.deepEqual(seen, ['array', 'call', 'ref', 'f', 'a', 'object', 'k', 'b', 'ref', 'e', 'g', 'h']);
});

test('walkTerm and the whole linter take a 250,000-term operator chain', () => {
  const n = 250000;
  let count = 0;
  walkTerm(valueOf(0, `package t\n\nx := ${'1 + '.repeat(n)}1\n`), () => count++);
  // Each `+` is a call term with its operator ref, which holds the operator's name: 3 terms, plus one per operand.
  assert.equal(count, 3 * n + n + 1);
  const r = new Linter().lint([{ path: 't.rego', text: `package t\n\nhuge := ${'1 + '.repeat(n)}1\n` }]);
  assert.ok(Array.isArray(r.violations));
});
