// Builtin shortcuts that must answer exactly as the general path: a glob without syntax is
// compared as text, ASCII case mapping, shared small integers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectCall, expectError } from './helpers';
import { intNumber } from '../../../server/src/rego/value/number';
import { equal } from '../../../server/src/rego/value';
import { globToRegex } from '../../../server/src/rego/builtins/glob';
import { RE2JS } from 're2js';

test('glob.match: a pattern without glob syntax matches only its own text, whatever the delimiters', () => {
  expectCall('glob.match', ['"iam:PassRole"', '[]', '"iam:PassRole"'], 'true');
  expectCall('glob.match', ['"iam:PassRole"', '[]', '"iam:passrole"'], 'false');
  expectCall('glob.match', ['"a.b"', '["."]', '"a.b"'], 'true');
  expectCall('glob.match', ['"a.b"', 'null', '"a.bc"'], 'false');
  expectCall('glob.match', ['""', '[]', '""'], 'true');
  expectCall('glob.match', ['""', '[]', '"x"'], 'false');
  // `}` `]` `,` alone are literal characters for the general path too.
  expectCall('glob.match', ['"a}b]c,d"', '[]', '"a}b]c,d"'], 'true');
  // Operand checks still come first.
  expectError('glob.match', ['"abc"', '"x"', '"abc"'], 'glob.match: operand 2 must be one of {array, null} but got string');
  expectError('glob.match', ['"abc"', '[]', '1'], 'glob.match: operand 3 must be string but got number');
});

test('glob.match: `prefix*` answers as its RE2 translation does, for every delimiter setting', () => {
  const patterns = ['s3:Get*', '*', 'kms:*', 'a.b*', 'x*'];
  const texts = ['s3:GetObject', 's3:Get', 's3:get', 's3:Get.Object', 'kms:Decrypt', 'a.b', 'a.bc.d', 'x\ny', '', 'xé.', 'x😀'];
  const settings: [string, string[]][] = [['[]', ['.']], ['null', []], ['[":", "é"]', [':', 'é']], ['["ab"]', ['a', 'b']]];
  for (const p of patterns) {
    for (const t of texts) {
      for (const [literal, delimiters] of settings) {
        const expected = RE2JS.compile(globToRegex(p, delimiters)).matcher(t).find();
        expectCall('glob.match', [JSON.stringify(p), literal, JSON.stringify(t)], String(expected));
      }
    }
  }
});

test('lower and upper: ASCII and the code-point-by-code-point path agree', () => {
  expectCall('lower', ['"AbC-09_Z"'], '"abc-09_z"');
  expectCall('upper', ['"AbC-09_z"'], '"ABC-09_Z"');
  expectCall('upper', ['"straße"'], '"STRAßE"');
  expectCall('lower', ['"ÅÄÖ"'], '"åäö"');
});

test('small integers are shared values equal to freshly made ones', () => {
  assert.equal(intNumber(7), intNumber(7));
  assert.equal(intNumber(7).text, '7');
  assert.equal(intNumber(-0).text, '0');
  assert.ok(equal(intNumber(1023), intNumber(1023n)));
  assert.equal(intNumber(5000).text, '5000');
  assert.equal(intNumber(2 ** 60).text, (2n ** 60n).toString());
});
