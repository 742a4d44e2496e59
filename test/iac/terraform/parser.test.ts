// Per-construct tests of the Terraform parser: each compares a small tree (as a dump) or the
// exact values the evaluator relies on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTerraform, parseTerraformExpression, parseTerraformTemplate } from '../../../server/src/iac/terraform/parser';
import { dumpTerraformTree, spanProblems } from '../../../server/src/iac/terraform/parser-dump';
import type { Attribute, Block, Expr, TemplateExpr } from '../../../server/src/iac/terraform/ast';

/** Parse `src`, require no diagnostics and sane spans, return the dump without the error lines. */
function treeOf(src: string): string {
  const file = parseTerraform(src, 'test.tf');
  assert.deepEqual(file.diagnostics, [], `unexpected diagnostics for ${JSON.stringify(src)}`);
  assert.deepEqual(spanProblems(file), []);
  return dumpTerraformTree(file);
}

/** The expression of the first attribute of `a = <src>`. */
function exprOf(src: string): Expr {
  const file = parseTerraform(`a = ${src}\n`, 'test.tf');
  assert.deepEqual(file.diagnostics, [], `unexpected diagnostics for ${JSON.stringify(src)}`);
  assert.deepEqual(spanProblems(file), []);
  return (file.body.items[0] as Attribute).expr;
}

function lines(...ls: string[]): string {
  return ls.join('\n') + '\n';
}

/** Shape of an expression as a compact S-expression, for operator/structure checks. */
function shape(e: Expr): string {
  switch (e.kind) {
    case 'Literal':
      return e.raw;
    case 'Variable':
      return e.name;
    case 'GetAttr':
      return `${shape(e.object)}.${e.name.name}`;
    case 'Index':
      return `${shape(e.object)}[${shape(e.key)}]`;
    case 'Splat':
      return `(splat${e.full ? '' : '-attr'} ${shape(e.object)} ${shape(e.each)})`;
    case 'Binary':
      return `(${e.op} ${shape(e.left)} ${shape(e.right)})`;
    case 'Unary':
      return `(${e.op} ${shape(e.operand)})`;
    case 'Conditional':
      return `(? ${shape(e.cond)} ${shape(e.then)} ${shape(e.else)})`;
    case 'Paren':
      return `(paren ${shape(e.expr)})`;
    case 'Call':
      return `(${e.name.name}${e.args.map((a) => ' ' + shape(a)).join('')}${e.expandFinal ? ' ...' : ''})`;
    case 'Tuple':
      return `[${e.items.map(shape).join(' ')}]`;
    case 'Object':
      return `{${e.items.map((i) => `${shape(i.key)}=${shape(i.value)}`).join(' ')}}`;
    case 'Template':
      return JSON.stringify(
        e.parts.map((p) => (p.kind === 'TemplateLiteral' ? p.value : p.kind === 'TemplateInterpolation' ? `\${${shape(p.expr)}}` : p.kind)).join(''),
      );
    case 'For':
      return `(for ${e.keyVar ? e.keyVar.name + ',' : ''}${e.valueVar.name} ${shape(e.collection)} ${e.keyExpr ? shape(e.keyExpr) + ' => ' : ''}${shape(e.valueExpr)}${e.grouping ? '...' : ''}${e.cond ? ' if ' + shape(e.cond) : ''})`;
    default:
      return e.kind;
  }
}

function literalText(e: Expr): string {
  assert.equal(e.kind, 'Template');
  const parts = (e as TemplateExpr).parts;
  return parts.map((p) => (p.kind === 'TemplateLiteral' ? p.value : `<${p.kind}>`)).join('');
}

test('attributes and blocks with quoted and bare labels, spans on every piece', () => {
  assert.equal(
    treeOf('resource "aws_s3_bucket" b {\n  acl = "private"\n}\n'),
    lines(
      'Body 0..49',
      '  Block 0..48 resource@0..8 "aws_s3_bucket"@9..24 b@25..26 {@27..28 }@47..48',
      '    Body 28..47',
      '      Attribute 31..46 acl@31..34 =@35..36',
      '        Template 37..46',
      '          TemplateLiteral 38..45 "private"',
    ),
  );
});

