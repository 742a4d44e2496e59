import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPack } from '../../server/src/policy';
import { ruleModule, scanFiles, textAt } from './helpers';

/** A rule reporting `path` on every resource of `type`. */
function pathRule(id: string, type: string, path: string, extra: Partial<Parameters<typeof ruleModule>[0]> = {}) {
  return {
    path: `${id}.rego`,
    text: ruleModule({
      id,
      pkg: `t.${id.toLowerCase().replace(/-/g, '_')}`,
      body: `deny contains {"msg": sprintf("%s is bad", [r.address]), "resource": r.address, "path": ${path}} if {\n\tsome r in input.resources\n\tr.type == "${type}"\n}`,
      ...extra,
    }),
  };
}

const MAIN = `resource "aws_s3_bucket" "b" {
  bucket = "logs"
  acl    = "public-read"
}

resource "aws_security_group" "sg" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}

variable "unset" {
  type = string
}

resource "aws_s3_bucket_public_access_block" "p" {
  bucket            = aws_s3_bucket.b.id
  block_public_acls = var.unset
}
`;

async function placed(path: string, type: string, files: Record<string, string> = { 'main.tf': MAIN }) {
  const pack = loadPack([pathRule('T-1', type, path)]);
  assert.deepEqual(pack.diagnostics, []);
  const scan = await scanFiles(pack, files);
  assert.deepEqual(scan.diagnostics, []);
  return { scan, texts: scan.findings.map((f) => textAt(scan.host, f.range)) };
}

test('a finding on an existing attribute lands on its value', async () => {
  const { scan, texts } = await placed('["acl"]', 'aws_s3_bucket');
  assert.deepEqual(texts, ['"public-read"']);
  const f = scan.findings[0];
  assert.equal(f.ruleId, 'T-1');
  assert.equal(f.severity, 'high');
  assert.equal(f.message, 'aws_s3_bucket.b is bad');
  assert.equal(f.resource, 'aws_s3_bucket.b');
  assert.deepEqual(f.path, ['acl']);
  assert.equal(f.range.file, 'mod/main.tf');
  assert.equal(f.value, 'public-read');
  assert.match(f.fingerprint, /^[0-9a-f]{16}$/);
});

test('a missing attribute lands on the resource header', async () => {
  const { texts } = await placed('["versioning", 0, "enabled"]', 'aws_s3_bucket');
  assert.deepEqual(texts, ['resource "aws_s3_bucket" "b"']);
});

test('list elements and nested blocks are placed exactly', async () => {
  assert.deepEqual((await placed('["ingress", 1, "cidr_blocks", 1]', 'aws_security_group')).texts, ['"0.0.0.0/0"']);
  assert.deepEqual((await placed('["ingress", 0, "from_port"]', 'aws_security_group')).texts, ['22']);
  // The path ends at a block, or at an attribute the block lacks: the block's type name.
  assert.deepEqual((await placed('["ingress", 1]', 'aws_security_group')).texts, ['ingress']);
  assert.deepEqual((await placed('["ingress", 1, "description"]', 'aws_security_group')).texts, ['ingress']);
  const second = (await placed('["ingress", 1]', 'aws_security_group')).scan.findings[0];
  assert.ok(second.range.start > MAIN.indexOf('443') - 40, 'the second ingress block, not the first');
});

test('resources inside local modules are placed in the module file', async () => {
  const files = {
    'main.tf': 'module "m" {\n  source = "./modules/m"\n}\n',
    'modules/m/main.tf': 'resource "aws_s3_bucket" "inner" {\n  acl = "public-read"\n}\n',
  };
  const { scan, texts } = await placed('["acl"]', 'aws_s3_bucket', files);
  assert.deepEqual(texts, ['"public-read"']);
  assert.equal(scan.findings[0].resource, 'module.m.aws_s3_bucket.inner');
  assert.equal(scan.findings[0].range.file, 'mod/modules/m/main.tf');
});

test('string findings are placed on the unit: its first file, line 1', async () => {
  const pack = loadPack([{ path: 's.rego', text: ruleModule({ id: 'T-S', pkg: 't.s', body: 'deny contains "the unit has an S3 bucket" if {\n\tsome r in input.resources\n\tr.type == "aws_s3_bucket"\n}' }) }]);
  const scan = await scanFiles(pack, { 'b.tf': 'variable "x" {}\n', 'a.tf': MAIN });
  assert.equal(scan.findings.length, 1);
  assert.deepEqual(scan.findings[0].range, { file: 'mod/a.tf', start: 0, end: 0 });
  assert.equal(scan.findings[0].message, 'the unit has an S3 bucket');
  assert.equal(scan.findings[0].resource, undefined);
});

test('a finding whose value is wholly unknown is dropped unless the rule allows unknowns', async () => {
  const strict = await placed('["block_public_acls"]', 'aws_s3_bucket_public_access_block');
  assert.deepEqual(strict.texts, []);
  const pack = loadPack([pathRule('T-U', 'aws_s3_bucket_public_access_block', '["block_public_acls"]', { extraCustom: 'allow_unknown: true' })]);
  const lenient = await scanFiles(pack, { 'main.tf': MAIN });
  assert.deepEqual(lenient.findings.map((f) => textAt(lenient.host, f.range)), ['var.unset']);
  assert.deepEqual(lenient.findings[0].value, { $unknown: 'var.unset' });
  // A path running through an unknown points at an unknown as well.
  const below = await placed('["block_public_acls", "nested", 0]', 'aws_s3_bucket_public_access_block');
  assert.deepEqual(below.texts, []);
  // A reference to a computed attribute is unknown; a missing attribute is not, and is kept.
  assert.equal((await placed('["bucket"]', 'aws_s3_bucket_public_access_block')).texts.length, 0, 'bucket is a reference to a computed id: unknown');
  assert.deepEqual((await placed('["restrict_public_buckets"]', 'aws_s3_bucket_public_access_block')).texts, ['resource "aws_s3_bucket_public_access_block" "p"']);
});

