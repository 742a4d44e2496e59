// Error recovery: half-typed input keeps the rest of the file meaningful, every error is
// reported once with a precise range, and the tree keeps the promised shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTerraform } from '../../../server/src/iac/terraform/parser';
import { spanProblems } from '../../../server/src/iac/terraform/parser-dump';
import type { Attribute, Block, BodyItem, ParsedFile } from '../../../server/src/iac/terraform/ast';

function parse(src: string): ParsedFile {
  const file = parseTerraform(src, 'test.tf');
  assert.deepEqual(spanProblems(file), []);
  return file;
}

/** Diagnostics as `start-end Title` (the message up to its first colon) for compact comparison. */
function errors(file: ParsedFile): string[] {
  return file.diagnostics.map((d) => `${d.start}-${d.end} ${d.message.split(':')[0]}`);
}

function names(items: BodyItem[]): string[] {
  return items.map((i) => (i.kind === 'Attribute' ? i.name.name : `${i.type.name}{}`));
}

test('a half-typed block at the end of the file is still a Block with its attributes', () => {
  const file = parse('resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  acl');
  assert.deepEqual(errors(file), ['29-30 Unclosed configuration block', '48-51 Argument or block definition required']);
  const block = file.body.items[0] as Block;
  assert.equal(block.kind, 'Block');
  assert.equal(block.close, undefined);
  assert.deepEqual(block.open, { start: 29, end: 30 });
  assert.deepEqual(names(block.body.items), ['bucket', 'acl']);
  const acl = block.body.items[1] as Attribute;
  assert.equal(acl.equals, undefined);
  assert.equal(acl.expr.kind, 'Missing');
});

test('`acl = ` with nothing after gives an Attribute with a Missing value, next lines intact', () => {
  const file = parse('b {\n  acl = \n  bucket = "x"\n}\n');
  assert.deepEqual(errors(file), ['12-13 Missing expression']);
  const block = file.body.items[0] as Block;
  assert.deepEqual(names(block.body.items), ['acl', 'bucket']);
  const acl = block.body.items[0] as Attribute;
  assert.deepEqual(acl.equals, { start: 10, end: 11 });
  assert.deepEqual([acl.expr.kind, acl.expr.start, acl.expr.end], ['Missing', 12, 12]);
});

test('an unclosed block followed by a top-level block at column 0 ends there', () => {
  const file = parse('resource "a" "x" {\n  k = 1\n\nresource "b" "y" {\n  k = 2\n}\n');
  assert.deepEqual(errors(file), ['17-18 Unclosed configuration block']);
  assert.deepEqual(names(file.body.items), ['resource{}', 'resource{}']);
  assert.deepEqual((file.body.items[1] as Block).labels.map((l) => l.value), ['b', 'y']);
});

test('an unterminated string ends at its line', () => {
  const file = parse('b {\n  x = "half\n  y = "ok"\n}\n');
  assert.deepEqual(errors(file), ['10-15 Unterminated template string']);
  assert.deepEqual(names((file.body.items[0] as Block).body.items), ['x', 'y']);
});

test('a forgotten "}" in an interpolation ends at the line, even right after a dot', () => {
  for (const src of ['a = "${var.x\nb = 1\n', 'a = "${var.\nb = 1\n', 'a = "${var.x"\nb = 1\n']) {
    const file = parse(src);
    assert.equal(file.diagnostics[0].message.split(':')[0], 'Unterminated template interpolation', src);
    assert.deepEqual([file.diagnostics[0].start, file.diagnostics[0].end], [5, 7]);
    assert.deepEqual(names(file.body.items), ['a', 'b'], src);
  }
  // …while multi-line interpolations that HCL accepts stay valid.
  for (const src of ['a = "${\n  x\n}"\n', 'a = "${x ==\n y}"\n', 'a = "${f(1,\n 2)}"\n']) {
    assert.deepEqual(parse(src).diagnostics, [], src);
  }
});

test('trailing spaces after a heredoc marker are reported, the heredoc is still read', () => {
  const file = parse('a = <<EOT  \nbody\nEOT\nb = 1\n');
  assert.deepEqual(errors(file), ['9-11 Invalid heredoc']);
  assert.deepEqual(names(file.body.items), ['a', 'b']);
});

test('unterminated heredoc reports the opener; a missing bracket names the opener line', () => {
  assert.deepEqual(errors(parse('a = <<EOT\nbody\n')), ['4-9 Unterminated heredoc']);
  const file = parse('a = [1, 2\nb = 3\n');
  assert.deepEqual(errors(file), ['10-11 Missing closing bracket']);
  assert.match(file.diagnostics[0].message, /opened on line 1/);
  assert.deepEqual(names(file.body.items), ['a', 'b']);
});

test('several errors are each reported once, at distinct positions', () => {
  const file = parse('a = 1 b = 2\nc = (1 +\nd = [1 2]\ne = f(1 2)\n');
  assert.deepEqual(errors(file), [
    '6-7 Missing newline after argument',
    '21-22 Missing expression',
    '28-29 Missing item separator',
    '39-40 Missing argument separator',
  ]);
  assert.deepEqual(names(file.body.items), ['a', 'c', 'd', 'e']);
  const starts = file.diagnostics.map((d) => d.start);
  assert.equal(new Set(starts).size, starts.length);
});

test('invalid characters: one diagnostic per run, with Terraform-like hints', () => {
  const file = parse("a = 'x'\nb = 1;\nc = \u0000\u0000\u0000\nd = 2\n");
  assert.deepEqual(errors(file), ['4-7 Invalid character', '13-14 Invalid character', '19-22 Invalid character']);
  assert.match(file.diagnostics[0].message, /double quotes/);
  assert.deepEqual(names(file.body.items), ['a', 'b', 'c', 'd']);
});

test('a colon instead of "=" is reported but the value is kept', () => {
  const file = parse('acl: "private"\nb = 1\n');
  assert.deepEqual(errors(file), ['3-4 Invalid argument separator']);
  const acl = file.body.items[0] as Attribute;
  assert.equal(acl.expr.kind, 'Template');
  assert.deepEqual(names(file.body.items), ['acl', 'b']);
});

test('object items recover per line; stray closers are reported', () => {
  const file = parse('t = {\n  a = 1\n  b 2\n  c = 3\n}\n}\n');
  assert.deepEqual(errors(file), ['18-19 Missing key/value separator', '30-31 Unexpected closing brace']);
  const t = (file.body.items[0] as Attribute).expr;
  assert.equal(t.kind, 'Object');
  if (t.kind === 'Object') assert.equal(t.items.length, 3);
});

test('template directive errors', () => {
  assert.deepEqual(errors(parse('a = "%{ if x }y"\n')), ['5-14 Unterminated template directive']);
  assert.deepEqual(errors(parse('a = "%{ endif }"\n')), ['5-15 Unexpected endif directive']);
  assert.deepEqual(errors(parse('a = "%{ bogus }"\n')), ['8-13 Invalid template directive']);
  assert.deepEqual(errors(parse('a = "${ a b }"\n')), ['10-11 Extra characters after interpolation']);
});
