// The Terraform JSON syntax reader: blocks and labels as nested objects, arrays of blocks, `"//"`
// comments, the three readings of strings (template, literal, expression), spans in the JSON text,
// and what bad input yields (diagnostics with a precise range, never an exception).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Attribute, Block, BodyItem, Expr, ParsedFile } from '../../../../server/src/iac/terraform/ast';
import { INTERNAL_ERROR_PREFIX } from '../../../../server/src/iac/terraform/parser';
import { isTerraformJsonConfiguration, parseTerraformFile } from '../../../../server/src/iac/terraform/json-config';

const slice = (file: ParsedFile, span: { start: number; end: number }) => file.text.slice(span.start, span.end);
const blocks = (items: BodyItem[], type?: string) => items.filter((i): i is Block => i.kind === 'Block' && (!type || i.type.name === type));
const attr = (items: BodyItem[], name: string) => items.find((i): i is Attribute => i.kind === 'Attribute' && i.name.name === name);

test('blocks are nested objects, one level per label; "//" properties are comments', () => {
  const text = `{
  "//": "generated",
  "resource": {
    "aws_s3_bucket": {
      "logs": { "//": "a note", "bucket": "logs", "force_destroy": true },
      "data": { "bucket": "data" }
    }
  },
  "variable": { "env": { "default": "prod" } },
  "locals": { "name": "x" }
}`;
  const file = parseTerraformFile(text, '/m/main.tf.json');
  assert.deepEqual(file.diagnostics, []);
  const resources = blocks(file.body.items, 'resource');
  assert.deepEqual(resources.map((b) => b.labels.map((l) => l.value)), [['aws_s3_bucket', 'logs'], ['aws_s3_bucket', 'data']]);
  const logs = resources[0];
  assert.deepEqual(logs.body.items.map((i) => (i.kind === 'Attribute' ? i.name.name : i.type.name)), ['bucket', 'force_destroy']);
  // The block is named where its innermost label is written: findings on the resource land there.
  assert.equal(slice(file, logs.type), '"logs"');
  assert.equal(slice(file, logs.labels[0]), '"aws_s3_bucket"');
  assert.equal(slice(file, { start: logs.start, end: logs.end }), '"logs": { "//": "a note", "bucket": "logs", "force_destroy": true }');
  const bucket = attr(logs.body.items, 'bucket')!;
  assert.equal(slice(file, bucket.name), '"bucket"');
  assert.equal(slice(file, bucket.expr), '"logs"');
  assert.equal(slice(file, bucket.equals!), ':');
  assert.deepEqual(blocks(file.body.items, 'variable')[0].labels.map((l) => l.value), ['env']);
  assert.equal(attr(blocks(file.body.items, 'locals')[0].body.items, 'name')?.expr.kind, 'Template');
});

test('arrays repeat blocks and labels in order, each block named by its own element', () => {
  const text = `{
  "provider": { "aws": [ { "region": "us-east-1" }, { "alias": "west", "region": "us-west-2" } ] },
  "resource": { "aws_instance": { "web": {
    "ebs_block_device": [ { "device_name": "/dev/sdb" }, { "device_name": "/dev/sdc" } ],
    "provisioner": [ { "local-exec": { "command": "a" } }, { "file": { "source": "b", "destination": "c" } } ]
  } } }
}`;
  const file = parseTerraformFile(text, '/m/main.tf.json');
  assert.deepEqual(file.diagnostics, []);
  const providers = blocks(file.body.items, 'provider');
  assert.equal(providers.length, 2);
  assert.deepEqual(providers.map((p) => p.labels[0].value), ['aws', 'aws']);
  // Two blocks with the same label: each header is its own `{`, so they are told apart.
  assert.notEqual(providers[0].type.start, providers[1].type.start);
  assert.equal(slice(file, providers[1].type), '{');
  const web = blocks(file.body.items, 'resource')[0];
  const devices = blocks(web.body.items, 'ebs_block_device');
  assert.deepEqual(devices.map((d) => slice(file, attr(d.body.items, 'device_name')!.expr)), ['"/dev/sdb"', '"/dev/sdc"']);
  assert.deepEqual(blocks(web.body.items, 'provisioner').map((p) => p.labels[0].value), ['local-exec', 'file']);
});

test('object values: nested blocks when they look like a schema block, values for maps', () => {
  const text = `{ "resource": { "aws_s3_bucket": { "b": {
    "versioning": { "enabled": true },
    "tags": { "team": "core" },
    "labels_like": { "Name": "x", "aws:cost": "1" },
    "website": {},
    "policy_object": { "\${var.key}": 1 },
    "dynamic": { "rule": { "for_each": "\${var.rules}", "content": { "id": "\${rule.value}" } } }
  } } } }`;
  const file = parseTerraformFile(text, '/m/main.tf.json');
  assert.deepEqual(file.diagnostics, []);
  const items = blocks(file.body.items, 'resource')[0].body.items;
  assert.deepEqual(blocks(items).map((b) => b.type.name), ['versioning', 'website', 'dynamic']);
  assert.equal(attr(items, 'tags')?.expr.kind, 'Object');
  assert.equal(attr(items, 'labels_like')?.expr.kind, 'Object');
  assert.equal(attr(items, 'policy_object')?.expr.kind, 'Object');
  const dynamic = blocks(items, 'dynamic')[0];
  assert.deepEqual(dynamic.labels.map((l) => l.value), ['rule']);
  assert.equal(blocks(dynamic.body.items, 'content').length, 1);
});