test('fix operations and related locations are carried over', async () => {
  const body = [
    'deny contains {"msg": "m", "resource": r.address, "path": ["acl"], "fix": [{"op": "set", "path": ["acl"], "value": "private"}],',
    '\t"related": [{"resource": "aws_security_group.sg", "path": ["ingress", 0], "msg": "see also"}]} if {',
    '\tsome r in input.resources',
    '\tr.type == "aws_s3_bucket"',
    '}',
  ].join('\n');
  const pack = loadPack([{ path: 'r.rego', text: ruleModule({ id: 'T-R', pkg: 't.r', body }) }]);
  const scan = await scanFiles(pack, { 'main.tf': MAIN });
  const f = scan.findings[0];
  assert.deepEqual(f.fix, [{ op: 'set', path: ['acl'], value: 'private' }]);
  assert.equal(f.related?.length, 1);
  assert.equal(f.related![0].message, 'see also');
  assert.equal(textAt(scan.host, f.related![0].range), 'ingress');
});

test('fingerprints do not change when lines move', async () => {
  const first = await placed('["acl"]', 'aws_s3_bucket');
  const second = await placed('["acl"]', 'aws_s3_bucket', { 'main.tf': '\n\n# moved\n' + MAIN });
  assert.notEqual(first.scan.findings[0].range.start, second.scan.findings[0].range.start);
  assert.equal(first.scan.findings[0].fingerprint, second.scan.findings[0].fingerprint);
  const other = await placed('["bucket"]', 'aws_s3_bucket');
  assert.notEqual(other.scan.findings[0].fingerprint, first.scan.findings[0].fingerprint);
});

test('a looping rule is stopped by the budget with one diagnostic; the other rules still report', async () => {
  const loop = ruleModule({ id: 'T-LOOP', pkg: 't.loop', body: 'deny contains "never" if {\n\tsome i in numbers.range(1, 5000)\n\tsome j in numbers.range(1, 5000)\n\ti + j < 0\n}' });
  const pack = loadPack([{ path: 'loop.rego', text: loop }, pathRule('T-1', 'aws_s3_bucket', '["acl"]')]);
  const started = Date.now();
  const scan = await scanFiles(pack, { 'main.tf': MAIN }, undefined, { budget: { maxSteps: 50_000, maxMillis: 5_000 } });
  assert.ok(Date.now() - started < 4_000, 'stopped well before the time budget');
  assert.deepEqual(scan.findings.map((f) => f.ruleId), ['T-1']);
  assert.equal(scan.diagnostics.length, 1);
  assert.equal(scan.diagnostics[0].code, 'rule-budget');
  assert.equal(scan.diagnostics[0].ruleId, 'T-LOOP');
  assert.match(scan.diagnostics[0].message, /step budget/);
});

test('a rule that fails at evaluation yields one diagnostic about the rule', async () => {
  const conflict = ruleModule({ id: 'T-ERR', pkg: 't.err', body: 'p := v if {\n\tsome v in [1, 2]\n}\n\ndeny contains "x" if p == 1' });
  const notSet = ruleModule({ id: 'T-SHAPE', pkg: 't.shape', body: 'deny := "not a set"' });
  const pack = loadPack([{ path: 'err.rego', text: conflict }, { path: 'shape.rego', text: notSet }, pathRule('T-1', 'aws_s3_bucket', '["acl"]')]);
  assert.deepEqual(pack.diagnostics, []);
  const scan = await scanFiles(pack, { 'main.tf': MAIN });
  assert.deepEqual(scan.findings.map((f) => f.ruleId), ['T-1']);
  assert.deepEqual(scan.diagnostics.map((d) => [d.code, d.ruleId]).sort(), [['rule-error', 'T-ERR'], ['rule-error', 'T-SHAPE']]);
});

test('rules whose resource types are absent from the unit are not evaluated', async () => {
  const boom = ruleModule({ id: 'T-NO', pkg: 't.no', resourceTypes: ['aws_instance'], body: 'deny := "would be an error if evaluated"' });
  const scan = await scanFiles(loadPack([{ path: 'no.rego', text: boom }]), { 'main.tf': MAIN });
  assert.deepEqual(scan.diagnostics, []);
  assert.deepEqual(scan.findings, []);
});

test('cancellation between rules stops the scan and reports it cancelled', async () => {
  const pack = loadPack([pathRule('T-1', 'aws_s3_bucket', '["acl"]'), pathRule('T-2', 'aws_s3_bucket', '["bucket"]')]);
  let pauses = 0;
  let cancelled = false;
  const scan = await scanFiles(pack, { 'main.tf': MAIN }, undefined, {
    isCancelled: () => cancelled,
    pause: async () => {
      if (++pauses === 2) cancelled = true;
    },
  });
  assert.equal(scan.cancelled, true);
  assert.deepEqual(scan.findings, []);
});
