import { docsCase, testCategory } from '../helpers';

testCategory('idiomatic', {
  'non-raw-regex-pattern': [docsCase('non-raw-regex-pattern'), { bad: 'package p\n\nparts := regex.split("\\\\s+", input.s)', good: 'package p\n\nparts := regex.split("[a-z]+", input.s)' }],
  'prefer-equals-comparison': [docsCase('prefer-equals-comparison'), { bad: 'package p\n\nf(x) if x = 1', good: 'package p\n\nallow if {\n\tx = input.y\n\tx > 1\n}' }],
  'single-item-in': [docsCase('single-item-in'), { bad: 'package p\n\nallow if input.x in ["a"]', good: 'package p\n\nallow if input.x in ["a", "b"]' }],
  'use-in-operator': [docsCase('use-in-operator'), { bad: 'package p\n\nallow if input.roles[_] == input.role', good: 'package p\n\nallow if input.roles[_].name == "a"' }, { bad: 'package p\n\nallow if input.roles[_] = "admin"', good: 'package p\n\nallow if {\n\tx = input.roles[_]\n\tx.admin\n}' }],
  'use-strings-count': [docsCase('use-strings-count')],
  'in-wildcard-key': [docsCase('in-wildcard-key'), { bad: 'package p\n\nallow if {\n\tevery _, v in input.xs {\n\t\tv > 0\n\t}\n}', good: 'package p\n\nallow if {\n\tsome k, _ in input.xs\n\tk == "a"\n}' }],
  'use-some-for-output-vars': [docsCase('use-some-for-output-vars'), { bad: 'package p\n\nnames contains n if {\n\tn := input.users[i].name\n\ti > 1\n}', good: 'package p\n\nf(i) := input.users[i]' }],
  'use-object-keys': [docsCase('use-object-keys')],
  'boolean-assignment': [docsCase('boolean-assignment')],
  'custom-has-key-construct': [docsCase('custom-has-key-construct'), { bad: 'package p\n\nhas_key(o, k) if o[k]', good: 'package p\n\nf(o, k) if o[k] == 1' }],
  'custom-in-construct': [docsCase('custom-in-construct'), { bad: 'package p\n\nhas(coll, x) if coll[_] == x', good: 'package p\n\nhas(coll, x) if coll[_].name == x' }],
  'equals-pattern-matching': [docsCase('equals-pattern-matching'), { bad: 'package p\n\nf(x) := 1 if {\n\t"a" == x\n}', good: 'package p\n\nf(x) := 1 if {\n\tx == "a"\n\tinput.y\n}' }],
  'prefer-set-or-object-rule': [docsCase('prefer-set-or-object-rule'), { bad: 'package p\n\nm := {k: v | some k, v in input.o}', good: 'package p\n\nm := [v | some v in input.o]' }],
  'use-contains': [{ ...docsCase('use-contains'), regoVersion: 'v0' }, { bad: 'package p\n\nimport future.keywords.contains\n\nnames[n] {\n\tn := input.x\n}', good: 'package p\n\nnames[n] {\n\tn := input.x\n}', regoVersion: 'v0' }],
  'use-if': [{ ...docsCase('use-if'), regoVersion: 'v0' }, { bad: 'package p\n\nimport future.keywords.if\n\nf(x) = y {\n\ty := x\n}', good: 'package p\n\nf(x) = y {\n\ty := x\n}', regoVersion: 'v0' }],
  'directory-package-mismatch': [
    { bad: 'package a.b', good: 'package x.y', file: 'policies/x/y/z.rego' },
    { bad: 'package q', good: 'package a.b', file: 'policies/a/b/y.rego' },
    { bad: 'package a.b_test', good: 'package a.c_test', file: 'src/a/c/y_test.rego' },
    { bad: 'package c', good: 'package b', file: 'src/a/b/y.rego' },
    { bad: 'package b', good: 'package a.b', file: 'src/a/b/y.rego', roots: ['src'] },
  ],
  'no-defined-entrypoint': [docsCase('no-defined-entrypoint'), {
    bad: [{ path: 'a/a.rego', text: 'package a\n\nx := 1' }, { path: 'b/b.rego', text: 'package b\n\ny := 1' }],
    good: [{ path: 'a/a.rego', text: 'package a\n\nx := 1' }, { path: 'b/b.rego', text: 'package b\n\n# METADATA\n# entrypoint: true\ny := 1' }],
    count: 1,
  }],
});