test('single-line blocks and nested blocks', () => {
  assert.equal(
    treeOf('a { b = 1 }\nc "x" { d { e = true } }\n'),
    lines(
      'Body 0..37',
      '  Block 0..11 a@0..1 {@2..3 }@10..11',
      '    Body 3..10',
      '      Attribute 4..9 b@4..5 =@6..7',
      '        Literal 8..9 1',
      '  Block 12..36 c@12..13 "x"@14..17 {@18..19 }@35..36',
      '    Body 19..35',
      '      Block 20..34 d@20..21 {@22..23 }@33..34',
      '        Body 23..33',
      '          Attribute 24..32 e@24..25 =@26..27',
      '            Literal 28..32 true',
    ),
  );
});

test('comments of all three styles are collected and do not end or break attributes', () => {
  const file = parseTerraform('# top\na = 1 // after\n/* block\n */ b = 2 # tail\n', 't.tf');
  assert.deepEqual(file.diagnostics, []);
  assert.deepEqual(
    file.comments.map((c) => [c.style, c.text, c.start, c.end]),
    [
      ['hash', '# top', 0, 5],
      ['slash', '// after', 12, 20],
      ['block', '/* block\n */', 21, 33],
      ['hash', '# tail', 40, 46],
    ],
  );
  assert.deepEqual(
    file.body.items.map((i) => (i as Attribute).name.name),
    ['a', 'b'],
  );
});

test('numbers keep their raw text; bools and null are literals', () => {
  for (const [src, value] of [
    ['0', 0],
    ['42', 42],
    ['3.25', 3.25],
    ['1e3', 1000],
    ['2.5E-2', 0.025],
    ['1e+2', 100],
  ] as const) {
    const e = exprOf(src);
    assert.equal(e.kind, 'Literal');
    assert.equal(e.kind === 'Literal' && e.value, value);
    assert.equal(e.kind === 'Literal' && e.raw, src);
  }
  assert.equal(shape(exprOf('true')), 'true');
  const n = exprOf('null');
  assert.ok(n.kind === 'Literal' && n.value === null);
  const f = exprOf('false');
  assert.ok(f.kind === 'Literal' && f.value === false);
});

test('quoted string escapes are resolved', () => {
  assert.equal(literalText(exprOf('"a\\nb\\rc\\td\\"e\\\\f"')), 'a\nb\rc\td"e\\f');
  assert.equal(literalText(exprOf('"\\u00e9\\U0001F600"')), 'é😀');
  assert.equal(literalText(exprOf('"$${x} %%{y} $ % $$ 100%"')), '${x} %{y} $ % $$ 100%');
  assert.equal(literalText(exprOf('""')), '');
});

test('interpolations and directives, with strip markers applied to the literal parts', () => {
  assert.equal(shape(exprOf('"pre-${var.x}-post"')), JSON.stringify('pre-${var.x}-post'));
  const stripped = exprOf('"a  ${~ b ~}  c"') as TemplateExpr;
  assert.deepEqual(
    stripped.parts.map((p) => (p.kind === 'TemplateLiteral' ? p.value : p.kind)),
    ['a', 'TemplateInterpolation', 'c'],
  );
  const interp = stripped.parts[1];
  assert.ok(interp.kind === 'TemplateInterpolation' && interp.stripLeft && interp.stripRight);

  const cond = exprOf('"%{ if x }yes%{ else }no%{ endif }"') as TemplateExpr;
  assert.equal(cond.parts.length, 1);
  const ifPart = cond.parts[0];
  assert.ok(ifPart.kind === 'TemplateIf');
  if (ifPart.kind === 'TemplateIf') {
    assert.equal(shape(ifPart.cond), 'x');
    assert.deepEqual(ifPart.then.map((p) => p.kind === 'TemplateLiteral' && p.value), ['yes']);
    assert.deepEqual(ifPart.else?.map((p) => p.kind === 'TemplateLiteral' && p.value), ['no']);
  }
  const loop = exprOf('"%{ for k, v in m ~}\\n${k}=${v}\\n%{~ endfor }"') as TemplateExpr;
  const forPart = loop.parts[0];
  assert.ok(forPart.kind === 'TemplateFor');
  if (forPart.kind === 'TemplateFor') {
    assert.equal(forPart.keyVar?.name, 'k');
    assert.equal(forPart.valueVar.name, 'v');
    assert.equal(shape(forPart.collection), 'm');
    // `~}` strips the newline after the directive, `%{~` strips the one before endfor.
    assert.deepEqual(
      forPart.body.map((p) => (p.kind === 'TemplateLiteral' ? p.value : p.kind)),
      ['TemplateInterpolation', '=', 'TemplateInterpolation'],
    );
  }
});