test('strings are templates; "${x}" alone is the expression itself; spans survive JSON escapes', () => {
  const text = `{ "locals": {
  "name": "corp-\${var.env}",
  "whole": "\${var.env}",
  "quoted": "\${var.on ? \\"Enabled\\" : \\"Suspended\\"}",
  "literal": "plain \\u00e9",
  "escaped": "$\${not.a.reference}"
} }`;
  const file = parseTerraformFile(text, '/m/main.tf.json');
  assert.deepEqual(file.diagnostics, []);
  const items = blocks(file.body.items, 'locals')[0].body.items;
  const name = attr(items, 'name')!.expr;
  assert.equal(name.kind, 'Template');
  assert.equal(slice(file, name), '"corp-${var.env}"');
  const whole = attr(items, 'whole')!.expr;
  assert.equal(whole.kind, 'GetAttr');
  assert.equal(slice(file, whole), 'var.env');
  const quoted = attr(items, 'quoted')!.expr as Expr & { kind: 'Conditional' };
  assert.equal(quoted.kind, 'Conditional');
  // The string inside the expression sits on its escaped quotes in the JSON text.
  assert.equal(slice(file, quoted.then), '\\"Enabled\\"');
  assert.equal(slice(file, quoted.else), '\\"Suspended\\"');
  const literal = attr(items, 'literal')!.expr;
  assert.ok(literal.kind === 'Template' && literal.parts[0].kind === 'TemplateLiteral' && literal.parts[0].value === 'plain é');
  const escaped = attr(items, 'escaped')!.expr;
  assert.ok(escaped.kind === 'Template' && escaped.parts.every((p) => p.kind === 'TemplateLiteral'));
  assert.equal(escaped.kind === 'Template' && escaped.parts.map((p) => (p.kind === 'TemplateLiteral' ? p.value : '')).join(''), '${not.a.reference}');
});

test('arguments Terraform reads literally or as bare expressions', () => {
  const text = `{
  "variable": { "v": { "type": "list(string)", "default": ["\${a}"], "description": "\${b}" } },
  "module": { "m": { "source": "./\${x}", "providers": { "aws": "aws.west" } } },
  "resource": { "aws_instance": { "i": {
    "provider": "aws.west",
    "depends_on": ["aws_s3_bucket.b", "module.m"],
    "lifecycle": { "ignore_changes": ["tags"] },
    "connection": { "type": "\${ssh}" }
  } } }
}`;
  const file = parseTerraformFile(text, '/m/main.tf.json');
  assert.deepEqual(file.diagnostics, []);
  const variable = blocks(file.body.items, 'variable')[0].body.items;
  assert.equal(attr(variable, 'type')!.expr.kind, 'Call');
  const dflt = attr(variable, 'default')!.expr;
  assert.ok(dflt.kind === 'Tuple' && dflt.items[0].kind === 'Template' && dflt.items[0].parts[0].kind === 'TemplateLiteral');
  const module = blocks(file.body.items, 'module')[0].body.items;
  const source = attr(module, 'source')!.expr;
  assert.ok(source.kind === 'Template' && source.parts.length === 1 && source.parts[0].kind === 'TemplateLiteral');
  const providers = attr(module, 'providers')!.expr;
  assert.ok(providers.kind === 'Object' && providers.items[0].key.kind === 'Variable' && providers.items[0].value.kind === 'GetAttr');
  const resource = blocks(file.body.items, 'resource')[0].body.items;
  assert.equal(attr(resource, 'provider')!.expr.kind, 'GetAttr');
  assert.equal(slice(file, attr(resource, 'provider')!.expr), 'aws.west');
  const dependsOn = attr(resource, 'depends_on')!.expr;
  assert.ok(dependsOn.kind === 'Tuple');
  assert.deepEqual(dependsOn.items.map((i) => [i.kind, slice(file, i)]), [['GetAttr', 'aws_s3_bucket.b'], ['GetAttr', 'module.m']]);
  const ignore = attr(blocks(resource, 'lifecycle')[0].body.items, 'ignore_changes')!.expr;
  assert.ok(ignore.kind === 'Tuple' && ignore.items[0].kind === 'Variable');
  const type = attr(blocks(resource, 'connection')[0].body.items, 'type')!.expr;
  assert.ok(type.kind === 'Template' && type.parts[0].kind === 'TemplateLiteral');
});

