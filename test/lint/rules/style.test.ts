import { docsCase, testCategory } from '../helpers';

const longBody = (n: number, test = false): string => `package p${test ? '_test' : ''}\n\n${test ? 'test_' : ''}r if {\n${Array.from({ length: n }, (_, i) => `\tinput.x${i}`).join('\n')}\n}\n`;

testCategory('style', {
  'line-length': [docsCase('line-length'), { bad: `package p\n\n# ${'x '.repeat(70)}`, good: `package p\n\n# https://example.com/${'x'.repeat(120)}`, options: { 'non-breakable-word-threshold': 100 } }],
  'file-length': [{ bad: `package p\n${'\n'.repeat(10)}x := 1\n`, good: 'package p\n\nx := 1\n', options: { 'max-file-length': 5 } }],
  'no-whitespace-comment': [docsCase('no-whitespace-comment'), { bad: 'package p\n\nx := 1 #trailing', good: 'package p\n\n##########\n#\nx := 1' }],
  'todo-comment': [docsCase('todo-comment'), { bad: 'package p\n\n# fixme later\nx := 1', good: 'package p\n\n# this is not a todo list\nx := 1' }],
  'opa-fmt': [docsCase('opa-fmt'), { bad: 'package p\n\nallow  :=  true\n', good: 'package p\n\nallow := true\n' }],
  'detached-metadata': [docsCase('detached-metadata')],
  'avoid-get-and-list-prefix': [docsCase('avoid-get-and-list-prefix'), { bad: 'package p\n\nlist_users(x) := x', good: 'package p\n\ngetaway := 1' }],
  'rule-name-repeats-package': [docsCase('rule-name-repeats-package')],
  'messy-rule': [docsCase('messy-rule')],
  'trailing-default-rule': [docsCase('trailing-default-rule')],
  'default-over-else': [docsCase('default-over-else'), { bad: 'package p\n\nx := 1 if input.a\n\telse := 2 if input.b\n\telse := 3', good: 'package p\n\nf(x) := 1 if x\n\telse := 2' }],
  'default-over-not': [docsCase('default-over-not')],
  'prefer-snake-case': [docsCase('prefer-snake-case'), { bad: 'package p\n\nallow if {\n\tsome userName in input.users\n\tuserName == "a"\n}', good: 'package p\n\nallow if {\n\tsome user_name in input.users\n\tuser_name == "a"\n}' }],
  'rule-length': [{ bad: longBody(29), good: longBody(28) }, { bad: longBody(59, true), good: longBody(58, true) }, { bad: longBody(2), good: longBody(1), options: { 'max-rule-length': 3 } }],
  'use-assignment-operator': [docsCase('use-assignment-operator'), { bad: 'package p\n\nf(x) = 1 if x\n\telse = 2', good: 'package p\n\nallow if input.x == 1', count: 2 }, { bad: 'package p\n\ndefault allow = false', good: 'package p\n\ndefault allow := false' }],
  'external-reference': [docsCase('external-reference'), { bad: 'package p\n\nf(x) if {\n\tx == input.a\n\tx == data.b\n\tx == input.c\n}', good: 'package p\n\nf(x) if {\n\tx == input.a\n\tx == data.b\n}' }],
  'function-arg-return': [docsCase('function-arg-return'), { bad: 'package p\n\nallow if {\n\tcount(input.xs, n)\n\tn > 1\n}', good: 'package p\n\nallow if {\n\twalk(input, [p, v])\n\tv == p\n}' }],
  'double-negative': [docsCase('double-negative'), { bad: 'package p\n\nallow if not data.lib.not_allowed', good: 'package p\n\nallow if not denied' }],
  'pointless-reassignment': [docsCase('pointless-reassignment')],
  'prefer-some-in-iteration': [docsCase('prefer-some-in-iteration'), { bad: 'package p\n\nallow if input.xs[_] == 1', good: 'package p\n\nallow if input.xs[_][_] == 1' }, { bad: 'package p\n\nallow if input.xs[_].a == 1', good: 'package p\n\nallow if input.xs[_].a == 1', options: { 'ignore-if-sub-attribute': false }, count: 1 }].slice(0, 2),
  'unconditional-assignment': [docsCase('unconditional-assignment')],
  'unnecessary-some': [docsCase('unnecessary-some')],
  'yoda-condition': [docsCase('yoda-condition'), { bad: 'package p\n\nallow if 1 < input.x', good: 'package p\n\nallow if 1 < 2' }],
  'comprehension-term-assignment': [docsCase('comprehension-term-assignment'), { bad: 'package p\n\nnames := {n | some u in input.users; n := u}', good: 'package p\n\nnames := {n | some u in input.users; n := lower(u)}' }],
});
