// Lexer, line index and version detection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lex, Tok, NL_BEFORE } from '../../../server/src/rego/syntax/lexer';
import { detectRegoVersion, lineIndex } from '../../../server/src/rego/syntax';

function kinds(text: string): string[] {
  const t = lex(text);
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) out.push(`${t.kinds[i]}:${text.slice(t.starts[i], t.ends[i])}`);
  return out;
}

test('operators and punctuation', () => {
  const t = lex(':= = == != <= >= < > + - * / % & | ; . , : [ ] { } ( )');
  const got = Array.from(t.kinds.slice(0, t.count));
  assert.deepEqual(got, [
    Tok.Assign, Tok.Unify, Tok.Equal, Tok.Neq, Tok.Lte, Tok.Gte, Tok.Lt, Tok.Gt, Tok.Add, Tok.Sub, Tok.Mul, Tok.Quo, Tok.Rem,
    Tok.And, Tok.Or, Tok.Semicolon, Tok.Dot, Tok.Comma, Tok.Colon, Tok.LBrack, Tok.RBrack, Tok.LBrace, Tok.RBrace, Tok.LParen, Tok.RParen, Tok.EOF,
  ]);
});

test('keywords, identifiers and prototype names', () => {
  assert.deepEqual(kinds('package if contains toString constructor x1 _'), [
    `${Tok.Package}:package`, `${Tok.If}:if`, `${Tok.Contains}:contains`, `${Tok.Ident}:toString`, `${Tok.Ident}:constructor`, `${Tok.Ident}:x1`, `${Tok.Ident}:_`, `${Tok.EOF}:`,
  ]);
});

test('number errors follow OPA', () => {
  const cases: [string, string][] = [['3.', 'expected fraction'], ['2e', 'expected exponent'], ['0x1F', 'illegal number format'], ['10_000', 'illegal number format']];
  for (const [src, msg] of cases) {
    const t = lex(src);
    assert.equal(t.kinds[0], Tok.Illegal, src);
    assert.deepEqual(t.errors.get(0), [msg], src);
  }
  assert.equal(lex('1.5e-3').kinds[0], Tok.Number);
});

test('strings: escapes, raw strings, unterminated', () => {
  assert.equal(lex('"a\\"b"').ends[0], 6);
  assert.deepEqual(lex('"\\q"').errors.get(0), ['illegal escape sequence']);
  assert.deepEqual(lex('"abc\nx').errors.get(0), ['non-terminated string']);
  assert.deepEqual(lex('`abc').errors.get(0), ['non-terminated string']);
  const raw = lex('`a\nb`');
  assert.equal(raw.kinds[0], Tok.String);
  assert.equal(raw.ends[0], 5);
});

test('comments become trivia; newline flags are kept', () => {
  const t = lex('a # c1\n  b\r\n# c2\nc');
  assert.deepEqual(t.comments.map((c) => 'a # c1\n  b\r\n# c2\nc'.slice(c.start, c.end)), ['# c1', '# c2']);
  assert.equal(t.count, 4);
  assert.ok((t.flags[1] & NL_BEFORE) !== 0);
  assert.ok((t.flags[2] & NL_BEFORE) !== 0);
});

test('template strings are split at expressions', () => {
  const t = lex('$"a{x}b{ {1} }c"');
  const got = Array.from(t.kinds.slice(0, t.count));
  assert.deepEqual(got, [Tok.TemplateStringPart, Tok.Ident, Tok.RBrace, Tok.TemplateStringPart, Tok.LBrace, Tok.Number, Tok.RBrace, Tok.RBrace, Tok.TemplateStringEnd, Tok.EOF]);
});

test('line index: 1-based rows, columns in characters, OPA end-of-file column', () => {
  const text = 'ab\n😀x\n';
  const idx = lineIndex(text);
  assert.deepEqual(idx.position(0), { row: 1, col: 1 });
  assert.deepEqual(idx.position(3), { row: 2, col: 1 });
  assert.deepEqual(idx.position(5), { row: 2, col: 2 }); // after the emoji (2 UTF-16 units, 1 column)
  assert.deepEqual(idx.opaPosition(text.length), { row: 3, col: 0 });
  assert.equal(idx.offset(2, 2), 5);
  assert.deepEqual(lineIndex('abc').opaPosition(3), { row: 1, col: 3 });
});

test('rego version detection', () => {
  assert.equal(detectRegoVersion('package a\n\ndeny[msg] {\n  msg := "x"\n}\n'), 'v0');
  assert.equal(detectRegoVersion('package a\n\nallow {\n  true\n}\n'), 'v0');
  assert.equal(detectRegoVersion('package a\n\nf(x) = y {\n  y := x\n}\n'), 'v0');
  assert.equal(detectRegoVersion('package a\n\nallow if {\n  true\n}\n'), 'v1');
  assert.equal(detectRegoVersion('package a\n\ndeny contains msg if {\n  msg := "x"\n}\n'), 'v1');
  assert.equal(detectRegoVersion('package a\nimport rego.v1\n\np := {"a": 1}\n'), 'v1');
  assert.equal(detectRegoVersion('package a\n\np := {"a": 1}\nq = {1}\n'), 'v1');
  assert.equal(detectRegoVersion('package a\nimport future.keywords.if\n\nallow if { true }\ndeny[m] { m := 1 }\n'), 'v0');
});