test('heredocs: plain keeps indentation, <<- removes the smallest common indentation', () => {
  const plain = exprOf('<<EOT\n  hello\n    world\nEOT') as TemplateExpr;
  assert.deepEqual(plain.heredoc, { marker: 'EOT', indent: false });
  assert.equal(literalText(plain), '  hello\n    world\n');
  const flush = exprOf('<<-EOT\n    hello\n      world\n\n    ${name}!\n    EOT') as TemplateExpr;
  assert.deepEqual(flush.heredoc, { marker: 'EOT', indent: true });
  assert.equal(literalText(flush), 'hello\n  world\n\n<TemplateInterpolation>!\n');
  const json = exprOf('<<POLICY\n{"a": "$${b}"}\nPOLICY') as TemplateExpr;
  assert.equal(literalText(json), '{"a": "${b}"}\n');
});

test('a closing heredoc marker may be followed by spaces or tabs (HCL trims the line), not by other text', () => {
  for (const tail of ['  ', '\t', ' \r']) {
    const file = parseTerraform(`a = <<POLICY\n{"k": 1}\nPOLICY${tail}\nb = 2\n`, 'main.tf');
    assert.deepEqual(file.diagnostics, [], JSON.stringify(tail));
    assert.deepEqual(file.body.items.map((i) => (i as Attribute).name.name), ['a', 'b'], JSON.stringify(tail));
    assert.equal(literalText((file.body.items[0] as Attribute).expr as TemplateExpr), '{"k": 1}\n');
  }
  const notMarker = parseTerraform('a = <<EOT\nEOT x\nEOT\n', 'main.tf');
  assert.deepEqual(notMarker.diagnostics, []);
  assert.equal(literalText((notMarker.body.items[0] as Attribute).expr as TemplateExpr), 'EOT x\n');
});

test('heredoc indentation cases of the HCL spec suite', () => {
  // Inputs and expected values follow hashicorp/hcl specsuite/tests/expressions/heredoc.hcl;
  // interpolations render as <name>.
  const render = (src: string): string => {
    const e = exprOf(src) as TemplateExpr;
    return e.parts.map((p) => (p.kind === 'TemplateLiteral' ? p.value : p.kind === 'TemplateInterpolation' ? `<${shape(p.expr)}>` : '?')).join('');
  };
  const cases: Array<[string, string]> = [
    ['<<EOT\n    Foo\n      Bar\n    Baz\n  EOT', '    Foo\n      Bar\n    Baz\n'],
    ['<<EOT\n    NOT EOT\n  EOT', '    NOT EOT\n'],
    ['<<-EOT\nFoo\nBar\nBaz\nEOT', 'Foo\nBar\nBaz\n'],
    ['<<-EOT\n    Foo\n      Bar\n    Baz\n  EOT', 'Foo\n  Bar\nBaz\n'],
    ['<<-EOT\n    Foo\n  Bar\n    Baz\n  EOT', '  Foo\nBar\n  Baz\n'],
    ['<<-EOT\n    Foo\n    ${bar}\n    Baz\n  EOT', 'Foo\n<bar>\nBaz\n'],
    ['<<-EOT\n    Foo\n      ${bar}\n    Baz\n  EOT', 'Foo\n  <bar>\nBaz\n'],
    ['<<-EOT\n    Foo\n  ${space_bar}\n    Baz\n  EOT', '  Foo\n<space_bar>\n  Baz\n'],
    ['<<-EOT\n\tFoo\n  Bar\n  Baz\n  EOT', 'Foo\n Bar\n Baz\n'],
    ['<<-EOT\n   \u2003\u2003Foo\n    Bar\n    Baz\n  EOT', '\u2003Foo\nBar\nBaz\n'],
    ['<<-EOT\n    Foo\n\n    Bar\n\n    Baz\n  EOT', 'Foo\n\nBar\n\nBaz\n'],
  ];
  for (const [src, expected] of cases) assert.equal(render(src), expected, JSON.stringify(src));
});