test('.tfvars.json: one attribute per property', () => {
  const text = '{ "//": "values", "env": "prod", "ports": [22, 443], "tags": { "Team": "core" } }';
  const file = parseTerraformFile(text, '/m/terraform.tfvars.json');
  assert.deepEqual(file.diagnostics, []);
  assert.deepEqual(file.body.items.map((i) => (i.kind === 'Attribute' ? i.name.name : '?')), ['env', 'ports', 'tags']);
  assert.equal(slice(file, attr(file.body.items, 'ports')!.expr), '[22, 443]');
});

test('bad input yields diagnostics with precise ranges, never an exception', () => {
  const cases: [string, string, string][] = [
    // [text, expected text at the diagnostic, message pattern]
    ['{ "resource": { "a": { "b": { "x": 1 "y": 2 } } } }', '"', 'expected'],
    ['{ "resource": ', '', 'end of JSON'],
    ['[1, 2]', '[1, 2]', 'one JSON object'],
    ['{ "resources": {} }', '"resources"', 'Unsupported block type'],
    ['{ "variable": { "x": "y" } }', '"y"', 'Invalid "variable" block'],
    // Inside a string template: on the text of the template itself.
    ['{ "locals": { "a": "${var.}" } }', '.', 'attribute name is required'],
  ];
  for (const [text, at, message] of cases) {
    const file = parseTerraformFile(text, '/m/bad.tf.json');
    assert.ok(file.diagnostics.length > 0, text);
    const d = file.diagnostics[0];
    assert.equal(d.severity, 'error');
    assert.match(d.message, new RegExp(message), text);
    assert.equal(text.slice(d.start, d.end), at, `${text}: ${d.message}`);
  }
});

test('every prefix of a configuration parses without an exception or an internal error', () => {
  const text = `{
  "resource": { "aws_security_group": { "web": {
    "ingress": [ { "from_port": 22, "cidr_blocks": ["0.0.0.0/0"] } ],
    "tags": { "Name": "web-\${var.env}" },
    "dynamic": { "egress": { "for_each": "\${var.e}", "content": { "to_port": "\${egress.value}" } } }
  } } },
  "variable": { "env": { "type": "string", "default": "x" } }
}`;
  for (let n = 0; n <= text.length; n++) {
    const file = parseTerraformFile(text.slice(0, n), '/m/main.tf.json');
    assert.ok(!file.diagnostics.some((d) => d.message.startsWith(INTERNAL_ERROR_PREFIX)), `prefix ${n}`);
    for (const d of file.diagnostics) assert.ok(d.start >= 0 && d.end <= n && d.start <= d.end, `prefix ${n}: ${JSON.stringify(d)}`);
  }
});

test('JSON configuration is recognised by its top-level block types, not plans, states or other JSON', () => {
  assert.equal(isTerraformJsonConfiguration('{ "//": {"metadata": {}}, "provider": {"aws": [{}]}, "resource": {} }'), true);
  assert.equal(isTerraformJsonConfiguration('{ "variable": { "x": {} } }'), true);
  assert.equal(isTerraformJsonConfiguration('{ "format_version": "1.2", "planned_values": {}, "resource_changes": [] }'), false);
  assert.equal(isTerraformJsonConfiguration('{ "version": 4, "terraform_version": "1.5.0", "resources": [] }'), false);
  assert.equal(isTerraformJsonConfiguration('{ "name": "pkg", "version": "1.0.0", "data": {} }'), false);
  assert.equal(isTerraformJsonConfiguration('{ "//": "only a comment" }'), false);
  assert.equal(isTerraformJsonConfiguration('{ "resource": { '), false);
  assert.equal(isTerraformJsonConfiguration('[{ "resource": {} }]'), false);
  assert.equal(isTerraformJsonConfiguration('{ "resource": { "a": "}" }, "output": [ { "o": { "value": "]" } } ] }'), true);
  assert.equal(isTerraformJsonConfiguration('{ "resource": {}, "extra": 1 }'), false);
  assert.equal(isTerraformJsonConfiguration('{ "resource": {}, }'), false);
  assert.equal(isTerraformJsonConfiguration('{ "reso\\u0075rce": {} }'), true);
  // The first other key settles it: the rest of a large file is never read.
  assert.equal(isTerraformJsonConfiguration(`{ "name": "lock", "packages": ${'['.repeat(100_000)}`), false);
});

test('deep nesting and huge inputs are bounded: an error, not a stack overflow', () => {
  const deep = `{ "locals": { "x": ${'['.repeat(5000)}${']'.repeat(5000)} } }`;
  const file = parseTerraformFile(deep, '/m/deep.tf.json');
  assert.ok(file.diagnostics.some((d) => /nested too deeply/.test(d.message)), JSON.stringify(file.diagnostics.slice(0, 2)));
  assert.ok(!file.diagnostics.some((d) => d.message.startsWith(INTERNAL_ERROR_PREFIX)));
  const deepTemplate = `{ "locals": { "x": "\${${'('.repeat(3000)}1${')'.repeat(3000)}}" } }`;
  const t = parseTerraformFile(deepTemplate, '/m/t.tf.json');
  assert.ok(!t.diagnostics.some((d) => d.message.startsWith(INTERNAL_ERROR_PREFIX)));
});
