// testing: rules for `*_test.rego` files and test rules.
import type { Term } from '../../../rego';
import { operatorName, packagePath, ruleCalls, ruleName, forEachDeclaredName } from '../../ast-utils';
import type { Finding } from '../../types';
import { fileRule, markLocal } from '../helpers';

const isTestFile = (file: string): boolean => file.endsWith('_test.rego');
const isTestPackage = (pkg: string[]): boolean => (pkg[pkg.length - 1] ?? '').endsWith('_test');

export const dubiousPrintSprintf = fileRule('dubious-print-sprintf', 'testing', {
  summary: 'Dubious use of `print` and `sprintf`',
  rationale: '`print` takes any number of values already; `print(sprintf(...))` hides undefined values that `print` would show as `<undefined>`.',
  bad: 'package p_test\n\ntest_x if {\n\tprint(sprintf("x: %v", [input.x]))\n}',
  good: 'package p_test\n\ntest_x if {\n\tprint("x:", input.x)\n}',
}, (ctx) => {
  const out: Finding[] = [];
  for (const r of ctx.rules) {
    for (const c of ruleCalls(r)) {
      if (c.name === 'print' && c.args.some((a) => a.value.type === 'call' && operatorName(a.value.operator) === 'sprintf')) out.push({ loc: c.loc });
    }
  }
  return out;
});

export const fileMissingTestSuffix = fileRule('file-missing-test-suffix', 'testing', {
  summary: 'Files containing tests should have a _test.rego suffix',
  rationale: '`opa test` and editors find tests by the `_test.rego` suffix; tests elsewhere are easy to miss.',
  bad: '# file: policy.rego\npackage p_test\n\ntest_x if true',
  good: '# file: policy_test.rego\npackage p_test\n\ntest_x if true',
}, (ctx) => {
  if (isTestFile(ctx.file)) return [];
  const hasTests = isTestPackage(packagePath(ctx.module)) || ctx.module.rules.some((r) => ruleName(r).startsWith('test_'));
  return hasTests ? [{ loc: ctx.module.package.loc }] : [];
});

export const identicallyNamedTests = fileRule('identically-named-tests', 'testing', {
  summary: 'Multiple tests with same name',
  rationale: 'Two tests with one name are merged into one rule: a failure in either reports the same name.',
  bad: 'package p_test\n\ntest_allow if true\n\ntest_allow if false',
  good: 'package p_test\n\ntest_allow if true\n\ntest_allow_denied if false',
}, (ctx) => {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const r of ctx.module.rules) {
    const n = ruleName(r);
    if (!n.startsWith('test_')) continue;
    if (seen.has(n)) out.push({ loc: r.head.loc });
    seen.add(n);
  }
  return out;
});

const METASYNTACTIC = new Set(['foo', 'bar', 'baz', 'qux', 'quux', 'quuz', 'corge', 'grault', 'garply', 'waldo', 'fred', 'plugh', 'xyzzy', 'thud']);

export const metasyntacticVariable = fileRule('metasyntactic-variable', 'testing', {
  summary: 'Metasyntactic variable name',
  rationale: '`foo` and `bar` are placeholders; a real name says what the value is.',
  bad: 'package p\n\nfoo := input.user',
  good: 'package p\n\nuser := input.user',
}, (ctx) => {
  const out: Finding[] = [];
  const check = (t: Term, name: string): void => { if (METASYNTACTIC.has(name.toLowerCase())) out.push({ loc: t.loc, description: `Metasyntactic variable name: ${name}` }); };
  forEachDeclaredName(ctx.rules, check);
  return out;
});

export const printOrTraceCall = fileRule('print-or-trace-call', 'testing', {
  summary: 'Call to `print` or `trace` function',
  rationale: '`print` and `trace` are for debugging; left in a policy they add noise to every evaluation.',
  bad: 'package p\n\nallow if {\n\tprint(input.user)\n\tinput.user == "admin"\n}',
  good: 'package p\n\nallow if input.user == "admin"',
}, (ctx) => {
  const out: Finding[] = [];
  for (const r of ctx.rules) for (const c of ruleCalls(r)) if (c.name === 'print' || c.name === 'trace') out.push({ loc: c.operator.loc });
  return out;
});

export const testOutsideTestPackage = fileRule('test-outside-test-package', 'testing', {
  summary: 'Test outside of test package',
  rationale: 'Tests in a `_test` package are kept apart from the policy and are not shipped with it.',
  bad: 'package p\n\ntest_allow if true',
  good: 'package p_test\n\ntest_allow if true',
}, (ctx) => (isTestPackage(packagePath(ctx.module)) ? [] : ctx.rules.filter((r) => ruleName(r).startsWith('test_')).map((r) => ({ loc: r.head.loc }))));

export const todoTest = fileRule('todo-test', 'testing', {
  summary: 'TODO test encountered',
  rationale: '`todo_test_` tests are skipped; they should not stay that way.',
  bad: 'package p_test\n\ntodo_test_allow if false',
  good: 'package p_test\n\ntest_allow if true',
}, (ctx) => ctx.rules.filter((r) => ruleName(r).startsWith('todo_test_')).map((r) => ({ loc: r.head.loc })));

export const testingRules = [dubiousPrintSprintf, fileMissingTestSuffix, identicallyNamedTests, metasyntacticVariable, printOrTraceCall, testOutsideTestPackage, todoTest];

// Local rules (FileRule.local): the editor re-checks them only in the rules an edit changed.
markLocal(dubiousPrintSprintf, metasyntacticVariable, printOrTraceCall, testOutsideTestPackage, todoTest);