test('operator precedence and associativity follow HCL', () => {
  assert.equal(shape(exprOf('1 + 2 * 3')), '(+ 1 (* 2 3))');
  assert.equal(shape(exprOf('a - b - c')), '(- (- a b) c)');
  assert.equal(shape(exprOf('a || b && c == d')), '(|| a (&& b (== c d)))');
  assert.equal(shape(exprOf('a < b == c >= d')), '(== (< a b) (>= c d))');
  assert.equal(shape(exprOf('!a && -b * c % d')), '(&& (! a) (% (* (- b) c) d))');
  assert.equal(shape(exprOf('a ? b : c ? d : e')), '(? a b (? c d e))');
  assert.equal(shape(exprOf('a == 1 ? "x" : "y"')), '(? (== a 1) "x" "y")');
  assert.equal(shape(exprOf('(a + b) * c')), '(* (paren (+ a b)) c)');
});

test('traversals, legacy index and both splat forms', () => {
  assert.equal(shape(exprOf('aws_s3_bucket.logs.id')), 'aws_s3_bucket.logs.id');
  assert.equal(shape(exprOf('var.list[0].name')), 'var.list[0].name');
  assert.equal(shape(exprOf('a.0.b')), 'a[0].b');
  assert.equal(shape(exprOf('a.0.1')), 'a[0][1]');
  assert.equal(shape(exprOf('a.*.b.c')), '(splat-attr a *.b.c)');
  assert.equal(shape(exprOf('a.*.b[0]')), '(splat-attr a *.b)[0]');
  assert.equal(shape(exprOf('a[*].b[0].c')), '(splat a *.b[0].c)');
  assert.equal(shape(exprOf('aws_instance.web[*].id')), '(splat aws_instance.web *.id)');
  assert.equal(shape(exprOf('m["k"]')), 'm["k"]');
});

test('function calls: expansion, provider functions, newlines inside parentheses', () => {
  assert.equal(shape(exprOf('max(1, 2)')), '(max 1 2)');
  assert.equal(shape(exprOf('concat(a, b...)')), '(concat a b ...)');
  assert.equal(shape(exprOf('f()')), '(f)');
  assert.equal(shape(exprOf('provider::aws::arn_parse(x).region')), '(provider::aws::arn_parse x).region');
  assert.equal(shape(exprOf('merge(\n  a,\n  b,\n)')), '(merge a b)');
  const call = exprOf('provider::aws::arn_parse(x)');
  assert.ok(call.kind === 'Call');
  if (call.kind === 'Call') {
    assert.deepEqual([call.name.start, call.name.end], [4, 28]);
    assert.deepEqual(call.close, { start: 30, end: 31 });
  }
});

test('tuples and objects: separators, key forms, newlines', () => {
  assert.equal(shape(exprOf('[1, 2, 3,]')), '[1 2 3]');
  assert.equal(shape(exprOf('[\n  1,\n  2\n]')), '[1 2]');
  assert.equal(shape(exprOf('{}')), '{}');
  assert.equal(shape(exprOf('{ a = 1, b: 2 }')), '{a=1 b=2}');
  assert.equal(shape(exprOf('{\n  a = 1\n  "b-c" = 2\n  (var.k) = 3,\n}')), '{a=1 "b-c"=2 (paren var.k)=3}');
  assert.equal(shape(exprOf('{ a = [\n 1,\n 2] }')), '{a=[1 2]}');
});

