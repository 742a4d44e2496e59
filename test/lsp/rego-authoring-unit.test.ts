// In-process tests of the Rego authoring modules: variable scoping, schema references, bindings,
// open calls, fuzzy matching, the Terraform model summary; every feature on half-typed text; and a
// rename across the shipped pack that must leave it compiling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/corpora';
import { checkModules } from '../../server/src/rego/index';
import { LineIndex } from '../../server/src/lsp/line-index';
import { attributeAt, summarise } from '../../server/src/lsp/iac-model-summary';
import { completionsAt } from '../../server/src/lsp/rego-completion';
import { expandBindings, inputFieldHover } from '../../server/src/lsp/rego-input-completion';
import { documentLinks } from '../../server/src/lsp/rego-links';
import { prepareRenameAt, renameAt } from '../../server/src/lsp/rego-rename';
import { ruleLocals } from '../../server/src/lsp/rego-scopes';
import { resolveSchemaFile, schemaAt, schemaProperties, schemaRefSegments } from '../../server/src/lsp/rego-schemas';
import { encodeTokens, moduleTokens } from '../../server/src/lsp/rego-semantic-tokens';
import { openCallAt, signatureHelpAt } from '../../server/src/lsp/rego-signature-help';
import { fuzzyMatches, workspaceSymbols } from '../../server/src/lsp/rego-workspace-symbols';
import { RegoWorkspace, type ParsedFile } from '../../server/src/lsp/rego-workspace';
import type { Model } from '../../server/src/iac/model';

const noDisk = new RegoWorkspace({ readFile: () => undefined, listDir: () => undefined });

/** Each local of the first rule as `name@offsets of its occurrences`. */
function localsOf(text: string, globals: string[] = []): string[] {
  const rule = noDisk.parse('/w/x.rego', text).module!.rules[0];
  return ruleLocals(rule, (n) => ['input', 'data', ...globals].includes(n))
    .map((v) => `${v.name}${v.isArg ? '(arg)' : ''}@${v.occurrences.map((t) => t.loc.start).join(',')}`)
    .sort();
}

test('scopes: some/:= declare, comprehensions close over outer uses, every opens a scope', () => {
  // Comprehension `x` is the outer x (used outside too); `y` is the comprehension's own.
  const closure = 'package p\n\nr if {\n\tx := 1\n\tys := [y | some y in input.a; y > x]\n\tcount(ys) > 0\n}\n';
  const at = (s: string, k = 0) => {
    let i = -1;
    for (let j = 0; j <= k; j++) i = closure.indexOf(s, i + 1);
    return i;
  };
  assert.deepEqual(localsOf(closure), [`x@${at('x :=')},${at('x]')}`, `y@${at('y |')},${at('y in')},${at('y >')}`, `ys@${at('ys :=')},${at('ys)')}`].sort());

  // `some x` inside the comprehension shadows the outer x.
  const shadow = 'package p\n\nr if {\n\tx := 1\n\txs := [x | some x in input.a]\n\tx > 0\n\tcount(xs) > 0\n}\n';
  const names = localsOf(shadow).map((l) => l.split('@')[0]);
  assert.deepEqual(names.sort(), ['x', 'x', 'xs']);

  // Function arguments, a rule name and input are not body locals; every's key/value are its own.
  const fn = 'package p\n\nallow := true\n\nf(a, b) if {\n\tallow\n\tevery k, v in input.m {\n\t\tk != a\n\t\tv != b\n\t}\n}\n';
  const rule = noDisk.parse('/w/f.rego', fn).module!.rules[1];
  const locals = ruleLocals(rule, (n) => ['input', 'data', 'allow'].includes(n)).map((v) => `${v.name}${v.isArg ? '(arg)' : ''}:${v.occurrences.length}`);
  assert.deepEqual(locals.sort(), ['a(arg):2', 'b(arg):2', 'k:2', 'v:2']);

  // Else branches are separate bodies sharing the arguments.
  const chain = 'package p\n\ng(n) := y if {\n\ty := n\n\ty > 1\n} else := y if {\n\ty := 0\n}\n';
  assert.deepEqual(localsOf(chain).map((l) => l.split('@')[0]).sort(), ['n(arg)', 'y', 'y']);
});

