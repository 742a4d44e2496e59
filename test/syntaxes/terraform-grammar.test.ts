import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGrammar, scopesOf, tokenizeLines } from './tokenize';

const grammar = () => loadGrammar('terraform.tmLanguage.json', 'source.terraform');

/** Asserts that, in line `index` of `lines`, `needle` starts a token carrying `scope`. */
async function expectScope(lines: string[], index: number, needle: string, scope: string, nth = 0): Promise<void> {
  const tokens = tokenizeLines(await grammar(), lines);
  const scopes = scopesOf(lines[index], tokens[index], needle, nth);
  assert.ok(scopes.includes(scope), `'${needle}' in line ${index} has ${scopes.join(' ')}; expected ${scope}`);
}

test('block types and labels', async () => {
  const lines = ['resource "aws_s3_bucket" "logs" {', '  bucket = "x"', '}'];
  await expectScope(lines, 0, 'resource', 'storage.type.terraform');
  await expectScope(lines, 0, 'aws_s3_bucket', 'entity.name.label.terraform');
  await expectScope(lines, 0, 'logs', 'entity.name.label.terraform');
  await expectScope(lines, 0, '{', 'punctuation.section.block.begin.terraform');
  await expectScope(lines, 2, '}', 'punctuation.section.block.end.terraform');
});

test('nested blocks and unknown block types', async () => {
  const lines = ['resource "aws_security_group" "sg" {', '  ingress {', '    from_port = 443', '  }', '}'];
  await expectScope(lines, 1, 'ingress', 'entity.name.type.terraform');
  await expectScope(lines, 2, 'from_port', 'variable.other.property.terraform');
  await expectScope(lines, 2, '443', 'constant.numeric.terraform');
});

test('attribute names, numbers, booleans and null', async () => {
  const lines = ['enabled = true', 'count   = 3.5e2', 'x = null', 'y = false'];
  await expectScope(lines, 0, 'enabled', 'variable.other.property.terraform');
  await expectScope(lines, 0, '=', 'keyword.operator.assignment.terraform');
  await expectScope(lines, 0, 'true', 'constant.language.boolean.terraform');
  await expectScope(lines, 1, '3.5e2', 'constant.numeric.terraform');
  await expectScope(lines, 2, 'null', 'constant.language.null.terraform');
  await expectScope(lines, 3, 'false', 'constant.language.boolean.terraform');
});

test('comments of all three styles', async () => {
  const lines = ['# hash', 'a = 1 // slash', '/* block', 'still */ b = 2'];
  await expectScope(lines, 0, '# hash', 'comment.line.number-sign.terraform');
  await expectScope(lines, 1, '// slash', 'comment.line.double-slash.terraform');
  await expectScope(lines, 2, 'block', 'comment.block.terraform');
  await expectScope(lines, 3, 'still', 'comment.block.terraform');
  await expectScope(lines, 3, 'b', 'variable.other.property.terraform', 0);
});

test('strings with interpolation, directives and escapes', async () => {
  const line = 'name = "app-${var.env}-%{ if var.x }on%{ endif }\\n$${literal}"';
  await expectScope([line], 0, '"app', 'string.quoted.double.terraform');
  await expectScope([line], 0, '${', 'punctuation.section.interpolation.begin.terraform');
  await expectScope([line], 0, 'var', 'variable.language.terraform');
  await expectScope([line], 0, 'env', 'variable.other.member.terraform');
  await expectScope([line], 0, 'if', 'keyword.control.directive.terraform');
  await expectScope([line], 0, 'endif', 'keyword.control.directive.terraform');
  await expectScope([line], 0, '\\n', 'constant.character.escape.terraform');
  await expectScope([line], 0, '$${', 'constant.character.escape.terraform');
  await expectScope([line], 0, 'literal', 'string.quoted.double.terraform');
});

test('heredocs, with interpolation, end at their marker', async () => {
  const lines = ['policy = <<-EOT', '  {"Resource": "${aws_s3_bucket.b.arn}"}', '  EOT', 'after = 1'];
  await expectScope(lines, 0, '<<-', 'keyword.operator.heredoc.terraform');
  await expectScope(lines, 0, 'EOT', 'keyword.control.heredoc.marker.terraform');
  await expectScope(lines, 1, '"Resource"', 'string.unquoted.heredoc.terraform');
  await expectScope(lines, 1, '${', 'punctuation.section.interpolation.begin.terraform');
  await expectScope(lines, 2, 'EOT', 'keyword.control.heredoc.marker.terraform');
  await expectScope(lines, 3, 'after', 'variable.other.property.terraform');
});

test('function calls (including provider functions) and operators', async () => {
  const line = 'v = length(local.list) >= 2 && !provider::aws::arn_parse(x).partition == "aws" ? 1 : 0';
  await expectScope([line], 0, 'length', 'support.function.terraform');
  await expectScope([line], 0, 'local', 'variable.language.terraform');
  await expectScope([line], 0, '>=', 'keyword.operator.comparison.terraform');
  await expectScope([line], 0, '&&', 'keyword.operator.logical.terraform');
  await expectScope([line], 0, 'provider::aws::arn_parse', 'support.function.terraform');
  await expectScope([line], 0, '?', 'keyword.operator.conditional.terraform');
});

test('for expressions and object literals', async () => {
  const lines = ['tags = { for k, v in var.tags : k => upper(v) if v != "" }', 'obj = {', '  Name = "x"', '}'];
  await expectScope(lines, 0, 'for', 'keyword.control.terraform');
  await expectScope(lines, 0, 'in', 'keyword.control.terraform');
  await expectScope(lines, 0, 'if', 'keyword.control.terraform');
  await expectScope(lines, 0, '=>', 'keyword.operator.arrow.terraform');
  await expectScope(lines, 0, 'upper', 'support.function.terraform');
  await expectScope(lines, 2, 'Name', 'variable.other.property.terraform');
  await expectScope(lines, 2, '"x"', 'string.quoted.double.terraform');
});

test('an unterminated string ends at the line end (HCL strings never span lines)', async () => {
  const lines = ['a = "open', 'resource "x" "y" {'];
  await expectScope(lines, 0, 'open', 'string.quoted.double.terraform');
  await expectScope(lines, 1, 'resource', 'storage.type.terraform');
});
