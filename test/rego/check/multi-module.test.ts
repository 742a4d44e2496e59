// Modules checked together: a bare name resolves to a rule of the same package in another file,
// as OPA's compiler resolves it (and as the editor needs, since a package spans files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkModules } from '../../../server/src/rego';

const lines = (errs: ReturnType<typeof checkModules>) => errs.map((e) => `${e.file ?? ''}:${e.row} ${e.code} ${e.message}`);

test('a function and a rule of the same package defined in another file resolve', () => {
  const errs = checkModules([
    { file: 'a.rego', text: 'package p\n\nallow if {\n\thelper(1)\n\tlimit > 0\n}\n' },
    { file: 'b.rego', text: 'package p\n\nhelper(x) if x > 0\n\nlimit := 3\n' },
  ]);
  assert.deepEqual(lines(errs), []);
});

test('a name defined only in another package is still undefined', () => {
  const errs = checkModules([
    { file: 'a.rego', text: 'package p\n\nallow if helper(1)\n' },
    { file: 'b.rego', text: 'package q\n\nhelper(x) if x > 0\n' },
  ]);
  assert.deepEqual(errs.map((e) => `${e.row} ${e.code} ${e.message}`), ['3 rego_type_error undefined function helper']);
});