test('schema references: schema.a.b, bracketed names, relative files; $ref and items navigation', () => {
  assert.deepEqual(schemaRefSegments('schema.input'), ['input']);
  assert.deepEqual(schemaRefSegments('schema["acl-schema"].v1'), ['acl-schema', 'v1']);
  assert.equal(schemaRefSegments('input'), undefined);
  const files = new Set(['/ws/schemas/authz.json', '/ws/policies/schema/nested/x.json', '/ws/policies/rel/my.json']);
  const exists = (p: string) => files.has(p);
  assert.equal(resolveSchemaFile('schema.authz', '/ws/policies/a/p.rego', '/ws', exists), '/ws/schemas/authz.json');
  assert.equal(resolveSchemaFile('schema.nested.x', '/ws/policies/a/p.rego', '/ws', exists), '/ws/policies/schema/nested/x.json');
  assert.equal(resolveSchemaFile('./rel/my.json', '/ws/policies/p.rego', '/ws', exists), '/ws/policies/rel/my.json');
  assert.equal(resolveSchemaFile('schema.missing', '/ws/policies/p.rego', '/ws', exists), undefined);
  // The search stops at the workspace folder.
  assert.equal(resolveSchemaFile('schema.authz', '/ws/policies/p.rego', '/ws/policies', exists), undefined);

  const schema = {
    type: 'object',
    properties: { list: { type: 'array', items: { $ref: '#/$defs/item' } }, map: { type: 'object', additionalProperties: { properties: { v: { type: 'number' } } } } },
    $defs: { item: { allOf: [{ properties: { a: { type: 'string' } } }, { properties: { b: { type: ['string', 'null'], description: 'B.' } } }] } },
  };
  const items = schemaAt(schema, ['list', '[]'])!;
  assert.deepEqual(schemaProperties(items, schema), [{ name: 'a', type: 'string', description: undefined }, { name: 'b', type: 'string | null', description: 'B.' }]);
  assert.deepEqual(schemaProperties(schemaAt(schema, ['map', '[]'])!, schema).map((p) => p.name), ['v']);
  assert.equal(schemaAt(schema, ['nope']), undefined);
});

test('bindings, open calls and fuzzy matching read half-typed text', () => {
  assert.equal(expandBindings('r.config', 'deny if {\n\tsome r in input.resources\n\t'), 'input.resources[].config');
  assert.equal(expandBindings('b.x', 'deny if {\n\tsome r in tf.resources("t")\n\tb := r.config.a[0]\n\t'), 'input.resources[].config.a[].x');
  assert.equal(expandBindings('v', 'deny if {\n\tsome k, v in input.m\n'), 'input.m[]');
  assert.equal(expandBindings('z.y', 'deny if {\n\tsome r in input.resources\n'), 'z.y');
  assert.deepEqual(openCallAt('x := concat(",", [a, f(b, "(,"', 30), { name: 'f', activeParameter: 1 });
  assert.deepEqual(openCallAt('x := concat(",", [a, b', 22), { name: 'concat', activeParameter: 1 });
  assert.equal(openCallAt('x := (1 + ', 10), undefined);
  assert.equal(openCallAt('x := f(1) + 2', 13), undefined);
  assert.ok(fuzzyMatches('s3pub', 'aws.s3.bucket_public'));
  assert.ok(fuzzyMatches('', 'anything'));
  assert.ok(!fuzzyMatches('zz', 'aws.s3'));
});

test('signature help: one signature per distinct head of a function; a builtin otherwise', () => {
  const text = 'package p\n\nf(x, y) := x\n\nf("a", y) := y\n\nf(x, y) := 2 if x == 1\n\nq := f(1, count(';
  const doc = noDisk.parse('/w/p.rego', text);
  const inner = signatureHelpAt({ doc, files: [doc] }, text.length)!;
  assert.equal(inner.signatures[0].label.startsWith('count('), true);
  const outer = signatureHelpAt({ doc, files: [doc] }, text.length - 'count('.length)!;
  assert.deepEqual(outer.signatures.map((s) => s.label), ['f(x, y)', 'f("a", y)']);
  assert.equal(outer.activeParameter, 1);
  assert.equal(outer.activeSignature, 0);
});

