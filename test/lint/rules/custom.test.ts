import { docsCase, testCategory } from '../helpers';

testCategory('custom', {
  'naming-convention': [
    { bad: 'package p\n\nAllow := true', good: 'package p\n\nallow := true', options: { conventions: [{ pattern: '^[a-z_]+$', targets: ['rule'] }] } },
    { bad: 'package p\n\nf(x) := y if {\n\tY := x\n\ty := Y\n}', good: 'package p\n\nF(x) := y if {\n\ty := x\n}', options: { conventions: [{ pattern: '^[a-z_]+$', targets: ['variable'] }] } },
    { bad: 'package Acme.p', good: 'package acme.p', options: { conventions: [{ pattern: '^acme\\.', targets: ['package'] }] } },
  ],
  'forbidden-function-call': [{ bad: 'package p\n\nr := http.send({"method": "get", "url": "https://x"})', good: 'package p\n\nr := json.marshal({})', options: { 'forbidden-functions': ['http.send'] } }],
  'one-liner-rule': [docsCase('one-liner-rule'), { bad: 'package p\n\nallow if {\n\tinput.x == 1\n}', good: 'package p\n\nallow if {\n\t# why\n\tinput.x == 1\n}' }],
  'prefer-value-in-head': [docsCase('prefer-value-in-head')],
  'missing-metadata': [docsCase('missing-metadata'), { bad: '# METADATA\n# title: P\npackage p\n\nallow := true', good: '# METADATA\n# title: P\npackage p\n\n_helper := true' }],
  'chained-rule-body': [{ ...docsCase('chained-rule-body'), regoVersion: 'v0' }],
  'disallow-rego-v1': [docsCase('disallow-rego-v1')],
});
