import { docsCase, testCategory } from '../helpers';

testCategory('performance', {
  'with-outside-test-context': [docsCase('with-outside-test-context'), { bad: 'package p\n\nx := y if {\n\ty := data.q.v with data.q.w as 1\n}', good: 'package p_test\n\ntodo_test_x if data.q.v with input as 1' }],
  'walk-no-path': [docsCase('walk-no-path'), { bad: 'package p\n\nvals contains v if walk(input, [p, v])', good: 'package p\n\npaths contains p if walk(input, [p, _])' }],
  'equals-over-count': [docsCase('equals-over-count'), { bad: 'package p\n\nany_x if count(input.xs) > 0', good: 'package p\n\nmany if count(input.xs) > 1' }],
  'defer-assignment': [docsCase('defer-assignment'), {
    bad: 'package p\n\nallow if {\n\tx := input.a\n\tinput.b\n\tx == 1\n}',
    good: 'package p\n\nallow if {\n\tx := input.a\n\tx == 1\n\tinput.b\n}',
  }],
  'non-loop-expression': [docsCase('non-loop-expression'), {
    bad: 'package p\n\nimport data.lib\n\nallow if {\n\tsome x in input.xs\n\tlib.enabled\n\tx > 1\n}',
    good: 'package p\n\nallow if {\n\tsome x in input.xs\n\tinput.ys[_] == 1\n\ty := x + 1\n\ty > 2\n}',
  }],
});
