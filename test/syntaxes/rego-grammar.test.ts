import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGrammar, scopesOf, tokenizeLines } from './tokenize';

const grammar = () => loadGrammar('rego.tmLanguage.json', 'source.rego');

async function expectScope(lines: string[], index: number, needle: string, scope: string, nth = 0): Promise<void> {
  const tokens = tokenizeLines(await grammar(), lines);
  const scopes = scopesOf(lines[index], tokens[index], needle, nth);
  assert.ok(scopes.includes(scope), `'${needle}' in line ${index} has ${scopes.join(' ')}; expected ${scope}`);
}

test('package and import, with alias', async () => {
  const lines = ['package policies.aws.s3', 'import rego.v1', 'import data.lib.util as u'];
  await expectScope(lines, 0, 'package', 'keyword.other.package.rego');
  await expectScope(lines, 0, 'policies.aws.s3', 'entity.name.namespace.rego');
  await expectScope(lines, 1, 'import', 'keyword.control.import.rego');
  await expectScope(lines, 2, 'as', 'keyword.control.as.rego');
  await expectScope(lines, 2, 'u', 'variable.other.alias.rego', 1);
});

test('rule heads, default rules and rule keywords', async () => {
  const lines = [
    'default allow := false',
    'deny contains msg if {',
    '  some bucket in input.resources',
    '  not bucket.config.versioning',
    '  msg := sprintf("bucket %s", [bucket.name])',
    '}',
    'allow if input.user == "admin"',
    'f(x) := y if { y := x + 1 } else := 0',
  ];
  await expectScope(lines, 0, 'default', 'keyword.other.default.rego');
  await expectScope(lines, 0, 'allow', 'entity.name.function.rule.rego');
  await expectScope(lines, 0, 'false', 'constant.language.rego');
  await expectScope(lines, 1, 'deny', 'entity.name.function.rule.rego');
  await expectScope(lines, 1, 'contains', 'keyword.control.rego');
  await expectScope(lines, 1, 'if', 'keyword.control.rego');
  await expectScope(lines, 2, 'some', 'keyword.control.rego');
  await expectScope(lines, 2, 'in ', 'keyword.control.rego');
  await expectScope(lines, 2, 'input', 'variable.language.rego');
  await expectScope(lines, 3, 'not', 'keyword.operator.negation.rego');
  await expectScope(lines, 4, ':=', 'keyword.operator.assignment.rego');
  await expectScope(lines, 4, 'sprintf', 'support.function.builtin.rego');
  await expectScope(lines, 6, 'allow', 'entity.name.function.rule.rego');
  await expectScope(lines, 6, '==', 'keyword.operator.comparison.rego');
  await expectScope(lines, 7, 'f', 'entity.name.function.rule.rego');
  await expectScope(lines, 7, 'else', 'keyword.control.rego');
  await expectScope(lines, 7, '+', 'keyword.operator.arithmetic.rego');
});

test('every, with and as', async () => {
  const lines = ['  every x in xs { x > 0 }', '  allow with input as {"user": "bob"}'];
  await expectScope(lines, 0, 'every', 'keyword.control.rego');
  await expectScope(lines, 0, '>', 'keyword.operator.comparison.rego');
  await expectScope(lines, 0, '0', 'constant.numeric.rego');
  await expectScope(lines, 1, 'with', 'keyword.other.with.rego');
  await expectScope(lines, 1, 'as', 'keyword.other.with.rego');
  await expectScope(lines, 1, '"user"', 'string.quoted.double.rego');
});

test('strings, escapes, raw strings across lines, numbers and comments', async () => {
  const lines = ['x := "a\\tb\\u00e9" # trailing', 'r := `raw \\n', 'still raw`', 'n := -12.5e3'];
  await expectScope(lines, 0, '\\t', 'constant.character.escape.rego');
  await expectScope(lines, 0, '\\u00e9', 'constant.character.escape.rego');
  await expectScope(lines, 0, '# trailing', 'comment.line.number-sign.rego');
  await expectScope(lines, 1, '`raw', 'string.quoted.other.raw.rego');
  await expectScope(lines, 2, 'still', 'string.quoted.other.raw.rego');
  await expectScope(lines, 3, '-12.5e3', 'constant.numeric.rego');
});

test('dotted builtins versus user functions', async () => {
  const lines = ['  json.unmarshal(s)', '  regex.match(`^a`, s)', '  my_helper(s)', '  count(xs) > 1'];
  await expectScope(lines, 0, 'json.unmarshal', 'support.function.builtin.rego');
  await expectScope(lines, 1, 'regex.match', 'support.function.builtin.rego');
  await expectScope(lines, 2, 'my_helper', 'entity.name.function.call.rego');
  await expectScope(lines, 3, 'count', 'support.function.builtin.rego');
  const tokens = tokenizeLines(await grammar(), lines);
  assert.ok(!scopesOf(lines[2], tokens[2], 'my_helper').includes('support.function.builtin.rego'));
});
