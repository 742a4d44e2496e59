import { docsCase, testCategory } from '../helpers';

testCategory('testing', {
  'dubious-print-sprintf': [docsCase('dubious-print-sprintf')],
  'file-missing-test-suffix': [
    { bad: 'package p_test\n\nx := 1', good: 'package p_test\n\nx := 1', file: 'p/p_tests.rego' },
    { bad: 'package p\n\ntest_x if true', good: 'package p\n\nx if true', file: 'p/p.rego' },
  ].map((c, i) => (i === 0 ? { ...c, good: 'package p\n\nx := 1' } : c)),
  'identically-named-tests': [docsCase('identically-named-tests')],
  'metasyntactic-variable': [docsCase('metasyntactic-variable'), { bad: 'package p\n\nf(bar) := 1', good: 'package p\n\nfood := 1' }],
  'print-or-trace-call': [docsCase('print-or-trace-call'), { bad: 'package p\n\nx := 1 if trace("here")', good: 'package p\n\nprinted := 1' }],
  'test-outside-test-package': [docsCase('test-outside-test-package')],
  'todo-test': [docsCase('todo-test')],
});
