import { docsCase, testCategory } from '../helpers';

const files = (...pairs: [string, string][]): { path: string; text: string }[] => pairs.map(([path, text]) => ({ path, text }));

testCategory('imports', {
  'avoid-importing-input': [docsCase('avoid-importing-input'), { bad: 'package p\n\nimport input.user', good: 'package p\n\nimport input.user as u' }],
  'confusing-alias': [docsCase('confusing-alias')],
  'ignored-import': [docsCase('ignored-import'), { bad: 'package p\n\nimport data.a\n\nx := data.a.b', good: 'package p\n\nimport data.a\n\nx := data.ab' }],
  'implicit-future-keywords': [{ ...docsCase('implicit-future-keywords'), regoVersion: 'v0' }],
  'import-after-rule': [docsCase('import-after-rule')],
  'import-shadows-builtin': [docsCase('import-shadows-builtin'), { bad: 'package p\n\nimport data.x as concat', good: 'package p\n\nimport data.x as joined' }],
  'import-shadows-import': [docsCase('import-shadows-import')],
  'pointless-import': [docsCase('pointless-import'), { bad: 'package p.q\n\nimport data.p.q', good: 'package p.q\n\nimport data.p.r' }],
  'redundant-alias': [docsCase('redundant-alias')],
  'redundant-data-import': [docsCase('redundant-data-import')],
  'use-rego-v1': [{ ...docsCase('use-rego-v1'), regoVersion: 'v0' }],
  'unresolved-import': [
    {
      bad: files(['a/a.rego', 'package a\n\nimport data.b.missing\n\nx := 1'], ['b/b.rego', 'package b\n\ny := 1']),
      good: files(['a/a.rego', 'package a\n\nimport data.b\nimport data.b.y\nimport data.lib\n\nx := 1'], ['b/b.rego', 'package b\n\ny := 1'], ['lib/net.rego', 'package lib.net\n\nz := 1']),
      count: 1,
    },
    { bad: 'package a\n\nimport data.external.users', good: 'package a\n\nimport data.other.users', options: { 'except-imports': ['data.other.*'] } },
  ],
  'prefer-package-imports': [{
    bad: files(['a/a.rego', 'package a\n\nimport data.b.y\n\nx := y'], ['b/b.rego', 'package b\n\ny := 1']),
    good: files(['a/a.rego', 'package a\n\nimport data.b\n\nx := b.y'], ['b/b.rego', 'package b\n\ny := 1']),
    count: 1,
  }],
  'circular-import': [{
    bad: files(['a/a.rego', 'package a\n\nimport data.b\n\nx := b.y'], ['b/b.rego', 'package b\n\nimport data.c\n\ny := c.z'], ['c/c.rego', 'package c\n\nimport data.a\n\nz := 1']),
    good: files(['a/a.rego', 'package a\n\nimport data.b\n\nx := b.y'], ['b/b.rego', 'package b\n\nimport data.c\n\ny := c.z'], ['c/c.rego', 'package c\n\nz := 1']),
    count: 3,
  }],
});