test('model summary: types, attribute kinds, nested blocks as list items, unknowns as leaves', () => {
  const model = {
    format: 'terraform',
    files: ['main.tf'],
    resources: [
      { address: 'aws_s3_bucket.a', mode: 'managed', type: 'aws_s3_bucket', name: 'a', file: 'main.tf', config: { bucket: 'a', versioning: [{ enabled: true }] }, references: [] },
      { address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', file: 'main.tf', config: { bucket: { $unknown: 'var.x' }, acl: 'private' }, references: [] },
    ],
  } as unknown as Model;
  const summary = summarise([model]).get('aws_s3_bucket')!;
  assert.equal(summary.count, 2);
  assert.deepEqual([...summary.config.fields.keys()].sort(), ['acl', 'bucket', 'versioning']);
  assert.deepEqual([...summary.config.fields.get('bucket')!.kinds].sort(), ['string', 'unknown']);
  assert.equal(summary.config.fields.get('bucket')!.fields.size, 0, 'an unknown is a leaf');
  assert.deepEqual([...attributeAt(summary.config, ['versioning', '[]'])!.fields.keys()], ['enabled']);
});

test('IaC completion: union of types when not narrowed, narrowed either way round, through every', () => {
  const model = {
    format: 'terraform',
    files: ['main.tf'],
    resources: [
      { address: 'aws_s3_bucket.a', mode: 'managed', type: 'aws_s3_bucket', name: 'a', file: 'main.tf', config: { bucket: 'a' }, references: [] },
      { address: 'aws_instance.b', mode: 'managed', type: 'aws_instance', name: 'b', file: 'main.tf', config: { ami: 'x', ebs_block_device: [{ encrypted: false }] }, references: [] },
    ],
  } as unknown as Model;
  const summary = summarise([model]);
  const iac = { types: () => summary };
  const labels = (text: string) => {
    const doc = noDisk.parse('/w/c.rego', text);
    return completionsAt({ doc, files: [doc], iac }, text, text.length).map((i) => i.label).sort();
  };
  assert.deepEqual(labels('package c\n\np if {\n\tinput.resources[_].config.'), ['ami', 'bucket', 'ebs_block_device']);
  assert.deepEqual(labels('package c\n\np if {\n\tsome r in input.resources\n\t"aws_instance" == r.type\n\tr.config.'), ['ami', 'ebs_block_device']);
  assert.deepEqual(labels('package c\n\np if {\n\tsome r in input.resources\n\tr.type == "aws_instance"\n\tevery d in r.config.ebs_block_device {\n\t\td.'), ['encrypted']);
  assert.deepEqual(labels('package c\n\np if {\n\tsome r in input.resources\n\tr.type == "aws_'), ['aws_instance', 'aws_s3_bucket']);
  // A variable of another rule does not narrow or bind this one.
  assert.deepEqual(labels('package c\n\nq if {\n\tsome r in input.resources\n\tr.type == "aws_instance"\n}\n\np if {\n\tr.config.'), []);
  // Inside a comment or another string: nothing.
  assert.deepEqual(labels('package c\n\np if {\n\t# input.'), []);
  assert.deepEqual(labels('package c\n\np if {\n\tx := "input.'), []);
});

const HALF = `# METADATA
# schemas:
#   - input: schema.x
package policy.half

import data.lib.net
import data.lib.net.is_public as pub

deny contains msg if {
	some r in input.resources
	names := [n | some n in r.config.tags; n != ""]
	every x in names { x != "a" }
	net.is_public(r.config.cidr, pub(r.a))
	msg := sprintf("%s %d", [r.address, count(names)])
}

f(a, b) := a + b
`;

test('every feature answers on every prefix of a document without throwing', () => {
  const lib = noDisk.parse('/w/lib/net.rego', 'package lib.net\n\nis_public(c, s) if c == s\n');
  let lastGood: ParsedFile | undefined;
  for (let cut = 0; cut <= HALF.length; cut += 4) {
    const text = HALF.slice(0, cut) + '\n' + HALF.slice(cut + 5);
    const doc = noDisk.parse('/w/policy/half.rego', text);
    if (doc.module) lastGood = doc;
    const scope = { doc, files: [lib, doc] };
    const offsets = [0, Math.floor(cut / 2), cut, Math.min(text.length, cut + 1), text.length];
    for (const offset of offsets) {
      prepareRenameAt(scope, offset);
      renameAt(scope, offset, 'renamed');
      signatureHelpAt(scope, offset);
      const schemas = [{ target: 'input', schema: { properties: { a: {} } } }];
      completionsAt({ ...scope, lastGood, schemas }, text, offset);
      inputFieldHover(text, offset, { schemas });
    }
    encodeTokens(moduleTokens(doc.module, text), text);
    documentLinks(doc, scope.files, '/w', () => true);
    workspaceSymbols(scope.files, 'ne');
  }
});

let shipped: ParsedFile[] | undefined;
/** The parses of policies/ (read once for the tests below). */
function shippedPack(): ParsedFile[] {
  if (shipped) return shipped;
  const disk = new RegoWorkspace({
    readFile: (p) => {
      try {
        return readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
    listDir: (p) => {
      try {
        return readdirSync(p);
      } catch {
        return undefined;
      }
    },
  });
  const files = disk.parsedUnder(resolve(REPO_ROOT, 'policies').split('\\').join('/'));
  assert.ok(files.length > 100, `policies/ holds ${files.length} .rego files`);
  shipped = files;
  return files;
}

test('semantic tokens over the shipped pack: sorted, non-overlapping, one identifier each, keywords never', () => {
  let count = 0;
  for (const f of shippedPack()) {
    let previousEnd = 0;
    for (const t of moduleTokens(f.module, f.text)) {
      const written = f.text.slice(t.start, t.end);
      assert.ok(t.start >= previousEnd, `${f.path}: overlapping token at ${t.start}`);
      assert.match(written, /^[A-Za-z_]\w*$/, `${f.path}: token ${JSON.stringify(written)}`);
      assert.ok(!['in', 'some', 'every', 'if', 'else', 'not', 'with', 'as', 'default'].includes(written), `${f.path}: keyword ${written} at ${t.start}`);
      previousEnd = t.end;
      count++;
    }
  }
  assert.ok(count > 10000, `${count} tokens`);
});

test('renaming tf.resources across the shipped pack keeps every module compiling', () => {
  const files = shippedPack();
  const lib = files.find((f) => f.path.endsWith('/lib/tf.rego'))!;
  const offset = lib.text.indexOf('resources(resource_type)') + 2;
  const result = renameAt({ doc: lib, files }, offset, 'resources_of');
  assert.ok('edit' in result, JSON.stringify(result));
  const changes = result.edit.changes!;
  const renamed = files.map((f) => {
    const edits = changes[`file://${f.path}`] ?? [];
    const index = new LineIndex(f.text);
    let text = f.text;
    for (const e of [...edits].sort((a, b) => index.offsetAt(b.range.start) - index.offsetAt(a.range.start))) {
      text = text.slice(0, index.offsetAt(e.range.start)) + e.newText + text.slice(index.offsetAt(e.range.end));
    }
    return { file: f.path, text };
  });
  const calls = renamed.reduce((n, f) => n + (f.text.match(/\btf\.resources_of\(/g)?.length ?? 0), 0);
  assert.ok(Object.keys(changes).length > 50 && calls > 100, `${Object.keys(changes).length} files, ${calls} calls renamed`);
  assert.ok(renamed.every((f) => !/\btf\.resources\(/.test(f.text)), 'no call left behind');
  const errors = checkModules(renamed);
  assert.deepEqual(errors.map((e) => `${e.file}:${e.row}: ${e.message}`), []);
});