test('for expressions: tuple and object forms, conditions and grouping', () => {
  assert.equal(shape(exprOf('[for s in var.list : upper(s)]')), '(for s var.list (upper s))');
  assert.equal(shape(exprOf('[for i, s in l : s if i > 0]')), '(for i,s l s if (> i 0))');
  assert.equal(shape(exprOf('{for k, v in m : k => v}')), '(for k,v m k => v)');
  assert.equal(shape(exprOf('{\n  for k, v in m :\n  v.g => k...\n  if v != null\n}')), '(for k,v m v.g => k... if (!= v null))');
  assert.equal(shape(exprOf('{ for = 1 }')), '{for=1}');
});

test('block labels resolve escapes; an attribute ends at its newline', () => {
  const file = parseTerraform('b "a\\"q" {\n}\nx = 1\ny = 2\n', 't.tf');
  assert.deepEqual(file.diagnostics, []);
  const block = file.body.items[0] as Block;
  assert.deepEqual(block.labels.map((l) => [l.value, l.quoted, l.start, l.end]), [['a"q', true, 2, 8]]);
  assert.equal(file.body.items.length, 3);
});

test('CRLF line endings and a byte-order mark parse cleanly', () => {
  const src = '\ufeffa = 1\r\nb {\r\n  c = <<EOT\r\nx\r\nEOT\r\n}\r\n';
  const file = parseTerraform(src, 't.tf');
  assert.deepEqual(file.diagnostics, []);
  assert.deepEqual(spanProblems(file), []);
  assert.equal(file.body.items.length, 2);
});

test('non-ASCII identifiers and strings keep UTF-16 spans', () => {
  const file = parseTerraform('tags = { "名前" = "😀x" }\n', 't.tf');
  assert.deepEqual(file.diagnostics, []);
  const obj = (file.body.items[0] as Attribute).expr;
  assert.ok(obj.kind === 'Object');
  if (obj.kind === 'Object') {
    const value = obj.items[0].value;
    assert.deepEqual([value.start, value.end], [16, 21]);
    assert.equal(literalText(value), '😀x');
  }
});

test('parseTerraformExpression parses one expression and reports trailing text', () => {
  const ok = parseTerraformExpression('aws_s3_bucket.logs.id\n');
  assert.deepEqual(ok.diagnostics, []);
  assert.equal(shape(ok.expr), 'aws_s3_bucket.logs.id');
  const multi = parseTerraformExpression('{\n  a = 1\n  b = [2,\n 3]\n}');
  assert.deepEqual(multi.diagnostics, []);
  assert.equal(shape(multi.expr), '{a=1 b=[2 3]}');
  const extra = parseTerraformExpression('1 2');
  assert.equal(shape(extra.expr), '1');
  assert.deepEqual(extra.diagnostics.map((d) => [d.start, d.end, d.message.split(':')[0]]), [[2, 3, 'Extra characters after expression']]);
});

test('parseTerraformTemplate reads a template file: no marker, heredoc escapes only', () => {
  const text = '#!/bin/bash\necho "${name}" \\n $${HOME}\n%{ for p in ports ~}\nopen ${p}\n%{ endfor ~}\nEOT\n';
  const { template, diagnostics } = parseTerraformTemplate(text);
  assert.deepEqual(diagnostics, []);
  assert.equal(template.heredoc, undefined);
  assert.deepEqual([template.start, template.end], [0, text.length]);
  assert.deepEqual(
    template.parts.map((p) => (p.kind === 'TemplateLiteral' ? p.value : p.kind)),
    ['#!/bin/bash\necho "', 'TemplateInterpolation', '" \\n ${HOME}\n', 'TemplateFor', 'EOT\n'],
  );
  assert.deepEqual(parseTerraformTemplate('').template.parts.map((p) => p.kind === 'TemplateLiteral' && p.value), ['']);
  assert.equal(parseTerraformTemplate('${x').diagnostics.length, 1);
});
